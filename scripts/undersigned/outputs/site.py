"""Engine-independent site output: every generated page and export written into a directory
(`undersigned render --out`). The MkDocs hooks use the same renderers and exports."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from undersigned.core.archive import published_originals
from undersigned.core.config import read_config
from undersigned.core.letters import LetterChanged
from undersigned.core.load import load_archive
from undersigned.core.problems import report
from undersigned.outputs.exports import data_files, write_pieces
from undersigned.outputs.network import write_network
from undersigned.pages import fill_markers, render_all

MARKER = ".undersigned-render"  # written into every folder `render --out` creates
SOURCES = ("letters", "docs", ".git", "scripts", "tests", ".github", ".ci")


def refuse_out(root: Path, out: Path) -> str | None:
    """Why ``render --out`` must not replace ``out``, or None. It deletes the folder first, so
    it refuses the archive and anything holding it, source folders, links, and any non-empty
    folder it did not create itself."""
    root = root.resolve()
    if out.is_symlink():
        return f"{out} is a symlink; give a real folder"
    target = out.resolve()
    if target == root or root.is_relative_to(target):
        return f"{out} holds the archive itself; it would be deleted"
    for name in SOURCES:
        if target.is_relative_to(root / name):
            return f"{out} is inside the archive's {name}/ folder"
    if target.is_relative_to(root) and len(target.relative_to(root).parts) == 1 \
            and (target.name.endswith((".yaml", ".yml", ".md", ".toml")) or target.is_file()):
        return f"{out} is a file of the archive"
    if target.exists() and not target.is_dir():
        return f"{out} is a file, not a folder"
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        return f"{out} is not empty and was not written by `undersigned render`"
    return None


def render_to_dir(root: Path, out: Path) -> int:
    """Write docs/ plus every generated page and export into ``out`` (a complete docs_dir)."""
    why = refuse_out(root, out)
    if why:
        print(f"error: {why}\n  hint: give an empty or new folder outside the archive's "
              "sources, e.g. --out /tmp/undersigned-docs", file=sys.stderr)
        return 1
    try:
        return _render(root, out)
    except LetterChanged as exc:
        print(f"error: {exc}\n  hint: a letter was edited while the pages were being "
              "written; run the command again", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.filename or out}: {exc.strerror or exc}\n  hint: check that the "
              "folder can be written and the archive's files can be read", file=sys.stderr)
        return 1


def _render(root: Path, out: Path) -> int:
    archive = load_archive(root)
    errors = [p for p in archive.problems if not p.warning]
    if errors:
        print(report(errors), file=sys.stderr)
        return 1
    config = read_config(root)
    site_url = config.get("site_url", "")
    repo = (config.get("extra") or {}).get("source_repository")
    edit = f"{repo.rstrip('/')}/edit/main/" if repo else None
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(root / "docs", out, symlinks=True)
    (out / MARKER).write_text("written by `undersigned render`; replaced on every run\n",
                              encoding="utf-8")
    for written in out.rglob("*.md"):  # hand-written pages with generated parts
        text = written.read_text(encoding="utf-8")
        filled = fill_markers(text, archive)
        if filled != text:
            written.write_text(filled, encoding="utf-8")
    for page in render_all(archive, site_url, edit, head_in_front=True):
        target = out / page.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    for uri, path in published_originals(archive):
        (out / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out / uri)
    write_network(archive, out / "data")
    for _uri, _path in write_pieces(data_files(archive, site_url), out):
        pass
    print(f"wrote {out}")
    return 0
