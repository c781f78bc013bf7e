"""Writing a policy as a TILT document (see the package documentation for the mapping)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any, Final

import attrs

from privacymodel.formats.shared import policy_uuid, retention_conditions
from privacymodel.formats.tilt.common import NOT_STATED_EMAIL, UNKNOWN_COUNTRY, UNLINKED_ID, is_legitimate_interests, unique
from privacymodel.formats.tilt.coverage import kinds_left_out, not_held
from privacymodel.formats.tilt.links import Links, distinct, frozen, links
from privacymodel.formats.tilt.recognise import PURPOSE_TERMS, RECIPIENT_TERMS
from privacymodel.formats.tilt.stored import CRITERIA_SEPARATOR
from privacymodel.formats.tilt.values import LANGUAGES, TILT_REFERENCE, address_text, basis_out, party_name, tilt_duration
from privacymodel.formats.tilt.write_parts import PartsWriter
from privacymodel.model.policy import DataCategory, PrivacyPolicy, Recipient, Retention
from privacymodel.model.vocab import DataCategoryTerm
from privacymodel.problems import Problem

__all__ = ["to_tilt"]


class _TiltWriter(PartsWriter):
    """Builds a TILT document from a policy, noting what TILT cannot hold and the placeholders written."""

    def __init__(self, policy: PrivacyPolicy, today: dt.date) -> None:
        super().__init__(policy, today)
        self.said: set[int] = set()  # provision requirements already noted
        self.purposes = {p.id: p for p in policy.purposes or ()}
        self.purpose_index = {p.id: i for i, p in enumerate(policy.purposes or ())}
        self.bases = {b.id: b for b in policy.legal_bases or ()}
        self.recipients = {r.id: r for r in policy.recipients or ()}
        self.recipient_index = {r.id: i for i, r in enumerate(policy.recipients or ())}
        self.retention = {r.id: r for r in policy.retention or ()}
        self.retention_index = {r.id: i for i, r in enumerate(policy.retention or ())}

    # The document.

    def document(self) -> dict[str, Any]:
        """The TILT document, in TILT's order of keys, its ``meta._hash`` the SHA-256 of the rest."""
        policy = self.policy
        doc: dict[str, Any] = {
            "meta": self.meta(),
            "controller": self.controller(),
            "dataProtectionOfficer": self.dpo(),
            "dataDisclosed": self.data_disclosed(),
            "thirdCountryTransfers": self.transfers(),
            "accessAndDataPortability": self.access(),
            "sources": self.sources(),
            **self.rights(),
            "automatedDecisionMaking": self.automated_decisions(),
            "changesOfPurpose": self.purpose_changes(),
        }
        self.notes += [*kinds_left_out(policy), *not_held(policy)]
        canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        doc["meta"]["_hash"] = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
        return doc

    def meta(self) -> dict[str, Any]:
        """``meta``: the controller's name, the policy's dates, version, language and URL, a UUID and the hash."""
        document = self.policy.document
        stated = [document.effective_date, document.last_updated, document.retrieved_on]
        created = next((d for d in stated if d is not None), None)
        modified = next((d for d in (document.last_updated, document.effective_date, document.retrieved_on) if d), None)
        if created is None:
            self.placeholder("meta.created and meta.modified", self.today.isoformat(), ("document",))
        for name in ("effective_date", "last_updated", "retrieved_on"):
            date = getattr(document, name)
            if date is not None and date not in (created, modified):
                self.lost(("document", name), "TILT has two dates, meta.created and meta.modified; this one is left out")
        language = (document.language or "").split("-")[0].lower()
        if language not in LANGUAGES:
            language = "en"
            self.placeholder("meta.language", language, ("document", "language"))
        stated_version = document.version or ""
        version = int(stated_version.lstrip("0")) if re.fullmatch(r"0*[1-9][0-9]{0,8}", stated_version) else 1
        if document.version is not None and version == 1 and stated_version.lstrip("0") != "1":
            self.lost(("document", "version"), "TILT's meta.version is a whole number; the policy's version label is left out")
        return {
            "_id": str(policy_uuid(document)),
            "name": party_name(self.policy.controllers[0]),
            "created": (created or self.today).isoformat(),
            "modified": (modified or self.today).isoformat(),
            "version": version,
            "language": language,
            "status": "active",
            "url": document.url or "",
            "_hash": "",
        }

    def controller(self) -> dict[str, Any]:
        """``controller``: the first controller, its division, address and country, and the representative."""
        policy = self.policy
        first = policy.controllers[0]
        for index, other in enumerate(policy.controllers[1:], start=1):
            self.lost(("controllers", index), f"TILT names one controller; {party_name(other)!r} is left out")
        representative: dict[str, Any]
        if policy.representative is None:
            self.placeholder("controller.representative", "no name, no email", ("representative",))
            representative = {"name": "", "email": NOT_STATED_EMAIL}
        else:
            contacts = policy.representative.contacts or ()
            path = ("representative", "contacts")
            representative = {
                "name": self.name(policy.representative, "controller.representative.name", ("representative",)),
                "email": self.email(contacts, "controller.representative.email", path),
                **self.phone(contacts, path),
            }
        if first.address is None:
            self.placeholder("controller.address", "", ("controllers", 0, "address"))
        return {
            "name": self.name(first, "controller.name", ("controllers", 0)),
            **({"division": first.division} if first.division else {}),
            "address": address_text(first.address),
            "country": self.country(first.address, "controller.country", ("controllers", 0, "address", "country")),
            "representative": representative,
        }

    def dpo(self) -> dict[str, Any]:
        """``dataProtectionOfficer``: the officer's name, first postal address, email and phone."""
        dpo = self.policy.dpo
        if dpo is None:
            self.placeholder("dataProtectionOfficer", "no name, address or email", ("dpo",))
            return {"name": "", "address": "", "country": UNKNOWN_COUNTRY, "email": NOT_STATED_EMAIL}
        contacts = dpo.contacts or ()
        addresses = {address_text(c.address): c.address for c in contacts if c.address is not None}
        text = self.first(addresses, "postal address", ("dpo", "contacts")) or ""
        return {
            "name": dpo.name or "",
            "address": text,
            "country": self.country(addresses.get(text), "dataProtectionOfficer.country", ("dpo", "contacts")),
            "email": self.email(contacts, "dataProtectionOfficer.email", ("dpo", "contacts")),
            **self.phone(contacts, ("dpo", "contacts")),
        }

    # dataDisclosed.

    def data_disclosed(self) -> list[dict[str, Any]]:
        """One ``dataDisclosed`` item for each data category, and one for what is linked to none (if anything is)."""
        policy = self.policy
        cats, unlinked = links(policy)
        for index, basis in enumerate(policy.legal_bases or ()):
            if basis.legitimate_interests and not is_legitimate_interests(basis.basis):
                self.lost(
                    ("legal_bases", index, "legitimate_interests"),
                    "TILT states legitimate interests only with a legitimate-interests basis",
                )
        for index, kept in enumerate(policy.retention or ()):
            if kept.description and not kept.period:
                self.lost(
                    ("retention", index, "description"), "TILT describes a retention period only together with its duration"
                )
        out = [
            self.item(category.id, self.category_text(index, category), cats[category.id], self.non_disclosure(category))
            for index, category in enumerate(policy.data_categories or ())
        ]
        rest = self.item(UNLINKED_ID, str(DataCategoryTerm.PERSONAL_DATA), unlinked, _NO_REQUIREMENT)
        # TILT cannot tell apart two statements written alike: one linked elsewhere covers its twin here.
        for key in _LINKED_LISTS:
            elsewhere = {frozen(entry) for other in out for entry in other[key]}
            rest[key] = [entry for entry in rest[key] if frozen(entry) not in elsewhere]
        if any(rest[key] for key in _LINKED_LISTS):
            out.append(rest)
        return out

    def item(self, _id: str, category: str, linked: Links, requirement: dict[str, Any]) -> dict[str, Any]:
        """The ``dataDisclosed`` item ``_id`` for ``category``, with the statements ``linked`` to it."""
        chosen_bases = [self.bases[b] for b in linked.bases]
        written: dict[str, Any] = {
            "_id": _id,
            "category": category,
            "purposes": [self.purpose(p) for p in linked.purposes],
            "legalBases": [basis_out(b.basis, b.law, b.description) for b in chosen_bases],
            "legitimateInterests": [
                {"exists": True, "reasoning": b.legitimate_interests or ""}
                for b in chosen_bases
                if is_legitimate_interests(b.basis)
            ],
            "recipients": [self.recipient(self.recipients[r]) for r in linked.recipients],
            "storage": [
                s
                for s in (self.storage(self.retention[r]) for r in linked.retention)
                if s["temporal"] or s["purposeConditional"] or s["legalBasisConditional"]
            ],
            "nonDisclosure": requirement,
        }
        for key in _LINKED_LISTS:  # statements written alike are one statement in TILT
            written[key] = distinct(written[key])
        return written

    def purpose(self, purpose_id: str) -> dict[str, str]:
        """A TILT purpose: its label (or term) as the heading, and its description."""
        purpose = self.purposes[purpose_id]
        path = ("purposes", self.purpose_index[purpose_id], "label")
        return {"purpose": self.label(PURPOSE_TERMS, purpose.term, purpose.label, path), "description": purpose.description or ""}

    def recipient(self, recipient: Recipient) -> dict[str, Any]:
        """A TILT recipient: name, division, address and country, and its category (label, or kind)."""
        kind = recipient.kind if recipient.kind is not None else (recipient.kinds or (None,))[0]
        path = ("recipients", self.recipient_index[recipient.id], "label")
        category = self.label(RECIPIENT_TERMS, kind, recipient.label, path) if kind is not None else recipient.label or ""
        address = recipient.address
        return {
            **({"name": recipient.name} if recipient.name else {}),
            **({"division": recipient.division} if recipient.division else {}),
            **({"address": address_text(address)} if address is not None and address_text(address) else {}),
            **({"country": address.country} if address is not None and address.country else {}),
            "category": category,
        }

    def storage(self, retention: Retention) -> dict[str, Any]:
        """TILT's ``storage`` for a retention statement: its period (if any), its conditions in words (the criteria
        one per line), and the laws that require keeping the data."""
        conditions = retention_conditions(attrs.evolve(retention, criteria=None))
        conditions += [line for line in (retention.criteria or "").split(CRITERIA_SEPARATOR) if line.strip()]
        temporal = (
            [{"description": retention.description or "", "ttl": tilt_duration(retention.period)}] if retention.period else []
        )
        laws = []
        for law in unique(retention.required_by or ()):
            if TILT_REFERENCE.match(law):
                laws.append(law)
            else:
                path = ("retention", self.retention_index[retention.id], "required_by")
                self.lost(path, f"{law!r} does not fit TILT's pattern for a law's reference (such as 'HGB-257')")
        return {
            "temporal": temporal,
            "purposeConditional": conditions,
            "legalBasisConditional": laws,
            "aggregationFunction": "max",
        }

    def non_disclosure(self, category: DataCategory) -> dict[str, Any]:
        """``nonDisclosure`` of ``category``: the first provision requirement that applies to it, or TILT's defaults."""
        written = None
        for index, req in enumerate(self.policy.provision_requirements or ()):
            if req.data is None or category.id in req.data:
                if written is not None:
                    if index not in self.said:
                        self.said.add(index)
                        self.lost(("provision_requirements", index), "TILT holds one answer per data category; the first is kept")
                    continue
                if not (req.required or req.statutory or req.contractual or req.consequences):
                    if (req.required, req.statutory, req.contractual) != (None, None, None) and index not in self.said:
                        self.said.add(index)
                        self.lost(
                            ("provision_requirements", index),
                            "TILT cannot tell 'not required' from 'not stated' (both are false)",
                        )
                    continue
                written = {
                    "legalRequirement": bool(req.statutory),
                    "contractualRegulation": bool(req.contractual),
                    "obligationToProvide": bool(req.required),
                    "consequences": req.consequences or "",
                }
        return written or _NO_REQUIREMENT

    def automated_decisions(self) -> dict[str, Any]:
        """``automatedDecisionMaking``: in use, the logic and the consequences."""
        adm = self.policy.automated_decision_making
        if adm is None:
            return {}
        out: dict[str, Any] = {}
        if adm.used is not None:
            out["inUse"] = adm.used
        if adm.logic or adm.used:
            out["logicInvolved"] = adm.logic or ""
        if adm.consequences or adm.used:
            out["scopeAndIntendedEffects"] = adm.consequences or ""
        return out


_LINKED_LISTS: Final = ("purposes", "legalBases", "legitimateInterests", "recipients", "storage")

_NO_REQUIREMENT: Final[dict[str, Any]] = {
    "legalRequirement": False,
    "contractualRegulation": False,
    "obligationToProvide": False,
    "consequences": "",
}


def to_tilt(policy: PrivacyPolicy, *, notes: list[Problem] | None = None, today: dt.date | None = None) -> dict[str, Any]:
    """Write ``policy`` as a TILT document (a dict ready for :func:`json.dumps`) that TILT's schema accepts.

    Fields TILT requires and the policy does not state are filled with the
    placeholders the module documentation lists, never with invented facts.
    If ``notes`` is a list, a PM404 warning is appended to it for every field
    TILT cannot hold and a PM405 warning for every placeholder written; their
    paths point into the policy. ``today`` is the date written when the policy
    states no date (default: the current date).
    """
    writer = _TiltWriter(policy, today or dt.date.today())
    document = writer.document()
    if notes is not None:
        notes.extend(writer.notes)
    return document
