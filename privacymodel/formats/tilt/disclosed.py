"""Reading the statements of a TILT document: ``dataDisclosed`` and ``sources``.

Each ``dataDisclosed`` item becomes a processing statement linking its data
categories to its purposes, legal bases, recipients and retention statements.
Statements written alike in several items are read once and shared: a
category by its TILT ``_id`` and text, a purpose by its term, label and
description, a legal basis by its term, law, description and legitimate
interests, a recipient by all it states, a retention statement by all it says.
The text of a category, purpose or recipient category that matches a
vocabulary term in other words, or none, is kept as its ``label``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from privacymodel.formats.tilt.bases import read_legal_bases
from privacymodel.formats.tilt.common import UNLINKED_ID, is_legitimate_interests, unique
from privacymodel.formats.tilt.lenient import Path
from privacymodel.formats.tilt.links import frozen
from privacymodel.formats.tilt.recognise import DATA_TERMS, PURPOSE_TERMS, RECIPIENT_TERMS, custom_term, read_term
from privacymodel.formats.tilt.stored import StoredReader
from privacymodel.formats.tilt.values import CONSENT_ARTICLES
from privacymodel.model.formats import FORMATS
from privacymodel.model.vocab import DataCategoryTerm, DataSource, LawTerm, LegalBasisTerm
from privacymodel.problems import shown

__all__ = ["DisclosedReader", "entry"]

# The basis as to_tilt writes it before the description: "consent: ...", "A6-1-a (x-law): ...".
_BASIS_PREFIX: Final = re.compile(
    r"^(A[0-9]-[0-9]-[a-z][a-z-]*|[a-z]+(?:-[a-z]+)*|x-[A-Za-z0-9][A-Za-z0-9._-]*)"
    r"(?: \((x-[A-Za-z0-9][A-Za-z0-9._-]*)\))?(?:: (.*))?$",
    re.DOTALL,
)

_ORIGINS: Final = {"received": DataSource.THIRD_PARTY, "observed": DataSource.OBSERVED, "inferred": DataSource.INFERRED}

_ITEM_KEYS: Final = ("_id", "category", "purposes", "legalBases", "legitimateInterests", "recipients", "storage", "nonDisclosure")
_RECIPIENT_KEYS: Final = ("name", "category", "division", "address", "country", "representative")


def entry(entry_id: str, **values: Any) -> dict[str, Any]:
    """A plain-data item with an id and the values that are set."""
    return {"id": entry_id, **{key: value for key, value in values.items() if value is not None and value != ""}}


class DisclosedReader(StoredReader):
    """Reads the statements of a TILT document into the plain data of a policy's parts, each part read once."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__(data)
        self.categories: list[dict[str, Any]] = []
        self.category_ids: dict[tuple[str | None, str], dict[str, Any]] = {}
        self.category_by_text: dict[str, dict[str, Any]] = {}
        self.category_by_id: dict[str, dict[str, Any]] = {}
        self.purposes: dict[tuple[str, str | None, str | None], dict[str, Any]] = {}
        self.bases: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.recipients: dict[Any, dict[str, Any]] = {}
        self.processing: list[dict[str, Any]] = []

    def category(self, text: str, tilt_id: str | None) -> dict[str, Any]:
        """The data category for ``text``: one per TILT ``_id`` and text, so items of one category share it."""
        if (tilt_id, text) in self.category_ids:
            return self.category_ids[tilt_id, text]
        term, label = read_term(DATA_TERMS, text)
        fits = tilt_id is not None and FORMATS["id"].check(tilt_id) and tilt_id not in self.category_by_id
        cat_id = tilt_id if fits and tilt_id is not None else f"data-{len(self.categories) + 1}"
        category = entry(cat_id, term=term, label=label)
        self.categories.append(category)
        self.category_ids[tilt_id, text] = category
        self.category_by_text.setdefault(text, category)
        self.category_by_id[cat_id] = category
        return category

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
        bases = [b for b_path, basis in self.items(item, "legalBases", path) for b in self.basis(basis, b_path, interests)]
        for i_path, reason in interests:  # legitimate interests stated, and no legal basis of legitimate interests
            self.repaired(i_path, "a legitimate interest is stated and no legal basis listed is one; read as GDPR Art. 6(1)(f)")
            bases.append(self.add_basis(LegalBasisTerm.A6_1_F.value, LawTerm.GDPR.value, None, reason))
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
        self.unknown_keys(item, _ITEM_KEYS, path)
        if len(processing) > 1:
            self.processing.append(processing)

    def item_purposes(self, item: dict[str, Any], path: Path) -> list[str]:
        """The ids of the purposes of a ``dataDisclosed`` item: its heading is the term (and the label), with its description."""
        purposes = []
        for p_path, purpose in self.items(item, "purposes", path):
            heading = self.text(purpose, "purpose", p_path)
            detail = self.text(purpose, "description", p_path)
            self.unknown_keys(purpose, ("purpose", "description"), p_path)
            if heading is None and detail is None:
                continue
            term, label = read_term(PURPOSE_TERMS, heading) if heading is not None else (custom_term(detail or ""), None)
            key = (term, label, detail)
            if key not in self.purposes:
                self.purposes[key] = entry(f"purpose-{len(self.purposes) + 1}", term=term, label=label, description=detail)
            purposes.append(str(self.purposes[key]["id"]))
        return purposes

    def interests(self, item: dict[str, Any], path: Path) -> list[tuple[Path, str | None]]:
        """Each legitimate interest of a ``dataDisclosed`` item said to exist: where it is, and its reasoning (if given)."""
        interests = []
        for i_path, interest in self.items(item, "legitimateInterests", path):
            exists = self.boolean(interest, "exists", i_path)
            reasoning = self.text(interest, "reasoning", i_path)
            if exists:
                interests.append((i_path, reasoning))
            elif reasoning:
                self.lost(i_path, "a legitimate interest that is said not to exist is not carried over")
            self.unknown_keys(interest, ("exists", "reasoning"), i_path)
        return interests

    def add_basis(self, basis: str, law: str | None, description: str | None, interests: str | None = None) -> str:
        """The id of the legal basis stated so, read once for the document."""
        key = (basis, law, description, interests)
        if key not in self.bases:
            self.bases[key] = entry(
                f"basis-{len(self.bases) + 1}", basis=basis, law=law, legitimate_interests=interests, description=description
            )
        return str(self.bases[key]["id"])

    def basis(self, obj: dict[str, Any], path: Path, interests: list[tuple[Path, str | None]]) -> list[str]:
        """The ids of the legal bases an item's ``legalBases`` entry names (several where it names several), taking
        the reasoning of legitimate interests from ``interests``; none if the entry is empty."""
        reference = self.text(obj, "reference", path)
        description = self.text(obj, "description", path)
        self.unknown_keys(obj, ("reference", "description"), path)
        if reference is None and description is None:
            return []
        # A description that starts with the basis as to_tilt writes it is not read for bases of its own.
        prefixed = _BASIS_PREFIX.match(description or "") is not None
        bases, law, note = read_legal_bases(reference, None if prefixed else description)
        rest = description
        written = _written_basis(bases, description) if prefixed else None
        if written is not None:
            bases, rest, note = [(written[0], written[1] or (bases[0][1] if bases else law))], written[2], None
        elif prefixed:
            bases, law, note = read_legal_bases(reference, description)
        if not bases:
            source = reference or description or ""
            term = custom_term(source)
            if law is None or reference is None:  # no law to give the reference back by: keep its text
                rest = source if rest in (None, source) else f"{source}: {rest}"
            self.repaired(path, f"the legal basis {shown(source)} matches no known basis; kept as the custom term {term!r}")
            bases = [(term, law)]
        elif note:
            self.repaired(path, note)
        ids = []
        for term, basis_law in bases:
            reasoning = None
            if is_legitimate_interests(LegalBasisTerm._value2member_map_.get(term)) and interests:
                reasoning = interests.pop(0)[1]
            ids.append(self.add_basis(term, basis_law, rest, reasoning))
        return ids

    def recipient(self, obj: dict[str, Any], path: Path) -> str | None:
        """The id of the recipient of an item's ``recipients`` entry; None if it states none of what a recipient is."""
        name = self.text(obj, "name", path)
        category = self.text(obj, "category", path)
        division = self.text(obj, "division", path)
        lines = self.text(obj, "address", path)
        country = self.country(obj, "country", path)
        self.fields(obj, ("representative",), path, "privacymodel has no representative of a recipient; not carried over")
        self.unknown_keys(obj, _RECIPIENT_KEYS, path)
        if name is None and category is None:
            if division or lines or country:
                self.lost(path, "a recipient with neither a name nor a category cannot be carried over")
            return None
        kind, label = read_term(RECIPIENT_TERMS, category) if category is not None else (None, None)
        address = {**({"lines": [lines]} if lines else {}), **({"country": country} if country else {})}
        found = entry("", name=name, division=division, address=address or None, kind=kind, label=label)
        key = frozen(found)
        if key not in self.recipients:
            self.recipients[key] = {**found, "id": f"recipient-{len(self.recipients) + 1}"}
        return str(self.recipients[key]["id"])

    def sources(self) -> None:
        """Read the document's ``sources`` as the sources of the data categories they name."""
        for path, item in self.items(self.data, "sources", ()):
            tilt_id = item.get("_id") if isinstance(item.get("_id"), str) else None
            text = self.text(item, "dataCategory", path)
            self.unknown_keys(item, ("_id", "dataCategory", "sources"), path)
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


def _written_basis(bases: list[tuple[str, str | None]], description: str | None) -> tuple[str, str | None, str | None] | None:
    """The basis to_tilt wrote before the description (``consent: ...``, ``A6-1-a (x-law): ...``), where it refines
    the one basis the reference names or stands for a custom one: ``(term, law, the rest of the description)``."""
    prefix = _BASIS_PREFIX.match(description or "")
    if prefix is None or len(bases) > 1:
        return None
    term = bases[0][0] if bases else None
    named = LegalBasisTerm._value2member_map_.get(prefix.group(1))
    custom = prefix.group(1) if prefix.group(1).startswith("x-") else None
    article = term if term is not None and term.startswith("A") else None
    refines = named is not None and (
        article is None
        or named.value.startswith(article)
        or (isinstance(named, LegalBasisTerm) and CONSENT_ARTICLES.get(named) == article)
    )
    if refines or (custom is not None and article is None):
        return prefix.group(1), prefix.group(2), prefix.group(3)
    return None
