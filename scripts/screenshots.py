"""Take the README's screenshots (home, a letter, a signatory, an index; light and dark) of a
freshly built site with Debian's Chromium: `python scripts/screenshots.py`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "browser")]

from serving import CHROMIUM_ARGS, build, serve  # noqa: E402

PAGES = {
    "home": "/",
    "letter": "/letters/2017-06-14-letter-secretary-tillerson-central-america-security/",
    "signatory": "/signatories/lucille-roybal-allard/",
    "signatories-index": "/signatories/",
}


def main() -> int:
    from playwright.sync_api import sync_playwright

    out_dir = REPO / "docs" / "screenshots"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        build(REPO / "mkdocs.yml", Path(tmp))
        server, url = serve(Path(tmp))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for scheme, index in (("light", 0), ("dark", 1)):
                ctx = browser.new_context(viewport={"width": 1440, "height": 1000},
                                          color_scheme="dark" if index else "light")
                page = ctx.new_page()
                for name, path in PAGES.items():
                    page.goto(url + path)
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=str(out_dir / f"{name}-{scheme}.png"))
                ctx.close()
            browser.close()
        server.shutdown()
    print(f"wrote {len(PAGES) * 2} screenshots to {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
