"""The tables of facts a fideslang export maps with: this format's terms and the keys of fideslang's taxonomy.

Each table maps a vocabulary term to the key (or the enumerated value) fideslang has for the same
thing. A term that is not in its table has no counterpart: the export reports it (PM404) and does not
write a nearer or broader key in its place. The ``NO_*`` sets name those terms, so that a term added to
a vocabulary is mapped or set aside on purpose (a test checks that each vocabulary is covered).

Source of the keys: the default taxonomy of fideslang 3.1 (``fideslang.default_taxonomy``; its data
categories, data uses and data subjects were added in taxonomy versions 2.0.0 to 2.1.1, and none of the
keys used here is deprecated there), and the enumerations of its ``PrivacyDeclaration`` and ``System``
models (``LegalBasisForProcessingEnum``, ``SpecialCategoryLegalBasisEnum``, ``LegalBasisForTransfersEnum``,
``DataResponsibilityTitle``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from privacymodel.model.vocab import DataCategoryTerm, DataSubjectTerm, LegalBasisTerm, PartyRole, PurposeTerm, TransferMechanism

__all__ = [
    "DATA_CATEGORIES",
    "DATA_SUBJECTS",
    "DATA_USES",
    "LEGAL_BASES",
    "NO_DATA_CATEGORY",
    "NO_DATA_SUBJECT",
    "NO_DATA_USE",
    "RESPONSIBILITIES",
    "SPECIAL_CATEGORY_BASES",
    "TAXONOMY",
    "TRANSFER_BASES",
]

TAXONOMY: Final = "fideslang 3.1 default taxonomy"
"""The taxonomy the tables map to, as the export's notes name it."""

_T = DataCategoryTerm
# Our data categories -> fideslang data categories (fideslang 3.1 default taxonomy). Where fideslang splits a
# concept our term does not (a card that may be a debit card), the key is the one that covers the term, never a
# narrower one.
DATA_CATEGORIES: Final[Mapping[DataCategoryTerm, str]] = {
    _T.PERSONAL_DATA: "user",
    _T.NAME: "user.name",
    _T.EMAIL_ADDRESS: "user.contact.email",
    _T.TELEPHONE_NUMBER: "user.contact.phone_number",
    _T.PHYSICAL_ADDRESS: "user.contact.address",
    _T.POSTAL_CODE: "user.contact.address.postal_code",
    _T.CITY: "user.contact.address.city",
    _T.COUNTRY: "user.contact.address.country",
    _T.LOCATION: "user.location",
    _T.IP_ADDRESS: "user.device.ip_address",
    _T.MAC_ADDRESS: "user.device.device_id",
    _T.DEVICE_INFORMATION: "user.device",
    _T.DEVICE_OPERATING_SYSTEM: "user.device",
    _T.DEVICE_SOFTWARE: "user.device",
    _T.USER_AGENT: "user.device",
    _T.BROWSER_FINGERPRINT: "user.unique_id.pseudonymous",
    _T.BROWSING_BEHAVIOUR: "user.behavior.browsing_history",
    _T.BROWSER_HISTORY: "user.behavior.browsing_history",
    _T.BROWSING_REFERRAL: "user.behavior",
    _T.LINK_CLICKED: "user.behavior",
    _T.CONNECTION: "user.device",
    _T.IDENTIFIER: "user.unique_id",
    _T.UNIQUE_IDENTIFIER: "user.unique_id",
    _T.ACCOUNT_IDENTIFIER: "user.account",
    _T.USERNAME: "user.account.username",
    _T.PASSWORD: "user.authorization.password",
    _T.PAYMENT_CARD: "user.payment",
    _T.PAYMENT_CARD_NUMBER: "user.payment",
    _T.CREDIT_CARD_NUMBER: "user.financial.credit_card",
    _T.BANK_ACCOUNT: "user.financial.bank_account",
    _T.FINANCIAL: "user.financial",
    _T.TRANSACTION: "user.financial",
    _T.PURCHASE: "user.behavior.purchase_history",
    _T.AGE: "user.demographic",
    _T.BIRTH_DATE: "user.demographic.date_of_birth",
    _T.GENDER: "user.demographic.gender",
    _T.DEMOGRAPHIC: "user.demographic",
    _T.INTEREST: "user.demographic.profile",
    _T.PREFERENCE: "user.demographic.profile",
    _T.PRIVACY_PREFERENCE: "user.privacy_preferences",
    _T.PROFESSIONAL: "user.workplace",
    _T.JOB: "user.job_title",
    _T.COMMUNICATION: "user.content",
    _T.EMAIL_CONTENT: "user.content.private",
    _T.COMMUNICATIONS_METADATA: "user.behavior",
    _T.INTERACTION: "user.behavior",
    _T.SERVICE_CONSUMPTION_BEHAVIOUR: "user.behavior",
    _T.SOCIAL_MEDIA: "user.social",
    _T.PICTURE: "user.content.self_image",
    _T.LANGUAGE: "user.demographic.language",
    _T.NATIONALITY: "user.demographic",
    _T.OFFICIAL_ID: "user.government_id",
    _T.CRIMINAL: "user.criminal_history",
    _T.BIOMETRIC: "user.biometric",
    _T.ETHNIC_ORIGIN: "user.demographic.race_ethnicity",
    _T.RACE: "user.demographic.race_ethnicity",
    _T.GENETIC: "user.health_and_medical.genetic",
    _T.HEALTH: "user.health_and_medical",
    _T.POLITICAL_OPINION: "user.demographic.political_opinion",
    _T.RELIGION: "user.demographic.religious_belief",
    _T.SEXUAL: "user.demographic.sexual_orientation",
}
NO_DATA_CATEGORY: Final = frozenset(
    {
        _T.TRACKING,  # identifiers and signals at once: fideslang files them apart (user.unique_id, user.behavior)
        _T.PHILOSOPHICAL_BELIEF,  # fideslang has religious beliefs and political opinions only
        _T.TRADE_UNION_MEMBERSHIP,
        _T.ANONYMISED_DATA,  # fideslang's categories are data about a user or a system; this identifies no one
    }
)
"""Data categories fideslang has no category for."""

_P = PurposeTerm
# Our purposes -> fideslang data uses (fideslang 3.1 default taxonomy). Advertising that the policy calls targeted
# or personalised stays marketing.advertising: fideslang files targeting under first or third party, which the term
# does not say.
DATA_USES: Final[Mapping[PurposeTerm, str]] = {
    _P.SERVICE_PROVISION: "essential.service",
    _P.REQUESTED_SERVICE_PROVISION: "essential.service",
    _P.SERVICE_OPTIMISATION: "functional.service.improve",
    _P.SERVICE_PERSONALISATION: "personalize",
    _P.SERVICE_USAGE_ANALYTICS: "analytics.reporting.system",
    _P.SERVICE_MONITORING: "essential.service.operations",
    _P.IMPROVE_PRODUCTS: "functional.service.improve",
    _P.OPTIMISE_USER_INTERFACE: "functional.service.improve",
    _P.COMMERCIAL_RESEARCH: "analytics",
    _P.ACCOUNT_MANAGEMENT: "essential.service",
    _P.IDENTITY_AUTHENTICATION: "essential.service.authentication",
    _P.CUSTOMER_CARE: "essential.service.operations.support",
    _P.CUSTOMER_MANAGEMENT: "operations",
    _P.CUSTOMER_RELATIONSHIP_MANAGEMENT: "operations",
    _P.COMMUNICATION_MANAGEMENT: "essential.service.notifications",
    _P.PAYMENT_MANAGEMENT: "essential.service.payment_processing",
    _P.MARKETING: "marketing",
    _P.DIRECT_MARKETING: "marketing.communications",
    _P.ADVERTISING: "marketing.advertising",
    _P.PERSONALISED_ADVERTISING: "marketing.advertising",
    _P.TARGETED_ADVERTISING: "marketing.advertising",
    _P.SOCIAL_MEDIA_MARKETING: "marketing",
    _P.PUBLIC_RELATIONS: "marketing",
    _P.PERSONALISATION: "personalize",
    _P.LEGAL_COMPLIANCE: "essential.legal_obligation",
    _P.FULFILMENT_OF_CONTRACTUAL_OBLIGATION: "essential.service",
    _P.ENFORCE_SECURITY: "essential.service.security",
    _P.FRAUD_PREVENTION: "essential.fraud_detection",
    _P.MISUSE_PREVENTION: "essential.fraud_detection",
    _P.RECORD_MANAGEMENT: "operations",
    _P.SELL_DATA: "third_party_sharing",
    _P.VENDOR_MANAGEMENT: "operations",
    _P.RIGHTS_FULFILMENT: "essential.legal_obligation",
    _P.PROVIDE_PRODUCT_RECOMMENDATIONS: "personalize.content",
    _P.CREDIT_CHECKING: "finance",
}
NO_DATA_USE: Final = frozenset(
    {
        _P.RESEARCH_AND_DEVELOPMENT,  # fideslang's uses improve an existing service; research may make a new one
        _P.ESTABLISH_CONTRACTUAL_AGREEMENT,
        _P.DISPUTE_MANAGEMENT,
        _P.PROTECTION_OF_RIGHTS,
        _P.BUSINESS_TRANSFER,
        _P.SELL_INSIGHTS,  # insights need not be the data fideslang's third_party_sharing transfers
        _P.AGE_VERIFICATION,
        _P.STAFF_TRAINING,
        _P.IDENTITY_RESOLUTION,
        _P.TRAINING,
    }
)
"""Purposes fideslang has no data use for."""

_S = DataSubjectTerm
# Our data subjects -> fideslang data subjects (fideslang 3.1 default taxonomy, which has no plain 'user').
DATA_SUBJECTS: Final[Mapping[DataSubjectTerm, str]] = {
    _S.VISITOR: "visitor",
    _S.CUSTOMER: "customer",
    _S.CLIENT: "customer",
    _S.CONSUMER: "customer",
    _S.EMPLOYEE: "employee",
    _S.JOB_APPLICANT: "job_applicant",
    _S.PATIENT: "patient",
    _S.PARENT: "next_of_kin",
}
NO_DATA_SUBJECT: Final = frozenset(
    {
        _S.USER,
        _S.SUBSCRIBER,
        _S.MEMBER,
        _S.APPLICANT,
        _S.CHILD,
        _S.ADULT,
        _S.GUARDIAN,  # a guardian need not be kin
        _S.STUDENT,
        _S.PARTICIPANT,
        _S.CITIZEN,  # fideslang's citizen_voter is a registered voter
        _S.END_USER_OF_CUSTOMER,
        _S.BUSINESS_CONTACT,
    }
)
"""Data subjects fideslang has no data subject for."""

_B = LegalBasisTerm
# Our legal bases -> fideslang's LegalBasisForProcessingEnum (GDPR Art. 6(1) a-f, and the same bases under other
# laws). Implied and opt-out consent are not consent in the GDPR's sense, which fideslang's 'Consent' is.
LEGAL_BASES: Final[Mapping[LegalBasisTerm, str]] = {
    _B.A6_1_A: "Consent",
    _B.A6_1_A_EXPLICIT: "Consent",
    _B.A6_1_A_NON_EXPLICIT: "Consent",
    _B.CONSENT: "Consent",
    _B.EXPRESS_CONSENT: "Consent",
    _B.EXPLICIT_CONSENT: "Consent",
    _B.A6_1_B: "Contract",
    _B.A6_1_B_CONTRACT_PERFORMANCE: "Contract",
    _B.A6_1_B_ENTER_INTO_CONTRACT: "Contract",
    _B.CONTRACT: "Contract",
    _B.A6_1_C: "Legal obligations",
    _B.LEGAL_OBLIGATION: "Legal obligations",
    _B.A6_1_D: "Vital interests",
    _B.A6_1_D_DATA_SUBJECT: "Vital interests",
    _B.A6_1_D_NATURAL_PERSON: "Vital interests",
    _B.VITAL_INTEREST: "Vital interests",
    _B.A6_1_E: "Public interest",
    _B.A6_1_E_OFFICIAL_AUTHORITY: "Public interest",
    _B.A6_1_E_PUBLIC_INTEREST: "Public interest",
    _B.PUBLIC_INTEREST: "Public interest",
    _B.A6_1_F: "Legitimate interests",
    _B.A6_1_F_CONTROLLER: "Legitimate interests",
    _B.A6_1_F_THIRD_PARTY: "Legitimate interests",
    _B.LEGITIMATE_INTEREST: "Legitimate interests",
}
# GDPR Art. 9(2) a-j -> fideslang's SpecialCategoryLegalBasisEnum, in the order of the article.
SPECIAL_CATEGORY_BASES: Final[Mapping[LegalBasisTerm, str]] = {
    _B.A9_2_A: "Explicit consent",
    _B.A9_2_B: "Employment, social security and social protection",
    _B.A9_2_C: "Vital interests",
    _B.A9_2_D: "Not-for-profit bodies",
    _B.A9_2_E: "Made public by the data subject",
    _B.A9_2_F: "Legal claims or judicial acts",
    _B.A9_2_G: "Reasons of substantial public interest (with a basis in law)",
    _B.A9_2_H: "Health or social care (with a basis in law)",
    _B.A9_2_I: "Public health (with a basis in law)",
    _B.A9_2_J: "Archiving, research and statistics (with a basis in law)",
}

# Transfer mechanisms -> fideslang's LegalBasisForTransfersEnum. The EU-US Data Privacy Framework is an adequacy
# decision (Commission Implementing Decision (EU) 2023/1795 of 10 July 2023); Safe Harbor and Privacy Shield were
# adequacy decisions the Court of Justice invalidated (C-362/14, 6 October 2015; C-311/18, 16 July 2020), so they are
# not written as one.
TRANSFER_BASES: Final[Mapping[TransferMechanism, str]] = {
    TransferMechanism.ADEQUACY: "Adequacy Decision",
    TransferMechanism.DATA_PRIVACY_FRAMEWORK: "Adequacy Decision",
    TransferMechanism.SCC_COMMISSION: "SCCs",
    TransferMechanism.SCC_SUPERVISORY_AUTHORITY: "SCCs",
    TransferMechanism.BINDING_CORPORATE_RULES: "BCRs",
}

# A controller's roles -> fideslang's DataResponsibilityTitle.
RESPONSIBILITIES: Final[Mapping[PartyRole, str]] = {
    PartyRole.CONTROLLER: "Controller",
    PartyRole.JOINT_CONTROLLER: "Controller",
    PartyRole.PROCESSOR: "Processor",
    PartyRole.SUB_PROCESSOR: "Sub-Processor",
}
