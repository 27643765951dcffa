"""Where things are in a letter file: the body's lines with their line numbers, a front-matter
field's line, and a document's hand edits declared in `edited:`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from undersigned.core.model import Letter

_FENCE = re.compile(r"^\s*(```|~~~)")


def body_lines(letter: Letter) -> Iterator[tuple[int, str]]:
    """(line number in the file, text) of every body line outside code fences."""
    fenced = False
    for n, line in enumerate(letter.body.split("\n")):
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
def _front(path: Path, mtime: float) -> tuple[list[str], dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return [], {}
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return [], {}
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return [], {}
    head = lines[1:end]
    try:
        data = yaml.safe_load("\n".join(head)) or {}
    except yaml.YAMLError:
        data = {}
    return head, data if isinstance(data, dict) else {}


def front_matter(letter: Letter) -> tuple[list[str], dict[str, Any]]:
    try:
        mtime = letter.path.stat().st_mtime
    except OSError:
        mtime = 0.0
    return _front(letter.path, mtime)


def field_line(letter: Letter, key: str) -> int | None:
    """The file line of a front-matter key (``date:`` -> 3)."""
    head, _ = front_matter(letter)
    for n, line in enumerate(head, start=2):
        if line.startswith(f"{key}:"):
            return n
    return None


def _reasons(letter: Letter, key: str) -> dict[str, str]:
    _, data = front_matter(letter)
    value = data.get(key)
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
