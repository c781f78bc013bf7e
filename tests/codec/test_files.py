"""Finding policy files under a folder: the order, what is skipped, and what is refused without being opened."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacymodel.codec.files import find, read_path
from privacymodel.problems import PolicyError


def names(folder: Path) -> list[str]:
    return [os.path.relpath(path, folder) for path, _ in find(str(folder))]


def test_each_folder_gives_its_files_sorted_then_its_folders_sorted(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.json", "c.txt", "z/b.yml", "z/a.yaml", "m/x.yaml", ".hidden/h.yaml", "m/.y.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert names(tmp_path) == ["a.json", "b.yaml", "m/.y.yaml", "m/x.yaml", "z/a.yaml", "z/b.yml"]


@settings(max_examples=25)
@given(st.sets(st.text(alphabet="abcXYZ-_ 0é", min_size=1, max_size=8), min_size=1, max_size=12))
def test_the_order_is_what_a_sorted_walk_gives(tmp_path_factory: pytest.TempPathFactory, stems: set[str]) -> None:
    folder = tmp_path_factory.mktemp("walk")
    for index, stem in enumerate(sorted(stems)):
        sub = folder / ("d" if index % 2 else "") / f"{stem}.yaml"
        sub.parent.mkdir(exist_ok=True)
        sub.write_text("x")
    expected = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(dirs)
        expected += [os.path.relpath(os.path.join(root, name), folder) for name in sorted(files)]
    assert names(folder) == expected


def test_a_link_to_a_folder_is_not_followed_and_a_link_out_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("x")
    searched = tmp_path / "searched"
    searched.mkdir()
    (searched / "linked").symlink_to(outside, target_is_directory=True)
    (searched / "out.yaml").symlink_to(outside / "secret.yaml")
    found = list(find(str(searched)))
    assert [os.path.basename(path) for path, _ in found] == ["out.yaml"]
    refused = found[0][1]
    assert refused is not None
    assert (refused.code, refused.message) == ("PM001", "not read: a symbolic link that leads outside the folder searched")


def test_a_pipe_found_in_a_folder_is_refused_and_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    [(path, refused)] = list(find(str(tmp_path)))
    assert refused is not None
    assert refused.message == "not read: a named pipe, not a regular file"
    with pytest.raises(PolicyError, match="a named pipe"):
        read_path(path, named=False)  # nothing waits on a writer


def test_an_unlistable_folder_holds_nothing(tmp_path: Path) -> None:
    assert list(find(str(tmp_path / "missing"))) == []
