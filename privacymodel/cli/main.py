"""The ``privacymodel`` command: option parsing, calling the library, picking a reporter and an exit status."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final, TextIO

import attrs

from privacymodel.checks.audit import LAWS, audit
from privacymodel.checks.diff import TOPICS, diff
from privacymodel.checks.diff import summary as diff_summary
from privacymodel.checks.validate import dump, load, loads, place, read_limited, unstructure, validate_file, validate_text
from privacymodel.cli.reporters import AUDIT_REPORTERS, DIFF_REPORTERS, REPORTERS, AuditResult, FileResult, safe
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import CODES, Code, PolicyError, Problem

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2

SUFFIXES: Final = (".yaml", ".yml", ".json")
SCHEMA_FILE: Final = "privacy-policy.schema.json"
_PARALLEL_THRESHOLD: Final = 64


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    pass


class _VersionAction(argparse.Action):
    """``--version``: reads the installed version only when asked (importlib.metadata is slow to import)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from privacymodel import __version__  # noqa: PLC0415

        print(f"privacymodel {__version__}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="privacymodel",
        formatter_class=_HelpFormatter,
        description="Check, audit, compare and summarise privacy policies written as YAML or JSON in the privacymodel format.",
        epilog=(
            "examples:\n"
            "  privacymodel validate examples/               check every policy under a folder\n"
            "  privacymodel validate --format github p.yaml  annotations for GitHub Actions\n"
            "  privacymodel audit --law gdpr policy.yaml     what the GDPR requires and the policy misses\n"
            "  privacymodel diff old.yaml new.yaml           what changed between two versions\n"
            "  privacymodel render --format html p.yaml      a one-page summary\n"
            "  privacymodel export --to tilt p.yaml          the policy as a TILT document\n"
            "  privacymodel import --from tilt t.json        a TILT document as a policy\n"
            "  privacymodel schema --out schemas/            write the JSON Schema\n\n"
            "Run 'privacymodel COMMAND --help' for a command's options."
        ),
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    codes = "\n".join(f"  {code}  {text}" for code, text in CODES.items())
    validate = commands.add_parser(
        "validate",
        formatter_class=_HelpFormatter,
        help="check policy files and report every problem with its line and column",
        description=(
            "Check policy files: YAML or JSON syntax, the shape of the policy, vocabulary terms,\n"
            "formats, and consistency between parts (ids, references, dates). Every problem is\n"
            "reported with FILE:LINE:COL, a stable code and its JSON path.\n\n"
            "exit status: 0 every file is valid (warnings allowed), 1 a file has an error,\n"
            "2 the command was used wrongly (unknown option, a path that does not exist)."
        ),
        epilog=f"problem codes:\n{codes}",
    )
    validate.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a policy file, a folder (searched recursively for *.yaml, *.yml and *.json, "
        "skipping hidden folders), or - for standard input",
    )
    validate.add_argument(
        "--format",
        choices=sorted(REPORTERS),
        default="text",
        help="text: one line per problem and a summary (default); json: one document, shape in the README; "
        "github: workflow-command annotations for GitHub Actions",
    )
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("-q", "--quiet", action="store_true", help="print only problems, no summary")
    _color_option(validate)
    validate.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help=f"check files in N processes; 0 (default) uses every core when there are more than {_PARALLEL_THRESHOLD} files",
    )

    audit = commands.add_parser(
        "audit",
        formatter_class=_HelpFormatter,
        help="check a policy against what a law requires it to disclose",
        description=(
            "List, item by item, what a law requires a privacy notice to say and whether the policy\n"
            "says it: present (with the paths that satisfy it), missing, not-applicable (with why) or\n"
            "unclear. gdpr covers Articles 13 and 14; ccpa the notice at collection and the rights;\n"
            "coppa the basics for a service that says it is, or is not, directed at children.\n\n"
            "exit status: 0 nothing required is missing, 1 an item is missing (or unclear, with\n"
            "--fail-on unclear) or a file cannot be read, 2 usage error."
        ),
    )
    audit.add_argument("paths", nargs="+", metavar="PATH", help="policy files or folders (as for validate)")
    audit.add_argument("--law", choices=sorted(LAWS), default="gdpr", help="the law to audit against (default gdpr)")
    audit.add_argument("--format", choices=sorted(AUDIT_REPORTERS), default="text", help="text (default) or json")
    audit.add_argument(
        "--fail-on",
        choices=("missing", "unclear"),
        default="missing",
        help="the status that makes the exit status 1: missing (default), or unclear (which includes missing)",
    )
    _color_option(audit)

    compare = commands.add_parser(
        "diff",
        formatter_class=_HelpFormatter,
        help="compare two versions of a policy by meaning, not by line",
        description=(
            "Compare two versions of a policy. Items are matched by identity (a cookie by name and\n"
            "provider, a recipient by name or kind, a right by kind and law, a data category or purpose\n"
            "by term, a contact by address), so reordering is no change. Changes that reduce what people\n"
            "are told or can do (a right removed, a new recipient or purpose, longer retention) are listed\n"
            "first.\n\n"
            "exit status: 0 the policies say the same, 1 they differ, 2 usage error or a file that cannot\n"
            "be read or is not a valid policy."
        ),
    )
    compare.add_argument("old", metavar="OLD", help="the earlier policy file")
    compare.add_argument("new", metavar="NEW", help="the later policy file")
    compare.add_argument("--format", choices=sorted(DIFF_REPORTERS), default="text", help="text (default) or json")
    _color_option(compare)

    summary = commands.add_parser(
        "render",
        formatter_class=_HelpFormatter,
        help="write a one-page summary of a policy as Markdown or HTML",
        description=(
            "Write a readable summary of a policy: a privacy label (who is responsible, what data, why,\n"
            "who receives it, how long it is kept, where it goes, rights, sale, Do Not Track, minimum age),\n"
            "then tables of the details. What the policy does not say is shown as 'not stated'. HTML is one\n"
            "self-contained file: inline CSS, nothing fetched, every value escaped.\n\n"
            "exit status: 0 written, 1 the file is not a valid policy, 2 usage error."
        ),
    )
    summary.add_argument("path", metavar="PATH", help="a policy file, or - for standard input")
    summary.add_argument("--format", choices=("md", "html"), default="md", help="md (default, renders on GitHub) or html")
    summary.add_argument("--out", metavar="FILE", type=Path, help="write to FILE instead of standard output")

    export = commands.add_parser(
        "export",
        formatter_class=_HelpFormatter,
        help="write a policy as plain JSON, as a TILT document or as W3C DPV JSON-LD",
        description=(
            "Write a policy in another format, to standard output or --out FILE:\n"
            "  json  the plain JSON form, which the exported JSON Schema describes; nothing is lost\n"
            "  tilt  a TILT document (Transparency Information Language) that TILT's JSON Schema accepts;\n"
            "        fields TILT requires and the policy does not state get the placeholders the README lists\n"
            "  dpv   JSON-LD in W3C Data Privacy Vocabulary (DPV 2.x) terms\n"
            "Every field the format cannot hold is reported on standard error (PM404), with its line\n"
            "and column in the policy, and so is every placeholder written (PM405).\n\n"
            "exit status: 0 written, 1 the file is not a valid policy (or, with --strict, something\n"
            "was left out), 2 usage error."
        ),
    )
    export.add_argument("path", metavar="PATH", help="a policy file, or - for standard input")
    export.add_argument("--to", required=True, choices=("json", "tilt", "dpv"), help="the format to write")
    _conversion_options(export, "a field is left out or a placeholder written", "what is left out")

    importer = commands.add_parser(
        "import",
        formatter_class=_HelpFormatter,
        help="read a TILT document and write it as a policy in YAML",
        description=(
            "Read a TILT document (JSON) and write the policy it describes as YAML, to standard output\n"
            "or --out FILE. Placeholders (null, empty text, empty lists) are read as 'not stated'; legal\n"
            "bases written in prose ('Art. 6(1)(f) GDPR', 'Artikel 6 Absatz 1 Buchstabe b DSGVO') are\n"
            "recognised; durations such as P72H are read as meant (PT72H); categories and purposes that\n"
            "match no vocabulary term become x- custom terms with the original text kept. Every TILT field\n"
            "that cannot be carried over (PM402) and every value repaired (PM403) is reported on standard\n"
            "error with its line and column.\n\n"
            "exit status: 0 written, 1 the input is not a TILT document (PM401) or cannot be read (or,\n"
            "with --strict, something could not be carried over), 2 usage error."
        ),
    )
    importer.add_argument("path", metavar="PATH", help="a TILT document, or - for standard input")
    importer.add_argument("--from", dest="source", required=True, choices=("tilt",), help="the format to read")
    _conversion_options(importer, "a field could not be carried over or was repaired", "what could not be carried over")

    schema = commands.add_parser(
        "schema",
        formatter_class=_HelpFormatter,
        help="print, write or check the JSON Schema of the format",
        description=(
            "Print the JSON Schema (draft 2020-12) generated from the model, write it to a folder, or\n"
            f"check that a folder's copy ({SCHEMA_FILE}) is up to date.\n\n"
            "exit status: 0 written or up to date, 1 the copy is missing or stale, 2 usage error."
        ),
    )
    schema.add_argument("--out", metavar="DIR", type=Path, help=f"write DIR/{SCHEMA_FILE} instead of printing")
    schema.add_argument(
        "--check",
        action="store_true",
        help=f"do not write; exit 1 if DIR/{SCHEMA_FILE} differs from the generated schema (DIR defaults to schemas)",
    )
    return parser


def _color_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output: auto (default) colours only on a terminal and when NO_COLOR is not set",
    )


def _conversion_options(parser: argparse.ArgumentParser, strict: str, quiet: str) -> None:
    parser.add_argument("--out", metavar="FILE", type=Path, help="write to FILE instead of standard output")
    parser.add_argument("--strict", action="store_true", help=f"exit 1 when {strict}")
    parser.add_argument("-q", "--quiet", action="store_true", help=f"do not report {quiet}")


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("expected 0 or more")
    return value


def _expand(paths: Iterable[str]) -> Iterator[str]:
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.endswith(SUFFIXES):
                    yield os.path.join(root, name)


def _validate_one(path: str) -> FileResult:
    return FileResult(file=path, problems=tuple(validate_file(path)))


def _validate(files: Sequence[str], jobs: int, stdin: bytes | None) -> list[FileResult]:
    workers = jobs or ((os.cpu_count() or 1) if len(files) > _PARALLEL_THRESHOLD else 1)
    on_disk = [f for f in files if f != "-"]
    results: dict[str, FileResult] = {}
    if workers > 1 and len(on_disk) > 1:
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - only for many files

        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunk = max(1, len(on_disk) // (workers * 8))
            for result in pool.map(_validate_one, on_disk, chunksize=chunk):
                results[result.file] = result
    else:
        for path in on_disk:
            results[path] = _validate_one(path)
    out = []
    for path in files:
        if path == "-":
            out.append(FileResult(file="<stdin>", problems=tuple(validate_text(stdin or b"", file="<stdin>"))))
        else:
            out.append(results[path])
    return out


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _strict(problem: Problem) -> Problem:
    return attrs.evolve(problem, severity="error") if problem.severity == "warning" else problem


def _policy_files(command: str, paths: Sequence[str]) -> list[str] | None:
    """The files named or found under ``paths``; None (after saying why on stderr) for a usage error."""
    missing = [path for path in paths if path != "-" and not os.path.exists(path)]
    for path in missing:
        print(f"privacymodel {command}: error: no such file or directory: {path!r}", file=sys.stderr)
    if missing:
        return None
    files = list(dict.fromkeys(_expand(paths)))
    if not files:
        print(f"privacymodel {command}: error: no *.yaml, *.yml or *.json files under the paths given", file=sys.stderr)
        return None
    return files


def _print_problems(problems: Iterable[Problem]) -> None:
    """Problems on standard error, one per line, for the commands whose output is not a report of them."""
    for problem in problems:
        print(f"{safe(problem.location)}: {problem.code} {safe(problem.message)} ({safe(problem.path)})", file=sys.stderr)


def _run_validate(args: argparse.Namespace) -> int:
    files = _policy_files("validate", args.paths)
    if files is None:
        return EXIT_USAGE
    stdin = sys.stdin.buffer.read() if "-" in files else None
    results = _validate(files, args.jobs, stdin)
    if args.strict:
        results = [FileResult(file=r.file, problems=tuple(_strict(p) for p in r.problems)) for r in results]
    reporter = REPORTERS[args.format]
    color = _use_color(args.color, sys.stdout) if args.format == "text" else False
    for line in reporter(results, color=color, quiet=args.quiet):
        print(line)
    return EXIT_OK if all(result.valid for result in results) else EXIT_INVALID


def _schema_text() -> str:
    from privacymodel.model.schema import json_schema  # noqa: PLC0415 - only this command needs the generator

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _run_schema(args: argparse.Namespace) -> int:
    text = _schema_text()
    folder: Path = args.out or Path("schemas")
    target = folder / SCHEMA_FILE
    if args.check:
        try:
            current = target.read_text(encoding="utf-8")
        except OSError:
            print(f"{target}: missing; run 'privacymodel schema --out {folder}'", file=sys.stderr)
            return EXIT_INVALID
        if current != text:
            print(f"{target}: stale; run 'privacymodel schema --out {folder}'", file=sys.stderr)
            return EXIT_INVALID
        print(f"{target}: up to date")
        return EXIT_OK
    if args.out is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"privacymodel schema: error: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {target}")
    return EXIT_OK


def _run_audit(args: argparse.Namespace) -> int:
    files = _policy_files("audit", args.paths)
    if files is None:
        return EXIT_USAGE
    results = []
    for path in files:
        source = sys.stdin.buffer.read() if path == "-" else None
        name = "<stdin>" if path == "-" else path
        try:
            policy = loads(source, file=name) if source is not None else load(path)
        except PolicyError as error:
            results.append(AuditResult(file=name, findings=(), problems=error.problems))
        except OSError as error:
            problem = Problem(code=Code.UNREADABLE, message=f"cannot read the file: {error.strerror or error}", file=name)
            results.append(AuditResult(file=name, findings=(), problems=(problem,)))
        else:
            results.append(AuditResult(file=name, findings=audit(policy, args.law)))
    color = _use_color(args.color, sys.stdout) if args.format == "text" else False
    for line in AUDIT_REPORTERS[args.format](results, color=color, law=args.law):
        print(line)
    failing = {"missing"} | ({"unclear"} if args.fail_on == "unclear" else set())
    bad = any(r.problems or any(f.status in failing for f in r.findings) for r in results)
    return EXIT_INVALID if bad else EXIT_OK


def _run_diff(args: argparse.Namespace) -> int:
    policies = []
    for path in (args.old, args.new):
        if not os.path.exists(path):
            print(f"privacymodel diff: error: no such file or directory: {path!r}", file=sys.stderr)
            return EXIT_USAGE
        try:
            policies.append(load(path))
        except PolicyError as error:
            _print_problems(error.problems)
            print(f"privacymodel diff: error: {path!r} is not a valid policy", file=sys.stderr)
            return EXIT_USAGE
        except OSError as error:
            print(f"privacymodel diff: error: cannot read {path!r}: {error.strerror or error}", file=sys.stderr)
            return EXIT_USAGE
    old, new = policies
    changes = diff(old, new)
    color = _use_color(args.color, sys.stdout) if args.format == "text" else False
    lines = DIFF_REPORTERS[args.format](
        changes, summary=diff_summary(changes, old, new), color=color, topics=TOPICS, old=args.old, new=args.new
    )
    for line in lines:
        print(line)
    return EXIT_INVALID if changes else EXIT_OK


def _run_render(args: argparse.Namespace) -> int:
    from privacymodel.formats.render import render  # noqa: PLC0415 - only this command needs the renderer

    loaded = _load_policy("render", args.path)
    if isinstance(loaded, int):
        return loaded
    return _write_output("render", render(loaded[0], args.format), args.out)


def _read_input(command: str, path: str) -> tuple[str, str] | int:
    """The text of ``path`` (or standard input for -) and its name; an exit status after saying why on stderr."""
    from privacymodel.codec.yaml_read import decode  # noqa: PLC0415

    if path != "-" and not os.path.exists(path):
        print(f"privacymodel {command}: error: no such file or directory: {path!r}", file=sys.stderr)
        return EXIT_USAGE
    name = "<stdin>" if path == "-" else path
    try:
        data = sys.stdin.buffer.read() if path == "-" else read_limited(path)
        return decode(data, name), name
    except PolicyError as error:
        _print_problems(error.problems)
        return EXIT_INVALID
    except OSError as error:
        print(f"privacymodel {command}: error: cannot read {path!r}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE


def _write_output(command: str, text: str, out: Path | None) -> int:
    if out is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"privacymodel {command}: error: cannot write {str(out)!r}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _load_policy(command: str, path: str) -> tuple[PrivacyPolicy, str, str] | int:
    """The policy in ``path`` (or standard input for -), its text and its name; an exit status after saying why."""
    read = _read_input(command, path)
    if isinstance(read, int):
        return read
    text, name = read
    try:
        return loads(text, file=name), text, name
    except PolicyError as error:
        _print_problems(error.problems)
        return EXIT_INVALID


def _run_export(args: argparse.Namespace) -> int:
    loaded = _load_policy("export", args.path)
    if isinstance(loaded, int):
        return loaded
    policy, text, name = loaded
    notes: list[Problem] = []
    if args.to == "json":
        document: Any = unstructure(policy)
    elif args.to == "tilt":
        from privacymodel.formats.tilt import to_tilt  # noqa: PLC0415

        document = to_tilt(policy, notes=notes)
    else:
        from privacymodel.formats.dpv import to_dpv  # noqa: PLC0415

        document = to_dpv(policy, notes=notes)
    status = _write_output("export", json.dumps(document, indent=2, ensure_ascii=False) + "\n", args.out)
    return _report_notes(notes, text, name, args) if status == EXIT_OK else status


def _run_import(args: argparse.Namespace) -> int:
    from privacymodel.codec.yaml_read import parse  # noqa: PLC0415
    from privacymodel.formats.tilt import from_tilt  # noqa: PLC0415

    read = _read_input("import", args.path)
    if isinstance(read, int):
        return read
    text, name = read
    notes: list[Problem] = []
    try:
        policy = from_tilt(parse(text, name), notes=notes)
    except PolicyError as error:
        _print_problems(place(list(error.problems), text, name))
        return EXIT_INVALID
    status = _write_output("import", dump(policy), args.out)
    return _report_notes(notes, text, name, args) if status == EXIT_OK else status


def _report_notes(notes: list[Problem], text: str, name: str, args: argparse.Namespace) -> int:
    """Report conversion notes on stderr, located in ``text``; the exit status they lead to."""
    if notes and not args.quiet:
        _print_problems(place(notes, text, name))
    return EXIT_INVALID if notes and args.strict else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``) and return its exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            return _run_validate(args)
        if args.command == "audit":
            return _run_audit(args)
        if args.command == "diff":
            return _run_diff(args)
        if args.command == "render":
            return _run_render(args)
        if args.command == "export":
            return _run_export(args)
        if args.command == "import":
            return _run_import(args)
        return _run_schema(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (| head): nothing more to say.
        sys.stderr.close()
        return EXIT_INVALID
