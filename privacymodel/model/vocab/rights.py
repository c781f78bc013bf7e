"""Vocabularies of what people can do: rights, the laws they come from, choices, and how changes are announced."""

from __future__ import annotations

from privacymodel.model.vocab.base import EU_GDPR, Vocabulary

__all__ = ["ChoiceKind", "LawTerm", "NotificationMethod", "RightKind"]


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
