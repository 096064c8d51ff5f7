// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "record_batch.h"

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

#include "argv_blob.h"
#include "decode_io.h"

namespace observer {

// Buffers -------------------------------------------------------------------------------

Buffer::Buffer(Buffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

Buffer::~Buffer() { std::free(data_); }

void Buffer::grow(size_t need) {
  size_t capacity = capacity_ ? capacity_ : 256;
  while (capacity < need) capacity *= 2;
  // malloc's 16-byte alignment is what the C Data Interface asks of buffers (8 at least).
  void* data = std::realloc(data_, capacity);
  if (!data) throw std::bad_alloc();
  data_ = static_cast<uint8_t*>(data);
  capacity_ = capacity;
}

void Buffer::append(const void* bytes, size_t n) {
  if (n == 0) return;
  reserve(n);
  std::memcpy(data_ + size_, bytes, n);
  size_ += n;
}

void* Buffer::release() {
  if (!data_) grow(1);  // consumers may not accept a null data buffer
  void* data = data_;
  data_ = nullptr;
  size_ = capacity_ = 0;
  return data;
}

size_t utf8_sequence(const uint8_t* p, const uint8_t* end) noexcept {
  uint8_t c = p[0];
  auto cont = [&](size_t i) { return p + i < end && (p[i] & 0xc0) == 0x80; };
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xe0 && p[1] < 0xa0) return 0;   // overlong
    if (c == 0xed && p[1] >= 0xa0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xf0 && p[1] < 0x90) return 0;   // overlong
    if (c == 0xf4 && p[1] >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

void append_text(Buffer& out, std::string_view bytes) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const uint8_t* end = p + bytes.size();
  const uint8_t* ascii = p;
  while (ascii < end && *ascii < 0x80) ++ascii;
  out.append(p, static_cast<size_t>(ascii - p));
  if (ascii == end) return;
  static constexpr char kHex[] = "0123456789abcdef";
  uint8_t* o = out.end(4 * static_cast<size_t>(end - ascii));
  uint8_t* start = o;
  for (p = ascii; p < end;) {
    size_t n = *p < 0x80 ? 1 : utf8_sequence(p, end);
    if (n) {
      std::memcpy(o, p, n);
      o += n;
      p += n;
    } else {
      *o++ = '\\';
      *o++ = 'x';
      *o++ = static_cast<uint8_t>(kHex[*p >> 4]);
      *o++ = static_cast<uint8_t>(kHex[*p & 0xf]);
      ++p;
    }
  }
  out.commit(static_cast<size_t>(o - start));
}

// Columns -------------------------------------------------------------------------------

namespace {

// A validity (or boolean) bitmap, least significant bit first. While every bit pushed has
// been the same, only the counts are kept, so that a column whose rows are all valid (or all
// null, or all false) costs no bitmap work per row; buffer() writes the bits out.
struct Bitmap {
  Buffer bytes;
  int64_t length = 0;
  int64_t unset = 0;
  bool written = false;  // bytes holds the bits

  void push(bool bit) {
    if (!written) {
      if (bit ? unset == 0 : unset == length) {
        unset += !bit;
        ++length;
        return;
      }
      write();
    }
    if ((length & 7) == 0) bytes.push<uint8_t>(0);
    if (bit)
      bytes.data()[length >> 3] |= static_cast<uint8_t>(1u << (length & 7));
    else
      ++unset;
    ++length;
  }
  // The bits, written out if they were only counted.
  Buffer& buffer() {
    if (!written) write();
    return bytes;
  }

 private:
  // Writes the length bits counted so far (all set or all unset), exactly: push() sets bits
  // into zeroed bytes and relies on the ones after length being 0.
  void write() {
    size_t n = static_cast<size_t>((length + 7) >> 3);
    uint8_t* p = bytes.end(n + 1);  // one more, so that data() is never null
    uint8_t fill = unset == 0 ? 0xff : 0x00;
    std::memset(p, fill, n);
    if ((length & 7) && fill) p[n - 1] = static_cast<uint8_t>((1u << (length & 7)) - 1);
    bytes.commit(n);
    written = true;
  }
};

template <class T>
struct Fixed {
  Buffer values;
  Bitmap valid;
  void push(T value, bool ok = true) {
    values.push(value);
    valid.push(ok);
  }
};

struct Bools {
  Bitmap values;
  Bitmap valid;
  void push(bool value, bool ok = true) {
    values.push(value && ok);
    valid.push(ok);
  }
};

// 32-bit offsets of a variable-length column. Rows before the first that has a value all
// start at 0 and are only counted, so that a column without values (paths when none are
// captured) costs no offset per row; buffer() writes them out.
struct Offsets {
  Buffer offsets;
  int64_t leading = 0;  // rows counted, not yet written
  bool started = false;

  Offsets() { offsets.push<int32_t>(0); }
  void push(int32_t end) {
    if (!started) {
      if (end == 0) {
        ++leading;
        return;
      }
      write();
    }
    offsets.push(end);
  }
  // Rows, and the count of values they hold (each row's end offset).
  int64_t rows() const { return leading + static_cast<int64_t>(offsets.size() / 4) - 1; }
  Buffer& buffer() {
    if (!started) write();
    return offsets;
  }

 private:
  void write() {
    size_t n = static_cast<size_t>(leading) * sizeof(int32_t);
    std::memset(offsets.end(n), 0, n);
    offsets.commit(n);
    leading = 0;
    started = true;
  }
};

// utf8 ("u") or binary ("z"): 32-bit offsets, then the bytes.
struct Bytes {
  Offsets offsets;
  Buffer data;
  Bitmap valid;
  void close(bool ok) {
    offsets.push(static_cast<int32_t>(data.size()));
    valid.push(ok);
  }
  void push(std::string_view value) {
    data.append(value.data(), value.size());
    close(true);
  }
  void push_text(std::string_view value) {
    append_text(data, value);
    close(true);
  }
  void push_null() { close(false); }
  int64_t rows() const { return offsets.rows(); }
};

struct Dictionary {
  Buffer indices;
  Bitmap valid;
  Bytes values;
  void push(int32_t index) {
    indices.push(index);
    valid.push(index >= 0);
  }
};

struct TextList {
  Offsets offsets;
  Bitmap valid;
  Bytes items;
  int32_t count = 0;
  void close(bool ok) {
    offsets.push(count);
    valid.push(ok);
  }
};

// Exported memory: what an ArrowArray's private_data owns.
struct ArrayNode {
  std::vector<void*> memory;
  std::vector<const void*> buffers;
  std::vector<ArrowArray*> children;
  ArrowArray* dictionary = nullptr;
};

// Releases what a node owns: its children and dictionary (a consumer may have moved one
// out, leaving its release null: then only the struct is freed), then the node.
template <class T, class Node>
void release_node(T* exported) {
  auto* node = static_cast<Node*>(exported->private_data);
  for (T* child : node->children) {
    if (child->release) child->release(child);
    delete child;
  }
  if (node->dictionary) {
    if (node->dictionary->release) node->dictionary->release(node->dictionary);
    delete node->dictionary;
  }
  if constexpr (std::is_same_v<T, ArrowArray>)
    for (void* memory : node->memory) std::free(memory);
  delete node;
  exported->release = nullptr;
}

// Fills out with length rows over the given buffers (a null validity bitmap when no row is
// null); takes ownership of the buffers' memory.
void export_array(ArrowArray* out, int64_t length, Bitmap* valid, std::vector<Buffer*> buffers,
                  std::vector<ArrowArray*> children = {}, ArrowArray* dictionary = nullptr) {
  auto* node = new ArrayNode;
  int64_t nulls = 0;
  if (valid && valid->unset) {
    nulls = valid->unset;
    node->memory.push_back(valid->buffer().release());
    node->buffers.push_back(node->memory.back());
  } else {
    node->buffers.push_back(nullptr);
  }
  for (Buffer* buffer : buffers) {
    node->memory.push_back(buffer->release());
    node->buffers.push_back(node->memory.back());
  }
  node->children = std::move(children);
  node->dictionary = dictionary;
  *out = ArrowArray{};
  out->length = length;
  out->null_count = nulls;
  out->n_buffers = static_cast<int64_t>(node->buffers.size());
  out->buffers = node->buffers.data();
  out->n_children = static_cast<int64_t>(node->children.size());
  out->children = node->children.data();
  out->dictionary = dictionary;
  out->release = release_node<ArrowArray, ArrayNode>;
  out->private_data = node;
}

void export_bytes(ArrowArray* out, int64_t length, Bytes& b) {
  export_array(out, length, &b.valid, {&b.offsets.buffer(), &b.data});
}

// What an ArrowSchema's private_data owns.
struct SchemaNode {
  std::string format;
  std::string name;
  std::vector<ArrowSchema*> children;
  ArrowSchema* dictionary = nullptr;
};

ArrowSchema* export_schema(ArrowSchema* out, std::string format, std::string name,
                           bool nullable, std::vector<ArrowSchema*> children = {},
                           ArrowSchema* dictionary = nullptr) {
  auto* node = new SchemaNode{std::move(format), std::move(name), std::move(children), dictionary};
  *out = ArrowSchema{};
  out->format = node->format.c_str();
  out->name = node->name.c_str();
  out->flags = nullable ? ARROW_FLAG_NULLABLE : 0;
  out->n_children = static_cast<int64_t>(node->children.size());
  out->children = node->children.data();
  out->dictionary = dictionary;
  out->release = release_node<ArrowSchema, SchemaNode>;
  out->private_data = node;
  return out;
}

ArrowSchema* new_schema(std::string format, std::string name, bool nullable,
                        std::vector<ArrowSchema*> children = {},
                        ArrowSchema* dictionary = nullptr) {
  return export_schema(new ArrowSchema, std::move(format), std::move(name), nullable,
                       std::move(children), dictionary);
}

constexpr int kArgs = 6;

// The dictionary code of bytes as Arrow text, added to values if new. Two byte strings can
// escape to one text (byte 0xff and the four characters \xff): one code.
int32_t text_code(std::unordered_map<std::string, int32_t>& codes, Dictionary& column,
                  std::string_view bytes) {
  Buffer text;
  append_text(text, bytes);
  std::string key(reinterpret_cast<const char*>(text.data()), text.size());
  auto [it, added] = codes.try_emplace(key, static_cast<int32_t>(codes.size()));
  if (added) column.values.push(key);
  return it->second;
}

}  // namespace

// The schema's columns, in order. The Arrow types are in export below; the names and order
// are src/observer/arrow.py's SCHEMA.
struct RecordBatchBuilder::Columns {
  Fixed<int64_t> time;  // timestamp[ns], wall clock
  Fixed<uint64_t> ts_ns;
  Dictionary host;
  Fixed<uint32_t> pid;
  Fixed<uint32_t> tid;
  Dictionary comm;
  Fixed<uint64_t> cgroup_id;
  Dictionary cgroup;
  Dictionary container_id;
  Dictionary pod_uid;
  Fixed<int32_t> nr;
  Dictionary syscall;
  Bools compat;
  Fixed<int64_t> ret;
  Dictionary error;
  Fixed<uint64_t> duration_ns;
  Fixed<uint64_t> args[kArgs];
  Bytes path;
  Bytes path2;
  Bytes fd_path;
  TextList argv;
  Bytes data;
  Bytes data2;
  Bools truncated;

  // Room for rows more rows in the columns every row writes to, so that they do not grow
  // (and copy) step by step.
  void reserve(size_t rows) {
    for (Buffer* b :
         {&time.values, &ts_ns.values, &cgroup_id.values, &ret.values, &duration_ns.values})
      b->reserve(rows * 8);
    for (Buffer* b : {&host.indices, &pid.values, &tid.values, &nr.values, &comm.indices,
                      &cgroup.indices, &container_id.indices, &pod_uid.indices,
                      &syscall.indices, &error.indices})
      b->reserve(rows * 4);
    for (auto& arg : args) arg.values.reserve(rows * 8);
  }
};

std::vector<std::string> RecordBatchBuilder::names() {
  std::vector<std::string> names = {
      "time", "ts_ns", "host", "pid", "tid", "comm", "cgroup_id", "cgroup", "container_id",
      "pod_uid", "nr", "syscall", "compat", "ret", "error", "duration_ns"};
  for (int i = 0; i < kArgs; ++i) names.push_back("arg" + std::to_string(i));
  for (const char* name : {"path", "path2", "fd_path", "argv", "data", "data2", "truncated"})
    names.push_back(name);
  return names;
}

RecordBatchBuilder::RecordBatchBuilder(int64_t clock_offset_ns, std::string host)
    : clock_offset_ns_(clock_offset_ns),
      host_(std::move(host)),
      columns_(new Columns),
      syscalls_(2 * MAX_SYSCALLS, -1),
      errors_(4096, -1) {}

RecordBatchBuilder::~RecordBatchBuilder() { delete columns_; }

size_t RecordBatchBuilder::variable_bytes() const noexcept {
  const Columns& c = *columns_;
  return c.path.data.size() + c.path2.data.size() + c.fd_path.data.size() +
         c.argv.items.data.size() +
         c.data.data.size() + c.data2.data.size();
}

int32_t RecordBatchBuilder::comm_index(const Event& e) {
  std::string_view comm(e.comm, strnlen(e.comm, TASK_COMM_LEN));
  // Consecutive records mostly come from one process: skip the hash for a repeat.
  if (last_comm_index_ >= 0 && comm == last_comm_) return last_comm_index_;
  auto found = comms_.find(std::string(comm));
  int32_t index;
  if (found != comms_.end()) {
    index = found->second;
  } else {
    index = text_code(comm_texts_, columns_->comm, comm);
    comms_.emplace(std::string(comm), index);
  }
  last_comm_ = comm;
  last_comm_index_ = index;
  return index;
}

RecordBatchBuilder::CgroupCodes RecordBatchBuilder::cgroup_codes(uint64_t id) {
  if (id == last_cgroup_id_) return last_cgroup_codes_;
  auto found = cgroup_codes_.find(id);
  if (found == cgroup_codes_.end()) {
    CgroupCodes codes;
    if (const std::string* path = cgroups_.find(id)) {
      // A path may come back under a new id: codes by text.
      codes.path = text_code(cgroup_texts_, columns_->cgroup, *path);
      CgroupOrigin origin = cgroup_origin(*path);
      if (!origin.container_id.empty())
        codes.container = text_code(container_texts_, columns_->container_id,
                                    origin.container_id);
      if (!origin.pod_uid.empty())
        codes.pod = text_code(pod_texts_, columns_->pod_uid, origin.pod_uid);
    }
    found = cgroup_codes_.emplace(id, codes).first;
  }
  last_cgroup_id_ = id;
  last_cgroup_codes_ = found->second;
  return last_cgroup_codes_;
}

int32_t RecordBatchBuilder::syscall_index(const Event& e, int32_t nr) {
  bool compat = e.flags & EVENT_COMPAT;
  bool slotted = e.nr >= 0 && e.nr < MAX_SYSCALLS;
  size_t slot = static_cast<size_t>(compat) * MAX_SYSCALLS + static_cast<size_t>(e.nr);
  if (slotted && syscalls_[slot] >= 0) return syscalls_[slot];
  std::string_view known = compat ? compat_syscall_name(e.nr) : syscall_name(e.nr);
  char digits[16];
  std::string name = known.empty()
                         ? std::string(digits, std::to_chars(digits, digits + 16, nr).ptr)
                         : std::string(known);
  auto [it, added] =
      syscall_names_.try_emplace(name, static_cast<int32_t>(syscall_names_.size()));
  if (added) columns_->syscall.values.push(name);
  if (slotted) syscalls_[slot] = it->second;
  return it->second;
}

int32_t RecordBatchBuilder::error_index(int err) {
  if (err <= 0 || err >= static_cast<int>(errors_.size())) return -1;
  if (errors_[err] >= 0) return errors_[err];
  std::string_view symbol = errno_symbol(err);
  if (symbol.empty()) return -1;
  auto index = static_cast<int32_t>(columns_->error.values.rows());
  columns_->error.values.push(symbol);
  errors_[err] = index;
  return index;
}

bool RecordBatchBuilder::append(const void* record, uint32_t size) {
  const Event& e = *static_cast<const Event*>(record);
  if (e.flags & (EVENT_PROCESS_EXIT | EVENT_SIGNAL)) return false;
  Columns& c = *columns_;
  bool timed = e.flags & EVENT_HAS_TIME;
  bool has_ret = e.flags & EVENT_HAS_RET;
  bool compat = e.flags & EVENT_COMPAT;
  // One numbering, as the log writes it: a 32-bit call by the native number of its syscall.
  int32_t nr = compat ? native_number_of_compat(e.nr) : e.nr;
  c.time.push(static_cast<int64_t>(e.ts_ns) + clock_offset_ns_, timed);
  c.ts_ns.push(e.ts_ns, timed);
  c.host.push(host_.empty() ? -1 : 0);
  c.pid.push(e.tgid);
  c.tid.push(e.tid);
  c.comm.push(comm_index(e));
  c.cgroup_id.push(e.cgroup_id, e.cgroup_id != 0);
  CgroupCodes origin = e.cgroup_id ? cgroup_codes(e.cgroup_id) : CgroupCodes{};
  c.cgroup.push(origin.path);
  c.container_id.push(origin.container);
  c.pod_uid.push(origin.pod);
  c.nr.push(nr);
  c.syscall.push(syscall_index(e, nr));
  c.compat.push(compat);
  c.ret.push(e.ret, has_ret);
  c.error.push(has_ret && is_error(e.ret) ? error_index(static_cast<int>(-e.ret)) : -1);
  c.duration_ns.push(e.duration_ns, has_ret);
  for (int i = 0; i < kArgs; ++i) c.args[i].push(e.args[i]);
  append_items(e, parse_strings(record, size));
  ++rows_;
  return true;
}

// The one place where the items of a record's tail become columns: strings in argument
// order as path and path2, what an fd names (-y: the one the call returned, else its lowest
// fd argument) as fd_path, execve's argv as a list, other buffers and structs as data and
// data2 (their raw bytes), and whether any item was cut at its limit.
void RecordBatchBuilder::append_items(const Event& e, const Strings& s) {
  Columns& c = *columns_;
  const SyscallInfo* info =
      (e.flags & EVENT_COMPAT) ? compat_syscall_info(e.nr) : syscall_info(e.nr);
  std::string_view strings[2], blobs[2];
  const std::string_view* fd_path = nullptr;
  unsigned nstrings = 0, nblobs = 0, fd_owner = 0;
  bool argv = false;
  // The kernel marks an argv whose strings or elements were cut in the blob itself.
  bool cut = s.truncated != 0;
  for (unsigned i = 0; i < s.count; ++i) {
    if (s.kind[i] == ITEM_STRING) {
      if (nstrings < 2) strings[nstrings++] = s.value[i];
      continue;
    }
    // The fd returned first (open, socket, dup: what the call made), else the lowest argument.
    unsigned owner = s.arg[i] == ITEM_ARG_RET ? 0 : s.arg[i] + 1u;
    if (s.kind[i] == ITEM_FD_PATH && s.arg[i] <= ITEM_ARG_RET && (!fd_path || owner < fd_owner)) {
      fd_path = &s.value[i];
      fd_owner = owner;
    }
    if (s.kind[i] != ITEM_BLOB) continue;  // base directories (--absolute): not a column
    if (info && s.arg[i] < info->nargs && info->args[s.arg[i]] == Arg::kArgv) {
      // A string that could not be read is not in the column; elements not kept, or
      // unreadable, make it cut.
      std::string_view bytes = s.value[i];
      ArgvElement e;
      while (next_argv_element(bytes, e)) {
        if (e.tag == ARGV_STRING || e.tag == ARGV_STRING_CUT) {
          c.argv.items.push_text(e.text);
          ++c.argv.count;
        }
        cut |= e.tag != ARGV_STRING;
      }
      argv = true;
      continue;
    }
    if (nblobs < 2) blobs[nblobs++] = s.value[i];
  }
  Bytes* text[2] = {&c.path, &c.path2};
  for (unsigned i = 0; i < 2; ++i) {
    if (i < nstrings)
      text[i]->push_text(strings[i]);
    else
      text[i]->push_null();
  }
  if (fd_path) {
    char text[kMaxFdPathText];
    bool deleted = false;
    char* end = put_fd_path_bytes(text, *fd_path, &deleted);
    c.fd_path.push_text(std::string_view(text, static_cast<size_t>(end - text)));
  } else {
    c.fd_path.push_null();
  }
  Bytes* data[2] = {&c.data, &c.data2};
  for (unsigned i = 0; i < 2; ++i) {
    if (i < nblobs)
      data[i]->push(blobs[i]);
    else
      data[i]->push_null();
  }
  c.argv.close(argv);
  c.truncated.push(cut, s.count > 0);
}

ExportedBatch RecordBatchBuilder::finish() {
  Columns& c = *columns_;
  auto n = static_cast<int64_t>(rows_);
  ExportedBatch batch;
  std::vector<ArrowArray*> arrays;
  std::vector<ArrowSchema*> fields;
  std::vector<std::string> names = RecordBatchBuilder::names();
  auto add = [&](const char* format, bool nullable, ArrowArray* array,
                 ArrowSchema* dictionary = nullptr, std::vector<ArrowSchema*> children = {}) {
    fields.push_back(new_schema(format, names[arrays.size()], nullable, std::move(children),
                                dictionary));
    arrays.push_back(array);
  };
  auto fixed = [&](const char* format, bool nullable, auto& column) {
    auto* array = new ArrowArray;
    export_array(array, n, &column.valid, {&column.values});
    add(format, nullable, array);
  };
  auto dictionary = [&](Dictionary& column) {
    auto* values = new ArrowArray;
    int64_t distinct = column.values.rows();
    export_bytes(values, distinct, column.values);
    auto* array = new ArrowArray;
    export_array(array, n, &column.valid, {&column.indices}, {}, values);
    add("i", true, array, new_schema("u", "", false));
  };
  auto bytes = [&](const char* format, Bytes& column) {
    auto* array = new ArrowArray;
    export_bytes(array, n, column);
    add(format, true, array);
  };
  auto bools = [&](Bools& column) {
    auto* array = new ArrowArray;
    export_array(array, n, &column.valid, {&column.values.buffer()});
    add("b", true, array);
  };
  if (!host_.empty()) c.host.values.push_text(host_);  // the one value every row has
  fixed("tsn:", true, c.time);
  fixed("L", true, c.ts_ns);
  dictionary(c.host);
  fixed("I", false, c.pid);
  fixed("I", true, c.tid);
  dictionary(c.comm);
  fixed("L", true, c.cgroup_id);
  dictionary(c.cgroup);
  dictionary(c.container_id);
  dictionary(c.pod_uid);
  fixed("i", false, c.nr);
  dictionary(c.syscall);
  bools(c.compat);
  fixed("l", true, c.ret);
  dictionary(c.error);
  fixed("L", true, c.duration_ns);
  for (auto& arg : c.args) fixed("L", true, arg);
  bytes("u", c.path);
  bytes("u", c.path2);
  bytes("u", c.fd_path);
  {
    auto* items = new ArrowArray;
    export_bytes(items, c.argv.count, c.argv.items);
    auto* array = new ArrowArray;
    export_array(array, n, &c.argv.valid, {&c.argv.offsets.buffer()}, {items});
    add("+l", true, array, nullptr, {new_schema("u", "item", true)});
  }
  bytes("z", c.data);
  bytes("z", c.data2);
  bools(c.truncated);

  export_schema(&batch.schema, "+s", "", false, std::move(fields));
  export_array(&batch.array, n, nullptr, {}, std::move(arrays));
  // The builder starts over: new columns, sized for a batch like this one, new dictionaries.
  delete columns_;
  columns_ = new Columns;
  columns_->reserve(rows_);
  rows_ = 0;
  comms_.clear();
  comm_texts_.clear();
  cgroup_codes_.clear();
  cgroup_texts_.clear();
  container_texts_.clear();
  pod_texts_.clear();
  last_cgroup_id_ = 0;
  last_cgroup_codes_ = {};
  syscall_names_.clear();
  std::fill(syscalls_.begin(), syscalls_.end(), -1);
  std::fill(errors_.begin(), errors_.end(), -1);
  last_comm_index_ = -1;
  return batch;
}

// Batches -------------------------------------------------------------------------------

ExportedBatch::ExportedBatch(ExportedBatch&& other) noexcept
    : schema(other.schema), array(other.array) {
  other.schema.release = nullptr;
  other.array.release = nullptr;
}

ExportedBatch::~ExportedBatch() {
  if (schema.release) schema.release(&schema);
  if (array.release) array.release(&array);
}

void RecordBatchSink::write_record(const void* data, uint32_t size) {
  builder_.append(data, size);
  ++written_;
  if (builder_.variable_bytes() >= (size_t{1} << 30)) sealed_.push_back(builder_.finish());
}

std::vector<ExportedBatch> RecordBatchSink::take() {
  if (builder_.rows()) sealed_.push_back(builder_.finish());
  return std::exchange(sealed_, {});
}

}  // namespace observer
