#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The observer developers
"""Write data/syscalls/{x86_64,i386}.args: each syscall's arguments, C type and name, as the
kernel declares them.

The arguments come from the kernel's syscall tracepoints: tracefs has one format file per
syscall (events/syscalls/sys_enter_NAME/format) listing each argument's C type and name, as
SYSCALL_DEFINE declared it, for the running kernel. Which entry point a number calls (stat is
sys_newstat, i386's _llseek is sys_llseek) and the prototypes of syscalls the running kernel
was built without (modules, kexec, 32-bit-only calls) come from a Linux headers tree, as
Debian's linux-headers-VERSION-common and -amd64 packages install it:
arch/x86/include/generated/asm/syscalls_{64,32}.h and include/linux/syscalls.h. Numbers and
names are those of data/syscalls/{x86_64,i386}.tbl. The build (tools/gen_syscalls.py) turns
the files into the syscall rows' argument kinds; the kinds of data/syscalls/facts.tsv
override them with richer types.

Usage (as root, on an x86_64 machine):

    mount -t tracefs nodev /sys/kernel/tracing     # if it is not mounted
    apt-get download linux-headers-6.12.117+deb12-common linux-headers-6.12.117+deb12-amd64 \\
        linux-headers-6.1.0-55-common
    for d in linux-headers-*.deb; do dpkg -x "$d" headers; done
    python3 tools/gen_syscall_args.py --headers headers/usr/src/linux-headers-6.12.117+deb12 \\
        --former headers/usr/src/linux-headers-6.1.0-55 data/syscalls
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
from pathlib import Path

TRACEFS = Path("/sys/kernel/tracing/events/syscalls")

#: Configuration of an x86_64 kernel with ia32 emulation, for the #ifdefs of syscalls.h that
#: choose between prototypes of one syscall (clone, sigsuspend, ...). Not
#: CONFIG_ARCH_HAS_SYSCALL_WRAPPER, which x86 has: it hides the prototypes from C callers.
X86_DEFINES = {
    "CONFIG_COMPAT", "CONFIG_HAVE_UID16",
    "CONFIG_OLD_SIGSUSPEND3", "CONFIG_OLD_SIGACTION", "CONFIG_ADVISE_SYSCALLS",
    "__ARCH_WANT_SYS_OLD_GETRLIMIT", "__ARCH_WANT_STAT64", "__ARCH_WANT_COMPAT_STAT64",
    "__ARCH_WANT_SYS_UTIME", "__LITTLE_ENDIAN", "CONFIG_FTRACE_SYSCALLS",
}

_FIELD = re.compile(r"^\s*field:(.+?);\s*offset:")
_ENTRY = re.compile(r"__SYSCALL(?:_WITH_COMPAT)?\((\d+),\s*(\w+)")
_PROTO = re.compile(r"asmlinkage\s+long\s+(sys_\w+)\s*\(([^)]*)\)\s*;", re.S)
_COND = re.compile(r"^#\s*(ifdef|ifndef|if|elif|else|endif)\b(.*)$")


def parse_table(path: Path) -> dict[int, str]:
    """{number: name} of a .tbl file (abi x32 left out)."""
    table = {}
    for line in path.read_text().splitlines():
        fields = line.split()
        if not fields or line.startswith("#") or fields[1] == "x32":
            continue
        table[int(fields[0])] = fields[2]
    return table


def split_arg(text: str) -> tuple[str, str]:
    """("const char *", "filename") of "const char __user *filename"; an unnamed parameter
    ("unsigned long") has the name ""."""
    text = " ".join(text.replace("__user", " ").replace("*", " * ").split())
    words = text.split(" ")
    known_types = {"int", "long", "char", "short", "*", "unsigned", "signed", "void"}
    if len(words) == 1 or words[-1] in known_types or words[-1].endswith("_t"):
        return text, ""
    ctype = " ".join(words[:-1])
    return ctype, words[-1]


def format_args(args: list[tuple[str, str]]) -> str:
    if not args:
        return "void"
    return ", ".join(f"{t} {n}".strip() if not t.endswith("*") else f"{t}{n}" for t, n in args)


def tracefs_args(directory: Path, event: str) -> list[tuple[str, str]] | None:
    """The arguments of sys_enter_EVENT, or None if the running kernel has no such event."""
    path = directory / f"sys_enter_{event}" / "format"
    try:
        text = path.read_text()
    except OSError:
        return None
    args, seen_nr = [], False
    for line in text.splitlines():
        match = _FIELD.match(line)
        if not match:
            continue
        decl = match.group(1)
        if decl.endswith("__syscall_nr"):
            seen_nr = True
            continue
        if seen_nr:
            args.append(split_arg(decl))
    return args


def active_lines(text: str, defines: set[str]) -> str:
    """text without the lines its #if/#ifdef/#else blocks leave out under defines (enough of
    the preprocessor for syscalls.h: conditions true when they name a defined macro)."""
    out, stack = [], []  # each: (this branch active, some branch taken)
    for line in text.splitlines():
        match = _COND.match(line.strip())
        if not match:
            if all(active for active, _ in stack):
                out.append(line)
            continue
        kind, cond = match.groups()
        names = set(re.findall(r"[A-Za-z_]\w*", cond)) - {"defined"}
        truth = bool(names & defines)
        if kind == "ifndef":
            truth = not truth
        if kind in ("ifdef", "ifndef", "if"):
            stack.append((truth, truth))
        elif kind == "elif" and stack:
            taken = stack[-1][1]
            stack[-1] = (truth and not taken, taken or truth)
        elif kind == "else" and stack:
            stack[-1] = (not stack[-1][1], True)
        elif kind == "endif" and stack:
            stack.pop()
    return "\n".join(out)


def header_prototypes(path: Path) -> dict[str, list[tuple[str, str]]]:
    """{entry point: arguments} of the asmlinkage declarations in syscalls.h."""
    text = re.sub(r"/\*.*?\*/", " ", path.read_text(), flags=re.S)
    text = active_lines(text, X86_DEFINES)
    protos = {}
    for match in _PROTO.finditer(text):
        params = " ".join(match.group(2).split())
        args = [] if params in ("", "void") else [split_arg(p) for p in params.split(",")]
        protos[match.group(1)] = args
    return protos


def entry_points(path: Path) -> dict[int, str]:
    """{number: entry point} of a generated syscalls_{64,32}.h (the native entry of a
    __SYSCALL_WITH_COMPAT line: the arguments as the calling ABI passes them)."""
    return {int(nr): entry for nr, entry in _ENTRY.findall(path.read_text())}


def build_rows(table: dict[int, str], entries: dict[int, str], protos: dict[str,
               list[tuple[str, str]]], former: dict[str, list[tuple[str, str]]],
               tracefs: Path) -> list[tuple[int, str, str, str, str]]:
    """(number, name, entry point, origin, arguments) of each syscall of table. A number the
    kernel no longer implements (sys_ni_syscall) keeps its former declaration if an older
    headers tree has one: strace still shows its arguments."""
    rows = []
    for nr, name in sorted(table.items()):
        entry = entries.get(nr, f"sys_{name}")
        args, origin = None, "none"
        if entry != "sys_ni_syscall":
            args, origin = tracefs_args(tracefs, entry.removeprefix("sys_")), "tracefs"
            if args is None and entry in protos:
                args, origin = protos[entry], "headers"
        elif f"sys_{name}" in former:
            entry = f"sys_{name}"
            args, origin = former[entry], "former"
        if args is None:
            entry, origin = ("-" if entry == "sys_ni_syscall" else entry), "none"
        rows.append((nr, name, entry, origin, "?" if args is None else format_args(args)))
    return rows


def write_rows(path: Path, source: str, rows: list[tuple[int, str, str, str, str]]) -> None:
    lines = [
        f"# source: {source}",
        "# format: <number>\\t<name>\\t<entry point>\\t<origin>\\t<arguments, as C declares "
        "them>; origin tracefs = the running kernel's sys_enter_<entry> format file, headers = "
        "include/linux/syscalls.h, former = an older syscalls.h's declaration of a syscall the "
        "kernel no longer implements, none = no prototype known (never implemented, or an "
        "ia32 wrapper). Generated by tools/gen_syscall_args.py; do not edit.",
    ]
    lines += ["\t".join([str(nr), name, entry, origin, args])
              for nr, name, entry, origin, args in rows]
    path.write_text("\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="data/syscalls: reads *.tbl, writes *.args")
    parser.add_argument("--headers", required=True, metavar="PREFIX",
                        help="Linux headers trees PREFIX-common and PREFIX-amd64 (Debian's "
                             "linux-headers packages, unpacked)")
    parser.add_argument("--former", metavar="PREFIX",
                        help="an older headers tree's PREFIX-common: the declarations of "
                             "syscalls the newer kernel no longer implements")
    parser.add_argument("--tracefs", type=Path, default=TRACEFS,
                        help=f"the syscall events of tracefs (default: {TRACEFS})")
    args = parser.parse_args(argv)
    if platform.machine() != "x86_64":
        print("gen_syscall_args: run on x86_64: tracefs describes the running kernel",
              file=sys.stderr)
        return 1
    if not (args.tracefs / "sys_enter_read" / "format").exists():
        print(f"gen_syscall_args: {args.tracefs} has no syscall events; as root: "
              "mount -t tracefs nodev /sys/kernel/tracing", file=sys.stderr)
        return 1
    common, arch = Path(f"{args.headers}-common"), Path(f"{args.headers}-amd64")
    syscalls_h = common / "include/linux/syscalls.h"
    generated = arch / "arch/x86/include/generated/asm"
    for needed in (syscalls_h, generated / "syscalls_64.h", generated / "syscalls_32.h"):
        if not needed.exists():
            print(f"gen_syscall_args: {needed} is missing", file=sys.stderr)
            return 1
    protos = header_prototypes(syscalls_h)
    former: dict[str, list[tuple[str, str]]] = {}
    if args.former:
        older = Path(f"{args.former}-common") / "include/linux/syscalls.h"
        if not older.exists():
            print(f"gen_syscall_args: {older} is missing", file=sys.stderr)
            return 1
        former = header_prototypes(older)
    release = os.uname().release
    headers = Path(args.headers).name
    for abi, entries_h in (("x86_64", "syscalls_64.h"), ("i386", "syscalls_32.h")):
        table = parse_table(args.data / f"{abi}.tbl")
        rows = build_rows(table, entry_points(generated / entries_h), protos, former,
                          args.tracefs)
        source = (f"tracefs events/syscalls/sys_enter_*/format of Linux {release} (x86_64); "
                  f"entry points from {headers}-amd64 arch/x86/include/generated/asm/"
                  f"{entries_h} (later syscalls: sys_<name>), prototypes tracefs lacks from "
                  f"{headers}-common include/linux/syscalls.h")
        if args.former:
            source += (f", those of syscalls since removed from "
                       f"{Path(args.former).name}-common include/linux/syscalls.h")
        write_rows(args.data / f"{abi}.args", source, rows)
        known = sum(1 for r in rows if r[3] != "none")
        print(f"{abi}: {len(rows)} syscalls, {known} with arguments "
              f"({sum(1 for r in rows if r[3] == 'tracefs')} from tracefs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
