"""Recognising what TILT documents write as text: legal-basis references, durations and vocabulary terms."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Final

from privacymodel.model.formats import FORMATS
from privacymodel.model.vocab import DataCategoryTerm, LawTerm, LegalBasisTerm, PurposeTerm, RecipientKind, Vocabulary
from privacymodel.problems import shown

__all__ = [
    "DATA_TERMS",
    "LAW_CODES",
    "PURPOSE_TERMS",
    "RECIPIENT_TERMS",
    "Terms",
    "norm",
    "read_duration",
    "read_legal_basis",
    "slug",
]

# Legal-basis references: law names as they appear in references and prose.
_GDPR_NAMES: Final = ("GDPR", "DSGVO", "DS-GVO", "RGPD", "AVG", "RODO", "GDPR-EU", "EU-GDPR", "EUGDPR", "2016/679")

LAW_CODES: Final[dict[str, LawTerm]] = {
    **{name.replace("-", ""): LawTerm.GDPR for name in _GDPR_NAMES if "/" not in name},
    "UKGDPR": LawTerm.UK_GDPR,
    "CCPA": LawTerm.CCPA,
    "CPRA": LawTerm.CPRA,
    "COPPA": LawTerm.COPPA,
    "PIPEDA": LawTerm.PIPEDA,
    "LGPD": LawTerm.LGPD,
    "FADP": LawTerm.SWISS_FADP,
    **{re.sub(r"[^A-Z]", "", law.value.upper()): law for law in LawTerm},  # as to_tilt writes them
}

_COMPACT_REFERENCE: Final = re.compile(r"^\s*([A-Za-z][A-Za-z-]*?)-?([0-9]+)(?:-([0-9]+))?(?:-([a-z]))?(?:-[0-9a-z-]*)?\s*$")

_ARTICLE: Final = re.compile(r"\b(?:art(?:icle|ikel|[ií]culo|icolo|igo|ykuł|\.)?|artt?\.)\s*([0-9]+)", re.IGNORECASE)

_PARAGRAPH: Final = re.compile(
    r"^\s*(?:\(([0-9]+)\)|,?\s*(?:abs(?:atz|\.)?|para(?:graph|graphe|\.)?|paragrafo|apartado|ust\.|lid|§)\s*([0-9]+)|\.([0-9]+))",
    re.IGNORECASE,
)

_POINT: Final = re.compile(
    r"^\s*(?:(?:s(?:atz|\.)|sentence|phrase)\s*[0-9]+\s*)?(?:\(([a-z])\)|,?\s*(?:lit(?:\.|era|tera)?|buchstabe|point|letter|letra|lett(?:era|\.)?|pkt\.?|sub)\s*\(?([a-z])\)?|\.?([a-z])\)|\.([a-z])\b|\s([a-z])\))",
    re.IGNORECASE,
)

_LAW_IN_TEXT: Final = re.compile(
    r"(?<![A-Za-z])(UK[ -]?GDPR|DS-?GVO|GDPR|RGPD|AVG|RODO|2016/679|BDSG|TTDSG|TDDDG|CCPA|CPRA|LGPD|PIPEDA)(?![A-Za-z])",
    re.IGNORECASE,
)

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
    (re.compile(r"\bconsent|einwilligung|consentement|consentimiento", re.I), LegalBasisTerm.A6_1_A, LegalBasisTerm.CONSENT),
)

_DURATION_CHECK: Final = FORMATS["duration"].check

_TTL_START: Final = re.compile(r"^(\d{4}-?\d{2}-?\d{2}(?:T[0-9:.,]+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)(P.*)$", re.IGNORECASE)


def norm(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: the key terms are matched by."""
    for letter, spelled in (("ß", "ss"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
        text = text.replace(letter, spelled)
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded.lower()).split())


def slug(text: str) -> str | None:
    """A custom term from free text (``x-newsletter-dispatch``), or None when nothing of it is ASCII."""
    words = norm(text).split()
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 48:
            break
        slug = f"{slug}-{word}" if slug else word
    if not slug and words:
        slug = words[0][:48]
    return f"x-{slug}" if slug else None


class Terms:
    """Find a vocabulary term for free text, by value, name, DPV label or a known synonym."""

    def __init__(self, vocabulary: type[Vocabulary], synonyms: Mapping[str, str]) -> None:
        self.vocabulary = vocabulary
        index: dict[str, Vocabulary] = {}
        for member in vocabulary:
            keys = [member.value, member.name, member.description.split(" (")[0].rstrip(".")]
            if member.iri:
                keys.append(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", member.iri.rsplit("#", 1)[1]))
            for key in keys:
                index.setdefault(norm(key), member)
        for text, value in synonyms.items():
            index[norm(text)] = vocabulary._value2member_map_[value]  # type: ignore[assignment]
        self.index = index

    def find(self, text: str) -> Vocabulary | None:
        key = norm(text)
        found = self.index.get(key)
        if found is None and key.endswith("s"):
            found = self.index.get(key[:-1])
        return found


DATA_TERMS: Final = Terms(
    DataCategoryTerm,
    {
        "e mail": "email-address",
        "email": "email-address",
        "e mail address": "email-address",
        "email adresse": "email-address",
        "e mail adresse": "email-address",
        "mail address": "email-address",
        "phone number": "telephone-number",
        "phone": "telephone-number",
        "mobile number": "telephone-number",
        "telefonnummer": "telephone-number",
        "mobilfunknummer": "telephone-number",
        "postal address": "physical-address",
        "address": "physical-address",
        "adresse": "physical-address",
        "anschrift": "physical-address",
        "postanschrift": "physical-address",
        "full name": "name",
        "first name": "name",
        "last name": "name",
        "vorname": "name",
        "nachname": "name",
        "vor und nachname": "name",
        "ip": "ip-address",
        "ip adresse": "ip-address",
        "date of birth": "birth-date",
        "birthday": "birth-date",
        "geburtsdatum": "birth-date",
        "location data": "location",
        "standort": "location",
        "standortdaten": "location",
        "payment data": "financial",
        "payment information": "financial",
        "zahlungsdaten": "financial",
        "bank details": "bank-account",
        "bankverbindung": "bank-account",
        "credit card": "payment-card",
        "kreditkartendaten": "payment-card",
        "usage data": "service-usage",
        "nutzungsdaten": "service-usage",
        "device data": "device-information",
        "device information": "device-information",
        "geraetedaten": "device-information",
        "profile picture": "picture",
        "profilbild": "picture",
        "photo": "picture",
        "benutzername": "username",
        "passwort": "password",
        "health data": "health",
        "gesundheitsdaten": "health",
        "geschlecht": "gender",
        "alter": "age",
        "browser type": "user-agent",
        "referrer": "browsing-referral",
    },
)

PURPOSE_TERMS: Final = Terms(
    PurposeTerm,
    {
        "werbung": "advertising",
        "newsletter": "direct-marketing",
        "newsletterversand": "direct-marketing",
        "newsletter versand": "direct-marketing",
        "e mail marketing": "direct-marketing",
        "direktwerbung": "direct-marketing",
        "analytics": "service-usage-analytics",
        "analyse": "service-usage-analytics",
        "statistik": "service-usage-analytics",
        "statistics": "service-usage-analytics",
        "web analytics": "service-usage-analytics",
        "contract fulfilment": "fulfilment-of-contractual-obligation",
        "performance of contract": "fulfilment-of-contractual-obligation",
        "vertragserfuellung": "fulfilment-of-contractual-obligation",
        "security": "enforce-security",
        "it security": "enforce-security",
        "sicherheit": "enforce-security",
        "fraud prevention": "fraud-prevention-and-detection",
        "betrugspraevention": "fraud-prevention-and-detection",
        "customer service": "customer-care",
        "customer support": "customer-care",
        "kundenservice": "customer-care",
        "legal obligation": "legal-compliance",
        "legal obligations": "legal-compliance",
        "gesetzliche pflichten": "legal-compliance",
        "personalization": "personalisation",
        "personalisierung": "personalisation",
        "kontoverwaltung": "account-management",
        "payment": "payment-management",
        "zahlungsabwicklung": "payment-management",
        "service provision": "service-provision",
        "bereitstellung des dienstes": "service-provision",
        "research": "research-and-development",
        "forschung": "research-and-development",
    },
)

RECIPIENT_TERMS: Final = Terms(
    RecipientKind,
    {
        "dienstleister": "service-provider",
        "processors": "service-provider",
        "affiliates": "affiliate",
        "konzernunternehmen": "affiliate",
        "group companies": "affiliate",
        "authorities": "public-authority",
        "behoerden": "public-authority",
        "law enforcement": "public-authority",
        "payment service provider": "payment-processor",
        "zahlungsdienstleister": "payment-processor",
        "advertising partners": "advertiser",
        "werbepartner": "advertiser",
        "social networks": "social-network",
        "soziale netzwerke": "social-network",
        "hosting": "hosting-provider",
    },
)


def read_legal_basis(reference: str | None, description: str | None = None) -> tuple[str | None, str | None, str | None]:
    """Recognise a legal basis: ``(term, law, note)``; ``term`` is None when nothing is recognised.

    ``GDPR-6-1-a`` and ``DSGVO-6-1-b`` are read as TILT writes them; prose such
    as ``Art. 6(1)(f) GDPR`` or ``Artikel 6 Absatz 1 Buchstabe b DSGVO`` is read
    and ``note`` says how. A law code alone (``CCPA``) gives the law and no term.
    """
    for text in (reference, description):
        if not text:
            continue
        compact = _COMPACT_REFERENCE.match(text)
        if compact:
            law = _law(compact.group(1))
            if law is not None or compact.group(1).upper() in ("BDSG", "TTDSG", "TDDDG", "SGB"):
                term = _article_term(law, compact.group(2), compact.group(3), compact.group(4))
                law_value = law.value if law else f"x-{compact.group(1).lower()}"
                if term is not None:
                    return term, law_value, None
                custom = slug(text) or "x-unnamed"
                return (
                    custom,
                    law_value,
                    f"{shown(text)} is not a legal basis privacymodel knows; kept as the custom term {custom!r}",
                )
        code = re.sub(r"[^A-Za-z]", "", text).upper()
        if code in LAW_CODES:
            return None, LAW_CODES[code].value, None
        found = _prose_article(text)
        if found is not None:
            law_name, article, paragraph, point = found
            law = _law(law_name) if law_name else None
            term = _article_term(law or LawTerm.GDPR, article, paragraph, point) if (law or law_name is None) else None
            if term is not None:
                law_value = (law or LawTerm.GDPR).value
                return term, law_value, f"read {shown(text)} as {term}"
        words = _words_basis(text)
        if words is not None:
            return words[0], words[1], f"read {shown(text)} as {words[0]}"
    return None, None, None


def _law(name: str) -> LawTerm | None:
    return LAW_CODES.get(re.sub(r"[^A-Za-z0-9/]", "", name).upper().replace("2016/679", "GDPR"))


def _article_term(law: LawTerm | None, article: str, paragraph: str | None, point: str | None) -> str | None:
    if law not in (LawTerm.GDPR, LawTerm.UK_GDPR) or paragraph is None or point is None:
        return None
    value = f"A{article}-{paragraph}-{point.lower()}"
    return value if value in LegalBasisTerm._value2member_map_ else None


def _prose_article(text: str) -> tuple[str | None, str, str | None, str | None] | None:
    match = _ARTICLE.search(text)
    if match is None:
        return None
    rest = text[match.end() :]
    paragraph = point = None
    found = _PARAGRAPH.match(rest)
    if found:
        paragraph = next(g for g in found.groups() if g)
        rest = rest[found.end() :]
        found = _POINT.match(rest)
        if found:
            point = next(g for g in found.groups() if g)
    law = _LAW_IN_TEXT.search(text)
    name = law.group(1) if law else None
    if name is not None and _law(name) is None:
        return None  # an article of another law (BDSG, TTDSG ...)
    return name, match.group(1), paragraph, point


def _words_basis(text: str) -> tuple[str, str | None] | None:
    law = _LAW_IN_TEXT.search(text)
    gdpr = law is not None and _law(law.group(1)) is not None
    for pattern, under_gdpr, otherwise in _BASIS_WORDS:
        if pattern.search(text):
            return (under_gdpr.value, LawTerm.GDPR.value) if gdpr else (otherwise.value, None)
    return None


def read_duration(text: str) -> tuple[str | None, str | None]:
    """Read a TILT ``ttl`` as an ISO 8601 duration: ``(duration, note)``; duration None when it cannot be read.

    ``P72H`` is read as ``PT72H``, a trailing ``T`` is dropped, lower case is
    raised, and a start date before the duration (TILT allows
    ``2020-08-09T18:31:42P3Y``) is dropped; ``note`` says what was changed.
    """
    raw = text.strip()
    value = raw.upper()
    start = _TTL_START.match(value)
    dropped = None
    if start:
        dropped, value = start.group(1), start.group(2)
    written = raw[len(dropped) :] if dropped else raw
    if not _DURATION_CHECK(value) and "T" not in value:
        # Hours or seconds with no T before them (P72H, P1D12H): the time part starts at the first of them.
        first = re.search(r"[0-9]+[HS]", value)
        if first is not None:
            value = value[: first.start()] + "T" + value[first.start() :]
    value = value.removesuffix("T")
    if not _DURATION_CHECK(value):
        return None, f"{shown(raw)} is not an ISO 8601 duration privacymodel can read; kept as retention criteria"
    notes = []
    if value != written:
        notes.append(f"read {shown(raw)} as {value!r}")
    if dropped:
        notes.append(f"the start {dropped!r} before the duration is left out")
    return value, "; ".join(notes) or None
