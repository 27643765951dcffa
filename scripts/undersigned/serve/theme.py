"""Under `mkdocs serve`, the theme's Jinja environment of each rebuild reuses the compiled
templates and the list of the theme's files of the first build. MkDocs asks the theme for its
environment through ``theme.get_env()`` (a public method); the session wraps it."""

from __future__ import annotations

from typing import Any

import jinja2

from undersigned.serve.engine import wrap_theme_env
from undersigned.serve.session import ServeSession


class _Bytecode:
    """Jinja's compiled templates, kept for the life of `mkdocs serve` (MkDocs makes a new
    theme environment for every build, which compiles every template again). Jinja checks each
    entry against the template's source, so an edited template is compiled afresh."""

    def __init__(self) -> None:
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
        self.listings: dict[tuple[Any, ...], list[str]] = {}
        self.marks = ""


def reuse_theme_environment(session: ServeSession, theme: Any, marks: str) -> None:
    """Under `mkdocs serve`: the theme's Jinja environment of each rebuild reuses the compiled
    templates and the list of the theme's files of the first build (listing Material's
    folders, thousands of icons, costs a fraction of a second per rebuild; they do not change
    while the server runs -- the overrides folder is in the fingerprint, which makes a
    rebuild a full one)."""
    if session.bytecode is None or session.bytecode.marks != marks:  # see dirty.fingerprint
        session.bytecode = _Bytecode()
        session.bytecode.marks = marks
    memo = session.bytecode

    class Loader(jinja2.FileSystemLoader):
        def list_templates(self) -> list[str]:
            key = tuple(str(p) for p in self.searchpath)
            if key not in memo.listings:
                memo.listings[key] = super().list_templates()
            return list(memo.listings[key])

    def reuse(env: jinja2.Environment) -> jinja2.Environment:
        searchpath = env.loader.searchpath  # type: ignore[union-attr]  # (a FileSystemLoader)
        env.loader = Loader(searchpath)
        env.bytecode_cache = memo.cache
        listed = env.list_templates

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            # MkDocs asks with the same filter (of the same theme) at every build
            key = (*searchpath, repr(extensions),
                   getattr(filter_func, "__qualname__", repr(filter_func)))
            if key not in memo.listings:
                memo.listings[key] = listed(extensions=extensions, filter_func=filter_func)
            return list(memo.listings[key])

        env.list_templates = list_templates  # type: ignore[method-assign]
        return env

    wrap_theme_env(theme, reuse)
