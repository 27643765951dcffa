"""Page renderers at scale: long listings are paginated, no page grows with the archive."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import REPO
from undersigned.core.load import load_archive
from undersigned.devtools.synthetic import generate
from undersigned.pages import render_all


@pytest.mark.slow  # (runs in .ci/run)
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
    addressee = max(archive.received, key=lambda i: len(archive.received[i]))
    received = len(archive.received[addressee])
    import undersigned.pages.entities as entities

    entities.SIGNED_PER_PAGE, before = 10, entities.SIGNED_PER_PAGE  # recipient pages too
    try:
        paged = {p.uri for p in render_all(archive)}
    finally:
        entities.SIGNED_PER_PAGE = before
    last = -(-received // 10)
    assert received > 10 and f"recipients/{addressee}/page-{last}.md" in paged
    assert f"recipients/{addressee}/page-{last + 1}.md" not in paged
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


def test_a_long_signature_block_continues_on_the_letters_signatories_page(tmp_path: Path):
    import html
    import re

    from undersigned.pages.letter import INLINE_SIGNATORIES

    generate(REPO, tmp_path, 300)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    archive = load_archive(tmp_path)
    pages = {p.uri: p.markdown for p in render_all(archive)}
    long = max(archive.letters, key=lambda x: len(x.signatures))
    n = len(long.signatures)
    assert n > INLINE_SIGNATORIES
    page = pages[f"letters/{long.slug}.md"]
    full = pages[f"letters/{long.slug}/signatories.md"]
    assert f"## Signatories ({n})" in page
    assert page.count("<li><a href=\"../../signatories/") == INLINE_SIGNATORIES
    assert (f'<a href="signatories/">All {n:,} signatories</a> (the other '
            f"{n - INLINE_SIGNATORIES:,} are listed there, in printed order)") in page
    # the full page: every signatory in printed order, linked, and a way back
    linked = re.findall(r'<li><a href="../../../signatories/([^/]+)/">', full)
    assert linked == [s.id for s in long.signatures]
    assert f'<p class="us-back"><a href="../">{html.escape(long.title)}</a> · ' in full
    short = [x for x in archive.letters if 0 < len(x.signatures) <= INLINE_SIGNATORIES]
    assert f"letters/{short[0].slug}/signatories.md" not in pages


def test_signatures_are_listed_under_their_printed_headings(archive_dir):
    from bs4 import BeautifulSoup

    from helpers import LETTER
    from undersigned.outputs.exports import data_texts
    from undersigned.pages.letter import render_letter

    grouped = LETTER.replace(
        "  - Alan Lowenthal\n  - Lucille Roybal-Alford\n  - WOLA\n",
        "  - name: Alan Lowenthal\n    group: Members of Congress\n"
        "  - name: Lucille Roybal-Alford\n    group: Members of Congress\n"
        "  - name: WOLA\n    group: National organizations\n")
    archive = load_archive(archive_dir({"letters/2017-06-14-a-letter.md": grouped}))
    assert [p for p in archive.problems if not p.warning] == []
    letter = archive.letters[0]
    assert [s.group for s in letter.signatures] == ["Members of Congress"] * 2 + [
        "National organizations"]
    html = render_letter(archive, letter).markdown
    soup = BeautifulSoup(html, "html.parser")
    assert [p.get_text() for p in soup.select("p.us-group")] == ["Members of Congress",
                                                                 "National organizations"]
    lists = soup.select("ol.us-signatories")
    assert [len(ol.find_all("li")) for ol in lists] == [2, 1]
    assert lists[1]["start"] == "3"  # the numbering continues: printed order is kept
    files = data_texts(archive, "")
    assert files["data/signatures.csv"].splitlines()[3].endswith(",National organizations")


def test_a_release_that_names_signers_in_prose_is_listed_on_their_pages(archive_dir):
    from bs4 import BeautifulSoup

    from undersigned.convert import Options, convert_text
    from undersigned.pages.entities import render_signatory

    text = ("WASHINGTON, D.C. — Senators Patrick Leahy (D-Vt.), Tim Kaine (D-Va.) and Dick "
            "Durbin (D-Ill.) sent a letter to Secretary of State Antony Blinken today about "
            "asylum at the border with Mexico.\n\n“We urge you to act,” the senators wrote.\n")
    (doc,) = convert_text(text, source="release.txt", options=Options(
        title="Senators urge Blinken", date=__import__("datetime").date(2021, 5, 3))).documents
    assert doc.front.written("signers_named") == ["Patrick Leahy", "Tim Kaine", "Dick Durbin"]
    assert doc.front.written("signatories") == []  # the letter itself is not invented
    release = ("---\ntitle: Senators urge Blinken\ndate: 2021-05-03\ntype: press-release\n"
               "sender: Sen. Patrick Leahy\nsignatories: []\nsigners_named:\n  - Alan Lowenthal\n"
               "topics: [migration]\n---\n\n" + text)
    archive = load_archive(archive_dir({"letters/2021-05-03-senators-urge-blinken.md": release}))
    assert [p for p in archive.problems if not p.warning] == []
    assert [x.slug for x in archive.named_in["alan-lowenthal"]] == [
        "2021-05-03-senators-urge-blinken"]
    page = render_signatory(archive, archive.registry.entities["alan-lowenthal"]).markdown
    soup = BeautifulSoup(page, "html.parser")
    assert [a.get_text() for a in soup.select("table a") if "senators" in a["href"]] == [
        "Senators urge Blinken"]
    assert "## Named as a signer (1)" in page
