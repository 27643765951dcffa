"""Constants and helpers shared by the tests: a tiny archive on disk."""

from __future__ import annotations

import textwrap
from pathlib import Path

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


