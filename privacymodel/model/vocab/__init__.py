"""Controlled vocabularies: closed enumerations mapped to W3C DPV identifiers.

:mod:`~privacymodel.model.vocab.base` holds the DPV namespaces, :class:`Vocabulary`, :class:`CustomTerm` and
:func:`closest_term`; each other module holds one family of vocabularies: ``data`` (data categories, sources
and identifiability), ``subjects`` (data subjects), ``operations`` (processing operations), ``purposes``
(purposes and legal bases), ``rights`` (rights and the IRIs they take under each law, laws, recourse, choices,
change notices), ``parties`` (party roles, contact purposes, recipients), ``trackers`` (cookies and trackers)
and ``measures`` (security measures and transfer mechanisms). Every name is importable from this package.
"""

from privacymodel.model.vocab.base import CUSTOM_TERM_PATTERN, DPV, EU_GDPR, PD, CustomTerm, Vocabulary, closest_term
from privacymodel.model.vocab.data import SPECIAL_CATEGORIES, DataCategoryTerm, DataSource, Identifiability
from privacymodel.model.vocab.measures import MeasureTerm, TransferMechanism
from privacymodel.model.vocab.operations import OperationTerm
from privacymodel.model.vocab.parties import ContactPurpose, PartyRole, RecipientKind
from privacymodel.model.vocab.purposes import LegalBasisTerm, PurposeTerm
from privacymodel.model.vocab.rights import (
    RIGHT_EQUIVALENTS,
    RIGHT_IRIS,
    ChoiceKind,
    LawTerm,
    NotificationMethod,
    RecourseKind,
    RightKind,
    equivalent_rights,
    right_iri,
)
from privacymodel.model.vocab.subjects import DataSubjectTerm
from privacymodel.model.vocab.trackers import CookieCategory, TrackerParty, TrackerTechnology

__all__ = [
    "CUSTOM_TERM_PATTERN",
    "DPV",
    "EU_GDPR",
    "PD",
    "RIGHT_EQUIVALENTS",
    "RIGHT_IRIS",
    "SPECIAL_CATEGORIES",
    "ChoiceKind",
    "ContactPurpose",
    "CookieCategory",
    "CustomTerm",
    "DataCategoryTerm",
    "DataSource",
    "DataSubjectTerm",
    "Identifiability",
    "LawTerm",
    "LegalBasisTerm",
    "MeasureTerm",
    "NotificationMethod",
    "OperationTerm",
    "PartyRole",
    "PurposeTerm",
    "RecipientKind",
    "RecourseKind",
    "RightKind",
    "TrackerParty",
    "TrackerTechnology",
    "TransferMechanism",
    "Vocabulary",
    "closest_term",
    "equivalent_rights",
    "right_iri",
]
