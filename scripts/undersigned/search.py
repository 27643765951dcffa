"""Static search index (Pagefind) over the built HTML."""

from __future__ import annotations

from pathlib import Path


def index_site(site_dir: Path) -> None:
    return None
