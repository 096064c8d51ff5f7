// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Records as Arrow batches, read back through the C Data Interface structs as a consumer
// would: the schema's formats and names, values, nulls, dictionaries, text escaping, the
// record tail's strings, argv and buffers, and releasing what a consumer moved out.
#include <cstring>
#include <string>
#include <vector>

#include "check.h"
#include "decode.h"
#include "record_batch.h"
#include "records.h"

using namespace observer;

namespace {

// A record stamped at 1000 ns.
Event event(uint32_t tgid, int nr, const char* comm) {
  Event e = check::event(tgid, nr, comm);
  e.ts_ns = 1000;
  e.flags = EVENT_HAS_TIME;
  return e;
}

// A record with a tail of items: (arg, bytes, is_blob).
struct Item {
  uint8_t arg;
  std::string bytes;
  bool blob;
  bool truncated = false;
};

std::vector<uint8_t> record(Event e, const std::vector<Item>& items) {
  e.flags |= EVENT_HAS_STRINGS;
  string_tail tail{};
  tail.count = static_cast<uint8_t>(items.size());
  std::vector<uint8_t> out(sizeof(Event) + sizeof(tail));
  for (size_t i = 0; i < items.size(); ++i) {
    tail.len[i] = static_cast<uint16_t>(items[i].bytes.size());
    tail.arg[i] = items[i].arg;
    tail.kind[i] = items[i].blob ? ITEM_BLOB : ITEM_STRING;
    if (items[i].truncated) tail.truncated |= static_cast<uint16_t>(STRING_TRUNCATED(i));
    out.insert(out.end(), items[i].bytes.begin(), items[i].bytes.end());
  }
  std::memcpy(out.data(), &e, sizeof(e));
  std::memcpy(out.data() + sizeof(e), &tail, sizeof(tail));
  return out;
}

int column(const ArrowSchema& schema, std::string_view name) {
  for (int64_t i = 0; i < schema.n_children; ++i)
    if (name == schema.children[i]->name) return static_cast<int>(i);
  return -1;
}

bool valid(const ArrowArray& a, int64_t row) {
  const auto* bits = static_cast<const uint8_t*>(a.buffers[0]);
  return !bits || (bits[row >> 3] >> (row & 7)) & 1;
}

template <class T>
T value(const ArrowArray& a, int64_t row) {
  return static_cast<const T*>(a.buffers[1])[row];
}

std::string text(const ArrowArray& a, int64_t row) {
  const auto* offsets = static_cast<const int32_t*>(a.buffers[1]);
  const auto* data = static_cast<const char*>(a.buffers[2]);
  return std::string(data + offsets[row], static_cast<size_t>(offsets[row + 1] - offsets[row]));
}

std::string label(const ArrowArray& a, int64_t row) {
  return text(*a.dictionary, value<int32_t>(a, row));
}

const ArrowArray& col(const ExportedBatch& b, std::string_view name) {
  return *b.array.children[column(b.schema, name)];
}

void the_schema_names_every_column_in_order() {
  RecordBatchBuilder builder(0);
  ExportedBatch b = builder.finish();
  CHECK_EQ(std::string(b.schema.format), "+s");
  std::vector<std::string> names = RecordBatchBuilder::names();
  CHECK_EQ(b.schema.n_children, static_cast<int64_t>(names.size()));
  CHECK_EQ(b.array.n_children, b.schema.n_children);
  for (size_t i = 0; i < names.size(); ++i)
    CHECK_EQ(std::string(b.schema.children[i]->name), names[i]);
  CHECK_EQ(std::string(b.schema.children[column(b.schema, "time")]->format), "tsn:");
  CHECK_EQ(std::string(b.schema.children[column(b.schema, "comm")]->format), "i");
  CHECK_EQ(std::string(b.schema.children[column(b.schema, "comm")]->dictionary->format), "u");
  CHECK_EQ(std::string(b.schema.children[column(b.schema, "argv")]->format), "+l");
  CHECK_EQ(std::string(b.schema.children[column(b.schema, "data")]->format), "z");
  // pid and nr are never null; the rest may be.
  CHECK_EQ(b.schema.children[column(b.schema, "pid")]->flags, int64_t{0});
  CHECK_EQ(b.schema.children[column(b.schema, "ret")]->flags, int64_t{ARROW_FLAG_NULLABLE});
  CHECK_EQ(b.array.length, int64_t{0});
}

void fixed_fields_nulls_and_dictionaries() {
  RecordBatchBuilder builder(5'000);
  Event open = event(10, 257, "sh");
  open.ret = -2;
  open.duration_ns = 7;
  open.args[1] = 0xdead;
  open.flags |= EVENT_HAS_RET;
  Event plain = event(11, 39, "sh");
  plain.flags = 0;  // no time, no return value
  Event other = event(12, 39, "caf\xc3\xa9\xff");
  CHECK(builder.append(&open, sizeof(open)));
  CHECK(builder.append(&plain, sizeof(plain)));
  CHECK(builder.append(&other, sizeof(other)));
  Event exit = event(12, 0, "x");
  exit.flags = EVENT_PROCESS_EXIT;
  CHECK(!builder.append(&exit, sizeof(exit)));
  ExportedBatch b = builder.finish();
  CHECK_EQ(b.array.length, int64_t{3});
  CHECK_EQ(value<int64_t>(col(b, "time"), 0), int64_t{6'000});
  CHECK(!valid(col(b, "time"), 1));
  CHECK_EQ(col(b, "ts_ns").null_count, int64_t{1});
  CHECK_EQ(value<uint32_t>(col(b, "pid"), 2), uint32_t{12});
  CHECK_EQ(value<uint32_t>(col(b, "tid"), 2), uint32_t{13});
  CHECK_EQ(label(col(b, "comm"), 0), "sh");
  CHECK_EQ(label(col(b, "comm"), 1), "sh");
  CHECK_EQ(label(col(b, "comm"), 2), "caf\xc3\xa9\\xff");
  CHECK_EQ(col(b, "comm").dictionary->length, int64_t{2});
  CHECK_EQ(label(col(b, "syscall"), 0), std::string(syscall_name(257)));
  CHECK_EQ(label(col(b, "syscall"), 2), std::string(syscall_name(39)));
  CHECK_EQ(col(b, "syscall").dictionary->length, int64_t{2});
  CHECK_EQ(value<int64_t>(col(b, "ret"), 0), int64_t{-2});
  CHECK(!valid(col(b, "ret"), 1));
  CHECK_EQ(label(col(b, "error"), 0), "ENOENT");
  CHECK_EQ(col(b, "error").null_count, int64_t{2});
  CHECK_EQ(value<uint64_t>(col(b, "duration_ns"), 0), uint64_t{7});
  CHECK_EQ(value<uint64_t>(col(b, "arg1"), 0), uint64_t{0xdead});
  // Without a tail, the captured columns are null.
  CHECK_EQ(col(b, "path").null_count, int64_t{3});
  CHECK_EQ(col(b, "truncated").null_count, int64_t{3});
  // The builder starts over with new dictionaries.
  CHECK(builder.append(&other, sizeof(other)));
  ExportedBatch next = builder.finish();
  CHECK_EQ(next.array.length, int64_t{1});
  CHECK_EQ(label(col(next, "comm"), 0), "caf\xc3\xa9\\xff");
}

void every_row_names_its_host() {
  RecordBatchBuilder builder(0, "node/../a\nb\xff");
  Event a = event(10, 39, "sh"), b = event(11, 39, "sh");
  CHECK(builder.append(&a, sizeof(a)));
  CHECK(builder.append(&b, sizeof(b)));
  ExportedBatch batch = builder.finish();
  CHECK_EQ(col(batch, "host").null_count, int64_t{0});
  CHECK_EQ(col(batch, "host").dictionary->length, int64_t{1});
  CHECK_EQ(label(col(batch, "host"), 1), "node/../a\nb\\xff");
  // No cgroup id: no path, container or pod.
  for (const char* name : {"cgroup", "container_id", "pod_uid"})
    CHECK_EQ(col(batch, name).null_count, int64_t{2});
  // No host given: null.
  RecordBatchBuilder nameless(0);
  CHECK(nameless.append(&a, sizeof(a)));
  ExportedBatch none = nameless.finish();
  CHECK_EQ(col(none, "host").null_count, int64_t{1});
  CHECK_EQ(col(none, "host").dictionary->length, int64_t{0});
}

void unknown_and_32_bit_syscalls() {
  RecordBatchBuilder builder(0);
  Event unknown = event(1, 1000, "x");
  Event compat = event(1, compat_syscall_number("getppid"), "x");
  compat.flags |= EVENT_COMPAT;
  builder.append(&unknown, sizeof(unknown));
  builder.append(&compat, sizeof(compat));
  ExportedBatch b = builder.finish();
  CHECK_EQ(label(col(b, "syscall"), 0), "1000");
  CHECK_EQ(label(col(b, "syscall"), 1), "getppid");
  CHECK_EQ(value<int32_t>(col(b, "nr"), 1), native_number_of_compat(compat.nr));
  const auto* bits = static_cast<const uint8_t*>(col(b, "compat").buffers[1]);
  CHECK_EQ(bits[0] & 3, 2);
}

void text_is_utf8_with_other_bytes_escaped() {
  auto convert = [](std::string_view in) {
    Buffer out;
    append_text(out, in);
    return std::string(reinterpret_cast<const char*>(out.data()), out.size());
  };
  CHECK_EQ(convert("/etc/passwd"), "/etc/passwd");
  CHECK_EQ(convert("caf\xc3\xa9"), "caf\xc3\xa9");
  CHECK_EQ(convert("\xff\xfe"), "\\xff\\xfe");
  CHECK_EQ(convert("\xe2\x82"), "\\xe2\\x82");         // cut sequence
  CHECK_EQ(convert("\xc0\xaf"), "\\xc0\\xaf");         // overlong '/'
  CHECK_EQ(convert("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // surrogate
  CHECK_EQ(convert("\xf0\x9f\x98\x80!"), "\xf0\x9f\x98\x80!");
  CHECK_EQ(convert(std::string_view("a\0b", 3)), std::string("a\0b", 3));
}

void the_tail_becomes_paths_argv_and_data() {
  RecordBatchBuilder builder(0);
  // renameat2-like: two strings; execve: a path and argv (one cut, more elements); a write.
  auto rename = record(event(1, 82, "mv"), {{0, "/a", false}, {1, "/b\xff", false, true}});
  std::string argv = std::string("\1ls") + '\0' + "\2-l" + '\0' + '\3';
  auto exec = record(event(1, 59, "sh"), {{0, "/bin/ls", false}, {1, argv, true}});
  auto write = record(event(1, 1, "sh"), {{1, std::string("hi\0\n", 4), true}});
  builder.append(rename.data(), static_cast<uint32_t>(rename.size()));
  builder.append(exec.data(), static_cast<uint32_t>(exec.size()));
  builder.append(write.data(), static_cast<uint32_t>(write.size()));
  ExportedBatch b = builder.finish();
  CHECK_EQ(text(col(b, "path"), 0), "/a");
  CHECK_EQ(text(col(b, "path2"), 0), "/b\\xff");
  CHECK_EQ(text(col(b, "path"), 1), "/bin/ls");
  CHECK(!valid(col(b, "path2"), 1));
  CHECK(!valid(col(b, "path"), 2));
  const ArrowArray& list = col(b, "argv");
  CHECK(!valid(list, 0) && valid(list, 1) && !valid(list, 2));
  const auto* offsets = static_cast<const int32_t*>(list.buffers[1]);
  CHECK_EQ(offsets[1], 0);
  CHECK_EQ(offsets[2], 2);
  CHECK_EQ(text(*list.children[0], 0), "ls");
  CHECK_EQ(text(*list.children[0], 1), "-l");
  CHECK(!valid(col(b, "data"), 1));  // argv is not data
  CHECK_EQ(text(col(b, "data"), 2), std::string("hi\0\n", 4));
  const auto* cut = static_cast<const uint8_t*>(col(b, "truncated").buffers[1]);
  CHECK_EQ(cut[0] & 7, 3);  // the rename's cut string, the exec's cut argv; not the write
}

// Columns keep only counts while every row is alike: the bits and offsets must come out right
// where rows change from null to valid and back, across byte boundaries, in any order.
void runs_of_nulls_and_values_keep_every_row() {
  RecordBatchBuilder builder(0);
  std::vector<bool> has_path;
  for (int i = 0; i < 40; ++i) has_path.push_back(i >= 11 && (i < 20 || i % 3 == 0));
  for (int i = 0; i < 40; ++i) {
    Event e = event(1, 39, "x");
    if (i % 7 == 3) e.flags = 0;  // untimed: time is null
    if (has_path[i]) {
      auto r = record(e, {{0, "/p" + std::to_string(i), false, i == 12}});
      builder.append(r.data(), static_cast<uint32_t>(r.size()));
    } else {
      builder.append(&e, sizeof(e));
    }
  }
  ExportedBatch b = builder.finish();
  const ArrowArray& path = col(b, "path");
  const ArrowArray& time = col(b, "time");
  const ArrowArray& cut = col(b, "truncated");
  int64_t nulls = 0, untimed = 0;
  bool rows_ok = true;
  for (int i = 0; i < 40; ++i) {
    nulls += !has_path[i];
    untimed += i % 7 == 3;
    rows_ok = rows_ok && valid(path, i) == has_path[i] && valid(time, i) == (i % 7 != 3) &&
              valid(cut, i) == has_path[i];
    if (has_path[i]) rows_ok = rows_ok && text(path, i) == "/p" + std::to_string(i);
    bool truncated = (static_cast<const uint8_t*>(cut.buffers[1])[i >> 3] >> (i & 7)) & 1;
    rows_ok = rows_ok && truncated == (i == 12);
  }
  CHECK(rows_ok);
  CHECK_EQ(path.null_count, nulls);
  CHECK_EQ(time.null_count, untimed);
  // A column that is null in every row has a bitmap of zeros and offsets of zeros.
  const ArrowArray& data = col(b, "data");
  CHECK_EQ(data.null_count, int64_t{40});
  const auto* offsets = static_cast<const int32_t*>(data.buffers[1]);
  bool zeros = true;
  for (int i = 0; i <= 40; ++i) zeros = zeros && offsets[i] == 0;
  CHECK(zeros);
  CHECK(!valid(data, 0) && !valid(data, 39));
  // A column valid in every row has no bitmap at all.
  CHECK(col(b, "pid").buffers[0] == nullptr);
}

void a_consumer_may_move_children_out() {
  RecordBatchBuilder builder(0);
  Event e = event(1, 39, "x");
  builder.append(&e, sizeof(e));
  ExportedBatch b = builder.finish();
  // Move the first column out as a consumer may, release it alone, then the rest.
  ArrowArray moved = *b.array.children[0];
  b.array.children[0]->release = nullptr;
  CHECK_EQ(moved.length, int64_t{1});
  moved.release(&moved);
  CHECK(moved.release == nullptr);
  b.array.release(&b.array);
  CHECK(b.array.release == nullptr);
}

void the_sink_seals_batches_and_counts_every_record() {
  RecordBatchSink sink(0);
  Event e = event(1, 39, "x");
  sink.write(e);
  Event exit = event(1, 0, "x");
  exit.flags = EVENT_PROCESS_EXIT;
  sink.write(exit);
  CHECK_EQ(sink.written(), uint64_t{2});
  std::vector<ExportedBatch> batches = sink.take();
  CHECK_EQ(batches.size(), size_t{1});
  CHECK_EQ(batches[0].array.length, int64_t{1});
  CHECK(sink.take().empty());
}

}  // namespace

int main() {
  the_schema_names_every_column_in_order();
  fixed_fields_nulls_and_dictionaries();
  every_row_names_its_host();
  unknown_and_32_bit_syscalls();
  text_is_utf8_with_other_bytes_escaped();
  the_tail_becomes_paths_argv_and_data();
  runs_of_nulls_and_values_keep_every_row();
  a_consumer_may_move_children_out();
  the_sink_seals_batches_and_counts_every_record();
  return check::report("record_batch");
}
