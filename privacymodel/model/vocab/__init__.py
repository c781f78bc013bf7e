"""Controlled vocabularies: closed enumerations mapped to W3C DPV identifiers.

:mod:`~privacymodel.model.vocab.base` holds the DPV namespaces, :class:`Vocabulary` and :class:`CustomTerm`;
each other module holds one family of vocabularies: ``data`` (data categories and sources), ``purposes``
(purposes and legal bases), ``rights`` (rights, laws, choices, change notices), ``parties`` (party roles,
contact purposes, recipients), ``trackers`` (cookies and trackers) and ``measures`` (security measures
and transfer mechanisms). Every name is importable from this package.
"""

from privacymodel.model.vocab.base import CUSTOM_TERM_PATTERN, DPV, EU_GDPR, PD, CustomTerm, Vocabulary
from privacymodel.model.vocab.data import SPECIAL_CATEGORIES, DataCategoryTerm, DataSource
from privacymodel.model.vocab.measures import MeasureTerm, TransferMechanism
from privacymodel.model.vocab.parties import ContactPurpose, PartyRole, RecipientKind
from privacymodel.model.vocab.purposes import LegalBasisTerm, PurposeTerm
from privacymodel.model.vocab.rights import ChoiceKind, LawTerm, NotificationMethod, RightKind
from privacymodel.model.vocab.trackers import CookieCategory, TrackerParty, TrackerTechnology

__all__ = [
    "CUSTOM_TERM_PATTERN",
    "DPV",
    "EU_GDPR",
    "PD",
    "SPECIAL_CATEGORIES",
    "ChoiceKind",
    "ContactPurpose",
    "CookieCategory",
    "CustomTerm",
    "DataCategoryTerm",
    "DataSource",
    "LawTerm",
    "LegalBasisTerm",
    "MeasureTerm",
    "NotificationMethod",
    "PartyRole",
    "PurposeTerm",
    "RecipientKind",
    "RightKind",
    "TrackerParty",
    "TrackerTechnology",
    "TransferMechanism",
    "Vocabulary",
]
