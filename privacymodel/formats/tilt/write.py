"""Writing a policy as a TILT document (see the package documentation for the mapping)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from collections.abc import Iterable
from typing import Any, Final

from privacymodel.checks.validate import unstructure
from privacymodel.formats.left_out import left_out
from privacymodel.formats.tilt.common import (
    AS_LONG_AS_NECESSARY,
    LEGAL_REQUIREMENT,
    NOT_STATED_EMAIL,
    RIGHT_SLOTS,
    TRANSFER_SLOTS,
    UNKNOWN_COUNTRY,
    UNLINKED_ID,
    is_legitimate_interests,
    unique,
)
from privacymodel.model.policy import ContactPoint, DataCategory, PostalAddress, PrivacyPolicy, Right
from privacymodel.model.vocab import CustomTerm, DataCategoryTerm, DataSource, LawTerm, LegalBasisTerm, RightKind
from privacymodel.problems import Code, Problem, format_path, shown

__all__ = ["to_tilt"]

# ISO 639-1 codes, the languages TILT's meta.language accepts.
_LANGUAGE_CODES: Final = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el "
    "en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja "
    "jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd "
    "ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss "
    "st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
)

_LANGUAGES: Final = frozenset(_LANGUAGE_CODES.split())

_TILT_PHONE: Final = re.compile(r"^[+]*[(]{0,1}[0-9]{1,4}[)]{0,1}[-\s\./0-9]*$")

_FEE: Final = re.compile(r"^([0-9]+(?:\.[0-9]+)?) ([A-Z]{3})$")

_REFERENCE_OF_LAW: Final = {LawTerm.GDPR: "GDPR", LawTerm.UK_GDPR: "UKGDPR"}


def _address_text(address: PostalAddress | None) -> str:
    """TILT's address text: the address on one line, its country apart (TILT has a field for it)."""
    return address.one_line(country=False) if address is not None else ""


# Fields of the plain policy that the TILT document carries (see the module docs for how).
_CARRIED: Final = (
    "privacymodel",
    "document.url",
    "document.language",
    "document.version",
    "document.effective_date",
    "document.last_updated",
    "document.retrieved_on",
    "controllers[*].id",
    "controllers[*].name",
    "controllers[*].address",
    "representative.id",
    "representative.name",
    "representative.contacts[*].email",
    "representative.contacts[*].phone",
    "dpo.name",
    "dpo.contacts[*].email",
    "dpo.contacts[*].phone",
    "dpo.contacts[*].address",
    "supervisory_authority.id",
    "supervisory_authority.name",
    "supervisory_authority.address",
    "supervisory_authority.contacts[*].email",
    "supervisory_authority.contacts[*].phone",
    "data_categories[*].id",
    "data_categories[*].term",
    "data_categories[*].sources",
    "provision_requirements[*].required",
    "provision_requirements[*].statutory",
    "provision_requirements[*].contractual",
    "provision_requirements[*].data",
    "provision_requirements[*].consequences",
    "purposes[*].id",
    "purposes[*].term",
    "purposes[*].description",
    "legal_bases[*].id",
    "legal_bases[*].basis",
    "legal_bases[*].law",
    "legal_bases[*].purposes",
    "legal_bases[*].data",
    "legal_bases[*].description",
    "processing[*].id",
    "processing[*].data",
    "processing[*].purposes",
    "processing[*].legal_bases",
    "processing[*].recipients",
    "processing[*].retention",
    "recipients[*].id",
    "recipients[*].name",
    "recipients[*].kind",
    "recipients[*].data",
    "recipients[*].purposes",
    "retention[*].id",
    "retention[*].data",
    "retention[*].purposes",
    "retention[*].period",
    "retention[*].until",
    "retention[*].as_long_as_necessary",
    "retention[*].legal_requirement",
    "retention[*].criteria",
    "retention[*].description",
    "rights[*].id",
    "rights[*].kind",
    "rights[*].description",
    "rights[*].how",
    "rights[*].contacts",
    "rights[*].fee",
    "transfers[*].id",
    "transfers[*].destinations",
    "transfers[*].mechanisms",
    "automated_decision_making.used",
    "automated_decision_making.logic",
    "automated_decision_making.consequences",
)

_WHY_NOT: Final = {
    "document.title": "TILT has no title (meta.name is the controller's name)",
    "cookies": "TILT has no cookies or other trackers",
    "children": "TILT has nothing on children",
    "do_not_track": "TILT has no Do Not Track",
    "security": "TILT has no security measures",
    "certifications": "TILT has no certifications",
    "sale_of_data": "TILT has no sale of data",
    "policy_changes": "TILT's changesOfPurpose is about planned changes of purpose, not how changes are announced",
    "choices": "TILT has no choices or opt-outs",
    "laws": "TILT has no list of laws",
    "data_categories[*].special_category": "TILT does not mark special categories (GDPR Art. 9)",
    "recipients[*].role": "TILT recipients have no role",
    "transfers[*].recipients": "TILT transfers name a country only",
    "transfers[*].data": "TILT transfers name a country only",
    "transfers[*].description": "TILT describes each mechanism, not the transfer",
    "automated_decision_making.profiling": "TILT has no separate profiling flag",
    "section": "TILT does not say where in the policy a statement is",
}

_WHOLE: Final = (
    "cookies",
    "children",
    "do_not_track",
    "security",
    "certifications",
    "sale_of_data",
    "policy_changes",
    "choices",
    "laws",
)

_FEE_REASON: Final = "TILT has a fee only for portability, as an amount and a currency (such as '10 EUR')"

_WHY_DEFAULT: Final = "TILT has no field for it"


class _Links:
    """What the policy links to one data category."""

    def __init__(self) -> None:
        self.purposes: list[str] = []
        self.bases: list[str] = []
        self.recipients: list[str] = []
        self.retention: list[str] = []


class _TiltWriter:
    def __init__(self, policy: PrivacyPolicy, today: dt.date) -> None:
        self.policy = policy
        self.today = today
        self.notes: list[Problem] = []
        self.said: set[int] = set()  # provision requirements already noted
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
        self.notes += left_out(unstructure(policy), _CARRIED, "TILT", {**_WHY_NOT, "": _WHY_DEFAULT}, _WHOLE)
        canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        doc["meta"]["_hash"] = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
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
        if language not in _LANGUAGES:
            language = "en"
            self.placeholder("meta.language", language, ("document", "language"))
        stated_version = document.version or ""
        version = int(stated_version) if re.fullmatch(r"0*[1-9][0-9]{0,8}", stated_version) else 1
        if document.version is not None and version == 1 and stated_version.lstrip("0") != "1":
            self.lost(("document", "version"), "TILT's meta.version is a whole number; the policy's version label is left out")
        return {
            "_id": str(uuid.uuid5(uuid.NAMESPACE_URL, document.url or f"urn:privacymodel:policy:{document.title}")),
            "name": self.policy.controllers[0].name,
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
        if not _TILT_PHONE.match(phone):
            self.lost(path, f"the phone number {phone!r} does not fit TILT's pattern for phone numbers")
            return {}
        return {"phone": phone}

    def country(self, address: PostalAddress | None, tilt_field: str, path: tuple[str | int, ...]) -> str:
        if address is not None and address.country:
            return address.country
        self.placeholder(tilt_field, UNKNOWN_COUNTRY, path)
        return UNKNOWN_COUNTRY

    def controller(self) -> dict[str, Any]:
        policy = self.policy
        first = policy.controllers[0]
        for index, other in enumerate(policy.controllers[1:], start=1):
            self.lost(("controllers", index), f"TILT names one controller; {other.name!r} is left out")
        representative: dict[str, Any]
        if policy.representative is None:
            self.placeholder("controller.representative", "no name, no email", ("representative",))
            representative = {"name": "", "email": NOT_STATED_EMAIL}
        else:
            contacts = policy.representative.contacts or ()
            path = ("representative", "contacts")
            representative = {
                "name": policy.representative.name,
                "email": self.email(contacts, "controller.representative.email", path),
                **self.phone(contacts, path),
            }
        if first.address is None:
            self.placeholder("controller.address", "", ("controllers", 0, "address"))
        return {
            "name": first.name,
            "address": _address_text(first.address),
            "country": self.country(first.address, "controller.country", ("controllers", 0, "address", "country")),
            "representative": representative,
        }

    def dpo(self) -> dict[str, Any]:
        dpo = self.policy.dpo
        if dpo is None:
            self.placeholder("dataProtectionOfficer", "no name, address or email", ("dpo",))
            return {"name": "", "address": "", "country": UNKNOWN_COUNTRY, "email": NOT_STATED_EMAIL}
        contacts = dpo.contacts or ()
        addresses = {_address_text(c.address): c.address for c in contacts if c.address is not None}
        text = self.first(addresses, "postal address", ("dpo", "contacts")) or ""
        return {
            "name": dpo.name or "",
            "address": text,
            "country": self.country(addresses.get(text), "dataProtectionOfficer.country", ("dpo", "contacts")),
            "email": self.email(contacts, "dataProtectionOfficer.email", ("dpo", "contacts")),
            **self.phone(contacts, ("dpo", "contacts")),
        }

    # dataDisclosed.

    def links(self) -> tuple[dict[str, _Links], _Links]:
        """What is linked to each data category, and what is linked to none."""
        policy = self.policy
        cats: dict[str, _Links] = {c.id: _Links() for c in policy.data_categories or ()}
        unlinked = _Links()

        def add(ids: Iterable[str] | None, attr: str, values: Iterable[str] | None) -> None:
            for cat in ids or ():
                if cat in cats:
                    getattr(cats[cat], attr).extend(values or ())

        for item in policy.processing or ():
            if item.data:
                add(item.data, "purposes", item.purposes)
                add(item.data, "bases", item.legal_bases)
                add(item.data, "recipients", item.recipients)
                add(item.data, "retention", item.retention)
            else:
                unlinked.purposes += item.purposes or ()
                unlinked.bases += item.legal_bases or ()
                unlinked.recipients += item.recipients or ()
                unlinked.retention += item.retention or ()
        for basis in policy.legal_bases or ():
            add(basis.data, "bases", [basis.id])
            add(basis.data, "purposes", basis.purposes)
        for recipient in policy.recipients or ():
            add(recipient.data, "recipients", [recipient.id])
            add(recipient.data, "purposes", recipient.purposes)
        for cookie in policy.cookies or ():
            add(cookie.data, "purposes", cookie.purposes)
            add(cookie.data, "recipients", [cookie.provider] if cookie.provider else None)
        for retention in policy.retention or ():
            add(retention.data, "retention", [retention.id])

        def by_purpose(purposes: tuple[str, ...], attr: str, value: str) -> bool:
            hit = False
            for links in cats.values():
                if set(purposes) & set(links.purposes):
                    getattr(links, attr).append(value)
                    hit = True
            return hit

        for basis in policy.legal_bases or ():
            if not basis.data and not (basis.purposes and by_purpose(basis.purposes, "bases", basis.id)):
                unlinked.bases.append(basis.id)
                unlinked.purposes += basis.purposes or ()
        for recipient in policy.recipients or ():
            if not recipient.data and not (recipient.purposes and by_purpose(recipient.purposes, "recipients", recipient.id)):
                unlinked.recipients.append(recipient.id)
                unlinked.purposes += recipient.purposes or ()
        for retention in policy.retention or ():
            if retention.data:
                continue
            if retention.purposes:
                if not by_purpose(retention.purposes, "retention", retention.id):
                    unlinked.retention.append(retention.id)
            elif cats:
                for links in cats.values():
                    links.retention.append(retention.id)
            else:
                unlinked.retention.append(retention.id)
        linked = {p for links in cats.values() for p in links.purposes}
        unlinked.purposes += [p.id for p in policy.purposes or () if p.id not in linked]
        # Statements linked through processing are linked, whatever else says.
        for attr in ("bases", "recipients", "retention", "purposes"):
            used = {v for links in cats.values() for v in getattr(links, attr)}
            setattr(unlinked, attr, [v for v in unique(getattr(unlinked, attr)) if v not in used])
        for links in cats.values():
            for attr in ("bases", "recipients", "retention", "purposes"):
                setattr(links, attr, unique(getattr(links, attr)))
        return cats, unlinked

    def data_disclosed(self) -> list[dict[str, Any]]:
        policy = self.policy
        purposes = {p.id: p for p in policy.purposes or ()}
        bases = {b.id: b for b in policy.legal_bases or ()}
        recipients = {r.id: r for r in policy.recipients or ()}
        retention = {r.id: r for r in policy.retention or ()}
        cats, unlinked = self.links()
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

        def item(_id: str, category: str, links: _Links, requirement: dict[str, Any]) -> dict[str, Any]:
            chosen_bases = [bases[b] for b in links.bases]
            written: dict[str, Any] = {
                "_id": _id,
                "category": category,
                "purposes": [
                    {"purpose": str(purposes[p].term), "description": purposes[p].description or ""} for p in links.purposes
                ],
                "legalBases": [_basis_out(b.basis, b.law, b.description) for b in chosen_bases],
                "legitimateInterests": [
                    {"exists": True, "reasoning": b.legitimate_interests or ""}
                    for b in chosen_bases
                    if is_legitimate_interests(b.basis)
                ],
                "recipients": [
                    {**({"name": recipients[r].name} if recipients[r].name else {}), "category": str(recipients[r].kind or "")}
                    for r in links.recipients
                ],
                "storage": [
                    s for s in (self.storage(retention[r]) for r in links.retention) if s["temporal"] or s["purposeConditional"]
                ],
                "nonDisclosure": requirement,
            }
            for key in _LINKED_LISTS:  # statements written alike are one statement in TILT
                written[key] = [entry for i, entry in enumerate(written[key]) if entry not in written[key][:i]]
            return written

        out = [
            item(category.id, str(category.term), cats[category.id], self.non_disclosure(category))
            for category in policy.data_categories or ()
        ]
        rest = item(UNLINKED_ID, str(DataCategoryTerm.PERSONAL_DATA), unlinked, _NO_REQUIREMENT)
        # TILT cannot tell apart two statements written alike: one linked elsewhere covers its twin here.
        for key in _LINKED_LISTS:
            rest[key] = [entry for entry in rest[key] if not any(entry in other[key] for other in out)]
        if any(rest[key] for key in _LINKED_LISTS):
            out.append(rest)
        return out

    def storage(self, retention: Any) -> dict[str, Any]:
        conditions = []
        if retention.until:
            conditions.append(f"until {retention.until}")
        if retention.as_long_as_necessary:
            conditions.append(AS_LONG_AS_NECESSARY)
        if retention.legal_requirement:
            conditions.append(LEGAL_REQUIREMENT)
        if retention.criteria:
            conditions.append(retention.criteria)
        temporal = (
            [{"description": retention.description or "", "ttl": _tilt_duration(retention.period)}] if retention.period else []
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
                found: dict[str, Any] = {"name": authority.name}
                if authority.address is not None:
                    found["address"] = _address_text(authority.address)
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
            match = _FEE.match(right.fee) if right.kind is RightKind.PORTABILITY else None
            if match:
                body["administrativeFee"] = {"amount": float(match.group(1)), "currency": match.group(2)}
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


def _basis_out(basis: LegalBasisTerm | CustomTerm, law: LawTerm | CustomTerm | None, description: str | None) -> dict[str, str]:
    """A TILT legal basis: ``GDPR-6-1-a`` for GDPR articles; the law's code and the term otherwise."""
    value = str(basis)
    article = re.match(r"^A([69])-([12])-([a-j])", value)
    if article and isinstance(basis, LegalBasisTerm) and (law is None or law in _REFERENCE_OF_LAW):
        law_code = _REFERENCE_OF_LAW.get(law, "GDPR") if isinstance(law, LawTerm) else "GDPR"
        reference = f"{law_code}-{article.group(1)}-{article.group(2)}-{article.group(3)}"
        prefix = value if len(value) > 6 else ""
    else:
        reference = re.sub(r"[^A-Z]", "", law.value.upper()) if isinstance(law, LawTerm) else ""
        prefix = f"{value} ({law})" if isinstance(law, CustomTerm) else value
    text = f"{prefix}: {description}" if prefix and description else prefix or description or ""
    return {"reference": reference, "description": text}


def _tilt_duration(period: str) -> str:
    """An ISO 8601 duration in TILT's pattern, which has no weeks: ``P2W`` -> ``P14D``."""
    weeks = re.search(r"([0-9]+)W", period)
    if weeks is None:
        return period
    days = re.search(r"([0-9]+)D", period)
    total = int(weeks.group(1)) * 7 + (int(days.group(1)) if days else 0)
    date_part, _, time_part = period[1:].partition("T")
    date_part = re.sub(r"[0-9]+[WD]", "", date_part) + f"{total}D"
    return "P" + date_part + (f"T{time_part}" if time_part else "")


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
