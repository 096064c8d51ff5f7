// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// ioctl requests of devices, by strace's names: those whose number carries an argument
// (EVIOCGBIT(EV_KEY, 8)), then every name the uapi headers give the value
// (data/uapi/ioctl_requests.tsv, sorted by value).
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <linux/btrfs.h>
#include <linux/counter.h>
#include <linux/fs.h>
#include <linux/hdreg.h>
#include <linux/input.h>
#include <linux/inotify.h>
#include <linux/ioctl.h>
#include <linux/kd.h>
#include <linux/keyboard.h>
#include <linux/loop.h>
#include <linux/nbd.h>
#include <linux/nsfs.h>
#include <linux/perf_event.h>
#include <linux/ptp_clock.h>
#include <linux/random.h>
#include <linux/rtc.h>
#include <linux/watchdog.h>
#include <mtd/ubi-user.h>
#include <scsi/sg.h>

#include <algorithm>
#include <climits>
#include <cstring>

#include "decode_printers.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;

char* put_sized(char* out, std::string_view name, uint64_t n) {
  return put(put_num(put(put(out, name), "("), n), ")");
}

// strace's ioctl_decode_command_number: a name whose number is an argument of the request,
// or nullptr.
char* put_numbered(char* out, uint32_t cmd) {
  const uint32_t dir = _IOC_DIR(cmd), nr = _IOC_NR(cmd), size = _IOC_SIZE(cmd);
  switch (_IOC_TYPE(cmd)) {
    case '!':
      if (cmd == _IOC(_IOC_READ, '!', 2, sizeof(uint64_t)))
        return put(out, "SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR");
      return nullptr;
    case 'E':
      if (dir == _IOC_WRITE && nr >= 0xc0 && nr <= 0xc0 + 0x3f)
        return put(put_enum(put(out, "EVIOCSABS("), nr - 0xc0, uapi::k_evdev_abs, "ABS_???"),
                   ")");
      if (dir != _IOC_READ) return nullptr;
      if (nr >= 0x20 && nr <= 0x20 + 0x1f) {
        out = put(out, "EVIOCGBIT(");
        out = nr == 0x20 ? put(out, "0") : put_enum(out, nr - 0x20, uapi::k_evdev_ev, "EV_???");
        return put(put_num(put(out, ", "), size), ")");
      }
      if (nr >= 0x40 && nr <= 0x40 + 0x3f)
        return put(put_enum(put(out, "EVIOCGABS("), nr - 0x40, uapi::k_evdev_abs, "ABS_???"),
                   ")");
      switch (nr) {
        case 0x06: return put_sized(out, "EVIOCGNAME", size);
        case 0x07: return put_sized(out, "EVIOCGPHYS", size);
        case 0x08: return put_sized(out, "EVIOCGUNIQ", size);
        case 0x09: return put_sized(out, "EVIOCGPROP", size);
        case 0x0a: return put_sized(out, "EVIOCGMTSLOTS", size);
        case 0x18: return put_sized(out, "EVIOCGKEY", size);
        case 0x19: return put_sized(out, "EVIOCGLED", size);
        case 0x1a: return put_sized(out, "EVIOCGSND", size);
        case 0x1b: return put_sized(out, "EVIOCGSW", size);
        default: return nullptr;
      }
    case 'H':
      if (dir == _IOC_READ) {
        switch (nr) {
          case 0x04: return put_sized(out, "HIDIOCGRAWNAME", size);
          case 0x05: return put_sized(out, "HIDIOCGRAWPHYS", size);
          case 0x06: return put_sized(out, "HIDIOCSFEATURE", size);
          case 0x08: return put_sized(out, "HIDIOCGRAWUNIQ", size);
          case 0x12: return put_sized(out, "HIDIOCGPHYS", size);
          default: return nullptr;
        }
      }
      if (dir == (_IOC_READ | _IOC_WRITE)) {
        if (nr == 0x06) return put_sized(out, "HIDIOCSFEATURE", size);
        if (nr == 0x07) return put_sized(out, "HIDIOCGFEATURE", size);
      }
      return nullptr;
    case 'M':
      if (dir == _IOC_WRITE) return put_sized(out, "MIXER_WRITE", nr);
      if (dir == _IOC_READ) return put_sized(out, "MIXER_READ", nr);
      return nullptr;
    case 'U':
      return dir == _IOC_READ && nr == 0x2c ? put_sized(out, "UI_GET_SYSNAME", size) : nullptr;
    case 'j':
      return dir == _IOC_READ && nr == 0x13 ? put_sized(out, "JSIOCGNAME", size) : nullptr;
    case 'k':
      return dir == _IOC_WRITE && nr == 0 ? put_sized(out, "SPI_IOC_MESSAGE", size) : nullptr;
    default:
      return nullptr;
  }
}

// The request types strace decodes arguments of (its ioctl_decode), other than terminals'
// and sockets'.
bool decoded_type(uint32_t type) {
  switch (type) {
    case 0x12: case '!': case '"': case '$': case '=': case '>': case 'E':
    case 'K': case 'L': case 'M': case 'O': case 'R': case 'X': case 'f':
    case 'i': case 'o': case 'p': case 0x94: case 0xa4: case 0xaa: case 0xab: case 0xae:
    case 0xb4: case 0xb7: case 0xfd:
      return true;
    default:
      return false;
  }
}

// The request types whose numbers are plain (#define KDGETLED 0x4B31), not _IOR(): their
// size says nothing of whether the argument points somewhere.
bool plain_numbered_type(uint32_t type) {
  return type == 0x12 || type == 0x22 || type == 'K' || type == 'L';
}

bool named(uint32_t cmd) {
  return std::binary_search(std::begin(uapi::k_ioctl_requests), std::end(uapi::k_ioctl_requests),
                            Flag{cmd, {}},
                            [](const Flag& a, const Flag& b) { return a.value < b.value; });
}

// A struct of the kernel's from a captured blob of at least its size.
template <class T>
bool take(const std::string_view* blob, bool cut, T* v) {
  if (!blob || cut || blob->size() < sizeof(T)) return false;
  std::memcpy(v, blob->data(), sizeof(T));
  return true;
}

// struct termios' and struct termio's four flag fields (strace's term.c): the output delays
// and the baud rates, character size and input rate are values of masks, the rest flags.
char* put_term_flags(char* out, uint32_t iflag, uint32_t oflag, uint32_t cflag,
                     uint32_t lflag) {
  out = put_flags(put(out, "c_iflag="), iflag, uapi::k_term_iflags);
  out = put(out, ", c_oflag=");
  out = put(put_enum(out, oflag & NLDLY, uapi::k_term_oflags_nldly, "NL?"), "|");
  out = put(put_enum(out, oflag & CRDLY, uapi::k_term_oflags_crdly, "CR?"), "|");
  out = put(put_enum(out, oflag & TABDLY, uapi::k_term_oflags_tabdly, "TAB?"), "|");
  out = put(put_enum(out, oflag & BSDLY, uapi::k_term_oflags_bsdly, "BS?"), "|");
  out = put(put_enum(out, oflag & VTDLY, uapi::k_term_oflags_vtdly, "VT?"), "|");
  out = put(put_enum(out, oflag & FFDLY, uapi::k_term_oflags_ffdly, "FF?"), "|");
  out = put_flags(out, oflag & ~uint32_t{NLDLY | CRDLY | TABDLY | BSDLY | VTDLY | FFDLY},
                  uapi::k_term_oflags);
  out = put(put_enum(put(out, ", c_cflag="), cflag & CBAUD, uapi::k_baud_options, "B???"), "|");
  if (cflag & CIBAUD) {
    out = put(put_enum(out, (cflag & CIBAUD) >> IBSHIFT, uapi::k_baud_options, "B???"), "<<");
    out = put(display().xlat == Xlat::kRaw ? put_hex(out, IBSHIFT) : put(out, "IBSHIFT"), "|");
  }
  out = put(put_enum(out, cflag & CSIZE, uapi::k_term_cflags_csize, "CS?"), "|");
  out = put_flags(out, cflag & ~uint32_t{CBAUD | CIBAUD | CSIZE}, uapi::k_term_cflags);
  return put_flags(put(out, ", c_lflag="), lflag, uapi::k_term_lflags);
}

// c_line and c_cc, which strace shows only with -v.
char* put_term_line(char* out, uint8_t line, const uint8_t* cc, size_t n) {
  out = put_enum(put(out, ", c_line="), line, uapi::k_term_line_discs, "N_???");
  out = put(out, ", c_cc=[");
  for (size_t i = 0; i < n; ++i) {
    out = put(out, i ? ", [" : "[");
    const Flag* name = std::find_if(std::begin(uapi::k_termios_cc), std::end(uapi::k_termios_cc),
                                    [i](const Flag& f) { return f.value == i; });
    out = name != std::end(uapi::k_termios_cc) ? put(out, name->name) : put_num(out, i);
    out = put_hex(put(out, "]="), cc[i]);
  }
  return put(out, "]");
}

char* put_termios(char* out, const std::string_view* blob, bool cut, bool with_speeds) {
  struct termios2 t{};
  if (!blob || cut || blob->size() < (with_speeds ? sizeof(termios2) : sizeof(termios)))
    return nullptr;
  std::memcpy(&t, blob->data(), with_speeds ? sizeof(termios2) : sizeof(termios));
  out = put_term_flags(put(out, "{"), t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag);
  if (display().abbrev) return put(out, ", ...}");
  out = put_term_line(out, t.c_line, t.c_cc, NCCS);
  if (with_speeds)
    out = put_num(put(put_num(put(out, ", c_ispeed="), t.c_ispeed), ", c_ospeed="), t.c_ospeed);
  return put(out, "}");
}

char* put_termio(char* out, const std::string_view* blob, bool cut) {
  struct termio t;
  if (!take(blob, cut, &t)) return nullptr;
  out = put_term_flags(put(out, "{"), t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag);
  if (display().abbrev) return put(out, ", ...}");
  return put(put_term_line(out, t.c_line, t.c_cc, NCC), "}");
}

// A console keymap's number: K_NORMTAB and the others by name, else its modifier bits.
char* put_kb_table(char* out, uint8_t table) {
  if (display().xlat == Xlat::kRaw) return put_hex(out, table);
  for (const Flag& f : uapi::k_kd_key_tables)
    if (f.value == table) return put(out, f.name);
  bool first = true;
  uint32_t rest = table;
  for (const Flag& f : uapi::k_kd_keymap_bits) {
    if (!(rest & (1u << f.value))) continue;
    out = put(put(put(out, first ? "" : "|"), "1<<"), f.name);
    rest &= ~(1u << f.value);
    first = false;
  }
  if (rest) out = put_hex(put(out, first ? "" : "|"), rest);
  return first ? put(out, " /* K_??? */") : out;
}

template <size_t N>
std::string_view name_of(uint64_t v, const Flag (&table)[N]) {
  for (const Flag& f : table)
    if (f.value == v) return f.name;
  return {};
}

// A key's value (linux/keyboard.h's K(type, value)) in hex, and in a comment its name, or
// K(KT_LATIN, 'a') and the like for keys without one.
char* put_kb_value(char* out, uint16_t value) {
  out = put_hex(out, value);
  if (display().xlat == Xlat::kRaw) return out;
  uint8_t type = KTYP(value), code = KVAL(value);
  std::string_view name;
  switch (type) {
    case KT_FN: name = name_of(value, uapi::k_kd_key_fn_keys); break;
    case KT_SPEC: name = name_of(value, uapi::k_kd_key_spec_keys); break;
    case KT_PAD: name = name_of(value, uapi::k_kd_key_pad_keys); break;
    case KT_DEAD: name = name_of(value, uapi::k_kd_key_dead_keys); break;
    case KT_CUR: name = name_of(value, uapi::k_kd_key_cur_keys); break;
    case KT_SHIFT: name = name_of(value, uapi::k_kd_key_shift_keys); break;
    case KT_ASCII: name = name_of(value, uapi::k_kd_key_ascii_keys); break;
    case KT_LOCK: name = name_of(value, uapi::k_kd_key_lock_keys); break;
    case KT_SLOCK: name = name_of(value, uapi::k_kd_key_slock_keys); break;
    case KT_BRL: name = name_of(value, uapi::k_kd_key_brl_keys); break;
    default: break;
  }
  if (!name.empty()) return put(put(put(out, " /* "), name), " */");
  std::string_view kind = name_of(type, uapi::k_kd_key_types);
  out = put(out, " /* K(");
  out = kind.empty() ? put_hex(out, type) : put(out, kind);
  out = put(out, ", ");
  if (type == KT_LATIN || type == KT_META || type == KT_LETTER || type == KT_DEAD2) {
    // strace's print_char: quoted, \t to \r by name, other unprintables in hex.
    *out++ = '\'';
    if (code >= ' ' && code < 0x7f) {
      if (code == '\'' || code == '\\') *out++ = '\\';
      *out++ = static_cast<char>(code);
    } else if (code >= '\t' && code <= '\r') {
      *out++ = '\\';
      *out++ = "tnvfr"[code - '\t'];
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      out = put(out, "\\x");
      *out++ = kHex[code >> 4];
      *out++ = kHex[code & 0xf];
    }
    *out++ = '\'';
  } else {
    out = put_hex(out, code);
  }
  return put(out, ") */");
}

}  // namespace

bool ioctl_without_arg(uint32_t cmd) noexcept {
  switch (cmd) {
    case FIOCLEX: case FIONCLEX:
    case RTC_AIE_ON: case RTC_AIE_OFF: case RTC_UIE_ON: case RTC_UIE_OFF: case RTC_PIE_ON:
    case RTC_PIE_OFF: case RTC_WIE_ON: case RTC_WIE_OFF: case RTC_VL_CLR:
    case NBD_DISCONNECT: case NBD_CLEAR_SOCK: case NBD_DO_IT: case NBD_CLEAR_QUE:
    case NBD_PRINT_DEBUG:
    case LOOP_CLR_FD: case LOOP_SET_CAPACITY: case LOOP_CTL_GET_FREE:
    case RNDZAPENTCNT: case RNDCLEARPOOL: case RNDRESEEDCRNG:
    case FIFREEZE: case FITHAW:
    case UBI_IOCVOLCRBLK: case UBI_IOCVOLRMBLK:
    case NS_GET_USERNS: case NS_GET_PARENT: case NS_GET_NSTYPE:
    case WDIOC_KEEPALIVE:
    case COUNTER_ENABLE_EVENTS_IOCTL: case COUNTER_DISABLE_EVENTS_IOCTL:
    case SG_GET_TIMEOUT:
    case BLKRRPART: case BLKFLSBUF: case BLKTRACESTART: case BLKTRACESTOP:
    case BLKTRACETEARDOWN:
    case KDENABIO: case KDDISABIO: case KDMAPDISP: case KDUNMAPDISP: case PIO_FONTRESET:
    case BTRFS_IOC_TRANS_START: case BTRFS_IOC_TRANS_END: case BTRFS_IOC_SYNC:
    case BTRFS_IOC_SCRUB_CANCEL: case BTRFS_IOC_QUOTA_RESCAN_WAIT: case BTRFS_IOC_DEFRAG:
    case BTRFS_IOC_BALANCE:
      return true;
    default:
      return false;
  }
}

char* put_device_ioctl_arg(char* out, uint32_t cmd, uint64_t v) noexcept {
  constexpr uint64_t kPitTickRate = 1193182;  // KIOCSOUND's and KDMKTONE's clock (strace kd)
  switch (cmd) {
    case RTC_IRQP_SET: case RTC_EPOCH_SET:
    case NBD_SET_BLKSIZE: case NBD_SET_SIZE: case NBD_SET_SIZE_BLOCKS: case NBD_SET_TIMEOUT:
    case LOOP_SET_DIRECT_IO: case LOOP_SET_BLOCK_SIZE:
    case BLKRASET: case BLKFRASET:
    case PERF_EVENT_IOC_PAUSE_OUTPUT: case EVIOCGRAB: case EVIOCREVOKE:
    case HDIO_SET_MULTCOUNT: case HDIO_SET_UNMASKINTR: case HDIO_SET_KEEPSETTINGS:
    case HDIO_SET_32BIT: case HDIO_SET_NOWERR: case HDIO_SET_DMA: case HDIO_SET_PIO_MODE:
    case HDIO_UNREGISTER_HWIF: case HDIO_SET_NICE: case HDIO_SET_WCACHE:
    case HDIO_SET_ACOUSTIC: case HDIO_SET_BUSSTATE: case HDIO_SET_ADDRESS:
      return put_num(out, v);
    // Descriptors and ints.
    case NBD_SET_SOCK: case LOOP_SET_FD: case LOOP_CHANGE_FD: case LOOP_CTL_ADD:
    case LOOP_CTL_REMOVE: case PERF_EVENT_IOC_REFRESH: case PERF_EVENT_IOC_SET_OUTPUT:
    case PERF_EVENT_IOC_SET_BPF: case INOTIFY_IOC_SETNEXTWD: case EVIOCRMFF:
      return put_num(out, static_cast<int32_t>(v));
    case SG_SET_TRANSFORM:
      return put_hex(out, static_cast<uint32_t>(v));
    case PTP_ENABLE_PPS: case PTP_ENABLE_PPS2:
      return put_hex(out, v);
    case NBD_SET_FLAGS:
      return put_flags(out, v, uapi::k_nbd_flags, "0", "NBD_IOC_FLAG_???");
    case KDSKBMETA:
      return put_enum(out, static_cast<uint32_t>(v), uapi::k_kd_meta, "K_???");
    case PERF_EVENT_IOC_ENABLE: case PERF_EVENT_IOC_DISABLE: case PERF_EVENT_IOC_RESET:
      return put_flags(out, static_cast<uint32_t>(v), uapi::k_perf_ioc_flags, "0",
                       "PERF_IOC_FLAG_???");
    case KIOCSOUND: {
      auto freq = v ? static_cast<uint32_t>(kPitTickRate / v) : 0;
      out = put(put_num(out, v), " /* ");
      return put(freq ? put(put_num(out, freq), " Hz") : put(out, "off"), " */");
    }
    case KDMKTONE: {
      auto arg = static_cast<uint32_t>(v);
      uint32_t ticks = arg >> 16, count = arg & 0xffff;
      auto freq = ticks && count ? static_cast<uint32_t>(kPitTickRate / count) : 0;
      if (ticks) out = put(put_num(out, ticks), "<<16|");
      out = put(put_num(out, count), " /* ");
      if (!freq) return put(out, "off */");
      return put(put_num(put(put_num(out, freq), " Hz, "), ticks), " ms */");
    }
    case KDSETLED:
      return put_flags(out, v & 0xff, uapi::k_kd_led_flags, "0", "LED_???");
    case KDSKBLED: {
      // The LEDs, and in the high nibble the keyboard's default flags: LED_SCR<<4.
      uint64_t low = v & 0x7, high = (v >> 4) & 0x7, rest = (v & 0xff) & ~uint64_t{0x77};
      if (!(v & 0xff)) return put(out, "0");
      if (!low && !high) return put(put_hex(out, rest), " /* LED_??? */");
      bool first = true;
      if (low) {
        out = put_flags(out, low, uapi::k_kd_led_flags);
        first = false;
      }
      for (const Flag& f : uapi::k_kd_led_flags) {
        if (!(high & f.value)) continue;
        out = put(put(put(out, first ? "" : "|"), f.name), "<<4");
        first = false;
      }
      return rest ? put_hex(put(out, "|"), rest) : out;
    }
    case KDADDIO: case KDDELIO: {
      enum : uint64_t { kGpFirst = 0x3b4, kGpLast = 0x3df };
      out = put_hex(out, v);
      if (v >= kGpFirst && v <= kGpLast)
        out = put(put_num(put(out, " /* GPFIRST + "), v - kGpFirst), " */");
      return out;
    }
    case KDSETMODE:
      return put_enum(out, static_cast<uint32_t>(v), uapi::k_kd_modes, "KD_???");
    case BTRFS_IOC_BALANCE_CTL:
      return put_enum(out, static_cast<uint32_t>(v), uapi::k_btrfs_balance_ctl_cmds,
                      "BTRFS_BALANCE_CTL_???");
    case KDSKBMODE:  // strace's printxval_d: an unknown mode in decimal
      for (const Flag& f : uapi::k_kd_kbd_modes)
        if (f.value == static_cast<uint32_t>(v)) return put(out, f.name);
      return put(put_num(out, static_cast<int32_t>(v)), " /* K_??? */");
    // The watchdog's that strace decodes, of the requests of type 'W'.
    case WDIOC_GETSTATUS: case WDIOC_GETBOOTSTATUS: case WDIOC_GETTEMP: case WDIOC_GETTIMEOUT:
    case WDIOC_GETPRETIMEOUT: case WDIOC_GETTIMELEFT: case WDIOC_SETTIMEOUT:
    case WDIOC_SETPRETIMEOUT:
    // The disk's that strace decodes, of the requests of type 0x03.
    case HDIO_GETGEO: case HDIO_GET_UNMASKINTR: case HDIO_GET_MULTCOUNT:
    case HDIO_OBSOLETE_IDENTITY: case HDIO_GET_KEEPSETTINGS: case HDIO_GET_32BIT:
    case HDIO_GET_NOWERR: case HDIO_GET_DMA: case HDIO_GET_NICE: case HDIO_GET_IDENTITY:
    case HDIO_GET_WCACHE: case HDIO_GET_ACOUSTIC: case HDIO_GET_BUSSTATE: case HDIO_DRIVE_RESET:
    case HDIO_DRIVE_CMD: case HDIO_SCAN_HWIF:
    // The terminal's that strace decodes, of the plain numbers of type 'T'.
    case TCGETA: case TCSETA: case TCSETAW: case TCSETAF: case TIOCGLCKTRMIOS:
    case TIOCSLCKTRMIOS: case TIOCMGET: case TIOCMBIS: case TIOCMBIC: case TIOCMSET:
    case TIOCGSID: case TIOCGETD: case TIOCGSOFTCAR: case TIOCOUTQ: case TIOCSETD:
    case FIOASYNC: case TIOCPKT: case TIOCSSOFTCAR:
      return v ? put_hex(out, v) : put(out, "NULL");
    case KDSIGACCEPT:
      return v < INT_MAX ? put_signal(out, static_cast<int64_t>(v)) : put_num(out, v);
    default:
      break;
  }
  // What strace decodes is at least a pointer: NULL, or its address.
  uint32_t type = _IOC_TYPE(cmd);
  // evdev's and seccomp's requests, those their number names too (EVIOCGNAME(0)).
  char scratch[64];
  bool numbered = (type == 'E' || type == '!') && (named(cmd) || put_numbered(scratch, cmd));
  if (numbered || (decoded_type(type) && (_IOC_SIZE(cmd) || plain_numbered_type(type)) &&
                named(cmd)))
    return v ? put_hex(out, v) : put(out, "NULL");
  return nullptr;
}

char* put_ioctl_pointee(char* out, const Event& e, const Strings& items) noexcept {
  const auto cmd = static_cast<uint32_t>(e.args[1]);
  bool cut = false;
  const std::string_view* blob = items.find_blob(2, &cut);
  auto ints = [&](int32_t* v, size_t n) {
    if (!blob || cut || blob->size() < n * sizeof(int32_t)) return false;
    std::memcpy(v, blob->data(), n * sizeof(int32_t));
    return true;
  };
  int32_t v[9];
  const std::string_view* exit_blob = items.find_exit_blob(2);
  switch (cmd) {
    case TCGETS: case TIOCGLCKTRMIOS: case TCSETS: case TCSETSW: case TCSETSF:
    case TIOCSLCKTRMIOS:
      return put_termios(out, blob, cut, false);
    case TCGETS2: case TCSETS2: case TCSETSW2: case TCSETSF2:
      return put_termios(out, blob, cut, true);
    case TCGETA: case TCSETA: case TCSETAW: case TCSETAF:
      return put_termio(out, blob, cut);
    case TIOCGWINSZ: case TIOCSWINSZ: {
      struct winsize w;
      if (!take(blob, cut, &w)) return nullptr;
      out = put_num(put(out, "{ws_row="), w.ws_row);
      out = put_num(put(out, ", ws_col="), w.ws_col);
      out = put_num(put(out, ", ws_xpixel="), w.ws_xpixel);
      return put(put_num(put(out, ", ws_ypixel="), w.ws_ypixel), "}");
    }
    case TIOCMGET: case TIOCMBIS: case TIOCMBIC: case TIOCMSET:
      if (!ints(v, 1)) return nullptr;
      return put(put_flags(put(out, "["), static_cast<uint32_t>(v[0]), uapi::k_modem_flags,
                           "0", "TIOCM_???"),
                 "]");
    case TIOCGPGRP: case TIOCGSID: case TIOCGETD: case TIOCGSOFTCAR: case FIONREAD:
    case TIOCOUTQ: case TIOCSPGRP: case TIOCSETD: case FIONBIO: case FIOASYNC: case TIOCPKT:
    case TIOCSSOFTCAR:
    // An int read at entry (strace's printnum_int): [123].
    case WDIOC_SETTIMEOUT: case WDIOC_SETPRETIMEOUT: case UBI_IOCDET: case UBI_IOCEBER:
    case UBI_IOCRMVOL: case RNDADDTOENTCNT:
      if (!ints(v, 1)) return nullptr;
      return put(put_num(put(out, "["), v[0]), "]");
    // struct rtc_time, of a setting at entry, of a reading when it succeeded; strace
    // abbreviates its last three fields.
    case RTC_SET_TIME: case RTC_ALM_SET: case RTC_RD_TIME: case RTC_ALM_READ: {
      if (!ints(v, 9)) return nullptr;
      static constexpr std::string_view kFields[] = {"tm_sec", "tm_min", "tm_hour", "tm_mday",
                                                     "tm_mon", "tm_year"};
      *out++ = '{';
      for (size_t i = 0; i < std::size(kFields); ++i)
        out = put_num(put(put(put(out, i ? ", " : ""), kFields[i]), "="), v[i]);
      return put(out, ", ...}");
    }
    // The console's key entries: the key asked about, read at entry, and its value, of a
    // setting at entry, of a reading when it succeeded.
    case KDGKBENT: case KDSKBENT: {
      struct kbentry k;
      if (!take(blob, cut, &k)) return nullptr;
      out = put_kb_table(put(out, "{kb_table="), k.kb_table);
      out = put_num(put(out, ", kb_index="), k.kb_index);
      if (cmd == KDGKBENT && !take(exit_blob, false, &k)) return put(out, "}");
      return put(put_kb_value(put(out, ", kb_value="), k.kb_value), "}");
    }
    case KDGETKEYCODE: case KDSETKEYCODE: {
      struct kbkeycode k;
      if (!take(blob, cut, &k)) return nullptr;
      out = put_hex(put(out, "{scancode="), k.scancode);
      out = put_hex(put(out, ", keycode="), k.keycode);
      if (cmd == KDGETKEYCODE && take(exit_blob, false, &k))
        out = put_hex(put(out, " => "), k.keycode);
      return put(out, "}");
    }
    case KDKBDREP: {
      struct kbd_repeat k;
      if (!take(blob, cut, &k)) return nullptr;
      auto repeat = [](char* o, const kbd_repeat& r) {
        o = put_num(put(o, "{delay="), r.delay);
        return put(put_num(put(o, ", period="), r.period), "}");
      };
      out = repeat(out, k);
      return take(exit_blob, false, &k) ? repeat(put(out, " => "), k) : out;
    }
    default:
      return nullptr;
  }
}

char* put_ioctl_request(char* out, uint32_t cmd) noexcept {
  char* numbered = put_numbered(out, cmd);
  auto [first, last] = std::equal_range(
      std::begin(uapi::k_ioctl_requests), std::end(uapi::k_ioctl_requests), Flag{cmd, {}},
      [](const Flag& a, const Flag& b) { return a.value < b.value; });
  if (!numbered && first == last) return nullptr;
  out = numbered ? numbered : out;
  for (auto it = first; it != last; ++it)
    out = put(put(out, (numbered || it != first) ? " or " : ""), it->name);
  return out;
}

}  // namespace observer
