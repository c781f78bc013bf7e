"""The audit: every item's present, missing and not-applicable cases on small hand-built policies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import privacymodel as pm
from tests.conftest import MINIMAL
from tests.helpers import invoke


def status(text: str, item: str, law: str = "gdpr") -> tuple[str, tuple[str, ...]]:
    findings = {f.item: f for f in pm.audit(pm.loads(MINIMAL + text), law)}
    return findings[item].status, findings[item].evidence


CONTACT = "    contacts:\n      - email: privacy@acme.example\n"


@pytest.mark.parametrize(
    ("item", "text", "expected"),
    [
        ("controller", CONTACT, "present"),
        ("controller", "", "missing"),
        ("representative", "representative:\n  id: rep\n  name: Rep GmbH\n", "present"),
        ("representative", "    address:\n      country: DE\n", "not-applicable"),
        ("representative", "    address:\n      country: US\n", "unclear"),
        ("dpo", "dpo:\n  contacts:\n    - email: dpo@acme.example\n", "present"),
        ("dpo", "dpo:\n  name: Jane Roe\n", "missing"),
        ("dpo", "    contacts:\n      - email: dpo@acme.example\n", "unclear"),
        ("dpo", CONTACT, "not-applicable"),
        ("purposes", "purposes:\n  - id: p\n    term: marketing\n", "present"),
        ("purposes", "", "missing"),
        ("legal-basis", "legal_bases:\n  - id: b\n    basis: A6-1-b\n", "present"),
        ("legal-basis", "legal_bases:\n  - id: b\n    basis: consent\n", "unclear"),
        ("legal-basis", "", "missing"),
        (
            "legitimate-interests",
            "legal_bases:\n  - id: f\n    basis: A6-1-f\n    legitimate_interests: Fraud prevention.\n",
            "present",
        ),
        ("legitimate-interests", "legal_bases:\n  - id: f\n    basis: A6-1-f-controller\n", "missing"),
        ("legitimate-interests", "legal_bases:\n  - id: b\n    basis: A6-1-b\n", "not-applicable"),
        ("recipients", "recipients:\n  - id: r\n    kind: affiliate\n", "present"),
        ("recipients", "recipients: []\n", "present"),
        ("recipients", "", "missing"),
        ("transfers", "transfers:\n  - destinations: [US]\n    mechanisms: [standard-contractual-clauses]\n", "present"),
        ("transfers", "transfers:\n  - destinations: [US]\n", "missing"),
        ("transfers", "", "unclear"),
        ("retention", "retention:\n  - id: r\n    period: P2Y\n", "present"),
        ("retention", "retention:\n  - id: r\n    as_long_as_necessary: true\n", "unclear"),
        ("retention", "", "missing"),
        ("right-access", "rights:\n  - kind: access\n    law: gdpr\n", "present"),
        ("right-access", "rights:\n  - kind: access\n    law: ccpa\n", "missing"),
        ("right-portability", "legal_bases:\n  - id: lo\n    basis: A6-1-c\n", "not-applicable"),
        ("right-portability", "legal_bases:\n  - id: c\n    basis: A6-1-b\n", "missing"),
        ("right-objection", "legal_bases:\n  - id: c\n    basis: A6-1-b\n", "not-applicable"),
        ("withdraw-consent", "legal_bases:\n  - id: c\n    basis: A6-1-a\nrights:\n  - kind: withdraw-consent\n", "present"),
        ("withdraw-consent", "legal_bases:\n  - id: c\n    basis: A9-2-a\n", "missing"),
        ("withdraw-consent", "legal_bases:\n  - id: c\n    basis: A6-1-b\n", "not-applicable"),
        ("complaint", "rights:\n  - kind: complaint\n", "present"),
        ("complaint", "", "missing"),
        ("requirement", "provision_requirements:\n  - required: false\n", "present"),
        ("requirement", "", "missing"),
        ("automated-decisions", "automated_decision_making:\n  used: false\n", "present"),
        ("automated-decisions", "automated_decision_making:\n  used: true\n", "missing"),
        ("automated-decisions", "rights:\n  - kind: automated-decision\n", "unclear"),
        ("automated-decisions", "", "missing"),
        ("data-categories", "data_categories:\n  - id: d\n    term: email-address\n    sources: [third-party]\n", "present"),
        ("data-categories", "data_categories:\n  - id: d\n    term: email-address\n    sources: [provided]\n", "not-applicable"),
        ("sources", "data_categories:\n  - id: d\n    term: name\n    sources: [public]\n", "present"),
        ("sources", "", "not-applicable"),
    ],
)
def test_gdpr_items(item: str, text: str, expected: str) -> None:
    found, evidence = status(text, item)
    assert found == expected
    if expected == "present":
        assert evidence, "a present item names what satisfies it"


def test_articles_are_written_with_their_art_14_twins() -> None:
    findings = {f.item: f for f in pm.audit(pm.loads(MINIMAL))}
    assert findings["controller"].article == "Art. 13(1)(a), Art. 14(1)(a)"
    assert findings["requirement"].article == "Art. 13(2)(e)"
    assert findings["legitimate-interests"].article == "Art. 13(1)(d), Art. 14(2)(b)"
    assert findings["legitimate-interests"].message == "no Art. 6(1)(f) basis is relied on, so no legitimate interests are owed"


def test_consistency_processor_with_controller_duties() -> None:
    text = "    roles:\n      - role: processor\nlegal_bases:\n  - id: b\n    basis: A6-1-b\n"
    assert status(text, "consistency-processor")[0] == "unclear"


def test_consistency_right_under_no_basis() -> None:
    text = "legal_bases:\n  - id: lo\n    basis: A6-1-c\nrights:\n  - kind: portability\n    law: gdpr\n"
    found = {f.item: f for f in pm.audit(pm.loads(MINIMAL + text))}
    assert found["consistency-rights"].status == "unclear"
    assert found["right-portability"].status == "present"


@pytest.mark.parametrize(
    ("item", "text", "expected"),
    [
        ("categories", "data_categories:\n  - id: d\n    term: name\n", "present"),
        ("categories", "", "missing"),
        ("sold-or-shared", "sale_of_data:\n  sold: false\n", "present"),
        ("sold-or-shared", "", "missing"),
        ("right-know", "rights:\n  - kind: know\n    law: ccpa\n", "present"),
        ("right-know", "rights:\n  - kind: know\n    law: gdpr\n", "missing"),
        ("right-opt-out", "rights:\n  - kind: opt-out-of-sale\n", "present"),
        ("right-non-discrimination", "", "missing"),
        ("requests", "    contacts:\n      - email: a@acme.example\n        purposes: [rights-requests]\n", "present"),
        ("requests", CONTACT, "missing"),
    ],
)
def test_ccpa_items(item: str, text: str, expected: str) -> None:
    assert status(text, item, "ccpa")[0] == expected


@pytest.mark.parametrize(
    ("item", "text", "expected"),
    [
        ("audience", "children:\n  directed_at_children: false\n", "present"),
        ("audience", "", "missing"),
        ("parental-rights", "children:\n  directed_at_children: true\nrights:\n  - kind: parental-review\n", "present"),
        ("parental-rights", "children:\n  directed_at_children: true\n", "missing"),
        ("parental-rights", "children:\n  directed_at_children: false\n", "not-applicable"),
        ("knowledge", "children:\n  directed_at_children: false\n  knowingly_collects: false\n", "present"),
        ("knowledge", "children:\n  directed_at_children: false\n", "missing"),
        ("knowledge", "children:\n  directed_at_children: true\n", "not-applicable"),
    ],
)
def test_coppa_items(item: str, text: str, expected: str) -> None:
    assert status(text, item, "coppa")[0] == expected


def test_statuses_laws_and_findings_are_plain_strings() -> None:
    from privacymodel.checks.audit import LAWS, STATUSES

    assert STATUSES == ("missing", "unclear", "present", "not-applicable")
    assert [type(law) for law in LAWS] == [str, str, str]
    for law in LAWS:
        assert {type(f.law) for f in pm.audit(pm.loads(MINIMAL), law)} == {str}


def test_unknown_law() -> None:
    with pytest.raises(ValueError, match="unknown law 'hipaa'; expected one of: gdpr, ccpa, coppa"):
        pm.audit(pm.loads(MINIMAL), "hipaa")


def test_command_exit_status_and_grouping() -> None:
    result = invoke("audit", "examples/customertimes-2020.yaml")
    assert result.returncode == 1
    statuses = [
        line.split()[0] for line in result.stdout.splitlines()[1:-1] if line.startswith("  ") and not line.startswith("   ")
    ]
    assert statuses == sorted(statuses, key=["missing", "unclear", "present", "not-applicable"].index)
    assert result.stdout.splitlines()[-1] == "  3 missing, 2 unclear, 15 present, 1 not-applicable"


def test_command_passes_when_nothing_is_missing(tmp_path: object) -> None:
    result = invoke("audit", "--law", "coppa", "examples/customers-ai-2023.yaml")
    assert result.returncode == 0, result.stdout
    strict = invoke("audit", "--law", "coppa", "--fail-on", "unclear", "examples/customertimes-software-2022.yaml")
    assert strict.returncode == 1


def test_command_json_shape() -> None:
    result = invoke("audit", "--format", "json", "--law", "ccpa", "examples/customers-ai-2023.yaml")
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["law"] == "ccpa"
    [entry] = document["files"]
    assert entry["problems"] == []
    finding = entry["findings"][0]
    assert set(finding) == {"law", "item", "title", "article", "status", "message", "evidence"}
    assert sum(entry["summary"].values()) == len(entry["findings"])


def test_command_reports_a_broken_file() -> None:
    result = invoke("audit", "-", stdin=b"privacymodel: 1.0.0\n")
    assert result.returncode == 1
    assert "cannot audit: <stdin>:1:1: PM102" in result.stdout


def test_readme_audit_table_matches_the_examples() -> None:
    from tests.acceptance.test_examples import SEEDS
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    order = [
        "customertimes-2020.yaml",
        "customertimes-software-2022.yaml",
        "customers-ai-2023.yaml",
        "customer360-2014.yaml",
        "click-and-resolve.yaml",
    ]
    assert sorted(order) == sorted(SEEDS)
    results = [{f.item: f.status for f in pm.audit(pm.load(ROOT / "examples" / name))} for name in order]
    rows = 0
    for line in readme.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if line.startswith("| `") and len(cells) > 1 and cells[1].startswith("Art. "):  # a row of the audit table
            item = cells[0].split("`")[1]
            assert cells[2:] == [result.get(item, "") for result in results], item
            rows += 1
    assert rows == len({item for result in results for item in result})


# Format 1.1: what the policy says of a law, and rights it grants of its own accord.


def findings(text: str, law: str) -> dict[str, pm.Finding]:
    return {f.item: f for f in pm.audit(pm.loads(MINIMAL + text), law)}


@pytest.mark.parametrize("law", ["gdpr", "ccpa", "coppa"])
def test_a_law_the_policy_says_does_not_apply_has_nothing_to_audit(law: str) -> None:
    found = findings(f"laws:\n  - law: {law}\n    applies: false\n", law)
    assert {f.status for f in found.values()} == {"not-applicable"}
    assert {f.message for f in found.values()} == {"the policy states the law does not apply"}
    assert {f.evidence for f in found.values()} == {("$.laws[0].applies",)}


def test_a_law_said_not_to_apply_leaves_the_other_laws_alone() -> None:
    text = "laws:\n  - law: coppa\n    applies: false\n"
    assert findings(text, "gdpr") == findings("", "gdpr")
    # Said to apply in one place and not in another: the audit runs as usual.
    both = text + "  - law: coppa\n    applies: true\n"
    assert findings(both, "coppa") == findings("", "coppa")


def test_a_separate_notice_is_named_where_an_item_is_missing_or_unclear() -> None:
    text = "laws:\n  - law: ccpa\n    separate_notice_url: https://acme.example/ccpa\nrights:\n  - kind: know\n    law: ccpa\n"
    found = findings(text, "ccpa")
    assert found["categories"].status == "missing"
    assert found["categories"].message == (
        "no categories are stated; the policy sends readers to a separate notice for this law: https://acme.example/ccpa"
    )
    assert (found["right-know"].status, found["right-know"].message) == ("present", "the right to know is stated")
    assert findings(text, "gdpr") == findings(text.replace("law: ccpa\n    separate", "law: cpra\n    separate"), "gdpr")


def test_a_right_granted_voluntarily_counts_and_says_so() -> None:
    text = "rights:\n  - kind: access\n    voluntary: true\n"
    found = findings(text, "gdpr")["right-access"]
    assert (found.status, found.evidence) == ("present", ("$.rights[0]",))
    assert found.message == "the right of access is stated, granted voluntarily (not under a law the policy cites)"
    both = findings(text + "  - kind: access\n    law: gdpr\n", "gdpr")["right-access"]
    assert both.message == "the right of access is stated"


def test_a_right_with_no_law_counts_for_the_gdpr_items() -> None:
    found = findings("rights:\n  - kind: erasure\n    jurisdictions: [EU]\n", "gdpr")["right-erasure"]
    assert (found.status, found.evidence) == ("present", ("$.rights[0]",))


def test_the_command_reports_a_law_that_does_not_apply(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(MINIMAL + "laws:\n  - law: coppa\n    applies: false\n", encoding="utf-8")
    result = invoke("audit", "--law", "coppa", str(path))
    assert result.returncode == 0, result.stdout
    assert "the policy states the law does not apply" in result.stdout
    assert result.stdout.splitlines()[-1] == "  0 missing, 0 unclear, 0 present, 4 not-applicable"
