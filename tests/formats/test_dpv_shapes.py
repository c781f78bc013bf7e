"""SHACL shapes derived from DPV 2.3's domains and ranges, and the DPV export checked against them with pyshacl.

The shapes (``data/dpv-shapes.ttl``) are generated here from DPV's own facts: the concepts and their parents
(``rdf:type``, ``rdfs:subClassOf`` and ``skos:broader`` in DPV's CSV exports beside the clone, and
``data/dpv-concepts.csv`` for the core modules those leave out) and each property's ``dcam:domainIncludes``,
``dcam:rangeIncludes`` and ``rdfs:subPropertyOf`` (``data/dpv-properties.csv``, each row naming its source).

A value of a property must be a concept within one of its ranges (the range or a narrower concept of it), or a
node that is one through ``rdf:type``, ``skos:broader`` or ``rdfs:subClassOf`` (an instance of such a concept,
or a concept declared below one). A property's ranges and domains hold for its sub-properties too, as RDFS has
it. A domain DPV declares is checked on the subject; DPV's "also used" declarations in other modules add uses,
not restrictions. The generated file is committed so the export is checked without ``../shared``; a test
regenerates it from the CSVs and compares.
"""

from __future__ import annotations

import copy
import csv
import functools
import json
from collections import deque
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import privacymodel as pm
from privacymodel.model.vocab import DPV
from privacymodel.strategies import policies
from tests.conftest import EXAMPLES

rdflib = pytest.importorskip("rdflib")
pyshacl = pytest.importorskip("pyshacl")
# rdflib's own JSON-LD parser calls its deprecated ConjunctiveGraph; that is rdflib's business, not ours.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

DATA = Path(__file__).parent / "data"
SHAPES = DATA / "dpv-shapes.ttl"
CONCEPTS = DATA / "dpv-concepts.csv"
PROPERTIES = DATA / "dpv-properties.csv"
# DPV's locations extension names each country loc:<ISO 3166-1 alpha-2 code>, a dpv:Country (DPV 2.3,
# loc/modules/locations.ttl). Which country is a third country depends on the law, for which DPV lists none, so a
# country of loc is taken where a dpv:ThirdCountry, or a dpv:Country or a concept above it, is asked for.
LOC_COUNTRY = r"^https://w3id\.org/dpv/loc#[A-Z]{2}$"
_PREFIXES = """\
@prefix dpv: <https://w3id.org/dpv#> .
@prefix pmx: <urn:privacymodel:shapes#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""


def _split(cell: str | None) -> list[str]:
    return [iri for iri in (cell or "").split(";") if iri]


def parents(shared: Path) -> dict[str, set[str]]:
    """Every DPV concept named in the CSV exports and the supplement, with the concepts it is narrower than."""
    found: dict[str, set[str]] = {}
    for path in [*sorted((shared / "reference" / "dpv").glob("*.csv")), CONCEPTS]:
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row.get("iri"):
                    above = found.setdefault(row["iri"], set())
                    above.update(iri for column in ("dpvtype", "subclassof", "hasbroader") for iri in _split(row[column]))
    return found


def properties() -> dict[str, dict[str, Any]]:
    """The properties the export may use, by IRI: their super-property, domains, ranges and source."""
    with PROPERTIES.open(encoding="utf-8") as handle:
        return {
            row["property"]: {
                "super": row["subproperty_of"] or None,
                "domains": _split(row["domain"]),
                "ranges": _split(row["range"]),
                "source": row["source"],
            }
            for row in csv.DictReader(handle)
        }


def narrower(concept: str, above: dict[str, set[str]]) -> list[str]:
    """``concept`` and every concept narrower than it, sorted."""
    below: dict[str, set[str]] = {}
    for child, ups in above.items():
        for up in ups:
            below.setdefault(up, set()).add(child)
    seen, queue = {concept}, deque([concept])
    while queue:
        for child in below.get(queue.popleft(), ()):
            if child not in seen:
                seen.add(child)
                queue.append(child)
    return sorted(seen)


def _lineage(prop: str, props: dict[str, dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """``prop`` and the properties it is a sub-property of, nearest first, each with its facts."""
    chain = []
    while prop:
        chain.append((prop, props[prop]))
        prop = props[prop]["super"]
    return chain


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def _class_shape(concept: str, above: dict[str, set[str]]) -> str:
    name, below = _local(concept), narrower(concept, above)
    members = " ".join(f"<{iri}>" for iri in below)
    options = [
        f"pmx:{name}-concepts",
        (
            "[ sh:property [ sh:path [ sh:oneOrMorePath [ sh:alternativePath ( rdf:type skos:broader rdfs:subClassOf ) ] ] ;"
            f" sh:qualifiedValueShape pmx:{name}-concepts ; sh:qualifiedMinCount 1 ] ]"
        ),
    ]
    if DPV + "Country" in below or concept == DPV + "ThirdCountry":
        options.append(f'[ sh:nodeKind sh:IRI ; sh:pattern "{LOC_COUNTRY.replace(chr(92), chr(92) * 2)}" ]')
    joined = "\n        ".join(options)
    return (
        f"pmx:{name}-concepts a sh:NodeShape ;\n    sh:in ( {members} ) .\n\n"
        f"pmx:{name} a sh:NodeShape ;\n    sh:or (\n        {joined}\n    ) .\n"
    )


def _property_shapes(prop: str, declared: str, facts: dict[str, Any]) -> list[str]:
    """The shapes of ``prop`` for the ranges and domains ``declared`` (itself or a super-property) has: its values
    must be within one of the ranges, its subjects within one of the domains."""
    name, suffix = _local(prop), "" if declared == prop else f"-as-{_local(declared)}"
    shapes = []
    for role, target, classes in (
        ("values", "sh:targetObjectsOf", facts["ranges"]),
        ("subjects", "sh:targetSubjectsOf", facts["domains"]),
    ):
        if classes:
            wanted = " or ".join(f"dpv:{_local(c)}" for c in classes)
            what = f"a value of dpv:{name} is not a {wanted} or narrower"
            if role == "subjects":
                what = f"the subject of dpv:{name} is not a {wanted}"
            options = " ".join(f"pmx:{_local(c)}" for c in classes)
            message = f"{what} ({facts['source']})"
            shapes.append(
                f"pmx:{name}-{role}{suffix} a sh:NodeShape ;\n    {target} <{prop}> ;\n"
                f'    sh:or ( {options} ) ;\n    sh:message "{message}" .\n'
            )
    return shapes


def generate(shared: Path) -> str:
    """The shapes, as Turtle: one shape per class a property's domain or range names, then one per property."""
    above, props = parents(shared), properties()
    classes = sorted({c for p in props.values() for c in (*p["domains"], *p["ranges"])})
    blocks = [f"# Generated by tests/formats/test_dpv_shapes.py from DPV 2.3; do not edit.\n{_PREFIXES}"]
    blocks += [_class_shape(concept, above) for concept in classes]
    for prop in sorted(props):
        for declared, facts in _lineage(prop, props):
            blocks += _property_shapes(prop, declared, facts)
    return "\n".join(blocks)


@functools.cache
def _shapes() -> Any:
    return rdflib.Graph().parse(SHAPES, format="turtle")


def graph(document: dict[str, Any]) -> Any:
    return rdflib.Graph().parse(data=json.dumps(document), format="json-ld")


def violations(document: dict[str, Any]) -> list[str]:
    """The messages of the shapes the export's graph breaks, each with the node breaking it."""
    conforms, results, _ = pyshacl.validate(graph(document), shacl_graph=_shapes(), inference="none")
    if conforms:
        return []
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    return sorted(
        f"{results.value(r, sh.resultMessage)}: {results.value(r, sh.value)}" for r in results.subjects(sh.resultMessage)
    )


def test_the_shapes_are_those_dpv_2_3_gives(shared: Path) -> None:
    assert SHAPES.read_text(encoding="utf-8") == generate(shared), "regenerate data/dpv-shapes.ttl with generate()"


def test_every_property_with_a_source_and_every_class_it_names_known(shared: Path) -> None:
    above = parents(shared)
    known = set(above) | {p for ups in above.values() for p in ups}
    for prop, facts in properties().items():
        assert facts["source"].startswith("DPV 2.3"), prop
        assert prop in known or prop.startswith(DPV), prop
        for concept in (*facts["domains"], *facts["ranges"]):
            assert concept in known, f"{prop}: {concept} is not a DPV 2.3 concept the CSVs or the supplement name"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_export_passes_the_shapes(path: Path) -> None:
    assert violations(pm.to_dpv(pm.load(path))) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(policies())
def test_every_generated_policy_export_passes_the_shapes(policy: pm.PrivacyPolicy) -> None:
    assert violations(pm.to_dpv(policy)) == []


@functools.cache
def _example() -> dict[str, Any]:
    """The export of an example that passes the shapes (see the examples' test)."""
    return pm.to_dpv(pm.load(next(p for p in EXAMPLES if p.stem == "customertimes-2020")))


def _find(document: dict[str, Any], fragment: str) -> dict[str, Any]:
    return next(node for node in document["@graph"] if node["@id"].endswith(fragment))


def _mutated(change: str) -> dict[str, Any]:
    """The export of an example with one thing done the way the shapes forbid."""
    document = copy.deepcopy(_example())
    top = document["@graph"][0]
    if change == "dpo on the process":
        top["dpv:hasDataProtectionOfficer"] = {"@id": top["@id"].replace("#policy", "#dpo")}
        document["@graph"].append({"@id": top["dpv:hasDataProtectionOfficer"]["@id"], "@type": DPV + "DataProtectionOfficer"})
    elif change == "duration as a literal":
        top["dpv:hasDuration"] = "P6M"
    elif change == "project term undeclared":
        document["@graph"] = [n for n in document["@graph"] if not n["@id"].startswith("urn:privacymodel:term:OperationTerm")]
    elif change == "data as a purpose":
        top["dpv:hasPurpose"].append({"@id": "https://w3id.org/dpv/pd#EmailAddress"})
    elif change == "untyped recipient":
        recipient = _find(document, "#recipient/google")
        recipient["@type"] = []
    return document


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("dpo on the process", "the subject of dpv:hasDataProtectionOfficer is not a dpv:Entity"),
        ("duration as a literal", "a value of dpv:hasDuration is not a dpv:Duration or narrower"),
        ("project term undeclared", "a value of dpv:hasProcessing is not a dpv:Processing or narrower"),
        ("data as a purpose", "a value of dpv:hasPurpose is not a dpv:Purpose or narrower"),
        ("untyped recipient", "a value of dpv:hasRecipient is not a dpv:Recipient or narrower"),
    ],
)
def test_the_shapes_catch_an_export_gone_wrong(change: str, expected: str) -> None:
    found = violations(_mutated(change))
    assert any(message.startswith(expected) for message in found), found
