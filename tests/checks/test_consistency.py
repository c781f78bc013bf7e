"""Consistency checks that JSON Schema cannot express, and the warnings."""

from __future__ import annotations

import pytest

import privacymodel as pm
from tests.conftest import MINIMAL


def codes(text: str) -> list[tuple[str, str, str, int | None]]:
    return [(p.code, p.severity, p.path, p.line) for p in pm.validate_text(text, file="p.yaml")]


def test_duplicate_id_names_both_places() -> None:
    text = MINIMAL + "purposes:\n  - id: ads\n    term: advertising\n  - id: ads\n    term: marketing\n"
    problems = pm.validate_text(text)
    assert [(p.code, p.path, p.line) for p in problems] == [("PM201", "$.purposes[1].id", 10)]
    assert problems[0].message == "duplicate id 'ads': already used at $.purposes[0].id"


def test_duplicate_contact_ids_across_parties() -> None:
    text = (
        MINIMAL
        + "    contacts:\n      - id: c\n        email: a@b.co\nrepresentative:\n  id: rep\n  name: Rep\n  contacts:\n    - id: c\n      phone: '+1 555 0100'\n"
    )
    assert codes(text) == [("PM201", "error", "$.representative.contacts[0].id", 14)]


def test_dangling_reference() -> None:
    text = MINIMAL + "legal_bases:\n  - id: lb\n    basis: A6-1-b\n    purposes: [sales]\n"
    problems = pm.validate_text(text)
    assert [(p.code, p.path, p.line, p.column) for p in problems] == [("PM202", "$.legal_bases[0].purposes[0]", 10, 16)]
    assert problems[0].message == "'sales' is not the id of any of the policy's purposes"


def test_cookie_provider_not_declared() -> None:
    text = MINIMAL + "cookies:\n  - name: _ga\n    provider: google\n"
    assert codes(text) == [("PM204", "error", "$.cookies[0].provider", 9)]


def test_references_resolve() -> None:
    text = MINIMAL + (
        "    contacts:\n      - id: dpo\n        email: dpo@acme.example\n"
        "recipients:\n  - id: google\n    name: Google\n"
        "cookies:\n  - name: _ga\n    provider: google\n"
        "rights:\n  - kind: access\n    contacts: [dpo]\n"
    )
    assert pm.validate_text(text) == []


def test_updated_before_effective() -> None:
    text = MINIMAL.replace("  title: Example policy", "  title: T\n  effective_date: 2020-02-01\n  last_updated: 2020-01-01")
    problems = pm.validate_text(text)
    assert [(p.code, p.path, p.line) for p in problems] == [("PM203", "$.document.last_updated", 5)]


def test_load_raises_on_consistency_errors() -> None:
    with pytest.raises(pm.PolicyError, match="PM204"):
        pm.loads(MINIMAL + "cookies:\n  - name: _ga\n    provider: google\n")


def test_consent_without_withdrawal_is_a_warning() -> None:
    text = MINIMAL + "legal_bases:\n  - id: c\n    basis: A6-1-a-explicit-consent\n"
    assert codes(text) == [("PM301", "warning", "$.legal_bases[0].basis", 9)]
    pm.loads(text)  # warnings do not raise
    assert codes(text + "rights:\n  - kind: withdraw-consent\n") == []


def test_right_that_applies_under_no_basis_used() -> None:
    text = MINIMAL + "legal_bases:\n  - id: lo\n    basis: A6-1-c\nrights:\n  - kind: portability\n  - kind: access\n"
    assert codes(text) == [("PM302", "warning", "$.rights[0].kind", 11)]


def test_rights_table_inherits_refinements_and_skips_unmapped_bases() -> None:
    text = MINIMAL + "legal_bases:\n  - id: li\n    basis: A6-1-f-controller\nrights:\n  - kind: objection\n"
    assert codes(text) == []
    unmapped = MINIMAL + "legal_bases:\n  - id: x\n    basis: A9-2-h\nrights:\n  - kind: portability\n"
    assert codes(unmapped) == []


def test_custom_terms_are_visible_as_warnings() -> None:
    text = MINIMAL + "data_categories:\n  - id: pts\n    term: x-loyalty-points\n"
    problems = pm.validate_text(text)
    assert [(p.code, p.severity, p.path) for p in problems] == [("PM303", "warning", "$.data_categories[0].term")]
    assert problems[0].message == "custom term 'x-loyalty-points'"
    policy = pm.loads(text)
    assert policy.data_categories is not None
    assert policy.data_categories[0].term == pm.CustomTerm("x-loyalty-points")


def test_check_on_a_built_policy_has_paths_but_no_positions() -> None:
    policy = pm.PrivacyPolicy(
        privacymodel=pm.FORMAT_VERSION,
        document=pm.Document(title="T"),
        controllers=(pm.Party(id="a", name="A"),),
        cookies=(pm.Cookie(name="_ga", provider="nobody"),),
    )
    [problem] = pm.check(policy)
    assert (problem.code, problem.path, problem.line) == ("PM204", "$.cookies[0].provider", None)
