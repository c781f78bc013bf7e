"""Vocabularies of personal data: its categories (DPV ``pd:``), the GDPR Art. 9 special categories, its sources,
and how far it identifies people."""

from __future__ import annotations

from typing import Final

from privacymodel.model.vocab.base import DPV, PD, Vocabulary

__all__ = ["SPECIAL_CATEGORIES", "DataCategoryTerm", "DataSource", "Identifiability"]


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


# The special categories of personal data of GDPR Art. 9(1).
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


class DataSource(Vocabulary):
    """How personal data is obtained."""

    PROVIDED = ("provided", "Provided by the person directly (forms, sign-up, messages).", DPV + "ProvidedPersonalData")
    OBSERVED = ("observed", "Collected automatically by observing use (logs, cookies).", DPV + "ObservedPersonalData")
    THIRD_PARTY = ("third-party", "Obtained from a third party.", DPV + "ThirdPartyDataSource")
    PUBLIC = ("public", "Obtained from a publicly accessible source.", DPV + "PublicDataSource")
    DERIVED = ("derived", "Derived from other data.", DPV + "DerivedPersonalData")
    INFERRED = ("inferred", "Inferred from other data (for example by profiling).", DPV + "InferredPersonalData")
    UNSPECIFIED = ("unspecified", "Other sources the policy does not name.")


class Identifiability(Vocabulary):
    """How far data identifies people, as the policy says (W3C DPV personal, pseudonymised and anonymised data)."""

    IDENTIFIABLE = ("identifiable", "Personal data: it identifies a person or can be linked to one.", DPV + "PersonalData")
    PSEUDONYMISED = (
        "pseudonymised",
        "Pseudonymised: it identifies no one without additional information kept separately.",
        DPV + "PseudonymisedData",
    )
    ANONYMISED = ("anonymised", "Anonymised, fully and for good, so that it no longer identifies anyone.", DPV + "AnonymisedData")
    NOT_PERSONAL = (
        "not-personal",
        "Not personal data ('not personally identifiable'), as the policy says.",
        DPV + "NonPersonalData",
    )
    AGGREGATED = ("aggregated", "Aggregate data from which individuals cannot be singled out, as the policy calls it.")
