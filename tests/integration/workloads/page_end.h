// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// For the workloads: room for an object that ends where an unreadable page begins.
#pragma once
#include <stddef.h>
#include <sys/mman.h>
#include <unistd.h>

// A page followed by an unreadable one: an object placed at its end runs into the second.
static char *page_end(size_t size) {
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		_exit(1);
	munmap(p + 4096, 4096);
	return p + 4096 - size;
}
