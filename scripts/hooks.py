"""MkDocs adapter: hands the package's rendered pages, originals and data exports to MkDocs.
No domain logic lives here (see scripts/undersigned/)."""

from __future__ import annotations

import calendar
import logging
import os
import zlib
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from undersigned.archive import load_archive
from undersigned.exports import data_files
from undersigned.pages import HOME_MARKER, head_extras, home_block, plan
from undersigned.pages.cite import entity_jsonld
from undersigned.pages.common import join_blocks
from undersigned.problems import report
from undersigned.search import BackgroundIndex

log = logging.getLogger("mkdocs.plugins.undersigned")
_STATE: dict[str, Any] = {}


def on_config(config, **kwargs):
    root = Path(config.config_file_path).parent
    archive = load_archive(root)
    errors = [p for p in archive.problems if not p.warning]
    if errors:
        raise PluginError("the archive has problems:\n" + report(errors))
    for problem in archive.problems:
        log.warning(str(problem))
    if "SOURCE_DATE_EPOCH" not in os.environ and archive.letters:
        # reproducible builds: sitemap dates and gzip headers follow the newest document,
        # not the clock (set SOURCE_DATE_EPOCH yourself to override)
        newest = max(x.date for x in archive.letters)
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(newest.timetuple()))
    if not config.use_directory_urls:
        raise PluginError("Undersigned needs use_directory_urls: true (the DESIGN.md URLs)")
    repo = config.extra.get("source_repository")
    edit = f"{repo.rstrip('/')}/edit/main/" if repo else None
    _STATE.clear()
    _STATE.update(root=root, archive=archive, blocks={},
                  plan=dict(plan(archive, config.site_url or "", edit)),
                  search=BackgroundIndex(archive))  # indexes while MkDocs writes the pages
    return config


@event_priority(-50)
def on_files(files: Files, config, **kwargs) -> Files:
    archive = _STATE["archive"]
    for uri in _STATE["plan"]:  # rendered on demand in on_page_read_source
        files.append(File.generated(config, uri, content="",
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    originals = {}  # a press release and the letter it reproduces share one original
    for letter in archive.letters:
        original = letter.source.get("original")
        if original:
            originals.setdefault(original, letter.path.parent / original)
    for original, path in sorted(originals.items()):
        files.append(File.generated(config, f"letters/{original}", abs_src_path=str(path)))
    for uri, content in data_files(archive, config.site_url or ""):
        files.append(File.generated(config, uri, content=content))
    return files


def on_page_read_source(page, config, **kwargs) -> str | None:
    thunk = _STATE["plan"].get(page.file.src_uri)
    if thunk is None:
        return None
    light, blocks = thunk().split()
    # MkDocs reads every page before it writes any: keep the HTML blocks compressed meanwhile
    _STATE["blocks"][page.file.src_uri] = zlib.compress("\0".join(blocks).encode(), 1)
    return light


def on_page_markdown(markdown: str, page, config, **kwargs) -> str:
    uri = page.file.src_uri
    if uri == "index.md" and HOME_MARKER in markdown:
        return markdown.replace(HOME_MARKER, home_block(_STATE["archive"]))
    if uri.startswith("letters/") and uri.endswith(".md"):
        letter = _STATE["archive"].by_slug.get(uri[len("letters/"):-3])
        if letter is not None:
            page.meta.update(head_extras(_STATE["archive"], letter, config.site_url or ""))
    elif uri.startswith("signatories/"):
        entity_id = uri[len("signatories/"):-len(".md")]
        if entity_id in _STATE["archive"].signed:  # first page of a signatory
            page.meta["us_jsonld"] = entity_jsonld(_STATE["archive"], entity_id,
                                                   config.site_url or "")
    return markdown


def on_post_page(output: str, page, **kwargs) -> str:
    """Put the pre-rendered HTML blocks back, late, so MkDocs never holds them all at once."""
    packed = _STATE["blocks"].pop(page.file.src_uri, None)
    if not packed:
        return output
    return join_blocks(output, zlib.decompress(packed).decode().split("\0"))


def on_post_build(config, **kwargs) -> None:
    try:
        _STATE["search"].finish(Path(config.site_dir))
    except RuntimeError as exc:
        raise PluginError(str(exc)) from None
