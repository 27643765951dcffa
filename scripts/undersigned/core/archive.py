"""The whole archive: load, validate, and index (back-references built once per build)."""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple, overload

from undersigned.core.history import History, read_history
from undersigned.core.legislators import Legislators, load_legislators
from undersigned.core.cache import REGISTRY, LetterCache, code_version, digest, from_payload, to_payload
from undersigned.core.letters import MAX_BYTES, BodyInFile, read_letter, too_large
from undersigned.core.yamlfile import decode_text
from undersigned.core.paths import (ORIGINAL_SUFFIX, escaping_links, letter_files, original_problem,
                    original_uri)
from undersigned.core.model import Entity, Letter, Signature, Term, Topic
from undersigned.core.problems import Problem, relpath
from undersigned.core.names import bare_tokens, fold
from undersigned.core.sorting import NameParts, name_parts
from undersigned.core.registry import Registry, load_registry, registry_from_payload, registry_payload
from undersigned.core.topics import load_topics
from undersigned.core.validation import build_letter, parties


PREFETCH = 400  # cached entries read per query


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

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [(x, x.signatures[k]) for x, k in zip(self._letters[i], self._at[i])]
        letter = self._letters[i]
        return letter, letter.signatures[self._at[i]]

    def __iter__(self) -> Iterator[tuple[Letter, Signature]]:
        for letter, k in zip(self._letters, self._at):
            yield letter, letter.signatures[k]

    def __reversed__(self) -> Iterator[tuple[Letter, Signature]]:
        for letter, k in zip(reversed(self._letters), reversed(self._at)):
            yield letter, letter.signatures[k]


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
    # registry id -> (co-signers its page shows, documents together needed to be shown),
    # recorded as signatory pages are rendered (see live.py)
    shown_cosigners: dict[str, tuple[frozenset[str], int]] = field(default_factory=dict)

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
                                         for old in x.redirect_from})

    def cosigners(self, entity_id: str, limit: int | None = 10) -> list[tuple[str, int]]:
        """Who most often signed alongside ``entity_id``: (id, shared letters), most first."""
        counts: Counter[str] = Counter()
        for letter, _sig in self.signed.get(entity_id, []):
            counts.update({s.id for s in letter.signatures} - {entity_id})
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], self.sort_name(kv[0])))
        return ranked[:limit] if limit else ranked

    @cached_property
    def name_parts(self) -> dict[str, NameParts]:
        """Registry id -> how the name is filed (family, given, suffix; see sorting.py)."""
        return {e.id: name_parts(e, self.legislators) for e in self.registry.entities.values()}

    @cached_property
    def _sort_names(self) -> dict[str, str]:
        return {i: parts.key for i, parts in self.name_parts.items()}

    def sort_name(self, entity_id: str) -> str:
        return self._sort_names.get(entity_id, entity_id)

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
        members = {m.bioguide for m in self.legislators.match(sender, letter.date)
                   if m.term_on(letter.date)}
        if not members:
            want = " ".join(tokens)
            members = {m.bioguide for m in self.legislators.members.values()
                       if fold(m.last) == want and m.term_on(letter.date)}
        if len(members) > 1:
            named = {self.registry.entities[s.id].bioguide
                     for s in (*letter.signatures, *letter.signers_named)
                     if s.id in self.registry.entities}
            members &= named
        if len(members) == 1:
            return self._by_bioguide.get(members.pop())
        return None

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


def find_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "mkdocs.yml").exists():
            return candidate
    return here


# what a process that loads the same archive again keeps in memory (remember=True):
# (path, content hash) -> the letter loaded and its context; registry hash -> registry
_REMEMBERED: dict[tuple[str, str], tuple[Loaded, str]] = {}  # (path, hash) -> (loaded, context)
_REGISTRIES: dict[str, tuple[Registry, list[Problem]]] = {}
_STATS: dict[str, tuple[tuple[int, ...], str]] = {}  # path -> (file signature, bytes hash)


def load_archive(root: Path, remember: bool = False) -> Archive:
    """Load and validate everything; ``archive.problems`` holds every problem found.
    ``remember``: keep the parsed letters in memory for the next load in this process (the
    rebuilds of `mkdocs serve`); entries are found only for the same path, bytes, registry,
    topics and code, exactly as in the cache on disk."""
    root = root.resolve()
    cache = LetterCache(root, context(root))
    if not remember:
        _REMEMBERED.clear()
        _REGISTRIES.clear()
        _STATS.clear()
    registry, problems, registry_key = _load_registry(root, cache, remember)
    topics, topic_problems = load_topics(root / "topics.yaml")
    problems += topic_problems
    letters: list[Letter] = []
    seen: dict[str, str] = {}
    letters_dir = root / "letters"
    found_files, found = letter_files(root)
    problems += found + escaping_links(root)
    keep: set[tuple[str, str]] = {(REGISTRY, registry_key)} if registry_key else set()
    hashes: dict[str, str] = {}
    for n, item in enumerate(found_files):
        if n % PREFETCH == 0:  # (not the files this process holds already)
            cache.prefetch([x.rel for x in found_files[n:n + PREFETCH]
                            if not remember or x.rel not in _STATS])
        path, rel = item.path, item.rel
        letter, found, parsed, original_line, key_hash, _ = _load_letter(
            path, rel, root, registry, topics, cache, remember)
        problems += found
        if key_hash:
            keep.add((rel, key_hash))
            if letter is not None:
                hashes[letter.slug] = key_hash
        if not parsed:
            continue
        key = path.stem.lower()
        if key in seen:
            problems.append(Problem(rel, None, f"duplicate slug '{path.stem}' (also {seen[key]})",
                                    "every letter needs its own slug; rename one of them"))
            continue
        seen[key] = rel
        if letter is not None:
            name = letter.source.get("original")
            if name:
                refused = original_problem(path, letters_dir, name)
                if refused:
                    problems.append(Problem(rel, original_line, *refused))
                    letter = dataclasses.replace(letter, source={
                        k: v for k, v in letter.source.items() if k != "original"})
                else:
                    letter = dataclasses.replace(letter,
                                                 original=original_uri(path, letters_dir, name))
            letters.append(letter)
    cache.save(keep)
    cache.close()
    if remember:  # forget the versions no file has any more
        current = set(keep)
        for gone in [k for k in _REMEMBERED if k not in current]:
            del _REMEMBERED[gone]
    slugs = set(seen)
    for letter in letters:
        for i, other in enumerate(letter.related):
            if other not in slugs:
                near = difflib.get_close_matches(other, sorted(slugs - {letter.slug}), n=1)
                front_line = _line_of(letter, "related", i)
                problems.append(Problem(relpath(letter.path, root), front_line,
                                        f"related document '{other}' does not exist",
                                        (f"did you mean '{near[0]}'? " if near else "")
                                        + "use the slug of a file in letters/"))
    problems += _redirect_problems(letters, slugs, root)
    letters.sort(key=lambda x: (x.date, x.slug))
    archive = Archive(root, letters, registry, topics, load_legislators(), problems,
                      (cache.hits, cache.misses, cache.damaged), hashes)
    for entity in registry.entities.values():
        if entity.bioguide and archive.legislators.get(entity.bioguide) is None:
            problems.append(Problem("signatories.yaml", entity.line,
                                    f"bioguide '{entity.bioguide}' of '{entity.id}' is not in "
                                    "the bundled congress-legislators extract",
                                    "check the id at bioguide.congress.gov"))
    used = {x.id for letter in letters for x in (*letter.signatures, *letter.signers_named)}
    used |= {x.id for letter in letters for x in letter.recipients}
    for entity in registry.entities.values():
        if entity.id not in used and letters:
            problems.append(Problem("signatories.yaml", entity.line,
                                    f"'{entity.id}' signs or receives no letter",
                                    "remove it or add the letter that names it", warning=True))
    return archive


def context(root: Path) -> str:
    """What a letter's check depends on besides its own bytes: the code, the registry and the
    topics (their bytes)."""
    parts = [code_version()]
    for name in ("signatories.yaml", "topics.yaml"):
        try:
            parts.append(digest((root / name).read_bytes()))
        except OSError:
            parts.append("-")
    return " ".join(parts)


def _load_registry(root: Path, cache: LetterCache, remember: bool = False
                   ) -> tuple[Registry, list[Problem], str | None]:
    """signatories.yaml, from the cache when its bytes and the code are those of an entry."""
    path = root / REGISTRY
    try:
        key = digest(path.read_bytes()) if path.is_file() and not path.is_symlink() else None
    except OSError:
        key = None
    if key and remember:
        known = _REGISTRIES.get(key + code_version())
        if known is not None:
            return known[0], list(known[1]), key
        registry, problems, key = _load_registry(root, cache)
        _REGISTRIES.clear()
        if key:
            _REGISTRIES[key + code_version()] = (registry, list(problems))
        return registry, problems, key
    if key:
        payload = cache.get(REGISTRY, key, code_version())
        if payload is not None:
            try:
                registry, problems = registry_from_payload(payload)
                return registry, problems, key
            except (KeyError, TypeError, ValueError, IndexError):
                cache.damaged += 1
    registry, problems = load_registry(path)
    if key:
        cache.put(REGISTRY, key, registry_payload(registry, problems), code_version())
    return registry, problems, key


class Loaded(NamedTuple):
    letter: Letter | None
    problems: list[Problem]
    parsed: bool  # the front matter could be read (the file takes part in slug checks)
    original_line: int | None  # line of source.original
    content_hash: str | None  # when the result is cached
    parties: list[tuple[str, str | None]] | None = None  # names resolved, see _remembered


def _load_letter(path: Path, rel: str, root: Path, registry: Registry, topics: dict[str, Topic],
                 cache: LetterCache, remember: bool = False) -> Loaded:
    """One letter file, parsed and checked. A letter whose path, bytes, registry, topics and
    code are those of a cached entry is taken from the cache; anything else is parsed and
    checked, and the result cached."""
    if remember:  # a file the previous load of this process read, unchanged since
        try:
            seen = _STATS.get(rel)
            if seen is not None and seen[0] == _signature(os.stat(path)):
                key = seen[1]
                if (rel, key) in _REMEMBERED:
                    return _remembered(path, rel, root, registry, topics, cache, None, key)
        except OSError:
            pass
    try:
        with path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            size = stat.st_size
            data = handle.read() if size <= MAX_BYTES else b""
    except OSError:
        _src, found = read_letter(path, rel, root)  # words the problem (vanished, unreadable)
        return Loaded(None, found, False, None, None)
    if size > MAX_BYTES:
        return Loaded(None, [too_large(size, rel)], False, None, None)
    key = digest(data)
    if remember:
        _STATS[rel] = (_signature(stat), key)
        return _remembered(path, rel, root, registry, topics, cache, data, key)
    # one load per process (`check`, `mkdocs build`): bodies are read again when needed
    return _from_bytes(path, rel, root, registry, topics, cache, data, key, lazy=True)


def _from_bytes(path: Path, rel: str, root: Path, registry: Registry, topics: dict[str, Topic],
                cache: LetterCache, data: bytes, key: str, lazy: bool = False) -> Loaded:
    """The letter of these bytes: from the cache on disk, else parsed and checked. ``lazy``:
    its body is left in the file (BodyInFile), not held in memory."""
    payload = cache.get(rel, key)
    if payload is not None:
        try:
            letter, found, original_line = from_payload(
                payload, path, data, (lambda offset: BodyInFile(path, key, offset)) if lazy
                else None)
            named = payload.get("parties")
            return Loaded(letter, found, payload["parsed"], original_line, key,
                          [(x[0], x[1]) for x in named] if named is not None else None)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            cache.damaged += 1
    return _parse(path, rel, root, registry, topics, cache, data, key, lazy)


def _parse(path: Path, rel: str, root: Path, registry: Registry, topics: dict[str, Topic],
           cache: LetterCache, data: bytes, key: str, lazy: bool = False) -> Loaded:
    src, found = read_letter(path, rel, root, data)
    if src is None:
        cache.put(rel, key, to_payload(None, found, None, parsed=False))
        return Loaded(None, found, False, None, key)
    letter, more = build_letter(src, registry, topics)
    found += more
    original_line = src.front.line("source", "original")
    text, _ = decode_text(data, rel)
    offset = len(text or "") - len(src.body)
    if lazy and letter is not None:
        letter = dataclasses.replace(letter, packed=BodyInFile(path, key, offset))
    cache.put(rel, key, to_payload(letter, found, original_line, True, offset,
                                   parties(src.front.data)))
    return Loaded(letter, found, True, original_line, key, parties(src.front.data))


def _signature(stat: os.stat_result) -> tuple[int, ...]:
    """What tells, without reading it, that a file is the one read before: its inode, size,
    and modification and status-change times in nanoseconds. Any write changes the status-
    change time, which no program can set back (unlike the modification time); it is what
    the server's own watcher compares to decide to rebuild at all. Only `mkdocs serve` uses
    it, between two loads of one process; `check` and `mkdocs build` read every file."""
    return (stat.st_ino, stat.st_dev, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def _remembered(path: Path, rel: str, root: Path, registry: Registry, topics: dict[str, Topic],
                cache: LetterCache, data: bytes | None, key: str) -> Loaded:
    """A letter as the previous load in this process found it, when its bytes are the same
    and nothing it depends on changed: the same code, registry and topics, or -- when only the
    registry or topics changed -- a letter without problems whose every name still resolves to
    the same id and whose topics all still exist (re-checked without parsing its YAML).
    Anything else is parsed and checked again."""
    known = _REMEMBERED.get((rel, key))
    if known is not None:
        loaded, context_then = known
        same = context_then == cache.context
        letter = loaded.letter
        if not same and cache.context.split(" ")[0] == context_then.split(" ")[0] \
                and letter is not None and loaded.parties is not None \
                and not any(not p.warning for p in loaded.problems) \
                and all(t in topics for t in letter.topics):
            ids = [registry.resolve(name, explicit) for name, explicit in loaded.parties]
            same = ids == [x.id for x in letter.signatures] + [x.id for x in letter.recipients] \
                + [x.id for x in letter.signers_named]
        if same:
            cache.hits += 1
            _REMEMBERED[(rel, key)] = (loaded, cache.context)
            return loaded._replace(problems=list(loaded.problems))
        if data is None:  # taken by its signature: read it now to parse it again
            _STATS.pop(rel, None)
            return _load_letter(path, rel, root, registry, topics, cache, remember=True)
        loaded = _parse(path, rel, root, registry, topics, cache, data, key)
    else:
        assert data is not None  # only remembered files are taken without reading them
        loaded = _from_bytes(path, rel, root, registry, topics, cache, data, key)
    if loaded.content_hash == key:
        _REMEMBERED[(rel, key)] = (loaded._replace(problems=list(loaded.problems)), cache.context)
    return loaded


def _redirect_problems(letters: list[Letter], slugs: set[str], root: Path) -> list[Problem]:
    """A former slug may not be a current one, nor be claimed by two documents."""
    problems = []
    claimed: dict[str, str] = {}
    for letter in sorted(letters, key=lambda x: x.slug):
        for old in letter.redirect_from:
            rel = relpath(letter.path, root)
            line = _line_of_text(letter, old)
            if old.lower() in slugs:
                problems.append(Problem(rel, line, f"redirect_from '{old}' is the slug of a "
                                        "document in the archive",
                                        "list only slugs no document has any more"))
            elif old in claimed:
                problems.append(Problem(rel, line, f"redirect_from '{old}' is also claimed by "
                                        f"{claimed[old]}", "keep it in one document only"))
            else:
                claimed[old] = letter.slug
    return problems


def redirects(archive: Archive) -> list[tuple[str, Letter]]:
    """(former slug, document) of every redirect_from, by former slug."""
    return sorted(((old, x) for x in archive.letters for old in x.redirect_from),
                  key=lambda pair: pair[0])


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


def _line_of(letter: Letter, key: str, index: int) -> int | None:
    return _line_of_text(letter, letter.related[index])


def _line_of_text(letter: Letter, target: str) -> int | None:
    """The front-matter line naming ``target`` (related slugs and redirects are recovered
    cheaply by scanning the text; a file gone since it was loaded gives no line)."""
    try:
        text = letter.path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    for n, line in enumerate(text, start=1):
        if target in line and n < letter.body_line:
            return n
    return None
