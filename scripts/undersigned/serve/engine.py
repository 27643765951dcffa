"""The one adapter that reaches into the engine's `serve` beyond its public plugin events.

MkDocs (and ProperDocs) give a plugin the function that rebuilds the site (``on_serve``'s
``builder``) but no way to make it build *dirty*, without cleaning the site first (which alone
costs seconds at 10,000 letters). ``incremental_builder`` makes such a builder from the
configuration reader and URL found in the given builder's closure; it names what it needs, and
when an engine's builder does not hold them it says so (a warning) and rebuilds stay full ones.
tests/site/test_live.py fails when the rebuilds of either supported engine are not
incremental. A dirty build logs a warning of its own, which would stop a strict build; it is
filtered for our rebuilds only.

Every other use of the engine beyond its plugin events is here too, typed with the engine's
own types (tests/unit/test_engine_contract.py fails when MkDocs or ProperDocs renames one):
marking a hand-written page modified for a dirty build (``mark_modified``), rendering the
theme for a stand-in page (``render_stand_in``: the shells of generated pages), wrapping the
theme's Jinja environment (``wrap_theme_env``) and setting an environment variable for the
length of one build (``BuildEnvironment``).

When the package's own code changes under a running server, the process starts again
(``restart``): the new code is loaded and the first build is a full one."""

from __future__ import annotations

import cProfile
import logging
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import jinja2
import watchdog.events
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.theme import Theme

from undersigned.core.interrupts import remove_all_folders
from undersigned.serve.background import wait_for_background
from undersigned.serve.session import ServeSession, WatchedChanges

log = logging.getLogger("mkdocs.plugins.undersigned")

NEEDED = ("get_config", "serve_url")  # what the builder's closure must hold


def _closure(builder: Callable[..., Any]) -> dict[str, Any] | None:
    code = getattr(builder, "__code__", None)
    cells = getattr(builder, "__closure__", None)
    if code is None or cells is None:
        return None
    try:
        return {name: cell.cell_contents for name, cell in zip(code.co_freevars, cells, strict=True)}
    except ValueError:  # an empty cell
        return None


def incremental_builder(session: ServeSession, builder: Callable[..., Any],
                        profile_dir: Path | None = None,
                        first: FirstPagesHook | None = None) -> Callable[..., None] | None:
    """The rebuild function for `mkdocs serve`: the engine's own, made to build dirty (the
    plugin then rewrites what changed and removes what is gone), or None (with a warning).
    ``first(config)``: writes a changed letter's pages before the rebuild when it can
    (plugin/first.py); the rebuild then runs in a thread and the reader's page is served
    at once."""
    from mkdocs.commands.build import build  # the engine's (ProperDocs aliases mkdocs.*)

    scope = _closure(builder) or {}
    get_config, serve_url = scope.get("get_config"), scope.get("serve_url")
    if not callable(get_config) or not isinstance(serve_url, str):
        log.warning("incremental rebuilds are off: this engine's serve builder does not hold "
                    f"{' and '.join(NEEDED)} (every rebuild is a full one)")
        return None
    if scope.get("is_clean") or scope.get("is_dirty"):
        return None  # `serve --clean` / `--dirty`: the user chose how to build

    def full(config: Any) -> None:
        session.incremental = session.previous is not None
        profiler = None
        if profile_dir is not None and session.incremental:
            profiler = cProfile.Profile()
            profiler.enable()
        try:
            with quiet_dirty_notice(session):
                build(config, serve_url=serve_url, dirty=session.incremental)
        finally:
            session.incremental = False
            if profiler is not None:
                profiler.disable()
                session.profiles += 1
                profiler.dump_stats(Path(profile_dir or ".") / f"rebuild-{session.profiles}.prof")
        if not session.changes.waiting():  # (else the build that takes them opens it)
            session.settled.set()  # every request is served again

    def follow_up(config: Any, made: Any) -> None:
        try:
            full(config)
        except BaseException as exc:  # noqa: BLE001 - reported, never raised into the server
            log.error(first.failed(exc) if first else str(exc))
            return
        for path in first.differences(made) if first else ():
            log.warning(f"{path}: the page written before the rebuild differed from the "
                        "rebuild's (it is replaced now); please report this")

    def rebuild(config: Any = None) -> None:
        settle(session)
        session.unsettle()  # (closed already if the watcher was heard: see ServeSession)
        changed = session.changes.take()  # (what a build meanwhile did not see triggers another)
        log.info("Building documentation (incremental)...")
        if config is None:
            config = get_config()
            config.site_url = serve_url
        if first is not None and session.previous is not None and profile_dir is None:
            started = time.perf_counter()
            wait_for_background(session)  # (the previous rebuild's pages may include these)
            made = first.write(session, config, changed)
            if made is not None:
                log.info(f"wrote the pages of {made.slug} first, in "
                         f"{time.perf_counter() - started:.2f} s; the rest of the rebuild "
                         "follows (other requests wait for it)")
                session.follow_up = threading.Thread(target=follow_up, args=(config, made),
                                                     name="undersigned-follow-up",
                                                     daemon=True)
                session.follow_up.start()
                return
        full(config)

    return rebuild


class FirstPagesHook(Protocol):
    """What the plugin gives the builder to write a letter's pages first (plugin/first.py)."""

    def write(self, session: ServeSession, config: Any, changed: set[str] | None) -> Any: ...

    def differences(self, made: Any) -> list[str]: ...

    def failed(self, exc: BaseException) -> str: ...


def settle(session: ServeSession) -> None:
    """The rebuild that followed a first page is done (before another build starts, and at
    shutdown)."""
    thread, session.follow_up = session.follow_up, None
    if thread is not None:
        thread.join()


def record_changes(server: Any, changes: WatchedChanges) -> None:
    """Every change the server's watcher (watchdog's observer) reports, for any path it
    watches now or later, is recorded in ``changes`` too; with another watcher, nothing is
    (``changes.take()`` is None)."""
    observer: Any = getattr(server, "observer", None)
    if observer is None or not all(callable(getattr(observer, name, None))
               for name in ("schedule", "add_handler_for_watch")) \
            or not hasattr(observer, "emitters"):
        return
    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = changes.record  # type: ignore[method-assign]
    for emitter in list(observer.emitters):
        observer.add_handler_for_watch(handler, emitter.watch)
    schedule = observer.schedule

    def scheduled(event_handler: Any, path: str, recursive: bool = False, **kw: Any) -> Any:
        watch = schedule(event_handler, path, recursive=recursive, **kw)
        observer.add_handler_for_watch(handler, watch)
        return watch

    observer.schedule = scheduled
    changes.recording = True


class _DirtyNotice(logging.Filter):
    """Drops the engine's warning about dirty builds during our rebuilds (it would stop them
    in strict mode); every other message passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build")


class quiet_dirty_notice:  # noqa: N801 - used as a context manager
    """While a rebuild of ours runs, the dirty-build warning is filtered."""

    def __init__(self, session: ServeSession) -> None:
        self.session = session
        self.filter = _DirtyNotice()
        self.logger = logging.getLogger("mkdocs.commands.build")

    def __enter__(self) -> None:
        if self.session.incremental:
            self.logger.addFilter(self.filter)

    def __exit__(self, *exc: object) -> None:
        self.logger.removeFilter(self.filter)


def restart(site_dir: str) -> None:
    """Start `mkdocs serve` again in this process with the same command line: the package's
    code changed, and a running interpreter cannot unload the modules it imported. The served
    site (a temporary folder of serve's) and our temporary folders are removed first; the
    listening socket is closed by exec (Python's sockets are not inherited)."""
    log.info("the Undersigned package's code changed: restarting `mkdocs serve` to load it")
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
    remove_all_folders()
    if Path(site_dir).name.startswith("mkdocs_"):  # serve's own temporary site
        shutil.rmtree(site_dir, ignore_errors=True)
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])


def mark_modified(file: File) -> None:
    """A dirty build reads a page's source again only when its file is 'modified'; setting its
    content (to the same bytes) is the engine's one way to say so."""
    file.content_bytes = file.content_bytes


def written_files(files: Files) -> set[str]:
    """The site paths the engine writes for ``files`` (those not excluded from the build)."""
    return {f.dest_uri for f in files
            if not f.inclusion.is_excluded()}  # type: ignore[no-untyped-call]  # (MkDocs')


def render_stand_in(config: MkDocsConfig, nav: Navigation, files: Files | list[File],
                    env: jinja2.Environment,
                    uri: str, meta: dict[str, Any], content: str,
                    toc: list[dict[str, Any]], canonical: str | None) -> str:
    """The theme's main.html rendered for a page at ``uri`` that is not one of the engine's
    (its meta, content, outline and canonical address given)."""
    page = Page(None, File.generated(config, uri, content=""), config)
    page.markdown = ""
    page.meta = meta
    page.content = content
    page.toc = get_toc(toc)  # type: ignore[arg-type]  # (tokens as the toc extension makes)
    if canonical is not None:
        page.canonical_url = canonical
    page.active = True
    context = get_context(nav, files, config, page)
    return env.get_template("main.html").render(context)


def wrap_theme_env(theme: Theme, wrap: Callable[[jinja2.Environment], jinja2.Environment]
                   ) -> None:
    """Every Jinja environment the theme makes from now on passes through ``wrap``."""
    make = theme.get_env
    theme.get_env = lambda: wrap(make())  # type: ignore[method-assign]


class BuildEnvironment:
    """Environment variables set for one build and put back as they were when it ends (a
    second build in the same process starts from the same environment)."""

    def __init__(self) -> None:
        self._saved: dict[str, str | None] = {}

    def set(self, name: str, value: str) -> None:
        self._saved.setdefault(name, os.environ.get(name))
        os.environ[name] = value

    def restore(self) -> None:
        for name, value in self._saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        self._saved.clear()
