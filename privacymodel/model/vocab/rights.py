"""Vocabularies of what people can do: rights, the laws they come from, recourse, choices, and how changes are announced."""

from __future__ import annotations

from typing import Final

from privacymodel.model.vocab.base import DPV, EU_GDPR, CustomTerm, Vocabulary

__all__ = [
    "RIGHT_EQUIVALENTS",
    "RIGHT_IRIS",
    "ChoiceKind",
    "LawTerm",
    "NotificationMethod",
    "RecourseKind",
    "RightKind",
    "equivalent_rights",
    "right_iri",
]

# The DPV 2.3 namespaces of laws, by jurisdiction.
_LEGAL_EU: Final = "https://w3id.org/dpv/legal/eu#"
_LEGAL_GB: Final = "https://w3id.org/dpv/legal/gb#"
_LEGAL_US: Final = "https://w3id.org/dpv/legal/us#"


class RightKind(Vocabulary):
    """Rights people have over their data. The kinds are law-neutral: the law a right comes from is the right's ``law``.

    A member's ``iri`` is the GDPR article's, for reference; the IRI of a right as a policy states it depends on
    its law (:data:`RIGHT_IRIS`, :func:`right_iri`).
    """

    ACCESS = ("access", "Access one's personal data and get a copy of it (GDPR Art. 15, for example).", EU_GDPR + "A15")
    RECTIFICATION = ("rectification", "Correct or complete one's personal data (GDPR Art. 16, for example).", EU_GDPR + "A16")
    ERASURE = (
        "erasure",
        "Have one's personal data erased or deleted (GDPR Art. 17, the 'right to be forgotten', for example).",
        EU_GDPR + "A17",
    )
    RESTRICTION = ("restriction", "Have the processing of one's data restricted (GDPR Art. 18, for example).", EU_GDPR + "A18")
    NOTIFICATION = (
        "notification",
        "Be told when one's data is corrected or erased or its processing restricted (GDPR Art. 19, for example).",
        EU_GDPR + "A19",
    )
    PORTABILITY = (
        "portability",
        "Receive one's data in a portable form, or have it sent to another controller (GDPR Art. 20, for example).",
        EU_GDPR + "A20",
    )
    OBJECTION = ("objection", "Object to the processing of one's data (GDPR Art. 21, for example).", EU_GDPR + "A21")
    AUTOMATED_DECISION = (
        "automated-decision",
        "Not be subject to decisions made solely by automated means (GDPR Art. 22, for example).",
        EU_GDPR + "A22",
    )
    WITHDRAW_CONSENT = ("withdraw-consent", "Withdraw consent at any time (GDPR Art. 7(3), for example).", EU_GDPR + "A7-3")
    COMPLAINT = (
        "complaint",
        "Lodge a complaint with a supervisory authority or regulator (GDPR Art. 77, for example).",
        EU_GDPR + "A77",
    )
    JUDICIAL_REMEDY = (
        "judicial-remedy",
        "An effective judicial remedy against the controller or processor (GDPR Art. 79, for example).",
        EU_GDPR + "A79",
    )
    KNOW = ("know", "Know what personal information is collected, used, shared or sold (the CCPA's right to know, for example).")
    DELETE = ("delete", "Have personal information deleted (the CCPA's right to delete, for example).")
    CORRECT = ("correct", "Have inaccurate personal information corrected (the CCPA as amended by the CPRA, for example).")
    OPT_OUT_OF_SALE = ("opt-out-of-sale", "Opt out of the sale or sharing of personal information (the CCPA, for example).")
    OPT_OUT_OF_TARGETED_ADVERTISING = (
        "opt-out-of-targeted-advertising",
        "Opt out of the processing of personal data for targeted advertising (Virginia's and Colorado's laws, for example).",
    )
    OPT_OUT_OF_PROFILING = (
        "opt-out-of-profiling",
        (
            "Opt out of profiling in furtherance of decisions that produce legal or similarly significant effects "
            "(Virginia's and Colorado's laws, for example)."
        ),
    )
    APPEAL = (
        "appeal",
        "Appeal the controller's refusal to act on a request about one's rights (Virginia's and Colorado's laws, for example).",
    )
    LIMIT_SENSITIVE = (
        "limit-sensitive",
        "Limit the use and disclosure of sensitive personal information (the CCPA as amended by the CPRA, for example).",
    )
    NON_DISCRIMINATION = (
        "non-discrimination",
        "Not be discriminated against for exercising one's rights (the CCPA, for example).",
    )
    DIRECT_MARKETING_DISCLOSURE = (
        "direct-marketing-disclosure",
        (
            "Learn of disclosures of personal information to third parties for their direct marketing "
            "(California's Shine the Light law, Civ. Code 1798.83, for example)."
        ),
    )
    PARENTAL_REVIEW = (
        "parental-review",
        "A parent or guardian may review a child's personal information (under COPPA, or granted by the controller).",
    )
    PARENTAL_DELETION = (
        "parental-deletion",
        "A parent or guardian may have a child's personal information deleted (under COPPA, or granted by the controller).",
    )
    PARENTAL_STOP_COLLECTION = (
        "parental-stop-collection",
        (
            "A parent or guardian may stop further collection or use of a child's personal information "
            "(under COPPA, or granted by the controller)."
        ),
    )
    MARKETING_OPT_OUT = ("marketing-opt-out", "Opt out of marketing communications.")
    COOKIE_OPT_OUT = ("cookie-opt-out", "Refuse or opt out of cookies.")
    OPT_OUT_OF_DISCLOSURE = ("opt-out-of-disclosure", "Opt out of disclosure of personal information to third parties.")


class LawTerm(Vocabulary):
    """Laws and frameworks a policy cites or a right comes from (with the W3C DPV law IRI where DPV has one)."""

    GDPR = ("gdpr", "Regulation (EU) 2016/679, the General Data Protection Regulation.", _LEGAL_EU + "law-GDPR")
    UK_GDPR = ("uk-gdpr", "The UK GDPR and the Data Protection Act 2018.", _LEGAL_GB + "law-GDPR")
    EU_DIRECTIVE_95_46 = ("eu-directive-95-46", "Directive 95/46/EC, the EU Data Protection Directive (repealed by the GDPR).")
    EPRIVACY = ("eprivacy", "Directive 2002/58/EC, the ePrivacy Directive.")
    SWISS_FADP = ("swiss-fadp", "The Swiss Federal Act on Data Protection.")
    CCPA = ("ccpa", "The California Consumer Privacy Act of 2018 (Cal. Civ. Code 1798.100 ff.).", _LEGAL_US + "law-CA-CCPA")
    CPRA = ("cpra", "The California Privacy Rights Act of 2020.", _LEGAL_US + "law-CA-CPRA")
    CAL_SHINE_THE_LIGHT = ("cal-shine-the-light", "California's 'Shine the Light' law (Civ. Code 1798.83).")
    COPPA = ("coppa", "The US Children's Online Privacy Protection Act.")
    CAN_SPAM = ("can-spam", "The US CAN-SPAM Act.")
    PIPEDA = ("pipeda", "Canada's Personal Information Protection and Electronic Documents Act.")
    LGPD = ("lgpd", "Brazil's Lei Geral de Proteção de Dados.")
    AU_PRIVACY_ACT = ("au-privacy-act", "Australia's Privacy Act 1988.")
    INDIA_DPDP = ("india-dpdp", "India's Digital Personal Data Protection Act 2023.")
    VCDPA = ("vcdpa", "The Virginia Consumer Data Protection Act.", _LEGAL_US + "law-VA-VCDPA")
    CPA = ("cpa", "The Colorado Privacy Act.", _LEGAL_US + "law-CO-CPA")
    SPAIN_LOPD = (
        "spain-lopd",
        "Spain's Ley Orgánica 15/1999 de Protección de Datos de Carácter Personal (LOPD), replaced in 2018.",
    )


RIGHT_EQUIVALENTS: Final = (
    frozenset({RightKind.ACCESS, RightKind.KNOW}),
    frozenset({RightKind.ERASURE, RightKind.DELETE}),
    frozenset({RightKind.RECTIFICATION, RightKind.CORRECT}),
)
"""Kinds that are the same right under the names different laws give it (access and the CCPA's right to know)."""


def equivalent_rights(kind: RightKind | CustomTerm) -> frozenset[RightKind | CustomTerm]:
    """The kinds that are the same right as ``kind``, itself included (``erasure`` gives erasure and delete)."""
    for group in RIGHT_EQUIVALENTS:
        if kind in group:
            return frozenset(group)
    return frozenset({kind})


def _gdpr_right_iris() -> dict[tuple[RightKind, LawTerm | None], str]:
    """Each kind under the GDPR: its article's IRI, for a kind's equivalents too (``delete`` under the GDPR is Art. 17)."""
    table: dict[tuple[RightKind, LawTerm | None], str] = {}
    for kind in RightKind:
        article = next((other.iri for other in equivalent_rights(kind) if isinstance(other, RightKind) and other.iri), None)
        if article is not None:
            table[kind, LawTerm.GDPR] = article
    return table


RIGHT_IRIS: Final[dict[tuple[RightKind, LawTerm | None], str]] = {
    **{(kind, None): DPV + "DataSubjectRight" for kind in RightKind},
    **_gdpr_right_iris(),
}
"""The W3C DPV IRI of a right as a policy states it, by its kind and law: under the GDPR the article's
(``eu-gdpr:A15``), with no law the generic ``dpv:DataSubjectRight``."""


def right_iri(kind: RightKind | CustomTerm, law: LawTerm | CustomTerm | None) -> str | None:
    """The DPV IRI of a right of ``kind`` under ``law`` (:data:`RIGHT_IRIS`): a law with no entry of its own gives
    the generic ``dpv:DataSubjectRight``, and a custom kind None."""
    if not isinstance(kind, RightKind):
        return None
    if isinstance(law, LawTerm) and (kind, law) in RIGHT_IRIS:
        return RIGHT_IRIS[kind, law]
    return RIGHT_IRIS[kind, None]


class RecourseKind(Vocabulary):
    """Kinds of independent recourse a policy names, where people can take a complaint the controller did not resolve."""

    INDEPENDENT_DISPUTE_RESOLUTION = (
        "independent-dispute-resolution",
        "An independent dispute resolution body (TRUSTe, JAMS, BBB National Programs).",
    )
    ARBITRATION = ("arbitration", "Binding arbitration.")
    REGULATOR = ("regulator", "A regulator with jurisdiction over the controller, for example the US Federal Trade Commission.")
    SUPERVISORY_AUTHORITY = (
        "supervisory-authority",
        "A data protection supervisory authority.",
        DPV + "DataProtectionAuthority",
    )
    COURT = ("court", "A court.")


class ChoiceKind(Vocabulary):
    """Ways people can control how their data is used."""

    BROWSER_SETTINGS = ("browser-settings", "Refuse or delete cookies in the browser.")
    INDUSTRY_OPT_OUT = ("industry-opt-out", "An industry opt-out page (NAI, DAA, EDAA).")
    PROVIDER_OPT_OUT = ("provider-opt-out", "An opt-out offered by a third-party provider.")
    UNSUBSCRIBE = ("unsubscribe", "Unsubscribe links or replies in emails.")
    CONTACT_REQUEST = ("contact-request", "A request sent to the controller (email, form, letter).")
    ACCOUNT_SETTINGS = ("account-settings", "Settings in the person's account.")
    CONSENT_MANAGER = ("consent-manager", "A cookie or consent banner.")
    WEB_PAGE = ("web-page", "A link or preference page on the web.")


class NotificationMethod(Vocabulary):
    """How people are told of changes to the policy."""

    EMAIL = ("email", "By email.")
    WEBSITE = ("website", "By posting on the website.")
    PROMINENT_NOTICE = ("prominent-notice", "By a prominent notice on the website or service.")
    IN_APP = ("in-app", "Inside the app or service.")
    TEXT_MESSAGE = ("text-message", "By text message.")
    POST = ("post", "By post, fax or other written notice.")
    NONE = ("none", "Only by updating the policy text (the person must check it).")
