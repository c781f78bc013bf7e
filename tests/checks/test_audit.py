"""The audit's framework: the day a policy is judged on, laws and duties by date, the facts table, what the policy
says of a law (not applying, a separate notice), the laws a policy cites, and what every rule set declares."""

from __future__ import annotations

import ast
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.checks.audit import ALL, LAWS, STATUSES, audit_date, cited_laws
from privacymodel.checks.audit.facts import FACTS, MECHANISM_WINDOWS, in_eea
from privacymodel.strategies import policies
from tests.conftest import MINIMAL, ROOT

DAY = dt.date(2024, 1, 1)


def findings(text: str, law: str = "gdpr", as_of: dt.date | None = DAY) -> dict[str, pm.Finding]:
    return {f.item: f for f in pm.audit(pm.loads(MINIMAL + text), law, as_of=as_of)}


def dated(last_updated: str | None = None, effective: str | None = None) -> str:
    lines = [f"  last_updated: {last_updated}\n" if last_updated else "", f"  effective_date: {effective}\n" if effective else ""]
    return MINIMAL.replace("  title: Example policy\n", "  title: Example policy\n" + "".join(lines))


# --- the day a policy is judged on ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last_updated", "effective", "given_day", "expected", "reason"),
    [
        ("2020-08-13", "2019-01-01", None, dt.date(2020, 8, 13), "the date the policy was last updated (document.last_updated)"),
        (None, "2014-10-01", None, dt.date(2014, 10, 1), "the date the policy takes effect (document.effective_date)"),
        ("2020-08-13", None, dt.date(2016, 1, 1), dt.date(2016, 1, 1), "the date asked for"),
    ],
)
def test_the_day_judged_on_and_why(
    last_updated: str | None, effective: str | None, given_day: dt.date | None, expected: dt.date, reason: str
) -> None:
    when = audit_date(pm.loads(dated(last_updated, effective)), given_day)
    assert (when.date, when.reason) == (expected, reason)
    assert str(when) == f"{expected.isoformat()}, {reason}"


def test_a_policy_with_no_date_is_judged_today() -> None:
    before = dt.date.today()
    when = audit_date(pm.loads(MINIMAL))
    assert before <= when.date <= dt.date.today()
    assert when.reason == "today, as the policy states no date"


def test_the_default_day_is_the_policys_own() -> None:
    policy = pm.loads(dated("2014-10-01"))
    assert pm.audit(policy, "gdpr") == pm.audit(policy, "gdpr", as_of=dt.date(2014, 10, 1))
    assert pm.audit(policy, "gdpr") != pm.audit(policy, "gdpr", as_of=DAY)


# --- laws and duties by date ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("law", "day_before", "message"),
    [
        (
            "gdpr",
            dt.date(2018, 5, 24),
            (
                "the GDPR applies from 2018-05-25 (Regulation (EU) 2016/679, Art. 99(2)); the policy is judged as of "
                "2018-05-24; Directive 95/46/EC applies (its Art. 10 and 11 set what people must be told) from "
                "1998-10-24 (Directive 95/46/EC, Art. 32(1)), which this audit does not cover"
            ),
        ),
        (
            "ccpa",
            dt.date(2019, 12, 31),
            (
                "the CCPA applies from 2020-01-01 (Cal. Civ. Code § 1798.198(a)); the policy is judged as of "
                "2019-12-31; California's Online Privacy Protection Act applies from 2004-07-01 (Cal. Bus. & Prof. "
                "Code § 22575 ff., Stats. 2003, ch. 829), which this audit does not cover"
            ),
        ),
        (
            "coppa",
            dt.date(2000, 4, 20),
            (
                "the COPPA Rule applies from 2000-04-21 (16 CFR Part 312, 64 Fed. Reg. 59888 (3 November 1999)); the "
                "policy is judged as of 2000-04-20"
            ),
        ),
    ],
)
def test_a_law_not_yet_in_force_has_every_item_not_applicable(law: str, day_before: dt.date, message: str) -> None:
    before = findings("", law, day_before)
    assert set(before) == {item.item for item in LAWS[law].items}
    assert {(f.status, f.message, f.evidence) for f in before.values()} == {("not-applicable", message, ())}
    on_the_day = findings("", law, day_before + dt.timedelta(days=1))
    assert any(f.status != "not-applicable" for f in on_the_day.values())


def test_the_law_applying_before_is_named_only_once_it_applied() -> None:
    [message] = {f.message for f in findings("", "ccpa", dt.date(2003, 1, 1)).values()}
    assert message == "the CCPA applies from 2020-01-01 (Cal. Civ. Code § 1798.198(a)); the policy is judged as of 2003-01-01"


@pytest.mark.parametrize("item", ["right-correct", "retention", "right-limit"])
def test_a_duty_added_later_is_owed_from_its_date(item: str) -> None:
    health = "data_categories:\n  - id: h\n    term: health\n"
    before = findings(health, "ccpa", dt.date(2022, 12, 31))[item]
    assert before.status == "not-applicable"
    assert before.message == (
        "owed from 2023-01-01 (California Proposition 24 (2020), § 31(a)), when the CPRA's amendments to the CCPA are "
        "operative; the policy is judged as of 2022-12-31"
    )
    assert findings(health, "ccpa", dt.date(2023, 1, 1))[item].status in ("missing", "unclear")


def test_an_item_owed_from_a_date_ignores_what_the_rules_found_before_it() -> None:
    text = "rights:\n  - kind: correct\n"
    assert findings(text, "ccpa", dt.date(2022, 6, 21))["right-correct"].status == "not-applicable"
    assert findings(text, "ccpa", dt.date(2023, 6, 21))["right-correct"].status == "present"


# --- the facts table -------------------------------------------------------------------------------------------


def test_every_fact_names_its_source_and_says_what_happened() -> None:
    assert len({fact.date for fact in FACTS}) > 10
    for fact in FACTS:
        assert fact.source
        assert fact.event
        assert fact.cite() == f"{fact.date.isoformat()} ({fact.source})"


def test_every_date_in_the_audit_comes_from_the_facts_table() -> None:
    """No module of the audit but the facts table writes a date (``dt.date(...)`` or ``date(...)``)."""
    folder = ROOT / "privacymodel" / "checks" / "audit"
    written = [
        f"{path.name}:{node.lineno}"
        for path in sorted(folder.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and ast.unparse(node.func) in ("dt.date", "date", "datetime.date")
    ]
    assert written
    assert [place for place in written if not place.startswith("facts.py:")] == []


@pytest.mark.parametrize(
    ("mechanism", "valid", "invalid", "says"),
    [
        (
            "safe-harbor",
            "2015-10-05",
            "2015-10-06",
            "Safe Harbor was invalidated on 2015-10-06 (Court of Justice of the EU, C-362/14",
        ),
        (
            "privacy-shield",
            "2020-07-15",
            "2020-07-16",
            "the Privacy Shield was invalidated on 2020-07-16 (Court of Justice of the EU, C-311/18",
        ),
        (
            "data-privacy-framework",
            "2023-07-10",
            "2023-07-09",
            "the EU-US Data Privacy Framework was not available before 2023-07-10",
        ),
    ],
)
def test_transfer_mechanisms_carry_their_windows(mechanism: str, valid: str, invalid: str, says: str) -> None:
    [window] = [w for m, w in MECHANISM_WINDOWS.items() if m.value == mechanism]
    assert window.outside(dt.date.fromisoformat(valid)) is None
    reason = window.outside(dt.date.fromisoformat(invalid))
    assert reason is not None
    assert reason.startswith(says)


@given(st.dates(min_value=dt.date(2016, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_the_united_kingdom_was_in_the_eea_until_the_transition_ended(day: dt.date) -> None:
    assert in_eea("GB", day) == (day < dt.date(2021, 1, 1))
    assert in_eea("DE", day)
    assert not in_eea("US", day)


# --- what the policy says of a law ------------------------------------------------------------------------------


@pytest.mark.parametrize("law", ["gdpr", "ccpa", "coppa"])
def test_a_law_the_policy_says_does_not_apply_has_nothing_to_audit(law: str) -> None:
    found = findings(f"laws:\n  - law: {law}\n    applies: false\n", law)
    assert {f.status for f in found.values()} == {"not-applicable"}
    assert {f.message.split(";")[0] for f in found.values()} == {"the policy states the law does not apply"}
    assert {f.evidence for f in found.values()} == {("$.laws[0].applies",)}


def test_an_item_that_would_fail_says_so_when_the_policy_says_the_law_does_not_apply() -> None:
    found = findings("laws:\n  - law: coppa\n    applies: false\n", "coppa")
    assert found["audience"].message == (
        "the policy states the law does not apply; without that statement the item would be missing: "
        "the policy does not say whether the service is directed at children"
    )


def test_a_law_said_not_to_apply_leaves_the_other_laws_alone() -> None:
    text = "laws:\n  - law: coppa\n    applies: false\n"
    assert findings(text, "gdpr") == findings("", "gdpr")
    both = text + "  - law: coppa\n    applies: true\n"
    assert findings(both, "coppa") == findings("", "coppa")


def test_a_separate_notice_makes_missing_items_referred() -> None:
    text = "laws:\n  - law: cpra\n    separate_notice_url: https://acme.example/ccpa\nrights:\n  - kind: know\n    law: ccpa\n"
    found = findings(text, "ccpa")
    assert (found["categories"].status, found["categories"].evidence) == ("referred", ("$.laws[0].separate_notice_url",))
    assert found["categories"].message == (
        "no categories are stated; the policy sends readers to a separate notice for this law: https://acme.example/ccpa"
    )
    assert (found["right-know"].status, found["right-know"].message) == ("present", "the right to know is stated")
    assert findings(text, "gdpr") == findings("", "gdpr")


def test_a_separate_notice_leaves_unclear_items_unclear_and_names_it() -> None:
    text = "laws:\n  - law: gdpr\n    separate_notice_url: https://acme.example/eu\n"
    found = findings(text, "gdpr")["transfers"]
    assert found.status == "unclear"
    assert found.message.endswith("; the policy sends readers to a separate notice for this law: https://acme.example/eu")


def test_a_right_granted_voluntarily_counts_and_says_so() -> None:
    text = "rights:\n  - kind: access\n    voluntary: true\n"
    found = findings(text)["right-access"]
    assert (found.status, found.evidence) == ("present", ("$.rights[0]",))
    assert found.message == "the right of access is stated, granted voluntarily (not under a law the policy cites)"
    both = findings(text + "  - kind: access\n    law: gdpr\n")["right-access"]
    assert both.message == "the right of access is stated"


# --- the laws a policy cites ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ()),
        ("laws:\n  - law: cpra\n  - law: eu-directive-95-46\n", ("ccpa",)),
        ("laws:\n  - law: coppa\n    applies: false\n", ("coppa",)),
        ("rights:\n  - kind: access\n    law: gdpr\n", ("gdpr",)),
        ("legal_bases:\n  - id: b\n    basis: consent\n    law: ccpa\n", ("ccpa",)),
        ("rights:\n  - kind: access\n    jurisdictions: [DE]\n", ("gdpr",)),
        ("rights:\n  - kind: know\n    jurisdictions: [US-CA]\n", ("ccpa", "coppa")),
        ("rights:\n  - kind: access\n    jurisdictions: [WORLD, JP]\n", ()),
    ],
)
def test_the_laws_a_policy_cites(text: str, expected: tuple[str, ...]) -> None:
    assert cited_laws(pm.loads(MINIMAL + text)) == expected


def test_all_audits_every_law_cited_in_order() -> None:
    policy = pm.loads(MINIMAL + "laws:\n  - law: coppa\n  - law: gdpr\n")
    found = pm.audit(policy, ALL, as_of=DAY)
    assert list(dict.fromkeys(f.law for f in found)) == ["gdpr", "coppa"]
    assert found == pm.audit(policy, "gdpr", as_of=DAY) + pm.audit(policy, "coppa", as_of=DAY)
    assert pm.audit(pm.loads(MINIMAL), ALL) == ()


# --- what every rule set declares ------------------------------------------------------------------------------


@pytest.mark.parametrize("law", sorted(LAWS))
def test_rules_report_only_on_declared_items_with_their_articles(law: str) -> None:
    rule_set = LAWS[law]
    declared = {item.item: item for item in rule_set.items}
    for day in (rule_set.applies_from.date, DAY):
        for finding in findings("", law, day).values():
            item = declared[finding.item]
            assert (finding.law, finding.title, finding.article) == (law, item.title, item.article)
            assert finding.article


@settings(max_examples=25)
@given(policies(max_items=2), st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_any_policy_on_any_day_gets_one_finding_per_declared_item_at_most(policy: pm.PrivacyPolicy, day: dt.date) -> None:
    for law, rule_set in LAWS.items():
        found = pm.audit(policy, law, as_of=day)
        declared = {item.item: item for item in rule_set.items}
        assert {f.item for f in found} <= set(declared)
        assert all(f.law == law and f.status in STATUSES and f.message for f in found)
        if not rule_set.in_force(day):
            assert {f.status for f in found} == {"not-applicable"}
        for f in found:
            since = declared[f.item].since
            if since is not None and day < since.date:
                assert f.status == "not-applicable"


def test_statuses_laws_and_findings_are_plain_strings() -> None:
    assert STATUSES == ("missing", "unclear", "referred", "present", "not-applicable")
    assert list(LAWS)[:3] == ["gdpr", "ccpa", "coppa"]
    for law in LAWS:
        assert {type(f.law) for f in pm.audit(pm.loads(MINIMAL), law)} == {str}


def test_unknown_law() -> None:
    with pytest.raises(ValueError, match=r"^unknown law 'hipaa'; expected one of: gdpr, ccpa, coppa, .*all$"):
        pm.audit(pm.loads(MINIMAL), "hipaa")


def test_the_facade_exposes_the_audit_date() -> None:
    policy = pm.loads(dated("2021-03-04"))
    assert pm.audit_date(policy) == audit_date(policy)
    assert isinstance(pm.audit_date(policy), pm.AuditDate)
