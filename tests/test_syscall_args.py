"""The argument types of data/syscalls/*.args and how the build maps C types to the decoder's."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "syscalls"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


gen = load("gen_syscalls")
gen_args = load("gen_syscall_args")


@pytest.mark.parametrize("abi", ["x86_64", "i386"])
def test_every_syscall_of_the_table_has_a_row(abi: str) -> None:
    table = gen_args.parse_table(DATA / f"{abi}.tbl")
    source, rows = gen.parse_args(DATA / f"{abi}.args")
    assert "tracefs" in source and "Linux" in source
    assert {nr: name for nr, (name, _) in rows.items()} == table
    known = [kinds for _, kinds in rows.values() if kinds is not None]
    # Only what the kernel does not implement (or an ia32 wrapper) lacks a declaration.
    assert len(known) > 0.9 * len(rows) if abi == "x86_64" else len(known) > 0.85 * len(rows)
    assert all(len(kinds) <= 6 for kinds in known)


def test_well_known_declarations() -> None:
    _, rows = gen.parse_args(DATA / "x86_64.args")
    by_name = {name: kinds for name, kinds in rows.values()}
    assert by_name["read"] == ["kFd", "kRawPtr", "kUint"]
    assert by_name["openat"] == ["kDirFd", "kPath", "kRawFlags", "kMode"]
    assert by_name["getppid"] == []
    assert by_name["kill"] == ["kInt", "kSignal"]
    assert by_name["setpgid"] == ["kInt", "kInt"]
    assert by_name["utime"][0] == "kPath"  # char *filename, without its const
    assert by_name["afs_syscall"] is None


@pytest.mark.parametrize("decl, kind", [
    ("int dfd", "kDirFd"),
    ("unsigned int fd", "kFd"),
    ("int fd_out", "kFd"),
    ("const char *filename", "kPath"),
    ("const char *name", "kStr"),
    ("const char *u_msg_ptr", "kRawPtr"),
    ("char *buf", "kRawPtr"),
    ("void *addr", "kPtr"),
    ("unsigned long start", "kPtr"),
    ("struct stat *statbuf", "kRawPtr"),
    ("size_t count", "kUint"),
    ("loff_t pos", "kLong"),
    ("pid_t pid", "kInt"),
    ("uid_t ruid", "kUid"),
    ("old_gid_t group", "kUid"),
    ("unsigned int count", "kUint32"),
    ("unsigned int flags", "kRawFlags"),
    ("int cmd", "kRawEnum"),
    ("umode_t mode", "kMode"),
    ("const clockid_t which_clock", "kClockId"),
    ("int sig", "kSignal"),
    ("unsigned long", "kUint"),
    ("int __user *", "kRawPtr"),
])
def test_c_types_map_to_decoder_types(decl: str, kind: str) -> None:
    assert gen.arg_kind(decl) == kind


@pytest.mark.parametrize("decl, width", [
    ("int flags", "kS32"),
    ("pid_t pid", "kS32"),
    ("const clockid_t which_clock", "kS32"),
    ("enum landlock_rule_type rule_type", "kS32"),
    ("unsigned int fd", "kU32"),
    ("uid_t user", "kU32"),
    ("umode_t mode", "kU16"),
    ("old_uid_t user", "kU16"),
    ("unsigned long", "k64"),
    ("loff_t pos", "k64"),
    ("int __user *", "k64"),
])
def test_c_types_give_the_bits_the_kernel_reads(decl: str, width: str) -> None:
    assert gen.arg_width(decl) == width


def test_rows_carry_the_widths_of_the_declaration() -> None:
    widths = gen.parse_widths(DATA / "x86_64.args")
    _, rows = gen.parse_args(DATA / "x86_64.args")
    number = {name: nr for nr, (name, _) in rows.items()}
    assert widths[number["creat"]] == ["k64", "kU16"]
    assert widths[number["faccessat"]] == ["kS32", "k64", "kS32"]
    assert widths[number["afs_syscall"]] is None


def test_an_unknown_type_is_an_error_not_a_guess() -> None:
    with pytest.raises(ValueError, match="no decoder type"):
        gen.arg_kind("struct foo bar")


def test_prototypes_of_the_headers_follow_the_x86_configuration(tmp_path: Path) -> None:
    header = tmp_path / "syscalls.h"
    header.write_text("#ifndef CONFIG_ARCH_HAS_SYSCALL_WRAPPER\n"
                      "#ifdef CONFIG_CLONE_BACKWARDS\n"
                      "asmlinkage long sys_clone(unsigned long, int __user *);\n"
                      "#else\n"
                      "asmlinkage long sys_clone(unsigned long flags, unsigned long newsp,\n"
                      "        int __user *parent_tid, int __user *child_tid, unsigned long tls);\n"
                      "#endif\n"
                      "/* a comment */ asmlinkage long sys_getpid(void);\n"
                      "#endif\n")
    protos = gen_args.header_prototypes(header)
    assert protos["sys_getpid"] == []
    assert [name for _, name in protos["sys_clone"]] == ["flags", "newsp", "parent_tid",
                                                          "child_tid", "tls"]
    assert protos["sys_clone"][2] == ("int *", "parent_tid")


def test_facts_rows_name_syscalls_and_give_the_classes() -> None:
    from observer import syscall_classes

    facts = gen.parse_facts(DATA / "facts.tsv")
    known = set().union(*(gen.parse_table(p)[1].values() for p in DATA.glob("*.tbl")))
    assert set(facts) <= known
    assert facts["openat"].args == ["kDirFd", "kPath", "kOpenFlags", "kMode"]
    assert facts["close"].roles == ["fd_arg0", "fd_close"]
    assert facts["futex"].decoder == "futex" and facts["clock_nanosleep"].entry == 3
    for cls, members in syscall_classes.CLASSES.items():
        assert members == {n for n, f in facts.items() if "%" + cls in f.classes}, cls


def test_a_malformed_facts_row_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "facts.tsv"
    bad.write_text("# header\nread\tkFd\tint\tfd_argument\t-\t-\t%desc\n")
    with pytest.raises(ValueError, match=r"facts.tsv:2: unknown roles \['fd_argument'\]"):
        gen.parse_facts(bad)
