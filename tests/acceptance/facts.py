"""Lookups the fact tests of the examples share: what a statement's ids name, by term, kind or address.

Each reads a loaded policy through the API, so a fact holds whatever ids an encoding gives its items.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import privacymodel as pm


def terms_of(items: Iterable[pm.DataCategory | pm.Purpose | pm.DataSubject] | None, ids: Iterable[str] | None) -> set[str]:
    """The vocabulary terms of the items (data categories, purposes, data subjects) whose ids are ``ids``."""
    wanted = set(ids or ())
    return {str(item.term) for item in items or () if item.id in wanted}


def data_terms(policy: pm.PrivacyPolicy, ids: Iterable[str] | None) -> set[str]:
    """The vocabulary terms of the data categories ``ids``."""
    return terms_of(policy.data_categories, ids)


def purpose_terms(policy: pm.PrivacyPolicy, ids: Iterable[str] | None) -> set[str]:
    """The vocabulary terms of the purposes ``ids``."""
    return terms_of(policy.purposes, ids)


def subject_terms(policy: pm.PrivacyPolicy, ids: Iterable[str] | None) -> set[str]:
    """The vocabulary terms of the data subjects ``ids``."""
    return terms_of(policy.data_subjects, ids)


def kinds(recipient: pm.Recipient) -> set[str]:
    """Every kind of a recipient, whether written as ``kind`` or ``kinds``."""
    return {str(k) for k in (recipient.kind, *(recipient.kinds or ())) if k is not None}


def recipient_kinds(policy: pm.PrivacyPolicy, ids: Iterable[str] | None) -> set[str]:
    """Every kind of the recipients ``ids``."""
    wanted = set(ids or ())
    return {kind for recipient in policy.recipients or () if recipient.id in wanted for kind in kinds(recipient)}


def contact_emails(policy: pm.PrivacyPolicy, ids: Iterable[str] | None) -> set[str]:
    """The email addresses of the controllers' contact points ``ids``."""
    wanted = set(ids or ())
    return {c.email for party in policy.controllers for c in party.contacts or () if c.id in wanted and c.email}


def purposes_tied_to(policy: pm.PrivacyPolicy, term: str) -> set[str]:
    """The purpose terms any statement lists together with data of term ``term``."""
    statements: list[pm.Processing | pm.LegalBasis | pm.Recipient | pm.Cookie | pm.Retention] = [
        *(policy.processing or ()),
        *(policy.legal_bases or ()),
        *(policy.recipients or ()),
        *(policy.cookies or ()),
        *(policy.retention or ()),
    ]
    return {t for s in statements if term in data_terms(policy, s.data) for t in purpose_terms(policy, s.purposes)}


def warned_categories(path: Path, code: str) -> list[pm.DataCategory]:
    """The data categories a warning ``code`` of ``privacymodel validate`` points at in the policy file ``path``."""
    policy = pm.load(path)
    found = []
    for problem in pm.validate_file(path):
        match = re.fullmatch(r"\$\.data_categories\[(\d+)\]\.id", problem.path or "")
        if problem.code == code and match:
            found.append((policy.data_categories or ())[int(match.group(1))])
    return found
