"""Policies and TILT documents written to break what is made of them: every output keeps its shape and stays valid,
and a value that cannot be carried over is a located problem, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

import privacymodel as pm
from privacymodel.formats.iri import to_iri
from privacymodel.formats.render import md_code, md_text
from privacymodel.formats.tilt.values import amount_in, amount_out, tilt_duration
from privacymodel.problems import kind_of, shown
from tests.formats.hostile import RDF_WARNINGS, check_html, check_json_ld, check_markdown, strict_json
from tests.helpers import invoke

HOSTILE = Path(__file__).parent / "data" / "hostile-valid.yaml"
HEADER = "privacymodel: 1.0.0\ndocument:\n  title: Example policy\n"
ACME = "controllers:\n  - id: acme\n    name: Acme Ltd\n"


def at(text: str, needle: str) -> str:
    """``line:column`` of the first ``needle`` in ``text`` (1-based, as problems are located)."""
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    return f"{line}:{index - (text.rfind(chr(10), 0, index) + 1) + 1}"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- Markdown and HTML ---------------------------------------------------------------


def test_a_hostile_policy_validates() -> None:
    result = invoke("validate", str(HOSTILE))
    assert result.returncode == 0, result.stdout


def test_markdown_of_a_hostile_policy_keeps_its_shape() -> None:
    result = invoke("render", str(HOSTILE))
    assert result.returncode == 0
    check_markdown(result.stdout, pm.load(HOSTILE))
    assert "| ```a`b``c\\|d e``` |" in result.stdout  # a longer fence, the pipe escaped, one line
    assert "| `` `\\|<img src=x>… `` |" in result.stdout
    assert "\\<img src=x onerror=alert(1)\\> \\!\\[pixel\\](https://evil.example/p.png)" in result.stdout


def test_html_of_a_hostile_policy_has_only_its_own_elements() -> None:
    result = invoke("render", "--format", "html", str(HOSTILE))
    assert result.returncode == 0
    check_html(result.stdout, pm.load(HOSTILE))
    assert "&lt;img src=x onerror=alert(1)&gt;" in result.stdout


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("plain text", "plain text"),
        ("a\nb\r\nc\u2028d", "a b c d"),
        ("# [x](y) ![i](j) <b> &amp; | * _ ~ ` \\", "\\# \\[x\\](y) \\!\\[i\\](j) \\<b\\> \\&amp; \\| \\* \\_ \\~ \\` \\\\"),
    ],
)
def test_markdown_text_is_escaped(text: str, markdown: str) -> None:
    assert md_text(text) == markdown


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("_ga", "`_ga`"),
        ("a`b", "``a`b``"),
        ("`x``", "``` `x`` ```"),
        ("a|b\nc", "`a\\|b c`"),
        ("<img src=x>", "`<img src=x>`"),
        ("   ", ""),
    ],
)
def test_markdown_code_spans_hold_any_text(text: str, span: str) -> None:
    assert md_code(text) == span


# --- DPV -------------------------------------------------------------------------------


@RDF_WARNINGS
def test_dpv_of_a_hostile_policy_has_valid_iris() -> None:
    result = invoke("export", "--to", "dpv", str(HOSTILE))
    assert result.returncode == 0
    document = strict_json(result.stdout)
    check_json_ld(document)
    top, party = document["@graph"][0], document["@graph"][1]
    assert top["dct:source"] == {"@id": "https://example.com/policy?q=%3Cx%3E&y=%7Bz%7D%7C%60w%60%5E%22v%5C"}
    assert party["rdfs:seeAlso"] == {"@id": "https://example.com/a%25zz/%5Bc%5D/%7Bd%7D%01#e%23f%7F"}


@RDF_WARNINGS
def test_dpv_leaves_out_an_address_that_cannot_be_an_iri(tmp_path: Path) -> None:
    text = (
        "privacymodel: 1.0.0\ndocument:\n  title: Example policy\n  url: http://acme.example:port/\n"
        "controllers:\n  - id: acme\n    name: Acme Ltd\n    website: dpv:Evil\n"
    )
    path = write(tmp_path, "policy.yaml", text)
    result = invoke("export", "--to", "dpv", str(path))
    assert result.returncode == 0
    document = strict_json(result.stdout)
    check_json_ld(document)
    assert "dct:source" not in document["@graph"][0]
    assert all("rdfs:seeAlso" not in node for node in document["@graph"])
    url, website = at(text, "http://acme"), at(text, "dpv:Evil")
    assert (
        f"{path}:{url}: PM404 the address 'http://acme.example:port/' is not an IRI even with its characters "
        "percent-encoded; left out of the DPV export ($.document.url)"
    ) in result.stderr
    assert f"{path}:{website}: PM404 the address 'dpv:Evil' would be read as a name in the 'dpv' vocabulary" in result.stderr


@RDF_WARNINGS
def test_dpv_leaves_out_a_period_too_long_for_xsd_duration(tmp_path: Path) -> None:
    text = HEADER + ACME + f"retention:\n  - id: long\n    period: P{'9' * 30}Y\n"
    path = write(tmp_path, "policy.yaml", text)
    result = invoke("export", "--to", "dpv", str(path))
    where = f"{path}:{at(text, 'P999')}: "
    if result.returncode == 1:  # the policy refuses the period first
        assert f"{where}PM104 " in result.stderr
        return
    assert result.returncode == 0
    document = strict_json(result.stdout)
    check_json_ld(document)
    assert all("dpv:hasDuration" not in node for node in document["@graph"])
    assert f"{where}PM404 the period 'P999" in result.stderr


@pytest.mark.parametrize(
    ("uri", "iri"),
    [
        ("https://example.com/privacy", "https://example.com/privacy"),
        ("https://exämple.com/ü?q=1#top", "https://exämple.com/ü?q=1#top"),
        ("https://e.example/<a> {b}|c^d`e\\", "https://e.example/%3Ca%3E%20%7Bb%7D%7Cc%5Ed%60e%5C"),
        ("https://e.example/50%/%41", "https://e.example/50%25/%41"),
        ("https://e.example/[x]#a#b", "https://e.example/%5Bx%5D#a%23b"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ("x:\x00\x7f\u202e\ue000", "x:%00%7F%E2%80%AE%EE%80%80"),
        ("http://[nothing]/", None),
        ("http://host:port/", None),
    ],
)
def test_uris_become_valid_iris_or_are_refused(uri: str, iri: str | None) -> None:
    assert to_iri(uri) == iri


# --- TILT out ----------------------------------------------------------------------------


def test_tilt_export_leaves_out_a_fee_too_long_for_a_number(tmp_path: Path) -> None:
    text = HEADER + ACME + f"rights:\n  - kind: portability\n    fee: {'9' * 400} EUR\n"
    path = write(tmp_path, "policy.yaml", text)
    result = invoke("export", "--to", "tilt", str(path))
    assert result.returncode == 0
    document = strict_json(result.stdout)
    assert "administrativeFee" not in document["accessAndDataPortability"]
    assert f"{path}:{at(text, '9999')}: PM404 TILT's amount holds at most 17 digits; the fee is left out" in result.stderr


def test_tilt_export_writes_a_fee_as_a_number(tmp_path: Path) -> None:
    path = write(tmp_path, "policy.yaml", HEADER + ACME + "rights:\n  - kind: portability\n    fee: 12.50 EUR\n")
    result = invoke("export", "--to", "tilt", str(path))
    assert strict_json(result.stdout)["accessAndDataPortability"]["administrativeFee"] == {"amount": 12.5, "currency": "EUR"}


def test_tilt_export_of_a_long_period_is_exact_or_refused(tmp_path: Path) -> None:
    """Weeks become days with exact arithmetic, however long the number (unless the policy refuses it first)."""
    text = HEADER + ACME + f"retention:\n  - id: long\n    period: P{'9' * 5000}W1D\n"
    path = write(tmp_path, "policy.yaml", text)
    result = invoke("export", "--to", "tilt", str(path))
    if result.returncode == 0:
        (item,) = strict_json(result.stdout)["dataDisclosed"]
        assert item["storage"][0]["temporal"][0]["ttl"] == f"P6{'9' * 4999}4D"
    else:
        assert result.returncode == 1
        assert f"{path}:{at(text, 'P999')}: PM104 " in result.stderr


@pytest.mark.parametrize(
    ("period", "tilt"),
    [
        ("P2W", "P14D"),
        ("P1Y2W3DT4H", "P1Y17DT4H"),
        ("P0003W", "P21D"),
        (f"P{'1' * 5000}W", f"P{'7' * 5000}D"),
        (f"P{'9' * 400}Y", f"P{'9' * 400}Y"),
    ],
)
def test_weeks_become_days(period: str, tilt: str) -> None:
    assert tilt_duration(period) == tilt


@pytest.mark.parametrize(
    ("digits", "amount"),
    [("10", 10.0), ("12.50", 12.5), ("0" * 40 + "1", 1.0), ("9" * 17, 1e17), ("9" * 18, None), ("0.000000000000000001", None)],
)
def test_fee_amounts_written(digits: str, amount: float | None) -> None:
    assert amount_out(digits) == amount


# --- TILT in -----------------------------------------------------------------------------

_FEE = (
    '{"meta": {"name": "Acme"},\n "controller": {"name": "Acme"},\n'
    ' "accessAndDataPortability": {"available": true,\n  "administrativeFee": {"amount": AMOUNT, "currency": "EUR"}}}\n'
)


@pytest.mark.parametrize("amount", ["9" * 401, "1e400"])
def test_tilt_import_of_a_fee_too_long_to_read_is_a_located_problem(tmp_path: Path, amount: str) -> None:
    text = _FEE.replace("AMOUNT", amount)
    path = write(tmp_path, "tilt.json", text)
    result = invoke("import", "--from", "tilt", str(path))
    where = f"{path}:{at(text, amount)}: "
    if result.returncode == 0:  # read, and the fee left out
        assert "fee" not in result.stdout
        assert f"{where}PM402 the amount " in result.stderr
    else:  # refused by the reader as a number too large to hold
        assert result.returncode == 1
        assert f"{where}PM104 " in result.stderr


@pytest.mark.parametrize(("amount", "shown_as"), [(10**401, "<whole number of about 402 digits>"), (float("inf"), "inf")])
def test_tilt_reading_leaves_out_a_fee_too_long_to_read(amount: float, shown_as: str) -> None:
    fee = {"amount": amount, "currency": "EUR"}
    document = {"controller": {"name": "Acme"}, "accessAndDataPortability": {"available": True, "administrativeFee": fee}}
    notes: list[pm.Problem] = []
    policy = pm.from_tilt(document, notes=notes)
    assert policy.rights is not None
    assert policy.rights[0].fee is None
    (note,) = [n for n in notes if n.path == "$.accessAndDataPortability.administrativeFee.amount"]
    assert (note.code, note.message) == (
        "PM402",
        f"the amount {shown_as} is not a number of at most 17 digits; the fee is left out",
    )


@pytest.mark.parametrize(("amount", "fee"), [("1234567", "1234567 EUR"), ("2.5", "2.5 EUR"), ("1e-05", "0.00001 EUR")])
def test_tilt_import_writes_an_amount_in_digits(tmp_path: Path, amount: str, fee: str) -> None:
    path = write(tmp_path, "tilt.json", _FEE.replace("AMOUNT", amount))
    result = invoke("import", "--from", "tilt", str(path))
    assert result.returncode == 0
    assert f"fee: {fee}\n" in result.stdout


@pytest.mark.parametrize("number", [0, 1.5, -3, 10**16, 10**400, float("inf"), float("-inf"), float("nan")])
def test_amounts_read_are_digits_or_refused(number: float) -> None:
    digits = amount_in(number)
    if digits is not None:
        assert float(digits) == number
        assert "e" not in digits


def test_tilt_import_of_a_huge_hexadecimal_name_is_a_located_problem(tmp_path: Path) -> None:
    text = '{"meta": {},\n "controller": {"name": 0x' + "f" * 5000 + "}}\n"
    path = write(tmp_path, "tilt.json", text)
    result = invoke("import", "--from", "tilt", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{path}:{at(text, '0x')}: PM")  # PM401 (no name to read), or PM104 if refused first


@pytest.mark.parametrize("number", ["0x" + "f" * 5000, "0o" + "7" * 6000])
def test_tilt_import_of_a_huge_phone_number_is_a_located_problem(tmp_path: Path, number: str) -> None:
    text = '{"meta": {"name": "Acme"},\n "controller": {"name": "Acme"},\n "dataProtectionOfficer": {"phone": NUMBER}}\n'
    text = text.replace("NUMBER", number)
    path = write(tmp_path, "tilt.json", text)
    result = invoke("import", "--from", "tilt", str(path))
    assert "Traceback" not in result.stderr
    where = f"{path}:{at(text, number[:2])}: "
    if result.returncode == 0:
        assert f"{where}PM402 <whole number of about " in result.stderr
    else:
        assert f"{where}PM104 " in result.stderr


def test_tilt_import_reads_a_number_as_text_within_bounds() -> None:
    document = {"meta": {"name": 12345}, "controller": {"name": 10**40}}
    notes: list[pm.Problem] = []
    policy = pm.from_tilt(document, notes=notes)
    assert policy.controllers[0].name == "12345"
    assert any(n.path == "$.controller.name" and "expected text; got the number 1000" in n.message for n in notes)


# --- messages --------------------------------------------------------------------------------


def test_any_value_can_be_shown() -> None:
    huge = 16**5000
    assert shown(huge) == "<whole number of about 6021 digits>"
    assert kind_of(huge) == "a whole number of about 6021 digits"
    assert shown([1, huge]) == "[1, <whole number of about 6021 digits>]"
    assert shown(list(range(1000))) == repr(list(range(1000)))[:76] + "...]"
    assert shown({"a": "b" * 100}) == repr({"a": "b" * 100})[:76] + "...}"
    assert kind_of(1.5) == "the number 1.5"
