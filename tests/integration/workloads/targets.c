// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Process shapes for the targeting tests. Each process announces itself on stdout as
// "<role> <pid>" and makes a count of getppid (or, per thread, another rare syscall) that no
// other process of the run makes, so its records can be told apart in a log that carries only
// pid:nr:comm. "--wait" as the first argument makes the process read one byte from stdin
// before it starts, so a tracer can be attached to a running process first.
//
//   count N              N getppid, exit
//   exec N PATH ARG...   N getppid, then execv(PATH, ARG...)
//   tree                 parent 10 getppid; children c=1..3: 20+c; grandchild of c: 30+c
//   orphan N             fork a child that twice reads one byte from stdin and makes N
//                        getppid, then exits; the parent exits at once
//   threads MODE         4 threads; thread i reads a byte from stdin, then calls syscall i
//                        (getppid, getsid, getpgid, getpriority) 41+i times. MODE: join (the
//                        leader joins them, then exits), leader-first (the leader calls
//                        pthread_exit first), group-exit (thread 3 calls exit_group once
//                        the others are done, while they and the leader are blocked)
//   forkmany N           N children one after the other; child i makes i%5+1 getppid;
//                        prints "child <pid> <count>" for each
//   phases               the leader and 2 threads, 3 phases; each phase starts with a byte on
//                        stdin, then thread t (0 = leader) makes 100*phase+t getppid; prints
//                        "tids <t0> <t1> <t2>" first and "phase <p>" when all are done
//   clone-into DIR N     7 getppid; clone3 a child into the cgroup v2 directory DIR
//                        (CLONE_INTO_CGROUP), which makes N getppid; 7 more; prints
//                        "child <pid>"
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/sched.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void announce(const char *role) {
  char line[64];
  int n = snprintf(line, sizeof(line), "%s %d\n", role, getpid());
  if (write(1, line, n) != n) _exit(3);
}

static void gate(void) {
  char c;
  if (read(0, &c, 1) != 1) _exit(4);
}

static void getppids(long n) {
  for (long i = 0; i < n; i++) syscall(SYS_getppid);
}

static void tree(void) {
  announce("parent");
  getppids(10);
  for (int c = 1; c <= 3; c++) {
    if (fork() == 0) {
      char role[16];
      snprintf(role, sizeof(role), "child%d", c);
      announce(role);
      getppids(20 + c);
      if (fork() == 0) {
        snprintf(role, sizeof(role), "grandchild%d", c);
        announce(role);
        getppids(30 + c);
        _exit(0);
      }
      wait(NULL);
      _exit(0);
    }
  }
  while (wait(NULL) > 0) {
  }
}

static void orphan(long n) {
  announce("parent");
  if (fork() == 0) {
    announce("child");
    for (int round = 0; round < 2; round++) {
      gate();
      getppids(n);
    }
    _exit(0);
  }
}

static atomic_int done;

static void *thread_main(void *arg) {
  long i = (long)arg;
  gate();
  for (long k = 0; k < 41 + i; k++) {
    switch (i) {
      case 0: syscall(SYS_getppid); break;
      case 1: syscall(SYS_getsid, 0); break;
      case 2: syscall(SYS_getpgid, 0); break;
      default: syscall(SYS_getpriority, PRIO_PROCESS, 0); break;
    }
  }
  atomic_fetch_add(&done, 1);
  return NULL;
}

static void *group_exit_main(void *arg) {
  thread_main(arg);
  while (atomic_load(&done) < 4) usleep(1000);
  syscall(SYS_exit_group, 0);
  return NULL;
}

static void threads(const char *mode) {
  pthread_t t[4];
  int group_exit = strcmp(mode, "group-exit") == 0;
  for (long i = 0; i < 4; i++) {
    void *(*fn)(void *) = group_exit && i == 3 ? group_exit_main : thread_main;
    if (pthread_create(&t[i], NULL, fn, (void *)i) != 0) _exit(5);
  }
  announce("leader");
  if (strcmp(mode, "leader-first") == 0) pthread_exit(NULL);
  if (group_exit) {
    for (;;) pause();
  }
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
}

static void forkmany(long n) {
  for (long i = 0; i < n; i++) {
    pid_t pid = fork();
    if (pid < 0) _exit(6);
    if (pid == 0) {
      getppids(i % 5 + 1);
      _exit(0);
    }
    if (waitpid(pid, NULL, 0) != pid) _exit(7);
    printf("child %d %ld\n", pid, i % 5 + 1);
  }
}

static pthread_barrier_t phase_start, phase_end;
static atomic_int tids[3];

static void phase_calls(long t) {
  tids[t] = (int)syscall(SYS_gettid);
  for (long phase = 1; phase <= 3; phase++) {
    pthread_barrier_wait(&phase_start);
    getppids(100 * phase + t);
    pthread_barrier_wait(&phase_end);
  }
}

static void *phase_thread(void *arg) {
  phase_calls((long)arg);
  return NULL;
}

static void phases(void) {
  pthread_t t[2];
  pthread_barrier_init(&phase_start, NULL, 3);
  pthread_barrier_init(&phase_end, NULL, 3);
  tids[0] = (int)syscall(SYS_gettid);
  for (long i = 1; i <= 2; i++)
    if (pthread_create(&t[i - 1], NULL, phase_thread, (void *)i) != 0) _exit(5);
  while (!atomic_load(&tids[1]) || !atomic_load(&tids[2])) usleep(1000);
  printf("tids %d %d %d\n", tids[0], tids[1], tids[2]);
  fflush(stdout);
  for (long phase = 1; phase <= 3; phase++) {
    gate();
    pthread_barrier_wait(&phase_start);
    getppids(100 * phase);
    pthread_barrier_wait(&phase_end);
    printf("phase %ld\n", phase);
    fflush(stdout);
  }
  for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
}

static void clone_into(const char *dir, long n) {
  struct clone_args args;
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) _exit(8);
  memset(&args, 0, sizeof(args));
  args.flags = CLONE_INTO_CGROUP;
  args.exit_signal = SIGCHLD;
  args.cgroup = (unsigned)fd;
  getppids(7);
  long pid = syscall(SYS_clone3, &args, sizeof(args));
  if (pid < 0) _exit(9);
  if (pid == 0) {
    getppids(n);
    _exit(0);
  }
  if (waitpid((pid_t)pid, NULL, 0) != pid) _exit(7);
  getppids(7);
  printf("child %ld\n", pid);
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "--wait") == 0) {
    gate();
    argv++;
    argc--;
  }
  if (argc < 2) return 2;
  if (strcmp(argv[1], "count") == 0 && argc == 3) {
    getppids(atol(argv[2]));
  } else if (strcmp(argv[1], "exec") == 0 && argc >= 5) {
    getppids(atol(argv[2]));
    execv(argv[3], argv + 4);
    return 127;
  } else if (strcmp(argv[1], "tree") == 0) {
    tree();
  } else if (strcmp(argv[1], "orphan") == 0 && argc == 3) {
    orphan(atol(argv[2]));
  } else if (strcmp(argv[1], "threads") == 0 && argc == 3) {
    threads(argv[2]);
  } else if (strcmp(argv[1], "forkmany") == 0 && argc == 3) {
    forkmany(atol(argv[2]));
  } else if (strcmp(argv[1], "phases") == 0 && argc == 2) {
    phases();
  } else if (strcmp(argv[1], "clone-into") == 0 && argc == 4) {
    clone_into(argv[2], atol(argv[3]));
  } else {
    return 2;
  }
  return 0;
}
