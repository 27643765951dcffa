"""Pure page renderers: the archive in, (docs path, Markdown) pages out."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from undersigned.core.release import data_release
from undersigned.core.urls import letter_uri, paged_uri, recipient_uri, signatory_uri
from undersigned.pages.changes import render_changes
from undersigned.pages.common import Page
from undersigned.pages.entities import (
    has_page,
    recipient_pages,
    render_recipient,
    render_signatory,
    signatory_pages,
)
from undersigned.pages.indexes import (
    home_block,
    render_letters_index,
    render_recipients_index,
    render_signatories_index,
    render_topics,
    render_years,
)
from undersigned.pages.letter import (
    INLINE_SIGNATORIES,
    head_extras,
    render_letter,
    render_letter_signatories,
    signatories_uri,
)
from undersigned.pages.stats import render_stats

if TYPE_CHECKING:
    from undersigned.core.archive import Archive

HOME_MARKER = "<!-- undersigned:home -->"
RELEASE_MARKER = "<!-- undersigned:release -->"


def fill_markers(markdown: str, archive: Archive) -> str:
    """Hand-written pages with generated parts: the home page's counts and latest documents,
    the data page's release version."""
    if HOME_MARKER in markdown:
        markdown = markdown.replace(HOME_MARKER, home_block(archive))
    if RELEASE_MARKER in markdown:
        version = data_release(archive)
        markdown = markdown.replace(RELEASE_MARKER, (
            f"**Data release {version}** (the version in `CITATION.cff` and "
            "`datapackage.json`; cite it with the files you use)." if version else
            "This copy has no numbered data release (no `CITATION.cff`)."))
    return markdown


Thunk = Callable[[], Page]


def _same(uri: str, packed: bytes) -> Page:
    """A page rendered when the plan was made, kept compressed until it is written (the
    listings of 100,000 letters are several hundred megabytes of HTML)."""
    return Page(uri, zlib.decompress(packed).decode("utf-8"))


def eager(thunk: Thunk) -> bool:
    """Is this a page rendered when the plan was made (listings, indexes, statistics)? They
    are computed from the whole archive on every build."""
    return getattr(thunk, "func", None) is _same


def plan(archive: Archive, site_url: str = "", repo_edit: str | None = None,
         head_in_front: bool = False) -> list[tuple[str, Thunk]]:
    """(docs path, renderer) of every generated page, in a deterministic order. Letter and
    entity pages are rendered only when asked for, so a build never holds them all at once."""
    out: list[tuple[str, Thunk]] = []
    for letter in archive.letters:
        out.append((letter_uri(letter.slug), partial(render_letter, archive, letter, site_url,
                                                     repo_edit, head_in_front)))
        if len(letter.signatures) > INLINE_SIGNATORIES:
            out.append((signatories_uri(letter.slug),
                        partial(render_letter_signatories, archive, letter)))

    def eager(pages: list[Page]) -> None:
        out.extend((page.uri, partial(_same, page.uri, zlib.compress(page.markdown.encode(), 1)))
                   for page in pages)

    eager(render_letters_index(archive))
    for entity_id in sorted(i for i in archive.registry.entities if has_page(archive, i)):
        entity = archive.registry.entities[entity_id]
        for n in range(1, signatory_pages(archive, entity_id) + 1):
            uri = signatory_uri(entity_id) if n == 1 else f"signatories/{entity_id}/page-{n}.md"
            out.append((uri, partial(render_signatory, archive, entity, n)))
    eager(render_signatories_index(archive))
    for entity_id in sorted(archive.received):
        entity = archive.registry.entities[entity_id]
        for n in range(1, recipient_pages(archive, entity_id) + 1):
            out.append((paged_uri(recipient_uri(entity_id), n),
                        partial(render_recipient, archive, entity, n)))
    eager(render_recipients_index(archive))
    eager(render_topics(archive))
    eager(render_years(archive))
    eager([render_stats(archive), render_changes(archive)])
    return out


def render_all(archive: Archive, site_url: str = "", repo_edit: str | None = None,
               head_in_front: bool = False) -> list[Page]:
    """Every generated page, in a deterministic order."""
    return [thunk() for _uri, thunk in plan(archive, site_url, repo_edit, head_in_front)]


__all__ = ["head_extras", "Page", "plan", "render_all", "home_block", "fill_markers",
           "HOME_MARKER"]
