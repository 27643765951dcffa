"""The bundled extract of the public-domain congress-legislators dataset (role at the time)."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from undersigned.core.model import Legislator, Term
from undersigned.core.names import bare_tokens, fold, nickname

DATA = "data/legislators.json"
NOTICE = (
    "Members of Congress from the unitedstates/congress-legislators dataset "
    "(public domain, CC0 1.0)."
)


def build_json(yaml_path: Path, json_path: Path) -> None:
    """Regenerate the compact JSON the package loads from the verbatim YAML copy."""
    text = yaml_path.read_text(encoding="utf-8")
    header = [line[2:] for line in text.splitlines() if line.startswith("# ")]
    rows = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    payload = {"notice": header, "legislators": rows}
    json_path.write_text(
        json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )


def _term(raw: dict[str, Any]) -> Term:
    return Term(
        type=raw["type"],
        start=dt.date.fromisoformat(str(raw["start"])),
        end=dt.date.fromisoformat(str(raw["end"])),
        state=raw["state"],
        district=raw.get("district"),
        party=raw.get("party", ""),
        left_early=bool(raw.get("left_early", False)),
    )


class Legislators:
    def __init__(self, members: list[Legislator]):
        self.members = {m.bioguide: m for m in members}
        self._serving: dict[dt.date | None, dict[str, Legislator]] = {}
        self._by_name: dict[str, list[Legislator]] = {}
        for member in members:
            for variant in self.variants(member):
                bucket = self._by_name.setdefault(variant, [])
                if member not in bucket:
                    bucket.append(member)

    @staticmethod
    def variants(member: Legislator) -> set[str]:
        firsts = {member.first}
        if member.nickname:
            firsts.add(member.nickname)
        out = {" ".join(bare_tokens(member.name))}
        for first in firsts:
            out.add(" ".join(bare_tokens(f"{first} {member.last}")))
            if member.middle:
                out.add(" ".join(bare_tokens(f"{first} {member.middle} {member.last}")))
        return {v for v in out if v}

    def by_last(self, folded_last: str) -> list[Legislator]:
        """The Members whose family name folds to ``folded_last`` (an index made once)."""
        index = self.__dict__.get("_by_last")
        if index is None:
            index = {}
            for member in self.members.values():
                index.setdefault(fold(member.last), []).append(member)
            self.__dict__["_by_last"] = index
        return list(index.get(folded_last, ()))

    def get(self, bioguide: str) -> Legislator | None:
        return self.members.get(bioguide)

    def match(self, printed: str, day: dt.date | None = None) -> list[Legislator]:
        """Members whose name matches ``printed`` (serving on ``day`` when given)."""
        keys = {" ".join(bare_tokens(printed))}
        nick = nickname(printed)
        tokens = bare_tokens(printed)
        if nick and tokens:
            keys.add(" ".join([fold(nick), tokens[-1]]))
        if len(tokens) > 2:  # drop middle names/initials
            keys.add(" ".join([tokens[0], tokens[-1]]))
        found: list[Legislator] = []
        for key in sorted(keys):
            for member in self._by_name.get(key, []):
                if member not in found:
                    found.append(member)
        if day is not None:
            serving = [m for m in found if m.term_on(day)]
            if serving:
                return serving
        return found

    def serving_namesakes(self, printed: str, bioguide: str, day: dt.date) -> list[Legislator]:
        """The other Members whose name ``printed`` is, serving on ``day`` when the Member
        ``bioguide`` was not: on that day the name is theirs, never the former Member's
        ('Robert Menendez' in 2025 is the Representative, not the Senator who left in 2024)."""
        member = self.get(bioguide)
        if member is None or member.term_on(day) is not None:
            return []
        return [m for m in self.match(printed, day)
                if m.bioguide != bioguide and m.term_on(day) is not None]

    def serving_names(self, day: dt.date | None) -> dict[str, Legislator]:
        """Official names of Members (serving on ``day`` when given), for fuzzy suggestions
        (computed once a date: an import asks for every name it does not know)."""
        known = self._serving.get(day)
        if known is None:
            known = self._serving[day] = {
                m.name: m for m in self.members.values()
                if day is None or m.term_on(day) is not None}
        return known


@lru_cache(maxsize=1)
def load_legislators() -> Legislators:
    raw = json.loads(resources.files("undersigned").joinpath(DATA).read_text(encoding="utf-8"))
    members = [
        Legislator(
            bioguide=r["bioguide"],
            name=r["name"],
            first=r["first"],
            last=r["last"],
            middle=r.get("middle"),
            nickname=r.get("nickname"),
            suffix=r.get("suffix"),
            terms=tuple(_term(t) for t in r["terms"]),
            wikidata=r.get("wikidata"),
            govtrack=r.get("govtrack"),
        )
        for r in raw["legislators"]
    ]
    return Legislators(members)


# the first day the bundled list of Members is complete for: it holds every Member who served
# from then on (with their earlier terms), none who left before
DATA_FROM = dt.date(2005, 1, 4)


def before_data(day: object) -> bool:
    """A day the bundled list may lack a Member who served on it."""
    return isinstance(day, dt.date) and day < DATA_FROM
