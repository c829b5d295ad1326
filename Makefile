# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint format bench translations clean wheelhouse package screenshots

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "copdesk needs Python 3.11 or newer (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Open the window on the default workspace; on first run a short wizard creates it
# and offers the demo content.
run: $(STAMP)
	$(BIN)/copdesk

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_store.py
	$(BIN)/python benchmarks/bench_search.py
	$(BIN)/python benchmarks/eval_ranking.py
	$(BIN)/python benchmarks/bench_sync.py
	@command -v pdftotext >/dev/null || echo "bench_documents: no pdftotext (apt-get install poppler-utils) for its baseline"
	$(BIN)/python benchmarks/bench_documents.py

# Update the French catalogue from every string in the GUI sources (then translate the
# new entries with pyside6-linguist), and compile it; commit both .ts and .qm.
TS := copdesk/gui/i18n/copdesk_fr.ts
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -target-language fr_FR -no-obsolete -locations none \
		$$(find copdesk/gui -name '*.py' | sort) -ts $(TS)
	$(BIN)/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

# The copdesk wheel and the wheels of everything it needs, with install.py: on a PC
# with Python 3.11+ and no network, `python3 install.py` installs from this folder
# (or `pip install --no-index --find-links dist/wheelhouse copdesk`).
wheelhouse: $(STAMP)
	rm -rf dist/wheelhouse
	$(BIN)/python -m pip wheel --quiet -w dist/wheelhouse .
	cp packaging/install_offline.py dist/wheelhouse/install.py
	@ls dist/wheelhouse

# The frozen application (PyInstaller, one folder), smoke-tested offscreen, then the .deb
# checked by desktop-file-validate, appstreamcli and lintian, unpacked and run again;
# on Windows the Inno Setup installer. Figures in build/package/figures.txt.
PKG_STAMP := $(VENV)/.packaging
$(PKG_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	@touch $@

package: $(PKG_STAMP)
	$(BIN)/python packaging/build.py

# The guides' screenshots (docs/screenshots/guide-*.png), English and French, made by
# copdesk itself on two demo sites; re-run after the window changes.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
