"""What the checks found: problems, and counts of what was verified and what could not be."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from undersigned.audit.text import acknowledged
from undersigned.core.model import Letter
from undersigned.core.problems import Problem
from undersigned.core.schema import ACKNOWLEDGEABLE
from undersigned.core.schema import AUDIT_CHECKS as KEYS


@dataclass
class Verdicts:
    problems: list[Problem] = field(default_factory=list)
    checked: Counter[str] = field(default_factory=Counter)
    not_verified: Counter[str] = field(default_factory=Counter)
    # (document, check) -> findings its `acknowledged:` declares its source causes
    acknowledged: Counter[tuple[str, str]] = field(default_factory=Counter)

    def problem(self, key: str, letter: Letter, problem: Problem) -> None:
        """A finding of check ``key``, unless the document acknowledges that its source
        itself disagrees (`acknowledged: {count: "the release says seven, names ten"}`)."""
        assert key in KEYS, key
        if key in acknowledged(letter):
            self.acknowledged[(problem.path, key)] += 1
            return
        if key in ACKNOWLEDGEABLE:
            problem = Problem(problem.path, problem.line, problem.message,
                              f"{problem.hint}; if the original itself says so, write "
                              f"`acknowledged: {{{key}: \"the evidence\"}}`")
        self.problems.append(problem)

    def add(self, part: Verdicts) -> None:
        """``part``'s problems after these, its counts added."""
        self.problems += part.problems
        self.checked.update(part.checked)
        self.not_verified.update(part.not_verified)
        self.acknowledged.update(part.acknowledged)

    @classmethod
    def merged(cls, parts: list[Verdicts]) -> Verdicts:
        """One Verdicts of several: the problems in the parts' order, the counts added."""
        out = cls()
        for part in parts:
            out.add(part)
        return out

    def verified(self, what: str) -> None:
        self.checked[what] += 1

    def unverified(self, what: str) -> None:
        self.not_verified[what] += 1

    def summary(self) -> str:
        """Two lines: what the checks verified ('verified: 240 Members serving on the date; …')
        and what they could not ('not verified: 12 people not linked to a Member …')."""
        done = "; ".join(f"{n} {what}" for what, n in sorted(self.checked.items()))
        return f"verified: {done or 'nothing'}.\n" + self._not_verified()

    def _not_verified(self) -> str:
        n = sum(self.acknowledged.values())
        where = sorted({f"{path} ({key})" for path, key in self.acknowledged})
        said = (f" ({n} finding{'s' if n != 1 else ''} acknowledged in front matter: "
                f"{', '.join(where[:5])}{' …' if len(where) > 5 else ''})" if n else "")
        if not self.not_verified:
            return f"not verified: nothing (every check could decide){said}."
        parts = [f"{n} {what}" for what, n in sorted(self.not_verified.items())]
        return "not verified: " + "; ".join(parts) + said + "."
