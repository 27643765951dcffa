"""Finding people, offices and countries on the search page the way a person does it, in
Chromium: typing part of a name and picking a suggestion, names typed without accents or in
capitals, a name several entries fit, a name that fits none; the office and country filters;
the keyboard alone; a phone (390×844); tap targets; the theme toggle with Space; axe, light and
dark, on every page touched."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from helpers import REPO
from serving import axe_violations, contrast_ratios, themed_page
from undersigned.core.load import load_archive
from undersigned.core.offices import recipient_office

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
BLINKEN_LETTER = "/letters/2021-03-04-letter-secretary-blinken-migration-security-rule-law-human/"
FOOTNOTED = "/letters/2021-03-25-letter-from-organizations-academics-president-biden/"


def _open(page, path="/search/"):
    page.goto(path)
    page.wait_for_selector("#us-search[data-ready=true]")
    return page


def _params(page):
    return parse_qs(urlparse(page.url).query)


def _results(page):
    page.wait_for_function("document.getElementById('us-status').textContent.includes('found')")
    return page.locator("#us-results li")


def _suggestions(page, box):
    return page.locator("#" + box.get_attribute("aria-controls")).get_by_role("option")


def _letters(page):
    return page.request.get("/data/letters.json").json()


@pytest.mark.parametrize(("field", "typed", "name", "entry_id"), [
    ("signatory", "lowent", "Alan S. Lowenthal", "alan-lowenthal"),
    ("signatory", "Grijal", "Raúl M. Grijalva", "raul-grijalva"),
    ("signatory", "Vázquez Carp", "Ana Cristina Vázquez Carpizo", "ana-cristina-vazquez-carpizo"),
    ("recipient", "blink", "Antony J. Blinken", "antony-blinken"),
    ("recipient", "mayork", "Alejandro Mayorkas", "alejandro-mayorkas"),
])
def test_partial_name_then_pick_the_suggestion(page, field, typed, name, entry_id):
    _open(page)
    box = page.locator(f"#us-f-{field}")
    box.click()
    box.press_sequentially(typed, delay=20)
    option = _suggestions(page, box).filter(has_text=name)
    option.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    option.first.click()
    assert box.input_value() == name
    results = _results(page)
    assert results.count() >= 1
    assert _params(page)[field] == [entry_id]  # the id: the view stays citable
    # every document found names the entry
    key = "signatories" if field == "signatory" else "recipients"
    expected = {x["title"] for x in _letters(page)
                if any(s["id"] == entry_id for s in x[key] + x.get("signers_named", []))}
    shown = {t.rstrip() for t in results.locator("h2").all_inner_texts()}
    assert shown <= expected and shown
    # reloading the URL restores the same name and results
    page.reload()
    page.wait_for_selector("#us-search[data-ready=true]")
    assert page.locator(f"#us-f-{field}").input_value() == name
    assert _results(page).count() == results.count()


@pytest.mark.parametrize(("field", "typed", "name"), [
    ("signatory", "RAUL GRIJALVA", "Raúl M. Grijalva"),
    ("signatory", "alan lowenthal", "Alan S. Lowenthal"),  # his alias, as printed
    ("recipient", "ricardo zuniga", "Ricardo Zúñiga"),
    ("recipient", "Antony Blinken", "Antony J. Blinken"),
])
def test_names_match_without_accents_or_case(page, field, typed, name):
    _open(page)
    box = page.locator(f"#us-f-{field}")
    box.fill(typed)
    box.press("Enter")
    page.wait_for_function(f"document.getElementById('us-f-{field}').value === {name!r}")
    assert _results(page).count() >= 1


def test_a_name_several_entries_fit_offers_a_choice(page):
    _open(page)
    box = page.locator("#us-f-recipient")
    box.fill("Secretary of State")
    box.press("Enter")
    msg = page.locator("#us-f-recipient-msg")
    msg.get_by_text("choose one").wait_for()
    texts = _suggestions(page, box).all_inner_texts()
    assert any("Rex Tillerson" in t for t in texts) and any("Antony J. Blinken" in t for t in texts)
    assert page.locator("#us-results li").count() == 0
    assert "Choose a recipient" in page.locator("#us-status").inner_text()
    _suggestions(page, box).filter(has_text="Rex Tillerson").click()
    assert _results(page).count() >= 1
    assert _params(page)["recipient"] == ["rex-tillerson"]


def test_a_name_that_fits_no_one_says_so(page):
    _open(page)
    box = page.locator("#us-f-signatory")
    box.fill("Lowenthol")
    box.press("Enter")
    msg = page.locator("#us-f-signatory-msg")
    msg.get_by_text("Did you mean").wait_for()
    msg.get_by_role("button", name="Alan S. Lowenthal").click()
    assert box.input_value() == "Alan S. Lowenthal"
    assert _results(page).count() >= 1
    box.fill("Qqxyzzy")
    box.press("Enter")
    msg.get_by_text("No one by that name").wait_for()
    assert page.locator("#us-results li").count() == 0


ARCHIVE = load_archive(REPO)


@pytest.mark.parametrize(("office", "country"), [
    ("Secretary of State", "MX"), ("Secretary of Homeland Security", "HT"),
    ("President of the United States", "MX")])
def test_office_and_country_filters_combine(page, office, country):
    _open(page)
    page.locator("#us-f-office").get_by_label(re.compile("^" + re.escape(office) + " ")).check()
    page.locator(f"#us-f-country input[value={country}]").check()
    results = _results(page)
    expected = {x.title for x in ARCHIVE.letters if country in x.countries
                and any(recipient_office(ARCHIVE, r, x) == office for r in x.recipients)}
    while page.locator("#us-more").is_visible():
        page.locator("#us-more").click()
    shown = {t.rstrip() for t in results.locator("h2").all_inner_texts()}
    assert shown == expected and shown
    assert _params(page)["office"] == [office] and _params(page)["country"] == [country]
    # the office's holders are named beside it
    label = page.locator("#us-f-office label", has=page.locator("input:checked")).inner_text()
    assert " — " in label


def test_recipients_index_shows_roles(page):
    page.goto("/recipients/")
    item = page.locator("li", has=page.get_by_role("link", name=re.compile("Blinken")))
    assert "Secretary of State" in item.inner_text()


def test_header_search_offers_pages_above_documents(page):
    page.goto("/")
    box = page.locator("#us-header-q")
    box.click()
    box.press_sequentially("lowenth", delay=20)
    options = _suggestions(page, box)
    options.first.wait_for()
    texts = options.all_inner_texts()
    assert texts[0].startswith("Alan S. Lowenthal — signatory, ")
    assert texts[-1].startswith("Search the documents for")
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/signatories/alan-lowenthal/$"))


def test_keyboard_only_with_visible_focus(page):
    _open(page)
    page.locator("#us-q").focus()
    seen = []
    for _ in range(120):  # (every filter's boxes come before the signatory)
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement;
            const s = getComputedStyle(e);
            return {id: e.id, tag: e.tagName, inSearch: !!e.closest('#us-search'),
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2}; }""")
        if not info["inSearch"]:
            break
        seen.append(info["id"] or info["tag"])
        assert info["outline"], info
        if info["id"] == "us-f-signatory":
            break
    assert "us-f-signatory" in seen
    page.keyboard.type("lowent")
    box = page.locator("#us-f-signatory")
    _suggestions(page, box).first.wait_for()
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    assert box.input_value() == "Alan S. Lowenthal"
    assert _results(page).count() >= 1
    page.keyboard.type("x")
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"


def _phone(chromium, site_url):
    return chromium.new_context(base_url=site_url, viewport=PHONE, device_scale_factor=2,
                                is_mobile=True, has_touch=True)


def test_search_on_a_phone(chromium, site_url):
    context = _phone(chromium, site_url)
    page = context.new_page()
    _open(page, "/search/?q=asylum")
    first = _results(page).first
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert first.bounding_box()["y"] < PHONE["height"]  # the results start on the first screen
    page.locator("#us-filters > summary").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for control in page.locator("#us-search input, #us-search select").all():
        box = control.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    context.close()


def test_letter_page_on_a_phone_has_contents_and_large_targets(chromium, site_url):
    context = _phone(chromium, site_url)
    page = context.new_page()
    page.goto(FOOTNOTED)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    toc = page.locator("details.us-page-toc")
    toc.locator("summary").click()
    links = toc.get_by_role("link")
    assert links.count() >= 2
    links.filter(has_text="How to cite").click()
    page.wait_for_url(re.compile("#cite$"))
    refs = page.locator("a.footnote-ref")
    assert refs.count() >= 1
    for ref in refs.all():
        box = ref.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
    page.goto("/years/")
    bars = page.locator(".us-timeline svg a")
    assert bars.count() >= 1
    for bar in bars.all():
        box = bar.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
    bars.first.scroll_into_view_if_needed()
    bars.first.tap()
    page.wait_for_url(re.compile(r"/search/\?(month|year)="))
    context.close()


def test_space_toggles_the_theme(page):
    page.goto("/")
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    toggle = page.locator("form[data-md-component=palette] label:visible")
    toggle.focus()
    page.keyboard.press("Space")
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== {before!r}")
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.keyboard.press("Space")
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== {after!r}")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_charts_and_network_have_3_to_1_contrast(chromium, site_url, scheme):
    page = chromium.new_page(base_url=site_url)
    page.add_init_script(f"localStorage.setItem('/.__palette', JSON.stringify("
                         f"{{index: {0 if scheme == 'default' else 1}, "
                         f"color: {{scheme: '{scheme}'}}}}))")
    for path in ("/years/", "/stats/", "/signatories/alan-lowenthal/"):
        page.goto(path)
        ratios = contrast_ratios(page, ".us-chart rect, .us-network circle")
        assert ratios, path  # every one of these pages draws a chart or the network
        assert min(ratios) >= 3, (path, min(ratios))
    page.close()


@pytest.mark.parametrize("path", ["/search/", "/search/?recipient=Secretary%20of%20State",
                                  BLINKEN_LETTER, FOOTNOTED, "/recipients/", "/years/"])
@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("viewport", [None, PHONE])
def test_axe_on_the_pages_touched(chromium, site_url, path, scheme, viewport):
    page = themed_page(chromium, site_url, scheme, viewport)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    folded = page.locator("article details:not([open]) > summary:visible")
    while folded.count():
        folded.first.click()  # the folded parts are checked too
    if path.startswith("/search/"):
        page.wait_for_selector("#us-search[data-ready=true]")
        box = page.locator("#us-f-signatory")
        box.click()
        box.press_sequentially("lowe", delay=20)  # with the suggestions open
        _suggestions(page, box).first.wait_for()
        box.press("ArrowDown")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    assert axe_violations(page) == []
    page.context.close()
