// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// strace's rendering of what the kernel side captures about files and I/O vectors: what an
// fd names (-y), relative paths made absolute (--absolute), iovec arrays (readv, writev),
// msghdrs (sendmsg, recvmsg) and pollfd arrays (poll). Pure and thread-safe; each function
// appends text at out and returns the new end.
#pragma once

#include <cstdint>
#include <string_view>

#include "decode.h"

namespace observer {

// The most an fd path's text takes: every byte of the item escaped, and the words around.
inline constexpr size_t kMaxFdPathText = 4 * ITEM_MAX + 64;

// The path an ITEM_FD_PATH or ITEM_BASE item names, as raw bytes: /etc/passwd, pipe:[123],
// socket:[456], anon_inode:[eventpoll]. Sets *deleted for an unlinked file. Writes nothing
// for a malformed item.
char* put_fd_path_bytes(char* out, std::string_view item, bool* deleted) noexcept;

// strace -y's suffix of an fd: <path> with strace's escapes, then "(deleted)" if unlinked.
char* put_fd_path(char* out, std::string_view item) noexcept;

// The fd path suffix for arg (an argument or ITEM_ARG_*) if one was captured.
char* put_fd_suffix(char* out, const Strings& items, unsigned arg) noexcept;

// A relative path argument from its directory (an ITEM_BASE item), as raw bytes: "." and
// ".." are resolved by name, as os.path.abspath does. Needs 2 * ITEM_MAX + 64 bytes. A base
// that is not a directory's path leaves the path as it is.
char* put_absolute_bytes(char* out, std::string_view base, std::string_view relative) noexcept;
// The same, quoted as strace quotes strings, "..." after it if it was cut.
char* put_absolute(char* out, std::string_view base, std::string_view relative,
                   bool truncated) noexcept;

// Whether format_call leaves argument type to put_io_arg (it needs the return value).
bool is_io_arg(Arg type) noexcept;

// Argument i of e of type (is_io_arg): iovecs, msghdrs, pollfds and fd pairs, from the
// captured bytes, or the pointer when there are none or the call failed.
char* put_io_arg(char* out, Arg type, const Event& e, const Strings& items, unsigned i) noexcept;

// What strace writes after a call's result for the arguments it filled: poll's
// " ([{fd=3, revents=POLLIN}])" or " (Timeout)". Nothing for other calls.
char* put_result_detail(char* out, const SyscallInfo& info, const Event& e,
                        const Strings& items) noexcept;

}  // namespace observer
