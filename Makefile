# Entry points: `make run` and `make test` are the whole set-up on a fresh machine.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
FLASK := $(VENV)/bin/flask
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 2
PYTEST_ARGS ?=

.PHONY: install compile run serve init-db test bench bench-contest lint clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	touch $@

init-db: install
	$(FLASK) --app app init-db

# Byte-compiled once here: this machine sets PYTHONDONTWRITEBYTECODE, so without it every
# worker and CLI call would compile the engine's modules again (about 0.1 s of start-up).
compile: install
	$(PY) -m compileall -q quizapp app.py

run: init-db compile
	$(VENV)/bin/gunicorn --workers $(WORKERS) --threads 4 --bind $(HOST):$(PORT) \
		--access-logfile - app:app

test: install
	$(VENV)/bin/pytest $(PYTEST_ARGS)

bench: compile
	$(PY) bench/bench_engine.py

bench-contest: install
	$(PY) bench/bench_contest.py

lint: install
	$(VENV)/bin/ruff check quizapp tests bench app.py
	$(VENV)/bin/ruff format --check quizapp tests bench app.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
