"""Running the JavaScript consumer of the schema: Node.js with ajv, ajv-formats and yaml from ``npm ci --prefix tests/js``.

Tests that need them skip, with the reason, where ``node`` or ``tests/js/node_modules`` is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"
SCRIPT = HERE / "validate.mjs"
PACKAGES = ("ajv", "ajv-formats", "yaml")


def node() -> str:
    """The ``node`` program, or skip the test saying what to install."""
    program = shutil.which("node")
    if program is None:
        pytest.skip("Node.js is not installed (Debian: apt-get install nodejs npm)")
    missing = [name for name in PACKAGES if not (NODE_MODULES / name / "package.json").is_file()]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (npm ci --prefix tests/js)")
    return program


def run_node(*args: str, cwd: Path = HERE, script: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``node SCRIPT ARGS`` (``validate.mjs`` by default) and return what it printed."""
    program = node()
    environment = {key: value for key, value in os.environ.items() if not key.startswith("NODE_")}
    return subprocess.run(
        [program, str(script or SCRIPT), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=300,
        check=False,
    )


def ajv_verdicts(schema: Path, files: list[Path]) -> dict[str, Any]:
    """ajv's verdict on each file: ``{"compiled": bool, "error"?: str, "verdicts": [{"file", "valid", "errors"}]}``."""
    done = run_node(str(schema), *map(str, files))
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result
