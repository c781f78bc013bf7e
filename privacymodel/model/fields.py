"""Field declarations and the value checks derived from them.

A model field is declared once with :func:`fld`: its description, and the
constraints JSON Schema can express (a named ``fmt`` such as ``email`` or
``duration``, a ``minimum``, ``min_items``, or a ``ref`` to another part of the
policy). The schema exporter reads this metadata; :class:`Model` checks the
same constraints whenever an instance is created, so a policy built in Python
and one loaded from YAML obey the same rules.
"""

from __future__ import annotations

import datetime as _dt
import re
import types
import typing
from collections.abc import Callable
from typing import Any, ClassVar, Final, Union

import attrs

from privacymodel.model.vocab import CustomTerm, Vocabulary

__all__ = ["FORMATS", "Format", "Model", "fld"]


@attrs.frozen
class Format:
    """A named string format: a JSON Schema ``pattern`` plus an optional ``format`` keyword."""

    name: str
    pattern: str
    description: str
    json_format: str | None = None
    enum: tuple[str, ...] | None = None

    def check(self, value: str) -> bool:
        """Return whether ``value`` has this format (as a JSON Schema validator would judge it)."""
        if self.enum is not None:
            return value in _ENUM_SETS[self.name]
        if _REGEXES[self.name].search(value) is None:
            return False
        if self.name == "date":
            try:
                _dt.date.fromisoformat(value)
            except ValueError:
                return False
        return True


# ISO 3166-1 alpha-2 codes officially assigned.
COUNTRY_CODES: Final = (
    "AD",
    "AE",
    "AF",
    "AG",
    "AI",
    "AL",
    "AM",
    "AO",
    "AQ",
    "AR",
    "AS",
    "AT",
    "AU",
    "AW",
    "AX",
    "AZ",
    "BA",
    "BB",
    "BD",
    "BE",
    "BF",
    "BG",
    "BH",
    "BI",
    "BJ",
    "BL",
    "BM",
    "BN",
    "BO",
    "BQ",
    "BR",
    "BS",
    "BT",
    "BV",
    "BW",
    "BY",
    "BZ",
    "CA",
    "CC",
    "CD",
    "CF",
    "CG",
    "CH",
    "CI",
    "CK",
    "CL",
    "CM",
    "CN",
    "CO",
    "CR",
    "CU",
    "CV",
    "CW",
    "CX",
    "CY",
    "CZ",
    "DE",
    "DJ",
    "DK",
    "DM",
    "DO",
    "DZ",
    "EC",
    "EE",
    "EG",
    "EH",
    "ER",
    "ES",
    "ET",
    "FI",
    "FJ",
    "FK",
    "FM",
    "FO",
    "FR",
    "GA",
    "GB",
    "GD",
    "GE",
    "GF",
    "GG",
    "GH",
    "GI",
    "GL",
    "GM",
    "GN",
    "GP",
    "GQ",
    "GR",
    "GS",
    "GT",
    "GU",
    "GW",
    "GY",
    "HK",
    "HM",
    "HN",
    "HR",
    "HT",
    "HU",
    "ID",
    "IE",
    "IL",
    "IM",
    "IN",
    "IO",
    "IQ",
    "IR",
    "IS",
    "IT",
    "JE",
    "JM",
    "JO",
    "JP",
    "KE",
    "KG",
    "KH",
    "KI",
    "KM",
    "KN",
    "KP",
    "KR",
    "KW",
    "KY",
    "KZ",
    "LA",
    "LB",
    "LC",
    "LI",
    "LK",
    "LR",
    "LS",
    "LT",
    "LU",
    "LV",
    "LY",
    "MA",
    "MC",
    "MD",
    "ME",
    "MF",
    "MG",
    "MH",
    "MK",
    "ML",
    "MM",
    "MN",
    "MO",
    "MP",
    "MQ",
    "MR",
    "MS",
    "MT",
    "MU",
    "MV",
    "MW",
    "MX",
    "MY",
    "MZ",
    "NA",
    "NC",
    "NE",
    "NF",
    "NG",
    "NI",
    "NL",
    "NO",
    "NP",
    "NR",
    "NU",
    "NZ",
    "OM",
    "PA",
    "PE",
    "PF",
    "PG",
    "PH",
    "PK",
    "PL",
    "PM",
    "PN",
    "PR",
    "PS",
    "PT",
    "PW",
    "PY",
    "QA",
    "RE",
    "RO",
    "RS",
    "RU",
    "RW",
    "SA",
    "SB",
    "SC",
    "SD",
    "SE",
    "SG",
    "SH",
    "SI",
    "SJ",
    "SK",
    "SL",
    "SM",
    "SN",
    "SO",
    "SR",
    "SS",
    "ST",
    "SV",
    "SX",
    "SY",
    "SZ",
    "TC",
    "TD",
    "TF",
    "TG",
    "TH",
    "TJ",
    "TK",
    "TL",
    "TM",
    "TN",
    "TO",
    "TR",
    "TT",
    "TV",
    "TW",
    "TZ",
    "UA",
    "UG",
    "UM",
    "US",
    "UY",
    "UZ",
    "VA",
    "VC",
    "VE",
    "VG",
    "VI",
    "VN",
    "VU",
    "WF",
    "WS",
    "YE",
    "YT",
    "ZA",
    "ZM",
    "ZW",
)

_DURATION = "P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?"

FORMATS: Final[dict[str, Format]] = {
    f.name: f
    for f in (
        Format("text", "[^\\s]", "Non-empty text, not only white space."),
        Format("id", "^[A-Za-z0-9][A-Za-z0-9_.-]*$", "A local id: letters, digits, '_', '.' or '-'."),
        Format("date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "A calendar date, YYYY-MM-DD.", "date"),
        Format("email", "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "An email address.", "email"),
        Format("uri", "^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$", "An absolute URI with a scheme, such as https://...", "uri"),
        Format(
            "phone",
            "^\\+?[0-9(][0-9 ().\\-/]{3,}[0-9]$",
            "A telephone number as the policy writes it: digits, spaces, '+', '(', ')', '.', '-', '/'.",
        ),
        Format("duration", f"^{_DURATION}$", "An ISO 8601 duration such as P2Y, P30D or PT24H.", "duration"),
        Format(
            "lifetime",
            f"^(session|persistent|{_DURATION})$",
            "'session', 'persistent' (no length stated) or an ISO 8601 duration.",
        ),
        Format("language", "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "A BCP 47 language tag such as en or en-US."),
        Format("version", "^1\\.0\\.[0-9]+$", "The privacymodel format version, 1.0.x."),
        Format("country", "^[A-Z]{2}$", "An ISO 3166-1 alpha-2 country code.", None, COUNTRY_CODES),
    )
}
_REGEXES: Final = {name: re.compile(f.pattern) for name, f in FORMATS.items()}
_ENUM_SETS: Final = {name: frozenset(f.enum) for name, f in FORMATS.items() if f.enum is not None}


def fld(
    description: str,
    *,
    required: bool = False,
    fmt: str | None = None,
    ref: str | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
    min_items: int | None = None,
) -> Any:
    """Declare a model field with its description and constraints.

    Optional fields (``required=False``) default to ``None``, which means the
    policy does not state this; an empty tuple means it states there are none.
    """
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    metadata = {
        "description": description,
        "fmt": fmt,
        "ref": ref,
        "minimum": minimum,
        "maximum": maximum,
        "min_items": min_items,
    }
    if required:
        return attrs.field(metadata=metadata)
    return attrs.field(default=None, metadata=metadata)


_HINTS: dict[type, dict[str, Any]] = {}


def type_hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of a model class (cached: resolving them is slow)."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def unwrap_optional(tp: Any) -> tuple[Any, bool]:
    """Return ``(inner, True)`` for ``X | None``, else ``(tp, False)``."""
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != len(typing.get_args(tp)):
            return (args[0] if len(args) == 1 else Union[tuple(args)]), True  # noqa: UP007
    return tp, False


def open_vocabulary(tp: Any) -> type[Vocabulary] | None:
    """Return ``V`` for a ``V | CustomTerm`` union, else ``None``."""
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = typing.get_args(tp)
        if len(args) == 2 and CustomTerm in args:
            other = args[0] if args[1] is CustomTerm else args[1]
            if isinstance(other, type) and issubclass(other, Vocabulary):
                return other
    return None


Check = Callable[[Any], "str | None"]


def _value_check(tp: Any, meta: dict[str, Any]) -> Check | None:
    """A check for one value of type ``tp`` (not a tuple), or None when nothing is constrained."""
    if tp is str:
        fmt = FORMATS[meta["fmt"] or "text"]

        def check_str(value: Any) -> str | None:
            if isinstance(value, str) and not fmt.check(value):
                return f"expected {fmt.description[0].lower()}{fmt.description[1:-1]}; got {value!r}"
            return None

        return check_str
    if tp is int and (meta["minimum"] is not None or meta["maximum"] is not None):
        low, high = meta["minimum"], meta["maximum"]

        def check_int(value: Any) -> str | None:
            if isinstance(value, int) and ((low is not None and value < low) or (high is not None and value > high)):
                return f"expected a whole number from {low} to {high}; got {value!r}"
            return None

        return check_int
    return None


def _field_check(field: attrs.Attribute[Any], hint: Any) -> Check | None:
    meta = field.metadata
    tp, _ = unwrap_optional(hint)
    if typing.get_origin(tp) is tuple:
        item_check = _value_check(typing.get_args(tp)[0], meta)
        min_items = meta["min_items"]

        def check_tuple(value: Any) -> str | None:
            if value is None:
                return None
            if min_items is not None and len(value) < min_items:
                return f"expected at least {min_items} item(s); got {len(value)}"
            if item_check is not None:
                for index, item in enumerate(value):
                    problem = item_check(item)
                    if problem is not None:
                        return f"item {index}: {problem}"
            return None

        return check_tuple
    return _value_check(tp, meta)


class Model:
    """Base of every model class: checks field constraints when an instance is created.

    ``one_of_required`` names fields of which at least one must be set.
    """

    __slots__ = ()
    one_of_required: ClassVar[tuple[str, ...]] = ()
    _checks: ClassVar[tuple[tuple[str, Check], ...]]

    def __attrs_post_init__(self) -> None:
        cls = type(self)
        checks = cls.__dict__.get("_checks")
        if checks is None:
            checks = _build_checks(cls)
        for name, check in checks:
            value = getattr(self, name)
            if value is not None:
                problem = check(value)
                if problem is not None:
                    raise ValueError(f"{cls.__name__}.{name}: {problem}")
        if self.one_of_required and all(getattr(self, n) is None for n in self.one_of_required):
            names = ", ".join(self.one_of_required)
            raise ValueError(f"{cls.__name__}: at least one of {names} must be given")


def _build_checks(cls: type[Model]) -> tuple[tuple[str, Check], ...]:
    hints = type_hints(cls)
    checks: list[tuple[str, Check]] = []
    for field in attrs.fields(typing.cast(Any, cls)):
        check = _field_check(field, hints[field.name])
        if check is not None:
            checks.append((field.name, check))
    result = tuple(checks)
    type.__setattr__(cls, "_checks", result)
    return result
