// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// One row of facts per syscall number, as strace's syscallent.h: argument kinds, how the
// result is shown, the roles of its fds, the printer of its own and how many arguments are
// written at entry. The rows are generated at build time (tools/gen_syscalls.py) from
// data/syscalls/facts.tsv, *.args and *.tbl; the printers, the capture plan and -P dispatch
// on them, never on names. Everything here is constant data and thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace observer {

// How one argument is shown. The kinds of every syscall are generated from the kernel's own
// declarations (data/syscalls/*.args); the rows of data/syscalls/facts.tsv override them.
// A syscall with neither is shown as six raw hex words.
enum class Arg : uint8_t {
  kHex,        // 0x1f
  kInt,        // signed decimal of a C int (32 bits)
  kLong,       // signed decimal of 64 bits (off_t, loff_t, long)
  kUint,       // unsigned decimal
  kUint32,     // unsigned decimal of a C unsigned int (32 bits)
  kPtr,        // NULL or 0x7ffd...
  kFd,         // signed decimal (int)
  kDirFd,      // AT_FDCWD or fd
  kPath,       // string captured at entry (a file name)
  kStr,        // string captured at entry (another name)
  kOpenFlags,  // O_RDONLY|O_CLOEXEC
  kFdFlags,    // O_CLOEXEC|O_NONBLOCK (no access mode: pipe2, dup3 ...)
  kMode,       // 0644
  kProt,       // PROT_READ|PROT_WRITE
  kMmapFlags,  // MAP_PRIVATE|MAP_ANONYMOUS
  kAccess,     // R_OK|W_OK
  kAtFlags,    // AT_SYMLINK_NOFOLLOW
  kSignal,     // SIGTERM
  kWhence,     // SEEK_SET
  kCloneFlags, // CLONE_VM|...|SIGCHLD
  kFcntlCmd,   // F_GETFL
  kSigHow,     // SIG_BLOCK
  kFutexOp,    // FUTEX_WAIT_PRIVATE
  kFamily,     // AF_INET
  kSockType,   // SOCK_STREAM|SOCK_CLOEXEC
  // Captured by the kernel side (capture_plan): shown decoded when the bytes are there, as a
  // pointer otherwise (the call failed, or capture is off).
  kBufIn,          // "data"... the call filled (read), as many bytes as it returned
  kBufInHex,       // "\x5e\x4d..." the same, every byte in hex (getrandom's random bytes)
  kBufOut,         // "data"... the call reads (write), as many bytes as the next argument
  kSockBufIn,      // kBufIn at a socket (recvfrom): a netlink socket's messages decoded
  kSockBufOut,     // kBufOut at a socket (sendto): the same
  kCwd,            // "/path" the call filled (getcwd)
  kStat,           // {st_mode=S_IFREG|0644, st_size=..., ...}
  kStatx,          // {stx_mask=..., stx_attributes=0, stx_mode=..., stx_size=..., ...}
  kSigactionIn,    // {sa_handler=..., sa_mask=[...], sa_flags=...}
  kSigactionOut,
  kSigsetIn,       // [INT CHLD]
  kSigsetOut,
  kRlimitIn,       // {rlim_cur=..., rlim_max=...}
  kRlimitOut,
  kSockaddrIn,     // {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("...")}
  kIntPair,        // [3, 4]
  kWaitStatus,     // [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]
  kTimespecIn,     // {tv_sec=0, tv_nsec=1000000}
  kTimespecOut,
  kUtsname,        // {sysname="Linux", nodename="vm", ...}
  kArgv,           // ["ls", "-la"]
  kEnvp,           // 0x7ffd... /* 21 vars */
  kDirents,        // 0x55d0... /* 20 entries */ (getdents64)
  kIovecIn,        // [{iov_base="ab", iov_len=2}, ...] the call reads (writev); count next
  kIovecOut,       // the same, filled by the call (readv): as many bytes as it returned
  kMsghdrIn,       // {msg_name=NULL, msg_namelen=0, msg_iov=[...], ...} (sendmsg)
  kMsghdrOut,      // the same, filled by the call (recvmsg), msg_namelen=128 => 16
  kPollFds,        // [{fd=3, events=POLLIN}] at entry, ([{fd=3, revents=POLLIN}]) after ret
  kStat64,         // {st_mode=..., st_size=..., ...} of the i386 struct stat64
  kSockaddrOut,    // {sa_family=AF_INET, ...} the call filled (accept, getsockname, recvfrom)
  kSocklen,        // [16], or [128 => 16]: the socklen_t given and returned
  kSysinfo,        // {uptime=4289, loads=[...], totalram=..., ...}
  kFdSet,          // select's [3 4] at entry, its "in [3]" / "out [4]" after the result
  kFdSetEntry,     // the same, read at entry only (exceptfds)
  kTimespecLeft,   // {tv_sec=1, tv_nsec=0} at entry, its "left {...}" after the result
  kTimevalLeft,    // {tv_sec=1, tv_usec=0} likewise (select)
  kPselectSig,     // {sigmask=[], sigsetsize=8}
  // Constants of one syscall's argument.
  kStatxMask,      // STATX_BASIC_STATS
  kStatxFlags,     // AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW
  kRlimitResource, // RLIMIT_STACK
  kArchPrctl,      // ARCH_SET_FS
  kIoctlCmd,       // TCGETS
  kGrndFlags,      // GRND_NONBLOCK
  kWaitOptions,    // WNOHANG
  kClockId,        // CLOCK_MONOTONIC
  kTimerFlags,     // TIMER_ABSTIME
  kFadvise,        // POSIX_FADV_SEQUENTIAL
  kSockProto,      // IPPROTO_IP, or the number (the family decides)
  kSockFlags,      // SOCK_CLOEXEC|SOCK_NONBLOCK (accept4)
  kRenameFlags,    // RENAME_NOREPLACE
  kAccessAtFlags,  // AT_SYMLINK_NOFOLLOW|AT_EACCESS (faccessat2)
  kEpollFlags,     // EPOLL_CLOEXEC
  kEpollEventIn,   // {events=EPOLLIN, data={u32=5, u64=5}} (epoll_ctl; the address for DEL)
  kEpollEvents,    // [{events=EPOLLIN, data={...}}]: as many as the call returned (epoll_wait)
  kTimex,          // {modes=0, offset=0, ..., status=STA_UNSYNC, ...}: at the exit (adjtimex)
  kEventfdFlags,   // EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK
  kMadvise,        // MADV_DONTNEED
  // More structs and arrays the kernel side captures (capture_plan).
  kCloneArgs,      // {flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=..., ...} (clone3)
  kCpuSetOut,      // [0 1]: the CPUs of a mask the call filled (sched_getaffinity)
  kStackIn,        // {ss_sp=0x..., ss_flags=0, ss_size=65536} (sigaltstack)
  kStackOut,
  kUtimes,         // [{tv_sec=0, tv_nsec=0}, UTIME_NOW] (utimensat)
  kStatfs,         // {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, ...}
  kGroupsOut,      // [0, 27]: the groups the call filled, as many as it returned (getgroups)
  // Sockets (decode_net.cpp): levels and option names, and option values by their type.
  kSockLevel,      // SOL_SOCKET, or 0x3e8 /* SOL_?? */
  kSockoptGet,     // SO_SNDBUF, by the level in argument 1 (getsockopt's names)
  kSockoptSet,     // the same for setsockopt
  kSockoptIn,      // [1], {l_onoff=1, l_linger=5}, {imr_multiaddr=...}: the value given, as
                   // long as the next argument says (setsockopt)
  kSockoptOut,     // [212992], {pid=1, uid=0, gid=0}: the value the call filled (getsockopt)
  kMsgFlags,       // MSG_NOSIGNAL|MSG_DONTWAIT
  kUid,            // 1000: a uid_t or gid_t, unsigned, but -1 ("unchanged") as -1
  kModeType,       // S_IFCHR|0600: a mode with its file type (mknod)
  kDev,            // makedev(0x1, 0x3), after a kModeType of a device only (mknod)
  // Structures (decode_structs.cpp) and the selectors of the calls that fill them.
  kOpenHow,        // {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_BENEATH}: openat2, size next
  kOffsetInOut,    // [0] => [35499]: an loff_t the call reads and moves on (sendfile)
  kRusageOut,      // {ru_utime={tv_sec=0, tv_usec=1000}, ru_stime={...}, ...}
  kSiginfoOut,     // {si_signo=SIGCHLD, si_code=CLD_EXITED, ...} the call filled (waitid)
  kSiginfoIn,      // {si_signo=SIGUSR1, si_code=SI_QUEUE, ...} the call reads (rt_sigqueueinfo)
  kUserDescIn,     // {entry_number=12, base_addr=0x..., limit=0xfffff, seg_32bit=1, ...}
                   // (set_thread_area)
  kUserDescOut,    // {entry_number=12, ...}: the entry asked about, then what the call
                   // filled (get_thread_area)
  kLdtDesc,        // kUserDescIn when the size after it is the struct's, else the address
                   // (modify_ldt)
  kTimespecRem,    // the time left that an interrupted sleep wrote (nanosleep), else a pointer
  kItimerspecIn,   // {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=1, tv_nsec=0}}
  kItimerspecOut,
  kItimervalIn,    // {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=1, tv_usec=0}}
  kItimervalOut,
  kIdType,         // P_PID (waitid)
  kRusageWho,      // RUSAGE_SELF
  kItimerWhich,    // ITIMER_REAL
  kTimerfdFlags,   // TFD_TIMER_ABSTIME (timerfd_settime)
  kPerfEventAttr,  // {type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7, config=..., ...}
  kBpfCmd,         // BPF_MAP_CREATE (bpf's command)
  kBpfAttr,        // {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, ...}: union bpf_attr by the
                   // command in argument 0, as long as the next argument says
  kUringParams,    // {flags=0, sq_thread_cpu=0, ..., sq_entries=4, ...} (io_uring_setup): what
                   // it was given, then what the kernel filled
  // The mount API, fanotify, NUMA policies, landlock and keys (decode_mux.cpp).
  kMountFlags,      // MS_RDONLY|MS_NOSUID, after MS_MGC_VAL when the old magic is there
  kFsopenFlags,     // FSOPEN_CLOEXEC
  kFspickFlags,     // FSPICK_CLOEXEC|FSPICK_EMPTY_PATH
  kFsmountFlags,    // FSMOUNT_CLOEXEC
  kMountAttrFlags,  // MOUNT_ATTR_RDONLY|MOUNT_ATTR_NOATIME
  kMoveMountFlags,  // MOVE_MOUNT_F_EMPTY_PATH
  kMountSetattrFlags,  // AT_EMPTY_PATH|AT_RECURSIVE (mount_setattr)
  kFanMarkFlags,    // FAN_MARK_ADD|FAN_MARK_ONLYDIR
  kFanEventMask,    // FAN_OPEN|FAN_ONDIR (64 bits)
  kFanDirFd,        // FAN_NOFD, AT_FDCWD or the fd
  kMpolMode,        // MPOL_BIND|MPOL_F_STATIC_NODES
  kMbindFlags,      // MPOL_MF_STRICT|MPOL_MF_MOVE
  kMremapFlags,     // MREMAP_MAYMOVE
  kCloseRangeFlags, // CLOSE_RANGE_CLOEXEC
  kKexecFileFlags,  // KEXEC_FILE_UNLOAD|KEXEC_FILE_ON_CRASH (64 bits)
  kPtraceRequest,   // PTRACE_ATTACH (64 bits)
  kPkeyAccess,      // PKEY_DISABLE_WRITE (64 bits)
  kLandlockRulesetFlags,  // LANDLOCK_CREATE_RULESET_VERSION
  kLandlockRuleType,      // LANDLOCK_RULE_PATH_BENEATH
  kUringEnterFlags,       // IORING_ENTER_GETEVENTS|IORING_ENTER_SQ_WAKEUP
  kUringRegisterOp,       // IORING_REGISTER_FILES (io_uring_register's opcode)
  kKeySerial,       // KEY_SPEC_SESSION_KEYRING, or the key's number
  kPersonality,     // PER_LINUX|ADDR_NO_RANDOMIZE
  kMmsgSend,       // [{msg_hdr={...}, msg_len=1}, ...] (sendmmsg): vlen next, msg_len as sent
  kMmsgRecv,       // the same, filled by the call (recvmmsg): as many as it returned
  kRwfFlags,       // RWF_HIPRI|RWF_NOWAIT (preadv2, pwritev2)
  kPerfFlags,      // PERF_FLAG_FD_CLOEXEC (perf_event_open)
  kOffsetHigh,     // not shown: the high half of an offset split in two, which x86_64 and
                   // arm64 take whole from the low one, as strace shows it (preadv2)
  // One call's command or flags (decode_sys.cpp): SysV IPC, namespaces, scheduling,
  // modules, seccomp, kcmp, reboot and others.
  kIpcKey,             // IPC_PRIVATE, or the key in hex
  kIpcFlags,           // IPC_CREAT|IPC_EXCL|0600 (msgget, semget)
  kShmFlags,           // IPC_CREAT|SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600 (shmget)
  kMsgctlCmd,          // IPC_STAT, IPC_64|MSG_INFO
  kSemctlCmd,          // GETVAL
  kShmctlCmd,          // SHM_LOCK
  kShmatFlags,         // SHM_RDONLY|SHM_RND
  kIpcMsgFlags,        // MSG_NOERROR|IPC_NOWAIT (msgsnd, msgrcv)
  kMsyncFlags,         // MS_SYNC|MS_INVALIDATE
  kSetnsType,          // CLONE_NEWNET
  kUnshareFlags,       // CLONE_NEWNS|CLONE_NEWUSER
  kSchedPolicy,        // SCHED_FIFO
  kEpollCtlOp,         // EPOLL_CTL_ADD
  kPidfdOpenFlags,     // PIDFD_NONBLOCK
  kOpenTreeFlags,      // OPEN_TREE_CLONE|AT_RECURSIVE
  kDeleteModuleFlags,  // O_NONBLOCK|O_TRUNC
  kModuleInitFlags,    // MODULE_INIT_IGNORE_VERMAGIC
  kFanInitFlags,       // FAN_CLASS_CONTENT|FAN_CLOEXEC
  kSeccompOp,          // SECCOMP_SET_MODE_FILTER
  kSeccompFlags,       // SECCOMP_FILTER_FLAG_TSYNC (the filter's; hex for other operations)
  kXattrFlags,         // XATTR_CREATE
  kPrioWhich,          // PRIO_PROCESS
  kMemfdFlags,         // MFD_CLOEXEC|MFD_HUGETLB|30<<MFD_HUGE_SHIFT
  kSecretmemFlags,     // O_CLOEXEC (memfd_secret)
  kUffdFlags,          // UFFD_USER_MODE_ONLY|O_CLOEXEC
  kKcmpType,           // KCMP_FILE; the indexes follow only for the types that take them
  kKcmpIdx,            // 3: an fd for KCMP_FILE and KCMP_EPOLL_TFD, hex for others
  kKcmpIdx2,           // the same; KCMP_EPOLL_TFD's slot as a pointer
  kIoprioWho,          // IOPRIO_WHO_PROCESS
  kIoprio,             // IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)
  kMlockFlags,         // MLOCK_ONFAULT
  kMlockallFlags,      // MCL_CURRENT|MCL_FUTURE
  kFlockOp,            // LOCK_EX|LOCK_NB
  kSyncFileRangeFlags, // SYNC_FILE_RANGE_WRITE
  kFallocMode,         // FALLOC_FL_KEEP_SIZE|FALLOC_FL_PUNCH_HOLE
  kInotifyMask,        // IN_MODIFY|IN_CREATE
  kInotifyInitFlags,   // IN_NONBLOCK|IN_CLOEXEC
  kKexecFlags,         // KEXEC_ARCH_X86_64|KEXEC_ON_CRASH
  kRebootMagic1,       // LINUX_REBOOT_MAGIC1
  kRebootMagic2,       // LINUX_REBOOT_MAGIC2
  kRebootCmd,          // LINUX_REBOOT_CMD_RESTART2; its argument follows for that one only
  kMembarrierCmd,      // MEMBARRIER_CMD_QUERY
  kMembarrierFlags,    // MEMBARRIER_CMD_FLAG_CPU; the cpu follows only then
  kSwapFlags,          // SWAP_FLAG_PREFER|10
  kSfdFlags,           // SFD_CLOEXEC|SFD_NONBLOCK (signalfd4)
  kTfdFlags,           // TFD_CLOEXEC|TFD_NONBLOCK (timerfd_create)
  kSpliceFlags,        // SPLICE_F_MOVE|SPLICE_F_NONBLOCK
  kShutdownHow,        // SHUT_RDWR
  kHandleAtFlags,      // AT_SYMLINK_FOLLOW|AT_EMPTY_PATH (name_to_handle_at)
  kUidOut,             // [1000]: a uid or gid the call filled (getresuid, getresgid)
  kGetMempolicyFlags,  // MPOL_F_NODE|MPOL_F_ADDR
  // Small structs and arrays of these calls the kernel side captures (decode_sys.cpp).
  kUintOut,            // [1]: an unsigned int the call filled (getcpu, mq_timedreceive)
  kSchedParamIn,       // [1]: struct sched_param's priority (sched_setparam)
  kSchedParamOut,      // the same, filled by the call (sched_getparam)
  kTimevalPair,        // [{tv_sec=0, tv_usec=0}, {tv_sec=0, tv_usec=0}] (futimesat, utimes)
  kMincoreVec,         // [1, 0, 1]: a byte for each page of the length before it (mincore)
  kSembuf,             // [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}]: semop's, count next
  kSeccompArg,         // [SECCOMP_RET_KILL_THREAD], {seccomp_notif=80, ...}: by the operation
  kMsgctlBuf,          // {msg_perm={uid=0, gid=0, mode=0600, ...}, msg_qbytes=16384, ...}:
                       // struct msqid_ds or msginfo by the command before it
  kShmctlBuf,          // {shm_perm={...}, shm_segsz=1, ...}: shmid_ds, shminfo or shm_info
  kSemctlArg,          // {sem_perm={...}, sem_nsems=1}: semid_ds or seminfo; else the value
  kSchedAttrIn,        // {size=56, sched_policy=SCHED_OTHER, sched_flags=0, ...} (sched_setattr),
                       // " => {size=56}" when the kernel wants another size
  kSchedAttrOut,       // the same, as many bytes as the size after it (sched_getattr)
  kMqAttrIn,           // {mq_flags=O_NONBLOCK, mq_maxmsg=10, ...} (mq_getsetattr; mq_open's
                       // flags in hex, shown after O_CREAT only)
  kMqAttrOut,          // the same, filled by the call (mq_getsetattr)
  kSigevent,           // {sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL} (mq_notify, timer_create)
  kKexecSegments,      // [{buf=..., bufsz=..., mem=..., memsz=...}]: kexec_load's, count before
  kBufOutBefore,       // "data"... the call reads, as many bytes as the argument before
                       // (kexec_file_load's command line)
  kGroupsIn,           // [0, 27]: the groups the call reads, as many as the argument before
  kCapHeader,          // {version=_LINUX_CAPABILITY_VERSION_3, pid=0} (capget, capset)
  kCapDataIn,          // {effective=1<<CAP_KILL, permitted=..., inheritable=0} (capset)
  kCapDataOut,         // the same, filled by the call (capget)
  kLandlockRulesetAttr,  // {handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE}, its size next
  kLandlockRuleAttr,     // {allowed_access=..., parent_fd=3}: by the rule type before it
  kMountAttr,          // {attr_set=MOUNT_ATTR_RDONLY, attr_clr=0, propagation=MS_SLAVE,
                       // userns_fd=0}: mount_setattr's, its size next
  kMpolModeOut,        // [MPOL_BIND]: the policy the call filled (get_mempolicy)
  kNodemaskIn,         // [0x0000000000000003]: a node mask of the longs the next argument's
                       // node count takes (mbind, set_mempolicy)
  kNodemaskOut,        // the same, filled by the call (get_mempolicy)
  kPagesIn,            // [0x7f..., ...]: move_pages' pages, as many as argument 1 says
  kNodesIn,            // [0, 1]: move_pages' nodes, likewise
  kPageStatusOut,      // [0, -EFAULT]: move_pages' status, filled, likewise
  kFutexWaitv,         // [{val=0x1, uaddr=0x7f..., flags=FUTEX_32}]: futex_waitv's waiters, as
                       // many as the next argument says
  // Values read from memory that strace shows whole or cut at -s (decode_values.cpp).
  kShortStr,           // "reboot-arg", or its first 32 bytes and "...": a string strace reads no
                       // further than -s + 1 bytes (reboot, memfd_create)
  kXattrValIn,         // "foo\0bar": an extended attribute's value, size next (setxattr)
  kXattrValOut,        // the same, filled by the call: as many bytes as it returned (getxattr)
  kXattrList,          // "user.a\0user.b\0": the names the call filled, size next (listxattr)
  kTimevalIn,          // {tv_sec=1, tv_usec=0} (settimeofday)
  kTimevalOut,         // the same, filled by the call (gettimeofday)
  kTimezoneIn,         // {tz_minuteswest=0, tz_dsttime=0} (settimeofday)
  kTimezoneOut,        // the same, filled by the call (gettimeofday)
  kIovecAddrs,         // [{iov_base=0x7ffd..., iov_len=8}]: iovecs by address, count next
                       // (process_madvise, process_vm_readv's remote ones)
  kMsgbufIn,           // {mtype=1, mtext="hello"}: a SysV message, its size next (msgsnd)
  kMsgbufOut,          // the same, filled by the call (msgrcv)
  kSysctlArgs,         // {name=NULL, nlen=0, oldval=NULL, ...} (_sysctl)
  kCpuSetIn,           // [0 1]: the CPUs of a mask, its size before it (sched_setaffinity)
  kPtrOut,             // [0x7ffd...]: a pointer the call filled (get_robust_list,
                       // io_setup's AIO context)
  kUlongOut,           // [24]: an unsigned long the call filled (get_robust_list)
  kLoffIn,             // [4096]: an loff_t the call reads (splice, copy_file_range)
  // The AIO calls' structs (decode_aio.cpp).
  kIocbs,              // [{aio_data=0, aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=3,
                       // aio_buf="data", aio_nbytes=4, aio_offset=0}]: io_submit's array of
                       // pointers to struct iocb, as many as the argument before says
  kIocbIn,             // {aio_data=0, aio_lio_opcode=IOCB_CMD_PREAD, aio_fildes=3}: the head of
                       // the struct iocb io_cancel reads
  kIoEventOut,         // {data=0, obj=0x..., res=4, res2=0}: the event io_cancel filled
  kIoEvents,           // [{data=0, obj=0x..., res=4, res2=0}]: the events io_getevents
                       // filled, as many as it returned
  // What strace decodes further and observer shows as a number: the syscall is decoded
  // only partly (docs/formats.md, "Decoding coverage").
  kRawPtr,    // 0x7ffd... or NULL: a struct or array strace shows the members of
  kRawFlags,  // 0x80800: flags strace names (the low 32 bits)
  kRawEnum,   // 3: a constant strace names (a C int)
};

// How completely a syscall is decoded: every argument as strace shows it, some still as
// numbers or addresses (kRaw*), or nothing known of its arguments (six hex words).
enum class Decoding : uint8_t { kFull, kPartial, kRaw };

// How the return value is shown: decimal, hex for addresses (mmap, brk), octal (umask), or
// an fd (decimal; with -y its path follows: 3</etc/passwd>).
// sched_getscheduler's policy (= 0 (SCHED_OTHER)), ioprio_get's priority, membarrier's
// MEMBARRIER_CMD_QUERY commands are named after the number (decode_sys.cpp), as is
// rt_sigtimedwait's signal (= 14 (SIGALRM)); modify_ldt's error in the low 32 bits named
// after them (= 4294967258 ENOSYS (Function not implemented)).
enum class Ret : uint8_t {
  kInt, kHex, kOctal, kFd, kSchedPolicy, kIoprio, kMembarrier, kSignal,
  kInt32,     // modify_ldt's: the kernel returns a C int as 32 bits, an error among them
  kAdjtimex,  // the clock's state after the struct: = 5 (TIME_ERROR)
};

// The printer of a syscall whose arguments depend on one another beyond their kinds.
enum class Decoder : uint8_t {
  kNone,
  kFcntl,      // the argument and result by command: F_GETFL's result as flags, F_SETFD's
  kFutex,      // the arguments the operation reads
  kClone,      // strace's argument names, the ones the flags use
  kSigreturn,  // the mask restored from the signal frame (x86_64)
  // Multiplexers (decode_mux.cpp): the command in argument 0 picks the arguments shown.
  kPrctl,        // PR_SET_NAME, "x": the option's arguments
  kSyslog,       // 0 /* SYSLOG_ACTION_CLOSE */: the action's arguments
  kKeyctl,       // KEYCTL_GET_KEYRING_ID, KEY_SPEC_THREAD_KEYRING, 0
  kPersonality,  // = 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE): the result as well
  kArchPrctl,    // ARCH_GET_CPUID (x86_64): the option's argument, if it takes one
  kFsconfig,     // 3, FSCONFIG_SET_STRING, "source", "none", 0: the key and value it reads
  kQuotactl,     // QCMD(Q_QUOTAOFF, USRQUOTA), "/dev/sda1": the command's arguments
  kQuotactlFd,   // 3, QCMD(Q_GETFMT, USRQUOTA), 0x7ffd...: the same after an fd
  kPtrace,       // PTRACE_ATTACH, 1234: the arguments the request reads
  kUringRegister,  // 3, IORING_REGISTER_FILES, [4, 5], 2: the argument the opcode reads
};

// What a syscall's fds are: bits of SyscallInfo::roles (facts.tsv's roles).
enum Role : uint8_t {
  kRoleFdArg0 = 1 << 0,      // argument 0 is an fd, or an *at call's dirfd (-P)
  kRoleFdResult = 1 << 1,    // returns a new fd on what it names (-P)
  kRoleFdClose = 1 << 2,     // closes argument 0 (-P)
  kRoleFdFcntl = 1 << 3,     // fcntl: F_DUPFD and friends (-P)
  kRoleFdPair = 1 << 4,      // its kIntPair argument is two new fds (-y)
  kRoleDupFd = 1 << 5,       // F_DUPFD returns an fd (-y)
  kRoleLinkTarget = 1 << 6,  // argument 0 is a link's target, not a path resolved now
};

// How many low bits of its register the kernel reads of an argument, as its declaration types
// it (data/syscalls/*.args): SYSCALL_DEFINE casts each register to the declared type, so an
// `int` is the low 32 bits whatever the caller left in the upper half. The decoder reads the
// same bits (strace: `creat(".", 000)` for a mode of 0xffffffffffff0000).
enum class Width : uint8_t {
  k64,   // pointers, long, size_t, loff_t: the whole register
  kS32,  // int, pid_t, clockid_t, enums
  kU32,  // unsigned int, u32, uid_t, gid_t
  kU16,  // umode_t, i386's old_uid_t
};

// SyscallInfo::entry when the kinds decide: the arguments before the first the call fills.
inline constexpr uint8_t kEntryByTypes = 0xff;

struct SyscallInfo {
  std::string_view name;  // "" for a number the table leaves unused
  uint8_t nargs;
  Arg args[6];
  Ret ret;
  Decoder decoder;
  uint8_t entry;      // how many arguments strace writes before <unfinished ...>
  uint8_t roles;      // enum Role
  bool hand_written;  // the kinds are facts.tsv's, not only the kernel's declaration
  bool declared;      // the kinds are known at all
  Width widths[6] = {};  // all k64 where no declaration matches the kinds' count
};

// v as the kernel reads an argument of width w: its low bits, zero-extended (the printers of
// signed kinds take the low 32 bits as a C int).
constexpr uint64_t narrow(uint64_t v, Width w) noexcept {
  switch (w) {
    case Width::kS32: case Width::kU32: return v & 0xffffffffu;
    case Width::kU16: return v & 0xffffu;
    default: return v;
  }
}

// Name of a native syscall number, "" if the table has none.
std::string_view syscall_name(int nr) noexcept;
// Name of a 32-bit call's number (the i386 table on x86_64; none elsewhere), "" if none.
std::string_view compat_syscall_name(int nr) noexcept;
// The 32-bit number of a syscall name, or -1.
int compat_syscall_number(std::string_view name) noexcept;
// Where the log writes a 32-bit call: the native number of the same syscall, or, for calls
// only the 32-bit ABI has (socketcall, ...), MAX_SYSCALLS + its i386 number.
int native_number_of_compat(int nr) noexcept;
// The row of native syscall nr (compat: of i386 number nr, x86_64 only), declared or not;
// nullptr outside the table.
const SyscallInfo* syscall_row(int nr, bool compat = false) noexcept;
// The row of native syscall nr if its arguments are known; nullptr for a number without a
// declaration or facts.tsv kinds (shown as six hex args).
const SyscallInfo* syscall_info(int nr) noexcept;
// The same for a 32-bit call's i386 number (x86_64 only). facts.tsv's kinds serve it when
// their count matches the i386 declaration's (i386's mmap is old_mmap).
const SyscallInfo* compat_syscall_info(int nr) noexcept;

// A call that reads or writes a buffer or an iovec at an fd (read, write, pread64, sendto,
// recvfrom, readv, writev ...): an fd, then the data. strace's -e read= and -e write= dump
// their data.
inline bool moves_data_at_fd(const SyscallInfo& info) noexcept {
  if (info.nargs < 2 || info.args[0] != Arg::kFd) return false;
  switch (info.args[1]) {
    case Arg::kBufIn: case Arg::kBufOut: case Arg::kSockBufIn: case Arg::kSockBufOut:
    case Arg::kIovecIn: case Arg::kIovecOut:
      return true;
    default:
      return false;
  }
}
// Whether info (nullptr: unknown) shows every argument as strace does.
Decoding decoding(const SyscallInfo* info) noexcept;
// True if info's kinds are facts.tsv's.
bool hand_written(const SyscallInfo* info) noexcept;
// The name of an argument kind: "fd", "path", "raw_ptr" ...
std::string_view arg_name(Arg type) noexcept;
// Bit i set: argument i of nr is a string the kernel should capture at entry.
uint8_t string_arg_mask(int nr) noexcept;

}  // namespace observer
