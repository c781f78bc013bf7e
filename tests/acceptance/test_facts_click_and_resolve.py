"""What Click and Resolve Pty Ltd's privacy policy (no date stated) states, and what it does not, in its encoding.

Each test is one statement of the text (or one the text does not make), checked through the API by content:
vocabulary terms, kinds and names, never ids, so the facts hold however the encoding names its parts.
"""

from __future__ import annotations

import pytest

import privacymodel as pm
from tests.acceptance.facts import data_terms, kinds, purpose_terms
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "click-and-resolve.yaml"

# The rights the "Data Subject rights" section lists, and the unsubscribe right.
LISTED_RIGHTS = {
    "access",
    "rectification",
    "erasure",
    "objection",
    "restriction",
    "portability",
    "automated-decision",
    "marketing-opt-out",
}


@pytest.fixture(scope="module")
def policy() -> pm.PrivacyPolicy:
    return pm.load(EXAMPLE)


# --- helpers: read the policy by content -----------------------------------------------------------------------


def bases(policy: pm.PrivacyPolicy, term: pm.LegalBasisTerm) -> list[pm.LegalBasis]:
    """The legal bases of one term."""
    return [b for b in policy.legal_bases or () if b.basis == term]


def aggregate_ids(policy: pm.PrivacyPolicy) -> set[str]:
    """The ids of the data categories the policy calls aggregated."""
    return {c.id for c in policy.data_categories or () if c.identifiability == pm.Identifiability.AGGREGATED}


# --- who, and whose data ---------------------------------------------------------------------------------------


def test_the_company_is_click_and_resolve_an_australian_company(policy: pm.PrivacyPolicy) -> None:
    [company] = policy.controllers
    assert company.name == "Click and Resolve Pty Ltd"
    assert "the Company" in (company.aliases or ())
    assert company.address is not None
    assert company.address.country == "AU"
    assert [c.email for c in company.contacts or ()] == ["dpo@carecafe24.com"]


def test_no_role_no_officer_and_no_date_are_stated(policy: pm.PrivacyPolicy) -> None:
    assert policy.controllers[0].roles is None
    assert all(p.role is None for p in policy.processing or ())
    assert policy.dpo is None, "a mailbox named dpo is not a designated officer"
    assert (policy.document.effective_date, policy.document.last_updated) == (None, None)


def test_visitors_and_partners_customers_are_the_data_subjects(policy: pm.PrivacyPolicy) -> None:
    assert {str(s.term) for s in policy.data_subjects or ()} == {"visitor", "end-user-of-customer"}


# --- not sold for money ------------------------------------------------------------------------------------------


def test_not_selling_or_renting_is_for_money_only(policy: pm.PrivacyPolicy) -> None:
    sale = policy.sale_of_data
    assert sale is not None
    assert sale.sold is False
    assert sale.for_money_only is True, "'will not sell or rent any Personal Data for money' is no unqualified no"
    assert sale.exceptions, "nor in any way that varies from what the statement specifies"


# --- data, purposes and what links them --------------------------------------------------------------------------


def test_no_demographic_data_is_collected(policy: pm.PrivacyPolicy) -> None:
    # "Research on demographics" is research on the support information, not a category of data held.
    assert "demographic" not in {str(c.term) for c in policy.data_categories or ()}
    research = [p for p in policy.processing or () if "commercial-research" in purpose_terms(policy, p.purposes)]
    assert any("communication" in data_terms(policy, p.data) for p in research)


def test_training_is_training_not_staff_training(policy: pm.PrivacyPolicy) -> None:
    terms = [str(p.term) for p in policy.purposes or ()]
    assert "staff-training" not in terms
    assert "training" in terms


def test_aggregated_data_goes_to_others_for_marketing_advertising_training_and_research(policy: pm.PrivacyPolicy) -> None:
    aggregated = aggregate_ids(policy)
    assert aggregated
    giving = [p for p in policy.processing or () if aggregated & set(p.data or ()) and p.recipients]
    terms = set().union(*(purpose_terms(policy, p.purposes) for p in giving))
    assert {"marketing", "advertising", "training", "research-and-development", "commercial-research"} <= terms


def test_partners_and_affiliates_use_data_for_training_support_and_research(policy: pm.PrivacyPolicy) -> None:
    group = [r for r in policy.recipients or () if {"business-partner", "affiliate"} <= kinds(r)]
    assert group
    assert {"training", "customer-care", "research-and-development"} <= purpose_terms(policy, group[0].purposes)
    assert policy.security is not None
    assert pm.MeasureTerm.CONFIDENTIALITY_AGREEMENTS in (policy.security.measures or ())


def test_pages_visited_and_domain_names_are_what_the_policy_calls_non_personal(policy: pm.PrivacyPolicy) -> None:
    not_personal = {str(c.term) for c in policy.data_categories or () if c.identifiability == pm.Identifiability.NOT_PERSONAL}
    assert not_personal == {"browsing-behaviour", "connection"}


def test_msisdn_is_a_telephone_number_collected_by_the_servers(policy: pm.PrivacyPolicy) -> None:
    phones = [c for c in policy.data_categories or () if c.term == pm.DataCategoryTerm.TELEPHONE_NUMBER]
    assert [c.sources for c in phones] == [(pm.DataSource.OBSERVED,)]


def test_disclosures_the_law_requires_name_no_recipient(policy: pm.PrivacyPolicy) -> None:
    legal = [p for p in policy.processing or () if "legal-compliance" in purpose_terms(policy, p.purposes)]
    assert legal
    assert all(p.recipients is None for p in legal)
    assert not any("public-authority" in kinds(r) for r in policy.recipients or ())


def test_every_data_category_is_tied_to_a_purpose(policy: pm.PrivacyPolicy) -> None:
    assert [p for p in pm.validate_file(EXAMPLE) if p.code == pm.Code.UNTIED_DATA] == []


# --- legal bases -------------------------------------------------------------------------------------------------


def test_express_consent_covers_the_registered_file_and_names_no_purpose(policy: pm.PrivacyPolicy) -> None:
    [express] = bases(policy, pm.LegalBasisTerm.EXPRESS_CONSENT)
    assert express.purposes is None
    recording = [p for p in policy.processing or () if express.id in (p.legal_bases or ()) and not p.purposes]
    assert recording
    assert {"record", "store"} <= {str(o) for o in recording[0].operations or ()}
    untied = [p for p in pm.validate_file(EXAMPLE) if p.code == pm.Code.BASIS_WITHOUT_PURPOSE]
    assert len(untied) == 1


def test_consent_by_giving_information_and_agreement_to_notifications_are_implied(policy: pm.PrivacyPolicy) -> None:
    implied = bases(policy, pm.LegalBasisTerm.IMPLIED_CONSENT)
    assert len(implied) == 2
    terms = set().union(*(purpose_terms(policy, b.purposes) for b in implied))
    assert {"communication-management", "customer-care", "service-personalisation"} <= terms
    assert all(b.law is None for b in policy.legal_bases or ())


# --- what people must provide, and their choices ------------------------------------------------------------------


def test_cookies_are_required_for_access(policy: pm.PrivacyPolicy) -> None:
    required = [
        r for r in policy.provision_requirements or () if r.required and "unique-identifier" in data_terms(policy, r.data)
    ]
    assert required
    assert required[0].consequences


def test_declining_may_cost_support_features(policy: pm.PrivacyPolicy) -> None:
    declining = [r for r in policy.provision_requirements or () if r.data is None and r.consequences]
    assert declining
    assert declining[0].required is None, "the text does not say the data is required"
    assert pm.ChoiceKind.CONTACT_REQUEST in {c.kind for c in policy.choices or ()}


def test_the_listed_rights_are_granted_under_no_law(policy: pm.PrivacyPolicy) -> None:
    rights = policy.rights or ()
    assert {str(r.kind) for r in rights} == LISTED_RIGHTS
    assert all(r.law is None for r in rights)
    [erasure] = [r for r in rights if r.kind == pm.RightKind.ERASURE]
    assert erasure.limits, "only if permitted by the regulations and the law"


def test_the_register_is_the_only_law_cited_and_its_application_is_not_stated(policy: pm.PrivacyPolicy) -> None:
    laws = policy.laws or ()
    assert [law.law for law in laws] == [pm.LawTerm.SPAIN_LOPD]
    assert laws[0].applies is None


def test_the_policy_does_not_cover_partner_sites_and_children_under_18_may_not_give_data(policy: pm.PrivacyPolicy) -> None:
    assert policy.document.applies_to
    children = policy.children
    assert children is not None
    assert (children.minimum_age, children.directed_at_children, children.knowingly_collects) == (18, False, False)
    assert policy.do_not_track is None, "the text says nothing of Do Not Track"
    assert policy.transfers is None, "the text says nothing of international transfers"
