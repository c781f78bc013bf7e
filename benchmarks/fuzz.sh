#!/usr/bin/env bash
# Fuzz every entry point of privacymodel for MINUTES (default 10), then replay what failed through pytest.
#
#   bash benchmarks/fuzz.sh [MINUTES] [options of "python -m tests.fuzz.run": --target NAME, --seed N, --save DIR]
#
# Runs with PYTHON if set, else the project's .venv if there is one, else python3; it needs the test extras
# (pip install -e '.[test]'). The run prints every distinct failure with the input that caused it and keeps the
# failing inputs in Hypothesis' example database (.hypothesis/); pytest then replays and shrinks them.
# Exit status: 0 if nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
shift $(( $# > 0 ? 1 : 0 ))
if [ -n "${PYTHON:-}" ]; then python="$PYTHON"; elif [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
"$python" -W ignore::DeprecationWarning -m tests.fuzz.run --minutes "$minutes" "$@"
status=$?
if [ "$status" -ne 0 ]; then
    echo
    echo "Replaying the failures through pytest, which shrinks each to a minimal example:"
    FUZZ_PROFILE=fuzz-shrink "$python" -m pytest -q tests/fuzz
fi
exit "$status"
