"""W3C DPV out: :func:`to_dpv` writes a policy as JSON-LD in the Data Privacy Vocabulary (DPV 2.x).

The policy as a whole is one ``dpv:Process`` (``<base>policy``) with its
controllers (``dpv:hasDataController``; ``dpv:hasDataProcessor`` for parties
that are processors only), representative, data protection officer and
supervisory authority, and everything the policy states: ``dpv:hasPersonalData``,
``dpv:hasPurpose``, ``dpv:hasLegalBasis`` (Art. 6 and 9 bases and transfer
mechanisms), ``dpv:hasRecipient``, ``dpv:hasStorageCondition``, ``dpv:hasRight``,
``dpv:hasTechnicalOrganisationalMeasure`` and ``dpv:hasThirdCountry``. Every
statement that links parts of the policy (a processing statement, and a legal
basis, recipient or retention statement naming data or purposes) is a nested
``dpv:Process`` (``dpv:hasProcess``) with the links it states, its data subjects
(``dpv:hasDataSubject``) and operations (``dpv:hasProcessing``). What the policy
says is not done is a ``dpv:Prohibition`` (``dpv:hasRule``); data whose
identifiability is stated is a node typed ``dpv:PseudonymisedData``,
``dpv:AnonymisedData`` (``dpv:hasData``) and so on; a right is its IRI under its
law (:func:`~privacymodel.model.vocab.right_iri`) or a ``dpv:DataSubjectRight`` node.

Vocabulary terms are written as their DPV IRIs (``pd:EmailAddress``,
``dpv:ServiceProvision``, ``eu-gdpr:A6-1-a``, ``eu-gdpr:A15``); terms with no DPV
counterpart keep a project IRI (``urn:privacymodel:term:PurposeTerm:business-transfer``)
and ``x-`` custom terms an IRI under the policy's base. Nodes of the policy
(parties, recipients, storage conditions, processes) have IRIs under a base
derived from the policy's URL, or its title: ``urn:uuid:<uuid5>#``. Web
addresses (the policy's, a party's website) are written as valid IRIs, with
the characters an IRI cannot hold percent-encoded, or left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from privacymodel.formats.dpv_coverage import CARRIED as _CARRIED
from privacymodel.formats.dpv_coverage import WHOLE as _WHOLE
from privacymodel.formats.dpv_coverage import WHY_NOT as _WHY_NOT
from privacymodel.formats.iri import iri_part, to_iri
from privacymodel.formats.left_out import left_out
from privacymodel.formats.shared import policy_uuid, retention_conditions
from privacymodel.model.policy import DataCategory, Party, PrivacyPolicy, Processing, Prohibition, Recipient, Retention, Right
from privacymodel.model.vocab import (
    DPV,
    EU_GDPR,
    PD,
    CustomTerm,
    DataCategoryTerm,
    Identifiability,
    PartyRole,
    RightKind,
    Vocabulary,
    right_iri,
)
from privacymodel.problems import Code, Problem, format_path, shown

__all__ = ["CONTEXT", "TERM_IRI", "to_dpv"]

TERM_IRI: Final = "urn:privacymodel:term:"
"""The prefix of the project IRIs for terms with no DPV counterpart: ``urn:privacymodel:term:<Vocabulary>:<value>``."""

CONTEXT: Final[dict[str, str]] = {
    "dpv": DPV,
    "pd": PD,
    "eu-gdpr": EU_GDPR,
    "loc": "https://w3id.org/dpv/loc#",
    "dct": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "pm": TERM_IRI,
}
"""The JSON-LD ``@context`` written: prefixes only, so every IRI expands without fetching anything."""

_CONTROLLER_ROLES: Final = (PartyRole.CONTROLLER, PartyRole.JOINT_CONTROLLER)
_PROCESSOR_ROLES: Final = (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR)

# How far data identifies people: the kinds that are no personal data, linked with dpv:hasData, not dpv:hasPersonalData.
_NOT_PERSONAL: Final = (Identifiability.ANONYMISED, Identifiability.NOT_PERSONAL, Identifiability.AGGREGATED)
# The controller's role for a processing statement, by the property that links the controllers to its process.
_ROLE_PROPERTY: Final = {
    PartyRole.CONTROLLER: "dpv:hasDataController",
    PartyRole.JOINT_CONTROLLER: "dpv:hasDataController",
    PartyRole.PROCESSOR: "dpv:hasDataProcessor",
    PartyRole.SUB_PROCESSOR: "dpv:hasDataProcessor",
}
_GENERIC_RIGHT: Final = DPV + "DataSubjectRight"


# A number of more digits than a period states in earnest, and than the tools reading xsd:duration compute with.
_LONG_NUMBER: Final = re.compile("[0-9]{19}")


def _ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def _distinct(refs: list[dict[str, str]]) -> list[dict[str, str]]:
    """``refs`` without those to an IRI met before, in their order."""
    return list({ref["@id"]: ref for ref in refs}.values())


def _web_iri(uri: str) -> tuple[str | None, str]:
    """A web address of the policy as an IRI to link to, or None and why it cannot be one."""
    iri = to_iri(uri)
    if iri is None:
        return None, "is not an IRI even with its characters percent-encoded"
    prefix, _, rest = iri.partition(":")
    if prefix in CONTEXT and not rest.startswith("//"):
        return None, f"would be read as a name in the '{prefix}' vocabulary (its scheme is one of the export's prefixes)"
    return iri, ""


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


class _DpvWriter:
    def __init__(self, policy: PrivacyPolicy) -> None:
        self.policy = policy
        self.base = f"urn:uuid:{policy_uuid(policy.document)}#"
        self.nodes: list[dict[str, Any]] = []
        self.categories = {c.id: c for c in policy.data_categories or ()}
        self.purposes = {p.id: p for p in policy.purposes or ()}
        self.bases = {b.id: b for b in policy.legal_bases or ()}
        self.recipients = {r.id: r for r in policy.recipients or ()}
        self.subjects = {s.id: s for s in policy.data_subjects or ()}
        self.notes: list[Problem] = []
        self.written: set[str] = set()  # the IRIs of the data and right nodes written

    def node(self, kind: str, local_id: str) -> str:
        """The IRI of the node ``kind/local_id`` under the policy's base."""
        return f"{self.base}{kind}/{iri_part(local_id)}"

    def link(self, uri: str, path: tuple[str | int, ...]) -> dict[str, str] | None:
        """A reference to the web address ``uri`` at ``path`` in the policy; None (noted) if it cannot be an IRI."""
        iri, why = _web_iri(uri)
        if iri is None:
            message = f"the address {shown(uri)} {why}; left out of the DPV export"
            self.notes.append(Problem(code=Code.NOT_EXPORTED, severity="warning", message=message, path=format_path(path)))
            return None
        return _ref(iri)

    def term(self, term: Vocabulary | CustomTerm) -> dict[str, str]:
        if isinstance(term, CustomTerm):
            return _ref(self.node("term", str(term)))
        if term.iri is not None:
            return _ref(term.iri)
        if term is DataCategoryTerm.PERSONAL_DATA:
            return _ref(DPV + "PersonalData")
        return _ref(f"{TERM_IRI}{type(term).__name__}:{term.value}")

    def terms(self, terms: Iterable[Vocabulary | CustomTerm]) -> list[dict[str, str]]:
        return list({ref["@id"]: ref for ref in map(self.term, terms)}.values())

    def party(self, party: Party, types: list[str], path: tuple[str | int, ...]) -> dict[str, str]:
        iri = self.node("party", party.id)
        node: dict[str, Any] = {"@id": iri, "@type": types, **({"rdfs:label": party.name} if party.name is not None else {})}
        website = self.link(party.website, (*path, "website")) if party.website else None
        if website is not None:
            node["rdfs:seeAlso"] = website
        self.nodes.append(node)
        return _ref(iri)

    def recipient(self, recipient: Recipient) -> dict[str, str]:
        iri = self.node("recipient", recipient.id)
        types = ["dpv:Recipient"]
        if recipient.role is not None and recipient.role.iri is not None:
            types.append(recipient.role.iri)
        node: dict[str, Any] = {"@id": iri, "@type": list(dict.fromkeys(types))}
        if recipient.name:
            node["rdfs:label"] = recipient.name
        kinds = self.terms([*([recipient.kind] if recipient.kind is not None else []), *(recipient.kinds or ())])
        if kinds:
            node["dct:type"] = kinds[0] if len(kinds) == 1 else kinds
        if recipient.description:
            node["dct:description"] = recipient.description
        self.nodes.append(node)
        return _ref(iri)

    def storage(self, retention: Retention, index: int) -> dict[str, str]:
        iri = self.node("storage", retention.id)
        node: dict[str, Any] = {"@id": iri, "@type": "dpv:StorageDuration"}
        if retention.period and _LONG_NUMBER.search(retention.period):
            message = f"the period {shown(retention.period)} has a number too long for the tools that read xsd:duration; left out"
            path = format_path(("retention", index, "period"))
            self.notes.append(Problem(code=Code.NOT_EXPORTED, severity="warning", message=message, path=path))
        elif retention.period:
            node["dpv:hasDuration"] = {"@value": retention.period, "@type": "xsd:duration"}
        text = "; ".join([*retention_conditions(retention), *([retention.description] if retention.description else [])])
        if text:
            node["dct:description"] = text
        self.nodes.append(node)
        return _ref(iri)

    def process(self, iri: str, description: str | None, linked: _Linked) -> dict[str, Any]:
        node: dict[str, Any] = {"@id": iri, "@type": "dpv:Process"}
        if description:
            node["dct:description"] = description
        links = (
            *self.data(self.categories[d] for d in linked.data or ()),
            ("dpv:hasDataSubject", self.terms(self.subjects[s].term for s in linked.subjects or ())),
            ("dpv:hasProcessing", self.terms(linked.operations or ())),
            ("dpv:hasPurpose", self.terms(self.purposes[p].term for p in linked.purposes or ())),
            ("dpv:hasLegalBasis", self.terms(self.bases[b].basis for b in linked.bases or ())),
            ("dpv:hasRecipient", [_ref(self.node("recipient", r)) for r in linked.recipients or ()]),
            ("dpv:hasStorageCondition", [_ref(self.node("storage", s)) for s in linked.storage or ()]),
        )
        node.update({key: values for key, values in links if values})
        return node

    def data(self, categories: Iterable[DataCategory]) -> tuple[tuple[str, list[dict[str, str]]], ...]:
        """The data categories by the property linking them: personal data by its term (``pd:EmailAddress``); data
        whose identifiability the policy states by a node typed with its term and its identifiability
        (``dpv:PseudonymisedData``), linked with ``dpv:hasData`` where it is no personal data (anonymised)."""
        personal: list[dict[str, str]] = []
        other: list[dict[str, str]] = []
        for category in categories:
            if category.identifiability is None:
                personal.append(self.term(category.term))
                continue
            iri = self.node("data", category.id)
            if iri not in self.written:
                self.written.add(iri)
                types = [self.term(category.term)["@id"], self.term(category.identifiability)["@id"]]
                self.nodes.append({"@id": iri, "@type": types})
            (other if category.identifiability in _NOT_PERSONAL else personal).append(_ref(iri))
        return ("dpv:hasPersonalData", _distinct(personal)), ("dpv:hasData", _distinct(other))

    def right(self, right: Right) -> dict[str, str]:
        """A right: its DPV IRI under its law (a GDPR article's, ``eu-gdpr:A15``); where DPV has none of its own, a
        node typed ``dpv:DataSubjectRight`` naming its kind and law."""
        iri = right_iri(right.kind, right.law)
        if not isinstance(right.kind, RightKind) or iri is None:
            return self.term(right.kind)
        if iri != _GENERIC_RIGHT:
            return _ref(iri)
        node_iri = self.node("right", right.kind.value if right.law is None else f"{right.kind.value}.{right.law}")
        if node_iri not in self.written:
            self.written.add(node_iri)
            node: dict[str, Any] = {"@id": node_iri, "@type": "dpv:DataSubjectRight"}
            node["dct:type"] = _ref(f"{TERM_IRI}RightKind:{right.kind.value}")
            if right.law is not None:
                node["dpv:hasApplicableLaw"] = self.term(right.law)
            self.nodes.append(node)
        return _ref(node_iri)

    def prohibition(self, rule: Prohibition, index: int) -> dict[str, str]:
        """A ``dpv:Prohibition``: what the policy says is not done, with the terms of what, with which data, for
        which purposes and with which kinds of recipient (an unnamed one by its place, ``_0``, which no id can be)."""
        iri = self.node("prohibition", rule.id or f"_{index}")
        node: dict[str, Any] = {"@id": iri, "@type": "dpv:Prohibition"}
        links = (
            ("dpv:hasProcessing", self.terms(rule.operations or ())),
            ("dpv:hasPersonalData", self.terms(rule.data or ())),
            ("dpv:hasPurpose", self.terms(rule.purposes or ())),
            ("dpv:hasRecipient", self.terms(rule.recipient_kinds or ())),
            ("rdfs:comment", rule.qualifier),
            ("dct:description", rule.description),
        )
        node.update({key: value for key, value in links if value})
        self.nodes.append(node)
        return _ref(iri)

    def processing(self, statement: Processing, index: int) -> dict[str, Any]:
        """The process of a processing statement: what it links, who carries it out (``dpv:isImplementedByEntity``),
        the controllers by their role in it, and its condition (a ``dpv:ProcessingCondition``)."""
        s = statement
        linked = _Linked(s.data, s.purposes, s.legal_bases, s.recipients, s.retention, s.subjects, s.operations)
        node = self.process(self.node("processing", s.id), s.description, linked)
        controllers = {party.id for party in self.policy.controllers}
        by = [_ref(self.node("party" if e in controllers else "recipient", e)) for e in statement.by or ()]
        if by:
            node["dpv:isImplementedByEntity"] = by
        role = _ROLE_PROPERTY.get(statement.role) if statement.role is not None else None
        if role is not None:
            node[role] = [_ref(self.node("party", party_id)) for party_id in controllers]
        elif statement.role is not None:
            self.lost(("processing", index, "role"), f"DPV links controllers or processors to a process, not a {statement.role}")
        if statement.condition:
            node["dpv:hasProcessingCondition"] = {"@type": "dpv:ProcessingCondition", "dct:description": statement.condition}
        if statement.exceptions:
            self.lost(("processing", index, "exceptions"), "DPV has no exceptions to a process")
        return node

    def lost(self, path: tuple[str | int, ...], why: str) -> None:
        """Note that the field at ``path`` (of a processing statement) is not carried over, and why."""
        message = f"processing[*].{path[-1]}: not carried over to DPV; {why}"
        self.notes.append(Problem(code=Code.NOT_EXPORTED, severity="warning", message=message, path=format_path(path)))

    def document(self) -> dict[str, Any]:
        """The JSON-LD document: the policy's process node, the processes it links and the nodes they name."""
        top = self.top()
        top.update(self.entities())
        top.update(self.statements())
        processes = self.processes()
        if processes:
            top["dpv:hasProcess"] = [_ref(p["@id"]) for p in processes]
        return {"@context": dict(CONTEXT), "@graph": [top, *processes, *self.nodes]}

    def top(self) -> dict[str, Any]:
        """The policy's process node with what the document says of itself: title, source, language, dates."""
        document = self.policy.document
        top: dict[str, Any] = {"@id": self.base + "policy", "@type": "dpv:Process", "dct:title": document.title}
        source = self.link(document.url, ("document", "url")) if document.url else None
        if source is not None:
            top["dct:source"] = source
        if document.language:
            top["dct:language"] = document.language
        for key, date in (("dct:issued", document.effective_date), ("dct:modified", document.last_updated)):
            if date is not None:
                top[key] = {"@value": date.isoformat(), "@type": "xsd:date"}
        return top

    def entities(self) -> dict[str, list[dict[str, str]]]:
        """The parties of the policy by the property linking them (those stated only)."""
        policy = self.policy
        controllers, processors = [], []
        for index, party in enumerate(policy.controllers):
            roles = [r.role for r in party.roles or ()]
            types = list(dict.fromkeys(r.iri for r in roles if r.iri is not None)) or [DPV + "DataController"]
            ref = self.party(party, types, ("controllers", index))
            if not roles or any(r in _CONTROLLER_ROLES for r in roles):
                controllers.append(ref)
            elif any(r in _PROCESSOR_ROLES for r in roles):
                processors.append(ref)
        entities = {
            "dpv:hasDataController": controllers,
            "dpv:hasDataProcessor": processors,
            "dpv:hasRepresentative": [self.party(policy.representative, ["dpv:Representative"], ("representative",))]
            if policy.representative
            else [],
            "dpv:hasEntity": [
                self.party(policy.supervisory_authority, ["dpv:DataProtectionAuthority"], ("supervisory_authority",))
            ]
            if policy.supervisory_authority
            else [],
        }
        if policy.dpo is not None:
            node: dict[str, Any] = {"@id": self.base + "dpo", "@type": "dpv:DataProtectionOfficer"}
            if policy.dpo.name:
                node["rdfs:label"] = policy.dpo.name
            self.nodes.append(node)
            entities["dpv:hasDataProtectionOfficer"] = [_ref(self.base + "dpo")]
        return {key: refs for key, refs in entities.items() if refs}

    def statements(self) -> dict[str, list[dict[str, str]]]:
        """Everything the policy states, by the property linking it (those stated only)."""
        policy = self.policy
        mechanisms = [m for t in policy.transfers or () for m in t.mechanisms or ()]
        statements = {
            **dict(self.data(policy.data_categories or ())),
            "dpv:hasDataSubject": self.terms(s.term for s in policy.data_subjects or ()),
            "dpv:hasProcessing": self.terms(op for p in policy.processing or () for op in p.operations or ()),
            "dpv:hasPurpose": self.terms(p.term for p in policy.purposes or ()),
            "dpv:hasLegalBasis": self.terms([*(b.basis for b in policy.legal_bases or ()), *mechanisms]),
            "dpv:hasRecipient": [self.recipient(r) for r in policy.recipients or ()],
            "dpv:hasStorageCondition": [self.storage(r, index) for index, r in enumerate(policy.retention or ())],
            "dpv:hasRight": list({ref["@id"]: ref for ref in map(self.right, policy.rights or ())}.values()),
            "dpv:hasTechnicalOrganisationalMeasure": self.terms(policy.security.measures or () if policy.security else ()),
            "dpv:hasThirdCountry": [
                _ref(CONTEXT["loc"] + c) for c in dict.fromkeys(c for t in policy.transfers or () for c in t.destinations or ())
            ],
            "dpv:hasRule": [self.prohibition(rule, index) for index, rule in enumerate(policy.prohibitions or ())],
        }
        return {key: refs for key, refs in statements.items() if refs}

    def processes(self) -> list[dict[str, Any]]:
        """A process for every statement that links parts of the policy."""
        policy = self.policy
        processes = [self.processing(p, index) for index, p in enumerate(policy.processing or ())]
        processes += [
            self.process(self.node("data-subjects", c.id), None, _Linked([c.id], None, subjects=c.subjects))
            for c in policy.data_categories or ()
            if c.subjects
        ]
        processes += [
            self.process(self.node("legal-basis", b.id), b.description, _Linked(b.data, b.purposes, bases=[b.id]))
            for b in policy.legal_bases or ()
            if b.data or b.purposes
        ]
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
        return processes


def to_dpv(policy: PrivacyPolicy, *, notes: list[Problem] | None = None) -> dict[str, Any]:
    """Write ``policy`` as a JSON-LD document (a dict ready for :func:`json.dumps`) in DPV 2.x terms.

    The ``@context`` declares prefixes only, so the document expands and parses
    without fetching anything. Every IRI written is a valid IRI: characters an
    IRI cannot hold are percent-encoded (see :mod:`privacymodel.formats.iri`).
    If ``notes`` is a list, a PM404 warning is appended for every field the
    export does not carry (cookies, choices, the policy's prose), for a web
    address that cannot be an IRI (or would be read as a term of one of the
    prefixes), and for a period with a number too long for ``xsd:duration``
    tools; those are left out.
    """
    writer = _DpvWriter(policy)
    document = writer.document()
    if notes is not None:
        notes.extend(writer.notes)
        notes.extend(left_out(policy, _CARRIED, "DPV", _WHY_NOT, _WHOLE))
    return document
