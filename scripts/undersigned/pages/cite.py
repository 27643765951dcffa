"""How to cite a document: formatted citation, BibTeX, CSL-JSON, Highwire meta and JSON-LD."""

from __future__ import annotations

import json
import re
from html import escape
from typing import TYPE_CHECKING, Any

from undersigned.core.names import fold
from undersigned.pages.common import TYPE_LABELS, human_date

if TYPE_CHECKING:
    from undersigned.core.archive import Archive
    from undersigned.core.model import Letter

ARCHIVE_NAME = "Undersigned"


def page_url(site_url: str, slug: str) -> str:
    return f"{site_url.rstrip('/')}/letters/{slug}/" if site_url else f"letters/{slug}/"


# names in machine-readable citations (Highwire citation_author, BibTeX, CSL-JSON, JSON-LD);
# well above the common sign-on letter (median 19 here, the largest seed 87); a letter with
# more names is cited with the first 100 and "and others" (the page and the data keep all)
CITED_AUTHORS = 100
LINKED_DATA_AUTHORS = 10  # schema.org JSON-LD is for search engines: the first ten, linked


def authors(archive: Archive, letter: Letter) -> list[str]:
    """Signatories as printed (the 'authors' of a sign-on letter), or else the sender."""
    names = [s.name for s in letter.signatures]
    return names or [letter.sender]


def cited_authors(archive: Archive, letter: Letter) -> tuple[list[str], bool]:
    """(the first CITED_AUTHORS authors, whether there are more). Reference managers should
    not lose signers, but 1,000-author records choke them; the full list is on the page and in
    the data."""
    names = authors(archive, letter)
    return names[:CITED_AUTHORS], len(names) > CITED_AUTHORS


def chicago(archive: Archive, letter: Letter, site_url: str) -> str:
    signers = authors(archive, letter)
    who = letter.sender if len(signers) > 3 or not letter.signatures else ", ".join(signers)
    to = ""
    if letter.recipients:
        r = letter.recipients[0]
        to = f" to {r.name}" + (f", {r.role}" if r.role else "")
        if len(letter.recipients) > 1:
            to += " et al."
    signed = f" Signed by {len(letter.signatures)}." if len(letter.signatures) > 3 else ""
    return (f"{who}. “{letter.title}.” {TYPE_LABELS[letter.type]}{to}, "
            f"{human_date(letter.date)}.{signed} {ARCHIVE_NAME}. {page_url(site_url, letter.slug)}.")


# every character BibTeX or LaTeX reads as markup: a title like `\input{/etc/passwd}` stays text
_BIB = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}", "%": r"\%", "&": r"\&", "#": r"\#", "$": r"\$", "_": r"\_"}
_BIB_SPECIAL = re.compile(r"[\\{}~^%&#$_]")


def _bib_escape(text: str) -> str:
    return _BIB_SPECIAL.sub(lambda m: _BIB[m.group()], text)


def bibtex(archive: Archive, letter: Letter, site_url: str) -> str:
    key = re.sub(r"[^a-z0-9]", "", fold(letter.sender).split(" ")[0] if letter.sender else "doc")
    key = f"{key or 'doc'}{letter.date.year}{letter.slug[11:30].replace('-', '')}"
    cited, more = cited_authors(archive, letter)
    names = " and ".join(["{" + _bib_escape(n) + "}" for n in cited] + (["others"] if more else []))
    fields = [  # every value escaped (names above, each inside its own braces)
        ("author", names),
        ("title", "{" + _bib_escape(letter.title) + "}"),
        ("date", _bib_escape(letter.date.isoformat())),
        ("type", _bib_escape(TYPE_LABELS[letter.type])),
        ("organization", _bib_escape(letter.source.get("publisher") or letter.sender)),
        ("url", _bib_escape(page_url(site_url, letter.slug))),
        ("note", _bib_escape(f"{ARCHIVE_NAME} archive")),
    ]
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@misc{{{key},\n{body}\n}}"


def csl(archive: Archive, letter: Letter, site_url: str) -> dict[str, Any]:
    return {
        "id": letter.slug,
        "type": "personal_communication" if letter.type == "letter" else "article",
        "title": letter.title,
        "author": [{"literal": n} for n in cited_authors(archive, letter)[0]],
        "recipient": [{"literal": r.name} for r in letter.recipients],
        "issued": {"date-parts": [[letter.date.year, letter.date.month, letter.date.day]]},
        "genre": TYPE_LABELS[letter.type],
        "publisher": letter.source.get("publisher") or ARCHIVE_NAME,
        "URL": page_url(site_url, letter.slug),
    }


def head_meta(archive: Archive, letter: Letter, site_url: str) -> list[dict[str, str]]:
    """Highwire Press citation_* tags (Google Scholar, Zotero)."""
    meta = [{"name": "citation_title", "content": letter.title}]
    for name in cited_authors(archive, letter)[0]:
        meta.append({"name": "citation_author", "content": name})
    meta += [
        {"name": "citation_publication_date", "content": letter.date.strftime("%Y/%m/%d")},
        {"name": "citation_date", "content": letter.date.strftime("%Y/%m/%d")},
        {"name": "citation_publisher",
         "content": letter.source.get("publisher") or letter.sender},
        {"name": "citation_abstract_html_url", "content": page_url(site_url, letter.slug)},
        {"name": "citation_language", "content": "en"},
    ]
    if letter.topics:
        meta.append({"name": "citation_keywords",
                     "content": "; ".join(archive.topics[t].title for t in letter.topics)})
    if letter.original:
        base = page_url(site_url, letter.slug).rsplit("/", 2)[0]
        meta.append({"name": "citation_fulltext_html_url",
                     "content": f"{base}/{letter.original.removeprefix('letters/')}"})
    return meta


def head_html(tags: list[dict[str, str]] | None = None, ld: str | None = None) -> str:
    """The page-specific part of <head>: meta tags and JSON-LD (docs/overrides/main.html)."""
    lines = [f'<meta name="{escape(m["name"], quote=True)}" content="{escape(m["content"], quote=True)}">'
             for m in tags or []]
    if ld:
        lines.append(f'<script type="application/ld+json">{ld}</script>')
    return "\n  ".join(lines)


def _person(archive: Archive, entity_id: str, name: str, site_url: str) -> dict[str, Any]:
    entity = archive.registry.get(entity_id)
    node: dict[str, Any] = {
        "@type": "Organization" if entity and entity.kind == "organization" else "Person",
        "name": name,
        "url": f"{site_url.rstrip('/')}/signatories/{entity_id}/" if site_url else None,
    }
    if entity and entity.bioguide:
        node["sameAs"] = [f"https://bioguide.congress.gov/search/bio/{entity.bioguide}"]
    return {k: v for k, v in node.items() if v}


def jsonld(archive: Archive, letter: Letter, site_url: str) -> str:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Message" if letter.type == "letter" else "NewsArticle",
        "name": letter.title,
        "headline": letter.title,
        "dateSent" if letter.type == "letter" else "datePublished": letter.date.isoformat(),
        "sender": {"@type": "Organization", "name": letter.sender},
        "author": [_person(archive, s.id, s.name, site_url)
                   for s in letter.signatures[:LINKED_DATA_AUTHORS]],
        "recipient": [_person(archive, r.id, r.name, site_url) for r in letter.recipients],
        "about": [{"@type": "Thing", "name": archive.topics[t].title} for t in letter.topics],
        "url": page_url(site_url, letter.slug),
        "isPartOf": {"@type": "Collection", "name": ARCHIVE_NAME},
    }
    if letter.original:
        base = page_url(site_url, letter.slug).rsplit("/", 2)[0]
        data["text"] = f"{base}/{letter.original.removeprefix('letters/')}"
    if letter.source.get("url"):
        data["isBasedOn"] = letter.source["url"]
    data = {k: v for k, v in data.items() if v not in ([], None)}
    return json.dumps(data, ensure_ascii=False, sort_keys=False).replace("<", "\\u003c")


def _code(title: str, text: str) -> str:
    return (f'<div class="highlight"><span class="filename">{escape(title)}</span>'
            f"<pre><code>{escape(text)}</code></pre></div>")


def citation_block(archive: Archive, letter: Letter, site_url: str) -> str:
    csl_json = json.dumps([csl(archive, letter, site_url)], ensure_ascii=False, indent=2)
    return (
        "## How to cite { #cite }\n\n"
        '<div class="us-cite">'
        + _code("Citation", chicago(archive, letter, site_url))
        + _code("BibTeX", bibtex(archive, letter, site_url))
        + _code("CSL-JSON", csl_json)
        + "</div>\n"
    )


def entity_jsonld(archive: Archive, entity_id: str, site_url: str) -> str:
    """schema.org Person/Organization for a signatory page, with authority links."""
    entity = archive.registry.entities[entity_id]
    data = {"@context": "https://schema.org", **_person(archive, entity_id, entity.name, site_url)}
    same = list(data.get("sameAs", []))
    member = archive.legislators.get(entity.bioguide) if entity.bioguide else None
    wikidata = entity.wikidata or (member.wikidata if member else None)
    if wikidata:
        same.append(f"https://www.wikidata.org/wiki/{wikidata}")
    if entity.url:
        same.append(entity.url)
    if same:
        data["sameAs"] = same
    if entity.aliases:
        data["alternateName"] = list(entity.aliases)
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
