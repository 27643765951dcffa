"""Static full-text search: Pagefind indexes the built HTML after every build (chunked index,
fetched on demand, so a first query transfers a small part of it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: Path) -> str:
    """Run Pagefind over ``site_dir`` (writes ``site_dir/pagefind/``); return its report."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir",
           "pagefind", "--glob", "letters/*/index.html", "--quiet"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SearchIndexError(f"pagefind failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout
