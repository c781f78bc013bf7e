"""Every output of every policy, hostile text included, is valid; any TILT document is read or refused, never a crash.

Policies are drawn by :func:`privacymodel.strategies.policies`, then some of their texts, web addresses, email
addresses and periods are swapped for values written to break Markdown, HTML, JSON and IRIs (a value the model
refuses is left as drawn). TILT documents are exports of such policies with values swapped for anything JSON or
YAML can hold: huge whole numbers, infinities, NaN, text, lists and mappings.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.model.fields import Model
from privacymodel.model.vocab import CustomTerm, Vocabulary
from privacymodel.strategies import policies
from tests.formats.hostile import RDF_WARNINGS, check_html, check_json, check_json_ld, check_markdown

_MARKUP = list("`|<>[]()!#*_~&\\=-+.:;\"' \n\r\t\u2028\u0085x1")
_TEXTS = st.sampled_from(
    [
        "`",
        "`` a ``",
        "a|b",
        "\n# heading\n",
        "<img src=x onerror=alert(1)>",
        "[link](https://evil.example)",
        "![pixel](https://evil.example/p.png)",
        "<details><summary>x</summary>",
        "&lt;b&gt; &#60;",
        "\\|\\",
        "*a* _b_ ~~c~~",
        "line\r\nbreak\u2028x",
        "<!-- x -->",
        "| a | b |\n|---|---|",
        "1. list\n- item\n> quote",
        "NaN Infinity -Infinity 1e400",
        f"{'9' * 400} EUR",
        "1e400 EUR",
    ]
) | st.text(st.sampled_from(_MARKUP), min_size=1, max_size=30).filter(pm.model.formats.FORMATS["text"].check)
_URIS = st.sampled_from(
    [
        'https://e.example/<a>?q={b}|c^d`e\\"f',
        "https://e.example/a%zz/[b]#c#d",
        "http://e.example:port/",
        "http://[not-an-address]/",
        "dpv:Evil",
        "pd:EmailAddress",
        "x:\x00\x01\x7f",
        "https://e.example/\u202e\ue000\U0010fffd",
        "mailto:<a@b.example>",
        "urn:x:)](https://evil.example)",
    ]
) | st.text(st.sampled_from([c for c in _MARKUP if not c.isspace()]), min_size=1, max_size=20).map(lambda s: "x:" + s)
_EMAILS = st.sampled_from(["a<b>|c@e.example", "`x`@e.example", "[a](b)@e.example", "a&b@e.example"])
_PERIODS = st.sampled_from([f"P{'9' * 400}Y", f"P{'1' * 5000}W", f"P{'9' * 309}D", "PT1S"])
_BY_FORMAT: dict[str | None, st.SearchStrategy[str]] = {None: _TEXTS, "uri": _URIS, "email": _EMAILS, "duration": _PERIODS}

Draw = Callable[[st.SearchStrategy[Any]], Any]


def _swapped(draw: Draw, value: Any, fmt: str | None) -> Any:
    """``value`` (a text, a part of the policy, or a tuple of either) with some of its texts swapped."""
    if isinstance(value, Model):
        return _hostile_part(draw, value)
    if isinstance(value, tuple):
        return tuple(_swapped(draw, item, fmt) for item in value)
    if isinstance(value, str) and not isinstance(value, (Vocabulary, CustomTerm)) and fmt in _BY_FORMAT:
        return draw(_BY_FORMAT[fmt]) if draw(st.booleans()) else value
    return value


def _hostile_part(draw: Draw, part: Model) -> Model:
    changes = {}
    for field in attrs.fields(type(part)):
        value = getattr(part, field.name)
        if value is None or field.metadata.get("ref") or field.name == "id":
            continue
        changes[field.name] = _swapped(draw, value, field.metadata.get("fmt"))
    try:
        return attrs.evolve(part, **changes)
    except (ValueError, TypeError, pm.PolicyError):  # a value this model refuses: the part stays as drawn
        return part


@st.composite
def hostile_policies(draw: Draw) -> pm.PrivacyPolicy:
    """Valid policies with some of their texts, addresses and periods written to break what is made of them."""
    policy = draw(policies())
    hostile = _hostile_part(draw, policy)
    assert isinstance(hostile, pm.PrivacyPolicy)
    return hostile


@given(hostile_policies())
def test_markdown_keeps_its_shape(policy: pm.PrivacyPolicy) -> None:
    check_markdown(pm.render(policy, "md"), policy)


@given(hostile_policies())
def test_html_has_only_its_own_elements(policy: pm.PrivacyPolicy) -> None:
    check_html(pm.render(policy, "html"), policy)


@RDF_WARNINGS
@given(hostile_policies())
def test_dpv_is_json_ld_with_valid_iris(policy: pm.PrivacyPolicy) -> None:
    notes: list[pm.Problem] = []
    check_json_ld(pm.to_dpv(policy, notes=notes))
    assert {n.code for n in notes} <= {"PM404"}


@given(hostile_policies())
def test_tilt_is_json_and_reads_back(policy: pm.PrivacyPolicy) -> None:
    notes: list[pm.Problem] = []
    document = pm.to_tilt(policy, notes=notes)
    check_json(document)
    assert {n.code for n in notes} <= {"PM404", "PM405"}
    check_json(pm.unstructure(pm.from_tilt(document)))


_NUMBERS = (
    st.integers()
    | st.integers(min_value=10**300, max_value=10**320)
    | st.sampled_from([4300, 5000, 20000]).map(lambda digits: 16**digits)  # huge hexadecimal numbers, made when drawn
    | st.sampled_from([4300, 7000]).map(lambda digits: -(8**digits))
    | st.floats()
    | st.sampled_from(["P" + "9" * 400 + "Y", "9" * 401, "0x" + "f" * 50, " ", ""])
)
_VALUES = st.recursive(
    st.none() | st.booleans() | _NUMBERS | _TEXTS | _URIS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value in ``data``."""
    found = [path]
    if isinstance(data, dict):
        found += [p for key, value in data.items() for p in _places(value, (*path, key))]
    elif isinstance(data, list):
        found += [p for index, value in enumerate(data) for p in _places(value, (*path, index))]
    return found


# Places where a value is read as a number, or a number may be read as text.
_SLOTS = [
    ("accessAndDataPortability", "administrativeFee", "amount"),
    ("accessAndDataPortability", "administrativeFee", "currency"),
    ("controller", "name"),
    ("meta", "name"),
    ("meta", "version"),
    ("dataProtectionOfficer", "phone"),
    ("controller", "representative", "phone"),
    ("rightToComplain", "supervisoryAuthority", "phone"),
    ("sources", 0, "sources", 0, "origin"),
    ("dataDisclosed", 0, "storage", 0, "temporal", 0, "ttl"),
    # Read as meant: a duration for the periods, countries by name, prose references, dates of changes of purpose.
    ("dataDisclosed", 0, "storage", 0, "temporal"),
    ("dataDisclosed", 0, "storage", 0, "legalBasisConditional"),
    ("dataDisclosed", 0, "legalBases", 0, "reference"),
    ("dataDisclosed", 0, "recipients", 0, "country"),
    ("thirdCountryTransfers", 0, "country"),
    ("thirdCountryTransfers", 0, "adequacyDecision", "available"),
    ("accessAndDataPortability", "description"),
    ("rightToInformation", "url"),
    ("changesOfPurpose", 0, "plannedDateOfChange"),
    ("changesOfPurpose", 0, "affectedDataCategories"),
]


def _put(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    """Set the value at ``path``, making the mappings on the way (a list on the way must have the item already)."""
    parent: Any = document
    try:
        for part in path[:-1]:
            parent = parent.setdefault(part, {}) if isinstance(parent, dict) else parent[part]
        parent[path[-1]] = value
    except (KeyError, IndexError, TypeError, AttributeError):  # an earlier swap changed what is on this path
        pass


@given(policies(), st.data())
def test_any_tilt_document_is_read_or_refused(policy: pm.PrivacyPolicy, data: st.DataObject) -> None:
    """An export with values swapped for anything JSON or YAML holds is read as a valid policy, or refused."""
    document = copy.deepcopy(pm.to_tilt(policy))
    places = _places(document)[1:] + _SLOTS
    for path in data.draw(st.lists(st.sampled_from(places), max_size=6)):
        _put(document, path, data.draw(_VALUES))
    notes: list[pm.Problem] = []
    refused: list[str] = []
    try:
        read = pm.from_tilt(document, notes=notes)
    except pm.PolicyError as error:
        refused = [p.code for p in error.problems]
    if refused:
        assert refused == ["PM401"]
        return
    assert {n.code for n in notes} <= {"PM402", "PM403"}
    assert [p for p in pm.check(read) if p.severity == "error"] == []
    check_json(pm.to_tilt(read))
    check_json(pm.to_dpv(read))


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
