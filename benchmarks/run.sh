#!/usr/bin/env bash
# Install privacymodel and check-jsonschema into benchmarks/.venv and run the benchmark.
#   bash benchmarks/run.sh [--files N] [--rounds N]          speed and memory against the floor and check-jsonschema
#   bash benchmarks/run.sh --invalid-cost [--sizes 4,16] ...  cost of invalid input against a valid file of equal size
#   bash benchmarks/run.sh --scaling [--items N] [--files N]  time against size for every operation (scaling.py)
#   bash benchmarks/run.sh --all                               both of the first and the last: every target of RESULTS.md
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv benchmarks/.venv
benchmarks/.venv/bin/python -m pip install --quiet --upgrade pip
benchmarks/.venv/bin/python -m pip install --quiet -e '.[bench]'
if [ "${1:-}" = "--all" ]; then  # the benchmark, then the scaling curve and table against validate
    benchmarks/.venv/bin/python -m pip install --quiet -e '.[tables]'
    benchmarks/.venv/bin/python benchmarks/bench.py
    exec benchmarks/.venv/bin/python benchmarks/scaling.py
fi
if [ "${1:-}" = "--scaling" ]; then  # each operation from 37 to 37,000 items; table against validate
    shift
    benchmarks/.venv/bin/python -m pip install --quiet -e '.[tables]'
    exec benchmarks/.venv/bin/python benchmarks/scaling.py "$@"
fi
if [ "${1:-}" = "--invalid-cost" ]; then
    shift
    exec benchmarks/.venv/bin/python benchmarks/invalid_cost.py "$@"
fi
exec benchmarks/.venv/bin/python benchmarks/bench.py "$@"
