"""A corpus on a Dask cluster: 10,000 files on a local cluster of two worker processes, row for row as one process writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
distributed = pytest.importorskip("distributed")

from privacymodel.formats.tables import TABLES, write_tables  # noqa: E402 - after the optional dependencies
from privacymodel.formats.tables import corpus as dask_corpus  # noqa: E402
from tests.conftest import ROOT  # noqa: E402
from tests.helpers import invoke  # noqa: E402

FILES = 10_000

_TEMPLATE = """\
privacymodel: 1.0.0
document:
  title: Policy {i}
  url: https://example.org/{i}/privacy
  last_updated: 2024-{month:02d}-{day:02d}
controllers:
  - id: c{i}
    name: Company {i}
data_categories:
  - id: email
    term: email-address
  - id: ip
    term: {term}
purposes:
  - id: ads
    term: {purpose}
recipients:
  - id: r{i}
    name: Partner {i}
    data: [email]
cookies:
{cookies}rights:
  - kind: access
    law: gdpr
"""


def _policy(i: int) -> str:
    """A small policy, different for each ``i``: unique ids and names, 0 to 3 cookies, a custom term in every third
    (a warning), and every 250th file broken (an unknown key) so the problems table has errors too."""
    cookies = "".join(f"  - name: c{i}_{k}\n    provider: r{i}\n    purposes: [ads]\n" for k in range(i % 4)) or "  []\n"
    text = _TEMPLATE.format(
        i=i,
        month=i % 12 + 1,
        day=i % 28 + 1,
        term="ip-address" if i % 3 else "x-fingerprint",
        purpose="advertising" if i % 2 else "service-provision",
        cookies=cookies,
    )
    return text.replace("    name: Company", "    nmae: Company") if i % 250 == 0 else text


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for i in range(FILES):
        folder = root / f"{i // 1000:02d}"
        if i % 1000 == 0:
            folder.mkdir()
        (folder / f"p{i:05d}.yaml").write_text(_policy(i), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with (
        distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as local,
        distributed.Client(local) as client,
    ):
        yield client


def _files(root: Path) -> list[str]:
    return [str(path) for path in sorted(root.rglob("*.yaml"))]


def _parts(folder: Path) -> list[dict[str, Any]]:
    """The rows of a dataset's table, its parts read in the order of their numbers."""
    return [row for part in sorted(folder.glob("part-*.parquet")) for row in pq.read_table(part).to_pylist()]


def _plain(table: Any) -> Any:
    """``table`` with its terms as plain text, so tables written in different batches compare by value alone."""

    def plain(type_: Any) -> Any:
        if pa.types.is_dictionary(type_):
            return type_.value_type
        if pa.types.is_list(type_):
            return pa.list_(pa.field("element", plain(type_.value_type)))
        return type_

    return table.cast(pa.schema([pa.field(field.name, plain(field.type)) for field in table.schema]))


def _dataset(folder: Path) -> Any:
    """A dataset's table, its parts concatenated in the order of their numbers."""
    return pa.concat_tables([_plain(pq.read_table(part)) for part in sorted(folder.glob("part-*.parquet"))])


def test_ten_thousand_files_on_a_cluster_match_one_process_row_for_row(corpus: Path, cluster: Any, tmp_path: Path) -> None:
    files = _files(corpus)
    assert len(files) == FILES
    single = write_tables(files, tmp_path / "single", root=str(corpus))
    bag = dask_corpus.bag_of_files(files, partition_size=1000)
    assert bag.npartitions == 10
    spread = dask_corpus.write_dataset(bag, tmp_path / "dataset", root=str(corpus))
    assert spread == single
    assert (single.sources, single.policies, single.invalid) == (FILES, FILES - 40, 40)
    for name in TABLES:
        expected = _plain(pq.read_table(tmp_path / "single" / f"{name}.parquet"))
        assert expected.num_rows == single.rows[name]
        assert _dataset(tmp_path / "dataset" / name).equals(expected), name  # every row, in order
    assert len(list((tmp_path / "dataset" / "cookies").glob("part-*.parquet"))) == 10
    ids = [row["policy_id"] for row in _parts(tmp_path / "dataset" / "policies")]
    assert ids[:2] == ["00/p00001.yaml", "00/p00002.yaml"]


def test_batches_stay_on_the_cluster_and_an_earlier_runs_parts_are_replaced(cluster: Any, tmp_path: Path) -> None:
    examples = _files(ROOT / "examples")
    batches = dask_corpus.to_batches(dask_corpus.bag_of_files(examples, partition_size=2), root=str(ROOT)).compute()
    assert [batch["policies"].num_rows for batch in batches] == [2, 2, 1]
    out = tmp_path / "dataset"
    dask_corpus.write_dataset(dask_corpus.bag_of_files(examples, partition_size=1), out)
    assert len(list((out / "policies").glob("part-*"))) == 5
    dask_corpus.write_dataset(dask_corpus.bag_of_files(examples, partition_size=5), out)
    assert len(list((out / "policies").glob("part-*"))) == 1


def test_the_command_on_a_cluster(cluster: Any, tmp_path: Path) -> None:
    address = cluster.scheduler.address
    result = invoke(
        "table", "examples/", "--out", str(tmp_path / "t"), "--root", "examples", "--dask", address, "--audit", "gdpr"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("5 files: 5 policies, 0 not valid, ")
    assert f"; {len(TABLES)} tables in " in result.stdout
    single = tmp_path / "single"
    assert invoke("table", "examples/", "--out", str(single), "--root", "examples", "--audit", "gdpr").returncode == 0
    for name in TABLES:
        rows = _parts(tmp_path / "t" / name)
        expected = pq.read_table(single / f"{name}.parquet").to_pylist()
        strip = ("file",)  # the cluster names files by their absolute paths
        assert [{k: v for k, v in row.items() if k not in strip} for row in rows] == [
            {k: v for k, v in row.items() if k not in strip} for row in expected
        ], name


def test_a_cluster_that_cannot_be_reached_is_a_usage_error(tmp_path: Path) -> None:
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = invoke("table", "examples/", "--out", str(tmp_path), "--dask", "tcp://127.0.0.1:9")
    assert result.returncode == 2
    assert "cannot reach the Dask scheduler" in result.stderr
