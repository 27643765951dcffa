"""Engine-independent site output: every generated page and export written into a directory
(`undersigned render --out`). The MkDocs hooks use the same renderers and exports."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from .archive import load_archive
from .exports import data_files
from .pages import HOME_MARKER, home_block, render_all
from .problems import report


def render_to_dir(root: Path, out: Path) -> int:
    """Write docs/ plus every generated page and export into ``out`` (a complete docs_dir)."""
    import yaml

    archive = load_archive(root)
    errors = [p for p in archive.problems if not p.warning]
    if errors:
        print(report(errors), file=sys.stderr)
        return 1
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"),
                       Loader=yaml.SafeLoader) or {}
    site_url = config.get("site_url", "")
    repo = (config.get("extra") or {}).get("source_repository")
    edit = f"{repo.rstrip('/')}/edit/main/" if repo else None
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(root / "docs", out)
    home = out / "index.md"
    if home.exists():
        home.write_text(home.read_text(encoding="utf-8").replace(HOME_MARKER, home_block(archive)),
                        encoding="utf-8")
    for page in render_all(archive, site_url, edit, head_in_front=True):
        target = out / page.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    for letter in archive.letters:
        if letter.source.get("original"):
            shutil.copyfile(letter.path.parent / letter.source["original"],
                            out / "letters" / letter.source["original"])
    for uri, content in data_files(archive, site_url):
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    print(f"wrote {out}")
    return 0
