"""The hostile-content policy: letter bodies are Markdown whose HTML output is sanitized with
nh3 (an allowlist: text formatting, lists, tables, footnotes, http(s)/mailto links). Names,
titles and other metadata are plain text and always escaped. Nothing a letter contains can run
script in a reader's browser."""

from __future__ import annotations

import re

import markdown
import nh3

TAGS = {"p", "br", "em", "strong", "b", "i", "u", "s", "sup", "sub", "small", "mark", "abbr",
        "blockquote", "q", "cite", "code", "pre", "span", "div", "hr", "h2", "h3", "h4", "h5",
        "h6", "ol", "ul", "li", "dl", "dt", "dd", "a", "table", "thead", "tbody", "tr", "th",
        "td", "caption"}
ATTRIBUTES = {"*": {"id", "class", "title", "lang", "dir"}, "a": {"href"}, "ol": {"start"},
              "th": {"align", "scope"}, "td": {"align"}}
SCHEMES = {"http", "https", "mailto"}


def clean_html(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES,
                     link_rel="noopener noreferrer nofollow", strip_comments=True)


_MD: markdown.Markdown | None = None


def body_html(text: str) -> str:
    """A letter body (Markdown with footnotes) as sanitized HTML, independent of the engine."""
    global _MD
    if _MD is None:  # one converter, reset per body (building one per letter is slow)
        _MD = markdown.Markdown(extensions=["footnotes", "sane_lists", "tables"],
                                extension_configs={"footnotes": {
                                    "BACKLINK_TITLE": "Back to the text"}},
                                output_format="html")
    html = clean_html(_MD.reset().convert(text))
    return re.sub(r"\n\s*\n", "\n", html)  # one block: no blank lines inside
