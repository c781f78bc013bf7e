"""The typed policy model: frozen, keyword-only attrs classes.

Conventions that hold for every class:

* A field left as ``None`` means the policy does not state it. ``False``, ``0``
  or an empty tuple mean the policy states the negative ("we do not respond to
  Do Not Track", "no cookies"). Nothing is ever defaulted to a fact.
* Keys in YAML and JSON are the attribute names, in declaration order.
* ``id`` fields are local ids; other parts refer to them by id (a cookie's
  ``provider``, a processing statement's ``purposes``). References are checked
  when a policy is loaded.
* ``section`` names the section of the source policy a statement encodes.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from attrs import frozen

from privacymodel.model.fields import Model, fld
from privacymodel.model.vocab import (
    ChoiceKind,
    ContactPurpose,
    CookieCategory,
    CustomTerm,
    DataCategoryTerm,
    DataSource,
    LawTerm,
    LegalBasisTerm,
    MeasureTerm,
    NotificationMethod,
    PartyRole,
    PurposeTerm,
    RecipientKind,
    RightKind,
    TrackerParty,
    TrackerTechnology,
    TransferMechanism,
)

__all__ = [
    "FORMAT_VERSION",
    "AutomatedDecisionMaking",
    "Certification",
    "Children",
    "Choice",
    "ContactPoint",
    "Cookie",
    "DataCategory",
    "DataProtectionOfficer",
    "DataSale",
    "DoNotTrack",
    "Document",
    "LawReference",
    "LegalBasis",
    "Party",
    "PolicyChanges",
    "PostalAddress",
    "PrivacyPolicy",
    "Processing",
    "ProvisionRequirement",
    "Purpose",
    "Recipient",
    "Retention",
    "Right",
    "Role",
    "Security",
    "Transfer",
]

FORMAT_VERSION: Final = "1.0.0"
"""The format version this release writes in the ``privacymodel`` key."""

_SECTION = "The section of the source policy this statement encodes, as the policy names or numbers it."
_DESCRIPTION = "What the policy says, in its own words or a close summary."


@frozen(kw_only=True)
class Document(Model):
    """The policy document itself: title, where it is published and its dates."""

    title: str = fld("The title of the policy.", required=True)
    url: str | None = fld("Where the policy is published.", fmt="uri")
    language: str | None = fld("The language of the policy text, as a BCP 47 tag.", fmt="language")
    effective_date: dt.date | None = fld("The date the policy takes effect.")
    last_updated: dt.date | None = fld("The date the policy was last updated or modified.")
    version: str | None = fld("The policy's own version label, if it has one.")
    applies_to: str | None = fld("What the policy covers (websites, services, apps), as it says.")
    archive_url: str | None = fld("Where an archived copy of the text was retrieved from.", fmt="uri")
    retrieved_on: dt.date | None = fld("The date the text was retrieved or archived.")


@frozen(kw_only=True)
class PostalAddress(Model):
    """A postal address."""

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
class ContactPoint(Model):
    """One way to reach a party: an email address, phone number, web address or postal address."""

    one_of_required = ("email", "phone", "url", "address")

    id: str | None = fld("A local id, so rights and choices can name this contact point.", fmt="id")
    email: str | None = fld("An email address.", fmt="email")
    phone: str | None = fld("A telephone number.", fmt="phone")
    url: str | None = fld("A web form or page.", fmt="uri")
    address: PostalAddress | None = fld("A postal address.")
    purposes: tuple[ContactPurpose, ...] | None = fld("What this contact point is for.", min_items=1)
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class Role(Model):
    """A role a party plays, and the processing it plays it for."""

    role: PartyRole = fld("The role.", required=True)
    scope: str | None = fld("The data or processing for which the party has this role.")
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class Party(Model):
    """An organisation: a controller, a representative or a supervisory authority."""

    id: str = fld("A local id for this party.", required=True, fmt="id")
    name: str = fld("The legal name.", required=True)
    aliases: tuple[str, ...] | None = fld("Other names the policy uses for the party ('CTS', 'the Company').", min_items=1)
    roles: tuple[Role, ...] | None = fld("The roles the policy says the party plays.", min_items=1)
    address: PostalAddress | None = fld("The party's postal address.")
    contacts: tuple[ContactPoint, ...] | None = fld("Ways to reach the party.", min_items=1)
    website: str | None = fld("The party's website.", fmt="uri")
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class DataProtectionOfficer(Model):
    """The data protection officer (GDPR Art. 37-39), where one is designated."""

    name: str | None = fld("The officer's name, if given.")
    contacts: tuple[ContactPoint, ...] | None = fld("Ways to reach the officer.", min_items=1)
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class DataCategory(Model):
    """A category of personal data the policy says is collected or processed."""

    id: str = fld("A local id for this data category.", required=True, fmt="id")
    term: DataCategoryTerm | CustomTerm = fld("The vocabulary term (or an x- custom term).", required=True)
    description: str | None = fld(_DESCRIPTION)
    sources: tuple[DataSource, ...] | None = fld("How the data is obtained.", min_items=1)
    special_category: bool | None = fld("Whether this is a special category of data (GDPR Art. 9).")
    section: str | None = fld(_SECTION)


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
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class Purpose(Model):
    """A purpose for which personal data is processed."""

    id: str = fld("A local id for this purpose.", required=True, fmt="id")
    term: PurposeTerm | CustomTerm = fld("The vocabulary term (or an x- custom term).", required=True)
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


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
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class Recipient(Model):
    """A named third party or a category of recipients that receives data or runs trackers."""

    one_of_required = ("name", "kind")

    id: str = fld("A local id; cookies and statements refer to the recipient by it.", required=True, fmt="id")
    name: str | None = fld("The recipient's name, where the policy names it ('Google Analytics').")
    kind: RecipientKind | CustomTerm | None = fld("The kind of recipient.")
    role: PartyRole | None = fld("The recipient's role, where stated.")
    data: tuple[str, ...] | None = fld("Data categories it receives (ids).", ref="data_categories", fmt="id", min_items=1)
    purposes: tuple[str, ...] | None = fld("Why it receives data (purpose ids).", ref="purposes", fmt="id", min_items=1)
    privacy_policy_url: str | None = fld("The recipient's own privacy policy.", fmt="uri")
    website: str | None = fld("The recipient's website.", fmt="uri")
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class Processing(Model):
    """A processing statement that links data, purposes, legal bases, recipients and retention."""

    id: str = fld("A local id for this processing statement.", required=True, fmt="id")
    description: str | None = fld(_DESCRIPTION)
    data: tuple[str, ...] | None = fld("Data categories processed (ids).", ref="data_categories", fmt="id", min_items=1)
    purposes: tuple[str, ...] | None = fld("Purposes (ids).", ref="purposes", fmt="id", min_items=1)
    legal_bases: tuple[str, ...] | None = fld("Legal bases (ids).", ref="legal_bases", fmt="id", min_items=1)
    recipients: tuple[str, ...] | None = fld("Recipients (ids).", ref="recipients", fmt="id", min_items=1)
    retention: tuple[str, ...] | None = fld("Retention statements (ids).", ref="retention", fmt="id", min_items=1)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class Cookie(Model):
    """A cookie or other tracker (local storage, web beacon, tag, SDK)."""

    one_of_required = ("name", "name_prefix", "description")

    id: str | None = fld("A local id, where other parts refer to this tracker.", fmt="id")
    name: str | None = fld("The exact name ('_ga').")
    name_prefix: str | None = fld("A name prefix for a family of names ('_gat_gtag_' for _gat_gtag_<id>).")
    provider: str | None = fld("The recipient that sets or reads it (a recipient id).", ref="recipients", fmt="id")
    party: TrackerParty | None = fld("First or third party.")
    technology: TrackerTechnology | None = fld("The technology.")
    lifetime: str | None = fld(
        "How long it lasts: 'session', 'persistent' (no length stated) or an ISO 8601 duration.", fmt="lifetime"
    )
    category: CookieCategory | CustomTerm | None = fld("The category.")
    purposes: tuple[str, ...] | None = fld("Purposes (ids).", ref="purposes", fmt="id", min_items=1)
    data: tuple[str, ...] | None = fld("Data categories it collects (ids).", ref="data_categories", fmt="id", min_items=1)
    description: str | None = fld(_DESCRIPTION)
    opt_out: str | None = fld("How to opt out, as the policy says.")
    opt_out_url: str | None = fld("Where to opt out.", fmt="uri")
    section: str | None = fld(_SECTION)


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
    criteria: str | None = fld("The criteria that set the period, as the policy states them.")
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class Right(Model):
    """A right people have, the law it comes from and how to exercise it."""

    id: str | None = fld("A local id for this right.", fmt="id")
    kind: RightKind | CustomTerm = fld("The right.", required=True)
    law: LawTerm | CustomTerm | None = fld("The law the right comes from, where the policy says.")
    applies_to: str | None = fld("Who has the right, where the policy limits it ('California residents').")
    description: str | None = fld(_DESCRIPTION)
    how: str | None = fld("How to exercise the right, as the policy says.")
    contacts: tuple[str, ...] | None = fld("Contact points for exercising it (ids).", ref="contacts", fmt="id", min_items=1)
    limits: str | None = fld("Limits or exceptions the policy states.")
    fee: str | None = fld("Any fee the policy states.")
    response_time: str | None = fld("The stated time to respond, as an ISO 8601 duration.", fmt="duration")
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class Transfer(Model):
    """An international transfer: where data goes and what makes it lawful."""

    id: str | None = fld("A local id for this transfer.", fmt="id")
    destinations: tuple[str, ...] | None = fld("Destination countries (ISO 3166-1 alpha-2).", fmt="country", min_items=1)
    mechanisms: tuple[TransferMechanism | CustomTerm, ...] | None = fld("Mechanisms relied on.", min_items=1)
    recipients: tuple[str, ...] | None = fld("Recipients involved (ids).", ref="recipients", fmt="id", min_items=1)
    data: tuple[str, ...] | None = fld("Data categories transferred (ids).", ref="data_categories", fmt="id", min_items=1)
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class Children(Model):
    """What the policy says about children."""

    age: int | None = fld("The age under which the policy treats people as children.", minimum=0, maximum=25)
    minimum_age: int | None = fld("The age under which people may not use the service or give data.", minimum=0, maximum=25)
    directed_at_children: bool | None = fld("Whether the service is directed at children.")
    knowingly_collects: bool | None = fld("Whether the controller knowingly collects children's data.")
    if_collected: str | None = fld("What is done with children's data found to have been collected.")
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class DoNotTrack(Model):
    """Whether browser Do Not Track signals are honoured."""

    honoured: bool | None = fld("Whether Do Not Track signals are honoured.")
    description: str | None = fld(_DESCRIPTION)
    url: str | None = fld("A page the policy points to about Do Not Track.", fmt="uri")
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class Security(Model):
    """Security measures the policy describes."""

    measures: tuple[MeasureTerm | CustomTerm, ...] | None = fld("The measures.", min_items=1)
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class Certification(Model):
    """A certification, seal or framework the controller claims."""

    name: str = fld("The certification's name ('TRUSTe Privacy Seal').", required=True)
    issuer: str | None = fld("Who issues it.")
    url: str | None = fld("Where to verify or learn about it.", fmt="uri")
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class DataSale(Model):
    """Whether personal data is sold or shared."""

    sold: bool | None = fld("Whether personal data is sold.")
    shared: bool | None = fld("Whether personal data is shared with third parties for their own purposes.")
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class AutomatedDecisionMaking(Model):
    """Automated decision-making and profiling (GDPR Art. 22)."""

    used: bool | None = fld("Whether decisions are made solely by automated means.")
    profiling: bool | None = fld("Whether profiling is used.")
    logic: str | None = fld("The logic involved.")
    consequences: str | None = fld("The significance and envisaged consequences.")
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class PolicyChanges(Model):
    """How the policy may change and how people are told."""

    notification: tuple[NotificationMethod, ...] | None = fld("How people are told of changes.", min_items=1)
    advance_notice: bool | None = fld("Whether people are told before a change takes effect.")
    description: str | None = fld(_DESCRIPTION)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class Choice(Model):
    """A choice or opt-out people have."""

    kind: ChoiceKind | CustomTerm = fld("The kind of choice.", required=True)
    description: str | None = fld(_DESCRIPTION)
    url: str | None = fld("Where to make the choice.", fmt="uri")
    contacts: tuple[str, ...] | None = fld("Contact points to use (ids).", ref="contacts", fmt="id", min_items=1)
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class LawReference(Model):
    """A law or framework the policy cites."""

    law: LawTerm | CustomTerm = fld("The law.", required=True)
    description: str | None = fld(_DESCRIPTION)
    url: str | None = fld("A page the policy points to about it.", fmt="uri")
    section: str | None = fld(_SECTION)


@frozen(kw_only=True)
class PrivacyPolicy(Model):
    """A privacy policy: who is responsible, what data is processed, why, with whom, for how long, and people's rights."""

    privacymodel: str = fld("The privacymodel format version of this document (1.0.0).", required=True, fmt="version")
    document: Document = fld("The policy document: title, URL and dates.", required=True)
    controllers: tuple[Party, ...] = fld("The controller(s) and the other organisations responsible.", required=True, min_items=1)
    representative: Party | None = fld("The controller's representative in the EU (GDPR Art. 27).")
    dpo: DataProtectionOfficer | None = fld("The data protection officer.")
    supervisory_authority: Party | None = fld("The supervisory authority the policy names.")
    data_categories: tuple[DataCategory, ...] | None = fld("Categories of personal data collected.")
    provision_requirements: tuple[ProvisionRequirement, ...] | None = fld(
        "Whether people must provide data (GDPR Art. 13(2)(e))."
    )
    purposes: tuple[Purpose, ...] | None = fld("Purposes of processing.")
    legal_bases: tuple[LegalBasis, ...] | None = fld("Legal bases relied on.")
    processing: tuple[Processing, ...] | None = fld("Processing statements linking data, purposes, bases and recipients.")
    recipients: tuple[Recipient, ...] | None = fld("Named third parties and categories of recipients.")
    cookies: tuple[Cookie, ...] | None = fld("Cookies and other trackers.")
    retention: tuple[Retention, ...] | None = fld("How long data is kept.")
    rights: tuple[Right, ...] | None = fld("Rights people have.")
    transfers: tuple[Transfer, ...] | None = fld("International transfers.")
    children: Children | None = fld("What the policy says about children.")
    do_not_track: DoNotTrack | None = fld("Do Not Track.")
    security: Security | None = fld("Security measures.")
    certifications: tuple[Certification, ...] | None = fld("Certifications, seals and frameworks claimed.")
    sale_of_data: DataSale | None = fld("Whether data is sold or shared.")
    automated_decision_making: AutomatedDecisionMaking | None = fld("Automated decision-making and profiling.")
    policy_changes: PolicyChanges | None = fld("How changes to the policy are made known.")
    choices: tuple[Choice, ...] | None = fld("Choices and opt-outs.")
    laws: tuple[LawReference, ...] | None = fld("Laws and frameworks the policy cites.")


MODEL_CLASSES: Final = (
    PrivacyPolicy,
    Document,
    Party,
    Role,
    PostalAddress,
    ContactPoint,
    DataProtectionOfficer,
    DataCategory,
    ProvisionRequirement,
    Purpose,
    LegalBasis,
    Processing,
    Recipient,
    Cookie,
    Retention,
    Right,
    Transfer,
    Children,
    DoNotTrack,
    Security,
    Certification,
    DataSale,
    AutomatedDecisionMaking,
    PolicyChanges,
    Choice,
    LawReference,
)
