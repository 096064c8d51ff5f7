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

Tracer::Tracer(const Spec& spec)
    : spec_(spec), notes_(probe_features(spec)), loader_(spec_), maps_(loader_.skeleton()) {
  for (uint32_t pid : spec_.pids) maps_.add_tgid(pid);
  for (const auto& name : spec_.comms) maps_.add_comm(name);
  bpf_map* events = loader_.skeleton()->maps.events;
  reader_ = std::make_unique<RingBufferReader>(bpf_map__fd(events), bpf_map__max_entries(events));
}

size_t Tracer::consume(Sink& sink) {
  size_t n = reader_->consume([this, &sink](const void* data, uint32_t size) {
    if (size < sizeof(Event)) throw Error("read ring buffer", EPROTO, "short record");
    sink.write(*static_cast<const Event*>(data));
    // Not counted if write() threw: the ring keeps that record for the next consume.
    ++consumed_;
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
