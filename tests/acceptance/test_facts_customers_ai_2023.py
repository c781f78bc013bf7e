"""What the Customers.ai Privacy Policy (last modified 30 June 2023) states, and what it does not, in its encoding.

Each test is one statement of the text (or one the text does not make), checked through the API by content:
vocabulary terms, kinds and names, never ids, so the facts hold however the encoding names its parts.
"""

from __future__ import annotations

import datetime as dt

import pytest

import privacymodel as pm
from tests.acceptance.facts import data_terms, purpose_terms, recipient_kinds, subject_terms
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "customers-ai-2023.yaml"


@pytest.fixture(scope="module")
def policy() -> pm.PrivacyPolicy:
    return pm.load(EXAMPLE)


# --- helpers: read the policy by content -----------------------------------------------------------------------


def by_controller(policy: pm.PrivacyPolicy, statement: pm.Processing) -> bool:
    """Whether the controller itself does what a processing statement says (``by`` unset, or naming it)."""
    controllers = {c.id for c in policy.controllers}
    return statement.by is None or bool(controllers & set(statement.by))


def processing_with(policy: pm.PrivacyPolicy, operation: str) -> list[pm.Processing]:
    """The processing statements whose operations include ``operation``."""
    return [p for p in policy.processing or () if operation in {str(o) for o in p.operations or ()}]


def customers(policy: pm.PrivacyPolicy) -> list[pm.Recipient]:
    """The recipients that are Customers.ai's own business customers."""
    return [r for r in policy.recipients or () if "customer" in recipient_kinds(policy, [r.id])]


# --- who, and whose data ---------------------------------------------------------------------------------------


def test_customers_ai_is_named_with_its_one_mailbox(policy: pm.PrivacyPolicy) -> None:
    [controller] = policy.controllers
    assert controller.name == "Customers.ai"
    emails = [c.email for c in controller.contacts or ()]
    assert emails == ["info@customers.ai"]


def test_unsubscribing_is_not_sent_to_the_info_mailbox(policy: pm.PrivacyPolicy) -> None:
    # Unsubscribing goes to "notifying Customers.ai" or a return email, not to info@customers.ai.
    for contact in policy.controllers[0].contacts or ():
        assert pm.ContactPurpose.MARKETING_OPT_OUT not in (contact.purposes or ())


def test_the_policy_is_dated_and_accepted_by_use(policy: pm.PrivacyPolicy) -> None:
    assert policy.document.last_updated == dt.date(2023, 6, 30)
    assert policy.document.effective_date is None
    assert policy.document.acceptance_by_use is True
    assert policy.policy_changes is not None
    assert policy.policy_changes.acceptance_by_continued_use is True


def test_users_and_the_customers_contacts_are_both_data_subjects(policy: pm.PrivacyPolicy) -> None:
    terms = {str(s.term) for s in policy.data_subjects or ()}
    assert {"user", "end-user-of-customer"} <= terms


def test_no_controller_or_processor_role_is_stated(policy: pm.PrivacyPolicy) -> None:
    # The text never says in which role Customers.ai identifies people for its customers.
    assert policy.controllers[0].roles is None
    assert all(p.role is None for p in policy.processing or ())


# --- the core practice: tracking on customers' sites, identifying people for customers ---------------------------


def test_people_are_identified_through_their_email_address_for_customers(policy: pm.PrivacyPolicy) -> None:
    identifying = [
        p
        for p in processing_with(policy, "identify")
        if by_controller(policy, p)
        and "email-address" in data_terms(policy, p.data)
        and "identity-resolution" in purpose_terms(policy, p.purposes)
        and "end-user-of-customer" in subject_terms(policy, p.subjects)
    ]
    assert identifying, "no statement that Customers.ai identifies its customers' contacts by email"


def test_identifying_people_is_not_encoded_as_providing_the_service(policy: pm.PrivacyPolicy) -> None:
    for statement in processing_with(policy, "identify"):
        assert "service-provision" not in purpose_terms(policy, statement.purposes)
    recognising = [p for p in policy.purposes or () if p.term == pm.PurposeTerm.IDENTITY_RESOLUTION]
    assert len(recognising) >= 2, "recognising people (section 3) and identifying them by email (section 5)"


def test_customers_ai_tracks_people_across_its_customers_sites(policy: pm.PrivacyPolicy) -> None:
    tracking = [
        p
        for p in processing_with(policy, "track-across-sites")
        if by_controller(policy, p)
        and "end-user-of-customer" in subject_terms(policy, p.subjects)
        and "interaction" in data_terms(policy, p.data)
    ]
    assert tracking


def test_its_own_cookies_follow_people_across_sites_and_are_not_first_party(policy: pm.PrivacyPolicy) -> None:
    own = [c for c in policy.cookies or () if c.provider is None and c.party != pm.TrackerParty.THIRD_PARTY]
    across = [c for c in own if c.cross_site]
    assert across, "no cookie of Customers.ai's own that follows people across sites"
    assert all("identity-resolution" in purpose_terms(policy, c.purposes) for c in across)
    for cookie in policy.cookies or ():
        if cookie.cross_site:
            assert cookie.party != pm.TrackerParty.FIRST_PARTY


def test_data_collected_elsewhere_is_combined(policy: pm.PrivacyPolicy) -> None:
    combining = [p for p in processing_with(policy, "combine") if "personal-data" in data_terms(policy, p.data)]
    assert combining, "section 3: information is associated with information received from third parties"


def test_customers_receive_data_about_their_prospects_for_marketing(policy: pm.PrivacyPolicy) -> None:
    [recipient] = customers(policy)
    terms = purpose_terms(policy, recipient.purposes)
    assert {"sell-insights-from-data", "targeted-advertising", "marketing"} <= terms
    assert "email-address" in data_terms(policy, recipient.data)


def test_targeting_for_customers_profiles_their_contacts(policy: pm.PrivacyPolicy) -> None:
    customer_ids = {r.id for r in customers(policy)}
    profiling = [
        p
        for p in processing_with(policy, "profile")
        if customer_ids & set(p.recipients or ())
        and "targeted-advertising" in purpose_terms(policy, p.purposes)
        and "end-user-of-customer" in subject_terms(policy, p.subjects)
    ]
    assert profiling


# --- third parties' own trackers ---------------------------------------------------------------------------------


def test_cross_site_collection_by_third_parties_is_theirs(policy: pm.PrivacyPolicy) -> None:
    statements = processing_with(policy, "track-third-party")
    assert statements
    for statement in statements:
        assert not by_controller(policy, statement), "section 9's tracking is done by third parties"
        assert recipient_kinds(policy, statement.by) <= {"advertiser", "advertising-network", "content-provider"}
        assert statement.data is None, "no category of Customers.ai's own is collected by them"
        assert "track-across-sites" in {str(o) for o in statement.operations or ()}


def test_no_browsing_history_is_collected_by_customers_ai(policy: pm.PrivacyPolicy) -> None:
    assert "browser-history" not in {str(c.term) for c in policy.data_categories or ()}


def test_third_party_trackers_are_run_by_others_with_the_nai_opt_out(policy: pm.PrivacyPolicy) -> None:
    theirs = [c for c in policy.cookies or () if c.party == pm.TrackerParty.THIRD_PARTY]
    assert len(theirs) == 1
    assert theirs[0].cross_site is True
    assert theirs[0].data is None
    assert theirs[0].opt_out_url == "https://optout.networkadvertising.org"


def test_no_recipient_is_google(policy: pm.PrivacyPolicy) -> None:
    assert all("google" not in (r.name or "").lower() for r in policy.recipients or ())


# --- purposes and disclosures ------------------------------------------------------------------------------------


def test_fraud_protection_and_credit_risk_reduction_are_both_purposes(policy: pm.PrivacyPolicy) -> None:
    exchange = [r for r in policy.recipients or () if "other-organisation" in recipient_kinds(policy, [r.id])]
    assert any({"fraud-prevention-and-detection", "credit-checking"} <= purpose_terms(policy, r.purposes) for r in exchange)


def test_personal_information_is_used_for_the_law_the_terms_and_protecting_rights(policy: pm.PrivacyPolicy) -> None:
    # "We reserve the right to use your Personal Information, where necessary: ..." (section 6).
    for term in ("legal-compliance", "protection-of-rights"):
        using = [
            p
            for p in policy.processing or ()
            if term in purpose_terms(policy, p.purposes) and {"email-address", "name"} <= data_terms(policy, p.data)
        ]
        assert using, term
        assert all(p.condition for p in using), term


def test_a_use_described_at_collection_is_not_called_a_requested_service(policy: pm.PrivacyPolicy) -> None:
    terms = [str(p.term) for p in policy.purposes or ()]
    assert terms.count("requested-service-provision") == 1, "only 'any other purpose for which you provide it'"
    assert "x-described-at-collection" in terms


def test_disclosure_to_third_parties_for_their_marketing_is_sharing(policy: pm.PrivacyPolicy) -> None:
    sale = policy.sale_of_data
    assert sale is not None
    assert sale.shared is True
    assert sale.sold is None, "the text does not say whether data is sold"
    assert sale.condition, "only if you have not opted out of these disclosures"
    conditional = [
        p for p in processing_with(policy, "disclose") if p.condition and "third-party" in recipient_kinds(policy, p.recipients)
    ]
    assert conditional


def test_aggregated_data_is_disclosed_for_no_stated_purpose(policy: pm.PrivacyPolicy) -> None:
    aggregate = {
        c.id
        for c in policy.data_categories or ()
        if c.identifiability in (pm.Identifiability.AGGREGATED, pm.Identifiability.NOT_PERSONAL)
    }
    assert aggregate
    disclosing = [p for p in processing_with(policy, "disclose") if aggregate <= set(p.data or ())]
    assert disclosing
    assert all(p.purposes is None for p in disclosing)


def test_agreeing_to_email_by_providing_information_is_implied_consent(policy: pm.PrivacyPolicy) -> None:
    implied = {b.id for b in policy.legal_bases or () if b.basis == pm.LegalBasisTerm.IMPLIED_CONSENT}
    linked = [
        p
        for p in policy.processing or ()
        if implied & set(p.legal_bases or ())
        and "email-address" in data_terms(policy, p.data)
        and "communication-management" in purpose_terms(policy, p.purposes)
    ]
    assert linked
    assert all(not str(b.basis).startswith("A6") and not str(b.basis).startswith("A9") for b in policy.legal_bases or ())


def test_user_content_and_communications_are_collected(policy: pm.PrivacyPolicy) -> None:
    content = [c for c in policy.data_categories or () if c.term == pm.DataCategoryTerm.COMMUNICATION]
    assert content
    assert content[0].sources == (pm.DataSource.PROVIDED,)


def test_only_aggregate_data_is_tied_to_no_purpose(policy: pm.PrivacyPolicy) -> None:
    untied = [p for p in pm.validate_file(EXAMPLE) if p.code == pm.Code.UNTIED_DATA]
    categories = {c.id: c for c in policy.data_categories or ()}
    for problem in untied:
        index = int(problem.path.split("[")[1].split("]")[0])
        category = (policy.data_categories or ())[index]
        assert category.identifiability in (pm.Identifiability.AGGREGATED, pm.Identifiability.NOT_PERSONAL), category.id
    assert len(untied) < len(categories)


# --- what is not done, rights and the rest -----------------------------------------------------------------------


def test_google_workspace_data_is_not_used_to_train_models(policy: pm.PrivacyPolicy) -> None:
    ruled_out = [p for p in policy.prohibitions or () if pm.OperationTerm.TRAIN_MODELS in (p.operations or ())]
    assert ruled_out
    assert ruled_out[0].qualifier
    assert processing_with(policy, "train-models") == []
    # A statement of what is not done is no processing: every processing statement says what is done.
    assert all(p.operations for p in policy.processing or ())


def test_rights_cite_no_law_but_shine_the_light(policy: pm.PrivacyPolicy) -> None:
    laws = {str(r.kind): r.law for r in policy.rights or ()}
    assert laws["erasure"] is None
    assert laws["direct-marketing-disclosure"] == pm.LawTerm.CAL_SHINE_THE_LIGHT
    assert {"opt-out-of-disclosure", "marketing-opt-out"} <= set(laws)
    [shine] = [r for r in policy.rights or () if r.kind == pm.RightKind.DIRECT_MARKETING_DISCLOSURE]
    assert shine.jurisdictions == ("US-CA",)
    assert all(r.law != pm.LawTerm.GDPR for r in policy.rights or ())


def test_do_not_track_is_not_honoured_and_children_under_18_are_excluded(policy: pm.PrivacyPolicy) -> None:
    assert policy.do_not_track is not None
    assert policy.do_not_track.honoured is False
    assert policy.children is not None
    assert (policy.children.minimum_age, policy.children.knowingly_collects) == (18, False)


def test_transfers_name_no_destination(policy: pm.PrivacyPolicy) -> None:
    [transfer] = policy.transfers or ()
    assert transfer.destinations is None
    assert transfer.other_destinations is True
    assert transfer.mechanisms == (pm.TransferMechanism.CONSENT,)


def test_laws_cited_are_shine_the_light_only(policy: pm.PrivacyPolicy) -> None:
    assert [law.law for law in policy.laws or ()] == [pm.LawTerm.CAL_SHINE_THE_LIGHT]


def test_refusing_cookies_has_a_stated_cost_but_is_not_required(policy: pm.PrivacyPolicy) -> None:
    [refusing] = policy.provision_requirements or ()
    assert data_terms(policy, refusing.data) == {"tracking"}
    assert refusing.consequences
    assert refusing.required is None
