"""Each letter's findings kept between two runs of `undersigned check`, keyed by everything they
are made of, never by time.

A fact check of one letter reads: the letter's file (its bytes), the documents related to it
(in either direction: their bytes), the registry and topics files, the package's code and its
bundled data (the Members' terms, the officeholders). The entry of a letter is keyed by all of
them — the letter's path and bytes, and its related documents' slugs and bytes, in the
entry's key; the registry, topics, code and data in the cache's context — so it is found only
for exactly the inputs that produced it, and anything else is checked again. It lives in a
database of its own beside the parse cache (core/cache.py: the same folder, MAC and
``UNDERSIGNED_CACHE=0``); what the checks decide is unchanged (tests/unit/test_audit_memo.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from undersigned.audit.verdicts import Verdicts
from undersigned.core.archive import Archive
from undersigned.core.cache import LetterCache, data_version, digest
from undersigned.core.model import Letter
from undersigned.core.problems import Problem

FORMAT = "audit 1"  # a new payload layout never reads entries of an older one
PREFETCH = 400  # entries read per query


def _where(letter: Letter) -> str:
    """The letter's path as its findings print it: a symlink's target (core/problems.relpath
    resolves it), so a link replaced by a copy of the same bytes is another entry."""
    path = letter.path
    return os.path.realpath(path) if os.path.islink(path) else path.as_posix()


def _key(archive: Archive, letter: Letter) -> str | None:
    """The letter's bytes and its related documents' slugs and bytes (None: not cacheable)."""
    own = archive.hashes.get(letter.slug)
    if own is None:
        return None
    parts = [own]
    for other in archive.related.get(letter.slug, []):
        theirs = archive.hashes.get(other.slug)
        if theirs is None:
            return None
        parts.append(f"{other.slug}:{theirs}")
    return digest("\0".join(parts).encode())


def _pack(parts: list[Verdicts], declared: list[str]) -> dict[str, Any]:
    """Flat lists, each row led by the check's place in CHECKS (most letters find nothing of
    most checks: no row)."""
    return {"problems": [[k, p.path, p.line, p.message, p.hint]
                         for k, v in enumerate(parts) for p in v.problems],
            "checked": [[k, what, n] for k, v in enumerate(parts)
                        for what, n in v.checked.items()],
            "not_verified": [[k, what, n] for k, v in enumerate(parts)
                             for what, n in v.not_verified.items()],
            "acknowledged": [[k, path, key, n] for k, v in enumerate(parts)
                             for (path, key), n in v.acknowledged.items()],
            "declared": declared}


def add_stored(payload: dict[str, Any], into: list[Verdicts], warning: bool
               ) -> list[str] | None:
    """Add a stored letter's findings to ``into`` (one Verdicts per check; problems made as
    warnings or errors) and return its declared acknowledgements; None, adding nothing, for a
    payload of another shape."""
    try:
        problems = [(int(k), Problem(str(path), line if isinstance(line, int) else None,
                                     str(message), str(hint), warning=warning))
                    for k, path, line, message, hint in payload["problems"]]
        counts = [(int(k), str(what), int(n)) for k, what, n in payload["checked"]]
        missed = [(int(k), str(what), int(n)) for k, what, n in payload["not_verified"]]
        acknowledged = [(int(k), (str(path), str(key)), int(n))
                        for k, path, key, n in payload["acknowledged"]]
        declared = [str(key) for key in payload["declared"]]
        if any(not 0 <= k < len(into) for k in (*(x[0] for x in problems),
                                                 *(x[0] for x in counts),
                                                 *(x[0] for x in missed),
                                                 *(x[0] for x in acknowledged))):
            return None
    except (KeyError, TypeError, ValueError):
        return None
    for k, problem in problems:
        into[k].problems.append(problem)
    for k, what, n in counts:
        into[k].checked[what] += n
    for k, what, n in missed:
        into[k].not_verified[what] += n
    for k, pair, n in acknowledged:
        into[k].acknowledged[pair] += n
    return declared


class Findings:
    """The findings of earlier runs, looked up a letter at a time in the archive's order."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.keep: set[tuple[str, str]] = set()
        # the registry and topics the archive was loaded with (never read again here: a file
        # saved since would key old findings as new); none known: nothing is kept
        self.cache = LetterCache(
            Path(archive.root), digest(f"{FORMAT} {archive.context} {data_version()}".encode()),
            archive.settings, kind="audit") if archive.context else None

    def prefetch(self, letters: list[Letter]) -> None:
        if self.cache is not None:
            self.cache.prefetch([_where(x) for x in letters])

    def get(self, letter: Letter) -> tuple[tuple[str, str] | None, dict[str, Any] | None]:
        """(the letter's place and key, its stored payload) or Nones (not cacheable)."""
        key = _key(self.archive, letter)
        if key is None or self.cache is None:
            return None, None
        entry = (_where(letter), key)
        self.keep.add(entry)
        return entry, self.cache.get(*entry)

    def put(self, entry: tuple[str, str], parts: list[Verdicts], declared: list[str]) -> None:
        """Keep a letter's findings (one Verdicts per check, in CHECKS' order)."""
        if self.cache is not None:
            self.cache.put(*entry, _pack(parts, declared))

    def save(self) -> None:
        """Write the new entries, drop those of letters and versions gone, close."""
        if self.cache is not None:
            self.cache.save(self.keep)
            self.cache.close()
