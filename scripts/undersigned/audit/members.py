"""Members of Congress who sign, send or are named as signers on a date they were not serving
(a scrape date taken for the letter's date shows a Member signing after their death)."""

from __future__ import annotations

import datetime as dt

from undersigned.audit.text import field_line
from undersigned.audit.verdicts import Verdicts
from undersigned.core.archive import Archive
from undersigned.core.model import Legislator, Letter, Signature
from undersigned.core.problems import Problem

HINT = ("check the document's date against its text (a page's scrape or publication date is "
        "not the letter's date) and the name against the original; if the date is right, the "
        "signer is another person: correct the id")


def terms_said(member: Legislator, day: dt.date) -> str:
    """'served 2013-01-03 – 2021-04-06 (left early)': the term nearest the day."""
    before = [t for t in member.terms if t.end < day]
    after = [t for t in member.terms if t.start > day]
    if before:
        last = max(before, key=lambda t: t.end)
        first = min((t for t in member.terms), key=lambda t: t.start)
        how = "left" if last.left_early else "term ended"
        said = f"{how} {last.end} (served from {first.start})"
        if after:
            said += f"; next term from {min(t.start for t in after)}"
        return said
    first = min(member.terms, key=lambda t: t.start)
    return f"first took office {first.start}"


def check(archive: Archive, verdicts: Verdicts, letter: Letter) -> None:
    rel = archive.rel(letter)
    for what, sig in _people(archive, letter):
        entity = archive.registry.get(sig.id) if sig.id else None
        if entity is None or entity.kind != "person":
            continue
        if not entity.bioguide:
            verdicts.unverified("people not linked to a Member (terms not checked)")
            continue
        member = archive.legislators.get(entity.bioguide)
        if member is None:
            verdicts.unverified("Members not in the bundled data")
            continue
        if member.term_on(letter.date) is not None:
            verdicts.verified("Members serving on the date")
            continue
        line = sig.line or field_line(letter, "sender" if what == "sends" else "date")
        verdicts.problem("term", letter, Problem(
            rel, line, f"{entity.name} ({member.bioguide}) {what} on {letter.date} but was "
            f"not a Member of Congress then: {terms_said(member, letter.date)}", HINT))


def _people(archive: Archive, letter: Letter) -> list[tuple[str, Signature]]:
    out = [("signs", s) for s in letter.signatures]
    out += [("is named as a signer", s) for s in letter.signers_named]
    sender = archive.sender_id(letter)
    if sender and sender not in {s.id for s in letter.signatures}:
        out.append(("sends it", Signature(name=letter.sender, id=sender)))
    return out
