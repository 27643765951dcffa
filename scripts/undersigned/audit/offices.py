"""Recipients who hold a public office (core/officeholders.py) and did not hold it on the
document's date ('Acting Secretary Chad F. Wolf' on a letter dated 2022)."""

from __future__ import annotations

from undersigned.audit.text import field_line
from undersigned.audit.verdicts import Verdicts
from undersigned.core.archive import Archive
from undersigned.core.model import Letter, Recipient
from undersigned.core.officeholders import Held, NotHeld, Office, Offices, load_offices
from undersigned.core.problems import Problem

HINT = ("check the document's date against its text, and the recipient's name and office "
        "against the original; if both are right, the office table "
        "(scripts/undersigned/data/offices.yaml) lacks a holding: add it with its source")


def _names(archive: Archive, recipient: Recipient) -> list[str]:
    entity = archive.registry.get(recipient.id) if recipient.id else None
    return [entity.name, *entity.aliases] if entity else [recipient.name]


def _office(offices: Offices, archive: Archive, letter: Letter, recipient: Recipient
            ) -> Office | None:
    """The office the recipient's role names; a bare title ('Secretary') is the office of
    that title the person held on the date, if one."""
    found = offices.find(recipient.role or "", recipient.organization)
    if found or not recipient.role:
        return found
    title = recipient.role.strip().casefold()
    names = _names(archive, recipient)
    titled = [o for o in offices.all() if title in {t.casefold() for t in o.titles}]
    held = [o for o in titled for n in names if o in offices.offices_held(n, letter.date)]
    if not held:  # none then: the one office of that title the person ever held
        held = [o for o in titled for n in names if offices.holdings_of(n, o.id)]
    return held[0] if len({o.id for o in held}) == 1 else None


def check(archive: Archive, verdicts: Verdicts, letter: Letter) -> None:
    offices = load_offices()
    rel = archive.rel(letter)
    for recipient in letter.recipients:
        office = _office(offices, archive, letter, recipient)
        if office is None:
            verdicts.unverified("recipients whose office the office table does not know")
            continue
        outcomes = [offices.held(n, office.id, letter.date) for n in _names(archive, recipient)]
        if any(isinstance(o, Held) for o in outcomes):
            verdicts.verified("recipients in office")
            continue
        not_held = [o for o in outcomes if isinstance(o, NotHeld)]
        if not not_held:
            verdicts.unverified("recipients the office table cannot place on the date")
            continue
        tenure = "; ".join(h.dates for h in not_held[0].holdings) or "never"
        holders = ", ".join(h.name for h in offices.holders_on(office.id, letter.date))
        verdicts.problem("office", letter, Problem(
            rel, recipient.line or field_line(letter, "recipients"),
            f"{recipient.name} is addressed as {recipient.role or office.name} on "
            f"{letter.date}, but held the office of {office.name} {tenure}"
            + (f" (on that day: {holders})" if holders else ""), HINT))
