"""A built site (the real mkdocs.yml) shared by the site tests."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import REPO


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


def build_site(config_file: Path, site_dir: Path, **overrides) -> list[str]:
    records: list[str] = []

    class Handler(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.WARNING:
                records.append(record.getMessage())

    handler = Handler()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True, **overrides)
        build(config)
    finally:
        logger.removeHandler(handler)
    return records


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("site")
    warnings = build_site(REPO / "mkdocs.yml", out)
    return Site(out, warnings)
