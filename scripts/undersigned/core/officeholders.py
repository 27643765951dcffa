"""Offices as data (data/offices.yaml): who held an office a recipient holds, and when.
``Offices.held`` answers ``Held`` (the holding on that day), ``NotHeld`` (the person's holdings
of the office, none on that day, so a message can name their dates) or ``Unknown`` (not listed,
or imprecise dates leave the day open: a month, a year or a range of possible days)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from undersigned.core.names import bare_tokens, fold
from undersigned.core.vocabulary import NICKNAMES, PARTICLES
from undersigned.core.vocabulary import OFFICE_NAME_TITLES as _NAME_TITLES
from undersigned.core.vocabulary import OFFICE_STOP_WORDS as _OFFICE_STOP

DATA = "data/offices.yaml"
OFFICE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
KINDS = frozenset({"cabinet", "executive", "ambassador", "agency", "congress", "foreign"})

@dataclass(frozen=True)
class Holding:
    """One person's tenure. ``start``/``end``: the earliest first day and the latest last day
    possible (None: not known; ``end`` None and ``current``: still in office); ``surely_from``
    /``surely_to``: the days between which the office was held whatever the imprecise dates
    mean. ``dates`` is the tenure as the data gives it, for messages."""

    name: str
    start: dt.date | None
    end: dt.date | None
    acting: bool = False
    source: str = ""
    note: str = ""
    also: tuple[str, ...] = ()
    surely_from: dt.date | None = None
    surely_to: dt.date | None = None
    current: bool = False
    dates: str = ""

    def on(self, day: dt.date) -> bool | None:
        """Held on ``day`` (True), not held (False) or not known (None)."""
        if (self.start and day < self.start) or (self.end and day > self.end):
            return False
        if self.surely_from is None or day < self.surely_from:
            return None
        if self.current or (self.surely_to is not None and day <= self.surely_to):
            return True
        return None


@dataclass(frozen=True)
class Office:
    id: str
    name: str
    organization: str
    kind: str
    titles: tuple[str, ...]
    aliases: tuple[str, ...]
    holders: tuple[Holding, ...]
    note: str = ""
    concurrent: bool = False  # several people hold it at once (holders may overlap)


@dataclass(frozen=True)
class Held:
    holding: Holding


@dataclass(frozen=True)
class NotHeld:
    holdings: tuple[Holding, ...]  # the person's holdings of the office, none on that day


@dataclass(frozen=True)
class Unknown:
    reason: str


def _bounds(value: object) -> tuple[dt.date, dt.date]:
    """The first and last possible day of a date as the data writes it: a day, 'YYYY-MM',
    'YYYY' or an EDTF range '[2005-03-04..2005-04-15]'."""
    if isinstance(value, dt.date):
        return value, value
    text = str(value).strip()
    if text.startswith("[") and text.endswith("]") and ".." in text:
        low, high = text[1:-1].split("..", 1)
        return _bounds(low)[0], _bounds(high)[1]
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = map(int, text.split("-"))
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), following - dt.timedelta(days=1)
    day = dt.date.fromisoformat(text)
    return day, day


def _holding(raw: dict[str, Any], last: bool) -> Holding:
    start = _bounds(raw["start"]) if raw.get("start") is not None else None
    end_raw = raw.get("end")
    end = _bounds(end_raw) if end_raw not in (None, "unknown") else None
    current = end_raw is None and last
    shown_end = "" if current else ("?" if end is None else str(end_raw))
    return Holding(
        name=raw["name"], start=start[0] if start else None, end=end[1] if end else None,
        acting=bool(raw.get("acting", False)), source=str(raw.get("source", "")),
        note=str(raw.get("note", "")), also=tuple(raw.get("also", ())),
        surely_from=start[1] if start else None, surely_to=end[0] if end else None,
        current=current,
        dates=f"{raw.get('start', '?')} – {shown_end}".rstrip())


def office_key(text: str) -> str:
    """A printed office or title as the table compares them (folded, without 'the', 'of'...)."""
    return " ".join(t for t in fold(text).replace("u s ", "united states ").split()
                    if t not in _OFFICE_STOP)


def _org_key(text: str) -> str:
    key = office_key(text)
    return key.removeprefix("united states ").removeprefix("us ")


@lru_cache(maxsize=1 << 14)  # (the same few thousand names, asked for by every page)
def _tokens(printed: str) -> tuple[str, ...]:
    tokens = bare_tokens(printed)
    while tokens and tokens[0] in _NAME_TITLES:
        tokens.pop(0)
    return tuple(t for t in tokens if t not in PARTICLES) or tuple(tokens)


def _same_given(a: str, b: str) -> bool:
    return a == b or b in NICKNAMES.get(a, ())


@lru_cache(maxsize=1 << 16)  # a pure function of two strings, asked for ~100,000 times a build
def names_match(printed: str, listed: str) -> bool:
    """A printed name is the listed one: accents, case, titles, suffixes and particles aside;
    a family name alone, or given and family names, middle names or initials only when both
    give them (and then agreeing: 'George W. Bush' is not 'George H. W. Bush')."""
    p, h = _tokens(printed), _tokens(listed)
    if not p or not h:
        return False
    if len(p) == 1:
        return p[0] in h[1:] or p == h
    at = next((i for i in range(1, len(h)) if h[i] == p[-1]), None)
    if at is None:
        return False
    p_given, h_given = p[:-1], h[:at]
    p_first = next((i for i, t in enumerate(p_given) if len(t) > 1), 0)
    h_first = next((i for i, t in enumerate(h_given) if len(t) > 1), 0)
    if not _same_given(p_given[p_first], h_given[h_first]):
        return False
    p_mid = [t[0] for i, t in enumerate(p_given) if i != p_first]
    h_mid = [t[0] for i, t in enumerate(h_given) if i != h_first]
    return not (p_mid and h_mid) or p_mid == h_mid[:len(p_mid)] or h_mid == p_mid[:len(h_mid)]


class Offices:
    def __init__(self, offices: list[Office]):
        self.offices = {o.id: o for o in offices}
        self._keys: dict[str, set[str]] = {}
        self._titles: dict[tuple[str, str], set[str]] = {}
        self._holdings: dict[tuple[str, str], tuple[Holding, ...]] = {}  # (name, office) memo
        for office in offices:
            bare = {office_key(t) for t in office.titles}  # 'Attorney General': a title too
            for key in {office_key(t) for t in (office.name, *office.aliases)} - bare:
                self._keys.setdefault(key, set()).add(office.id)
            for title in bare:
                pair = (title, _org_key(office.organization))
                self._titles.setdefault(pair, set()).add(office.id)

    def all(self) -> list[Office]:
        return list(self.offices.values())

    def get(self, office_id: str) -> Office | None:
        return self.offices.get(office_id)

    def _one(self, ids: set[str] | None) -> Office | None:  # one office, or none if ambiguous
        return self.offices[next(iter(ids))] if ids and len(ids) == 1 else None

    def find(self, role: str, organization: str | None = None) -> Office | None:
        """The office a printed role names ('Acting Commissioner, U.S. Customs and Border
        Protection'); a bare title ('Secretary') only with an organization that makes it one
        office ('U.S. Department of Homeland Security'). None when not known or ambiguous."""
        found = self._one(self._keys.get(office_key(role)))
        if found or not organization:
            return found
        org = _org_key(organization)
        return (self._one(self._keys.get(office_key(f"{role} {org}")))
                or self._one(self._titles.get((office_key(role), org))))

    def holders_on(self, office_id: str, day: dt.date) -> list[Holding]:
        """The holdings of the office surely held on ``day``."""
        return [h for h in self.offices[office_id].holders if h.on(day)]

    def holdings_of(self, name: str, office_id: str) -> list[Holding]:
        found = self._holdings.get((name, office_id))
        if found is None:
            if len(self._holdings) > 1 << 16:
                self._holdings.clear()
            found = self._holdings[name, office_id] = tuple(
                h for h in self.offices[office_id].holders
                if any(names_match(name, listed) for listed in (h.name, *h.also)))
        return list(found)

    def held(self, name: str, office_id: str, day: dt.date) -> Held | NotHeld | Unknown:
        """Whether the person printed ``name`` held the office on ``day``."""
        office = self.offices[office_id]
        mine = self.holdings_of(name, office_id)
        if not mine:
            return Unknown(f"{name} is not listed among the holders of {office.name}")
        answers = [(h, h.on(day)) for h in mine]
        for holding, answer in answers:
            if answer:
                return Held(holding)
        if any(answer is None for _, answer in answers):
            return Unknown(f"the dates of {name} as {office.name} do not settle {day}")
        return NotHeld(tuple(mine))

    def offices_held(self, name: str, day: dt.date) -> list[Office]:
        return [o for o in self.offices.values() if isinstance(self.held(name, o.id, day), Held)]


def parse_offices(raw: dict[str, Any]) -> Offices:
    offices = []
    for office_id, entry in raw.items():
        rows = entry.get("holders") or []
        offices.append(Office(
            id=str(office_id), name=entry["name"], organization=entry.get("organization", ""),
            kind=entry["kind"], titles=tuple(entry.get("titles", ())),
            aliases=tuple(entry.get("aliases", ())),
            holders=tuple(_holding(r, i == len(rows) - 1) for i, r in enumerate(rows)),
            note=str(entry.get("note", "")), concurrent=bool(entry.get("concurrent", False))))
    return Offices(offices)


@lru_cache(maxsize=1)
def load_offices() -> Offices:
    text = resources.files("undersigned").joinpath(DATA).read_text(encoding="utf-8")
    return parse_offices(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
