// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// What a record means: the strings and structs captured with it, and strace-style rendering
// of its arguments and return value (the syscall's row: syscall_facts.h).
// All functions are pure and thread-safe; formatting writes into caller-provided buffers with
// std::to_chars (no iostreams, no printf).
#pragma once

#include <cstdint>
#include <string_view>

#include "event.h"
#include "syscall_facts.h"
#include "text.h"

namespace observer {

// The items that follow an event with EVENT_HAS_STRINGS, as views into the record.
struct Strings {
  uint8_t count = 0;
  uint16_t truncated = 0;  // STRING_TRUNCATED(i)
  uint16_t at_exit = 0;    // bit i: blob i was read at the call's exit
  uint8_t arg[MAX_ITEMS] = {};
  uint8_t kind[MAX_ITEMS] = {};  // enum item_kind
  std::string_view value[MAX_ITEMS];

  // The string captured for argument arg, or nullptr.
  const std::string_view* find(unsigned arg, bool* truncated_out) const noexcept;
  // The buffer or struct captured for argument arg, or nullptr (the entry's, of two).
  const std::string_view* find_blob(unsigned arg, bool* truncated_out) const noexcept;
  // The one read at exit, for arguments read twice (poll), or nullptr.
  const std::string_view* find_exit_blob(unsigned arg) const noexcept;
  // The item of kind (ITEM_FD_PATH, ITEM_BASE) for arg (an argument or ITEM_ARG_*).
  const std::string_view* find_item(uint8_t kind, unsigned arg) const noexcept;
};

// Parses the tail of a record of size bytes; an inconsistent tail yields no strings.
Strings parse_strings(const void* record, uint32_t size) noexcept;

// True for the kernel's error returns, -4095..-1.
inline bool is_error(int64_t ret) noexcept { return ret < 0 && ret >= -4095; }
// "ENOENT" and "No such file or directory"; "" for an unknown errno.
std::string_view errno_symbol(int err) noexcept;
std::string_view errno_description(int err) noexcept;

// Longest output of format_call for one record: every captured byte may take 4 characters,
// and a base directory may be written before each of the strings.
inline constexpr size_t kMaxCallText = 4096 + 4 * ITEMS_SPACE + 4 * MAX_STRINGS * ITEM_MAX;

// The column strace aligns results at (its -a 40 default).
inline constexpr size_t kResultColumn = 40;

// Writes `name(arg, ...) = ret[ ERRNO (text)]` the way strace does; "= ?" if the syscall did
// not return; strace's `name(arg, <unfinished ...>) = ?` for one its thread never returned
// from, `<detached ...>` for one still running when tracing stopped, and `<... name
// resumed>) = ret` for one that began before tracing did. With fd paths captured (-y) an fd
// is followed by what it names, 3</etc/passwd>; with base directories (--absolute) a
// relative path is written from its directory. column is where out starts on its line
// (after the tid and time): " = " is padded so that '=' is at kResultColumn, as strace does
// for calls shorter than that. part kEntry writes a call's entry as strace does when other
// lines follow it, `name(arg, <unfinished ...>`, and kExit the rest, `<... name resumed>arg)
// = ret`: the two read together as the whole line. Needs kMaxCallText bytes at out. Returns
// the new end.
char* format_call(char* out, const Event& event, const Strings& strings,
                  size_t column = kResultColumn, CallPart part = CallPart::kWhole) noexcept;

// Sets how the strace format shows values (text::display()) on this thread while it lives,
// for one line: strace's -x, -X, -v, -e raw=, -e abbrev= and -e verbose=.
class DisplayScope {
 public:
  explicit DisplayScope(const text::Display& display) noexcept;
  ~DisplayScope();
  DisplayScope(const DisplayScope&) = delete;
  DisplayScope& operator=(const DisplayScope&) = delete;

 private:
  text::Display saved_;
};

// Appends a quoted C string with \n, \t, \", \\ and \xHH escapes, then "..." if truncated.
char* quote_string(char* out, std::string_view value, bool truncated) noexcept;

}  // namespace observer
