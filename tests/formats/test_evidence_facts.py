"""The known-tracker facts shipped with the package are what the Open Cookie Database derives to, and say where
they come from."""

from __future__ import annotations

import json
from pathlib import Path

from tests.formats.evidence_facts import SOURCE, TARGET, derive, domains, dumps, name_of

DATA = TARGET.parent


def test_the_shipped_facts_are_derived_from_the_database(shared: Path) -> None:
    source = shared / SOURCE.relative_to(SOURCE.parents[2])
    assert TARGET.read_text(encoding="utf-8") == dumps(derive(source)), "run: python -m tests.formats.evidence_facts --write"


def test_the_facts_keep_no_prose() -> None:
    facts = json.loads(TARGET.read_text(encoding="utf-8"))
    assert facts["fields"] == ["name", "prefix", "platform", "category", "domains"]
    assert all(len(row) == 5 for row in facts["cookies"])
    assert max(len(row[2]) for row in facts["cookies"]) < 60  # platform names, not descriptions
    assert {row[3] for row in facts["cookies"]} <= {"functional", "analytics", "marketing", "security", "strictly-necessary"}


def test_the_licence_and_the_notice_ship_beside_the_facts() -> None:
    notice = (DATA / "NOTICE").read_text(encoding="utf-8")
    assert "Open Cookie Database" in notice
    assert "Apache License, Version 2.0" in notice
    assert "changed" in notice
    assert "Apache License" in (DATA / "OPEN-COOKIE-DATABASE-LICENSE").read_text(encoding="utf-8")


def test_domains_and_names_are_read_from_the_columns() -> None:
    assert domains(".bing.com (3rd party) or .microsoft.com (3rd party)") == ["bing.com", "microsoft.com"]
    assert domains(".amplitude.com.") == ["amplitude.com"]
    assert domains("ads-[account].adhese.com") == []
    assert name_of(" _ga ") == "_ga"
    assert name_of("Site History") is None
    assert name_of("a\u00adb") is None
