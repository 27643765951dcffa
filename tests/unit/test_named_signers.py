"""A letter a release reproduces without its signature list shows the signers the release
names, labelled as named there, linked, and counted apart from printed signatures."""

from __future__ import annotations

from helpers import LETTER
from undersigned.core.load import load_archive
from undersigned.pages.letter import render_letter
from undersigned.pages.stats import render_stats

UNSIGNED = LETTER.replace("signatories:\n  - Alan Lowenthal\n  - Lucille Roybal-Alford\n"
                          "  - WOLA\n", "signatories: []\n")
RELEASE = """\
---
title: Lowenthal leads letter to Tillerson
date: 2017-06-15
type: press-release
sender: Alan Lowenthal
signatories: []
signers_named:
  - Alan Lowenthal
  - Lucille Roybal-Allard
topics: [migration]
related: [2017-06-14-a-letter]
---

Congressman Alan Lowenthal and Congresswoman Lucille Roybal-Allard led a letter.
"""


def test_the_release_names_the_signers_of_a_letter_printed_without_its_list(archive_dir):
    root = archive_dir({"letters/2017-06-14-a-letter.md": UNSIGNED,
                        "letters/2017-06-15-release.md": RELEASE})
    archive = load_archive(root)
    assert [p for p in archive.problems if not p.warning] == []
    page = render_letter(archive, archive.by_slug["2017-06-14-a-letter"]).markdown
    assert "## Signers named in the release (2) { #named }" in page
    assert ('<li><a href="../../signatories/alan-lowenthal/">Alan Lowenthal</a> <span '
            'class="us-role">named in <a href="../2017-06-15-release/">Lowenthal leads letter '
            "to Tillerson</a></span></li>") in page
    assert "## Signatories" not in page  # never shown as printed signatures
    stats = render_stats(archive).markdown
    assert '<tr><td><a href="../years/2017/">2017</a></td><td>0</td><td>2</td></tr>' in stats


def test_a_letter_with_its_list_shows_no_named_section(archive_dir):
    root = archive_dir({"letters/2017-06-15-release.md": RELEASE})
    archive = load_archive(root)
    page = render_letter(archive, archive.by_slug["2017-06-14-a-letter"]).markdown
    assert "Signers named in the release" not in page
    assert "## Signatories (3)" in page


def test_a_members_possessive_is_his_name():
    """"signed on to Congressman Mark Green’s (R-TN-07) letter": the signer is Mark Green."""
    from undersigned.convert.prose import named_members
    assert named_members("Rep. DesJarlais also signed on to Congressman Mark Green’s (R-TN-07) "
                         "letter to Secretary Austin.") == [("Rep.", "DesJarlais"),
                                                            ("Rep.", "Mark Green")]


def test_the_subject_after_a_dateline_run_onto_its_dash_or_after_today():
    from undersigned.convert.prose import lead_signers
    assert lead_signers("WASHINGTON– U.S. Senator Todd Young (R-Ind.) joined Senate Finance "
                        "Committee Republicans in writing Secretary Yellen. More text.") == {
        "Todd Young": "sen"}
    assert lead_signers("Today, U.S. Rep. Kathy Castor (FL14) and every Democrat from Florida "
                        "wrote President Biden.") == {"Kathy Castor": "rep"}
    assert lead_signers("Following news that the airline will leave, Senator Jane Doe wrote "
                        "to the Secretary.") == {}  # not the sentence's subject
