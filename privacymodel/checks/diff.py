"""Semantic comparison of two versions of a policy.

Items in lists are matched by identity, not position: a cookie by its name (or name prefix) and the
recipient that provides it, a recipient by name (or kind), a right by kind, law and who has it (by place
and by data subject too), a data subject, data category or purpose by term, a legal basis by basis and
law, a prohibition by what it says is not done, a means of recourse by name (or kind), a contact point by
its address, a certification by name, a law by name. Reordering is therefore no change, and local ids are ignored:
references are compared by what they point at. When two items share an identity in one policy they are
told apart by their order among those items.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterator, Mapping
from typing import Any, Final, Literal, cast

import attrs
from attrs import frozen

from privacymodel.checks.reductions import judge
from privacymodel.codec.converter import unstructure
from privacymodel.model.fields import Model, ref_targets
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import format_path

__all__ = ["TOPICS", "Change", "diff", "summary"]

ChangeKind = Literal["added", "removed", "changed"]

TOPICS: Final = (
    "document",
    "parties",
    "subjects",
    "data",
    "purposes",
    "legal-bases",
    "processing",
    "recipients",
    "cookies",
    "retention",
    "rights",
    "recourse",
    "transfers",
    "prohibitions",
    "other",
)


@frozen(kw_only=True)
class Change:
    """One difference between two policies.

    ``path`` is the JSON path in the new policy (in the old one for a removal); ``old`` and ``new`` are
    plain JSON values (``None`` on the side where the item does not exist). ``reduces`` marks a change
    that reduces what people are told or can do, and ``reason`` says why.
    """

    topic: str
    kind: ChangeKind
    item: str
    path: str
    old: Any = None
    new: Any = None
    reduces: bool = False
    reason: str | None = None


# Collections: topic, and the identity of an item given its plain form and a label resolver.
Label = Callable[[str, str], str]


def _recipient_key(item: Mapping[str, Any], label: Label) -> str:
    return str(item.get("name") or item.get("kind"))


def _cookie_key(item: Mapping[str, Any], label: Label) -> str:
    name = item.get("name") or (f"{item['name_prefix']}*" if item.get("name_prefix") else None)
    if name is None:
        name = "/".join(str(item.get(k)) for k in ("technology", "party", "category") if item.get(k)) or "tracker"
    provider = label("recipients", item["provider"]) if item.get("provider") else "unnamed provider"
    return f"{name} ({provider})"


def _right_key(item: Mapping[str, Any], label: Label) -> str:
    parts = [str(item["kind"])]
    if item.get("law"):
        parts.append(f"under {item['law']}")
    if item.get("jurisdictions"):
        parts.append(f"in {', '.join(sorted(item['jurisdictions']))}")
    if item.get("subjects"):
        parts.append(f"for {', '.join(sorted(label('data_subjects', s) for s in item['subjects']))}")
    if item.get("applies_to"):
        parts.append(f"for {item['applies_to']}")
    return " ".join(parts)


def _prohibition_key(item: Mapping[str, Any], label: Label) -> str:
    """What is not done: 'sell personal-data for advertising to data-broker' (the description where it says no more)."""
    parts = ["/".join(map(str, item.get("operations") or [])), "/".join(map(str, item.get("data") or []))]
    if item.get("purposes"):
        parts.append("for " + "/".join(map(str, item["purposes"])))
    if item.get("recipient_kinds"):
        parts.append("to " + "/".join(map(str, item["recipient_kinds"])))
    if item.get("by"):
        parts.append("by " + "/".join(map(str, item["by"])))
    return " ".join(part for part in parts if part) or str(item.get("description") or "prohibition")


def _contact_key(item: Mapping[str, Any], label: Label) -> str:
    for key in ("email", "phone", "url"):
        if item.get(key):
            return str(item[key])
    address = item.get("address") or {}
    return ", ".join(str(v) for v in [*(address.get("lines") or []), address.get("locality"), address.get("country")] if v)


_COLLECTIONS: Final[dict[str, tuple[str, str, Callable[[Mapping[str, Any], Label], str]]]] = {
    # key in the policy: (topic, noun, identity)
    "controllers": ("parties", "controller", lambda i, _: str(i.get("name") or i.get("description") or "controller")),
    "data_subjects": ("subjects", "data subject", lambda i, _: str(i["term"])),
    "data_categories": ("data", "data category", lambda i, _: str(i["term"])),
    "provision_requirements": ("data", "provision requirement", lambda i, _: "requirement"),
    "purposes": ("purposes", "purpose", lambda i, _: str(i["term"])),
    "legal_bases": ("legal-bases", "legal basis", lambda i, _: f"{i['basis']}" + (f" ({i['law']})" if i.get("law") else "")),
    "processing": ("processing", "processing statement", lambda i, _: str(i.get("description") or "processing")),
    "prohibitions": ("prohibitions", "prohibition", _prohibition_key),
    "recipients": ("recipients", "recipient", _recipient_key),
    "cookies": ("cookies", "tracker", _cookie_key),
    "retention": ("retention", "retention statement", lambda i, _: "retention"),
    "rights": ("rights", "right", _right_key),
    "recourse": ("recourse", "recourse", lambda i, _: str(i.get("name") or i.get("kind"))),
    "transfers": ("transfers", "transfer", lambda i, _: ",".join(i.get("destinations") or ["unstated destination"])),
    "certifications": ("other", "certification", lambda i, _: str(i["name"])),
    "choices": ("other", "choice", lambda i, _: f"{i['kind']} {i.get('url') or ''}".strip()),
    "laws": ("other", "law", lambda i, _: str(i["law"])),
}
_SINGLETONS: Final[dict[str, str]] = {
    "document": "document",
    "representative": "parties",
    "dpo": "parties",
    "supervisory_authority": "parties",
    "children": "other",
    "do_not_track": "other",
    "security": "other",
    "sale_of_data": "other",
    "automated_decision_making": "other",
    "policy_changes": "other",
}
_IGNORED: Final = frozenset({"id", "section"})
# The collections whose items references are replaced by (contacts are labelled by their address).
_LABELLED: Final = ("recipients", "data_categories", "purposes", "legal_bases", "retention", "data_subjects", "controllers")


_REFERENCES: dict[type[Model] | None, dict[str, tuple[str, ...]]] = {None: {}}


def _references(cls: type[Model] | None) -> dict[str, tuple[str, ...]]:
    """The reference fields of a model class and the collections each names ids of, from the fields' ``ref``."""
    found = _REFERENCES.get(cls)
    if found is None:
        fields = attrs.fields(cast(Any, cls))
        found = _REFERENCES[cls] = {field.name: ref_targets(field.metadata) for field in fields if ref_targets(field.metadata)}
    return found


def _classes(obj: Model, plain: Any, out: dict[int, type[Model]]) -> None:
    """Record, by the identity of each mapping of ``plain`` (the plain form of ``obj``), the model class it holds."""
    out[id(plain)] = type(obj)
    for field in attrs.fields(cast(Any, type(obj))):
        value = getattr(obj, field.name)
        if isinstance(value, Model):
            _classes(value, plain[field.name], out)
        elif type(value) is tuple and value and isinstance(value[0], Model):
            for item, item_plain in zip(value, plain[field.name], strict=True):
                _classes(item, item_plain, out)


class _Side:
    """One policy in plain form, with the labels its ids stand for."""

    def __init__(self, policy: PrivacyPolicy) -> None:
        self.data = unstructure(policy)
        # Which class each mapping holds, so that only reference fields are read as ids: a prohibition's ``data``
        # names terms, a processing statement's names data categories.
        self.classes: dict[int, type[Model]] = {}
        _classes(policy, self.data, self.classes)
        self.labels: dict[tuple[str, str], str] = {}
        for name in _LABELLED:
            topic_key = _COLLECTIONS[name][2]
            for item in self.data.get(name) or []:
                if "id" in item:
                    key = topic_key(item, self.label)
                    self.labels[(name, item["id"])] = item["id"] if key in _GENERIC else key
        parties = [
            *(self.data.get("controllers") or []),
            *(self.data.get(k) or {} for k in ("representative", "supervisory_authority", "dpo")),
        ]
        for party in parties:
            for contact in party.get("contacts") or []:
                if "id" in contact:
                    self.labels[("contacts", contact["id"])] = _contact_key(contact, self.label)

    def label(self, collection: str, ref: str) -> str:
        """What ``ref`` points at in ``collection``; ``ref`` itself where nothing is known of it."""
        return self.labels.get((collection, ref), ref)

    def _label_in(self, targets: tuple[str, ...], ref: str) -> str:
        """What ``ref`` points at in the first of the collections ``targets`` that declares it."""
        return next((self.labels[(name, ref)] for name in targets if (name, ref) in self.labels), ref)

    def normal(self, value: Any) -> Any:
        """The plain value with ids dropped and references replaced by what they point at."""
        if isinstance(value, dict):
            references = _references(self.classes.get(id(value)))
            return {
                k: self._resolved(v, references[k]) if k in references else self.normal(v)
                for k, v in value.items()
                if k not in _IGNORED
            }
        if isinstance(value, list):
            return [self.normal(v) for v in value]
        return value

    def _resolved(self, value: Any, targets: tuple[str, ...]) -> Any:
        """A reference field's value with each id replaced by its label (a list of them sorted: order is no change)."""
        if isinstance(value, list):
            return sorted(self._label_in(targets, ref) for ref in value)
        return self._label_in(targets, value)

    def grouped(self, name: str) -> dict[str, list[tuple[int, Any]]]:
        """Items of a collection grouped by identity, with their index."""
        return _groups(self.data.get(name) or [], lambda item: _COLLECTIONS[name][2](item, self.label))


def _groups(items: list[Any], identity: Callable[[Any], str]) -> dict[str, list[tuple[int, Any]]]:
    groups: dict[str, list[tuple[int, Any]]] = {}
    for index, item in enumerate(items):
        groups.setdefault(identity(item), []).append((index, item))
    return groups


Pair = tuple[str, "tuple[int, Any] | None", "tuple[int, Any] | None"]


def _match(
    before: _Side, after: _Side, old: dict[str, list[tuple[int, Any]]], new: dict[str, list[tuple[int, Any]]]
) -> Iterator[Pair]:
    """Pair items with the same identity: identical ones first, the rest in order; the remainder is added or removed.

    Of items that share an identity, those with the same id are paired next. Each is named by :func:`_name`. Each
    item's normal form is computed once and hashed, so matching takes time linear in the number of items however
    many share an identity.
    """
    for key in dict.fromkeys([*old, *new]):
        olds, news = old.get(key, []), new.get(key, [])
        twins: dict[Hashable, deque[int]] = {}
        for position, entry in enumerate(news):
            twins.setdefault(_hashable(after.normal(entry[1])), deque()).append(position)
        pairs: list[tuple[tuple[int, Any] | None, tuple[int, Any] | None]] = []
        taken: set[int] = set()
        unmatched: list[tuple[int, Any]] = []
        for entry in olds:
            # The first item of the new version, in order, that is identical to this one and not yet paired.
            candidates = twins.get(_hashable(before.normal(entry[1])))
            if candidates:
                position = candidates.popleft()
                taken.add(position)
                pairs.append((entry, news[position]))
            else:
                unmatched.append(entry)
        by_id = {_id(entry): position for position, entry in enumerate(news) if position not in taken and _id(entry)}
        unpaired: list[tuple[int, Any]] = []
        for entry in unmatched:
            same = by_id.pop(_id(entry), None) if _id(entry) else None
            if same is None:
                unpaired.append(entry)
            else:
                taken.add(same)
                pairs.append((entry, news[same]))
        unmatched = unpaired
        rest = [entry for position, entry in enumerate(news) if position not in taken]
        pairs += list(zip(unmatched, rest, strict=False))
        pairs += [(entry, None) for entry in unmatched[len(rest) :]] + [(None, entry) for entry in rest[len(unmatched) :]]
        pairs.sort(key=lambda pair: (pair[0] or pair[1] or (0, None))[0])
        for n, (a, b) in enumerate(pairs, start=1):
            yield _name(key, n, len(pairs), a, b), a, b


_GENERIC: Final = frozenset({"retention", "requirement", "processing"})
"""Identities that say nothing of the item (a retention statement, a provision requirement, a processing statement
without a description): such an item is named, and a reference to it resolved, by its id where it has one."""


def _id(entry: tuple[int, Any] | None) -> str | None:
    """The id of an indexed item, if it has one."""
    item = entry[1] if entry is not None else None
    return str(item["id"]) if isinstance(item, dict) and item.get("id") else None


def _name(key: str, n: int, count: int, a: tuple[int, Any] | None, b: tuple[int, Any] | None) -> str:
    """How the report names a matched item: by its identity; by its id (the new version's) where the identity says
    nothing, or other items share it ('_ga (Google) (ga-eu)'); else by its place among those ('#2')."""
    item_id = _id(b) or _id(a)
    if item_id is not None and key in _GENERIC:
        return item_id
    if count == 1:
        return key
    if item_id is not None:
        return f"{key} ({item_id})"
    return key if n == 1 else f"{key} #{n}"


def _hashable(value: Any) -> Hashable:
    """A hashable form of a plain JSON value, equal for two values exactly when the values are equal."""
    if isinstance(value, dict):
        return frozenset((k, _hashable(v)) for k, v in value.items())
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    return cast(Hashable, value)


def _fields(topic: str, item: str, path: tuple[Any, ...], old: Any, new: Any) -> Iterator[Change]:
    """Field-by-field changes between two matched values."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(dict.fromkeys([*old, *new])):
            if old.get(key) != new.get(key):
                yield from _fields(topic, item, (*path, key), old.get(key), new.get(key))
        return
    if old == new:
        return
    kind: ChangeKind = "added" if old is None else "removed" if new is None else "changed"
    yield Change(topic=topic, kind=kind, item=item, path=format_path(path), old=old, new=new)


def diff(old: PrivacyPolicy, new: PrivacyPolicy) -> tuple[Change, ...]:
    """Return what changed from ``old`` to ``new``: items added, removed and changed, matched by identity."""
    before, after = _Side(old), _Side(new)
    changes: list[Change] = []
    for name, topic in _SINGLETONS.items():
        a, b = before.normal(before.data.get(name)), after.normal(after.data.get(name))
        if a is None and b is not None:
            changes.append(
                Change(topic=topic, kind="added", item=name.replace("_", " "), path=format_path((name,)), new=after.data[name])
            )
        elif a is not None and b is None:
            changes.append(
                Change(topic=topic, kind="removed", item=name.replace("_", " "), path=format_path((name,)), old=before.data[name])
            )
        else:
            changes.extend(_fields(topic, name.replace("_", " "), (name,), a, b))
    for name, (topic, noun, _) in _COLLECTIONS.items():
        old_groups, new_groups = before.grouped(name), after.grouped(name)
        if name == "controllers" and len(before.data[name]) == len(after.data[name]) == 1:
            # The one controller of each version is the same party, whatever it is called now.
            new_groups = {next(iter(old_groups)): next(iter(new_groups.values()))}
        for key, a, b in _match(before, after, old_groups, new_groups):
            label = f"{noun} {key}"
            if a is not None and b is not None:
                if name == "controllers":
                    changes.extend(_party_changes(before, after, label, a, b))
                else:
                    changes.extend(_fields(topic, label, (name, b[0]), before.normal(a[1]), after.normal(b[1])))
            elif a is not None:
                changes.append(Change(topic=topic, kind="removed", item=label, path=format_path((name, a[0])), old=a[1]))
            elif b is not None:
                changes.append(Change(topic=topic, kind="added", item=label, path=format_path((name, b[0])), new=b[1]))
    return judge(changes)


def _party_changes(before: _Side, after: _Side, label: str, old: tuple[int, Any], new: tuple[int, Any]) -> Iterator[Change]:
    """Controllers (``old`` and ``new`` are index and item): fields compared as usual, contact points matched by their address."""
    (index, item), (new_index, new_item) = old, new
    old_fields = {k: v for k, v in item.items() if k != "contacts"}
    new_fields = {k: v for k, v in new_item.items() if k != "contacts"}
    yield from _fields("parties", label, ("controllers", new_index), before.normal(old_fields), after.normal(new_fields))
    old_contacts = _groups(item.get("contacts") or [], lambda c: _contact_key(c, before.label))
    new_contacts = _groups(new_item.get("contacts") or [], lambda c: _contact_key(c, after.label))
    for key, a, b in _match(before, after, old_contacts, new_contacts):
        item_label = f"contact {key}"
        if a is not None and b is not None:
            path = ("controllers", new_index, "contacts", b[0])
            yield from _fields("parties", item_label, path, before.normal(a[1]), after.normal(b[1]))
        elif a is not None:
            path = ("controllers", index, "contacts", a[0])
            yield Change(topic="parties", kind="removed", item=item_label, path=format_path(path), old=a[1])
        elif b is not None:
            path = ("controllers", new_index, "contacts", b[0])
            yield Change(topic="parties", kind="added", item=item_label, path=format_path(path), new=b[1])


_NOUNS: Final = {
    "parties": ("party change", "party changes"),
    "data": ("data category", "data categories"),
    "purposes": ("purpose", "purposes"),
    "legal-bases": ("legal basis", "legal bases"),
    "processing": ("processing statement", "processing statements"),
    "recipients": ("recipient", "recipients"),
    "cookies": ("tracker", "trackers"),
    "retention": ("retention statement", "retention statements"),
    "rights": ("right", "rights"),
    "transfers": ("transfer", "transfers"),
    "subjects": ("data subject", "data subjects"),
    "recourse": ("means of recourse", "means of recourse"),
    "prohibitions": ("prohibition", "prohibitions"),
    "other": ("other statement", "other statements"),
}


def summary(changes: tuple[Change, ...], old: PrivacyPolicy, new: PrivacyPolicy) -> str:
    """One line: '4 trackers removed, 8 rights removed, date 2020-08-13 → 2022-06-21'."""
    if not changes:
        return "no changes"
    parts = []
    for topic in TOPICS[1:]:
        for kind in ("added", "removed", "changed"):
            if topic in ("parties", "other") or kind == "changed":
                continue
            n = sum(
                1
                for c in changes
                if c.topic == topic and c.kind == kind and c.path.count(".") == 1 and "[" in c.path.rsplit(".", 1)[-1]
            )
            if n:
                singular, plural = _NOUNS[topic]
                parts.append(f"{n} {singular if n == 1 else plural} {kind}")
    edits = sum(
        1 for c in changes if not (c.kind in ("added", "removed") and c.path.count(".") == 1 and "[" in c.path.rsplit(".", 1)[-1])
    )
    if edits:
        parts.append(f"{edits} field{'s' if edits != 1 else ''} changed")
    old_date = old.document.last_updated or old.document.effective_date
    new_date = new.document.last_updated or new.document.effective_date
    if old_date != new_date:
        parts.append(f"date {old_date or 'not stated'} → {new_date or 'not stated'}")
    return ", ".join(parts)
