"""Chromium: the search page asks the newest shards first and stops when it has a page of
results (EAGER documents searched), continues into older shards on request, routes a year to
the shards that can hold it, and ranks every shard for sort=relevance. The test site has two
documents per shard; the page is told to search 4 documents eagerly and show 2 results a page
(attributes changed on the way to the browser, the site itself is the one CI builds)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import REPO
from undersigned.core.load import load_archive

pytestmark = pytest.mark.browser
ARCHIVE = load_archive(REPO)
PRESS = sorted((x for x in ARCHIVE.letters if x.type == "press-release"),
               key=lambda x: (x.date, x.slug), reverse=True)


COMPLETE = """() => {
  const t = document.querySelector('#us-status').textContent;
  return /^\\d+ documents? found/.test(t) && !/among the/.test(t);
}"""


def _small(page):
    """Serve the search page with data-eager=4 and data-page-size=2; record shard folders."""
    def handle(route):
        response = route.fetch()
        body = response.text().replace('data-bundle="../pagefind/"',
                                       'data-bundle="../pagefind/" data-eager="4" '
                                       'data-page-size="2"')
        route.fulfill(response=response, body=body)

    page.route(re.compile(r".*/search/(\?.*)?$"), handle)
    page.shards = set()
    page.on("request", lambda r: page.shards.update(
        re.findall(r"/pagefind/(s\d+)/", r.url)))


def _facets(page) -> dict:
    return json.loads(page.evaluate("fetch('/search/facets.json').then(r => r.text())"))


def _shown(page) -> list[str]:
    hrefs = page.locator("#us-results a").evaluate_all("els => els.map(e => e.href)")
    return [h.split("/letters/")[1].strip("/") for h in hrefs]


def test_newest_shards_first_then_older_on_request(page):
    _small(page)
    page.goto("/search/?type=Press+release")
    page.wait_for_selector("#us-search[data-ready=true]")
    status = page.locator("#us-status")
    page.wait_for_function("document.querySelectorAll('#us-results li').length === 2")
    shards = _facets(page)["shards"]
    # newest first, until 2 results and at least 4 documents: nothing older is fetched
    searched, docs, found = [], 0, 0
    for shard in shards:
        searched.append(shard)
        docs += shard["count"]
        found = sum(1 for x in PRESS if x.date.isoformat() >= shard["first"])
        if docs >= 4 and found >= 2:
            break
    assert len(searched) < len(shards)
    expected = [x.slug for x in PRESS][:found]
    assert status.text_content() == (
        f"{found} documents found among the {docs} newest documents searched "
        f"({searched[-1]['first']} to {shards[0]['last']}); older ones are searched when you "
        "ask for more, showing 2")
    assert page.shards == {s["dir"].strip("/") for s in searched} - {""}
    assert _shown(page) == expected[:2]
    # "Search all dates": every shard, the exact count, newest first
    page.locator("#us-search-all").click()
    page.wait_for_function(COMPLETE)
    assert status.text_content().startswith(f"{len(PRESS)} documents found, showing ")
    while page.locator("#us-more").is_visible():
        before = page.locator("#us-results li").count()
        page.locator("#us-more").click()
        page.wait_for_function(f"document.querySelectorAll('#us-results li').length > {before}")
    assert _shown(page) == [x.slug for x in PRESS]
    assert page.shards == {s["dir"].strip("/") for s in shards} - {""}
    assert page.errors == []


def test_a_year_asks_only_the_shards_that_can_hold_it(page):
    _small(page)
    page.goto("/search/?year=2017")
    page.wait_for_selector("#us-search[data-ready=true]")
    page.wait_for_function("document.querySelectorAll('#us-results li').length > 0")
    shards = _facets(page)["shards"]
    holding = {s["dir"].strip("/") for s in shards if s["first"][:4] <= "2017" <= s["last"][:4]}
    assert page.shards and page.shards <= holding
    if page.locator("#us-search-all").is_visible():
        page.locator("#us-search-all").click()
    page.wait_for_function(COMPLETE)
    expected = sorted((x for x in ARCHIVE.letters if x.year == 2017),
                      key=lambda x: (x.date, x.slug), reverse=True)
    assert page.locator("#us-status").text_content().startswith(f"{len(expected)} documents found")
    assert page.shards <= holding


def test_best_match_ranks_every_shard(page):
    _small(page)
    page.goto("/search/?q=asylum&sort=relevance")
    page.wait_for_selector("#us-search[data-ready=true]")
    page.wait_for_function("/documents? found/.test(document.querySelector('#us-status').textContent)")
    assert page.locator("#us-sort").input_value() == "relevance"
    text = page.locator("#us-status").text_content()
    assert "among the" not in text  # every shard was searched
    shards = _facets(page)["shards"]
    assert page.shards == {s["dir"].strip("/") for s in shards} - {""}
    count = int(text.split(" ")[0])
    words = [x for x in ARCHIVE.letters if "asylum" in (x.title + " " + x.body).lower()]
    assert count >= len(words) > 0


def test_a_download_searches_every_date(page, tmp_path: Path):
    _small(page)
    page.goto("/search/?type=Press+release")
    page.wait_for_selector("#us-search[data-ready=true]")
    page.wait_for_function("document.querySelectorAll('#us-results li').length === 2")
    with page.expect_download() as info:
        page.locator("#us-download-csv").click()
    path = tmp_path / "results.csv"
    info.value.save_as(path)
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    assert sorted(r.split(",")[0] for r in rows) == sorted(x.slug for x in PRESS)
