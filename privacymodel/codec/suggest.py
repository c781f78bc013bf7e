"""The closest valid value to one that is not valid, where what people write can be told: the suggestions in messages.

Three kinds, each worked out only for a problem that is reported (the first two live in :mod:`privacymodel.model.hints`,
so the model's classes give the same suggestions):

* :func:`term_hint`: a vocabulary term written as people write it. A legal basis written as an article
  (``Art. 6(1)(b)``, ``Article 9(2)(a) GDPR``, ``GDPR-6-1-f``) is its DPV identifier; one written in words
  (``legitimate interests``) is the GDPR article where the basis's law is the GDPR (or the UK GDPR), the generic
  term under any other law, and both where no law is named. Rights named in words (``right to be forgotten``)
  are found the same way; any term written in other case or with spaces (``Direct Marketing``) is itself.
* :func:`format_hint`: a value of a named format written another way: a country as a name or a common code
  (``United States``, ``USA``, ``UK``), a region (``European Union``, ``California``), a date (``13/08/2020``,
  ``August 13, 2020``), a duration (``30 days``, ``P72H``), a language (``en_US``, ``English``), an email address
  after ``mailto:``, a URL without its scheme, a host name with one, an id with spaces.
* :func:`reference_hints`: a reference that names an item by something other than its id, such as a purpose's
  term (``marketing``) or a recipient's name (``Google``).

The tables are declarations: data, not logic. Nothing here guesses where the value could mean two things but
says both (a date that reads as 3 August or 8 March).
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs

from privacymodel.model.fields import Model, open_vocabulary, type_hints, unwrap_optional
from privacymodel.model.hints.formats import LONGEST, format_hint, quoted
from privacymodel.model.hints.terms import term_hint
from privacymodel.model.policy import ContactPoint, PrivacyPolicy
from privacymodel.model.vocab import Vocabulary

__all__ = ["custom_term_hint", "data_reference_hints", "format_hint", "law_of", "reference_hints", "term_hint"]


def custom_term_hint(value: str) -> str | None:
    """'did you mean 'x-loyalty-points'?' for a custom term written with spaces or other characters in it."""
    if len(value) > LONGEST:
        return None
    body = re.sub(r"[^A-Za-z0-9._-]+", "-", value[2:]).strip("-._")
    return quoted([f"x-{body}"]) if body else None


def law_of(data: Any, path: tuple[Any, ...]) -> str | None:
    """The ``law`` stated beside the value at ``path`` in plain data (a legal basis's or a right's), if any."""
    node = data
    for part in path[:-1]:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]
        else:
            return None
    law = node.get("law") if isinstance(node, dict) else None
    return law if isinstance(law, str) else None


# --- references ---------------------------------------------------------------------------------------------

_NOUNS: Final = {
    "controllers": "controller",
    "data_subjects": "data subject",
    "data_categories": "data category",
    "purposes": "purpose",
    "legal_bases": "legal basis",
    "recipients": "recipient",
    "retention": "retention statement",
    "processing": "processing statement",
    "cookies": "cookie",
    "rights": "right",
    "transfers": "transfer",
    "contacts": "contact point",
}


_Entry = tuple[str, str, str, str]
"""An item's text field, for finding references written otherwise: ``(collection, id, field, value)``."""
_Index = dict[tuple[str, str], tuple[str, str]]
"""The first item whose field holds a text, by collection and text: ``(field, id)``."""


def reference_hints(objects: Iterable[tuple[Model, tuple[Any, ...]]]) -> Callable[[str, tuple[str, ...]], str | None]:
    """A function telling, for a reference that names no item, what it names instead: "'marketing' is a purpose
    term; reference the purpose by its id, e.g. 'ads'". ``objects`` are the policy's model objects with their
    paths, read once, when the first hint is asked for.
    """
    return _hints(lambda: _object_entries(objects))


def data_reference_hints(data: Any) -> Callable[[str, tuple[str, ...]], str | None]:
    """:func:`reference_hints` for a policy in plain form (one that may not be valid), read when first asked."""
    return _hints(lambda: _data_entries(data))


def _hints(entries: Callable[[], Iterable[_Entry]]) -> Callable[[str, tuple[str, ...]], str | None]:
    index: _Index = {}
    read: list[bool] = []

    def hint(ref: str, targets: tuple[str, ...]) -> str | None:
        if not read:
            read.append(True)
            for collection, item_id, field, value in entries():
                if len(value) <= LONGEST:
                    index.setdefault((collection, value), (field, item_id))
        for target in targets:
            found = index.get((target, ref))
            if found is not None:
                return _named_by(ref, target, *found)
        return next((said for said in (_undeclared_term(ref, target) for target in targets) if said), None)

    return hint


def _named_by(ref: str, target: str, field: str, item_id: str) -> str:
    """Says that ``ref`` is what an item's field holds, not its id."""
    noun = _NOUNS.get(target, target)
    if _field_vocabularies(_item_classes().get(target)).get(field) is not None:
        return f"{ref!r} is a {noun} term; reference the {noun} by its id, e.g. {item_id!r}"
    return f"{ref!r} is the {field.replace('_', ' ')} of the {noun} {item_id!r}; reference it by its id"


def _undeclared_term(ref: str, target: str) -> str | None:
    """Says that ``ref`` is a term no item of ``target`` has, where it is one."""
    for field, vocabulary in _field_vocabularies(_item_classes().get(target)).items():
        if vocabulary is not None and ref in vocabulary._value2member_map_:
            noun = _NOUNS.get(target, target)
            return (
                f"{ref!r} is a {noun} term, not an id: declare a {noun} with {field}: {ref} under {target} and reference its id"
            )
    return None


def _object_entries(objects: Iterable[tuple[Model, tuple[Any, ...]]]) -> Iterable[_Entry]:
    for obj, path in objects:
        collection = "contacts" if isinstance(obj, ContactPoint) else path[0] if len(path) == 2 else None
        item_id = getattr(obj, "id", None)
        if collection is None or not isinstance(item_id, str):
            continue
        for field in _field_vocabularies(typing.cast(type, type(obj))):
            value = getattr(obj, field)
            if isinstance(value, str):
                yield collection, item_id, field, str.__str__(value)


def _data_entries(data: Any) -> Iterable[_Entry]:
    if not isinstance(data, dict):
        return
    for collection, cls in _item_classes().items():
        items = _contacts(data) if collection == "contacts" else data.get(collection)
        for item in items if isinstance(items, list) else ():
            item_id = item.get("id") if isinstance(item, dict) else None
            if isinstance(item_id, str):
                yield from (
                    (collection, item_id, field, item[field])
                    for field in _field_vocabularies(cls)
                    if isinstance(item.get(field), str)
                )


def _contacts(data: dict[str, Any]) -> list[Any]:
    """The contact points of the parties in plain data: the controllers', the representative's, and so on."""
    controllers = data.get("controllers")
    parties = [
        *(controllers if isinstance(controllers, list) else []),
        *map(data.get, ("representative", "dpo", "supervisory_authority")),
    ]
    return [
        contact
        for party in parties
        if isinstance(party, dict) and isinstance(party.get("contacts"), list)
        for contact in party["contacts"]
    ]


@functools.cache
def _item_classes() -> dict[str, type]:
    """The class of the items of each collection of a policy, and of contact points."""
    classes: dict[str, type] = {"contacts": ContactPoint}
    for name, tp in type_hints(PrivacyPolicy).items():
        inner = unwrap_optional(tp)[0]
        item = typing.get_args(inner)[0] if typing.get_origin(inner) is tuple else None
        if isinstance(item, type) and issubclass(item, Model):
            classes[name] = item
    return classes


@functools.cache
def _field_vocabularies(cls: type | None) -> dict[str, type[Vocabulary] | None]:
    """A model class's single text and term fields but its id, each with the vocabulary it takes terms of (or None)."""
    if cls is None:
        return {}
    hints = type_hints(cls)
    found: dict[str, type[Vocabulary] | None] = {}
    for field in attrs.fields(typing.cast(Any, cls)):
        tp = unwrap_optional(hints[field.name])[0]
        vocabulary = open_vocabulary(tp) or (tp if isinstance(tp, type) and issubclass(tp, Vocabulary) else None)
        if field.name != "id" and (tp is str or vocabulary is not None):
            found[field.name] = vocabulary
    return found
