"""Constants and helpers shared by the tests: a tiny archive on disk."""

from __future__ import annotations

import re
import subprocess
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
  custom_dir: {overrides}
plugins: [undersigned]
markdown_extensions: [admonition, attr_list, fenced_code, tables, toc]
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
  keywords: [asylum, migrants]
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



HOSTILE_REGISTRY = REGISTRY + """\
evil-person:
  name: <img src=x onerror=alert('registry-name')>
  kind: person
  aliases: ["<script>alert('alias')</script>"]
"""

HOSTILE_LETTER = """\
---
title: '"><script>alert("title")</script> Hostile letter'
date: 2017-06-15
type: letter
sender: <b onmouseover=alert('sender')>Members</b>
recipients:
  - name: Rex Tillerson
    role: <script>alert('role')</script>Secretary
signatories:
  - Alan Lowenthal
  - <img src=x onerror=alert('registry-name')>
signers_named:  # the alias of the same entry: as a signatory it would be listed twice
  - "<script>alert('alias')</script>"
topics: [migration]
summary: <script>alert('summary')</script>
---

Dear Secretary:

<script>alert('body-script')</script>

<img src=x onerror="alert('img-onerror')">

A [javascript link](javascript:alert('md-link')) and <a href="javascript:alert('a-link')">raw</a>.

<iframe src="javascript:alert('iframe')"></iframe>

<svg><script>alert('svg')</script><circle onload="alert('svg-onload')"/></svg>

<p onclick="alert('onclick')" style="background:url(javascript:alert('css'))">Styled</p>

<div class="admonition danger" id="signatories"><p class="admonition-title">Security warning</p><p>Re-enter your password below.</p></div>

<div class="md-dialog md-dialog--active" style="position:fixed;top:0;z-index:9"><div class="md-dialog__inner md-typeset">Fake site dialog</div></div>

<span class="us-meta" id="search">Fake metadata panel</span> and a forged note<sup id="fnref:9"><a class="footnote-ref" href="#fn:1">9</a></sup>.

Sincerely,[^1]

[^1]: <script>alert('footnote')</script>A footnote.
"""


def archive_files(registry: str = REGISTRY, topics: str = TOPICS) -> dict[str, str | bytes]:
    """The files of a one-letter archive built with the project's hooks and theme."""
    return {
        "mkdocs.yml": MKDOCS_YML.format(overrides=(REPO / "docs" / "overrides").as_posix()),
        "docs/index.md": "# Test\n\n<!-- undersigned:home -->\n",
        "signatories.yaml": registry, "topics.yaml": topics,
        "letters/2017-06-14-a-letter.md": LETTER,
    }


# What the hostile letter's body is told (a warning each, never silent): the page removes them.
HOSTILE_BODY_WARNINGS = [
    f"letters/2017-06-15-hostile.md:{line}: the body holds '{what}', which the page removes "
    "(with what it encloses)\n  hint: write the document's text as Markdown, without HTML tags"
    for line, what in [(20, "<script"), (24, "javascript:"), (26, "<iframe"), (28, "<script"),
                       (30, "javascript:"), (40, "<script")]]


def write_hostile_archive(root: Path) -> Path:
    """A two-letter archive whose second letter and registry carry hostile HTML/JS."""
    return write(root, {**archive_files(HOSTILE_REGISTRY),
                        "letters/2017-06-15-hostile.md": HOSTILE_LETTER})


_PYYAML_WORDS = re.compile(r"(invalid YAML: )(?!a tab character)[^\n]*")


def archive_words(report: str) -> str:
    """A report with the syntax-error wording that PyYAML writes (it differs between PyYAML
    versions) replaced by a mark: tests compare the archive's own words, lines and hints."""
    return _PYYAML_WORDS.sub(r"\1<PyYAML's description>", report)


def git(root: Path, *args: str, date: str = "2024-01-02T10:00:00+00:00") -> str:
    """Run git in ``root`` with a fixed author, committer and date (commits of a test are the
    same on every machine); its output."""
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin", "HOME": str(root)}
    return subprocess.run(["git", "-C", str(root), *args], check=True, env=env,
                          capture_output=True, text=True).stdout.strip()
