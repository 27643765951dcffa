"""Every kind of generated page, declared once: its name, folder, the keys that have pages, the
docs path of each of its pages, its renderer, what it shows and whether it is rendered when the
plan is made (``eager``: listings computed from the whole archive on every build).

Read by ``plan`` (pages/__init__.py), serve/dirty.py (which pages a change touches: a planned
page carries its kind and key, no URI is parsed back), the shells' head (plugin/shells.py), the
sitemap (every planned page) and the tests. A new kind of page is a row here, its renderer, and
(for a lazy kind) what it shows in pages/depends.py ``PAGES``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from undersigned.core.urls import (
    LETTERS_DIR,
    OFFICES_DIR,
    RECIPIENTS_DIR,
    SIGNATORIES_DIR,
    TOPICS_DIR,
    YEARS_DIR,
    letter_uri,
    paged_uri,
    recipient_uri,
    signatory_uri,
)
from undersigned.pages.changes import render_changes
from undersigned.pages.cite import entity_jsonld, head_html
from undersigned.pages.common import Page
from undersigned.pages.entities import (
    cosigners_uri,
    has_page,
    recipient_pages,
    render_cosigners_csv,
    render_recipient,
    render_signatory,
    signatory_pages,
)
from undersigned.pages.indexes import (
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
from undersigned.pages.offices import render_office_pages
from undersigned.pages.stats import render_stats

if TYPE_CHECKING:
    from undersigned.core.archive import Archive


@dataclass(frozen=True)
class Context:
    """What every renderer of a build is given besides the archive."""

    site_url: str = ""
    repo_edit: str | None = None  # the repository's edit address (letter pages link to it)
    head_in_front: bool = False  # head extras written into the front matter (render --out)


@dataclass(frozen=True)
class PageKind:
    name: str
    folder: str  # the docs folder its pages are in
    # the subject whose declared facts it shows (pages/depends.py PAGES: "letter",
    # "signatory", "recipient"); None: a listing computed from the whole archive ("eager")
    shows: str | None
    keys: Callable[[Archive], Iterable[str]] = lambda _a: ()  # subjects with pages of this kind
    has: Callable[[Archive, str], bool] = lambda _a, _k: False  # the same, for one key
    count: Callable[[Archive, str], int] = lambda _a, _k: 1  # how many pages a subject has
    uri: Callable[[str, int], str] = lambda _k, _n: ""  # (key, page number) -> docs path
    render: Callable[[Archive, str, int, Context], Page] | None = None
    # head extras of a subject's first page (citation tags, JSON-LD)
    head: Callable[[Archive, str, Context], dict[str, str]] | None = None
    listing: Callable[[Archive], list[Page]] | None = None  # every page of an eager kind
    raw: bool = False  # a file written as rendered at its path (a CSV), not a page in a shell

    @property
    def eager(self) -> bool:
        return self.listing is not None


def _letter(archive: Archive, slug: str, _n: int, ctx: Context) -> Page:
    return render_letter(archive, archive.by_slug[slug], ctx.site_url, ctx.repo_edit,
                         ctx.head_in_front)


def _letter_head(archive: Archive, slug: str, ctx: Context) -> dict[str, str]:
    return head_extras(archive, archive.by_slug[slug], ctx.site_url)


def _long_lists(archive: Archive) -> Iterable[str]:
    return (x.slug for x in archive.letters if len(x.signatures) > INLINE_SIGNATORIES)


def _signatory_head(archive: Archive, entity_id: str, ctx: Context) -> dict[str, str]:
    return {"us_head": head_html(ld=entity_jsonld(archive, entity_id, ctx.site_url))}


def _eager(name: str, folder: str, listing: Callable[[Archive], list[Page]]) -> PageKind:
    return PageKind(name, folder, None, listing=listing)


KINDS: tuple[PageKind, ...] = (  # in the order of the plan
    PageKind("letter", LETTERS_DIR, "letter", keys=lambda a: (x.slug for x in a.letters),
             has=lambda a, slug: slug in a.by_slug, uri=lambda slug, _n: letter_uri(slug),
             render=_letter, head=_letter_head),
    PageKind("letter-signatories", LETTERS_DIR, "letter", keys=_long_lists,
             has=lambda a, slug: slug in a.by_slug
             and len(a.by_slug[slug].signatures) > INLINE_SIGNATORIES,
             uri=lambda slug, _n: signatories_uri(slug),
             render=lambda a, slug, _n, _c: render_letter_signatories(a, a.by_slug[slug])),
    _eager("letters-index", LETTERS_DIR, render_letters_index),
    PageKind("signatory", SIGNATORIES_DIR, "signatory",
             keys=lambda a: sorted(i for i in a.registry.entities if has_page(a, i)),
             has=has_page, count=signatory_pages, uri=lambda i, n: paged_uri(signatory_uri(i), n),
             render=lambda a, i, n, _c: render_signatory(a, a.registry.entities[i], n),
             head=_signatory_head),
    PageKind("cosigners-csv", SIGNATORIES_DIR, "cosigners-csv",
             keys=lambda a: sorted(i for i in a.registry.entities if has_page(a, i)),
             has=has_page, uri=lambda i, _n: cosigners_uri(i),
             render=lambda a, i, _n, _c: render_cosigners_csv(a, a.registry.entities[i]),
             raw=True),
    _eager("signatories-index", SIGNATORIES_DIR, render_signatories_index),
    PageKind("recipient", RECIPIENTS_DIR, "recipient", keys=lambda a: sorted(a.received),
             has=lambda a, i: i in a.received, count=recipient_pages,
             uri=lambda i, n: paged_uri(recipient_uri(i), n),
             render=lambda a, i, n, _c: render_recipient(a, a.registry.entities[i], n)),
    _eager("recipients-index", RECIPIENTS_DIR, render_recipients_index),
    _eager("offices", OFFICES_DIR, render_office_pages),
    _eager("topics", TOPICS_DIR, render_topics),
    _eager("years", YEARS_DIR, render_years),
    _eager("stats", "stats", lambda a: [render_stats(a)]),
    _eager("changes", "changes", lambda a: [render_changes(a)]),
)
BY_NAME = {k.name: k for k in KINDS}


def subject_kinds(shows: str) -> tuple[PageKind, ...]:
    """The kinds of page that show a subject of pages/depends.py (a letter: its page and the
    page of its long list)."""
    return tuple(k for k in KINDS if k.shows == shows)
