"""The parties of the DPV export: controllers, their representative and data protection officer, the supervisory
authority and the recipients, each a node with its name, address and contact details.

A controller is typed with the DPV concepts of its roles (``dpv:DataController``, ``dpv:JointDataControllers``,
``dpv:DataProcessor`` where a processing statement says it acts as one) and carries what DPV says of an entity:
``dpv:hasName``, ``dpv:hasAddress``, ``dpv:hasContact`` and, as DPV puts them on the entity, its
``dpv:hasRepresentative`` and ``dpv:hasDataProtectionOfficer``. The supervisory authority is a
``dpv:DataProtectionAuthority`` (``dpv:hasAuthority``). A recipient is a ``dpv:Recipient`` typed with its role
and its kinds, and a ``dpv:DataImporter`` when a transfer names it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from privacymodel.formats.dpv.base import Builder, Ref, ref
from privacymodel.model.policy import ContactPoint, Party, PrivacyPolicy, Recipient
from privacymodel.model.vocab import DPV, PartyRole

__all__ = ["CONTROLLER_ROLES", "PROCESSOR_ROLES", "Parties"]

CONTROLLER_ROLES: Final = (PartyRole.CONTROLLER, PartyRole.JOINT_CONTROLLER)
"""The roles of a party the export links with ``dpv:hasDataController``."""
PROCESSOR_ROLES: Final = (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR)
"""The roles of a party the export links with ``dpv:hasDataProcessor``."""

Path = tuple[str | int, ...]


def contacts(points: Iterable[ContactPoint]) -> list[str]:
    """Ways to reach a party as DPV's contact details: each email address, telephone number and web address."""
    return list(dict.fromkeys(value for point in points for value in (point.email, point.phone, point.url) if value))


def addresses(points: Iterable[ContactPoint]) -> list[str]:
    """The postal addresses among ways to reach a party, each on one line."""
    return list(dict.fromkeys(point.address.one_line() for point in points if point.address is not None))


class Parties(Builder):
    """The party and recipient nodes of a policy."""

    def __init__(self, policy: PrivacyPolicy) -> None:
        super().__init__(policy)
        roles = {party.id: [r.role for r in party.roles or ()] for party in policy.controllers}
        controlling = [pid for pid, held in roles.items() if not held or any(r in CONTROLLER_ROLES for r in held)]
        self.controlling: Final = controlling or list(roles)
        """The ids of the parties linked as the controllers (all of them, where none is said to be one)."""
        # The roles processing statements say the controllers act in (a processor for its customers' data).
        self.acting: Final = [s.role for s in policy.processing or () if s.role in (*CONTROLLER_ROLES, *PROCESSOR_ROLES)]
        self.importers: Final = {r for t in policy.transfers or () for r in t.recipients or ()}
        """The ids of the recipients a transfer names: data importers."""

    def party(self, party: Party, types: list[str], path: Path) -> Ref:
        """The node of ``party``, typed ``types``, with its names, website, address and contact details: a
        controller at ``party/<id>``, the representative at ``representative/<id>``, the supervisory authority at
        ``authority/<id>``."""
        kind = {"controllers": "party", "supervisory_authority": "authority"}.get(str(path[0]), str(path[0]))
        node: dict[str, Any] = {"@id": self.node(kind, party.id), "@type": types}
        if party.name is not None:
            node["rdfs:label"] = node["dpv:hasName"] = party.name
        if party.aliases:
            node["skos:altLabel"] = list(party.aliases)
        website = self.link(party.website, (*path, "website")) if party.website else None
        if website is not None:
            node["rdfs:seeAlso"] = website
        self.reach(node, [party.address.one_line()] if party.address else [], party.contacts or ())
        return self.add(node)

    @staticmethod
    def reach(node: dict[str, Any], postal: list[str], points: Iterable[ContactPoint]) -> None:
        """Add the addresses and contact details of ``points`` (and the addresses ``postal``) to ``node``."""
        points = tuple(points)
        found = list(dict.fromkeys([*postal, *addresses(points)]))
        if found:
            node["dpv:hasAddress"] = found
        details = contacts(points)
        if details:
            node["dpv:hasContact"] = details

    def entities(self) -> dict[str, list[Ref]]:
        """The parties of the policy by the property linking them to its process (those stated only)."""
        policy = self.policy
        acting = list(dict.fromkeys(role.iri for role in self.acting if role.iri is not None))
        controllers, processors = [], []
        for index, party in enumerate(policy.controllers):
            roles = [r.role for r in party.roles or ()]
            types = list(dict.fromkeys(r.iri for r in roles if r.iri is not None)) or [DPV + "DataController"]
            if party.id in self.controlling:
                types = list(dict.fromkeys([*types, *acting]))
            reference = self.party(party, types, ("controllers", index))
            if not roles or any(r in CONTROLLER_ROLES for r in roles):
                controllers.append(reference)
            elif any(r in PROCESSOR_ROLES for r in roles):
                processors.append(reference)
        self.responsible()
        authority = policy.supervisory_authority
        entities = {
            "dpv:hasDataController": controllers,
            "dpv:hasDataProcessor": processors,
            "dpv:hasAuthority": [self.party(authority, [DPV + "DataProtectionAuthority"], ("supervisory_authority",))]
            if authority
            else [],
        }
        return {key: refs for key, refs in entities.items() if refs}

    def responsible(self) -> None:
        """The representative and the data protection officer, on each controller, as DPV links them to an entity."""
        policy = self.policy
        links: dict[str, Any] = {}
        if policy.representative is not None:
            links["dpv:hasRepresentative"] = self.party(policy.representative, [DPV + "Representative"], ("representative",))
        if policy.dpo is not None:
            node: dict[str, Any] = {"@id": self.base + "dpo", "@type": DPV + "DataProtectionOfficer"}
            if policy.dpo.name:
                node["rdfs:label"] = node["dpv:hasName"] = policy.dpo.name
            self.reach(node, [], policy.dpo.contacts or ())
            links["dpv:hasDataProtectionOfficer"] = self.add(node)
        if links:
            for node in self.nodes:
                if node["@id"] in {self.node("party", pid) for pid in self.controlling}:
                    node.update(links)

    def recipient(self, recipient: Recipient, index: int) -> Ref:
        """The node of a recipient: a ``dpv:Recipient`` typed with its role and kinds, named, described, with its
        address and website."""
        types = [DPV + "Recipient"]
        if recipient.role is not None and recipient.role.iri is not None:
            types.append(recipient.role.iri)
        if recipient.id in self.importers:
            types.append(DPV + "DataImporter")
        kinds = [*([recipient.kind] if recipient.kind is not None else []), *(recipient.kinds or ())]
        types += [kind["@id"] for kind in self.terms(kinds, DPV + "Recipient")]
        node: dict[str, Any] = {"@id": self.node("recipient", recipient.id), "@type": list(dict.fromkeys(types))}
        if recipient.name:
            node["rdfs:label"] = node["dpv:hasName"] = recipient.name
        if recipient.description:
            node["dct:description"] = recipient.description
        self.reach(node, [recipient.address.one_line()] if recipient.address else [], ())
        website = self.link(recipient.website, ("recipients", index, "website")) if recipient.website else None
        if website is not None:
            node["rdfs:seeAlso"] = website
        return self.add(node)

    def recipient_ref(self, recipient_id: str) -> Ref:
        """A reference to the recipient ``recipient_id`` (written by :meth:`recipient`)."""
        return ref(self.node("recipient", recipient_id))

    def party_or_recipient(self, entity_id: str) -> Ref:
        """A reference to the controller or recipient a statement's ``by`` names."""
        if any(party.id == entity_id for party in self.policy.controllers):
            return ref(self.node("party", entity_id))
        return self.recipient_ref(entity_id)
