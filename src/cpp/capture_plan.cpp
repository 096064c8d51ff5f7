// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "capture_plan.h"

#include <asm/ioctls.h>
#if defined(__x86_64__)
#include <asm/prctl.h>
#endif
#include <asm/termbits.h>
#include <asm/termios.h>
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <linux/blkpg.h>
#include <linux/bsg.h>
#include <linux/bpf.h>
#include <linux/capability.h>
#include <linux/futex.h>
#include <linux/fs.h>
#include <linux/hdreg.h>
#include <linux/io_uring.h>
#include <linux/kcmp.h>
#include <linux/kexec.h>
#include <linux/keyctl.h>
#include <linux/landlock.h>
#include <linux/mount.h>
#include <linux/kd.h>
#include <linux/loop.h>
#include <linux/openat2.h>
#include <linux/perf_event.h>
#include <linux/elf.h>
#include <sys/epoll.h>
#include <sys/timex.h>
#include <linux/ptrace.h>
#include <linux/prctl.h>
#include <linux/ptp_clock.h>
#include <linux/sched.h>
#include <linux/mqueue.h>
#include <linux/nsfs.h>
#include <linux/msg.h>
#include <linux/seccomp.h>
#include <linux/sem.h>
#include <linux/shm.h>
#include <linux/sysctl.h>
#include <linux/socket.h>
#include <linux/sockios.h>
#include <linux/stat.h>
#include <linux/tee.h>
#include <linux/userfaultfd.h>
#include <mtd/mtd-abi.h>
#include <mtd/ubi-user.h>
#include <linux/time_types.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <scsi/sg.h>
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/time.h>
#include <sys/sysinfo.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/utsname.h>

#include <initializer_list>
#include <iterator>

#include "syscall_facts.h"

namespace observer {

namespace {

// The argument types whose bytes mean the same to a 32-bit call (the i386 layout is the
// native one, or has a decoder of its own): the others are not captured for 32-bit calls.
bool same_in_compat(Arg type) {
  switch (type) {
    case Arg::kBufIn: case Arg::kBufInHex: case Arg::kBufOut: case Arg::kSockBufIn:
    case Arg::kSockBufOut: case Arg::kCwd: case Arg::kStat64:
    case Arg::kStatx:
    case Arg::kSigsetIn: case Arg::kSigsetOut: case Arg::kSockaddrIn: case Arg::kIntPair:
    case Arg::kSockaddrOut: case Arg::kSocklen:
    case Arg::kWaitStatus: case Arg::kUtsname: case Arg::kDirents: case Arg::kIovecIn:
    case Arg::kIovecOut: case Arg::kPollFds: case Arg::kArgv: case Arg::kEnvp:
    case Arg::kEpollEventIn: case Arg::kEpollEvents:
      return true;
    default:
      return false;
  }
}

const SyscallInfo* info_of(int nr, bool compat) {
  return compat ? compat_syscall_info(nr) : syscall_info(nr);
}

#if defined(__x86_64__)
constexpr bool kSigframeCapture = true;
#else
constexpr bool kSigframeCapture = false;
#endif

// Most pollfds kept of one poll: strace shows 32 array elements, then "..." where a 33rd is
// there to read.
constexpr uint32_t kPollFdsMax = (32 + 1) * sizeof(struct pollfd);
// An fd_set of FD_SETSIZE (1024) fds.
constexpr uint32_t kFdSetMax = sizeof(fd_set);
// struct epoll_event: packed, 12 bytes, on x86_64 as on i386 (sys/epoll.h, as the kernel's);
// the most of epoll_wait's array kept, as for poll.
constexpr uint32_t kEpollEvent = sizeof(struct epoll_event);
static_assert(kEpollEvent == 12, "struct epoll_event is packed");
constexpr uint32_t kEpollEventsMax = (32 + 1) * kEpollEvent;

// The sizes of what is read, from the structs the kernel reads and writes: the uapi headers'
// where the C library has no struct of the same layout (statx, clone_args, __kernel_timespec),
// the C library's where its layout is the kernel's (stat, msghdr, rlimit, pollfd, fd_set).
constexpr uint32_t kSockaddrMax = sizeof(struct __kernel_sockaddr_storage);  // linux/socket.h
constexpr uint32_t kTimespec = sizeof(struct __kernel_timespec);             // linux/time_types.h
constexpr uint32_t kTimeval = sizeof(struct __kernel_old_timeval);
// The kernel's sigset_t: _NSIG (64) bits (asm/signal.h), not the C library's 128 bytes.
constexpr uint32_t kKernelSigset = 64 / 8;
// asm/signal.h's struct sigaction (its name is the C library's too): handler, flags,
// restorer, mask.
constexpr uint32_t kKernelSigaction = 3 * sizeof(uint64_t) + kKernelSigset;
// The i386 struct stat64 (arch/x86/include/uapi/asm/stat.h), which x86_64's headers leave
// out.
constexpr uint32_t kI386Stat64 = 96;
// The largest socket option value decoded as a struct: MCAST_JOIN_GROUP's struct group_req
// (netinet/in.h; the kernel's is the same, include/uapi/linux/in.h).
constexpr uint32_t kSockoptMax = sizeof(struct group_req);
// The most of an ioctl's argument read, a blob's most: struct btrfs_ioctl_vol_args and
// smaller whole (a console's font, up to 32 KiB, is cut). Only the full-record formats read
// it, and only as much as the request's size says.
constexpr uint32_t kIoctlArgMax = ITEM_MAX;
// struct user_desc of asm/ldt.h (x86's; four 32-bit words).
constexpr uint32_t kUserDesc = 16;
// pselect6's sixth argument: the mask's address and its size, then the mask.
struct PselectSigmask {
  uint64_t ss, ss_len, mask;
};
// fcntl's commands whose argument points to a struct (asm-generic/fcntl.h), as bits of
// capture_slot.cmds: the lock it sets or asks about, and the owner it sets or gets.
constexpr uint64_t cmd_bit(int cmd) { return uint64_t{1} << cmd; }
constexpr uint64_t kFlockIn = cmd_bit(F_SETLK) | cmd_bit(F_SETLKW) | cmd_bit(F_OFD_SETLK) |
                              cmd_bit(F_OFD_SETLKW);
constexpr uint64_t kFlockOut = cmd_bit(F_GETLK) | cmd_bit(F_OFD_GETLK);
#if defined(__x86_64__)
// arch_prctl's options (asm/prctl.h) as bits of capture_slot.cmds, from call_plan.cmd_base.
constexpr uint8_t kArchPrctlBase = 1;  // 0x1000
constexpr uint64_t arch_prctl_bit(int option) {
  return uint64_t{1} << (option - (kArchPrctlBase << 12));
}
static_assert(ARCH_GET_XCOMP_GUEST_PERM - (kArchPrctlBase << 12) < 64,
              "arch_prctl's getters fit capture_slot.cmds");
#endif
static_assert(KEYCTL_CAPABILITIES < 64, "keyctl's commands fit capture_slot.cmds");
static_assert(F_OFD_SETLKW < 64 && F_GETOWN_EX < 64, "fcntl's commands fit capture_slot.cmds");
// openat2's struct open_how: its 24 bytes (OPEN_HOW_SIZE_VER0, linux/openat2.h), and as much
// as the size argument says up to a page, as strace reads it to show what follows them.
constexpr uint32_t kOpenHow = sizeof(struct open_how);
static_assert(kOpenHow == 24, "open_how of Linux 5.6");
// perf_event_open's struct perf_event_attr as strace 6.1 reads it: PERF_ATTR_SIZE_VER7 at
// most; and its type and size.
constexpr uint32_t kPerfEventAttr = PERF_ATTR_SIZE_VER7;
constexpr uint32_t kPerfAttrHead = 2 * sizeof(uint32_t);
// What bpf's commands have the kernel write into the attr's first 8 bytes, by command: the id
// lookups' next_id, and BPF_OBJ_GET_INFO_BY_FD's info_len.
constexpr uint32_t kBpfHead = 2 * sizeof(uint32_t);
constexpr uint64_t kBpfHeadOut = cmd_bit(BPF_PROG_GET_NEXT_ID) | cmd_bit(BPF_MAP_GET_NEXT_ID) |
                                 cmd_bit(BPF_BTF_GET_NEXT_ID) | cmd_bit(BPF_LINK_GET_NEXT_ID) |
                                 cmd_bit(BPF_OBJ_GET_INFO_BY_FD);
static_assert(offsetof(union bpf_attr, info.info_len) + sizeof(__u32) <= kBpfHead &&
                  offsetof(union bpf_attr, next_id) + sizeof(__u32) <= kBpfHead,
              "next_id and info_len are in the attr's head");
// mincore's vector: a byte a page, read as far as its memory goes (strace shows one for each
// page of the length); semop's struct sembuf array, likewise.
constexpr uint32_t kMincoreMax = 1024;
constexpr uint32_t kSembufsMax = 128 * sizeof(struct sembuf);
// The bytes of a string strace shows to -s bytes: one more tells a longer one apart.
constexpr uint32_t string_bytes(uint32_t data) { return data < BLOB_MAX ? data + 1 : BLOB_MAX; }
// The SysV ctl calls' buffers by command (without IPC_64, which x86_64's C library does not
// set): the struct IPC_SET reads, and the one the stat and info commands fill (the largest of
// them, as far as its memory goes: a command's own struct may be smaller).
constexpr uint64_t kIpcSet = cmd_bit(IPC_SET);
constexpr uint64_t kMsgctlOut = cmd_bit(IPC_STAT) | cmd_bit(MSG_STAT) | cmd_bit(MSG_STAT_ANY) |
                                cmd_bit(IPC_INFO) | cmd_bit(MSG_INFO);
constexpr uint64_t kShmctlOut = cmd_bit(IPC_STAT) | cmd_bit(SHM_STAT) | cmd_bit(SHM_STAT_ANY) |
                                cmd_bit(IPC_INFO) | cmd_bit(SHM_INFO);
constexpr uint64_t kSemctlOut = cmd_bit(IPC_STAT) | cmd_bit(SEM_STAT) | cmd_bit(SEM_STAT_ANY) |
                                cmd_bit(IPC_INFO) | cmd_bit(SEM_INFO);
// The elements of an array strace shows (32), and one more to tell that "..." follows.
constexpr uint32_t kArrayShown = 32 + 1;
// struct sched_attr: SCHED_ATTR_SIZE_VER1 of linux/sched/types.h, whose struct sched_param
// <sched.h> defines too (decode_sys.cpp checks it).
constexpr uint32_t kSchedAttr = 56;
constexpr uint32_t kSigeventShown =
    offsetof(struct sigevent, _sigev_un._sigev_thread._attribute) + sizeof(void*);
constexpr uint32_t max_size(std::initializer_list<size_t> sizes) {
  size_t m = 0;
  for (size_t s : sizes) m = s > m ? s : m;
  return static_cast<uint32_t>(m);
}
static_assert(sizeof(struct iocb) == IOCB_SIZE, "struct iocb of linux/aio_abi.h");
static_assert(kSockaddrMax == 128 && kTimespec == 16 && kTimeval == 16 &&
              sizeof(struct statx) == 256 && sizeof(struct clone_args) == 88,
              "the structs' sizes the kernel side was written for");

// The plain-numbered ioctl requests (#define TCGETS 0x5401, no _IOR() to say what they
// point to) whose argument strace decodes, and the sized ones whose direction says
// otherwise than what strace reads (of the same size): when it is read (_IOC_WRITE: at
// entry, what the call reads; _IOC_READ: at exit, what it filled) and its size, the
// kernel's structs. IOC_PLAIN_TYPES types at most.
struct PlainIoctl {
  uint32_t cmd;
  uint32_t dir;
  uint32_t size;
};
constexpr uint32_t kIn = _IOC_WRITE, kOut = _IOC_READ, kBoth = _IOC_READ | _IOC_WRITE;
// The bytes of a buffer strace reads to show it: its -s (32 by default) and one more.
constexpr uint32_t kShownBytes = 32 + 1;
constexpr PlainIoctl kPlainIoctls[] = {
    {TCGETS, kOut, sizeof(struct termios)}, {TIOCGLCKTRMIOS, kOut, sizeof(struct termios)},
    {TCSETS, kIn, sizeof(struct termios)}, {TCSETSW, kIn, sizeof(struct termios)},
    {TCSETSF, kIn, sizeof(struct termios)}, {TIOCSLCKTRMIOS, kIn, sizeof(struct termios)},
    {TCGETA, kOut, sizeof(struct termio)}, {TCSETA, kIn, sizeof(struct termio)},
    {TCSETAW, kIn, sizeof(struct termio)}, {TCSETAF, kIn, sizeof(struct termio)},
    {TIOCGWINSZ, kOut, sizeof(struct winsize)}, {TIOCSWINSZ, kIn, sizeof(struct winsize)},
    {TIOCMGET, kOut, sizeof(int)}, {TIOCMBIS, kIn, sizeof(int)}, {TIOCMBIC, kIn, sizeof(int)},
    {TIOCMSET, kIn, sizeof(int)},
    {TIOCGPGRP, kOut, sizeof(int)}, {TIOCGSID, kOut, sizeof(int)},
    {TIOCGETD, kOut, sizeof(int)}, {TIOCGSOFTCAR, kOut, sizeof(int)},
    {FIONREAD, kOut, sizeof(int)}, {TIOCOUTQ, kOut, sizeof(int)},
    {TIOCSPGRP, kIn, sizeof(int)}, {TIOCSETD, kIn, sizeof(int)}, {FIONBIO, kIn, sizeof(int)},
    {FIOASYNC, kIn, sizeof(int)}, {TIOCPKT, kIn, sizeof(int)},
    {TIOCSSOFTCAR, kIn, sizeof(int)},
    // The console's (linux/kd.h): the key and keycode asked about are read at entry too.
    {KDGKBENT, kBoth, sizeof(struct kbentry)}, {KDSKBENT, kIn, sizeof(struct kbentry)},
    {KDGETKEYCODE, kBoth, sizeof(struct kbkeycode)},
    {KDSETKEYCODE, kIn, sizeof(struct kbkeycode)},
    {KDKBDREP, kBoth, sizeof(struct kbd_repeat)},
    {KDGKBSENT, kBoth, sizeof(struct kbsentry)}, {KDSKBSENT, kIn, sizeof(struct kbsentry)},
    // Fonts, screen maps and colour maps are shown to their first 32 bytes (strace's -s), all
    // that is read of them with one more; the unicode screen map whole (512 bytes).
    {GIO_FONT, kOut, kShownBytes}, {PIO_FONT, kIn, kShownBytes},
    {GIO_SCRNMAP, kOut, kShownBytes}, {PIO_SCRNMAP, kIn, kShownBytes},
    {GIO_CMAP, kOut, kShownBytes}, {PIO_CMAP, kIn, kShownBytes},
    {GIO_UNISCRNMAP, kOut, E_TABSZ * sizeof(unsigned short)},
    {PIO_UNISCRNMAP, kIn, E_TABSZ * sizeof(unsigned short)},
    {PIO_UNIMAPCLR, kIn, sizeof(struct unimapinit)},
    {GIO_FONTX, kBoth, sizeof(struct consolefontdesc)},
    {KDFONTOP, kIn, sizeof(struct console_font_op)},
    {GIO_UNIMAP, kBoth, sizeof(struct unimapdesc)}, {PIO_UNIMAP, kIn, sizeof(struct unimapdesc)},
    {KDGKBDIACR, kOut, sizeof(struct kbdiacrs)}, {KDSKBDIACR, kIn, sizeof(struct kbdiacrs)},
    {KDGKBDIACRUC, kOut, sizeof(struct kbdiacrsuc)},
    {KDSKBDIACRUC, kIn, sizeof(struct kbdiacrsuc)},
    // The sockets' (linux/sockios.h): owners and counts, bridge names, and struct ifreq,
    // whose getters name the interface at entry and fill the rest at exit.
    {FIOSETOWN, kIn, sizeof(int)}, {SIOCSPGRP, kIn, sizeof(int)},
    {SIOCSIFENCAP, kIn, sizeof(int)}, {FIOGETOWN, kOut, sizeof(int)},
    {SIOCGPGRP, kOut, sizeof(int)}, {SIOCATMARK, kOut, sizeof(int)},
    {SIOCGIFENCAP, kOut, sizeof(int)}, {SIOCOUTQNSD, kOut, sizeof(int)},
    {SIOCBRADDBR, kIn, IFNAMSIZ}, {SIOCBRDELBR, kIn, IFNAMSIZ},
    {SIOCGIFCONF, kBoth, sizeof(struct ifconf)},
    {SIOCBRADDIF, kIn, sizeof(struct ifreq)}, {SIOCBRDELIF, kIn, sizeof(struct ifreq)},
    {SIOCADDMULTI, kIn, sizeof(struct ifreq)}, {SIOCDELMULTI, kIn, sizeof(struct ifreq)},
    {SIOCSIFADDR, kIn, sizeof(struct ifreq)}, {SIOCSIFBRDADDR, kIn, sizeof(struct ifreq)},
    {SIOCSIFDSTADDR, kIn, sizeof(struct ifreq)}, {SIOCSIFFLAGS, kIn, sizeof(struct ifreq)},
    {SIOCSIFHWADDR, kIn, sizeof(struct ifreq)}, {SIOCSIFHWBROADCAST, kIn, sizeof(struct ifreq)},
    {SIOCSIFMAP, kIn, sizeof(struct ifreq)}, {SIOCSIFMETRIC, kIn, sizeof(struct ifreq)},
    {SIOCSIFMTU, kIn, sizeof(struct ifreq)}, {SIOCSIFNAME, kIn, sizeof(struct ifreq)},
    {SIOCSIFNETMASK, kIn, sizeof(struct ifreq)}, {SIOCSIFSLAVE, kIn, sizeof(struct ifreq)},
    {SIOCSIFTXQLEN, kIn, sizeof(struct ifreq)},
    {SIOCGIFADDR, kBoth, sizeof(struct ifreq)}, {SIOCGIFBRDADDR, kBoth, sizeof(struct ifreq)},
    {SIOCGIFDSTADDR, kBoth, sizeof(struct ifreq)}, {SIOCGIFFLAGS, kBoth, sizeof(struct ifreq)},
    {SIOCGIFHWADDR, kBoth, sizeof(struct ifreq)}, {SIOCGIFINDEX, kBoth, sizeof(struct ifreq)},
    {SIOCGIFMAP, kBoth, sizeof(struct ifreq)}, {SIOCGIFMETRIC, kBoth, sizeof(struct ifreq)},
    {SIOCGIFMTU, kBoth, sizeof(struct ifreq)}, {SIOCGIFNAME, kBoth, sizeof(struct ifreq)},
    {SIOCGIFNETMASK, kBoth, sizeof(struct ifreq)}, {SIOCGIFSLAVE, kBoth, sizeof(struct ifreq)},
    {SIOCGIFTXQLEN, kBoth, sizeof(struct ifreq)},
    // A TEE's requests are _IOR() but read their struct, which strace shows at entry.
    {TEE_IOC_CANCEL, kIn, sizeof(struct tee_ioctl_cancel_arg)},
    {TEE_IOC_CLOSE_SESSION, kIn, sizeof(struct tee_ioctl_close_session_arg)},
    {TEE_IOC_INVOKE, kIn, sizeof(struct tee_ioctl_buf_data)},
    {TEE_IOC_OPEN_SESSION, kIn, sizeof(struct tee_ioctl_buf_data)},
    {TEE_IOC_SUPPL_RECV, kIn, sizeof(struct tee_ioctl_buf_data)},
    {TEE_IOC_SUPPL_SEND, kIn, sizeof(struct tee_ioctl_buf_data)},
    // _IOR(), but the eraseblock asked about is read.
    {UBI_IOCEBISMAP, kIn, sizeof(int32_t)},
    // _IOR(), but what they ask about is read: an OTP area's mode, a range.
    {OTPSELECT, kIn, sizeof(int)}, {MEMISLOCKED, kIn, sizeof(struct erase_info_user)},
    {OTPLOCK, kIn, sizeof(struct otp_info)},
    // _IOR(), but the range to wake or unregister is read.
    {UFFDIO_WAKE, kIn, sizeof(struct uffdio_range)},
    {UFFDIO_UNREGISTER, kIn, sizeof(struct uffdio_range)},
    // SCSI generic's (scsi/sg.h): the ints given and filled.
    {SG_NEXT_CMD_LEN, kIn, sizeof(int)}, {SG_SET_COMMAND_Q, kIn, sizeof(int)},
    {SG_SET_DEBUG, kIn, sizeof(int)}, {SG_SET_FORCE_LOW_DMA, kIn, sizeof(int)},
    {SG_SET_FORCE_PACK_ID, kIn, sizeof(int)}, {SG_SET_KEEP_ORPHAN, kIn, sizeof(int)},
    {SG_SET_RESERVED_SIZE, kIn, sizeof(int)}, {SG_SET_TIMEOUT, kIn, sizeof(int)},
    {SG_SCSI_RESET, kIn, sizeof(int)},
    {SG_EMULATED_HOST, kOut, sizeof(int)}, {SG_GET_COMMAND_Q, kOut, sizeof(int)},
    {SG_GET_KEEP_ORPHAN, kOut, sizeof(int)}, {SG_GET_LOW_DMA, kOut, sizeof(int)},
    {SG_GET_NUM_WAITING, kOut, sizeof(int)}, {SG_GET_PACK_ID, kOut, sizeof(int)},
    {SG_GET_RESERVED_SIZE, kOut, sizeof(int)}, {SG_GET_SG_TABLESIZE, kOut, sizeof(int)},
    {SG_GET_TRANSFORM, kOut, sizeof(int)}, {SG_GET_VERSION_NUM, kOut, sizeof(int)},
    // A PTP clock's _IOW() offset requests fill the samples they ask for.
    {PTP_SYS_OFFSET, kBoth, sizeof(struct ptp_sys_offset)},
    {PTP_SYS_OFFSET2, kBoth, sizeof(struct ptp_sys_offset)},
    // _IOR(), but the id strace shows is read (strace's SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR,
    // the number of SECCOMP_IOCTL_NOTIF_ID_VALID before Linux 5.17).
    {_IOC(_IOC_READ, '!', 2, sizeof(__u64)), kIn, sizeof(__u64)},
    // Block devices' (linux/fs.h): read-only status, ranges, partitions.
    {BLKROSET, kIn, sizeof(int)}, {BLKDISCARD, kIn, 2 * sizeof(__u64)},
    {BLKSECDISCARD, kIn, 2 * sizeof(__u64)}, {BLKZEROOUT, kIn, 2 * sizeof(__u64)},
    {BLKPG, kIn, sizeof(struct blkpg_ioctl_arg)},
    // The disk's (linux/hdreg.h): the taskfile registers strace reads (three ints).
    {HDIO_DRIVE_RESET, kIn, 3 * sizeof(int)}, {HDIO_SCAN_HWIF, kIn, 3 * sizeof(int)},
    // The uid owning a user namespace (linux/nsfs.h).
    {NS_GET_OWNER_UID, kOut, sizeof(__u32)},
    // Loop devices' (linux/loop.h): their status, set and got, and their configuration.
    {LOOP_SET_STATUS, kIn, sizeof(struct loop_info)},
    {LOOP_GET_STATUS, kOut, sizeof(struct loop_info)},
    {LOOP_SET_STATUS64, kIn, sizeof(struct loop_info64)},
    {LOOP_GET_STATUS64, kOut, sizeof(struct loop_info64)},
    {LOOP_CONFIGURE, kIn, sizeof(struct loop_config)},
};

// The request types kPlainIoctls names, each a row of ioc_plain.
constexpr unsigned plain_ioctl_types() {
  unsigned n = 0;
  for (size_t i = 0; i < std::size(kPlainIoctls); ++i) {
    bool seen = false;
    for (size_t j = 0; j < i; ++j)
      seen = seen || _IOC_TYPE(kPlainIoctls[j].cmd) == _IOC_TYPE(kPlainIoctls[i].cmd);
    n += seen ? 0 : 1;
  }
  return n;
}
static_assert(plain_ioctl_types() <= IOC_PLAIN_TYPES, "ioc_plain has a row for each type");

}  // namespace

void ioctl_plain_plan(uint8_t (&rows)[256], uint16_t (&plain)[IOC_PLAIN_TYPES][256]) noexcept {
  for (auto& row : rows) row = 0;
  for (auto& row : plain)
    for (auto& top : row) top = 0;
  uint8_t used = 0;
  for (const PlainIoctl& p : kPlainIoctls) {
    uint32_t type = _IOC_TYPE(p.cmd);
    if (!rows[type]) rows[type] = ++used;
    plain[rows[type] - 1][_IOC_NR(p.cmd)] =
        static_cast<uint16_t>(_IOC(p.dir, 0, 0, p.size) >> _IOC_SIZESHIFT);
  }
}

unsigned capture_plan(int nr, uint32_t data_limit, capture_slot (&slots)[MAX_BLOBS],
                      bool compat) noexcept {
  unsigned n = 0;
  for (auto& slot : slots) slot = capture_slot{};
  const SyscallInfo* info = info_of(nr, compat);
  if (!info || data_limit == 0) return 0;
  uint32_t data = data_limit < BLOB_MAX ? data_limit : BLOB_MAX;
  auto add = [&](uint32_t size, uint8_t arg, uint8_t flags, uint8_t size_arg, uint8_t elem,
                 uint64_t cmds = 0) {
    if (n < MAX_BLOBS) slots[n++] = capture_slot{size, arg, flags, size_arg, elem, cmds};
  };
  for (unsigned i = 0; i < info->nargs; ++i) {
    auto arg = static_cast<uint8_t>(i);
    auto next = static_cast<uint8_t>(i + 1);
    Arg type = info->args[i];
    if (compat && !same_in_compat(type)) continue;
    switch (type) {
      case Arg::kBufIn:  // what the call returned
      case Arg::kBufInHex:
        add(data, arg, CAPTURE_EXIT | CAPTURE_SIZE_RET, 0, 0);
        break;
      case Arg::kBufOut:  // as many bytes as the next argument says
      case Arg::kXattrValIn:
        add(data, arg, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, next, 0);
        break;
      // The same at a socket: the kernel side says what socket it is, and keeps a netlink
      // socket's messages whole (up to BLOB_MAX), as strace decodes them whatever -s says.
      case Arg::kSockBufIn:
        add(data, arg, CAPTURE_EXIT | CAPTURE_SIZE_RET, 0, ELEM_SOCKBUF);
        break;
      case Arg::kSockBufOut:
        add(data, arg, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, next, ELEM_SOCKBUF);
        break;
      case Arg::kSockaddrIn:  // sockaddr_storage at most, its length in the next argument
        add(kSockaddrMax, arg, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, next, 0);
        break;
      case Arg::kSockaddrOut:  // as long as the socklen_t the next argument points to says,
                               // which may be more than the room it had
        add(kSockaddrMax, arg, CAPTURE_EXIT | CAPTURE_SIZE_PTR, next, ELEM_PAGE_PREFIX);
        break;
      case Arg::kSocklen:  // the length given, then the one returned
        add(sizeof(socklen_t), arg, CAPTURE_ENTRY, 0, 0);
        add(sizeof(socklen_t), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kSysinfo:
        add(sizeof(struct sysinfo), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kFdSet:  // fds 0 to nfds - 1 (argument 0), at most FD_SETSIZE; at entry and exit
        add(kFdSetMax, arg, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, 0, ELEM_FD_SET);
        add(kFdSetMax, arg, CAPTURE_EXIT | CAPTURE_SIZE_ARG, 0, ELEM_FD_SET);
        break;
      case Arg::kFdSetEntry:
        add(kFdSetMax, arg, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, 0, ELEM_FD_SET);
        break;
      case Arg::kTimespecLeft:
      case Arg::kTimevalLeft: {
        uint32_t size = type == Arg::kTimespecLeft ? kTimespec : kTimeval;
        add(size, arg, CAPTURE_ENTRY, 0, 0);
        add(size, arg, CAPTURE_EXIT, 0, 0);
        break;
      }
      case Arg::kPselectSig:
        add(sizeof(PselectSigmask), arg, CAPTURE_ENTRY, 0, ELEM_SIGMASK);
        break;
      case Arg::kCwd:  // a path: whole, not cut at the data limit
        add(BLOB_MAX, arg, CAPTURE_EXIT | CAPTURE_SIZE_RET, 0, 0);
        break;
      case Arg::kStat:
        add(sizeof(struct stat), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kStat64:  // the i386 struct stat64
        add(kI386Stat64, arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kStatx:
        add(sizeof(struct statx), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kSigactionIn:
      case Arg::kSigactionOut:
        add(kKernelSigaction, arg, type == Arg::kSigactionIn ? CAPTURE_ENTRY : CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kSigsetIn:
        add(kKernelSigset, arg, CAPTURE_ENTRY, 0, 0);
        break;
      case Arg::kSigsetOut:  // as many bytes as the size that follows says (rt_sigpending
                             // takes fewer than a whole set)
        add(kKernelSigset, arg, CAPTURE_EXIT | CAPTURE_SIZE_ARG, next, 0);
        break;
      case Arg::kRlimitIn:
      case Arg::kRlimitOut:
        add(sizeof(struct rlimit), arg, type == Arg::kRlimitIn ? CAPTURE_ENTRY : CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kIntPair:
        add(2 * sizeof(int), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kWaitStatus:
      case Arg::kUidOut:
        add(sizeof(int), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kTimespecIn:
      case Arg::kTimespecOut:
        add(kTimespec, arg, type == Arg::kTimespecIn ? CAPTURE_ENTRY : CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kUtsname:
        add(sizeof(struct utsname), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kDirents:  // only counted: as much as fits, and the kernel counts the rest
        add(BLOB_MAX, arg, CAPTURE_EXIT | CAPTURE_SIZE_RET, 0, ELEM_DIRENTS);
        break;
      case Arg::kIovecIn:  // each element's data cut at the data limit
        add(data, arg, CAPTURE_ENTRY | CAPTURE_IOVEC, next, 0);
        break;
      case Arg::kIovecOut:  // at exit: no more in all than the call returned
        add(data, arg, CAPTURE_EXIT | CAPTURE_IOVEC, next, 0);
        break;
      case Arg::kMsghdrIn:
        add(data, arg, CAPTURE_ENTRY | CAPTURE_MSGHDR, 0, 0);
        break;
      case Arg::kMsghdrOut:  // the lengths it was given, then what it filled
        add(sizeof(struct msghdr), arg, CAPTURE_ENTRY, 0, 0);
        add(data, arg, CAPTURE_EXIT | CAPTURE_MSGHDR, 0, 0);
        break;
      case Arg::kMmsgSend:  // at exit, with the msg_len the call wrote; failed or not
        add(data, arg, CAPTURE_EXIT | CAPTURE_MSGHDR, next, ELEM_MMSG);
        break;
      case Arg::kMmsgRecv:  // at exit: each element's data no more than its msg_len
        add(data, arg, CAPTURE_EXIT | CAPTURE_MSGHDR, next, ELEM_MMSG_RECV);
        break;
      case Arg::kEpollEventIn:
        add(kEpollEvent, arg, CAPTURE_ENTRY, 0, 0);
        break;
      case Arg::kTimex:  // what the call left there: strace shows it at the exit
        add(sizeof(struct timex), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kEpollEvents:  // what the call filled: of maxevents, the next argument
        add(kEpollEventsMax, arg, CAPTURE_EXIT | CAPTURE_COUNT, next, kEpollEvent);
        break;
      case Arg::kPollFds:  // the events asked for, then the ones returned
        add(kPollFdsMax, arg, CAPTURE_ENTRY | CAPTURE_COUNT, next, sizeof(struct pollfd));
        add(kPollFdsMax, arg, CAPTURE_EXIT | CAPTURE_COUNT, next, sizeof(struct pollfd));
        break;
      case Arg::kCloneArgs:  // struct clone_args, as long as the next argument says, and
                             // the pidfd and tid the call wrote
        add(sizeof(struct clone_args), arg, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, next, 0);
        add(2 * sizeof(int32_t), arg, CAPTURE_EXIT, 0, ELEM_CLONE_OUT);
        // All the size says, up to a page: what follows the struct (as kOpenHow)
        add(BLOB_MAX, arg, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, next, 0);
        break;
      case Arg::kCpuSetOut:  // the bytes of the mask the call returned (1024 CPUs at most)
        add(sizeof(cpu_set_t), arg, CAPTURE_EXIT | CAPTURE_SIZE_RET, 0, 0);
        break;
      case Arg::kStackIn:
      case Arg::kStackOut:
        add(sizeof(stack_t), arg, type == Arg::kStackIn ? CAPTURE_ENTRY : CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kUtimes:
        add(2 * kTimespec, arg, CAPTURE_ENTRY, 0, 0);
        break;
      case Arg::kStatfs:
        add(sizeof(struct statfs), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kGroupsOut:  // up to 64 groups, the count is the return value
        add(64 * sizeof(gid_t), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kOpenHow:  // the struct, then all the size argument says (kept apart: the
                           // struct shows even where the bytes after it cannot be read)
        add(kOpenHow, arg, CAPTURE_ENTRY, 0, 0);
        add(BLOB_MAX, arg, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, next, 0);
        break;
      case Arg::kOffsetInOut:  // the offset given, then the one the call left
        add(sizeof(int64_t), arg, CAPTURE_ENTRY, 0, 0);
        add(sizeof(int64_t), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kRusageOut:
        add(sizeof(struct rusage), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kUserDescIn:
      case Arg::kLdtDesc:
        add(kUserDesc, arg, CAPTURE_ENTRY, 0, 0);
        break;
      case Arg::kUserDescOut:  // the entry asked about, then what the call filled
        add(sizeof(uint32_t), arg, CAPTURE_ENTRY, 0, 0);
        add(kUserDesc, arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kSiginfoOut:
      case Arg::kSiginfoIn:
        add(sizeof(siginfo_t), arg, type == Arg::kSiginfoIn ? CAPTURE_ENTRY : CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kTimespecRem:
        add(kTimespec, arg, CAPTURE_EXIT, 0, ELEM_RESTARTED);
        break;
      case Arg::kItimerspecIn:
      case Arg::kItimerspecOut:
        add(2 * kTimespec, arg, type == Arg::kItimerspecIn ? CAPTURE_ENTRY : CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kItimervalIn:
      case Arg::kItimervalOut:
        add(2 * kTimeval, arg, type == Arg::kItimervalIn ? CAPTURE_ENTRY : CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kPerfEventAttr:  // the struct, or what is readable of it; and its size field
                                 // again at exit, which the kernel rewrites with E2BIG
        add(kPerfEventAttr, arg, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX);
        add(kPerfAttrHead, arg, CAPTURE_EXIT, 0, ELEM_ANY_RESULT);
        break;
      case Arg::kBpfAttr:  // as long as the next argument says, up to a page; and what the
                           // kernel wrote to the head (next_id, info_len), the call failed or not
        add(BLOB_MAX, arg, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, next, 0);
        add(kBpfHead, arg, CAPTURE_EXIT, 0, ELEM_ANY_RESULT, kBpfHeadOut);
        add(0, arg, CAPTURE_ENTRY, 0, ELEM_BPF_STRINGS);  // the strings it points to
        break;
      case Arg::kUringParams:  // what the call is given, then what it filled
        add(sizeof(struct io_uring_params), arg, CAPTURE_ENTRY, 0, 0);
        add(sizeof(struct io_uring_params), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kSockoptIn:  // as long as the next argument says: a struct, or data; of a
                             // length past the struct's memory, what is readable of it
        add(data > kSockoptMax ? data : kSockoptMax, arg, CAPTURE_ENTRY | CAPTURE_SIZE_ARG,
             next, ELEM_PAGE_PREFIX);
        break;
      case Arg::kSockoptOut:  // as long as the length the next argument points to says,
                              // which may be more than the room it had
        add(data > kSockoptMax ? data : kSockoptMax, arg, CAPTURE_EXIT | CAPTURE_SIZE_PTR,
             next, ELEM_PAGE_PREFIX);
        break;
      case Arg::kUintOut:
      case Arg::kSchedParamOut:
        add(sizeof(uint32_t), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kSchedParamIn:
        add(sizeof(uint32_t), arg, CAPTURE_ENTRY, 0, 0);
        break;
      case Arg::kTimevalPair:
        add(2 * kTimeval, arg, CAPTURE_ENTRY, 0, 0);
        break;
      case Arg::kMincoreVec:
        add(kMincoreMax, arg, CAPTURE_EXIT, 0, ELEM_PAGE_PREFIX);
        break;
      case Arg::kSembuf:
        add(kSembufsMax, arg, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX);
        break;
      case Arg::kSeccompArg:  // by the operation in argument 0: the action asked about, the
                              // sizes the kernel wrote
        add(sizeof(uint32_t), arg, CAPTURE_ENTRY, 0, 0, cmd_bit(SECCOMP_GET_ACTION_AVAIL));
        add(sizeof(struct seccomp_notif_sizes), arg, CAPTURE_EXIT, 0, 0,
            cmd_bit(SECCOMP_GET_NOTIF_SIZES));
        break;
      case Arg::kSchedAttrIn:  // the struct as far as its memory goes; the size the kernel
                               // wrote back when it answered E2BIG
        add(kSchedAttr, arg, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX);
        add(sizeof(uint32_t), arg, CAPTURE_EXIT, 0, ELEM_ANY_RESULT);
        break;
      case Arg::kSchedAttrOut:
        add(kSchedAttr, arg, CAPTURE_EXIT, 0, ELEM_PAGE_PREFIX);
        break;
      case Arg::kMqAttrIn:
      case Arg::kMqAttrOut:
        add(sizeof(struct mq_attr), arg, type == Arg::kMqAttrIn ? CAPTURE_ENTRY : CAPTURE_EXIT,
            0, 0);
        break;
      case Arg::kSigevent:  // the value, signal, notification and thread's function and
                            // attributes: the first 32 bytes, all strace reads
        add(kSigeventShown, arg, CAPTURE_ENTRY, 0, 0);
        break;
      case Arg::kKexecSegments:  // KEXEC_SEGMENT_MAX of them at most, as far as their
                                 // memory goes
        add(KEXEC_SEGMENT_MAX * sizeof(struct kexec_segment), arg, CAPTURE_ENTRY, 0,
            ELEM_PAGE_PREFIX);
        break;
      case Arg::kBufOutBefore:  // as many bytes as the argument before says
        if (i > 0) add(data, arg, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, static_cast<uint8_t>(i - 1), 0);
        break;
      case Arg::kGroupsIn:  // the 32 strace shows and one more, as far as their memory goes
        add(kArrayShown * sizeof(gid_t), arg, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX);
        break;
      case Arg::kCapHeader:
        add(sizeof(struct __user_cap_header_struct), arg, CAPTURE_ENTRY, 0, 0);
        break;
      case Arg::kCapDataIn:  // two of them (one for _LINUX_CAPABILITY_VERSION_1)
      case Arg::kCapDataOut:
        add(2 * sizeof(struct __user_cap_data_struct), arg,
            type == Arg::kCapDataIn ? CAPTURE_ENTRY : CAPTURE_EXIT, 0, ELEM_PAGE_PREFIX);
        break;
      case Arg::kLandlockRulesetAttr:
        add(sizeof(struct landlock_ruleset_attr), arg, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX);
        break;
      case Arg::kLandlockRuleAttr:
        add(sizeof(struct landlock_path_beneath_attr), arg, CAPTURE_ENTRY, 0, 0);
        break;
      case Arg::kMountAttr:  // the struct, then all the size argument says (as kOpenHow)
        add(sizeof(struct mount_attr), arg, CAPTURE_ENTRY, 0, 0);
        add(BLOB_MAX, arg, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, next, 0);
        break;
      case Arg::kMpolModeOut:
        add(sizeof(int32_t), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kNodemaskIn:  // the longs strace shows and one more, as far as their memory
      case Arg::kNodemaskOut: // goes
        add(kArrayShown * sizeof(uint64_t), arg,
            type == Arg::kNodemaskIn ? CAPTURE_ENTRY : CAPTURE_EXIT, 0, ELEM_PAGE_PREFIX);
        break;
      case Arg::kPagesIn:
        add(kArrayShown * sizeof(uint64_t), arg, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX);
        break;
      case Arg::kNodesIn:
      case Arg::kPageStatusOut:
        add(kArrayShown * sizeof(int32_t), arg,
            type == Arg::kNodesIn ? CAPTURE_ENTRY : CAPTURE_EXIT, 0, ELEM_PAGE_PREFIX);
        break;
      case Arg::kFutexWaitv:
        add(kArrayShown * sizeof(struct futex_waitv), arg, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX);
        break;
      case Arg::kShortStr:  // -s + 1 bytes, or those to the end of their page
        add(string_bytes(data), arg, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX);
        break;
      case Arg::kXattrValOut:  // what the call returned
      case Arg::kXattrList:
        add(data, arg, CAPTURE_EXIT | CAPTURE_SIZE_RET, 0, 0);
        break;
      case Arg::kTimevalIn:
      case Arg::kTimevalOut:
        add(kTimeval, arg, type == Arg::kTimevalIn ? CAPTURE_ENTRY : CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kTimezoneIn:
      case Arg::kTimezoneOut:
        add(sizeof(struct timezone), arg,
            type == Arg::kTimezoneIn ? CAPTURE_ENTRY : CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kIovecAddrs:  // the elements strace shows and one more, or those to the end
                              // of their page
        add(kArrayShown * sizeof(struct iovec), arg, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX);
        break;
      case Arg::kMsgbufIn:
      case Arg::kMsgbufOut:  // mtype and -s + 1 bytes of mtext, or those to the end of the page
        add(sizeof(int64_t) + string_bytes(data), arg,
            type == Arg::kMsgbufIn ? CAPTURE_ENTRY : CAPTURE_EXIT, 0, ELEM_PAGE_PREFIX);
        break;
      case Arg::kSysctlArgs:
        add(sizeof(struct __sysctl_args), arg, CAPTURE_ENTRY, 0, 0);
        break;
      case Arg::kCpuSetIn:  // as many bytes as the size before it says, a cpu_set_t at most
        if (i > 0) add(sizeof(cpu_set_t), arg, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, i - 1, 0);
        break;
      case Arg::kPtrOut:
      case Arg::kUlongOut:
        add(sizeof(uint64_t), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kLoffIn:
        add(sizeof(int64_t), arg, CAPTURE_ENTRY, 0, 0);
        break;
      case Arg::kKcmpIdx2:  // KCMP_EPOLL_TFD's struct kcmp_epoll_slot
        add(sizeof(struct kcmp_epoll_slot), arg, CAPTURE_ENTRY, 0, 0, cmd_bit(KCMP_EPOLL_TFD));
        break;
      case Arg::kMsgctlBuf:
        add(sizeof(struct msqid64_ds), arg, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX, kIpcSet);
        add(max_size({sizeof(struct msqid64_ds), sizeof(struct msginfo)}), arg, CAPTURE_EXIT,
            0, ELEM_PAGE_PREFIX, kMsgctlOut);
        break;
      case Arg::kShmctlBuf:
        add(sizeof(struct shmid64_ds), arg, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX, kIpcSet);
        add(max_size({sizeof(struct shmid64_ds), sizeof(struct shminfo64),
                      sizeof(struct shm_info)}),
            arg, CAPTURE_EXIT, 0, ELEM_PAGE_PREFIX, kShmctlOut);
        break;
      case Arg::kSemctlArg:
        add(sizeof(struct semid64_ds), arg, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX, kIpcSet);
        add(max_size({sizeof(struct semid64_ds), sizeof(struct seminfo)}), arg, CAPTURE_EXIT,
            0, ELEM_PAGE_PREFIX, kSemctlOut);
        break;
      case Arg::kIocbs:  // the pointers, as many as the argument before says, and the
                         // structs they point to, with a write's data cut at the data limit
        if (i > 0) add(data, arg, CAPTURE_ENTRY, static_cast<uint8_t>(i - 1), ELEM_IOCBS);
        break;
      case Arg::kIocbIn:
        add(sizeof(struct iocb), arg, CAPTURE_ENTRY, 0, 0);
        break;
      case Arg::kIoEventOut:
        add(sizeof(struct io_event), arg, CAPTURE_EXIT, 0, 0);
        break;
      case Arg::kIoEvents:  // the events strace shows and one more, as far as their memory
                            // goes: the result says how many there are
        add(kArrayShown * sizeof(struct io_event), arg, CAPTURE_EXIT, 0, ELEM_PAGE_PREFIX);
        break;
      default:
        break;
    }
  }
  // fcntl's struct flock and struct f_owner_ex, by command: what F_SETLK and F_SETOWN_EX
  // read, what F_GETLK and F_GETOWN_EX filled.
  if (!compat && info->decoder == Decoder::kFcntl) {
    add(sizeof(struct flock), 2, CAPTURE_ENTRY, 0, 0, kFlockIn);
    add(sizeof(struct flock), 2, CAPTURE_EXIT, 0, 0, kFlockOut);
    add(sizeof(struct f_owner_ex), 2, CAPTURE_ENTRY, 0, 0, cmd_bit(F_SETOWN_EX));
    add(sizeof(struct f_owner_ex), 2, CAPTURE_EXIT, 0, 0, cmd_bit(F_GETOWN_EX));
  }
  // keyctl's buffers and structs by command: the payload UPDATE and INSTANTIATE read (as
  // long as argument 3 says) and INSTANTIATE_IOV's iovec, what DESCRIBE, READ,
  // GET_SECURITY and CAPABILITIES filled, DH_COMPUTE's params and KDF, the PKEY_*
  // operations' params and input.
  if (!compat && info->decoder == Decoder::kKeyctl) {
    add(data, 2, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, 3, 0,
        cmd_bit(KEYCTL_UPDATE) | cmd_bit(KEYCTL_INSTANTIATE));
    add(data, 2, CAPTURE_ENTRY | CAPTURE_IOVEC, 3, 0, cmd_bit(KEYCTL_INSTANTIATE_IOV));
    // As far as the buffer's memory goes: a result longer than the buffer was not copied.
    add(data, 2, CAPTURE_EXIT | CAPTURE_SIZE_RET, 0, ELEM_PAGE_PREFIX,
        cmd_bit(KEYCTL_DESCRIBE) | cmd_bit(KEYCTL_READ) | cmd_bit(KEYCTL_GET_SECURITY));
    add(kShownBytes, 1, CAPTURE_EXIT | CAPTURE_SIZE_RET, 0, ELEM_PAGE_PREFIX,
        cmd_bit(KEYCTL_CAPABILITIES));
    add(sizeof(struct keyctl_dh_params), 1, CAPTURE_ENTRY, 0, 0, cmd_bit(KEYCTL_DH_COMPUTE));
    add(sizeof(struct keyctl_kdf_params), 4, CAPTURE_ENTRY, 0, 0, cmd_bit(KEYCTL_DH_COMPUTE));
    constexpr uint64_t kPkeyOps = cmd_bit(KEYCTL_PKEY_ENCRYPT) | cmd_bit(KEYCTL_PKEY_DECRYPT) |
                                  cmd_bit(KEYCTL_PKEY_SIGN) | cmd_bit(KEYCTL_PKEY_VERIFY);
    add(sizeof(struct keyctl_pkey_params), 1, CAPTURE_ENTRY, 0, 0, kPkeyOps);
    // Their input, as long as the params say: the bytes strace shows of it, as far as its
    // memory goes.
    add(kShownBytes, 3, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX, kPkeyOps);
  }
  // ioctl's argument, as its request encodes it: what _IOW requests read, what _IOR ones
  // filled (ELEM_IOC).
  // And what the structs of ioc_ptr_layouts' requests point to, at entry and at exit.
  if (!compat && info->nargs > 2 && info->args[1] == Arg::kIoctlCmd) {
    add(kIoctlArgMax, 2, CAPTURE_ENTRY | CAPTURE_EXIT | CAPTURE_SIZE_ARG, 1, ELEM_IOC);
    add(data, 2, CAPTURE_ENTRY, 1, ELEM_IOC_PTRS);
    add(data, 2, CAPTURE_EXIT, 1, ELEM_IOC_PTRS);
  }
  // arch_prctl's getters: what ARCH_GET_FS and the others wrote where the second argument
  // points (8 bytes; of the setters, whose argument is a value, what is read is not shown).
#if defined(__x86_64__)
  if (!compat && info->decoder == Decoder::kArchPrctl)
    add(sizeof(uint64_t), 1, CAPTURE_EXIT, 0, 0,
        arch_prctl_bit(ARCH_GET_FS) | arch_prctl_bit(ARCH_GET_GS) |
            arch_prctl_bit(ARCH_GET_XCOMP_SUPP) | arch_prctl_bit(ARCH_GET_XCOMP_PERM) |
            arch_prctl_bit(ARCH_GET_XCOMP_GUEST_PERM));
#endif
  // prctl's task name: the 15 bytes PR_SET_NAME reads, the 16 PR_GET_NAME filled, or those
  // to the end of their page (strace reads no more of them); what the getters filled.
  if (!compat && info->decoder == Decoder::kPrctl) {
    add(TASK_COMM_LEN - 1, 1, CAPTURE_ENTRY, 0, ELEM_PAGE_PREFIX, cmd_bit(PR_SET_NAME));
    add(TASK_COMM_LEN, 1, CAPTURE_EXIT, 0, ELEM_PAGE_PREFIX, cmd_bit(PR_GET_NAME));
    // The int or pointer the getters filled.
    add(sizeof(uint64_t), 1, CAPTURE_EXIT, 0, ELEM_PAGE_PREFIX,
        cmd_bit(PR_GET_PDEATHSIG) | cmd_bit(PR_GET_TSC) | cmd_bit(PR_GET_UNALIGN) |
            cmd_bit(PR_GET_CHILD_SUBREAPER) | cmd_bit(PR_GET_TID_ADDRESS));
  }
  // fsconfig's FSCONFIG_SET_BINARY value: as many bytes as its aux argument says.
  if (!compat && info->decoder == Decoder::kFsconfig)
    add(data, 3, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, 4, 0, cmd_bit(FSCONFIG_SET_BINARY));
  // io_uring_register's argument as its opcode reads it (uring_layouts), and what the kernel
  // wrote there: the probe it filled, the worker limits it replaced.
  if (!compat && info->decoder == Decoder::kUringRegister) {
    add(BLOB_MAX, 2, CAPTURE_ENTRY | CAPTURE_SIZE_ARG, 1, ELEM_URING);
    add(BLOB_MAX, 2, CAPTURE_EXIT | CAPTURE_SIZE_ARG, 1, ELEM_URING,
        cmd_bit(IORING_REGISTER_PROBE) | cmd_bit(IORING_REGISTER_IOWQ_MAX_WORKERS));
  }
  // ptrace's: what its request reads at entry and fills at exit, as ptrace_reads says.
  if (!compat && info->decoder == Decoder::kPtrace) {
    add(0, 3, CAPTURE_ENTRY, 0, ELEM_PTRACE);
    add(0, 3, CAPTURE_EXIT, 0, ELEM_PTRACE);
  }
  // x86_64's rt_sigreturn: the mask it restores, from the signal frame on the stack.
  if (!compat && info->decoder == Decoder::kSigreturn && kSigframeCapture)
    add(kKernelSigset, 0, CAPTURE_ENTRY, 0, ELEM_SIGFRAME);
  return n;
}

static_assert(IORING_REGISTER_LAST <= URING_OPS && IORING_REGISTER_LAST < 64,
              "io_uring_register's opcodes fit uring_layouts and capture_slot.cmds");

void uring_layouts(uring_layout (&layouts)[URING_OPS]) noexcept {
  for (auto& layout : layouts) layout = uring_layout{};
  auto array = [&](unsigned op, size_t elem) { layouts[op].elem = static_cast<uint8_t>(elem); };
  // 1 + an offset, as uring_layout keeps it (0: none).
  auto off = [](size_t offset) { return static_cast<uint8_t>(offset + 1); };
  array(IORING_REGISTER_BUFFERS, sizeof(struct iovec));
  array(IORING_REGISTER_FILES, sizeof(int32_t));
  array(IORING_REGISTER_EVENTFD, sizeof(int32_t));
  array(IORING_REGISTER_EVENTFD_ASYNC, sizeof(int32_t));
  array(IORING_REGISTER_RESTRICTIONS, sizeof(struct io_uring_restriction));
  array(IORING_REGISTER_IOWQ_AFF, 1);  // the bytes of a CPU mask
  array(IORING_REGISTER_IOWQ_MAX_WORKERS, sizeof(uint32_t));
  array(IORING_REGISTER_RING_FDS, sizeof(struct io_uring_rsrc_update));
  array(IORING_UNREGISTER_RING_FDS, sizeof(struct io_uring_rsrc_update));
  // The struct and the fds it points to, as many as the size argument says.
  uring_layout& update = layouts[IORING_REGISTER_FILES_UPDATE];
  update.size = sizeof(struct io_uring_files_update);
  update.ptr_off[0] = off(offsetof(struct io_uring_files_update, fds));
  update.ptr_elem[0] = sizeof(int32_t);
  // The struct, the ops the size argument makes room for after it, whole.
  uring_layout& probe = layouts[IORING_REGISTER_PROBE];
  probe.size = sizeof(struct io_uring_probe);
  probe.elem = sizeof(struct io_uring_probe_op);
  probe.whole = 1;
  // Registrations and updates of resources: the struct (the size argument is its size, and
  // strace shows what follows it up to a page: the first 256 bytes are kept), its data (fds or
  // iovecs) and tags, as many as its nr says.
  auto rsrc = [&](unsigned op, size_t size, size_t nr, size_t data, size_t tags, bool fds) {
    uring_layout& l = layouts[op];
    l.size = static_cast<uint16_t>(size);
    l.tail = static_cast<uint16_t>(256 - size);
    l.count_off = off(nr);
    l.ptr_off[0] = off(data);
    l.ptr_off[1] = off(tags);
    l.ptr_elem[0] = fds ? sizeof(int32_t) : sizeof(struct iovec);
    l.ptr_elem[1] = sizeof(uint64_t);
  };
  using Reg = struct io_uring_rsrc_register;
  using Upd = struct io_uring_rsrc_update2;
  for (bool fds : {true, false}) {
    rsrc(fds ? IORING_REGISTER_FILES2 : IORING_REGISTER_BUFFERS2, sizeof(Reg),
         offsetof(Reg, nr), offsetof(Reg, data), offsetof(Reg, tags), fds);
    rsrc(fds ? IORING_REGISTER_FILES_UPDATE2 : IORING_REGISTER_BUFFERS_UPDATE, sizeof(Upd),
         offsetof(Upd, nr), offsetof(Upd, data), offsetof(Upd, tags), fds);
  }
  layouts[IORING_REGISTER_PBUF_RING].size = sizeof(struct io_uring_buf_reg);
  layouts[IORING_UNREGISTER_PBUF_RING].size = sizeof(struct io_uring_buf_reg);
}

// A TEE's arguments strace shows: the largest struct before the parameters, and the 32
// parameters it shows and one more.
constexpr uint32_t kTeeArgsMax =
    max_size({sizeof(struct tee_ioctl_invoke_arg), sizeof(struct tee_ioctl_open_session_arg),
              sizeof(struct tee_iocl_supp_recv_arg), sizeof(struct tee_iocl_supp_send_arg)}) +
    kArrayShown * sizeof(struct tee_ioctl_param);

void ioc_ptr_layouts(ioc_ptr_layout (&layouts)[IOC_PTR_LAYOUTS]) noexcept {
  for (auto& layout : layouts) layout = ioc_ptr_layout{};
  unsigned n = 0;
  auto layout = [&](uint32_t cmd, uint32_t guard, size_t size) -> ioc_ptr_layout& {
    ioc_ptr_layout& l = layouts[n++];
    l.cmd = cmd;
    l.guard = guard;
    l.size = static_cast<uint16_t>(size);
    return l;
  };
  // A pointer at ptr, its length (len_size bytes at len), an iovec count (count_size bytes at
  // count, 0: none), read at when, at most max bytes (0: the data limit).
  auto buf = [](size_t ptr, size_t len, size_t len_size, uint8_t when, uint16_t max = 0,
                size_t count = SIZE_MAX, size_t count_size = 0) {
    return ioc_ptr_buf{static_cast<uint8_t>(ptr + 1), static_cast<uint8_t>(len),
                       static_cast<uint8_t>(len_size),
                       static_cast<uint8_t>(count == SIZE_MAX ? 0 : count + 1),
                       static_cast<uint8_t>(count_size), when, max};
  };
  // A TEE's session and invocation arguments and their parameters, behind buf_ptr.
  using Buf = struct tee_ioctl_buf_data;
  for (uint32_t cmd : {TEE_IOC_INVOKE, TEE_IOC_OPEN_SESSION, TEE_IOC_SUPPL_RECV,
                       TEE_IOC_SUPPL_SEND})
    layout(cmd, 0, sizeof(Buf)).bufs[0] =
        buf(offsetof(Buf, buf_ptr), offsetof(Buf, buf_len), sizeof(Buf::buf_len), CAPTURE_ENTRY,
            kTeeArgsMax);
  // SG_IO's v3 header ('S'): the command and the data sent at entry, the data received and
  // the sense buffer at exit; its data an iovec array when iovec_count says so.
  using V3 = struct sg_io_hdr;
  ioc_ptr_layout& v3 = layout(SG_IO, 'S', sizeof(V3));
  v3.bufs[0] = buf(offsetof(V3, cmdp), offsetof(V3, cmd_len), sizeof(V3::cmd_len), CAPTURE_ENTRY);
  for (uint8_t when : {CAPTURE_ENTRY, CAPTURE_EXIT})
    v3.bufs[when == CAPTURE_ENTRY ? 1 : 2] =
        buf(offsetof(V3, dxferp), offsetof(V3, dxfer_len), sizeof(V3::dxfer_len), when, 0,
            offsetof(V3, iovec_count), sizeof(V3::iovec_count));
  v3.bufs[3] = buf(offsetof(V3, sbp), offsetof(V3, sb_len_wr), sizeof(V3::sb_len_wr), CAPTURE_EXIT);
  // The v4 one ('Q'): the request and the data out at entry, the response and the data in at
  // exit.
  using V4 = struct sg_io_v4;
  ioc_ptr_layout& v4 = layout(SG_IO, 'Q', sizeof(V4));
  v4.bufs[0] = buf(offsetof(V4, request), offsetof(V4, request_len), sizeof(V4::request_len),
                   CAPTURE_ENTRY);
  v4.bufs[1] = buf(offsetof(V4, dout_xferp), offsetof(V4, dout_xfer_len),
                   sizeof(V4::dout_xfer_len), CAPTURE_ENTRY, 0, offsetof(V4, dout_iovec_count),
                   sizeof(V4::dout_iovec_count));
  v4.bufs[2] = buf(offsetof(V4, response), offsetof(V4, response_len), sizeof(V4::response_len),
                   CAPTURE_EXIT);
  v4.bufs[3] = buf(offsetof(V4, din_xferp), offsetof(V4, din_xfer_len),
                   sizeof(V4::din_xfer_len), CAPTURE_EXIT, 0, offsetof(V4, din_iovec_count),
                   sizeof(V4::din_iovec_count));
}

static_assert(sizeof(struct sg_io_v4) <= 256 && sizeof(struct sg_io_hdr) <= 256 &&
                  kTeeArgsMax < ITEM_MAX,
              "the structs ioc_ptrs_item reads whole");

void ptrace_reads(ptrace_read (&reads)[2][PTRACE_REQS],
                  uint16_t (&regsets)[PTRACE_REGSETS]) noexcept {
  for (auto& when : reads)
    for (auto& read : when) read = ptrace_read{};
  for (auto& size : regsets) size = 0;
#if defined(__x86_64__)
  regsets[NT_PRSTATUS] = sizeof(struct user_regs_struct);
  regsets[NT_PRFPREG] = sizeof(struct user_fpregs_struct);
#endif
  // A request's index in the table (PTRACE_REQS: two ranges, as syscalls.h says).
  auto index = [](long request) {
    return static_cast<size_t>(request < 64 ? request : 64 + (request - PTRACE_HIGH));
  };
  // What the argument arg (addr 2, data 3) points to: size bytes, or as many as the argument
  // size_arg says, or ret_elem bytes for each element the call returned, at most size.
  auto at = [&](int when, long request, uint8_t arg, size_t size, uint8_t size_arg = 0,
                uint8_t ret_elem = 0) {
    reads[when][index(request)] = ptrace_read{static_cast<uint16_t>(size),
                                              static_cast<uint8_t>(arg + 1), size_arg,
                                              ret_elem, 0, {}};
  };
  // A struct iovec: with data (1), the regset it points to as well.
  auto iovec = [&](int when, long request, uint16_t data) {
    reads[when][index(request)] = ptrace_read{data, 4, 0, 0, 1, {}};
  };
  constexpr int kEntry = 0, kExit = 1;
  constexpr uint8_t kAddr = 2, kData = 3;
  // What the request reads: a siginfo to set, a mask of addr bytes, which signals to peek at,
  // the filter whose metadata is asked for.
  at(kEntry, PTRACE_SETSIGINFO, kData, sizeof(siginfo_t));
  at(kEntry, PTRACE_SETSIGMASK, kData, kKernelSigset, kAddr + 1);
  at(kEntry, PTRACE_PEEKSIGINFO, kAddr, sizeof(struct ptrace_peeksiginfo_args));
  at(kEntry, PTRACE_SECCOMP_GET_METADATA, kData, sizeof(uint64_t));
  // GETREGSET's and SETREGSET's iovec, the registers SETREGSET sets; after them the
  // length the kernel left and the registers GETREGSET got.
  iovec(kEntry, PTRACE_GETREGSET, 0);
  iovec(kEntry, PTRACE_SETREGSET, 1);
  iovec(kExit, PTRACE_GETREGSET, 1);
  iovec(kExit, PTRACE_SETREGSET, 0);
#if defined(__x86_64__)
  // x86's registers and FPU state, at the data argument: what SETREGS and SETFPREGS set,
  // what GETREGS and GETFPREGS got.
  at(kEntry, PTRACE_SETREGS, kData, sizeof(struct user_regs_struct));
  at(kEntry, PTRACE_SETFPREGS, kData, sizeof(struct user_fpregs_struct));
  at(kExit, PTRACE_GETREGS, kData, sizeof(struct user_regs_struct));
  at(kExit, PTRACE_GETFPREGS, kData, sizeof(struct user_fpregs_struct));
#endif
  // What it fills: a word, an event's message, a siginfo, a mask, the siginfos peeked at,
  // the filter's metadata, the syscall's information (as much as addr makes room for).
  for (long peek : {PTRACE_PEEKTEXT, PTRACE_PEEKDATA, PTRACE_PEEKUSR})
    at(kExit, peek, kData, sizeof(uint64_t));
  at(kExit, PTRACE_GETEVENTMSG, kData, sizeof(uint64_t));
  at(kExit, PTRACE_GETSIGINFO, kData, sizeof(siginfo_t));
  at(kExit, PTRACE_GETSIGMASK, kData, kKernelSigset, kAddr + 1);
  at(kExit, PTRACE_PEEKSIGINFO, kData, BLOB_MAX, 0, sizeof(siginfo_t));
  at(kExit, PTRACE_SECCOMP_GET_METADATA, kData, sizeof(struct seccomp_metadata));
  at(kExit, PTRACE_GET_SYSCALL_INFO, kData, sizeof(struct ptrace_syscall_info), kAddr + 1);
}

static_assert(PTRACE_GET_SYSCALL_INFO - PTRACE_HIGH < 64 && sizeof(siginfo_t) == 128 &&
                  BLOB_MAX / sizeof(siginfo_t) == 32,
              "ptrace's requests fit ptrace_reads; 32 siginfos, all strace shows, fit a blob");

static_assert(BPF_PROG_BIND_MAP < BPF_CMDS, "bpf's commands fit bpf_strings and capture_slot.cmds");

void bpf_string_offsets(bpf_strings (&strings)[BPF_CMDS]) noexcept {
  for (auto& s : strings) s = bpf_strings{};
  auto off = [](size_t offset) { return static_cast<uint8_t>(offset + 1); };
  strings[BPF_PROG_LOAD].off[0] = off(offsetof(union bpf_attr, license));
  strings[BPF_PROG_LOAD].off[1] = off(offsetof(union bpf_attr, log_buf));
  strings[BPF_OBJ_PIN].off[0] = off(offsetof(union bpf_attr, pathname));
  strings[BPF_OBJ_GET].off[0] = off(offsetof(union bpf_attr, pathname));
  strings[BPF_RAW_TRACEPOINT_OPEN].off[0] = off(offsetof(union bpf_attr, raw_tracepoint.name));
}

call_plan plan_call(int nr, bool compat, const CaptureOptions& options,
                    const capture_slot (&slots)[MAX_BLOBS]) noexcept {
  call_plan plan{};
  const SyscallInfo* info = info_of(nr, compat);
  if (!info) return plan;
  for (unsigned i = 0; i < info->nargs && i < 6; ++i) {
    uint8_t bit = static_cast<uint8_t>(1u << i);
    switch (info->args[i]) {
      case Arg::kPath:
      case Arg::kStr:
        if (options.strings) plan.strings |= bit;
        // A symlink's target is its content, not a path resolved now.
        if (info->args[i] == Arg::kPath && !(i == 0 && (info->roles & kRoleLinkTarget)))
          plan.paths |= bit;
        break;
      case Arg::kFd:
        plan.fds |= bit;
        break;
      case Arg::kDirFd:
        plan.dirfds |= bit;
        break;
      case Arg::kArgv:
        if (options.blobs) {
          plan.work |= WORK_EXEC | WORK_ENTRY;
          plan.argv = static_cast<uint8_t>(i | (compat ? ARGV_32BIT : 0));
        }
        break;
      case Arg::kIntPair:
        if (info->roles & kRoleFdPair) plan.fd_pair = static_cast<uint8_t>(i + 1);
        break;
      case Arg::kPollFds:  // its length is the next argument
        if (i + 1 < info->nargs) plan.fd_array = static_cast<uint8_t>(i + 1);
        break;
      case Arg::kFdSet:
      case Arg::kFdSetEntry:
        plan.fd_sets |= bit;
        break;
      default:
        break;
    }
  }
  if (info->decoder == Decoder::kFcntl) plan.cmd_arg = 2;  // its command is argument 1
#if defined(__x86_64__)
  if (info->decoder == Decoder::kArchPrctl) {  // its option is argument 0, from 0x1000
    plan.cmd_arg = 1;
    plan.cmd_base = kArchPrctlBase;
  }
#endif
  if (info->decoder == Decoder::kUringRegister) plan.cmd_arg = 2;  // its opcode, likewise
  if (info->decoder == Decoder::kKeyctl) plan.cmd_arg = 1;  // keyctl's command
  if (info->decoder == Decoder::kPrctl) plan.cmd_arg = 1;     // prctl's option
  if (info->decoder == Decoder::kFsconfig) plan.cmd_arg = 2;  // fsconfig's command
  if (info->nargs > 0 && info->args[0] == Arg::kBpfCmd) plan.cmd_arg = 1;  // bpf's command
  if (info->nargs > 0 && info->args[0] == Arg::kSeccompOp) plan.cmd_arg = 1;  // seccomp's
  for (unsigned i = 0; i < info->nargs && i < 6; ++i)  // kcmp's type
    if (info->args[i] == Arg::kKcmpType) plan.cmd_arg = static_cast<uint8_t>(i + 1);
  for (unsigned i = 0; i < info->nargs && i < 6; ++i)  // the SysV ctl calls' commands
    if (info->args[i] == Arg::kMsgctlCmd || info->args[i] == Arg::kShmctlCmd ||
        info->args[i] == Arg::kSemctlCmd)
      plan.cmd_arg = static_cast<uint8_t>(i + 1);
  if (info->ret == Ret::kFd) plan.fd_ret = FD_RET_ALWAYS;
  if (info->roles & kRoleDupFd) plan.fd_ret = FD_RET_DUPFD;
  if (!options.absolute) plan.paths = 0;
  if (!options.fd_paths) {
    plan.fd_ret = plan.fd_pair = plan.fd_array = plan.fd_sets = 0;
    plan.fds = 0;
    // --absolute alone reads directory fds only as the bases of relative paths.
    if (!options.absolute) plan.dirfds = 0;
  }
  if (plan.strings || plan.paths || plan.fd_array || plan.fd_sets ||
      (options.fd_paths && (plan.fds || plan.dirfds)))
    plan.work |= WORK_ENTRY;
  if (plan.fd_ret || plan.fd_pair) plan.work |= WORK_EXIT;
  for (const capture_slot& slot : slots) {
    if (slot.flags & CAPTURE_ENTRY) plan.work |= WORK_ENTRY;
    if (slot.flags & CAPTURE_EXIT) plan.work |= WORK_EXIT;
    if (slot.flags) ++plan.blobs;
  }
  return plan;
}

}  // namespace observer
