"""sitemap.xml for every page of the site (the engine's own lists only the pages it rendered)."""

from __future__ import annotations

from html import escape
from urllib.parse import urljoin


def sitemap_xml(site_url: str, urls: list[str], lastmod: str) -> str:
    """``urls`` are site-relative directory URLs ('' is the home page); sorted, one entry each."""
    def absolute(url: str) -> str:  # urljoin, without its cost for the common case
        if site_url.endswith("/") and not url.startswith(("/", "#", "?", ".")) and "://" not in url \
                and ".." not in url:
            return site_url + url
        return urljoin(site_url, url)

    rows = [f"    <url>\n         <loc>{escape(absolute(u))}</loc>\n"
            f"         <lastmod>{lastmod}</lastmod>\n    </url>" for u in sorted(set(urls))]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(rows) + "\n</urlset>\n")
