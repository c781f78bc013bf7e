"""The Australian Privacy Principles (Privacy Act 1988 (Cth), Schedule 1): what an APP privacy policy contains
(APP 1.4), that it is available free of charge (APP 1.5), and what people are told when their information is
collected (APP 5.2).

The APPs apply from 2014-03-12 (:data:`~.facts.PRIVACY_PRINCIPLES_APPLY`). An item both APP 1.4 and APP 5.2 ask
for is reported once, citing both. Overseas means outside Australia; rights are matched by content, under the
Privacy Act or no law, for people in Australia.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Final

from privacymodel.checks.audit.facts import PRIVACY_PRINCIPLES_APPLY
from privacymodel.checks.audit.finding import Finding, Item, Rule, count, listed, paths
from privacymodel.checks.audit.notice import controller_contacts, request_channels, rights_in
from privacymodel.checks.audit.ruleset import RuleSet, within
from privacymodel.model.policy import PrivacyPolicy, Transfer
from privacymodel.model.vocab import ContactPurpose, DataSource, LawTerm, RightKind
from privacymodel.problems import format_path

__all__ = ["ITEMS", "LAW", "RULES", "RULE_SET", "TERRITORY"]

LAW: Final = "au-app"
AU_LAWS: Final = frozenset({LawTerm.AU_PRIVACY_ACT})
TERRITORY: Final = frozenset({"AU"})
"""Where the APPs protect people: Australia."""

IDENTITY: Final = Item(LAW, "identity", "Identity and contact details of the entity", "APP 5.2(a)")
KINDS: Final = Item(LAW, "kinds", "Kinds of personal information collected and held", "APP 1.4(a)")
COLLECTION: Final = Item(LAW, "collection", "How personal information is collected and held", "APP 1.4(b)")
THIRD_PARTY_COLLECTION: Final = Item(
    LAW, "third-party-collection", "Collection from someone other than the individual, and its circumstances", "APP 5.2(b)"
)
REQUIRED_BY_LAW: Final = Item(LAW, "required-by-law", "Collection required or authorised by law", "APP 5.2(c)")
PURPOSES: Final = Item(LAW, "purposes", "Purposes of collection, holding, use and disclosure", "APP 1.4(c), APP 5.2(d)")
CONSEQUENCES: Final = Item(LAW, "consequences", "Main consequences if information is not collected", "APP 5.2(e)")
DISCLOSURES: Final = Item(LAW, "disclosures", "Entities to which information is usually disclosed", "APP 5.2(f)")
ACCESS_CORRECTION: Final = Item(
    LAW, "access-correction", "How to access personal information and seek its correction", "APP 1.4(d), APP 5.2(g)"
)
COMPLAINTS: Final = Item(
    LAW, "complaints", "How to complain about a breach of the APPs, and how complaints are dealt with", "APP 1.4(e), APP 5.2(h)"
)
OVERSEAS: Final = Item(LAW, "overseas", "Whether information is likely to be disclosed overseas", "APP 1.4(f), APP 5.2(i)")
COUNTRIES: Final = Item(LAW, "countries", "The countries of overseas recipients, if practicable", "APP 1.4(g), APP 5.2(j)")
AVAILABLE: Final = Item(LAW, "available", "The policy available free of charge, in an appropriate form", "APP 1.5")

ITEMS: Final = (
    IDENTITY,
    KINDS,
    COLLECTION,
    THIRD_PARTY_COLLECTION,
    REQUIRED_BY_LAW,
    PURPOSES,
    CONSEQUENCES,
    DISCLOSURES,
    ACCESS_CORRECTION,
    COMPLAINTS,
    OVERSEAS,
    COUNTRIES,
    AVAILABLE,
)
"""Every APP item, in the order reports list them."""


def _rights(policy: PrivacyPolicy, kinds: Iterable[RightKind]) -> tuple[str, ...]:
    """Paths of the rights of ``kinds`` (or the same rights by other names) that people in Australia have."""
    return rights_in(policy, kinds, AU_LAWS, TERRITORY)


def app_identity(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The entity, named, with contact details."""
    yield IDENTITY.disclosed(
        controller_contacts(policy),
        "the entity is named with contact details",
        "the entity is named but no contact details are given",
    )


def app_kinds_and_collection(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The kinds of information, how it is collected (its sources) and how it is held (its security, how long)."""
    categories = policy.data_categories or ()
    yield KINDS.disclosed(
        paths("data_categories", categories),
        count(len(categories), "data category"),
        "no kinds of personal information are stated",
    )
    collected = [format_path(("data_categories", i, "sources")) for i, c in enumerate(categories) if c.sources]
    security = policy.security
    held = ["$.security"] if security is not None and (security.measures or security.description) else []
    held += paths("retention", policy.retention)
    if collected and held:
        yield COLLECTION.present("how information is collected and how it is held are stated", [*collected, *held])
    elif collected or held:
        said, unsaid = ("collected", "held (stored, secured, kept)") if collected else ("held", "collected")
        yield COLLECTION.unclear(f"how information is {said} is stated, but not how it is {unsaid}", collected or held)
    else:
        yield COLLECTION.missing("the policy says neither how information is collected nor how it is held")


_OTHER_SOURCES: Final = frozenset({DataSource.THIRD_PARTY, DataSource.PUBLIC, DataSource.UNSPECIFIED})


def app_third_party_collection(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Information collected from someone other than the individual: the fact, and from whom (its kind of source)."""
    indirect = [(i, c) for i, c in enumerate(policy.data_categories or ()) if set(c.sources or ()) & _OTHER_SOURCES]
    if not indirect:
        yield THIRD_PARTY_COLLECTION.not_applicable("no information is stated to come from anyone but the individual")
        return
    named = [
        format_path(("data_categories", i, "sources"))
        for i, c in indirect
        if set(c.sources or ()) & {DataSource.THIRD_PARTY, DataSource.PUBLIC}
    ]
    if named:
        yield THIRD_PARTY_COLLECTION.present("information collected from third parties or public sources is stated", named)
    else:
        where = [format_path(("data_categories", i)) for i, _ in indirect]
        yield THIRD_PARTY_COLLECTION.unclear(
            f"information is said to come from other sources ({listed(where)}) whose kind the policy does not name", where
        )


def app_required_by_law(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Whether collection is required or authorised by law, where the policy says anything of it."""
    statutory = [
        format_path(("provision_requirements", i, "statutory"))
        for i, r in enumerate(policy.provision_requirements or ())
        if r.statutory is not None
    ]
    if statutory:
        yield REQUIRED_BY_LAW.present("whether providing the information is a requirement of law is stated", statutory)
    else:
        yield REQUIRED_BY_LAW.not_applicable(
            "the policy does not say any collection is required or authorised by law; APP 5.2(c) asks for the law's "
            "name only where one is"
        )


def app_purposes(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The purposes of collection, holding, use and disclosure."""
    yield PURPOSES.disclosed(
        paths("purposes", policy.purposes), count(len(policy.purposes or ()), "purpose"), "no purposes are stated"
    )


def app_consequences(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """What follows if information is not collected: consequences stated, or the information said to be optional."""
    requirements = policy.provision_requirements or ()
    said = [
        format_path(("provision_requirements", i)) for i, r in enumerate(requirements) if r.consequences or r.required is False
    ]
    if said:
        yield CONSEQUENCES.present("what follows if information is not given, or that it need not be, is stated", said)
    elif requirements:
        yield CONSEQUENCES.unclear(
            "the policy says information is needed but not what follows if it is not given",
            paths("provision_requirements", requirements),
        )
    else:
        yield CONSEQUENCES.missing("the policy does not say what follows if information is not given")


def app_disclosures(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The entities, or kinds of entities, information is usually disclosed to (stating no one counts)."""
    if policy.recipients is None:
        yield DISCLOSURES.missing("the policy does not say to whom information is disclosed")
    elif not policy.recipients:
        yield DISCLOSURES.present("the policy states information is disclosed to no one", ["$.recipients"])
    else:
        yield DISCLOSURES.present(count(len(policy.recipients), "recipient"), paths("recipients", policy.recipients))


def app_access_correction(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """How to access information and seek its correction: both rights, and a way to ask."""
    access = _rights(policy, {RightKind.ACCESS})
    correction = _rights(policy, {RightKind.RECTIFICATION})
    channels, _ = request_channels(policy, AU_LAWS, TERRITORY)
    if access and correction and channels:
        yield ACCESS_CORRECTION.present("access and correction are stated, with a way to ask", [*access, *correction, *channels])
    elif access and correction:
        yield ACCESS_CORRECTION.unclear("access and correction are stated, but not how to ask for them", [*access, *correction])
    elif access or correction:
        lacking = "correction" if access else "access"
        yield ACCESS_CORRECTION.missing(
            f"only {'access' if access else 'correction'} is stated, not {lacking}", access or correction
        )
    else:
        yield ACCESS_CORRECTION.missing("the policy does not say how to access information or seek its correction")


def app_complaints(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """How to complain, and how a complaint is dealt with (a time to answer, or where to go next)."""
    contacts = [
        format_path(("controllers", i, "contacts", j))
        for i, party in enumerate(policy.controllers)
        for j, contact in enumerate(party.contacts or ())
        if contact.purposes and ContactPurpose.COMPLAINTS in contact.purposes
    ]
    rights = _rights(policy, {RightKind.COMPLAINT})
    recourse = paths("recourse", policy.recourse)
    handled = [format_path(("recourse", i)) for i, r in enumerate(policy.recourse or ()) if r.after or r.url or r.name]
    if (contacts or rights) and handled:
        yield COMPLAINTS.present("how to complain, and where a complaint goes next, are stated", [*contacts, *rights, *handled])
    elif contacts or rights or recourse:
        yield COMPLAINTS.unclear(
            "a way to complain is stated, but not how the entity deals with a complaint", [*contacts, *rights, *recourse]
        )
    else:
        yield COMPLAINTS.missing("the policy does not say how to complain about a breach of the APPs")


def _overseas(transfer: Transfer) -> bool:
    """Whether ``transfer`` takes information outside Australia (to places named, or to others it leaves unnamed)."""
    places = [*(transfer.destinations or ()), *(transfer.destination_regions or ())]
    return bool(transfer.other_destinations) or not places or any(not within(TERRITORY, place) for place in places)


def app_overseas(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Whether information is likely to go overseas, and if so to which countries, where practicable."""
    transfers = policy.transfers
    if transfers is None:
        yield OVERSEAS.missing("the policy does not say whether information is likely to be disclosed overseas")
        yield COUNTRIES.unclear("whether information goes overseas is not stated, so neither are the countries")
        return
    overseas = [i for i, transfer in enumerate(transfers) if _overseas(transfer)]
    yield OVERSEAS.present(
        "the policy says whether information goes overseas", paths("transfers", transfers) if transfers else ["$.transfers"]
    )
    if not overseas:
        yield COUNTRIES.not_applicable("no disclosure overseas is stated")
        return
    named = [format_path(("transfers", i, "destinations")) for i in overseas if transfers[i].destinations]
    vague = [format_path(("transfers", i)) for i in overseas if not transfers[i].destinations or transfers[i].other_destinations]
    if named and not vague:
        yield COUNTRIES.present("the countries of the overseas recipients are named", named)
    else:
        yield COUNTRIES.unclear(
            f"information goes overseas to places not named as countries ({listed(vague)}); the countries are owed "
            "where it is practicable to name them",
            [*named, *vague],
        )


def app_available(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The policy published where people can read it for free (its address), as APP 1.5 asks."""
    if policy.document.url:
        yield AVAILABLE.present("the policy is published at an address people can read it at", ["$.document.url"])
    else:
        yield AVAILABLE.unclear(
            "the policy states no address where it is published; it must be available free of charge, usually on the "
            "entity's website"
        )


RULES: Final[tuple[Rule, ...]] = (
    app_identity,
    app_kinds_and_collection,
    app_third_party_collection,
    app_required_by_law,
    app_purposes,
    app_consequences,
    app_disclosures,
    app_access_correction,
    app_complaints,
    app_overseas,
    app_available,
)
"""The APPs' rules, in the order their findings are reported."""

RULE_SET: Final = RuleSet(
    law=LAW,
    name="Schedule 1 of the Privacy Act 1988 (the Australian Privacy Principles)",
    applies_from=PRIVACY_PRINCIPLES_APPLY,
    items=ITEMS,
    rules=RULES,
    territory=TERRITORY,
    cited_as=AU_LAWS,
    before="the National Privacy Principles (Privacy Act 1988, Schedule 3) applied to organisations, which this "
    "audit does not cover",
)
"""The Australian Privacy Principles 1, 1.5 and 5, from 2014-03-12, for people in Australia."""
