"""What several laws' rules read the same way: rights by content, retention, advertising disclosures, sensitive data.

One reading per question, so that one sentence of a policy counts the same for every law it satisfies: a
deletion right stated once is the GDPR's right to erasure and the CCPA's right to delete alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Final

from privacymodel.checks.audit.facts import Window
from privacymodel.checks.audit.finding import Finding, Item, Status, paths
from privacymodel.model.policy import PrivacyPolicy, Transfer
from privacymodel.model.vocab import (
    ContactPurpose,
    CustomTerm,
    DataCategoryTerm,
    LawTerm,
    OperationTerm,
    PurposeTerm,
    RecipientKind,
    RightKind,
    TrackerParty,
    TransferMechanism,
    equivalent_rights,
)
from privacymodel.problems import format_path

__all__ = [
    "ADVERTISING_PURPOSES",
    "RETENTION_GUIDANCE",
    "SENSITIVE_TERMS",
    "advertising_disclosures",
    "dpo_mailboxes",
    "judge_transfer",
    "purpose_terms",
    "retention",
    "rights_for",
    "sensitive_data",
]


def rights_for(
    policy: PrivacyPolicy, kinds: Iterable[RightKind], laws: Iterable[LawTerm], covers: Callable[[str], bool]
) -> tuple[str, ...]:
    """Paths of the rights that grant one of ``kinds`` to the people a law protects, matched by content.

    A right counts when its kind is one of ``kinds`` or the same right under another law's name (``erasure``
    and ``delete``, ``access`` and ``know``, ``rectification`` and ``correct``); when it is stated under one of
    ``laws`` or under no law; and when it names no jurisdictions, or one the law ``covers``.
    """
    wanted: set[RightKind | CustomTerm] = set()
    for kind in kinds:
        wanted |= equivalent_rights(kind)
    allowed = set(laws)
    return tuple(
        format_path(("rights", i))
        for i, right in enumerate(policy.rights or ())
        if right.kind in wanted
        and (right.law is None or right.law in allowed)
        and (right.jurisdictions is None or any(covers(region) for region in right.jurisdictions))
    )


RETENTION_GUIDANCE: Final = (
    "a period, an end event or criteria a reader can apply are needed (Article 29 Working Party, "
    "Guidelines on transparency, WP260 rev.01, Annex)"
)
"""Why 'as long as necessary' alone is not enough, cited by the retention items."""


def retention(item: Item, policy: PrivacyPolicy, guidance: str = RETENTION_GUIDANCE) -> Finding:
    """``item`` judged on how long data is kept: a period, an end event or criteria stated on their own are
    present; 'as long as necessary' alone, even with words beside it, is unclear; nothing is missing."""
    statements = policy.retention or ()
    concrete = [
        format_path(("retention", i))
        for i, r in enumerate(statements)
        if r.period or r.until or (r.criteria and not r.as_long_as_necessary)
    ]
    if concrete:
        return item.present("a period, ending event or criteria are stated", concrete)
    if statements:
        worded = [format_path(("retention", i, "criteria")) for i, r in enumerate(statements) if r.criteria]
        said = "only 'as long as necessary' is stated" + (
            ", with words beside it that set no period or end event" if worded else ""
        )
        return item.unclear(f"{said}; {guidance}", worded or paths("retention", statements))
    return item.missing("no retention period or criteria are stated")


def purpose_terms(policy: PrivacyPolicy) -> dict[str, PurposeTerm | CustomTerm]:
    """Each purpose's term by its id."""
    return {purpose.id: purpose.term for purpose in policy.purposes or ()}


ADVERTISING_PURPOSES: Final = frozenset(
    {
        PurposeTerm.ADVERTISING,
        PurposeTerm.TARGETED_ADVERTISING,
        PurposeTerm.PERSONALISED_ADVERTISING,
        PurposeTerm.MARKETING,
        PurposeTerm.DIRECT_MARKETING,
        PurposeTerm.SOCIAL_MEDIA_MARKETING,
        PurposeTerm.SELL_DATA,
        PurposeTerm.SELL_INSIGHTS,
    }
)
"""Purposes for which data given to a third party can be a sale or sharing under US state laws."""
_ADVERTISING_KINDS: Final = frozenset({RecipientKind.ADVERTISING_NETWORK, RecipientKind.ADVERTISER})
_TRACKING_OPERATIONS: Final = frozenset({OperationTerm.SELL, OperationTerm.TRACK_ACROSS_SITES})


def advertising_disclosures(policy: PrivacyPolicy) -> tuple[str, ...]:
    """Paths of what the policy states that can be a sale of data, or sharing it for advertising.

    Recipients that are advertising networks or advertisers, or receive data for advertising or marketing;
    third-party cookies that follow people across sites; processing statements that sell data or track people
    across sites.
    """
    terms = purpose_terms(policy)
    found = [
        format_path(("recipients", i))
        for i, recipient in enumerate(policy.recipients or ())
        if {recipient.kind, *(recipient.kinds or ())} & _ADVERTISING_KINDS
        or any(terms.get(purpose) in ADVERTISING_PURPOSES for purpose in recipient.purposes or ())
    ]
    found += [
        format_path(("cookies", i))
        for i, cookie in enumerate(policy.cookies or ())
        if cookie.cross_site and cookie.party is not TrackerParty.FIRST_PARTY
    ]
    found += [
        format_path(("processing", i, "operations"))
        for i, statement in enumerate(policy.processing or ())
        if set(statement.operations or ()) & _TRACKING_OPERATIONS
    ]
    return tuple(found)


SENSITIVE_TERMS: Final = frozenset(
    {
        DataCategoryTerm.OFFICIAL_ID,
        DataCategoryTerm.PASSWORD,
        DataCategoryTerm.PAYMENT_CARD_NUMBER,
        DataCategoryTerm.CREDIT_CARD_NUMBER,
        DataCategoryTerm.BANK_ACCOUNT,
        DataCategoryTerm.ETHNIC_ORIGIN,
        DataCategoryTerm.RACE,
        DataCategoryTerm.RELIGION,
        DataCategoryTerm.PHILOSOPHICAL_BELIEF,
        DataCategoryTerm.TRADE_UNION_MEMBERSHIP,
        DataCategoryTerm.EMAIL_CONTENT,
        DataCategoryTerm.GENETIC,
        DataCategoryTerm.BIOMETRIC,
        DataCategoryTerm.HEALTH,
        DataCategoryTerm.SEXUAL,
        DataCategoryTerm.POLITICAL_OPINION,
        DataCategoryTerm.CRIMINAL,
    }
)
"""Data category terms that are sensitive under US state laws (Cal. Civ. Code § 1798.140(ae) and its kin) or
special categories under the GDPR (Art. 9 and 10)."""


def sensitive_data(policy: PrivacyPolicy) -> tuple[str, ...]:
    """Paths of the data categories stated to be special categories, or whose term is sensitive data (unless the
    policy states the category is not a special one)."""
    return tuple(
        format_path(("data_categories", i))
        for i, category in enumerate(policy.data_categories or ())
        if category.special_category or (category.special_category is None and category.term in SENSITIVE_TERMS)
    )


def judge_transfer(
    transfer: Transfer,
    day: dt.date,
    windows: Mapping[TransferMechanism, Window],
    law: str,
    note: Callable[[TransferMechanism | CustomTerm], str | None],
) -> tuple[Status, list[str]]:
    """Whether one transfer rests on a safeguard valid on ``day`` (present), on one that may not be (unclear) or on
    none (missing), with what the message says of each safeguard it names.

    ``windows`` holds the mechanisms valid only for a time under ``law`` (named in messages: 'the UK GDPR'); ``note``
    says more of a valid mechanism on the day (which clauses apply), or None.
    """
    if not transfer.mechanisms:
        return "missing", ["a transfer is stated without the safeguard relied on"]
    valid, doubtful, notes = False, False, []
    for mechanism in transfer.mechanisms:
        window = windows.get(mechanism) if isinstance(mechanism, TransferMechanism) else None
        if window is not None and (reason := window.outside(day)):
            notes.append(reason)
        elif mechanism == TransferMechanism.CONSENT:
            doubtful = True
            notes.append("consent to the transfer is not stated to be explicit, as Art. 49(1)(a) requires")
        elif isinstance(mechanism, CustomTerm):
            doubtful = True
            notes.append(f"{mechanism!s} is not a safeguard of {law} Chapter V")
        else:
            valid = True
            if said := note(mechanism):
                notes.append(said)
    return ("present" if valid else "unclear" if doubtful else "missing"), notes


def dpo_mailboxes(policy: PrivacyPolicy) -> list[str]:
    """Paths of the controllers' contact points that are a DPO's (by purpose, or a ``dpo@`` address)."""
    return [
        format_path(("controllers", i, "contacts", j))
        for i, party in enumerate(policy.controllers)
        for j, contact in enumerate(party.contacts or ())
        if (contact.purposes and ContactPurpose.DPO in contact.purposes) or (contact.email or "").lower().startswith("dpo@")
    ]
