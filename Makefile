# make run | make test | make dev — see README.md and ../shared/CONTRACT.md.
SHELL := /bin/bash
# The interpreter the venv is built from (`make run PYTHON=...` picks another; remove .venv/
# first). The distribution's CPython 3.11 comes first when it can make a venv: Debian's is built
# with profile-guided and link-time optimisation, and extracts 15-20% faster than a CPython built
# with pyenv's defaults (README, "Scale"). Elsewhere, the python3 on the path.
DISTRO_PYTHON := /usr/bin/python3.11
PYTHON ?= $(shell $(DISTRO_PYTHON) -c 'import ensurepip, venv' >/dev/null 2>&1 \
	&& echo $(DISTRO_PYTHON) || echo python3)
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
SHARED ?= ../shared

# The contract settings, also accepted as make variables (empty = the default).
export REPORTS_LANDING_DIR
export REPORTS_WAREHOUSE_PATH
# CONFIRM_REMOVAL=1: let `make run` remove most or all of the warehouse's documents (README).
export CONFIRM_REMOVAL
DAGSTER_HOME ?= $(CURDIR)/.dagster_home
export DAGSTER_HOME

.PHONY: run run-full test test-fast dev sql eval bench explain lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(BIN)/uv: | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Stamps: reinstall when the lock (or how it is installed) changes. --inexact keeps uv itself in the venv.
# --compile-bytecode: the .pyc files are written once, here; a shell with
# PYTHONDONTWRITEBYTECODE set (as container images often are) would otherwise compile
# Dagster's and Great Expectations' sources again at every run (3 s of each `make run`).
$(VENV)/.installed: uv.lock pyproject.toml Makefile | $(BIN)/uv
	$(BIN)/uv sync --quiet --frozen --inexact --compile-bytecode
	touch $@

$(VENV)/.installed-test: uv.lock pyproject.toml Makefile | $(BIN)/uv
	$(BIN)/uv sync --quiet --frozen --inexact --compile-bytecode --extra test
	touch $@ $(VENV)/.installed

# The DuckDB command-line client (extra "sql"), the same version as the library.
$(VENV)/.installed-sql: uv.lock pyproject.toml Makefile | $(BIN)/uv
	$(BIN)/uv sync --quiet --frozen --inexact --compile-bytecode --extra sql
	touch $@

$(DAGSTER_HOME)/dagster.yaml:
	@mkdir -p $(DAGSTER_HOME)
	@cp orchestration/dagster.yaml $@.$$$$.tmp && mv -n $@.$$$$.tmp $@; rm -f $@.$$$$.tmp

# One line per stage, then a summary; VERBOSE=1 shows the traceback of a failure.
run: $(VENV)/.installed $(DAGSTER_HOME)/dagster.yaml
	@$(BIN)/python -m orchestration.run

# The same, parsing every file again (after an extraction change, say).
run-full: $(VENV)/.installed $(DAGSTER_HOME)/dagster.yaml
	@$(BIN)/python -m orchestration.run --full-refresh

# Every test, spread over the cores (pytest-xdist; TEST_WORKERS=0 runs them in this process).
# test-fast is the quick tier: it leaves out the tests marked "slow" (end to end, real GX,
# Dagster instances, process pools, browsers, whole warehouse files), in under 30 s.
TEST_WORKERS ?= auto
test: $(VENV)/.installed-test
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

test-fast: $(VENV)/.installed-test
	$(BIN)/pytest -m "not slow" -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

# The Dagster UI on http://127.0.0.1:3000 with its daemon: the nightly schedule and the
# landing-folder sensor are on (see README, Operations). The code location is pyproject's
# [tool.dagster] (module orchestration.definitions, location name vn_reports).
dev: $(VENV)/.installed $(DAGSTER_HOME)/dagster.yaml
	@$(BIN)/python -m orchestration.instance
	$(BIN)/dagster dev

# The warehouse in the DuckDB CLI, read-only (a run can swap in a new version meanwhile),
# with full-text search loaded from the installed extension file: no network.
sql: $(VENV)/.installed-sql
	@$(BIN)/python -m orchestration.sql

# Extraction accuracy on ../shared: the seed reports and the real excerpts, each scored by
# ../shared/eval/score.py. MISSES=1 lists what went wrong (score.py --misses).
EVAL_SETS := seeds:corpus/seeds:gold excerpts:corpus/excerpts:gold/excerpts
eval: $(VENV)/.installed $(DAGSTER_HOME)/dagster.yaml
	@set -e; for set in $(EVAL_SETS); do \
		IFS=: read -r name corpus gold <<< "$$set"; \
		echo "== $$name ($(SHARED)/$$corpus)"; \
		REPORTS_LANDING_DIR=$(SHARED)/$$corpus REPORTS_WAREHOUSE_PATH=warehouse/$$name.duckdb \
			$(BIN)/python -m orchestration.run > warehouse/$$name-run.log 2>&1 \
			|| { tail -40 warehouse/$$name-run.log; echo "pipeline failed: see warehouse/$$name-run.log"; exit 1; }; \
		$(BIN)/python $(SHARED)/eval/score.py --gold $(SHARED)/$$gold --warehouse warehouse/$$name.duckdb \
			$(if $(MISSES),--misses); \
	done

# Benchmark: N synthetic reports (BENCH_N=10000 for the full size).
BENCH_N ?= 2000
bench: $(VENV)/.installed $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m bench.run --count $(BENCH_N)

# Every number of one report with its decision: the fact and role it went to, or why it was skipped.
explain: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "usage: make explain FILE=path/to/report"; exit 2; }
	$(BIN)/python -m transforms.explain "$(FILE)"

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf warehouse/*.duckdb warehouse/*.wal warehouse/data_docs warehouse/*.data_docs warehouse/*.review .dagster_home bench/out
