"""Problems found in the archive, reported as ``path:line: message`` plus ``hint:``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from undersigned.core.characters import visible


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # repo-relative, POSIX
    line: int | None
    message: str
    hint: str | None = None
    warning: bool = False

    def __str__(self) -> str:
        """Printed with invisible and control characters escaped (a file name or a name
        cannot write to the terminal or hide what it says)."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{_one_line(where)}: {_one_line(self.message)}"
        if self.hint:
            text += f"\n  hint: {visible(self.hint)}"
        return text

    def annotation(self) -> str:
        """GitHub Actions workflow command for this problem, escaped as GitHub specifies
        (data: % CR LF; properties also : and ,), so a file name cannot inject a command."""
        level = "warning" if self.warning else "error"
        line = f",line={self.line}" if self.line else ""
        msg = _shown(self.message + (f" (hint: {self.hint})" if self.hint else ""))
        return f"::{level} file={_escape_property(_shown(self.path))}{line}::{_escape_data(msg)}"


def problem_order(p: Problem) -> tuple[str, int, str, str, bool]:
    """The order problems are reported in: by file, line (none first), message, hint (the
    fields' own order cannot compare None with a number); made once per problem: sorting
    150,000 warnings (a 30,000-letter `check`) with it takes a third of the time."""
    return (p.path, p.line or 0, p.message, p.hint or "", p.warning)


def _shown(text: str) -> str:
    """Invisible and control characters written as escapes, as in the terminal (a right-to-left
    mark cannot reorder an annotation); line breaks are left to the workflow escaping."""
    return _LINES.sub(lambda m: visible(m.group()), text)


def _one_line(text: str) -> str:
    """A path or message on one line: a newline in a name (an id 'abc\\n', a file name) is
    written as ``\\n``, never a line that could pass for another problem."""
    return visible(text).replace("\n", "\\n")


_LINES = re.compile(r"[^\r\n]+")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def summarize(problems: list[Problem]) -> str:
    errors = [p for p in problems if not p.warning]
    files = {p.path for p in errors}
    n, m = len(errors), len(files)
    return f"{n} problem{'s' if n != 1 else ''} in {m} file{'s' if m != 1 else ''}."


def report(problems: list[Problem]) -> str:
    """Every problem, sorted by file and line, then a summary line."""
    ordered = sorted(problems, key=problem_order)
    return "\n".join([str(p) for p in ordered] + [summarize(ordered)])


def relpath(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
