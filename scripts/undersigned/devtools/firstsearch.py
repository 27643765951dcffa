"""The bytes of a reader's first search, measured in Chromium (bench and serve_bench).

A reader opens a page (the home page), types a query into the header search one key at a time
(each key asks for suggestions: people, organizations, recipients, offices, topics), then
presses Enter and waits for the search page's first results. Counted: the bytes of every
response body transferred after the first page has loaded (the header's suggestions, the search
page, its scripts and facets, the Pagefind files), not the first page itself; a response the
browser's cache answers costs nothing. ``suggest`` is the part the suggestions cost (before
Enter), ``pagefind`` the part under /pagefind/, ``assets`` the theme's scripts, styles and images
(none from a server that lets the browser keep them; all again from `mkdocs serve`'s)."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]  # scripts/undersigned/devtools/ -> the repository
IGNORED = ("/livereload/",)  # mkdocs serve's reload long poll


def _transferred(request: Any, before: set[str]) -> int:
    """Bytes of a response body that came over the network: none when the browser's cache
    answered (Chromium reports a negative size, or none for a file fetched before), the body's
    length when Chromium reports none for a file not fetched before (a worker's script)."""
    try:
        size = request.sizes().get("responseBodySize", -1)
        if size is not None and size > 0:
            return int(size)
        if (size is not None and size < 0) or request.url in before:
            return 0
        response = request.response()
        return len(response.body()) if response is not None else 0
    except Exception:  # a request the browser cancelled (the page was left)
        return 0


def first_search(url: str, term: str = "asylum", delay_ms: int = 80) -> dict[str, Any]:
    """Bytes of a first search on the site served at ``url`` (see the module's note)."""
    # (a test dependency and the tests' Chromium flags: imported when a benchmark asks for them)
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(REPO / "tests" / "browser"))
    from serving import CHROMIUM_ARGS  # tests/browser/serving.py, found above

    finished: list[Any] = []
    pending: set[Any] = set()
    before: set[str] = set()  # what the first page fetched
    recording = False

    def started(request: Any) -> None:
        if not recording:
            before.add(request.url)
        elif not any(x in request.url for x in IGNORED):
            pending.add(request)

    def ended(request: Any) -> None:
        if request in pending:
            pending.discard(request)
            finished.append(request)

    def settle(quiet: float = 0.6, timeout: float = 120) -> None:
        """Wait until no counted request has been in flight for ``quiet`` seconds."""
        began = last = time.perf_counter()
        while time.perf_counter() - last < quiet:
            if pending:
                last = time.perf_counter()
            if time.perf_counter() - began > timeout:
                raise SystemExit(f"first search: requests never ended: {[r.url for r in pending]}")
            page.wait_for_timeout(100)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=CHROMIUM_ARGS)
        try:
            page = browser.new_context().new_page()
            page.on("request", started)
            page.on("requestfinished", ended)
            page.on("requestfailed", ended)
            page.goto(url.rstrip("/") + "/", wait_until="load")
            box = page.locator("#us-header-q")
            box.wait_for()
            page.wait_for_timeout(500)
            recording = True
            box.click()
            box.press_sequentially(term, delay=delay_ms)
            page.locator(".us-listbox [role=option]", has_text=f"Search the documents for “{term}”"
                         ).wait_for(timeout=120000)
            settle()
            suggested = list(finished)
            names = [r for r in suggested if "/search/names" in r.url]
            box.press("Enter")
            page.wait_for_function("document.querySelectorAll('#us-results li').length > 0",
                                   timeout=180000)
            settle()
            total = sum(_transferred(r, before) for r in finished)
            result = {
                "first_search_kb": round(total / 1024, 1),
                "suggest_kb": round(sum(_transferred(r, before) for r in suggested) / 1024, 1),
                "suggest_requests": len(suggested),
                "names_files": len(names),
                "names_kb": round(sum(_transferred(r, before) for r in names) / 1024, 1),
                "pagefind_kb": round(sum(_transferred(r, before) for r in finished
                                         if "/pagefind/" in r.url) / 1024, 1),
                # the theme's and the site's scripts, styles and images, fetched again when
                # the server lets no cache keep them (mkdocs serve)
                "assets_kb": round(sum(_transferred(r, before) for r in finished
                                       if r.resource_type in ("script", "stylesheet", "image")
                                       and "/pagefind/" not in r.url) / 1024, 1),
                "requests": len(finished),
            }
        finally:
            browser.close()
    return result
