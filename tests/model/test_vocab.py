"""The vocabulary package: one module per family, every name importable from the package and the library."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest

import privacymodel as pm
from privacymodel.model import vocab

FAMILIES = {
    "base": {"CustomTerm", "Vocabulary"},
    "data": {"DataCategoryTerm", "DataSource", "Identifiability"},
    "subjects": {"DataSubjectTerm"},
    "operations": {"OperationTerm"},
    "purposes": {"PurposeTerm", "LegalBasisTerm"},
    "rights": {"RightKind", "LawTerm", "RecourseKind", "ChoiceKind", "NotificationMethod"},
    "parties": {"PartyRole", "ContactPurpose", "RecipientKind"},
    "trackers": {"TrackerParty", "TrackerTechnology", "CookieCategory"},
    "measures": {"MeasureTerm", "TransferMechanism"},
}


def family(name: str) -> ModuleType:
    return importlib.import_module(f"privacymodel.model.vocab.{name}")


def test_every_module_of_the_package_is_a_known_family() -> None:
    assert {info.name for info in pkgutil.iter_modules(vocab.__path__)} == set(FAMILIES)


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_a_family_defines_its_classes(name: str) -> None:
    module = family(name)
    classes = {n for n in module.__all__ if isinstance(getattr(module, n), type)}
    assert classes == FAMILIES[name]
    for class_name in classes:
        assert getattr(module, class_name).__module__ == module.__name__


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_a_familys_names_are_reachable_from_the_package_and_the_library(name: str) -> None:
    module = family(name)
    for exported in module.__all__:
        value = getattr(module, exported)
        assert getattr(vocab, exported) is value, exported
        if isinstance(value, type):
            assert exported in pm.__all__, exported
            assert getattr(pm, exported) is value, exported


def test_the_package_names_exactly_what_its_families_define() -> None:
    defined = [n for name in FAMILIES for n in family(name).__all__]
    assert len(defined) == len(set(defined))
    assert sorted(vocab.__all__) == sorted(defined)


def test_every_vocabulary_is_public() -> None:
    public = [getattr(pm, name) for name in pm.__all__]
    vocabularies = {v for v in public if isinstance(v, type) and issubclass(v, pm.Vocabulary) and v is not pm.Vocabulary}
    assert set(pm.Vocabulary.__subclasses__()) == vocabularies
    assert len(vocabularies) == sum(len(classes) for classes in FAMILIES.values()) - 2


def test_namespaces_and_special_categories() -> None:
    assert vocab.DPV == "https://w3id.org/dpv#"
    assert vocab.PD == "https://w3id.org/dpv/pd#"
    assert vocab.EU_GDPR == "https://w3id.org/dpv/legal/eu/gdpr#"
    assert len(vocab.SPECIAL_CATEGORIES) == 10
    assert all("Art. 9" in term.description for term in vocab.SPECIAL_CATEGORIES)
    assert pm.CustomTerm("x-a").startswith("x-")
