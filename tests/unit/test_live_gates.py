"""Under `mkdocs serve` a rebuild ends once the pages of what changed are written; requests
for the pages that follow, and for the search bundle, wait until they are in place."""

from __future__ import annotations

import threading
import time

from undersigned.serve import live
from undersigned.serve.live import LIVE, serve_when_ready, write_pages_later


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


def test_requests_for_pages_still_being_written_wait_for_them():
    LIVE.reset()
    server = FakeServer()
    serve_when_ready(server, "pagefind")
    release = threading.Event()
    write_pages_later({"letters/a/", "signatories/b/"}, lambda: release.wait(10))
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
    assert LIVE.pending == set() and LIVE.pages_done.is_set()
    live.wait_for_background()  # the writer thread is joined


def test_search_bundle_waits_for_the_rebuilds_shards():
    LIVE.reset()
    server = FakeServer()
    serve_when_ready(server, "pagefind")
    release = threading.Event()
    live.finish_search_in_background(lambda: release.wait(10) and "search index: done")
    done: list[str] = []
    search = _request(server, "/pagefind/pagefind-entry.json", done)
    page = _request(server, "/letters/a/", done)
    page.join(5)
    time.sleep(0.2)
    assert done == ["/letters/a/"]
    release.set()
    search.join(5)
    assert done == ["/letters/a/", "/pagefind/pagefind-entry.json"]
    live.wait_for_background()


def test_a_failed_page_writer_makes_the_next_build_a_full_one():
    LIVE.reset()
    LIVE.previous = object()  # type: ignore[assignment]

    def fail() -> None:
        raise RuntimeError("disk full")

    write_pages_later({"letters/a/"}, fail)
    live.wait_for_background()
    assert LIVE.previous is None and LIVE.pages_done.is_set() and LIVE.pending == set()
