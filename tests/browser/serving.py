"""Serving a built site on 127.0.0.1:<free port>, and the flags Debian's Chromium needs here."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


def serve(directory: Path):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def build(config: Path, out: Path, strict: bool = True) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_build(load_config(str(config), site_dir=str(out), strict=strict))




def themed_page(chromium, site_url: str, scheme: str, viewport: dict | None = None):
    """A new page in light ("default") or dark ("slate") Material, at ``viewport`` (desktop
    1280×900 when None): the scheme is set before the site's scripts read it."""
    context = chromium.new_context(base_url=site_url, viewport=viewport or
                                   {"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(f"localStorage.setItem('/.__palette', JSON.stringify("
                         f"{{index: {0 if scheme == 'default' else 1}, "
                         f"color: {{scheme: '{scheme}'}}}}))")
    return page


def axe_violations(page) -> list[tuple[str, list]]:
    """axe's violations on the page as it is now: (rule, up to three targets) each."""
    from axe_playwright_python.sync_playwright import Axe  # (a test dependency)

    results = Axe().run(page)
    return [(v["id"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]]


_CONTRAST = """selector => {
    const lum = c => { const [r, g, b] = c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number)
        .map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const bg = lum(getComputedStyle(document.body).backgroundColor);
    return [...document.querySelectorAll(selector)].map(r => {
        const l = lum(getComputedStyle(r).fill);
        return (Math.max(l, bg) + 0.05) / (Math.min(l, bg) + 0.05); });
}"""


def contrast_ratios(page, selector: str) -> list[float]:
    """The contrast of each filled shape ``selector`` finds against the page's background."""
    return list(page.evaluate(_CONTRAST, selector))
