# One-command set-up on a fresh machine with only python3.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test

.PHONY: run test bench score clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install -q -c constraints.txt -e .
	touch $@

$(TSTAMP): $(STAMP)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $@

run: $(STAMP)
	$(BIN)/berita-extract seeds/ -o out --summary > /dev/null

test: $(TSTAMP)
	$(BIN)/python -m pytest

# make score: the corpus; make score DIR=texts GOLD=golds: any folder (e.g. the development set)
DIR     ?= tests/corpus
GOLD    ?= $(DIR)
score: $(STAMP)
	$(BIN)/python -m berita_extract.scoring $(DIR) $(GOLD) $(if $(V),-v)

bench: $(TSTAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) out .pytest_cache
