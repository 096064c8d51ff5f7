// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
// The loops' clock: wall time and the CPU time of the whole process (all its threads, user
// and kernel), reported as "W ns/UNIT, C cpu-ns/UNIT". CPU time leaves out the time other
// programs had the CPU, which on a shared machine is most of the noise.
#include <stdio.h>
#include <time.h>

struct timing {
  struct timespec wall, cpu;
};

static inline void timing_start(struct timing* t) {
  clock_gettime(CLOCK_MONOTONIC, &t->wall);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t->cpu);
}

static inline double timing_since(const struct timespec* a, clockid_t clock) {
  struct timespec b;
  clock_gettime(clock, &b);
  return (b.tv_sec - a->tv_sec) * 1e9 + (b.tv_nsec - a->tv_nsec);
}

// Prints the time per operation of n operations since timing_start.
static inline void timing_report(const struct timing* t, long n, const char* unit) {
  double cpu = timing_since(&t->cpu, CLOCK_PROCESS_CPUTIME_ID);
  double wall = timing_since(&t->wall, CLOCK_MONOTONIC);
  fprintf(stderr, "%.1f ns/%s, %.1f cpu-ns/%s\n", wall / n, unit, cpu / n, unit);
}
