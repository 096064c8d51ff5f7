#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The observer developers
#
# A minimal Debian 12 root filesystem (mmdebstrap --variant=minbase, plus python3 and
# python3-venv: no compiler, clang, bpftool, libbpf or libelf), and a way to run a command in it
# with the kernel interfaces observer needs. Used by the wheel test and the image build.
#
#   tools/rootfs.sh create DIR
#       make DIR once (about 30 s from deb.debian.org); later calls return at once
#   tools/rootfs.sh run DIR [--overlay CHANGES] [--bind SRC:DST]... -- CMD [ARG]...
#       run CMD chrooted into DIR, in a private mount namespace (nothing stays mounted) with
#       /proc, /sys (BTF, cgroups), /dev and each SRC at DST bind-mounted. With --overlay, DIR
#       stays untouched: writes go to CHANGES, which is emptied first.
# Needs root (mmdebstrap --mode=root, unshare --mount, chroot).
set -euo pipefail

suite=bookworm
packages=python3,python3-venv
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

create() {
  local dir want start
  dir=$(realpath -m "$1")
  want="$suite $packages $mirror"
  if [[ -f $dir.stamp && "$(cat "$dir.stamp")" == "$want" ]]; then
    return 0
  fi
  rm -rf "$dir" "$dir.stamp"
  mkdir -p "$(dirname "$dir")"
  start=$SECONDS
  mmdebstrap --quiet --mode=root --variant=minbase --include="$packages" "$suite" "$dir" "$mirror"
  echo "$want" >"$dir.stamp"
  echo "rootfs: made $dir in $((SECONDS - start)) s"
}

run() {
  local root overlay="" binds=() spec src dst
  root=$(realpath "$1")
  shift
  while [[ $# -gt 0 && $1 != -- ]]; do
    case $1 in
      --overlay) overlay=$(realpath -m "$2"); shift 2 ;;
      --bind) binds+=("$2"); shift 2 ;;
      *) echo "rootfs: unknown option $1" >&2; exit 2 ;;
    esac
  done
  [[ ${1:-} == -- ]] || { echo "rootfs: run needs -- CMD" >&2; exit 2; }
  shift
  local target=$root setup=""
  if [[ -n $overlay ]]; then
    rm -rf "$overlay"
    mkdir -p "$overlay/upper" "$overlay/work" "$overlay/merged"
    target=$overlay/merged
    setup="mount -t overlay overlay -o lowerdir=$root,upperdir=$overlay/upper,workdir=$overlay/work $target;"
  fi
  setup+="mount -t proc proc $target/proc; mount --rbind /sys $target/sys;"
  setup+="mount --rbind /dev $target/dev;"
  for spec in "${binds[@]}"; do
    src=$(realpath "${spec%%:*}")
    dst=$target/${spec#*:}
    setup+="mkdir -p '$dst'; mount --rbind '$src' '$dst';"
  done
  # The command sees a clean environment, as on a machine where nothing was prepared.
  unshare --mount --propagation private -- sh -ec "$setup"' exec chroot "$0" "$@"' "$target" \
    /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    "$@"
}

case ${1:-} in
  create) create "${2:?usage: tools/rootfs.sh create DIR}" ;;
  run) shift; run "$@" ;;
  *) echo "usage: tools/rootfs.sh create DIR | run DIR [--overlay CHANGES] [--bind SRC:DST]... -- CMD" >&2
     exit 2 ;;
esac
