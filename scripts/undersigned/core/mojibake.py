"""Mis-decoded text (UTF-8 read as cp1252 or Latin-1: 'Mexicoâ€™s', 'nations â the'): found
with ftfy, which undoes such mis-decodings, and with one pattern of our own for the common case
ftfy cannot see — the mis-decoded bytes after 'â' were dropped by the page that saved the text,
leaving a lone 'â' where an apostrophe or a dash was."""

from __future__ import annotations

import re

import ftfy
from ftfy.badness import is_bad

# a lone 'â' where an apostrophe was ('Mexicoâs', 'donât') or a dash ('nations â the')
_APOSTROPHE = re.compile(r"(?<=\w)â(?=(?:s|t|ll|re|ve|d|m)\b)")
_DASH = re.compile(r"(?<=\s)â(?=\s)")
_LONE = re.compile(r"(?<=[\w\s])â(?=[\s\W]|(?:s|t|ll|re|ve|d|m)\b)")


def looks_misdecoded(text: str) -> bool:
    """Text with a mis-decoding ftfy would undo, or a lone 'â' left by one."""
    if not any(c in text for c in "âÃÂÅÐ€™Ã"):
        return False  # the cheap common case: none of the marks a mis-decoding leaves
    return is_bad(text) or ftfy.fix_encoding(text) != text or bool(_LONE.search(text))


def repair(text: str) -> tuple[str, int]:
    """The text with mis-decodings undone, and how many lines changed. Only what is certain
    is repaired: ftfy's reversible fixes, a lone 'â' inside a contraction (an apostrophe)
    and one between spaces (a dash); any other lone 'â' is left for a person to read."""
    out, changed = [], 0
    for line in text.split("\n"):
        fixed = line
        if looks_misdecoded(line):
            fixed = ftfy.fix_encoding(line)
            fixed = _APOSTROPHE.sub("’", fixed)
            fixed = _DASH.sub("—", fixed)
        changed += fixed != line
        out.append(fixed)
    return "\n".join(out), changed
