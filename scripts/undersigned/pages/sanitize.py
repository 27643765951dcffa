"""The hostile-content policy: letter bodies are Markdown whose HTML output is sanitized with
nh3 (an allowlist: text formatting, lists, tables, footnotes, http(s)/mailto links). Names,
titles and other metadata are plain text and always escaped. Nothing a letter contains can run
script in a reader's browser.

A body cannot imitate the site either: HTML written in a letter keeps no ``class``, ``id`` or
``style`` (so no admonition, dialog or metadata-panel look-alike, and no element that captures
the page's anchors such as ``#signatories``); only the footnote markup that Markdown generates
carries classes and ids, and those ids all begin with ``fn``."""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

TAGS = {"p", "br", "em", "strong", "b", "i", "u", "s", "sup", "sub", "small", "mark", "abbr",
        "blockquote", "q", "cite", "code", "pre", "span", "div", "hr", "h2", "h3", "h4", "h5",
        "h6", "ol", "ul", "li", "dl", "dt", "dd", "a", "table", "thead", "tbody", "tr", "th",
        "td", "caption"}
ATTRIBUTES = {"*": {"title", "lang", "dir"}, "a": {"href"}, "ol": {"start"},
              "th": {"align", "scope"}, "td": {"align"}}
# what Markdown's footnotes generate: <sup id="fnref:1"><a class="footnote-ref" ...>,
# <div class="footnote">, <li id="fn:1">, <a class="footnote-backref" ...>
FOOTNOTE_ATTRIBUTES = {"sup": {"id"}, "li": {"id"}, "div": {"class"}, "a": {"class"}}
FOOTNOTE_CLASSES = {"footnote", "footnote-ref", "footnote-backref"}
_FOOTNOTE_ID = re.compile(r"^fn(?:ref\d*)?:[^\s]{1,80}$")
SCHEMES = {"http", "https", "mailto"}


def clean_html(html: str) -> str:
    """Sanitize HTML written by hand: no class, id or style at all."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES,
                     link_rel="noopener noreferrer nofollow", strip_comments=True)


def _footnote_attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "class":
        return value if value in FOOTNOTE_CLASSES else None
    if attribute == "id":
        return value if _FOOTNOTE_ID.fullmatch(value) else None
    return value


def _clean_generated(html: str) -> str:
    """Sanitize the converted body, whose raw HTML was already stripped of class and id: the
    classes and ids left are the footnotes' own."""
    attributes = {tag: ATTRIBUTES.get(tag, set()) | extra
                  for tag, extra in FOOTNOTE_ATTRIBUTES.items()}
    return nh3.clean(html, tags=TAGS, attributes={**ATTRIBUTES, **attributes},
                     attribute_filter=_footnote_attribute, url_schemes=SCHEMES,
                     link_rel="noopener noreferrer nofollow", strip_comments=True)


class _StripRawHtml(Postprocessor):
    """Runs before Markdown puts the raw HTML of the text back: each piece loses its class,
    id, style and anything else outside the allowlist."""

    def run(self, text: str) -> str:
        stash = self.md.htmlStash
        stash.rawHtmlBlocks = [_clean_piece(str(block)) for block in stash.rawHtmlBlocks]
        return text


_LONE_OPEN = re.compile(r"^<([a-zA-Z][a-zA-Z0-9]{0,20})\b[^<>]*+(?<!/)>$")
_LONE_CLOSE = re.compile(r"^</([a-zA-Z][a-zA-Z0-9]{0,20})\s*+>$")


def _clean_piece(piece: str) -> str:
    """One piece of a body's raw HTML, allowlisted and without class, id or style. Markdown
    keeps an inline tag apart from its end tag ('<a href="…">', then the text, then '</a>'):
    such a lone tag is cleaned as if closed and stays open, so its text keeps the link or the
    formatting (the whole body is sanitized again afterwards, and balanced)."""
    close = _LONE_CLOSE.match(piece)
    if close:
        tag = close.group(1).lower()
        return f"</{tag}>" if tag in TAGS else ""
    opening = _LONE_OPEN.match(piece)
    if opening:
        end = f"</{opening.group(1).lower()}>"
        cleaned = clean_html(piece + end)
        return cleaned.removesuffix(end)
    return clean_html(piece)


class _NoLookalikes(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.postprocessors.register(_StripRawHtml(md), "undersigned-strip-raw-html", 40)


def body_html(text: str, memo: dict[str, str] | None = None) -> str:
    """A letter body (Markdown with footnotes) as sanitized HTML, independent of the engine.
    ``memo``: bodies already converted, by text (a `mkdocs serve` session's, see
    serve/session.py: a rebuild renders again pages whose letter did not change)."""
    if memo is not None:
        known = memo.get(text)
        if known is None:
            known = memo[text] = _body_html(text)
        return known
    return _body_html(text)


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """One converter, reset per body (building one per letter is slow)."""
    return markdown.Markdown(extensions=["footnotes", "sane_lists", "tables", _NoLookalikes()],
                             extension_configs={"footnotes": {
                                 "BACKLINK_TITLE": "Back to the text"}},
                             output_format="html")


# what Markdown (with our extensions) reads as markup or treats apart: a character of inline
# markup, an entity, raw HTML or a table; a control character; a line that begins or ends with
# white space (code, a hard break, a blank line that is not empty); a line that begins a
# heading, quote, list or rule
_MARKUP = re.compile(r"[\\`*_\[\]<>&|~\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029]"
                     r"|^[^\S\n]|[^\S\n]$|^(?:[-+=#>]|\d+[.)])", re.M)


def plain_paragraphs(text: str) -> str | None:
    """A body of plain paragraphs -- no character or line that Markdown reads as markup -- as
    Markdown converts it ('<p>' a paragraph, its lines as written), or None for any other.
    Most letters are only that, and Markdown's inline patterns are most of a letter page's
    cost; tests/unit/test_sanitize_plain.py holds the two equal on every body of the archive
    and on generated text."""
    if _MARKUP.search(text):
        return None
    blocks = [b for b in re.split(r"\n\n+", text.strip("\n")) if b]
    return "\n".join(f"<p>{b}</p>" for b in blocks)


def _body_html(text: str) -> str:
    plain = plain_paragraphs(text)
    html = _clean_generated(plain if plain is not None else
                            _converter().reset().convert(text))
    html = _NO_HREF_RE.sub(r"\1", html)  # a link whose address was removed: its text alone
    return re.sub(r"\n\s*\n", "\n", html)  # one block: no blank lines inside


# an <a> (not <abbr>) without href, and its text up to its end tag (nh3 left no <a> inside it)
_NO_HREF_RE = re.compile(r"<a(?=[\s>])(?![^>]*\bhref=)[^>]*+>(.*?)</a>", re.S)
