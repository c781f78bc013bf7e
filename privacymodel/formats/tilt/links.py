"""What a policy links to each of its data categories, the unit of a TILT document."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

from privacymodel.formats.tilt.common import unique
from privacymodel.model.policy import PrivacyPolicy

__all__ = ["Links", "distinct", "frozen", "links"]

_KINDS = ("bases", "recipients", "retention", "purposes")


class Links:
    """What the policy links to one data category: the ids of purposes, legal bases, recipients and retention."""

    def __init__(self) -> None:
        self.purposes: list[str] = []
        self.bases: list[str] = []
        self.recipients: list[str] = []
        self.retention: list[str] = []


def links(policy: PrivacyPolicy) -> tuple[dict[str, Links], Links]:
    """What is linked to each data category (by its id), and what is linked to none."""
    # TILT states everything per data category: each ``dataDisclosed`` item names one category with its purposes,
    # bases, recipients and storage. A policy states links in several ways, so they are gathered here, in this order:
    #   1. directly: a processing statement, or a legal basis, recipient, cookie or retention statement naming the data;
    #   2. through a purpose: a statement naming no data but purposes goes to every category having one of them;
    #      a retention statement naming neither applies to every category;
    #   3. what is linked to no category is kept for the unlinked item, so that nothing stated is lost; what is linked
    #      to a category is not repeated there.
    # Every list keeps the policy's order, each id once.
    cats = {c.id: Links() for c in policy.data_categories or ()}
    unlinked = Links()
    _link_data(policy, cats, unlinked)
    _link_purposes(policy, cats, unlinked)
    linked = {p for found in cats.values() for p in found.purposes}
    unlinked.purposes += [p.id for p in policy.purposes or () if p.id not in linked]
    # Statements linked through processing are linked, whatever else says.
    for attr in _KINDS:
        used = {v for found in cats.values() for v in getattr(found, attr)}
        setattr(unlinked, attr, [v for v in unique(getattr(unlinked, attr)) if v not in used])
    for found in cats.values():
        for attr in _KINDS:
            setattr(found, attr, unique(getattr(found, attr)))
    return cats, unlinked


def _add(cats: dict[str, Links], ids: Iterable[str] | None, attr: str, values: Iterable[str] | None) -> None:
    """Add ``values`` to the ``attr`` links of each category of ``ids``."""
    for cat in ids or ():
        if cat in cats:
            getattr(cats[cat], attr).extend(values or ())


def _link_data(policy: PrivacyPolicy, cats: dict[str, Links], unlinked: Links) -> None:
    """Link the statements naming data to the categories they name (processing naming none: to ``unlinked``)."""
    for item in policy.processing or ():
        if item.data:
            _add(cats, item.data, "purposes", item.purposes)
            _add(cats, item.data, "bases", item.legal_bases)
            _add(cats, item.data, "recipients", item.recipients)
            _add(cats, item.data, "retention", item.retention)
        else:
            unlinked.purposes += item.purposes or ()
            unlinked.bases += item.legal_bases or ()
            unlinked.recipients += item.recipients or ()
            unlinked.retention += item.retention or ()
    for basis in policy.legal_bases or ():
        _add(cats, basis.data, "bases", [basis.id])
        _add(cats, basis.data, "purposes", basis.purposes)
    for recipient in policy.recipients or ():
        _add(cats, recipient.data, "recipients", [recipient.id])
        _add(cats, recipient.data, "purposes", recipient.purposes)
    for cookie in policy.cookies or ():
        _add(cats, cookie.data, "purposes", cookie.purposes)
        _add(cats, cookie.data, "recipients", [cookie.provider] if cookie.provider else None)
    for retention in policy.retention or ():
        _add(cats, retention.data, "retention", [retention.id])


class _ByPurpose:
    """The categories linked to each purpose, to link a statement to every category having one of its purposes."""

    def __init__(self, cats: dict[str, Links]) -> None:
        self.order = {cat: position for position, cat in enumerate(cats)}
        self.cats = cats
        self.having: dict[str, list[str]] = {}
        for cat, found in cats.items():
            for purpose in unique(found.purposes):
                self.having.setdefault(purpose, []).append(cat)

    def link(self, purposes: tuple[str, ...], attr: str, value: str) -> bool:
        """Link ``value`` to every category linked to one of ``purposes``, in the categories' order; whether there is one."""
        hit = {cat for purpose in set(purposes) for cat in self.having.get(purpose, ())}
        for cat in sorted(hit, key=self.order.__getitem__):
            getattr(self.cats[cat], attr).append(value)
        return bool(hit)


def _link_purposes(policy: PrivacyPolicy, cats: dict[str, Links], unlinked: Links) -> None:
    """Link the statements naming no data through their purposes (to ``unlinked`` if no category has one)."""
    by_purpose = _ByPurpose(cats)  # the categories' purposes do not change here
    for basis in policy.legal_bases or ():
        if not basis.data and not (basis.purposes and by_purpose.link(basis.purposes, "bases", basis.id)):
            unlinked.bases.append(basis.id)
            unlinked.purposes += basis.purposes or ()
    for recipient in policy.recipients or ():
        if not recipient.data and not (recipient.purposes and by_purpose.link(recipient.purposes, "recipients", recipient.id)):
            unlinked.recipients.append(recipient.id)
            unlinked.purposes += recipient.purposes or ()
    for retention in policy.retention or ():
        if retention.data:
            continue
        if retention.purposes:
            if not by_purpose.link(retention.purposes, "retention", retention.id):
                unlinked.retention.append(retention.id)
        elif cats:
            for found in cats.values():
                found.retention.append(retention.id)
        else:
            unlinked.retention.append(retention.id)


def frozen(value: Any) -> Hashable:
    """``value`` (JSON-like: dicts, lists, scalars) as a hashable value, equal to another's exactly when ``==`` says so."""
    if isinstance(value, dict):
        return frozenset((key, frozen(item)) for key, item in value.items())
    return tuple(map(frozen, value)) if isinstance(value, list) else value


def distinct(entries: list[Any]) -> list[Any]:
    """The statements ``entries`` as written, without those written alike (equal to an earlier one), in their order."""
    first: dict[Hashable, Any] = {}
    for entry in entries:
        first.setdefault(frozen(entry), entry)
    return list(first.values())
