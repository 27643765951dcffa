"""Markdown for the light pages: what is left of a generated page once its HTML blocks are
placeholders — a title heading, section headings, placeholder paragraphs.

Python-Markdown costs ~0.8 ms a call however small the text, which is most of the cost of a
generated page. Pages of one kind differ mostly in their title, so the part after the title is
converted once per distinct text (cached), and a plain title heading is put together from the
same instance's output for a probe title, id and all (the toc extension's own slugify). A title
that could be read as Markdown syntax, or whose id could meet another id of the page, goes
through Python-Markdown whole. The build's tests compare every page with MkDocs' own rendering.
"""

from __future__ import annotations

import html
import re
from typing import Any

import markdown

PROBE = "zzprobezz"
# characters Markdown passes through unchanged in heading text; & only in the entities esc() makes
_PLAIN = re.compile(r"(?:[^\\`*_\[\]{}|#!~^<>&\s]|&(?:amp|quot|lt|gt|#x27);| (?! ))+")


class LightMarkdown:
    def __init__(self, md: markdown.Markdown, cache_size: int = 20000) -> None:
        self._md = md
        self._cache: dict[str, tuple[str, list[dict[str, Any]], set[str]]] = {}
        self._cache_size = cache_size
        probe_html, tokens = self._full(f"# {PROBE}")
        self._probe = probe_html
        self._heading = (probe_html.count(PROBE) == 3 and tokens == [{
            "level": 1, "id": PROBE, "name": PROBE, "html": PROBE, "data-toc-label": "",
            "children": []}])
        toc = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None
        self._slugify = getattr(toc, "slugify", None)
        self._sep = getattr(toc, "sep", "-")

    def _full(self, text: str) -> tuple[str, list[dict[str, Any]]]:
        out = self._md.reset().convert(text)
        return out, list(getattr(self._md, "toc_tokens", []))

    def convert(self, body: str) -> tuple[str, list[dict[str, Any]]]:
        """(HTML, table-of-contents tokens) of ``body``, as the Markdown instance gives them."""
        first, sep, rest = body.partition("\n\n")
        title = first[2:] if first.startswith("# ") else ""
        if not (self._heading and self._slugify and title and _PLAIN.fullmatch(title)
                and title == title.strip()):
            return self._full(body)
        slug = self._slugify(html.unescape(title), self._sep)
        cached = self._cache.get(rest)
        if cached is None:
            rest_html, rest_tokens = self._full(rest)
            ids = set(re.findall(r'\bid="([^"]*)"', rest_html))
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            cached = self._cache[rest] = (rest_html, rest_tokens, ids)
        rest_html, rest_tokens, ids = cached
        if not slug or slug in ids or any(t["level"] < 2 for t in rest_tokens):
            return self._full(body)
        head = (self._probe.replace(f'id="{PROBE}"', f'id="{slug}"')
                .replace(f'href="#{PROBE}"', f'href="#{slug}"')
                .replace(f">{PROBE}<", f">{title}<"))
        token = {"level": 1, "id": slug, "name": title, "html": title, "data-toc-label": "",
                 "children": rest_tokens}
        return (head + "\n" + rest_html if rest_html else head), [token]
