"""The statements of a policy: what data, whose, for what, on which basis, to whom, for how long, and what people can do.

Each class is one kind of statement; :class:`~privacymodel.model.policy.PrivacyPolicy` holds them. The
conventions of :mod:`privacymodel.model.policy` hold here too: ``None`` means not stated, references are by
local id, and ``section`` names the part of the source policy a statement encodes.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from attrs import frozen

from privacymodel.model.fields import Model, fld
from privacymodel.model.vocab import (
    ChoiceKind,
    CookieCategory,
    CustomTerm,
    DataCategoryTerm,
    DataSource,
    Identifiability,
    LawTerm,
    LegalBasisTerm,
    MeasureTerm,
    NotificationMethod,
    OperationTerm,
    PartyRole,
    PurposeTerm,
    RecipientKind,
    RecourseKind,
    RightKind,
    TrackerParty,
    TrackerTechnology,
    TransferMechanism,
)

__all__ = [
    "CONDITION",
    "DESCRIPTION",
    "EXCEPTIONS",
    "SECTION",
    "AutomatedDecisionMaking",
    "Certification",
    "Children",
    "Choice",
    "Cookie",
    "DataCategory",
    "DataSale",
    "DoNotTrack",
    "LawReference",
    "LegalBasis",
    "PolicyChanges",
    "PostalAddress",
    "Processing",
    "Prohibition",
    "ProvisionRequirement",
    "Purpose",
    "PurposeChange",
    "Recipient",
    "Recourse",
    "Retention",
    "Right",
    "Security",
    "Transfer",
]

SECTION: Final = "The section of the source policy this statement encodes, as the policy names or numbers it."
"""The description every ``section`` field shares."""
DESCRIPTION: Final = "What the policy says, in its own words or a close summary."
"""The description every ``description`` field of a statement shares."""
CONDITION: Final = (
    "The condition under which the statement holds, as the policy states it ('for paid plans', 'where applicable')."
)
"""The description every ``condition`` field shares."""
EXCEPTIONS: Final = "Exceptions the policy states ('except as described below')."
"""The description every ``exceptions`` field shares."""

_SUBJECTS = "Whose data: the data subjects it concerns (ids); everyone the policy covers when unset."
_LABEL = "The policy's own name for it, where the term does not say it in those words ('Bonitätsprüfung')."


@frozen(kw_only=True)
class PostalAddress(Model):
    """A postal address (of a party, a contact point or a recipient)."""

    organisation: str | None = fld("The organisation named in the address, where it differs from the party.")
    lines: tuple[str, ...] | None = fld("Street lines: building, street, floor, suite.", min_items=1)
    locality: str | None = fld("City or town.")
    region: str | None = fld("State, province or region.")
    postal_code: str | None = fld("Postal or ZIP code.")
    country: str | None = fld("The country, as an ISO 3166-1 alpha-2 code (US, IN, NO).", fmt="country")

    def one_line(self, *, country: bool = True) -> str:
        """The address on one line, its parts separated by commas ('3 Columbus Circle, New York, NY, 10019, US')."""
        parts = (self.organisation, *(self.lines or ()), self.locality, self.region, self.postal_code)
        return ", ".join(part for part in (*parts, self.country if country else None) if part)


@frozen(kw_only=True)
class DataCategory(Model):
    """A category of personal data the policy says is collected or processed."""

    id: str = fld("A local id for this data category.", required=True, fmt="id")
    term: DataCategoryTerm | CustomTerm = fld("The vocabulary term (or an x- custom term).", required=True)
    label: str | None = fld(_LABEL)
    description: str | None = fld(DESCRIPTION)
    sources: tuple[DataSource, ...] | None = fld("How the data is obtained.", min_items=1)
    special_category: bool | None = fld("Whether this is a special category of data (GDPR Art. 9).")
    subjects: tuple[str, ...] | None = fld(_SUBJECTS, ref="data_subjects", fmt="id", min_items=1)
    identifiability: Identifiability | None = fld(
        "How far the data identifies people, as the policy says ('no user will be personally identifiable')."
    )
    condition: str | None = fld(CONDITION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class ProvisionRequirement(Model):
    """Whether people must provide data, why, and what happens if they do not (GDPR Art. 13(2)(e))."""

    required: bool | None = fld("Whether providing the data is required.")
    statutory: bool | None = fld("Whether the requirement is statutory.")
    contractual: bool | None = fld("Whether the requirement is contractual, or needed to enter a contract.")
    data: tuple[str, ...] | None = fld(
        "The data categories this applies to (ids); all when unset.", ref="data_categories", fmt="id", min_items=1
    )
    consequences: str | None = fld("What happens if the data is not provided.")
    condition: str | None = fld(CONDITION)
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Purpose(Model):
    """A purpose for which personal data is processed."""

    id: str = fld("A local id for this purpose.", required=True, fmt="id")
    term: PurposeTerm | CustomTerm = fld("The vocabulary term (or an x- custom term).", required=True)
    label: str | None = fld(_LABEL)
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class LegalBasis(Model):
    """A legal basis the policy relies on, and the purposes and data it covers."""

    id: str = fld("A local id for this legal basis statement.", required=True, fmt="id")
    basis: LegalBasisTerm | CustomTerm = fld(
        "The legal basis, by its W3C DPV identifier (A6-1-a ... A9-2-j) or a term.", required=True
    )
    law: LawTerm | CustomTerm | None = fld("The law the basis comes from, where the policy names it.")
    purposes: tuple[str, ...] | None = fld("Purposes relying on this basis (ids).", ref="purposes", fmt="id", min_items=1)
    data: tuple[str, ...] | None = fld(
        "Data categories processed on this basis (ids).", ref="data_categories", fmt="id", min_items=1
    )
    legitimate_interests: str | None = fld("The legitimate interests pursued, where the basis is legitimate interests.")
    conditional: bool | None = fld(
        "Whether the basis is listed only conditionally ('where applicable', 'could be based on') and not tied to a purpose."
    )
    condition: str | None = fld(CONDITION)
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Recipient(Model):
    """A named third party or a category of recipients that receives data or runs trackers."""

    one_of_required = ("name", "kind", "kinds")

    id: str = fld("A local id; cookies and statements refer to the recipient by it.", required=True, fmt="id")
    name: str | None = fld("The recipient's name, where the policy names it ('Google Analytics').")
    division: str | None = fld("The division of the recipient that receives the data, where the policy names one.")
    address: PostalAddress | None = fld("The recipient's postal address, where the policy gives it.")
    kind: RecipientKind | CustomTerm | None = fld("The kind of recipient.")
    kinds: tuple[RecipientKind | CustomTerm, ...] | None = fld(
        "The kinds of recipient, where it is several at once (a social network that is also an advertising network).",
        min_items=1,
    )
    label: str | None = fld(
        "The policy's own name for the kind of recipient, where the term does not say it in those words ('Zahlungsdienstleister')."
    )
    role: PartyRole | None = fld("The recipient's role, where stated.")
    data: tuple[str, ...] | None = fld("Data categories it receives (ids).", ref="data_categories", fmt="id", min_items=1)
    purposes: tuple[str, ...] | None = fld("Why it receives data (purpose ids).", ref="purposes", fmt="id", min_items=1)
    privacy_policy_url: str | None = fld("The recipient's own privacy policy.", fmt="uri")
    website: str | None = fld("The recipient's website.", fmt="uri")
    domains: tuple[str, ...] | None = fld(
        "The host names its trackers and requests use ('google-analytics.com'); each covers its subdomains.",
        fmt="hostname",
        min_items=1,
    )
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Processing(Model):
    """A processing statement that links data, purposes, legal bases, recipients and retention."""

    id: str = fld("A local id for this processing statement.", required=True, fmt="id")
    description: str | None = fld(DESCRIPTION)
    operations: tuple[OperationTerm | CustomTerm, ...] | None = fld(
        "What is done with the data: collect, combine, profile, track, share, sell...", min_items=1
    )
    data: tuple[str, ...] | None = fld("Data categories processed (ids).", ref="data_categories", fmt="id", min_items=1)
    subjects: tuple[str, ...] | None = fld(_SUBJECTS, ref="data_subjects", fmt="id", min_items=1)
    purposes: tuple[str, ...] | None = fld("Purposes (ids).", ref="purposes", fmt="id", min_items=1)
    legal_bases: tuple[str, ...] | None = fld("Legal bases (ids).", ref="legal_bases", fmt="id", min_items=1)
    recipients: tuple[str, ...] | None = fld("Recipients (ids).", ref="recipients", fmt="id", min_items=1)
    by: tuple[str, ...] | None = fld(
        "Who does it: the ids of controllers or recipients; the controllers when unset.",
        ref=("controllers", "recipients"),
        fmt="id",
        min_items=1,
    )
    role: PartyRole | None = fld("The controller's role for this processing (processor for its customers' data).")
    retention: tuple[str, ...] | None = fld("Retention statements (ids).", ref="retention", fmt="id", min_items=1)
    condition: str | None = fld(CONDITION)
    exceptions: str | None = fld(EXCEPTIONS)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Prohibition(Model):
    """Something the policy says is not done ('not used to train AI', 'we do not sell data for money')."""

    one_of_required = ("operations", "data", "purposes", "recipient_kinds", "description")

    id: str | None = fld("A local id for this statement.", fmt="id")
    operations: tuple[OperationTerm | CustomTerm, ...] | None = fld("What is not done.", min_items=1)
    data: tuple[DataCategoryTerm | CustomTerm, ...] | None = fld(
        "The kinds of data it is not done with (terms, not ids: the data need not be collected).", min_items=1
    )
    purposes: tuple[PurposeTerm | CustomTerm, ...] | None = fld("The purposes it is not done for (terms).", min_items=1)
    recipient_kinds: tuple[RecipientKind | CustomTerm, ...] | None = fld(
        "The kinds of recipient it is not done with or for.", min_items=1
    )
    qualifier: str | None = fld("How the policy qualifies it, in its words ('for money', 'intentionally', 'knowingly').")
    by: tuple[str, ...] | None = fld(
        "Who the policy says does not do it: the ids of controllers or recipients ('Drift will not build profiles'); "
        "the controllers when unset.",
        ref=("controllers", "recipients"),
        fmt="id",
        min_items=1,
    )
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Cookie(Model):
    """A cookie or other tracker (local storage, web beacon, tag, SDK)."""

    one_of_required = ("name", "name_prefix", "description")
    # An exact name and a prefix would say two different things of one tracker: a family is a prefix alone.
    exclusive = (("name", "name_prefix"),)

    id: str | None = fld("A local id, where other parts refer to this tracker.", fmt="id")
    name: str | None = fld("The exact name ('_ga').")
    name_prefix: str | None = fld("A name prefix for a family of names ('_gat_gtag_' for _gat_gtag_<id>).")
    domain: str | None = fld("The host name it is set for ('google-analytics.com'), which covers its subdomains.", fmt="hostname")
    provider: str | None = fld("The recipient that sets or reads it (a recipient id).", ref="recipients", fmt="id")
    party: TrackerParty | None = fld("First or third party.")
    cross_site: bool | None = fld("Whether it follows people across websites that are not the controller's own.")
    technology: TrackerTechnology | None = fld("The technology.")
    lifetime: str | None = fld(
        "How long it lasts: 'session', 'persistent' (no length stated) or an ISO 8601 duration.", fmt="lifetime"
    )
    category: CookieCategory | CustomTerm | None = fld("The category.")
    purposes: tuple[str, ...] | None = fld("Purposes (ids).", ref="purposes", fmt="id", min_items=1)
    legal_bases: tuple[str, ...] | None = fld(
        "The legal bases it is set under (ids), such as the consent asked for it.", ref="legal_bases", fmt="id", min_items=1
    )
    data: tuple[str, ...] | None = fld("Data categories it collects (ids).", ref="data_categories", fmt="id", min_items=1)
    description: str | None = fld(DESCRIPTION)
    opt_out: str | None = fld("How to opt out, as the policy says.")
    opt_out_url: str | None = fld("Where to opt out.", fmt="uri")
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Retention(Model):
    """How long data is kept: a period, an event, criteria, or 'as long as necessary'."""

    id: str = fld("A local id for this retention statement.", required=True, fmt="id")
    data: tuple[str, ...] | None = fld(
        "Data categories it applies to (ids); all when unset.", ref="data_categories", fmt="id", min_items=1
    )
    purposes: tuple[str, ...] | None = fld("Purposes it applies to (ids); all when unset.", ref="purposes", fmt="id", min_items=1)
    period: str | None = fld("A fixed period, as an ISO 8601 duration (P2Y).", fmt="duration")
    until: str | None = fld("The event that ends retention ('account closure').")
    as_long_as_necessary: bool | None = fld("Whether data is kept as long as necessary for its purposes.")
    legal_requirement: bool | None = fld("Whether data may be kept longer where the law requires.")
    required_by: tuple[str, ...] | None = fld(
        "The laws or provisions that require keeping the data, as the policy cites them ('HGB-257', '§ 147 AO').", min_items=1
    )
    criteria: str | None = fld("The criteria that set the period, as the policy states them.")
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Right(Model):
    """A right people have, the law it comes from, who has it and how to exercise it."""

    id: str | None = fld("A local id for this right.", fmt="id")
    kind: RightKind | CustomTerm = fld("The right.", required=True)
    law: LawTerm | CustomTerm | None = fld(
        "The law the right comes from, where the policy says; unset for a right it cites no law for."
    )
    voluntary: bool | None = fld("Whether the controller grants the right of its own accord, not under a law it cites.")
    jurisdictions: tuple[str, ...] | None = fld(
        "Who has the right by place: the regions whose residents have it (EU, US-CA).", fmt="region", min_items=1
    )
    applies_to: str | None = fld("Who has the right, where the policy limits it ('California residents').")
    subjects: tuple[str, ...] | None = fld(
        "Who has the right: the data subjects it belongs to (ids), such as parents or customers.",
        ref="data_subjects",
        fmt="id",
        min_items=1,
    )
    description: str | None = fld(DESCRIPTION)
    how: str | None = fld("How to exercise the right, as the policy says.")
    contacts: tuple[str, ...] | None = fld("Contact points for exercising it (ids).", ref="contacts", fmt="id", min_items=1)
    limits: str | None = fld("Limits or exceptions the policy states.")
    fee: str | None = fld("Any fee the policy states.")
    response_time: str | None = fld("The stated time to respond, as an ISO 8601 duration.", fmt="duration")
    response_business_days: int | None = fld(
        "The stated time to respond in business days ('within 30 business days').", minimum=0, maximum=10000
    )
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Transfer(Model):
    """An international transfer: where data goes from and to, and what makes it lawful."""

    id: str | None = fld("A local id for this transfer.", fmt="id")
    origins: tuple[str, ...] | None = fld(
        "Where the data is transferred from: regions (EU, EEA, CH, GB).", fmt="region", min_items=1
    )
    destinations: tuple[str, ...] | None = fld("Destination countries (ISO 3166-1 alpha-2).", fmt="country", min_items=1)
    destination_regions: tuple[str, ...] | None = fld(
        "Destinations that are not single countries: regions (EU, EEA, WORLD, US-CA).", fmt="region", min_items=1
    )
    other_destinations: bool | None = fld("Whether data also goes to other countries the policy does not name.")
    mechanisms: tuple[TransferMechanism | CustomTerm, ...] | None = fld("Mechanisms relied on.", min_items=1)
    remedies: bool | None = fld(
        "Whether enforceable rights and effective legal remedies are said to be available to people (GDPR Art. 46(1))."
    )
    recipients: tuple[str, ...] | None = fld("Recipients involved (ids).", ref="recipients", fmt="id", min_items=1)
    data: tuple[str, ...] | None = fld("Data categories transferred (ids).", ref="data_categories", fmt="id", min_items=1)
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Children(Model):
    """What the policy says about children."""

    age: int | None = fld("The age under which the policy treats people as children.", minimum=0, maximum=25)
    minimum_age: int | None = fld("The age under which people may not use the service or give data.", minimum=0, maximum=25)
    directed_at_children: bool | None = fld("Whether the service is directed at children.")
    knowingly_collects: bool | None = fld("Whether the controller knowingly collects children's data.")
    if_collected: str | None = fld("What is done with children's data found to have been collected.")
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class DoNotTrack(Model):
    """Whether browser Do Not Track signals are honoured."""

    honoured: bool | None = fld("Whether Do Not Track signals are honoured.")
    description: str | None = fld(DESCRIPTION)
    url: str | None = fld("A page the policy points to about Do Not Track.", fmt="uri")
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Security(Model):
    """Security measures the policy describes, and those it says are not taken."""

    measures: tuple[MeasureTerm | CustomTerm, ...] | None = fld("The measures.", min_items=1)
    not_taken: tuple[MeasureTerm | CustomTerm, ...] | None = fld(
        "Measures the policy says are not taken ('not encrypted at rest').", min_items=1
    )
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Certification(Model):
    """A certification, seal or framework the controller claims."""

    name: str = fld("The certification's name ('TRUSTe Privacy Seal').", required=True)
    issuer: str | None = fld("Who issues it.")
    url: str | None = fld("Where to verify or learn about it.", fmt="uri")
    verification_url: str | None = fld("Where to verify the controller's certification (the seal's validation page).", fmt="uri")
    dispute_url: str | None = fld("Where to take a complaint to the certifier (its dispute resolution form).", fmt="uri")
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Recourse(Model):
    """Independent recourse the policy names: a dispute resolution body, arbitration, a regulator or a court."""

    one_of_required = ("name", "kind")

    id: str | None = fld("A local id for this recourse.", fmt="id")
    name: str | None = fld("Its name ('TRUSTe', 'JAMS', 'the US Federal Trade Commission').")
    kind: RecourseKind | CustomTerm | None = fld("The kind of recourse.")
    url: str | None = fld("Where to reach it or file a complaint.", fmt="uri")
    after: str | None = fld(
        "How long after a complaint to the controller it can be used, as an ISO 8601 duration (P30D).", fmt="duration"
    )
    cost: str | None = fld("What it costs people, as the policy says ('free of charge').")
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class DataSale(Model):
    """Whether personal data is sold or shared."""

    sold: bool | None = fld("Whether personal data is sold.")
    shared: bool | None = fld("Whether personal data is shared with third parties for their own purposes.")
    for_money_only: bool | None = fld(
        "Whether the statement covers selling for money only, so that other valuable consideration is not excluded."
    )
    condition: str | None = fld(CONDITION)
    exceptions: str | None = fld(EXCEPTIONS)
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class AutomatedDecisionMaking(Model):
    """Automated decision-making and profiling (GDPR Art. 22)."""

    used: bool | None = fld("Whether decisions are made solely by automated means.")
    profiling: bool | None = fld("Whether profiling is used.")
    logic: str | None = fld("The logic involved.")
    consequences: str | None = fld("The significance and envisaged consequences.")
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class PolicyChanges(Model):
    """How the policy may change and how people are told."""

    notification: tuple[NotificationMethod, ...] | None = fld("How people are told of changes.", min_items=1)
    advance_notice: bool | None = fld("Whether people are told before a change takes effect.")
    advance_notice_period: str | None = fld(
        "How long before a change takes effect people are told, as an ISO 8601 duration (P30D).", fmt="duration"
    )
    acceptance_by_continued_use: bool | None = fld("Whether continuing to use the service is said to mean accepting changes.")
    material_change_requires_consent: bool | None = fld("Whether a material change needs people's consent.")
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class PurposeChange(Model):
    """A planned change of purpose: data to be processed for a purpose other than the one it was collected for."""

    one_of_required = ("description", "date", "new_version_url")

    id: str | None = fld("A local id for this change.", fmt="id")
    description: str | None = fld("The change, as the policy describes it.")
    data: tuple[str, ...] | None = fld(
        "The data categories the change affects (ids).", ref="data_categories", fmt="id", min_items=1
    )
    date: dt.date | None = fld("The date the change is planned for.")
    new_version_url: str | None = fld("Where the policy's version after the change is published.", fmt="uri")
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Choice(Model):
    """A choice or opt-out people have."""

    kind: ChoiceKind | CustomTerm = fld("The kind of choice.", required=True)
    description: str | None = fld(DESCRIPTION)
    url: str | None = fld("Where to make the choice.", fmt="uri")
    contacts: tuple[str, ...] | None = fld("Contact points to use (ids).", ref="contacts", fmt="id", min_items=1)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class LawReference(Model):
    """A law or framework the policy cites."""

    law: LawTerm | CustomTerm = fld("The law.", required=True)
    applies: bool | None = fld("Whether the law applies; false where the policy says it does not ('COPPA does not apply').")
    description: str | None = fld(DESCRIPTION)
    url: str | None = fld("A page the policy points to about it.", fmt="uri")
    separate_notice_url: str | None = fld(
        "Where the policy sends readers for this law's disclosures (a separate notice).", fmt="uri"
    )
    section: str | None = fld(SECTION)
