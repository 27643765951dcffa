"""The page of one document: metadata panel, body, signatories, related, original, citation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..names import fold
from ..sanitize import body_html
from .cite import citation_block, head_meta, jsonld
from .common import (COUNTRY_NAMES, TYPE_LABELS, Page, attr, esc, first_sentence, front,
                     human_date, letter_uri, plural, recipient_uri, rel, signatory_uri,
                     topic_uri, year_uri)

if TYPE_CHECKING:
    from ..archive import Archive
    from ..model import Letter

BODY_START = "<!-- undersigned:body -->"
BODY_END = "<!-- /undersigned:body -->"


def signature_line(archive: Archive, letter: Letter, sig, here: str) -> str:
    entity = archive.registry.get(sig.id)
    link = f"[{esc(sig.name)}]({rel(here, signatory_uri(sig.id))})"
    parts = [link]
    if entity and fold(entity.name) != fold(sig.name):
        parts.append(f'<span class="us-canonical">(registry: {esc(entity.name)})</span>')
    term = archive.role_on(entity, letter)
    if term:
        parts.append(f'<abbr class="us-party us-party-{term.party_letter.lower()}" '
                     f'title="{attr(term.party)}, {attr(term.chamber)}, {attr(term.state)}'
                     f'{", district " + str(term.district) if term.district else ""} '
                     f'(on {letter.date.isoformat()})">{term.label}</abbr>')
    if sig.role:
        parts.append(f'<span class="us-role">{esc(sig.role)}</span>')
    return " ".join(parts)


def recipient_line(archive: Archive, letter: Letter, rec, here: str) -> str:
    text = f"[{esc(rec.name)}]({rel(here, recipient_uri(rec.id))})"
    extra = ", ".join(esc(x) for x in (rec.role, rec.organization) if x)
    return text + (f", {extra}" if extra else "")


def description(letter: Letter) -> str:
    if letter.summary:
        return letter.summary
    if letter.type == "letter" and letter.recipients:
        to = letter.recipients[0].name + (" and others" if len(letter.recipients) > 1 else "")
        return (f"{TYPE_LABELS[letter.type]} of {human_date(letter.date)} from "
                f"{letter.sender} to {to}, {plural(len(letter.signatures), 'signatory', 'signatories')}"
                f": {first_sentence(_without_salutation(letter.body), 120)}")
    return first_sentence(_without_salutation(letter.body)) or letter.title


def _without_salutation(body: str) -> str:
    first, _, rest = body.strip().partition("\n\n")
    return rest if first.lower().startswith(("dear ", "to ")) and len(first) < 160 else body


def search_facets(archive: Archive, letter: Letter) -> str:
    """Hidden Pagefind filters, metadata and sort keys for this document."""
    spans = [f'<span data-pagefind-filter="year">{letter.year}</span>',
             f'<span data-pagefind-filter="type">{TYPE_LABELS[letter.type]}</span>',
             f'<span data-pagefind-meta="date">{letter.date.isoformat()}</span>',
             f'<span data-pagefind-sort="date">{letter.date.isoformat()}</span>']
    spans += [f'<span data-pagefind-filter="topic">{attr(archive.topics[t].title)}</span>'
              for t in letter.topics]
    seen = set()
    for sig in letter.signatures:
        entity = archive.registry.get(sig.id)
        if entity and entity.id not in seen:
            seen.add(entity.id)
            spans.append(f'<span data-pagefind-filter="signatory">{attr(entity.name)}</span>')
    for rec in letter.recipients:
        entity = archive.registry.get(rec.id)
        if entity:
            spans.append(f'<span data-pagefind-filter="recipient">{attr(entity.name)}</span>')
    return '<div class="us-facets-data" hidden>' + "".join(spans) + "</div>\n\n"


def render_letter(archive: Archive, letter: Letter, site_url: str = "",
                  repo_edit: str | None = None) -> Page:
    here = letter_uri(letter.slug)
    out = [front({"title": letter.title, "description": description(letter),
                  "us_head": head_meta(archive, letter, site_url),
                  "us_jsonld": jsonld(archive, letter, site_url)})]
    out.append('<div class="us-letter" data-pagefind-body markdown>\n\n')
    out.append(f"# {esc(letter.title)}\n\n")
    out.append('<div class="us-meta" markdown>\n\n')
    out.append(f"Date\n:   [{human_date(letter.date)}]({rel(here, year_uri(letter.year))})\n\n")
    out.append(f"Type\n:   {TYPE_LABELS[letter.type]}\n\n")
    out.append(f"From\n:   {esc(letter.sender)}\n\n")
    if letter.recipients:
        recs = "<br>\n    ".join(recipient_line(archive, letter, r, here)
                                 for r in letter.recipients)
        out.append(f"To\n:   {recs}\n\n")
    if letter.topics:
        topics = " · ".join(
            f"[{esc(archive.topics[t].title)}]({rel(here, topic_uri(t))})" for t in letter.topics)
        out.append(f"Topics\n:   {topics}\n\n")
    if letter.countries:
        names = ", ".join(esc(COUNTRY_NAMES.get(c, c)) for c in letter.countries)
        out.append(f"Countries\n:   {names}\n\n")
    if letter.signatures:
        out.append(f"Signatories\n:   [{len(letter.signatures)}](#signatories)\n\n")
    if letter.source.get("original"):
        out.append(f"Original\n:   [plain text]({esc(letter.source['original'])})"
                   f"{' · [published version](' + letter.source['url'] + ')' if letter.source.get('url') else ''}\n\n")
    elif letter.source.get("url"):
        out.append(f"Source\n:   [published version]({letter.source['url']})\n\n")
    if letter.source.get("publisher"):
        out.append(f"Publisher\n:   {esc(letter.source['publisher'])}\n\n")
    out.append("</div>\n\n")
    out.append(search_facets(archive, letter))
    out.append("## Text\n\n")
    out.append(f'{BODY_START}\n<div class="us-body">\n'
               f"{body_html(letter.body)}\n</div>\n{BODY_END}\n\n")
    if letter.signatures:
        out.append(f"## Signatories ({len(letter.signatures)}) {{ #signatories }}\n\n")
        out.append("As printed, in printed order. Party, state and district are as on "
                   f"{human_date(letter.date)}.\n{{ .us-note }}\n\n")
        for sig in letter.signatures:
            out.append(f"{sig.position}. {signature_line(archive, letter, sig, here)}\n")
        out.append("\n")
    related = archive.related.get(letter.slug, [])
    if related:
        out.append("## Related documents\n\n")
        for other in related:
            how = "announced by" if other.type != "letter" and letter.type == "letter" else (
                "announces" if letter.type != "letter" and other.type == "letter" else "see also")
            out.append(f"- {how}: [{esc(other.title)}]({rel(here, letter_uri(other.slug))}) "
                       f"({TYPE_LABELS[other.type].lower()}, {human_date(other.date)})\n")
        out.append("\n")
    out.append("</div>\n\n")
    out.append(citation_block(archive, letter, site_url))
    if repo_edit:
        out.append(f"\n[Edit this document]({repo_edit}{letter.path.relative_to(archive.root).as_posix()})"
                   "{ .us-edit }\n")
    return Page(here, "".join(out), {"kind": "letter", "slug": letter.slug})
