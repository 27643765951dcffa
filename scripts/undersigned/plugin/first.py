"""The first page of a `mkdocs serve` rebuild (this module is the builder's FirstPagesHook,
serve/engine.py): when the one file that changed is a letter whose text changed and nothing
else (its title, summary, source or body), its own pages are written at once, before the
archive is loaded again, and the rest of the rebuild follows in a thread.

Why it is right. A letter's page shows the letter and what it reaches (pages/depends.py: its
signatories, recipients, topics, related documents, history, sender, citation key rivals).
When none of the letter's other fields changed, its citation key's beginning is the same and
HEAD has not moved (its history), everything it reaches is what the previous build had: the
page is rendered from the previous archive with the letter replaced (``_patched``). Anything
else -- a second changed file, a letter added, removed or renamed, a new signatory, a problem
found in the letter, the registry, topics, configuration, docs or code changed, a theme shell
not made yet -- takes the usual way (every rebuild is a dirty build: serve/engine.py).

Why nothing is served stale. From the moment the server's watcher reports a change, every
request waits (``ServeSession.settled``, serve/background.py ``serve_when_ready``) until a
build has taken it and closed its own gates for what it writes later -- every request but for
the pages written here, once they are named. The follow-up writes the letter's pages again and
compares their bytes with these: a difference is logged as a warning (a bug of this module;
tests/site/test_live.py fails on it)."""

from __future__ import annotations

import copy
import dataclasses
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from undersigned.core.archive import Archive
from undersigned.core.cache import code_version
from undersigned.core.history import repository_head
from undersigned.core.load import Remembered, context, file_signature, reload_letter
from undersigned.core.model import Letter
from undersigned.core.paths import letter_files
from undersigned.core.urls import page_url
from undersigned.pages import subject_pages
from undersigned.pages.bibtex import base_key
from undersigned.plugin.build import Build
from undersigned.plugin.shells import page_renderer, write_page
from undersigned.serve.dirty import fingerprint
from undersigned.serve.session import ServeSession

log = logging.getLogger("mkdocs.plugins.undersigned")

# the fields of a letter no other page, table or check of another letter reads
TEXT_FIELDS = ("title", "summary", "source", "packed", "body_line")


@dataclass
class FirstPages:
    """The pages written first: their paths in the site and bytes, and the letter's slug."""

    slug: str
    written: dict[str, bytes]
    path: Path  # the letter's file, and its signature when it was read
    signature: tuple[int, ...] | None


def edit_prefix(config: MkDocsConfig) -> str | None:
    """The 'Edit this document' link's beginning (``extra.source_repository``), or None."""
    repo = config.extra.get("source_repository")
    return f"{repo.rstrip('/')}/edit/main/" if repo else None


def write(session: ServeSession, config: MkDocsConfig, changed: set[str] | None
          ) -> FirstPages | None:
    """Write the pages of the one letter whose text alone changed, and close the gate on
    every other file (see the module's text); None, having written nothing, when the change
    is anything else. ``changed``: the paths the server's watcher reported (None: unknown,
    every letter file is looked at)."""
    previous = session.previous
    if previous is None or session.shells_for != previous.fingerprint:
        return None
    archive = previous.archive
    root = archive.root
    if not archive.context or context(root) != archive.context \
            or code_version(fresh=True) != session.code \
            or fingerprint(root, config.config_file_path, config.site_url or "") \
            != previous.fingerprint:
        return None  # the registry, topics, code, configuration or docs changed
    if history_moved(archive):
        return None  # a commit, pull or checkout: the letter's history may differ
    rel = (_one_changed_letter(archive, session.remembered) if changed is None
           else _one_reported_letter(archive, session.remembered, changed))
    if rel is None:
        return None
    letter, content_hash, problems = reload_letter(archive, rel, session.remembered)
    if letter is None or content_hash is None or problems:
        return None  # the rebuild reports them
    slug = letter.slug
    old = archive.by_slug.get(slug)
    if old is None or not text_only(archive, old, letter):
        return None
    patched = _patched(archive, letter, content_hash)
    build = Build(root, patched, archive.settings,
                  {p.uri: p for p in subject_pages(patched, "letter", slug,
                                                   config.site_url or "", edit_prefix(config))})
    try:
        pages = [page_renderer(build, config, session.shells)(uri) for uri in build.plan]
    except Exception:  # noqa: BLE001 - a shell not made yet (the theme is needed), or a
        return None  # page the rebuild refuses: the rebuild says why
    session.first_urls = {page_url(uri) for uri in build.plan}  # served from now on: every
    for path, data in pages:  # other request waits for the rebuild (ServeSession.settled)
        write_page(path, data, atomic=True)
    return FirstPages(slug, dict(pages), archive.root / rel, _stat(archive.root / rel))


def _one_changed_letter(archive: Archive, remember: Remembered) -> str | None:
    """The path of the one letter file whose bytes may have changed since the previous build
    read it, when it is the only change among the letters (none added or removed)."""
    found, problems = letter_files(archive.root)
    prefix = len(str(archive.root)) + 1
    if problems or len(found) != len(archive.letters) \
            or {f.rel for f in found} != {str(x.path)[prefix:] for x in archive.letters}:
        return None
    changed = []
    for item in found:
        seen = remember.stats.get(item.rel)
        try:
            if seen is None or seen[0] != file_signature(os.stat(item.path)):
                changed.append(item.rel)
        except OSError:
            return None
        if len(changed) > 1:
            return None
    return changed[0] if changed else None


def _one_reported_letter(archive: Archive, remember: Remembered, changed: set[str]
                         ) -> str | None:
    """The path of the one letter file the watcher reported, when every other path it
    reported is gone (an editor's temporary file) and the letter's bytes may have changed
    since the previous build read it."""
    letters = str(archive.root / "letters") + os.sep
    real = {p: os.path.realpath(p) for p in changed}
    found = {r for r in real.values() if r.endswith(".md")}
    if len(found) != 1 or not (letter := found.pop()).startswith(letters) \
            or any(os.path.lexists(p) for p, r in real.items() if r != letter):
        return None
    rel = os.path.relpath(letter, archive.root).replace(os.sep, "/")
    seen = remember.stats.get(rel)
    if seen is None or seen[0] == _stat(archive.root / rel):
        return None  # a new letter, or none changed
    return rel


def history_moved(archive: Archive) -> bool:
    """Has the repository's HEAD moved since ``archive`` read its history (when it did)?"""
    history = archive.__dict__.get("history")  # (a cached property: absent when never read)
    return history is not None and history.head != repository_head(archive.root)


def text_only(archive: Archive, old: Letter, new: Letter) -> bool:
    """Did only the letter's text change (TEXT_FIELDS), its citation key's beginning kept?"""
    for f in dataclasses.fields(Letter):
        if f.name not in TEXT_FIELDS and getattr(old, f.name) != getattr(new, f.name):
            return False
    return base_key(archive, old) == base_key(archive, new)


def _patched(archive: Archive, letter: Letter, content_hash: str) -> Archive:
    """The previous archive with ``letter`` in the place of its previous version (the tables
    made from the others are shared: the letter's text is in none of them)."""
    patched = copy.copy(archive)
    patched.letters = [letter if x.slug == letter.slug else x for x in archive.letters]
    patched.__dict__["by_slug"] = {**archive.by_slug, letter.slug: letter}
    patched.hashes = {**archive.hashes, letter.slug: content_hash}
    return patched


def _stat(path: Path) -> tuple[int, ...] | None:
    try:
        return file_signature(os.stat(path))
    except OSError:
        return None


def differences(first: FirstPages) -> list[str]:
    """The pages written first whose bytes the follow-up rebuild did not write the same (none
    when the letter was saved again meanwhile: then the rebuild read another version)."""
    out: list[str] = []
    if first.signature is None or _stat(first.path) != first.signature:
        return out
    for path, data in first.written.items():
        try:
            same = Path(path).read_bytes() == data
        except OSError:
            same = False
        if not same:
            out.append(path)
    return out


def failed(exc: BaseException) -> str:
    """The message when the rebuild after the first page fails (as the server words its own)."""
    return (f"An error happened during the rebuild that follows a page written first: {exc}. "
            "Every other page waits until a build succeeds: fix the problem and save again.")
