"""Reading a TILT document, written as people write them, as a policy.

The parts of the document about the policy itself are read here: ``meta``,
the controller and its representative, the data protection officer,
third-country transfers, rights and automated decision-making. The
statements (``dataDisclosed`` and ``sources``) are read by
:class:`~privacymodel.formats.tilt.disclosed.DisclosedReader`, and every field
through the lenient access of :mod:`privacymodel.formats.tilt.lenient`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Final

import attrs

from privacymodel.checks.validate import structure
from privacymodel.formats.tilt.common import (
    PORTABILITY_SLOT,
    RIGHT_SLOTS,
    SLOT_DEFAULT_MECHANISM,
    TILT_KEYS,
    TRANSFER_SLOTS,
    unique,
)
from privacymodel.formats.tilt.disclosed import DisclosedReader
from privacymodel.formats.tilt.lenient import Path, number_text, placeholder
from privacymodel.formats.tilt.values import MAX_AMOUNT_DIGITS, amount_in
from privacymodel.model.formats import FORMATS
from privacymodel.model.policy import FORMAT_VERSION, PrivacyPolicy
from privacymodel.model.vocab import LawTerm, RightKind, TransferMechanism
from privacymodel.problems import Code, PolicyError, Problem, format_path, shown

__all__ = ["from_tilt"]

_MECHANISMS: Final = {m.value: m for m in TransferMechanism}


class _TiltReader(DisclosedReader):
    """Builds the plain data of a policy from a TILT document, noting what it cannot carry over."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__(data)
        self.contacts: list[dict[str, Any]] = []
        self.rights: dict[RightKind, dict[str, Any]] = {}

    def read(self) -> dict[str, Any]:
        """The plain data of the policy the document states; the parts are read in the document's order."""
        data = self.data
        meta = self.mapping(data, "meta", ()) or {}
        controller = self.mapping(data, "controller", ()) or {}
        meta_name = self.text(meta, "name", ("meta",))
        name = self.text(controller, "name", ("controller",)) or meta_name
        if name is None:
            raise PolicyError([_no_controller(controller, meta)])
        self.unknown_keys(data, TILT_KEYS, ())
        policy: dict[str, Any] = {"privacymodel": FORMAT_VERSION, "document": self.document(meta, meta_name, name)}
        party = self.controller(controller, name)
        representative = self.mapping(controller, "representative", ("controller",))
        if representative is not None:
            rep = self.party(representative, ("controller", "representative"), "representative")
            if rep is not None:
                policy["representative"] = rep
        dpo = self.dpo()
        if dpo:
            policy["dpo"] = dpo
        for path, item in self.items(data, "dataDisclosed", ()):
            self.data_item(item, path)
        self.sources()
        transfers = [t for path, item in self.items(data, "thirdCountryTransfers", ()) if (t := self.transfer(item, path))]
        authority = self.rights_in()
        self.automated(policy)
        for path, _item in self.items(data, "changesOfPurpose", ()):
            self.lost(path, "privacymodel has no planned changes of purpose; this change is not carried over")
        party_contacts = self.contacts
        if party_contacts:
            party["contacts"] = party_contacts
        policy["controllers"] = [party]
        if authority is not None:
            policy["supervisory_authority"] = authority
        self.statements(policy, transfers)
        return {field.name: policy[field.name] for field in attrs.fields(PrivacyPolicy) if field.name in policy}

    def statements(self, policy: dict[str, Any], transfers: list[dict[str, Any]]) -> None:
        """Add the statements read to ``policy``: only the parts that have values."""
        for key, values in (
            ("data_categories", self.categories),
            ("provision_requirements", list(self.requirements.values())),
            ("purposes", list(self.purposes.values())),
            ("legal_bases", list(self.bases.values())),
            ("processing", self.processing),
            ("recipients", list(self.recipients.values())),
            ("retention", list(self.retention.values())),
            ("rights", list(self.rights.values())),
            ("transfers", transfers),
        ):
            if values:
                policy[key] = values  # noqa: PERF403 - only the parts that have values, in this order

    def document(self, meta: Mapping[str, Any], meta_name: str | None, controller: str) -> dict[str, Any]:
        path: Path = ("meta",)
        document: dict[str, Any] = {"title": meta_name or controller}
        source = "meta.name" if meta_name else "the controller's name"
        self.repaired(path, f"TILT has no title; the policy's title is {source}, {document['title']!r}")
        if isinstance(meta.get("url"), list):  # TILT 2 allows several addresses
            urls = self.texts(meta, "url", path)
            url = urls[0].strip() if urls and FORMATS["uri"].check(urls[0].strip()) else None
            if len(urls) > (1 if url else 0):
                self.lost(
                    (*path, "url"), f"privacymodel keeps one address for the policy; {shown(urls[1 if url else 0 :])} left out"
                )
        else:
            url = self.text(meta, "url", path, "uri")
        if url:
            document["url"] = url
        language = meta.get("language")
        if isinstance(language, str) and FORMATS["language"].check(language.strip().lower()):
            document["language"] = language.strip().lower()
        elif not placeholder(language):
            self.lost((*path, "language"), f"{shown(language)} is not a language code")
        used = None
        for key in ("modified", "created"):
            value = meta.get(key)
            if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value.strip()):
                try:
                    document["retrieved_on"] = dt.date.fromisoformat(value.strip()[:10]).isoformat()
                except ValueError:
                    continue
                used = key
                break
        bookkeeping = [
            f"meta.{k}" for k in ("_id", "_hash", "version", "created", "modified") if k != used and not placeholder(meta.get(k))
        ]
        if bookkeeping:
            self.lost(path, f"{', '.join(bookkeeping)} describe the TILT file, not the policy; not carried over")
        status = meta.get("status")
        if isinstance(status, str) and status.strip().lower() == "inactive":
            self.lost((*path, "status"), "the policy is marked inactive; privacymodel has no field for that")
        self.unknown_keys(meta, ("_id", "name", "created", "modified", "version", "language", "status", "url", "_hash"), path)
        return document

    def controller(self, controller: Mapping[str, Any], name: str) -> dict[str, Any]:
        """The controller named ``name``, with the address and division of TILT's ``controller``."""
        party: dict[str, Any] = {"id": "controller", "name": name}
        address = self.address(controller, ("controller",))
        if address:
            party["address"] = address
        division = self.text(controller, "division", ("controller",))
        if division:
            party["description"] = f"Division: {division}"
        self.unknown_keys(controller, ("name", "division", "address", "country", "representative"), ("controller",))
        return party

    def address(self, obj: Mapping[str, Any], path: Path) -> dict[str, Any] | None:
        lines = self.text(obj, "address", path)
        country = self.country(obj, "country", path)
        if lines is None and country is None:
            return None
        return {**({"lines": [lines]} if lines else {}), **({"country": country} if country else {})}

    def contact(self, obj: Mapping[str, Any], path: Path, address: bool = False) -> dict[str, Any] | None:
        contact: dict[str, Any] = {}
        email = self.email(obj, "email", path)
        if email:
            contact["email"] = email
        phone = obj.get("phone")
        if not placeholder(phone):
            text = phone.strip() if isinstance(phone, str) else number_text(phone) if isinstance(phone, int) else None
            if text and FORMATS["phone"].check(text):
                contact["phone"] = text
            else:
                self.lost((*path, "phone"), f"{shown(phone)} is not a telephone number")
        if address:
            found = self.address(obj, path)
            if found:
                contact["address"] = found
        return contact or None

    def party(self, obj: Mapping[str, Any], path: Path, party_id: str) -> dict[str, Any] | None:
        name = self.text(obj, "name", path)
        contact = self.contact(obj, path)
        address = self.address(obj, path)
        if name is None:
            if contact or address:
                self.lost(path, "a party with no name cannot be carried over; its address and contact details are left out")
            return None
        party: dict[str, Any] = {"id": party_id, "name": name}
        if address:
            party["address"] = address
        if contact:
            party["contacts"] = [contact]
        self.unknown_keys(obj, ("name", "address", "country", "email", "phone", "division"), path)
        self.fields(obj, ("division",), path, "privacymodel has no division for this party")
        return party

    def dpo(self) -> dict[str, Any] | None:
        path: Path = ("dataProtectionOfficer",)
        obj = self.mapping(self.data, "dataProtectionOfficer", ())
        if obj is None:
            return None
        dpo: dict[str, Any] = {}
        name = self.text(obj, "name", path)
        if name:
            dpo["name"] = name
        contact = self.contact(obj, path, address=True)
        if contact:
            dpo["contacts"] = [contact]
        self.unknown_keys(obj, ("name", "address", "country", "email", "phone"), path)
        return dpo or None

    def transfer(self, obj: dict[str, Any], path: Path) -> dict[str, Any] | None:
        transfer: dict[str, Any] = {}
        country = self.country(obj, "country", path)
        if country:
            transfer["destinations"] = [country]
        mechanisms: list[str] = []
        texts = []
        for slot in (*TRANSFER_SLOTS, "presenceOfEnforceableRightsAndEffectiveRemedies"):
            body = self.mapping(obj, slot, path)
            if body is None:
                continue
            available = self.boolean(body, "available", (*path, slot))
            description = self.text(body, "description", (*path, slot))
            self.unknown_keys(body, ("available", "description"), (*path, slot))
            if not available:
                if description:
                    self.lost((*path, slot), f"{slot} is said not to be available; its description is not carried over")
                continue
            named = [_MECHANISMS.get(part.strip()) for part in (description or "").split(",")]
            if description and all(m is not None for m in named):
                mechanisms += [m.value for m in named if m is not None]
                continue
            default = SLOT_DEFAULT_MECHANISM.get(slot)
            if default is not None:
                mechanisms.append(default.value)
            elif slot == "appropriateGuarantees":
                mechanisms.append("x-appropriate-safeguards")
            if description:
                texts.append(description)
            elif slot == "presenceOfEnforceableRightsAndEffectiveRemedies":
                texts.append("Enforceable rights and effective remedies are available.")
        if mechanisms:
            transfer["mechanisms"] = unique(mechanisms)
        if texts:
            transfer["description"] = " ".join(texts)
        self.unknown_keys(obj, ("country", *TRANSFER_SLOTS, "presenceOfEnforceableRightsAndEffectiveRemedies"), path)
        return transfer or None

    def contact_id(self, body: Mapping[str, Any], path: Path) -> list[str]:
        email = self.email(body, "email", path)
        url = self.text(body, "url", path, "uri")
        if email is None and url is None:
            return []
        for contact in self.contacts:
            if contact.get("email") == email and contact.get("url") == url:
                return [str(contact["id"])]
        contact = {"id": f"rights-contact-{len(self.contacts) + 1}"}
        contact.update({k: v for k, v in (("email", email), ("url", url)) if v})
        contact["purposes"] = ["rights-requests"]
        self.contacts.append(contact)
        return [contact["id"]]

    def rights_in(self) -> dict[str, Any] | None:
        authority = None
        slots = {**RIGHT_SLOTS, PORTABILITY_SLOT: (RightKind.PORTABILITY,)}
        for slot, kinds in slots.items():
            path: Path = (slot,)
            body = self.mapping(self.data, slot, ())
            if body is None:
                continue
            available = self.boolean(body, "available", path)
            description = self.text(body, "description", path)
            if not available:
                if description:
                    self.lost(path, "a right said not to be available is not carried over; privacymodel records rights granted")
                continue
            contacts = self.contact_id(body, path)
            for kind in kinds:
                right = self.rights.setdefault(kind, {"kind": kind.value, "law": LawTerm.GDPR.value})
                if description and description != right.get("description"):
                    right["description"] = "; ".join(filter(None, [right.get("description"), description]))
                if contacts:
                    right["contacts"] = unique([*right.get("contacts", []), *contacts])
            if len(kinds) > 1:
                self.repaired(path, f"{slot} names {' and '.join(k.value for k in kinds)} in one field; both are carried over")
            self.fee(body, path, kinds[0])
            self.fields(body, ("identificationEvidences",), path, "privacymodel has no identification evidence for rights")
            self.fields(body, ("dataFormats",), path, "privacymodel has no data formats for portability")
            if slot == "rightToComplain":
                sa = self.mapping(body, "supervisoryAuthority", path)
                if sa is not None:
                    authority = self.party(sa, (*path, "supervisoryAuthority"), "supervisory-authority")
            known = ("available", "description", "url", "email", "identificationEvidences", "administrativeFee", "dataFormats")
            self.unknown_keys(body, (*known, "supervisoryAuthority"), path)
        return authority

    def fee(self, body: Mapping[str, Any], path: Path, kind: RightKind) -> None:
        """Read the ``administrativeFee`` of a right's slot as the fee of the right of ``kind``."""
        fee = self.mapping(body, "administrativeFee", path)
        if fee is not None:
            amount, currency = fee.get("amount"), fee.get("currency")
            if not (isinstance(amount, (int, float)) and not isinstance(amount, bool) and isinstance(currency, str)):
                self.lost((*path, "administrativeFee"), "expected an amount and a currency")
            elif (digits := amount_in(amount)) is None:
                self.lost(
                    (*path, "administrativeFee", "amount"),
                    f"the amount {shown(amount)} is not a number of at most {MAX_AMOUNT_DIGITS} digits; the fee is left out",
                )
            else:
                self.rights[kind]["fee"] = f"{digits} {currency.strip().upper()}"

    def automated(self, policy: dict[str, Any]) -> None:
        path: Path = ("automatedDecisionMaking",)
        body = self.mapping(self.data, "automatedDecisionMaking", ())
        if body is None:
            return
        adm: dict[str, Any] = {}
        used = self.boolean(body, "inUse", path)
        if used is not None:
            adm["used"] = used
        for key, name in (("logicInvolved", "logic"), ("scopeAndIntendedEffects", "consequences")):
            text = self.text(body, key, path)
            if text:
                adm[name] = text
        self.unknown_keys(body, ("inUse", "logicInvolved", "scopeAndIntendedEffects"), path)
        if adm:
            policy["automated_decision_making"] = adm


def _no_controller(controller: Mapping[str, Any], meta: Mapping[str, Any]) -> Problem:
    """The problem of a document that names no controller: where a name is written that is not text, or that none is."""
    unreadable = [
        (where, "name") for where, obj in (("controller", controller), ("meta", meta)) if not placeholder(obj.get("name"))
    ]
    if not unreadable:
        return Problem(
            code=Code.NOT_TILT, message="the TILT document names no controller (controller.name and meta.name are empty)"
        )
    names = " and ".join(".".join(parts) for parts in unreadable)
    return Problem(
        code=Code.NOT_TILT,
        message=f"the TILT document names no controller: {names} {'is' if len(unreadable) == 1 else 'are'} not text",
        path=format_path(unreadable[0]),
    )


def from_tilt(data: Mapping[str, Any], *, notes: list[Problem] | None = None) -> PrivacyPolicy:
    """Read a TILT document (parsed JSON) as a policy.

    Lenient as documents are written: placeholders mean "not stated", legal
    bases in prose are recognised, durations are repaired, unknown categories
    and purposes become custom terms. If ``notes`` is a list, a PM402 warning
    is appended for every field that cannot be carried over and a PM403
    warning for every value read as meant rather than as written (paths point
    into the TILT document). Raises :class:`PolicyError` (PM401) for a
    document that is not TILT.
    """
    if not isinstance(data, Mapping):
        raise PolicyError([Problem(code=Code.NOT_TILT, message="a TILT document is a JSON object; this is not")])
    if not any(key in data for key in TILT_KEYS):
        hint = " (it is a privacymodel policy already)" if "privacymodel" in data else ""
        raise PolicyError(
            [
                Problem(
                    code=Code.NOT_TILT,
                    message=f"not a TILT document{hint}: none of its top-level keys ({', '.join(TILT_KEYS[:4])}, ...) is present",
                )
            ]
        )
    reader = _TiltReader(data)
    plain = reader.read()
    policy = structure(plain)
    if notes is not None:
        notes.extend(reader.notes)
    return policy
