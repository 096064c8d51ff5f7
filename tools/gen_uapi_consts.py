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
import tempfile
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
        "__O_SYNC", "O_DSYNC", "O_ASYNC=FASYNC", "O_DIRECT", "O_LARGEFILE", "O_NOFOLLOW",
        "O_NOATIME",
        "O_CLOEXEC", "O_PATH", "O_TMPFILE", "__O_TMPFILE", "O_DIRECTORY"]),
    "prot": (["asm/mman.h"], [
        "PROT_READ", "PROT_WRITE", "PROT_EXEC", "PROT_GROWSDOWN", "PROT_GROWSUP"]),
    "mmap_flags": (["asm/mman.h", "linux/mman.h"], [
        "MAP_SHARED_VALIDATE", "MAP_SHARED", "MAP_PRIVATE", "MAP_FIXED_NOREPLACE", "MAP_FIXED",
        "MAP_ANONYMOUS", "MAP_GROWSDOWN", "MAP_DENYWRITE", "MAP_EXECUTABLE", "MAP_LOCKED",
        "MAP_NORESERVE", "MAP_POPULATE", "MAP_NONBLOCK", "MAP_STACK", "MAP_HUGETLB", "MAP_SYNC"]),
    "at_flags": (["linux/fcntl.h"], [
        "AT_SYMLINK_NOFOLLOW", "AT_REMOVEDIR", "AT_SYMLINK_FOLLOW", "AT_NO_AUTOMOUNT",
        "AT_EMPTY_PATH", "AT_RECURSIVE"]),
    # statx's sync type, before its other AT_* flags.
    "at_statx_sync_types": (["linux/fcntl.h"], ["AT_STATX_FORCE_SYNC", "AT_STATX_DONT_SYNC"]),
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
    "futex_wake_ops": (["linux/futex.h"], [
        "FUTEX_OP_SET", "FUTEX_OP_ADD", "FUTEX_OP_OR", "FUTEX_OP_ANDN", "FUTEX_OP_XOR"]),
    "futex_wake_cmps": (["linux/futex.h"], [
        "FUTEX_OP_CMP_EQ", "FUTEX_OP_CMP_NE", "FUTEX_OP_CMP_LT", "FUTEX_OP_CMP_LE",
        "FUTEX_OP_CMP_GT", "FUTEX_OP_CMP_GE"]),
    "rlimits": (["asm/resource.h"], [
        "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE", "RLIMIT_RSS",
        "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS",
        "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME"]),
    "arch_prctl": (["asm/prctl.h"], [
        "ARCH_SET_GS", "ARCH_SET_FS", "ARCH_GET_FS", "ARCH_GET_GS", "ARCH_GET_CPUID",
        "ARCH_SET_CPUID", "ARCH_GET_XCOMP_SUPP", "ARCH_GET_XCOMP_PERM", "ARCH_REQ_XCOMP_PERM",
        "ARCH_GET_XCOMP_GUEST_PERM", "ARCH_REQ_XCOMP_GUEST_PERM", "ARCH_MAP_VDSO_X32",
        "ARCH_MAP_VDSO_32", "ARCH_MAP_VDSO_64", "ARCH_SHSTK_ENABLE"]),
    # The terminal and file ioctls programs make most. Two names of one value are both shown,
    # strace's "BTRFS_IOC_CLONE or FICLONE".
    "ioctls": (["asm/ioctls.h", "linux/fs.h", "linux/btrfs.h", "asm/sockios.h",
                "linux/sockios.h"], [
        "TCGETS", "TCSETS", "TCSETSW", "TCSETSF", "TCGETS2", "TCSETS2", "TCSETSW2", "TCSETSF2",
        "TIOCGPGRP", "TIOCSPGRP", "TIOCGWINSZ",
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
    # The event types and axes of evdev's requests that carry one in their number:
    # EVIOCGBIT(EV_KEY, 8), EVIOCGABS(ABS_X).
    "evdev_ev": (["linux/input-event-codes.h"], [
        "EV_SYN", "EV_KEY", "EV_REL", "EV_ABS", "EV_MSC", "EV_SW", "EV_LED", "EV_SND", "EV_REP",
        "EV_FF", "EV_PWR", "EV_FF_STATUS"]),
    "evdev_abs": (["linux/input-event-codes.h"], [
        "ABS_X", "ABS_Y", "ABS_Z", "ABS_RX", "ABS_RY", "ABS_RZ", "ABS_THROTTLE", "ABS_RUDDER",
        "ABS_WHEEL", "ABS_GAS", "ABS_BRAKE", "ABS_HAT0X", "ABS_HAT0Y", "ABS_HAT1X", "ABS_HAT1Y",
        "ABS_HAT2X", "ABS_HAT2Y", "ABS_HAT3X", "ABS_HAT3Y", "ABS_PRESSURE", "ABS_DISTANCE",
        "ABS_TILT_X", "ABS_TILT_Y", "ABS_TOOL_WIDTH", "ABS_VOLUME", "ABS_PROFILE", "ABS_MISC",
        "ABS_RESERVED", "ABS_MT_SLOT", "ABS_MT_TOUCH_MAJOR", "ABS_MT_TOUCH_MINOR",
        "ABS_MT_WIDTH_MAJOR", "ABS_MT_WIDTH_MINOR", "ABS_MT_ORIENTATION", "ABS_MT_POSITION_X",
        "ABS_MT_POSITION_Y", "ABS_MT_TOOL_TYPE", "ABS_MT_BLOB_ID", "ABS_MT_TRACKING_ID",
        "ABS_MT_PRESSURE", "ABS_MT_DISTANCE", "ABS_MT_TOOL_X", "ABS_MT_TOOL_Y"]),
    # The console's modes and LEDs, KDSETMODE's, KDSKBMODE's and KDSETLED's arguments.
    "kd_modes": (["linux/kd.h"], ["KD_TEXT", "KD_GRAPHICS", "KD_TEXT0", "KD_TEXT1"]),
    "kd_kbd_modes": (["linux/kd.h"], ["K_RAW", "K_XLATE", "K_MEDIUMRAW", "K_UNICODE", "K_OFF"]),
    "kd_led_flags": (["linux/kd.h"], ["LED_SCR", "LED_NUM", "LED_CAP"]),
    # Network interfaces' flags and hardware address types, of the socket ioctls' struct
    # ifreq (linux/if.h declares the flags in an enum).
    "iff_flags": (["linux/if.h"], [
        "IFF_UP", "IFF_BROADCAST", "IFF_DEBUG", "IFF_LOOPBACK", "IFF_POINTOPOINT",
        "IFF_NOTRAILERS", "IFF_RUNNING", "IFF_NOARP", "IFF_PROMISC", "IFF_ALLMULTI",
        "IFF_MASTER", "IFF_SLAVE", "IFF_MULTICAST", "IFF_PORTSEL", "IFF_AUTOMEDIA",
        "IFF_DYNAMIC", "IFF_LOWER_UP", "IFF_DORMANT", "IFF_ECHO"]),
    "arphrd_types": (["linux/if_arp.h"], [
        "ARPHRD_NETROM", "ARPHRD_ETHER", "ARPHRD_EETHER", "ARPHRD_AX25", "ARPHRD_PRONET",
        "ARPHRD_CHAOS", "ARPHRD_IEEE802", "ARPHRD_ARCNET", "ARPHRD_APPLETLK", "ARPHRD_DLCI",
        "ARPHRD_ATM", "ARPHRD_METRICOM", "ARPHRD_IEEE1394", "ARPHRD_EUI64", "ARPHRD_INFINIBAND",
        "ARPHRD_SLIP", "ARPHRD_CSLIP", "ARPHRD_SLIP6", "ARPHRD_CSLIP6", "ARPHRD_RSRVD",
        "ARPHRD_ADAPT", "ARPHRD_ROSE", "ARPHRD_X25", "ARPHRD_HWX25", "ARPHRD_CAN",
        "ARPHRD_MCTP", "ARPHRD_PPP", "ARPHRD_CISCO", "ARPHRD_LAPB", "ARPHRD_DDCMP",
        "ARPHRD_RAWHDLC", "ARPHRD_RAWIP", "ARPHRD_TUNNEL", "ARPHRD_TUNNEL6", "ARPHRD_FRAD",
        "ARPHRD_SKIP", "ARPHRD_LOOPBACK", "ARPHRD_LOCALTLK", "ARPHRD_FDDI", "ARPHRD_BIF",
        "ARPHRD_SIT", "ARPHRD_IPDDP", "ARPHRD_IPGRE", "ARPHRD_PIMREG", "ARPHRD_HIPPI",
        "ARPHRD_ASH", "ARPHRD_ECONET", "ARPHRD_IRDA", "ARPHRD_FCPP", "ARPHRD_FCAL",
        "ARPHRD_FCPL", "ARPHRD_FCFABRIC", "ARPHRD_IEEE802_TR", "ARPHRD_IEEE80211",
        "ARPHRD_IEEE80211_PRISM", "ARPHRD_IEEE80211_RADIOTAP", "ARPHRD_IEEE802154",
        "ARPHRD_IEEE802154_MONITOR", "ARPHRD_PHONET", "ARPHRD_PHONET_PIPE", "ARPHRD_CAIF",
        "ARPHRD_IP6GRE", "ARPHRD_NETLINK", "ARPHRD_6LOWPAN", "ARPHRD_VSOCKMON", "ARPHRD_NONE",
        "ARPHRD_VOID"]),
    "kd_meta": (["linux/kd.h"], ["K_METABIT", "K_ESCPREFIX"]),
    "kd_font_ops": (["linux/kd.h"], [
        "KD_FONT_OP_SET", "KD_FONT_OP_GET", "KD_FONT_OP_SET_DEFAULT", "KD_FONT_OP_COPY"]),
    "kd_font_flags": (["linux/kd.h"], ["KD_FONT_FLAG_DONT_RECALC", "KD_FONT_FLAG_OLD"]),
    "kd_key_types": (["linux/keyboard.h"], [
        "KT_LATIN", "KT_FN", "KT_SPEC", "KT_PAD", "KT_DEAD", "KT_CONS", "KT_CUR", "KT_SHIFT",
        "KT_META", "KT_ASCII", "KT_LOCK", "KT_LETTER", "KT_SLOCK", "KT_DEAD2", "KT_BRL"]),
    # The named keys of each type (linux/keyboard.h's K(KT_FN,0) and so on), by value.
    "kd_key_fn_keys": (["linux/keyboard.h"], [r"~K_\w+ K\(KT_FN,.*"]),
    "kd_key_spec_keys": (["linux/keyboard.h"], [r"~K_\w+ K\(KT_SPEC,.*"]),
    "kd_key_pad_keys": (["linux/keyboard.h"], [r"~K_\w+ K\(KT_PAD,.*"]),
    "kd_key_dead_keys": (["linux/keyboard.h"], [r"~K_\w+ K\(KT_DEAD,.*"]),
    "kd_key_cur_keys": (["linux/keyboard.h"], [r"~K_\w+ K\(KT_CUR,.*"]),
    "kd_key_shift_keys": (["linux/keyboard.h"], [r"~K_\w+ K\(KT_SHIFT,.*"]),
    "kd_key_ascii_keys": (["linux/keyboard.h"], [r"~K_\w+ K\(KT_ASCII,.*"]),
    "kd_key_lock_keys": (["linux/keyboard.h"], [r"~K_\w+ K\(KT_LOCK,.*"]),
    "kd_key_slock_keys": (["linux/keyboard.h"], [r"~K_\w+ K\(KT_SLOCK,.*"]),
    "kd_key_brl_keys": (["linux/keyboard.h"], [r"~K_\w+ K\(KT_BRL,.*"]),
    "kd_key_tables": (["linux/kd.h"], ["K_NORMTAB", "K_SHIFTTAB", "K_ALTTAB", "K_ALTSHIFTTAB"]),
    # The modifier bits of a keymap's number, each shown as 1<<KG_SHIFT.
    "kd_keymap_bits": (["linux/keyboard.h"], [
        "KG_SHIFT", "KG_ALTGR", "KG_CTRL", "KG_ALT", "KG_SHIFTL", "KG_SHIFTR", "KG_CTRLL",
        "KG_CTRLR"]),
    # struct termios and struct termio (asm/termbits.h, asm/termios.h): the flags of each
    # field, the delays and sizes that are values of a mask, baud rates, c_cc's indices.
    "term_iflags": (["asm/termbits.h"], [
        "IGNBRK", "BRKINT", "IGNPAR", "PARMRK", "INPCK", "ISTRIP", "INLCR", "IGNCR", "ICRNL",
        "IUCLC", "IXON", "IXANY", "IXOFF", "IMAXBEL", "IUTF8"]),
    "term_oflags": (["asm/termbits.h"], [
        "OPOST", "OLCUC", "ONLCR", "OCRNL", "ONOCR", "ONLRET", "OFILL", "OFDEL"]),
    "term_oflags_nldly": (["asm/termbits.h"], ["NL0", "NL1"]),
    "term_oflags_crdly": (["asm/termbits.h"], ["CR0", "CR1", "CR2", "CR3"]),
    "term_oflags_tabdly": (["asm/termbits.h"], ["XTABS", "TAB0", "TAB1", "TAB2", "TAB3"]),
    "term_oflags_bsdly": (["asm/termbits.h"], ["BS1", "BS0"]),
    "term_oflags_vtdly": (["asm/termbits.h"], ["VT0", "VT1"]),
    "term_oflags_ffdly": (["asm/termbits.h"], ["FF0", "FF1"]),
    "term_cflags": (["asm/termbits.h"], [
        "CSTOPB", "CREAD", "PARENB", "PARODD", "HUPCL", "CLOCAL", "CMSPAR", "CRTSCTS"]),
    "term_cflags_csize": (["asm/termbits.h"], ["CS5", "CS6", "CS7", "CS8"]),
    "baud_options": (["asm/termbits.h"], [
        "B0", "B50", "B75", "B110", "B134", "B150", "B200", "B300", "B600", "B1200", "B1800",
        "B2400", "B4800", "B9600", "B19200", "B38400", "B57600", "B115200", "B230400",
        "B460800", "B500000", "B576000", "B921600", "B1000000", "B1152000", "B1500000",
        "B2000000", "B2500000", "B3000000", "B3500000", "B4000000", "BOTHER"]),
    "term_lflags": (["asm/termbits.h"], [
        "ISIG", "ICANON", "XCASE", "ECHO", "ECHOE", "ECHOK", "ECHONL", "NOFLSH", "IEXTEN",
        "ECHOCTL", "ECHOPRT", "ECHOKE", "FLUSHO", "PENDIN", "TOSTOP", "EXTPROC"]),
    "termios_cc": (["asm/termbits.h"], [
        "VINTR", "VQUIT", "VERASE", "VKILL", "VEOL2", "VSWTC", "VSTART", "VSTOP", "VSUSP",
        "VREPRINT", "VDISCARD", "VWERASE", "VLNEXT", "VMIN", "VTIME", "VEOF", "VEOL"]),
    "term_line_discs": (["linux/tty.h"], [
        "N_TTY", "N_SLIP", "N_MOUSE", "N_PPP", "N_STRIP", "N_AX25", "N_X25", "N_6PACK",
        "N_MASC", "N_R3964", "N_PROFIBUS_FDL", "N_IRDA", "N_SMSBLOCK", "N_HDLC", "N_SYNC_PPP",
        "N_HCI", "N_GIGASET_M101", "N_SLCAN", "N_PPS", "N_V253", "N_CAIF", "N_GSM0710",
        "N_TI_WL", "N_TRACESINK", "N_TRACEROUTER", "N_NCI", "N_SPEAKUP", "N_NULL"]),
    "modem_flags": (["asm/termios.h"], [
        "TIOCM_LE", "TIOCM_DTR", "TIOCM_RTS", "TIOCM_ST", "TIOCM_SR", "TIOCM_CTS",
        "TIOCM_CAR", "TIOCM_RNG", "TIOCM_DSR", "TIOCM_OUT1", "TIOCM_OUT2", "TIOCM_LOOP"]),
    # NBD_SET_FLAGS's: those of the kernel's header (the NBD protocol defines more).
    "nbd_flags": (["linux/nbd.h"], [
        "NBD_FLAG_HAS_FLAGS", "NBD_FLAG_READ_ONLY", "NBD_FLAG_SEND_FLUSH", "NBD_FLAG_SEND_FUA",
        "NBD_FLAG_SEND_TRIM", "NBD_FLAG_CAN_MULTI_CONN"]),
    "perf_ioc_flags": (["linux/perf_event.h"], ["PERF_IOC_FLAG_GROUP"]),
    "btrfs_balance_ctl_cmds": (["linux/btrfs.h"], [
        "BTRFS_BALANCE_CTL_PAUSE", "BTRFS_BALANCE_CTL_CANCEL"]),
    # The GPIO character device's line, handle and event flags (linux/gpio.h).
    "gpio_line_flags": (["linux/gpio.h"], [
        "GPIOLINE_FLAG_KERNEL", "GPIOLINE_FLAG_IS_OUT", "GPIOLINE_FLAG_ACTIVE_LOW",
        "GPIOLINE_FLAG_OPEN_DRAIN", "GPIOLINE_FLAG_OPEN_SOURCE", "GPIOLINE_FLAG_BIAS_PULL_UP",
        "GPIOLINE_FLAG_BIAS_PULL_DOWN", "GPIOLINE_FLAG_BIAS_DISABLE"]),
    "gpio_handle_flags": (["linux/gpio.h"], [
        "GPIOHANDLE_REQUEST_INPUT", "GPIOHANDLE_REQUEST_OUTPUT", "GPIOHANDLE_REQUEST_ACTIVE_LOW",
        "GPIOHANDLE_REQUEST_OPEN_DRAIN", "GPIOHANDLE_REQUEST_OPEN_SOURCE",
        "GPIOHANDLE_REQUEST_BIAS_PULL_UP", "GPIOHANDLE_REQUEST_BIAS_PULL_DOWN",
        "GPIOHANDLE_REQUEST_BIAS_DISABLE"]),
    "gpio_event_flags": (["linux/gpio.h"], [
        "GPIOEVENT_REQUEST_BOTH_EDGES", "GPIOEVENT_REQUEST_RISING_EDGE",
        "GPIOEVENT_REQUEST_FALLING_EDGE"]),
    "gpio_v2_line_flags": (["linux/gpio.h"], [
        "GPIO_V2_LINE_FLAG_USED", "GPIO_V2_LINE_FLAG_ACTIVE_LOW", "GPIO_V2_LINE_FLAG_INPUT",
        "GPIO_V2_LINE_FLAG_OUTPUT", "GPIO_V2_LINE_FLAG_EDGE_RISING",
        "GPIO_V2_LINE_FLAG_EDGE_FALLING", "GPIO_V2_LINE_FLAG_OPEN_DRAIN",
        "GPIO_V2_LINE_FLAG_OPEN_SOURCE", "GPIO_V2_LINE_FLAG_BIAS_PULL_UP",
        "GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN", "GPIO_V2_LINE_FLAG_BIAS_DISABLED",
        "GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME", "GPIO_V2_LINE_FLAG_EVENT_CLOCK_HTE"]),
    # struct fsxattr's flags (FS_IOC_FSGETXATTR, FS_IOC_FSSETXATTR).
    "fs_xflags": (["linux/fs.h"], [
        "FS_XFLAG_REALTIME", "FS_XFLAG_PREALLOC", "FS_XFLAG_IMMUTABLE", "FS_XFLAG_APPEND",
        "FS_XFLAG_SYNC", "FS_XFLAG_NOATIME", "FS_XFLAG_NODUMP", "FS_XFLAG_RTINHERIT",
        "FS_XFLAG_PROJINHERIT", "FS_XFLAG_NOSYMLINKS", "FS_XFLAG_EXTSIZE",
        "FS_XFLAG_EXTSZINHERIT", "FS_XFLAG_NODEFRAG", "FS_XFLAG_FILESTREAM", "FS_XFLAG_DAX",
        "FS_XFLAG_COWEXTSIZE", "FS_XFLAG_HASATTR"]),
    # RTC_PARAM_GET's and RTC_PARAM_SET's parameters, feature bits (as bit numbers) and
    # backup switch modes.
    "rtc_params": (["linux/rtc.h"], [
        "RTC_PARAM_FEATURES", "RTC_PARAM_CORRECTION", "RTC_PARAM_BACKUP_SWITCH_MODE"]),
    "rtc_feature_bits": (["linux/rtc.h"], [
        "RTC_FEATURE_ALARM", "RTC_FEATURE_ALARM_RES_MINUTE", "RTC_FEATURE_NEED_WEEK_DAY",
        "RTC_FEATURE_ALARM_RES_2S", "RTC_FEATURE_UPDATE_INTERRUPT", "RTC_FEATURE_CORRECTION",
        "RTC_FEATURE_BACKUP_SWITCH_MODE", "RTC_FEATURE_ALARM_WAKEUP_ONLY"]),
    "rtc_bsm_modes": (["linux/rtc.h"], [
        "RTC_BSM_DISABLED", "RTC_BSM_DIRECT", "RTC_BSM_LEVEL", "RTC_BSM_STANDBY"]),
    "btrfs_quota_ctl_cmds": (["linux/btrfs.h"], [
        "BTRFS_QUOTA_CTL_ENABLE", "BTRFS_QUOTA_CTL_DISABLE", "BTRFS_QUOTA_CTL_RESCAN__NOTUSED"]),
    "dm_flags": (["linux/dm-ioctl.h"], [
        "DM_READONLY_FLAG", "DM_SUSPEND_FLAG", "DM_EXISTS_FLAG", "DM_PERSISTENT_DEV_FLAG",
        "DM_STATUS_TABLE_FLAG", "DM_ACTIVE_PRESENT_FLAG", "DM_INACTIVE_PRESENT_FLAG",
        "DM_BUFFER_FULL_FLAG", "DM_SKIP_BDGET_FLAG", "DM_SKIP_LOCKFS_FLAG", "DM_NOFLUSH_FLAG",
        "DM_QUERY_INACTIVE_TABLE_FLAG", "DM_UEVENT_GENERATED_FLAG", "DM_UUID_FLAG",
        "DM_SECURE_DATA_FLAG", "DM_DATA_OUT_FLAG", "DM_DEFERRED_REMOVE",
        "DM_INTERNAL_SUSPEND_FLAG", "DM_IMA_MEASUREMENT_FLAG"]),
    "tee_shm_flags": (["linux/tee.h"], [
        "TEE_IOCTL_SHM_MAPPED", "TEE_IOCTL_SHM_DMA_BUF", "TEE_IOCTL_SHM_EXT_DMA_BUF",
        "TEE_IOCTL_SHM_REGISTER", "TEE_IOCTL_SHM_USER_MAPPED", "TEE_IOCTL_SHM_POOL",
        "TEE_IOCTL_SHM_KERNEL_MAPPED"]),
    "tee_impl_ids": (["linux/tee.h"], ["TEE_IMPL_ID_OPTEE", "TEE_IMPL_ID_AMDTEE"]),
    "tee_gen_caps": (["linux/tee.h"], [
        "TEE_GEN_CAP_GP", "TEE_GEN_CAP_PRIVILEGED", "TEE_GEN_CAP_REG_MEM",
        "TEE_GEN_CAP_MEMREF_NULL"]),
    "tee_optee_caps": (["linux/tee.h"], ["TEE_OPTEE_CAP_TZ"]),
    "btrfs_snap_flags_v2": (["linux/btrfs.h"], [
        "BTRFS_SUBVOL_CREATE_ASYNC", "BTRFS_SUBVOL_RDONLY", "BTRFS_SUBVOL_QGROUP_INHERIT"]),
    "btrfs_defrag_flags": (["linux/btrfs.h"], [
        "BTRFS_DEFRAG_RANGE_COMPRESS", "BTRFS_DEFRAG_RANGE_START_IO"]),
    "btrfs_compress_types": (["linux/btrfs.h"], [
        "BTRFS_COMPRESS_NONE", "BTRFS_COMPRESS_ZLIB", "BTRFS_COMPRESS_LZO",
        "BTRFS_COMPRESS_ZSTD"]),
    "btrfs_scrub_flags": (["linux/btrfs.h"], ["BTRFS_SCRUB_READONLY"]),
    "btrfs_logical_ino_args_flags": (["linux/btrfs.h"], [
        "BTRFS_LOGICAL_INO_ARGS_IGNORE_OFFSET"]),
    "btrfs_send_flags": (["linux/btrfs.h"], [
        "BTRFS_SEND_FLAG_NO_FILE_DATA", "BTRFS_SEND_FLAG_OMIT_STREAM_HEADER",
        "BTRFS_SEND_FLAG_OMIT_END_CMD", "BTRFS_SEND_FLAG_VERSION", "BTRFS_SEND_FLAG_COMPRESSED"]),
    "btrfs_dev_stats_flags": (["linux/btrfs.h"], ["BTRFS_DEV_STATS_RESET"]),
    "btrfs_dev_replace_cmds": (["linux/btrfs.h"], [
        "BTRFS_IOCTL_DEV_REPLACE_CMD_START", "BTRFS_IOCTL_DEV_REPLACE_CMD_STATUS",
        "BTRFS_IOCTL_DEV_REPLACE_CMD_CANCEL"]),
    "btrfs_cont_reading_from_srcdev_mode": (["linux/btrfs.h"], [
        "BTRFS_IOCTL_DEV_REPLACE_CONT_READING_FROM_SRCDEV_MODE_ALWAYS",
        "BTRFS_IOCTL_DEV_REPLACE_CONT_READING_FROM_SRCDEV_MODE_AVOID"]),
    "btrfs_tree_objectids": (["linux/btrfs_tree.h"], [
        "BTRFS_ROOT_TREE_OBJECTID", "BTRFS_EXTENT_TREE_OBJECTID", "BTRFS_CHUNK_TREE_OBJECTID",
        "BTRFS_DEV_TREE_OBJECTID", "BTRFS_FS_TREE_OBJECTID", "BTRFS_ROOT_TREE_DIR_OBJECTID",
        "BTRFS_CSUM_TREE_OBJECTID", "BTRFS_QUOTA_TREE_OBJECTID", "BTRFS_UUID_TREE_OBJECTID",
        "BTRFS_FREE_SPACE_TREE_OBJECTID", "BTRFS_BLOCK_GROUP_TREE_OBJECTID",
        "BTRFS_FIRST_FREE_OBJECTID", "BTRFS_LAST_FREE_OBJECTID"]),
    "btrfs_key_types": (["linux/btrfs_tree.h"], [
        "BTRFS_INODE_ITEM_KEY", "BTRFS_INODE_REF_KEY", "BTRFS_INODE_EXTREF_KEY",
        "BTRFS_XATTR_ITEM_KEY", "BTRFS_VERITY_DESC_ITEM_KEY", "BTRFS_VERITY_MERKLE_ITEM_KEY",
        "BTRFS_ORPHAN_ITEM_KEY", "BTRFS_DIR_LOG_ITEM_KEY", "BTRFS_DIR_LOG_INDEX_KEY",
        "BTRFS_DIR_ITEM_KEY", "BTRFS_DIR_INDEX_KEY", "BTRFS_EXTENT_DATA_KEY",
        "BTRFS_EXTENT_CSUM_KEY", "BTRFS_ROOT_ITEM_KEY", "BTRFS_ROOT_BACKREF_KEY",
        "BTRFS_ROOT_REF_KEY", "BTRFS_EXTENT_ITEM_KEY", "BTRFS_METADATA_ITEM_KEY",
        "BTRFS_TREE_BLOCK_REF_KEY", "BTRFS_EXTENT_DATA_REF_KEY", "BTRFS_EXTENT_REF_V0_KEY",
        "BTRFS_SHARED_BLOCK_REF_KEY", "BTRFS_SHARED_DATA_REF_KEY", "BTRFS_BLOCK_GROUP_ITEM_KEY",
        "BTRFS_FREE_SPACE_INFO_KEY", "BTRFS_FREE_SPACE_EXTENT_KEY", "BTRFS_FREE_SPACE_BITMAP_KEY",
        "BTRFS_DEV_EXTENT_KEY", "BTRFS_DEV_ITEM_KEY", "BTRFS_CHUNK_ITEM_KEY",
        "BTRFS_QGROUP_STATUS_KEY", "BTRFS_QGROUP_INFO_KEY", "BTRFS_QGROUP_LIMIT_KEY",
        "BTRFS_QGROUP_RELATION_KEY", "BTRFS_TEMPORARY_ITEM_KEY", "BTRFS_PERSISTENT_ITEM_KEY",
        "BTRFS_DEV_REPLACE_KEY", "BTRFS_UUID_KEY_SUBVOL", "BTRFS_UUID_KEY_RECEIVED_SUBVOL",
        "BTRFS_STRING_ITEM_KEY"]),
    "ubi_volume_types": (["mtd/ubi-user.h"], ["UBI_DYNAMIC_VOLUME", "UBI_STATIC_VOLUME"]),
    "ubi_volume_flags": (["mtd/ubi-user.h"], ["UBI_VOL_SKIP_CRC_CHECK_FLG"]),
    "ubi_volume_props": (["mtd/ubi-user.h"], ["UBI_VOL_PROP_DIRECT_WRITE"]),
    "ubi_data_types": (["mtd/ubi-user.h"], ["UBI_LONGTERM", "UBI_SHORTTERM", "UBI_UNKNOWN"]),
    "mtd_otp_options": (["mtd/mtd-abi.h"], ["MTD_OTP_OFF", "MTD_OTP_FACTORY", "MTD_OTP_USER"]),
    "mtd_mode_options": (["mtd/mtd-abi.h"], [
        "MTD_OPS_PLACE_OOB", "MTD_OPS_AUTO_OOB", "MTD_OPS_RAW"]),
    "grnd_flags": (["linux/random.h"], ["GRND_NONBLOCK", "GRND_RANDOM", "GRND_INSECURE"]),
    # bpf(2): its commands and what their union bpf_attr holds (strace 6.1's lists).
    "bpf_commands": (["linux/bpf.h"], [
        "BPF_MAP_CREATE", "BPF_MAP_LOOKUP_ELEM", "BPF_MAP_UPDATE_ELEM", "BPF_MAP_DELETE_ELEM",
        "BPF_MAP_GET_NEXT_KEY", "BPF_PROG_LOAD", "BPF_OBJ_PIN", "BPF_OBJ_GET",
        "BPF_PROG_ATTACH", "BPF_PROG_DETACH", "BPF_PROG_TEST_RUN", "BPF_PROG_GET_NEXT_ID",
        "BPF_MAP_GET_NEXT_ID", "BPF_PROG_GET_FD_BY_ID", "BPF_MAP_GET_FD_BY_ID",
        "BPF_OBJ_GET_INFO_BY_FD", "BPF_PROG_QUERY", "BPF_RAW_TRACEPOINT_OPEN", "BPF_BTF_LOAD",
        "BPF_BTF_GET_FD_BY_ID", "BPF_TASK_FD_QUERY", "BPF_MAP_LOOKUP_AND_DELETE_ELEM",
        "BPF_MAP_FREEZE", "BPF_BTF_GET_NEXT_ID", "BPF_MAP_LOOKUP_BATCH",
        "BPF_MAP_LOOKUP_AND_DELETE_BATCH", "BPF_MAP_UPDATE_BATCH", "BPF_MAP_DELETE_BATCH",
        "BPF_LINK_CREATE", "BPF_LINK_UPDATE", "BPF_LINK_GET_FD_BY_ID", "BPF_LINK_GET_NEXT_ID",
        "BPF_ENABLE_STATS", "BPF_ITER_CREATE", "BPF_LINK_DETACH", "BPF_PROG_BIND_MAP"]),
    "bpf_map_types": (["linux/bpf.h"], [
        "BPF_MAP_TYPE_UNSPEC", "BPF_MAP_TYPE_HASH", "BPF_MAP_TYPE_ARRAY",
        "BPF_MAP_TYPE_PROG_ARRAY", "BPF_MAP_TYPE_PERF_EVENT_ARRAY", "BPF_MAP_TYPE_PERCPU_HASH",
        "BPF_MAP_TYPE_PERCPU_ARRAY", "BPF_MAP_TYPE_STACK_TRACE", "BPF_MAP_TYPE_CGROUP_ARRAY",
        "BPF_MAP_TYPE_LRU_HASH", "BPF_MAP_TYPE_LRU_PERCPU_HASH", "BPF_MAP_TYPE_LPM_TRIE",
        "BPF_MAP_TYPE_ARRAY_OF_MAPS", "BPF_MAP_TYPE_HASH_OF_MAPS", "BPF_MAP_TYPE_DEVMAP",
        "BPF_MAP_TYPE_SOCKMAP", "BPF_MAP_TYPE_CPUMAP", "BPF_MAP_TYPE_XSKMAP",
        "BPF_MAP_TYPE_SOCKHASH", "BPF_MAP_TYPE_CGROUP_STORAGE",
        "BPF_MAP_TYPE_REUSEPORT_SOCKARRAY", "BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE",
        "BPF_MAP_TYPE_QUEUE", "BPF_MAP_TYPE_STACK", "BPF_MAP_TYPE_SK_STORAGE",
        "BPF_MAP_TYPE_DEVMAP_HASH", "BPF_MAP_TYPE_STRUCT_OPS", "BPF_MAP_TYPE_RINGBUF",
        "BPF_MAP_TYPE_INODE_STORAGE", "BPF_MAP_TYPE_TASK_STORAGE", "BPF_MAP_TYPE_BLOOM_FILTER",
        "BPF_MAP_TYPE_USER_RINGBUF"]),
    "bpf_map_flags": (["linux/bpf.h"], [
        "BPF_F_NO_PREALLOC", "BPF_F_NO_COMMON_LRU", "BPF_F_NUMA_NODE", "BPF_F_RDONLY",
        "BPF_F_WRONLY", "BPF_F_STACK_BUILD_ID", "BPF_F_ZERO_SEED", "BPF_F_RDONLY_PROG",
        "BPF_F_WRONLY_PROG", "BPF_F_CLONE", "BPF_F_MMAPABLE", "BPF_F_PRESERVE_ELEMS",
        "BPF_F_INNER_MAP"]),
    "bpf_map_lookup_elem_flags": (["linux/bpf.h"], [
        "BPF_ANY", "BPF_F_LOCK"]),
    "bpf_map_update_elem_flags": (["linux/bpf.h"], [
        "BPF_ANY", "BPF_NOEXIST", "BPF_EXIST", "BPF_F_LOCK"]),
    "bpf_attach_type": (["linux/bpf.h"], [
        "BPF_CGROUP_INET_INGRESS", "BPF_CGROUP_INET_EGRESS", "BPF_CGROUP_INET_SOCK_CREATE",
        "BPF_CGROUP_SOCK_OPS", "BPF_SK_SKB_STREAM_PARSER", "BPF_SK_SKB_STREAM_VERDICT",
        "BPF_CGROUP_DEVICE", "BPF_SK_MSG_VERDICT", "BPF_CGROUP_INET4_BIND",
        "BPF_CGROUP_INET6_BIND", "BPF_CGROUP_INET4_CONNECT", "BPF_CGROUP_INET6_CONNECT",
        "BPF_CGROUP_INET4_POST_BIND", "BPF_CGROUP_INET6_POST_BIND", "BPF_CGROUP_UDP4_SENDMSG",
        "BPF_CGROUP_UDP6_SENDMSG", "BPF_LIRC_MODE2", "BPF_FLOW_DISSECTOR", "BPF_CGROUP_SYSCTL",
        "BPF_CGROUP_UDP4_RECVMSG", "BPF_CGROUP_UDP6_RECVMSG", "BPF_CGROUP_GETSOCKOPT",
        "BPF_CGROUP_SETSOCKOPT", "BPF_TRACE_RAW_TP", "BPF_TRACE_FENTRY", "BPF_TRACE_FEXIT",
        "BPF_MODIFY_RETURN", "BPF_LSM_MAC", "BPF_TRACE_ITER", "BPF_CGROUP_INET4_GETPEERNAME",
        "BPF_CGROUP_INET6_GETPEERNAME", "BPF_CGROUP_INET4_GETSOCKNAME",
        "BPF_CGROUP_INET6_GETSOCKNAME", "BPF_XDP_DEVMAP", "BPF_CGROUP_INET_SOCK_RELEASE",
        "BPF_XDP_CPUMAP", "BPF_SK_LOOKUP", "BPF_XDP", "BPF_SK_SKB_VERDICT",
        "BPF_SK_REUSEPORT_SELECT", "BPF_SK_REUSEPORT_SELECT_OR_MIGRATE", "BPF_PERF_EVENT",
        "BPF_TRACE_KPROBE_MULTI", "BPF_LSM_CGROUP"]),
    "bpf_attach_flags": (["linux/bpf.h"], [
        "BPF_F_ALLOW_OVERRIDE", "BPF_F_ALLOW_MULTI", "BPF_F_REPLACE"]),
    "bpf_prog_types": (["linux/bpf.h"], [
        "BPF_PROG_TYPE_UNSPEC", "BPF_PROG_TYPE_SOCKET_FILTER", "BPF_PROG_TYPE_KPROBE",
        "BPF_PROG_TYPE_SCHED_CLS", "BPF_PROG_TYPE_SCHED_ACT", "BPF_PROG_TYPE_TRACEPOINT",
        "BPF_PROG_TYPE_XDP", "BPF_PROG_TYPE_PERF_EVENT", "BPF_PROG_TYPE_CGROUP_SKB",
        "BPF_PROG_TYPE_CGROUP_SOCK", "BPF_PROG_TYPE_LWT_IN", "BPF_PROG_TYPE_LWT_OUT",
        "BPF_PROG_TYPE_LWT_XMIT", "BPF_PROG_TYPE_SOCK_OPS", "BPF_PROG_TYPE_SK_SKB",
        "BPF_PROG_TYPE_CGROUP_DEVICE", "BPF_PROG_TYPE_SK_MSG", "BPF_PROG_TYPE_RAW_TRACEPOINT",
        "BPF_PROG_TYPE_CGROUP_SOCK_ADDR", "BPF_PROG_TYPE_LWT_SEG6LOCAL",
        "BPF_PROG_TYPE_LIRC_MODE2", "BPF_PROG_TYPE_SK_REUSEPORT",
        "BPF_PROG_TYPE_FLOW_DISSECTOR", "BPF_PROG_TYPE_CGROUP_SYSCTL",
        "BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE", "BPF_PROG_TYPE_CGROUP_SOCKOPT",
        "BPF_PROG_TYPE_TRACING", "BPF_PROG_TYPE_STRUCT_OPS", "BPF_PROG_TYPE_EXT",
        "BPF_PROG_TYPE_LSM", "BPF_PROG_TYPE_SK_LOOKUP", "BPF_PROG_TYPE_SYSCALL"]),
    "bpf_prog_flags": (["linux/bpf.h"], [
        "BPF_F_STRICT_ALIGNMENT", "BPF_F_ANY_ALIGNMENT", "BPF_F_TEST_RND_HI32",
        "BPF_F_TEST_STATE_FREQ", "BPF_F_SLEEPABLE"]),
    "bpf_test_run_flags": (["linux/bpf.h"], ["BPF_F_TEST_RUN_ON_CPU", "BPF_F_TEST_XDP_LIVE_FRAMES"]),
    "bpf_link_create_kprobe_multi_flags": (["linux/bpf.h"], ["BPF_F_KPROBE_MULTI_RETURN"]),
    "bpf_file_mode_flags": (["linux/bpf.h"], [
        "BPF_F_RDONLY", "BPF_F_WRONLY"]),
    # perf_event_open's struct perf_event_attr: its type, size versions, the config of each
    # type (strace 6.1's lists), the sample and read formats, branch sample types and
    # breakpoint types.
    "perf_type_id": (["linux/perf_event.h"], [
        "PERF_TYPE_HARDWARE", "PERF_TYPE_SOFTWARE", "PERF_TYPE_TRACEPOINT",
        "PERF_TYPE_HW_CACHE", "PERF_TYPE_RAW", "PERF_TYPE_BREAKPOINT"]),
    "perf_attr_size": (["linux/perf_event.h"], [
        "PERF_ATTR_SIZE_VER0", "PERF_ATTR_SIZE_VER1", "PERF_ATTR_SIZE_VER2",
        "PERF_ATTR_SIZE_VER3", "PERF_ATTR_SIZE_VER4", "PERF_ATTR_SIZE_VER5",
        "PERF_ATTR_SIZE_VER6", "PERF_ATTR_SIZE_VER7"]),
    "perf_hw_id": (["linux/perf_event.h"], [
        "PERF_COUNT_HW_CPU_CYCLES", "PERF_COUNT_HW_INSTRUCTIONS",
        "PERF_COUNT_HW_CACHE_REFERENCES", "PERF_COUNT_HW_CACHE_MISSES",
        "PERF_COUNT_HW_BRANCH_INSTRUCTIONS", "PERF_COUNT_HW_BRANCH_MISSES",
        "PERF_COUNT_HW_BUS_CYCLES", "PERF_COUNT_HW_STALLED_CYCLES_FRONTEND",
        "PERF_COUNT_HW_STALLED_CYCLES_BACKEND", "PERF_COUNT_HW_REF_CPU_CYCLES"]),
    "perf_sw_ids": (["linux/perf_event.h"], [
        "PERF_COUNT_SW_CPU_CLOCK", "PERF_COUNT_SW_TASK_CLOCK", "PERF_COUNT_SW_PAGE_FAULTS",
        "PERF_COUNT_SW_CONTEXT_SWITCHES", "PERF_COUNT_SW_CPU_MIGRATIONS",
        "PERF_COUNT_SW_PAGE_FAULTS_MIN", "PERF_COUNT_SW_PAGE_FAULTS_MAJ",
        "PERF_COUNT_SW_ALIGNMENT_FAULTS", "PERF_COUNT_SW_EMULATION_FAULTS",
        "PERF_COUNT_SW_DUMMY", "PERF_COUNT_SW_BPF_OUTPUT", "PERF_COUNT_SW_CGROUP_SWITCHES"]),
    "perf_hw_cache_id": (["linux/perf_event.h"], [
        "PERF_COUNT_HW_CACHE_L1D", "PERF_COUNT_HW_CACHE_L1I", "PERF_COUNT_HW_CACHE_LL",
        "PERF_COUNT_HW_CACHE_DTLB", "PERF_COUNT_HW_CACHE_ITLB", "PERF_COUNT_HW_CACHE_BPU",
        "PERF_COUNT_HW_CACHE_NODE"]),
    "perf_hw_cache_op_id": (["linux/perf_event.h"], [
        "PERF_COUNT_HW_CACHE_OP_READ", "PERF_COUNT_HW_CACHE_OP_WRITE",
        "PERF_COUNT_HW_CACHE_OP_PREFETCH"]),
    "perf_hw_cache_op_result_id": (["linux/perf_event.h"], [
        "PERF_COUNT_HW_CACHE_RESULT_ACCESS", "PERF_COUNT_HW_CACHE_RESULT_MISS"]),
    "perf_event_sample_format": (["linux/perf_event.h"], [
        "PERF_SAMPLE_IP", "PERF_SAMPLE_TID", "PERF_SAMPLE_TIME", "PERF_SAMPLE_ADDR",
        "PERF_SAMPLE_READ", "PERF_SAMPLE_CALLCHAIN", "PERF_SAMPLE_ID", "PERF_SAMPLE_CPU",
        "PERF_SAMPLE_PERIOD", "PERF_SAMPLE_STREAM_ID", "PERF_SAMPLE_RAW",
        "PERF_SAMPLE_BRANCH_STACK", "PERF_SAMPLE_REGS_USER", "PERF_SAMPLE_STACK_USER",
        "PERF_SAMPLE_WEIGHT", "PERF_SAMPLE_DATA_SRC", "PERF_SAMPLE_IDENTIFIER",
        "PERF_SAMPLE_TRANSACTION", "PERF_SAMPLE_REGS_INTR", "PERF_SAMPLE_PHYS_ADDR",
        "PERF_SAMPLE_AUX", "PERF_SAMPLE_CGROUP", "PERF_SAMPLE_DATA_PAGE_SIZE",
        "PERF_SAMPLE_CODE_PAGE_SIZE", "PERF_SAMPLE_WEIGHT_STRUCT"]),
    "perf_event_read_format": (["linux/perf_event.h"], [
        "PERF_FORMAT_TOTAL_TIME_ENABLED", "PERF_FORMAT_TOTAL_TIME_RUNNING", "PERF_FORMAT_ID",
        "PERF_FORMAT_GROUP", "PERF_FORMAT_LOST"]),
    "perf_branch_sample_type": (["linux/perf_event.h"], [
        "PERF_SAMPLE_BRANCH_USER", "PERF_SAMPLE_BRANCH_KERNEL", "PERF_SAMPLE_BRANCH_HV",
        "PERF_SAMPLE_BRANCH_ANY", "PERF_SAMPLE_BRANCH_ANY_CALL",
        "PERF_SAMPLE_BRANCH_ANY_RETURN", "PERF_SAMPLE_BRANCH_IND_CALL",
        "PERF_SAMPLE_BRANCH_ABORT_TX", "PERF_SAMPLE_BRANCH_IN_TX", "PERF_SAMPLE_BRANCH_NO_TX",
        "PERF_SAMPLE_BRANCH_COND", "PERF_SAMPLE_BRANCH_CALL_STACK",
        "PERF_SAMPLE_BRANCH_IND_JUMP", "PERF_SAMPLE_BRANCH_CALL", "PERF_SAMPLE_BRANCH_NO_FLAGS",
        "PERF_SAMPLE_BRANCH_NO_CYCLES", "PERF_SAMPLE_BRANCH_TYPE_SAVE",
        "PERF_SAMPLE_BRANCH_HW_INDEX", "PERF_SAMPLE_BRANCH_PRIV_SAVE"]),
    "hw_breakpoint_type": (["linux/hw_breakpoint.h"], [
        "HW_BREAKPOINT_EMPTY", "HW_BREAKPOINT_R", "HW_BREAKPOINT_W", "HW_BREAKPOINT_RW",
        "HW_BREAKPOINT_X"]),
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
        "IPPROTO_IP", "IPPROTO_ICMP", "IPPROTO_IGMP", "IPPROTO_IPIP", "IPPROTO_TCP",
        "IPPROTO_EGP", "IPPROTO_PUP", "IPPROTO_UDP", "IPPROTO_IDP", "IPPROTO_TP",
        "IPPROTO_DCCP", "IPPROTO_IPV6", "IPPROTO_ROUTING", "IPPROTO_FRAGMENT", "IPPROTO_RSVP",
        "IPPROTO_GRE", "IPPROTO_ESP", "IPPROTO_AH", "IPPROTO_ICMPV6", "IPPROTO_NONE",
        "IPPROTO_DSTOPTS", "IPPROTO_MTP", "IPPROTO_BEETPH", "IPPROTO_ENCAP", "IPPROTO_PIM",
        "IPPROTO_COMP", "IPPROTO_L2TP", "IPPROTO_SCTP", "IPPROTO_MH", "IPPROTO_UDPLITE",
        "IPPROTO_MPLS", "IPPROTO_ETHERNET", "IPPROTO_RAW", "IPPROTO_MPTCP"]),
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
    # Control message types by level (strace's scmvals and ip_cmsg_types), after the C
    # library's SCM_RIGHTS, SCM_CREDENTIALS and SCM_SECURITY, which the decoder puts first.
    "scm_types": (["asm/socket.h"], [
        "SO_WIFI_STATUS", "SO_TXTIME", "SO_TIMESTAMP_OLD", "SO_TIMESTAMPNS_OLD",
        "SO_TIMESTAMPING_OLD", "SO_TIMESTAMP_NEW", "SO_TIMESTAMPNS_NEW", "SO_TIMESTAMPING_NEW",
        "SCM_TIMESTAMPING_OPT_STATS", "SCM_TIMESTAMPING_PKTINFO"]),
    "ip_cmsg_types": (["linux/in.h"], [
        "IP_TOS", "IP_TTL", "IP_RECVOPTS", "IP_RETOPTS", "IP_PKTINFO", "IP_RECVERR",
        "IP_ORIGDSTADDR", "IP_CHECKSUM"]),
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
    # Netlink (linux/netlink.h and each protocol's header): message types and flags, as
    # strace's netlink decoder names them; the get/new/delete flags share bits and are
    # picked by the message type.
    "netlink_types": (["linux/netlink.h"], [
        "NLMSG_NOOP", "NLMSG_ERROR", "NLMSG_DONE", "NLMSG_OVERRUN"]),
    "netlink_flags": (["linux/netlink.h"], [
        "NLM_F_REQUEST", "NLM_F_MULTI", "NLM_F_ACK", "NLM_F_ECHO", "NLM_F_DUMP_INTR",
        "NLM_F_DUMP_FILTERED"]),
    "netlink_get_flags": (["linux/netlink.h"], [
        "NLM_F_DUMP", "NLM_F_ROOT", "NLM_F_MATCH", "NLM_F_ATOMIC"]),
    "netlink_new_flags": (["linux/netlink.h"], [
        "NLM_F_REPLACE", "NLM_F_EXCL", "NLM_F_CREATE", "NLM_F_APPEND"]),
    "netlink_delete_flags": (["linux/netlink.h"], [
        "NLM_F_NONREC", "NLM_F_BULK"]),
    "netlink_ack_flags": (["linux/netlink.h"], [
        "NLM_F_CAPPED", "NLM_F_ACK_TLVS"]),
    "nlmsgerr_attrs": (["linux/netlink.h"], [
        "NLMSGERR_ATTR_UNUSED", "NLMSGERR_ATTR_MSG", "NLMSGERR_ATTR_OFFS",
        "NLMSGERR_ATTR_COOKIE", "NLMSGERR_ATTR_POLICY", "NLMSGERR_ATTR_MISS_TYPE",
        "NLMSGERR_ATTR_MISS_NEST"]),
    "nl_route_types": (["linux/rtnetlink.h"], [
        "RTM_NEWLINK", "RTM_DELLINK", "RTM_GETLINK", "RTM_SETLINK", "RTM_NEWADDR",
        "RTM_DELADDR", "RTM_GETADDR", "RTM_NEWROUTE", "RTM_DELROUTE", "RTM_GETROUTE",
        "RTM_NEWNEIGH", "RTM_DELNEIGH", "RTM_GETNEIGH", "RTM_NEWRULE", "RTM_DELRULE",
        "RTM_GETRULE", "RTM_NEWQDISC", "RTM_DELQDISC", "RTM_GETQDISC", "RTM_NEWTCLASS",
        "RTM_DELTCLASS", "RTM_GETTCLASS", "RTM_NEWTFILTER", "RTM_DELTFILTER",
        "RTM_GETTFILTER", "RTM_NEWACTION", "RTM_DELACTION", "RTM_GETACTION",
        "RTM_NEWPREFIX", "RTM_GETMULTICAST", "RTM_GETANYCAST", "RTM_NEWNEIGHTBL",
        "RTM_GETNEIGHTBL", "RTM_SETNEIGHTBL", "RTM_NEWNDUSEROPT", "RTM_NEWADDRLABEL",
        "RTM_DELADDRLABEL", "RTM_GETADDRLABEL", "RTM_GETDCB", "RTM_SETDCB",
        "RTM_NEWNETCONF", "RTM_DELNETCONF", "RTM_GETNETCONF", "RTM_NEWMDB",
        "RTM_DELMDB", "RTM_GETMDB", "RTM_NEWNSID", "RTM_DELNSID", "RTM_GETNSID",
        "RTM_NEWSTATS", "RTM_GETSTATS", "RTM_NEWCACHEREPORT", "RTM_NEWCHAIN",
        "RTM_DELCHAIN", "RTM_GETCHAIN", "RTM_NEWNEXTHOP", "RTM_DELNEXTHOP",
        "RTM_GETNEXTHOP", "RTM_NEWLINKPROP", "RTM_DELLINKPROP", "RTM_GETLINKPROP",
        "RTM_NEWVLAN", "RTM_DELVLAN", "RTM_GETVLAN", "RTM_NEWNEXTHOPBUCKET",
        "RTM_DELNEXTHOPBUCKET", "RTM_GETNEXTHOPBUCKET"]),
    "nl_sock_diag_types": (["linux/inet_diag.h", "linux/sock_diag.h"], [
        "TCPDIAG_GETSOCK", "DCCPDIAG_GETSOCK", "SOCK_DIAG_BY_FAMILY", "SOCK_DESTROY"]),
    # NETLINK_SOCK_DIAG's structs and attributes, by family. TCP's states are the kernel's
    # (include/net/tcp_states.h), which linux/bpf.h repeats as BPF_TCP_*.
    "tcp_states": (["linux/bpf.h"], [
        f"TCP_{s}=BPF_TCP_{s}" for s in [
            "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT",
            "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"]]),
    "inet_diag_attrs": (["linux/inet_diag.h"], [
        "INET_DIAG_NONE", "INET_DIAG_MEMINFO", "INET_DIAG_INFO", "INET_DIAG_VEGASINFO",
        "INET_DIAG_CONG", "INET_DIAG_TOS", "INET_DIAG_TCLASS", "INET_DIAG_SKMEMINFO",
        "INET_DIAG_SHUTDOWN", "INET_DIAG_DCTCPINFO", "INET_DIAG_PROTOCOL",
        "INET_DIAG_SKV6ONLY", "INET_DIAG_LOCALS", "INET_DIAG_PEERS", "INET_DIAG_PAD",
        "INET_DIAG_MARK", "INET_DIAG_BBRINFO", "INET_DIAG_CLASS_ID", "INET_DIAG_MD5SIG",
        "INET_DIAG_ULP_INFO", "INET_DIAG_SK_BPF_STORAGES", "INET_DIAG_CGROUP_ID",
        "INET_DIAG_SOCKOPT"]),
    "inet_diag_req_attrs": (["linux/inet_diag.h"], [
        "INET_DIAG_REQ_NONE", "INET_DIAG_REQ_BYTECODE", "INET_DIAG_REQ_SK_BPF_STORAGES",
        "INET_DIAG_REQ_PROTOCOL"]),
    "inet_diag_bytecodes": (["linux/inet_diag.h"], [
        "INET_DIAG_BC_NOP", "INET_DIAG_BC_JMP", "INET_DIAG_BC_S_GE", "INET_DIAG_BC_S_LE",
        "INET_DIAG_BC_D_GE", "INET_DIAG_BC_D_LE", "INET_DIAG_BC_AUTO", "INET_DIAG_BC_S_COND",
        "INET_DIAG_BC_D_COND", "INET_DIAG_BC_DEV_COND", "INET_DIAG_BC_MARK_COND",
        "INET_DIAG_BC_S_EQ", "INET_DIAG_BC_D_EQ", "INET_DIAG_BC_CGROUP_COND"]),
    "inet_diag_ulp_info_attrs": (["linux/inet_diag.h"], [
        "INET_ULP_INFO_UNSPEC", "INET_ULP_INFO_NAME", "INET_ULP_INFO_TLS",
        "INET_ULP_INFO_MPTCP"]),
    "tls_info_attrs": (["linux/tls.h"], [
        "TLS_INFO_UNSPEC", "TLS_INFO_VERSION", "TLS_INFO_CIPHER", "TLS_INFO_TXCONF",
        "TLS_INFO_RXCONF", "TLS_INFO_ZC_RO_TX", "TLS_INFO_RX_NO_PAD"]),
    "tls_info_versions": (["linux/tls.h"], ["TLS_1_2_VERSION", "TLS_1_3_VERSION"]),
    "tls_info_ciphers": (["linux/tls.h"], [
        "TLS_CIPHER_AES_GCM_128", "TLS_CIPHER_AES_GCM_256", "TLS_CIPHER_AES_CCM_128",
        "TLS_CIPHER_CHACHA20_POLY1305", "TLS_CIPHER_SM4_GCM", "TLS_CIPHER_SM4_CCM",
        "TLS_CIPHER_ARIA_GCM_128", "TLS_CIPHER_ARIA_GCM_256"]),
    "tls_info_configs": (["linux/tls.h"], [
        "TLS_CONF_BASE", "TLS_CONF_SW", "TLS_CONF_HW", "TLS_CONF_HW_RECORD"]),
    "mptcp_subflow_attrs": (["linux/mptcp.h"], [
        "MPTCP_SUBFLOW_ATTR_UNSPEC", "MPTCP_SUBFLOW_ATTR_TOKEN_REM",
        "MPTCP_SUBFLOW_ATTR_TOKEN_LOC", "MPTCP_SUBFLOW_ATTR_RELWRITE_SEQ",
        "MPTCP_SUBFLOW_ATTR_MAP_SEQ", "MPTCP_SUBFLOW_ATTR_MAP_SFSEQ",
        "MPTCP_SUBFLOW_ATTR_SSN_OFFSET", "MPTCP_SUBFLOW_ATTR_MAP_DATALEN",
        "MPTCP_SUBFLOW_ATTR_FLAGS", "MPTCP_SUBFLOW_ATTR_ID_REM", "MPTCP_SUBFLOW_ATTR_ID_LOC",
        "MPTCP_SUBFLOW_ATTR_PAD"]),
    "mptcp_subflow_flags": (["linux/mptcp.h"], [
        "MPTCP_SUBFLOW_FLAG_MCAP_REM", "MPTCP_SUBFLOW_FLAG_MCAP_LOC",
        "MPTCP_SUBFLOW_FLAG_JOIN_REM", "MPTCP_SUBFLOW_FLAG_JOIN_LOC",
        "MPTCP_SUBFLOW_FLAG_BKUP_REM", "MPTCP_SUBFLOW_FLAG_BKUP_LOC",
        "MPTCP_SUBFLOW_FLAG_FULLY_ESTABLISHED", "MPTCP_SUBFLOW_FLAG_CONNECTED",
        "MPTCP_SUBFLOW_FLAG_MAPVALID"]),
    "sk_bpf_storage_attrs": (["linux/sock_diag.h"], [
        "SK_DIAG_BPF_STORAGE_NONE", "SK_DIAG_BPF_STORAGE_PAD", "SK_DIAG_BPF_STORAGE_MAP_ID",
        "SK_DIAG_BPF_STORAGE_MAP_VALUE"]),
    "sk_bpf_storages_attrs": (["linux/sock_diag.h"], [
        "SK_DIAG_BPF_STORAGE_REP_NONE", "SK_DIAG_BPF_STORAGE"]),
    "sk_meminfo_indices": (["linux/sock_diag.h"], [
        "SK_MEMINFO_RMEM_ALLOC", "SK_MEMINFO_RCVBUF", "SK_MEMINFO_WMEM_ALLOC",
        "SK_MEMINFO_SNDBUF", "SK_MEMINFO_FWD_ALLOC", "SK_MEMINFO_WMEM_QUEUED",
        "SK_MEMINFO_OPTMEM", "SK_MEMINFO_BACKLOG", "SK_MEMINFO_DROPS"]),
    # A socket's shutdown bits, the kernel's own (include/net/sock.h).
    "sock_shutdown_flags": ([], ["RCV_SHUTDOWN", "SEND_SHUTDOWN"]),
    "unix_diag_attrs": (["linux/unix_diag.h"], [
        "UNIX_DIAG_NAME", "UNIX_DIAG_VFS", "UNIX_DIAG_PEER", "UNIX_DIAG_ICONS",
        "UNIX_DIAG_RQLEN", "UNIX_DIAG_MEMINFO", "UNIX_DIAG_SHUTDOWN", "UNIX_DIAG_UID"]),
    "unix_diag_show": (["linux/unix_diag.h"], [
        "UDIAG_SHOW_NAME", "UDIAG_SHOW_VFS", "UDIAG_SHOW_PEER", "UDIAG_SHOW_ICONS",
        "UDIAG_SHOW_RQLEN", "UDIAG_SHOW_MEMINFO", "UDIAG_SHOW_UID"]),
    "netlink_diag_attrs": (["linux/netlink_diag.h"], [
        "NETLINK_DIAG_MEMINFO", "NETLINK_DIAG_GROUPS", "NETLINK_DIAG_RX_RING",
        "NETLINK_DIAG_TX_RING", "NETLINK_DIAG_FLAGS"]),
    "netlink_diag_show": (["linux/netlink_diag.h"], [
        "NDIAG_SHOW_MEMINFO", "NDIAG_SHOW_GROUPS", "NDIAG_SHOW_RING_CFG", "NDIAG_SHOW_FLAGS"]),
    "netlink_socket_flags": (["linux/netlink_diag.h"], [
        "NDIAG_FLAG_CB_RUNNING", "NDIAG_FLAG_PKTINFO", "NDIAG_FLAG_BROADCAST_ERROR",
        "NDIAG_FLAG_NO_ENOBUFS", "NDIAG_FLAG_LISTEN_ALL_NSID", "NDIAG_FLAG_CAP_ACK"]),
    # A netlink socket's state (net/netlink/af_netlink.h), or TCP_CLOSE, the state
    # sock_init_data gives every socket.
    "netlink_states": (["linux/bpf.h"], [
        "NETLINK_UNCONNECTED", "NETLINK_CONNECTED", "TCP_CLOSE=BPF_TCP_CLOSE"]),
    "packet_diag_attrs": (["linux/packet_diag.h"], [
        "PACKET_DIAG_INFO", "PACKET_DIAG_MCLIST", "PACKET_DIAG_RX_RING", "PACKET_DIAG_TX_RING",
        "PACKET_DIAG_FANOUT", "PACKET_DIAG_UID", "PACKET_DIAG_MEMINFO", "PACKET_DIAG_FILTER"]),
    "packet_diag_show": (["linux/packet_diag.h"], [
        "PACKET_SHOW_INFO", "PACKET_SHOW_MCLIST", "PACKET_SHOW_RING_CFG",
        "PACKET_SHOW_FANOUT", "PACKET_SHOW_MEMINFO", "PACKET_SHOW_FILTER"]),
    "packet_diag_info_flags": (["linux/packet_diag.h"], [
        "PDI_RUNNING", "PDI_AUXDATA", "PDI_ORIGDEV", "PDI_VNETHDR", "PDI_LOSS"]),
    "af_packet_versions": (["linux/if_packet.h"], ["TPACKET_V1", "TPACKET_V2", "TPACKET_V3"]),
    # The addresses of socket families strace decodes (its sockaddr.c).
    "af_packet_types": (["linux/if_packet.h"], [
        "PACKET_HOST", "PACKET_BROADCAST", "PACKET_MULTICAST", "PACKET_OTHERHOST",
        "PACKET_OUTGOING", "PACKET_LOOPBACK", "PACKET_USER", "PACKET_KERNEL"]),
    "nfc_sockaddr_protocols": (["linux/nfc.h"], [
        "NFC_PROTO_JEWEL", "NFC_PROTO_MIFARE", "NFC_PROTO_FELICA", "NFC_PROTO_ISO14443",
        "NFC_PROTO_NFC_DEP", "NFC_PROTO_ISO14443_B", "NFC_PROTO_ISO15693"]),
    "vsock_cids": (["linux/vm_sockets.h"], [
        "VMADDR_CID_HYPERVISOR", "VMADDR_CID_LOCAL", "VMADDR_CID_HOST", "VMADDR_CID_ANY"]),
    "vsock_ports": (["linux/vm_sockets.h"], ["VMADDR_PORT_ANY"]),
    "vsock_flags": (["linux/vm_sockets.h"], ["VMADDR_FLAG_TO_HOST"]),
    "qipcrtr_nodes": (["linux/qrtr.h"], ["QRTR_NODE_BCAST"]),
    "qipcrtr_ports": (["linux/qrtr.h"], ["QRTR_PORT_CTRL"]),
    "xdp_sockaddr_flags": (["linux/if_xdp.h"], [
        "XDP_SHARED_UMEM", "XDP_COPY", "XDP_ZEROCOPY", "XDP_USE_NEED_WAKEUP"]),
    "mctp_nets": (["linux/mctp.h"], ["MCTP_NET_ANY"]),
    "mctp_addrs": (["linux/mctp.h"], ["MCTP_ADDR_NULL", "MCTP_ADDR_ANY"]),
    "ethernet_protocols": (["linux/if_ether.h"], [
        "ETH_P_802_3", "ETH_P_AX25", "ETH_P_ALL", "ETH_P_802_2", "ETH_P_SNAP", "ETH_P_DDCMP",
        "ETH_P_WAN_PPP", "ETH_P_PPP_MP", "ETH_P_LOCALTALK", "ETH_P_CAN", "ETH_P_CANFD",
        "ETH_P_CANXL", "ETH_P_PPPTALK", "ETH_P_TR_802_2", "ETH_P_MOBITEX", "ETH_P_CONTROL",
        "ETH_P_IRDA", "ETH_P_ECONET", "ETH_P_HDLC", "ETH_P_ARCNET", "ETH_P_DSA",
        "ETH_P_TRAILER", "ETH_P_LOOP", "ETH_P_PHONET", "ETH_P_IEEE802154", "ETH_P_CAIF",
        "ETH_P_XDSA", "ETH_P_MAP", "ETH_P_MCTP", "ETH_P_PUP", "ETH_P_PUPAT",
        "ETH_P_802_3_MIN", "ETH_P_IP", "ETH_P_X25", "ETH_P_ARP", "ETH_P_BPQ", "ETH_P_IEEEPUP",
        "ETH_P_IEEEPUPAT", "ETH_P_ERSPAN2", "ETH_P_TSN", "ETH_P_BATMAN", "ETH_P_DEC",
        "ETH_P_DNA_DL", "ETH_P_DNA_RC", "ETH_P_DNA_RT", "ETH_P_LAT", "ETH_P_DIAG",
        "ETH_P_CUST", "ETH_P_SCA", "ETH_P_TEB", "ETH_P_RARP", "ETH_P_ATALK", "ETH_P_AARP",
        "ETH_P_8021Q", "ETH_P_IPX", "ETH_P_IPV6", "ETH_P_PAUSE", "ETH_P_SLOW", "ETH_P_WCCP",
        "ETH_P_MPLS_UC", "ETH_P_MPLS_MC", "ETH_P_ATMMPOA", "ETH_P_PPP_DISC", "ETH_P_PPP_SES",
        "ETH_P_LINK_CTL", "ETH_P_ATMFATE", "ETH_P_PAE", "ETH_P_REALTEK", "ETH_P_AOE",
        "ETH_P_8021AD", "ETH_P_802_EX1", "ETH_P_ERSPAN", "ETH_P_PREAUTH", "ETH_P_TIPC",
        "ETH_P_LLDP", "ETH_P_MRP", "ETH_P_MACSEC", "ETH_P_8021AH", "ETH_P_MVRP", "ETH_P_1588",
        "ETH_P_NCSI", "ETH_P_PRP", "ETH_P_CFM", "ETH_P_FCOE", "ETH_P_TDLS", "ETH_P_FIP",
        "ETH_P_IBOE", "ETH_P_80221", "ETH_P_HSR", "ETH_P_NSH", "ETH_P_LOOPBACK",
        "ETH_P_QINQ1", "ETH_P_QINQ2", "ETH_P_QINQ3", "ETH_P_EDSA", "ETH_P_DSA_8021Q",
        "ETH_P_DSA_A5PSW", "ETH_P_IFE", "ETH_P_AF_IUCV"]),
    # Classic BPF instructions by part (linux/filter.h's BPF_CLASS(), BPF_SIZE(), ...), as
    # strace names them in socket filters, eBPF's among them; offsets of ancillary data.
    "bpf_classes": (["linux/filter.h"], [
        "BPF_LD", "BPF_LDX", "BPF_ST", "BPF_STX", "BPF_ALU", "BPF_JMP", "BPF_RET", "BPF_MISC"]),
    "bpf_sizes": (["linux/bpf.h"], ["BPF_W", "BPF_H", "BPF_B", "BPF_DW"]),
    "bpf_modes": (["linux/bpf.h"], [
        "BPF_IMM", "BPF_ABS", "BPF_IND", "BPF_MEM", "BPF_LEN", "BPF_MSH", "BPF_XADD"]),
    "bpf_alu_ops": (["linux/bpf.h"], [
        "BPF_ADD", "BPF_SUB", "BPF_MUL", "BPF_DIV", "BPF_OR", "BPF_AND", "BPF_LSH", "BPF_RSH",
        "BPF_NEG", "BPF_MOD", "BPF_XOR", "BPF_MOV", "BPF_ARSH", "BPF_END"]),
    "bpf_jmp_ops": (["linux/bpf.h"], [
        "BPF_JA", "BPF_JEQ", "BPF_JGT", "BPF_JGE", "BPF_JSET", "BPF_JNE", "BPF_JSGT",
        "BPF_JSGE", "BPF_CALL", "BPF_EXIT", "BPF_JLT", "BPF_JLE", "BPF_JSLT", "BPF_JSLE"]),
    "bpf_srcs": (["linux/filter.h"], ["BPF_K", "BPF_X"]),
    "bpf_rvals": (["linux/filter.h"], ["BPF_K", "BPF_X", "BPF_A"]),
    "bpf_miscops": (["linux/filter.h"], ["BPF_TAX", "BPF_TXA"]),
    "skf_ad": (["linux/filter.h"], [
        "SKF_AD_PROTOCOL", "SKF_AD_PKTTYPE", "SKF_AD_IFINDEX", "SKF_AD_NLATTR",
        "SKF_AD_NLATTR_NEST", "SKF_AD_MARK", "SKF_AD_QUEUE", "SKF_AD_HATYPE", "SKF_AD_RXHASH",
        "SKF_AD_CPU", "SKF_AD_ALU_XOR_X", "SKF_AD_VLAN_TAG", "SKF_AD_VLAN_TAG_PRESENT",
        "SKF_AD_PAY_OFFSET", "SKF_AD_RANDOM", "SKF_AD_VLAN_TPID"]),
    "smc_diag_attrs": (["linux/smc_diag.h"], [
        "SMC_DIAG_NONE", "SMC_DIAG_CONNINFO", "SMC_DIAG_LGRINFO", "SMC_DIAG_SHUTDOWN",
        "SMC_DIAG_DMBINFO", "SMC_DIAG_FALLBACK"]),
    "smc_diag_modes": (["linux/smc_diag.h"], [
        "SMC_DIAG_MODE_SMCR", "SMC_DIAG_MODE_FALLBACK_TCP", "SMC_DIAG_MODE_SMCD"]),
    # SMC's socket states (net/smc/smc.h), link group roles (net/smc/smc_core.h) and the
    # reasons of a fallback to TCP that strace names (net/smc/smc_clc.h).
    "smc_states": ([], [
        "SMC_ACTIVE", "SMC_INIT", "SMC_CLOSED", "SMC_LISTEN", "SMC_PEERCLOSEWAIT1",
        "SMC_PEERCLOSEWAIT2", "SMC_APPFINCLOSEWAIT", "SMC_APPCLOSEWAIT1", "SMC_APPCLOSEWAIT2",
        "SMC_PEERFINCLOSEWAIT", "SMC_PEERABORTWAIT", "SMC_PROCESSABORT"]),
    "smc_link_group_roles": ([], ["SMC_CLNT", "SMC_SERV"]),
    "smc_decl_codes": ([], [
        "SMC_CLC_DECL_MEM", "SMC_CLC_DECL_TIMEOUT_CL", "SMC_CLC_DECL_TIMEOUT_AL",
        "SMC_CLC_DECL_CNFERR", "SMC_CLC_DECL_PEERNOSMC", "SMC_CLC_DECL_IPSEC",
        "SMC_CLC_DECL_NOSMCDEV", "SMC_CLC_DECL_MODEUNSUPP", "SMC_CLC_DECL_RMBE_EC",
        "SMC_CLC_DECL_OPTUNSUPP", "SMC_CLC_DECL_SYNCERR", "SMC_CLC_DECL_PEERDECL",
        "SMC_CLC_DECL_INTERR", "SMC_CLC_DECL_ERR_RTOK", "SMC_CLC_DECL_ERR_RDYLNK",
        "SMC_CLC_DECL_ERR_REGRMB"]),
    "nl_audit_types": (["linux/audit.h"], [
        "AUDIT_GET", "AUDIT_SET", "AUDIT_LIST", "AUDIT_ADD", "AUDIT_DEL", "AUDIT_USER",
        "AUDIT_LOGIN", "AUDIT_WATCH_INS", "AUDIT_WATCH_REM", "AUDIT_WATCH_LIST",
        "AUDIT_SIGNAL_INFO", "AUDIT_ADD_RULE", "AUDIT_DEL_RULE", "AUDIT_LIST_RULES",
        "AUDIT_TRIM", "AUDIT_MAKE_EQUIV", "AUDIT_TTY_GET", "AUDIT_TTY_SET",
        "AUDIT_SET_FEATURE", "AUDIT_GET_FEATURE", "AUDIT_FIRST_USER_MSG",
        "AUDIT_USER_AVC", "AUDIT_USER_TTY", "AUDIT_LAST_USER_MSG", "AUDIT_DAEMON_START",
        "AUDIT_DAEMON_END", "AUDIT_DAEMON_ABORT", "AUDIT_DAEMON_CONFIG",
        "AUDIT_SYSCALL", "AUDIT_PATH", "AUDIT_IPC", "AUDIT_SOCKETCALL",
        "AUDIT_CONFIG_CHANGE", "AUDIT_SOCKADDR", "AUDIT_CWD", "AUDIT_EXECVE",
        "AUDIT_IPC_SET_PERM", "AUDIT_MQ_OPEN", "AUDIT_MQ_SENDRECV", "AUDIT_MQ_NOTIFY",
        "AUDIT_MQ_GETSETATTR", "AUDIT_KERNEL_OTHER", "AUDIT_FD_PAIR", "AUDIT_OBJ_PID",
        "AUDIT_TTY", "AUDIT_EOE", "AUDIT_BPRM_FCAPS", "AUDIT_CAPSET", "AUDIT_MMAP",
        "AUDIT_NETFILTER_PKT", "AUDIT_NETFILTER_CFG", "AUDIT_SECCOMP",
        "AUDIT_PROCTITLE", "AUDIT_FEATURE_CHANGE", "AUDIT_REPLACE", "AUDIT_KERN_MODULE",
        "AUDIT_FANOTIFY", "AUDIT_TIME_INJOFFSET", "AUDIT_TIME_ADJNTPVAL", "AUDIT_BPF",
        "AUDIT_EVENT_LISTENER", "AUDIT_URINGOP", "AUDIT_OPENAT2", "AUDIT_DM_CTRL",
        "AUDIT_DM_EVENT", "AUDIT_AVC", "AUDIT_SELINUX_ERR", "AUDIT_AVC_PATH",
        "AUDIT_MAC_POLICY_LOAD", "AUDIT_MAC_STATUS", "AUDIT_MAC_CONFIG_CHANGE",
        "AUDIT_MAC_UNLBL_ALLOW", "AUDIT_MAC_CIPSOV4_ADD", "AUDIT_MAC_CIPSOV4_DEL",
        "AUDIT_MAC_MAP_ADD", "AUDIT_MAC_MAP_DEL", "AUDIT_MAC_IPSEC_ADDSA",
        "AUDIT_MAC_IPSEC_DELSA", "AUDIT_MAC_IPSEC_ADDSPD", "AUDIT_MAC_IPSEC_DELSPD",
        "AUDIT_MAC_IPSEC_EVENT", "AUDIT_MAC_UNLBL_STCADD", "AUDIT_MAC_UNLBL_STCDEL",
        "AUDIT_MAC_CALIPSO_ADD", "AUDIT_MAC_CALIPSO_DEL", "AUDIT_ANOM_PROMISCUOUS",
        "AUDIT_ANOM_ABEND", "AUDIT_ANOM_LINK", "AUDIT_ANOM_CREAT",
        "AUDIT_LAST_KERN_ANOM_MSG", "AUDIT_INTEGRITY_DATA", "AUDIT_INTEGRITY_METADATA",
        "AUDIT_INTEGRITY_STATUS", "AUDIT_INTEGRITY_HASH", "AUDIT_INTEGRITY_PCR",
        "AUDIT_INTEGRITY_RULE", "AUDIT_INTEGRITY_EVM_XATTR",
        "AUDIT_INTEGRITY_POLICY_RULE", "AUDIT_KERNEL", "AUDIT_FIRST_USER_MSG2",
        "AUDIT_LAST_USER_MSG2"]),
    "nl_crypto_types": (["linux/cryptouser.h"], [
        "CRYPTO_MSG_NEWALG", "CRYPTO_MSG_DELALG", "CRYPTO_MSG_UPDATEALG",
        "CRYPTO_MSG_GETALG", "CRYPTO_MSG_DELRNG"]),
    "nl_selinux_types": (["linux/selinux_netlink.h"], [
        "SELNL_MSG_SETENFORCE", "SELNL_MSG_POLICYLOAD"]),
    "nl_xfrm_types": (["linux/xfrm.h"], [
        "XFRM_MSG_NEWSA", "XFRM_MSG_DELSA", "XFRM_MSG_GETSA", "XFRM_MSG_NEWPOLICY",
        "XFRM_MSG_DELPOLICY", "XFRM_MSG_GETPOLICY", "XFRM_MSG_ALLOCSPI",
        "XFRM_MSG_ACQUIRE", "XFRM_MSG_EXPIRE", "XFRM_MSG_UPDPOLICY", "XFRM_MSG_UPDSA",
        "XFRM_MSG_POLEXPIRE", "XFRM_MSG_FLUSHSA", "XFRM_MSG_FLUSHPOLICY",
        "XFRM_MSG_NEWAE", "XFRM_MSG_GETAE", "XFRM_MSG_REPORT", "XFRM_MSG_MIGRATE",
        "XFRM_MSG_NEWSADINFO", "XFRM_MSG_GETSADINFO", "XFRM_MSG_NEWSPDINFO",
        "XFRM_MSG_GETSPDINFO", "XFRM_MSG_MAPPING", "XFRM_MSG_SETDEFAULT",
        "XFRM_MSG_GETDEFAULT"]),
    "nl_netfilter_subsys_ids": (["linux/netfilter/nfnetlink.h"], [
        "NFNL_SUBSYS_NONE", "NFNL_SUBSYS_CTNETLINK", "NFNL_SUBSYS_CTNETLINK_EXP",
        "NFNL_SUBSYS_QUEUE", "NFNL_SUBSYS_ULOG", "NFNL_SUBSYS_OSF", "NFNL_SUBSYS_IPSET",
        "NFNL_SUBSYS_ACCT", "NFNL_SUBSYS_CTNETLINK_TIMEOUT", "NFNL_SUBSYS_CTHELPER",
        "NFNL_SUBSYS_NFTABLES", "NFNL_SUBSYS_NFT_COMPAT", "NFNL_SUBSYS_HOOK"]),
    "nl_netfilter_msg_types": (["linux/netlink.h", "linux/netfilter/nfnetlink.h"], [
        "NFNL_MSG_BATCH_BEGIN", "NFNL_MSG_BATCH_END"]),
    # rtnetlink's struct ifinfomsg (linux/rtnetlink.h) and its IFLA_* attributes.
    "rtnl_link_attrs": (["linux/if_link.h"], [
        "IFLA_UNSPEC", "IFLA_ADDRESS", "IFLA_BROADCAST", "IFLA_IFNAME", "IFLA_MTU", "IFLA_LINK",
        "IFLA_QDISC", "IFLA_STATS", "IFLA_COST", "IFLA_PRIORITY", "IFLA_MASTER",
        "IFLA_WIRELESS", "IFLA_PROTINFO", "IFLA_TXQLEN", "IFLA_MAP", "IFLA_WEIGHT",
        "IFLA_OPERSTATE", "IFLA_LINKMODE", "IFLA_LINKINFO", "IFLA_NET_NS_PID",
        "IFLA_IFALIAS", "IFLA_NUM_VF", "IFLA_VFINFO_LIST", "IFLA_STATS64",
        "IFLA_VF_PORTS", "IFLA_PORT_SELF", "IFLA_AF_SPEC", "IFLA_GROUP",
        "IFLA_NET_NS_FD", "IFLA_EXT_MASK", "IFLA_PROMISCUITY", "IFLA_NUM_TX_QUEUES",
        "IFLA_NUM_RX_QUEUES", "IFLA_CARRIER", "IFLA_PHYS_PORT_ID",
        "IFLA_CARRIER_CHANGES", "IFLA_PHYS_SWITCH_ID", "IFLA_LINK_NETNSID",
        "IFLA_PHYS_PORT_NAME", "IFLA_PROTO_DOWN", "IFLA_GSO_MAX_SEGS",
        "IFLA_GSO_MAX_SIZE", "IFLA_PAD", "IFLA_XDP", "IFLA_EVENT", "IFLA_NEW_NETNSID",
        "IFLA_IF_NETNSID", "IFLA_CARRIER_UP_COUNT", "IFLA_CARRIER_DOWN_COUNT",
        "IFLA_NEW_IFINDEX", "IFLA_MIN_MTU", "IFLA_MAX_MTU", "IFLA_PROP_LIST",
        "IFLA_ALT_IFNAME", "IFLA_PERM_ADDRESS", "IFLA_PROTO_DOWN_REASON",
        "IFLA_PARENT_DEV_NAME", "IFLA_PARENT_DEV_BUS_NAME", "IFLA_GRO_MAX_SIZE",
        "IFLA_TSO_MAX_SIZE", "IFLA_TSO_MAX_SEGS", "IFLA_ALLMULTI"]),
    "rtnl_ifla_brport_attrs": (["linux/if_link.h"], [
        "IFLA_BRPORT_UNSPEC", "IFLA_BRPORT_STATE", "IFLA_BRPORT_PRIORITY",
        "IFLA_BRPORT_COST", "IFLA_BRPORT_MODE", "IFLA_BRPORT_GUARD",
        "IFLA_BRPORT_PROTECT", "IFLA_BRPORT_FAST_LEAVE", "IFLA_BRPORT_LEARNING",
        "IFLA_BRPORT_UNICAST_FLOOD", "IFLA_BRPORT_PROXYARP",
        "IFLA_BRPORT_LEARNING_SYNC", "IFLA_BRPORT_PROXYARP_WIFI", "IFLA_BRPORT_ROOT_ID",
        "IFLA_BRPORT_BRIDGE_ID", "IFLA_BRPORT_DESIGNATED_PORT",
        "IFLA_BRPORT_DESIGNATED_COST", "IFLA_BRPORT_ID", "IFLA_BRPORT_NO",
        "IFLA_BRPORT_TOPOLOGY_CHANGE_ACK", "IFLA_BRPORT_CONFIG_PENDING",
        "IFLA_BRPORT_MESSAGE_AGE_TIMER", "IFLA_BRPORT_FORWARD_DELAY_TIMER",
        "IFLA_BRPORT_HOLD_TIMER", "IFLA_BRPORT_FLUSH", "IFLA_BRPORT_MULTICAST_ROUTER",
        "IFLA_BRPORT_PAD", "IFLA_BRPORT_MCAST_FLOOD", "IFLA_BRPORT_MCAST_TO_UCAST",
        "IFLA_BRPORT_VLAN_TUNNEL", "IFLA_BRPORT_BCAST_FLOOD",
        "IFLA_BRPORT_GROUP_FWD_MASK", "IFLA_BRPORT_NEIGH_SUPPRESS",
        "IFLA_BRPORT_ISOLATED", "IFLA_BRPORT_BACKUP_PORT", "IFLA_BRPORT_MRP_RING_OPEN",
        "IFLA_BRPORT_MRP_IN_OPEN", "IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT",
        "IFLA_BRPORT_MCAST_EHT_HOSTS_CNT", "IFLA_BRPORT_LOCKED"]),
    "rtnl_ifla_info_attrs": (["linux/if_link.h"], [
        "IFLA_INFO_UNSPEC", "IFLA_INFO_KIND", "IFLA_INFO_DATA", "IFLA_INFO_XSTATS",
        "IFLA_INFO_SLAVE_KIND", "IFLA_INFO_SLAVE_DATA"]),
    # RTM_GETSTATS' IFLA_STATS_* attributes; its filter_mask is 1 << each of them.
    "ifstats_attrs": (["linux/if_link.h"], [
        "IFLA_STATS_UNSPEC", "IFLA_STATS_LINK_64", "IFLA_STATS_LINK_XSTATS",
        "IFLA_STATS_LINK_XSTATS_SLAVE", "IFLA_STATS_LINK_OFFLOAD_XSTATS",
        "IFLA_STATS_AF_SPEC"]),
    # RTM_NEWCACHEREPORT: the multicast routing families and their cache reports' attributes.
    "rtnl_families": (["linux/rtnetlink.h"], [
        "RTNL_FAMILY_IPMR", "RTNL_FAMILY_IP6MR"]),
    "ipmra_creport_attrs": (["linux/mroute.h"], [
        "IPMRA_CREPORT_UNSPEC", "IPMRA_CREPORT_MSGTYPE", "IPMRA_CREPORT_VIF_ID",
        "IPMRA_CREPORT_SRC_ADDR", "IPMRA_CREPORT_DST_ADDR", "IPMRA_CREPORT_PKT",
        "IPMRA_CREPORT_TABLE"]),
    "ip6mra_creport_attrs": (["linux/mroute6.h"], [
        "IP6MRA_CREPORT_UNSPEC", "IP6MRA_CREPORT_MSGTYPE", "IP6MRA_CREPORT_MIF_ID",
        "IP6MRA_CREPORT_SRC_ADDR", "IP6MRA_CREPORT_DST_ADDR", "IP6MRA_CREPORT_PKT"]),
    # RTM_GETSTATS' extended statistics: by link type, a bridge's and a bond's, the offloaded
    # ones, MPLS's per family.
    "ifstats_xstats_type_attrs": (["linux/if_link.h"], [
        "LINK_XSTATS_TYPE_UNSPEC", "LINK_XSTATS_TYPE_BRIDGE", "LINK_XSTATS_TYPE_BOND"]),
    "ifstats_xstats_bridge_attrs": (["linux/if_bridge.h"], [
        "BRIDGE_XSTATS_UNSPEC", "BRIDGE_XSTATS_VLAN", "BRIDGE_XSTATS_MCAST",
        "BRIDGE_XSTATS_PAD", "BRIDGE_XSTATS_STP"]),
    "ifstats_xstats_bond_attrs": (["linux/if_bonding.h"], [
        "BOND_XSTATS_UNSPEC", "BOND_XSTATS_3AD"]),
    "ifstats_xstats_bond_3ad_attrs": (["linux/if_bonding.h"], [
        "BOND_3AD_STAT_LACPDU_RX", "BOND_3AD_STAT_LACPDU_TX",
        "BOND_3AD_STAT_LACPDU_UNKNOWN_RX", "BOND_3AD_STAT_LACPDU_ILLEGAL_RX",
        "BOND_3AD_STAT_MARKER_RX", "BOND_3AD_STAT_MARKER_TX", "BOND_3AD_STAT_MARKER_RESP_RX",
        "BOND_3AD_STAT_MARKER_RESP_TX", "BOND_3AD_STAT_MARKER_UNKNOWN_RX",
        "BOND_3AD_STAT_PAD"]),
    "ifstats_offload_attrs": (["linux/if_link.h"], [
        "IFLA_OFFLOAD_XSTATS_UNSPEC", "IFLA_OFFLOAD_XSTATS_CPU_HIT"]),
    "ifstats_xstats_bridge_mcast_indices": (["linux/if_bridge.h"], [
        "BR_MCAST_DIR_RX", "BR_MCAST_DIR_TX"]),
    "nl_bridge_vlan_flags": (["linux/if_bridge.h"], [
        "BRIDGE_VLAN_INFO_MASTER", "BRIDGE_VLAN_INFO_PVID", "BRIDGE_VLAN_INFO_UNTAGGED",
        "BRIDGE_VLAN_INFO_RANGE_BEGIN", "BRIDGE_VLAN_INFO_RANGE_END",
        "BRIDGE_VLAN_INFO_BRENTRY", "BRIDGE_VLAN_INFO_ONLY_OPTS"]),
    "ifstats_af_spec_mpls_attrs": (["linux/mpls.h"], ["MPLS_STATS_UNSPEC", "MPLS_STATS_LINK"]),
    # IFLA_VFINFO_LIST: a virtual function's attributes, its link states, its VLANs'
    # protocols.
    "ethernet_protocols": (["linux/if_ether.h"], [
        "ETH_P_802_3", "ETH_P_AX25", "ETH_P_ALL", "ETH_P_802_2", "ETH_P_SNAP",
        "ETH_P_DDCMP", "ETH_P_WAN_PPP", "ETH_P_PPP_MP", "ETH_P_LOCALTALK", "ETH_P_CAN",
        "ETH_P_CANFD", "ETH_P_CANXL", "ETH_P_PPPTALK", "ETH_P_TR_802_2",
        "ETH_P_MOBITEX", "ETH_P_CONTROL", "ETH_P_IRDA", "ETH_P_ECONET", "ETH_P_HDLC",
        "ETH_P_ARCNET", "ETH_P_DSA", "ETH_P_TRAILER", "ETH_P_LOOP", "ETH_P_PHONET",
        "ETH_P_IEEE802154", "ETH_P_CAIF", "ETH_P_XDSA", "ETH_P_MAP", "ETH_P_MCTP",
        "ETH_P_PUP", "ETH_P_PUPAT", "ETH_P_802_3_MIN", "ETH_P_IP", "ETH_P_X25",
        "ETH_P_ARP", "ETH_P_BPQ", "ETH_P_IEEEPUP", "ETH_P_IEEEPUPAT", "ETH_P_ERSPAN2", "ETH_P_TSN",
        "ETH_P_BATMAN", "ETH_P_DEC", "ETH_P_DNA_DL", "ETH_P_DNA_RC", "ETH_P_DNA_RT",
        "ETH_P_LAT", "ETH_P_DIAG", "ETH_P_CUST", "ETH_P_SCA", "ETH_P_TEB", "ETH_P_RARP",
        "ETH_P_ATALK", "ETH_P_AARP", "ETH_P_8021Q", "ETH_P_IPX", "ETH_P_IPV6",
        "ETH_P_PAUSE", "ETH_P_SLOW", "ETH_P_WCCP", "ETH_P_MPLS_UC", "ETH_P_MPLS_MC",
        "ETH_P_ATMMPOA", "ETH_P_PPP_DISC", "ETH_P_PPP_SES", "ETH_P_LINK_CTL",
        "ETH_P_ATMFATE", "ETH_P_PAE", "ETH_P_REALTEK", "ETH_P_AOE", "ETH_P_8021AD",
        "ETH_P_802_EX1", "ETH_P_ERSPAN", "ETH_P_PREAUTH", "ETH_P_TIPC", "ETH_P_LLDP",
        "ETH_P_MRP", "ETH_P_MACSEC", "ETH_P_8021AH", "ETH_P_MVRP", "ETH_P_1588",
        "ETH_P_NCSI", "ETH_P_PRP", "ETH_P_CFM", "ETH_P_FCOE", "ETH_P_TDLS", "ETH_P_FIP",
        "ETH_P_IBOE", "ETH_P_80221", "ETH_P_HSR", "ETH_P_NSH", "ETH_P_LOOPBACK",
        "ETH_P_QINQ1", "ETH_P_QINQ2", "ETH_P_QINQ3", "ETH_P_EDSA", "ETH_P_DSA_8021Q",
        "ETH_P_DSA_A5PSW", "ETH_P_IFE", "ETH_P_AF_IUCV"]),
    "rtnl_ifla_vfinfo_list_attrs": (["linux/if_link.h"], ["IFLA_VF_INFO_UNSPEC", "IFLA_VF_INFO"]),
    "rtnl_ifla_vf_info_attrs": (["linux/if_link.h"], [
        "IFLA_VF_UNSPEC", "IFLA_VF_MAC", "IFLA_VF_VLAN", "IFLA_VF_TX_RATE", "IFLA_VF_SPOOFCHK",
        "IFLA_VF_LINK_STATE", "IFLA_VF_RATE", "IFLA_VF_RSS_QUERY_EN", "IFLA_VF_STATS",
        "IFLA_VF_TRUST", "IFLA_VF_IB_NODE_GUID", "IFLA_VF_IB_PORT_GUID", "IFLA_VF_VLAN_LIST",
        "IFLA_VF_BROADCAST"]),
    "rtnl_ifla_vf_link_states": (["linux/if_link.h"], [
        "IFLA_VF_LINK_STATE_AUTO", "IFLA_VF_LINK_STATE_ENABLE", "IFLA_VF_LINK_STATE_DISABLE"]),
    "rtnl_ifla_vf_stats_attrs": (["linux/if_link.h"], [
        "IFLA_VF_STATS_RX_PACKETS", "IFLA_VF_STATS_TX_PACKETS", "IFLA_VF_STATS_RX_BYTES",
        "IFLA_VF_STATS_TX_BYTES", "IFLA_VF_STATS_BROADCAST", "IFLA_VF_STATS_MULTICAST",
        "IFLA_VF_STATS_PAD", "IFLA_VF_STATS_RX_DROPPED", "IFLA_VF_STATS_TX_DROPPED"]),
    "rtnl_ifla_vf_vlan_list_attrs": (["linux/if_link.h"], [
        "IFLA_VF_VLAN_INFO_UNSPEC", "IFLA_VF_VLAN_INFO"]),
    # IFLA_XDP's attributes, its flags (the modes all together first) and attach modes;
    # IFLA_PROTO_DOWN_REASON's.
    "rtnl_ifla_xdp_attrs": (["linux/if_link.h"], [
        "IFLA_XDP_UNSPEC", "IFLA_XDP_FD", "IFLA_XDP_ATTACHED", "IFLA_XDP_FLAGS",
        "IFLA_XDP_PROG_ID", "IFLA_XDP_DRV_PROG_ID", "IFLA_XDP_SKB_PROG_ID",
        "IFLA_XDP_HW_PROG_ID", "IFLA_XDP_EXPECTED_FD"]),
    "xdp_flags": (["linux/if_link.h"], [
        "XDP_FLAGS_MODES", "XDP_FLAGS_UPDATE_IF_NOEXIST", "XDP_FLAGS_SKB_MODE",
        "XDP_FLAGS_DRV_MODE", "XDP_FLAGS_HW_MODE", "XDP_FLAGS_REPLACE"]),
    "rtnl_ifla_xdp_attached_mode": (["linux/if_link.h"], [
        "XDP_ATTACHED_NONE", "XDP_ATTACHED_DRV", "XDP_ATTACHED_SKB", "XDP_ATTACHED_HW",
        "XDP_ATTACHED_MULTI"]),
    "rtnl_ifla_proto_down_reason_attrs": (["linux/if_link.h"], [
        "IFLA_PROTO_DOWN_REASON_UNSPEC", "IFLA_PROTO_DOWN_REASON_MASK",
        "IFLA_PROTO_DOWN_REASON_VALUE"]),
    # Traffic control's struct tcmsg: its TCA_* attributes and TCA_STATS2's.
    "rtnl_tc_attrs": (["linux/rtnetlink.h"], [
        "TCA_UNSPEC", "TCA_KIND", "TCA_OPTIONS", "TCA_STATS", "TCA_XSTATS", "TCA_RATE",
        "TCA_FCNT", "TCA_STATS2", "TCA_STAB", "TCA_PAD", "TCA_DUMP_INVISIBLE", "TCA_CHAIN",
        "TCA_HW_OFFLOAD", "TCA_INGRESS_BLOCK", "TCA_EGRESS_BLOCK", "TCA_DUMP_FLAGS"]),
    "rtnl_tca_stats_attrs": (["linux/gen_stats.h"], [
        "TCA_STATS_UNSPEC", "TCA_STATS_BASIC", "TCA_STATS_RATE_EST", "TCA_STATS_QUEUE",
        "TCA_STATS_APP", "TCA_STATS_RATE_EST64", "TCA_STATS_PAD", "TCA_STATS_BASIC_HW",
        "TCA_STATS_PKT64"]),
    # rtnetlink's struct ifaddrmsg (linux/if_addr.h), rtmsg (linux/rtnetlink.h), ndmsg
    # (linux/neighbour.h), fib_rule_hdr (linux/fib_rules.h) and their attributes.
    "rtnl_addr_attrs": (["linux/if_addr.h"], [
        "IFA_UNSPEC", "IFA_ADDRESS", "IFA_LOCAL", "IFA_LABEL", "IFA_BROADCAST", "IFA_ANYCAST",
        "IFA_CACHEINFO", "IFA_MULTICAST", "IFA_FLAGS", "IFA_RT_PRIORITY",
        "IFA_TARGET_NETNSID", "IFA_PROTO"]),
    "ifaddrflags": (["linux/if_addr.h"], [
        "IFA_F_SECONDARY", "IFA_F_NODAD", "IFA_F_OPTIMISTIC", "IFA_F_DADFAILED",
        "IFA_F_HOMEADDRESS", "IFA_F_DEPRECATED", "IFA_F_TENTATIVE", "IFA_F_PERMANENT",
        "IFA_F_MANAGETEMPADDR", "IFA_F_NOPREFIXROUTE", "IFA_F_MCAUTOJOIN",
        "IFA_F_STABLE_PRIVACY"]),
    "routing_scopes": (["linux/rtnetlink.h"], [
        "RT_SCOPE_UNIVERSE", "RT_SCOPE_SITE", "RT_SCOPE_LINK", "RT_SCOPE_HOST",
        "RT_SCOPE_NOWHERE"]),
    "routing_table_ids": (["linux/rtnetlink.h"], [
        "RT_TABLE_UNSPEC", "RT_TABLE_COMPAT", "RT_TABLE_DEFAULT", "RT_TABLE_MAIN",
        "RT_TABLE_LOCAL"]),
    "routing_types": (["linux/rtnetlink.h"], [
        "RTN_UNSPEC", "RTN_UNICAST", "RTN_LOCAL", "RTN_BROADCAST", "RTN_ANYCAST",
        "RTN_MULTICAST", "RTN_BLACKHOLE", "RTN_UNREACHABLE", "RTN_PROHIBIT", "RTN_THROW",
        "RTN_NAT", "RTN_XRESOLVE"]),
    "routing_protocols": (["linux/rtnetlink.h"], [
        "RTPROT_UNSPEC", "RTPROT_REDIRECT", "RTPROT_KERNEL", "RTPROT_BOOT", "RTPROT_STATIC",
        "RTPROT_GATED", "RTPROT_RA", "RTPROT_MRT", "RTPROT_ZEBRA", "RTPROT_BIRD",
        "RTPROT_DNROUTED", "RTPROT_XORP", "RTPROT_NTK", "RTPROT_DHCP", "RTPROT_MROUTED",
        "RTPROT_KEEPALIVED", "RTPROT_BABEL", "RTPROT_OPENR", "RTPROT_BGP", "RTPROT_ISIS",
        "RTPROT_OSPF", "RTPROT_RIP", "RTPROT_EIGRP"]),
    "routing_flags": (["linux/rtnetlink.h"], [
        "RTM_F_NOTIFY", "RTM_F_CLONED", "RTM_F_EQUALIZE", "RTM_F_PREFIX",
        "RTM_F_LOOKUP_TABLE", "RTM_F_FIB_MATCH", "RTM_F_OFFLOAD", "RTM_F_TRAP",
        "RTM_F_OFFLOAD_FAILED"]),
    "ip_type_of_services": (["linux/ip.h"], [
        "IPTOS_LOWDELAY", "IPTOS_THROUGHPUT", "IPTOS_RELIABILITY", "IPTOS_MINCOST"]),
    "rtnl_route_attrs": (["linux/rtnetlink.h"], [
        "RTA_UNSPEC", "RTA_DST", "RTA_SRC", "RTA_IIF", "RTA_OIF", "RTA_GATEWAY",
        "RTA_PRIORITY", "RTA_PREFSRC", "RTA_METRICS", "RTA_MULTIPATH", "RTA_PROTOINFO",
        "RTA_FLOW", "RTA_CACHEINFO", "RTA_SESSION", "RTA_MP_ALGO", "RTA_TABLE", "RTA_MARK",
        "RTA_MFC_STATS", "RTA_VIA", "RTA_NEWDST", "RTA_PREF", "RTA_ENCAP_TYPE", "RTA_ENCAP",
        "RTA_EXPIRES", "RTA_PAD", "RTA_UID", "RTA_TTL_PROPAGATE", "RTA_IP_PROTO",
        "RTA_SPORT", "RTA_DPORT", "RTA_NH_ID"]),
    "rtnl_rta_metrics_attrs": (["linux/rtnetlink.h"], [
        "RTAX_UNSPEC", "RTAX_LOCK", "RTAX_MTU", "RTAX_WINDOW", "RTAX_RTT", "RTAX_RTTVAR",
        "RTAX_SSTHRESH", "RTAX_CWND", "RTAX_ADVMSS", "RTAX_REORDERING", "RTAX_HOPLIMIT",
        "RTAX_INITCWND", "RTAX_FEATURES", "RTAX_RTO_MIN", "RTAX_INITRWND", "RTAX_QUICKACK",
        "RTAX_CC_ALGO", "RTAX_FASTOPEN_NO_COOKIE"]),
    "route_nexthop_flags": (["linux/rtnetlink.h"], [
        "RTNH_F_DEAD", "RTNH_F_PERVASIVE", "RTNH_F_ONLINK", "RTNH_F_OFFLOAD",
        "RTNH_F_LINKDOWN", "RTNH_F_UNRESOLVED", "RTNH_F_TRAP"]),
    "lwtunnel_encap_types": (["linux/lwtunnel.h"], [
        "LWTUNNEL_ENCAP_NONE", "LWTUNNEL_ENCAP_MPLS", "LWTUNNEL_ENCAP_IP",
        "LWTUNNEL_ENCAP_ILA", "LWTUNNEL_ENCAP_IP6", "LWTUNNEL_ENCAP_SEG6",
        "LWTUNNEL_ENCAP_BPF", "LWTUNNEL_ENCAP_SEG6_LOCAL", "LWTUNNEL_ENCAP_RPL"]),
    "neighbor_cache_entry_states": (["linux/neighbour.h"], [
        "NUD_NONE", "NUD_INCOMPLETE", "NUD_REACHABLE", "NUD_STALE", "NUD_DELAY",
        "NUD_PROBE", "NUD_FAILED", "NUD_NOARP", "NUD_PERMANENT"]),
    "neighbor_cache_entry_flags": (["linux/neighbour.h"], [
        "NTF_USE", "NTF_SELF", "NTF_MASTER", "NTF_PROXY", "NTF_EXT_LEARNED",
        "NTF_OFFLOADED", "NTF_STICKY", "NTF_ROUTER"]),
    "neighbor_cache_entry_ext_flags": (["linux/neighbour.h"], ["NTF_EXT_MANAGED"]),
    "rtnl_neigh_attrs": (["linux/neighbour.h"], [
        "NDA_UNSPEC", "NDA_DST", "NDA_LLADDR", "NDA_CACHEINFO", "NDA_PROBES", "NDA_VLAN",
        "NDA_PORT", "NDA_VNI", "NDA_IFINDEX", "NDA_MASTER", "NDA_LINK_NETNSID",
        "NDA_SRC_VNI", "NDA_PROTOCOL", "NDA_NH_ID", "NDA_FDB_EXT_ATTRS", "NDA_FLAGS_EXT",
        "NDA_NDM_STATE_MASK", "NDA_NDM_FLAGS_MASK"]),
    "rtnl_neigh_fdb_ext_attrs": (["linux/neighbour.h"], [
        "NFEA_UNSPEC", "NFEA_ACTIVITY_NOTIFY", "NFEA_DONT_REFRESH"]),
    "fib_rule_actions": (["linux/fib_rules.h"], [
        "FR_ACT_UNSPEC", "FR_ACT_TO_TBL", "FR_ACT_GOTO", "FR_ACT_NOP", "FR_ACT_RES3",
        "FR_ACT_RES4", "FR_ACT_BLACKHOLE", "FR_ACT_UNREACHABLE", "FR_ACT_PROHIBIT"]),
    "fib_rule_flags": (["linux/fib_rules.h"], [
        "FIB_RULE_PERMANENT", "FIB_RULE_INVERT", "FIB_RULE_UNRESOLVED",
        "FIB_RULE_IIF_DETACHED", "FIB_RULE_OIF_DETACHED", "FIB_RULE_FIND_SADDR"]),
    "rtnl_rule_attrs": (["linux/fib_rules.h"], [
        "FRA_UNSPEC", "FRA_DST", "FRA_SRC", "FRA_IIFNAME", "FRA_GOTO", "FRA_UNUSED2",
        "FRA_PRIORITY", "FRA_UNUSED3", "FRA_UNUSED4", "FRA_UNUSED5", "FRA_FWMARK",
        "FRA_FLOW", "FRA_TUN_ID", "FRA_SUPPRESS_IFGROUP", "FRA_SUPPRESS_PREFIXLEN",
        "FRA_TABLE", "FRA_FWMASK", "FRA_OIFNAME", "FRA_PAD", "FRA_L3MDEV",
        "FRA_UID_RANGE", "FRA_PROTOCOL", "FRA_IP_PROTO", "FRA_SPORT_RANGE",
        "FRA_DPORT_RANGE"]),
    # NETLINK_NETFILTER's messages, by subsystem (the high byte of the type).
    "nf_ctnetlink_msg_types": (["linux/netfilter/nfnetlink_conntrack.h"], [
        "IPCTNL_MSG_CT_NEW", "IPCTNL_MSG_CT_GET", "IPCTNL_MSG_CT_DELETE",
        "IPCTNL_MSG_CT_GET_CTRZERO", "IPCTNL_MSG_CT_GET_STATS_CPU",
        "IPCTNL_MSG_CT_GET_STATS", "IPCTNL_MSG_CT_GET_DYING",
        "IPCTNL_MSG_CT_GET_UNCONFIRMED"]),
    "nf_ctnetlink_exp_msg_types": (["linux/netfilter/nfnetlink_conntrack.h"], [
        "IPCTNL_MSG_EXP_NEW", "IPCTNL_MSG_EXP_GET", "IPCTNL_MSG_EXP_DELETE",
        "IPCTNL_MSG_EXP_GET_STATS_CPU"]),
    "nf_queue_msg_types": (["linux/netfilter/nfnetlink_queue.h"], [
        "NFQNL_MSG_PACKET", "NFQNL_MSG_VERDICT", "NFQNL_MSG_CONFIG",
        "NFQNL_MSG_VERDICT_BATCH"]),
    "nf_ulog_msg_types": (["linux/netfilter/nfnetlink_log.h"], [
        "NFULNL_MSG_PACKET", "NFULNL_MSG_CONFIG"]),
    "nf_osf_msg_types": (["linux/netfilter/nfnetlink_osf.h"], [
        "OSF_MSG_ADD", "OSF_MSG_REMOVE"]),
    "nf_ipset_msg_types": (["linux/netfilter/ipset/ip_set.h"], [
        "IPSET_CMD_NONE", "IPSET_CMD_PROTOCOL", "IPSET_CMD_CREATE", "IPSET_CMD_DESTROY",
        "IPSET_CMD_FLUSH", "IPSET_CMD_RENAME", "IPSET_CMD_SWAP", "IPSET_CMD_LIST",
        "IPSET_CMD_SAVE", "IPSET_CMD_ADD", "IPSET_CMD_DEL", "IPSET_CMD_TEST",
        "IPSET_CMD_HEADER", "IPSET_CMD_TYPE", "IPSET_CMD_RESTORE", "IPSET_CMD_HELP",
        "IPSET_CMD_VERSION", "IPSET_CMD_QUIT", "IPSET_CMD_COMMIT"]),
    "nf_acct_msg_types": (["linux/netfilter/nfnetlink_acct.h"], [
        "NFNL_MSG_ACCT_NEW", "NFNL_MSG_ACCT_GET", "NFNL_MSG_ACCT_GET_CTRZERO",
        "NFNL_MSG_ACCT_DEL", "NFNL_MSG_ACCT_OVERQUOTA"]),
    "nf_cttimeout_msg_types": (["linux/netfilter/nfnetlink_cttimeout.h"], [
        "IPCTNL_MSG_TIMEOUT_NEW", "IPCTNL_MSG_TIMEOUT_GET", "IPCTNL_MSG_TIMEOUT_DELETE",
        "IPCTNL_MSG_TIMEOUT_DEFAULT_SET", "IPCTNL_MSG_TIMEOUT_DEFAULT_GET"]),
    "nf_cthelper_msg_types": (["linux/netfilter/nfnetlink_cthelper.h"], [
        "NFNL_MSG_CTHELPER_NEW", "NFNL_MSG_CTHELPER_GET", "NFNL_MSG_CTHELPER_DEL"]),
    "nf_nftables_msg_types": (["linux/netfilter/nf_tables.h"], [
        "NFT_MSG_NEWTABLE", "NFT_MSG_GETTABLE", "NFT_MSG_DELTABLE", "NFT_MSG_NEWCHAIN",
        "NFT_MSG_GETCHAIN", "NFT_MSG_DELCHAIN", "NFT_MSG_NEWRULE", "NFT_MSG_GETRULE",
        "NFT_MSG_DELRULE", "NFT_MSG_NEWSET", "NFT_MSG_GETSET", "NFT_MSG_DELSET",
        "NFT_MSG_NEWSETELEM", "NFT_MSG_GETSETELEM", "NFT_MSG_DELSETELEM",
        "NFT_MSG_NEWGEN", "NFT_MSG_GETGEN", "NFT_MSG_TRACE", "NFT_MSG_NEWOBJ",
        "NFT_MSG_GETOBJ", "NFT_MSG_DELOBJ", "NFT_MSG_GETOBJ_RESET",
        "NFT_MSG_NEWFLOWTABLE", "NFT_MSG_GETFLOWTABLE", "NFT_MSG_DELFLOWTABLE"]),
    "nf_nft_compat_msg_types": (["linux/netfilter/nf_tables_compat.h"], [
        "NFNL_MSG_COMPAT_GET"]),
    "nf_hook_msg_types": (["linux/netfilter/nfnetlink_hook.h"], [
        "NFNL_MSG_HOOK_GET"]),
    "arp_hardware_types": (["linux/if_arp.h"], [
        "ARPHRD_NETROM", "ARPHRD_ETHER", "ARPHRD_EETHER", "ARPHRD_AX25",
        "ARPHRD_PRONET", "ARPHRD_CHAOS", "ARPHRD_IEEE802", "ARPHRD_ARCNET",
        "ARPHRD_APPLETLK", "ARPHRD_DLCI", "ARPHRD_ATM", "ARPHRD_METRICOM",
        "ARPHRD_IEEE1394", "ARPHRD_EUI64", "ARPHRD_INFINIBAND", "ARPHRD_SLIP",
        "ARPHRD_CSLIP", "ARPHRD_SLIP6", "ARPHRD_CSLIP6", "ARPHRD_RSRVD", "ARPHRD_ADAPT",
        "ARPHRD_ROSE", "ARPHRD_X25", "ARPHRD_HWX25", "ARPHRD_CAN", "ARPHRD_MCTP",
        "ARPHRD_PPP", "ARPHRD_CISCO", "ARPHRD_LAPB", "ARPHRD_DDCMP", "ARPHRD_RAWHDLC",
        "ARPHRD_RAWIP", "ARPHRD_TUNNEL", "ARPHRD_TUNNEL6", "ARPHRD_FRAD", "ARPHRD_SKIP",
        "ARPHRD_LOOPBACK", "ARPHRD_LOCALTLK", "ARPHRD_FDDI", "ARPHRD_BIF", "ARPHRD_SIT",
        "ARPHRD_IPDDP", "ARPHRD_IPGRE", "ARPHRD_PIMREG", "ARPHRD_HIPPI", "ARPHRD_ASH",
        "ARPHRD_ECONET", "ARPHRD_IRDA", "ARPHRD_FCPP", "ARPHRD_FCAL", "ARPHRD_FCPL",
        "ARPHRD_FCFABRIC", "ARPHRD_IEEE802_TR", "ARPHRD_IEEE80211",
        "ARPHRD_IEEE80211_PRISM", "ARPHRD_IEEE80211_RADIOTAP", "ARPHRD_IEEE802154",
        "ARPHRD_IEEE802154_MONITOR", "ARPHRD_PHONET", "ARPHRD_PHONET_PIPE",
        "ARPHRD_CAIF", "ARPHRD_IP6GRE", "ARPHRD_NETLINK", "ARPHRD_6LOWPAN",
        "ARPHRD_VSOCKMON", "ARPHRD_NONE", "ARPHRD_VOID"]),
    "iff_flags": (["linux/if.h"], [
        "IFF_UP", "IFF_BROADCAST", "IFF_DEBUG", "IFF_LOOPBACK", "IFF_POINTOPOINT",
        "IFF_NOTRAILERS", "IFF_RUNNING", "IFF_NOARP", "IFF_PROMISC", "IFF_ALLMULTI",
        "IFF_MASTER", "IFF_SLAVE", "IFF_MULTICAST", "IFF_PORTSEL", "IFF_AUTOMEDIA",
        "IFF_DYNAMIC", "IFF_LOWER_UP", "IFF_DORMANT", "IFF_ECHO"]),
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
    # The flags and commands of the mount API, fanotify, NUMA policies, landlock, keys and
    # personality (decode_mux.cpp).
    "mount_flags": (["linux/mount.h"], [
        "MS_RDONLY", "MS_NOSUID", "MS_NODEV", "MS_NOEXEC", "MS_SYNCHRONOUS", "MS_REMOUNT",
        "MS_MANDLOCK", "MS_DIRSYNC", "MS_NOSYMFOLLOW", "MS_NOATIME", "MS_NODIRATIME", "MS_BIND",
        "MS_MOVE", "MS_REC", "MS_SILENT", "MS_POSIXACL", "MS_UNBINDABLE", "MS_PRIVATE",
        "MS_SLAVE", "MS_SHARED", "MS_RELATIME", "MS_KERNMOUNT", "MS_I_VERSION",
        "MS_STRICTATIME", "MS_LAZYTIME", "MS_SUBMOUNT", "MS_NOREMOTELOCK", "MS_NOSEC", "MS_BORN",
        "MS_ACTIVE", "MS_NOUSER"]),
    "mount_setattr_flags": (["linux/fcntl.h"], [
        "AT_SYMLINK_NOFOLLOW", "AT_NO_AUTOMOUNT", "AT_EMPTY_PATH", "AT_RECURSIVE"]),
    "fsopen_flags": (["linux/mount.h"], ["FSOPEN_CLOEXEC"]),
    "fspick_flags": (["linux/mount.h"], [
        "FSPICK_CLOEXEC", "FSPICK_SYMLINK_NOFOLLOW", "FSPICK_NO_AUTOMOUNT", "FSPICK_EMPTY_PATH"]),
    "fsmount_flags": (["linux/mount.h"], ["FSMOUNT_CLOEXEC"]),
    "mount_attr_flags": (["linux/mount.h"], [
        "MOUNT_ATTR_RDONLY", "MOUNT_ATTR_NOSUID", "MOUNT_ATTR_NODEV", "MOUNT_ATTR_NOEXEC",
        "MOUNT_ATTR_NOATIME", "MOUNT_ATTR_STRICTATIME", "MOUNT_ATTR_NODIRATIME"]),
    "move_mount_flags": (["linux/mount.h"], [
        "MOVE_MOUNT_F_SYMLINKS", "MOVE_MOUNT_F_AUTOMOUNTS", "MOVE_MOUNT_F_EMPTY_PATH",
        "MOVE_MOUNT_T_SYMLINKS", "MOVE_MOUNT_T_AUTOMOUNTS", "MOVE_MOUNT_T_EMPTY_PATH",
        "MOVE_MOUNT_SET_GROUP"]),
    "fsconfig_cmds": (["linux/mount.h"], [
        "FSCONFIG_SET_FLAG", "FSCONFIG_SET_STRING", "FSCONFIG_SET_BINARY", "FSCONFIG_SET_PATH",
        "FSCONFIG_SET_PATH_EMPTY", "FSCONFIG_SET_FD", "FSCONFIG_CMD_CREATE",
        "FSCONFIG_CMD_RECONFIGURE"]),
    "fan_mark_flags": (["linux/fanotify.h"], [
        "FAN_MARK_ADD", "FAN_MARK_REMOVE", "FAN_MARK_DONT_FOLLOW", "FAN_MARK_ONLYDIR",
        "FAN_MARK_MOUNT", "FAN_MARK_IGNORED_MASK", "FAN_MARK_IGNORED_SURV_MODIFY",
        "FAN_MARK_FLUSH", "FAN_MARK_FILESYSTEM", "FAN_MARK_EVICTABLE", "FAN_MARK_IGNORE"]),
    "fan_event_flags": (["linux/fanotify.h"], [
        "FAN_ACCESS", "FAN_MODIFY", "FAN_ATTRIB", "FAN_CLOSE_WRITE", "FAN_CLOSE_NOWRITE",
        "FAN_OPEN", "FAN_MOVED_FROM", "FAN_MOVED_TO", "FAN_CREATE", "FAN_DELETE",
        "FAN_DELETE_SELF", "FAN_MOVE_SELF", "FAN_OPEN_EXEC", "FAN_Q_OVERFLOW", "FAN_FS_ERROR",
        "FAN_OPEN_PERM", "FAN_ACCESS_PERM", "FAN_OPEN_EXEC_PERM", "FAN_DIR_MODIFY", "FAN_ONDIR",
        "FAN_EVENT_ON_CHILD", "FAN_RENAME"]),
    "mpol_modes": (["linux/mempolicy.h"], [
        "MPOL_DEFAULT", "MPOL_PREFERRED", "MPOL_BIND", "MPOL_INTERLEAVE", "MPOL_LOCAL",
        "MPOL_PREFERRED_MANY"]),
    "mpol_mode_flags": (["linux/mempolicy.h"], [
        "MPOL_F_STATIC_NODES", "MPOL_F_RELATIVE_NODES", "MPOL_F_NUMA_BALANCING"]),
    "mbind_flags": (["linux/mempolicy.h"], ["MPOL_MF_STRICT", "MPOL_MF_MOVE", "MPOL_MF_MOVE_ALL"]),
    "mremap_flags": (["linux/mman.h"], ["MREMAP_MAYMOVE", "MREMAP_FIXED", "MREMAP_DONTUNMAP"]),
    "close_range_flags": (["linux/close_range.h"], ["CLOSE_RANGE_UNSHARE", "CLOSE_RANGE_CLOEXEC"]),
    "pkey_access_rights": (["asm-generic/mman-common.h"], [
        "PKEY_DISABLE_ACCESS", "PKEY_DISABLE_WRITE", "PKEY_DISABLE_EXECUTE"]),
    "ptrace_cmds": (["linux/ptrace.h"], [
        "PTRACE_TRACEME", "PTRACE_PEEKTEXT", "PTRACE_PEEKDATA", "PTRACE_PEEKUSER=PTRACE_PEEKUSR",
        "PTRACE_POKETEXT", "PTRACE_POKEDATA", "PTRACE_POKEUSER=PTRACE_POKEUSR", "PTRACE_CONT",
        "PTRACE_KILL", "PTRACE_SINGLESTEP", "PTRACE_ATTACH", "PTRACE_DETACH", "PTRACE_SYSCALL",
        "PTRACE_SETOPTIONS", "PTRACE_GETEVENTMSG", "PTRACE_GETSIGINFO", "PTRACE_SETSIGINFO",
        "PTRACE_GETREGSET", "PTRACE_SETREGSET", "PTRACE_SEIZE", "PTRACE_INTERRUPT",
        "PTRACE_LISTEN", "PTRACE_PEEKSIGINFO", "PTRACE_GETSIGMASK", "PTRACE_SETSIGMASK",
        "PTRACE_SECCOMP_GET_FILTER", "PTRACE_SECCOMP_GET_METADATA", "PTRACE_GET_SYSCALL_INFO"]),
    "ptrace_setoptions_flags": (["linux/ptrace.h"], [
        "PTRACE_O_TRACESYSGOOD", "PTRACE_O_TRACEFORK", "PTRACE_O_TRACEVFORK",
        "PTRACE_O_TRACECLONE", "PTRACE_O_TRACEEXEC", "PTRACE_O_TRACEVFORKDONE",
        "PTRACE_O_TRACEEXIT", "PTRACE_O_TRACESECCOMP", "PTRACE_O_EXITKILL",
        "PTRACE_O_SUSPEND_SECCOMP"]),
    "ptrace_cmds_x86": (["linux/ptrace.h"], [
        "PTRACE_GETREGS", "PTRACE_SETREGS", "PTRACE_GETFPREGS", "PTRACE_SETFPREGS",
        "PTRACE_GETFPXREGS", "PTRACE_SETFPXREGS", "PTRACE_OLDSETOPTIONS",
        "PTRACE_GET_THREAD_AREA", "PTRACE_SET_THREAD_AREA", "PTRACE_ARCH_PRCTL", "PTRACE_SYSEMU",
        "PTRACE_SYSEMU_SINGLESTEP", "PTRACE_SINGLEBLOCK"]),
    "kexec_file_load_flags": (["linux/kexec.h"], ["KEXEC_FILE_UNLOAD", "KEXEC_FILE_ON_CRASH",
                                                  "KEXEC_FILE_NO_INITRAMFS"]),
    "landlock_create_ruleset_flags": (["linux/landlock.h"], ["LANDLOCK_CREATE_RULESET_VERSION"]),
    "landlock_rule_types": (["linux/landlock.h"], ["LANDLOCK_RULE_PATH_BENEATH"]),
    "uring_enter_flags": (["linux/io_uring.h"], [
        "IORING_ENTER_GETEVENTS", "IORING_ENTER_SQ_WAKEUP", "IORING_ENTER_SQ_WAIT",
        "IORING_ENTER_EXT_ARG", "IORING_ENTER_REGISTERED_RING"]),
    # io_uring_register's opcodes (strace's uring_register_opcodes, the kernel's enum).
    "uring_register_opcodes": (["linux/io_uring.h"], [
        "IORING_REGISTER_BUFFERS", "IORING_UNREGISTER_BUFFERS", "IORING_REGISTER_FILES",
        "IORING_UNREGISTER_FILES", "IORING_REGISTER_EVENTFD", "IORING_UNREGISTER_EVENTFD",
        "IORING_REGISTER_FILES_UPDATE", "IORING_REGISTER_EVENTFD_ASYNC", "IORING_REGISTER_PROBE",
        "IORING_REGISTER_PERSONALITY", "IORING_UNREGISTER_PERSONALITY",
        "IORING_REGISTER_RESTRICTIONS", "IORING_REGISTER_ENABLE_RINGS", "IORING_REGISTER_FILES2",
        "IORING_REGISTER_FILES_UPDATE2", "IORING_REGISTER_BUFFERS2",
        "IORING_REGISTER_BUFFERS_UPDATE", "IORING_REGISTER_IOWQ_AFF",
        "IORING_UNREGISTER_IOWQ_AFF", "IORING_REGISTER_IOWQ_MAX_WORKERS",
        "IORING_REGISTER_RING_FDS", "IORING_UNREGISTER_RING_FDS", "IORING_REGISTER_PBUF_RING",
        "IORING_UNREGISTER_PBUF_RING"]),
    # What io_uring_register's structs hold: the ring's operations (strace 6.1's list, which
    # ends at IORING_OP_URING_CMD), their probe flags, restrictions, sqe flags, the flags of
    # a resource registration, and the fd that skips an update.
    "uring_ops": (["linux/io_uring.h"], [
        "IORING_OP_NOP", "IORING_OP_READV", "IORING_OP_WRITEV", "IORING_OP_FSYNC",
        "IORING_OP_READ_FIXED", "IORING_OP_WRITE_FIXED", "IORING_OP_POLL_ADD",
        "IORING_OP_POLL_REMOVE", "IORING_OP_SYNC_FILE_RANGE", "IORING_OP_SENDMSG",
        "IORING_OP_RECVMSG", "IORING_OP_TIMEOUT", "IORING_OP_TIMEOUT_REMOVE",
        "IORING_OP_ACCEPT", "IORING_OP_ASYNC_CANCEL", "IORING_OP_LINK_TIMEOUT",
        "IORING_OP_CONNECT", "IORING_OP_FALLOCATE", "IORING_OP_OPENAT", "IORING_OP_CLOSE",
        "IORING_OP_FILES_UPDATE", "IORING_OP_STATX", "IORING_OP_READ", "IORING_OP_WRITE",
        "IORING_OP_FADVISE", "IORING_OP_MADVISE", "IORING_OP_SEND", "IORING_OP_RECV",
        "IORING_OP_OPENAT2", "IORING_OP_EPOLL_CTL", "IORING_OP_SPLICE",
        "IORING_OP_PROVIDE_BUFFERS", "IORING_OP_REMOVE_BUFFERS", "IORING_OP_TEE",
        "IORING_OP_SHUTDOWN", "IORING_OP_RENAMEAT", "IORING_OP_UNLINKAT", "IORING_OP_MKDIRAT",
        "IORING_OP_SYMLINKAT", "IORING_OP_LINKAT", "IORING_OP_MSG_RING", "IORING_OP_FSETXATTR",
        "IORING_OP_SETXATTR", "IORING_OP_FGETXATTR", "IORING_OP_GETXATTR", "IORING_OP_SOCKET",
        "IORING_OP_URING_CMD"]),
    "uring_op_flags": (["linux/io_uring.h"], ["IO_URING_OP_SUPPORTED"]),
    # io_uring_setup's struct io_uring_params: its flags and the features the kernel returns.
    "uring_setup_flags": (["linux/io_uring.h"], [
        "IORING_SETUP_IOPOLL", "IORING_SETUP_SQPOLL", "IORING_SETUP_SQ_AFF", "IORING_SETUP_CQSIZE",
        "IORING_SETUP_CLAMP", "IORING_SETUP_ATTACH_WQ", "IORING_SETUP_R_DISABLED",
        "IORING_SETUP_SUBMIT_ALL", "IORING_SETUP_COOP_TASKRUN", "IORING_SETUP_TASKRUN_FLAG",
        "IORING_SETUP_SQE128", "IORING_SETUP_CQE32"]),
    "uring_setup_features": (["linux/io_uring.h"], [
        "IORING_FEAT_SINGLE_MMAP", "IORING_FEAT_NODROP", "IORING_FEAT_SUBMIT_STABLE",
        "IORING_FEAT_RW_CUR_POS", "IORING_FEAT_CUR_PERSONALITY", "IORING_FEAT_FAST_POLL",
        "IORING_FEAT_POLL_32BITS", "IORING_FEAT_SQPOLL_NONFIXED", "IORING_FEAT_EXT_ARG",
        "IORING_FEAT_NATIVE_WORKERS", "IORING_FEAT_RSRC_TAGS", "IORING_FEAT_CQE_SKIP",
        "IORING_FEAT_LINKED_FILE"]),
    "uring_restriction_opcodes": (["linux/io_uring.h"], [
        "IORING_RESTRICTION_REGISTER_OP", "IORING_RESTRICTION_SQE_OP",
        "IORING_RESTRICTION_SQE_FLAGS_ALLOWED", "IORING_RESTRICTION_SQE_FLAGS_REQUIRED"]),
    "uring_sqe_flags": (["linux/io_uring.h"], [
        "IOSQE_FIXED_FILE", "IOSQE_IO_DRAIN", "IOSQE_IO_LINK", "IOSQE_IO_HARDLINK", "IOSQE_ASYNC",
        "IOSQE_BUFFER_SELECT", "IOSQE_CQE_SKIP_SUCCESS"]),
    "uring_register_rsrc_flags": (["linux/io_uring.h"], ["IORING_RSRC_REGISTER_SPARSE"]),
    "uring_files_update_fds": (["linux/io_uring.h"], ["IORING_REGISTER_FILES_SKIP"]),
    "key_spec": (["linux/keyctl.h"], [
        "KEY_SPEC_THREAD_KEYRING", "KEY_SPEC_PROCESS_KEYRING", "KEY_SPEC_SESSION_KEYRING",
        "KEY_SPEC_USER_KEYRING", "KEY_SPEC_USER_SESSION_KEYRING", "KEY_SPEC_GROUP_KEYRING",
        "KEY_SPEC_REQKEY_AUTH_KEY", "KEY_SPEC_REQUESTOR_KEYRING"]),
    "personality_types": (["linux/personality.h"], [
        "PER_LINUX", "PER_LINUX_32BIT", "PER_LINUX_FDPIC", "PER_SVR4", "PER_SVR3", "PER_SCOSVR3",
        "PER_OSR5", "PER_WYSEV386", "PER_ISCR4", "PER_BSD", "PER_SUNOS", "PER_XENIX",
        "PER_LINUX32", "PER_LINUX32_3GB", "PER_IRIX32", "PER_IRIXN32", "PER_IRIX64",
        "PER_RISCOS", "PER_SOLARIS", "PER_UW7", "PER_OSF4", "PER_HPUX", "PER_MASK"]),
    "personality_flags": (["linux/personality.h"], [
        "UNAME26", "ADDR_NO_RANDOMIZE", "FDPIC_FUNCPTRS", "MMAP_PAGE_ZERO", "ADDR_COMPAT_LAYOUT",
        "READ_IMPLIES_EXEC", "ADDR_LIMIT_32BIT", "SHORT_INODE", "WHOLE_SECONDS",
        "STICKY_TIMEOUTS", "ADDR_LIMIT_3GB"]),
    # prctl's options and what they take (strace's src/xlat/pr_*.in).
    "prctl_options": (["linux/prctl.h"], [
        "PR_SET_PDEATHSIG", "PR_GET_PDEATHSIG", "PR_GET_DUMPABLE", "PR_SET_DUMPABLE",
        "PR_GET_UNALIGN", "PR_SET_UNALIGN", "PR_GET_KEEPCAPS", "PR_SET_KEEPCAPS", "PR_GET_FPEMU",
        "PR_SET_FPEMU", "PR_GET_FPEXC", "PR_SET_FPEXC", "PR_GET_TIMING", "PR_SET_TIMING",
        "PR_SET_NAME", "PR_GET_NAME", "PR_GET_ENDIAN", "PR_SET_ENDIAN", "PR_GET_SECCOMP",
        "PR_SET_SECCOMP", "PR_CAPBSET_READ", "PR_CAPBSET_DROP", "PR_GET_TSC", "PR_SET_TSC",
        "PR_GET_SECUREBITS", "PR_SET_SECUREBITS", "PR_SET_TIMERSLACK", "PR_GET_TIMERSLACK",
        "PR_TASK_PERF_EVENTS_DISABLE", "PR_TASK_PERF_EVENTS_ENABLE", "PR_MCE_KILL",
        "PR_MCE_KILL_GET", "PR_SET_MM", "PR_SET_CHILD_SUBREAPER", "PR_GET_CHILD_SUBREAPER",
        "PR_SET_NO_NEW_PRIVS", "PR_GET_NO_NEW_PRIVS", "PR_GET_TID_ADDRESS", "PR_SET_THP_DISABLE",
        "PR_GET_THP_DISABLE", "PR_MPX_ENABLE_MANAGEMENT", "PR_MPX_DISABLE_MANAGEMENT",
        "PR_SET_FP_MODE", "PR_GET_FP_MODE", "PR_CAP_AMBIENT", "PR_SVE_SET_VL", "PR_SVE_GET_VL",
        "PR_GET_SPECULATION_CTRL", "PR_SET_SPECULATION_CTRL", "PR_PAC_RESET_KEYS",
        "PR_SET_TAGGED_ADDR_CTRL", "PR_GET_TAGGED_ADDR_CTRL", "PR_SET_IO_FLUSHER",
        "PR_GET_IO_FLUSHER", "PR_SET_SYSCALL_USER_DISPATCH", "PR_PAC_SET_ENABLED_KEYS",
        "PR_PAC_GET_ENABLED_KEYS", "PR_SCHED_CORE", "PR_SME_SET_VL", "PR_SME_GET_VL",
        "PR_SET_VMA", "PR_SET_PTRACER"]),
    "pr_dumpable": ([], ["SUID_DUMP_DISABLE", "SUID_DUMP_USER", "SUID_DUMP_ROOT"]),
    "capabilities": (["linux/capability.h"], [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
        "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
        "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW",
        "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
        "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE",
        "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
        "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE",
        "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ",
        "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE"]),
    "secbits": (["linux/securebits.h"], [
        "SECBIT_NOROOT", "SECBIT_NOROOT_LOCKED", "SECBIT_NO_SETUID_FIXUP",
        "SECBIT_NO_SETUID_FIXUP_LOCKED", "SECBIT_KEEP_CAPS", "SECBIT_KEEP_CAPS_LOCKED",
        "SECBIT_NO_CAP_AMBIENT_RAISE", "SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED"]),
    "pr_cap_ambient": (["linux/prctl.h"], [
        "PR_CAP_AMBIENT_IS_SET", "PR_CAP_AMBIENT_RAISE", "PR_CAP_AMBIENT_LOWER",
        "PR_CAP_AMBIENT_CLEAR_ALL"]),
    "pr_mce_kill": (["linux/prctl.h"], ["PR_MCE_KILL_CLEAR", "PR_MCE_KILL_SET"]),
    "pr_mce_kill_policy": (["linux/prctl.h"], [
        "PR_MCE_KILL_LATE", "PR_MCE_KILL_EARLY", "PR_MCE_KILL_DEFAULT"]),
    "pr_tsc": (["linux/prctl.h"], ["PR_TSC_ENABLE", "PR_TSC_SIGSEGV"]),
    "pr_unalign_flags": (["linux/prctl.h"], ["PR_UNALIGN_NOPRINT", "PR_UNALIGN_SIGBUS"]),
    "seccomp_mode": (["linux/seccomp.h"], [
        "SECCOMP_MODE_DISABLED", "SECCOMP_MODE_STRICT", "SECCOMP_MODE_FILTER"]),
    "pr_set_mm": (["linux/prctl.h"], [
        "PR_SET_MM_START_CODE", "PR_SET_MM_END_CODE", "PR_SET_MM_START_DATA",
        "PR_SET_MM_END_DATA", "PR_SET_MM_START_STACK", "PR_SET_MM_START_BRK", "PR_SET_MM_BRK",
        "PR_SET_MM_ARG_START", "PR_SET_MM_ARG_END", "PR_SET_MM_ENV_START", "PR_SET_MM_ENV_END",
        "PR_SET_MM_AUXV", "PR_SET_MM_EXE_FILE", "PR_SET_MM_MAP", "PR_SET_MM_MAP_SIZE"]),
    "pr_set_vma": (["linux/prctl.h"], ["PR_SET_VMA_ANON_NAME"]),
    "pr_spec_cmds": (["linux/prctl.h"], [
        "PR_SPEC_STORE_BYPASS", "PR_SPEC_INDIRECT_BRANCH", "PR_SPEC_L1D_FLUSH"]),
    "pr_spec_get_flags": (["linux/prctl.h"], [
        "PR_SPEC_NOT_AFFECTED", "PR_SPEC_PRCTL", "PR_SPEC_ENABLE", "PR_SPEC_DISABLE",
        "PR_SPEC_FORCE_DISABLE", "PR_SPEC_DISABLE_NOEXEC"]),
    "pr_spec_set_flags": (["linux/prctl.h"], [
        "PR_SPEC_ENABLE", "PR_SPEC_DISABLE", "PR_SPEC_FORCE_DISABLE", "PR_SPEC_DISABLE_NOEXEC"]),
    "pr_sud_cmds": (["linux/prctl.h"], ["PR_SYS_DISPATCH_OFF", "PR_SYS_DISPATCH_ON"]),
    "pr_sched_core_cmds": (["linux/prctl.h"], [
        "PR_SCHED_CORE_GET", "PR_SCHED_CORE_CREATE", "PR_SCHED_CORE_SHARE_TO",
        "PR_SCHED_CORE_SHARE_FROM"]),
    "pr_sched_core_pidtypes": ([], ["PIDTYPE_PID", "PIDTYPE_TGID", "PIDTYPE_PGID", "PIDTYPE_SID"]),
    "pr_pac_enabled_keys": (["linux/prctl.h"], [
        "PR_PAC_APIAKEY", "PR_PAC_APIBKEY", "PR_PAC_APDAKEY", "PR_PAC_APDBKEY"]),
    "pr_pac_keys": (["linux/prctl.h"], [
        "PR_PAC_APIAKEY", "PR_PAC_APIBKEY", "PR_PAC_APDAKEY", "PR_PAC_APDBKEY",
        "PR_PAC_APGAKEY"]),
    "pr_sve_vl_flags": (["linux/prctl.h"], ["PR_SVE_SET_VL_ONEXEC", "PR_SVE_VL_INHERIT"]),
    "pr_sme_vl_flags": (["linux/prctl.h"], ["PR_SME_SET_VL_ONEXEC", "PR_SME_VL_INHERIT"]),
    "pr_fp_mode": (["linux/prctl.h"], ["PR_FP_MODE_FR", "PR_FP_MODE_FRE"]),
    "pr_mte_tcf": (["linux/prctl.h"], [
        "PR_MTE_TCF_NONE", "PR_MTE_TCF_SYNC", "PR_MTE_TCF_ASYNC", "PR_MTE_TCF_MASK"]),
    # keyctl's commands and what they take.
    "keyctl_commands": (["linux/keyctl.h"], [
        "KEYCTL_GET_KEYRING_ID", "KEYCTL_JOIN_SESSION_KEYRING", "KEYCTL_UPDATE", "KEYCTL_REVOKE",
        "KEYCTL_CHOWN", "KEYCTL_SETPERM", "KEYCTL_DESCRIBE", "KEYCTL_CLEAR", "KEYCTL_LINK",
        "KEYCTL_UNLINK", "KEYCTL_SEARCH", "KEYCTL_READ", "KEYCTL_INSTANTIATE", "KEYCTL_NEGATE",
        "KEYCTL_SET_REQKEY_KEYRING", "KEYCTL_SET_TIMEOUT", "KEYCTL_ASSUME_AUTHORITY",
        "KEYCTL_GET_SECURITY", "KEYCTL_SESSION_TO_PARENT", "KEYCTL_REJECT",
        "KEYCTL_INSTANTIATE_IOV", "KEYCTL_INVALIDATE", "KEYCTL_GET_PERSISTENT",
        "KEYCTL_DH_COMPUTE", "KEYCTL_PKEY_QUERY", "KEYCTL_PKEY_ENCRYPT", "KEYCTL_PKEY_DECRYPT",
        "KEYCTL_PKEY_SIGN", "KEYCTL_PKEY_VERIFY", "KEYCTL_RESTRICT_KEYRING", "KEYCTL_MOVE",
        "KEYCTL_CAPABILITIES", "KEYCTL_WATCH_KEY"]),
    "key_reqkeys": (["linux/keyctl.h"], [
        "KEY_REQKEY_DEFL_NO_CHANGE", "KEY_REQKEY_DEFL_DEFAULT", "KEY_REQKEY_DEFL_THREAD_KEYRING",
        "KEY_REQKEY_DEFL_PROCESS_KEYRING", "KEY_REQKEY_DEFL_SESSION_KEYRING",
        "KEY_REQKEY_DEFL_USER_KEYRING", "KEY_REQKEY_DEFL_USER_SESSION_KEYRING",
        "KEY_REQKEY_DEFL_GROUP_KEYRING", "KEY_REQKEY_DEFL_REQUESTOR_KEYRING"]),
    "keyctl_move_flags": (["linux/keyctl.h"], ["KEYCTL_MOVE_EXCL"]),
    # quotactl's commands (the ones of the current uapi: strace's old Q_V1_* and Q_V2_* are
    # not there), quota types and formats.
    "quota_cmds": (["linux/quota.h", "linux/dqblk_xfs.h"], [
        "Q_SYNC", "Q_QUOTAON", "Q_QUOTAOFF", "Q_GETFMT", "Q_GETINFO", "Q_SETINFO", "Q_GETQUOTA",
        "Q_SETQUOTA", "Q_GETNEXTQUOTA", "Q_XQUOTAON", "Q_XQUOTAOFF", "Q_XGETQUOTA", "Q_XSETQLIM",
        "Q_XGETQSTAT", "Q_XQUOTARM", "Q_XQUOTASYNC", "Q_XGETQSTATV", "Q_XGETNEXTQUOTA"]),
    "quota_types": (["linux/quota.h"], ["USRQUOTA", "GRPQUOTA", "PRJQUOTA"]),
    "quota_formats": (["linux/quota.h"], [
        "QFMT_VFS_OLD", "QFMT_VFS_V0", "QFMT_OCFS2", "QFMT_VFS_V1"]),
    "syslog_console_levels": ([], [
        "LOGLEVEL_EMERG", "LOGLEVEL_ALERT", "LOGLEVEL_CRIT", "LOGLEVEL_ERR", "LOGLEVEL_WARNING",
        "LOGLEVEL_NOTICE", "LOGLEVEL_INFO", "LOGLEVEL_DEBUG", "LOGLEVEL_DEBUG+1"]),
    "x86_xfeature_bits": ([], ["XFEATURE_FP", "XFEATURE_SSE", "XFEATURE_YMM", "XFEATURE_BNDREGS", "XFEATURE_BNDCSR", "XFEATURE_OPMASK", "XFEATURE_ZMM_Hi256", "XFEATURE_Hi16_ZMM", "XFEATURE_PT_UNIMPLEMENTED_SO_FAR", "XFEATURE_PKRU", "XFEATURE_PASID", "XFEATURE_LBR", "XFEATURE_XTILE_CFG", "XFEATURE_XTILE_DATA"]),
    "x86_xfeatures": ([], ["XFEATURE_MASK_FPSSE", "XFEATURE_MASK_FP", "XFEATURE_MASK_SSE", "XFEATURE_MASK_YMM", "XFEATURE_MASK_BNDREGS", "XFEATURE_MASK_BNDCSR", "XFEATURE_MASK_AVX512", "XFEATURE_MASK_OPMASK", "XFEATURE_MASK_ZMM_Hi256", "XFEATURE_MASK_Hi16_ZMM", "XFEATURE_MASK_PT", "XFEATURE_MASK_PKRU", "XFEATURE_MASK_PASID", "XFEATURE_MASK_LBR", "XFEATURE_MASK_XTILE", "XFEATURE_MASK_XTILE_CFG", "XFEATURE_MASK_XTILE_DATA"]),
    "syslog_actions": ([], [
        "SYSLOG_ACTION_CLOSE", "SYSLOG_ACTION_OPEN", "SYSLOG_ACTION_READ",
        "SYSLOG_ACTION_READ_ALL", "SYSLOG_ACTION_READ_CLEAR", "SYSLOG_ACTION_CLEAR",
        "SYSLOG_ACTION_CONSOLE_OFF", "SYSLOG_ACTION_CONSOLE_ON", "SYSLOG_ACTION_CONSOLE_LEVEL",
        "SYSLOG_ACTION_SIZE_UNREAD", "SYSLOG_ACTION_SIZE_BUFFER"]),
    # SysV IPC: keys, the get calls' flags (a mode in the low bits), the ctl commands (with
    # IPC_64 apart), shmat's and the message calls' flags.
    "ipc_private": (["linux/ipc.h"], ["IPC_PRIVATE"]),
    "ipc_resource_flags": (["linux/ipc.h"], ["IPC_CREAT", "IPC_EXCL", "IPC_NOWAIT"]),
    "shm_resource_flags": (["linux/shm.h"], [
        "IPC_CREAT", "IPC_EXCL", "SHM_HUGETLB", "SHM_NORESERVE"]),
    "ipc_64": (["linux/ipc.h"], ["IPC_64"]),
    "msgctl_cmds": (["linux/msg.h"], [
        "IPC_RMID", "IPC_SET", "IPC_STAT", "IPC_INFO", "MSG_STAT", "MSG_INFO", "MSG_STAT_ANY"]),
    "semctl_cmds": (["linux/sem.h"], [
        "IPC_RMID", "IPC_SET", "IPC_STAT", "IPC_INFO", "GETPID", "GETVAL", "GETALL", "GETNCNT",
        "GETZCNT", "SETVAL", "SETALL", "SEM_STAT", "SEM_INFO", "SEM_STAT_ANY"]),
    "shmctl_cmds": (["linux/shm.h"], [
        "IPC_RMID", "IPC_SET", "IPC_STAT", "IPC_INFO", "SHM_LOCK", "SHM_UNLOCK", "SHM_STAT",
        "SHM_INFO", "SHM_STAT_ANY"]),
    "shm_flags": (["linux/shm.h"], ["SHM_RDONLY", "SHM_RND", "SHM_REMAP", "SHM_EXEC"]),
    "ipc_msg_flags": (["linux/msg.h"], ["MSG_NOERROR", "MSG_EXCEPT", "MSG_COPY", "IPC_NOWAIT"]),
    "semop_flags": (["linux/sem.h"], ["SEM_UNDO", "IPC_NOWAIT"]),
    # Namespaces: setns's type, unshare's flags.
    "setns_types": (["linux/sched.h"], [
        "CLONE_NEWTIME", "CLONE_NEWNS", "CLONE_NEWCGROUP", "CLONE_NEWUTS", "CLONE_NEWIPC",
        "CLONE_NEWUSER", "CLONE_NEWPID", "CLONE_NEWNET"]),
    "unshare_flags": (["linux/sched.h"], [
        "CLONE_NEWTIME", "CLONE_VM", "CLONE_FS", "CLONE_FILES", "CLONE_SIGHAND", "CLONE_THREAD",
        "CLONE_NEWNS", "CLONE_SYSVSEM", "CLONE_NEWCGROUP", "CLONE_NEWUTS", "CLONE_NEWIPC",
        "CLONE_NEWUSER", "CLONE_NEWPID", "CLONE_NEWNET"]),
    "schedulers": (["linux/sched.h"], [
        "SCHED_OTHER=SCHED_NORMAL", "SCHED_FIFO", "SCHED_RR", "SCHED_BATCH", "SCHED_ISO",
        "SCHED_IDLE", "SCHED_DEADLINE"]),
    "mq_attr_flags": (["asm/fcntl.h"], ["O_NONBLOCK"]),
    "sigev_notify": (["asm/siginfo.h"], [
        "SIGEV_SIGNAL", "SIGEV_NONE", "SIGEV_THREAD", "SIGEV_THREAD_ID"]),
    "sched_flags": (["linux/sched.h"], [
        "SCHED_FLAG_RESET_ON_FORK", "SCHED_FLAG_RECLAIM", "SCHED_FLAG_DL_OVERRUN",
        "SCHED_FLAG_KEEP_POLICY", "SCHED_FLAG_KEEP_PARAMS", "SCHED_FLAG_UTIL_CLAMP_MIN",
        "SCHED_FLAG_UTIL_CLAMP_MAX"]),
    "epoll_ctl_ops": (["linux/eventpoll.h"], ["EPOLL_CTL_ADD", "EPOLL_CTL_DEL", "EPOLL_CTL_MOD"]),
    "pidfd_open_flags": (["linux/pidfd.h"], ["PIDFD_NONBLOCK"]),
    "open_tree_flags": (["linux/mount.h", "linux/fcntl.h"], [
        "OPEN_TREE_CLONE", "OPEN_TREE_CLOEXEC", "AT_SYMLINK_NOFOLLOW", "AT_REMOVEDIR",
        "AT_SYMLINK_FOLLOW", "AT_NO_AUTOMOUNT", "AT_EMPTY_PATH", "AT_RECURSIVE"]),
    "delete_module_flags": (["asm/fcntl.h"], ["O_NONBLOCK", "O_TRUNC"]),
    "module_init_flags": (["linux/module.h"], [
        "MODULE_INIT_IGNORE_MODVERSIONS", "MODULE_INIT_IGNORE_VERMAGIC",
        "MODULE_INIT_COMPRESSED_FILE"]),
    "fan_classes": (["linux/fanotify.h"], [
        "FAN_CLASS_NOTIF", "FAN_CLASS_CONTENT", "FAN_CLASS_PRE_CONTENT"]),
    "fan_init_flags": (["linux/fanotify.h"], [
        "FAN_CLOEXEC", "FAN_NONBLOCK", "FAN_UNLIMITED_QUEUE", "FAN_UNLIMITED_MARKS",
        "FAN_ENABLE_AUDIT", "FAN_REPORT_PIDFD", "FAN_REPORT_TID", "FAN_REPORT_FID",
        "FAN_REPORT_DIR_FID", "FAN_REPORT_NAME", "FAN_REPORT_TARGET_FID"]),
    "seccomp_ops": (["linux/seccomp.h"], [
        "SECCOMP_SET_MODE_STRICT", "SECCOMP_SET_MODE_FILTER", "SECCOMP_GET_ACTION_AVAIL",
        "SECCOMP_GET_NOTIF_SIZES"]),
    "seccomp_ret_actions": (["linux/seccomp.h"], [
        "SECCOMP_RET_KILL_PROCESS", "SECCOMP_RET_KILL_THREAD", "SECCOMP_RET_TRAP",
        "SECCOMP_RET_ERRNO", "SECCOMP_RET_USER_NOTIF", "SECCOMP_RET_TRACE", "SECCOMP_RET_LOG",
        "SECCOMP_RET_ALLOW"]),
    "seccomp_filter_flags": (["linux/seccomp.h"], [
        "SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW",
        "SECCOMP_FILTER_FLAG_NEW_LISTENER", "SECCOMP_FILTER_FLAG_TSYNC_ESRCH",
        "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"]),
    "xattr_flags": (["linux/xattr.h"], ["XATTR_CREATE", "XATTR_REPLACE"]),
    "priorities": (["linux/resource.h"], ["PRIO_PROCESS", "PRIO_PGRP", "PRIO_USER"]),
    "memfd_create_flags": (["linux/memfd.h"], ["MFD_CLOEXEC", "MFD_ALLOW_SEALING", "MFD_HUGETLB"]),
    "secretmem_flags": (["asm/fcntl.h"], ["O_CLOEXEC"]),
    "uffd_flags": (["linux/userfaultfd.h", "asm/fcntl.h"], [
        "UFFD_USER_MODE_ONLY", "O_NONBLOCK", "O_CLOEXEC"]),
    "kcmp_types": (["linux/kcmp.h"], [
        "KCMP_FILE", "KCMP_VM", "KCMP_FILES", "KCMP_FS", "KCMP_SIGHAND", "KCMP_IO",
        "KCMP_SYSVSEM", "KCMP_EPOLL_TFD"]),
    "ioprio_who": (["linux/ioprio.h"], [
        "IOPRIO_WHO_PROCESS", "IOPRIO_WHO_PGRP", "IOPRIO_WHO_USER"]),
    "ioprio_class": (["linux/ioprio.h"], [
        "IOPRIO_CLASS_NONE", "IOPRIO_CLASS_RT", "IOPRIO_CLASS_BE", "IOPRIO_CLASS_IDLE"]),
    "mlock_flags": (["asm-generic/mman-common.h"], ["MLOCK_ONFAULT"]),
    "mlockall_flags": (["asm/mman.h"], ["MCL_CURRENT", "MCL_FUTURE", "MCL_ONFAULT"]),
    "flock_ops": (["asm-generic/fcntl.h"], [
        "LOCK_SH", "LOCK_EX", "LOCK_NB", "LOCK_UN", "LOCK_MAND", "LOCK_RW", "LOCK_READ",
        "LOCK_WRITE"]),
    "sync_file_range_flags": (["linux/fs.h"], [
        "SYNC_FILE_RANGE_WAIT_BEFORE", "SYNC_FILE_RANGE_WRITE", "SYNC_FILE_RANGE_WAIT_AFTER"]),
    "falloc_flags": (["linux/falloc.h"], [
        "FALLOC_FL_KEEP_SIZE", "FALLOC_FL_PUNCH_HOLE", "FALLOC_FL_NO_HIDE_STALE",
        "FALLOC_FL_COLLAPSE_RANGE", "FALLOC_FL_ZERO_RANGE", "FALLOC_FL_INSERT_RANGE",
        "FALLOC_FL_UNSHARE_RANGE"]),
    "inotify_flags": (["linux/inotify.h"], [
        "IN_ACCESS", "IN_MODIFY", "IN_ATTRIB", "IN_CLOSE_WRITE", "IN_CLOSE_NOWRITE", "IN_OPEN",
        "IN_MOVED_FROM", "IN_MOVED_TO", "IN_CREATE", "IN_DELETE", "IN_DELETE_SELF",
        "IN_MOVE_SELF", "IN_UNMOUNT", "IN_Q_OVERFLOW", "IN_IGNORED", "IN_ONLYDIR",
        "IN_DONT_FOLLOW", "IN_EXCL_UNLINK", "IN_MASK_CREATE", "IN_MASK_ADD", "IN_ISDIR",
        "IN_ONESHOT"]),
    "kexec_load_flags": (["linux/kexec.h"], ["KEXEC_ON_CRASH", "KEXEC_PRESERVE_CONTEXT"]),
    "kexec_arch_values": (["linux/kexec.h"], [
        "KEXEC_ARCH_DEFAULT", "KEXEC_ARCH_386", "KEXEC_ARCH_68K", "KEXEC_ARCH_PARISC",
        "KEXEC_ARCH_X86_64", "KEXEC_ARCH_PPC", "KEXEC_ARCH_PPC64", "KEXEC_ARCH_IA_64",
        "KEXEC_ARCH_ARM", "KEXEC_ARCH_S390", "KEXEC_ARCH_SH", "KEXEC_ARCH_MIPS_LE",
        "KEXEC_ARCH_MIPS", "KEXEC_ARCH_AARCH64", "KEXEC_ARCH_RISCV", "KEXEC_ARCH_LOONGARCH"]),
    "reboot_magic1": (["linux/reboot.h"], ["LINUX_REBOOT_MAGIC1"]),
    "reboot_magic2": (["linux/reboot.h"], [
        "LINUX_REBOOT_MAGIC2", "LINUX_REBOOT_MAGIC2A", "LINUX_REBOOT_MAGIC2B",
        "LINUX_REBOOT_MAGIC2C"]),
    "reboot_cmds": (["linux/reboot.h"], [
        "LINUX_REBOOT_CMD_RESTART", "LINUX_REBOOT_CMD_HALT", "LINUX_REBOOT_CMD_CAD_ON",
        "LINUX_REBOOT_CMD_CAD_OFF", "LINUX_REBOOT_CMD_POWER_OFF", "LINUX_REBOOT_CMD_RESTART2",
        "LINUX_REBOOT_CMD_SW_SUSPEND", "LINUX_REBOOT_CMD_KEXEC"]),
    "membarrier_cmds": (["linux/membarrier.h"], [
        "MEMBARRIER_CMD_QUERY", "MEMBARRIER_CMD_GLOBAL", "MEMBARRIER_CMD_GLOBAL_EXPEDITED",
        "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED", "MEMBARRIER_CMD_PRIVATE_EXPEDITED",
        "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED",
        "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE",
        "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE",
        "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ", "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"]),
    "membarrier_flags": (["linux/membarrier.h"], ["MEMBARRIER_CMD_FLAG_CPU"]),
    # mmap's type of mapping (MAP_TYPE's bits), written before the other flags.
    "mmap_types": (["asm/mman.h", "linux/mman.h"], [
        "MAP_FILE", "MAP_SHARED", "MAP_PRIVATE", "MAP_SHARED_VALIDATE"]),
    "sfd_flags": (["linux/signalfd.h"], ["SFD_CLOEXEC", "SFD_NONBLOCK"]),
    "tfd_flags": (["linux/timerfd.h"], ["TFD_CLOEXEC", "TFD_NONBLOCK"]),
    "splice_flags": ([], [
        "SPLICE_F_MOVE", "SPLICE_F_NONBLOCK", "SPLICE_F_MORE", "SPLICE_F_GIFT"]),
    "name_to_handle_at_flags": (["linux/fcntl.h"], ["AT_SYMLINK_FOLLOW", "AT_EMPTY_PATH"]),
    "get_mempolicy_flags": (["linux/mempolicy.h"], [
        "MPOL_F_NODE", "MPOL_F_ADDR", "MPOL_F_MEMS_ALLOWED"]),
    "msync_flags": (["asm-generic/mman-common.h"], ["MS_SYNC", "MS_ASYNC", "MS_INVALIDATE"]),
    "inotify_init_flags": (["linux/inotify.h"], ["IN_NONBLOCK", "IN_CLOEXEC"]),
    "swap_flags": ([], [
        "SWAP_FLAG_PREFER", "SWAP_FLAG_DISCARD", "SWAP_FLAG_DISCARD_ONCE",
        "SWAP_FLAG_DISCARD_PAGES"]),
}

#: Constants newer than the headers read (linux-libc-dev of Debian 12 is Linux 6.1): the
#: value and where the kernel defines it, kept here until the headers have them.
NEWER = {
    "ARCH_SHSTK_ENABLE": (0x5001, "arch/x86/include/uapi/asm/prctl.h of Linux 6.6"),
    "STATX_MNT_ID_UNIQUE": (0x4000, "include/uapi/linux/stat.h of Linux 6.8"),
    "STATX_SUBVOL": (0x8000, "include/uapi/linux/stat.h of Linux 6.10"),
    "STATX_WRITE_ATOMIC": (0x10000, "include/uapi/linux/stat.h of Linux 6.11"),
    # libdevmapper's flag, reserved for it there.
    "DM_EXISTS_FLAG": (0x4, "include/uapi/linux/dm-ioctl.h of Linux 6.4"),
}

#: Constants the kernel defines outside its uapi headers, or no longer defines there, that
#: strace names: the value and where the kernel has it.
_XFEATURES = [("FP", 0), ("SSE", 1), ("YMM", 2), ("BNDREGS", 3), ("BNDCSR", 4),
               ("OPMASK", 5), ("ZMM_Hi256", 6), ("Hi16_ZMM", 7), ("PT_UNIMPLEMENTED_SO_FAR", 8),
               ("PKRU", 9), ("PASID", 10), ("LBR", 15), ("XTILE_CFG", 17), ("XTILE_DATA", 18)]

KERNEL = {
    # The kinds of data a UBI eraseblock held, which the kernel ignores since Linux 3.6.
    **{f"UBI_{name}": (value, "include/mtd/ubi-user.h of Linux 3.5")
       for value, name in [(1, "LONGTERM"), (2, "SHORTTERM"), (3, "UNKNOWN")]},
    # btrfs's compression types, of struct btrfs_ioctl_defrag_range_args' compress_type.
    **{f"BTRFS_COMPRESS_{name}": (value, "enum btrfs_compression_type of "
                                         "fs/btrfs/compression.h of Linux 6.1")
       for value, name in enumerate(["NONE", "ZLIB", "LZO", "ZSTD"])},
    # The kernel's flags of a TEE's shared memory, which strace names after the ioctls that
    # take them.
    **{f"TEE_IOCTL_SHM_{name}": (1 << bit, f"include/linux/tee_drv.h of Linux 5.15, TEE_SHM_{name}")
       for bit, name in enumerate(["MAPPED", "DMA_BUF", "EXT_DMA_BUF", "REGISTER", "USER_MAPPED",
                                   "POOL", "KERNEL_MAPPED"])},
    **{f"SYSLOG_ACTION_{name}": (value, "include/linux/syslog.h of Linux 6.1") for value, name in
       enumerate(["CLOSE", "OPEN", "READ", "READ_ALL", "READ_CLEAR", "CLEAR", "CONSOLE_OFF",
                  "CONSOLE_ON", "CONSOLE_LEVEL", "SIZE_UNREAD", "SIZE_BUFFER"])},
    **{f"SWAP_FLAG_{name}": (value, "include/linux/swap.h of Linux 6.1") for name, value in
       [("PREFER", 0x8000), ("DISCARD", 0x10000), ("DISCARD_ONCE", 0x20000),
        ("DISCARD_PAGES", 0x40000)]},
    **{f"SPLICE_F_{name}": (1 << bit, "include/linux/splice.h of Linux 6.1") for bit, name in
       enumerate(["MOVE", "NONBLOCK", "MORE", "GIFT"])},
    # Reserved, never implemented; strace names it.
    "SCHED_ISO": (4, "include/uapi/linux/sched.h of Linux 6.1, a comment: reserved"),
    "FAN_DIR_MODIFY": (0x80000, "include/uapi/linux/fanotify.h of Linux 5.7-rc1, removed "
                                "before 5.7"),
    **{f"LOGLEVEL_{name}": (value, "include/linux/kern_levels.h of Linux 6.1") for value, name
       in enumerate(["EMERG", "ALERT", "CRIT", "ERR", "WARNING", "NOTICE", "INFO", "DEBUG"])},
    # The console level past the last, which syslog(2) accepts too (kernel/printk/printk.c
    # takes 1 to 8): strace's name for it.
    "LOGLEVEL_DEBUG+1": (8, "kernel/printk/printk.c of Linux 6.1, the level after LOGLEVEL_DEBUG"),
    # The font flag of the console's old font requests, gone from the uapi header since.
    "KD_FONT_FLAG_OLD": (0x80000000, "include/uapi/linux/kd.h of Linux 5.10"),
    # powerpc's only, which strace names on every architecture.
    "PKEY_DISABLE_EXECUTE": (0x4, "arch/powerpc/include/uapi/asm/mman.h of Linux 6.1"),
    **{f"PIDTYPE_{name}": (value, "enum pid_type of include/linux/pid.h of Linux 6.1")
       for value, name in enumerate(["PID", "TGID", "PGID", "SID"])},
    **{f"SUID_DUMP_{name}": (value, "include/linux/sched/coredump.h of Linux 6.1")
       for value, name in enumerate(["DISABLE", "USER", "ROOT"])},
    # x86's XSAVE state components (enum xfeature and the XFEATURE_MASK_* of
    # arch/x86/include/asm/fpu/types.h), which arch_prctl's ARCH_*_XCOMP_* take and return.
    **{f"XFEATURE_{name}": (value, "enum xfeature of arch/x86/include/asm/fpu/types.h of "
                                   "Linux 6.1") for name, value in _XFEATURES},
    **{f"XFEATURE_MASK_{mask}": (sum(1 << dict(_XFEATURES)[n] for n in names),
                                 "arch/x86/include/asm/fpu/types.h of Linux 6.1")
       for mask, names in [("FPSSE", ["FP", "SSE"]),
                           ("AVX512", ["OPMASK", "ZMM_Hi256", "Hi16_ZMM"]),
                           ("XTILE", ["XTILE_DATA", "XTILE_CFG"])] +
       [(name if name != "PT_UNIMPLEMENTED_SO_FAR" else "PT", [name])
        for name, _ in _XFEATURES]},
    # sock_diag's: a socket's shutdown bits, a netlink socket's states, SMC's socket states,
    # link group roles and the fallback reasons strace names.
    "RCV_SHUTDOWN": (1, "include/net/sock.h of Linux 6.1"),
    "SEND_SHUTDOWN": (2, "include/net/sock.h of Linux 6.1"),
    "NETLINK_UNCONNECTED": (0, "net/netlink/af_netlink.h of Linux 6.1"),
    "NETLINK_CONNECTED": (1, "net/netlink/af_netlink.h of Linux 6.1"),
    **{f"SMC_{name}": (value, "enum smc_state of net/smc/smc.h of Linux 6.1") for name, value in
       [("ACTIVE", 1), ("INIT", 2), ("CLOSED", 7), ("LISTEN", 10), ("PEERCLOSEWAIT1", 20),
        ("PEERCLOSEWAIT2", 21), ("APPFINCLOSEWAIT", 24), ("APPCLOSEWAIT1", 22),
        ("APPCLOSEWAIT2", 23), ("PEERFINCLOSEWAIT", 25), ("PEERABORTWAIT", 26),
        ("PROCESSABORT", 27)]},
    "SMC_CLNT": (0, "enum smc_lgr_role of net/smc/smc_core.h of Linux 6.1"),
    "SMC_SERV": (1, "enum smc_lgr_role of net/smc/smc_core.h of Linux 6.1"),
    **{f"SMC_CLC_DECL_{name}": (value, "net/smc/smc_clc.h of Linux 6.1") for name, value in
       [("MEM", 0x01010000), ("TIMEOUT_CL", 0x02010000), ("TIMEOUT_AL", 0x02020000),
        ("CNFERR", 0x03000000), ("PEERNOSMC", 0x03010000), ("IPSEC", 0x03020000),
        ("NOSMCDEV", 0x03030000), ("MODEUNSUPP", 0x03040000), ("RMBE_EC", 0x03050000),
        ("OPTUNSUPP", 0x03060000), ("SYNCERR", 0x04000000), ("PEERDECL", 0x05000000),
        ("INTERR", 0x99990000), ("ERR_RTOK", 0x99990001), ("ERR_RDYLNK", 0x99990002),
        ("ERR_REGRMB", 0x99990003)]},
}

#: Where a constant the headers read lack comes from.
OUTSIDE = {**NEWER, **KERNEL}

#: Tables of x86_64's calls only (arch_prctl): not looked for in arm64's headers.
X86_ONLY = {"arch_prctl", "ptrace_cmds_x86", "x86_xfeature_bits", "x86_xfeatures"}

#: The C library's headers that uapi headers include, stubbed where missing (read_defines).
LIBC_STUBS = ["sys/socket.h", "stddef.h", "netinet/in.h"]

#: How big the types are that ioctl numbers are built from (_IOW(0x94, 9, int)).
SIZES = {"int": 4, "long": 8, "unsigned int": 4, "unsigned long": 8, "__u32": 4, "__u64": 8,
         "long long[2]": 16, "struct termios2": 44}
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
    with tempfile.TemporaryDirectory() as stubs:
        # The C library's headers a uapi header includes, empty: linux/shm.h's <unistd.h>
        # (for nothing the tables take, and neither arm64's cross headers nor -nostdinc have
        # one that can be read) before any other; linux/if.h's sys/socket.h and the others
        # only where the architecture's are missing. Only the kernel's macros are read.
        first, missing = Path(stubs) / "first", Path(stubs) / "missing"
        first.mkdir()
        (first / "unistd.h").write_text("")
        for name in LIBC_STUBS:
            (missing / name).parent.mkdir(parents=True, exist_ok=True)
            (missing / name).write_text("")
        text = subprocess.run(args[:1] + ["-I", str(first), "-idirafter", str(missing)]
                              + args[1:], input=source, check=True, capture_output=True,
                              text=True).stdout
    roots = sorted(spec["roots"], key=len, reverse=True)
    defines: dict[str, tuple[str, str, int]] = {}
    where, line = "", 0
    # Inside an enum, the member before: one without a value is that member plus one
    # (linux/mempolicy.h's MPOL_*); "" at the first member.
    previous: str | None = None
    # A member's value that goes on to the next line (linux/personality.h's PER_SCOSVR3).
    pending, pending_line = "", 0
    for raw in text.splitlines():
        at = line
        if pending and not raw.startswith("#"):
            last = re.match(r"\s*(\w+)\s*=\s*(.+)", pending)
            if last and raw.lstrip().startswith("}"):
                # The enum's last member, without a comma (linux/netlink.h's
                # NL_POLICY_TYPE_ATTR_MAX): its value ends at the brace.
                defines.setdefault(last.group(1), (last.group(2).strip(), where, pending_line))
                pending = ""
            else:
                raw, pending, at = pending + " " + raw.strip(), "", pending_line
        marker = re.match(r'# (\d+) "([^"]+)"', raw)
        if marker:
            line, path = int(marker.group(1)), marker.group(2)
            where = next((path[len(r) + 1:] for r in roots if path.startswith(r + "/")), path)
            continue
        define = re.match(r"#define (\w+)(\(?)\s*(.*)", raw)
        member = re.match(r"\s*(\w+)\s*=\s*([^,]+),", raw)
        implicit = re.match(r"\s*([A-Z]\w*)\s*,?\s*(/\*.*)?$", raw)
        if previous is not None and not member and re.match(r"\s*\w+\s*=[^,]*$", raw):
            pending, pending_line = raw, line
            line += 1
            continue
        if re.match(r"\s*enum\b[^;]*\{\s*$", raw):
            previous = ""
        elif re.match(r"\s*\}", raw):
            previous = None
        function = re.match(r"#define (\w+)\((\w+(?:\s*,\s*\w+)*)\)\s*(.*)", raw)
        if function:  # linux/securebits.h's issecure_mask(X), linux/keyboard.h's K(t,v)
            defines.setdefault(function.group(1) + "()",
                               (f"{function.group(2)}\t{function.group(3).strip()}", where, at))
        if define and not define.group(2):
            defines.setdefault(define.group(1), (define.group(3).strip(), where, at))
        elif member:
            defines.setdefault(member.group(1), (member.group(2).strip(), where, at))
            previous = member.group(1) if previous is not None else None
        elif implicit and previous is not None:
            # A plain number where the member before is one: a long enum (linux/io_uring.h's
            # IORING_OP_*) would otherwise nest deeper than evaluate() follows.
            body = f"{previous} + 1" if previous else "0"
            try:
                body = str(evaluate(body, defines))
            except (KeyError, ValueError, SyntaxError):
                pass
            defines.setdefault(implicit.group(1), (body, where, at))
            previous = implicit.group(1)
        line += 1
    return defines


def evaluate(body: str, defines: dict[str, tuple[str, str, int]], depth: int = 0) -> int:
    """The value of a constant expression of the uapi headers: numbers (with U/L suffixes),
    character literals, other macros, | & << >> + - ~ and the _IO/_IOR/_IOW/_IOWR ioctl
    encodings (asm-generic/ioctl.h, which x86_64 and arm64 share)."""
    # An enum's members without a value each add one step (linux/xfrm.h's XFRM_MSG_*: 40).
    if depth > 64:
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
    # An unsigned int's negation wraps around: -1U (linux/vm_sockets.h's VMADDR_CID_ANY).
    negated = re.fullmatch(r"-\s*(\d+)[uU]", body)
    if negated:
        return (1 << 32) - int(negated.group(1))

    def enclosed(text: str) -> bool:
        """Whether text is one parenthesised expression: (1), not (1) | (2)."""
        depth = 0
        for i, c in enumerate(text):
            depth += {"(": 1, ")": -1}.get(c, 0)
            if depth == 0 and (c != ")" or i != len(text) - 1):
                return False
        return bool(text)

    def expand(match: re.Match[str]) -> str:
        params, _, definition = defines[match.group(1) + "()"][0].partition("\t")
        names = [p.strip() for p in params.split(",")]
        arguments = [a if enclosed(a) else "(" + a + ")"
                     for a in (a.strip() for a in match.group(2).split(","))]
        if len(names) != len(arguments):
            raise ValueError(f"{match.group(1)} takes {len(names)} arguments: {body}")
        values = dict(zip(names, arguments))
        # Pasted tokens take the argument as written, without the parentheses an outer
        # expansion put around it: id##_VERSION_MAJOR (linux/tls.h), X##Y (linux/const.h).
        raw = {name: re.sub(r"^\((.*)\)$", r"\1", a.strip())
               for name, a in zip(names, match.group(2).split(","))}
        definition = re.sub(r"(\w+)\s*##\s*(\w+)",
                            lambda m: raw.get(m.group(1), m.group(1)) +
                            raw.get(m.group(2), m.group(2)), definition)
        return "(" + re.sub(r"\b(" + "|".join(names) + r")\b", lambda m: values[m.group(1)],
                            definition) + ")"

    while True:
        # A call whose arguments may hold one level of parentheses: _AC((1), UL).
        call = re.search(r"\b(\w+)\(((?:[^()]|\([^()]*\))*)\)", body)
        if not call or call.group(1) + "()" not in defines:
            break
        body = body[:call.start()] + expand(call) + body[call.end():]

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
    constant of NEWER or KERNEL."""
    headers, names = TABLES[table]
    defines = read_defines(headers, arch)
    rows = []
    # "~REGEX": every macro whose "NAME BODY" the pattern matches, in the headers' order.
    names = [found for entry in names for found in (
        [name for name, (body, _, _) in defines.items()
         if not name.endswith("()") and re.fullmatch(entry[1:], f"{name} {body}")]
        if entry.startswith("~") else [entry])]
    for entry in names:
        name, _, macro = entry.partition("=")
        macro = macro or name
        if macro in defines:
            body, header, line = defines[macro]
            rows.append((name, evaluate(body, defines), header, line, macro))
        elif macro in OUTSIDE:
            rows.append((name, OUTSIDE[macro][0], "", 0, macro))
        else:
            raise SystemExit(f"{table}: {macro} is not in {', '.join(headers)} for {arch}")
    return rows


def render_table(table: str, versions: str) -> str:
    """One data file: its constants for x86_64, and a second line per constant whose value
    differs on aarch64 (when arm64's headers are installed)."""
    headers, _ = TABLES[table]
    hex_values = table.endswith(("flags", "prot", "dly")) or table.startswith("term_") or \
        table in ("ioctls", "arch_prctl", "wait_options", "poll_events", "statx_mask",
                  "statx_attrs")
    source = ", ".join(headers) or "the kernel's own headers (KERNEL)"
    out = [f"# {table}: from {source} of {versions}; written by "
           "tools/gen_uapi_consts.py, do not edit",
           "# format: <name>\\t<value>\\t<header>:<line>[\\tmacro=<the header's name>]"
           "[\\tarch=<the only architecture>]; in the order strace prints them"]
    arm = None
    if Path(ARCHES["aarch64"]["roots"][0]).is_dir() and table not in X86_ONLY:
        arm = {name: row for name, *row in constants(table, "aarch64")}
    for name, value, header, line, macro in constants(table, "x86_64"):
        def line_of(value: int, header: str, line: int, arch: str | None) -> str:
            shown = hex(value) if hex_values else str(value)
            where = f"{header}:{line}" if header else f"({OUTSIDE[macro][1]})"
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


#: The folders of the uapi headers whose ioctl requests are named (strace's ioctlent):
#: every macro defined as _IO(), _IOR(), _IOW(), _IOWR() or _IOC() in them.
IOCTL_DIRS = ["asm", "asm-generic", "drm", "linux", "misc", "mtd", "rdma", "scsi", "sound",
              "video", "xen"]
IOCTL_DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+([A-Z][A-Z0-9_]*)(?:[ \t]|\\\n)+"
                          r"(?:[A-Z]+)?_S?IO(?:C|R|W|WR)?[ \t]*\([^)]", re.M)
#: Headers whose requests are plain numbers, #define KIOCSOUND 0x4B2F: their type byte (strace's
#: maint/ioctls_gen.sh).
IOCTL_HEX = {"linux/hdreg.h": "03", "scsi/sg.h": "22", "linux/fb.h": "46", "linux/kd.h": "4B",
             "linux/loop.h": "4C", "linux/cdrom.h": "53", "scsi/scsi.h": "53",
             "scsi/scsi_ioctl.h": "53", "asm/ioctls.h": "(46|54|66|74)",
             "asm-generic/ioctls.h": "(46|54|66|74)", "linux/vt.h": "56",
             "linux/videotext.h": "7[12]", "asm/sockios.h": "89", "asm-generic/sockios.h": "89",
             "linux/sockios.h": "89", "linux/wireless.h": "8B"}


#: Requests strace does not name, the arch's own (kvm.h's of other architectures) or others of
#: the same value (v4l2-subdev.h's VIDIOC_SUBDEV_* of videodev2.h's): maint/ioctls_sym.sh.
IOCTL_UNNAMED = r"KVM_PPC_\w+|KVM_S390_\w+|KVM_ALLOCATE_RMA|KVM_CREATE_SPAPR_TCE(_64)?|" \
    r"VIDIOC_SUBDEV_(DV_TIMINGS_CAP|ENUM_DV_TIMINGS|ENUMSTD|G_DV_TIMINGS|G_EDID|G_STD|" \
    r"QUERY_DV_TIMINGS|QUERYSTD|S_DV_TIMINGS|S_EDID|S_STD)|BTRFS_IOC_[GS]ET_FSLABEL|" \
    r"DMA_BUF_SET_NAME"
IOCTL_OTHER_ARCH = {"x86_64": r"KVM_ARM_\w+",
                    "aarch64": r"KVM_X86_\w+|KVM_(GET|SET)_(CPUID2?|DEBUGREGS|LAPIC|MSRS|PIT2?|"
                               r"NESTED_STATE|SREGS2|VCPU_EVENTS|XCRS|XSAVE2?)|"
                               r"KVM_GET_(EMULATED_CPUID|MSR_FEATURE_INDEX_LIST|MSR_INDEX_LIST|"
                               r"SUPPORTED_CPUID|SUPPORTED_HV_CPUID)|KVM_HYPERV_EVENTFD|"
                               r"KVM_SET_MEMORY_ALIAS|KVM_SET_PMU_EVENT_FILTER|KVM_XEN_HVM_CONFIG"}


def ioctl_defines(arch: str) -> dict[str, list[tuple[str, int]]]:
    """{header: [(request macro, line)]} of arch's uapi headers."""
    found: dict[str, list[tuple[str, int]]] = {}
    for root in ARCHES[arch]["roots"]:
        for folder in IOCTL_DIRS:
            for path in sorted(Path(root, folder).rglob("*.h")):
                header = str(path.relative_to(root))
                if header in found:
                    continue
                text = path.read_text(errors="replace")
                matches = list(IOCTL_DEFINE.finditer(text))
                if header in IOCTL_HEX:
                    matches += re.finditer(r"^[ \t]*#[ \t]*define[ \t]+([A-Z][A-Z0-9_]*)[ \t]+"
                                           rf"0x{IOCTL_HEX[header]}[0-9A-Fa-f]{{2}}\b", text, re.M)
                found[header] = [
                    (m.group(1), text.count("\n", 0, m.start()) + 1)
                    for m in sorted(matches, key=lambda m: m.start())
                    if not re.fullmatch(f"_.*|{IOCTL_UNNAMED}|{IOCTL_OTHER_ARCH[arch]}",
                                        m.group(1))]
    return {h: names for h, names in found.items() if names}


def ioctl_values(header: str, names: list[str], arch: str) -> dict[str, int]:
    """The values of names, as the C compiler computes them for arch after including header
    (struct sizes and all), leaving out those it cannot compute (a struct the header does not
    define, a request of another architecture); {} when the header does not compile."""
    spec = ARCHES[arch]
    resource = subprocess.run(["clang", "-print-resource-dir"], check=True, capture_output=True,
                              text=True).stdout.strip()
    args = ["clang", f"--target={arch}-linux-gnu", "-nostdinc", "-isystem",
            f"{resource}/include", "-S", "-emit-llvm", "-w", "-o", "-", "-x", "c", "-"]
    for root in spec["roots"]:
        args[1:1] = ["-I", root]
    # What strace's ioctls_gen.sh includes first: the types the requests' sizes are made of.
    prelude = ["stddef.h", "linux/types.h", "linux/ioctl.h", "asm/termbits.h", "linux/filter.h",
               "linux/fiemap.h", "linux/blktrace_api.h", header]
    left = list(names)
    for _ in range(8):
        source = "".join(f"#include <{h}>\n" for h in prelude) + \
            "".join(f"const unsigned int ioc_{n} = (unsigned int)({n});\n" for n in left)
        done = subprocess.run(args, input=source, capture_output=True, text=True)
        if not done.returncode:
            return {m.group(1): int(m.group(2)) & 0xffffffff for m in
                    re.finditer(r"^@ioc_(\w+) = .*constant i32 (-?\d+)", done.stdout, re.M)}
        bad = {int(m.group(1)) - len(prelude) - 1
               for m in re.finditer(r"^<stdin>:(\d+):\d+: error", done.stderr, re.M)}
        if not bad or min(bad) < 0:
            return {}
        left = [n for i, n in enumerate(left) if i not in bad]
    return {}


def ioctl_requests(arch: str) -> dict[str, tuple[int, str, int]]:
    """{name: (value, header, line)} of every ioctl request of arch's uapi headers; of a name
    defined twice, the first header's (asm/ before asm-generic/, as strace's ioctlsort)."""
    found: dict[str, tuple[int, str, int]] = {}
    order = sorted(ioctl_defines(arch).items(),
                   key=lambda item: item[0].replace("asm/", "asm+/", 1))
    for header, defined in order:
        values = ioctl_values(header, [n for n, _ in defined], arch)
        for name, line in defined:
            if name in values:
                found.setdefault(name, (values[name], header, line))
    return found


def render_ioctl_requests(versions: str) -> str:
    """ioctl_requests.tsv: by value, then name, as strace lists two names of one value."""
    x86 = ioctl_requests("x86_64")
    arm = ioctl_requests("aarch64") if Path(ARCHES["aarch64"]["roots"][0]).is_dir() else None
    rows = []
    for name, (value, header, line) in x86.items():
        other = arm.get(name) if arm is not None else (value, header, line)
        if other and other[0] == value:
            rows.append((value, name, f"{header}:{line}", ""))
        else:
            rows.append((value, name, f"{header}:{line}", "\tarch=x86_64"))
            if other:
                rows.append((other[0], name, f"{other[1]}:{other[2]}", "\tarch=aarch64"))
    for name, (value, header, line) in (arm or {}).items():
        if name not in x86:
            rows.append((value, name, f"{header}:{line}", "\tarch=aarch64"))
    out = [f"# ioctl_requests: every _IO*() macro of the uapi headers ({', '.join(IOCTL_DIRS)}) "
           f"that compiles, of {versions}; written by tools/gen_uapi_consts.py, do not edit",
           "# format: <name>\t<value>\t<header>:<line>[\tarch=<the only architecture>]; "
           "by value, then name"]
    out += [f"{name}\t{value:#x}\t{where}{arch}" for value, name, where, arch in sorted(rows)]
    return "\n".join(out) + "\n"


def write_data(data_dir: Path) -> None:
    versions = f"linux-libc-dev {package_version('linux-libc-dev')} (amd64)"
    if Path(ARCHES["aarch64"]["roots"][0]).is_dir():
        versions += f" and linux-libc-dev-arm64-cross " \
                    f"{package_version('linux-libc-dev-arm64-cross')} (arm64)"
    data_dir.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        (data_dir / f"{table}.tsv").write_text(render_table(table, versions))
    (data_dir / "ioctl_requests.tsv").write_text(render_ioctl_requests(versions))


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
