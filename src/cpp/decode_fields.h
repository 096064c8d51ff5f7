// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// A kernel struct as rows, one a field: its name, where it lies, and how strace writes its
// value; put_fields writes them all as strace's {name=value, ...}, the constants as -X asks
// (through put_flags, put_xval and put_enum). For decode*.cpp only; pure and thread-safe.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <type_traits>

#include "decode_printers.h"
#include "text.h"

namespace observer::fields {

struct Field;

// How a field's value is written.
struct Show {
  enum Kind : uint8_t {
    kDec,     // decimal, signed as the field's type is
    kInt,     // decimal of the field's low 32 bits as a C int (an fd in a __u32 or __s64)
    kHex,     // 0x1f, 0 as 0
    kAddr,    // NULL or hex
    kFlags,   // put_flags: A|B|0x40, zero as `zero`, none known: hex /* unknown */
    kXval,    // put_xval: the name, else hex /* unknown */
    kValue,   // value(out, v)
    kBytes,   // bytes(out, the field's bytes): arrays, names
    kNested,  // the struct the field is, by its own rows
  };
  Kind kind = kDec;
  std::span<const text::Flag> table{};
  std::string_view unknown{};
  std::string_view zero = "0";
  char* (*value)(char* out, uint64_t v) = nullptr;
  char* (*bytes)(char* out, std::string_view field) = nullptr;
  const Field* nested = nullptr;
  size_t nested_count = 0;
  bool zero_extend = false;  // a signed field's number as its unsigned type's
};

inline constexpr Show dec{};
inline constexpr Show as_int{Show::kInt};
inline constexpr Show hex{Show::kHex};
inline constexpr Show addr{Show::kAddr};
constexpr Show flags(std::span<const text::Flag> table, std::string_view unknown = {},
                     std::string_view zero = "0") {
  return {Show::kFlags, table, unknown, zero};
}
constexpr Show xval(std::span<const text::Flag> table, std::string_view unknown) {
  return {Show::kXval, table, unknown};
}
// flags() with zero written as the table's name of 0 where it has one (NUD_NONE), as
// strace's printflags_ex writes it.
constexpr Show printflags(std::span<const text::Flag> table, std::string_view unknown) {
  for (const text::Flag& f : table)
    if (f.value == 0) return flags(table, unknown, f.name);
  return flags(table, unknown);
}

// The printer Put of one integer (put_makedev(char*, uint64_t), put_ifindex(char*,
// uint32_t)), given the field's number converted to its argument's type as C converts it.
template <auto Put>
constexpr Show value() {
  Show s{Show::kValue};
  s.value = [](char* out, uint64_t v) { return Put(out, v); };
  return s;
}
constexpr Show bytes(char* (*put)(char*, std::string_view)) {
  Show s{Show::kBytes};
  s.bytes = put;
  return s;
}
// s of a signed field taken as its unsigned type, as a cast to it in C (a __s8's 0xff).
constexpr Show as_unsigned(Show s) {
  s.zero_extend = true;
  return s;
}
template <size_t N>
constexpr Show nested(const Field (&rows)[N]) {
  Show s{Show::kNested};
  s.nested = rows;
  s.nested_count = N;
  return s;
}

// When a field is written: always; only when one of its bytes is not zero (strace's
// reserved and padding fields); or only with -v, each run of such fields written "..."
// otherwise (strace's abbreviated structs, {tm_sec=1, ...}, {rax=0, ..., rsp=0, ...}).
enum class When : uint8_t { kAlways, kNonZero, kVerbose };

struct Field {
  std::string_view name;
  uint32_t offset;
  uint32_t size;
  bool is_signed;
  Show show = dec;
  When when = When::kAlways;
};

// The name, offset, size and signedness of member m of struct S, for a row:
// {OBS_FIELD(mtd_write_req, start), hex}; OBS_FIELD_AS names it otherwise.
#define OBS_FIELD_AS(name, S, m)                                               \
  name, static_cast<uint32_t>(offsetof(S, m)), static_cast<uint32_t>(sizeof(S::m)), \
      std::is_signed_v<std::remove_cvref_t<decltype(S::m)>>
#define OBS_FIELD(S, m) OBS_FIELD_AS(#m, S, m)

// The field at `at` as a number, sign-extended from its size when is_signed, as C converts
// it.
inline uint64_t field_bits(const char* at, uint32_t size, bool is_signed) noexcept {
  uint64_t v = 0;
  uint32_t n = size < sizeof(v) ? size : sizeof(v);
  std::memcpy(&v, at, n);  // little-endian, as the kernels we run on
  if (is_signed && n < sizeof(v)) {
    unsigned shift = 64 - 8 * n;
    v = static_cast<uint64_t>(static_cast<int64_t>(v << shift) >> shift);
  }
  return v;
}

char* put_fields_at(char* out, const char* base, std::span<const Field> rows) noexcept;

// One field's value.
inline char* put_field(char* out, const char* at, const Field& f) noexcept {
  const Show& s = f.show;
  if (s.kind == Show::kBytes) return s.bytes(out, std::string_view(at, f.size));
  if (s.kind == Show::kNested) return put_fields_at(out, at, {s.nested, s.nested_count});
  if (s.kind == Show::kInt)
    return text::put_num(out, static_cast<int64_t>(field_bits(at, f.size < 4 ? f.size : 4, true)));
  uint64_t v = field_bits(at, f.size, f.is_signed && !s.zero_extend);
  switch (s.kind) {
    case Show::kDec:
      return f.is_signed ? text::put_num(out, static_cast<int64_t>(v)) : text::put_num(out, v);
    case Show::kHex: return text::put_hex(out, v);
    case Show::kAddr: return text::put_addr(out, v);
    case Show::kFlags: return text::put_flags(out, v, s.table, s.zero, s.unknown);
    case Show::kXval: return put_xval(out, v, s.table, s.unknown);
    case Show::kValue: return s.value(out, v);
    default: return out;
  }
}

// name=value, ... of the struct at base, row by row, for a struct whose head is written
// otherwise.
inline char* put_field_list(char* out, const char* base, std::span<const Field> rows) noexcept {
  bool first = true, elided = false;
  for (const Field& f : rows) {
    const char* at = base + f.offset;
    if (f.when == When::kVerbose && text::display().abbrev) {
      if (!elided) out = text::put(out, first ? "..." : ", ...");
      first = false;
      elided = true;
      continue;
    }
    elided = false;
    if (f.when == When::kNonZero &&
        std::all_of(at, at + f.size, [](char c) { return c == 0; }))
      continue;
    out = text::put(text::put(first ? out : text::put(out, ", "), f.name), "=");
    out = put_field(out, at, f);
    first = false;
  }
  return out;
}

// {name=value, ...} of the struct at base.
inline char* put_fields_at(char* out, const char* base, std::span<const Field> rows) noexcept {
  *out++ = '{';
  out = put_field_list(out, base, rows);
  *out++ = '}';
  return out;
}

// The same of a struct S held in s.
template <class S>
char* put_fields(char* out, const S& s, std::span<const Field> rows) noexcept {
  return put_fields_at(out, reinterpret_cast<const char*>(&s), rows);
}

}  // namespace observer::fields
