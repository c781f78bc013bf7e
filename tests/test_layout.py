"""The package's layout stays readable: no module a newcomer has to scroll, no long function without a reason.

The layers' import directions are checked by import-linter (``lint-imports``, configured in pyproject.toml).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "privacymodel"
MODULES = sorted(PACKAGE.rglob("*.py"))

MAX_MODULE_LINES = 460  # "about 450": a module a newcomer reads without scrolling far
# Declaration tables: vocabularies and the field declarations of the classes, long because they are lists.
TABLES = {"model/policy.py", "model/statements.py"}
MAX_FUNCTION_LINES = 60


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_module_is_short_enough_to_read(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    limit = MAX_MODULE_LINES * 2 if _name(path) in TABLES else MAX_MODULE_LINES
    assert lines <= limit, f"{_name(path)} has {lines} lines; split it by what it holds"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_long_functions_say_why(path: Path) -> None:
    """A function over the limit carries a comment on its ``def`` line or the line above saying why it is long."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    unexplained = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno is not None:
            length = node.end_lineno - node.lineno + 1
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            explained = "#" in lines[node.lineno - 1] or lines[first - 2].strip().startswith("#")
            if length > MAX_FUNCTION_LINES and not explained:
                unexplained.append(f"{node.name} ({length} lines)")
    assert unexplained == [], f"{_name(path)}: long functions with no comment saying why: {unexplained}"


def test_every_layer_is_a_folder_with_a_docstring() -> None:
    for layer in ("model", "codec", "checks", "formats", "cli"):
        init = PACKAGE / layer / "__init__.py"
        assert init.is_file(), f"privacymodel/{layer}/ is not a package"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"privacymodel/{layer}/ does not say what it holds"


ARCHITECTURE = PACKAGE.parent / "ARCHITECTURE.md"


def test_architecture_names_the_layers_in_the_order_import_linter_enforces() -> None:
    import tomllib

    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    enforced = [name.removeprefix("privacymodel.") for name in contract["layers"]]
    text = ARCHITECTURE.read_text(encoding="utf-8")
    drawn = re.findall(r"^   ([a-z]+)(?:/|\.py) ", text, flags=re.MULTILINE)
    assert drawn == enforced


def test_architecture_names_only_modules_that_exist() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    for path in set(re.findall(r"`((?:[a-z_]+/)+[a-z_]+\.py)", text)):
        where = PACKAGE.parent / path if path.startswith("privacymodel/") else PACKAGE / path
        assert where.is_file(), f"ARCHITECTURE.md names {path}, which does not exist"
    for line in re.findall(r"^   ([a-z]+)/ {2,}(.*)$", text, flags=re.MULTILINE):
        layer, modules = line
        for name in re.findall(r"([a-z_]+(?:\.py|/))", modules.split("  ")[0]):
            assert (PACKAGE / layer / name.rstrip("/")).exists(), f"ARCHITECTURE.md draws {layer}/{name}, which does not exist"
