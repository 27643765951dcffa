"""Writing generated pages into theme shells.

Generated pages in the navigation go through MkDocs like any page. The thousands of others
(letters, signatories, paginated listings) are written after MkDocs' own pages into *shells*:
the theme template rendered once per kind of page by MkDocs itself, with sentinels where the
page's values go (pages/shell.py). The `mkdocs_pages` option sends every page through MkDocs
instead; the tests build both ways and compare every byte."""

from __future__ import annotations

import os
import posixpath
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_build_date

from undersigned.core.urls import page_url
from undersigned.outputs.sitemap import write_sitemaps
from undersigned.pages import Context
from undersigned.pages.common import join_blocks, parse_front
from undersigned.pages.lightmd import LightMarkdown
from undersigned.pages.shell import Shell, outline_shape, outline_values, sentinel, sentinel_outline
from undersigned.plugin.build import Build
from undersigned.serve.engine import render_stand_in

_GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')
GENERATOR = '<meta name="generator" content="Undersigned with Material for MkDocs">'


def same_on_every_engine(html: str) -> str:
    """The theme names the engine and its version in a generator tag: written the same for
    MkDocs and ProperDocs (and any version), so the same archive gives the same bytes."""
    return _GENERATOR.sub(GENERATOR, html, count=1)


def head(build: Build, uri: str, site_url: str) -> dict[str, str]:
    """Head extras of a generated page, as its kind declares them (pages/kinds.py): citation
    tags + JSON-LD (letters), JSON-LD (people); none for a hand-written page."""
    planned = build.plan.get(uri)
    return {} if planned is None else planned.head(build.archive, Context(site_url))


def _slot(meta_key: str) -> str:
    """The shell slot of a front-matter field: 'us_head' -> 'USHEAD'."""
    return meta_key.upper().replace("_", "")


def _render_shell(build: Build, config: MkDocsConfig, uri: str, meta_keys: tuple[str, ...],
                  shape: tuple[Any, ...], h1: bool) -> Shell:
    """MkDocs renders the theme for a stand-in page of the same folder, depth, head fields and
    outline, with sentinels for every value (see pages/shell.py)."""
    nav, _files, env = build.theme()
    html = render_stand_in(config, nav, build.doc_pages(), env, uri,
                           {key: sentinel(_slot(key)) for key in meta_keys},
                           ("<h1" if h1 else "") + sentinel("CONTENT"), sentinel_outline(shape),
                           sentinel("CANONICAL") if config.site_url else None)
    return Shell(same_on_every_engine(html))


def write_page(path: str, data: bytes, atomic: bool = False) -> None:
    """MkDocs' write_file for a page in a folder of its own whose parent mostly exists: one
    mkdir, not makedirs' checks from the top (thousands of pages). ``atomic`` (under `mkdocs
    serve`, whose server may read the page meanwhile): written beside it, then renamed over
    it, so a request never reads half a page."""
    folder = os.path.dirname(path)
    try:
        os.mkdir(folder)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
    target, path = path, (f"{path}.{os.getpid()}-{threading.get_ident()}.part" if atomic
                          else path)
    with open(path, "wb") as handle:
        handle.write(data)
    if atomic:
        os.replace(path, target)


def page_writer(build: Build, config: MkDocsConfig, shells: dict[tuple[Any, ...], Shell],
                atomic: bool = False) -> Callable[[str], None]:
    """A function that renders one generated page into its theme shell and writes it.
    ``shells``: the shells made so far (a serve session keeps them between rebuilds);
    ``atomic``: see write_page."""
    render = page_renderer(build, config, shells)

    def write(uri: str) -> None:
        write_page(*render(uri), atomic)

    return write


def page_renderer(build: Build, config: MkDocsConfig, shells: dict[tuple[Any, ...], Shell]
                  ) -> Callable[[str], tuple[str, bytes]]:
    """A function that renders one generated page into its theme shell: (the file's path in
    the site, its bytes). A shell not made yet is rendered by the theme (the build's
    navigation and theme environment are needed then: RuntimeError without them)."""
    md = LightMarkdown(markdown.Markdown(extensions=config.markdown_extensions,
                                         extension_configs=config.mdx_configs or {}))
    site = Path(config.site_dir)
    site_url = config.site_url or ""

    def render(uri: str) -> tuple[str, bytes]:
        planned = build.plan[uri]
        if planned.raw:  # a file as rendered (a co-signers CSV)
            return str(site / planned.output), planned.render().markdown.encode("utf-8")
        light, blocks = planned.render().split()
        meta, body = parse_front(light)
        meta.update(head(build, uri, site_url))
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
            shell = shells[key] = _render_shell(build, config, stand_in, tuple(meta), key[3],
                                                h1)
        names, ids = outline_values(tokens)
        values = {_slot(key): [str(value)] for key, value in meta.items()}
        values.update(CONTENT=[content[3:] if h1 else content], TOCT=names, TOCA=ids,
                      CANONICAL=[urljoin(site_url, url)])
        return (str(site / url / "index.html"),
                shell.fill(values).encode("utf-8", errors="xmlcharrefreplace"))

    return render


def write_sitemap(build: Build, config: MkDocsConfig, shelled: list[str]) -> None:
    urls = shelled + [f.url for f in build.doc_pages()]
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    write_sitemaps(Path(config.site_dir), config.site_url or "", urls, get_build_date(), mtime)
