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

# Byte-compile the package: an editable install leaves it uncompiled, and where
# PYTHONDONTWRITEBYTECODE is set (many container images) every process, pool workers
# included, would otherwise compile it again at start-up. Incremental: only changed files.
BYTECODE := $(VENV)/.bytecode-stamp
$(BYTECODE): $(STAMP) $(wildcard l10n/*.py l10n/*/*.py)
	@$(BIN)/python -m compileall -q l10n
	@touch $(BYTECODE)

SEED := samples/000_3b28b45df5788720.txt
SEED_HTML := samples/001_seed_en.html

# The main job on the bundled sample: find its leak, extract its chrome, render every
# shipped locale under build/, check the build and summarize.
demo: $(BYTECODE)
	@echo "== 1. check the seed page (its Russian placeholder is a leak: exit 1 expected)"
	-$(BIN)/l10n check --locale en $(SEED) $(SEED_HTML)
	@echo "== 2. extract chrome, places and agencies into locales/*.pot"
	$(BIN)/l10n extract $(SEED) $(SEED_HTML) samples/005_news_en.txt
	@echo "== 3. render every shipped locale, check the build, summarize"
	$(BIN)/l10n build --all --published 2010-05-18T15:30:00+04:00 $(SEED) $(SEED_HTML)

# The editor preview on the bundled samples: http://127.0.0.1:8000/
preview: $(BYTECODE)
	$(BIN)/l10n preview samples --catalogs locales

# The tests' oracles (gettext, Node.js, Chromium) are installed first where missing.
test: $(BYTECODE)
	@scripts/system-deps
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check l10n tests bench

lint: $(STAMP)
	$(BIN)/ruff check l10n tests bench

# Benchmarks (they print numbers; no test asserts a time). The check speed needs a corpus:
# make bench CORPUS=DIR, DIR from ../shared/bench/leakcorpus.py --pages-per-locale 100.
# pybabel's side of the update benchmark takes minutes: bench/update_speed.py --babel-repeat 1.
bench: $(BYTECODE)
	$(BIN)/python bench/update_speed.py
	$(BIN)/python bench/render_speed.py
	@if [ -n "$(CORPUS)" ]; then $(BIN)/python bench/check_speed.py --corpus $(CORPUS); \
	else echo "check speed: make bench CORPUS=DIR (DIR from leakcorpus.py --pages-per-locale 100)"; fi

clean:
	rm -rf build .pytest_cache

# CLDR data shipped with the package (tests fail when the installed Babel disagrees).
cldr-data: $(STAMP)
	$(BIN)/python -c "import json; from l10n.dateline import cldr_month_names, MONTH_DATA; MONTH_DATA.write_text(json.dumps(cldr_month_names(), ensure_ascii=False, indent=1, sort_keys=True) + '\n', encoding='utf-8')"
