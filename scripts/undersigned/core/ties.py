"""Who signed with whom: one signer's co-signers, counted and ranked (Archive.ties)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from operator import attrgetter
from typing import Any, NamedTuple

from undersigned.core.model import Letter

_ID = attrgetter("id")  # of a Signature
_by_date = attrgetter("date")  # of a Letter


class RankedTies(NamedTuple):
    """Archive.ties as tables: the co-signers' ids in rank order, documents signed together,
    documents together (signed or named), the newest one's ISO date."""

    order: list[str]
    signed: Counter[str]
    together: Counter[str]
    last: dict[str, str]


class Tie(NamedTuple):
    """Two signers of the same documents (Archive.ties)."""

    id: str  # the other one's registry id
    signed: int  # documents both signed (both printed)
    named: int  # documents that name both as signers, one of them or both only named
    last: dt.date  # the newest of them

    @property
    def total(self) -> int:
        return self.signed + self.named


def rank_ties(entity_id: str, signed_by: Iterable[tuple[Letter, Any]],
              named_in: Iterable[Letter], sort_names: Mapping[str, str]) -> RankedTies:
    """Archive.ties, counted and ranked (see there): ``signed_by`` the (document, signature)
    pairs of what ``entity_id`` signed, ``named_in`` the documents that name them as a
    signer, ``sort_names`` how each name is filed."""
    signed: Counter[str] = Counter()
    together: Counter[str] = Counter()  # signed or named
    last: dict[str, str] = {}  # the newest document's date, ISO (sorts as the date)
    mine = [x for x, _s in signed_by] + list(named_in)
    # once each (a release may print and name someone), oldest first: ``last`` keeps the
    # newest date; counted and ranked by set, Counter and sort operations (C loops), as
    # the pairs grow with the square of a letter's signatures
    for letter in sorted(dict.fromkeys(mine), key=_by_date):
        printed = set(map(_ID, letter.signatures))
        printed.discard("")
        others = printed.union(map(_ID, letter.signers_named))
        others.discard("")
        others.discard(entity_id)
        if entity_id in printed:
            printed.discard(entity_id)
            signed.update(printed)
        together.update(others)
        last.update(dict.fromkeys(others, letter.date.isoformat()))
    # the most documents, then the newest, then by name, then id: sorted from the last key
    # to the first (each sort keeps the order of what it finds equal, reversed or not)
    names = sort_names
    order = sorted(last)
    order.sort(key=names.__getitem__ if names.keys() >= last.keys()
               else lambda o: names.get(o, o))
    order.sort(key=last.__getitem__, reverse=True)
    order.sort(key=together.__getitem__, reverse=True)
    return RankedTies(order, signed, together, last)
