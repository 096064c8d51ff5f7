#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The observer developers
#
# The observer image, from Debian packages and the wheel only: no registry but
# deb.debian.org, no Dockerfile, no compiler inside. The root filesystem is tools/rootfs.sh's
# (Debian 12 minbase, python3, python3-venv); a venv in /opt/observer gets the wheel, NumPy
# and pyarrow (--format parquet) from WHEELHOUSE; umoci makes it one layer of an OCI image,
# and skopeo writes that as an OCI archive that `podman load`, `ctr images import` and
# `skopeo copy` take.
#
# Usage: deploy/image/build.sh WHEELHOUSE ROOTFS OUT
#   OUT/oci                       OCI layout, tag VERSION
#   OUT/observer-VERSION.tar      the same image as an OCI archive, named localhost/observer:VERSION
# Needs root (the root filesystem belongs to root; chroot).
set -euo pipefail
cd "$(dirname "$0")/../.."
wheelhouse=${1:?usage: deploy/image/build.sh WHEELHOUSE ROOTFS OUT}
rootfs=${2:?usage: deploy/image/build.sh WHEELHOUSE ROOTFS OUT}
out=${3:?usage: deploy/image/build.sh WHEELHOUSE ROOTFS OUT}

wheel=$(ls "$wheelhouse"/observer-*.whl 2>/dev/null | head -n 1)
[[ -n $wheel ]] || { echo "image: no observer wheel in $wheelhouse (make wheel)" >&2; exit 1; }
version=$(basename "$wheel" | cut -d- -f2)
case $(uname -m) in
  x86_64) arch=amd64 ;;
  aarch64) arch=arm64 ;;
  *) echo "image: no OCI architecture name for $(uname -m)" >&2; exit 1 ;;
esac
start=$SECONDS

tools/rootfs.sh create "$rootfs"
rm -rf "$out"
mkdir -p "$out"
tree="$out/rootfs"
cp -a "$rootfs" "$tree"
tools/rootfs.sh run "$tree" --bind "$wheelhouse:/wheelhouse" -- sh -ec '
  python3 -m venv /opt/observer
  /opt/observer/bin/pip install -q --disable-pip-version-check --no-index \
    --find-links /wheelhouse observer pyarrow
  /opt/observer/bin/observer --version
'
rmdir "$tree/wheelhouse"
# What apt would only need to install more; the image is rebuilt, not upgraded in place.
rm -rf "$tree"/var/lib/apt/lists/* "$tree"/var/cache/apt/* "$tree"/root/.cache
for tool in gcc cc clang bpftool; do
  if [[ -e $tree/usr/bin/$tool ]]; then
    echo "image: the root filesystem has a compiler ($tool)" >&2; exit 1
  fi
done

tar --numeric-owner --xattrs -C "$tree" -cf "$out/layer.tar" .
umoci init --layout "$out/oci"
umoci new --image "$out/oci:$version"
umoci raw add-layer --image "$out/oci:$version" "$out/layer.tar"
umoci config --image "$out/oci:$version" --os linux --architecture "$arch" \
  --config.env PATH=/opt/observer/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --config.entrypoint observer --config.cmd --info --config.workingdir / \
  --config.label org.opencontainers.image.title=observer \
  --config.label "org.opencontainers.image.version=$version" \
  --config.label "org.opencontainers.image.description=Linux syscall tracer (CO-RE eBPF)"
umoci gc --layout "$out/oci"
skopeo copy -q "oci:$out/oci:$version" "oci-archive:$out/observer-$version.tar:localhost/observer:$version"
rm -rf "$tree" "$out/layer.tar"
echo "image: $out/observer-$version.tar (localhost/observer:$version," \
  "$(du -h "$out/observer-$version.tar" | cut -f1)) in $((SECONDS - start)) s"
