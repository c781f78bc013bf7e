"""Virginia's Consumer Data Protection Act (Va. Code § 59.1-575 ff.): the privacy notice of § 59.1-578(C), the
disclosure of a sale or targeted advertising of § 59.1-578(D), and the consumer rights of § 59.1-577(A), with the
appeal of § 59.1-577(C).

The Act is in effect from 2023-01-01 (:data:`~.facts.VCDPA_EFFECTIVE`). A sale is an exchange of personal data
for money only (§ 59.1-575), so a policy saying data is not sold for money says it is not sold. The items and
rules are those :mod:`.us_states` reads for Virginia and Colorado alike.
"""

from __future__ import annotations

from typing import Final

from privacymodel.checks.audit.facts import VCDPA_EFFECTIVE
from privacymodel.checks.audit.ruleset import RuleSet
from privacymodel.checks.audit.us_states import StateLaw
from privacymodel.model.vocab import LawTerm

__all__ = ["ITEMS", "LAW", "RULES", "RULE_SET", "VIRGINIA"]

VIRGINIA: Final = StateLaw(
    law=LawTerm.VCDPA,
    name="Virginia's Consumer Data Protection Act",
    applies_from=VCDPA_EFFECTIVE,
    territory=frozenset({"US-VA"}),
    notice=(
        "Va. Code § 59.1-578(C)(1)",
        "Va. Code § 59.1-578(C)(2)",
        "Va. Code § 59.1-578(C)(3), (E)",
        "Va. Code § 59.1-578(C)(4)",
        "Va. Code § 59.1-578(C)(5)",
    ),
    sale="Va. Code § 59.1-578(D)",
    rights=(
        "Va. Code § 59.1-577(A)(1)",
        "Va. Code § 59.1-577(A)(2)",
        "Va. Code § 59.1-577(A)(3)",
        "Va. Code § 59.1-577(A)(4)",
        "Va. Code § 59.1-577(A)(5)",
    ),
    appeal="Va. Code § 59.1-577(C)",
    definitions="Va. Code § 59.1-575",
    money_only=True,
)
"""What Virginia's Act asks, in the terms :class:`~.us_states.StateLaw` reads."""

LAW: Final = LawTerm.VCDPA.value
ITEMS: Final = VIRGINIA.items
"""Every VCDPA item, in the order reports list them."""
RULES: Final = VIRGINIA.rules()
"""The VCDPA's rules, in the order their findings are reported."""

RULE_SET: Final = RuleSet(
    law=LAW,
    name=VIRGINIA.name,
    applies_from=VCDPA_EFFECTIVE,
    items=ITEMS,
    rules=RULES,
    territory=VIRGINIA.territory,
    cited_as=frozenset({LawTerm.VCDPA}),
    before="no general consumer privacy law of Virginia applied",
)
"""The VCDPA, from 2023-01-01, for Virginia residents."""
