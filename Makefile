# observer: `make demo` and `make test` work on a fresh Debian 12 machine as root.
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip
APT_PACKAGES = clang llvm bpftool libbpf-dev libelf-dev zlib1g-dev pkg-config make gcc strace
PY_PACKAGES = scikit-build-core pybind11 numpy pandas pyarrow matplotlib pytest nbclient nbformat ipykernel mypy
DEMO_DIR ?= demo-output

.PHONY: deps install demo test bench clean

deps:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES); \
	fi
	$(PIP) install -q --disable-pip-version-check $(PY_PACKAGES)

install: deps
	$(PIP) install -q --disable-pip-version-check .

# Trace a small shell session from its first syscall, then split the log per process.
demo: install
	mkdir -p $(DEMO_DIR)
	$(PYTHON) -m observer -f -o $(DEMO_DIR)/trace.log -- sh -c 'ls / >/dev/null; cat /etc/hostname >/dev/null; echo done'
	$(PYTHON) -m observer.formatter $(DEMO_DIR)/trace.log -o $(DEMO_DIR)/split
	@echo; echo "first lines of $(DEMO_DIR)/trace.log:"; head -n 5 $(DEMO_DIR)/trace.log
	@echo; echo "per-process files in $(DEMO_DIR)/split:"; ls $(DEMO_DIR)/split

test: install
	$(PYTHON) -m pytest

# The peers observer is compared with; the benchmark reports any that is missing or not working.
BENCH_APT_PACKAGES = bpftrace linux-perf strace

bench: install
	@if ! dpkg -s $(BENCH_APT_PACKAGES) >/dev/null 2>&1; then \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BENCH_APT_PACKAGES) || \
	  echo "bench: some peers could not be installed; they are reported as unavailable"; \
	fi
	$(PYTHON) bench/run.py

clean:
	rm -rf build $(DEMO_DIR) .pytest_cache
