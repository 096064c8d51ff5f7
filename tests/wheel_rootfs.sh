#!/usr/bin/env bash
# The wheel that `make wheel` built, installed where no toolchain exists: a minimal Debian 12
# root filesystem (tools/rootfs.sh: python3 and python3-venv, nothing else) gets a venv with
# observer and NumPy from WHEELHOUSE (no network inside), and there `observer --info` passes
# and a traced command's execve is recorded. The root filesystem is kept (ROOTFS) and never
# changed: the test writes to an overlay, which is emptied on every run.
#
# Usage: tests/wheel_rootfs.sh WHEELHOUSE ROOTFS
# Needs root (chroot, mounts, BPF). Without it the test is skipped, or fails when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
wheelhouse=${1:?usage: tests/wheel_rootfs.sh WHEELHOUSE ROOTFS}
rootfs=${2:?usage: tests/wheel_rootfs.sh WHEELHOUSE ROOTFS}

fail() { echo "wheel_rootfs: FAIL: $*" >&2; exit 1; }

if [[ $(id -u) != 0 ]]; then
  [[ ${CI:-} == true ]] && fail "needs root (chroot, mounts, BPF); CI=true makes this a failure"
  echo "wheel_rootfs: skipped: needs root (chroot, mounts, BPF)"
  exit 0
fi
ls "$wheelhouse"/observer-*.whl >/dev/null 2>&1 || fail "no observer wheel in $wheelhouse"

tools/rootfs.sh create "$rootfs"

# What makes this root filesystem the point of the test: nothing to build or load BPF with.
for tool in clang gcc cc bpftool llc; do
  for dir in usr/bin usr/sbin bin sbin usr/local/bin; do
    [[ -e $rootfs/$dir/$tool ]] && fail "$rootfs has $dir/$tool"
  done
done
found=$(find "$rootfs/usr/lib" "$rootfs/lib" \( -name 'libbpf.so*' -o -name 'libelf*.so*' \) \
        -print -quit 2>/dev/null || true)
[[ -z $found ]] || fail "$rootfs has $found"

changes="$(dirname "$rootfs")/wheel-test"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
tools/rootfs.sh run "$rootfs" --overlay "$changes" --bind "$wheelhouse:/wheelhouse" -- \
  sh -ec '
    python3 -m venv /opt/observer
    /opt/observer/bin/pip install -q --disable-pip-version-check --no-index \
      --find-links /wheelhouse observer
    echo "== ldd _core"
    ldd /opt/observer/lib/python3*/site-packages/observer/_core*.so
    echo "== observer --info"
    /opt/observer/bin/observer --info
    echo "== trace"
    cd /tmp
    /opt/observer/bin/observer -o /tmp/true.log -- /bin/true
    /opt/observer/bin/observer --format jsonl -o /tmp/true.jsonl -- /bin/true
    /opt/observer/bin/python -c "import numpy, observer; print(\"import:\", observer.__name__, numpy.__version__)"
  ' >"$log" 2>&1 || { cat "$log"; fail "the commands in the root filesystem failed"; }
cat "$log"

sed -n '/^== ldd/,/^== observer/p' "$log" | grep -E 'libbpf|libelf|libz\.' &&
  fail "_core links libbpf, libelf or zlib dynamically"
grep -q '^observer can trace here' "$log" || fail "observer --info does not say it can trace"
grep -Eq '^[0-9]+:59:true$' "$changes/upper/tmp/true.log" ||
  fail "no execve record of true in the trace log"
grep -q '"syscall": *"execve"' "$changes/upper/tmp/true.jsonl" ||
  fail "no execve record in the jsonl output"
echo "wheel_rootfs: ok: installed without a toolchain, --info passes, a trace records execve"
