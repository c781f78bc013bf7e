"""The five seed policies, encoded in examples/: they load, round-trip, and say what the seed text says."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import privacymodel as pm
from privacymodel.model.fields import Model
from tests.conftest import EXAMPLES, ROOT

SEEDS = {
    "customertimes-2020.yaml": "000_e8781ceec530a24b.txt",
    "customertimes-software-2022.yaml": "001_9d7a01f504e96fe7.txt",
    "customers-ai-2023.yaml": "002_8c26d178d8428037.txt",
    "customer360-2014.yaml": "003_3052ea276e211704.txt",
    "click-and-resolve.yaml": "004_9aa4f3d9296e9063.txt",
}

# What the seed text contains that the encoding leaves out on purpose, and why.
LEFT_OUT: dict[str, dict[str, str]] = {
    "customertimes-2020.yaml": {
        "allaboutcookies.org": "general reading about cookies, not a statement about Customertimes' practices",
    },
    "customertimes-software-2022.yaml": {
        "allaboutcookies.org": "general reading about cookies, not a statement about CTS's practices",
    },
    "customer360-2014.yaml": {
        "customer360.co/wp-content/uploads/2013/12/seal.png": "the image of the TRUSTe seal",
    },
}

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"https?://[^\s)\]>\"'*]+")
BARE_DOMAIN = re.compile(r"(?<![@\w./%-])(?:[a-z0-9-]+\.)+(?:org|com|co|ai|tk|gov|info|net)\b(?:/[\w./?=&%-]*)?")
PHONE = re.compile(r"\+\d[\d .()-]{6,}\d")
# Cookie names the field knows (reference/vocabularies.md): any that a seed mentions must be encoded.
KNOWN_COOKIES = ("_ga", "_gid", "_gat_gtag_", "NID", "ANID", "1P_JAR", "_mkto_trk", "bcookie", "lidc", "li_sugr",
                 "UserMatchHistory", "AnalyticsSyncHistory", "li_fat_id", "_fbp", "fr")  # fmt: skip


def normal_url(url: str) -> str:
    url = url.rstrip(".,;:").replace("%3A", ":").replace("%3a", ":")
    url = re.sub(r"^(?:https?:)?//", "", url)
    url = re.sub(r"^www\.", "", url)
    return url.rstrip("/").lower()


def urls_in(text: str) -> set[str]:
    found = {normal_url(u) for u in URL.findall(text)}
    without_full = URL.sub(" ", text)
    found |= {normal_url(u) for u in BARE_DOMAIN.findall(without_full)}
    return found


def values(obj: Any) -> Iterator[tuple[str, str]]:
    """(format, value) for every formatted string in a policy, and ('cookie', name) for cookie names."""
    if isinstance(obj, Model):
        for field in attrs.fields(type(obj)):  # type: ignore[misc]
            value = getattr(obj, field.name)
            fmt = field.metadata.get("fmt")
            if isinstance(obj, pm.Cookie) and field.name in ("name", "name_prefix") and value:
                yield "cookie", value
            elif fmt in ("email", "uri", "phone") and isinstance(value, str):
                yield fmt, value
            elif isinstance(value, (Model, tuple)):
                yield from values(value)
    elif isinstance(obj, tuple):
        for item in obj:
            yield from values(item)


@pytest.fixture(params=sorted(SEEDS), ids=lambda name: name.removesuffix(".yaml"))
def example(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_the_five_examples_are_there() -> None:
    assert sorted(p.name for p in EXAMPLES) == sorted(SEEDS)


def test_example_loads_without_errors_and_round_trips(example: str) -> None:
    path = ROOT / "examples" / example
    policy = pm.load(path)
    assert [p for p in pm.validate_file(path) if p.severity == "error"] == []
    text = pm.dump(policy)
    assert pm.loads(text) == policy
    assert pm.dump(pm.loads(text)) == text


def test_example_is_a_template(example: str) -> None:
    lines = (ROOT / "examples" / example).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ")
    assert re.search(r"\d{4}|no date", lines[0]), "the first line names the policy and its date"
    assert "# yaml-language-server: $schema=../schemas/privacy-policy.schema.json" in lines[:5]


def test_encoding_states_what_the_seed_states(example: str, shared: Path) -> None:
    """Every email, URL, phone number and known cookie name in the seed is in the encoding, or left out with a reason."""
    seed = (shared / "seeds" / SEEDS[example]).read_text(encoding="utf-8")
    if example == "customers-ai-2023.yaml":
        seed = seed.split("LET'S CHAT ABOUT LEAD CAPTURE")[0]  # marketing text after the policy
    encoded_text = (ROOT / "examples" / example).read_text(encoding="utf-8")
    policy = pm.load(ROOT / "examples" / example)
    encoded = set(values(policy))
    left_out = LEFT_OUT.get(example, {})

    emails = {value.lower() for fmt, value in encoded if fmt == "email"}
    for email in set(EMAIL.findall(seed)):
        assert email.lower() in emails or email in left_out, f"{email} is in the seed but not encoded"

    urls = {normal_url(value) for fmt, value in encoded if fmt == "uri"} | urls_in(encoded_text)
    for url in urls_in(seed):
        assert url in urls or url in left_out, f"{url} is in the seed but not encoded"

    phones = {re.sub(r"\D", "", value) for fmt, value in encoded if fmt == "phone"}
    for phone in PHONE.findall(seed):
        assert re.sub(r"\D", "", phone) in phones, f"{phone} is in the seed but not encoded"

    cookies = {value for fmt, value in encoded if fmt == "cookie"}
    for name in KNOWN_COOKIES:
        if re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", seed):
            assert name in cookies, f"cookie {name} is in the seed but not encoded"


def test_encoding_invents_nothing(example: str, shared: Path) -> None:
    """Every email, URL, phone number and cookie name in the encoding appears in the seed text."""
    seed = (shared / "seeds" / SEEDS[example]).read_text(encoding="utf-8")
    seed_urls = urls_in(seed) | {normal_url(u) for u in re.findall(r"http%3A//[^\s)]+", seed)}
    seed_digits = re.sub(r"\D", "", seed)
    for fmt, value in set(values(pm.load(ROOT / "examples" / example))):
        if fmt == "email":
            assert value.lower() in seed.lower(), value
        elif fmt == "uri":
            assert normal_url(value) in seed_urls, value
        elif fmt == "phone":
            assert re.sub(r"\D", "", value) in seed_digits, value
        else:
            assert re.search(rf"(?<![\w]){re.escape(value)}", seed), f"cookie {value} is not in the seed"


def test_2022_borrows_nothing_from_2020() -> None:
    """The 2022 notice states no rights but cookie opt-out, no legal bases, contacts or GDPR section."""
    policy = pm.load(ROOT / "examples" / "customertimes-software-2022.yaml")
    assert policy.controllers[0].contacts is None
    assert policy.legal_bases is None
    assert [right.kind for right in policy.rights or ()] == [pm.RightKind.COOKIE_OPT_OUT]
    assert policy.children is None
    assert policy.security is None
    assert policy.laws is None


def test_customer360_states_both_roles() -> None:
    policy = pm.load(ROOT / "examples" / "customer360-2014.yaml")
    roles = {role.role for role in policy.controllers[0].roles or ()}
    assert roles == {pm.PartyRole.CONTROLLER, pm.PartyRole.PROCESSOR}


def _counts(policy: pm.PrivacyPolicy) -> tuple[int, int, int, int]:
    return (len(policy.data_categories or ()), len(policy.recipients or ()), len(policy.cookies or ()), len(policy.rights or ()))


def test_readme_table_matches_the_examples() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for example in SEEDS:
        policy = pm.load(ROOT / "examples" / example)
        row = re.search(rf"^\| \[`{re.escape(example)}`\]\(examples/{re.escape(example)}\) \|(.*)$", readme, re.MULTILINE)
        assert row, f"no README row for {example}"
        cells = [cell.strip() for cell in row.group(1).split("|")]
        assert tuple(int(c) for c in cells[2:6]) == _counts(policy), example
        assert cells[0] == policy.controllers[0].name
