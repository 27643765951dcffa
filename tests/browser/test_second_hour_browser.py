"""Chromium, a researcher's second hour: an office finds every holder's documents, several
years and countries at once (and one click clears them), results that say their type, sender
and recipients, a person's co-signers as CSV with names, the old address of a renamed letter,
a chronology that fits a phone with labels of at least 11 px."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlparse

import pytest

from helpers import REPO
from undersigned.core.load import load_archive
from undersigned.core.offices import office_of

pytestmark = pytest.mark.browser
ARCHIVE = load_archive(REPO)


def _ready(page) -> None:
    page.wait_for_selector("#us-search[data-ready=true]")
    page.wait_for_function("document.querySelector('#us-status').textContent.length > 0")


def _all_results(page) -> list[str]:
    while page.locator("#us-more").is_visible():
        before = page.locator("#us-results li").count()
        page.locator("#us-more").click()
        page.wait_for_function(f"document.querySelectorAll('#us-results li').length > {before}")
    hrefs = page.locator("#us-results h2 a").evaluate_all("els => els.map(e => e.href)")
    return sorted(h.split("/letters/")[1].strip("/") for h in hrefs)


def test_an_office_page_lists_every_holders_documents(page):
    page.goto("/offices/")
    page.get_by_role("link", name="Secretary of Homeland Security").click()
    page.wait_for_url("**/offices/secretary-of-homeland-security/")
    expected = {x.slug for x in ARCHIVE.letters for r in x.recipients
                if (o := office_of(ARCHIVE, x, r)) and o.id == "secretary-of-homeland-security"}
    shown = page.locator("#documents ~ ul.us-letters li a[href*='/letters/']").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))")
    assert sorted(h.rstrip("/").split("/")[-1] for h in shown) == sorted(expected)
    holders = page.locator("table tbody tr").all_inner_texts()
    counted = {r.split("\t")[0]: r.split("\t")[-1] for r in holders}
    assert counted["Michael Chertoff"] and counted["Alejandro N. Mayorkas"]  # both holders
    assert page.errors == []


def test_several_years_and_countries_at_once_and_one_click_clears(page):
    page.goto("/search/")
    _ready(page)
    for year in ("2007", "2008"):
        page.locator(f"#us-f-year input[value='{year}']").check()
    for country in ("GT", "HN"):
        page.locator(f"#us-f-country input[value='{country}']").check()
    page.wait_for_function("new URLSearchParams(location.search).getAll('year').length == 2 "
                           "&& new URLSearchParams(location.search).getAll('country').length == 2")
    expected = sorted(x.slug for x in ARCHIVE.letters if x.year in (2007, 2008)
                      and set(x.countries) & {"GT", "HN"})
    page.wait_for_function(f"document.querySelector('#us-status').textContent"
                           f".startsWith('{len(expected)} document')")
    assert _all_results(page) == expected
    params = parse_qs(urlparse(page.url).query)
    assert sorted(params["year"]) == ["2007", "2008"] and sorted(params["country"]) == ["GT", "HN"]
    page.reload()  # the URL holds the filters
    _ready(page)
    assert page.locator("#us-f-year input:checked").count() == 2
    assert page.get_by_role("button", name="Clear all 4 filters").is_visible()
    page.get_by_role("button", name="Clear all 4 filters").click()
    page.wait_for_function("location.search === ''")
    assert page.locator("#us-f-year input:checked, #us-f-country input:checked").count() == 0
    assert page.errors == []


def test_a_year_range(page):
    page.goto("/search/?from=2005&to=2006&type=Letter")
    _ready(page)
    expected = sorted(x.slug for x in ARCHIVE.letters if 2005 <= x.year <= 2006
                      and x.type == "letter")
    page.wait_for_function(f"document.querySelector('#us-status').textContent"
                           f".startsWith('{len(expected)} document')")
    assert _all_results(page) == expected
    assert page.locator("#us-from").input_value() == "2005"


def test_results_say_their_type_date_sender_and_recipients(page):
    letter = ARCHIVE.by_slug["2006-02-08-letter-president-fox"]
    page.goto("/search/?q=" + "Boxer&type=Letter")
    _ready(page)
    item = page.locator("#us-results li", has=page.get_by_role("link", name=letter.title))
    text = item.inner_text()
    assert f"Letter · {letter.date.isoformat()}" in text
    assert "From Barbara Boxer" in text  # a one-senator letter is from that senator
    assert f"To {letter.recipients[0].name}" in text


def test_a_persons_cosigners_as_csv_with_names(page):
    page.goto("/signatories/alan-lowenthal/")
    ties = ARCHIVE.ties("alan-lowenthal")
    with page.expect_download() as info:
        page.get_by_role("link", name=f"all {len(ties)} co-signers as CSV").click()
    rows = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    names = ARCHIVE.registry.entities
    assert [(r["name"], int(r["signed_together"]), int(r["named_together"])) for r in rows] == [
        (names[t.id].name, t.signed, t.named) for t in ties]


def test_the_old_address_of_a_renamed_letter_lands_on_the_new_page(page):
    page.goto("/letters/2007-02-06-letter-senate-judiciary-committee-patrick-leahy/")
    page.wait_for_url("**/letters/2007-02-06-letter-patrick-leahy/")
    assert page.locator("h1").inner_text().startswith("Letter to Patrick Leahy")


def test_the_chronology_fits_a_phone_with_readable_labels(chromium, site_url):
    context = chromium.new_context(base_url=site_url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto("/years/")
    chart = page.locator("figure.us-timeline svg")
    box = chart.bounding_box()
    assert box["height"] < 250  # no screen of empty chart
    sizes = chart.locator("text").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)")
    assert min(sizes) >= 11
    # the first documents are on the first screen: the table of years under the chart
    first_year = page.locator("table a").first.bounding_box()
    assert first_year["y"] < 844 * 1.6
    page.goto("/stats/")
    sizes = page.locator("figure.us-chart svg text").evaluate_all(
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize) * "
        "(e.ownerSVGElement.getBoundingClientRect().width / e.ownerSVGElement.viewBox.baseVal.width))")
    assert min(sizes) >= 11
    wide = page.locator(".us-wide").count()  # charts and tables wider than the phone
    assert wide and page.locator("p.us-scroll-hint").count() == wide  # scrolls only visibly
    assert page.locator(".us-wide").evaluate_all(
        "els => els.every(e => e.getAttribute('tabindex') === '0' && e.getAttribute('role'))")
    context.close()


def test_the_az_index_counts_signed_and_named_apart(page):
    page.goto("/signatories/")
    castro = page.locator("li", has=page.get_by_role("link", name=re.compile("^Castro, Joaquin")))
    text = castro.inner_text()
    signed = len(ARCHIVE.signed.get("joaquin-castro", ()))
    named = len(ARCHIVE.named_in.get("joaquin-castro", ()))
    assert f"signed {signed} document" in text and f"named as a signer in {named} document" in text


def _header_suggestions(page, text):
    box = page.locator("#us-header-q")
    box.click()
    box.press_sequentially(text, delay=20)
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    listbox.locator("[role=option]").first.wait_for()
    return listbox


def test_a_named_signer_is_never_counted_as_a_signature(page):
    """Kathy Castor signed nothing in the archive; releases name her as a signer."""
    assert "kathy-castor" not in ARCHIVE.signed
    named = len(ARCHIVE.named_in["kathy-castor"])
    page.goto("/")
    listbox = _header_suggestions(page, "castor")
    text = listbox.locator("[role=option]").first.inner_text()
    assert text.startswith(f"Kathy Castor — signatory, named as a signer in {named} documents")
    assert "signed" not in text.replace("named as a signer", "")


def test_header_suggestions_stay_inside_a_phone_screen(chromium, site_url):
    context = chromium.new_context(base_url=site_url, viewport={"width": 390, "height": 844},
                                   is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto("/")
    listbox = _header_suggestions(page, "velaz")
    box = listbox.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    for option in listbox.locator("[role=option]").all():
        b = option.bounding_box()
        assert b["x"] >= 0 and b["x"] + b["width"] <= 390
    context.close()
