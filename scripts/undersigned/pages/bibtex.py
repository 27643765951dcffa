"""BibTeX and CSL-JSON records of a document: readable keys (first signer, year, recipient), every field escaped."""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING, Any

from undersigned.core.names import slugify
from undersigned.core.vocabulary import CITEKEY_SKIP as _KEY_SKIP
from undersigned.core.vocabulary import MONTH_ABBREVIATIONS as MONTHS
from undersigned.pages.cite import (
    ARCHIVE_NAME,
    Author,
    _addressee,
    _author,
    _printed_note,
    citation,
    cited_authors,
    page_url,
    recipients,
)
from undersigned.pages.common import TYPE_LABELS, bib_escape

if TYPE_CHECKING:
    from undersigned.core.archive import Archive
    from undersigned.core.model import Letter


def _key_word(text: str, skip: set[str]) -> str:
    for word in slugify(text, max_words=40).split("-"):
        if word not in _KEY_SKIP and word not in skip and not word.isdigit():
            return word
    return ""


def base_key(archive: Archive, letter: Letter) -> str:
    """``lowenthal2017tillerson``: the first author's family name, the year, and the first
    recipient's family name (or else the first telling word of the title)."""
    # the first author and recipient only (every document's key is made at each build)
    first = (_author(archive, letter.signatures[0].id, letter.signatures[0].name)
             if letter.signatures else
             _author(archive, archive.sender_id(letter) or "", letter.sender))
    who = (slugify(first.parts.family).replace("-", "") if first.parts
           else _key_word(first.name, set())) or "anon"
    what = ""
    if letter.recipients:
        r = _author(archive, letter.recipients[0].id, letter.recipients[0].name)
        what = slugify(r.parts.family).replace("-", "") if r.parts else _key_word(r.name, set())
    if not what:
        what = _key_word(letter.title, {who})
    return f"{who}{letter.date.year}{what}"


def bibtex_key(archive: Archive, letter: Letter) -> str:
    """A readable citation key, unique in the archive: documents with the same key get b, c, …
    in date order (the oldest keeps the plain key, so a newer document changes no key)."""
    keys: dict[str, str] | None = archive.__dict__.get("_bibtex_keys")
    if keys is None:
        keys = {}  # slug -> key
        for base, slugs in _bases(archive)[0].items():  # each base's documents, oldest first
            for n, slug in enumerate(slugs, start=1):
                keys[slug] = base if n == 1 else base + _suffix(n)
        archive.__dict__["_bibtex_keys"] = keys
    return keys.get(letter.slug) or base_key(archive, letter)


def _bases(archive: Archive) -> tuple[dict[str, list[str]], dict[str, str]]:
    """base key -> its documents, oldest first; slug -> base key (computed once a build)."""
    known = archive.__dict__.get("_bibtex_bases")
    if known is None:
        bases: dict[str, list[str]] = {}
        base_of: dict[str, str] = {}
        for other in archive.letters:  # oldest first
            base = base_of[other.slug] = base_key(archive, other)
            bases.setdefault(base, []).append(other.slug)
        known = archive.__dict__["_bibtex_bases"] = (bases, base_of)
    return known


def base_key_of(archive: Archive, slug: str) -> str | None:
    return _bases(archive)[1].get(slug)


def older_rivals(archive: Archive, slug: str) -> list[str]:
    """The older documents whose key starts as this one's does: this one's suffix (b, c...)
    counts them."""
    bases, base_of = _bases(archive)
    same = bases.get(base_of.get(slug, ""), [])
    return same[:same.index(slug)] if slug in same else []


def newer_rivals(archive: Archive, slug: str) -> list[str]:
    """The newer documents whose key starts as this one's does (their suffixes count it)."""
    bases, base_of = _bases(archive)
    same = bases.get(base_of.get(slug, ""), [])
    return same[same.index(slug) + 1:] if slug in same else []


def _suffix(n: int) -> str:
    """2 -> 'b', 26 -> 'z', 27 -> 'ab' ..."""
    out = ""
    n -= 1
    while n > 0:
        n, r = divmod(n, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
    return out or "a"


def _note(archive: Archive, letter: Letter, cited: list[Author], more: bool) -> str:
    """What the citation fields cannot say: the number of signatories, printed forms that
    differ from the registry's names, and the archive."""
    parts = []
    n = len(letter.signatures)
    if n > 1:
        parts.append(f"{n:,} signatories" + (f", the first {len(cited)} listed" if more else ""))
    printed = _printed_note(cited)
    if printed:
        parts.append("printed as " + printed)
    parts.append(f"{ARCHIVE_NAME} archive")
    return "; ".join(parts[:-1]) + (". " if len(parts) > 1 else "") + parts[-1]


def bibtex(archive: Archive, letter: Letter, site_url: str) -> str:
    cited, more = cited_authors(archive, letter)
    names = " and ".join([a.bib for a in cited] + (["others"] if more else []))
    fields = [  # every value escaped (names in Author.bib)
        ("author", names),
        ("title", "{" + bib_escape(letter.title) + "}"),
        ("howpublished", bib_escape(TYPE_LABELS[letter.type]
                                     + _addressee(archive, letter))),
        ("year", str(letter.date.year)),
        ("month", MONTHS[letter.date.month - 1]),
        ("date", letter.date.isoformat()),
        ("type", bib_escape(TYPE_LABELS[letter.type])),
        ("url", bib_escape(page_url(site_url, letter.slug))),
        ("note", bib_escape(_note(archive, letter, cited, more))),
    ]
    body = ",\n".join(f"  {k} = {v}" if k == "month" else f"  {k} = {{{v}}}"
                       for k, v in fields)
    return f"@misc{{{bibtex_key(archive, letter)},\n{body}\n}}"


def csl(archive: Archive, letter: Letter, site_url: str) -> dict[str, Any]:
    cited, more = cited_authors(archive, letter)
    data: dict[str, Any] = {
        "id": bibtex_key(archive, letter),
        "type": "personal_communication" if letter.type == "letter" else "manuscript",
        "title": letter.title,
        "author": [a.csl for a in cited],
        "recipient": [a.csl for a in recipients(archive, letter)],
        "issued": {"date-parts": [[letter.date.year, letter.date.month, letter.date.day]]},
        "genre": TYPE_LABELS[letter.type],
        "archive": ARCHIVE_NAME,
        "URL": page_url(site_url, letter.slug),
        "note": _note(archive, letter, cited, more),
    }
    if letter.source.get("publisher"):
        data["publisher"] = letter.source["publisher"]
    return {k: v for k, v in data.items() if v != []}


def _code(title: str, text: str, css: str = "") -> str:
    extra = f" {css}" if css else ""
    return (f'<div class="highlight{extra}"><span class="filename">{escape(title)}</span>'
            f"<pre><code>{escape(text)}</code></pre></div>")


def _folded(title: str, text: str) -> str:
    """A machine-readable form, closed until opened (with its own copy button)."""
    return (f'<details class="us-cite-more"><summary>{escape(title)}</summary>'
            f"{_code(title, text)}</details>")


def citation_block(archive: Archive, letter: Letter, site_url: str) -> str:
    csl_json = json.dumps([csl(archive, letter, site_url)], ensure_ascii=False, indent=2)
    return (
        "## How to cite { #cite }\n\n"
        '<div class="us-cite">'
        + _code("Citation", citation(archive, letter, site_url), "us-citation")
        + '<p class="us-note">The archive\'s citation style: see '
        f'<a href="{"../" * 2}about/#how-to-cite">how to cite</a>.</p>'
        + _folded("BibTeX", bibtex(archive, letter, site_url))
        + _folded("CSL-JSON", csl_json)
        + "</div>\n"
    )
