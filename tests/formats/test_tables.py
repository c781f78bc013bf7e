"""Policies as tables: the layout follows the model, nothing is lost, files stream in batches, and the command."""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pacsv = pytest.importorskip("pyarrow.csv")

import privacymodel as pm  # noqa: E402 - after the optional dependency is known to be there
from privacymodel.formats.tables import TABLES, schemas, to_tables, write_tables  # noqa: E402
from privacymodel.formats.tables.layout import ARROW_TYPES, data_dictionary, dictionary_markdown  # noqa: E402
from privacymodel.strategies import policies  # noqa: E402
from tests.conftest import EXAMPLES, MINIMAL, ROOT  # noqa: E402
from tests.helpers import invoke, run  # noqa: E402

README = ROOT / "README.md"
EXAMPLES_DIR = ROOT / "examples"
BROKEN = MINIMAL.replace("title: Example policy", "title: Example policy\n  colour: blue")


def _tables(*sources: Any, **options: Any) -> dict[str, Any]:
    return to_tables(list(sources), root=str(EXAMPLES_DIR), **options)


# The layout follows the model.


def test_every_table_is_written_with_its_schema() -> None:
    tables = _tables(EXAMPLES_DIR)
    assert list(tables) == list(TABLES)
    for name, table in tables.items():
        assert table.schema == schemas()[name], name
    assert [row["policy_id"] for row in tables["policies"].to_pylist()] == [path.name for path in EXAMPLES]


def test_the_named_tables_and_link_tables_exist() -> None:
    for name in ("policies", "parties", "data_categories", "purposes", "legal_bases", "processing", "recipients", "cookies"):
        assert name in TABLES
    for name in ("retention", "rights", "transfers", "problems", "findings"):
        assert name in TABLES
    columns = [column.name for column in TABLES["processing_purposes"].columns]
    assert columns == ["policy_id", "path", "processing_id", "purpose_id"]


def test_types_dates_terms_booleans_and_lists() -> None:
    schema = schemas()["policies"]
    assert schema.field("document_last_updated").type == pa.date32()
    assert schema.field("children_directed_at_children").type == pa.bool_()
    cookies = schemas()["cookies"]
    assert cookies.field("category").type == pa.dictionary(pa.int32(), pa.string())
    assert cookies.field("category_iri").type == pa.dictionary(pa.int32(), pa.string())
    assert schemas()["transfers"].field("mechanisms").type.value_type == pa.dictionary(pa.int32(), pa.string())


def test_each_term_has_its_dpv_iri_beside_it() -> None:
    policy = pm.load(EXAMPLES_DIR / "customertimes-2020.yaml")
    rows = to_tables([("ct", policy)])["data_categories"].to_pylist()
    assert len(rows) == len(policy.data_categories or ())
    for row, category in zip(rows, policy.data_categories or (), strict=True):
        assert row["term"] == str(category.term)
        assert row["term_iri"] == getattr(category.term, "iri", None)
        assert row["path"].startswith("$.data_categories[")


def test_a_rights_iri_is_the_one_its_law_gives() -> None:
    text = MINIMAL + "rights:\n  - kind: access\n    law: gdpr\n  - kind: access\n    law: ccpa\n  - kind: x-own\n"
    rows = to_tables([("p", pm.loads(text))])["rights"].to_pylist()
    assert [row["kind_iri"] for row in rows] == [
        "https://w3id.org/dpv/legal/eu/gdpr#A15",
        "https://w3id.org/dpv#DataSubjectRight",
        None,
    ]


def test_a_custom_term_has_no_iri() -> None:
    text = MINIMAL + "purposes:\n  - id: p\n    term: x-loyalty\n"
    rows = to_tables([("p", pm.loads(text))])["purposes"].to_pylist()
    assert (rows[0]["term"], rows[0]["term_iri"]) == ("x-loyalty", None)


def test_not_stated_and_stated_as_none_differ_in_the_counts() -> None:
    stated = to_tables([("none", pm.loads(MINIMAL + "cookies: []\n")), ("unstated", pm.loads(MINIMAL))])
    counts = [row["cookies_count"] for row in stated["policies"].to_pylist()]
    assert counts == [0, None]


_ITEM_LISTS = {
    column.source.rsplit(".", 1)[-1] for table in TABLES.values() for column in table.columns if column.role == "count"
}


def _leaves(value: Any, path: str, out: dict[str, Any]) -> None:
    """The plain form of a policy as path -> value: scalars and lists of scalars as leaves, lists of items counted."""
    if isinstance(value, dict):
        for key, item in value.items():
            _leaves(item, f"{path}.{key}", out)
    elif isinstance(value, list) and path.rsplit(".", 1)[-1] in _ITEM_LISTS and all(isinstance(i, dict) for i in value):
        out[f"{path}#count"] = len(value)
        for index, item in enumerate(value):
            _leaves(item, f"{path}[{index}]", out)
    elif isinstance(value, list):
        out[path] = tuple(value)
    else:
        out[path] = value


def _from_tables(tables: dict[str, Any]) -> dict[str, Any]:
    """The same leaves read back from the tables (keys and IRIs left aside)."""
    out: dict[str, Any] = {}
    links: dict[str, list[str]] = defaultdict(list)
    for name, table in tables.items():
        spec = TABLES[name]
        if spec.kind == "report":
            continue
        for row in table.to_pylist():
            base = row.get("path", "$")
            for column in spec.columns:
                value = row[column.name]
                if column.role == "id":
                    links[f"{base}.{column.source}"].append(value)
                elif value is None or column.role in ("key", "iri"):
                    continue
                elif column.role == "count":
                    out[f"{base}.{column.source}#count"] = value
                elif isinstance(value, list):
                    out[f"{base}.{column.source}"] = tuple(value)
                else:
                    out[f"{base}.{column.source}"] = str(value) if column.kind == "date" else value
    out.update({path: tuple(ids) for path, ids in links.items()})
    return out


def _expected(policy: pm.PrivacyPolicy) -> dict[str, Any]:
    out: dict[str, Any] = {}
    _leaves(pm.unstructure(policy), "$", out)
    return out


@given(policies(max_items=3))
def test_the_tables_hold_every_value_of_a_policy(policy: pm.PrivacyPolicy) -> None:
    assert _from_tables(to_tables([("p", policy)])) == _expected(policy)


def test_the_tables_hold_every_value_of_the_examples() -> None:
    for path in EXAMPLES:
        policy = pm.load(path)
        assert _from_tables(to_tables([(path.name, policy)])) == _expected(policy), path.name


# Files: ids, problems, findings, batches.


def test_policy_ids_are_paths_relative_to_the_root(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.yaml").write_text(MINIMAL, encoding="utf-8")
    rows = to_tables([tmp_path], root=str(tmp_path))["policies"].to_pylist()
    assert [(row["policy_id"], row["file"]) for row in rows] == [("a/one.yaml", str(tmp_path / "a" / "one.yaml"))]


def test_invalid_files_are_in_the_problems_table_as_validate_reports_them(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "custom.yaml").write_text(MINIMAL + "purposes:\n  - id: p\n    term: x-loyalty\n", encoding="utf-8")
    tables = to_tables([tmp_path], root=str(tmp_path))
    assert [row["policy_id"] for row in tables["policies"].to_pylist()] == ["custom.yaml", "good.yaml"]
    problems = tables["problems"].to_pylist()
    expected = [
        (file.name, p.code, p.severity, p.message, p.path, p.line, p.column)
        for file in sorted(tmp_path.iterdir())
        for p in pm.validate_file(file)
    ]
    assert [
        (r["policy_id"], r["code"], r["severity"], r["message"], r["path"], r["line"], r["column"]) for r in problems
    ] == expected
    assert {r["code"] for r in problems} == {"PM101", "PM303"}


def test_an_unreadable_or_special_file_is_a_problem_not_a_wait(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    problems = to_tables([fifo], root=str(tmp_path))["problems"].to_pylist()
    assert [(p["policy_id"], p["code"], p["message"]) for p in problems] == [
        ("pipe.yaml", "PM001", "not read: a named pipe, not a regular file")
    ]


def test_findings_with_an_audit() -> None:
    policy = pm.load(EXAMPLES_DIR / "customer360-2014.yaml")
    rows = to_tables([("c", policy)], audit="gdpr")["findings"].to_pylist()
    assert [(r["item"], r["status"], tuple(r["evidence"])) for r in rows] == [
        (f.item, f.status, f.evidence) for f in pm.audit(policy, "gdpr")
    ]
    with pytest.raises(ValueError, match="unknown law"):
        to_tables([("c", policy)], audit="hipaa")


def test_written_files_hold_the_same_rows_one_row_group_per_batch(tmp_path: Path) -> None:
    summary = write_tables([EXAMPLES_DIR], tmp_path, root=str(EXAMPLES_DIR), batch_size=2)
    expected = _tables(EXAMPLES_DIR)
    assert summary.sources == 5
    assert summary.policies == 5
    for name, table in expected.items():
        written = pq.read_table(tmp_path / f"{name}.parquet")
        assert written.schema == table.schema
        assert written.to_pylist() == table.to_pylist(), name
    assert pq.ParquetFile(tmp_path / "policies.parquet").num_row_groups == 3


def test_several_processes_write_the_same_files(tmp_path: Path) -> None:
    write_tables([EXAMPLES_DIR] * 3, tmp_path / "one", root=str(EXAMPLES_DIR), batch_size=4)
    write_tables([EXAMPLES_DIR] * 3, tmp_path / "two", root=str(EXAMPLES_DIR), batch_size=4, jobs=2)
    for name in TABLES:
        one, two = (pq.read_table(tmp_path / d / f"{name}.parquet") for d in ("one", "two"))
        assert one.to_pylist() == two.to_pylist(), name


def test_csv_holds_terms_as_text_and_lists_as_json(tmp_path: Path) -> None:
    write_tables([EXAMPLES_DIR], tmp_path, fmt="csv", root=str(EXAMPLES_DIR))
    policies_ = pacsv.read_csv(tmp_path / "policies.csv").to_pylist()
    assert len(policies_) == 5
    transfers = (tmp_path / "transfers.csv").read_text(encoding="utf-8")
    assert '"[""' in transfers  # a JSON array, quoted
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(f"{name}.csv" for name in TABLES)


def test_text_that_is_not_valid_unicode_never_reaches_a_table() -> None:
    """A lone surrogate cannot be written as UTF-8: the classes refuse it, so no table ever holds it."""
    with pytest.raises(ValueError, match="lone surrogate"):
        pm.Document(title="X\ud800")


def test_given_policies_and_a_mapping() -> None:
    policy = pm.loads(MINIMAL)
    assert to_tables({"x": policy})["policies"].to_pylist()[0]["policy_id"] == "x"
    with pytest.raises(TypeError, match="PrivacyPolicy"):
        to_tables([("x", "not a policy")])  # type: ignore[list-item]


# The data dictionary.

_START = "<!-- data dictionary: start -->"
_END = "<!-- data dictionary: end -->"


def test_the_readme_data_dictionary_is_the_generated_one() -> None:
    text = README.read_text(encoding="utf-8")
    held = text[text.index(_START) + len(_START) : text.index(_END)].strip()
    assert held == dictionary_markdown().strip(), (
        "the README's data dictionary is stale: replace it with privacymodel.formats.tables.layout.dictionary_markdown()"
    )


def test_the_data_dictionary_matches_the_tables() -> None:
    named = {
        "string": pa.string(),
        "int64": pa.int64(),
        "bool": pa.bool_(),
        "date32": pa.date32(),
        "dictionary<string>": pa.dictionary(pa.int32(), pa.string()),
        "list<string>": pa.list_(pa.field("element", pa.string())),
        "list<dictionary<string>>": pa.list_(pa.field("element", pa.dictionary(pa.int32(), pa.string()))),
    }
    assert set(named) == set(ARROW_TYPES.values())
    tables = _tables(EXAMPLES_DIR, audit="gdpr")
    listed = [(t, c, named[type_]) for t, c, type_, _, _ in data_dictionary()]
    actual = [(name, field.name, field.type) for name, table in tables.items() for field in table.schema]
    assert listed == actual
    rows = re.findall(r"^\| ([a-z_]+) \| `([a-z0-9<>]+)` \|", README.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert [(column, type_) for _, column, type_, _, _ in data_dictionary()] == rows


# Without pyarrow.


def test_importing_privacymodel_needs_no_pyarrow_and_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ModuleNotFoundError, match=re.escape("pip install 'privacymodel[tables]'")):
        pm.to_tables([("p", pm.loads(MINIMAL))])
    result = invoke("table", "examples/", "--out", "unused")
    assert result.returncode == 2
    assert "pip install 'privacymodel[tables]'" in result.stderr


def test_the_package_imports_without_pyarrow() -> None:
    code = (
        "import sys; sys.modules['pyarrow'] = None; import privacymodel, privacymodel.cli; print(privacymodel.to_tables.__name__)"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "to_tables"


def run_python(code: str) -> Any:
    import subprocess

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT, timeout=60)


# The command.


def test_the_command_writes_every_table_and_one_line(tmp_path: Path) -> None:
    result = invoke("table", "examples/", "--out", str(tmp_path / "t"), "--root", "examples")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("5 files: 5 policies, 0 not valid, ")
    assert result.stdout.count("\n") == 1
    assert sorted(path.name for path in (tmp_path / "t").iterdir()) == sorted(f"{name}.parquet" for name in TABLES)
    ids = pq.read_table(tmp_path / "t" / "policies.parquet").column("policy_id").to_pylist()
    assert ids == [path.name for path in EXAMPLES]


def test_the_command_goes_past_invalid_files_and_fails_only_when_none_is_read(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    result = invoke("table", str(tmp_path), "--out", str(tmp_path / "out"), "--format", "csv", "--audit", "ccpa")
    assert (result.returncode, result.stdout.split(";")[0]) == (0, "2 files: 1 policy, 1 not valid, 1 problem")
    problems = pacsv.read_csv(tmp_path / "out" / "problems.csv").to_pylist()
    assert [(p["code"], p["line"], p["column"]) for p in problems] == [("PM101", 4, 3)]
    assert pacsv.read_csv(tmp_path / "out" / "findings.csv").num_rows > 0
    only_bad = invoke("table", str(tmp_path / "bad.yaml"), "--out", str(tmp_path / "out2"))
    assert only_bad.returncode == 1
    assert only_bad.stdout.startswith("1 file: 0 policies, 1 not valid, 1 problem;")


def test_the_command_reads_standard_input(tmp_path: Path) -> None:
    result = invoke("table", "-", "--out", str(tmp_path), stdin=MINIMAL.encode())
    assert result.returncode == 0, result.stderr
    assert pq.read_table(tmp_path / "policies.parquet").column("policy_id").to_pylist() == ["<stdin>"]


def test_the_command_with_several_jobs_writes_the_same_tables(tmp_path: Path) -> None:
    assert invoke("table", "examples/", "--out", str(tmp_path / "1"), "--jobs", "1").returncode == 0
    assert invoke("table", "examples/", "--out", str(tmp_path / "2"), "--jobs", "2").returncode == 0
    for name in TABLES:
        one, two = (pq.read_table(tmp_path / d / f"{name}.parquet") for d in ("1", "2"))
        assert one.to_pylist() == two.to_pylist(), name


def test_usage_errors(tmp_path: Path) -> None:
    missing = invoke("table", "nowhere.yaml", "--out", str(tmp_path))
    assert missing.returncode == 2
    assert "no such file or directory" in missing.stderr
    assert invoke("table", "examples/").returncode == 2  # --out is required
    assert invoke("table", "examples/", "--out", str(tmp_path), "--audit", "hipaa").returncode == 2
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    result = invoke("table", "examples/", "--out", str(blocked / "sub"))
    assert result.returncode == 2
    assert "cannot write the tables" in result.stderr


def test_the_installed_command_runs(tmp_path: Path) -> None:
    result = run("table", "examples/customertimes-2020.yaml", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 file: 1 policy, 0 not valid,")
