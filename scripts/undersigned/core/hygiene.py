"""Characters that have no place in the archive's text: control characters that break XML and
terminals, line separators that JavaScript and YAML read differently, and the invisible
characters (bidi overrides, zero-width, every default-ignorable code point) that make one name
look like another or reorder what a reader sees, and what XML 1.0 forbids (U+FFFE, U+FFFF, lone
surrogates). ``check`` refuses them with their line; ``import`` removes them before it writes."""

from __future__ import annotations

import re
from typing import Any

from undersigned.core.characters import BODY, METADATA, describe
from undersigned.core.problems import Problem


def bad_lines(rel: str, text: str, first: int, pattern: re.Pattern[str]) -> list[Any]:
    """One problem per line of ``text`` (numbered from ``first``) holding such a character."""
    if not pattern.search(text):
        return []
    out = []
    for n, line in enumerate(text.split("\n"), start=first):
        bad = first_bad(line, pattern)
        if bad:
            out.append(Problem(rel, n, f"invisible or control character {describe(bad)}",
                               "delete it (retype the text around it); `undersigned import` "
                               "removes such characters by itself"))
    return out


def first_bad(text: str, pattern: re.Pattern[str] = METADATA) -> str | None:
    match = pattern.search(text)
    return match.group() if match else None


def clean(text: str, pattern: re.Pattern[str] = METADATA) -> str:
    """Line separators become spaces (newlines in a body); everything else matched goes."""
    if not pattern.search(text):
        return text
    sep = "\n" if pattern is BODY else " "
    text = re.sub("[\u2028\u2029\x85]", sep, text)
    return pattern.sub("", text)


def escaped(rel: str, data: Any, line_of: Any, reported: set[Any]) -> list[Any]:
    """Problems for such characters written as escapes inside double quotes ("\u202e"),
    found in the parsed values; ``line_of(path)`` gives a value's line, lines in
    ``reported`` already have a problem."""
    out = []
    for where, bad in bad_values(data):
        line = line_of(where)
        if line not in reported:
            reported.add(line)
            out.append(Problem(rel, line, f"invisible or control character {describe(bad)}",
                               "delete the escape sequence"))
    return out


def bad_values(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], str]]:
    """(key path, first bad character) of every string in parsed front matter."""
    if isinstance(value, str):
        bad = first_bad(value)
        return [(path, bad)] if bad else []
    if isinstance(value, list):
        return [hit for i, v in enumerate(value) for hit in bad_values(v, path + (i,))]
    if isinstance(value, dict):
        return [hit for k, v in value.items() for hit in bad_values(v, path + (k,))]
    return []
