"""Reading ``letters/<slug>.md``: front matter with line numbers, and the body."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from undersigned.core.cache import digest
from undersigned.core.characters import BODY, METADATA, YAML_UNREADABLE
from undersigned.core.hygiene import bad_lines, escaped
from undersigned.core.problems import Problem
from undersigned.core.yamlfile import (
    Located,
    YamlError,
    decode_text,
    load_yaml,
    read_text,
    yaml_hint,
)

MAX_BYTES = 2_000_000  # a letter larger than this is refused, never parsed


@dataclass
class LetterSource:
    rel: str
    path: Path
    front: Located
    body: str
    body_line: int  # 1-based line where the body starts


class LetterChanged(Exception):
    """A letter's file no longer holds the bytes the build checked."""


@dataclass(frozen=True, slots=True)
class BodyInFile:
    """A letter's body left in its file until a page needs it: the file, the hash of the bytes
    that were checked, and where the body begins in their decoded text. Reading it again gives
    exactly what was checked, or fails: a file changed during a build is never published
    half-old, half-new."""

    path: Path
    content_hash: str
    offset: int

    def read(self) -> str:
        try:
            with self.path.open("rb") as handle:  # never more than a letter may hold
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise LetterChanged(f"{self.path}: could not be read again after it was checked "
                                f"({exc.strerror})") from None
        if digest(data) != self.content_hash:
            raise LetterChanged(f"{self.path}: changed after it was checked")
        text, _ = decode_text(data, "")
        return (text or "")[self.offset:]


def split_front_matter(text: str) -> tuple[str, str, int] | str:
    """(yaml, body, body_line), or an error message."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return "missing front matter: the file must start with a line '---'"
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:]), i + 2
    return "unterminated front matter: no closing '---' line"


def too_large(size: int, rel: str) -> Problem:
    return Problem(rel, None, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}",
                   "split the document or keep large attachments outside letters/")


def read_letter(path: Path, rel: str, root: Path, data: bytes | None = None
                ) -> tuple[LetterSource | None, list[Problem]]:
    """Parse one letter file (``data``: its bytes when already read, checked for size)."""
    if data is None:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # reported by read_text
        if size > MAX_BYTES:
            return None, [too_large(size, rel)]
        text, problems = read_text(path, rel)
    else:
        text, problems = decode_text(data, rel)
    if text is None:
        return None, problems
    split = split_front_matter(text)
    if isinstance(split, str):
        return None, [Problem(rel, 1, split,
                              "start the file with '---', the YAML front matter, then '---'")]
    yaml_text, body, body_line = split
    characters = bad_lines(rel, yaml_text, 2, METADATA) + bad_lines(rel, body, body_line, BODY)
    if YAML_UNREADABLE.search(yaml_text):  # the YAML reader would refuse it, without a line
        return None, characters
    try:
        front = load_yaml(yaml_text, offset=1)
    except YamlError as exc:
        hint = exc.hint or yaml_hint("\n" + yaml_text, exc.line)
        return None, [Problem(rel, exc.line, exc.message, hint)]
    problems = [
        Problem(rel, again, f"duplicate key '{key}' in front matter (first on line {first})",
                "YAML keeps only the last one; remove or merge the duplicate")
        for _parent, key, first, again in front.duplicates
    ]
    if not isinstance(front.data, dict):
        return None, problems + [Problem(rel, 2, "front matter must be a mapping of keys",
                                         "write `key: value` lines between the '---' lines")]
    if "\\" in yaml_text:  # escapes inside double quotes: "\u202e"
        characters += escaped(rel, front.data, lambda where: front.line(*where, default=2),
                              {p.line for p in characters})
    problems += sorted(characters)
    return LetterSource(rel, path, front, body, body_line), problems



