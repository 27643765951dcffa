"""Where things are in a letter file: the body's lines with their line numbers, a front-matter
field's line, and a document's hand edits declared in `edited:`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from undersigned.core.model import Letter
from undersigned.core.yamlfile import Located, YamlError, load_yaml

_FENCE = re.compile(r"^\s*(```|~~~)")


# the last letter's body lines (the audit runs every check on a letter before the next, and
# a body is read from its file: audit/run.py); one tuple, replaced whole
_last: tuple[Letter | None, list[str]] = (None, [])


def _lines(letter: Letter) -> list[str]:
    global _last
    held, lines = _last
    if held is not letter:
        lines = letter.body.split("\n")
        _last = (letter, lines)
    return lines


def body_lines(letter: Letter) -> Iterator[tuple[int, str]]:
    """(line number in the file, text) of every body line outside code fences."""
    fenced = False
    for n, line in enumerate(_lines(letter)):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield letter.body_line + n, line


def paragraphs(letter: Letter) -> Iterator[tuple[int, str]]:
    """(first line number, text joined with spaces) of every body paragraph."""
    start, parts = 0, list[str]()
    for n, line in body_lines(letter):
        if line.strip():
            if not parts:
                start = n
            parts.append(line.strip())
        elif parts:
            yield start, " ".join(parts)
            parts = []
    if parts:
        yield start, " ".join(parts)


@lru_cache(maxsize=4096)
def _head(path: Path, mtime: float) -> str | None:
    """The front matter's text (None when the file has none, or is changed or gone since;
    only a letter `check` found well-formed is audited)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if not lines or lines[0].strip() != "---" or end is None:
        return None
    return "\n".join(lines[1:end])


@lru_cache(maxsize=4096)
def _front(path: Path, mtime: float) -> Located:
    """The front matter, read with the archive's one guarded YAML loader."""
    head = _head(path, mtime)
    if head is None:
        return Located({})
    try:
        return load_yaml(head, offset=1)
    except YamlError:
        return Located({})


def _mtime(letter: Letter) -> float:
    try:
        return letter.path.stat().st_mtime
    except OSError:
        return 0.0


def front_matter(letter: Letter) -> Located:
    return _front(letter.path, _mtime(letter))


def field_line(letter: Letter, key: str) -> int | None:
    """The file line of a front-matter key (``date:`` -> 3)."""
    return front_matter(letter).lines.get((key,))


def _reasons(letter: Letter, key: str) -> dict[str, str]:
    mtime = _mtime(letter)
    head = _head(letter.path, mtime)
    if head is None or key not in head:  # (most documents declare none: no YAML read)
        return {}
    data = _front(letter.path, mtime).data
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items()}


def edited(letter: Letter) -> dict[str, str]:
    """The hand edits a document declares: field -> reason (`edited: {recipients: "…"}`)."""
    return _reasons(letter, "edited")


def acknowledged(letter: Letter) -> dict[str, str]:
    """Findings a document's source itself causes: check -> reason
    (`acknowledged: {count: "the release says 'seven members' and names ten"}`)."""
    return _reasons(letter, "acknowledged")


_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[re.Match[str]]:
    """The words and numbers of a paragraph with their places (one pass; the checks then
    look words up in sets instead of running long alternations over every position)."""
    return list(_WORD.finditer(text))


def joined(text: str, left: re.Match[str], right: re.Match[str], gap: str) -> bool:
    """The two words are separated by exactly what ``gap`` (a pattern) allows."""
    return re.fullmatch(gap, text[left.end():right.start()]) is not None
