"""The UK GDPR's rule set: what Articles 13 and 14 of the UK GDPR (with the Data Protection Act 2018) require a
policy to disclose to people in the United Kingdom.

The UK GDPR keeps the GDPR's text, so its items are the GDPR's (:mod:`.gdpr_items`) under this law's name, and
the GDPR's rules judge those that do not depend on the place: the controller, the DPO, purposes, legal bases,
recipients, retention, the duty to provide data, automated decisions, indirect collection and consistency. The
rules here judge what differs: rights are those of people in the UK; the representative is one in the UK; the
supervisory authority is the Information Commissioner; transfers are to countries outside the UK, with UK
adequacy regulations, the IDTA and Addendum from 2022-03-21 beside the earlier clauses, and the UK Extension to
the Data Privacy Framework from 2023-10-12. It applies from 2021-01-01 (:data:`~.facts.UK_GDPR_APPLIES`); before
that the GDPR applied in the United Kingdom.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from privacymodel.checks.audit import gdpr, gdpr_items
from privacymodel.checks.audit.facts import (
    DPA_2018_IN_FORCE,
    MECHANISM_WINDOWS,
    UK_DATA_BRIDGE,
    UK_GDPR_APPLIES,
    UK_IDTA_IN_FORCE,
    UK_OLD_SCC_END,
    UK_OLD_SCC_NEW_CONTRACTS_END,
    Window,
)
from privacymodel.checks.audit.finding import Finding, Item, Rule, Status, listed, stated
from privacymodel.checks.audit.gdpr_bases import gdpr_bases, gdpr_legal_basis, gdpr_legitimate_interests
from privacymodel.checks.audit.notice import consent_relied_on, implied_consent, rights_in
from privacymodel.checks.audit.ruleset import RuleSet, within
from privacymodel.checks.audit.shared import judge_transfer
from privacymodel.checks.consistency import applicable_rights
from privacymodel.model.policy import PrivacyPolicy, Transfer
from privacymodel.model.vocab import CustomTerm, LawTerm, RecourseKind, RightKind, TransferMechanism
from privacymodel.problems import format_path

__all__ = ["ITEMS", "LAW", "RULES", "RULE_SET", "TERRITORY", "UK_MECHANISM_WINDOWS", "addresses_the_uk"]

LAW: Final = LawTerm.UK_GDPR.value
TERRITORY: Final = frozenset({"GB"})
"""Where the UK GDPR protects people: the United Kingdom (ISO 3166-1 ``GB``) and its parts."""
UK_LAWS: Final = gdpr_items.GDPR_LAWS
"""The laws whose rights count for the UK's items: the UK GDPR, and the GDPR, whose text it keeps (a right
stated for people in the EU alone still does not count: the place decides)."""

_RETITLED: Final = {
    "representative": "The controller's representative in the UK",
    "transfers": "Transfers outside the UK and their safeguards",
    "complaint": "Right to lodge a complaint with the Information Commissioner",
}
ITEMS: Final = tuple(attrs.evolve(item, law=LAW, title=_RETITLED.get(item.item, item.title)) for item in gdpr_items.ITEMS)
"""The GDPR's items, in its order, under the UK GDPR's name (the article numbers are the same)."""
_BY_ID: Final[dict[str, Item]] = {item.item: item for item in ITEMS}
_GDPR_NAMED: Final = re.compile(r"(?<!UK )\bGDPR\b")


def _as_uk(findings: Iterable[Finding]) -> Iterator[Finding]:
    """The GDPR's ``findings`` as the UK GDPR's: on this law's items, the messages naming the UK GDPR."""
    for finding in findings:
        yield _BY_ID[finding.item].finding(finding.status, _GDPR_NAMED.sub("UK GDPR", finding.message), finding.evidence)


def _same_as_the_gdpr(rule: Rule) -> Rule:
    """``rule``, one of the GDPR's that does not depend on the place, reporting on the UK GDPR's items."""

    @functools.wraps(rule)
    def uk(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
        return _as_uk(rule(policy, as_of))

    return uk


def _uk_rights(policy: PrivacyPolicy, kinds: Iterable[RightKind]) -> tuple[str, ...]:
    """Paths of the rights of ``kinds`` (or the same rights by other names) that people in the UK have."""
    return rights_in(policy, kinds, UK_LAWS, TERRITORY)


def addresses_the_uk(policy: PrivacyPolicy) -> list[str]:
    """Paths of what shows the policy addresses people in the UK: the UK GDPR cited (and not said not to apply),
    rights under it or for people in the UK, transfers out of the UK."""
    found = [
        format_path(("laws", i))
        for i, ref in enumerate(policy.laws or ())
        if ref.law is LawTerm.UK_GDPR and ref.applies is not False
    ]
    found += [
        format_path(("rights", i))
        for i, right in enumerate(policy.rights or ())
        if right.law is LawTerm.UK_GDPR or any(within(TERRITORY, region) for region in right.jurisdictions or ())
    ]
    found += [
        format_path(("transfers", i, "origins"))
        for i, transfer in enumerate(policy.transfers or ())
        if any(within(TERRITORY, region) for region in transfer.origins or ())
    ]
    return found


def _countries(policy: PrivacyPolicy) -> set[str]:
    """The countries of the controllers' addresses."""
    addresses = [party.address for party in policy.controllers]
    addresses += [contact.address for party in policy.controllers for contact in party.contacts or ()]
    return {address.country for address in addresses if address is not None and address.country}


def uk_representative(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """A representative in the UK: owed by a controller outside the UK whose policy addresses people in it."""
    item = _BY_ID["representative"]
    representative = policy.representative
    if representative is not None:
        country = representative.address.country if representative.address else None
        if country is None or within(TERRITORY, country):
            yield item.present("a representative is named" + (" in the UK" if country else ""), ["$.representative"])
        else:
            yield item.unclear(
                f"the representative named is in {country}, not the UK; a controller outside the UK that offers goods "
                "or services to people in the UK or monitors them needs a representative in the UK (Art. 3(2), Art. 27(1))",
                ["$.representative.address.country"],
            )
        return
    countries = _countries(policy)
    outside = sorted(country for country in countries if not within(TERRITORY, country))
    addressed = addresses_the_uk(policy)
    if countries and not outside:
        yield item.not_applicable("the controller's address is in the UK, so no representative is owed (Art. 27(1))")
    elif outside and addressed:
        yield item.missing(
            f"no representative in the UK is named, though the controller's address is outside it ({', '.join(outside)}) "
            f"and the policy addresses people in the UK ({listed(addressed)}); Art. 27(1) requires one unless the "
            "processing is occasional and unlikely to result in a risk (Art. 27(2)(a))",
            addressed,
        )
    else:
        where = (
            f"the controller's address is outside the UK ({', '.join(outside)})"
            if outside
            else "the controller's address gives no country"
        )
        yield item.unclear(
            f"no representative in the UK is named, and {where}; one is owed if the controller is outside the UK and "
            "offers goods or services to people in it or monitors them (Art. 3(2), Art. 27(1))",
            addressed,
        )


def uk_rights(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Each data subject right people in the UK have, matched by content, unless no basis used grants it."""
    table = applicable_rights(term for _, term in gdpr_bases(policy))
    for kind, gdpr_item in gdpr_items.DATA_SUBJECT_RIGHTS:
        item = _BY_ID[gdpr_item.item]
        if found := _uk_rights(policy, {kind}):
            yield item.present(stated(item.title, True), found)
        elif table is not None and kind not in table[0]:
            yield item.not_applicable(f"the right does not apply under the legal bases used ({table[1]})")
        else:
            yield item.missing(stated(item.title, False) + " for people in the UK")


def uk_withdraw_consent(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The right to withdraw consent, for people in the UK, wherever consent is relied on."""
    item = _BY_ID["withdraw-consent"]
    consent = consent_relied_on(policy, UK_LAWS)
    found = _uk_rights(policy, {RightKind.WITHDRAW_CONSENT})
    opt_outs = _uk_rights(policy, {RightKind.MARKETING_OPT_OUT, RightKind.COOKIE_OPT_OUT})
    if consent and found:
        yield item.present("the right to withdraw consent is stated", found)
    elif consent and opt_outs:
        yield item.unclear(
            f"consent is relied on ({listed(consent)}), but withdrawing it is stated only as opting out of marketing "
            f"or cookies ({listed(opt_outs)}), not for all the processing based on consent (Art. 7(3))",
            [*consent, *opt_outs],
        )
    elif consent:
        yield item.missing(f"consent is relied on ({listed(consent)}) but the right to withdraw it is not stated", consent)
    elif implied := implied_consent(policy):
        yield item.unclear(
            f"the policy claims consent implied by use or conduct ({listed(implied)}), which is not consent under the "
            "UK GDPR: that needs a clear affirmative act (Art. 4(11), Art. 7)",
            implied,
        )
    elif policy.legal_bases is None:
        yield item.unclear("the policy states no legal basis, so reliance on consent cannot be ruled out")
    else:
        yield item.not_applicable("consent is not relied on")


_ICO: Final = re.compile(r"information commissioner|\bICO\b", re.IGNORECASE)


def uk_complaint(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The right to complain to the Information Commissioner: a right, or a supervisory authority named as
    recourse (unnamed, a local one, or the ICO; another authority named alone is unclear)."""
    item = _BY_ID["complaint"]
    found = list(_uk_rights(policy, {RightKind.COMPLAINT}))
    other: list[str] = []
    for i, recourse in enumerate(policy.recourse or ()):
        if recourse.kind is RecourseKind.SUPERVISORY_AUTHORITY:
            ours = recourse.name is None or _ICO.search(recourse.name) is not None
            (found if ours else other).append(format_path(("recourse", i)))
    authority = policy.supervisory_authority
    if authority is not None:
        ours = bool(authority.local) or (authority.name is not None and _ICO.search(authority.name) is not None)
        (found if ours else other).append("$.supervisory_authority")
    if found:
        yield item.present("the right to complain to the Information Commissioner, or a local authority, is stated", found)
    elif other:
        yield item.unclear(
            f"a supervisory authority other than the Information Commissioner is named ({listed(other)}); people in "
            "the UK complain to the Information Commissioner (Art. 77, Data Protection Act 2018, s. 165)",
            other,
        )
    else:
        yield item.missing("the right to complain to the Information Commissioner is not stated")


def uk_automated_decisions(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Whether automated decisions are made (the GDPR's reading where the policy says), or, where it does not, a
    right about them that people in the UK have."""
    item = _BY_ID["automated-decisions"]
    adm = policy.automated_decision_making
    if adm is not None and adm.used is not None:
        yield from _as_uk(gdpr.gdpr_automated_decisions(policy, as_of))
    elif rights := _uk_rights(policy, {RightKind.AUTOMATED_DECISION}):
        yield item.unclear("a right about automated decisions is stated, but not whether such decisions are made", rights)
    else:
        yield item.missing("the policy does not say whether automated decisions are made")


UK_MECHANISM_WINDOWS: Final[dict[TransferMechanism, Window]] = {
    TransferMechanism.SAFE_HARBOR: MECHANISM_WINDOWS[TransferMechanism.SAFE_HARBOR],
    TransferMechanism.PRIVACY_SHIELD: MECHANISM_WINDOWS[TransferMechanism.PRIVACY_SHIELD],
    TransferMechanism.DATA_PRIVACY_FRAMEWORK: Window(
        "the UK Extension to the EU-US Data Privacy Framework", UK_DATA_BRIDGE, None
    ),
}
"""The mechanisms that could be relied on only for a time for transfers from the UK: the EU's frameworks with the
US ended before the UK GDPR applied, and the Data Privacy Framework counts through its UK Extension."""
_CLAUSES: Final = frozenset({TransferMechanism.SCC_COMMISSION, TransferMechanism.SCC_SUPERVISORY_AUTHORITY})


def _clauses_note(day: dt.date) -> str:
    """Which standard clauses could be relied on ``day`` for transfers from the UK."""
    if day < UK_IDTA_IN_FORCE.date:
        return "the earlier EU standard contractual clauses, as UK law kept them, are the UK's clauses until the IDTA"
    if day < UK_OLD_SCC_NEW_CONTRACTS_END.date:
        return (
            f"the IDTA and the Addendum are in force from {UK_IDTA_IN_FORCE.cite()}; the earlier clauses can still be "
            f"used for contracts made before {UK_OLD_SCC_NEW_CONTRACTS_END.date.isoformat()}"
        )
    if day < UK_OLD_SCC_END.date:
        return (
            f"new contracts must use the IDTA or the EU's 2021 clauses with the UK Addendum from "
            f"{UK_OLD_SCC_NEW_CONTRACTS_END.cite()}; earlier contracts give safeguards until {UK_OLD_SCC_END.date.isoformat()}"
        )
    return (
        f"standard clauses must be the IDTA or the EU's 2021 clauses with the UK Addendum: contracts on the earlier "
        f"clauses stopped giving safeguards on {UK_OLD_SCC_END.cite()}"
    )


def _leaves_the_uk(transfer: Transfer) -> bool:
    """Whether ``transfer`` may take data out of the UK: from the UK (or from no place stated), to somewhere else."""
    from_uk = transfer.origins is None or any(region == "WORLD" or within(TERRITORY, region) for region in transfer.origins)
    places = [*(transfer.destinations or ()), *(transfer.destination_regions or ())]
    only_uk = bool(places) and all(within(TERRITORY, place) for place in places) and not transfer.other_destinations
    return from_uk and not only_uk


def _transfer(transfer: Transfer, day: dt.date) -> tuple[Status, list[str]]:
    """One transfer out of the UK judged on ``day`` (:func:`~.shared.judge_transfer`)."""

    def note(mechanism: TransferMechanism | CustomTerm) -> str | None:
        if mechanism in _CLAUSES:
            return _clauses_note(day)
        if mechanism == TransferMechanism.ADEQUACY:
            return "for the UK an adequacy decision is UK adequacy regulations (Data Protection Act 2018, s. 17A)"
        return None

    return judge_transfer(transfer, day, UK_MECHANISM_WINDOWS, "UK GDPR", note)


_RANK: Final[dict[Status, int]] = {"missing": 0, "unclear": 1, "present": 2}


def uk_transfers(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Transfers out of the UK, each with a safeguard that could be relied on the day the policy is judged on."""
    item = _BY_ID["transfers"]
    if policy.transfers is None:
        yield item.unclear("the policy does not say whether data leaves the UK")
        return
    if not policy.transfers:
        yield item.present("the policy states there are no international transfers", ["$.transfers"])
        return
    leaving = [(i, t) for i, t in enumerate(policy.transfers) if _leaves_the_uk(t)]
    if not leaving:
        yield item.unclear("the transfers stated are neither from the UK nor from places left unnamed", ["$.transfers"])
        return
    judged = [_transfer(transfer, as_of) for _, transfer in leaving]
    status = min((status for status, _ in judged), key=_RANK.__getitem__)
    notes = "; ".join(dict.fromkeys(note for _, found in judged for note in found))
    evidence = [format_path(("transfers", i, "mechanisms") if t.mechanisms else ("transfers", i)) for i, t in leaving]
    said = {
        "present": "each transfer out of the UK names a safeguard that could be relied on as of",
        "unclear": "a transfer out of the UK names no safeguard that could surely be relied on as of",
        "missing": "a transfer out of the UK has no safeguard that could be relied on as of",
    }[status]
    yield item.finding(status, f"{said} {as_of.isoformat()}" + (f": {notes}" if notes else ""), evidence)


RULES: Final[tuple[Rule, ...]] = (
    _same_as_the_gdpr(gdpr.gdpr_controller),
    uk_representative,
    _same_as_the_gdpr(gdpr.gdpr_dpo),
    _same_as_the_gdpr(gdpr.gdpr_purposes),
    _same_as_the_gdpr(gdpr_legal_basis),
    _same_as_the_gdpr(gdpr_legitimate_interests),
    _same_as_the_gdpr(gdpr.gdpr_recipients),
    uk_transfers,
    _same_as_the_gdpr(gdpr.gdpr_retention),
    uk_rights,
    uk_withdraw_consent,
    uk_complaint,
    _same_as_the_gdpr(gdpr.gdpr_requirement),
    uk_automated_decisions,
    _same_as_the_gdpr(gdpr.gdpr_indirect),
    _same_as_the_gdpr(gdpr.gdpr_consistency),
)
"""The UK GDPR's rules, in the order their findings are reported (the GDPR's order)."""

RULE_SET: Final = RuleSet(
    law=LAW,
    name="the UK GDPR",
    applies_from=UK_GDPR_APPLIES,
    items=ITEMS,
    rules=RULES,
    territory=TERRITORY,
    cited_as=frozenset({LawTerm.UK_GDPR}),
    before=(
        f"EU law applied in the United Kingdom: from {DPA_2018_IN_FORCE.cite()} the GDPR, with the Data Protection "
        "Act 2018 (audit the policy under the GDPR for that time), and before that the Data Protection Act 1998, "
        "which this audit does not cover"
    ),
)
"""The UK GDPR and the Data Protection Act 2018: Articles 13 and 14, from 2021-01-01, for people in the UK."""
