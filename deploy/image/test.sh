#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The observer developers
#
# The image that deploy/image/build.sh made, run with podman as the DaemonSet runs it: not
# privileged, only CAP_BPF, CAP_PERFMON, CAP_DAC_READ_SEARCH (and CAP_SYS_RESOURCE where this
# host may grant it), the host's pid namespace, /sys/kernel/btf and /sys/fs/cgroup read-only,
# a read-only root filesystem and an output directory from the host. It must
#   1. have no compiler, clang or bpftool, and pass observer --info;
#   2. trace a process of the host by its pid (-p);
#   3. trace a process inside another container by that container's id (--container), and
#      nothing outside it.
# Each step waits for a state (observer's "tracing" line, a process's exit), never a time.
#
# Usage: deploy/image/test.sh IMAGE_ARCHIVE     (needs root and podman)
set -euo pipefail
archive=${1:?usage: deploy/image/test.sh IMAGE_ARCHIVE}

fail() { echo "image test: FAIL: $*" >&2; exit 1; }
[[ $(id -u) == 0 ]] || fail "needs root (podman with BPF capabilities)"

image=$(podman load -q -i "$archive" | sed -n 's/^Loaded image: //p' | tail -n 1)
[[ -n $image ]] || fail "podman load did not name the image in $archive"
echo "image test: $image"

scratch=$(mktemp -d)
out=$scratch/out
mkdir -p "$out"
mkfifo "$scratch/go"
tag=$$
names=("observer-host-$tag" "observer-ctr-$tag" "observer-target-$tag")
cleanup() {
  podman rm -f -t 0 "${names[@]}" >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

caps=bpf,perfmon,dac_read_search
# CAP_SYS_RESOURCE only matters before Linux 5.11 (BPF memory in RLIMIT_MEMLOCK); a host
# whose own bounding set lacks it cannot hand it to a container.
if grep -q cap_sys_resource <(capsh --decode="$(awk '/^CapBnd/ {print $2}' /proc/self/status)" 2>/dev/null); then
  caps+=,sys_resource
fi
# Hosts where podman's defaults do not run: crun refuses a hybrid cgroup layout whose v2
# hierarchy has a controller (runc joins both); without CAP_SYS_RESOURCE the default
# nofile limit (1048576) cannot be set for the container.
quirks=()
if [[ -n $(cat /sys/fs/cgroup/unified/cgroup.controllers 2>/dev/null) ]]; then
  quirks+=(--runtime runc)
fi
if [[ $caps != *sys_resource* ]]; then
  quirks+=(--ulimit nofile=4096:4096 --ulimit nproc=4096:4096)
fi
# Podman's default seccomp profile (as containerd's before 1.7) lets bpf() and
# perf_event_open() through only with CAP_SYS_ADMIN; the kernel checks CAP_BPF and
# CAP_PERFMON itself, so seccomp stands aside rather than granting CAP_SYS_ADMIN.
run=(podman run "${quirks[@]}" --pid=host --cap-drop=all --cap-add="$caps"
     --security-opt=seccomp=unconfined --security-opt=no-new-privileges
     --read-only --read-only-tmpfs=false
     -v /sys/kernel/btf:/sys/kernel/btf:ro -v /sys/fs/cgroup:/sys/fs/cgroup:ro
     -v "$out:/out" -e NODE_NAME="$(hostname)")

# Waits until the detached container NAME has printed observer's "tracing" line.
wait_tracing() {
  local name=$1
  until podman logs "$name" 2>&1 | grep -q '^observer: tracing'; do
    [[ $(podman inspect -f '{{.State.Running}}' "$name") == true ]] || {
      podman logs "$name" >&2; fail "$name ended before it traced"; }
    sleep 0.1
  done
}

echo "== 1. no toolchain, observer --info"
"${run[@]}" --rm --entrypoint sh "$image" -c \
  'for t in gcc cc clang bpftool; do command -v $t && exit 1; done; exit 0' ||
  fail "the image has a compiler or bpftool"
"${run[@]}" --rm "$image" --info || fail "observer --info in the container failed"

echo "== 2. a host process, by pid"
sh -c 'read -r _ <"$0"; exec cat /etc/hostname' "$scratch/go" >/dev/null &
target=$!
"${run[@]}" -d --name "${names[0]}" "$image" -p "$target" -o /out/host.log >/dev/null
wait_tracing "${names[0]}"
echo go >"$scratch/go"
wait "$target"
status=$(podman wait "${names[0]}")
[[ $status == 0 ]] || { podman logs "${names[0]}" >&2; fail "observer -p exited $status"; }
podman logs "${names[0]}"
grep -Eq "^$target:59:" "$out/host.log" || fail "no execve of host pid $target in host.log"
grep -Eq "^$target:[0-9]+:cat$" "$out/host.log" || fail "no records of cat (pid $target)"
echo "host.log: $(wc -l <"$out/host.log") records of pid $target"

echo "== 3. a process in another container, by the container's id"
podman run "${quirks[@]}" -d --name "${names[2]}" --entrypoint sh -v "$scratch:/scratch" \
  "$image" -c 'read -r _ </scratch/go; exec cat /etc/hostname' >/dev/null
id=$(podman inspect -f '{{.Id}}' "${names[2]}")
"${run[@]}" -d --name "${names[1]}" "$image" --container "${id:0:12}" -o /out/ctr.log >/dev/null
wait_tracing "${names[1]}"
head -c 0 /etc/hostname  # a host process during the trace: it must not be recorded
echo go >"$scratch/go"
status=$(podman wait "${names[2]}")
[[ $status == 0 ]] || fail "the target container exited $status"
podman kill -s INT "${names[1]}" >/dev/null
status=$(podman wait "${names[1]}")
podman logs "${names[1]}"
[[ $status == 0 || $status == 130 ]] || fail "observer --container exited $status"
{ grep -Eq "^[0-9]+:59:" "$out/ctr.log" && grep -Eq ":cat$" "$out/ctr.log"; } ||
  { cut -d: -f2- "$out/ctr.log" | sort | uniq -c >&2; fail "no execve and cat records in the container"; }
grep -Eq ':head$' "$out/ctr.log" && fail "ctr.log has the host's head"
echo "ctr.log: $(grep -c ':cat$' "$out/ctr.log") records of cat in container ${id:0:12}"
echo "image test: ok"
