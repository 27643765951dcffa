"""Which files the archive may read and publish: only regular files inside ``letters/``.

A path named in a letter (``source.original``) is refused when it is not a ``.txt`` file of
UTF-8 text, is absolute, climbs out with ``..``, or resolves — through a symlink anywhere on
the way — to something outside ``letters/``; the build publishes only what this module
accepts."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from undersigned.core.letters import MAX_BYTES
from undersigned.core.problems import Problem


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


ORIGINAL_SUFFIX = ".txt"  # originals are plain text only: never HTML, SVG or script
_TEXT_HINT = ("an original is published as plain text only: save it as UTF-8 text with the "
              "extension .txt (keep PDF, HTML or SVG originals outside the archive and link "
              "them with source.url)")
_CHECKED: dict[tuple[str, int, int, int, int, int], str | None] = {}  # file -> why refused


def original_problem(letter_path: Path, letters: Path, name: str) -> tuple[str, str] | None:
    """Why ``source.original`` of the letter at ``letter_path`` may not be published, as
    (message, hint); None when it names a regular plain-text file (``.txt``, valid UTF-8)
    inside ``letters/``."""
    hint = "name a plain-text file beside the .md file, e.g. the letter's slug + .txt"
    if not name.strip() or "\x00" in name:
        return f"original {name!r} is not a file name", hint
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or name.startswith("~"):
        return f"original '{name}' is an absolute path", hint + "; absolute paths are refused"
    if ".." in posix.parts or ".." in windows.parts:
        return f"original '{name}' climbs out of its folder with '..'", hint
    if not name.endswith(ORIGINAL_SUFFIX):
        return f"original '{name}' is not a plain-text file (.txt)", _TEXT_HINT
    candidate = letter_path.parent / name
    if not inside(candidate, letters):
        return (f"original '{name}' resolves outside letters/ (through a symlink)",
                "copy the file into letters/ instead of linking to it")
    try:
        info = os.stat(candidate)
    except OSError:
        return (f"original '{name}' not found beside the letter",
                "commit the original text next to the .md file or remove source.original")
    if not stat.S_ISREG(info.st_mode):
        return f"original '{name}' is not a regular file", hint
    if info.st_size > MAX_BYTES:  # as `import` refuses it (check --reconvert would read it)
        return (f"original '{name}' is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}",
                "an original is the text of one document: keep only that document's text")
    return _not_text(candidate, name, info)


def _not_text(path: Path, name: str, info: os.stat_result) -> tuple[str, str] | None:
    """Why the original at ``path`` is not UTF-8 text, or None; a file is read once while its
    inode, size and times stay the same (`mkdocs serve` loads the archive on every change)."""
    key = (os.path.realpath(path), info.st_ino, info.st_dev, info.st_size, info.st_mtime_ns,
           info.st_ctime_ns)
    if key not in _CHECKED:
        try:
            data = path.read_bytes()
        except OSError as exc:
            return f"original '{name}' cannot be read: {exc.strerror or exc}", _TEXT_HINT
        try:
            data.decode("utf-8")
            why = None
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            why = (f"original '{name}' is not UTF-8 text (byte 0x{data[exc.start]:02x} on "
                   f"line {line})")
        if len(_CHECKED) > 200_000:
            _CHECKED.clear()
        _CHECKED[key] = why
    why = _CHECKED[key]
    return (why, _TEXT_HINT) if why else None


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
