"""Recipients read from a salutation when a letter prints no address block ('Dear Secretary
Mayorkas:'): an office and a family name, taken for the registry's one person of that name
only when the archive shows them addressed then."""

from __future__ import annotations

import datetime as dt
import re

from undersigned.convert.document import ConvertedDocument, Party
from undersigned.core.names import bare_tokens, fold
from undersigned.core.problems import Problem
from undersigned.core.registry import Registry
from undersigned.core.vocabulary import SALUTATION_OFFICES
from undersigned.ingest.proposals import NOT_LINKED_HINT, Resolution, addressed_then

_SALUTATION = re.compile(r"^(?:\*\*)?dear\s++(.+?)[,:;]?(?:\*\*)?$", re.I)
_OFFICE = re.compile(rf"^({'|'.join(SALUTATION_OFFICES)})\s++"
                     r"([A-Z][\w'’-]++(?:\s++[A-Z][\w'’-]++)?)$")
# the addressees of a salutation: 'A, B and C', 'A & B' (a separator's match starts where its
# run of spaces starts, so a long run is not searched again from each of its spaces)
_ADDRESSEES = re.compile(r",\s*+(?:and\s++)?|(?<!\s)\s++and\s++|(?:(?<!\s)\s++)?&\s*+")


def recipients_from_salutation(doc: ConvertedDocument, src: str, registry: Registry,
                               received: dict[str, list[dt.date]], result: Resolution) -> None:
    """A letter printed without an address block ('Dear Secretary Mayorkas:'): each
    addressee the salutation names by office and family name becomes a recipient when
    exactly one person in the registry has that family name and the archive has a letter
    to them within a year of this one (an office is held for a time: the registry's only
    'Rice' is not every 'Secretary Rice'); the name stays as printed, the office is the
    role, the registry entry is explicit."""
    if doc.front.type != "letter" or doc.front.recipients:
        return
    match = next((m for m in (_SALUTATION.match(x.strip())
                              for x in doc.body.strip().split("\n")[:8]) if m), None)
    if not match:
        return
    found: list[Party] = []
    day = doc.front.date
    for part in _ADDRESSEES.split(match.group(1)):
        office = _OFFICE.match(part.strip())
        if not office:
            return  # 'Mr. President', a first name: not enough to know who
        surname = office.group(2).strip()
        people = [e for e in registry.entities.values() if e.kind == "person"
                  and bare_tokens(e.name)[-1:] == [fold(surname)]]
        if len(people) > 1:  # 'Dear Secretary Castro:' with two Castros in the registry
            result.problems.append(Problem(
                src, doc.source_line, f"the salutation's '{part.strip()}' could be "
                + ", ".join(f"'{e.id}'" for e in sorted(people, key=lambda e: e.id))
                + "; not taken as a recipient", NOT_LINKED_HINT, warning=True))
        if len(people) != 1:
            return
        why = addressed_then(people[0], received.get(people[0].id, []), day)
        if why:  # 'Dear Secretary Rice:' in 2010: the registry's Rice was addressed in 2008
            result.problems.append(Problem(src, doc.source_line, why, NOT_LINKED_HINT,
                                           warning=True))
            return
        found.append(Party(surname, id=people[0].id, role=office.group(1)))
    if found:
        doc.front.recipients = found
        result.problems.append(Problem(
            src, doc.source_line, "recipients taken from the salutation: " + ", ".join(
                f"{r.role} {r.name} = '{r.id}'" for r in found),
            "check them; the letter has no address block", warning=True))
