"""The model classes: frozen, keyword-only, strict about values, and honest about what is unknown."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings

import privacymodel as pm
from privacymodel.model.policy import MODEL_CLASSES
from privacymodel.model.vocab import DPV
from privacymodel.strategies import for_class, policies


def ruff_all_order(name: str) -> tuple[int, list[tuple[str, int]]]:
    """The order ruff's RUF022 keeps ``__all__`` in: SCREAMING_CASE, then CamelCase, then the rest; natural order within each."""
    if len(name) > 1 and name.isupper():
        category = 0
    elif name[:1].isupper():
        category = 1
    else:
        category = 2
    chunks = [chunk for chunk in re.split(r"([0-9]+)", name) if chunk]
    return category, [("0", int(chunk)) if chunk.isdigit() else (chunk, 0) for chunk in chunks]


def test_the_sort_order_is_ruffs() -> None:
    names = ["b", "A", "AB", "Ab", "_x", "X10", "X2", "__version__", "a2b", "a10b", "Zeta"]
    expected = ["AB", "X2", "X10", "A", "Ab", "Zeta", "__version__", "_x", "a2b", "a10b", "b"]
    assert sorted(names, key=ruff_all_order) == expected


def test_public_names_are_sorted_and_exist() -> None:
    assert pm.__all__ == sorted(pm.__all__, key=ruff_all_order)
    assert pm.__all__[:4] == ["CODES", "FORMAT_VERSION", "LAWS", "SCHEMA_ID"]
    assert pm.__all__.index("__version__") == pm.__all__.index("Vocabulary") + 1
    assert len(set(pm.__all__)) == len(pm.__all__)
    for name in pm.__all__:
        assert getattr(pm, name) is not None


def test_version_comes_from_metadata() -> None:
    from importlib.metadata import version

    assert pm.__version__ == version("privacymodel")


@pytest.mark.parametrize("cls", MODEL_CLASSES)
def test_classes_are_frozen_keyword_only_and_documented(cls: type) -> None:
    assert cls.__doc__
    assert attrs.has(cls)
    for field in attrs.fields(cls):
        assert field.kw_only
        assert field.metadata["description"], f"{cls.__name__}.{field.name}"


def test_instances_are_immutable() -> None:
    party = pm.Party(id="a", name="A")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        party.name = "B"  # type: ignore[misc]


def test_unknown_is_not_false() -> None:
    """Nothing the policy did not state has a value: every optional field defaults to None."""
    policy = pm.PrivacyPolicy(
        privacymodel=pm.FORMAT_VERSION, document=pm.Document(title="T"), controllers=(pm.Party(id="a", name="A"),)
    )
    assert policy.do_not_track is None
    assert policy.cookies is None
    assert pm.DoNotTrack().honoured is None
    assert pm.Children().directed_at_children is None
    for cls in MODEL_CLASSES:
        for field in attrs.fields(cls):
            assert field.default in (attrs.NOTHING, None), f"{cls.__name__}.{field.name} defaults to a fact"


def test_a_stated_denial_round_trips() -> None:
    text = "privacymodel: 1.0.0\ndocument:\n  title: T\ncontrollers:\n  - id: a\n    name: A\ndo_not_track:\n  honoured: false\ncookies: []\n"
    policy = pm.loads(text)
    assert policy.do_not_track == pm.DoNotTrack(honoured=False)
    assert policy.cookies == ()
    assert "honoured: false" in pm.dump(policy)
    assert "cookies: []" in pm.dump(policy)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: pm.Party(id="has space", name="A"), r"Party\.id: expected a local id"),
        (lambda: pm.ContactPoint(email="not-an-email"), r"ContactPoint\.email: expected an email address"),
        (pm.ContactPoint, r"ContactPoint: at least one of email, phone, url, address must be given"),
        (lambda: pm.Children(age=40), r"Children\.age: expected a whole number from 0 to 25; got 40"),
        (lambda: pm.Party(id="a", name="A", aliases=()), r"Party\.aliases: expected at least 1 item"),
        (lambda: pm.Document(title="   "), r"Document\.title: expected non-empty text"),
        (lambda: pm.PostalAddress(country="ZZ"), r"PostalAddress\.country: expected an ISO 3166-1 alpha-2"),
        (lambda: pm.Cookie(name="_ga", lifetime="2 years"), r"Cookie\.lifetime"),
    ],
)
def test_constructors_check_values(build: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()  # type: ignore[operator]


def test_custom_terms_need_the_prefix() -> None:
    assert str(pm.CustomTerm("x-points")) == "x-points"
    with pytest.raises(ValueError, match="must start with 'x-'"):
        pm.CustomTerm("points")


def test_loaded_terms_are_vocabulary_members() -> None:
    text = "privacymodel: 1.0.0\ndocument:\n  title: T\n  effective_date: 2021-02-03\ncontrollers:\n  - id: a\n    name: A\n    roles:\n      - role: processor\n"
    policy = pm.loads(text)
    assert policy.controllers[0].roles is not None
    assert policy.controllers[0].roles[0].role is pm.PartyRole.PROCESSOR
    assert policy.document.effective_date == dt.date(2021, 2, 3)


@given(policies())
def test_round_trip(policy: pm.PrivacyPolicy) -> None:
    """loads(dump(p)) == p and dump(loads(dump(p))) == dump(p)."""
    text = pm.dump(policy)
    again = pm.loads(text)
    assert again == policy
    assert pm.dump(again) == text


@given(policies())
def test_generated_policies_have_no_consistency_errors(policy: pm.PrivacyPolicy) -> None:
    assert [p for p in pm.check(policy) if p.severity == "error"] == []


@pytest.mark.parametrize("cls", MODEL_CLASSES)
def test_every_class_has_a_strategy(cls: type) -> None:
    @given(for_class(cls))
    def check(instance: object) -> None:
        assert isinstance(instance, cls)

    check()


VOCABULARIES = [v for v in vars(pm).values() if isinstance(v, type) and issubclass(v, pm.Vocabulary) and v is not pm.Vocabulary]


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_terms_are_described_and_lower_case(vocabulary: type[pm.Vocabulary]) -> None:
    for term in vocabulary:
        assert term.description
        assert re.fullmatch(r"[a-z0-9-]+|A[0-9][0-9a-z-]*", term.value), term.value


def test_dpv_iris_exist_in_dpv(shared: Path) -> None:
    """Every DPV IRI the vocabularies map to is named in the DPV exports (as a term or a parent) or the reference list."""
    known: set[str] = set()
    for path in (shared / "reference" / "dpv").glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    known.update(re.findall(r"https://w3id\.org/dpv[^\s,;\"]*", cell))
    listed = (shared / "reference" / "vocabularies.md").read_text(encoding="utf-8")
    missing = []
    for vocabulary in VOCABULARIES:
        for term in vocabulary:
            if term.iri is None or term.iri in known:
                continue
            local = term.iri.split("#")[1]
            if not (term.iri.startswith(DPV) and re.search(rf"\b{re.escape(local)}\b", listed)):
                missing.append(term.iri)
    assert missing == []


# Finding an example is enough: no shrinking (a policy takes long to shrink), no database.
FIND = settings(phases=[Phase.generate], database=None, max_examples=500)

NEW_IN_1_1 = [
    (pm.Document, "acceptance_by_use"),
    (pm.Party, "local"),
    (pm.DataSubject, "term"),
    (pm.DataCategory, "identifiability"),
    (pm.DataCategory, "condition"),
    (pm.ProvisionRequirement, "condition"),
    (pm.LegalBasis, "conditional"),
    (pm.Processing, "operations"),
    (pm.Processing, "role"),
    (pm.Processing, "exceptions"),
    (pm.Prohibition, "recipient_kinds"),
    (pm.Prohibition, "qualifier"),
    (pm.Recipient, "kinds"),
    (pm.Recipient, "domains"),
    (pm.Cookie, "domain"),
    (pm.Cookie, "cross_site"),
    (pm.Right, "jurisdictions"),
    (pm.Right, "voluntary"),
    (pm.Right, "response_business_days"),
    (pm.Transfer, "origins"),
    (pm.Transfer, "destination_regions"),
    (pm.Transfer, "other_destinations"),
    (pm.Security, "not_taken"),
    (pm.Certification, "dispute_url"),
    (pm.Recourse, "kind"),
    (pm.Recourse, "after"),
    (pm.DataSale, "for_money_only"),
    (pm.PolicyChanges, "advance_notice_period"),
    (pm.LawReference, "separate_notice_url"),
]


@pytest.mark.parametrize(("cls", "name"), NEW_IN_1_1, ids=lambda x: getattr(x, "__name__", x))
def test_the_strategies_draw_every_new_field(cls: type, name: str) -> None:
    found = find(for_class(cls), lambda obj: getattr(obj, name) is not None, settings=FIND)
    assert getattr(found, name) is not None


@pytest.mark.parametrize(
    ("cls", "name", "pool"),
    [
        (pm.DataCategory, "subjects", "data_subjects"),
        (pm.Processing, "subjects", "data_subjects"),
        (pm.Processing, "by", "controllers"),
        (pm.Processing, "by", "recipients"),
        (pm.Right, "subjects", "data_subjects"),
        (pm.Cookie, "legal_bases", "legal_bases"),
    ],
    ids=lambda x: getattr(x, "__name__", x),
)
def test_the_strategies_draw_the_new_references(cls: type, name: str, pool: str) -> None:
    """Inside a policy (here: the ids it has declared so far), each new reference field names a declared id."""
    from privacymodel import strategies

    context = strategies._Context()
    context.pools = {pool: ["declared"], "controllers" if pool == "recipients" else "recipients": []}
    token = strategies._CONTEXT.set(context)
    try:
        found = find(for_class(cls), lambda obj: getattr(obj, name) is not None, settings=FIND)
    finally:
        strategies._CONTEXT.reset(token)
    assert set(getattr(found, name)) == {"declared"}


@given(policies())
def test_drawn_references_of_the_new_fields_point_at_declared_ids(policy: pm.PrivacyPolicy) -> None:
    subjects = {s.id for s in policy.data_subjects or ()}
    doers = {p.id for p in policy.controllers} | {r.id for r in policy.recipients or ()}
    bases = {b.id for b in policy.legal_bases or ()}
    for item in (*(policy.data_categories or ()), *(policy.processing or ()), *(policy.rights or ())):
        assert set(item.subjects or ()) <= subjects
    for processing in policy.processing or ():
        assert set(processing.by or ()) <= doers
    for cookie in policy.cookies or ():
        assert set(cookie.legal_bases or ()) <= bases


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: pm.Transfer(destinations=("USA",)), "got 'USA'; did you mean 'US'?"),
        (lambda: pm.LegalBasis(id="b", basis="Art. 6(1)(b)"), "did you mean 'A6-1-b'?"),
        (lambda: pm.Right(kind="right to be forgotten"), "did you mean 'erasure' (GDPR) or 'delete' (US state laws)?"),
        (lambda: pm.DataCategory(id="e", term="emial"), "did you mean 'email-address'?"),
        (lambda: pm.Document(title="t", url="example.com/p"), "did you mean 'https://example.com/p'?"),
    ],
)
def test_the_classes_suggest_what_the_reader_suggests(build: Any, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        build()
