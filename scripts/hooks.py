"""MkDocs adapter: hands the package's rendered pages, originals and data exports to MkDocs.
No domain logic lives here (see scripts/undersigned/).

Generated pages in the navigation go through MkDocs like any page. The thousands of others
(letters, signatories, paginated listings) are written after MkDocs' own pages into *shells*:
the theme template rendered once per kind of page by MkDocs itself, with sentinels where the
page's values go (undersigned/shell.py). Set UNDERSIGNED_MKDOCS_PAGES=1 to send every page
through MkDocs instead; the tests build both ways and compare every byte."""

from __future__ import annotations

import atexit
import calendar
import contextlib
import logging
import os
import posixpath
import re
import time
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import markdown
from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_build_date, write_file

from undersigned.pages import sanitize
from undersigned.pages import indexes
from undersigned.core.archive import load_archive, published_originals
from undersigned.outputs.exports import data_files, write_pieces
from undersigned.core.interrupts import exit_cleanly_on_signals, remove_folder, temporary_folder
from undersigned.core.letters import LetterChanged
from undersigned.pages.lightmd import LightMarkdown
from undersigned.serve.live import (BACKGROUND, LIVE, State, document_keys,
                              finish_search_in_background, fingerprint, incremental_builder,
                              pause_gc, tidy_memory_later,
                              quiet_dirty_notice, remove_stale, reuse_theme_environment,
                              serve_when_ready, write_pages_later,
                              stop_exports, stoppable, wait_for_background, write_in_background)
from undersigned.serve.live import dirty as dirty_pages
from undersigned.outputs.network import write_network
from undersigned.pages import eager, fill_markers, head_extras, plan
from undersigned.pages.cite import entity_jsonld, head_html
from undersigned.pages.common import join_blocks, page_url, parse_front
from undersigned.core.problems import report
from undersigned.core.publish import site_url_form_problem, site_url_problem
from undersigned.outputs.search import BUNDLE, BackgroundIndex, record_key, shards
from undersigned.pages.shell import Shell, outline_shape, outline_values, sentinel, sentinel_outline
from undersigned.outputs.sitemap import write_sitemaps

log = logging.getLogger("mkdocs.plugins.undersigned")
_STATE: dict[str, Any] = {}


def _nav_uris(items) -> set[str]:
    out: set[str] = set()
    for item in items or []:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            out |= _nav_uris(value) if isinstance(value, list) else {value}
    return out


def on_startup(command, dirty=False, **kwargs):
    exit_cleanly_on_signals()  # SIGTERM/SIGHUP clean up like Ctrl-C and a normal exit
    LIVE.reset()
    LIVE.serving = command == "serve" and not dirty


def on_serve(server, config, builder, **kwargs):
    """Rebuilds of `mkdocs serve` keep the pages nothing changed (see undersigned/live.py)."""
    LIVE.server = server
    incremental = incremental_builder(builder)
    if incremental is not None:
        server.builder = incremental
        serve_when_ready(server, BUNDLE)
    return server


def on_config(config, **kwargs):
    stop_exports()  # the downloads of an earlier rebuild, if still being written
    wait_for_background()  # the pages and search shards of an earlier rebuild, if pending
    if LIVE.serving:
        pause_gc()  # collected once after the build (see undersigned/live.py)
    root = Path(config.config_file_path).parent
    bad_url = site_url_form_problem(config.site_url)
    if bad_url:  # never written into canonical links, feeds and citations
        raise PluginError(str(bad_url))
    archive = load_archive(root, remember=LIVE.serving)
    errors = [p for p in archive.problems if not p.warning]
    if errors:
        raise PluginError("the archive has problems:\n" + report(errors))
    for problem in archive.problems:
        log.warning(str(problem))
    if ("SOURCE_DATE_EPOCH" not in os.environ or LIVE.epoch) and archive.letters:
        # reproducible builds: sitemap dates and gzip headers follow the newest document,
        # not the clock (set SOURCE_DATE_EPOCH yourself to override; under `mkdocs serve`
        # the value set here follows the archive from one rebuild to the next)
        newest = max(x.date for x in archive.letters)
        os.environ["SOURCE_DATE_EPOCH"] = LIVE.epoch = str(calendar.timegm(newest.timetuple()))
    if os.environ.get("UNDERSIGNED_PUBLISH") == "1":  # a build for publishing
        problem = site_url_problem(config.site_url)
        if problem:
            raise PluginError(str(problem))
    elif site_url_problem(config.site_url):
        log.info("site_url is the example address; set it before publishing "
                 "(UNDERSIGNED_PUBLISH=1 makes this an error)")
    if not config.use_directory_urls:
        raise PluginError("Undersigned needs use_directory_urls: true (the DESIGN.md URLs)")
    repo = config.extra.get("source_repository")
    edit = f"{repo.rstrip('/')}/edit/main/" if repo else None
    _cancel_search()  # an earlier build of `mkdocs serve` that never finished
    _STATE.clear()
    if not LIVE.serving or sanitize.MEMO is None or len(sanitize.MEMO) > 2 * len(archive.letters):
        sanitize.MEMO = {} if LIVE.serving else None  # bodies converted once per serve
        indexes.MEMO = {} if LIVE.serving else None  # listing items written once per serve
    keys = document_keys(archive) if LIVE.serving else {}
    marks = fingerprint(root, config.config_file_path, config.site_url or "") \
        if LIVE.serving else ""
    if LIVE.serving:
        reuse_theme_environment(config.theme, marks)
    previous = LIVE.previous if LIVE.incremental else None
    if previous is not None and previous.fingerprint != marks:
        previous = None  # configuration, docs or code changed: everything is rebuilt
    changed = dirty_pages(previous.archive, previous.keys, archive, keys, previous.shown) \
        if previous else None
    shard_keys = [tuple(record_key(archive, x) for x in run) for run in shards(archive)] \
        if LIVE.serving else []
    only = None
    if previous is not None and len(previous.shards) == len(shard_keys):
        only = {k for k, key in enumerate(shard_keys) if previous.shards[k] != key}
    _STATE.update(root=root, archive=archive, blocks={}, dirty=changed, keys=keys,
                  fingerprint=marks, shard_keys=shard_keys, previous=previous,
                  plan=dict(plan(archive, config.site_url or "", edit)))
    if LIVE.incremental:  # a rebuild: indexed after its pages are written (on_post_build)
        _STATE["search_later"] = (archive, only)
    else:  # indexes while the pages are written
        _STATE["search"] = BackgroundIndex(archive, only=only)
    return config


@contextlib.contextmanager
def _letters_unchanged():
    """A letter whose file changed since it was checked stops the build with its name (its
    body is read again from the file when its page is written, see letters.BodyInFile)."""
    try:
        yield
    except LetterChanged as exc:
        raise PluginError(f"{exc}\n  hint: a letter was edited while the site was being "
                          "built; build again") from None


@event_priority(-50)
def on_files(files: Files, config, **kwargs) -> Files:
    with _letters_unchanged():
        return _files(files, config)


def _files(files: Files, config) -> Files:
    archive = _STATE["archive"]
    everything = os.environ.get("UNDERSIGNED_MKDOCS_PAGES") == "1"
    in_nav = _nav_uris(config.nav)
    _STATE["shelled"] = []
    for uri in _STATE["plan"]:
        if everything or uri in in_nav:  # rendered on demand in on_page_read_source
            files.append(File.generated(config, uri, content="",
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        else:  # written into shells in on_post_build
            _STATE["shelled"].append(uri)
    for uri, path in published_originals(archive):
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    if LIVE.incremental:
        # a rebuild of `mkdocs serve` (not cleaned): hand-written pages are read again (the
        # home page counts documents), the bulk downloads follow in the background
        for file in files.documentation_pages():
            if file.abs_src_path and not file.generated_by:
                file.content_bytes = file.content_bytes  # marks it modified
        for uri, path in write_pieces(
                ((uri, pieces) for uri, pieces in data_files(archive, config.site_url or "")
                 if uri not in BACKGROUND),
                Path(_work_folder()) / "files"):
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        site = Path(config.site_dir)
        for uri in BACKGROUND:  # in the site already: listed (links to them are checked),
            if (site / uri).is_file():  # never copied onto themselves
                files.append(File.generated(config, uri, abs_src_path=str(site / uri)))
        return files
    # the exports grow with the archive (the co-signing network with the square of a letter's
    # signatories): written to temporary files a piece at a time, which MkDocs copies
    work = Path(_work_folder())
    for uri, path in write_network(archive, work / "network"):
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    for uri, path in write_pieces(data_files(archive, config.site_url or ""), work / "files"):
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def _work_folder() -> str:
    """A temporary folder for this build's exports (removed when the build ends)."""
    if "work" not in _STATE:
        _STATE["work"] = temporary_folder("undersigned-network-")
    return _STATE["work"]


def _background_exports(archive, site_url: str):
    """The bulk downloads, for write_in_background (rebuilds of `mkdocs serve`)."""
    def produce(work: Path, stop) -> list[tuple[str, Path]]:
        made = list(write_network(archive, work / "network", stop))
        made += list(write_pieces(((uri, stoppable(pieces, stop))
                                   for uri, pieces in data_files(archive, site_url)
                                   if uri in BACKGROUND), work / "files"))
        return made
    return produce


def on_nav(nav, config, files, **kwargs):
    _STATE.update(nav=nav, files=files)
    return nav


def on_env(env, config, files, **kwargs):
    _STATE["env"] = env
    return env


def on_page_read_source(page, config, **kwargs) -> str | None:
    thunk = _STATE["plan"].get(page.file.src_uri)
    if thunk is None:
        return None
    with _letters_unchanged():
        light, blocks = thunk().split()
    # MkDocs reads every page before it writes any: keep the HTML blocks compressed meanwhile
    _STATE["blocks"][page.file.src_uri] = zlib.compress("\0".join(blocks).encode(), 1)
    return light


def _head(uri: str, config) -> dict[str, str]:
    """Head extras of a generated page: citation tags + JSON-LD (letters), JSON-LD (people)."""
    archive = _STATE["archive"]
    if uri.startswith("letters/") and uri.endswith(".md"):
        letter = archive.by_slug.get(uri[len("letters/"):-3])
        if letter is not None:
            return head_extras(archive, letter, config.site_url or "")
    elif uri.startswith("signatories/"):
        entity_id = uri[len("signatories/"):-len(".md")]
        if entity_id in archive.signed:  # first page of a signatory
            return {"us_head": head_html(ld=entity_jsonld(archive, entity_id,
                                                           config.site_url or ""))}
    return {}


def on_page_markdown(markdown: str, page, config, **kwargs) -> str:
    uri = page.file.src_uri
    page.meta.update(_head(uri, config))
    return fill_markers(markdown, _STATE["archive"])


_GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')
GENERATOR = '<meta name="generator" content="Undersigned with Material for MkDocs">'


def _same_on_every_engine(html: str) -> str:
    """The theme names the engine and its version in a generator tag: written the same for
    MkDocs and ProperDocs (and any version), so the same archive gives the same bytes."""
    return _GENERATOR.sub(GENERATOR, html, count=1)


def on_post_template(output_content: str, **kwargs) -> str:
    """404.html and other theme templates that are not pages."""
    return _same_on_every_engine(output_content)


def on_post_page(output: str, page, **kwargs) -> str:
    """Put the pre-rendered HTML blocks back, late, so MkDocs never holds them all at once."""
    output = _same_on_every_engine(output)
    packed = _STATE["blocks"].pop(page.file.src_uri, None)
    if not packed:
        return output
    return join_blocks(output, zlib.decompress(packed).decode().split("\0"))


def _slot(meta_key: str) -> str:
    """The shell slot of a front-matter field: 'us_head' -> 'USHEAD'."""
    return meta_key.upper().replace("_", "")


def _render_shell(config, uri: str, meta_keys: tuple[str, ...], shape: tuple, h1: bool,
                  nav, files, env) -> Shell:
    """MkDocs renders the theme for a stand-in page of the same folder, depth, head fields and
    outline, with sentinels for every value (see undersigned/shell.py)."""
    page = Page(None, File.generated(config, uri, content=""), config)
    page.markdown = ""
    page.meta = {key: sentinel(_slot(key)) for key in meta_keys}
    page.content = ("<h1" if h1 else "") + sentinel("CONTENT")
    page.toc = get_toc(sentinel_outline(shape))  # type: ignore[arg-type]
    if config.site_url:
        page.canonical_url = sentinel("CANONICAL")
    page.active = True
    context = get_context(nav, files, config, page)
    return Shell(_same_on_every_engine(env.get_template("main.html").render(context)))


def _write_shelled_pages(config) -> list[str]:
    """Write every page not handed to MkDocs (in a rebuild of `mkdocs serve`, the pages of
    what changed itself; the others that show it are left in ``_STATE["later"]``); return
    the URLs of all of them."""
    changed = _STATE.get("dirty")
    before = _STATE["previous"].pages if _STATE.get("previous") else set()
    urls, now, later = [], [], []
    for uri in _STATE["shelled"]:
        thunk = _STATE["plan"][uri]
        urls.append(page_url(uri))
        if changed is not None and uri in before and not changed.wants(uri) \
                and not eager(thunk):
            continue  # unchanged since the previous build: kept as written
        if changed is not None and LIVE.incremental and not eager(thunk) \
                and not changed.first(uri):
            later.append(uri)
        else:
            now.append(uri)
    write = _page_writer(config)
    for uri in now:
        write(uri)
    _STATE.update(written=len(now), later=later, writer=write)
    return urls


def _page_writer(config):
    """A function that renders one generated page into its theme shell and writes it."""
    md = LightMarkdown(markdown.Markdown(extensions=config.markdown_extensions,
                                         extension_configs=config.mdx_configs or {}))
    shells: dict[tuple, Shell] = {}
    if LIVE.serving:  # the same configuration, docs and code: the same shells
        if LIVE.shells_for != _STATE["fingerprint"]:
            LIVE.shells, LIVE.shells_for = {}, _STATE["fingerprint"]
        shells = LIVE.shells
    site = Path(config.site_dir)
    plan_, nav, files, env = _STATE["plan"], _STATE["nav"], _STATE["files"], _STATE["env"]

    def write(uri: str) -> None:
        light, blocks = plan_[uri]().split()
        meta, body = parse_front(light)
        meta.update(_head(uri, config))
        converted, tokens = md.convert(body)
        content = join_blocks(converted, blocks)
        url = page_url(uri)
        h1 = content.startswith("<h1")
        if not h1 and "<h1" in content:
            raise PluginError(f"{uri}: the page's first heading must be its title")
        folder = posixpath.dirname(url.rstrip("/"))
        key = (folder, url.count("/"), tuple(meta), outline_shape(tokens), h1)
        shell = shells.get(key)
        if shell is None:  # a stand-in page at the same depth: same relative links
            stand_in = posixpath.join(folder, "us-shell.md")
            shell = shells[key] = _render_shell(config, stand_in, tuple(meta), key[3], h1,
                                                nav, files, env)
        names, ids = outline_values(tokens)
        values = {_slot(key): [str(value)] for key, value in meta.items()}
        values.update(CONTENT=[content[3:] if h1 else content], TOCT=names, TOCA=ids,
                      CANONICAL=[urljoin(config.site_url or "", url)])
        write_file(shell.fill(values).encode("utf-8", errors="xmlcharrefreplace"),
                   str(site / url / "index.html"))

    return write


def _write_sitemap(config, shelled: list[str]) -> None:
    urls = shelled + [f.url for f in _STATE["files"].documentation_pages()]
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    write_sitemaps(Path(config.site_dir), config.site_url or "", urls, get_build_date(), mtime)


def _cancel_search() -> None:
    search = _STATE.pop("search", None)
    if search is not None:
        search.cancel()
    _remove_work()


def _remove_work() -> None:
    work = _STATE.pop("work", None)
    if work is not None:
        remove_folder(work)


quiet_dirty_notice()  # rebuilds of `mkdocs serve` are dirty builds on purpose


def on_build_error(error, **kwargs) -> None:
    """A failed build stops its indexer and leaves no temporary folder behind; under
    `mkdocs serve` the next build is a full one (the site may hold part of this one)."""
    _cancel_search()
    LIVE.previous = None
    if LIVE.serving:
        tidy_memory_later()  # collection resumes


def on_shutdown(**kwargs) -> None:
    wait_for_background()
    _cancel_search()


atexit.register(_cancel_search)  # interrupted (Ctrl-C) between two events


def on_post_build(config, **kwargs) -> None:
    started = time.perf_counter()
    with _letters_unchanged():
        shelled = _write_shelled_pages(config)
    took = time.perf_counter() - started
    if _STATE.get("dirty") is not None:
        later = _STATE["later"]
        log.info(f"rewrote {_STATE['written']} of {len(shelled)} pages (the others show nothing "
                 f"that changed) in {took:.1f} s" + (f"; {len(later)} that show what changed "
                                                     "follow" if later else ""))
    else:
        log.info(f"wrote {len(shelled)} pages into theme shells in {took:.1f} s")
    _write_sitemap(config, shelled)
    _remove_work()
    site = Path(config.site_dir)
    if LIVE.incremental:  # the pages are served now; the changed shards follow
        archive, only = _STATE.pop("search_later")
        LIVE.search_done.clear()  # (before the downloads are scheduled: they wait for it)
        _remember_build(config)
        later, write = _STATE.pop("later"), _STATE.pop("writer")
        if later:
            write_pages_later({page_url(u) for u in later}, _rest(later, write, archive))
        finish_search_in_background(
            lambda: BackgroundIndex(archive, fork=False, only=only).finish(site))
        tidy_memory_later()
        return
    search = _STATE.pop("search")
    try:
        log.info(search.finish(site))
    except RuntimeError as exc:
        raise PluginError(str(exc)) from None
    if LIVE.serving:
        _remember_build(config)
        tidy_memory_later()


def _rest(later: list[str], write, archive):
    """The pages of a rebuild written after it (see write_pages_later)."""
    def run() -> None:
        started = time.perf_counter()
        for uri in later:
            write(uri)
        if LIVE.previous is not None:  # co-signers shown on the pages just written
            LIVE.previous.shown.update(archive.shown_cosigners)
        log.info(f"wrote the {len(later)} pages that show what changed in "
                 f"{time.perf_counter() - started:.1f} s")
    return run


def _remember_build(config) -> None:
    """Record what this build made, remove what the previous one made and this one did not,
    and (in a rebuild) start writing the bulk downloads."""
    site = Path(config.site_dir)
    files = _STATE["files"]
    outputs = {f.dest_uri for f in files if not f.inclusion.is_excluded()} - set(BACKGROUND)
    pages = {uri for uri in _STATE["shelled"]}
    previous = _STATE.get("previous") or LIVE.previous
    if LIVE.incremental and previous is not None:
        stale = {page_url(u) + "index.html" for u in previous.pages - pages}
        stale |= previous.outputs - outputs
        # what this build wrote stays, whoever wrote it before: a renamed letter's redirect
        # takes the place of its old page, a page comes back where a redirect was
        written = outputs | {page_url(u) + "index.html" for u in pages}
        remove_stale(site, stale, written)
    shown = dict(previous.shown) if LIVE.incremental and previous is not None else {}
    shown.update(_STATE["archive"].shown_cosigners)
    LIVE.previous = State(_STATE["fingerprint"], _STATE["archive"], _STATE["keys"], pages,
                          outputs, _STATE["shard_keys"], shown)
    if LIVE.incremental:
        write_in_background(site, _background_exports(_STATE["archive"], config.site_url or ""))
