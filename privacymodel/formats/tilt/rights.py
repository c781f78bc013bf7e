"""Rights in TILT: which right each of TILT's fields holds, and reading them.

TILT has a field per right (``rightToInformation``, ``rightToDataPortability``,
...) and ``accessAndDataPortability``, "the right to access and data
portability", whose fee is the fee for a copy (GDPR Art. 15(3)). Documents use
that field for the right of access above all ("Auskunft", "Art. 15 DS-GVO"),
so it is read as the right of access, and as the right to data portability
only where its description names portability and not access
(:func:`access_slot_kind`). A right marked ``available: false`` is reported,
not carried over: a policy records the rights people have.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from privacymodel.formats.tilt.common import ACCESS_SLOT, RIGHT_SLOTS, unique
from privacymodel.formats.tilt.lenient import LenientReader, Path
from privacymodel.formats.tilt.values import MAX_AMOUNT_DIGITS, amount_in
from privacymodel.model.vocab import LawTerm, RightKind
from privacymodel.problems import shown

__all__ = ["LEAD", "RightsReader", "access_slot_kind"]

# Words that name the right of access (GDPR Art. 15) and the right to data portability (Art. 20), in the
# languages of the documents: English, German, French, Spanish.
_ACCESS_WORDS: Final = re.compile(
    r"auskunft|\baccess|zugang|zugriff|einsicht|einsehen|kopie|\bcopy|acc[èe]s|acceso|"
    r"\bart(?:ikel|icle|\.)?\s*15\b|information (?:about|on) (?:the|your)|informationen (?:über|zu)",
    re.IGNORECASE,
)
_PORTABILITY_WORDS: Final = re.compile(
    r"portab|[üu]ebertragbar|übertragbar|portabilit|portabilidad|maschinenlesbar|machine[- ]readable|"
    r"\bart(?:ikel|icle|\.)?\s*20\b",
    re.IGNORECASE,
)

LEAD: Final = re.compile(r"^(access|portability)(?:: (.*))?$", re.DOTALL)
"""The right ``accessAndDataPortability`` holds, written first where its description does not say it (``portability:
...``), so that reading the document gives it back."""

_SLOT_KEYS: Final = ("available", "description", "url", "email", "identificationEvidences", "administrativeFee", "dataFormats")


def access_slot_kind(description: str | None) -> RightKind:
    """The right ``accessAndDataPortability`` holds, by its ``description``: portability where it names portability and
    not access, else access."""
    text = description or ""
    if _PORTABILITY_WORDS.search(text) and not _ACCESS_WORDS.search(text):
        return RightKind.PORTABILITY
    return RightKind.ACCESS


class RightsReader(LenientReader):
    """Reads TILT's rights into the plain data of a policy's rights, and their contacts for the controller."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__(data)
        self.contacts: list[dict[str, Any]] = []
        self.rights: dict[RightKind, dict[str, Any]] = {}

    def contact_id(self, body: Mapping[str, Any], path: Path) -> list[str]:
        """The id of the controller's contact point for a right's ``url`` and ``email`` (one per pair, shared)."""
        email = self.email(body, "email", path)
        url = self.url(body, "url", path)
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

    def rights_in(self) -> None:
        """Read every right of the document (the supervisory authority of ``rightToComplain`` is a party of its own)."""
        for slot in (ACCESS_SLOT, *RIGHT_SLOTS):
            path: Path = (slot,)
            body = self.mapping(self.data, slot, ())
            if body is None:
                continue
            self.unknown_keys(body, (*_SLOT_KEYS, "supervisoryAuthority") if slot == "rightToComplain" else _SLOT_KEYS, path)
            description = self.granted(body, path, f"the right of {slot}")
            if description is None:
                continue
            if slot == ACCESS_SLOT:
                kind, description = self.access_kind(description, path)
            kinds = RIGHT_SLOTS.get(slot) or (kind,)
            contacts = self.contact_id(body, path)
            for kind in kinds:
                right = self.rights.setdefault(kind, {"kind": kind.value, "law": LawTerm.GDPR.value})
                if description and f"; {description}; " not in f"; {right.get('description')}; ":
                    right["description"] = "; ".join(filter(None, [right.get("description"), description]))
                if contacts:
                    right["contacts"] = unique([*right.get("contacts", []), *contacts])
            if len(kinds) > 1:
                self.repaired(path, f"{slot} names {' and '.join(k.value for k in kinds)} in one field; both are carried over")
            self.fee(body, path, kinds[0])
            self.fields(body, ("identificationEvidences",), path, "privacymodel has no identification evidence for rights")
            self.fields(body, ("dataFormats",), path, "privacymodel has no data formats for portability")

    def access_kind(self, description: str, path: Path) -> tuple[RightKind, str]:
        """The right ``accessAndDataPortability`` holds (:func:`access_slot_kind`), noting how it was read, and its
        description (without the right's name where writing put it first: ``portability: ...``)."""
        lead = LEAD.match(description)
        if lead is not None:
            return (RightKind.ACCESS if lead.group(1) == "access" else RightKind.PORTABILITY), lead.group(2) or ""
        kind = access_slot_kind(description)
        if kind is RightKind.PORTABILITY:
            self.repaired(path, f"{ACCESS_SLOT} is read as the right to data portability, which its description names")
        elif _PORTABILITY_WORDS.search(description):
            self.repaired(
                path,
                f"{ACCESS_SLOT} is read as the right of access; the portability its description also names is kept in its "
                "words only (rightToDataPortability holds that right)",
            )
        return kind, description

    def fee(self, body: Mapping[str, Any], path: Path, kind: RightKind) -> None:
        """Read the ``administrativeFee`` of a right's field as the fee of the right of ``kind``."""
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
