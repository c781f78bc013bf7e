"""Every snippet in the README, run as a new user would run it.

Each fenced block is claimed by one check (a block no check claims fails :func:`test_every_snippet_is_checked`):

* Python blocks run in order in one namespace, as a reader working down the README would, in a scratch folder
  holding the files they name (``policy.yaml``, ``corpus/``); a value written in a comment after an expression
  (``# '_gid'``) is compared with the value, and printed output with the comment under the ``print``. The one
  block written for a cluster runs on a local one: :data:`CLUSTER` lists the three places a reader puts their own.
* Shell lines for this repository run in the scratch folder; a transcript (``$ privacymodel ...`` and what it
  prints) is run and each line it shows must be printed; a command synopsis must name only options the
  command's ``--help`` lists; the JSON output sample must be what ``validate --format json`` prints.
* Policies in YAML must be valid; the JavaScript block runs in Node.js and type-checks as TypeScript (skipped
  without ``node`` and ``npm ci --prefix tests/js``).
* The install lines, the GitHub Actions workflow's steps and the pre-commit configuration (through
  ``pre-commit try-repo`` and ``pre-commit run``) run against a clone of this working tree, a path and a commit
  standing for the Git URL and revision the README leaves to the reader. They install packages from the
  package index, so they are skipped when it cannot be reached.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tokenize
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import attrs
import pytest
import yaml

import privacymodel as pm
from tests.conftest import EXAMPLES, ROOT
from tests.js.node import NODE_MODULES, node

README = ROOT / "README.md"
BIN = Path(sys.executable).parent
BASH = shutil.which("bash") or "/bin/bash"
GIT = shutil.which("git") or "git"


@attrs.frozen
class Block:
    """A fenced block of the README: its language tag, its text and the line its fence opens on."""

    lang: str
    text: str
    line: int

    def __str__(self) -> str:
        return f"README.md:{self.line} ({self.lang or 'text'})"


def blocks() -> list[Block]:
    text = README.read_text(encoding="utf-8")
    return [
        Block(match[1], match[2], text[: match.start()].count("\n") + 1)
        for match in re.finditer(r"^```(\w*)\n(.*?)^```$", text, flags=re.DOTALL | re.MULTILINE)
    ]


# --- which check claims each block --------------------------------------------------------------------------


def kind(block: Block) -> str:
    """The check a block is for."""
    first = block.text.lstrip().splitlines()[0] if block.text.strip() else ""
    rules = [
        (block.lang == "python", "python"),
        (block.lang == "js", "javascript"),
        (block.lang == "json", "json-output"),
        (block.lang == "yaml" and "privacymodel:" in block.text, "policy"),
        (block.lang == "yaml" and "jobs:" in block.text, "github-actions"),
        (block.lang == "yaml" and first.startswith("repos:"), "pre-commit-config"),
        (block.lang == "sh" and first.startswith("python3 -m venv .venv"), "setup"),
        (block.lang == "sh" and "privacymodel @ git+" in block.text, "install"),
        (block.lang == "sh", "shell"),
        (block.lang == "" and first.startswith("$ "), "transcript"),
        (block.lang == "" and first.startswith("privacymodel "), "synopsis"),
    ]
    return next((name for matched, name in rules if matched), "unclaimed")


def of_kind(name: str) -> list[Block]:
    return [block for block in blocks() if kind(block) == name]


def test_every_snippet_is_checked() -> None:
    assert [str(block) for block in blocks() if kind(block) == "unclaimed"] == []
    assert {kind(block) for block in blocks()} >= {"python", "javascript", "policy", "shell", "transcript", "synopsis"}


# --- the scratch folder the snippets run in ----------------------------------------------------------------


BROKEN = """\
privacymodel: 1.0.0
# A policy with one mistake: 'alias' for 'aliases'.
document:
  title: Broken example
  url: https://example.com/privacy
controllers:
  - id: acme
    name: Acme Ltd
    address:
      lines: [1 Main Street]
      country: GB
    alias: [Acme]
"""
OK = "privacymodel: 1.0.0\ndocument:\n  title: OK\ncontrollers:\n  - id: acme\n    name: Acme Ltd\n"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding what the README's commands name: the examples, the schema, a policy, a corpus, a TILT
    document, a file with one mistake (``broken.yaml``) and a valid one (``ok.yaml``)."""
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", folder / "examples")
    shutil.copytree(ROOT / "schemas", folder / "schemas")
    shutil.copytree(ROOT / "examples", folder / "corpus")
    shutil.copytree(ROOT / "tests" / "formats" / "data" / "evidence", folder / "tests" / "formats" / "data" / "evidence")
    shutil.copy(ROOT / "examples" / "customertimes-2020.yaml", folder / "policy.yaml")
    (folder / "company.tilt.json").write_text(json.dumps(pm.to_tilt(pm.load(EXAMPLES[0]))), encoding="utf-8")
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "ok.yaml").write_text(OK, encoding="utf-8")
    return folder


def sh(line: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run one shell line with this environment's ``privacymodel`` first on the PATH."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment["PATH"] = f"{BIN}{os.pathsep}{environment.get('PATH', '')}"
    environment.update(env or {})
    return subprocess.run(
        [BASH, "-c", line], capture_output=True, text=True, cwd=cwd, env=environment, timeout=timeout, check=False
    )


# --- Python -------------------------------------------------------------------------------------------------

CLUSTER = {
    '"tcp://scheduler:8786"': "SCHEDULER",
    '"/shared/tables"': "str(SCRATCH / 'cluster-tables')",
    '"/shared/corpus"': "str(SCRATCH / 'corpus')",
}
"""What a reader replaces in the block written for a cluster: the scheduler's address (here a local cluster's,
the other way the README's comment names) and the shared folders; ``files`` are the corpus's files."""


def _comments(source: str) -> dict[int, str]:
    """The comment ending each line of ``source``, by line number."""
    found = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            found[token.start[0]] = token.string[1:].strip()
    return found


def _stated_value(comment: str) -> tuple[bool, Any]:
    """The Python literal a comment starts with ('_gid', None: ...), if it starts with one."""
    for end in (len(comment), comment.find(":")):
        if end > 0:
            with contextlib.suppress(ValueError, SyntaxError):
                return True, ast.literal_eval(comment[:end])
    return False, None


def _run_python(source: str, namespace: dict[str, Any], where: Block) -> None:
    """Run ``source`` statement by statement, checking values and output its comments state."""
    comments = _comments(source)
    lines = source.splitlines()
    for statement in ast.parse(source).body:
        segment = ast.get_source_segment(source, statement) or ""
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            if isinstance(statement, ast.Expr):
                value = eval(compile(ast.Expression(statement.value), str(where), "eval"), namespace)  # noqa: S307 - README code
                stated, expected = _stated_value(comments.get(statement.end_lineno or 0, ""))
                if stated:
                    assert value == expected, (str(where), segment, value)
            else:
                exec(compile(ast.Module([statement], []), str(where), "exec"), namespace)  # noqa: S102 - README code
        said = [
            comments[number]
            for number in range(statement.lineno, (statement.end_lineno or statement.lineno) + 1)
            if number in comments and lines[number - 1].lstrip().startswith("#")
        ]
        for comment in said:
            assert comment in printed.getvalue(), (str(where), comment, printed.getvalue())


def test_python_snippets_run_in_order(scratch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    monkeypatch.chdir(scratch)
    files = sorted(map(str, (scratch / "corpus").glob("*.yaml")))
    with distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=":0") as cluster:
        namespace = {"__name__": "readme", "SCRATCH": scratch, "SCHEDULER": cluster.scheduler_address, "files": files}
        for block in of_kind("python"):
            source = block.text
            if "tcp://scheduler" in source:
                for written, local in CLUSTER.items():
                    assert written in source, f"{block}: the cluster block no longer writes {written}"
                    source = source.replace(written, local)
            _run_python(source, namespace, block)
    assert (scratch / "tables" / "policies.parquet").is_file()
    assert (scratch / "cluster-tables").is_dir()


# --- shell --------------------------------------------------------------------------------------------------


def _lines(block: Block) -> list[str]:
    return [line for line in block.text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


SETUP_TOOLS = ("apt-get ", "pip install -e ", "npm ci ", "python -m pytest ", "pre-commit try-repo ")
"""Shell lines that set up tools rather than use this repository: each is checked by what it names."""


def _check_setup_line(line: str) -> None:
    """A line that installs or runs a tool: the extra, lock file or test folder it names exists."""
    command = line.split("#", maxsplit=1)[0].strip()
    if command.startswith("pip install -e "):
        extras = re.findall(r"\[([a-z,]+)\]", command)
        declared = re.findall(r"^([a-z]+) = \[", (ROOT / "pyproject.toml").read_text(encoding="utf-8"), flags=re.MULTILINE)
        assert all(extra in declared for group in extras for extra in group.split(",")), line
    elif command.startswith("npm ci "):
        assert (ROOT / command.split("--prefix")[1].split()[0] / "package-lock.json").is_file(), line
    elif command.startswith("python -m pytest "):
        assert all((ROOT / part).exists() for part in command.split()[3:] if not part.startswith("-")), line


def test_shell_lines_run(scratch: Path) -> None:
    for block in of_kind("shell"):
        for line in _lines(block):
            if line.startswith(SETUP_TOOLS):
                _check_setup_line(line)
                continue
            done = sh(line, scratch)
            assert done.returncode == 0, (str(block), line, done.stderr[-2000:])


def test_the_test_command_is_what_ci_runs() -> None:
    [block] = [block for block in of_kind("setup") if "pytest" in block.text]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest --cov" in block.text
    assert "python -m pytest --cov\n" in ci
    assert "pip install --quiet -e '.[test,lint]'" in ci


def _shown(line: str, printed: list[str]) -> bool:
    """Whether a line a transcript shows was printed: the same, or its start where it ends in '...'."""
    if line.endswith("..."):
        return any(out.startswith(line[:-3].rstrip()) for out in printed)
    return line in printed


def test_transcripts_print_what_they_show(scratch: Path) -> None:
    for block in of_kind("transcript"):
        commands = re.split(r"^\$ ", block.text, flags=re.MULTILINE)[1:]
        for entry in commands:
            command, *shown = entry.rstrip("\n").split("\n")
            if not command.startswith("privacymodel ") and shutil.which(command.split()[0]) is None:
                continue  # another program (duckdb): run where it is installed
            command = re.sub(r" \[[^\]]*\]", "", command)  # optional parts written as a synopsis
            done = sh(command, scratch)
            assert done.returncode in (0, 1), (str(block), command, done.stderr[-2000:])
            printed = done.stdout.splitlines()
            missing = [line for line in shown if line.strip() not in ("", "...") and not _shown(line, printed)]
            assert missing == [], (str(block), command, done.stdout[:3000])


def test_command_synopses_name_only_options_the_commands_have() -> None:
    for block in of_kind("synopsis"):
        for line in block.text.splitlines():
            words = line.split()
            if len(words) < 2 or words[1].startswith("-"):
                assert sh(line, ROOT).returncode == 0, line
                continue
            helped = sh(f"privacymodel {words[1]} --help", ROOT)
            assert helped.returncode == 0, line
            for option in re.findall(r"--[a-z-]+", line):
                assert option in helped.stdout, (line, option)


def test_the_json_output_sample_is_what_validate_prints(scratch: Path) -> None:
    [block] = of_kind("json-output")
    sample = json.loads(block.text)
    done = sh("privacymodel validate --format json broken.yaml ok.yaml", scratch)
    assert json.loads(done.stdout) == sample


def test_the_label_sample_is_what_render_prints() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index("The top of the label of the Customer360 example")
    sample = text[start : text.index("The browser tests", start)]
    rows = [line for line in sample.splitlines() if line.startswith("| ") and not line.startswith("| |")]
    label = pm.render(pm.load(ROOT / "examples" / "customer360-2014.yaml"), format="md").splitlines()
    assert len(rows) >= 8
    assert [row for row in rows if row not in label] == []


def test_policy_snippets_are_valid(scratch: Path) -> None:
    for block in of_kind("policy"):
        problems = pm.validate_text(block.text, file=str(block))
        assert [p for p in problems if p.severity == "error"] == [], str(block)


# --- JavaScript and TypeScript ------------------------------------------------------------------------------


def _js_folder(tmp_path: Path) -> Path:
    """A folder whose modules resolve ajv, ajv-formats and yaml from tests/js."""
    (tmp_path / "node_modules").symlink_to(NODE_MODULES, target_is_directory=True)
    (tmp_path / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    return tmp_path


def test_the_javascript_snippet_runs(tmp_path: Path) -> None:
    program = node()
    [block] = of_kind("javascript")
    script = _js_folder(tmp_path) / "check.js"
    script.write_text(block.text, encoding="utf-8")
    done = subprocess.run([program, str(script)], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "valid\n", "")


def test_the_javascript_snippet_type_checks_as_typescript(tmp_path: Path) -> None:
    node()
    tsc = NODE_MODULES / ".bin" / "tsc"
    if not tsc.exists():
        pytest.skip("TypeScript is not installed (npm ci --prefix tests/js)")
    [block] = of_kind("javascript")
    text = README.read_text(encoding="utf-8")
    assert "with `addFormats(ajv)` written `addFormats.default(ajv)`" in text  # what the README says to change
    script = _js_folder(tmp_path) / "check.ts"
    script.write_text(block.text.replace("addFormats(ajv)", "addFormats.default(ajv)"), encoding="utf-8")
    flags = ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022"]
    done = subprocess.run(
        [str(tsc), *flags, "--types", "node", str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


# --- installing, and CI: against a clone of this working tree, from the package index ----------------------


def _index_reachable() -> bool:
    url = urlparse(os.environ.get("PIP_INDEX_URL") or "https://pypi.org/simple")
    try:
        with socket.create_connection((url.hostname or "pypi.org", url.port or 443), timeout=5):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A Git repository holding this working tree as one commit (its path and the commit's hash): what a reader's
    Git URL and revision stand for. Skips where the package index cannot be reached."""
    if not _index_reachable():
        pytest.skip("the package index cannot be reached: installing needs it")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path_factory.mktemp("clone") / "privacymodel"
    listed = subprocess.run(
        [GIT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], capture_output=True, cwd=ROOT, check=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if "node_modules" in Path(name).parts or not source.is_file():
            continue
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, folder / name)
    git = [GIT, "-c", "user.name=readme", "-c", "user.email=readme@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=folder, check=True)
    subprocess.run([*git, "add", "-A"], cwd=folder, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "snapshot"], cwd=folder, check=True)
    head = subprocess.run([GIT, "rev-parse", "HEAD"], capture_output=True, text=True, cwd=folder, check=True).stdout.strip()
    return folder, head


@pytest.fixture(scope="module")
def user_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A reader's repository: policies under ``policies/``, one with a warning, committed."""
    folder = tmp_path_factory.mktemp("user")
    (folder / "policies").mkdir()
    shutil.copy(ROOT / "examples" / "customer360-2014.yaml", folder / "policies" / "customer360.yaml")
    git = [GIT, "-c", "user.name=reader", "-c", "user.email=reader@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=folder, check=True)
    subprocess.run([*git, "add", "-A"], cwd=folder, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "policies"], cwd=folder, check=True)
    return folder


def _venv(folder: Path) -> dict[str, str]:
    """A fresh virtual environment with a current pip (as CI's Python has), and the environment variables that put
    it first on the PATH. (The pip bundled with an older Python refuses ``git+file://`` URLs, which stand here for
    a reader's ``git+https://`` one.)"""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, timeout=300)
    upgrade = [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip"]
    subprocess.run(upgrade, check=True, timeout=600, capture_output=True)
    return {"PATH": f"{folder / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}", "VIRTUAL_ENV": str(folder)}


def test_the_github_actions_steps_install_and_validate(clone: tuple[Path, str], user_repository: Path, tmp_path: Path) -> None:
    path, head = clone
    [block] = of_kind("github-actions")
    workflow = yaml.safe_load(block.text)
    [job] = workflow["jobs"].values()
    assert job["env"]["PRIVACYMODEL_GIT"] == "${{ vars.PRIVACYMODEL_GIT }}"
    uses = [step["uses"] for step in job["steps"] if "uses" in step]
    assert uses[0].startswith("actions/checkout@")
    assert uses[1].startswith("actions/setup-python@")
    env = _venv(tmp_path / "venv") | {"PRIVACYMODEL_GIT": f"file://{path}@{head}"}
    for step in (step["run"] for step in job["steps"] if "run" in step):
        done = sh(step, user_repository, env=env)
        assert done.returncode == 0, (step, done.stdout[-2000:], done.stderr[-2000:])
    assert done.stdout.startswith("::warning file=policies/customer360.yaml,")  # the last step's annotations


def test_the_install_lines_install(clone: tuple[Path, str], tmp_path: Path) -> None:
    path, head = clone
    [block] = of_kind("install")
    env = _venv(tmp_path / "venv") | {"PRIVACYMODEL_GIT": f"file://{path}@{head}"}
    for line in _lines(block):
        done = sh(line.replace("/path/to/privacymodel", str(path)), tmp_path, env=env)
        assert done.returncode == 0, (line, done.stderr[-2000:])
        version = sh("privacymodel --version", tmp_path, env=env)
        assert version.returncode == 0, version
        assert version.stdout.strip() == f"privacymodel {pm.__version__}"


def test_the_setup_line_works_in_a_fresh_clone(clone: tuple[Path, str]) -> None:
    path, _ = clone
    [block] = [block for block in of_kind("setup") if "validate examples/" in block.text]
    done = sh(block.text.strip(), path, env={"VIRTUAL_ENV": ""})
    assert done.returncode == 0, done.stderr[-2000:]
    assert "5 files checked: all valid" in done.stdout


@pytest.fixture(scope="module")
def pre_commit(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """pre-commit, with a cache of hook environments of its own (shared by the tests that run it)."""
    if shutil.which("pre-commit", path=str(BIN)) is None and shutil.which("pre-commit") is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    return {"PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}


def test_pre_commit_try_repo_runs_the_hook_and_shows_warnings(
    clone: tuple[Path, str], user_repository: Path, pre_commit: dict[str, str]
) -> None:
    path, _ = clone
    [line] = [line for block in of_kind("shell") for line in _lines(block) if line.startswith("pre-commit try-repo")]
    done = sh(line.replace("/path/to/privacymodel", str(path)), user_repository, env=pre_commit)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "validate privacy policies" in done.stdout
    assert "Passed" in done.stdout
    assert "PM301 warning" in done.stdout  # shown although the hook passes


def test_the_pre_commit_configuration_runs_and_fails_on_an_error(
    clone: tuple[Path, str], user_repository: Path, pre_commit: dict[str, str], tmp_path: Path
) -> None:
    path, head = clone
    [block] = of_kind("pre-commit-config")
    config = yaml.safe_load(block.text)
    [repo] = config["repos"]
    text = block.text.replace(repo["repo"], str(path)).replace(str(repo["rev"]), head)
    work = tmp_path / "work"
    shutil.copytree(user_repository, work)
    (work / ".pre-commit-config.yaml").write_text(text, encoding="utf-8")
    done = sh("pre-commit run --all-files", work, env=pre_commit)
    assert done.returncode == 0, done.stdout[-3000:]
    (work / "policies" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    subprocess.run([GIT, "add", "-A"], cwd=work, check=True)
    done = sh("pre-commit run --all-files", work, env=pre_commit)
    assert done.returncode == 1
    assert "policies/broken.yaml:12:5: PM101 unknown key 'alias'; did you mean 'aliases'?" in done.stdout
