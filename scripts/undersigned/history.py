"""Change history from the repository: when each document was first published in the archive
and last changed, and the list of additions, corrections and removals. Read with one `git log`
over ``letters/``; an archive outside a git repository (or without git) has no history, and
pages then say nothing about it — never the build time."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .hygiene import NOT_XML

KINDS = {"A": "added", "M": "corrected", "D": "removed"}


@dataclass(frozen=True)
class Change:
    date: str  # YYYY-MM-DD of the commit
    time: str  # ISO 8601 committer time
    kind: str  # added | corrected | removed
    slug: str
    subject: str
    commit: str


@dataclass
class History:
    changes: list[Change] = field(default_factory=list)  # newest first
    first: dict[str, str] = field(default_factory=dict)  # slug -> date first published
    last: dict[str, str] = field(default_factory=dict)  # slug -> date last changed


def read_history(root: Path) -> History | None:
    """The history of ``letters/*.md`` in the repository holding ``root``, or None."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        inside = subprocess.run([git, "-C", str(root), "rev-parse", "--show-toplevel"],
                                capture_output=True, text=True, timeout=30)
        if inside.returncode != 0:
            return None
        log = subprocess.run(
            [git, "-C", str(root), "log", "--no-renames", "--name-status", "-z",
             "--relative", "--format=%x1e%H%x1f%cI%x1f%s", "--", "letters"],
            capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    if log.returncode != 0:
        return None
    return parse_log(log.stdout.decode("utf-8", errors="replace"))


def parse_log(text: str) -> History:
    """Parse ``git log --name-status -z --format=%x1e%H%x1f%cI%x1f%s`` (newest first)."""
    history = History()
    for record in text.split("\x1e")[1:]:
        head, *rest = record.split("\x00")
        commit, when, subject = (head.strip("\n").split("\x1f") + ["", "", ""])[:3]
        subject = NOT_XML.sub("", subject)  # a commit subject is not checked: it goes to a feed
        fields = [f.strip("\n") for f in rest if f.strip("\n")]
        for status, path in zip(fields[::2], fields[1::2]):
            if not (path.startswith("letters/") and path.endswith(".md")):
                continue
            kind = KINDS.get(status[:1])
            if kind is None:
                continue
            slug = NOT_XML.sub("", path.rsplit("/", 1)[-1][:-3])
            day = when[:10]
            history.changes.append(Change(day, when, kind, slug, subject, commit))
            if kind != "removed":
                history.last.setdefault(slug, day)
                history.first[slug] = day  # older commits come later: the last seen is first
    return history
