"""How to cite: one style for every document (lead signers, then et al. past three; recipient;
date; archive; URL), BibTeX with year and readable keys, CSL-JSON, registry names with the
printed form where it differs, and the Dublin Core type Zotero reads."""

from __future__ import annotations

import json

from helpers import LETTER
from undersigned.core.load import load_archive
from undersigned.pages.bibtex import bibtex, citation_block, csl
from undersigned.pages.cite import citation, head_meta

URL = "https://test.example.org/"
FOUR = LETTER.replace("  - WOLA", "  - WOLA\n  - Rex Tillerson")
RELEASE = """\
---
title: Congressman Lowenthal urges action?
date: 2017-06-15
type: press-release
sender: Rep. Alan Lowenthal
signatories: []
topics: [migration]
---

Text.
"""


def _archive(archive_dir, **extra):
    return load_archive(archive_dir(extra))


def test_three_signers_are_all_named_the_first_family_name_first(archive_dir):
    archive = _archive(archive_dir)
    letter = archive.letters[0]
    assert citation(archive, letter, URL) == (
        "Lowenthal, Alan S., Lucille Roybal-Allard [printed “Lucille Roybal-Alford”], and "
        "Washington Office on Latin America [printed “WOLA”]. “A letter.” Letter to Rex "
        "Tillerson, Secretary of State, 14 June 2017. Undersigned archive. "
        "https://test.example.org/letters/2017-06-14-a-letter/.")


def test_past_three_the_first_signer_et_al_and_the_number(archive_dir):
    archive = _archive(archive_dir, **{"letters/2017-06-14-a-letter.md": FOUR})
    assert citation(archive, archive.letters[0], URL) == (
        "Lowenthal, Alan S., et al. “A letter.” Letter to Rex Tillerson, Secretary of State, "
        "14 June 2017. 4 signatories. Undersigned archive. "
        "https://test.example.org/letters/2017-06-14-a-letter/.")


def test_a_press_release_is_cited_by_its_sender_in_the_same_style(archive_dir):
    archive = _archive(archive_dir, **{"letters/2017-06-15-release.md": RELEASE})
    release = archive.by_slug["2017-06-15-release"]
    assert citation(archive, release, URL) == (
        "Lowenthal, Alan S. “Congressman Lowenthal urges action?” Press release, "
        "15 June 2017. Undersigned archive. https://test.example.org/letters/2017-06-15-release/.")
    assert bibtex(archive, release, URL).startswith("@misc{lowenthal2017action,\n")
    assert ("DC.type", "manuscript") in [(m["name"], m["content"])
                                         for m in head_meta(archive, release, URL)]


def test_bibtex_has_year_readable_key_registry_names_and_the_printed_forms(archive_dir):
    archive = _archive(archive_dir)
    assert bibtex(archive, archive.letters[0], URL) == (
        "@misc{lowenthal2017tillerson,\n"
        "  author = {Lowenthal, Alan S. and Roybal-Allard, Lucille and "
        "{Washington Office on Latin America}},\n"
        "  title = {{A letter}},\n"
        "  howpublished = {Letter to Rex Tillerson, Secretary of State},\n"
        "  year = {2017},\n"
        "  month = jun,\n"
        "  date = {2017-06-14},\n"
        "  type = {Letter},\n"
        "  url = {https://test.example.org/letters/2017-06-14-a-letter/},\n"
        "  note = {3 signatories; printed as “Lucille Roybal-Alford” (Lucille Roybal-Allard); "
        "“WOLA” (Washington Office on Latin America). Undersigned archive}\n"
        "}")


def test_csl_json(archive_dir):
    archive = _archive(archive_dir)
    assert csl(archive, archive.letters[0], URL) == {
        "id": "lowenthal2017tillerson",
        "type": "personal_communication",
        "title": "A letter",
        "author": [{"family": "Lowenthal", "given": "Alan S."},
                   {"family": "Roybal-Allard", "given": "Lucille"},
                   {"literal": "Washington Office on Latin America"}],
        "recipient": [{"family": "Tillerson", "given": "Rex"}],
        "issued": {"date-parts": [[2017, 6, 14]]},
        "genre": "Letter",
        "archive": "Undersigned",
        "URL": "https://test.example.org/letters/2017-06-14-a-letter/",
        "note": "3 signatories; printed as “Lucille Roybal-Alford” (Lucille Roybal-Allard); "
                "“WOLA” (Washington Office on Latin America). Undersigned archive",
    }


def test_keys_are_unique_the_oldest_keeps_the_plain_key(archive_dir):
    archive = _archive(archive_dir, **{
        "letters/2017-03-01-earlier.md": LETTER.replace("2017-06-14", "2017-03-01"),
        "letters/2017-09-01-later.md": LETTER.replace("2017-06-14", "2017-09-01")})
    keys = [bibtex(archive, x, URL).split(",", 1)[0] for x in archive.letters]
    assert keys == ["@misc{lowenthal2017tillerson", "@misc{lowenthal2017tillersonb",
                    "@misc{lowenthal2017tillersonc"]
    assert [csl(archive, x, URL)["id"] for x in archive.letters] == [k[6:] for k in keys]


def test_meta_tags_name_registry_names_and_make_zotero_pick_a_letter(archive_dir):
    archive = _archive(archive_dir)
    meta = [(m["name"], m["content"]) for m in head_meta(archive, archive.letters[0], URL)]
    assert [c for n, c in meta if n == "citation_author"] == [
        "Lowenthal, Alan S.", "Roybal-Allard, Lucille", "Washington Office on Latin America"]
    assert meta[-1] == ("DC.type", "letter")


def test_the_block_shows_the_citation_and_folds_bibtex_and_csl(archive_dir):
    archive = _archive(archive_dir)
    block = citation_block(archive, archive.letters[0], URL)
    assert block.startswith(
        '## How to cite { #cite }\n\n<div class="us-cite"><div class="highlight us-citation">'
        '<span class="filename">Citation</span><pre><code>Lowenthal, Alan S., ')
    assert ('<p class="us-note">The archive\'s citation style: see <a href="../../about/'
            '#how-to-cite">how to cite</a>.</p><details class="us-cite-more"><summary>BibTeX'
            '</summary><div class="highlight"><span class="filename">BibTeX</span><pre><code>'
            '@misc{lowenthal2017tillerson,') in block
    assert '<details class="us-cite-more"><summary>CSL-JSON</summary>' in block
    csl_text = block.split("CSL-JSON</span><pre><code>", 1)[1].split("</code>", 1)[0]
    assert json.loads(csl_text.replace("&quot;", '"'))[0]["id"] == "lowenthal2017tillerson"
