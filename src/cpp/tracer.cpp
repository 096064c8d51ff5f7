// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "tracer.h"

#include <bpf/libbpf.h>
#include <linux/types.h>
#include <time.h>

#include <cerrno>
#include <cstring>

#include "error.h"
#include "syscalls.skel.h"

namespace observer {

namespace {

const Spec& probed(const Spec& spec) {
  probe_features();
  return spec;
}

}  // namespace

Tracer::Tracer(const Spec& spec)
    : spec_(spec), loader_(probed(spec)), maps_(loader_.skeleton()) {
  for (uint32_t pid : spec_.pids) maps_.add_tgid(pid);
  for (const auto& name : spec_.comms) maps_.add_comm(name);
  bpf_map* events = loader_.skeleton()->maps.events;
  reader_ = std::make_unique<RingBufferReader>(bpf_map__fd(events), bpf_map__max_entries(events));
}

size_t Tracer::consume(Sink& sink) {
  size_t n = reader_->consume([&sink](const void* data, uint32_t size) {
    if (size < sizeof(Event)) throw Error("read ring buffer", EPROTO, "short record");
    sink.write(*static_cast<const Event*>(data));
  });
  sink.flush();
  return n;
}

size_t Tracer::poll(Sink& sink, int timeout_ms) {
  reader_->wait(timeout_ms);
  return consume(sink);
}

size_t Tracer::drain(Sink& sink) {
  size_t total = consume(sink);
  // A program that reserved a record before detach may still be writing it: give it 100 ms.
  for (int i = 0; i < 100 && reader_->pending() > 0; ++i) {
    timespec ms{0, 1000000};
    nanosleep(&ms, nullptr);
    total += consume(sink);
  }
  return total;
}

}  // namespace observer
