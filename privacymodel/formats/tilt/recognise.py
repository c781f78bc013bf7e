"""Recognising what TILT documents write as text: vocabulary terms and durations (legal bases: :mod:`.bases`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Final

from privacymodel.model.formats import FORMATS
from privacymodel.model.vocab import CustomTerm, DataCategoryTerm, PurposeTerm, RecipientKind, Vocabulary
from privacymodel.problems import shown

__all__ = [
    "DATA_TERMS",
    "PURPOSE_TERMS",
    "RECIPIENT_TERMS",
    "Terms",
    "custom_term",
    "norm",
    "read_duration",
    "read_term",
    "slug",
]

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


def read_term(terms: Terms, text: str) -> tuple[str, str | None]:
    """The term for ``text`` (an ``x-`` term as written, a vocabulary term, or a custom term made from it), and
    ``text`` as its label where the term does not say it in those words."""
    if text.startswith("x-"):
        try:
            return str(CustomTerm(text)), None
        except ValueError:
            pass
    found = terms.find(text)
    if found is not None:
        return found.value, (None if text == found.value else text)
    return custom_term(text), text


def custom_term(text: str) -> str:
    """The custom term for text that matches no vocabulary term: its slug (``Kundennummer``: ``x-kundennummer``)."""
    return slug(text) or "x-unnamed"


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
        """The term ``text`` names (a plural read as its singular), or None."""
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
