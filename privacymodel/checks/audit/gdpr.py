"""The GDPR's rule set: what Articles 13 and 14 require a policy to disclose, and two consistency items."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from privacymodel.checks.audit.finding import Finding, Item, Rule, count, paths, rights_at, stated
from privacymodel.checks.consistency import CONSENT_BASES, applicable_rights, check
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import ContactPurpose, DataSource, LawTerm, LegalBasisTerm, PartyRole, RightKind
from privacymodel.problems import Code, format_path

__all__ = ["EEA", "RULES"]

LAW: Final = LawTerm.GDPR.value

# The members of the European Economic Area as ISO 3166-1 alpha-2 codes: the 27 EU member states
# (Treaty on European Union, Art. 52), then Iceland, Liechtenstein and Norway (the EEA Agreement).
EEA: Final = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split())  # noqa: SIM905 - the codes read as a table
"""Countries whose controllers owe no EU representative."""

CONTROLLER: Final = Item(LAW, "controller", "Identity and contact details of the controller", "Art. 13(1)(a), Art. 14(1)(a)")
REPRESENTATIVE: Final = Item(LAW, "representative", "The controller's representative in the EU", "Art. 13(1)(a), Art. 14(1)(a)")
DPO: Final = Item(LAW, "dpo", "Contact details of the data protection officer", "Art. 13(1)(b), Art. 14(1)(b)")
PURPOSES: Final = Item(LAW, "purposes", "Purposes of the processing", "Art. 13(1)(c), Art. 14(1)(c)")
LEGAL_BASIS: Final = Item(LAW, "legal-basis", "Legal basis of the processing", "Art. 13(1)(c), Art. 14(1)(c)")
LEGITIMATE_INTERESTS: Final = Item(
    LAW, "legitimate-interests", "The legitimate interests pursued", "Art. 13(1)(d), Art. 14(2)(b)"
)
RECIPIENTS: Final = Item(LAW, "recipients", "Recipients or categories of recipients", "Art. 13(1)(e), Art. 14(1)(e)")
TRANSFERS: Final = Item(LAW, "transfers", "Transfers to third countries and their safeguards", "Art. 13(1)(f), Art. 14(1)(f)")
RETENTION: Final = Item(LAW, "retention", "Retention period, or the criteria that set it", "Art. 13(2)(a), Art. 14(2)(a)")
_RIGHTS_ARTICLE: Final = "Art. 13(2)(b), Art. 14(2)(c)"
DATA_SUBJECT_RIGHTS: Final = (
    (RightKind.ACCESS, Item(LAW, "right-access", "Right of access", _RIGHTS_ARTICLE)),
    (RightKind.RECTIFICATION, Item(LAW, "right-rectification", "Right to rectification", _RIGHTS_ARTICLE)),
    (RightKind.ERASURE, Item(LAW, "right-erasure", "Right to erasure", _RIGHTS_ARTICLE)),
    (RightKind.RESTRICTION, Item(LAW, "right-restriction", "Right to restriction of processing", _RIGHTS_ARTICLE)),
    (RightKind.OBJECTION, Item(LAW, "right-objection", "Right to object", _RIGHTS_ARTICLE)),
    (RightKind.PORTABILITY, Item(LAW, "right-portability", "Right to data portability", _RIGHTS_ARTICLE)),
)
WITHDRAW_CONSENT: Final = Item(LAW, "withdraw-consent", "Right to withdraw consent at any time", "Art. 13(2)(c), Art. 14(2)(d)")
COMPLAINT: Final = Item(
    LAW, "complaint", "Right to lodge a complaint with a supervisory authority", "Art. 13(2)(d), Art. 14(2)(e)"
)
REQUIREMENT: Final = Item(LAW, "requirement", "Whether providing data is a statutory or contractual requirement", "Art. 13(2)(e)")
AUTOMATED_DECISIONS: Final = Item(
    LAW, "automated-decisions", "Automated decision-making, including profiling", "Art. 13(2)(f), Art. 14(2)(g)"
)
DATA_CATEGORIES: Final = Item(LAW, "data-categories", "Categories of personal data (indirect collection)", "Art. 14(1)(d)")
SOURCES: Final = Item(LAW, "sources", "The source of the data (indirect collection)", "Art. 14(2)(f)")
CONSISTENCY_RIGHTS: Final = Item(LAW, "consistency-rights", "A right declared under no basis that grants it", "Art. 13(2)(b)")
CONSISTENCY_PROCESSOR: Final = Item(LAW, "consistency-processor", "A processor claiming controller duties", "Art. 28(3)(a)")


def _gdpr_bases(policy: PrivacyPolicy) -> list[tuple[int, LegalBasisTerm]]:
    """The Art. 6 and Art. 9 legal bases, with their index."""
    return [
        (i, basis.basis)
        for i, basis in enumerate(policy.legal_bases or ())
        if isinstance(basis.basis, LegalBasisTerm) and basis.basis.value.startswith(("A6-", "A9-"))
    ]


def _indirect(policy: PrivacyPolicy) -> tuple[str, ...]:
    """Paths of the sources of data categories obtained from third parties or public sources."""
    return tuple(
        format_path(("data_categories", i, "sources"))
        for i, category in enumerate(policy.data_categories or ())
        if category.sources and {DataSource.THIRD_PARTY, DataSource.PUBLIC} & set(category.sources)
    )


def gdpr_controller(policy: PrivacyPolicy) -> Iterable[Finding]:
    """The controller, named with contact details."""
    contacts = [
        format_path(("controllers", i, "contacts" if party.contacts else "address"))
        for i, party in enumerate(policy.controllers)
        if party.contacts or party.address
    ]
    if contacts:
        yield CONTROLLER.present("the controller is named with contact details", ["$.controllers[0].name", *contacts])
    else:
        yield CONTROLLER.missing("the controller is named but no contact details are given", ["$.controllers[0].name"])


def gdpr_representative(policy: PrivacyPolicy) -> Iterable[Finding]:
    """An EU representative, owed unless the controller is in the EEA."""
    if policy.representative is not None:
        yield REPRESENTATIVE.present("an EU representative is named", ["$.representative"])
        return
    countries = {
        contact.address.country
        for party in policy.controllers
        for contact in (party.contacts or ())
        if contact.address and contact.address.country
    } | {party.address.country for party in policy.controllers if party.address and party.address.country}
    if countries and countries <= EEA:
        yield REPRESENTATIVE.not_applicable("the controller's address is in the EEA, so no representative is owed")
    else:
        yield REPRESENTATIVE.unclear(
            "no EU representative is named; one is owed if the controller is outside the EU and offers services to people in it"
        )


def gdpr_dpo(policy: PrivacyPolicy) -> Iterable[Finding]:
    """The data protection officer's contact details, when one is designated."""
    if policy.dpo is not None:
        if policy.dpo.contacts:
            yield DPO.present("a DPO is named with contact details", ["$.dpo.contacts"])
        else:
            yield DPO.missing("a DPO is named but no way to reach them is given", ["$.dpo"])
        return
    mailboxes = [
        format_path(("controllers", i, "contacts", j))
        for i, party in enumerate(policy.controllers)
        for j, contact in enumerate(party.contacts or ())
        if (contact.purposes and ContactPurpose.DPO in contact.purposes) or (contact.email or "").lower().startswith("dpo@")
    ]
    if mailboxes:
        yield DPO.unclear("a DPO mailbox is named but the policy does not say a DPO is designated", mailboxes)
    else:
        yield DPO.not_applicable("the policy does not say a DPO is designated")


def gdpr_purposes(policy: PrivacyPolicy) -> Iterable[Finding]:
    """The purposes of the processing."""
    yield PURPOSES.disclosed(
        paths("purposes", policy.purposes), count(len(policy.purposes or ()), "purpose"), "no purposes are stated"
    )


def gdpr_legal_basis(policy: PrivacyPolicy) -> Iterable[Finding]:
    """A GDPR legal basis (Art. 6 or 9)."""
    bases = _gdpr_bases(policy)
    if bases:
        yield LEGAL_BASIS.present("GDPR legal bases are stated", [format_path(("legal_bases", i, "basis")) for i, _ in bases])
    elif policy.legal_bases:
        yield LEGAL_BASIS.unclear(
            "legal bases are stated, but none is a GDPR Art. 6 or 9 basis", paths("legal_bases", policy.legal_bases, "basis")
        )
    else:
        yield LEGAL_BASIS.missing("no legal basis is stated")


def gdpr_legitimate_interests(policy: PrivacyPolicy) -> Iterable[Finding]:
    """The legitimate interests, when Art. 6(1)(f) is relied on."""
    relying = [
        (i, b)
        for i, b in enumerate(policy.legal_bases or ())
        if isinstance(b.basis, LegalBasisTerm) and b.basis.value.startswith("A6-1-f")
    ]
    if not relying:
        yield LEGITIMATE_INTERESTS.not_applicable("no Art. 6(1)(f) basis is relied on, so no legitimate interests are owed")
    elif all(b.legitimate_interests for _, b in relying):
        yield LEGITIMATE_INTERESTS.present(
            "the legitimate interests are stated", [format_path(("legal_bases", i, "legitimate_interests")) for i, _ in relying]
        )
    else:
        yield LEGITIMATE_INTERESTS.missing(
            "Art. 6(1)(f) is relied on without stating the interests pursued",
            [format_path(("legal_bases", i, "basis")) for i, _ in relying],
        )


def gdpr_recipients(policy: PrivacyPolicy) -> Iterable[Finding]:
    """Who receives personal data (stating that no one does counts)."""
    if policy.recipients is None:
        yield RECIPIENTS.missing("the policy does not say who receives personal data")
    elif not policy.recipients:
        yield RECIPIENTS.present("the policy states that no one receives personal data", ["$.recipients"])
    else:
        yield RECIPIENTS.present(count(len(policy.recipients), "recipient"), paths("recipients", policy.recipients))


def gdpr_transfers(policy: PrivacyPolicy) -> Iterable[Finding]:
    """International transfers, each with the safeguard relied on."""
    if policy.transfers is None:
        yield TRANSFERS.unclear("the policy does not say whether data leaves the country it is collected in")
    elif not policy.transfers:
        yield TRANSFERS.present("the policy states there are no international transfers", ["$.transfers"])
    elif all(t.mechanisms for t in policy.transfers):
        yield TRANSFERS.present(
            "transfers are stated with the mechanism relied on", paths("transfers", policy.transfers, "mechanisms")
        )
    else:
        yield TRANSFERS.missing("a transfer is stated without the safeguard relied on", paths("transfers", policy.transfers))


def gdpr_retention(policy: PrivacyPolicy) -> Iterable[Finding]:
    """A retention period, ending event or criteria ('as long as necessary' alone is unclear)."""
    statements = policy.retention or ()
    concrete = [format_path(("retention", i)) for i, r in enumerate(statements) if r.period or r.until or r.criteria]
    if concrete:
        yield RETENTION.present("a period, ending event or criteria are stated", concrete)
    elif statements:
        yield RETENTION.unclear(
            "only 'as long as necessary' is stated, with no period or criteria", paths("retention", statements)
        )
    else:
        yield RETENTION.missing("no retention period or criteria are stated")


def gdpr_rights(policy: PrivacyPolicy) -> Iterable[Finding]:
    """Each data subject right, unless none of the Art. 6(1) bases used grants it."""
    table = applicable_rights(basis for _, basis in _gdpr_bases(policy))
    for kind, item in DATA_SUBJECT_RIGHTS:
        found = rights_at(policy, {kind}, {LawTerm.GDPR, LawTerm.UK_GDPR})
        if found:
            yield item.present(stated(item.title, True), found)
        elif table is not None and kind not in table[0]:
            yield item.not_applicable(f"the right does not apply under the legal bases used ({table[1]})")
        else:
            yield item.missing(stated(item.title, False))


def gdpr_withdraw_consent(policy: PrivacyPolicy) -> Iterable[Finding]:
    """The right to withdraw consent, when consent is relied on."""
    consent = [
        format_path(("legal_bases", i, "basis")) for i, b in enumerate(policy.legal_bases or ()) if b.basis in CONSENT_BASES
    ]
    found = rights_at(policy, {RightKind.WITHDRAW_CONSENT})
    if not consent:
        yield WITHDRAW_CONSENT.not_applicable("consent is not relied on")
    elif found:
        yield WITHDRAW_CONSENT.present("the right to withdraw consent is stated", found)
    else:
        yield WITHDRAW_CONSENT.missing("consent is relied on but the right to withdraw it is not stated", consent)


def gdpr_complaint(policy: PrivacyPolicy) -> Iterable[Finding]:
    """The right to complain to a supervisory authority."""
    yield COMPLAINT.disclosed(
        rights_at(policy, {RightKind.COMPLAINT}),
        "the right to complain to a supervisory authority is stated",
        "the right to complain to a supervisory authority is not stated",
    )


def gdpr_requirement(policy: PrivacyPolicy) -> Iterable[Finding]:
    """Whether people must provide their data, and what happens if they do not."""
    yield REQUIREMENT.disclosed(
        paths("provision_requirements", policy.provision_requirements),
        "whether people must provide data is stated",
        "the policy does not say whether people must provide their data, or what happens if not",
    )


def gdpr_automated_decisions(policy: PrivacyPolicy) -> Iterable[Finding]:
    """Whether automated decisions are made, and their logic when they are."""
    adm = policy.automated_decision_making
    if adm is not None and adm.used is not None:
        if adm.used and not adm.logic:
            yield AUTOMATED_DECISIONS.missing(
                "automated decisions are used but the logic involved is not described", ["$.automated_decision_making"]
            )
        else:
            yield AUTOMATED_DECISIONS.present(
                "whether automated decisions are made is stated", ["$.automated_decision_making.used"]
            )
    elif rights := rights_at(policy, {RightKind.AUTOMATED_DECISION}):
        yield AUTOMATED_DECISIONS.unclear(
            "a right about automated decisions is stated, but not whether such decisions are made", rights
        )
    else:
        yield AUTOMATED_DECISIONS.missing("the policy does not say whether automated decisions are made")


def gdpr_indirect(policy: PrivacyPolicy) -> Iterable[Finding]:
    """The categories and source of data not obtained from the person (Art. 14)."""
    indirect = _indirect(policy)
    for item in (DATA_CATEGORIES, SOURCES):
        if not indirect:
            yield item.not_applicable("no data is stated to come from other sources")
        else:
            yield item.present("the data obtained from other sources and the kind of source are stated", indirect)


def gdpr_consistency(policy: PrivacyPolicy) -> Iterable[Finding]:
    """Rights no basis used grants, and a processor setting out legal bases (which the controller decides)."""
    for problem in check(policy):
        if problem.code == Code.RIGHT_WITHOUT_BASIS:
            yield CONSISTENCY_RIGHTS.unclear(problem.message, [problem.path])
    for i, party in enumerate(policy.controllers):
        roles = {role.role for role in party.roles or ()}
        if (
            roles
            and PartyRole.PROCESSOR in roles
            and not roles & {PartyRole.CONTROLLER, PartyRole.JOINT_CONTROLLER}
            and policy.legal_bases
        ):
            yield CONSISTENCY_PROCESSOR.unclear(
                f"{party.name} is stated to be only a processor, yet the policy sets out legal bases, which the controller decides",
                [format_path(("controllers", i, "roles"))],
            )


RULES: Final[tuple[Rule, ...]] = (
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
"""The GDPR's rules, in the order their findings are reported."""
