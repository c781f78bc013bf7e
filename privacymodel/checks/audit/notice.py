"""What the UK GDPR, the LGPD, the Australian Privacy Principles and the US state laws read alike, beside
:mod:`.shared`: the controller's contact details, how people can make requests, the recipients that are third
parties, the consent relied on, the opt-outs offered, and a right stated for people of a place.

One reading per question here too, so that a sentence of a policy counts the same for each of these laws.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Final

from privacymodel.checks.audit.ruleset import covers
from privacymodel.checks.audit.shared import rights_for
from privacymodel.checks.consistency import CONSENT_BASES
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import (
    ChoiceKind,
    ContactPurpose,
    LawTerm,
    LegalBasisTerm,
    PartyRole,
    RecipientKind,
    RightKind,
    TransferMechanism,
)
from privacymodel.problems import format_path

__all__ = [
    "IMPLIED_CONSENT",
    "NOT_THIRD_PARTIES",
    "OPT_OUT_CHOICES",
    "consent_relied_on",
    "controller_contacts",
    "implied_consent",
    "opt_out_choices",
    "request_channels",
    "rights_in",
    "third_party_recipients",
]


def rights_in(
    policy: PrivacyPolicy, kinds: Iterable[RightKind], laws: Iterable[LawTerm], territory: frozenset[str]
) -> tuple[str, ...]:
    """Paths of the rights of ``kinds`` (or the same rights by other names) that the people of ``territory``
    have under one of ``laws`` or under no law (:func:`.shared.rights_for`)."""
    return rights_for(policy, kinds, laws, functools.partial(covers, territory))


def controller_contacts(policy: PrivacyPolicy) -> list[str]:
    """Paths of the controllers' contact details: their contact points, else their postal address."""
    return [
        format_path(("controllers", i, "contacts" if party.contacts else "address"))
        for i, party in enumerate(policy.controllers)
        if party.contacts or party.address
    ]


def request_channels(policy: PrivacyPolicy, laws: Iterable[LawTerm], territory: frozenset[str]) -> tuple[list[str], list[str]]:
    """Where people of ``territory`` can make requests about their rights, and the contacts kept for others.

    The first list holds the contacts and instructions of the rights they have (under one of ``laws`` or no
    law, for places the law covers), and the controllers' contact points for rights requests; the second, the
    contact points for rights requests that only rights under other laws, or for other places, name.
    """
    rights = policy.rights or ()
    allowed = set(laws)
    ours = {
        i
        for i, right in enumerate(rights)
        if (right.law is None or right.law in allowed)
        and (right.jurisdictions is None or any(covers(territory, region) for region in right.jurisdictions))
    }
    used_by: dict[str, set[bool]] = {}
    for i, right in enumerate(rights):
        for contact_id in right.contacts or ():
            used_by.setdefault(contact_id, set()).add(i in ours)
    channels = [
        format_path(("rights", i, "contacts" if rights[i].contacts else "how"))
        for i in sorted(ours)
        if rights[i].contacts or rights[i].how
    ]
    reserved: list[str] = []
    for i, party in enumerate(policy.controllers):
        for j, contact in enumerate(party.contacts or ()):
            if contact.purposes and ContactPurpose.RIGHTS_REQUESTS in contact.purposes:
                here = format_path(("controllers", i, "contacts", j))
                (reserved if used_by.get(contact.id or "", {True}) == {False} else channels).append(here)
    return channels, reserved


NOT_THIRD_PARTIES: Final = frozenset(
    {RecipientKind.SERVICE_PROVIDER, RecipientKind.HOSTING_PROVIDER, RecipientKind.PAYMENT_PROCESSOR, RecipientKind.AFFILIATE}
)
"""Kinds of recipient that process data for the controller or belong to its group: not third parties under the
US state laws (Va. Code § 59.1-575, Colo. Rev. Stat. § 6-1-1303, 'third party')."""
_PROCESSOR_ROLES: Final = frozenset({PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR})


def third_party_recipients(policy: PrivacyPolicy) -> list[int]:
    """Indexes of the recipients that are third parties: not processors by role, and not only of the kinds
    :data:`NOT_THIRD_PARTIES` names."""
    return [
        i
        for i, recipient in enumerate(policy.recipients or ())
        if recipient.role not in _PROCESSOR_ROLES
        and not ({recipient.kind, *(recipient.kinds or ())} - {None}) <= NOT_THIRD_PARTIES
    ]


IMPLIED_CONSENT: Final = frozenset({LegalBasisTerm.IMPLIED_CONSENT, LegalBasisTerm.OPT_OUT_CONSENT})
"""Consent inferred from use or silence, or assumed unless people opt out."""
_TRANSFER_CONSENT: Final = frozenset({TransferMechanism.EXPLICIT_CONSENT, TransferMechanism.CONSENT})


def consent_relied_on(policy: PrivacyPolicy, laws: Iterable[LawTerm]) -> list[str]:
    """Paths of the consent relied on under one of ``laws`` or under no law: legal bases that are consent
    (:data:`~privacymodel.checks.consistency.CONSENT_BASES`), and consent to a transfer."""
    allowed = set(laws)
    found = [
        format_path(("legal_bases", i, "basis"))
        for i, basis in enumerate(policy.legal_bases or ())
        if basis.basis in CONSENT_BASES and (basis.law is None or basis.law in allowed)
    ]
    return found + [
        format_path(("transfers", i, "mechanisms"))
        for i, transfer in enumerate(policy.transfers or ())
        if set(transfer.mechanisms or ()) & _TRANSFER_CONSENT
    ]


def implied_consent(policy: PrivacyPolicy) -> list[str]:
    """Paths of the legal bases that are consent implied by use or conduct, or assumed unless people opt out."""
    return [
        format_path(("legal_bases", i, "basis"))
        for i, basis in enumerate(policy.legal_bases or ())
        if basis.basis in IMPLIED_CONSENT
    ]


OPT_OUT_CHOICES: Final = frozenset({ChoiceKind.INDUSTRY_OPT_OUT, ChoiceKind.PROVIDER_OPT_OUT})
"""Choices that opt a person out of advertising that follows them: an industry page (NAI, DAA) or a provider's."""


def opt_out_choices(policy: PrivacyPolicy) -> list[str]:
    """Paths of the choices that opt people out of advertising at an industry page or at the provider."""
    return [format_path(("choices", i)) for i, choice in enumerate(policy.choices or ()) if choice.kind in OPT_OUT_CHOICES]
