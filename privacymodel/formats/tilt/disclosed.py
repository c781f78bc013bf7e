"""Reading the statements of a TILT document: ``dataDisclosed`` and ``sources``.

Each ``dataDisclosed`` item becomes a processing statement linking its data
categories to its purposes, legal bases, recipients and retention statements.
Statements written alike in several items are read once and shared: a
category by its TILT ``_id`` and text, a purpose by its term and description,
a legal basis by its term, law, description and legitimate interests, a
recipient by its name and kind, a retention statement by all it says.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from privacymodel.formats.shared import AS_LONG_AS_NECESSARY, LEGAL_REQUIREMENT
from privacymodel.formats.tilt.common import UNLINKED_ID, is_legitimate_interests, unique
from privacymodel.formats.tilt.lenient import LenientReader, Path, placeholder
from privacymodel.formats.tilt.recognise import (
    DATA_TERMS,
    PURPOSE_TERMS,
    RECIPIENT_TERMS,
    Terms,
    read_duration,
    read_legal_basis,
    slug,
)
from privacymodel.formats.tilt.values import CONSENT_ARTICLES
from privacymodel.model.formats import FORMATS
from privacymodel.model.vocab import CustomTerm, DataCategoryTerm, DataSource, LawTerm, LegalBasisTerm
from privacymodel.problems import kind_of, shown

__all__ = ["DisclosedReader", "entry"]

_BASIS_PREFIX: Final = re.compile(
    r"^(A[0-9]-[0-9]-[a-z][a-z-]*|[a-z]+(?:-[a-z]+)*|x-[A-Za-z0-9][A-Za-z0-9._-]*)"
    r"(?: \((x-[A-Za-z0-9][A-Za-z0-9._-]*)\))?(?:: (.*))?$",
    re.DOTALL,
)

_ORIGINS: Final = {"received": DataSource.THIRD_PARTY, "observed": DataSource.OBSERVED, "inferred": DataSource.INFERRED}


def entry(entry_id: str, **values: Any) -> dict[str, Any]:
    """A plain-data item with an id and the values that are set."""
    return {"id": entry_id, **{key: value for key, value in values.items() if value is not None and value != ""}}


class DisclosedReader(LenientReader):
    """Reads the statements of a TILT document into the plain data of a policy's parts, each part read once."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__(data)
        self.categories: list[dict[str, Any]] = []
        self.category_ids: dict[tuple[str | None, str], dict[str, Any]] = {}
        self.category_by_text: dict[str, dict[str, Any]] = {}
        self.category_by_id: dict[str, dict[str, Any]] = {}
        self.purposes: dict[tuple[str, str | None], dict[str, Any]] = {}
        self.bases: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.recipients: dict[tuple[str | None, str | None], dict[str, Any]] = {}
        self.retention: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.retention_by_id: dict[str, dict[str, Any]] = {}
        self.requirements: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.processing: list[dict[str, Any]] = []

    def category(self, text: str, tilt_id: str | None) -> dict[str, Any]:
        """The data category for ``text``: one per TILT ``_id`` and text, so items of one category share it."""
        if (tilt_id, text) in self.category_ids:
            return self.category_ids[tilt_id, text]
        term, description = self.term(DATA_TERMS, text)
        fits = tilt_id is not None and FORMATS["id"].check(tilt_id) and tilt_id not in self.category_by_id
        cat_id = tilt_id if fits and tilt_id is not None else f"data-{len(self.categories) + 1}"
        category: dict[str, Any] = {"id": cat_id, "term": term}
        if description:
            category["description"] = description
        self.categories.append(category)
        self.category_ids[tilt_id, text] = category
        self.category_by_text.setdefault(text, category)
        self.category_by_id[cat_id] = category
        return category

    def term(self, terms: Terms, text: str) -> tuple[str, str | None]:
        """The term for ``text`` and a description keeping the text when the term does not say it."""
        if text.startswith("x-") and FORMATS["text"].check(text):
            try:
                return str(CustomTerm(text)), None
            except ValueError:
                pass
        found = terms.find(text)
        if found is not None:
            return found.value, (None if text == found.value else text)
        return slug(text) or "x-unnamed", text

    def data_item(self, item: dict[str, Any], path: Path) -> None:
        """Read one ``dataDisclosed`` item: its categories, and a processing statement linking them to all it states."""
        tilt_id = item.get("_id") if isinstance(item.get("_id"), str) else None
        if isinstance(item.get("category"), list):  # TILT 2 allows a list of categories
            names = self.texts(item, "category", path)
        else:
            names = [text] if (text := self.text(item, "category", path)) else []
        processing: dict[str, Any] = {"id": f"processing-{len(self.processing) + 1}"}
        if tilt_id != UNLINKED_ID:
            if not names:
                self.lost(path, "a dataDisclosed item with no category: its statements are kept, linked to no data")
            else:
                processing["data"] = unique(self.category(name, tilt_id)["id"] for name in names)
        purposes = self.item_purposes(item, path)
        interests = self.interests(item, path)
        bases = [b for b_path, basis in self.items(item, "legalBases", path) if (b := self.basis(basis, b_path, interests))]
        # Legitimate interests with no legitimate-interests basis among the references.
        bases += [self.add_basis(LegalBasisTerm.A6_1_F.value, LawTerm.GDPR.value, None, reason) for reason in interests]
        recipients = [r for r_path, rec in self.items(item, "recipients", path) if (r := self.recipient(rec, r_path))]
        retention = [r for s_path, storage in self.items(item, "storage", path) for r in self.storage(storage, s_path)]
        requirement = self.mapping(item, "nonDisclosure", path)
        data_ids = processing.get("data", [])
        if requirement is not None:
            self.requirement(requirement, (*path, "nonDisclosure"), data_ids)
        for name, values in (
            ("purposes", purposes),
            ("legal_bases", bases),
            ("recipients", recipients),
            ("retention", retention),
        ):
            if values:
                processing[name] = unique(values)
        self.link_retention(retention, data_ids, purposes)
        self.unknown_keys(
            item,
            ("_id", "category", "purposes", "legalBases", "legitimateInterests", "recipients", "storage", "nonDisclosure"),
            path,
        )
        if len(processing) > 1:
            self.processing.append(processing)

    def item_purposes(self, item: dict[str, Any], path: Path) -> list[str]:
        """The ids of the purposes of a ``dataDisclosed`` item."""
        purposes = []
        for p_path, purpose in self.items(item, "purposes", path):
            heading = self.text(purpose, "purpose", p_path)
            detail = self.text(purpose, "description", p_path)
            if heading is None and detail is None:
                continue
            term, kept = self.term(PURPOSE_TERMS, heading or detail or "")
            description = detail or kept
            key = (term, description)
            if key not in self.purposes:
                self.purposes[key] = entry(f"purpose-{len(self.purposes) + 1}", term=term, description=description)
            purposes.append(str(self.purposes[key]["id"]))
            self.unknown_keys(purpose, ("purpose", "description"), p_path)
        return purposes

    def interests(self, item: dict[str, Any], path: Path) -> list[str | None]:
        """The reasoning of each legitimate interest of a ``dataDisclosed`` item that is said to exist (None if not given)."""
        interests = []
        for i_path, interest in self.items(item, "legitimateInterests", path):
            exists = self.boolean(interest, "exists", i_path)
            reasoning = self.text(interest, "reasoning", i_path)
            if exists:
                interests.append(reasoning)
            elif reasoning:
                self.lost(i_path, "a legitimate interest that is said not to exist is not carried over")
            self.unknown_keys(interest, ("exists", "reasoning"), i_path)
        return interests

    def link_retention(self, retention: list[str], data_ids: list[str], purposes: list[str]) -> None:
        """Link the retention statements of an item to its data categories, or to its purposes when it names none."""
        for ret_id in retention:
            ret = self.retention_by_id[ret_id]
            if data_ids:
                ret["data"] = unique([*ret.get("data", []), *data_ids])
            elif purposes:
                ret["purposes"] = unique([*ret.get("purposes", []), *purposes])

    def add_basis(self, basis: str, law: str | None, description: str | None, interests: str | None = None) -> str:
        """The id of the legal basis stated so, read once for the document."""
        key = (basis, law, description, interests)
        if key not in self.bases:
            self.bases[key] = entry(
                f"basis-{len(self.bases) + 1}", basis=basis, law=law, legitimate_interests=interests, description=description
            )
        return str(self.bases[key]["id"])

    def basis(self, obj: dict[str, Any], path: Path, interests: list[str | None]) -> str | None:
        """The id of the legal basis of an item's ``legalBases`` entry (taking its reasoning from ``interests``); None if empty."""
        reference = self.text(obj, "reference", path)
        description = self.text(obj, "description", path)
        self.unknown_keys(obj, ("reference", "description"), path)
        if reference is None and description is None:
            return None
        term, law, note = read_legal_basis(reference, description)
        rest = description
        # The basis as to_tilt writes it before the description: "consent: ...", "A6-1-a (x-law): ...".
        prefix = _BASIS_PREFIX.match(description or "")
        if prefix is not None:
            named = LegalBasisTerm._value2member_map_.get(prefix.group(1))
            custom = prefix.group(1) if prefix.group(1).startswith("x-") else None
            article = term if term is not None and term.startswith("A") else None
            refines = named is not None and (
                article is None
                or named.value.startswith(article)
                or (isinstance(named, LegalBasisTerm) and CONSENT_ARTICLES.get(named) == article)
            )
            if refines or (custom is not None and article is None):
                term, rest, note = prefix.group(1), prefix.group(3), None
                if prefix.group(2):
                    law = prefix.group(2)
        if term is None:
            source = reference or description or ""
            term = slug(source) or "x-unnamed"
            if rest is None or rest != source:
                rest = f"{source}: {rest}" if rest else source
            self.repaired(path, f"the legal basis {shown(source)} matches no known basis; kept as the custom term {term!r}")
        elif note:
            self.repaired(path, note)
        reasoning = None
        if is_legitimate_interests(LegalBasisTerm._value2member_map_.get(term)) and interests:
            reasoning = interests.pop(0)
        return self.add_basis(term, law, rest, reasoning)

    def recipient(self, obj: dict[str, Any], path: Path) -> str | None:
        """The id of the recipient of an item's ``recipients`` entry, by its name and kind; None if it states neither."""
        name = self.text(obj, "name", path)
        category = self.text(obj, "category", path)
        if name is None and category is None:
            return None
        kind = description = None
        if category is not None:
            kind, description = self.term(RECIPIENT_TERMS, category)
        key = (name, kind)
        if key not in self.recipients:
            self.recipients[key] = entry(f"recipient-{len(self.recipients) + 1}", name=name, kind=kind, description=description)
        self.fields(
            obj, ("division", "address", "country", "representative"), path, "privacymodel keeps a recipient's name and kind only"
        )
        self.unknown_keys(obj, ("name", "category", "division", "address", "country", "representative"), path)
        return str(self.recipients[key]["id"])

    def storage(self, obj: dict[str, Any], path: Path) -> list[str]:
        """The ids of the retention statements of a ``storage`` entry: one for each period, with the entry's conditions."""
        base, criteria = self.conditions(obj, path)
        function = obj.get("aggregationFunction")
        if isinstance(function, str) and function not in ("max", ""):
            self.lost((*path, "aggregationFunction"), f"privacymodel keeps each period; the aggregation {function!r} is left out")
        entries = [self.temporal(temporal, t_path, base, criteria) for t_path, temporal in self.items(obj, "temporal", path)]
        if not entries:
            entries = [{**base, **({"criteria": "; ".join(criteria)} if criteria else {})}]
        self.unknown_keys(obj, ("temporal", "purposeConditional", "legalBasisConditional", "aggregationFunction"), path)
        return self.retention_ids(entries)

    def conditions(self, obj: dict[str, Any], path: Path) -> tuple[dict[str, Any], list[str]]:
        """The retention fields a ``storage`` entry's conditions state, and its other conditions as criteria."""
        base: dict[str, Any] = {}
        criteria = []
        for text in self.texts(obj, "purposeConditional", path):
            if text == AS_LONG_AS_NECESSARY:
                base["as_long_as_necessary"] = True
            elif text == LEGAL_REQUIREMENT:
                base["legal_requirement"] = True
            elif text.startswith("until ") and "until" not in base:
                base["until"] = text[6:]
            else:
                criteria.append(text)
        laws = self.texts(obj, "legalBasisConditional", path)
        if laws:
            base["legal_requirement"] = True
            criteria.append("Kept as required by " + ", ".join(laws))
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
            found["criteria"] = "; ".join(own)
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

    def sources(self) -> None:
        """Read the document's ``sources`` as the sources of the data categories they name."""
        for path, item in self.items(self.data, "sources", ()):
            tilt_id = item.get("_id") if isinstance(item.get("_id"), str) else None
            text = self.text(item, "dataCategory", path)
            if tilt_id is None and text is None:
                continue
            text = text or str(DataCategoryTerm.PERSONAL_DATA)
            same_text = self.category_by_text.get(text)
            known = (tilt_id, text) in self.category_ids
            category = self.category(text, tilt_id) if known or same_text is None else same_text
            notes = []
            for s_path, source in self.items(item, "sources", path):
                public = self.boolean(source, "publiclyAvailable", s_path)
                kind = DataSource.PUBLIC if public else DataSource.THIRD_PARTY
                written = source.get("origin")  # TILT 2: received, observed, inferred
                origin = _ORIGINS.get(written.strip().lower()) if isinstance(written, str) else None
                kinds = [kind.value, *([origin.value] if origin else [])]
                category["sources"] = unique([*category.get("sources", []), *kinds])
                description = self.text(source, "description", s_path)
                url = self.text(source, "url", s_path, "uri")
                if description and description != kind.description:
                    notes.append(description)
                if url:
                    notes.append(f"Source: {url}")
                self.unknown_keys(source, ("description", "url", "publiclyAvailable", *(("origin",) if origin else ())), s_path)
            if notes:
                category["description"] = "; ".join(filter(None, [category.get("description"), *notes]))
            self.unknown_keys(item, ("_id", "dataCategory", "sources"), path)
