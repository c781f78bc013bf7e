"""The DPV export's graph: the policy's process, its privacy notice, the processes of its statements and the nodes
they name.

The policy as a whole is one ``dpv:Process`` (``<base>policy``) with its notice (``dpv:hasNotice``, a
``dpv:PrivacyNotice`` with the document's title, address, language and dates), the laws it cites
(``dpv:hasApplicableLaw``), its parties and everything it states. Every statement that links parts of the
policy is a nested ``dpv:Process`` (``dpv:hasProcess``): a processing statement with its operations, data
subjects, the entities carrying it out and its condition; a data category with its data subjects and sources; a
legal basis, recipient or retention statement naming data or purposes; each transfer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import attrs

from privacymodel.formats.dpv.base import CONTEXT, Ref, distinct, ref
from privacymodel.formats.dpv.statements import Links, Statements
from privacymodel.model.policy import DataCategory, Processing
from privacymodel.model.vocab import DPV, CustomTerm, PartyRole, Vocabulary

__all__ = ["Writer"]

# The controller's role for a processing statement, by the property that links the controllers to its process.
_ROLE_PROPERTY: Final = {
    PartyRole.CONTROLLER: "dpv:hasDataController",
    PartyRole.JOINT_CONTROLLER: "dpv:hasDataController",
    PartyRole.PROCESSOR: "dpv:hasDataProcessor",
    PartyRole.SUB_PROCESSOR: "dpv:hasDataProcessor",
}


@attrs.frozen
class _Linked:
    """What a statement links: the ids of data categories, purposes, legal bases, recipients, retention statements
    and data subjects, and the operations it states."""

    data: Iterable[str] | None
    purposes: Iterable[str] | None
    bases: Iterable[str] | None = None
    recipients: Iterable[str] | None = None
    storage: Iterable[str] | None = None
    subjects: Iterable[str] | None = None
    operations: Iterable[Vocabulary | CustomTerm] | None = None


class Writer(Statements):
    """Writes one policy as a JSON-LD document in DPV terms (:meth:`document`)."""

    def document(self) -> dict[str, Any]:
        """The JSON-LD document: the policy's process, its notice, the processes it links and the nodes they name."""
        top = self.top()
        top.update(self.entities())
        top.update(self.statements())
        processes = self.processes()
        if processes:
            top["dpv:hasProcess"] = [ref(p["@id"]) for p in processes]
        # The controllers come first after the policy's process, as they were written first.
        graph = [top, *self.nodes, self.notice(), *processes, *self.declared.values()]
        return {"@context": dict(CONTEXT), "@graph": graph}

    source: Ref | None = None
    """The policy's address, once :meth:`top` has made it an IRI (None if it has none, or it cannot be one)."""

    def top(self) -> dict[str, Any]:
        """The policy's process: its name, its notice, where it is published and the laws the policy cites as
        applying."""
        policy = self.policy
        top: dict[str, Any] = {"@id": self.base + "policy", "@type": "dpv:Process", "rdfs:label": policy.document.title}
        top["dpv:hasNotice"] = ref(self.base + "notice")
        self.source = self.link(policy.document.url, ("document", "url")) if policy.document.url else None
        if self.source is not None:  # what the process says is taken from the policy published there
            top["dct:source"] = self.source
        laws = []
        for index, cited in enumerate(policy.laws or ()):
            if cited.applies is False:
                message = f"laws[*]: {cited.law} is said not to apply; DPV states the laws that apply; not carried over to DPV"
                self.note(("laws", index), message)
            else:
                laws.append(self.term(cited.law, DPV + "Law"))
        if laws:
            top["dpv:hasApplicableLaw"] = distinct(laws)
        return top

    def notice(self) -> dict[str, Any]:
        """The policy document as a ``dpv:PrivacyNotice``: title, address, language, version and dates."""
        document = self.policy.document
        notice: dict[str, Any] = {"@id": self.base + "notice", "@type": DPV + "PrivacyNotice", "dct:title": document.title}
        if self.source is not None:
            notice["dct:source"] = self.source
        if document.language:
            notice["dct:language"] = document.language
        if document.version:
            notice["dct:hasVersion"] = document.version
        for key, date in (("dct:issued", document.effective_date), ("dct:modified", document.last_updated)):
            if date is not None:
                notice[key] = {"@value": date.isoformat(), "@type": "xsd:date"}
        return notice

    def statements(self) -> dict[str, list[Ref]]:
        """Everything the policy states, by the property linking it to the policy's process (those stated only)."""
        policy = self.policy
        for index, category in enumerate(policy.data_categories or ()):
            if category.special_category is False:
                self.lost(("data_categories", index, "special_category"), "DPV types special categories, not the others")
        statements = {
            "dpv:hasDataSubject": self.terms((s.term for s in policy.data_subjects or ()), DPV + "DataSubject"),
            **dict(self.data(policy.data_categories or ())),
            "dpv:hasProcessing": self.terms((o for p in policy.processing or () for o in p.operations or ()), DPV + "Processing"),
            "dpv:hasPurpose": self.terms((p.term for p in policy.purposes or ()), DPV + "Purpose"),
            "dpv:hasLegalBasis": self.terms((b.basis for b in policy.legal_bases or ()), DPV + "LegalBasis"),
            "dpv:hasRecipient": [self.recipient(r, index) for index, r in enumerate(policy.recipients or ())],
            "dpv:hasStorageCondition": [self.storage(r, index) for index, r in enumerate(policy.retention or ())],
            "dpv:hasRight": distinct(self.right(r) for r in policy.rights or ()),
            "dpv:hasTechnicalOrganisationalMeasure": self.terms(
                policy.security.measures or () if policy.security else (), DPV + "TechnicalOrganisationalMeasure"
            ),
            "dpv:hasProhibition": [self.prohibition(rule, index) for index, rule in enumerate(policy.prohibitions or ())],
        }
        return {key: refs for key, refs in statements.items() if refs}

    def process(self, iri: str, description: str | None, linked: _Linked) -> dict[str, Any]:
        """A nested ``dpv:Process`` with what a statement links."""
        categories = {c.id: c for c in self.policy.data_categories or ()}
        purposes = {p.id: p for p in self.policy.purposes or ()}
        bases = {b.id: b for b in self.policy.legal_bases or ()}
        subjects = {s.id: s for s in self.policy.data_subjects or ()}
        links: Links = (
            ("dct:description", description),
            *self.data(categories[d] for d in linked.data or ()),
            ("dpv:hasDataSubject", self.terms((subjects[s].term for s in linked.subjects or ()), DPV + "DataSubject")),
            ("dpv:hasProcessing", self.terms(linked.operations or (), DPV + "Processing")),
            ("dpv:hasPurpose", self.terms((purposes[p].term for p in linked.purposes or ()), DPV + "Purpose")),
            ("dpv:hasLegalBasis", self.terms((bases[b].basis for b in linked.bases or ()), DPV + "LegalBasis")),
            ("dpv:hasRecipient", [self.recipient_ref(r) for r in linked.recipients or ()]),
            ("dpv:hasStorageCondition", [ref(self.node("storage", s)) for s in linked.storage or ()]),
        )
        node: dict[str, Any] = {"@id": iri, "@type": "dpv:Process"}
        node.update({key: value for key, value in links if value})
        return node

    def processing(self, statement: Processing, index: int) -> dict[str, Any]:
        """The process of a processing statement: what it links, who carries it out (``dpv:isImplementedByEntity``),
        the controllers by their role in it, and its condition (a ``dpv:ProcessingCondition``)."""
        s = statement
        linked = _Linked(s.data, s.purposes, s.legal_bases, s.recipients, s.retention, s.subjects, s.operations)
        node = self.process(self.node("processing", s.id), s.description, linked)
        by = [self.party_or_recipient(e) for e in s.by or ()]
        if by:
            node["dpv:isImplementedByEntity"] = by
        role = _ROLE_PROPERTY.get(s.role) if s.role is not None else None
        if role is not None:
            node[role] = [ref(self.node("party", party_id)) for party_id in self.controlling]
        elif s.role is not None:
            self.lost(("processing", index, "role"), f"DPV links controllers or processors to a process, not a {s.role}")
        if s.condition:
            node["dpv:hasProcessingCondition"] = {
                "@id": f"{node['@id']}/condition",
                "@type": DPV + "ProcessingCondition",
                "dct:description": s.condition,
            }
        if s.exceptions:
            self.lost(("processing", index, "exceptions"), "DPV has no exceptions to a process")
        return node

    def category(self, category: DataCategory) -> dict[str, Any]:
        """The process of a data category's data subjects and the places its data comes from."""
        node = self.process(self.node("category", category.id), None, _Linked([category.id], None, subjects=category.subjects))
        sources = self.sources(category)
        if sources:
            node["dpv:hasDataSource"] = sources
        return node

    def processes(self) -> list[dict[str, Any]]:
        """A process for every statement that links parts of the policy."""
        policy = self.policy
        processes = [self.processing(p, index) for index, p in enumerate(policy.processing or ())]
        processes += [self.category(c) for c in policy.data_categories or () if c.subjects or self.sources(c)]
        for basis in policy.legal_bases or ():
            if basis.data or basis.purposes or basis.law is not None or basis.description:
                linked = _Linked(basis.data, basis.purposes, bases=[basis.id])
                process = self.process(self.node("legal-basis", basis.id), basis.description, linked)
                if basis.law is not None:
                    process["dpv:hasApplicableLaw"] = self.term(basis.law, DPV + "Law")
                processes.append(process)
        processes += [
            self.process(self.node("disclosure", r.id), None, _Linked(r.data, r.purposes, recipients=[r.id]))
            for r in policy.recipients or ()
            if r.data or r.purposes
        ]
        processes += [
            self.process(self.node("retention", t.id), None, _Linked(t.data, t.purposes, storage=[t.id]))
            for t in policy.retention or ()
            if t.data or t.purposes
        ]
        processes += [self.transfer(t, index) for index, t in enumerate(policy.transfers or ())]
        return processes
