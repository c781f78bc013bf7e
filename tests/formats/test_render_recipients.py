"""What the label says each recipient gets: read from its own entry and from every statement that names it."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.formats.render.changes import change_report
from privacymodel.formats.render.grid import received, recipient_grid, recipient_groups
from privacymodel.formats.render.label import facts
from privacymodel.formats.render.words import term
from privacymodel.strategies import policies
from tests.conftest import MINIMAL, ROOT

V11 = MINIMAL.replace("privacymodel: 1.0.0", "privacymodel: 1.1.0")

LINKED = """\
data_categories:
  - id: email
    term: email-address
  - id: usage
    term: service-usage
  - id: ip
    term: ip-address
  - id: files
    term: x-uploaded-files
    description: Files you upload.
purposes:
  - id: ads
    term: targeted-advertising
  - id: support
    term: customer-care
  - id: hosting
    term: service-provision
recipients:
  - id: helpdesk
    name: Helpdesk Inc.
    kind: service-provider
  - id: adnet
    name: AdNet
    kind: advertising-network
  - id: host
    name: Cloud Host
    kind: hosting-provider
  - id: listed
    name: Listed Ltd
    kind: business-partner
    data: [email]
    purposes: [support]
  - id: silent
    name: Silent Partner
    kind: business-partner
processing:
  - id: tickets
    operations: [share]
    data: [email]
    purposes: [support]
    recipients: [helpdesk]
  - id: tracking
    operations: [track-third-party]
    data: [usage]
    purposes: [ads]
    by: [adnet, acme]
  - id: storage
    operations: [store]
    purposes: [hosting]
    recipients: [host]
cookies:
  - name: adnet_id
    provider: adnet
    data: [ip]
transfers:
  - destinations: [US]
    recipients: [host]
    data: [files]
"""


def recipients_table(markdown: str) -> dict[str, list[str]]:
    """The rows of the details' recipients table by recipient, cell by cell after the first."""
    part = markdown.split("### Recipients\n")[1].split("\n### ", maxsplit=1)[0]
    rows = [line for line in part.splitlines() if line.startswith("| ")][1:]
    cells = [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows]
    return {row[0]: row[1:] for row in cells}


def test_what_a_recipient_gets_comes_from_every_statement_that_names_it() -> None:
    policy = pm.loads(V11 + LINKED)
    gets = received(policy)
    assert (gets["helpdesk"].data, gets["helpdesk"].purposes) == (("email",), ("support",))  # given by a statement
    assert (gets["adnet"].data, gets["adnet"].purposes) == (("usage", "ip"), ("ads",))  # what it does itself, its cookie
    assert (gets["host"].data, gets["host"].purposes) == (("files",), ("hosting",))  # a transfer; a statement's purpose
    assert (gets["listed"].data, gets["listed"].purposes) == (("email",), ("support",))  # its own entry
    assert (gets["silent"].data, gets["silent"].purposes) == ((), ())
    assert "acme" not in gets  # `by` names a controller too: not a recipient


def test_the_recipients_table_shows_what_each_gets_and_why() -> None:
    policy = pm.loads(V11 + LINKED)
    table = recipients_table(pm.render(policy, "md"))
    assert table["Helpdesk Inc."][1:3] == ["email address", "customer care"]
    assert table["AdNet"][1:3] == ["how you use the service and IP address", "targeted advertising"]
    assert table["Cloud Host"][1:3] == ["Files you upload", "service provision"]
    assert table["Listed Ltd"][1:3] == ["email address", "customer care"]
    assert table["Silent Partner"][1:3] == ["? not stated", "? not stated"]
    page = pm.render(policy, "html")
    assert ">how you use the service and IP address</td>" in page


def test_the_examples_say_what_recipients_given_data_by_statements_get() -> None:
    table = recipients_table(pm.render(pm.load(ROOT / "examples" / "customertimes-2020.yaml"), "md"))
    assert table["Drift"][1:3] == ["communication and what you do on the site", "communication management"]
    assert table["advertisers"][1:3] == ["browsing history on other sites and unique identifier", "targeted advertising"]
    customer360 = recipients_table(pm.render(pm.load(ROOT / "examples" / "customer360-2014.yaml"), "md"))
    assert customer360["the public"][1:3] == ["communication and name", "public relations"]  # forums and testimonials


def test_a_recipient_removed_says_what_it_got() -> None:
    old = pm.loads(V11 + LINKED)
    without = LINKED.replace("  - id: helpdesk\n    name: Helpdesk Inc.\n    kind: service-provider\n", "")
    new = pm.loads(V11 + without.replace("    recipients: [helpdesk]\n", ""))
    report = change_report(old, new, pm.diff(old, new), "md")
    assert "| Recipient removed | Helpdesk Inc., receives email address | not in this version |" in report


@settings(max_examples=40)
@given(policies(), st.data())
def test_the_recipients_table_agrees_with_the_recipient_grid(policy: pm.PrivacyPolicy, data: st.DataObject) -> None:
    """Data a recipient gets is 'shared' in its columns of the grid, and every 'shared' cell has such a recipient."""
    # A kind of data and a recipient, added where the policy has none, and a statement that gives the one to the other.
    category = pm.DataCategory(id="linked-data", term=data.draw(st.sampled_from(list(pm.DataCategoryTerm))))
    recipient = pm.Recipient(id="linked-recipient", kind=data.draw(st.sampled_from(list(pm.RecipientKind))))
    policy = attrs.evolve(
        policy,
        data_categories=policy.data_categories or (category,),
        recipients=policy.recipients or (recipient,),
    )
    categories = [d.id for d in policy.data_categories or ()]
    recipients = [r.id for r in policy.recipients or ()]
    given_to = tuple(data.draw(st.lists(st.sampled_from(recipients), min_size=1, unique=True)))
    by = data.draw(st.booleans())  # given to them, or done by them
    linking = pm.Processing(
        id="linking-statement",
        data=tuple(data.draw(st.lists(st.sampled_from(categories), min_size=1, unique=True))),
        recipients=None if by else given_to,
        by=given_to if by else None,
    )
    policy = attrs.evolve(policy, processing=(*(policy.processing or ()), linking))
    gets = received(policy)
    grid = recipient_grid(policy)
    rows: dict[str, set[str]] = {}
    for d in policy.data_categories or ():
        rows.setdefault(term(d.term, d.description), set()).add(d.id)
    shared = {
        (label, column)
        for label, cells in grid.rows
        for column, cell in zip(grid.columns, cells, strict=True)
        if cell.state == "shared"
    }
    expected = {
        (label, group)
        for r in policy.recipients or ()
        for group in recipient_groups(r)
        for label, ids in rows.items()
        if ids & set(gets[r.id].data)
    }
    assert shared == expected
    assert all(set(linking.data or ()) <= set(gets[r].data) for r in given_to)


def test_an_unnamed_recipient_of_several_kinds_is_named_by_the_kind_of_each_column() -> None:
    text = V11 + "recipients:\n  - id: group\n    kinds: [business-partner, affiliate]\n"
    policy = pm.loads(text)
    assert dict(facts(policy))["Who receives it"] == "Partners: business partners; Group companies: group companies"
    grid = recipient_grid(policy)
    assert dict(zip(grid.columns, grid.members, strict=True)) == {
        "Group companies": "group companies",
        "Partners": "business partners",
    }
    named = pm.loads(text.replace("    kinds:", "    name: Acme Group\n    kinds:"))
    assert dict(facts(named))["Who receives it"] == "Partners: Acme Group; Group companies: Acme Group"
