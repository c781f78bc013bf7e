"""fideslang out: manifests that fideslang's own models load, every key one of its default taxonomy."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given

import privacymodel as pm
from privacymodel.codec.locate import place
from privacymodel.codec.yaml_write import dump_yaml
from privacymodel.formats.fides import terms
from privacymodel.strategies import policies
from tests.conftest import EXAMPLES

fideslang = pytest.importorskip("fideslang")
from fideslang import models as fides_models  # noqa: E402 - only once fideslang is known to be installed
from fideslang.default_taxonomy import DEFAULT_TAXONOMY  # noqa: E402

Taxonomy = fides_models.Taxonomy


def _keys(items: list[Any]) -> set[str]:
    """The keys of the taxonomy items that are not deprecated."""
    return {item.fides_key for item in items if item.version_deprecated is None}


CATEGORIES = _keys(DEFAULT_TAXONOMY.data_category)
USES = _keys(DEFAULT_TAXONOMY.data_use)
SUBJECTS = _keys(DEFAULT_TAXONOMY.data_subject)


def _load(manifest: dict[str, Any]) -> Any:
    """The manifest as written (YAML) and read back, loaded with fideslang's models."""
    data = yaml.safe_load(dump_yaml(manifest))
    assert data == manifest, "the YAML written reads back as the manifest"
    return Taxonomy.model_validate(data)


def _declared(taxonomy: Any) -> Iterator[tuple[str, str]]:
    """Every taxonomy key the loaded manifest names, with the kind it must be: category, use or subject."""
    for system in taxonomy.system:
        for declaration in system.privacy_declarations:
            yield from (("category", key) for key in (*declaration.data_categories, *declaration.shared_categories))
            yield "use", declaration.data_use
            yield from (("subject", key) for key in declaration.data_subjects)
    for dataset in taxonomy.dataset:
        for collection in dataset.collections:
            for field in collection.fields:
                yield from (("category", key) for key in field.data_categories or ())
                yield from (("subject", key) for key in field.data_subjects or ())


def _assert_keys_resolve(taxonomy: Any) -> None:
    known = {"category": CATEGORIES, "use": USES, "subject": SUBJECTS}
    unknown = [(kind, key) for kind, key in _declared(taxonomy) if key not in known[kind]]
    assert unknown == []


# The tables of facts.


@pytest.mark.parametrize(
    ("table", "keys"),
    [(terms.DATA_CATEGORIES, CATEGORIES), (terms.DATA_USES, USES), (terms.DATA_SUBJECTS, SUBJECTS)],
    ids=["data categories", "data uses", "data subjects"],
)
def test_every_table_value_is_a_key_of_the_default_taxonomy(table: Mapping[Any, str], keys: set[str]) -> None:
    assert sorted(set(table.values()) - keys) == []


@pytest.mark.parametrize(
    ("table", "enumeration"),
    [
        (terms.LEGAL_BASES, fides_models.LegalBasisForProcessingEnum),
        (terms.SPECIAL_CATEGORY_BASES, fides_models.SpecialCategoryLegalBasisEnum),
        (terms.TRANSFER_BASES, fides_models.LegalBasisForTransfersEnum),
        (terms.RESPONSIBILITIES, fides_models.DataResponsibilityTitle),
    ],
    ids=["legal bases", "special category bases", "transfer bases", "responsibilities"],
)
def test_every_enumerated_value_is_fideslangs(table: Mapping[Any, str], enumeration: type[Enum]) -> None:
    assert sorted(set(table.values()) - {member.value for member in enumeration}) == []


@pytest.mark.parametrize(
    ("vocabulary", "table", "none"),
    [
        (pm.DataCategoryTerm, terms.DATA_CATEGORIES, terms.NO_DATA_CATEGORY),
        (pm.PurposeTerm, terms.DATA_USES, terms.NO_DATA_USE),
        (pm.DataSubjectTerm, terms.DATA_SUBJECTS, terms.NO_DATA_SUBJECT),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_every_term_is_mapped_or_set_aside_once(vocabulary: type[Enum], table: Mapping[Any, str], none: frozenset[Any]) -> None:
    assert set(table) & none == set()
    assert set(vocabulary) - set(table) - none == set(), "a new term: map it, or set it aside as having no counterpart"


# The examples.


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_loads_in_fideslang_and_declares_its_purposes(path: Path) -> None:
    policy = pm.load(path)
    notes: list[pm.Problem] = []
    manifest = pm.to_fides(policy, notes=notes)
    taxonomy = _load(manifest)
    _assert_keys_resolve(taxonomy)
    (system,) = taxonomy.system
    assert system.fides_key == policy.controllers[0].id
    assert system.name == policy.document.title
    uses = {declaration.data_use for declaration in system.privacy_declarations}
    mapped = [p for p in policy.purposes or () if p.term in terms.DATA_USES]
    assert uses == {terms.DATA_USES[p.term] for p in mapped}
    names = {declaration.name for declaration in system.privacy_declarations}
    assert len(names) == len(system.privacy_declarations), "declaration names are unique"
    for purpose in mapped:
        assert purpose.id in names or any(name.endswith(f": {purpose.id}") for name in names)
    (dataset,) = taxonomy.dataset
    assert system.dataset_references == [dataset.fides_key]
    fields = {field.name for collection in dataset.collections for field in collection.fields}
    assert fields == {c.id for c in policy.data_categories or () if c.term in terms.DATA_CATEGORIES}
    assert notes, "every example states something fideslang cannot hold"
    assert {note.code for note in notes} == {"PM404"}


def test_export_is_deterministic() -> None:
    policy = pm.load(EXAMPLES[0])
    assert dump_yaml(pm.to_fides(policy)) == dump_yaml(pm.to_fides(pm.load(EXAMPLES[0])))


# What a policy links, and what the export says it cannot hold.

POLICY = """\
privacymodel: 1.1.0
document:
  title: Shop policy
  url: https://shop.example/privacy
controllers:
  - id: shop
    name: Shop Ltd
    roles:
      - role: controller
data_subjects:
  - id: buyers
    term: customer
  - id: members
    term: member
data_categories:
  - id: email
    term: email-address
  - id: health
    term: health
  - id: points
    term: x-loyalty-points
  - id: clicks
    term: browsing-behaviour
    subjects: [buyers]
purposes:
  - id: ads
    term: advertising
  - id: sale
    term: business-transfer
  - id: support
    term: customer-care
legal_bases:
  - id: consent
    basis: A6-1-a
  - id: interests
    basis: A6-1-f
    purposes: [support]
  - id: contract
    basis: A6-1-b
    purposes: [support]
  - id: vital
    basis: A6-1-d
recipients:
  - id: adco
    name: AdCo
    kind: advertising-network
    data: [clicks]
  - id: host
    kind: hosting-provider
retention:
  - id: two-years
    period: P2Y
    purposes: [ads]
processing:
  - id: adverts
    data: [email, clicks]
    subjects: [buyers, members]
    purposes: [ads]
    legal_bases: [consent]
    recipients: [adco]
transfers:
  - destinations: [US]
    mechanisms: [standard-contractual-clauses, privacy-shield]
"""


def _export(text: str) -> tuple[dict[str, Any], list[pm.Problem]]:
    notes: list[pm.Problem] = []
    manifest = pm.to_fides(pm.loads(text), notes=notes)
    return manifest, place(notes, text, "policy.yaml")


def _note(notes: list[pm.Problem], path: str) -> pm.Problem:
    return next(note for note in notes if note.path == path)


def test_a_processing_statement_is_a_declaration_with_what_it_links() -> None:
    manifest, _ = _export(POLICY)
    (system,) = manifest["system"]
    adverts = next(d for d in system["privacy_declarations"] if d["name"] == "adverts: ads")
    assert adverts == {
        "name": "adverts: ads",
        "data_categories": ["user.contact.email", "user.behavior.browsing_history"],
        "data_use": "marketing.advertising",
        "data_subjects": ["customer"],
        "legal_basis_for_processing": "Consent",
        "retention_period": "P2Y",
        "data_shared_with_third_parties": True,
        "third_parties": "AdCo (advertising-network)",
        "shared_categories": ["user.behavior.browsing_history"],
    }
    assert _load(manifest).system[0].privacy_declarations


def test_the_recipients_that_carry_out_a_statement_receive_its_data() -> None:
    manifest, _ = _export(POLICY.replace("    recipients: [adco]\n", "    by: [shop, adco]\n"))
    adverts = manifest["system"][0]["privacy_declarations"][0]
    assert adverts["third_parties"] == "AdCo (advertising-network)"
    assert adverts["shared_categories"] == ["user.behavior.browsing_history"]


def test_a_purpose_no_statement_names_has_every_data_category() -> None:
    manifest, notes = _export(POLICY)
    (system,) = manifest["system"]
    assert [d["name"] for d in system["privacy_declarations"]] == ["adverts: ads", "support"]
    support = system["privacy_declarations"][1]
    assert support["data_use"] == "essential.service.operations.support"
    assert support["data_categories"] == ["user.contact.email", "user.health_and_medical", "user.behavior.browsing_history"]
    assert support["data_subjects"] == ["customer"], "the subjects the policy names for its data, not every subject"
    assert support["processes_special_category_data"] is True
    assert "legal_basis_for_processing" not in support, "two bases apply to it, and a declaration holds one"
    conflict = _note(notes, "$.purposes[2]")
    assert "the policy links 'Legitimate interests' and 'Contract' to it" in conflict.message
    assert (conflict.line, conflict.column) == (30, 5)


def test_the_system_holds_the_parties_transfers_and_dataset() -> None:
    manifest, _ = _export(POLICY)
    (system,) = manifest["system"]
    assert system["fides_key"] == "shop"
    assert system["privacy_policy"] == "https://shop.example/privacy"
    assert system["legal_name"] == "Shop Ltd"
    assert system["responsibility"] == ["Controller"]
    assert system["does_international_transfers"] is True
    assert system["legal_basis_for_transfers"] == ["SCCs"]
    (dataset,) = manifest["dataset"]
    assert system["dataset_references"] == [dataset["fides_key"]] == ["shop-data"]
    fields = dataset["collections"][0]["fields"]
    assert [f["name"] for f in fields] == ["email", "health", "clicks"]
    assert fields[2] == {"name": "clicks", "data_categories": ["user.behavior.browsing_history"], "data_subjects": ["customer"]}


@pytest.mark.parametrize(
    ("path", "line", "column", "words"),
    [
        ("$.data_subjects[1].term", 14, 11, "'member': not carried over to fideslang; the fideslang 3.1 default taxonomy"),
        ("$.data_categories[2].term", 21, 11, "'x-loyalty-points': not carried over to fideslang"),
        ("$.purposes[1].term", 29, 11, "'business-transfer': not carried over to fideslang"),
        ("$.transfers[0].mechanisms[1]", 63, 48, "'privacy-shield': not carried over to fideslang"),
        ("$.legal_bases[3]", 41, 5, "legal_bases: not carried over to fideslang; the policy links it to no purpose"),
        ("$.recipients[1]", 48, 5, "recipients: not carried over to fideslang; the policy links it to no purpose"),
        ("$.transfers[0].destinations", 62, 19, "transfers[*].destinations: not carried over to fideslang"),
    ],
)
def test_what_fideslang_cannot_hold_is_reported_where_the_policy_says_it(path: str, line: int, column: int, words: str) -> None:
    _, notes = _export(POLICY)
    note = _note(notes, path)
    assert note.code == "PM404"
    assert note.severity == "warning"
    assert (note.line, note.column) == (line, column)
    assert words in note.message


def test_a_term_with_no_counterpart_is_left_out_not_guessed() -> None:
    manifest, _ = _export(POLICY)
    written = yaml.safe_dump(manifest)
    assert "points" not in written
    assert all(d["data_use"] for d in manifest["system"][0]["privacy_declarations"])
    assert "member" not in written


@pytest.mark.parametrize("url", ["https://[::1]/privacy", "urn:example:privacy", "https://xn--a.example/", "https://10.0.0.1/"])
def test_an_address_fideslang_may_refuse_is_reported_not_written(url: str) -> None:
    manifest, notes = _export(POLICY.replace("https://shop.example/privacy", url))
    assert "privacy_policy" not in manifest["system"][0]
    assert "fideslang's URL check may refuse it" in _note(notes, "$.document.url").message
    _load(manifest)


@given(policies())
def test_every_generated_policy_exports_and_loads_in_fideslang(policy: pm.PrivacyPolicy) -> None:
    notes: list[pm.Problem] = []
    taxonomy = _load(pm.to_fides(policy, notes=notes))
    _assert_keys_resolve(taxonomy)
    assert len(taxonomy.system) == 1
    assert all(note.code == "PM404" for note in notes)
