"""Format 1.1.0: what it adds to 1.0.0, and the 1.0.0 documents of the previous release, which load unchanged."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from jsonschema import Draft202012Validator

import privacymodel as pm
from privacymodel.model.fields import ref_targets
from privacymodel.model.vocab import DPV, EU_GDPR, RIGHT_EQUIVALENTS, RIGHT_IRIS, equivalent_rights, right_iri
from tests.conftest import ROOT

SCHEMA = pm.json_schema()
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
FORMAT_1_0_0 = sorted((ROOT / "tests" / "data" / "format-1.0.0").glob("*.yaml"))


# --- the format version ------------------------------------------------------------------------


def test_this_release_writes_1_1_0_and_reads_1_0_and_1_1() -> None:
    assert pm.FORMAT_VERSION == "1.1.0"
    head = "document:\n  title: T\ncontrollers:\n  - id: a\n    name: A\n"
    for version in ("1.0.0", "1.0.3", "1.1.0", "1.1.9"):
        policy = pm.loads(f"privacymodel: {version}\n{head}")
        assert policy.privacymodel == version  # kept as written
        assert pm.dump(policy).startswith(f"privacymodel: {version}\n")
    for version in ("1.2.0", "2.0.0", "0.9.0"):
        with pytest.raises(pm.PolicyError) as caught:
            pm.loads(f"privacymodel: {version}\n{head}")
        assert [p.code for p in caught.value.problems] == [pm.Code.UNSUPPORTED_VERSION]


def test_the_previous_releases_examples_are_the_fixtures() -> None:
    assert [path.name for path in FORMAT_1_0_0] == [
        "click-and-resolve.yaml",
        "customer360-2014.yaml",
        "customers-ai-2023.yaml",
        "customertimes-2020.yaml",
        "customertimes-software-2022.yaml",
    ]


def _as_json(data: Any) -> Any:
    """The data as JSON holds it: dates as ISO 8601 text."""
    return json.loads(json.dumps(data, default=lambda value: value.isoformat() if isinstance(value, dt.date) else value))


@pytest.mark.parametrize("path", FORMAT_1_0_0, ids=lambda path: path.stem)
def test_a_1_0_0_document_loads_unchanged_and_means_the_same(path: Path) -> None:
    """Every 1.0.0 document of the previous release validates, and its loaded policy holds exactly its data."""
    errors = [p for p in pm.validate_file(path) if p.severity == "error"]
    assert errors == []
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    policy = pm.load(path)
    assert policy.privacymodel == "1.0.0"
    assert pm.unstructure(policy) == _as_json(raw)
    assert pm.loads(pm.dump(policy)) == policy
    assert not list(VALIDATOR.iter_errors(pm.unstructure(policy)))


# --- a 1.1 document that uses every new field ---------------------------------------------------

FULL = """\
privacymodel: 1.1.0
document:
  title: Example
  acceptance_by_use: true
controllers:
  - id: acme
    name: Acme Inc.
supervisory_authority:
  id: local-authority
  description: Your local supervisory authority.
  local: true
data_subjects:
  - id: visitors
    term: visitor
  - id: end-users
    term: end-user-of-customer
    description: The contacts of our customers.
  - id: parents
    term: parent
data_categories:
  - id: email
    term: email-address
    sources: [unspecified]
    subjects: [visitors, end-users]
    identifiability: pseudonymised
    condition: for paid plans
provision_requirements:
  - required: true
    data: [email]
    condition: for paid plans
purposes:
  - id: resolve
    term: identity-resolution
  - id: credit
    term: credit-checking
  - id: train
    term: training
legal_bases:
  - id: implied
    basis: implied-consent
    purposes: [resolve]
  - id: maybe
    basis: A6-1-f
    conditional: true
    condition: where applicable
processing:
  - id: identify-visitors
    operations: [collect, combine, identify, track-across-sites]
    data: [email]
    subjects: [visitors]
    purposes: [resolve]
    by: [acme, pixel]
    role: processor
    condition: when a customer installs the pixel
    exceptions: except as described below
prohibitions:
  - operations: [train-models]
    purposes: [x-generalised-ai]
  - operations: [sell]
    data: [personal-data]
    recipient_kinds: [advertiser]
    qualifier: for money
recipients:
  - id: pixel
    name: Pixel Co.
    kinds: [social-network, advertising-network]
    domains: [pixel.example, cdn.pixel.example]
  - id: partners
    kind: other-organisation
    role: third-party
cookies:
  - name: _px
    domain: pixel.example
    provider: pixel
    cross_site: true
    legal_bases: [implied]
rights:
  - kind: access
    voluntary: true
    jurisdictions: [EU, US-CA]
    subjects: [parents]
    response_business_days: 30
transfers:
  - origins: [EU, CH, GB]
    destinations: [US]
    destination_regions: [WORLD]
    other_destinations: true
security:
  measures: [encryption-in-transfer]
  not_taken: [encryption-at-rest]
certifications:
  - name: TRUSTe
    verification_url: https://privacy.truste.com/privacy-seal/validation
    dispute_url: https://feedback-form.truste.com/watchdog/request
recourse:
  - id: truste
    name: TRUSTe
    kind: independent-dispute-resolution
    url: https://feedback-form.truste.com/watchdog/request
    after: P30D
    cost: free of charge
  - kind: regulator
    name: US Federal Trade Commission
sale_of_data:
  sold: false
  for_money_only: true
  condition: for money
  exceptions: except as described
policy_changes:
  advance_notice: true
  advance_notice_period: P30D
  acceptance_by_continued_use: true
  material_change_requires_consent: true
choices:
  - kind: web-page
    url: https://example.org/preferences
laws:
  - law: coppa
    applies: false
  - law: ccpa
    separate_notice_url: https://example.org/ccpa
  - law: vcdpa
  - law: cpa
  - law: spain-lopd
"""

# Every field format 1.1 adds, by class: each is optional, described, in the schema and set in FULL.
NEW_FIELDS = {
    pm.Document: ["acceptance_by_use"],
    pm.Party: ["local"],
    pm.DataSubject: ["id", "term", "description", "section"],
    pm.DataCategory: ["subjects", "identifiability", "condition"],
    pm.ProvisionRequirement: ["condition"],
    pm.LegalBasis: ["conditional", "condition"],
    pm.Processing: ["operations", "subjects", "by", "role", "condition", "exceptions"],
    pm.Prohibition: ["id", "operations", "data", "purposes", "recipient_kinds", "qualifier", "description", "section"],
    pm.Recipient: ["kinds", "domains"],
    pm.Cookie: ["domain", "cross_site", "legal_bases"],
    pm.Right: ["voluntary", "jurisdictions", "subjects", "response_business_days"],
    pm.Transfer: ["origins", "destination_regions", "other_destinations"],
    pm.Security: ["not_taken"],
    pm.Certification: ["verification_url", "dispute_url"],
    pm.Recourse: ["id", "name", "kind", "url", "after", "cost", "description", "section"],
    pm.DataSale: ["for_money_only", "condition", "exceptions"],
    pm.PolicyChanges: ["advance_notice_period", "acceptance_by_continued_use", "material_change_requires_consent"],
    pm.LawReference: ["applies", "separate_notice_url"],
    pm.PrivacyPolicy: ["data_subjects", "prohibitions", "recourse"],
}
REQUIRED = {(pm.DataSubject, "id"), (pm.DataSubject, "term")}
NOT_IN_FULL = {(pm.DataSubject, "section"), (pm.Prohibition, "id"), (pm.Prohibition, "description")}
NOT_IN_FULL |= {(pm.Prohibition, "section"), (pm.Recourse, "description"), (pm.Recourse, "section")}


def _instances(node: Any) -> list[Any]:
    """Every model instance in ``node``, ``node`` included."""
    found = [node] if attrs.has(type(node)) else []
    if attrs.has(type(node)):
        for field in attrs.fields(type(node)):
            found += _instances(getattr(node, field.name))
    elif isinstance(node, tuple):
        for item in node:
            found += _instances(item)
    return found


def test_a_document_using_every_new_field_loads_validates_and_round_trips() -> None:
    problems = pm.validate_text(FULL)
    assert [p for p in problems if p.severity == "error"] == []
    policy = pm.loads(FULL)
    assert not list(VALIDATOR.iter_errors(pm.unstructure(policy)))
    assert pm.unstructure(policy) == yaml.safe_load(FULL)
    assert pm.loads(pm.dump(policy)) == policy
    assert pm.dump(pm.loads(pm.dump(policy))) == pm.dump(policy)


@pytest.mark.parametrize(
    ("cls", "name"), [(cls, name) for cls, names in NEW_FIELDS.items() for name in names], ids=lambda x: getattr(x, "__name__", x)
)
def test_a_new_field_is_optional_described_in_the_schema_and_loaded(cls: type, name: str) -> None:
    field = attrs.fields_dict(cls)[name]
    assert field.metadata["description"]
    assert (field.default is attrs.NOTHING) == ((cls, name) in REQUIRED)
    definition = SCHEMA["$defs"][cls.__name__]
    assert definition["properties"][name]["description"] == field.metadata["description"]
    assert (name in definition["required"]) == ((cls, name) in REQUIRED)
    if (cls, name) not in NOT_IN_FULL:
        values = [getattr(obj, name) for obj in _instances(pm.loads(FULL)) if type(obj) is cls]
        assert any(value is not None for value in values), f"{cls.__name__}.{name} is set nowhere in FULL"


def test_loaded_terms_of_the_new_vocabularies_are_their_members() -> None:
    policy = pm.loads(FULL)
    assert policy.data_subjects is not None
    assert policy.data_subjects[1].term is pm.DataSubjectTerm.END_USER_OF_CUSTOMER
    assert policy.processing is not None
    assert policy.processing[0].operations == (
        pm.OperationTerm.COLLECT,
        pm.OperationTerm.COMBINE,
        pm.OperationTerm.IDENTIFY,
        pm.OperationTerm.TRACK_ACROSS_SITES,
    )
    assert policy.processing[0].by == ("acme", "pixel")
    assert policy.data_categories is not None
    assert policy.data_categories[0].identifiability is pm.Identifiability.PSEUDONYMISED
    assert policy.recourse is not None
    assert policy.recourse[0].kind is pm.RecourseKind.INDEPENDENT_DISPUTE_RESOLUTION
    assert policy.prohibitions is not None
    assert policy.prohibitions[0].purposes == (pm.CustomTerm("x-generalised-ai"),)
    assert policy.rights is not None
    assert policy.rights[0].jurisdictions == ("EU", "US-CA")
    assert policy.rights[0].response_business_days == 30


def test_references_of_the_new_fields_are_declared_for_the_consistency_checks() -> None:
    assert ref_targets(attrs.fields_dict(pm.Processing)["by"].metadata) == ("controllers", "recipients")
    assert ref_targets(attrs.fields_dict(pm.Processing)["subjects"].metadata) == ("data_subjects",)
    assert ref_targets(attrs.fields_dict(pm.DataCategory)["subjects"].metadata) == ("data_subjects",)
    assert ref_targets(attrs.fields_dict(pm.Right)["subjects"].metadata) == ("data_subjects",)
    assert ref_targets(attrs.fields_dict(pm.Cookie)["legal_bases"].metadata) == ("legal_bases",)
    assert ref_targets(attrs.fields_dict(pm.Cookie)["name"].metadata) == ()
    assert pm.check(pm.loads(FULL)) == [p for p in pm.check(pm.loads(FULL)) if p.severity != "error"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("by", "nobody", "'nobody' is not the id of any of the policy's controllers or recipients"),
        ("subjects", "nobody", "'nobody' is not the id of any of the policy's data subjects"),
    ],
)
def test_an_undeclared_reference_of_a_new_field_is_an_error(field: str, value: str, message: str) -> None:
    text = FULL.replace("    by: [acme, pixel]", f"    by: [acme, {value}]" if field == "by" else "    by: [acme]")
    if field == "subjects":
        text = text.replace("    subjects: [visitors]\n", f"    subjects: [{value}]\n")
    problems = [p for p in pm.validate_text(text) if p.severity == "error"]
    assert [(p.code, p.message) for p in problems] == [(pm.Code.UNDECLARED_ID, message)]


def test_a_party_may_be_described_instead_of_named() -> None:
    authority = pm.Party(id="sa", description="Your local supervisory authority.", local=True)
    assert authority.name is None
    with pytest.raises(ValueError, match="Party: at least one of name, description must be given"):
        pm.Party(id="sa")


def test_a_recipient_may_be_of_several_kinds() -> None:
    recipient = pm.Recipient(id="fb", kinds=("social-network", "advertising-network"))
    assert recipient.kinds == (pm.RecipientKind.SOCIAL_NETWORK, pm.RecipientKind.ADVERTISING_NETWORK)
    with pytest.raises(ValueError, match="Recipient: at least one of name, kind, kinds must be given"):
        pm.Recipient(id="fb")


def test_a_cookie_has_an_exact_name_or_a_prefix_not_both() -> None:
    with pytest.raises(ValueError, match="Cookie: give name or name_prefix, not both"):
        pm.Cookie(name="_ga", name_prefix="_g")
    assert pm.Cookie(name_prefix="_gat_").name is None


def test_the_schema_refuses_a_cookie_with_a_name_and_a_prefix() -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(pm.json_schema())
    policy = {"privacymodel": "1.1.0", "document": {"title": "T"}, "controllers": [{"id": "c", "name": "C"}]}
    assert validator.is_valid({**policy, "cookies": [{"name_prefix": "_g"}]})
    assert not validator.is_valid({**policy, "cookies": [{"name": "_ga", "name_prefix": "_g"}]})


def test_a_prohibition_states_something() -> None:
    with pytest.raises(ValueError, match="Prohibition: at least one of operations, data, purposes"):
        pm.Prohibition()
    assert pm.Prohibition(operations=("sell",), qualifier="for money").operations == (pm.OperationTerm.SELL,)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: pm.Right(kind="access", jurisdictions=("UK",)), r"Right\.jurisdictions: item 0: expected a place"),
        (lambda: pm.Right(kind="access", response_business_days=10001), r"from 0 to 10000; got 10001"),
        (lambda: pm.Recipient(id="r", name="R", domains=("https://r.example",)), r"Recipient\.domains: item 0: expected a host"),
        (lambda: pm.Cookie(name="_ga", domain=".google.com"), r"Cookie\.domain: expected a host name"),
        (lambda: pm.Transfer(origins=("EU", "Europe")), r"Transfer\.origins: item 1: expected a place"),
        (lambda: pm.Recourse(kind="regulator", after="30 days"), r"Recourse\.after: expected an ISO 8601 duration"),
        (pm.Recourse, r"Recourse: at least one of name, kind must be given"),
    ],
)
def test_the_new_fields_check_their_values(build: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()


# --- vocabularies ------------------------------------------------------------------------------

US = "https://w3id.org/dpv/legal/us#"
TERMS: list[tuple[type[pm.Vocabulary], str, str | None]] = [
    *[
        (pm.DataSubjectTerm, term, DPV + iri)
        for term, iri in [
            ("visitor", "Visitor"),
            ("user", "User"),
            ("customer", "Customer"),
            ("client", "Client"),
            ("consumer", "Consumer"),
            ("subscriber", "Subscriber"),
            ("member", "Member"),
            ("employee", "Employee"),
            ("job-applicant", "JobApplicant"),
            ("applicant", "Applicant"),
            ("child", "Child"),
            ("adult", "Adult"),
            ("parent", "ParentOfDataSubject"),
            ("guardian", "GuardianOfDataSubject"),
            ("student", "Student"),
            ("patient", "Patient"),
            ("participant", "Participant"),
            ("citizen", "Citizen"),
        ]
    ],
    (pm.DataSubjectTerm, "end-user-of-customer", None),
    (pm.DataSubjectTerm, "business-contact", None),
    *[
        (pm.OperationTerm, term, DPV + iri)
        for term, iri in [
            ("collect", "Collect"),
            ("obtain", "Obtain"),
            ("record", "Record"),
            ("store", "Store"),
            ("use", "Use"),
            ("analyse", "Analyse"),
            ("combine", "Combine"),
            ("match", "Match"),
            ("infer", "Infer"),
            ("derive", "Derive"),
            ("profile", "Profiling"),
            ("monitor", "Monitor"),
            ("track", "Tracking"),
            ("track-first-party", "TrackingByFirstParty"),
            ("track-third-party", "TrackingByThirdParty"),
            ("share", "Share"),
            ("disclose", "Disclose"),
            ("transfer", "Transfer"),
            ("anonymise", "Anonymise"),
            ("pseudonymise", "Pseudonymise"),
            ("erase", "Erase"),
            ("aggregate", "Aggregate"),
        ]
    ],
    (pm.OperationTerm, "identify", None),
    (pm.OperationTerm, "track-across-sites", None),
    (pm.OperationTerm, "sell", None),
    (pm.OperationTerm, "train-models", None),
    (pm.Identifiability, "identifiable", DPV + "PersonalData"),
    (pm.Identifiability, "pseudonymised", DPV + "PseudonymisedData"),
    (pm.Identifiability, "anonymised", DPV + "AnonymisedData"),
    (pm.Identifiability, "not-personal", DPV + "NonPersonalData"),
    (pm.Identifiability, "aggregated", None),
    (pm.RecourseKind, "independent-dispute-resolution", None),
    (pm.RecourseKind, "arbitration", None),
    (pm.RecourseKind, "regulator", None),
    (pm.RecourseKind, "supervisory-authority", DPV + "DataProtectionAuthority"),
    (pm.RecourseKind, "court", None),
    (pm.LegalBasisTerm, "express-consent", DPV + "ExpressedConsent"),
    (pm.LegalBasisTerm, "explicit-consent", DPV + "ExplicitlyExpressedConsent"),
    (pm.LegalBasisTerm, "implied-consent", DPV + "ImpliedConsent"),
    (pm.LegalBasisTerm, "opt-out-consent", None),
    (pm.PurposeTerm, "identity-resolution", None),
    (pm.PurposeTerm, "credit-checking", DPV + "CustomerSolvencyMonitoring"),
    (pm.PurposeTerm, "training", None),
    (pm.DataSource, "unspecified", None),
    (pm.ChoiceKind, "web-page", None),
    (pm.RecipientKind, "other-organisation", None),
    (pm.MeasureTerm, "confidentiality-agreements", None),
    (pm.MeasureTerm, "data-deletion-policy", DPV + "DataDeletionPolicy"),
    (pm.LawTerm, "vcdpa", US + "law-VA-VCDPA"),
    (pm.LawTerm, "cpa", US + "law-CO-CPA"),
    (pm.LawTerm, "spain-lopd", None),
    (pm.LawTerm, "ccpa", US + "law-CA-CCPA"),
    (pm.LawTerm, "gdpr", "https://w3id.org/dpv/legal/eu#law-GDPR"),
]


@pytest.mark.parametrize(("vocabulary", "value", "iri"), TERMS, ids=lambda x: getattr(x, "__name__", x))
def test_a_new_term_has_a_description_and_its_dpv_iri(vocabulary: type[pm.Vocabulary], value: str, iri: str | None) -> None:
    term = vocabulary(value)
    assert term.description.endswith(".")
    assert term.iri == iri
    terms = {t["const"]: t["description"] for t in SCHEMA["$defs"][vocabulary.__name__]["oneOf"]}
    assert terms[value] == term.description + (f" DPV: {iri}" if iri else "")


def test_the_new_vocabularies_are_complete() -> None:
    for vocabulary in (pm.DataSubjectTerm, pm.OperationTerm, pm.Identifiability, pm.RecourseKind):
        assert {term.value for term in vocabulary} == {value for v, value, _ in TERMS if v is vocabulary}


def test_recipient_kinds_separate_the_everyday_sense_from_the_legal_role() -> None:
    assert "Art. 4(10)" in pm.RecipientKind.THIRD_PARTY.description
    assert "role" in pm.RecipientKind.OTHER_ORGANISATION.description


def test_right_kinds_are_law_neutral() -> None:
    for kind in pm.RightKind:
        assert not any(kind.description.startswith(f"{law}:") for law in ("GDPR", "CCPA", "COPPA")), kind
    assert "COPPA" not in pm.RightKind.PARENTAL_REVIEW.description.split("(")[0]


def test_the_iri_of_a_right_depends_on_its_law() -> None:
    gdpr, ccpa = pm.LawTerm.GDPR, pm.LawTerm.CCPA
    assert RIGHT_IRIS[pm.RightKind.ACCESS, gdpr] == EU_GDPR + "A15"
    assert RIGHT_IRIS[pm.RightKind.ERASURE, gdpr] == RIGHT_IRIS[pm.RightKind.DELETE, gdpr] == EU_GDPR + "A17"
    assert RIGHT_IRIS[pm.RightKind.KNOW, gdpr] == EU_GDPR + "A15"
    assert RIGHT_IRIS[pm.RightKind.CORRECT, gdpr] == EU_GDPR + "A16"
    assert (pm.RightKind.MARKETING_OPT_OUT, gdpr) not in RIGHT_IRIS
    assert all(RIGHT_IRIS[kind, None] == DPV + "DataSubjectRight" for kind in pm.RightKind)
    assert right_iri(pm.RightKind.ERASURE, None) == DPV + "DataSubjectRight"
    assert right_iri(pm.RightKind.ERASURE, ccpa) == DPV + "DataSubjectRight"
    assert right_iri(pm.RightKind.ERASURE, pm.CustomTerm("x-law")) == DPV + "DataSubjectRight"
    assert right_iri(pm.RightKind.DELETE, gdpr) == EU_GDPR + "A17"
    assert right_iri(pm.CustomTerm("x-right"), gdpr) is None
    assert pm.RightKind.ACCESS.iri == EU_GDPR + "A15"  # the article, for reference


def test_equivalent_rights_are_the_same_right_under_other_names() -> None:
    kinds = pm.RightKind
    assert {frozenset(group) for group in RIGHT_EQUIVALENTS} == {
        frozenset({kinds.ACCESS, kinds.KNOW}),
        frozenset({kinds.ERASURE, kinds.DELETE}),
        frozenset({kinds.RECTIFICATION, kinds.CORRECT}),
    }
    assert equivalent_rights(kinds.DELETE) == {kinds.ERASURE, kinds.DELETE}
    assert equivalent_rights(kinds.OBJECTION) == {kinds.OBJECTION}
    assert equivalent_rights(pm.CustomTerm("x-a")) == {pm.CustomTerm("x-a")}
