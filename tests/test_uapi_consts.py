"""The constant tables of data/uapi/*.tsv: each constant with the header line it comes from,
written again the same from the same headers (tools/gen_uapi_consts.py)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "uapi"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_uapi_consts",
                                                  ROOT / "tools" / "gen_uapi_consts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_uapi_consts"] = module
    spec.loader.exec_module(module)
    return module


gen = load()
FILES = sorted(DATA.glob("*.tsv"))


def recorded_versions(path: Path) -> str:
    first = path.read_text().splitlines()[0]
    match = re.search(r" of (linux-libc-dev .*); written by", first)
    assert match, f"{path.name}: the first line names the package the values come from"
    return match.group(1)


def installed_versions() -> str | None:
    """What the data files would record now, or None without the headers or a compiler."""
    if not Path("/usr/include/linux/fcntl.h").is_file() or not shutil.which("gcc"):
        return None
    versions = f"linux-libc-dev {gen.package_version('linux-libc-dev')} (amd64)"
    if Path(gen.ARCHES["aarch64"]["roots"][0]).is_dir():
        versions += (f" and linux-libc-dev-arm64-cross "
                     f"{gen.package_version('linux-libc-dev-arm64-cross')} (arm64)")
    return versions


def same_headers() -> None:
    """Skip unless the installed headers are the ones the data files were taken from."""
    now = installed_versions()
    if now is None:
        pytest.skip("the uapi headers (linux-libc-dev) or gcc are not installed")
    if now != recorded_versions(FILES[0]):
        pytest.skip(f"the headers installed are {now}, the data files come from "
                    f"{recorded_versions(FILES[0])}: run tools/gen_uapi_consts.py data data/uapi")


def test_every_table_the_tool_knows_is_written() -> None:
    assert [p.stem for p in FILES] == sorted([*gen.TABLES, "ioctl_requests"])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_constant_names_its_source(path: Path) -> None:
    recorded_versions(path)
    rows = gen.parse_data(path)
    assert rows, path.name
    for row in rows:
        assert re.fullmatch(rf"({'|'.join(gen.IOCTL_DIRS)})/[\w./-]+\.h:\d+", row["source"]) or \
            (row["source"].startswith("(") and row.get("macro", row["name"]) in gen.OUTSIDE), row
        assert set(row) <= {"name", "value", "source", "macro", "arch"}, row
        int(row["value"], 0)


def test_the_known_wrong_values_are_right() -> None:
    def value(table: str, name: str) -> int:
        return next(int(r["value"], 0) for r in gen.parse_data(DATA / f"{table}.tsv")
                    if r["name"] == name and r.get("arch", "x86_64") == "x86_64")

    assert value("madvise", "MADV_DONTNEED_LOCKED") == 24
    assert value("madvise", "MADV_COLLAPSE") == 25
    assert value("arch_prctl", "ARCH_SHSTK_ENABLE") == 0x5001


def test_the_sources_define_the_constants() -> None:
    same_headers()
    roots = {"x86_64": Path("/usr/include"), "aarch64": Path(gen.ARCHES["aarch64"]["roots"][0])}
    for path in FILES:
        for row in gen.parse_data(path):
            if row["source"].startswith("("):
                continue
            header, line = row["source"].rsplit(":", 1)
            arch = row.get("arch", "x86_64")
            root = roots[arch] / "x86_64-linux-gnu" if arch == "x86_64" and \
                header.startswith("asm/") else roots[arch]
            text = (root / header).read_text().splitlines()[int(line) - 1]
            macro = row.get("macro", row["name"])
            # A macro, or an enum member with its value or, counted, without (MPOL_DEFAULT,).
            defines = rf"(#\s*define\s+{macro}\b|^\s*{macro}\s*(=|,|$))"
            assert re.search(defines, text), (path.name, row, text)


def test_the_tool_writes_the_same_files_again() -> None:
    same_headers()
    versions = installed_versions()
    for path in FILES:
        if path.stem in gen.TABLES:
            assert gen.render_table(path.stem, versions) == path.read_text(), path.name


def test_the_tool_finds_the_same_ioctl_requests_again() -> None:
    same_headers()
    if not shutil.which("clang"):
        pytest.skip("clang computes the requests' struct sizes for both architectures")
    path = DATA / "ioctl_requests.tsv"
    assert gen.render_ioctl_requests(installed_versions()) == path.read_text()


def test_ioctl_requests_are_sorted_by_value_then_name_for_each_architecture() -> None:
    rows = gen.parse_data(DATA / "ioctl_requests.tsv")
    for arch in ("x86_64", "aarch64"):
        mine = [(int(r["value"], 0), r["name"]) for r in rows if r.get("arch", arch) == arch]
        assert mine == sorted(mine), arch
        names = dict((name, value) for value, name in mine)
        # Defined by _IOR() with a struct's size, by a plain number (kd.h), by _IOW() of a
        # macro type, and two names of one value.
        assert names["RTC_RD_TIME"] == 0x80247009
        assert names["KIOCSOUND"] == 0x4b2f
        assert names["FS_IOC_GETFLAGS"] == 0x80086601
        assert names["BTRFS_IOC_CLONE"] == names["FICLONE"] == 0x40049409
    assert not any(r["name"].startswith(("KVM_S390_", "KVM_PPC_", "_")) for r in rows)


@pytest.mark.parametrize(("body", "value"), [
    ("_IOW(0x94, 9, int)", 0x40049409),
    ("(1U << 31)", 1 << 31),
    ("0x00001000UL", 0x1000),
    ("00200000", 0o200000),
    ("(A | B)", 3),
    ("'T'", ord("T")),
    ("(mask(B))", 4),  # a macro of one parameter, as linux/securebits.h's issecure_mask(X)
])
def test_expressions_of_the_headers(body: str, value: int) -> None:
    defines = {"A": ("1", "x.h", 1), "B": ("(1 << 1)", "x.h", 2),
               "mask()": ("X\t(1 << (X))", "x.h", 3)}
    assert gen.evaluate(body, defines) == value


def test_the_cpp_header_keeps_order_and_architecture() -> None:
    header = gen.render_header(DATA)
    assert '{25, "MADV_COLLAPSE"},  // asm-generic/mman-common.h:' in header
    flags = header[header.index("k_open_flags[]"):]
    assert flags.index('"O_SYNC"') < flags.index('"O_DSYNC"')
    assert "#if defined(__aarch64__)" in flags.split("};")[0]


PATTERN_DEFINES = {"KEY_B": ("2", "x.h", 1), "KEY_A": ("1", "x.h", 2), "BTN_0": ("0x100", "x.h", 3),
                   "KEY_OLD": ("KEY_A", "x.h", 4), "KEY_MAX": ("0x2ff", "x.h", 5),
                   "KEY_CNT": ("(KEY_MAX+1)", "x.h", 6), "KEY_F()": ("x\t(x)", "x.h", 7),
                   "BTN_1": ("0x101", "x.h", 8), "KEY_LIGHT_MAX": ("0x2c0", "x.h", 9)}


@pytest.mark.parametrize(("entries", "names"), [
    # The headers' order, not the alphabet's; the family's bounds and function-like macros
    # left out, a name that only ends like a bound kept.
    (["KEY_*"], ["KEY_B", "KEY_A", "KEY_OLD", "KEY_LIGHT_MAX"]),
    (["KEY_*", "!KEY_OLD", "!KEY_L*"], ["KEY_B", "KEY_A"]),
    (["KEY_*", "!KEY_O*", "!KEY_LIGHT_MAX", "BTN_*"], ["KEY_B", "KEY_A", "BTN_0", "BTN_1"]),
    # Two families the headers interleave, in the headers' order.
    (["KEY_*|BTN_*", "!KEY_OLD"], ["KEY_B", "KEY_A", "BTN_0", "BTN_1", "KEY_LIGHT_MAX"]),
    # A name the table gives elsewhere keeps its place there.
    (["KEY_A", "KEY_*"], ["KEY_A", "KEY_B", "KEY_OLD", "KEY_LIGHT_MAX"]),
    (["KEY_*", "O_ASYNC=KEY_OLD"], ["KEY_B", "KEY_A", "KEY_LIGHT_MAX", "O_ASYNC=KEY_OLD"]),
    ([r"~KEY_\w+ KEY_A"], ["KEY_OLD"]),
])
def test_patterns_expand_to_the_headers_names_in_their_order(entries: list[str],
                                                            names: list[str]) -> None:
    assert gen.expand("t", entries, PATTERN_DEFINES, "x86_64") == names


@pytest.mark.parametrize("entries", [["ABS_*"], ["KEY_*", "!KEY_*"], ["BTN_*", "!BTN_?"],
                                     [r"~ABS_\w+ .*"]])
def test_a_pattern_that_matches_nothing_is_an_error(entries: list[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(gen.TABLES, "t", (["x.h"], entries))
    with pytest.raises(SystemExit, match=r"^t: .* matches nothing in x\.h for x86_64$"):
        gen.expand("t", entries, PATTERN_DEFINES, "x86_64")
