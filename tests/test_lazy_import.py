"""The package's lazy public API: importing observer never loads the compiled core."""

from __future__ import annotations

import subprocess
import sys

import observer


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)


def test_import_does_not_load_the_core() -> None:
    result = run("import sys, observer, observer.formatter, observer.analysis, observer.frames\n"
                 "print('observer._core' in sys.modules)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_missing_core_says_how_to_fix_it() -> None:
    result = run("import sys\nsys.modules['observer._core'] = None\nimport observer\n"
                 "try:\n    observer.Tracer\nexcept ImportError as err:\n    print(err)\n")
    assert result.returncode == 0, result.stderr
    assert "did you build the extension?" in result.stdout


def test_all_names_resolve() -> None:
    assert "Tracer" in observer.__all__ and "read_log" in observer.__all__
    for name in ("read_log", "read_split_dir", "to_pandas", "to_parquet", "analysis"):
        assert getattr(observer, name) is not None
    assert set(observer.__all__) <= set(dir(observer))
