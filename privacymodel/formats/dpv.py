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
``dpv:Process`` (``dpv:hasProcess``) with the links it states.

Vocabulary terms are written as their DPV IRIs (``pd:EmailAddress``,
``dpv:ServiceProvision``, ``eu-gdpr:A6-1-a``, ``eu-gdpr:A15``); terms with no DPV
counterpart keep a project IRI (``urn:privacymodel:term:PurposeTerm:business-transfer``)
and ``x-`` custom terms an IRI under the policy's base. Nodes of the policy
(parties, recipients, storage conditions, processes) have IRIs under a base
derived from the policy's URL, or its title: ``urn:uuid:<uuid5>#``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import attrs

from privacymodel.codec.converter import unstructure
from privacymodel.formats.left_out import left_out
from privacymodel.formats.shared import policy_uuid, retention_conditions
from privacymodel.model.policy import Party, PrivacyPolicy, Recipient, Retention
from privacymodel.model.vocab import DPV, EU_GDPR, PD, CustomTerm, DataCategoryTerm, PartyRole, Vocabulary
from privacymodel.problems import Problem

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

_CARRIED: Final = (
    "privacymodel",
    "document.title",
    "document.url",
    "document.language",
    "document.effective_date",
    "document.last_updated",
    "controllers[*].id",
    "controllers[*].name",
    "controllers[*].roles[*].role",
    "representative.id",
    "representative.name",
    "dpo.name",
    "supervisory_authority.id",
    "supervisory_authority.name",
    "data_categories[*].id",
    "data_categories[*].term",
    "purposes[*].id",
    "purposes[*].term",
    "legal_bases[*].id",
    "legal_bases[*].basis",
    "legal_bases[*].purposes",
    "legal_bases[*].data",
    "legal_bases[*].description",
    "processing",
    "recipients[*].id",
    "recipients[*].name",
    "recipients[*].kind",
    "recipients[*].role",
    "recipients[*].data",
    "recipients[*].purposes",
    "recipients[*].description",
    "retention",
    "rights[*].kind",
    "transfers[*].destinations",
    "transfers[*].mechanisms",
    "security.measures",
)
_WHY_NOT: Final = {
    "": "the export holds the processing, its parties and its terms, not the policy's prose",
    "cookies": "DPV has no model of individual cookies",
}
_WHOLE: Final = ("cookies", "children", "do_not_track", "certifications", "sale_of_data", "policy_changes", "choices", "laws")


def _ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


@attrs.frozen
class _Linked:
    """What a statement links: the ids of data categories, purposes, legal bases, recipients and retention statements."""

    data: Iterable[str] | None
    purposes: Iterable[str] | None
    bases: Iterable[str] | None = None
    recipients: Iterable[str] | None = None
    storage: Iterable[str] | None = None


class _DpvWriter:
    def __init__(self, policy: PrivacyPolicy) -> None:
        self.policy = policy
        self.base = f"urn:uuid:{policy_uuid(policy.document)}#"
        self.nodes: list[dict[str, Any]] = []
        self.categories = {c.id: c for c in policy.data_categories or ()}
        self.purposes = {p.id: p for p in policy.purposes or ()}
        self.bases = {b.id: b for b in policy.legal_bases or ()}
        self.recipients = {r.id: r for r in policy.recipients or ()}

    def term(self, term: Vocabulary | CustomTerm) -> dict[str, str]:
        if isinstance(term, CustomTerm):
            return _ref(f"{self.base}term/{term}")
        if term.iri is not None:
            return _ref(term.iri)
        if term is DataCategoryTerm.PERSONAL_DATA:
            return _ref(DPV + "PersonalData")
        return _ref(f"{TERM_IRI}{type(term).__name__}:{term.value}")

    def terms(self, terms: Iterable[Vocabulary | CustomTerm]) -> list[dict[str, str]]:
        return list({ref["@id"]: ref for ref in map(self.term, terms)}.values())

    def party(self, party: Party, kind: str, types: list[str]) -> dict[str, str]:
        iri = f"{self.base}{kind}/{party.id}"
        node: dict[str, Any] = {"@id": iri, "@type": types, "rdfs:label": party.name}
        if party.website:
            node["rdfs:seeAlso"] = _ref(party.website)
        self.nodes.append(node)
        return _ref(iri)

    def recipient(self, recipient: Recipient) -> dict[str, str]:
        iri = f"{self.base}recipient/{recipient.id}"
        types = ["dpv:Recipient"]
        if recipient.role is not None and recipient.role.iri is not None:
            types.append(recipient.role.iri)
        node: dict[str, Any] = {"@id": iri, "@type": list(dict.fromkeys(types))}
        if recipient.name:
            node["rdfs:label"] = recipient.name
        if recipient.kind is not None:
            node["dct:type"] = self.term(recipient.kind)
        if recipient.description:
            node["dct:description"] = recipient.description
        self.nodes.append(node)
        return _ref(iri)

    def storage(self, retention: Retention) -> dict[str, str]:
        iri = f"{self.base}storage/{retention.id}"
        node: dict[str, Any] = {"@id": iri, "@type": "dpv:StorageDuration"}
        if retention.period:
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
            ("dpv:hasPersonalData", self.terms(self.categories[d].term for d in linked.data or ())),
            ("dpv:hasPurpose", self.terms(self.purposes[p].term for p in linked.purposes or ())),
            ("dpv:hasLegalBasis", self.terms(self.bases[b].basis for b in linked.bases or ())),
            ("dpv:hasRecipient", [_ref(f"{self.base}recipient/{r}") for r in linked.recipients or ()]),
            ("dpv:hasStorageCondition", [_ref(f"{self.base}storage/{s}") for s in linked.storage or ()]),
        )
        node.update({key: values for key, values in links if values})
        return node

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
        if document.url:
            top["dct:source"] = _ref(document.url)
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
        for party in policy.controllers:
            roles = [r.role for r in party.roles or ()]
            types = list(dict.fromkeys(r.iri for r in roles if r.iri is not None)) or [DPV + "DataController"]
            ref = self.party(party, "party", types)
            if not roles or any(r in _CONTROLLER_ROLES for r in roles):
                controllers.append(ref)
            elif any(r in _PROCESSOR_ROLES for r in roles):
                processors.append(ref)
        entities = {
            "dpv:hasDataController": controllers,
            "dpv:hasDataProcessor": processors,
            "dpv:hasRepresentative": [self.party(policy.representative, "party", ["dpv:Representative"])]
            if policy.representative
            else [],
            "dpv:hasEntity": [self.party(policy.supervisory_authority, "party", ["dpv:DataProtectionAuthority"])]
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
            "dpv:hasPersonalData": self.terms(c.term for c in policy.data_categories or ()),
            "dpv:hasPurpose": self.terms(p.term for p in policy.purposes or ()),
            "dpv:hasLegalBasis": self.terms([*(b.basis for b in policy.legal_bases or ()), *mechanisms]),
            "dpv:hasRecipient": [self.recipient(r) for r in policy.recipients or ()],
            "dpv:hasStorageCondition": [self.storage(r) for r in policy.retention or ()],
            "dpv:hasRight": self.terms(r.kind for r in policy.rights or ()),
            "dpv:hasTechnicalOrganisationalMeasure": self.terms(policy.security.measures or () if policy.security else ()),
            "dpv:hasThirdCountry": [
                _ref(CONTEXT["loc"] + c) for c in dict.fromkeys(c for t in policy.transfers or () for c in t.destinations or ())
            ],
        }
        return {key: refs for key, refs in statements.items() if refs}

    def processes(self) -> list[dict[str, Any]]:
        """A process for every statement that links parts of the policy."""
        policy, base = self.policy, self.base
        processes = [
            self.process(
                f"{base}processing/{p.id}", p.description, _Linked(p.data, p.purposes, p.legal_bases, p.recipients, p.retention)
            )
            for p in policy.processing or ()
        ]
        processes += [
            self.process(f"{base}legal-basis/{b.id}", b.description, _Linked(b.data, b.purposes, bases=[b.id]))
            for b in policy.legal_bases or ()
            if b.data or b.purposes
        ]
        processes += [
            self.process(f"{base}disclosure/{r.id}", None, _Linked(r.data, r.purposes, recipients=[r.id]))
            for r in policy.recipients or ()
            if r.data or r.purposes
        ]
        processes += [
            self.process(f"{base}retention/{t.id}", None, _Linked(t.data, t.purposes, storage=[t.id]))
            for t in policy.retention or ()
            if t.data or t.purposes
        ]
        return processes


def to_dpv(policy: PrivacyPolicy, *, notes: list[Problem] | None = None) -> dict[str, Any]:
    """Write ``policy`` as a JSON-LD document (a dict ready for :func:`json.dumps`) in DPV 2.x terms.

    The ``@context`` declares prefixes only, so the document expands and parses
    without fetching anything. If ``notes`` is a list, a PM404 warning is
    appended for every field the export does not carry (cookies, choices, the
    policy's prose).
    """
    document = _DpvWriter(policy).document()
    if notes is not None:
        notes.extend(left_out(unstructure(policy), _CARRIED, "DPV", _WHY_NOT, _WHOLE))
    return document
