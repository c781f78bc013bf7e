"""Reading how long a TILT document says data is kept (``storage``) and whether it must be provided (``nonDisclosure``)."""

from __future__ import annotations

import re
from typing import Any, Final

from privacymodel.formats.shared import AS_LONG_AS_NECESSARY, LEGAL_REQUIREMENT
from privacymodel.formats.tilt.common import unique
from privacymodel.formats.tilt.lenient import LenientReader, Path, placeholder
from privacymodel.formats.tilt.recognise import read_duration
from privacymodel.problems import kind_of

__all__ = ["CRITERIA_SEPARATOR", "StoredReader"]

CRITERIA_SEPARATOR: Final = "\n"
"""What joins the conditions of one ``storage`` entry in a retention statement's ``criteria`` (one per line), so
that writing TILT gives them back one by one."""

_UNTIL: Final = re.compile(r"^until (.+)$", re.DOTALL)


class StoredReader(LenientReader):
    """Reads ``storage`` entries as retention statements and ``nonDisclosure`` as provision requirements."""

    def __init__(self, data: Any) -> None:
        super().__init__(data)
        self.retention: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.retention_by_id: dict[str, dict[str, Any]] = {}
        self.requirements: dict[tuple[Any, ...], dict[str, Any]] = {}

    def storage(self, obj: dict[str, Any], path: Path) -> list[str]:
        """The ids of the retention statements of a ``storage`` entry: one for each period, with the entry's conditions."""
        base, criteria = self.conditions(obj, path)
        function = obj.get("aggregationFunction")
        if isinstance(function, str) and function.strip().lower() not in ("max", ""):
            self.lost((*path, "aggregationFunction"), f"privacymodel keeps each period; the aggregation {function!r} is left out")
        temporal = obj.get("temporal")
        if isinstance(temporal, str) and temporal.strip():  # a duration written where a list of periods belongs
            self.repaired((*path, "temporal"), f"read the text {temporal!r} as the duration (ttl) of one period")
            temporal = [{"ttl": temporal}]
        entries = [self.temporal(t, t_path, base, criteria) for t_path, t in self.items({"temporal": temporal}, "temporal", path)]
        if not entries:
            entries = [{**base, **({"criteria": CRITERIA_SEPARATOR.join(criteria)} if criteria else {})}]
        self.unknown_keys(obj, ("temporal", "purposeConditional", "legalBasisConditional", "aggregationFunction"), path)
        return self.retention_ids(entries)

    def conditions(self, obj: dict[str, Any], path: Path) -> tuple[dict[str, Any], list[str]]:
        """The retention fields a ``storage`` entry's conditions state, and its other conditions as criteria."""
        base: dict[str, Any] = {}
        criteria = []
        for text in self.texts(obj, "purposeConditional", path):
            until = _UNTIL.match(text)
            if text == AS_LONG_AS_NECESSARY:
                base["as_long_as_necessary"] = True
            elif text == LEGAL_REQUIREMENT:
                base["legal_requirement"] = True
            elif until is not None and "until" not in base:
                base["until"] = until.group(1)
            else:
                criteria.append(text)
        laws = [law.strip() for law in self.texts(obj, "legalBasisConditional", path)]
        if laws:
            base["required_by"] = unique(laws)
        return base, criteria

    def temporal(self, temporal: dict[str, Any], path: Path, base: dict[str, Any], criteria: list[str]) -> dict[str, Any]:
        """A retention statement for one period of a ``storage`` entry (a duration not understood is kept as a criterion)."""
        found: dict[str, Any] = {}
        own = list(criteria)
        ttl = temporal.get("ttl")
        if isinstance(ttl, str) and ttl.strip():
            period, note = read_duration(ttl)
            if note:
                self.repaired((*path, "ttl"), note)
            if period is None:
                own.append(ttl.strip())
            else:
                found["period"] = period
        elif not placeholder(ttl):
            self.lost((*path, "ttl"), f"expected an ISO 8601 duration; got {kind_of(ttl)}")
        if own:
            found["criteria"] = CRITERIA_SEPARATOR.join(own)
        description = self.text(temporal, "description", path)
        if description:
            found["description"] = description
        self.unknown_keys(temporal, ("description", "ttl"), path)
        return {**base, **found}

    def retention_ids(self, entries: list[dict[str, Any]]) -> list[str]:
        """The ids of the retention statements ``entries``, each statement stated alike read once."""
        out = []
        for found in entries:
            if not found:
                continue
            key = tuple(sorted((k, str(v)) for k, v in found.items()))
            if key not in self.retention:
                self.retention[key] = {"id": f"retention-{len(self.retention) + 1}", **found}
                self.retention_by_id[self.retention[key]["id"]] = self.retention[key]
            out.append(str(self.retention[key]["id"]))
        return out

    def link_retention(self, retention: list[str], data_ids: list[str], purposes: list[str]) -> None:
        """Link the retention statements of an item to its data categories, or to its purposes when it names none."""
        for ret_id in retention:
            ret = self.retention_by_id[ret_id]
            if data_ids:
                ret["data"] = unique([*ret.get("data", []), *data_ids])
            elif purposes:
                ret["purposes"] = unique([*ret.get("purposes", []), *purposes])

    def requirement(self, obj: dict[str, Any], path: Path, data_ids: list[str]) -> None:
        """Read an item's ``nonDisclosure`` as a provision requirement for the data categories ``data_ids``."""
        values = {
            "required": self.boolean(obj, "obligationToProvide", path),
            "statutory": self.boolean(obj, "legalRequirement", path),
            "contractual": self.boolean(obj, "contractualRegulation", path),
            "consequences": self.text(obj, "consequences", path),
        }
        self.unknown_keys(obj, ("legalRequirement", "contractualRegulation", "obligationToProvide", "consequences"), path)
        if not any(values.values()):
            return  # TILT's defaults: nothing is stated
        entry = {k: v for k, v in values.items() if v is not None}
        key = tuple(sorted((k, str(v)) for k, v in entry.items()))
        target = self.requirements.setdefault(key, entry)
        if data_ids:
            target["data"] = unique([*target.get("data", []), *data_ids])
