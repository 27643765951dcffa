"""Every fact check over a loaded archive, in one pass each."""

from __future__ import annotations

from dataclasses import dataclass

from undersigned.audit import counts, dates, encoding, members, named, offices, release
from undersigned.audit.memo import PREFETCH, Findings, add_stored
from undersigned.audit.text import acknowledged, field_line
from undersigned.audit.verdicts import Verdicts
from undersigned.core.archive import Archive
from undersigned.core.model import Letter
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
    # audit/text.py), each check's findings kept apart and put together in the checks' order;
    # a letter whose inputs are those of an earlier run takes that run's findings (memo.py)
    memo = Findings(archive)
    found = [Verdicts() for _ in CHECKS]
    declared: list[tuple[Letter, list[str]]] = []  # letters with `acknowledged:` keys
    for n, letter in enumerate(archive.letters):
        if n % PREFETCH == 0:
            memo.prefetch(archive.letters[n:n + PREFETCH])
        entry, stored = memo.get(letter)
        keys = add_stored(stored, found, not strict) if stored is not None else None
        if keys is None:
            parts, keys = [Verdicts() for _ in CHECKS], list(acknowledged(letter))
            for check, said in zip(CHECKS, parts, strict=True):
                check(archive, said, letter)
            if entry is not None:
                memo.put(entry, parts, keys)
            for into, part in zip(found, parts, strict=True):
                into.add(part)
        if keys:
            declared.append((letter, keys))
    memo.save()
    verdicts = Verdicts.merged(found)
    for letter, keys in declared:  # an acknowledgement that hides nothing is said
        rel = archive.rel(letter)
        for key in keys:
            if (rel, key) not in verdicts.acknowledged:
                verdicts.problems.append(Problem(
                    rel, field_line(letter, "acknowledged"), f"acknowledged: '{key}' "
                    "acknowledges no finding of that check", "remove it (the record or the "
                    "check changed since it was written)"))
    problems = [p if p.warning is not strict else  # (those taken from memo.py are made so)
                Problem(p.path, p.line, p.message, p.hint, warning=not strict)
                for p in verdicts.problems]
    return Audit(problems, verdicts.summary())
