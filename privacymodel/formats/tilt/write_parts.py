"""Writing the parts of a TILT document beside its data items: rights, transfers, sources and changes of purpose.

:class:`PartsWriter` also holds what every part of the writing shares: the
notes (PM404 for what TILT cannot hold, PM405 for the placeholders written)
and the contact details TILT takes one of.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final

from privacymodel.formats.tilt.common import NOT_STATED_EMAIL, REMEDIES_SLOT, RIGHT_SLOTS, TRANSFER_SLOTS, UNKNOWN_COUNTRY, unique
from privacymodel.formats.tilt.recognise import DATA_TERMS, Terms, read_term
from privacymodel.formats.tilt.rights import LEAD, access_slot_kind
from privacymodel.formats.tilt.transfers import slot_bodies
from privacymodel.formats.tilt.values import FEE, MAX_AMOUNT_DIGITS, TILT_PHONE, address_text, amount_out, party_name
from privacymodel.model.policy import ContactPoint, DataCategory, Party, PostalAddress, PrivacyPolicy, Right
from privacymodel.model.vocab import CustomTerm, DataSource, RightKind, Vocabulary
from privacymodel.problems import Code, Problem, format_path, shown

__all__ = ["PartsWriter"]

_FEE_REASON: Final = "TILT has one fee, for access (a copy) or else portability, as an amount and a currency (such as '10 EUR')"


class PartsWriter:
    """Writes the parts of a TILT document other than its data items, noting what TILT cannot hold."""

    def __init__(self, policy: PrivacyPolicy, today: dt.date) -> None:
        self.policy = policy
        self.today = today
        self.notes: list[Problem] = []
        self.contacts: dict[str, ContactPoint] = {}
        for party in (*policy.controllers, policy.representative, policy.supervisory_authority):
            for contact in (party.contacts or ()) if party is not None else ():
                if contact.id is not None:
                    self.contacts[contact.id] = contact
        for contact in (policy.dpo.contacts or ()) if policy.dpo is not None else ():
            if contact.id is not None:
                self.contacts[contact.id] = contact

    def lost(self, path: tuple[str | int, ...], message: str) -> None:
        """Note that the field at ``path`` of the policy is not carried over (PM404)."""
        self.notes.append(Problem(code=Code.NOT_EXPORTED, severity="warning", message=message, path=format_path(path)))

    def placeholder(self, tilt_field: str, value: object, path: tuple[str | int, ...]) -> None:
        """Note that ``value`` stands in ``tilt_field`` for what the policy (at ``path``) does not state (PM405)."""
        self.notes.append(
            Problem(
                code=Code.PLACEHOLDER,
                severity="warning",
                message=f"TILT requires {tilt_field}, which the policy does not state; wrote {shown(value)}",
                path=format_path(path),
            )
        )

    def first(self, values: Iterable[str | None], what: str, path: tuple[str | int, ...]) -> str | None:
        """The first of ``values``; the others are noted as left out (TILT holds one)."""
        found = unique(v for v in values if v)
        if len(found) > 1:
            self.lost(path, f"TILT holds one {what}; {', '.join(map(repr, found[1:]))} left out")
        return found[0] if found else None

    def email(self, contacts: Iterable[ContactPoint], tilt_field: str, path: tuple[str | int, ...]) -> str:
        """The first email address of ``contacts``, or the placeholder for one TILT requires."""
        email = self.first((c.email for c in contacts), "email address", path)
        if email is None:
            self.placeholder(tilt_field, NOT_STATED_EMAIL, path)
            return NOT_STATED_EMAIL
        return email

    def phone(self, contacts: Iterable[ContactPoint], path: tuple[str | int, ...]) -> dict[str, str]:
        """``{"phone": ...}`` with the first phone number of ``contacts`` that fits TILT's pattern, or nothing."""
        phone = self.first((c.phone for c in contacts), "phone number", path)
        if phone is None:
            return {}
        if not TILT_PHONE.match(phone):
            self.lost(path, f"the phone number {phone!r} does not fit TILT's pattern for phone numbers")
            return {}
        return {"phone": phone}

    def country(self, address: PostalAddress | None, tilt_field: str, path: tuple[str | int, ...]) -> str:
        """The country of ``address``, or the placeholder for one TILT requires."""
        if address is not None and address.country:
            return address.country
        self.placeholder(tilt_field, UNKNOWN_COUNTRY, path)
        return UNKNOWN_COUNTRY

    def name(self, party: Party, tilt_field: str, path: tuple[str | int, ...]) -> str:
        """The name TILT requires for ``party`` (at ``path``): its description where the policy names it not (noted)."""
        if party.name is None:
            self.placeholder(tilt_field, party_name(party), (*path, "description"))
        return party_name(party)

    def label(self, terms: Terms, term: Vocabulary | CustomTerm, label: str | None, path: tuple[str | int, ...]) -> str:
        """The text TILT holds for a term: its label where reading the label gives the term back, else the term."""
        if label is not None and read_term(terms, label)[0] == str(term):
            return label
        if label is not None:
            self.lost(path, f"TILT holds one text for it; wrote the term {str(term)!r}, as {label!r} reads as another term")
        return str(term)

    def category_text(self, index: int, category: DataCategory) -> str:
        """The text TILT holds for the data category at ``index``."""
        return self.label(DATA_TERMS, category.term, category.label, ("data_categories", index, "label"))

    # Transfers, sources and changes of purpose.

    def transfers(self) -> list[dict[str, Any]]:
        """``thirdCountryTransfers``: per destination, each slot of every transfer statement to it in the first TILT
        transfer to that country that does not hold the slot yet (so a document read back is written the same)."""
        out: list[dict[str, Any]] = []
        for index, transfer in enumerate(self.policy.transfers or ()):
            bodies, no_slot = slot_bodies(transfer)
            for m_index in no_slot:
                self.lost(
                    ("transfers", index, "mechanisms", m_index),
                    f"TILT has no place for the transfer mechanism {str((transfer.mechanisms or ())[m_index])!r} (only "
                    "adequacy, standard clauses and appropriate guarantees)",
                )
            if transfer.description is not None and len(bodies) != 1:
                self.lost(("transfers", index, "description"), "TILT describes each mechanism; this transfer has none or several")
            if transfer.remedies is False:
                self.lost(("transfers", index, "remedies"), "TILT states remedies only where they are available")
            if not transfer.destinations and not bodies:
                self.lost(("transfers", index), "a transfer with no destination and no mechanism TILT holds is left out")
            for country in transfer.destinations or ((None,) if bodies else ()):
                if not bodies and not any(t.get("country") == country for t in out):
                    out.append({"country": country})
                for slot, body in bodies.items():
                    # Each slot into the first transfer to the country that does not hold it yet: reading splits a
                    # TILT transfer into one statement per slot, so only this layout is written again as it was read.
                    target = next((t for t in out if t.get("country") == country and slot not in t), None)
                    if target is None:
                        out.append({**({"country": country} if country else {}), slot: body})
                    else:
                        target[slot] = body
        return [{key: t[key] for key in ("country", *TRANSFER_SLOTS, REMEDIES_SLOT) if key in t} for t in out]

    def sources(self) -> list[dict[str, Any]]:
        """``sources``: the data categories obtained from third parties or public sources (GDPR Art. 14)."""
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
                out.append({"_id": category.id, "dataCategory": self.category_text(index, category), "sources": found})
        for name, indexes in others.items():
            count = f" ({len(indexes)} categories)" if len(indexes) > 1 else ""
            self.lost(
                ("data_categories", indexes[0], "sources"),
                f"the source {name!r}{count}: not carried over to TILT; its sources hold only data obtained "
                "from third parties or public sources (GDPR Art. 14)",
            )
        return out

    def purpose_changes(self) -> list[dict[str, Any]]:
        """``changesOfPurpose``: the planned changes of purpose, their data categories named as the items name them."""
        texts = {c.id: c for c in self.policy.data_categories or ()}
        positions = {c.id: i for i, c in enumerate(self.policy.data_categories or ())}
        out = []
        for change in self.policy.purpose_changes or ():
            written: dict[str, Any] = {"description": change.description or ""}
            # TILT names a category by its text: two categories of one text are one.
            written["affectedDataCategories"] = unique(self.category_text(positions[d], texts[d]) for d in change.data or ())
            if change.date is not None:
                written["plannedDateOfChange"] = change.date.isoformat()
            if change.new_version_url is not None:
                written["urlOfNewVersion"] = change.new_version_url
            out.append(written)
        return out

    # Rights.

    def rights_of(self, kinds: tuple[RightKind, ...]) -> list[Right]:
        """The rights of the policy of ``kinds``."""
        return [right for right in self.policy.rights or () if right.kind in kinds]

    def right_body(self, rights: list[Right]) -> dict[str, Any]:
        """A TILT right: available, the rights' descriptions and how, the first web address and email of their contacts."""
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
        """TILT's field ``slot`` for the rights of ``kinds`` (with the supervisory authority, for complaints)."""
        rights = self.rights_of(kinds)
        if not rights:
            return {}
        body = self.right_body(rights)
        if slot == "rightToComplain":
            body["supervisoryAuthority"] = self.authority()
        return body

    def authority(self) -> dict[str, Any]:
        """``rightToComplain.supervisoryAuthority``: the supervisory authority, or the placeholder for its name."""
        authority = self.policy.supervisory_authority
        if authority is None:
            self.placeholder("rightToComplain.supervisoryAuthority.name", "", ("supervisory_authority",))
            return {"name": ""}
        contacts = authority.contacts or ()
        found: dict[str, Any] = {
            "name": self.name(authority, "rightToComplain.supervisoryAuthority.name", ("supervisory_authority",))
        }
        if authority.address is not None:
            found["address"] = address_text(authority.address)
            if authority.address.country:
                found["country"] = authority.address.country
        email = self.first((c.email for c in contacts), "email address", ("supervisory_authority", "contacts"))
        if email:
            found["email"] = email
        return {**found, **self.phone(contacts, ("supervisory_authority", "contacts"))}

    def access(self) -> dict[str, Any]:
        """``accessAndDataPortability``: the right of access with its fee (a copy's), or, where the policy states
        none, the right to data portability with its fee; else ``available: false``. The right's name leads the
        description where the description does not say it (``portability: ...``), so that it reads back."""
        rights = self.rights_of((RightKind.ACCESS,)) or self.rights_of((RightKind.PORTABILITY,))
        body: dict[str, Any] = self.right_body(rights) if rights else {"available": False}
        if rights:
            kind, description = rights[0].kind, str(body["description"])
            if access_slot_kind(description) is not kind or LEAD.match(description):
                body["description"] = f"{kind!s}: {description}" if description else str(kind)
        for index, right in enumerate(self.policy.rights or ()):
            if right.fee is None:
                continue
            match = FEE.match(right.fee) if right in rights else None
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

    def rights(self) -> dict[str, dict[str, Any]]:
        """TILT's fields for rights, in its order; the rights it has no field for are noted."""
        out = {slot: self.right_slot(slot, kinds) for slot, kinds in RIGHT_SLOTS.items()}
        held = {kind for kinds in RIGHT_SLOTS.values() for kind in kinds}
        other: dict[str, list[int]] = {}
        for index, right in enumerate(self.policy.rights or ()):
            if right.kind not in held:
                other.setdefault(str(right.kind), []).append(index)
        for kind, indexes in other.items():
            self.lost(("rights", indexes[0], "kind"), f"TILT has no right {kind!r}")
        return out
