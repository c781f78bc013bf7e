"""Vocabularies of why data is processed: purposes (DPV ``dpv:``) and legal bases (DPV ``eu-gdpr:`` and ``dpv:``)."""

from __future__ import annotations

from privacymodel.model.vocab.base import DPV, EU_GDPR, Vocabulary

__all__ = ["LegalBasisTerm", "PurposeTerm"]


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
    IDENTITY_RESOLUTION = (
        "identity-resolution",
        "Recognising visitors or email recipients and identifying who they are, for the controller or its customers.",
    )
    CREDIT_CHECKING = (
        "credit-checking",
        "Checking the creditworthiness or solvency of customers and reducing credit risk.",
        DPV + "CustomerSolvencyMonitoring",
    )
    TRAINING = ("training", "Training in the general sense the policy uses, not staff training.")


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
    EXPRESS_CONSENT = (
        "express-consent",
        "Consent given by an action meant to convey it (ticking a box, clicking 'I agree').",
        DPV + "ExpressedConsent",
    )
    EXPLICIT_CONSENT = (
        "explicit-consent",
        (
            "Consent given by an action that conveys the consent alone, such as an express statement (the explicit "
            "consent GDPR Art. 9 asks for special categories)."
        ),
        DPV + "ExplicitlyExpressedConsent",
    )
    IMPLIED_CONSENT = (
        "implied-consent",
        (
            "Consent inferred from use or conduct ('by using the site you agree'); not consent as the GDPR defines it, "
            "which needs a clear affirmative act."
        ),
        DPV + "ImpliedConsent",
    )
    OPT_OUT_CONSENT = ("opt-out-consent", "Processing that goes ahead unless people opt out.")
