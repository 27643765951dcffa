"""Engine insurance: the archive builds byte-identically with MkDocs and with ProperDocs (the
maintained MkDocs 1.x fork), so a move between them changes no byte of the published site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import REPO


def _build(engine: str, out: Path) -> dict[str, bytes]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", engine, "build", "--strict", "--quiet",
                    "--site-dir", str(out)], cwd=REPO, env=env, check=True, timeout=600)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_mkdocs_and_properdocs_build_the_same_bytes(tmp_path):
    mkdocs = _build("mkdocs", tmp_path / "mkdocs")
    properdocs = _build("properdocs", tmp_path / "properdocs")
    assert sorted(mkdocs) == sorted(properdocs)
    assert [name for name in sorted(mkdocs) if mkdocs[name] != properdocs[name]] == []
    assert b'<meta name="generator" content="Undersigned with Material for MkDocs">' in \
        mkdocs["index.html"]
