// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The constants of calls that take a command or a flag set of their own: SysV IPC (keys,
// the get calls' flags with their mode, the ctl commands), namespaces (setns, unshare),
// scheduling policies, I/O priorities, modules, seccomp, kcmp, reboot, membarrier, memfd,
// userfaultfd, mlock, flock, fallocate, inotify and kexec_load; how many arguments kcmp and
// reboot take by their command; and the results strace names (sched_getscheduler's policy,
// ioprio_get's priority). As strace 6.1 shows them (its ipc_*.c, ns.c, sched.c, ioprio.c,
// bjm.c, seccomp.c, kcmp.c, reboot.c, membarrier.c, memfd_create.c, fanotify.c and others).
// The small structs and arrays some of them read or fill: getcpu's cpu and node,
// sched_param, futimesat's timevals, mincore's vector, semop's sembufs, seccomp's action;
// the credentials' capabilities and groups, landlock's rules and mount_setattr's struct
// mount_attr.
#include <linux/capability.h>
#include <linux/futex.h>
#include <linux/kcmp.h>
#include <linux/kexec.h>
#include <linux/landlock.h>
#include <linux/mount.h>
#include <linux/mqueue.h>
#include <linux/msg.h>
#include <linux/sched/types.h>
#include <linux/seccomp.h>
#include <linux/sem.h>
#include <linux/shm.h>

#include <signal.h>

#include <cerrno>
#include <cstddef>
#include <cstring>

#include "decode_fields.h"
#include "decode_printers.h"
#include "decode_structs.h"
#include "event.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;

constexpr uint32_t kIpc64 = 0x100;           // IPC_64 of linux/ipc.h
constexpr unsigned kShmHugeShift = 26;       // SHM_HUGE_SHIFT and MFD_HUGE_SHIFT
constexpr uint32_t kShmHugeMask = 0x3fu << kShmHugeShift;
constexpr uint32_t kFanClassBits = 0xc;      // FAN_ALL_CLASS_BITS
constexpr unsigned kIoprioClassShift = 13;   // IOPRIO_CLASS_SHIFT of linux/ioprio.h
constexpr uint32_t kIoprioDataMask = (1u << kIoprioClassShift) - 1;
constexpr uint32_t kKexecArchMask = 0xffff0000;  // KEXEC_ARCH_MASK of linux/kexec.h
constexpr uint32_t kSwapFlagPrioMask = 0x7fff;   // SWAP_FLAG_PRIO_MASK

// SHUT_* are the C library's (sys/socket.h): no uapi header defines them.
constexpr Flag kShutdownHows[] = {{0, "SHUT_RD"}, {1, "SHUT_WR"}, {2, "SHUT_RDWR"}};

// Flags, then a huge page size as "21<<SHM_HUGE_SHIFT" (shmget, memfd_create): the flags
// alone when there is no size, nothing for no flags when there is. Each part as -X asks.
template <size_t N>
char* put_huge_flags(char* out, uint32_t v, const Flag (&flags)[N], std::string_view unknown,
                     std::string_view shift) {
  uint32_t huge = v & kShmHugeMask, rest = v & ~kShmHugeMask;
  if (rest || !huge)  // shmget's unknown flags without a comment, memfd_create's with one
    out = unknown.empty() ? put_flags(out, rest, flags) : put_flag_set(out, rest, flags, unknown);
  if (!huge) return out;
  if (rest) out = put(out, "|");
  out = put(put_num(out, huge >> kShmHugeShift), "<<");
  return put_xlat_dec(out, kShmHugeShift, [shift](char* o) { return put(o, shift); });
}

// msgget's and semget's flags (IPC_CREAT|IPC_EXCL), shmget's (SHM_HUGETLB and a huge page
// size as well), then the mode: 0600, or IPC_CREAT|0600.
char* put_ipc_get_flags(char* out, uint32_t v, bool shm) {
  uint32_t flags = v & ~0777u;
  if (shm && flags)
    out = put(put_huge_flags(out, flags, uapi::k_shm_resource_flags, "", "SHM_HUGE_SHIFT"), "|");
  else if (flags)
    out = put(put_flags(out, flags, uapi::k_ipc_resource_flags), "|");
  return put_mode(out, v & 0777);
}

// A ctl command: IPC_64| before it when set, then its name.
template <size_t N>
char* put_ipc_cmd(char* out, uint32_t v, const Flag (&cmds)[N], std::string_view unknown) {
  if (v & kIpc64)
    out = put(put_xlat_hex(out, kIpc64, [](char* o) { return put(o, "IPC_64"); }), "|");
  return put_xval(out, v & ~kIpc64, cmds, unknown);
}

// fanotify_init's flags: the notification class, then the flags.
char* put_fan_init_flags(char* out, uint32_t v) {
  out = put_xval(out, v & kFanClassBits, uapi::k_fan_classes, "FAN_CLASS_???");
  uint32_t flags = v & ~kFanClassBits;
  if (!flags) return out;
  return put_flag_set(put(out, "|"), flags, uapi::k_fan_init_flags, "FAN_???");
}

// kexec_load's flags: the architecture in the upper half, then the flags.
char* put_kexec_flags(char* out, uint64_t v) {
  out = put_xval(out, v & kKexecArchMask, uapi::k_kexec_arch_values, "KEXEC_ARCH_???");
  uint64_t flags = v & ~uint64_t{kKexecArchMask};
  if (!flags) return out;
  return put_flag_set(put(out, "|"), flags, uapi::k_kexec_load_flags, "KEXEC_???");
}

// swapon's flags, then the priority in decimal: SWAP_FLAG_PREFER|10, or 10 alone.
char* put_swap_flags(char* out, uint32_t v) {
  if (uint32_t flags = v & ~kSwapFlagPrioMask)
    out = put(put_flag_set(out, flags, uapi::k_swap_flags, "SWAP_FLAG_???"), "|");
  return put_num(out, v & kSwapFlagPrioMask);
}

// IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4); the class as -X asks (0x2 /* IOPRIO_CLASS_BE */).
char* put_ioprio(char* out, uint32_t v) {
  out = put_xval(put(out, "IOPRIO_PRIO_VALUE("), v >> kIoprioClassShift, uapi::k_ioprio_class,
                 "IOPRIO_CLASS_???");
  return put(put_num(put(out, ", "), v & kIoprioDataMask), ")");
}

// An I/O priority as -X asks: the macro; the number alone; or the number and the macro in
// a comment. The number in hex (an iocb's aio_reqprio) or decimal (ioprio_set's argument).
char* put_ioprio_number(char* out, uint32_t v, bool hex) {
  Xlat x = display().xlat;
  if (x == Xlat::kAbbrev) return put_ioprio(out, v);
  out = hex ? put_hex(out, v) : put_num(out, v);
  if (x == Xlat::kRaw) return out;
  return put(put_ioprio(put(out, " /* "), v), " */");
}

}  // namespace

char* put_ioprio_value(char* out, uint32_t v) noexcept {
  return put_ioprio_number(out, v, true);
}

char* put_sys_arg(char* out, Arg type, uint64_t v, const __u64* args) noexcept {
  auto u = static_cast<uint32_t>(v);
  switch (type) {
    case Arg::kIpcKey:
      return u ? put_hex(out, u) : put_xlat_hex(out, 0, [](char* o) {
        return put(o, "IPC_PRIVATE");
      });
    case Arg::kIpcFlags:
      return put_ipc_get_flags(out, u, false);
    case Arg::kShmFlags:
      return put_ipc_get_flags(out, u, true);
    case Arg::kMsgctlCmd:
      return put_ipc_cmd(out, u, uapi::k_msgctl_cmds, "MSG_???");
    case Arg::kSemctlCmd:
      return put_ipc_cmd(out, u, uapi::k_semctl_cmds, "SEM_???");
    case Arg::kShmctlCmd:
      return put_ipc_cmd(out, u, uapi::k_shmctl_cmds, "SHM_???");
    case Arg::kShmatFlags:
      return put_flag_set(out, u, uapi::k_shm_flags, "SHM_???");
    case Arg::kIpcMsgFlags:
      return put_flag_set(out, u, uapi::k_ipc_msg_flags, "MSG_???");
    case Arg::kMsyncFlags:
      return put_flag_set(out, u, uapi::k_msync_flags, "MS_???");
    case Arg::kSetnsType:
      return put_flag_set(out, u, uapi::k_setns_types, "CLONE_NEW???");
    case Arg::kUnshareFlags:
      return put_flag_set(out, v, uapi::k_unshare_flags, "CLONE_???");
    case Arg::kSchedPolicy:
      return put_xval(out, u, uapi::k_schedulers, "SCHED_???");
    case Arg::kEpollCtlOp:
      return put_xval(out, u, uapi::k_epoll_ctl_ops, "EPOLL_CTL_???");
    case Arg::kPidfdOpenFlags:
      return put_flag_set(out, u, uapi::k_pidfd_open_flags, "PIDFD_???");
    case Arg::kOpenTreeFlags:
      return put_flag_set(out, u, uapi::k_open_tree_flags, "OPEN_TREE_???");
    case Arg::kDeleteModuleFlags:
      return put_flag_set(out, u, uapi::k_delete_module_flags, "O_???");
    case Arg::kModuleInitFlags:
      return put_flag_set(out, u, uapi::k_module_init_flags, "MODULE_INIT_???");
    case Arg::kFanInitFlags:
      return put_fan_init_flags(out, u);
    case Arg::kSeccompOp:
      return put_xval(out, u, uapi::k_seccomp_ops, "SECCOMP_SET_MODE_???");
    case Arg::kSeccompFlags:
      // Only SECCOMP_SET_MODE_FILTER's flags have names.
      if (args[0] != 1) return put_hex(out, u);
      return put_flag_set(out, u, uapi::k_seccomp_filter_flags, "SECCOMP_FILTER_FLAG_???");
    case Arg::kXattrFlags:
      return put_flag_set(out, u, uapi::k_xattr_flags, "XATTR_???");
    case Arg::kPrioWhich:
      return put_xval(out, u, uapi::k_priorities, "PRIO_???");
    case Arg::kMemfdFlags:  // as one number with -X raw, unlike shmget's
      return put_xlat_hex(out, u, [u](char* o) {
        return put_huge_flags(o, u, uapi::k_memfd_create_flags, "MFD_???", "MFD_HUGE_SHIFT");
      });
    case Arg::kSecretmemFlags:  // unknown bits without a comment, as strace's "" default
      return put_flags(out, u, uapi::k_secretmem_flags);
    case Arg::kUffdFlags:
      return put_flag_set(out, u, uapi::k_uffd_flags, "UFFD_???");
    case Arg::kKcmpType:
      return put_xval(out, u, uapi::k_kcmp_types, "KCMP_???");
    case Arg::kKcmpIdx: {
      // An fd for the types that compare files, a word for others.
      uint32_t kcmp = static_cast<uint32_t>(args[2]);
      if (kcmp == 0 || kcmp == 7) return put_num(out, static_cast<int32_t>(v));  // FILE, EPOLL_TFD
      return put_hex(out, v);
    }
    case Arg::kKcmpIdx2: {
      uint32_t kcmp = static_cast<uint32_t>(args[2]);
      if (kcmp == 0) return put_num(out, static_cast<int32_t>(v));
      if (kcmp == 7) return put_addr(out, v);  // a kcmp_epoll_slot
      return put_hex(out, v);
    }
    case Arg::kIoprioWho:
      return put_xval(out, u, uapi::k_ioprio_who, "IOPRIO_WHO_???");
    case Arg::kIoprio:
      return put_ioprio_number(out, u, false);
    case Arg::kMlockFlags:
      return put_flag_set(out, u, uapi::k_mlock_flags, "MLOCK_???");
    case Arg::kMlockallFlags:
      return put_flag_set(out, u, uapi::k_mlockall_flags, "MCL_???");
    case Arg::kFlockOp:
      return put_flag_set(out, u, uapi::k_flock_ops, "LOCK_???");
    case Arg::kSyncFileRangeFlags:
      return put_flag_set(out, u, uapi::k_sync_file_range_flags, "SYNC_FILE_RANGE_???");
    case Arg::kFallocMode:
      return put_flag_set(out, u, uapi::k_falloc_flags, "FALLOC_FL_???");
    case Arg::kInotifyMask:
      return put_flag_set(out, u, uapi::k_inotify_flags, "IN_???");
    case Arg::kInotifyInitFlags:
      return put_flag_set(out, u, uapi::k_inotify_init_flags, "IN_???");
    case Arg::kKexecFlags:
      return put_kexec_flags(out, v);
    case Arg::kRebootMagic1:
      return put_xval(out, u, uapi::k_reboot_magic1, "LINUX_REBOOT_MAGIC_???");
    case Arg::kRebootMagic2:
      return put_xval(out, u, uapi::k_reboot_magic2, "LINUX_REBOOT_MAGIC_???");
    case Arg::kRebootCmd:
      return put_xval(out, u, uapi::k_reboot_cmds, "LINUX_REBOOT_CMD_???");
    case Arg::kMembarrierCmd:
      return put_xval(out, u, uapi::k_membarrier_cmds, "MEMBARRIER_CMD_???");
    case Arg::kMembarrierFlags:
      return put_flag_set(out, u, uapi::k_membarrier_flags, "MEMBARRIER_CMD_FLAG_???");
    case Arg::kSwapFlags:
      return put_swap_flags(out, u);
    case Arg::kSfdFlags:
      return put_flag_set(out, u, uapi::k_sfd_flags, "SFD_???");
    case Arg::kTfdFlags:
      return put_flag_set(out, u, uapi::k_tfd_flags, "TFD_???");
    case Arg::kSpliceFlags:
      return put_flag_set(out, u, uapi::k_splice_flags, "SPLICE_F_???");
    case Arg::kShutdownHow:
      return put_xval(out, u, kShutdownHows, "SHUT_???");
    case Arg::kGetMempolicyFlags:
      return put_flag_set(out, v, uapi::k_get_mempolicy_flags, "MPOL_???");
    case Arg::kHandleAtFlags:
      return put_flag_set(out, u, uapi::k_name_to_handle_at_flags, "AT_???");
    default:
      return nullptr;
  }
}

// ", name=value" for each field, in order.
struct Field {
  std::string_view name;
  int64_t value;
};

char* put_fields(char* out, std::initializer_list<Field> fields) {
  for (const Field& f : fields) out = put_num(put(put(put(out, ", "), f.name), "="), f.value);
  return out;
}

char* put_id(char* out, uint32_t id) {  // strace's printuid: -1 as -1
  return id == UINT32_MAX ? put(out, "-1") : put_num(out, id);
}

// struct ipc64_perm as the ctl calls show it: IPC_SET's uid, gid and mode only.
char* put_ipc_perm(char* out, std::string_view name, const struct ipc64_perm& p, bool set) {
  out = put_id(put(put(out, name), "={uid="), p.uid);
  out = put_mode(put(put_id(put(out, ", gid="), p.gid), ", mode="), p.mode);
  if (!set) {
    out = put_num(put(out, ", key="), static_cast<uint32_t>(p.key));
    out = put_id(put(out, ", cuid="), p.cuid);
    out = put_id(put(out, ", cgid="), p.cgid);
  }
  return put(out, "}");
}

constexpr fields::Field kShminfo[] = {
    {OBS_FIELD(shminfo64, shmmax)}, {OBS_FIELD(shminfo64, shmmin)},
    {OBS_FIELD(shminfo64, shmmni)}, {OBS_FIELD(shminfo64, shmseg)},
    {OBS_FIELD(shminfo64, shmall)}};
constexpr fields::Field kShmInfo[] = {
    {OBS_FIELD(shm_info, used_ids)},      {OBS_FIELD(shm_info, shm_tot)},
    {OBS_FIELD(shm_info, shm_rss)},       {OBS_FIELD(shm_info, shm_swp)},
    {OBS_FIELD(shm_info, swap_attempts)}, {OBS_FIELD(shm_info, swap_successes)}};

// msgctl's, shmctl's and semctl's buffer by command (IPC_64 apart), or nullptr when the
// command takes none or it was not captured.
char* put_ipc_buf(char* out, Arg type, uint32_t cmd, std::string_view b) {
  bool set = cmd == IPC_SET;
  if (type == Arg::kMsgctlBuf && (cmd == IPC_INFO || cmd == MSG_INFO)) {
    struct msginfo m;
    if (!load_at(b, 0, &m)) return nullptr;
    out = put_num(put(out, "{msgpool="), m.msgpool);
    out = put_fields(out, {{"msgmap", m.msgmap}, {"msgmax", m.msgmax}, {"msgmnb", m.msgmnb},
                           {"msgmni", m.msgmni}, {"msgssz", m.msgssz}, {"msgtql", m.msgtql},
                           {"msgseg", static_cast<uint16_t>(m.msgseg)}});
    return put(out, "}");
  }
  if (type == Arg::kMsgctlBuf) {
    struct msqid64_ds d;
    if (!load_at(b, 0, &d)) return nullptr;
    out = put_ipc_perm(put(out, "{"), "msg_perm", d.msg_perm, set);
    if (!set)
      out = put_fields(out, {{"msg_stime", d.msg_stime}, {"msg_rtime", d.msg_rtime},
                             {"msg_ctime", d.msg_ctime},
                             {"msg_qnum", static_cast<int64_t>(d.msg_qnum)}});
    out = put_num(put(out, ", msg_qbytes="), static_cast<uint64_t>(d.msg_qbytes));
    if (!set) out = put_fields(out, {{"msg_lspid", d.msg_lspid}, {"msg_lrpid", d.msg_lrpid}});
    return put(out, "}");
  }
  if (type == Arg::kShmctlBuf && cmd == IPC_INFO) {
    struct shminfo64 m;
    return load_at(b, 0, &m) ? fields::put_fields(out, m, kShminfo) : nullptr;
  }
  if (type == Arg::kShmctlBuf && cmd == SHM_INFO) {
    struct shm_info m;
    return load_at(b, 0, &m) ? fields::put_fields(out, m, kShmInfo) : nullptr;
  }
  if (type == Arg::kShmctlBuf) {
    struct shmid64_ds d;
    if (!load_at(b, 0, &d)) return nullptr;
    out = put_ipc_perm(put(out, "{"), "shm_perm", d.shm_perm, set);
    if (!set) {
      out = put_num(put(out, ", shm_segsz="), static_cast<uint64_t>(d.shm_segsz));
      out = put_fields(out, {{"shm_cpid", d.shm_cpid}, {"shm_lpid", d.shm_lpid},
                             {"shm_nattch", static_cast<int64_t>(d.shm_nattch)},
                             {"shm_atime", d.shm_atime}, {"shm_dtime", d.shm_dtime},
                             {"shm_ctime", d.shm_ctime}});
    }
    return put(out, "}");
  }
  if (cmd == IPC_INFO || cmd == SEM_INFO) {
    struct seminfo m;
    if (!load_at(b, 0, &m)) return nullptr;
    out = put_num(put(out, "{semmap="), m.semmap);
    out = put_fields(out, {{"semmni", m.semmni}, {"semmns", m.semmns}, {"semmnu", m.semmnu},
                           {"semmsl", m.semmsl}, {"semopm", m.semopm}, {"semume", m.semume},
                           {"semusz", m.semusz}, {"semvmx", m.semvmx}, {"semaem", m.semaem}});
    return put(out, "}");
  }
  struct semid64_ds d;
  if (!load_at(b, 0, &d)) return nullptr;
  out = put_ipc_perm(put(out, "{"), "sem_perm", d.sem_perm, set);
  if (!set)
    out = put_fields(out, {{"sem_otime", static_cast<int64_t>(d.sem_otime)},
                           {"sem_ctime", static_cast<int64_t>(d.sem_ctime)},
                           {"sem_nsems", static_cast<int64_t>(d.sem_nsems)}});
  return put(out, "}");
}

static_assert(sizeof(struct sched_attr) == 56, "capture_plan.cpp's kSchedAttr");

// struct sched_attr as strace shows it: sched_setattr's (set) as long as its size field says
// (0: the first published 48 bytes), sched_getattr's as the kernel's size says; the fields
// SCHED_FLAG_KEEP_POLICY and SCHED_FLAG_KEEP_PARAMS leave out, then "..." for a size past
// what is known. nullptr when the bytes strace reads are not there.
char* put_sched_attr(char* out, std::string_view bytes, bool set, uint32_t given) {
  constexpr uint32_t kVer0 = SCHED_ATTR_SIZE_VER0, kMax = sizeof(struct sched_attr);
  constexpr uint64_t kKeepPolicy = 0x08, kKeepParams = 0x10;  // SCHED_FLAG_KEEP_*
  struct sched_attr a = {};
  uint32_t size, want;
  if (set) {
    if (!load_at(bytes, 0, &a.size)) return nullptr;
    given = a.size ? a.size : kVer0;
    size = given < kMax ? given : kMax;
    if (size >= kVer0) {
      if (bytes.size() < size) return nullptr;
      std::memcpy(&a, bytes.data(), size);
    }
  } else {
    want = given < kMax ? given : kMax;
    if (bytes.size() < want) return nullptr;
    std::memcpy(&a, bytes.data(), want);
    size = a.size;
  }
  out = put_num(put(out, "{size="), a.size);
  if (size >= kVer0) {
    bool keep = a.sched_flags & (kKeepPolicy | kKeepParams);
    if (!set || static_cast<int32_t>(a.sched_policy) < 0 || !keep)
      out = put_xval(put(out, ", sched_policy="), a.sched_policy, uapi::k_schedulers,
                     "SCHED_???");
    out = put_flag_set(put(out, ", sched_flags="), a.sched_flags, uapi::k_sched_flags,
                       "SCHED_FLAG_???");
    if (!set || !(a.sched_flags & kKeepParams)) {
      out = put_num(put(out, ", sched_nice="), a.sched_nice);
      out = put_num(put(out, ", sched_priority="), a.sched_priority);
      out = put_num(put(out, ", sched_runtime="), a.sched_runtime);
      out = put_num(put(out, ", sched_deadline="), a.sched_deadline);
      out = put_num(put(out, ", sched_period="), a.sched_period);
    }
    if (size >= kMax) {
      out = put_num(put(out, ", sched_util_min="), a.sched_util_min);
      out = put_num(put(out, ", sched_util_max="), a.sched_util_max);
    }
  }
  if ((set ? given : a.size) > size) out = put(out, ", ...");
  return put(out, "}");
}

char* put_sys_struct(char* out, Arg type, const Event& e, const Strings& items,
                     unsigned i) noexcept {
  uint64_t v = e.args[i];
  bool cut = false;
  const std::string_view* bytes = items.find_blob(i, &cut);
  auto pointer = [&] { return put_addr(out, v); };
  switch (type) {
    case Arg::kUintOut:
    case Arg::kSchedParamIn:
    case Arg::kSchedParamOut: {  // [1]: the priority is a C int
      uint32_t u;
      if (!v || !bytes || !load_at(*bytes, 0, &u)) return pointer();
      out = put(out, "[");
      out = type == Arg::kUintOut ? put_num(out, u) : put_num(out, static_cast<int32_t>(u));
      return put(out, "]");
    }
    case Arg::kTimevalPair:
      if (!v || !bytes) return pointer();
      return put_timevals(out, *bytes);
    case Arg::kMincoreVec: {  // a byte for each page of the length, its lowest bit
      constexpr uint64_t kPage = 4096;
      uint64_t len = e.args[1], pages = len / kPage + (len % kPage ? 1 : 0);
      if (!bytes) return pointer();
      return put_array(out, v, pages, 1, *bytes, [](char* o, const char* p) {
        return put_num(o, static_cast<unsigned>(static_cast<uint8_t>(*p) & 1));
      });
    }
    case Arg::kSembuf: {  // the count follows
      if (!bytes || i + 1 >= 6) return pointer();
      auto count = static_cast<uint32_t>(e.args[i + 1]);
      return put_array(out, v, count, sizeof(struct sembuf), *bytes,
                       [](char* o, const char* p) {
        struct sembuf sb;
        std::memcpy(&sb, p, sizeof(sb));
        o = put_num(put(o, "{sem_num="), sb.sem_num);
        o = put_num(put(o, ", sem_op="), sb.sem_op);
        o = put(o, ", sem_flg=");
        return put(put_flag_set(o, static_cast<uint16_t>(sb.sem_flg), uapi::k_semop_flags,
                                "SEM_???"), "}");
      });
    }
    case Arg::kSchedAttrIn:
    case Arg::kSchedAttrOut: {
      bool set = type == Arg::kSchedAttrIn;
      const std::string_view* in = nullptr;
      for (unsigned k = 0; k < items.count; ++k)  // the struct, not the size read at exit
        if (items.arg[k] == i && items.kind[k] == ITEM_BLOB &&
            (!set || !(items.at_exit & (1u << k))))
          in = &items.value[k];
      if (!v || !in || (!set && (i + 1 >= 6 || e.args[i + 1] == 0))) return pointer();
      char* end = put_sched_attr(out, *in, set, set ? 0 : static_cast<uint32_t>(e.args[i + 1]));
      if (!end) return pointer();
      const std::string_view* now = set ? items.find_exit_blob(i) : nullptr;
      uint32_t size;
      if (now && (e.flags & EVENT_HAS_RET) && e.ret == -E2BIG && load_at(*now, 0, &size))
        end = put(put_num(put(end, " => {size="), size), "}");
      return end;
    }
    case Arg::kMqAttrIn:
    case Arg::kMqAttrOut: {  // mq_open's (argument 3) flags in hex
      struct mq_attr a;
      if (!v || !bytes || !load_at(*bytes, 0, &a)) return pointer();
      out = put(out, "{mq_flags=");
      out = i == 3 ? put_hex(out, static_cast<uint64_t>(a.mq_flags))
                   : put_flag_set(out, static_cast<uint64_t>(a.mq_flags), uapi::k_mq_attr_flags,
                                  "O_???");
      out = put_num(put(out, ", mq_maxmsg="), a.mq_maxmsg);
      out = put_num(put(out, ", mq_msgsize="), a.mq_msgsize);
      return put(put_num(put(out, ", mq_curmsgs="), a.mq_curmsgs), "}");
    }
    case Arg::kSigevent: {
      // The C library's struct sigevent is the kernel's: its first 32 bytes.
      constexpr size_t kShown = offsetof(struct sigevent, _sigev_un._sigev_thread._attribute) + 8;
      struct sigevent sev = {};
      if (!v || !bytes || bytes->size() < kShown) return pointer();
      std::memcpy(&sev, bytes->data(), kShown);
      auto ptr = reinterpret_cast<uint64_t>(sev.sigev_value.sival_ptr);
      out = put(out, "{");
      if (ptr) {
        out = put_num(put(out, "sigev_value={sival_int="), sev.sigev_value.sival_int);
        out = put(put_hex(put(out, ", sival_ptr="), ptr), "}, ");
      }
      out = put(out, "sigev_signo=");
      bool signal = sev.sigev_notify == SIGEV_SIGNAL || sev.sigev_notify == SIGEV_THREAD ||
                    sev.sigev_notify == SIGEV_THREAD_ID;
      out = signal ? put_signal(out, sev.sigev_signo)
                   : put_num(out, static_cast<uint32_t>(sev.sigev_signo));
      out = put_xval(put(out, ", sigev_notify="), static_cast<uint32_t>(sev.sigev_notify),
                     uapi::k_sigev_notify, "SIGEV_???");
      if (sev.sigev_notify == SIGEV_THREAD_ID)
        out = put_num(put(out, ", sigev_notify_thread_id="), sev._sigev_un._tid);
      if (sev.sigev_notify == SIGEV_THREAD) {
        auto fn = reinterpret_cast<uint64_t>(sev._sigev_un._sigev_thread._function);
        auto attr = reinterpret_cast<uint64_t>(sev._sigev_un._sigev_thread._attribute);
        out = put(out, ", sigev_notify_function=");
        out = put_addr(out, fn);
        out = put(out, ", sigev_notify_attributes=");
        out = put_addr(out, attr);
      }
      return put(out, "}");
    }
    case Arg::kKexecSegments: {  // the count is the argument before; more than the kernel
                                 // takes: the address
      if (!bytes || i == 0 || e.args[i - 1] > KEXEC_SEGMENT_MAX) return pointer();
      return put_array(out, v, e.args[i - 1], sizeof(struct kexec_segment), *bytes,
                       [](char* o, const char* p) {
        struct kexec_segment seg;
        std::memcpy(&seg, p, sizeof(seg));
        auto addr = [](char* w, const void* a) {
          auto x = reinterpret_cast<uint64_t>(a);
          return put_addr(w, x);
        };
        o = addr(put(o, "{buf="), seg.buf);
        o = put_num(put(o, ", bufsz="), static_cast<uint64_t>(seg.bufsz));
        o = addr(put(o, ", mem="), seg.mem);
        return put(put_num(put(o, ", memsz="), static_cast<uint64_t>(seg.memsz)), "}");
      });
    }
    case Arg::kMsgctlBuf:
    case Arg::kShmctlBuf:
    case Arg::kSemctlArg: {  // the command is the argument before
      if (!v || !bytes || i == 0) return pointer();
      char* end = put_ipc_buf(out, type, static_cast<uint32_t>(e.args[i - 1]) & ~kIpc64, *bytes);
      return end ? end : pointer();
    }
    case Arg::kKcmpIdx2: {  // KCMP_EPOLL_TFD's slot, when it was read
      struct kcmp_epoll_slot slot;
      if (!v || !bytes || static_cast<uint32_t>(e.args[2]) != KCMP_EPOLL_TFD ||
          !load_at(*bytes, 0, &slot))
        return nullptr;
      out = put_num(put(out, "{efd="), static_cast<int32_t>(slot.efd));
      out = put_num(put(out, ", tfd="), static_cast<int32_t>(slot.tfd));
      return put(put_num(put(out, ", toff="), slot.toff), "}");
    }
    case Arg::kSeccompArg:
      if (!v || !bytes) return pointer();
      switch (static_cast<uint32_t>(e.args[0])) {
        case SECCOMP_GET_ACTION_AVAIL: {
          uint32_t action;
          if (!load_at(*bytes, 0, &action)) return pointer();
          out = put_xval(put(out, "["), action, uapi::k_seccomp_ret_actions, "SECCOMP_RET_???");
          return put(out, "]");
        }
        case SECCOMP_GET_NOTIF_SIZES: {
          struct seccomp_notif_sizes sizes;
          if (!load_at(*bytes, 0, &sizes)) return pointer();
          out = put_num(put(out, "{seccomp_notif="), sizes.seccomp_notif);
          out = put_num(put(out, ", seccomp_notif_resp="), sizes.seccomp_notif_resp);
          return put(put_num(put(out, ", seccomp_data="), sizes.seccomp_data), "}");
        }
        default:
          return pointer();
      }
    default:
      return put_value_arg(out, type, e, items, i);
  }
}

bool sys_args_end(Arg type, uint64_t v) noexcept {
  switch (type) {
    case Arg::kKcmpType: {  // the indexes of the types that compare one thing of each
      auto kcmp = static_cast<uint32_t>(v);
      return kcmp >= 1 && kcmp <= 6;  // KCMP_VM ... KCMP_SYSVSEM
    }
    case Arg::kRebootCmd:  // the argument of LINUX_REBOOT_CMD_RESTART2 only
      return static_cast<uint32_t>(v) != 0xa1b2c3d4;
    case Arg::kMembarrierFlags:  // a cpu only when the flags say there is one
      return !(v & 1);         // MEMBARRIER_CMD_FLAG_CPU
    default:
      return false;
  }
}

namespace {

// strace's PRINT_VAL_0X: as many characters as the value's hex digits, 0x00000001 and
// 00000000 of 32 bits, 0x0000000000000001 of 64.
char* put_padded_hex(char* out, uint64_t v, size_t width) {
  char digits[24];
  char* end = put_hex(digits, v);  // 0x and the digits
  size_t n = static_cast<size_t>(end - digits);
  if (!v) {
    std::memset(out, '0', width);
    return out + width;
  }
  out = put(out, "0x");
  for (size_t k = n; k < width; ++k) *out++ = '0';
  return put(out, std::string_view(digits + 2, n - 2));
}

// strace's print_cap_bits: the low half, or both joined by "|" where the high one is set.
char* put_cap_bits(char* out, uint32_t lo, uint32_t hi) {
  // strace's cap_mask0 and cap_mask1: the capabilities from 0 and from 32 on.
  if (lo || !hi) out = put_bit_flags(out, lo, uapi::k_capabilities, "CAP_???");
  if (hi) out = put_bit_flags(lo ? put(out, "|") : out, hi, uapi::k_capabilities, "CAP_???", 32);
  return out;
}

}  // namespace

char* put_sys_pointee(char* out, Arg type, uint64_t v, const Strings& items, unsigned i,
                      const __u64* args) noexcept {
  bool cut = false;
  const std::string_view* bytes = items.find_blob(i, &cut);
  auto pointer = [&] { return put_addr(out, v); };
  switch (type) {
    case Arg::kGroupsIn: {  // the count is the argument before; more than NGROUPS_MAX: the
                            // address
      constexpr uint32_t kNgroupsMax = 65536;
      auto count = static_cast<uint32_t>(args[i - (i > 0)]);
      if (i == 0 || count > kNgroupsMax || (!bytes && v && count)) return pointer();
      return put_array(out, v, count, sizeof(uint32_t), bytes ? *bytes : std::string_view(),
                       [](char* o, const char* p) {
        uint32_t gid;
        std::memcpy(&gid, p, sizeof(gid));
        return gid == UINT32_MAX ? put(o, "-1") : put_num(o, gid);
      });
    }
    case Arg::kCapHeader: {
      struct __user_cap_header_struct h;
      if (!v || !bytes || !load_at(*bytes, 0, &h)) return pointer();
      out = put_xval(put(out, "{version="), h.version, uapi::k_cap_version,
                     "_LINUX_CAPABILITY_VERSION_???");
      return put(put_num(put(out, ", pid="), h.pid), "}");
    }
    case Arg::kCapDataIn:
    case Arg::kCapDataOut: {  // as many as the header's version says (argument 0)
      const std::string_view* head = items.find_blob(0, &cut);
      struct __user_cap_header_struct h;
      struct __user_cap_data_struct d[2] = {};
      if (!v || !bytes || !head || !load_at(*head, 0, &h)) return pointer();
      size_t n = h.version == _LINUX_CAPABILITY_VERSION_2 ||
                         h.version == _LINUX_CAPABILITY_VERSION_3 ? 2 : 1;
      if (bytes->size() < n * sizeof(d[0])) return pointer();
      std::memcpy(d, bytes->data(), n * sizeof(d[0]));
      out = put_cap_bits(put(out, "{effective="), d[0].effective, d[1].effective);
      out = put_cap_bits(put(out, ", permitted="), d[0].permitted, d[1].permitted);
      out = put_cap_bits(put(out, ", inheritable="), d[0].inheritable, d[1].inheritable);
      return put(out, "}");
    }
    case Arg::kLandlockRulesetAttr: {  // its size next: shorter than handled_access_fs, the
                                       // address; longer, "..." for what follows
      struct landlock_ruleset_attr a;
      uint64_t size = i + 1 < 6 ? args[i + 1] : 0;
      if (!v || size < sizeof(a.handled_access_fs) || !bytes || !load_at(*bytes, 0, &a))
        return pointer();
      out = put_flag_set(put(out, "{handled_access_fs="), a.handled_access_fs,
                         uapi::k_landlock_ruleset_access_fs, "LANDLOCK_ACCESS_FS_???");
      return put(out, size > sizeof(a.handled_access_fs) ? ", ...}" : "}");
    }
    case Arg::kLandlockRuleAttr: {  // by the rule type before it
      struct landlock_path_beneath_attr a;
      if (i == 0 || args[i - 1] != LANDLOCK_RULE_PATH_BENEATH || !v || !bytes ||
          !load_at(*bytes, 0, &a))
        return pointer();
      out = put_flag_set(put(out, "{allowed_access="), a.allowed_access,
                         uapi::k_landlock_ruleset_access_fs, "LANDLOCK_ACCESS_FS_???");
      return put(put_num(put(out, ", parent_fd="), a.parent_fd), "}");
    }
    case Arg::kMountAttr: {  // its size next; the bytes after the struct kept apart
      struct mount_attr a;
      uint64_t size = i + 1 < 6 ? args[i + 1] : 0;
      if (!v || size < MOUNT_ATTR_SIZE_VER0 || !bytes || !load_at(*bytes, 0, &a))
        return pointer();
      out = put_flag_set(put(out, "{attr_set="), a.attr_set, uapi::k_mount_attr_attr,
                         "MOUNT_ATTR_???");
      out = put_flag_set(put(out, ", attr_clr="), a.attr_clr, uapi::k_mount_attr_attr,
                         "MOUNT_ATTR_???");
      out = put_xval(put(out, ", propagation="), a.propagation, uapi::k_mount_attr_propagation,
                     "MS_???");
      out = put_num(put(out, ", userns_fd="), a.userns_fd);
      const std::string_view* whole = nullptr;
      for (unsigned k = 0; k < items.count; ++k)
        if (items.arg[k] == i && items.kind[k] == ITEM_BLOB && items.value[k].size() > sizeof(a))
          whole = &items.value[k];
      return put(put_struct_tail(out, whole, sizeof(a), size), "}");
    }
    case Arg::kMpolModeOut: {
      int32_t mode;
      if (!v || !bytes || !load_at(*bytes, 0, &mode)) return pointer();
      return put(put_xval(put(out, "["), static_cast<uint32_t>(mode), uapi::k_mpol_modes,
                          "MPOL_???"), "]");
    }
    case Arg::kNodemaskIn:
    case Arg::kNodemaskOut: {  // the longs of the node count after it (strace's
                               // print_nodemask): none of a count that takes none
      uint64_t maxnode = i + 1 < 6 ? args[i + 1] : 0, longs = (maxnode + 62) / 64;
      if (longs < maxnode / 64 || (maxnode && !longs)) return pointer();
      if (!bytes && v && longs) return pointer();
      return put_array(out, v, longs, sizeof(uint64_t), bytes ? *bytes : std::string_view(),
                       [](char* o, const char* p) {
        uint64_t word;
        std::memcpy(&word, p, sizeof(word));
        return put_padded_hex(o, word, 2 * sizeof(word));
      });
    }
    case Arg::kPagesIn:
    case Arg::kNodesIn:
    case Arg::kPageStatusOut: {  // as many as argument 1 says
      size_t size = type == Arg::kPagesIn ? sizeof(uint64_t) : sizeof(int32_t);
      if (!bytes && v && args[1]) return pointer();
      return put_array(out, v, args[1], size, bytes ? *bytes : std::string_view(),
                       [type](char* o, const char* p) {
        if (type == Arg::kPagesIn) {
          uint64_t page;
          std::memcpy(&page, p, sizeof(page));
          return put_addr(o, page);
        }
        int32_t n;
        std::memcpy(&n, p, sizeof(n));
        std::string_view name = n < 0 && n > -4096 ? errno_symbol(-n) : "";
        if (type == Arg::kNodesIn || name.empty()) return put_num(o, n);
        return put_xlat_dec(o, n, [name](char* w) { return put(put(w, "-"), name); });
      });
    }
    case Arg::kFutexWaitv: {  // as many as the next argument says
      auto count = static_cast<uint32_t>(i + 1 < 6 ? args[i + 1] : 0);
      if (!bytes && v && count) return pointer();
      return put_array(out, v, count, sizeof(struct futex_waitv),
                       bytes ? *bytes : std::string_view(), [](char* o, const char* p) {
        struct futex_waitv w;
        std::memcpy(&w, p, sizeof(w));
        o = put_hex(put(o, "{val="), w.val);
        o = put(o, ", uaddr=");
        o = w.uaddr ? put_hex(o, w.uaddr) : put(o, "NULL");
        o = put_flag_set(put(o, ", flags="), w.flags, uapi::k_futex_waiter_flags, "FUTEX_???");
        if (w.__reserved) o = put_hex(put(o, ", __reserved="), w.__reserved);
        return put(o, "}");
      });
    }
    default:
      return nullptr;
  }
}

char* put_sys_result(char* out, Ret ret, const Event& e) noexcept {
  int64_t v = e.ret;
  switch (ret) {
    case Ret::kSchedPolicy: {
      out = put(put_num(out, v), " (");
      auto policy = static_cast<uint32_t>(v);
      constexpr uint32_t kResetOnFork = 0x40000000;  // SCHED_RESET_ON_FORK
      if (policy & kResetOnFork) out = put(out, "SCHED_RESET_ON_FORK|");
      // By name whatever -X says, as strace's text after a result is.
      return put(put_enum_name(out, policy & ~kResetOnFork, uapi::k_schedulers, "SCHED_???"),
                 ")");
    }
    case Ret::kIoprio:  // nothing after the number with -X raw
      if (display().xlat == Xlat::kRaw) return put_num(out, v);
      return put(put_ioprio(put(put_num(out, v), " ("), static_cast<uint32_t>(v)), ")");
    case Ret::kMembarrier:
      // MEMBARRIER_CMD_QUERY's result: the commands the kernel has.
      if (e.args[0] != 0 || v == 0) return nullptr;
      return put(put_flags(put(put_hex(out, static_cast<uint64_t>(v)), " ("),
                           static_cast<uint64_t>(v), uapi::k_membarrier_cmds), ")");
    case Ret::kInt32: {
      // An error returned as an unsigned int (the kernel's modify_ldt keeps its int that
      // way): the number as it is, then the error strace reads in it.
      auto u = static_cast<uint64_t>(v);
      std::string_view name = u >= 0xfffff000 && u <= UINT32_MAX
                                  ? errno_symbol(static_cast<int>(-static_cast<int32_t>(u)))
                                  : std::string_view{};
      if (name.empty()) return nullptr;
      out = put(put(put_num(out, u), " "), name);
      return put(put(put(out, " ("), errno_description(static_cast<int>(-static_cast<int32_t>(u)))), ")");
    }
    case Ret::kAdjtimex: {  // the clock's state by name whatever -X says, as strace's is
      for (const Flag& state : uapi::k_adjtimex_state)
        if (static_cast<int64_t>(state.value) == v)
          return put(put(put(put_num(out, v), " ("), state.name), ")");
      return nullptr;
    }
    case Ret::kSignal: {  // the signal taken, named whatever -X says, as strace's text is
      std::string_view name = v > 0 && v <= 64 ? signal_name(static_cast<int>(v)) : "";
      if (name.empty()) return nullptr;
      return put(put(put(put_num(out, v), " ("), name), ")");
    }
    default:
      return nullptr;
  }
}

}  // namespace observer
