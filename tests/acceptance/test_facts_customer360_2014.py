"""What the Customer360 Privacy Policy (effective 1 October 2014) states, and what its encoding must not add.

Each test is one fact read from the policy text, checked through the loaded model by content (terms, kinds,
names, roles), never by the ids the example happens to use.
"""

from __future__ import annotations

import pytest

import privacymodel as pm
from privacymodel.checks.consistency import tied_data
from tests.acceptance.facts import contact_emails, data_terms, purpose_terms, recipient_kinds, subject_terms
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "customer360-2014.yaml"
PRIVACY_EMAIL = "privacy@customer360.co"
TRUSTE_FORM = "https://feedback-form.truste.com/watchdog/request"

# The kinds of data the text says Customer360 collects or handles, and nothing else.
STATED_DATA_TERMS = {
    "name", "physical-address", "telephone-number", "email-address", "payment-card", "professional", "password",
    "ip-address", "user-agent", "connection", "browsing-referral", "device-operating-system", "browsing-behaviour",
    "unique-identifier", "preference", "service-usage", "interaction", "communications-metadata", "communication",
    "personal-data", "anonymised-data",
}  # fmt: skip


@pytest.fixture(scope="module")
def policy() -> pm.PrivacyPolicy:
    return pm.load(EXAMPLE)


# Small readers of the model, by content.


def categories(policy: pm.PrivacyPolicy, term: str) -> list[pm.DataCategory]:
    """The data categories with the vocabulary term ``term``."""
    return [c for c in policy.data_categories or () if c.term == term]


def processing_with(policy: pm.PrivacyPolicy, *, data: str | None = None, purpose: str | None = None) -> list[pm.Processing]:
    """The processing statements that process data of term ``data`` and serve a purpose of term ``purpose``."""
    return [
        p
        for p in policy.processing or ()
        if (data is None or data in data_terms(policy, p.data))
        and (purpose is None or purpose in purpose_terms(policy, p.purposes))
    ]


def rights_of(policy: pm.PrivacyPolicy, kind: str, subject: str) -> list[pm.Right]:
    """The rights of kind ``kind`` held by data subjects of term ``subject``."""
    return [r for r in policy.rights or () if r.kind == kind and subject in subject_terms(policy, r.subjects)]


# The two roles, each tied to its data.


def test_customer360_is_both_controller_and_processor(policy: pm.PrivacyPolicy) -> None:
    assert [party.name for party in policy.controllers] == ["Customer360, Inc."]
    assert {role.role for role in policy.controllers[0].roles or ()} == {pm.PartyRole.CONTROLLER, pm.PartyRole.PROCESSOR}


def test_processor_role_is_tied_to_the_data_customers_put_on_the_platform(policy: pm.PrivacyPolicy) -> None:
    as_processor = [p for p in policy.processing or () if p.role == pm.PartyRole.PROCESSOR]
    assert as_processor, "no processing statement in which Customer360 acts as processor"
    for statement in as_processor:
        data = [c for c in policy.data_categories or () if c.id in (statement.data or ())]
        assert data
        assert all(pm.DataSource.THIRD_PARTY in (c.sources or ()) for c in data)
        assert subject_terms(policy, statement.subjects) == {"end-user-of-customer"}
        assert data_terms(policy, statement.data).isdisjoint({"email-address", "payment-card", "password"})


def test_controller_role_is_tied_to_the_account_data_of_its_own_customers(policy: pm.PrivacyPolicy) -> None:
    as_controller = [p for p in policy.processing or () if p.role == pm.PartyRole.CONTROLLER]
    assert as_controller, "no processing statement in which Customer360 acts as controller"
    terms = set().union(*(data_terms(policy, p.data) for p in as_controller))
    assert {"name", "email-address", "payment-card", "telephone-number", "physical-address"} <= terms
    assert "customer" in set().union(*(subject_terms(policy, p.subjects) for p in as_controller))
    assert all(pm.DataSource.PROVIDED in (c.sources or ()) for c in policy.data_categories or ()
               if any(c.id in (p.data or ()) for p in as_controller))  # fmt: skip


def test_directive_95_46_and_swiss_act_are_cited_and_no_later_law(policy: pm.PrivacyPolicy) -> None:
    laws = {str(law.law) for law in policy.laws or ()}
    assert laws == {"eu-directive-95-46", "swiss-fadp"}
    cited = {str(x.law) for x in (*(policy.rights or ()), *(policy.legal_bases or ())) if x.law is not None}
    assert cited == set(), "the 2014 text cites no law for its rights or bases (no GDPR, CCPA or COPPA)"


# Data, and what it is for.


def test_only_the_kinds_of_data_the_text_names_are_encoded(policy: pm.PrivacyPolicy) -> None:
    assert {str(c.term) for c in policy.data_categories or ()} <= STATED_DATA_TERMS
    assert not any(c.special_category for c in policy.data_categories or ())


def test_registration_data_is_provided_by_customers(policy: pm.PrivacyPolicy) -> None:
    for term in ("name", "physical-address", "telephone-number", "email-address", "payment-card"):
        found = [c for c in categories(policy, term) if "customer" in subject_terms(policy, c.subjects)]
        assert found, term
        assert all(c.sources == (pm.DataSource.PROVIDED,) for c in found), term


def test_account_data_serves_the_purposes_the_text_lists(policy: pm.PrivacyPolicy) -> None:
    for purpose in ("service-provision", "payment-management", "identity-authentication", "communication-management",
                    "research-and-development", "service-optimisation", "service-personalisation"):  # fmt: skip
        assert processing_with(policy, data="email-address", purpose=purpose), purpose


def test_marketing_materials_are_subject_to_an_opt_out(policy: pm.PrivacyPolicy) -> None:
    marketing = processing_with(policy, data="email-address", purpose="direct-marketing")
    assert marketing
    assert all(p.condition and "opt-out" in p.condition for p in marketing)
    opt_out = [r for r in policy.rights or () if r.kind == pm.RightKind.MARKETING_OPT_OUT]
    assert opt_out
    assert PRIVACY_EMAIL in contact_emails(policy, opt_out[0].contacts)
    assert not any(b.basis == "opt-out-consent" for b in policy.legal_bases or ()), "the text names no such basis"


def test_card_is_not_required_for_the_trial_but_is_for_a_paid_subscription(policy: pm.PrivacyPolicy) -> None:
    card = [r for r in policy.provision_requirements or () if "payment-card" in data_terms(policy, r.data)]
    assert {r.required for r in card} == {True, False}
    assert all(r.condition for r in card)
    assert next(r for r in card if r.required).contractual is True
    assert "paid subscription" in (next(r for r in card if r.required).condition or "")


def test_log_data_is_observed_and_may_be_combined_with_personal_information(policy: pm.PrivacyPolicy) -> None:
    assert all(c.sources == (pm.DataSource.OBSERVED,) for c in categories(policy, "ip-address"))
    combined = [p for p in processing_with(policy, data="ip-address") if pm.OperationTerm.COMBINE in (p.operations or ())]
    assert combined
    assert all(p.condition for p in combined), "the text says only 'occasionally ... as necessary'"


def test_marketing_cookie_data_comes_from_third_parties_and_is_said_not_to_be_personal(policy: pm.PrivacyPolicy) -> None:
    received = [c for c in categories(policy, "browsing-behaviour") if pm.DataSource.THIRD_PARTY in (c.sources or ())]
    assert received
    assert all(c.identifiability == pm.Identifiability.NOT_PERSONAL for c in received)
    reassociated = [p for p in policy.processing or () if set(p.data or ()) & {c.id for c in received}]
    assert any(pm.OperationTerm.COMBINE in (p.operations or ()) for p in reassociated)


def test_ad_networks_follow_visitors_across_sites_for_tailored_ads(policy: pm.PrivacyPolicy) -> None:
    networks = {r.id for r in policy.recipients or () if r.kind == pm.RecipientKind.ADVERTISING_NETWORK}
    tracking = [p for p in policy.processing or () if set(p.by or ()) & networks]
    assert any(pm.OperationTerm.TRACK_ACROSS_SITES in (p.operations or ()) for p in tracking)
    assert any("targeted-advertising" in purpose_terms(policy, p.purposes) for p in tracking)
    assert "visitor" in set().union(*(subject_terms(policy, p.subjects) for p in tracking))
    cookies = [c for c in policy.cookies or () if c.provider in networks]
    assert cookies
    assert all(c.cross_site and c.party == pm.TrackerParty.THIRD_PARTY for c in cookies)


def test_usage_data_is_not_personal_and_is_not_shared_identifiably(policy: pm.PrivacyPolicy) -> None:
    usage = categories(policy, "anonymised-data")
    assert len(usage) == 1
    assert usage[0].identifiability == pm.Identifiability.NOT_PERSONAL
    sharing = [p for p in policy.processing or () if usage[0].id in (p.data or ()) and p.recipients]
    assert {"customer", "business-partner", "service-provider"} <= recipient_kinds(policy, sharing[0].recipients)
    assert {"advertising", "marketing"} <= purpose_terms(policy, sharing[0].purposes)
    assert any(pm.OperationTerm.SHARE in (x.operations or ()) and "anonymised-data" in (x.data or ())
               for x in policy.prohibitions or ())  # fmt: skip


def test_testimonials_are_posted_with_consent(policy: pm.PrivacyPolicy) -> None:
    posted = processing_with(policy, data="name", purpose="public-relations")
    assert posted
    assert all(p.legal_bases for p in posted)
    bases = {b.id: b.basis for b in policy.legal_bases or ()}
    assert {bases[i] for p in posted for i in p.legal_bases or ()} == {pm.LegalBasisTerm.CONSENT}


def test_forum_posts_are_public_and_tied_to_no_purpose_as_in_the_text(policy: pm.PrivacyPolicy) -> None:
    posts = [c for c in categories(policy, "communication") if c.sources == (pm.DataSource.PROVIDED,) and not c.subjects]
    assert len(posts) == 1
    assert posts[0].id not in tied_data(policy)
    disclosed = [p for p in policy.processing or () if posts[0].id in (p.data or ())]
    assert disclosed
    assert "public" in recipient_kinds(policy, disclosed[0].recipients)
    untied = {str(c.term) for c in policy.data_categories or () if c.id not in tied_data(policy)}
    assert untied == {"communication"}, "every other kind of data is tied to a purpose by the text"


# Sharing, selling, recipients.


def test_no_recipient_is_google(policy: pm.PrivacyPolicy) -> None:
    names = {(r.name or "").lower() for r in policy.recipients or ()}
    assert not any("google" in name for name in names)
    assert not any("google" in domain for r in policy.recipients or () for domain in r.domains or ())
    google_choices = [c for c in policy.choices or () if "Google" in (c.description or "")]
    assert [c.kind for c in google_choices] == [pm.ChoiceKind.PROVIDER_OPT_OUT], "Google is named only for its opt-out"


def test_service_providers_may_not_use_data_for_their_marketing(policy: pm.PrivacyPolicy) -> None:
    assert any(
        pm.RecipientKind.SERVICE_PROVIDER in (x.recipient_kinds or ()) and pm.PurposeTerm.MARKETING in (x.purposes or ())
        for x in policy.prohibitions or ()
    )
    card = [r for r in policy.recipients or () if r.kind == pm.RecipientKind.PAYMENT_PROCESSOR]
    assert card
    assert data_terms(policy, card[0].data) == {"payment-card"}
    assert purpose_terms(policy, card[0].purposes) == {"payment-management"}


def test_data_is_not_sold_except_as_described(policy: pm.PrivacyPolicy) -> None:
    sale = policy.sale_of_data
    assert sale is not None
    assert sale.sold is False
    assert sale.exceptions
    assert not any(pm.OperationTerm.SELL in (p.operations or ()) for p in policy.processing or ())


def test_group_sharing_has_no_purpose_because_the_text_gives_none(policy: pm.PrivacyPolicy) -> None:
    group = [r for r in policy.recipients or () if r.kind == pm.RecipientKind.AFFILIATE]
    assert [r.name for r in group] == ["Customer360 Group"]
    assert group[0].purposes is None


# Retention.


def test_retention_states_no_end_event(policy: pm.PrivacyPolicy) -> None:
    assert policy.retention
    assert all(r.until is None and r.period is None for r in policy.retention)


def test_retention_is_as_long_as_needed_and_longer_for_legal_and_record_reasons(policy: pm.PrivacyPolicy) -> None:
    needed = [r for r in policy.retention or () if r.as_long_as_necessary]
    longer = [r for r in policy.retention or () if r.legal_requirement]
    assert needed
    assert longer
    for statement in (*needed, *longer):
        assert {"personal-data", "email-address"} <= data_terms(policy, statement.data)
    assert {"record-management", "dispute-management", "legal-compliance"} <= purpose_terms(policy, longer[0].purposes)


def test_deletion_after_termination_is_a_deletion_policy(policy: pm.PrivacyPolicy) -> None:
    assert policy.security is not None
    assert pm.MeasureTerm.DATA_DELETION_POLICY in (policy.security.measures or ())


# Rights and choices.


@pytest.mark.parametrize("kind", [pm.RightKind.ACCESS, pm.RightKind.ERASURE])
def test_customers_ask_customer360_for_access_and_deletion_within_30_business_days(
    policy: pm.PrivacyPolicy, kind: pm.RightKind
) -> None:
    rights = rights_of(policy, kind, "customer")
    assert len(rights) == 1
    right = rights[0]
    assert contact_emails(policy, right.contacts) == {PRIVACY_EMAIL}
    assert right.response_business_days == 30
    assert right.response_time is None
    assert right.limits is None, "the 30 business days are a response time, not a limit"


@pytest.mark.parametrize("kind", [pm.RightKind.ACCESS, pm.RightKind.RECTIFICATION, pm.RightKind.ERASURE])
def test_end_users_go_to_the_customer_not_to_customer360(policy: pm.PrivacyPolicy, kind: pm.RightKind) -> None:
    rights = rights_of(policy, kind, "end-user-of-customer")
    assert len(rights) == 1
    assert rights[0].contacts is None
    assert rights[0].how


def test_no_right_is_bound_to_a_law(policy: pm.PrivacyPolicy) -> None:
    assert all(r.law is None for r in policy.rights or ())
    assert not any(r.kind in (pm.RightKind.PORTABILITY, pm.RightKind.OBJECTION, pm.RightKind.WITHDRAW_CONSENT)
                   for r in policy.rights or ())  # fmt: skip


def test_individuals_are_sent_to_the_customer_to_stop_its_contact(policy: pm.PrivacyPolicy) -> None:
    to_customer = [c for c in policy.choices or () if c.kind == pm.ChoiceKind.CONTACT_REQUEST and not c.contacts]
    assert len(to_customer) == 1


# Transfers, certifications, recourse.


def test_transfers_rely_on_safe_harbor_and_on_consent_by_use(policy: pm.PrivacyPolicy) -> None:
    transfers = policy.transfers or ()
    safe_harbor = [t for t in transfers if pm.TransferMechanism.SAFE_HARBOR in (t.mechanisms or ())]
    assert safe_harbor
    assert set(safe_harbor[0].origins or ()) == {"EU", "CH"}
    assert safe_harbor[0].destinations == ("US",)
    hosting = [t for t in transfers if t.other_destinations]
    assert hosting
    assert hosting[0].mechanisms == (pm.TransferMechanism.CONSENT,)
    assert hosting[0].destinations == ("US",)
    implied = [b for b in policy.legal_bases or () if b.basis == pm.LegalBasisTerm.IMPLIED_CONSENT]
    assert implied
    assert any(implied[0].id in (p.legal_bases or ()) for p in policy.processing or ())


def test_truste_form_is_for_disputes_not_for_verifying_the_seal(policy: pm.PrivacyPolicy) -> None:
    truste = [c for c in policy.certifications or () if c.issuer == "TRUSTe"]
    assert len(truste) == 1
    assert truste[0].dispute_url == TRUSTE_FORM
    assert TRUSTE_FORM not in (truste[0].url, truste[0].verification_url)


def test_truste_can_be_contacted_after_30_days(policy: pm.PrivacyPolicy) -> None:
    recourse = [r for r in policy.recourse or () if r.name == "TRUSTe"]
    assert len(recourse) == 1
    assert recourse[0].kind == pm.RecourseKind.INDEPENDENT_DISPUTE_RESOLUTION
    assert recourse[0].after == "P30D"


# What else the text states.


def test_children_under_13_are_not_knowingly_collected(policy: pm.PrivacyPolicy) -> None:
    children = policy.children
    assert children is not None
    assert children.age == 13
    assert children.knowingly_collects is False
    assert children.directed_at_children is None, "the text does not say whom the Service is directed at"


def test_do_not_track_is_not_honoured(policy: pm.PrivacyPolicy) -> None:
    assert policy.do_not_track is not None
    assert policy.do_not_track.honoured is False


def test_material_changes_are_notified_in_advance_and_bind_by_continued_use(policy: pm.PrivacyPolicy) -> None:
    changes = policy.policy_changes
    assert changes is not None
    assert changes.advance_notice is True
    assert changes.acceptance_by_continued_use is True
    assert set(changes.notification or ()) == {pm.NotificationMethod.EMAIL, pm.NotificationMethod.PROMINENT_NOTICE}
    assert policy.document.acceptance_by_use is None


def test_the_encoding_validates_with_only_the_warnings_the_text_earns() -> None:
    codes = sorted(str(p.code) for p in pm.validate_file(EXAMPLE))
    assert codes == ["PM301", "PM304"], "consent without a withdrawal right; forum posts with no stated purpose"
