"""Counts printed in the text ('signed by 27 Senators', 'fourteen Members', 'veintiséis
organizaciones', 'Sen. X and six colleagues') against the signers the archive holds for the
document: its own list, its named signers, or the list of a related document it announces."""

from __future__ import annotations

import re

from undersigned.audit.named import names_in
from undersigned.audit.numbers import number
from undersigned.audit.text import joined, paragraphs, words
from undersigned.audit.verdicts import Verdicts
from undersigned.core.archive import Archive
from undersigned.core.model import Letter
from undersigned.core.problems import Problem
from undersigned.core.vocabulary import COUNT_MODIFIERS as MODIFIERS
from undersigned.core.vocabulary import COUNT_NOUNS as NOUNS

_OF_CONGRESS = re.compile(r"\s(?:of\s(?:Congress|the\sHouse)|del\sCongreso)\b", re.I)
# 'and six colleagues', 'y otros cinco colegas': the count leaves out the one before it
OTHERS = re.compile(r"(?:\band|\by|\bwith|\bjoined\sby|\bjunto\sa)\s(?:(?:other|otros|otras)\s)?$"
                    r"|(?:\band|\by)\s$", re.I)
# 'In addition to Reps. A, B and C, the letter was signed by 27 Members': 27 besides them
IN_ADDITION = re.compile(r"\b(?:in\saddition\sto|besides|además\sde)\s(?P<span>.{0,400}?),\s"
                         r"(?:the\s|this\s|a\s)?(?:letter|it|la\scarta)\b", re.I)
HINT = ("check the list against the original: a signer may be missing (or the count counts "
        "something else — then say so in `acknowledged:`)")


def counts_in(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, as printed, value) of every count the paragraph prints before a noun of
    signers: 'twenty-two Members of Congress', 'treinta y dos organizaciones', '27 other
    Senators'."""
    out = []
    toks = words(text)
    for k, tok in enumerate(toks):
        if tok[0].lower() not in NOUNS:
            continue
        j = k - 1
        while j >= 0 and toks[j][0].lower() in MODIFIERS and joined(text, toks[j], toks[j + 1],
                                                                    r"\.?\s+"):
            j -= 1
        if j < 0 or not joined(text, toks[j], toks[j + 1], r"\.?\s+"):
            continue
        for first in (j - 2, j - 1, j):  # 'treinta y dos', 'twenty-two', 'fourteen'
            if first < 0 or not all(joined(text, toks[i], toks[i + 1], r"[\s-]+")
                                    for i in range(first, j)):
                continue
            value = number(text[toks[first].start():toks[j].end()])
            if value is not None:
                end = tok.end()
                if tail := _OF_CONGRESS.match(text, end):
                    end = tail.end()
                out.append((toks[first].start(), end, text[toks[first].start():end], value))
                break
    return out


def _lists(archive: Archive, letter: Letter) -> list[int]:
    """Sizes the count may describe: the document's signers, its named signers, and those of
    the documents it is related to (a release counts the letter it announces)."""
    sizes = {len(letter.signatures), len(letter.signers_named)}
    for other in archive.related.get(letter.slug, []):
        sizes.add(len(other.signatures))
    sizes.discard(0)
    return sorted(sizes)


def _besides(text: str, at: int) -> int:
    """How many signers an 'In addition to A, B and C' before position ``at`` names."""
    # (within the sentence's reach: a paragraph of many counts is not read again for each)
    found = list(IN_ADDITION.finditer(text[max(0, at - 600):at]))
    return len(names_in(found[-1]["span"])) if found else 0


def _fits(sizes: list[int], text: str, start: int, value: int) -> str | None:
    """None when the count fits a list, else what it was read as."""
    others = bool(OTHERS.search(text[max(0, start - 20):start]))
    besides = _besides(text, start)
    fits = {value + 1} if others else {value, value + 1}
    fits |= {value + besides} if besides else set()
    if fits & set(sizes):
        return None
    return f"{value} + 1" if others else f"{value} + {besides}" if besides else str(value)


def check(archive: Archive, verdicts: Verdicts, letter: Letter) -> None:
    rel = archive.rel(letter)
    sizes = _lists(archive, letter)
    partial = not letter.signatures and not any(  # a release naming some of the signers
        o.signatures for o in archive.related.get(letter.slug, []))
    for line, text in paragraphs(letter):
        for start, _end, printed, value in counts_in(text):
            if value < 2 or value > 5000:
                continue
            if re.search(r"\b(?:of|de|among|entre)\s$", text[max(0, start - 8):start]):
                continue  # 'one of fourteen Senators' counts nothing
            if not sizes:
                verdicts.unverified("printed counts of documents with no list")
                continue
            want = _fits(sizes, text, start, value)
            if want is None:
                verdicts.verified("printed counts")
                continue
            if partial and 2 * max(sizes) < value:
                verdicts.unverified("printed counts over twice the signers a release names "
                                    "(the letter is not in the archive)")
                continue
            verdicts.problem("count", letter, Problem(
                rel, line, f"the text prints '{printed}' ({want}), but the archive lists "
                f"{' or '.join(map(str, sizes))} signer{'s' if sizes[-1] != 1 else ''} for it",
                HINT))
