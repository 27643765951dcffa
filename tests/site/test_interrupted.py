"""A build stopped by SIGTERM (how CI cancels a job, how `timeout` stops it), SIGINT (Ctrl-C)
or SIGHUP (a closed terminal) cleans up like a normal exit: no temporary folder is left."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from helpers import REPO


def _folders(tmp):
    return sorted(p.name for p in tmp.iterdir() if p.name.startswith("undersigned-"))


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP],
                         ids=["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_stopped_build_leaves_no_temporary_folder(tmp_path, sig):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    root = tmp_path / "archive"
    for name in ("letters", "docs", "scripts"):
        shutil.copytree(REPO / name, root / name, symlinks=True)
    for name in ("mkdocs.yml", "signatories.yaml", "topics.yaml"):
        shutil.copy(REPO / name, root / name)
    env = dict(os.environ, TMPDIR=str(tmp), NO_MKDOCS_2_WARNING="1",
               UNDERSIGNED_CACHE_DIR=str(tmp_path / "cache"))
    build = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                              str(root / "mkdocs.yml"), "-d", str(tmp_path / "site")],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    seen: list[str] = []
    deadline = time.monotonic() + 120
    while build.poll() is None and time.monotonic() < deadline:
        seen = _folders(tmp)
        if any(n.startswith("undersigned-bundle-") for n in seen) and \
                any(n.startswith("undersigned-network-") for n in seen):
            break
        time.sleep(0.005)
    assert build.poll() is None, "the build ended before both temporary folders existed"
    build.send_signal(sig)
    output = build.communicate(timeout=120)[0].decode()
    assert build.returncode != 0, output  # stopped, not finished
    assert _folders(tmp) == [], (seen, output)
    assert list(tmp.iterdir()) == []
