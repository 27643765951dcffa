"""Pure page renderers: the archive in, (docs path, Markdown) pages out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .common import Page
from .entities import render_recipient, render_signatory
from .indexes import (home_block, render_letters_index, render_recipients_index,
                      render_signatories_index, render_topics, render_years)
from .stats import render_stats
from .letter import BODY_END, BODY_START, head_extras, render_letter

if TYPE_CHECKING:
    from ..archive import Archive

HOME_MARKER = "<!-- undersigned:home -->"


def render_all(archive: Archive, site_url: str = "", repo_edit: str | None = None,
               head_in_front: bool = False) -> list[Page]:
    """Every generated page, in a deterministic order."""
    pages = [render_letter(archive, letter, site_url, repo_edit, head_in_front)
             for letter in archive.letters]
    pages += render_letters_index(archive)
    for entity_id in sorted(archive.signed):
        pages.append(render_signatory(archive, archive.registry.entities[entity_id]))
    pages += render_signatories_index(archive)
    for entity_id in sorted(archive.received):
        pages.append(render_recipient(archive, archive.registry.entities[entity_id]))
    pages += render_recipients_index(archive)
    pages += render_topics(archive)
    pages += render_years(archive)
    pages.append(render_stats(archive))
    return pages


__all__ = ["head_extras", "Page", "render_all", "home_block", "HOME_MARKER", "BODY_START", "BODY_END"]
