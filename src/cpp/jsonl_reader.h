// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Reads observer's own JSON Lines (JsonSink's records, in the exact shape it writes them) into
// the columns of the record schema: one pass over the file in blocks, each field where the
// sink puts it, each string unescaped once. It knows only what the sink writes: the first line
// of any other shape (another writer's JSON, a line edited by hand or cut by a crash) stops it,
// and the caller reads the file with a general JSON parser instead (observer.frames).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "record_batch.h"

namespace observer {

// Variable-length values (text or bytes): Arrow's int32 offsets, the data, and which rows
// have a value (1) or are null (0).
struct JsonlValues {
  std::vector<int32_t> offsets{0};
  Buffer data;
  std::vector<uint8_t> valid;
};

// Dictionary codes (-1: null) into distinct texts, in first-seen order.
struct JsonlDictionary {
  std::vector<int32_t> codes;
  std::vector<std::string> texts;
};

struct JsonlColumns {
  bool recognised = true;  // false: some line is not the sink's; nothing else is filled
  uint64_t rows = 0;
  // Room for rows records in every column, so that none grows past what it needs.
  void reserve(size_t rows);
  std::vector<uint64_t> ts_ns;
  std::vector<int64_t> wall_ns;
  std::vector<uint32_t> tgid, tid;
  std::vector<int32_t> nr;
  std::vector<uint8_t> compat;
  std::vector<uint64_t> args[6];
  std::vector<int64_t> ret;
  std::vector<uint64_t> duration_ns, cgroup_id;
  std::vector<uint8_t> has_ret, has_duration, has_cgroup_id;
  // Text columns hold valid UTF-8 as is and every other byte as \xHH (append_text).
  JsonlDictionary host, comm, container_id, pod_uid, error, cgroup;
  JsonlValues path, path2, fd_path;  // text
  JsonlValues data, data2;           // bytes
  std::vector<int32_t> argv_offsets{0};
  JsonlValues argv;  // the argv lists' strings; argv_valid says which rows have a list
  std::vector<uint8_t> argv_valid;
  std::vector<uint8_t> truncated, has_items;
};

// The numbers of the syscalls whose buffer argument (arg) is an argv blob: execve's and
// execveat's, -1 where the table has none.
struct ArgvSyscalls {
  int32_t execve = -1, execveat = -1;
};

// Reads the jsonl file at path. Throws Error (op "read PATH") if it cannot be read.
JsonlColumns read_jsonl_columns(const std::string& path, ArgvSyscalls argv);

}  // namespace observer
