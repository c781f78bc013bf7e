"""Readable pages of a policy: a privacy label first, then the details, as Markdown or self-contained HTML.

The label answers what people ask first, in a few words each (:mod:`.label`: is data sold, are you tracked,
how long is it kept, how to delete it, what else you can do, who receives it, where it goes, children), then
shows two grids (:mod:`.grid`): each kind of data against what it is used for and against who receives it,
each cell collected, shared, opt-in, opt-out, no or not stated. The details (:mod:`.details`) follow, with
every value in everyday words (:mod:`.words`). What the policy does not state is shown as "not stated",
never guessed, and looks unlike a stated "no". :mod:`.markdown` and :mod:`.html` write the pages;
:mod:`.changes` writes what changed between two versions of a policy for the people it affects.
"""

from __future__ import annotations

from typing import Literal

from privacymodel.formats.render.html import page
from privacymodel.formats.render.markdown import markdown, md_code, md_text
from privacymodel.formats.render.words import NOT_STATED
from privacymodel.model.policy import PrivacyPolicy

__all__ = ["NOT_STATED", "Format", "md_code", "md_text", "render"]

Format = Literal["md", "html"]


def render(policy: PrivacyPolicy, format: Format = "md") -> str:
    """Render ``policy`` as a privacy label and its details: ``md`` (Markdown for GitHub) or ``html`` (self-contained)."""
    if format == "md":
        return markdown(policy)
    if format == "html":
        return page(policy)
    raise ValueError(f"unknown format {format!r}; expected 'md' or 'html'")
