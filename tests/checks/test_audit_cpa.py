"""The Colorado Privacy Act: what it reads like Virginia's Act, what differs (a sale for other valuable
consideration, the articles), the universal opt-out owed from 2024-07-01, the date it is in effect from, and the
seeds."""

from __future__ import annotations

import datetime as dt

import pytest

import privacymodel as pm
from privacymodel.checks.audit import LAWS, cited_laws
from tests.conftest import MINIMAL, ROOT

DAY = dt.date(2025, 1, 1)
REQUESTS = "    contacts:\n      - email: privacy@acme.example\n        purposes: [rights-requests]\n"
ADVERTISER = "recipients:\n  - id: ads\n    kind: advertising-network\n"


def findings(text: str, as_of: dt.date = DAY, law: str = "cpa") -> dict[str, pm.Finding]:
    return {f.item: f for f in pm.audit(pm.loads(MINIMAL + text), law, as_of=as_of)}


def status(text: str, item: str, as_of: dt.date = DAY) -> str:
    return findings(text, as_of)[item].status


def test_the_shared_items_read_as_virginias_with_colorados_articles() -> None:
    cpa, vcdpa = LAWS["cpa"].items, LAWS["vcdpa"].items
    assert [item.item for item in cpa] == [*(item.item for item in vcdpa), "universal-opt-out"]
    articles = {item.item: item.article for item in cpa}
    assert articles["categories"] == "Colo. Rev. Stat. § 6-1-1308(1)(a)(I)"
    assert articles["right-opt-out"] == "Colo. Rev. Stat. § 6-1-1306(1)(a)"
    assert articles["appeal"] == "Colo. Rev. Stat. § 6-1-1308(1)(a)(III), Colo. Rev. Stat. § 6-1-1306(3)"


@pytest.mark.parametrize(
    "text",
    [
        REQUESTS,
        ADVERTISER + "choices:\n  - kind: industry-opt-out\n",
        "rights:\n  - kind: access\n  - kind: erasure\n  - kind: opt-out-of-sale\n",
        "sale_of_data:\n  sold: false\n",
    ],
)
def test_one_statement_counts_the_same_for_both_states(text: str) -> None:
    cpa = {item: f.status for item, f in findings(text).items() if item != "universal-opt-out"}
    assert cpa == {item: f.status for item, f in findings(text, law="vcdpa").items()}


def test_a_right_for_one_state_is_not_the_others() -> None:
    text = "rights:\n  - kind: access\n    jurisdictions: [US-CO]\n"
    assert status(text, "right-access") == "present"
    assert findings(text, law="vcdpa")["right-access"].status == "missing"


def test_a_sale_in_colorado_includes_other_valuable_consideration() -> None:
    found = findings("sale_of_data:\n  sold: false\n  for_money_only: true\n")["sale-targeted"]
    assert found.status == "unclear"
    assert "Colo. Rev. Stat. § 6-1-1303" in found.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ADVERTISER + "do_not_track:\n  honoured: false\n", "missing"),
        (ADVERTISER + "do_not_track:\n  honoured: true\n", "unclear"),
        (ADVERTISER, "missing"),
        ("sale_of_data:\n  sold: false\n", "not-applicable"),
        ("", "unclear"),
    ],
)
def test_a_universal_opt_out_is_owed_from_july_2024(text: str, expected: str) -> None:
    assert status(text, "universal-opt-out") == expected
    before = findings(text, dt.date(2024, 6, 30))["universal-opt-out"]
    assert before.status == "not-applicable"
    assert before.message.startswith("owed from 2024-07-01 (Colo. Rev. Stat. § 6-1-1306(1)(a)(IV)(B))")


def test_it_is_in_effect_from_2023_07_01() -> None:
    before = findings(REQUESTS, dt.date(2023, 6, 30))
    assert {f.status for f in before.values()} == {"not-applicable"}
    assert before["requests"].message.startswith("the Colorado Privacy Act applies from 2023-07-01 (Colo. Rev. Stat.")
    assert status(REQUESTS, "requests", dt.date(2023, 7, 1)) == "present"


def test_a_policy_cites_the_cpa_by_law_or_by_place() -> None:
    assert "cpa" in cited_laws(pm.loads(MINIMAL + "laws:\n  - law: cpa\n"))
    assert "cpa" in cited_laws(pm.loads(MINIMAL + "rights:\n  - kind: delete\n    jurisdictions: [US-CO]\n"))
    assert "cpa" not in cited_laws(pm.loads(MINIMAL + "rights:\n  - kind: delete\n    jurisdictions: [US-VA]\n"))


# --- the seeds, each as of its own date --------------------------------------------------------------------------


def seed(name: str) -> dict[str, str]:
    return {f.item: f.status for f in pm.audit(pm.load(ROOT / "examples" / name), "cpa")}


@pytest.mark.parametrize(
    "name",
    [
        "customertimes-2020.yaml",
        "customertimes-software-2022.yaml",
        "customers-ai-2023.yaml",  # last modified 2023-06-30, the day before the Act took effect
        "customer360-2014.yaml",
    ],
)
def test_seeds_from_before_july_2023_are_not_judged(name: str) -> None:
    assert set(seed(name).values()) == {"not-applicable"}


def test_customers_ai_2023_would_have_owed_a_universal_opt_out_a_year_later() -> None:
    policy = pm.load(ROOT / "examples" / "customers-ai-2023.yaml")
    found = {f.item: f for f in pm.audit(policy, "cpa", as_of=dt.date(2024, 7, 1))}
    assert found["universal-opt-out"].status == "missing"  # it says it does not respond to such signals
    assert "$.do_not_track.honoured" in found["universal-opt-out"].evidence


def test_click_and_resolve_offers_no_opt_out_and_honours_no_opt_out_signal() -> None:
    found = seed("click-and-resolve.yaml")
    assert found["sale-targeted"] == found["right-opt-out"] == found["universal-opt-out"] == "missing"
    assert found["right-access"] == found["right-delete"] == "present"
    assert found["appeal"] == "missing"
