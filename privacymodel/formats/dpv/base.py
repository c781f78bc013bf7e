"""What every part of the DPV export shares: the prefixes, the IRIs of nodes and terms, and the terms it declares.

A vocabulary term with a DPV IRI is written as that IRI (``pd:EmailAddress``). A term DPV has no IRI for in the
model but has a concept for is written as that concept (:data:`EQUIVALENT`: ``anonymised-data`` is
``dpv:AnonymisedData``). Any other term, a project term (``urn:privacymodel:term:PurposeTerm:business-transfer``)
or an ``x-`` custom term (an IRI under the policy's base), is declared in the graph as a concept of its own:
an ``rdfs:Class`` and ``skos:Concept`` below the DPV concept of the field it fills (``rdfs:subClassOf`` and
``skos:broader`` ``dpv:Purpose``), with a label (for a custom term, the policy's own name for it where it gives
one), the term as written (``skos:notation``) and, for a custom term, what the policy says of it
(``dct:description``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from privacymodel.formats.iri import iri_part, to_iri
from privacymodel.formats.shared import policy_uuid
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import (
    DPV,
    EU_GDPR,
    PD,
    CustomTerm,
    DataCategoryTerm,
    Identifiability,
    LegalBasisTerm,
    MeasureTerm,
    RecipientKind,
    Vocabulary,
)
from privacymodel.problems import Code, Problem, format_path, shown

__all__ = ["CONTEXT", "DPV_VERSION", "EQUIVALENT", "LOC", "TERM_IRI", "Builder", "Ref", "distinct", "ref"]

DPV_VERSION: Final = "2.3"
"""The release of the W3C Data Privacy Vocabulary the export is written in: every DPV IRI it writes exists in it."""

TERM_IRI: Final = "urn:privacymodel:term:"
"""The prefix of the project IRIs for terms with no DPV counterpart: ``urn:privacymodel:term:<Vocabulary>:<value>``."""

LOC: Final = "https://w3id.org/dpv/loc#"
"""DPV's locations extension: a country is ``loc:<ISO 3166-1 alpha-2 code>`` (``loc:US``), a ``dpv:Country``."""

CONTEXT: Final[dict[str, str]] = {
    "dpv": DPV,
    "pd": PD,
    "eu-gdpr": EU_GDPR,
    "legal-eu": "https://w3id.org/dpv/legal/eu#",
    "legal-gb": "https://w3id.org/dpv/legal/gb#",
    "legal-us": "https://w3id.org/dpv/legal/us#",
    "loc": LOC,
    "dct": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "pm": TERM_IRI,
}
"""The JSON-LD ``@context`` written: prefixes only, so every IRI expands without fetching anything."""

EQUIVALENT: Final[dict[Vocabulary, str]] = {
    DataCategoryTerm.PERSONAL_DATA: DPV + "PersonalData",
    DataCategoryTerm.ANONYMISED_DATA: DPV + "AnonymisedData",
    MeasureTerm.PHYSICAL_SECURITY: DPV + "PhysicalMeasure",
    MeasureTerm.CONFIDENTIALITY_AGREEMENTS: DPV + "NDA",
}
"""Terms the model gives no IRI whose concept DPV 2.3 has under a name of its own (``confidentiality-agreements``
is ``dpv:NDA``, a non-disclosure agreement)."""

# Project terms with a broader concept more precise than their field's: a public authority receiving data is a
# recipient and a dpv:Authority; opt-out consent is a kind of consent; aggregated data is no personal data.
_BROADER: Final[dict[Vocabulary, tuple[str, ...]]] = {
    RecipientKind.PUBLIC_AUTHORITY: (DPV + "Recipient", DPV + "Authority"),
    LegalBasisTerm.OPT_OUT_CONSENT: (DPV + "Consent",),
    Identifiability.AGGREGATED: (DPV + "NonPersonalData",),
}

Ref = dict[str, str]
"""A JSON-LD reference to a node: ``{"@id": iri}``."""


def ref(iri: str) -> Ref:
    """A reference to the node ``iri``."""
    return {"@id": iri}


def _label(term: str) -> str:
    """A term as words: ``x-loyalty-points`` -> ``loyalty points``."""
    return term.removeprefix("x-").replace("-", " ").replace("_", " ").strip() or term


class Builder:
    """The graph being written: the policy's base IRI, the nodes, the terms declared and the notes (PM404)."""

    def __init__(self, policy: PrivacyPolicy) -> None:
        self.policy = policy
        self.base = f"urn:uuid:{policy_uuid(policy.document)}#"
        self.nodes: list[dict[str, Any]] = []
        self.notes: list[Problem] = []
        self.written: set[str] = set()  # the IRIs of the nodes written that more than one statement may name
        self.declared: dict[str, dict[str, Any]] = {}  # the project and custom terms used, by IRI
        self.described: dict[str, list[str]] = {}  # what the policy says of each custom term it defines
        self.labels: dict[str, str] = {}  # the policy's own name for each custom term, where it gives one
        for statements in (policy.purposes, policy.data_categories, policy.data_subjects):
            for statement in statements or ():
                if isinstance(statement.term, CustomTerm) and statement.description:
                    said = self.described.setdefault(str(statement.term), [])
                    if statement.description not in said:
                        said.append(statement.description)
        for labelled in (policy.purposes, policy.data_categories):
            for named in labelled or ():
                if isinstance(named.term, CustomTerm) and named.label:
                    self.labels.setdefault(str(named.term), named.label)

    def node(self, kind: str, local_id: str) -> str:
        """The IRI of the node ``kind/local_id`` under the policy's base."""
        return f"{self.base}{kind}/{iri_part(local_id)}"

    def add(self, node: dict[str, Any]) -> Ref:
        """Write ``node`` once (a second node of the same IRI is not written again); a reference to it."""
        if node["@id"] not in self.written:
            self.written.add(node["@id"])
            self.nodes.append(node)
        return ref(node["@id"])

    def note(self, path: tuple[str | int, ...], message: str) -> None:
        """A PM404 warning at ``path``: something there is not carried over, and why."""
        self.notes.append(Problem(code=Code.NOT_EXPORTED, severity="warning", message=message, path=format_path(path)))

    def lost(self, path: tuple[str | int, ...], why: str) -> None:
        """Note that the field at ``path`` of a statement is not carried over, and why."""
        self.note(path, f"{path[0]}[*].{path[-1]}: not carried over to DPV; {why}")

    def link(self, uri: str, path: tuple[str | int, ...]) -> Ref | None:
        """A reference to the web address ``uri`` at ``path`` in the policy; None (noted) if it cannot be an IRI."""
        iri = to_iri(uri)
        why = "is not an IRI even with its characters percent-encoded"
        if iri is not None:
            prefix, _, rest = iri.partition(":")
            if prefix not in CONTEXT or rest.startswith("//"):
                return ref(iri)
            why = f"would be read as a name in the '{prefix}' vocabulary (its scheme is one of the export's prefixes)"
        self.note(path, f"the address {shown(uri)} {why}; left out of the DPV export")
        return None

    def term(self, term: Vocabulary | CustomTerm, parent: str) -> Ref:
        """A term as a reference: its DPV IRI, or a concept declared below ``parent``, the DPV concept of the field."""
        if isinstance(term, Vocabulary):
            iri = term.iri or EQUIVALENT.get(term)
            if iri is not None:
                return ref(iri)
            iri = f"{TERM_IRI}{type(term).__name__}:{term.value}"
            self.declare(iri, _BROADER.get(term, (parent,)), str(term), term.description)
        else:
            iri = self.node("term", str(term))
            self.declare(iri, (parent,), str(term), None)
        return ref(iri)

    def terms(self, terms: Iterable[Vocabulary | CustomTerm], parent: str) -> list[Ref]:
        """The distinct terms of ``terms`` as references, in their order (see :meth:`term`)."""
        return distinct(self.term(term, parent) for term in terms)

    def declare(self, iri: str, parents: tuple[str, ...], written: str, definition: str | None) -> None:
        """Declare the concept ``iri`` (once; a second parent is added to the first's) below ``parents``."""
        node = self.declared.get(iri)
        if node is None:
            label = self.labels.get(written) or _label(written)
            node = self.declared[iri] = {
                "@id": iri,
                "@type": ["rdfs:Class", "skos:Concept"],
                "rdfs:subClassOf": [],
                "skos:broader": [],
                "rdfs:label": label,
                "skos:prefLabel": label,
                "skos:notation": written,
            }
            if definition:
                node["skos:definition"] = definition
            said = self.described.get(written) if written.startswith("x-") else None
            if said:
                node["dct:description"] = said
        for parent in parents:
            if ref(parent) not in node["skos:broader"]:
                node["rdfs:subClassOf"].append(ref(parent))
                node["skos:broader"].append(ref(parent))


def distinct(refs: Iterable[Ref]) -> list[Ref]:
    """``refs`` without those to an IRI met before, in their order."""
    return list({item["@id"]: item for item in refs}.values())
