// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// observer._core: type conversion, GIL release and documentation only. Everything else lives
// in the observer_core library, which does not know about Python.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdlib>
#include <memory>

#include "child.h"
#include "error.h"
#include "event.h"
#include "feature_probe.h"
#include "loader.h"
#include "jsonl_reader.h"
#include "log_reader.h"
#include "map_controller.h"
#include "record_batch.h"
#include "sink.h"
#include "split_sink.h"
#include "stacks.h"
#include "syscall_facts.h"
#include "tracer.h"

namespace py = pybind11;
using namespace observer;

namespace {

// Raises the observer._errors class that matches e, with op and errno attached.
void raise_python(const Error& e) {
  const char* name = "ObserverError";
  if (dynamic_cast<const SinkError*>(&e))
    name = "OutputError";
  else if (e.error_code() == EPERM || e.error_code() == EACCES)
    name = "TracerPermissionError";
  else if (dynamic_cast<const LoadError*>(&e))
    name = "LoadError";
  else if (dynamic_cast<const AttachError*>(&e))
    name = "AttachError";
  else if (dynamic_cast<const FeatureError*>(&e))
    name = "UnsupportedKernelError";
  else if (dynamic_cast<const MapError*>(&e))
    name = "MapError";
  py::object cls = py::module_::import("observer._errors").attr(name);
  // Messages name paths and programs, which are bytes: keep any that are not UTF-8 visible.
  std::string_view what = e.what();
  py::object text = py::reinterpret_steal<py::object>(
      PyUnicode_DecodeUTF8(what.data(), static_cast<Py_ssize_t>(what.size()), "backslashreplace"));
  py::object exc = cls(text);
  exc.attr("op") = e.op();
  exc.attr("errno") = e.error_code();
  if (auto* load = dynamic_cast<const LoadError*>(&e)) exc.attr("log") = load->log();
  PyErr_SetObject(cls.ptr(), exc.ptr());
}

// The one declaration of the record's NumPy dtype; event.h pins the layout it mirrors.
// Registered on first use, so that importing _core does not import NumPy (about 15 MB and
// 150 ms that the command line does not need).
py::dtype event_dtype() {
  static const bool registered = [] {
    PYBIND11_NUMPY_DTYPE(Event, ts_ns, args, ret, duration_ns, tgid, tid, nr, flags, comm,
                         cgroup_id);
    return true;
  }();
  (void)registered;
  return py::dtype::of<Event>();
}

// A NumPy array that owns vector v's memory (no copy).
template <class T>
py::array_t<T> owned_array(std::vector<T>&& v) {
  auto* owned = new std::vector<T>(std::move(v));
  py::capsule owner(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>(static_cast<py::ssize_t>(owned->size()), owned->data(), owner);
}

// Moves records into a NumPy structured array that owns them (no view into the ring).
py::array_t<Event> to_array(std::vector<Event>&& events) {
  event_dtype();
  return owned_array(std::move(events));
}

// A C Data Interface struct (ArrowSchema or ArrowArray) moved into a PyCapsule of the given
// name. Importing it moves the struct out (release becomes null); a capsule that is never
// imported releases what it holds when collected.
template <class T>
py::object to_capsule(T& exported, const char* name) {
  auto* owned = new T(exported);
  exported.release = nullptr;
  PyCapsule_Destructor destructor = [](PyObject* capsule) {
    auto* p = static_cast<T*>(PyCapsule_GetPointer(capsule, PyCapsule_GetName(capsule)));
    if (p->release) p->release(p);
    delete p;
  };
  PyObject* capsule = PyCapsule_New(owned, name, destructor);
  if (!capsule) {
    owned->release(owned);
    delete owned;
    throw py::error_already_set();
  }
  return py::reinterpret_steal<py::object>(capsule);
}

// A batch as the Arrow PyCapsule protocol hands it over: ("arrow_schema", "arrow_array").
py::tuple to_capsules(ExportedBatch&& batch) {
  py::object schema = to_capsule(batch.schema, "arrow_schema");
  return py::make_tuple(schema, to_capsule(batch.array, "arrow_array"));
}

py::list to_capsule_list(std::vector<ExportedBatch>&& batches) {
  py::list out;
  for (auto& batch : batches) out.append(to_capsules(std::move(batch)));
  return out;
}

// A NumPy uint8 array that owns a Buffer's memory (no copy).
py::array_t<uint8_t> owned_bytes(Buffer& buffer) {
  size_t size = buffer.size();
  void* data = buffer.release();
  py::capsule owner(data, [](void* p) { std::free(p); });
  return py::array_t<uint8_t>(static_cast<py::ssize_t>(size), static_cast<uint8_t*>(data), owner);
}

// The columns of read_jsonl_columns as a dict of NumPy arrays and lists of texts.
py::dict jsonl_dict(JsonlColumns& c) {
  py::dict out;
  out["rows"] = c.rows;
  out["ts_ns"] = owned_array(std::move(c.ts_ns));
  out["wall_ns"] = owned_array(std::move(c.wall_ns));
  out["tgid"] = owned_array(std::move(c.tgid));
  out["tid"] = owned_array(std::move(c.tid));
  out["nr"] = owned_array(std::move(c.nr));
  out["compat"] = owned_array(std::move(c.compat));
  py::list args;
  for (auto& column : c.args) args.append(owned_array(std::move(column)));
  out["args"] = args;
  out["ret"] = owned_array(std::move(c.ret));
  out["has_ret"] = owned_array(std::move(c.has_ret));
  out["duration_ns"] = owned_array(std::move(c.duration_ns));
  out["has_duration"] = owned_array(std::move(c.has_duration));
  out["cgroup_id"] = owned_array(std::move(c.cgroup_id));
  out["has_cgroup_id"] = owned_array(std::move(c.has_cgroup_id));
  std::pair<const char*, JsonlDictionary*> dictionaries[] = {
      {"host", &c.host}, {"comm", &c.comm}, {"container_id", &c.container_id},
      {"pod_uid", &c.pod_uid}, {"error", &c.error}, {"cgroup", &c.cgroup}};
  for (auto& [name, column] : dictionaries) {
    py::list texts;
    for (const auto& t : column->texts) texts.append(py::str(t));
    out[name] = py::make_tuple(owned_array(std::move(column->codes)), texts);
  }
  std::pair<const char*, JsonlValues*> values[] = {
      {"path", &c.path}, {"path2", &c.path2}, {"fd_path", &c.fd_path},
      {"data", &c.data}, {"data2", &c.data2}, {"argv_values", &c.argv}};
  for (auto& [name, column] : values)
    out[name] = py::make_tuple(owned_array(std::move(column->offsets)), owned_bytes(column->data),
                               owned_array(std::move(column->valid)));
  out["argv"] = py::make_tuple(owned_array(std::move(c.argv_offsets)),
                               owned_array(std::move(c.argv_valid)));
  out["truncated"] = owned_array(std::move(c.truncated));
  out["has_items"] = owned_array(std::move(c.has_items));
  return out;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "observer's C++ core: loads the BPF programs and reads their ring buffer.";

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const Error& e) {
      raise_python(e);
    }
  });

  m.attr("MAX_SYSCALLS") = MAX_SYSCALLS;
  m.attr("TASK_COMM_LEN") = TASK_COMM_LEN;
  m.attr("NAME_LEN") = NAME_LEN;
  m.attr("EVENT_HAS_RET") = static_cast<int>(EVENT_HAS_RET);
  m.attr("EVENT_HAS_TIME") = static_cast<int>(EVENT_HAS_TIME);
  m.attr("EVENT_HAS_STRINGS") = static_cast<int>(EVENT_HAS_STRINGS);
  m.attr("EVENT_COMPAT") = static_cast<int>(EVENT_COMPAT);
  m.attr("EVENT_UNFINISHED") = static_cast<int>(EVENT_UNFINISHED);
  m.attr("EVENT_DETACHED") = static_cast<int>(EVENT_DETACHED);
  m.attr("EVENT_RESUMED") = static_cast<int>(EVENT_RESUMED);
  m.attr("EVENT_STOPPED") = static_cast<int>(EVENT_STOPPED);
  m.attr("STRING_MAX") = STRING_MAX;
  m.attr("COMPAT_STATS") = COMPAT_STATS;
  m.attr("LATENCY_SUB_BITS") = LATENCY_SUB_BITS;
  m.attr("LATENCY_BUCKETS") = LATENCY_BUCKETS;
  m.def(
      "read_log_columns",
      [](const std::string& path) {
        LogColumns columns;
        {
          py::gil_scoped_release release;  // safe: pure C++ on local data until the end
          columns = read_log_columns(path);
        }
        py::list comms;
        for (const auto& c : columns.comms) comms.append(py::bytes(c));
        py::object tid = py::none();
        if (columns.has_tid) tid = owned_array(std::move(columns.tid));
        return py::make_tuple(owned_array(std::move(columns.pid)),
                              owned_array(std::move(columns.nr)),
                              owned_array(std::move(columns.comm)), comms, columns.malformed,
                              tid);
      },
      py::arg("path"),
      "Parse a trace log (pid:nr:comm lines) into (pid uint32[], nr int32[], comm uint32[] "
      "indexes into comms, comms: distinct escaped names as bytes, malformed: count of "
      "non-blank lines that do not parse, tid uint32[] of a log with thread ids (its first "
      "line '# pid:tid:syscall_id:comm') or None). Blank lines are skipped. Raises "
      "ObserverError if the file cannot be read.");
  m.def(
      "read_jsonl_columns",
      [](const std::string& path, int32_t execve, int32_t execveat) -> py::object {
        JsonlColumns columns = [&] {
          py::gil_scoped_release release;  // safe: pure C++ on local data until the end
          return read_jsonl_columns(path, ArgvSyscalls{execve, execveat});
        }();
        if (!columns.recognised) return py::none();
        return jsonl_dict(columns);
      },
      py::arg("path"), py::arg("execve") = -1, py::arg("execveat") = -1,
      "Read observer's own JSON Lines (as JsonSink writes them) into the record schema's "
      "columns: a dict of NumPy arrays (a null mask beside a nullable column; a dictionary "
      "column as (int32 codes, -1 null, texts); a text or bytes column as (int32 offsets, "
      "uint8 data, uint8 valid)); execve and execveat are the numbers whose buffer argument "
      "1 or 2 is an argv blob. None when some line is not in the sink's shape (read it "
      "with a general JSON parser). Raises ObserverError if the file cannot be read.");
  m.def(
      "record_batch",
      [](py::array_t<Event, py::array::c_style> events, int64_t clock_offset_ns,
         const std::string& host) {
        const Event* data = events.data();
        auto n = static_cast<size_t>(events.size());
        RecordBatchBuilder builder(clock_offset_ns, host);
        {
          py::gil_scoped_release release;  // safe: reads the array, which events keeps alive
          for (size_t i = 0; i < n; ++i) builder.append(&data[i], sizeof(Event));
        }
        return to_capsules(builder.finish());
      },
      py::arg("events"), py::arg("clock_offset_ns"), py::arg("host") = "",
      "Records of dtype event_dtype (fixed fields only) as one Arrow record batch of the "
      "record schema, host in every row ('': null): (schema, array) PyCapsules of the Arrow "
      "C Data Interface.");
  m.def(
      "cgroup_origin",
      [](const std::string& path) {
        CgroupOrigin origin = cgroup_origin(path);
        auto text = [](const std::string& s) { return s.empty() ? py::object(py::none())
                                                                : py::object(py::str(s)); };
        return py::make_tuple(text(origin.container_id), text(origin.pod_uid));
      },
      py::arg("path"),
      "(container_id, pod_uid) that a cgroup v2 path shows by the directory names of docker, "
      "containerd, CRI-O, podman and the kubelet (cgroupfs and systemd drivers), each None "
      "when the path has no such shape; the pod uid with dashes.");
  m.def(
      "decoding_table",
      [](bool compat) {
        // One row per number the table names: (nr, name, decoding, hand_written, args).
        py::list rows;
        for (int nr = 0; nr < MAX_SYSCALLS; ++nr) {
          std::string_view name = compat ? compat_syscall_name(nr) : syscall_name(nr);
          if (name.empty()) continue;
          const SyscallInfo* info = compat ? compat_syscall_info(nr) : syscall_info(nr);
          static constexpr const char* kLevels[] = {"full", "partial", "raw"};
          py::list args;
          for (unsigned i = 0; info && i < info->nargs; ++i)
            args.append(std::string(arg_name(info->args[i])));
          rows.append(py::make_tuple(nr, std::string(name),
                                     kLevels[static_cast<int>(decoding(info))],
                                     hand_written(info), info ? py::object(args) : py::none()));
        }
        return rows;
      },
      py::arg("compat") = false,
      "How the strace format decodes each syscall of the native table (compat: the i386 one): "
      "(nr, name, 'full' | 'partial' | 'raw', hand_written, argument kinds or None).");
  m.def("event_dtype", &event_dtype,
        "The NumPy dtype of one record (imports NumPy on first call, not with this module).");

  m.def("set_verbosity", &set_verbosity, py::arg("level"),
        "Print libbpf's messages to stderr: 0 none, 1 warnings, 2 debug.");

  py::class_<Feature>(m, "Feature", "One line of the kernel feature report.")
      .def_readonly("name", &Feature::name)
      .def_readonly("available", &Feature::available, "True, False, or None if unknown.")
      .def_readonly("detail", &Feature::detail)
      .def_readonly("required", &Feature::required, "observer cannot trace without it.")
      .def("__repr__", [](const Feature& f) {
        std::string state = f.available ? (*f.available ? "True" : "False") : "None";
        return "Feature(" + f.name + ", available=" + state + ")";
      });
  m.def(
      "probe_kernel",
      [](const std::string& probe_root) { return probe_kernel(SystemFeatures(probe_root)); },
      py::arg("probe_root") = "/",
      "What the kernel offers and observer uses, in display order (observer --info). Files are "
      "read under probe_root, so a test can point it at a fake tree; BPF probes ask the kernel.");

  py::class_<Spec>(m, "Spec", "What to trace; read once by Tracer().")
      .def(py::init<>())
      .def_readwrite("pids", &Spec::pids)
      .def_readwrite("syscalls", &Spec::syscalls)
      .def_readwrite("compat_syscalls", &Spec::compat_syscalls)
      .def_readwrite("compat_syscalls_set", &Spec::compat_syscalls_set)
      .def_readwrite("comms", &Spec::comms)
      .def_readwrite("paths", &Spec::paths)
      .def_readwrite("follow", &Spec::follow)
      .def_readwrite("capture_exit", &Spec::capture_exit)
      .def_readwrite("capture_time", &Spec::capture_time)
      .def_readwrite("emit_records", &Spec::emit_records)
      .def_readwrite("compact_records", &Spec::compact_records,
                     "Entry records as the log's short record (no arguments, no time); "
                     "poll() widens them to events with those fields zero.")
      .def_readwrite("count_stats", &Spec::count_stats)
      .def_readwrite("count_latency", &Spec::count_latency)
      .def_readwrite("failed_only", &Spec::failed_only)
      .def_readwrite("successful_only", &Spec::successful_only)
      .def_readwrite("unfinished_only", &Spec::unfinished_only)
      .def_readwrite("exit_records", &Spec::exit_records)
      .def_readwrite("string_limit", &Spec::string_limit)
      .def_readwrite("data_limit", &Spec::data_limit)
      .def_readwrite("fd_paths", &Spec::fd_paths)
      .def_readwrite("stack_trace", &Spec::stack_trace)
      .def_readwrite("absolute_paths", &Spec::absolute_paths)
      .def_readwrite("envp_strings", &Spec::envp_strings)
      .def_readwrite("whole_data", &Spec::whole_data)
      .def_readwrite("resume_pids", &Spec::resume_pids)
      .def_readwrite("ring_size", &Spec::ring_size)
      .def_readwrite("backlog_size", &Spec::backlog_size,
                     "Bytes of drained records that may wait to be written; 0 = 16 ring sizes, "
                     "at most 1 GiB.")
      .def_readwrite("self_tgid", &Spec::self_tgid)
      .def_readwrite("cgroup_id", &Spec::cgroup_id)
      .def_readwrite("cgroup_level", &Spec::cgroup_level)
      .def_readwrite("uid", &Spec::uid)
      .def_readwrite("syscall_tracepoints", &Spec::syscall_tracepoints,
                     "With a selection, the per-syscall tracepoints where they keep every "
                     "guarantee (Tracer.notes says which were used).")
      .def_readwrite("probe_root", &Spec::probe_root);

  m.def(
      "probe_features",
      [](const std::string& probe_root, Spec spec) {
        spec.probe_root = probe_root;
        return probe_features(spec);
      },
      py::arg("probe_root") = "/", py::arg("spec") = Spec(),
      "Raise TracerPermissionError without privileges, UnsupportedKernelError if the kernel "
      "lacks BTF, the BPF ring buffer or a tracepoint spec needs; return notes about absent "
      "features that are not needed. probe_root replaces '/' (for tests).");

  py::class_<Counters>(m, "Counters", "What the kernel side counted.")
      .def_readonly("lost", &Counters::lost, "Records dropped: the sum of the lost_* causes.")
      .def_readonly("lost_ring", &Counters::lost_ring, "Calls dropped: the ring was full.")
      .def_readonly("lost_storage", &Counters::lost_storage,
                    "Calls whose start could not be kept in task storage.")
      .def_readonly("lost_oversized", &Counters::lost_oversized,
                    "Records larger than the ring.")
      .def_readonly("lost_notices", &Counters::lost_notices,
                    "Process exits and signals dropped: the ring was full.")
      .def_readonly("untraced_forks", &Counters::untraced_forks)
      .def_readonly("untraced_execs", &Counters::untraced_execs,
                    "-n: programs not traced: a pid past the traced bitmap.")
      .def_readonly("traced_alive", &Counters::traced_alive)
      .def_readonly("dropped", &Counters::dropped,
                    "Records taken from the ring and dropped because the backlog was full.");

  py::class_<Sink>(m, "Sink", "Destination of records.")
      .def("flush", &Sink::flush)
      .def_property_readonly("written", &Sink::written, "Records that reached the output.");

  py::class_<TextSink, Sink>(m, "TextSink", "The trace log: one 'tgid:nr:comm' line per syscall.")
      .def(py::init(&TextSink::open), py::arg("path"), "Create path ('-' = standard output).");
  py::class_<TidTextSink, TextSink>(m, "TidTextSink",
                                    "The trace log with thread ids: a header line '# pid:tid:"
                                    "syscall_id:comm', then one 'tgid:tid:nr:comm' per syscall.")
      .def(py::init(&TidTextSink::open), py::arg("path"),
           "Create path ('-' = standard output).");

  py::class_<DiscardSink, Sink>(m, "DiscardSink", "Counts records and drops them.")
      .def(py::init<>());

  // strace's -x, -X, -e raw=/abbrev=/verbose= (calls: StraceDisplay::Call bits by native
  // syscall number) and -e read=/write=.
  auto display_of = [](int hex_strings, const std::string& xlat, const py::bytes& calls,
                       std::vector<int> read_fds, std::vector<int> write_fds,
                       uint32_t data_limit) {
    StraceDisplay d;
    d.display.data_limit = data_limit;
    if (hex_strings < 0 || hex_strings > 2)
      throw std::invalid_argument("hex_strings is 0, 1 (-x) or 2 (-xx)");
    d.display.hex_strings = static_cast<uint8_t>(hex_strings);
    if (xlat == "raw")
      d.display.xlat = text::Xlat::kRaw;
    else if (xlat == "verbose")
      d.display.xlat = text::Xlat::kVerbose;
    else if (xlat != "abbrev")
      throw std::invalid_argument("xlat is raw, abbrev or verbose, not " + xlat);
    std::string bits = calls;
    d.calls.assign(bits.begin(), bits.end());
    d.read_fds = std::move(read_fds);
    d.write_fds = std::move(write_fds);
    return d;
  };

  py::class_<SplitSink, Sink>(m, "SplitSink",
                              "-ff: one file per process. format 'log' writes the formatter's "
                              "DIR/<comm>:<pid>.log files, 'jsonl' and 'strace' FILE.<pid>.")
      .def(py::init([display_of](const std::string& path, const std::string& format,
                                 int timestamps, bool durations, bool relative,
                                 const std::string& host, int hex_strings,
                                 const std::string& xlat, const py::bytes& calls,
                                 std::vector<int> read_fds, std::vector<int> write_fds,
                                 uint32_t data_limit) {
             SplitSink::Kind kind = SplitSink::Kind::kSequence;
             if (format == "jsonl")
               kind = SplitSink::Kind::kJson;
             else if (format == "strace")
               kind = SplitSink::Kind::kStrace;
             else if (format != "log")
               throw std::invalid_argument("per-process files are log, jsonl or strace, not " +
                                           format);
             return std::make_unique<SplitSink>(
                 path, kind, TimeFormat{timestamps, durations, relative}, host,
                 display_of(hex_strings, xlat, calls, std::move(read_fds),
                            std::move(write_fds), data_limit));
           }),
           py::arg("path"), py::arg("format"), py::arg("timestamps") = 0,
           py::arg("durations") = false, py::arg("relative") = false, py::arg("host") = "",
           py::arg("hex_strings") = 0, py::arg("xlat") = "abbrev",
           py::arg("calls") = py::bytes(), py::arg("read_fds") = std::vector<int>{},
           py::arg("write_fds") = std::vector<int>{}, py::arg("data_limit") = 0,
           "Files are created as their processes first write; jsonl records name host "
           "('': none); strace files are shown as StraceSink's display arguments say.")
      .def("close", &SplitSink::close,
           "Flush and close every file; sequence files get their final newline.")
      .def_property_readonly("files", &SplitSink::files, "Files created so far.")
      .def("set_stacks", [](SplitSink& sink) { sink.set_stacks(std::make_shared<Stacks>()); },
           "-k: each call's user stack (jsonl, strace files).");

  py::class_<JsonSink, Sink>(m, "JsonSink", "JSON Lines: one object per syscall, all fields.")
      .def(py::init(&JsonSink::open), py::arg("path"), py::arg("host") = "",
           "Create path ('-' = standard output); every record names host ('': none).")
      .def(
          "write_end",
          [](JsonSink& sink, const py::dict& counts) {
            std::vector<std::pair<std::string, int64_t>> items;
            for (auto [key, value] : counts)
              items.emplace_back(py::cast<std::string>(key), py::cast<int64_t>(value));
            sink.write_end(items);
          },
          py::arg("counts"),
          "Write the last line, {\"kind\":\"end\", ...counts in their order}, and flush; "
          "written does not count it.")
      .def("set_stacks", [](JsonSink& sink) { sink.set_stacks(std::make_shared<Stacks>()); },
           "-k: each call's user stack, its \"stack\".");

  py::class_<StraceSink, Sink>(m, "StraceSink", "strace-style lines with decoded arguments.")
      .def(py::init([display_of](const std::string& path, int timestamps, bool durations,
                                 bool relative, int hex_strings, const std::string& xlat,
                                 const py::bytes& calls, std::vector<int> read_fds,
                                 std::vector<int> write_fds, uint32_t data_limit) {
             return StraceSink::open(path, TimeFormat{timestamps, durations, relative},
                                     display_of(hex_strings, xlat, calls, std::move(read_fds),
                                                std::move(write_fds), data_limit));
           }),
           py::arg("path"), py::arg("timestamps") = 0, py::arg("durations") = false,
           py::arg("relative") = false, py::arg("hex_strings") = 0, py::arg("xlat") = "abbrev",
           py::arg("calls") = py::bytes(), py::arg("read_fds") = std::vector<int>{},
           py::arg("write_fds") = std::vector<int>{}, py::arg("data_limit") = 0,
           "Create path ('-' = standard output); timestamps 1 = -t, 2 = -tt, 3 = -ttt; "
           "durations = -T; relative = -r; hex_strings 1 = -x, 2 = -xx; xlat = -X; calls: "
           "per native syscall number, 1 = -e raw=, 2 = not in -e abbrev=, 4 = not in "
           "-e verbose=; read_fds, write_fds = -e read=, -e write= dumps; data_limit: bytes "
           "shown of a data buffer captured longer (0: all).")
      .def("set_stacks", [](StraceSink& sink) { sink.set_stacks(std::make_shared<Stacks>()); },
           "-k: each call's user stack after its line, as strace -k writes it.");
  m.attr("STACK_TRACES") = Stacks::available();

  py::class_<SyscallStats>(m, "SyscallStats", "Totals of one syscall from summary mode.")
      .def_readonly("nr", &SyscallStats::nr,
                    "Native number, or COMPAT_STATS + the i386 number of a 32-bit call.")
      .def_readonly("calls", &SyscallStats::calls)
      .def_readonly("errors", &SyscallStats::errors, "Calls that returned -4095..-1.")
      .def_readonly("total_ns", &SyscallStats::total_ns, "Wall time, entry to exit, summed.")
      .def_readonly("max_ns", &SyscallStats::max_ns, "The longest call's wall time.")
      .def_readonly("cpu_ns", &SyscallStats::cpu_ns,
                    "Time on a CPU between entry and exit, summed (strace -c's system time).")
      .def_readonly("returned", &SyscallStats::returned,
                    "Calls that returned (exit and exit_group never do): the calls min_ns, "
                    "min_cpu_ns and max_cpu_ns cover.")
      .def_readonly("min_ns", &SyscallStats::min_ns, "The shortest returned call's wall time.")
      .def_readonly("min_cpu_ns", &SyscallStats::min_cpu_ns,
                    "The least CPU time of a returned call.")
      .def_readonly("max_cpu_ns", &SyscallStats::max_cpu_ns,
                    "The most CPU time of a returned call.")
      .def_readonly("latency", &SyscallStats::latency,
                    "With Spec.count_latency: calls per bucket of wall time (LATENCY_BUCKETS "
                    "buckets, LATENCY_SUB_BITS per power of two); empty otherwise.");

  py::class_<BatchSink, Sink>(m, "BatchSink", "Collects records for NumPy.")
      .def(py::init<>())
      .def(
          "take", [](BatchSink& s) { return to_array(s.take()); },
          "Records collected since the last call, as an array of dtype event_dtype that owns "
          "its memory.");

  py::class_<RecordBatchSink, Sink>(
      m, "RecordBatchSink",
      "Collects records as Arrow record batches of the record schema, built in C++.")
      .def(py::init<int64_t, std::string>(), py::arg("clock_offset_ns"), py::arg("host") = "",
           "time = ts_ns + clock_offset_ns (CLOCK_REALTIME - CLOCK_MONOTONIC); every row's "
           "host column is host ('': null).")
      .def(
          "take", [](RecordBatchSink& s) { return to_capsule_list(s.take()); },
          "Batches collected since the last call, each a (schema, array) pair of Arrow "
          "PyCapsules; the columns' memory moves to whoever imports them.");

  py::class_<Tracer>(m, "Tracer",
                     "Loaded programs, their ring buffer and the thread that drains it. Used "
                     "from one thread.")
      .def(py::init<const Spec&>(), py::arg("spec"))
      .def("attach", &Tracer::attach, "Attach the programs and start draining the ring.")
      .def("detach", &Tracer::detach)
      // Safe without the GIL: the sink is C++ and never calls back into Python.
      .def("poll", &Tracer::poll, py::arg("sink"), py::arg("timeout_ms"),
           py::call_guard<py::gil_scoped_release>(),
           "Wait up to timeout_ms for drained records, write them (about 8 MiB at most) to "
           "sink; returns how many.")
      .def("drain", &Tracer::drain, py::arg("sink"), py::call_guard<py::gil_scoped_release>(),
           "Stop draining; write every record left in the backlog and the ring to sink.")
      .def("discard", &Tracer::discard, py::call_guard<py::gil_scoped_release>(),
           "Drop every record left in the backlog and the ring (counted in discarded); "
           "returns how many.")
      .def("add_pid", [](Tracer& t, uint32_t pid) { return t.maps().add_tgid(pid); },
           py::arg("pid"),
           "Trace pid; False if it already was (the kernel or an earlier call added it).")
      .def("erase_pid", [](Tracer& t, uint32_t pid) { t.maps().erase_tgid(pid); }, py::arg("pid"))
      .def("traced", [](Tracer& t, uint32_t pid) { return t.maps().traced(pid); }, py::arg("pid"))
      .def("traced_count", [](Tracer& t) { return t.maps().traced_count(); },
           "Processes traced now (counts the bits of the traced bitmap).")
      .def("watch", &Tracer::watch, py::arg("fd"),
           "Make poll() return as soon as fd is readable, once (a pidfd: when its process "
           "exits). fd must stay open while the tracer lives.")
      .def("counters", &Tracer::counters)
      .def_property_readonly("consumed", &Tracer::consumed,
                             "Records taken from the ring for a sink, in total.")
      .def_property_readonly("unfinished", &Tracer::unfinished,
                             "Of those, calls that never returned while traced.")
      .def_property_readonly("resumed", &Tracer::resumed,
                             "Of those, calls that began before tracing did (-p).")
      .def_property_readonly("discarded", &Tracer::discarded,
                             "Records dropped by discard().")
      .def_property_readonly("abandoned", &Tracer::abandoned,
                             "Records the last drain() could not wait for (still being "
                             "written after 100 ms), never written.")
      .def_property_readonly("backlog", &Tracer::backlog,
                             "Bytes of drained records waiting for poll() now.")
      .def_property_readonly("peak_backlog", &Tracer::peak_backlog,
                             "The most bytes of drained records that waited at once.")
      .def_property_readonly("notes", &Tracer::notes,
                             "Start-up notes: absent features that are not needed.")
      .def("stats", &Tracer::stats, "Per-syscall totals of summary mode, summed over CPUs.");

  py::class_<Child>(m, "Child", "A command that execs only when released.")
      .def(py::init<const std::string&, const std::vector<std::string>&>(), py::arg("path"),
           py::arg("argv"))
      .def_property_readonly("pid", &Child::pid)
      .def("release", &Child::release)
      .def("poll", &Child::poll,
           "Exit status if exited (128 + signal if killed), else None. Raises ObserverError "
           "(errno ECHILD) if another waiter in this process reaped the child first.")
      .def("wait", &Child::wait, py::call_guard<py::gil_scoped_release>(),
           "Waits for the exit status; raises like poll() if the child was reaped elsewhere.")
      .def("kill", &Child::kill, py::arg("sig"));
}
