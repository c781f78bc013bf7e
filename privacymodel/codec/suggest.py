"""The closest valid value to one that is not valid, where what people write can be told: the suggestions in messages.

Three kinds, each worked out only for a problem that is reported:

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

from privacymodel.codec.names import fold
from privacymodel.codec.suggest_formats import format_hint
from privacymodel.model.fields import Model, open_vocabulary, type_hints, unwrap_optional
from privacymodel.model.policy import ContactPoint, PrivacyPolicy
from privacymodel.model.vocab import LegalBasisTerm, RightKind, Vocabulary

__all__ = ["custom_term_hint", "data_reference_hints", "format_hint", "law_of", "reference_hints", "term_hint"]

_LONGEST: Final = 200
"""Values longer than this get no suggestion: no valid value is that long, and reading them would cost time."""


def _quoted(values: Iterable[str]) -> str:
    """'did you mean 'a'?' or 'did you mean 'a' or 'b'?'."""
    return "did you mean " + " or ".join(repr(v) for v in dict.fromkeys(values)) + "?"


# --- vocabulary terms ---------------------------------------------------------------------------------------

_GDPR_LAWS: Final = frozenset({"gdpr", "uk-gdpr"})
"""Laws whose legal bases are numbered as the GDPR's Articles 6 and 9."""

# An article of the GDPR as people write it, read after :func:`_words` (lower case, punctuation gone):
# 'Art. 6(1)(b)', 'Article 9(2)(a) GDPR', 'GDPR-6-1-f', 'Art. 6 Abs. 1 lit. c DSGVO', 'article 6, paragraphe 1, point e) du RGPD'.
_LAW_NAME: Final = r"(?:uk )?(?:gdpr|dsgvo|ds gvo|rgpd|uk gdpr)"
_ARTICLE: Final = (
    rf"(?:{_LAW_NAME} )?(?:(?:a|art|article|artikel|articulo) ?)?(?P<article>[69]) "
    r"(?:(?:abs|absatz|para|paragraph|paragraphe|paragraf) )?(?P<paragraph>[12]) "
    r"(?:(?:lit|letter|point|buchstabe|letra) )?(?P<point>[a-j])"
    rf"(?: (?:of the |du |der |del )?(?:eu )?{_LAW_NAME})?"
)
"""Compiled when first used (:func:`_article`): compiling it costs more than reading a valid policy's start."""

# A legal basis in words: the GDPR article it is, and the term for it under any other law.
_BASES_IN_WORDS: Final = {
    "consent": ("A6-1-a", "consent"),
    "explicit consent": ("A9-2-a", "explicit-consent"),
    "contract": ("A6-1-b", "contract"),
    "performance of a contract": ("A6-1-b", "contract"),
    "contractual necessity": ("A6-1-b", "contract"),
    "necessary for the performance of a contract": ("A6-1-b", "contract"),
    "legal obligation": ("A6-1-c", "legal-obligation"),
    "legal obligations": ("A6-1-c", "legal-obligation"),
    "compliance with a legal obligation": ("A6-1-c", "legal-obligation"),
    "legal requirement": ("A6-1-c", "legal-obligation"),
    "vital interest": ("A6-1-d", "vital-interest"),
    "vital interests": ("A6-1-d", "vital-interest"),
    "public interest": ("A6-1-e", "public-interest"),
    "public task": ("A6-1-e", "public-interest"),
    "official authority": ("A6-1-e", "public-interest"),
    "legitimate interest": ("A6-1-f", "legitimate-interest"),
    "legitimate interests": ("A6-1-f", "legitimate-interest"),
    "legitimate business interest": ("A6-1-f", "legitimate-interest"),
    "legitimate business interests": ("A6-1-f", "legitimate-interest"),
}

# A right in words: the kind under the GDPR, and under the US state laws where it has another name.
_RIGHTS_IN_WORDS: Final = {
    "right to be forgotten": ("erasure", "delete"),
    "deletion": ("erasure", "delete"),
    "right to deletion": ("erasure", "delete"),
    "right to delete": ("erasure", "delete"),
    "right to erasure": ("erasure", "delete"),
    "correction": ("rectification", "correct"),
    "right to correction": ("rectification", "correct"),
    "right to correct": ("rectification", "correct"),
    "right to rectification": ("rectification", "correct"),
    "right of access": ("access", "know"),
    "right to access": ("access", "know"),
    "right to know": ("access", "know"),
    "data portability": ("portability", "portability"),
    "right to data portability": ("portability", "portability"),
    "right to object": ("objection", "objection"),
    "right to restriction": ("restriction", "restriction"),
    "right to restrict processing": ("restriction", "restriction"),
    "do not sell": ("opt-out-of-sale", "opt-out-of-sale"),
    "do not sell my personal information": ("opt-out-of-sale", "opt-out-of-sale"),
    "right to opt out of sale": ("opt-out-of-sale", "opt-out-of-sale"),
    "right to withdraw consent": ("withdraw-consent", "withdraw-consent"),
    "right to lodge a complaint": ("complaint", "complaint"),
}
_US_STATE_LAWS: Final = frozenset({"ccpa", "cpra", "vcdpa", "cpa"})
_BASIS_TERMS: Final = frozenset(term.value for term in LegalBasisTerm)


def term_hint(vocabulary: type[Vocabulary], value: str, law: str | None = None) -> str | None:
    """'did you mean ...?' for ``value``, not a term of ``vocabulary``, from how terms are written in words.

    ``law`` is the law the statement names (``gdpr``), where the term depends on it. None where nothing is known
    of the value: a close spelling is left to the caller.
    """
    if len(value) > _LONGEST:
        return None
    words = fold(value)
    if vocabulary is LegalBasisTerm:
        found = _legal_basis(words, law)
        if found is not None:
            return found
    if vocabulary is RightKind and words in _RIGHTS_IN_WORDS:
        gdpr, other = _RIGHTS_IN_WORDS[words]
        if gdpr == other or law in _GDPR_LAWS:
            return _quoted([gdpr])
        if law in _US_STATE_LAWS:
            return _quoted([other])
        return f"did you mean {gdpr!r} (GDPR) or {other!r} (US state laws)?"
    spelt = {fold(term.value): term.value for term in vocabulary}.get(words)
    return _quoted([spelt]) if spelt is not None and spelt != value else None


@functools.cache
def _article() -> re.Pattern[str]:
    return re.compile(_ARTICLE)


def _legal_basis(words: str, law: str | None) -> str | None:
    article = _article().fullmatch(words)
    if article is not None:
        term = f"A{article['article']}-{article['paragraph']}-{article['point']}"
        if term in _BASIS_TERMS:
            return _quoted([term])
        return None
    for phrase in (words, words.removeprefix("the ")):
        if phrase in _BASES_IN_WORDS:
            gdpr, other = _BASES_IN_WORDS[phrase]
            if law in _GDPR_LAWS:
                return _quoted([gdpr])
            if law is not None:
                return _quoted([other])
            return f"did you mean {gdpr!r} (under the GDPR) or {other!r} (under another law)?"
    return None


def custom_term_hint(value: str) -> str | None:
    """'did you mean 'x-loyalty-points'?' for a custom term written with spaces or other characters in it."""
    if len(value) > _LONGEST:
        return None
    body = re.sub(r"[^A-Za-z0-9._-]+", "-", value[2:]).strip("-._")
    return _quoted([f"x-{body}"]) if body else None


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
                if len(value) <= _LONGEST:
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
