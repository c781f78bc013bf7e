"""Named string formats: the patterns text fields must match, and the country codes a country field takes.

A field declared with ``fld(..., fmt="email")`` is checked against ``FORMATS["email"]``; the JSON Schema
exporter writes the same format as a ``pattern`` (plus a ``format`` keyword, or an ``enum`` of allowed values).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

import attrs

__all__ = ["COUNTRY_CODES", "FORMATS", "Format"]


@attrs.frozen
class Format:
    """A named string format: a JSON Schema ``pattern`` plus an optional ``format`` keyword."""

    name: str
    pattern: str
    description: str
    json_format: str | None = None
    enum: tuple[str, ...] | None = None

    def check(self, value: str) -> bool:
        """Return whether ``value`` has this format (as a JSON Schema validator would judge it)."""
        if self.enum is not None:
            return value in _ENUM_SETS[self.name]
        if _REGEXES[self.name].search(value) is None:
            return False
        if self.name == "date":
            # The pattern only checks the shape YYYY-MM-DD; the JSON Schema "date" format (an RFC 3339
            # full-date) also needs a day that exists, which no regular expression says simply.
            try:
                _dt.date.fromisoformat(value)
            except ValueError:
                return False
        return True


# ISO 3166-1 alpha-2: the codes officially assigned (the ISO 3166 Maintenance Agency's list), one line per letter.
COUNTRY_CODES: Final = tuple(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
    BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
    CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
    DE DJ DK DM DO DZ
    EC EE EG EH ER ES ET
    FI FJ FK FM FO FR
    GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
    HK HM HN HR HT HU
    ID IE IL IM IN IO IQ IR IS IT
    JE JM JO JP
    KE KG KH KI KM KN KP KR KW KY KZ
    LA LB LC LI LK LR LS LT LU LV LY
    MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
    NA NC NE NF NG NI NL NO NP NR NU NZ
    OM
    PA PE PF PG PH PK PL PM PN PR PS PT PW PY
    QA
    RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
    TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
    UA UG UM US UY UZ
    VA VC VE VG VI VN VU
    WF WS
    YE YT
    ZA ZM ZW
    """.split()  # noqa: SIM905 - 249 codes read better as a table than as 249 quoted strings
)

# An ISO 8601 duration (PnYnMnWnDTnHnMnS), at least one part, and a time part only with a number after the T.
_DURATION = "P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?"

FORMATS: Final[dict[str, Format]] = {
    f.name: f
    for f in (
        Format("text", "[^\\s]", "Non-empty text, not only white space."),
        Format("id", "^[A-Za-z0-9][A-Za-z0-9_.-]*$", "A local id: letters, digits, '_', '.' or '-'."),
        Format("date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "A calendar date, YYYY-MM-DD.", "date"),
        Format("email", "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "An email address.", "email"),
        Format("uri", "^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$", "An absolute URI with a scheme, such as https://...", "uri"),
        Format(
            "phone",
            "^\\+?[0-9(][0-9 ().\\-/]{3,}[0-9]$",
            "A telephone number as the policy writes it: digits, spaces, '+', '(', ')', '.', '-', '/'.",
        ),
        Format("duration", f"^{_DURATION}$", "An ISO 8601 duration such as P2Y, P30D or PT24H.", "duration"),
        Format(
            "lifetime",
            f"^(session|persistent|{_DURATION})$",
            "'session', 'persistent' (no length stated) or an ISO 8601 duration.",
        ),
        Format("language", "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "A BCP 47 language tag such as en or en-US."),
        Format("version", "^1\\.0\\.[0-9]+$", "The privacymodel format version, 1.0.x."),
        Format("country", "^[A-Z]{2}$", "An ISO 3166-1 alpha-2 country code.", None, COUNTRY_CODES),
    )
}
_REGEXES: Final = {name: re.compile(f.pattern) for name, f in FORMATS.items()}
_ENUM_SETS: Final = {name: frozenset(f.enum) for name, f in FORMATS.items() if f.enum is not None}
