"""What a rendered page says in place of codes: durations, dates, terms, rights and contacts in everyday words.

``P90D`` is "90 days", ``P1Y6M`` "1 year and 6 months", a session cookie lasts "until you close the browser",
``direct-marketing`` is "direct marketing", a custom term is the description the policy gives it, and the
right ``erasure`` is "delete your data". Nothing here guesses: what the policy leaves out stays "not stated".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Final

from privacymodel.model.policy import ContactPoint, PrivacyPolicy, Prohibition, Retention, Right, Transfer
from privacymodel.model.vocab import CustomTerm, Vocabulary

__all__ = [
    "ERASURE",
    "KIND_WORDS",
    "NOT_STATED",
    "Code",
    "No",
    "channels",
    "clause",
    "contact_points",
    "date",
    "doers",
    "duration",
    "holders",
    "join",
    "lifetime",
    "listing",
    "prohibition_words",
    "region",
    "response_time",
    "retention",
    "right_label",
    "right_ways",
    "subjects_of",
    "term",
    "transfer_words",
]

NOT_STATED: Final = "not stated"
"""What every page shows where the policy is silent."""


class Code(str):
    """A value shown as code (a cookie's name): backticks in Markdown, ``<code>`` in HTML."""

    __slots__ = ()


class No(str):
    """A negative the policy states ('no', 'not sold'): shown unlike :data:`NOT_STATED`, in words and in style."""

    __slots__ = ()


_DURATION: Final = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", re.ASCII)
_UNITS: Final = ("year", "month", "week", "day", "hour", "minute", "second")
_MONTHS: Final = (
    "January February March April May June July August September October November December".split()  # noqa: SIM905 - a table
)


def _count(number: int, unit: str) -> str:
    return f"{number:,} {unit}{'' if number == 1 else 's'}"


def listing(items: Iterable[str], last: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``: the items in a sentence, each once, in order."""
    values = list(dict.fromkeys(item for item in items if item))
    if len(values) <= 1:
        return "".join(values)
    return f"{', '.join(values[:-1])} {last} {values[-1]}"


def duration(text: str) -> str:
    """An ISO 8601 duration in words: ``P90D`` "90 days", ``P1Y6M`` "1 year and 6 months", ``PT0S`` "0 seconds".

    Every duration the model accepts (each part up to 9 digits) is written exactly, part by part, with no
    conversion between units; text that is not a duration is returned as it is.
    """
    match = _DURATION.fullmatch(text)
    if match is None or not any(match.groups()) or text.endswith("T"):
        return text
    parts = [(int(value), unit) for value, unit in zip(match.groups(), _UNITS, strict=False) if value is not None]
    return listing([_count(n, unit) for n, unit in parts if n] or [_count(0, parts[-1][1])])


def lifetime(text: str | None) -> str:
    """How long a cookie lasts, in words: a duration, 'until you close the browser', or 'stays ... (length not stated)'."""
    if text is None:
        return NOT_STATED
    if text == "session":
        return "until you close the browser"
    if text == "persistent":
        return "stays after you close the browser (how long is not stated)"
    return duration(text)


def date(value: dt.date | None) -> str:
    """A date as people write it: '13 August 2020'."""
    return NOT_STATED if value is None else f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


# Words that read better than the term itself; every other term is its value with spaces for hyphens.
_WORDS: Final = {
    "ip-address": "IP address",
    "mac-address": "MAC address",
    "user-agent": "browser type",
    "service-usage": "how you use the service",
    "browsing-behaviour": "what you do on the site",
    "browser-history": "browsing history on other sites",
    "browsing-referral": "the site you came from",
    "personal-data": "personal data (kind not stated)",
    "communications-metadata": "whether you open or click emails",
    "official-id": "official ID",
    "improve-existing-products-and-services": "improving products and services",
    "fraud-prevention-and-detection": "preventing fraud",
    "misuse-prevention-and-detection": "preventing misuse",
    "sell-data-to-third-parties": "selling data",
    "sell-insights-from-data": "selling insights from data",
    "fulfilment-of-contractual-obligation": "fulfilling a contract",
    "establish-contractual-agreement": "entering a contract",
    "http-cookie": "cookie",
    "sdk": "SDK",
    "gdpr": "GDPR",
    "uk-gdpr": "UK GDPR",
    "ccpa": "CCPA",
    "cpra": "CPRA",
    "coppa": "COPPA",
    "can-spam": "CAN-SPAM",
    "pipeda": "PIPEDA",
    "lgpd": "LGPD",
    "eprivacy": "ePrivacy Directive",
    "swiss-fadp": "Swiss FADP",
    "cal-shine-the-light": "California Shine the Light",
    "eu-directive-95-46": "EU Directive 95/46",
    "au-privacy-act": "Australian Privacy Act",
    "india-dpdp": "India DPDP Act",
    "vcdpa": "Virginia VCDPA",
    "cpa": "Colorado CPA",
    "spain-lopd": "Spanish LOPD",
    "safe-harbor": "Safe Harbor",
}
_LEGAL_BASIS: Final = re.compile(r"^A[69]-")


def term(value: Vocabulary | CustomTerm | None, description: str | None = None) -> str:
    """A vocabulary term in words: 'direct marketing', 'IP address', a legal basis as 'consent (GDPR Art. 6(1)(a))'.

    A custom term is ``description`` (what the policy says of the item it names) when given, otherwise the
    term without its ``x-`` prefix, hyphens as spaces.
    """
    if value is None:
        return NOT_STATED
    if isinstance(value, CustomTerm) or not isinstance(value, Vocabulary):
        return clause(description, lower=False) if description else str(value)[2:].replace("-", " ")
    text = str(value)
    if _LEGAL_BASIS.match(text):  # "GDPR Art. 6(1)(a): consent." -> "consent (GDPR Art. 6(1)(a))"
        law, _, words = value.description.partition(": ")
        return f"{words.rstrip('.')} ({law})"
    return _WORDS.get(text, text.replace("-", " "))


def clause(text: str, *, lower: bool = True) -> str:
    """``text`` to go inside a sentence: trimmed, no final full stop, and lower case first if ``lower`` and a word."""
    text = " ".join(text.split()).rstrip(".")
    first = text.split(" ", 1)[0]
    if lower and first.isalpha() and first[0].isupper() and (len(first) == 1 or first[1:].islower()):
        return text[0].lower() + text[1:]
    return text


def join(items: Iterable[str], empty: str = NOT_STATED, sep: str = "; ") -> str:
    """The items, each once, separated by ``sep``; ``empty`` when there are none."""
    values = list(dict.fromkeys(item for item in items if item))
    return sep.join(values) if values else empty


# Each right as what a person can do, in the words people use.
_RIGHTS: Final = {
    "access": "get a copy of your data",
    "know": "know what is collected and shared",
    "rectification": "correct your data",
    "correct": "correct your data",
    "erasure": "delete your data",
    "delete": "delete your data",
    "restriction": "limit how your data is used",
    "notification": "be told of corrections and deletions",
    "portability": "take your data elsewhere",
    "objection": "object to how your data is used",
    "automated-decision": "not be judged by a computer alone",
    "withdraw-consent": "withdraw your consent",
    "complaint": "complain to a regulator",
    "judicial-remedy": "go to court",
    "opt-out-of-sale": "stop the sale or sharing of your data",
    "limit-sensitive": "limit the use of sensitive data",
    "non-discrimination": "not be treated worse for using your rights",
    "direct-marketing-disclosure": "learn who got your data for their marketing",
    "parental-review": "see your child's data",
    "parental-deletion": "delete your child's data",
    "parental-stop-collection": "stop collection of your child's data",
    "marketing-opt-out": "stop marketing",
    "cookie-opt-out": "refuse cookies",
    "opt-out-of-disclosure": "stop your data being given to others",
}
ERASURE: Final = frozenset({"erasure", "delete"})
"""The rights to have one's data deleted, under whichever law."""


def right_label(right: Right) -> str:
    """What the right lets a person do: 'delete your data'; a custom right is its description."""
    kind = right.kind
    if isinstance(kind, CustomTerm) or not isinstance(kind, Vocabulary):
        return term(kind, right.description)
    return _RIGHTS.get(str(kind), str(kind).replace("-", " "))


def _channel(contact: ContactPoint) -> str:
    if contact.email:
        return f"email {contact.email}"
    if contact.phone:
        return f"call {contact.phone}"
    if contact.url:
        return f"use {contact.url}"
    return f"write to {contact.address.one_line()}" if contact.address else ""


def contact_points(policy: PrivacyPolicy) -> dict[str, ContactPoint]:
    """Every contact point with an id: of the controllers, the representative, the officer and the authority."""
    parties = [*policy.controllers, policy.representative, policy.dpo, policy.supervisory_authority]
    return {c.id: c for party in parties if party is not None for c in party.contacts or () if c.id}


def right_ways(right: Right, contacts: dict[str, ContactPoint]) -> str:
    """How to use a right: its contact points ('email ...', 'call ...') and what the policy says to do."""
    ways = [_channel(contacts[i]) if i in contacts else i for i in right.contacts or ()]
    if right.how:
        ways.append(clause(right.how))
    return listing(ways, "or") or NOT_STATED


def channels(contacts: Iterable[ContactPoint]) -> str:
    """Ways to reach someone, each once: 'email a@b.c or call +1 212 ...'; empty when there are none."""
    return listing((_channel(c) for c in contacts), "or")


def retention(statement: Retention) -> str:
    """A retention statement in words: '2 years', 'until account closure', 'as long as necessary', and so on."""
    parts = []
    if statement.period:
        parts.append(duration(statement.period))
    if statement.until:
        parts.append(f"until {clause(statement.until)}")
    if statement.as_long_as_necessary:
        parts.append("as long as necessary")
    if statement.legal_requirement:
        parts.append("longer where the law requires")
    if not parts and (statement.criteria or statement.description):
        parts.append(clause(statement.criteria or statement.description or ""))
    return listing(parts, "or") or NOT_STATED


def response_time(right: Right) -> str:
    """How soon a right is answered: '30 days', '30 business days', or both; 'not stated'."""
    times = [duration(right.response_time) if right.response_time else ""]
    if right.response_business_days is not None:
        times.append(_count(right.response_business_days, "business day"))
    return listing(times, "or") or NOT_STATED


_REGIONS: Final = {"EU": "the EU", "EEA": "the EEA", "WORLD": "anywhere in the world"}


def region(code: str) -> str:
    """A region in words: 'the EU', 'anywhere in the world'; a country or subdivision code as it is ('US', 'US-CA')."""
    return _REGIONS.get(code, code)


def subjects_of(policy: PrivacyPolicy) -> dict[str, str]:
    """The data subjects of the policy by id, in words ('website visitors')."""
    return {s.id: term(s.term, s.description) for s in policy.data_subjects or ()}


def holders(right: Right, subjects: dict[str, str]) -> str:
    """Who has a right, in words: 'under GDPR, for residents of the EU, for parents', 'granted voluntarily'."""
    parts = [f"under {term(right.law)}" if right.law else "", "granted voluntarily" if right.voluntary else ""]
    if right.jurisdictions:
        parts.append(f"for residents of {listing((region(j) for j in right.jurisdictions), 'or')}")
    if right.subjects:
        parts.append(f"for {listing((subjects.get(i, i) for i in right.subjects), 'or')}")
    if right.applies_to:
        parts.append(f"for {clause(right.applies_to, lower=False)}")
    return ", ".join(p for p in parts if p)


def transfer_words(transfer: Transfer) -> str:
    """An international transfer in words: 'from the EU to US and other countries (standard contractual clauses)'."""
    places = [*(transfer.destinations or ()), *(region(r) for r in transfer.destination_regions or ())]
    if transfer.other_destinations:
        places.append("other countries not named")
    where = listing(places) or "countries not named"
    if transfer.origins:
        where = f"from {listing(region(o) for o in transfer.origins)} to {where}"
    how = listing(term(m) for m in transfer.mechanisms or ())
    return f"{where} ({how})" if how else where


# An unnamed recipient, or a kind of recipient, in words.
KIND_WORDS: Final = {
    "affiliate": "group companies", "service-provider": "service providers", "payment-processor": "payment processors",
    "hosting-provider": "hosting providers", "analytics-provider": "analytics providers", "advertiser": "advertisers",
    "advertising-network": "advertising networks", "marketing-provider": "marketing providers",
    "social-network": "social networks", "communication-provider": "chat and messaging providers",
    "content-provider": "content providers", "business-partner": "business partners", "customer": "business customers",
    "acquirer": "a buyer of the business", "public-authority": "public authorities", "third-party": "other third parties",
    "public": "the public", "other-organisation": "other organisations",
}  # fmt: skip
_OPERATIONS: Final = {
    "track": "track you", "track-first-party": "track you themselves", "track-third-party": "let others track you",
    "track-across-sites": "follow you across other sites", "train-models": "train AI models on", "profile": "profile you with",
    "identify": "identify you from", "erase": "erase",
}  # fmt: skip


def doers(policy: PrivacyPolicy) -> dict[str, str]:
    """The names of the parties a statement's ``by`` may name: controllers and recipients, by id."""
    names = {party.id: party.name or clause(party.description or party.id, lower=False) for party in policy.controllers}
    for recipient in policy.recipients or ():
        names[recipient.id] = recipient.name or recipient.label or term(recipient.kind or (recipient.kinds or (None,))[0])
    return names


def prohibition_words(prohibition: Prohibition, names: Mapping[str, str] | None = None) -> str:
    """What the policy says is not done, in words: 'not sell your data for money', or its own description; led by
    who does not do it ('Drift: not ...') where it names someone (``names``: :func:`doers`)."""
    who = f"{listing(names.get(i, i) for i in prohibition.by)}: " if prohibition.by and names is not None else ""
    return who + _prohibition_text(prohibition)


def _prohibition_text(prohibition: Prohibition) -> str:
    if not (prohibition.operations or prohibition.data or prohibition.purposes or prohibition.recipient_kinds):
        return clause(prohibition.description or "", lower=False)
    verbs = listing((_OPERATIONS.get(str(o), term(o)) for o in prohibition.operations or ()), "or") or "use"
    data = listing((term(d) for d in prohibition.data or ()), "or") or "your data"
    kinds = listing((KIND_WORDS.get(str(k), term(k)) for k in prohibition.recipient_kinds or ()), "or")
    purposes = listing((term(p) for p in prohibition.purposes or ()), "or")
    text = f"not {verbs} {data}" + (f" with {kinds}" if kinds else "") + (f" for {purposes}" if purposes else "")
    return f"{text} {clause(prohibition.qualifier, lower=False)}" if prohibition.qualifier else text
