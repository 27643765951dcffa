"""Chromium: documents signed together (AND/OR in the URL), the timeline by keyboard, and
downloading the current search results as CSV and JSON, compared with the archive's data."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import pytest

from helpers import REPO
from undersigned.core.load import load_archive

pytestmark = pytest.mark.browser
ARCHIVE = load_archive(REPO)


def _signed_by(entity_id: str) -> set[str]:
    """The documents the search's signatory filter finds: signed, or named as a signer."""
    return {x.slug for x in ARCHIVE.letters
            if entity_id in {s.id for s in (*x.signatures, *x.signers_named)}}


SETTLED = """() => {
  const m = document.querySelector('#us-status').textContent
    .match(/^(\\d+) documents? found(?:, showing (\\d+))?/);
  if (!m) return false;
  const want = m[2] ? +m[2] : +m[1];
  return want > 0 && document.querySelectorAll('#us-results li').length === want;
}"""


def _result_slugs(page) -> list[str]:
    """Every result of the current search, once the list shows what the status says."""
    page.wait_for_selector("#us-search[data-ready=true]")
    page.wait_for_function(SETTLED)
    while page.locator("#us-more").is_visible():
        before = page.locator("#us-results li").count()
        page.locator("#us-more").click()
        page.wait_for_function(f"document.querySelectorAll('#us-results li').length > {before}")
        page.wait_for_function(SETTLED)
    hrefs = page.locator("#us-results a").evaluate_all("els => els.map(e => e.href)")
    return [h.split("/letters/")[1].strip("/") for h in hrefs]


def test_documents_signed_together_and_either(page):
    page.goto("/signatories/alan-lowenthal/")
    ranked = ARCHIVE.cosigners("alan-lowenthal", limit=None)
    other = ARCHIVE.registry.entities[ranked[0][0]]
    n = ranked[0][1]
    page.get_by_role("link", name=f"{n} document{'s' if n != 1 else ''} with {other.name}",
                     exact=True).click()
    page.wait_for_url("**/search/?signatory=*")
    both = _signed_by("alan-lowenthal") & _signed_by(other.id)
    assert sorted(_result_slugs(page)) == sorted(both) and len(both) == ranked[0][1]
    assert page.locator("#us-f-signatory-2").input_value() == other.name
    page.locator("#us-mode").select_option("any")
    page.wait_for_function("location.search.includes('mode=any')")
    either = _signed_by("alan-lowenthal") | _signed_by(other.id)
    page.wait_for_function(f"document.querySelector('#us-status').textContent"
                           f".startsWith('{len(either)} documents found')")
    assert sorted(_result_slugs(page)) == sorted(either)
    page.reload()
    assert page.locator("#us-mode").input_value() == "any"
    assert sorted(_result_slugs(page)) == sorted(either)
    assert page.errors == []


def test_add_a_signatory_by_keyboard(page):
    page.goto("/search/?signatory=Alan%20S.%20Lowenthal")
    page.wait_for_selector("#us-search[data-ready=true]")
    page.get_by_role("button", name="Add another signatory").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "us-f-signatory-2"
    page.keyboard.type("Norma J. Torres")
    page.keyboard.press("Tab")
    page.wait_for_function("new URLSearchParams(location.search).getAll('signatory').length == 2")
    norma = next(i for i, e in ARCHIVE.registry.entities.items() if e.name == "Norma J. Torres")
    both = _signed_by("alan-lowenthal") & _signed_by(norma)
    if both:
        assert sorted(_result_slugs(page)) == sorted(both)
    else:
        page.wait_for_function("document.querySelector('#us-status').textContent"
                               ".startsWith('0 documents found')")


def test_timeline_bar_by_keyboard_opens_that_month(page):
    page.goto("/years/")
    bars = page.locator("figure.us-timeline svg a")
    years = Counter(str(x.year) for x in ARCHIVE.letters)
    assert bars.count() == len(years)
    first = bars.first
    first.focus()
    label = first.get_attribute("aria-label")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?year=*")
    year = page.url.split("year=")[1]
    assert sorted(_result_slugs(page)) == sorted(
        x.slug for x in ARCHIVE.letters if str(x.year) == year)
    assert label.endswith(f"{years[year]} documents") or label.endswith("1 document")
    assert page.locator(f"#us-f-year input[value='{year}']").is_checked()


def _download(page, button: str) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    return open(info.value.path(), encoding="utf-8").read()


def test_download_the_current_results_as_csv_and_json(page, site_url):
    page.goto("/search/?topic=asylum&year=2022")
    shown = _result_slugs(page)
    assert len(shown) == len([x for x in ARCHIVE.letters if x.year == 2022
                              and "asylum" in x.topics]) >= 2
    data = page.evaluate("fetch('/data/letters.csv').then(r => r.text())")
    header, *rows = data.splitlines(keepends=True)
    by_slug = {next(csv.reader(io.StringIO(r)))[0]: r for r in rows}
    got = _download(page, "Download these results (CSV)")
    assert got == header + "".join(by_slug[s] for s in shown)
    records = json.loads(_download(page, "Download these results (JSON)"))
    reference = page.evaluate("fetch('/data/letters.json').then(r => r.json())")
    assert records == [next(r for r in reference if r["slug"] == s) for s in shown]
    assert f"downloaded {len(shown)} as JSON" in page.locator("#us-status").text_content()
    assert page.errors == []
