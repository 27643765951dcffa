"""The state of one build, made in ``on_config`` and handed from event to event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from undersigned.core.archive import Archive
from undersigned.core.settings import Settings
from undersigned.pages import Planned
from undersigned.serve.dirty import Dirty
from undersigned.serve.session import State

if TYPE_CHECKING:
    import jinja2
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation

    from undersigned.outputs.search import BackgroundIndex


@dataclass
class Build:
    root: Path
    archive: Archive
    settings: Settings
    plan: dict[str, Planned]  # docs path -> every generated page (its kind, key, renderer)
    fingerprint: str = ""  # configuration, docs and code (serve/dirty.py), under serve
    keys: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # slug -> document key
    shard_keys: list[tuple[Any, ...]] = field(default_factory=list)
    listings: dict[str, bytes] = field(default_factory=dict)  # listing page -> its digest (serve)
    previous: State | None = None  # what the previous build of this serve session made
    dirty: Dirty | None = None  # what changed since then (None: everything is written)
    search: BackgroundIndex | None = None  # indexing while the pages are written
    search_later: set[int] | None = None  # a rebuild: the shards to index after its pages
    incremental: bool = False  # a rebuild of `mkdocs serve`
    blocks: dict[str, bytes] = field(default_factory=dict)  # page -> its HTML blocks, packed
    shelled: list[str] = field(default_factory=list)  # pages written into theme shells
    later: list[str] = field(default_factory=list)  # ... after the rebuild ends (serve)
    written: int = 0
    work: str | None = None  # temporary folder of the exports
    exports_later: Callable[[], None] | None = None  # the large exports, after MkDocs' copying
    nav: Navigation | None = None  # the engine's, from on_nav (the shells' context)
    files: Files | None = None
    env: jinja2.Environment | None = None  # the theme's, from on_env
    _pages: list[File] | None = field(default=None, init=False, repr=False)  # doc_pages()

    def theme(self) -> tuple[Navigation, Files, jinja2.Environment]:
        """The engine's navigation, files and theme environment of this build (the pages
        written into shells need them)."""
        if self.nav is None or self.files is None or self.env is None:
            raise RuntimeError("the engine has not given its navigation and theme yet")
        return self.nav, self.files, self.env

    def doc_pages(self) -> list[File]:
        """The engine's documentation pages (each shell's template context lists them: made
        once a build, not once a shell, which walked every file of a large site again)."""
        pages = self._pages
        if pages is None:
            pages = self._pages = list(self.theme()[1].documentation_pages())
        return pages
