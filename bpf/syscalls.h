/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/* Shared between the BPF program and user space: sizes, enums and the event record. No logic. */
#ifndef OBSERVER_SYSCALLS_H
#define OBSERVER_SYSCALLS_H

#define TASK_COMM_LEN 16
/* Syscall numbers below this fit the in-kernel bitmap (Linux 6.19 ends at 470 on both arches). */
#define MAX_SYSCALLS 1024
#define SYSCALL_WORDS (MAX_SYSCALLS / 64)
/* Upper bound of entries in the maps kept per process or thread in flight (children in a pid
 * namespace before their first syscall, -p's threads at attach). */
#define MAX_TRACED 65536
/* Pids the kernel can hand out (PID_MAX_LIMIT of include/linux/threads.h on 64-bit): the
 * traced bitmap has a bit for each, in TRACED_WORDS 64-bit words. */
#define PID_LIMIT (4 * 1024 * 1024)
#define TRACED_WORDS (PID_LIMIT / 64)
/* Longest program name matched by --comm (a file name component, NAME_MAX). */
#define NAME_LEN 256
#define MAX_NAMES 64
/* -P: at most MAX_PATHS paths, each shorter than NAME_LEN; fds opened on them, per process. */
#define MAX_PATHS 8
#define MAX_PATH_FDS 65536

/* path_roles[nr]: which arguments of a syscall -P looks at. The low 6 bits: argument i is a
 * path. */
enum path_role {
	PATH_FD_ARG0 = 64,    /* argument 0 is a file descriptor (or the dirfd of an *at call) */
	PATH_FD_RESULT = 128, /* the call returns a new fd on what it names (open, dup) */
	PATH_FD_CLOSE = 256,  /* the call ends its argument-0 fd (close) */
	PATH_FD_FCNTL = 512,  /* fcntl: F_DUPFD and F_DUPFD_CLOEXEC return a new fd */
};
/* Bytes of one string argument captured at entry: --string-limit is at most STRING_MAX - 1,
 * PATH_MAX - 1, the longest path strace prints whole (a path of PATH_MAX bytes with its NUL).
 * Every string argument is captured, as long as it is and no longer than the limit. */
#define STRING_MAX 4096
#define MAX_STRINGS 6
/* Buffers and structs captured per syscall (capture_plan), at most BLOB_MAX bytes each: I/O
 * data up to --data-limit, structs the kernel reads (entry) or fills (exit) in full. */
#define MAX_BLOBS 8
#define BLOB_MAX 4096
/* Items (strings, blobs, fd paths) that follow one event, and the bytes they may take: an
 * item starts below ITEMS_START_MAX (a power of two) and is at most ITEM_MAX long. */
#define MAX_ITEMS 16
#define ITEM_MAX 4096
#define ITEMS_START_MAX 16384
#define ITEMS_SPACE (ITEMS_START_MAX + ITEM_MAX)

/* event.flags */
enum event_flag {
	EVENT_HAS_RET = 1,  /* ret and duration_ns are valid (recorded at syscall exit) */
	EVENT_HAS_TIME = 2, /* ts_ns is valid */
	EVENT_HAS_STRINGS = 4, /* struct string_tail and its bytes follow the event */
	EVENT_PROCESS_EXIT = 8, /* not a syscall: the process ended; ret is its wait status */
	EVENT_COMPAT = 16,      /* a 32-bit call (x86_64's int 0x80 / ia32): nr is an i386 number */
	EVENT_SIGNAL = 32,      /* not a syscall: signal nr delivered; args hold its siginfo */
	/* Full records travel in halves when a call has data to keep from its entry (strings,
	 * buffers it reads, fd paths): the entry half goes out at entry and user space joins it
	 * with the exit half. Nothing of the call is kept per thread but its start. */
	EVENT_ENTRY = 64,       /* an entry half: never written alone */
	EVENT_JOIN = 128,       /* an entry half of this thread went out before this record */
	EVENT_UNFINISHED = 256, /* the call never returned: its thread was killed in it */
	EVENT_DETACHED = 512,   /* with EVENT_UNFINISHED: still in the call when tracing ended */
	EVENT_RESUMED = 1024,   /* the exit of a call made before tracing began: ts_ns is the
				 * exit's, there is no duration and the entry's data is unknown */
	EVENT_STOPPED = 2048,   /* with EVENT_SIGNAL: its default action stops the process
				 * (strace's "--- stopped by SIGSTOP ---") */
	EVENT_MAPS = 4096,      /* not a syscall: -k's file mappings of process tgid, at ts_ns
				 * (struct map_head and ITEM_MAP_* items below) */
};

/* Summary slots of 32-bit calls: COMPAT_STATS + their i386 number. */
#define COMPAT_STATS 512

/* string_tail.truncated bits: item i was longer than the limit */
#define STRING_TRUNCATED(i) (1u << (i))

/* What an item is (string_tail.kind). */
enum item_kind {
	ITEM_STRING = 0,  /* a string argument, read at entry */
	ITEM_BLOB = 1,    /* a buffer or struct of the capture plan */
	ITEM_FD_PATH = 2, /* what an fd names (-y): struct fd_path, then names */
	ITEM_BASE = 3,    /* the directory a relative path argument starts from (--absolute):
			   * struct fd_path, then names */
	ITEM_COUNT = 4,   /* a __u32 the kernel counted of what a blob could not hold: the
			   * entries of a getdents64 result longer than BLOB_MAX */
	ITEM_STACK = 5,   /* -k: the user stack at entry; arg 0: struct stack_head and the
			   * stack's first bytes, arg k: the ITEM_MAX bytes after item k - 1's */
	ITEM_SOCKET = 6,  /* struct socket_item: the family and protocol of the socket an
			   * ELEM_SOCKBUF slot's fd (argument 0) is, when it is one */
	ITEM_MAP_PATH = 7,   /* EVENT_MAPS: a mapped file, as ITEM_FD_PATH names one */
	ITEM_MAP_RANGES = 8, /* EVENT_MAPS: where the file before is mapped: struct map_file,
			      * then struct map_range for each consecutive mapping of it */
};
struct socket_item {
	__u16 family;   /* AF_NETLINK, ... */
	__u16 protocol; /* NETLINK_ROUTE, ... */
};

/* -k: an EVENT_MAPS record is one part of a snapshot of the process's file mappings, in
 * address order, of the files it has executable mappings of (those a stack's frames fall
 * in; each with all its mappings, as an unwinder needs the first to know where the file
 * begins), taken at the first call of the process that has a stack, and again at its first
 * such call after an exec or after an mmap or mprotect with PROT_EXEC. A snapshot takes one
 * record or more, in a row: args[MAPS_ARG_FIRST] is 1 in the first, which replaces what
 * came before, 0 in those that go on with it; args[MAPS_ARG_START_STACK] is the program's
 * mm->start_stack (struct stack_head). */
#define MAPS_ARG_FIRST 0
#define MAPS_ARG_START_STACK 1
#define MAP_RANGES_MAX 16 /* mappings in one ITEM_MAP_RANGES: more start another */
struct map_file {
	__u64 ino;
	__u32 dev; /* the kernel's dev_t: major << 20 | minor */
	__u32 __pad;
};
struct map_range {
	__u64 start;
	__u64 end;
	__u64 offset; /* in the file, in bytes */
};

/* -k: what a user-space unwinder starts from, copied at sys_enter (x86_64 only): the
 * registers DWARF call frame information restores (the callee-saved ones, the stack and
 * frame pointers, the instruction pointer), then the stack from sp up, at most
 * STACK_ITEMS items, ending early at the first page it cannot read. */
#define STACK_ITEMS 3
enum stack_reg {
	STACK_IP, STACK_SP, STACK_BP, STACK_BX, STACK_R12, STACK_R13, STACK_R14, STACK_R15,
	STACK_REGS
};
struct stack_head {
	__u64 regs[STACK_REGS]; /* enum stack_reg */
	__u64 start_stack;      /* where the main thread's stack began: a new one after an exec */
};

/* string_tail.arg of an fd path that is not an argument's. */
#define ITEM_ARG_RET 6  /* the fd the call returned */
#define ITEM_ARG_PAIR 7 /* 7 and 8: the two fds the call wrote to its int[2] (pipe) */
#define ITEM_ARG_POINTED 9 /* what an argument points to beyond itself: the strings bpf's attr
			    * points to (ELEM_BPF_STRINGS), what ioctl's struct points to
			    * (ELEM_IOC_PTRS) */
#define ITEM_ARG_ELEM 16 /* 16 + k: the fd of element k of a pollfd array (poll) */
#define FD_ELEMS 8       /* elements of a pollfd array whose fds' paths are read */
#define ITEM_ARG_FD 64   /* 64 + fd: an fd below 64 of an fd_set (select) */

/* What an fd names, as the kernel knows it at the call: the file's names from itself up to
 * the task's root (crossing mounts), each NUL-terminated, or a pseudo file by its inode. */
enum fd_path_type {
	FD_PATH_FILE = 0,   /* names follow: "passwd", "etc" is /etc/passwd */
	FD_PATH_PIPE = 1,   /* pipe:[ino] */
	FD_PATH_SOCKET = 2, /* socket:[ino] */
	FD_PATH_ANON = 3,   /* anon_inode: and the one name that follows ([eventpoll]) */
};
#define FD_PATH_DELETED 1 /* the file was unlinked: strace's "(deleted)" */
#define FD_PATH_CUT 2     /* deeper than FD_PATH_DEPTH names or longer than ITEM_MAX: the names
			   * nearest the root are missing */
#define FD_PATH_DEPTH 40
struct fd_path {
	__u64 ino;
	__u8 type;  /* enum fd_path_type */
	__u8 flags; /* FD_PATH_DELETED, FD_PATH_CUT */
	__u8 names; /* how many names follow */
	__u8 __pad[5];
};

/* capture_slot.flags: when a blob is read and where its length comes from. */
enum capture_flag {
	CAPTURE_ENTRY = 1,    /* the syscall reads it: copy at entry */
	CAPTURE_EXIT = 2,     /* the syscall fills it: copy at exit, if it succeeded */
	CAPTURE_SIZE_ARG = 4, /* length is argument size_arg (else fixed: size) */
	CAPTURE_SIZE_RET = 8, /* length is the return value */
	CAPTURE_IOVEC = 16,   /* an iovec array of args[size_arg] elements: each element's data,
			       * cut at size; at exit no more in all than the return value */
	CAPTURE_MSGHDR = 32,  /* a struct user_msghdr: with its name and its iovec's data */
	CAPTURE_COUNT = 64,   /* length is args[size_arg] elements of elem bytes (poll's fds) */
	CAPTURE_SIZE_PTR = 128, /* length is the u32 args[size_arg] points to (a socklen_t) */
};
/* capture_slot.elem of a CAPTURE_SIZE_ARG slot that is not a length in bytes: */
#define ELEM_FD_SET 1   /* args[size_arg] is nfds: the fd_set's longs that hold them */
#define ELEM_SIGMASK 2  /* pselect6's {const sigset_t *, size_t}: the pointer and the
			 * size, then the set it points to when it is 8 bytes and readable */
/* capture_slot.elem of a CAPTURE_SIZE_RET slot: struct linux_dirent64 records. When the call
 * returned more than the blob keeps, their number follows as an ITEM_COUNT (at most
 * DIRENTS_MAX of them are counted: glibc's 32 KiB holds no more than 1,365; the verifier
 * walks the loop step by step, and refuses one with more than 8,192 branches pending). */
#define ELEM_DIRENTS 3
#define DIRENTS_MAX 2048
/* capture_slot.elem of x86_64's rt_sigreturn: args[0] is the stack pointer, and the signal
 * mask it restores is the uc_sigmask of the struct ucontext there (arch/x86's rt_sigframe
 * less the return address the handler's ret took: flags, link, stack_t, sigcontext). */
#define ELEM_SIGFRAME 4
#define SIGFRAME_MASK_OFFSET 296
/* capture_slot.elem of clone3's struct clone_args at exit: what the call wrote where it
 * points, two __s32 (-1: not asked for): the pidfd (CLONE_PIDFD) and the child's tid
 * (CLONE_PARENT_SETTID). */
#define ELEM_CLONE_OUT 5
/* capture_slot.elem of a CAPTURE_SIZE_ARG or CAPTURE_SIZE_PTR slot whose length may run past
 * readable memory (setsockopt's optlen larger than the struct it gives, getsockopt's returned
 * length larger than the room it had): when the whole is unreadable, the bytes from its start
 * to the end of its 4 KiB page, marked truncated. */
#define ELEM_PAGE_PREFIX 6
#define PAGE_PREFIX_SIZE 4096
/* capture_slot.elem of a fixed CAPTURE_EXIT slot read only when the call was interrupted (its
 * result is a restart code, -516 to -512): the time left that nanosleep wrote. */
#define ELEM_RESTARTED 7
/* capture_slot.elem of a fixed CAPTURE_EXIT slot read whether the call succeeded or not:
 * perf_event_open's struct perf_event_attr, whose size field the kernel rewrites with E2BIG. */
#define ELEM_ANY_RESULT 12
/* capture_slot.elem of bpf's attr (args[arg], its command args[size_arg], its size the next
 * argument): the strings it points to, where bpf_strings[command] says, each as a __u32
 * length (BPF_STRING_UNREAD: the pointer is unreadable or past the size) and its bytes, read
 * as a C string of at most the string limit + 1 bytes. An item of arg ITEM_ARG_POINTED. */
#define ELEM_BPF_STRINGS 13
#define BPF_CMDS 64
#define BPF_STRING_UNREAD 0xffffffffu
struct bpf_strings {
	__u8 off[2]; /* 1 + the offset of a __u64 pointer to a string in the attr; 0: none */
};
/* capture_slot.elem of a CAPTURE_SIZE_ARG slot whose args[size_arg] is an ioctl request: what
 * the argument points to as the request says (asm-generic/ioctl.h), _IOC_SIZE bytes, read at
 * entry when the request is _IOC_WRITE, at exit when it is _IOC_READ. A plain number of
 * the types of ioc_plain_row (#define TCGETS 0x5401), whose top 16 bits are 0, takes its
 * direction and size from ioc_plain[row][nr] instead, laid out as the request's top 16 bits;
 * a sized request whose entry there has its size, the entry's direction. */
#define ELEM_IOC 8
/* Rows of ioc_plain, a power of two: the request types whose plain numbers carry a struct
 * (terminals, consoles, sockets, block and loop devices), or whose sized requests read at
 * another time than their direction says (TEE's, UBI volumes', PTP clocks'). */
#define IOC_PLAIN_TYPES 16
/* capture_slot.elem of a CAPTURE_MSGHDR slot at exit: an array of args[size_arg] struct
 * mmsghdr (sendmmsg; ELEM_MMSG_RECV: recvmmsg's, as many as it returned), read even when
 * sendmmsg failed: struct mmsg_head, then per
 * element kept its struct mmsg_item and its msghdr as CAPTURE_MSGHDR writes one (recvmmsg's
 * data no more than its msg_len), while they fit in the item. */
#define ELEM_MMSG 9
#define ELEM_MMSG_RECV 10
/* capture_slot.elem of a socket's data (sendto's, recvfrom's): an ITEM_SOCKET of argument 0
 * goes before it, and a netlink socket's messages are kept up to BLOB_MAX bytes whatever the
 * data limit (strace decodes them whole), their readable start when they run past readable
 * memory (as ELEM_PAGE_PREFIX). sendmsg's and recvmsg's CAPTURE_MSGHDR slot has the same
 * ITEM_SOCKET, and a netlink socket's iovec elements kept as long. */
#define ELEM_SOCKBUF 14
#define AF_NETLINK_FAMILY 16 /* AF_NETLINK of sys/socket.h */
/* capture_slot.elem of ptrace's two slots, one read at entry and one at exit: what the
 * request in args[0] reads or fills there, as ptrace_reads[exit][index] says. A request's
 * index: requests 0 to 63 their own number, 0x4200 (PTRACE_SETOPTIONS) to 0x423f 64 and up
 * (linux/ptrace.h), the two ranges strace names; others none. */
#define ELEM_PTRACE 15
#define PTRACE_REQS 128
#define PTRACE_HIGH 0x4200
struct ptrace_read {
	__u16 size;    /* bytes read, or the most read when size_arg or ret_elem says how many */
	__u8 arg;      /* 1 + the argument that points to it; 0: nothing is read */
	__u8 size_arg; /* 1 + the argument that is its length in bytes; 0: size bytes */
	__u8 ret_elem; /* bytes of each of as many elements as the call returned; 0: none */
	__u8 iovec;    /* 1: a struct iovec (GETREGSET's), kept as a CAPTURE_IOVEC blob of one
			* element; with a size, its data too, as many bytes as the regset addr
			* names has (ptrace_regsets[addr], 0 past them) */
	__u8 __pad[2];
};
#define PTRACE_REGSETS 4 /* NT_PRSTATUS (1) and NT_FPREGSET (2) of linux/elf.h, below it */
#define MMSG_KEPT 32
struct mmsg_head {
	__u32 count; /* elements of the array (vlen) */
	__u32 kept;  /* elements that follow */
};
struct mmsg_item {
	__u32 msg_len; /* what the call wrote there */
	__u32 size;    /* bytes of the msghdr that follow */
};

/* capture_slot.elem of io_uring_register's argument (CAPTURE_SIZE_ARG, args[size_arg] its
 * opcode): what uring_layouts[opcode] says the argument points to, decided in user space. The
 * blob is struct uring_head, then the struct (and the bytes after it) or the array at the
 * argument, then the arrays the struct points to. An array keeps at most URING_KEPT elements
 * (strace shows 32, then "..." where a 33rd is there to read); where it runs into unreadable
 * memory, the elements to the end of the page. */
#define ELEM_URING 11
#define URING_OPS 32
#define URING_KEPT 33
#define URING_WHOLE_MAX 2064 /* an io_uring_probe of 256 ops, read whole or not at all */
struct uring_layout {
	__u16 size;	  /* bytes of the struct at the argument; 0: an array of args[3] elements */
	__u16 tail;	  /* bytes after the struct read too, up to args[3] bytes in all */
	__u8 elem;	  /* bytes of an element of the array at the argument (or after the struct) */
	__u8 whole;	  /* 1: the struct and args[3] elements after it, whole (io_uring_probe) */
	__u8 count_off;	  /* 1 + offset of the struct's __u32 count of its arrays' elements;
			   * 0: args[3] */
	__u8 ptr_off[2];  /* 1 + offset of a __u64 pointer to an array in the struct; 0: none */
	__u8 ptr_elem[2]; /* bytes of an element of each */
	__u8 __pad[5];
};
struct uring_head {
	__u32 len[3]; /* bytes kept of the argument's struct or array, and of the two arrays */
	__u32 __pad;
};

/* capture_slot.elem of io_submit's array of args[size_arg] pointers to struct iocb
 * (linux/aio_abi.h), at entry: struct iocbs_head, then per element kept its struct
 * iocb_item, the struct iocb when it could be read (IOCB_READ), and what its buffer holds:
 * a PWRITE's data, at most the slot's size of it (IOCB_DATA_UNREAD: none could be read), or
 * a PREADV's or PWRITEV's iovec array as CAPTURE_IOVEC writes one (a PWRITEV's with data).
 * At most IOCBS_KEPT elements (strace shows 32, then "..." where a 33rd is there to read),
 * while they fit the item; the last one's struct is not read. */
#define ELEM_IOCBS 16
#define IOCBS_KEPT 33
#define IOCB_SIZE 64
#define IOCB_READ 1
#define IOCB_DATA_UNREAD 2
struct iocbs_head {
	__u32 count;  /* elements of the array (args[size_arg], at most 0xffffffff) */
	__u32 kept;   /* elements that follow */
	__u32 unread; /* 1: the pointer after the last kept could not be read */
	__u32 __pad;
};
struct iocb_item {
	__u64 ptr;  /* the element: where its struct iocb is */
	__u32 read; /* IOCB_READ, IOCB_DATA_UNREAD */
	__u32 size; /* bytes after the struct: the data or the iovec array */
};

/* capture_slot.elem of ioctl's argument (args[2], its request args[1]) when the struct there
 * points to more: the struct and what ioc_ptrs[k] says its pointers lead to, for the layout
 * k of the request (and of the u32 guard the struct starts with, where the layout has one),
 * read at entry or exit as each buffer's when says (a TEE's parameters behind
 * tee_ioctl_buf_data, SG_IO's command, data and sense buffers). The item: struct
 * ioc_ptrs_head, the struct (size bytes; only its guard when the rest is unreadable or no
 * layout has it), then each buffer of this end in layout order, len[b] bytes: data cut at
 * its max (0: the slot's size) or, with a count, an iovec array as CAPTURE_IOVEC writes
 * one, its budget the length. Read at exit whether the call failed or not, as strace does. */
#define ELEM_IOC_PTRS 17
#define IOC_PTR_LAYOUTS 8
#define IOC_PTR_BUFS 4
#define IOC_PTR_UNREAD 0x80000000u /* len[b]: the buffer could not be read */
struct ioc_ptr_buf {
	__u8 ptr_off;	 /* 1 + offset of its __u64 pointer in the struct; 0: none */
	__u8 len_off;	 /* offset of its length */
	__u8 len_size;	 /* bytes of the length: 1, 2, 4 or 8 */
	__u8 count_off;	 /* 1 + offset of an iovec count (an iovec array then); 0: none */
	__u8 count_size; /* bytes of the count: 2 or 4 */
	__u8 when;	 /* CAPTURE_ENTRY or CAPTURE_EXIT */
	__u16 max;	 /* bytes kept at most; 0: the slot's size */
};
struct ioc_ptr_layout {
	__u32 cmd;   /* the request; 0: no layout */
	__u32 guard; /* what the struct's first u32 must be; 0: anything */
	__u16 size;  /* bytes of the struct */
	__u8 __pad[6];
	struct ioc_ptr_buf bufs[IOC_PTR_BUFS];
};
struct ioc_ptrs_head {
	__u32 size;		  /* bytes of the struct kept */
	__u32 len[IOC_PTR_BUFS]; /* bytes kept of each buffer of this end, | IOC_PTR_UNREAD */
	__u32 __pad[3];
};

/* CAPTURE_IOVEC and CAPTURE_MSGHDR blobs: how many elements were kept (their data cut
 * at the data limit), then per element its struct iovec and its data. */
#define IOV_KEPT 8
struct iov_head {
	__u32 count;  /* elements of the array (args[size_arg], or msg_iovlen) */
	__u32 kept;   /* elements that follow, at most IOV_KEPT */
	__u32 unread; /* 1: element kept could not be read (strace: "... /\* its address *\/") */
	__u32 __pad;
};
struct iov_item {
	__u64 base;
	__u64 len;
	__u32 kept;   /* bytes of data that follow */
	__u32 unread; /* 1: its data could not be read (strace shows iov_base's address) */
};

/* A CAPTURE_MSGHDR blob's control messages, between the name and the iovec: the bytes of
 * msg_control strace reads (msg_controllen, at most the kernel's net.core.optmem_max), 0 when
 * there are fewer than a struct cmsghdr or they cannot all be read, then the first kept of
 * them (at most CONTROL_KEPT: a cmsghdr and strace's 32 descriptors fit, twice over). */
#define CONTROL_KEPT 256
struct control_head {
	__u32 len;  /* bytes strace reads, 0: it shows the pointer */
	__u32 kept; /* bytes that follow */
};

/* execve's argv is captured as one blob of elements, each starting with its enum argv_tag:
 * a string (ARGV_STRING, or ARGV_STRING_CUT when it was cut at --data-limit bytes), then its
 * bytes and a NUL; ARGV_POINTER and the 8-byte pointer of an element whose string could not
 * be read; ARGV_UNREAD and the 8-byte address of the element that could not be read, which
 * ends the blob (strace's "... /\* address *\/"); ARGV_MORE, which ends the blob when the
 * array had more elements than were kept. The tag comes first so that no byte of a string
 * (which holds any but NUL) can be taken for the end of the array. An argv unreadable from
 * its start has no blob. Its envp is captured as the number of its pointers, a __u32, with
 * ENVP_UNTERMINATED when the array ran into unreadable memory before its NULL (strace's
 * "unterminated"; with a count of 0, strace shows the address only); for strace -v as
 * strings the same way, its number following as an ITEM_COUNT. */
enum argv_tag {
	ARGV_STRING = 1,
	ARGV_STRING_CUT = 2,
	ARGV_MORE = 3,
	ARGV_POINTER = 4,
	ARGV_UNREAD = 5,
};
#define ARGV_MARK_SIZE 9
#define ARGV_MAX 32	     /* elements kept of an argv, as strace shows */
#define ARGV_STRING_MAX 256 /* bytes kept of one argv string */
#define ENVP_MAX 1024	     /* pointers counted of an envp (a loop the verifier walks) */
#define ENVP_UNTERMINATED (1u << 31)

/* One buffer or struct to capture for a syscall: argument arg points to it. At most size
 * bytes are kept; a longer one is marked truncated. Decided in user space (capture_plan.cpp).
 * A multiplexer's argument means what its command says (fcntl's struct flock only with
 * F_SETLK and friends): a slot with cmds is read only when the command (the low 32 bits of
 * the argument call_plan.cmd_arg names, less call_plan.cmd_base << 12) is below 64 and its bit
 * in cmds is set. */
struct capture_slot {
	__u32 size;
	__u8 arg;
	__u8 flags; /* enum capture_flag; 0 = unused slot */
	__u8 size_arg;
	__u8 elem; /* CAPTURE_COUNT: bytes per element; CAPTURE_SIZE_ARG: ELEM_* */
	__u64 cmds; /* 0: always; else bit c: when the command is c */
};

/* Per syscall, what else a full record carries, decided in user space (decode.cpp). */
enum call_work {
	WORK_ENTRY = 1, /* the entry half has something to read: strings, buffers, fd paths */
	WORK_EXIT = 2,  /* the exit has something to read: buffers, the fds it made */
	WORK_EXEC = 4,  /* execve or execveat: argv and envp */
};
enum fd_ret {
	FD_RET_ALWAYS = 1, /* a return value >= 0 is an fd */
	FD_RET_DUPFD = 2,  /* when args[1] is F_DUPFD or F_DUPFD_CLOEXEC (fcntl) */
};
struct call_plan {
	__u8 work;    /* enum call_work */
	__u8 strings; /* bit i: args[i] is a string */
	__u8 fds;     /* bit i: args[i] is an fd: its path at entry (-y) */
	__u8 dirfds;  /* bit i: args[i] is a directory fd, AT_FDCWD the current directory (-y) */
	__u8 fd_ret;  /* enum fd_ret: the path of the fd it returns (-y) */
	__u8 fd_pair; /* 1 + the argument of the int[2] it fills with two fds (-y) */
	__u8 paths;   /* bit i: args[i] is a path; a relative one starts from args[i - 1] if
		       * that is in dirfds, else from the current directory (--absolute) */
	__u8 argv;    /* WORK_EXEC: bits 0-2 the argument of argv (envp is the next one), and
		       * ARGV_32BIT for an array of 32-bit pointers */
	__u8 fd_array; /* 1 + the argument of a pollfd array, its length the next one: the
			* paths of its first FD_ELEMS fds (-y) */
	__u8 fd_sets;  /* bit i: args[i] is an fd_set: the paths of its fds below 64 (-y) */
	__u8 blobs;    /* slots of capture_plan in use, from the first */
	__u8 cmd_arg;  /* 1 + the argument that is the command of capture_slot.cmds */
	__u8 cmd_base; /* the commands of cmds count from cmd_base << 12 (arch_prctl's 0x1000) */
};
#define ARGV_ARG_MASK 7
#define ARGV_32BIT 8

/*
 * One syscall. Fixed-width fields, largest first, no implicit padding: the same layout
 * is declared as a NumPy dtype (src/cpp/event.h checks sizes and offsets).
 */
struct event {
	__u64 ts_ns;       /* CLOCK_MONOTONIC at entry */
	__u64 args[6];     /* raw syscall arguments */
	__s64 ret;         /* return value (EVENT_HAS_RET) */
	__u64 duration_ns; /* entry to exit (EVENT_HAS_RET) */
	__u32 tgid;        /* process id, what ps calls the pid */
	__u32 tid;         /* thread id */
	__s32 nr;          /* syscall number of the native ABI */
	__u32 flags;       /* enum event_flag */
	char comm[TASK_COMM_LEN];
	__u64 cgroup_id;   /* the task's cgroup v2: its directory's inode; 0 = not known */
};

/*
 * The default log's record (compact_records): what a "tgid:nr:comm" line needs, a third of
 * struct event. User space tells the two apart by their size.
 */
struct log_event {
	__u32 tgid;
	__u32 tid;
	__s32 nr;
	__u32 flags; /* EVENT_COMPAT or 0 */
	char comm[TASK_COMM_LEN];
};

/*
 * Follows struct event in the ring when EVENT_HAS_STRINGS is set: count items, item 0's
 * len[0] bytes first, then item 1's... The record's size covers them all.
 */
struct string_tail {
	__u16 len[MAX_ITEMS]; /* bytes of each item */
	__u8 arg[MAX_ITEMS];  /* the syscall argument (0-5) each item is, or ITEM_ARG_* */
	__u8 kind[MAX_ITEMS]; /* enum item_kind */
	__u16 truncated;      /* STRING_TRUNCATED(i): item i was cut */
	__u16 at_exit;        /* bit i: blob i was read at exit (poll reads its array twice) */
	__u8 count;           /* items that follow, 0-MAX_ITEMS */
	__u8 __pad[3];
};

/* Per-syscall totals of summary mode (-c), one slot per syscall number in a per-CPU array. */
struct syscall_stats {
	__u64 calls;
	__u64 errors;   /* returned -4095..-1 */
	__u64 total_ns; /* wall time, entry to exit (strace -c -w) */
	__u64 max_ns;   /* the longest call's wall time */
	__u64 cpu_ns;   /* time on a CPU between entry and exit (strace -c's system time) */
	__u64 returned; /* calls that returned: those min_ns, min_cpu_ns and max_cpu_ns cover */
	__u64 min_ns;   /* the shortest returned call's wall time */
	__u64 min_cpu_ns; /* the least and the most CPU time of a returned call (strace -U) */
	__u64 max_cpu_ns;
};

/*
 * Latency histograms of -c --latency, one per syscall number: a call of d ns (wall time) is
 * counted in the bucket of d's highest set bit and the LATENCY_SUB_BITS bits below it, so
 * each power of two has 1 << LATENCY_SUB_BITS buckets (a quarter-octave: percentiles within
 * 19%). d < (1 << LATENCY_SUB_BITS) is its own bucket; from 2^LATENCY_POWERS ns (78 hours)
 * on, the last bucket.
 */
#define LATENCY_SUB_BITS 2
#define LATENCY_POWERS 48
#define LATENCY_BUCKETS (LATENCY_POWERS << LATENCY_SUB_BITS)

struct latency_hist {
	__u64 count[LATENCY_BUCKETS];
};

#endif /* OBSERVER_SYSCALLS_H */
