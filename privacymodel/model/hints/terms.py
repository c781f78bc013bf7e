"""A vocabulary term written as people write it, and the term it is: the suggestions for terms in messages.

A legal basis written as an article (``Art. 6(1)(b)``, ``Article 9(2)(a) GDPR``, ``GDPR-6-1-f``) is its DPV
identifier; one written in words (``legitimate interests``) is the GDPR article where the basis's law is the GDPR
(or the UK GDPR), the generic term under any other law, and both where no law is named. Rights named in words
(``right to be forgotten``) are found the same way; any term written in other case or with spaces
(``Direct Marketing``) is itself. The tables are declarations: data, not logic.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from privacymodel.model.hints.formats import LONGEST, quoted
from privacymodel.model.hints.names import fold
from privacymodel.model.vocab import LegalBasisTerm, RightKind, Vocabulary

__all__ = ["term_hint"]

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
    if len(value) > LONGEST:
        return None
    words = fold(value)
    if vocabulary is LegalBasisTerm:
        found = _legal_basis(words, law)
        if found is not None:
            return found
    if vocabulary is RightKind and words in _RIGHTS_IN_WORDS:
        gdpr, other = _RIGHTS_IN_WORDS[words]
        if gdpr == other or law in _GDPR_LAWS:
            return quoted([gdpr])
        if law in _US_STATE_LAWS:
            return quoted([other])
        return f"did you mean {gdpr!r} (GDPR) or {other!r} (US state laws)?"
    spelt = {fold(term.value): term.value for term in vocabulary}.get(words)
    return quoted([spelt]) if spelt is not None and spelt != value else None


@functools.cache
def _article() -> re.Pattern[str]:
    return re.compile(_ARTICLE)


def _legal_basis(words: str, law: str | None) -> str | None:
    article = _article().fullmatch(words)
    if article is not None:
        term = f"A{article['article']}-{article['paragraph']}-{article['point']}"
        if term in _BASIS_TERMS:
            return quoted([term])
        return None
    for phrase in (words, words.removeprefix("the ")):
        if phrase in _BASES_IN_WORDS:
            gdpr, other = _BASES_IN_WORDS[phrase]
            if law in _GDPR_LAWS:
                return quoted([gdpr])
            if law is not None:
                return quoted([other])
            return f"did you mean {gdpr!r} (under the GDPR) or {other!r} (under another law)?"
    return None
