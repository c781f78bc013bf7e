"""The legal facts the audit relies on, each with its source: the dates laws apply from, the dates duties were
added, the windows in which transfer mechanisms were valid, and the membership of the European Economic Area.

Every date the audit uses comes from this module: a rule set names a :class:`Fact` (``GDPR_APPLIES``), never a
date of its own, so a date is checked in one place and each message can cite where it comes from. :data:`FACTS`
lists them all.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from attrs import frozen

from privacymodel.model.vocab import TransferMechanism

__all__ = [
    "CALOPPA_EFFECTIVE",
    "CCPA_OPERATIVE",
    "COLORADO_CPA_EFFECTIVE",
    "COLORADO_UNIVERSAL_OPT_OUT",
    "COPPA_RULE_EFFECTIVE",
    "CPRA_OPERATIVE",
    "DIRECTIVE_95_46_APPLIES",
    "DPA_2018_IN_FORCE",
    "DPF_ADOPTED",
    "EEA",
    "EEA_LEFT",
    "FACTS",
    "GDPR_APPLIES",
    "LGPD_IN_FORCE",
    "LGPD_SANCTIONS",
    "MECHANISM_WINDOWS",
    "OLD_SCC_CONTRACTS_END",
    "OLD_SCC_REPEALED",
    "PRIVACY_PRINCIPLES_APPLY",
    "PRIVACY_SHIELD_ADOPTED",
    "PRIVACY_SHIELD_INVALIDATED",
    "SAFE_HARBOR_ADOPTED",
    "SAFE_HARBOR_INVALIDATED",
    "SCC_2021_IN_FORCE",
    "SCC_FIRST_ADOPTED",
    "UK_DATA_BRIDGE",
    "UK_GDPR_APPLIES",
    "UK_IDTA_IN_FORCE",
    "UK_OLD_SCC_END",
    "UK_OLD_SCC_NEW_CONTRACTS_END",
    "UK_TRANSITION_ENDS",
    "VCDPA_EFFECTIVE",
    "Fact",
    "Window",
    "in_eea",
]


@frozen
class Fact:
    """A dated legal fact: on ``date``, ``event`` (in words that follow the date: 'the GDPR applies'), per ``source``."""

    date: dt.date
    event: str
    source: str

    def cite(self) -> str:
        """'2018-05-25 (Regulation (EU) 2016/679, Art. 99(2))': the date with its source, for messages."""
        return f"{self.date.isoformat()} ({self.source})"


# --- laws and the duties added to them ------------------------------------------------------------------------

GDPR_APPLIES: Final = Fact(dt.date(2018, 5, 25), "the GDPR applies", "Regulation (EU) 2016/679, Art. 99(2)")
CCPA_OPERATIVE: Final = Fact(dt.date(2020, 1, 1), "the CCPA is operative", "Cal. Civ. Code § 1798.198(a)")
CPRA_OPERATIVE: Final = Fact(
    dt.date(2023, 1, 1), "the CPRA's amendments to the CCPA are operative", "California Proposition 24 (2020), § 31(a)"
)
COPPA_RULE_EFFECTIVE: Final = Fact(
    dt.date(2000, 4, 21), "the COPPA Rule takes effect", "16 CFR Part 312, 64 Fed. Reg. 59888 (3 November 1999)"
)
UK_TRANSITION_ENDS: Final = Fact(
    dt.date(2021, 1, 1),
    "EU law no longer applies in the United Kingdom, the transition period having ended",
    "Agreement on the withdrawal of the United Kingdom from the EU (OJ C 384 I, 12.11.2019), Art. 126 and 127",
)
DPA_2018_IN_FORCE: Final = Fact(
    dt.date(2018, 5, 25),
    "the Data Protection Act 2018 is in force",
    "Data Protection Act 2018 (Commencement No. 1) Regulations 2018, SI 2018/625",
)
UK_GDPR_APPLIES: Final = Fact(
    dt.date(2021, 1, 1),
    "the UK GDPR applies",
    "European Union (Withdrawal) Act 2018, s. 3; Data Protection, Privacy and Electronic Communications (Amendments etc) (EU Exit) Regulations 2019, SI 2019/419",
)
LGPD_IN_FORCE: Final = Fact(
    dt.date(2020, 9, 18), "Brazil's LGPD is in force", "Lei nº 13.709/2018, Art. 65, II; Lei nº 14.058/2020"
)
PRIVACY_PRINCIPLES_APPLY: Final = Fact(
    dt.date(2014, 3, 12),
    "the Australian Privacy Principles apply",
    "Privacy Amendment (Enhancing Privacy Protection) Act 2012 (Cth), s. 2",
)
VCDPA_EFFECTIVE: Final = Fact(
    dt.date(2023, 1, 1),
    "Virginia's Consumer Data Protection Act is in effect",
    "Va. Code § 59.1-575 ff.; 2021 Va. Acts Sp. Sess. I, ch. 35 and 36",
)
COLORADO_CPA_EFFECTIVE: Final = Fact(
    dt.date(2023, 7, 1), "the Colorado Privacy Act is in effect", "Colo. Rev. Stat. § 6-1-1301 ff.; Colorado SB 21-190"
)

DIRECTIVE_95_46_APPLIES: Final = Fact(
    dt.date(1998, 10, 24),
    "Directive 95/46/EC applies (its Art. 10 and 11 set what people must be told)",
    "Directive 95/46/EC, Art. 32(1)",
)
CALOPPA_EFFECTIVE: Final = Fact(
    dt.date(2004, 7, 1),
    "California's Online Privacy Protection Act applies",
    "Cal. Bus. & Prof. Code § 22575 ff., Stats. 2003, ch. 829",
)

# --- transfer mechanisms -------------------------------------------------------------------------------------

SAFE_HARBOR_ADOPTED: Final = Fact(
    dt.date(2000, 7, 26), "the Safe Harbor adequacy decision is adopted", "Commission Decision 2000/520/EC"
)
SAFE_HARBOR_INVALIDATED: Final = Fact(
    dt.date(2015, 10, 6), "Safe Harbor is invalidated", "Court of Justice of the EU, C-362/14 Schrems, judgment of 6 October 2015"
)
PRIVACY_SHIELD_ADOPTED: Final = Fact(
    dt.date(2016, 7, 12), "the Privacy Shield adequacy decision is adopted", "Commission Implementing Decision (EU) 2016/1250"
)
PRIVACY_SHIELD_INVALIDATED: Final = Fact(
    dt.date(2020, 7, 16),
    "the Privacy Shield is invalidated",
    "Court of Justice of the EU, C-311/18 Facebook Ireland and Schrems, judgment of 16 July 2020",
)
DPF_ADOPTED: Final = Fact(
    dt.date(2023, 7, 10),
    "the EU-US Data Privacy Framework adequacy decision is adopted",
    "Commission Implementing Decision (EU) 2023/1795",
)
SCC_FIRST_ADOPTED: Final = Fact(
    dt.date(2001, 6, 15), "the first standard contractual clauses are adopted", "Commission Decision 2001/497/EC"
)
SCC_2021_IN_FORCE: Final = Fact(
    dt.date(2021, 6, 27),
    "the 2021 standard contractual clauses are in force",
    "Commission Implementing Decision (EU) 2021/914, Art. 4",
)
OLD_SCC_REPEALED: Final = Fact(
    dt.date(2021, 9, 27),
    "the earlier standard contractual clauses are repealed, and new contracts can no longer use them",
    "Commission Implementing Decision (EU) 2021/914, Art. 4",
)
OLD_SCC_CONTRACTS_END: Final = Fact(
    dt.date(2022, 12, 27),
    "contracts on the earlier standard contractual clauses stop providing appropriate safeguards",
    "Commission Implementing Decision (EU) 2021/914, Art. 4",
)


@frozen
class Window:
    """The time a transfer mechanism could be relied on: from ``start`` (when set) until the day before ``end``."""

    name: str
    start: Fact | None
    end: Fact | None

    def outside(self, day: dt.date) -> str | None:
        """Why the mechanism could not be relied on ``day`` (with the date and its source), or None if it could."""
        if self.start is not None and day < self.start.date:
            return f"{self.name} was not available before {self.start.cite()}"
        if self.end is not None and day >= self.end.date:
            return f"{self.name} was invalidated on {self.end.cite()}"
        return None


MECHANISM_WINDOWS: Final[dict[TransferMechanism, Window]] = {
    TransferMechanism.SAFE_HARBOR: Window("Safe Harbor", SAFE_HARBOR_ADOPTED, SAFE_HARBOR_INVALIDATED),
    TransferMechanism.PRIVACY_SHIELD: Window("the Privacy Shield", PRIVACY_SHIELD_ADOPTED, PRIVACY_SHIELD_INVALIDATED),
    TransferMechanism.DATA_PRIVACY_FRAMEWORK: Window("the EU-US Data Privacy Framework", DPF_ADOPTED, None),
    TransferMechanism.SCC_COMMISSION: Window("standard contractual clauses", SCC_FIRST_ADOPTED, None),
}
"""The mechanisms that could be relied on only for a time; the others have no dates of their own."""

# --- the European Economic Area ------------------------------------------------------------------------------

# ISO 3166-1 alpha-2 codes: the 27 EU member states (Treaty on European Union, Art. 52, as amended by the
# Withdrawal Agreement), then Iceland, Liechtenstein and Norway (Agreement on the European Economic Area, Art. 2).
EEA: Final = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split())  # noqa: SIM905 - the codes read as a table
"""The countries of the European Economic Area today."""

EEA_LEFT: Final[dict[str, Fact]] = {"GB": UK_TRANSITION_ENDS}
"""Countries that have left, with the date EU law stopped applying in them."""


def in_eea(country: str, day: dt.date) -> bool:
    """Whether EU data protection law applied in ``country`` on ``day`` (the United Kingdom until 2020 included)."""
    left = EEA_LEFT.get(country)
    return country in EEA or (left is not None and day < left.date)


# --- the UK GDPR, the LGPD and the Colorado Privacy Act: duties and mechanisms added after they came to apply -----

UK_IDTA_IN_FORCE: Final = Fact(
    dt.date(2022, 3, 21),
    "the UK's International Data Transfer Agreement and its Addendum to the EU standard contractual clauses are in force",
    "Data Protection Act 2018, s. 119A; International Data Transfer Agreement and Addendum, laid before Parliament "
    "on 2 February 2022",
)
UK_OLD_SCC_NEW_CONTRACTS_END: Final = Fact(
    dt.date(2022, 9, 22),
    "new contracts for transfers from the United Kingdom can no longer use the earlier standard contractual clauses",
    "Data Protection Act 2018, s. 119A; transitional provisions laid with the International Data Transfer "
    "Agreement (contracts concluded on or before 21 September 2022)",
)
UK_OLD_SCC_END: Final = Fact(
    dt.date(2024, 3, 21),
    "contracts on the earlier standard contractual clauses stop providing safeguards for transfers from the United Kingdom",
    "Data Protection Act 2018, s. 119A; transitional provisions laid with the International Data Transfer Agreement",
)
UK_DATA_BRIDGE: Final = Fact(
    dt.date(2023, 10, 12),
    "the UK Extension to the EU-US Data Privacy Framework takes effect",
    "Data Protection (Adequacy) (United States of America) Regulations 2023, SI 2023/1028",
)
LGPD_SANCTIONS: Final = Fact(
    dt.date(2021, 8, 1),
    "the national authority (ANPD) can impose the LGPD's administrative sanctions",
    "Lei nº 13.709/2018, Art. 65, I-A, inserted by Lei nº 14.010/2020, Art. 20",
)
COLORADO_UNIVERSAL_OPT_OUT: Final = Fact(
    dt.date(2024, 7, 1),
    "controllers that sell personal data or target advertising must honour a universal opt-out mechanism",
    "Colo. Rev. Stat. § 6-1-1306(1)(a)(IV)(B)",
)

FACTS: Final[tuple[Fact, ...]] = (
    GDPR_APPLIES,
    CCPA_OPERATIVE,
    CPRA_OPERATIVE,
    COPPA_RULE_EFFECTIVE,
    UK_TRANSITION_ENDS,
    DPA_2018_IN_FORCE,
    UK_GDPR_APPLIES,
    LGPD_IN_FORCE,
    PRIVACY_PRINCIPLES_APPLY,
    VCDPA_EFFECTIVE,
    COLORADO_CPA_EFFECTIVE,
    DIRECTIVE_95_46_APPLIES,
    CALOPPA_EFFECTIVE,
    SAFE_HARBOR_ADOPTED,
    SAFE_HARBOR_INVALIDATED,
    PRIVACY_SHIELD_ADOPTED,
    PRIVACY_SHIELD_INVALIDATED,
    DPF_ADOPTED,
    SCC_FIRST_ADOPTED,
    SCC_2021_IN_FORCE,
    OLD_SCC_REPEALED,
    OLD_SCC_CONTRACTS_END,
    UK_IDTA_IN_FORCE,
    UK_OLD_SCC_NEW_CONTRACTS_END,
    UK_OLD_SCC_END,
    UK_DATA_BRIDGE,
    LGPD_SANCTIONS,
    COLORADO_UNIVERSAL_OPT_OUT,
)
"""Every fact above, in the order they are declared."""
