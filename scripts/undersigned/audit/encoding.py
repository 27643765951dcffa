"""Mis-decoded text in a document's body or title (core/mojibake.py)."""

from __future__ import annotations

from undersigned.audit.text import body_lines, field_line
from undersigned.audit.verdicts import Verdicts
from undersigned.core.archive import Archive
from undersigned.core.model import Letter
from undersigned.core.mojibake import looks_misdecoded, repair
from undersigned.core.problems import Problem

HINT = ("the text was decoded with the wrong encoding: replace it with what the original "
        "means (`undersigned import` repairs this on import and says so)")


def check(archive: Archive, verdicts: Verdicts, letter: Letter) -> None:
    rel = archive.rel(letter)
    found = [(field_line(letter, "title"), letter.title)] \
        if looks_misdecoded(letter.title) else []
    found += [(n, text) for n, text in body_lines(letter) if looks_misdecoded(text)]
    for line, text in found:
        fixed, _ = repair(text)
        said = _excerpt(text, fixed)
        verdicts.problem("mis-decoded", letter,
                         Problem(rel, line, f"mis-decoded text: {said}", HINT))


def _excerpt(text: str, fixed: str) -> str:
    """The first place the text and its repair differ, in a few words each."""
    i = next((k for k, (a, b) in enumerate(zip(text, fixed, strict=False)) if a != b), None)
    if i is None:
        j = next((k for k, c in enumerate(text) if c in "âÃÂ"), 0)
        return f"'{text[max(0, j - 20):j + 20].strip()}'"
    start = max(0, i - 20)
    return (f"'{text[start:i + 20].strip()}' (probably "
            f"'{fixed[start:i + 18].strip()}')")
