// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The constants of memory mappings: protections, mmap flags, madvise advice.
#include "decode_printers.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

using namespace text;

char* put_mem_arg(char* out, Arg type, uint64_t v) noexcept {
  switch (type) {
    case Arg::kProt:
      return put_flags(out, v, uapi::k_prot, "PROT_NONE", "PROT_???");
    case Arg::kMmapFlags:
      // The type of mapping first (MAP_FILE for none), then the flags, then a huge page
      // size: MAP_PRIVATE|MAP_HUGETLB|21<<MAP_HUGE_SHIFT.
      return put_xlat_hex(out, v, [v](char* o) {
        constexpr uint64_t kType = 0xf, kHuge = uint64_t{0x3f} << 26;  // MAP_TYPE, MAP_HUGE_*
        o = put_xval(o, v & kType, uapi::k_mmap_types, "MAP_???");
        if (uint64_t flags = v & ~(kType | kHuge))
          o = put_flags(put(o, "|"), flags, uapi::k_mmap_flags);
        if (uint64_t huge = (v & kHuge) >> 26)
          o = put(put_num(put(o, "|"), huge), "<<MAP_HUGE_SHIFT");
        return o;
      });
    case Arg::kMadvise:
      return put_enum(out, static_cast<int32_t>(v), uapi::k_madvise, "MADV_???");
    default:
      return nullptr;
  }
}

}  // namespace observer
