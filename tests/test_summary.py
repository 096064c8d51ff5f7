"""The -c table: pure Python over per-syscall totals."""

from __future__ import annotations

from dataclasses import dataclass

from observer import summary


@dataclass
class FakeStats:
    nr: int
    calls: int
    errors: int
    total_ns: int
    max_ns: int


def test_table_sorted_by_time_with_totals() -> None:
    text = summary.format_table([FakeStats(0, 4, 0, 1_000_000, 400_000),
                                 FakeStats(257, 10, 3, 3_000_000, 900_000),
                                 FakeStats(231, 1, 0, 0, 0)], arch="x86_64")
    lines = text.splitlines()
    assert lines[0].split() == ["%", "time", "seconds", "usecs/call", "usecs/max", "calls",
                                "errors", "syscall"]
    assert lines[2].split() == ["75.00", "0.003000", "300", "900", "10", "3", "openat"]
    assert lines[3].split() == ["25.00", "0.001000", "250", "400", "4", "read"]
    assert lines[4].split() == ["0.00", "0.000000", "0", "0", "1", "exit_group"]
    assert lines[-1].split() == ["100.00", "0.004000", "266", "15", "3", "total"]


def test_empty_table_has_a_zero_total() -> None:
    assert summary.format_table([]).splitlines()[-1].split() == ["0.00", "0.000000", "0", "0",
                                                                  "total"]
