"""Reading ``letters/<slug>.md``: front matter with line numbers, and the body."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .registry import _yaml_hint
from .yamlfile import Located, YamlError, load_yaml

MAX_BYTES = 2_000_000  # a letter larger than this is refused, never parsed


@dataclass
class LetterSource:
    rel: str
    path: Path
    front: Located
    body: str
    body_line: int  # 1-based line where the body starts


def split_front_matter(text: str) -> tuple[str, str, int] | str:
    """(yaml, body, body_line), or an error message."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return "missing front matter: the file must start with a line '---'"
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:]), i + 2
    return "unterminated front matter: no closing '---' line"


def read_letter(path: Path, rel: str, root: Path) -> tuple[LetterSource | None, list[Problem]]:
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(root.resolve()):
            return None, [Problem(rel, None, "symlink points outside the archive",
                                  "copy the file into letters/ instead of linking to it")]
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [Problem(rel, None, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}",
                              "split the document or keep large attachments outside letters/")]
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(rel, data[: exc.start].count(b"\n") + 1, f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                              "re-save the file as UTF-8")]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    split = split_front_matter(text)
    if isinstance(split, str):
        return None, [Problem(rel, 1, split,
                              "start the file with '---', the YAML front matter, then '---'")]
    yaml_text, body, body_line = split
    try:
        front = load_yaml(yaml_text, offset=1)
    except YamlError as exc:
        line = exc.line
        hint = _yaml_hint("\n" + yaml_text, line)
        return None, [Problem(rel, line, exc.message, hint)]
    problems = [
        Problem(rel, again, f"duplicate key '{key}' in front matter (first on line {first})",
                "YAML keeps only the last one; remove or merge the duplicate")
        for _parent, key, first, again in front.duplicates
    ]
    if not isinstance(front.data, dict):
        return None, problems + [Problem(rel, 2, "front matter must be a mapping of keys",
                                         "write `key: value` lines between the '---' lines")]
    return LetterSource(rel, path, front, body, body_line), problems
