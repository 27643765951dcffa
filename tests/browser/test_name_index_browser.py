"""The name index as a browser walks it (undersigned.js US.lookupNames), on the real archive
built with budgets so small that nearly every node is a stub: names are still found letter by
letter in the header and on the search page, through complete words ('$' in a file's key:
'-' in its name), accent-free and by family name, with "did you mean"; and only the files a
name leads to are fetched, never the whole index."""

from __future__ import annotations

import re

import pytest

from helpers import REPO
from serving import build, serve
from undersigned.outputs import names

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def deep_url(tmp_path_factory):
    out = tmp_path_factory.mktemp("deep-names")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(names, "LEAF_BUDGET", 400)
        mp.setattr(names, "LEAF_MIN", 1)
        mp.setattr(names, "TOP", 3)
        mp.setattr(names, "TOP_RECEIVED", 1)
        build(REPO / "mkdocs.yml", out)
    assert len(list((out / "search" / "names").glob("*-*.json"))) > 20  # deep: words complete
    server, url = serve(out)
    yield url, out
    server.shutdown()


@pytest.fixture
def deep(chromium, deep_url):
    url, out = deep_url
    context = chromium.new_context(base_url=url)
    page = context.new_page()
    page.errors = []
    page.names = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("requestfinished", lambda r: page.names.append(r.url.split("/search/", 1)[1])
            if "/search/names" in r.url else None)
    yield page
    context.close()


def _options(page, box):
    return page.locator("#" + box.get_attribute("aria-controls")).get_by_role("option")


@pytest.mark.parametrize(("typed", "label"), [
    ("lowenth", "Alan S. Lowenthal"),
    ("Raul Grijalva", "Raúl M. Grijalva"),
    ("John Cornyn", "John Cornyn"),  # 'john' is many names': complete, then 'cornyn'
    ("maria cantw", "Maria Cantwell"),
    ("carlos a gimen", "Carlos A. Gimenez"),
    ("ROYBAL-ALLARD", "Lucille Roybal-Allard"),
    ("Zuniga", "Ricardo Zúñiga"),
])
def test_the_header_finds_names_letter_by_letter(deep, deep_url, typed, label):
    deep.goto("/")
    box = deep.locator("#us-header-q")
    box.click()
    box.press_sequentially(typed, delay=15)
    deep.wait_for_function("t => [...document.querySelectorAll('.us-listbox [role=option]')]"
                           ".some(o => o.textContent.startsWith('Search the documents for “' + t))",
                           arg=typed)
    texts = _options(deep, box).all_inner_texts()
    assert texts[0].startswith(label + " — "), texts
    # a few small files, never all of them
    _url, out = deep_url
    files = list((out / "search" / "names").iterdir())
    fetched = set(deep.names)
    assert fetched and len(fetched) < len(files) / 4
    if typed in ("John Cornyn", "maria cantw", "carlos a gimen"):
        assert any("-" in f for f in fetched), fetched  # a word completed on the way
    assert deep.errors == []


@pytest.mark.parametrize(("field", "typed", "name", "entry_id"), [
    ("signatory", "Vázquez Carp", "Ana Cristina Vázquez Carpizo", "ana-cristina-vazquez-carpizo"),
    ("recipient", "mayork", "Alejandro Mayorkas", "alejandro-mayorkas"),
])
def test_the_search_page_picks_a_name_and_reloads_it_by_id(deep, field, typed, name, entry_id):
    deep.goto("/search/")
    deep.wait_for_selector("#us-search[data-ready=true]")
    box = deep.locator(f"#us-f-{field}")
    box.click()
    box.press_sequentially(typed, delay=15)
    option = _options(deep, box).filter(has_text=name)
    option.first.click()
    deep.wait_for_function("document.getElementById('us-status').textContent.includes('found')")
    assert re.search(rf"[?&]{field}={entry_id}(&|$)", deep.url)
    deep.reload()  # the id in the URL finds the entry again
    deep.wait_for_selector("#us-search[data-ready=true]")
    deep.wait_for_function(f"document.getElementById('us-f-{field}').value === {name!r}")
    assert deep.errors == []


def test_did_you_mean_and_no_one(deep):
    deep.goto("/search/")
    deep.wait_for_selector("#us-search[data-ready=true]")
    box = deep.locator("#us-f-signatory")
    box.fill("Lowenthol")
    box.press("Enter")
    msg = deep.locator("#us-f-signatory-msg")
    msg.get_by_text("Did you mean").wait_for()
    msg.get_by_role("button", name="Alan S. Lowenthal").click()
    assert box.input_value() == "Alan S. Lowenthal"
    box.fill("Qqxyzzy")
    box.press("Enter")
    msg.get_by_text("No one by that name").wait_for()
    assert deep.errors == []
