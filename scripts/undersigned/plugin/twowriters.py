"""Write the generated pages of a full build in two processes.

A plain ``mkdocs build`` spends most of its time rendering the thousands of generated pages
one after the other in one interpreter, while a second core has only the search indexer's
child to run. Where the platform can fork and the process has no thread besides the main one,
a forked child and this process take subjects' pages (a letter's, an entry's: ``subject``)
from one shared counter, each the next subject not taken yet, until none is left: whichever
has less other work (this process first writes the exports it was given, the search indexer
runs beside them) writes more. Each file is written by exactly one of them, so the site is
the same byte for byte whichever writes it. A subject's pages are written one after the other
by the same process (an entry's page and its co-signers CSV rank the same ties: Archive.ties).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from undersigned.core.interrupts import default_signals, remove_folder, temporary_folder

MIN_PAGES = 200  # below this the fork costs more than it saves


class WriterError(RuntimeError):
    """The second writer failed; the message is its error's."""


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def by_subject(uris: Sequence[str], subject: Callable[[str], str]) -> list[list[str]]:
    """``uris`` in groups of one subject each, in the order of each subject's first page."""
    groups: dict[str, list[str]] = {}
    for uri in uris:
        groups.setdefault(subject(uri), []).append(uri)
    return list(groups.values())


def _write_groups(groups: Iterable[list[str]], write: Callable[[str], None]) -> None:
    for group in groups:
        for uri in group:
            write(uri)


def _shared(groups: list[list[str]]) -> Callable[[], Iterator[list[str]]]:
    """Groups to take from two processes: each is given the next one nobody took yet."""
    taken = multiprocessing.get_context("fork").Value("q", 0)  # the next group to take

    def take() -> Iterator[list[str]]:
        while True:
            with taken.get_lock():
                k = taken.value
                taken.value = k + 1
            if k >= len(groups):
                return
            yield groups[k]

    return take


def _child(take: Callable[[], Iterator[list[str]]], write: Callable[[str], None],
           report: Path) -> NoReturn:
    """The forked writer: its share, then leave without the parent's exit handlers."""
    default_signals()
    status = 0
    try:
        _write_groups(take(), write)
    except BaseException as exc:  # handed to the parent (write_pages)
        report.write_text(str(exc) or traceback.format_exc(), encoding="utf-8")
        status = 1
    os._exit(status)


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def write_pages(uris: Sequence[str], write: Callable[[str], None],
                subject: Callable[[str], str], fork: bool,
                first: Callable[[], None] | None = None) -> None:
    """``write`` each of ``uris``, a subject's pages one after the other; with ``fork`` (and
    can_fork()), in two processes. ``first``: work of this process's own before it takes
    pages (run here in any case)."""
    groups = by_subject(uris, subject)
    if not fork or len(uris) < MIN_PAGES or not can_fork():
        if first is not None:
            first()
        _write_groups(groups, write)
        return
    folder = temporary_folder("undersigned-writer-")
    report = Path(folder) / "error.txt"
    take = _shared(groups)
    gc.freeze()  # the collector leaves the objects both share alone (fewer copied pages)
    pid = os.fork()
    if pid == 0:
        _child(take, write, report)
    gc.unfreeze()
    try:
        if first is not None:
            first()
        _write_groups(take(), write)
        _, status = os.waitpid(pid, 0)
        pid = 0
        if status:
            raise WriterError(report.read_text(encoding="utf-8") if report.is_file() else
                              f"the second page writer stopped with status {status}")
    finally:
        if pid:  # this process failed first: the child goes too
            _stop(pid)
        remove_folder(folder)
