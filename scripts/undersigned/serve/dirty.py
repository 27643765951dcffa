"""What a change touches: the keys that say a document, an entry or a topic changed, and the
pages a change of the previous archive into the new one makes stale, read from what
pages/depends.py declares each kind of page shows (see serve/__init__.py)."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from undersigned.core.cache import code_version
from undersigned.pages.bibtex import base_key_of
from undersigned.pages.depends import ALL, PAGES, RELATIONS, fact_getter
from undersigned.pages.kinds import BY_NAME

if TYPE_CHECKING:
    from undersigned.core.archive import Archive
    from undersigned.pages import Planned


def fingerprint(root: Path, config_file: str | None, site_url: str) -> str:
    """Everything that changes every page: configuration, hand-written pages and theme
    overrides, this package's code and data."""
    h = hashlib.blake2b(digest_size=16)
    h.update(code_version().encode() + site_url.encode())
    paths = [Path(config_file)] if config_file else []
    package = Path(__file__).resolve().parents[1]  # undersigned/
    for folder in (root / "docs", package / "data", package.parent):
        if folder.is_dir():
            paths += sorted(p for p in folder.rglob("*") if p.is_file()
                            and "__pycache__" not in p.parts and "undersigned" not in
                            p.relative_to(folder).parts[:1])
    for path in paths:
        try:
            h.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            h.update(str(path).encode() + b"\0?")
    return h.hexdigest()


def document_key(archive: Archive, slug: str) -> tuple[Any, ...]:
    letter = archive.by_slug[slug]
    return (archive.hashes.get(slug), letter.original,
            tuple(s.id for s in letter.signatures), tuple(s.id for s in letter.signers_named),
            tuple(r.id for r in letter.recipients))


def document_keys(archive: Archive) -> dict[str, tuple[Any, ...]]:
    return {x.slug: document_key(archive, x.slug) for x in archive.letters}


@dataclass
class Dirty:
    pages: dict[str, set[str]]  # subject kind (pages/depends.py PAGES) -> keys rebuilt
    changed: set[str] = field(default_factory=set)  # slugs and ids changed themselves

    @property
    def letters(self) -> set[str]:  # slugs whose pages are rebuilt
        return self.pages.get("letter", set())

    @property
    def signatories(self) -> set[str]:  # registry ids whose signatory pages are rebuilt
        return self.pages.get("signatory", set())

    @property
    def recipients(self) -> set[str]:  # registry ids whose recipient pages are rebuilt
        return self.pages.get("recipient", set())

    def first(self, page: Planned) -> bool:
        """Is ``page`` the page of something changed itself (written before the rebuild ends;
        the pages that only show it follow, see ``write_pages_later``)?"""
        return page.kind.shows is not None and page.key in self.changed

    def wants(self, page: Planned) -> bool:
        """Is the generated page to be rebuilt? (A listing always is, unless its Markdown is
        the same: plugin/rebuild.py ``unchanged``.)"""
        if page.kind.shows is None:
            return True
        return page.key in self.pages.get(page.kind.shows, set())


def dirty(old: Archive, old_keys: dict[str, tuple[Any, ...]], new: Archive,
          new_keys: dict[str, tuple[Any, ...]]) -> Dirty:
    """The pages a change of ``old`` into ``new`` touches, as pages/depends.py declares what
    each kind of page shows: a page is rebuilt when an object it reaches (in the previous
    archive or the new one) has other declared facts, or when it stops or starts reaching a
    changed document. Which pages reach an object is asked only for the objects that changed
    (a relation's members change only with a document: its fields or its resolved ids)."""
    changed = {s for s in old_keys.keys() | new_keys.keys() if old_keys.get(s) != new_keys.get(s)}
    entities = set() if old.registry is new.registry else {  # the same file: the same object
        i for i in old.registry.entities.keys() | new.registry.entities.keys()
        if _record(old.registry.entities.get(i)) != _record(new.registry.entities.get(i))}
    topics = {t for t in old.topics.keys() | new.topics.keys()
              if _record(old.topics.get(t)) != _record(new.topics.get(t))}
    histories = _histories(old, new)
    objects = {"document": changed, "citekey": changed, "entity": entities, "topic": topics,
               "history": histories}
    pages: dict[str, set[str]] = {kind: set() for kind in PAGES}
    for kind, shows in PAGES.items():
        for edge in shows:
            relation = RELATIONS[kind, edge.via]
            facts = _facts(relation.target, edge.facts, old, old_keys, new_keys)
            for key in objects[relation.target]:
                differ = facts(old, key) != facts(new, key)
                if not differ and relation.target not in ("document", "citekey", "entity"):
                    continue  # the same facts, the same pages reaching it (an entry's name
                    # or aliases may change which documents resolve to it: followed)
                has = BY_NAME[kind].has  # (the kind of page named as PAGES names it)
                before = {x for x in relation.inverse(old, key) if has(old, x)}
                after = {x for x in relation.inverse(new, key) if has(new, x)}
                pages[kind] |= (before | after) if differ else (before ^ after)
    return Dirty(pages, changed | histories | entities)


def _facts(target: str, names: tuple[str, ...], old: Archive, old_keys: dict[str, tuple[Any, ...]],
           new_keys: dict[str, tuple[Any, ...]]) -> Callable[[Archive, str], Any]:
    """(archive, key) -> the declared facts of the object (None: there is none)."""
    if names == ALL:  # a whole document: its key
        return lambda archive, slug: (old_keys if archive is old else new_keys).get(slug)
    get = fact_getter(names) if names else (lambda _x: ())
    if target == "document":
        return lambda archive, slug: _maybe(get, archive.by_slug.get(slug))
    if target == "entity":
        return lambda archive, i: _maybe(get, archive.registry.entities.get(i))
    if target == "topic":
        return lambda archive, t: _maybe(get, archive.topics.get(t))
    if target == "citekey":  # what a document's citation key is made of (pages/bibtex.py)
        return lambda archive, slug: (base_key_of(archive, slug),)
    if target == "history":
        def history(archive: Archive, slug: str) -> Any:
            h = archive.history
            return None if h is None else tuple(getattr(h, n).get(slug) for n in names)
        return history
    raise ValueError(f"pages/depends.py: no such kind of object: {target}")


def _maybe(get: Callable[[Any], tuple[Any, ...]], value: Any) -> tuple[Any, ...] | None:
    return None if value is None else get(value)


def _record(value: Any) -> tuple[Any, ...] | None:
    """A registry entry or topic without its line number (lines move when others change)."""
    if value is None:
        return None
    # (field by field: astuple deep-copies every value, half a second for a registry)
    return tuple(getattr(value, f.name) for f in dataclasses.fields(value) if f.name != "line")


def _histories(old: Archive, new: Archive) -> set[str]:
    a, b = old.history, new.history
    if a is None and b is None:
        return set()
    if a is None or b is None:
        return set(new.by_slug) | set(old.by_slug)
    return {s for s in a.first.keys() | b.first.keys() | a.last.keys() | b.last.keys()
            if (a.first.get(s), a.last.get(s)) != (b.first.get(s), b.last.get(s))}


def remove_stale(site: Path, old: set[str], new: set[str]) -> int:
    """Delete the files of the previous build that this build did not write (and folders
    left empty); return how many."""
    gone = 0
    for rel in sorted(old - new):
        path = site / rel
        try:
            path.unlink()
            gone += 1
        except FileNotFoundError:
            continue
        folder = path.parent
        while folder != site and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return gone


