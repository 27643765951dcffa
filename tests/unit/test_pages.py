"""Page renderers at scale: long listings are paginated, no page grows with the archive."""

from __future__ import annotations

from pathlib import Path

from helpers import REPO
from undersigned.archive import load_archive
from undersigned.pages import render_all
from undersigned.synthetic import generate


def test_large_archive_pages_are_paginated_and_bounded(tmp_path: Path):
    generate(REPO, tmp_path, 1500)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    archive = load_archive(tmp_path)
    assert [p for p in archive.problems if not p.warning] == []
    pages = {p.uri: p for p in render_all(archive)}
    assert len(pages) == len(set(pages))
    assert "letters/page-2.md" in pages and "signatories/_a.md" in pages
    assert any(uri.startswith("topics/") and "/page-" in uri for uri in pages)
    busiest = max(archive.signed, key=lambda i: len(archive.signed[i]))
    if len(archive.signed[busiest]) > 100:
        assert f"signatories/{busiest}/page-2.md" in pages
    biggest = max(pages.values(), key=lambda p: len(p.markdown))
    assert len(biggest.markdown.encode()) < 150_000, biggest.uri
    ids = set(archive.registry.entities)
    assert not any(uri.split("/")[1][:-3] in ids for uri in pages
                   if uri.startswith("signatories/_"))


def test_someone_who_signs_and_receives_has_both_pages_cross_linked(archive_dir):
    from helpers import LETTER

    signed_by_tillerson = LETTER.replace("date: 2017-06-14", "date: 2018-01-01").replace(
        "  - WOLA", "  - Rex Tillerson")
    root = archive_dir({"letters/2018-01-01-tillerson-signs.md": signed_by_tillerson})
    pages = {p.uri: p.markdown for p in render_all(load_archive(root))}
    signer = pages["signatories/rex-tillerson.md"]
    receiver = pages["recipients/rex-tillerson.md"]
    assert '<a href="../../recipients/rex-tillerson/">2 documents</a>' in signer
    assert '<a href="../../signatories/rex-tillerson/">1 document</a>' in receiver
    assert '<a href="../../search/?signatory=Rex%20Tillerson">' in signer
