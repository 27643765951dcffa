"""Shared fixtures: tiny archives on disk, the --browser option, warning capture."""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"

MKDOCS_YML = """\
site_name: Test archive
site_url: https://test.example.org/
docs_dir: docs
theme:
  name: material
  font: false
hooks:
  - {hooks}
plugins: []
markdown_extensions: [attr_list, def_list, md_in_html, footnotes, tables, admonition,
  pymdownx.superfences]
"""

REGISTRY = """\
alan-lowenthal:
  name: Alan S. Lowenthal
  kind: person
  aliases: [Alan Lowenthal]
  bioguide: L000579
lucille-roybal-allard:
  name: Lucille Roybal-Allard
  kind: person
  aliases: [Lucille Roybal-Alford]
  bioguide: R000486
rex-tillerson:
  name: Rex Tillerson
  kind: person
wola:
  name: Washington Office on Latin America
  kind: organization
  aliases: [WOLA]
"""

TOPICS = """\
migration:
  title: Migration and asylum
  description: Asylum and migration.
security-assistance:
  title: Security assistance
  description: Security aid.
"""

LETTER = """\
---
title: A letter
date: 2017-06-14
type: letter
sender: Members of Congress
recipients:
  - name: Rex Tillerson
    role: Secretary of State
signatories:
  - Alan Lowenthal
  - Lucille Roybal-Alford
  - WOLA
topics: [migration]
---

Dear Secretary Tillerson:

We write about migration.

Sincerely,
"""


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content) if content.startswith("\n") else content,
                            encoding="utf-8")
    return root


@pytest.fixture
def archive_dir(tmp_path: Path):
    """A valid one-letter archive; pass extra files to add or replace some."""

    def make(extra: dict[str, str | bytes] | None = None, letter: bool = True) -> Path:
        files: dict[str, str | bytes] = {
            "mkdocs.yml": MKDOCS_YML.format(hooks=(REPO / "scripts" / "hooks.py").as_posix()),
            "docs/index.md": "# Test\n\n<!-- undersigned:home -->\n",
            "signatories.yaml": REGISTRY,
            "topics.yaml": TOPICS,
        }
        if letter:
            files["letters/2017-06-14-a-letter.md"] = LETTER
        files.update(extra or {})
        return write(tmp_path, files)

    return make


def pytest_addoption(parser):
    parser.addoption("--browser", action="store_true", help="run the Chromium browser tests")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--browser"):
        return
    skip = pytest.mark.skip(reason="browser test: run with --browser")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def mkdocs_warnings():
    """Collects WARNING+ records of the mkdocs logger during a test."""
    handler = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)
