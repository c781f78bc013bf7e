"""Semantic comparison of two versions of a policy.

Items in lists are matched by identity, not position: a cookie by its name (or name prefix) and the
recipient that provides it, a recipient by name (or kind), a right by kind, law and who has it, a data
category or purpose by term, a legal basis by basis and law, a contact point by its address, a
certification by name, a law by name. Reordering is therefore no change, and local ids are ignored:
references are compared by what they point at. When two items share an identity in one policy they are
told apart by their order among those items.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, Literal

import attrs
from attrs import frozen

from privacymodel.codec.converter import unstructure
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import format_path

__all__ = ["TOPICS", "Change", "diff", "summary"]

ChangeKind = Literal["added", "removed", "changed"]

TOPICS: Final = (
    "document",
    "parties",
    "data",
    "purposes",
    "legal-bases",
    "recipients",
    "cookies",
    "retention",
    "rights",
    "transfers",
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
    if item.get("applies_to"):
        parts.append(f"for {item['applies_to']}")
    return " ".join(parts)


def _contact_key(item: Mapping[str, Any], label: Label) -> str:
    for key in ("email", "phone", "url"):
        if item.get(key):
            return str(item[key])
    address = item.get("address") or {}
    return ", ".join(str(v) for v in [*(address.get("lines") or []), address.get("locality"), address.get("country")] if v)


_COLLECTIONS: Final[dict[str, tuple[str, str, Callable[[Mapping[str, Any], Label], str]]]] = {
    # key in the policy: (topic, noun, identity)
    "controllers": ("parties", "controller", lambda i, _: str(i["name"])),
    "data_categories": ("data", "data category", lambda i, _: str(i["term"])),
    "provision_requirements": ("data", "provision requirement", lambda i, _: "requirement"),
    "purposes": ("purposes", "purpose", lambda i, _: str(i["term"])),
    "legal_bases": ("legal-bases", "legal basis", lambda i, _: f"{i['basis']}" + (f" ({i['law']})" if i.get("law") else "")),
    "processing": ("other", "processing statement", lambda i, _: str(i.get("description") or "processing")),
    "recipients": ("recipients", "recipient", _recipient_key),
    "cookies": ("cookies", "tracker", _cookie_key),
    "retention": ("retention", "retention statement", lambda i, _: "retention"),
    "rights": ("rights", "right", _right_key),
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
# Reference fields and the collection they point into (contacts are matched by address).
_REFERENCES: Final = {
    "data": "data_categories",
    "purposes": "purposes",
    "legal_bases": "legal_bases",
    "recipients": "recipients",
    "retention": "retention",
    "provider": "recipients",
    "contacts": "contacts",
}
_IGNORED: Final = frozenset({"id", "section"})


class _Side:
    """One policy in plain form, with the labels its ids stand for."""

    def __init__(self, policy: PrivacyPolicy) -> None:
        self.data = unstructure(policy)
        self.labels: dict[tuple[str, str], str] = {}
        for name in ("recipients", "data_categories", "purposes", "legal_bases", "retention"):
            topic_key = _COLLECTIONS[name][2]
            for item in self.data.get(name) or []:
                if "id" in item:
                    self.labels[(name, item["id"])] = topic_key(item, self.label)
        parties = [
            *(self.data.get("controllers") or []),
            *(self.data.get(k) or {} for k in ("representative", "supervisory_authority", "dpo")),
        ]
        for party in parties:
            for contact in party.get("contacts") or []:
                if "id" in contact:
                    self.labels[("contacts", contact["id"])] = _contact_key(contact, self.label)

    def label(self, collection: str, ref: str) -> str:
        return self.labels.get((collection, ref), ref)

    def normal(self, value: Any, field: str | None = None) -> Any:
        """The plain value with ids dropped and references replaced by what they point at."""
        if isinstance(value, dict):
            return {k: self.normal(v, k) for k, v in value.items() if k not in _IGNORED}
        if isinstance(value, list):
            if field in _REFERENCES and all(isinstance(v, str) for v in value):
                return sorted(self.label(_REFERENCES[field], v) for v in value)
            return [self.normal(v) for v in value]
        if field in _REFERENCES and isinstance(value, str):
            return self.label(_REFERENCES[field], value)
        return value

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

    Items that share an identity are labelled '#2', '#3' ... in the order they stand.
    """
    for key in dict.fromkeys([*old, *new]):
        olds, news = list(old.get(key, [])), list(new.get(key, []))
        pairs: list[tuple[tuple[int, Any] | None, tuple[int, Any] | None]] = []
        for entry in list(olds):
            twin = next((other for other in news if after.normal(other[1]) == before.normal(entry[1])), None)
            if twin is not None:
                pairs.append((entry, twin))
                olds.remove(entry)
                news.remove(twin)
        pairs += list(zip(olds, news, strict=False))
        pairs += [(entry, None) for entry in olds[len(news) :]] + [(None, entry) for entry in news[len(olds) :]]
        pairs.sort(key=lambda pair: (pair[0] or pair[1] or (0, None))[0])
        for n, (a, b) in enumerate(pairs, start=1):
            yield (key if n == 1 else f"{key} #{n}"), a, b


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


_DURATION: Final = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")


def _days(duration: str) -> float | None:
    match = _DURATION.fullmatch(duration)
    if match is None:
        return None
    y, mo, w, d, h, mi, s = (int(g or 0) for g in match.groups())
    return y * 365 + mo * 30 + w * 7 + d + h / 24 + mi / 1440 + s / 86400


# Whole items (paths one level deep, such as $.rights[3]) whose addition or removal reduces what people are told or
# can do: a right or a choice removed takes something away from them; a new recipient, purpose, data category,
# tracker or international transfer widens what is done with their data beyond what they were told before.
_WHOLE_ITEMS: Final[dict[tuple[str, ChangeKind], str]] = {
    ("rights", "removed"): "a right was removed",
    ("recipients", "added"): "a new recipient",
    ("purposes", "added"): "a new purpose",
    ("data_categories", "added"): "more data is collected",
    ("cookies", "added"): "a new tracker",
    ("transfers", "added"): "a new international transfer",
    ("choices", "removed"): "a choice was removed",
}


def _reason(change: Change) -> str | None:
    """Why ``change`` reduces what people are told or can do, or None when it does not."""
    field = change.path.rsplit(".", 1)[-1]
    if change.path.count(".") == 1:
        return _WHOLE_ITEMS.get((field.split("[", 1)[0], change.kind))
    # Within an item: fewer ways to reach the controller, a longer retention period, a Do Not Track signal no longer
    # honoured, data now sold. Shorter periods, or periods that are not plain ISO 8601 durations, are not flagged.
    if change.topic == "parties" and change.kind == "removed" and ".contacts" in change.path:
        return "a way to reach the controller was removed"
    if change.topic == "retention" and field == "period" and change.kind == "changed":
        before, after = _days(str(change.old)), _days(str(change.new))
        return "data is kept longer" if before is not None and after is not None and after > before else None
    if field == "honoured" and change.old is True and change.new is not True:
        return "Do Not Track is no longer honoured"
    if field == "sold" and change.new is True and change.old is not True:
        return "data is now sold"
    return None


def _judge(change: Change) -> Change:
    """Flag changes that reduce what people are told or can do (see :func:`_reason`)."""
    reason = _reason(change)
    return change if reason is None else attrs.evolve(change, reduces=True, reason=reason)


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
    return tuple(_judge(change) for change in changes)


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
    "recipients": ("recipient", "recipients"),
    "cookies": ("tracker", "trackers"),
    "retention": ("retention statement", "retention statements"),
    "rights": ("right", "rights"),
    "transfers": ("transfer", "transfers"),
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
