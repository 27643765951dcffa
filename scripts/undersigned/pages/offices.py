"""Office pages: every office the archive's documents are addressed to, with its holders (from
the office table, data/offices.yaml) and the documents addressed to it under any holder, newest
first; and the index of offices. A researcher asks for *the office*: "Secretary of Homeland
Security" finds Chertoff's letters of 2006 and Mayorkas's of 2021 on one page."""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import TYPE_CHECKING

from undersigned.core.officeholders import Holding, Office, load_offices, names_match
from undersigned.core.offices import office_of
from undersigned.core.urls import OFFICES_DIR, letter_uri, office_uri, recipient_uri
from undersigned.pages.common import (
    TYPE_LABELS,
    Page,
    Paged,
    esc,
    front,
    human_date,
    link,
    paginated,
    plural,
)

if TYPE_CHECKING:
    from undersigned.core.archive import Archive
    from undersigned.core.model import Letter, Recipient

KIND_LABELS = {"cabinet": "Cabinet", "executive": "Executive Office of the President",
               "ambassador": "Ambassadors", "agency": "Departments and agencies",
               "congress": "Congress", "foreign": "Other governments"}


def addressed(archive: Archive) -> dict[str, list[tuple[Letter, Recipient]]]:
    """Office id -> the (document, recipient) pairs addressed to it, newest first."""
    memo: dict[str, list[tuple[Letter, Recipient]]] | None = archive.__dict__.get("_addressed")
    if memo is None:
        memo = {}
        for letter in archive.newest_first:
            for rec in letter.recipients:
                found = office_of(archive, letter, rec)
                if found is not None:
                    memo.setdefault(found.id, []).append((letter, rec))
        archive.__dict__["_addressed"] = memo
    return memo


def office_link(archive: Archive, letter: Letter, rec: Recipient, here: str) -> str:
    """The role as printed, linked to its office's page when the table knows the office."""
    text = ", ".join(x for x in (rec.role, rec.organization) if x)
    found = office_of(archive, letter, rec)
    if found is None or not text:
        return escape(text)
    return link(here, office_uri(found.id), text)


def _dates(h: Holding) -> str:
    start = h.start.isoformat() if h.start else "?"
    end = h.end.isoformat() if h.end else ("present" if h.current else "?")
    return f"{start} – {end}"


def _is(h: Holding, name: str) -> bool:
    return any(names_match(name, listed) for listed in (h.name, *h.also))


def _holder(archive: Archive, h: Holding, here: str, ids: list[str]) -> str:
    """A holder's name, linked to their recipient page when the office's documents reach
    them."""
    for entity_id in ids:
        if _is(h, archive.registry.entities[entity_id].name):
            return link(here, recipient_uri(entity_id), h.name)
    return escape(h.name)


def _holders(archive: Archive, office: Office, here: str,
             pairs: list[tuple[Letter, Recipient]]) -> str:
    ids = list(dict.fromkeys(r.id for _letter, r in pairs if r.id))
    names = Counter(_name(archive, r) for _letter, r in pairs)  # (each name matched once)
    rows = []
    for h in office.holders:
        n = sum(count for name, count in names.items() if _is(h, name))
        rows.append(f"<tr><td>{_holder(archive, h, here, ids)}{' (acting)' if h.acting else ''}"
                    "</td>"
                    f"<td>{_dates(h)}</td><td>{n or ''}</td></tr>")
    return ('<table><thead><tr><th scope="col">Holder</th><th scope="col">In office</th>'
            '<th scope="col">Documents</th></tr></thead><tbody>' + "".join(rows)
            + "</tbody></table>\n\n")


def _name(archive: Archive, rec: Recipient) -> str:
    entity = archive.registry.entities.get(rec.id) if rec.id else None
    return entity.name if entity else rec.name


def _item(archive: Archive, letter: Letter, rec: Recipient, here: str) -> str:
    entity = archive.registry.entities.get(rec.id) if rec.id else None
    to = link(here, recipient_uri(entity.id), entity.name) if entity else escape(rec.name)
    return (f"<li><time datetime=\"{letter.date.isoformat()}\">{human_date(letter.date)}</time>"
            f" — {link(here, letter_uri(letter.slug), letter.title)} "
            f"<span class=\"us-type\">{TYPE_LABELS[letter.type]} · to {to}</span></li>")


def render_office_pages(archive: Archive) -> list[Page]:
    """The index of offices and one page per office with documents (paginated)."""
    offices = load_offices()
    by_office = addressed(archive)
    here = f"{OFFICES_DIR}/index.md"
    out = [front({"title": "Offices", "description": "The offices the archive's documents are "
                  "addressed to, with their holders: every document to an office, whoever "
                  "held it."}),
           "# Offices\n\n<p>Documents by the office they are addressed to, whoever held it "
           "then (holders and dates from the archive's office table).</p>\n\n"]
    pages: list[Page] = []
    kinds: dict[str, list[Office]] = {}
    for office_id in by_office:
        office = offices.get(office_id)
        if office is not None:
            kinds.setdefault(office.kind, []).append(office)
    for kind in KIND_LABELS:
        if kind not in kinds:
            continue
        out.append(f"## {KIND_LABELS[kind]}\n\n<ul class=\"us-offices\">")
        for office in sorted(kinds[kind], key=lambda o: o.name):
            pairs = by_office[office.id]
            out.append(f"<li>{link(here, office_uri(office.id), office.name)} "
                       f"({plural(len(pairs), 'document')})</li>")
            pages += _office_pages(archive, office, pairs)
        out.append("</ul>\n\n")
    return [Page(here, "".join(out))] + pages


def _office_pages(archive: Archive, office: Office, pairs: list[tuple[Letter, Recipient]]
                  ) -> list[Page]:
    def write(p: Paged) -> str:
        body = [front({"title": office.name + p.suffix, "description":
                       f"{plural(len(pairs), 'document')} addressed to the {office.name}, "
                       "under every holder."}),
                f"# {esc(office.name + p.suffix)}\n\n"]
        if office.organization:
            body.append(f"<p>{escape(office.organization)}</p>\n\n")
        if p.n == 1:
            body.append("## Holders\n\n" + _holders(archive, office, p.here, pairs))
        body += [f"## Documents ({len(pairs)}) {{ #documents }}\n\n", p.nav,
                 '<ul class="us-letters">',
                 "".join(_item(archive, letter, rec, p.here) for letter, rec in p.items),
                 "</ul>\n\n", p.nav]
        return "".join(body)

    return paginated(office_uri(office.id), pairs, write)
