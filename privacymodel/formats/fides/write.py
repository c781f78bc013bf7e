"""Writing a policy as a fideslang manifest (see the package documentation for the mapping)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from privacymodel.formats.fides.coverage import CARRIED, WHOLE, WHY_NOT
from privacymodel.formats.fides.terms import (
    DATA_CATEGORIES,
    DATA_SUBJECTS,
    DATA_USES,
    LEGAL_BASES,
    RESPONSIBILITIES,
    SPECIAL_CATEGORY_BASES,
    TAXONOMY,
    TRANSFER_BASES,
)
from privacymodel.formats.left_out import left_out
from privacymodel.formats.shared import retention_conditions
from privacymodel.model.policy import DataCategory, Party, PrivacyPolicy, Recipient, Retention
from privacymodel.model.vocab import SPECIAL_CATEGORIES, CustomTerm, PartyRole, TrackerTechnology, Vocabulary
from privacymodel.problems import Code, Problem, format_path, shown

__all__ = ["COLLECTION", "SYSTEM_TYPE", "to_fides"]

SYSTEM_TYPE: Final = "Service"
"""The ``system_type`` of every system written: what a privacy policy describes is a service."""

COLLECTION: Final = "personal_data"
"""The name of the dataset's one collection, whose fields are the policy's data categories."""

# An http(s) address with a host of letters, digits and hyphens and an optional short port: the addresses written.
_WEB_URL: Final = re.compile(r"https?://([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)\.?(?::[0-9]{1,4})?(?:[/?#]\S*)?", re.IGNORECASE)
_NON_COOKIE_STORAGE: Final = (TrackerTechnology.LOCAL_STORAGE, TrackerTechnology.SESSION_STORAGE)

Path = tuple[str | int, ...]


def _unique(values: Iterable[str]) -> list[str]:
    """``values`` without repeats, in their order."""
    return list(dict.fromkeys(values))


def _web_url(url: str) -> bool:
    """Whether fideslang's URL check accepts ``url`` whatever else it holds: an http(s) address whose host is a
    name (its last label starts with a letter, so it is no IPv4 address) with no punycode label to check."""
    match = _WEB_URL.fullmatch(url)
    if match is None:
        return False
    labels = match.group(1).lower().split(".")
    return labels[-1][:1].isalpha() and not any(label.startswith("xn--") for label in labels)


def _lookup(table: Mapping[Any, str], term: object) -> str | None:
    """The value ``table`` has for the vocabulary term ``term``; None for a term it lacks and for a custom term."""
    return table.get(term) if isinstance(term, Vocabulary) else None


@attrs.frozen
class _Links:
    """What one privacy declaration states: its name, its purpose (id), and the ids of its data categories, data
    subjects, legal bases, recipients and retention statements; ``path`` is where the policy states it."""

    name: str
    purpose: str
    data: tuple[str, ...]
    subjects: tuple[str, ...]
    bases: tuple[str, ...]
    recipients: tuple[str, ...]
    retention: tuple[str, ...]
    path: Path


class _FidesWriter:
    """Builds the manifest from a policy, noting each term with no fideslang counterpart and each statement the
    declarations do not carry."""

    def __init__(self, policy: PrivacyPolicy) -> None:
        self.policy = policy
        self.notes: list[Problem] = []
        self.categories = {c.id: c for c in policy.data_categories or ()}
        self.bases = {b.id: b for b in policy.legal_bases or ()}
        self.recipients = {r.id: r for r in policy.recipients or ()}
        self.retention = {r.id: r for r in policy.retention or ()}
        self.used: dict[str, set[str]] = {"legal_bases": set(), "recipients": set(), "retention": set()}
        self.category_key = self.keys("data_categories", policy.data_categories or (), DATA_CATEGORIES, "data category")
        self.use_key = self.keys("purposes", policy.purposes or (), DATA_USES, "data use")
        self.subject_key = self.keys("data_subjects", policy.data_subjects or (), DATA_SUBJECTS, "data subject")
        for index, basis in enumerate(policy.legal_bases or ()):
            if _lookup(LEGAL_BASES, basis.basis) is None and _lookup(SPECIAL_CATEGORY_BASES, basis.basis) is None:
                self.used["legal_bases"].add(basis.id)  # reported here, not again as linked to no declaration
                why = "fideslang's legal bases are those of GDPR Art. 6(1) and 9(2) (consent in the GDPR's sense)"
                self.lost(("legal_bases", index, "basis"), f"{shown(str(basis.basis))}: not carried over to fideslang; {why}")

    def lost(self, path: Path, message: str) -> None:
        self.notes.append(Problem(code=Code.NOT_EXPORTED, severity="warning", message=message, path=format_path(path)))

    def keys(self, field: str, items: Iterable[Any], table: Mapping[Any, str], what: str) -> dict[str, str]:
        """The fideslang key of each item's term, by the item's id; each term with none is noted."""
        keys: dict[str, str] = {}
        for index, item in enumerate(items):
            term: Vocabulary | CustomTerm = item.term
            key = _lookup(table, term)
            if key is not None:
                keys[item.id] = key
                continue
            kind = "custom term" if isinstance(term, CustomTerm) else "term"
            message = f"{shown(str(term))}: not carried over to fideslang; the {TAXONOMY} has no {what} for this {kind}"
            self.lost((field, index, "term"), message)
        return keys

    # The declarations.

    def declarations(self) -> list[dict[str, Any]]:
        """One declaration per processing statement and purpose it names; then one per purpose no statement names.

        A statement naming no data, and a purpose no statement names, have every data category of the policy. The
        data subjects are those the statement names, else those the policy names for its data categories (never
        every data subject of the policy: a policy names people, such as parents, for some of its statements only).
        A purpose with no fideslang data use has no declaration.
        """
        links = self.statement_links()
        declared = {link.purpose for link in links}
        everything = tuple(self.categories)
        for index, purpose in enumerate(self.policy.purposes or ()):
            if purpose.id in self.use_key and purpose.id not in declared:
                declared.add(purpose.id)
                links.append(
                    _Links(
                        name=purpose.id,
                        purpose=purpose.id,
                        data=everything,
                        subjects=self.subjects_of(everything),
                        bases=self.bases_for(purpose.id),
                        recipients=self.recipients_for(purpose.id),
                        retention=self.retention_for(purpose.id, everything),
                        path=("purposes", index),
                    )
                )
        return [self.declaration(link) for link in links]

    def statement_links(self) -> list[_Links]:
        """What each processing statement links, once for each purpose it names that has a data use."""
        links: list[_Links] = []
        for index, statement in enumerate(self.policy.processing or ()):
            purposes = [p for p in statement.purposes or () if p in self.use_key]
            if not purposes:
                why = "none of its purposes has a fideslang data use" if statement.purposes else "it names no purpose"
                self.lost(("processing", index), f"processing {shown(statement.id)}: not carried over to fideslang; {why}")
            data = statement.data or tuple(self.categories)
            # The recipients it names, and those that carry it out: the data goes to them.
            recipients = (*(statement.recipients or ()), *(r for r in statement.by or () if r in self.recipients))
            links.extend(
                _Links(
                    name=f"{statement.id}: {purpose}",
                    purpose=purpose,
                    data=data,
                    subjects=statement.subjects or self.subjects_of(data),
                    bases=statement.legal_bases or self.bases_for(purpose),
                    recipients=tuple(dict.fromkeys(recipients)) or self.recipients_for(purpose),
                    retention=statement.retention or self.retention_for(purpose, data),
                    path=("processing", index),
                )
                for purpose in purposes
            )
        return links

    def subjects_of(self, data: Iterable[str]) -> tuple[str, ...]:
        """The data subjects the policy names for the data categories ``data``."""
        return tuple(dict.fromkeys(s for d in data for s in self.categories[d].subjects or ()))

    def bases_for(self, purpose: str) -> tuple[str, ...]:
        return tuple(b.id for b in self.bases.values() if purpose in (b.purposes or ()))

    def recipients_for(self, purpose: str) -> tuple[str, ...]:
        return tuple(r.id for r in self.recipients.values() if purpose in (r.purposes or ()))

    def retention_for(self, purpose: str, data: tuple[str, ...]) -> tuple[str, ...]:
        """The retention statements for ``purpose`` (or for every purpose) that cover some of ``data`` (or all)."""
        return tuple(
            r.id
            for r in self.retention.values()
            if (r.purposes is None or purpose in r.purposes) and (r.data is None or set(r.data) & set(data))
        )

    def declaration(self, links: _Links) -> dict[str, Any]:
        """The privacy declaration of ``links``: its terms as fideslang keys, and what the policy links to it."""
        declaration: dict[str, Any] = {
            "name": links.name,
            "data_categories": _unique(self.category_key[d] for d in links.data if d in self.category_key),
            "data_use": self.use_key[links.purpose],
        }
        subjects = _unique(self.subject_key[s] for s in links.subjects if s in self.subject_key)
        if subjects:
            declaration["data_subjects"] = subjects
        declaration.update(self.legal_basis(links))
        if "special_category_legal_basis" in declaration or any(self.special(self.categories[d]) for d in links.data):
            declaration["processes_special_category_data"] = True
        period = self.retention_period(links.retention)
        if period:
            declaration["retention_period"] = period
        declaration.update(self.sharing(links))
        return declaration

    @staticmethod
    def special(category: DataCategory) -> bool:
        """Whether ``category`` is special category data: as the policy says, else by its term (GDPR Art. 9(1))."""
        if category.special_category is not None:
            return category.special_category
        return category.term in SPECIAL_CATEGORIES

    def legal_basis(self, links: _Links) -> dict[str, str]:
        """The declaration's legal basis and special category basis, where the bases linked name one of each."""
        fields: dict[str, str] = {}
        tables = (("legal_basis_for_processing", LEGAL_BASES), ("special_category_legal_basis", SPECIAL_CATEGORY_BASES))
        for field, table in tables:
            values: dict[str, list[str]] = {}
            for basis_id in links.bases:
                value = _lookup(table, self.bases[basis_id].basis)
                if value is not None:
                    values.setdefault(value, []).append(basis_id)
            self.used["legal_bases"].update(basis for ids in values.values() for basis in ids)
            if len(values) == 1:
                fields[field] = next(iter(values))
            elif values:
                named = " and ".join(shown(value) for value in values)
                message = f"{links.name}: the policy links {named} to it; a fideslang declaration holds one {field}"
                self.lost(links.path, message + ", so none is written")
        return fields

    def retention_period(self, retention: Iterable[str]) -> str | None:
        """The retention statements in words, each after the data categories it is limited to: ``usage-data: P2Y``."""
        texts = []
        for retention_id in retention:
            statement: Retention = self.retention[retention_id]
            words = [word for word in (statement.period, *retention_conditions(statement)) if word]
            if words:
                self.used["retention"].add(retention_id)
                limited = f"{', '.join(statement.data)}: " if statement.data else ""
                texts.append(limited + ", ".join(words))
        return "; ".join(texts) or None

    def sharing(self, links: _Links) -> dict[str, Any]:
        """Whether the declaration's data is shared, with which kinds of third parties, and which data."""
        recipients = [self.recipients[r] for r in links.recipients]
        if not recipients:
            return {}
        self.used["recipients"].update(links.recipients)
        shared = _unique(self.category_key[d] for r in recipients for d in r.data or links.data if d in self.category_key)
        fields: dict[str, Any] = {
            "data_shared_with_third_parties": True,
            "third_parties": "; ".join(map(_recipient_label, recipients)),
        }
        if shared:
            fields["shared_categories"] = shared
        return fields

    def unlinked(self) -> None:
        """Note the legal bases, recipients and retention statements no declaration carries, one note a kind."""
        why = {
            "legal_bases": "the policy links it to no purpose the export declares",
            "recipients": "the policy links it to no purpose the export declares",
            "retention": "it states no period or condition for a purpose the export declares",
        }
        for field, items in (("legal_bases", self.bases), ("recipients", self.recipients), ("retention", self.retention)):
            left = [index for index, item_id in enumerate(items) if item_id not in self.used[field]]
            if left:
                many = f" ({len(left)})" if len(left) > 1 else ""
                self.lost((field, left[0]), f"{field}{many}: not carried over to fideslang; {why[field]}")

    # The system and the dataset.

    def system(self, declarations: list[dict[str, Any]], dataset: str | None) -> dict[str, Any]:
        policy = self.policy
        document = policy.document
        system: dict[str, Any] = {"fides_key": policy.controllers[0].id, "name": document.title}
        if document.applies_to:
            system["description"] = document.applies_to
        system["system_type"] = SYSTEM_TYPE
        if document.url and _web_url(document.url):
            system["privacy_policy"] = document.url
        elif document.url:
            why = "fideslang's URL check may refuse it (only http(s) addresses with a plain host name are written)"
            self.lost(("document", "url"), f"the address {shown(document.url)}: not carried over to fideslang; {why}")
        system.update(self.parties())
        system.update(self.practices())
        if dataset is not None:
            system["dataset_references"] = [dataset]
        system["privacy_declarations"] = declarations
        return system

    def parties(self) -> dict[str, Any]:
        """The legal name and address (the first controller's), the responsibilities, the other controllers and the
        data protection officer."""
        policy = self.policy
        first = policy.controllers[0]
        fields: dict[str, Any] = {}
        if first.name:
            fields["legal_name"] = first.name
        if first.address is not None:
            fields["legal_address"] = first.address.one_line()
        titles = []
        for index, party in enumerate(policy.controllers):
            roles = [role.role for role in party.roles or ()] or [PartyRole.CONTROLLER]
            for role_index, role in enumerate(roles):
                if role in RESPONSIBILITIES:
                    titles.append(RESPONSIBILITIES[role])
                else:
                    path = ("controllers", index, "roles", role_index, "role")
                    why = "fideslang's responsibilities are controller, processor and sub-processor"
                    self.lost(path, f"{shown(str(role))}: not carried over to fideslang; {why}")
        if titles:
            fields["responsibility"] = _unique(titles)
        others = [_party_line(party) for party in policy.controllers[1:]]
        if others:
            fields["joint_controller_info"] = "; ".join(others)
        if policy.dpo is not None:
            contacts = [
                c.email or c.phone or c.url or (c.address.one_line() if c.address else "") for c in policy.dpo.contacts or ()
            ]
            line = ", ".join(part for part in (policy.dpo.name, *contacts) if part)
            if line:
                fields["dpo"] = line
        return fields

    def practices(self) -> dict[str, Any]:
        """Security practices, transfers abroad and their bases, and whether cookies or other device storage is used."""
        policy = self.policy
        fields: dict[str, Any] = {}
        security = policy.security
        if security is not None:
            words = [", ".join(map(str, security.measures or ())), security.description or ""]
            if any(words):
                fields["data_security_practices"] = "; ".join(word for word in words if word)
        if policy.transfers is not None:
            fields["does_international_transfers"] = bool(policy.transfers)
            bases = []
            for index, transfer in enumerate(policy.transfers):
                for number, mechanism in enumerate(transfer.mechanisms or ()):
                    value = _lookup(TRANSFER_BASES, mechanism)
                    if value is not None:
                        bases.append(value)
                        continue
                    why = "fideslang's transfer bases are adequacy decisions, SCCs, BCRs and supplementary measures"
                    path = ("transfers", index, "mechanisms", number)
                    self.lost(path, f"{shown(str(mechanism))}: not carried over to fideslang; {why}")
            if bases:
                fields["legal_basis_for_transfers"] = _unique(bases)
        if policy.cookies is not None:
            technologies = {cookie.technology for cookie in policy.cookies}
            if not policy.cookies or TrackerTechnology.HTTP_COOKIE in technologies:
                fields["uses_cookies"] = bool(policy.cookies)
            if not policy.cookies or technologies.intersection(_NON_COOKIE_STORAGE):
                fields["uses_non_cookie_access"] = bool(policy.cookies)
        return fields

    def dataset(self, key: str) -> dict[str, Any] | None:
        """The dataset: one collection whose fields are the data categories with a fideslang category; None if none."""
        fields = []
        for category in self.categories.values():
            if category.id not in self.category_key:
                continue
            field: dict[str, Any] = {"name": category.id}
            if category.description:
                field["description"] = category.description
            field["data_categories"] = [self.category_key[category.id]]
            subjects = _unique(self.subject_key[s] for s in category.subjects or () if s in self.subject_key)
            if subjects:
                field["data_subjects"] = subjects
            fields.append(field)
        if not fields:
            return None
        collection = {"name": COLLECTION, "description": "The data categories the privacy policy names.", "fields": fields}
        return {"fides_key": key, "name": self.policy.document.title, "collections": [collection]}


def _recipient_label(recipient: Recipient) -> str:
    """A recipient in words: its name and its kinds (``Google Analytics (analytics-provider)``), or its kinds."""
    kinds = ", ".join(str(kind) for kind in (*([recipient.kind] if recipient.kind else []), *(recipient.kinds or ())))
    if recipient.name:
        return f"{recipient.name} ({kinds})" if kinds else recipient.name
    return kinds


def _party_line(party: Party) -> str:
    """A party in words: its name (or id) and its address."""
    address = party.address.one_line() if party.address is not None else ""
    return ", ".join(part for part in (party.name or party.id, address) if part)


def to_fides(policy: PrivacyPolicy, *, notes: list[Problem] | None = None) -> dict[str, Any]:
    """Write ``policy`` as a fideslang manifest (plain data, ready to write as YAML): a ``system`` and a ``dataset``.

    The system's ``fides_key`` is the first controller's id. Its privacy
    declarations are one per processing statement and purpose it names, with
    the statement's data, subjects, legal bases, recipients (and the recipients
    that carry it out) and retention (where it names none, those the policy
    links to the purpose), then one per purpose no statement names, with all the
    policy's data categories and the data subjects the policy names for them.
    The dataset (``<key>-data``, written where some data category has
    a fideslang category) has one collection whose fields are the data
    categories. Terms are mapped with the tables of
    :mod:`privacymodel.formats.fides.terms`; a term with no counterpart is left
    out, never replaced by a guess.

    If ``notes`` is a list, a PM404 warning is appended for every term with no
    counterpart, every statement no declaration carries, every field fideslang
    cannot hold, and a privacy policy address fideslang's URL check may refuse.
    """
    writer = _FidesWriter(policy)
    declarations = writer.declarations()
    key = policy.controllers[0].id
    dataset = writer.dataset(f"{key}-data")
    manifest: dict[str, Any] = {"system": [writer.system(declarations, None if dataset is None else dataset["fides_key"])]}
    if dataset is not None:
        manifest["dataset"] = [dataset]
    writer.unlinked()
    if notes is not None:
        notes.extend(writer.notes)
        notes.extend(left_out(policy, CARRIED, "fideslang", WHY_NOT, WHOLE))
    return manifest
