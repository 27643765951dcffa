"""Before publishing: the public URL (``site_url``) ends up in canonical links, citations, the
sitemap, feeds and CMIF, so a build for publishing must not keep the example domain."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from undersigned.core.problems import Problem

PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost", "127.0.0.1")


_FORM = re.compile(r"^https?://[A-Za-z0-9._~%!$&()*+,;=:@\[\]-]+(?:/[^\s\"'<>`\\{}|^?#]*)?$")


def site_url_form_problem(site_url: str | None, where: str = "mkdocs.yml") -> Problem | None:
    """A problem when ``site_url`` is set but is not a plain ``http(s)://host/...`` address:
    another scheme (``javascript:``), quotes, spaces, angle brackets or a backslash would be
    written into canonical links, feeds and citations. Any build refuses it."""
    if not site_url:
        return None
    try:
        host = urlparse(site_url).hostname
    except ValueError:
        host = None
    if _FORM.fullmatch(site_url) and host:
        return None
    return Problem(where, None, f"site_url '{site_url}' is not an http(s) address",
                   "set site_url (or SITE_URL) to https://your-domain/ or "
                   "https://your-domain/path/: http or https, a host name, and no quotes, spaces, "
                   "angle brackets, backslashes, query (?) or fragment (#)")


def site_url_problem(site_url: str | None, where: str = "mkdocs.yml") -> Problem | None:
    """A problem when ``site_url`` is missing, not a plain http(s) address or still a
    placeholder, else None."""
    form = site_url_form_problem(site_url, where)
    if form:
        return form
    host = (urlparse(site_url or "").hostname or "").lower()
    if not host:
        return Problem(where, None, "site_url is not set",
                       "set site_url: https://your-domain/ in mkdocs.yml before publishing")
    if any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS):
        return Problem(where, None, f"site_url is still the example address {site_url}",
                       "set site_url: to the public address of the site (it goes into canonical "
                       "links, citations, the sitemap and the feeds)")
    return None
