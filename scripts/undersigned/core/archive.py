"""The whole archive: its documents, registry and topics, and the back-references built from
them once per build (who signed what, who received what, co-signers, history). Loading and
validating it is core/load.py."""

from __future__ import annotations

import datetime as dt
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar, cast, overload

from undersigned.core.csvcells import csv_row
from undersigned.core.history import History, read_history
from undersigned.core.legislators import Legislators
from undersigned.core.model import Entity, Letter, Signature, Term, Topic
from undersigned.core.names import bare_tokens
from undersigned.core.paths import ORIGINAL_SUFFIX
from undersigned.core.problems import Problem, relpath
from undersigned.core.registry import Registry
from undersigned.core.settings import Settings
from undersigned.core.sorting import NameParts, name_parts
from undersigned.core.ties import RankedTies, Tie, rank_ties


class Signings(Sequence[tuple[Letter, Signature]]):
    """The (letter, signature) pairs of one signatory, newest first. Held as the letters and
    the index of the signature in each (12 bytes a pair, not a tuple of 80: 1.2 million pairs
    at 100,000 letters); a pair is made when it is read."""

    __slots__ = ("_letters", "_at")

    def __init__(self, letters: list[Letter], at: list[int]) -> None:
        self._letters = letters
        self._at = array("I", at)

    def __len__(self) -> int:
        return len(self._letters)

    @overload
    def __getitem__(self, i: int) -> tuple[Letter, Signature]: ...

    @overload
    def __getitem__(self, i: slice) -> list[tuple[Letter, Signature]]: ...

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [(x, x.signatures[k]) for x, k in zip(self._letters[i], self._at[i], strict=True)]
        letter = self._letters[i]
        return letter, letter.signatures[self._at[i]]

    def __iter__(self) -> Iterator[tuple[Letter, Signature]]:
        for letter, k in zip(self._letters, self._at, strict=True):
            yield letter, letter.signatures[k]

    def __reversed__(self) -> Iterator[tuple[Letter, Signature]]:
        for letter, k in zip(reversed(self._letters), reversed(self._at), strict=True):
            yield letter, letter.signatures[k]


@dataclass
class RenderMemo:
    """HTML that a `mkdocs serve` session renders once and reuses in later rebuilds (held by
    its session, handed to each build's archive; a plain build has none)."""

    bodies: dict[str, str] = field(default_factory=dict)  # letter body HTML, by its text
    items: dict[tuple[Any, ...], str] = field(default_factory=dict)  # listing items, by what they show
    # the name index's files (outputs/names.py), by its records and topics: the last build's
    names: dict[tuple[Any, ...], list[tuple[str, str]]] = field(default_factory=dict)
    # what a listing computed from the whole archive, with what it was computed from: the last
    # build's (see ``kept``)
    last: dict[str, tuple[Any, Any]] = field(default_factory=dict)


T = TypeVar("T")


def kept(archive: Archive, name: str, source: Any, make: Callable[[], T]) -> T:
    """``make()``, computed from ``source`` (compared with ==), or under `mkdocs serve` the
    previous build's value when its source was the same."""
    memo = archive.render_memo
    if memo is None:
        return make()
    last = memo.last.get(name)
    if last is not None and last[0] == source:
        return cast(T, last[1])
    value = make()
    memo.last[name] = (source, value)
    return value


@dataclass
class Archive:
    root: Path
    letters: list[Letter]  # oldest first, then slug
    registry: Registry
    topics: dict[str, Topic]
    legislators: Legislators
    problems: list[Problem] = field(default_factory=list)
    cache_stats: tuple[int, int, int] = (0, 0, 0)  # letters from the cache, parsed, damaged
    hashes: dict[str, str] = field(default_factory=dict)  # slug -> hash of the file's bytes
    settings: Settings = field(default_factory=Settings)  # what the build was told (settings.py)
    # the code, registry and topics the letters were checked against (load.context), or ''
    # when a file changed while the archive was loaded (then nothing is kept: audit/memo.py)
    context: str = ""
    render_memo: RenderMemo | None = None  # a `mkdocs serve` session's, see RenderMemo
    # the last entry's ranked ties (its page and its co-signers CSV are written one after the
    # other and both rank all of them: see plugin/twowriters.py)
    _last_ties: tuple[str, RankedTies | None] = field(default=("", None), init=False,
                                                      repr=False, compare=False)
    _csv_cells: dict[str, str] = field(default_factory=dict, init=False, repr=False,
                                       compare=False)
    _rel: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def by_slug(self) -> dict[str, Letter]:
        return {letter.slug: letter for letter in self.letters}

    @cached_property
    def newest_first(self) -> list[Letter]:
        return sorted(self.letters, key=lambda x: (x.date, x.slug), reverse=True)

    @cached_property
    def signed(self) -> dict[str, Signings]:
        """Registry id -> (letter, signature) newest first."""
        pairs: dict[str, tuple[list[Letter], list[int]]] = {}
        for letter in self.newest_first:
            for k, sig in enumerate(letter.signatures):
                got = pairs.get(sig.id)
                if got is None:
                    got = pairs[sig.id] = ([], [])
                got[0].append(letter)
                got[1].append(k)
        return {i: Signings(*got) for i, got in pairs.items()}

    @cached_property
    def named_in(self) -> dict[str, list[Letter]]:
        """Registry id -> documents that name them as a signer of a letter not reproduced,
        newest first."""
        out: dict[str, list[Letter]] = defaultdict(list)
        for letter in self.newest_first:
            for sig in letter.signers_named:
                if letter not in out[sig.id]:
                    out[sig.id].append(letter)
        return dict(out)

    @cached_property
    def received(self) -> dict[str, list[Letter]]:
        out: dict[str, list[Letter]] = defaultdict(list)
        for letter in self.newest_first:
            for rec in {r.id for r in letter.recipients}:
                out[rec].append(letter)
        return dict(out)

    @cached_property
    def by_topic(self) -> dict[str, list[Letter]]:
        out: dict[str, list[Letter]] = {t: [] for t in self.topics}
        for letter in self.newest_first:
            for topic in letter.topics:
                out.setdefault(topic, []).append(letter)
        return out

    @cached_property
    def by_year(self) -> dict[int, list[Letter]]:
        out: dict[int, list[Letter]] = defaultdict(list)
        for letter in self.newest_first:
            out[letter.year].append(letter)
        return dict(sorted(out.items(), reverse=True))

    @cached_property
    def related(self) -> dict[str, list[Letter]]:
        """Slug -> related documents in both directions (stated and reverse), by date."""
        out: dict[str, set[str]] = defaultdict(set)
        for letter in self.letters:
            for other in letter.related:
                if other in self.by_slug:
                    out[letter.slug].add(other)
                    out[other].add(letter.slug)
        return {
            slug: sorted((self.by_slug[s] for s in others), key=lambda x: (x.date, x.slug))
            for slug, others in out.items()
        }

    @cached_property
    def history(self) -> History | None:
        """Additions and corrections from the repository (None outside a git repository)."""
        return read_history(self.root, {old: x.slug for x in self.letters
                                         for old in x.redirect_from},
                            {_rel(x.path, self.root): x.slug for x in self.letters})

    def ties(self, entity_id: str, limit: int | None = None) -> list[Tie]:
        """Everyone who signed with ``entity_id`` -- both printed on a document ("signed
        together"), or named as signers of one letter where at least one of them is only named
        by a release ("named together", counted apart) -- the most documents together first,
        then the most recent, then by name (the one definition every view counts by)."""
        r = self.ranked_ties(entity_id)
        return [Tie(o, r.signed[o], r.together[o] - r.signed[o], dt.date.fromisoformat(r.last[o]))
                for o in r.order[:limit or None]]

    def ranked_ties(self, entity_id: str) -> RankedTies:
        """``ties`` as tables (thousands of rows for a prolific signer: a CSV of them needs no
        Tie each); the last entry's is kept (its page and its co-signers CSV are written one
        after the other, plugin/twowriters.py)."""
        last_id, ranked = self._last_ties  # (one tuple: threads of serve see a whole one)
        if last_id != entity_id or ranked is None:
            ranked = rank_ties(entity_id, self.signed.get(entity_id, []),
                               self.named_in.get(entity_id, []), self.sort_names)
            self._last_ties = (entity_id, ranked)
        return ranked

    def cosigners(self, entity_id: str, limit: int | None = 10) -> list[tuple[str, int]]:
        """(id, documents together: signed or named) of ``ties``, in its order."""
        return [(t.id, t.total) for t in self.ties(entity_id, limit)]

    @cached_property
    def name_parts(self) -> dict[str, NameParts]:
        """Registry id -> how the name is filed (family, given, suffix; see sorting.py)."""
        return {e.id: name_parts(e, self.legislators) for e in self.registry.entities.values()}

    def rel(self, letter: Letter) -> str:
        """The letter's file as a path relative to the archive (core/problems.relpath: each
        resolves every folder of the path; the checks name the same file several times)."""
        got = self._rel.get(letter.slug)
        if got is None:
            got = self._rel[letter.slug] = relpath(letter.path, self.root)
        return got

    def csv_cells(self, entity_id: str) -> str:
        """An entry's id, name and kind as three CSV cells ('id,name,kind', core/csvcells.py:
        safe_cell, quoted where needed), made once."""
        got = self._csv_cells.get(entity_id)
        if got is None:
            entity = self.registry.entities[entity_id]
            got = self._csv_cells[entity_id] = csv_row((entity.id, entity.name, entity.kind))
        return got

    @cached_property
    def sort_names(self) -> dict[str, str]:
        """Registry id -> the key its name is filed by (name_parts)."""
        return {i: parts.key for i, parts in self.name_parts.items()}

    def sort_name(self, entity_id: str) -> str:
        return self.sort_names.get(entity_id, entity_id)

    @cached_property
    def _by_bioguide(self) -> dict[str, str]:
        return {e.bioguide: e.id for e in self.registry.entities.values() if e.bioguide}

    @cached_property
    def senders(self) -> dict[str, str]:
        """Slug -> the registry id of the document's sender, when the sender is someone the
        registry holds (see sender_id)."""
        out = {}
        for letter in self.letters:
            found = self._sender_id(letter)
            if found:
                out[letter.slug] = found
        return out

    def sender_id(self, letter: Letter) -> str | None:
        return self.senders.get(letter.slug)

    def _sender_id(self, letter: Letter) -> str | None:
        """The registry entry a sender is: its name or alias ('Washington Office on Latin
        America'), the same without titles ('Rep. Alan Lowenthal'), or the one Member of
        Congress serving on the document's date with that name or family name ('Rep.
        McClintock'); of several such Members, the one the document itself names as a signer.
        Anything less certain stays plain text."""
        sender = re.sub(r"^\s*(the\s+)?office\s+of\s+", "", letter.sender, flags=re.I)
        tokens = bare_tokens(sender)
        found = self.registry.resolve(letter.sender) or (
            self.registry.resolve(" ".join(tokens)) if tokens else None)
        if found or not tokens:
            return found
        members = set(self._members_named(sender, " ".join(tokens), letter.date))
        if len(members) > 1:
            named = {self.registry.entities[s.id].bioguide
                     for s in (*letter.signatures, *letter.signers_named)
                     if s.id in self.registry.entities}
            members &= named
        if len(members) == 1:
            return self._by_bioguide.get(members.pop())
        return None

    def _members_named(self, sender: str, folded: str, day: dt.date) -> frozenset[str]:
        """Bioguide ids of the Members serving on ``day`` whose name, or else family name, the
        sender is (asked once a distinct sender and date: most documents share a sender)."""
        memo: dict[tuple[str, dt.date], frozenset[str]] = self.__dict__.setdefault(
            "_members_named_memo", {})
        key = (sender, day)
        known = memo.get(key)
        if known is None:
            found = {m.bioguide for m in self.legislators.match(sender, day) if m.term_on(day)}
            if not found:
                found = {m.bioguide for m in self.legislators.by_last(folded)
                         if m.term_on(day)}
            known = memo[key] = frozenset(found)
        return known

    @cached_property
    def issued(self) -> dict[str, list[Letter]]:
        """Registry id -> the documents they sent or issued (press releases of a Member's
        office, letters an organization sent), newest first."""
        out: dict[str, list[Letter]] = defaultdict(list)
        for letter in self.newest_first:
            found = self.senders.get(letter.slug)
            if found:
                out[found].append(letter)
        return dict(out)

    def role_on(self, entity: Entity | None, letter: Letter) -> Term | None:
        """The Member's term on the letter's date (party, state, district at the time)."""
        if entity is None or not entity.bioguide:
            return None
        member = self.legislators.get(entity.bioguide)
        return member.term_on(letter.date) if member else None

    def former_member(self, entity: Entity | None, letter: Letter) -> bool:
        """A Member of Congress who had left office by the letter's date (a term ended,
        early or as scheduled, and none in force): never shown as serving."""
        if entity is None or not entity.bioguide:
            return False
        member = self.legislators.get(entity.bioguide)
        return bool(member and member.served_before(letter.date))


def sort_key(entity: Entity, legislators: Legislators | None = None) -> str:
    """The folded key an entry is filed by (family name first; see sorting.py)."""
    return name_parts(entity, legislators).key


def redirects(archive: Archive) -> list[tuple[str, Letter]]:
    """(former slug, document) of every old address, by former slug: each redirect_from, and
    each rename the repository history shows (a file moved with `git mv`), so that no old
    address of a document is ever a 404."""
    out = {old: x for x in archive.letters for old in x.redirect_from}
    history = archive.history
    for change in history.changes if history is not None else ():
        old = change.old or (change.slug if change.kind == "removed" else "")
        letter = archive.by_slug.get(change.now)
        if old and letter is not None and old != letter.slug and old not in archive.by_slug:
            out.setdefault(old, letter)
    return sorted(out.items(), key=lambda pair: pair[0])


def published_originals(archive: Archive) -> list[tuple[str, Path]]:
    """(site path, file) of every original to publish, once each (a press release and the
    letter it reproduces share one); only originals that passed the checks of paths.py, and
    never anything but a ``.txt`` file (served as plain text, never as HTML, SVG or script),
    whatever a letter was given."""
    out: dict[str, Path] = {}
    for letter in archive.letters:
        if letter.original and letter.original.endswith(ORIGINAL_SUFFIX) \
                and "/../" not in f"/{letter.original}/":
            out.setdefault(letter.original, archive.root / letter.original)
    return sorted(out.items())


def _rel(path: Path, root: Path) -> str:
    """A letter's repo-relative path (letters are found below the resolved root)."""
    text, base = str(path), str(root).rstrip("/") + "/"
    if text.startswith(base) and "\\" not in text:  # (what relative_to gives, 10 times faster)
        return text[len(base):]
    return path.relative_to(root).as_posix() if path.is_relative_to(root) \
        else relpath(path, root)
