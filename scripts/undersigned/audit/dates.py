"""Dates printed in a document's text that contradict its date: a weekday printed with a day
and month ('Tuesday, April 7') that does not fall on that weekday in the document's year, and
a full date later than the document's own (a deadline or a planned event excepted)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from undersigned.audit.text import joined, paragraphs, words
from undersigned.audit.verdicts import Verdicts
from undersigned.core.archive import Archive
from undersigned.core.model import Letter
from undersigned.core.problems import Problem

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({m: i for i, m in enumerate(
    ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
     "octubre", "noviembre", "diciembre"], start=1)})
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12, "setiembre": 9})
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
WEEKDAYS.update({d: i for i, d in enumerate(
    ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"])})
WEEKDAYS.update({"miercoles": 2, "sabado": 5})

_DAY = re.compile(r"([0-3]?\d)(?:st|nd|rd|th)?", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Printed:
    """A date as a paragraph prints it: 'Tuesday, April 7', '7 de abril de 2020'."""

    start: int
    end: int
    month: int
    day: int
    year: int | None
    weekday: int | None

    def text(self, paragraph: str) -> str:
        return paragraph[self.start:self.end]


def _word(toks: list[re.Match[str]], i: int, table: dict[str, int]) -> int | None:
    return table.get(toks[i][0].lower()) if 0 <= i < len(toks) else None


def _is_de(toks: list[re.Match[str]], i: int) -> bool:
    return 0 <= i < len(toks) and toks[i][0].lower() == "de"


def _year_at(text: str, toks: list[re.Match[str]], i: int, gap: str) -> bool:
    return 0 < i < len(toks) and bool(_YEAR.fullmatch(toks[i][0])) \
        and joined(text, toks[i - 1], toks[i], gap)


def _month_first(text: str, toks: list[re.Match[str]], k: int
                 ) -> tuple[int, int, int, int | None] | None:
    """'April 7, 2020' around the day at ``k``: (first, last token, month, year)."""
    month = _word(toks, k - 1, MONTHS)
    if not month or not joined(text, toks[k - 1], toks[k], r"\.?\s"):
        return None
    if _year_at(text, toks, k + 1, r",?\s"):
        return k - 1, k + 1, month, int(toks[k + 1][0])
    return k - 1, k, month, None


def _day_first(text: str, toks: list[re.Match[str]], k: int
               ) -> tuple[int, int, int, int | None] | None:
    """'7 April 2020' / '7 de abril de 2020' from the day at ``k``."""
    m = k + 2 if _is_de(toks, k + 1) else k + 1
    month = _word(toks, m, MONTHS)
    if not month or not joined(text, toks[m - 1], toks[m], r"\s"):
        return None
    y = m + 2 if _is_de(toks, m + 1) else m + 1
    if _year_at(text, toks, y, r"\.?,?\s"):
        return k, y, month, int(toks[y][0])
    return k, m, month, None


def printed_dates(text: str) -> list[Printed]:
    """Every day and month a paragraph prints, month first ('April 7, 2020') or day first
    ('7 April 2020', '7 de abril de 2020'), with the year and the weekday printed with it."""
    toks, out = words(text), []
    for k, tok in enumerate(toks):
        day = _DAY.fullmatch(tok[0])
        found = day and (_month_first(text, toks, k) or _day_first(text, toks, k))
        if not day or not found:
            continue
        first, last, month, year = found
        weekday = _word(toks, first - 1, WEEKDAYS)
        if weekday is not None and not joined(text, toks[first - 1], toks[first], r",?\s"):
            weekday = None
        start = toks[first - 1 if weekday is not None else first].start()
        out.append(Printed(start, toks[last].end(), month, int(day[1]), year, weekday))
    return out


# words before a later date that make it a deadline or a plan, not a date of the past
FUTURE = re.compile(
    r"\b(?:by|until|till|before|through|thru|no later than|expires?|expiring|expiration|"
    r"deadline|due|scheduled|set to|will|would|planned|begin(?:ning)?|starting|effective|"
    r"hasta|antes del?|a partir del?)\b[^.;]{0,40}$", re.I)
HINT_WEEKDAY = ("the document's date is probably wrong (a scrape or publication date?): "
                "set `date:` to the day the text gives and rename the file")
HINT_LATER = ("a document cannot speak of a past event after its own date: check `date:` "
              "against the text (a deadline or plan is not reported)")


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _years_fitting(month: int, day: int, weekday: int, around: int) -> list[int]:
    return [y for y in range(around - 3, around + 4)
            if (d := _date(y, month, day)) is not None and d.weekday() == weekday]


def _weekday(letter: Letter, where: tuple[str, int | None], text: str, p: Printed
             ) -> Problem | None:
    """A weekday printed with a day and month that does not fall on them (None if it does)."""
    assert p.weekday is not None
    year = p.year or letter.date.year
    when = _date(year, p.month, p.day)
    if when is None or when.weekday() == p.weekday:
        return None
    fits = _years_fitting(p.month, p.day, p.weekday, year)
    said = f"it does in {', '.join(map(str, fits))}" if fits else "in no year within three of it"
    return Problem(*where, f"'{p.text(text)}' is printed, but {when:%B} {p.day}, {year} is a "
                   f"{when:%A}; {said} (the document is dated {letter.date})", HINT_WEEKDAY)


def _later(letter: Letter, where: tuple[str, int | None], text: str, p: Printed
           ) -> Problem | None:
    """A full date after the document's own that is no deadline or plan."""
    when = _date(p.year, p.month, p.day) if p.year else None
    if when is None or when <= letter.date or FUTURE.search(text[max(0, p.start - 60):p.start]):
        return None
    return Problem(*where, f"the text prints '{p.text(text)}', {(when - letter.date).days} "
                   f"days after the document's date {letter.date}", HINT_LATER)


def check(archive: Archive, verdicts: Verdicts, letter: Letter) -> None:
    rel = archive.rel(letter)
    for line, text in paragraphs(letter):
        for p in printed_dates(text):
            if p.weekday is not None:
                found = _weekday(letter, (rel, line), text, p)
                if found:
                    verdicts.problem("weekday", letter, found)
                elif _date(p.year or letter.date.year, p.month, p.day):  # (no 'April 31')
                    verdicts.verified("weekdays printed with a date")
            if later := _later(letter, (rel, line), text, p):
                verdicts.problem("later-date", letter, later)
