"""Named string formats: the patterns text fields must match, and the country codes a country or region field takes.

A field declared with ``fld(..., fmt="email")`` is checked against ``FORMATS["email"]``; the JSON Schema
exporter writes the same format as a ``pattern`` (plus a ``format`` keyword, or an ``enum`` of allowed values).
Patterns are written, and matched, as JSON Schema reads them: ECMA-262 regular expressions, where ``$`` is
the end of the text (never before a final line break, as Python's ``$`` is); :func:`ecma_regex` gives the
Python expression that matches the same strings. White space is spelt out rather than written ``\\s``,
whose set differs between engines.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

import attrs

__all__ = ["COUNTRY_CODES", "DURATION_DIGITS", "FORMATS", "REGION_GROUPS", "Format", "ecma_regex"]


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
        if _REGEXES[self.name].search(value) is None:  # the pattern's own anchors, read as ECMA-262 reads them
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

REGION_GROUPS: Final = ("EU", "EEA", "WORLD")
"""The places a ``region`` names besides countries and their subdivisions: the European Union, the European
Economic Area, and everywhere."""

DURATION_DIGITS: Final = 9
"""The most digits a part of an ISO 8601 duration may have: ``PT31536000S`` (a year in seconds) needs 8.

Every duration is then a number of days that a float holds exactly and an int prints, so comparing and
converting durations never overflows."""

# An ISO 8601 duration (PnYnMnWnDTnHnMnS), at least one part, and a time part only with a number after the T.
_N = f"[0-9]{{1,{DURATION_DIGITS}}}"
_DURATION = f"P(?!$)({_N}Y)?({_N}M)?({_N}W)?({_N}D)?(T(?=[0-9])({_N}H)?({_N}M)?({_N}S)?)?"

# One label of a host name but the last: a letter or digit, then up to 62 more with '-' inside (RFC 1123).
_LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"

# White space, spelt out so that every engine reads it alike: what ECMA-262's \s takes (which adds U+FEFF)
# and what Python's takes (which adds U+001C-U+001F and U+0085), together.
_SPACE: Final = "\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"

FORMATS: Final[dict[str, Format]] = {
    f.name: f
    for f in (
        Format("text", f"[^{_SPACE}]", "Non-empty text, not only white space."),
        Format("id", "^[A-Za-z0-9][A-Za-z0-9_.-]*$", "A local id: letters, digits, '_', '.' or '-'."),
        Format("date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "A calendar date, YYYY-MM-DD.", "date"),
        Format("email", f"^[^@{_SPACE}]+@[^@{_SPACE}]+\\.[^@{_SPACE}]+$", "An email address.", "email"),
        Format("uri", f"^[A-Za-z][A-Za-z0-9+.-]*:[^{_SPACE}]+$", "An absolute URI with a scheme, such as https://...", "uri"),
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
        Format("version", "^1\\.[01]\\.[0-9]+$", "The privacymodel format version: 1.0.x or 1.1.x."),
        Format("country", "^[A-Z]{2}$", "An ISO 3166-1 alpha-2 country code.", None, COUNTRY_CODES),
        Format(
            "region",
            f"^(({'|'.join(COUNTRY_CODES)})(-[A-Z0-9]{{1,3}})?|{'|'.join(REGION_GROUPS)})$",
            "A place: an ISO 3166-1 alpha-2 country code (US, GB), an ISO 3166-2 subdivision code (US-CA), "
            f"or {', '.join(REGION_GROUPS[:-1])} or {REGION_GROUPS[-1]}.",
        ),
        Format(
            "hostname",
            f"^(?=.{{1,253}}$)({_LABEL}\\.)+[A-Za-z]([A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?$",
            "A host name such as google-analytics.com: labels of letters, digits and '-', separated by '.'.",
            "hostname",
        ),
    )
}


# Outside a character class, what ECMA-262 reads otherwise than Python: '.' takes no line terminator and
# '$' (no flags) is the end of the text only.
_OUTSIDE: Final = {".": "[^\\n\\r\\u2028\\u2029]", "$": "\\Z"}
# Class escapes whose sets differ between engines (ECMA-262's \s is not Python's): patterns spell sets out.
_REFUSED: Final = frozenset(("\\s", "\\S", "\\d", "\\D", "\\w", "\\W", "\\b", "\\B"))
_TOKEN: Final = re.compile(r"\\.|.", re.DOTALL)


def ecma_regex(pattern: str) -> re.Pattern[str]:
    """A Python regular expression that ``search`` matches on the strings the ECMA-262 ``pattern`` matches.

    It covers what JSON Schema patterns use here: literal characters and escapes (``\\x1c``, ``\\u2028``),
    character classes, groups, lookarounds, quantifiers, ``.`` and the anchors ``^`` and ``$`` (no flags,
    so ``$`` is the end of the text). Class escapes such as ``\\s``, whose sets differ between engines,
    are refused with ValueError: a pattern spells its set out so that every validator reads it alike.
    """
    out: list[str] = []
    in_class = False
    for piece in _TOKEN.findall(pattern):
        if piece in _REFUSED:
            raise ValueError(f"{piece} means different sets to different engines; spell the set out: {pattern!r}")
        if in_class:
            in_class = piece != "]"
            out.append(piece)
        else:
            in_class = piece == "["
            out.append(_OUTSIDE.get(piece, piece))
    return re.compile("".join(out))


_REGEXES: Final = {name: ecma_regex(f.pattern) for name, f in FORMATS.items()}
_ENUM_SETS: Final = {name: frozenset(f.enum) for name, f in FORMATS.items() if f.enum is not None}
