"""Virginia's Consumer Data Protection Act: the notice of § 59.1-578(C), the sale and targeted advertising of
§ 59.1-578(D), the rights of § 59.1-577, the date it is in effect from, and the seeds. The reading is the one
Colorado's rule set shares (:mod:`privacymodel.checks.audit.us_states`)."""

from __future__ import annotations

import datetime as dt

import pytest

import privacymodel as pm
from privacymodel.checks.audit import LAWS, cited_laws
from tests.conftest import MINIMAL, ROOT

DAY = dt.date(2025, 1, 1)
REQUESTS = "    contacts:\n      - email: privacy@acme.example\n        purposes: [rights-requests]\n"
ADVERTISER = "recipients:\n  - id: ads\n    kind: advertising-network\n"
NOT_SOLD = "sale_of_data:\n  sold: false\n"


def findings(text: str, as_of: dt.date = DAY, law: str = "vcdpa") -> dict[str, pm.Finding]:
    return {f.item: f for f in pm.audit(pm.loads(MINIMAL + text), law, as_of=as_of)}


def status(text: str, item: str, as_of: dt.date = DAY) -> str:
    return findings(text, as_of)[item].status


@pytest.mark.parametrize(
    ("item", "text", "expected"),
    [
        ("categories", "data_categories:\n  - id: d\n    term: name\n", "present"),
        ("categories", "", "missing"),
        ("purposes", "purposes:\n  - id: p\n    term: marketing\n", "present"),
        ("purposes", "", "missing"),
        ("requests", REQUESTS, "present"),
        ("requests", "rights:\n  - kind: access\n    how: Write to us.\n", "present"),
        ("requests", "    contacts:\n      - email: a@acme.example\n", "missing"),
        ("appeal", REQUESTS, "missing"),
        ("appeal", "rights:\n  - kind: appeal\n    jurisdictions: [US-VA]\n", "present"),
        ("appeal", "rights:\n  - kind: appeal\n    jurisdictions: [US-CO]\n", "missing"),
        (
            "shared-categories",
            "recipients:\n  - id: r\n    kind: advertiser\n    data: [d]\ndata_categories:\n  - id: d\n    term: name\n",
            "present",
        ),
        ("shared-categories", ADVERTISER, "missing"),
        ("shared-categories", "recipients:\n  - id: r\n    kind: hosting-provider\n", "not-applicable"),
        ("shared-categories", "recipients: []\n", "present"),
        ("shared-categories", "", "missing"),
        ("third-parties", ADVERTISER, "present"),
        ("third-parties", "recipients:\n  - id: r\n    kind: affiliate\n", "not-applicable"),
        (
            "third-parties",
            "recipients:\n  - id: r\n    name: Acme Cloud\n    kind: other-organisation\n    role: processor\n",
            "not-applicable",
        ),
        ("third-parties", "", "missing"),
        ("sale-targeted", ADVERTISER + "rights:\n  - kind: opt-out-of-sale\n", "present"),
        ("sale-targeted", ADVERTISER + "choices:\n  - kind: industry-opt-out\n", "present"),
        ("sale-targeted", ADVERTISER, "missing"),
        ("sale-targeted", "sale_of_data:\n  sold: true\n", "missing"),
        ("sale-targeted", "purposes:\n  - id: p\n    term: targeted-advertising\n", "missing"),
        ("sale-targeted", NOT_SOLD, "not-applicable"),
        ("sale-targeted", "", "unclear"),
        ("right-access", "rights:\n  - kind: know\n", "present"),
        ("right-access", "rights:\n  - kind: access\n    law: ccpa\n", "missing"),
        ("right-correct", "rights:\n  - kind: rectification\n    jurisdictions: [US]\n", "present"),
        ("right-correct", "rights:\n  - kind: correct\n    jurisdictions: [US-CA]\n", "missing"),
        ("right-delete", "rights:\n  - kind: erasure\n    law: vcdpa\n", "present"),
        ("right-portability", "rights:\n  - kind: portability\n    jurisdictions: [US-VA]\n", "present"),
        ("right-portability", "", "missing"),
        ("right-opt-out", "rights:\n  - kind: opt-out-of-disclosure\n", "present"),
        ("right-opt-out", "rights:\n  - kind: opt-out-of-targeted-advertising\n", "present"),
        ("right-opt-out", "rights:\n  - kind: opt-out-of-profiling\n", "present"),
        ("right-opt-out", NOT_SOLD, "not-applicable"),
        ("right-opt-out", NOT_SOLD + "automated_decision_making:\n  used: true\n", "missing"),
        ("right-opt-out", ADVERTISER + "choices:\n  - kind: provider-opt-out\n", "unclear"),
        ("right-opt-out", ADVERTISER, "missing"),
    ],
)
def test_vcdpa_items(item: str, text: str, expected: str) -> None:
    found = findings(text)[item]
    assert found.status == expected, found.message
    if expected == "present":
        assert found.evidence


def test_a_sale_in_virginia_is_for_money_only() -> None:
    money = "sale_of_data:\n  sold: false\n  for_money_only: true\n"
    assert status(money, "sale-targeted") == "not-applicable"
    assert findings(money, law="cpa")["sale-targeted"].status == "unclear"


def test_contacts_kept_for_another_laws_rights_are_not_a_way_to_exercise_these() -> None:
    text = (
        "    contacts:\n      - id: eu\n        email: eu@acme.example\n        purposes: [rights-requests]\n"
        "rights:\n  - kind: access\n    law: gdpr\n    contacts: [eu]\n"
    )
    found = findings(text)["requests"]
    assert (found.status, found.evidence) == ("missing", ("$.controllers[0].contacts[0]",))


def test_the_appeal_cites_both_articles() -> None:
    item = LAWS["vcdpa"].item("appeal")
    assert item is not None
    assert item.article == "Va. Code § 59.1-578(C)(3), (E), Va. Code § 59.1-577(C)"


def test_it_is_in_effect_from_2023_01_01() -> None:
    before = findings(REQUESTS, dt.date(2022, 12, 31))
    assert {f.status for f in before.values()} == {"not-applicable"}
    assert before["requests"].message.startswith("Virginia's Consumer Data Protection Act applies from 2023-01-01 (Va. Code")
    assert status(REQUESTS, "requests", dt.date(2023, 1, 1)) == "present"


def test_a_policy_cites_the_vcdpa_by_law_or_by_place() -> None:
    assert "vcdpa" in cited_laws(pm.loads(MINIMAL + "laws:\n  - law: vcdpa\n"))
    assert "vcdpa" in cited_laws(pm.loads(MINIMAL + "rights:\n  - kind: delete\n    jurisdictions: [US-VA]\n"))
    assert "vcdpa" not in cited_laws(pm.loads(MINIMAL + "rights:\n  - kind: delete\n    jurisdictions: [US-CA]\n"))


# --- the seeds, each as of its own date --------------------------------------------------------------------------


def seed(name: str) -> dict[str, str]:
    return {f.item: f.status for f in pm.audit(pm.load(ROOT / "examples" / name), "vcdpa")}


@pytest.mark.parametrize("name", ["customertimes-2020.yaml", "customertimes-software-2022.yaml", "customer360-2014.yaml"])
def test_seeds_from_before_2023_are_not_judged(name: str) -> None:
    assert set(seed(name).values()) == {"not-applicable"}


def test_customers_ai_2023_discloses_sharing_for_advertising_with_opt_outs_but_few_rights() -> None:
    found = seed("customers-ai-2023.yaml")
    assert found["sale-targeted"] == found["right-opt-out"] == "present"
    assert found["right-delete"] == found["requests"] == "present"
    assert found["right-access"] == found["right-correct"] == found["right-portability"] == "missing"
    assert found["appeal"] == "missing"
    assert found["shared-categories"] == "unclear"  # advertisers and ad networks receive data it does not name


def test_click_and_resolve_lets_advertisers_set_cookies_and_offers_no_opt_out() -> None:
    found = seed("click-and-resolve.yaml")
    assert found["sale-targeted"] == found["right-opt-out"] == "missing"
    assert found["right-access"] == found["right-correct"] == found["right-delete"] == found["right-portability"] == "present"
    assert found["appeal"] == "missing"
