"""Reading a TILT document, written as people write them, as a policy.

The parts of the document about the policy itself are read here: ``meta``,
the controller and its representative, the data protection officer, the
supervisory authority, automated decision-making and changes of purpose. The
statements (``dataDisclosed`` and ``sources``) are read by
:class:`~privacymodel.formats.tilt.disclosed.DisclosedReader`, the rights by
:class:`~privacymodel.formats.tilt.rights.RightsReader`, the transfers by
:class:`~privacymodel.formats.tilt.transfers.TransfersReader`, and every field
through the lenient access of :mod:`privacymodel.formats.tilt.lenient`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Final

import attrs

from privacymodel.checks.validate import structure
from privacymodel.formats.tilt.common import TILT_KEYS
from privacymodel.formats.tilt.disclosed import DisclosedReader
from privacymodel.formats.tilt.lenient import Path, number_text, placeholder
from privacymodel.formats.tilt.rights import RightsReader
from privacymodel.formats.tilt.transfers import TransfersReader
from privacymodel.model.formats import FORMATS
from privacymodel.model.policy import FORMAT_VERSION, PrivacyPolicy
from privacymodel.problems import Code, PolicyError, Problem, format_path, shown

__all__ = ["from_tilt"]

_PARTY_KEYS: Final = ("name", "address", "country", "email", "phone")
_CHANGE_KEYS: Final = ("description", "affectedDataCategories", "plannedDateOfChange", "urlOfNewVersion")


class _TiltReader(RightsReader, TransfersReader, DisclosedReader):
    """Builds the plain data of a policy from a TILT document, noting what it cannot carry over."""

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
        transfers = self.transfers()
        self.rights_in()
        authority = self.authority()
        self.automated(policy)
        changes = [c for path, item in self.items(data, "changesOfPurpose", ()) if (c := self.purpose_change(item, path))]
        if changes:
            policy["purpose_changes"] = changes
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
        """The policy's document from ``meta``: its title (``meta.name``, else the controller's), URL, language, date."""
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
            party["division"] = division
        self.unknown_keys(controller, ("name", "division", "address", "country", "representative"), ("controller",))
        return party

    def address(self, obj: Mapping[str, Any], path: Path) -> dict[str, Any] | None:
        """The postal address of ``obj``'s ``address`` (one line) and ``country``; None if it states neither."""
        lines = self.text(obj, "address", path)
        country = self.country(obj, "country", path)
        if lines is None and country is None:
            return None
        return {**({"lines": [lines]} if lines else {}), **({"country": country} if country else {})}

    def contact(self, obj: Mapping[str, Any], path: Path, address: bool = False) -> dict[str, Any] | None:
        """The contact point of a party's email, phone, web address (TILT 2) and, if ``address``, postal address."""
        contact: dict[str, Any] = {}
        email = self.email(obj, "email", path)
        if email:
            contact["email"] = email
        url = self.url(obj, "url", path) if "url" in obj else None
        if url:
            contact["url"] = url
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
        """The representative or supervisory authority ``obj``; None (its details noted) if it is not named."""
        name = self.text(obj, "name", path)
        contact = self.contact(obj, path)
        address = self.address(obj, path)
        division = self.text(obj, "division", path)
        self.unknown_keys(obj, (*_PARTY_KEYS, "url", "division"), path)
        if name is None:
            if contact or address or division:
                self.lost(path, "a party with no name cannot be carried over; its address and contact details are left out")
            return None
        party: dict[str, Any] = {"id": party_id, "name": name}
        if division:
            party["division"] = division
        if address:
            party["address"] = address
        if contact:
            party["contacts"] = [contact]
        return party

    def dpo(self) -> dict[str, Any] | None:
        """The data protection officer: a name, and a contact point of the rest; None if nothing is stated."""
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
        self.unknown_keys(obj, (*_PARTY_KEYS, "url"), path)
        return dpo or None

    def authority(self) -> dict[str, Any] | None:
        """The supervisory authority ``rightToComplain`` names, if it names one."""
        path: Path = ("rightToComplain", "supervisoryAuthority")
        body = self.mapping(self.data, "rightToComplain", ())
        found = self.mapping(body, "supervisoryAuthority", path[:1]) if body is not None else None
        return self.party(found, path, "supervisory-authority") if found is not None else None

    def purpose_change(self, obj: Mapping[str, Any], path: Path) -> dict[str, Any] | None:
        """A planned change of purpose: its description, the data categories it affects (by their text in the
        document), its date and the address of the policy's version after it."""
        change: dict[str, Any] = {}
        description = self.text(obj, "description", path)
        if description:
            change["description"] = description
        data = []
        for index, text in enumerate(self.texts(obj, "affectedDataCategories", path)):
            category = self.category_by_text.get(text)
            if category is None:
                self.lost((*path, "affectedDataCategories", index), f"no data category of the document is {shown(text)}")
            else:
                data.append(category["id"])
        if data:
            change["data"] = list(dict.fromkeys(data))
        date = self.text(obj, "plannedDateOfChange", path)
        if date is not None:
            try:
                change["date"] = dt.date.fromisoformat(date.strip()[:10]).isoformat()
            except ValueError:
                self.lost((*path, "plannedDateOfChange"), f"{shown(date)} is not a date (YYYY-MM-DD); left out")
            else:
                if len(date.strip()) > 10:
                    self.repaired((*path, "plannedDateOfChange"), f"read {shown(date)} as its date, {change['date']}")
        url = self.url(obj, "urlOfNewVersion", path)
        if url:
            change["new_version_url"] = url
        self.unknown_keys(obj, _CHANGE_KEYS, path)
        if set(change) == {"data"}:
            self.lost(path, "a change of purpose that states only the data it affects is not carried over")
            return None
        return change or None

    def automated(self, policy: dict[str, Any]) -> None:
        """Add ``automatedDecisionMaking`` to ``policy`` as automated decision-making, if it states anything."""
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
