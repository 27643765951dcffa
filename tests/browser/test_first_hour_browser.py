"""A researcher's first hour, in Chromium: copying a citation on a phone (390×844: the text
wraps, all of it is visible, the copy button covers none of it, the clipboard gets it),
reading /changes/ after a real edit, and axe on every page these touch, light and dark."""

from __future__ import annotations

import pytest

from helpers import LETTER, MKDOCS_YML, REGISTRY, REPO, TOPICS, git, write
from serving import axe_violations, build, serve, themed_page

pytestmark = pytest.mark.browser
TILLERSON = "2017-06-14-letter-secretary-tillerson-central-america-security"
PHONE = {"width": 390, "height": 844}


def _phone(chromium, base_url):
    context = chromium.new_context(base_url=base_url, viewport=PHONE, device_scale_factor=2,
                                   is_mobile=True, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    return context


def test_citation_on_a_phone_wraps_is_fully_visible_and_copies(chromium, site_url):
    context = _phone(chromium, site_url)
    page = context.new_page()
    page.goto(f"/letters/{TILLERSON}/#cite")
    block = page.locator(".us-cite .us-citation")
    code = block.locator("code")
    code.scroll_into_view_if_needed()
    text = code.inner_text()
    assert text.startswith("Lowenthal, Alan S., et al. “Letter to Secretary Tillerson on the "
                           "Central America Security and Prosperity conference.” Letter to Rex "
                           "Tillerson, Secretary of State, 14 June 2017. 37 signatories.")
    assert text.endswith(f"/letters/{TILLERSON}/.")
    # wraps: nothing to scroll sideways, several lines, inside the screen
    assert code.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    assert block.locator("pre").evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    box = code.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert box["height"] > 4 * 20  # many lines, not one cut off
    # the copy button covers no character of the citation
    block.hover()
    button = block.locator("button[data-md-type=copy]")
    button.wait_for(state="visible")
    b = button.bounding_box()
    covered = code.evaluate("""(e, b) => {
        const range = document.createRange(); range.selectNodeContents(e);
        return [...range.getClientRects()].some(r => r.left < b.x + b.width && r.right > b.x
            && r.top < b.y + b.height && r.bottom > b.y);
    }""", b)
    assert covered is False
    button.click()
    page.wait_for_timeout(200)
    assert page.evaluate("navigator.clipboard.readText()") == text
    # BibTeX and CSL-JSON are folded until opened, then wrap too
    details = page.locator(".us-cite details")
    assert details.count() == 2 and not page.locator(".us-cite details[open]").count()
    assert not page.get_by_text("@misc{lowenthal2017tillerson,").is_visible()
    page.locator(".us-cite summary", has_text="BibTeX").click()
    bib = page.locator(".us-cite details[open] code")
    assert bib.inner_text().startswith("@misc{lowenthal2017tillerson,\n")
    assert bib.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    context.close()


@pytest.fixture(scope="module")
def edited_url(tmp_path_factory):
    """An archive under git whose letter was then corrected: title, a signatory, the text."""
    root = write(tmp_path_factory.mktemp("edited"), {
        "mkdocs.yml": MKDOCS_YML.format(hooks=(REPO / "scripts" / "hooks.py").as_posix(),
                                        overrides=(REPO / "docs" / "overrides").as_posix())
        + "extra:\n  source_repository: https://git.example.org/u/archive\n"
        + "extra_css: [stylesheets/undersigned.css]\n",
        "docs/index.md": "# Test\n", "signatories.yaml": REGISTRY, "topics.yaml": TOPICS,
        "docs/stylesheets/undersigned.css": (REPO / "docs/stylesheets/undersigned.css")
        .read_text(), "letters/2017-06-14-a-letter.md": LETTER})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Add the letter")
    first = git(root, "rev-parse", "HEAD")
    letter = root / "letters/2017-06-14-a-letter.md"
    letter.write_text(LETTER.replace("title: A letter", "title: The letter to Tillerson")
                      .replace("  - WOLA\n", "  - WOLA\n  - Rex Tillerson\n")
                      .replace("We write", "We wrote"))
    git(root, "commit", "-q", "-am", "fix: 'Reps.' signers_named & <stuff>",
         date="2024-03-04T10:00:00+00:00")
    sha = git(root, "rev-parse", "HEAD")
    build(root / "mkdocs.yml", root / "site")
    server, url = serve(root / "site")
    yield url, sha, first
    server.shutdown()


def test_changes_after_a_real_edit_say_what_changed(chromium, edited_url):
    url, sha, first = edited_url
    page = chromium.new_page(viewport=PHONE)
    page.goto(url + "/changes/")
    items = page.locator("ul.us-changes li")
    assert items.all_inner_texts() == [
        "Corrected: The letter to Tillerson — Title corrected; 1 signatory added; text "
        f"corrected: ‘write’ → ‘wrote’. (changes in commit {sha[:7]})",
        f"Added: The letter to Tillerson — New in the archive. (changes in commit {first[:7]})"]
    body = page.locator("article").inner_text()
    assert "Reps." not in body and "signers_named" not in body and "&#x27;" not in body
    diff = items.first.get_by_role("link", name=f"changes in commit {sha[:7]}")
    assert diff.get_attribute("href") == f"https://git.example.org/u/archive/commit/{sha}"
    items.first.get_by_role("link", name="The letter to Tillerson").click()
    page.wait_for_url("**/letters/2017-06-14-a-letter/")
    assert page.locator("h1").inner_text().rstrip("¶") == "The letter to Tillerson"
    page.close()


@pytest.mark.parametrize("path", [
    f"/letters/{TILLERSON}/", "/letters/2017-06-15-congressman-lowenthal-urges-state-dept-make-"
    "central-america/", "/signatories/alan-lowenthal/", "/signatories/",
    "/recipients/rex-tillerson/", "/stats/", "/changes/", "/about/"])
@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("viewport", [None, PHONE])
def test_axe_on_the_pages_touched(chromium, site_url, path, scheme, viewport):
    page = themed_page(chromium, site_url, scheme, viewport)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    for summary in page.locator("article details > summary").all():
        summary.click()  # the folded parts are checked too
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    assert axe_violations(page) == []
    page.context.close()
    page.close()
