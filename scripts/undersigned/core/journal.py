"""`undersigned import` writes all of its files or, after a crash, finishes them: one import at a
time (an exclusive lock on ``.undersigned-import.lock`` in the archive root), and a journal
(``.undersigned-import.journal``) written before the first file, holding every file's new
bytes and a digest of what it replaces. The next import (or ``import --resume``) finishes a
journal left behind, file by file, and never overwrites a file changed since."""

from __future__ import annotations

import base64
import contextlib
import fcntl
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from undersigned.core.writes import write_atomic

LOCK = ".undersigned-import.lock"
JOURNAL = ".undersigned-import.journal"
# the only files an import writes: a journal naming any other (a config, a hook, a script) is
# refused whole, whatever put it there
WRITABLE_RE = re.compile(r"^(?:letters/[A-Za-z0-9][A-Za-z0-9._-]{0,199}\.(?:md|txt)|"
                         r"signatories\.yaml)$")
LOCK_WAIT = 120.0  # seconds an import waits for another one before it gives up


class ImportRefused(Exception):
    """An import that cannot go on; its text is ``path: what`` + ``hint:`` (no traceback)."""


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _holder(fd: int) -> str:
    """The process id the lock file names, for the message ('' when it names none)."""
    with contextlib.suppress(OSError, ValueError):
        text = os.pread(fd, 64, 0).decode("ascii").strip()
        return f" (process {int(text)})" if text else ""
    return ""


@contextlib.contextmanager
def import_lock(root: Path, wait: float | None = None,
                say: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the archive's import lock while the block runs; wait up to ``wait`` seconds for
    another import to finish (``say`` is told once). A lock left by a process that died is
    free: the system releases it with the process, and the file naming it is taken over.
    The lock is removed when the block ends (an import leaves nothing behind)."""
    path = root / LOCK
    deadline = time.monotonic() + (LOCK_WAIT if wait is None else wait)
    told = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            if time.monotonic() >= deadline:
                raise ImportRefused(
                    f"{LOCK}: another import is running{holder}\n  hint: wait for it to "
                    f"finish and import again; if no import is running, remove {LOCK}"
                ) from None
            if not told and say is not None:
                say(f"waiting for another import to finish{holder}")
                told = True
            time.sleep(0.05)
            continue
        if _same_file(fd, path):
            break
        os.close(fd)  # the file was removed while we waited: lock the one there now
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:  # removed while still held: an import waiting on this file sees it gone
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except OSError:
        return False


def commit(root: Path, writes: list[tuple[Path, bytes]]) -> None:
    """Write every file, or leave a journal that finishes them: the journal first (flushed,
    renamed into place), then each file atomically, then the journal is removed."""
    entries = [{"path": target.relative_to(root).as_posix(), "before": _digest(_read(target)),
                "data": base64.b64encode(data).decode("ascii")} for target, data in writes]
    try:
        write_atomic(root / JOURNAL, json.dumps({"version": 1, "writes": entries}, indent=1))
    except OSError as exc:
        raise ImportRefused(f"{JOURNAL}: cannot be written ({exc.strerror or exc}); nothing "
                            "was written\n  hint: fix the cause and import again") from None
    for k, (target, data) in enumerate(writes):
        try:
            write_atomic(target, data)
        except OSError as exc:
            raise ImportRefused(
                f"{target.relative_to(root).as_posix()}: cannot be written ({exc.strerror or exc})"
                f"; the import stopped after {k} of its {len(writes)} files\n  hint: fix the "
                f"cause, then run `undersigned import --resume`: {JOURNAL} holds every file "
                "and finishes the import") from None
    (root / JOURNAL).unlink()


def resume(root: Path) -> list[str] | None:
    """Finish the import a journal left behind: the files written now (repo-relative), or None
    without a journal. A file changed since (neither what the import found nor what it meant
    to write) is never overwritten: ImportRefused, and the journal stays."""
    journal = root / JOURNAL
    raw = _read(journal)
    if raw is None:
        return None
    try:
        entries = json.loads(raw)["writes"]
        plan = [(e["path"], e["before"], base64.b64decode(e["data"], validate=True))
                for e in entries]
    except (ValueError, KeyError, TypeError) as exc:
        raise ImportRefused(f"{JOURNAL}: cannot be read ({exc})\n  hint: compare the files it "
                           f"names with git (git status), then remove {JOURNAL}") from None
    targets = []
    for rel, before, data in plan:
        target = root / rel
        if not WRITABLE_RE.match(rel) or not target.resolve().is_relative_to(root.resolve()):
            raise ImportRefused(
                f"{JOURNAL}: names {rel!r}, which no import writes (only letters/*.md, "
                f"letters/*.txt and signatories.yaml); nothing was written\n  hint: a journal "
                f"is never committed; remove {JOURNAL} and check `git status`")
        now = _read(target)
        if now != data and _digest(now) != before:
            raise ImportRefused(
                f"{rel}: changed since the interrupted import was planned; not overwritten\n"
                f"  hint: compare it with git, then remove {JOURNAL} (or restore the file "
                "and import again)")
        targets.append((target, data, now == data))
    done = []
    for target, data, same in targets:
        if not same:
            write_atomic(target, data)
            done.append(target.relative_to(root).as_posix())
    journal.unlink()
    return done
