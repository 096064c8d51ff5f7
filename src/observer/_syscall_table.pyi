# Type stubs for observer._syscall_table, generated at build time by tools/gen_syscalls.py.
TABLES: dict[str, dict[int, str]]
SOURCES: dict[str, str]
CLASSES: dict[str, frozenset[str]]
