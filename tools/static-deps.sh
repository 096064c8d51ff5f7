#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The observer developers
#
# Build libbpf, libelf and zlib as static archives of position-independent code, from Debian
# 12's own source packages, into PREFIX (lib/*.a, include/, lib/pkgconfig/libbpf.pc).
#
# Why not Debian's libbpf.a, libelf.a and libz.a: they are compiled for executables (PIE), and
# a Python extension is a shared object. Linking them into one fails:
#   libelf.a(elf_error.o): relocation R_X86_64_TPOFF32 against `global_error' can not be used
#   when making a shared object; recompile with -fPIC
#   libbpf.a(libbpf.o): relocation R_X86_64_PC32 against symbol `stderr@@GLIBC_2.2.5' ...
# and libz.a leaves text relocations. So the same sources (Debian's versions and patches) are
# compiled again with -fPIC. Each .dsc is pinned by its SHA-256; dpkg-source checks every file
# the .dsc lists against the hashes in it.
#
# Usage: tools/static-deps.sh PREFIX    (does nothing when PREFIX already holds this set)
set -euo pipefail

prefix=$(realpath -m "${1:?usage: tools/static-deps.sh PREFIX}")
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# name  pool-path  dsc  sha256-of-dsc
packages=(
  "zlib z/zlib zlib_1.2.13.dfsg-1.dsc 3fa1e6b2fc525062aa88207dda52fed8e045373c809d362fe8a2bfbf7cf515a8"
  "elfutils e/elfutils elfutils_0.188-2.1.dsc 2e73c5bfe9d0ddbf837742d638c43b049590ae1de8f6e3d9c2740c28e2550760"
  "libbpf libb/libbpf libbpf_1.1.2-0+deb12u1.dsc 96f81dad2d5f1505ac8c3630249c77f7fcb9ab2f429c4386b2eee2149b7a8c4b"
)
stamp="$prefix/.built-from"
want=$(printf '%s\n' "${packages[@]}" | awk '{print $3}')
if [[ -f $stamp && "$(cat "$stamp")" == "$want" ]]; then
  exit 0
fi

src="$prefix.src"
rm -rf "$prefix" "$src"
mkdir -p "$src" "$prefix/lib/pkgconfig" "$prefix/include"
jobs=$(nproc)
flags="-O2 -g -fPIC -fstack-protector-strong -D_FORTIFY_SOURCE=2"

fetch() {  # name pool dsc sha256 -> unpacked source tree at $src/name
  local name=$1 pool=$2 dsc=$3 sum=$4
  curl -fsS --retry 3 -o "$src/$dsc" "$mirror/pool/main/$pool/$dsc"
  echo "$sum  $src/$dsc" | sha256sum --quiet -c - || {
    echo "static-deps: $dsc does not have the pinned SHA-256" >&2; exit 1; }
  local file
  for file in $(sed -n '/^Checksums-Sha256:/,/^[^ ]/{/^ /p}' "$src/$dsc" | awk '{print $3}'); do
    curl -fsS --retry 3 -o "$src/$file" "$mirror/pool/main/$pool/$file"
  done
  # The .dsc's signature cannot be checked without debian-keyring; its pinned hash stands in.
  (cd "$src" && dpkg-source --no-copy -x "$dsc" "$name" >/dev/null 2>&1) || {
    echo "static-deps: dpkg-source could not unpack $dsc" >&2; exit 1; }
}

for entry in "${packages[@]}"; do
  # shellcheck disable=SC2086
  fetch $entry
done

# Each step's output goes to a log that is shown only if the step fails.
quiet() {
  "$@" >>"$src/build.log" 2>&1 || {
    tail -n 40 "$src/build.log" >&2; echo "static-deps: failed: $*" >&2; exit 1; }
}

echo "static-deps: zlib"
cd "$src/zlib"
quiet env CFLAGS="$flags" ./configure --static --prefix="$prefix"
quiet make -j"$jobs" libz.a
quiet make install

# Only libelf, and only what it needs: no debuginfod, no other decompressors (Debian's libelf1
# 0.188 links zlib alone too: `pkg-config --static --libs libelf` says -lelf -lz). Symbol
# versions are for the shared library; an archive linked into one module has no use for them.
echo "static-deps: libelf"
cd "$src/elfutils"
quiet ./configure --prefix="$prefix" --disable-debuginfod --disable-libdebuginfod --disable-nls \
  --without-bzlib --without-lzma --without-zstd --disable-symbol-versioning \
  CFLAGS="$flags" CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib"
quiet make -j"$jobs" -C lib
quiet make -j"$jobs" -C libelf libelf.a
cp libelf/libelf.a "$prefix/lib/"
cp libelf/libelf.h libelf/gelf.h libelf/nlist.h "$prefix/include/"
mkdir -p "$prefix/include/elfutils"
cp libelf/elf-knowledge.h version.h "$prefix/include/elfutils/"
cat >"$prefix/lib/pkgconfig/libelf.pc" <<EOF
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: libelf
Description: elfutils libelf, static and position-independent
Version: 0.188
Requires.private: zlib
Libs: -L\${libdir} -lelf
Cflags: -I\${includedir}
EOF

echo "static-deps: libbpf"
# libbpf's Makefile writes libbpf.pc into OBJDIR in a recipe that does not wait for the one
# that creates OBJDIR: with -j it can run first and fail ("Directory nonexistent").
mkdir -p "$src/libbpf-obj"
quiet env PKG_CONFIG_PATH="$prefix/lib/pkgconfig" make -j"$jobs" -C "$src/libbpf/src" \
  BUILD_STATIC_ONLY=y OBJDIR="$src/libbpf-obj" PREFIX="$prefix" LIBDIR="$prefix/lib" \
  CFLAGS="$flags" install

echo "$want" >"$stamp"
rm -rf "$src"
