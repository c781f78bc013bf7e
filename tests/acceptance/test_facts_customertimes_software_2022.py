"""What the Customertimes Software ("CTS") Privacy Notice (updated 21 June 2022) states, and what its encoding must not add.

The notice is a shorter, later version of the Customertimes Corp notice of 2020: its section 3 repeats section 2 and
it ends after the cookie section. Each test is one fact read from its text, checked through the loaded model by
content (terms, kinds, names), never by the ids the example happens to use; the must-nots are what the 2020 notice
says and this one does not.
"""

from __future__ import annotations

import pytest

import privacymodel as pm
from tests.acceptance.facts import purpose_terms, purposes_tied_to, warned_categories
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "customertimes-software-2022.yaml"
GOOGLE_ANALYTICS_COOKIES = {"_gid", "_ga", "_gat_gtag_", "NID", "ANID", "1P_JAR"}
MEASURED_BY_GOOGLE_ANALYTICS = {"browsing-behaviour", "country", "city", "user-agent", "browsing-referral", "device-information"}


@pytest.fixture(scope="module")
def policy() -> pm.PrivacyPolicy:
    return pm.load(EXAMPLE)


# Small readers of the model, by content.


# What the notice states.


def test_the_controller_is_customertimes_software_with_no_contact_details(policy: pm.PrivacyPolicy) -> None:
    [controller] = policy.controllers
    assert controller.name == "Customertimes Software"
    assert controller.aliases == ("CTS",)
    assert controller.contacts is None
    assert controller.address is None
    assert policy.document.last_updated is not None
    assert policy.document.last_updated.isoformat() == "2022-06-21"


def test_using_the_site_is_said_to_mean_accepting_the_notice_and_its_changes(policy: pm.PrivacyPolicy) -> None:
    assert policy.document.acceptance_by_use is True
    changes = policy.policy_changes
    assert changes is not None
    assert changes.acceptance_by_continued_use is True
    assert changes.material_change_requires_consent is True
    assert set(changes.notification or ()) == {pm.NotificationMethod.WEBSITE, pm.NotificationMethod.EMAIL}


def test_no_one_is_required_to_provide_data_and_cookies_can_be_refused(policy: pm.PrivacyPolicy) -> None:
    assert [r.required for r in policy.provision_requirements or ()] == [False]
    [right] = policy.rights or ()
    assert right.kind == pm.RightKind.COOKIE_OPT_OUT
    assert right.law is None


def test_the_three_sources_are_stated_and_the_other_sources_are_not_named(policy: pm.PrivacyPolicy) -> None:
    sources = {s for c in policy.data_categories or () for s in c.sources or ()}
    assert sources == {pm.DataSource.PROVIDED, pm.DataSource.OBSERVED, pm.DataSource.UNSPECIFIED}


def test_google_analytics_measures_visits_place_browser_referrer_and_device(policy: pm.PrivacyPolicy) -> None:
    [analytics] = policy.recipients or ()
    assert (analytics.name, analytics.kind) == ("Google Analytics", pm.RecipientKind.ANALYTICS_PROVIDER)
    assert {str(c.term) for c in policy.data_categories or ()} - {"personal-data"} == MEASURED_BY_GOOGLE_ANALYTICS
    for term in MEASURED_BY_GOOGLE_ANALYTICS:
        assert purposes_tied_to(policy, term) == {"service-usage-analytics"}, term
    assert any(analytics.id in (p.by or ()) for p in policy.processing or ())


def test_the_six_cookies_serve_the_two_stated_uses_of_cookies(policy: pm.PrivacyPolicy) -> None:
    [analytics] = policy.recipients or ()
    cookies = policy.cookies or ()
    assert {c.name or c.name_prefix for c in cookies} == GOOGLE_ANALYTICS_COOKIES
    assert len(cookies) == len(GOOGLE_ANALYTICS_COOKIES)
    for cookie in cookies:
        assert cookie.provider == analytics.id
        assert purpose_terms(policy, cookie.purposes) == {"service-usage-analytics", "personalised-advertising"}


def test_provided_data_and_data_from_other_sources_serve_no_stated_purpose() -> None:
    """Section 3, "How will we use your data?", repeats section 2 and names no use."""
    untied = warned_categories(EXAMPLE, pm.Code.UNTIED_DATA)
    assert sorted(str(s) for c in untied for s in c.sources or ()) == ["provided", "unspecified"]
    assert {str(c.term) for c in untied} == {"personal-data"}
    assert {p.code for p in pm.validate_file(EXAMPLE)} == {pm.Code.UNTIED_DATA}


# What the 2020 notice says and this one does not.


def test_nothing_is_borrowed_from_the_2020_notice(policy: pm.PrivacyPolicy) -> None:
    assert policy.legal_bases is None
    assert policy.children is None
    assert policy.security is None
    assert policy.laws is None
    assert policy.automated_decision_making is None
    assert policy.choices is None
    assert policy.prohibitions is None
    assert policy.supervisory_authority is None
    assert policy.recourse is None
    assert policy.data_subjects is None


def test_no_advertising_partner_or_other_tool_is_named(policy: pm.PrivacyPolicy) -> None:
    names = {r.name for r in policy.recipients or ()}
    assert names.isdisjoint({"Google", "Drift", "Facebook", "Marketo", "LinkedIn"})
    kinds = {str(r.kind) for r in policy.recipients or ()} | {str(k) for r in policy.recipients or () for k in r.kinds or ()}
    assert kinds.isdisjoint({"advertiser", "advertising-network", "service-provider"})


def test_no_data_the_2020_notice_names_and_this_one_does_not(policy: pm.PrivacyPolicy) -> None:
    terms = {str(c.term) for c in policy.data_categories or ()}
    never = {"name", "email-address", "telephone-number", "physical-address", "gender", "age", "interest",
             "browser-history", "unique-identifier", "communication", "communications-metadata", "interaction"}  # fmt: skip
    assert terms.isdisjoint(never)


def test_no_marketing_use_and_no_cross_site_tracking_is_stated(policy: pm.PrivacyPolicy) -> None:
    purposes = {str(p.term) for p in policy.purposes or ()}
    assert purposes.isdisjoint({"direct-marketing", "targeted-advertising", "communication-management"})
    operations = {str(o) for p in policy.processing or () for o in p.operations or ()}
    assert operations.isdisjoint({"track-across-sites", "track-third-party", "identify", "share", "sell"})
    assert all(c.cross_site is None for c in policy.cookies or ())


def test_what_the_notice_does_not_say_stays_unset(policy: pm.PrivacyPolicy) -> None:
    assert policy.retention is None
    assert policy.transfers is None
    assert policy.sale_of_data is None
    assert policy.do_not_track is None
    assert policy.representative is None
    assert policy.dpo is None
