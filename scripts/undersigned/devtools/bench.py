"""Benchmark: `python -m undersigned.devtools.bench N [--floor] [--keep DIR]`.

Generates a synthetic archive of N letters, builds it with the real configuration (every
generated page + Pagefind index), builds the same letters with bare Material (letters out of the
nav, Material's own search on) as the floor in the same run, and prints build seconds, peak RSS,
site bytes, letter-page sizes, the largest generated page, the bytes of a first search in
Chromium (a query typed into the header search, its suggestions, then the search page's first
results: devtools/firstsearch.py; and, as before, the /pagefind/ bytes of a query opened on the
search page), and `undersigned check` time without and with the parse cache (the build runs
with it warm)."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from undersigned.core.config import read_config
from undersigned.devtools.firstsearch import first_search
from undersigned.devtools.synthetic import generate

REPO = Path(__file__).resolve().parents[3]  # scripts/undersigned/devtools/ -> the repository
RUNNER = r"""
import resource, sys, time, logging
logging.disable(logging.WARNING)
from mkdocs.commands.build import build
from mkdocs.config import load_config
t = time.perf_counter()
build(load_config(sys.argv[1], site_dir=sys.argv[2]))
dt = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{dt} {rss} {child}")
"""


def _config(archive: Path) -> Path:
    config = read_config(REPO)
    # the plugin comes with mkdocs.yml (plugins: [undersigned])
    config.pop("watch", None)
    config["strict"] = False
    shutil.copytree(REPO / "docs", archive / "docs", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("screenshots"))
    path = archive / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def _floor(archive: Path, floor: Path) -> Path:
    """The same letters as plain Markdown pages for bare Material (title + body)."""
    docs = floor / "docs"
    (docs / "letters").mkdir(parents=True)
    (docs / "index.md").write_text("# Floor\n")
    for path in sorted((archive / "letters").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta, body = text.split("\n---\n", 1)
        title = yaml.safe_load(meta.removeprefix("---\n"))["title"]
        (docs / "letters" / path.name).write_text(f"# {title}\n\n{body}", encoding="utf-8")
    config = {"site_name": "Floor", "theme": {"name": "material", "font": False},
              "plugins": ["search"], "nav": ["index.md"],
              "markdown_extensions": ["footnotes", "tables"]}
    path = floor / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config))
    return path


def _build(config: Path, site: Path) -> tuple[float, int, int]:
    """(seconds, peak RSS of the build process, peak RSS of its children, i.e. Pagefind)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    out = subprocess.run([sys.executable, "-c", RUNNER, str(config), str(site)], env=env,
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[-3]), int(out[-2]) * 1024, int(out[-1]) * 1024


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _serve(site: Path) -> tuple[Any, str]:
    sys.path.insert(0, str(REPO / "tests" / "browser"))
    from serving import serve  # tests/browser/serving.py, found above (a test helper)

    server, url = serve(site)
    return server, str(url)


def _first_query_bytes(site: Path, term: str) -> int:
    """Bytes a browser fetches from /pagefind/ to answer a first query (measured in Chromium)."""
    # (a test dependency, and the tests' server: imported when a benchmark asks for them)
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(REPO / "tests" / "browser"))
    from serving import CHROMIUM_ARGS, serve  # tests/browser/serving.py, found above

    server, url = serve(site)
    total = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or
                                        "/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            requests: list[Any] = []
            page.on("requestfinished", lambda r: requests.append(r))
            page.goto(f"{url}/search/?q={term}")
            page.wait_for_function("document.querySelectorAll('#us-results li').length > 0",
                                   timeout=120000)
            page.wait_for_load_state("networkidle")
            total = sum(len(r.response().body()) for r in requests
                        if "/pagefind/" in r.url and r.response())
            browser.close()
    finally:
        server.shutdown()
    return total


def run(n: int, keep: Path | None, floor: bool, browser: bool) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix=f"undersigned-bench-{n}-"))
    archive, site = work / "archive", work / "site"
    stats = generate(REPO, archive, n)
    os.environ["UNDERSIGNED_CACHE_DIR"] = str(work / "cache")  # starts empty
    checks = []
    for _ in range(2):  # without, then with the parse cache (undersigned/cache.py)
        t = time.perf_counter()
        check = subprocess.run([sys.executable, "-m", "undersigned.cli", "--root", str(archive),
                                "check"], capture_output=True, text=True)
        checks.append(time.perf_counter() - t)
        if check.returncode:
            raise SystemExit(check.stdout[-2000:])
    check_cold_s, check_s = checks
    build_s, rss, child_rss = _build(_config(archive), site)  # the cache is warm
    pages = sorted(p for p in (site / "letters").glob("*/index.html")
                   if not re.fullmatch(r"page-\d+", p.parent.name))  # not the letters index
    letter_sizes = [p.stat().st_size for p in pages]
    biggest = max((p for p in site.rglob("*.html")), key=lambda p: p.stat().st_size)
    result: dict[str, object] = {
        "letters": stats["letters"], "signatures": stats["signatures"],
        "registry": stats["registry"], "check_s": round(check_s, 2),
        "check_cold_s": round(check_cold_s, 2),
        "build_s": round(build_s, 1), "peak_rss_mb": round(rss / 2**20), "pagefind_rss_mb": round(child_rss / 2**20),
        "site_mb": round(_size(site) / 2**20, 1),
        "pagefind_mb": round(_size(site / "pagefind") / 2**20, 1),
        "letter_html_median_kb": round(statistics.median(letter_sizes) / 1024, 1),
        "letter_html_max_kb": round(max(letter_sizes) / 1024, 1),
        "largest_page": f"{biggest.relative_to(site)} {biggest.stat().st_size / 1024:.1f} KB",
    }
    if browser:
        result["first_query_kb"] = round(_first_query_bytes(site, "asylum") / 1024, 1)
        server, url = _serve(site)
        try:
            result.update(first_search(url, "asylum"))
        finally:
            server.shutdown()
    if floor:
        fsite = work / "floor-site"
        f_s, f_rss, _ = _build(_floor(archive, work / "floor"), fsite)
        result.update({
            "floor_build_s": round(f_s, 1), "floor_rss_mb": round(f_rss / 2**20),
            "floor_site_mb": round(_size(fsite) / 2**20, 1),
            "floor_search_index_mb": round(
                (fsite / "search" / "search_index.json").stat().st_size / 2**20, 1),
            "ratio_build": round(build_s / f_s, 2),
        })
    if keep:
        shutil.copytree(work, keep, dirs_exist_ok=True)
    shutil.rmtree(work)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m undersigned.devtools.bench", description=__doc__)
    parser.add_argument("n", type=int, nargs="+", help="number of letters (several: a series)")
    parser.add_argument("--no-floor", action="store_true", help="skip the bare-Material build")
    parser.add_argument("--no-browser", action="store_true", help="skip the search measurement")
    parser.add_argument("--keep", type=Path, help="keep the archive and sites here")
    args = parser.parse_args(argv)
    for n in args.n:
        result = run(n, args.keep, not args.no_floor, not args.no_browser)
        print(json.dumps({"n": n, **result}))
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

