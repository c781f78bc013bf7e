"""Hostile and broken input: the command answers every hazard with a located error and exit 1, never a traceback.

The library side of each hazard is tested in test_codec.py and test_errors.py; here the real command runs on
each, and a fuzz test feeds arbitrary bytes and mutated documents to ``loads``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import privacymodel as pm
from tests.conftest import EXAMPLES, MINIMAL
from tests.helpers import run

HAZARDS: dict[str, tuple[bytes, str, int, int]] = {
    # name: (file content, code, line, column)
    "duplicate-key-deep": (MINIMAL.encode() + b"children:\n  age: 13\n  age: 18\n", "PM004", 9, 3),
    "billion-laughs": (
        b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + b"".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n".encode() for i in range(9)),
        "PM005",
        1,
        4,
    ),
    "python-tag": (b"a: !!python/object/apply:os.system ['touch /tmp/privacymodel-owned']\n", "PM006", 1, 4),
    "deep-nesting": (b"a: " + b"[" * 30_000, "PM007", 1, 67),
    "not-utf8": (b"a: 1\nb: \xff\xfe\n", "PM002", 2, 4),
    "nul-byte": (b"a: 1\nb: x\x00y\n", "PM003", 2, 5),
    "empty": (b"", "PM008", 1, 1),
    "only-comments": (b"# nothing here\n# at all\n", "PM008", 1, 1),
    "top-level-list": (b"- privacymodel: 1.0.0\n", "PM010", 1, 1),
    "several-documents": (MINIMAL.encode() + b"---\n" + MINIMAL.encode(), "PM009", 7, 1),
    "syntax-error": (b"document:\n  title: [unclosed\n", "PM003", 3, 1),
    "impossible-date": (MINIMAL.replace("Example policy", "T\n  effective_date: 2020-13-45").encode(), "PM104", 4, 19),
    "wrong-type": (MINIMAL.encode() + b"children:\n  minimum_age: thirteen\n", "PM103", 8, 16),
    "unknown-key": (MINIMAL.encode() + b"cookie:\n  - name: _ga\n", "PM101", 7, 1),
    "out-of-range": (MINIMAL.encode() + b"children:\n  age: -1\n", "PM104", 8, 8),
}


@pytest.mark.parametrize("name", sorted(HAZARDS))
def test_hazard_gives_a_located_error_and_exit_1(name: str, tmp_path: Path) -> None:
    content, code, line, column = HAZARDS[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content)
    result = run("validate", "--format", "json", str(path))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    [problem] = json.loads(result.stdout)["files"][0]["problems"]
    assert (problem["code"], problem["line"], problem["column"]) == (code, line, column), problem
    assert problem["message"]
    assert not Path("/tmp/privacymodel-owned").exists()  # noqa: S108 - the file the payload would create


def test_very_large_file_is_linear_and_valid(tmp_path: Path) -> None:
    """A 10,000-cookie, 10,000-recipient policy (about 1.5 MB) validates; the limit itself is tested in test_codec."""
    lines = [MINIMAL.rstrip("\n"), "recipients:"]
    lines += [f"  - id: r{i}\n    name: Recipient {i}" for i in range(10_000)]
    lines += ["cookies:"] + [f"  - name: c{i}\n    provider: r{i}\n    lifetime: P1Y" for i in range(10_000)]
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 0, result.stdout
    assert "1 file checked: all valid" in result.stdout


def _only_policy_errors(source: str | bytes) -> None:
    try:
        pm.loads(source)
    except pm.PolicyError as error:
        problems = error.problems
    else:
        return
    assert problems
    for problem in problems:
        assert re.fullmatch(r"PM\d{3}", problem.code)
        assert problem.code in pm.CODES


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_fuzz_arbitrary_bytes(data: bytes) -> None:
    """Whatever the bytes, loads returns a policy or raises PolicyError: no other exception."""
    _only_policy_errors(data)


TOKENS = st.sampled_from(
    ["\n", " ", "  ", "- ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!python/none ", "'", '"', "#", "---\n",
     "? ", "|\n", ">\n", "\t", "\\", "\x00", "\ufeff", "~", "yes", "1.10", "0o17", "2020-02-30", "x-", "null", "\x1b[31m"]
)  # fmt: skip


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXAMPLES), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40), TOKENS), min_size=1, max_size=6))
def test_fuzz_mutated_examples(example: Path, edits: list[tuple[float, int, str]]) -> None:
    """Examples with text cut out and YAML tokens spliced in raise only PolicyError."""
    text = example.read_text(encoding="utf-8")
    for where, cut, token in edits:
        at = int(where * len(text))
        text = text[:at] + token + text[at + cut :]
    _only_policy_errors(text)
    _only_policy_errors(text.encode("utf-8", "surrogatepass"))
