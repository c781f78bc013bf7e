"""TILT in and out: :func:`to_tilt` writes a TILT document, :func:`from_tilt` reads one.

TILT (the Transparency Information Language and Toolkit) is a JSON Schema for
the transparency information of GDPR Art. 13 and 14. Its unit is the data
category: each ``dataDisclosed`` item names one category with its purposes,
legal bases, recipients, storage and the consequences of not providing it.

Writing
-------
One ``dataDisclosed`` item is written per data category, carrying every
purpose, legal basis, recipient and retention statement the policy links to
that category (through processing statements, or the ``data`` and ``purposes``
of the statements themselves). Statements linked to no category go into one
more item whose ``_id`` is ``privacymodel-unlinked`` and whose category is
``personal-data`` ("personal data, category not stated").

TILT requires fields a policy may not state. They are filled as TILT's own
template does, with empty text, and where empty text is not valid, with a
value that is recognisably no value:

* text fields (``controller.address``, ``dataProtectionOfficer.name``, ...): ``""``;
* country codes: ``ZZ``, the ISO 3166-1 user-assigned code for an unknown country;
* email addresses: ``not-stated@not-stated.invalid`` (``.invalid`` is reserved by
  RFC 2606 for names that are sure to be invalid);
* booleans that TILT requires and gives a default (``nonDisclosure``,
  ``publiclyAvailable``): TILT's default, ``false``; ``accessAndDataPortability``
  is ``available: false`` when the policy states no right to portability;
* ``meta``: ``name`` is the first controller's name, ``created`` and
  ``modified`` are the policy's dates (the date of export when it states none),
  ``version`` is the policy's version when it is a whole number and otherwise 1,
  ``language`` is the policy's language, or TILT's default ``en`` when it states
  none, ``status`` is ``active``, ``_id`` is a UUID derived from the policy's URL
  (or title), and ``_hash`` is the SHA-256 of the document written with sorted
  keys, no spaces and ``_hash`` empty.

Reading a TILT document back recognises every one of these placeholders as
"not stated". Everything a policy states that TILT cannot hold is reported as a
PM404 warning; the placeholders written are reported as PM405.

Reading
-------
TILT documents as people write them: ``null``, ``""``, ``[]`` and ``{}`` mean
"not stated"; legal-basis references are read in TILT's form (``GDPR-6-1-a``,
``DSGVO-6-1-b``) and in prose (``Art. 6(1)(f) GDPR``, ``Artikel 6 Absatz 1
Buchstabe b DSGVO``, ``article 6, paragraphe 1, point a) du RGPD``); durations
such as ``P72H`` are read as meant (``PT72H``); categories, purposes and
recipient categories that match no vocabulary term become ``x-`` custom terms
with the original text kept in ``description``. Every field that cannot be
carried over is reported as PM402, every value repaired as PM403.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
import uuid
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final, TypeVar

import attrs

from ._api import structure, unstructure
from ._errors import PolicyError, Problem, format_path, kind_of, shown
from ._fields import FORMATS
from ._lost import left_out
from ._model import ContactPoint, DataCategory, PostalAddress, PrivacyPolicy, Right
from ._vocab import (
    CustomTerm,
    DataCategoryTerm,
    DataSource,
    LawTerm,
    LegalBasisTerm,
    PurposeTerm,
    RecipientKind,
    RightKind,
    TransferMechanism,
    Vocabulary,
)

__all__ = ["NOT_STATED_EMAIL", "TILT_KEYS", "UNKNOWN_COUNTRY", "UNLINKED_ID", "from_tilt", "to_tilt"]

TILT_KEYS: Final = (
    "meta",
    "controller",
    "dataProtectionOfficer",
    "dataDisclosed",
    "thirdCountryTransfers",
    "accessAndDataPortability",
    "sources",
    "rightToInformation",
    "rightToRectificationOrDeletion",
    "rightToDataPortability",
    "rightToWithdrawConsent",
    "rightToComplain",
    "automatedDecisionMaking",
    "changesOfPurpose",
)
"""The top-level keys of a TILT document, in TILT's order (all required by its schema)."""

NOT_STATED_EMAIL: Final = "not-stated@not-stated.invalid"
"""Written where TILT requires an email address the policy does not state."""
UNKNOWN_COUNTRY: Final = "ZZ"
"""Written where TILT requires a country code the policy does not state."""
UNLINKED_ID: Final = "privacymodel-unlinked"
"""The ``_id`` of the ``dataDisclosed`` item holding statements linked to no data category."""

# ISO 639-1 codes, the languages TILT's meta.language accepts.
_LANGUAGE_CODES: Final = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el "
    "en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja "
    "jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd "
    "ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss "
    "st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
)
_LANGUAGES: Final = frozenset(_LANGUAGE_CODES.split())
_TILT_PHONE: Final = re.compile(r"^[+]*[(]{0,1}[0-9]{1,4}[)]{0,1}[-\s\./0-9]*$")
_FEE: Final = re.compile(r"^([0-9]+(?:\.[0-9]+)?) ([A-Z]{3})$")

# TILT's rights, and the rights of the model each holds.
_RIGHT_SLOTS: Final[dict[str, tuple[RightKind, ...]]] = {
    "rightToInformation": (RightKind.ACCESS,),
    "rightToRectificationOrDeletion": (RightKind.RECTIFICATION, RightKind.ERASURE),
    "rightToDataPortability": (RightKind.PORTABILITY,),
    "rightToWithdrawConsent": (RightKind.WITHDRAW_CONSENT,),
    "rightToComplain": (RightKind.COMPLAINT,),
}
_PORTABILITY_SLOT: Final = "accessAndDataPortability"  # TILT: "subject to the requirements of Art. 20"

# Transfer mechanisms by the TILT object that holds them.
_TRANSFER_SLOTS: Final[dict[str, tuple[TransferMechanism, ...]]] = {
    "adequacyDecision": (
        TransferMechanism.ADEQUACY,
        TransferMechanism.SAFE_HARBOR,
        TransferMechanism.PRIVACY_SHIELD,
        TransferMechanism.DATA_PRIVACY_FRAMEWORK,
    ),
    "standardDataProtectionClause": (TransferMechanism.SCC_COMMISSION, TransferMechanism.SCC_SUPERVISORY_AUTHORITY),
    "appropriateGuarantees": (
        TransferMechanism.LEGAL_INSTRUMENT,
        TransferMechanism.BINDING_CORPORATE_RULES,
        TransferMechanism.CODE_OF_CONDUCT,
        TransferMechanism.CERTIFICATION,
        TransferMechanism.AD_HOC_CLAUSES,
        TransferMechanism.ADMINISTRATIVE_ARRANGEMENTS,
    ),
}
_SLOT_DEFAULT_MECHANISM: Final = {
    "adequacyDecision": TransferMechanism.ADEQUACY,
    "standardDataProtectionClause": TransferMechanism.SCC_COMMISSION,
}

# Legal-basis references: law names as they appear in references and prose.
_GDPR_NAMES: Final = ("GDPR", "DSGVO", "DS-GVO", "RGPD", "AVG", "RODO", "GDPR-EU", "EU-GDPR", "EUGDPR", "2016/679")
_LAW_CODES: Final[dict[str, LawTerm]] = {
    **{name.replace("-", ""): LawTerm.GDPR for name in _GDPR_NAMES if "/" not in name},
    "UKGDPR": LawTerm.UK_GDPR,
    "CCPA": LawTerm.CCPA,
    "CPRA": LawTerm.CPRA,
    "COPPA": LawTerm.COPPA,
    "PIPEDA": LawTerm.PIPEDA,
    "LGPD": LawTerm.LGPD,
    "FADP": LawTerm.SWISS_FADP,
    "DSG": LawTerm.SWISS_FADP,
    **{re.sub(r"[^A-Z]", "", law.value.upper()): law for law in LawTerm},  # as to_tilt writes them
}
_BASIS_PREFIX: Final = re.compile(
    r"^(A[0-9]-[0-9]-[a-z][a-z-]*|[a-z]+(?:-[a-z]+)*|x-[A-Za-z0-9][A-Za-z0-9._-]*)"
    r"(?: \((x-[A-Za-z0-9][A-Za-z0-9._-]*)\))?(?:: (.*))?$",
    re.DOTALL,
)
_REFERENCE_OF_LAW: Final = {LawTerm.GDPR: "GDPR", LawTerm.UK_GDPR: "UKGDPR"}
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

_AS_LONG_AS_NECESSARY: Final = "as long as necessary for the purposes"
_LEGAL_REQUIREMENT: Final = "longer where the law requires"

T = TypeVar("T")


# --- shared helpers -----------------------------------------------------------


def _address_text(address: PostalAddress | None) -> str:
    if address is None:
        return ""
    parts = (address.organisation, *(address.lines or ()), address.locality, address.region, address.postal_code)
    return ", ".join(part for part in parts if part)


def _entry(entry_id: str, **values: Any) -> dict[str, Any]:
    """A plain-data item with an id and the values that are set."""
    return {"id": entry_id, **{key: value for key, value in values.items() if value is not None and value != ""}}


def _unique(values: Iterable[T]) -> list[T]:
    return list(dict.fromkeys(values))


def _norm(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: the key terms are matched by."""
    for letter, spelled in (("ß", "ss"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
        text = text.replace(letter, spelled)
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded.lower()).split())


def _slug(text: str) -> str | None:
    """A custom term from free text (``x-newsletter-dispatch``), or None when nothing of it is ASCII."""
    words = _norm(text).split()
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 48:
            break
        slug = f"{slug}-{word}" if slug else word
    if not slug and words:
        slug = words[0][:48]
    return f"x-{slug}" if slug else None


# --- writing ---------------------------------------------------------------------

# Fields of the plain policy that the TILT document carries (see the module docs for how).
_CARRIED: Final = (
    "privacymodel",
    "document.url",
    "document.language",
    "document.version",
    "document.effective_date",
    "document.last_updated",
    "document.retrieved_on",
    "controllers[*].id",
    "controllers[*].name",
    "controllers[*].address",
    "representative.id",
    "representative.name",
    "representative.contacts[*].email",
    "representative.contacts[*].phone",
    "dpo.name",
    "dpo.contacts[*].email",
    "dpo.contacts[*].phone",
    "dpo.contacts[*].address",
    "supervisory_authority.id",
    "supervisory_authority.name",
    "supervisory_authority.address",
    "supervisory_authority.contacts[*].email",
    "supervisory_authority.contacts[*].phone",
    "data_categories[*].id",
    "data_categories[*].term",
    "data_categories[*].sources",
    "provision_requirements[*].required",
    "provision_requirements[*].statutory",
    "provision_requirements[*].contractual",
    "provision_requirements[*].data",
    "provision_requirements[*].consequences",
    "purposes[*].id",
    "purposes[*].term",
    "purposes[*].description",
    "legal_bases[*].id",
    "legal_bases[*].basis",
    "legal_bases[*].law",
    "legal_bases[*].purposes",
    "legal_bases[*].data",
    "legal_bases[*].description",
    "processing[*].id",
    "processing[*].data",
    "processing[*].purposes",
    "processing[*].legal_bases",
    "processing[*].recipients",
    "processing[*].retention",
    "recipients[*].id",
    "recipients[*].name",
    "recipients[*].kind",
    "recipients[*].data",
    "recipients[*].purposes",
    "retention[*].id",
    "retention[*].data",
    "retention[*].purposes",
    "retention[*].period",
    "retention[*].until",
    "retention[*].as_long_as_necessary",
    "retention[*].legal_requirement",
    "retention[*].criteria",
    "retention[*].description",
    "rights[*].id",
    "rights[*].kind",
    "rights[*].description",
    "rights[*].how",
    "rights[*].contacts",
    "rights[*].fee",
    "transfers[*].id",
    "transfers[*].destinations",
    "transfers[*].mechanisms",
    "automated_decision_making.used",
    "automated_decision_making.logic",
    "automated_decision_making.consequences",
)
_WHY_NOT: Final = {
    "document.title": "TILT has no title (meta.name is the controller's name)",
    "cookies": "TILT has no cookies or other trackers",
    "children": "TILT has nothing on children",
    "do_not_track": "TILT has no Do Not Track",
    "security": "TILT has no security measures",
    "certifications": "TILT has no certifications",
    "sale_of_data": "TILT has no sale of data",
    "policy_changes": "TILT's changesOfPurpose is about planned changes of purpose, not how changes are announced",
    "choices": "TILT has no choices or opt-outs",
    "laws": "TILT has no list of laws",
    "data_categories[*].special_category": "TILT does not mark special categories (GDPR Art. 9)",
    "recipients[*].role": "TILT recipients have no role",
    "transfers[*].recipients": "TILT transfers name a country only",
    "transfers[*].data": "TILT transfers name a country only",
    "transfers[*].description": "TILT describes each mechanism, not the transfer",
    "automated_decision_making.profiling": "TILT has no separate profiling flag",
    "section": "TILT does not say where in the policy a statement is",
}
_WHOLE: Final = (
    "cookies",
    "children",
    "do_not_track",
    "security",
    "certifications",
    "sale_of_data",
    "policy_changes",
    "choices",
    "laws",
)
_FEE_REASON: Final = "TILT has a fee only for portability, as an amount and a currency (such as '10 EUR')"
_WHY_DEFAULT: Final = "TILT has no field for it"


class _Links:
    """What the policy links to one data category."""

    def __init__(self) -> None:
        self.purposes: list[str] = []
        self.bases: list[str] = []
        self.recipients: list[str] = []
        self.retention: list[str] = []


class _TiltWriter:
    def __init__(self, policy: PrivacyPolicy, today: dt.date) -> None:
        self.policy = policy
        self.today = today
        self.notes: list[Problem] = []
        self.said: set[int] = set()  # provision requirements already noted
        self.contacts: dict[str, ContactPoint] = {}
        for party in (*policy.controllers, policy.representative, policy.supervisory_authority):
            for contact in (party.contacts or ()) if party is not None else ():
                if contact.id is not None:
                    self.contacts[contact.id] = contact
        for contact in (policy.dpo.contacts or ()) if policy.dpo is not None else ():
            if contact.id is not None:
                self.contacts[contact.id] = contact

    def lost(self, path: tuple[str | int, ...], message: str) -> None:
        self.notes.append(Problem(code="PM404", severity="warning", message=message, path=format_path(path)))

    def placeholder(self, tilt_field: str, value: object, path: tuple[str | int, ...]) -> None:
        self.notes.append(
            Problem(
                code="PM405",
                severity="warning",
                message=f"TILT requires {tilt_field}, which the policy does not state; wrote {shown(value)}",
                path=format_path(path),
            )
        )

    # The document.

    def document(self) -> dict[str, Any]:
        policy = self.policy
        doc: dict[str, Any] = {
            "meta": self.meta(),
            "controller": self.controller(),
            "dataProtectionOfficer": self.dpo(),
            "dataDisclosed": self.data_disclosed(),
            "thirdCountryTransfers": self.transfers(),
            "accessAndDataPortability": self.portability(),
            "sources": self.sources(),
        }
        for slot, kinds in _RIGHT_SLOTS.items():
            doc[slot] = self.right_slot(slot, kinds)
        held = {kind for kinds in _RIGHT_SLOTS.values() for kind in kinds}
        other: dict[str, list[int]] = {}
        for index, right in enumerate(policy.rights or ()):
            if right.kind not in held:
                other.setdefault(str(right.kind), []).append(index)
        for kind, indexes in other.items():
            self.lost(("rights", indexes[0], "kind"), f"TILT has no right {kind!r}")
        doc["automatedDecisionMaking"] = self.automated_decisions()
        doc["changesOfPurpose"] = []
        self.notes += left_out(unstructure(policy), _CARRIED, "TILT", {**_WHY_NOT, "": _WHY_DEFAULT}, _WHOLE)
        canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        doc["meta"]["_hash"] = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        return doc

    def meta(self) -> dict[str, Any]:
        document = self.policy.document
        stated = [document.effective_date, document.last_updated, document.retrieved_on]
        created = next((d for d in stated if d is not None), None)
        modified = next((d for d in (document.last_updated, document.effective_date, document.retrieved_on) if d), None)
        if created is None:
            self.placeholder("meta.created and meta.modified", self.today.isoformat(), ("document",))
        language = (document.language or "").split("-")[0].lower()
        if language not in _LANGUAGES:
            language = "en"
            self.placeholder("meta.language", language, ("document", "language"))
        stated_version = document.version or ""
        version = int(stated_version) if re.fullmatch(r"0*[1-9][0-9]{0,8}", stated_version) else 1
        return {
            "_id": str(uuid.uuid5(uuid.NAMESPACE_URL, document.url or f"urn:privacymodel:policy:{document.title}")),
            "name": self.policy.controllers[0].name,
            "created": (created or self.today).isoformat(),
            "modified": (modified or self.today).isoformat(),
            "version": version,
            "language": language,
            "status": "active",
            "url": document.url or "",
            "_hash": "",
        }

    def email(self, contacts: Iterable[ContactPoint], tilt_field: str, path: tuple[str | int, ...]) -> str:
        email = next((c.email for c in contacts if c.email), None)
        if email is None:
            self.placeholder(tilt_field, NOT_STATED_EMAIL, path)
            return NOT_STATED_EMAIL
        return email

    def phone(self, contacts: Iterable[ContactPoint], path: tuple[str | int, ...]) -> dict[str, str]:
        phone = next((c.phone for c in contacts if c.phone), None)
        if phone is None:
            return {}
        if not _TILT_PHONE.match(phone):
            self.lost(path, f"the phone number {phone!r} does not fit TILT's pattern for phone numbers")
            return {}
        return {"phone": phone}

    def country(self, address: PostalAddress | None, tilt_field: str, path: tuple[str | int, ...]) -> str:
        if address is not None and address.country:
            return address.country
        self.placeholder(tilt_field, UNKNOWN_COUNTRY, path)
        return UNKNOWN_COUNTRY

    def controller(self) -> dict[str, Any]:
        policy = self.policy
        first = policy.controllers[0]
        for index, other in enumerate(policy.controllers[1:], start=1):
            self.lost(("controllers", index), f"TILT names one controller; {other.name!r} is left out")
        representative: dict[str, Any]
        if policy.representative is None:
            self.placeholder("controller.representative", "no name, no email", ("representative",))
            representative = {"name": "", "email": NOT_STATED_EMAIL}
        else:
            contacts = policy.representative.contacts or ()
            path = ("representative", "contacts")
            representative = {
                "name": policy.representative.name,
                "email": self.email(contacts, "controller.representative.email", path),
                **self.phone(contacts, path),
            }
        if first.address is None:
            self.placeholder("controller.address", "", ("controllers", 0, "address"))
        return {
            "name": first.name,
            "address": _address_text(first.address),
            "country": self.country(first.address, "controller.country", ("controllers", 0, "address", "country")),
            "representative": representative,
        }

    def dpo(self) -> dict[str, Any]:
        dpo = self.policy.dpo
        if dpo is None:
            self.placeholder("dataProtectionOfficer", "no name, address or email", ("dpo",))
            return {"name": "", "address": "", "country": UNKNOWN_COUNTRY, "email": NOT_STATED_EMAIL}
        contacts = dpo.contacts or ()
        address = next((c.address for c in contacts if c.address is not None), None)
        return {
            "name": dpo.name or "",
            "address": _address_text(address),
            "country": self.country(address, "dataProtectionOfficer.country", ("dpo", "contacts")),
            "email": self.email(contacts, "dataProtectionOfficer.email", ("dpo", "contacts")),
            **self.phone(contacts, ("dpo", "contacts")),
        }

    # dataDisclosed.

    def links(self) -> tuple[dict[str, _Links], _Links]:
        """What is linked to each data category, and what is linked to none."""
        policy = self.policy
        cats: dict[str, _Links] = {c.id: _Links() for c in policy.data_categories or ()}
        unlinked = _Links()

        def add(ids: Iterable[str] | None, attr: str, values: Iterable[str] | None) -> None:
            for cat in ids or ():
                if cat in cats:
                    getattr(cats[cat], attr).extend(values or ())

        for item in policy.processing or ():
            if item.data:
                add(item.data, "purposes", item.purposes)
                add(item.data, "bases", item.legal_bases)
                add(item.data, "recipients", item.recipients)
                add(item.data, "retention", item.retention)
            else:
                unlinked.purposes += item.purposes or ()
                unlinked.bases += item.legal_bases or ()
                unlinked.recipients += item.recipients or ()
                unlinked.retention += item.retention or ()
        for basis in policy.legal_bases or ():
            add(basis.data, "bases", [basis.id])
            add(basis.data, "purposes", basis.purposes)
        for recipient in policy.recipients or ():
            add(recipient.data, "recipients", [recipient.id])
            add(recipient.data, "purposes", recipient.purposes)
        for cookie in policy.cookies or ():
            add(cookie.data, "purposes", cookie.purposes)
            add(cookie.data, "recipients", [cookie.provider] if cookie.provider else None)
        for retention in policy.retention or ():
            add(retention.data, "retention", [retention.id])

        def by_purpose(purposes: tuple[str, ...], attr: str, value: str) -> bool:
            hit = False
            for links in cats.values():
                if set(purposes) & set(links.purposes):
                    getattr(links, attr).append(value)
                    hit = True
            return hit

        for basis in policy.legal_bases or ():
            if not basis.data and not (basis.purposes and by_purpose(basis.purposes, "bases", basis.id)):
                unlinked.bases.append(basis.id)
                unlinked.purposes += basis.purposes or ()
        for recipient in policy.recipients or ():
            if not recipient.data and not (recipient.purposes and by_purpose(recipient.purposes, "recipients", recipient.id)):
                unlinked.recipients.append(recipient.id)
                unlinked.purposes += recipient.purposes or ()
        for retention in policy.retention or ():
            if retention.data:
                continue
            if retention.purposes:
                if not by_purpose(retention.purposes, "retention", retention.id):
                    unlinked.retention.append(retention.id)
            elif cats:
                for links in cats.values():
                    links.retention.append(retention.id)
            else:
                unlinked.retention.append(retention.id)
        linked = {p for links in cats.values() for p in links.purposes}
        unlinked.purposes += [p.id for p in policy.purposes or () if p.id not in linked]
        # Statements linked through processing are linked, whatever else says.
        for attr in ("bases", "recipients", "retention", "purposes"):
            used = {v for links in cats.values() for v in getattr(links, attr)}
            setattr(unlinked, attr, [v for v in _unique(getattr(unlinked, attr)) if v not in used])
        for links in cats.values():
            for attr in ("bases", "recipients", "retention", "purposes"):
                setattr(links, attr, _unique(getattr(links, attr)))
        return cats, unlinked

    def data_disclosed(self) -> list[dict[str, Any]]:
        policy = self.policy
        purposes = {p.id: p for p in policy.purposes or ()}
        bases = {b.id: b for b in policy.legal_bases or ()}
        recipients = {r.id: r for r in policy.recipients or ()}
        retention = {r.id: r for r in policy.retention or ()}
        cats, unlinked = self.links()
        for index, basis in enumerate(policy.legal_bases or ()):
            if basis.legitimate_interests and not _is_legitimate_interests(basis.basis):
                self.lost(
                    ("legal_bases", index, "legitimate_interests"),
                    "TILT states legitimate interests only with a legitimate-interests basis",
                )
        for index, kept in enumerate(policy.retention or ()):
            if kept.description and not kept.period:
                self.lost(
                    ("retention", index, "description"), "TILT describes a retention period only together with its duration"
                )

        def item(_id: str, category: str, links: _Links, requirement: dict[str, Any]) -> dict[str, Any]:
            chosen_bases = [bases[b] for b in links.bases]
            written: dict[str, Any] = {
                "_id": _id,
                "category": category,
                "purposes": [
                    {"purpose": str(purposes[p].term), "description": purposes[p].description or ""} for p in links.purposes
                ],
                "legalBases": [_basis_out(b.basis, b.law, b.description) for b in chosen_bases],
                "legitimateInterests": [
                    {"exists": True, "reasoning": b.legitimate_interests or ""}
                    for b in chosen_bases
                    if _is_legitimate_interests(b.basis)
                ],
                "recipients": [
                    {**({"name": recipients[r].name} if recipients[r].name else {}), "category": str(recipients[r].kind or "")}
                    for r in links.recipients
                ],
                "storage": [
                    s for s in (self.storage(retention[r]) for r in links.retention) if s["temporal"] or s["purposeConditional"]
                ],
                "nonDisclosure": requirement,
            }
            for key in _LINKED_LISTS:  # statements written alike are one statement in TILT
                written[key] = [entry for i, entry in enumerate(written[key]) if entry not in written[key][:i]]
            return written

        out = [
            item(category.id, str(category.term), cats[category.id], self.non_disclosure(category))
            for category in policy.data_categories or ()
        ]
        rest = item(UNLINKED_ID, str(DataCategoryTerm.PERSONAL_DATA), unlinked, _NO_REQUIREMENT)
        # TILT cannot tell apart two statements written alike: one linked elsewhere covers its twin here.
        for key in _LINKED_LISTS:
            rest[key] = [entry for entry in rest[key] if not any(entry in other[key] for other in out)]
        if any(rest[key] for key in _LINKED_LISTS):
            out.append(rest)
        return out

    def storage(self, retention: Any) -> dict[str, Any]:
        conditions = []
        if retention.until:
            conditions.append(f"until {retention.until}")
        if retention.as_long_as_necessary:
            conditions.append(_AS_LONG_AS_NECESSARY)
        if retention.legal_requirement:
            conditions.append(_LEGAL_REQUIREMENT)
        if retention.criteria:
            conditions.append(retention.criteria)
        temporal = (
            [{"description": retention.description or "", "ttl": _tilt_duration(retention.period)}] if retention.period else []
        )
        return {"temporal": temporal, "purposeConditional": conditions, "legalBasisConditional": [], "aggregationFunction": "max"}

    def non_disclosure(self, category: DataCategory) -> dict[str, Any]:
        for index, req in enumerate(self.policy.provision_requirements or ()):
            if req.data is None or category.id in req.data:
                if not (req.required or req.statutory or req.contractual or req.consequences):
                    if (req.required, req.statutory, req.contractual) != (None, None, None) and index not in self.said:
                        self.said.add(index)
                        self.lost(
                            ("provision_requirements", index),
                            "TILT cannot tell 'not required' from 'not stated' (both are false)",
                        )
                    continue
                return {
                    "legalRequirement": bool(req.statutory),
                    "contractualRegulation": bool(req.contractual),
                    "obligationToProvide": bool(req.required),
                    "consequences": req.consequences or "",
                }
        return _NO_REQUIREMENT

    # Transfers, sources, rights.

    def transfers(self) -> list[dict[str, Any]]:
        out = []
        for index, transfer in enumerate(self.policy.transfers or ()):
            slots: dict[str, list[str]] = {}
            for m_index, mechanism in enumerate(transfer.mechanisms or ()):
                slot = next((s for s, members in _TRANSFER_SLOTS.items() if mechanism in members), None)
                if slot is None:
                    self.lost(
                        ("transfers", index, "mechanisms", m_index),
                        f"TILT has no place for the transfer mechanism {str(mechanism)!r} (only adequacy, "
                        "standard clauses and appropriate guarantees)",
                    )
                    continue
                slots.setdefault(slot, []).append(str(mechanism))
            body = {slot: {"available": True, "description": ", ".join(_unique(names))} for slot, names in slots.items()}
            if not transfer.destinations and not body:
                self.lost(("transfers", index), "a transfer with no destination and no mechanism TILT holds is left out")
            out += [
                {**({"country": country} if country else {}), **body}
                for country in transfer.destinations or ((None,) if body else ())
            ]
        return out

    def sources(self) -> list[dict[str, Any]]:
        out = []
        others: dict[str, list[int]] = {}
        for index, category in enumerate(self.policy.data_categories or ()):
            for source in category.sources or ():
                if source not in (DataSource.THIRD_PARTY, DataSource.PUBLIC):
                    others.setdefault(source.value, []).append(index)
            found = [
                {"description": source.description, "url": "", "publiclyAvailable": source is DataSource.PUBLIC}
                for source in _unique(category.sources or ())
                if source in (DataSource.THIRD_PARTY, DataSource.PUBLIC)
            ]
            if found:
                out.append({"_id": category.id, "dataCategory": str(category.term), "sources": found})
        for name, indexes in others.items():
            count = f" ({len(indexes)} categories)" if len(indexes) > 1 else ""
            self.lost(
                ("data_categories", indexes[0], "sources"),
                f"the source {name!r}{count}: not carried over to TILT; its sources hold only data obtained "
                "from third parties or public sources (GDPR Art. 14)",
            )
        return out

    def rights_of(self, kinds: tuple[RightKind, ...]) -> list[Right]:
        return [right for right in self.policy.rights or () if right.kind in kinds]

    def right_body(self, rights: list[Right]) -> dict[str, Any]:
        texts = _unique(text for right in rights for text in (right.description, right.how) if text)
        contacts = [self.contacts[c] for right in rights for c in right.contacts or () if c in self.contacts]
        body: dict[str, Any] = {"available": True, "description": "; ".join(texts)}
        url = next((c.url for c in contacts if c.url), None)
        email = next((c.email for c in contacts if c.email), None)
        if url:
            body["url"] = url
        if email:
            body["email"] = email
        return body

    def right_slot(self, slot: str, kinds: tuple[RightKind, ...]) -> dict[str, Any]:
        rights = self.rights_of(kinds)
        if not rights:
            return {}
        body = self.right_body(rights)
        if slot == "rightToComplain":
            authority = self.policy.supervisory_authority
            if authority is None:
                self.placeholder("rightToComplain.supervisoryAuthority.name", "", ("supervisory_authority",))
                body["supervisoryAuthority"] = {"name": ""}
            else:
                contacts = authority.contacts or ()
                found: dict[str, Any] = {"name": authority.name}
                if authority.address is not None:
                    found["address"] = _address_text(authority.address)
                    if authority.address.country:
                        found["country"] = authority.address.country
                email = next((c.email for c in contacts if c.email), None)
                if email:
                    found["email"] = email
                body["supervisoryAuthority"] = {**found, **self.phone(contacts, ("supervisory_authority", "contacts"))}
        return body

    def portability(self) -> dict[str, Any]:
        rights = self.rights_of((RightKind.PORTABILITY,))
        if not rights:
            return {"available": False}
        body = self.right_body(rights)
        for index, right in enumerate(self.policy.rights or ()):
            if right.fee is None:
                continue
            match = _FEE.match(right.fee) if right.kind is RightKind.PORTABILITY else None
            if match:
                body["administrativeFee"] = {"amount": float(match.group(1)), "currency": match.group(2)}
            else:
                self.lost(("rights", index, "fee"), _FEE_REASON)
        return body

    def automated_decisions(self) -> dict[str, Any]:
        adm = self.policy.automated_decision_making
        if adm is None:
            return {}
        out: dict[str, Any] = {}
        if adm.used is not None:
            out["inUse"] = adm.used
        if adm.logic or adm.used:
            out["logicInvolved"] = adm.logic or ""
        if adm.consequences or adm.used:
            out["scopeAndIntendedEffects"] = adm.consequences or ""
        return out


_LINKED_LISTS: Final = ("purposes", "legalBases", "legitimateInterests", "recipients", "storage")
_NO_REQUIREMENT: Final[dict[str, Any]] = {
    "legalRequirement": False,
    "contractualRegulation": False,
    "obligationToProvide": False,
    "consequences": "",
}


def _is_legitimate_interests(basis: object) -> bool:
    return isinstance(basis, LegalBasisTerm) and basis.value.startswith("A6-1-f")


def _basis_out(basis: LegalBasisTerm | CustomTerm, law: LawTerm | CustomTerm | None, description: str | None) -> dict[str, str]:
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


def _tilt_duration(period: str) -> str:
    """An ISO 8601 duration in TILT's pattern, which has no weeks: ``P2W`` -> ``P14D``."""
    weeks = re.search(r"([0-9]+)W", period)
    if weeks is None:
        return period
    days = re.search(r"([0-9]+)D", period)
    total = int(weeks.group(1)) * 7 + (int(days.group(1)) if days else 0)
    date_part, _, time_part = period[1:].partition("T")
    date_part = re.sub(r"[0-9]+[WD]", "", date_part) + f"{total}D"
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def to_tilt(policy: PrivacyPolicy, *, notes: list[Problem] | None = None, today: dt.date | None = None) -> dict[str, Any]:
    """Write ``policy`` as a TILT document (a dict ready for :func:`json.dumps`) that TILT's schema accepts.

    Fields TILT requires and the policy does not state are filled with the
    placeholders the module documentation lists, never with invented facts.
    If ``notes`` is a list, a PM404 warning is appended to it for every field
    TILT cannot hold and a PM405 warning for every placeholder written; their
    paths point into the policy. ``today`` is the date written when the policy
    states no date (default: the current date).
    """
    writer = _TiltWriter(policy, today or dt.date.today())
    document = writer.document()
    if notes is not None:
        notes.extend(writer.notes)
    return document


# --- reading ---------------------------------------------------------------------

Path = tuple[str | int, ...]


def _placeholder(value: object) -> bool:
    """Whether ``value`` stands for "not stated": null, empty or blank text, an empty list or mapping."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, dict):
        return all(_placeholder(v) for v in value.values())
    if isinstance(value, list):
        return all(_placeholder(v) for v in value)
    return False


class _Terms:
    """Find a vocabulary term for free text, by value, name, DPV label or a known synonym."""

    def __init__(self, vocabulary: type[Vocabulary], synonyms: Mapping[str, str]) -> None:
        self.vocabulary = vocabulary
        index: dict[str, Vocabulary] = {}
        for member in vocabulary:
            keys = [member.value, member.name, member.description.split(" (")[0].rstrip(".")]
            if member.iri:
                keys.append(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", member.iri.rsplit("#", 1)[1]))
            for key in keys:
                index.setdefault(_norm(key), member)
        for text, value in synonyms.items():
            index[_norm(text)] = vocabulary._value2member_map_[value]  # type: ignore[assignment]
        self.index = index

    def find(self, text: str) -> Vocabulary | None:
        key = _norm(text)
        found = self.index.get(key)
        if found is None and key.endswith("s"):
            found = self.index.get(key[:-1])
        return found


_DATA_TERMS: Final = _Terms(
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
_PURPOSE_TERMS: Final = _Terms(
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
_RECIPIENT_TERMS: Final = _Terms(
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
_MECHANISMS: Final = {m.value: m for m in TransferMechanism}


class _TiltReader:
    """Builds the plain data of a policy from a TILT document, noting what it cannot carry over."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.notes: list[Problem] = []
        self.contacts: list[dict[str, Any]] = []
        self.categories: list[dict[str, Any]] = []
        self.category_ids: dict[str, dict[str, Any]] = {}
        self.purposes: dict[tuple[str, str | None], dict[str, Any]] = {}
        self.bases: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.recipients: dict[tuple[str | None, str | None], dict[str, Any]] = {}
        self.retention: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.requirements: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.processing: list[dict[str, Any]] = []
        self.rights: dict[RightKind, dict[str, Any]] = {}

    # Notes and typed access.

    def lost(self, path: Path, message: str) -> None:
        self.notes.append(Problem(code="PM402", severity="warning", message=message, path=format_path(path)))

    def repaired(self, path: Path, message: str) -> None:
        self.notes.append(Problem(code="PM403", severity="warning", message=message, path=format_path(path)))

    def mapping(self, obj: Mapping[str, Any], key: str, path: Path) -> dict[str, Any] | None:
        value = obj.get(key)
        if _placeholder(value):
            return None
        if not isinstance(value, dict):
            self.lost((*path, key), f"expected a mapping; got {kind_of(value)}")
            return None
        return value

    def items(self, obj: Mapping[str, Any], key: str, path: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
        value = obj.get(key)
        if _placeholder(value):
            return
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list):
            self.lost((*path, key), f"expected a list; got {kind_of(value)}")
            return
        for index, item in enumerate(value):
            if _placeholder(item):
                continue
            if isinstance(item, dict):
                yield (*path, key, index), item
            else:
                self.lost((*path, key, index), f"expected a mapping; got {kind_of(item)}")

    def text(self, obj: Mapping[str, Any], key: str, path: Path, fmt: str = "text") -> str | None:
        value = obj.get(key)
        if _placeholder(value):
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.lost((*path, key), f"expected text; got {kind_of(value)}")
            return None
        if fmt != "text":
            value = value.strip()  # stray spaces around an address or a code are no part of it
        if not FORMATS[fmt].check(value):
            what = FORMATS[fmt].description.rstrip(".")
            self.lost((*path, key), f"{shown(value)} is not {what[0].lower()}{what[1:]}; left out")
            return None
        return value

    def texts(self, obj: Mapping[str, Any], key: str, path: Path) -> list[str]:
        value = obj.get(key)
        if _placeholder(value):
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.lost((*path, key), f"expected a list of text; got {kind_of(value)}")
            return []
        out = []
        for index, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                out.append(item)
            elif not _placeholder(item):
                self.lost((*path, key, index), f"expected text; got {kind_of(item)}")
        return out

    def boolean(self, obj: Mapping[str, Any], key: str, path: Path) -> bool | None:
        value = obj.get(key)
        if _placeholder(value):
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
            self.repaired((*path, key), f"read the text {value!r} as a boolean")
            return value.strip().lower() in ("true", "yes")
        self.lost((*path, key), f"expected true or false; got {kind_of(value)}")
        return None

    def email(self, obj: Mapping[str, Any], key: str, path: Path) -> str | None:
        value = self.text(obj, key, path, "email")
        return None if value is None or value.lower().endswith(".invalid") else value

    def country(self, obj: Mapping[str, Any], key: str, path: Path) -> str | None:
        value = obj.get(key)
        if isinstance(value, str) and value.strip().upper() == UNKNOWN_COUNTRY:
            return None
        return self.text(obj, key, path, "country")

    def unknown_keys(self, obj: Mapping[str, Any], known: Iterable[str], path: Path, why: str = "") -> None:
        known = set(known)
        for key, value in obj.items():
            if key not in known and not _placeholder(value):
                self.lost((*path, key), f"the field {key!r} is not part of TILT and is not carried over{why}")

    def fields(self, obj: Mapping[str, Any], names: Iterable[str], path: Path, why: str) -> None:
        for name in names:
            if not _placeholder(obj.get(name)):
                self.lost((*path, name), why)

    # The document.

    def read(self) -> dict[str, Any]:
        data = self.data
        meta = self.mapping(data, "meta", ()) or {}
        controller = self.mapping(data, "controller", ()) or {}
        name = self.text(controller, "name", ("controller",)) or self.text(meta, "name", ("meta",))
        if name is None:
            raise PolicyError(
                [Problem(code="PM401", message="the TILT document names no controller (controller.name and meta.name are empty)")]
            )
        self.unknown_keys(data, TILT_KEYS, ())
        policy: dict[str, Any] = {"privacymodel": "1.0.0", "document": self.document(meta, name)}
        party: dict[str, Any] = {"id": "controller", "name": name}
        address = self.address(controller, ("controller",))
        if address:
            party["address"] = address
        division = self.text(controller, "division", ("controller",))
        if division:
            party["description"] = f"Division: {division}"
        self.unknown_keys(controller, ("name", "division", "address", "country", "representative"), ("controller",))
        representative = self.mapping(controller, "representative", ("controller",))
        if representative is not None:
            rep = self.party(representative, ("controller", "representative"), "representative")
            if rep is not None:
                policy["representative"] = rep
        dpo = self.dpo()
        if dpo:
            policy["dpo"] = dpo
        for path, item in self.items(data, "dataDisclosed", ()):
            self.data_item(item, path)
        self.sources()
        transfers = [t for path, item in self.items(data, "thirdCountryTransfers", ()) if (t := self.transfer(item, path))]
        authority = self.rights_in()
        self.automated(policy)
        for path, _item in self.items(data, "changesOfPurpose", ()):
            self.lost(path, "privacymodel has no planned changes of purpose; this change is not carried over")
        party_contacts = self.contacts
        if party_contacts:
            party["contacts"] = party_contacts
        policy["controllers"] = [party]
        if authority is not None:
            policy["supervisory_authority"] = authority
        for key, values in (
            ("data_categories", self.categories),
            ("provision_requirements", list(self.requirements.values())),
            ("purposes", list(self.purposes.values())),
            ("legal_bases", list(self.bases.values())),
            ("processing", self.processing),
            ("recipients", list(self.recipients.values())),
            ("retention", list(self.retention.values())),
            ("rights", list(self.rights.values())),
            ("transfers", transfers),
        ):
            if values:
                policy[key] = values  # noqa: PERF403 - only the parts that have values, in this order
        return {field.name: policy[field.name] for field in attrs.fields(PrivacyPolicy) if field.name in policy}

    def document(self, meta: Mapping[str, Any], name: str) -> dict[str, Any]:
        path: Path = ("meta",)
        document: dict[str, Any] = {"title": self.text(meta, "name", path) or name}
        self.repaired(path, f"TILT has no title; the policy's title is the controller's name {document['title']!r}")
        url = self.text(meta, "url", path, "uri") if not _placeholder(meta.get("url")) else None
        if url:
            document["url"] = url
        language = meta.get("language")
        if isinstance(language, str) and FORMATS["language"].check(language.strip().lower()):
            document["language"] = language.strip().lower()
        elif not _placeholder(language):
            self.lost((*path, "language"), f"{shown(language)} is not a language code")
        for key in ("modified", "created"):
            value = meta.get(key)
            if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value.strip()):
                try:
                    document["retrieved_on"] = dt.date.fromisoformat(value.strip()[:10]).isoformat()
                except ValueError:
                    continue
                break
        status = meta.get("status")
        if isinstance(status, str) and status.strip().lower() == "inactive":
            self.lost((*path, "status"), "the policy is marked inactive; privacymodel has no field for that")
        self.unknown_keys(meta, ("_id", "name", "created", "modified", "version", "language", "status", "url", "_hash"), path)
        return document

    def address(self, obj: Mapping[str, Any], path: Path) -> dict[str, Any] | None:
        lines = self.text(obj, "address", path)
        country = self.country(obj, "country", path)
        if lines is None and country is None:
            return None
        return {**({"lines": [lines]} if lines else {}), **({"country": country} if country else {})}

    def contact(self, obj: Mapping[str, Any], path: Path, address: bool = False) -> dict[str, Any] | None:
        contact: dict[str, Any] = {}
        email = self.email(obj, "email", path)
        if email:
            contact["email"] = email
        phone = obj.get("phone")
        if not _placeholder(phone):
            text = str(phone).strip() if isinstance(phone, (str, int)) else None
            if text and FORMATS["phone"].check(text):
                contact["phone"] = text
            else:
                self.lost((*path, "phone"), f"{shown(phone)} is not a telephone number")
        if address:
            found = self.address(obj, path)
            if found:
                contact["address"] = found
        return contact or None

    def party(self, obj: Mapping[str, Any], path: Path, party_id: str) -> dict[str, Any] | None:
        name = self.text(obj, "name", path)
        contact = self.contact(obj, path)
        if name is None:
            if contact:
                self.lost(path, "a party with no name cannot be carried over; its contact details are left out")
            return None
        party: dict[str, Any] = {"id": party_id, "name": name}
        address = self.address(obj, path)
        if address:
            party["address"] = address
        if contact:
            party["contacts"] = [contact]
        self.unknown_keys(obj, ("name", "address", "country", "email", "phone", "division"), path)
        self.fields(obj, ("division",), path, "privacymodel has no division for this party")
        return party

    def dpo(self) -> dict[str, Any] | None:
        path: Path = ("dataProtectionOfficer",)
        obj = self.mapping(self.data, "dataProtectionOfficer", ())
        if obj is None:
            return None
        dpo: dict[str, Any] = {}
        name = self.text(obj, "name", path)
        if name:
            dpo["name"] = name
        contact = self.contact(obj, path, address=True)
        if contact:
            dpo["contacts"] = [contact]
        self.unknown_keys(obj, ("name", "address", "country", "email", "phone"), path)
        return dpo or None

    # dataDisclosed.

    def category(self, text: str, tilt_id: str | None) -> dict[str, Any]:
        if tilt_id is not None and tilt_id in self.category_ids:
            return self.category_ids[tilt_id]
        term, description = self.term(_DATA_TERMS, text)
        used = {c["id"] for c in self.categories}
        cat_id = (
            tilt_id if tilt_id and FORMATS["id"].check(tilt_id) and tilt_id not in used else f"data-{len(self.categories) + 1}"
        )
        category: dict[str, Any] = {"id": cat_id, "term": term}
        if description:
            category["description"] = description
        self.categories.append(category)
        if tilt_id is not None:
            self.category_ids[tilt_id] = category
        return category

    def term(self, terms: _Terms, text: str) -> tuple[str, str | None]:
        """The term for ``text`` and a description keeping the text when the term does not say it."""
        if text.startswith("x-") and FORMATS["text"].check(text):
            try:
                return str(CustomTerm(text)), None
            except ValueError:
                pass
        found = terms.find(text)
        if found is not None:
            return found.value, (None if text == found.value else text)
        return _slug(text) or "x-unnamed", text

    def data_item(self, item: dict[str, Any], path: Path) -> None:
        tilt_id = item.get("_id") if isinstance(item.get("_id"), str) else None
        text = self.text(item, "category", path)
        categories = item.get("category")
        if text is None and isinstance(categories, list):  # TILT 2 allows a list of categories
            names = self.texts(item, "category", path)
            text = names[0] if names else None
            for extra in names[1:]:
                self.category(extra, None)
        processing: dict[str, Any] = {"id": f"processing-{len(self.processing) + 1}"}
        if tilt_id != UNLINKED_ID:
            if text is None:
                self.lost(path, "a dataDisclosed item with no category: its statements are kept, linked to no data")
            else:
                processing["data"] = [self.category(text, tilt_id)["id"]]
        purposes = []
        for p_path, purpose in self.items(item, "purposes", path):
            heading = self.text(purpose, "purpose", p_path)
            detail = self.text(purpose, "description", p_path)
            if heading is None and detail is None:
                continue
            term, kept = self.term(_PURPOSE_TERMS, heading or detail or "")
            description = detail or kept
            key = (term, description)
            if key not in self.purposes:
                self.purposes[key] = _entry(f"purpose-{len(self.purposes) + 1}", term=term, description=description)
            purposes.append(self.purposes[key]["id"])
            self.unknown_keys(purpose, ("purpose", "description"), p_path)
        interests = []
        for i_path, interest in self.items(item, "legitimateInterests", path):
            exists = self.boolean(interest, "exists", i_path)
            reasoning = self.text(interest, "reasoning", i_path)
            if exists:
                interests.append(reasoning)
            elif reasoning:
                self.lost(i_path, "a legitimate interest that is said not to exist is not carried over")
            self.unknown_keys(interest, ("exists", "reasoning"), i_path)
        bases = [b for b_path, basis in self.items(item, "legalBases", path) if (b := self.basis(basis, b_path, interests))]
        # Legitimate interests with no legitimate-interests basis among the references.
        bases += [self.add_basis(LegalBasisTerm.A6_1_F.value, LawTerm.GDPR.value, None, reason) for reason in interests]
        recipients = [r for r_path, rec in self.items(item, "recipients", path) if (r := self.recipient(rec, r_path))]
        retention = [r for s_path, storage in self.items(item, "storage", path) for r in self.storage(storage, s_path)]
        requirement = self.mapping(item, "nonDisclosure", path)
        data_ids = processing.get("data", [])
        if requirement is not None:
            self.requirement(requirement, (*path, "nonDisclosure"), data_ids)
        for name, values in (
            ("purposes", purposes),
            ("legal_bases", bases),
            ("recipients", recipients),
            ("retention", retention),
        ):
            if values:
                processing[name] = _unique(values)
        for ret_id in retention:
            ret = next(r for r in self.retention.values() if r["id"] == ret_id)
            if data_ids:
                ret["data"] = _unique([*ret.get("data", []), *data_ids])
            elif purposes:
                ret["purposes"] = _unique([*ret.get("purposes", []), *purposes])
        self.unknown_keys(
            item,
            ("_id", "category", "purposes", "legalBases", "legitimateInterests", "recipients", "storage", "nonDisclosure"),
            path,
        )
        if len(processing) > 1:
            self.processing.append(processing)

    def add_basis(self, basis: str, law: str | None, description: str | None, interests: str | None = None) -> str:
        key = (basis, law, description, interests)
        if key not in self.bases:
            self.bases[key] = _entry(
                f"basis-{len(self.bases) + 1}", basis=basis, law=law, legitimate_interests=interests, description=description
            )
        return str(self.bases[key]["id"])

    def basis(self, obj: dict[str, Any], path: Path, interests: list[str | None]) -> str | None:
        reference = self.text(obj, "reference", path)
        description = self.text(obj, "description", path)
        self.unknown_keys(obj, ("reference", "description"), path)
        if reference is None and description is None:
            return None
        term, law, note = read_legal_basis(reference, description)
        rest = description
        # The basis as to_tilt writes it before the description: "consent: ...", "A6-1-a (x-law): ...".
        prefix = _BASIS_PREFIX.match(description or "")
        if prefix is not None:
            named = LegalBasisTerm._value2member_map_.get(prefix.group(1))
            custom = prefix.group(1) if prefix.group(1).startswith("x-") else None
            if named is not None or custom is not None:
                term, rest, note = prefix.group(1), prefix.group(3), None
                if prefix.group(2):
                    law = prefix.group(2)
        if term is None:
            source = reference or description or ""
            term = _slug(source) or "x-unnamed"
            if rest is None or rest != source:
                rest = f"{source}: {rest}" if rest else source
            self.repaired(path, f"the legal basis {shown(source)} matches no known basis; kept as the custom term {term!r}")
        elif note:
            self.repaired(path, note)
        reasoning = None
        if _is_legitimate_interests(LegalBasisTerm._value2member_map_.get(term)) and interests:
            reasoning = interests.pop(0)
        return self.add_basis(term, law, rest, reasoning)

    def recipient(self, obj: dict[str, Any], path: Path) -> str | None:
        name = self.text(obj, "name", path)
        category = self.text(obj, "category", path)
        if name is None and category is None:
            return None
        kind = description = None
        if category is not None:
            kind, description = self.term(_RECIPIENT_TERMS, category)
        key = (name, kind)
        if key not in self.recipients:
            self.recipients[key] = _entry(f"recipient-{len(self.recipients) + 1}", name=name, kind=kind, description=description)
        self.fields(
            obj, ("division", "address", "country", "representative"), path, "privacymodel keeps a recipient's name and kind only"
        )
        self.unknown_keys(obj, ("name", "category", "division", "address", "country", "representative", "domain"), path)
        return str(self.recipients[key]["id"])

    def storage(self, obj: dict[str, Any], path: Path) -> list[str]:
        base: dict[str, Any] = {}
        criteria = []
        for text in self.texts(obj, "purposeConditional", path):
            if text == _AS_LONG_AS_NECESSARY:
                base["as_long_as_necessary"] = True
            elif text == _LEGAL_REQUIREMENT:
                base["legal_requirement"] = True
            elif text.startswith("until ") and "until" not in base:
                base["until"] = text[6:]
            else:
                criteria.append(text)
        laws = self.texts(obj, "legalBasisConditional", path)
        if laws:
            base["legal_requirement"] = True
            criteria.append("Kept as required by " + ", ".join(laws))
        function = obj.get("aggregationFunction")
        if isinstance(function, str) and function not in ("max", ""):
            self.lost((*path, "aggregationFunction"), f"privacymodel keeps each period; the aggregation {function!r} is left out")
        entries = []
        for t_path, temporal in self.items(obj, "temporal", path):
            entry: dict[str, Any] = {}
            own = list(criteria)
            ttl = temporal.get("ttl")
            if isinstance(ttl, str) and ttl.strip():
                period, note = read_duration(ttl)
                if note:
                    self.repaired((*t_path, "ttl"), note)
                if period is None:
                    own.append(ttl.strip())
                else:
                    entry["period"] = period
            elif not _placeholder(ttl):
                self.lost((*t_path, "ttl"), f"expected an ISO 8601 duration; got {kind_of(ttl)}")
            if own:
                entry["criteria"] = "; ".join(own)
            description = self.text(temporal, "description", t_path)
            if description:
                entry["description"] = description
            self.unknown_keys(temporal, ("description", "ttl"), t_path)
            entries.append({**base, **entry})
        if not entries:
            entries = [{**base, **({"criteria": "; ".join(criteria)} if criteria else {})}]
        self.unknown_keys(obj, ("temporal", "purposeConditional", "legalBasisConditional", "aggregationFunction"), path)
        out = []
        for entry in entries:
            if not entry:
                continue
            key = tuple(sorted((k, str(v)) for k, v in entry.items()))
            if key not in self.retention:
                self.retention[key] = {"id": f"retention-{len(self.retention) + 1}", **entry}
            out.append(str(self.retention[key]["id"]))
        return out

    def requirement(self, obj: dict[str, Any], path: Path, data_ids: list[str]) -> None:
        values = {
            "required": self.boolean(obj, "obligationToProvide", path),
            "statutory": self.boolean(obj, "legalRequirement", path),
            "contractual": self.boolean(obj, "contractualRegulation", path),
            "consequences": self.text(obj, "consequences", path),
        }
        self.unknown_keys(obj, ("legalRequirement", "contractualRegulation", "obligationToProvide", "consequences"), path)
        if not any(values.values()):
            return  # TILT's defaults: nothing is stated
        entry = {k: v for k, v in values.items() if v is not None}
        key = tuple(sorted((k, str(v)) for k, v in entry.items()))
        target = self.requirements.setdefault(key, entry)
        if data_ids:
            target["data"] = _unique([*target.get("data", []), *data_ids])

    def sources(self) -> None:
        for path, item in self.items(self.data, "sources", ()):
            tilt_id = item.get("_id") if isinstance(item.get("_id"), str) else None
            text = self.text(item, "dataCategory", path)
            if tilt_id is None and text is None:
                continue
            category = self.category(text or "personal-data", tilt_id)
            notes = []
            for s_path, source in self.items(item, "sources", path):
                public = self.boolean(source, "publiclyAvailable", s_path)
                kind = DataSource.PUBLIC if public else DataSource.THIRD_PARTY
                category["sources"] = _unique([*category.get("sources", []), kind.value])
                description = self.text(source, "description", s_path)
                url = self.text(source, "url", s_path, "uri") if not _placeholder(source.get("url")) else None
                if description and description != kind.description:
                    notes.append(description)
                if url:
                    notes.append(f"Source: {url}")
                self.unknown_keys(source, ("description", "url", "publiclyAvailable", "origin"), s_path)
            if notes:
                category["description"] = "; ".join(filter(None, [category.get("description"), *notes]))
            self.unknown_keys(item, ("_id", "dataCategory", "sources"), path)

    def transfer(self, obj: dict[str, Any], path: Path) -> dict[str, Any] | None:
        transfer: dict[str, Any] = {}
        country = self.country(obj, "country", path)
        if country:
            transfer["destinations"] = [country]
        mechanisms: list[str] = []
        texts = []
        for slot in (*_TRANSFER_SLOTS, "presenceOfEnforceableRightsAndEffectiveRemedies"):
            body = self.mapping(obj, slot, path)
            if body is None:
                continue
            available = self.boolean(body, "available", (*path, slot))
            description = self.text(body, "description", (*path, slot))
            self.unknown_keys(body, ("available", "description"), (*path, slot))
            if not available:
                if description:
                    self.lost((*path, slot), f"{slot} is said not to be available; its description is not carried over")
                continue
            named = [_MECHANISMS.get(part.strip()) for part in (description or "").split(",")]
            if description and all(m is not None for m in named):
                mechanisms += [m.value for m in named if m is not None]
                continue
            default = _SLOT_DEFAULT_MECHANISM.get(slot)
            if default is not None:
                mechanisms.append(default.value)
            elif slot == "appropriateGuarantees":
                mechanisms.append("x-appropriate-safeguards")
            if description:
                texts.append(description)
            elif slot == "presenceOfEnforceableRightsAndEffectiveRemedies":
                texts.append("Enforceable rights and effective remedies are available.")
        if mechanisms:
            transfer["mechanisms"] = _unique(mechanisms)
        if texts:
            transfer["description"] = " ".join(texts)
        self.unknown_keys(obj, ("country", *_TRANSFER_SLOTS, "presenceOfEnforceableRightsAndEffectiveRemedies"), path)
        return transfer or None

    def contact_id(self, body: Mapping[str, Any], path: Path) -> list[str]:
        email = self.email(body, "email", path)
        url = self.text(body, "url", path, "uri") if not _placeholder(body.get("url")) else None
        if email is None and url is None:
            return []
        for contact in self.contacts:
            if contact.get("email") == email and contact.get("url") == url:
                return [str(contact["id"])]
        contact = {"id": f"rights-contact-{len(self.contacts) + 1}"}
        contact.update({k: v for k, v in (("email", email), ("url", url)) if v})
        contact["purposes"] = ["rights-requests"]
        self.contacts.append(contact)
        return [contact["id"]]

    def rights_in(self) -> dict[str, Any] | None:
        authority = None
        slots = {**_RIGHT_SLOTS, _PORTABILITY_SLOT: (RightKind.PORTABILITY,)}
        for slot, kinds in slots.items():
            path: Path = (slot,)
            body = self.mapping(self.data, slot, ())
            if body is None:
                continue
            available = self.boolean(body, "available", path)
            description = self.text(body, "description", path)
            if not available:
                if description:
                    self.lost(path, "a right said not to be available is not carried over; privacymodel records rights granted")
                continue
            contacts = self.contact_id(body, path)
            for kind in kinds:
                right = self.rights.setdefault(kind, {"kind": kind.value, "law": LawTerm.GDPR.value})
                if description and description != right.get("description"):
                    right["description"] = "; ".join(filter(None, [right.get("description"), description]))
                if contacts:
                    right["contacts"] = _unique([*right.get("contacts", []), *contacts])
            if len(kinds) > 1:
                self.repaired(path, f"{slot} names {' and '.join(k.value for k in kinds)} in one field; both are carried over")
            fee = self.mapping(body, "administrativeFee", path)
            if fee is not None:
                amount, currency = fee.get("amount"), fee.get("currency")
                if isinstance(amount, (int, float)) and not isinstance(amount, bool) and isinstance(currency, str):
                    self.rights[kinds[0]]["fee"] = f"{amount:g} {currency.strip().upper()}"
                else:
                    self.lost((*path, "administrativeFee"), "expected an amount and a currency")
            self.fields(body, ("identificationEvidences",), path, "privacymodel has no identification evidence for rights")
            self.fields(body, ("dataFormats",), path, "privacymodel has no data formats for portability")
            if slot == "rightToComplain":
                sa = self.mapping(body, "supervisoryAuthority", path)
                if sa is not None:
                    authority = self.party(sa, (*path, "supervisoryAuthority"), "supervisory-authority")
            known = ("available", "description", "url", "email", "identificationEvidences", "administrativeFee", "dataFormats")
            self.unknown_keys(body, (*known, "supervisoryAuthority"), path)
        return authority

    def automated(self, policy: dict[str, Any]) -> None:
        path: Path = ("automatedDecisionMaking",)
        body = self.mapping(self.data, "automatedDecisionMaking", ())
        if body is None:
            return
        adm: dict[str, Any] = {}
        used = self.boolean(body, "inUse", path)
        if used is not None:
            adm["used"] = used
        for key, name in (("logicInvolved", "logic"), ("scopeAndIntendedEffects", "consequences")):
            text = self.text(body, key, path)
            if text:
                adm[name] = text
        self.unknown_keys(body, ("inUse", "logicInvolved", "scopeAndIntendedEffects"), path)
        if adm:
            policy["automated_decision_making"] = adm


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
                custom = _slug(text) or "x-unnamed"
                return (
                    custom,
                    law_value,
                    f"{shown(text)} is not a legal basis privacymodel knows; kept as the custom term {custom!r}",
                )
        code = re.sub(r"[^A-Za-z]", "", text).upper()
        if code in _LAW_CODES:
            return None, _LAW_CODES[code].value, None
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
    return _LAW_CODES.get(re.sub(r"[^A-Za-z0-9/]", "", name).upper().replace("2016/679", "GDPR"))


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
    if not _DURATION_CHECK(value) and "T" not in value:
        time = re.search(r"[0-9]+[HS]|(?<=[HD0-9])(?<=H)[0-9]+M", value)
        first = re.search(r"[0-9]+[HS]", value)
        if first is not None and time is not None:
            value = value[: first.start()] + "T" + value[first.start() :]
    if value.endswith("T"):
        value = value[:-1]
    if not _DURATION_CHECK(value):
        return None, f"{shown(raw)} is not an ISO 8601 duration privacymodel can read; kept as retention criteria"
    notes = []
    if value != raw[len(dropped) :] if dropped else value != raw:
        notes.append(f"read {shown(raw)} as {value!r}")
    if dropped:
        notes.append(f"the start {dropped!r} before the duration is left out")
    return value, "; ".join(notes) or None


def from_tilt(data: Mapping[str, Any], *, notes: list[Problem] | None = None) -> PrivacyPolicy:
    """Read a TILT document (parsed JSON) as a policy.

    Lenient as documents are written: placeholders mean "not stated", legal
    bases in prose are recognised, durations are repaired, unknown categories
    and purposes become custom terms. If ``notes`` is a list, a PM402 warning
    is appended for every field that cannot be carried over and a PM403
    warning for every value read as meant rather than as written (paths point
    into the TILT document). Raises :class:`PolicyError` (PM401) for a
    document that is not TILT.
    """
    if not isinstance(data, Mapping):
        raise PolicyError([Problem(code="PM401", message="a TILT document is a JSON object; this is not")])
    if not any(key in data for key in TILT_KEYS):
        hint = " (it is a privacymodel policy already)" if "privacymodel" in data else ""
        raise PolicyError(
            [
                Problem(
                    code="PM401",
                    message=f"not a TILT document{hint}: none of its top-level keys ({', '.join(TILT_KEYS[:4])}, ...) is present",
                )
            ]
        )
    reader = _TiltReader(data)
    plain = reader.read()
    policy = structure(plain)
    if notes is not None:
        notes.extend(reader.notes)
    return policy
