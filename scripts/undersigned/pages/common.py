"""Shared helpers of the page renderers: escaping, URIs, dates, small Markdown pieces."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from undersigned.core.urls import page_url, paged_uri

PAGE_SIZE = 200  # entries per page of a long index

TYPE_LABELS = {"letter": "Letter", "press-release": "Press release", "statement": "Statement"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#!~^])")


BLOCK = "US-HTML-BLOCK-{}"
_BLOCK_P = re.compile(r"<p>US-HTML-BLOCK-(\d+)</p>")


@dataclass
class Page:
    uri: str  # docs-relative source path, e.g. "letters/2017-06-14-x.md"
    markdown: str  # complete Markdown (headings + escaped raw HTML blocks)

    def split(self) -> tuple[str, list[str]]:
        """(Markdown with each raw HTML block replaced by a placeholder paragraph, blocks).

        The MkDocs adapter hands the light Markdown to the engine and puts the blocks back into
        the rendered HTML, so Python-Markdown never re-parses thousands of generated tags."""
        head, sep, body = self.markdown.partition("\n---\n\n")
        if not sep:
            head, body = "", self.markdown
        blocks: list[str] = []
        chunks = []
        for chunk in body.split("\n\n"):
            if chunk.startswith("<") and not chunk.startswith("<!--"):
                chunks.append(BLOCK.format(len(blocks)))
                blocks.append(chunk)
            else:
                chunks.append(chunk)
        return (head + sep if sep else "") + "\n\n".join(chunks), blocks


def join_blocks(html_text: str, blocks: list[str]) -> str:
    return _BLOCK_P.sub(lambda m: blocks[int(m.group(1))], html_text)


def esc(text: str | None) -> str:
    """Plain text -> inert Markdown inline text (no HTML, no Markdown syntax)."""
    if not text:
        return ""
    text = html.escape(str(text), quote=True)
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def attr(text: str | None) -> str:
    """Text for an HTML attribute value."""
    return html.escape(str(text or ""), quote=True)


def human_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def head_text(text: str) -> str:
    """Title/description as the theme prints them raw into <head> and the header bar: escaped,
    and with angle brackets replaced, since Jinja's striptags would unescape them again."""
    return html.escape(str(text).replace("<", "‹").replace(">", "›"), quote=True)


def front(meta: dict[str, Any]) -> str:
    """Front matter for a generated page (MkDocs reads title/description from it). Values are
    written as JSON, which is valid YAML and fast to write."""
    clean = {k: v for k, v in meta.items() if v not in (None, "", [], {})}
    for key in ("title", "description"):
        if key in clean:
            clean[key] = head_text(clean[key])
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in clean.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def parse_front(text: str) -> tuple[dict[str, Any], str]:
    """(front matter, body) of a page written with front(): the inverse of front()."""
    if not text.startswith("---\n"):
        return {}, text
    head, _, body = text[4:].partition("\n---\n")
    meta = {}
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        meta[key] = json.loads(value)
    return meta, body.lstrip("\n")


@lru_cache(maxsize=1024)
def _folders(uri: str) -> tuple[str, ...]:
    """The folders of a docs path's directory URL: 'letters/x.md' -> ('letters', 'x')."""
    url = page_url(uri).rstrip("/")
    return tuple(url.split("/")) if url else ()


def href(here: str, target: str) -> str:
    """Relative URL from the page of docs path ``here`` to docs path ``target`` (raw HTML)."""
    dest, _, anchor = page_url(target).partition("#")
    anchor = "#" + anchor if anchor else ""
    base = _folders(here)
    parts = dest.rstrip("/").split("/") if dest.strip("/") else []
    common = 0
    for a, b in zip(base, parts, strict=False):
        if a != b:
            break
        common += 1
    out = "/".join([".."] * (len(base) - common) + parts[common:])
    if dest.endswith("/") or not dest:
        out = (out or ".") + "/"
    return out + anchor


def link(here: str, target: str, text: str, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{attr(v)}"' for k, v in attrs.items())
    return f'<a href="{attr(href(here, target))}"{extra}>{html.escape(text)}</a>'


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


_FOOTNOTE_DEF = re.compile(r"\[\^\w+\]:.*")
_MARKS = re.compile(r"\[\^\w+\]|[*_#>`]|<[^>]+>")
_ANY_MARK = re.compile(r"\[\^|[*_#>`<]")  # (most bodies have none: no pass to remove them)
_SENTENCE = re.compile(r"^(.{40,}?[.!?])(?:\s|$)")


def first_sentence(markdown: str, limit: int = 200) -> str:
    text = markdown
    if _ANY_MARK.search(text):
        text = _MARKS.sub("", _FOOTNOTE_DEF.sub("", text))
    text = " ".join(text.split())  # (the white space of \s, collapsed and trimmed)
    m = _SENTENCE.search(text)
    sentence = m.group(1) if m else text
    if len(sentence) > limit:
        sentence = sentence[: limit - 1].rsplit(" ", 1)[0] + "…"
    return sentence


def pages_of(items: list[Any], size: int = PAGE_SIZE) -> list[list[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


@dataclass(frozen=True)
class Paged:
    """One page of a paginated listing, as its writer sees it."""

    n: int  # 1-based
    here: str  # its docs path
    items: list[Any]  # what it lists
    nav: str  # the links to the listing's other pages ('' when there is one page)

    @property
    def suffix(self) -> str:
        """' (page n)' after the title of every page but the first."""
        return f" (page {self.n})" if self.n > 1 else ""


def paginated(first: str, items: list[Any], write: Callable[[Paged], str]) -> list[Page]:
    """The pages of a listing whose first page is ``first``, PAGE_SIZE items to a page, each
    written by ``write`` (one pagination for every listing)."""
    chunks = pages_of(items)
    return [Page(here, write(Paged(n, here, chunk, pager_links(first, n, len(chunks)))))
            for n, chunk in enumerate(chunks, start=1)
            for here in (paged_uri(first, n),)]


def pager_links(first: str, page_no: int, total: int) -> str:
    """Navigation between the pages of a paginated listing."""
    if total <= 1:
        return ""
    here = paged_uri(first, page_no)
    links = [f'<strong aria-current="page">{n}</strong>' if n == page_no
             else link(here, paged_uri(first, n), str(n)) for n in range(1, total + 1)]
    return '<nav class="us-pager" aria-label="Pages">Page ' + " · ".join(links) + "</nav>\n\n"


# every character BibTeX or LaTeX reads as markup: a title like `\input{/etc/passwd}` stays text
BIB = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}", "%": r"\%", "&": r"\&", "#": r"\#", "$": r"\$", "_": r"\_"}


BIB_SPECIAL = re.compile(r"[\\{}~^%&#$_]")


def bib_escape(text: str) -> str:
    return BIB_SPECIAL.sub(lambda m: BIB[m.group()], text)
