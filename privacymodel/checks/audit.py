"""Auditing a policy against what a law requires it to disclose.

Each law is a rule set: a list of rule functions registered in :data:`LAWS`
under the law's name. A rule reads the policy and returns one or more
:class:`Finding` objects; adding a law, or a rule to a law, touches nothing
else. :func:`audit` runs one law's rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Final, Literal

from attrs import frozen

from privacymodel.checks.consistency import CONSENT_BASES, applicable_rights, check
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import ContactPurpose, DataSource, LawTerm, LegalBasisTerm, PartyRole, RightKind
from privacymodel.problems import Code, format_path

__all__ = ["LAWS", "STATUSES", "Finding", "Status", "audit"]

Status = Literal["present", "missing", "not-applicable", "unclear"]
STATUSES: Final[tuple[Status, ...]] = ("missing", "unclear", "present", "not-applicable")


@frozen(kw_only=True)
class Finding:
    """One disclosure item of a law and whether the policy makes it.

    ``status`` is ``present`` (``evidence`` lists the JSON paths that satisfy
    it), ``missing``, ``not-applicable`` (``message`` says why) or ``unclear``.
    """

    law: str
    item: str
    title: str
    article: str
    status: Status
    message: str
    evidence: tuple[str, ...] = ()


Rule = Callable[[PrivacyPolicy], Iterable[Finding]]

EEA: Final = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
    ]
)


def _paths(name: str, items: Sequence[object] | None, field: str | None = None) -> tuple[str, ...]:
    return tuple(format_path((name, i, field) if field else (name, i)) for i in range(len(items or ())))


def _rights(policy: PrivacyPolicy, kinds: set[RightKind], laws: set[LawTerm] | None = None) -> tuple[str, ...]:
    """Paths of the rights of these kinds (from these laws, or stated without a law)."""
    return tuple(
        format_path(("rights", i))
        for i, right in enumerate(policy.rights or ())
        if right.kind in kinds and (laws is None or right.law is None or right.law in laws)
    )


def _gdpr_bases(policy: PrivacyPolicy) -> list[tuple[int, LegalBasisTerm]]:
    return [
        (i, basis.basis)
        for i, basis in enumerate(policy.legal_bases or ())
        if isinstance(basis.basis, LegalBasisTerm) and basis.basis.value.startswith(("A6-", "A9-"))
    ]


def _disclosed(law: str, item: str, title: str, article: str, evidence: Sequence[str], present: str, missing: str) -> Finding:
    """``present`` with its evidence when there is any, else ``missing``."""
    return Finding(
        law=law, item=item, title=title, article=article, status="present" if evidence else "missing",
        message=present if evidence else missing, evidence=tuple(evidence),
    )  # fmt: skip


def _indirect(policy: PrivacyPolicy) -> tuple[str, ...]:
    return tuple(
        format_path(("data_categories", i, "sources"))
        for i, category in enumerate(policy.data_categories or ())
        if category.sources and {DataSource.THIRD_PARTY, DataSource.PUBLIC} & set(category.sources)
    )


# --- GDPR Articles 13 and 14 ------------------------------------------------


def _g(item: str, title: str, article: str, status: Status, message: str, evidence: Iterable[str] = ()) -> Finding:
    return Finding(law="gdpr", item=item, title=title, article=article, status=status, message=message, evidence=tuple(evidence))


def gdpr_controller(policy: PrivacyPolicy) -> Iterable[Finding]:
    title, article = "Identity and contact details of the controller", "Art. 13(1)(a), Art. 14(1)(a)"
    contacts = [
        format_path(("controllers", i, "contacts" if party.contacts else "address"))
        for i, party in enumerate(policy.controllers)
        if party.contacts or party.address
    ]
    if contacts:
        yield _g(
            "controller",
            title,
            article,
            "present",
            "the controller is named with contact details",
            ["$.controllers[0].name", *contacts],
        )
    else:
        yield _g(
            "controller",
            title,
            article,
            "missing",
            "the controller is named but no contact details are given",
            ["$.controllers[0].name"],
        )


def gdpr_representative(policy: PrivacyPolicy) -> Iterable[Finding]:
    title, article = "The controller's representative in the EU", "Art. 13(1)(a), Art. 14(1)(a)"
    if policy.representative is not None:
        yield _g("representative", title, article, "present", "an EU representative is named", ["$.representative"])
        return
    countries = {
        contact.address.country
        for party in policy.controllers
        for contact in (party.contacts or ())
        if contact.address and contact.address.country
    } | {party.address.country for party in policy.controllers if party.address and party.address.country}
    if countries and countries <= EEA:
        yield _g(
            "representative",
            title,
            article,
            "not-applicable",
            "the controller's address is in the EEA, so no representative is owed",
        )
    else:
        yield _g(
            "representative", title, article, "unclear",
            "no EU representative is named; one is owed if the controller is outside the EU and offers services to people in it",
        )  # fmt: skip


def gdpr_dpo(policy: PrivacyPolicy) -> Iterable[Finding]:
    title, article = "Contact details of the data protection officer", "Art. 13(1)(b), Art. 14(1)(b)"
    if policy.dpo is not None:
        if policy.dpo.contacts:
            yield _g("dpo", title, article, "present", "a DPO is named with contact details", ["$.dpo.contacts"])
        else:
            yield _g("dpo", title, article, "missing", "a DPO is named but no way to reach them is given", ["$.dpo"])
        return
    mailboxes = [
        format_path(("controllers", i, "contacts", j))
        for i, party in enumerate(policy.controllers)
        for j, contact in enumerate(party.contacts or ())
        if (contact.purposes and ContactPurpose.DPO in contact.purposes) or (contact.email or "").lower().startswith("dpo@")
    ]
    if mailboxes:
        yield _g(
            "dpo", title, article, "unclear", "a DPO mailbox is named but the policy does not say a DPO is designated", mailboxes
        )
    else:
        yield _g("dpo", title, article, "not-applicable", "the policy does not say a DPO is designated")


def gdpr_purposes(policy: PrivacyPolicy) -> Iterable[Finding]:
    yield _disclosed(
        "gdpr", "purposes", "Purposes of the processing", "Art. 13(1)(c), Art. 14(1)(c)", _paths("purposes", policy.purposes),
        _count(len(policy.purposes or ()), "purpose"), "no purposes are stated",
    )  # fmt: skip


def gdpr_legal_basis(policy: PrivacyPolicy) -> Iterable[Finding]:
    title, article = "Legal basis of the processing", "Art. 13(1)(c), Art. 14(1)(c)"
    bases = _gdpr_bases(policy)
    if bases:
        yield _g(
            "legal-basis",
            title,
            article,
            "present",
            "GDPR legal bases are stated",
            [format_path(("legal_bases", i, "basis")) for i, _ in bases],
        )
    elif policy.legal_bases:
        yield _g(
            "legal-basis", title, article, "unclear", "legal bases are stated, but none is a GDPR Art. 6 or 9 basis",
            _paths("legal_bases", policy.legal_bases, "basis"),
        )  # fmt: skip
    else:
        yield _g("legal-basis", title, article, "missing", "no legal basis is stated")


def gdpr_legitimate_interests(policy: PrivacyPolicy) -> Iterable[Finding]:
    title, article = "The legitimate interests pursued", "Art. 13(1)(d), Art. 14(2)(b)"
    relying = [
        (i, b)
        for i, b in enumerate(policy.legal_bases or ())
        if isinstance(b.basis, LegalBasisTerm) and b.basis.value.startswith("A6-1-f")
    ]
    if not relying:
        yield _g(
            "legitimate-interests",
            title,
            article,
            "not-applicable",
            "no Art. 6(1)(f) basis is relied on, so no legitimate interests are owed",
        )
    elif all(b.legitimate_interests for _, b in relying):
        yield _g("legitimate-interests", title, article, "present", "the legitimate interests are stated",
                 [format_path(("legal_bases", i, "legitimate_interests")) for i, _ in relying])  # fmt: skip
    else:
        yield _g("legitimate-interests", title, article, "missing", "Art. 6(1)(f) is relied on without stating the interests pursued",
                 [format_path(("legal_bases", i, "basis")) for i, _ in relying])  # fmt: skip


def gdpr_recipients(policy: PrivacyPolicy) -> Iterable[Finding]:
    title, article = "Recipients or categories of recipients", "Art. 13(1)(e), Art. 14(1)(e)"
    if policy.recipients is None:
        yield _g("recipients", title, article, "missing", "the policy does not say who receives personal data")
    elif not policy.recipients:
        yield _g(
            "recipients", title, article, "present", "the policy states that no one receives personal data", ["$.recipients"]
        )
    else:
        yield _g(
            "recipients",
            title,
            article,
            "present",
            _count(len(policy.recipients), "recipient"),
            _paths("recipients", policy.recipients),
        )


def gdpr_transfers(policy: PrivacyPolicy) -> Iterable[Finding]:
    title, article = "Transfers to third countries and their safeguards", "Art. 13(1)(f), Art. 14(1)(f)"
    if policy.transfers is None:
        yield _g(
            "transfers", title, article, "unclear", "the policy does not say whether data leaves the country it is collected in"
        )
    elif not policy.transfers:
        yield _g(
            "transfers", title, article, "present", "the policy states there are no international transfers", ["$.transfers"]
        )
    elif all(t.mechanisms for t in policy.transfers):
        yield _g(
            "transfers",
            title,
            article,
            "present",
            "transfers are stated with the mechanism relied on",
            _paths("transfers", policy.transfers, "mechanisms"),
        )
    else:
        yield _g(
            "transfers",
            title,
            article,
            "missing",
            "a transfer is stated without the safeguard relied on",
            _paths("transfers", policy.transfers),
        )


def gdpr_retention(policy: PrivacyPolicy) -> Iterable[Finding]:
    title, article = "Retention period, or the criteria that set it", "Art. 13(2)(a), Art. 14(2)(a)"
    statements = policy.retention or ()
    concrete = [format_path(("retention", i)) for i, r in enumerate(statements) if r.period or r.until or r.criteria]
    if concrete:
        yield _g("retention", title, article, "present", "a period, ending event or criteria are stated", concrete)
    elif statements:
        yield _g(
            "retention",
            title,
            article,
            "unclear",
            "only 'as long as necessary' is stated, with no period or criteria",
            _paths("retention", statements),
        )
    else:
        yield _g("retention", title, article, "missing", "no retention period or criteria are stated")


_DATA_SUBJECT_RIGHTS: Final = (
    (RightKind.ACCESS, "access", "Right of access", "Art. 13(2)(b), Art. 14(2)(c)"),
    (RightKind.RECTIFICATION, "rectification", "Right to rectification", "Art. 13(2)(b), Art. 14(2)(c)"),
    (RightKind.ERASURE, "erasure", "Right to erasure", "Art. 13(2)(b), Art. 14(2)(c)"),
    (RightKind.RESTRICTION, "restriction", "Right to restriction of processing", "Art. 13(2)(b), Art. 14(2)(c)"),
    (RightKind.OBJECTION, "objection", "Right to object", "Art. 13(2)(b), Art. 14(2)(c)"),
    (RightKind.PORTABILITY, "portability", "Right to data portability", "Art. 13(2)(b), Art. 14(2)(c)"),
)


def _stated(title: str, stated: bool) -> str:
    """'Right of access' -> 'the right of access is stated' (or 'is not stated')."""
    return f"the {title[0].lower()}{title[1:]} is {'' if stated else 'not '}stated"


def _count(n: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n} {noun if n == 1 else plural} {'is' if n == 1 else 'are'} stated"


def gdpr_rights(policy: PrivacyPolicy) -> Iterable[Finding]:
    table = applicable_rights(basis for _, basis in _gdpr_bases(policy))
    for kind, item, title, article in _DATA_SUBJECT_RIGHTS:
        found = _rights(policy, {kind}, {LawTerm.GDPR, LawTerm.UK_GDPR})
        if found:
            yield _g(f"right-{item}", title, article, "present", _stated(title, True), found)
        elif table is not None and kind not in table[0]:
            used = table[1]
            yield _g(
                f"right-{item}", title, article, "not-applicable", f"the right does not apply under the legal bases used ({used})"
            )
        else:
            yield _g(f"right-{item}", title, article, "missing", _stated(title, False))


def gdpr_withdraw_consent(policy: PrivacyPolicy) -> Iterable[Finding]:
    title, article = "Right to withdraw consent at any time", "Art. 13(2)(c), Art. 14(2)(d)"
    consent = [
        format_path(("legal_bases", i, "basis")) for i, b in enumerate(policy.legal_bases or ()) if b.basis in CONSENT_BASES
    ]
    found = _rights(policy, {RightKind.WITHDRAW_CONSENT})
    if not consent:
        yield _g("withdraw-consent", title, article, "not-applicable", "consent is not relied on")
    elif found:
        yield _g("withdraw-consent", title, article, "present", "the right to withdraw consent is stated", found)
    else:
        yield _g(
            "withdraw-consent",
            title,
            article,
            "missing",
            "consent is relied on but the right to withdraw it is not stated",
            consent,
        )


def gdpr_complaint(policy: PrivacyPolicy) -> Iterable[Finding]:
    title = "Right to lodge a complaint with a supervisory authority"
    yield _disclosed(
        "gdpr", "complaint", title, "Art. 13(2)(d), Art. 14(2)(e)", _rights(policy, {RightKind.COMPLAINT}),
        "the right to complain to a supervisory authority is stated", "the right to complain to a supervisory authority is not stated",
    )  # fmt: skip


def gdpr_requirement(policy: PrivacyPolicy) -> Iterable[Finding]:
    yield _disclosed(
        "gdpr", "requirement", "Whether providing data is a statutory or contractual requirement", "Art. 13(2)(e)",
        _paths("provision_requirements", policy.provision_requirements), "whether people must provide data is stated",
        "the policy does not say whether people must provide their data, or what happens if not",
    )  # fmt: skip


def gdpr_automated_decisions(policy: PrivacyPolicy) -> Iterable[Finding]:
    title, article = "Automated decision-making, including profiling", "Art. 13(2)(f), Art. 14(2)(g)"
    adm = policy.automated_decision_making
    if adm is not None and adm.used is not None:
        if adm.used and not adm.logic:
            yield _g(
                "automated-decisions",
                title,
                article,
                "missing",
                "automated decisions are used but the logic involved is not described",
                ["$.automated_decision_making"],
            )
        else:
            yield _g(
                "automated-decisions",
                title,
                article,
                "present",
                "whether automated decisions are made is stated",
                ["$.automated_decision_making.used"],
            )
    elif _rights(policy, {RightKind.AUTOMATED_DECISION}):
        yield _g(
            "automated-decisions", title, article, "unclear",
            "a right about automated decisions is stated, but not whether such decisions are made",
            _rights(policy, {RightKind.AUTOMATED_DECISION}),
        )  # fmt: skip
    else:
        yield _g("automated-decisions", title, article, "missing", "the policy does not say whether automated decisions are made")


def gdpr_indirect(policy: PrivacyPolicy) -> Iterable[Finding]:
    indirect = _indirect(policy)
    for item, title, article in (
        ("data-categories", "Categories of personal data (indirect collection)", "Art. 14(1)(d)"),
        ("sources", "The source of the data (indirect collection)", "Art. 14(2)(f)"),
    ):
        if not indirect:
            yield _g(item, title, article, "not-applicable", "no data is stated to come from other sources")
        else:
            yield _g(
                item,
                title,
                article,
                "present",
                "the data obtained from other sources and the kind of source are stated",
                indirect,
            )


def gdpr_consistency(policy: PrivacyPolicy) -> Iterable[Finding]:
    for problem in check(policy):
        if problem.code == Code.RIGHT_WITHOUT_BASIS:
            yield _g(
                "consistency-rights",
                "A right declared under no basis that grants it",
                "Art. 13(2)(b)",
                "unclear",
                problem.message,
                [problem.path],
            )
    for i, party in enumerate(policy.controllers):
        roles = {role.role for role in party.roles or ()}
        if (
            roles
            and PartyRole.PROCESSOR in roles
            and not roles & {PartyRole.CONTROLLER, PartyRole.JOINT_CONTROLLER}
            and policy.legal_bases
        ):
            yield _g(
                "consistency-processor", "A processor claiming controller duties", "Art. 28(3)(a)", "unclear",
                f"{party.name} is stated to be only a processor, yet the policy sets out legal bases, which the controller decides",
                [format_path(("controllers", i, "roles"))],
            )  # fmt: skip


GDPR_RULES: Final[tuple[Rule, ...]] = (
    gdpr_controller,
    gdpr_representative,
    gdpr_dpo,
    gdpr_purposes,
    gdpr_legal_basis,
    gdpr_legitimate_interests,
    gdpr_recipients,
    gdpr_transfers,
    gdpr_retention,
    gdpr_rights,
    gdpr_withdraw_consent,
    gdpr_complaint,
    gdpr_requirement,
    gdpr_automated_decisions,
    gdpr_indirect,
    gdpr_consistency,
)


# --- CCPA ------------------------------------------------------------------


def _c(item: str, title: str, article: str, status: Status, message: str, evidence: Iterable[str] = ()) -> Finding:
    return Finding(law="ccpa", item=item, title=title, article=article, status=status, message=message, evidence=tuple(evidence))


def ccpa_notice(policy: PrivacyPolicy) -> Iterable[Finding]:
    notice = "Cal. Civ. Code § 1798.100(a)(1)"
    yield _disclosed(
        "ccpa", "categories", "Categories of personal information collected", notice, _paths("data_categories", policy.data_categories),
        _count(len(policy.data_categories or ()), "data category"), "no categories are stated",
    )  # fmt: skip
    yield _disclosed(
        "ccpa", "purposes", "Purposes of collection and use", notice, _paths("purposes", policy.purposes),
        "purposes are stated", "no purposes are stated",
    )  # fmt: skip
    sold = ("$.sale_of_data.sold",) if policy.sale_of_data is not None and policy.sale_of_data.sold is not None else ()
    yield _disclosed(
        "ccpa", "sold-or-shared", "Whether personal information is sold or shared", f"{notice}, § 1798.120", sold,
        "whether data is sold is stated", "the policy does not say whether personal information is sold or shared",
    )  # fmt: skip
    yield _disclosed(
        "ccpa", "retention", "How long each category is kept", "Cal. Civ. Code § 1798.100(a)(3)", _paths("retention", policy.retention),
        "retention is stated", "retention is not stated",
    )  # fmt: skip


_CCPA_RIGHTS: Final = (
    ("know", "Right to know", "Cal. Civ. Code § 1798.110", {RightKind.KNOW}),
    ("delete", "Right to delete", "Cal. Civ. Code § 1798.105", {RightKind.DELETE}),
    ("correct", "Right to correct", "Cal. Civ. Code § 1798.106", {RightKind.CORRECT}),
    ("opt-out", "Right to opt out of sale or sharing", "Cal. Civ. Code § 1798.120", {RightKind.OPT_OUT_OF_SALE}),
    ("non-discrimination", "Right to non-discrimination", "Cal. Civ. Code § 1798.125", {RightKind.NON_DISCRIMINATION}),
)


def ccpa_rights(policy: PrivacyPolicy) -> Iterable[Finding]:
    for item, title, article, kinds in _CCPA_RIGHTS:
        found = _rights(policy, kinds, {LawTerm.CCPA, LawTerm.CPRA})
        yield _disclosed("ccpa", f"right-{item}", title, article, found, _stated(title, True), _stated(title, False))
    channels = [
        format_path(("rights", i, "contacts"))
        for i, right in enumerate(policy.rights or ())
        if right.contacts and right.law in (LawTerm.CCPA, LawTerm.CPRA)
    ] + [
        format_path(("controllers", i, "contacts", j))
        for i, party in enumerate(policy.controllers)
        for j, contact in enumerate(party.contacts or ())
        if contact.purposes and ContactPurpose.RIGHTS_REQUESTS in contact.purposes
    ]
    title, article = "How to submit requests", "Cal. Civ. Code § 1798.130(a)(1)"
    if channels:
        yield _c("requests", title, article, "present", "a way to submit requests is stated", channels)
    else:
        yield _c("requests", title, article, "missing", "no way to submit requests is stated")


CCPA_RULES: Final[tuple[Rule, ...]] = (ccpa_notice, ccpa_rights)


# --- COPPA -----------------------------------------------------------------


def _k(item: str, title: str, article: str, status: Status, message: str, evidence: Iterable[str] = ()) -> Finding:
    return Finding(law="coppa", item=item, title=title, article=article, status=status, message=message, evidence=tuple(evidence))


def coppa_basics(policy: PrivacyPolicy) -> Iterable[Finding]:
    children = policy.children
    audience_title, audience_article = "Whether the service is directed at children under 13", "16 CFR § 312.2"
    if children is None or children.directed_at_children is None:
        yield _k(
            "audience",
            audience_title,
            audience_article,
            "missing",
            "the policy does not say whether the service is directed at children",
        )
        directed = None
    else:
        directed = children.directed_at_children
        yield _k("audience", audience_title, audience_article, "present",
                 f"the service is stated {'' if directed else 'not '}to be directed at children", ["$.children.directed_at_children"])  # fmt: skip
    if directed:
        parental = _rights(policy, {RightKind.PARENTAL_REVIEW, RightKind.PARENTAL_DELETION, RightKind.PARENTAL_STOP_COLLECTION})
        status: Status = "present" if parental else "missing"
        yield _k("parental-rights", "Parents' rights to review, delete and stop collection", "16 CFR § 312.4(d)(3)", status,
                 "parents' rights are stated" if parental else "parents' rights are not stated", parental)  # fmt: skip
        categories = _paths("data_categories", policy.data_categories)
        yield _k("collection", "What information is collected from children and how it is used", "16 CFR § 312.4(d)(2)",
                 "present" if categories else "missing", "data categories are stated" if categories else "no data categories are stated", categories)  # fmt: skip
        yield _k("knowledge", "Whether children's data is knowingly collected", "16 CFR § 312.3", "not-applicable",
                 "the service is directed at children")  # fmt: skip
    else:
        reason = (
            "the service is not directed at children"
            if directed is False
            else "whether the service is directed at children is not stated"
        )
        yield _k("parental-rights", "Parents' rights to review, delete and stop collection", "16 CFR § 312.4(d)(3)",
                 "not-applicable" if directed is False else "unclear", reason)  # fmt: skip
        yield _k("collection", "What information is collected from children and how it is used", "16 CFR § 312.4(d)(2)",
                 "not-applicable" if directed is False else "unclear", reason)  # fmt: skip
        stated = children is not None and (children.knowingly_collects is not None or children.if_collected is not None)
        yield _k("knowledge", "Whether children's data is knowingly collected, and what is done if it is found", "16 CFR § 312.3",
                 "present" if stated else "missing",
                 "the policy says what it does with children's data" if stated else "the policy does not say whether it knowingly collects children's data or what it does if it finds some",
                 ["$.children"] if stated else ())  # fmt: skip


COPPA_RULES: Final[tuple[Rule, ...]] = (coppa_basics,)

LAWS: Final[dict[str, tuple[Rule, ...]]] = {"gdpr": GDPR_RULES, "ccpa": CCPA_RULES, "coppa": COPPA_RULES}
"""Rule sets by law name: add a law by adding an entry."""


def audit(policy: PrivacyPolicy, law: str = "gdpr") -> tuple[Finding, ...]:
    """Check ``policy`` against the disclosures ``law`` requires (``gdpr``, ``ccpa`` or ``coppa``)."""
    try:
        rules = LAWS[law]
    except KeyError:
        raise ValueError(f"unknown law {law!r}; expected one of: {', '.join(LAWS)}") from None
    return tuple(finding for rule in rules for finding in rule(policy))
