"""A reader in Chromium: clicking through the archive, keyboard use, axe, offline, search."""

from __future__ import annotations

import re

import pytest

from helpers import REPO
from undersigned.core.load import load_archive
from undersigned.pages.common import TYPE_LABELS

pytestmark = pytest.mark.browser

TILLERSON = "2017-06-14-letter-secretary-tillerson-central-america-security"
BLINKEN = "2021-03-04-letter-secretary-blinken-migration-security-rule-law-human"
ARCHIVE = load_archive(REPO)


def test_click_through_home_letter_signatory_letter_topic(page, site_url):
    page.goto("/")
    page.locator(".us-counts").get_by_role("link", name="documents").click()
    page.wait_for_url("**/letters/")
    page.get_by_role("link", name=re.compile("Letter to Secretary Tillerson")).first.click()
    page.wait_for_url(f"**/letters/{TILLERSON}/")
    page.locator("h2#signatories + p + ol").get_by_role("link", name="James P. McGovern").click()
    page.wait_for_url("**/signatories/jim-mcgovern/")
    assert page.locator("h1").inner_text().rstrip("¶") == "James P. McGovern"
    page.locator("article table").get_by_role("link", name=re.compile("Secretary Blinken")).click()
    page.wait_for_url(f"**/letters/{BLINKEN}/")
    page.locator(".us-meta").get_by_role("link", name="Asylum and refugee protection").click()
    page.wait_for_url("**/topics/asylum/")
    assert page.locator("h1").inner_text().startswith("Asylum and refugee protection")
    assert page.errors == [] and page.dialogs == []
    assert page.hosts == {site_url.split("/")[2]}  # no request left localhost


def test_keyboard_reaches_main_content(page):
    page.goto(f"/letters/{TILLERSON}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.length > 1")
    target = page.evaluate("location.hash")
    assert page.locator(target).is_visible() or page.locator("article").is_visible()
    for _ in range(40):  # tabbing onward reaches links inside the article
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('article')"):
            break
    assert page.evaluate("!!document.activeElement.closest('article')")


@pytest.mark.parametrize("path", ["/", f"/letters/{TILLERSON}/", "/signatories/alan-lowenthal/",
                                  "/signatories/", "/search/",
                                  "/letters/2021-03-25-letter-from-organizations-academics-"
                                  "president-biden/signatories/", "/years/", "/changes/",
                                  "/data/", "/search/?signatory=Alan%20S.%20Lowenthal"
                                  "&signatory=James%20P.%20McGovern&mode=any"])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_violations(page, path, scheme):
    from axe_playwright_python.sync_playwright import Axe

    page.add_init_script(f"localStorage.setItem('/.__palette', JSON.stringify("
                         f"{{index: {0 if scheme == 'default' else 1}, color: {{scheme: '{scheme}'}}}}))")
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    results = Axe().run(page)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3])
                  for v in results.response["violations"]]
    assert violations == []
    assert page.errors == []


def test_search_finds_roybal(page):
    page.goto("/search/")
    page.wait_for_selector("#us-search[data-ready=true]")
    page.get_by_label("Search the full text of every document").fill("Roybal")
    page.wait_for_function("document.querySelectorAll('#us-results li').length > 0")
    links = page.locator("#us-results a").evaluate_all("els => els.map(e => e.href)")
    assert any(TILLERSON in href for href in links)
    assert "q=Roybal" in page.url


def test_search_filters_live_in_the_url_and_survive_reload(page):
    page.goto("/search/?topic=Asylum+and+refugee+protection&year=2022")
    page.wait_for_selector("#us-search[data-ready=true]")
    page.wait_for_function("document.querySelectorAll('#us-results li').length > 0")
    hrefs = page.locator("#us-results a").evaluate_all("els => els.map(e => e.href)")
    assert hrefs and all("/letters/2022-" in h for h in hrefs)
    assert len(hrefs) == len([x for x in ARCHIVE.letters if x.year == 2022
                              and "asylum" in x.topics])
    assert page.locator("#us-f-topic input[value=asylum]").is_checked()
    page.locator("#us-f-type input[value=Letter]").check()
    page.wait_for_function("location.search.includes('type=Letter')")
    page.reload()
    page.wait_for_selector("#us-search[data-ready=true]")
    page.wait_for_function("document.querySelectorAll('#us-results li').length > 0")
    assert page.locator("#us-f-type input[value=Letter]").is_checked()
    assert page.locator("#us-results li").count() == len(
        [x for x in ARCHIVE.letters if x.year == 2022 and "asylum" in x.topics
         and x.type == "letter"])


def test_signatory_index_filter_members(page):
    page.goto("/signatories/")
    page.get_by_role("button", name="Members of Congress").click()
    visible = page.locator("article li:visible a[data-kind]")
    kinds = set(visible.evaluate_all("els => els.map(e => e.dataset.kind)"))
    assert kinds == {"member"}
    page.get_by_role("button", name="Organizations").click()
    kinds = set(page.locator("article li:visible a[data-kind]").evaluate_all(
        "els => els.map(e => e.dataset.kind)"))
    assert kinds == {"organization"}


def test_signatory_page_links_to_a_filtered_search(page):
    page.goto("/signatories/jim-mcgovern/")
    page.get_by_role("link", name="Search the full text of these documents").click()
    page.wait_for_url("**/search/?signatory=James*")
    page.wait_for_selector("#us-search[data-ready=true]")
    page.wait_for_function("document.querySelectorAll('#us-results li').length > 0")
    hrefs = page.locator("#us-results a").evaluate_all("els => els.map(e => e.href)")
    expected = {x.slug for x, _s in ARCHIVE.signed["jim-mcgovern"]} | {
        x.slug for x in ARCHIVE.named_in.get("jim-mcgovern", [])}  # signed or named a signer
    assert {TILLERSON, BLINKEN} <= expected
    assert sorted(h.split("/letters/")[1] for h in hrefs) == sorted(f"{s}/" for s in expected)
    assert page.locator("#us-f-signatory").input_value() == "James P. McGovern"
    assert page.errors == []


def test_header_search_box_opens_results(page):
    page.goto(f"/letters/{TILLERSON}/")
    box = page.get_by_role("combobox", name="Search the archive")
    box.fill("Roybal")
    box.press("Enter")
    page.wait_for_url("**/search/?q=Roybal")
    page.wait_for_function("document.querySelectorAll('#us-results li').length > 0")
    assert any(TILLERSON in h for h in page.locator("#us-results a").evaluate_all(
        "els => els.map(e => e.href)"))


def test_search_results_come_a_page_at_a_time(page):
    """Each result shown costs a download, so results are shown a page at a time (10; 2 here,
    set on the search element) with a button for more that keeps the keyboard in place."""
    def smaller_pages(route):
        html = route.fetch().text().replace('data-bundle="../pagefind/"',
                                            'data-bundle="../pagefind/" data-page-size="2"')
        route.fulfill(body=html, content_type="text/html")

    page.route(re.compile(r"/search/(\?.*)?$"), smaller_pages)
    page.goto("/search/?topic=Asylum+and+refugee+protection&year=2022")
    wanted = sorted((x for x in ARCHIVE.letters if x.year == 2022 and "asylum" in x.topics),
                    key=lambda x: (x.date, x.slug), reverse=True)
    n = len(wanted)
    assert n >= 3
    page.wait_for_selector("#us-search[data-ready=true]")
    page.wait_for_function("document.querySelectorAll('#us-results li').length === 2")
    assert page.locator("#us-status").inner_text() == f"{n} documents found, showing 2"
    more = page.get_by_role("button", name=f"Show {min(2, n - 2)} more of {n - 2}")
    more.click()
    shown = min(4, n)
    page.wait_for_function(f"document.querySelectorAll('#us-results li').length === {shown}")
    assert page.evaluate("document.activeElement.closest('li') === "
                         "document.querySelectorAll('#us-results li')[2]")
    while page.locator("#us-more").is_visible():
        page.locator("#us-more").press("Enter")
        shown = min(shown + 2, n)
        page.wait_for_function(f"document.querySelectorAll('#us-results li').length === {shown}")
    assert page.locator("#us-status").inner_text() == f"{n} documents found"
    hrefs = page.locator("#us-results a").evaluate_all("els => els.map(e => e.href)")
    assert len(set(hrefs)) == n  # no repeats across pages (and across shards)
    dates = page.locator("#us-results .us-type").all_inner_texts()
    assert dates == [f"{TYPE_LABELS[x.type]} · {x.date.isoformat()}"
                     for x in wanted]  # newest first, across shards
    assert page.errors == []
