"""What the exports leave out, found in one walk, and TILT's statements written alike kept once.

The report of fields left out is compared with its definition (every leaf of the
plain policy against every carried pattern), and the deduplication of TILT's
linked statements with the pairwise comparison it replaces.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.formats import dpv
from privacymodel.formats.left_out import left_out
from privacymodel.formats.tilt import coverage
from privacymodel.formats.tilt.links import distinct, frozen
from privacymodel.problems import Code, Problem, format_path
from privacymodel.strategies import policies

Path = tuple[str | int, ...]


def _leaves(data: Any, path: Path) -> Iterator[Path]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list) and data and isinstance(data[0], dict):
        for index, item in enumerate(data):
            yield from _leaves(item, (*path, index))
    else:
        yield path


def _pattern(path: Path) -> str:
    return "".join("[*]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path))


def _cut(path: Path, names: int) -> Path:
    strings = [i for i, p in enumerate(path) if isinstance(p, str)]
    return path[: strings[names]] if len(strings) > names else path


def reference(
    data: dict[str, Any], carried: Collection[str], target: str, reasons: Mapping[str, str], whole: Collection[str]
) -> list[Problem]:
    """The definition: each leaf's pattern compared with every carried pattern, each group's paths in a list."""
    groups: dict[str, list[Path]] = {}
    for path in _leaves(data, ()):
        pattern = _pattern(path)
        if any(pattern == c or pattern.startswith((c + ".", c + "[")) for c in carried):
            continue
        if path[-1] == "section":
            key, cut = "section", path
        else:
            cut = _cut(path, 1 if path[0] in whole else 2)
            key = _pattern(cut)
        if cut not in groups.setdefault(key, []):
            groups[key].append(cut)
    notes = []
    for key, cuts in groups.items():
        reason = next((text for prefix, text in reasons.items() if prefix and key.startswith(prefix)), reasons.get("", ""))
        what = "the source sections named" if key == "section" else key.removesuffix("[*]")
        count = f" ({len(cuts)})" if len(cuts) > 1 else ""
        message = f"{what}{count}: not carried over to {target}{'; ' + reason if reason else ''}"
        notes.append(Problem(code=Code.NOT_EXPORTED, severity="warning", message=message, path=format_path(cuts[0])))
    return notes


_TILT = (coverage.CARRIED, "TILT", {**coverage.WHY_NOT, "": coverage.WHY_DEFAULT}, coverage.WHOLE)
_DPV = (dpv._CARRIED, "DPV", dpv._WHY_NOT, dpv._WHOLE)


@given(policies())
def test_left_out_is_its_definition(policy: pm.PrivacyPolicy) -> None:
    plain = pm.unstructure(policy)
    for carried, target, reasons, whole in (_TILT, _DPV):
        expected = reference(plain, carried, target, reasons, whole)
        assert left_out(plain, carried, target, reasons, whole) == expected
        assert left_out(policy, carried, target, reasons, whole) == expected  # the objects walked as their plain form


def test_left_out_counts_each_place_once_in_the_order_met() -> None:
    data = {
        "cookies": [{"name": "a", "purposes": ["x", "y"]}, {"name": "b"}],
        "recipients": [{"id": "r1", "role": "processor", "section": "3"}, {"id": "r2", "role": "processor"}],
        "section": "1",
    }
    notes = left_out(data, ["recipients[*].id"], "X", {"": "why", "cookies": "none"}, whole=["cookies"])
    assert [(n.path, n.message) for n in notes] == [
        ("$.cookies[0]", "cookies (2): not carried over to X; none"),
        ("$.recipients[0].role", "recipients[*].role (2): not carried over to X; why"),
        ("$.recipients[0].section", "the source sections named (2): not carried over to X; why"),
    ]
    assert notes == reference(data, ["recipients[*].id"], "X", {"": "why", "cookies": "none"}, ["cookies"])


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-2, 2) | st.sampled_from(["", "a", "b"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["k", "l"]), inner, max_size=2),
    max_leaves=6,
)


@given(st.lists(_JSON, max_size=8))
def test_distinct_is_the_pairwise_comparison(entries: list[Any]) -> None:
    expected = [entry for i, entry in enumerate(entries) if entry not in entries[:i]]
    assert distinct(entries) == expected
    assert [id(e) for e in distinct(entries)] == [id(e) for e in expected]  # the first of each kept, as written


@given(_JSON, _JSON)
def test_frozen_values_are_equal_when_the_values_are(a: Any, b: Any) -> None:
    assert (frozen(a) == frozen(b)) == (a == b)


def test_frozen_ignores_key_order() -> None:
    assert distinct([{"a": 1, "b": [2]}, {"b": [2], "a": 1}, {"a": 1}]) == [{"a": 1, "b": [2]}, {"a": 1}]
