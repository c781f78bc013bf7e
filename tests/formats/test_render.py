"""Rendering: the privacy label (short answers, then the grids) and the details, in Markdown and self-contained HTML."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.formats.render.grid import purpose_grid, recipient_grid
from privacymodel.formats.render.label import facts
from privacymodel.formats.render.words import NOT_STATED, No, duration, lifetime, term
from privacymodel.model.formats import DURATION_DIGITS, FORMATS, ecma_regex
from tests.conftest import EXAMPLES, MINIMAL, ROOT
from tests.helpers import invoke

VOID = {"meta", "br", "hr", "img", "input", "link"}
V11 = MINIMAL.replace("privacymodel: 1.0.0", "privacymodel: 1.1.0")


class _Checker(HTMLParser):
    """Collects tags and checks that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")


def parse_html(text: str) -> _Checker:
    checker = _Checker()
    checker.feed(text)
    checker.close()
    return checker


def label_of(policy: pm.PrivacyPolicy) -> dict[str, str]:
    return dict(facts(policy))


def cells(grid: pm.PrivacyPolicy, which: str = "purposes") -> dict[tuple[str, str], str]:
    shown = purpose_grid(grid) if which == "purposes" else recipient_grid(grid)
    return {
        (row, column): cell.words for row, row_cells in shown.rows for column, cell in zip(shown.columns, row_cells, strict=True)
    }


# --- words ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iso", "words"),
    [
        ("P90D", "90 days"),
        ("P2Y", "2 years"),
        ("P1Y", "1 year"),
        ("P1Y6M", "1 year and 6 months"),
        ("P2W3D", "2 weeks and 3 days"),
        ("PT24H", "24 hours"),
        ("PT0S", "0 seconds"),
        ("P0Y0D", "0 days"),
        ("P0Y1M", "1 month"),
        ("P1Y2M3W4DT5H6M7S", "1 year, 2 months, 3 weeks, 4 days, 5 hours, 6 minutes and 7 seconds"),
        ("P999999999Y", "999,999,999 years"),
        ("PT999999999S", "999,999,999 seconds"),
        ("P007D", "7 days"),
    ],
)
def test_durations_read_as_people_say_them(iso: str, words: str) -> None:
    assert duration(iso) == words


_PART = st.none() | st.integers(0, 10**DURATION_DIGITS - 1)


@given(st.tuples(_PART, _PART, _PART, _PART), st.tuples(_PART, _PART, _PART))
def test_every_duration_the_model_accepts_is_written_exactly(days: tuple[int | None, ...], time: tuple[int | None, ...]) -> None:
    """Each part the model accepts, up to 9 digits, is in the words with its unit; no ISO code is left."""
    date_part = "".join(f"{n}{u}" for n, u in zip(days, "YMWD", strict=True) if n is not None)
    time_part = "".join(f"{n}{u}" for n, u in zip(time, "HMS", strict=True) if n is not None)
    iso = "P" + date_part + (f"T{time_part}" if time_part else "")
    if iso == "P":
        return
    assert ecma_regex(FORMATS["duration"].pattern).search(iso)  # a duration the model accepts
    words = duration(iso)
    assert not re.search(r"\d[YMWDHS]|^P|T\d", words), words
    units = ["year", "month", "week", "day", "hour", "minute", "second"]
    stated = [(n, unit) for n, unit in zip([*days, *time], units, strict=True) if n]
    for n, unit in stated:
        assert f"{n:,} {unit}{'' if n == 1 else 's'}" in words
    if not stated:
        assert words.startswith("0 ")


def test_lifetimes_in_words() -> None:
    assert lifetime("session") == "until you close the browser"
    assert lifetime("persistent").startswith("stays after you close the browser")
    assert lifetime("P13M") == "13 months"
    assert lifetime(None) == NOT_STATED


def test_terms_have_no_codes_and_custom_terms_are_their_description() -> None:
    assert term(pm.PurposeTerm.DIRECT_MARKETING) == "direct marketing"
    assert term(pm.DataCategoryTerm.IP_ADDRESS) == "IP address"
    assert term(pm.LegalBasisTerm.A6_1_A) == "consent (GDPR Art. 6(1)(a))"
    assert term(pm.CustomTerm("x-biography")) == "biography"
    assert term(pm.CustomTerm("x-biography"), "A short biography you write.") == "A short biography you write"
    policy = pm.loads(
        MINIMAL + "data_categories:\n  - id: bio\n    term: x-biography\n    description: What you write about yourself.\n"
    )
    page = pm.render(policy, "md")
    assert "x-biography" not in page
    assert "| What you write about yourself |" in page


# --- the label: short answers --------------------------------------------------------------------


def test_silence_is_not_stated_and_a_denial_is_no() -> None:
    silent = label_of(pm.load(ROOT / "examples" / "customertimes-software-2022.yaml"))
    assert silent["How long it is kept"] == NOT_STATED
    assert silent["Is your data sold"] == NOT_STATED
    assert silent["How to delete your data"] == NOT_STATED
    assert silent["Who receives it"] == "Analytics: Google Analytics"
    said = label_of(pm.load(ROOT / "examples" / "customer360-2014.yaml"))
    assert said["Children"] == "Not for children under 13; does not knowingly collect data of children under 13"
    assert isinstance(said["Children"], No)
    # "Except as described in this Policy": a denial with exceptions is not shown as a plain no.
    assert said["Is your data sold"] == "No; except as described in this Policy"
    assert not isinstance(said["Is your data sold"], No)
    assert "Do Not Track signals ignored" in said["Are you tracked"]
    assert said["Countries it goes to"] == "from the EU and CH to US (Safe Harbor); US and other countries not named (consent)"
    # Three rights to deletion, each for other people: each says whose it is.
    deleting = said["How to delete your data"].split(". For ")
    assert len(deleting) == 3
    assert deleting[0].startswith("For customer, for Customer360's customers, ")
    assert deleting[0].endswith(": email privacy@customer360.co; answer within 30 business days")
    assert deleting[1].startswith("end user of customer, ")
    assert deleting[1].endswith(
        ": direct the query to the applicable Customer360 customer acting as the data controller for the information"
    )
    assert deleting[2] == "People whose personal information is on the blog or community forum: email privacy@customer360.co"


def test_not_stated_and_no_look_different() -> None:
    policy = pm.load(ROOT / "examples" / "customertimes-2020.yaml")
    page = pm.render(policy, "html")
    assert '<span class="no"><span class="sym" aria-hidden="true">✕</span> Not directed at children under 13</span>' in page
    assert '<span class="ns"><span class="sym" aria-hidden="true">?</span> not stated</span>' in page
    assert ".ns { font-style: italic;" in page
    assert ".no { font-weight: 700; }" in page
    markdown = pm.render(policy, "md")
    assert "| **Children** | ✕ Not directed at children under 13 |" in markdown
    assert "| **Is your data sold** | ? not stated |" in markdown


RIGHTS = """\
rights:
  - kind: erasure
    law: gdpr
    contacts: [mail]
    how: Use the form in your account settings.
    response_time: P1M
    response_business_days: 30
    fee: Free of charge.
    jurisdictions: [EU]
  - kind: access
    applies_to: California residents
    contacts: [mail]
"""
CONTACT = "    contacts:\n      - id: mail\n        email: privacy@acme.example\n        purposes: [privacy]\n"


def test_each_right_says_how_how_soon_and_at_what_cost() -> None:
    policy = pm.loads(V11 + CONTACT + RIGHTS)
    label = label_of(policy)
    assert label["How to delete your data"] == (
        "GDPR: email privacy@acme.example or use the form in your account settings; "
        "answer within 1 month or 30 business days; fee: free of charge"
    )
    assert label["What else you can do"] == "For California residents: get a copy of your data. How: as for deleting"
    markdown = pm.render(policy, "md")
    table = markdown.split("### Your rights")[1].split("###")[0]
    assert "| right | who has it | how to use it | answer within | fee | limits |" in table
    assert (
        "| delete your data | under GDPR, for residents of the EU | email privacy@acme.example or use the form in your "
        "account settings | 1 month or 30 business days | Free of charge | ? not stated |"
    ) in table


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_cookie_has_provider_purpose_description_and_lifetime(example: Path) -> None:
    policy = pm.load(example)
    markdown = pm.render(policy, "md")
    table = markdown.split("### Cookies and trackers")[1].split("###")[0]
    assert "| name | provider | purpose | what it does | how long it lasts | kind |" in table
    for cookie in policy.cookies or ():
        if cookie.name:
            assert f"| `{cookie.name}` |" in table
        elif cookie.name_prefix:
            assert f"| `{cookie.name_prefix}…` |" in table
    assert table.count("\n| ") - 1 == len(policy.cookies or ())  # a row each, plus the header
    page = pm.render(policy, "html")
    for cookie in policy.cookies or ():
        if cookie.name:
            assert f"<code>{cookie.name}</code>" in page


def test_cookie_lifetimes_are_words() -> None:
    policy = pm.load(ROOT / "examples" / "customertimes-2020.yaml")
    table = pm.render(policy, "md").split("### Cookies and trackers")[1].split("###")[0]
    assert "| Facebook | ad measurement" not in table  # purposes by what the policy calls them
    assert "stays after you close the browser (how long is not stated)" in table
    assert "persistent" not in table


# --- the label: grids -------------------------------------------------------------------------------


def test_the_grid_ties_data_to_purposes_and_recipients() -> None:
    policy = pm.load(ROOT / "examples" / "customertimes-2020.yaml")
    uses = cells(policy)
    assert uses[("what you do on the site", "Analytics")] == "shared"
    assert uses[("what you do on the site", "Marketing")] == "shared, opt-out"  # Marketo, and the unsubscribe link
    assert uses[("browsing history on other sites", "Advertising")] == "shared"
    assert uses[("email address", "Marketing")] == "collected, opt-out"  # email offers, and the unsubscribe link
    assert uses[("gender", "Marketing")] == NOT_STATED  # Google Analytics collects it; no purpose is stated
    receives = cells(policy, "recipients")
    assert receives[("communication", "Service providers")] == "shared"  # the chat, through Drift
    assert receives[("gender", "Analytics")] == "shared"
    assert receives[("email address", "Analytics")] == NOT_STATED
    assert receives[("email address", "Marketing, ads")] == "no"  # not shared with advertisers without consent


def test_a_sale_denial_is_no_in_every_row() -> None:
    policy = pm.load(ROOT / "examples" / "customer360-2014.yaml")
    uses = cells(policy)
    assert {words for (_, column), words in uses.items() if column == "Selling"} == {"no"}
    assert uses[("communication", "Marketing")] == "shared, opt-in"  # testimonials, published on consent
    assert uses[("name", "Marketing")] == "shared, opt-out"  # also marketing materials, unless people opt out


V11_GRID = """\
data_categories:
  - id: email
    term: email-address
  - id: usage
    term: service-usage
purposes:
  - id: ads
    term: targeted-advertising
  - id: run
    term: service-provision
legal_bases:
  - id: ok
    basis: A6-1-a
  - id: maybe
    basis: A6-1-a
    conditional: true
recipients:
  - id: meta
    name: Meta
    kinds: [social-network, advertising-network]
processing:
  - id: p1
    data: [usage]
    purposes: [ads]
    legal_bases: [ok]
    by: [meta]
  - id: p2
    data: [email]
    purposes: [run]
    legal_bases: [maybe]
prohibitions:
  - operations: [sell]
    qualifier: for money
  - operations: [share]
    data: [email-address]
    recipient_kinds: [advertiser]
  - operations: [use]
    data: [email-address]
    purposes: [targeted-advertising]
"""


def test_the_grid_reads_format_1_1() -> None:
    policy = pm.loads(V11 + V11_GRID)
    uses = cells(policy)
    assert uses[("how you use the service", "Advertising")] == "shared, opt-in"  # done by Meta, on consent
    assert uses[("email address", "Service")] == "collected"  # a conditional basis gives no choice
    assert uses[("email address", "Advertising")] == "no"
    assert uses[("email address", "Selling")] == "no"
    receives = cells(policy, "recipients")
    assert receives[("how you use the service", "Marketing, ads")] == "shared, opt-in"
    assert receives[("how you use the service", "Social networks")] == "shared, opt-in"
    assert receives[("email address", "Marketing, ads")] == "no"
    assert receives[("email address", "Social networks")] == NOT_STATED
    label = label_of(policy)
    assert label["What they say they do not do"] == (
        "Not sell your data for money; not share email address with advertisers; not use email address for targeted advertising"
    )
    # The only other kind of data, the email address, is ruled out for advertising: nothing is left unstated.
    assert label["Used for marketing or ads"] == "Advertising: how you use the service (opt-in)"


def test_sale_for_money_only_is_no_denial() -> None:
    policy = pm.loads(V11 + "sale_of_data:\n  sold: false\n  for_money_only: true\n")
    assert label_of(policy)["Is your data sold"] == "Not for money; other exchanges of value are not ruled out"
    assert not isinstance(label_of(policy)["Is your data sold"], No)


def test_cross_site_trackers_and_data_subjects() -> None:
    text = V11 + (
        "data_subjects:\n  - id: visitors\n    term: visitor\n"
        "cookies:\n  - name: _fbp\n    party: third-party\n    cross_site: true\n    lifetime: P90D\n"
    )
    label = label_of(pm.loads(text))
    assert label["Are you tracked"] == "1 cookie and other trackers, all run by others; followed across other sites: yes"
    assert label["Whose data"] == "Visitor"


def test_transfers_in_words() -> None:
    text = (
        V11
        + "transfers:\n  - origins: [EU]\n    destinations: [US]\n    other_destinations: true\n    mechanisms: [standard-contractual-clauses]\n"
    )
    assert label_of(pm.loads(text))["Countries it goes to"] == (
        "from the EU to US and other countries not named (standard contractual clauses)"
    )


# --- the pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_html_is_well_formed_self_contained_and_accessible(example: Path) -> None:
    page = pm.render(pm.load(example), "html")
    checker = parse_html(page)
    assert checker.errors == []
    assert checker.stack == []
    tags = [tag for tag, _ in checker.tags]
    assert {"script", "link", "img", "iframe", "object", "font"}.isdisjoint(tags)
    assert not any(name in attrs for _, attrs in checker.tags for name in ("src", "href", "style"))
    assert "url(" not in page
    assert "@import" not in page
    assert "@font-face" not in page
    assert "@media print" in page
    assert "@media (max-width" in page
    assert tags.count("h1") == 1
    assert all(attrs.get("scope") in ("col", "row") for tag, attrs in checker.tags if tag == "th")
    assert '<html lang="en">' in page
    headings = [int(tag[1]) for tag in tags if re.fullmatch("h[1-6]", tag)]
    assert all(b - a <= 1 for a, b in itertools.pairwise(headings))  # no level skipped


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_grid_cell_has_a_symbol_and_words(example: Path) -> None:
    """No meaning rests on colour: each cell's class has a symbol and words of its own."""
    page = pm.render(pm.load(example), "html")
    found = re.findall(
        r'<td class="([a-z-]+)"><span class="sym" aria-hidden="true">(.)</span> <span class="word">([a-z ]+)</span>', page
    )
    assert found
    assert {(css, symbol, words) for css, symbol, words in found} <= {
        ("collected", "●", "collected"),
        ("shared", "↗", "shared"),
        ("no", "✕", "no"),
        ("not-stated", "?", "not stated"),
    }


def test_values_are_escaped() -> None:
    text = MINIMAL.replace("Example policy", "<script>alert(1)</script> | *bold*")
    page = pm.render(pm.loads(text), "html")
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    markdown = pm.render(pm.loads(text), "md")
    assert "\\<script\\>" in markdown
    assert "\\| \\*bold\\*" in markdown


def test_grid_headers_and_rows_from_the_policy_are_escaped() -> None:
    text = MINIMAL + (
        "data_categories:\n  - id: d\n    term: x-odd\n    description: '<b>|*x*|</b>'\n"
        "purposes:\n  - id: p\n    term: x-odd\n    description: '# [p](q)'\n"
        "recipients:\n  - id: r\n    kind: x-odd-kind\n    data: [d]\n"
    )
    policy = pm.loads(text)
    markdown = pm.render(policy, "md")
    assert "| \\<b\\>\\|\\*x\\*\\|\\</b\\> |" in markdown
    assert "| Data | odd kind |" in markdown
    page = pm.render(policy, "html")
    assert "&lt;b&gt;|*x*|&lt;/b&gt;" in page
    assert "<b>" not in page


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        pm.render(pm.loads(MINIMAL), "pdf")  # type: ignore[arg-type]


def test_a_policy_that_says_nothing_still_renders() -> None:
    policy = pm.loads(MINIMAL)
    markdown = pm.render(policy, "md")
    assert "The policy names no kinds of data." in markdown
    assert all(answer == NOT_STATED for question, answer in facts(policy) if question != "Who is responsible")
    assert "<table" in pm.render(policy, "html")


def test_command_writes_a_file(tmp_path: Path) -> None:
    out = tmp_path / "summary.html"
    result = invoke("render", "--format", "html", "--out", str(out), "examples/customers-ai-2023.yaml")
    assert result.returncode == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    bad = invoke("render", "-", stdin=b"privacymodel: 1.0.0\n")
    assert bad.returncode == 1
    assert "PM102" in bad.stderr
