"""What serve/engine.py relies on in MkDocs and ProperDocs beyond the plugin events: if either
renames or reshapes one of these, this fails (not a reader's build)."""

from __future__ import annotations

import gc
import importlib
import inspect
import os
from pathlib import Path

import pytest

ENGINES = ["mkdocs", "properdocs"]
# (module, attribute, parameters it must accept when called as engine.py calls it)
NAMES = [
    ("commands.build", "build", ["config", "serve_url", "dirty"]),
    ("commands.build", "get_context", ["nav", "files", "config", "page"]),
    ("structure.toc", "get_toc", ["toc_tokens"]),
    ("structure.pages", "Page", ["title", "file", "config"]),
    ("structure.files", "File", []),
    ("structure.files", "Files", []),
    ("structure.files", "InclusionLevel", []),
    ("structure.nav", "Navigation", []),
    ("config.defaults", "MkDocsConfig", []),
    ("livereload", "LiveReloadServer", []),
    ("theme", "Theme", []),
    ("plugins", "BasePlugin", []),
    ("plugins", "event_priority", []),
    ("exceptions", "PluginError", []),
    ("utils", "get_build_date", []),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("module", "name", "params"), NAMES)
def test_every_name_engine_py_uses_is_there(engine, module, name, params):
    found = getattr(importlib.import_module(f"{engine}.{module}"), name)
    if params:
        have = list(inspect.signature(found).parameters)
        assert [p for p in params if p not in have] == [], (engine, module, name, have)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_members_engine_py_sets_and_calls_are_there(engine):
    files = importlib.import_module(f"{engine}.structure.files")
    pages = importlib.import_module(f"{engine}.structure.pages")
    theme = importlib.import_module(f"{engine}.theme")
    prop = inspect.getattr_static(files.File, "content_bytes")
    assert isinstance(prop, property) and prop.fset is not None  # mark_modified sets it
    assert "generated" in vars(files.File)  # File.generated(config, uri, content=...)
    assert {"content", "abs_src_path", "inclusion"} <= set(
        inspect.signature(files.File.generated).parameters)
    assert callable(getattr(files.InclusionLevel.NOT_IN_NAV, "is_excluded", None))
    assert callable(vars(theme.Theme).get("get_env"))  # wrap_theme_env wraps it
    declared = set(dir(pages.Page)) | {a for c in pages.Page.__mro__
                                       for a in getattr(c, "__annotations__", {})}
    for attr in ("toc", "canonical_url", "active", "meta", "content", "markdown"):
        assert attr in declared, attr  # render_stand_in sets them


@pytest.mark.parametrize("engine", ENGINES)
def test_the_watchers_reports_reach_record_changes(engine, tmp_path: Path):
    """record_changes hears every change the engine's LiveReloadServer watcher reports, for a
    path watched before it was called and one watched after (the letters are watched after
    on_serve); a folder is no change of its own."""
    import time

    from undersigned.serve.engine import record_changes
    from undersigned.serve.session import WatchedChanges

    livereload = importlib.import_module(f"{engine}.livereload")
    before, after = tmp_path / "docs", tmp_path / "letters"
    before.mkdir()
    after.mkdir()
    server = livereload.LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0,
                                         root=str(tmp_path), polling_interval=0.05)
    server.watch(str(before))
    changes = WatchedChanges()
    record_changes(server, changes)
    server.watch(str(after))
    server.observer.start()
    try:
        time.sleep(0.3)
        (before / "index.md").write_text("x")
        (after / "a.md").write_text("y")
        (after / "sub").mkdir()
        deadline = time.monotonic() + 10
        seen: set[str] = set()
        while time.monotonic() < deadline and len(seen) < 2:
            time.sleep(0.1)
            seen |= changes.take() or set()
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()
    assert seen == {str(before / "index.md"), str(after / "a.md")}


def test_a_build_leaves_the_environment_and_the_collector_as_it_found_them(archive_dir,
                                                                           tmp_path, monkeypatch):
    """SOURCE_DATE_EPOCH is set for a build (reproducible dates) and put back after it; a
    second build in the same process starts from the same environment."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = archive_dir()
    enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert "SOURCE_DATE_EPOCH" not in os.environ
    assert (gc.isenabled(), gc.get_freeze_count()) == (enabled, frozen)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")  # the user's own: kept, and used
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "again")))
    assert os.environ["SOURCE_DATE_EPOCH"] == "86400"
    assert "<lastmod>1970-01-02</lastmod>" in (tmp_path / "again" / "sitemap.xml").read_text()
    assert Path(tmp_path / "site" / "sitemap.xml").is_file()
