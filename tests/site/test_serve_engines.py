"""`mkdocs serve` (and ProperDocs' serve) rebuild incrementally through the one adapter that
reads the engine's serve builder (serve/engine.py): if an engine we support stops holding what
it needs, these tests fail (the rebuild is not incremental). An edit of the package's own code
under a running server restarts it with the new code."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import LETTER, MKDOCS_YML, REGISTRY, REPO, TOPICS, write


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Serve:
    def __init__(self, engine: str, root: Path, tmp: Path, env: dict[str, str] | None = None):
        self.port = _port()
        self.log = tmp / f"{engine}.log"
        self.tmp = tmp / f"{engine}-tmp"
        self.tmp.mkdir()
        environ = {**os.environ, "TMPDIR": str(self.tmp), "NO_MKDOCS_2_WARNING": "1",
                   **(env or {})}
        environ.pop("SOURCE_DATE_EPOCH", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", engine, "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=root, env=environ, stdout=self.log.open("w"), stderr=subprocess.STDOUT)

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, marker: str, count: int = 1, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while self.text().count(marker) < count:
            assert self.proc.poll() is None, self.text()[-3000:]
            assert time.monotonic() < deadline, f"no '{marker}' x{count}:\n{self.text()[-3000:]}"
            time.sleep(0.1)

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=60) as r:
            return str(r.read().decode("utf-8"))

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def _archive(root: Path, watch: list[str]) -> Path:
    config = MKDOCS_YML.format(overrides=(REPO / "docs" / "overrides").as_posix())
    config += "watch:\n" + "".join(f"  - {w}\n" for w in watch)
    return write(root, {"mkdocs.yml": config, "docs/index.md": "# Test\n",
                        "signatories.yaml": REGISTRY, "topics.yaml": TOPICS,
                        "letters/2017-06-14-a-letter.md": LETTER})


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_each_supported_engine_rebuilds_incrementally(tmp_path, engine):
    root = _archive(tmp_path / "archive", ["letters"])
    server = Serve(engine, root, tmp_path)
    try:
        server.wait_for("Serving on")
        letter = root / "letters" / "2017-06-14-a-letter.md"
        letter.write_text(LETTER.replace("title: A letter", "title: A letter, corrected"),
                          encoding="utf-8")
        server.wait_for("Building documentation (incremental)...")
        server.wait_for("Reloading browsers")
        assert "incremental rebuilds are off" not in server.text()
        assert "rewrote" in server.text()  # only what changed was written
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
    server = Serve("mkdocs", root, tmp_path, env={"PYTHONPATH": str(package)})
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
