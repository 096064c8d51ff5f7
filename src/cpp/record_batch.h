// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Records as Apache Arrow record batches, built column by column from the ring records and
// handed over through the Arrow C Data Interface (arrow_c.h): no Arrow library is linked, and
// pyarrow, Polars or DuckDB import the columns without copying them.
//
// The batch's schema is observer's one record schema (src/observer/arrow.py SCHEMA, which a
// test compares with this one): fixed-width columns for the event's fields; the host, comm,
// the cgroup's path, container id and pod uid, syscall and error names dictionary-encoded; and, in full-record modes, the captured strings,
// execve's argv and the captured buffers as variable-length columns (null when a record
// carries none). Text columns hold valid UTF-8 as is and every other byte as \xHH, which
// is Python's "backslashreplace": a name that is not UTF-8 stays visible and distinct.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "arrow_c.h"
#include "cgroup_paths.h"
#include "decode.h"
#include "event.h"
#include "sink.h"

namespace observer {

// One record batch in the C Data Interface: a struct array of the schema's columns. A
// consumer takes both structs (moves them out and sets their release to null); whatever is
// not taken is released by the destructor. Move-only.
struct ExportedBatch {
  ArrowSchema schema{};
  ArrowArray array{};

  ExportedBatch() = default;
  ExportedBatch(ExportedBatch&& other) noexcept;
  ExportedBatch& operator=(ExportedBatch&&) = delete;
  ExportedBatch(const ExportedBatch&) = delete;
  ExportedBatch& operator=(const ExportedBatch&) = delete;
  ~ExportedBatch();
};

// A growable malloc'ed byte buffer whose memory can be handed to an exported array.
class Buffer {
 public:
  Buffer() = default;
  Buffer(Buffer&& other) noexcept;
  Buffer& operator=(Buffer&&) = delete;
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer();

  template <class T>
  void push(T value) {
    reserve(sizeof(T));
    __builtin_memcpy(data_ + size_, &value, sizeof(T));
    size_ += sizeof(T);
  }
  void append(const void* bytes, size_t n);
  // Room for n more bytes at end(); commit(k) keeps k of them.
  uint8_t* end(size_t n) {
    reserve(n);
    return data_ + size_;
  }
  void commit(size_t n) { size_ += n; }
  uint8_t* data() noexcept { return data_; }
  size_t size() const noexcept { return size_; }
  // The memory (at least one byte, free() it), leaving the buffer empty.
  void* release();
  // Room for more bytes without growing.
  void reserve(size_t more) {
    if (size_ + more > capacity_) grow(size_ + more);
  }

 private:
  void grow(size_t need);

  uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// Length of the valid UTF-8 sequence at p (1-4), or 0 if the byte at p does not start one
// (Python's decoder rules: no overlong forms, no surrogates, nothing above U+10FFFF).
size_t utf8_sequence(const uint8_t* p, const uint8_t* end) noexcept;

// Appends bytes as Arrow text: valid UTF-8 as is, every other byte as \xHH (lowercase).
void append_text(Buffer& out, std::string_view bytes);

// Builds one batch at a time. Not thread-safe.
class RecordBatchBuilder {
 public:
  // time = ts_ns + clock_offset_ns (CLOCK_REALTIME - CLOCK_MONOTONIC); host is every row's
  // host column ("": null).
  explicit RecordBatchBuilder(int64_t clock_offset_ns, std::string host = "");
  ~RecordBatchBuilder();
  RecordBatchBuilder(const RecordBatchBuilder&) = delete;
  RecordBatchBuilder& operator=(const RecordBatchBuilder&) = delete;

  // Appends the syscall record of size bytes (the event and its tail). Records that are not
  // syscalls (a process's exit, a signal) are not rows: returns false for them.
  bool append(const void* record, uint32_t size);
  size_t rows() const noexcept { return rows_; }
  // Bytes of variable-length data so far (the 32-bit offsets limit a batch to 2 GiB).
  size_t variable_bytes() const noexcept;
  // The rows so far as a batch; the builder starts a new one.
  ExportedBatch finish();

  // The column names, in schema order.
  static std::vector<std::string> names();

 private:
  struct Columns;
  void append_items(const Event& event, const Strings& strings);
  int32_t comm_index(const Event& event);
  // A cgroup's dictionary codes: its path, container id and pod uid (-1: null).
  struct CgroupCodes {
    int32_t path = -1, container = -1, pod = -1;
  };
  CgroupCodes cgroup_codes(uint64_t id);
  int32_t syscall_index(const Event& event, int32_t nr);
  int32_t error_index(int err);

  int64_t clock_offset_ns_;
  std::string host_;
  size_t rows_ = 0;
  Columns* columns_;
  // Dictionary codes of the current batch: comm by its bytes and its text, syscall by (compat, nr)
  // and by name (two numbers of one name share a code), errors by errno.
  std::unordered_map<std::string, int32_t> comms_;
  std::unordered_map<std::string, int32_t> comm_texts_;
  std::unordered_map<std::string, int32_t> syscall_names_;
  std::vector<int32_t> syscalls_;  // 2 * MAX_SYSCALLS slots, -1 = not seen
  std::vector<int32_t> errors_;    // 4096 slots, -1 = not seen
  std::string last_comm_;
  int32_t last_comm_index_ = -1;
  // cgroup, container_id and pod_uid: the codes by cgroup id and each column's by text.
  CgroupPaths cgroups_;
  std::unordered_map<uint64_t, CgroupCodes> cgroup_codes_;
  std::unordered_map<std::string, int32_t> cgroup_texts_;
  std::unordered_map<std::string, int32_t> container_texts_;
  std::unordered_map<std::string, int32_t> pod_texts_;
  uint64_t last_cgroup_id_ = 0;
  CgroupCodes last_cgroup_codes_;
};

// Collects records as Arrow batches for Python; a batch is sealed before its variable-length
// data reaches 1 GiB. Records that are not syscalls count as written but are not rows.
class RecordBatchSink : public Sink {
 public:
  explicit RecordBatchSink(int64_t clock_offset_ns, std::string host = "")
      : builder_(clock_offset_ns, std::move(host)) {}

  void write(const Event& event) override { write_record(&event, sizeof(event)); }
  void write_record(const void* data, uint32_t size) override;
  void flush() override {}
  // The batches collected since the last call (none if there were no rows).
  std::vector<ExportedBatch> take();

 private:
  RecordBatchBuilder builder_;
  std::vector<ExportedBatch> sealed_;
};

}  // namespace observer
