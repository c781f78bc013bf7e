"""Which changes between two versions of a policy reduce what people are told or can do, and why.

:func:`judge` flags the :class:`~privacymodel.checks.diff.Change` objects :func:`~privacymodel.checks.diff.diff`
finds: whole items added or removed (a right removed, a new recipient), fields that change one way (data now
sold, a law now said not to apply, a tracker now following people across sites), periods that grow or shrink,
and consent replaced by a weaker kind.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

if TYPE_CHECKING:
    from privacymodel.checks.diff import Change, ChangeKind

__all__ = ["judge"]


def judge(changes: list[Change]) -> tuple[Change, ...]:
    """``changes`` with each that reduces what people are told or can do flagged (``reduces``, ``reason``)."""
    return tuple(_weakened_consent([_judge(change) for change in changes]))


_DURATION: Final = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")


def _days(duration: str) -> float | None:
    """An ISO 8601 duration in days (a month 30, a year 365), or None for text that is not a plain duration."""
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
    ("data_subjects", "added"): "data about a new kind of person",
    ("prohibitions", "removed"): "something the policy said was not done is no longer ruled out",
    ("recourse", "removed"): "a means of recourse was removed",
}
# Fields whose becoming true (from false or unstated) reduces what people are told or can do, and why.
_BECOMES_TRUE: Final = {
    "for_money_only": "the statement on selling now covers selling for money only",
    "cross_site": "a tracker now follows people across sites",
    "acceptance_by_use": "using the service is now said to mean accepting the policy",
    "acceptance_by_continued_use": "continuing to use the service now means accepting changes",
    "other_destinations": "data may now go to countries the policy does not name",
}
# Fields whose ceasing to be true does.
_NO_LONGER_TRUE: Final = {
    "material_change_requires_consent": "material changes no longer need people's consent",
}
# Fields whose list gaining a term does (in the topic named: a prohibition's operations do not).
_GAINS: Final = {
    ("processing", "operations"): "more is done with the data",
    ("other", "not_taken"): "a security measure is now said not to be taken",
}
# Fields that, when added, narrow a statement: the exceptions and conditions of a statement on selling, and how a
# prohibition is qualified ('for money', 'knowingly').
_NARROWED: Final = {
    ("other", "exceptions"): "the statement on selling now has exceptions",
    ("other", "condition"): "the statement on selling now holds only under a condition",
    ("prohibitions", "qualifier"): "a prohibition is now qualified",
}
_IDENTIFIABILITY: Final = {"not-personal": 0, "anonymised": 0, "aggregated": 0, "pseudonymised": 1, "identifiable": 2}
"""How far each term of :class:`~privacymodel.model.vocab.Identifiability` identifies people."""
_CONSENT_STRENGTH: Final = {
    "A9-2-a": 3,
    "A6-1-a-explicit-consent": 3,
    "explicit-consent": 3,
    "A6-1-a": 2,
    "A6-1-a-non-explicit-consent": 2,
    "consent": 2,
    "express-consent": 2,
    "implied-consent": 1,
    "opt-out-consent": 0,
}
"""How strong each consent basis is: explicit, then expressed (or unqualified), implied by use, and opting out."""


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
    return _new_field_reason(change, field)


def _new_field_reason(change: Change, field: str) -> str | None:
    """Why a change to a field of format 1.1 reduces what people are told or can do (see the tables above)."""
    if field in _BECOMES_TRUE and change.new is True and change.old is not True:
        return _BECOMES_TRUE[field]
    if field in _NO_LONGER_TRUE and change.old is True and change.new is not True:
        return _NO_LONGER_TRUE[field]
    if field == "applies" and change.new is False and change.old is not False:
        return "the policy now says a law does not apply"
    return _scope_reason(change, field) or _longer_or_shorter(change, field)


def _scope_reason(change: Change, field: str) -> str | None:
    """More done with the data, fewer security measures, a narrower statement, or more identifiable data."""
    if (change.topic, field) in _GAINS and set(change.new or ()) - set(change.old or ()):
        return _GAINS[(change.topic, field)]
    narrowed = change.path.startswith(("$.sale_of_data.", "$.prohibitions["))
    if (change.topic, field) in _NARROWED and change.kind == "added" and narrowed:
        return _NARROWED[(change.topic, field)]
    if field == "identifiability" and change.kind == "changed":
        before, after = _IDENTIFIABILITY.get(str(change.old)), _IDENTIFIABILITY.get(str(change.new))
        return "data is now more identifiable" if before is not None and after is not None and after > before else None
    return None


def _longer_or_shorter(change: Change, field: str) -> str | None:
    """Slower answers to requests, and less notice of changes to the policy."""
    if change.kind != "changed":
        return None
    if field == "response_business_days" and isinstance(change.old, int) and isinstance(change.new, int):
        return "requests are answered more slowly" if change.new > change.old else None
    if field == "advance_notice_period":
        before, after = _days(str(change.old)), _days(str(change.new))
        return "less notice is given of changes" if before is not None and after is not None and after < before else None
    return None


def _weakened_consent(changes: list[Change]) -> list[Change]:
    """``changes`` with each legal basis added that is weaker consent than one removed flagged ('A6-1-a' replaced
    by 'implied-consent'): a basis is matched by its term, so a weakened one is removed and another added."""
    removed = [
        str(c.old["basis"])
        for c in changes
        if c.topic == "legal-bases" and c.kind == "removed" and c.path.count(".") == 1 and c.old.get("basis") in _CONSENT_STRENGTH
    ]
    if not removed:
        return changes
    strongest = max(removed, key=_CONSENT_STRENGTH.__getitem__)
    return [_weaker(change, strongest) for change in changes]


def _weaker(change: Change, strongest: str) -> Change:
    """``change`` flagged if it adds a consent basis weaker than ``strongest``, the strongest consent removed."""
    basis = (
        change.new.get("basis")
        if change.topic == "legal-bases" and change.kind == "added" and change.path.count(".") == 1
        else None
    )
    if basis in _CONSENT_STRENGTH and _CONSENT_STRENGTH[basis] < _CONSENT_STRENGTH[strongest]:
        return attrs.evolve(change, reduces=True, reason=f"consent is weaker: {strongest} became {basis}")
    return change


def _judge(change: Change) -> Change:
    """Flag changes that reduce what people are told or can do (see :func:`_reason`)."""
    reason = _reason(change)
    return change if reason is None else attrs.evolve(change, reduces=True, reason=reason)
