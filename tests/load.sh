#!/usr/bin/env bash
# The pytest suite (arguments go to pytest) with two CPU hogs and an I/O hog running beside
# it, as on a busy CI machine: a test that waits for a guessed time instead of a state fails
# here first. The hogs are stress-ng's (Debian's stress-ng, which `make test-load` installs),
# or shell loops where it is missing; they are ended however the run ends.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}

scratch=$(mktemp -d)
hogs=()

stop_hogs() {
  # Each hog leads a process group of its own (setsid): the group goes, with its workers.
  for pid in "${hogs[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${hogs[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$scratch"
}
trap stop_hogs EXIT

if command -v stress-ng >/dev/null; then
  setsid stress-ng --cpu 2 --hdd 1 --hdd-bytes 128M --temp-path "$scratch" --quiet &
  hogs+=($!)
  what="stress-ng --cpu 2 --hdd 1"
else
  for _ in 1 2; do
    setsid sh -c 'while :; do :; done' &
    hogs+=($!)
  done
  setsid sh -c 'while :; do
    dd if=/dev/zero of="$1/hog" bs=1M count=128 conv=fsync status=none; done' sh "$scratch" &
  hogs+=($!)
  what="two busy loops and a dd loop (stress-ng is not installed)"
fi
echo "load: $what beside the tests"

started=$(date +%s)
status=0
"$PYTHON" -m pytest "$@" || status=$?
echo "load: pytest took $(( $(date +%s) - started )) s under load and exited $status"
exit "$status"
