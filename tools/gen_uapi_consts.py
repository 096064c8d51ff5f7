# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The observer developers
"""The constant tables of the decoders, from the kernel's uapi headers (strace's src/xlat/*.in).

Two modes:

  gen_uapi_consts.py data DATA_DIR
      reads Debian's linux-libc-dev headers (/usr/include/linux, asm-generic and the
      architecture's asm), and with linux-libc-dev-arm64-cross installed arm64's too, and
      writes DATA_DIR/<table>.tsv: one constant a line with the header and line it comes from,
      in the order strace prints them. Run by hand when the headers change; the files are
      committed.
  gen_uapi_consts.py header DATA_DIR OUT_HEADER
      turns DATA_DIR/*.tsv into a C++ header of text::Flag tables (uapi_consts.h), at build
      time, into the build tree.

The compiler's own preprocessor reads the headers (`gcc -E -dD`), so their #ifdefs and
#includes mean what they mean to a C program; the values are evaluated here from the
definitions it prints, with the line each one was defined at.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

#: The architectures read, each from the include roots of its Debian package.
ARCHES = {
    "x86_64": {"roots": ["/usr/include/x86_64-linux-gnu", "/usr/include"],
               "define": "__x86_64__", "package": "linux-libc-dev", "dpkg_arch": "amd64"},
    "aarch64": {"roots": ["/usr/aarch64-linux-gnu/include"], "define": "__aarch64__",
                "package": "linux-libc-dev-arm64-cross", "dpkg_arch": "all"},
}

#: Table -> (headers to include, constants in the order strace prints them). "NAME=MACRO":
#: strace's name for what the header calls MACRO (O_ASYNC is the kernel's FASYNC). Composite
#: flags come before their parts, as strace puts them (O_SYNC before O_DSYNC).
TABLES: dict[str, tuple[list[str], list[str]]] = {
    "open_flags": (["asm/fcntl.h"], [
        "O_CREAT", "O_EXCL", "O_NOCTTY", "O_TRUNC", "O_APPEND", "O_NONBLOCK", "O_SYNC",
        "O_DSYNC", "O_ASYNC=FASYNC", "O_DIRECT", "O_LARGEFILE", "O_NOFOLLOW", "O_NOATIME",
        "O_CLOEXEC", "O_PATH", "O_TMPFILE", "O_DIRECTORY"]),
    "prot": (["asm/mman.h"], [
        "PROT_READ", "PROT_WRITE", "PROT_EXEC", "PROT_GROWSDOWN", "PROT_GROWSUP"]),
    "mmap_flags": (["asm/mman.h", "linux/mman.h"], [
        "MAP_SHARED_VALIDATE", "MAP_SHARED", "MAP_PRIVATE", "MAP_FIXED_NOREPLACE", "MAP_FIXED",
        "MAP_ANONYMOUS", "MAP_GROWSDOWN", "MAP_DENYWRITE", "MAP_EXECUTABLE", "MAP_LOCKED",
        "MAP_NORESERVE", "MAP_POPULATE", "MAP_NONBLOCK", "MAP_STACK", "MAP_HUGETLB", "MAP_SYNC"]),
    "at_flags": (["linux/fcntl.h"], [
        "AT_SYMLINK_NOFOLLOW", "AT_REMOVEDIR", "AT_SYMLINK_FOLLOW", "AT_NO_AUTOMOUNT",
        "AT_EMPTY_PATH", "AT_RECURSIVE", "AT_STATX_FORCE_SYNC", "AT_STATX_DONT_SYNC"]),
    # faccessat2's: AT_EACCESS shares its value with AT_REMOVEDIR.
    "access_at_flags": (["linux/fcntl.h"], [
        "AT_SYMLINK_NOFOLLOW", "AT_EACCESS", "AT_EMPTY_PATH"]),
    "whence": (["linux/fs.h"], ["SEEK_SET", "SEEK_CUR", "SEEK_END", "SEEK_DATA", "SEEK_HOLE"]),
    "clone_flags": (["linux/sched.h"], [
        "CLONE_VM", "CLONE_FS", "CLONE_FILES", "CLONE_SIGHAND", "CLONE_PIDFD", "CLONE_PTRACE",
        "CLONE_VFORK", "CLONE_PARENT", "CLONE_THREAD", "CLONE_NEWNS", "CLONE_SYSVSEM",
        "CLONE_SETTLS", "CLONE_PARENT_SETTID", "CLONE_CHILD_CLEARTID", "CLONE_UNTRACED",
        "CLONE_CHILD_SETTID", "CLONE_NEWCGROUP", "CLONE_NEWUTS", "CLONE_NEWIPC", "CLONE_NEWUSER",
        "CLONE_NEWPID", "CLONE_NEWNET", "CLONE_IO"]),
    "fcntl_cmds": (["asm/fcntl.h", "linux/fcntl.h"], [
        "F_DUPFD", "F_GETFD", "F_SETFD", "F_GETFL", "F_SETFL", "F_GETLK", "F_SETLK", "F_SETLKW",
        "F_SETOWN", "F_GETOWN", "F_SETSIG", "F_GETSIG", "F_SETOWN_EX", "F_GETOWN_EX",
        "F_GETOWNER_UIDS", "F_OFD_GETLK", "F_OFD_SETLK", "F_OFD_SETLKW", "F_SETLEASE",
        "F_GETLEASE", "F_NOTIFY", "F_CANCELLK", "F_DUPFD_CLOEXEC", "F_SETPIPE_SZ",
        "F_GETPIPE_SZ", "F_ADD_SEALS", "F_GET_SEALS"]),
    # fcntl's arguments: F_SETLEASE's and F_GETLEASE's lock types, F_NOTIFY's events,
    # F_ADD_SEALS's seals.
    "lease_types": (["asm/fcntl.h"], ["F_RDLCK", "F_WRLCK", "F_UNLCK", "F_EXLCK", "F_SHLCK"]),
    "notify_flags": (["linux/fcntl.h"], [
        "DN_ACCESS", "DN_MODIFY", "DN_CREATE", "DN_DELETE", "DN_RENAME", "DN_ATTRIB",
        "DN_MULTISHOT"]),
    "seal_flags": (["linux/fcntl.h"], [
        "F_SEAL_SEAL", "F_SEAL_SHRINK", "F_SEAL_GROW", "F_SEAL_WRITE", "F_SEAL_FUTURE_WRITE"]),
    "fd_flags": (["asm/fcntl.h"], ["FD_CLOEXEC"]),
    "sighow": (["asm/signal.h"], ["SIG_BLOCK", "SIG_UNBLOCK", "SIG_SETMASK"]),
    "futex_ops": (["linux/futex.h"], [
        "FUTEX_WAIT", "FUTEX_WAKE", "FUTEX_FD", "FUTEX_REQUEUE", "FUTEX_CMP_REQUEUE",
        "FUTEX_WAKE_OP", "FUTEX_LOCK_PI", "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI",
        "FUTEX_WAIT_BITSET", "FUTEX_WAKE_BITSET", "FUTEX_WAIT_REQUEUE_PI", "FUTEX_CMP_REQUEUE_PI",
        "FUTEX_LOCK_PI2"]),
    "rlimits": (["asm/resource.h"], [
        "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE", "RLIMIT_RSS",
        "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS",
        "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME"]),
    "arch_prctl": (["asm/prctl.h"], [
        "ARCH_SET_GS", "ARCH_SET_FS", "ARCH_GET_FS", "ARCH_GET_GS", "ARCH_GET_CPUID",
        "ARCH_SET_CPUID", "ARCH_GET_XCOMP_SUPP", "ARCH_GET_XCOMP_PERM", "ARCH_REQ_XCOMP_PERM",
        "ARCH_SHSTK_ENABLE"]),
    # The terminal and file ioctls programs make most. Two names of one value are both shown,
    # strace's "BTRFS_IOC_CLONE or FICLONE".
    "ioctls": (["asm/ioctls.h", "linux/fs.h", "linux/btrfs.h", "asm/sockios.h",
                "linux/sockios.h"], [
        "TCGETS", "TCSETS", "TCSETSW", "TCSETSF", "TIOCGPGRP", "TIOCSPGRP", "TIOCGWINSZ",
        "TIOCSWINSZ", "FIONREAD", "FIONBIO", "FIONCLEX", "FIOCLEX", "BTRFS_IOC_CLONE",
        "FICLONE",
        # Sockets' (asm/sockios.h, linux/sockios.h); SIOCINQ and SIOCOUTQ are FIONREAD and
        # TIOCOUTQ, SIOCGSTAMP and SIOCGSTAMPNS the _OLD or _NEW ones, not names of their own.
        "FIOSETOWN", "SIOCSPGRP", "FIOGETOWN", "SIOCGPGRP", "SIOCATMARK", "SIOCGSTAMP_OLD",
        "SIOCGSTAMPNS_OLD", "SIOCGSTAMP_NEW", "SIOCGSTAMPNS_NEW", "SIOCADDRT", "SIOCDELRT",
        "SIOCRTMSG", "SIOCGIFNAME", "SIOCSIFLINK", "SIOCGIFCONF", "SIOCGIFFLAGS", "SIOCSIFFLAGS",
        "SIOCGIFADDR", "SIOCSIFADDR", "SIOCGIFDSTADDR", "SIOCSIFDSTADDR", "SIOCGIFBRDADDR",
        "SIOCSIFBRDADDR", "SIOCGIFNETMASK", "SIOCSIFNETMASK", "SIOCGIFMETRIC", "SIOCSIFMETRIC",
        "SIOCGIFMEM", "SIOCSIFMEM", "SIOCGIFMTU", "SIOCSIFMTU", "SIOCSIFNAME", "SIOCGIFENCAP",
        "SIOCSIFENCAP", "SIOCSIFHWADDR", "SIOCGIFHWADDR", "SIOCGIFSLAVE", "SIOCSIFSLAVE", "SIOCADDMULTI",
        "SIOCDELMULTI", "SIOCGIFINDEX", "SIOCSIFPFLAGS", "SIOCGIFPFLAGS", "SIOCDIFADDR",
        "SIOCSIFHWBROADCAST", "SIOCGIFCOUNT", "SIOCGIFBR", "SIOCSIFBR", "SIOCGIFTXQLEN",
        "SIOCSIFTXQLEN", "SIOCETHTOOL", "SIOCGMIIPHY", "SIOCGMIIREG", "SIOCSMIIREG", "SIOCWANDEV",
        "SIOCOUTQNSD", "SIOCGSKNS", "SIOCDARP", "SIOCGARP", "SIOCSARP", "SIOCDRARP", "SIOCGRARP",
        "SIOCSRARP", "SIOCGIFMAP", "SIOCSIFMAP", "SIOCADDDLCI", "SIOCDELDLCI", "SIOCGIFVLAN",
        "SIOCSIFVLAN", "SIOCBONDENSLAVE", "SIOCBONDRELEASE", "SIOCBONDSETHWADDR",
        "SIOCBONDSLAVEINFOQUERY", "SIOCBONDINFOQUERY", "SIOCBONDCHANGEACTIVE", "SIOCBRADDBR",
        "SIOCBRDELBR", "SIOCBRADDIF", "SIOCBRDELIF", "SIOCSHWTSTAMP", "SIOCGHWTSTAMP"]),
    "grnd_flags": (["linux/random.h"], ["GRND_NONBLOCK", "GRND_RANDOM", "GRND_INSECURE"]),
    "perf_event_open_flags": (["linux/perf_event.h"], [
        "PERF_FLAG_FD_NO_GROUP", "PERF_FLAG_FD_OUTPUT", "PERF_FLAG_PID_CGROUP",
        "PERF_FLAG_FD_CLOEXEC"]),
    "rwf_flags": (["linux/fs.h"], [
        "RWF_HIPRI", "RWF_DSYNC", "RWF_SYNC", "RWF_NOWAIT", "RWF_APPEND"]),
    "rename_flags": (["linux/fs.h"], ["RENAME_NOREPLACE", "RENAME_EXCHANGE", "RENAME_WHITEOUT"]),
    "epoll_flags": (["linux/eventpoll.h"], ["EPOLL_CLOEXEC"]),
    "madvise": (["asm/mman.h"], [
        "MADV_NORMAL", "MADV_RANDOM", "MADV_SEQUENTIAL", "MADV_WILLNEED", "MADV_DONTNEED",
        "MADV_FREE", "MADV_REMOVE", "MADV_DONTFORK", "MADV_DOFORK", "MADV_MERGEABLE",
        "MADV_UNMERGEABLE", "MADV_HUGEPAGE", "MADV_NOHUGEPAGE", "MADV_DONTDUMP", "MADV_DODUMP",
        "MADV_WIPEONFORK", "MADV_KEEPONFORK", "MADV_COLD", "MADV_PAGEOUT", "MADV_POPULATE_READ",
        "MADV_POPULATE_WRITE", "MADV_HWPOISON", "MADV_DONTNEED_LOCKED", "MADV_COLLAPSE"]),
    # WSTOPPED rather than WUNTRACED (the same bit), as strace names it.
    "wait_options": (["linux/wait.h"], [
        "WNOHANG", "WEXITED", "WSTOPPED", "WCONTINUED", "WNOWAIT", "__WCLONE", "__WALL",
        "__WNOTHREAD"]),
    "clocks": (["linux/time.h"], [
        "CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID", "CLOCK_THREAD_CPUTIME_ID",
        "CLOCK_MONOTONIC_RAW", "CLOCK_REALTIME_COARSE", "CLOCK_MONOTONIC_COARSE",
        "CLOCK_BOOTTIME", "CLOCK_REALTIME_ALARM", "CLOCK_BOOTTIME_ALARM", "CLOCK_TAI"]),
    "timer_flags": (["linux/time.h"], ["TIMER_ABSTIME"]),
    "fadvise": (["linux/fadvise.h"], [
        "POSIX_FADV_NORMAL", "POSIX_FADV_RANDOM", "POSIX_FADV_SEQUENTIAL", "POSIX_FADV_WILLNEED",
        "POSIX_FADV_DONTNEED", "POSIX_FADV_NOREUSE"]),
    # linux/in.h declares them in an enum, each followed by a #define of itself.
    "inet_protocols": (["linux/in.h", "linux/in6.h"], [
        "IPPROTO_IP", "IPPROTO_ICMP", "IPPROTO_TCP", "IPPROTO_UDP", "IPPROTO_IPV6",
        "IPPROTO_ICMPV6", "IPPROTO_RAW"]),
    # strace's order of the sa_flags names (as strace 6.1 prints them all set).
    "sa_flags": (["asm/signal.h"], [
        "SA_RESTORER", "SA_ONSTACK", "SA_RESTART", "SA_NODEFER", "SA_RESETHAND", "SA_SIGINFO",
        "SA_NOCLDSTOP", "SA_NOCLDWAIT"]),
    "stack_flags": (["linux/signal.h"], ["SS_ONSTACK", "SS_DISABLE", "SS_AUTODISARM"]),
    "poll_events": (["asm/poll.h"], [
        "POLLIN", "POLLPRI", "POLLOUT", "POLLERR", "POLLHUP", "POLLNVAL", "POLLRDNORM",
        "POLLRDBAND", "POLLWRNORM", "POLLWRBAND", "POLLMSG", "POLLREMOVE", "POLLRDHUP"]),
    # Composites first, as strace does: STATX_ALL (STATX_BASIC_STATS|STATX_BTIME), then
    # STATX_BASIC_STATS.
    "statx_mask": (["linux/stat.h"], [
        "STATX_ALL", "STATX_BASIC_STATS", "STATX_TYPE", "STATX_MODE", "STATX_NLINK", "STATX_UID",
        "STATX_GID", "STATX_ATIME", "STATX_MTIME", "STATX_CTIME", "STATX_INO", "STATX_SIZE",
        "STATX_BLOCKS", "STATX_BTIME", "STATX_MNT_ID", "STATX_DIOALIGN", "STATX_MNT_ID_UNIQUE",
        "STATX_SUBVOL", "STATX_WRITE_ATOMIC"]),
    "statx_attrs": (["linux/stat.h"], [
        "STATX_ATTR_COMPRESSED", "STATX_ATTR_IMMUTABLE", "STATX_ATTR_APPEND", "STATX_ATTR_NODUMP",
        "STATX_ATTR_ENCRYPTED", "STATX_ATTR_AUTOMOUNT", "STATX_ATTR_MOUNT_ROOT",
        "STATX_ATTR_VERITY", "STATX_ATTR_DAX"]),
    # Signals 1..31 by the names strace gives them: SIGABRT rather than SIGIOT, SIGIO rather
    # than SIGPOLL.
    "signals": (["asm/signal.h"], [
        "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
        "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
        "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"]),
    # Socket options by level (strace's sock_*options). SO_ATTACH_FILTER and SO_GET_FILTER
    # share a value: setsockopt's name, getsockopt's name.
    "sock_options": (["asm/socket.h"], [
        "SO_DEBUG", "SO_REUSEADDR", "SO_TYPE", "SO_ERROR", "SO_DONTROUTE", "SO_BROADCAST",
        "SO_SNDBUF", "SO_RCVBUF", "SO_KEEPALIVE", "SO_OOBINLINE", "SO_NO_CHECK", "SO_PRIORITY",
        "SO_LINGER", "SO_BSDCOMPAT", "SO_REUSEPORT", "SO_PASSCRED", "SO_PEERCRED", "SO_RCVLOWAT",
        "SO_SNDLOWAT", "SO_RCVTIMEO_OLD", "SO_SNDTIMEO_OLD", "SO_SECURITY_AUTHENTICATION",
        "SO_SECURITY_ENCRYPTION_TRANSPORT", "SO_SECURITY_ENCRYPTION_NETWORK", "SO_BINDTODEVICE",
        "SO_DETACH_FILTER", "SO_PEERNAME", "SO_TIMESTAMP_OLD", "SO_ACCEPTCONN", "SO_PEERSEC",
        "SO_SNDBUFFORCE", "SO_RCVBUFFORCE", "SO_PASSSEC", "SO_TIMESTAMPNS_OLD", "SO_MARK",
        "SO_TIMESTAMPING_OLD", "SO_PROTOCOL", "SO_DOMAIN", "SO_RXQ_OVFL", "SO_WIFI_STATUS",
        "SO_PEEK_OFF", "SO_NOFCS", "SO_LOCK_FILTER", "SO_SELECT_ERR_QUEUE", "SO_BUSY_POLL",
        "SO_MAX_PACING_RATE", "SO_BPF_EXTENSIONS", "SO_INCOMING_CPU", "SO_ATTACH_BPF",
        "SO_ATTACH_REUSEPORT_CBPF", "SO_ATTACH_REUSEPORT_EBPF", "SO_CNX_ADVICE", "SO_MEMINFO",
        "SO_INCOMING_NAPI_ID", "SO_COOKIE", "SO_PEERGROUPS", "SO_ZEROCOPY", "SO_TXTIME",
        "SO_BINDTOIFINDEX", "SO_TIMESTAMP_NEW", "SO_TIMESTAMPNS_NEW", "SO_TIMESTAMPING_NEW",
        "SO_RCVTIMEO_NEW", "SO_SNDTIMEO_NEW", "SO_DETACH_REUSEPORT_BPF", "SO_PREFER_BUSY_POLL",
        "SO_BUSY_POLL_BUDGET", "SO_NETNS_COOKIE", "SO_BUF_LOCK", "SO_RESERVE_MEM", "SO_TXREHASH",
        "SO_RCVMARK"]),
    "getsock_options": (["asm/socket.h"], ["SO_GET_FILTER"]),
    "setsock_options": (["asm/socket.h"], ["SO_ATTACH_FILTER"]),
    "txrehash": (["linux/socket.h"], [
        "SOCK_TXREHASH_DISABLED", "SOCK_TXREHASH_ENABLED", "SOCK_TXREHASH_DEFAULT"]),
    "sock_ip_options": (["linux/in.h"], [
        "IP_TOS", "IP_TTL", "IP_HDRINCL", "IP_OPTIONS", "IP_ROUTER_ALERT", "IP_RECVOPTS",
        "IP_RETOPTS", "IP_PKTINFO", "IP_PKTOPTIONS", "IP_MTU_DISCOVER", "IP_RECVERR",
        "IP_RECVTTL", "IP_RECVTOS", "IP_MTU", "IP_FREEBIND", "IP_IPSEC_POLICY", "IP_XFRM_POLICY",
        "IP_PASSSEC", "IP_TRANSPARENT", "IP_ORIGDSTADDR", "IP_MINTTL", "IP_NODEFRAG",
        "IP_CHECKSUM", "IP_BIND_ADDRESS_NO_PORT", "IP_RECVFRAGSIZE", "IP_RECVERR_RFC4884",
        "IP_MULTICAST_IF", "IP_MULTICAST_TTL", "IP_MULTICAST_LOOP", "IP_ADD_MEMBERSHIP",
        "IP_DROP_MEMBERSHIP", "IP_UNBLOCK_SOURCE", "IP_BLOCK_SOURCE", "IP_ADD_SOURCE_MEMBERSHIP",
        "IP_DROP_SOURCE_MEMBERSHIP", "IP_MSFILTER", "MCAST_JOIN_GROUP", "MCAST_BLOCK_SOURCE",
        "MCAST_UNBLOCK_SOURCE", "MCAST_LEAVE_GROUP", "MCAST_JOIN_SOURCE_GROUP",
        "MCAST_LEAVE_SOURCE_GROUP", "MCAST_MSFILTER", "IP_MULTICAST_ALL", "IP_UNICAST_IF"]),
    "sock_ipv6_options": (["linux/in.h", "linux/in6.h"], [
        "IPV6_ADDRFORM", "IPV6_2292PKTINFO", "IPV6_2292HOPOPTS", "IPV6_2292DSTOPTS",
        "IPV6_2292RTHDR", "IPV6_2292PKTOPTIONS", "IPV6_CHECKSUM", "IPV6_2292HOPLIMIT",
        "IPV6_NEXTHOP", "IPV6_AUTHHDR", "IPV6_FLOWINFO", "IPV6_UNICAST_HOPS", "IPV6_MULTICAST_IF",
        "IPV6_MULTICAST_HOPS", "IPV6_MULTICAST_LOOP", "IPV6_ADD_MEMBERSHIP",
        "IPV6_DROP_MEMBERSHIP", "IPV6_ROUTER_ALERT", "IPV6_MTU_DISCOVER", "IPV6_MTU",
        "IPV6_RECVERR", "IPV6_V6ONLY", "IPV6_JOIN_ANYCAST", "IPV6_LEAVE_ANYCAST",
        "IPV6_MULTICAST_ALL", "IPV6_ROUTER_ALERT_ISOLATE", "IPV6_RECVERR_RFC4884",
        "IPV6_FLOWLABEL_MGR", "IPV6_FLOWINFO_SEND", "IPV6_IPSEC_POLICY", "IPV6_XFRM_POLICY",
        "IPV6_HDRINCL", "MCAST_JOIN_GROUP", "MCAST_BLOCK_SOURCE", "MCAST_UNBLOCK_SOURCE",
        "MCAST_LEAVE_GROUP", "MCAST_JOIN_SOURCE_GROUP", "MCAST_LEAVE_SOURCE_GROUP",
        "MCAST_MSFILTER", "IPV6_RECVPKTINFO", "IPV6_PKTINFO", "IPV6_RECVHOPLIMIT",
        "IPV6_HOPLIMIT", "IPV6_RECVHOPOPTS", "IPV6_HOPOPTS", "IPV6_RTHDRDSTOPTS",
        "IPV6_RECVRTHDR", "IPV6_RTHDR", "IPV6_RECVDSTOPTS", "IPV6_DSTOPTS", "IPV6_RECVPATHMTU",
        "IPV6_PATHMTU", "IPV6_DONTFRAG", "IPV6_RECVTCLASS", "IPV6_TCLASS",
        "IPV6_AUTOFLOWLABEL", "IPV6_ADDR_PREFERENCES", "IPV6_MINHOPCOUNT", "IPV6_ORIGDSTADDR",
        "IPV6_TRANSPARENT", "IPV6_UNICAST_IF", "IPV6_RECVFRAGSIZE", "IPV6_FREEBIND"]),
    "sock_tcp_options": (["linux/tcp.h"], [
        "TCP_NODELAY", "TCP_MAXSEG", "TCP_CORK", "TCP_KEEPIDLE", "TCP_KEEPINTVL", "TCP_KEEPCNT",
        "TCP_SYNCNT", "TCP_LINGER2", "TCP_DEFER_ACCEPT", "TCP_WINDOW_CLAMP", "TCP_INFO",
        "TCP_QUICKACK", "TCP_CONGESTION", "TCP_MD5SIG", "TCP_THIN_LINEAR_TIMEOUTS",
        "TCP_THIN_DUPACK", "TCP_USER_TIMEOUT", "TCP_REPAIR", "TCP_REPAIR_QUEUE", "TCP_QUEUE_SEQ",
        "TCP_REPAIR_OPTIONS", "TCP_FASTOPEN", "TCP_TIMESTAMP", "TCP_NOTSENT_LOWAT", "TCP_CC_INFO",
        "TCP_SAVE_SYN", "TCP_SAVED_SYN", "TCP_REPAIR_WINDOW", "TCP_FASTOPEN_CONNECT", "TCP_ULP",
        "TCP_MD5SIG_EXT", "TCP_FASTOPEN_KEY", "TCP_FASTOPEN_NO_COOKIE", "TCP_ZEROCOPY_RECEIVE",
        "TCP_INQ", "TCP_TX_DELAY"]),
    "sock_udp_options": (["linux/udp.h"], [
        "UDP_CORK", "UDP_ENCAP", "UDP_NO_CHECK6_TX", "UDP_NO_CHECK6_RX", "UDP_SEGMENT",
        "UDP_GRO"]),
    "sock_netlink_options": (["linux/netlink.h"], [
        "NETLINK_ADD_MEMBERSHIP", "NETLINK_DROP_MEMBERSHIP", "NETLINK_PKTINFO",
        "NETLINK_BROADCAST_ERROR", "NETLINK_NO_ENOBUFS", "NETLINK_RX_RING", "NETLINK_TX_RING",
        "NETLINK_LISTEN_ALL_NSID", "NETLINK_LIST_MEMBERSHIPS", "NETLINK_CAP_ACK",
        "NETLINK_EXT_ACK", "NETLINK_GET_STRICT_CHK"]),
    "netlink_protocols": (["linux/netlink.h"], [
        "NETLINK_ROUTE", "NETLINK_UNUSED", "NETLINK_USERSOCK", "NETLINK_FIREWALL",
        "NETLINK_SOCK_DIAG", "NETLINK_NFLOG", "NETLINK_XFRM", "NETLINK_SELINUX", "NETLINK_ISCSI",
        "NETLINK_AUDIT", "NETLINK_FIB_LOOKUP", "NETLINK_CONNECTOR", "NETLINK_NETFILTER",
        "NETLINK_IP6_FW", "NETLINK_DNRTMSG", "NETLINK_KOBJECT_UEVENT", "NETLINK_GENERIC",
        "NETLINK_SCSITRANSPORT", "NETLINK_ECRYPTFS", "NETLINK_RDMA", "NETLINK_CRYPTO",
        "NETLINK_SMC"]),
    "sock_packet_options": (["linux/if_packet.h"], [
        "PACKET_ADD_MEMBERSHIP", "PACKET_DROP_MEMBERSHIP", "PACKET_RECV_OUTPUT",
        "PACKET_RX_RING", "PACKET_STATISTICS", "PACKET_COPY_THRESH", "PACKET_AUXDATA",
        "PACKET_ORIGDEV", "PACKET_VERSION", "PACKET_HDRLEN", "PACKET_RESERVE", "PACKET_TX_RING",
        "PACKET_LOSS", "PACKET_VNET_HDR", "PACKET_TX_TIMESTAMP", "PACKET_TIMESTAMP",
        "PACKET_FANOUT", "PACKET_TX_HAS_OFF", "PACKET_QDISC_BYPASS", "PACKET_ROLLOVER_STATS",
        "PACKET_FANOUT_DATA", "PACKET_IGNORE_OUTGOING"]),
    # Structures' fields (decode_structs.cpp): struct flock's l_type, struct f_owner_ex's type,
    # open_how's resolve, and the selectors of getrusage, waitid and setitimer.
    "lock_types": (["asm/fcntl.h"], ["F_RDLCK", "F_WRLCK", "F_UNLCK", "F_EXLCK", "F_SHLCK"]),
    "f_owner_types": (["linux/fcntl.h"], ["F_OWNER_TID", "F_OWNER_PID", "F_OWNER_PGRP"]),
    "resolve_flags": (["linux/openat2.h"], [
        "RESOLVE_NO_XDEV", "RESOLVE_NO_MAGICLINKS", "RESOLVE_NO_SYMLINKS", "RESOLVE_BENEATH",
        "RESOLVE_IN_ROOT", "RESOLVE_CACHED"]),
    "rusage_who": (["linux/resource.h"], [
        "RUSAGE_SELF", "RUSAGE_CHILDREN", "RUSAGE_BOTH", "RUSAGE_THREAD"]),
    "idtypes": (["linux/wait.h"], ["P_ALL", "P_PID", "P_PGID", "P_PIDFD"]),
    "itimer_which": (["linux/time.h"], ["ITIMER_REAL", "ITIMER_VIRTUAL", "ITIMER_PROF"]),
    "timerfd_timer_flags": (["linux/timerfd.h"], [
        "TFD_TIMER_ABSTIME", "TFD_TIMER_CANCEL_ON_SET"]),
}

#: Constants newer than the headers read (linux-libc-dev of Debian 12 is Linux 6.1): the
#: value and where the kernel defines it, kept here until the headers have them.
NEWER = {
    "ARCH_SHSTK_ENABLE": (0x5001, "arch/x86/include/uapi/asm/prctl.h of Linux 6.6"),
    "STATX_MNT_ID_UNIQUE": (0x4000, "include/uapi/linux/stat.h of Linux 6.8"),
    "STATX_SUBVOL": (0x8000, "include/uapi/linux/stat.h of Linux 6.10"),
    "STATX_WRITE_ATOMIC": (0x10000, "include/uapi/linux/stat.h of Linux 6.11"),
}

#: Tables of x86_64's calls only (arch_prctl): not looked for in arm64's headers.
X86_ONLY = {"arch_prctl"}

#: How big the types are that ioctl numbers are built from (_IOW(0x94, 9, int)).
SIZES = {"int": 4, "long": 8, "unsigned int": 4, "unsigned long": 8, "__u32": 4, "__u64": 8,
         "long long[2]": 16}
IOC_DIRS = {"_IO": 0, "_IOW": 1, "_IOR": 2, "_IOWR": 3}


def package_version(package: str) -> str:
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], check=True,
                              capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def read_defines(headers: list[str], arch: str) -> dict[str, tuple[str, str, int]]:
    """{macro: (body, header relative to its root, line)} of what including headers defines,
    as the preprocessor sees it for arch; object-like macros and enum members of the form
    `NAME = value,` (linux/in.h's IPPROTO_*)."""
    spec = ARCHES[arch]
    args = ["gcc", "-E", "-dD", "-nostdinc", "-undef", f"-D{spec['define']}", "-x", "c", "-"]
    for root in spec["roots"]:
        args[1:1] = ["-I", root]
    source = "".join(f"#include <{h}>\n" for h in headers)
    text = subprocess.run(args, input=source, check=True, capture_output=True, text=True).stdout
    roots = sorted(spec["roots"], key=len, reverse=True)
    defines: dict[str, tuple[str, str, int]] = {}
    where, line = "", 0
    for raw in text.splitlines():
        marker = re.match(r'# (\d+) "([^"]+)"', raw)
        if marker:
            line, path = int(marker.group(1)), marker.group(2)
            where = next((path[len(r) + 1:] for r in roots if path.startswith(r + "/")), path)
            continue
        define = re.match(r"#define (\w+)(\(?)\s*(.*)", raw)
        member = re.match(r"\s*(\w+)\s*=\s*([^,]+),", raw)
        if define and not define.group(2):
            defines.setdefault(define.group(1), (define.group(3).strip(), where, line))
        elif member:
            defines.setdefault(member.group(1), (member.group(2).strip(), where, line))
        line += 1
    return defines


def evaluate(body: str, defines: dict[str, tuple[str, str, int]], depth: int = 0) -> int:
    """The value of a constant expression of the uapi headers: numbers (with U/L suffixes),
    character literals, other macros, | & << >> + - ~ and the _IO/_IOR/_IOW/_IOWR ioctl
    encodings (asm-generic/ioctl.h, which x86_64 and arm64 share)."""
    if depth > 16:
        raise ValueError(f"macros nest too deep: {body}")
    body = re.sub(r"/\*.*?\*/", "", body).strip()
    ioc = re.fullmatch(r"(_IO[RW]*)\(\s*([^,]+?)\s*,\s*([^,]+?)\s*(?:,\s*(.+?))?\s*\)", body)
    if ioc and ioc.group(1) in IOC_DIRS:
        kind, type_, nr, size = ioc.groups()
        size_value = SIZES[" ".join(size.split())] if size else 0
        return (IOC_DIRS[kind] << 30) | (size_value << 16) | \
            (evaluate(type_, defines, depth + 1) << 8) | evaluate(nr, defines, depth + 1)

    # A cast to a kernel type: ((__kernel_rwf_t)0x00000001).
    body = re.sub(r"\(\s*__\w+_t\s*\)", "", body)

    def word(match: re.Match[str]) -> str:
        token = match.group(0)
        if token[0].isdigit():
            number = token.rstrip("uUlL")
            base = 16 if number.lower().startswith("0x") else 8 if number.startswith("0") and \
                len(number) > 1 else 10
            return str(int(number, base))
        if token not in defines:
            raise KeyError(token)
        return f"({evaluate(defines[token][0], defines, depth + 1)})"

    expr = re.sub(r"'(.)'", lambda m: str(ord(m.group(1))), body)
    expr = re.sub(r"\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\b|\b[A-Za-z_]\w*\b", word, expr)
    if not re.fullmatch(r"[\d\s()|&<>+\-~]*", expr):
        raise ValueError(f"not a constant expression: {body}")
    return int(eval(expr, {"__builtins__": {}}))  # only digits and operators are left


def constants(table: str, arch: str) -> list[tuple[str, int, str, int, str]]:
    """(name, value, header, line, macro) of each constant of table for arch; header "" for a
    constant of NEWER."""
    headers, names = TABLES[table]
    defines = read_defines(headers, arch)
    rows = []
    for entry in names:
        name, _, macro = entry.partition("=")
        macro = macro or name
        if macro in defines:
            body, header, line = defines[macro]
            rows.append((name, evaluate(body, defines), header, line, macro))
        elif macro in NEWER:
            rows.append((name, NEWER[macro][0], "", 0, macro))
        else:
            raise SystemExit(f"{table}: {macro} is not in {', '.join(headers)} for {arch}")
    return rows


def render_table(table: str, versions: str) -> str:
    """One data file: its constants for x86_64, and a second line per constant whose value
    differs on aarch64 (when arm64's headers are installed)."""
    headers, _ = TABLES[table]
    hex_values = table.endswith(("flags", "prot")) or \
        table in ("ioctls", "arch_prctl", "wait_options", "poll_events", "statx_mask", "statx_attrs")
    out = [f"# {table}: from {', '.join(headers)} of {versions}; written by "
           "tools/gen_uapi_consts.py, do not edit",
           "# format: <name>\\t<value>\\t<header>:<line>[\\tmacro=<the header's name>]"
           "[\\tarch=<the only architecture>]; in the order strace prints them"]
    arm = None
    if Path(ARCHES["aarch64"]["roots"][0]).is_dir() and table not in X86_ONLY:
        arm = {name: row for name, *row in constants(table, "aarch64")}
    for name, value, header, line, macro in constants(table, "x86_64"):
        def line_of(value: int, header: str, line: int, arch: str | None) -> str:
            shown = hex(value) if hex_values else str(value)
            where = f"{header}:{line}" if header else f"({NEWER[macro][1]})"
            extra = (f"\tmacro={macro}" if macro != name else "") + \
                (f"\tarch={arch}" if arch else "")
            return f"{name}\t{shown}\t{where}{extra}"
        other = arm.get(name) if arm else None
        if other and other[0] != value:
            out.append(line_of(value, header, line, "x86_64"))
            out.append(line_of(other[0], other[1], other[2], "aarch64"))
        else:
            out.append(line_of(value, header, line, None))
    return "\n".join(out) + "\n"


def write_data(data_dir: Path) -> None:
    versions = f"linux-libc-dev {package_version('linux-libc-dev')} (amd64)"
    if Path(ARCHES["aarch64"]["roots"][0]).is_dir():
        versions += f" and linux-libc-dev-arm64-cross " \
                    f"{package_version('linux-libc-dev-arm64-cross')} (arm64)"
    data_dir.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        (data_dir / f"{table}.tsv").write_text(render_table(table, versions))


def parse_data(path: Path) -> list[dict[str, str]]:
    """The rows of one data file: name, value, source and the optional macro and arch."""
    rows = []
    for line in path.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, value, source, *extra = line.split("\t")
        row = {"name": name, "value": value, "source": source}
        row.update(field.split("=", 1) for field in extra)  # type: ignore[arg-type]
        rows.append(row)
    return rows


def render_header(data_dir: Path) -> str:
    out = ["// Constant tables generated by tools/gen_uapi_consts.py from data/uapi/*.tsv (the",
           "// kernel's uapi headers). Do not edit.",
           "#pragma once",
           "",
           '#include "text.h"',
           "",
           "namespace observer::uapi {"]
    guards = {"x86_64": "defined(__x86_64__)", "aarch64": "defined(__aarch64__)"}
    for path in sorted(data_dir.glob("*.tsv")):
        rows = parse_data(path)
        out.append(f"// {path.name}")
        out.append(f"inline constexpr text::Flag k_{path.stem}[] = {{")
        for row in rows:
            # A negative constant (RUSAGE_CHILDREN) as the bits of its two's complement.
            value = row["value"]
            value = f"static_cast<uint64_t>({value})" if value.startswith("-") else value
            entry = f'    {{{value}, "{row["name"]}"}},  // {row["source"]}'
            if "arch" in row:
                out += [f"#if {guards[row['arch']]}", entry, "#endif"]
            else:
                out.append(entry)
        out.append("};")
    out.append("")
    out.append("}  // namespace observer::uapi")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "data":
        write_data(Path(argv[2]))
    elif len(argv) == 4 and argv[1] == "header":
        Path(argv[3]).write_text(render_header(Path(argv[2])))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
