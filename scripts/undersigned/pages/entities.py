"""Pages of one signatory and of one recipient (both keyed by registry id)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..names import fold
from .common import (TYPE_LABELS, Page, esc, front, human_date, letter_uri, plural,
                     recipient_uri, rel, signatory_uri)

if TYPE_CHECKING:
    from ..archive import Archive
    from ..model import Entity

BIOGUIDE_URL = "https://bioguide.congress.gov/search/bio/{}"


def kind_label(archive: Archive, entity: Entity) -> str:
    if entity.bioguide:
        return "Member of Congress"
    return "Organization" if entity.kind == "organization" else "Person"


def _facts(archive: Archive, entity: Entity, here: str) -> str:
    out = ['<div class="us-meta" markdown>\n\n', f"Kind\n:   {kind_label(archive, entity)}\n\n"]
    if entity.description:
        out.append(f"About\n:   {esc(entity.description)}\n\n")
    if entity.aliases:
        out.append("Also printed as\n:   " + "; ".join(f"“{esc(a)}”" for a in entity.aliases)
                   + "\n\n")
    links = []
    if entity.bioguide:
        links.append(f"[Biographical Directory ({entity.bioguide})]"
                     f"({BIOGUIDE_URL.format(entity.bioguide)})")
    if entity.wikidata:
        links.append(f"[Wikidata ({esc(entity.wikidata)})]"
                     f"(https://www.wikidata.org/wiki/{entity.wikidata})")
    if entity.url and entity.url.startswith(("https://", "http://")):
        links.append(f"[Website]({entity.url})")
    if links:
        out.append("Authority\n:   " + " · ".join(links) + "\n\n")
    out.append(f"Registry id\n:   `{entity.id}`\n\n</div>\n\n")
    return "".join(out)


def terms_table(archive: Archive, entity: Entity) -> str:
    """Terms in Congress, consecutive identical terms merged."""
    member = archive.legislators.get(entity.bioguide) if entity.bioguide else None
    if not member:
        return ""
    spans: list[list] = []
    for t in member.terms:
        key = (t.chamber, t.state, t.district if t.type == "rep" else None, t.party)
        if spans and spans[-1][0] == key:
            spans[-1][2] = t.end
        else:
            spans.append([key, t.start, t.end])
    out = ["## Terms in Congress\n\n| Chamber | State | District | Party | From | To |\n"
           "|---|---|---|---|---|---|\n"]
    for (chamber, state, district, party), start, end in spans:
        shown = "" if district is None else ("at large" if district == 0 else district)
        out.append(f"| {chamber} | {state} | {shown} | {party} | {start} | {end} |\n")
    out.append("\nFrom the public-domain congress-legislators dataset.\n{ .us-note }\n\n")
    return "".join(out)


def render_signatory(archive: Archive, entity: Entity) -> Page:
    here = signatory_uri(entity.id)
    signed = archive.signed.get(entity.id, [])
    desc = (f"{entity.name}: {kind_label(archive, entity).lower()}, signed "
            f"{plural(len(signed), 'document')} in the Undersigned archive.")
    out = [front({"title": entity.name, "description": desc}), f"# {esc(entity.name)}\n\n"]
    out.append(_facts(archive, entity, here))
    if entity.id in archive.received:
        n = len(archive.received[entity.id])
        out.append(f"!!! note \"Also a recipient\"\n    {esc(entity.name)} received "
                   f"[{plural(n, 'document')}]({rel(here, recipient_uri(entity.id))}).\n\n")
    out.append(f"## Documents signed ({len(signed)})\n\n")
    if signed:
        out.append("| Date | Document | To | Printed as | Role then |\n|---|---|---|---|---|\n")
        for letter, sig in signed:
            to = ", ".join(esc(r.name) for r in letter.recipients[:2])
            if len(letter.recipients) > 2:
                to += f" and {len(letter.recipients) - 2} more"
            printed = esc(sig.name) if fold(sig.name) != fold(entity.name) else ""
            term = archive.role_on(entity, letter)
            role = term.label if term else esc(sig.role or "")
            out.append(f"| {letter.date.isoformat()} | [{esc(letter.title)}]"
                       f"({rel(here, letter_uri(letter.slug))}) | {to} | {printed} | {role} |\n")
        out.append("\n")
    out.append(terms_table(archive, entity))
    cosigners = archive.cosigners(entity.id, limit=15)
    if cosigners:
        out.append("## Most frequent co-signers\n\n")
        for other_id, n in cosigners:
            other = archive.registry.get(other_id)
            name = other.name if other else other_id
            out.append(f"1. [{esc(name)}]({rel(here, signatory_uri(other_id))}) — "
                       f"{plural(n, 'letter')} together\n")
        out.append("\n")
    return Page(here, "".join(out), {"kind": "signatory", "id": entity.id})


def render_recipient(archive: Archive, entity: Entity) -> Page:
    here = recipient_uri(entity.id)
    letters = archive.received.get(entity.id, [])
    desc = f"Documents addressed to {entity.name} in the Undersigned archive: {len(letters)}."
    out = [front({"title": f"{entity.name} (recipient)", "description": desc}),
           f"# {esc(entity.name)}\n\n", _facts(archive, entity, here)]
    if entity.id in archive.signed:
        n = len(archive.signed[entity.id])
        out.append(f"!!! note \"Also a signatory\"\n    {esc(entity.name)} signed "
                   f"[{plural(n, 'document')}]({rel(here, signatory_uri(entity.id))}).\n\n")
    out.append(f"## Documents received ({len(letters)})\n\n")
    out.append("| Date | Document | Office on that date | From | Signatories |\n"
               "|---|---|---|---|---|\n")
    senders: dict[str, int] = {}
    for letter in letters:
        rec = next(r for r in letter.recipients if r.id == entity.id)
        office = ", ".join(esc(x) for x in (rec.role, rec.organization) if x)
        senders[letter.sender] = senders.get(letter.sender, 0) + 1
        out.append(f"| {letter.date.isoformat()} | [{esc(letter.title)}]"
                   f"({rel(here, letter_uri(letter.slug))}) | {office} | {esc(letter.sender)} | "
                   f"{len(letter.signatures)} |\n")
    out.append("\n## Written to by\n\n")
    for sender, n in sorted(senders.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"- {esc(sender)}: {plural(n, 'document')}\n")
    out.append("\n")
    return Page(here, "".join(out), {"kind": "recipient", "id": entity.id})


__all__ = ["render_signatory", "render_recipient", "TYPE_LABELS", "human_date"]
