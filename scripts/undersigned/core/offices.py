"""A recipient's office, as the office pages, the search filter, the statistics and the exports
name it: the office of the office table (data/offices.yaml) the printed role names on the
document's date -- a bare title ('Secretary') is the office of that title the person held that
day ('Secretary of Homeland Security' for Michael Chertoff in 2006) -- or, for a role the table
does not know, the role as printed, tidied ('Secretary of the Department of X' is 'Secretary of
X') and a bare title read as the one full office the same person holds in the archive's other
documents."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from undersigned.core.names import fold
from undersigned.core.officeholders import Office, load_offices, office_key
from undersigned.core.vocabulary import BARE_TITLES

if TYPE_CHECKING:
    from undersigned.core.archive import Archive
    from undersigned.core.model import Letter, Recipient


def office(role: str) -> str:
    """The role as printed, spaces tidied, 'the Department of' and a leading 'U.S.' dropped."""
    text = " ".join(role.split()).strip(" ,.;")
    text = re.sub(r"^(?:U\.\s?S\.|United States)\s+", "", text)
    return re.sub(r"\bof the Department of\b", "of", text)


def _full_offices(archive: Archive) -> dict[str, set[str]]:
    """Registry id -> the offices (not bare titles) the documents give that recipient."""
    known: dict[str, set[str]] | None = archive.__dict__.get("_full_offices")
    if known is None:
        known = {}
        for letter in archive.letters:
            for r in letter.recipients:
                if r.id and r.role and fold(office(r.role)) not in BARE_TITLES:
                    known.setdefault(r.id, set()).add(office(r.role))
        archive.__dict__["_full_offices"] = known
    return known


def office_of(archive: Archive, letter: Letter, recipient: Recipient) -> Office | None:
    """The office of the table a recipient of ``letter`` is addressed in (None: no role, or
    one the table does not know or cannot settle)."""
    memo: dict[tuple[str, int], Office | None] = archive.__dict__.setdefault("_office_of", {})
    key = (letter.slug, id(recipient))
    if key not in memo:
        memo[key] = _office_of(archive, letter, recipient)
    return memo[key]


def _office_of(archive: Archive, letter: Letter, recipient: Recipient) -> Office | None:
    if not recipient.role:
        return None
    offices = load_offices()
    found = offices.find(recipient.role, recipient.organization)
    if found is not None:
        return found
    entity = archive.registry.entities.get(recipient.id) if recipient.id else None
    name = entity.name if entity else recipient.name
    title = office_key(recipient.role)
    held = [o for o in offices.offices_held(name, letter.date)
            if title in {office_key(t) for t in o.titles}]
    return held[0] if len(held) == 1 else None


def recipient_office(archive: Archive, recipient: Recipient, letter: Letter | None = None
                     ) -> str:
    """The office of a recipient of a document, by name ('' when it prints no role): the
    table's office (with ``letter``, whose date settles a bare title), or the printed role."""
    if not recipient.role:
        return ""
    found = office_of(archive, letter, recipient) if letter is not None else None
    if found is not None:
        return found.name
    printed = office(recipient.role)
    bare = fold(printed)
    if bare in BARE_TITLES and recipient.id:
        full = sorted(x for x in _full_offices(archive).get(recipient.id, ())
                      if fold(x).startswith(bare + " "))
        if len(full) == 1:
            return full[0]
    return printed
