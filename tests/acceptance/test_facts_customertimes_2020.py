"""What the Customertimes Corp Privacy Notice (updated 13 August 2020) states, and what its encoding must not add.

Each test is one fact read from the notice, checked through the loaded model by content (terms, kinds, names,
email addresses), never by the ids the example happens to use.
"""

from __future__ import annotations

import re

import pytest

import privacymodel as pm
from tests.acceptance.facts import contact_emails, data_terms, kinds, purpose_terms, purposes_tied_to, terms_of, warned_categories
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "customertimes-2020.yaml"
INFO_EMAIL = "info@customertimes.com"
GDPR_EMAIL = "data.privacy@customertimes.com"
GOOGLE_ANALYTICS_COOKIES = {"_gid", "_ga", "_gat_gtag_", "NID", "ANID", "1P_JAR"}
GDPR_RIGHTS = {"access", "rectification", "erasure", "restriction", "objection", "portability", "automated-decision", "complaint"}
PARENTAL_RIGHTS = {"parental-review", "parental-deletion", "parental-stop-collection"}


@pytest.fixture(scope="module")
def policy() -> pm.PrivacyPolicy:
    return pm.load(EXAMPLE)


# Small readers of the model, by content.


def categories(policy: pm.PrivacyPolicy, term: str) -> list[pm.DataCategory]:
    """The data categories with the vocabulary term ``term``."""
    return [c for c in policy.data_categories or () if c.term == term]


def recipient(policy: pm.PrivacyPolicy, name: str) -> pm.Recipient:
    """The one recipient called ``name``."""
    [found] = [r for r in policy.recipients or () if r.name == name]
    return found


def recipients_of_kind(policy: pm.PrivacyPolicy, kind: str) -> list[pm.Recipient]:
    return [r for r in policy.recipients or () if kind in kinds(r)]


def done_by(policy: pm.PrivacyPolicy, statement: pm.Processing) -> list[pm.Recipient]:
    """The recipients a processing statement says do it, or to whom it gives the data."""
    named = {*(statement.by or ()), *(statement.recipients or ())}
    return [r for r in policy.recipients or () if r.id in named]


def processing_with(policy: pm.PrivacyPolicy, *, data: str | None = None, operation: str | None = None) -> list[pm.Processing]:
    """The processing statements that process data of term ``data`` and include the operation ``operation``."""
    return [
        p
        for p in policy.processing or ()
        if (data is None or data in data_terms(policy, p.data))
        and (operation is None or operation in {str(o) for o in p.operations or ()})
    ]


def rights(policy: pm.PrivacyPolicy, kind: str) -> list[pm.Right]:
    return [r for r in policy.rights or () if r.kind == kind]


def basis(policy: pm.PrivacyPolicy, term: str) -> pm.LegalBasis:
    """The one legal basis with the basis ``term``."""
    [found] = [b for b in policy.legal_bases or () if b.basis == term]
    return found


# The notice itself, the controller and how to reach it.


def test_the_controller_is_customertimes_corp_in_new_york(policy: pm.PrivacyPolicy) -> None:
    [controller] = policy.controllers
    assert controller.name == "Customertimes Corp."
    assert "Customertimes" in (controller.aliases or ())
    assert controller.address is not None
    assert (controller.address.locality, controller.address.region, controller.address.country) == ("New York", "NY", "US")
    assert policy.document.last_updated is not None
    assert policy.document.last_updated.isoformat() == "2020-08-13"


def test_questions_and_rights_requests_go_to_info_phone_and_post(policy: pm.PrivacyPolicy) -> None:
    contacts = policy.controllers[0].contacts or ()
    general = [c for c in contacts if c.purposes and pm.ContactPurpose.GENERAL in c.purposes]
    assert {c.email for c in general if c.email} == {INFO_EMAIL}
    assert any(c.phone and re.sub(r"\D", "", c.phone) == "12125200059" for c in general)
    assert any(c.address is not None for c in general)
    requests = {c.email for c in contacts if c.purposes and pm.ContactPurpose.RIGHTS_REQUESTS in c.purposes}
    assert requests >= {INFO_EMAIL, GDPR_EMAIL}


def test_using_the_site_is_said_to_mean_accepting_the_notice_and_its_changes(policy: pm.PrivacyPolicy) -> None:
    assert policy.document.acceptance_by_use is True
    changes = policy.policy_changes
    assert changes is not None
    assert changes.acceptance_by_continued_use is True
    assert changes.material_change_requires_consent is True
    assert set(changes.notification or ()) == {pm.NotificationMethod.WEBSITE, pm.NotificationMethod.EMAIL}


def test_acceptance_by_use_is_not_made_a_legal_basis(policy: pm.PrivacyPolicy) -> None:
    assert not [b for b in policy.legal_bases or () if b.basis == pm.LegalBasisTerm.IMPLIED_CONSENT]


def test_no_one_is_required_to_provide_data(policy: pm.PrivacyPolicy) -> None:
    assert [r.required for r in policy.provision_requirements or ()] == [False]


def test_the_notice_covers_only_the_website_and_services(policy: pm.PrivacyPolicy) -> None:
    assert policy.document.applies_to is not None
    assert "Website" in policy.document.applies_to


# What is collected, and what is not.


def test_name_postal_address_and_telephone_are_not_said_to_be_collected(policy: pm.PrivacyPolicy) -> None:
    for term in ("name", "physical-address", "telephone-number"):
        assert categories(policy, term) == [], term


def test_advertising_partners_get_no_identifying_details_without_consent(policy: pm.PrivacyPolicy) -> None:
    [rule] = [p for p in policy.prohibitions or () if p.recipient_kinds and pm.RecipientKind.ADVERTISER in p.recipient_kinds]
    assert pm.OperationTerm.SHARE in (rule.operations or ())
    assert {"name", "physical-address", "email-address", "telephone-number"} <= {str(t) for t in rule.data or ()}
    assert rule.qualifier is not None
    assert "consent" in rule.qualifier


def test_the_three_sources_are_stated(policy: pm.PrivacyPolicy) -> None:
    sources = {str(s) for c in policy.data_categories or () for s in c.sources or ()}
    assert {"provided", "observed", "unspecified"} <= sources
    assert pm.DataSource.THIRD_PARTY not in {s for c in categories(policy, "personal-data") for s in c.sources or ()}


def test_provided_data_serves_the_four_uses_of_section_3(policy: pm.PrivacyPolicy) -> None:
    wanted = {"communication-management", "optimise-user-interface", "direct-marketing", "targeted-advertising"}
    assert wanted <= purposes_tied_to(policy, "personal-data")


def test_google_analytics_measures_visits_place_browser_referrer_and_device(policy: pm.PrivacyPolicy) -> None:
    analytics = recipient(policy, "Google Analytics")
    assert kinds(analytics) == {"analytics-provider"}
    for term in ("browsing-behaviour", "country", "city", "user-agent", "browsing-referral", "device-information"):
        statements = processing_with(policy, data=term)
        assert any(analytics in done_by(policy, p) for p in statements), term
        assert "service-usage-analytics" in purposes_tied_to(policy, term), term


def test_gender_age_and_interests_are_recorded_as_not_identifying_and_tied_to_no_purpose(policy: pm.PrivacyPolicy) -> None:
    assert categories(policy, "demographic") == []
    for term in ("gender", "age", "interest"):
        [category] = categories(policy, term)
        assert category.identifiability == pm.Identifiability.NOT_PERSONAL
        assert category.condition is not None
        assert "Google Account" in category.condition
        assert purposes_tied_to(policy, term) == set(), term


def test_data_is_untied_to_a_purpose_only_where_the_text_gives_none() -> None:
    assert sorted(str(c.term) for c in warned_categories(EXAMPLE, pm.Code.UNTIED_DATA)) == ["age", "gender", "interest"]
    codes = {p.code for p in pm.validate_file(EXAMPLE)}
    assert codes == {pm.Code.UNTIED_DATA}


# Google, the advertising partners and the other tools on the site.


def test_the_six_google_analytics_cookies_are_also_used_by_google_for_adverts(policy: pm.PrivacyPolicy) -> None:
    analytics = recipient(policy, "Google Analytics")
    listed = [c for c in policy.cookies or () if (c.name or c.name_prefix) in GOOGLE_ANALYTICS_COOKIES]
    assert {c.name or c.name_prefix for c in listed} == GOOGLE_ANALYTICS_COOKIES
    for cookie in listed:
        assert cookie.provider == analytics.id
        assert {"service-usage-analytics", "personalised-advertising", "advertising"} <= purpose_terms(policy, cookie.purposes)
    google = recipient(policy, "Google")
    assert "advertising-network" in kinds(google)
    assert any(
        google in done_by(policy, p) and "advertising" in purpose_terms(policy, p.purposes) for p in policy.processing or ()
    )


def test_partners_track_across_sites_with_persistent_identifiers(policy: pm.PrivacyPolicy) -> None:
    [advertisers] = recipients_of_kind(policy, "advertiser")
    tracking = processing_with(policy, data="unique-identifier", operation="track-across-sites")
    assert tracking
    assert all(advertisers in done_by(policy, p) for p in tracking)
    assert "browser-history" in {t for p in tracking for t in data_terms(policy, p.data)}
    assert "targeted-advertising" in {t for p in tracking for t in purpose_terms(policy, p.purposes)}
    trackers = [c for c in policy.cookies or () if c.provider == advertisers.id]
    assert {c.technology for c in trackers} == {pm.TrackerTechnology.HTTP_COOKIE, pm.TrackerTechnology.WEB_BEACON}
    assert all(c.cross_site is True and c.party == pm.TrackerParty.THIRD_PARTY for c in trackers)


def test_the_anonymous_identifiers_may_be_reidentified_by_the_partners(policy: pm.PrivacyPolicy) -> None:
    [identifiers] = categories(policy, "unique-identifier")
    assert identifiers.identifiability == pm.Identifiability.PSEUDONYMISED
    [advertisers] = recipients_of_kind(policy, "advertiser")
    [reidentifying] = processing_with(policy, data="unique-identifier", operation="identify")
    assert done_by(policy, reidentifying) == [advertisers]
    assert reidentifying.condition is not None
    assert reidentifying.purposes is None


def test_drift_runs_the_chat_and_does_not_follow_people_across_sites(policy: pm.PrivacyPolicy) -> None:
    drift = recipient(policy, "Drift")
    [chat] = processing_with(policy, data="communication")
    assert done_by(policy, chat) == [drift]
    assert purpose_terms(policy, chat.purposes) == {"communication-management"}
    assert not [p for p in policy.purposes or () if p.term == pm.PurposeTerm.CUSTOMER_CARE]
    cookies = [c for c in policy.cookies or () if c.provider == drift.id]
    assert {c.technology for c in cookies} == {pm.TrackerTechnology.HTTP_COOKIE, pm.TrackerTechnology.LOCAL_STORAGE}
    [cookie] = [c for c in cookies if c.technology == pm.TrackerTechnology.HTTP_COOKIE]
    assert cookie.cross_site is False


def test_not_profiling_is_drifts_promise_not_customertimes(policy: pm.PrivacyPolicy) -> None:
    drift = recipient(policy, "Drift")
    profiling = [p for p in policy.prohibitions or () if pm.OperationTerm.PROFILE in (p.operations or ())]
    assert [p.by for p in profiling] == [(drift.id,)]
    controllers = {c.id for c in policy.controllers}
    assert not [p for p in profiling if p.by is None or set(p.by) & controllers]


def test_drift_cookies_track_visitors_activities_within_the_site(policy: pm.PrivacyPolicy) -> None:
    drift = recipient(policy, "Drift")
    [cookie] = [c for c in policy.cookies or () if c.provider == drift.id and c.technology == pm.TrackerTechnology.HTTP_COOKIE]
    assert data_terms(policy, cookie.data) == {"browsing-behaviour"}
    assert cookie.cross_site is False


def test_visitors_are_among_the_data_subjects(policy: pm.PrivacyPolicy) -> None:
    # Not only the parents and guardians of section 7: section 2 tracks "visitors" throughout.
    assert {"visitor", "parent", "guardian"} <= {str(s.term) for s in policy.data_subjects or ()}


def test_facebook_and_linkedin_are_advertising_platforms_with_their_own_opt_outs(policy: pm.PrivacyPolicy) -> None:
    for name in ("Facebook", "LinkedIn"):
        platform = recipient(policy, name)
        assert {"social-network", "advertising-network"} <= kinds(platform)
        [tracker] = [c for c in policy.cookies or () if c.provider == platform.id]
        assert tracker.opt_out is not None
    [facebook_cookie] = [c for c in policy.cookies or () if c.provider == recipient(policy, "Facebook").id]
    assert facebook_cookie.lifetime == "persistent"
    [insight_tag] = [c for c in policy.cookies or () if c.provider == recipient(policy, "LinkedIn").id]
    assert insight_tag.technology == pm.TrackerTechnology.TAG
    assert {"advertising", "targeted-advertising"} <= purposes_tied_to(policy, "interaction")


def test_marketo_links_visits_to_what_people_provided_and_measures_email(policy: pm.PrivacyPolicy) -> None:
    marketo = recipient(policy, "Marketo")
    [linking] = processing_with(policy, data="browsing-behaviour", operation="combine")
    assert marketo in done_by(policy, linking)
    assert "personal-data" in data_terms(policy, linking.data)
    assert "direct-marketing" in purposes_tied_to(policy, "communications-metadata")


def test_processors_are_service_providers_not_third_parties(policy: pm.PrivacyPolicy) -> None:
    assert recipients_of_kind(policy, "third-party") == []
    [processors] = recipients_of_kind(policy, "service-provider")
    assert processors.role == pm.PartyRole.PROCESSOR


# Legal bases, marketing and consent.


def test_marketing_rests_on_agreement_that_can_be_withdrawn(policy: pm.PrivacyPolicy) -> None:
    [marketing] = [p for p in policy.processing or () if p.legal_bases]
    assert "direct-marketing" in purpose_terms(policy, marketing.purposes)
    assert "email-address" in data_terms(policy, marketing.data)
    [agreement] = [b for b in policy.legal_bases or () if b.id in (marketing.legal_bases or ())]
    assert agreement.basis == pm.LegalBasisTerm.CONSENT
    assert len(rights(policy, "withdraw-consent")) == 1
    assert len(rights(policy, "marketing-opt-out")) == 1
    choices = {str(c.kind) for c in policy.choices or ()}
    assert "web-page" in choices
    assert "unsubscribe" not in choices


def test_gdpr_bases_are_linked_only_where_the_text_gives_an_example(policy: pm.PrivacyPolicy) -> None:
    assert purpose_terms(policy, basis(policy, "A6-1-b-contract-performance").purposes) == {"service-provision"}
    assert purpose_terms(policy, basis(policy, "A6-1-b-enter-into-contract").purposes) == {"communication-management"}
    assert purpose_terms(policy, basis(policy, "A6-1-c").purposes) == {"legal-compliance"}
    for term in ("A6-1-a", "A6-1-d", "A6-1-f"):
        conditional = basis(policy, term)
        assert conditional.conditional is True, term
        assert conditional.purposes is None, term
    assert basis(policy, "A6-1-f").legitimate_interests is None
    assert {str(b.law) for b in policy.legal_bases or () if str(b.basis).startswith("A6")} == {"gdpr"}


# Rights.


def test_gdpr_rights_belong_to_natural_persons_of_the_eu(policy: pm.PrivacyPolicy) -> None:
    gdpr = [r for r in policy.rights or () if r.law == pm.LawTerm.GDPR]
    assert {str(r.kind) for r in gdpr} == GDPR_RIGHTS
    assert all(r.jurisdictions == ("EU",) for r in gdpr)
    for right in gdpr:
        if right.kind != pm.RightKind.COMPLAINT:
            assert {GDPR_EMAIL, INFO_EMAIL} <= contact_emails(policy, right.contacts), right.kind
    [access] = rights(policy, "access")
    assert access.fee is not None
    [erasure] = rights(policy, "erasure")
    assert erasure.limits is not None


def test_complaints_go_to_any_local_supervisory_authority(policy: pm.PrivacyPolicy) -> None:
    authority = policy.supervisory_authority
    assert authority is not None
    assert authority.local is True
    assert authority.name is None
    assert [str(r.kind) for r in policy.recourse or ()] == ["supervisory-authority"]


def test_coppa_is_stated_not_to_apply_and_parental_requests_are_voluntary(policy: pm.PrivacyPolicy) -> None:
    [coppa] = [law for law in policy.laws or () if law.law == pm.LawTerm.COPPA]
    assert coppa.applies is False
    assert not [r for r in policy.rights or () if r.law == pm.LawTerm.COPPA]
    parental = [r for r in policy.rights or () if str(r.kind) in PARENTAL_RIGHTS]
    assert {str(r.kind) for r in parental} == PARENTAL_RIGHTS
    for right in parental:
        assert right.voluntary is True
        assert right.law is None
        assert terms_of(policy.data_subjects, right.subjects) == {"parent", "guardian"}
        assert contact_emails(policy, right.contacts) == {INFO_EMAIL}


def test_the_site_is_not_directed_at_children_under_13(policy: pm.PrivacyPolicy) -> None:
    children = policy.children
    assert children is not None
    assert (children.age, children.directed_at_children) == (13, False)
    assert children.knowingly_collects is None
    assert children.if_collected is None


def test_rights_without_a_law(policy: pm.PrivacyPolicy) -> None:
    for kind in ("withdraw-consent", "marketing-opt-out", "cookie-opt-out"):
        [right] = rights(policy, kind)
        assert right.law is None, kind
        assert right.jurisdictions is None, kind


# The rest of what the notice says, and what it leaves unsaid.


def test_no_automated_decisions_and_nothing_said_of_profiling(policy: pm.PrivacyPolicy) -> None:
    decisions = policy.automated_decision_making
    assert decisions is not None
    assert decisions.used is False
    assert decisions.profiling is None


def test_security_measures(policy: pm.PrivacyPolicy) -> None:
    assert policy.security is not None
    assert {str(m) for m in policy.security.measures or ()} == {
        "access-control", "encryption", "pseudonymisation", "anonymisation", "need-to-know", "confidentiality-agreements",
    }  # fmt: skip


def test_california_consumers_are_sent_to_a_separate_notice(policy: pm.PrivacyPolicy) -> None:
    [ccpa] = [law for law in policy.laws or () if law.law == pm.LawTerm.CCPA]
    assert ccpa.separate_notice_url == "http://customertimes.tk/ccpa/"
    assert ccpa.applies is None


def test_what_the_notice_does_not_say_stays_unset(policy: pm.PrivacyPolicy) -> None:
    assert policy.retention is None
    assert policy.transfers is None
    assert policy.sale_of_data is None
    assert policy.do_not_track is None
    assert policy.representative is None
    assert policy.dpo is None
    assert policy.certifications is None
