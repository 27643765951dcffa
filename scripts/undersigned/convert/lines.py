"""Source lines with their numbers, and the small regexes every stage shares."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from undersigned.core.vocabulary import LETTER_LEAD_IN

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS.update({"sept": 9, **{m: i for i, m in enumerate(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    .split(), start=1)}, "setiembre": 9})
_MONTH = r"(?P<month>[A-Za-z]{3,10})\.?"
# Every pattern here and in the other converter modules is written so that no text makes it
# backtrack more than a constant per character: no two quantifiers that can share characters
# stand next to each other or inside one another (`\s*,?\s*`, `[ \t]*\s*`, `(\s+\w+)*\s*`),
# whitespace runs are possessive (`\s++`) where what follows cannot be whitespace, and
# split_lines() caps every run of spaces at three (tests/unit/test_convert_redos.py).
DATE_RES = [
    # ('August 1,2005': a comma without its space)
    re.compile(_MONTH + r"\s++(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,\s*+|\s++)(?P<year>(?:19|20)\d{2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})\s++(?:de\s++)?" + _MONTH + r",?\s++(?:de\s++)?"
               r"(?P<year>(?:19|20)\d{2})\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
    # U.S. numeric dates, month first: 8/10/2016, 08/10/2016
    re.compile(r"(?<![\d/])(?P<mon>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d{2})\b"),
]

# a release's line that introduces the letter it reproduces (core/vocabulary.py): the release's
LEAD_IN_RE = re.compile(f"^(?:{LETTER_LEAD_IN})", re.I)
CLOSING_RE = re.compile(
    r"^(?:sincerely|sincerely yours|respectfully|respectfully yours|respectfully submitted|"
    r"yours truly|very truly yours|best regards|kind regards|regards|cordially|in solidarity|"
    r"with gratitude|with respect|atentamente|cordialmente|respetuosamente|sinceramente|"
    r"saludos(?: cordiales)?|un saludo cordial|en solidaridad|con respeto|"
    r"(?:muy )?atentamente(?: suyos?)?)\s*+(?:[,.]\s*+)?$", re.I)
# a line that says the text follows in another language: 'English below', 'Versión en
# español abajo', 'Leer en inglés', '>> Ver en Español', '(English version follows)'
LANGUAGE_MARK_RE = re.compile(
    r"^[\s>»(\[*_]*+(?:(?:read|see|view|ver|leer|lea|léa)\s++(?:it\s++|la\s++carta\s++|esta\s++carta\s++)?"
    r"(?:in|en)\s++(?:english|spanish|inglés|ingles|español|espanol)|"
    r"(?:english|spanish|versi[oó]n\s++en\s++(?:español|espanol|inglés|ingles)|"
    r"traducci[oó]n\s++(?:al|en)\s++(?:español|inglés))"
    r"(?:\s++(?:version|translation))?(?:\s++(?:below|follows|abajo|a continuaci[oó]n|m[aá]s abajo))?)"
    r"[\s.:)\]*_]*+$", re.I)
SALUTATION_RE = re.compile(r"^(?:dear|to)\s++[^.]{2,160}[,:;]\s*+$|^dear\s++\S.*$", re.I)
SUP_RE = re.compile(r"<sup>([^<]*)</sup>", re.I)  # the text inside: strip() it
FOOTDEF_RE = re.compile(r"^\s*+<sup>\s*+(\d{1,3})\s*+</sup>\s*+(.*)$", re.I)
RULE_RE = re.compile(r"^\s*+(?:-{3,}|\*{3,}|_{3,})\s*+$")
END_MARK_RE = re.compile(r"^\s*+(?:#\s*+#\s*+#|-\s*+30\s*+-|\*\*\*END\*\*\*)\s*+$")
# the spaces of a line: every Unicode space (str.isspace) that is not a tab, a line break or a
# form feed: NBSP, the Ogham space, U+2000-U+200A, narrow NBSP, math space, ideographic space
_OTHER_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACE_RUN = re.compile(f"[\t {_OTHER_SPACES}]{{2,}}|[{_OTHER_SPACES}]")


def _space_run(m: re.Match[str]) -> str:
    """A run of spaces read for detection: one or two spaces stay as they are, a longer run is
    three spaces (a gap between columns), a run holding a tab is a tab; any other Unicode space
    (NBSP, em space, ...) is a space. Words are never touched."""
    run = m.group()
    if "\t" in run:
        return "\t"
    return " " * min(len(run), 3)


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line in the source file
    text: str
    greets: bool = False  # a salutation without 'Dear' a scrape's reader found (flattened.py)

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def s(self) -> str:
        return self.text.strip()


def split_lines(text: str) -> list[Line]:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for no, raw in enumerate(text.split("\n"), start=1):
        clean = raw.replace("\u200b", "").replace("\ufeff", "").replace("\u2028", " ")
        clean = _SPACE_RUN.sub(_space_run, clean).rstrip()
        out.append(Line(no, clean))
    return out


def _month(m: re.Match[str]) -> int | None:
    if m.groupdict().get("mon"):
        return int(m.group("mon"))
    return MONTHS.get(m.group("month").lower())


def find_date(text: str) -> dt.date | None:
    """The first real calendar date written in ``text``."""
    for rx in DATE_RES:
        for m in rx.finditer(text):
            month = _month(m)
            if month is None:
                continue
            try:
                return dt.date(int(m.group("year")), month, int(m.group("day")))
            except ValueError:
                continue
    return None


def is_date_line(text: str) -> bool:
    s = text.strip().strip("*").strip()
    if not s or len(s) > 60:
        return False
    for rx in DATE_RES:
        for m in rx.finditer(s):
            if _month(m) and len(s) - len(m.group(0)) <= 30:
                return True
    return False


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def is_prose(text: str) -> bool:
    """A sentence-like line: long, or several words ending in sentence punctuation."""
    s = text.strip()
    n = len(words(s))
    return n >= 18 or (n >= 8 and s[-1:] in ".?!\"”")


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines."""
    out: list[list[Line]] = []
    cur: list[Line] = []
    for line in lines:
        if line.blank:
            if cur:
                out.append(cur)
                cur = []
        else:
            cur.append(line)
    if cur:
        out.append(cur)
    return out
