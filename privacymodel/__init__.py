"""privacymodel: privacy policies as typed, validated data.

Read a policy with :func:`load` or :func:`loads`, write it with :func:`dump`,
check it with :func:`check` or :func:`validate_file`, and export the JSON
Schema with :func:`json_schema`. :func:`to_tilt` and :func:`from_tilt` write
and read TILT documents, :func:`to_dpv` writes W3C DPV JSON-LD. Every model class is frozen and keyword-only;
a field left ``None`` means the policy does not state it.
"""

from typing import TYPE_CHECKING, Any

from privacymodel.checks.audit import LAWS, Finding, audit
from privacymodel.checks.consistency import check
from privacymodel.checks.diff import Change, diff
from privacymodel.checks.validate import load, loads, structure, validate_file, validate_text
from privacymodel.codec.converter import unstructure
from privacymodel.codec.yaml_write import dump
from privacymodel.model.policy import (
    FORMAT_VERSION,
    AutomatedDecisionMaking,
    Certification,
    Children,
    Choice,
    ContactPoint,
    Cookie,
    DataCategory,
    DataProtectionOfficer,
    DataSale,
    Document,
    DoNotTrack,
    LawReference,
    LegalBasis,
    Party,
    PolicyChanges,
    PostalAddress,
    PrivacyPolicy,
    Processing,
    ProvisionRequirement,
    Purpose,
    Recipient,
    Retention,
    Right,
    Role,
    Security,
    Transfer,
)
from privacymodel.model.vocab import (
    ChoiceKind,
    ContactPurpose,
    CookieCategory,
    CustomTerm,
    DataCategoryTerm,
    DataSource,
    LawTerm,
    LegalBasisTerm,
    MeasureTerm,
    NotificationMethod,
    PartyRole,
    PurposeTerm,
    RecipientKind,
    RightKind,
    TrackerParty,
    TrackerTechnology,
    TransferMechanism,
    Vocabulary,
)
from privacymodel.problems import CODES, Code, PolicyError, Problem, Severity

if TYPE_CHECKING:
    from privacymodel.formats.dpv import to_dpv
    from privacymodel.formats.render import render
    from privacymodel.formats.tilt import from_tilt, to_tilt
    from privacymodel.model.schema import SCHEMA_ID, json_schema

    __version__: str


# Looked up on first use: the renderer, the exporters, the schema generator and importlib.metadata cost
# start-up time and memory that validating files does not need. Each name maps to the module that defines it.
_LAZY: dict[str, str] = {
    "render": "privacymodel.formats.render",
    "to_dpv": "privacymodel.formats.dpv",
    "to_tilt": "privacymodel.formats.tilt",
    "from_tilt": "privacymodel.formats.tilt",
    "json_schema": "privacymodel.model.schema",
    "SCHEMA_ID": "privacymodel.model.schema",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            return version("privacymodel")
        except PackageNotFoundError:  # pragma: no cover - a source tree that is not installed
            return "0+unknown"
    if name in _LAZY:
        import importlib  # noqa: PLC0415

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'privacymodel' has no attribute {name!r}")


def __dir__() -> list[str]:
    """Every public name, the ones loaded on first use included, so ``dir(privacymodel)`` lists them all."""
    return sorted({*globals(), *__all__})


__all__ = [
    "CODES",
    "FORMAT_VERSION",
    "LAWS",
    "SCHEMA_ID",
    "AutomatedDecisionMaking",
    "Certification",
    "Change",
    "Children",
    "Choice",
    "ChoiceKind",
    "Code",
    "ContactPoint",
    "ContactPurpose",
    "Cookie",
    "CookieCategory",
    "CustomTerm",
    "DataCategory",
    "DataCategoryTerm",
    "DataProtectionOfficer",
    "DataSale",
    "DataSource",
    "DoNotTrack",
    "Document",
    "Finding",
    "LawReference",
    "LawTerm",
    "LegalBasis",
    "LegalBasisTerm",
    "MeasureTerm",
    "NotificationMethod",
    "Party",
    "PartyRole",
    "PolicyChanges",
    "PolicyError",
    "PostalAddress",
    "PrivacyPolicy",
    "Problem",
    "Processing",
    "ProvisionRequirement",
    "Purpose",
    "PurposeTerm",
    "Recipient",
    "RecipientKind",
    "Retention",
    "Right",
    "RightKind",
    "Role",
    "Security",
    "Severity",
    "TrackerParty",
    "TrackerTechnology",
    "Transfer",
    "TransferMechanism",
    "Vocabulary",
    "__version__",
    "audit",
    "check",
    "diff",
    "dump",
    "from_tilt",
    "json_schema",
    "load",
    "loads",
    "render",
    "structure",
    "to_dpv",
    "to_tilt",
    "unstructure",
    "validate_file",
    "validate_text",
]
