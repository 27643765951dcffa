"""The real archive built with MkDocs: pages at their URLs, cross-links both ways, no warnings."""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin, urlparse

import pytest

from helpers import REPO
from undersigned.core.load import load_archive
from undersigned.pages.letter import INLINE_SIGNATORIES

ARCHIVE = load_archive(REPO)
TILLERSON = "2017-06-14-letter-secretary-tillerson-central-america-security"
BLINKEN = "2021-03-04-letter-secretary-blinken-migration-security-rule-law-human"
PRESS = "2017-06-15-congressman-lowenthal-urges-state-dept-make-central-america"


def links(soup, base: str) -> set[str]:
    out = set()
    for a in soup.select("article a[href]"):
        href = a["href"]
        if href.startswith(("http", "mailto:", "#")):
            continue
        out.add(urlparse(urljoin(base, href)).path)
    return out


def test_build_has_no_warnings(site):
    assert site.warnings == []


@pytest.mark.parametrize("letter", ARCHIVE.letters, ids=lambda x: x.slug)
def test_letter_page_links_every_signatory(site, letter):
    base = f"/letters/{letter.slug}/"
    soup = site.html(base.strip("/"))
    h1 = soup.find("h1")
    for anchor in h1.select("a.headerlink"):
        anchor.decompose()
    assert h1.get_text(strip=True) == letter.title
    targets = links(soup, base)
    inline = [li.a["href"] for li in soup.select("ol.us-signatories > li")]
    if len(letter.signatures) > INLINE_SIGNATORIES:  # the rest continue on a page of their own
        assert len(inline) == INLINE_SIGNATORIES
        full = site.html(f"letters/{letter.slug}/signatories")
        assert f"{base}signatories/" in targets
        assert f"{base}" in links(full, f"{base}signatories/")
        ordered = [li.a["href"] for li in full.select("ol.us-signatories > li")]
        assert ordered[:INLINE_SIGNATORIES] == ["../" + h for h in inline]
        targets |= links(full, f"{base}signatories/")
    else:
        assert len(inline) == len(letter.signatures)
    for sig in letter.signatures:
        assert f"/signatories/{sig.id}/" in targets
    for rec in letter.recipients:
        assert f"/recipients/{rec.id}/" in targets


@pytest.mark.parametrize("entity_id", sorted(ARCHIVE.signed))
def test_signatory_page_links_back_to_each_letter(site, entity_id):
    base = f"/signatories/{entity_id}/"
    targets = links(site.html(base.strip("/")), base)
    for letter, _sig in ARCHIVE.signed[entity_id]:
        assert f"/letters/{letter.slug}/" in targets


@pytest.mark.parametrize("slug,count", [(TILLERSON, 37), (BLINKEN, 19)])
def test_congressional_letters_show_printed_counts(site, slug, count):
    soup = site.html(f"letters/{slug}")
    items = soup.select("h2#signatories + p + ol > li")
    assert len(items) == count
    assert soup.select_one("h2#signatories").get_text(strip=True).startswith(
        f"Signatories ({count})")


def test_printed_name_and_canonical_name_and_role_at_the_time(site):
    soup = site.html(f"letters/{TILLERSON}")
    item = next(li for li in soup.select("h2#signatories + p + ol > li")
                if "Roybal-Alford" in li.get_text())
    text = " ".join(item.get_text(" ", strip=True).split())
    assert text == "Lucille Roybal-Alford (registry: Lucille Roybal-Allard) D-CA-40"
    assert item.a["href"] == "../../signatories/lucille-roybal-allard/"


def test_press_release_and_letter_link_both_ways(site):
    press = links(site.html(f"letters/{PRESS}"), f"/letters/{PRESS}/")
    letter = links(site.html(f"letters/{TILLERSON}"), f"/letters/{TILLERSON}/")
    assert f"/letters/{TILLERSON}/" in press
    assert f"/letters/{PRESS}/" in letter


def test_indexes_and_entity_pages_exist(site):
    for path in ["letters", "signatories", "recipients", "topics", "years", "data", "search",
                 "topics/migration", "years/2017", "recipients/antony-blinken",
                 "signatories/alan-lowenthal"]:
        assert (site.root / path / "index.html").exists(), path
    home = site.html("")
    assert f"{len(ARCHIVE.letters)} documents" in " ".join(home.get_text(" ").split())


def test_letters_not_listed_in_sidebar_navigation(site):
    soup = site.html(f"letters/{TILLERSON}")
    nav = soup.select_one("nav.md-nav--primary")
    assert nav is not None
    assert not nav.select(f'a[href*="{TILLERSON}"]')
    assert not nav.select('a[href*="signatories/alan-lowenthal"]')


def test_every_page_has_title_and_meta_description(site):
    for page in site.pages():
        if page.name == "404.html":
            continue
        soup = site.html(str(page.relative_to(site.root)))
        desc = soup.find("meta", attrs={"name": "description"})
        assert desc and desc["content"].strip(), page
        assert soup.title and soup.title.get_text(strip=True), page


def test_no_broken_internal_links(site):
    broken = []
    for page in site.pages():
        rel = "/" + page.relative_to(site.root).as_posix()
        soup = site.html(str(page.relative_to(site.root)))
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for el in soup.find_all(tag):
                href = el.get(attr)
                if not href or href.startswith(("http:", "https:", "mailto:", "data:", "#")):
                    continue
                path = unquote(urlparse(urljoin(rel, href)).path)
                target = site.root / path.lstrip("/")
                if path.endswith("/"):
                    target = target / "index.html"
                if not target.exists():
                    broken.append(f"{rel} -> {href}")
    assert broken == []


def test_offline_no_external_assets(site):
    external = []
    for page in site.pages():
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        soup = site.html(str(page.relative_to(site.root)))
        for el in soup.find_all(["script", "img", "iframe"], src=True):
            if re.match(r"https?://", el["src"]):
                external.append(f"{page}: {el['src']}")
        for el in soup.find_all("link", href=True):
            rels = set(el.get("rel") or [])
            if rels & {"stylesheet", "icon", "preload", "modulepreload", "manifest"} and \
                    re.match(r"https?://", el["href"]):
                external.append(f"{page}: {el['href']}")
    assert external == []


def test_press_release_and_embedded_letter_share_one_original(archive_dir, tmp_path):
    from helpers import DATA
    from site_build import build_site
    from undersigned.cli import main

    root = archive_dir()
    assert main(["--root", str(root), "import", str(DATA / "convert" / "press-embedded.txt"),
                 "--add-new"]) == 0  # (its topic proposed from 'asylum')
    site = tmp_path / "site"
    assert build_site(root / "mkdocs.yml", site) == []
    original = "2022-03-02-lawmakers-urge-secretary-doe-protect-asylum-seekers.txt"
    assert (site / "letters" / original).read_bytes() == (
        DATA / "convert" / "press-embedded.txt").read_bytes()
