"""Before publishing: the public URL (``site_url``) ends up in canonical links, citations, the
sitemap, feeds and CMIF, so a build for publishing must not keep the example domain."""

from __future__ import annotations

from urllib.parse import urlparse

from .problems import Problem

PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost", "127.0.0.1")


def site_url_problem(site_url: str | None, where: str = "mkdocs.yml") -> Problem | None:
    """A problem when ``site_url`` is missing or still a placeholder, else None."""
    host = (urlparse(site_url or "").hostname or "").lower()
    if not host:
        return Problem(where, None, "site_url is not set",
                       "set site_url: https://your-domain/ in mkdocs.yml before publishing")
    if any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS):
        return Problem(where, None, f"site_url is still the example address {site_url}",
                       "set site_url: to the public address of the site (it goes into canonical "
                       "links, citations, the sitemap and the feeds)")
    return None
