"""Controlled vocabularies: closed enumerations mapped to W3C DPV identifiers.

Every vocabulary is a :class:`Vocabulary` enumeration whose members carry a
``description`` and, where the W3C Data Privacy Vocabulary (DPV 2.x) has a
matching concept, its ``iri``. Fields that accept an open vocabulary also take
a :class:`CustomTerm`: any text starting with ``x-`` (for example
``x-loyalty-points``), which validates and is reported as custom.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Final

__all__ = [
    "DPV",
    "EU_GDPR",
    "PD",
    "ChoiceKind",
    "ContactPurpose",
    "CookieCategory",
    "CustomTerm",
    "DataCategoryTerm",
    "DataSource",
    "LawTerm",
    "LegalBasisTerm",
    "MeasureTerm",
    "NotificationMethod",
    "PartyRole",
    "PurposeTerm",
    "RecipientKind",
    "RightKind",
    "TrackerParty",
    "TrackerTechnology",
    "TransferMechanism",
    "Vocabulary",
]

DPV: Final = "https://w3id.org/dpv#"
PD: Final = "https://w3id.org/dpv/pd#"
EU_GDPR: Final = "https://w3id.org/dpv/legal/eu/gdpr#"

CUSTOM_TERM_PATTERN: Final = "^x-[A-Za-z0-9][A-Za-z0-9._-]*$"
_CUSTOM_TERM_RE: Final = re.compile(CUSTOM_TERM_PATTERN)


class CustomTerm(str):
    """A term outside the controlled vocabulary, written with an ``x-`` prefix.

    ``CustomTerm("x-loyalty-points")`` is accepted wherever an open vocabulary
    is, and ``privacymodel validate`` reports it as a warning so that custom
    terms stay visible.
    """

    __slots__ = ()

    def __new__(cls, value: str) -> CustomTerm:
        if not isinstance(value, str) or _CUSTOM_TERM_RE.search(value) is None:
            raise ValueError(f"a custom term must start with 'x-' followed by letters, digits, '.', '_' or '-'; got {value!r}")
        return super().__new__(cls, value)

    def __repr__(self) -> str:
        return f"CustomTerm({str(self)!r})"


class Vocabulary(str, Enum):
    """Base of every vocabulary: a text value, a description and a DPV IRI (or ``None``)."""

    _value_: str
    description: str
    iri: str | None

    def __new__(cls, value: str, description: str, iri: str | None = None) -> Vocabulary:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        member.iri = iri
        return member

    def __str__(self) -> str:
        return self._value_


class PartyRole(Vocabulary):
    """The role a party plays in processing personal data."""

    CONTROLLER = ("controller", "Decides the purposes and means of processing (GDPR Art. 4(7)).", DPV + "DataController")
    JOINT_CONTROLLER = (
        "joint-controller",
        "Decides purposes and means jointly with others (GDPR Art. 26).",
        DPV + "JointDataControllers",
    )
    PROCESSOR = ("processor", "Processes personal data on behalf of a controller (GDPR Art. 4(8)).", DPV + "DataProcessor")
    SUB_PROCESSOR = ("sub-processor", "Processes personal data on behalf of a processor.", DPV + "DataSubProcessor")
    THIRD_PARTY = (
        "third-party",
        "A party other than the data subject, controller or processor (GDPR Art. 4(10)).",
        DPV + "ThirdParty",
    )
    RECIPIENT = ("recipient", "A party to which personal data is disclosed (GDPR Art. 4(9)).", DPV + "Recipient")
    SERVICE_PROVIDER = ("service-provider", "Provides a service; the CCPA 'service provider'.", DPV + "ServiceProvider")


class ContactPurpose(Vocabulary):
    """What a contact point is for."""

    GENERAL = ("general", "General questions about the service or the policy.")
    PRIVACY = ("privacy", "Questions about privacy and data protection.")
    RIGHTS_REQUESTS = ("rights-requests", "Requests to exercise data-subject or consumer rights.")
    COMPLAINTS = ("complaints", "Complaints about how personal data is handled.")
    MARKETING_OPT_OUT = ("marketing-opt-out", "Opting out of marketing communications.")
    CHILDREN = ("children", "Questions or requests about children's data.")
    COOKIES = ("cookies", "Questions about cookies and trackers.")
    DPO = ("dpo", "Reaching the data protection officer.")


class DataSource(Vocabulary):
    """How personal data is obtained."""

    PROVIDED = ("provided", "Provided by the person directly (forms, sign-up, messages).", DPV + "ProvidedPersonalData")
    OBSERVED = ("observed", "Collected automatically by observing use (logs, cookies).", DPV + "ObservedPersonalData")
    THIRD_PARTY = ("third-party", "Obtained from a third party.", DPV + "ThirdPartyDataSource")
    PUBLIC = ("public", "Obtained from a publicly accessible source.", DPV + "PublicDataSource")
    DERIVED = ("derived", "Derived from other data.", DPV + "DerivedPersonalData")
    INFERRED = ("inferred", "Inferred from other data (for example by profiling).", DPV + "InferredPersonalData")


class DataCategoryTerm(Vocabulary):
    """Categories of personal data (W3C DPV personal-data taxonomy, ``pd:``)."""

    PERSONAL_DATA = ("personal-data", "Personal data in general, category not stated.")
    NAME = ("name", "A person's name or alias.", PD + "Name")
    EMAIL_ADDRESS = ("email-address", "An email address.", PD + "EmailAddress")
    TELEPHONE_NUMBER = ("telephone-number", "A telephone or mobile number (including an MSISDN).", PD + "TelephoneNumber")
    PHYSICAL_ADDRESS = ("physical-address", "A postal or street address.", PD + "PhysicalAddress")
    POSTAL_CODE = ("postal-code", "A postal code.", PD + "PostalCode")
    CITY = ("city", "The city a person is in or from.", PD + "City")
    COUNTRY = ("country", "The country a person is in or from.", PD + "Country")
    LOCATION = ("location", "Location in general.", PD + "Location")
    IP_ADDRESS = ("ip-address", "An internet protocol address.", PD + "IPAddress")
    MAC_ADDRESS = ("mac-address", "A network hardware (MAC) address.", PD + "MACAddress")
    DEVICE_INFORMATION = ("device-information", "Information about a device (type, model, identifiers).", PD + "DeviceBased")
    DEVICE_OPERATING_SYSTEM = ("device-operating-system", "The operating system of a device.", PD + "DeviceOperatingSystem")
    DEVICE_SOFTWARE = ("device-software", "Software installed on a device.", PD + "DeviceSoftware")
    USER_AGENT = ("user-agent", "Browser type and version (the user agent).", PD + "UserAgent")
    BROWSER_FINGERPRINT = ("browser-fingerprint", "A browser fingerprint.", PD + "BrowserFingerprint")
    BROWSING_BEHAVIOUR = ("browsing-behaviour", "Pages visited, clicks and navigation.", PD + "BrowsingBehaviour")
    BROWSER_HISTORY = ("browser-history", "Browsing history, including across other websites.", PD + "BrowserHistory")
    BROWSING_REFERRAL = ("browsing-referral", "The page a visitor came from (referring and exit pages).", PD + "BrowsingReferral")
    LINK_CLICKED = ("link-clicked", "Links clicked.", PD + "LinkClicked")
    CONNECTION = ("connection", "Information about the internet connection.", PD + "Connection")
    IDENTIFIER = ("identifier", "An identifier in general.", PD + "Identifier")
    UNIQUE_IDENTIFIER = ("unique-identifier", "A unique identifier (for example one stored in a cookie).", PD + "UID")
    ACCOUNT_IDENTIFIER = ("account-identifier", "An account identifier.", PD + "AccountIdentifier")
    USERNAME = ("username", "A username.", PD + "Username")
    PASSWORD = ("password", "A password or other secret credential.", PD + "Password")
    PAYMENT_CARD = ("payment-card", "Payment card details.", PD + "PaymentCard")
    PAYMENT_CARD_NUMBER = ("payment-card-number", "A payment card number.", PD + "PaymentCardNumber")
    CREDIT_CARD_NUMBER = ("credit-card-number", "A credit card number.", PD + "CreditCardNumber")
    BANK_ACCOUNT = ("bank-account", "Bank account details.", PD + "BankAccount")
    FINANCIAL = ("financial", "Financial information in general (payment information).", PD + "Financial")
    TRANSACTION = ("transaction", "Transactions made.", PD + "Transaction")
    PURCHASE = ("purchase", "Purchases made.", PD + "Purchase")
    AGE = ("age", "Age.", PD + "Age")
    BIRTH_DATE = ("birth-date", "Date of birth.", PD + "BirthDate")
    GENDER = ("gender", "Gender.", PD + "Gender")
    DEMOGRAPHIC = ("demographic", "Demographic information.", PD + "Demographic")
    INTEREST = ("interest", "Interests.", PD + "Interest")
    PREFERENCE = ("preference", "Preferences.", PD + "Preference")
    PRIVACY_PREFERENCE = ("privacy-preference", "Privacy preferences and choices.", PD + "PrivacyPreference")
    PROFESSIONAL = ("professional", "Professional and business information (employer, company, website).", PD + "Professional")
    JOB = ("job", "Job title or role.", PD + "Job")
    COMMUNICATION = ("communication", "Content of communications (messages, chats, support requests).", PD + "Communication")
    EMAIL_CONTENT = ("email-content", "Content of emails.", PD + "EmailContent")
    COMMUNICATIONS_METADATA = (
        "communications-metadata",
        "Metadata of communications (for example whether an email was opened).",
        PD + "CommunicationsMetadata",
    )
    INTERACTION = ("interaction", "Interactions with a service, emails or adverts.", PD + "Interaction")
    SERVICE_CONSUMPTION_BEHAVIOUR = ("service-usage", "How a service is used (usage data).", PD + "ServiceConsumptionBehaviour")
    TRACKING = ("tracking", "Data used for tracking (tracking identifiers and signals).", PD + "Tracking")
    SOCIAL_MEDIA = ("social-media", "Social media accounts and activity.", PD + "SocialMedia")
    PICTURE = ("picture", "Pictures or photographs.", PD + "Picture")
    LANGUAGE = ("language", "Language spoken or preferred.", PD + "Language")
    NATIONALITY = ("nationality", "Nationality.", PD + "Nationality")
    OFFICIAL_ID = ("official-id", "An official identity document or number.", PD + "OfficialID")
    CRIMINAL = ("criminal", "Criminal convictions and offences (GDPR Art. 10).", PD + "Criminal")
    BIOMETRIC = ("biometric", "Biometric data (GDPR Art. 9).", PD + "Biometric")
    ETHNIC_ORIGIN = ("ethnic-origin", "Racial or ethnic origin (GDPR Art. 9).", PD + "EthnicOrigin")
    RACE = ("race", "Race (GDPR Art. 9).", PD + "Race")
    GENETIC = ("genetic", "Genetic data (GDPR Art. 9).", PD + "Genetic")
    HEALTH = ("health", "Data concerning health (GDPR Art. 9).", PD + "MedicalHealth")
    PHILOSOPHICAL_BELIEF = ("philosophical-belief", "Philosophical beliefs (GDPR Art. 9).", PD + "PhilosophicalBelief")
    POLITICAL_OPINION = ("political-opinion", "Political opinions (GDPR Art. 9).", PD + "PoliticalOpinion")
    RELIGION = ("religion", "Religious beliefs (GDPR Art. 9).", PD + "Religion")
    SEXUAL = ("sexual", "Sex life or sexual orientation (GDPR Art. 9).", PD + "Sexual")
    TRADE_UNION_MEMBERSHIP = ("trade-union-membership", "Trade union membership (GDPR Art. 9).", PD + "TradeUnionMembership")
    ANONYMISED_DATA = ("anonymised-data", "Aggregated or anonymised data that identifies no one.")


SPECIAL_CATEGORIES: Final = frozenset(
    {
        DataCategoryTerm.BIOMETRIC,
        DataCategoryTerm.ETHNIC_ORIGIN,
        DataCategoryTerm.RACE,
        DataCategoryTerm.GENETIC,
        DataCategoryTerm.HEALTH,
        DataCategoryTerm.PHILOSOPHICAL_BELIEF,
        DataCategoryTerm.POLITICAL_OPINION,
        DataCategoryTerm.RELIGION,
        DataCategoryTerm.SEXUAL,
        DataCategoryTerm.TRADE_UNION_MEMBERSHIP,
    }
)


class PurposeTerm(Vocabulary):
    """Purposes of processing (W3C DPV purposes, ``dpv:``)."""

    SERVICE_PROVISION = ("service-provision", "Providing the service.", DPV + "ServiceProvision")
    REQUESTED_SERVICE_PROVISION = (
        "requested-service-provision",
        "Providing what the person asked for.",
        DPV + "RequestedServiceProvision",
    )
    SERVICE_OPTIMISATION = ("service-optimisation", "Optimising or improving the service.", DPV + "ServiceOptimisation")
    SERVICE_PERSONALISATION = ("service-personalisation", "Personalising the service.", DPV + "ServicePersonalisation")
    SERVICE_USAGE_ANALYTICS = ("service-usage-analytics", "Analysing how the service is used.", DPV + "ServiceUsageAnalytics")
    SERVICE_MONITORING = (
        "service-monitoring",
        "Monitoring the service (operation, quality assurance).",
        DPV + "ServiceMonitoring",
    )
    IMPROVE_PRODUCTS = (
        "improve-existing-products-and-services",
        "Improving existing products and services.",
        DPV + "ImproveExistingProductsAndServices",
    )
    OPTIMISE_USER_INTERFACE = (
        "optimise-user-interface",
        "Improving the design of the user interface.",
        DPV + "OptimiseUserInterface",
    )
    RESEARCH_AND_DEVELOPMENT = ("research-and-development", "Research and development.", DPV + "ResearchAndDevelopment")
    COMMERCIAL_RESEARCH = ("commercial-research", "Commercial research (demographics, trends).", DPV + "CommercialResearch")
    ACCOUNT_MANAGEMENT = ("account-management", "Managing accounts.", DPV + "AccountManagement")
    IDENTITY_AUTHENTICATION = ("identity-authentication", "Identifying and authenticating users.", DPV + "IdentityAuthentication")
    CUSTOMER_CARE = ("customer-care", "Customer care and support.", DPV + "CustomerCare")
    CUSTOMER_MANAGEMENT = ("customer-management", "Managing customers.", DPV + "CustomerManagement")
    CUSTOMER_RELATIONSHIP_MANAGEMENT = (
        "customer-relationship-management",
        "Managing relationships with customers.",
        DPV + "CustomerRelationshipManagement",
    )
    COMMUNICATION_MANAGEMENT = (
        "communication-management",
        "Communicating with people (responding to enquiries, notices).",
        DPV + "CommunicationManagement",
    )
    PAYMENT_MANAGEMENT = ("payment-management", "Processing payments and billing.", DPV + "PaymentManagement")
    MARKETING = ("marketing", "Marketing in general.", DPV + "Marketing")
    DIRECT_MARKETING = ("direct-marketing", "Direct marketing (for example marketing email).", DPV + "DirectMarketing")
    ADVERTISING = ("advertising", "Advertising.", DPV + "Advertising")
    PERSONALISED_ADVERTISING = ("personalised-advertising", "Personalised advertising.", DPV + "PersonalisedAdvertising")
    TARGETED_ADVERTISING = ("targeted-advertising", "Targeted advertising and retargeting.", DPV + "TargetedAdvertising")
    SOCIAL_MEDIA_MARKETING = ("social-media-marketing", "Marketing on social media.", DPV + "SocialMediaMarketing")
    PUBLIC_RELATIONS = ("public-relations", "Public relations (for example publishing testimonials).", DPV + "PublicRelations")
    PERSONALISATION = ("personalisation", "Personalisation in general.", DPV + "Personalisation")
    LEGAL_COMPLIANCE = ("legal-compliance", "Complying with law, court orders and legal process.", DPV + "LegalCompliance")
    FULFILMENT_OF_CONTRACTUAL_OBLIGATION = (
        "fulfilment-of-contractual-obligation",
        "Fulfilling contractual obligations.",
        DPV + "FulfilmentOfContractualObligation",
    )
    ESTABLISH_CONTRACTUAL_AGREEMENT = (
        "establish-contractual-agreement",
        "Entering into a contract.",
        DPV + "EstablishContractualAgreement",
    )
    ENFORCE_SECURITY = ("enforce-security", "Keeping systems and data secure.", DPV + "EnforceSecurity")
    FRAUD_PREVENTION = ("fraud-prevention-and-detection", "Preventing and detecting fraud.", DPV + "FraudPreventionAndDetection")
    MISUSE_PREVENTION = (
        "misuse-prevention-and-detection",
        "Preventing and detecting misuse and illegal activity.",
        DPV + "MisusePreventionAndDetection",
    )
    DISPUTE_MANAGEMENT = (
        "dispute-management",
        "Resolving disputes, establishing and defending legal claims.",
        DPV + "DisputeManagement",
    )
    PROTECTION_OF_RIGHTS = ("protection-of-rights", "Protecting the rights, property or safety of the controller or others.")
    RECORD_MANAGEMENT = ("record-management", "Keeping records (accounting, operational records).", DPV + "RecordManagement")
    BUSINESS_TRANSFER = ("business-transfer", "Transferring data in a merger, acquisition or sale of assets.")
    SELL_DATA = ("sell-data-to-third-parties", "Selling data to third parties.", DPV + "SellDataToThirdParties")
    SELL_INSIGHTS = ("sell-insights-from-data", "Selling insights derived from data.", DPV + "SellInsightsFromData")
    VENDOR_MANAGEMENT = ("vendor-management", "Managing vendors.", DPV + "VendorManagement")
    RIGHTS_FULFILMENT = ("rights-fulfilment", "Fulfilling data-subject rights requests.", DPV + "RightsFulfilment")
    AGE_VERIFICATION = ("age-verification", "Verifying age.", DPV + "AgeVerification")
    PROVIDE_PRODUCT_RECOMMENDATIONS = (
        "provide-product-recommendations",
        "Recommending products.",
        DPV + "ProvideProductRecommendations",
    )
    STAFF_TRAINING = ("staff-training", "Training staff.")


class LegalBasisTerm(Vocabulary):
    """Legal bases, by their W3C DPV identifiers (``eu-gdpr:`` for GDPR, ``dpv:`` otherwise)."""

    A6_1_A = ("A6-1-a", "GDPR Art. 6(1)(a): consent.", EU_GDPR + "A6-1-a")
    A6_1_A_EXPLICIT = ("A6-1-a-explicit-consent", "GDPR Art. 6(1)(a): explicit consent.", EU_GDPR + "A6-1-a-explicit-consent")
    A6_1_A_NON_EXPLICIT = (
        "A6-1-a-non-explicit-consent",
        "GDPR Art. 6(1)(a): non-explicit consent.",
        EU_GDPR + "A6-1-a-non-explicit-consent",
    )
    A6_1_B = ("A6-1-b", "GDPR Art. 6(1)(b): performance of a contract or pre-contractual steps.", EU_GDPR + "A6-1-b")
    A6_1_B_CONTRACT_PERFORMANCE = (
        "A6-1-b-contract-performance",
        "GDPR Art. 6(1)(b): performance of a contract.",
        EU_GDPR + "A6-1-b-contract-performance",
    )
    A6_1_B_ENTER_INTO_CONTRACT = (
        "A6-1-b-enter-into-contract",
        "GDPR Art. 6(1)(b): steps before entering into a contract.",
        EU_GDPR + "A6-1-b-enter-into-contract",
    )
    A6_1_C = ("A6-1-c", "GDPR Art. 6(1)(c): legal obligation.", EU_GDPR + "A6-1-c")
    A6_1_D = ("A6-1-d", "GDPR Art. 6(1)(d): vital interests.", EU_GDPR + "A6-1-d")
    A6_1_D_DATA_SUBJECT = (
        "A6-1-d-data-subject",
        "GDPR Art. 6(1)(d): vital interests of the data subject.",
        EU_GDPR + "A6-1-d-data-subject",
    )
    A6_1_D_NATURAL_PERSON = (
        "A6-1-d-natural-person",
        "GDPR Art. 6(1)(d): vital interests of another natural person.",
        EU_GDPR + "A6-1-d-natural-person",
    )
    A6_1_E = ("A6-1-e", "GDPR Art. 6(1)(e): public task or official authority.", EU_GDPR + "A6-1-e")
    A6_1_E_OFFICIAL_AUTHORITY = (
        "A6-1-e-official-authority",
        "GDPR Art. 6(1)(e): exercise of official authority.",
        EU_GDPR + "A6-1-e-official-authority",
    )
    A6_1_E_PUBLIC_INTEREST = (
        "A6-1-e-public-interest",
        "GDPR Art. 6(1)(e): task in the public interest.",
        EU_GDPR + "A6-1-e-public-interest",
    )
    A6_1_F = ("A6-1-f", "GDPR Art. 6(1)(f): legitimate interests.", EU_GDPR + "A6-1-f")
    A6_1_F_CONTROLLER = (
        "A6-1-f-controller",
        "GDPR Art. 6(1)(f): legitimate interests of the controller.",
        EU_GDPR + "A6-1-f-controller",
    )
    A6_1_F_THIRD_PARTY = (
        "A6-1-f-third-party",
        "GDPR Art. 6(1)(f): legitimate interests of a third party.",
        EU_GDPR + "A6-1-f-third-party",
    )
    A9_2_A = ("A9-2-a", "GDPR Art. 9(2)(a): explicit consent.", EU_GDPR + "A9-2-a")
    A9_2_B = ("A9-2-b", "GDPR Art. 9(2)(b): employment and social security law.", EU_GDPR + "A9-2-b")
    A9_2_C = ("A9-2-c", "GDPR Art. 9(2)(c): vital interests where consent cannot be given.", EU_GDPR + "A9-2-c")
    A9_2_D = ("A9-2-d", "GDPR Art. 9(2)(d): not-for-profit body.", EU_GDPR + "A9-2-d")
    A9_2_E = ("A9-2-e", "GDPR Art. 9(2)(e): made public by the data subject.", EU_GDPR + "A9-2-e")
    A9_2_F = ("A9-2-f", "GDPR Art. 9(2)(f): legal claims or courts.", EU_GDPR + "A9-2-f")
    A9_2_G = ("A9-2-g", "GDPR Art. 9(2)(g): substantial public interest.", EU_GDPR + "A9-2-g")
    A9_2_H = ("A9-2-h", "GDPR Art. 9(2)(h): health or social care.", EU_GDPR + "A9-2-h")
    A9_2_I = ("A9-2-i", "GDPR Art. 9(2)(i): public health.", EU_GDPR + "A9-2-i")
    A9_2_J = ("A9-2-j", "GDPR Art. 9(2)(j): archiving, research or statistics.", EU_GDPR + "A9-2-j")
    CONSENT = ("consent", "Consent under a law other than the GDPR, or not tied to a law.", DPV + "Consent")
    CONTRACT = ("contract", "A contract, under a law other than the GDPR.", DPV + "Contract")
    LEGAL_OBLIGATION = ("legal-obligation", "A legal obligation, under a law other than the GDPR.", DPV + "LegalObligation")
    LEGITIMATE_INTEREST = (
        "legitimate-interest",
        "A legitimate interest, under a law other than the GDPR.",
        DPV + "LegitimateInterest",
    )
    VITAL_INTEREST = ("vital-interest", "A vital interest, under a law other than the GDPR.", DPV + "VitalInterest")
    PUBLIC_INTEREST = ("public-interest", "A public interest, under a law other than the GDPR.", DPV + "PublicInterest")


class RecipientKind(Vocabulary):
    """Kinds of recipients and third parties."""

    AFFILIATE = ("affiliate", "Subsidiaries, affiliates and group companies.")
    SERVICE_PROVIDER = (
        "service-provider",
        "Contractors and service providers acting for the controller.",
        DPV + "ServiceProvider",
    )
    PAYMENT_PROCESSOR = ("payment-processor", "Payment and credit card processors.")
    HOSTING_PROVIDER = ("hosting-provider", "Hosting, storage and infrastructure providers.")
    ANALYTICS_PROVIDER = ("analytics-provider", "Web and product analytics providers.")
    ADVERTISER = ("advertiser", "Advertisers and advertising partners.")
    ADVERTISING_NETWORK = ("advertising-network", "Advertising networks and ad servers.")
    MARKETING_PROVIDER = ("marketing-provider", "Marketing automation and email marketing providers.")
    SOCIAL_NETWORK = ("social-network", "Social networks.")
    COMMUNICATION_PROVIDER = ("communication-provider", "Chat, messaging and communication tools.")
    CONTENT_PROVIDER = ("content-provider", "Providers of content or applications served on the service.")
    BUSINESS_PARTNER = ("business-partner", "Business partners.")
    CUSTOMER = ("customer", "The controller's own (business) customers.")
    ACQUIRER = ("acquirer", "A buyer or successor in a merger, acquisition or sale of assets.")
    PUBLIC_AUTHORITY = ("public-authority", "Courts, regulators, law enforcement and other public authorities.")
    THIRD_PARTY = ("third-party", "Third parties in general.", DPV + "ThirdParty")
    PUBLIC = ("public", "The public (for example readers of a public forum).")


class TrackerParty(Vocabulary):
    """Whether a tracker is set by the site itself or by someone else."""

    FIRST_PARTY = ("first-party", "Set by the website or service itself.")
    THIRD_PARTY = ("third-party", "Set by another party whose content runs on the site.")


class TrackerTechnology(Vocabulary):
    """The technology a tracker uses."""

    HTTP_COOKIE = ("http-cookie", "An HTTP cookie.")
    LOCAL_STORAGE = ("local-storage", "HTML5 local storage in the browser.")
    SESSION_STORAGE = ("session-storage", "HTML5 session storage in the browser.")
    WEB_BEACON = ("web-beacon", "A web beacon, pixel or clear GIF, in pages or emails.")
    TAG = ("tag", "A script tag (for example the LinkedIn Insight Tag).")
    SDK = ("sdk", "A software development kit in an app.")
    FINGERPRINTING = ("fingerprinting", "Device or browser fingerprinting.")
    LOG_FILE = ("log-file", "Server log files.")


class CookieCategory(Vocabulary):
    """Categories of cookies and trackers, as consent tools and regulators use them."""

    STRICTLY_NECESSARY = ("strictly-necessary", "Needed for the service to work (log-in, security, load balancing).")
    FUNCTIONAL = ("functional", "Remember choices and preferences.")
    ANALYTICS = ("analytics", "Measure use and performance (statistics).")
    MARKETING = ("marketing", "Marketing, remarketing and conversion tracking.")
    ADVERTISING = ("advertising", "Select, deliver and measure advertising.")
    SOCIAL_MEDIA = ("social-media", "Set by social networks for sharing, tracking and adverts.")
    SECURITY = ("security", "Detect fraud and abuse.")
    UNCLASSIFIED = ("unclassified", "Not classified by the policy.")


class RightKind(Vocabulary):
    """Rights people have over their data, under the GDPR, CCPA, COPPA and other laws."""

    ACCESS = ("access", "GDPR Art. 15: access to one's data.", EU_GDPR + "A15")
    RECTIFICATION = ("rectification", "GDPR Art. 16: correct or complete one's data.", EU_GDPR + "A16")
    ERASURE = ("erasure", "Have one's data erased or deleted (GDPR Art. 17, the 'right to be forgotten').", EU_GDPR + "A17")
    RESTRICTION = ("restriction", "GDPR Art. 18: restrict processing.", EU_GDPR + "A18")
    NOTIFICATION = ("notification", "GDPR Art. 19: be told of rectification, erasure or restriction.", EU_GDPR + "A19")
    PORTABILITY = ("portability", "GDPR Art. 20: data portability.", EU_GDPR + "A20")
    OBJECTION = ("objection", "GDPR Art. 21: object to processing.", EU_GDPR + "A21")
    AUTOMATED_DECISION = ("automated-decision", "GDPR Art. 22: not be subject to solely automated decisions.", EU_GDPR + "A22")
    WITHDRAW_CONSENT = ("withdraw-consent", "GDPR Art. 7(3): withdraw consent at any time.", EU_GDPR + "A7-3")
    COMPLAINT = ("complaint", "GDPR Art. 77: lodge a complaint with a supervisory authority.", EU_GDPR + "A77")
    JUDICIAL_REMEDY = ("judicial-remedy", "GDPR Art. 79: an effective judicial remedy.", EU_GDPR + "A79")
    KNOW = ("know", "CCPA: know what personal information is collected, used and shared.")
    DELETE = ("delete", "CCPA: delete personal information.")
    CORRECT = ("correct", "CCPA (as amended by the CPRA): correct inaccurate personal information.")
    OPT_OUT_OF_SALE = ("opt-out-of-sale", "CCPA: opt out of the sale or sharing of personal information.")
    LIMIT_SENSITIVE = ("limit-sensitive", "CCPA: limit the use of sensitive personal information.")
    NON_DISCRIMINATION = ("non-discrimination", "CCPA: not be discriminated against for exercising rights.")
    DIRECT_MARKETING_DISCLOSURE = (
        "direct-marketing-disclosure",
        "California Shine the Light (Civ. Code 1798.83): learn of disclosures to third parties for their direct marketing.",
    )
    PARENTAL_REVIEW = ("parental-review", "COPPA: a parent may review a child's personal information.")
    PARENTAL_DELETION = ("parental-deletion", "COPPA: a parent may have a child's personal information deleted.")
    PARENTAL_STOP_COLLECTION = (
        "parental-stop-collection",
        "COPPA: a parent may stop further collection of a child's personal information.",
    )
    MARKETING_OPT_OUT = ("marketing-opt-out", "Opt out of marketing communications.")
    COOKIE_OPT_OUT = ("cookie-opt-out", "Refuse or opt out of cookies.")
    OPT_OUT_OF_DISCLOSURE = ("opt-out-of-disclosure", "Opt out of disclosure of personal information to third parties.")


class LawTerm(Vocabulary):
    """Laws and frameworks a policy cites or a right comes from."""

    GDPR = ("gdpr", "Regulation (EU) 2016/679, the General Data Protection Regulation.")
    UK_GDPR = ("uk-gdpr", "The UK GDPR and the Data Protection Act 2018.")
    EU_DIRECTIVE_95_46 = ("eu-directive-95-46", "Directive 95/46/EC, the EU Data Protection Directive (repealed by the GDPR).")
    EPRIVACY = ("eprivacy", "Directive 2002/58/EC, the ePrivacy Directive.")
    SWISS_FADP = ("swiss-fadp", "The Swiss Federal Act on Data Protection.")
    CCPA = ("ccpa", "The California Consumer Privacy Act of 2018 (Cal. Civ. Code 1798.100 ff.).")
    CPRA = ("cpra", "The California Privacy Rights Act of 2020.")
    CAL_SHINE_THE_LIGHT = ("cal-shine-the-light", "California's 'Shine the Light' law (Civ. Code 1798.83).")
    COPPA = ("coppa", "The US Children's Online Privacy Protection Act.")
    CAN_SPAM = ("can-spam", "The US CAN-SPAM Act.")
    PIPEDA = ("pipeda", "Canada's Personal Information Protection and Electronic Documents Act.")
    LGPD = ("lgpd", "Brazil's Lei Geral de Proteção de Dados.")
    AU_PRIVACY_ACT = ("au-privacy-act", "Australia's Privacy Act 1988.")
    INDIA_DPDP = ("india-dpdp", "India's Digital Personal Data Protection Act 2023.")


class TransferMechanism(Vocabulary):
    """Mechanisms that legitimise international transfers (GDPR Chapter V and earlier frameworks)."""

    ADEQUACY = ("adequacy-decision", "GDPR Art. 45(3): an adequacy decision.", EU_GDPR + "A45-3")
    LEGAL_INSTRUMENT = (
        "legal-instrument",
        "GDPR Art. 46(2)(a): a legally binding instrument between public authorities.",
        EU_GDPR + "A46-2-a",
    )
    BINDING_CORPORATE_RULES = ("binding-corporate-rules", "GDPR Art. 46(2)(b): binding corporate rules.", EU_GDPR + "A46-2-b")
    SCC_COMMISSION = (
        "standard-contractual-clauses",
        "GDPR Art. 46(2)(c): standard contractual clauses adopted by the Commission.",
        EU_GDPR + "A46-2-c",
    )
    SCC_SUPERVISORY_AUTHORITY = (
        "scc-supervisory-authority",
        "GDPR Art. 46(2)(d): standard clauses adopted by a supervisory authority.",
        EU_GDPR + "A46-2-d",
    )
    CODE_OF_CONDUCT = ("code-of-conduct", "GDPR Art. 46(2)(e): an approved code of conduct.", EU_GDPR + "A46-2-e")
    CERTIFICATION = ("certification", "GDPR Art. 46(2)(f): an approved certification mechanism.", EU_GDPR + "A46-2-f")
    AD_HOC_CLAUSES = ("ad-hoc-contractual-clauses", "GDPR Art. 46(3)(a): authorised contractual clauses.", EU_GDPR + "A46-3-a")
    ADMINISTRATIVE_ARRANGEMENTS = (
        "administrative-arrangements",
        "GDPR Art. 46(3)(b): administrative arrangements.",
        EU_GDPR + "A46-3-b",
    )
    EXPLICIT_CONSENT = ("explicit-consent", "GDPR Art. 49(1)(a): explicit consent to the transfer.", EU_GDPR + "A49-1-a")
    CONTRACT = ("contract", "GDPR Art. 49(1)(b): necessary for a contract with the person.", EU_GDPR + "A49-1-b")
    CONSENT = ("consent", "Consent to the transfer, not stated to be explicit consent under GDPR Art. 49(1)(a).")
    SAFE_HARBOR = ("safe-harbor", "The US-EU and US-Swiss Safe Harbor frameworks (invalidated in 2015).")
    PRIVACY_SHIELD = ("privacy-shield", "The EU-US and Swiss-US Privacy Shield frameworks (invalidated in 2020).")
    DATA_PRIVACY_FRAMEWORK = ("data-privacy-framework", "The EU-US Data Privacy Framework (2023).")


class MeasureTerm(Vocabulary):
    """Technical and organisational security measures (W3C DPV measures)."""

    ACCESS_CONTROL = ("access-control", "Access control.", DPV + "AccessControlMethod")
    AUTHENTICATION = ("authentication", "Password or other authentication.", DPV + "PasswordAuthentication")
    MULTI_FACTOR_AUTHENTICATION = (
        "multi-factor-authentication",
        "Multi-factor authentication.",
        DPV + "MultiFactorAuthentication",
    )
    ENCRYPTION = ("encryption", "Encryption.", DPV + "Encryption")
    ENCRYPTION_IN_TRANSFER = (
        "encryption-in-transfer",
        "Encryption in transit (for example SSL/TLS).",
        DPV + "EncryptionInTransfer",
    )
    ENCRYPTION_AT_REST = ("encryption-at-rest", "Encryption at rest.", DPV + "EncryptionAtRest")
    PSEUDONYMISATION = ("pseudonymisation", "Pseudonymisation.", DPV + "Pseudonymisation")
    ANONYMISATION = ("anonymisation", "Anonymisation.", DPV + "Anonymisation")
    FIREWALL = ("firewall", "Firewalls.")
    NETWORK_SECURITY = ("network-security", "Network security protocols.", DPV + "NetworkSecurityProtocols")
    INTRUSION_DETECTION = ("intrusion-detection", "Intrusion detection.", DPV + "IntrusionDetectionSystem")
    DATA_BACKUP = ("data-backup", "Data backup.", DPV + "DataBackupProtocols")
    PHYSICAL_SECURITY = ("physical-security", "Physical security safeguards.")
    SECURITY_PROCEDURE = ("security-procedure", "Security procedures and administrative safeguards.", DPV + "SecurityProcedure")
    INFORMATION_SECURITY_POLICY = (
        "information-security-policy",
        "An information security policy.",
        DPV + "InformationSecurityPolicy",
    )
    CONFIDENTIALITY_AGREEMENTS = ("confidentiality-agreements", "Confidentiality obligations on staff and third parties.")
    NEED_TO_KNOW = ("need-to-know", "Access only for those who need to know.")
    STAFF_TRAINING = ("staff-training", "Staff training.", DPV + "StaffTraining")
    SECURITY_AUDIT = ("security-audit", "Security audits.", DPV + "SecurityAudit")
    DATA_BREACH_NOTIFICATION = ("data-breach-notification", "Notifying people of data breaches.", DPV + "DataBreachNotification")
    DATA_DELETION_POLICY = ("data-deletion-policy", "A policy for deleting data.", DPV + "DataDeletionPolicy")


class ChoiceKind(Vocabulary):
    """Ways people can control how their data is used."""

    BROWSER_SETTINGS = ("browser-settings", "Refuse or delete cookies in the browser.")
    INDUSTRY_OPT_OUT = ("industry-opt-out", "An industry opt-out page (NAI, DAA, EDAA).")
    PROVIDER_OPT_OUT = ("provider-opt-out", "An opt-out offered by a third-party provider.")
    UNSUBSCRIBE = ("unsubscribe", "Unsubscribe links or replies in emails.")
    CONTACT_REQUEST = ("contact-request", "A request sent to the controller (email, form, letter).")
    ACCOUNT_SETTINGS = ("account-settings", "Settings in the person's account.")
    CONSENT_MANAGER = ("consent-manager", "A cookie or consent banner.")


class NotificationMethod(Vocabulary):
    """How people are told of changes to the policy."""

    EMAIL = ("email", "By email.")
    WEBSITE = ("website", "By posting on the website.")
    PROMINENT_NOTICE = ("prominent-notice", "By a prominent notice on the website or service.")
    IN_APP = ("in-app", "Inside the app or service.")
    TEXT_MESSAGE = ("text-message", "By text message.")
    POST = ("post", "By post, fax or other written notice.")
    NONE = ("none", "Only by updating the policy text (the person must check it).")
