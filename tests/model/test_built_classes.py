"""Classes built in Python: vocabulary terms checked with the closest term suggested, and help() that lists the fields."""

from __future__ import annotations

import inspect
import pydoc
from typing import Any

import attrs
import pytest

import privacymodel as pm
from privacymodel.model.policy import MODEL_CLASSES
from privacymodel.model.vocab import closest_term


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: pm.Cookie(party="3rd", category="nonsense"),
            r"^Cookie\.party: '3rd' is not a TrackerParty term; expected one of first-party, third-party$",
        ),
        (
            lambda: pm.Cookie(name="_ga", category="nonsense"),
            (
                r"^Cookie\.category: 'nonsense' is not a CookieCategory term; expected one of strictly-necessary, .*, "
                r"unclassified\. Terms outside the vocabulary start with 'x-'\.$"
            ),
        ),
        (
            lambda: pm.Right(kind="acess"),
            r"^Right\.kind: 'acess' is not a RightKind term; did you mean 'access'\? Terms outside the vocabulary start with 'x-'\.$",
        ),
        (lambda: pm.Right(kind="Withdraw Consent"), r"did you mean 'withdraw-consent'\?"),
        (lambda: pm.Purpose(id="p", term="zzzzzzzz"), r"^Purpose\.term: 'zzzzzzzz' is not a PurposeTerm term\. Terms outside"),
        (lambda: pm.Security(measures=("encryption", "encryptoin")), r"^Security\.measures: item 1: 'encryptoin' .*'encryption'"),
        (lambda: pm.Right(kind="x-"), r"^Right\.kind: a custom term must start with 'x-'"),
        (lambda: pm.Cookie(name="_ga", party="x-other"), r"^Cookie\.party: 'x-other' is not a TrackerParty term"),
        (lambda: pm.Cookie(name="_ga", party=pm.CustomTerm("x-other")), r"^Cookie\.party: 'x-other' is not a TrackerParty"),
        (lambda: pm.Cookie(name="_ga", party=1), r"^Cookie\.party: expected a TrackerParty term \(text\); got 1$"),
        (
            lambda: pm.DataCategory(id="d", term="email-address", sources=("provided", "told")),
            r"item 1: 'told' is not a DataSource",
        ),
        (lambda: pm.Right(kind="access", law="GDPR"), r"^Right\.law: 'GDPR' is not a LawTerm term; did you mean 'gdpr'\?"),
    ],
)
def test_a_term_outside_the_vocabulary_is_refused_when_the_class_is_built(build: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()


def test_the_text_of_a_term_becomes_the_term_and_custom_terms_stay_allowed() -> None:
    cookie = pm.Cookie(name="_ga", party="third-party", category="x-tag-manager")
    assert cookie.party is pm.TrackerParty.THIRD_PARTY
    assert type(cookie.category) is pm.CustomTerm
    assert cookie == pm.Cookie(name="_ga", party=pm.TrackerParty.THIRD_PARTY, category=pm.CustomTerm("x-tag-manager"))
    security = pm.Security(measures=("encryption", "x-locks"))
    assert security.measures == (pm.MeasureTerm.ENCRYPTION, pm.CustomTerm("x-locks"))
    assert type(security.measures[1]) is pm.CustomTerm
    kept = (pm.MeasureTerm.ENCRYPTION,)
    assert pm.Security(measures=kept).measures is kept  # nothing to change, nothing copied


def test_a_policy_built_from_texts_dumps_a_document_that_validates() -> None:
    policy = pm.PrivacyPolicy(
        privacymodel=pm.FORMAT_VERSION,
        document=pm.Document(title="T"),
        controllers=(pm.Party(id="a", name="A"),),
        cookies=(pm.Cookie(name="_ga", party="third-party", category="analytics"),),
        rights=(pm.Right(kind="access", law="gdpr"),),
    )
    text = pm.dump(policy)
    assert [p for p in pm.validate_text(text) if p.severity == "error"] == []
    assert pm.loads(text) == policy


@pytest.mark.parametrize(
    ("value", "candidates", "expected"),
    [
        ("acess", ("access", "erasure"), "access"),
        ("Third Party", ("first-party", "third-party"), "third-party"),
        ("THIRD_PARTY", ("first-party", "third-party"), "third-party"),
        ("a6-1-a", ("A6-1-a", "A6-1-b"), "A6-1-a"),
        ("3rd", ("first-party", "third-party"), None),
        ("nonsense", ("analytics", "marketing"), None),
        ("x" * 100_000, ("access",), None),
        ("anything", (), None),
    ],
)
def test_closest_term(value: str, candidates: tuple[str, ...], expected: str | None) -> None:
    assert closest_term(value, candidates) == expected


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_help_shows_every_field_with_its_description(cls: type) -> None:
    doc = inspect.getdoc(cls)
    assert doc is not None
    first, _, rest = doc.partition("\n\nAttributes:\n")
    assert "\n\n" not in first  # the class's own first paragraph, kept
    lines = rest.splitlines()
    fields = attrs.fields(cls)
    assert len(lines) == len(fields)
    for line, field in zip(lines, fields, strict=True):
        required = ", required" if field.default is attrs.NOTHING else ""
        annotation = cls.__annotations__[field.name]
        assert line == f"    {field.name} ({annotation}{required}): {field.metadata['description']}"
    assert rest in pydoc.render_doc(cls, renderer=pydoc.plaintext).replace("\n |  ", "\n")


def test_help_of_cookie() -> None:
    text = pydoc.render_doc(pm.Cookie, renderer=pydoc.plaintext)
    assert "A cookie or other tracker (local storage, web beacon, tag, SDK)." in text
    assert "party (TrackerParty | None): First or third party." in text
    assert "cross_site (bool | None): Whether it follows people across websites" in text


def test_the_schema_describes_a_class_by_its_first_paragraph_only() -> None:
    schema = pm.json_schema()
    assert schema["$defs"]["Cookie"]["description"] == "A cookie or other tracker (local storage, web beacon, tag, SDK)."
    assert all("Attributes" not in schema["$defs"][cls.__name__]["description"] for cls in MODEL_CLASSES)
