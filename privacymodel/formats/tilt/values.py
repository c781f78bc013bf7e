"""Single values in the forms TILT's schema accepts: languages, phone numbers, fees, addresses, legal bases, durations."""

from __future__ import annotations

import re
from typing import Final

from privacymodel.model.policy import PostalAddress
from privacymodel.model.vocab import CustomTerm, LawTerm, LegalBasisTerm

__all__ = ["FEE", "LANGUAGES", "TILT_PHONE", "address_text", "basis_out", "tilt_duration"]

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

_REFERENCE_OF_LAW: Final = {LawTerm.GDPR: "GDPR", LawTerm.UK_GDPR: "UKGDPR"}


def address_text(address: PostalAddress | None) -> str:
    """TILT's address text: the address on one line, its country apart (TILT has a field for it)."""
    return address.one_line(country=False) if address is not None else ""


def basis_out(basis: LegalBasisTerm | CustomTerm, law: LawTerm | CustomTerm | None, description: str | None) -> dict[str, str]:
    """A TILT legal basis: ``GDPR-6-1-a`` for GDPR articles; the law's code and the term otherwise."""
    value = str(basis)
    article = re.match(r"^A([69])-([12])-([a-j])", value)
    if article and isinstance(basis, LegalBasisTerm) and (law is None or law in _REFERENCE_OF_LAW):
        law_code = _REFERENCE_OF_LAW.get(law, "GDPR") if isinstance(law, LawTerm) else "GDPR"
        reference = f"{law_code}-{article.group(1)}-{article.group(2)}-{article.group(3)}"
        prefix = value if len(value) > 6 else ""
    else:
        reference = re.sub(r"[^A-Z]", "", law.value.upper()) if isinstance(law, LawTerm) else ""
        prefix = f"{value} ({law})" if isinstance(law, CustomTerm) else value
    text = f"{prefix}: {description}" if prefix and description else prefix or description or ""
    return {"reference": reference, "description": text}


def tilt_duration(period: str) -> str:
    """An ISO 8601 duration in TILT's pattern, which has no weeks: ``P2W`` -> ``P14D``."""
    weeks = re.search(r"([0-9]+)W", period)
    if weeks is None:
        return period
    days = re.search(r"([0-9]+)D", period)
    total = int(weeks.group(1)) * 7 + (int(days.group(1)) if days else 0)
    date_part, _, time_part = period[1:].partition("T")
    date_part = re.sub(r"[0-9]+[WD]", "", date_part) + f"{total}D"
    return "P" + date_part + (f"T{time_part}" if time_part else "")
