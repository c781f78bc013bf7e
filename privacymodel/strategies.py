"""Hypothesis strategies for the model, for testing code that handles policies.

``policies()`` draws complete, valid policies: every field is sometimes set and
sometimes left unset, ids are unique and every reference resolves, so each
drawn policy loads, validates against the exported schema and round-trips
through :func:`privacymodel.dump`. ``for_class(Cookie)`` (and so on) draws a
single part; its references, having no policy around them, are left unset.

Requires the ``hypothesis`` package (``pip install privacymodel[strategies]``).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import itertools
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from privacymodel.model.fields import Model, open_vocabulary, ref_targets, type_hints, unwrap_optional
from privacymodel.model.formats import COUNTRY_CODES, FORMATS, REGION_GROUPS
from privacymodel.model.policy import FORMAT_VERSION, Document, PrivacyPolicy
from privacymodel.model.vocab import CustomTerm, Vocabulary

__all__ = ["custom_terms", "for_class", "policies", "texts"]

M = TypeVar("M", bound=Model)

_TEXT_CHECK = FORMATS["text"].check


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-empty text with at least one non-space character; any Unicode but lone surrogates."""
    alphabet = st.characters(exclude_categories=["Cs"])
    return st.text(alphabet, min_size=1, max_size=max_size).filter(_TEXT_CHECK)


def custom_terms() -> st.SearchStrategy[CustomTerm]:
    """Custom vocabulary terms (``x-...``)."""
    return st.from_regex(r"x-[a-z][a-z0-9-]{0,12}", fullmatch=True).map(CustomTerm)


_FORMAT_STRATEGIES: dict[str, st.SearchStrategy[str]] = {
    "id": st.from_regex(r"[a-z][a-z0-9_.-]{0,10}", fullmatch=True),
    "email": st.from_regex(r"[a-z0-9.]{1,10}@[a-z0-9-]{1,10}\.[a-z]{2,6}", fullmatch=True),
    "uri": st.from_regex(r"https?://[a-z0-9-]{1,12}\.[a-z]{2,6}(/[a-zA-Z0-9_%.-]{1,10}){0,2}", fullmatch=True),
    "phone": st.from_regex(r"\+?[0-9]{1,3}[ .-]?[0-9]{3}[ .-]?[0-9]{4}", fullmatch=True),
    "duration": st.from_regex(r"P([1-9][0-9]?[YMWD]|T[1-9][0-9]?[HMS]|[1-9]Y[1-9]M)", fullmatch=True),
    "language": st.sampled_from(["en", "de", "fr", "en-US", "pt-BR", "zh-Hant"]),
    "country": st.sampled_from(COUNTRY_CODES),
    "region": st.one_of(
        st.sampled_from(COUNTRY_CODES),
        st.builds("{}-{}".format, st.sampled_from(COUNTRY_CODES), st.from_regex(r"[A-Z0-9]{1,3}", fullmatch=True)),
        st.sampled_from(REGION_GROUPS),
    ),
    "hostname": st.from_regex(r"([a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?\.){1,3}[a-z]{2,6}", fullmatch=True),
    "version": st.just(FORMAT_VERSION),
}
_FORMAT_STRATEGIES["lifetime"] = st.sampled_from(["session", "persistent"]) | _FORMAT_STRATEGIES["duration"]


class _Context:
    """Ids available to references while one policy is drawn."""

    def __init__(self) -> None:
        self.pools: dict[str, list[str]] = {}
        self._counter = itertools.count()

    def fresh(self, prefix: str) -> str:
        return f"{prefix}-{next(self._counter)}"


# The policy being drawn, if any: strategies are built once per class and read it at draw time.
_CONTEXT: contextvars.ContextVar[_Context | None] = contextvars.ContextVar("privacymodel_strategies", default=None)


@st.composite
def _reference(draw: Callable[[st.SearchStrategy[Any]], Any], pool: list[str]) -> str:
    index: int = draw(st.integers(min_value=0, max_value=len(pool) - 1))
    return pool[index]


def _value_strategy(tp: Any, meta: typing.Mapping[str, Any]) -> st.SearchStrategy[Any]:
    tp, _ = unwrap_optional(tp)
    if typing.get_origin(tp) is tuple:
        item = _value_strategy(typing.get_args(tp)[0], meta)
        return st.lists(item, min_size=meta.get("min_items") or 0, max_size=3).map(tuple)
    vocabulary = open_vocabulary(tp)
    if vocabulary is not None:
        return st.sampled_from(list(vocabulary)) | custom_terms()
    if isinstance(tp, type) and issubclass(tp, Vocabulary):
        return st.sampled_from(list(tp))
    if isinstance(tp, type) and issubclass(tp, Model):
        return st.deferred(lambda: _class_strategy(tp))
    return _scalar_strategy(tp, meta)


def _scalar_strategy(tp: Any, meta: typing.Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """A strategy for a text, date, boolean or whole-number field, honouring its format and bounds."""
    if tp is str:
        fmt = meta.get("fmt")
        return _FORMAT_STRATEGIES[fmt] if fmt else texts()
    if tp is dt.date:
        return st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(meta.get("minimum") or 0, meta.get("maximum") or 1000)
    raise TypeError(f"no strategy for {tp!r}")  # pragma: no cover - every model type is handled


_STRATEGIES: dict[type[Model], st.SearchStrategy[Any]] = {}


def _class_strategy(cls: type[M]) -> st.SearchStrategy[M]:
    strategy = _STRATEGIES.get(cls)
    if strategy is None:
        strategy = _STRATEGIES[cls] = _build_class_strategy(cls)
    return typing.cast(st.SearchStrategy[M], strategy)


def _build_class_strategy(cls: type[Model]) -> st.SearchStrategy[Model]:
    hints = type_hints(cls)
    plan = []
    for field in attrs.fields(typing.cast(Any, cls)):
        refs = ref_targets(field.metadata)
        many = typing.get_origin(unwrap_optional(hints[field.name])[0]) is tuple
        value = None if refs or field.name == "id" else _value_strategy(hints[field.name], field.metadata)
        plan.append((field.name, field.default is attrs.NOTHING, refs, many, value))

    @st.composite
    def build(draw: Callable[[st.SearchStrategy[Any]], Any]) -> Model:
        ctx = _CONTEXT.get()
        forced = draw(st.sampled_from(cls.one_of_required)) if cls.one_of_required else None
        kwargs: dict[str, Any] = {}
        for name, always, refs, many, value in plan:
            if not (always or name == forced) and not draw(st.booleans()):
                continue
            if name == "id":
                # Fresh ids are unique; contact points register theirs so rights and choices can refer to them.
                kwargs["id"] = ctx.fresh(cls.__name__.lower()) if ctx is not None else draw(_FORMAT_STRATEGIES["id"])
                if ctx is not None and cls.__name__ == "ContactPoint":
                    ctx.pools.setdefault("contacts", []).append(kwargs["id"])
            elif refs:
                # An id of any of the collections the field may name (a processing statement's "by": controllers or recipients).
                pool = [i for ref in refs for i in ctx.pools.get(ref, ())] if ctx is not None else None
                if pool:
                    item = _reference(pool)
                    kwargs[name] = tuple(draw(st.lists(item, min_size=1, max_size=3))) if many else draw(item)
            elif value is not None:
                kwargs[name] = draw(value)
        for pair in cls.exclusive:
            # At most one of the pair: keep the one a "one of" rule asked for, else either.
            if all(name in kwargs for name in pair):
                dropped = pair[0] if pair[1] == forced else pair[1] if pair[0] == forced else draw(st.sampled_from(pair))
                del kwargs[dropped]
        return cls(**kwargs)

    return build()


def for_class(cls: type[M]) -> st.SearchStrategy[M]:
    """Draw instances of one model class, every optional field sometimes set; references are left unset."""
    return _class_strategy(cls)


# The order in which a policy's parts are drawn: everything a part may refer to comes before it.
_ORDER = (
    "document",
    "controllers",
    "representative",
    "dpo",
    "supervisory_authority",
    "data_subjects",
    "data_categories",
    "purposes",
    "provision_requirements",
    "legal_bases",
    "recipients",
    "retention",
    "processing",
    "cookies",
    "rights",
    "transfers",
)


def policies(*, max_items: int = 3) -> st.SearchStrategy[PrivacyPolicy]:
    """Draw valid policies: unique ids, resolving references, and dates in order."""

    @st.composite
    def build(draw: Callable[[st.SearchStrategy[Any]], Any]) -> PrivacyPolicy:
        ctx = _Context()
        token = _CONTEXT.set(ctx)
        try:
            return _draw_policy(draw, ctx, max_items)
        finally:
            _CONTEXT.reset(token)

    return build()


def _draw_policy(draw: Callable[[st.SearchStrategy[Any]], Any], ctx: _Context, max_items: int) -> PrivacyPolicy:
    """Draw one policy, parts in :data:`_ORDER` so that every reference has something to point at."""
    hints = type_hints(PrivacyPolicy)
    fields = attrs.fields_dict(typing.cast(Any, PrivacyPolicy))
    names = list(_ORDER) + [name for name in fields if name not in _ORDER]
    kwargs: dict[str, Any] = {"privacymodel": FORMAT_VERSION}
    for name in names:
        if name == "privacymodel":
            continue
        field = fields[name]
        tp, _ = unwrap_optional(hints[name])
        required = field.default is attrs.NOTHING
        if typing.get_origin(tp) is tuple:
            item = _class_strategy(typing.get_args(tp)[0])
            low = field.metadata.get("min_items") or 0
            if not required and not draw(st.booleans()):
                continue
            value = tuple(draw(st.lists(item, min_size=low, max_size=max_items)))
            ids = [getattr(x, "id", None) for x in value]
            ctx.pools[name] = [i for i in ids if i is not None]
        else:
            if not required and not draw(st.booleans()):
                continue
            value = draw(_class_strategy(tp))
        kwargs[name] = value
    document: Document = kwargs["document"]
    if document.effective_date and document.last_updated and document.last_updated < document.effective_date:
        kwargs["document"] = attrs.evolve(document, effective_date=document.last_updated, last_updated=document.effective_date)
    return PrivacyPolicy(**kwargs)
