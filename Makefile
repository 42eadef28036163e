# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test bench docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/ktxh run

test: $(STAMP)
	$(BIN)/pytest

# dbt's documentation of every model and column as one file: target/static_index.html
docs: $(STAMP)
	test -f $${KTXH_DB:-warehouse/ktxh.duckdb} || $(BIN)/ktxh run
	$(BIN)/dbt docs generate --static --profiles-dir . --project-dir . --quiet

bench: $(STAMP)
	$(BIN)/python bench/benchmark.py $(BENCH_ARGS)
	$(BIN)/python bench/hostile.py
	$(BIN)/python bench/prose_speed.py
	$(BIN)/python bench/incremental.py

clean:
	rm -rf warehouse exports target logs
