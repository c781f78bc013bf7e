"""The names people write for places and languages, by the codes a policy holds: the tables suggestions are made from.

Each lookup takes a name folded by :func:`fold` (lower case, accents and punctuation dropped: ``U.S.A.`` is
``u s a``) and is built the first time it is asked for, so reading a valid policy never builds one.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Final

__all__ = ["country_code", "fold", "language_tag", "region_code", "subdivision_code"]


def fold(value: str) -> str:
    """``value`` folded for lookup: lower case, accents and punctuation dropped, words one space apart."""
    folded = unicodedata.normalize("NFKD", value.casefold())
    letters = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return " ".join(letters.split())


def country_code(name: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country named in English, by its own name or by a common code
    (``United States``, ``USA``, ``UK``, ``Deutschland``); ``name`` folded."""
    return _countries().get(name)


def subdivision_code(name: str) -> str | None:
    """The ISO 3166-2 code of a US state or a Canadian province or territory (``California``); ``name`` folded."""
    return _subdivisions().get(name)


def region_code(name: str) -> str | None:
    """EU, EEA or WORLD for the names of the regions they stand for (``European Union``, ``worldwide``)."""
    return _REGIONS.get(name)


def language_tag(name: str) -> str | None:
    """The BCP 47 primary language subtag of a language named in English or in itself (``German``, ``Deutsch``)."""
    return _languages().get(name)


# ISO 3166-1: alpha-2, alpha-3, the English short name and other names in common use.
_COUNTRIES: Final = """
AD AND Andorra
AE ARE United Arab Emirates|UAE|Emirates
AF AFG Afghanistan
AG ATG Antigua and Barbuda
AI AIA Anguilla
AL ALB Albania
AM ARM Armenia
AO AGO Angola
AQ ATA Antarctica
AR ARG Argentina
AS ASM American Samoa
AT AUT Austria|Österreich
AU AUS Australia
AW ABW Aruba
AX ALA Åland Islands
AZ AZE Azerbaijan
BA BIH Bosnia and Herzegovina|Bosnia
BB BRB Barbados
BD BGD Bangladesh
BE BEL Belgium|Belgique|België
BF BFA Burkina Faso
BG BGR Bulgaria
BH BHR Bahrain
BI BDI Burundi
BJ BEN Benin
BL BLM Saint Barthélemy
BM BMU Bermuda
BN BRN Brunei Darussalam|Brunei
BO BOL Bolivia
BQ BES Bonaire, Sint Eustatius and Saba|Caribbean Netherlands
BR BRA Brazil|Brasil
BS BHS Bahamas
BT BTN Bhutan
BV BVT Bouvet Island
BW BWA Botswana
BY BLR Belarus
BZ BLZ Belize
CA CAN Canada
CC CCK Cocos (Keeling) Islands|Cocos Islands
CD COD Democratic Republic of the Congo|DR Congo|Congo-Kinshasa
CF CAF Central African Republic
CG COG Congo|Republic of the Congo|Congo-Brazzaville
CH CHE Switzerland|Schweiz|Suisse|Svizzera
CI CIV Côte d'Ivoire|Ivory Coast
CK COK Cook Islands
CL CHL Chile
CM CMR Cameroon
CN CHN China|People's Republic of China|PRC
CO COL Colombia
CR CRI Costa Rica
CU CUB Cuba
CV CPV Cabo Verde|Cape Verde
CW CUW Curaçao
CX CXR Christmas Island
CY CYP Cyprus
CZ CZE Czechia|Czech Republic
DE DEU Germany|Deutschland
DJ DJI Djibouti
DK DNK Denmark|Danmark
DM DMA Dominica
DO DOM Dominican Republic
DZ DZA Algeria
EC ECU Ecuador
EE EST Estonia
EG EGY Egypt
EH ESH Western Sahara
ER ERI Eritrea
ES ESP Spain|España
ET ETH Ethiopia
FI FIN Finland|Suomi
FJ FJI Fiji
FK FLK Falkland Islands|Falkland Islands (Malvinas)
FM FSM Micronesia|Federated States of Micronesia
FO FRO Faroe Islands
FR FRA France
GA GAB Gabon
GB GBR United Kingdom|United Kingdom of Great Britain and Northern Ireland|UK|Great Britain|Britain|England|Scotland|Wales|Northern Ireland
GD GRD Grenada
GE GEO Georgia
GF GUF French Guiana
GG GGY Guernsey
GH GHA Ghana
GI GIB Gibraltar
GL GRL Greenland
GM GMB Gambia
GN GIN Guinea
GP GLP Guadeloupe
GQ GNQ Equatorial Guinea
GR GRC Greece|Hellas|EL
GS SGS South Georgia and the South Sandwich Islands
GT GTM Guatemala
GU GUM Guam
GW GNB Guinea-Bissau
GY GUY Guyana
HK HKG Hong Kong
HM HMD Heard Island and McDonald Islands
HN HND Honduras
HR HRV Croatia|Hrvatska
HT HTI Haiti
HU HUN Hungary|Magyarország
ID IDN Indonesia
IE IRL Ireland|Éire|Republic of Ireland
IL ISR Israel
IM IMN Isle of Man
IN IND India
IO IOT British Indian Ocean Territory
IQ IRQ Iraq
IR IRN Iran
IS ISL Iceland|Ísland
IT ITA Italy|Italia
JE JEY Jersey
JM JAM Jamaica
JO JOR Jordan
JP JPN Japan
KE KEN Kenya
KG KGZ Kyrgyzstan
KH KHM Cambodia
KI KIR Kiribati
KM COM Comoros
KN KNA Saint Kitts and Nevis
KP PRK North Korea|Democratic People's Republic of Korea
KR KOR South Korea|Korea|Republic of Korea
KW KWT Kuwait
KY CYM Cayman Islands
KZ KAZ Kazakhstan
LA LAO Laos|Lao People's Democratic Republic
LB LBN Lebanon
LC LCA Saint Lucia
LI LIE Liechtenstein
LK LKA Sri Lanka
LR LBR Liberia
LS LSO Lesotho
LT LTU Lithuania
LU LUX Luxembourg
LV LVA Latvia
LY LBY Libya
MA MAR Morocco
MC MCO Monaco
MD MDA Moldova
ME MNE Montenegro
MF MAF Saint Martin|Saint Martin (French part)
MG MDG Madagascar
MH MHL Marshall Islands
MK MKD North Macedonia|Macedonia
ML MLI Mali
MM MMR Myanmar|Burma
MN MNG Mongolia
MO MAC Macao|Macau
MP MNP Northern Mariana Islands
MQ MTQ Martinique
MR MRT Mauritania
MS MSR Montserrat
MT MLT Malta
MU MUS Mauritius
MV MDV Maldives
MW MWI Malawi
MX MEX Mexico
MY MYS Malaysia
MZ MOZ Mozambique
NA NAM Namibia
NC NCL New Caledonia
NE NER Niger
NF NFK Norfolk Island
NG NGA Nigeria
NI NIC Nicaragua
NL NLD Netherlands|The Netherlands|Holland|Nederland
NO NOR Norway|Norge
NP NPL Nepal
NR NRU Nauru
NU NIU Niue
NZ NZL New Zealand
OM OMN Oman
PA PAN Panama
PE PER Peru
PF PYF French Polynesia
PG PNG Papua New Guinea
PH PHL Philippines
PK PAK Pakistan
PL POL Poland|Polska
PM SPM Saint Pierre and Miquelon
PN PCN Pitcairn|Pitcairn Islands
PR PRI Puerto Rico
PS PSE Palestine|State of Palestine
PT PRT Portugal
PW PLW Palau
PY PRY Paraguay
QA QAT Qatar
RE REU Réunion
RO ROU Romania
RS SRB Serbia
RU RUS Russia|Russian Federation
RW RWA Rwanda
SA SAU Saudi Arabia
SB SLB Solomon Islands
SC SYC Seychelles
SD SDN Sudan
SE SWE Sweden|Sverige
SG SGP Singapore
SH SHN Saint Helena, Ascension and Tristan da Cunha|Saint Helena
SI SVN Slovenia
SJ SJM Svalbard and Jan Mayen
SK SVK Slovakia
SL SLE Sierra Leone
SM SMR San Marino
SN SEN Senegal
SO SOM Somalia
SR SUR Suriname
SS SSD South Sudan
ST STP Sao Tome and Principe
SV SLV El Salvador
SX SXM Sint Maarten|Sint Maarten (Dutch part)
SY SYR Syria|Syrian Arab Republic
SZ SWZ Eswatini|Swaziland
TC TCA Turks and Caicos Islands
TD TCD Chad
TF ATF French Southern Territories
TG TGO Togo
TH THA Thailand
TJ TJK Tajikistan
TK TKL Tokelau
TL TLS Timor-Leste|East Timor
TM TKM Turkmenistan
TN TUN Tunisia
TO TON Tonga
TR TUR Türkiye|Turkey
TT TTO Trinidad and Tobago
TV TUV Tuvalu
TW TWN Taiwan
TZ TZA Tanzania
UA UKR Ukraine
UG UGA Uganda
UM UMI United States Minor Outlying Islands
US USA United States|United States of America|US|U.S.|U.S.A.|America
UY URY Uruguay
UZ UZB Uzbekistan
VA VAT Holy See|Vatican|Vatican City
VC VCT Saint Vincent and the Grenadines
VE VEN Venezuela
VG VGB British Virgin Islands|Virgin Islands (British)
VI VIR United States Virgin Islands|US Virgin Islands|Virgin Islands (U.S.)
VN VNM Viet Nam|Vietnam
VU VUT Vanuatu
WF WLF Wallis and Futuna
WS WSM Samoa
YE YEM Yemen
YT MYT Mayotte
ZA ZAF South Africa
ZM ZMB Zambia
ZW ZWE Zimbabwe
"""


@functools.cache
def _countries() -> dict[str, str]:
    return {
        fold(name): code
        for line in _COUNTRIES.strip().splitlines()
        for code, alpha3, names in [line.split(" ", 2)]
        for name in (alpha3, *names.split("|"))
    }


# ISO 3166-2 subdivisions privacy laws are written for: the US states and the Canadian provinces and territories.
_SUBDIVISION_NAMES: Final = """
US-AL Alabama|US-AK Alaska|US-AZ Arizona|US-AR Arkansas|US-CA California|US-CO Colorado|US-CT Connecticut
US-DE Delaware|US-DC District of Columbia|US-FL Florida|US-GA Georgia|US-HI Hawaii|US-ID Idaho|US-IL Illinois
US-IN Indiana|US-IA Iowa|US-KS Kansas|US-KY Kentucky|US-LA Louisiana|US-ME Maine|US-MD Maryland
US-MA Massachusetts|US-MI Michigan|US-MN Minnesota|US-MS Mississippi|US-MO Missouri|US-MT Montana
US-NE Nebraska|US-NV Nevada|US-NH New Hampshire|US-NJ New Jersey|US-NM New Mexico|US-NY New York
US-NC North Carolina|US-ND North Dakota|US-OH Ohio|US-OK Oklahoma|US-OR Oregon|US-PA Pennsylvania
US-RI Rhode Island|US-SC South Carolina|US-SD South Dakota|US-TN Tennessee|US-TX Texas|US-UT Utah
US-VT Vermont|US-VA Virginia|US-WA Washington|US-WV West Virginia|US-WI Wisconsin|US-WY Wyoming
CA-AB Alberta|CA-BC British Columbia|CA-MB Manitoba|CA-NB New Brunswick|CA-NL Newfoundland and Labrador
CA-NS Nova Scotia|CA-NT Northwest Territories|CA-NU Nunavut|CA-ON Ontario|CA-PE Prince Edward Island
CA-QC Quebec|CA-SK Saskatchewan|CA-YT Yukon
"""


@functools.cache
def _subdivisions() -> dict[str, str]:
    return {
        fold(name): code
        for entry in _SUBDIVISION_NAMES.replace("\n", "|").split("|")
        if entry.strip()
        for code, name in [entry.strip().split(" ", 1)]
    }


_REGIONS: Final = {
    "european union": "EU",
    "e u": "EU",
    "europe": "EU",
    "european economic area": "EEA",
    "e e a": "EEA",
    "world": "WORLD",
    "worldwide": "WORLD",
    "global": "WORLD",
    "globally": "WORLD",
    "international": "WORLD",
    "all countries": "WORLD",
}


# BCP 47 primary subtags of the languages privacy policies are most often written in, by English and own name.
_LANGUAGE_NAMES: Final = {
    "ar": "Arabic|العربية",
    "cs": "Czech|Čeština",
    "da": "Danish|Dansk",
    "de": "German|Deutsch",
    "el": "Greek|Ελληνικά",
    "en": "English",
    "es": "Spanish|Español|Castellano",
    "fi": "Finnish|Suomi",
    "fr": "French|Français",
    "he": "Hebrew|עברית",
    "hi": "Hindi|हिन्दी",
    "hu": "Hungarian|Magyar",
    "it": "Italian|Italiano",
    "ja": "Japanese|日本語",
    "ko": "Korean|한국어",
    "nl": "Dutch|Nederlands",
    "no": "Norwegian|Norsk",
    "pl": "Polish|Polski",
    "pt": "Portuguese|Português",
    "ro": "Romanian|Română",
    "ru": "Russian|Русский",
    "sv": "Swedish|Svenska",
    "tr": "Turkish|Türkçe",
    "uk": "Ukrainian|Українська",
    "zh": "Chinese|中文",
}


@functools.cache
def _languages() -> dict[str, str]:
    return {fold(name): tag for tag, names in _LANGUAGE_NAMES.items() for name in names.split("|")}
