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

import fnmatch
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

#: clone's flags (clone3 takes more).
_CLONE_FLAGS = [
    "CLONE_VM", "CLONE_FS", "CLONE_FILES", "CLONE_SIGHAND", "CLONE_PIDFD", "CLONE_PTRACE",
    "CLONE_VFORK", "CLONE_PARENT", "CLONE_THREAD", "CLONE_NEWNS", "CLONE_SYSVSEM",
    "CLONE_SETTLS", "CLONE_PARENT_SETTID", "CLONE_CHILD_CLEARTID", "CLONE_UNTRACED",
    "CLONE_CHILD_SETTID", "CLONE_NEWCGROUP", "CLONE_NEWUTS", "CLONE_NEWIPC", "CLONE_NEWUSER",
    "CLONE_NEWPID", "CLONE_NEWNET", "CLONE_IO"]

#: Table -> (headers to include, constants in the order strace prints them). "NAME=MACRO":
#: strace's name for what the header calls MACRO (O_ASYNC is the kernel's FASYNC). Composite
#: flags come before their parts, as strace puts them (O_SYNC before O_DSYNC). "PREFIX_*",
#: "!NAME" and "~REGEX": the names the headers define, in their order (expand()), where that is
#: strace's order; a list typed out is strace's own order or a part of a family.
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
    "whence": (["linux/fs.h"], ["SEEK_*"]),
    "clone_flags": (["linux/sched.h"], _CLONE_FLAGS),
    # clone3's flags: clone's, then those only clone3 takes (strace's clone3_flags), whose
    # bits are clone's exit signal or past its 32 bits.
    "clone3_flags": (["linux/sched.h"], _CLONE_FLAGS + [
        "CLONE_NEWTIME", "CLONE_CLEAR_SIGHAND", "CLONE_INTO_CGROUP"]),
    "fcntl_cmds": (["asm/fcntl.h", "linux/fcntl.h"], [
        "F_DUPFD", "F_GETFD", "F_SETFD", "F_GETFL", "F_SETFL", "F_GETLK", "F_SETLK", "F_SETLKW",
        "F_SETOWN", "F_GETOWN", "F_SETSIG", "F_GETSIG", "F_SETOWN_EX", "F_GETOWN_EX",
        "F_GETOWNER_UIDS", "F_OFD_GETLK", "F_OFD_SETLK", "F_OFD_SETLKW", "F_SETLEASE",
        "F_GETLEASE", "F_NOTIFY", "F_CANCELLK", "F_DUPFD_CLOEXEC", "F_SETPIPE_SZ",
        "F_GETPIPE_SZ", "F_ADD_SEALS", "F_GET_SEALS"]),
    # fcntl's arguments: F_SETLEASE's and F_GETLEASE's lock types, F_NOTIFY's events,
    # F_ADD_SEALS's seals.
    "lease_types": (["asm/fcntl.h"], ["F_RDLCK", "F_WRLCK", "F_UNLCK", "F_EXLCK", "F_SHLCK"]),
    "notify_flags": (["linux/fcntl.h"], ["DN_*"]),
    "seal_flags": (["linux/fcntl.h"], ["F_SEAL_*"]),
    "fd_flags": (["asm/fcntl.h"], ["FD_CLOEXEC"]),
    "sighow": (["asm/signal.h"], ["SIG_BLOCK", "SIG_UNBLOCK", "SIG_SETMASK"]),
    "futex_ops": (["linux/futex.h"], [
        "FUTEX_WAIT", "FUTEX_WAKE", "FUTEX_FD", "FUTEX_REQUEUE", "FUTEX_CMP_REQUEUE",
        "FUTEX_WAKE_OP", "FUTEX_LOCK_PI", "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI",
        "FUTEX_WAIT_BITSET", "FUTEX_WAKE_BITSET", "FUTEX_WAIT_REQUEUE_PI", "FUTEX_CMP_REQUEUE_PI",
        "FUTEX_LOCK_PI2"]),
    # futex_waitv's waiters' flags.
    "futex_waiter_flags": (["linux/futex.h"], ["FUTEX_32", "FUTEX_PRIVATE_FLAG"]),
    "futex_wake_ops": (["linux/futex.h"], [
        "FUTEX_OP_SET", "FUTEX_OP_ADD", "FUTEX_OP_OR", "FUTEX_OP_ANDN", "FUTEX_OP_XOR"]),
    "futex_wake_cmps": (["linux/futex.h"], ["FUTEX_OP_CMP_*"]),
    "rlimits": (["asm/resource.h"], ["RLIMIT_*"]),
    "arch_prctl": (["asm/prctl.h"], ["ARCH_*", "ARCH_SHSTK_ENABLE"]),
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
    "evdev_ev": (["linux/input-event-codes.h"], ["EV_*"]),
    "evdev_abs": (["linux/input-event-codes.h"], ["ABS_*"]),
    # The console's modes and LEDs, KDSETMODE's, KDSKBMODE's and KDSETLED's arguments.
    "kd_modes": (["linux/kd.h"], ["KD_TEXT", "KD_GRAPHICS", "KD_TEXT0", "KD_TEXT1"]),
    "kd_kbd_modes": (["linux/kd.h"], ["K_RAW", "K_XLATE", "K_MEDIUMRAW", "K_UNICODE", "K_OFF"]),
    "kd_led_flags": (["linux/kd.h"], ["LED_SCR", "LED_NUM", "LED_CAP"]),
    # Network interfaces' flags and hardware address types, of the socket ioctls' struct
    # ifreq (linux/if.h declares the flags in an enum).
    "iff_flags": (["linux/if.h"], ["IFF_*", "!IFF_VOLATILE"]),
    "arphrd_types": (["linux/if_arp.h"], ["ARPHRD_*", "!ARPHRD_HDLC", "ARPHRD_VOID"]),
    "kd_meta": (["linux/kd.h"], ["K_METABIT", "K_ESCPREFIX"]),
    "kd_font_ops": (["linux/kd.h"], ["KD_FONT_OP_*"]),
    "kd_font_flags": (["linux/kd.h"], ["KD_FONT_FLAG_DONT_RECALC", "KD_FONT_FLAG_OLD"]),
    "kd_key_types": (["linux/keyboard.h"], ["KT_*"]),
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
    "term_line_discs": (["linux/tty.h"], ["N_*", "!N_MCTP", "!N_DEVELOPMENT", "!N_CAN327"]),
    "modem_flags": (["asm/termios.h"], ["TIOCM_*", "!TIOCM_CD", "!TIOCM_RI"]),
    # NBD_SET_FLAGS's: those of the kernel's header and those the NBD protocol adds, which
    # the server sends and the client passes to the kernel unread.
    "nbd_flags": (["linux/nbd.h"], [
        "NBD_FLAG_HAS_FLAGS", "NBD_FLAG_READ_ONLY", "NBD_FLAG_SEND_FLUSH", "NBD_FLAG_SEND_FUA",
        "NBD_FLAG_ROTATIONAL", "NBD_FLAG_SEND_TRIM", "NBD_FLAG_SEND_WRITE_ZEROES",
        "NBD_FLAG_SEND_DF", "NBD_FLAG_CAN_MULTI_CONN", "NBD_FLAG_SEND_RESIZE",
        "NBD_FLAG_SEND_CACHE"]),
    "perf_ioc_flags": (["linux/perf_event.h"], ["PERF_IOC_FLAG_GROUP"]),
    "btrfs_balance_ctl_cmds": (["linux/btrfs.h"], [
        "BTRFS_BALANCE_CTL_PAUSE", "BTRFS_BALANCE_CTL_CANCEL"]),
    # The GPIO character device's line, handle and event flags (linux/gpio.h).
    "gpio_line_flags": (["linux/gpio.h"], ["GPIOLINE_FLAG_*"]),
    "gpio_handle_flags": (["linux/gpio.h"], ["GPIOHANDLE_REQUEST_*"]),
    "gpio_event_flags": (["linux/gpio.h"], [
        "GPIOEVENT_REQUEST_BOTH_EDGES", "GPIOEVENT_REQUEST_RISING_EDGE",
        "GPIOEVENT_REQUEST_FALLING_EDGE"]),
    "gpio_v2_line_flags": (["linux/gpio.h"], ["GPIO_V2_LINE_FLAG_*"]),
    # struct fsxattr's flags (FS_IOC_FSGETXATTR, FS_IOC_FSSETXATTR).
    "fs_xflags": (["linux/fs.h"], ["FS_XFLAG_*"]),
    # RTC_PARAM_GET's and RTC_PARAM_SET's parameters, feature bits (as bit numbers) and
    # backup switch modes.
    "rtc_params": (["linux/rtc.h"], [
        "RTC_PARAM_FEATURES", "RTC_PARAM_CORRECTION", "RTC_PARAM_BACKUP_SWITCH_MODE"]),
    "rtc_feature_bits": (["linux/rtc.h"], ["RTC_FEATURE_*"]),
    "rtc_bsm_modes": (["linux/rtc.h"], ["RTC_BSM_*"]),
    # A PTP clock's requests: external timestamp and periodic output flags, pin functions.
    "ptp_extts_flags": (["linux/ptp_clock.h"], [
        "PTP_ENABLE_FEATURE", "PTP_RISING_EDGE", "PTP_FALLING_EDGE", "PTP_STRICT_FLAGS"]),
    "ptp_perout_flags": (["linux/ptp_clock.h"], [
        "PTP_PEROUT_ONE_SHOT", "PTP_PEROUT_DUTY_CYCLE", "PTP_PEROUT_PHASE"]),
    "ptp_pin_funcs": (["linux/ptp_clock.h"], ["PTP_PF_*"]),
    # The seccomp user notifications' responses and added descriptors.
    "seccomp_notif_resp_flags": (["linux/seccomp.h"], ["SECCOMP_USER_NOTIF_FLAG_CONTINUE"]),
    "seccomp_addfd_flags": (["linux/seccomp.h"], [
        "SECCOMP_ADDFD_FLAG_SETFD", "SECCOMP_ADDFD_FLAG_SEND"]),
    # BLKPG's operations; a loop device's flags and encryption types; the inode flags of
    # FS_IOC_GETFLAGS and FS_IOC_SETFLAGS.
    "blkpg_ops": (["linux/blkpg.h"], [
        "BLKPG_ADD_PARTITION", "BLKPG_DEL_PARTITION", "BLKPG_RESIZE_PARTITION"]),
    "loop_flags": (["linux/loop.h"], [
        "LO_FLAGS_READ_ONLY", "LO_FLAGS_USE_AOPS", "LO_FLAGS_AUTOCLEAR", "LO_FLAGS_PARTSCAN",
        "LO_FLAGS_DIRECT_IO"]),
    "loop_crypt_types": (["linux/loop.h"], ["LO_CRYPT_*"]),
    "fs_inode_flags": (["linux/fs.h"], [
        "FS_*_FL", "!FS_BTREE_FL"]),
    # An input device's key codes (EVIOCSKEYCODE) and force feedback effects (EVIOCSFF).
    # strace leaves out a code's second name (KEY_HANGUEL, BTN_A) and a range's start
    # (BTN_MISC, BTN_TRIGGER_HAPPY).
    "evdev_keycodes": (["linux/input-event-codes.h"], [
        "KEY_*|BTN_*", "!KEY_HANGUEL", "!KEY_SCREENLOCK", "!KEY_DIRECTION", "!KEY_DASHBOARD",
        "!KEY_BRIGHTNESS_ZERO", "!KEY_WIMAX", "!BTN_MISC", "!BTN_MOUSE", "!BTN_JOYSTICK",
        "!BTN_GAMEPAD", "!BTN_A", "!BTN_B", "!BTN_X", "!BTN_Y", "!BTN_DIGI", "!BTN_WHEEL",
        "!KEY_FULL_SCREEN", "!KEY_ASPECT_RATIO", "!KEY_BRIGHTNESS_TOGGLE", "!KEY_LINK_PHONE",
        "!KEY_REFRESH_RATE_TOGGLE", "!BTN_TRIGGER_HAPPY", "!KEY_MIN_INTERESTING"]),
    "evdev_ff_types": (["linux/input.h"], [
        "FF_*", "!FF_STATUS_*", "!FF_EFFECT_*", "!FF_WAVEFORM_*", "!FF_MAX_EFFECTS"]),
    # The video devices' buffer types, memory kinds and pixel formats (as strace names the
    # four characters of a v4l2_fourcc()).
    "v4l2_buf_types": (["linux/videodev2.h"], ["V4L2_BUF_TYPE_*", "!V4L2_BUF_TYPE_PRIVATE"]),
    "v4l2_memories": (["linux/videodev2.h"], [
        "V4L2_MEMORY_MMAP", "V4L2_MEMORY_USERPTR", "V4L2_MEMORY_OVERLAY", "V4L2_MEMORY_DMABUF"]),
    "v4l2_pix_fmts": (["linux/videodev2.h"], [
        "V4L2_PIX_FMT_Y10", "V4L2_PIX_FMT_Y12", "V4L2_PIX_FMT_Y4", "V4L2_PIX_FMT_Y14",
        "V4L2_PIX_FMT_Y6", "V4L2_PIX_FMT_Y16", "V4L2_PIX_FMT_Z16", "V4L2_PIX_FMT_UV8",
        "V4L2_PIX_FMT_Y8I", "V4L2_PIX_FMT_MR97310A", "V4L2_PIX_FMT_SN9C10X",
        "V4L2_PIX_FMT_SGRBG10", "V4L2_PIX_FMT_SGBRG10", "V4L2_PIX_FMT_SGRBG10DPCM8",
        "V4L2_PIX_FMT_SBGGR10", "V4L2_PIX_FMT_SRGGB10", "V4L2_PIX_FMT_M420",
        "V4L2_PIX_FMT_SN9C20X_I420", "V4L2_PIX_FMT_JL2005BCD", "V4L2_PIX_FMT_TM6000",
        "V4L2_PIX_FMT_STV0680", "V4L2_PIX_FMT_VP8", "V4L2_PIX_FMT_VP9", "V4L2_PIX_FMT_SE401",
        "V4L2_PIX_FMT_SPCA501", "V4L2_PIX_FMT_OV511", "V4L2_PIX_FMT_MM21", "V4L2_PIX_FMT_NV21M",
        "V4L2_PIX_FMT_YVU420M", "V4L2_PIX_FMT_MT21C", "V4L2_PIX_FMT_NV21", "V4L2_PIX_FMT_SPCA561",
        "V4L2_PIX_FMT_NV61M", "V4L2_PIX_FMT_YVU422M", "V4L2_PIX_FMT_NV61", "V4L2_PIX_FMT_SBGGR8",
        "V4L2_PIX_FMT_RGB332", "V4L2_PIX_FMT_H264_NO_SC", "V4L2_PIX_FMT_PWC1",
        "V4L2_PIX_FMT_MPEG1", "V4L2_PIX_FMT_SGRBG12", "V4L2_PIX_FMT_BGRA444",
        "V4L2_PIX_FMT_NV12M_8L128", "V4L2_PIX_FMT_RGBA444", "V4L2_PIX_FMT_ABGR444",
        "V4L2_PIX_FMT_SGBRG12", "V4L2_PIX_FMT_XBGR444", "V4L2_PIX_FMT_SBGGR12",
        "V4L2_PIX_FMT_SRGGB12", "V4L2_PIX_FMT_NV12_16L16", "V4L2_PIX_FMT_NV12M",
        "V4L2_PIX_FMT_NV12MT", "V4L2_PIX_FMT_NV12MT_16X16", "V4L2_PIX_FMT_YUV420M",
        "V4L2_PIX_FMT_ARGB444", "V4L2_PIX_FMT_XRGB444", "V4L2_PIX_FMT_NV12_32L32",
        "V4L2_PIX_FMT_NV12_4L4", "V4L2_PIX_FMT_YUV420", "V4L2_PIX_FMT_NV12", "V4L2_PIX_FMT_YVU420",
        "V4L2_PIX_FMT_BGRX444", "V4L2_PIX_FMT_RGBX444", "V4L2_PIX_FMT_YVU444M",
        "V4L2_PIX_FMT_NV42", "V4L2_PIX_FMT_PWC2", "V4L2_PIX_FMT_MPEG2", "V4L2_PIX_FMT_SBGGR16",
        "V4L2_PIX_FMT_H263", "V4L2_PIX_FMT_RGB24", "V4L2_PIX_FMT_BGR24", "V4L2_PIX_FMT_HSV24",
        "V4L2_PIX_FMT_YUV24", "V4L2_PIX_FMT_SGBRG14", "V4L2_PIX_FMT_SBGGR14",
        "V4L2_PIX_FMT_SRGGB14", "V4L2_PIX_FMT_SGRBG14", "V4L2_PIX_FMT_ARGB32",
        "V4L2_PIX_FMT_BGRA32", "V4L2_PIX_FMT_RGBA32", "V4L2_PIX_FMT_RGBX32", "V4L2_PIX_FMT_HI240",
        "V4L2_PIX_FMT_YUV444M", "V4L2_PIX_FMT_ABGR32", "V4L2_PIX_FMT_XBGR32", "V4L2_PIX_FMT_NV24",
        "V4L2_PIX_FMT_XRGB32", "V4L2_PIX_FMT_BGRX32", "V4L2_PIX_FMT_RGB444", "V4L2_PIX_FMT_YUV444",
        "V4L2_PIX_FMT_H264", "V4L2_PIX_FMT_H264_MVC", "V4L2_PIX_FMT_H264_SLICE",
        "V4L2_PIX_FMT_RGB32", "V4L2_PIX_FMT_CNF4", "V4L2_PIX_FMT_MPEG4", "V4L2_PIX_FMT_BGR32",
        "V4L2_PIX_FMT_HSV32", "V4L2_PIX_FMT_YUV32", "V4L2_PIX_FMT_SPCA505", "V4L2_PIX_FMT_BGRA555",
        "V4L2_PIX_FMT_RGBA555", "V4L2_PIX_FMT_ABGR555", "V4L2_PIX_FMT_XBGR555",
        "V4L2_PIX_FMT_ARGB555", "V4L2_PIX_FMT_XRGB555", "V4L2_PIX_FMT_BGRX555",
        "V4L2_PIX_FMT_RGBX555", "V4L2_PIX_FMT_ET61X251", "V4L2_PIX_FMT_SGBRG16",
        "V4L2_PIX_FMT_SRGGB16", "V4L2_PIX_FMT_NV16M", "V4L2_PIX_FMT_YUV422M",
        "V4L2_PIX_FMT_SGRBG16", "V4L2_PIX_FMT_NV16", "V4L2_PIX_FMT_PAC207", "V4L2_PIX_FMT_SPCA508",
        "V4L2_PIX_FMT_OV518", "V4L2_PIX_FMT_SBGGR10ALAW8", "V4L2_PIX_FMT_SBGGR10DPCM8",
        "V4L2_PIX_FMT_SGBRG10ALAW8", "V4L2_PIX_FMT_SGBRG10DPCM8", "V4L2_PIX_FMT_SRGGB10ALAW8",
        "V4L2_PIX_FMT_SRGGB10DPCM8", "V4L2_PIX_FMT_SGRBG10ALAW8", "V4L2_PIX_FMT_PAL8",
        "V4L2_PIX_FMT_YVU410", "V4L2_PIX_FMT_YUV410", "V4L2_PIX_FMT_SBGGR10P",
        "V4L2_PIX_FMT_SGBRG10P", "V4L2_PIX_FMT_SRGGB10P", "V4L2_PIX_FMT_SGRBG10P",
        "V4L2_PIX_FMT_CPIA1", "V4L2_PIX_FMT_WNVA", "V4L2_PIX_FMT_VUYA32", "V4L2_PIX_FMT_Y10BPACK",
        "V4L2_PIX_FMT_SRGGB8", "V4L2_PIX_FMT_QC10C", "V4L2_PIX_FMT_SQ905C", "V4L2_PIX_FMT_QC08C",
        "V4L2_PIX_FMT_SBGGR12P", "V4L2_PIX_FMT_SGBRG12P", "V4L2_PIX_FMT_SRGGB12P",
        "V4L2_PIX_FMT_SGRBG12P", "V4L2_PIX_FMT_HEVC", "V4L2_PIX_FMT_XVID", "V4L2_PIX_FMT_SBGGR14P",
        "V4L2_PIX_FMT_SGBRG14P", "V4L2_PIX_FMT_SRGGB14P", "V4L2_PIX_FMT_SGRBG14P",
        "V4L2_PIX_FMT_VP8_FRAME", "V4L2_PIX_FMT_VP9_FRAME", "V4L2_PIX_FMT_VC1_ANNEX_G",
        "V4L2_PIX_FMT_IPU3_SGRBG10", "V4L2_PIX_FMT_SGRBG8", "V4L2_PIX_FMT_JPEG",
        "V4L2_PIX_FMT_MPEG", "V4L2_PIX_FMT_MJPEG", "V4L2_PIX_FMT_PJPG", "V4L2_PIX_FMT_SGBRG8",
        "V4L2_PIX_FMT_BGR666", "V4L2_PIX_FMT_FWHT_STATELESS", "V4L2_PIX_FMT_Y12I",
        "V4L2_PIX_FMT_S5C_UYVY_JPG", "V4L2_PIX_FMT_KONICA420", "V4L2_PIX_FMT_INZI",
        "V4L2_PIX_FMT_VC1_ANNEX_L", "V4L2_PIX_FMT_JPGL", "V4L2_PIX_FMT_RGB555",
        "V4L2_PIX_FMT_YUV555", "V4L2_PIX_FMT_Y10P", "V4L2_PIX_FMT_YUV411P", "V4L2_PIX_FMT_Y41P",
        "V4L2_PIX_FMT_YUV422P", "V4L2_PIX_FMT_RGB565", "V4L2_PIX_FMT_YUV565",
        "V4L2_PIX_FMT_RGB555X", "V4L2_PIX_FMT_RGB565X", "V4L2_PIX_FMT_MPEG2_SLICE",
        "V4L2_PIX_FMT_FWHT", "V4L2_PIX_FMT_YVYU", "V4L2_PIX_FMT_CIT_YYVYUY", "V4L2_PIX_FMT_AYUV32",
        "V4L2_PIX_FMT_XYUV32", "V4L2_PIX_FMT_YYUV", "V4L2_PIX_FMT_YUYV", "V4L2_PIX_FMT_SN9C2028",
        "V4L2_PIX_FMT_VUYX32", "V4L2_PIX_FMT_GREY", "V4L2_PIX_FMT_VYUY", "V4L2_PIX_FMT_UYVY",
        "V4L2_PIX_FMT_IPU3_SBGGR10", "V4L2_PIX_FMT_DV", "V4L2_PIX_FMT_IPU3_SGBRG10",
        "V4L2_PIX_FMT_IPU3_SRGGB10", "V4L2_PIX_FMT_IPU3_Y10", "V4L2_PIX_FMT_Y16_BE",
        "V4L2_PIX_FMT_NV12M_10BE_8L128", "V4L2_PIX_FMT_ARGB555X", "V4L2_PIX_FMT_XRGB555X"]),
    # A video format's fields, colour spaces, VBI and sliced VBI flags, SDR and metadata formats.
    "v4l2_fields": (["linux/videodev2.h"], ["V4L2_FIELD_*"]),
    "v4l2_colorspaces": (["linux/videodev2.h"], [
        "V4L2_COLORSPACE_*", "!V4L2_COLORSPACE_ADOBERGB"]),
    "v4l2_vbi_flags": (["linux/videodev2.h"], [
        "V4L2_VBI_UNSYNC", "V4L2_VBI_INTERLACED"]),
    "v4l2_sliced_flags": (["linux/videodev2.h"], [
        "V4L2_SLICED_VBI_625", "V4L2_SLICED_TELETEXT_B", "V4L2_SLICED_VPS",
        "V4L2_SLICED_CAPTION_525", "V4L2_SLICED_WSS_625"]),
    "v4l2_sdr_fmts": (["linux/videodev2.h"], [
        "V4L2_SDR_FMT_PCU20BE", "V4L2_SDR_FMT_RU12LE", "V4L2_SDR_FMT_CS14LE",
        "V4L2_SDR_FMT_PCU16BE", "V4L2_SDR_FMT_CU16LE", "V4L2_SDR_FMT_CS8", "V4L2_SDR_FMT_CU8",
        "V4L2_SDR_FMT_PCU18BE"]),
    "v4l2_meta_fmts": (["linux/videodev2.h"], [
        "V4L2_META_FMT_VIVID", "V4L2_META_FMT_UVC", "V4L2_META_FMT_VSP1_HGO",
        "V4L2_META_FMT_RK_ISP1_PARAMS", "V4L2_META_FMT_RK_ISP1_STAT_3A", "V4L2_META_FMT_VSP1_HGT",
        "V4L2_META_FMT_D4XX"]),
    # The video devices' controls by id (those the uapi headers still define), and their
    # classes, which name the others: V4L2_CTRL_CLASS_DETECT+0x1234.
    "v4l2_control_ids": (["linux/videodev2.h"], [
        "V4L2_CID_BRIGHTNESS", "V4L2_CID_CONTRAST", "V4L2_CID_SATURATION", "V4L2_CID_HUE",
        "V4L2_CID_AUDIO_VOLUME", "V4L2_CID_AUDIO_BALANCE", "V4L2_CID_AUDIO_BASS",
        "V4L2_CID_AUDIO_TREBLE", "V4L2_CID_AUDIO_MUTE", "V4L2_CID_AUDIO_LOUDNESS",
        "V4L2_CID_BLACK_LEVEL", "V4L2_CID_AUTO_WHITE_BALANCE", "V4L2_CID_DO_WHITE_BALANCE",
        "V4L2_CID_RED_BALANCE", "V4L2_CID_BLUE_BALANCE", "V4L2_CID_GAMMA", "V4L2_CID_EXPOSURE",
        "V4L2_CID_AUTOGAIN", "V4L2_CID_GAIN", "V4L2_CID_HFLIP", "V4L2_CID_VFLIP",
        "V4L2_CID_POWER_LINE_FREQUENCY", "V4L2_CID_HUE_AUTO", "V4L2_CID_WHITE_BALANCE_TEMPERATURE",
        "V4L2_CID_SHARPNESS", "V4L2_CID_BACKLIGHT_COMPENSATION", "V4L2_CID_CHROMA_AGC",
        "V4L2_CID_COLOR_KILLER", "V4L2_CID_COLORFX", "V4L2_CID_AUTOBRIGHTNESS",
        "V4L2_CID_BAND_STOP_FILTER", "V4L2_CID_ROTATE", "V4L2_CID_BG_COLOR", "V4L2_CID_CHROMA_GAIN",
        "V4L2_CID_ILLUMINATORS_1", "V4L2_CID_ILLUMINATORS_2", "V4L2_CID_MIN_BUFFERS_FOR_CAPTURE",
        "V4L2_CID_MIN_BUFFERS_FOR_OUTPUT", "V4L2_CID_ALPHA_COMPONENT", "V4L2_CID_COLORFX_CBCR",
        "V4L2_CID_MPEG_STREAM_*", "V4L2_CID_MPEG_AUDIO_*", "V4L2_CID_MPEG_VIDEO_ENCODING",
        "V4L2_CID_MPEG_VIDEO_ASPECT", "V4L2_CID_MPEG_VIDEO_B_FRAMES",
        "V4L2_CID_MPEG_VIDEO_GOP_SIZE", "V4L2_CID_MPEG_VIDEO_GOP_CLOSURE",
        "V4L2_CID_MPEG_VIDEO_PULLDOWN", "V4L2_CID_MPEG_VIDEO_BITRATE_MODE",
        "V4L2_CID_MPEG_VIDEO_BITRATE", "V4L2_CID_MPEG_VIDEO_BITRATE_PEAK",
        "V4L2_CID_MPEG_VIDEO_TEMPORAL_DECIMATION", "V4L2_CID_MPEG_VIDEO_MUTE",
        "V4L2_CID_MPEG_VIDEO_MUTE_YUV", "V4L2_CID_MPEG_VIDEO_DECODER_SLICE_INTERFACE",
        "V4L2_CID_MPEG_VIDEO_DECODER_MPEG4_DEBLOCK_FILTER",
        "V4L2_CID_MPEG_VIDEO_CYCLIC_INTRA_REFRESH_MB", "V4L2_CID_MPEG_VIDEO_FRAME_RC_ENABLE",
        "V4L2_CID_MPEG_VIDEO_HEADER_MODE", "V4L2_CID_MPEG_VIDEO_MAX_REF_PIC",
        "V4L2_CID_MPEG_VIDEO_MB_RC_ENABLE", "V4L2_CID_MPEG_VIDEO_MULTI_SLICE_MAX_BYTES",
        "V4L2_CID_MPEG_VIDEO_MULTI_SLICE_MAX_MB", "V4L2_CID_MPEG_VIDEO_MULTI_SLICE_MODE",
        "V4L2_CID_MPEG_VIDEO_VBV_SIZE", "V4L2_CID_MPEG_VIDEO_DEC_PTS",
        "V4L2_CID_MPEG_VIDEO_DEC_FRAME", "V4L2_CID_MPEG_VIDEO_VBV_DELAY",
        "V4L2_CID_MPEG_VIDEO_REPEAT_SEQ_HEADER", "V4L2_CID_MPEG_VIDEO_MV_H_SEARCH_RANGE",
        "V4L2_CID_MPEG_VIDEO_MV_V_SEARCH_RANGE", "V4L2_CID_MPEG_VIDEO_FORCE_KEY_FRAME",
        "V4L2_CID_MPEG_VIDEO_BASELAYER_PRIORITY_ID", "V4L2_CID_MPEG_VIDEO_AU_DELIMITER",
        "V4L2_CID_MPEG_VIDEO_LTR_COUNT", "V4L2_CID_MPEG_VIDEO_FRAME_LTR_INDEX",
        "V4L2_CID_MPEG_VIDEO_USE_LTR_FRAMES", "V4L2_CID_MPEG_VIDEO_DEC_CONCEAL_COLOR",
        "V4L2_CID_MPEG_VIDEO_INTRA_REFRESH_PERIOD", "V4L2_CID_MPEG_VIDEO_INTRA_REFRESH_PERIOD_TYPE",
        "V4L2_CID_FWHT_I_FRAME_QP", "V4L2_CID_FWHT_P_FRAME_QP", "V4L2_CID_MPEG_VIDEO_H263_*",
        "V4L2_CID_MPEG_VIDEO_H264_*", "V4L2_CID_MPEG_VIDEO_MPEG4_*",
        "V4L2_CID_MPEG_VIDEO_VPX_NUM_PARTITIONS", "V4L2_CID_MPEG_VIDEO_VPX_IMD_DISABLE_4X4",
        "V4L2_CID_MPEG_VIDEO_VPX_NUM_REF_FRAMES", "V4L2_CID_MPEG_VIDEO_VPX_FILTER_LEVEL",
        "V4L2_CID_MPEG_VIDEO_VPX_FILTER_SHARPNESS",
        "V4L2_CID_MPEG_VIDEO_VPX_GOLDEN_FRAME_REF_PERIOD",
        "V4L2_CID_MPEG_VIDEO_VPX_GOLDEN_FRAME_SEL", "V4L2_CID_MPEG_VIDEO_VPX_MIN_QP",
        "V4L2_CID_MPEG_VIDEO_VPX_MAX_QP", "V4L2_CID_MPEG_VIDEO_VPX_I_FRAME_QP",
        "V4L2_CID_MPEG_VIDEO_VPX_P_FRAME_QP", "V4L2_CID_MPEG_VIDEO_VP8_PROFILE",
        "V4L2_CID_MPEG_VIDEO_VP9_PROFILE", "V4L2_CID_MPEG_VIDEO_HEVC_*",
        "V4L2_CID_MPEG_VIDEO_REF_NUMBER_FOR_PFRAMES", "V4L2_CID_MPEG_VIDEO_PREPEND_SPSPPS_TO_IDR",
        "V4L2_CID_MPEG_VIDEO_CONSTANT_QUALITY", "V4L2_CID_MPEG_VIDEO_FRAME_SKIP_MODE",
        "V4L2_CID_MPEG_VIDEO_HEVC_I_FRAME_MIN_QP", "V4L2_CID_MPEG_VIDEO_HEVC_I_FRAME_MAX_QP",
        "V4L2_CID_MPEG_VIDEO_HEVC_P_FRAME_MIN_QP", "V4L2_CID_MPEG_VIDEO_HEVC_P_FRAME_MAX_QP",
        "V4L2_CID_MPEG_VIDEO_HEVC_B_FRAME_MIN_QP", "V4L2_CID_MPEG_VIDEO_HEVC_B_FRAME_MAX_QP",
        "V4L2_CID_MPEG_VIDEO_DEC_DISPLAY_DELAY", "V4L2_CID_MPEG_VIDEO_DEC_DISPLAY_DELAY_ENABLE",
        "V4L2_CID_MPEG_CX2341X_VIDEO_*", "V4L2_CID_MPEG_CX2341X_STREAM_INSERT_NAV_PACKETS",
        "V4L2_CID_MPEG_MFC51_VIDEO_*", "V4L2_CID_EXPOSURE_AUTO", "V4L2_CID_EXPOSURE_ABSOLUTE",
        "V4L2_CID_EXPOSURE_AUTO_PRIORITY", "V4L2_CID_PAN_RELATIVE", "V4L2_CID_TILT_RELATIVE",
        "V4L2_CID_PAN_RESET", "V4L2_CID_TILT_RESET", "V4L2_CID_PAN_ABSOLUTE",
        "V4L2_CID_TILT_ABSOLUTE", "V4L2_CID_FOCUS_ABSOLUTE", "V4L2_CID_FOCUS_RELATIVE",
        "V4L2_CID_FOCUS_AUTO", "V4L2_CID_ZOOM_ABSOLUTE", "V4L2_CID_ZOOM_RELATIVE",
        "V4L2_CID_ZOOM_CONTINUOUS", "V4L2_CID_PRIVACY", "V4L2_CID_IRIS_ABSOLUTE",
        "V4L2_CID_IRIS_RELATIVE", "V4L2_CID_AUTO_EXPOSURE_BIAS",
        "V4L2_CID_AUTO_N_PRESET_WHITE_BALANCE", "V4L2_CID_WIDE_DYNAMIC_RANGE",
        "V4L2_CID_IMAGE_STABILIZATION", "V4L2_CID_ISO_SENSITIVITY", "V4L2_CID_ISO_SENSITIVITY_AUTO",
        "V4L2_CID_EXPOSURE_METERING", "V4L2_CID_SCENE_MODE", "V4L2_CID_3A_LOCK",
        "V4L2_CID_AUTO_FOCUS_*", "V4L2_CID_PAN_SPEED", "V4L2_CID_TILT_SPEED", "V4L2_CID_RDS_TX_*",
        "V4L2_CID_AUDIO_LIMITER_ENABLED", "V4L2_CID_AUDIO_LIMITER_RELEASE_TIME",
        "V4L2_CID_AUDIO_LIMITER_DEVIATION", "V4L2_CID_AUDIO_COMPRESSION_*",
        "V4L2_CID_PILOT_TONE_ENABLED", "V4L2_CID_PILOT_TONE_DEVIATION",
        "V4L2_CID_PILOT_TONE_FREQUENCY", "V4L2_CID_TUNE_PREEMPHASIS", "V4L2_CID_TUNE_POWER_LEVEL",
        "V4L2_CID_TUNE_ANTENNA_CAPACITOR", "V4L2_CID_FLASH_*", "!V4L2_CID_FLASH_CLASS_BASE",
        "!V4L2_CID_FLASH_CLASS", "V4L2_CID_VBLANK", "V4L2_CID_HBLANK", "V4L2_CID_ANALOGUE_GAIN",
        "V4L2_CID_TEST_PATTERN_*", "V4L2_CID_UNIT_CELL_SIZE", "V4L2_CID_NOTIFY_GAINS",
        "V4L2_CID_LINK_FREQ", "V4L2_CID_PIXEL_RATE", "V4L2_CID_TEST_PATTERN",
        "V4L2_CID_DEINTERLACING_MODE", "V4L2_CID_DIGITAL_GAIN", "V4L2_CID_DV_TX_RGB_RANGE",
        "V4L2_CID_DV_TX_IT_CONTENT_TYPE", "V4L2_CID_DV_RX_RGB_RANGE",
        "V4L2_CID_DV_RX_IT_CONTENT_TYPE", "V4L2_CID_TUNE_DEEMPHASIS", "V4L2_CID_RDS_RECEPTION",
        "V4L2_CID_RDS_RX_*", "V4L2_CID_RF_TUNER_*", "!V4L2_CID_RF_TUNER_CLASS_BASE",
        "!V4L2_CID_RF_TUNER_CLASS", "V4L2_CID_DETECT_MD_*"]),
    "v4l2_control_classes": (["linux/videodev2.h"], [
        "V4L2_CTRL_CLASS_*", "!V4L2_CTRL_CLASS_MPEG"]),
    # A counter's watch: its component's type and scope, and the event watched.
    "counter_component_types": (["linux/counter.h"], ["COUNTER_COMPONENT_*"]),
    "counter_scopes": (["linux/counter.h"], [
        "COUNTER_SCOPE_DEVICE", "COUNTER_SCOPE_SIGNAL", "COUNTER_SCOPE_COUNT"]),
    "counter_event_types": (["linux/counter.h"], ["COUNTER_EVENT_*"]),
    "fiemap_flags": (["linux/fiemap.h"], [
        "FIEMAP_FLAG_SYNC", "FIEMAP_FLAG_XATTR", "FIEMAP_FLAG_CACHE"]),
    # The disk's bus states and, as bit numbers, its "nice" bits (HDIO_SET_NICE).
    "hdio_busstates": (["linux/hdreg.h"], ["BUSSTATE_OFF", "BUSSTATE_ON", "BUSSTATE_TRISTATE"]),
    "hdio_ide_nice_bits": (["linux/hdreg.h"], ["IDE_NICE_*"]),
    "mtd_file_modes": (["mtd/mtd-abi.h"], ["MTD_FILE_MODE_*"]),
    "kvm_mem_flags": (["linux/kvm.h"], ["KVM_MEM_LOG_DIRTY_PAGES", "KVM_MEM_READONLY"]),
    # KVM_CHECK_EXTENSION's capabilities, in strace's order.
    "kvm_caps": (["linux/kvm.h"], ["KVM_CAP_*"]),
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
    "tee_gen_caps": (["linux/tee.h"], ["TEE_GEN_CAP_*"]),
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
    "btrfs_send_flags": (["linux/btrfs.h"], ["BTRFS_SEND_FLAG_*", "!BTRFS_SEND_FLAG_MASK"]),
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
        "BTRFS_ORPHAN_ITEM_KEY", "BTRFS_DIR_*", "BTRFS_EXTENT_DATA_KEY", "BTRFS_EXTENT_CSUM_KEY",
        "BTRFS_ROOT_ITEM_KEY", "BTRFS_ROOT_BACKREF_KEY", "BTRFS_ROOT_REF_KEY",
        "BTRFS_EXTENT_ITEM_KEY", "BTRFS_METADATA_ITEM_KEY", "BTRFS_TREE_BLOCK_REF_KEY",
        "BTRFS_EXTENT_DATA_REF_KEY", "BTRFS_EXTENT_REF_V0_KEY", "BTRFS_SHARED_BLOCK_REF_KEY",
        "BTRFS_SHARED_DATA_REF_KEY", "BTRFS_BLOCK_GROUP_ITEM_KEY", "BTRFS_FREE_SPACE_INFO_KEY",
        "BTRFS_FREE_SPACE_EXTENT_KEY", "BTRFS_FREE_SPACE_BITMAP_KEY", "BTRFS_DEV_EXTENT_KEY",
        "BTRFS_DEV_ITEM_KEY", "BTRFS_CHUNK_ITEM_KEY", "BTRFS_QGROUP_STATUS_KEY",
        "BTRFS_QGROUP_INFO_KEY", "BTRFS_QGROUP_LIMIT_KEY", "BTRFS_QGROUP_RELATION_KEY",
        "BTRFS_TEMPORARY_ITEM_KEY", "BTRFS_PERSISTENT_ITEM_KEY", "BTRFS_DEV_REPLACE_KEY",
        "BTRFS_UUID_KEY_SUBVOL", "BTRFS_UUID_KEY_RECEIVED_SUBVOL", "BTRFS_STRING_ITEM_KEY"]),
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
    "bpf_map_types": (["linux/bpf.h"], ["BPF_MAP_TYPE_*"]),
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
    "bpf_prog_types": (["linux/bpf.h"], ["BPF_PROG_TYPE_*"]),
    "bpf_prog_flags": (["linux/bpf.h"], [
        "BPF_F_STRICT_ALIGNMENT", "BPF_F_ANY_ALIGNMENT", "BPF_F_TEST_RND_HI32",
        "BPF_F_TEST_STATE_FREQ", "BPF_F_SLEEPABLE"]),
    "bpf_test_run_flags": (["linux/bpf.h"], ["BPF_F_TEST_RUN_ON_CPU", "BPF_F_TEST_XDP_LIVE_FRAMES"]),
    "bpf_query_flags": (["linux/bpf.h"], ["BPF_F_QUERY_EFFECTIVE"]),
    "bpf_task_fd_type": (["linux/bpf.h"], ["BPF_FD_TYPE_*"]),
    "bpf_link_create_kprobe_multi_flags": (["linux/bpf.h"], ["BPF_F_KPROBE_MULTI_RETURN"]),
    "bpf_file_mode_flags": (["linux/bpf.h"], [
        "BPF_F_RDONLY", "BPF_F_WRONLY"]),
    # perf_event_open's struct perf_event_attr: its type, size versions, the config of each
    # type (strace 6.1's lists), the sample and read formats, branch sample types and
    # breakpoint types.
    "perf_type_id": (["linux/perf_event.h"], ["PERF_TYPE_*"]),
    "perf_attr_size": (["linux/perf_event.h"], ["PERF_ATTR_SIZE_*"]),
    "perf_hw_id": (["linux/perf_event.h"], [
        "PERF_COUNT_HW_CPU_CYCLES", "PERF_COUNT_HW_INSTRUCTIONS",
        "PERF_COUNT_HW_CACHE_REFERENCES", "PERF_COUNT_HW_CACHE_MISSES",
        "PERF_COUNT_HW_BRANCH_INSTRUCTIONS", "PERF_COUNT_HW_BRANCH_MISSES",
        "PERF_COUNT_HW_BUS_CYCLES", "PERF_COUNT_HW_STALLED_CYCLES_FRONTEND",
        "PERF_COUNT_HW_STALLED_CYCLES_BACKEND", "PERF_COUNT_HW_REF_CPU_CYCLES"]),
    "perf_sw_ids": (["linux/perf_event.h"], ["PERF_COUNT_SW_*"]),
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
    "perf_event_read_format": (["linux/perf_event.h"], ["PERF_FORMAT_*"]),
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
    "perf_event_open_flags": (["linux/perf_event.h"], ["PERF_FLAG_*"]),
    "rwf_flags": (["linux/fs.h"], ["RWF_*", "!RWF_SUPPORTED"]),
    "rename_flags": (["linux/fs.h"], ["RENAME_NOREPLACE", "RENAME_EXCHANGE", "RENAME_WHITEOUT"]),
    "epoll_flags": (["linux/eventpoll.h"], ["EPOLL_CLOEXEC"]),
    # adjtimex's struct timex and its result, in strace 6.1's order (the two-bit modes first).
    "adjtimex_modes": (["linux/timex.h"], [
        "ADJ_OFFSET_SS_READ", "ADJ_OFFSET_SINGLESHOT", "ADJ_OFFSET", "ADJ_FREQUENCY",
        "ADJ_MAXERROR", "ADJ_ESTERROR", "ADJ_STATUS", "ADJ_TIMECONST", "ADJ_TAI",
        "ADJ_SETOFFSET", "ADJ_MICRO", "ADJ_NANO", "ADJ_TICK"]),
    "adjtimex_status": (["linux/timex.h"], [
        "STA_PLL", "STA_PPSFREQ", "STA_PPSTIME", "STA_FLL", "STA_INS", "STA_DEL", "STA_UNSYNC",
        "STA_FREQHOLD", "STA_PPSSIGNAL", "STA_PPSJITTER", "STA_PPSWANDER", "STA_PPSERROR",
        "STA_CLOCKERR", "STA_NANO", "STA_MODE", "STA_CLK"]),
    "adjtimex_state": (["linux/timex.h"], [
        "TIME_OK", "TIME_INS", "TIME_DEL", "TIME_OOP", "TIME_WAIT", "TIME_ERROR"]),
    "epoll_events": (["linux/eventpoll.h"], [
        "EPOLLIN", "EPOLLPRI", "EPOLLOUT", "EPOLLERR", "EPOLLHUP", "EPOLLNVAL", "EPOLLRDNORM",
        "EPOLLRDBAND", "EPOLLWRNORM", "EPOLLWRBAND", "EPOLLMSG", "EPOLLRDHUP", "EPOLLEXCLUSIVE",
        "EPOLLWAKEUP", "EPOLLONESHOT", "EPOLLET"]),
    "madvise": (["asm/mman.h"], [
        "MADV_*", "!MADV_SOFT_OFFLINE", "MADV_HWPOISON", "MADV_DONTNEED_LOCKED", "MADV_COLLAPSE"]),
    # WSTOPPED rather than WUNTRACED (the same bit), as strace names it.
    "wait_options": (["linux/wait.h"], [
        "WNOHANG", "WEXITED", "WSTOPPED", "WCONTINUED", "WNOWAIT", "__WCLONE", "__WALL",
        "__WNOTHREAD"]),
    "clocks": (["linux/time.h"], ["CLOCK_*", "!CLOCK_SGI_CYCLE"]),
    "timer_flags": (["linux/time.h"], ["TIMER_ABSTIME"]),
    "fadvise": (["linux/fadvise.h"], ["POSIX_FADV_*"]),
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
    "statx_attrs": (["linux/stat.h"], ["STATX_ATTR_*"]),
    # Signals 1..31 by the names strace gives them: SIGABRT rather than SIGIOT, SIGIO rather
    # than SIGPOLL.
    "signals": (["asm/signal.h"], [
        "SIG*", "!SIGIOT", "!SIGPOLL", "!SIGUNUSED", "!SIGRTMIN", "!SIGRTMAX", "!SIGSTKSZ",
        "!SIG_*"]),
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
        "IP_RETOPTS", "IP_PKTINFO", "IP_PKTOPTIONS", "IP_MTU_DISCOVER", "IP_RECVERR", "IP_RECVTTL",
        "IP_RECVTOS", "IP_MTU", "IP_FREEBIND", "IP_IPSEC_POLICY", "IP_XFRM_POLICY", "IP_PASSSEC",
        "IP_TRANSPARENT", "IP_ORIGDSTADDR", "IP_MINTTL", "IP_NODEFRAG", "IP_CHECKSUM",
        "IP_BIND_ADDRESS_NO_PORT", "IP_RECVFRAGSIZE", "IP_RECVERR_RFC4884", "IP_MULTICAST_IF",
        "IP_MULTICAST_TTL", "IP_MULTICAST_LOOP", "IP_ADD_MEMBERSHIP", "IP_DROP_MEMBERSHIP",
        "IP_UNBLOCK_SOURCE", "IP_BLOCK_SOURCE", "IP_ADD_SOURCE_MEMBERSHIP",
        "IP_DROP_SOURCE_MEMBERSHIP", "IP_MSFILTER", "MCAST_*", "!MCAST_EXCLUDE", "!MCAST_INCLUDE",
        "IP_MULTICAST_ALL", "IP_UNICAST_IF"]),
    "sock_ipv6_options": (["linux/in.h", "linux/in6.h"], [
        "IPV6_ADDRFORM", "IPV6_2292PKTINFO", "IPV6_2292HOPOPTS", "IPV6_2292DSTOPTS",
        "IPV6_2292RTHDR", "IPV6_2292PKTOPTIONS", "IPV6_CHECKSUM", "IPV6_2292HOPLIMIT",
        "IPV6_NEXTHOP", "IPV6_AUTHHDR", "IPV6_FLOWINFO", "IPV6_UNICAST_HOPS", "IPV6_MULTICAST_IF",
        "IPV6_MULTICAST_HOPS", "IPV6_MULTICAST_LOOP", "IPV6_ADD_MEMBERSHIP", "IPV6_DROP_MEMBERSHIP",
        "IPV6_ROUTER_ALERT", "IPV6_MTU_DISCOVER", "IPV6_MTU", "IPV6_RECVERR", "IPV6_V6ONLY",
        "IPV6_JOIN_ANYCAST", "IPV6_LEAVE_ANYCAST", "IPV6_MULTICAST_ALL",
        "IPV6_ROUTER_ALERT_ISOLATE", "IPV6_RECVERR_RFC4884", "IPV6_FLOWLABEL_MGR",
        "IPV6_FLOWINFO_SEND", "IPV6_IPSEC_POLICY", "IPV6_XFRM_POLICY", "IPV6_HDRINCL", "MCAST_*",
        "!MCAST_EXCLUDE", "!MCAST_INCLUDE", "IPV6_RECVPKTINFO", "IPV6_PKTINFO", "IPV6_RECVHOPLIMIT",
        "IPV6_HOPLIMIT", "IPV6_RECVHOPOPTS", "IPV6_HOPOPTS", "IPV6_RTHDRDSTOPTS", "IPV6_RECVRTHDR",
        "IPV6_RTHDR", "IPV6_RECVDSTOPTS", "IPV6_DSTOPTS", "IPV6_RECVPATHMTU", "IPV6_PATHMTU",
        "IPV6_DONTFRAG", "IPV6_RECVTCLASS", "IPV6_TCLASS", "IPV6_AUTOFLOWLABEL",
        "IPV6_ADDR_PREFERENCES", "IPV6_MINHOPCOUNT", "IPV6_ORIGDSTADDR", "IPV6_TRANSPARENT",
        "IPV6_UNICAST_IF", "IPV6_RECVFRAGSIZE", "IPV6_FREEBIND"]),
    "sock_tcp_options": (["linux/tcp.h"], [
        "TCP_NODELAY", "TCP_MAXSEG", "TCP_CORK", "TCP_KEEPIDLE", "TCP_KEEPINTVL", "TCP_KEEPCNT",
        "TCP_SYNCNT", "TCP_LINGER2", "TCP_DEFER_ACCEPT", "TCP_WINDOW_CLAMP", "TCP_INFO",
        "TCP_QUICKACK", "TCP_CONGESTION", "TCP_MD5SIG", "TCP_THIN_LINEAR_TIMEOUTS",
        "TCP_THIN_DUPACK", "TCP_USER_TIMEOUT", "TCP_REPAIR", "TCP_REPAIR_QUEUE", "TCP_QUEUE_SEQ",
        "TCP_REPAIR_OPTIONS", "TCP_FASTOPEN", "TCP_TIMESTAMP", "TCP_NOTSENT_LOWAT", "TCP_CC_INFO",
        "TCP_SAVE_SYN", "TCP_SAVED_SYN", "TCP_REPAIR_WINDOW", "TCP_FASTOPEN_CONNECT", "TCP_ULP",
        "TCP_MD5SIG_EXT", "TCP_FASTOPEN_KEY", "TCP_FASTOPEN_NO_COOKIE", "TCP_ZEROCOPY_RECEIVE",
        "TCP_INQ", "TCP_TX_DELAY"]),
    "sock_udp_options": (["linux/udp.h"], ["UDP_*", "!UDP_ENCAP_*"]),
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
    "nlmsgerr_attrs": (["linux/netlink.h"], ["NLMSGERR_ATTR_*"]),
    # RTM_NEWNVLAN: the alias of RTM_NEWVLAN that arm64's headers still define.
    "nl_route_types": (["linux/rtnetlink.h"], [
        "RTM_*", "!RTM_BASE", "!RTM_SETSTATS", "!RTM_*TUNNEL", "!RTM_NR_*", "!RTM_F_*",
        "!RTM_NEWNVLAN"]),
    "nl_sock_diag_types": (["linux/inet_diag.h", "linux/sock_diag.h"], [
        "TCPDIAG_GETSOCK", "DCCPDIAG_GETSOCK", "SOCK_DIAG_BY_FAMILY", "SOCK_DESTROY"]),
    # NETLINK_SOCK_DIAG's structs and attributes, by family. TCP's states are the kernel's
    # (include/net/tcp_states.h), which linux/bpf.h repeats as BPF_TCP_*.
    "tcp_states": (["linux/bpf.h"], [
        f"TCP_{s}=BPF_TCP_{s}" for s in [
            "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT",
            "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"]]),
    "inet_diag_attrs": (["linux/inet_diag.h"], [
        "INET_DIAG_*", "!INET_DIAG_GETSOCK_MAX", "!INET_DIAG_NOCOOKIE", "!INET_DIAG_REQ_*",
        "!INET_DIAG_BC_*"]),
    "inet_diag_req_attrs": (["linux/inet_diag.h"], ["INET_DIAG_REQ_*"]),
    "inet_diag_bytecodes": (["linux/inet_diag.h"], ["INET_DIAG_BC_*"]),
    "inet_diag_ulp_info_attrs": (["linux/inet_diag.h"], ["INET_ULP_INFO_*"]),
    "tls_info_attrs": (["linux/tls.h"], ["TLS_INFO_*"]),
    "tls_info_versions": (["linux/tls.h"], ["TLS_1_2_VERSION", "TLS_1_3_VERSION"]),
    "tls_info_ciphers": (["linux/tls.h"], [
        "TLS_CIPHER_AES_GCM_128", "TLS_CIPHER_AES_GCM_256", "TLS_CIPHER_AES_CCM_128",
        "TLS_CIPHER_CHACHA20_POLY1305", "TLS_CIPHER_SM4_GCM", "TLS_CIPHER_SM4_CCM",
        "TLS_CIPHER_ARIA_GCM_128", "TLS_CIPHER_ARIA_GCM_256"]),
    "tls_info_configs": (["linux/tls.h"], ["TLS_CONF_*"]),
    "mptcp_subflow_attrs": (["linux/mptcp.h"], ["MPTCP_SUBFLOW_ATTR_*"]),
    "mptcp_subflow_flags": (["linux/mptcp.h"], ["MPTCP_SUBFLOW_FLAG_*"]),
    "sk_bpf_storage_attrs": (["linux/sock_diag.h"], [
        "SK_DIAG_BPF_STORAGE_NONE", "SK_DIAG_BPF_STORAGE_PAD", "SK_DIAG_BPF_STORAGE_MAP_ID",
        "SK_DIAG_BPF_STORAGE_MAP_VALUE"]),
    "sk_bpf_storages_attrs": (["linux/sock_diag.h"], [
        "SK_DIAG_BPF_STORAGE_REP_NONE", "SK_DIAG_BPF_STORAGE"]),
    "sk_meminfo_indices": (["linux/sock_diag.h"], ["SK_MEMINFO_*", "!SK_MEMINFO_VARS"]),
    # A socket's shutdown bits, the kernel's own (include/net/sock.h).
    "sock_shutdown_flags": ([], ["RCV_SHUTDOWN", "SEND_SHUTDOWN"]),
    "unix_diag_attrs": (["linux/unix_diag.h"], ["UNIX_DIAG_*"]),
    "unix_diag_show": (["linux/unix_diag.h"], ["UDIAG_SHOW_*"]),
    "netlink_diag_attrs": (["linux/netlink_diag.h"], ["NETLINK_DIAG_*"]),
    "netlink_diag_show": (["linux/netlink_diag.h"], ["NDIAG_SHOW_*"]),
    "netlink_socket_flags": (["linux/netlink_diag.h"], ["NDIAG_FLAG_*"]),
    # A netlink socket's state (net/netlink/af_netlink.h), or TCP_CLOSE, the state
    # sock_init_data gives every socket.
    "netlink_states": (["linux/bpf.h"], [
        "NETLINK_UNCONNECTED", "NETLINK_CONNECTED", "TCP_CLOSE=BPF_TCP_CLOSE"]),
    "packet_diag_attrs": (["linux/packet_diag.h"], ["PACKET_DIAG_*"]),
    "packet_diag_show": (["linux/packet_diag.h"], ["PACKET_SHOW_*"]),
    "packet_diag_info_flags": (["linux/packet_diag.h"], ["PDI_*"]),
    "af_packet_versions": (["linux/if_packet.h"], ["TPACKET_V1", "TPACKET_V2", "TPACKET_V3"]),
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
    "skf_ad": (["linux/filter.h"], ["SKF_AD_*", "!SKF_AD_OFF"]),
    "smc_diag_attrs": (["linux/smc_diag.h"], ["SMC_DIAG_*", "!SMC_DIAG_MODE_*"]),
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
        "AUDIT_SIGNAL_INFO", "AUDIT_ADD_RULE", "AUDIT_DEL_RULE", "AUDIT_LIST_RULES", "AUDIT_TRIM",
        "AUDIT_MAKE_EQUIV", "AUDIT_TTY_GET", "AUDIT_TTY_SET", "AUDIT_SET_FEATURE",
        "AUDIT_GET_FEATURE", "AUDIT_FIRST_USER_MSG", "AUDIT_USER_AVC", "AUDIT_USER_TTY",
        "AUDIT_LAST_USER_MSG", "AUDIT_DAEMON_*", "AUDIT_SYSCALL", "AUDIT_PATH", "AUDIT_IPC",
        "AUDIT_SOCKETCALL", "AUDIT_CONFIG_CHANGE", "AUDIT_SOCKADDR", "AUDIT_CWD", "AUDIT_EXECVE",
        "AUDIT_IPC_SET_PERM", "AUDIT_MQ_*", "AUDIT_KERNEL_OTHER", "AUDIT_FD_PAIR", "AUDIT_OBJ_PID",
        "AUDIT_TTY", "AUDIT_EOE", "AUDIT_BPRM_FCAPS", "AUDIT_CAPSET", "AUDIT_MMAP",
        "AUDIT_NETFILTER_PKT", "AUDIT_NETFILTER_CFG", "AUDIT_SECCOMP", "AUDIT_PROCTITLE",
        "AUDIT_FEATURE_CHANGE", "AUDIT_REPLACE", "AUDIT_KERN_MODULE", "AUDIT_FANOTIFY",
        "AUDIT_TIME_INJOFFSET", "AUDIT_TIME_ADJNTPVAL", "AUDIT_BPF", "AUDIT_EVENT_LISTENER",
        "AUDIT_URINGOP", "AUDIT_OPENAT2", "AUDIT_DM_CTRL", "AUDIT_DM_EVENT", "AUDIT_AVC",
        "AUDIT_SELINUX_ERR", "AUDIT_AVC_PATH", "AUDIT_MAC_*", "AUDIT_ANOM_*",
        "AUDIT_LAST_KERN_ANOM_MSG", "AUDIT_INTEGRITY_*", "AUDIT_KERNEL", "AUDIT_FIRST_USER_MSG2",
        "AUDIT_LAST_USER_MSG2"]),
    "nl_crypto_types": (["linux/cryptouser.h"], [
        "CRYPTO_MSG_NEWALG", "CRYPTO_MSG_DELALG", "CRYPTO_MSG_UPDATEALG",
        "CRYPTO_MSG_GETALG", "CRYPTO_MSG_DELRNG"]),
    "nl_selinux_types": (["linux/selinux_netlink.h"], [
        "SELNL_MSG_SETENFORCE", "SELNL_MSG_POLICYLOAD"]),
    "nl_xfrm_types": (["linux/xfrm.h"], ["XFRM_MSG_*", "!XFRM_MSG_BASE"]),
    "nl_netfilter_subsys_ids": (["linux/netfilter/nfnetlink.h"], [
        "NFNL_SUBSYS_*", "!NFNL_SUBSYS_COUNT"]),
    "netfilter_versions": (["linux/netfilter/nfnetlink.h"], ["NFNETLINK_V0"]),
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
        "IFLA_BRPORT_*", "IFLA_BRPORT_MCAST_EHT_HOSTS_CNT", "IFLA_BRPORT_LOCKED"]),
    # IFLA_VF_PORTS' and IFLA_PORT_SELF's IFLA_PORT_*; IFLA_EXT_MASK's filters.
    # The fields of other families' addresses: AF_VSOCK's, AF_QIPCRTR's, AF_XDP's, AF_MCTP's,
    # AF_NFC's; AF_RXRPC's services, AF_IEEE802154's and AF_ALG's, the kernel's own.
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
    "nfc_sockaddr_protocols": (["linux/nfc.h"], [
        "NFC_PROTO_JEWEL", "NFC_PROTO_MIFARE", "NFC_PROTO_FELICA", "NFC_PROTO_ISO14443",
        "NFC_PROTO_NFC_DEP", "NFC_PROTO_ISO14443_B", "NFC_PROTO_ISO15693"]),
    "nfc_saps": ([], ["LLCP_SAP_SDP", "LLCP_SAP_IP", "LLCP_SAP_OBEX", "LLCP_SAP_SNEP",
                      "LLCP_SAP_MAX"]),
    "rxrpc_services": ([], ["CM_SERVICE", "YFS_FS_SERVICE", "YFS_CM_SERVICE", "YFS_VL_SERVICE"]),
    "ieee802154_addr_types": ([], [
        "IEEE802154_ADDR_NONE", "IEEE802154_ADDR_SHORT", "IEEE802154_ADDR_LONG"]),
    "ieee802154_pan_ids": ([], ["IEEE802154_PANID_BROADCAST"]),
    "ieee802154_addrs": ([], ["IEEE802154_ADDR_UNDEF", "IEEE802154_ADDR_BROADCAST"]),
    "alg_sockaddr_flags": ([], ["CRYPTO_ALG_KERN_DRIVER_ONLY"]),
    # struct sockaddr_ll's sll_pkttype.
    "af_packet_types": (["linux/if_packet.h"], [
        "PACKET_HOST", "PACKET_BROADCAST", "PACKET_MULTICAST", "PACKET_OTHERHOST",
        "PACKET_OUTGOING", "PACKET_LOOPBACK", "PACKET_USER", "PACKET_KERNEL"]),
    "rtnl_ifla_vf_port_attrs": (["linux/if_link.h"], ["IFLA_VF_PORT_UNSPEC", "IFLA_VF_PORT"]),
    "rtnl_ifla_port_attrs": (["linux/if_link.h"], ["IFLA_PORT_*", "!IFLA_PORT_SELF"]),
    "rtnl_ifla_ext_filter_flags": (["linux/rtnetlink.h"], ["RTEXT_FILTER_*", "!RTEXT_FILTER_MST"]),
    # IFLA_AF_SPEC's and an IPv6 device's IFLA_PROTINFO attributes, per family.
    "rtnl_ifla_af_spec_inet_attrs": (["linux/if_link.h"], ["IFLA_INET_UNSPEC", "IFLA_INET_CONF"]),
    "rtnl_ifla_af_spec_inet6_attrs": (["linux/if_link.h"], ["IFLA_INET6_*"]),
    # A bridge's IFLA_AF_SPEC: IFLA_BRIDGE_*, its flags and modes, VLAN tunnels' attributes.
    "rtnl_ifla_af_spec_bridge_attrs": (["linux/if_bridge.h"], [
        "IFLA_BRIDGE_FLAGS", "IFLA_BRIDGE_MODE", "IFLA_BRIDGE_VLAN_INFO",
        "IFLA_BRIDGE_VLAN_TUNNEL_INFO", "IFLA_BRIDGE_MRP", "IFLA_BRIDGE_CFM", "IFLA_BRIDGE_MST"]),
    "rtnl_ifla_bridge_flags": (["linux/if_bridge.h"], ["BRIDGE_FLAGS_MASTER", "BRIDGE_FLAGS_SELF"]),
    "rtnl_ifla_bridge_modes": (["linux/if_bridge.h"], [
        "BRIDGE_MODE_VEB", "BRIDGE_MODE_VEPA", "BRIDGE_MODE_UNDEF"]),
    "rtnl_ifla_af_spec_bridge_vlan_tunnel_info_attrs": (["linux/if_bridge.h"], [
        "IFLA_BRIDGE_VLAN_TUNNEL_UNSPEC", "IFLA_BRIDGE_VLAN_TUNNEL_ID",
        "IFLA_BRIDGE_VLAN_TUNNEL_VID", "IFLA_BRIDGE_VLAN_TUNNEL_FLAGS"]),
    "rtnl_ifla_af_spec_mctp_attrs": (["linux/if_link.h"], ["IFLA_MCTP_UNSPEC", "IFLA_MCTP_NET"]),
    "rtnl_ifla_events": (["linux/if_link.h"], ["IFLA_EVENT_*"]),
    "in6_addr_gen_mode": (["linux/if_link.h"], ["IN6_ADDR_GEN_MODE_*"]),
    "inet6_devconf_indices": (["linux/ipv6.h"], ["DEVCONF_*", "!DEVCONF_ACCEPT_RA_MIN_LFT"]),
    "inet_devconf": (["linux/ip.h"], ["IPV4_DEVCONF_*"]),
    "snmp_ip_stats": (["linux/snmp.h"], ["IPSTATS_MIB_*"]),
    "snmp_icmp6_stats": (["linux/snmp.h"], ["ICMP6_MIB_*", "!ICMP6_MIB_RATELIMITHOST"]),
    # IFLA_INFO_DATA of a bridge and of a tun device.
    "rtnl_ifla_info_data_bridge_attrs": (["linux/if_link.h"], ["IFLA_BR_*"]),
    "rtnl_ifla_br_mcast_querier_attrs": (["linux/if_bridge.h"], ["BRIDGE_QUERIER_*"]),
    "rtnl_ifla_br_boolopts": (["linux/if_bridge.h"], [
        "BR_BOOLOPT_NO_LL_LEARN", "BR_BOOLOPT_MCAST_VLAN_SNOOPING", "BR_BOOLOPT_MST_ENABLE"]),
    "rtnl_ifla_info_data_tun_attrs": (["linux/if_link.h"], ["IFLA_TUN_*"]),
    "tun_device_types": (["linux/if_tun.h"], ["IFF_TUN", "IFF_TAP"]),
    "inet6_if_flags": ([], ["IF_RS_SENT", "IF_RA_RCVD", "IF_RA_MANAGED", "IF_RA_OTHERCONF",
                            "IF_READY"]),
    "rtnl_ifla_info_attrs": (["linux/if_link.h"], ["IFLA_INFO_*"]),
    # RTM_GETSTATS' IFLA_STATS_* attributes; its filter_mask is 1 << each of them.
    "ifstats_attrs": (["linux/if_link.h"], [
        "IFLA_STATS_UNSPEC", "IFLA_STATS_LINK_*", "IFLA_STATS_AF_SPEC"]),
    # RTM_NEWCACHEREPORT: the multicast routing families and their cache reports' attributes.
    "rtnl_families": (["linux/rtnetlink.h"], [
        "RTNL_FAMILY_IPMR", "RTNL_FAMILY_IP6MR"]),
    "ipmra_creport_attrs": (["linux/mroute.h"], ["IPMRA_CREPORT_*"]),
    "ip6mra_creport_attrs": (["linux/mroute6.h"], ["IP6MRA_CREPORT_*"]),
    # RTM_GETSTATS' extended statistics: by link type, a bridge's and a bond's, the offloaded
    # ones, MPLS's per family.
    "ifstats_xstats_type_attrs": (["linux/if_link.h"], [
        "LINK_XSTATS_TYPE_UNSPEC", "LINK_XSTATS_TYPE_BRIDGE", "LINK_XSTATS_TYPE_BOND"]),
    "ifstats_xstats_bridge_attrs": (["linux/if_bridge.h"], ["BRIDGE_XSTATS_*"]),
    "ifstats_xstats_bond_attrs": (["linux/if_bonding.h"], [
        "BOND_XSTATS_UNSPEC", "BOND_XSTATS_3AD"]),
    "ifstats_xstats_bond_3ad_attrs": (["linux/if_bonding.h"], ["BOND_3AD_STAT_*"]),
    "ifstats_offload_attrs": (["linux/if_link.h"], [
        "IFLA_OFFLOAD_XSTATS_UNSPEC", "IFLA_OFFLOAD_XSTATS_CPU_HIT"]),
    "ifstats_xstats_bridge_mcast_indices": (["linux/if_bridge.h"], [
        "BR_MCAST_DIR_RX", "BR_MCAST_DIR_TX"]),
    "nl_bridge_vlan_flags": (["linux/if_bridge.h"], ["BRIDGE_VLAN_INFO_*"]),
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
    "rtnl_ifla_vf_stats_attrs": (["linux/if_link.h"], ["IFLA_VF_STATS_*"]),
    "rtnl_ifla_vf_vlan_list_attrs": (["linux/if_link.h"], [
        "IFLA_VF_VLAN_INFO_UNSPEC", "IFLA_VF_VLAN_INFO"]),
    # IFLA_XDP's attributes, its flags (the modes all together first) and attach modes;
    # IFLA_PROTO_DOWN_REASON's.
    "rtnl_ifla_xdp_attrs": (["linux/if_link.h"], ["IFLA_XDP_*"]),
    "xdp_flags": (["linux/if_link.h"], [
        "XDP_FLAGS_MODES", "XDP_FLAGS_UPDATE_IF_NOEXIST", "XDP_FLAGS_SKB_MODE",
        "XDP_FLAGS_DRV_MODE", "XDP_FLAGS_HW_MODE", "XDP_FLAGS_REPLACE"]),
    "rtnl_ifla_xdp_attached_mode": (["linux/if_link.h"], ["XDP_ATTACHED_*"]),
    "rtnl_ifla_proto_down_reason_attrs": (["linux/if_link.h"], [
        "IFLA_PROTO_DOWN_REASON_UNSPEC", "IFLA_PROTO_DOWN_REASON_MASK",
        "IFLA_PROTO_DOWN_REASON_VALUE"]),
    # Traffic control's struct tcmsg: its TCA_* attributes and TCA_STATS2's.
    "rtnl_tc_attrs": (["linux/rtnetlink.h"], [
        "TCA_UNSPEC", "TCA_KIND", "TCA_OPTIONS", "TCA_STATS", "TCA_XSTATS", "TCA_RATE",
        "TCA_FCNT", "TCA_STATS2", "TCA_STAB", "TCA_PAD", "TCA_DUMP_INVISIBLE", "TCA_CHAIN",
        "TCA_HW_OFFLOAD", "TCA_INGRESS_BLOCK", "TCA_EGRESS_BLOCK", "TCA_DUMP_FLAGS"]),
    "rtnl_tca_stats_attrs": (["linux/gen_stats.h"], ["TCA_STATS_*"]),
    "rtnl_tca_stab_attrs": (["linux/pkt_sched.h"], [
        "TCA_STAB_UNSPEC", "TCA_STAB_BASE", "TCA_STAB_DATA"]),
    # Traffic control actions' struct tcamsg: its TCA_ACT_* attributes, their flags.
    "rtnl_tc_action_attrs": (["linux/pkt_cls.h"], [
        "TCA_ACT_UNSPEC", "TCA_ACT_KIND", "TCA_ACT_OPTIONS", "TCA_ACT_INDEX", "TCA_ACT_STATS",
        "TCA_ACT_PAD", "TCA_ACT_COOKIE", "TCA_ACT_FLAGS", "TCA_ACT_HW_STATS",
        "TCA_ACT_USED_HW_STATS", "TCA_ACT_IN_HW_COUNT"]),
    "rtnl_tca_act_flags": (["linux/pkt_cls.h"], [
        "TCA_ACT_FLAGS_NO_PERCPU_STATS", "TCA_ACT_FLAGS_SKIP_HW", "TCA_ACT_FLAGS_SKIP_SW"]),
    "rtnl_tca_act_hw_stats": (["linux/pkt_cls.h"], [
        "TCA_ACT_HW_STATS_IMMEDIATE", "TCA_ACT_HW_STATS_DELAYED"]),
    # Neighbour tables' struct ndtmsg (linux/neighbour.h): NDTA_* and NDTA_PARMS' NDTPA_*.
    "rtnl_neightbl_attrs": (["linux/neighbour.h"], ["NDTA_*"]),
    "rtnl_neightbl_parms_attrs": (["linux/neighbour.h"], ["NDTPA_*"]),
    # struct netconfmsg, rtgenmsg of RTM_*NSID, ifaddrlblmsg, nhmsg, dcbmsg, br_port_msg and
    # their attributes.
    "rtnl_netconf_attrs": (["linux/netconf.h"], [
        "NETCONFA_*", "!NETCONFA_ALL", "!NETCONFA_IFINDEX_*"]),
    "rtnl_nsid_attrs": (["linux/net_namespace.h"], ["NETNSA_*", "!NETNSA_NSID_NOT_ASSIGNED"]),
    "rtnl_addrlabel_attrs": (["linux/if_addrlabel.h"], ["IFAL_ADDRESS", "IFAL_LABEL"]),
    "rtnl_nexthop_attrs": (["linux/nexthop.h"], [
        "NHA_*", "!NHA_RES_GROUP_*", "!NHA_RES_BUCKET_*"]),
    "rtnl_nexthop_grp_types": (["linux/nexthop.h"], [
        "NEXTHOP_GRP_TYPE_MPATH", "NEXTHOP_GRP_TYPE_RES"]),
    "rtnl_nha_res_bucket_attrs": (["linux/nexthop.h"], [
        "NHA_RES_BUCKET_PAD", "NHA_RES_BUCKET_INDEX", "NHA_RES_BUCKET_IDLE_TIME",
        "NHA_RES_BUCKET_NH_ID"]),
    "rtnl_nha_res_group_attrs": (["linux/nexthop.h"], [
        "NHA_RES_GROUP_*", "!NHA_RES_GROUP_UNSPEC"]),
    "dcb_commands": (["linux/dcbnl.h"], ["DCB_CMD_*"]),
    "rtnl_dcb_attrs": (["linux/dcbnl.h"], [
        "DCB_ATTR_*", "!DCB_ATTR_IEEE_*", "!DCB_ATTR_DCB_BUFFER", "!DCB_ATTR_CEE_*",
        "!DCB_ATTR_VALUE_UNDEFINED"]),
    "mdb_flags": (["linux/if_bridge.h"], ["MDB_FLAGS_*"]),
    "mdb_states": (["linux/if_bridge.h"], ["MDB_TEMPORARY", "MDB_PERMANENT"]),
    "multicast_router_types": (["linux/if_bridge.h"], ["MDB_RTR_TYPE_*"]),
    "rtnl_mdb_attrs": (["linux/if_bridge.h"], ["MDBA_UNSPEC", "MDBA_MDB", "MDBA_ROUTER"]),
    "rtnl_mdba_mdb_attrs": (["linux/if_bridge.h"], ["MDBA_MDB_UNSPEC", "MDBA_MDB_ENTRY"]),
    "rtnl_mdba_mdb_eattr_attrs": (["linux/if_bridge.h"], ["MDBA_MDB_EATTR_*"]),
    "rtnl_mdba_mdb_entry_attrs": (["linux/if_bridge.h"], [
        "MDBA_MDB_ENTRY_UNSPEC", "MDBA_MDB_ENTRY_INFO"]),
    "rtnl_mdba_router_attrs": (["linux/if_bridge.h"], [
        "MDBA_ROUTER_UNSPEC", "MDBA_ROUTER_PORT"]),
    "rtnl_mdba_router_pattr_attrs": (["linux/if_bridge.h"], [
        "MDBA_ROUTER_PATTR_*", "!MDBA_ROUTER_PATTR_VID"]),
    # A multicast routing cache report's message types.
    "ipmra_msg_types": (["linux/mroute.h"], ["IGMPMSG_*"]),
    "ip6mra_msg_types": (["linux/mroute6.h"], [
        "MRT6MSG_NOCACHE", "MRT6MSG_WRONGMIF", "MRT6MSG_WHOLEPKT"]),
    # rtnetlink's struct ifaddrmsg (linux/if_addr.h), rtmsg (linux/rtnetlink.h), ndmsg
    # (linux/neighbour.h), fib_rule_hdr (linux/fib_rules.h) and their attributes.
    "rtnl_addr_attrs": (["linux/if_addr.h"], ["IFA_*", "!IFA_F_*"]),
    "ifaddrflags": (["linux/if_addr.h"], ["IFA_F_*", "!IFA_F_TEMPORARY"]),
    "routing_scopes": (["linux/rtnetlink.h"], ["RT_SCOPE_*"]),
    "routing_table_ids": (["linux/rtnetlink.h"], ["RT_TABLE_*"]),
    "routing_types": (["linux/rtnetlink.h"], ["RTN_*"]),
    "routing_protocols": (["linux/rtnetlink.h"], ["RTPROT_*"]),
    "routing_flags": (["linux/rtnetlink.h"], ["RTM_F_*"]),
    "ip_type_of_services": (["linux/ip.h"], [
        "IPTOS_LOWDELAY", "IPTOS_THROUGHPUT", "IPTOS_RELIABILITY", "IPTOS_MINCOST"]),
    "rtnl_route_attrs": (["linux/rtnetlink.h"], ["RTA_*", "!RTA_ALIGNTO"]),
    "rtnl_rta_metrics_attrs": (["linux/rtnetlink.h"], ["RTAX_*", "!RTAX_FEATURE_*"]),
    "route_nexthop_flags": (["linux/rtnetlink.h"], ["RTNH_F_*"]),
    "lwtunnel_encap_types": (["linux/lwtunnel.h"], [
        "LWTUNNEL_ENCAP_*", "!LWTUNNEL_ENCAP_IOAM6", "!LWTUNNEL_ENCAP_XFRM"]),
    "neighbor_cache_entry_states": (["linux/neighbour.h"], ["NUD_NONE", "NUD_*"]),
    "neighbor_cache_entry_flags": (["linux/neighbour.h"], ["NTF_*", "!NTF_EXT_MANAGED"]),
    "neighbor_cache_entry_ext_flags": (["linux/neighbour.h"], ["NTF_EXT_MANAGED"]),
    "rtnl_neigh_attrs": (["linux/neighbour.h"], ["NDA_*"]),
    "rtnl_neigh_fdb_ext_attrs": (["linux/neighbour.h"], [
        "NFEA_UNSPEC", "NFEA_ACTIVITY_NOTIFY", "NFEA_DONT_REFRESH"]),
    "fib_rule_actions": (["linux/fib_rules.h"], ["FR_ACT_*"]),
    "fib_rule_flags": (["linux/fib_rules.h"], ["FIB_RULE_*", "!FIB_RULE_DEV_DETACHED"]),
    "rtnl_rule_attrs": (["linux/fib_rules.h"], ["FRA_*", "!FRA_IFNAME"]),
    # NETLINK_NETFILTER's messages, by subsystem (the high byte of the type).
    "nf_ctnetlink_msg_types": (["linux/netfilter/nfnetlink_conntrack.h"], ["IPCTNL_MSG_CT_*"]),
    "nf_ctnetlink_exp_msg_types": (["linux/netfilter/nfnetlink_conntrack.h"], [
        "IPCTNL_MSG_EXP_*"]),
    "nf_queue_msg_types": (["linux/netfilter/nfnetlink_queue.h"], ["NFQNL_MSG_*"]),
    "nf_ulog_msg_types": (["linux/netfilter/nfnetlink_log.h"], [
        "NFULNL_MSG_PACKET", "NFULNL_MSG_CONFIG"]),
    "nf_osf_msg_types": (["linux/netfilter/nfnetlink_osf.h"], [
        "OSF_MSG_ADD", "OSF_MSG_REMOVE"]),
    "nf_ipset_msg_types": (["linux/netfilter/ipset/ip_set.h"], [
        "IPSET_CMD_*", "!IPSET_CMD_GET_*"]),
    "nf_acct_msg_types": (["linux/netfilter/nfnetlink_acct.h"], ["NFNL_MSG_ACCT_*"]),
    "nf_cttimeout_msg_types": (["linux/netfilter/nfnetlink_cttimeout.h"], [
        "IPCTNL_MSG_TIMEOUT_*"]),
    "nf_cthelper_msg_types": (["linux/netfilter/nfnetlink_cthelper.h"], [
        "NFNL_MSG_CTHELPER_NEW", "NFNL_MSG_CTHELPER_GET", "NFNL_MSG_CTHELPER_DEL"]),
    "nf_nftables_msg_types": (["linux/netfilter/nf_tables.h"], ["NFT_MSG_*"]),
    "nf_nft_compat_msg_types": (["linux/netfilter/nf_tables_compat.h"], [
        "NFNL_MSG_COMPAT_GET"]),
    "nf_hook_msg_types": (["linux/netfilter/nfnetlink_hook.h"], [
        "NFNL_MSG_HOOK_GET"]),
    "arp_hardware_types": (["linux/if_arp.h"], ["ARPHRD_*", "!ARPHRD_HDLC", "ARPHRD_VOID"]),
    "iff_flags": (["linux/if.h"], ["IFF_*", "!IFF_VOLATILE"]),
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
    "resolve_flags": (["linux/openat2.h"], ["RESOLVE_*"]),
    "rusage_who": (["linux/resource.h"], ["RUSAGE_*"]),
    "idtypes": (["linux/wait.h"], ["P_*"]),
    "itimer_which": (["linux/time.h"], ["ITIMER_REAL", "ITIMER_VIRTUAL", "ITIMER_PROF"]),
    "timerfd_timer_flags": (["linux/timerfd.h"], [
        "TFD_TIMER_ABSTIME", "TFD_TIMER_CANCEL_ON_SET"]),
    # The flags and commands of the mount API, fanotify, NUMA policies, landlock, keys and
    # personality (decode_mux.cpp).
    "mount_flags": (["linux/mount.h"], ["MS_*", "!MS_VERBOSE", "!MS_RMT_MASK", "!MS_MGC_*"]),
    "mount_setattr_flags": (["linux/fcntl.h"], [
        "AT_SYMLINK_NOFOLLOW", "AT_NO_AUTOMOUNT", "AT_EMPTY_PATH", "AT_RECURSIVE"]),
    "fsopen_flags": (["linux/mount.h"], ["FSOPEN_CLOEXEC"]),
    "fspick_flags": (["linux/mount.h"], ["FSPICK_*"]),
    "fsmount_flags": (["linux/mount.h"], ["FSMOUNT_CLOEXEC"]),
    "mount_attr_flags": (["linux/mount.h"], [
        "MOUNT_ATTR_RDONLY", "MOUNT_ATTR_NOSUID", "MOUNT_ATTR_NODEV", "MOUNT_ATTR_NOEXEC",
        "MOUNT_ATTR_NOATIME", "MOUNT_ATTR_STRICTATIME", "MOUNT_ATTR_NODIRATIME"]),
    # struct mount_attr's attributes (mount_setattr) and propagation.
    "mount_attr_attr": (["linux/mount.h"], [
        "MOUNT_ATTR_*", "!MOUNT_ATTR__ATIME", "!MOUNT_ATTR_RELATIME", "!MOUNT_ATTR_SIZE_VER0"]),
    "mount_attr_propagation": (["linux/mount.h"], [
        "MS_UNBINDABLE", "MS_PRIVATE", "MS_SLAVE", "MS_SHARED"]),
    "move_mount_flags": (["linux/mount.h"], ["MOVE_MOUNT_*", "!MOVE_MOUNT__MASK"]),
    "fsconfig_cmds": (["linux/mount.h"], ["FSCONFIG_*"]),
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
    "ptrace_peeksiginfo_flags": (["linux/ptrace.h"], ["PTRACE_PEEKSIGINFO_SHARED"]),
    # GETREGSET's and SETREGSET's regset: the note types of linux/elf.h (NT_FPREGSET is its
    # NT_PRFPREG; the C library's core-file notes and metag's, which it lacks, are left out).
    "nt_descriptor_types": (["linux/elf.h"], [
        "NT_PRSTATUS", "NT_FPREGSET=NT_PRFPREG", "NT_*", "!NT_PRFPREG", "!NT_TASKSTRUCT",
        "!NT_GNU_PROPERTY_TYPE_0", "NT_FILE", "NT_PRXFPREG", "NT_SIGINFO"]),
    "ptrace_syscall_info_op": (["linux/ptrace.h"], ["PTRACE_SYSCALL_INFO_*"]),
    # A siginfo's si_code (strace's siginfo_codes, then the codes of its signal; the ia64,
    # frv and bfin ones the C library does not name are left out, as strace built on it
    # leaves them).
    "siginfo_codes": (["asm-generic/siginfo.h"], ["SI_*", "!SI_MAX_SIZE"]),
    "sigill_codes": (["asm-generic/siginfo.h"], ["ILL_*"]),
    "sigfpe_codes": (["asm-generic/siginfo.h"], ["FPE_*"]),
    "sigsegv_codes": (["asm-generic/siginfo.h"], ["SEGV_*"]),
    "sigbus_codes": (["asm-generic/siginfo.h"], ["BUS_*"]),
    "sigtrap_codes": (["asm-generic/siginfo.h"], ["TRAP_*", "!TRAP_PERF_FLAG_ASYNC"]),
    "sigchld_codes": (["asm-generic/siginfo.h"], ["CLD_*"]),
    "sigpoll_codes": (["asm-generic/siginfo.h"], ["POLL_*"]),
    "sigsys_codes": (["asm-generic/siginfo.h"], ["SYS_SECCOMP", "SYS_USER_DISPATCH"]),
    # A seccomp SIGSYS's si_arch, every architecture linux/audit.h names.
    "audit_arch": (["linux/audit.h"], [r"~AUDIT_ARCH_\w+ .*"]),
    "ptrace_setoptions_flags": (["linux/ptrace.h"], ["PTRACE_O_*", "!PTRACE_O_MASK"]),
    "ptrace_cmds_x86": (["linux/ptrace.h"], [
        "PTRACE_GETREGS", "PTRACE_SETREGS", "PTRACE_GETFPREGS", "PTRACE_SETFPREGS",
        "PTRACE_GETFPXREGS", "PTRACE_SETFPXREGS", "PTRACE_OLDSETOPTIONS",
        "PTRACE_GET_THREAD_AREA", "PTRACE_SET_THREAD_AREA", "PTRACE_ARCH_PRCTL", "PTRACE_SYSEMU",
        "PTRACE_SYSEMU_SINGLESTEP", "PTRACE_SINGLEBLOCK"]),
    "kexec_file_load_flags": (["linux/kexec.h"], ["KEXEC_FILE_UNLOAD", "KEXEC_FILE_ON_CRASH",
                                                  "KEXEC_FILE_NO_INITRAMFS"]),
    "landlock_create_ruleset_flags": (["linux/landlock.h"], ["LANDLOCK_CREATE_RULESET_VERSION"]),
    "landlock_rule_types": (["linux/landlock.h"], ["LANDLOCK_RULE_PATH_BENEATH"]),
    "landlock_ruleset_access_fs": (["linux/landlock.h"], ["LANDLOCK_ACCESS_FS_*"]),
    "uring_enter_flags": (["linux/io_uring.h"], ["IORING_ENTER_*"]),
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
        "IORING_OP_*", "!IORING_OP_SEND_ZC", "!IORING_OP_SENDMSG_ZC", "!IORING_OP_LAST"]),
    "uring_op_flags": (["linux/io_uring.h"], ["IO_URING_OP_SUPPORTED"]),
    # io_uring_setup's struct io_uring_params: its flags and the features the kernel returns.
    "uring_setup_flags": (["linux/io_uring.h"], [
        "IORING_SETUP_*", "!IORING_SETUP_SINGLE_ISSUER", "!IORING_SETUP_DEFER_TASKRUN"]),
    "uring_setup_features": (["linux/io_uring.h"], ["IORING_FEAT_*"]),
    "uring_restriction_opcodes": (["linux/io_uring.h"], [
        "IORING_RESTRICTION_REGISTER_OP", "IORING_RESTRICTION_SQE_OP",
        "IORING_RESTRICTION_SQE_FLAGS_ALLOWED", "IORING_RESTRICTION_SQE_FLAGS_REQUIRED"]),
    "uring_sqe_flags": (["linux/io_uring.h"], [
        "IOSQE_FIXED_FILE", "IOSQE_IO_DRAIN", "IOSQE_IO_LINK", "IOSQE_IO_HARDLINK", "IOSQE_ASYNC",
        "IOSQE_BUFFER_SELECT", "IOSQE_CQE_SKIP_SUCCESS"]),
    "uring_register_rsrc_flags": (["linux/io_uring.h"], ["IORING_RSRC_REGISTER_SPARSE"]),
    "uring_files_update_fds": (["linux/io_uring.h"], ["IORING_REGISTER_FILES_SKIP"]),
    "key_spec": (["linux/keyctl.h"], ["KEY_SPEC_*"]),
    "personality_types": (["linux/personality.h"], ["PER_*", "!PER_CLEAR_ON_SETID"]),
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
    "cap_version": (["linux/capability.h"], [
        "_LINUX_CAPABILITY_VERSION_1", "_LINUX_CAPABILITY_VERSION_2",
        "_LINUX_CAPABILITY_VERSION_3"]),
    "capabilities": (["linux/capability.h"], ["CAP_*", "!CAP_LAST_CAP"]),
    "secbits": (["linux/securebits.h"], ["SECBIT_*"]),
    "pr_cap_ambient": (["linux/prctl.h"], ["PR_CAP_AMBIENT_*"]),
    "pr_mce_kill": (["linux/prctl.h"], ["PR_MCE_KILL_CLEAR", "PR_MCE_KILL_SET"]),
    "pr_mce_kill_policy": (["linux/prctl.h"], [
        "PR_MCE_KILL_LATE", "PR_MCE_KILL_EARLY", "PR_MCE_KILL_DEFAULT"]),
    "pr_tsc": (["linux/prctl.h"], ["PR_TSC_ENABLE", "PR_TSC_SIGSEGV"]),
    "pr_unalign_flags": (["linux/prctl.h"], ["PR_UNALIGN_NOPRINT", "PR_UNALIGN_SIGBUS"]),
    "seccomp_mode": (["linux/seccomp.h"], [
        "SECCOMP_MODE_DISABLED", "SECCOMP_MODE_STRICT", "SECCOMP_MODE_FILTER"]),
    "pr_set_mm": (["linux/prctl.h"], ["PR_SET_MM_*"]),
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
        "KEYCTL_*", "!KEYCTL_SUPPORTS_*", "!KEYCTL_MOVE_EXCL", "!KEYCTL_CAPS0_*", "!KEYCTL_CAPS1_*"]),
    "key_reqkeys": (["linux/keyctl.h"], ["KEY_REQKEY_DEFL_*"]),
    "keyctl_move_flags": (["linux/keyctl.h"], ["KEYCTL_MOVE_EXCL"]),
    # A key's permissions (include/linux/key.h, outside the uapi headers: KERNEL below).
    "key_perms": ([], [
        f"KEY_{who}_{what}" for who in ["POS", "USR", "GRP", "OTH"]
        for what in ["VIEW", "READ", "WRITE", "SEARCH", "LINK", "SETATTR", "ALL"]]),
    # KEYCTL_CAPABILITIES' two bytes, and what KEYCTL_PKEY_QUERY says a key supports.
    "keyctl_caps0": (["linux/keyctl.h"], ["KEYCTL_CAPS0_*"]),
    "keyctl_caps1": (["linux/keyctl.h"], [
        "KEYCTL_CAPS1_NS_KEYRING_NAME", "KEYCTL_CAPS1_NS_KEY_TAG", "KEYCTL_CAPS1_NOTIFICATIONS"]),
    "keyctl_pkey_ops": (["linux/keyctl.h"], ["KEYCTL_SUPPORTS_*"]),
    # quotactl's commands (the ones of the current uapi: strace's old Q_V1_* and Q_V2_* are
    # not there), quota types and formats.
    "quota_cmds": (["linux/quota.h", "linux/dqblk_xfs.h"], ["Q_*"]),
    "quota_types": (["linux/quota.h"], ["USRQUOTA", "GRPQUOTA", "PRJQUOTA"]),
    "quota_formats": (["linux/quota.h"], ["QFMT_*"]),
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
        "SCHED_FLAG_*", "!SCHED_FLAG_KEEP_ALL", "!SCHED_FLAG_UTIL_CLAMP", "!SCHED_FLAG_ALL"]),
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
        "FAN_ENABLE_AUDIT", "FAN_REPORT_*", "!FAN_REPORT_DFID_*"]),
    "seccomp_ops": (["linux/seccomp.h"], [
        "SECCOMP_SET_MODE_STRICT", "SECCOMP_SET_MODE_FILTER", "SECCOMP_GET_ACTION_AVAIL",
        "SECCOMP_GET_NOTIF_SIZES"]),
    "seccomp_ret_actions": (["linux/seccomp.h"], [
        "SECCOMP_RET_KILL_PROCESS", "SECCOMP_RET_KILL_THREAD", "SECCOMP_RET_TRAP",
        "SECCOMP_RET_ERRNO", "SECCOMP_RET_USER_NOTIF", "SECCOMP_RET_TRACE", "SECCOMP_RET_LOG",
        "SECCOMP_RET_ALLOW"]),
    "seccomp_filter_flags": (["linux/seccomp.h"], ["SECCOMP_FILTER_FLAG_*"]),
    "xattr_flags": (["linux/xattr.h"], ["XATTR_CREATE", "XATTR_REPLACE"]),
    "priorities": (["linux/resource.h"], ["PRIO_PROCESS", "PRIO_PGRP", "PRIO_USER"]),
    "memfd_create_flags": (["linux/memfd.h"], ["MFD_CLOEXEC", "MFD_ALLOW_SEALING", "MFD_HUGETLB"]),
    "secretmem_flags": (["asm/fcntl.h"], ["O_CLOEXEC"]),
    # userfaultfd's ioctls: UFFDIO_API's features and the ioctls it and UFFDIO_REGISTER say
    # are there (bit numbers, shown as 1<<_UFFDIO_WAKE), the modes of each request.
    "uffd_api_features": (["linux/userfaultfd.h"], ["UFFD_FEATURE_*"]),
    "uffd_api_ioctls": (["linux/userfaultfd.h"], [
        "_UFFDIO_REGISTER", "_UFFDIO_UNREGISTER", "_UFFDIO_API"]),
    "uffd_register_ioctls": (["linux/userfaultfd.h"], [
        "_UFFDIO_WAKE", "_UFFDIO_COPY", "_UFFDIO_ZEROPAGE", "_UFFDIO_WRITEPROTECT",
        "_UFFDIO_CONTINUE"]),
    "uffd_copy_flags": (["linux/userfaultfd.h"], [
        "UFFDIO_COPY_MODE_DONTWAKE", "UFFDIO_COPY_MODE_WP"]),
    "uffd_register_mode_flags": (["linux/userfaultfd.h"], [
        "UFFDIO_REGISTER_MODE_MISSING", "UFFDIO_REGISTER_MODE_WP", "UFFDIO_REGISTER_MODE_MINOR"]),
    "uffd_zeropage_flags": (["linux/userfaultfd.h"], ["UFFDIO_ZEROPAGE_MODE_DONTWAKE"]),
    # SG_SCSI_RESET's values (the kernel's include/scsi/sg.h, outside the uapi headers).
    "sg_scsi_reset": ([], [
        "SG_SCSI_RESET_NOTHING", "SG_SCSI_RESET_DEVICE", "SG_SCSI_RESET_BUS",
        "SG_SCSI_RESET_HOST", "SG_SCSI_RESET_TARGET", "SG_SCSI_RESET_NO_ESCALATE"]),
    "uffd_flags": (["linux/userfaultfd.h", "asm/fcntl.h"], [
        "UFFD_USER_MODE_ONLY", "O_NONBLOCK", "O_CLOEXEC"]),
    "kcmp_types": (["linux/kcmp.h"], ["KCMP_*", "!KCMP_TYPES"]),
    "ioprio_who": (["linux/ioprio.h"], [
        "IOPRIO_WHO_PROCESS", "IOPRIO_WHO_PGRP", "IOPRIO_WHO_USER"]),
    "ioprio_class": (["linux/ioprio.h"], [
        "IOPRIO_CLASS_NONE", "IOPRIO_CLASS_RT", "IOPRIO_CLASS_BE", "IOPRIO_CLASS_IDLE"]),
    "mlock_flags": (["asm-generic/mman-common.h"], ["MLOCK_ONFAULT"]),
    "mlockall_flags": (["asm/mman.h"], ["MCL_CURRENT", "MCL_FUTURE", "MCL_ONFAULT"]),
    "flock_ops": (["asm-generic/fcntl.h"], ["LOCK_*", "LOCK_READ", "LOCK_WRITE"]),
    "sync_file_range_flags": (["linux/fs.h"], [
        "SYNC_FILE_RANGE_WAIT_BEFORE", "SYNC_FILE_RANGE_WRITE", "SYNC_FILE_RANGE_WAIT_AFTER"]),
    "falloc_flags": (["linux/falloc.h"], ["FALLOC_FL_*"]),
    "inotify_flags": (["linux/inotify.h"], [
        "IN_*", "!IN_CLOSE", "!IN_MOVE", "!IN_ALL_EVENTS", "!IN_CLOEXEC", "!IN_NONBLOCK"]),
    "kexec_load_flags": (["linux/kexec.h"], ["KEXEC_ON_CRASH", "KEXEC_PRESERVE_CONTEXT"]),
    "kexec_arch_values": (["linux/kexec.h"], ["KEXEC_ARCH_*", "!KEXEC_ARCH_MASK"]),
    "reboot_magic1": (["linux/reboot.h"], ["LINUX_REBOOT_MAGIC1"]),
    "reboot_magic2": (["linux/reboot.h"], [
        "LINUX_REBOOT_MAGIC2", "LINUX_REBOOT_MAGIC2A", "LINUX_REBOOT_MAGIC2B",
        "LINUX_REBOOT_MAGIC2C"]),
    "reboot_cmds": (["linux/reboot.h"], ["LINUX_REBOOT_CMD_*"]),
    "membarrier_cmds": (["linux/membarrier.h"], [
        "MEMBARRIER_CMD_*", "!MEMBARRIER_CMD_SHARED", "!MEMBARRIER_CMD_FLAG_CPU"]),
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
    # The AIO calls' struct iocb (strace's aio_cmds, less the IOCB_CMD_PREADX the header no
    # longer has, and aio_iocb_flags).
    "aio_cmds": (["linux/aio_abi.h"], [
        "IOCB_CMD_PREAD", "IOCB_CMD_PWRITE", "IOCB_CMD_FSYNC", "IOCB_CMD_FDSYNC",
        "IOCB_CMD_POLL", "IOCB_CMD_NOOP", "IOCB_CMD_PREADV", "IOCB_CMD_PWRITEV"]),
    "aio_iocb_flags": (["linux/aio_abi.h"], ["IOCB_FLAG_RESFD", "IOCB_FLAG_IOPRIO"]),
    # A TEE's parameters and logins (strace's tee_ioctl_param_attr_types, less
    # TEE_IOCTL_PARAM_ATTR_META, which it writes apart, and tee_ioctl_login_types).
    "tee_param_attr_types": (["linux/tee.h"], [
        "TEE_IOCTL_PARAM_ATTR_TYPE_NONE", "TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT",
        "TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT", "TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT",
        "TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT", "TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT",
        "TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT"]),
    "tee_login_types": (["linux/tee.h"], [
        "TEE_IOCTL_LOGIN_PUBLIC", "TEE_IOCTL_LOGIN_USER", "TEE_IOCTL_LOGIN_GROUP",
        "TEE_IOCTL_LOGIN_APPLICATION", "TEE_IOCTL_LOGIN_USER_APPLICATION",
        "TEE_IOCTL_LOGIN_GROUP_APPLICATION"]),
    # SG_IO's v4 header (strace's bsg_protocol, bsg_subprotocol, bsg_flags).
    "bsg_protocols": (["linux/bsg.h"], ["BSG_PROTOCOL_SCSI"]),
    "bsg_subprotocols": (["linux/bsg.h"], [
        "BSG_SUB_PROTOCOL_SCSI_CMD", "BSG_SUB_PROTOCOL_SCSI_TMF",
        "BSG_SUB_PROTOCOL_SCSI_TRANSPORT"]),
    "bsg_flags": (["linux/bsg.h"], ["BSG_FLAG_Q_AT_TAIL", "BSG_FLAG_Q_AT_HEAD"]),
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
    "LO_FLAGS_USE_AOPS": (2, "include/linux/loop.h of Linux 3.1, removed in 3.2"),
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
    **{f"KEY_{who}_{what}": (bit << (8 * shift), "include/linux/key.h of Linux 6.1")
       for shift, who in enumerate(["OTH", "GRP", "USR", "POS"]) for bit, what in
       [(0x01, "VIEW"), (0x02, "READ"), (0x04, "WRITE"), (0x08, "SEARCH"), (0x10, "LINK"),
        (0x20, "SETATTR"), (0x3f, "ALL")]},
    **{f"SG_SCSI_RESET_{name}": (value, "include/scsi/sg.h of Linux 6.1") for name, value in
       [("NOTHING", 0), ("DEVICE", 1), ("BUS", 2), ("HOST", 3), ("TARGET", 4),
        ("NO_ESCALATE", 0x100)]},
    "RCV_SHUTDOWN": (1, "include/net/sock.h of Linux 6.1"),
    "SEND_SHUTDOWN": (2, "include/net/sock.h of Linux 6.1"),
    "NETLINK_UNCONNECTED": (0, "net/netlink/af_netlink.h of Linux 6.1"),
    "NETLINK_CONNECTED": (1, "net/netlink/af_netlink.h of Linux 6.1"),
    **{f"SMC_{name}": (value, "enum smc_state of net/smc/smc.h of Linux 6.1") for name, value in
       [("ACTIVE", 1), ("INIT", 2), ("CLOSED", 7), ("LISTEN", 10), ("PEERCLOSEWAIT1", 20),
        ("PEERCLOSEWAIT2", 21), ("APPFINCLOSEWAIT", 24), ("APPCLOSEWAIT1", 22),
        ("APPCLOSEWAIT2", 23), ("PEERFINCLOSEWAIT", 25), ("PEERABORTWAIT", 26),
        ("PROCESSABORT", 27)]},
    **{f"LLCP_SAP_{name}": (value, "net/nfc/llcp.h of Linux 6.1") for name, value in
       [("SDP", 0x1), ("IP", 0x2), ("OBEX", 0x3), ("SNEP", 0x4), ("MAX", 0xff)]},
    "CM_SERVICE": (1, "fs/afs/afs_cm.h of Linux 6.1"),
    "YFS_FS_SERVICE": (2500, "fs/afs/protocol_yfs.h of Linux 6.1"),
    "YFS_CM_SERVICE": (2501, "fs/afs/protocol_yfs.h of Linux 6.1"),
    "YFS_VL_SERVICE": (2503, "fs/afs/afs_vl.h of Linux 6.1"),
    **{f"IEEE802154_ADDR_{name}": (value, "include/net/af_ieee802154.h of Linux 6.1")
       for name, value in [("NONE", 0), ("SHORT", 2), ("LONG", 3)]},
    "IEEE802154_PANID_BROADCAST": (0xffff, "include/linux/ieee802154.h of Linux 6.1"),
    "IEEE802154_ADDR_UNDEF": (0xfffe, "include/linux/ieee802154.h of Linux 6.1"),
    "IEEE802154_ADDR_BROADCAST": (0xffff, "include/linux/ieee802154.h of Linux 6.1"),
    "CRYPTO_ALG_KERN_DRIVER_ONLY": (0x1000, "include/linux/crypto.h of Linux 6.1"),
    # An IPv6 device's flags (IFLA_INET6_FLAGS).
    **{f"IF_{name}": (value, "include/net/if_inet6.h of Linux 6.1") for name, value in
       [("RS_SENT", 0x10), ("RA_RCVD", 0x20), ("RA_MANAGED", 0x40), ("RA_OTHERCONF", 0x80),
        ("READY", 0x80000000)]},
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

#: The NBD protocol's transmission flags the kernel's header lacks (doc/proto.md of nbd, the
#: protocol's reference server), which NBD_SET_FLAGS takes as the server sent them.
PROTOCOL = {f"NBD_FLAG_{name}": (1 << bit, "doc/proto.md of the NBD protocol "
                                               "(NetworkBlockDevice/nbd), transmission flags")
            for bit, name in [(4, "ROTATIONAL"), (6, "SEND_WRITE_ZEROES"), (7, "SEND_DF"),
                              (9, "SEND_RESIZE"), (10, "SEND_CACHE")]}

#: Where a constant the headers read lack comes from.
OUTSIDE = {**NEWER, **KERNEL, **PROTOCOL}

#: Tables of x86_64's calls only (arch_prctl): not looked for in arm64's headers.
X86_ONLY = {"arch_prctl", "ptrace_cmds_x86", "x86_xfeature_bits", "x86_xfeatures"}

#: Tables whose values are one numbering on every architecture, some of which arm64's headers
#: leave undefined (KVM's x86-only capabilities): not looked for there either.
ONE_NUMBERING = {"kvm_caps"}

#: The C library's headers that uapi headers include, stubbed where missing (read_defines).
LIBC_STUBS = ["sys/socket.h", "stddef.h", "netinet/in.h", "sys/time.h", "sys/ioctl.h",
              "sys/types.h"]

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
    brace_next = False
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
        if re.match(r"\s*enum\b[^;]*\{\s*$", raw) or (brace_next and raw.strip() == "{"):
            previous = ""
        elif re.match(r"\s*\}", raw):
            previous = None
        # An enum whose brace is on the next line (linux/ip.h's IPV4_DEVCONF_*).
        brace_next = bool(re.match(r"\s*enum\b[^;{]*$", raw))
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
    # A cast a macro's expansion holds: v4l2_fourcc()'s ((__u32)(a) | ...).
    body = re.sub(r"\(\s*__[us](?:8|16|32|64)\s*\)", "", body)

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

    # A cast to a fixed-width type changes no value here: ((__u64)1 << 0).
    body = re.sub(r"\(__[us](8|16|32|64)\)", "", body)
    expr = re.sub(r"'(.)'", lambda m: str(ord(m.group(1))), body)
    expr = re.sub(r"\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\b|\b[A-Za-z_]\w*\b", word, expr)
    if not re.fullmatch(r"[\d\s()|&<>+\-~]*", expr):
        raise ValueError(f"not a constant expression: {body}")
    return int(eval(expr, {"__builtins__": {}}))  # only digits and operators are left


def expand(table: str, entries: list[str], defines: dict[str, tuple[str, str, int]],
           arch: str) -> list[str]:
    """A table's entries with its patterns replaced by the names they match, in the order the
    headers define them (macros and enum members alike). "PREFIX_*" (a glob, or globs joined
    by "|" for families the headers interleave, "KEY_*|BTN_*"): every name it matches but the
    family's bounds (the glob with MAX or CNT for its "*": KEY_MAX, ABS_CNT), the names the
    table gives elsewhere, and those a "!GLOB" entry of the table leaves out. "~REGEX": every
    macro whose "NAME BODY" the expression matches. A pattern that matches nothing is an
    error."""
    named = {entry.partition("=")[2] or entry for entry in entries
             if not entry.startswith(("~", "!")) and "*" not in entry}
    left_out = [entry[1:] for entry in entries if entry.startswith("!")]
    found = []
    for entry in entries:
        if entry.startswith("!"):
            continue
        if entry.startswith("~"):
            matched = [name for name, (body, _, _) in defines.items()
                       if not name.endswith("()") and re.fullmatch(entry[1:], f"{name} {body}")]
        elif "*" in entry:
            globs = entry.split("|")
            bounds = {glob.replace("*", end) for glob in globs for end in ("MAX", "CNT")}
            matched = [name for name in defines
                       if any(fnmatch.fnmatchcase(name, glob) for glob in globs) and
                       name not in named and name not in bounds and not name.endswith("()") and
                       not any(fnmatch.fnmatchcase(name, out) for out in left_out)]
        else:
            found.append(entry)
            continue
        if not matched:
            raise SystemExit(f"{table}: {entry} matches nothing in {', '.join(TABLES[table][0])} "
                             f"for {arch}")
        found += matched
    return found


def constants(table: str, arch: str) -> list[tuple[str, int, str, int, str]]:
    """(name, value, header, line, macro) of each constant of table for arch; header "" for a
    constant of NEWER or KERNEL."""
    headers, entries = TABLES[table]
    defines = read_defines(headers, arch)
    rows = []
    for entry in expand(table, entries, defines, arch):
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
    if Path(ARCHES["aarch64"]["roots"][0]).is_dir() and table not in X86_ONLY | ONE_NUMBERING:
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
