"""How to cite a document: formatted citation, BibTeX, CSL-JSON, Highwire meta and JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from undersigned.core.names import bare_tokens
from undersigned.core.sorting import NameParts
from undersigned.pages.common import TYPE_LABELS, bib_escape, human_date

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


ET_AL = 3  # a citation names up to three signers; past that, the first and "et al."


@dataclass(frozen=True)
class Author:
    """One author (or recipient) of a citation: the registry's name, filed by ``parts`` (None
    for an organization or a name the registry does not hold), and the form printed on the
    document when it differs from the registry's."""

    name: str
    parts: NameParts | None = None
    printed: str = ""

    @property
    def first(self) -> str:
        """The first author of a citation: family name first ("Roybal-Allard, Lucille")."""
        return self.parts.inverted if self.parts else self.name

    @property
    def bib(self) -> str:
        """BibTeX: ``von Last, Jr., First`` for a person, ``{Name}`` for an organization."""
        p = self.parts
        if p is None:
            return "{" + bib_escape(self.name) + "}"
        last = " ".join(x for x in (p.particle, p.family) if x)
        fields = [last] + ([p.suffix] if p.suffix else []) + ([p.given] if p.given else [])
        return ", ".join("{" + bib_escape(f) + "}" if " and " in f.lower() or "," in f
                         else bib_escape(f) for f in fields)

    @property
    def csl(self) -> dict[str, str]:
        p = self.parts
        if p is None:
            return {"literal": self.name}
        out = {"family": p.family, "given": p.given}
        if p.particle:
            out["non-dropping-particle"] = p.particle
        if p.suffix:
            out["suffix"] = p.suffix
        return {k: v for k, v in out.items() if v}


def _differs(printed: str, name: str) -> bool:
    """Is a printed name more than the registry's name with initials or punctuation dropped
    ('Alan Lowenthal' for 'Alan S. Lowenthal' is not; 'Lucille Roybal-Alford' is)?"""
    def words(text: str) -> list[str]:
        return [w for w in bare_tokens(text) if len(w) > 1]
    return words(printed) != words(name)


def _author(archive: Archive, entity_id: str, printed: str) -> Author:
    entity = archive.registry.get(entity_id) if entity_id else None
    if entity is None:
        return Author(printed)
    parts = archive.name_parts.get(entity.id) if entity.kind == "person" else None
    return Author(entity.name, parts, printed if _differs(printed, entity.name) else "")


def authors(archive: Archive, letter: Letter) -> list[Author]:
    """The signatories (the authors of a sign-on letter) by their registry names, or else the
    sender (a press release: the office that issued it). A page asks four times (citation,
    BibTeX, CSL-JSON, meta tags): the last letter's are kept on the archive (one letter's)."""
    last = archive.__dict__.get("_authors_of")
    if last is not None and last[0] is letter:
        return list(last[1])
    if letter.signatures:
        found = [_author(archive, s.id, s.name) for s in letter.signatures]
    else:
        found = [_author(archive, archive.sender_id(letter) or "", letter.sender)]
    archive.__dict__["_authors_of"] = (letter, found)
    return list(found)


def recipients(archive: Archive, letter: Letter) -> list[Author]:
    return [_author(archive, r.id, r.name) for r in letter.recipients]


def cited_authors(archive: Archive, letter: Letter) -> tuple[list[Author], bool]:
    """(the first CITED_AUTHORS authors, whether there are more). Reference managers should
    not lose signers, but 1,000-author records choke them; the full list is on the page and in
    the data."""
    names = authors(archive, letter)
    return names[:CITED_AUTHORS], len(names) > CITED_AUTHORS


def _printed_note(names: list[Author]) -> str:
    return "; ".join(f"“{a.printed}” ({a.name})" for a in names if a.printed)


def _series(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def _addressee(archive: Archive, letter: Letter) -> str:
    """' to Rex Tillerson, Secretary of State' (two named, more: the first and others)."""
    named = [a.name + (f", {r.role}" if r.role else "")
             for a, r in zip(recipients(archive, letter), letter.recipients, strict=True)]
    if not named:
        return ""
    if len(named) > 2:
        return f" to {named[0]}, and others"
    return " to " + (f"{named[0]}, and {named[1]}" if len(named) == 2 else named[0])


def _end(text: str) -> str:
    """A sentence of the citation: a period unless it ends in one already."""
    return text if text.endswith((".", "?", "!")) else text + "."


def citation(archive: Archive, letter: Letter, site_url: str) -> str:
    """The formatted citation (the archive's one style, see docs/about.md#how-to-cite):
    signers (up to ET_AL named, the first family name first; past that the first and
    "et al."), the title, the type, recipient and date, the number of signatories, the archive
    and the URL. A signer printed differently from the registry's name is cited by the
    registry's name with the printed form in brackets."""
    names = authors(archive, letter)
    shown = names[:1] if len(names) > ET_AL else names

    def one(i: int, a: Author) -> str:
        text = a.first if i == 0 else a.name
        return text + (f" [printed “{a.printed}”]" if a.printed else "")

    who = [one(i, a) for i, a in enumerate(shown)]
    lead = f"{who[0]}, et al." if len(names) > ET_AL else _end(
        who[0] if len(who) == 1 else (f"{who[0]}, and {who[1]}" if len(who) == 2
                                       else _series(who)))
    title = letter.title.strip()
    title = title if title.endswith((".", "?", "!")) else title + "."
    n = len(letter.signatures)
    count = f" {n:,} signatories." if n > ET_AL else ""
    return (f"{lead} “{title}” {TYPE_LABELS[letter.type]}{_addressee(archive, letter)}, "
            f"{human_date(letter.date)}.{count} {ARCHIVE_NAME} archive. "
            f"{page_url(site_url, letter.slug)}.")


def chicago(archive: Archive, letter: Letter, site_url: str) -> str:
    """The formatted citation (kept under its former name)."""
    return citation(archive, letter, site_url)


# Zotero reads the item type from Dublin Core's type (its own type names): a letter, and a
# press release or statement as a manuscript (Highwire's tags alone make a journal article)
ZOTERO_TYPES = {"letter": "letter", "press-release": "manuscript", "statement": "manuscript"}


def head_meta(archive: Archive, letter: Letter, site_url: str) -> list[dict[str, str]]:
    """Highwire Press citation_* tags (Google Scholar, Zotero) and the Dublin Core type."""
    meta = [{"name": "citation_title", "content": letter.title}]
    for author in cited_authors(archive, letter)[0]:
        meta.append({"name": "citation_author", "content": author.first})
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
    meta.append({"name": "DC.type", "content": ZOTERO_TYPES[letter.type]})
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


def _registry_name(archive: Archive, entity_id: str, printed: str) -> str:
    entity = archive.registry.get(entity_id)
    return entity.name if entity else printed


def jsonld(archive: Archive, letter: Letter, site_url: str) -> str:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Message" if letter.type == "letter" else "NewsArticle",
        "name": letter.title,
        "headline": letter.title,
        "dateSent" if letter.type == "letter" else "datePublished": letter.date.isoformat(),
        "sender": {"@type": "Organization", "name": letter.sender},
        "author": [_person(archive, s.id, _registry_name(archive, s.id, s.name), site_url)
                   for s in letter.signatures[:LINKED_DATA_AUTHORS]],
        "recipient": [_person(archive, r.id, _registry_name(archive, r.id, r.name), site_url)
                      for r in letter.recipients],
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
