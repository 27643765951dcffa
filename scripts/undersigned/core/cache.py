"""A cache of parsed letters, keyed by content, never by time.

Parsing and checking a letter (its YAML front matter, the schema, the registry and topics) is
most of what `undersigned check` and a build spend on loading the archive. The result for one
file depends only on: the file's path and bytes, the registry and topics files, and this
package's code. The cache keys every entry by all of them (BLAKE2 hashes), so an entry can only
be found for exactly the inputs that produced it; a changed file, registry, topic list or
package simply misses. Each entry also carries a MAC of its key and payload (keyed BLAKE2,
with a random key of this user on this machine kept beside the cache, mode 0600): a damaged
entry, a planted one (a payload whose plain checksum was recomputed) and every entry of a cache
copied from elsewhere fail it and are parsed again; a database that cannot be read is set
aside and replaced. A key file that is not a private regular file of this user is replaced
(and the cache rebuilt): whoever can write the key can also write the repository checkout.

Where: ``$UNDERSIGNED_CACHE_DIR``, else ``$XDG_CACHE_HOME/undersigned`` (``~/.cache/undersigned``),
one SQLite file per archive (named by a hash of the archive's absolute path) -- never inside
the repository, so a pull request cannot bring a cache with it. ``UNDERSIGNED_CACHE=0`` turns it
off. Payloads are JSON (never pickle): reading a cache cannot run code.

A process that loads the same archive again (the rebuilds of `mkdocs serve`) also keeps the
parsed front matter in memory, so a change to the registry re-checks letters without parsing
their YAML again."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import secrets
import sqlite3
from collections.abc import Callable
from pathlib import Path
from sys import intern
from typing import Any

import orjson

from undersigned.core.cachekey import load_key, seal
from undersigned.core.fields import BY_KEY, FIELDS
from undersigned.core.model import Letter, Recipient, Signature, StoredBody, pack_body
from undersigned.core.problems import Problem
from undersigned.core.settings import Settings
from undersigned.core.yamlfile import decode_text

FORMAT = 2  # 2: entries carry a keyed MAC, not a plain checksum
REGISTRY = "signatories.yaml"
_CODE: list[str] = []  # the version this process computed first (one entry)


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def code_version(fresh: bool = False) -> str:
    """A hash of this package's Python files: a new version of the code never reads entries
    written by an older one. ``fresh``: read the files again (has the code changed under a
    running `mkdocs serve`?); else the version this process computed first."""
    if fresh or not _CODE:
        h = hashlib.blake2b(digest_size=16)
        h.update(f"format {FORMAT}".encode())
        package = Path(__file__).resolve().parents[1]  # undersigned/
        for path in sorted(package.rglob("*.py")):
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
        if fresh:
            return h.hexdigest()
        _CODE.append(h.hexdigest())
    return _CODE[0]


def data_version() -> str:
    """A hash of this package's bundled data (the Members' terms, the officeholders, the
    countries): what the fact checks read besides the archive and the code."""
    h = hashlib.blake2b(digest_size=16)
    folder = Path(__file__).resolve().parents[1] / "data"
    for path in sorted(folder.iterdir()):
        if path.is_file():
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def cache_dir(settings: Settings | None = None) -> Path:
    return (settings or Settings.from_env()).cache_folder()


def enabled(settings: Settings | None = None) -> bool:
    return (settings or Settings.from_env()).cache


# ---- payloads: a built letter (without its body, which is re-read from the file) ----------

def _sig(s: Signature) -> list[Any]:
    return [s.name, s.id, s.role, s.position, s.line, s.group]


def _rec(r: Recipient) -> list[Any]:
    return [r.name, r.id, r.role, r.organization, r.line]


def _problem(p: Problem) -> list[Any]:
    return [p.path, p.line, p.message, p.hint, p.warning]


def _fields(letter: Letter) -> dict[str, Any]:
    """The letter's fields as the table declares them (core/fields.py), as JSON."""
    out: dict[str, Any] = {"extra": [[k, BY_KEY[k].kind.dump(v)] for k, v in letter.extra]}
    for f in FIELDS:
        if f.attr is None or not f.stored:
            continue
        value = getattr(letter, f.attr)
        if f.parties:
            out[f.attr] = [_rec(x) if isinstance(x, Recipient) else _sig(x) for x in value]
        else:
            out[f.attr] = None if value is None else f.kind.dump(value)
    return out


def _unfields(item: dict[str, Any]) -> dict[str, Any]:
    """Letter attributes of the fields of a payload (see _fields)."""
    out: dict[str, Any] = {"extra": tuple((k, BY_KEY[k].kind.load(v)) for k, v in item["extra"])}
    for f in FIELDS:
        if f.attr is None or not f.stored:
            continue
        value = item[f.attr]
        if f.parties:
            if f.key == "recipients":
                out[f.attr] = tuple(Recipient.of(*r) for r in value)
                continue
            if any(len(r) != len(_SIG) for r in value):
                raise ValueError("cached signature of another shape")
            out[f.attr] = tuple(map(_signature, value))
        else:
            out[f.attr] = None if value is None else f.kind.load(value)
    return out


def _signature(row: list[Any]) -> Signature:
    """A cached signature, its strings shared (model.shared, without its test: JSON's strings
    are str; anything else raises TypeError, and the entry is parsed again)."""
    name, id_, role, position, line, group = row
    return Signature(intern(name), intern(id_), None if role is None else intern(role),
                     position, line, None if group is None else intern(group))


def to_payload(letter: Letter | None, problems: list[Problem], original_line: int | None,
               parsed: bool, body_offset: int = 0,
               parties: list[tuple[str, str | None]] | None = None) -> dict[str, Any]:
    """``body_offset``: where the body begins in the file's decoded text; ``parties``: the
    (name, explicit id) pairs the letter asks the registry to resolve."""
    out: dict[str, Any] = {"problems": [_problem(p) for p in problems], "parsed": parsed}
    if parties is not None:
        out["parties"] = [list(x) for x in parties]
    if letter is not None:
        out["letter"] = {**_fields(letter), "body_line": letter.body_line,
                         "original_line": original_line, "body_offset": body_offset}
    return out


_SIG = tuple(f.name for f in dataclasses.fields(Signature))


def from_payload(payload: dict[str, Any], path: Path, data: bytes,
                 stored: Callable[[int], StoredBody] | None = None,
                 ) -> tuple[Letter | None, list[Problem], int | None]:
    """The letter, problems and line of source.original of a cached entry; the body is taken
    from the file's bytes (the entry is found only for these very bytes), or, with
    ``stored``, left there: ``stored(offset)`` says where to read it again."""
    problems = [Problem(*p) for p in payload["problems"]]
    item = payload.get("letter")
    if item is None:
        return None, problems, None
    start = item["body_offset"]
    if stored is not None:
        body: bytes | StoredBody = stored(start)
    else:
        text, _ = decode_text(data, "")
        if text is None:  # (an entry has a letter only for bytes that decoded)
            raise ValueError("cached letter of bytes that are not UTF-8")
        body = pack_body(text[start:])
    letter = Letter(slug=path.stem, path=path, packed=body, body_line=item["body_line"],
                    **_unfields(item))
    return letter, problems, item["original_line"]


def _busy(err: Exception) -> bool:
    """A database another process holds locked (beyond the wait): not damaged."""
    return isinstance(err, sqlite3.OperationalError) and (
        "locked" in str(err) or "busy" in str(err))


class LetterCache:
    """Entries (path, content hash, context) -> payload. ``context`` names everything else a
    result depends on (code, registry, topics). Any failure of the database turns the cache
    off for this run; the archive is then parsed as if there were none."""

    def __init__(self, root: Path, context: str, settings: Settings | None = None,
                 kind: str = "") -> None:
        """``kind``: another database of the same archive ('audit': the fact checks'
        findings, audit/memo.py), whose saves never touch the parsed letters."""
        self.context = context
        self.hits = self.misses = self.damaged = 0
        self._db: sqlite3.Connection | None = None
        self._keys: set[tuple[str, str]] = set()
        self._batch: dict[tuple[str, str, str], tuple[str, str]] = {}
        self._new: list[tuple[str, str, str, str, str]] = []
        self._key = b""
        if not enabled(settings):
            return
        folder = cache_dir(settings)
        name = digest(str(root.resolve()).encode()) + (f"-{kind}" if kind else "")
        self.path = folder / f"{name}.sqlite"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._key = load_key(folder)
        except OSError:  # no key, no cache: an entry is never taken on trust
            return
        try:
            self._db = self._open()
            self._keys = set(self._db.execute("SELECT rel, hash FROM letters WHERE context "
                                              "IN (?, ?)", (context, code_version())))
        except (sqlite3.Error, OSError) as err:
            if _busy(err):  # another process holds it: off for this run, never deleted
                self._off()
            else:
                self._set_aside()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        # no flush to the disk at each commit (a tenth of a second per rebuild of `mkdocs
        # serve`): a cache that a power cut damages is noticed (checksums, unreadable file)
        # and rebuilt, never trusted
        db.execute("PRAGMA synchronous = OFF")
        db.execute("CREATE TABLE IF NOT EXISTS letters (rel TEXT, hash TEXT, context TEXT, "
                   "payload TEXT, checksum TEXT, PRIMARY KEY (rel, hash, context))")
        return db

    def _set_aside(self) -> None:
        """A database that cannot be read is replaced by an empty one (or, failing that, the
        cache is off for this run)."""
        self.damaged += 1
        self._off()
        try:
            self.path.unlink(missing_ok=True)
            self._db = self._open()
        except (sqlite3.Error, OSError):
            self._db = None

    def get(self, rel: str, content_hash: str, context: str | None = None
            ) -> dict[str, Any] | None:
        """The payload stored for these inputs (``context``: the cache's own by default)."""
        counted = context is None  # the statistics count letters only
        if self._db is None or (rel, content_hash) not in self._keys:
            self.misses += counted
            return None
        row = self._batch.pop((rel, content_hash, context or self.context), None)
        if row is None:
            try:
                row = self._db.execute("SELECT payload, checksum FROM letters WHERE rel = ? "
                                       "AND hash = ? AND context = ?",
                                       (rel, content_hash, context or self.context)).fetchone()
            except sqlite3.Error:
                row = None
        value = None
        if row is not None and isinstance(row[0], str) and isinstance(row[1], str) \
                and secrets.compare_digest(seal(self._key, rel, content_hash,
                                                context or self.context, row[0]), row[1]):
            try:
                value = orjson.loads(row[0])  # (2.5x json's speed; a ValueError too)
            except ValueError:
                value = None
        if not isinstance(value, dict):
            self.damaged += row is not None
            self.misses += counted
            return None
        self.hits += counted
        return value

    def prefetch(self, rels: list[str]) -> None:
        """Read the entries of these paths in one query (``get`` then finds them in memory):
        a few hundred at a time keeps memory small and the queries few."""
        self._batch = {}
        if self._db is None or not rels:
            return
        marks = ",".join("?" * len(rels))
        try:
            for rel, h, ctx, payload, check in self._db.execute(
                    f"SELECT rel, hash, context, payload, checksum FROM letters WHERE rel IN "
                    f"({marks}) AND context = ?", (*rels, self.context)):
                self._batch[(rel, h, ctx)] = (payload, check)
        except sqlite3.Error:
            self._batch = {}

    def put(self, rel: str, content_hash: str, payload: dict[str, Any],
            context: str | None = None) -> None:
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        context = context or self.context
        self._new.append((rel, content_hash, context, text,
                          seal(self._key, rel, content_hash, context, text)))

    def save(self, keep: set[tuple[str, str]]) -> None:
        """Write the new entries and drop those of files no longer in the archive (in one
        transaction: a reader sees the old or the new cache, never half of one)."""
        if self._db is None:
            return
        stale = [(rel, h) for rel, h in self._keys if (rel, h) not in keep]
        if not self._new and not stale:  # nothing to write (entries of another context
            return  # are dropped by the next save that writes)
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR REPLACE INTO letters VALUES (?, ?, ?, ?, ?)",
                                     self._new)
                self._db.executemany("DELETE FROM letters WHERE rel = ? AND hash = ?", stale)
                # entries checked against another registry, topics or code
                self._db.execute("DELETE FROM letters WHERE context NOT IN (?, ?)",
                                 (self.context, code_version()))
        except sqlite3.Error as err:
            if _busy(err):  # (what this run found is simply not kept)
                self._off()
            else:
                self._set_aside()
        finally:
            self._new = []

    def _off(self) -> None:
        """No database for the rest of this run."""
        if self._db is not None:
            self._db.close()
        self._db = None
        self._keys = set()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
