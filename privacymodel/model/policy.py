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

This module holds the document and the parties, and :class:`PrivacyPolicy`, which holds everything; the
statements are in :mod:`privacymodel.model.statements`, and every class is importable from here.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from attrs import frozen

from privacymodel.model.fields import Model, fld
from privacymodel.model.statements import (
    DESCRIPTION,
    SECTION,
    AutomatedDecisionMaking,
    Certification,
    Children,
    Choice,
    Cookie,
    DataCategory,
    DataSale,
    DoNotTrack,
    LawReference,
    LegalBasis,
    PolicyChanges,
    PostalAddress,
    Processing,
    Prohibition,
    ProvisionRequirement,
    Purpose,
    PurposeChange,
    Recipient,
    Recourse,
    Retention,
    Right,
    Security,
    Transfer,
)
from privacymodel.model.vocab import ContactPurpose, CustomTerm, DataSubjectTerm, PartyRole

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
    "DataSubject",
    "DoNotTrack",
    "Document",
    "LawReference",
    "LegalBasis",
    "Party",
    "PolicyChanges",
    "PostalAddress",
    "PrivacyPolicy",
    "Processing",
    "Prohibition",
    "ProvisionRequirement",
    "Purpose",
    "PurposeChange",
    "Recipient",
    "Recourse",
    "Retention",
    "Right",
    "Role",
    "Security",
    "Transfer",
]

FORMAT_VERSION: Final = "1.1.0"
"""The format version of this release: the ``privacymodel`` value of the policies it makes. It reads documents in
1.0.x and 1.1.x alike (1.1 adds to 1.0 and removes nothing), and a loaded policy keeps the version its document
states, so ``dump`` writes back what was read."""


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
    acceptance_by_use: bool | None = fld("Whether using the site or service is said to mean accepting the policy.")
    archive_url: str | None = fld("Where an archived copy of the text was retrieved from.", fmt="uri")
    retrieved_on: dt.date | None = fld("The date the text was retrieved or archived.")


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
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Role(Model):
    """A role a party plays, and the processing it plays it for."""

    role: PartyRole = fld("The role.", required=True)
    scope: str | None = fld("The data or processing for which the party has this role.")
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class Party(Model):
    """An organisation: a controller, a representative or a supervisory authority."""

    one_of_required = ("name", "description")

    id: str = fld("A local id for this party.", required=True, fmt="id")
    name: str | None = fld("The legal name; unset where the policy names none ('your local supervisory authority').")
    aliases: tuple[str, ...] | None = fld("Other names the policy uses for the party ('CTS', 'the Company').", min_items=1)
    division: str | None = fld("The division or line of business the policy concerns ('Product line e-mobility').")
    roles: tuple[Role, ...] | None = fld("The roles the policy says the party plays.", min_items=1)
    address: PostalAddress | None = fld("The party's postal address.")
    contacts: tuple[ContactPoint, ...] | None = fld("Ways to reach the party.", min_items=1)
    website: str | None = fld("The party's website.", fmt="uri")
    local: bool | None = fld("Whether it is the authority of each person's own country, unnamed ('your local authority').")
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class DataProtectionOfficer(Model):
    """The data protection officer (GDPR Art. 37-39), where one is designated."""

    name: str | None = fld("The officer's name, if given.")
    contacts: tuple[ContactPoint, ...] | None = fld("Ways to reach the officer.", min_items=1)
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class DataSubject(Model):
    """A kind of person whose data the policy covers: visitors, customers, customers' end users, job applicants."""

    id: str = fld("A local id; statements and rights refer to these data subjects by it.", required=True, fmt="id")
    term: DataSubjectTerm | CustomTerm = fld("The vocabulary term (or an x- custom term).", required=True)
    description: str | None = fld(DESCRIPTION)
    section: str | None = fld(SECTION)


@frozen(kw_only=True)
class PrivacyPolicy(Model):
    """A privacy policy: who is responsible, what data is processed, why, with whom, for how long, and people's rights."""

    privacymodel: str = fld(
        "The privacymodel format version the document is written in: 1.1.0 (1.0.x and 1.1.x are read); kept as written.",
        required=True,
        fmt="version",
    )
    document: Document = fld("The policy document: title, URL and dates.", required=True)
    controllers: tuple[Party, ...] = fld("The controller(s) and the other organisations responsible.", required=True, min_items=1)
    representative: Party | None = fld("The controller's representative in the EU (GDPR Art. 27).")
    dpo: DataProtectionOfficer | None = fld("The data protection officer.")
    supervisory_authority: Party | None = fld("The supervisory authority the policy names.")
    data_subjects: tuple[DataSubject, ...] | None = fld("Whose data the policy covers: kinds of data subjects.")
    data_categories: tuple[DataCategory, ...] | None = fld("Categories of personal data collected.")
    provision_requirements: tuple[ProvisionRequirement, ...] | None = fld(
        "Whether people must provide data (GDPR Art. 13(2)(e))."
    )
    purposes: tuple[Purpose, ...] | None = fld("Purposes of processing.")
    legal_bases: tuple[LegalBasis, ...] | None = fld("Legal bases relied on.")
    processing: tuple[Processing, ...] | None = fld("Processing statements linking data, purposes, bases and recipients.")
    prohibitions: tuple[Prohibition, ...] | None = fld("What the policy says is not done.")
    recipients: tuple[Recipient, ...] | None = fld("Named third parties and categories of recipients.")
    cookies: tuple[Cookie, ...] | None = fld("Cookies and other trackers.")
    retention: tuple[Retention, ...] | None = fld("How long data is kept.")
    rights: tuple[Right, ...] | None = fld("Rights people have.")
    transfers: tuple[Transfer, ...] | None = fld("International transfers.")
    children: Children | None = fld("What the policy says about children.")
    do_not_track: DoNotTrack | None = fld("Do Not Track.")
    security: Security | None = fld("Security measures.")
    certifications: tuple[Certification, ...] | None = fld("Certifications, seals and frameworks claimed.")
    recourse: tuple[Recourse, ...] | None = fld("Independent recourse: dispute resolution, arbitration, regulators, courts.")
    sale_of_data: DataSale | None = fld("Whether data is sold or shared.")
    automated_decision_making: AutomatedDecisionMaking | None = fld("Automated decision-making and profiling.")
    policy_changes: PolicyChanges | None = fld("How changes to the policy are made known.")
    purpose_changes: tuple[PurposeChange, ...] | None = fld(
        "Planned changes of purpose people are told of beforehand (GDPR Art. 13(3), 14(4))."
    )
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
    DataSubject,
    DataCategory,
    ProvisionRequirement,
    Purpose,
    LegalBasis,
    Processing,
    Prohibition,
    Recipient,
    Cookie,
    Retention,
    Right,
    Transfer,
    Children,
    DoNotTrack,
    Security,
    Certification,
    Recourse,
    DataSale,
    AutomatedDecisionMaking,
    PolicyChanges,
    PurposeChange,
    Choice,
    LawReference,
)
