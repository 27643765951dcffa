"""Browser fixtures: the real site built once, served on 127.0.0.1:<free port>, and Chromium."""

from __future__ import annotations

import shutil

import pytest

from helpers import REPO
from serving import CHROMIUM_ARGS, build, serve


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser-site")
    build(REPO / "mkdocs.yml", out)
    server, url = serve(out)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    exe = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, site_url):
    """A fresh page that records console errors, dialogs and every request's host."""
    context = chromium.new_context(base_url=site_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.errors = []
    page.dialogs = []
    page.hosts = set()
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: page.hosts.add(r.url.split("/")[2] if "://" in r.url else r.url))
    yield page
    context.close()
