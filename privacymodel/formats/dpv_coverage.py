"""What a W3C DPV export holds of a policy, and why it cannot hold the rest (reported as PM404).

Some fields are carried only in part, and the export notes the rest itself: a label or description of a purpose,
data category or data subject is carried where the term is an ``x-`` custom term (on the term's concept), a special
category only where the data is one, a law only where it is not said not to apply.
"""

from __future__ import annotations

from typing import Final

__all__ = ["CARRIED", "WHOLE", "WHY_NOT"]

_PARTY: Final = ("id", "name", "aliases", "website", "address", "contacts[*].email", "contacts[*].phone", "contacts[*].url")

CARRIED: Final = (
    "privacymodel",
    "document.title",
    "document.url",
    "document.language",
    "document.version",
    "document.effective_date",
    "document.last_updated",
    *(f"controllers[*].{field}" for field in _PARTY),
    *(f"controllers[*].contacts[*].{field}" for field in ("address",)),
    "controllers[*].roles[*].role",
    *(f"representative.{field}" for field in _PARTY),
    "representative.contacts[*].address",
    *(f"supervisory_authority.{field}" for field in _PARTY),
    "supervisory_authority.contacts[*].address",
    "dpo.name",
    "dpo.contacts[*].email",
    "dpo.contacts[*].phone",
    "dpo.contacts[*].url",
    "dpo.contacts[*].address",
    "data_subjects[*].id",
    "data_subjects[*].term",
    "data_categories[*].id",
    "data_categories[*].term",
    "data_categories[*].sources",
    "data_categories[*].special_category",
    "data_categories[*].subjects",
    "data_categories[*].identifiability",
    "purposes[*].id",
    "purposes[*].term",
    "legal_bases[*].id",
    "legal_bases[*].basis",
    "legal_bases[*].law",
    "legal_bases[*].purposes",
    "legal_bases[*].data",
    "legal_bases[*].description",
    "processing",
    "prohibitions[*].id",
    "prohibitions[*].operations",
    "prohibitions[*].data",
    "prohibitions[*].purposes",
    "prohibitions[*].recipient_kinds",
    "prohibitions[*].qualifier",
    "prohibitions[*].by",
    "prohibitions[*].description",
    "recipients[*].id",
    "recipients[*].name",
    "recipients[*].kind",
    "recipients[*].kinds",
    "recipients[*].role",
    "recipients[*].data",
    "recipients[*].purposes",
    "recipients[*].address",
    "recipients[*].website",
    "recipients[*].description",
    "retention",
    "rights[*].kind",
    "rights[*].law",
    "transfers[*].id",
    "transfers[*].destinations",
    "transfers[*].mechanisms",
    "transfers[*].recipients",
    "transfers[*].data",
    "transfers[*].description",
    "security.measures",
    "laws[*].law",
    "laws[*].applies",
)
WHY_NOT: Final = {
    "": "the export holds the processing, its parties and its terms, not the policy's prose",
    "cookies": "DPV has no model of individual cookies",
    "recipients[*].domains": "DPV has no host names for recipients",
    "security.not_taken": "DPV states the measures taken, not those said not to be",
    "transfers[*].origins": "DPV's third countries are where data goes; where it comes from is left out",
    "transfers[*].destination_regions": "DPV's third countries are countries, not regions",
    "transfers[*].other_destinations": "DPV names each third country; it cannot say 'other countries'",
    "recourse": "DPV has no concept of independent recourse bodies",
    **{
        f"{party}.contacts": "DPV's contact details are the addresses, email addresses, telephone numbers and web "
        "addresses; what a contact point is for and its description are left out"
        for party in ("controllers[*]", "representative", "supervisory_authority", "dpo")
    },
}
WHOLE: Final = (
    "cookies",
    "children",
    "do_not_track",
    "certifications",
    "recourse",
    "sale_of_data",
    "policy_changes",
    "choices",
)
