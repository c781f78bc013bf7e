"""``privacymodel evidence``: a policy against captures of a website visit (HAR files, the Website Evidence
Collector's output), each finding at the line and column of the request or cookie that shows it.

The report lists the captures' problems, then the policy's (declared cookies no capture shows, or what makes the
policy invalid), as ``validate`` does: text (a line per problem and a summary), JSON of ``validate``'s shape, or an
HTML page.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any, Final

from privacymodel.checks.validate import loads, validate_text
from privacymodel.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, CommandError, emit, require_exists, use_color, write_output
from privacymodel.cli.files import STDIN, read_source
from privacymodel.cli.reporters import REPORTERS, FileResult, render_text
from privacymodel.codec.locate import place
from privacymodel.codec.text import decode
from privacymodel.formats.evidence import check_capture, not_observed, read_capture
from privacymodel.formats.evidence.hosts import normal
from privacymodel.formats.evidence.report import page, summary
from privacymodel.problems import Code, PolicyError, Problem

__all__ = ["add_command", "run"]

FORMATS: Final = ("text", "json", "html")


def _read(path: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of ``path`` (standard input for ``-``), or the problems that stopped them being read."""
    name = STDIN if path == "-" else path
    try:
        return read_source(path), []
    except PolicyError as error:
        return None, list(error.problems)
    except OSError as error:
        return None, [Problem(code=Code.UNREADABLE, message=f"cannot read the file: {error.strerror or error}", file=name)]


def results(policy_path: str, capture_paths: list[str], site: str | None) -> Iterator[FileResult]:
    """Each capture's problems, one file at a time, then the policy's: the declared cookies no capture shows, or the
    errors that stopped it being compared (then no capture is read)."""
    policy_name = STDIN if policy_path == "-" else policy_path
    data, problems = _read(policy_path)
    text = ""
    if data is not None:
        try:
            text = decode(data, policy_name)
        except PolicyError as error:
            problems = list(error.problems)
        else:
            problems = [problem for problem in validate_text(text, file=policy_name) if problem.severity == "error"]
    if problems:
        yield FileResult(file=policy_name, problems=tuple(problems))
        return
    policy = loads(text, file=policy_name)
    observed: set[int] = set()
    read = False
    for path in capture_paths:
        name = STDIN if path == "-" else path
        raw, problems = _read(path)
        if raw is not None:
            try:
                capture = read_capture(raw, file=name)
            except PolicyError as error:
                problems = list(error.problems)
            else:
                problems, shown = check_capture(policy, capture, site=site)
                observed |= shown
                read = True
        yield FileResult(file=name, problems=tuple(problems))
    unseen = not_observed(policy, observed) if read else []
    yield FileResult(file=policy_name, problems=tuple(place(unseen, text, policy_name)))


def _site(text: str) -> str:
    """``--site``: a host name (``example.com``), kept in lower case."""
    host = normal(text)
    if not host or any(char in host for char in "/:@ ") or not host.isprintable():
        raise argparse.ArgumentTypeError(f"expected a host name such as example.com, got {text!r}")
    return host


def run(args: argparse.Namespace) -> int:
    """Compare the policy with the captures and print the report; 1 if anything undeclared is found or a file is
    invalid."""
    paths = [args.policy, *args.captures]
    if paths.count("-") > 1:
        raise CommandError(EXIT_USAGE, "standard input (-) can be read only once")
    for path in paths:
        require_exists(path)
    found = list(results(args.policy, args.captures, args.site))
    invalid = any(not result.valid for result in found)
    if args.format == "html":
        title = f"{args.policy} against what the website does"
        write_output(page([(result.file, result.problems) for result in found], title), None)
    elif args.format == "json":
        emit(REPORTERS["json"](found, color=False, quiet=False))
    else:
        color = use_color(args.color, sys.stdout)
        lines = list(render_text(found, color=color, quiet=True))
        checked = len(found) - 1
        if not checked:  # only the policy's errors: it was not compared
            lines.append("the policy is not valid: no capture was compared")
        else:
            lines.append(
                f"{checked} capture{'s' if checked != 1 else ''} checked: {summary(p for r in found for p in r.problems)}"
            )
        emit(lines)
    return EXIT_INVALID if invalid else EXIT_OK


def add_command(commands: Any, formatter: type[argparse.HelpFormatter]) -> None:
    """Declare ``evidence POLICY CAPTURE... [--format text|json|html] [--site HOST] [--color]`` and its handler."""
    from privacymodel.cli.parser import HELP  # noqa: PLC0415 - the parser imports this module only when it runs

    command = commands.add_parser(
        "evidence",
        formatter_class=formatter,
        help=HELP["evidence"],
        description=(
            "Compare a policy with captures of a visit to the website: HAR files (exported by Chromium,\n"
            "Firefox, Playwright or mitmproxy) or the EDPS Website Evidence Collector's inspection.json.\n"
            "Each finding is reported at the line and column of the request or cookie that shows it:\n"
            "  PM511  a cookie no declaration covers (by name or name_prefix, and domain where declared),\n"
            "         naming known trackers (facts from the Open Cookie Database)\n"
            "  PM512  a cookie declared first-party that another site sets, or third-party that the site sets\n"
            "  PM513  a cookie lasting longer than its declared lifetime\n"
            "  PM514  a third-party host contacted that no recipient's domains cover\n"
            "  PM515  a declared cookie no capture shows (a warning, in the policy file)\n"
            "A capture is read as a policy file is (size limit, strict JSON, located errors); PM501 when it is\n"
            "neither kind, PM502 for a HAR version other than 1.1 or 1.2, PM503 for an item that cannot be read.\n\n"
            "First or third party: a host or cookie domain is the site's own when it is the site, a subdomain\n"
            "of it or a domain above it; there is no public-suffix list, so give --site example.com to count\n"
            "every subdomain of example.com as the site.\n\n"
            "exit status: 0 nothing undeclared (declared cookies not observed allowed), 1 something\n"
            "undeclared or a file that is invalid or cannot be read, 2 usage error."
        ),
        epilog="example:\n  privacymodel evidence policy.yaml visit.har --format json",
    )
    command.add_argument("policy", metavar="POLICY", help="the policy file, or - for standard input")
    command.add_argument(
        "captures", nargs="+", metavar="CAPTURE", help="a HAR file or the Website Evidence Collector's inspection.json"
    )
    command.add_argument("--format", choices=FORMATS, default="text", help="text (default), json (validate's shape) or html")
    command.add_argument(
        "--site",
        type=_site,
        metavar="HOST",
        help="the site's host: it and its subdomains are first party (default: each capture's first page, without www.)",
    )
    command.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output: auto (default) colours only on a terminal and when NO_COLOR is not set",
    )
    command.set_defaults(handler=run)
