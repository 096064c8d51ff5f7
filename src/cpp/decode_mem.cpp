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
      return put_flags(out, v, uapi::k_mmap_flags);
    case Arg::kMadvise:
      return put_enum(out, static_cast<int32_t>(v), uapi::k_madvise, "MADV_???");
    default:
      return nullptr;
  }
}

}  // namespace observer
