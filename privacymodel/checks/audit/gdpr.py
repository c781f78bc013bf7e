"""The GDPR's rule set: what Articles 13 and 14 require a policy to disclose, and two consistency items.

The items are declared in :mod:`.gdpr_items`; this module holds the rules on the parties, purposes,
recipients, retention, rights and Art. 14 data, and the rule set; :mod:`.gdpr_bases` the rules on legal bases,
consent and transfers. The GDPR applies from 2018-05-25 (:data:`~.facts.GDPR_APPLIES`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Final

from privacymodel.checks.audit import gdpr_items as items
from privacymodel.checks.audit.facts import DIRECTIVE_95_46_APPLIES, EEA_LEFT, GDPR_APPLIES, in_eea
from privacymodel.checks.audit.finding import Finding, Rule, count, listed, paths, stated
from privacymodel.checks.audit.gdpr_bases import (
    gdpr_bases,
    gdpr_legal_basis,
    gdpr_legitimate_interests,
    gdpr_transfers,
    gdpr_withdraw_consent,
)
from privacymodel.checks.audit.gdpr_items import LAW, TERRITORY, gdpr_rights_for
from privacymodel.checks.audit.ruleset import RuleSet
from privacymodel.checks.audit.shared import dpo_mailboxes, retention
from privacymodel.checks.consistency import applicable_rights, check
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import (
    DataCategoryTerm,
    DataSource,
    LawTerm,
    OperationTerm,
    PartyRole,
    PurposeTerm,
    RecourseKind,
    RightKind,
)
from privacymodel.problems import Code, format_path

__all__ = ["MONITORING_OPERATIONS", "RULES", "RULE_SET", "SPECIAL_TERMS", "addresses_the_eu", "monitoring"]


def _countries(policy: PrivacyPolicy) -> set[str]:
    """The countries of the controllers' addresses."""
    return {
        contact.address.country
        for party in policy.controllers
        for contact in (party.contacts or ())
        if contact.address and contact.address.country
    } | {party.address.country for party in policy.controllers if party.address and party.address.country}


def addresses_the_eu(policy: PrivacyPolicy) -> list[str]:
    """Paths of what shows the policy addresses people in the EU: the GDPR cited (and not said not to apply),
    rights or bases under it, rights for people in the EU, transfers out of the EU."""
    found = [
        format_path(("laws", i))
        for i, ref in enumerate(policy.laws or ())
        if ref.law is LawTerm.GDPR and ref.applies is not False
    ]
    found += [
        format_path(("rights", i))
        for i, right in enumerate(policy.rights or ())
        if right.law is LawTerm.GDPR or any(region in TERRITORY for region in right.jurisdictions or ())
    ]
    found += [format_path(("legal_bases", i)) for i, b in enumerate(policy.legal_bases or ()) if b.law is LawTerm.GDPR]
    found += [
        format_path(("transfers", i, "origins"))
        for i, transfer in enumerate(policy.transfers or ())
        if any(region in TERRITORY for region in transfer.origins or ())
    ]
    return found


def gdpr_controller(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The controller, named with contact details."""
    contacts = [
        format_path(("controllers", i, "contacts" if party.contacts else "address"))
        for i, party in enumerate(policy.controllers)
        if party.contacts or party.address
    ]
    if contacts:
        yield items.CONTROLLER.present("the controller is named with contact details", ["$.controllers[0].name", *contacts])
    else:
        yield items.CONTROLLER.missing("the controller is named but no contact details are given", ["$.controllers[0].name"])


def gdpr_representative(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """An EU representative: owed by a controller outside the EEA whose policy addresses people in the EU."""
    item = items.REPRESENTATIVE
    if policy.representative is not None:
        yield item.present("an EU representative is named", ["$.representative"])
        return
    countries = _countries(policy)
    outside = sorted(country for country in countries if not in_eea(country, as_of))
    addressed = addresses_the_eu(policy)
    if countries and not outside:
        left = [f"; EU law applied in {c} until {EEA_LEFT[c].cite()}" for c in sorted(countries) if c in EEA_LEFT]
        yield item.not_applicable(
            f"the controller's address is in the EEA ({', '.join(sorted(countries))}), so no representative is owed "
            f"(Art. 27(1)){''.join(left)}"
        )
    elif outside and addressed:
        yield item.missing(
            f"no EU representative is named, though the controller's address is outside the EEA ({', '.join(outside)}) "
            f"and the policy addresses people in the EU ({listed(addressed)}); Art. 27(1) requires one unless the "
            "processing is occasional and unlikely to result in a risk (Art. 27(2)(a))",
            addressed,
        )
    elif outside:
        yield item.unclear(
            f"no EU representative is named; the controller's address is outside the EEA ({', '.join(outside)}), so "
            "one is owed if it offers goods or services to people in the EU or monitors them (Art. 3(2), Art. 27(1))"
        )
    else:
        yield item.unclear(
            "no EU representative is named, and the controller's address gives no country; one is owed if the "
            "controller is outside the EU and offers services to people in it (Art. 3(2), Art. 27(1))",
            addressed,
        )


MONITORING_OPERATIONS: Final = frozenset(
    {OperationTerm.TRACK_ACROSS_SITES, OperationTerm.TRACK_THIRD_PARTY, OperationTerm.PROFILE, OperationTerm.IDENTIFY}
)
"""Operations that are regular and systematic monitoring of people when the controller or processor does them."""
SPECIAL_TERMS: Final = frozenset(
    {
        DataCategoryTerm.ETHNIC_ORIGIN,
        DataCategoryTerm.RACE,
        DataCategoryTerm.POLITICAL_OPINION,
        DataCategoryTerm.RELIGION,
        DataCategoryTerm.PHILOSOPHICAL_BELIEF,
        DataCategoryTerm.TRADE_UNION_MEMBERSHIP,
        DataCategoryTerm.GENETIC,
        DataCategoryTerm.BIOMETRIC,
        DataCategoryTerm.HEALTH,
        DataCategoryTerm.SEXUAL,
        DataCategoryTerm.CRIMINAL,
    }
)
"""Data category terms that are special categories (Art. 9) or data on criminal convictions (Art. 10)."""


def _own_operations(policy: PrivacyPolicy, operations: frozenset[OperationTerm]) -> list[str]:
    """Paths of the operations of processing statements the policy's own parties do (not only recipients) that
    include one of ``operations``."""
    recipients = {recipient.id for recipient in policy.recipients or ()}
    return [
        format_path(("processing", i, "operations"))
        for i, statement in enumerate(policy.processing or ())
        if set(statement.operations or ()) & operations and (statement.by is None or not set(statement.by) <= recipients)
    ]


def _profiling(policy: PrivacyPolicy) -> list[str]:
    """Paths of the profiling the policy states its own parties do."""
    adm = policy.automated_decision_making
    stated_in_adm = ["$.automated_decision_making.profiling"] if adm is not None and adm.profiling else []
    return _own_operations(policy, frozenset({OperationTerm.PROFILE})) + stated_in_adm


def monitoring(policy: PrivacyPolicy) -> list[str]:
    """Paths of the monitoring of people the policy states its own parties do: tracking across sites or as a
    third party, profiling or identifying people, and identity resolution as a purpose."""
    found = _own_operations(policy, MONITORING_OPERATIONS)
    found += [
        format_path(("purposes", i)) for i, p in enumerate(policy.purposes or ()) if p.term is PurposeTerm.IDENTITY_RESOLUTION
    ]
    return list(dict.fromkeys(found + _profiling(policy)))


def gdpr_dpo(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The data protection officer's contact details: when one is designated, or may have to be (Art. 37(1))."""
    item = items.DPO
    if policy.dpo is not None:
        if policy.dpo.contacts:
            yield item.present("a DPO is named with contact details", ["$.dpo.contacts"])
        else:
            yield item.missing("a DPO is named but no way to reach them is given", ["$.dpo"])
        return
    mailboxes = dpo_mailboxes(policy)
    monitored = monitoring(policy)
    special = [
        format_path(("data_categories", i))
        for i, category in enumerate(policy.data_categories or ())
        if category.special_category or (category.special_category is None and category.term in SPECIAL_TERMS)
    ]
    if monitored or special:
        reasons = []
        if monitored:
            reasons.append(
                f"regular and systematic monitoring of people ({listed(monitored)}), for which a DPO is owed where it "
                "is a core activity on a large scale (Art. 37(1)(b))"
            )
        if special:
            reasons.append(
                f"special categories of data ({listed(special)}), for which a DPO is owed where processing them on a "
                "large scale is a core activity (Art. 37(1)(c))"
            )
        yield item.unclear(f"no DPO is named, yet the policy states {' and '.join(reasons)}", [*monitored, *special])
    elif mailboxes:
        yield item.unclear("a DPO mailbox is named but the policy does not say a DPO is designated", mailboxes)
    else:
        yield item.not_applicable(
            "the policy does not say a DPO is designated, and states no large-scale monitoring or special categories "
            "of data that would require one (Art. 37(1))"
        )


def gdpr_purposes(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The purposes of the processing."""
    yield items.PURPOSES.disclosed(
        paths("purposes", policy.purposes), count(len(policy.purposes or ()), "purpose"), "no purposes are stated"
    )


def gdpr_recipients(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Who receives personal data (stating that no one does counts)."""
    if policy.recipients is None:
        yield items.RECIPIENTS.missing("the policy does not say who receives personal data")
    elif not policy.recipients:
        yield items.RECIPIENTS.present("the policy states that no one receives personal data", ["$.recipients"])
    else:
        yield items.RECIPIENTS.present(count(len(policy.recipients), "recipient"), paths("recipients", policy.recipients))


def gdpr_retention(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """A retention period, ending event or criteria ('as long as necessary' alone is unclear)."""
    yield retention(items.RETENTION, policy)


def gdpr_rights(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Each data subject right, matched by content, unless none of the Art. 6(1) bases used grants it."""
    table = applicable_rights(term for _, term in gdpr_bases(policy))
    for kind, item in items.DATA_SUBJECT_RIGHTS:
        found = gdpr_rights_for(policy, {kind})
        if found:
            yield item.present(stated(item.title, True), found)
        elif table is not None and kind not in table[0]:
            yield item.not_applicable(f"the right does not apply under the legal bases used ({table[1]})")
        else:
            yield item.missing(stated(item.title, False))


def gdpr_complaint(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The right to complain to a supervisory authority (a right, or a supervisory authority named as recourse)."""
    recourse = [
        format_path(("recourse", i)) for i, r in enumerate(policy.recourse or ()) if r.kind is RecourseKind.SUPERVISORY_AUTHORITY
    ]
    yield items.COMPLAINT.disclosed(
        [*gdpr_rights_for(policy, {RightKind.COMPLAINT}), *recourse],
        "the right to complain to a supervisory authority is stated",
        "the right to complain to a supervisory authority is not stated",
    )


def gdpr_requirement(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Whether people must provide their data, and what happens if they do not."""
    yield items.REQUIREMENT.disclosed(
        paths("provision_requirements", policy.provision_requirements),
        "whether people must provide data is stated",
        "the policy does not say whether people must provide their data, or what happens if not",
    )


_TARGETING: Final = frozenset({PurposeTerm.TARGETED_ADVERTISING, PurposeTerm.PERSONALISED_ADVERTISING})


def gdpr_automated_decisions(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Whether automated decisions are made, and their logic when they are."""
    item = items.AUTOMATED_DECISIONS
    adm = policy.automated_decision_making
    if adm is not None and adm.used is not None:
        if adm.used and not adm.logic:
            yield item.missing(
                "automated decisions are used but the logic involved is not described", ["$.automated_decision_making"]
            )
            return
        profiled = _profiling(policy) + [
            format_path(("purposes", i)) for i, p in enumerate(policy.purposes or ()) if p.term in _TARGETING
        ]
        note = (
            f"; the profiling or targeting the policy states ({listed(profiled)}) is not such a decision unless it "
            "has legal or similarly significant effects (Art. 22(1))"
            if profiled and not adm.used
            else ""
        )
        yield item.present(f"whether automated decisions are made is stated{note}", ["$.automated_decision_making.used"])
    elif rights := gdpr_rights_for(policy, {RightKind.AUTOMATED_DECISION}):
        yield item.unclear("a right about automated decisions is stated, but not whether such decisions are made", rights)
    else:
        yield item.missing("the policy does not say whether automated decisions are made")


_OTHER_SOURCES: Final = frozenset({DataSource.THIRD_PARTY, DataSource.PUBLIC, DataSource.UNSPECIFIED})
_PROCESSOR_ROLES: Final = frozenset({PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR})


def _processor_data(policy: PrivacyPolicy) -> set[str]:
    """The ids of the data categories the policy processes only as a processor for its customers."""
    statements = policy.processing or ()
    as_processor = {d for p in statements if p.role in _PROCESSOR_ROLES for d in p.data or ()}
    otherwise = {d for p in statements if p.role not in _PROCESSOR_ROLES for d in p.data or ()}
    return as_processor - otherwise


def gdpr_indirect(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The categories and source of data not obtained from the person (Art. 14), for data held as controller."""
    processor = _processor_data(policy)
    indirect = [
        (i, category)
        for i, category in enumerate(policy.data_categories or ())
        if set(category.sources or ()) & _OTHER_SOURCES and category.id not in processor
    ]
    if not indirect:
        held = " but as a processor for its customers, whose notice it is" if processor else ""
        for item in (items.DATA_CATEGORIES, items.SOURCES):
            yield item.not_applicable(f"no data is stated to come from other sources{held}")
        return
    named = [format_path(("data_categories", i)) for i, c in indirect if c.term is not DataCategoryTerm.PERSONAL_DATA]
    yield items.DATA_CATEGORIES.disclosed(
        named,
        "the categories of data obtained from other sources are stated",
        "data is said to come from other sources, but its categories are not named",
    )
    kinds = [
        format_path(("data_categories", i, "sources"))
        for i, c in indirect
        if set(c.sources or ()) & {DataSource.THIRD_PARTY, DataSource.PUBLIC}
    ]
    yield items.SOURCES.disclosed(
        kinds,
        "the kind of source of the data obtained from others is stated",
        "data comes from other sources the policy does not name; the source, or at least its kind, is needed",
    )


def gdpr_consistency(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Rights no basis used grants, and a processor setting out legal bases (which the controller decides)."""
    for problem in check(policy):
        if problem.code == Code.RIGHT_WITHOUT_BASIS:
            yield items.CONSISTENCY_RIGHTS.unclear(problem.message, [problem.path])
    for i, party in enumerate(policy.controllers):
        roles = {role.role for role in party.roles or ()}
        if (
            roles
            and PartyRole.PROCESSOR in roles
            and not roles & {PartyRole.CONTROLLER, PartyRole.JOINT_CONTROLLER}
            and policy.legal_bases
        ):
            yield items.CONSISTENCY_PROCESSOR.unclear(
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

RULE_SET: Final = RuleSet(
    law=LAW,
    name="the GDPR",
    applies_from=GDPR_APPLIES,
    items=items.ITEMS,
    rules=RULES,
    territory=TERRITORY,
    before=DIRECTIVE_95_46_APPLIES,
)
"""The GDPR: Articles 13 and 14, from 2018-05-25, for people in the EU and the EEA."""
