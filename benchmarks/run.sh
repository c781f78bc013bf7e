#!/usr/bin/env bash
# Install privacymodel and check-jsonschema into benchmarks/.venv and run the benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv benchmarks/.venv
benchmarks/.venv/bin/python -m pip install --quiet --upgrade pip
benchmarks/.venv/bin/python -m pip install --quiet -e '.[bench]'
exec benchmarks/.venv/bin/python benchmarks/bench.py "$@"
