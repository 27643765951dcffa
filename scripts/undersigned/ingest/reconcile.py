"""Reconciling a printed name with the Members of Congress serving on a letter's date, with a
score as evidence: misspellings (``Lisa Murkowksi``), nicknames and spellings
(``Richie``/``Ritchie``), suffixes and degrees (``ALMA S. ADAMS, Ph.D.``, ``Andy Harris M.D.``),
a dropped first initial (``Luis Correa`` for ``J. Luis Correa``), ALL CAPS and ``/s/``.

A name is resolved automatically only when exactly one serving Member scores at least
``AUTO`` and every other serving Member scores at least ``MARGIN`` less: both numbers are
measured on the bundled dataset by ``python -m undersigned.ingest.reconcile`` (see its report and
the README). Anything weaker stays an error with suggestions."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from undersigned.core.legislators import Legislators, load_legislators
from undersigned.core.model import Legislator
from undersigned.core.names import DEGREE, bare_tokens, fold
from undersigned.core.vocabulary import CONGRESS_ROLES, NICKNAMES

AUTO = 87.0  # the score a printed name needs (0-100): above the 99th percentile (84.2) of
# scores between two different serving Members; with MARGIN no wrong automatic match in 26,000
# printed variants (`python -m undersigned.ingest.reconcile`)
MARGIN = 8.0  # ... and its lead over the next serving Member

_SIGNED = re.compile(r"^\s*+/s/\s*+", re.I)
# a degree that ends the text, after a space (the longest is 8 characters: 'D. D. S.')
_LAST_DEGREE = re.compile(rf"(?<=\s){DEGREE}\Z", re.I)
_PAREN = re.compile(r"(?<!\s)\s*+\([^()]*+\)\s*+$")


def _strip_degrees(text: str) -> str:
    r"""``text`` without the degrees that end it (', Jr.', ' M.D., Ph.D.'): what the pattern
    '(?:,?\s+DEGREE)+\s*$' removes, read from the end one degree at a time, so a long run of
    them is read once (a search for that pattern restarts at every comma: quadratic)."""
    rest = text.rstrip()
    found = False
    while m := _LAST_DEGREE.search(rest, max(0, len(rest) - 24)):
        rest = rest[:m.start()].rstrip()  # the spaces before it (at least one)
        rest = rest[:-1] if rest.endswith(",") else rest
        found = True
    return rest if found else text


def clean_printed(printed: str) -> str:
    """The name without /s/, a trailing '(D-CA)', degrees and generational suffixes."""
    text = _SIGNED.sub("", printed)
    text = _PAREN.sub("", text)
    return _strip_degrees(text).strip(" ,")


@lru_cache(maxsize=1 << 14)
def _keys(member: Legislator) -> tuple[str, ...]:
    firsts = {member.first}
    if member.nickname:
        firsts.add(member.nickname)
    for first in list(firsts):
        firsts |= NICKNAMES.get(first.lower(), set())
    keys = {" ".join(bare_tokens(member.name))}
    for first in firsts:
        keys.add(" ".join(bare_tokens(f"{first} {member.last}")))
        if member.middle:
            keys.add(" ".join(bare_tokens(f"{first} {member.middle} {member.last}")))
    if member.middle and len(member.first.strip(".")) == 1:  # 'J. Luis Correa' -> 'Luis Correa'
        keys.add(" ".join(bare_tokens(f"{member.middle} {member.last}")))
    return tuple(sorted(k for k in keys if k))


@lru_cache(maxsize=1 << 14)
def printed_key(printed: str) -> str:
    return " ".join(bare_tokens(clean_printed(printed)))


def score(printed: str, member: Legislator) -> float:
    """How well a printed name matches a Member's name forms (0-100)."""
    text = printed_key(printed)
    return max((fuzz.ratio(text, key) for key in _keys(member)), default=0.0) if text else 0.0


_CONGRESS_ROLE = re.compile(rf"\b(?:{'|'.join(CONGRESS_ROLES)})\b", re.I)
_FORMER = re.compile(r"\b(?:former|retired|ex-)", re.I)
# a chair's title alone names nothing outside Congress ('Charles E. Grassley' / 'Chairman'
# under a Senator's letter: he chaired the Finance Committee)
_CHAIR_ALONE = re.compile(r"^(?:co-?|vice[- ])?chair(?:man|woman|person)?\.?$", re.I)


def affiliation_problem(role: str | None) -> str | None:
    """Why a signer printed with ``role`` is not taken for a serving Member automatically
    (None when the role is congressional or there is none)."""
    role = (role or "").strip()
    if not role:
        return None
    if _FORMER.search(role):
        return f"printed as '{role}'"
    if _CONGRESS_ROLE.search(role) or _CHAIR_ALONE.match(role):
        return None
    return f"printed with a non-congressional affiliation '{role}'"


def term_dates(member: Legislator, day: dt.date | None = None) -> str:
    """'House 2019-01-03 to 2023-01-03' (the term in force on ``day``, else the last one)."""
    term = (member.term_on(day) if day else None) or max(member.terms, key=lambda t: t.end)
    left = ", left office" if term.left_early else ""
    return f"{term.chamber} {term.start} to {term.end}{left}"


def given_forms(member: Legislator) -> set[str]:
    """The given names a Member is printed with: first, middle, their own nickname, and the
    nickname table's forms of those (``Joe`` for Joseph; never ``Joe`` for John)."""
    forms = {fold(x) for x in (member.first, member.middle or "", member.nickname or "") if x}
    forms = {w for f in forms for w in f.split()}
    for form in list(forms):
        forms |= NICKNAMES.get(form, set())
    return forms


def first_name_fits(printed: str, member: Legislator) -> bool:
    """The printed given name is one of the Member's (an initial of one, or a slip of the pen
    in a long one: ``Ritchie`` for ``Richie``). Without a given name, nothing to contradict."""
    tokens = printed_key(printed).split()
    if len(tokens) < 2:
        return True
    first, forms = tokens[0], given_forms(member)
    if first in forms or (len(first) == 1 and any(f.startswith(first) for f in forms)):
        return True
    return len(first) >= 4 and any(fuzz.ratio(first, f) >= 80 for f in forms if len(f) >= 4)


@dataclass(frozen=True)
class Match:
    member: Legislator
    score: float
    runner_up: float  # the best score of any other serving Member

    first_fits: bool = True  # the printed given name is one of the Member's

    @property
    def automatic(self) -> bool:
        return self.first_fits and self.score >= AUTO and self.score - self.runner_up >= MARGIN


def best_member(printed: str, day: dt.date | None, legislators: Legislators,
                serving: list[Legislator] | None = None) -> Match | None:
    """The serving Member a printed name most likely is, with the evidence."""
    keys, owners = (_index(tuple(serving)) if serving is not None
                    else _index_on(legislators, day))
    text = printed_key(printed)
    if not text or not keys:
        return None
    best: dict[str, tuple[float, Legislator]] = {}
    for _key, value, k in process.extract(text, keys, scorer=fuzz.ratio, limit=None,
                                          score_cutoff=40):
        member = owners[k]
        if value > best.get(member.bioguide, (-1.0, member))[0]:
            best[member.bioguide] = (value, member)
    if not best:
        return None
    ranked = sorted(best.values(), key=lambda sm: (-sm[0], sm[1].bioguide))
    top, member = ranked[0]
    runner = ranked[1][0] if len(ranked) > 1 else 0.0
    return Match(member, round(top, 1), round(runner, 1), first_name_fits(printed, member))


@lru_cache(maxsize=64)
def _index(serving: tuple[Legislator, ...]) -> tuple[list[str], list[Legislator]]:
    """Every name form of the serving Members, and whose it is."""
    keys: list[str] = []
    owners: list[Legislator] = []
    for member in serving:
        for key in _keys(member):
            keys.append(key)
            owners.append(member)
    return keys, owners


@lru_cache(maxsize=64)
def _index_on(legislators: Legislators, day: dt.date | None
              ) -> tuple[list[str], list[Legislator]]:
    """_index of the Members serving on ``day``, found by the date (hashing the tuple of
    Members to find it again cost more than matching: an import asks for every name)."""
    return _index(_serving(legislators, day))


@lru_cache(maxsize=64)
def _serving(legislators: Legislators, day: dt.date | None) -> tuple[Legislator, ...]:
    return tuple(m for m in legislators.members.values()
                 if day is None or m.term_on(day) is not None)


def serving_on(legislators: Legislators, day: dt.date | None) -> list[Legislator]:
    return list(_serving(legislators, day))


# ---- measurement: `python -m undersigned.ingest.reconcile` -------------------------------------------

def _typo(text: str, rng: random.Random) -> str:
    """One realistic slip in the family name: two letters swapped, one dropped or doubled."""
    first, _, last = text.rpartition(" ")
    if len(last) < 4:
        return text
    i = rng.randrange(1, len(last) - 2)
    kind = rng.choice(("swap", "drop", "double"))
    if kind == "swap":
        last = last[:i] + last[i + 1] + last[i] + last[i + 2:]
    elif kind == "drop":
        last = last[:i] + last[i + 1:]
    else:
        last = last[:i] + last[i] + last[i:]
    return f"{first} {last}".strip()


def variants(member: Legislator, rng: random.Random) -> dict[str, str]:
    """Printed forms a Member's name takes in real signature blocks."""
    first = member.nickname or member.first
    plain = f"{first} {member.last}"
    out = {"official": member.name, "caps": member.name.upper(), "signed": f"/s/ {plain}",
           "degree": f"{plain}, Ph.D.", "md": f"{plain} M.D.", "typo": _typo(plain, rng),
           "party": f"{plain} (D-XX)"}
    if member.middle:
        out["middle"] = f"{first} {member.middle[0]}. {member.last}"
    return out


def measure(days: list[dt.date], seed: int = 7) -> dict[str, object]:
    """For each day: every serving Member's official name scored against every *other*
    serving Member (how close two different people come), and printed variants of every
    Member scored against all of them (how often the right one wins automatically)."""
    legislators = load_legislators()
    rng = random.Random(seed)
    impostor: list[float] = []
    auto_wrong = 0
    totals: dict[str, list[int]] = {}
    for day in days:
        serving = serving_on(legislators, day)
        for member in serving:
            others = [m for m in serving if m is not member]
            impostor.append(max(score(member.name, o) for o in others))
            for kind, printed in variants(member, rng).items():
                match = best_member(printed, day, legislators, serving)
                right = match is not None and match.member is member
                if match is not None and match.automatic and not right:
                    auto_wrong += 1
                counts = totals.setdefault(kind, [0, 0])
                counts[0] += bool(match and match.automatic and right)
                counts[1] += 1
    impostor.sort()

    def pct(q: float) -> float:
        return impostor[min(len(impostor) - 1, int(q * len(impostor)))]

    return {
        "days": [d.isoformat() for d in days], "members_scored": len(impostor),
        "other_member_score": {"median": pct(0.5), "p99": pct(0.99), "p999": pct(0.999),
                               "max": impostor[-1]},
        "auto": AUTO, "margin": MARGIN,
        "resolved_automatically": {k: f"{a}/{n} ({100 * a / n:.1f}%)"
                                   for k, (a, n) in sorted(totals.items())},
        "automatic_and_wrong": auto_wrong,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m undersigned.ingest.reconcile",
                                     description="Measure the reconciliation thresholds.")
    parser.add_argument("--years", default="2014,2017,2019,2021,2023,2025")
    args = parser.parse_args(argv)
    days = [dt.date(int(y), 6, 1) for y in args.years.split(",")]
    print(json.dumps(measure(days), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
