# Two commands matter: `make demo` and `make test`. Both set up .venv first if needed.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install demo test lint typecheck bench browser clean fuzz

install: $(STAMP)

# torch is pinned and installed first: a plain `torch` would pull a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e ".[model,report,serve,aegis,dev]"
	@# export the models to ONNX once (cached under ~/.cache/checker), so no check pays for it
	-$(BIN)/python -m checker.nli.onnx
	@# byte-compile the package as pip does for an installed one: with PYTHONDONTWRITEBYTECODE
	@# set, an editable install would otherwise compile every module in every process
	$(BIN)/python -m compileall -q checker
	touch $(STAMP)

# Headless Chromium for the browser tests, from Debian (never a browser download by a test tool).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq chromium) || echo "chromium could not be installed: browser tests will skip"; \
	  else echo "chromium missing and not root: browser tests will skip"; fi; }

demo: install
	mkdir -p reports
	-$(BIN)/checker check seeds/
	$(BIN)/checker check seeds/ --format json -o reports/seeds.json --exit-zero
	$(BIN)/checker check seeds/ --format sarif -o reports/seeds.sarif --exit-zero
	$(BIN)/checker report seeds/ --out reports/seeds/ --no-progress
	-$(BIN)/checker check seeds/niger-withdrawal.txt --source seeds/source/niger-withdrawal.txt --select SR
	$(BIN)/checker check seeds/niger-withdrawal.txt --source seeds/source/niger-withdrawal.txt --format html -o reports/niger-withdrawal-source.html --exit-zero
	$(BIN)/checker check seeds/ferry-strike.txt --format html -o reports/ferry-strike-source.html --exit-zero
	$(BIN)/python -m checker.bench.samples
	$(BIN)/python -m checker.bench.serve_page
	@echo "reports written to reports/"

lint: install
	$(BIN)/ruff check checker tests
typecheck: install
	$(BIN)/mypy checker

test: install browser lint typecheck
	$(BIN)/python -m pytest -q

# Property-based tests at full strength: 20,000 examples per property, over 100,000 in all.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -p no:cacheprovider \
	  --hypothesis-show-statistics tests/inputs/test_properties.py

bench: install
	$(BIN)/python -m compileall -q checker
	$(BIN)/python -m checker.bench

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache dist build
