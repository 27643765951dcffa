"""What finishes a rebuild of `mkdocs serve` after the reader's page is served: the pages that
only show what changed, the re-indexed search shards and the bulk downloads, each in a thread;
and the gates that make a request for any of them wait until it is in place.

Order, without delays: a rebuild clears the gates it will open (pages, search) *before* it
starts any thread, and the downloads thread starts last and waits on both gates. A request
for a gated file waits until the gate opens — never served stale — and the wait is logged
every WAIT_LOG seconds. When a thread fails, what it should have written is removed (a 404
until the next build, which is a full one), never left stale."""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from undersigned.core.interrupts import remove_folder, temporary_folder
from undersigned.outputs.network import Stopped
from undersigned.serve.session import ServeSession

log = logging.getLogger("mkdocs.plugins.undersigned")

WAIT_LOG = 30.0  # seconds between two log lines of a request that waits for a gate
RECHECK = 0.05  # seconds between two looks at whether the one page asked for is in place


def open_gates(session: ServeSession, pages: set[str], search: bool) -> None:
    """Before a rebuild starts its threads: requests for ``pages`` (URLs) and, with
    ``search``, for the search bundle wait from now on."""
    session.pending = set(pages)
    if pages:
        session.pages_done.clear()
    if search:
        session.search_done.clear()


def write_pages_later(session: ServeSession, site: Path, write: Callable[[], None]) -> None:
    """The rebuild ends once the pages of what changed are written; the pages that only show
    it (a renamed topic's 3,000 letters, a co-signer's page) are written by ``write`` in a
    thread, behind the gate ``open_gates`` closed for them."""

    def run() -> None:
        try:
            write()
        except Exception as exc:  # reported, never raised into the server
            log.error(f"pages could not be written: {exc}; they are removed until the next "
                      "build, which is a full one")
            _remove(site, session.pending)
            session.previous = None
        finally:
            session.pending = set()
            session.pages_done.set()

    session.pages = threading.Thread(target=run, name="undersigned-pages", daemon=True)
    session.pages.start()


def finish_search_in_background(session: ServeSession, site: Path, bundle: str,
                                finish: Callable[[], str]) -> None:
    """A rebuild's pages are served as soon as they are written; its re-indexed search shards
    follow, behind the search gate (a search never sees the old shard of a changed letter)."""

    def run() -> None:
        try:
            log.info(finish())
        except Exception as exc:  # reported, never raised into the server
            log.error(f"the search index could not be updated: {exc}; it is removed until the "
                      "next build, which is a full one")
            remove_folder(site / bundle)
            session.previous = None
        finally:
            session.search_done.set()

    session.search = threading.Thread(target=run, name="undersigned-search-finish",
                                      daemon=True)
    session.search.start()


def _remove(site: Path, urls: set[str]) -> None:
    for url in urls:
        try:
            (site / url / "index.html").unlink()
        except OSError:
            pass


def wait_for_background(session: ServeSession) -> None:
    """Before a build starts: the previous rebuild's remaining pages and search shards are
    in place."""
    for thread in (session.pages, session.search):
        if thread is not None:
            thread.join()
    session.pages = session.search = None


def _wait(gate: threading.Event, what: str,
          pending: Callable[[], bool] = lambda: True) -> None:
    """Until ``gate`` opens or, sooner, ``pending()`` turns false (the one file asked for is
    in place: the rebuild released it)."""
    waited = 0.0
    while pending() and not gate.wait(RECHECK):
        waited += RECHECK
        if waited >= WAIT_LOG:
            log.info(f"a request for {what} is waiting for the rebuild to write it")
            waited = 0.0


def release(session: ServeSession, urls: Iterable[str]) -> None:
    """Pages (URLs) of a rebuild written after it that are in place: requests for them are
    served from now on, before the rest is written."""
    session.pending.difference_update(urls)


def serve_when_ready(session: ServeSession, server: Any, bundle: str) -> None:
    """Requests under ``bundle`` (the search index's folder) wait until the search work of the
    latest rebuild is done, requests for a page still to be written until it is, and, from
    the moment the watcher reports a change until a build has taken it, every request but for
    a letter's page written first (plugin/first.py); every other request is served as before.
    (``server.serve_request`` and ``set_app`` are the public WSGI hooks of MkDocs'
    LiveReloadServer.)"""
    serve = server.serve_request
    mount = server.mount_path.rstrip("/") + "/"
    prefix = mount + bundle.strip("/") + "/"

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        path = environ.get("PATH_INFO", "")
        if not session.settled.is_set() and path.startswith(mount) \
                and not path.startswith("/livereload/"):
            url = path[len(mount):].removesuffix("index.html")
            # a change is being built: only a letter's page written first is served meanwhile
            _wait(session.settled, path, lambda: url not in session.first_urls)
        if path.startswith(prefix):
            _wait(session.search_done, path)
        elif session.pending and path.startswith(mount):
            url = path[len(mount):].removesuffix("index.html")

            def waiting(url: str = url) -> bool:
                return url in session.pending or url + "/" in session.pending

            if waiting():
                _wait(session.pages_done, path, waiting)
        return serve(environ, start_response)

    server.set_app(app)


def pause_gc(session: ServeSession) -> None:
    """Under `mkdocs serve`, the garbage collector is off while a build runs: a server that
    holds two archives scans millions of objects at every full collection (half a second
    each, several per rebuild at 10,000 letters). ``tidy_memory_later`` collects once after
    the build, off the reader's clock."""
    session.builds += 1
    gc.disable()


def tidy_memory_later(session: ServeSession) -> None:
    """After a build, in a thread once its pages and search shards are in place: one full
    collection (the previous build's cycles), then what survives is frozen out of later
    collections (it is long-lived: the archive, the shells) and collection resumes. A build
    that starts meanwhile keeps it off until its own end."""
    build = session.builds

    def run() -> None:
        session.pages_done.wait()
        session.search_done.wait()
        if session.builds != build:
            return
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        if session.builds == build:
            gc.enable()

    threading.Thread(target=run, name="undersigned-gc", daemon=True).start()


def stop_exports(session: ServeSession) -> None:
    """A new build starts: the downloads of the previous one give up at their next piece."""
    session.cancel_exports.set()


def write_in_background(session: ServeSession, site: Path,
                        produce: Callable[[Path, Callable[[], bool]], list[tuple[str, Path]]]
                        ) -> None:
    """Once the rebuild's pages and search shards are in place, run ``produce(work folder,
    stop)`` in a thread and move each file it made into the site, one atomic rename each. A
    newer build stops it (``stop()`` turns true; produce raises Stopped), so it never competes
    with the rebuild a reader is waiting for. Call it after ``open_gates``."""
    previous = session.exports
    if previous is not None and previous.is_alive():
        session.cancel_exports.set()
        previous.join()
    session.cancel_exports = cancel = threading.Event()

    def run() -> None:
        session.pages_done.wait()  # the pages and the search shards first: the log line
        session.search_done.wait()  # covers all of them
        if cancel.is_set():
            return
        work = Path(temporary_folder("undersigned-live-", str(site.parent)))
        try:
            made = produce(work, cancel.is_set)
            if cancel.is_set():
                return
            for uri, path in made:
                target = site / uri
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
            log.info(f"data downloads updated ({len(made)} files)")
        except Stopped:
            pass
        except Exception as exc:  # reported, never raised into the server
            log.error(f"the data downloads could not be written: {exc}")
        finally:
            remove_folder(work)

    session.exports = threading.Thread(target=run, name="undersigned-exports", daemon=True)
    session.exports.start()


def stoppable(pieces: Iterable[str], stop: Callable[[], bool]) -> Iterator[str]:
    for piece in pieces:
        if stop():
            raise Stopped("a newer build took over")
        yield piece
