"""``privacymodel terms``: the controlled vocabularies, each term with its description and its W3C DPV IRI.

The vocabularies are the :class:`~privacymodel.model.vocab.Vocabulary` enumerations that
:mod:`privacymodel.model.vocab` exports, named by their class (``PurposeTerm``) or its kebab-case key
(``purpose-term``). Text output fits 80 columns; JSON output is, for one vocabulary,
``{"vocabulary": ..., "terms": [{"term", "description", "iri"}]}`` and, for all, a list of those.
"""

from __future__ import annotations

import argparse
import json
import re
import textwrap
from collections.abc import Iterator
from typing import Any, Final

from privacymodel.cli.common import EXIT_OK, EXIT_USAGE, CommandError, emit, write_output
from privacymodel.cli.escape import quoted
from privacymodel.model import vocab
from privacymodel.model.vocab import Vocabulary, closest_term

__all__ = ["add_command", "as_json", "as_text", "key", "run", "vocabularies"]

_WIDTH: Final = 80


def _wrap(text: str, indent: str, width: int = _WIDTH) -> list[str]:
    """``text`` in lines of at most ``width`` columns after ``indent``, never broken inside a term (``third-party``)."""
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)


def key(name: str) -> str:
    """The kebab-case key of a vocabulary's class name: ``PurposeTerm`` -> ``purpose-term``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name).lower()


def vocabularies() -> dict[str, type[Vocabulary]]:
    """Every vocabulary :mod:`privacymodel.model.vocab` exports, by its class name, in the order of its ``__all__``."""
    found: dict[str, type[Vocabulary]] = {}
    for name in vocab.__all__:
        value = getattr(vocab, name)
        if isinstance(value, type) and issubclass(value, Vocabulary) and value is not Vocabulary:
            found[name] = value
    return found


def _squashed(name: str) -> str:
    """A name as it is matched: letters and digits only, in lower case (``purpose-term``, ``PurposeTerm``)."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _find(name: str, known: dict[str, type[Vocabulary]]) -> type[Vocabulary]:
    """The vocabulary named ``name`` (its class name or key, in any case); exit 2 naming them all if none is."""
    wanted = _squashed(name)
    for cls_name, cls in known.items():
        if _squashed(cls_name) == wanted:
            return cls
    keys = [key(cls_name) for cls_name in known]
    guess = closest_term(key(name) if not name.isupper() else name.lower(), keys)
    hint = f"; did you mean {guess!r}?" if guess else ""
    raise CommandError(EXIT_USAGE, f"unknown vocabulary {quoted(name)}{hint}", f"the vocabularies: {', '.join(keys)}")


def _summary(cls: type[Vocabulary]) -> str:
    """The first paragraph of the vocabulary's documentation, on one line."""
    first = (cls.__doc__ or "").strip().split("\n\n")[0]
    return " ".join(first.replace("``", "").split())


def as_json(cls: type[Vocabulary]) -> dict[str, Any]:
    """A vocabulary as JSON: its class name and each term with its description and DPV IRI (null where none)."""
    return {
        "vocabulary": cls.__name__,
        "terms": [{"term": term.value, "description": term.description, "iri": term.iri} for term in cls],
    }


def as_text(cls: type[Vocabulary]) -> Iterator[str]:
    """A vocabulary as text lines of at most 80 columns (an IRI longer than a line aside): its key and class name,
    what it holds, then each term, its description and its DPV IRI."""
    yield f"{key(cls.__name__)} ({cls.__name__})"
    yield from _wrap(_summary(cls), "  ")
    for term in cls:
        yield ""
        yield f"  {term.value}"
        yield from _wrap(term.description, "    ")
        yield f"    DPV: {term.iri}" if term.iri else "    DPV: none (no DPV concept)"


def run(args: argparse.Namespace) -> int:
    """Print one vocabulary (``args.vocabulary``) or every one, as text or JSON (``args.format``)."""
    known = vocabularies()
    chosen = [_find(args.vocabulary, known)] if args.vocabulary is not None else list(known.values())
    if args.format == "json":
        data: Any = as_json(chosen[0]) if args.vocabulary is not None else [as_json(cls) for cls in chosen]
        write_output(json.dumps(data, indent=2, ensure_ascii=False) + "\n", None)
        return EXIT_OK
    lines: list[str] = []
    for cls in chosen:
        lines += [*([""] if lines else []), *as_text(cls)]
    emit(lines)
    return EXIT_OK


def add_command(commands: Any, formatter: type[argparse.HelpFormatter]) -> None:
    """Declare ``terms [VOCABULARY] [--format text|json]`` and its handler."""
    from privacymodel.cli.parser import HELP  # noqa: PLC0415 - the parser imports this module only when it runs

    names = "\n".join(_wrap(", ".join(key(name) for name in vocabularies()), "  ", 78))
    command = commands.add_parser(
        "terms",
        formatter_class=formatter,
        help=HELP["terms"],
        description=(
            "List every controlled vocabulary of the format, or one, with each term, what it means and\n"
            "its W3C Data Privacy Vocabulary (DPV 2.3) IRI where DPV has the concept. Fields that take\n"
            "an open vocabulary also accept x- custom terms (x-loyalty-points).\n\n"
            "exit status: 0 listed, 2 an unknown vocabulary or another usage error."
        ),
        epilog=f"vocabularies (by key or class name, PurposeTerm or purpose-term):\n{names}",
    )
    command.add_argument("vocabulary", nargs="?", metavar="VOCABULARY", help="the vocabulary to list (default: every one)")
    command.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    command.set_defaults(handler=run)
