"""A recipient's office, as the search filter and the statistics name it: the role the
document prints, tidied ('Secretary of the Department of Homeland Security' is 'Secretary of
Homeland Security'), and a bare title ('Secretary') read as the one full office the same
person holds in the other documents of the archive ('Secretary of Homeland Security')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from undersigned.core.names import fold
from undersigned.core.vocabulary import BARE_TITLES

if TYPE_CHECKING:
    from undersigned.core.archive import Archive
    from undersigned.core.model import Recipient


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


def recipient_office(archive: Archive, recipient: Recipient) -> str:
    """The office of a recipient of a document ('' when it prints no role)."""
    if not recipient.role:
        return ""
    printed = office(recipient.role)
    bare = fold(printed)
    if bare in BARE_TITLES and recipient.id:
        full = sorted(x for x in _full_offices(archive).get(recipient.id, ())
                      if fold(x).startswith(bare + " "))
        if len(full) == 1:
            return full[0]
    return printed
