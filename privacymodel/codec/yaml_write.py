"""Deterministic YAML writing: block style, keys in their given order, text that would read back as another type quoted.

:func:`dump_yaml` writes plain data; :func:`dump` writes a policy (its plain
form from :func:`~privacymodel.codec.converter.unstructure`).
"""

from __future__ import annotations

import re
from typing import Any, Final

import yaml

from privacymodel.codec.converter import unstructure
from privacymodel.model.policy import PrivacyPolicy

__all__ = ["dump", "dump_yaml"]

_STR_TAG: Final = "tag:yaml.org,2002:str"

try:
    from yaml._yaml import CEmitter as _Emitter
except ImportError:  # pragma: no cover - depends on how PyYAML was installed
    from yaml.emitter import Emitter as _PyEmitter
    from yaml.serializer import Serializer

    class _Emitter(_PyEmitter, Serializer):  # type: ignore[no-redef]
        def __init__(self, stream: Any, **kwds: Any) -> None:
            _PyEmitter.__init__(self, stream, width=kwds.get("width"), allow_unicode=kwds.get("allow_unicode"))
            Serializer.__init__(self)


class _DumpResolver(yaml.resolver.BaseResolver):
    """Plain scalars that YAML 1.2 core or 1.1 would read as something other than text are quoted.

    Timestamps are left out, so dates are written plain (YYYY-MM-DD); this
    library's reader takes them as text and the model parses them as dates.
    """


for _first, _resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items():
    for _tag, _regexp in _resolvers:
        if _tag != "tag:yaml.org,2002:timestamp":
            _DumpResolver.add_implicit_resolver(_tag, _regexp, [_first] if _first else None)
_DumpResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
_DumpResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"),
)


class _Representer(yaml.representer.SafeRepresenter):
    def represent_str(self, data: str) -> yaml.ScalarNode:
        style = "|" if "\n" in data.rstrip("\n") and "\r" not in data else None
        return self.represent_scalar(_STR_TAG, data, style=style)


_Representer.add_representer(str, _Representer.represent_str)


class _Dumper(_Emitter, _Representer, _DumpResolver):
    def __init__(self, stream: Any, **kwds: Any) -> None:
        _Emitter.__init__(self, stream, width=100, allow_unicode=True)
        _Representer.__init__(self, default_style=None, default_flow_style=False, sort_keys=False)
        _DumpResolver.__init__(self)


def dump_yaml(data: dict[str, Any]) -> str:
    """Write plain data as block-style YAML, keys in their given order."""
    text: str = yaml.dump(data, Dumper=_Dumper)
    return text


def dump(policy: PrivacyPolicy) -> str:
    """Write ``policy`` as YAML: deterministic, in field order, unset values left out.

    ``loads(dump(p)) == p`` for every valid policy.
    """
    return dump_yaml(unstructure(policy))
