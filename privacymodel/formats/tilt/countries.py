"""Countries as TILT documents write them: ISO 3166-1 codes, and names in English, German, French, Spanish or Italian.

TILT asks for an ISO 3166-1 alpha-2 code; documents often give a name
(``Deutschland``, ``USA``, ``Irland``) or a whole address (``Tealium Inc.,
..., San Diego, CA 92121, USA``). :func:`read_country` reads a code as it is,
a name as its code, and an address by the one country it names.
"""

from __future__ import annotations

import re
from typing import Final

from privacymodel.formats.tilt.recognise import norm
from privacymodel.model.formats import COUNTRY_CODES
from privacymodel.problems import shown

__all__ = ["COUNTRY_NAMES", "read_country"]

# The names of the countries TILT documents name: their ISO 3166-1 short names in English and the names the
# Unicode CLDR gives them in German, French, Spanish and Italian, with common short forms (USA, UK, Holland).
# One row per country: its code, then its names. Matched after norm() (lower case, accents and punctuation
# removed), so "Österreich" and "oesterreich" are one name.
_NAMES: Final = (
    ("AT", "Austria", "Österreich", "Autriche"),
    ("AU", "Australia", "Australien", "Australie"),
    ("BE", "Belgium", "Belgien", "Belgique", "Bélgica", "Belgio"),
    ("BG", "Bulgaria", "Bulgarien", "Bulgarie"),
    ("BR", "Brazil", "Brasilien", "Brésil", "Brasil", "Brasile"),
    ("CA", "Canada", "Kanada", "Canadá"),
    ("CH", "Switzerland", "Schweiz", "Suisse", "Suiza", "Svizzera"),
    ("CN", "China", "Chine", "Cina", "People's Republic of China", "Volksrepublik China"),
    ("CY", "Cyprus", "Zypern", "Chypre", "Chipre", "Cipro"),
    ("CZ", "Czechia", "Czech Republic", "Tschechien", "Tschechische Republik", "Tchéquie", "Chequia"),
    ("DE", "Germany", "Deutschland", "Allemagne", "Alemania", "Germania", "Bundesrepublik Deutschland"),
    ("DK", "Denmark", "Dänemark", "Danemark", "Dinamarca", "Danimarca"),
    ("EE", "Estonia", "Estland", "Estonie"),
    ("ES", "Spain", "Spanien", "Espagne", "España", "Spagna"),
    ("FI", "Finland", "Finnland", "Finlande", "Finlandia"),
    ("FR", "France", "Frankreich", "Francia"),
    ("GB", "United Kingdom", "UK", "Great Britain", "Vereinigtes Königreich", "Großbritannien", "Royaume-Uni", "Reino Unido"),
    ("GR", "Greece", "Griechenland", "Grèce", "Grecia"),
    ("HK", "Hong Kong", "Hongkong"),
    ("HR", "Croatia", "Kroatien", "Croatie", "Croacia", "Croazia"),
    ("HU", "Hungary", "Ungarn", "Hongrie", "Hungría", "Ungheria"),
    ("IE", "Ireland", "Irland", "Irlande", "Irlanda", "Republic of Ireland"),
    ("IL", "Israel", "Israël", "Israele"),
    ("IN", "India", "Indien", "Inde"),
    ("IS", "Iceland", "Island", "Islande", "Islandia"),
    ("IT", "Italy", "Italien", "Italie", "Italia"),
    ("JP", "Japan", "Japon", "Japón", "Giappone"),
    ("KR", "South Korea", "Republic of Korea", "Südkorea", "Corée du Sud", "Corea del Sur"),
    (
        "LI",
        "Liechtenstein",
    ),
    ("LT", "Lithuania", "Litauen", "Lituanie", "Lituania"),
    ("LU", "Luxembourg", "Luxemburg", "Luxemburgo", "Lussemburgo"),
    ("LV", "Latvia", "Lettland", "Lettonie", "Letonia", "Lettonia"),
    ("MT", "Malta", "Malte"),
    ("MX", "Mexico", "Mexiko", "Mexique", "México", "Messico"),
    ("NL", "Netherlands", "Niederlande", "Pays-Bas", "Países Bajos", "Paesi Bassi", "Holland"),
    ("NO", "Norway", "Norwegen", "Norvège", "Noruega", "Norvegia"),
    ("NZ", "New Zealand", "Neuseeland", "Nouvelle-Zélande", "Nueva Zelanda"),
    ("PL", "Poland", "Polen", "Pologne", "Polonia"),
    ("PT", "Portugal", "Portogallo"),
    ("RO", "Romania", "Rumänien", "Roumanie", "Rumania"),
    ("RU", "Russia", "Russian Federation", "Russland", "Russie", "Rusia"),
    ("SE", "Sweden", "Schweden", "Suède", "Suecia", "Svezia"),
    ("SG", "Singapore", "Singapur", "Singapour"),
    ("SI", "Slovenia", "Slowenien", "Slovénie", "Eslovenia"),
    ("SK", "Slovakia", "Slowakei", "Slovaquie", "Eslovaquia"),
    ("TR", "Türkiye", "Turkey", "Türkei", "Turquie", "Turquía"),
    ("UA", "Ukraine", "Ucrania"),
    (
        "US",
        "United States",
        "United States of America",
        "USA",
        "U.S.",
        "U.S.A.",
        "Vereinigte Staaten",
        "États-Unis",
        "Estados Unidos",
    ),
    ("ZA", "South Africa", "Südafrika", "Afrique du Sud", "Sudáfrica"),
)

COUNTRY_NAMES: Final[dict[str, str]] = {norm(name): row[0] for row in _NAMES for name in row[1:]}
"""Country names (as :func:`~privacymodel.formats.tilt.recognise.norm` writes them) and the code of each."""

_IN_TEXT: Final = re.compile(r"\b(" + "|".join(sorted(map(re.escape, COUNTRY_NAMES), key=len, reverse=True)) + r")\b")


def read_country(text: str) -> tuple[str | None, str | None]:
    """Read a TILT country as an ISO 3166-1 alpha-2 code: ``(code, note)``; code None when none is found.

    A code is read as it is (``de`` as ``DE``), a name as its code (``Deutschland``
    as ``DE``), and a longer text (an address) as the one country it names; ``note``
    says how a value not written as a code was read.
    """
    written = text.strip()
    if written.upper() in COUNTRY_CODES:
        code = written.upper()
        return code, (None if written == code else f"read {shown(text)} as {code!r}")
    key = norm(written)
    if key in COUNTRY_NAMES:
        return COUNTRY_NAMES[key], f"read {shown(text)} as {COUNTRY_NAMES[key]!r}"
    named = {COUNTRY_NAMES[found] for found in _IN_TEXT.findall(key)}
    if len(named) == 1:
        code = named.pop()
        return code, f"read {shown(text)} as {code!r}, the one country it names"
    return None, None
