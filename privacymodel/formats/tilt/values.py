"""Single values in the forms TILT's schema accepts: languages, phone numbers, fees, addresses, legal bases, durations."""

from __future__ import annotations

import decimal
import math
import re
from typing import Final

from privacymodel.formats.tilt.bases import reference_out
from privacymodel.model.policy import Party, PostalAddress, Recipient
from privacymodel.model.vocab import CustomTerm, LawTerm, LegalBasisTerm

__all__ = [
    "CONSENT_ARTICLES",
    "FEE",
    "LANGUAGES",
    "MAX_AMOUNT_DIGITS",
    "TILT_PHONE",
    "TILT_REFERENCE",
    "address_text",
    "amount_in",
    "amount_out",
    "basis_out",
    "party_name",
    "recipient_category",
    "tilt_duration",
]

# ISO 639-1 codes, the languages TILT's meta.language accepts.
_LANGUAGE_CODES: Final = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el "
    "en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja "
    "jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd "
    "ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss "
    "st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
)

LANGUAGES: Final = frozenset(_LANGUAGE_CODES.split())
"""The language codes TILT's ``meta.language`` accepts."""

TILT_PHONE: Final = re.compile(r"^[+]*[(]{0,1}[0-9]{1,4}[)]{0,1}[-\s\./0-9]*$")
"""TILT's pattern for phone numbers."""

FEE: Final = re.compile(r"^([0-9]+(?:\.[0-9]+)?) ([A-Z]{3})$")
"""A fee TILT can hold: an amount and a currency code, such as ``10 EUR``."""

TILT_REFERENCE: Final = re.compile(r"^[A-Z]*[-0-9a-z]*$")
"""TILT's pattern for the reference of a law (a legal basis's ``reference``, ``legalBasisConditional``):
``^[A-Z]*([-]?[0-9]*|[a-z]*)*$``, written without its nested repetition, which can take exponential time."""

MAX_AMOUNT_DIGITS: Final = 17
"""The most digits of a fee's amount carried to or from TILT: as many as any JSON number (a double) needs."""

_REFERENCE_OF_LAW: Final = {LawTerm.GDPR: "GDPR", LawTerm.UK_GDPR: "UKGDPR"}

CONSENT_ARTICLES: Final = {LegalBasisTerm.EXPRESS_CONSENT: "A6-1-a", LegalBasisTerm.EXPLICIT_CONSENT: "A6-1-a"}
"""Kinds of consent that are the GDPR's consent (Art. 6(1)(a)) when their law is the GDPR: written as that article,
the kind leading the description. Implied and opt-out consent are no consent in the GDPR's sense and have none."""


def address_text(address: PostalAddress | None) -> str:
    """TILT's address text: the address on one line, its country apart (TILT has a field for it)."""
    return address.one_line(country=False) if address is not None else ""


def basis_out(basis: LegalBasisTerm | CustomTerm, law: LawTerm | CustomTerm | None, description: str | None) -> dict[str, str]:
    """A TILT legal basis: ``GDPR-6-1-a`` for GDPR articles (and the kinds of consent that are GDPR consent under
    the GDPR, :data:`CONSENT_ARTICLES`); the provision a custom basis keeps (``BDSG-26-1``); the law's code and the
    term otherwise."""
    value = str(basis)
    consent = CONSENT_ARTICLES.get(basis) if isinstance(basis, LegalBasisTerm) and law in _REFERENCE_OF_LAW else None
    article = re.match(r"^A([69])-([12])-([a-j])", consent or value)
    provision = reference_out(basis, law)
    if article and isinstance(basis, LegalBasisTerm) and (law is None or law in _REFERENCE_OF_LAW):
        law_code = _REFERENCE_OF_LAW.get(law, "GDPR") if isinstance(law, LawTerm) else "GDPR"
        reference = f"{law_code}-{article.group(1)}-{article.group(2)}-{article.group(3)}"
        prefix = value if len(value) > 6 else ""
    elif provision is not None:
        # The code of a law privacymodel knows, alone, is read with its description for a basis: the term leads it then.
        reference, prefix = provision, (value if "-" not in provision and description and isinstance(law, LawTerm) else "")
    else:
        reference = re.sub(r"[^A-Z]", "", law.value.upper()) if isinstance(law, LawTerm) else ""
        prefix = f"{value} ({law})" if isinstance(law, CustomTerm) else value
    text = f"{prefix}: {description}" if prefix and description else prefix or description or ""
    return {"reference": reference, "description": text}


def party_name(party: Party) -> str:
    """The name TILT gives a party: its name, or where the policy names none ("your local supervisory authority")
    its description, TILT requiring a name."""
    return party.name if party.name is not None else party.description or ""


def recipient_category(recipient: Recipient) -> tuple[str, list[str]]:
    """TILT's ``category`` of a recipient, which holds one kind: its kind, else the first of its kinds; and the
    kinds it leaves out."""
    kinds = [str(kind) for kind in dict.fromkeys(recipient.kinds or ())]
    written = str(recipient.kind) if recipient.kind is not None else (kinds[0] if kinds else "")
    return written, [kind for kind in kinds if kind != written]


def _within_digits(digits: str) -> bool:
    """Whether the decimal number ``digits`` (``12.50``, ``-3``) has at most :data:`MAX_AMOUNT_DIGITS` digits that count."""
    whole, _, fraction = digits.lstrip("+-").partition(".")
    return len(whole.lstrip("0")) + len(fraction.rstrip("0")) <= MAX_AMOUNT_DIGITS


def amount_out(digits: str) -> float | None:
    """The amount of a fee written as ``digits`` (``10``, ``2.50``) as TILT's number; None if it has too many digits."""
    return float(digits) if _within_digits(digits) else None


def amount_in(amount: float) -> str | None:
    """A TILT amount as the digits of a fee (``10``, ``2.5``, never an exponent); None if it is not finite or has
    more than :data:`MAX_AMOUNT_DIGITS` digits."""
    if isinstance(amount, int):  # compared, never written out: a whole number may have any length
        return str(amount) if abs(amount) < 10**MAX_AMOUNT_DIGITS else None
    if not math.isfinite(amount):
        return None
    digits = format(decimal.Decimal(repr(amount)), "f")  # repr: the fewest digits that read back as this number
    if "." in digits:
        digits = digits.rstrip("0").removesuffix(".")
    return digits if _within_digits(digits) else None


def tilt_duration(period: str) -> str:
    """An ISO 8601 duration in TILT's pattern, which has no weeks: ``P2W`` -> ``P14D``."""
    weeks = re.search(r"([0-9]+)W", period)
    if weeks is None:
        return period
    days = re.search(r"([0-9]+)D", period)
    # Decimal arithmetic, exact for numbers of any length (int() refuses text of more than 4,300 digits).
    context = decimal.Context(prec=len(period) + 2, Emax=decimal.MAX_EMAX)
    total_days = context.add(context.multiply(decimal.Decimal(weeks.group(1)), 7), decimal.Decimal(days.group(1) if days else 0))
    total = format(total_days, "f")
    date_part, _, time_part = period[1:].partition("T")
    date_part = re.sub(r"[0-9]+[WD]", "", date_part) + f"{total}D"
    return "P" + date_part + (f"T{time_part}" if time_part else "")
