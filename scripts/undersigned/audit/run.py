"""Every fact check over a loaded archive, in one pass each."""

from __future__ import annotations

from dataclasses import dataclass

from undersigned.audit import counts, dates, encoding, members, named, offices, release
from undersigned.audit.text import acknowledged, field_line
from undersigned.audit.verdicts import Verdicts
from undersigned.core.archive import Archive
from undersigned.core.problems import Problem

CHECKS = (members.check, offices.check, dates.check, counts.check, release.check,
          encoding.check, named.check)


@dataclass
class Audit:
    problems: list[Problem]
    summary: str


def audit(archive: Archive, strict: bool) -> Audit:
    """The findings (errors under --strict, warnings otherwise) and the 'not verified' line."""
    # a letter at a time, every check on it (its body and front matter are read once, see
    # audit/text.py), each check's findings kept apart and put together in the checks' order
    found = [Verdicts() for _ in CHECKS]
    for letter in archive.letters:
        for check, said in zip(CHECKS, found, strict=True):
            check(archive, said, letter)
    verdicts = Verdicts.merged(found)
    for letter in archive.letters:  # an acknowledgement that hides nothing is said
        rel = archive.rel(letter)
        for key in acknowledged(letter):
            if (rel, key) not in verdicts.acknowledged:
                verdicts.problems.append(Problem(
                    rel, field_line(letter, "acknowledged"), f"acknowledged: '{key}' "
                    "acknowledges no finding of that check", "remove it (the record or the "
                    "check changed since it was written)"))
    problems = [Problem(p.path, p.line, p.message, p.hint, warning=not strict)
                for p in verdicts.problems]
    return Audit(problems, verdicts.summary())
