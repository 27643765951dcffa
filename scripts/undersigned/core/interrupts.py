"""A build stopped by a signal cleans up like a normal exit.

Python turns Ctrl-C (SIGINT) into KeyboardInterrupt, so ``finally`` blocks and ``atexit``
handlers run; SIGTERM (how CI cancels a job and ``timeout`` stops a command) and SIGHUP (a
closed terminal) kill the process at once by default, leaving the build's temporary folders
(exports, search bundle) behind. ``exit_cleanly_on_signals`` makes them raise SystemExit in
the main thread instead, with the exit status a signal death would have (128 + number)."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
import threading
from types import FrameType

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _exit(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def exit_cleanly_on_signals() -> None:
    """Install the handlers (main thread only; a handler someone else set is kept)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in SIGNALS:
        if signal.getsignal(sig) in (signal.SIG_DFL, None):
            signal.signal(sig, _exit)


def default_signals() -> None:
    """In a forked child that must die at once when its parent stops it."""
    for sig in SIGNALS:
        signal.signal(sig, signal.SIG_DFL)


# temporary folders of this process not removed yet: process-wide on purpose (a signal or
# the interpreter's exit, not a build, decides when they go)
_FOLDERS: set[str] = set()
_BLOCKED = (*SIGNALS, signal.SIGINT)


def temporary_folder(prefix: str, parent: str | None = None) -> str:
    """``tempfile.mkdtemp`` that a signal cannot orphan: the stopping signals wait while the
    folder is made and recorded, and whatever is recorded is removed at exit."""
    block = threading.current_thread() is threading.main_thread() \
        and hasattr(signal, "pthread_sigmask")
    if block:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _BLOCKED)
    try:
        folder = tempfile.mkdtemp(prefix=prefix, dir=parent)
        _FOLDERS.add(folder)
    finally:
        if block:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
    return folder


def remove_folder(folder: str | os.PathLike[str]) -> None:
    """Remove a folder made by temporary_folder (and forget it)."""
    shutil.rmtree(folder, ignore_errors=True)
    _FOLDERS.discard(os.fspath(folder))


@atexit.register
def remove_all_folders() -> None:
    """Remove every folder temporary_folder made (at exit, and before a restart)."""
    if os.getpid() != _PID:  # a forked child leaves its parent's folders alone
        return
    for folder in sorted(_FOLDERS):
        shutil.rmtree(folder, ignore_errors=True)
    _FOLDERS.clear()


_PID = os.getpid()
