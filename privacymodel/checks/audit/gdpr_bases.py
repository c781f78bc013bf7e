"""The GDPR's rules on what the processing rests on: legal bases per purpose, legitimate interests, consent and
its withdrawal, and the safeguards of transfers as of the day the policy is judged on."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from typing import Any, Final

from privacymodel.checks.audit.facts import MECHANISM_WINDOWS, OLD_SCC_CONTRACTS_END, OLD_SCC_REPEALED, SCC_2021_IN_FORCE
from privacymodel.checks.audit.finding import Finding, Status, listed
from privacymodel.checks.audit.gdpr_items import (
    GDPR_LAWS,
    LEGAL_BASIS,
    LEGITIMATE_INTERESTS,
    TRANSFERS,
    WITHDRAW_CONSENT,
    gdpr_rights_for,
)
from privacymodel.checks.audit.shared import judge_transfer
from privacymodel.model.policy import PrivacyPolicy, Transfer
from privacymodel.model.vocab import CustomTerm, LegalBasisTerm, RightKind, TransferMechanism
from privacymodel.problems import format_path

__all__ = [
    "IMPLIED",
    "READ_AS",
    "gdpr_bases",
    "gdpr_legal_basis",
    "gdpr_legitimate_interests",
    "gdpr_transfers",
    "gdpr_withdraw_consent",
]

B = LegalBasisTerm
READ_AS: Final[dict[LegalBasisTerm, LegalBasisTerm]] = {
    B.CONSENT: B.A6_1_A,
    B.EXPRESS_CONSENT: B.A6_1_A,
    B.EXPLICIT_CONSENT: B.A6_1_A_EXPLICIT,
    B.CONTRACT: B.A6_1_B,
    B.LEGAL_OBLIGATION: B.A6_1_C,
    B.VITAL_INTEREST: B.A6_1_D,
    B.PUBLIC_INTEREST: B.A6_1_E,
    B.LEGITIMATE_INTEREST: B.A6_1_F,
}
"""The GDPR basis a basis stated under no law is read as: a policy relying on 'your consent' without naming a
law relies, for people in the EU, on Art. 6(1)(a)."""
IMPLIED: Final = frozenset({B.IMPLIED_CONSENT, B.OPT_OUT_CONSENT})
"""Consent inferred from use or silence: not consent under the GDPR, which needs a clear affirmative act."""
_CONSENT: Final = frozenset({B.A6_1_A, B.A6_1_A_EXPLICIT, B.A6_1_A_NON_EXPLICIT, B.A9_2_A})
_TRANSFER_CONSENT: Final = frozenset({TransferMechanism.EXPLICIT_CONSENT, TransferMechanism.CONSENT})
_NOT_CONSENT: Final = "it is not consent under the GDPR, which needs a clear affirmative act (Art. 4(11), Art. 7)"


def gdpr_bases(policy: PrivacyPolicy) -> list[tuple[int, LegalBasisTerm]]:
    """The Art. 6 and Art. 9 bases relied on, with their index: those stated as such, and bases stated under no
    law (or the GDPR) read as the GDPR's (:data:`READ_AS`)."""
    found = []
    for i, basis in enumerate(policy.legal_bases or ()):
        term = basis.basis
        if not isinstance(term, LegalBasisTerm):
            continue
        if term.value.startswith(("A6-", "A9-")):
            found.append((i, term))
        elif term in READ_AS and (basis.law is None or basis.law in GDPR_LAWS):
            found.append((i, READ_AS[term]))
    return found


def _implied(policy: PrivacyPolicy) -> list[str]:
    """Paths of the bases that are consent implied by use or conduct, or assumed unless people opt out."""
    return [format_path(("legal_bases", i, "basis")) for i, b in enumerate(policy.legal_bases or ()) if b.basis in IMPLIED]


def _acceptance(policy: PrivacyPolicy) -> tuple[list[str], str]:
    """Where the policy says using the site means accepting it, and a clause saying so for a message."""
    found = ["$.document.acceptance_by_use"] if policy.document.acceptance_by_use else []
    if policy.policy_changes is not None and policy.policy_changes.acceptance_by_continued_use:
        found.append("$.policy_changes.acceptance_by_continued_use")
    return found, (f"; it says using the site means accepting the policy ({listed(found)}), but {_NOT_CONSENT}" if found else "")


def _purposes_by_basis(policy: PrivacyPolicy) -> dict[str, set[str]]:
    """The purpose ids each legal basis is tied to: its own ``purposes``, and those of the processing statements
    and cookies that list it."""
    tied: dict[str, set[str]] = {basis.id: set(basis.purposes or ()) for basis in policy.legal_bases or ()}
    linking: Iterable[Any] = itertools.chain(policy.processing or (), policy.cookies or ())
    for statement in linking:
        for basis in statement.legal_bases or ():
            tied.setdefault(basis, set()).update(statement.purposes or ())
    return tied


def _read_as_note(policy: PrivacyPolicy, bases: list[tuple[int, LegalBasisTerm]]) -> str:
    """'; $.legal_bases[0] (consent) is read as A6-1-a' for bases not stated by their GDPR article."""
    read = [
        f"{format_path(('legal_bases', i))} ({policy.legal_bases[i].basis}) as {term.value}"
        for i, term in bases
        if policy.legal_bases and policy.legal_bases[i].basis is not term
    ]
    return f"; read as GDPR bases: {', '.join(read)}" if read else ""


def gdpr_legal_basis(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """A GDPR legal basis for each purpose (bases listed without the purposes they cover are unclear)."""
    bases = gdpr_bases(policy)
    implied = _implied(policy)
    implied_note = f"; consent implied by use or conduct ({listed(implied)}) is not counted: {_NOT_CONSENT}" if implied else ""
    if not bases:
        acceptance, acceptance_note = _acceptance(policy)
        if implied:
            yield LEGAL_BASIS.missing(
                f"no GDPR legal basis is stated: the only consent stated is implied by use or conduct ({listed(implied)}), "
                f"and {_NOT_CONSENT}",
                implied,
            )
        elif policy.legal_bases:
            yield LEGAL_BASIS.unclear(
                "legal bases are stated, but none is a GDPR Art. 6 or 9 basis", [format_path(("legal_bases", 0, "basis"))]
            )
        else:
            yield LEGAL_BASIS.missing(f"no legal basis is stated{acceptance_note}", acceptance)
        return
    legal_bases = policy.legal_bases or ()
    tied = _purposes_by_basis(policy)
    evidence = [format_path(("legal_bases", i, "basis")) for i, _ in bases]
    notes = _read_as_note(policy, bases) + implied_note
    untied = [format_path(("legal_bases", i)) for i, _ in bases if not tied.get(legal_bases[i].id)]
    conditional = [format_path(("legal_bases", i, "conditional")) for i, _ in bases if legal_bases[i].conditional]
    if not conditional and len(untied) == len(bases) and len({term.value[:6] for _, term in bases}) == 1:
        yield LEGAL_BASIS.present(f"one legal basis, {bases[0][1].value}, is stated for all the processing{notes}", evidence)
    elif conditional or untied:
        said = [f"listed only conditionally ({listed(conditional)})"] if conditional else []
        said += [f"listed without the purposes they cover ({listed(untied)})"] if untied else []
        yield LEGAL_BASIS.unclear(
            f"legal bases are {' and '.join(said)}; the basis of each purpose is needed "
            f"(Article 29 Working Party, Guidelines on transparency, WP260 rev.01, Annex){notes}",
            conditional + untied,
        )
    else:
        covered = set().union(*(tied[legal_bases[i].id] for i, _ in bases))
        without = [format_path(("purposes", i)) for i, p in enumerate(policy.purposes or ()) if p.id not in covered]
        if without:
            yield LEGAL_BASIS.unclear(
                f"a basis is stated for some purposes only: {len(without)} of {len(policy.purposes or ())} purposes "
                f"have none ({listed(without)}){notes}",
                [*evidence, *without],
            )
        else:
            yield LEGAL_BASIS.present(f"a GDPR legal basis is stated for each purpose{notes}", evidence)


def gdpr_legitimate_interests(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The legitimate interests, when Art. 6(1)(f) is relied on (or may be: no basis is stated at all)."""
    relying = [i for i, term in gdpr_bases(policy) if term.value.startswith("A6-1-f")]
    legal_bases = policy.legal_bases or ()
    if not relying:
        if policy.legal_bases is None:
            yield LEGITIMATE_INTERESTS.unclear(
                "the policy states no legal basis, so reliance on legitimate interests (Art. 6(1)(f)) cannot be ruled out"
            )
        else:
            yield LEGITIMATE_INTERESTS.not_applicable("no Art. 6(1)(f) basis is relied on, so no legitimate interests are owed")
    elif all(legal_bases[i].legitimate_interests for i in relying):
        yield LEGITIMATE_INTERESTS.present(
            "the legitimate interests are stated", [format_path(("legal_bases", i, "legitimate_interests")) for i in relying]
        )
    else:
        yield LEGITIMATE_INTERESTS.missing(
            "Art. 6(1)(f) is relied on without stating the interests pursued",
            [format_path(("legal_bases", i, "basis")) for i in relying],
        )


def _consent_relied_on(policy: PrivacyPolicy) -> list[str]:
    """Paths of the consent relied on: GDPR consent bases, and consent to a transfer."""
    found = [format_path(("legal_bases", i, "basis")) for i, term in gdpr_bases(policy) if term in _CONSENT]
    return found + [
        format_path(("transfers", i, "mechanisms"))
        for i, transfer in enumerate(policy.transfers or ())
        if set(transfer.mechanisms or ()) & _TRANSFER_CONSENT
    ]


def gdpr_withdraw_consent(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The right to withdraw consent, wherever consent is relied on (for processing or for a transfer)."""
    consent = _consent_relied_on(policy)
    found = gdpr_rights_for(policy, {RightKind.WITHDRAW_CONSENT})
    if consent and found:
        yield WITHDRAW_CONSENT.present("the right to withdraw consent is stated", found)
    elif consent:
        opt_outs = gdpr_rights_for(policy, {RightKind.MARKETING_OPT_OUT, RightKind.COOKIE_OPT_OUT})
        if opt_outs:
            yield WITHDRAW_CONSENT.unclear(
                f"consent is relied on ({listed(consent)}), but withdrawing it is stated only as opting out of marketing "
                f"or cookies ({listed(opt_outs)}), not for all the processing based on consent (Art. 7(3))",
                [*consent, *opt_outs],
            )
        else:
            yield WITHDRAW_CONSENT.missing(
                f"consent is relied on ({listed(consent)}) but the right to withdraw it is not stated", consent
            )
    elif implied := _implied(policy):
        yield WITHDRAW_CONSENT.unclear(
            f"the policy claims consent implied by use or conduct ({listed(implied)}), but {_NOT_CONSENT}; "
            "where processing rests on consent, withdrawing it must be as easy as giving it (Art. 7(3))",
            implied,
        )
    elif policy.legal_bases is None:
        acceptance, note = _acceptance(policy)
        yield WITHDRAW_CONSENT.unclear(
            f"the policy states no legal basis, so reliance on consent cannot be ruled out{note}", acceptance
        )
    else:
        yield WITHDRAW_CONSENT.not_applicable("consent is not relied on")


def _scc_note(day: dt.date) -> str:
    """Which standard contractual clauses could be relied on ``day``, once the 2021 clauses were adopted."""
    if day < SCC_2021_IN_FORCE.date:
        return ""
    if day < OLD_SCC_REPEALED.date:
        return f"the 2021 standard contractual clauses are in force from {SCC_2021_IN_FORCE.cite()}"
    if day < OLD_SCC_CONTRACTS_END.date:
        return (
            f"standard contractual clauses must be the 2021 ones for contracts made from {OLD_SCC_REPEALED.cite()}, "
            f"and earlier contracts give safeguards until {OLD_SCC_CONTRACTS_END.date.isoformat()}"
        )
    return (
        f"standard contractual clauses must be the 2021 ones: contracts on the earlier ones stopped giving "
        f"safeguards on {OLD_SCC_CONTRACTS_END.cite()}"
    )


_RANK: Final[dict[Status, int]] = {"missing": 0, "unclear": 1, "present": 2}


def _transfer(transfer: Transfer, day: dt.date) -> tuple[Status, list[str]]:
    """One transfer judged under the GDPR on ``day`` (:func:`~.shared.judge_transfer`)."""

    def note(mechanism: TransferMechanism | CustomTerm) -> str | None:
        return _scc_note(day) if mechanism == TransferMechanism.SCC_COMMISSION else None

    return judge_transfer(transfer, day, MECHANISM_WINDOWS, "GDPR", note)


def gdpr_transfers(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """International transfers, each with a safeguard that could be relied on the day the policy is judged on."""
    if policy.transfers is None:
        yield TRANSFERS.unclear("the policy does not say whether data leaves the country it is collected in")
        return
    if not policy.transfers:
        yield TRANSFERS.present("the policy states there are no international transfers", ["$.transfers"])
        return
    judged = [_transfer(transfer, as_of) for transfer in policy.transfers]
    status = min((status for status, _ in judged), key=_RANK.__getitem__)
    notes = "; ".join(dict.fromkeys(note for _, found in judged for note in found))
    evidence = [
        format_path(("transfers", i, "mechanisms") if transfer.mechanisms else ("transfers", i))
        for i, transfer in enumerate(policy.transfers)
    ]
    said = {
        "present": "each transfer names a safeguard that could be relied on as of",
        "unclear": "a transfer names no safeguard that could surely be relied on as of",
        "missing": "a transfer has no safeguard that could be relied on as of",
    }[status]
    yield TRANSFERS.finding(status, f"{said} {as_of.isoformat()}" + (f": {notes}" if notes else ""), evidence)
