"""Writing a policy as a TILT document (see the package documentation for the mapping)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any, Final

from privacymodel.formats.shared import policy_uuid, retention_conditions
from privacymodel.formats.tilt.common import (
    NOT_STATED_EMAIL,
    RIGHT_SLOTS,
    TRANSFER_SLOTS,
    UNKNOWN_COUNTRY,
    UNLINKED_ID,
    is_legitimate_interests,
    unique,
)
from privacymodel.formats.tilt.coverage import kinds_left_out, not_held
from privacymodel.formats.tilt.links import Links, distinct, frozen, links
from privacymodel.formats.tilt.values import (
    FEE,
    LANGUAGES,
    MAX_AMOUNT_DIGITS,
    TILT_PHONE,
    address_text,
    amount_out,
    basis_out,
    party_name,
    recipient_category,
    tilt_duration,
)
from privacymodel.model.policy import ContactPoint, DataCategory, Party, PostalAddress, PrivacyPolicy, Retention, Right
from privacymodel.model.vocab import DataCategoryTerm, DataSource, RightKind
from privacymodel.problems import Code, Problem, format_path, shown

__all__ = ["to_tilt"]

_FEE_REASON: Final = "TILT has a fee only for portability, as an amount and a currency (such as '10 EUR')"


class _TiltWriter:
    """Builds a TILT document from a policy, noting what TILT cannot hold and the placeholders written."""

    def __init__(self, policy: PrivacyPolicy, today: dt.date) -> None:
        self.policy = policy
        self.today = today
        self.notes: list[Problem] = []
        self.said: set[int] = set()  # provision requirements already noted
        self.purposes = {p.id: p for p in policy.purposes or ()}
        self.bases = {b.id: b for b in policy.legal_bases or ()}
        self.recipients = {r.id: r for r in policy.recipients or ()}
        self.retention = {r.id: r for r in policy.retention or ()}
        self.contacts: dict[str, ContactPoint] = {}
        for party in (*policy.controllers, policy.representative, policy.supervisory_authority):
            for contact in (party.contacts or ()) if party is not None else ():
                if contact.id is not None:
                    self.contacts[contact.id] = contact
        for contact in (policy.dpo.contacts or ()) if policy.dpo is not None else ():
            if contact.id is not None:
                self.contacts[contact.id] = contact

    def lost(self, path: tuple[str | int, ...], message: str) -> None:
        self.notes.append(Problem(code=Code.NOT_EXPORTED, severity="warning", message=message, path=format_path(path)))

    def placeholder(self, tilt_field: str, value: object, path: tuple[str | int, ...]) -> None:
        self.notes.append(
            Problem(
                code=Code.PLACEHOLDER,
                severity="warning",
                message=f"TILT requires {tilt_field}, which the policy does not state; wrote {shown(value)}",
                path=format_path(path),
            )
        )

    # The document.

    def document(self) -> dict[str, Any]:
        policy = self.policy
        doc: dict[str, Any] = {
            "meta": self.meta(),
            "controller": self.controller(),
            "dataProtectionOfficer": self.dpo(),
            "dataDisclosed": self.data_disclosed(),
            "thirdCountryTransfers": self.transfers(),
            "accessAndDataPortability": self.portability(),
            "sources": self.sources(),
        }
        for slot, kinds in RIGHT_SLOTS.items():
            doc[slot] = self.right_slot(slot, kinds)
        held = {kind for kinds in RIGHT_SLOTS.values() for kind in kinds}
        other: dict[str, list[int]] = {}
        for index, right in enumerate(policy.rights or ()):
            if right.kind not in held:
                other.setdefault(str(right.kind), []).append(index)
        for kind, indexes in other.items():
            self.lost(("rights", indexes[0], "kind"), f"TILT has no right {kind!r}")
        doc["automatedDecisionMaking"] = self.automated_decisions()
        doc["changesOfPurpose"] = []
        self.notes += [*kinds_left_out(policy), *not_held(policy)]
        canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        doc["meta"]["_hash"] = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
        return doc

    def meta(self) -> dict[str, Any]:
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

    def first(self, values: Iterable[str | None], what: str, path: tuple[str | int, ...]) -> str | None:
        """The first of ``values``; the others are noted as left out (TILT holds one)."""
        found = unique(v for v in values if v)
        if len(found) > 1:
            self.lost(path, f"TILT holds one {what}; {', '.join(map(repr, found[1:]))} left out")
        return found[0] if found else None

    def email(self, contacts: Iterable[ContactPoint], tilt_field: str, path: tuple[str | int, ...]) -> str:
        email = self.first((c.email for c in contacts), "email address", path)
        if email is None:
            self.placeholder(tilt_field, NOT_STATED_EMAIL, path)
            return NOT_STATED_EMAIL
        return email

    def phone(self, contacts: Iterable[ContactPoint], path: tuple[str | int, ...]) -> dict[str, str]:
        phone = self.first((c.phone for c in contacts), "phone number", path)
        if phone is None:
            return {}
        if not TILT_PHONE.match(phone):
            self.lost(path, f"the phone number {phone!r} does not fit TILT's pattern for phone numbers")
            return {}
        return {"phone": phone}

    def country(self, address: PostalAddress | None, tilt_field: str, path: tuple[str | int, ...]) -> str:
        if address is not None and address.country:
            return address.country
        self.placeholder(tilt_field, UNKNOWN_COUNTRY, path)
        return UNKNOWN_COUNTRY

    def name(self, party: Party, tilt_field: str, path: tuple[str | int, ...]) -> str:
        """The name TILT requires for ``party`` (at ``path``): its description where the policy names it not (noted)."""
        if party.name is None:
            self.placeholder(tilt_field, party_name(party), (*path, "description"))
        return party_name(party)

    def controller(self) -> dict[str, Any]:
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
            "address": address_text(first.address),
            "country": self.country(first.address, "controller.country", ("controllers", 0, "address", "country")),
            "representative": representative,
        }

    def dpo(self) -> dict[str, Any]:
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
            self.item(category.id, str(category.term), cats[category.id], self.non_disclosure(category))
            for category in policy.data_categories or ()
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
            "purposes": [
                {"purpose": str(self.purposes[p].term), "description": self.purposes[p].description or ""}
                for p in linked.purposes
            ],
            "legalBases": [basis_out(b.basis, b.law, b.description) for b in chosen_bases],
            "legitimateInterests": [
                {"exists": True, "reasoning": b.legitimate_interests or ""}
                for b in chosen_bases
                if is_legitimate_interests(b.basis)
            ],
            "recipients": [
                {
                    **({"name": self.recipients[r].name} if self.recipients[r].name else {}),
                    "category": recipient_category(self.recipients[r])[0],
                }
                for r in linked.recipients
            ],
            "storage": [
                s for s in (self.storage(self.retention[r]) for r in linked.retention) if s["temporal"] or s["purposeConditional"]
            ],
            "nonDisclosure": requirement,
        }
        for key in _LINKED_LISTS:  # statements written alike are one statement in TILT
            written[key] = distinct(written[key])
        return written

    def storage(self, retention: Retention) -> dict[str, Any]:
        """TILT's ``storage`` for a retention statement: its period (if any) and its conditions in words."""
        conditions = retention_conditions(retention)
        temporal = (
            [{"description": retention.description or "", "ttl": tilt_duration(retention.period)}] if retention.period else []
        )
        return {"temporal": temporal, "purposeConditional": conditions, "legalBasisConditional": [], "aggregationFunction": "max"}

    def non_disclosure(self, category: DataCategory) -> dict[str, Any]:
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

    # Transfers, sources, rights.

    def transfers(self) -> list[dict[str, Any]]:
        out = []
        for index, transfer in enumerate(self.policy.transfers or ()):
            slots: dict[str, list[str]] = {}
            for m_index, mechanism in enumerate(transfer.mechanisms or ()):
                slot = next((s for s, members in TRANSFER_SLOTS.items() if mechanism in members), None)
                if slot is None:
                    self.lost(
                        ("transfers", index, "mechanisms", m_index),
                        f"TILT has no place for the transfer mechanism {str(mechanism)!r} (only adequacy, "
                        "standard clauses and appropriate guarantees)",
                    )
                    continue
                slots.setdefault(slot, []).append(str(mechanism))
            body = {slot: {"available": True, "description": ", ".join(unique(names))} for slot, names in slots.items()}
            if not transfer.destinations and not body:
                self.lost(("transfers", index), "a transfer with no destination and no mechanism TILT holds is left out")
            out += [
                {**({"country": country} if country else {}), **body}
                for country in transfer.destinations or ((None,) if body else ())
            ]
        return out

    def sources(self) -> list[dict[str, Any]]:
        out = []
        others: dict[str, list[int]] = {}
        for index, category in enumerate(self.policy.data_categories or ()):
            for source in category.sources or ():
                if source not in (DataSource.THIRD_PARTY, DataSource.PUBLIC):
                    others.setdefault(source.value, []).append(index)
            found = [
                {"description": source.description, "url": "", "publiclyAvailable": source is DataSource.PUBLIC}
                for source in unique(category.sources or ())
                if source in (DataSource.THIRD_PARTY, DataSource.PUBLIC)
            ]
            if found:
                out.append({"_id": category.id, "dataCategory": str(category.term), "sources": found})
        for name, indexes in others.items():
            count = f" ({len(indexes)} categories)" if len(indexes) > 1 else ""
            self.lost(
                ("data_categories", indexes[0], "sources"),
                f"the source {name!r}{count}: not carried over to TILT; its sources hold only data obtained "
                "from third parties or public sources (GDPR Art. 14)",
            )
        return out

    def rights_of(self, kinds: tuple[RightKind, ...]) -> list[Right]:
        return [right for right in self.policy.rights or () if right.kind in kinds]

    def right_body(self, rights: list[Right]) -> dict[str, Any]:
        texts = unique(text for right in rights for text in (right.description, right.how) if text)
        contacts = [self.contacts[c] for right in rights for c in right.contacts or () if c in self.contacts]
        body: dict[str, Any] = {"available": True, "description": "; ".join(texts)}
        path = ("rights", (self.policy.rights or ()).index(rights[0]), "contacts")
        url = self.first((c.url for c in contacts), "web address for a right", path)
        email = self.first((c.email for c in contacts), "email address for a right", path)
        if url:
            body["url"] = url
        if email:
            body["email"] = email
        return body

    def right_slot(self, slot: str, kinds: tuple[RightKind, ...]) -> dict[str, Any]:
        rights = self.rights_of(kinds)
        if not rights:
            return {}
        body = self.right_body(rights)
        if slot == "rightToComplain":
            authority = self.policy.supervisory_authority
            if authority is None:
                self.placeholder("rightToComplain.supervisoryAuthority.name", "", ("supervisory_authority",))
                body["supervisoryAuthority"] = {"name": ""}
            else:
                contacts = authority.contacts or ()
                name = self.name(authority, "rightToComplain.supervisoryAuthority.name", ("supervisory_authority",))
                found: dict[str, Any] = {"name": name}
                if authority.address is not None:
                    found["address"] = address_text(authority.address)
                    if authority.address.country:
                        found["country"] = authority.address.country
                email = self.first((c.email for c in contacts), "email address", ("supervisory_authority", "contacts"))
                if email:
                    found["email"] = email
                body["supervisoryAuthority"] = {**found, **self.phone(contacts, ("supervisory_authority", "contacts"))}
        return body

    def portability(self) -> dict[str, Any]:
        rights = self.rights_of((RightKind.PORTABILITY,))
        if not rights:
            return {"available": False}
        body = self.right_body(rights)
        for index, right in enumerate(self.policy.rights or ()):
            if right.fee is None:
                continue
            match = FEE.match(right.fee) if right.kind is RightKind.PORTABILITY else None
            amount = amount_out(match.group(1)) if match else None
            if match and amount is not None:
                body["administrativeFee"] = {"amount": amount, "currency": match.group(2)}
            elif match:
                self.lost(
                    ("rights", index, "fee"), f"TILT's amount holds at most {MAX_AMOUNT_DIGITS} digits; the fee is left out"
                )
            else:
                self.lost(("rights", index, "fee"), _FEE_REASON)
        return body

    def automated_decisions(self) -> dict[str, Any]:
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
