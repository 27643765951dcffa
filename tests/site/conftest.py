"""A built site (the real mkdocs.yml) shared by the site tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import REPO
from site_build import build_site


class Site:
    def __init__(self, root: Path, warnings: list[str]):
        self.root = root
        self.warnings = warnings

    def html(self, path: str) -> BeautifulSoup:
        file = self.root / path
        if file.is_dir() or not file.suffix:
            file = file / "index.html"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    def pages(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("site")
    warnings = build_site(REPO / "mkdocs.yml", out)
    return Site(out, warnings)
