"""Press-release text inside a letter's body ('Below is the text of the letter…', '###',
'-30-', 'For more information, contact…') and marks that render as empty headings."""

from __future__ import annotations

import re

from undersigned.audit.text import body_lines
from undersigned.audit.verdicts import Verdicts
from undersigned.core.archive import Archive
from undersigned.core.model import Letter
from undersigned.core.problems import Problem
from undersigned.core.vocabulary import LETTER_LEAD_IN

RELEASE_LINES = re.compile(
    rf"^(?:{LETTER_LEAD_IN})|"  # (what the converter leaves in the release: core/vocabulary.py)
    r"^\W{0,3}(?:below\s(?:is|are)\s(?:the\s)?(?:full\s)?text|the\s(?:full\s)?text\sof\sthe\s"
    r"letter\s(?:is|follows|can\sbe)|(?:the\s)?(?:full\s)?letter\s(?:can\sbe\s(?:viewed|found|"
    r"read)|is\savailable)|for\smore\sinformation,?\s(?:please\s)?contact|media\scontacts?:|"
    r"press\scontacts?:|contact:|###|-\s?30\s?-|\*\*\*\s*$|click\shere\sto\s(?:read|view|see)|"
    r"lea\sla\scarta|para\smás\sinformación)", re.I)
EMPTY_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*#*\s*$")
HINT_RELEASE = ("this is the release's text, not the letter's: remove it from the letter's "
                "body (the release keeps it)")
HINT_HEADING = ("a line of only '#' renders as an empty heading: write it as printed in a "
                "code span or escape it (\\#\\#\\#), or remove it if it is page furniture")


def check(archive: Archive, verdicts: Verdicts, letter: Letter) -> None:
    rel = archive.rel(letter)
    for line, text in body_lines(letter):
        if EMPTY_HEADING.match(text):
            verdicts.problem("empty-heading", letter, Problem(
                rel, line, f"'{text.strip()}' renders as an empty "
                                     "heading", HINT_HEADING))
        elif letter.type == "letter" and RELEASE_LINES.match(text.strip()):
            verdicts.problem("release-text", letter, Problem(
                rel, line, f"press-release text inside a letter: "
                f"'{_short(text.strip())}'", HINT_RELEASE))


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
