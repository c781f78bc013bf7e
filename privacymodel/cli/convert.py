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
    elif args.to == "fides":
        from privacymodel.codec.yaml_write import dump_yaml  # noqa: PLC0415 - Fides manifests are YAML, unlike the rest
        from privacymodel.formats.fides import to_fides  # noqa: PLC0415 - only this format needs the fideslang writer

        write_output(dump_yaml(to_fides(policy, notes=notes)), args.out)
        return report_notes(notes, text, name, quiet=args.quiet, strict=args.strict)
    else:
        from privacymodel.formats.dpv import to_dpv  # noqa: PLC0415 - only this format needs the DPV writer

        document = to_dpv(policy, notes=notes)
    write_output(json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n", args.out)
    return report_notes(notes, text, name, quiet=args.quiet, strict=args.strict)


def run_import(args: argparse.Namespace) -> int:
    """Write the TILT document as a policy in YAML, or each document of a JSON array as a policy in ``--out DIR``
    with a summary; 1 if a document is refused, or with ``--strict`` if anything was lost or read as meant."""
    # Only this command needs the TILT reader.
    from privacymodel.cli.common import EXIT_USAGE, emit  # noqa: PLC0415
    from privacymodel.cli.escape import quoted, safe  # noqa: PLC0415
    from privacymodel.formats.tilt import from_tilt, from_tilt_array, place_in_array, read_tilt_text  # noqa: PLC0415

    text, name = read_input(args.path)
    try:
        data, notes = read_tilt_text(text, name)
        policy = None if isinstance(data, list) else from_tilt(data, notes=notes)
    except PolicyError as error:
        print_problems(place(list(error.problems), text, name))
        raise CommandError(EXIT_INVALID) from None
    if policy is not None:
        write_output(dump(policy), args.out)
        return report_notes(notes, text, name, quiet=args.quiet, strict=args.strict)
    out = args.out
    if out is None or out.is_file():
        what = f"{quoted(name)} is an array of {len(data)} TILT documents"
        raise CommandError(EXIT_USAGE, f"{what}: pass --out DIR to write one policy per document into the folder DIR")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(EXIT_USAGE, f"cannot make the folder {quoted(str(out))}: {error.strerror or error}") from None
    refused = []
    for result in from_tilt_array(data):
        if result.policy is None:
            refused.append(result)
            continue
        write_output(dump(result.policy), out / f"{result.name}.yaml")
        notes += result.notes
    print_problems(place_in_array([p for result in refused for p in result.problems], text, name))
    status = report_notes(place_in_array(notes, text, name), text, name, quiet=args.quiet, strict=args.strict)
    emit(
        [
            f"{len(data) - len(refused)} of {len(data)} documents written to {safe(str(out))}",
            *(f"refused: document {r.index} ({r.name}): {safe('; '.join(p.message for p in r.problems))}" for r in refused),
        ]
    )
    return EXIT_INVALID if refused else status
