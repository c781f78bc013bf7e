"""The command line: the top-level parser and, per command, a function that declares its options and its handler.

Only the command being run is declared in full (:func:`build_parser` with its name): the others are listed with their
one-line help, so running one command does not import what the others need (the audit's laws, the exporters).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final, TypeAlias

from privacymodel.cli.common import emit, whole_number

__all__ = [
    "HELP",
    "add_audit",
    "add_diff",
    "add_export",
    "add_import",
    "add_render",
    "add_schema",
    "add_validate",
    "build_parser",
    "command_in",
]

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

_FORMATTER = argparse.RawDescriptionHelpFormatter

HELP: Final[dict[str, str]] = {
    "validate": "check policy files and report every problem with its line and column",
    "audit": "check a policy against what a law requires it to disclose",
    "diff": "compare two versions of a policy by meaning, not by line",
    "render": "write a privacy label of a policy as Markdown or HTML",
    "export": "write a policy as plain JSON, a TILT document, W3C DPV JSON-LD or a fideslang system manifest",
    "import": "read a TILT document (or a JSON array of them) and write it as a policy in YAML",
    "schema": "print, write or check the JSON Schema of the format",
    "table": "write policies as tables (Parquet or CSV) for analysis",
    "terms": "list vocabulary terms with their descriptions and DPV IRIs",
    "evidence": "check a policy against captures of what a website does (HAR files)",
}
"""Each command's one-line help, in the order ``privacymodel --help`` lists them."""


class _VersionAction(argparse.Action):
    """``--version``: reads the installed version only when asked (importlib.metadata is slow to import)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from privacymodel import __version__  # noqa: PLC0415 - only --version needs the installed version

        emit([f"privacymodel {__version__}"])
        parser.exit()


def command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs: its first word that is not an option, if that names a command."""
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in HELP else None
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of the ``privacymodel`` command; each command sets ``handler`` to the function that runs it.

    With ``command``, only that command is declared in full, the others by name and help alone; without, all are.
    """
    parser = argparse.ArgumentParser(
        prog="privacymodel",
        formatter_class=_FORMATTER,
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
    adders = {
        "validate": add_validate,
        "audit": add_audit,
        "diff": add_diff,
        "render": add_render,
        "export": add_export,
        "import": add_import,
        "schema": add_schema,
        "table": add_table,
        "terms": add_terms,
        "evidence": add_evidence,
    }
    for name, add in adders.items():
        if command is None or name == command:
            add(commands)
        else:
            commands.add_parser(name, help=HELP[name])
    return parser


def add_terms(commands: Commands) -> None:
    """``terms [VOCABULARY] [--format text|json]``, declared beside its handler."""
    from privacymodel.cli import terms  # noqa: PLC0415 - the command's options live in its own module

    terms.add_command(commands, _FORMATTER)


def add_evidence(commands: Commands) -> None:
    """``evidence POLICY CAPTURE... [--format text|json|html] [--site HOST] [--color]``, declared beside its handler."""
    from privacymodel.cli import evidence  # noqa: PLC0415 - the command's options live in its own module

    evidence.add_command(commands, _FORMATTER)


def add_table(commands: Commands) -> None:
    """``table PATH... --out DIR [--format] [--audit] [--root] [--jobs] [--dask]``, declared beside its handler."""
    from privacymodel.cli import table  # noqa: PLC0415 - the command's options live in its own module

    table.add_command(commands, _FORMATTER)


def add_validate(commands: Commands) -> None:
    """``validate PATH... [--format] [--strict] [--quiet] [--color] [--jobs] [--max-problems]``."""
    from privacymodel.checks.validate import MAX_PROBLEMS  # noqa: PLC0415 - declared only when it runs (module docstring)
    from privacymodel.cli import validate  # noqa: PLC0415
    from privacymodel.cli.reporters import REPORTERS  # noqa: PLC0415
    from privacymodel.problems import CODES  # noqa: PLC0415

    codes = "\n".join(f"  {code}  {text}" for code, text in CODES.items())
    command = commands.add_parser(
        "validate",
        formatter_class=_FORMATTER,
        help=HELP["validate"],
        description=(
            "Check policy files: YAML or JSON syntax, the shape of the policy, vocabulary terms,\n"
            "formats, and consistency between parts (ids, references, dates). Every problem is\n"
            "reported with FILE:LINE:COL, a stable code and its JSON path.\n\n"
            "exit status: 0 every file is valid (warnings allowed), 1 a file has an error,\n"
            "2 the command was used wrongly (unknown option, a path that does not exist)."
        ),
        epilog=f"problem codes:\n{codes}",
    )
    command.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a policy file, a folder (searched recursively for *.yaml, *.yml and *.json, "
        "skipping hidden folders), or - for standard input",
    )
    command.add_argument(
        "--format",
        choices=sorted(REPORTERS),
        default="text",
        help="text: one line per problem and a summary (default); json: one document, shape in the README; "
        "github: workflow-command annotations for GitHub Actions",
    )
    command.add_argument("--strict", action="store_true", help="treat warnings as errors")
    command.add_argument("-q", "--quiet", action="store_true", help="print only problems, no summary")
    _color_option(command)
    command.add_argument(
        "-j",
        "--jobs",
        type=whole_number,
        default=0,
        metavar="N",
        help=f"check files in N processes; 0 (default) uses every core when there are more than {validate.PARALLEL_THRESHOLD} files",
    )
    command.add_argument(
        "--max-problems",
        type=whole_number,
        default=MAX_PROBLEMS,
        metavar="N",
        help=f"report at most N problems per file (default {MAX_PROBLEMS}); 0 reports every one",
    )
    command.set_defaults(handler=validate.run)


def add_audit(commands: Commands) -> None:
    """``audit PATH... [--law] [--as-of] [--format] [--fail-on] [--color]``."""
    from privacymodel.checks.audit import LAWS  # noqa: PLC0415 - declared only when it runs (module docstring)
    from privacymodel.cli import audit  # noqa: PLC0415
    from privacymodel.cli.reporters import AUDIT_REPORTERS  # noqa: PLC0415

    command = commands.add_parser(
        "audit",
        formatter_class=_FORMATTER,
        help=HELP["audit"],
        description=(
            "List, item by item, what a law requires a privacy notice to say and whether the policy\n"
            "says it: present (with the paths that satisfy it), missing, unclear, referred (the policy\n"
            "sends readers to a separate notice for the law, named) or not-applicable (with why).\n"
            "The laws, with the day each applies from:\n"
            + "".join(f"  {law:<8} {rule_set.name}, from {rule_set.applies_from.date}\n" for law, rule_set in LAWS.items())
            + "  all      every law the policy cites (in laws, or through its rights).\n\n"
            "The policy is judged as of a day: --as-of, else its own date (last_updated, else\n"
            "effective_date), else today; the report says which and why. A law not yet in force that\n"
            "day, or a duty not yet added to it, is not-applicable, with the date it applies from;\n"
            "a transfer mechanism is judged by whether it could be relied on that day.\n\n"
            "exit status: 0 nothing required is missing, 1 an item is missing (or unclear, with\n"
            "--fail-on unclear) or a file cannot be read, 2 usage error (such as a malformed date)."
        ),
    )
    command.add_argument("paths", nargs="+", metavar="PATH", help="policy files or folders (as for validate)")
    command.add_argument(
        "--law",
        choices=[*sorted(LAWS), "all"],
        default="gdpr",
        help="the law to audit against (default gdpr), or all: every law the policy cites",
    )
    command.add_argument(
        "--as-of",
        type=audit.day,
        metavar="YYYY-MM-DD",
        help="the day to judge the policy on (default: the policy's own date, else today)",
    )
    command.add_argument("--format", choices=sorted(AUDIT_REPORTERS), default="text", help="text (default) or json")
    command.add_argument(
        "--fail-on",
        choices=("missing", "unclear"),
        default="missing",
        help="the status that makes the exit status 1: missing (default), or unclear (which includes missing)",
    )
    _color_option(command)
    command.set_defaults(handler=audit.run)


def add_diff(commands: Commands) -> None:
    """``diff OLD NEW [--format] [--color]``."""
    from privacymodel.cli import diff  # noqa: PLC0415 - declared only when it runs (module docstring)
    from privacymodel.cli.reporters import DIFF_REPORTERS  # noqa: PLC0415

    command = commands.add_parser(
        "diff",
        formatter_class=_FORMATTER,
        help=HELP["diff"],
        description=(
            "Compare two versions of a policy. Items are matched by identity (a cookie by name and\n"
            "provider, a recipient by name or kind, a right by kind and law, a data category or purpose\n"
            "by term, a contact by address), so reordering is no change. Changes that reduce what people\n"
            "are told or can do (a right removed, a new recipient or purpose, longer retention) are listed\n"
            "first. --format md or html writes a report for the people the policy covers: what may affect\n"
            "them most first, then every change by topic, the old and the new value side by side.\n\n"
            "exit status: 0 the policies say the same, 1 they differ, 2 usage error or a file that cannot\n"
            "be read or is not a valid policy."
        ),
    )
    command.add_argument("old", metavar="OLD", help="the earlier policy file")
    command.add_argument("new", metavar="NEW", help="the later policy file")
    formats = [*sorted(DIFF_REPORTERS), *diff.REPORT_FORMATS]
    command.add_argument("--format", choices=formats, default="text", help="text (default), json, or a report as md or html")
    _color_option(command)
    command.set_defaults(handler=diff.run)


def add_render(commands: Commands) -> None:
    """``render PATH [--format] [--out]``."""
    from privacymodel.cli import render  # noqa: PLC0415 - declared only when it runs (module docstring)

    command = commands.add_parser(
        "render",
        formatter_class=_FORMATTER,
        help=HELP["render"],
        description=(
            "Write a privacy label of a policy: short answers (is data sold, marketing and ads, tracking,\n"
            "how long it is kept, how to delete it, other rights and how to use them, who receives it,\n"
            "countries, who is responsible, children), then grids of each kind of data against what it is\n"
            "used for and who receives it, then tables of the details. What the policy does not say is\n"
            "shown as 'not stated', unlike a stated 'no'. HTML is one self-contained file: inline CSS,\n"
            "nothing fetched, every value escaped, readable on a phone and in print.\n\n"
            "exit status: 0 written, 1 the file is not a valid policy, 2 usage error."
        ),
    )
    command.add_argument("path", metavar="PATH", help="a policy file, or - for standard input")
    command.add_argument("--format", choices=("md", "html"), default="md", help="md (default, renders on GitHub) or html")
    command.add_argument("--out", metavar="FILE", type=Path, help="write to FILE instead of standard output")
    command.set_defaults(handler=render.run)


def add_export(commands: Commands) -> None:
    """``export PATH --to FORMAT [--out] [--strict] [--quiet]``."""
    from privacymodel.cli import convert  # noqa: PLC0415 - declared only when it runs (module docstring)

    command = commands.add_parser(
        "export",
        formatter_class=_FORMATTER,
        help=HELP["export"],
        description=(
            "Write a policy in another format, to standard output or --out FILE:\n"
            "  json  the plain JSON form, which the exported JSON Schema describes; nothing is lost\n"
            "  tilt  a TILT document (Transparency Information Language) that TILT's JSON Schema accepts;\n"
            "        fields TILT requires and the policy does not state get the placeholders the README lists\n"
            "  dpv   JSON-LD in W3C Data Privacy Vocabulary 2.3 terms: a dpv:Process with its privacy notice\n"
            "  fides a Fides manifest in YAML: a fideslang system with its privacy declarations, and a dataset\n"
            "Every field the format cannot hold is reported on standard error (PM404), with its line\n"
            "and column in the policy, and so is every placeholder written (PM405).\n\n"
            "exit status: 0 written, 1 the file is not a valid policy (or, with --strict, something\n"
            "was left out), 2 usage error."
        ),
    )
    command.add_argument("path", metavar="PATH", help="a policy file, or - for standard input")
    command.add_argument("--to", required=True, choices=("json", "tilt", "dpv", "fides"), help="the format to write")
    _conversion_options(command, "a field is left out or a placeholder written", "what is left out")
    command.set_defaults(handler=convert.run_export)


def add_import(commands: Commands) -> None:
    """``import PATH --from tilt [--out FILE|DIR] [--strict] [--quiet]``."""
    from privacymodel.cli import convert  # noqa: PLC0415 - declared only when it runs (module docstring)

    command = commands.add_parser(
        "import",
        formatter_class=_FORMATTER,
        help=HELP["import"],
        description=(
            "Read a TILT document (JSON) and write the policy it describes as YAML, to standard output\n"
            "or --out FILE. Placeholders (null, empty text, empty lists) are read as 'not stated'; legal\n"
            "bases written in prose ('Art. 6(1)(f) GDPR', 'Artikel 6 Absatz 1 Buchstabe a, b DSGVO') are\n"
            "recognised, several in one reference too; countries written as names ('Deutschland') are read\n"
            "as their codes; durations such as P72H are read as meant (PT72H); categories, purposes and\n"
            "recipient categories that match no vocabulary term become x- custom terms, their text kept as\n"
            "their label. Every TILT field that cannot be carried over (PM402) and every value read as\n"
            "meant rather than as written (PM403) is reported on standard error with its line and column.\n\n"
            "A JSON array of TILT documents (a corpus dump) needs --out DIR: each document is written to\n"
            "DIR/<name>.yaml, the name made from its controller's name (unique: acme, acme-2), and a summary\n"
            "of the documents written and refused is printed, the problems of each located in the array.\n\n"
            "exit status: 0 written, 1 the input (or a document of the array) is not a TILT document\n"
            "(PM401) or cannot be read (or, with --strict, something could not be carried over or was read\n"
            "as meant), 2 usage error (an array without --out DIR)."
        ),
    )
    command.add_argument("path", metavar="PATH", help="a TILT document or a JSON array of them, or - for standard input")
    command.add_argument("--from", dest="source", required=True, choices=("tilt",), help="the format to read")
    command.add_argument(
        "--out",
        metavar="FILE|DIR",
        type=Path,
        help="write to FILE instead of standard output; for an array, the folder DIR to write one file per document to",
    )
    command.add_argument("--strict", action="store_true", help="exit 1 when a field was not carried over or read as meant")
    command.add_argument("-q", "--quiet", action="store_true", help="do not report what could not be carried over")
    command.set_defaults(handler=convert.run_import)


def add_schema(commands: Commands) -> None:
    """``schema [--out DIR] [--check]``."""
    from privacymodel.cli import schema  # noqa: PLC0415 - declared only when it runs (module docstring)

    command = commands.add_parser(
        "schema",
        formatter_class=_FORMATTER,
        help=HELP["schema"],
        description=(
            "Print the JSON Schema (draft 2020-12) generated from the model, write it to a folder, or\n"
            f"check that a folder's copy ({schema.SCHEMA_FILE}) is up to date.\n\n"
            "exit status: 0 written or up to date, 1 the copy is missing or stale, 2 usage error."
        ),
    )
    command.add_argument("--out", metavar="DIR", type=Path, help=f"write DIR/{schema.SCHEMA_FILE} instead of printing")
    command.add_argument(
        "--check",
        action="store_true",
        help=f"do not write; exit 1 if DIR/{schema.SCHEMA_FILE} differs from the generated schema (DIR defaults to schemas)",
    )
    command.set_defaults(handler=schema.run)


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
