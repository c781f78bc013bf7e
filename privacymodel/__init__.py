"""privacymodel: privacy policies as typed, validated data.

Read a policy with :func:`load` or :func:`loads`, write it with :func:`dump`,
check it with :func:`check` or :func:`validate_file`, and export the JSON
Schema with :func:`json_schema`. :func:`to_tilt` and :func:`from_tilt` write and read TILT documents
(:func:`from_tilt_array` each document of a JSON array), :func:`to_dpv` writes W3C DPV JSON-LD, :func:`to_fides`
a Fides (fideslang) manifest, and :func:`to_tables` turns policies into Apache Arrow tables (with the optional
pyarrow). :func:`audit` checks a policy against what a law requires it to disclose, as of a day
(:func:`audit_date`), and :func:`evidence` against captures of what its website does (HAR files). Every model
class is frozen and keyword-only; a field left ``None`` means the policy does not state it.
"""

from typing import TYPE_CHECKING, Any

from privacymodel.checks.consistency import check
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
    DataSubject,
    Document,
    DoNotTrack,
    LawReference,
    LegalBasis,
    Party,
    PolicyChanges,
    PostalAddress,
    PrivacyPolicy,
    Processing,
    Prohibition,
    ProvisionRequirement,
    Purpose,
    PurposeChange,
    Recipient,
    Recourse,
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
    DataSubjectTerm,
    Identifiability,
    LawTerm,
    LegalBasisTerm,
    MeasureTerm,
    NotificationMethod,
    OperationTerm,
    PartyRole,
    PurposeTerm,
    RecipientKind,
    RecourseKind,
    RightKind,
    TrackerParty,
    TrackerTechnology,
    TransferMechanism,
    Vocabulary,
)
from privacymodel.problems import CODES, Code, PolicyError, Problem, Severity

if TYPE_CHECKING:
    from privacymodel.checks.audit import LAWS, AuditDate, Finding, audit, audit_date
    from privacymodel.checks.diff import Change, diff
    from privacymodel.formats.dpv import to_dpv
    from privacymodel.formats.evidence import evidence
    from privacymodel.formats.fides import to_fides
    from privacymodel.formats.render import render
    from privacymodel.formats.tables import to_tables
    from privacymodel.formats.tilt import TiltResult, from_tilt, from_tilt_array, to_tilt
    from privacymodel.model.schema import SCHEMA_ID, json_schema

    __version__: str


# Looked up on first use: auditing, comparing, the renderer, the exporters, the schema generator and
# importlib.metadata cost start-up time and memory that validating files does not need. Each name maps to the
# module that defines it.
_LAZY: dict[str, str] = {
    "audit": "privacymodel.checks.audit",
    "Finding": "privacymodel.checks.audit",
    "LAWS": "privacymodel.checks.audit",
    "AuditDate": "privacymodel.checks.audit",
    "audit_date": "privacymodel.checks.audit",
    "diff": "privacymodel.checks.diff",
    "Change": "privacymodel.checks.diff",
    "render": "privacymodel.formats.render",
    "to_dpv": "privacymodel.formats.dpv",
    "evidence": "privacymodel.formats.evidence",
    "to_fides": "privacymodel.formats.fides",
    "to_tilt": "privacymodel.formats.tilt",
    "from_tilt": "privacymodel.formats.tilt",
    "from_tilt_array": "privacymodel.formats.tilt",
    "TiltResult": "privacymodel.formats.tilt",
    "to_tables": "privacymodel.formats.tables",
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

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # found here from now on, without calling this again
        return value
    raise AttributeError(f"module 'privacymodel' has no attribute {name!r}")


def __dir__() -> list[str]:
    """Every public name, the ones loaded on first use included, so ``dir(privacymodel)`` lists them all."""
    return sorted({*globals(), *__all__})


__all__ = [
    "CODES",
    "FORMAT_VERSION",
    "LAWS",
    "SCHEMA_ID",
    "AuditDate",
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
    "DataSubject",
    "DataSubjectTerm",
    "DoNotTrack",
    "Document",
    "Finding",
    "Identifiability",
    "LawReference",
    "LawTerm",
    "LegalBasis",
    "LegalBasisTerm",
    "MeasureTerm",
    "NotificationMethod",
    "OperationTerm",
    "Party",
    "PartyRole",
    "PolicyChanges",
    "PolicyError",
    "PostalAddress",
    "PrivacyPolicy",
    "Problem",
    "Processing",
    "Prohibition",
    "ProvisionRequirement",
    "Purpose",
    "PurposeChange",
    "PurposeTerm",
    "Recipient",
    "RecipientKind",
    "Recourse",
    "RecourseKind",
    "Retention",
    "Right",
    "RightKind",
    "Role",
    "Security",
    "Severity",
    "TiltResult",
    "TrackerParty",
    "TrackerTechnology",
    "Transfer",
    "TransferMechanism",
    "Vocabulary",
    "__version__",
    "audit",
    "audit_date",
    "check",
    "diff",
    "dump",
    "evidence",
    "from_tilt",
    "from_tilt_array",
    "json_schema",
    "load",
    "loads",
    "render",
    "structure",
    "to_dpv",
    "to_fides",
    "to_tables",
    "to_tilt",
    "unstructure",
    "validate_file",
    "validate_text",
]
