"""The suggestion tables: every value they suggest is valid, every country is in them once, and nothing is guessed."""

from __future__ import annotations

import difflib
from typing import Any

import pytest

from privacymodel.codec.suggest import custom_term_hint, format_hint, law_of, term_hint
from privacymodel.model.formats import COUNTRY_CODES, FORMATS
from privacymodel.model.hints import names, terms
from privacymodel.model.vocab import LegalBasisTerm, PurposeTerm, RightKind


def test_every_country_is_in_the_table_once_with_its_alpha_3_code() -> None:
    rows = [line.split(" ", 2) for line in names._COUNTRIES.strip().splitlines()]
    assert sorted(code for code, _, _ in rows) == sorted(COUNTRY_CODES)
    assert len({alpha3 for _, alpha3, _ in rows}) == len(rows)
    spelt = [names.fold(name) for _, alpha3, others in rows for name in (alpha3, *others.split("|"))]
    assert len(spelt) == len(set(spelt)), [name for name in spelt if spelt.count(name) > 1]


def test_every_value_a_table_suggests_has_its_format() -> None:
    assert all(FORMATS["country"].check(code) for code in names._countries().values())
    assert all(FORMATS["region"].check(code) for code in (*names._subdivisions().values(), *names._REGIONS.values()))
    assert all(FORMATS["language"].check(tag) for tag in names._languages().values())
    assert all(term in LegalBasisTerm._value2member_map_ for pair in terms._BASES_IN_WORDS.values() for term in pair)
    assert all(kind in RightKind._value2member_map_ for pair in terms._RIGHTS_IN_WORDS.values() for kind in pair)


@pytest.mark.parametrize(
    ("name", "value", "hint"),
    [
        ("country", "U.S.A.", "did you mean 'US'?"),
        ("country", "Great Britain", "did you mean 'GB'?"),
        ("country", "Côte d'Ivoire", "did you mean 'CI'?"),
        ("country", "EL", "did you mean 'GR'?"),
        ("country", "Atlantis", None),
        ("region", "European Union", "did you mean 'EU'?"),
        ("region", "worldwide", "did you mean 'WORLD'?"),
        ("region", "California", "did you mean 'US-CA'?"),
        ("region", "us-ca", "did you mean 'US-CA'?"),
        ("region", "Georgia", "did you mean 'GE' or 'US-GA'?"),
        ("date", "2020-8-1", "did you mean '2020-08-01'?"),
        ("date", "2020-08-13T10:00:00Z", "did you mean '2020-08-13'?"),
        ("date", "13 Aug 2020", "did you mean '2020-08-13'?"),
        ("date", "2020-02-30", None),
        ("duration", "24h", "did you mean 'PT24H'?"),
        ("duration", "P1D12H", "did you mean 'P1DT12H'?"),
        ("duration", "1.5 years", None),
        ("lifetime", "Session", "did you mean 'session'?"),
        ("lifetime", "2 years", "did you mean 'P2Y'?"),
        ("email", "mailto:privacy@example.com", "did you mean 'privacy@example.com'?"),
        ("email", "<privacy@example.com>", "did you mean 'privacy@example.com'?"),
        ("hostname", "https://www.google-analytics.com/collect", "did you mean 'www.google-analytics.com'?"),
        ("id", "my purpose", "did you mean 'my-purpose'?"),
        ("phone", "Tel: +1 555 0100", "did you mean '+1 555 0100'?"),
        ("version", "1.0", "did you mean '1.0.0'?"),
        ("text", "anything", None),
    ],
)
def test_format_hints(name: str, value: str, hint: str | None) -> None:
    assert format_hint(name, value) == hint


@pytest.mark.parametrize(
    ("vocabulary", "value", "law", "hint"),
    [
        (LegalBasisTerm, "6(1)(f)", None, "did you mean 'A6-1-f'?"),
        (LegalBasisTerm, "article 6, paragraphe 1, point e) du RGPD", None, "did you mean 'A6-1-e'?"),
        (LegalBasisTerm, "Art. 6(1)(g)", None, None),  # no such point
        (LegalBasisTerm, "Art. 9(1)(a)", None, None),  # Art. 9(1) is the prohibition, not a basis
        (LegalBasisTerm, "the legitimate interests", "gdpr", "did you mean 'A6-1-f'?"),
        (RightKind, "right to be forgotten", "gdpr", "did you mean 'erasure'?"),
        (RightKind, "Right to Delete", "ccpa", "did you mean 'delete'?"),
        (RightKind, "deletion", None, "did you mean 'erasure' (GDPR) or 'delete' (US state laws)?"),
        (PurposeTerm, "Direct Marketing", None, "did you mean 'direct-marketing'?"),
        (PurposeTerm, "markting", None, None),  # a close spelling is the caller's to find
    ],
)
def test_term_hints(vocabulary: Any, value: str, law: str | None, hint: str | None) -> None:
    assert term_hint(vocabulary, value, law) == hint


def test_suggestions_call_no_fuzzy_matcher(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(difflib, "get_close_matches", lambda word, *_, **__: calls.append(word) or [])
    term_hint(PurposeTerm, "markting")
    format_hint("country", "Atlantis")
    assert calls == []


def test_a_long_value_gets_no_suggestion() -> None:
    long = "United States " * 100
    assert format_hint("country", long) is None
    assert term_hint(LegalBasisTerm, "Art. 6(1)(b) " * 100) is None
    assert custom_term_hint("x-" + "a b" * 100) is None


def test_the_law_beside_a_value_is_read_from_plain_data() -> None:
    data = {"legal_bases": [{"id": "a", "basis": "x", "law": "gdpr"}, {"id": "b", "basis": "y"}]}
    assert law_of(data, ("legal_bases", 0, "basis")) == "gdpr"
    assert law_of(data, ("legal_bases", 1, "basis")) is None
    assert law_of(data, ("legal_bases", 5, "basis")) is None
    assert law_of(None, ("legal_bases", 0, "basis")) is None
