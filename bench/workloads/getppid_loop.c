// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
// Calls getppid() N times in all (argv[1], default 2,000,000), split over THREADS threads
// (argv[2], default 1), and prints the wall time per call (ns, all threads together) to stderr.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "timing.h"

static void* loop(void* arg) {
  long n = (long)arg;
  for (long i = 0; i < n; i++) syscall(SYS_getppid);
  return NULL;
}

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 2000000;
  long threads = argc > 2 ? atol(argv[2]) : 1;
  if (threads < 1 || threads > 64) {
    fprintf(stderr, "threads must be 1-64\n");
    return 2;
  }
  pthread_t ids[64];
  struct timing timer;
  timing_start(&timer);
  // Thread 0 is this one; the calls split evenly, the first threads take the remainder.
  for (long t = 1; t < threads; t++)
    if (pthread_create(&ids[t], NULL, loop, (void*)(n / threads + (t < n % threads)))) {
      fprintf(stderr, "pthread_create failed\n");
      return 1;
    }
  loop((void*)(n / threads + (n % threads > 0)));
  for (long t = 1; t < threads; t++) pthread_join(ids[t], NULL);
  timing_report(&timer, n, "call");
  return 0;
}
