"""What a TILT document can hold of a policy, and why it cannot hold the rest.

:data:`CARRIED` lists the fields of the plain policy that writing TILT carries
over (the package documentation says how); :data:`WHY_NOT` says why TILT
cannot hold others, by the pattern of the fields. :func:`not_held` reports
every field of a policy that is not carried over as a PM404 warning.
"""

from __future__ import annotations

from typing import Final

from privacymodel.codec.converter import unstructure
from privacymodel.formats.left_out import left_out
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import Problem

__all__ = ["CARRIED", "WHOLE", "WHY_DEFAULT", "WHY_NOT", "not_held"]

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
    "data_categories[*].sources",
    "provision_requirements[*].required",
    "provision_requirements[*].statutory",
    "provision_requirements[*].contractual",
    "provision_requirements[*].data",
    "provision_requirements[*].consequences",
    "purposes[*].id",
    "purposes[*].term",
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
    "recipients[*].kind",
    "recipients[*].data",
    "recipients[*].purposes",
    "retention[*].id",
    "retention[*].data",
    "retention[*].purposes",
    "retention[*].period",
    "retention[*].until",
    "retention[*].as_long_as_necessary",
    "retention[*].legal_requirement",
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
    "automated_decision_making.used",
    "automated_decision_making.logic",
    "automated_decision_making.consequences",
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
    "transfers[*].description": "TILT describes each mechanism, not the transfer",
    "automated_decision_making.profiling": "TILT has no separate profiling flag",
    "section": "TILT does not say where in the policy a statement is",
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
)
"""Fields not carried over that are reported whole, not by their parts (TILT holds nothing of them)."""

WHY_DEFAULT: Final = "TILT has no field for it"
"""Why a field is not carried over, when :data:`WHY_NOT` gives no reason for it."""


def not_held(policy: PrivacyPolicy) -> list[Problem]:
    """PM404 warnings for the fields of ``policy`` a TILT document does not hold, with the reason for each."""
    return left_out(unstructure(policy), CARRIED, "TILT", {**WHY_NOT, "": WHY_DEFAULT}, WHOLE)
