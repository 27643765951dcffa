"""The data exports of a full build: written before MkDocs copies its files, or, in a plain
build that writes its pages in two processes (plugin/twowriters.py), the large ones later.

Deferred, an export is listed with MkDocs as an empty file (so links to it are checked and
the file is in place), and the build process writes its content into the site after MkDocs
has copied its files, while the second writer is already writing pages: the co-signing
network and every export made a piece at a time (letters.json, the CSVs, cmif.xml). The
small ones made whole (feeds, the name index, redirects) are written as before."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from undersigned.core.archive import Archive
from undersigned.outputs.exports import data_files, write_pieces
from undersigned.outputs.network import NETWORK_FILES, write_network


def _now(items: Iterable[tuple[str, Iterable[str]]],
         later: list[tuple[str, Iterable[str]]] | None) -> Iterator[tuple[str, Iterable[str]]]:
    """The exports to write now; those made a piece at a time go to ``later`` when given."""
    for uri, pieces in items:
        if later is not None and not isinstance(pieces, list):
            later.append((uri, pieces))
        else:
            yield uri, pieces


def add_exports(files: Files, config: MkDocsConfig, archive: Archive, work: Path,
                defer: bool) -> Callable[[], None] | None:
    """List every export with MkDocs (written into ``work``, MkDocs copies them); with
    ``defer``, return the writing of the large ones into the site, to run after MkDocs has
    copied its files (None when nothing is left to write)."""
    later: list[tuple[str, Iterable[str]]] = []  # (filled as data_files is read)
    if not defer:
        for uri, path in write_network(archive, work / "network"):
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    now = _now(data_files(archive, config.site_url or ""), later if defer else None)
    for uri, path in write_pieces(now, work / "files"):  # (a file at a time, as read)
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    if not defer:
        return None
    for uri in (*NETWORK_FILES, *(uri for uri, _ in later)):
        files.append(File.generated(config, uri, content=""))
    site = Path(config.site_dir)

    def write_later() -> None:  # (into the files MkDocs wrote empty)
        for uri, path in write_network(archive, site / PurePosixPath(NETWORK_FILES[0]).parent):
            if path != site / uri:
                raise RuntimeError(f"the network export wrote {path}, not {uri}")
        for _ in write_pieces(later, site):
            pass

    return write_later
