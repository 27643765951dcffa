"""Hostile HTML/JS in a letter and in registry fields is rendered inert (parsed built HTML).

Policy: names, titles and all other metadata are plain text, always escaped; letter bodies are
Markdown whose HTML is sanitized by an allowlist (nh3): no script, no event handlers, no
iframes/SVG, and only http/https/mailto links."""

from __future__ import annotations

import re

import pytest

from helpers import HOSTILE_BODY_WARNINGS, write_hostile_archive
from site_build import build_site

PAGES = ["letters/2017-06-15-hostile", "signatories/evil-person", "signatories",
         "letters", "recipients/rex-tillerson", "", "years/2017", "topics/migration"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = write_hostile_archive(tmp_path_factory.mktemp("hostile"))
    site = root / "site"
    warnings = build_site(root / "mkdocs.yml", site, strict=False)
    return site, warnings


def test_the_build_says_what_it_removes_from_the_body(hostile_site):
    """The build goes on (the page is safe) but tells, at its line, each piece of HTML it
    drops from the letter's text: nothing is removed silently."""
    _site, warnings = hostile_site
    assert warnings == HOSTILE_BODY_WARNINGS


@pytest.mark.parametrize("page", PAGES)
def test_no_hostile_markup_survives(hostile_site, page):
    from bs4 import BeautifulSoup

    site, _warnings = hostile_site
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            continue  # data, never executed
        assert "alert" not in (script.string or ""), script
        assert not script.get("src") or not script["src"].startswith(("http", "javascript"))
    for el in soup.find_all(True):
        handlers = [a for a in el.attrs if a.lower().startswith("on")]
        assert handlers == [], el
        for attr in ("href", "src", "action", "formaction", "style"):
            value = str(el.get(attr, "")).replace(" ", "").lower()
            assert "javascript:" not in value, el
    # no embedded frames or objects anywhere; nothing but text and formatting in a letter's
    # body (its sanitized HTML); a drawing in a figure is one of the site's charts
    assert soup.find_all(["iframe", "object", "embed", "frame", "frameset", "applet"]) == []
    for body in soup.select(".us-body"):
        assert body.find_all(["svg", "math", "script", "style", "form", "input", "button",
                              "img", "link", "meta", "base"]) == [], body
    for svg in soup.find_all("svg"):
        figure = svg.find_parent("figure")
        if figure is not None:
            assert "us-chart" in figure.get("class", []), figure


def test_json_ld_cannot_close_its_script(hostile_site):
    site, _ = hostile_site
    html = (site / "letters/2017-06-15-hostile/index.html").read_text(encoding="utf-8")
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    assert ld and "<" not in ld.group(1)


def test_hostile_text_is_shown_as_text(hostile_site):
    from bs4 import BeautifulSoup

    site, _ = hostile_site
    soup = BeautifulSoup((site / "signatories/evil-person/index.html").read_text(), "html.parser")
    assert soup.find("h1").get_text() == "<img src=x onerror=alert('registry-name')>"
    letter = BeautifulSoup((site / "letters/2017-06-15-hostile/index.html").read_text(),
                           "html.parser")
    assert letter.find("h1").get_text().startswith('"><script>alert("title")</script>')
    assert "Styled" in letter.select_one(".us-body").get_text()
