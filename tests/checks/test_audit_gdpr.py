"""The GDPR's rule set on small hand-built policies: every item's cases, and each rule a careful reading asks for
(implied consent, bases per purpose, 'as long as necessary', rights by content, the DPO, the representative,
transfer mechanisms by date, Art. 14 data)."""

from __future__ import annotations

import datetime as dt

import pytest

import privacymodel as pm
from tests.conftest import MINIMAL

DAY = dt.date(2024, 1, 1)
CONTACT = "    contacts:\n      - email: privacy@acme.example\n"


def findings(text: str, as_of: dt.date = DAY) -> dict[str, pm.Finding]:
    return {f.item: f for f in pm.audit(pm.loads(MINIMAL + text), "gdpr", as_of=as_of)}


def status(text: str, item: str, as_of: dt.date = DAY) -> str:
    return findings(text, as_of)[item].status


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
        ("legal-basis", "legal_bases:\n  - id: b\n    basis: consent\n    law: ccpa\n", "unclear"),
        ("legal-basis", "", "missing"),
        (
            "legitimate-interests",
            "legal_bases:\n  - id: f\n    basis: A6-1-f\n    legitimate_interests: Fraud prevention.\n",
            "present",
        ),
        ("legitimate-interests", "legal_bases:\n  - id: f\n    basis: A6-1-f-controller\n", "missing"),
        ("legitimate-interests", "legal_bases:\n  - id: b\n    basis: A6-1-b\n", "not-applicable"),
        ("legitimate-interests", "", "unclear"),
        ("recipients", "recipients:\n  - id: r\n    kind: affiliate\n", "present"),
        ("recipients", "recipients: []\n", "present"),
        ("recipients", "", "missing"),
        ("transfers", "transfers:\n  - destinations: [US]\n    mechanisms: [standard-contractual-clauses]\n", "present"),
        ("transfers", "transfers:\n  - destinations: [US]\n", "missing"),
        ("transfers", "transfers: []\n", "present"),
        ("transfers", "", "unclear"),
        ("retention", "retention:\n  - id: r\n    period: P2Y\n", "present"),
        ("retention", "retention:\n  - id: r\n    until: Account closure.\n", "present"),
        ("retention", "retention:\n  - id: r\n    criteria: The limitation period for claims.\n", "present"),
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
        ("withdraw-consent", "", "unclear"),
        ("complaint", "rights:\n  - kind: complaint\n", "present"),
        ("complaint", "recourse:\n  - kind: supervisory-authority\n", "present"),
        ("complaint", "recourse:\n  - kind: arbitration\n", "missing"),
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
    found = findings(text)[item]
    assert found.status == expected, found.message
    if expected == "present":
        assert found.evidence, "a present item names what satisfies it"


def test_articles_are_written_with_their_art_14_twins() -> None:
    found = findings("legal_bases:\n  - id: b\n    basis: A6-1-b\n")
    assert found["controller"].article == "Art. 13(1)(a), Art. 14(1)(a)"
    assert found["requirement"].article == "Art. 13(2)(e)"
    assert found["legitimate-interests"].article == "Art. 13(1)(d), Art. 14(2)(b)"
    assert found["legitimate-interests"].message == "no Art. 6(1)(f) basis is relied on, so no legitimate interests are owed"


# --- consent implied by use is not GDPR consent -----------------------------------------------------------------

IMPLIED = "legal_bases:\n  - id: use\n    basis: implied-consent\n"


def test_implied_consent_alone_is_no_legal_basis() -> None:
    found = findings(IMPLIED)["legal-basis"]
    assert (found.status, found.evidence) == ("missing", ("$.legal_bases[0].basis",))
    assert found.message == (
        "no GDPR legal basis is stated: the only consent stated is implied by use or conduct ($.legal_bases[0].basis), "
        "and it is not consent under the GDPR, which needs a clear affirmative act (Art. 4(11), Art. 7)"
    )


def test_implied_consent_beside_a_real_basis_is_not_counted() -> None:
    found = findings(IMPLIED + "  - id: ask\n    basis: express-consent\n")["legal-basis"]
    assert (found.status, found.evidence) == ("present", ("$.legal_bases[1].basis",))
    assert "consent implied by use or conduct ($.legal_bases[0].basis) is not counted" in found.message
    assert "$.legal_bases[1] (express-consent) as A6-1-a" in found.message


def test_implied_consent_leaves_withdrawal_unclear() -> None:
    found = findings(IMPLIED)["withdraw-consent"]
    assert (found.status, found.evidence) == ("unclear", ("$.legal_bases[0].basis",))


def test_acceptance_by_use_is_named_where_no_basis_is_stated() -> None:
    text = MINIMAL.replace("  title: Example policy\n", "  title: Example policy\n  acceptance_by_use: true\n")
    found = {f.item: f for f in pm.audit(pm.loads(text), "gdpr", as_of=DAY)}
    assert found["legal-basis"].status == "missing"
    assert found["legal-basis"].evidence == ("$.document.acceptance_by_use",)
    assert "it says using the site means accepting the policy" in found["legal-basis"].message
    assert found["withdraw-consent"].status == "unclear"


def test_consent_to_a_transfer_that_is_not_explicit_is_unclear() -> None:
    found = findings("transfers:\n  - destinations: [US]\n    mechanisms: [consent]\n")
    assert found["transfers"].status == "unclear"
    assert "consent to the transfer is not stated to be explicit, as Art. 49(1)(a) requires" in found["transfers"].message
    # Consent relied on for a transfer is consent relied on: its withdrawal is owed.
    assert (found["withdraw-consent"].status, found["withdraw-consent"].evidence) == ("missing", ("$.transfers[0].mechanisms",))


def test_withdrawal_stated_only_as_opting_out_is_unclear() -> None:
    found = findings("legal_bases:\n  - id: c\n    basis: A6-1-a\nrights:\n  - kind: marketing-opt-out\n")["withdraw-consent"]
    assert found.status == "unclear"
    assert found.evidence == ("$.legal_bases[0].basis", "$.rights[0]")


# --- a legal basis per purpose ----------------------------------------------------------------------------------

PURPOSES = "purposes:\n  - id: ads\n    term: advertising\n  - id: care\n    term: customer-care\n"


@pytest.mark.parametrize(
    ("bases", "expected"),
    [
        ("  - id: c\n    basis: A6-1-a\n    purposes: [ads]\n  - id: k\n    basis: A6-1-b\n    purposes: [care]\n", "present"),
        ("  - id: c\n    basis: A6-1-a\n", "present"),  # one basis for all the processing
        ("  - id: c\n    basis: consent\n  - id: e\n    basis: express-consent\n", "present"),  # both read as Art. 6(1)(a)
        ("  - id: c\n    basis: A6-1-a\n  - id: f\n    basis: A6-1-f\n", "unclear"),  # which covers which?
        ("  - id: c\n    basis: A6-1-a\n    conditional: true\n", "unclear"),
        ("  - id: c\n    basis: A6-1-a\n    purposes: [ads]\n", "unclear"),  # customer care has no basis
    ],
)
def test_bases_must_be_tied_to_purposes(bases: str, expected: str) -> None:
    found = findings(PURPOSES + "legal_bases:\n" + bases)["legal-basis"]
    assert found.status == expected, found.message


def test_a_basis_tied_through_a_processing_statement_counts() -> None:
    text = PURPOSES + (
        "legal_bases:\n  - id: c\n    basis: A6-1-a\n  - id: k\n    basis: A6-1-b\n"
        "processing:\n  - id: p\n    purposes: [ads]\n    legal_bases: [c]\n  - id: q\n    purposes: [care]\n    legal_bases: [k]\n"
    )
    assert status(text, "legal-basis") == "present"


def test_untied_bases_say_what_is_needed() -> None:
    found = findings("legal_bases:\n  - id: c\n    basis: A6-1-a\n    conditional: true\n  - id: f\n    basis: A6-1-f\n")
    assert found["legal-basis"].message.startswith(
        "legal bases are listed only conditionally ($.legal_bases[0].conditional) and listed without the purposes they "
        "cover ($.legal_bases[0], $.legal_bases[1]); the basis of each purpose is needed (Article 29 Working Party, "
        "Guidelines on transparency, WP260 rev.01, Annex)"
    )


def test_a_basis_under_no_law_is_read_as_the_gdprs_and_one_under_another_law_is_not() -> None:
    assert status("legal_bases:\n  - id: f\n    basis: legitimate-interest\n", "legitimate-interests") == "missing"
    assert status("legal_bases:\n  - id: f\n    basis: legitimate-interest\n    law: lgpd\n", "legitimate-interests") == (
        "not-applicable"
    )


# --- 'as long as necessary' -------------------------------------------------------------------------------------


def test_as_long_as_necessary_with_words_beside_it_is_unclear() -> None:
    text = "retention:\n  - id: r\n    as_long_as_necessary: true\n    criteria: Varying periods depending on the purpose.\n"
    found = findings(text)["retention"]
    assert (found.status, found.evidence) == ("unclear", ("$.retention[0].criteria",))
    assert found.message.startswith("only 'as long as necessary' is stated, with words beside it that set no period")


# --- rights by content ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("right", "expected"),
    [
        ("  - kind: delete\n", "present"),  # the CCPA's name for the same right
        ("  - kind: erasure\n    jurisdictions: [EU]\n", "present"),
        ("  - kind: erasure\n    jurisdictions: [FR]\n", "present"),
        ("  - kind: erasure\n    jurisdictions: [WORLD]\n", "present"),
        ("  - kind: erasure\n    jurisdictions: [US-CA]\n", "missing"),
        ("  - kind: delete\n    law: ccpa\n", "missing"),
    ],
)
def test_rights_are_matched_by_content_for_the_people_in_the_eu(right: str, expected: str) -> None:
    assert status("rights:\n" + right, "right-erasure") == expected


# --- the data protection officer --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "evidence", "article"),
    [
        ("processing:\n  - id: t\n    operations: [track-across-sites]\n", "$.processing[0].operations", "Art. 37(1)(b)"),
        (
            "processing:\n  - id: t\n    operations: [identify]\n    role: processor\n",
            "$.processing[0].operations",
            "Art. 37(1)(b)",
        ),
        ("purposes:\n  - id: r\n    term: identity-resolution\n", "$.purposes[0]", "Art. 37(1)(b)"),
        ("automated_decision_making:\n  profiling: true\n", "$.automated_decision_making.profiling", "Art. 37(1)(b)"),
        ("data_categories:\n  - id: h\n    term: health\n", "$.data_categories[0]", "Art. 37(1)(c)"),
        (
            "data_categories:\n  - id: h\n    term: x-diagnoses\n    special_category: true\n",
            "$.data_categories[0]",
            "Art. 37(1)(c)",
        ),
    ],
)
def test_a_dpo_may_be_owed_for_monitoring_or_special_data(text: str, evidence: str, article: str) -> None:
    found = findings(text)["dpo"]
    assert (found.status, found.evidence) == ("unclear", (evidence,))
    assert found.message.startswith("no DPO is named, yet the policy states ")
    assert article in found.message


def test_monitoring_done_only_by_recipients_does_not_call_for_a_dpo() -> None:
    text = "recipients:\n  - id: ads\n    kind: advertising-network\nprocessing:\n  - id: t\n    operations: [track-across-sites]\n    by: [ads]\n"
    assert status(text, "dpo") == "not-applicable"
    assert status("data_categories:\n  - id: h\n    term: health\n    special_category: false\n", "dpo") == "not-applicable"


# --- the representative in the EU -------------------------------------------------------------------------------

US_CONTROLLER = "    address:\n      country: US\n"


def test_a_representative_is_missing_for_a_controller_outside_that_addresses_the_eu() -> None:
    found = findings(US_CONTROLLER + "laws:\n  - law: gdpr\n")["representative"]
    assert (found.status, found.evidence) == ("missing", ("$.laws[0]",))
    assert "outside the EEA (US)" in found.message
    assert "Art. 27(2)(a)" in found.message
    assert status(US_CONTROLLER + "rights:\n  - kind: access\n    jurisdictions: [EEA]\n", "representative") == "missing"
    assert status(US_CONTROLLER + "laws:\n  - law: gdpr\n    applies: false\n", "representative") == "not-applicable"


def test_the_united_kingdom_counts_as_in_the_eea_until_2021() -> None:
    text = "    address:\n      country: GB\nlaws:\n  - law: gdpr\n"
    found = findings(text, dt.date(2020, 12, 31))["representative"]
    assert found.status == "not-applicable"
    assert "; EU law applied in GB until 2021-01-01 (Agreement on the withdrawal of the United Kingdom" in found.message
    assert status(text, "representative", dt.date(2021, 1, 1)) == "missing"


# --- transfers and their mechanisms by date ---------------------------------------------------------------------


def transfer(*mechanisms: str) -> str:
    return f"transfers:\n  - destinations: [US]\n    mechanisms: [{', '.join(mechanisms)}]\n"


@pytest.mark.parametrize(
    ("mechanism", "day", "expected"),
    [
        ("privacy-shield", dt.date(2020, 7, 15), "present"),
        ("privacy-shield", dt.date(2020, 7, 16), "missing"),
        ("data-privacy-framework", dt.date(2023, 7, 9), "missing"),
        ("data-privacy-framework", dt.date(2023, 7, 10), "present"),
        ("safe-harbor", dt.date(2018, 5, 25), "missing"),
        ("binding-corporate-rules", dt.date(2018, 5, 25), "present"),
        ("x-our-own-promise", DAY, "unclear"),
    ],
)
def test_a_mechanism_counts_only_within_its_window(mechanism: str, day: dt.date, expected: str) -> None:
    assert status(transfer(mechanism), "transfers", day) == expected


def test_an_invalid_mechanism_is_named_with_its_date() -> None:
    found = findings(transfer("privacy-shield"), dt.date(2020, 8, 13))["transfers"]
    assert found.message == (
        "a transfer has no safeguard that could be relied on as of 2020-08-13: the Privacy Shield was invalidated on "
        "2020-07-16 (Court of Justice of the EU, C-311/18 Facebook Ireland and Schrems, judgment of 16 July 2020)"
    )
    assert found.evidence == ("$.transfers[0].mechanisms",)


def test_safe_harbor_beside_consent_is_unclear_and_a_valid_mechanism_beside_an_invalid_one_counts() -> None:
    assert status(transfer("safe-harbor", "consent"), "transfers") == "unclear"
    found = findings(transfer("privacy-shield", "binding-corporate-rules"))["transfers"]
    assert found.status == "present"
    assert "the Privacy Shield was invalidated on 2020-07-16" in found.message


@pytest.mark.parametrize(
    ("day", "says"),
    [
        (dt.date(2021, 1, 1), None),
        (dt.date(2021, 7, 1), "the 2021 standard contractual clauses are in force from 2021-06-27"),
        (dt.date(2022, 6, 21), "must be the 2021 ones for contracts made from 2021-09-27"),
        (dt.date(2023, 1, 1), "contracts on the earlier ones stopped giving safeguards on 2022-12-27"),
    ],
)
def test_standard_contractual_clauses_say_which_clauses_apply_that_day(day: dt.date, says: str | None) -> None:
    found = findings(transfer("standard-contractual-clauses"), day)["transfers"]
    assert found.status == "present"
    assert (says in found.message) if says else ("clauses" not in found.message)


# --- Art. 14: data not obtained from the person -----------------------------------------------------------------


def test_other_sources_unnamed_leave_art_14_missing() -> None:
    found = findings("data_categories:\n  - id: o\n    term: personal-data\n    sources: [unspecified]\n")
    assert (found["data-categories"].status, found["sources"].status) == ("missing", "missing")
    named = findings("data_categories:\n  - id: o\n    term: email-address\n    sources: [unspecified]\n")
    assert (named["data-categories"].status, named["sources"].status) == ("present", "missing")


def test_data_held_only_as_a_processor_is_the_customers_notice() -> None:
    text = (
        "data_categories:\n  - id: c\n    term: personal-data\n    sources: [third-party]\n"
        "processing:\n  - id: p\n    data: [c]\n    role: processor\n"
    )
    found = findings(text)["sources"]
    assert found.status == "not-applicable"
    assert (
        found.message == "no data is stated to come from other sources but as a processor for its customers, whose notice it is"
    )


def test_profiling_beside_no_automated_decisions_is_explained() -> None:
    found = findings("automated_decision_making:\n  used: false\n  profiling: true\n")["automated-decisions"]
    assert found.status == "present"
    assert "is not such a decision unless it has legal or similarly significant effects (Art. 22(1))" in found.message


# --- consistency ------------------------------------------------------------------------------------------------


def test_consistency_processor_with_controller_duties() -> None:
    text = "    roles:\n      - role: processor\nlegal_bases:\n  - id: b\n    basis: A6-1-b\n"
    assert status(text, "consistency-processor") == "unclear"


def test_consistency_right_under_no_basis() -> None:
    text = "legal_bases:\n  - id: lo\n    basis: A6-1-c\nrights:\n  - kind: portability\n    law: gdpr\n"
    found = findings(text)
    assert found["consistency-rights"].status == "unclear"
    assert found["right-portability"].status == "present"
