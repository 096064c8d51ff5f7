// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// siginfos of each layout and the ptrace requests that read structs: signals queued to this
// process while blocked and taken by rt_sigtimedwait (the siginfo it filled, the signal it
// returned), then ptrace's requests on a pid that is not there with the siginfos, masks,
// PEEKSIGINFO arguments and seccomp metadata they read, NULL, a bad pointer and a struct
// that runs into an unreadable page.
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/elf.h>
#include <linux/ptrace.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <time.h>
#include <unistd.h>

#include "page_end.h"

#define BAD ((void *)0xbadc0ded)
#define NOPID -1
#if defined(__x86_64__)
#define ARCH AUDIT_ARCH_X86_64
#else
#define ARCH AUDIT_ARCH_AARCH64
#endif

static siginfo_t info;

// A siginfo of signo and code whose union holds words from offset 16 on.
static siginfo_t *layout(int signo, int code, int err, const uint64_t *words, int n) {
	memset(&info, 0, sizeof(info));
	info.si_signo = signo;
	info.si_code = code;
	info.si_errno = err;
	memcpy((char *)&info + 16, words, n * sizeof(*words));
	return &info;
}

static void setsiginfo(int signo, int code, int err, uint64_t w0, uint64_t w1, uint64_t w2,
		       uint64_t w3) {
	uint64_t words[] = {w0, w1, w2, w3};
	syscall(SYS_ptrace, PTRACE_SETSIGINFO, NOPID, 0, layout(signo, code, err, words, 4));
}

int main(void) {
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	struct timespec none = {0, 0};

	// Queued to itself, blocked, then taken: what the call was given, what it filled.
	uint64_t value[] = {(uint64_t)getpid() | (uint64_t)getuid() << 32, 0xdeadbeefbadc0dedULL};
	syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, layout(SIGUSR1, SI_QUEUE, 0, value, 2));
	syscall(SYS_rt_sigtimedwait, &set, &info, &none, 8);
	syscall(SYS_rt_tgsigqueueinfo, getpid(), getpid(), SIGUSR2,
		layout(SIGUSR2, SI_QUEUE, ENOENT, value, 2));
	syscall(SYS_rt_sigtimedwait, &set, NULL, NULL, 8);
	// Nothing pending: EAGAIN; a size the kernel refuses: the set as its address.
	syscall(SYS_rt_sigtimedwait, &set, &info, &none, 8);
	syscall(SYS_rt_sigtimedwait, &set, &info, &none, 4);
	syscall(SYS_pidfd_send_signal, -1, SIGUSR1, layout(SIGUSR1, SI_QUEUE, 0, value, 2), 0);
	syscall(SYS_pidfd_send_signal, -1, SIGUSR1, BAD, 0);

	// Every layout strace knows, on a pid that is not there.
	setsiginfo(SIGSEGV, SEGV_MAPERR, 0, 0xfacefeeddeadbeefULL, 0, 0, 0);
	setsiginfo(SIGSEGV, SEGV_BNDERR, 0, 0x1000, 0, 0x2000, 0x3000);
	setsiginfo(SIGSEGV, SEGV_PKUERR, 0, 0x1000, 0, 7, 0);
	setsiginfo(SIGSEGV, 10, 0, 0x1000, 0, 0, 0);
	setsiginfo(SIGBUS, BUS_MCEERR_AR, 2, 0x1000, 0xdead, 0, 0);
	setsiginfo(SIGBUS, BUS_ADRALN, -2, 0, 0, 0, 0);
	setsiginfo(SIGILL, ILL_ILLOPC, 0, 0x1000, 0, 0, 0);
	setsiginfo(SIGFPE, FPE_INTDIV, 0, 0x1000, 0, 0, 0);
	setsiginfo(SIGTRAP, TRAP_BRKPT, 0, 0x1000, 0, 0, 0);
	setsiginfo(SIGTRAP, 7, 0, 0x1000, 0, 0, 0);
	setsiginfo(SIGCHLD, CLD_EXITED, 0, 42 | 7ULL << 32, 3, 10, 20);
	setsiginfo(SIGCHLD, CLD_KILLED, 0, 42, SIGKILL, 10, 20);
	setsiginfo(SIGIO, POLL_IN, 0, (uint64_t)-2, 23, 0, 0);
	setsiginfo(SIGIO, 0x77, 0, 1, 23, 0, 0);
	setsiginfo(SIGSYS, 1 /* SYS_SECCOMP */, 0, 0x1000, (uint64_t)ARCH << 32 | 0, 0, 0);
	setsiginfo(SIGSYS, 1 /* SYS_SECCOMP */, 1, 0, 0xda7a1057ULL << 32 | 5, 0, 0);
	setsiginfo(SIGSYS, 1 /* SYS_SECCOMP */, 0, 0, (uint64_t)ARCH << 32 | 0xffffffff, 0, 0);
	setsiginfo(SIGHUP, SI_TIMER, 2, 0xdeadbeef | (uint64_t)-1 << 32, 0xfacefeeddeadbeefULL,
		   0, 0);
	setsiginfo(SIGSEGV, SI_SIGIO, 0, (uint64_t)-1234567890, 23, 0, 0);
	setsiginfo(SIGUSR1, SI_USER, 0, 42, 0, 0, 0);
	setsiginfo(SIGUSR1, SI_QUEUE, 0, 42 | (uint64_t)-1 << 32, 0, 0, 0);
	setsiginfo(SIGPROF, 0xbadc0ded, -2, 0, 3, 0, 0);
	setsiginfo(SIGPROF, 0xbadc0ded, 0, 0, 0, 0, 0);
	setsiginfo(0, 0, 0, 0, 0, 0, 0);
	syscall(SYS_ptrace, PTRACE_SETSIGINFO, NOPID, 0, NULL);
	syscall(SYS_ptrace, PTRACE_SETSIGINFO, NOPID, 0, BAD);
	syscall(SYS_ptrace, PTRACE_SETSIGINFO, NOPID, 0, page_end(sizeof(siginfo_t) - 8));

	// A mask of the kernel's size, and of another; PEEKSIGINFO's arguments; a filter's
	// metadata with room for its flags, too little room, none.
	uint64_t mask = 1 << (SIGUSR1 - 1) | 1 << (SIGCHLD - 1);
	syscall(SYS_ptrace, PTRACE_SETSIGMASK, NOPID, 8, &mask);
	syscall(SYS_ptrace, PTRACE_SETSIGMASK, NOPID, 4, &mask);
	syscall(SYS_ptrace, PTRACE_SETSIGMASK, NOPID, 8, BAD);
	syscall(SYS_ptrace, PTRACE_GETSIGMASK, NOPID, 8, &mask);
	syscall(SYS_ptrace, PTRACE_GETSIGINFO, NOPID, 0, &info);
	struct ptrace_peeksiginfo_args psi = {0xdeadbeeffacefeedULL, PTRACE_PEEKSIGINFO_SHARED, 42};
	syscall(SYS_ptrace, PTRACE_PEEKSIGINFO, NOPID, &psi, &info);
	psi.flags = 6;
	syscall(SYS_ptrace, PTRACE_PEEKSIGINFO, NOPID, &psi, &info);
	syscall(SYS_ptrace, PTRACE_PEEKSIGINFO, NOPID, NULL, &info);
	syscall(SYS_ptrace, PTRACE_PEEKSIGINFO, NOPID, BAD, &info);
	struct seccomp_metadata md = {7, 0};
	syscall(SYS_ptrace, PTRACE_SECCOMP_GET_METADATA, NOPID, sizeof(md), &md);
	syscall(SYS_ptrace, PTRACE_SECCOMP_GET_METADATA, NOPID, 7, &md);
	syscall(SYS_ptrace, PTRACE_SECCOMP_GET_METADATA, NOPID, sizeof(md), NULL);
	syscall(SYS_ptrace, PTRACE_GET_SYSCALL_INFO, NOPID, 88, &info);

	// Regsets: the registers SETREGSET gives (all, some, a size that is not whole words),
	// GETREGSET's iovec, a type strace does not show, an unreadable iovec.
	struct user_regs_struct regs;
	memset(&regs, 0, sizeof(regs));
	regs.r15 = 0xfacefeed;
	regs.rip = 0x1000;
	struct iovec iov = {&regs, sizeof(regs)};
	syscall(SYS_ptrace, PTRACE_SETREGSET, NOPID, NT_PRSTATUS, &iov);
	iov.iov_len = 24;
	syscall(SYS_ptrace, PTRACE_SETREGSET, NOPID, NT_PRSTATUS, &iov);
	iov.iov_len = 12;
	syscall(SYS_ptrace, PTRACE_SETREGSET, NOPID, NT_PRSTATUS, &iov);
	syscall(SYS_ptrace, PTRACE_GETREGSET, NOPID, NT_PRSTATUS, &iov);
	syscall(SYS_ptrace, PTRACE_SETREGSET, NOPID, NT_PRPSINFO, &iov);
	syscall(SYS_ptrace, PTRACE_GETREGSET, NOPID, 0xbad, &iov);
	syscall(SYS_ptrace, PTRACE_GETREGSET, NOPID, NT_PRSTATUS, BAD);
	struct user_fpregs_struct fpregs;
	memset(&fpregs, 0, sizeof(fpregs));
	fpregs.cwd = 0x37f;
	fpregs.mxcsr = 0x1f80;
	iov = (struct iovec){&fpregs, sizeof(fpregs)};
	syscall(SYS_ptrace, PTRACE_SETREGSET, NOPID, NT_PRFPREG, &iov);
	iov.iov_len = 40;
	syscall(SYS_ptrace, PTRACE_SETREGSET, NOPID, NT_PRFPREG, &iov);
#if defined(__x86_64__)
	syscall(SYS_ptrace, PTRACE_SETREGS, NOPID, 0, &regs);
	syscall(SYS_ptrace, PTRACE_GETREGS, NOPID, 0, &regs);
	syscall(SYS_ptrace, PTRACE_SETFPREGS, NOPID, 0, &fpregs);
	syscall(SYS_ptrace, PTRACE_GETFPREGS, NOPID, 0, &fpregs);
#endif
	return 0;
}
