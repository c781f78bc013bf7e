"""Consistency checks that JSON Schema cannot express, and the warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

import privacymodel as pm
from privacymodel.checks import consistency
from privacymodel.checks.consistency import bases_with_purposes, tied_data
from tests.conftest import MINIMAL
from tests.helpers import invoke


def codes(text: str) -> list[tuple[str, str, str, int | None]]:
    return [(p.code, p.severity, p.path, p.line) for p in pm.validate_text(text, file="p.yaml")]


def test_duplicate_id_names_both_places() -> None:
    text = MINIMAL + "purposes:\n  - id: ads\n    term: advertising\n  - id: ads\n    term: marketing\n"
    problems = pm.validate_text(text)
    assert [(p.code, p.path, p.line) for p in problems] == [("PM201", "$.purposes[1].id", 10)]
    assert problems[0].message == "duplicate id 'ads': already used at $.purposes[0].id"


def test_duplicate_contact_ids_across_parties() -> None:
    text = (
        MINIMAL
        + "    contacts:\n      - id: c\n        email: a@b.co\nrepresentative:\n  id: rep\n  name: Rep\n  contacts:\n    - id: c\n      phone: '+1 555 0100'\n"
    )
    assert codes(text) == [("PM201", "error", "$.representative.contacts[0].id", 14)]


def test_dangling_reference() -> None:
    text = MINIMAL + "legal_bases:\n  - id: lb\n    basis: A6-1-b\n    purposes: [sales]\n"
    problems = pm.validate_text(text)
    assert [(p.code, p.path, p.line, p.column) for p in problems] == [("PM202", "$.legal_bases[0].purposes[0]", 10, 16)]
    assert problems[0].message == "'sales' is not the id of any of the policy's purposes"


def test_cookie_provider_not_declared() -> None:
    text = MINIMAL + "cookies:\n  - name: _ga\n    provider: google\n"
    assert codes(text) == [("PM204", "error", "$.cookies[0].provider", 9)]


def test_references_resolve() -> None:
    text = MINIMAL + (
        "    contacts:\n      - id: dpo\n        email: dpo@acme.example\n"
        "recipients:\n  - id: google\n    name: Google\n"
        "cookies:\n  - name: _ga\n    provider: google\n"
        "rights:\n  - kind: access\n    contacts: [dpo]\n"
    )
    assert pm.validate_text(text) == []


def test_updated_before_effective() -> None:
    text = MINIMAL.replace("  title: Example policy", "  title: T\n  effective_date: 2020-02-01\n  last_updated: 2020-01-01")
    problems = pm.validate_text(text)
    assert [(p.code, p.path, p.line) for p in problems] == [("PM203", "$.document.last_updated", 5)]


def test_load_raises_on_consistency_errors() -> None:
    with pytest.raises(pm.PolicyError, match="PM204"):
        pm.loads(MINIMAL + "cookies:\n  - name: _ga\n    provider: google\n")


def test_consent_without_withdrawal_is_a_warning() -> None:
    text = MINIMAL + "legal_bases:\n  - id: c\n    basis: A6-1-a-explicit-consent\n    conditional: true\n"
    assert codes(text) == [("PM301", "warning", "$.legal_bases[0].basis", 9)]
    pm.loads(text)  # warnings do not raise
    assert codes(text + "rights:\n  - kind: withdraw-consent\n") == []


def test_right_that_applies_under_no_basis_used() -> None:
    text = (
        MINIMAL
        + "legal_bases:\n  - id: lo\n    basis: A6-1-c\n    conditional: true\nrights:\n  - kind: portability\n  - kind: access\n"
    )
    assert codes(text) == [("PM302", "warning", "$.rights[0].kind", 12)]


def test_rights_table_inherits_refinements_and_skips_unmapped_bases() -> None:
    text = (
        MINIMAL + "legal_bases:\n  - id: li\n    basis: A6-1-f-controller\n    conditional: true\nrights:\n  - kind: objection\n"
    )
    assert codes(text) == []
    unmapped = MINIMAL + "legal_bases:\n  - id: x\n    basis: A9-2-h\n    conditional: true\nrights:\n  - kind: portability\n"
    assert codes(unmapped) == []


def test_custom_terms_are_visible_as_warnings() -> None:
    text = MINIMAL + "data_categories:\n  - id: pts\n    term: x-loyalty-points\n"
    problems = [p for p in pm.validate_text(text) if p.code != "PM304"]  # the category is tied to no purpose, too
    assert [(p.code, p.severity, p.path) for p in problems] == [("PM303", "warning", "$.data_categories[0].term")]
    assert problems[0].message == "custom term 'x-loyalty-points'"
    policy = pm.loads(text)
    assert policy.data_categories is not None
    assert policy.data_categories[0].term == pm.CustomTerm("x-loyalty-points")


def test_check_on_a_built_policy_has_paths_but_no_positions() -> None:
    policy = pm.PrivacyPolicy(
        privacymodel=pm.FORMAT_VERSION,
        document=pm.Document(title="T"),
        controllers=(pm.Party(id="a", name="A"),),
        cookies=(pm.Cookie(name="_ga", provider="nobody"),),
    )
    [problem] = pm.check(policy)
    assert (problem.code, problem.path, problem.line) == ("PM204", "$.cookies[0].provider", None)


# Format 1.1: the new references, the new collections' ids, and the links between data, bases and purposes.

PARTIES = MINIMAL + (
    "data_subjects:\n  - id: visitors\n    term: visitor\n  - id: parents\n    term: parent\n"
    "purposes:\n  - id: ads\n    term: advertising\n"
    "legal_bases:\n  - id: consent\n    basis: express-consent\n    purposes: [ads]\n"
    "recipients:\n  - id: google\n    name: Google\n"
    "rights:\n  - kind: withdraw-consent\n    subjects: [parents]\n"
)


def test_the_new_references_resolve() -> None:
    text = PARTIES + (
        "data_categories:\n  - id: email\n    term: email-address\n    subjects: [visitors]\n"
        "processing:\n  - id: p\n    data: [email]\n    purposes: [ads]\n    subjects: [visitors, parents]\n    by: [acme, google]\n"
        "cookies:\n  - name: _ga\n    provider: google\n    legal_bases: [consent]\n"
    )
    assert codes(text) == []


def test_a_dangling_reference_names_the_closest_declared_id() -> None:
    text = PARTIES + "processing:\n  - id: p\n    purposes: [ad]\n"
    problems = pm.validate_text(text, file="p.yaml")
    assert [(p.code, p.path, p.line, p.column) for p in problems] == [("PM202", "$.processing[0].purposes[0]", 27, 16)]
    assert problems[0].message == "'ad' is not the id of any of the policy's purposes; did you mean 'ads'?"
    far = pm.validate_text(PARTIES + "processing:\n  - id: p\n    purposes: [zzz]\n")
    assert far[0].message == "'zzz' is not the id of any of the policy's purposes"


def test_by_names_controllers_or_recipients() -> None:
    text = PARTIES + "processing:\n  - id: p\n    purposes: [ads]\n    by: [acme, gogle]\n"
    problems = pm.validate_text(text)
    assert [(p.code, p.path, p.line, p.column) for p in problems] == [("PM202", "$.processing[0].by[1]", 28, 16)]
    assert problems[0].message == (
        "'gogle' is not the id of any of the policy's controllers or recipients; did you mean 'google'?"
    )


@pytest.mark.parametrize(
    ("statement", "path", "line", "column"),
    [
        (
            "data_categories:\n  - id: e\n    term: email-address\n    subjects: [visitor]\n",
            "$.data_categories[0].subjects[0]",
            28,
            16,
        ),
        ("  - kind: access\n    subjects: [parent]\n", "$.rights[1].subjects[0]", 26, 16),
        ("cookies:\n  - name: _ga\n    legal_bases: [consnt]\n", "$.cookies[0].legal_bases[0]", 27, 19),
    ],
)
def test_subjects_and_a_cookies_legal_bases_are_checked(statement: str, path: str, line: int, column: int) -> None:
    text = PARTIES + statement
    errors = [(p.code, p.path, p.line, p.column) for p in pm.validate_text(text) if p.severity == "error"]
    assert errors == [("PM202", path, line, column)]


@pytest.mark.parametrize(
    ("collection", "item", "line"),
    [
        ("data_subjects", "term: visitor", 10),
        ("prohibitions", "operations: [sell]", 10),
        ("recourse", "kind: arbitration", 10),
    ],
)
def test_duplicate_ids_in_the_new_collections(collection: str, item: str, line: int) -> None:
    text = MINIMAL + f"{collection}:\n  - id: x\n    {item}\n  - id: x\n    {item}\n"
    problems = pm.validate_text(text)
    assert [(p.code, p.path, p.line) for p in problems] == [("PM201", f"$.{collection}[1].id", line)]
    assert problems[0].message == f"duplicate id 'x': already used at $.{collection}[0].id"


def test_duplicate_controller_ids() -> None:
    text = MINIMAL + "  - id: acme\n    name: Acme Inc\n"
    assert codes(text) == [("PM201", "error", "$.controllers[1].id", 7)]


def test_express_and_explicit_consent_need_a_right_to_withdraw_it() -> None:
    for basis in ("express-consent", "explicit-consent"):
        text = MINIMAL + f"legal_bases:\n  - id: c\n    basis: {basis}\n    conditional: true\n"
        assert codes(text) == [("PM301", "warning", "$.legal_bases[0].basis", 9)]
    for basis in ("implied-consent", "opt-out-consent"):
        assert codes(MINIMAL + f"legal_bases:\n  - id: c\n    basis: {basis}\n    conditional: true\n") == []


TIED = MINIMAL + (
    "data_categories:\n  - id: email\n    term: email-address\n  - id: ip\n    term: ip-address\n"
    "purposes:\n  - id: ads\n    term: advertising\n"
)


def test_a_data_category_tied_to_no_purpose_is_a_warning() -> None:
    problems = pm.validate_text(TIED, file="p.yaml")
    assert [(p.code, p.severity, p.path, p.line, p.column) for p in problems] == [
        ("PM304", "warning", "$.data_categories[0].id", 8, 9),
        ("PM304", "warning", "$.data_categories[1].id", 10, 9),
    ]
    assert problems[0].message == (
        "the data category 'email' is tied to no purpose: no processing statement, legal basis, recipient, cookie "
        "or retention statement lists it with a purpose"
    )
    pm.loads(TIED)  # a warning: the policy loads


@pytest.mark.parametrize(
    "statement",
    [
        "processing:\n  - id: p\n    data: [email, ip]\n    purposes: [ads]\n",
        "legal_bases:\n  - id: lb\n    basis: A6-1-f\n    data: [email, ip]\n    purposes: [ads]\n",
        "recipients:\n  - id: g\n    name: Google\n    data: [email, ip]\n    purposes: [ads]\n",
        "cookies:\n  - name: _ga\n    data: [email, ip]\n    purposes: [ads]\n",
        "retention:\n  - id: r\n    data: [email, ip]\n    purposes: [ads]\n    period: P1Y\n",
    ],
)
def test_each_kind_of_statement_ties_data_to_a_purpose(statement: str) -> None:
    assert [p.code for p in pm.validate_text(TIED + statement)] == []


@pytest.mark.parametrize(
    "statement",
    [
        "processing:\n  - id: p\n    purposes: [ads]\n",  # data unset: ties nothing
        "retention:\n  - id: r\n    purposes: [ads]\n    period: P1Y\n",  # all data, but says how long, not why
        "processing:\n  - id: p\n    data: [email, ip]\n",  # no purpose
        # through a basis: not stated where the data is named
        "legal_bases:\n  - id: lb\n    basis: A6-1-f\n    purposes: [ads]\nprocessing:\n  - id: p\n    data: [email, ip]\n    legal_bases: [lb]\n",
    ],
)
def test_what_does_not_tie_data_to_a_purpose(statement: str) -> None:
    assert [p.code for p in pm.validate_text(TIED + statement)] == ["PM304", "PM304"]


def test_tied_data_names_the_categories() -> None:
    policy = pm.loads(TIED + "recipients:\n  - id: g\n    name: Google\n    data: [ip]\n    purposes: [ads]\n")
    assert tied_data(policy) == frozenset({"ip"})


BASES = MINIMAL + "purposes:\n  - id: ads\n    term: advertising\nlegal_bases:\n  - id: lb\n    basis: A6-1-f\n"


def test_a_legal_basis_naming_no_purpose_is_a_warning() -> None:
    problems = pm.validate_text(BASES, file="p.yaml")
    assert [(p.code, p.severity, p.path, p.line, p.column) for p in problems] == [
        ("PM305", "warning", "$.legal_bases[0].id", 11, 9)
    ]
    assert problems[0].message == (
        "the legal basis 'lb' (A6-1-f) names no purpose: neither it nor a processing statement or cookie that lists it names one"
    )


@pytest.mark.parametrize(
    "statement",
    [
        "    purposes: [ads]\n",
        "processing:\n  - id: p\n    purposes: [ads]\n    legal_bases: [lb]\n",
        "cookies:\n  - name: _ga\n    purposes: [ads]\n    legal_bases: [lb]\n",
        "    conditional: true\n",  # listed 'where applicable', as the policy lists it
    ],
)
def test_what_gives_a_legal_basis_a_purpose(statement: str) -> None:
    assert pm.validate_text(BASES + statement) == []
    assert bases_with_purposes(pm.loads(BASES + statement)) == (frozenset() if "conditional" in statement else {"lb"})


def test_a_statement_naming_the_basis_without_a_purpose_gives_it_none() -> None:
    text = BASES + "processing:\n  - id: p\n    legal_bases: [lb]\n"
    assert [p.code for p in pm.validate_text(text)] == ["PM305"]


def test_the_new_warnings_through_the_command(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(TIED.replace("purposes:\n", "legal_bases:\n  - id: lb\n    basis: A6-1-f\npurposes:\n"), encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.returncode == 0
    unnamed = "neither it nor a processing statement or cookie that lists it names one"
    untied = "is tied to no purpose: no processing statement, legal basis, recipient, cookie or retention statement lists it"
    assert result.stdout.splitlines() == [
        f"{path}:8:9: PM304 warning: the data category 'email' {untied} with a purpose ($.data_categories[0].id)",
        f"{path}:10:9: PM304 warning: the data category 'ip' {untied} with a purpose ($.data_categories[1].id)",
        f"{path}:13:9: PM305 warning: the legal basis 'lb' (A6-1-f) names no purpose: {unnamed} ($.legal_bases[0].id)",
        "1 file checked: all valid (3 warnings)",
    ]
    assert invoke("validate", "--strict", str(path)).returncode == 1


def test_a_dangling_reference_through_the_command(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(PARTIES + "processing:\n  - id: p\n    purposes: [ad]\n", encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"{path}:27:16: PM202 'ad' is not the id of any of the policy's purposes; did you mean 'ads'? ($.processing[0].purposes[0])"
    )


def test_a_reference_naming_an_item_otherwise_says_so_rather_than_suggest_an_id() -> None:
    text = PARTIES + "processing:\n  - id: p\n    purposes: [advertising]\n    recipients: [Google]\n"
    term = "'advertising' is a purpose term; reference the purpose by its id, e.g. 'ads'"
    name = "'Google' is the name of the recipient 'google'; reference it by its id"
    assert [p.message for p in pm.validate_text(text)] == [
        f"'advertising' is not the id of any of the policy's purposes; {term}",
        f"'Google' is not the id of any of the policy's recipients; {name}",
    ]


def _dangling(ids: list[str], refs: list[str]) -> pm.PrivacyPolicy:
    return pm.PrivacyPolicy(
        privacymodel=pm.FORMAT_VERSION,
        document=pm.Document(title="T"),
        controllers=(pm.Party(id="a", name="A"),),
        purposes=tuple(pm.Purpose(id=item_id, term="advertising") for item_id in ids),
        processing=(pm.Processing(id="p", purposes=tuple(refs)),),
    )


def test_suggestions_are_bounded_for_input_full_of_dangling_references(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each suggestion compares the reference with every declared id: a policy gets at most a budget of comparisons."""
    compared: list[int] = []
    closest = consistency.closest_term
    monkeypatch.setattr(consistency, "closest_term", lambda ref, ids: compared.append(len(ids)) or closest(ref, ids))
    n = 300
    messages = [p.message for p in pm.check(_dangling([f"purpose-{i}" for i in range(n)], [f"purpose-{i}x" for i in range(n)]))]
    assert len(messages) == n
    assert messages[0] == "'purpose-0x' is not the id of any of the policy's purposes; did you mean 'purpose-0'?"
    assert sum("did you mean" in message for message in messages) == len(compared) == consistency._SUGGEST_BUDGET // n
    # A reference, or an id, too long to compare cheaply is not compared.
    compared.clear()
    long = "p" * (consistency._SUGGEST_LENGTH + 1)
    assert [p.message for p in pm.check(_dangling(["ads", long], [long + "x", "ad"]))] == [
        f"{long + 'x'!r} is not the id of any of the policy's purposes",
        "'ad' is not the id of any of the policy's purposes; did you mean 'ads'?",
    ]
    assert compared == [1]
