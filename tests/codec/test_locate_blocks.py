"""Placing problems by re-reading only the top-level blocks that hold them gives the places a whole re-read gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.checks import validate
from privacymodel.codec.locate import _block_positions, place
from privacymodel.codec.yaml_read import Outline, locate, parse
from privacymodel.problems import format_path
from privacymodel.strategies import policies
from tests.conftest import EXAMPLES
from tests.helpers import invoke

_KEYS = st.sampled_from(["a", "b", "c", "name", "x y", "é"])
_SCALARS = st.none() | st.booleans() | st.integers(-5, 5) | st.sampled_from(["", "text", "1.10", "two\nlines", "#", "a: b"])
_DOCUMENTS = st.dictionaries(
    _KEYS,
    st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3), max_leaves=8),
    min_size=1,
    max_size=5,
)


def _variants(text: str) -> list[str]:
    """``text`` as people write it: with a header, a byte order mark, other line breaks, an indented top level."""
    return [
        text,
        "%YAML 1.2\n---\n" + text + "...\n",
        "# a comment\n\n" + text.replace("\n", "\n# between\n", 1),
        "\ufeff" + text,
        text.replace("\n", "\r\n"),
        text.replace("\n", "\r"),
        "".join("  " + line if line.strip() else line for line in text.splitlines(keepends=True)),
    ]


def _problems(text: str, data: st.DataObject) -> list[pm.Problem]:
    """Problems at paths found in ``text`` (values and keys), and at paths it does not hold."""
    paths = sorted(locate(text), key=repr)
    chosen = data.draw(st.lists(st.sampled_from(paths), max_size=6)) if paths else []
    problems = []
    for path in chosen:
        if path and path[-1] == "<key>":
            problems.append(pm.Problem(code="PM101", message="unknown key", path=format_path(path[:-1])))
        else:
            problems.append(pm.Problem(code="PM103", message="m (quote the value to keep it as text)", path=format_path(path)))
    missing = data.draw(st.lists(st.tuples(st.sampled_from(["zz", *(p[0] for p in paths if p)]), _KEYS), max_size=2))
    problems += [pm.Problem(code="PM102", message="missing", path=format_path(path)) for path in missing]
    return problems


def _same_places(text: str, data: st.DataObject) -> None:
    outline: Outline = []
    try:
        parse(text, None, outline)
    except pm.PolicyError:
        return
    problems = _problems(text, data)
    assert place(problems, text, "f", outline) == place(problems, text, "f")


@given(_DOCUMENTS, st.booleans(), st.data())
def test_any_document_is_placed_as_a_whole_re_read_places_it(document: dict[str, Any], flow: bool, data: st.DataObject) -> None:
    text = yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True, sort_keys=False)
    for variant in _variants(text):
        _same_places(variant, data)


@given(policies(), st.data())
def test_policies_are_placed_as_a_whole_re_read_places_them(policy: pm.PrivacyPolicy, data: st.DataObject) -> None:
    for variant in _variants(pm.dump(policy)):
        _same_places(variant, data)


def test_the_examples_re_read_one_block_per_problem() -> None:
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        outline: Outline = []
        parse(text, None, outline)
        wanted = {("legal_bases", 0, "basis"), ("purposes", "<key>")}
        blocks = _block_positions(text, wanted, outline)
        assert blocks is not None
        full = locate(text, wanted)
        assert {p: blocks.get(p) for p in wanted} == {p: full.get(p) for p in wanted}


def test_a_top_level_in_flow_style_is_read_again_whole() -> None:
    text = "{\n  a: 1,\n  b: [x, y]\n}\n"
    outline: Outline = []
    parse(text, None, outline)
    assert _block_positions(text, {("b", 1)}, outline) is None
    [problem] = place([pm.Problem(code="PM103", message="m", path="$.b[1]")], text, None, outline)
    assert (problem.line, problem.column) == (3, 10)


def test_a_key_that_does_not_start_its_line_is_read_again_whole() -> None:
    text = "? a\n: 1\nb: 2\n"
    outline: Outline = []
    parse(text, None, outline)
    assert _block_positions(text, {("a",)}, outline) is None
    [problem] = place([pm.Problem(code="PM103", message="m", path="$.a")], text, None, outline)
    assert (problem.line, problem.column) == (2, 3)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_command_places_the_examples_warnings_as_a_whole_re_read_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, newline: str
) -> None:
    for example in EXAMPLES:
        (tmp_path / example.name).write_bytes(example.read_text(encoding="utf-8").replace("\n", newline).encode())
    by_parts = invoke("validate", "--format", "json", str(tmp_path))
    read = validate.parse
    monkeypatch.setattr(validate, "parse", lambda text, file, outline=None: read(text, file))  # no outline kept
    whole = invoke("validate", "--format", "json", str(tmp_path))
    assert (by_parts.returncode, by_parts.stdout) == (whole.returncode, whole.stdout)
    assert '"line": ' in by_parts.stdout
