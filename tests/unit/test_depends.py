"""What a page shows is declared once (pages/depends.py) and `mkdocs serve` rebuilds by it
(serve/dirty.py): here every kind of page is rendered with documents, registry entries, topics,
the history and the archive's back-references that record what is read from them, and every
read must be declared for that page. A renderer that starts showing a new field fails here
until the field is declared (and `mkdocs serve` then rebuilds the pages for it)."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_dirty import FILES

from helpers import git
from undersigned.core.archive import sort_key
from undersigned.core.load import load_archive
from undersigned.pages import Context, depends, plan
from undersigned.pages.bibtex import bibtex_key

NESTED = ("signatures", "recipients", "signers_named")  # tuples of records in a document
BACKREFS = {"signed": "signed", "received": "received", "named_in": "named_in",
            "related": "related", "topics": "by_topic", "cosigners": "signed",
            "issued": "issued"}


class Reads:
    def __init__(self) -> None:
        self.on = False
        self.seen: set[tuple[str, str, str]] = set()  # (kind of object, key, fact)

    def add(self, target: str, key: str, fact: str) -> None:
        if self.on:
            self.seen.add((target, key, fact))


class Recorded:
    """An object whose attribute reads are recorded (properties run on the proxy)."""

    def __init__(self, obj: Any, target: str, key: str, reads: Reads, prefix: str = ""):
        object.__setattr__(self, "_of", (obj, target, key, reads, prefix))

    def __getattr__(self, name: str) -> Any:
        obj, target, key, reads, prefix = object.__getattribute__(self, "_of")
        found = getattr(type(obj), name, None)
        if isinstance(found, property):
            return found.fget(self)  # type: ignore[misc]
        value = getattr(obj, name)
        if not prefix and target == "document" and name in NESTED:
            return Items(value, key, reads, name)
        reads.add(target, key, prefix + name)
        return value

    def __hash__(self) -> int:
        return hash(object.__getattribute__(self, "_of")[0])

    def __eq__(self, other: object) -> bool:
        mine = object.__getattribute__(self, "_of")[0]
        if isinstance(other, Recorded):
            other = object.__getattribute__(other, "_of")[0]
        return mine == other


class Items:
    """A document's signatures (recipients, signers named): ``len`` records "signatures#",
    an item's attribute "signatures.<attribute>"."""

    def __init__(self, items: tuple, key: str, reads: Reads, name: str):
        self.items, self.key, self.reads, self.name = items, key, reads, name

    def __len__(self) -> int:
        self.reads.add("document", self.key, self.name + "#")
        return len(self.items)

    def __iter__(self) -> Iterator[Recorded]:
        for item in self.items:
            yield Recorded(item, "document", self.key, self.reads, self.name + ".")

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return Items(self.items[i], self.key, self.reads, self.name)
        return Recorded(self.items[i], "document", self.key, self.reads, self.name + ".")


class Lookups(dict):
    """A back-reference (archive.signed...) whose lookups are recorded by key."""

    def __init__(self, data: dict, name: str, reads: Reads):
        super().__init__(data)
        self.name, self.reads = name, reads

    def __getitem__(self, key: Any) -> Any:
        self.reads.add("backref", key, self.name)
        return super().__getitem__(key)

    def get(self, key: Any, default: Any = None) -> Any:
        self.reads.add("backref", key, self.name)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self.reads.add("backref", str(key), self.name)
        return super().__contains__(key)

    def __iter__(self) -> Iterator[Any]:
        self.reads.add("backref", "*", self.name)
        return super().__iter__()


class SortNames(dict):
    """archive.sort_names one entry at a time (the entry's name and kind are read)."""

    def __init__(self, entities: dict):
        super().__init__()
        self.entities = entities

    def get(self, key: Any, default: Any = None) -> Any:
        entity = self.entities.get(key)
        return default if entity is None else sort_key(entity)


def recording(archive: Any, reads: Reads) -> Any:
    """A copy of ``archive`` whose objects and back-references record what is read."""
    letters = [Recorded(x, "document", x.slug, reads) for x in archive.letters]
    registry = copy.copy(archive.registry)
    registry.entities = {i: Recorded(e, "entity", i, reads)
                         for i, e in archive.registry.entities.items()}
    topics = {t: Recorded(x, "topic", t, reads) for t, x in archive.topics.items()}
    out = dataclasses.replace(archive, letters=letters, registry=registry, topics=topics)
    history = archive.history
    for name in ("by_slug", "newest_first", "by_year", *set(BACKREFS.values())):
        getattr(out, name)  # built from the recording objects, before anything is recorded
        if name in BACKREFS.values():
            out.__dict__[name] = Lookups(out.__dict__[name], name, reads)
    out.__dict__["sort_names"] = SortNames(registry.entities)
    # archive-wide tables a page consults, built before anything is recorded: each document's
    # sender entry (from the document itself and the registry: the "sender" relation) and the
    # documents whose citation keys start alike (the "key_rivals" relation)
    out.__dict__["senders"] = archive.senders
    out.__dict__["issued"] = Lookups(archive.issued, "issued", reads)
    for letter in archive.letters[:1]:
        bibtex_key(archive, letter)  # every key and its beginning, from the real objects
    for name in ("_bibtex_bases", "_bibtex_keys"):
        if name in archive.__dict__:
            out.__dict__[name] = archive.__dict__[name]
    if history is not None:
        out.__dict__["history"] = dataclasses.replace(
            history, first=_History(history.first, "first", reads),
            last=_History(history.last, "last", reads))
    return out


class _History(dict):
    def __init__(self, data: dict, name: str, reads: Reads):
        super().__init__(data)
        self.name, self.reads = name, reads

    def __getitem__(self, key: Any) -> Any:
        self.reads.add("history", key, self.name)
        return super().__getitem__(key)

    def get(self, key: Any, default: Any = None) -> Any:
        self.reads.add("history", key, self.name)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self.reads.add("history", str(key), self.name)
        return super().__contains__(key)

    def __iter__(self) -> Iterator[Any]:
        self.reads.add("history", "*", self.name)
        return super().__iter__()


def undeclared(archive: Any, pages: dict[str, tuple[depends.Shows, ...]]) -> list[str]:
    """Every read of every page of ``archive`` that ``pages`` does not declare."""
    reads = Reads()
    recorded = recording(archive, reads)
    site = "https://test.example.org/"
    out = []
    for page in plan(recorded, site, "https://example.org/edit/", head_in_front=True):
        if page.eager:
            continue
        uri, kind, subject = page.uri, page.kind.shows, page.key
        assert kind is not None and subject is not None
        reads.seen.clear()
        reads.on = True
        page.render()
        page.head(recorded, Context(site))  # its head (plugin/shells.py)
        reads.on = False
        allowed: dict[tuple[str, str], set[str]] = {}
        for edge in pages[kind]:
            relation = depends.RELATIONS[kind, edge.via]
            for key in relation.forward(archive, subject):
                allowed.setdefault((relation.target, key), set()).update(edge.facts)
            if edge.via in BACKREFS:
                allowed.setdefault(("backref", subject), set()).add(BACKREFS[edge.via])
        for target, key, fact in sorted(reads.seen):
            facts = allowed.get((target, key), set())
            if fact not in facts and "*" not in facts:
                out.append(f"{uri} reads {fact} of {target} {key}")
    return out


@pytest.fixture
def archive(archive_dir, monkeypatch) -> Any:
    """The archive of test_dirty.py, in a repository (the pages show the history), a letter
    with signatories enough to continue on its own signatories page."""
    monkeypatch.setattr("undersigned.pages.kinds.INLINE_SIGNATORIES", 2)
    monkeypatch.setattr("undersigned.pages.letter.INLINE_SIGNATORIES", 2)
    root: Path = archive_dir(FILES)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Add")
    archive = load_archive(root)
    assert archive.history is not None and archive.history.first
    return archive


def test_every_read_of_every_page_is_declared(archive):
    assert undeclared(archive, depends.PAGES) == []


def test_a_page_showing_an_undeclared_field_fails(archive):
    """The check has teeth: take 'title' out of what a related document shows, and the
    'kind' out of what a co-signer shows."""
    pages = dict(depends.PAGES)
    pages["letter"] = tuple(
        depends.Shows(e.via, tuple(f for f in e.facts if f != "title"))
        if e.via == "related" else e for e in pages["letter"])
    pages["signatory"] = tuple(
        depends.Shows(e.via, ("id", "name")) if e.via == "cosigners" else e
        for e in pages["signatory"])
    missing = undeclared(archive, pages)
    assert "letters/2017-06-14-a-letter.md reads title of document 2017-07-01-b-letter" \
        in missing
    assert any("reads kind of entity" in m and m.startswith("signatories/") for m in missing)
