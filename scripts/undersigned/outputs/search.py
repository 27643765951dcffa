"""Static full-text search with facets: Pagefind indexes one record per document, built from the
model (not from the built HTML), in shards of SHARD_SIZE documents that the search page merges
at query time. Each shard is indexed by its own Pagefind process, one after the other, so the
indexer's memory is bounded by the shard size, not by the archive; and the whole indexing runs
in the background (a forked process or a thread, see BackgroundIndex) while MkDocs writes the
pages, on the other core."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from undersigned.core.interrupts import default_signals, remove_folder, temporary_folder
from undersigned.core.names import fold
from undersigned.core.offices import recipient_office
from undersigned.core.urls import letter_uri, page_url
from undersigned.outputs.pagefind import SearchIndexError, _index_shard, canonicalize
from undersigned.pages.common import TYPE_LABELS

if TYPE_CHECKING:
    from undersigned.core.archive import Archive
    from undersigned.core.model import Letter

BUNDLE = "pagefind"
# the files of a bundle the search page uses; Pagefind's own UIs are not shipped
_RUNTIME = ("pagefind.js", "pagefind-worker.js", "wasm.en.pagefind", "wasm.unknown.pagefind",
            "pagefind-entry.json")


def shard_size(archive: Archive) -> int:
    return archive.settings.search_shard_size


def shards(archive: Archive) -> list[list[Letter]]:
    """The documents of each shard: consecutive runs of ``shard_size()`` in date order, oldest
    first (a new document, usually the newest, changes the last shard only)."""
    size = shard_size(archive)
    count = max(1, -(-len(archive.letters) // size))
    return [archive.letters[k * size:(k + 1) * size] for k in range(count)]


def shard_dirs(archive: Archive) -> list[str]:
    """Bundle folders of the shards (oldest first), relative to /pagefind/: the newest shard is
    the primary bundle (''), which the search page loads first; the older ones (s1/, s2/, ...)
    are merged into it only when a query needs them."""
    count = len(shards(archive))
    return [f"s{k}/" for k in range(1, count)] + [""]


def shard_ranges(archive: Archive) -> list[dict[str, Any]]:
    """For the search page: each shard's folder, filter id, dates and size, newest first."""
    out = []
    for k, (letters, sub) in enumerate(zip(shards(archive), shard_dirs(archive), strict=True)):
        out.append({"dir": sub, "id": shard_id(k), "count": len(letters),
                    "first": letters[0].date.isoformat() if letters else None,
                    "last": letters[-1].date.isoformat() if letters else None})
    return out[::-1]


def shard_id(k: int) -> str:
    return f"s{k + 1}"


_FOOTREF = re.compile(r"\[\^[^\]]+\]:?")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_MARK = re.compile(r"(^|\s)[#>]+\s|[*_`]+")
_SPACE = re.compile(r"\s+")


def plain_text(markdown: str) -> str:
    """The words of a Markdown body, in order, without markup (for matching and excerpts)."""
    text = _FOOTREF.sub(" ", markdown)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _MARK.sub(r"\1", text)
    return _SPACE.sub(" ", text).strip()


def result_meta(letter: Letter) -> dict[str, str]:
    """What a search result says of the document besides its text: title, type, date, who
    sent it (and its first signer and how many more), to whom (as printed)."""
    meta = {"title": letter.title, "date": letter.date.isoformat(),
            "type": TYPE_LABELS[letter.type], "from": letter.sender}
    sigs = letter.signatures
    if sigs and fold(sigs[0].name) != fold(letter.sender):
        rest = len(sigs) - 1
        meta["from"] += f", signed by {sigs[0].name}" + (
            f" and {rest} other{'s' if rest != 1 else ''}" if rest else "")
    to = "; ".join(", ".join(x for x in (r.name, r.role) if x) for r in letter.recipients)
    if to:
        meta["to"] = to
    return meta


def record(archive: Archive, letter: Letter) -> dict[str, Any]:
    """The Pagefind record of one document: its own words (title, sender, recipients and
    signatures as printed, body), result metadata, filters and sort key. The filters name
    signatories, recipients and topics by registry and topic id, never by name or title (offices
by the role the document gives a recipient, countries by code): a
    record depends on the document's file and the ids its names resolve to, so renaming a
    signatory or a topic re-indexes nothing (the search page maps names to ids with the
    name index, outputs/names.py, and topics with search/facets.json)."""
    printed = [sig.name for sig in (*letter.signatures, *letter.signers_named)]
    ids: list[str] = []
    for sig in (*letter.signatures, *letter.signers_named):
        if sig.id and sig.id not in ids:
            ids.append(sig.id)
    recipients = list(dict.fromkeys(r.id for r in letter.recipients if r.id))
    to = "; ".join(", ".join(x for x in (r.name, r.role, r.organization) if x)
                   for r in letter.recipients)
    content = " ".join(x for x in (
        letter.title + ".", letter.sender + ".", f"To {to}." if to else "",
        plain_text(letter.body), "Signed by " + ", ".join(printed) + "." if printed else "")
        if x)
    filters = {"year": [str(letter.year)], "month": [letter.date.isoformat()[:7]],
               "type": [TYPE_LABELS[letter.type]]}
    offices = list(dict.fromkeys(recipient_office(archive, r, letter)
                                 for r in letter.recipients if r.role))
    for key, values in (("topic", list(letter.topics)), ("signatory", ids),
                        ("recipient", recipients), ("office", offices),
                        ("country", list(dict.fromkeys(letter.countries)))):
        if values:
            filters[key] = values
    return {"url": "/" + page_url(letter_uri(letter.slug)), "content": content,
            "language": "en", "meta": result_meta(letter),
            "filters": filters, "sort": {"date": letter.slug}}  # slug: date first, unique


def record_key(archive: Archive, letter: Letter) -> tuple[Any, ...]:
    """What a letter's record depends on: its file's bytes and the ids its names resolve to
    (an incremental build re-indexes a shard when a key in it changes)."""
    return (letter.slug, archive.hashes.get(letter.slug),
            tuple(s.id for s in (*letter.signatures, *letter.signers_named)),
            tuple(r.id for r in letter.recipients),
            tuple(recipient_office(archive, r, letter) for r in letter.recipients))  # (others
    # may say which office a bare 'Secretary' is)


def build_index(archive: Archive, out: Path, only: set[int] | None = None) -> None:
    """Write the search bundle (primary + merged shards) into ``out`` (created, must not
    exist); ``only``: the shards to index (the others are left out)."""
    work = Path(tempfile.mkdtemp(prefix="undersigned-search-", dir=out.parent))
    try:
        for k, (letters, sub) in enumerate(zip(shards(archive), shard_dirs(archive), strict=True)):
            if only is not None and k not in only:
                continue
            shard = work / f"shard{k}"
            _index_shard([_shard_record(archive, x, k) for x in letters], shard,
                         _RUNTIME if sub == "" else ("pagefind-entry.json",))
            if not (shard / "pagefind-entry.json").is_file():
                raise SearchIndexError("Pagefind wrote no index (pagefind-entry.json missing)")
            canonicalize(shard)
            if sub:
                out.mkdir(parents=True, exist_ok=True)
                shutil.move(str(shard), str(out / sub))
            else:
                out.mkdir(parents=True, exist_ok=True)
                for item in sorted(shard.iterdir()):
                    shutil.move(str(item), str(out / item.name))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _shard_record(archive: Archive, letter: Letter, k: int) -> dict[str, Any]:
    rec = record(archive, letter)
    rec["filters"]["shard"] = [shard_id(k)]  # lets the search page ask one shard at a time
    return rec


class BackgroundIndex:
    """Builds the search bundle while the pages are written; ``finish`` waits for it and moves
    it into the site. Where the platform can fork and the process has no other thread yet (a
    plain ``mkdocs build``), the work runs in a forked child process, so building the records
    does not compete with the page writer for the interpreter lock; otherwise (Windows, or the
    rebuilds of ``mkdocs serve``, whose server threads are running by then) in a thread."""

    def __init__(self, archive: Archive, fork: bool | None = None,
                 only: set[int] | None = None) -> None:
        """``fork``: None chooses as described above; True or False forces a way. ``only``:
        index just these shards and, in ``finish``, replace just them in the site's bundle
        (the rebuilds of `mkdocs serve`, see live.py)."""
        self._out = Path(temporary_folder("undersigned-bundle-")) / BUNDLE
        self._report = self._out.parent / "report.json"
        self._count, self._shards = len(archive.letters), len(shard_dirs(archive))
        self._only = only
        self._dirs = shard_dirs(archive)
        self._pid = 0
        self._thread: threading.Thread | None = None
        if fork is None:
            fork = hasattr(os, "fork") and threading.active_count() == 1
        if fork:
            self._pid = os.fork()
            if self._pid == 0:  # the child: index, report, and leave without cleanup handlers
                default_signals()  # stopped by its parent: at once, without the parent's handlers
                os._exit(self._run(archive))
        else:
            self._thread = threading.Thread(target=self._run, args=(archive,), daemon=True,
                                            name="undersigned-search")
            self._thread.start()

    def cancel(self) -> None:
        """Stop the indexer and remove its files (a failed or interrupted build): no child
        process outlives the build, no folder is left in the temporary directory."""
        if self._pid:
            try:
                os.kill(self._pid, signal.SIGTERM)
                os.waitpid(self._pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self._pid = 0
        elif self._thread is not None:
            self._thread.join()  # a thread cannot be stopped; it ends with its shard
        remove_folder(self._out.parent)

    def _run(self, archive: Archive) -> int:
        started = time.perf_counter()
        try:
            build_index(archive, self._out, self._only)
            error = None
        except BaseException as exc:  # handed to the build in finish()
            error = f"{type(exc).__name__}: {exc}" if not isinstance(exc, SearchIndexError) else str(exc)
        took = time.perf_counter() - started
        self._report.write_text(json.dumps({"error": error, "took": took}), encoding="utf-8")
        return 1 if error else 0

    def finish(self, site_dir: Path) -> str:
        """Wait for the index, move it into the site; return a one-line report."""
        waiting = time.perf_counter()
        if self._pid:
            os.waitpid(self._pid, 0)
        elif self._thread is not None:
            self._thread.join()
        waited = time.perf_counter() - waiting
        pid, self._pid = self._pid, 0
        try:
            if not self._report.is_file():
                raise SearchIndexError("the search indexer stopped without a report")
            report = json.loads(self._report.read_text(encoding="utf-8"))
            if report["error"]:
                raise SearchIndexError(report["error"])
            target = site_dir / BUNDLE
            if self._only is None:
                if target.exists():
                    shutil.rmtree(target)
                shutil.move(str(self._out), str(target))
            else:
                for k in sorted(self._only):
                    _replace_shard(target, self._out, self._dirs[k])
        finally:
            remove_folder(self._out.parent)
        where = "a child process" if pid else "a thread"
        done = (f"{self._shards} shard(s)" if self._only is None else
                f"{len(self._only)} of {self._shards} shard(s) re-indexed")
        return (f"search index: {self._count} documents, {done}, {report['took']:.1f} s in "
                f"{where}, the build waited {waited:.1f} s")


def _is_shard_dir(path: Path) -> bool:
    return path.is_dir() and re.fullmatch(r"s\d+", path.name) is not None


def _replace_shard(target: Path, new: Path, sub: str) -> None:
    """Put the shard ``sub`` ('' = the primary bundle, without the older shards inside it) of
    the bundle ``new`` in place of the one in ``target``."""
    if sub:
        old = target / sub
        if old.exists():
            shutil.rmtree(old)
        shutil.move(str(new / sub), str(old))
        return
    target.mkdir(parents=True, exist_ok=True)
    for item in list(target.iterdir()):
        if not _is_shard_dir(item):
            shutil.rmtree(item) if item.is_dir() else item.unlink()
    for item in sorted(new.iterdir()):
        if not _is_shard_dir(item):
            shutil.move(str(item), str(target / item.name))


