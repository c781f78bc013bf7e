"""Reading a TILT document, written as people write them, as a policy."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from privacymodel.checks.validate import structure
from privacymodel.formats.tilt.common import (
    AS_LONG_AS_NECESSARY,
    LEGAL_REQUIREMENT,
    PORTABILITY_SLOT,
    RIGHT_SLOTS,
    SLOT_DEFAULT_MECHANISM,
    TILT_KEYS,
    TRANSFER_SLOTS,
    UNKNOWN_COUNTRY,
    UNLINKED_ID,
    is_legitimate_interests,
    unique,
)
from privacymodel.formats.tilt.recognise import (
    DATA_TERMS,
    PURPOSE_TERMS,
    RECIPIENT_TERMS,
    Terms,
    read_duration,
    read_legal_basis,
    slug,
)
from privacymodel.model.fields import FORMATS
from privacymodel.model.policy import FORMAT_VERSION, PrivacyPolicy
from privacymodel.model.vocab import (
    CustomTerm,
    DataCategoryTerm,
    DataSource,
    LawTerm,
    LegalBasisTerm,
    RightKind,
    TransferMechanism,
)
from privacymodel.problems import Code, PolicyError, Problem, format_path, kind_of, shown

__all__ = ["from_tilt"]

_BASIS_PREFIX: Final = re.compile(
    r"^(A[0-9]-[0-9]-[a-z][a-z-]*|[a-z]+(?:-[a-z]+)*|x-[A-Za-z0-9][A-Za-z0-9._-]*)"
    r"(?: \((x-[A-Za-z0-9][A-Za-z0-9._-]*)\))?(?:: (.*))?$",
    re.DOTALL,
)

Path = tuple[str | int, ...]


def _placeholder(value: object) -> bool:
    """Whether ``value`` stands for "not stated": null, empty or blank text, an empty list or mapping."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, dict):
        return all(_placeholder(v) for v in value.values())
    if isinstance(value, list):
        return all(_placeholder(v) for v in value)
    return False


_MECHANISMS: Final = {m.value: m for m in TransferMechanism}
_ORIGINS: Final = {"received": DataSource.THIRD_PARTY, "observed": DataSource.OBSERVED, "inferred": DataSource.INFERRED}


def _entry(entry_id: str, **values: Any) -> dict[str, Any]:
    """A plain-data item with an id and the values that are set."""
    return {"id": entry_id, **{key: value for key, value in values.items() if value is not None and value != ""}}


class _TiltReader:
    """Builds the plain data of a policy from a TILT document, noting what it cannot carry over."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.notes: list[Problem] = []
        self.contacts: list[dict[str, Any]] = []
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
        self.rights: dict[RightKind, dict[str, Any]] = {}

    # Notes and typed access.

    def lost(self, path: Path, message: str) -> None:
        self.notes.append(Problem(code=Code.NOT_CARRIED_OVER, severity="warning", message=message, path=format_path(path)))

    def repaired(self, path: Path, message: str) -> None:
        self.notes.append(Problem(code=Code.REINTERPRETED, severity="warning", message=message, path=format_path(path)))

    def mapping(self, obj: Mapping[str, Any], key: str, path: Path) -> dict[str, Any] | None:
        value = obj.get(key)
        if _placeholder(value):
            return None
        if not isinstance(value, dict):
            self.lost((*path, key), f"expected a mapping; got {kind_of(value)}")
            return None
        return value

    def items(self, obj: Mapping[str, Any], key: str, path: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
        value = obj.get(key)
        if _placeholder(value):
            return
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list):
            self.lost((*path, key), f"expected a list; got {kind_of(value)}")
            return
        for index, item in enumerate(value):
            if _placeholder(item):
                continue
            if isinstance(item, dict):
                yield (*path, key, index), item
            else:
                self.lost((*path, key, index), f"expected a mapping; got {kind_of(item)}")

    def text(self, obj: Mapping[str, Any], key: str, path: Path, fmt: str = "text") -> str | None:
        value = obj.get(key)
        if _placeholder(value):
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.lost((*path, key), f"expected text; got {kind_of(value)}")
            return None
        if fmt != "text":
            value = value.strip()  # stray spaces around an address or a code are no part of it
        if not FORMATS[fmt].check(value):
            what = FORMATS[fmt].description.rstrip(".")
            self.lost((*path, key), f"{shown(value)} is not {what[0].lower()}{what[1:]}; left out")
            return None
        return value

    def texts(self, obj: Mapping[str, Any], key: str, path: Path) -> list[str]:
        value = obj.get(key)
        if _placeholder(value):
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.lost((*path, key), f"expected a list of text; got {kind_of(value)}")
            return []
        out = []
        for index, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                out.append(item)
            elif not _placeholder(item):
                self.lost((*path, key, index), f"expected text; got {kind_of(item)}")
        return out

    def boolean(self, obj: Mapping[str, Any], key: str, path: Path) -> bool | None:
        value = obj.get(key)
        if _placeholder(value):
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
            self.repaired((*path, key), f"read the text {value!r} as a boolean")
            return value.strip().lower() in ("true", "yes")
        self.lost((*path, key), f"expected true or false; got {kind_of(value)}")
        return None

    def email(self, obj: Mapping[str, Any], key: str, path: Path) -> str | None:
        value = self.text(obj, key, path, "email")
        return None if value is None or value.lower().endswith(".invalid") else value

    def country(self, obj: Mapping[str, Any], key: str, path: Path) -> str | None:
        value = obj.get(key)
        if isinstance(value, str) and value.strip().upper() == UNKNOWN_COUNTRY:
            return None
        return self.text(obj, key, path, "country")

    def unknown_keys(self, obj: Mapping[str, Any], known: Iterable[str], path: Path) -> None:
        known = set(known)
        for key, value in obj.items():
            if key not in known and not _placeholder(value):
                self.lost((*path, key), f"privacymodel has no field for {key!r}; not carried over")

    def fields(self, obj: Mapping[str, Any], names: Iterable[str], path: Path, why: str) -> None:
        for name in names:
            if not _placeholder(obj.get(name)):
                self.lost((*path, name), why)

    # The document.

    def read(self) -> dict[str, Any]:
        data = self.data
        meta = self.mapping(data, "meta", ()) or {}
        controller = self.mapping(data, "controller", ()) or {}
        meta_name = self.text(meta, "name", ("meta",))
        name = self.text(controller, "name", ("controller",)) or meta_name
        if name is None:
            raise PolicyError(
                [
                    Problem(
                        code=Code.NOT_TILT,
                        message="the TILT document names no controller (controller.name and meta.name are empty)",
                    )
                ]
            )
        self.unknown_keys(data, TILT_KEYS, ())
        policy: dict[str, Any] = {"privacymodel": FORMAT_VERSION, "document": self.document(meta, meta_name, name)}
        party: dict[str, Any] = {"id": "controller", "name": name}
        address = self.address(controller, ("controller",))
        if address:
            party["address"] = address
        division = self.text(controller, "division", ("controller",))
        if division:
            party["description"] = f"Division: {division}"
        self.unknown_keys(controller, ("name", "division", "address", "country", "representative"), ("controller",))
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
        return {field.name: policy[field.name] for field in attrs.fields(PrivacyPolicy) if field.name in policy}

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
        elif not _placeholder(language):
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
            f"meta.{k}" for k in ("_id", "_hash", "version", "created", "modified") if k != used and not _placeholder(meta.get(k))
        ]
        if bookkeeping:
            self.lost(path, f"{', '.join(bookkeeping)} describe the TILT file, not the policy; not carried over")
        status = meta.get("status")
        if isinstance(status, str) and status.strip().lower() == "inactive":
            self.lost((*path, "status"), "the policy is marked inactive; privacymodel has no field for that")
        self.unknown_keys(meta, ("_id", "name", "created", "modified", "version", "language", "status", "url", "_hash"), path)
        return document

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
        if not _placeholder(phone):
            text = str(phone).strip() if isinstance(phone, (str, int)) else None
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

    # dataDisclosed.

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
                self.purposes[key] = _entry(f"purpose-{len(self.purposes) + 1}", term=term, description=description)
            purposes.append(self.purposes[key]["id"])
            self.unknown_keys(purpose, ("purpose", "description"), p_path)
        interests = []
        for i_path, interest in self.items(item, "legitimateInterests", path):
            exists = self.boolean(interest, "exists", i_path)
            reasoning = self.text(interest, "reasoning", i_path)
            if exists:
                interests.append(reasoning)
            elif reasoning:
                self.lost(i_path, "a legitimate interest that is said not to exist is not carried over")
            self.unknown_keys(interest, ("exists", "reasoning"), i_path)
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
        for ret_id in retention:
            ret = self.retention_by_id[ret_id]
            if data_ids:
                ret["data"] = unique([*ret.get("data", []), *data_ids])
            elif purposes:
                ret["purposes"] = unique([*ret.get("purposes", []), *purposes])
        self.unknown_keys(
            item,
            ("_id", "category", "purposes", "legalBases", "legitimateInterests", "recipients", "storage", "nonDisclosure"),
            path,
        )
        if len(processing) > 1:
            self.processing.append(processing)

    def add_basis(self, basis: str, law: str | None, description: str | None, interests: str | None = None) -> str:
        key = (basis, law, description, interests)
        if key not in self.bases:
            self.bases[key] = _entry(
                f"basis-{len(self.bases) + 1}", basis=basis, law=law, legitimate_interests=interests, description=description
            )
        return str(self.bases[key]["id"])

    def basis(self, obj: dict[str, Any], path: Path, interests: list[str | None]) -> str | None:
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
            refines = named is not None and (article is None or named.value.startswith(article))
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
        name = self.text(obj, "name", path)
        category = self.text(obj, "category", path)
        if name is None and category is None:
            return None
        kind = description = None
        if category is not None:
            kind, description = self.term(RECIPIENT_TERMS, category)
        key = (name, kind)
        if key not in self.recipients:
            self.recipients[key] = _entry(f"recipient-{len(self.recipients) + 1}", name=name, kind=kind, description=description)
        self.fields(
            obj, ("division", "address", "country", "representative"), path, "privacymodel keeps a recipient's name and kind only"
        )
        self.unknown_keys(obj, ("name", "category", "division", "address", "country", "representative"), path)
        return str(self.recipients[key]["id"])

    def storage(self, obj: dict[str, Any], path: Path) -> list[str]:
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
        function = obj.get("aggregationFunction")
        if isinstance(function, str) and function not in ("max", ""):
            self.lost((*path, "aggregationFunction"), f"privacymodel keeps each period; the aggregation {function!r} is left out")
        entries = []
        for t_path, temporal in self.items(obj, "temporal", path):
            entry: dict[str, Any] = {}
            own = list(criteria)
            ttl = temporal.get("ttl")
            if isinstance(ttl, str) and ttl.strip():
                period, note = read_duration(ttl)
                if note:
                    self.repaired((*t_path, "ttl"), note)
                if period is None:
                    own.append(ttl.strip())
                else:
                    entry["period"] = period
            elif not _placeholder(ttl):
                self.lost((*t_path, "ttl"), f"expected an ISO 8601 duration; got {kind_of(ttl)}")
            if own:
                entry["criteria"] = "; ".join(own)
            description = self.text(temporal, "description", t_path)
            if description:
                entry["description"] = description
            self.unknown_keys(temporal, ("description", "ttl"), t_path)
            entries.append({**base, **entry})
        if not entries:
            entries = [{**base, **({"criteria": "; ".join(criteria)} if criteria else {})}]
        self.unknown_keys(obj, ("temporal", "purposeConditional", "legalBasisConditional", "aggregationFunction"), path)
        out = []
        for entry in entries:
            if not entry:
                continue
            key = tuple(sorted((k, str(v)) for k, v in entry.items()))
            if key not in self.retention:
                self.retention[key] = {"id": f"retention-{len(self.retention) + 1}", **entry}
                self.retention_by_id[self.retention[key]["id"]] = self.retention[key]
            out.append(str(self.retention[key]["id"]))
        return out

    def requirement(self, obj: dict[str, Any], path: Path, data_ids: list[str]) -> None:
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
                origin = _ORIGINS.get(str(source.get("origin")).strip().lower())  # TILT 2: received, observed, inferred
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
            fee = self.mapping(body, "administrativeFee", path)
            if fee is not None:
                amount, currency = fee.get("amount"), fee.get("currency")
                if isinstance(amount, (int, float)) and not isinstance(amount, bool) and isinstance(currency, str):
                    self.rights[kinds[0]]["fee"] = f"{amount:g} {currency.strip().upper()}"
                else:
                    self.lost((*path, "administrativeFee"), "expected an amount and a currency")
            self.fields(body, ("identificationEvidences",), path, "privacymodel has no identification evidence for rights")
            self.fields(body, ("dataFormats",), path, "privacymodel has no data formats for portability")
            if slot == "rightToComplain":
                sa = self.mapping(body, "supervisoryAuthority", path)
                if sa is not None:
                    authority = self.party(sa, (*path, "supervisoryAuthority"), "supervisory-authority")
            known = ("available", "description", "url", "email", "identificationEvidences", "administrativeFee", "dataFormats")
            self.unknown_keys(body, (*known, "supervisoryAuthority"), path)
        return authority

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
