"""The plugin's part of `mkdocs serve`: what a build shares with the session's previous one,
and how a rebuild finishes after the reader's page is served (serve/ holds the machinery)."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from undersigned.core.archive import Archive
from undersigned.core.urls import output_path, page_url
from undersigned.outputs.exports import data_files, write_pieces
from undersigned.outputs.network import write_network
from undersigned.outputs.search import BUNDLE, BackgroundIndex, record_key, shards
from undersigned.pages import Planned
from undersigned.plugin.build import Build
from undersigned.plugin.shells import page_writer
from undersigned.serve import background as bg
from undersigned.serve.dirty import dirty, document_keys, fingerprint, remove_stale
from undersigned.serve.engine import written_files
from undersigned.serve.session import BACKGROUND, ServeSession, State
from undersigned.serve.theme import reuse_theme_environment

log = logging.getLogger("mkdocs.plugins.undersigned")


def share_memo(session: ServeSession, archive: Archive) -> None:
    """Under `mkdocs serve`, before the plan renders the listings: bodies and list items
    rendered once for the session."""
    if len(session.render_memo.bodies) > 2 * len(archive.letters):
        session.render_memo.bodies.clear()
        session.render_memo.items.clear()
    archive.render_memo = session.render_memo


def against_previous(session: ServeSession, build: Build, config: MkDocsConfig) -> None:
    """Under `mkdocs serve`: what this build shares with the session's previous one."""
    archive = build.archive
    build.keys = document_keys(archive)
    build.fingerprint = fingerprint(build.root, config.config_file_path,
                                    config.site_url or "")
    reuse_theme_environment(session, config.theme, build.fingerprint)
    build.incremental = session.incremental
    previous = session.previous if session.incremental else None
    if previous is not None and previous.fingerprint != build.fingerprint:
        previous = None  # configuration, docs or code changed: everything is rebuilt
    build.previous = previous
    build.shard_keys = [tuple(record_key(archive, x) for x in run)
                        for run in shards(archive)]
    build.listings = {uri: hashlib.blake2b(p.packed, digest_size=16).digest()
                      for uri, p in build.plan.items() if p.packed is not None}
    if previous is not None:
        build.dirty = dirty(previous.archive, previous.keys, archive, build.keys)
        if len(previous.shards) == len(build.shard_keys):
            build.search_later = {k for k, key in enumerate(build.shard_keys)
                                  if previous.shards[k] != key}


def unchanged(build: Build, planned: Planned) -> bool:
    """Is ``planned`` a page this rebuild need not write: the previous build wrote it, and
    it shows nothing that changed (a letter's, an entry's page: serve/dirty.py) or, for a
    listing, its Markdown is the same (the same shell and fingerprint: the same bytes)?"""
    changed, previous = build.dirty, build.previous
    if changed is None or previous is None or planned.uri not in previous.pages:
        return False
    if planned.eager:
        digest = build.listings.get(planned.uri)
        return digest is not None and previous.listings.get(planned.uri) == digest
    return not changed.wants(planned)


def finish_rebuild(session: ServeSession, build: Build, config: MkDocsConfig) -> None:
    """The pages of what changed are served now; the pages that only show it, the changed
    search shards and the downloads follow, behind gates closed before any of them
    starts (serve/background.py)."""
    site = Path(config.site_dir)
    archive, only, later = build.archive, build.search_later, build.later
    bg.open_gates(session, {page_url(u) for u in later}, search=True)
    remember(session, build, config)
    write = page_writer(build, config, session.shells, atomic=True)
    if later:
        def written(uri: str) -> None:  # served from now on, before the rest are written
            write(uri)
            bg.release(session, [page_url(uri)])

        bg.write_pages_later(session, site, rest(later, written))
    bg.finish_search_in_background(
        session, site, BUNDLE,
        lambda: BackgroundIndex(archive, fork=False, only=only).finish(site))
    bg.write_in_background(session, site, background_exports(archive,
                                                                  config.site_url or ""))
    bg.tidy_memory_later(session)


def rest(later: list[str], write: Callable[[str], None]) -> Callable[[], None]:
    """The pages of a rebuild written after it (see background.write_pages_later)."""
    def run() -> None:
        started = time.perf_counter()
        for uri in later:
            write(uri)
        log.info(f"wrote the {len(later)} pages that show what changed in "
                 f"{time.perf_counter() - started:.1f} s")
    return run


def background_exports(archive: Archive, site_url: str
                        ) -> Callable[[Path, Callable[[], bool]], list[tuple[str, Path]]]:
    """The bulk downloads, for write_in_background (rebuilds of `mkdocs serve`)."""
    def produce(work: Path, stop: Callable[[], bool]) -> list[tuple[str, Path]]:
        made = list(write_network(archive, work / "network", stop))
        made += list(write_pieces(((uri, bg.stoppable(pieces, stop))
                                   for uri, pieces in data_files(archive, site_url)
                                   if uri in BACKGROUND), work / "files"))
        return made
    return produce


def remember(session: ServeSession, build: Build, config: MkDocsConfig) -> None:
    """Record what this build made and remove what the previous one made and this one did
    not (what this build wrote stays, whoever wrote it before: a renamed letter's redirect
    takes the place of its old page, a page comes back where a redirect was)."""
    site = Path(config.site_dir)
    outputs = written_files(build.theme()[1]) - set(BACKGROUND)
    pages = set(build.shelled)
    previous = build.previous or session.previous
    if build.incremental and previous is not None:
        stale = {output_path(u) for u in previous.pages - pages}
        stale |= previous.outputs - outputs
        written = outputs | {output_path(u) for u in pages}
        remove_stale(site, stale, written)
    session.previous = State(build.fingerprint, build.archive, build.keys, pages, outputs,
                             build.shard_keys, build.listings)
