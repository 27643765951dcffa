"""A `mkdocs serve` rebuild rewrites a listing (a page computed from the whole archive) only
when its Markdown differs from what the previous build wrote; a letter's page only when it
shows something that changed (serve/dirty.py). The same shells and fingerprint: the same
Markdown gives the same bytes (tests/site/test_live.py compares every served file)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from undersigned.pages import Planned
from undersigned.pages.common import Page
from undersigned.pages.kinds import BY_NAME
from undersigned.plugin.build import Build
from undersigned.plugin.rebuild import unchanged
from undersigned.serve.dirty import Dirty
from undersigned.serve.session import State


def _listing(uri: str, text: str) -> Planned:
    packed = text.encode()
    return Planned(uri, BY_NAME["years"], None, 1, lambda: Page(uri, text), packed)


def _letter(slug: str) -> Planned:
    return Planned(f"letters/{slug}.md", BY_NAME["letter"], slug, 1, lambda: Page("", ""))


def _digests(*pages: Planned) -> dict[str, bytes]:
    return {p.uri: hashlib.blake2b(p.packed or b"", digest_size=16).digest() for p in pages}


def _build(pages: list[Planned], previous: State | None, dirty: Dirty | None) -> Build:
    archive: Any = None
    build = Build(Path("."), archive, None, {p.uri: p for p in pages})  # type: ignore[arg-type]
    build.listings = _digests(*(p for p in pages if p.packed is not None))
    build.previous, build.dirty = previous, dirty
    return build


def _state(pages: list[Planned]) -> State:
    archive: Any = None
    return State("f", archive, {}, {p.uri for p in pages}, set(), [],
                 _digests(*(p for p in pages if p.packed is not None)))


def test_a_listing_is_rewritten_only_when_its_markdown_changed():
    same, edited, new = (_listing("years/index.md", "# Years"),
                         _listing("years/2017.md", "# 2017\n\nOld title"),
                         _listing("years/2018.md", "# 2018"))
    before = _state([same, edited])
    now = [same, _listing("years/2017.md", "# 2017\n\nNew title"), new]
    build = _build(now, before, Dirty({"letter": set()}))
    assert [p.uri for p in now if not unchanged(build, p)] == ["years/2017.md", "years/2018.md"]


def test_a_full_build_writes_every_page():
    page = _listing("years/index.md", "# Years")
    build = _build([page, _letter("a")], None, None)
    assert not unchanged(build, page) and not unchanged(build, build.plan["letters/a.md"])


def test_a_letter_page_is_rewritten_when_it_shows_what_changed():
    a, b = _letter("a"), _letter("b")
    build = _build([a, b], _state([a, b]), Dirty({"letter": {"b"}}, {"b"}))
    assert unchanged(build, a) and not unchanged(build, b)
