"""Named value formats: country codes and the checks that go with each format."""

from __future__ import annotations

import re

import pytest

from privacymodel.model.formats import COUNTRY_CODES, FORMATS


def test_country_codes_are_iso_3166_alpha_2() -> None:
    assert len(COUNTRY_CODES) == 249
    assert list(COUNTRY_CODES) == sorted(set(COUNTRY_CODES))
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in COUNTRY_CODES)
    assert {"DE", "GB", "US", "XK"} & set(COUNTRY_CODES) == {"DE", "GB", "US"}
    assert FORMATS["country"].enum == COUNTRY_CODES


@pytest.mark.parametrize(
    ("fmt", "value", "expected"),
    [
        ("date", "2021-02-28", True),
        ("date", "2021-02-30", False),
        ("date", "2021-2-28", False),
        ("country", "DE", True),
        ("country", "ZZ", False),
        ("duration", "P2Y", True),
        ("duration", "P", False),
        ("duration", "PT", False),
        ("lifetime", "session", True),
        ("text", "  ", False),
    ],
)
def test_formats_check_values(fmt: str, value: str, expected: bool) -> None:
    assert FORMATS[fmt].check(value) is expected
