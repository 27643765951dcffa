"""What a name resolution proposes: new registry entries and the problems found."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from undersigned.core.legislators import DATA_FROM, before_data
from undersigned.core.model import Entity
from undersigned.core.names import fold
from undersigned.core.problems import Problem
from undersigned.ingest.registry_edit import entry_yaml

LIKELY_SAME = 90  # the least similarity at which a new name is taken for an existing entry's


@dataclass
class Proposal:
    id: str
    name: str
    kind: str
    bioguide: str | None = None
    aliases: list[str] = field(default_factory=list)
    printed: str = ""
    line: int | None = None
    source: str = ""  # the file it was printed in
    # the registry's entries most like it: (id, name or alias, score)
    near: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def same_as(self) -> tuple[str, str, float] | None:
        """An existing entry this is very likely the same as: the same family name and a name
        that differs by a middle initial or a slip ('Alejandro N. Mayorkas' for 'Alejandro
        Mayorkas'). `--add-new` never appends a second entry for it."""
        family = fold(self.name).split()[-1:] if self.name.split() else []
        return next((x for x in self.near if x[2] >= LIKELY_SAME
                     and fold(x[1]).split()[-1:] == family), None)

    def yaml(self) -> str:
        return entry_yaml(self)


@dataclass
class Resolution:
    proposals: list[Proposal] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def not_a_listed_member(src: str, line: int | None, name: str, day: object) -> Problem:
    """A name printed among Members of Congress that no Member of the bundled list has: before
    2013 the list may lack them (it holds those who served from 2013 on), after it they were
    not serving."""
    earlier = before_data(day)
    why = (f"is not in the bundled list of Members for {day} (it holds every Member who served "
           f"from {DATA_FROM} on, with all their terms; one who left earlier is not in it)"
           if earlier else f"no Member of that name served on {day}")
    return Problem(
        src, line, f"'{name}' is printed among Members of Congress, but {why}; proposed as a "
        "person, not linked to a Member", "check the name against the original; " + (
            "a Member who left before 2013 stays a person entry (CONTRIBUTING.md)" if earlier
            else "if it is a Member, add the printed form to their entry's aliases"),
        warning=True)


NOT_LINKED_HINT = "add `recipients:` with the name and role of each addressee by hand"


def addressed_then(entity: Entity, dates: list[dt.date], day: object) -> str | None:
    """Why a salutation's 'Secretary Rice' is not taken for the registry's only Rice: the
    archive has no letter to them within a year of ``day`` (None when it has one)."""
    if isinstance(day, dt.date) and any(abs((d - day).days) <= 366 for d in dates):
        return None
    seen = (f"letters to them: {min(dates)} to {max(dates)}" if dates
            else "the archive has no letter to them")
    return (f"the salutation's addressee may be '{entity.id}' ({entity.name}), the only person "
            f"of that family name in the registry, but {seen}, none within a year of "
            f"{day}; not taken as a recipient")
