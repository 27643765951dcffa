"""A correction of a document's text, in words (the changes page and feed)."""

from __future__ import annotations

import difflib


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def text_change(before: str, after: str, quoted: int = 3) -> str:
    """A correction of a document's text in words: the words replaced when they are few
    ('text corrected: ‘Hutchinson’ → ‘Hutchison’'), else how many words were added and
    removed, or that only its line breaks and spacing changed."""
    a, b = before.split(), after.split()
    if a == b:
        return "text re-flowed (line breaks and spacing only)"
    if len(a) + len(b) > 200_000:  # (a comparison of two very long texts would take seconds)
        return "text corrected"
    ops = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    small = len(ops) <= quoted and all(max(i2 - i1, j2 - j1) <= 4 for _t, i1, i2, j1, j2 in ops)
    if small:
        parts = []
        for tag, i1, i2, j1, j2 in ops:
            old, new = " ".join(a[i1:i2]), " ".join(b[j1:j2])
            parts.append(f"‘{_short(new)}’ added" if tag == "insert" else
                         f"‘{_short(old)}’ removed" if tag == "delete" else
                         f"‘{_short(old)}’ → ‘{_short(new)}’")
        return "text corrected: " + ", ".join(parts)
    added = sum(j2 - j1 for tag, _i1, _i2, j1, j2 in ops if tag in ("insert", "replace"))
    removed = sum(i2 - i1 for tag, i1, i2, _j1, _j2 in ops if tag in ("delete", "replace"))
    words = [_count(added, "word", "words") + " added"] if added else []
    words += [_count(removed, "word", "words") + " removed"] if removed else []
    return f"text corrected ({', '.join(words)})"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
