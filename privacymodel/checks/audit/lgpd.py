"""Brazil's LGPD (Lei nº 13.709/2018): the information people are owed about the processing (Art. 9), the rights
a policy has to name (Art. 18), and the published identity and contact of the data protection officer, the
encarregado (Art. 41, § 1).

The LGPD is in force from 2020-09-18 (:data:`~.facts.LGPD_IN_FORCE`); its administrative sanctions apply from
2021-08-01 (:data:`~.facts.LGPD_SANCTIONS`), which a missing item judged before then says. Rights are matched by
content, under the LGPD or no law, for people in Brazil.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from privacymodel.checks.audit.facts import LGPD_IN_FORCE, LGPD_SANCTIONS
from privacymodel.checks.audit.finding import Finding, Item, Rule, count, listed, paths, stated
from privacymodel.checks.audit.notice import consent_relied_on, controller_contacts, implied_consent, rights_in
from privacymodel.checks.audit.ruleset import RuleSet
from privacymodel.checks.audit.shared import dpo_mailboxes, retention
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import LawTerm, RecourseKind, RightKind
from privacymodel.problems import format_path

__all__ = ["ITEMS", "LAW", "RULES", "RULE_SET", "TERRITORY"]

LAW: Final = LawTerm.LGPD.value
LGPD_LAWS: Final = frozenset({LawTerm.LGPD})
TERRITORY: Final = frozenset({"BR"})
"""Where the LGPD protects people: Brazil."""

CONTROLLER: Final = Item(LAW, "controller", "Identity and contact details of the controller", "Art. 9, III and IV")
PURPOSES: Final = Item(LAW, "purposes", "The specific purpose of the processing", "Art. 9, I")
FORM: Final = Item(LAW, "form", "The form of the processing", "Art. 9, II")
DURATION: Final = Item(LAW, "duration", "The duration of the processing", "Art. 9, II")
SHARING: Final = Item(LAW, "sharing", "Shared use of data by the controller, and its purpose", "Art. 9, V")
RESPONSIBILITIES: Final = Item(
    LAW, "responsibilities", "The responsibilities of the agents carrying out the processing", "Art. 9, VI"
)
DPO: Final = Item(LAW, "dpo", "Identity and contact details of the data protection officer (encarregado)", "Art. 41, § 1")
RIGHT_ACCESS: Final = Item(
    LAW, "right-access", "Confirmation of processing and access to the data", "Art. 9, VII; Art. 18, I and II"
)
RIGHT_CORRECTION: Final = Item(
    LAW, "right-correction", "Correction of incomplete, inaccurate or out-of-date data", "Art. 9, VII; Art. 18, III"
)
RIGHT_DELETION: Final = Item(
    LAW, "right-deletion", "Anonymisation, blocking or deletion of data", "Art. 9, VII; Art. 18, IV and VI"
)
RIGHT_PORTABILITY: Final = Item(LAW, "right-portability", "Portability of the data", "Art. 9, VII; Art. 18, V")
RIGHT_SHARING_INFORMATION: Final = Item(
    LAW, "right-sharing-information", "Information on the entities the data is shared with", "Art. 9, VII; Art. 18, VII"
)
RIGHT_REFUSE_CONSENT: Final = Item(
    LAW,
    "right-refuse-consent",
    "Information on the possibility of not consenting, and on the consequences",
    "Art. 9, VII; Art. 18, VIII",
)
RIGHT_REVOKE_CONSENT: Final = Item(LAW, "right-revoke-consent", "Revocation of consent", "Art. 9, VII; Art. 18, IX; Art. 8, § 5")
COMPLAINT: Final = Item(LAW, "complaint", "Petition to the national authority (ANPD)", "Art. 18, § 1")

ITEMS: Final = (
    CONTROLLER,
    PURPOSES,
    FORM,
    DURATION,
    SHARING,
    RESPONSIBILITIES,
    DPO,
    RIGHT_ACCESS,
    RIGHT_CORRECTION,
    RIGHT_DELETION,
    RIGHT_PORTABILITY,
    RIGHT_SHARING_INFORMATION,
    RIGHT_REFUSE_CONSENT,
    RIGHT_REVOKE_CONSENT,
    COMPLAINT,
)
"""Every LGPD item, in the order reports list them."""


def _rights(policy: PrivacyPolicy, kinds: Iterable[RightKind]) -> tuple[str, ...]:
    """Paths of the rights of ``kinds`` (or the same rights by other names) that people in Brazil have."""
    return rights_in(policy, kinds, LGPD_LAWS, TERRITORY)


def lgpd_controller(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The controller, named, with contact details."""
    yield CONTROLLER.disclosed(
        controller_contacts(policy),
        "the controller is named with contact details",
        "the controller is named but no contact details are given",
    )


def lgpd_purposes(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The purposes of the processing."""
    yield PURPOSES.disclosed(
        paths("purposes", policy.purposes), count(len(policy.purposes or ()), "purpose"), "no purposes are stated"
    )


def lgpd_form_and_duration(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """How the data is processed (what is done with it, how it is obtained) and for how long."""
    form = [format_path(("processing", i, "operations")) for i, p in enumerate(policy.processing or ()) if p.operations]
    form += [format_path(("data_categories", i, "sources")) for i, d in enumerate(policy.data_categories or ()) if d.sources]
    yield FORM.disclosed(
        form,
        "what is done with the data, or how it is obtained, is stated",
        "the policy says neither what is done with the data nor how it is obtained",
    )
    yield retention(
        DURATION,
        policy,
        "the duration of the processing is owed (Art. 9, II), and data is kept only until its purpose is met (Art. 15 and 16)",
    )


def lgpd_sharing(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """With whom data is shared, and why: each recipient tied to a purpose (its own, or a processing statement's
    or a cookie's); stating no one receives data counts."""
    recipients = policy.recipients
    if recipients is None:
        yield SHARING.missing("the policy does not say whether data is shared, or with whom")
        return
    if not recipients:
        yield SHARING.present("the policy states no one receives personal data", ["$.recipients"])
        return
    tied = {recipient.id for recipient in recipients if recipient.purposes}
    tied |= {rid for p in policy.processing or () if p.purposes for rid in p.recipients or ()}
    tied |= {c.provider for c in policy.cookies or () if c.purposes and c.provider}
    untied = [format_path(("recipients", i)) for i, recipient in enumerate(recipients) if recipient.id not in tied]
    if untied:
        yield SHARING.unclear(
            f"{len(untied)} of {len(recipients)} recipients are named without the purpose of the sharing ({listed(untied)})",
            untied,
        )
    else:
        yield SHARING.present("each recipient is named with the purpose it receives data for", paths("recipients", recipients))


def lgpd_responsibilities(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Who carries out the processing in which role: the roles of the controllers, recipients and statements."""
    roles = [format_path(("controllers", i, "roles")) for i, party in enumerate(policy.controllers) if party.roles]
    roles += [format_path(("recipients", i, "role")) for i, r in enumerate(policy.recipients or ()) if r.role]
    roles += [format_path(("processing", i, "role")) for i, p in enumerate(policy.processing or ()) if p.role]
    yield RESPONSIBILITIES.disclosed(
        roles,
        "the roles of the agents carrying out the processing are stated",
        "the policy does not say which agents (the controller, its operators) carry out the processing, or in which role",
    )


def lgpd_dpo(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The encarregado's identity and contact details, published (Art. 41, § 1)."""
    dpo = policy.dpo
    if dpo is not None and dpo.contacts and dpo.name:
        yield DPO.present("the data protection officer is named with contact details", ["$.dpo.name", "$.dpo.contacts"])
        return
    if dpo is not None:
        lacking = "contact details" if not dpo.contacts else "a name"
        yield DPO.unclear(f"a data protection officer is given without {lacking}; Art. 41, § 1 asks for both", ["$.dpo"])
        return
    mailboxes = dpo_mailboxes(policy)
    if mailboxes:
        yield DPO.unclear(
            f"a data protection officer's mailbox is given ({listed(mailboxes)}), but not who the officer is", mailboxes
        )
    else:
        yield DPO.missing("no data protection officer (encarregado) is named, with their contact details")


def lgpd_rights(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The rights of Art. 18 that the model states as rights, matched by content."""
    for item, kinds in (
        (RIGHT_ACCESS, {RightKind.ACCESS}),
        (RIGHT_CORRECTION, {RightKind.RECTIFICATION}),
        (RIGHT_DELETION, {RightKind.ERASURE, RightKind.RESTRICTION}),
        (RIGHT_PORTABILITY, {RightKind.PORTABILITY}),
    ):
        yield item.disclosed(_rights(policy, kinds), stated(item.title, True), stated(item.title, False))
    # Only a right that names disclosures to others counts: access (and the right to know, its equivalent) may
    # or may not reach them.
    told = _rights(policy, {RightKind.DIRECT_MARKETING_DISCLOSURE})
    access = _rights(policy, {RightKind.ACCESS}) if not told else ()
    if told:
        yield RIGHT_SHARING_INFORMATION.present("a right to learn whom data is disclosed to is stated", told)
    elif access:
        yield RIGHT_SHARING_INFORMATION.unclear(
            f"a right of access is stated ({listed(access)}), but not that it extends to the entities data is shared with",
            access,
        )
    else:
        yield RIGHT_SHARING_INFORMATION.missing("no right to learn which entities data is shared with is stated")


def lgpd_consent(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Where consent is relied on: that people may refuse it and what follows (Art. 18, VIII), and that they may
    revoke it (Art. 18, IX)."""
    consent = consent_relied_on(policy, LGPD_LAWS)
    implied = implied_consent(policy)
    if not consent and not implied:
        for item in (RIGHT_REFUSE_CONSENT, RIGHT_REVOKE_CONSENT):
            if policy.legal_bases is None:
                yield item.unclear("the policy states no legal basis, so reliance on consent cannot be ruled out")
            else:
                yield item.not_applicable("consent is not relied on")
        return
    relied = [*consent, *implied]
    note = f" ({listed(relied)})"
    optional = [
        format_path(("provision_requirements", i))
        for i, r in enumerate(policy.provision_requirements or ())
        if r.required is False or r.consequences
    ]
    yield RIGHT_REFUSE_CONSENT.disclosed(
        optional,
        "whether data must be given, or what follows from not giving it, is stated",
        f"consent is relied on{note}, but not whether people may refuse it and what follows",
    )
    revoke = _rights(policy, {RightKind.WITHDRAW_CONSENT})
    opt_outs = _rights(policy, {RightKind.MARKETING_OPT_OUT, RightKind.COOKIE_OPT_OUT})
    if revoke:
        yield RIGHT_REVOKE_CONSENT.present("the right to revoke consent is stated", revoke)
    elif consent and opt_outs:
        yield RIGHT_REVOKE_CONSENT.unclear(
            f"consent is relied on{note}, but revoking it is stated only as opting out of marketing or cookies "
            f"({listed(opt_outs)}), not for all the processing based on consent (Art. 8, § 5)",
            [*consent, *opt_outs],
        )
    elif consent:
        yield RIGHT_REVOKE_CONSENT.missing(f"consent is relied on{note} but the right to revoke it is not stated", consent)
    else:
        yield RIGHT_REVOKE_CONSENT.unclear(
            f"the policy claims consent implied by use or conduct{note}; consent must be a free, informed and unequivocal "
            "expression of will (Art. 5, XII, Art. 8), and revoking it must be possible at any time (Art. 8, § 5)",
            implied,
        )


def lgpd_complaint(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The right to petition the national authority: a right, or a supervisory authority named as recourse."""
    recourse = [
        format_path(("recourse", i)) for i, r in enumerate(policy.recourse or ()) if r.kind is RecourseKind.SUPERVISORY_AUTHORITY
    ]
    yield COMPLAINT.disclosed(
        [*_rights(policy, {RightKind.COMPLAINT}), *recourse],
        "the right to petition the national authority is stated",
        "the right to petition the national authority (ANPD) is not stated",
    )


def _sanctions_note(rule: Rule) -> Rule:
    """``rule``, its missing findings before 2021-08-01 saying the administrative sanctions did not yet apply."""

    @functools.wraps(rule)
    def noted(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
        for finding in rule(policy, as_of):
            if finding.status == "missing" and as_of < LGPD_SANCTIONS.date:
                message = f"{finding.message}; the LGPD's administrative sanctions apply only from {LGPD_SANCTIONS.cite()}"
                yield attrs.evolve(finding, message=message)
            else:
                yield finding

    return noted


RULES: Final[tuple[Rule, ...]] = tuple(
    _sanctions_note(rule)
    for rule in (
        lgpd_controller,
        lgpd_purposes,
        lgpd_form_and_duration,
        lgpd_sharing,
        lgpd_responsibilities,
        lgpd_dpo,
        lgpd_rights,
        lgpd_consent,
        lgpd_complaint,
    )
)
"""The LGPD's rules, in the order their findings are reported, each noting the date of the sanctions."""


RULE_SET: Final = RuleSet(
    law=LAW,
    name="the LGPD",
    applies_from=LGPD_IN_FORCE,
    items=ITEMS,
    rules=RULES,
    territory=TERRITORY,
    cited_as=LGPD_LAWS,
    before="no general data protection law applied in Brazil (sector laws, such as the Marco Civil da Internet, "
    "Lei nº 12.965/2014, did), which this audit does not cover",
)
"""The LGPD: Articles 9, 18 and 41, from 2020-09-18, for people in Brazil."""
