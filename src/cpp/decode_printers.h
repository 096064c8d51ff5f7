// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The printers of the decoders, by family, for decode*.cpp only: each family's file names the
// constants and writes the special calls of its syscalls. Every function appends at out and
// returns the new end (the caller sizes the buffer); all are pure and thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "decode.h"
#include "syscall_facts.h"
#include "text.h"

namespace observer {

// strace's printxval: the name of v in values, else the number in hex and a comment naming
// the kind, 0x4c /* SO_??? */ (the number alone when unknown is empty: strace's printxval
// without a default).
inline char* put_xval(char* out, uint64_t v, std::span<const text::Flag> values,
                      std::string_view unknown) {
  auto named = [&](char* o) {
    for (const text::Flag& f : values)
      if (f.value == v) return text::put(o, f.name);
    if (unknown.empty()) return text::put_hex(o, v);
    return text::put(text::put(text::put(text::put_hex(o, v), " /* "), unknown), " */");
  };
  if (text::display().xlat != text::Xlat::kAbbrev)
    return text::put_xlat(out, [v](char* o) { return text::put_hex(o, v); }, named);
  return named(out);
}

// Flags as A|B|0x40, and the same comment when none of their bits is known:
// 0x10000000 /* MSG_??? */.
inline char* put_flag_set(char* out, uint64_t v, std::span<const text::Flag> flags,
                          std::string_view unknown) {
  uint64_t known = 0;
  for (const text::Flag& f : flags) known |= f.value;
  if (v && !(v & known)) {
    out = text::put_hex(out, v);
    if (text::display().xlat == text::Xlat::kRaw) return out;
    return text::put(text::put(text::put(out, " /* "), unknown), " */");
  }
  return text::put_flags(out, v, flags);  // -X applies there
}

// A set of bits named by their numbers, strace's "1<<NAME" tables: 1<<CAP_CHOWN|1<<CAP_KILL
// for the bits of mask numbered base to base + 63 (bits' values are the numbers), the rest
// in hex; with none of them known, hex and a comment naming the kind: 0x40 /* CAP_??? */.
// shift is how a table spells "1<<" (HDIO_SET_NICE's: 1 << IDE_NICE_0).
inline char* put_bit_flags(char* out, uint64_t mask, std::span<const text::Flag> bits,
                           std::string_view unknown, uint64_t base = 0,
                           std::string_view shift = "1<<") {
  return text::put_xlat_hex(out, mask, [&](char* o) {
    if (!mask) return text::put(o, "0");
    uint64_t rest = mask;
    bool first = true;
    for (const text::Flag& f : bits) {
      if (f.value < base || f.value - base >= 64) continue;
      uint64_t bit = uint64_t{1} << (f.value - base);
      if (!(rest & bit)) continue;
      o = text::put(text::put(first ? o : text::put(o, "|"), shift), f.name);
      rest &= ~bit;
      first = false;
    }
    if (!rest) return o;
    o = text::put_hex(first ? o : text::put(o, "|"), rest);
    return first ? text::put(text::put(text::put(o, " /* "), unknown), " */") : o;
  });
}

// strace's print_array: count elements of size bytes at addr, of which the bytes kept could
// be read (the rest ran into unreadable memory), each written by put_elem; NULL, [], the
// address when none could be read or the array wraps around, "..." after 32 of them, and
// "... /* address */" where the readable ones end.
template <class F>
char* put_array(char* out, uint64_t addr, uint64_t count, size_t size, std::string_view kept,
                F put_elem) {
  constexpr uint64_t kShownElems = 32;  // strace's -s, for arrays as for strings
  if (!addr) return text::put(out, "NULL");
  if (!count) return text::put(out, "[]");
  uint64_t bytes;
  if (__builtin_mul_overflow(count, size, &bytes) || addr + bytes <= addr)
    return text::put_hex(out, addr);
  uint64_t have = kept.size() / size;
  if (have == 0) return text::put_hex(out, addr);
  *out++ = '[';
  for (uint64_t k = 0; k < count; ++k) {
    if (k) out = text::put(out, ", ");
    if (k >= have) {
      out = text::put(text::put_hex(text::put(out, "... /* "), addr + k * size), " */");
      break;
    }
    if (k >= kShownElems) {
      out = text::put(out, "...");
      break;
    }
    out = put_elem(out, kept.data() + k * size);
  }
  return text::put(out, "]");
}

// One argument of kind type, from its value and the items captured with its record
// (decode.cpp); args are all of the record's arguments.
char* put_arg(char* out, Arg type, uint64_t v, const Strings& items, unsigned i,
              const __u64* args) noexcept;

// The constants of one family: v written as argument kind type, or nullptr when type is not
// one of the family's.
char* put_fs_arg(char* out, Arg type, uint64_t v) noexcept;                       // decode_fs.cpp
char* put_mem_arg(char* out, Arg type, uint64_t v) noexcept;                      // decode_mem.cpp
char* put_net_arg(char* out, Arg type, uint64_t v, const __u64* args) noexcept;   // decode_net.cpp
char* put_process_arg(char* out, Arg type, uint64_t v) noexcept;  // decode_process.cpp
char* put_mux_arg(char* out, Arg type, uint64_t v) noexcept;      // decode_mux.cpp
char* put_sys_arg(char* out, Arg type, uint64_t v, const __u64* args) noexcept;  // decode_sys.cpp

// One call's commands (decode_sys.cpp): whether strace shows no argument after one of kind
// type and value v (kcmp's types that compare no index, reboot's commands without an
// argument, membarrier without a cpu); a result of kind ret named after its number
// (nullptr for the other kinds).
bool sys_args_end(Arg type, uint64_t v) noexcept;
char* put_sys_result(char* out, Ret ret, const Event& e) noexcept;
// An I/O priority as strace's print_ioprio writes a struct's (an iocb's): IOPRIO_PRIO_VALUE(
// IOPRIO_CLASS_BE, 4), or as -X asks, in hex.
char* put_ioprio_value(char* out, uint32_t v) noexcept;

// Sockets (decode_net.cpp): whether format_call leaves argument type to put_net_value, and
// argument i of e of that type from its captured bytes (setsockopt's and getsockopt's values),
// or the pointer when there are none, the call failed or the length does not fit the type.
bool is_net_value(Arg type) noexcept;
// An address family: AF_INET, or as -X asks.
char* put_family(char* out, int64_t family) noexcept;
// A socket type alone, SOCK_DGRAM, or 0x7 /* SOCK_??? */.
char* put_sock_type_name(char* out, uint32_t type) noexcept;  // decode_net.cpp
// An interface index as strace writes it: if_nametoindex("lo"), or as -X asks (1, or
// 1 /* if_nametoindex("lo") */).
char* put_ifindex(char* out, uint32_t index) noexcept;  // decode_net.cpp
// sendmsg's and recvmsg's ", msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, ...}]" of
// a msghdr's control messages at addr, controllen bytes long, from their blob (struct
// control_head and the bytes kept); nothing when controllen is 0.
char* put_msg_control(char* out, uint64_t addr, uint64_t controllen,
                      std::string_view blob) noexcept;  // decode_net.cpp
char* put_net_value(char* out, Arg type, const Event& e, const Strings& items,
                    unsigned i) noexcept;

// Netlink (decode_netlink.cpp): argument i of e of kind kSockBufIn or kSockBufOut, the data of
// a netlink socket, as strace decodes its messages (with -e verbose= of the call); nullptr
// for other sockets and kinds, or when the data was not captured.
char* put_netlink_arg(char* out, Arg type, const Event& e, const Strings& items,
                      unsigned i) noexcept;
// The messages of a netlink socket of protocol: len bytes at addr, of which bytes were kept
// (cut: fewer than len); nullptr where strace writes them as text (the kernel's
// NETLINK_KOBJECT_UEVENT messages).
char* put_netlink_data(char* out, std::string_view bytes, uint64_t addr, uint64_t len,
                       uint16_t protocol, bool cut) noexcept;
// The call's socket (its ITEM_SOCKET) into sock when it is a netlink one, else nullptr.
const socket_item* netlink_socket(const Strings& items, socket_item* sock) noexcept;

// Files and descriptors (decode_fs.cpp).
char* put_open_flags(char* out, uint64_t v) noexcept;  // O_RDONLY|O_CLOEXEC
char* put_mode(char* out, uint64_t mode) noexcept;     // strace's "%#03o": 000, 0644
// ioctl's third argument as strace shows it for cmd: FICLONE's fd, a pointer for the
// commands it decodes, hex for others.
char* put_ioctl_arg(char* out, uint32_t cmd, uint64_t v) noexcept;
// Device ioctls (decode_ioctl.cpp): a request by strace's names (EVIOCGBIT(EV_KEY, 8),
// "FS_IOC_GETFLAGS"), nullptr for a request without one.
char* put_ioctl_request(char* out, uint32_t cmd) noexcept;
// Whether strace shows no argument for the request (FIOCLEX, RTC_AIE_ON), and the argument of
// one it decodes (KIOCSOUND's "440 /* 2711 Hz */", a pointer's NULL); nullptr for others.
bool ioctl_without_arg(uint32_t cmd) noexcept;
char* put_device_ioctl_arg(char* out, uint32_t cmd, uint64_t v) noexcept;
// What ioctl's argument points to, as strace shows it for the request (WDIOC_SETTIMEOUT's
// [123], RTC_SET_TIME's struct rtc_time), when it was captured; nullptr otherwise.
char* put_ioctl_pointee(char* out, const Event& e, const Strings& items) noexcept;
// What strace adds to an ioctl's result: " (CLONE_NEWUSER)" of NS_GET_NSTYPE.
char* put_ioctl_result(char* out, const Event& e) noexcept;
bool is_device_mode(uint64_t mode) noexcept;           // S_IFCHR or S_IFBLK: mknod's dev follows
// fcntl (Decoder::kFcntl): whether strace shows no third argument for cmd, the argument as
// cmd reads it, and the result of F_GETFD and F_GETFL as flags (nullptr for other commands).
bool fcntl_without_arg(int cmd) noexcept;
char* put_fcntl_arg(char* out, int cmd, uint64_t v) noexcept;
char* put_fcntl_result(char* out, int cmd, int64_t ret) noexcept;

// Structures whose printing needs the rest of the call (decode_structs.cpp): openat2's
// open_how (its size argument), sendfile's offset (the result), fcntl's struct flock and
// struct f_owner_ex (the command). nullptr when type, or fcntl's command, is not one of them.
char* put_struct_arg(char* out, Arg type, const Event& e, const Strings& items,
                     unsigned i) noexcept;
char* put_fcntl_struct(char* out, const Event& e, const Strings& items) noexcept;
// The small structs and arrays of decode_sys.cpp's calls (getcpu's cpu, semop's sembufs,
// mincore's vector, seccomp's action): argument i of e, or nullptr for other kinds.
char* put_sys_struct(char* out, Arg type, const Event& e, const Strings& items,
                     unsigned i) noexcept;
// What argument i (of kind type, value v) points to, for the kinds of decode_sys.cpp's calls
// strace shows whatever -e verbose= says (the groups setgroups reads, capget's and capset's
// structs, landlock's rules, mount_setattr's struct mount_attr); nullptr for other kinds.
char* put_sys_pointee(char* out, Arg type, uint64_t v, const Strings& items, unsigned i,
                      const __u64* args) noexcept;
// The values of decode_values.cpp's kinds (kShortStr to kSysctlArgs): argument i of e, or
// nullptr for other kinds.
char* put_value_arg(char* out, Arg type, const Event& e, const Strings& items,
                    unsigned i) noexcept;
// strace's printstr_ex of len bytes at addr that need not end in a NUL, from what was read of
// them (nullptr: none): the first -s of them, then "..." when there are more; the address when
// fewer were read. kOmitNul leaves out a NUL as the last byte shown (QUOTE_OMIT_TRAILING_0),
// kHex writes every byte as \xHH (QUOTE_FORCE_HEX).
enum class Counted : uint8_t { kPlain, kOmitNul, kHex };
char* put_counted_read(char* out, uint64_t addr, const std::string_view* bytes, uint64_t len,
                       Counted style) noexcept;
// strace's printstr_ex of a NUL-terminated string at addr of at most len bytes, from what was
// read of it (bytes: its -s + 1 bytes, or those to the end of their page; nullptr: none): up
// to its NUL; its first bytes and "..." where there is none among those strace reads; the
// address when fewer could be read.
char* put_string_read(char* out, uint64_t addr, const std::string_view* bytes,
                      uint64_t len) noexcept;
// The AIO calls' structs (decode_aio.cpp): argument i of e of kind kIocbs, kIocbIn,
// kIoEventOut or kIoEvents, from what the kernel side kept, or the pointer; nullptr for other
// kinds.
char* put_aio_arg(char* out, Arg type, const Event& e, const Strings& items,
                  unsigned i) noexcept;
// perf_event_open's struct perf_event_attr (argument i), and the size the kernel wrote there
// when it answered E2BIG (decode_perf.cpp).
char* put_perf_event_attr(char* out, const Event& e, const Strings& items, unsigned i) noexcept;
// bpf(2) (decode_bpf.cpp): its command, and its union bpf_attr (argument i, its size the next)
// as the command reads it, for the commands bpf_attr_captured() names; else the address.
char* put_bpf_cmd(char* out, uint64_t cmd) noexcept;
bool bpf_attr_captured(uint32_t cmd) noexcept;
char* put_bpf_attr(char* out, const Event& e, const Strings& items, unsigned i) noexcept;

// Processes and signals (decode_process.cpp).
char* put_signal(char* out, int64_t sig) noexcept;  // SIGTERM, or the number
// clone3's struct clone_args, then what the call wrote (ELEM_CLONE_OUT, may be nullptr);
// longer (cut at the struct's size): what follows it, from whole (nullptr: unreadable).
char* put_clone3(char* out, uint64_t addr, std::string_view args, const std::string_view* wrote,
                 bool longer, const std::string_view* whole) noexcept;
// The arguments of futex (Decoder::kFutex) and clone (Decoder::kClone), as strace shows them.
char* put_futex_call(char* out, const Event& e, const Strings& items) noexcept;
char* put_clone_call(char* out, const Event& e) noexcept;

// Multiplexers (decode_mux.cpp): the arguments of a call of decoder (kPrctl, kArchPrctl,
// kSyslog, kKeyctl, kPersonality) as its command picks them, with the strings captured
// for them, and what strace adds to its result
// (prctl's PR_GET_DUMPABLE name, personality's flags): nullptr when the decoder is none of
// them, or the result is the number alone.
char* put_mux_call(char* out, Decoder decoder, const Event& e, const Strings& items) noexcept;
char* put_mux_result(char* out, Decoder decoder, const Event& e) noexcept;
// io_uring_register's arguments (Decoder::kUringRegister), what its opcode reads as the
// kernel side kept it (ELEM_URING) (decode_uring.cpp).
char* put_uring_register_call(char* out, const Event& e, const Strings& items) noexcept;
// io_uring_setup's struct io_uring_params (argument i): what it was given, and after a
// success what the kernel filled.
char* put_uring_params(char* out, const Event& e, const Strings& items, unsigned i) noexcept;
// Whether mount(2) leaves its argument i (2: the file system type, 4: the data) unread for
// these flags (a remount, a bind or a move): strace shows it as an address then.
bool mount_arg_unread(uint64_t flags, unsigned i) noexcept;

}  // namespace observer
