"""Pages of one signatory and of one recipient (both keyed by registry id)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from undersigned.core.csvcells import csv_row
from undersigned.core.names import fold
from undersigned.core.urls import (
    SIGNATORIES_DIR,
    letter_uri,
    paged_uri,
    recipient_uri,
    signatory_uri,
)
from undersigned.pages.common import (
    TYPE_LABELS,
    Page,
    attr,
    esc,
    front,
    href,
    link,
    pager_links,
    plural,
)
from undersigned.pages.ego import EGO_TIES, ego_svg
from undersigned.pages.offices import office_link

if TYPE_CHECKING:
    from collections.abc import Sequence

    from undersigned.core.archive import Archive
    from undersigned.core.model import Entity, Letter, Signature

BIOGUIDE_URL = "https://bioguide.congress.gov/search/bio/{}"


def kind_label(archive: Archive, entity: Entity) -> str:
    if entity.bioguide:
        return "Member of Congress"
    return "Organization" if entity.kind == "organization" else "Person"


def _external(url: str, text: str) -> str:
    return f'<a href="{attr(url)}" rel="nofollow noopener">{escape(text)}</a>'


def _facts(archive: Archive, entity: Entity) -> str:
    rows = [("Kind", kind_label(archive, entity))]
    if entity.description:
        rows.append(("About", escape(entity.description)))
    if entity.aliases:
        rows.append(("Also printed as", "; ".join(f"“{escape(a)}”" for a in entity.aliases)))
    links = []
    if entity.bioguide:
        links.append(_external(BIOGUIDE_URL.format(entity.bioguide),
                               f"Biographical Directory ({entity.bioguide})"))
    member = archive.legislators.get(entity.bioguide) if entity.bioguide else None
    wikidata = entity.wikidata or (member.wikidata if member else None)
    if wikidata:
        links.append(_external(f"https://www.wikidata.org/wiki/{wikidata}",
                               f"Wikidata ({wikidata})"))
    if entity.url and entity.url.startswith(("https://", "http://")):
        links.append(_external(entity.url, "Website"))
    if links:
        rows.append(("Authority", " · ".join(links)))
    rows.append(("Registry id", f"<code>{escape(entity.id)}</code>"))
    return '<dl class="us-meta">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) \
        + "</dl>\n\n"


def terms_table(archive: Archive, entity: Entity) -> str:
    """Terms in Congress, consecutive identical terms merged."""
    member = archive.legislators.get(entity.bioguide) if entity.bioguide else None
    if not member:
        return ""
    spans: list[list[Any]] = []
    for t in member.terms:
        key = (t.chamber, t.state, t.district if t.type == "rep" else None, t.party)
        if spans and spans[-1][0] == key:
            spans[-1][2:] = [t.end, t.left_early]
        else:
            spans.append([key, t.start, t.end, t.left_early])
    rows = []
    for (chamber, state, district, party), start, end, early in spans:
        shown = "" if district is None else ("at large" if district == 0 else district)
        left = " (left office)" if early else ""
        rows.append(f"<tr><td>{chamber}</td><td>{state}</td><td>{shown}</td>"
                    f"<td>{escape(party)}</td><td>{start}</td><td>{end}{left}</td></tr>")
    return ("## Terms in Congress\n\n<table><thead><tr><th scope=\"col\">Chamber</th>"
            "<th scope=\"col\">State</th><th scope=\"col\">District</th><th scope=\"col\">Party"
            "</th><th scope=\"col\">From</th><th scope=\"col\">To</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>\n"
            '<p class="us-note">From the public-domain congress-legislators dataset.</p>\n\n')


def _also(here: str, entity: Entity, role: str, verb: str, target: str, n: int) -> str:
    """Cross-link between someone's signatory and recipient pages (an envelope for the
    documents received, a signature for those signed: see undersigned.css)."""
    return (f'<div class="admonition us-also-{role}"><p class="admonition-title">Also a {role}'
            f"</p><p>{escape(entity.name)} {verb} {link(here, target, plural(n, 'document'))}."
            "</p></div>\n\n")


def sender_html(archive: Archive, letter: Letter, here: str) -> str:
    """The sender of a document, linked to their page when the registry holds them."""
    found = archive.sender_id(letter)
    if found:  # (a sender the registry holds has a page: it lists what they issued)
        return link(here, signatory_uri(found), letter.sender)
    return escape(letter.sender)


def has_page(archive: Archive, entity_id: str) -> bool:
    """Does the registry entry have a signatory page (signed, named as a signer or issued)?"""
    return entity_id in archive.signed or entity_id in archive.named_in \
        or entity_id in archive.issued


ISSUED_ROWS = 100  # documents listed that someone sent or issued (newest first)


def _issued(archive: Archive, entity: Entity, here: str) -> str:
    """The documents the entry sent or issued: a Member's press releases, an organization's
    letters."""
    issued = archive.issued.get(entity.id, [])
    if not issued:
        return ""
    rows = "".join(f"<tr><td>{x.date.isoformat()}</td><td>"
                   f"{link(here, letter_uri(x.slug), x.title)}</td>"
                   f"<td>{TYPE_LABELS[x.type]}</td></tr>" for x in issued[:ISSUED_ROWS])
    more = (f'<p class="us-note">The newest {ISSUED_ROWS} of {len(issued)} are listed.</p>\n\n'
            if len(issued) > ISSUED_ROWS else "")
    return (f"## Issued by {esc(entity.name)} ({len(issued)}) {{ #issued }}\n\n"
            '<p class="us-note">Press releases, statements and letters sent in their name '
            "(the sender of the document).</p>\n\n"
            '<table><thead><tr><th scope="col">Date</th><th scope="col">Document</th>'
            '<th scope="col">Type</th></tr></thead><tbody>' + rows + "</tbody></table>\n\n"
            + more)


def _to(letter: Letter) -> str:
    to = ", ".join(escape(r.name) for r in letter.recipients[:2])
    if len(letter.recipients) > 2:
        to += f" and {len(letter.recipients) - 2} more"
    return to


SIGNED_PER_PAGE = 100


def signatory_pages(archive: Archive, entity_id: str) -> int:
    return max(1, -(-len(archive.signed.get(entity_id, [])) // SIGNED_PER_PAGE))


def _signed_uri(entity_id: str, n: int) -> str:
    return paged_uri(signatory_uri(entity_id), n)


def render_signatory(archive: Archive, entity: Entity, page_no: int = 1) -> Page:
    """A signatory's page; the documents signed come 100 to a page, newest first."""
    here = _signed_uri(entity.id, page_no)
    all_signed: Sequence[tuple[Letter, Signature]] = archive.signed.get(entity.id, [])
    total = signatory_pages(archive, entity.id)
    signed = all_signed[(page_no - 1) * SIGNED_PER_PAGE:page_no * SIGNED_PER_PAGE]
    desc = (f"{entity.name}: {kind_label(archive, entity).lower()}, signed "
            f"{plural(len(all_signed), 'document')} in the Undersigned archive.")
    suffix = f" (page {page_no})" if page_no > 1 else ""
    out = [front({"title": entity.name + suffix, "description": desc}),
           f"# {esc(entity.name + suffix)}\n\n",
           _facts(archive, entity)]
    pager = pager_links(signatory_uri(entity.id), page_no, total)
    if entity.id in archive.received:
        out.append(_also(here, entity, "recipient", "received", recipient_uri(entity.id),
                         len(archive.received[entity.id])))
    out.append(f"## Documents signed ({len(all_signed)}) {{ #signed }}\n\n")
    search = "search/index.md"
    out.append(f'<p class="us-note">{link(here, search, "Search the full text of these documents")}'
               "</p>\n\n".replace('/">', f'/?signatory={quote(entity.name)}">', 1))
    out.append(pager)
    if signed:
        rows = []
        for letter, sig in signed:
            printed = escape(sig.name) if fold(sig.name) != fold(entity.name) else ""
            term = archive.role_on(entity, letter)
            role = term.label if term else escape(sig.role or "") or (
                "former Member" if archive.former_member(entity, letter) else "")
            rows.append(f"<tr><td>{letter.date.isoformat()}</td><td>"
                        f"{link(here, letter_uri(letter.slug), letter.title)}</td>"
                        f"<td>{_to(letter)}</td><td>{printed}</td><td>{role}</td></tr>")
        out.append('<table><thead><tr><th scope="col">Date</th><th scope="col">Document</th>'
                   '<th scope="col">To</th><th scope="col">Printed as</th>'
                   '<th scope="col">Role then</th></tr></thead><tbody>' + "".join(rows)
                   + "</tbody></table>\n\n")
    out.append(pager)
    if page_no > 1:
        return Page(here, "".join(out))
    out.append(_issued(archive, entity, here))
    out.append(_named_in(archive, entity, here))
    out.append(terms_table(archive, entity))
    out.append(_cosigners(archive, entity, here))
    return Page(here, "".join(out))


NAMED_ROWS = 100  # documents listed that name someone as a signer (newest first)


def _named_in(archive: Archive, entity: Entity, here: str) -> str:
    """Press releases and statements that name this person as a signer of a letter they do
    not reproduce."""
    named = archive.named_in.get(entity.id, [])
    if not named:
        return ""
    rows = "".join(f"<tr><td>{x.date.isoformat()}</td><td>"
                   f"{link(here, letter_uri(x.slug), x.title)}</td></tr>"
                   for x in named[:NAMED_ROWS])
    more = (f'<p class="us-note">The newest {NAMED_ROWS} of {len(named)} are listed; all are '
            f"in {link(here, 'data/index.md', 'the data')} (signers_named).</p>\n\n"
            if len(named) > NAMED_ROWS else "")
    return (f"## Named as a signer ({len(named)}) {{ #named }}\n\n"
            '<p class="us-note">Documents that name them among the signers of a letter the '
            "archive does not reproduce.</p>\n\n"
            '<table><thead><tr><th scope="col">Date</th><th scope="col">Document</th></tr>'
            "</thead><tbody>" + rows + "</tbody></table>\n\n" + more)


COSIGNER_ROWS = 15  # co-signers listed on a signatory page; the data has them all


def shown_cosigners(archive: Archive, entity_id: str) -> list[tuple[str, int]]:
    """The co-signers a signatory's page names: (id, documents signed together), the
    strongest first (pages/depends.py: a renamed entry's co-signers' pages are rebuilt where
    it is one of them)."""
    return archive.cosigners(entity_id, limit=COSIGNER_ROWS)


def together_url(here: str, names: list[str]) -> str:
    """The search page filtered to the documents every one of ``names`` signed."""
    query = "&".join(f"signatory={quote(n)}" for n in names)
    return f"{href(here, 'search/index.md')}?{query}"


def cosigners_uri(entity_id: str) -> str:
    """Where a signatory's co-signers are published as CSV (pages/kinds.py)."""
    return f"{SIGNATORIES_DIR}/{entity_id}/cosigners.csv"


COSIGNER_FIELDS = ["cosigner_id", "name", "kind", "signed_together", "named_together",
                   "documents_together", "latest"]


def render_cosigners_csv(archive: Archive, entity: Entity) -> Page:
    """Every co-signer of ``entity`` as CSV, with names (the page's table shows the first
    COSIGNER_ROWS): the ranking and counts of Archive.ties."""
    cells = archive.csv_cells  # 'id,name,kind', made safe and quoted once an entry
    ties = archive.ranked_ties(entity.id)
    signed, together, last = ties.signed, ties.together, ties.last
    rows = "".join([f"{cells(o)},{signed[o]},{together[o] - signed[o]},{together[o]},{last[o]}\n"
                    for o in ties.order])
    return Page(cosigners_uri(entity.id), csv_row(COSIGNER_FIELDS) + "\n" + rows)


def _cosigners(archive: Archive, entity: Entity, here: str) -> str:
    """The strongest co-signing ties: a small network figure and the same data as a table
    (documents signed together and named together counted apart), each row linking to the
    documents that have both; every tie as CSV."""
    count = len(archive.ranked_ties(entity.id).order)
    shown = archive.ties(entity.id, COSIGNER_ROWS)  # shown_cosigners
    if not count:
        return ""
    names = archive.registry.entities
    figure = ego_svg(archive, entity.id, [(t.id, t.total) for t in shown[:EGO_TIES]],
                     {t.id: href(here, signatory_uri(t.id)) for t in shown[:EGO_TIES]})
    rows = "".join(
        f"<tr><td>{link(here, signatory_uri(t.id), names[t.id].name)}</td><td>{t.signed}</td>"
        f"<td>{t.named}</td><td>{t.last.isoformat()}</td>"
        f'<td><a href="{attr(together_url(here, [entity.name, names[t.id].name]))}">'
        f"{plural(t.total, 'document')} with {esc(names[t.id].name)}</a></td></tr>"
        for t in shown)
    csv_link = (f'<a href="{attr(href(here, cosigners_uri(entity.id)))}" download>'
                f"all {plural(count, 'co-signer')} as CSV</a>")
    more = (f"the strongest {len(shown)} of {plural(count, 'co-signer')} are listed; "
            if count > len(shown) else "")
    return ("## Co-signers { #cosigners }\n\n" + figure + "\n\n"
            '<p class="us-note">Signed together: both signatures printed on a document. Named '
            "together: a release names both as signers of a letter, at least one of them "
            f"only named. Ties: the most documents, then the most recent. {more.capitalize()}"
            f"{csv_link}; every tie is in the co-signing network "
            f"({link(here, 'data/index.md', 'data downloads')}).</p>\n\n"
            '<div class="us-cosigners"><table><caption>Co-signers by documents together'
            '</caption><thead><tr><th scope="col">Co-signer</th><th scope="col">Signed '
            'together</th><th scope="col">Named together</th><th scope="col">Latest</th>'
            '<th scope="col">Search</th></tr></thead><tbody>' + rows
            + "</tbody></table></div>\n\n")


def recipient_pages(archive: Archive, entity_id: str) -> int:
    return max(1, -(-len(archive.received.get(entity_id, [])) // SIGNED_PER_PAGE))


def render_recipient(archive: Archive, entity: Entity, page_no: int = 1) -> Page:
    """A recipient's page; the documents received come 100 to a page, newest first (a
    Secretary of State receives thousands: no page grows with the archive)."""
    here = paged_uri(recipient_uri(entity.id), page_no)
    every = archive.received.get(entity.id, [])
    letters = every[(page_no - 1) * SIGNED_PER_PAGE:page_no * SIGNED_PER_PAGE]
    suffix = f" (page {page_no})" if page_no > 1 else ""
    desc = f"Documents addressed to {entity.name} in the Undersigned archive: {len(every)}."
    out = [front({"title": f"{entity.name} (recipient){suffix}", "description": desc}),
           f"# {esc(entity.name + suffix)}\n\n", _facts(archive, entity)]
    if entity.id in archive.signed:
        out.append(_also(here, entity, "signatory", "signed", signatory_uri(entity.id),
                         len(archive.signed[entity.id])))
    out.append(f"## Documents received ({len(every)}) {{ #received }}\n\n")
    pager = pager_links(recipient_uri(entity.id), page_no, recipient_pages(archive, entity.id))
    out.append(pager)
    senders: dict[str, int] = {}
    example: dict[str, Letter] = {}
    for letter in every:
        senders[letter.sender] = senders.get(letter.sender, 0) + 1
        example.setdefault(letter.sender, letter)
    rows = []
    for letter in letters:
        rec = next(r for r in letter.recipients if r.id == entity.id)
        office = office_link(archive, letter, rec, here)
        rows.append(f"<tr><td>{letter.date.isoformat()}</td><td>"
                    f"{link(here, letter_uri(letter.slug), letter.title)}</td><td>{office}</td>"
                    f"<td>{sender_html(archive, letter, here)}</td>"
                    f"<td>{len(letter.signatures)}</td></tr>")
    out.append('<table><thead><tr><th scope="col">Date</th><th scope="col">Document</th>'
               '<th scope="col">Office on that date</th><th scope="col">From</th>'
               '<th scope="col">Signatories</th></tr></thead><tbody>' + "".join(rows)
               + "</tbody></table>\n\n" + pager)
    if page_no > 1:
        return Page(here, "".join(out))
    ranked = sorted(senders.items(), key=lambda kv: (-kv[1], kv[0]))
    out.append("## Written to by\n\n<ul>")
    for sender, n in ranked[:COSIGNER_ROWS]:
        out.append(f"<li>{sender_html(archive, example[sender], here)}: "
                   f"{plural(n, 'document')}</li>")
    out.append("</ul>\n")
    if len(ranked) > COSIGNER_ROWS:
        out.append(f'<p class="us-note">The {COSIGNER_ROWS} most frequent of {len(ranked)} '
                   "senders.</p>\n")
    return Page(here, "".join(out))
