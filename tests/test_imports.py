"""The package's import graph: no module imports another that imports it back (directly or
round a circle, at module level or inside a function), and nothing imports the two faces,
the command line (cli) and the Python API (tracer), which only translate into the core."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "observer"
FACES = {"observer.cli", "observer.tracer"}


def imports_of(path: Path) -> set[str]:
    """The observer modules path imports anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "observer":
                found.update(f"observer.{alias.name}" for alias in node.names)
            elif node.module.startswith("observer."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names
                         if alias.name.startswith("observer."))
    return found


def graph() -> dict[str, set[str]]:
    modules = {f"observer.{path.stem}": path for path in PACKAGE.glob("*.py")
               if path.stem != "__init__"}
    return {name: imports_of(path) & set(modules) for name, path in modules.items()}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Each import circle once, as the modules on it."""
    found: list[list[str]] = []
    for start in sorted(edges):
        todo = [(start, [start])]
        while todo:
            node, path = todo.pop()
            for nxt in sorted(edges[node]):
                if nxt == start:
                    if min(path) == start:  # each circle from its smallest member
                        found.append(path)
                elif nxt not in path and nxt > start:
                    todo.append((nxt, path + [nxt]))
    return found


def test_the_package_has_no_import_circle() -> None:
    edges = graph()
    assert "observer._session" in edges and edges["observer.cli"], "graph not read"
    assert circles(edges) == []


def test_a_circle_is_found_where_there_is_one() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_nothing_imports_the_command_line_or_the_python_api() -> None:
    edges = graph()
    importers = {name: sorted(deps & FACES) for name, deps in edges.items()
                 if deps & FACES and name != "observer.__main__"}
    assert importers == {}


#: What a module may import inside a function: the compiled core and the modules that load
#: NumPy, pyarrow, pandas or dask, kept out of the import of the light ones (the formatter,
#: -l, --help) on purpose.
LAZY = {"observer._core", "observer.arrow", "observer.frames", "observer._strace",
        "observer._dataset", "observer.analysis", "observer._distributed"}
#: The formatter and the analyses also work where the generated syscall table is missing
#: (run from a source tree): they load it only to print names.
WITHOUT_TABLE = {"observer.formatter", "observer.analysis"}


def late_imports(path: Path) -> set[str]:
    """The observer modules path imports inside a function."""
    found: set[str] = set()
    for func in ast.walk(ast.parse(path.read_text())):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(func):
            if isinstance(node, ast.ImportFrom) and node.module == "observer":
                found.update(f"observer.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("observer."):
                found.add(str(node.module))
    return found


def test_only_heavy_modules_are_imported_late() -> None:
    late = {}
    for path in PACKAGE.glob("*.py"):
        module = f"observer.{path.stem}"
        allowed = LAZY | ({"observer.syscalls"} if module in WITHOUT_TABLE else set())
        late[module] = late_imports(path) - allowed
    assert {module: names for module, names in late.items() if names} == {}
