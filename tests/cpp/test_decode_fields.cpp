// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Structs written from rows of fields, under each -X and with and without -v.
#include <cstdint>
#include <string>
#include <vector>

#include "check.h"
#include "decode.h"
#include "decode_fields.h"

using namespace observer;
using namespace observer::fields;

namespace {

struct Inner {
  uint16_t port;
  uint16_t pad;
};

struct Sample {
  int32_t fd;
  uint32_t as_fd;
  uint64_t start;
  uint64_t data;
  uint32_t mode;
  uint32_t flags;
  int16_t kind;
  uint8_t name[6];
  Inner inner;
  uint32_t reserved;
  uint32_t extra;
};

constexpr text::Flag kModes[] = {{0, "MODE_PLACE"}, {1, "MODE_RAW"}};
constexpr text::Flag kFlags[] = {{1, "F_ONE"}, {4, "F_FOUR"}};
constexpr text::Flag kKinds[] = {{~uint64_t{0}, "KIND_NONE"}, {2, "KIND_TWO"}};

char* put_twice(char* out, uint64_t v) { return text::put_num(out, 2 * v); }
char* put_name(char* out, std::string_view b) {
  return text::put(out, b.substr(0, b.find('\0')));
}

constexpr Field kInner[] = {{OBS_FIELD(Inner, port)}, {OBS_FIELD(Inner, pad), hex}};

constexpr Field kSample[] = {
    {OBS_FIELD(Sample, fd)},
    {OBS_FIELD(Sample, as_fd), as_int},
    {OBS_FIELD_AS("low", Sample, start), as_int},
    {OBS_FIELD_AS("byte", Sample, kind), as_unsigned(hex)},
    {OBS_FIELD(Sample, start), hex},
    {OBS_FIELD(Sample, data), addr},
    {OBS_FIELD(Sample, mode), xval(kModes, "MODE_???")},
    {OBS_FIELD(Sample, flags), flags(kFlags, "F_???")},
    {OBS_FIELD(Sample, kind), xval(kKinds, "KIND_???")},
    {OBS_FIELD(Sample, name), bytes(put_name)},
    {OBS_FIELD_AS("twice", Sample, as_fd), value<put_twice>()},
    {OBS_FIELD(Sample, inner), nested(kInner)},
    {OBS_FIELD(Sample, reserved), hex, When::kNonZero},
    {OBS_FIELD(Sample, extra), dec, When::kVerbose},
};

std::string text_of(const Sample& s, text::Xlat xlat = text::Xlat::kAbbrev,
                    bool abbrev = true) {
  text::Display d;
  d.xlat = xlat;
  d.abbrev = abbrev;
  DisplayScope scope(d);
  std::vector<char> out(1024);
  char* end = put_fields(out.data(), s, kSample);
  return std::string(out.data(), end);
}

void rows_write_each_field_as_strace_does() {
  Sample s{-1, UINT32_MAX, 0x1000, 0, 1, 5, -1, {'e', 't', 'h', '0', 0, 0},
           {80, 0}, 0, 7};
  CHECK_EQ(text_of(s),
           "{fd=-1, as_fd=-1, low=4096, byte=0xffff, start=0x1000, data=NULL, mode=MODE_RAW, "
           "flags=F_ONE|F_FOUR, kind=KIND_NONE, name=eth0, twice=8589934590, "
           "inner={port=80, pad=0}, ...}");
  CHECK_EQ(text_of(s, text::Xlat::kAbbrev, false),
           "{fd=-1, as_fd=-1, low=4096, byte=0xffff, start=0x1000, data=NULL, mode=MODE_RAW, "
           "flags=F_ONE|F_FOUR, kind=KIND_NONE, name=eth0, twice=8589934590, "
           "inner={port=80, pad=0}, extra=7}");
  // Unknown values, a reserved field that is not zero, flags none of which is known.
  s.mode = 9;
  s.flags = 0x10;
  s.kind = 3;
  s.reserved = 0x20;
  s.data = 0x7ffd0000;
  CHECK_EQ(text_of(s),
           "{fd=-1, as_fd=-1, low=4096, byte=0x3, start=0x1000, data=0x7ffd0000, "
           "mode=0x9 /* MODE_??? */, flags=0x10 /* F_??? */, kind=0x3 /* KIND_??? */, name=eth0, "
           "twice=8589934590, inner={port=80, pad=0}, reserved=0x20, ...}");
}

void constants_follow_x() {
  Sample s{3, 3, 0, 0, 0, 4, 2, {}, {}, 0, 0};
  CHECK_EQ(text_of(s, text::Xlat::kRaw),
           "{fd=3, as_fd=3, low=0, byte=0x2, start=0, data=NULL, mode=0, flags=0x4, kind=0x2, "
           "name=, twice=6, inner={port=0, pad=0}, ...}");
  CHECK_EQ(text_of(s, text::Xlat::kVerbose),
           "{fd=3, as_fd=3, low=0, byte=0x2, start=0, data=NULL, mode=0 /* MODE_PLACE */, "
           "flags=0x4 /* F_FOUR */, kind=0x2 /* KIND_TWO */, name=, twice=6, "
           "inner={port=0, pad=0}, ...}");
}

void fields_waiting_for_v_elided_a_run_at_a_time() {
  static constexpr Field kLate[] = {{OBS_FIELD(Inner, port), dec, When::kVerbose}};
  static constexpr Field kRuns[] = {{OBS_FIELD(Sample, fd), dec, When::kVerbose},
                                    {OBS_FIELD(Sample, as_fd), dec, When::kVerbose},
                                    {OBS_FIELD(Sample, start)},
                                    {OBS_FIELD(Sample, mode), dec, When::kVerbose},
                                    {OBS_FIELD(Sample, kind)}};
  Inner in{1, 0};
  Sample s{1, 2, 3, 0, 4, 0, 5, {}, {}, 0, 0};
  std::vector<char> out(128);
  CHECK_EQ(std::string(out.data(), put_fields(out.data(), in, kLate)), "{...}");
  CHECK_EQ(std::string(out.data(), put_fields(out.data(), s, kRuns)),
           "{..., start=3, ..., kind=5}");
}

void flags_by_their_zero_name_and_a_head_written_apart() {
  static constexpr text::Flag kStates[] = {{0, "NUD_NONE"}, {2, "NUD_REACHABLE"}};
  static constexpr Field kRows[] = {{OBS_FIELD(Inner, port), printflags(kStates, "NUD_???")},
                                    {OBS_FIELD(Inner, pad), printflags(kFlags, "F_???")}};
  Inner in{0, 0};
  std::vector<char> out(128);
  CHECK_EQ(std::string(out.data(), put_field_list(out.data(), reinterpret_cast<const char*>(&in),
                                                  kRows)),
           "port=NUD_NONE, pad=0");
  in = {2, 5};
  CHECK_EQ(std::string(out.data(), put_fields(out.data(), in, kRows)),
           "{port=NUD_REACHABLE, pad=F_ONE|F_FOUR}");
}

}  // namespace

int main() {
  rows_write_each_field_as_strace_does();
  constants_follow_x();
  fields_waiting_for_v_elided_a_run_at_a_time();
  flags_by_their_zero_name_and_a_head_written_apart();
  return check::report("decode_fields");
}
