"""What full records capture in the kernel beyond arguments: what fds name (-y), where
relative paths start (--absolute), calls that never return or began before tracing, and the
accounting of every call made while attached."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .helpers import Observer, compile_c, run_observer, wait_in_syscall, wait_until

pytestmark = pytest.mark.bpf

# argv[1] names what to do; argv[2] is a scratch directory where it needs one.
#   fds DIR      opens, reads, pipes, sockets, dup2, memfd, an unlinked file (for -y)
#   paths DIR    relative paths from the cwd and from a directory fd (for --absolute)
#   strings DIR  calls with more than two string arguments (renameat2, linkat, symlinkat)
#   die N        N getppid in each of 3 threads, which then block in read; the leader
#                makes N getppid, waits until /proc says each reader is in its read and calls
#                exit_group: the readers never return
#   block        makes a pipe (fds 3 and 4), prints its pid, reads a byte from stdin, then
#                blocks in a read of the pipe until killed
#   burst N      N getppid as fast as it can
PROGRAM = r"""
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int pipe_fds[2];
static long calls;
static atomic_int reader_tids[3];

static void *reader(void *arg) {
  char c;
  atomic_store(&reader_tids[(long)arg], (int)syscall(SYS_gettid));
  for (long i = 0; i < calls; i++) syscall(SYS_getppid);
  read(pipe_fds[0], &c, 1);
  return NULL;
}

/* Whether thread tid is blocked in a read of fd: /proc/self/task/TID/syscall starts with
 * the call's number and first argument. pread, so that the look itself is no read. */
static int in_read(int tid, int fd) {
  char path[64], text[256], want[64];
  snprintf(path, sizeof path, "/proc/self/task/%d/syscall", tid);
  int f = open(path, O_RDONLY);
  if (f < 0) return 0;
  ssize_t n = pread(f, text, sizeof text - 1, 0);
  close(f);
  if (n <= 0) return 0;
  text[n] = 0;
  int len = snprintf(want, sizeof want, "%d 0x%x ", SYS_read, fd);
  return strncmp(text, want, len) == 0;
}

int main(int argc, char **argv) {
  char path[512], buf[8];
  if (strcmp(argv[1], "fds") == 0) {
    snprintf(path, sizeof path, "%s/data.txt", argv[2]);
    int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0644);
    write(fd, "abc", 3);
    int p[2];
    pipe(p);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    dup2(fd, 10);
    close(10);
    int m = memfd_create("observer", 0);
    unlink(path);
    pread(fd, buf, 3, 0);
    close(fd);
    close(p[0]);
    close(p[1]);
    close(s);
    close(m);
    return 0;
  }
  if (strcmp(argv[1], "paths") == 0) {
    chdir(argv[2]);
    close(open("rel.txt", O_CREAT | O_WRONLY, 0644));
    int dir = open("/etc", O_RDONLY | O_DIRECTORY);
    faccessat(dir, "./hostname", F_OK, 0);
    close(dir);
    access("../missing/../rel", F_OK);
    return 0;
  }
  if (strcmp(argv[1], "strings") == 0) {
    chdir(argv[2]);
    close(open("a", O_CREAT | O_WRONLY, 0644));
    renameat2(AT_FDCWD, "a", AT_FDCWD, "b", 0);
    linkat(AT_FDCWD, "b", AT_FDCWD, "c", 0);
    symlinkat("target", AT_FDCWD, "d");
    return 0;
  }
  if (strcmp(argv[1], "die") == 0) {
    calls = atol(argv[2]);
    pipe(pipe_fds);
    pthread_t t[3];
    for (long i = 0; i < 3; i++) pthread_create(&t[i], NULL, reader, (void *)i);
    for (long i = 0; i < calls; i++) syscall(SYS_getppid);
    struct timespec pause = {0, 1000 * 1000};
    for (int i = 0; i < 3; i++)
      while (!atomic_load(&reader_tids[i]) || !in_read(atomic_load(&reader_tids[i]), pipe_fds[0]))
        nanosleep(&pause, NULL);
    syscall(SYS_exit_group, 0);
  }
  if (strcmp(argv[1], "block") == 0) {
    pipe(pipe_fds);
    printf("%d\n", getpid());
    fflush(stdout);
    read(0, buf, 1);
    read(pipe_fds[0], buf, 1);
    return 0;
  }
  if (strcmp(argv[1], "burst") == 0) {
    long n = atol(argv[2]);
    for (long i = 0; i < n; i++) syscall(SYS_getppid);
    return 0;
  }
  return 2;
}
"""


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_c(tmp_path_factory.mktemp("capture"), PROGRAM, "-pthread")


def unpadded(text: str) -> str:
    """strace lines without the padding that puts each result at column 40."""
    return re.sub(r"\) +(= )", r") \1", text)


def strace_lines(*args: str, tmp: Path) -> list[str]:
    out = tmp / "trace.txt"
    result = run_observer("-q", "-f", "--format", "strace", "-o", str(out), *args)
    assert result.returncode == 0, result.stderr
    return [line.split(maxsplit=1)[1] for line in unpadded(out.read_text()).splitlines()]


def jsonl(*args: str, tmp: Path) -> tuple[list[dict[str, Any]], dict[str, Any], str]:
    out = tmp / "trace.jsonl"
    result = run_observer("-f", "--format", "jsonl", "-o", str(out), *args)
    assert result.returncode == 0, result.stderr
    # The lines that name cgroups are not records (written does not count them).
    records = [r for r in map(json.loads, out.read_text().splitlines())
               if r.get("kind") != "cgroup"]
    assert records and records[-1]["kind"] == "end", records[-1:]
    return records[:-1], records[-1], result.stderr


def test_fds_show_what_they_name_at_the_call(program: Path, tmp_path: Path) -> None:
    lines = strace_lines("-y", "--", str(program), "fds", str(tmp_path), tmp=tmp_path)
    data = f"{tmp_path}/data.txt"
    expected = [
        rf'openat\(AT_FDCWD<{re.escape(os.getcwd())}>, "{re.escape(data)}", '
        rf"O_RDWR\|O_CREAT\|O_TRUNC, 0644\) = 3<{re.escape(data)}>",
        rf'write\(3<{re.escape(data)}>, "abc", 3\) = 3',
        r"pipe2\(\[4<pipe:\[(\d+)\]>, 5<pipe:\[\1\]>\], 0\) = 0",
        r"socket\(AF_INET, SOCK_STREAM, IPPROTO_IP\) = 6<socket:\[\d+\]>",
        rf"dup2\(3<{re.escape(data)}>, 10\) = 10<{re.escape(data)}>",
        rf"close\(10<{re.escape(data)}>\) = 0",
        r'memfd_create\("observer", 0\) = 7</memfd:observer>\(deleted\)',
        # Unlinked after it was opened: the path as the kernel names it now.
        rf'pread64\(3<{re.escape(data)}>\(deleted\), "abc", 3, 0\) = 3',
        r"close\(4<pipe:\[\d+\]>\) = 0",
        r"close\(6<socket:\[\d+\]>\) = 0",
    ]
    text = "\n".join(lines)
    for pattern in expected:
        assert re.search(rf"^{pattern}$", text, re.M), (pattern, text[-3000:])


def test_a_directory_longer_than_a_blob_has_its_entries_counted(tmp_path: Path) -> None:
    # 600 entries of 40 bytes: 24 KiB of dirents in one getdents64, more than the 4 KiB
    # kept of a buffer; the kernel counts the rest, as strace does.
    directory = tmp_path / "many"
    directory.mkdir()
    for i in range(598):
        (directory / f"entry-with-a-long-name-{i:04}").touch()
    lines = [line for line in strace_lines("-s", "getdents64", "--", "ls", str(directory),
                                           tmp=tmp_path) if line.startswith("getdents64(")]
    counts = [re.search(r"/\* (\d+) entr(?:y|ies) \*/", line) for line in lines]
    assert all(counts), lines
    assert sum(int(c.group(1)) for c in counts if c) == 600  # with . and ..
    assert int(lines[0].rsplit("= ", 1)[1]) > 4096


def test_fd_paths_in_json_lines(program: Path, tmp_path: Path) -> None:
    records, _, _ = jsonl("-y", "--", str(program), "fds", str(tmp_path), tmp=tmp_path)
    (dup2,) = [r for r in records if r.get("syscall") == "dup2"]
    data = f"{tmp_path}/data.txt"
    assert dup2["fd_paths"] == [{"of": "arg0", "path": data}, {"of": "ret", "path": data}]
    pread = [r for r in records if r.get("syscall") == "pread64"][-1]  # the loader's first
    assert pread["fd_paths"] == [{"of": "arg0", "path": data, "deleted": True}]
    (pipe,) = [r for r in records if r.get("syscall") == "pipe2"]
    assert [p["of"] for p in pipe["fd_paths"]] == ["pair[0]", "pair[1]"]
    # Without -y no path is read: the default full record pays for none of it.
    records, _, _ = jsonl("--", str(program), "fds", str(tmp_path), tmp=tmp_path)
    assert not any("fd_paths" in r for r in records)


def test_relative_paths_become_absolute(program: Path, tmp_path: Path) -> None:
    lines = strace_lines("--absolute", "--", str(program), "paths", str(tmp_path),
                         tmp=tmp_path)
    text = "\n".join(lines)
    assert re.search(rf'^openat\(AT_FDCWD, "{re.escape(str(tmp_path))}/rel.txt", '
                     r"O_WRONLY\|O_CREAT, 0644\) = 3$", text, re.M), text[-2000:]
    # From the directory fd, not the cwd; ".." resolved by name.
    assert re.search(r'^faccessat2?\(3, "/etc/hostname", F_OK(, 0)?\) = 0$', text, re.M), text
    assert re.search(rf'^access\("{re.escape(str(tmp_path.parent))}/rel", F_OK\) = -1 ENOENT',
                     text, re.M), text[-2000:]
    records, _, _ = jsonl("--absolute", "--", str(program), "paths", str(tmp_path),
                          tmp=tmp_path)
    (create,) = [r for r in records if r.get("syscall") == "openat"
                 and r["strings"] and r["strings"][0]["value"] == "rel.txt"]
    assert create["strings"][0]["absolute"] == f"{tmp_path}/rel.txt"


def test_every_string_argument_is_captured(program: Path, tmp_path: Path) -> None:
    text = "\n".join(strace_lines("--", str(program), "strings", str(tmp_path), tmp=tmp_path))
    # glibc makes renameat2 without flags a renameat.
    assert re.search(r'^renameat\(AT_FDCWD, "a", AT_FDCWD, "b"\) = 0$', text, re.M), text
    assert re.search(r'^linkat\(AT_FDCWD, "b", AT_FDCWD, "c", 0\) = 0$', text, re.M), text
    assert re.search(r'^symlinkat\("target", AT_FDCWD, "d"\) = 0$', text, re.M), text


def test_calls_killed_by_a_siblings_exit_group_are_unfinished(program: Path,
                                                               tmp_path: Path) -> None:
    calls = 200
    records, end, stderr = jsonl("-s", "getppid,read,exit_group", "--", str(program), "die",
                                 str(calls), tmp=tmp_path)
    syscalls = [r for r in records if "syscall" in r]
    reads = [r for r in syscalls if r["syscall"] == "read" and r["ret"] is None]
    # The three readers were killed in read: no return value, and said so.
    assert len(reads) == 3, reads
    assert all(r["unfinished"] == "killed" and r["ret"] is None for r in reads)
    assert len({r["tid"] for r in reads}) == 3
    # Every call of the run is there: 4 threads' getppid, 3 reads, one exit_group.
    assert sum(r["syscall"] == "getppid" for r in syscalls) == 4 * calls
    assert sum(r["syscall"] == "exit_group" for r in syscalls) == 1
    assert end["lost"] == 0 and end["unfinished"] == 3
    assert end["written"] == len(records)
    assert "3 unfinished among them" in stderr
    # strace's words for them.
    text = "\n".join(strace_lines("-s", "read", "--", str(program), "die", "1", tmp=tmp_path))
    assert len(re.findall(r"^read\(3,  <unfinished \.\.\.>\) = \?$", text, re.M)) == 3, text


def test_status_unfinished_keeps_only_the_calls_that_never_returned(program: Path,
                                                                    tmp_path: Path) -> None:
    # strace's -e status=unfinished: of 4 threads' 200 getppid, 3 killed reads and the
    # exit_group, only the reads and the exit_group (which never returns) are left.
    lines = strace_lines("-e", "status=unfinished", "--", str(program), "die", "200",
                         tmp=tmp_path)
    calls = [line for line in lines if not line.startswith(("+++", "---"))]
    assert len(re.findall(r"^read\(3,  <unfinished \.\.\.>\) = \?$", "\n".join(calls),
                          re.M)) == 3, calls
    assert not [line for line in calls if "<unfinished" not in line and
                not line.startswith("exit_group(")], calls
    assert lines[-1] == "+++ exited with 0 +++", lines
    result = run_observer("-e", "status=unfinished", "-e", "status=failed", "--", "true")
    assert result.returncode == 2
    assert "status=failed and status=unfinished select nothing together" in result.stderr


def blocked_target(program: Path) -> tuple[subprocess.Popen[bytes], int]:
    """program block, once it is blocked in its read of stdin."""
    target = subprocess.Popen([str(program), "block"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE)
    assert target.stdout is not None
    pid = int(target.stdout.readline())
    wait_in_syscall(pid, "read", 0)
    return target, pid


def test_a_call_running_at_attach_ends_resumed_and_one_running_at_detach_detached(
        program: Path, tmp_path: Path) -> None:
    target, pid = blocked_target(program)
    try:
        assert target.stdin is not None
        out = tmp_path / "trace.txt"
        with Observer("-y", "-o", str(out), "-p", str(pid)) as obs:
            # The read of stdin began before attach and returns now; the read of the pipe the
            # target blocks in next is still running when tracing ends.
            target.stdin.write(b"x")
            target.stdin.flush()
            wait_in_syscall(pid, "read", 3)
            assert obs.stop() == 0, obs.stderr
        lines = unpadded(out.read_text()).splitlines()
        assert re.fullmatch(rf'{pid:<5} <\.\.\. read resumed>"x", 1\) = 1', lines[0]), lines
        assert any(re.fullmatch(rf"{pid:<5} read\(3<pipe:\[\d+\]>,  <detached \.\.\.>", line)
                   for line in lines), lines
        assert "1 unfinished and 1 resumed among them" in obs.stderr
    finally:
        target.kill()
        target.wait()


@pytest.mark.parametrize("select", [["-e", "status=unfinished"], ["-P", "/nonexistent"]])
def test_a_call_running_at_attach_is_not_written_when_a_filter_cannot_pass_it(
        program: Path, tmp_path: Path, select: list[str]) -> None:
    # A resumed call returned, so status=unfinished never selects it; its entry was never
    # seen, so -P cannot know what it touched. strace writes neither.
    target, pid = blocked_target(program)
    try:
        assert target.stdin is not None
        out = tmp_path / "trace.txt"
        with Observer(*select, "--format", "strace", "-o", str(out), "-p", str(pid)) as obs:
            target.stdin.write(b"x")
            target.stdin.flush()
            wait_in_syscall(pid, "read", 3)
            assert obs.stop() == 0, obs.stderr
        text = out.read_text()
        assert "resumed" not in text, text
        assert "resumed among them" not in obs.stderr, obs.stderr
    finally:
        target.kill()
        target.wait()


def test_written_and_lost_add_up_to_every_call(program: Path, tmp_path: Path) -> None:
    """A ring of one page cannot hold a fast burst: whatever is not written is counted."""
    calls = 20000
    # The launcher's own getppid, before it execs the command.
    records, end, _ = jsonl("-s", "getppid", "--", str(program), "burst", "0", tmp=tmp_path)
    launcher = sum(r.get("syscall") == "getppid" for r in records)
    records, end, stderr = jsonl("--ring-size", "4K", "-s", "getppid", "--", str(program),
                                 "burst", str(calls), tmp=tmp_path)
    written = sum(r.get("syscall") == "getppid" for r in records)
    assert end["lost_ring"] > 0, end  # the point of the small ring
    # The calls lost, each for a cause of its own: mostly the full ring, and on a busy machine
    # also the backlog, full while the writer waits for a CPU. lost_notices are process exits.
    causes = ("lost_ring", "lost_storage", "lost_oversized", "dropped", "not_written",
              "abandoned")
    calls_lost = end["lost"] - end["lost_notices"]
    assert calls_lost == sum(end[cause] for cause in causes), json.dumps(end)
    assert written + calls_lost == calls + launcher, f"{written} written; {json.dumps(end)}"
    assert re.search(rf"{end['lost']} lost \({end['lost_ring']} ring full", stderr), stderr


def test_records_larger_than_the_ring_are_counted(tmp_path: Path) -> None:
    # A path of 4000 bytes makes an entry half larger than a ring of one page.
    long_path = "/".join([str(tmp_path)] + ["x" * 250] * 16)[:4050]
    records, end, _ = jsonl("--ring-size", "4K", "--string-limit", "4000", "-s", "access",
                            "--", sys.executable, "-c",
                            f"import os; os.access({long_path!r}, 0)", tmp=tmp_path)
    assert end["lost_oversized"] >= 1, end
    assert not any(r.get("syscall") == "access" and len(r["strings"][0]["value"]) > 3000
                   for r in records)


def test_the_python_tracer_counts_what_it_did_not_read(program: Path) -> None:
    import observer

    with observer.Tracer(command=[str(program), "burst", "5000"], syscalls="getppid",
                         capture_exit=True) as tracer:
        # The burst is over; nothing was read.
        wait_until(lambda: tracer.traced_alive == 0, "the burst has exited")
    assert tracer.lost == 5000
    assert tracer.unfinished == 0 and tracer.resumed == 0


def test_a_call_running_from_before_attach_to_detach_is_detached(program: Path,
                                                                  tmp_path: Path) -> None:
    target, pid = blocked_target(program)
    try:
        out = tmp_path / "trace.txt"
        with Observer("--format", "strace", "-o", str(out), "-p", str(pid)) as obs:
            assert obs.stop() == 0, obs.stderr
        assert unpadded(out.read_text()) == f"{pid:<5} read(0,  <detached ...>\n"
        assert "1 unfinished among them" in obs.stderr
    finally:
        target.kill()
        target.wait()
