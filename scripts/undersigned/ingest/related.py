"""Linking a press release to the letters it announces (by date, recipients and signers named in its text)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from undersigned.convert.document import ConvertedDocument, FrontMatter, Party
from undersigned.core.model import Letter
from undersigned.core.names import bare_tokens, fold


def _surname(name: str) -> str:
    tokens = bare_tokens(name)
    return tokens[-1] if tokens else ""


def link_related(press: ConvertedDocument, letters: list[tuple[str, FrontMatter]],
                 ) -> tuple[list[str], list[str]]:
    """Slugs of letters a press release announces: (chosen, other candidates).

    ``letters`` are (slug, front matter) of letters in this run and in the archive."""
    text = fold(press.body)
    day = press.front.date
    if "letter" not in text or not isinstance(day, dt.date):
        return [], []
    scored: list[tuple[int, str]] = []
    for slug, meta in letters:
        when = meta.date
        if not isinstance(when, dt.date) or abs((when - day).days) > 10:
            continue
        rec = [_surname(r.name) for r in meta.recipients]
        if not any(s and re.search(rf"\b{re.escape(s)}\b", text) for s in rec):
            continue
        signers = {_surname(s.name) for s in meta.signatories} - {""}
        hits = sum(1 for s in signers if re.search(rf"\b{re.escape(s)}\b", text))
        if hits:
            scored.append((hits, slug))
    scored.sort(reverse=True)
    if not scored:
        return [], []
    best = [s for h, s in scored if h == scored[0][0]]
    if len(best) == 1:
        return best, [s for _h, s in scored[1:]]
    return [], best


def letter_meta(letter: Letter) -> FrontMatter:
    """What linking reads of a letter in the archive: its date and printed names."""
    return FrontMatter(date=letter.date, recipients=[Party(r.name) for r in letter.recipients],
                       signatories=[Party(s.name) for s in letter.signatures])


def link_originals(docs: list[ConvertedDocument]) -> None:
    """The documents of one imported file: a release's related letters (those it reproduces),
    and every document's published original (the file, named after the first document)."""
    embedded = [d.slug for d in docs if d.role == "embedded"]
    if docs[0].front.type != "letter" and embedded:
        docs[0].front.related = embedded
    for doc in docs:
        doc.front.source = replace(doc.front.source, original=f"{docs[0].slug}.txt")
