"""``privacymodel export`` and ``privacymodel import``: a policy to plain JSON, TILT or DPV, and TILT to a policy.

Every field a conversion leaves out or repairs is reported on standard error, located in the input.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from privacymodel.cli.common import (
    EXIT_INVALID,
    CommandError,
    load_policy,
    print_problems,
    read_input,
    report_notes,
    write_output,
)
from privacymodel.codec.converter import unstructure
from privacymodel.codec.locate import place
from privacymodel.codec.yaml_read import parse
from privacymodel.codec.yaml_write import dump
from privacymodel.problems import PolicyError, Problem

__all__ = ["run_export", "run_import"]


def run_export(args: argparse.Namespace) -> int:
    """Write the policy in the format ``--to`` names; 1 with ``--strict`` if anything was left out."""
    policy, text, name = load_policy(args.path)
    notes: list[Problem] = []
    if args.to == "json":
        document: Any = unstructure(policy)
    elif args.to == "tilt":
        from privacymodel.formats.tilt import to_tilt  # noqa: PLC0415 - only this format needs the TILT writer

        document = to_tilt(policy, notes=notes)
    else:
        from privacymodel.formats.dpv import to_dpv  # noqa: PLC0415 - only this format needs the DPV writer

        document = to_dpv(policy, notes=notes)
    write_output(json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n", args.out)
    return report_notes(notes, text, name, quiet=args.quiet, strict=args.strict)


def run_import(args: argparse.Namespace) -> int:
    """Write the TILT document as a policy in YAML; 1 if it is not one, or with ``--strict`` if anything was lost."""
    from privacymodel.formats.tilt import from_tilt  # noqa: PLC0415 - only this command needs the TILT reader

    text, name = read_input(args.path)
    notes: list[Problem] = []
    try:
        policy = from_tilt(parse(text, name), notes=notes)
    except PolicyError as error:
        print_problems(place(list(error.problems), text, name))
        raise CommandError(EXIT_INVALID) from None
    write_output(dump(policy), args.out)
    return report_notes(notes, text, name, quiet=args.quiet, strict=args.strict)
