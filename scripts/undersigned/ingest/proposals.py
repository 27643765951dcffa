"""What a name resolution proposes: new registry entries and the problems found."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from undersigned.core.legislators import DATA_FROM, before_data
from undersigned.core.model import Entity, Legislator
from undersigned.core.names import bare_tokens
from undersigned.core.problems import Problem
from undersigned.ingest.reconcile import term_dates
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
        """An existing entry this is very likely the same as: a name that differs from it by a
        middle name or initial, a suffix, or a slip of a letter or two in one of its names
        ('Alejandro N. Mayorkas', 'Alejandro Mayorkaz', 'Nora Gonzales' for 'Nora González');
        never another given name ('Julián Castro' is not 'Joaquin Castro', 'Alejandra' not
        'Alejandro'). `--add-new` never appends a second entry for it."""
        mine = bare_tokens(self.name)
        for near in self.near:
            theirs = bare_tokens(near[1])
            if not mine or not theirs or near[2] < LIKELY_SAME and not (
                    mine[0] == theirs[0] and mine[-1] == theirs[-1]):
                continue
            # the given name as is, or an initial of it: 'Alejandra' is not 'Alejandro'
            first = mine[0] == theirs[0] or min(len(mine[0]), len(theirs[0])) == 1 and (
                mine[0][0] == theirs[0][0])
            family = mine[-1] == theirs[-1] or fuzz.ratio(mine[-1], theirs[-1]) >= 80
            if first and family:
                return near
        return None

    def yaml(self) -> str:
        return entry_yaml(self)


@dataclass
class Resolution:
    proposals: list[Proposal] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def not_a_listed_member(src: str, line: int | None, name: str, day: object) -> Problem:
    """A name printed among Members of Congress that no Member of the bundled list has: before
    2005-01-04 the list may lack them (it holds those who served from then on), after it they were
    not serving."""
    earlier = before_data(day)
    why = (f"is not in the bundled list of Members for {day} (it holds every Member who served "
           f"from {DATA_FROM} on, with all their terms; one who left earlier is not in it)"
           if earlier else f"no Member of that name served on {day}")
    return Problem(
        src, line, f"'{name}' is printed among Members of Congress, but {why}; proposed as a "
        "person, not linked to a Member", "check the name against the original; " + (
            "a Member who left before 2005 stays a person entry (CONTRIBUTING.md)" if earlier
            else "if it is a Member, add the printed form to their entry's aliases"),
        warning=True)


def namesake_problem(src: str, line: int | None, name: str, serving: list[Legislator],
                     entry: str, former: Legislator | None, day: dt.date) -> Problem:
    """'Robert Menendez' in 2025 is the Representative serving then, not the registry's entry
    for the Senator who had left: said, with both Members and their terms."""
    was = f" ({former.name}, {former.bioguide}, {term_dates(former)})" if former else ""
    return Problem(
        src, line, f"'{name}' is the name of " + ", ".join(
            f"{m.name} ({m.bioguide}, {term_dates(m, day)})" for m in serving)
        + f", serving on {day}, and of '{entry}'{was}, not serving then; taken for the Member "
        "serving", f"if it is the former Member, give `id: {entry}`", warning=True)


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
