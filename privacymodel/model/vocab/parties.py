"""Vocabularies of who is involved: the roles of parties, what contact points are for, and kinds of recipients."""

from __future__ import annotations

from privacymodel.model.vocab.base import DPV, Vocabulary

__all__ = ["ContactPurpose", "PartyRole", "RecipientKind"]


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
    THIRD_PARTY = (
        "third-party",
        "A third party in the GDPR Art. 4(10) sense: not the controller, not a processor.",
        DPV + "ThirdParty",
    )
    PUBLIC = ("public", "The public (for example readers of a public forum).")
    OTHER_ORGANISATION = (
        "other-organisation",
        "Another company or organisation in the everyday sense; its legal role, where stated, goes in role.",
    )
