// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The small text writers the sinks and decoders share: append at out, return the new end,
// never allocate (std::to_chars, no iostreams or printf). The caller sizes the buffer.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>

namespace observer::text {

// strace's -X: constants by name (abbrev, the default), as numbers (raw), or both, the number
// first and the names in a comment (verbose: `0x241 /* O_WRONLY|O_CREAT|O_TRUNC */`).
enum class Xlat : uint8_t { kAbbrev, kRaw, kVerbose };

// How the strace format shows values, beyond what a record holds: strace's -x, -X, -v, -e
// raw=, abbrev= and verbose=, and -s for data kept whole for -e read=/write=. Set for the
// length of one line by the sink that writes it (DisplayScope in decode.h); the printers read
// it through display(), so one printer serves every style.
struct Display {
  uint8_t hex_strings = 0;  // 0; 1 (-x): strings with a non-ASCII byte in \xHH; 2 (-xx): all
  Xlat xlat = Xlat::kAbbrev;
  bool abbrev = true;    // -e abbrev= (-v: none): structures in short, {st_mode=..., ...}
  bool verbose = true;   // -e verbose=: structures decoded at all (none: their address)
  bool raw = false;      // -e raw=: every argument and the result as a hex number
  uint32_t data_limit = 0;  // bytes shown of a data buffer captured longer (0: all)
};

// The display of the line being written (defaults outside a line). Thread-safe: per thread.
const Display& display() noexcept;

// Constants by name while it lives (decode.cpp): put_xlat's names, also where a printer of
// names calls another printer.
class NamesOnly {
 public:
  NamesOnly() noexcept;
  ~NamesOnly();
  NamesOnly(const NamesOnly&) = delete;
  NamesOnly& operator=(const NamesOnly&) = delete;

 private:
  Xlat saved_;
};

inline char* put(char* out, std::string_view s) noexcept {
  std::memcpy(out, s.data(), s.size());
  return out + s.size();
}

// Decimal of any integer type.
template <class T>
char* put_num(char* out, T v) noexcept {
  return std::to_chars(out, out + 24, v).ptr;
}

// Zero-padded decimal of width digits.
inline char* put_padded(char* out, uint64_t v, int width) noexcept {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return out + width;
}

// 0x1f; 0 as "0", as strace writes it.
inline char* put_hex(char* out, uint64_t v) noexcept {
  if (v == 0) return put(out, "0");
  return std::to_chars(put(out, "0x"), out + 24, v, 16).ptr;
}

// An address as strace's printaddr writes it: 0x7ffd..., or NULL.
inline char* put_addr(char* out, uint64_t v) noexcept {
  return v ? put_hex(out, v) : put(out, "NULL");
}

// A constant as -X asks: named(out) writes it by name, raw(out) as a number; with -X verbose
// the number and, when the names say more, the names in a comment. A name that already
// starts with the number (an unknown value's `0x40 /* AT_??? */`) is written alone.
template <class Raw, class Named>
char* put_xlat(char* out, Raw raw, Named named) {
  Xlat x = display().xlat;
  if (x == Xlat::kAbbrev) return named(out);
  char* end = raw(out);
  if (x == Xlat::kRaw) return end;
  std::string_view number(out, static_cast<size_t>(end - out));
  char* names = end + 4;
  char* names_end;
  {
    NamesOnly by_name;
    names_end = named(names);
  }
  std::string_view text(names, static_cast<size_t>(names_end - names));
  if (text == number) return end;
  if (text.substr(0, number.size()) == number) {
    std::memmove(out, names, text.size());
    return out + text.size();
  }
  std::memcpy(end, " /* ", 4);
  return put(names_end, " */");
}

// put_xlat of a number strace writes in decimal (signals, limits) or hex when raw.
template <class Named>
char* put_xlat_dec(char* out, int64_t v, Named named) {
  return put_xlat(out, [v](char* o) { return put_num(o, v); }, named);
}
template <class Named>
char* put_xlat_hex(char* out, uint64_t v, Named named) {
  return put_xlat(out, [v](char* o) { return put_hex(o, v); }, named);
}

// A named constant or bit of a flag set.
struct Flag {
  uint64_t value;
  std::string_view name;
};

// put_flags by name, whatever -X says.
inline char* put_flag_names(char* out, uint64_t v, std::span<const Flag> flags,
                            std::string_view zero, std::string_view unknown) {
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

// A|B|0x40 for the known bits of v, in the table's order (composite values first where the
// table puts them first), and hex for the rest; zero as `zero`. With none of its bits known,
// v is hex followed by a comment naming the kind of flags, strace's `0x40 /* AT_??? */`,
// when `unknown` names it.
inline char* put_flags(char* out, uint64_t v, std::span<const Flag> flags,
                       std::string_view zero = "0", std::string_view unknown = {}) {
  if (display().xlat != Xlat::kAbbrev)
    return put_xlat(out, [v](char* o) { return put_hex(o, v); },
                    [&](char* o) { return put_flag_names(o, v, flags, zero, unknown); });
  return put_flag_names(out, v, flags, zero, unknown);
}

// put_enum by name, whatever -X says.
inline char* put_enum_name(char* out, int64_t v, std::span<const Flag> values,
                           std::string_view unknown) {
  for (const Flag& f : values)
    if (static_cast<int64_t>(f.value) == v) return put(out, f.name);
  if (unknown.empty()) return put_num(out, v);
  out = put_hex(out, static_cast<uint32_t>(v));
  return put(put(put(out, " /* "), unknown), " */");
}

// The name of v; an unknown v in decimal or, when `unknown` names the kind of constant, as
// strace writes an unknown value of its tables: hex and a comment, `0x10 /* RLIMIT_??? */`
// (of the value's low 32 bits: the argument is a C int). With -X raw v is hex, as strace's
// printxval writes it.
inline char* put_enum(char* out, int64_t v, std::span<const Flag> values,
                      std::string_view unknown = {}) {
  if (display().xlat != Xlat::kAbbrev)
    return put_xlat(
        out,
        [&](char* o) {
          return unknown.empty() ? put_hex(o, static_cast<uint64_t>(v))
                                 : put_hex(o, static_cast<uint32_t>(v));
        },
        [&](char* o) { return put_enum_name(o, v, values, unknown); });
  return put_enum_name(out, v, values, unknown);
}

// put_named by name, whatever -X says.
inline char* put_all_names(char* out, int64_t v, std::span<const Flag> values,
                           std::string_view unknown) {
  bool named = false;
  for (const Flag& f : values) {
    if (static_cast<int64_t>(f.value) != v) continue;
    out = put(named ? put(out, " or ") : out, f.name);
    named = true;
  }
  if (named) return out;
  return put(put(put(put_hex(out, static_cast<uint64_t>(v)), " /* "), unknown), " */");
}

// A constant by every name of its value, as strace writes ioctl commands ("BTRFS_IOC_CLONE or
// FICLONE"); an unknown one as the number in hex and a comment naming its kind.
inline char* put_named(char* out, int64_t v, std::span<const Flag> values,
                       std::string_view unknown) {
  if (display().xlat != Xlat::kAbbrev)
    return put_xlat(out, [v](char* o) { return put_hex(o, static_cast<uint64_t>(v)); },
                    [&](char* o) { return put_all_names(o, v, values, unknown); });
  return put_all_names(out, v, values, unknown);
}

}  // namespace observer::text
