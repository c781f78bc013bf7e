"""Semantic comparison: identity rules, each kind of change, and the command."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.checks import diff as diff_module
from privacymodel.checks.diff import _match, _Side, summary
from privacymodel.strategies import policies
from tests.conftest import MINIMAL, ROOT
from tests.helpers import invoke

BASE = MINIMAL + (
    "    contacts:\n      - id: mail\n        email: privacy@acme.example\n"
    "purposes:\n  - id: ads\n    term: advertising\n"
    "recipients:\n  - id: g\n    name: Google\n  - id: partners\n    kind: business-partner\n"
    "cookies:\n  - name: _ga\n    provider: g\n    lifetime: P2Y\n  - name: _gid\n    provider: g\n"
    "retention:\n  - id: r\n    period: P1Y\n"
    "rights:\n  - kind: access\n    law: gdpr\n    contacts: [mail]\n  - kind: erasure\n    law: gdpr\n"
    "do_not_track:\n  honoured: true\n"
)


def changes(old: str, new: str) -> list[tuple[str, str, str, bool]]:
    return [(c.kind, c.item, c.path, c.reduces) for c in pm.diff(pm.loads(old), pm.loads(new))]


def test_a_policy_has_no_changes_from_itself() -> None:
    assert changes(BASE, BASE) == []


def test_reordering_and_renaming_ids_is_not_a_change() -> None:
    reordered = BASE.replace(
        "  - name: _ga\n    provider: g\n    lifetime: P2Y\n  - name: _gid\n    provider: g\n",
        "  - name: _gid\n    provider: g\n  - name: _ga\n    provider: g\n    lifetime: P2Y\n",
    )
    renamed = (
        reordered.replace("id: g\n", "id: google\n")
        .replace("provider: g\n", "provider: google\n")
        .replace("id: mail", "id: m")
        .replace("[mail]", "[m]")
    )
    assert changes(BASE, renamed) == []


@given(policies(max_items=3))
def test_generated_policy_against_a_shuffled_copy(policy: pm.PrivacyPolicy) -> None:
    """Shuffling every list that is matched by identity changes nothing."""
    data = pm.unstructure(policy)
    rng = random.Random(0)  # noqa: S311 - a shuffle, not cryptography
    for key in (
        "data_subjects",
        "data_categories",
        "purposes",
        "legal_bases",
        "recipients",
        "cookies",
        "rights",
        "laws",
        "certifications",
        "prohibitions",
        "recourse",
    ):
        if data.get(key):
            rng.shuffle(data[key])
    assert pm.diff(policy, pm.structure(data)) == ()


def test_right_removed_is_flagged() -> None:
    new = BASE.replace("  - kind: erasure\n    law: gdpr\n", "")
    assert changes(BASE, new) == [("removed", "right erasure under gdpr", "$.rights[1]", True)]


def test_new_recipient_and_purpose_are_flagged() -> None:
    new = BASE.replace("  - id: partners\n", "  - id: fb\n    name: Facebook\n  - id: partners\n").replace(
        "    term: advertising\n", "    term: advertising\n  - id: sell\n    term: sell-data-to-third-parties\n"
    )
    found = pm.diff(pm.loads(BASE), pm.loads(new))
    assert {(c.kind, c.item, c.reduces, c.reason) for c in found} == {
        ("added", "recipient Facebook", True, "a new recipient"),
        ("added", "purpose sell-data-to-third-parties", True, "a new purpose"),
    }


def reductions(old: str, new: str) -> list[tuple[str, str, str, str | None]]:
    return [(c.kind, c.item, c.path, c.reason) for c in pm.diff(pm.loads(old), pm.loads(new)) if c.reduces]


def test_more_data_is_flagged_but_a_provision_requirement_is_not() -> None:
    more = reductions(BASE, BASE + "data_categories:\n  - id: e\n    term: email-address\n")
    assert more == [("added", "data category email-address", "$.data_categories[0]", "more data is collected")]
    requirement = BASE + "provision_requirements:\n  - required: false\n"
    assert [(k, p, r) for k, _, p, r in changes(BASE, requirement)] == [("added", "$.provision_requirements[0]", False)]


def test_new_tracker_is_flagged_and_a_removed_one_is_not() -> None:
    tracker = BASE.replace(
        "  - name: _gid\n    provider: g\n", "  - name: _gid\n    provider: g\n  - name: _fbp\n    provider: partners\n"
    )
    assert reductions(BASE, tracker) == [("added", "tracker _fbp (business-partner)", "$.cookies[2]", "a new tracker")]
    assert reductions(tracker, BASE) == []


def test_new_transfer_is_flagged() -> None:
    old = BASE + "transfers:\n  - destinations: [US]\n    mechanisms: [standard-contractual-clauses]\n"
    new = old + "  - destinations: [IN]\n"
    assert reductions(old, new) == [("added", "transfer IN", "$.transfers[1]", "a new international transfer")]
    assert reductions(new, old) == []


def test_data_now_sold_is_flagged_and_no_longer_sold_is_not() -> None:
    unsold, sold = BASE + "sale_of_data:\n  sold: false\n", BASE + "sale_of_data:\n  sold: true\n"
    assert reductions(unsold, sold) == [("changed", "sale of data", "$.sale_of_data.sold", "data is now sold")]
    assert changes(sold, unsold) == [("changed", "sale of data", "$.sale_of_data.sold", False)]


def test_longer_retention_is_flagged_and_shorter_is_not() -> None:
    longer = changes(BASE, BASE.replace("period: P1Y", "period: P2Y"))
    assert longer == [("changed", "retention statement r", "$.retention[0].period", True)]
    assert changes(BASE, BASE.replace("period: P1Y", "period: P6M"))[0][3] is False


def test_changed_field_of_a_matched_item() -> None:
    [change] = pm.diff(pm.loads(BASE), pm.loads(BASE.replace("lifetime: P2Y", "lifetime: P13M")))
    assert (change.topic, change.kind, change.item, change.path, change.old, change.new) == (
        "cookies", "changed", "tracker _ga (Google)", "$.cookies[0].lifetime", "P2Y", "P13M"
    )  # fmt: skip


def test_a_cookie_from_another_provider_is_another_cookie() -> None:
    new = BASE.replace("  - name: _gid\n    provider: g\n", "  - name: _gid\n    provider: partners\n")
    assert [(k, i) for k, i, _, _ in changes(BASE, new)] == [
        ("removed", "tracker _gid (Google)"),
        ("added", "tracker _gid (business-partner)"),
    ]


def test_do_not_track_no_longer_honoured_and_contact_removed() -> None:
    new = BASE.replace("honoured: true", "honoured: false")
    assert changes(BASE, new) == [("changed", "do not track", "$.do_not_track.honoured", True)]
    no_contact = BASE.replace("    contacts:\n      - id: mail\n        email: privacy@acme.example\n", "").replace(
        "    contacts: [mail]\n", ""
    )
    found = changes(BASE, no_contact)
    assert ("removed", "contact privacy@acme.example", "$.controllers[0].contacts[0]", True) in found


def test_summary_line() -> None:
    old, new = (
        pm.load(ROOT / "examples" / "customertimes-2020.yaml"),
        pm.load(ROOT / "examples" / "customertimes-software-2022.yaml"),
    )
    line = summary(pm.diff(old, new), old, new)
    assert line.startswith(
        "3 data subjects removed, 9 data categories removed, 13 purposes removed, 7 legal bases removed,"
        " 1 processing statement added, 12 processing statements removed, 7 recipients removed,"
        " 7 trackers removed, 13 rights removed, 1 means of recourse removed, 2 prohibitions removed"
    )
    assert line.endswith("date 2020-08-13 → 2022-06-21")


def test_command() -> None:
    same = invoke("diff", "examples/customer360-2014.yaml", "examples/customer360-2014.yaml")
    assert (same.returncode, same.stdout) == (0, "no changes\n")
    differ = invoke("diff", "examples/customertimes-2020.yaml", "examples/customertimes-software-2022.yaml")
    assert differ.returncode == 1
    lines = differ.stdout.splitlines()
    assert lines[2] == "Reduces what people are told or can do"
    complaint = "  - right complaint under gdpr in EU for natural persons of the EU within the meaning of the GDPR ($.rights[7])"
    assert f"{complaint}: a right was removed" in lines
    as_json = json.loads(
        invoke("diff", "--format", "json", "examples/customertimes-2020.yaml", "examples/customertimes-software-2022.yaml").stdout
    )
    assert as_json["version"] == 1
    assert as_json["same"] is False
    assert set(as_json["changes"][0]) == {"topic", "kind", "item", "path", "old", "new", "reduces", "reason"}


def test_command_usage_errors() -> None:
    missing = invoke("diff", "examples/customer360-2014.yaml", "nope.yaml")
    assert missing.returncode == 2
    assert "no such file or directory: 'nope.yaml'" in missing.stderr
    invalid = invoke("diff", "examples/customer360-2014.yaml", "pyproject.toml")
    assert invalid.returncode == 2
    assert "'pyproject.toml' is not a valid policy" in invalid.stderr


# Matching items that share an identity: each item's normal form is computed once, and the pairs are those the
# pairwise search (the first identical unpaired item, in order) would give.


def _pairwise_match(before: Any, after: Any, old: dict[str, list[Any]], new: dict[str, list[Any]]) -> list[Any]:
    """Matching as a search over every pair: the reference the hashed matching must agree with."""
    out = []
    for key in dict.fromkeys([*old, *new]):
        olds, news = list(old.get(key, [])), list(new.get(key, []))
        pairs = []
        for entry in list(olds):
            twin = next((other for other in news if after.normal(other[1]) == before.normal(entry[1])), None)
            if twin is not None:
                pairs.append((entry, twin))
                olds.remove(entry)
                news.remove(twin)
        for entry in list(olds):  # then items with the same id
            twin = next((other for other in news if other[1].get("id") and other[1].get("id") == entry[1].get("id")), None)
            if twin is not None:
                pairs.append((entry, twin))
                olds.remove(entry)
                news.remove(twin)
        pairs += list(zip(olds, news, strict=False))
        pairs += [(entry, None) for entry in olds[len(news) :]] + [(None, entry) for entry in news[len(olds) :]]
        pairs.sort(key=lambda pair: (pair[0] or pair[1] or (0, None))[0])
        out += [(diff_module._name(key, n, len(pairs), a, b), a, b) for n, (a, b) in enumerate(pairs, start=1)]
    return out


@given(st.lists(st.sampled_from(["a", "b", "c"]), max_size=8), st.lists(st.sampled_from(["a", "b", "d"]), max_size=8))
def test_hashed_matching_pairs_as_the_pairwise_search_does(old_descriptions: list[str], new_descriptions: list[str]) -> None:
    def policy(descriptions: list[str]) -> pm.PrivacyPolicy:
        items = "".join(f"  - id: d{i}\n    term: email-address\n    description: {d}\n" for i, d in enumerate(descriptions))
        return pm.loads(MINIMAL + ("data_categories:\n" + items if items else ""))

    before, after = _Side(policy(old_descriptions)), _Side(policy(new_descriptions))
    old, new = before.grouped("data_categories"), after.grouped("data_categories")
    assert list(_match(before, after, old, new)) == _pairwise_match(before, after, old, new)


def test_items_sharing_an_identity_are_matched_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    n = 2000
    items = [f"  - id: d{i}\n    term: email-address\n    description: item {i}\n" for i in range(n)]
    old = pm.loads(MINIMAL + "data_categories:\n" + "".join(items))
    new = pm.loads(MINIMAL + "data_categories:\n" + "".join(reversed(items)))
    calls = {"top": 0, "depth": 0}
    hashable = diff_module._hashable

    def counted(value: Any) -> Any:
        calls["top"] += calls["depth"] == 0
        calls["depth"] += 1
        try:
            return hashable(value)
        finally:
            calls["depth"] -= 1

    monkeypatch.setattr(diff_module, "_hashable", counted)
    assert pm.diff(old, new) == ()
    assert calls["top"] == 2 * n + 2  # one normal form per item (and per controller), not one per pair


# Format 1.1: the new lists matched by identity, references by what they point at, and what reduces.

V11 = BASE.replace("privacymodel: 1.0.0", "privacymodel: 1.1.0") + (
    "data_subjects:\n  - id: v\n    term: visitor\n  - id: pa\n    term: parent\n"
    "data_categories:\n  - id: e\n    term: email-address\n    subjects: [v]\n    identifiability: pseudonymised\n"
    "legal_bases:\n  - id: c\n    basis: A6-1-a\n    purposes: [ads]\n"
    "processing:\n  - id: p\n    description: Ads\n    operations: [collect]\n    data: [e]\n    purposes: [ads]\n"
    "    subjects: [v]\n    by: [acme, g]\n"
    "prohibitions:\n  - operations: [sell]\n    data: [email-address]\n  - operations: [train-models]\n"
    "recourse:\n  - name: JAMS\n    kind: arbitration\n  - kind: regulator\n    name: FTC\n"
    "security:\n  measures: [encryption]\n"
    "sale_of_data:\n  sold: false\n"
    "laws:\n  - law: coppa\n"
    "transfers:\n  - destinations: [US]\n"
    "policy_changes:\n  material_change_requires_consent: true\n  advance_notice_period: P30D\n"
)


def test_the_new_lists_are_matched_by_identity_and_references_by_what_they_point_at() -> None:
    assert changes(V11, V11) == []
    renamed = (
        V11.replace("id: v\n", "id: visitors\n")
        .replace("[v]", "[visitors]")
        .replace("id: acme\n", "id: the-company\n")
        .replace("by: [acme, g]", "by: [g, the-company]")
    )
    reordered = renamed.replace(
        "  - operations: [sell]\n    data: [email-address]\n  - operations: [train-models]\n",
        "  - operations: [train-models]\n  - operations: [sell]\n    data: [email-address]\n",
    ).replace(
        "  - name: JAMS\n    kind: arbitration\n  - kind: regulator\n    name: FTC\n",
        "  - kind: regulator\n    name: FTC\n  - name: JAMS\n    kind: arbitration\n",
    )
    assert changes(V11, reordered) == []


def test_a_changed_reference_is_named_by_what_it_points_at() -> None:
    [change] = pm.diff(pm.loads(V11), pm.loads(V11.replace("    subjects: [v]\n    by:", "    subjects: [pa]\n    by:")))
    assert (change.topic, change.item, change.path, change.old, change.new) == (
        "processing", "processing statement Ads", "$.processing[0].subjects", ["visitor"], ["parent"]
    )  # fmt: skip


def test_a_prohibitions_data_are_terms_not_ids() -> None:
    """A prohibition's data is a term even where a data category's id is spelt the same."""
    old = V11.replace("  - id: e\n    term: email-address\n", "  - id: email-address\n    term: physical-address\n").replace(
        "[e]", "[email-address]"
    )
    found = pm.diff(pm.loads(old), pm.loads(old))
    assert found == ()
    assert [c.item for c in pm.diff(pm.loads(V11), pm.loads(old))] == [
        "data category email-address",
        "data category physical-address",
        "processing statement Ads",
    ]


@pytest.mark.parametrize(
    ("old", "new", "reduction"),
    [
        (
            "prohibitions:\n  - operations: [sell]\n    data: [email-address]\n  - operations: [train-models]\n",
            "prohibitions:\n  - operations: [sell]\n    data: [email-address]\n",
            (
                "removed",
                "prohibition train-models",
                "$.prohibitions[1]",
                "something the policy said was not done is no longer ruled out",
            ),
        ),
        (
            "recourse:\n  - name: JAMS\n    kind: arbitration\n  - kind: regulator\n    name: FTC\n",
            "recourse:\n  - kind: regulator\n    name: FTC\n",
            ("removed", "recourse JAMS", "$.recourse[0]", "a means of recourse was removed"),
        ),
        (
            "data_subjects:\n  - id: v\n",
            "data_subjects:\n  - id: c\n    term: child\n  - id: v\n",
            ("added", "data subject child", "$.data_subjects[0]", "data about a new kind of person"),
        ),
        (
            "sale_of_data:\n  sold: false\n",
            "sale_of_data:\n  sold: false\n  for_money_only: true\n",
            (
                "added",
                "sale of data",
                "$.sale_of_data.for_money_only",
                "the statement on selling now covers selling for money only",
            ),
        ),
        (
            "sale_of_data:\n  sold: false\n",
            "sale_of_data:\n  sold: false\n  exceptions: Except as described below.\n",
            ("added", "sale of data", "$.sale_of_data.exceptions", "the statement on selling now has exceptions"),
        ),
        (
            "laws:\n  - law: coppa\n",
            "laws:\n  - law: coppa\n    applies: false\n",
            ("added", "law coppa", "$.laws[0].applies", "the policy now says a law does not apply"),
        ),
        (
            "cookies:\n  - name: _ga\n",
            "cookies:\n  - name: _ga\n    cross_site: true\n",
            ("added", "tracker _ga (Google)", "$.cookies[0].cross_site", "a tracker now follows people across sites"),
        ),
        (
            "transfers:\n  - destinations: [US]\n",
            "transfers:\n  - destinations: [US]\n    other_destinations: true\n",
            (
                "added",
                "transfer US",
                "$.transfers[0].other_destinations",
                "data may now go to countries the policy does not name",
            ),
        ),
        (
            "  material_change_requires_consent: true\n",
            "  material_change_requires_consent: false\n",
            (
                "changed",
                "policy changes",
                "$.policy_changes.material_change_requires_consent",
                "material changes no longer need people's consent",
            ),
        ),
        (
            "  advance_notice_period: P30D\n",
            "  advance_notice_period: P7D\n",
            ("changed", "policy changes", "$.policy_changes.advance_notice_period", "less notice is given of changes"),
        ),
        (
            "  material_change_requires_consent: true\n",
            "  material_change_requires_consent: true\n  acceptance_by_continued_use: true\n",
            (
                "added",
                "policy changes",
                "$.policy_changes.acceptance_by_continued_use",
                "continuing to use the service now means accepting changes",
            ),
        ),
        (
            "  title: Example policy\n",
            "  title: Example policy\n  acceptance_by_use: true\n",
            ("added", "document", "$.document.acceptance_by_use", "using the service is now said to mean accepting the policy"),
        ),
        (
            "security:\n  measures: [encryption]\n",
            "security:\n  measures: [encryption]\n  not_taken: [encryption-at-rest]\n",
            ("added", "security", "$.security.not_taken", "a security measure is now said not to be taken"),
        ),
        (
            "    operations: [collect]\n",
            "    operations: [collect, sell]\n",
            ("changed", "processing statement Ads", "$.processing[0].operations", "more is done with the data"),
        ),
        (
            "    identifiability: pseudonymised\n",
            "    identifiability: identifiable\n",
            ("changed", "data category email-address", "$.data_categories[0].identifiability", "data is now more identifiable"),
        ),
        (
            "  - operations: [train-models]\n",
            "  - operations: [train-models]\n    qualifier: knowingly\n",
            ("added", "prohibition train-models", "$.prohibitions[1].qualifier", "a prohibition is now qualified"),
        ),
    ],
)
def test_what_reduces_in_format_1_1(old: str, new: str, reduction: tuple[str, str, str, str]) -> None:
    assert old in V11
    after = V11.replace(old, new, 1)
    assert reductions(V11, after) == [reduction]
    assert reductions(after, V11) == []  # the other way round widens what people are told or can do


def test_consent_weakened_to_implied_or_opt_out_consent() -> None:
    for weaker in ("implied-consent", "opt-out-consent"):
        new = V11.replace("basis: A6-1-a\n", f"basis: {weaker}\n")
        assert reductions(V11, new) == [
            ("added", f"legal basis {weaker}", "$.legal_bases[0]", f"consent is weaker: A6-1-a became {weaker}")
        ]
        assert reductions(new, V11) == []
    explicit = V11.replace("basis: A6-1-a\n", "basis: explicit-consent\n")
    assert reductions(explicit, V11) == [
        ("added", "legal basis A6-1-a", "$.legal_bases[0]", "consent is weaker: explicit-consent became A6-1-a")
    ]
    # A basis that is not consent replacing consent is no weakening of consent.
    assert reductions(V11, V11.replace("basis: A6-1-a\n", "basis: A6-1-f\n")) == []


def test_a_right_is_told_apart_by_where_and_whose_it_is() -> None:
    text = V11.replace(
        "rights:\n", "rights:\n  - kind: access\n    jurisdictions: [US-CA, EU]\n  - kind: access\n    subjects: [pa]\n"
    )
    items = [c.item for c in pm.diff(pm.loads(V11), pm.loads(text))]
    assert items == ["right access in EU, US-CA", "right access for parent"]


def test_summary_names_the_new_lists() -> None:
    old = pm.loads(V11)
    new = pm.loads(
        V11.replace("  - operations: [train-models]\n", "")
        .replace("  - kind: regulator\n    name: FTC\n", "")
        .replace("data_subjects:\n", "data_subjects:\n  - id: c\n    term: child\n")
    )
    assert summary(pm.diff(old, new), old, new) == "1 data subject added, 1 means of recourse removed, 1 prohibition removed"


def test_command_shows_the_new_reductions(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(V11, encoding="utf-8")
    new.write_text(V11.replace("  sold: false\n", "  sold: false\n  for_money_only: true\n"), encoding="utf-8")
    result = invoke("diff", str(old), str(new))
    assert result.returncode == 1
    assert result.stdout.splitlines()[:4] == [
        "1 field changed",
        "",
        "Reduces what people are told or can do",
        "  + sale of data: $.sale_of_data.for_money_only added: true: the statement on selling now covers selling for money only",
    ]
