"""``privacymodel export`` and ``privacymodel import`` run in process: formats, located notes, --strict and --quiet."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT
from tests.helpers import invoke


def test_export_json_is_the_plain_form_the_schema_describes() -> None:
    from jsonschema import Draft202012Validator

    import privacymodel as pm

    validator = Draft202012Validator(pm.json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    for path in EXAMPLES:
        result = invoke("export", "--to", "json", str(path.relative_to(ROOT)))
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        data = json.loads(result.stdout)
        assert list(validator.iter_errors(data)) == []
        assert pm.structure(data) == pm.load(path)


def test_export_tilt_reports_what_it_leaves_out_with_positions(tmp_path: Path) -> None:
    out = tmp_path / "policy.tilt.json"
    result = invoke("export", "--to", "tilt", "examples/customertimes-2020.yaml", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["controller"]["name"] == "Customertimes Corp."
    lines = result.stderr.splitlines()
    cookies = next(line for line in lines if "($.cookies[0])" in line)
    assert cookies.startswith("examples/customertimes-2020.yaml:")
    assert " PM404 cookies (13): not carried over to TILT" in cookies
    assert any(" PM405 " in line and "wrote 'no name, no email'" in line for line in lines)  # no EU representative stated
    quiet = invoke("export", "--to", "tilt", "examples/customertimes-2020.yaml", "--quiet")
    assert quiet.returncode == 0
    assert quiet.stderr == ""
    assert json.loads(quiet.stdout) == document
    strict = invoke("export", "--to", "tilt", "examples/customertimes-2020.yaml", "--strict", "--quiet")
    assert strict.returncode == 1


def test_export_dpv_writes_json_ld() -> None:
    result = invoke("export", "--to", "dpv", "examples/customers-ai-2023.yaml", "--quiet")
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert document["@context"]["dpv"] == "https://w3id.org/dpv#"
    assert document["@graph"][0]["@type"] == "dpv:Process"


def test_export_of_an_invalid_policy_fails_with_its_problems(broken: Path, broken_line: int) -> None:
    result = invoke("export", "--to", "tilt", str(broken))
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{broken}:{broken_line}:5: PM101" in result.stderr


def test_export_and_import_refuse_a_missing_file() -> None:
    for args in (("export", "--to", "tilt"), ("import", "--from", "tilt")):
        result = invoke(*args, "nowhere.json")
        assert result.returncode == 2
        assert "no such file or directory: 'nowhere.json'" in result.stderr


def test_import_round_trip_through_the_command(tmp_path: Path) -> None:
    tilt = tmp_path / "policy.tilt.json"
    assert invoke("export", "--to", "tilt", "examples/customer360-2014.yaml", "--out", str(tilt), "-q").returncode == 0
    result = invoke("import", "--from", "tilt", str(tilt))
    assert result.returncode == 0, result.stderr
    imported = tmp_path / "imported.yaml"
    imported.write_text(result.stdout, encoding="utf-8")
    assert invoke("validate", str(imported)).returncode == 0
    again = invoke("export", "--to", "tilt", str(imported), "-q")
    first = json.loads(tilt.read_text(encoding="utf-8"))
    second = json.loads(again.stdout)
    first.pop("meta")
    second.pop("meta")
    assert first == second


def test_import_reports_repairs_on_stderr_with_line_and_column(tmp_path: Path) -> None:
    source = tmp_path / "messy.json"
    source.write_text(
        "{\n"
        '  "meta": {"name": "Acme", "language": "de"},\n'
        '  "controller": {"name": "Acme GmbH", "country": "CA 94041"},\n'
        '  "dataDisclosed": [{\n'
        '    "category": "E-Mail-Adresse",\n'
        '    "legalBases": [{"reference": "Art. 6(1)(f) GDPR"}],\n'
        '    "storage": [{"temporal": [{"ttl": "P72H"}]}]\n'
        "  }]\n"
        "}\n",
        encoding="utf-8",
    )
    out = tmp_path / "policy.yaml"
    result = invoke("import", "--from", "tilt", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    stderr = result.stderr
    assert stderr.splitlines() == [
        f"{source}:2:11: PM403 TILT has no title; the policy's title is meta.name, 'Acme' ($.meta)",
        f"{source}:3:50: PM402 'CA 94041' is not a country code, nor names one country; left out ($.controller.country)",
        f"{source}:6:20: PM403 read 'Art. 6(1)(f) GDPR' as A6-1-f ($.dataDisclosed[0].legalBases[0])",
        f"{source}:7:39: PM403 read 'P72H' as 'PT72H' ($.dataDisclosed[0].storage[0].temporal[0].ttl)",
    ]
    text = out.read_text(encoding="utf-8")
    assert "basis: A6-1-f" in text
    assert "period: PT72H" in text
    assert "term: email-address" in text
    assert invoke("validate", str(out)).returncode == 0
    assert invoke("import", "--from", "tilt", str(source), "--strict", "-q").returncode == 1


def test_import_of_something_that_is_not_tilt_is_a_clear_error() -> None:
    result = invoke("import", "--from", "tilt", "examples/customertimes-2020.yaml")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "PM401 not a TILT document (it is a privacymodel policy already)" in result.stderr
    assert "Traceback" not in result.stderr
    source = b'{"meta": {"name": "x",}'
    broken = invoke("import", "--from", "tilt", "-", stdin=source)
    assert broken.returncode == 1
    assert broken.stderr.startswith("<stdin>:")
    assert "PM003" in broken.stderr
    # placed where the parser says, as validate places it
    assert broken.stderr.splitlines()[0] == invoke("validate", "-", stdin=source).stdout.splitlines()[0]


def test_import_reads_standard_input() -> None:
    tilt = invoke("export", "--to", "tilt", "-q", "examples/customer360-2014.yaml").stdout.encode()
    result = invoke("import", "--from", "tilt", "-", stdin=tilt)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("privacymodel: ")


def _dump(tmp_path: Path) -> Path:
    """A JSON array of three TILT documents, the second naming no controller."""
    tilt = invoke("export", "--to", "tilt", "-q", "examples/customer360-2014.yaml").stdout
    refused = '{"meta": {"name": ""}, "controller": {"name": null}}'
    source = tmp_path / "dump.json"
    source.write_text(f"[\n{tilt},\n{refused},\n{tilt}\n]\n", encoding="utf-8")
    return source


def test_import_of_an_array_writes_one_policy_per_document_and_a_summary(tmp_path: Path) -> None:
    source = _dump(tmp_path)
    out = tmp_path / "policies"
    result = invoke("import", "--from", "tilt", str(source), "--out", str(out), "-q")
    assert result.returncode == 1  # a document was refused
    assert sorted(path.name for path in out.iterdir()) == ["customer360-inc-2.yaml", "customer360-inc.yaml"]
    assert invoke("validate", str(out)).returncode == 0
    lines = source.read_text(encoding="utf-8").splitlines()
    refused_at = next(number for number, line in enumerate(lines, start=1) if line.startswith('{"meta": {"name": ""}'))
    assert result.stderr.splitlines() == [
        f"{source}:{refused_at}:1: PM401 the TILT document names no controller (controller.name and meta.name are empty) ($[1])"
    ]
    assert result.stdout.splitlines() == [
        f"2 of 3 documents written to {out}",
        "refused: document 1 (tilt-2): the TILT document names no controller (controller.name and meta.name are empty)",
    ]
    noted = invoke("import", "--from", "tilt", str(source), "--out", str(out))
    assert f"{source}:3:" in noted.stderr  # notes on the documents read are located in the array too
    assert "($[2].meta)" in noted.stderr


def test_import_of_an_array_needs_a_folder(tmp_path: Path) -> None:
    source = _dump(tmp_path)
    result = invoke("import", "--from", "tilt", str(source))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "is an array of 3 TILT documents: pass --out DIR" in result.stderr
    afile = tmp_path / "a.yaml"
    afile.write_text("", encoding="utf-8")
    assert invoke("import", "--from", "tilt", str(source), "--out", str(afile)).returncode == 2
