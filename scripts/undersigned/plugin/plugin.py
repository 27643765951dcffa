"""The `undersigned` MkDocs plugin: hands the package's rendered pages, originals and data
exports to MkDocs (or ProperDocs). No domain logic lives here.

State: one ``Build`` per build (plugin/build.py), made in ``on_config`` and read by the later
events; under `mkdocs serve`, one ``ServeSession`` (serve/session.py) for the whole process —
MkDocs keeps a plugin that has ``on_startup`` for every rebuild of a serve."""

from __future__ import annotations

import calendar
import contextlib
import logging
import os
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from undersigned.core.archive import Archive, published_originals
from undersigned.core.cache import code_version
from undersigned.core.interrupts import exit_cleanly_on_signals, remove_folder, temporary_folder
from undersigned.core.letters import LetterChanged
from undersigned.core.load import load_archive
from undersigned.core.problems import report
from undersigned.core.publish import site_url_form_problem, site_url_problem
from undersigned.core.settings import Settings, SettingsError
from undersigned.core.urls import page_url
from undersigned.outputs.exports import data_files, write_pieces
from undersigned.outputs.names import in_site
from undersigned.outputs.search import BUNDLE, BackgroundIndex
from undersigned.pages import fill_markers, plan
from undersigned.pages.common import join_blocks
from undersigned.plugin import first
from undersigned.plugin.build import Build
from undersigned.plugin.config import UndersignedConfig
from undersigned.plugin.exports import add_exports
from undersigned.plugin.rebuild import (
    against_previous,
    finish_rebuild,
    remember,
    share_memo,
    unchanged,
)
from undersigned.plugin.shells import head, page_writer, same_on_every_engine, write_sitemap
from undersigned.plugin.twowriters import WriterError, can_fork, write_pages
from undersigned.serve import background as bg
from undersigned.serve.engine import (
    BuildEnvironment,
    incremental_builder,
    mark_modified,
    record_changes,
    restart,
    settle,
)
from undersigned.serve.session import BACKGROUND, ServeSession

log = logging.getLogger("mkdocs.plugins.undersigned")


def _nav_uris(items: Any) -> set[str]:
    out: set[str] = set()
    for item in items or []:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            out |= _nav_uris(value) if isinstance(value, list) else {value}
    return out


@contextlib.contextmanager
def letters_unchanged() -> Iterator[None]:
    """A letter whose file changed since it was checked stops the build with its name (its
    body is read again from the file when its page is written, see core/letters.py)."""
    try:
        yield
    except LetterChanged as exc:
        raise PluginError(f"{exc}\n  hint: a letter was edited while the site was being "
                          "built; build again") from None


class UndersignedPlugin(BasePlugin[UndersignedConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.session: ServeSession | None = None
        self.build: Build | None = None
        self.environment = BuildEnvironment()  # what a build sets, put back when it ends

    # ---- the process ---------------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"],
                   dirty: bool) -> None:
        exit_cleanly_on_signals()  # SIGTERM/SIGHUP clean up like Ctrl-C and a normal exit
        self.session = ServeSession() if command == "serve" and not dirty else None
        if self.session is not None:
            self.session.code = code_version()

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        """Rebuilds of `mkdocs serve` keep the pages nothing changed (see serve/)."""
        session = self.session
        if session is None:
            return server
        session.server = server
        settings = self._settings()
        incremental = incremental_builder(session, builder, settings.profile_dir, first)
        if incremental is not None:
            server.builder = incremental
            bg.serve_when_ready(session, server, BUNDLE)
            record_changes(server, session.changes)
        return server

    def on_shutdown(self) -> None:
        if self.session is not None:
            settle(self.session)
            bg.wait_for_background(self.session)
        self._cancel()

    def _settings(self) -> Settings:
        size = self.config.get("search_shard_size")
        if size is not None and size < 1:
            raise PluginError(f"mkdocs.yml: undersigned: search_shard_size is {size}\n  hint: "
                              "give a positive number of documents per search shard (500 by "
                              "default)")
        try:
            return Settings.from_env().overridden(dict(self.config))
        except SettingsError as err:
            raise PluginError(str(err)) from None

    # ---- one build -----------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        session = self.session
        if session is not None:
            bg.stop_exports(session)  # the downloads of an earlier rebuild, if still running
            bg.wait_for_background(session)  # its pages and search shards, if pending
            if code_version(fresh=True) != session.code:
                restart(config.site_dir)  # new package code: load it (does not return)
            bg.pause_gc(session)  # collected once after the build
        self._cancel()  # an earlier build of `mkdocs serve` that never finished
        root = Path(config.config_file_path).parent
        try:  # a relative cache_dir is mkdocs.yml's; never one the site would publish
            settings = self._settings().anchored(root, config.docs_dir, config.site_dir)
        except SettingsError as err:
            raise PluginError(str(err)) from None
        bad_url = site_url_form_problem(config.site_url)
        if bad_url:  # never written into canonical links, feeds and citations
            raise PluginError(str(bad_url))
        archive = load_archive(root, session.remembered if session else None, settings)
        errors = [p for p in archive.problems if not p.warning]
        if errors:
            raise PluginError("the archive has problems:\n" + report(errors))
        for problem in archive.problems:
            log.warning(str(problem))
        self._source_date(archive)
        self._publishing(settings, config)
        if not config.use_directory_urls:
            raise PluginError("Undersigned needs use_directory_urls: true (the DESIGN.md URLs)")
        edit = first.edit_prefix(config)
        if session is not None:
            share_memo(session, archive)  # (the listings of the plan use it)
        build = self.build = Build(root, archive, settings,
                                   {p.uri: p for p in plan(archive, config.site_url or "", edit)})
        if session is not None:
            against_previous(session, build, config)
        if build.incremental:  # a rebuild: indexed after its pages are written
            return config
        build.search = BackgroundIndex(archive, only=build.search_later)
        return config

    def _source_date(self, archive: Archive) -> None:
        """Reproducible builds: sitemap dates and gzip headers follow the newest document, not
        the clock (set SOURCE_DATE_EPOCH yourself to override; under `mkdocs serve` the value
        set here follows the archive from one rebuild to the next)."""
        session = self.session
        if ("SOURCE_DATE_EPOCH" not in os.environ or (session and session.epoch)) \
                and archive.letters:
            newest = max(x.date for x in archive.letters)
            epoch = str(calendar.timegm(newest.timetuple()))
            self.environment.set("SOURCE_DATE_EPOCH", epoch)
            if session is not None:
                session.epoch = epoch

    @staticmethod
    def _publishing(settings: Settings, config: MkDocsConfig) -> None:
        if settings.publish:  # a build for publishing
            problem = site_url_problem(config.site_url)
            if problem:
                raise PluginError(str(problem))
        elif site_url_problem(config.site_url):
            log.info("site_url is the example address; set it before publishing "
                     "(UNDERSIGNED_PUBLISH=1 or `publish: true` makes this an error)")

    def _cancel(self) -> None:
        build, self.build = self.build, None
        if build is None:
            return
        if build.search is not None:
            build.search.cancel()
        if build.work is not None:
            remove_folder(build.work)

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build stops its indexer and leaves no temporary folder behind; under
        `mkdocs serve` the next build is a full one (the site may hold part of this one)."""
        self._cancel()
        self.environment.restore()
        if self.session is not None:
            self.session.previous = None
            bg.tidy_memory_later(self.session)  # collection resumes

    @event_priority(-50)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        with letters_unchanged():
            return self._files(files, config)

    def _files(self, files: Files, config: MkDocsConfig) -> Files:
        build = self._current()
        archive = build.archive
        everything = build.settings.mkdocs_pages
        in_nav = _nav_uris(config.nav)
        for uri, planned in build.plan.items():
            if (everything or uri in in_nav) and not planned.raw:  # rendered on demand in
                # on_page_read_source
                files.append(File.generated(config, uri, content="",
                                            inclusion=InclusionLevel.NOT_IN_NAV))
            else:  # written into shells in on_post_build
                build.shelled.append(uri)
        for uri, path in published_originals(archive):
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        site_url = config.site_url or ""
        work = Path(self._work_folder(build))
        if build.incremental:
            # a rebuild of `mkdocs serve` (not cleaned): hand-written pages are read again
            # (the home page counts documents), the bulk downloads follow in the background
            for file in files.documentation_pages():
                if file.abs_src_path and not file.generated_by:
                    mark_modified(file)
            site = Path(config.site_dir)
            kept: list[str] = []  # the name index's files the site holds already, byte for byte
            for uri, path in write_pieces(
                    ((uri, pieces) for uri, pieces in data_files(archive, site_url)
                     if uri not in BACKGROUND and not in_site(site, uri, pieces, kept)),
                    work / "files"):
                files.append(File.generated(config, uri, abs_src_path=str(path)))
            for uri in kept:  # listed, not copied onto themselves
                files.append(File.generated(config, uri, abs_src_path=str(site / uri)))
            for uri in BACKGROUND:  # in the site already: listed (links to them are checked),
                if (site / uri).is_file():  # never copied onto themselves
                    files.append(File.generated(config, uri, abs_src_path=str(site / uri)))
            return files
        # the exports grow with the archive (the co-signing network with the square of a
        # letter's signatories): written to temporary files a piece at a time, copied by
        # MkDocs; in a plain build the large ones after MkDocs' copying (plugin/exports.py)
        build.exports_later = add_exports(files, config, archive, work,
                                          defer=self.session is None and can_fork())
        return files

    @staticmethod
    def _work_folder(build: Build) -> str:
        """A temporary folder for this build's exports (removed when the build ends)."""
        if build.work is None:
            build.work = temporary_folder("undersigned-network-")
        return build.work

    def _current(self) -> Build:
        if self.build is None:
            raise PluginError("the undersigned plugin has no build under way (on_config did "
                              "not run)")
        return self.build

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        build = self._current()
        build.nav, build.files = nav, files
        return nav

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
               ) -> jinja2.Environment:
        self._current().env = env
        return env

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        build = self._current()
        planned = build.plan.get(page.file.src_uri)
        if planned is None:
            return None
        with letters_unchanged():
            light, blocks = planned.render().split()
        # MkDocs reads every page before it writes any: keep the HTML blocks compressed
        build.blocks[page.file.src_uri] = zlib.compress("\0".join(blocks).encode(), 1)
        return light

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
                         ) -> str:
        build = self._current()
        page.meta.update(head(build, page.file.src_uri, config.site_url or ""))
        return fill_markers(markdown, build.archive)

    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str:
        """404.html and other theme templates that are not pages."""
        return same_on_every_engine(output_content)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Put the pre-rendered HTML blocks back, late, so MkDocs never holds them all."""
        output = same_on_every_engine(output)
        packed = self._current().blocks.pop(page.file.src_uri, None)
        if not packed:
            return output
        return join_blocks(output, zlib.decompress(packed).decode().split("\0"))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self._post_build(config)
        finally:
            self.environment.restore()  # (SOURCE_DATE_EPOCH as it was before the build)

    def _post_build(self, config: MkDocsConfig) -> None:
        build = self._current()
        started = time.perf_counter()
        with letters_unchanged():
            shelled = self._write_shelled_pages(build, config)
        took = time.perf_counter() - started
        if build.dirty is not None:
            log.info(f"rewrote {build.written} of {len(shelled)} pages (the others show nothing "
                     f"that changed) in {took:.1f} s" + (
                         f"; {len(build.later)} that show what changed follow"
                         if build.later else ""))
        else:
            log.info(f"wrote {len(shelled)} pages into theme shells in {took:.1f} s")
        write_sitemap(build, config, shelled)
        if build.work is not None:
            remove_folder(build.work)
            build.work = None
        session = self.session
        if session is not None and build.incremental:
            finish_rebuild(session, build, config)
            return
        search, build.search = build.search, None
        assert search is not None
        try:
            log.info(search.finish(Path(config.site_dir)))
        except RuntimeError as exc:
            raise PluginError(str(exc)) from None
        if session is not None:
            remember(session, build, config)
            bg.tidy_memory_later(session)

    def _write_shelled_pages(self, build: Build, config: MkDocsConfig) -> list[str]:
        """Write every page not handed to MkDocs (in a rebuild of `mkdocs serve`, the pages of
        what changed itself; the others that show it are left in ``build.later``); return
        the URLs of all of them."""
        changed = build.dirty
        urls, now = [], []
        for uri in build.shelled:
            planned = build.plan[uri]
            if not planned.raw:  # (a CSV is no page of the sitemap)
                urls.append(page_url(uri))
            if unchanged(build, planned):
                continue  # unchanged since the previous build: kept as written
            if changed is not None and build.incremental and not planned.eager \
                    and not changed.first(planned):
                build.later.append(uri)
            else:
                now.append(uri)
        session = self.session
        shells = {}
        if session is not None:  # the same configuration, docs and code: the same shells
            if session.shells_for != build.fingerprint:
                session.shells, session.shells_for = {}, build.fingerprint
            shells = session.shells
        write = page_writer(build, config, shells, atomic=session is not None)
        try:  # a plain build: in two processes (a rebuild of serve keeps its state in this one)
            write_pages(now, write, lambda uri: build.plan[uri].key or uri,
                        fork=session is None, first=build.exports_later)
        except WriterError as err:
            raise PluginError(str(err)) from None
        build.written = len(now)
        return urls
