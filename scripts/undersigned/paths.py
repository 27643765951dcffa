"""Which files the archive may read and publish: only regular files inside ``letters/``.

A path named in a letter (``source.original``) is refused when it is absolute, climbs out with
``..``, or resolves — through a symlink anywhere on the way — to something outside
``letters/``; the build publishes only what this module accepts."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from .problems import Problem


def inside(path: Path, folder: Path) -> bool:
    """True when ``path``, with every symlink resolved, is ``folder`` or below it."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


@dataclass(frozen=True)
class Found:
    """A letter file found under ``letters/``: its path and repo-relative name."""

    path: Path
    rel: str


def letter_files(root: Path) -> tuple[list[Found], list[Problem]]:
    """Every ``*.md`` below ``letters/`` in a stable order; symlinks that leave ``letters/`` and
    linked folders (never followed) are problems, never read."""
    folder = root / "letters"
    found: list[Found] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return found, problems
    pending = [(folder, "letters/")]
    while pending:  # os.scandir: one system call a folder, link tests from the listing
        base, prefix = pending.pop()
        with os.scandir(base) as listing:
            entries = sorted(listing, key=lambda e: e.name)
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append((base / entry.name, rel + "/"))
            elif entry.is_symlink() and os.path.isdir(entry.path):
                problems.append(Problem(rel, None, "folder is a symlink (never followed)",
                                        "move the files into letters/ instead of linking "
                                        "a folder"))
            elif entry.name.endswith(".md"):
                path = base / entry.name
                if entry.is_symlink() and not inside(path, folder):
                    problems.append(Problem(rel, None, "symlink points outside letters/",
                                            "copy the file into letters/ instead of linking "
                                            "to it"))
                    continue
                found.append(Found(path, rel))
    found.sort(key=lambda f: f.path.parts)  # the order of Path, without its cost
    return found, problems


def original_problem(letter_path: Path, letters: Path, name: str) -> tuple[str, str] | None:
    """Why ``source.original`` of the letter at ``letter_path`` may not be published, as
    (message, hint); None when it names a regular file inside ``letters/``."""
    hint = "name a plain-text file beside the .md file, e.g. the letter's slug + .txt"
    if not name.strip() or "\x00" in name:
        return f"original {name!r} is not a file name", hint
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or name.startswith("~"):
        return f"original '{name}' is an absolute path", hint + "; absolute paths are refused"
    if ".." in posix.parts or ".." in windows.parts:
        return f"original '{name}' climbs out of its folder with '..'", hint
    candidate = letter_path.parent / name
    if not inside(candidate, letters):
        return (f"original '{name}' resolves outside letters/ (through a symlink)",
                "copy the file into letters/ instead of linking to it")
    try:
        mode = os.stat(candidate).st_mode
    except OSError:
        return (f"original '{name}' not found beside the letter",
                "commit the original text next to the .md file or remove source.original")
    if not stat.S_ISREG(mode):
        return f"original '{name}' is not a regular file", hint
    return None


def original_uri(letter_path: Path, letters: Path, name: str) -> str:
    """Where an accepted original is published: ``letters/`` + its path below ``letters/``, so
    originals with one file name in different folders never meet."""
    rel = (letter_path.parent / name).relative_to(letters)
    return "letters/" + PurePosixPath(*rel.parts).as_posix()


def escaping_links(root: Path, folder: str = "docs") -> list[Problem]:
    """Symlinks in a hand-written folder that lead out of the archive: MkDocs would publish
    whatever they point at."""
    problems = []
    base = root / folder
    for here, dirs, files in os.walk(base, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(here) / name
            if path.is_symlink() and not inside(path, root):
                problems.append(Problem(path.relative_to(root).as_posix(), None,
                                        "symlink points outside the archive",
                                        "copy the file into the repository instead of "
                                        "linking to it"))
    return problems
