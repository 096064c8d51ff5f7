// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// ioctl requests of devices, by strace's names: those whose number carries an argument
// (EVIOCGBIT(EV_KEY, 8)), then every name the uapi headers give the value
// (data/uapi/ioctl_requests.tsv, sorted by value).
// The C library's net/if.h first: linux/if.h (of linux/if_arp.h) then leaves out its own.
#include <net/if.h>

#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <linux/audit.h>
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>
#include <linux/bsg.h>
#include <linux/btrfs.h>
#include <linux/btrfs_tree.h>
#include <linux/counter.h>
#include <linux/dm-ioctl.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/gpio.h>
#include <linux/hdreg.h>
#include <linux/if_arp.h>
#include <linux/input.h>
#include <linux/inotify.h>
#include <linux/ioctl.h>
#include <linux/kd.h>
#include <linux/keyboard.h>
#include <linux/kvm.h>
#include <linux/loop.h>
#include <linux/nbd.h>
#include <linux/nsfs.h>
#include <linux/perf_event.h>
#include <linux/ptp_clock.h>
#include <linux/random.h>
#include <linux/rtc.h>
#include <linux/seccomp.h>
#include <linux/sockios.h>
#include <linux/tee.h>
#include <linux/userfaultfd.h>
#include <linux/videodev2.h>
#include <linux/watchdog.h>
#include <mtd/mtd-abi.h>
#include <mtd/ubi-user.h>
#include <scsi/sg.h>

#include <algorithm>
#include <climits>
#include <cstring>

#include "decode.h"
#include "decode_fields.h"
#include "decode_io.h"
#include "decode_printers.h"
#include "decode_structs.h"
#include "syscall_facts.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;
using namespace fields;

// The most of an array's elements or a string's bytes strace shows (its -s, 32 by default).
constexpr size_t kShown = 32;

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

// The video devices' requests strace decodes (its v4l2.c): their argument is a pointer,
// NULL when it is 0.
bool v4l2_decoded(uint32_t cmd) {
  switch (cmd) {
    case VIDIOC_QUERYCAP: case VIDIOC_ENUM_FMT: case VIDIOC_G_FMT: case VIDIOC_S_FMT:
    case VIDIOC_TRY_FMT: case VIDIOC_REQBUFS: case VIDIOC_QUERYBUF: case VIDIOC_QBUF:
    case VIDIOC_DQBUF: case VIDIOC_G_FBUF: case VIDIOC_S_FBUF: case VIDIOC_STREAMON:
    case VIDIOC_STREAMOFF: case VIDIOC_G_PARM: case VIDIOC_S_PARM: case VIDIOC_G_STD:
    case VIDIOC_S_STD: case VIDIOC_ENUMSTD: case VIDIOC_ENUMINPUT: case VIDIOC_G_CTRL:
    case VIDIOC_S_CTRL: case VIDIOC_G_TUNER: case VIDIOC_S_TUNER: case VIDIOC_QUERYCTRL:
    case VIDIOC_QUERY_EXT_CTRL: case VIDIOC_G_INPUT: case VIDIOC_S_INPUT: case VIDIOC_CROPCAP:
    case VIDIOC_G_CROP: case VIDIOC_S_CROP: case VIDIOC_S_EXT_CTRLS: case VIDIOC_TRY_EXT_CTRLS:
    case VIDIOC_G_EXT_CTRLS: case VIDIOC_ENUM_FRAMESIZES: case VIDIOC_ENUM_FRAMEINTERVALS:
    case VIDIOC_CREATE_BUFS:
      return true;
    default:
      return false;
  }
}

// The request types whose numbers are plain (#define KDGETLED 0x4B31), not _IOR(): their
// size says nothing of whether the argument points somewhere.
bool plain_numbered_type(uint32_t type) {
  return type == 0x12 || type == 0x22 || type == 'K' || type == 'L' || type == 0xb7;
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

// A struct T from a captured blob by its rows, or nullptr when the blob does not hold one.
template <class T>
char* put_taken(char* out, const std::string_view* blob, bool cut, std::span<const Field> rows) {
  T v;
  return take(blob, cut, &v) ? put_fields(out, v, rows) : nullptr;
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

// A 64-bit value by name, else in hex with the kind in a comment.
template <size_t N>
char* put_enum64(char* out, uint64_t v, const Flag (&values)[N], std::string_view unknown) {
  return put_xlat_hex(out, v, [&](char* o) {
    for (const Flag& f : values)
      if (f.value == v) return put(o, f.name);
    return put(put(put(put_hex(o, v), " /* "), unknown), " */");
  });
}

// struct rtc_time: its first six fields, then "..." unless with -v.
constexpr Field kRtcTime[] = {
    {OBS_FIELD(rtc_time, tm_sec)},  {OBS_FIELD(rtc_time, tm_min)},
    {OBS_FIELD(rtc_time, tm_hour)}, {OBS_FIELD(rtc_time, tm_mday)},
    {OBS_FIELD(rtc_time, tm_mon)},  {OBS_FIELD(rtc_time, tm_year)},
    {OBS_FIELD(rtc_time, tm_wday), dec, When::kVerbose},
    {OBS_FIELD(rtc_time, tm_yday), dec, When::kVerbose},
    {OBS_FIELD(rtc_time, tm_isdst), dec, When::kVerbose}};

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

// strace's print_char: quoted, \t to \r by name (its SCF_ESC_WS, unless spaces is false),
// other unprintables in hex.
char* put_char(char* out, uint8_t code, bool spaces = true) {
  *out++ = '\'';
  if (code >= ' ' && code < 0x7f) {
    if (code == '\'' || code == '\\') *out++ = '\\';
    *out++ = static_cast<char>(code);
  } else if (spaces && code >= '\t' && code <= '\r') {
    *out++ = '\\';
    *out++ = "tnvfr"[code - '\t'];
  } else {
    static constexpr char kHex[] = "0123456789abcdef";
    out = put(out, "\\x");
    *out++ = kHex[code >> 4];
    *out++ = kHex[code & 0xf];
  }
  *out++ = '\'';
  return out;
}

// strace's print_array over elements captured from addr: the first unreadable one ends it
// ("... /* 0x... */", or the address alone if it is the first), 32 shown unless -v, and
// ", ..." after them all when more were asked for than the kernel takes.
template <class Elem, class Put>
char* put_captured_array(char* out, uint64_t addr, std::string_view bytes, size_t n, bool more,
                         Put put_elem) {
  if (!addr) return put(out, "NULL");
  if (!n) return put(out, more ? "[...]" : "[]");
  size_t readable = bytes.size() / sizeof(Elem);
  if (!readable) return put_hex(out, addr);
  *out++ = '[';
  bool stopped = false;
  for (size_t i = 0; i < n && !stopped; ++i) {
    if (i) out = put(out, ", ");
    stopped = i >= readable || (i >= kShown && kShown < n && display().abbrev);
    if (i >= readable) {
      out = put(put_hex(put(out, "... /* "), addr + i * sizeof(Elem)), " */");
    } else if (stopped) {
      out = put(out, "...");
    } else {
      Elem el;
      std::memcpy(&el, bytes.data() + i * sizeof(Elem), sizeof(el));
      out = put_elem(out, el);
    }
  }
  if (more && !stopped) out = put(out, ", ...");
  return put(out, "]");
}

// A console's accent table: its count and entries (struct kbdiacrs and kbdiacrsuc).
template <class Table, class Elem, class Put>
char* put_diacrs(char* out, uint64_t addr, const std::string_view* blob, std::string_view field,
                 Put put_elem) {
  uint32_t count;
  if (!blob || blob->size() < sizeof(count)) return nullptr;
  std::memcpy(&count, blob->data(), sizeof(count));
  constexpr size_t kMax = (sizeof(Table) - sizeof(count)) / sizeof(Elem);  // 256
  out = put(put(put(put_num(put(out, "{kb_cnt="), count), ", "), field), "=");
  out = put_captured_array<Elem>(out, addr + sizeof(count), blob->substr(sizeof(count)),
                                 std::min<size_t>(count, kMax), count > kMax, put_elem);
  return put(out, "}");
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
    out = put_char(out, code);
  } else {
    out = put_hex(out, code);
  }
  return put(out, ") */");
}


// A fixed array holding a name up to its NUL (strace's PRINT_FIELD_CSTRING): one without a
// NUL shows all but its last byte, then "...".
char* put_name_field(char* out, std::string_view bytes) {
  size_t end = bytes.find('\0');
  if (end == std::string_view::npos) return put_quoted(out, bytes.substr(0, bytes.size() - 1), true);
  return put_quoted(out, bytes.substr(0, end), false);
}

// {sa_family=ARPHRD_ETHER, sa_data=92:93:94:95:96:97}: the address in the colon form, the
// bytes quoted in hex with -X raw, both with -X verbose.
char* put_hwaddr(char* out, const struct sockaddr& sa) {
  out = put_enum(put(out, "{sa_family="), sa.sa_family, uapi::k_arphrd_types, "ARPHRD_???");
  std::string_view data(sa.sa_data, sizeof(sa.sa_data));
  out = put_mac_addr(put(out, ", sa_data="), data, hwaddr_size(sa.sa_family));
  return put(out, "}");
}

constexpr Field kIfmap[] = {
    {OBS_FIELD(ifmap, mem_start), hex}, {OBS_FIELD(ifmap, mem_end), hex},
    {OBS_FIELD(ifmap, base_addr), hex}, {OBS_FIELD(ifmap, irq), hex},
    {OBS_FIELD(ifmap, dma), hex},       {OBS_FIELD(ifmap, port), hex}};

// What of struct ifreq a socket request sets or gets, after the interface's name.
char* put_ifreq_value(char* out, uint32_t cmd, const struct ifreq& ifr) {
  std::string_view addr(reinterpret_cast<const char*>(&ifr.ifr_addr), sizeof(ifr.ifr_addr));
  switch (cmd) {
    case SIOCSIFADDR: case SIOCGIFADDR:
      return put_sockaddr(put(out, "ifr_addr="), addr);
    case SIOCSIFDSTADDR: case SIOCGIFDSTADDR:
      return put_sockaddr(put(out, "ifr_dstaddr="), addr);
    case SIOCSIFBRDADDR: case SIOCGIFBRDADDR:
      return put_sockaddr(put(out, "ifr_broadaddr="), addr);
    case SIOCSIFNETMASK: case SIOCGIFNETMASK:
      return put_sockaddr(put(out, "ifr_netmask="), addr);
    case SIOCADDMULTI: case SIOCDELMULTI: case SIOCGIFHWADDR: case SIOCSIFHWADDR:
    case SIOCSIFHWBROADCAST:
      return put_hwaddr(put(out, "ifr_hwaddr="), ifr.ifr_hwaddr);
    case SIOCSIFFLAGS: case SIOCGIFFLAGS:
      return put_flags(put(out, "ifr_flags="), static_cast<uint16_t>(ifr.ifr_flags),
                       uapi::k_iff_flags, "0", "IFF_???");
    case SIOCGIFINDEX:
      return put_num(put(out, "ifr_ifindex="), ifr.ifr_ifindex);
    case SIOCSIFMETRIC: case SIOCGIFMETRIC:
      return put_num(put(out, "ifr_metric="), ifr.ifr_metric);
    case SIOCSIFMTU: case SIOCGIFMTU:
      return put_num(put(out, "ifr_mtu="), ifr.ifr_mtu);
    case SIOCSIFSLAVE: case SIOCGIFSLAVE:
      return put_name_field(put(out, "ifr_slave="), {ifr.ifr_slave, sizeof(ifr.ifr_slave)});
    case SIOCSIFNAME:
      return put_name_field(put(out, "ifr_newname="),
                            {ifr.ifr_newname, sizeof(ifr.ifr_newname)});
    case SIOCGIFNAME:
      return put_name_field(put(out, "ifr_name="), {ifr.ifr_name, sizeof(ifr.ifr_name)});
    case SIOCSIFTXQLEN: case SIOCGIFTXQLEN:
      return put_num(put(out, "ifr_qlen="), ifr.ifr_qlen);
    case SIOCSIFMAP: case SIOCGIFMAP:
      return put_fields(put(out, "ifr_map="), ifr.ifr_map, kIfmap);
    default:
      return out;
  }
}

// struct ifconf's length, and how many struct ifreq it holds: 80 /* 2 * sizeof(struct ifreq) */
char* put_ifc_len(char* out, int32_t len) {
  out = put_num(out, len);
  auto n = static_cast<uint32_t>(len) / sizeof(struct ifreq);
  if (len > 0 && n * sizeof(struct ifreq) == static_cast<uint32_t>(len))
    out = put(put_num(put(out, " /* "), n), " * sizeof(struct ifreq) */");
  return out;
}

// SIOCGIFCONF's struct ifconf: the room given and the length the call wrote; the interfaces
// it wrote, behind the struct's pointer, are not read: shown when there are none. Of a
// failed call (not read at exit), what was read at entry.
char* put_ifconf(char* out, bool failed, const std::string_view* blob, bool cut,
                 const std::string_view* exit_blob) {
  struct ifconf in, got;
  if (!take(blob, cut, &in)) return nullptr;
  if (!failed && !take(exit_blob, false, &got)) return nullptr;
  if (failed) got = in;
  auto in_buf = reinterpret_cast<uintptr_t>(in.ifc_buf);
  auto got_buf = reinterpret_cast<uintptr_t>(got.ifc_buf);
  bool listed = in_buf && !failed;
  if (listed && got.ifc_len / static_cast<int32_t>(sizeof(struct ifreq)) != 0) return nullptr;
  out = put(out, "{ifc_len=");
  if (in_buf) out = put_ifc_len(out, in.ifc_len);
  if (in_buf && in.ifc_len != got.ifc_len) out = put(out, " => ");
  if (!in_buf || in.ifc_len != got.ifc_len) out = put_ifc_len(out, got.ifc_len);
  out = put(out, ", ifc_buf=");
  if (listed) return put(out, "[]}");
  out = put_addr(out, in_buf);
  if (got_buf != in_buf) out = got_buf ? put_hex(put(out, " => "), got_buf) : put(out, " => NULL");
  return put(out, "}");
}

// The sockets' requests (strace's sock_ioctl), or nullptr for others.
char* put_sock_ioctl(char* out, uint32_t cmd, const Event& e, const std::string_view* blob,
                     bool cut, const std::string_view* exit_blob) {
  bool failed = (e.flags & EVENT_HAS_RET) && is_error(e.ret);
  struct ifreq ifr;
  int32_t n;
  switch (cmd) {
    case SIOCGIFCONF:
      return put_ifconf(out, failed, blob, cut, exit_blob);
    case SIOCBRADDBR: case SIOCBRDELBR: {
      if (!blob || cut) return nullptr;
      size_t end = blob->find('\0');
      return put_quoted(out, blob->substr(0, end), end == std::string_view::npos);
    }
    case FIOGETOWN: case SIOCATMARK: case SIOCGIFENCAP: case SIOCGPGRP: case SIOCOUTQNSD:
      if (failed) return nullptr;
      [[fallthrough]];
    case FIOSETOWN: case SIOCSIFENCAP: case SIOCSPGRP:
      if (!take(blob, cut, &n)) return nullptr;
      return put(put_num(put(out, "["), n), "]");
    case SIOCBRADDIF: case SIOCBRDELIF:
      if (!take(blob, cut, &ifr)) return nullptr;
      return put(put_ifindex(put(out, "{ifr_ifindex="), static_cast<uint32_t>(ifr.ifr_ifindex)),
                 "}");
    case SIOCADDMULTI: case SIOCDELMULTI: case SIOCSIFADDR: case SIOCSIFBRDADDR:
    case SIOCSIFDSTADDR: case SIOCSIFFLAGS: case SIOCSIFHWADDR: case SIOCSIFHWBROADCAST:
    case SIOCSIFMAP: case SIOCSIFMETRIC: case SIOCSIFMTU: case SIOCSIFNAME: case SIOCSIFNETMASK:
    case SIOCSIFSLAVE: case SIOCSIFTXQLEN:
      if (!take(blob, cut, &ifr)) return nullptr;
      out = put_name_field(put(out, "{ifr_name="), {ifr.ifr_name, sizeof(ifr.ifr_name)});
      return put(put_ifreq_value(put(out, ", "), cmd, ifr), "}");
    case SIOCGIFADDR: case SIOCGIFBRDADDR: case SIOCGIFDSTADDR: case SIOCGIFFLAGS:
    case SIOCGIFHWADDR: case SIOCGIFINDEX: case SIOCGIFMAP: case SIOCGIFMETRIC: case SIOCGIFMTU:
    case SIOCGIFNAME: case SIOCGIFNETMASK: case SIOCGIFSLAVE: case SIOCGIFTXQLEN:
      // The interface asked about, read at entry; what the call filled, when it succeeded.
      if (!take(blob, cut, &ifr)) return nullptr;
      if (cmd == SIOCGIFNAME)
        out = put_num(put(out, "{ifr_ifindex="), ifr.ifr_ifindex);
      else
        out = put_name_field(put(out, "{ifr_name="), {ifr.ifr_name, sizeof(ifr.ifr_name)});
      if (!failed && (e.flags & EVENT_HAS_RET) && take(exit_blob, false, &ifr))
        out = put_ifreq_value(put(out, ", "), cmd, ifr);
      return put(out, "}");
    default:
      return nullptr;
  }
}

using QgroupAssign = btrfs_ioctl_qgroup_assign_args;
constexpr Field kQgroupAssign[] = {
    {OBS_FIELD(QgroupAssign, assign)}, {OBS_FIELD(QgroupAssign, src)},
    {OBS_FIELD(QgroupAssign, dst)}};
constexpr Field kQgroupCreate[] = {{OBS_FIELD(btrfs_ioctl_qgroup_create_args, create)},
                                   {OBS_FIELD(btrfs_ioctl_qgroup_create_args, qgroupid)}};
constexpr Field kQuotaRescan[] = {{OBS_FIELD(btrfs_ioctl_quota_rescan_args, flags)}};

// btrfs's requests that read or fill a struct (strace's btrfs_ioctl), or nullptr for
// others. A struct the call filled is shown when it succeeded.
char* put_btrfs_ioctl(char* out, uint32_t cmd, bool failed, const std::string_view* blob,
                      bool cut) {
  switch (cmd) {
    case BTRFS_IOC_START_SYNC:
      if (failed) return nullptr;
      [[fallthrough]];
    case BTRFS_IOC_DEFAULT_SUBVOL: case BTRFS_IOC_WAIT_SYNC: {
      uint64_t v;
      if (!take(blob, cut, &v)) return nullptr;
      return put(put_num(put(out, "["), v), "]");
    }
    case BTRFS_IOC_SNAP_CREATE: case BTRFS_IOC_RESIZE: case BTRFS_IOC_SCAN_DEV:
    case BTRFS_IOC_FORGET_DEV: case BTRFS_IOC_ADD_DEV: case BTRFS_IOC_RM_DEV:
    case BTRFS_IOC_SUBVOL_CREATE: case BTRFS_IOC_SNAP_DESTROY: case BTRFS_IOC_DEVICES_READY: {
      if (!blob || cut || blob->size() < sizeof(btrfs_ioctl_vol_args)) return nullptr;
      int64_t fd;
      std::memcpy(&fd, blob->data(), sizeof(fd));
      out = put_num(put(out, "{fd="), static_cast<int32_t>(fd));
      out = put_name_field(put(out, ", name="),
                           blob->substr(offsetof(btrfs_ioctl_vol_args, name),
                                        sizeof(btrfs_ioctl_vol_args::name)));
      return put(out, "}");
    }
    case BTRFS_IOC_QUOTA_CTL: {
      btrfs_ioctl_quota_ctl_args a;
      if (!take(blob, cut, &a)) return nullptr;
      return put(put_enum(put(out, "{cmd="), static_cast<int64_t>(a.cmd),
                          uapi::k_btrfs_quota_ctl_cmds, "BTRFS_QUOTA_CTL_???"),
                 "}");
    }
    case BTRFS_IOC_QGROUP_ASSIGN:
      return put_taken<btrfs_ioctl_qgroup_assign_args>(out, blob, cut, kQgroupAssign);
    case BTRFS_IOC_QGROUP_CREATE:
      return put_taken<btrfs_ioctl_qgroup_create_args>(out, blob, cut, kQgroupCreate);
    case BTRFS_IOC_QUOTA_RESCAN:
      return put_taken<btrfs_ioctl_quota_rescan_args>(out, blob, cut, kQuotaRescan);
    default:
      return nullptr;
  }
}

constexpr Field kFstrimRange[] = {{OBS_FIELD(fstrim_range, start), hex},
                                  {OBS_FIELD(fstrim_range, len)},
                                  {OBS_FIELD(fstrim_range, minlen)}};

// The file systems' requests of type 'X' that read or fill a struct (strace's fs_x_ioctl),
// or nullptr for others.
char* put_fs_x_ioctl(char* out, uint32_t cmd, bool failed, const std::string_view* blob,
                     bool cut) {
  switch (cmd) {
    case FITRIM:
      return put_taken<fstrim_range>(out, blob, cut, kFstrimRange);
    case FS_IOC_FSGETXATTR:
      if (failed) return nullptr;
      [[fallthrough]];
    case FS_IOC_FSSETXATTR: {
      fsxattr x;
      if (!take(blob, cut, &x)) return nullptr;
      out = put_flags(put(out, "{fsx_xflags="), x.fsx_xflags, uapi::k_fs_xflags, "0",
                      "FS_XFLAG_???");
      out = put_num(put(out, ", fsx_extsize="), x.fsx_extsize);
      if (cmd == FS_IOC_FSGETXATTR) out = put_num(put(out, ", fsx_nextents="), x.fsx_nextents);
      out = put_hex(put(out, ", fsx_projid="), x.fsx_projid);
      return put(put_num(put(out, ", fsx_cowextsize="), x.fsx_cowextsize), "}");
    }
    default:
      return nullptr;
  }
}

// An array's elements as strace's print_array shows them: 32 (its -s) and "..." unless
// with -v; unsigned numbers, or hex ones (0 as 0).
template <class T>
char* put_num_array(char* out, const T* v, size_t n, bool hex = false) {
  *out++ = '[';
  for (size_t i = 0; i < n; ++i) {
    if (i) out = put(out, ", ");
    if (i == kShown && display().abbrev) {
      out = put(out, "...");
      break;
    }
    out = hex ? put_hex(out, v[i]) : put_num(out, v[i]);
  }
  return put(out, "]");
}

// An array field's elements, put_num_array's way, in hex or in decimal.
template <class T>
char* put_hex_array(char* out, std::string_view field) {
  return put_num_array(out, reinterpret_cast<const T*>(field.data()), field.size() / sizeof(T),
                       true);
}
template <class T>
char* put_dec_array(char* out, std::string_view field) {
  return put_num_array(out, reinterpret_cast<const T*>(field.data()), field.size() / sizeof(T));
}

// The structs of the requests put_ioctl_pointee shows whole.
constexpr Field kWinsize[] = {{OBS_FIELD(winsize, ws_row)}, {OBS_FIELD(winsize, ws_col)},
                              {OBS_FIELD(winsize, ws_xpixel)}, {OBS_FIELD(winsize, ws_ypixel)}};
constexpr Field kRtcWkalrm[] = {{OBS_FIELD(rtc_wkalrm, enabled)},
                                {OBS_FIELD(rtc_wkalrm, pending)},
                                {OBS_FIELD(rtc_wkalrm, time), nested(kRtcTime)}};
constexpr Field kPllInfo[] = {
    {OBS_FIELD(rtc_pll_info, pll_ctrl)},    {OBS_FIELD(rtc_pll_info, pll_value)},
    {OBS_FIELD(rtc_pll_info, pll_max)},     {OBS_FIELD(rtc_pll_info, pll_min)},
    {OBS_FIELD(rtc_pll_info, pll_posmult)}, {OBS_FIELD(rtc_pll_info, pll_negmult)},
    {OBS_FIELD(rtc_pll_info, pll_clock)}};
constexpr Field kKeymapEntry[] = {
    {OBS_FIELD(input_keymap_entry, flags)},
    {OBS_FIELD(input_keymap_entry, len)},
    {OBS_FIELD(input_keymap_entry, index), dec, When::kVerbose},
    {OBS_FIELD(input_keymap_entry, keycode), xval(uapi::k_evdev_keycodes, "KEY_???"),
     When::kVerbose},
    {OBS_FIELD(input_keymap_entry, scancode), bytes(put_hex_array<uint8_t>), When::kVerbose}};
constexpr Field kCounterComponent[] = {
    {OBS_FIELD(counter_component, type),
     xval(uapi::k_counter_component_types, "COUNTER_COMPONENT_???")},
    {OBS_FIELD(counter_component, scope), xval(uapi::k_counter_scopes, "COUNTER_SCOPE_???")},
    {OBS_FIELD(counter_component, parent)},
    {OBS_FIELD(counter_component, id)}};
constexpr Field kCounterWatch[] = {
    {OBS_FIELD(counter_watch, component), nested(kCounterComponent)},
    {OBS_FIELD(counter_watch, event), xval(uapi::k_counter_event_types, "COUNTER_EVENT_???")},
    {OBS_FIELD(counter_watch, channel)}};
using MemoryRegion = kvm_userspace_memory_region;
constexpr Field kMemoryRegion[] = {
    {OBS_FIELD(MemoryRegion, slot)},
    {OBS_FIELD(MemoryRegion, flags), flags(uapi::k_kvm_mem_flags, "KVM_MEM_???")},
    {OBS_FIELD(MemoryRegion, guest_phys_addr), hex},
    {OBS_FIELD(MemoryRegion, memory_size)},
    {OBS_FIELD(MemoryRegion, userspace_addr), hex}};
constexpr Field kUnimapInit[] = {{OBS_FIELD(unimapinit, advised_hashsize)},
                                 {OBS_FIELD(unimapinit, advised_hashstep)},
                                 {OBS_FIELD(unimapinit, advised_hashlevel)}};

template <class T, size_t N>
bool all_zero(const T (&v)[N]) {
  return std::all_of(std::begin(v), std::end(v), [](T x) { return x == 0; });
}

// An address a struct holds: NULL, or in hex.
// A u64 that strace names when it is all ones (its PRINT_FIELD_U64).
char* put_u64(char* out, uint64_t v) {
  if (v != UINT64_MAX) return put_num(out, v);
  return put_xlat(out, [v](char* o) { return put_num(o, v); },
                  [](char* o) { return put(o, "UINT64_MAX"); });
}

// A value by its table's name, all ones by its type's limit (UINT64_MAX), else in decimal
// (strace's PRINT_FIELD_XVAL_U without a default): btrfs's object ids and key types.
template <class T, size_t N>
char* put_named_u(char* out, T v, const Flag (&table)[N], std::string_view all_ones) {
  return put_xlat(out, [v](char* o) { return put_num(o, v); }, [&](char* o) {
    std::string_view name = v == static_cast<T>(~T{0}) ? all_ones : name_of(v, table);
    return name.empty() ? put_num(o, v) : put(o, name);
  });
}
char* put_btrfs_objectid(char* out, uint64_t v) {
  return put_named_u(out, v, uapi::k_btrfs_tree_objectids, "UINT64_MAX");
}
char* put_btrfs_key_type(char* out, uint32_t v) {
  return put_named_u(out, v, uapi::k_btrfs_key_types, "UINT32_MAX");
}

// A tree search's key as the call reads it: the object ids of the whole free range are left
// out unless with -v.
char* put_btrfs_search_key(char* out, const btrfs_ioctl_search_key& k) {
  out = put_btrfs_objectid(put(out, "{tree_id="), k.tree_id);
  if (k.min_objectid != BTRFS_FIRST_FREE_OBJECTID || !display().abbrev)
    out = put_btrfs_objectid(put(out, ", min_objectid="), k.min_objectid);
  if (k.max_objectid != static_cast<uint64_t>(BTRFS_LAST_FREE_OBJECTID) || !display().abbrev)
    out = put_btrfs_objectid(put(out, ", max_objectid="), k.max_objectid);
  out = put_u64(put(out, ", min_offset="), k.min_offset);
  out = put_u64(put(out, ", max_offset="), k.max_offset);
  out = put_u64(put(out, ", min_transid="), k.min_transid);
  out = put_u64(put(out, ", max_transid="), k.max_transid);
  out = put_btrfs_key_type(put(out, ", min_type="), k.min_type);
  out = put_btrfs_key_type(put(out, ", max_type="), k.max_type);
  return put(put_num(put(out, ", nr_items="), k.nr_items), "}");
}

// A UUID as 01234567-89ab-cdef-fedc-ba9876543210.
char* put_uuid(char* out, const uint8_t (&u)[16]) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) *out++ = '-';
    *out++ = kDigits[u[i] >> 4];
    *out++ = kDigits[u[i] & 0xf];
  }
  return out;
}

using DefragRange = btrfs_ioctl_defrag_range_args;
constexpr Field kDefragRange[] = {
    {OBS_FIELD(DefragRange, start)},
    {OBS_FIELD(DefragRange, len), value<put_u64>()},
    {OBS_FIELD(DefragRange, flags), flags(uapi::k_btrfs_defrag_flags, "BTRFS_DEFRAG_RANGE_???")},
    {OBS_FIELD(DefragRange, extent_thresh)},
    {OBS_FIELD(DefragRange, compress_type),
     xval(uapi::k_btrfs_compress_types, "BTRFS_COMPRESS_???")}};
constexpr Field kGetDevStats[] = {
    {OBS_FIELD(btrfs_ioctl_get_dev_stats, devid), value<put_makedev>()},
    {OBS_FIELD(btrfs_ioctl_get_dev_stats, nr_items)},
    {OBS_FIELD(btrfs_ioctl_get_dev_stats, flags),
     flags(uapi::k_btrfs_dev_stats_flags, "BTRFS_DEV_STATS_???")}};
constexpr Field kInoLookup[] = {
    {OBS_FIELD(btrfs_ioctl_ino_lookup_args, treeid), value<put_btrfs_objectid>()},
    {OBS_FIELD(btrfs_ioctl_ino_lookup_args, objectid), value<put_btrfs_objectid>()}};
constexpr Field kInoPaths[] = {{OBS_FIELD(btrfs_ioctl_ino_path_args, inum)},
                               {OBS_FIELD(btrfs_ioctl_ino_path_args, size)},
                               {OBS_FIELD(btrfs_ioctl_ino_path_args, fspath), addr}};
using LogicalIno = btrfs_ioctl_logical_ino_args;
constexpr Field kLogicalIno[] = {
    {OBS_FIELD(LogicalIno, logical)},
    {OBS_FIELD(LogicalIno, size)},
    {OBS_FIELD(LogicalIno, reserved), bytes(put_hex_array<uint64_t>), When::kNonZero},
    {OBS_FIELD(LogicalIno, flags),
     flags(uapi::k_btrfs_logical_ino_args_flags, "BTRFS_LOGICAL_INO_ARGS_???")},
    {OBS_FIELD(LogicalIno, inodes), addr}};

// btrfs's requests of more than a few fields, as strace shows them at entry; what a call
// that succeeded wrote back is not shown.
char* put_btrfs_args(char* out, uint32_t cmd, bool failed, const std::string_view* blob,
                     bool cut) {
  auto snap_flags = [](char* o, uint64_t flags) {
    return put_flags(o, flags, uapi::k_btrfs_snap_flags_v2, "0", "BTRFS_SUBVOL_???");
  };
  switch (cmd) {
    case BTRFS_IOC_SUBVOL_GETFLAGS:
      if (failed) return nullptr;
      [[fallthrough]];
    case BTRFS_IOC_SUBVOL_SETFLAGS: {
      uint64_t flags;
      if (!take(blob, cut, &flags)) return nullptr;
      return snap_flags(out, flags);
    }
    case BTRFS_IOC_SNAP_CREATE_V2: case BTRFS_IOC_SUBVOL_CREATE_V2: {
      if (!blob || cut || blob->size() < sizeof(btrfs_ioctl_vol_args_v2)) return nullptr;
      btrfs_ioctl_vol_args_v2 a;
      std::memcpy(&a, blob->data(), sizeof(a));
      out = put_num(put(out, "{fd="), static_cast<int32_t>(a.fd));
      out = snap_flags(put(out, ", flags="), a.flags);
      if (a.flags & BTRFS_SUBVOL_QGROUP_INHERIT) {
        out = put_num(put(out, ", size="), a.size);
        uint64_t inherit = reinterpret_cast<uintptr_t>(a.qgroup_inherit);
        out = put_addr(put(out, ", qgroup_inherit="), inherit);
      }
      out = put_name_field(put(out, ", name="), {a.name, sizeof(a.name)});
      return put(out, "}");
    }
    case BTRFS_IOC_DEFRAG_RANGE:
      return put_taken<btrfs_ioctl_defrag_range_args>(out, blob, cut, kDefragRange);
    case BTRFS_IOC_DEV_INFO: {
      btrfs_ioctl_dev_info_args a;
      if (!take(blob, cut, &a)) return nullptr;
      out = put_makedev(put(out, "{devid="), a.devid);
      if (!all_zero(a.uuid)) out = put_uuid(put(out, ", uuid="), a.uuid);
      return put(out, "}");
    }
    case BTRFS_IOC_DEV_REPLACE: {
      btrfs_ioctl_dev_replace_args a;
      if (!take(blob, cut, &a)) return nullptr;
      out = put_xval(put(out, "{cmd="), a.cmd, uapi::k_btrfs_dev_replace_cmds,
                     "BTRFS_IOCTL_DEV_REPLACE_CMD_???");
      if (a.cmd == BTRFS_IOCTL_DEV_REPLACE_CMD_START) {
        const auto& p = a.start;
        out = put_makedev(put(out, ", start={srcdevid="), p.srcdevid);
        out = put_xval(put(out, ", cont_reading_from_srcdev_mode="),
                       p.cont_reading_from_srcdev_mode,
                       uapi::k_btrfs_cont_reading_from_srcdev_mode,
                       "BTRFS_IOCTL_DEV_REPLACE_CONT_READING_FROM_SRCDEV_MODE_???");
        out = put_name_field(put(out, ", srcdev_name="),
                             {reinterpret_cast<const char*>(p.srcdev_name), sizeof(p.srcdev_name)});
        out = put_name_field(put(out, ", tgtdev_name="),
                             {reinterpret_cast<const char*>(p.tgtdev_name), sizeof(p.tgtdev_name)});
        out = put(out, "}");
      }
      return put(out, "}");
    }
    case BTRFS_IOC_GET_DEV_STATS:
      return put_taken<btrfs_ioctl_get_dev_stats>(out, blob, cut, kGetDevStats);
    case BTRFS_IOC_INO_LOOKUP:
      return put_taken<btrfs_ioctl_ino_lookup_args>(out, blob, cut, kInoLookup);
    case BTRFS_IOC_INO_PATHS:
      return put_taken<btrfs_ioctl_ino_path_args>(out, blob, cut, kInoPaths);
    case BTRFS_IOC_LOGICAL_INO:
      return put_taken<btrfs_ioctl_logical_ino_args>(out, blob, cut, kLogicalIno);
    case BTRFS_IOC_SCRUB: case BTRFS_IOC_SCRUB_PROGRESS: {
      btrfs_ioctl_scrub_args a;
      if (!take(blob, cut, &a)) return nullptr;
      out = put_makedev(put(out, "{devid="), a.devid);
      if (cmd == BTRFS_IOC_SCRUB) {
        out = put_num(put(out, ", start="), a.start);
        out = put_u64(put(out, ", end="), a.end);
        out = put_flags(put(out, ", flags="), a.flags, uapi::k_btrfs_scrub_flags, "0",
                        "BTRFS_SCRUB_???");
      }
      return put(out, "}");
    }
    case BTRFS_IOC_SEND: {
      btrfs_ioctl_send_args a;
      if (!take(blob, cut, &a)) return nullptr;
      out = put_num(put(out, "{send_fd="), static_cast<int32_t>(a.send_fd));
      out = put_num(put(out, ", clone_sources_count="), a.clone_sources_count);
      uint64_t sources = reinterpret_cast<uintptr_t>(a.clone_sources);
      out = put(out, ", clone_sources=");
      // With -v strace shows the ids the pointer points to, which are not read.
      if (!sources) out = put(out, "NULL");
      else out = a.clone_sources_count || display().abbrev ? put_hex(out, sources) : put(out, "[]");
      out = put_btrfs_objectid(put(out, ", parent_root="), a.parent_root);
      out = put_flags(put(out, ", flags="), a.flags, uapi::k_btrfs_send_flags, "0",
                      "BTRFS_SEND_FLAGS_???");
      return put(out, "}");
    }
    // A tree search's key and the room for what it finds, which are all that is read of
    // its buffer at entry.
    case BTRFS_IOC_TREE_SEARCH: case BTRFS_IOC_TREE_SEARCH_V2: {
      btrfs_ioctl_search_args_v2 a;
      size_t size = cmd == BTRFS_IOC_TREE_SEARCH ? sizeof(a.key) : sizeof(a);
      if (!blob || blob->size() < size) return nullptr;
      std::memcpy(&a, blob->data(), size);
      out = put_btrfs_search_key(put(out, "{key="), a.key);
      if (cmd == BTRFS_IOC_TREE_SEARCH_V2) out = put_num(put(out, ", buf_size="), a.buf_size);
      return put(out, "}");
    }
    case BTRFS_IOC_SPACE_INFO: {
      btrfs_ioctl_space_args a;
      if (!take(blob, cut, &a)) return nullptr;
      return put(put_num(put(out, "{space_slots="), a.space_slots), "}");
    }
    default:
      return nullptr;
  }
}

constexpr Field kCloneRange[] = {
    {OBS_FIELD(file_clone_range, src_fd), as_int}, {OBS_FIELD(file_clone_range, src_offset)},
    {OBS_FIELD(file_clone_range, src_length)}, {OBS_FIELD(file_clone_range, dest_offset)}};

// FICLONERANGE and the label requests, of type 0x94 with btrfs's.
char* put_fs_0x94_ioctl(char* out, uint32_t cmd, bool failed, const std::string_view* blob,
                        bool cut) {
  switch (cmd) {
    case FICLONERANGE:
      return put_taken<file_clone_range>(out, blob, cut, kCloneRange);
    case FS_IOC_GETFSLABEL:
      if (failed) return nullptr;
      [[fallthrough]];
    case FS_IOC_SETFSLABEL:
      if (!blob || cut || blob->size() < FSLABEL_MAX) return nullptr;
      return put_name_field(out, blob->substr(0, FSLABEL_MAX));
    default: {
      char* end = put_btrfs_ioctl(out, cmd, failed, blob, cut);
      return end ? end : put_btrfs_args(out, cmd, failed, blob, cut);
    }
  }
}

// A GPIO line's attribute: its flags, output values or debounce period, by its id; id and
// raw data for others, and for one whose padding is not zero.
char* put_gpio_attr(char* out, const gpio_v2_line_attribute& a, bool as_field) {
  if (!a.padding) {
    switch (a.id) {
      case GPIO_V2_LINE_ATTR_ID_FLAGS:
        return put_flags(put(out, "flags="), a.flags, uapi::k_gpio_v2_line_flags, "0",
                         "GPIO_V2_LINE_FLAG_???");
      case GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES:
        return put_hex(put(out, "values="), a.values);
      case GPIO_V2_LINE_ATTR_ID_DEBOUNCE:
        return put_num(put(out, "debounce_period_us="), a.debounce_period_us);
      default:
        break;
    }
  }
  out = put_num(put(out, as_field ? "attr={id=" : "id="), a.id);
  if (a.padding) out = put_hex(put(out, ", padding="), a.padding);
  out = put_hex(put(out, ", data="), a.values);
  return as_field ? put(out, "}") : out;
}

char* put_gpio_config(char* out, const gpio_v2_line_config& c) {
  out = put_flags(put(out, "{flags="), c.flags, uapi::k_gpio_v2_line_flags, "0",
                  "GPIO_V2_LINE_FLAG_???");
  out = put_num(put(out, ", num_attrs="), c.num_attrs);
  if (!all_zero(c.padding))
    out = put_num_array(put(out, ", padding="), c.padding, std::size(c.padding), true);
  if (c.num_attrs) {
    out = put(out, ", attrs=[");
    size_t n = std::min<size_t>(c.num_attrs, std::size(c.attrs));
    for (size_t i = 0; i < n; ++i) {
      out = put_gpio_attr(put(out, i ? ", {" : "{"), c.attrs[i].attr, true);
      out = put(put_hex(put(out, ", mask="), c.attrs[i].mask), "}");
    }
    out = put(out, "]");
  }
  return put(out, "}");
}

constexpr Field kChipInfo[] = {{OBS_FIELD(gpiochip_info, name), bytes(put_name_field)},
                               {OBS_FIELD(gpiochip_info, label), bytes(put_name_field)},
                               {OBS_FIELD(gpiochip_info, lines)}};
constexpr Field kLineInfo[] = {
    {OBS_FIELD(gpioline_info, flags), flags(uapi::k_gpio_line_flags, "GPIOLINE_FLAG_???")},
    {OBS_FIELD(gpioline_info, name), bytes(put_name_field)},
    {OBS_FIELD(gpioline_info, consumer), bytes(put_name_field)}};
constexpr Field kHandleConfig[] = {
    {OBS_FIELD(gpiohandle_config, flags),
     flags(uapi::k_gpio_handle_flags, "GPIOHANDLE_REQUEST_???")},
    {OBS_FIELD(gpiohandle_config, default_values), bytes(put_dec_array<uint8_t>)}};
constexpr Field kLineValues[] = {{OBS_FIELD(gpio_v2_line_values, bits), hex},
                                 {OBS_FIELD(gpio_v2_line_values, mask), hex}};

// The GPIO character device's requests (strace's gpio_ioctl), or nullptr for others: what
// the call reads, and " => " what it filled when it succeeded.
char* put_gpio_ioctl(char* out, uint32_t cmd, bool failed, const std::string_view* blob,
                     bool cut, const std::string_view* exit_blob) {
  auto flags = [](char* o, std::string_view name, uint64_t v, const auto& table,
                  std::string_view unknown) {
    return put_flags(put(o, name), v, table, "0", unknown);
  };
  switch (cmd) {
    case GPIO_GET_CHIPINFO_IOCTL:
      return failed ? nullptr : put_taken<gpiochip_info>(out, blob, cut, kChipInfo);
    case GPIO_GET_LINEINFO_UNWATCH_IOCTL: {
      uint32_t offset;
      if (!take(blob, cut, &offset)) return nullptr;
      return put(put_num(put(out, "{offset="), offset), "}");
    }
    case GPIO_GET_LINEINFO_IOCTL: case GPIO_GET_LINEINFO_WATCH_IOCTL: {
      gpioline_info li;
      if (!take(blob, cut, &li)) return nullptr;
      out = put(put_num(put(out, "{line_offset="), li.line_offset), "}");
      if (failed || !take(exit_blob, false, &li)) return out;
      return put_fields(put(out, " => "), li, kLineInfo);
    }
    case GPIO_V2_GET_LINEINFO_IOCTL: case GPIO_V2_GET_LINEINFO_WATCH_IOCTL: {
      gpio_v2_line_info li;
      if (!take(blob, cut, &li)) return nullptr;
      out = put(put_num(put(out, "{offset="), li.offset), "}");
      if (failed || !take(exit_blob, false, &li)) return out;
      out = put_name_field(put(out, " => {name="), {li.name, sizeof(li.name)});
      out = put_name_field(put(out, ", consumer="), {li.consumer, sizeof(li.consumer)});
      out = flags(put(out, ", "), "flags=", li.flags, uapi::k_gpio_v2_line_flags,
                  "GPIO_V2_LINE_FLAG_???");
      out = put_num(put(out, ", num_attrs="), li.num_attrs);
      if (li.num_attrs) {
        out = put(out, ", attrs=[");
        size_t n = std::min<size_t>(li.num_attrs, std::size(li.attrs));
        for (size_t i = 0; i < n; ++i)
          out = put(put_gpio_attr(put(out, i ? ", {" : "{"), li.attrs[i], false), "}");
        out = put(out, "]");
      }
      if (!all_zero(li.padding))
        out = put_num_array(put(out, ", padding="), li.padding, std::size(li.padding), true);
      return put(out, "}");
    }
    case GPIO_GET_LINEHANDLE_IOCTL: {
      gpiohandle_request r;
      if (!take(blob, cut, &r)) return nullptr;
      size_t n = std::min<size_t>(r.lines, GPIOHANDLES_MAX);
      out = put_num(put(out, "{lines="), r.lines);
      out = put_num_array(put(out, ", lineoffsets="), r.lineoffsets, n);
      out = flags(put(out, ", "), "flags=", r.flags, uapi::k_gpio_handle_flags,
                  "GPIOHANDLE_REQUEST_???");
      out = put_num_array(put(out, ", default_values="), r.default_values, n);
      out = put_name_field(put(out, ", consumer_label="),
                           {r.consumer_label, sizeof(r.consumer_label)});
      out = put(out, "}");
      if (failed || !take(exit_blob, false, &r)) return out;
      return put(put_num(put(out, " => {fd="), r.fd), "}");
    }
    case GPIO_GET_LINEEVENT_IOCTL: {
      gpioevent_request r;
      if (!take(blob, cut, &r)) return nullptr;
      out = put_num(put(out, "{lineoffset="), r.lineoffset);
      out = flags(put(out, ", "), "handleflags=", r.handleflags, uapi::k_gpio_handle_flags,
                  "GPIOHANDLE_REQUEST_???");
      out = flags(put(out, ", "), "eventflags=", r.eventflags, uapi::k_gpio_event_flags,
                  "GPIOEVENT_REQUEST_???");
      out = put_name_field(put(out, ", consumer_label="),
                           {r.consumer_label, sizeof(r.consumer_label)});
      out = put(out, "}");
      if (failed || !take(exit_blob, false, &r)) return out;
      return put(put_num(put(out, " => {fd="), r.fd), "}");
    }
    case GPIOHANDLE_GET_LINE_VALUES_IOCTL:
      if (failed) return nullptr;
      [[fallthrough]];
    case GPIOHANDLE_SET_LINE_VALUES_IOCTL: {
      gpiohandle_data d;
      if (!take(cmd == GPIOHANDLE_GET_LINE_VALUES_IOCTL ? exit_blob : blob, cut, &d))
        return nullptr;
      return put(put_num_array(put(out, "{values="), d.values, std::size(d.values)), "}");
    }
    case GPIOHANDLE_SET_CONFIG_IOCTL:
      return put_taken<gpiohandle_config>(out, blob, cut, kHandleConfig);
    case GPIO_V2_GET_LINE_IOCTL: {
      gpio_v2_line_request r;
      if (!take(blob, cut, &r)) return nullptr;
      out = put_num(put(out, "{num_lines="), r.num_lines);
      out = put_num_array(put(out, ", offsets="), r.offsets,
                          std::min<size_t>(r.num_lines, GPIO_V2_LINES_MAX));
      out = put_name_field(put(out, ", consumer="), {r.consumer, sizeof(r.consumer)});
      out = put_gpio_config(put(out, ", config="), r.config);
      if (r.event_buffer_size) out = put_num(put(out, ", event_buffer_size="), r.event_buffer_size);
      if (!all_zero(r.padding))
        out = put_num_array(put(out, ", padding="), r.padding, std::size(r.padding), true);
      out = put(out, "}");
      if (failed || !take(exit_blob, false, &r)) return out;
      return put(put_num(put(out, " => {fd="), r.fd), "}");
    }
    case GPIO_V2_LINE_SET_CONFIG_IOCTL: {
      gpio_v2_line_config c;
      if (!take(blob, cut, &c)) return nullptr;
      return put_gpio_config(out, c);
    }
    case GPIO_V2_LINE_GET_VALUES_IOCTL: {
      gpio_v2_line_values v;
      if (!take(blob, cut, &v)) return nullptr;
      out = put(put_hex(put(out, "{mask="), v.mask), "}");
      if (failed || !take(exit_blob, false, &v)) return out;
      return put(put_hex(put(out, " => {bits="), v.bits), "}");
    }
    case GPIO_V2_LINE_SET_VALUES_IOCTL:
      return put_taken<gpio_v2_line_values>(out, blob, cut, kLineValues);
    default:
      return nullptr;
  }
}
// The device mapper's struct dm_ioctl (strace's dm.c), from a head of at least the bytes
// before its data, or nullptr for others. A setting shows at entry what the request reads;
// a call that succeeded, or one whose header changed, " => " the header it wrote. What
// follows the header (target specs, names, messages) lies past the struct and is not read:
// it shows as "...".
bool dm_request(uint32_t cmd) {
  switch (cmd) {
    case DM_VERSION: case DM_REMOVE_ALL: case DM_LIST_DEVICES: case DM_DEV_CREATE:
    case DM_DEV_REMOVE: case DM_DEV_RENAME: case DM_DEV_SUSPEND: case DM_DEV_STATUS:
    case DM_DEV_WAIT: case DM_TABLE_LOAD: case DM_TABLE_CLEAR: case DM_TABLE_DEPS:
    case DM_TABLE_STATUS: case DM_LIST_VERSIONS: case DM_TARGET_MSG: case DM_DEV_SET_GEOMETRY:
    case DM_DEV_ARM_POLL:
      return true;
    default:
      return false;
  }
}

bool take_dm_head(const std::string_view* blob, dm_ioctl* d) {
  if (!blob || blob->size() < offsetof(dm_ioctl, data)) return false;
  *d = {};
  std::memcpy(d, blob->data(), offsetof(dm_ioctl, data));
  return d->data_size >= offsetof(dm_ioctl, data_size);
}

char* put_dm_header(char* out, uint32_t cmd, const dm_ioctl& d, bool exiting) {
  out = put(out, "[{version=");
  out = put_num_array(out, d.version, std::size(d.version));
  if (d.version[0] != DM_VERSION_MAJOR)
    return put(out, " /* unsupported device mapper ABI version */}]");
  out = put_num(put(out, ", data_size="), d.data_size);
  if (d.data_size < offsetof(dm_ioctl, data)) return put(out, " /* data_size too small */}]");
  switch (cmd) {
    case DM_VERSION: case DM_REMOVE_ALL: case DM_DEV_CREATE: case DM_DEV_REMOVE:
    case DM_DEV_SUSPEND: case DM_DEV_STATUS: case DM_TABLE_CLEAR: case DM_DEV_ARM_POLL:
      break;
    default:
      out = put_num(put(out, ", data_start="), d.data_start);
  }
  if (cmd != DM_REMOVE_ALL && cmd != DM_LIST_DEVICES && cmd != DM_LIST_VERSIONS) {
    if (d.dev) out = put_makedev(put(out, ", dev="), d.dev);
    if (d.name[0]) out = put_name_field(put(out, ", name="), {d.name, sizeof(d.name)});
    if (d.uuid[0]) out = put_name_field(put(out, ", uuid="), {d.uuid, sizeof(d.uuid)});
  }
  bool more = false;  // a payload follows the header
  if (!exiting) {
    switch (cmd) {
      case DM_TABLE_LOAD:
        out = put_num(put(out, ", target_count="), d.target_count);
        more = d.target_count != 0;
        break;
      case DM_DEV_SUSPEND:
        if (d.flags & DM_SUSPEND_FLAG) break;
        [[fallthrough]];
      case DM_DEV_RENAME: case DM_DEV_REMOVE: case DM_DEV_WAIT:
        out = put_num(put(out, ", event_nr="), d.event_nr);
        break;
    }
    if (cmd == DM_TARGET_MSG) more = d.data_start != d.data_size;
    if (cmd == DM_DEV_RENAME || cmd == DM_DEV_SET_GEOMETRY) more = true;
  } else {
    switch (cmd) {
      case DM_DEV_CREATE: case DM_DEV_RENAME: case DM_DEV_SUSPEND: case DM_DEV_STATUS:
      case DM_DEV_WAIT: case DM_TABLE_LOAD: case DM_TABLE_CLEAR: case DM_TABLE_DEPS:
      case DM_TABLE_STATUS: case DM_TARGET_MSG:
        out = put_num(put(out, ", target_count="), d.target_count);
        out = put_num(put(out, ", open_count="), d.open_count);
        out = put_num(put(out, ", event_nr="), d.event_nr);
    }
    switch (cmd) {
      case DM_DEV_WAIT: case DM_TABLE_STATUS:
        more = d.target_count != 0;
        break;
      case DM_TABLE_DEPS: case DM_LIST_DEVICES: case DM_LIST_VERSIONS:
        more = d.data_start != d.data_size;
        break;
      case DM_TARGET_MSG:
        more = d.flags & DM_DATA_OUT_FLAG;
        break;
    }
  }
  out = put_flags(put(out, ", flags="), d.flags, uapi::k_dm_flags, "0", "DM_???");
  return put(out, more ? "}, ...]" : "}]");
}

char* put_dm_ioctl(char* out, uint32_t cmd, bool failed, const std::string_view* blob,
                   const std::string_view* exit_blob) {
  dm_ioctl d, x;
  if (!dm_request(cmd) || !take_dm_head(blob, &d)) return nullptr;
  out = put_dm_header(out, cmd, d, false);
  if (!take_dm_head(exit_blob, &x)) return out;
  bool changed = std::memcmp(d.version, x.version, sizeof(d.version)) ||
                 d.data_size != x.data_size || d.data_start != x.data_start ||
                 d.flags != x.flags;
  if (failed && !changed) return out;
  return put_dm_header(put(out, " => "), cmd, x, true);
}

// A TEE's shared memory registered from a dma-buf's fd: a request of vendors' kernels, not
// of the uapi headers, which strace decodes (its tee.c).
struct tee_ioctl_shm_register_fd_data {
  int64_t fd;
  uint64_t size;
  uint32_t flags;
  uint8_t pad1[4];
  int32_t id;
  uint8_t pad2[4];
};
constexpr uint32_t kTeeShmRegisterFd = _IOWR(TEE_IOC_MAGIC, 8, tee_ioctl_shm_register_fd_data);

// A TEE's parameter (strace's tee_print_param_fn): its type, TEE_IOCTL_PARAM_ATTR_META
// apart, and the value or the shared memory it gives.
char* put_tee_param(char* out, const char* bytes) {
  tee_ioctl_param p;
  std::memcpy(&p, bytes, sizeof(p));
  out = put_xval(put(out, "{attr="), p.attr & ~uint64_t{TEE_IOCTL_PARAM_ATTR_META},
                 uapi::k_tee_param_attr_types, "TEE_IOCTL_PARAM_ATTR_");
  if (p.attr & TEE_IOCTL_PARAM_ATTR_META) out = put(out, "|TEE_IOCTL_PARAM_ATTR_META");
  switch (p.attr) {
    case TEE_IOCTL_PARAM_ATTR_TYPE_NONE:
      break;
    case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT: case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT:
    case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT:
      out = put_hex(put(out, ", shm_offs="), p.a);
      out = put_hex(put(out, ", size="), p.b);
      out = put_num(put(out, ", shm_id="), p.c);
      break;
    default:
      out = put_hex(put(out, ", a="), p.a);
      out = put_hex(put(out, ", b="), p.b);
      out = put_hex(put(out, ", c="), p.c);
  }
  return put(out, "}");
}

// A session's or an invocation's arguments at buf_ptr, as strace shows them at entry
// (tee_open_session, tee_invoke, tee_suppl_recv, tee_suppl_send): the struct, then its
// parameters; nullptr where strace shows buf_ptr's address (its parameters are not as many as
// buf_len makes room for, or the kernel side could not read the struct).
char* put_tee_args(char* out, uint32_t cmd, const tee_ioctl_buf_data& b, size_t arg_size,
                   const std::string_view* pointed) {
  ioc_ptrs_head head;
  if (!pointed || !load_at(*pointed, 0, &head) || head.size != sizeof(b) ||
      (head.len[0] & IOC_PTR_UNREAD) || head.len[0] < arg_size)
    return nullptr;
  std::string_view args = pointed->substr(std::min(sizeof(head) + head.size, pointed->size()),
                                          head.len[0]);
  // num_params is the struct's last member but for its array, in each of them.
  uint32_t params;
  if (!load_at(args, arg_size - sizeof(uint32_t), &params) ||
      arg_size + uint64_t{params} * sizeof(tee_ioctl_param) != b.buf_len)
    return nullptr;
  out = put(put_num(put(out, "{buf_len="), b.buf_len), ", buf_ptr={");
  switch (cmd) {
    case TEE_IOC_INVOKE: {
      tee_ioctl_invoke_arg a;
      load_at(args, 0, &a);
      out = put_num(put(out, "func="), a.func);
      out = put_hex(put(out, ", session="), a.session);
      out = put(put_num(put(out, ", cancel_id="), a.cancel_id), ", ");
      break;
    }
    case TEE_IOC_OPEN_SESSION: {
      tee_ioctl_open_session_arg a;
      load_at(args, 0, &a);
      out = put(out, "uuid=");
      for (size_t i = 0; i < sizeof(a.uuid); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) *out++ = '-';
        *out++ = "0123456789abcdef"[a.uuid[i] >> 4];
        *out++ = "0123456789abcdef"[a.uuid[i] & 15];
      }
      out = put_xval(put(out, ", clnt_login="), a.clnt_login, uapi::k_tee_login_types,
                     "TEE_IOCTL_LOGIN_???");
      // Not a UUID: the group a client logs in as, or bytes (strace's comment says why).
      switch (a.clnt_login) {
        case TEE_IOCTL_LOGIN_PUBLIC: case TEE_IOCTL_LOGIN_USER: case TEE_IOCTL_LOGIN_APPLICATION:
        case TEE_IOCTL_LOGIN_USER_APPLICATION:
          break;
        case TEE_IOCTL_LOGIN_GROUP: case TEE_IOCTL_LOGIN_GROUP_APPLICATION: {
          uint32_t gid;
          std::memcpy(&gid, a.clnt_uuid, sizeof(gid));
          out = put(out, ", clnt_uuid=");
          out = gid == UINT32_MAX ? put(out, "-1") : put_num(out, gid);
          break;
        }
        default:
          out = put(out, ", clnt_uuid=[");
          for (size_t i = 0; i < sizeof(a.clnt_uuid); ++i)
            out = put_hex(i ? put(out, ", ") : out, a.clnt_uuid[i]);
          out = put(out, "]");
      }
      out = put(put_num(put(out, ", cancel_id="), a.cancel_id), ", ");
      break;
    }
    case TEE_IOC_SUPPL_RECV: {
      tee_iocl_supp_recv_arg a;
      load_at(args, 0, &a);
      out = put(put_num(put(out, "func="), a.func), ", ");
      break;
    }
    default:
      break;
  }
  out = put_num(put(out, "num_params="), params);
  out = put_array(put(out, ", params="), params ? b.buf_ptr + arg_size : 0, params,
                  sizeof(tee_ioctl_param), args.substr(arg_size), put_tee_param);
  return put(out, "}}");
}

// A TEE's requests (strace's tee.c), or nullptr for others: the structs they read at entry,
// " => " what a call that succeeded wrote, the version it filled. The arguments of a session
// and its invocations, behind the struct's pointer, as they were at entry (what the TEE wrote
// back there is not read).
char* put_tee_ioctl(char* out, uint32_t cmd, bool failed, uint64_t addr,
                    const std::string_view* blob, bool cut, const std::string_view* exit_blob,
                    const std::string_view* pointed) {
  auto shm_flags = [](char* o, uint32_t flags) {
    return put_flags(put(o, ", flags="), flags, uapi::k_tee_shm_flags, "0", "TEE_IOCTL_SHM_???");
  };
  switch (cmd) {
    case TEE_IOC_VERSION: case TEE_IOC_CANCEL: case TEE_IOC_CLOSE_SESSION:
    case TEE_IOC_SHM_ALLOC: case TEE_IOC_SHM_REGISTER: case kTeeShmRegisterFd:
    case TEE_IOC_INVOKE: case TEE_IOC_OPEN_SESSION: case TEE_IOC_SUPPL_RECV:
    case TEE_IOC_SUPPL_SEND:
      if (!addr) return put(out, "NULL");
      break;
    default:
      return nullptr;
  }
  switch (cmd) {
    case TEE_IOC_VERSION: {
      tee_ioctl_version_data v;
      if (failed || !take(blob, cut, &v)) return nullptr;
      out = put_enum64(put(out, "{impl_id="), v.impl_id, uapi::k_tee_impl_ids, "TEE_IMPL_ID_???");
      out = put_flags(put(out, ", gen_caps="), v.gen_caps, uapi::k_tee_gen_caps, "0",
                      "TEE_GEN_CAP_???");
      out = put(out, ", impl_caps=");
      out = v.impl_id == TEE_IMPL_ID_OPTEE
                ? put_flags(out, v.impl_caps, uapi::k_tee_optee_caps, "0", "TEE_OPTEE_CAP_???")
                : put_hex(out, v.impl_caps);
      return put(out, "}");
    }
    case TEE_IOC_CANCEL: {
      tee_ioctl_cancel_arg c;
      if (!take(blob, cut, &c)) return nullptr;
      out = put_num(put(out, "{cancel_id="), c.cancel_id);
      return put(put_hex(put(out, ", session="), c.session), "}");
    }
    case TEE_IOC_CLOSE_SESSION: {
      tee_ioctl_close_session_arg c;
      if (!take(blob, cut, &c)) return nullptr;
      return put(put_hex(put(out, "{session="), c.session), "}");
    }
    case TEE_IOC_SHM_ALLOC: {
      tee_ioctl_shm_alloc_data a;
      if (!take(blob, cut, &a)) return nullptr;
      out = shm_flags(put_hex(put(out, "{size="), a.size), a.flags);
      out = put(out, "}");
      if (failed || !take(exit_blob, false, &a)) return out;
      out = shm_flags(put_hex(put(out, " => {size="), a.size), a.flags);
      return put(put_num(put(out, ", id="), a.id), "}");
    }
    case TEE_IOC_SHM_REGISTER: {
      tee_ioctl_shm_register_data r;
      if (!take(blob, cut, &r)) return nullptr;
      out = put_addr(put(out, "{addr="), r.addr);
      out = shm_flags(put_hex(put(out, ", length="), r.length), r.flags);
      out = put(out, "}");
      if (failed || !take(exit_blob, false, &r)) return out;
      out = shm_flags(put_hex(put(out, " => {length="), r.length), r.flags);
      return put(put_num(put(out, ", id="), r.id), "}");
    }
    case kTeeShmRegisterFd: {
      tee_ioctl_shm_register_fd_data r;
      if (!take(blob, cut, &r)) return nullptr;
      out = shm_flags(put_num(put(out, "{fd="), static_cast<int32_t>(r.fd)), r.flags);
      out = put(out, "}");
      if (failed || !take(exit_blob, false, &r)) return out;
      out = put_hex(put(out, " => {size="), r.size);
      return put(put_num(put(out, ", id="), r.id), "}");
    }
    default: {
      tee_ioctl_buf_data b;
      if (!take(blob, cut, &b)) return nullptr;
      size_t arg_size = cmd == TEE_IOC_INVOKE         ? sizeof(tee_ioctl_invoke_arg)
                        : cmd == TEE_IOC_OPEN_SESSION ? sizeof(tee_ioctl_open_session_arg)
                        : cmd == TEE_IOC_SUPPL_RECV   ? sizeof(tee_iocl_supp_recv_arg)
                                                      : sizeof(tee_iocl_supp_send_arg);
      if (b.buf_len <= TEE_MAX_ARG_SIZE && b.buf_len >= arg_size)
        if (char* end = put_tee_args(out, cmd, b, arg_size, pointed)) return end;
      out = put_num(put(out, "{buf_len="), b.buf_len);
      return put(put_addr(put(out, ", buf_ptr="), b.buf_ptr), "}");
    }
  }
}

constexpr Show kUbiDataType = as_unsigned(xval(uapi::k_ubi_data_types, "UBI_???"));
constexpr Field kRsvolReq[] = {{OBS_FIELD(ubi_rsvol_req, bytes)},
                               {OBS_FIELD(ubi_rsvol_req, vol_id)}};
constexpr Field kAttachReq[] = {
    {OBS_FIELD(ubi_attach_req, ubi_num)}, {OBS_FIELD(ubi_attach_req, mtd_num)},
    {OBS_FIELD(ubi_attach_req, vid_hdr_offset)}, {OBS_FIELD(ubi_attach_req, max_beb_per1024)}};
constexpr Field kLebChangeReq[] = {{OBS_FIELD(ubi_leb_change_req, lnum)},
                                   {OBS_FIELD(ubi_leb_change_req, bytes)},
                                   {OBS_FIELD(ubi_leb_change_req, dtype), kUbiDataType}};
constexpr Field kMapReq[] = {{OBS_FIELD(ubi_map_req, lnum)},
                             {OBS_FIELD(ubi_map_req, dtype), kUbiDataType}};
constexpr Field kSetVolPropReq[] = {
    {OBS_FIELD(ubi_set_vol_prop_req, property),
     xval(uapi::k_ubi_volume_props, "UBI_VOL_PROP_???")},
    {OBS_FIELD(ubi_set_vol_prop_req, value), hex}};

// UBI's requests of a struct (strace's ubi.c) as they are read at entry, or nullptr for
// others: a volume made, resized or renamed, an MTD device attached, an eraseblock changed
// or mapped, a volume's property set. The number a call that made or attached something
// wrote back is not shown.
char* put_ubi_ioctl(char* out, uint32_t cmd, const std::string_view* blob, bool cut) {
  // A name of name_len bytes, at most the field's.
  auto name = [](char* o, const auto& field, int64_t len) {
    size_t n = 1 + static_cast<size_t>(std::clamp<int64_t>(len, 0, sizeof(field) - 1));
    return put_name_field(o, {field, n});
  };
  switch (cmd) {
    case UBI_IOCMKVOL: {
      ubi_mkvol_req r;
      if (!take(blob, cut, &r)) return nullptr;
      out = put_num(put(out, "{vol_id="), r.vol_id);
      out = put_num(put(out, ", alignment="), r.alignment);
      out = put_num(put(out, ", bytes="), r.bytes);
      out = put_xval(put(out, ", vol_type="), static_cast<uint8_t>(r.vol_type),
                     uapi::k_ubi_volume_types, "UBI_???_VOLUME");
      out = put_flags(put(out, ", flags="), static_cast<uint8_t>(r.flags),
                      uapi::k_ubi_volume_flags, "0", "UBI_VOL_???");
      out = put_num(put(out, ", name_len="), r.name_len);
      return put(name(put(out, ", name="), r.name, r.name_len), "}");
    }
    case UBI_IOCRSVOL:
      return put_taken<ubi_rsvol_req>(out, blob, cut, kRsvolReq);
    case UBI_IOCATT:
      return put_taken<ubi_attach_req>(out, blob, cut, kAttachReq);
    case UBI_IOCEBCH:
      return put_taken<ubi_leb_change_req>(out, blob, cut, kLebChangeReq);
    case UBI_IOCEBMAP:
      return put_taken<ubi_map_req>(out, blob, cut, kMapReq);
    case UBI_IOCSETVOLPROP:
      return put_taken<ubi_set_vol_prop_req>(out, blob, cut, kSetVolPropReq);
    // The volumes renamed, as many as the count says of the 32 there is room for (the
    // struct is more than a blob: those past it are not read).
    case UBI_IOCRNVOL: {
      ubi_rnvol_req r;
      constexpr size_t kHead = offsetof(ubi_rnvol_req, ents);
      if (!blob || blob->size() < kHead) return nullptr;
      std::memcpy(&r, blob->data(), kHead);
      size_t n = static_cast<size_t>(std::clamp<int32_t>(r.count, 0, UBI_MAX_RNVOL));
      if (blob->size() < kHead + n * sizeof(r.ents[0])) return nullptr;
      std::memcpy(r.ents, blob->data() + kHead, n * sizeof(r.ents[0]));
      out = put_num(put(out, "{count="), r.count);
      out = put(out, ", ents=[");
      for (size_t i = 0; i < n; ++i) {
        out = put_num(put(out, i ? ", {vol_id=" : "{vol_id="), r.ents[i].vol_id);
        out = put_num(put(out, ", name_len="), r.ents[i].name_len);
        out = put(name(put(out, ", name="), r.ents[i].name, r.ents[i].name_len), "}");
      }
      if (r.count > UBI_MAX_RNVOL) out = put(out, ", ...");
      return put(out, "]}");
    }
    case UBI_IOCVOLUP: {
      int64_t bytes;
      if (!take(blob, cut, &bytes)) return nullptr;
      return put(put_num(put(out, "["), bytes), "]");
    }
    default:
      return nullptr;
  }
}

constexpr Field kEraseInfo[] = {{OBS_FIELD(erase_info_user, start), hex},
                                {OBS_FIELD(erase_info_user, length), hex}};
constexpr Field kEraseInfo64[] = {{OBS_FIELD(erase_info_user64, start), hex},
                                  {OBS_FIELD(erase_info_user64, length), hex}};
constexpr Field kOobBuf[] = {{OBS_FIELD(mtd_oob_buf, start), hex},
                             {OBS_FIELD(mtd_oob_buf, length), hex},
                             {OBS_FIELD(mtd_oob_buf, ptr), addr}};
constexpr Field kOobBuf64[] = {{OBS_FIELD(mtd_oob_buf64, start), hex},
                               {OBS_FIELD(mtd_oob_buf64, length), hex},
                               {OBS_FIELD(mtd_oob_buf64, usr_ptr), addr}};
constexpr Field kOtpInfo[] = {{OBS_FIELD(otp_info, start), hex},
                              {OBS_FIELD(otp_info, length), hex}, {OBS_FIELD(otp_info, locked)}};
constexpr Field kRegionInfo[] = {{OBS_FIELD(region_info_user, regionindex), hex}};
constexpr Field kWriteReq[] = {
    {OBS_FIELD(mtd_write_req, start), hex},     {OBS_FIELD(mtd_write_req, len), hex},
    {OBS_FIELD(mtd_write_req, ooblen), hex},    {OBS_FIELD(mtd_write_req, usr_data), addr},
    {OBS_FIELD(mtd_write_req, usr_oob), addr},
    {OBS_FIELD(mtd_write_req, mode), xval(uapi::k_mtd_mode_options, "MTD_OPS_???")}};

// MTD's requests of a struct or number (strace's mtd.c) as they are read at entry, or
// nullptr for others; what a call that succeeded wrote back is not shown.
char* put_mtd_ioctl(char* out, uint32_t cmd, const std::string_view* blob, bool cut) {
  switch (cmd) {
    case MEMERASE: case MEMLOCK: case MEMUNLOCK: case MEMISLOCKED:
      return put_taken<erase_info_user>(out, blob, cut, kEraseInfo);
    case MEMERASE64:
      return put_taken<erase_info_user64>(out, blob, cut, kEraseInfo64);
    case MEMWRITEOOB: case MEMREADOOB:
      return put_taken<mtd_oob_buf>(out, blob, cut, kOobBuf);
    case MEMWRITEOOB64: case MEMREADOOB64:
      return put_taken<mtd_oob_buf64>(out, blob, cut, kOobBuf64);
    case OTPLOCK:
      return put_taken<otp_info>(out, blob, cut, kOtpInfo);
    case MEMGETREGIONINFO:
      return put_taken<region_info_user>(out, blob, cut, kRegionInfo);
    case MEMGETBADBLOCK: case MEMSETBADBLOCK: {
      uint64_t offset;
      if (!take(blob, cut, &offset)) return nullptr;
      return put(put_num(put(out, "["), offset), "]");
    }
    case OTPSELECT: {
      uint32_t mode;
      if (!take(blob, cut, &mode)) return nullptr;
      return put(put_xval(put(out, "["), mode, uapi::k_mtd_otp_options, "MTD_OTP_???"), "]");
    }
    case MEMWRITE:
      return put_taken<mtd_write_req>(out, blob, cut, kWriteReq);
    default:
      return nullptr;
  }
}

// A PTP clock's time: {sec=1, nsec=2}, its reserved word when set, and of an absolute time
// strace's date comment (not with -X raw).
constexpr Field kPtpTime[] = {{OBS_FIELD(ptp_clock_time, sec)},
                              {OBS_FIELD(ptp_clock_time, nsec)},
                              {OBS_FIELD(ptp_clock_time, reserved), hex, When::kNonZero}};

char* put_ptp_time(char* out, const ptp_clock_time& t, bool date) {
  out = put_fields(out, t, kPtpTime);
  if (date && display().xlat != Xlat::kRaw)
    out = put_date_comment(out, t.sec, t.nsec, 999999999, 9);
  return out;
}

// A reserved array's words, when any is set: ", rsv=[0xdeadc0de, 0]".
template <class T, size_t N>
char* put_rsv(char* out, const T (&rsv)[N]) {
  const auto* words = reinterpret_cast<const uint32_t*>(rsv);
  return all_zero(rsv) ? out : put_num_array(put(out, ", rsv="), words, N, true);
}

// The samples a PTP clock's offset request filled: count of them, each one time or three.
template <size_t K>
char* put_ptp_samples(char* out, const ptp_clock_time* ts, size_t count) {
  out = put(out, ", ts=[");
  for (size_t i = 0; i < count; ++i) {
    if (i) out = put(out, ", ");
    if (i == kShown && display().abbrev) {
      out = put(out, "...");
      break;
    }
    if (K > 1) out = put(out, "[");
    for (size_t k = 0; k < K; ++k) out = put_ptp_time(put(out, k ? ", " : ""), ts[i * K + k], true);
    if (K > 1) out = put(out, "]");
  }
  return put(out, "]");
}

constexpr Field kClockCaps[] = {
    {OBS_FIELD(ptp_clock_caps, max_adj)},    {OBS_FIELD(ptp_clock_caps, n_alarm)},
    {OBS_FIELD(ptp_clock_caps, n_ext_ts)},   {OBS_FIELD(ptp_clock_caps, n_per_out)},
    {OBS_FIELD(ptp_clock_caps, pps)},        {OBS_FIELD(ptp_clock_caps, n_pins)},
    {OBS_FIELD(ptp_clock_caps, cross_timestamping)},
    {OBS_FIELD(ptp_clock_caps, adjust_phase)},
    {OBS_FIELD(ptp_clock_caps, rsv), bytes(put_hex_array<uint32_t>), When::kNonZero}};

// A PTP clock's requests (strace's ptp.c), or nullptr for others: what the call reads at
// entry, and what a call that succeeded filled.
char* put_ptp_ioctl(char* out, uint32_t cmd, bool failed, const std::string_view* blob, bool cut,
                    const std::string_view* exit_blob) {
  switch (cmd) {
    case PTP_CLOCK_GETCAPS: case PTP_CLOCK_GETCAPS2:
      return failed ? nullptr : put_taken<ptp_clock_caps>(out, exit_blob, false, kClockCaps);
    case PTP_EXTTS_REQUEST: case PTP_EXTTS_REQUEST2: {
      struct ptp_extts_request r;
      if (!take(blob, cut, &r)) return nullptr;
      out = put_num(put(out, "{index="), r.index);
      out = put_flags(put(out, ", flags="), r.flags, uapi::k_ptp_extts_flags, "0", "PTP_???");
      if (cmd == PTP_EXTTS_REQUEST2) out = put_rsv(out, r.rsv);
      return put(out, "}");
    }
    case PTP_PEROUT_REQUEST: case PTP_PEROUT_REQUEST2: {
      struct ptp_perout_request r;
      if (!take(blob, cut, &r)) return nullptr;
      out = r.flags & PTP_PEROUT_PHASE ? put_ptp_time(put(out, "{phase="), r.phase, false)
                                       : put_ptp_time(put(out, "{start="), r.start, true);
      out = put_ptp_time(put(out, ", period="), r.period, false);
      out = put_num(put(out, ", index="), r.index);
      out = put_flags(put(out, ", flags="), r.flags, uapi::k_ptp_perout_flags, "0",
                      "PTP_PEROUT_???");
      if (r.flags & PTP_PEROUT_DUTY_CYCLE)
        out = put_ptp_time(put(out, ", on="), r.on, false);
      else if (cmd == PTP_PEROUT_REQUEST2)
        out = put_rsv(out, r.rsv);
      return put(out, "}");
    }
    case PTP_SYS_OFFSET: case PTP_SYS_OFFSET2: {
      struct ptp_sys_offset o;
      if (!take(blob, cut, &o)) return nullptr;
      out = put_rsv(put_num(put(out, "{n_samples="), o.n_samples), o.rsv);
      if (failed) return put(out, "}");
      if (!take(exit_blob, false, &o)) return put(out, ", ???}");
      size_t n = std::min<size_t>(o.n_samples, PTP_MAX_SAMPLES);
      return put(put_ptp_samples<1>(out, o.ts, 2 * n + 1), "}");
    }
    case PTP_SYS_OFFSET_EXTENDED: case PTP_SYS_OFFSET_EXTENDED2: {
      struct ptp_sys_offset_extended o;
      if (!take(blob, cut, &o)) return nullptr;
      out = put_rsv(put_num(put(out, "{n_samples="), o.n_samples), o.rsv);
      if (failed) return put(out, "}");
      if (!take(exit_blob, false, &o)) return put(out, ", ???}");
      size_t n = std::min<size_t>(o.n_samples, PTP_MAX_SAMPLES);
      return put(put_ptp_samples<3>(out, &o.ts[0][0], n), "}");
    }
    case PTP_SYS_OFFSET_PRECISE: case PTP_SYS_OFFSET_PRECISE2: {
      struct ptp_sys_offset_precise o;
      if (failed || !take(exit_blob, false, &o)) return nullptr;
      out = put_ptp_time(put(out, "{device="), o.device, true);
      out = put_ptp_time(put(out, ", sys_realtime="), o.sys_realtime, true);
      out = put_ptp_time(put(out, ", sys_monoraw="), o.sys_monoraw, false);
      return put(put_rsv(out, o.rsv), "}");
    }
    case PTP_PIN_GETFUNC: case PTP_PIN_GETFUNC2: case PTP_PIN_SETFUNC: case PTP_PIN_SETFUNC2: {
      struct ptp_pin_desc p;
      if (!take(blob, cut, &p)) return nullptr;
      out = put_num(put(out, "{index="), p.index);
      bool getter = cmd == PTP_PIN_GETFUNC || cmd == PTP_PIN_GETFUNC2;
      if (getter) {
        if (cmd == PTP_PIN_GETFUNC2) out = put_rsv(out, p.rsv);
        if (failed) return put(out, "}");
        if (!take(exit_blob, false, &p)) return put(out, ", ???}");
        out = put_name_field(put(out, ", name="), {p.name, sizeof(p.name)});
      }
      out = put_xval(put(out, ", func="), p.func, uapi::k_ptp_pin_funcs, "PTP_PF_???");
      out = put_num(put(out, ", chan="), p.chan);
      if (cmd == PTP_PIN_SETFUNC2) out = put_rsv(out, p.rsv);
      return put(out, "}");
    }
    default:
      return nullptr;
  }
}

// A syscall number as struct seccomp_data names it, by its architecture (strace's
// PRINT_FIELD_SYSCALL_NAME): the native one's __NR_gettid, another's number and its name in
// a comment, a number alone where the architecture is not one this build knows.
char* put_seccomp_nr(char* out, int32_t nr, uint32_t arch) {
#if defined(__x86_64__)
  constexpr uint32_t kNative = AUDIT_ARCH_X86_64, kCompat = AUDIT_ARCH_I386;
#elif defined(__aarch64__)
  constexpr uint32_t kNative = AUDIT_ARCH_AARCH64, kCompat = 0;
#endif
  std::string_view name;
  if (arch == kNative) name = syscall_name(nr);
  else if (kCompat && arch == kCompat) name = compat_syscall_name(nr);
  bool native = arch == kNative && !name.empty();
  if (display().xlat != Xlat::kAbbrev || !native) out = put_num(out, static_cast<uint32_t>(nr));
  if (display().xlat == Xlat::kRaw || name.empty()) return out;
  bool comment = !native || display().xlat == Xlat::kVerbose;
  if (comment) out = put(out, " /* ");
  out = put(native ? put(out, "__NR_") : out, name);
  return comment ? put(out, " */") : out;
}

// A seccomp user notification's struct seccomp_notif.
char* put_seccomp_notif(char* out, const seccomp_notif& n) {
  out = put_hex(put(out, "{id="), n.id);
  out = put_num(put(out, ", pid="), n.pid);
  out = put_hex(put(out, ", flags="), n.flags);
  out = put_seccomp_nr(put(out, ", data={nr="), n.data.nr, n.data.arch);
  out = put_xval(put(out, ", arch="), n.data.arch, uapi::k_audit_arch, "AUDIT_ARCH_???");
  out = put_addr(put(out, ", instruction_pointer="), n.data.instruction_pointer);
  out = put_num_array(put(out, ", args="), n.data.args, std::size(n.data.args), true);
  return put(out, "}}");
}

constexpr Field kNotifAddfd[] = {
    {OBS_FIELD(seccomp_notif_addfd, id), hex},
    {OBS_FIELD(seccomp_notif_addfd, flags),
     flags(uapi::k_seccomp_addfd_flags, "SECCOMP_ADDFD_FLAG_???")},
    {OBS_FIELD(seccomp_notif_addfd, srcfd), as_int},
    {OBS_FIELD(seccomp_notif_addfd, newfd), as_int},
    {OBS_FIELD(seccomp_notif_addfd, newfd_flags), flags(uapi::k_open_flags, "O_???")}};

// seccomp's user notification requests (strace's seccomp_ioctl.c), or nullptr for others: a
// notification asked for (shown at entry only when not all zero, then " => " what the call
// filled), the response sent, the id checked, the descriptor added.
char* put_seccomp_ioctl(char* out, uint32_t cmd, uint64_t addr, bool failed,
                        const std::string_view* blob, bool cut,
                        const std::string_view* exit_blob) {
  switch (cmd) {
    case SECCOMP_IOCTL_NOTIF_RECV: {
      struct seccomp_notif n;
      if (!take(blob, cut, &n)) return nullptr;
      static const seccomp_notif kZero{};
      bool asked = std::memcmp(&n, &kZero, sizeof(n)) != 0;
      if (asked) out = put(put_seccomp_notif(out, n), " => ");
      if (!failed && take(exit_blob, false, &n)) return put_seccomp_notif(out, n);
      return asked ? put_hex(out, addr) : nullptr;
    }
    case SECCOMP_IOCTL_NOTIF_SEND: {
      struct seccomp_notif_resp r;
      if (!take(blob, cut, &r)) return nullptr;
      out = put_hex(put(out, "{id="), r.id);
      out = put_num(put(out, ", val="), r.val);
      out = put(out, ", error=");
      std::string_view err = r.error < 0 ? errno_symbol(-r.error) : std::string_view();
      out = put_xlat(out, [&r](char* o) { return put_num(o, r.error); }, [&](char* o) {
        return err.empty() ? put_num(o, r.error) : put(put(o, "-"), err);
      });
      out = put_flags(put(out, ", flags="), r.flags, uapi::k_seccomp_notif_resp_flags, "0",
                      "SECCOMP_USER_NOTIF_FLAG_???");
      return put(out, "}");
    }
    case SECCOMP_IOCTL_NOTIF_ID_VALID:
    case _IOC(_IOC_READ, '!', 2, sizeof(uint64_t)): {  // ..._WRONG_DIR, strace's name
      uint64_t id;
      if (!take(blob, cut, &id)) return nullptr;
      return put(put_hex(put(out, "["), id), "]");
    }
    case SECCOMP_IOCTL_NOTIF_ADDFD:
      return put_taken<seccomp_notif_addfd>(out, blob, cut, kNotifAddfd);
    default:
      return nullptr;
  }
}

constexpr Field kBlkpgArg[] = {
    {OBS_FIELD(blkpg_ioctl_arg, op), as_unsigned(xval(uapi::k_blkpg_ops, "BLKPG_???"))},
    {OBS_FIELD(blkpg_ioctl_arg, flags)},
    {OBS_FIELD(blkpg_ioctl_arg, datalen)},
    {OBS_FIELD(blkpg_ioctl_arg, data), addr}};

// Block devices' requests of a struct or number the call reads (strace's block.c), or nullptr
// for others: ints, a range of two u64, a partition operation (the partition it points to is
// not read: its address), a trace set up (the name it was given, when the call succeeded, is
// not read).
char* put_block_ioctl(char* out, uint32_t cmd, bool failed, const std::string_view* blob,
                      bool cut, const std::string_view* exit_blob) {
  switch (cmd) {
    case BLKROSET: case BLKBSZSET: {
      // BLKBSZSET's size_t, of which strace reads the int: the head that could be read.
      int32_t v;
      if (!take(blob, false, &v)) return nullptr;
      return put(put_num(put(out, "["), v), "]");
    }
    case BLKDISCARD: case BLKSECDISCARD: case BLKZEROOUT: {
      uint64_t r[2];
      if (!take(blob, cut, &r)) return nullptr;
      return put(put_num(put(put_num(put(out, "["), r[0]), ", "), r[1]), "]");
    }
    case BLKPG:
      return put_taken<blkpg_ioctl_arg>(out, blob, cut, kBlkpgArg);
    case BLKTRACESETUP: {
      struct blk_user_trace_setup b;
      if (!take(blob, cut, &b)) return nullptr;
      out = put_num(put(out, "{act_mask="), b.act_mask);
      out = put_num(put(out, ", buf_size="), b.buf_size);
      out = put_num(put(out, ", buf_nr="), b.buf_nr);
      out = put_num(put(out, ", start_lba="), b.start_lba);
      out = put_num(put(out, ", end_lba="), b.end_lba);
      out = put_num(put(out, ", pid="), b.pid);
      if (!failed && take(exit_blob, false, &b))
        out = put_name_field(put(out, ", name="), {b.name, sizeof(b.name)});
      return put(out, "}");
    }
    default:
      return nullptr;
  }
}

// FS_IOC_GETFLAGS' and FS_IOC_SETFLAGS' inode flags: [FS_APPEND_FL|FS_NOATIME_FL]; what
// a getter filled when it succeeded.
char* put_fs_flags_ioctl(char* out, uint32_t cmd, bool failed, const std::string_view* blob,
                         const std::string_view* exit_blob) {
  uint32_t v;
  switch (cmd) {
    case FS_IOC_GETFLAGS: case FS_IOC32_GETFLAGS:
      if (failed || !take(exit_blob, false, &v)) return nullptr;
      break;
    case FS_IOC_SETFLAGS: case FS_IOC32_SETFLAGS:
      // FS_IOC_SETFLAGS' long, of which the kernel and strace read an int.
      if (!take(blob, false, &v)) return nullptr;
      break;
    default:
      return nullptr;
  }
  return put(put_flags(put(out, "["), v, uapi::k_fs_inode_flags, "0", "FS_???_FL"), "]");
}

// The encryption of a loop device's status, shown when there is one or with -v: its type and
// key size, and after the name its key.
template <class Info>
bool loop_encrypted(const Info& info) {
  return !display().abbrev || info.lo_encrypt_type != LO_CRYPT_NONE;
}

template <class Info>
char* put_loop_crypt(char* out, const Info& info) {
  out = put_xval(put(out, ", lo_encrypt_type="), static_cast<uint32_t>(info.lo_encrypt_type),
                 uapi::k_loop_crypt_types, "LO_CRYPT_???");
  return put_num(put(out, ", lo_encrypt_key_size="),
                 static_cast<uint32_t>(info.lo_encrypt_key_size));
}

template <class Info>
char* put_loop_key(char* out, const Info& info) {
  size_t n = std::min<size_t>(static_cast<uint32_t>(info.lo_encrypt_key_size), LO_KEY_SIZE);
  return put_quoted(put(out, ", lo_encrypt_key="),
                    {reinterpret_cast<const char*>(info.lo_encrypt_key), n}, false);
}

template <class Info>
char* put_loop_flags(char* out, const Info& info) {
  return put_flags(put(out, ", lo_flags="), static_cast<uint32_t>(info.lo_flags),
                   uapi::k_loop_flags, "0", "LO_FLAGS_???");
}

// struct loop_info (strace's decode_loop_info): the devices and inode with -v only.
char* put_loop_info(char* out, const loop_info& info) {
  out = put_num(put(out, "{lo_number="), info.lo_number);
  if (!display().abbrev) {
    out = put_makedev(put(out, ", lo_device="), info.lo_device);
    out = put_num(put(out, ", lo_inode="), info.lo_inode);
    out = put_makedev(put(out, ", lo_rdevice="), info.lo_rdevice);
  }
  out = put_hex(put(out, ", lo_offset="), static_cast<uint32_t>(info.lo_offset));
  if (loop_encrypted(info)) out = put_loop_crypt(out, info);
  out = put_loop_flags(out, info);
  out = put_name_field(put(out, ", lo_name="), {info.lo_name, sizeof(info.lo_name)});
  if (loop_encrypted(info)) out = put_loop_key(out, info);
  if (display().abbrev) return put(out, ", ...}");
  out = put_num_array(put(out, ", lo_init="), info.lo_init, std::size(info.lo_init), true);
  const auto* reserved = reinterpret_cast<const uint8_t*>(info.reserved);
  return put(put_num_array(put(out, ", reserved="), reserved, sizeof(info.reserved), true), "}");
}

// struct loop_info64 (strace's print_loop_info64).
char* put_loop_info64(char* out, const loop_info64& info) {
  if (!display().abbrev) {
    out = put_makedev(put(out, "{lo_device="), info.lo_device);
    out = put_num(put(out, ", lo_inode="), info.lo_inode);
    out = put_makedev(put(out, ", lo_rdevice="), info.lo_rdevice);
    out = put_hex(put(out, ", lo_offset="), info.lo_offset);
    out = put_num(put(out, ", lo_sizelimit="), info.lo_sizelimit);
    out = put_num(put(out, ", lo_number="), info.lo_number);
  } else {
    out = put_hex(put(out, "{lo_offset="), info.lo_offset);
    out = put_num(put(out, ", lo_number="), info.lo_number);
  }
  if (loop_encrypted(info)) out = put_loop_crypt(out, info);
  out = put_loop_flags(out, info);
  const auto* file = reinterpret_cast<const char*>(info.lo_file_name);
  out = put_name_field(put(out, ", lo_file_name="), {file, sizeof(info.lo_file_name)});
  if (loop_encrypted(info)) {
    const auto* crypt = reinterpret_cast<const char*>(info.lo_crypt_name);
    out = put_name_field(put(out, ", lo_crypt_name="), {crypt, sizeof(info.lo_crypt_name)});
    out = put_loop_key(out, info);
  }
  if (display().abbrev) return put(out, ", ...}");
  return put(put_num_array(put(out, ", lo_init="), info.lo_init, std::size(info.lo_init), true),
             "}");
}

// Loop devices' status and configuration (strace's loop.c), or nullptr for others: what a
// setter reads, what a getter filled when it succeeded.
char* put_loop_ioctl(char* out, uint32_t cmd, bool failed, const std::string_view* blob,
                     bool cut, const std::string_view* exit_blob) {
  switch (cmd) {
    case LOOP_GET_STATUS:
      if (failed) return nullptr;
      blob = exit_blob, cut = false;
      [[fallthrough]];
    case LOOP_SET_STATUS: {
      struct loop_info info;
      return take(blob, cut, &info) ? put_loop_info(out, info) : nullptr;
    }
    case LOOP_GET_STATUS64:
      if (failed) return nullptr;
      blob = exit_blob, cut = false;
      [[fallthrough]];
    case LOOP_SET_STATUS64: {
      struct loop_info64 info;
      return take(blob, cut, &info) ? put_loop_info64(out, info) : nullptr;
    }
    case LOOP_CONFIGURE: {
      struct loop_config c;
      if (!take(blob, cut, &c)) return nullptr;
      out = put_num(put(out, "{fd="), static_cast<int32_t>(c.fd));
      out = put_num(put(out, ", block_size="), c.block_size);
      out = put_loop_info64(put(out, ", info="), c.info);
      if (!all_zero(c.__reserved))
        out = put_num_array(put(out, ", __reserved="), c.__reserved, std::size(c.__reserved),
                            true);
      return put(out, "}");
    }
    default:
      return nullptr;
  }
}

#if defined(__x86_64__)
// A force feedback effect's envelope.
constexpr Field kFfEnvelope[] = {
    {OBS_FIELD(ff_envelope, attack_length)}, {OBS_FIELD(ff_envelope, attack_level)},
    {OBS_FIELD(ff_envelope, fade_length)}, {OBS_FIELD(ff_envelope, fade_level), hex}};
constexpr Show kEnvelope = nested(kFfEnvelope);
constexpr Field kFfTrigger[] = {{OBS_FIELD(ff_trigger, button)},
                                {OBS_FIELD(ff_trigger, interval)}};
constexpr Field kFfReplay[] = {{OBS_FIELD(ff_replay, length)}, {OBS_FIELD(ff_replay, delay)}};

// A force feedback effect (strace's ff_effect_ioctl): its type, id and direction, with -v its
// trigger, replay and the parameters of its type.
constexpr Field kFfEffect[] = {
    {OBS_FIELD(ff_effect, type), xval(uapi::k_evdev_ff_types, "FF_???")},
    {OBS_FIELD(ff_effect, id)},
    {OBS_FIELD(ff_effect, direction)},
    {OBS_FIELD(ff_effect, trigger), nested(kFfTrigger), When::kVerbose},
    {OBS_FIELD(ff_effect, replay), nested(kFfReplay), When::kVerbose}};
constexpr Field kFfConstant[] = {{OBS_FIELD(ff_constant_effect, level)},
                                 {OBS_FIELD(ff_constant_effect, envelope), kEnvelope}};
constexpr Field kFfRamp[] = {{OBS_FIELD(ff_ramp_effect, start_level)},
                             {OBS_FIELD(ff_ramp_effect, end_level)},
                             {OBS_FIELD(ff_ramp_effect, envelope), kEnvelope}};
constexpr Field kFfPeriodic[] = {
    {OBS_FIELD(ff_periodic_effect, waveform)},  {OBS_FIELD(ff_periodic_effect, period)},
    {OBS_FIELD(ff_periodic_effect, magnitude)}, {OBS_FIELD(ff_periodic_effect, offset)},
    {OBS_FIELD(ff_periodic_effect, phase)},
    {OBS_FIELD(ff_periodic_effect, envelope), kEnvelope},
    {OBS_FIELD(ff_periodic_effect, custom_len)},
    {OBS_FIELD(ff_periodic_effect, custom_data), addr}};
constexpr Field kFfRumble[] = {{OBS_FIELD(ff_rumble_effect, strong_magnitude)},
                               {OBS_FIELD(ff_rumble_effect, weak_magnitude)}};

char* put_ff_effect(char* out, const ff_effect& f) {
  out = put_field_list(put(out, "{"), reinterpret_cast<const char*>(&f), kFfEffect);
  if (!display().abbrev) {
    switch (f.type) {
      case FF_CONSTANT: out = put_fields(put(out, ", constant="), f.u.constant, kFfConstant); break;
      case FF_RAMP: out = put_fields(put(out, ", ramp="), f.u.ramp, kFfRamp); break;
      case FF_PERIODIC: out = put_fields(put(out, ", periodic="), f.u.periodic, kFfPeriodic); break;
      case FF_RUMBLE: out = put_fields(put(out, ", rumble="), f.u.rumble, kFfRumble); break;
      default: break;
    }
  }
  return put(out, "}");
}

// A virtual CPU's general registers (strace's arch_print_kvm_regs): rax, rsp, rbp, rip and
// rflags, the others with -v only.
constexpr When kV = When::kVerbose;
constexpr Field kKvmRegs[] = {
    {OBS_FIELD(kvm_regs, rax), hex},     {OBS_FIELD(kvm_regs, rbx), hex, kV},
    {OBS_FIELD(kvm_regs, rcx), hex, kV}, {OBS_FIELD(kvm_regs, rdx), hex, kV},
    {OBS_FIELD(kvm_regs, rsi), hex, kV}, {OBS_FIELD(kvm_regs, rdi), hex, kV},
    {OBS_FIELD(kvm_regs, rsp), hex},     {OBS_FIELD(kvm_regs, rbp), hex},
    {OBS_FIELD(kvm_regs, r8), hex, kV},  {OBS_FIELD(kvm_regs, r9), hex, kV},
    {OBS_FIELD(kvm_regs, r10), hex, kV}, {OBS_FIELD(kvm_regs, r11), hex, kV},
    {OBS_FIELD(kvm_regs, r12), hex, kV}, {OBS_FIELD(kvm_regs, r13), hex, kV},
    {OBS_FIELD(kvm_regs, r14), hex, kV}, {OBS_FIELD(kvm_regs, r15), hex, kV},
    {OBS_FIELD(kvm_regs, rip), hex},     {OBS_FIELD(kvm_regs, rflags), hex}};

constexpr Field kKvmSegment[] = {
    {OBS_FIELD(kvm_segment, base), hex}, {OBS_FIELD(kvm_segment, limit)},
    {OBS_FIELD(kvm_segment, selector)},  {OBS_FIELD(kvm_segment, type)},
    {OBS_FIELD(kvm_segment, present)},   {OBS_FIELD(kvm_segment, dpl)},
    {OBS_FIELD(kvm_segment, db)},        {OBS_FIELD(kvm_segment, s)},
    {OBS_FIELD(kvm_segment, l)},         {OBS_FIELD(kvm_segment, g)},
    {OBS_FIELD(kvm_segment, avl)}};
constexpr Field kKvmDtable[] = {{OBS_FIELD(kvm_dtable, base), hex},
                                {OBS_FIELD(kvm_dtable, limit)}};

// A virtual CPU's special registers (strace's arch_print_kvm_sregs): cs, the rest with -v.
constexpr Show kSegment = nested(kKvmSegment), kDtable = nested(kKvmDtable);
constexpr Field kKvmSregs[] = {
    {OBS_FIELD(kvm_sregs, cs), kSegment},       {OBS_FIELD(kvm_sregs, ds), kSegment, kV},
    {OBS_FIELD(kvm_sregs, es), kSegment, kV},   {OBS_FIELD(kvm_sregs, fs), kSegment, kV},
    {OBS_FIELD(kvm_sregs, gs), kSegment, kV},   {OBS_FIELD(kvm_sregs, ss), kSegment, kV},
    {OBS_FIELD(kvm_sregs, tr), kSegment, kV},   {OBS_FIELD(kvm_sregs, ldt), kSegment, kV},
    {OBS_FIELD(kvm_sregs, gdt), kDtable, kV},   {OBS_FIELD(kvm_sregs, idt), kDtable, kV},
    {OBS_FIELD(kvm_sregs, cr0), dec, kV},       {OBS_FIELD(kvm_sregs, cr2), dec, kV},
    {OBS_FIELD(kvm_sregs, cr3), dec, kV},       {OBS_FIELD(kvm_sregs, cr4), dec, kV},
    {OBS_FIELD(kvm_sregs, cr8), dec, kV},       {OBS_FIELD(kvm_sregs, efer), dec, kV},
    {OBS_FIELD(kvm_sregs, apic_base), hex, kV},
    {OBS_FIELD(kvm_sregs, interrupt_bitmap), bytes(put_hex_array<uint64_t>), kV}};
#endif

// The CPUID requests by their numbers in C: struct kvm_cpuid2 is its 8-byte head there, where
// g++ counts its zero-length array of entries as one more word (KVM_SET_CPUID2 0x400cae90).
constexpr uint32_t kKvmCpuid2Head = 2 * sizeof(uint32_t);
constexpr uint32_t kKvmSetCpuid2 = _IOC(_IOC_WRITE, KVMIO, 0x90, kKvmCpuid2Head);
constexpr uint32_t kKvmGetSupportedCpuid = _IOC(_IOC_READ | _IOC_WRITE, KVMIO, 0x05,
                                                kKvmCpuid2Head);
constexpr uint32_t kKvmGetEmulatedCpuid = _IOC(_IOC_READ | _IOC_WRITE, KVMIO, 0x09,
                                               kKvmCpuid2Head);

// KVM's register and CPUID requests (strace's kvm.c), or nullptr for others: what a setter
// reads, what a getter filled when it succeeded. A CPUID table's entries, past its head, are
// not read: "[...]" as strace abbreviates them, "[]" when there are none.
char* put_kvm_ioctl(char* out, uint32_t cmd, bool failed, const std::string_view* blob,
                    bool cut, const std::string_view* exit_blob) {
  bool getter = cmd == kKvmGetSupportedCpuid || cmd == kKvmGetEmulatedCpuid;
#if defined(__x86_64__)
  getter = getter || cmd == KVM_GET_REGS || cmd == KVM_GET_SREGS;
#endif
  if (getter) {
    if (failed) return nullptr;
    blob = exit_blob, cut = false;
  }
  switch (cmd) {
#if defined(__x86_64__)
    case KVM_GET_REGS: case KVM_SET_REGS:
      return put_taken<kvm_regs>(out, blob, cut, kKvmRegs);
    case KVM_GET_SREGS: case KVM_SET_SREGS:
      return put_taken<kvm_sregs>(out, blob, cut, kKvmSregs);
#endif
    case kKvmSetCpuid2: case kKvmGetSupportedCpuid: case kKvmGetEmulatedCpuid: {
      // With -v strace shows the entries, which are not read: the address, unless there are
      // none.
      uint32_t nent;
      if (!take(blob, cut, &nent) || (nent && !display().abbrev)) return nullptr;
      out = put_num(put(out, "{nent="), nent);
      return put(out, nent ? ", entries=[...]}" : ", entries=[]}");
    }
    default:
      return nullptr;
  }
}

// A pixel format's four characters, v4l2_fourcc('Y', 'U', 'Y', 'V'), and its name in a
// comment when it has one; in hex with -X raw.
template <size_t N>
char* put_fourcc(char* out, uint32_t fourcc, const Flag (&names)[N]) {
  if (display().xlat == Xlat::kRaw) return put_hex(out, fourcc);
  out = put(out, "v4l2_fourcc(");
  for (int i = 0; i < 4; ++i)
    out = put_char(put(out, i ? ", " : ""), (fourcc >> (8 * i)) & 0xff, false);
  out = put(out, ")");
  for (const Flag& f : names)
    if (f.value == fourcc) return put(put(put(out, " /* "), f.name), " */");
  return out;
}

char* put_pixel_format(char* out, uint32_t fourcc) {
  return put_fourcc(out, fourcc, uapi::k_v4l2_pix_fmts);
}

bool v4l2_known_buf_type(uint32_t type) {
  return std::any_of(std::begin(uapi::k_v4l2_buf_types), std::end(uapi::k_v4l2_buf_types),
                     [type](const Flag& f) { return f.value == type; });
}

char* put_v4l2_buf_type(char* out, uint32_t type) {
  return put_xval(out, type, uapi::k_v4l2_buf_types, "V4L2_BUF_TYPE_???");
}

// A video format's fields by its buffer type (strace's print_v4l2_format_fmt): fmt.pix={...}
// and the others; false for a type it does not know. A window's clips, behind its pointer,
// are not read: NULL or their address.
constexpr Field kV4l2Rect[] = {{OBS_FIELD(v4l2_rect, left)}, {OBS_FIELD(v4l2_rect, top)},
                               {OBS_FIELD(v4l2_rect, width)}, {OBS_FIELD(v4l2_rect, height)}};

constexpr Field kPixFormat[] = {
    {OBS_FIELD(v4l2_pix_format, width)},
    {OBS_FIELD(v4l2_pix_format, height)},
    {OBS_FIELD(v4l2_pix_format, pixelformat), value<put_pixel_format>()},
    {OBS_FIELD(v4l2_pix_format, field), xval(uapi::k_v4l2_fields, "V4L2_FIELD_???")},
    {OBS_FIELD(v4l2_pix_format, bytesperline)},
    {OBS_FIELD(v4l2_pix_format, sizeimage)},
    {OBS_FIELD(v4l2_pix_format, colorspace),
     xval(uapi::k_v4l2_colorspaces, "V4L2_COLORSPACE_???")}};
constexpr Field kVbiFormat[] = {
    {OBS_FIELD(v4l2_vbi_format, sampling_rate)},
    {OBS_FIELD(v4l2_vbi_format, offset)},
    {OBS_FIELD(v4l2_vbi_format, samples_per_line)},
    {OBS_FIELD(v4l2_vbi_format, sample_format), value<put_pixel_format>()},
    {OBS_FIELD(v4l2_vbi_format, start), bytes(put_dec_array<int32_t>)},
    {OBS_FIELD(v4l2_vbi_format, count), bytes(put_dec_array<uint32_t>)},
    {OBS_FIELD(v4l2_vbi_format, flags), flags(uapi::k_v4l2_vbi_flags, "V4L2_VBI_???")}};

bool put_v4l2_format_fmt(char*& out, const v4l2_format& f) {
  auto field = [](char* o, uint32_t v) {
    return put_xval(o, v, uapi::k_v4l2_fields, "V4L2_FIELD_???");
  };
  auto colorspace = [](char* o, uint32_t v) {
    return put_xval(o, v, uapi::k_v4l2_colorspaces, "V4L2_COLORSPACE_???");
  };
  switch (f.type) {
    case V4L2_BUF_TYPE_VIDEO_CAPTURE: case V4L2_BUF_TYPE_VIDEO_OUTPUT:
      out = put_fields(put(out, "fmt.pix="), f.fmt.pix, kPixFormat);
      return true;
    case V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE: case V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE: {
      const v4l2_pix_format_mplane& p = f.fmt.pix_mp;
      out = put_num(put(out, "fmt.pix_mp={width="), p.width);
      out = put_num(put(out, ", height="), p.height);
      out = put_pixel_format(put(out, ", pixelformat="), p.pixelformat);
      out = field(put(out, ", field="), p.field);
      out = colorspace(put(out, ", colorspace="), p.colorspace);
      out = put(out, ", plane_fmt=[");
      size_t planes = std::min<size_t>(p.num_planes, std::size(p.plane_fmt));
      for (size_t i = 0; i < planes; ++i) {
        out = put_num(put(out, i ? ", {sizeimage=" : "{sizeimage="), p.plane_fmt[i].sizeimage);
        out = put(put_num(put(out, ", bytesperline="), p.plane_fmt[i].bytesperline), "}");
      }
      out = put(put_num(put(out, "], num_planes="), p.num_planes), "}");
      return true;
    }
    case V4L2_BUF_TYPE_VIDEO_OUTPUT_OVERLAY: case V4L2_BUF_TYPE_VIDEO_OVERLAY: {
      const v4l2_window& w = f.fmt.win;
      auto clips = reinterpret_cast<uintptr_t>(w.clips);
      if (clips && w.clipcount) return false;
      out = put_fields(put(out, "fmt.win={w="), w.w, kV4l2Rect);
      out = field(put(out, ", field="), w.field);
      out = put_hex(put(out, ", chromakey="), w.chromakey);
      out = put(out, clips ? ", clips=[]" : ", clips=NULL");
      out = put_num(put(out, ", clipcount="), w.clipcount);
      out = put_addr(put(out, ", bitmap="), reinterpret_cast<uintptr_t>(w.bitmap));
      if (w.global_alpha) out = put_hex(put(out, ", global_alpha="), w.global_alpha);
      out = put(out, "}");
      return true;
    }
    case V4L2_BUF_TYPE_VBI_CAPTURE: case V4L2_BUF_TYPE_VBI_OUTPUT:
      out = put_fields(put(out, "fmt.vbi="), f.fmt.vbi, kVbiFormat);
      return true;
    case V4L2_BUF_TYPE_SLICED_VBI_CAPTURE: case V4L2_BUF_TYPE_SLICED_VBI_OUTPUT: {
      const v4l2_sliced_vbi_format& v = f.fmt.sliced;
      out = put_flags(put(out, "fmt.sliced={service_set="), v.service_set,
                      uapi::k_v4l2_sliced_flags, "0", "V4L2_SLICED_???");
      out = put(out, ", service_lines=[");
      for (size_t i = 0; i < std::size(v.service_lines); ++i)
        out = put_num_array(put(out, i ? ", " : ""), v.service_lines[i],
                            std::size(v.service_lines[i]), true);
      out = put(put_num(put(out, "], io_size="), v.io_size), "}");
      return true;
    }
    case V4L2_BUF_TYPE_SDR_CAPTURE: case V4L2_BUF_TYPE_SDR_OUTPUT: {
      const v4l2_sdr_format& v = f.fmt.sdr;
      out = put_fourcc(put(out, "fmt.sdr={pixelformat="), v.pixelformat, uapi::k_v4l2_sdr_fmts);
      if (v.buffersize) out = put_num(put(out, ", buffersize="), v.buffersize);
      out = put(out, "}");
      return true;
    }
    case V4L2_BUF_TYPE_META_CAPTURE: case V4L2_BUF_TYPE_META_OUTPUT: {
      const v4l2_meta_format& v = f.fmt.meta;
      out = put_fourcc(put(out, "fmt.meta={dataformat="), v.dataformat, uapi::k_v4l2_meta_fmts);
      out = put(put_num(put(out, ", buffersize="), v.buffersize), "}");
      return true;
    }
    default:
      return false;
  }
}

// A control's id by name, else by its class and offset (V4L2_CTRL_CLASS_DETECT+0x1234), as
// strace's print_v4l2_cid.
char* put_v4l2_cid(char* out, uint32_t cid) {
  auto hex = [cid](char* o) { return put_hex(o, cid); };
  for (const Flag& f : uapi::k_v4l2_control_ids)
    if (f.value == cid) return put_xlat(out, hex, [&f](char* o) { return put(o, f.name); });
  const Flag* cls = nullptr;
  for (const Flag& f : uapi::k_v4l2_control_classes)
    if (f.value <= cid && (!cls || f.value > cls->value)) cls = &f;
  if (!cls || cid - cls->value >= 0x10000)
    return put_xval(out, cid, uapi::k_v4l2_control_ids, "V4L2_CID_???");
  return put_xlat(out, hex, [cls, cid](char* o) {
    return put_hex(put(put(o, cls->name), "+"), cid - cls->value);
  });
}

constexpr Field kFramebuffer[] = {{OBS_FIELD(v4l2_framebuffer, capability), hex},
                                  {OBS_FIELD(v4l2_framebuffer, flags), hex},
                                  {OBS_FIELD(v4l2_framebuffer, base), addr}};

// The video devices' requests (strace's v4l2.c) as the call reads them, or nullptr for
// others: what a call that failed showed at entry, and a few whole. What a call that
// succeeded filled, formats, controls and tuners are not decoded: their address.
char* put_v4l2_ioctl(char* out, uint32_t cmd, bool failed, const std::string_view* blob,
                     bool cut, const std::string_view* exit_blob) {
  switch (cmd) {
    // A format asked for (its type), set or tried, and of a call that succeeded the format
    // the call left (" => " of a setting).
    case VIDIOC_G_FMT: case VIDIOC_S_FMT: case VIDIOC_TRY_FMT: {
      struct v4l2_format f;
      if (!take(blob, cut, &f)) return nullptr;
      out = put_v4l2_buf_type(put(out, "{type="), f.type);
      if (!v4l2_known_buf_type(f.type)) return put(out, "}");
      if (cmd != VIDIOC_G_FMT) {
        out = put(out, ", ");
        if (!put_v4l2_format_fmt(out, f)) return nullptr;
      }
      if (failed) return put(out, "}");
      if (!take(exit_blob, false, &f)) return nullptr;
      out = put(out, cmd == VIDIOC_G_FMT ? ", " : "} => {");
      if (!put_v4l2_format_fmt(out, f)) return nullptr;
      return put(out, "}");
    }
    case VIDIOC_ENUM_FMT: {
      struct v4l2_fmtdesc f;
      if (!failed || !take(blob, cut, &f)) return nullptr;
      out = put_num(put(out, "{index="), f.index);
      return put(put_v4l2_buf_type(put(out, ", type="), f.type), "}");
    }
    // A control got (its value, of a call that succeeded) or set (" => " the value the call
    // left).
    case VIDIOC_G_CTRL: case VIDIOC_S_CTRL: {
      struct v4l2_control c;
      if (!take(blob, cut, &c)) return nullptr;
      out = put_v4l2_cid(put(out, "{id="), c.id);
      if (cmd == VIDIOC_S_CTRL) out = put_num(put(out, ", value="), c.value);
      if (!failed && take(exit_blob, false, &c))
        out = put_num(put(out, cmd == VIDIOC_S_CTRL ? " => " : ", value="), c.value);
      return put(out, "}");
    }
    case VIDIOC_REQBUFS: {
      struct v4l2_requestbuffers r;
      if (!take(blob, cut, &r)) return nullptr;
      out = put_v4l2_buf_type(put(out, "{type="), r.type);
      out = put_xval(put(out, ", memory="), r.memory, uapi::k_v4l2_memories, "V4L2_MEMORY_???");
      out = put_num(put(out, ", count="), r.count);
      if (!failed && take(exit_blob, false, &r)) out = put_num(put(out, " => "), r.count);
      return put(out, "}");
    }
    case VIDIOC_QUERYBUF: case VIDIOC_QBUF: case VIDIOC_DQBUF: {
      struct v4l2_buffer b;
      if (!failed || !take(blob, cut, &b)) return nullptr;
      out = put_v4l2_buf_type(put(out, "{type="), b.type);
      if (cmd != VIDIOC_DQBUF) out = put_num(put(out, ", index="), b.index);
      return put(out, "}");
    }
    case VIDIOC_G_FBUF:
      if (failed) return nullptr;
      blob = exit_blob, cut = false;
      [[fallthrough]];
    case VIDIOC_S_FBUF:
      return put_taken<v4l2_framebuffer>(out, blob, cut, kFramebuffer);
    case VIDIOC_STREAMON: case VIDIOC_STREAMOFF: {
      uint32_t type;
      if (!take(blob, cut, &type)) return nullptr;
      return put(put_v4l2_buf_type(put(out, "["), type), "]");
    }
    case VIDIOC_G_PARM: case VIDIOC_S_PARM: {
      // The parameters of a capture or output: of a getter that failed, its type only.
      uint32_t type;
      if (!take(blob, cut, &type)) return nullptr;
      bool parm = type == V4L2_BUF_TYPE_VIDEO_CAPTURE || type == V4L2_BUF_TYPE_VIDEO_OUTPUT;
      if (parm && !(cmd == VIDIOC_G_PARM && failed)) return nullptr;
      return put(put_v4l2_buf_type(put(out, "{type="), type), "}");
    }
    case VIDIOC_G_STD:
      if (failed) return nullptr;
      blob = exit_blob, cut = false;
      [[fallthrough]];
    case VIDIOC_S_STD: {
      uint64_t id;
      if (!take(blob, cut, &id)) return nullptr;
      return put(put_hex(put(out, "["), id), "]");
    }
    case VIDIOC_G_INPUT:
      if (failed) return nullptr;
      blob = exit_blob, cut = false;
      [[fallthrough]];
    case VIDIOC_S_INPUT: {
      uint32_t index;
      if (!take(blob, cut, &index)) return nullptr;
      return put(put_num(put(out, "["), index), "]");
    }
    // The index asked about, of a call that failed.
    case VIDIOC_ENUMSTD: case VIDIOC_ENUMINPUT: case VIDIOC_G_TUNER: {
      uint32_t index;
      if (!failed || !take(blob, cut, &index)) return nullptr;
      return put(put_num(put(out, "{index="), index), "}");
    }
    case VIDIOC_CROPCAP: case VIDIOC_G_CROP: {
      uint32_t type;
      if (!failed || !take(blob, cut, &type)) return nullptr;
      return put(put_v4l2_buf_type(put(out, "{type="), type), "}");
    }
    case VIDIOC_S_CROP: {
      struct v4l2_crop c;
      if (!take(blob, cut, &c)) return nullptr;
      out = put_v4l2_buf_type(put(out, "{type="), c.type);
      return put(put_fields(put(out, ", c="), c.c, kV4l2Rect), "}");
    }
    case VIDIOC_ENUM_FRAMESIZES: {
      struct v4l2_frmsizeenum f;
      if (!failed || !take(blob, cut, &f)) return nullptr;
      out = put_num(put(out, "{index="), f.index);
      return put(put_pixel_format(put(out, ", pixel_format="), f.pixel_format), "}");
    }
    case VIDIOC_ENUM_FRAMEINTERVALS: {
      struct v4l2_frmivalenum f;
      if (!failed || !take(blob, cut, &f)) return nullptr;
      out = put_num(put(out, "{index="), f.index);
      out = put_pixel_format(put(out, ", pixel_format="), f.pixel_format);
      out = put_num(put(out, ", width="), f.width);
      return put(put_num(put(out, ", height="), f.height), "}");
    }
    case VIDIOC_CREATE_BUFS: {
      // The format's own fields, of a known type, are not decoded.
      struct v4l2_create_buffers b;
      if (!failed || !take(blob, cut, &b) || v4l2_known_buf_type(b.format.type)) return nullptr;
      out = put_num(put(out, "{count="), b.count);
      out = put_xval(put(out, ", memory="), b.memory, uapi::k_v4l2_memories, "V4L2_MEMORY_???");
      return put(put_v4l2_buf_type(put(out, ", format={type="), b.format.type), "}}");
    }
    default:
      return nullptr;
  }
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
    case HDIO_UNREGISTER_HWIF: case HDIO_SET_WCACHE: case HDIO_SET_ACOUSTIC:
    case HDIO_SET_ADDRESS:
      return put_num(out, v);
    case HDIO_SET_NICE:
      return put_bit_flags(out, v, uapi::k_hdio_ide_nice_bits, "IDE_NICE_???", 0, "1 << ");
    case HDIO_SET_BUSSTATE:
      return put_xval(out, v, uapi::k_hdio_busstates, "BUSSTATE_???");
    case MTDFILEMODE:
      return put_xval(out, v, uapi::k_mtd_file_modes, "MTD_FILE_MODE_???");
    case KVM_CHECK_EXTENSION:
      return put_xval(out, v, uapi::k_kvm_caps, "KVM_CAP_???");
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
      return put_addr(out, v);
    case KDSIGACCEPT:
      return v < INT_MAX ? put_signal(out, static_cast<int64_t>(v)) : put_num(out, v);
    default:
      break;
  }
  // What strace decodes is at least a pointer: NULL, or its address.
  uint32_t type = _IOC_TYPE(cmd);
  // evdev's and seccomp's requests, those their number names too (EVIOCGNAME(0)).
  if (type == 'V' && v4l2_decoded(cmd)) return put_addr(out, v);
  char scratch[64];
  bool numbered = (type == 'E' || type == '!') && (named(cmd) || put_numbered(scratch, cmd));
  if (numbered || (decoded_type(type) && (_IOC_SIZE(cmd) || plain_numbered_type(type)) &&
                named(cmd)))
    return put_addr(out, v);
  return nullptr;
}

namespace {

// userfaultfd's requests as strace's uffdio_ioctl shows them: what the call reads at entry,
// then what it filled (where it succeeded).
char* put_uffd_ioctl(char* out, uint32_t cmd, bool failed, const std::string_view* blob,
                     bool cut, const std::string_view* exit_blob) {
  auto range = [](char* o, const uffdio_range& r) {
    o = put_hex(put(o, "{start="), r.start);
    return put(put_hex(put(o, ", len="), r.len), "}");
  };
  const std::string_view* filled = failed ? nullptr : exit_blob;
  switch (cmd) {
    case UFFDIO_API: {  // the features asked for, then the ones there and the ioctls
      uffdio_api a, now;
      if (!take(blob, cut, &a)) return nullptr;
      out = put_hex(put(out, "{api="), a.api);
      out = put_flag_set(put(out, ", features="), a.features, uapi::k_uffd_api_features,
                         "UFFD_FEATURE_???");
      if (take(filled, false, &now)) {
        if (now.features != a.features)
          out = put_flag_set(put(out, " => features="), now.features,
                             uapi::k_uffd_api_features, "UFFD_FEATURE_???");
        out = put_bit_flags(put(out, ", ioctls="), now.ioctls, uapi::k_uffd_api_ioctls,
                            "_UFFDIO_???");
      }
      return put(out, "}");
    }
    case UFFDIO_REGISTER: {
      uffdio_register r, now;
      if (!take(blob, cut, &r)) return nullptr;
      out = range(put(out, "{range="), r.range);
      out = put_flag_set(put(out, ", mode="), r.mode, uapi::k_uffd_register_mode_flags,
                         "UFFDIO_REGISTER_MODE_???");
      if (take(filled, false, &now))
        out = put_bit_flags(put(out, ", ioctls="), now.ioctls, uapi::k_uffd_register_ioctls,
                            "UFFDIO_???");
      return put(out, "}");
    }
    case UFFDIO_COPY: {
      uffdio_copy c, now;
      if (!take(blob, cut, &c)) return nullptr;
      out = put_hex(put(out, "{dst="), c.dst);
      out = put_hex(put(out, ", src="), c.src);
      out = put_hex(put(out, ", len="), c.len);
      out = put_flag_set(put(out, ", mode="), c.mode, uapi::k_uffd_copy_flags,
                         "UFFDIO_COPY_???");
      if (take(filled, false, &now))
        out = put_hex(put(out, ", copy="), static_cast<uint64_t>(now.copy));
      return put(out, "}");
    }
    case UFFDIO_ZEROPAGE: {
      uffdio_zeropage z, now;
      if (!take(blob, cut, &z)) return nullptr;
      out = range(put(out, "{range="), z.range);
      out = put_flag_set(put(out, ", mode="), z.mode, uapi::k_uffd_zeropage_flags,
                         "UFFDIO_ZEROPAGE_???");
      if (take(filled, false, &now))
        out = put_hex(put(out, ", zeropage="), static_cast<uint64_t>(now.zeropage));
      return put(out, "}");
    }
    case UFFDIO_WAKE: case UFFDIO_UNREGISTER: {  // read at entry (see capture_plan)
      uffdio_range r;
      if (!take(blob, cut, &r)) return nullptr;
      return range(out, r);
    }
    default:
      return nullptr;
  }
}

}  // namespace

namespace {

// What the argument's struct points to as the kernel side read it at entry or at exit
// (ELEM_IOC_PTRS), or nullptr.
const std::string_view* pointed_item(const Strings& items, bool at_exit) {
  for (unsigned i = 0; i < items.count; ++i)
    if (items.arg[i] == ITEM_ARG_POINTED && items.kind[i] == ITEM_BLOB &&
        ((items.at_exit >> i) & 1) == at_exit)
      return &items.value[i];
  return nullptr;
}

// An ELEM_IOC_PTRS item taken apart: the struct, and each buffer of its end (nullptr where it
// could not be read, or belongs to the other end).
struct Pointed {
  std::string_view header;
  std::string_view bufs[IOC_PTR_BUFS];
  bool unread[IOC_PTR_BUFS] = {};
  const std::string_view* buf(unsigned b) const { return unread[b] ? nullptr : &bufs[b]; }
};

bool take_pointed(const std::string_view* item, Pointed* p) {
  ioc_ptrs_head head;
  if (!item || !load_at(*item, 0, &head) || item->size() - sizeof(head) < head.size) return false;
  size_t at = sizeof(head);
  p->header = item->substr(at, head.size);
  at += head.size;
  for (unsigned b = 0; b < IOC_PTR_BUFS; ++b) {
    size_t n = head.len[b] & ~IOC_PTR_UNREAD;
    p->bufs[b] = item->substr(std::min(at, item->size()), n);
    p->unread[b] = head.len[b] & IOC_PTR_UNREAD;
    at += n;
  }
  return true;
}

// The C library's scsi/sg.h: the directions (an int, shown zero-extended), SG_INFO_* and the
// flags it has (strace calls
// SG_FLAG_LUN_INHIBIT SG_FLAG_UNUSED_LUN_INHIBIT); the flags only the kernel's
// include/scsi/sg.h has (MMAP_IO, Q_AT_TAIL, Q_AT_HEAD) by their values there (Linux 6.1).
const Flag kSgDxferDirections[] = {
    {static_cast<uint32_t>(SG_DXFER_NONE), "SG_DXFER_NONE"},
    {static_cast<uint32_t>(SG_DXFER_TO_DEV), "SG_DXFER_TO_DEV"},
    {static_cast<uint32_t>(SG_DXFER_FROM_DEV), "SG_DXFER_FROM_DEV"},
    {static_cast<uint32_t>(SG_DXFER_TO_FROM_DEV), "SG_DXFER_TO_FROM_DEV"}};
const Flag kSgFlags[] = {{SG_FLAG_DIRECT_IO, "SG_FLAG_DIRECT_IO"},
                         {SG_FLAG_LUN_INHIBIT, "SG_FLAG_UNUSED_LUN_INHIBIT"},
                         {4, "SG_FLAG_MMAP_IO"},
                         {SG_FLAG_NO_DXFER, "SG_FLAG_NO_DXFER"},
                         {0x10, "SG_FLAG_Q_AT_TAIL"},
                         {0x20, "SG_FLAG_Q_AT_HEAD"}};
const Flag kSgInfo[] = {{SG_INFO_CHECK, "SG_INFO_CHECK"},
                        {SG_INFO_DIRECT_IO, "SG_INFO_DIRECT_IO"},
                        {SG_INFO_MIXED_IO, "SG_INFO_MIXED_IO"}};

// print_sg_io_buffer: size bytes at addr in hex, or an iovec array of count elements holding
// size bytes in all; the address where they could not be read.
char* put_sg_buffer(char* out, uint64_t addr, const std::string_view* bytes, uint32_t size,
                    uint32_t count) {
  if (!count) return put_counted_read(out, addr, bytes, size, Counted::kHex);
  if (!addr) return put(out, "NULL");
  return bytes ? put_iovec_blob(out, *bytes, true, addr, size) : put_hex(out, addr);
}

// The data a v3 or v4 call received: its length less the residue, when that is in range.
uint32_t sg_received(uint32_t len, int32_t resid) {
  return resid > 0 && static_cast<uint32_t>(resid) <= len ? len - resid : len;
}

// SG_IO's v3 header (strace's sg_io_v3.c): what the request gives at entry, then what the
// header holds at exit, failed or not; where it cannot be read then, the pointers given.
char* put_sg_io_v3(char* out, uint64_t addr, const Pointed& in, const Pointed* exit) {
  sg_io_hdr h;
  out = put(out, "{interface_id='S', ");
  if (!load_at(in.header, 0, &h)) return put(put_hex(out, addr + 4), "}");
  out = put_xval(put(out, "dxfer_direction="),
                 static_cast<uint32_t>(h.dxfer_direction),
                 kSgDxferDirections, "SG_DXFER_???");
  out = put_num(put(out, ", cmd_len="), h.cmd_len);
  out = put_sg_buffer(put(out, ", cmdp="), reinterpret_cast<uintptr_t>(h.cmdp), in.buf(0),
                      h.cmd_len, 0);
  out = put_num(put(out, ", mx_sb_len="), h.mx_sb_len);
  out = put_num(put(out, ", iovec_count="), h.iovec_count);
  out = put_num(put(out, ", dxfer_len="), h.dxfer_len);
  out = put_num(put(out, ", timeout="), h.timeout);
  out = put_flag_set(put(out, ", flags="), h.flags, kSgFlags, "SG_FLAG_???");
  if (h.dxfer_direction == SG_DXFER_TO_DEV || h.dxfer_direction == SG_DXFER_TO_FROM_DEV)
    out = put_sg_buffer(put(out, ", dxferp="), reinterpret_cast<uintptr_t>(h.dxferp), in.buf(1),
                        h.dxfer_len, h.iovec_count);
  sg_io_hdr x;
  if (!exit || !load_at(exit->header, 0, &x)) {
    if (h.dxfer_direction == SG_DXFER_FROM_DEV)
      out = put_addr(put(out, ", dxferp="), reinterpret_cast<uintptr_t>(h.dxferp));
    return put(put_addr(put(out, ", sbp="), reinterpret_cast<uintptr_t>(h.sbp)), "}");
  }
  if (x.interface_id != 'S') return put(put_num(put(out, " => interface_id="), x.interface_id), "}");
  if (x.dxfer_direction == SG_DXFER_FROM_DEV || x.dxfer_direction == SG_DXFER_TO_FROM_DEV) {
    uint32_t got = sg_received(x.dxfer_len, x.resid);
    if (x.dxfer_direction == SG_DXFER_FROM_DEV || got)
      out = put_sg_buffer(put(out, x.dxfer_direction == SG_DXFER_FROM_DEV ? ", dxferp="
                                                                          : " => dxferp="),
                          reinterpret_cast<uintptr_t>(x.dxferp), exit->buf(2), got,
                          x.iovec_count);
  }
  out = put_hex(put(out, ", status="), x.status);
  out = put_hex(put(out, ", masked_status="), x.masked_status);
  out = put_hex(put(out, ", msg_status="), x.msg_status);
  out = put_num(put(out, ", sb_len_wr="), x.sb_len_wr);
  out = put_sg_buffer(put(out, ", sbp="), reinterpret_cast<uintptr_t>(x.sbp), exit->buf(3),
                      x.sb_len_wr, 0);
  out = put_hex(put(out, ", host_status="), x.host_status);
  out = put_hex(put(out, ", driver_status="), x.driver_status);
  out = put_num(put(out, ", resid="), x.resid);
  out = put_num(put(out, ", duration="), x.duration);
  return put(put_flag_set(put(out, ", info="), x.info, kSgInfo, "SG_INFO_???"), "}");
}

// SG_IO's v4 header (strace's sg_io_v4.c), the same way.
char* put_sg_io_v4(char* out, uint64_t addr, const Pointed& in, const Pointed* exit) {
  sg_io_v4 h;
  out = put(out, "{guard='Q', ");
  if (!load_at(in.header, 0, &h)) return put(put_hex(out, addr + 4), "}");
  out = put_xval(put(out, "protocol="), h.protocol, uapi::k_bsg_protocols, "BSG_PROTOCOL_???");
  out = put_xval(put(out, ", subprotocol="), h.subprotocol, uapi::k_bsg_subprotocols,
                 "BSG_SUB_PROTOCOL_???");
  out = put_num(put(out, ", request_len="), h.request_len);
  out = put_sg_buffer(put(out, ", request="), h.request, in.buf(0), h.request_len, 0);
  out = put_hex(put(out, ", request_tag="), h.request_tag);
  out = put_num(put(out, ", request_attr="), h.request_attr);
  out = put_num(put(out, ", request_priority="), h.request_priority);
  out = put_num(put(out, ", request_extra="), h.request_extra);
  out = put_num(put(out, ", max_response_len="), h.max_response_len);
  out = put_num(put(out, ", dout_iovec_count="), h.dout_iovec_count);
  out = put_num(put(out, ", dout_xfer_len="), h.dout_xfer_len);
  out = put_num(put(out, ", din_iovec_count="), h.din_iovec_count);
  out = put_num(put(out, ", din_xfer_len="), h.din_xfer_len);
  out = put_sg_buffer(put(out, ", dout_xferp="), h.dout_xferp, in.buf(1), h.dout_xfer_len,
                      h.dout_iovec_count);
  out = put_num(put(out, ", timeout="), h.timeout);
  out = put_flag_set(put(out, ", flags="), h.flags, uapi::k_bsg_flags, "BSG_FLAG_???");
  out = put_hex(put(out, ", usr_ptr="), h.usr_ptr);
  sg_io_v4 x;
  if (!exit || !load_at(exit->header, 0, &x)) {
    out = put_hex(put(out, ", response="), h.response);
    return put(put_hex(put(out, ", din_xferp="), h.din_xferp), "}");
  }
  if (x.guard != 'Q') return put(put_num(put(out, " => guard="), x.guard), "}");
  out = put_num(put(out, ", response_len="), x.response_len);
  out = put_sg_buffer(put(out, ", response="), x.response, exit->buf(2), x.response_len, 0);
  out = put_sg_buffer(put(out, ", din_xferp="), x.din_xferp, exit->buf(3),
                      sg_received(x.din_xfer_len, x.din_resid), x.din_iovec_count);
  out = put_hex(put(out, ", driver_status="), x.driver_status);
  out = put_hex(put(out, ", transport_status="), x.transport_status);
  out = put_hex(put(out, ", device_status="), x.device_status);
  out = put_num(put(out, ", retry_delay="), x.retry_delay);
  out = put_flag_set(put(out, ", info="), x.info, kSgInfo, "SG_INFO_???");
  out = put_num(put(out, ", duration="), x.duration);
  out = put_num(put(out, ", response_len="), x.response_len);
  out = put_num(put(out, ", din_resid="), x.din_resid);
  out = put_num(put(out, ", dout_resid="), x.dout_resid);
  return put(put_hex(put(out, ", generated_tag="), x.generated_tag), "}");
}

// SG_IO by the interface id its struct starts with (strace's scsi.c): an unknown one as
// [id]; nullptr when nothing could be read.
char* put_sg_io(char* out, uint64_t addr, const Strings& items) {
  Pointed in, exit;
  uint32_t id;
  if (!addr || !take_pointed(pointed_item(items, false), &in) || !load_at(in.header, 0, &id))
    return nullptr;
  const Pointed* x = take_pointed(pointed_item(items, true), &exit) ? &exit : nullptr;
  // A struct unreadable but for its id keeps the id alone.
  bool whole = in.header.size() > sizeof(id);
  if (!whole) in.header = {};
  if (id == 'S') return put_sg_io_v3(out, addr, in, x);
  if (id == 'Q') return put_sg_io_v4(out, addr, in, x);
  return put(put_num(put(out, "["), id), "]");
}

}  // namespace

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
  bool failed = (e.flags & EVENT_HAS_RET) && is_error(e.ret);
  if (_IOC_TYPE(cmd) == 0x89) return put_sock_ioctl(out, cmd, e, blob, cut, exit_blob);
  if (_IOC_TYPE(cmd) == 0xb4)  // linux/gpio.h's requests
    return put_gpio_ioctl(out, cmd, failed, blob, cut, exit_blob);
  if (_IOC_TYPE(cmd) == BTRFS_IOCTL_MAGIC) return put_fs_0x94_ioctl(out, cmd, failed, blob, cut);
  if (_IOC_TYPE(cmd) == DM_IOCTL) return put_dm_ioctl(out, cmd, failed, blob, exit_blob);
  if (_IOC_TYPE(cmd) == UBI_IOC_MAGIC || _IOC_TYPE(cmd) == UBI_VOL_IOC_MAGIC)
    if (char* end = put_ubi_ioctl(out, cmd, blob, cut)) return end;
  if (_IOC_TYPE(cmd) == 'M')
    if (char* end = put_mtd_ioctl(out, cmd, blob, cut)) return end;
  if (_IOC_TYPE(cmd) == TEE_IOC_MAGIC)
    return put_tee_ioctl(out, cmd, failed, e.args[2], blob, cut, exit_blob,
                         pointed_item(items, false));
  if (cmd == SG_IO) return put_sg_io(out, e.args[2], items);
  if (_IOC_TYPE(cmd) == 'X') return put_fs_x_ioctl(out, cmd, failed, blob, cut);
  if (_IOC_TYPE(cmd) == UFFDIO) return put_uffd_ioctl(out, cmd, failed, blob, cut, exit_blob);
  if (_IOC_TYPE(cmd) == '!')
    return put_seccomp_ioctl(out, cmd, e.args[2], failed, blob, cut, exit_blob);
  if (_IOC_TYPE(cmd) == 0x12)
    if (char* end = put_block_ioctl(out, cmd, failed, blob, cut, exit_blob)) return end;
  if (_IOC_TYPE(cmd) == 'L')
    if (char* end = put_loop_ioctl(out, cmd, failed, blob, cut, exit_blob)) return end;
  if (_IOC_TYPE(cmd) == 'f')
    if (char* end = put_fs_flags_ioctl(out, cmd, failed, blob, exit_blob)) return end;
  if (_IOC_TYPE(cmd) == KVMIO)
    if (char* end = put_kvm_ioctl(out, cmd, failed, blob, cut, exit_blob)) return end;
  if (_IOC_TYPE(cmd) == 'V')
    if (char* end = put_v4l2_ioctl(out, cmd, failed, blob, cut, exit_blob)) return end;
  if (_IOC_TYPE(cmd) == PTP_CLK_MAGIC)
    return put_ptp_ioctl(out, cmd, failed, blob, cut, exit_blob);
  switch (cmd) {
    case TCGETS: case TIOCGLCKTRMIOS: case TCSETS: case TCSETSW: case TCSETSF:
    case TIOCSLCKTRMIOS:
      return put_termios(out, blob, cut, false);
    case TCGETS2: case TCSETS2: case TCSETSW2: case TCSETSF2:
      return put_termios(out, blob, cut, true);
    case TCGETA: case TCSETA: case TCSETAW: case TCSETAF:
      return put_termio(out, blob, cut);
    case TIOCGWINSZ: case TIOCSWINSZ:
      return put_taken<winsize>(out, blob, cut, kWinsize);
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
    case UBI_IOCRMVOL: case UBI_IOCEBISMAP: case UBI_IOCEBUNMAP: case UBI_IOCRPEB:
    case UBI_IOCSPEB: case RNDADDTOENTCNT:
    // SCSI generic's ints, given (read at entry) or filled.
    case SG_NEXT_CMD_LEN: case SG_SET_COMMAND_Q: case SG_SET_DEBUG: case SG_SET_FORCE_LOW_DMA:
    case SG_SET_FORCE_PACK_ID: case SG_SET_KEEP_ORPHAN: case SG_SET_RESERVED_SIZE:
    case SG_SET_TIMEOUT: case SG_EMULATED_HOST: case SG_GET_COMMAND_Q: case SG_GET_KEEP_ORPHAN:
    case SG_GET_LOW_DMA: case SG_GET_NUM_WAITING: case SG_GET_PACK_ID:
    case SG_GET_RESERVED_SIZE: case SG_GET_SG_TABLESIZE: case SG_GET_TRANSFORM:
    case SG_GET_VERSION_NUM:
      if (!ints(v, 1)) return nullptr;
      return put(put_num(put(out, "["), v[0]), "]");
    case SG_SCSI_RESET: {  // [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_DEVICE]
      constexpr uint32_t kNoEscalate = 0x100;  // SG_SCSI_RESET_NO_ESCALATE
      if (!ints(v, 1)) return nullptr;
      auto val = static_cast<uint32_t>(v[0]);
      out = put(out, "[");
      if (val & kNoEscalate)
        out = put(put_xval(out, kNoEscalate, uapi::k_sg_scsi_reset, "SG_SCSI_RESET_???"), "|");
      out = put_xval(out, val & ~kNoEscalate, uapi::k_sg_scsi_reset, "SG_SCSI_RESET_???");
      return put(out, "]");
    }
    // struct rtc_time, of a setting at entry, of a reading when it succeeded; strace
    // abbreviates its last three fields.
    // An RTC parameter asked about (" => " its value, which is not read: the address if
    // the call failed) or set.
    case RTC_PARAM_GET: case RTC_PARAM_SET: {
      struct rtc_param p;
      if (!take(blob, cut, &p)) return nullptr;
      out = put_enum64(put(out, "{param="), p.param, uapi::k_rtc_params, "RTC_PARAM_???");
      if (cmd == RTC_PARAM_SET) {
        switch (p.param) {
          case RTC_PARAM_FEATURES:
            out = put_bit_flags(put(out, ", uvalue="), p.uvalue, uapi::k_rtc_feature_bits,
                                "1<<RTC_FEATURE_???");
            break;
          case RTC_PARAM_CORRECTION:
            out = put_num(put(out, ", svalue="), p.svalue);
            break;
          case RTC_PARAM_BACKUP_SWITCH_MODE:
            out = put_enum64(put(out, ", uvalue="), p.uvalue, uapi::k_rtc_bsm_modes,
                             "RTC_BSM_???");
            break;
          default:
            out = put_hex(put(out, ", uvalue="), p.uvalue);
        }
      }
      out = put_num(put(out, ", index="), p.index);
      if (p.__pad) out = put_hex(put(out, ", __pad="), p.__pad);
      out = put(out, "}");
      return cmd == RTC_PARAM_GET && failed ? put_hex(put(out, " => "), e.args[2]) : out;
    }
    case RTC_SET_TIME: case RTC_ALM_SET: case RTC_RD_TIME: case RTC_ALM_READ:
      return put_taken<rtc_time>(out, blob, cut, kRtcTime);
    // A wakeup alarm set, and its time.
    case RTC_WKALM_SET:
      return put_taken<rtc_wkalrm>(out, blob, cut, kRtcWkalrm);
    // The PLL's correction, set, or got when the call succeeded.
    case RTC_PLL_GET:
      if (failed) return nullptr;
      [[fallthrough]];
    case RTC_PLL_SET: {
      struct rtc_pll_info p;
      if (!take(cmd == RTC_PLL_GET ? exit_blob : blob, cmd == RTC_PLL_SET && cut, &p))
        return nullptr;
      return put_fields(out, p, kPllInfo);
    }
    // Input devices' clock and repeat settings: [CLOCK_MONOTONIC's number], [delay, period],
    // the latter of a reading when it succeeded.
    case EVIOCSCLOCKID: {
      uint32_t id;
      if (!take(blob, cut, &id)) return nullptr;
      return put(put_num(put(out, "["), id), "]");
    }
    // A key's scancode and code; the same by index or scancode bytes (its index, code and
    // bytes with -v); a force feedback effect's type, id and direction (its envelope and
    // parameters are not shown: its address with -v).
    case EVIOCSKEYCODE: {
      uint32_t k[2];
      if (!take(blob, cut, &k)) return nullptr;
      out = put_num(put(out, "["), k[0]);
      return put(put_xval(put(out, ", "), k[1], uapi::k_evdev_keycodes, "KEY_???"), "]");
    }
    case EVIOCSKEYCODE_V2:
      return put_taken<input_keymap_entry>(out, blob, cut, kKeymapEntry);
    case EVIOCSFF: {
      struct ff_effect f;
      if (!take(blob, cut, &f)) return nullptr;
      return put_ff_effect(out, f);
    }
    case EVIOCGREP:
      if (failed) return nullptr;
      [[fallthrough]];
    case EVIOCSREP: {
      uint32_t r[2];
      if (!take(cmd == EVIOCGREP ? exit_blob : blob, cmd == EVIOCSREP && cut, &r))
        return nullptr;
      return put(put_num(put(put_num(put(out, "["), r[0]), ", "), r[1]), "]");
    }
    // A perf event's new period; the programs attached to it asked for: how many there is
    // room for (of a failed call, all strace shows).
    case PERF_EVENT_IOC_PERIOD: {
      uint64_t period;
      if (!take(blob, cut, &period)) return nullptr;
      return put(put_num(put(out, "["), period), "]");
    }
    case PERF_EVENT_IOC_QUERY_BPF: {
      uint32_t ids_len;
      if (!failed || !take(blob, false, &ids_len)) return nullptr;
      return put(put_num(put(out, "{ids_len="), ids_len), ", ...}");
    }
    // A counter's event watched, and its component.
    case COUNTER_ADD_WATCH_IOCTL:
      return put_taken<counter_watch>(out, blob, cut, kCounterWatch);
    // The extents asked about, and of a call that succeeded how many it mapped; the extents
    // themselves, past the struct, are not read.
    case FS_IOC_FIEMAP: {
      struct fiemap f;
      if (!take(blob, cut, &f)) return nullptr;
      out = put_num(put(out, "{fm_start="), f.fm_start);
      out = put_num(put(out, ", fm_length="), f.fm_length);
      out = put_flags(put(out, ", fm_flags="), f.fm_flags, uapi::k_fiemap_flags, "0",
                      "FIEMAP_FLAG_???");
      out = put(put_num(put(out, ", fm_extent_count="), f.fm_extent_count), "}");
      if (failed || !take(exit_blob, false, &f)) return out;
      out = put_flags(put(out, " => {fm_flags="), f.fm_flags, uapi::k_fiemap_flags, "0",
                      "FIEMAP_FLAG_???");
      return put(put_num(put(out, ", fm_mapped_extents="), f.fm_mapped_extents), ", ...}");
    }
    // A virtual machine's memory slot.
    case KVM_SET_USER_MEMORY_REGION:
      return put_taken<kvm_userspace_memory_region>(out, blob, cut, kMemoryRegion);
    // The uid owning a user namespace, of a call that succeeded.
    case NS_GET_OWNER_UID: {
      uint32_t uid;
      if (failed || !take(exit_blob, false, &uid)) return nullptr;
      out = put(out, "[");
      out = uid == UINT32_MAX ? put(out, "-1") : put_num(out, uid);
      return put(out, "]");
    }
    // The disk's taskfile registers strace reads as three ints.
    case HDIO_DRIVE_RESET: case HDIO_SCAN_HWIF:
      if (!ints(v, 3)) return nullptr;
      out = put_hex(put(out, "["), static_cast<uint32_t>(v[0]));
      out = put_hex(put(out, ", "), static_cast<uint32_t>(v[1]));
      return put(put_hex(put(out, ", "), static_cast<uint32_t>(v[2])), "]");
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
    // A function key's string: the key at entry, the string of a setting at entry, of a
    // reading when it succeeded, up to 32 bytes (strace's -s).
    case KDGKBSENT: case KDSKBSENT: {
      // Of a struct running past its memory, the readable head: the key, and the string if
      // it ends there (strace's "???" if not).
      struct kbsentry k{};
      if (!blob || blob->empty()) return nullptr;
      std::memcpy(&k, blob->data(), std::min(blob->size(), sizeof(k)));
      out = put(out, "{kb_func=");
      out = put_xlat_hex(out, k.kb_func, [&k](char* o) {
        for (const Flag& f : uapi::k_kd_key_fn_keys)
          if ((f.value & 0xff) == k.kb_func) return put(put(put(o, "KVAL("), f.name), ")");
        return put(put_hex(o, k.kb_func), " /* KVAL(K_??" "?) */");
      });
      if (cmd == KDGKBSENT && (failed || !take(exit_blob, false, &k))) return put(out, "}");
      std::string_view str(reinterpret_cast<const char*>(k.kb_string), sizeof(k.kb_string));
      if (cmd == KDSKBSENT && (cut || blob->size() < sizeof(k))) {
        str = str.substr(0, blob->size() > 1 ? blob->size() - 1 : 0);
        if (str.find('\0') == std::string_view::npos) return put(out, ", kb_string=???}");
      }
      size_t end = str.find('\0');
      size_t n = std::min(kShown, end == std::string_view::npos ? str.size() : end + 1);
      bool ends = str[n - 1] == '\0';
      out = put_quoted(put(out, ", kb_string="), str.substr(0, ends ? n - 1 : n), !ends);
      return put(out, "}");
    }
    // Fonts, screen maps and colour maps: their first 32 bytes in hex and "...".
    case GIO_FONT: case GIO_SCRNMAP: case GIO_CMAP:
      if (failed) return nullptr;
      [[fallthrough]];
    case PIO_FONT: case PIO_SCRNMAP: case PIO_CMAP: {
      size_t size = cmd == GIO_CMAP || cmd == PIO_CMAP ? 3 * 16
                    : cmd == GIO_SCRNMAP || cmd == PIO_SCRNMAP ? E_TABSZ
                                                               : 8192;
      // strace reads one byte more than it shows: the pointer, if that is not readable.
      size_t n = std::min(size, kShown);
      if (!blob || blob->size() < std::min(size, kShown + 1)) return nullptr;
      return put_hex_quoted(out, blob->substr(0, n), size > n);
    }
    case GIO_UNISCRNMAP:
      if (failed) return nullptr;
      [[fallthrough]];
    case PIO_UNISCRNMAP:
      return put_captured_array<uint16_t>(
          out, e.args[2], blob ? *blob : std::string_view(), E_TABSZ, false,
          [](char* o, uint16_t v) {
            bool direct = (v & ~UNI_DIRECT_MASK) == UNI_DIRECT_BASE;
            if (display().xlat != Xlat::kAbbrev || !direct) o = put_hex(o, v);
            if (display().xlat == Xlat::kRaw || !direct) return o;
            bool comment = display().xlat == Xlat::kVerbose;
            o = put(o, comment ? " /* UNI_DIRECT_BASE+" : "UNI_DIRECT_BASE+");
            o = put_hex(o, v & UNI_DIRECT_MASK);
            return comment ? put(o, " */") : o;
          });
    // The font asked for; of what the call wrote, the counts, its data's address (which
    // strace shows the bytes at).
    case GIO_FONTX: {
      struct consolefontdesc f;
      if (!take(blob, cut, &f)) return nullptr;
      auto desc = [](char* o, const consolefontdesc& d) {
        o = put_num(put(o, "{charcount="), d.charcount);
        o = put_num(put(o, ", charheight="), d.charheight);
        o = put(o, ", chardata=");
        auto at = reinterpret_cast<uintptr_t>(d.chardata);
        return put(put_addr(o, at), "}");
      };
      out = desc(out, f);
      return !failed && take(exit_blob, false, &f) ? desc(put(out, " => "), f) : out;
    }
    // A unicode font map's count, asked for and got (strace reads it back after a failure
    // too: what was read at entry, as a failed call is not read at exit); its entries, behind
    // a pointer, are not read: shown when there are none.
    case GIO_UNIMAP: case PIO_UNIMAP: {
      struct unimapdesc u;
      if (!take(blob, cut, &u)) return nullptr;
      auto at = reinterpret_cast<uintptr_t>(u.entries);
      if (cmd == PIO_UNIMAP && u.entry_ct && at) return nullptr;
      out = put_num(put(out, "{entry_ct="), u.entry_ct);
      if (cmd == GIO_UNIMAP && (failed || take(exit_blob, false, &u))) {
        out = put_num(put(out, " => "), u.entry_ct);
        at = reinterpret_cast<uintptr_t>(u.entries);
      }
      out = put(out, ", entries=");
      out = !at ? put(out, "NULL") : cmd == PIO_UNIMAP ? put(out, "[]") : put_hex(out, at);
      return put(out, "}");
    }
    // A font operation as the call reads it; of a font set, the data behind its own pointer
    // is not read: shown when there is none.
    case KDFONTOP: {
      struct console_font_op f;
      if (!take(blob, cut, &f)) return nullptr;
      auto data = reinterpret_cast<uintptr_t>(f.data);
      bool sets = f.op == KD_FONT_OP_SET || f.op == KD_FONT_OP_SET_DEFAULT;
      size_t size = f.op == KD_FONT_OP_SET
                        ? (std::min(f.width, 32u) + 7) / 8 * 32 * std::min(f.charcount, 512u)
                        : 1;
      if (sets && data && size) return nullptr;
      out = put_enum(put(out, "{op="), f.op, uapi::k_kd_font_ops, "KD_FONT_OP_???");
      if (f.op != KD_FONT_OP_SET_DEFAULT && f.op != KD_FONT_OP_COPY)
        out = put_flags(put(out, ", flags="), f.flags, uapi::k_kd_font_flags, "0",
                        "KD_FONT_FLAG_???");
      if (f.op != KD_FONT_OP_COPY) out = put_num(put(out, ", width="), f.width);
      out = put_num(put(out, ", height="), f.height);
      if (f.op != KD_FONT_OP_SET_DEFAULT && f.op != KD_FONT_OP_COPY)
        out = put_num(put(out, ", charcount="), f.charcount);
      if (f.op != KD_FONT_OP_COPY)
        out = put(out, ", data="), out = !data ? put(out, "NULL") : sets ? put(out, "\"\"")
                                                                     : put_hex(out, data);
      return put(out, "}");
    }
    case PIO_UNIMAPCLR:
      return put_taken<unimapinit>(out, blob, cut, kUnimapInit);
    case KDGKBDIACR:
      if (failed) return nullptr;
      [[fallthrough]];
    case KDSKBDIACR:
      return put_diacrs<kbdiacrs, kbdiacr>(out, e.args[2], blob, "kbdiacr",
                                           [](char* o, const kbdiacr& d) {
                                             o = put_char(put(o, "{diacr="), d.diacr);
                                             o = put_char(put(o, ", base="), d.base);
                                             return put(put_char(put(o, ", result="), d.result),
                                                        "}");
                                           });
    case KDGKBDIACRUC:
      if (failed) return nullptr;
      [[fallthrough]];
    case KDSKBDIACRUC:
      return put_diacrs<kbdiacrsuc, kbdiacruc>(out, e.args[2], blob, "kbdiacruc",
                                               [](char* o, const kbdiacruc& d) {
                                                 o = put_hex(put(o, "{diacr="), d.diacr);
                                                 o = put_hex(put(o, ", base="), d.base);
                                                 return put(put_hex(put(o, ", result="),
                                                                    d.result),
                                                            "}");
                                               });
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

char* put_ioctl_result(char* out, const Event& e) noexcept {
  // A namespace's type, by its clone flag.
  if (static_cast<uint32_t>(e.args[1]) != NS_GET_NSTYPE) return out;
  for (const Flag& f : uapi::k_setns_types)
    if (f.value == static_cast<uint64_t>(e.ret)) return put(put(put(out, " ("), f.name), ")");
  return out;
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
