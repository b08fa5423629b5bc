# Two commands for a newcomer: `make demo` and `make test`. Each sets up .venv itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench preview clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/l10n inspect samples/000_3b28b45df5788720.txt

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check l10n tests bench

lint: $(STAMP)
	$(BIN)/ruff check l10n tests bench

clean:
	rm -rf build .pytest_cache

# CLDR data shipped with the package (tests fail when the installed Babel disagrees).
cldr-data: $(STAMP)
	$(BIN)/python -c "import json; from l10n.dateline import cldr_month_names, MONTH_DATA; MONTH_DATA.write_text(json.dumps(cldr_month_names(), ensure_ascii=False, indent=1, sort_keys=True) + '\n', encoding='utf-8')"
