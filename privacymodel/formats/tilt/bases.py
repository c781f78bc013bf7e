"""Recognising legal bases as TILT documents write them: in TILT's form, in prose, several in one, or in words.

A reference names one provision (``GDPR-6-1-a``, ``DSGVO-6-1b``, ``BDSG-26-1``),
a law alone (``BGB``), one or several provisions in prose (``Art. 6 Abs. 1
lit. a, b DSGVO``, ``Artikel 6 Absatz 1 Buchstabe b) DSGVO und Artikel 6
Absatz 1 Buchstabe f) DSGVO``, ``§ 7 Absatz 3 UWG``) or a basis in words
(``Einwilligung``). Articles of the GDPR that are legal bases become their
terms (``A6-1-a``); other provisions become custom terms that keep the
reference (``x-bdsg-26-1`` of the law ``x-bdsg``), so that writing TILT gives
the reference back (:func:`reference_out`).
"""

from __future__ import annotations

import re
from typing import Final

from privacymodel.formats.tilt.recognise import custom_term
from privacymodel.model.vocab import CustomTerm, LawTerm, LegalBasisTerm
from privacymodel.problems import shown

__all__ = ["GDPR_NAMES", "LAW_CODES", "Basis", "read_legal_bases", "read_legal_basis", "reference_out"]

GDPR_NAMES: Final = ("GDPR", "DSGVO", "DS-GVO", "EU-DSGVO", "RGPD", "AVG", "RODO", "GDPR-EU", "EU-GDPR", "EUGDPR", "2016/679")
"""The names the GDPR goes by in references (English, German, French and Spanish, Dutch, Polish; its number)."""

LAW_CODES: Final[dict[str, LawTerm]] = {
    **{name.replace("-", ""): LawTerm.GDPR for name in GDPR_NAMES if "/" not in name},
    "UKGDPR": LawTerm.UK_GDPR,
    "CCPA": LawTerm.CCPA,
    "CPRA": LawTerm.CPRA,
    "COPPA": LawTerm.COPPA,
    "PIPEDA": LawTerm.PIPEDA,
    "LGPD": LawTerm.LGPD,
    "FADP": LawTerm.SWISS_FADP,
    **{re.sub(r"[^A-Z]", "", law.value.upper()): law for law in LawTerm},  # as to_tilt writes them
}
"""Law codes as references write them (upper case, without hyphens), and the law each names."""

Basis = tuple[str, str | None]
"""A legal basis read: its term (``A6-1-a``, ``x-bdsg-26-1``) and its law (``gdpr``, ``x-bdsg``, or None)."""

# TILT's form: a law's code, the article, and its paragraph and point where given (GDPR-6-1-a, GDPR-6-1a, BDSG-26-1).
_COMPACT: Final = re.compile(r"^\s*([A-Za-z][A-Za-z-]*?)-(\d+)(?:-(\d+))?(?:-?([a-z]))?((?:-[0-9a-z]+)*)\s*$")
# A law named by its code alone (BGB, UWG, DSGVO, EU-DSGVO): capitals, perhaps a hyphen, perhaps a lower-case tail.
_BARE_CODE: Final = re.compile(r"^\s*([A-Z]{2,12}(?:-[A-Z]{2,12})?)([a-z]{0,3})\s*$")
# An article or section and its number: Art. 6, Artikel 6, article 6, artículo 6, Abschnitt 6, § 26.
_ARTICLE: Final = re.compile(
    r"(?:\b(?:art(?:icle|ikel|[ií]culo|icolo|igo|ykuł)?|artt)\b\.?|\babschnitt\b|\bsection\b|§)\s*(\d+)", re.IGNORECASE
)
# Its paragraph: (1), Abs. 1, Absatz 1, paragraph 1, .1 (6.1.f), a Roman numeral (Art. 6 I), 1a (Abs 1a).
_PARAGRAPH: Final = re.compile(
    r"^\s*(?:\((\d+)\)|,?\s*(?:abs(?:atz|\.)?|para(?:graph|graphe|\.)?|paragrafo|apartado|ust\.|lid)\s*(\d+)"
    r"|\.(\d+)|\s(?-i:(I{1,3}|IV|VI{0,3}|IX|X))\b)",
    re.IGNORECASE,
)
# What may stand between the paragraph and the points: a sentence or subparagraph (S. 1, UAbs. 1, "(1) 1 b)").
_BETWEEN: Final = re.compile(
    r"^(?:\s*,?\s*(?:u(?:nter)?abs(?:atz|\.)?|s(?:atz|\.)|sentence|phrase|subparagraph|unterabsatz)\s*\d+|\s+\d+(?=\s*[a-z]\)))",
    re.IGNORECASE,
)
# One point: lit. f, Buchstabe b), point a), (f), .f, a), or a letter right after the paragraph (1a).
_POINT: Final = re.compile(
    r"^\s*(?:,?\s*(?:lit(?:\.|era|tera)?|buchstaben?|point|letters?|letra|lett(?:era|\.)?|pkt\.?|sub)\s*)?"
    r"(?:\(([a-j])\)|\.?([a-j])\)|\.([a-j])\b|([a-j])\b(?![.'’-]\w))",
    re.IGNORECASE,
)
# What joins several points (lit. a, b und c) or articles.
_AND: Final = re.compile(
    r"^\s*(?:,|;|/|&|\bund\b|\band\b|\bsowie\b|\boder\b|\bor\b|\bbzw\.|\bet\b|\by\b|\bo\b)\s*", re.IGNORECASE
)
_GDPR_IN_TEXT: Final = re.compile(
    r"(?<![A-Za-z])(UK[ -]?GDPR|(?:EU-)?DS-?GVO|GDPR|RGPD|AVG|RODO|2016/679)(?![A-Za-z])", re.IGNORECASE
)
# Another law named by its code after a provision (§ 26 BDSG, § 7 Abs. 3 UWG, § 257 HGB, § 147 AO).
_OTHER_LAW: Final = re.compile(r"(?<![A-Za-z])([A-Z]{2,8})(?![A-Za-z])")
# Data protection laws other than the GDPR whose articles a reference may name.
_NOT_GDPR: Final = re.compile(r"(?<![A-Za-z])(BDSG|TTDSG|TDDDG|TMG|TKG|CCPA|CPRA|LGPD|PIPEDA)(?![A-Za-z])")

# A basis named in words, by the basis it is under the GDPR and outside it.
_BASIS_WORDS: Final[tuple[tuple[re.Pattern[str], LegalBasisTerm, LegalBasisTerm], ...]] = (
    (
        re.compile(r"legitimate interest|berechtigte[sn]? interesse|int[ée]r[eê]t l[ée]gitime|inter[eé]s leg[ií]timo", re.I),
        LegalBasisTerm.A6_1_F,
        LegalBasisTerm.LEGITIMATE_INTEREST,
    ),
    (
        re.compile(r"legal obligation|rechtliche[rn]? verpflichtung|obligation l[ée]gale|obligaci[oó]n legal", re.I),
        LegalBasisTerm.A6_1_C,
        LegalBasisTerm.LEGAL_OBLIGATION,
    ),
    (re.compile(r"vital interest|lebenswichtige", re.I), LegalBasisTerm.A6_1_D, LegalBasisTerm.VITAL_INTEREST),
    (re.compile(r"public interest|[öo]ffentliche[sn]? interesse", re.I), LegalBasisTerm.A6_1_E, LegalBasisTerm.PUBLIC_INTEREST),
    (re.compile(r"\bcontract|\bvertrag|\bcontrat|\bcontrato", re.I), LegalBasisTerm.A6_1_B, LegalBasisTerm.CONTRACT),
    (
        re.compile(r"\bconsent|einwilligung|einverst[äa]ndnis|zustimmung|consentement|consentimiento", re.I),
        LegalBasisTerm.A6_1_A,
        LegalBasisTerm.CONSENT,
    ),
)

_MAX_REFERENCE: Final = 100
"""The longest text read as a reference in TILT's form: longer text is prose (and the pattern's time grows with it)."""

_MAX_PROSE: Final = 10_000
"""The most characters of a reference or description read for legal bases (the bases come first; the time taken
grows with the text)."""

_PROVISION_WITHIN: Final = 200
"""How much text after an article's number is read for its paragraph and points."""

_LAW_WITHIN: Final = 60
"""How far after a section sign (``§ 26 Abs. 1 ... BDSG``) the code of its law is looked for."""

_ROMAN: Final = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def _law(name: str) -> LawTerm | None:
    return LAW_CODES.get(re.sub(r"[^A-Za-z0-9/]", "", name).upper().replace("2016/679", "GDPR"))


def _article_term(law: LawTerm | None, article: str, paragraph: str | None, point: str | None) -> str | None:
    if law not in (LawTerm.GDPR, LawTerm.UK_GDPR) or paragraph is None or point is None:
        return None
    value = f"A{article}-{paragraph}-{point.lower()}"
    return value if value in LegalBasisTerm._value2member_map_ else None


def _compact(text: str) -> tuple[list[Basis], str | None] | None:
    """A reference in TILT's form (``GDPR-6-1-a``, ``BDSG-26-1``); None if it is not in that form."""
    found = _COMPACT.match(text) if len(text) <= _MAX_REFERENCE else None
    if found is None:
        return None
    code, article, paragraph, point, rest = found.groups()
    law = _law(code)
    if law is not None:
        term = None if rest else _article_term(law, article, paragraph, point)
        if term is not None:
            spelled = f"{code.upper()}-{article}-{paragraph}-{point}"
            return [(term, law.value)], (None if text.strip() == spelled else f"read {shown(text)} as {term}")
        custom = "x-" + text.strip().lower()
        note = f"{shown(text)} is no legal basis privacymodel knows; kept as the custom term {custom!r} of the law {law.value!r}"
        return [(custom, law.value)], note
    if not re.fullmatch(r"[A-Z]{2,12}", code):
        return None
    custom, law_value = "x-" + text.strip().lower(), f"x-{code.lower()}"
    return [(custom, law_value)], f"read {shown(text)} as the provision {custom!r} of the law {law_value!r}"


def _points(rest: str) -> list[str]:
    """The points listed at the start of ``rest`` (``lit. a, b und c``, ``a), b)``): their letters."""
    points: list[str] = []
    while True:
        found = _POINT.match(rest)
        if found is None:
            return points
        points.append(next(g for g in found.groups() if g).lower())
        rest = rest[found.end() :]
        joined = _AND.match(rest)
        if joined is None:
            return points
        rest = rest[joined.end() :]


def _provision(rest: str) -> tuple[str | None, list[str]]:
    """The paragraph and the points that follow an article's number (``rest`` is what follows it)."""
    found = _PARAGRAPH.match(rest)
    if found is None:
        return None, []
    paragraph = next(g for g in found.groups() if g)
    paragraph = str(_ROMAN.get(paragraph.upper(), paragraph)) if not paragraph.isdigit() else paragraph
    rest = rest[found.end() :]
    between = _BETWEEN.match(rest)
    if between is not None:
        rest = rest[between.end() :]
    if found.group(2) and rest[:1].isalpha() and not rest[1:2].isalpha():  # Abs 1a: the point right after the number
        rest = " " + rest
    return paragraph, _points(rest)


def _prose(text: str) -> list[Basis]:
    """The legal bases the articles and sections named in ``text`` are (``Art. 6 Abs. 1 lit. a, b DSGVO``)."""
    gdpr = _GDPR_IN_TEXT.search(text)
    gdpr_law = (_law(gdpr.group(1)) if gdpr else None) or LawTerm.GDPR
    other_law = gdpr is None and _NOT_GDPR.search(text) is not None  # Art. 5 TTDSG: an article of another law
    found: list[Basis] = []
    for match in _ARTICLE.finditer(text):
        paragraph, points = _provision(text[match.end() : match.end() + _PROVISION_WITHIN])
        if match.group(0).startswith("§"):  # a section of a national law, named by its code after it
            law = _OTHER_LAW.search(text, match.end(), match.end() + _LAW_WITHIN)
            if law is not None and _law(law.group(1)) is None:
                code = law.group(1).lower()
                found.append((f"x-{code}-{'-'.join(p for p in (match.group(1), paragraph) if p)}", f"x-{code}"))
            continue
        for point in points if not other_law else ():
            term = _article_term(gdpr_law, match.group(1), paragraph, point)
            if term is not None:
                found.append((term, gdpr_law.value))
    return list(dict.fromkeys(found))


def _words(text: str, law: LawTerm | None) -> Basis | None:
    """The basis ``text`` names in words: under the GDPR where it or ``law`` names the GDPR, else under ``law``."""
    gdpr = law in (LawTerm.GDPR, LawTerm.UK_GDPR) or (law is None and _GDPR_IN_TEXT.search(text) is not None)
    for pattern, under_gdpr, otherwise in _BASIS_WORDS:
        if pattern.search(text):
            return (under_gdpr.value, (law or LawTerm.GDPR).value) if gdpr else (otherwise.value, law.value if law else None)
    return None


def _read_text(text: str, law: LawTerm | None) -> list[Basis]:
    """The bases ``text`` names in prose or, failing that, in words (under ``law`` where a reference named it); only
    its first :data:`_MAX_PROSE` characters are read."""
    text = text[:_MAX_PROSE]
    bases = _prose(text)
    if bases:
        return bases
    words = _words(text, law)
    return [words] if words is not None else []


def _named(bases: list[Basis]) -> str:
    return " and ".join(term for term, _ in bases)


def read_legal_bases(reference: str | None, description: str | None = None) -> tuple[list[Basis], str | None, str | None]:
    """Recognise the legal bases a TILT ``legalBases`` entry names: ``(bases, law, note)``.

    ``bases`` lists every basis named, in order (several where one reference
    names several: ``Art. 6 Abs. 1 lit. a, b DSGVO``); it is empty when none
    is recognised, and ``law`` then names the law a reference names alone
    (``CCPA``; ``BGB`` as ``x-bgb``), if any. ``note`` says how the entry was
    read when it is not written in TILT's form. The description is read only
    when the reference names no basis.
    """
    reference = reference.strip() if reference and reference.strip() else None
    description = description if description and description.strip() else None
    law: LawTerm | None = None
    law_value = None
    if reference is not None:
        compact = _compact(reference)
        if compact is not None:
            return compact[0], None, compact[1]
        law = LAW_CODES.get(re.sub(r"[^A-Za-z]", "", reference).upper())  # a law's code alone, as to_tilt writes it
        bare = _BARE_CODE.match(reference) if law is None else None
        if law is not None:
            law_value = law.value
        elif bare is not None:
            return [], f"x-{bare.group(1).lower().replace('-', '')}", None
        else:
            bases = _read_text(reference, None)
            if bases:
                return bases, None, f"read {shown(reference)} as {_named(bases)}"
            gdpr = _GDPR_IN_TEXT.search(reference)  # "Art. 6 DSGVO": the description says which basis of the GDPR
            law = (_law(gdpr.group(1)) or LawTerm.GDPR) if gdpr is not None else None
    if description is not None:
        bases = _read_text(description, law)
        if bases:
            source = f"{shown(reference)} with its description" if reference else shown(description)
            return bases, None, f"read {source} as {_named(bases)}"
    return [], law_value, None


def read_legal_basis(reference: str | None, description: str | None = None) -> tuple[str | None, str | None, str | None]:
    """The first legal basis :func:`read_legal_bases` recognises: ``(term, law, note)``; term None when none is.

    ``GDPR-6-1-a`` and ``DSGVO-6-1-b`` are read as TILT writes them; prose such
    as ``Art. 6(1)(f) GDPR`` or ``Artikel 6 Absatz 1 Buchstabe b DSGVO`` is read
    and ``note`` says how. A law code alone (``CCPA``) gives the law and no term.
    """
    bases, law, note = read_legal_bases(reference, description)
    if bases:
        return bases[0][0], bases[0][1], note
    return None, law, None


_REST: Final = re.compile(r"^[-0-9a-z]*$")


def reference_out(basis: LegalBasisTerm | CustomTerm, law: LawTerm | CustomTerm | None) -> str | None:
    """The TILT reference that reads back as the custom basis ``basis`` of ``law``, if there is one: ``BDSG-26-1``
    for ``x-bdsg-26-1`` of ``x-bdsg``, ``DSGVO-28`` for ``x-dsgvo-28`` of the GDPR, ``BGB`` for ``x-bgb`` of ``x-bgb``."""
    if not isinstance(basis, CustomTerm) or law is None:
        return None
    term, law_value = str(basis), str(law)
    if isinstance(law, CustomTerm):
        codes = [law_value[2:]]
    else:
        codes = sorted({name.lower() for name in (*GDPR_NAMES, *LAW_CODES) if _law(name) is law}, key=len, reverse=True)
    for code in codes:
        rest = term[2 + len(code) :] if term.startswith(f"x-{code}") else None
        if rest is None or not _REST.match(rest) or not re.fullmatch(r"[a-z][a-z-]{1,12}", code):
            continue
        reference = code.upper() + rest
        bases, alone, _ = read_legal_bases(reference)
        if bases == [(term, law_value)] or (not bases and alone == law_value and custom_term(reference) == term):
            return reference
    return None
