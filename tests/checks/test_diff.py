"""Semantic comparison: identity rules, each kind of change, and the command."""

from __future__ import annotations

import json
import random

from hypothesis import given

import privacymodel as pm
from privacymodel.checks.diff import summary
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
    for key in ("data_categories", "purposes", "legal_bases", "recipients", "cookies", "rights", "laws", "certifications"):
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
    assert longer == [("changed", "retention statement retention", "$.retention[0].period", True)]
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
        "8 data categories removed, 9 purposes removed, 5 legal bases removed, 7 recipients removed, 7 trackers removed, 12 rights removed"
    )
    assert line.endswith("date 2020-08-13 → 2022-06-21")


def test_command() -> None:
    same = invoke("diff", "examples/customer360-2014.yaml", "examples/customer360-2014.yaml")
    assert (same.returncode, same.stdout) == (0, "no changes\n")
    differ = invoke("diff", "examples/customertimes-2020.yaml", "examples/customertimes-software-2022.yaml")
    assert differ.returncode == 1
    lines = differ.stdout.splitlines()
    assert lines[2] == "Reduces what people are told or can do"
    assert "  - right complaint under gdpr ($.rights[7]): a right was removed" in lines
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
