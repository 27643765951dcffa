"""The state of one `mkdocs serve` process, held by the plugin for the whole session (MkDocs
keeps a plugin with ``on_startup`` for every rebuild of a serve): what the previous build was
made of, the threads that finish a rebuild, and what is kept between rebuilds."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from undersigned.core.archive import RenderMemo
from undersigned.core.load import Remembered

if TYPE_CHECKING:
    from undersigned.core.archive import Archive

# data files written after a rebuild, in the background (see serve/__init__.py)
BACKGROUND = ("data/letters.json", "data/signatories.json", "data/letters.csv",
              "data/signatures.csv", "data/letter.schema.json", "data/datapackage.json",
              "data/cmif.xml", "data/cosigning.csv", "data/cosigning.graphml")


@dataclass
class State:
    """What the previous build was made of."""

    fingerprint: str
    archive: Archive
    keys: dict[str, tuple[Any, ...]]  # slug -> document key
    pages: set[str]  # generated pages (docs paths) written into shells
    outputs: set[str] = field(default_factory=set)  # site paths of MkDocs' files
    shards: list[tuple[Any, ...]] = field(default_factory=list)  # per shard, its documents' keys
    listings: dict[str, bytes] = field(default_factory=dict)  # listing page -> its digest


class WatchedChanges:
    """The paths the server's file watcher reported since they were last taken (a letter's
    page written first needs to know which file changed without looking at every file)."""

    def __init__(self, heard: Callable[[], None] = lambda: None) -> None:
        self._lock = threading.Lock()
        self._paths: set[str] = set()
        self.recording = False
        self._heard = heard  # called at each change, as soon as the watcher reports it

    def record(self, event: Any) -> None:
        if getattr(event, "is_directory", False):
            return
        with self._lock:
            for path in (getattr(event, "src_path", ""), getattr(event, "dest_path", "")):
                if path:
                    self._paths.add(os.fsdecode(path))
        self._heard()

    def waiting(self) -> bool:
        """Changes were reported that no build has taken yet."""
        with self._lock:
            return bool(self._paths)

    def take(self) -> set[str] | None:
        """The paths reported since the last call, or None when none can be known."""
        with self._lock:
            paths, self._paths = self._paths, set()
        return paths if self.recording else None


class ServeSession:
    """One `mkdocs serve` process (a plain `mkdocs build` has none)."""

    def __init__(self) -> None:
        self.incremental = False  # the build under way is a rebuild
        self.previous: State | None = None
        self.exports: threading.Thread | None = None
        self.cancel_exports = threading.Event()
        self.epoch = ""  # SOURCE_DATE_EPOCH as set by the plugin (not by the user)
        self.shells: dict[tuple[Any, ...], Any] = {}  # theme shells, kept while the fingerprint holds
        self.shells_for = ""
        self.profiles = 0  # rebuilds profiled (settings.profile_dir)
        self.builds = 0  # builds started in this session (pause_gc)
        self.search: threading.Thread | None = None  # a rebuild's search shards being moved in
        self.search_done = threading.Event()  # set when no search work is pending
        self.search_done.set()
        self.bytecode: Any = None  # the theme's compiled templates (theme.py)
        self.server: Any = None  # the LiveReloadServer of `mkdocs serve`
        self.pages: threading.Thread | None = None  # a rebuild's remaining pages being written
        self.pending: set[str] = set()  # their URLs
        self.pages_done = threading.Event()
        self.pages_done.set()
        self.remembered = Remembered()  # letters parsed by earlier loads (core/load.py)
        self.render_memo = RenderMemo()  # HTML rendered by earlier builds
        self.code = ""  # the version of the package code this process runs (engine.py)
        # a letter's page written before its rebuild (plugin/first.py): until the rebuild is
        # done, every request but for these URLs waits
        self.settled = threading.Event()
        self.settled.set()
        self.first_urls: set[str] = set()
        self.follow_up: threading.Thread | None = None  # that rebuild
        self.changes = WatchedChanges(self.unsettle)  # what the server's watcher reported
        # (engine.py): the gate closes as soon as a change is heard, before MkDocs starts the
        # build that makes requests wait for it

    def unsettle(self) -> None:
        """A change is coming: every request waits until a build has made the site whole
        again, but for the pages written first (none yet)."""
        self.first_urls = set()
        self.settled.clear()
