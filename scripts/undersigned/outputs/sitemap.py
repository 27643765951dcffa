"""sitemap.xml for every page of the site (the engine's own lists only the pages it rendered).

The sitemaps protocol allows 50,000 URLs in one file: a larger site gets a sitemap index
(`sitemap.xml`) naming `sitemap-1.xml`, `sitemap-2.xml`, ... of 50,000 URLs each. So does a site
of more than INDEX_ABOVE pages: Material fetches `sitemap.xml` on every page that has a
`<link rel="alternate">` (ours name the Atom feeds), to follow language versions; a sitemap
of every page is megabytes at 30,000 documents (7.6 MB: more than a whole first search), an
index a few hundred bytes. Each file is
written a row at a time, with its `.gz` beside it, so a site of 150,000 pages never holds its
sitemap in memory."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
PER_FILE = 50_000  # the protocol's limit on URLs in one sitemap
INDEX_ABOVE = 1_000  # pages above which sitemap.xml is an index (see above)


def _absolute(site_url: str, url: str) -> str:
    """urljoin, without its cost for the common case."""
    if site_url.endswith("/") and not url.startswith(("/", "#", "?", ".")) \
            and "://" not in url and ".." not in url:
        return site_url + url
    return urljoin(site_url, url)


def _listing(root: str, item: str, site_url: str, urls: Iterable[str], lastmod: str
             ) -> Iterator[str]:
    """A ``<urlset>`` of ``<url>`` entries, or a ``<sitemapindex>`` of ``<sitemap>`` ones."""
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{NS}">\n'
    for u in urls:
        yield (f"    <{item}>\n         <loc>{escape(_absolute(site_url, u))}</loc>\n"
               f"         <lastmod>{lastmod}</lastmod>\n    </{item}>\n")
    yield f"</{root}>\n"


def _write(path: Path, parts: Iterable[str], mtime: int) -> None:
    """``path`` and ``path.gz`` (gzip header time ``mtime``: reproducible bytes)."""
    with path.open("w", encoding="utf-8", newline="\n") as text, \
            path.with_name(path.name + ".gz").open("wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", mtime=mtime, fileobj=raw) as packed:
        chunk: list[str] = []
        for part in parts:  # a thousand rows per write: memory stays small, calls few
            chunk.append(part)
            if len(chunk) == 1000:
                _put(text, packed, chunk)
        _put(text, packed, chunk)


def _put(text: Any, packed: Any, chunk: list[str]) -> None:
    joined = "".join(chunk)
    text.write(joined)
    packed.write(joined.encode("utf-8"))
    chunk.clear()


def write_sitemaps(site: Path, site_url: str, urls: Iterable[str], lastmod: str, mtime: int,
                   per_file: int = PER_FILE, index_above: int = INDEX_ABOVE) -> list[str]:
    """Write the sitemap of ``urls`` (site-relative directory URLs, '' is the home page;
    sorted, one entry each) into ``site``; return the names of the files written, index
    first. Files of an earlier, larger site (``sitemap-N.xml``) are removed."""
    ordered = sorted(set(urls))
    for old in site.glob("sitemap-*.xml*"):
        if re.fullmatch(r"sitemap-\d+\.xml(\.gz)?", old.name):
            old.unlink()
    if len(ordered) <= min(per_file, index_above):
        _write(site / "sitemap.xml", _listing("urlset", "url", site_url, ordered, lastmod),
               mtime)
        return ["sitemap.xml"]
    names = [f"sitemap-{k // per_file + 1}.xml" for k in range(0, len(ordered), per_file)]
    for k, name in enumerate(names):
        _write(site / name, _listing("urlset", "url", site_url,
                                     ordered[k * per_file:(k + 1) * per_file], lastmod), mtime)
    _write(site / "sitemap.xml", _listing("sitemapindex", "sitemap", site_url, names, lastmod),
           mtime)
    return ["sitemap.xml", *names]
