"""The Colorado Privacy Act (Colo. Rev. Stat. § 6-1-1301 ff.): the privacy notice of § 6-1-1308(1)(a), the
disclosure of a sale or targeted advertising of § 6-1-1308(1)(b), the consumer rights of § 6-1-1306(1) with the
appeal of § 6-1-1306(3), and, from 2024-07-01, opting out through a universal opt-out mechanism.

The Act is in effect from 2023-07-01 (:data:`~.facts.COLORADO_CPA_EFFECTIVE`); the universal opt-out is owed from
2024-07-01 (:data:`~.facts.COLORADO_UNIVERSAL_OPT_OUT`). A sale includes an exchange for other valuable
consideration (§ 6-1-1303(23)), so 'not sold for money' leaves it open. The notice, sale and rights items are
those :mod:`.us_states` reads for Virginia and Colorado alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Final

from privacymodel.checks.audit.facts import COLORADO_CPA_EFFECTIVE, COLORADO_UNIVERSAL_OPT_OUT
from privacymodel.checks.audit.finding import Finding, Item, Rule, listed
from privacymodel.checks.audit.ruleset import RuleSet
from privacymodel.checks.audit.us_states import StateLaw, advertising
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import LawTerm

__all__ = ["COLORADO", "ITEMS", "LAW", "RULES", "RULE_SET", "UNIVERSAL_OPT_OUT"]

COLORADO: Final = StateLaw(
    law=LawTerm.CPA,
    name="the Colorado Privacy Act",
    applies_from=COLORADO_CPA_EFFECTIVE,
    territory=frozenset({"US-CO"}),
    notice=(
        "Colo. Rev. Stat. § 6-1-1308(1)(a)(I)",
        "Colo. Rev. Stat. § 6-1-1308(1)(a)(II)",
        "Colo. Rev. Stat. § 6-1-1308(1)(a)(III)",
        "Colo. Rev. Stat. § 6-1-1308(1)(a)(IV)",
        "Colo. Rev. Stat. § 6-1-1308(1)(a)(V)",
    ),
    sale="Colo. Rev. Stat. § 6-1-1308(1)(b), § 6-1-1306(1)(a)(III)",
    rights=(
        "Colo. Rev. Stat. § 6-1-1306(1)(b)",
        "Colo. Rev. Stat. § 6-1-1306(1)(c)",
        "Colo. Rev. Stat. § 6-1-1306(1)(d)",
        "Colo. Rev. Stat. § 6-1-1306(1)(e)",
        "Colo. Rev. Stat. § 6-1-1306(1)(a)",
    ),
    appeal="Colo. Rev. Stat. § 6-1-1306(3)",
    definitions="Colo. Rev. Stat. § 6-1-1303",
    money_only=False,
)
"""What the Colorado Privacy Act asks, in the terms :class:`~.us_states.StateLaw` reads."""

LAW: Final = LawTerm.CPA.value
UNIVERSAL_OPT_OUT: Final = Item(
    LAW,
    "universal-opt-out",
    "Opting out through a universal opt-out mechanism",
    "Colo. Rev. Stat. § 6-1-1306(1)(a)(IV)(B)",
    COLORADO_UNIVERSAL_OPT_OUT,
)


def cpa_universal_opt_out(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Whether a controller that sells data or targets advertising honours a universal opt-out mechanism, as far
    as the policy says what it does with browser signals (Do Not Track)."""
    signals = advertising(policy)
    dnt = policy.do_not_track
    if not signals:
        if COLORADO.not_sold(policy):
            yield UNIVERSAL_OPT_OUT.not_applicable(
                "the policy states personal data is not sold and describes no targeted advertising"
            )
        else:
            yield UNIVERSAL_OPT_OUT.unclear(
                "the policy does not say whether personal data is sold or used for targeted advertising, for which a "
                "universal opt-out mechanism must be honoured"
            )
    elif dnt is not None and dnt.honoured is False:
        yield UNIVERSAL_OPT_OUT.missing(
            f"the policy states what can be a sale or targeted advertising ({listed(signals)}) and says it does not "
            "respond to browser signals, yet opting out through a universal opt-out mechanism must be honoured",
            ["$.do_not_track.honoured", *signals],
        )
    elif dnt is not None and dnt.honoured:
        yield UNIVERSAL_OPT_OUT.unclear(
            "the policy honours Do Not Track, but does not say it honours a universal opt-out mechanism the "
            "Attorney General recognises (4 CCR 904-3, Rule 5.07)",
            ["$.do_not_track.honoured"],
        )
    else:
        yield UNIVERSAL_OPT_OUT.missing(
            f"the policy states what can be a sale or targeted advertising ({listed(signals)}) but not that a "
            "universal opt-out mechanism is honoured",
            signals,
        )


ITEMS: Final = (*COLORADO.items, UNIVERSAL_OPT_OUT)
"""Every CPA item, in the order reports list them."""
RULES: Final[tuple[Rule, ...]] = (*COLORADO.rules(), cpa_universal_opt_out)
"""The CPA's rules, in the order their findings are reported."""

RULE_SET: Final = RuleSet(
    law=LAW,
    name=COLORADO.name,
    applies_from=COLORADO_CPA_EFFECTIVE,
    items=ITEMS,
    rules=RULES,
    territory=COLORADO.territory,
    cited_as=frozenset({LawTerm.CPA}),
    before="no general consumer privacy law of Colorado applied",
)
"""The CPA, from 2023-07-01, for Colorado residents."""
