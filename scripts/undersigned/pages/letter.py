"""The page of one document: metadata panel, body, signatories, related, original, citation.
Headings are Markdown (for the table of contents); everything else is escaped raw HTML, which
keeps the build fast at thousands of letters."""

from __future__ import annotations

import html
from html import escape
from itertools import groupby
from typing import TYPE_CHECKING, Any

from undersigned.core.countries import country_name
from undersigned.core.names import fold
from undersigned.core.urls import letter_uri, recipient_uri, signatory_uri, topic_uri, year_uri
from undersigned.pages.bibtex import citation_block
from undersigned.pages.cite import head_html, head_meta, jsonld
from undersigned.pages.common import (
    TYPE_LABELS,
    Page,
    attr,
    esc,
    first_sentence,
    front,
    human_date,
    link,
    plural,
)
from undersigned.pages.entities import sender_html
from undersigned.pages.offices import office_link
from undersigned.pages.sanitize import body_html

if TYPE_CHECKING:
    import datetime as dt

    from undersigned.core.archive import Archive
    from undersigned.core.model import Letter, Recipient, Signature, Term

def party_badge(term: Term, day: dt.date) -> str:
    district = f", district {term.district}" if term.type == "rep" and term.district else ""
    title = f"{term.party}, {term.chamber}, {term.state}{district}"  # on the date in the note
    return (f'<abbr class="us-party us-party-{term.party_letter.lower()}" title="{attr(title)}">'
            f"{term.label}</abbr>")


def signature_line(archive: Archive, letter: Letter, sig: Signature, here: str) -> str:
    entity = archive.registry.get(sig.id)
    parts = [link(here, signatory_uri(sig.id), sig.name)]
    if entity and fold(entity.name) != fold(sig.name):
        parts.append(f'<span class="us-canonical">(registry: {escape(entity.name)})</span>')
    term = archive.role_on(entity, letter)
    if term:
        parts.append(party_badge(term, letter.date))
    elif archive.former_member(entity, letter):
        parts.append('<span class="us-former">former Member of Congress</span>')
    if sig.role:
        parts.append(f'<span class="us-role">{escape(sig.role)}</span>')
    return " ".join(parts)


def recipient_line(archive: Archive, letter: Letter, rec: Recipient, here: str) -> str:
    """A recipient as printed, with their office (linked to its page when the office table
    knows it)."""
    extra = office_link(archive, letter, rec, here)
    return link(here, recipient_uri(rec.id), rec.name) + (f", {extra}" if extra else "")


def _without_salutation(body: str) -> str:
    first, _, rest = body.strip().partition("\n\n")
    return rest if first.lower().startswith(("dear ", "to ")) and len(first) < 160 else body


def description(letter: Letter, body: str | None = None) -> str:
    """The page's and the feed's summary; ``body``: the letter's body if already read (in a
    build it is read from its file, see letters.BodyInFile)."""
    if letter.summary:
        return letter.summary
    if body is None:
        body = letter.body
    body = html.unescape(body)  # the text, not its escapes: the theme escapes it once ('&lt;')
    if letter.type == "letter" and letter.recipients:
        to = letter.recipients[0].name + (" and others" if len(letter.recipients) > 1 else "")
        n = plural(len(letter.signatures), "signatory", "signatories")
        return (f"{TYPE_LABELS[letter.type]} of {human_date(letter.date)} from "
                f"{letter.sender} to {to}, {n}: "
                f"{first_sentence(_without_salutation(body), 120)}")
    return first_sentence(_without_salutation(body)) or letter.title


def _meta_panel(archive: Archive, letter: Letter, here: str) -> str:
    rows = [("Date", link(here, year_uri(letter.year), human_date(letter.date))),
            ("Type", TYPE_LABELS[letter.type]), ("From", sender_html(archive, letter, here))]
    if letter.recipients:
        rows.append(("To", "<br>".join(recipient_line(archive, letter, r, here)
                                       for r in letter.recipients)))
    if letter.topics:
        rows.append(("Topics", " · ".join(link(here, topic_uri(t), archive.topics[t].title)
                                          for t in letter.topics)))
    if letter.countries:
        rows.append(("Countries", escape(", ".join(country_name(c)
                                                   for c in letter.countries))))
    if letter.signatures:
        rows.append(("Signatories", f'<a href="#signatories">{len(letter.signatures)}</a>'))
    if letter.signers_named:
        rows.append(("Signers named", ", ".join(link(here, signatory_uri(s.id), s.name)
                                                for s in letter.signers_named)))
    sources = []
    if letter.original:
        sources.append(link(here, letter.original, "plain text"))
    url = letter.source.get("url", "")
    if url.startswith(("https://", "http://")):
        sources.append(f'<a href="{attr(url)}" rel="nofollow noopener">published version</a>')
    if sources:
        rows.append(("Original", " · ".join(sources)))
    if letter.source.get("publisher"):
        rows.append(("Publisher", escape(letter.source["publisher"])))
    history = archive.history
    if history is not None and letter.slug in history.first:
        first, last = history.first[letter.slug], history.last[letter.slug]
        when = f"since {first}" + (f"; last changed {last}" if last != first else "")
        rows.append(("In the archive", f"{when} ({link(here, 'changes/index.md', 'changes')})"))
    cells = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="us-meta">{cells}</dl>'


def head_extras(archive: Archive, letter: Letter, site_url: str) -> dict[str, Any]:
    """Citation meta tags and JSON-LD for the page head (see docs/overrides/main.html)."""
    return {"us_head": head_html(head_meta(archive, letter, site_url),
                                 jsonld(archive, letter, site_url))}


INLINE_SIGNATORIES = 70  # longer signature blocks continue on the letter's signatories page


def signatories_uri(slug: str) -> str:
    return f"{letter_uri(slug)[:-3]}/signatories.md"


def _signature_list(archive: Archive, letter: Letter, here: str, sigs: Any) -> str:
    """The signatures in printed order; under the headings they are printed under, if any
    ('National organizations', 'Individuals'), each group a list continuing the numbering."""
    out = []
    for group, grouped in groupby(sigs, key=lambda sig: sig.group):
        run = list(grouped)
        items = "".join(f"<li>{signature_line(archive, letter, sig, here)}</li>" for sig in run)
        start = f' start="{run[0].position}"' if run[0].position > 1 else ""
        heading = f'<p class="us-group"><strong>{escape(group)}</strong></p>' if group else ""
        out.append(f'{heading}<ol class="us-signatories"{start}>{items}</ol>')
    return (f'<p class="us-note">As printed, in printed order. Party, state and district are as '
            f"on {human_date(letter.date)}.</p>\n" + "".join(out) + "\n\n")


def render_letter_signatories(archive: Archive, letter: Letter) -> Page:
    """Every signatory of a letter whose signature block is too long for the letter's page."""
    here = signatories_uri(letter.slug)
    n = len(letter.signatures)
    title = f"Signatories: {letter.title}"
    out = [front({"title": title, "description": f"All {n:,} signatories of “{letter.title}” "
                  f"({human_date(letter.date)}), as printed, in printed order."}),
           f"# {esc(title)}\n\n",
           f'<p class="us-back">{link(here, letter_uri(letter.slug), letter.title)} · '
           f"{TYPE_LABELS[letter.type]} of {human_date(letter.date)} · {n:,} signatories</p>\n\n",
           _signature_list(archive, letter, here, list(letter.signatures))]
    return Page(here, "".join(out))


def _named_in_releases(archive: Archive, letter: Letter, related: list[Letter],
                       here: str) -> str:
    """A letter reproduced without its signature list: the signers the releases announcing it
    name, labelled as named there (never as printed signatures, and counted apart)."""
    named: dict[str, tuple[str, Letter]] = {}
    for other in related:
        if other.type != "letter":
            for s in other.signers_named:
                named.setdefault(s.id, (s.name, other))
    if not named:
        return ""
    items = "".join(f"<li>{link(here, signatory_uri(i), name)} "
                    f'<span class="us-role">named in {link(here, letter_uri(rel.slug), rel.title)}'
                    "</span></li>" for i, (name, rel) in named.items())
    return (f"## Signers named in the release ({len(named)}) {{ #named }}\n\n"
            '<p class="us-note">This copy of the letter prints no signature list; the release '
            "that announces it names these signers. They are not counted as signatures.</p>\n\n"
            f'<ul class="us-named">{items}</ul>\n\n')


def render_letter(archive: Archive, letter: Letter, site_url: str = "",
                  repo_edit: str | None = None, head_in_front: bool = False) -> Page:
    here = letter_uri(letter.slug)
    body = letter.body  # read once (from its file, in a build)
    meta = {"title": letter.title, "description": description(letter, body)}
    if head_in_front:  # engine-independent output carries everything in its front matter
        meta.update(head_extras(archive, letter, site_url))
    out = [front(meta)]
    out.append(f"# {esc(letter.title)}\n\n")
    out.append(f'<div class="us-letter">\n{_meta_panel(archive, letter, here)}\n</div>\n\n')
    out.append("## Text\n\n")
    memo = archive.render_memo.bodies if archive.render_memo is not None else None
    out.append(f'<div class="us-body">\n{body_html(body, memo)}\n</div>\n\n')
    if letter.signatures:
        out.append(f"## Signatories ({len(letter.signatures)}) {{ #signatories }}\n\n")
        shown = letter.signatures[:INLINE_SIGNATORIES]
        out.append(_signature_list(archive, letter, here, shown))
        if len(shown) < len(letter.signatures):
            rest = len(letter.signatures) - len(shown)
            out.append(f'<p class="us-more">{link(here, signatories_uri(letter.slug), f"All {len(letter.signatures):,} signatories")}'
                       f" (the other {rest:,} are listed there, in printed order).</p>\n\n")
    related = archive.related.get(letter.slug, [])
    if not letter.signatures:
        out.append(_named_in_releases(archive, letter, related, here))
    if related:
        out.append("## Related documents\n\n<ul class=\"us-related\">")
        for other in related:
            how = "announced by" if other.type != "letter" and letter.type == "letter" else (
                "announces" if letter.type != "letter" and other.type == "letter" else "see also")
            out.append(f"<li>{how}: {link(here, letter_uri(other.slug), other.title)} "
                       f"({TYPE_LABELS[other.type].lower()}, {human_date(other.date)})</li>")
        out.append("</ul>\n\n")
    out.append(citation_block(archive, letter, site_url))
    if repo_edit:
        path = letter.path.relative_to(archive.root).as_posix()
        out.append(f'\n<p class="us-edit"><a href="{attr(repo_edit + path)}">Edit this document'
                   "</a></p>\n")
    return Page(here, "".join(out))
