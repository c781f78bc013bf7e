"""What a capture shows: the requests a browser made and the cookies it was given or sent, and the reader's checks.

Every observation keeps the JSON path of the item that shows it (``$.log.entries[4].response.headers[7]``), so a
finding is placed at that item's line and column. Cookie values are never kept, only their length.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final, Literal

from attrs import field, frozen

from privacymodel.codec.explain import MAX_PROBLEMS
from privacymodel.problems import Code, Problem, format_path, kind_of

__all__ = ["Capture", "CaptureKind", "Fields", "ObservedCookie", "Path", "Request", "Seen"]

CaptureKind = Literal["har", "wec"]
"""A HAR file (``har``) or the EDPS Website Evidence Collector's ``inspection.json`` (``wec``)."""

Seen = Literal["set", "stored", "sent"]
"""How a capture shows a cookie: ``set`` by a response (``Set-Cookie``), ``stored`` in the browser (the Website
Evidence Collector's list), or only ``sent`` in a request's ``Cookie`` header (set by a script, say)."""

Path = tuple[str | int, ...]
"""A path into the capture's data, as parts: ``("log", "entries", 4)``."""


@frozen(kw_only=True)
class Request:
    """A request the browser made: the ``host`` it contacted, its ``url`` where the capture has it, the ``page`` it
    was made from (an id or URL, where known) and where the item that shows it is (``where``, as parts; ``at``, as a
    JSON path)."""

    host: str
    url: str | None = None
    page: str | None = None
    where: Path = ()

    @property
    def at(self) -> str:
        """The JSON path of the item that shows it: ``$.log.entries[4].request.url``."""
        return format_path(self.where)


@frozen(kw_only=True)
class ObservedCookie:
    """A cookie a capture shows.

    ``domain`` is the domain it is kept for: its ``Domain`` attribute, else the host that set it (or, for a cookie
    only ``sent``, the host it was sent to). ``host`` is the host that set it, or was sent it. ``lifetime`` is how
    long it lasts from when it was set, in seconds: None for a session cookie, and unknown (None) for one only sent.
    ``where`` (as parts) and ``at`` (as a JSON path) say where the item that shows it is.
    """

    name: str
    value_length: int
    domain: str
    host: str
    seen: Seen
    lifetime: float | None = None
    where: Path = ()

    @property
    def at(self) -> str:
        """The JSON path of the item that shows it: ``$.log.entries[4].response.headers[7]``."""
        return format_path(self.where)


@frozen(kw_only=True)
class Capture:
    """What one capture file shows: its ``kind``, the ``site`` visited (the host of its first page), the requests and
    cookies, and the ``problems`` met reading it (PM503, items that could not be read, each at its JSON path), past
    the problem limit only counted (``more_problems``).

    ``text`` is the capture as read, kept to place findings at their lines and columns.
    """

    file: str | None
    kind: CaptureKind
    site: str | None
    requests: tuple[Request, ...]
    cookies: tuple[ObservedCookie, ...]
    problems: tuple[Problem, ...] = ()
    more_problems: int = 0
    text: str = field(default="", repr=False, eq=False)


_KINDS: Final = {str: "text", list: "a list", dict: "a mapping", int: "a number", float: "a number", bool: "true or false"}


class Fields:
    """Reads the items of capture data, noting a PM503 problem for each that has the wrong type (and skipping it);
    past the problem limit the rest are counted, not described."""

    def __init__(self, max_problems: int | None = MAX_PROBLEMS) -> None:
        self.problems: list[Problem] = []
        self.max_problems = max_problems
        self.more = 0  # problems past the limit, counted only

    def wrong(self, path: Path, message: str) -> None:
        """Note that the item at ``path`` cannot be read, and why."""
        if self.max_problems is not None and len(self.problems) >= self.max_problems:
            self.more += 1
        else:
            self.problems.append(Problem(code=Code.CAPTURE_ITEM, message=message, path=format_path(path)))

    def get(self, data: dict[str, Any], key: str, path: Path, kind: type | tuple[type, ...], *, required: bool = False) -> Any:
        """``data[key]`` if it is of ``kind``; None otherwise, noting a problem where it is of the wrong type, or missing
        or null and ``required`` (null stands for "not stated" where it is not)."""
        if key not in data:
            if required:
                self.wrong(path, f"missing {key!r}")
            return None
        value = data[key]
        if value is None and not required:
            return None
        if isinstance(value, kind) and not (isinstance(value, bool) and bool not in _as_tuple(kind)):
            return value
        wanted = " or ".join(dict.fromkeys(_KINDS.get(k, k.__name__) for k in _as_tuple(kind)))
        self.wrong((*path, key), f"{key!r} must be {wanted}; got {kind_of(value)}")
        return None

    def mappings(
        self, data: dict[str, Any], key: str, path: Path, *, required: bool = False
    ) -> Iterator[tuple[Path, dict[str, Any]]]:
        """The mappings in the list ``data[key]``, each with its path; an item that is not a mapping is a problem."""
        items = self.get(data, key, path, list, required=required)
        for index, item in enumerate(items or ()):
            here = (*path, key, index)
            if type(item) is dict:
                yield here, item
            else:
                self.wrong(here, f"an item of {key!r} must be a mapping; got {kind_of(item)}")


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)
