"""`mkdocs serve` (or `properdocs serve`) in a child process on a free port, for the tests that
edit an archive under a running server and read what it serves."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Serve:
    """The server of ``root``; its log in ``tmp/<engine>.log``, its temporary files (the site
    it builds) in ``tmp/<engine>-tmp``."""

    def __init__(self, root: Path, tmp: Path, engine: str = "mkdocs",
                 env: dict[str, str] | None = None):
        self.root, self.port = root, free_port()
        self.log = tmp / f"{engine}.log"
        self.tmp = tmp / f"{engine}-tmp"
        self.tmp.mkdir()
        environ = {**os.environ, "TMPDIR": str(self.tmp), "NO_MKDOCS_2_WARNING": "1",
                   **(env or {})}
        environ.pop("SOURCE_DATE_EPOCH", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", engine, "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=root, env=environ, stdout=self.log.open("w"), stderr=subprocess.STDOUT)

    @property
    def site(self) -> Path:
        """The folder the server builds into (once it serves)."""
        sites = [p for p in self.tmp.iterdir() if p.name.startswith(("mkdocs_", "properdocs_"))]
        assert len(sites) == 1, sites
        return sites[0]

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, marker: str, count: int = 1, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while self.text().count(marker) < count:
            assert self.proc.poll() is None, self.text()[-3000:]
            assert "An error happened during the rebuild" not in self.text(), self.text()[-3000:]
            assert time.monotonic() < deadline, f"no '{marker}' x{count}:\n{self.text()[-3000:]}"
            time.sleep(0.1)

    def rebuilt(self, n: int) -> None:
        """The n-th rebuild (after the first build) and its background downloads are done."""
        self.wait_for("Reloading browsers", n)  # (MkDocs drops repeated log lines)
        self.wait_for("data downloads updated", n)

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=60) as r:
            return str(r.read().decode("utf-8"))

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)
