"""Dates printed in a document's text that contradict its date: a weekday printed with a day
and month ('Tuesday, April 7') that does not fall on that weekday in the document's year, and
a full date later than the document's own (a deadline or a planned event excepted)."""

from __future__ import annotations

import datetime as dt
import re

from undersigned.audit.text import paragraphs
from undersigned.audit.verdicts import Verdicts
from undersigned.core.archive import Archive
from undersigned.core.model import Letter
from undersigned.core.problems import Problem, relpath

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

_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
# 'Tuesday, April 7, 2020' / 'martes 7 de abril de 2020'
WEEKDAY_DATE = re.compile(
    rf"\b{_WEEKDAY},?\s(?:(?P<month>{_MONTH_WORDS})\.?\s(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
    r"(?:,?\s(?P<year>(?:19|20)\d\d)\b)?"
    rf"|(?P<day2>[0-3]?\d)\sde\s(?P<month2>{_MONTH_WORDS})(?:\sde\s(?P<year2>(?:19|20)\d\d))?)",
    re.I)
# 'April 7, 2020' / '7 April 2020' / '7 de abril de 2020': a full date with its year
FULL_DATE = re.compile(
    rf"\b(?:(?P<month>{_MONTH_WORDS})\.?\s(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s"
    r"(?P<year>(?:19|20)\d\d)"
    rf"|(?P<day2>[0-3]?\d)\s(?:de\s)?(?P<month2>{_MONTH_WORDS})\.?,?\s(?:de\s)?"
    r"(?P<year2>(?:19|20)\d\d))\b", re.I)
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


def _weekdays(letter: Letter, rel: str, verdicts: Verdicts) -> None:
    for line, text in paragraphs(letter):
        for m in WEEKDAY_DATE.finditer(text):
            month = MONTHS[(m["month"] or m["month2"]).lower()]
            day, weekday = int(m["day"] or m["day2"]), WEEKDAYS[m["weekday"].lower()]
            printed = m["year"] or m["year2"]
            year = int(printed) if printed else letter.date.year
            when = _date(year, month, day)
            if when is None:
                continue
            if when.weekday() == weekday:
                verdicts.verified("weekdays printed with a date")
                continue
            fits = _years_fitting(month, day, weekday, year)
            where = (f"it does in {', '.join(map(str, fits))}" if fits
                     else "in no year within three of it")
            verdicts.problem("weekday", letter, Problem(
                rel, line, f"'{m[0]}' is printed, but {when:%B} {day}, {year} is a "
                f"{when:%A}; {where} (the document is dated {letter.date})", HINT_WEEKDAY))


def _later_dates(letter: Letter, rel: str, verdicts: Verdicts) -> None:
    for line, text in paragraphs(letter):
        for m in FULL_DATE.finditer(text):
            month = MONTHS[(m["month"] or m["month2"]).lower()]
            when = _date(int(m["year"] or m["year2"]), month, int(m["day"] or m["day2"]))
            if when is None or when <= letter.date:
                continue
            if FUTURE.search(text[max(0, m.start() - 60):m.start()]):
                continue
            verdicts.problem("later-date", letter, Problem(
                rel, line, f"the text prints '{m[0]}', {(when - letter.date).days} days "
                f"after the document's date {letter.date}", HINT_LATER))


def check(archive: Archive, verdicts: Verdicts) -> None:
    for letter in archive.letters:
        rel = relpath(letter.path, archive.root)
        _weekdays(letter, rel, verdicts)
        _later_dates(letter, rel, verdicts)
