"""A policy against captures of a visit: each kind of finding, where it is placed, and what is not a finding."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.formats.evidence import check_capture, known_trackers
from privacymodel.formats.evidence.cookies import cookie_date, declared_seconds, in_words, iso_time, parse_set_cookie
from privacymodel.formats.evidence.hosts import covers, host_of, same_site, site_of
from tests.formats.evidence_helpers import SHOP_HAR, SHOP_POLICY, WEC, capture, codes, entry, har, policy

SITE = "http://www.shop.test/"


def findings(document: dict[str, object], declared: pm.PrivacyPolicy, site: str | None = None) -> list[pm.Problem]:
    return check_capture(declared, capture(document), site=site)[0]


# --- the committed captures of a real visit ---------------------------------------------------------------


def test_a_recorded_visit_gives_each_kind_of_finding_at_its_line() -> None:
    problems = pm.evidence(pm.load(SHOP_POLICY), [SHOP_HAR])
    shown = [(p.code, p.file, p.path.split(".")[2] if p.file else p.path) for p in problems]
    assert shown == [
        ("PM513", str(SHOP_HAR), "entries[0]"),  # prefs: a year, declared 30 days
        ("PM512", str(SHOP_HAR), "entries[2]"),  # uid: declared first-party, set by tracker.test
        ("PM514", str(SHOP_HAR), "entries[3]"),  # ads.test: no recipient covers it
        ("PM511", str(SHOP_HAR), "entries[3]"),  # IDE, from ads.test
        ("PM511", str(SHOP_HAR), "entries[4]"),  # _fbp, set by the page's script and sent back
        ("PM515", None, "$.cookies[3]"),  # _ga is declared but never set
    ]
    lines = SHOP_HAR.read_text(encoding="utf-8").splitlines()
    for problem in problems[:-1]:
        assert problem.line is not None
        assert problem.column is not None
        assert lines[problem.line - 1][problem.column - 1] in '{"'  # the item's own line, where it starts
    at = problems[0].line or 0
    assert "prefs=dark; Max-Age=31536000" in "".join(lines[at - 1 : at + 2])  # the Set-Cookie header that shows it
    assert [p.severity for p in problems] == ["error"] * 5 + ["warning"]


def test_the_messages_name_the_cookie_the_host_and_what_was_declared() -> None:
    messages = [p.message for p in pm.evidence(pm.load(SHOP_POLICY), [SHOP_HAR])]
    assert messages == [
        "cookie 'prefs' set by site.test lasts 365 days; the policy declares P30D, at most 30 days ($.cookies[1])",
        "cookie 'uid' is declared first-party ($.cookies[2]) but is set by tracker.test, another site than site.test",
        "third-party host ads.test is contacted but no recipient's domains cover it",
        "undeclared third-party cookie 'IDE' set by ads.test",
        "undeclared first-party cookie '_fbp' (Facebook, marketing) sent to site.test",
        "cookie '_ga' is declared but no capture shows it",
    ]


def test_the_evidence_collector_output_of_the_same_visit_gives_the_same_findings() -> None:
    from_har = [(p.code, p.message.replace("sent to", "set by")) for p in pm.evidence(pm.load(SHOP_POLICY), [SHOP_HAR])]
    from_wec = [(p.code, p.message) for p in pm.evidence(pm.load(SHOP_POLICY), [WEC])]
    assert sorted(from_wec) == sorted(from_har)


def test_a_cookie_seen_in_any_capture_is_observed() -> None:
    declared = policy(cookies=[{"name": "a"}, {"name": "b"}])
    one = capture(har(entry(SITE, set_cookies=("a=1",))), "one.har")
    two = capture(har(entry(SITE, set_cookies=("b=1",))), "two.har")
    assert codes(pm.evidence(declared, [one, two])) == []
    assert codes(pm.evidence(declared, [one])) == ["PM515"]
    assert pm.evidence(declared, []) == []  # nothing read: nothing can be said to be missing


# --- undeclared cookies ------------------------------------------------------------------------------------


def test_an_undeclared_cookie_is_reported_once_with_its_party_and_host() -> None:
    document = har(
        entry(SITE, set_cookies=("basket=1; Path=/",)),
        entry("http://cdn.shop.test/x.js", set_cookies=("basket=2; Domain=shop.test",)),
        entry("http://px.ads.test/p.gif", set_cookies=("basket=3",)),
    )
    problems = findings(document, policy(domains=["ads.test"]))
    assert [(p.code, p.message) for p in problems] == [
        ("PM511", "undeclared first-party cookie 'basket' set by www.shop.test"),
        ("PM511", "undeclared third-party cookie 'basket' set by px.ads.test"),
    ]
    assert problems[0].path == "$.log.entries[0].response.headers[1]"


def test_a_declaration_covers_by_name_or_prefix_and_by_domain() -> None:
    declared = policy(
        cookies=[
            {"name": "sid"},
            {"name_prefix": "ab_"},
            {"name": "IDE", "domain": "doubleclick.net"},
        ]
    )
    document = har(
        entry(SITE, set_cookies=("sid=1", "ab_test=1", "abx=1")),
        entry("https://ad.doubleclick.net/x", set_cookies=("IDE=1",)),
        entry("https://ads.test/x", set_cookies=("IDE=1",)),
    )
    problems = [p for p in findings(document, declared) if p.code == "PM511"]
    assert [p.message for p in problems] == [
        "undeclared first-party cookie 'abx' set by www.shop.test",
        "undeclared third-party cookie 'IDE' set by ads.test: the policy declares it only for doubleclick.net",
    ]


def test_known_trackers_are_named_from_the_open_cookie_database() -> None:
    document = har(
        entry(SITE, sent=("_fbp",)),
        entry("https://ad.doubleclick.net/x", set_cookies=("IDE=1",)),
        entry("https://px.unknown.test/x", set_cookies=("IDE=2",)),
        entry(SITE, set_cookies=("_ga_ABC123=1",)),
    )
    messages = [p.message for p in findings(document, policy()) if p.code == "PM511"]
    assert messages == [
        "undeclared first-party cookie '_fbp' (Facebook, marketing) sent to www.shop.test",
        "undeclared third-party cookie 'IDE' (DoubleClick/Google Marketing, marketing) set by ad.doubleclick.net",
        "undeclared third-party cookie 'IDE' set by px.unknown.test",  # a common name on a host it is not known on
        "undeclared first-party cookie '_ga_ABC123' (Google Analytics, analytics) set by www.shop.test",
    ]


def test_a_cookie_sent_is_left_to_the_response_that_set_it() -> None:
    document = har(entry(SITE, set_cookies=("sid=1",)), entry(SITE + "next", sent=("sid",)))
    problems = findings(document, policy())
    assert [(p.code, p.path) for p in problems] == [("PM511", "$.log.entries[0].response.headers[1]")]


def test_what_browsers_refuse_or_delete_is_not_a_cookie_set() -> None:
    document = har(
        entry(
            SITE,
            set_cookies=(
                "gone=1; Max-Age=0",
                "old=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
                "elsewhere=1; Domain=other.test",
                "novalue",
                "=nameless",
            ),
        )
    )
    assert findings(document, policy()) == []


def test_a_cookie_is_undeclared_when_only_another_technology_declares_it() -> None:
    declared = policy(cookies=[{"name": "seen", "technology": "local-storage"}])
    assert codes(findings(har(entry(SITE, set_cookies=("seen=1",))), declared)) == ["PM511"]
    assert codes(pm.evidence(declared, [capture(har(entry(SITE)))])) == []  # and it is not awaited as a cookie


@given(
    names=st.lists(st.text(alphabet="abc_", min_size=1, max_size=4), min_size=1, max_size=6, unique=True),
    exact=st.lists(st.text(alphabet="abc_", min_size=1, max_size=4), max_size=4),
    prefixes=st.lists(st.text(alphabet="abc_", min_size=1, max_size=3), max_size=3),
)
def test_a_cookie_is_undeclared_exactly_when_no_declaration_covers_it(
    names: list[str], exact: list[str], prefixes: list[str]
) -> None:
    declared = policy(cookies=[{"name": n} for n in exact] + [{"name_prefix": p} for p in prefixes])
    document = har(entry(SITE, set_cookies=tuple(f"{name}=1" for name in names)))
    reported = [p.message.split("'")[1] for p in findings(document, declared) if p.code == "PM511"]
    assert reported == [n for n in names if n not in exact and not any(n.startswith(p) for p in prefixes)]


# --- party, lifetime, hosts -----------------------------------------------------------------------------------


def test_a_cookie_of_the_other_party_than_declared() -> None:
    declared = policy(
        cookies=[{"name": "own", "party": "third-party"}, {"name": "theirs", "party": "first-party"}],
        domains=["ads.test"],
    )
    document = har(entry(SITE, set_cookies=("own=1",)), entry("https://ads.test/p", set_cookies=("theirs=1",)))
    assert [(p.code, p.message) for p in findings(document, declared)] == [
        ("PM512", "cookie 'own' is declared third-party ($.cookies[0]) but is set by www.shop.test, the site itself"),
        ("PM512", "cookie 'theirs' is declared first-party ($.cookies[1]) but is set by ads.test, another site than shop.test"),
    ]


@pytest.mark.parametrize(
    ("header", "declared", "longer"),
    [
        ("c=1; Max-Age=31536000", "P1Y", False),  # a year fits a year
        ("c=1; Max-Age=34214400", "P1Y", True),  # 396 days
        ("c=1; Max-Age=2678400", "P1M", False),  # 31 days fit a month
        ("c=1; Max-Age=2592060", "P30D", False),  # a minute over: the clocks' grace
        ("c=1; Max-Age=2592200", "P30D", True),
        ("c=1; Expires=Mon, 21 Dec 2026 12:00:00 GMT", "P30D", False),  # counted from the response's Date
        ("c=1; Expires=Wed, 23 Dec 2026 12:00:00 GMT", "P30D", True),
        ("c=1; Expires=Tue, 22 Dec 2026 12:00:00 GMT; Max-Age=60", "PT1H", False),  # Max-Age wins
        ("c=1", "PT1M", False),  # a session cookie lasts no longer than any period
        ("c=1; Max-Age=60", "session", True),
        ("c=1; Max-Age=999999999", "persistent", False),
    ],
)
def test_a_cookie_lasting_longer_than_declared(header: str, declared: str, longer: bool) -> None:
    problems = findings(har(entry(SITE, set_cookies=(header,))), policy(cookies=[{"name": "c", "lifetime": declared}]))
    assert codes(problems) == (["PM513"] if longer else [])


def test_a_lifetime_is_counted_from_the_entry_without_a_date_header() -> None:
    document = har(entry(SITE, set_cookies=("c=1; Expires=Tue, 24 Nov 2026 12:00:00 GMT",), date=None))
    [problem] = findings(document, policy(cookies=[{"name": "c", "lifetime": "P1D"}]))
    assert (
        problem.message == "cookie 'c' set by www.shop.test lasts 2 days; the policy declares P1D, at most 1 day ($.cookies[0])"
    )


def test_a_third_party_host_no_recipient_covers() -> None:
    document = har(
        entry(SITE),
        entry("https://static.shop.test/app.js"),  # the site's own
        entry("https://cdn.partner.test/x.js"),  # a subdomain of a recipient's domain
        entry("https://connect.facebook.com/en_US/fbevents.js"),
        entry("https://connect.facebook.com/signals/config"),
        entry("wss://live.other.test/socket"),
        entry("data:image/gif;base64,R0lGOD"),  # contacts no host
    )
    problems = findings(document, policy(domains=["partner.test"]))
    assert [(p.message, p.path) for p in problems] == [
        (
            "third-party host connect.facebook.com (Facebook) is contacted but no recipient's domains cover it",
            "$.log.entries[3].request.url",
        ),
        ("third-party host live.other.test is contacted but no recipient's domains cover it", "$.log.entries[5].request.url"),
    ]


def test_the_site_is_the_first_page_unless_given() -> None:
    document = har(entry("https://www.shop.test/"), entry("https://shop.test/api"), entry("https://blog.shop.test/"))
    assert capture(document).site == "shop.test"
    assert codes(findings(document, policy())) == []
    assert [p.message for p in findings(document, policy(), site="www.shop.test")] == [
        "third-party host blog.shop.test is contacted but no recipient's domains cover it"
    ]


# --- the pieces --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wed, 21 Oct 2015 07:28:00 GMT", (2015, 10, 21, 7, 28, 0)),
        ("Thu, 01-Jan-70 00:00:01 GMT", (1970, 1, 1, 0, 0, 1)),
        ("Sunday, 06-Nov-94 08:49:37 GMT", (1994, 11, 6, 8, 49, 37)),
        ("Sun Nov  6 08:49:37 1994", (1994, 11, 6, 8, 49, 37)),
        ("6 nov 2030 1:2:3", (2030, 11, 6, 1, 2, 3)),
        ("Fri, 31 Feb 2025 00:00:00 GMT", None),
        ("Fri, 1 Jan 1600 00:00:00 GMT", None),
        ("tomorrow", None),
        ("", None),
    ],
)
def test_cookie_dates_are_read_as_browsers_read_them(text: str, expected: tuple[int, ...] | None) -> None:
    date = cookie_date(text)
    assert (None if date is None else (date.year, date.month, date.day, date.hour, date.minute, date.second)) == expected


def test_capture_times_and_declared_periods() -> None:
    assert iso_time("2024-05-30T12:53:45.153Z") == iso_time("2024-05-30T14:53:45.153+02:00")
    assert iso_time("2024-05-30T12:53:45") is not None
    assert iso_time("2024-13-30T12:53:45Z") is None
    assert iso_time("yesterday") is None
    assert declared_seconds("P1Y") == 366 * 86400
    assert declared_seconds("P1M2DT3H") == 33 * 86400 + 3 * 3600
    assert declared_seconds("session") is None
    assert declared_seconds("P") is None
    assert [in_words(s) for s in (1, 59, 90, 7200, 86400, 129600, 400 * 86400)] == [
        "1 second", "59 seconds", "1.5 minutes", "2 hours", "1 day", "1.5 days", "400 days",
    ]  # fmt: skip


def test_set_cookie_attributes() -> None:
    parsed = parse_set_cookie(" id = abc ; Domain=.Shop.TEST; path=/a; max-age=10; MAX-AGE=20; Expires=nonsense; HttpOnly")
    assert parsed is not None
    assert (parsed.name, parsed.value_length, parsed.domain, parsed.path, parsed.max_age, parsed.expires) == (
        "id", 3, "shop.test", "/a", 20, None,
    )  # fmt: skip
    huge = parse_set_cookie("id=1; Max-Age=" + "9" * 5000)
    assert huge is not None
    assert huge.max_age == 10**12


def test_hosts_and_domains() -> None:
    assert host_of("https://WWW.Shop.test.:8443/a?b") == "www.shop.test"
    assert host_of("blob:https://shop.test/1") is None
    with pytest.raises(ValueError, match=r"(?i)port"):
        host_of("https://shop.test:99999/")
    assert covers("shop.test", "a.b.shop.test")
    assert not covers("shop.test", "evilshop.test")
    assert same_site("shop.test", "www.shop.test")
    assert same_site("www.shop.test", "shop.test")
    assert not same_site("blog.shop.test", "www.shop.test")
    assert site_of("www.shop.test") == "shop.test"
    assert site_of("www.test") == "www.test"


@given(
    st.text(alphabet=string.ascii_lowercase + ".", min_size=1, max_size=12),
    st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=5),
)
def test_a_domain_covers_every_subdomain_of_itself(domain: str, label: str) -> None:
    if covers(domain, domain):
        assert covers(domain, f"{label}.{domain.strip('.')}")


def test_the_shipped_tracker_facts_load() -> None:
    trackers = known_trackers()
    assert len(trackers) > 2000
    fact = trackers.for_cookie("_fbp", "shop.test", first_party=True)
    assert fact is not None
    assert fact.describe() == "Facebook, marketing"
    assert trackers.for_cookie("_fbp", "ads.test", first_party=False) is None
    assert trackers.for_host("stats.g.doubleclick.net") == "DoubleClick/Google Marketing"
    assert trackers.for_host("shop.test") is None
