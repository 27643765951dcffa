"""Incremental rebuilds for `mkdocs serve`: after the first (full) build, a change to a letter,
the registry or the topics rebuilds only the pages that show it.

How it stays right. Every rebuild loads the whole archive again (from the content-keyed
cache, so only changed files are parsed) and compares it with the previous one:

- L: documents whose file bytes, resolved ids or published original differ (or that were
  added or removed); E: registry entries whose fields differ; T: topics that differ; H:
  documents whose change history (git) differs.
- A document's page shows the document, its signatories', recipients' and named signers'
  entries, its topics and its related documents: it is rebuilt when any of these is in L, E,
  T or H -- looked up in the previous archive *and* the new one, so links that disappear count.
- A signatory's or recipient's page shows their entry, the documents they signed or received
  and their co-signers' names: it is rebuilt when the entry is in E, when a document of theirs
  is in L (before or after the change), or when a co-signer's entry is in E.
- Listings, indexes, counts, the home page, statistics, feeds and search facets are computed
  from the whole archive on every rebuild, as in a full build.
- The search index: a shard is re-indexed when the key of one of its documents changes (its
  bytes and resolved ids: see search.record_key); when the number of shards changes, all are.
- Anything else -- mkdocs.yml, docs/, the code, the bundled data -- rebuilds everything.

What the reader waits for. A rebuild ends (the browser reloads) once the listings and the
pages of what changed itself are written; the pages that only show it and the re-indexed
search shards are written right after, in threads, and until they are in place a request for
one of them waits (serve_when_ready): nothing is served stale. The garbage collector is off
during a build and collects once after it; MkDocs' file watcher pauses while a build runs.

The bulk data downloads (data/*.csv, *.json, cmif.xml, the co-signing network) are written
right after each rebuild in a background thread (the log says when they are complete);
`mkdocs build` writes them before it finishes, as always. tests/site/test_live.py changes a
letter, a registry name and a topic under a running `mkdocs serve` and compares every served
file with a clean build of the same archive."""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Callable

from undersigned.core.interrupts import remove_folder, temporary_folder
from undersigned.outputs.network import Stopped

if TYPE_CHECKING:
    from undersigned.core.archive import Archive

log = logging.getLogger("mkdocs.plugins.undersigned")

# data files written after a rebuild, in the background (see the module's note)
BACKGROUND = ("data/letters.json", "data/signatories.json", "data/letters.csv",
              "data/signatures.csv", "data/letter.schema.json", "data/datapackage.json",
              "data/cmif.xml", "data/cosigning.csv", "data/cosigning.graphml")


@dataclass
class State:
    """What the previous build was made of."""

    fingerprint: str
    archive: Archive
    keys: dict[str, tuple]  # slug -> document key
    pages: set[str]  # generated pages (docs paths) written into shells
    outputs: set[str] = field(default_factory=set)  # site paths of MkDocs' files
    shards: list[tuple] = field(default_factory=list)  # per shard, its documents' keys
    shown: dict[str, tuple[frozenset[str], int]] = field(default_factory=dict)  # see Archive


class Live:
    """The state of one `mkdocs serve` process (module-level: the hooks module is loaded again
    for every rebuild, this one is not)."""

    def __init__(self) -> None:
        self.serving = False  # the process runs `mkdocs serve`
        self.incremental = False  # the build under way is a rebuild
        self.previous: State | None = None
        self.exports: threading.Thread | None = None
        self.cancel_exports = threading.Event()
        self.epoch = ""  # SOURCE_DATE_EPOCH as set by the hooks (not by the user)
        self.shells: dict[tuple, Any] = {}  # theme shells, kept while the fingerprint holds
        self.shells_for = ""
        self.profiles = 0  # rebuilds profiled (UNDERSIGNED_PROFILE_DIR)
        self.builds = 0  # builds started in this process (pause_gc)
        self.search: threading.Thread | None = None  # a rebuild's search shards being moved in
        self.search_done = threading.Event()  # set when no search work is pending
        self.search_done.set()
        self.bytecode: Any = None  # the theme's compiled templates (reuse_theme_environment)
        self.server: Any = None  # the LiveReloadServer of `mkdocs serve`
        self.pages: threading.Thread | None = None  # a rebuild's remaining pages being written
        self.pending: set[str] = set()  # their URLs
        self.pages_done = threading.Event()
        self.pages_done.set()

    def reset(self) -> None:
        self.__init__()  # type: ignore[misc]


LIVE = Live()


def fingerprint(root: Path, config_file: str | None, site_url: str) -> str:
    """Everything that changes every page: configuration, hand-written pages and theme
    overrides, this package's code and data."""
    from undersigned.core.cache import code_version

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


def document_key(archive: Archive, slug: str) -> tuple:
    letter = archive.by_slug[slug]
    return (archive.hashes.get(slug), letter.original,
            tuple(s.id for s in letter.signatures), tuple(s.id for s in letter.signers_named),
            tuple(r.id for r in letter.recipients))


def document_keys(archive: Archive) -> dict[str, tuple]:
    return {x.slug: document_key(archive, x.slug) for x in archive.letters}


def _record(value: Any) -> tuple:
    """A registry entry or topic without its line number (lines move when others change)."""
    return tuple(v for f, v in zip(dataclasses.fields(value), dataclasses.astuple(value))
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


def dirty(old: Archive, old_keys: dict[str, tuple], new: Archive,
          new_keys: dict[str, tuple],
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


def _entity(archive: Archive, entity_id: str) -> tuple | None:
    e = archive.registry.entities.get(entity_id)
    return None if e is None else (e.name, e.kind, e.aliases, e.description, e.bioguide, e.url,
                                   e.wikidata)


def _topic(archive: Archive, topic_id: str) -> tuple | None:
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


def finish_search_in_background(finish: Callable[[], str]) -> None:
    """A rebuild's pages are served as soon as they are written; its re-indexed search shards
    follow a moment later. Until they are in place, requests for the search bundle wait
    (``serve_when_ready``), so a search never sees the old shard of a changed letter;
    the next build and the bulk downloads wait for them too."""
    LIVE.search_done.clear()

    def run() -> None:
        try:
            log.info(finish())
        except Exception as exc:  # reported, never raised into the server
            log.error(f"the search index could not be updated: {exc}")
            LIVE.previous = None  # the next build is a full one
        finally:
            LIVE.search_done.set()

    LIVE.search = threading.Thread(target=run, name="undersigned-search-finish", daemon=True)
    LIVE.search.start()


def pause_gc() -> None:
    """Under `mkdocs serve`, the garbage collector is off while a build runs: a server that
    holds two archives scans millions of objects at every full collection (half a second
    each, several per rebuild at 10,000 letters). ``tidy_memory_later`` collects once after
    the build, off the reader's clock."""
    LIVE.builds += 1
    gc.disable()


def tidy_memory_later() -> None:
    """After a build of `mkdocs serve`, in a thread once its search shards are in place: one
    full collection (the previous build's cycles), then what survives is frozen out of later
    collections (it is long-lived: the archive, the shells) and collection resumes. A build
    that starts meanwhile keeps it off until its own end."""
    build = LIVE.builds

    def run() -> None:
        LIVE.pages_done.wait()
        LIVE.search_done.wait()
        if LIVE.builds != build:
            return
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        if LIVE.builds == build:
            gc.enable()

    threading.Thread(target=run, name="undersigned-gc", daemon=True).start()


def write_pages_later(urls: set[str], write: Callable[[], None]) -> None:
    """The rebuild ends once the pages of what changed are written; the pages that only show
    it (a renamed topic's 3,000 letters, a co-signer's page) are written by ``write`` in a
    thread. Until it is done a request for one of ``urls`` waits for it (``serve_when_ready``),
    so no page is ever served stale; the search shards, the downloads and the next build wait
    for it too."""
    LIVE.pending = urls
    LIVE.pages_done.clear()

    def run() -> None:
        try:
            write()
        except Exception as exc:  # reported, never raised into the server
            log.error(f"pages could not be written: {exc}")
            LIVE.previous = None  # the next build is a full one
        finally:
            LIVE.pending = set()
            LIVE.pages_done.set()

    LIVE.pages = threading.Thread(target=run, name="undersigned-pages", daemon=True)
    LIVE.pages.start()


def wait_for_background() -> None:
    """Before a build starts: the previous rebuild's remaining pages and search shards are
    in place."""
    for thread in (LIVE.pages, LIVE.search):
        if thread is not None:
            thread.join()
    LIVE.pages = LIVE.search = None


def serve_when_ready(server: Any, bundle: str) -> None:
    """Requests under ``bundle`` (the search index's folder) wait until the search work of the
    latest rebuild is done, requests for a page still to be written until it is (at most a
    minute each); every other request is served as before."""
    serve = server.serve_request
    mount = server.mount_path.rstrip("/") + "/"
    prefix = mount + bundle.strip("/") + "/"

    def app(environ: dict, start_response: Callable) -> Any:
        path = environ.get("PATH_INFO", "")
        if path.startswith(prefix):
            LIVE.search_done.wait(60)
        elif LIVE.pending and path.startswith(mount):
            url = path[len(mount):].removesuffix("index.html")
            if url in LIVE.pending or url + "/" in LIVE.pending:
                LIVE.pages_done.wait(60)
        return serve(environ, start_response)

    server.set_app(app)


class _Bytecode:
    """Jinja's compiled templates, kept for the life of `mkdocs serve` (MkDocs makes a new
    theme environment for every build, which compiles every template again). Jinja checks each
    entry against the template's source, so an edited template is compiled afresh."""

    def __init__(self) -> None:
        import jinja2

        class Cache(jinja2.BytecodeCache):
            def __init__(self) -> None:
                self.entries: dict[str, bytes] = {}

            def load_bytecode(self, bucket: Any) -> None:
                code = self.entries.get(bucket.key)
                if code is not None:
                    bucket.bytecode_from_string(code)

            def dump_bytecode(self, bucket: Any) -> None:
                self.entries[bucket.key] = bucket.bytecode_to_string()

        self.cache = Cache()
        self.listings: dict[tuple, list[str]] = {}
        self.marks = ""


def reuse_theme_environment(theme: Any, marks: str) -> None:
    """Under `mkdocs serve`: the theme's Jinja environment of each rebuild reuses the compiled
    templates and the list of the theme's files of the first build (listing Material's
    folders, thousands of icons, costs a fraction of a second per rebuild; they do not change
    while the server runs -- the overrides folder is in the fingerprint, which makes a
    rebuild a full one)."""
    import jinja2

    if LIVE.bytecode is None or LIVE.bytecode.marks != marks:  # see fingerprint()
        LIVE.bytecode = _Bytecode()
        LIVE.bytecode.marks = marks
    memo = LIVE.bytecode
    make = theme.get_env

    class Loader(jinja2.FileSystemLoader):
        def list_templates(self) -> list[str]:
            key = tuple(str(p) for p in self.searchpath)
            if key not in memo.listings:
                memo.listings[key] = super().list_templates()
            return list(memo.listings[key])

    def get_env() -> Any:
        env = make()
        env.loader = Loader(env.loader.searchpath)
        env.bytecode_cache = memo.cache
        listed = env.list_templates

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            # MkDocs asks with the same filter (of the same theme) at every build
            key = (*env.loader.searchpath, repr(extensions),
                   getattr(filter_func, "__qualname__", repr(filter_func)))
            if key not in memo.listings:
                memo.listings[key] = listed(extensions=extensions, filter_func=filter_func)
            return list(memo.listings[key])

        env.list_templates = list_templates
        return env

    theme.get_env = get_env


DELAY = 1.0  # seconds of quiet after a rebuild before the bulk downloads are written


def stop_exports() -> None:
    """A new build starts: the downloads of the previous one give up at their next piece."""
    LIVE.cancel_exports.set()


def write_in_background(site: Path, produce: Callable[[Path, Callable[[], bool]],
                                                      list[tuple[str, Path]]]) -> None:
    """After DELAY seconds without a newer build, run ``produce(work folder, stop)`` in a
    thread and move each file it made into the site, one atomic rename each. A newer build
    stops it (``stop()`` turns true; produce raises Stopped), so it never competes with the
    rebuild a reader is waiting for."""
    previous = LIVE.exports
    if previous is not None and previous.is_alive():
        LIVE.cancel_exports.set()
        previous.join()
    LIVE.cancel_exports = cancel = threading.Event()

    def run() -> None:
        if cancel.wait(DELAY):
            return
        LIVE.pages_done.wait()  # the pages and the search shards first: the log line
        LIVE.search_done.wait()  # covers all of them
        if cancel.is_set():
            return
        work = Path(temporary_folder("undersigned-live-", str(site.parent)))
        try:
            made = produce(work, cancel.is_set)
            if cancel.is_set():
                return
            for uri, path in made:
                target = site / uri
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
            log.info(f"data downloads updated ({len(made)} files)")
        except Stopped:
            pass
        except Exception as exc:  # reported, never raised into the server
            log.error(f"the data downloads could not be written: {exc}")
        finally:
            remove_folder(work)

    LIVE.exports = threading.Thread(target=run, name="undersigned-exports", daemon=True)
    LIVE.exports.start()


def stoppable(pieces: Iterable[str], stop: Callable[[], bool]) -> Iterator[str]:
    for piece in pieces:
        if stop():
            raise Stopped("a newer build took over")
        yield piece


class _DirtyNotice(logging.Filter):
    """Drops MkDocs' warning about dirty builds during our rebuilds (it would stop them in
    strict mode); every other message passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (LIVE.incremental and record.getMessage().startswith("A 'dirty' build"))


_NOTICE = _DirtyNotice()


def quiet_dirty_notice() -> None:
    """Install the filter once per process (the hooks module is loaded again each rebuild)."""
    logger = logging.getLogger("mkdocs.commands.build")
    if _NOTICE not in logger.filters:
        logger.addFilter(_NOTICE)


def _pause_watcher() -> list[Any]:
    """MkDocs' watcher takes a snapshot of every watched file twice a second (10,000 letters:
    a tenth of a second of the interpreter each time). During a rebuild it waits: each
    polling emitter's lock is held, and its next snapshot, after the build, still sees every
    change made meanwhile. Emitters of another kind (or without the lock) are left alone."""
    observer = getattr(LIVE.server, "observer", None)
    held = []
    for emitter in list(getattr(observer, "emitters", ()) or ()):
        lock = getattr(emitter, "_lock", None)
        if lock is not None and hasattr(lock, "acquire") and lock.acquire(timeout=2):
            held.append(lock)
    return held


def incremental_builder(builder: Callable[..., None]) -> Callable[..., None] | None:
    """The rebuild function for `mkdocs serve`: MkDocs' own, made to build *dirty* (without
    cleaning the site first, which alone costs seconds at 10,000 letters): our hooks then
    rewrite what changed and remove what is gone. It reuses serve's own way of reading the
    configuration (with the command line's options), found in the builder's closure; if that
    cannot be found (another MkDocs), rebuilds stay full ones."""
    from mkdocs.commands.build import build

    names = getattr(builder, "__code__", None)
    cells = getattr(builder, "__closure__", None)
    if names is None or cells is None:
        return None
    try:
        scope = {name: cell.cell_contents for name, cell in zip(names.co_freevars, cells)}
    except ValueError:  # an empty cell
        return None
    get_config, serve_url = scope.get("get_config"), scope.get("serve_url")
    if not callable(get_config) or not isinstance(serve_url, str) or scope.get("is_clean") \
            or scope.get("is_dirty"):
        return None

    def rebuild(config: Any = None) -> None:
        log.info("Building documentation (incremental)...")
        if config is None:
            config = get_config()
            config.site_url = serve_url
        LIVE.incremental = LIVE.previous is not None
        profile_dir = os.environ.get("UNDERSIGNED_PROFILE_DIR")  # serve_bench --profile
        profiler = None
        if profile_dir and LIVE.incremental:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        paused = _pause_watcher()
        try:
            build(config, serve_url=serve_url, dirty=LIVE.incremental)
        finally:
            for lock in paused:
                lock.release()
            LIVE.incremental = False
            if profiler is not None:
                profiler.disable()
                LIVE.profiles += 1
                profiler.dump_stats(Path(str(profile_dir)) / f"rebuild-{LIVE.profiles}.prof")

    return rebuild
