// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// What the kernel side captures of each syscall, decided in user space from the syscall's row
// (syscall_facts.h): the buffers and structs of its capture plan, and which strings, paths
// and fds it reads. Pure functions of the row and the options; thread-safe.
#pragma once

#include <cstdint>

#include "event.h"

namespace observer {

// The buffers and structs of nr to capture (capture_slot.flags 0 = unused); I/O data is cut
// at data_limit bytes. compat: nr is a 32-bit call's i386 number, and only structs whose
// 32-bit layout is known are planned. Returns how many slots it filled.
unsigned capture_plan(int nr, uint32_t data_limit, capture_slot (&slots)[MAX_BLOBS],
                      bool compat = false) noexcept;

// ELEM_IOC's plain-numbered requests (TCGETS): a request type's row + 1 in rows, and by row
// and number what is read when, as _IOC() puts it in a request's top 16 bits.
void ioctl_plain_plan(uint8_t (&rows)[256], uint16_t (&plain)[IOC_PLAIN_TYPES][256]) noexcept;

// What io_uring_register's argument points to, by opcode (ELEM_URING): the structs of
// linux/io_uring.h and the arrays they point to.
void uring_layouts(uring_layout (&layouts)[URING_OPS]) noexcept;

// What the structs of some ioctl requests point to (ELEM_IOC_PTRS): a TEE's parameters behind
// tee_ioctl_buf_data, SG_IO's command, data and sense buffers (scsi/sg.h's struct sg_io_hdr,
// linux/bsg.h's struct sg_io_v4).
void ioc_ptr_layouts(ioc_ptr_layout (&layouts)[IOC_PTR_LAYOUTS]) noexcept;

// Where the strings bpf's attr points to are, by command (ELEM_BPF_STRINGS): PROG_LOAD's
// license and log buffer, OBJ_PIN's and OBJ_GET's path, RAW_TRACEPOINT_OPEN's name.
void bpf_string_offsets(bpf_strings (&strings)[BPF_CMDS]) noexcept;

// What ptrace's requests read at entry ([0]) and fill at exit ([1]), by index
// (ELEM_PTRACE): siginfos, signal masks, PEEKSIGINFO's arguments and result, words peeked.
// The bytes of the regsets strace shows by NT_* type (x86_64's registers and FPU state).
void ptrace_reads(ptrace_read (&reads)[2][PTRACE_REQS],
                  uint16_t (&regsets)[PTRACE_REGSETS]) noexcept;

// What changes the kernel's work for a full record beyond the limits.
struct CaptureOptions {
  bool strings = false;   // path and name arguments
  bool blobs = false;     // buffers and structs (a data limit > 0)
  bool fd_paths = false;  // -y: what fd arguments and results name
  bool absolute = false;  // --absolute: where relative path arguments start
};
// The kernel's plan for nr (compat: its i386 number), given the plan's blobs.
call_plan plan_call(int nr, bool compat, const CaptureOptions& options,
                    const capture_slot (&slots)[MAX_BLOBS]) noexcept;

}  // namespace observer
