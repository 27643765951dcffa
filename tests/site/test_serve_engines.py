"""`mkdocs serve` (and ProperDocs' serve) rebuild incrementally through the one adapter that
reads the engine's serve builder (serve/engine.py): if an engine we support stops holding what
it needs, these tests fail (the rebuild is not incremental). An edit of the package's own code
under a running server restarts it with the new code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import LETTER, MKDOCS_YML, REGISTRY, REPO, TOPICS, write
from serve_process import Serve


def _archive(root: Path, watch: list[str]) -> Path:
    config = MKDOCS_YML.format(overrides=(REPO / "docs" / "overrides").as_posix())
    config += "watch:\n" + "".join(f"  - {w}\n" for w in watch)
    return write(root, {"mkdocs.yml": config, "docs/index.md": "# Test\n",
                        "signatories.yaml": REGISTRY, "topics.yaml": TOPICS,
                        "letters/2017-06-14-a-letter.md": LETTER})


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_each_supported_engine_rebuilds_incrementally(tmp_path, engine):
    root = _archive(tmp_path / "archive", ["letters"])
    server = Serve(root, tmp_path, engine)
    try:
        server.wait_for("Serving on")
        letter = root / "letters" / "2017-06-14-a-letter.md"
        letter.write_text(LETTER.replace("title: A letter", "title: A letter, corrected"),
                          encoding="utf-8")
        server.wait_for("Building documentation (incremental)...")
        server.wait_for("Reloading browsers")
        assert "incremental rebuilds are off" not in server.text()
        server.wait_for("rewrote")  # only what changed was written (after the letter's
        # page, written first: plugin/first.py)
        assert "2017-06-14-a-letter first, in " in server.text()
        assert "A letter, corrected" in server.get("/letters/2017-06-14-a-letter/")
    finally:
        server.stop()


def test_an_edit_of_the_package_code_restarts_the_server_with_it(tmp_path):
    """The server runs a copy of the package; a change to a renderer's words there shows on
    the served page after the automatic restart (a running interpreter cannot unload the
    modules it imported, so an incremental rebuild with the old code is never made)."""
    package = tmp_path / "code"
    shutil.copytree(REPO / "scripts" / "undersigned", package / "undersigned",
                    ignore=shutil.ignore_patterns("__pycache__"))
    root = _archive(tmp_path / "archive", ["letters", str(package / "undersigned")])
    server = Serve(root, tmp_path, env={"PYTHONPATH": str(package)})
    try:
        server.wait_for("Serving on")
        assert "Letter" in server.get("/letters/2017-06-14-a-letter/")
        common = package / "undersigned" / "pages" / "common.py"
        text = common.read_text(encoding="utf-8")
        assert 'TYPE_LABELS = {"letter": "Letter",' in text
        common.write_text(text.replace('TYPE_LABELS = {"letter": "Letter",',
                                       'TYPE_LABELS = {"letter": "Letter (edited code)",'),
                          encoding="utf-8")
        server.wait_for("restarting `mkdocs serve` to load it")
        server.wait_for("Serving on", 2)
        assert "Letter (edited code)" in server.get("/letters/2017-06-14-a-letter/")
        assert not [p for p in server.tmp.iterdir() if p.name.startswith("mkdocs_")][1:]
    finally:
        server.stop()
