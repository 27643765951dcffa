"""A failed build cleans up after itself: no temporary folder, no indexer process left."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from helpers import LETTER, MKDOCS_YML, REGISTRY, REPO, TOPICS, write
from site_build import build_site

FAILING_HOOK = """
from mkdocs.exceptions import PluginError

def on_post_page(output, page, **kwargs):
    raise PluginError("a later step of the build failed")
"""


def _children() -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z":
            out.append(int(stat.parent.name))
    return out


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to list child processes")
def test_failed_build_leaves_no_temporary_folder_and_no_indexer(tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    config = MKDOCS_YML.format(overrides=(REPO / "docs" / "overrides").as_posix())
    config += "hooks:\n  - failing_hook.py\n"
    root = write(tmp_path / "archive", {
        "mkdocs.yml": config, "failing_hook.py": FAILING_HOOK,
        "docs/index.md": "# Test\n", "signatories.yaml": REGISTRY, "topics.yaml": TOPICS,
        "letters/2017-06-14-a-letter.md": LETTER,
    })
    before = _children()
    with pytest.raises(Abort):
        build_site(root / "mkdocs.yml", tmp_path / "site")
    assert sorted(p.name for p in temp.iterdir()) == []
    assert _children() == before
