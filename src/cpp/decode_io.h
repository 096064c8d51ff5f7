// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// strace's rendering of what the kernel side captures about files and I/O vectors: what an
// fd names (-y), relative paths made absolute (--absolute), iovec arrays (readv, writev),
// msghdrs (sendmsg, recvmsg) and pollfd arrays (poll). Pure and thread-safe; each function
// appends text at out and returns the new end.
#pragma once

#include <cstdint>
#include <cstring>
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

// One element of an iovec blob (struct iov_head, then iov_item and data per element kept).
struct IovecElement {
  uint64_t base = 0;
  uint64_t len = 0;
  uint64_t moved = 0;     // bytes the call moved through it: len, or what was left of ret
  std::string_view data;  // the bytes kept of it
  bool unread = false;    // its data could not be read: strace shows iov_base's address
};

// Calls element(k, element) for each element kept in an iovec blob, in order; ret is the
// bytes the call moved in all (readv), or -1 for every element whole (writev). Returns the
// elements the array had, or -1 for a malformed blob; *kept says how many were kept.
template <class F>
int64_t each_iovec(std::string_view bytes, int64_t ret, uint32_t* kept, F&& element) {
  iov_head head;
  if (bytes.size() < sizeof(head)) return -1;
  std::memcpy(&head, bytes.data(), sizeof(head));
  size_t at = sizeof(head);
  *kept = 0;
  for (uint32_t k = 0; k < head.kept; ++k) {
    iov_item item;
    if (bytes.size() - at < sizeof(item)) break;
    std::memcpy(&item, bytes.data() + at, sizeof(item));
    if (bytes.size() - at - sizeof(item) < item.kept) break;
    IovecElement e{item.base, item.len, item.len, bytes.substr(at + sizeof(item), item.kept),
                   item.unread != 0};
    at += sizeof(item) + item.kept;
    if (ret >= 0) {
      e.moved = item.len > static_cast<uint64_t>(ret) ? static_cast<uint64_t>(ret) : item.len;
      ret -= static_cast<int64_t>(e.moved);
      // No more than it moved, where more was kept (SG_IO's data, kept to its length, shown to
      // its length less the residue).
      if (e.data.size() > e.moved) e.data = e.data.substr(0, e.moved);
    }
    element(k, e);
    *kept = k + 1;
  }
  return head.count;
}

// Whether format_call leaves argument type to put_io_arg (it needs the return value).
bool is_io_arg(Arg type) noexcept;

// Argument i of e of type (is_io_arg): iovecs, msghdrs, pollfds and fd pairs, from the
// captured bytes, or the pointer when there are none or the call failed.
char* put_io_arg(char* out, Arg type, const Event& e, const Strings& items, unsigned i) noexcept;

// An iovec array at addr from its blob (struct iov_head, then iov_item and data per element
// kept, as the kernel side writes one), every element read: with_data, each element's data
// cut at the data limit, else their addresses (strace's iov_decode_str and iov_decode_addr).
// budget: the bytes shown in all (strace's tprint_iov_upto), -1 for all there are.
char* put_iovec_blob(char* out, std::string_view bytes, bool with_data, uint64_t addr,
                     int64_t budget = -1) noexcept;

// What strace writes after a call's result for the arguments it filled: poll's
// " ([{fd=3, revents=POLLIN}])" or " (Timeout)". Nothing for other calls.
char* put_result_detail(char* out, const SyscallInfo& info, const Event& e,
                        const Strings& items) noexcept;

}  // namespace observer
