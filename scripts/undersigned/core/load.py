"""Loading the archive: every file read, parsed (or taken from the parse cache), checked, and
the Archive built; ``archive.problems`` holds every problem found. A process that loads the
same archive again (`mkdocs serve`) hands in a Remembered and keeps what did not change."""

from __future__ import annotations

import dataclasses
import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from undersigned.core.archive import Archive
from undersigned.core.cache import (
    REGISTRY,
    LetterCache,
    code_version,
    digest,
    from_payload,
    to_payload,
)
from undersigned.core.legislators import load_legislators
from undersigned.core.letters import MAX_BYTES, BodyInFile, read_letter, too_large
from undersigned.core.model import Letter, Topic
from undersigned.core.paths import escaping_links, letter_files, original_problem, original_uri
from undersigned.core.problems import Problem, relpath
from undersigned.core.registry import (
    Registry,
    load_registry,
    registry_from_payload,
    registry_payload,
)
from undersigned.core.settings import Settings
from undersigned.core.topics import load_topics
from undersigned.core.validation import build_letter, parties
from undersigned.core.yamlfile import decode_text

PREFETCH = 400  # cached entries read per query


def find_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "mkdocs.yml").exists():
            return candidate
    return here


@dataclass
class Remembered:
    """What a process that loads the same archive again keeps in memory between two loads
    (the rebuilds of `mkdocs serve`; held by its serve session)."""

    letters: dict[tuple[str, str], tuple[Loaded, str]] = field(default_factory=dict)
    # (path, content hash) -> (the letter loaded, its context)
    registries: dict[str, tuple[Registry, list[Problem]]] = field(default_factory=dict)
    stats: dict[str, tuple[tuple[int, ...], str]] = field(default_factory=dict)
    # path -> (file signature, bytes hash)


def load_archive(root: Path, remember: Remembered | None = None,
                 settings: Settings | None = None) -> Archive:
    """Load and validate everything; ``archive.problems`` holds every problem found.
    ``remember``: keep the parsed letters in memory for the next load in this process (the
    rebuilds of `mkdocs serve`); entries are found only for the same path, bytes, registry,
    topics and code, exactly as in the cache on disk."""
    root = root.resolve()
    settings = (settings or Settings.from_env()).anchored(root)  # SettingsError: refused
    checked_against = context(root)
    cache = LetterCache(root, checked_against, settings)
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
                            if remember is None or x.rel not in remember.stats])
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
            letters.append(_with_original(letter, path, rel, letters_dir, original_line,
                                          problems))
    cache.save(keep)
    cache.close()
    if remember is not None:  # forget the versions no file has any more
        current = set(keep)
        for gone in [k for k in remember.letters if k not in current]:
            del remember.letters[gone]
    slugs = set(seen)
    problems += _related_problems(letters, slugs, root)
    problems += _redirect_problems(letters, slugs, root)
    letters.sort(key=lambda x: (x.date, x.slug))
    if context(root) != checked_against:  # the registry or topics saved meanwhile
        checked_against = ""
    archive = Archive(root, letters, registry, topics, load_legislators(), problems,
                      (cache.hits, cache.misses, cache.damaged), hashes, settings=settings,
                      context=checked_against)
    problems += _entry_problems(archive)
    return archive


def reload_letter(archive: Archive, rel: str, remember: Remembered
                  ) -> tuple[Letter | None, str | None, list[Problem]]:
    """The letter at ``rel`` read again against ``archive``'s registry and topics, as
    ``load_archive`` reads it (serve/first.py): the letter, the hash of its bytes, and the
    problems found (nothing is saved to the cache on disk)."""
    root = archive.root
    cache = LetterCache(root, context(root), archive.settings)
    try:
        loaded = _load_letter(root / rel, rel, root, archive.registry, archive.topics, cache,
                              remember)
    finally:
        cache.close()
    if loaded.letter is None or not loaded.parsed:
        return None, None, loaded.problems
    problems = list(loaded.problems)
    letter = _with_original(loaded.letter, root / rel, rel, root / "letters",
                            loaded.original_line, problems)
    return letter, loaded.content_hash, problems


def _with_original(letter: Letter, path: Path, rel: str, letters_dir: Path,
                   original_line: int | None, problems: list[Problem]) -> Letter:
    """The letter with its published original's site path, or without the original its front
    matter names when that file is refused (the problem says why)."""
    name = letter.source.get("original")
    if not name:
        return letter
    refused = original_problem(path, letters_dir, name)
    if refused:
        problems.append(Problem(rel, original_line, *refused))
        return dataclasses.replace(letter, source={k: v for k, v in letter.source.items()
                                                   if k != "original"})
    return dataclasses.replace(letter, original=original_uri(path, letters_dir, name))


def _related_problems(letters: list[Letter], slugs: set[str], root: Path) -> list[Problem]:
    problems = []
    for letter in letters:
        for i, other in enumerate(letter.related):
            if other not in slugs:
                near = difflib.get_close_matches(other, sorted(slugs - {letter.slug}), n=1)
                problems.append(Problem(relpath(letter.path, root), _line_of(letter, "related", i),
                                        f"related document '{other}' does not exist",
                                        (f"did you mean '{near[0]}'? " if near else "")
                                        + "use the slug of a file in letters/"))
    return problems


def _entry_problems(archive: Archive) -> list[Problem]:
    """Registry entries with a Bioguide id not in the extract, or that no letter names."""
    problems = []
    for entity in archive.registry.entities.values():
        if entity.bioguide and archive.legislators.get(entity.bioguide) is None:
            problems.append(Problem("signatories.yaml", entity.line,
                                    f"bioguide '{entity.bioguide}' of '{entity.id}' is not in "
                                    "the bundled congress-legislators extract",
                                    "check the id at bioguide.congress.gov"))
    letters = archive.letters
    used = {x.id for letter in letters for x in (*letter.signatures, *letter.signers_named)}
    used |= {x.id for letter in letters for x in letter.recipients}
    for entity in archive.registry.entities.values():
        if entity.id not in used and letters:
            problems.append(Problem("signatories.yaml", entity.line,
                                    f"'{entity.id}' signs or receives no letter",
                                    "remove it or add the letter that names it", warning=True))
    return problems


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


def _load_registry(root: Path, cache: LetterCache, remember: Remembered | None = None
                   ) -> tuple[Registry, list[Problem], str | None]:
    """signatories.yaml, from the cache when its bytes and the code are those of an entry."""
    path = root / REGISTRY
    try:
        key = digest(path.read_bytes()) if path.is_file() and not path.is_symlink() else None
    except OSError:
        key = None
    if key and remember is not None:
        known = remember.registries.get(key + code_version())
        if known is not None:
            return known[0], list(known[1]), key
        registry, problems, key = _load_registry(root, cache)
        remember.registries.clear()
        if key:
            remember.registries[key + code_version()] = (registry, list(problems))
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
                 cache: LetterCache, remember: Remembered | None = None) -> Loaded:
    """One letter file, parsed and checked. A letter whose path, bytes, registry, topics and
    code are those of a cached entry is taken from the cache; anything else is parsed and
    checked, and the result cached."""
    if remember is not None:  # a file the previous load of this process read, unchanged since
        try:
            seen = remember.stats.get(rel)
            if seen is not None and seen[0] == file_signature(os.stat(path)):
                key = seen[1]
                if (rel, key) in remember.letters:
                    return _remembered(path, rel, root, registry, topics, cache, None, key,
                                       remember)
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
    if remember is not None:
        remember.stats[rel] = (file_signature(stat), key)
        return _remembered(path, rel, root, registry, topics, cache, data, key, remember)
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


def file_signature(stat: os.stat_result) -> tuple[int, ...]:
    """What tells, without reading it, that a file is the one read before: its inode, size,
    and modification and status-change times in nanoseconds. Any write changes the status-
    change time, which no program can set back (unlike the modification time); it is what
    the server's own watcher compares to decide to rebuild at all. Only `mkdocs serve` uses
    it, between two loads of one process; `check` and `mkdocs build` read every file."""
    return (stat.st_ino, stat.st_dev, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def _remembered(path: Path, rel: str, root: Path, registry: Registry, topics: dict[str, Topic],
                cache: LetterCache, data: bytes | None, key: str, remember: Remembered) -> Loaded:
    """A letter as the previous load in this process found it, when its bytes are the same
    and nothing it depends on changed: the same code, registry and topics, or -- when only the
    registry or topics changed -- a letter without problems whose every name still resolves to
    the same id and whose topics all still exist (re-checked without parsing its YAML).
    Anything else is parsed and checked again."""
    known = remember.letters.get((rel, key))
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
            remember.letters[(rel, key)] = (loaded, cache.context)
            return loaded._replace(problems=list(loaded.problems))
        if data is None:  # taken by its signature: read it now to parse it again
            remember.stats.pop(rel, None)
            return _load_letter(path, rel, root, registry, topics, cache, remember)
        loaded = _parse(path, rel, root, registry, topics, cache, data, key)
    else:
        assert data is not None  # only remembered files are taken without reading them
        loaded = _from_bytes(path, rel, root, registry, topics, cache, data, key)
    if loaded.content_hash == key:
        remember.letters[(rel, key)] = (loaded._replace(problems=list(loaded.problems)),
                                        cache.context)
    return loaded


def _redirect_problems(letters: list[Letter], slugs: set[str], root: Path) -> list[Problem]:
    """A former slug may not be a current one, nor be claimed by two documents."""
    problems = []
    claimed: dict[str, str] = {}
    for letter in sorted(letters, key=lambda x: x.slug):
        for old in letter.redirect_from:
            rel = relpath(letter.path, root)
            if old.lower() in slugs or old in claimed:  # the file is read only for a problem
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
