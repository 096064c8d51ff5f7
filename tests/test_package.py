"""Package quality: the _core stubs match the compiled module, public names are documented,
mypy --strict passes, and the stub files ship in the installed package."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import observer

ROOT = Path(__file__).resolve().parents[1]
STUB = ROOT / "src" / "observer" / "_core.pyi"


def _core() -> ModuleType:
    try:
        return importlib.import_module("observer._core")
    except ImportError as err:
        pytest.skip(f"observer._core is not built: {err}")


def stub_tree() -> dict[str, Any]:
    """Top-level stub names -> ast node."""
    tree = ast.parse(STUB.read_text())
    names: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = node
    return names


def stub_members(cls: ast.ClassDef) -> dict[str, str]:
    """Class body names -> 'method', 'property' (read-only) or 'attribute' (read-write)."""
    members: dict[str, str] = {}
    for node in cls.body:
        if isinstance(node, ast.FunctionDef):
            is_property = any(isinstance(d, ast.Name) and d.id == "property"
                              for d in node.decorator_list)
            members[node.name] = "property" if is_property else "method"
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            members[node.target.id] = "attribute"
    return members


def stub_params(node: ast.FunctionDef) -> list[str]:
    return [a.arg for a in node.args.args if a.arg != "self"]


def runtime_params(obj: Any) -> list[str]:
    """Parameter names from pybind11's signature line, e.g. 'poll(self: X, sink: Y) -> int'."""
    first = (obj.__doc__ or "").strip().splitlines()[0]
    match = re.match(r"\w+\((.*)\) ->", first)
    assert match, f"no pybind11 signature in {first!r}"
    params = []
    depth = 0
    current = ""
    for ch in match.group(1) + ",":
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        if ch == "," and depth == 0:
            if current.strip():
                params.append(current.split(":")[0].strip())
            current = ""
        else:
            current += ch
    return [p for p in params if p != "self"]


def runtime_members(cls: type) -> dict[str, str]:
    members: dict[str, str] = {}
    for name, value in vars(cls).items():
        if name.startswith("_") and name != "__init__":
            continue
        if name == "__init__" and not callable(getattr(value, "__func__", value)):
            continue
        if name == "__init__" and "instancemethod" not in type(value).__name__:
            continue  # not constructible from Python: the stub has no __init__ either
        if isinstance(value, property):
            members[name] = "attribute" if value.fset is not None else "property"
        else:
            members[name] = "method"
    return members


def test_stub_names_match_the_module() -> None:
    core = _core()
    runtime = {name for name in dir(core) if not name.startswith("_")}
    assert runtime == set(stub_tree())


def test_stub_classes_match_members_bases_and_writability() -> None:
    core = _core()
    for name, node in stub_tree().items():
        if not isinstance(node, ast.ClassDef):
            continue
        cls = getattr(core, name)
        assert runtime_members(cls) == stub_members(node), name
        runtime_bases = [b.__name__ for b in cls.__bases__ if b.__module__ == core.__name__]
        assert runtime_bases == [b.id for b in node.bases if isinstance(b, ast.Name)], name


def test_stub_parameters_match() -> None:
    core = _core()
    checked = 0
    for name, node in stub_tree().items():
        if isinstance(node, ast.FunctionDef):
            assert stub_params(node) == runtime_params(getattr(core, name)), name
            checked += 1
        elif isinstance(node, ast.ClassDef):
            cls = getattr(core, name)
            for member in node.body:
                if isinstance(member, ast.FunctionDef) and stub_members(node)[member.name] == "method":
                    assert stub_params(member) == runtime_params(getattr(cls, member.name)), \
                        f"{name}.{member.name}"
                    checked += 1
    assert checked > 10


def test_stubs_and_marker_are_installed() -> None:
    installed = Path(observer.__file__).parent
    for name in ("_core.pyi", "_syscall_table.pyi", "py.typed"):
        assert (installed / name).is_file(), f"{name} is not in the installed package"
    if installed != STUB.parent:
        assert (installed / "_core.pyi").read_text() == STUB.read_text()


def public_modules() -> list[ModuleType]:
    names = [m.name for m in pkgutil.iter_modules(observer.__path__, "observer.")
             if m.name not in ("observer._core", "observer.__main__")]
    return [importlib.import_module(name) for name in names]


def test_public_functions_and_classes_have_docstrings() -> None:
    undocumented = []
    for module in public_modules():
        assert module.__doc__, module.__name__
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) or inspect.isclass(obj):
                if not obj.__doc__:
                    undocumented.append(f"{module.__name__}.{name}")
            if inspect.isclass(obj):
                for member, value in vars(obj).items():
                    if not member.startswith("_") and inspect.isfunction(value) and not value.__doc__:
                        undocumented.append(f"{module.__name__}.{name}.{member}")
    assert undocumented == []


def test_mypy_strict_passes() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (pip install mypy)")
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "src/observer"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_version_flag_matches_metadata_via_console_script() -> None:
    from importlib.metadata import version

    script = shutil.which("observer", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the observer console script is not installed next to this Python")
    result = subprocess.run([script, "--version"], capture_output=True, text=True)
    assert result.stdout.strip() == f"observer {version('observer')}"
