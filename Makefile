# minex: `make run` runs the sample end to end, `make test` runs every test.
# Both create the virtual environment in .venv when it is missing or stale.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export GX_ANALYTICS_ENABLED := false
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DO_NOT_TRACK := 1

.PHONY: run test lint bench sample clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/minex run

test: $(STAMP) lint
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check ingest minex scripts tests benchmarks
	$(BIN)/ruff format --check ingest minex scripts tests benchmarks
	MINEX_DB=$(CURDIR)/target/sqlfluff.duckdb $(BIN)/sqlfluff lint models

bench: $(STAMP)
	$(BIN)/python -m benchmarks

sample: $(STAMP)
	$(BIN)/python scripts/build_sample.py

clean:
	rm -rf $(VENV) target logs warehouse releases
