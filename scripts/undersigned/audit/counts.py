"""Counts printed in the text ('signed by 27 Senators', 'fourteen Members', 'veintiséis
organizaciones', 'Sen. X and six colleagues') against the signers the archive holds for the
document: its own list, its named signers, or the list of a related document it announces."""

from __future__ import annotations

import re

from undersigned.audit.named import names_in
from undersigned.audit.numbers import NUMBER_RE, number
from undersigned.audit.text import paragraphs
from undersigned.audit.verdicts import Verdicts
from undersigned.core.archive import Archive
from undersigned.core.model import Letter
from undersigned.core.problems import Problem, relpath

_WHO = (r"(?:(?:other\s|fellow\s|additional\s|more\s|bipartisan\s|democratic\s|republican\s|"
        r"house\s|senate\s|u\.?s\.?\s)*(?:members?(?:\sof\s(?:congress|the\shouse))?|senators|"
        r"representatives|lawmakers|legislators|colleagues|signatories|signers|organizations|"
        r"groups|congressmembers|congresspeople|"
        r"organizaciones|miembros(?:\sdel\scongreso)?|senadores|representantes|congresistas|"
        r"firmantes|colegas))")
COUNT = re.compile(rf"\b(?P<n>{NUMBER_RE})\s(?P<who>{_WHO})\b", re.I)
# 'and six colleagues', 'y otros cinco colegas': the count leaves out the one before it
OTHERS = re.compile(r"(?:\band|\by|\bwith|\bjoined\sby|\bjunto\sa)\s(?:(?:other|otros|otras)\s)?$"
                    r"|(?:\band|\by)\s$", re.I)
# 'In addition to Reps. A, B and C, the letter was signed by 27 Members': 27 besides them
IN_ADDITION = re.compile(r"\b(?:in\saddition\sto|besides|además\sde)\s(?P<span>.{0,400}?),\s"
                         r"(?:the\s|this\s|a\s)?(?:letter|it|la\scarta)\b", re.I)
HINT = ("check the list against the original: a signer may be missing (or the count counts "
        "something else — then say so in `edited:`)")


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
    found = [m for m in IN_ADDITION.finditer(text[:at])]
    return len(names_in(found[-1]["span"])) if found else 0


def _fits(archive: Archive, letter: Letter, text: str, start: int, value: int) -> str | None:
    """None when the count fits a list, else what it was read as."""
    sizes = _lists(archive, letter)
    others = bool(OTHERS.search(text[max(0, start - 20):start]))
    besides = _besides(text, start)
    fits = {value + 1} if others else {value, value + 1}
    fits |= {value + besides} if besides else set()
    if fits & set(sizes):
        return None
    return f"{value} + 1" if others else f"{value} + {besides}" if besides else str(value)


def check(archive: Archive, verdicts: Verdicts) -> None:
    for letter in archive.letters:
        rel = relpath(letter.path, archive.root)
        for line, text in paragraphs(letter):
            for m in COUNT.finditer(text):
                value = number(m["n"])
                if value is None or value < 2 or value > 5000:
                    continue
                if re.search(r"\b(?:of|de|among|entre)\s$", text[max(0, m.start() - 8):m.start()]):
                    continue  # 'one of fourteen Senators' counts nothing
                sizes = _lists(archive, letter)
                if not sizes:
                    verdicts.unverified("printed counts of documents with no list")
                    continue
                want = _fits(archive, letter, text, m.start(), value)
                if want is None:
                    verdicts.verified("printed counts")
                    continue
                if not letter.signatures and 2 * max(sizes) < value and not any(
                        o.signatures for o in archive.related.get(letter.slug, [])):
                    verdicts.unverified("printed counts over twice the signers a release names "
                                        "(the letter is not in the archive)")
                    continue
                verdicts.problem("count", letter, Problem(
                    rel, line, f"the text prints '{m[0]}' ({want}), but the archive lists "
                    f"{' or '.join(map(str, sizes))} signer{'s' if sizes[-1] != 1 else ''} for it",
                    HINT))
