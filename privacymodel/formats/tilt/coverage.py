"""What a TILT document can hold of a policy, and why it cannot hold the rest.

:data:`CARRIED` lists the fields of the plain policy that writing TILT carries
over (the package documentation says how); :data:`WHY_NOT` says why TILT
cannot hold others, by the pattern of the fields. :func:`not_held` reports
every field of a policy that is not carried over as a PM404 warning, and
:func:`kinds_left_out` the kinds of a recipient beyond the one TILT holds.
"""

from __future__ import annotations

from typing import Final

from privacymodel.formats.left_out import left_out
from privacymodel.formats.tilt.values import recipient_category
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import Code, Problem, format_path

__all__ = ["CARRIED", "WHOLE", "WHY_DEFAULT", "WHY_NOT", "kinds_left_out", "not_held"]

CARRIED: Final = (
    "privacymodel",
    "document.url",
    "document.language",
    "document.version",
    "document.effective_date",
    "document.last_updated",
    "document.retrieved_on",
    "controllers[*].id",
    "controllers[*].name",
    "controllers[*].division",
    "controllers[*].address",
    "representative.id",
    "representative.name",
    "representative.contacts[*].email",
    "representative.contacts[*].phone",
    "dpo.name",
    "dpo.contacts[*].email",
    "dpo.contacts[*].phone",
    "dpo.contacts[*].address",
    "supervisory_authority.id",
    "supervisory_authority.name",
    "supervisory_authority.address",
    "supervisory_authority.contacts[*].email",
    "supervisory_authority.contacts[*].phone",
    "data_categories[*].id",
    "data_categories[*].term",
    "data_categories[*].label",
    "data_categories[*].sources",
    "provision_requirements[*].required",
    "provision_requirements[*].statutory",
    "provision_requirements[*].contractual",
    "provision_requirements[*].data",
    "provision_requirements[*].consequences",
    "purposes[*].id",
    "purposes[*].term",
    "purposes[*].label",
    "purposes[*].description",
    "legal_bases[*].id",
    "legal_bases[*].basis",
    "legal_bases[*].law",
    "legal_bases[*].purposes",
    "legal_bases[*].data",
    "legal_bases[*].description",
    "processing[*].id",
    "processing[*].data",
    "processing[*].purposes",
    "processing[*].legal_bases",
    "processing[*].recipients",
    "processing[*].retention",
    "recipients[*].id",
    "recipients[*].name",
    "recipients[*].division",
    "recipients[*].address",
    "recipients[*].kind",
    "recipients[*].kinds",
    "recipients[*].label",
    "recipients[*].data",
    "recipients[*].purposes",
    "retention[*].id",
    "retention[*].data",
    "retention[*].purposes",
    "retention[*].period",
    "retention[*].until",
    "retention[*].as_long_as_necessary",
    "retention[*].legal_requirement",
    "retention[*].required_by",
    "retention[*].criteria",
    "retention[*].description",
    "rights[*].id",
    "rights[*].kind",
    "rights[*].description",
    "rights[*].how",
    "rights[*].contacts",
    "rights[*].fee",
    "transfers[*].id",
    "transfers[*].destinations",
    "transfers[*].mechanisms",
    "transfers[*].remedies",
    "transfers[*].description",
    "automated_decision_making.used",
    "automated_decision_making.logic",
    "automated_decision_making.consequences",
    "purpose_changes[*].description",
    "purpose_changes[*].data",
    "purpose_changes[*].date",
    "purpose_changes[*].new_version_url",
)
"""The fields of the plain policy a TILT document carries: a pattern covers the fields under it."""

WHY_NOT: Final = {
    "document.title": "TILT has no title (meta.name is the controller's name)",
    "cookies": "TILT has no cookies or other trackers",
    "children": "TILT has nothing on children",
    "do_not_track": "TILT has no Do Not Track",
    "security": "TILT has no security measures",
    "certifications": "TILT has no certifications",
    "sale_of_data": "TILT has no sale of data",
    "policy_changes": "TILT's changesOfPurpose is about planned changes of purpose, not how changes are announced",
    "choices": "TILT has no choices or opt-outs",
    "laws": "TILT has no list of laws",
    "data_categories[*].special_category": "TILT does not mark special categories (GDPR Art. 9)",
    "recipients[*].role": "TILT recipients have no role",
    "transfers[*].recipients": "TILT transfers name a country only",
    "transfers[*].data": "TILT transfers name a country only",
    "automated_decision_making.profiling": "TILT has no separate profiling flag",
    "section": "TILT does not say where in the policy a statement is",
    # Format 1.1.
    "document.acceptance_by_use": "TILT has nothing on accepting the policy",
    "controllers[*].local": "TILT names its parties; it cannot say 'the authority of your own country'",
    "supervisory_authority.local": "TILT names one supervisory authority; it cannot say 'your local authority'",
    "data_subjects": "TILT does not say whose data it is (it has no data subjects)",
    "data_categories[*].subjects": "TILT does not say whose data a category is",
    "data_categories[*].identifiability": "TILT does not say how far data identifies people",
    "data_categories[*].condition": "TILT states no conditions",
    "provision_requirements[*].condition": "TILT states no conditions",
    "legal_bases[*].conditional": "TILT cannot mark a legal basis as listed only conditionally",
    "legal_bases[*].condition": "TILT states no conditions",
    "processing[*].operations": "TILT has no processing operations",
    "processing[*].subjects": "TILT does not say whose data it is (it has no data subjects)",
    "processing[*].by": "TILT does not say who carries out the processing",
    "processing[*].role": "TILT has no role of the controller for a processing",
    "processing[*].condition": "TILT states no conditions",
    "processing[*].exceptions": "TILT states no exceptions",
    "prohibitions": "TILT has no statements of what is not done",
    "recipients[*].domains": "TILT recipients have no host names",
    "rights[*].voluntary": "TILT's rights are the GDPR's; it cannot say a right is granted voluntarily",
    "rights[*].jurisdictions": "TILT's rights are the GDPR's; it cannot say where people have them",
    "rights[*].subjects": "TILT does not say whose right it is (it has no data subjects)",
    "rights[*].response_business_days": "TILT has no time to respond to a request",
    "transfers[*].origins": "TILT transfers name a destination country only",
    "transfers[*].destination_regions": "TILT transfers name a destination country, not a region",
    "transfers[*].other_destinations": "TILT names each destination country; it cannot say 'other countries'",
    "recourse": "TILT has no independent recourse (only the right to complain to a supervisory authority)",
    "representative.division": "TILT's representative is a person: a name, an email address and a phone number",
    "supervisory_authority.division": "TILT names the supervisory authority, not a division of it",
    "purpose_changes[*].id": "TILT's changes of purpose have no ids",
}
"""Why TILT cannot hold a field, by the start of its pattern."""

WHOLE: Final = (
    "cookies",
    "children",
    "do_not_track",
    "security",
    "certifications",
    "sale_of_data",
    "policy_changes",
    "choices",
    "laws",
    "data_subjects",
    "prohibitions",
    "recourse",
)
"""Fields not carried over that are reported whole, not by their parts (TILT holds nothing of them)."""

WHY_DEFAULT: Final = "TILT has no field for it"
"""Why a field is not carried over, when :data:`WHY_NOT` gives no reason for it."""


def kinds_left_out(policy: PrivacyPolicy) -> list[Problem]:
    """PM404 warnings for the kinds of recipients TILT's one ``category`` leaves out (it holds one kind each)."""
    notes = []
    for index, recipient in enumerate(policy.recipients or ()):
        written, others = recipient_category(recipient)
        if others:
            message = f"TILT holds one category per recipient ({written!r}); {', '.join(map(repr, others))} left out"
            path = format_path(("recipients", index, "kinds"))
            notes.append(Problem(code=Code.NOT_EXPORTED, severity="warning", message=message, path=path))
    return notes


def not_held(policy: PrivacyPolicy) -> list[Problem]:
    """PM404 warnings for the fields of ``policy`` a TILT document does not hold, with the reason for each."""
    return left_out(policy, CARRIED, "TILT", {**WHY_NOT, "": WHY_DEFAULT}, WHOLE)
