"""What a change touches: the keys that say a document, an entry or a topic changed, and the
pages a change of the previous archive into the new one makes stale (see serve/__init__.py)."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from undersigned.core.cache import code_version

if TYPE_CHECKING:
    from undersigned.core.archive import Archive


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


def _record(value: Any) -> tuple[Any, ...]:
    """A registry entry or topic without its line number (lines move when others change)."""
    return tuple(v for f, v in zip(dataclasses.fields(value), dataclasses.astuple(value), strict=True)
                 if f.name != "line")


@dataclass
class Dirty:
    letters: set[str]  # slugs whose pages are rebuilt
    signatories: set[str]  # registry ids whose signatory pages are rebuilt
    recipients: set[str]  # registry ids whose recipient pages are rebuilt
    changed: set[str] = field(default_factory=set)  # slugs and ids changed themselves

    def first(self, uri: str) -> bool:
        """Is the page at ``uri`` the page of something changed itself (written before the
        rebuild ends; the pages that only show it follow, see ``write_pages_later``)?"""
        head, name = _page_of(uri)
        return head in ("letters", "signatories", "recipients") and name in self.changed

    def wants(self, uri: str) -> bool:
        """Is the generated page at docs path ``uri`` to be rebuilt?"""
        head, name = _page_of(uri)
        if head == "letters":
            return name in self.letters
        if head == "signatories":
            return name in self.signatories
        if head == "recipients":
            return name in self.recipients
        return True


def _page_of(uri: str) -> tuple[str, str]:
    """('letters', slug) / ('signatories', id) / ... of a generated page's docs path."""
    head, _, rest = uri.partition("/")
    return head, rest.split("/", 1)[0].removesuffix(".md")


def dirty(old: Archive, old_keys: dict[str, tuple[Any, ...]], new: Archive,
          new_keys: dict[str, tuple[Any, ...]],
          shown: dict[str, tuple[frozenset[str], int]] | None = None) -> Dirty:
    """The pages a change of ``old`` into ``new`` touches (see the module's note). ``shown``:
    the co-signers each signatory page showed (a renamed entry's co-signers are rebuilt only
    where it is shown or has as many documents together as the last one shown)."""
    shown = shown or {}
    changed = {s for s in old_keys.keys() | new_keys.keys() if old_keys.get(s) != new_keys.get(s)}
    entities = set() if old.registry is new.registry else {  # the same file: the same object
        i for i in old.registry.entities.keys() | new.registry.entities.keys()
        if _entity(old, i) != _entity(new, i)}
    topics = {t for t in old.topics.keys() | new.topics.keys()
              if _topic(old, t) != _topic(new, t)}
    histories = _histories(old, new)
    letters = set(changed) | histories
    people: set[str] = set(entities)
    for archive in (old, new):
        for entity_id in entities:
            signed = [x for x, _s in archive.signed.get(entity_id, [])]
            letters.update(x.slug for x in signed)
            letters.update(x.slug for x in archive.received.get(entity_id, []))
            letters.update(x.slug for x in archive.named_in.get(entity_id, []))
            together: dict[str, int] = {}
            for letter in signed:  # co-signers' pages may show this entry's name
                for s in {x.id for x in letter.signatures}:
                    together[s] = together.get(s, 0) + 1
            for other, n in together.items():
                ids, needed = shown.get(other, (None, 0))
                if ids is None or entity_id in ids or n >= needed:
                    people.add(other)
        for topic in topics:
            letters.update(x.slug for x in archive.by_topic.get(topic, []))
        for slug in changed:
            letters.update(x.slug for x in archive.related.get(slug, []))
            found = archive.by_slug.get(slug)
            if found is not None:
                people.update(s.id for s in (*found.signatures, *found.signers_named))
                people.update(r.id for r in found.recipients)
    return Dirty(letters, people, people, changed | histories | entities)


def _entity(archive: Archive, entity_id: str) -> tuple[Any, ...] | None:
    e = archive.registry.entities.get(entity_id)
    return None if e is None else (e.name, e.kind, e.aliases, e.description, e.bioguide, e.url,
                                   e.wikidata)


def _topic(archive: Archive, topic_id: str) -> tuple[Any, ...] | None:
    topic = archive.topics.get(topic_id)
    return _record(topic) if topic is not None else None


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


