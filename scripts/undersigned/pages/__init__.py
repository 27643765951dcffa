"""Pure page renderers: the archive in, (docs path, Markdown) pages out."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from undersigned.core.release import data_release
from undersigned.core.urls import output_path
from undersigned.pages.common import Page
from undersigned.pages.indexes import home_block
from undersigned.pages.kinds import KINDS, Context, PageKind
from undersigned.pages.letter import head_extras

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


@dataclass(frozen=True, slots=True)  # slots: one per page, 200,000 at 100,000 letters
class Planned:
    """A page of the plan: where it goes, its kind (pages/kinds.py), the subject it is the page
    of and which of its pages it is (``key``: a slug or registry id; None for a listing), and
    how to render it."""

    uri: str
    kind: PageKind
    key: str | None
    n: int
    render: Thunk
    packed: bytes | None = None  # a listing: its Markdown, compressed (rendered with the plan)

    @property
    def eager(self) -> bool:
        return self.kind.eager

    @property
    def raw(self) -> bool:
        """A file (a CSV) written as rendered, not a page in a theme shell or the sitemap."""
        return self.kind.raw

    @property
    def output(self) -> str:
        """Where it is written in the site: 'letters/x/index.html', or a raw file's path."""
        return output_path(self.uri)

    def head(self, archive: Archive, ctx: Context) -> dict[str, str]:
        """Head extras (citation tags, JSON-LD) of a subject's first page."""
        if self.kind.head is None or self.key is None or self.n != 1:
            return {}
        return self.kind.head(archive, self.key, ctx)


def plan(archive: Archive, site_url: str = "", repo_edit: str | None = None,
         head_in_front: bool = False) -> list[Planned]:
    """Every generated page, kind by kind (pages/kinds.py), in a deterministic order. Pages of
    letters and entries are rendered only when asked for, so a build never holds them all at
    once; listings are rendered now (they are computed from the whole archive)."""
    ctx = Context(site_url, repo_edit, head_in_front)
    out: list[Planned] = []
    for kind in KINDS:
        if kind.listing is not None:
            for page in kind.listing(archive):
                packed = zlib.compress(page.markdown.encode(), 1)
                out.append(Planned(page.uri, kind, None, 1, partial(_same, page.uri, packed),
                                   packed))
            continue
        assert kind.render is not None
        for key in kind.keys(archive):
            for n in range(1, kind.count(archive, key) + 1):
                out.append(Planned(kind.uri(key, n), kind, key, n,
                                   partial(kind.render, archive, key, n, ctx)))
    return out


def subject_pages(archive: Archive, subject: str, key: str, site_url: str = "",
                  repo_edit: str | None = None) -> list[Planned]:
    """The pages of one subject (``subject``: "letter", "signatory"...: what a kind shows, see
    pages/depends.py; ``key``: its slug or id), as ``plan`` makes them."""
    ctx = Context(site_url, repo_edit, False)
    return [Planned(kind.uri(key, n), kind, key, n, partial(kind.render, archive, key, n, ctx))
            for kind in KINDS if kind.shows == subject and kind.render is not None
            and kind.has(archive, key) for n in range(1, kind.count(archive, key) + 1)]


def render_all(archive: Archive, site_url: str = "", repo_edit: str | None = None,
               head_in_front: bool = False) -> list[Page]:
    """Every generated page, in a deterministic order."""
    return [p.render() for p in plan(archive, site_url, repo_edit, head_in_front)]


__all__ = ["Context", "head_extras", "Page", "Planned", "plan", "subject_pages", "render_all",
           "home_block", "fill_markers", "HOME_MARKER"]
