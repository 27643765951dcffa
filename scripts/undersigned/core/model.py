"""Value objects of the archive (no I/O)."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

TYPES = ("letter", "press-release", "statement")
KINDS = ("person", "organization")
# an http(s) address a page may link to: no space, quote, angle bracket, backtick or backslash
HTTP_URL = r"https?://[^\s\"'<>`\\]+"


def shared(text: Any) -> Any:
    """One copy of a string that many records repeat (a signatory's name, id and role appear
    on thousands of letters: at 100,000 letters, a copy each would be ~200 MB)."""
    return sys.intern(text) if type(text) is str else text


@dataclass(frozen=True, slots=True)  # slots: a million of them at 100,000 letters
class Signature:
    """One printed signature on one document."""

    name: str  # exactly as printed
    id: str  # registry id it resolves to ('' while unresolved)
    role: str | None = None  # role/affiliation as printed on this letter
    position: int = 0  # 1-based printed order
    line: int | None = None
    group: str | None = None  # heading the signature is listed under, as printed

    @classmethod
    def of(cls, *fields: Any) -> Signature:
        """A signature whose strings are shared with every other that prints them."""
        return cls(*map(shared, fields))


@dataclass(frozen=True, slots=True)
class Recipient:
    name: str
    id: str
    role: str | None = None  # office on the letter's date
    organization: str | None = None
    line: int | None = None

    @classmethod
    def of(cls, *fields: Any) -> Recipient:
        """A recipient whose strings are shared with every other that prints them."""
        return cls(*map(shared, fields))


class StoredBody(Protocol):
    """A body kept outside memory (see letters.BodyInFile)."""

    def read(self) -> str: ...


def pack_body(text: str) -> bytes:
    """A letter body as the archive holds it in memory: UTF-8 bytes. A Python string holding
    one character beyond Latin-1 (a curly quote, a dash) takes two or four bytes for each of
    its characters; UTF-8 takes about one, and encoding or decoding it costs microseconds (a
    compressor would cost `check` a second for 10,000 letters)."""
    return text.encode("utf-8")


@dataclass(frozen=True, eq=False, slots=True)  # slots: 100,000 of them in a build
class Letter:
    slug: str
    path: Path
    title: str
    date: dt.date
    type: str
    sender: str
    recipients: tuple[Recipient, ...]
    signatures: tuple[Signature, ...]
    topics: tuple[str, ...]
    countries: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    source: dict[str, str] = field(default_factory=dict)
    summary: str | None = None
    # the body: UTF-8 bytes (see pack_body), or where to read it again when a page needs it
    # (a build of 100,000 letters would hold ~0.3 GB of bodies, each used once or twice)
    packed: bytes | StoredBody = b""
    body_line: int = 1
    original: str | None = None  # site path of the published original, 'letters/...txt'
    redirect_from: tuple[str, ...] = ()  # former slugs whose URLs redirect here
    signers_named: tuple[Signature, ...] = ()  # signers the text names (letter not reproduced)
    # fields of the table (core/fields.py) without an attribute of their own: (key, value)
    extra: tuple[tuple[str, Any], ...] = ()

    def __hash__(self) -> int:
        return hash(self.slug)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Letter) and other.slug == self.slug

    @property
    def year(self) -> int:
        return self.date.year

    def field(self, key: str) -> Any:
        """A field of the table kept in ``extra`` (None when the letter has none)."""
        return next((value for k, value in self.extra if k == key), None)

    @property
    def body(self) -> str:
        """The letter's Markdown body, as written in its file."""
        packed = self.packed
        return packed.decode("utf-8") if isinstance(packed, bytes) else packed.read()


@dataclass(frozen=True, eq=False)
class Entity:
    """A registry entry: a person or an organization who signs or receives letters."""

    id: str
    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    description: str | None = None
    bioguide: str | None = None
    url: str | None = None
    wikidata: str | None = None
    line: int | None = None
    sort: str | None = None  # how the name is filed, 'Family, Given' (see sorting.py)

    def __hash__(self) -> int:
        return hash(self.id)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entity) and other.id == self.id


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    description: str = ""
    line: int | None = None
    keywords: tuple[str, ...] = ()
    replaced_by: tuple[str, ...] = ()  # a former topic: the topics it was split into

    @property
    def retired(self) -> bool:
        return bool(self.replaced_by)


@dataclass(frozen=True)
class Term:
    type: str  # rep | sen
    start: dt.date
    end: dt.date
    state: str
    district: int | None
    party: str
    left_early: bool = False  # resigned, died or appointed: ``end`` is the day they left

    @property
    def chamber(self) -> str:
        return "House" if self.type == "rep" else "Senate"

    @property
    def party_letter(self) -> str:
        return {"Democrat": "D", "Republican": "R", "Independent": "I"}.get(
            self.party, self.party[:1]
        )

    @property
    def label(self) -> str:
        """e.g. ``D-CA-40`` for a Representative, ``R-TX`` for a Senator."""
        if self.type == "rep" and self.district is not None:
            district = "AL" if self.district == 0 else str(self.district)
            return f"{self.party_letter}-{self.state}-{district}"
        return f"{self.party_letter}-{self.state}"


@dataclass(frozen=True)
class Legislator:
    bioguide: str
    name: str
    first: str
    last: str
    middle: str | None
    nickname: str | None
    suffix: str | None
    terms: tuple[Term, ...]
    wikidata: str | None = None
    govtrack: int | None = None

    def term_on(self, day: dt.date) -> Term | None:
        """The term in force on ``day`` (role at the time), if any."""
        for term in self.terms:
            if term.start <= day <= term.end:
                # on a handover day prefer the term that starts then
                later = [t for t in self.terms if t.start == day and t is not term]
                return later[0] if later else term
        return None

    def served_before(self, day: dt.date) -> bool:
        """A former Member on ``day``: a term ended before it, none in force."""
        return self.term_on(day) is None and any(t.end < day for t in self.terms)
