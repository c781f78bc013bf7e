"""The short answers of the label stay short: kinds of data counted past a few, statements on the same data
said together, and rights to deletion told apart by who has them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.formats.render.label import facts
from tests.conftest import MINIMAL

V11 = MINIMAL.replace("privacymodel: 1.0.0", "privacymodel: 1.1.0")
TERMS = ["name", "email-address", "telephone-number", "physical-address", "ip-address", "service-usage", "age"]
WORDS = ["name", "email address", "telephone number", "physical address", "IP address", "how you use the service", "age"]


def marketing(used: int, silent: int, *, opt_out: bool) -> pm.PrivacyPolicy:
    """A policy using the first ``used`` kinds of data for direct marketing and naming ``silent`` more."""
    data = "".join(f"  - id: d{i}\n    term: {TERMS[i]}\n" for i in range(used + silent))
    ids = ", ".join(f"d{i}" for i in range(used))
    text = V11 + f"data_categories:\n{data}purposes:\n  - id: m\n    term: direct-marketing\n"
    text += f"processing:\n  - id: p\n    data: [{ids}]\n    purposes: [m]\n"
    if opt_out:
        text += "rights:\n  - kind: marketing-opt-out\n"
    return pm.loads(text)


@pytest.mark.parametrize(
    ("used", "silent", "opt_out", "answer"),
    [
        (1, 0, True, "Marketing: name (opt-out)"),
        (2, 1, True, "Marketing: name and email address, all opt-out; other data not stated"),
        (4, 0, False, "Marketing: name, email address, telephone number and physical address"),
        (
            6,
            1,
            True,
            "Marketing: name, email address, telephone number and 3 other kinds of data, all opt-out; other data not stated",
        ),
    ],
)
def test_marketing_names_a_few_kinds_of_data_and_counts_the_rest(used: int, silent: int, opt_out: bool, answer: str) -> None:
    assert dict(facts(marketing(used, silent, opt_out=opt_out)))["Used for marketing or ads"] == answer


@given(st.integers(min_value=1, max_value=len(TERMS)), st.booleans())
def test_the_count_and_the_names_add_up_to_the_kinds_of_data_used(used: int, opt_out: bool) -> None:
    answer = dict(facts(marketing(used, 0, opt_out=opt_out)))["Used for marketing or ads"]
    named = [w for w in WORDS[:used] if w in answer]
    counted = int(answer.split(" and ")[-1].split(" other kinds")[0]) if "other kinds of data" in answer else 0
    assert len(named) + counted == used
    assert ("all opt-out" in answer or "(opt-out)" in answer) == opt_out


def test_retention_statements_on_the_same_data_are_said_together() -> None:
    text = V11 + (
        "data_categories:\n  - id: a\n    term: name\n  - id: b\n    term: email-address\n"
        "retention:\n  - id: r1\n    data: [a, b]\n    as_long_as_necessary: true\n"
        "  - id: r2\n    data: [a, b]\n    legal_requirement: true\n  - id: r3\n    data: [b]\n    period: P2Y\n"
    )
    kept = dict(facts(pm.loads(text)))["How long it is kept"]
    assert kept == "name and email address: as long as necessary or longer where the law requires; email address: 2 years"


def test_rights_to_deletion_for_different_people_say_whose_each_is() -> None:
    text = V11 + (
        "    contacts:\n      - id: mail\n        email: privacy@acme.example\n"
        "data_subjects:\n  - id: customers\n    term: customer\n"
        "rights:\n  - kind: erasure\n    law: gdpr\n    jurisdictions: [EU]\n    contacts: [mail]\n"
        "  - kind: erasure\n    subjects: [customers]\n    how: Use the form in your account settings.\n"
    )
    assert dict(facts(pm.loads(text)))["How to delete your data"] == (
        "Under GDPR, for residents of the EU: email privacy@acme.example. For customer: use the form in your account settings"
    )
    same = text.replace("    subjects: [customers]\n", "    law: gdpr\n    jurisdictions: [EU]\n")
    assert dict(facts(pm.loads(same)))["How to delete your data"] == (
        "GDPR: email privacy@acme.example; GDPR: use the form in your account settings"
    )


def test_a_recipients_own_promise_is_theirs_and_empties_no_cell() -> None:
    text = (
        V11
        + "data_categories:\n  - id: d\n    term: email-address\n"
        + "purposes:\n  - id: ads\n    term: targeted-advertising\n"
        + "recipients:\n  - id: chat\n    name: Chatbot Inc.\n    kind: communication-provider\n"
        + "processing:\n  - id: p\n    data: [d]\n    purposes: [ads]\n"
        + "prohibitions:\n  - operations: [sell]\n    by: [chat]\n"
    )
    theirs = pm.render(pm.loads(text), format="md")
    assert "Chatbot Inc.: not sell your data" in theirs
    assert "| email address |" in theirs
    row = next(line for line in theirs.splitlines() if line.startswith("| email address |"))
    assert "✕ no" not in row  # Chatbot Inc. does not sell: the controller has said nothing
    ours = pm.render(pm.loads(text.replace("    by: [chat]\n", "")), format="md")
    assert "Chatbot Inc.:" not in ours
    row = next(line for line in ours.splitlines() if line.startswith("| email address |"))
    assert "✕ no" in row
