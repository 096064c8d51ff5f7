// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Records built by hand as the kernel side sends them: entry halves joined with their ends,
// fd paths (-y), absolute paths (--absolute), iovecs, msghdrs, pollfds, unfinished and
// resumed calls, rendered as strace renders them.
#include <arpa/inet.h>
#include <linux/audit.h>
#include <linux/elf.h>
#include <linux/ptrace.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>

#include <cstring>
#include <string>
#include <vector>

#include "call_join.h"
#include "check.h"
#include "records.h"
#include "capture_plan.h"
#include "decode.h"
#include "decode_io.h"

using namespace observer;
using check::nr_of;

namespace {


// A record as the ring carries it: the event, then (with items) the tail and the bytes.
struct Item {
  uint8_t kind;
  uint8_t arg;
  std::string bytes;
  bool cut = false;
  bool at_exit = false;
};

std::string record(Event e, const std::vector<Item>& items) {
  string_tail tail{};
  std::string data;
  for (const Item& item : items) {
    unsigned i = tail.count++;
    tail.len[i] = static_cast<uint16_t>(item.bytes.size());
    tail.arg[i] = item.arg;
    tail.kind[i] = item.kind;
    if (item.cut) tail.truncated |= STRING_TRUNCATED(i);
    if (item.at_exit) tail.at_exit |= 1u << i;
    data += item.bytes;
  }
  if (tail.count) e.flags |= EVENT_HAS_STRINGS;
  std::string out(reinterpret_cast<const char*>(&e), sizeof(e));
  if (tail.count) out += std::string(reinterpret_cast<const char*>(&tail), sizeof(tail)) + data;
  return out;
}

// An fd path item: the header, then names from the file up.
std::string fd_path_item(uint8_t type, std::vector<std::string> names, uint64_t ino = 0,
                         uint8_t flags = 0) {
  fd_path head{};
  head.ino = ino;
  head.type = type;
  head.flags = flags;
  head.names = static_cast<uint8_t>(names.size());
  std::string out(reinterpret_cast<const char*>(&head), sizeof(head));
  for (const auto& name : names) out += name + std::string(1, '\0');
  return out;
}

template <class T>
std::string bytes_of(const T& value) {
  return std::string(reinterpret_cast<const char*>(&value), sizeof(value));
}

std::string line(const std::string& rec) {
  std::vector<char> out(kMaxCallText);
  const Event* e = reinterpret_cast<const Event*>(rec.data());
  Strings items = parse_strings(rec.data(), static_cast<uint32_t>(rec.size()));
  char* end = format_call(out.data(), *e, items);
  return std::string(out.data(), end);
}

Event call(std::string_view name, std::vector<uint64_t> args, int64_t ret,
           uint32_t flags = EVENT_HAS_RET | EVENT_HAS_TIME) {
  Event e{};
  e.nr = nr_of(name);
  e.tid = e.tgid = 42;
  e.ret = ret;
  e.flags = flags;
  for (size_t i = 0; i < args.size(); ++i) e.args[i] = args[i];
  return e;
}

void fds_show_what_they_name() {
  Event e = call("read", {3, 0x1000, 10}, 5);
  std::string rec = record(e, {{ITEM_FD_PATH, 0, fd_path_item(FD_PATH_FILE, {"passwd", "etc"})},
                              {ITEM_BLOB, 1, "root:", false, true}});
  CHECK_EQ(line(rec), "read(3</etc/passwd>, \"root:\", 10) = 5");
  Event open = call("openat", {static_cast<uint64_t>(AT_FDCWD), 0x1000, O_RDONLY}, 4);
  rec = record(open, {{ITEM_STRING, 1, "x"},
                      {ITEM_FD_PATH, 0, fd_path_item(FD_PATH_FILE, {"tmp"})},
                      {ITEM_FD_PATH, ITEM_ARG_RET, fd_path_item(FD_PATH_FILE, {"x", "tmp"})}});
  CHECK_EQ(line(rec), "openat(AT_FDCWD</tmp>, \"x\", O_RDONLY) = 4</tmp/x>");
  // Pseudo files by their inode, an unlinked file marked as strace marks it, the root.
  Event close = call("close", {5}, 0);
  CHECK_EQ(line(record(close, {{ITEM_FD_PATH, 0, fd_path_item(FD_PATH_PIPE, {}, 123)}})),
           "close(5<pipe:[123]>) = 0");
  CHECK_EQ(line(record(close, {{ITEM_FD_PATH, 0, fd_path_item(FD_PATH_SOCKET, {}, 9)}})),
           "close(5<socket:[9]>) = 0");
  CHECK_EQ(line(record(close, {{ITEM_FD_PATH, 0, fd_path_item(FD_PATH_ANON, {"[eventpoll]"})}})),
           "close(5<anon_inode:[eventpoll]>) = 0");
  CHECK_EQ(line(record(close, {{ITEM_FD_PATH, 0,
                                fd_path_item(FD_PATH_FILE, {"x", "tmp"}, 0, FD_PATH_DELETED)}})),
           "close(5</tmp/x>(deleted)) = 0");
  CHECK_EQ(line(record(close, {{ITEM_FD_PATH, 0, fd_path_item(FD_PATH_FILE, {})}})),
           "close(5</>) = 0");
  // Brackets and control bytes in a name cannot be taken for the end of the path.
  CHECK_EQ(line(record(close, {{ITEM_FD_PATH, 0, fd_path_item(FD_PATH_FILE, {"a>b\n"})}})),
           "close(5</a\\76b\\n>) = 0");
  // pipe's pair.
  int32_t fds[2] = {3, 4};
  Event pipe = call("pipe2", {0x1000, O_CLOEXEC}, 0);
  rec = record(pipe, {{ITEM_BLOB, 0, bytes_of(fds), false, true},
                      {ITEM_FD_PATH, ITEM_ARG_PAIR, fd_path_item(FD_PATH_PIPE, {}, 7)},
                      {ITEM_FD_PATH, ITEM_ARG_PAIR + 1, fd_path_item(FD_PATH_PIPE, {}, 7)}});
  CHECK_EQ(line(rec), "pipe2([3<pipe:[7]>, 4<pipe:[7]>], O_CLOEXEC) = 0");
}

void relative_paths_start_from_their_directory() {
  std::string usr = fd_path_item(FD_PATH_FILE, {"usr"});
  std::vector<char> out(2 * ITEM_MAX + 64);
  auto absolute = [&](const std::string& base, std::string_view relative) {
    char* end = put_absolute_bytes(out.data(), base, relative);
    return std::string(out.data(), end);
  };
  CHECK_EQ(absolute(usr, "lib"), "/usr/lib");
  CHECK_EQ(absolute(usr, "./lib/../bin/"), "/usr/bin");
  CHECK_EQ(absolute(usr, "../../.."), "/");
  CHECK_EQ(absolute(fd_path_item(FD_PATH_FILE, {}), "etc"), "/etc");
  CHECK_EQ(absolute(fd_path_item(FD_PATH_SOCKET, {}, 5), "x"), "x");
  Event open = call("openat", {static_cast<uint64_t>(AT_FDCWD), 0x1000, O_RDONLY}, 3);
  CHECK_EQ(line(record(open, {{ITEM_STRING, 1, "lib"}, {ITEM_BASE, 1, usr}})),
           "openat(AT_FDCWD, \"/usr/lib\", O_RDONLY) = 3");
}

void entry_halves_join_their_ends() {
  Event entry = call("openat", {static_cast<uint64_t>(AT_FDCWD), 0x1000, O_RDONLY}, 0,
                     EVENT_ENTRY | EVENT_HAS_TIME);
  entry.ts_ns = 100;
  Event end = entry;
  end.ret = 3;
  end.duration_ns = 7;
  end.flags = EVENT_HAS_RET | EVENT_HAS_TIME | EVENT_JOIN;
  std::string first = record(entry, {{ITEM_STRING, 1, "/etc/passwd"}});
  std::string second = record(end, {{ITEM_FD_PATH, ITEM_ARG_RET,
                                     fd_path_item(FD_PATH_FILE, {"passwd", "etc"})}});
  CallJoiner joiner;
  CHECK(joiner.take(first.data(), static_cast<uint32_t>(first.size())).empty());
  CHECK_EQ(joiner.waiting(), size_t{1});
  std::string joined(joiner.take(second.data(), static_cast<uint32_t>(second.size())));
  CHECK_EQ(joiner.waiting(), size_t{0});
  const Event* e = reinterpret_cast<const Event*>(joined.data());
  CHECK_EQ(e->flags & (EVENT_JOIN | EVENT_ENTRY), 0u);
  CHECK_EQ(e->ts_ns, uint64_t{100});
  CHECK_EQ(line(joined), "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3</etc/passwd>");
  // A record that is not an end passes through; one whose entry half never came, as it is.
  std::string alone = record(call("getppid", {}, 1), {});
  CHECK_EQ(joiner.take(alone.data(), static_cast<uint32_t>(alone.size())).size(), alone.size());
  std::string orphan = record(end, {});
  std::string written(joiner.take(orphan.data(), static_cast<uint32_t>(orphan.size())));
  CHECK_EQ(reinterpret_cast<const Event*>(written.data())->flags & EVENT_JOIN, 0u);
  // A newer entry half of the same thread replaces one whose end was lost.
  joiner.take(first.data(), static_cast<uint32_t>(first.size()));
  joiner.take(first.data(), static_cast<uint32_t>(first.size()));
  CHECK_EQ(joiner.waiting(), size_t{1});
  joiner.clear();
  CHECK_EQ(joiner.waiting(), size_t{0});
  // Entry halves of threads that are gone are forgotten, the others kept.
  joiner.take(first.data(), static_cast<uint32_t>(first.size()));
  CHECK_EQ(joiner.forget_dead([](uint32_t, uint32_t tid) { return tid != 42; }), size_t{1});
  CHECK_EQ(joiner.waiting(), size_t{0});
  // An exec by a thread other than the leader ends under the leader's tid.
  Event exec = call("execve", {0x1000, 0x2000, 0x3000}, 0, EVENT_ENTRY | EVENT_HAS_TIME);
  exec.tid = 43;
  std::string exec_entry = record(exec, {{ITEM_STRING, 0, "/bin/true"}});
  Event exec_end = exec;
  exec_end.tid = 42;
  exec_end.flags = EVENT_HAS_RET | EVENT_HAS_TIME | EVENT_JOIN;
  std::string exec_rec = record(exec_end, {});
  joiner.take(exec_entry.data(), static_cast<uint32_t>(exec_entry.size()));
  std::string exec_joined(joiner.take(exec_rec.data(), static_cast<uint32_t>(exec_rec.size())));
  CHECK(line(exec_joined).rfind("execve(\"/bin/true\", ", 0) == 0);
}

void calls_never_seen_whole_are_written_as_strace_writes_them() {
  Event read = call("read", {3, 0x1000, 10}, 0, EVENT_UNFINISHED | EVENT_HAS_TIME);
  CHECK_EQ(line(record(read, {})), "read(3,  <unfinished ...>) = ?");
  // The bytes getrandom fills are written at its exit too: an unfinished one stops before.
  Event random = call("getrandom", {0x1000, 16, 0}, 0, EVENT_UNFINISHED | EVENT_HAS_TIME);
  CHECK_EQ(line(record(random, {})), "getrandom( <unfinished ...>) = ?");
  Event close = call("close", {3}, 0, EVENT_UNFINISHED | EVENT_HAS_TIME);
  CHECK_EQ(line(record(close, {})), "close(3 <unfinished ...>) = ?");
  read.flags |= EVENT_DETACHED;
  CHECK_EQ(line(record(read, {})), "read(3,  <detached ...>");
  Event resumed = call("read", {3, 0x1000, 10}, 5, EVENT_HAS_RET | EVENT_HAS_TIME | EVENT_RESUMED);
  CHECK_EQ(line(record(resumed, {{ITEM_BLOB, 1, "hello", false, true}})),
           "<... read resumed>\"hello\", 10) = 5");
  Event sleep = call("nanosleep", {0x1000, 0}, 0, EVENT_HAS_RET | EVENT_HAS_TIME | EVENT_RESUMED);
  CHECK_EQ(line(record(sleep, {})), "<... nanosleep resumed>NULL) = 0");
}

void vectors_messages_and_polls() {
  // writev: each element's data, cut at the data limit; readv: only what it returned.
  std::string blob = bytes_of(iov_head{2, 2, 0, 0});
  blob += bytes_of(iov_item{0x1000, 2, 2, 0}) + "ab";
  blob += bytes_of(iov_item{0x2000, 60, 4, 0}) + "cdef";
  Event writev = call("writev", {4, 0x3000, 2}, 62);
  CHECK_EQ(line(record(writev, {{ITEM_BLOB, 1, blob, false, false}})),
           "writev(4, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cdef\"..., iov_len=60}], 2) = 62");
  std::string filled = bytes_of(iov_head{3, 3, 0, 0});
  filled += bytes_of(iov_item{0x1000, 3, 3, 0}) + "abc";
  filled += bytes_of(iov_item{0x2000, 3, 1, 0}) + "d";
  filled += bytes_of(iov_item{0x3000, 2, 0, 0});
  Event readv = call("readv", {3, 0x4000, 3}, 4);
  CHECK_EQ(line(record(readv, {{ITEM_BLOB, 1, filled, false, true}})),
           "readv(3, [{iov_base=\"abc\", iov_len=3}, {iov_base=\"d\", iov_len=3}, "
           "{iov_base=\"\", iov_len=2}], 3) = 4");
  readv.ret = -11;
  CHECK_EQ(line(record(readv, {{ITEM_BLOB, 1, filled, false, true}})),
           "readv(3, [{iov_base=0x1000, iov_len=3}, {iov_base=0x2000, iov_len=3}, "
           "{iov_base=0x3000, iov_len=2}], 3) = -1 EAGAIN (Resource temporarily unavailable)");
  // An array unreadable from its start is its address; one unreadable from its second
  // element ends with that element's address; data that could not be read, its address.
  Event pwritev = call("pwritev", {1, 0x4000, 2, 0}, -EFAULT);
  CHECK_EQ(line(record(pwritev, {{ITEM_BLOB, 1, bytes_of(iov_head{2, 0, 1, 0}), false, false}})),
           "pwritev(1, 0x4000, 2, 0) = -1 EFAULT (Bad address)");
  std::string cut = bytes_of(iov_head{2, 1, 1, 0}) + bytes_of(iov_item{0x1000, 8, 0, 1});
  CHECK_EQ(line(record(pwritev, {{ITEM_BLOB, 1, cut, false, false}})),
           "pwritev(1, [{iov_base=0x1000, iov_len=8}, ... /* 0x4010 */], 2, 0) = -1 EFAULT "
           "(Bad address)");
  // recvmsg: the name's length it was given and the one it returned.
  struct {
    uint64_t name;
    uint32_t namelen, pad;
    uint64_t iov, iovlen, control, controllen;
    uint32_t flags, pad2;
  } given{0x5000, 110, 0, 0x6000, 1, 0, 0, 0, 0}, got = given;
  got.namelen = 0;
  std::string msg = bytes_of(got) + bytes_of(uint32_t{0}) + bytes_of(control_head{0, 0}) +
                    bytes_of(iov_head{1, 1, 0, 0}) + bytes_of(iov_item{0x7000, 10, 4, 0}) + "xyzz";
  Event recvmsg = call("recvmsg", {11, 0x8000, 0}, 4);
  CHECK_EQ(line(record(recvmsg, {{ITEM_BLOB, 1, bytes_of(given), false, false},
                                 {ITEM_BLOB, 1, msg, false, true}})),
           "recvmsg(11, {msg_name=0x5000, msg_namelen=110 => 0, msg_iov=[{iov_base=\"xyzz\", "
           "iov_len=10}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 4");
  // Its control messages: two descriptors, then a second header cut short by msg_controllen
  // (strace's "..." and where the rest starts).
  got.namelen = 110;
  got.name = 0;
  got.iov = 0;
  got.iovlen = 0;
  got.control = 0x9000;
  got.controllen = 40;
  struct {
    uint64_t len;
    int32_t level, type, fds[2];
  } rights{24, SOL_SOCKET, SCM_RIGHTS, {3, 4}};
  std::string control = bytes_of(rights) + std::string(16, '\0');
  msg = bytes_of(got) + bytes_of(uint32_t{0}) + bytes_of(control_head{40, 40}) + control;
  CHECK_EQ(line(record(recvmsg, {{ITEM_BLOB, 1, bytes_of(got), false, false},
                                 {ITEM_BLOB, 1, msg, false, true}})),
           "recvmsg(11, {msg_name=NULL, msg_namelen=110, msg_iov=NULL, msg_iovlen=0, "
           "msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
           "cmsg_data=[3, 4]}, {cmsg_len=0, cmsg_level=SOL_IP, cmsg_type=0 /* IP_??? */}], "
           "msg_controllen=40, msg_flags=0}, 0) = 4");
  // Unreadable control messages are their address.
  msg = bytes_of(got) + bytes_of(uint32_t{0}) + bytes_of(control_head{0, 0});
  CHECK_EQ(line(record(recvmsg, {{ITEM_BLOB, 1, bytes_of(got), false, false},
                                 {ITEM_BLOB, 1, msg, false, true}})),
           "recvmsg(11, {msg_name=NULL, msg_namelen=110, msg_iov=NULL, msg_iovlen=0, "
           "msg_control=0x9000, msg_controllen=40, msg_flags=0}, 0) = 4");
  // accept and getsockname: the address the call filled and the length it was given and
  // returned.
  sockaddr_in in4{};
  in4.sin_family = AF_INET;
  in4.sin_port = htons(80);
  in4.sin_addr.s_addr = htonl(0x7f000001);
  Event name = call("getsockname", {5, 0xa000, 0xb000}, 0);
  CHECK_EQ(line(record(name, {{ITEM_BLOB, 2, bytes_of(uint32_t{128}), false, false},
                              {ITEM_BLOB, 1, bytes_of(in4), false, true},
                              {ITEM_BLOB, 2, bytes_of(uint32_t{16}), false, true}})),
           "getsockname(5, {sa_family=AF_INET, sin_port=htons(80), "
           "sin_addr=inet_addr(\"127.0.0.1\")}, [128 => 16]) = 0");
  uint16_t unix_family = AF_UNIX;
  CHECK_EQ(line(record(name, {{ITEM_BLOB, 2, bytes_of(uint32_t{110}), false, false},
                              {ITEM_BLOB, 1, bytes_of(unix_family), false, true},
                              {ITEM_BLOB, 2, bytes_of(uint32_t{2}), false, true}})),
           "getsockname(5, {sa_family=AF_UNIX}, [110 => 2]) = 0");
  name.ret = -9;  // a failed call filled nothing: the length it was given, and the pointer
  CHECK_EQ(line(record(name, {{ITEM_BLOB, 2, bytes_of(uint32_t{16}), false, false}})),
           "getsockname(5, 0xa000, [16]) = -1 EBADF (Bad file descriptor)");
  // pselect6: the sets and time given, and after the result the ones returned.
  uint64_t readable = 1u << 3, writable = 1u << 4, none = 0;
  int64_t given_ts[2] = {1, 0}, left_ts[2] = {0, 999};
  Event select = call("pselect6", {5, 0x1000, 0x2000, 0, 0x3000, 0}, 2);
  std::vector<Item> sets = {{ITEM_BLOB, 1, bytes_of(readable), false, false},
                            {ITEM_BLOB, 2, bytes_of(writable), false, false},
                            {ITEM_BLOB, 4, bytes_of(given_ts), false, false},
                            {ITEM_BLOB, 1, bytes_of(readable), false, true},
                            {ITEM_BLOB, 2, bytes_of(none), false, true},
                            {ITEM_BLOB, 4, bytes_of(left_ts), false, true},
                            {ITEM_FD_PATH, ITEM_ARG_FD + 3, fd_path_item(FD_PATH_PIPE, {}, 8)}};
  CHECK_EQ(line(record(select, sets)),
           "pselect6(5, [3<pipe:[8]>], [4], NULL, {tv_sec=1, tv_nsec=0}, NULL) = 2 "
           "(in [3], left {tv_sec=0, tv_nsec=999})");
  select.ret = 0;
  CHECK_EQ(line(record(select, {})).substr(line(record(select, {})).size() - 9), "(Timeout)");
  // poll: the events asked for, and after the result the ones that came.
  pollfd in[2] = {{3, POLLIN, 0}, {4, POLLOUT, 0}};
  pollfd out[2] = {{3, POLLIN, POLLIN}, {4, POLLOUT, 0}};
  Event poll = call("poll", {0x9000, 2, 0}, 1);
  std::string fds = bytes_of(in), revents = bytes_of(out);
  CHECK_EQ(line(record(poll, {{ITEM_BLOB, 0, fds, false, false},
                              {ITEM_BLOB, 0, revents, false, true}})),
           "poll([{fd=3, events=POLLIN}, {fd=4, events=POLLOUT}], 2, 0) = 1 "
           "([{fd=3, revents=POLLIN}])");
  poll.ret = 0;
  CHECK_EQ(line(record(poll, {{ITEM_BLOB, 0, fds, false, false}})),
           "poll([{fd=3, events=POLLIN}, {fd=4, events=POLLOUT}], 2, 0) = 0 (Timeout)");
  // ppoll: the time given, and after the events the time it had left.
  int64_t asked[2] = {1, 0}, remaining[2] = {0, 999998064};
  Event ppoll = call("ppoll", {0x9000, 1, 0x9100, 0, 8}, 1);
  CHECK_EQ(line(record(ppoll, {{ITEM_BLOB, 0, bytes_of(in[0]), false, false},
                               {ITEM_BLOB, 2, bytes_of(asked), false, false},
                               {ITEM_BLOB, 0, bytes_of(out[0]), false, true},
                               {ITEM_BLOB, 2, bytes_of(remaining), false, true}})),
           "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=1, tv_nsec=0}, NULL, 8) = 1 "
           "([{fd=3, revents=POLLIN}], left {tv_sec=0, tv_nsec=999998064})");
  // recvmmsg: the timeout given, then the time it had left, or (Timeout).
  Event mmsg = call("recvmmsg", {3, 0xa000, 1, 0, 0xa100}, 1);
  std::vector<Item> times = {{ITEM_BLOB, 4, bytes_of(asked), false, false},
                             {ITEM_BLOB, 4, bytes_of(remaining), false, true}};
  CHECK_EQ(line(record(mmsg, times)),
           "recvmmsg(3, 0xa000, 1, 0, {tv_sec=1, tv_nsec=0}) = 1 "
           "(left {tv_sec=0, tv_nsec=999998064})");
  mmsg.ret = 0;
  CHECK_EQ(line(record(mmsg, times)),
           "recvmmsg(3, 0xa000, 1, 0, {tv_sec=1, tv_nsec=0}) = 0 (Timeout)");
}

void plans_follow_the_argument_types() {
  capture_slot slots[MAX_BLOBS];
  CaptureOptions fds{true, true, true, false};
  capture_plan(nr_of("openat"), 32, slots);
  call_plan plan = plan_call(nr_of("openat"), false, fds, slots);
  CHECK_EQ(plan.strings, 2);
  CHECK_EQ(plan.dirfds, 1);
  CHECK_EQ(plan.fd_ret, FD_RET_ALWAYS);
  CHECK(plan.work & WORK_ENTRY);
  CHECK(plan.work & WORK_EXIT);
  capture_plan(nr_of("getppid"), 32, slots);
  plan = plan_call(nr_of("getppid"), false, fds, slots);
  CHECK_EQ(plan.work, 0);  // getppid pays for nothing
  capture_plan(nr_of("read"), 32, slots);
  plan = plan_call(nr_of("read"), false, CaptureOptions{true, true, false, false}, slots);
  CHECK_EQ(plan.work, WORK_EXIT);  // without -y, read has nothing to read at entry
  plan = plan_call(nr_of("read"), false, fds, slots);
  CHECK_EQ(plan.fds, 1);
  CHECK_EQ(plan.work, WORK_ENTRY | WORK_EXIT);
  capture_plan(nr_of("fcntl"), 32, slots);
  CHECK_EQ(plan_call(nr_of("fcntl"), false, fds, slots).fd_ret, FD_RET_DUPFD);
  capture_plan(nr_of("pipe2"), 32, slots);
  CHECK_EQ(plan_call(nr_of("pipe2"), false, fds, slots).fd_pair, 1);
  // --absolute: symlink's target is its content, not a path resolved now.
  CaptureOptions absolute{true, true, false, true};
  capture_plan(nr_of("symlinkat"), 32, slots);
  CHECK_EQ(plan_call(nr_of("symlinkat"), false, absolute, slots).paths, 4);
  capture_plan(nr_of("renameat2"), 32, slots);
  CHECK_EQ(plan_call(nr_of("renameat2"), false, absolute, slots).paths, 2 | 8);
  // Every string argument is read: mount has four (its data too).
  capture_plan(nr_of("mount"), 32, slots);
  CHECK_EQ(plan_call(nr_of("mount"), false, absolute, slots).strings, 1 | 2 | 4 | 16);
  // poll reads its array twice, recvmsg its msghdr twice.
  CHECK_EQ(capture_plan(nr_of("poll"), 32, slots), 2u);
  CHECK_EQ(slots[0].flags, CAPTURE_ENTRY | CAPTURE_COUNT);
  CHECK_EQ(slots[1].flags, CAPTURE_EXIT | CAPTURE_COUNT);
  CHECK_EQ(plan_call(nr_of("poll"), false, fds, slots).blobs, 2);
  CHECK_EQ(capture_plan(nr_of("recvmsg"), 32, slots), 2u);
#if defined(__x86_64__)
  // 32-bit calls: plans by i386 number, with the 32-bit layouts.
  int stat64 = compat_syscall_number("stat64");
  CHECK_EQ(capture_plan(stat64, 32, slots, true), 1u);
  CHECK_EQ(slots[0].size, 96u);
  int execve = compat_syscall_number("execve");
  capture_plan(execve, 32, slots, true);
  plan = plan_call(execve, true, CaptureOptions{true, true, false, false}, slots);
  CHECK(plan.work & WORK_EXEC);
  CHECK_EQ(plan.argv, 1 | ARGV_32BIT);
  // rt_sigaction's 32-bit struct is another layout: not captured.
  CHECK_EQ(capture_plan(compat_syscall_number("rt_sigaction"), 32, slots, true), 0u);
  // rt_sigreturn takes no argument: its mask comes from the signal frame, at entry.
  CHECK_EQ(capture_plan(nr_of("rt_sigreturn"), 32, slots), 1u);
  CHECK_EQ(slots[0].elem, ELEM_SIGFRAME);
  CHECK(plan_call(nr_of("rt_sigreturn"), false, fds, slots).work & WORK_ENTRY);
  CHECK_EQ(capture_plan(compat_syscall_number("rt_sigreturn"), 32, slots, true), 0u);
  // getdents64's entries are counted by the kernel beyond its blob.
  capture_plan(nr_of("getdents64"), 32, slots);
  CHECK_EQ(slots[0].elem, ELEM_DIRENTS);
#endif
}

void restored_masks_and_counted_entries() {
  uint64_t usr2 = 1ull << (SIGUSR2 - 1);
  CHECK_EQ(line(record(call("rt_sigreturn", {0x7ffc0000}, 0), {{ITEM_BLOB, 0, bytes_of(usr2)}})),
           "rt_sigreturn({mask=[USR2]}) = 0");
  CHECK_EQ(line(record(call("rt_sigreturn", {0x7ffc0000}, 0), {})), "rt_sigreturn() = 0");
  // What clone3 wrote: the child's tid at parent_tid, the pidfd.
  uint64_t args[11] = {0x100000 | 0x1000, 0x7000, 0, 0x7100, 0, 0, 0, 0, 0, 0, 0};
  int32_t wrote[2] = {5, 4321};
  std::string clone_args(reinterpret_cast<const char*>(args), 64);
  CHECK_EQ(line(record(call("clone3", {0x6000, 64}, 4321),
                       {{ITEM_BLOB, 0, clone_args}, {ITEM_BLOB, 0, bytes_of(wrote), false, true}})),
           "clone3({flags=CLONE_PIDFD|CLONE_PARENT_SETTID, pidfd=0x7000, parent_tid=0x7100, "
           "exit_signal=0, stack=NULL, stack_size=0} => {pidfd=[5], parent_tid=[4321]}, 64) = "
           "4321");
  // A getdents64 result longer than its blob: the kernel's count follows the cut bytes.
  uint32_t entries = 798;
  std::string cut(4096, '\0');
  CHECK_EQ(line(record(call("getdents64", {3, 0x5000, 32768}, 32752),
                       {{ITEM_BLOB, 1, cut, true, true}, {ITEM_COUNT, 1, bytes_of(entries)}})),
           "getdents64(3, 0x5000 /* 798 entries */, 32768) = 32752");
}

std::string part(const std::string& rec, CallPart which) {
  std::vector<char> out(kMaxCallText);
  const Event* e = reinterpret_cast<const Event*>(rec.data());
  Strings items = parse_strings(rec.data(), static_cast<uint32_t>(rec.size()));
  char* end = format_call(out.data(), *e, items, kResultColumn, which);
  return std::string(out.data(), end);
}

// The line a reader of strace's text makes of the two parts: the entry without its marker,
// then the exit after its "<... name resumed>", spaces collapsed (each part is padded alone).
std::string rejoined(const std::string& entry, const std::string& exit) {
  std::string head = entry.substr(0, entry.rfind(" <unfinished ...>"));
  std::string text = head + exit.substr(exit.find("resumed>") + 8);
  std::string out;
  for (char c : text)
    if (c != ' ' || out.empty() || out.back() != ' ') out += c;
  return out;
}

void calls_that_other_lines_interrupt_split_where_strace_splits_them() {
  std::string read =
      record(call("read", {3, 0x1000, 10}, 5), {{ITEM_BLOB, 1, "hello", false, true}});
  CHECK_EQ(part(read, CallPart::kEntry), "read(3,  <unfinished ...>");
  CHECK_EQ(part(read, CallPart::kExit), "<... read resumed>\"hello\", 10) = 5");
  CHECK_EQ(part(read, CallPart::kWhole), line(read));
  std::string wait = record(call("wait4", {static_cast<uint64_t>(-1), 0x1000, 0, 0}, 77), {});
  CHECK_EQ(part(wait, CallPart::kEntry), "wait4(-1,  <unfinished ...>");
  CHECK_EQ(part(wait, CallPart::kExit), "<... wait4 resumed>0x1000, 0, NULL) = 77");
  std::string close = record(call("close", {3}, 0), {});
  CHECK_EQ(part(close, CallPart::kEntry), "close(3 <unfinished ...>");
  CHECK_EQ(part(close, CallPart::kExit), "<... close resumed>) = 0");
  std::string getpid = record(call("getpid", {}, 42), {});
  CHECK_EQ(part(getpid, CallPart::kEntry), "getpid( <unfinished ...>");
  // Each pair reads back as the whole line, also for calls with a writer of their own.
  uint64_t usr2 = 1ull << (SIGUSR2 - 1);
  uint64_t minus_one = static_cast<uint64_t>(-1);
  for (const std::string& rec :
       {read, wait, close, getpid,
        record(call("clone", {0x1200011, 0, 0, 0x7f00a10, 0}, 4321), {}),
        record(call("futex", {0x7000, 0x81, 1}, 0), {}),
        record(call("rt_sigreturn", {0x7ffc0000}, 0), {{ITEM_BLOB, 0, bytes_of(usr2)}}),
        record(call("getrandom", {0x1000, 2, 1}, 2), {{ITEM_BLOB, 0, "ab", false, true}}),
        record(call("openat", {minus_one - 99, 0x1000, 0}, -2), {{ITEM_STRING, 1, "/nope"}}),
        record(call("nanosleep", {0x1000, 0}, 0), {})})
    CHECK_EQ(rejoined(part(rec, CallPart::kEntry), part(rec, CallPart::kExit)),
             rejoined(line(rec), "resumed>"));
}

}  // namespace

// Structures whose rendering needs the rest of the call: fcntl's by command, openat2's by
// its size, sendfile's offset by the result.
void structs_follow_the_call() {
  capture_slot slots[MAX_BLOBS];
  CHECK_EQ(capture_plan(nr_of("fcntl"), 32, slots), 4u);
  CHECK_EQ(slots[0].cmds, (1ull << F_SETLK) | (1ull << F_SETLKW) | (1ull << F_OFD_SETLK) |
                              (1ull << F_OFD_SETLKW));
  CHECK_EQ(slots[1].flags, CAPTURE_EXIT);
  CHECK_EQ(plan_call(nr_of("fcntl"), false, CaptureOptions{}, slots).cmd_arg, 2);
  CHECK_EQ(plan_call(nr_of("read"), false, CaptureOptions{}, slots).cmd_arg, 0);
  struct flock fl {};
  fl.l_type = F_UNLCK;
  fl.l_len = 4096;
  Event getlk = call("fcntl", {3, F_GETLK, 0x9000}, 0);
  CHECK_EQ(line(record(getlk, {{ITEM_BLOB, 2, bytes_of(fl), false, true}})),
           "fcntl(3, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=4096, "
           "l_pid=0}) = 0");
  CHECK_EQ(line(record(call("fcntl", {3, F_GETLK, 0x9000}, -14), {})),
           "fcntl(3, F_GETLK, 0x9000) = -1 EFAULT (Bad address)");

  CHECK_EQ(capture_plan(nr_of("openat2"), 32, slots), 2u);
  CHECK_EQ(slots[1].flags, CAPTURE_ENTRY | CAPTURE_SIZE_ARG);
  open_how how{O_RDONLY | O_CLOEXEC, 0, 0};
  Event openat2 = call("openat2", {static_cast<uint64_t>(AT_FDCWD), 0x9000, 0x9100, 24}, 3);
  CHECK_EQ(line(record(openat2, {{ITEM_STRING, 1, "/etc", false, false},
                                 {ITEM_BLOB, 2, bytes_of(how), false, false},
                                 {ITEM_BLOB, 2, bytes_of(how), false, false}})),
           "openat2(AT_FDCWD, \"/etc\", {flags=O_RDONLY|O_CLOEXEC, resolve=0}, 24) = 3");
  Event small = call("openat2", {static_cast<uint64_t>(AT_FDCWD), 0x9000, 0x9100, 16}, -22);
  CHECK_EQ(line(record(small, {{ITEM_STRING, 1, "/etc", false, false},
                               {ITEM_BLOB, 2, bytes_of(how), false, false}})),
           "openat2(AT_FDCWD, \"/etc\", 0x9100, 16) = -1 EINVAL (Invalid argument)");

  uint64_t before = 0, after = 35499;
  Event sent = call("sendfile", {4, 5, 0x9000, 35499}, 35499);
  CHECK_EQ(line(record(sent, {{ITEM_BLOB, 2, bytes_of(before), false, false},
                              {ITEM_BLOB, 2, bytes_of(after), false, true}})),
           "sendfile(4, 5, [0] => [35499], 35499) = 35499");
  Event none = call("sendfile", {4, 5, 0x9000, 1}, 0);
  CHECK_EQ(line(record(none, {{ITEM_BLOB, 2, bytes_of(after), false, false},
                              {ITEM_BLOB, 2, bytes_of(after), false, true}})),
           "sendfile(4, 5, [35499], 1) = 0");
}

// What ptrace's requests filled, read at exit as ptrace_reads says; x86's user_desc.
void ptrace_exits_and_thread_areas() {
  capture_slot slots[MAX_BLOBS];
  CHECK_EQ(capture_plan(nr_of("ptrace"), 32, slots), 2u);
  CHECK_EQ(slots[0].elem, ELEM_PTRACE);
  ptrace_read reads[2][PTRACE_REQS];
  uint16_t regsets[PTRACE_REGSETS];
  ptrace_reads(reads, regsets);
  CHECK_EQ(reads[0][64 + (PTRACE_SETSIGINFO - PTRACE_HIGH)].size, sizeof(siginfo_t));
  CHECK_EQ(reads[1][PTRACE_PEEKDATA].arg, 4);
  CHECK_EQ(reads[1][64 + (PTRACE_PEEKSIGINFO - PTRACE_HIGH)].ret_elem, sizeof(siginfo_t));
  siginfo_t si{};
  si.si_signo = SIGSTOP;
  si.si_code = SI_TKILL;
  si.si_pid = 42;
  std::string two = bytes_of(si);
  si.si_signo = SIGUSR1;
  two += bytes_of(si);
  Event peek = call("ptrace", {PTRACE_PEEKSIGINFO, 42, 0x9000, 0xa000}, 2);
  ptrace_peeksiginfo_args psi{0, 0, 4};
  CHECK_EQ(line(record(peek, {{ITEM_BLOB, 2, bytes_of(psi), false, false},
                              {ITEM_BLOB, 3, two, false, true}})),
           "ptrace(PTRACE_PEEKSIGINFO, 42, {off=0, flags=0, nr=4}, [{si_signo=SIGSTOP, "
           "si_code=SI_TKILL, si_pid=42, si_uid=0}, {si_signo=SIGUSR1, si_code=SI_TKILL, "
           "si_pid=42, si_uid=0}]) = 2");
  Event getsiginfo = call("ptrace", {PTRACE_GETSIGINFO, 42, 0, 0xa000}, 0);
  CHECK_EQ(line(record(getsiginfo, {{ITEM_BLOB, 3, bytes_of(si), false, true}})),
           "ptrace(PTRACE_GETSIGINFO, 42, NULL, {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=42, "
           "si_uid=0}) = 0");
  uint64_t word = 0x1234, msg = 7, mask = 1;
  CHECK_EQ(line(record(call("ptrace", {PTRACE_PEEKDATA, 42, 0x9000, 0xa000}, 0),
                       {{ITEM_BLOB, 3, bytes_of(word), false, true}})),
           "ptrace(PTRACE_PEEKDATA, 42, 0x9000, [0x1234]) = 0");
  CHECK_EQ(line(record(call("ptrace", {PTRACE_GETEVENTMSG, 42, 0, 0xa000}, 0),
                       {{ITEM_BLOB, 3, bytes_of(msg), false, true}})),
           "ptrace(PTRACE_GETEVENTMSG, 42, NULL, [7]) = 0");
  CHECK_EQ(line(record(call("ptrace", {PTRACE_GETSIGMASK, 42, 8, 0xa000}, 0),
                       {{ITEM_BLOB, 3, bytes_of(mask), false, true}})),
           "ptrace(PTRACE_GETSIGMASK, 42, 8, [HUP]) = 0");
#if defined(__x86_64__)
  ptrace_syscall_info info{};
  info.op = PTRACE_SYSCALL_INFO_ENTRY;
  info.arch = AUDIT_ARCH_X86_64;
  info.instruction_pointer = 0x1000;
  info.stack_pointer = 0x2000;
  info.entry.nr = 0;
  info.entry.args[0] = 3;
  Event entry = call("ptrace", {PTRACE_GET_SYSCALL_INFO, 42, 88, 0xa000}, 80);
  CHECK_EQ(line(record(entry, {{ITEM_BLOB, 3, bytes_of(info), false, true}})),
           "ptrace(PTRACE_GET_SYSCALL_INFO, 42, 88, {op=PTRACE_SYSCALL_INFO_ENTRY, "
           "arch=AUDIT_ARCH_X86_64, instruction_pointer=0x1000, stack_pointer=0x2000, "
           "entry={nr=__NR_read, args=[0x3, 0, 0, 0, 0, 0]}}) = 80");
  info.op = PTRACE_SYSCALL_INFO_EXIT;
  info.exit.rval = -2;
  info.exit.is_error = 1;
  Event exit = call("ptrace", {PTRACE_GET_SYSCALL_INFO, 42, 88, 0xa000}, 33);
  CHECK_EQ(line(record(exit, {{ITEM_BLOB, 3, bytes_of(info), false, true}})),
           "ptrace(PTRACE_GET_SYSCALL_INFO, 42, 88, {op=PTRACE_SYSCALL_INFO_EXIT, "
           "arch=AUDIT_ARCH_X86_64, instruction_pointer=0x1000, stack_pointer=0x2000, "
           "exit={rval=-ENOENT, is_error=1}}) = 33");
  // GETREGSET: the iovec given, then the registers got and the length the kernel left.
  auto iovec_blob = [](uint64_t base, uint64_t len, std::string data) {
    iov_head head{1, 1, 0, 0};
    iov_item item{base, len, static_cast<uint32_t>(data.size()), 0};
    return bytes_of(head) + bytes_of(item) + data;
  };
  uint64_t regs[2] = {0x10, 0x20};
  Event getregset = call("ptrace", {PTRACE_GETREGSET, 42, NT_PRSTATUS, 0xa000}, 0);
  CHECK_EQ(line(record(getregset, {{ITEM_BLOB, 3, iovec_blob(0x9000, 216, ""), false, false},
                                   {ITEM_BLOB, 3, iovec_blob(0x9000, 16, bytes_of(regs)),
                                    false, true}})),
           "ptrace(PTRACE_GETREGSET, 42, NT_PRSTATUS, {iov_base={r15=0x10, r14=0x20}, "
           "iov_len=216 => 16}) = 0");
  Event failed = call("ptrace", {PTRACE_GETREGSET, 42, 0xbad, 0xa000}, -3);
  CHECK_EQ(line(record(failed, {{ITEM_BLOB, 3, iovec_blob(0x9000, 12, ""), false, false}})),
           "ptrace(PTRACE_GETREGSET, 42, 0xbad /* NT_??? */, {iov_base=0x9000, iov_len=12}) = "
           "-1 ESRCH (No such process)");
  // get_thread_area: the entry asked about, then what the call filled.
  uint32_t asked = 12, desc[4] = {12, 0x10, 0xfffff, 0x51};
  Event area = call("get_thread_area", {0x9000}, 0);
  CHECK_EQ(line(record(area, {{ITEM_BLOB, 0, bytes_of(asked), false, false},
                              {ITEM_BLOB, 0, bytes_of(desc), false, true}})),
           "get_thread_area({entry_number=12, base_addr=0x000010, limit=0x0fffff, seg_32bit=1, "
           "contents=0, read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1, "
           "lm=0}) = 0");
  CHECK_EQ(line(record(call("get_thread_area", {0x9000}, -22),
                       {{ITEM_BLOB, 0, bytes_of(asked), false, false}})),
           "get_thread_area({entry_number=12, ...}) = -1 EINVAL (Invalid argument)");
#endif
}

int main() {
  ptrace_exits_and_thread_areas();
  structs_follow_the_call();
  fds_show_what_they_name();
  relative_paths_start_from_their_directory();
  entry_halves_join_their_ends();
  calls_never_seen_whole_are_written_as_strace_writes_them();
  vectors_messages_and_polls();
  plans_follow_the_argument_types();
  restored_masks_and_counted_entries();
  calls_that_other_lines_interrupt_split_where_strace_splits_them();
  return check::report("decode_io");
}
