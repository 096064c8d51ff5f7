// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The small text writers the sinks and decoders share: append at out, return the new end,
// never allocate (std::to_chars, no iostreams or printf). The caller sizes the buffer.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace observer::text {

inline char* put(char* out, std::string_view s) noexcept {
  std::memcpy(out, s.data(), s.size());
  return out + s.size();
}

// Decimal of any integer type.
template <class T>
char* put_num(char* out, T v) noexcept {
  return std::to_chars(out, out + 24, v).ptr;
}

// 0x1f; 0 as "0", as strace writes it.
inline char* put_hex(char* out, uint64_t v) noexcept {
  if (v == 0) return put(out, "0");
  return std::to_chars(put(out, "0x"), out + 24, v, 16).ptr;
}

// A named constant or bit of a flag set.
struct Flag {
  uint64_t value;
  std::string_view name;
};

// A|B|0x40 for the known bits of v, in the table's order (composite values first where the
// table puts them first), and hex for the rest; zero as `zero`. With none of its bits known,
// v is hex followed by a comment naming the kind of flags, strace's `0x40 /* AT_??? */`,
// when `unknown` names it.
template <size_t N>
char* put_flags(char* out, uint64_t v, const Flag (&flags)[N], std::string_view zero = "0",
                std::string_view unknown = {}) {
  if (v == 0) return put(out, zero);
  bool first = true;
  for (const Flag& f : flags) {
    if (f.value && (v & f.value) == f.value) {
      if (!first) *out++ = '|';
      out = put(out, f.name);
      v &= ~f.value;
      first = false;
    }
  }
  if (v) {
    if (!first) *out++ = '|';
    out = put_hex(out, v);
    if (first && !unknown.empty()) out = put(put(put(out, " /* "), unknown), " */");
  }
  return out;
}

// The name of v; an unknown v in decimal or, when `unknown` names the kind of constant, as
// strace writes an unknown value of its tables: hex and a comment, `0x10 /* RLIMIT_??? */`
// (of the value's low 32 bits: the argument is a C int).
template <size_t N>
char* put_enum(char* out, int64_t v, const Flag (&values)[N], std::string_view unknown = {}) {
  for (const Flag& f : values)
    if (static_cast<int64_t>(f.value) == v) return put(out, f.name);
  if (unknown.empty()) return put_num(out, v);
  out = put_hex(out, static_cast<uint32_t>(v));
  return put(put(put(out, " /* "), unknown), " */");
}

// A constant by every name of its value, as strace writes ioctl commands ("BTRFS_IOC_CLONE or
// FICLONE"); an unknown one as the number in hex and a comment naming its kind.
template <size_t N>
char* put_named(char* out, int64_t v, const Flag (&values)[N], std::string_view unknown) {
  bool named = false;
  for (const Flag& f : values) {
    if (static_cast<int64_t>(f.value) != v) continue;
    out = put(named ? put(out, " or ") : out, f.name);
    named = true;
  }
  if (named) return out;
  return put(put(put(put_hex(out, static_cast<uint64_t>(v)), " /* "), unknown), " */");
}

}  // namespace observer::text
