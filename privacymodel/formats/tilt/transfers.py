"""Third-country transfers in TILT, read and written.

A TILT transfer names a country and, for each kind of mechanism, whether it is
available and a description: ``adequacyDecision``, ``standardDataProtectionClause``,
``appropriateGuarantees``, and ``presenceOfEnforceableRightsAndEffectiveRemedies``.
Each mechanism available becomes a transfer statement of its own, with the
mechanism's description as its description (the URL of the clauses, the
decision); the description names the mechanism where it is not the one the
slot stands for (``privacy-shield: ...``). Writing joins the statements for
one country back into one TILT transfer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from privacymodel.formats.tilt.common import REMEDIES_SLOT, SLOT_DEFAULT_MECHANISM, TRANSFER_SLOTS, unique
from privacymodel.formats.tilt.lenient import LenientReader, Path
from privacymodel.model.policy import Transfer
from privacymodel.model.vocab import TransferMechanism

__all__ = ["TRANSFER_KEYS", "TransfersReader", "slot_bodies"]

TRANSFER_KEYS: Final = ("country", *TRANSFER_SLOTS, REMEDIES_SLOT)
"""The keys of a TILT transfer."""

_VALUES: Final = "|".join(re.escape(m.value) for m in sorted(TransferMechanism, key=lambda m: -len(m.value)))
# A description that names the mechanisms first, as writing does: "privacy-shield", "privacy-shield: <description>".
_NAMED: Final = re.compile(rf"^((?:{_VALUES})(?:, (?:{_VALUES}))*)(?:: (.*))?$", re.DOTALL)


def _read_mechanisms(slot: str, description: str) -> tuple[list[str], str | None]:
    """The mechanisms a slot's ``description`` stands for, and the description left: the mechanisms it names first,
    else the slot's own (none for the remedies)."""
    named = _NAMED.match(description)
    if named is not None:
        return unique(named.group(1).split(", ")), named.group(2) or None
    default = SLOT_DEFAULT_MECHANISM.get(slot)
    return ([default.value] if default is not None else []), description or None


class TransfersReader(LenientReader):
    """Reads ``thirdCountryTransfers``: one transfer statement for each mechanism available, or for the country alone."""

    def transfers(self) -> list[dict[str, Any]]:
        """The transfer statements of the document."""
        return [t for path, item in self.items(self.data, "thirdCountryTransfers", ()) for t in self.transfer(item, path)]

    def transfer(self, obj: Mapping[str, Any], path: Path) -> list[dict[str, Any]]:
        """The transfer statements of one TILT transfer."""
        country = self.country(obj, "country", path)
        where = {"destinations": [country]} if country else {}
        self.unknown_keys(obj, TRANSFER_KEYS, path)
        found = []
        for slot in (*TRANSFER_SLOTS, REMEDIES_SLOT):
            body = self.mapping(obj, slot, path)
            if body is None:
                continue
            self.unknown_keys(body, ("available", "description"), (*path, slot))
            description = self.granted(body, (*path, slot), slot)
            if description is None:
                continue
            mechanisms, text = _read_mechanisms(slot, description)
            statement: dict[str, Any] = {**where, **({"mechanisms": mechanisms} if mechanisms else {})}
            if slot == REMEDIES_SLOT:
                statement["remedies"] = True
            found.append({**statement, **({"description": text} if text else {})})
        return found or ([where] if where else [])


def _slot_description(names: list[str], default: TransferMechanism | None, description: str | None) -> str:
    """The description of a slot holding the mechanisms ``names``: the names, then the transfer's description; the
    description alone where the mechanism is the slot's own and the description does not read as names."""
    if description is not None and default is not None and names == [default.value] and _NAMED.match(description) is None:
        return description
    if description is not None and not names and _NAMED.match(description) is None:
        return description
    return ": ".join(filter(None, [", ".join(names), description]))


def slot_bodies(transfer: Transfer) -> tuple[dict[str, dict[str, Any]], list[int]]:
    """The TILT slots of ``transfer``: each slot's body (``available`` and ``description``), and the positions of the
    mechanisms TILT has no slot for. The transfer's description goes into its one slot; with several it is left out."""
    names: dict[str, list[str]] = {}
    no_slot = []
    for index, mechanism in enumerate(transfer.mechanisms or ()):
        slot = next((s for s, members in TRANSFER_SLOTS.items() if mechanism in members), None)
        if slot is None:
            no_slot.append(index)
        else:
            names.setdefault(slot, []).append(str(mechanism))
    if transfer.remedies:
        names.setdefault(REMEDIES_SLOT, [])
    one = transfer.description if len(names) == 1 else None
    bodies = {
        slot: {"available": True, "description": _slot_description(unique(found), SLOT_DEFAULT_MECHANISM.get(slot), one) or ""}
        for slot, found in names.items()
    }
    return bodies, no_slot
