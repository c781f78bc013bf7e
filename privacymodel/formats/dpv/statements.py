"""The statements of the DPV export that become nodes of their own: data, storage conditions, rights, prohibitions
and transfers.

* Data: personal data by its term (``pd:EmailAddress``); a category whose identifiability, special category or
  kind of source (provided, observed, derived, inferred) the policy states is a node typed with its term and
  those concepts (``dpv:PseudonymisedData``, ``dpv:SpecialCategoryPersonalData``, ``dpv:ObservedPersonalData``),
  linked with ``dpv:hasData`` where it is no personal data (anonymised, ``dpv:AnonymisedData``).
* A retention statement is a ``dpv:StorageDuration`` whose ``dpv:hasDuration`` are typed durations: a
  ``dpv:TemporalDuration`` whose ``rdf:value`` is the period as an ``xsd:duration``, and a
  ``dpv:UntilEventDuration`` naming the event (the ending event, "as long as necessary for the purposes").
* A right is its DPV IRI under its law (``eu-gdpr:A15``), else a ``dpv:DataSubjectRight`` node typed with its
  kind and naming its law (``dpv:hasApplicableLaw``).
* What the policy says is not done is a process that is a ``dpv:Prohibition`` (``dpv:hasProhibition``, as DPV's
  own examples put a rule on a process).
* Each transfer is a process of its own: ``dpv:CrossBorderTransfer`` of its data to its third countries
  (``loc:US``), on its mechanisms (``eu-gdpr:A46-2-c``), to its importers (``dpv:hasDataImporter``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

from privacymodel.formats.dpv.base import LOC, TERM_IRI, Ref, distinct, ref
from privacymodel.formats.dpv.parties import Parties
from privacymodel.formats.shared import AS_LONG_AS_NECESSARY, LEGAL_REQUIREMENT
from privacymodel.model.policy import DataCategory, Prohibition, Retention, Right, Transfer
from privacymodel.model.vocab import DPV, CustomTerm, DataCategoryTerm, DataSource, Identifiability, RightKind, right_iri
from privacymodel.problems import shown

__all__ = ["Links", "Statements"]

Links = tuple[tuple[str, Any], ...]
"""Properties and their values, in the order written; empty values are left out."""

# How far data identifies people: the kinds that are no personal data, linked with dpv:hasData, not dpv:hasPersonalData.
_NOT_PERSONAL: Final = (Identifiability.ANONYMISED, Identifiability.NOT_PERSONAL, Identifiability.AGGREGATED)
# The sources that are places data comes from (dpv:hasDataSource); the others say what kind of data it is.
_DATA_SOURCES: Final = (DataSource.THIRD_PARTY, DataSource.PUBLIC)
# A number of more digits than a period states in earnest, and than the tools reading xsd:duration compute with.
_LONG_NUMBER: Final = re.compile("[0-9]{19}")
_GENERIC_RIGHT: Final = DPV + "DataSubjectRight"


def _personal(category: DataCategory) -> bool:
    """Whether a category is personal data: not anonymised, aggregated or said to be no personal data."""
    return category.identifiability not in _NOT_PERSONAL and category.term is not DataCategoryTerm.ANONYMISED_DATA


class Statements(Parties):
    """The nodes of the statements that stand on their own."""

    def kinds_of_data(self, category: DataCategory) -> list[str]:
        """What the policy says of a category beyond its term, as DPV concepts: identifiability, special category
        (GDPR Art. 9), and the kind of data its sources make it (provided, observed, derived, inferred)."""
        found = []
        if category.identifiability is not None:
            found.append(self.term(category.identifiability, DPV + "Data")["@id"])
        if category.special_category:
            found.append(DPV + "SpecialCategoryPersonalData")
        found += [s.iri for s in category.sources or () if s.iri is not None and s not in _DATA_SOURCES]
        return list(dict.fromkeys(found))

    def data(self, categories: Iterable[DataCategory]) -> Links:
        """The data categories by the property linking them: their term, or a node typed with their term and what
        the policy says of them (:meth:`kinds_of_data`); ``dpv:hasData`` for what is no personal data."""
        personal: list[Ref] = []
        other: list[Ref] = []
        for category in categories:
            term = self.term(category.term, DPV + "PersonalData")
            kinds = self.kinds_of_data(category)
            if kinds:
                term = self.add({"@id": self.node("data", category.id), "@type": list(dict.fromkeys([term["@id"], *kinds]))})
            (personal if _personal(category) else other).append(term)
        return ("dpv:hasPersonalData", distinct(personal)), ("dpv:hasData", distinct(other))

    def data_terms(self, terms: Iterable[DataCategoryTerm | CustomTerm]) -> Links:
        """Kinds of data named by their terms: ``dpv:hasData`` for anonymised data, ``dpv:hasPersonalData`` else."""
        terms = tuple(terms)
        personal = [t for t in terms if t is not DataCategoryTerm.ANONYMISED_DATA]
        other = [t for t in terms if t is DataCategoryTerm.ANONYMISED_DATA]
        return (
            ("dpv:hasPersonalData", self.terms(personal, DPV + "PersonalData")),
            ("dpv:hasData", self.terms(other, DPV + "Data")),
        )

    def sources(self, category: DataCategory) -> list[Ref]:
        """Where a category's data comes from, as DPV data sources (``dpv:ThirdPartyDataSource``)."""
        return distinct(ref(s.iri) for s in category.sources or () if s in _DATA_SOURCES and s.iri is not None)

    def storage(self, retention: Retention, index: int) -> Ref:
        """A retention statement as a ``dpv:StorageDuration`` with its typed durations."""
        iri = self.node("storage", retention.id)
        durations: list[dict[str, Any]] = []
        if retention.period and _LONG_NUMBER.search(retention.period):
            message = f"the period {shown(retention.period)} has a number too long for the tools that read xsd:duration; left out"
            self.note(("retention", index, "period"), message)
        elif retention.period:
            value = {"@value": retention.period, "@type": "xsd:duration"}
            durations.append({"@id": f"{iri}/period", "@type": DPV + "TemporalDuration", "rdf:value": value})
        if retention.until:
            durations.append({"@id": f"{iri}/until", "@type": DPV + "UntilEventDuration", "rdf:value": retention.until})
        if retention.as_long_as_necessary:
            event = {"@id": f"{iri}/necessary", "@type": DPV + "UntilEventDuration", "rdf:value": AS_LONG_AS_NECESSARY}
            durations.append(event)
        node: dict[str, Any] = {"@id": iri, "@type": DPV + "StorageDuration"}
        if durations:
            node["dpv:hasDuration"] = durations
        words = [LEGAL_REQUIREMENT if retention.legal_requirement else None, retention.criteria, retention.description]
        text = "; ".join(word for word in words if word)
        if text:
            node["dct:description"] = text
        return self.add(node)

    def right(self, right: Right) -> Ref:
        """A right: its DPV IRI under its law (a GDPR article's, ``eu-gdpr:A15``); where DPV has none of its own, a
        ``dpv:DataSubjectRight`` node typed with its kind and naming its law."""
        kind, law = right.kind, right.law
        iri = right_iri(kind, law)
        if iri is not None and iri != _GENERIC_RIGHT:
            return ref(iri)
        if isinstance(kind, RightKind):  # its own IRI is the GDPR article's, which it is not without the GDPR
            kind_iri = f"{TERM_IRI}RightKind:{kind.value}"
            self.declare(kind_iri, (_GENERIC_RIGHT,), str(kind), kind.description)
        else:
            kind_iri = self.term(kind, _GENERIC_RIGHT)["@id"]
        node: dict[str, Any] = {
            "@id": self.node("right", str(kind) if law is None else f"{kind}.{law}"),
            "@type": [_GENERIC_RIGHT, kind_iri],
        }
        if law is not None:
            node["dpv:hasApplicableLaw"] = self.term(law, DPV + "Law")
        return self.add(node)

    def prohibition(self, rule: Prohibition, index: int) -> Ref:
        """A process that is a ``dpv:Prohibition``: what, with which data, for which purposes and with which kinds
        of recipient (an unnamed rule by its place, ``_0``, which no id can be)."""
        iri = self.node("prohibition", rule.id or f"_{index}")
        recipients = [
            {"@id": f"{iri}/recipient/{i}", "@type": [DPV + "Recipient", kind["@id"]]}
            for i, kind in enumerate(self.terms(rule.recipient_kinds or (), DPV + "Recipient"))
        ]
        links: Links = (
            ("dpv:hasProcessing", self.terms(rule.operations or (), DPV + "Processing")),
            *self.data_terms(rule.data or ()),
            ("dpv:hasPurpose", self.terms(rule.purposes or (), DPV + "Purpose")),
            ("dpv:hasRecipient", recipients),
            ("dpv:isImplementedByEntity", [self.party_or_recipient(e) for e in rule.by or ()]),
            ("rdfs:comment", rule.qualifier),
            ("dct:description", rule.description),
        )
        node: dict[str, Any] = {"@id": iri, "@type": [DPV + "Process", DPV + "Prohibition"]}
        node.update({key: value for key, value in links if value})
        return self.add(node)

    def transfer(self, transfer: Transfer, index: int) -> dict[str, Any]:
        """The process of a transfer: a ``dpv:CrossBorderTransfer`` of its data to its third countries, on its
        mechanisms, to its importers (an unnamed transfer by its place, ``_0``)."""
        categories = {c.id: c for c in self.policy.data_categories or ()}
        links: Links = (
            ("dct:description", transfer.description),
            ("dpv:hasProcessing", [ref(DPV + "CrossBorderTransfer")]),
            *self.data(categories[d] for d in transfer.data or ()),
            ("dpv:hasThirdCountry", distinct(ref(LOC + country) for country in transfer.destinations or ())),
            ("dpv:hasLegalBasis", self.terms(transfer.mechanisms or (), DPV + "DataTransferLegalBasis")),
            ("dpv:hasDataImporter", distinct(self.recipient_ref(r) for r in transfer.recipients or ())),
        )
        node: dict[str, Any] = {"@id": self.node("transfer", transfer.id or f"_{index}"), "@type": DPV + "Process"}
        node.update({key: value for key, value in links if value})
        return node
