"""Under `mkdocs serve` a rebuild ends once the pages of what changed are written; requests
for the pages that follow, and for the search bundle, wait until they are in place — however
long that takes (never a stale page) — and what a failed thread should have written is
removed, not left stale. The downloads start after the gates are closed, with no delay."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from undersigned.serve import background as bg
from undersigned.serve.session import ServeSession


class FakeServer:
    mount_path = "/"

    def __init__(self) -> None:
        self.served: list[str] = []
        self.app = None

    def serve_request(self, environ, start_response):
        self.served.append(environ["PATH_INFO"])
        return [b"ok"]

    def set_app(self, app) -> None:
        self.app = app


def _request(server: FakeServer, path: str, done: list[str]) -> threading.Thread:
    thread = threading.Thread(target=lambda: (server.app({"PATH_INFO": path}, None),
                                              done.append(path)))
    thread.start()
    return thread


def test_requests_for_pages_still_being_written_wait_for_them(tmp_path: Path):
    session = ServeSession()
    server = FakeServer()
    bg.serve_when_ready(session, server, "pagefind")
    release = threading.Event()
    bg.open_gates(session, {"letters/a/", "signatories/b/"}, search=False)
    bg.write_pages_later(session, tmp_path, lambda: release.wait(10))
    done: list[str] = []
    waiting = [_request(server, p, done) for p in
               ("/letters/a/", "/signatories/b/index.html", "/signatories/b")]
    free = _request(server, "/letters/c/", done)  # not pending: served at once
    free.join(5)
    time.sleep(0.2)
    assert done == ["/letters/c/"]
    release.set()
    for thread in waiting:
        thread.join(5)
    assert sorted(done) == ["/letters/a/", "/letters/c/", "/signatories/b",
                            "/signatories/b/index.html"]
    assert session.pending == set() and session.pages_done.is_set()
    bg.wait_for_background(session)  # the writer thread is joined


def test_a_page_in_place_is_served_before_the_rest_are_written(tmp_path: Path):
    """A rebuild releases each page once it is written (a changed topic's page, a listing):
    a request for it does not wait for the thousands of pages after it."""
    session = ServeSession()
    server = FakeServer()
    bg.serve_when_ready(session, server, "pagefind")
    rest = threading.Event()
    bg.open_gates(session, {"topics/asylum/", "letters/a/"}, search=False)

    def write() -> None:
        bg.release(session, ["topics/asylum/"])
        rest.wait(10)

    bg.write_pages_later(session, tmp_path, write)
    done: list[str] = []
    first = _request(server, "/topics/asylum/", done)
    later = _request(server, "/letters/a/", done)
    first.join(5)
    time.sleep(0.2)
    assert done == ["/topics/asylum/"]  # served while letters/a/ is still being written
    rest.set()
    later.join(5)
    assert done == ["/topics/asylum/", "/letters/a/"]
    bg.wait_for_background(session)


def test_a_request_waits_past_any_timeout_and_says_so(tmp_path: Path, monkeypatch, caplog):
    """Never served stale: no time limit on the wait, a log line while it lasts."""
    monkeypatch.setattr(bg, "WAIT_LOG", 0.05)
    session = ServeSession()
    server = FakeServer()
    bg.serve_when_ready(session, server, "pagefind")
    release = threading.Event()
    bg.open_gates(session, {"letters/a/"}, search=False)
    bg.write_pages_later(session, tmp_path, lambda: release.wait(10))
    done: list[str] = []
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.undersigned"):
        waiting = _request(server, "/letters/a/", done)
        time.sleep(0.4)
        assert done == []
        release.set()
        waiting.join(5)
    assert done == ["/letters/a/"]
    assert "a request for /letters/a/ is waiting for the rebuild to write it" in caplog.messages
    bg.wait_for_background(session)


def test_search_bundle_waits_for_the_rebuilds_shards(tmp_path: Path):
    session = ServeSession()
    server = FakeServer()
    bg.serve_when_ready(session, server, "pagefind")
    release = threading.Event()
    bg.open_gates(session, set(), search=True)
    bg.finish_search_in_background(session, tmp_path, "pagefind",
                                   lambda: release.wait(10) and "search index: done")
    done: list[str] = []
    search = _request(server, "/pagefind/pagefind-entry.json", done)
    page = _request(server, "/letters/a/", done)
    page.join(5)
    time.sleep(0.2)
    assert done == ["/letters/a/"]
    release.set()
    search.join(5)
    assert done == ["/letters/a/", "/pagefind/pagefind-entry.json"]
    bg.wait_for_background(session)


def test_a_failed_page_writer_removes_its_pages_and_makes_the_next_build_a_full_one(
        tmp_path: Path):
    session = ServeSession()
    session.previous = object()  # type: ignore[assignment]
    stale = tmp_path / "letters" / "a" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("the old page")

    def fail() -> None:
        raise RuntimeError("disk full")

    bg.open_gates(session, {"letters/a/"}, search=False)
    bg.write_pages_later(session, tmp_path, fail)
    bg.wait_for_background(session)
    assert session.previous is None and session.pages_done.is_set() and session.pending == set()
    assert not stale.exists()  # a 404 until the next build, never the old page


def test_the_downloads_wait_for_gates_closed_before_they_start(tmp_path: Path):
    """No delay orders the threads: the gates are closed first, the downloads wait on them."""
    session = ServeSession()
    site = tmp_path / "site"
    site.mkdir()
    order: list[str] = []
    release = threading.Event()
    bg.open_gates(session, {"letters/a/"}, search=True)

    def pages() -> None:
        release.wait(10)
        order.append("pages")

    def produce(work: Path, stop) -> list[tuple[str, Path]]:
        order.append("downloads")
        (work / "x.csv").write_text("x\n")
        return [("data/x.csv", work / "x.csv")]

    bg.write_pages_later(session, site, pages)
    bg.finish_search_in_background(session, site, "pagefind",
                                   lambda: order.append("search") or "done")
    bg.write_in_background(session, site, produce)
    time.sleep(0.3)
    assert order == ["search"]  # the downloads wait for the pages
    release.set()
    assert session.exports is not None
    session.exports.join(5)
    assert order == ["search", "pages", "downloads"]
    assert (site / "data" / "x.csv").read_text() == "x\n"
    bg.wait_for_background(session)


def test_after_a_page_written_first_every_other_request_waits_for_the_rebuild():
    """plugin/first.py: a letter's page is written before its rebuild; until the rebuild is
    done (``settled``), that page and the live-reload poll are served, nothing else is."""
    session = ServeSession()
    server = FakeServer()
    bg.serve_when_ready(session, server, "pagefind")
    session.first_urls = {"letters/a/"}
    session.settled.clear()
    done: list[str] = []
    waiting = [_request(server, p, done) for p in
               ("/letters/", "/letters/b/", "/pagefind/pagefind.js", "/signatories/x/",
                "/data/letters.csv")]
    free = [_request(server, p, done) for p in
            ("/letters/a/", "/letters/a/index.html", "/livereload/123/1")]
    for thread in free:
        thread.join(5)
    time.sleep(0.2)
    assert sorted(done) == ["/letters/a/", "/letters/a/index.html", "/livereload/123/1"]
    session.settled.set()
    for thread in waiting:
        thread.join(5)
    assert sorted(server.served) == sorted(["/letters/", "/letters/b/", "/pagefind/pagefind.js",
                                            "/signatories/x/", "/data/letters.csv",
                                            "/letters/a/", "/letters/a/index.html",
                                            "/livereload/123/1"])


def test_a_change_heard_closes_the_gate_before_any_build_starts():
    """The gate closes when the watcher reports a change (ServeSession.unsettle), not when the
    build gets to it: a request made meanwhile waits; a request for a page written first is
    released as soon as that page is named, the others when the build is done."""
    session = ServeSession()
    server = FakeServer()
    bg.serve_when_ready(session, server, "pagefind")
    session.first_urls = {"letters/old/"}  # written first by the previous rebuild

    class Event:
        is_directory, src_path = False, "/archive/letters/a.md"

    session.changes.recording = True
    session.changes.record(Event())
    assert not session.settled.is_set() and session.first_urls == set()
    assert session.changes.waiting()
    done: list[str] = []
    waiting = [_request(server, p, done) for p in ("/letters/a/", "/letters/old/", "/years/")]
    time.sleep(0.2)
    assert done == []
    assert session.changes.take() == {"/archive/letters/a.md"} and not session.changes.waiting()
    session.first_urls = {"letters/a/"}
    waiting[0].join(5)
    time.sleep(0.2)
    assert done == ["/letters/a/"]
    session.settled.set()
    for thread in waiting:
        thread.join(5)
    assert sorted(done) == ["/letters/a/", "/letters/old/", "/years/"]
