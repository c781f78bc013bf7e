"""W3C DPV out: :func:`to_dpv` writes a policy as JSON-LD in the Data Privacy Vocabulary, DPV 2.3.

The policy is one ``dpv:Process`` with its ``dpv:PrivacyNotice``, the laws it cites, its parties and what it
states; every statement that links parts of the policy is a nested process. :mod:`.base` holds the prefixes and
how terms become IRIs (project and ``x-`` custom terms are declared as concepts below the DPV concept of their
field), :mod:`.parties` the controllers, representative, data protection officer, authority and recipients,
:mod:`.statements` data, storage conditions, rights, prohibitions and transfers, and :mod:`.writer` the graph.

Vocabulary terms are written as their DPV IRIs (``pd:EmailAddress``, ``dpv:ServiceProvision``,
``eu-gdpr:A6-1-a``, ``eu-gdpr:A15``). Nodes of the policy (parties, recipients, storage conditions, processes)
have IRIs under a base derived from the policy's URL, or its title: ``urn:uuid:<uuid5>#``. Web addresses (the
policy's, a party's website) are written as valid IRIs, with the characters an IRI cannot hold
percent-encoded, or left out.
"""

from __future__ import annotations

from typing import Any

import attrs

from privacymodel.formats.dpv.base import CONTEXT, DPV_VERSION, TERM_IRI
from privacymodel.formats.dpv.writer import Writer
from privacymodel.formats.dpv_coverage import CARRIED as _CARRIED
from privacymodel.formats.dpv_coverage import WHOLE as _WHOLE
from privacymodel.formats.dpv_coverage import WHY_NOT as _WHY_NOT
from privacymodel.formats.left_out import left_out
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import CustomTerm
from privacymodel.problems import Problem

__all__ = ["CONTEXT", "DPV_VERSION", "TERM_IRI", "to_dpv"]


def _not_carried(policy: PrivacyPolicy) -> PrivacyPolicy:
    """``policy`` without the values the export carries only in some statements, so that the rest is reported:
    the labels and descriptions of purposes, data categories and data subjects with a custom term (written on
    the term's concept) and the special categories said to be one (a type of the data)."""

    def custom(statement: Any) -> bool:
        return isinstance(statement.term, CustomTerm)

    return attrs.evolve(
        policy,
        purposes=tuple(attrs.evolve(p, label=None, description=None) if custom(p) else p for p in policy.purposes)
        if policy.purposes is not None
        else None,
        data_subjects=tuple(attrs.evolve(s, description=None) if custom(s) else s for s in policy.data_subjects)
        if policy.data_subjects is not None
        else None,
        data_categories=tuple(
            attrs.evolve(
                c,
                label=None if custom(c) else c.label,
                description=None if custom(c) else c.description,
                special_category=None if c.special_category else c.special_category,
            )
            for c in policy.data_categories
        )
        if policy.data_categories is not None
        else None,
    )


def to_dpv(policy: PrivacyPolicy, *, notes: list[Problem] | None = None) -> dict[str, Any]:
    """Write ``policy`` as a JSON-LD document (a dict ready for :func:`json.dumps`) in DPV 2.3 terms.

    The ``@context`` declares prefixes only, so the document expands and parses
    without fetching anything. Every IRI written is a valid IRI: characters an
    IRI cannot hold are percent-encoded (see :mod:`privacymodel.formats.iri`).
    If ``notes`` is a list, a PM404 warning is appended for every field the
    export does not carry (cookies, choices, the policy's prose), for a web
    address that cannot be an IRI (or would be read as a term of one of the
    prefixes), for a period with a number too long for ``xsd:duration`` tools
    and for a law the policy says does not apply; those are left out.
    """
    writer = Writer(policy)
    document = writer.document()
    if notes is not None:
        notes.extend(writer.notes)
        notes.extend(left_out(_not_carried(policy), _CARRIED, "DPV", _WHY_NOT, _WHOLE))
    return document
