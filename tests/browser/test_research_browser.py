"""Chromium: copy buttons of "How to cite", the stats charts, and hostile letters staying inert."""

from __future__ import annotations

import json

import pytest

from helpers import write_hostile_archive
from serving import build, serve

pytestmark = pytest.mark.browser
TILLERSON = "2017-06-14-letter-secretary-tillerson-central-america-security"


def test_cite_copy_buttons_put_the_text_on_the_clipboard(page):
    page.goto(f"/letters/{TILLERSON}/")
    blocks = page.locator(".us-cite .highlight")
    assert blocks.count() == 3
    for summary in page.locator(".us-cite details > summary").all():  # BibTeX, CSL-JSON: folded
        summary.click()
    expected = [blocks.nth(i).locator("code").inner_text() for i in range(3)]
    for i in range(3):
        blocks.nth(i).hover()
        blocks.nth(i).locator("button[data-md-type=copy]").click()
        page.wait_for_timeout(200)
        assert page.evaluate("navigator.clipboard.readText()") == expected[i]
    assert expected[0].startswith("Lowenthal, Alan S., et al. “Letter to Secretary Tillerson")
    assert expected[1].startswith("@misc{lowenthal2017tillerson,")
    assert json.loads(expected[2])[0]["title"].startswith("Letter to Secretary Tillerson")
    assert page.errors == []


def test_stats_charts_render_with_text_alternatives(page):
    page.goto("/stats/")
    charts = page.get_by_role("img")
    names = [charts.nth(i).get_attribute("aria-labelledby") for i in range(charts.count())]
    assert len([n for n in names if n]) == 6
    per_year = page.get_by_role("img", name="Documents per year")
    assert per_year.is_visible()
    box = per_year.bounding_box()
    assert box["width"] > 200 and box["height"] > 50
    assert page.locator("#per-year-d").text_content().startswith("Number of documents by year:")
    assert page.locator("figure.us-chart rect").count() >= 3


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    root = write_hostile_archive(tmp_path_factory.mktemp("hostile-browser"))
    build(root / "mkdocs.yml", root / "site", strict=False)  # it warns of what it removes
    server, url = serve(root / "site")
    yield url
    server.shutdown()


@pytest.mark.parametrize("path", ["/letters/2017-06-15-hostile/", "/signatories/evil-person/",
                                  "/signatories/", "/letters/", "/"])
def test_hostile_pages_run_no_script(chromium, hostile_url, path):
    context = chromium.new_context()
    page = context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(hostile_url + path)
    page.wait_for_load_state("networkidle")
    for link in page.locator("article a, article p, article img").all()[:60]:
        try:
            link.hover(timeout=500)
        except Exception:  # noqa: BLE001 - hidden elements cannot be hovered
            pass
    page.mouse.click(5, 300)
    page.wait_for_timeout(300)
    assert dialogs == []
    assert errors == []
    assert page.url == hostile_url + path  # no navigation
    context.close()


def test_hostile_body_cannot_imitate_the_site(chromium, hostile_url):
    """Classes, ids and styles written in a letter are gone: the fake admonition, dialog and
    metadata panel render as plain paragraphs, and #signatories is the site's own section."""
    page = chromium.new_page()
    page.goto(hostile_url + "/letters/2017-06-15-hostile/")
    body = page.locator(".us-body")
    warning = body.get_by_text("Security warning")
    assert warning.evaluate("e => e.closest('.admonition')") is None
    assert warning.evaluate("e => getComputedStyle(e).fontWeight") in ("400", "normal")
    dialog = body.get_by_text("Fake site dialog")
    assert dialog.evaluate("e => getComputedStyle(e.parentElement).position") == "static"
    assert page.locator(".md-dialog").evaluate_all(
        "els => els.filter(e => e.closest('.us-body'))") == []
    assert page.evaluate("document.getElementById('signatories').closest('.us-body')") is None
    assert page.evaluate("document.getElementById('search') === null "
                         "|| document.getElementById('search').closest('.us-body') === null")
    marked = body.locator("[class], [id], [style]").evaluate_all(
        "els => els.map(e => e.tagName.toLowerCase() + ' ' + (e.id || e.className))")
    assert marked and all(m.split(" ", 1)[1].startswith(("fn", "footnote")) for m in marked), marked
    page.close()
