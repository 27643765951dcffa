"""The plugin's part of `mkdocs serve`: what a build shares with the session's previous one,
and how a rebuild finishes after the reader's page is served (serve/ holds the machinery)."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from undersigned.core.archive import Archive
from undersigned.core.settings import Settings
from undersigned.core.urls import output_path, page_url
from undersigned.outputs.exports import data_files, write_pieces
from undersigned.outputs.network import write_network
from undersigned.outputs.search import BUNDLE, BackgroundIndex, record_key, shards
from undersigned.pages import Planned, listings
from undersigned.plugin.build import Build
from undersigned.plugin.shells import page_writer, write_sitemap
from undersigned.serve import background as bg
from undersigned.serve.dirty import dirty, document_keys, fingerprint, remove_stale
from undersigned.serve.engine import build_pages_again, written_files
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
    build.fingerprint = build.fingerprint or fingerprint(build.root, config.config_file_path,
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


def kept_listings(session: ServeSession, settings: Settings, mark: str
                  ) -> dict[str, Planned] | None:
    """A rebuild of `mkdocs serve` with the same configuration, docs and code (``mark``, the
    fingerprint) as the previous build: the previous build's listings, which this rebuild
    serves until it has rendered them again after the reader's page (``finish_rebuild``);
    otherwise None (the listings are rendered with the plan, as in a full build)."""
    previous = session.previous if session.incremental else None
    if previous is None or previous.fingerprint != mark or not previous.eager \
            or settings.mkdocs_pages:  # (every page through MkDocs: none can be added later)
        return None
    return previous.eager


def finish_rebuild(session: ServeSession, build: Build, config: MkDocsConfig) -> None:
    """The pages of what changed are served now; the pages that only show it, the listings
    (a deferred rebuild's), the changed search shards and the downloads follow, behind gates
    closed before any of them starts (serve/background.py)."""
    site = Path(config.site_dir)
    archive, only, later = build.archive, build.search_later, build.later
    bg.open_gates(session, gated_urls(build, site), search=True)
    remember(session, build, config)
    write = page_writer(build, config, session.shells)
    if later or build.deferred:
        def written(uri: str) -> None:
            write(uri)
            bg.release(session, [page_url(uri)])

        bg.write_pages_later(session, site, rest(later, written, lambda: refresh_listings(
            session, build, config, write) if build.deferred else None))
    bg.finish_search_in_background(
        session, site, BUNDLE,
        lambda: BackgroundIndex(archive, fork=False, only=only).finish(site))
    bg.write_in_background(session, site, background_exports(archive,
                                                                  config.site_url or ""))
    bg.tidy_memory_later(session)


def gated_urls(build: Build, site: Path) -> set[str]:
    """What a request waits for after a rebuild ends: the pages that show what changed (written
    after it), and, when its listings are rendered after it, every listing and the sitemap."""
    gated = {page_url(u) for u in build.later}
    if build.deferred:
        gated |= {page_url(u) for u, p in build.plan.items() if p.eager}
        gated |= {p.name for p in site.glob("sitemap*.xml*")}
    return gated


def rest(later: list[str], write: Callable[[str], None],
         first: Callable[[], None] | None = None) -> Callable[[], None]:
    """The pages of a rebuild written after it, ``first`` first (a deferred rebuild's
    listings: the page of a changed topic is one, and the reader may be waiting for it; see
    background.write_pages_later)."""
    def run() -> None:
        if first is not None:
            first()
        started = time.perf_counter()
        for uri in later:
            write(uri)
        if later:
            log.info(f"wrote the {len(later)} pages that show what changed in "
                     f"{time.perf_counter() - started:.1f} s")
    return run


def refresh_listings(session: ServeSession, build: Build, config: MkDocsConfig,
                     write: Callable[[str], None]) -> None:
    """A deferred rebuild's listings, rendered from the new archive after the reader's page
    was served: the pages whose Markdown changed are written (new ones first, so no page
    links to one not yet there; those of the engine's navigation by the engine, as a full
    build writes them), the pages gone are removed, the sitemap follows the pages, and the
    session remembers the new listings."""
    started = time.perf_counter()
    fresh = {p.uri: p for p in listings(build.archive)}
    digests = {u: hashlib.blake2b(p.packed or b"", digest_size=16).digest()
               for u, p in fresh.items()}
    old = {u for u, p in build.plan.items() if p.eager}
    changed = sorted((u for u in fresh if build.listings.get(u) != digests[u]),
                     key=lambda u: u in old)  # new pages first
    build.plan = {u: p for u, p in build.plan.items() if not p.eager or u in fresh} | fresh
    site = Path(config.site_dir)
    nav, files, env = build.theme()
    engine_pages = {f.src_uri for f in files.documentation_pages()}
    with source_date(session):
        for uri in changed:
            if uri not in engine_pages:
                write(uri)
        build_pages_again(config, files, nav, env, [u for u in changed if u in engine_pages])
        gone = old - fresh.keys()
        remove_stale(site, {output_path(u) for u in gone}, set())
        build.shelled = [u for u in build.shelled if u not in gone] + [
            u for u in fresh if u not in old and u not in engine_pages]
        build.listings = {u: d for u, d in build.listings.items() if u not in gone} | digests
        write_sitemap(build, config, [page_url(u) for u in build.shelled
                                      if not build.plan[u].raw])
    bg.release(session, [page_url(u) for u in old | fresh.keys()] + [
        p.name for p in site.glob("sitemap*.xml*")])  # (in place: served from now on)
    previous = session.previous
    if previous is not None and previous.archive is build.archive:
        previous.pages = set(build.shelled)
        previous.listings = build.listings
        previous.eager = fresh
    log.info(f"listings rendered again: {len(changed)} of {len(fresh)} changed "
             f"({len(gone)} gone) in {time.perf_counter() - started:.1f} s")


class source_date:  # noqa: N801 - used as a context manager
    """SOURCE_DATE_EPOCH as the build set it (the sitemap's and the theme's dates), for work
    done after the build ended (which put the environment back)."""

    def __init__(self, session: ServeSession) -> None:
        self.epoch = session.epoch
        self.saved: str | None = None

    def __enter__(self) -> None:
        self.saved = os.environ.get("SOURCE_DATE_EPOCH")
        if self.epoch:
            os.environ["SOURCE_DATE_EPOCH"] = self.epoch

    def __exit__(self, *exc: object) -> None:
        if self.saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = self.saved


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
                             build.shard_keys, build.listings,
                             {u: p for u, p in build.plan.items() if p.eager})
