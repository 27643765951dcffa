"""People's pages: senders linked to their registry entry, the documents someone issued on
their page, and boxes whose icons fit (an envelope for received, a signature for signed)."""

from __future__ import annotations

from helpers import LETTER
from undersigned.core.load import load_archive
from undersigned.pages import render_all

RELEASE = """\
---
title: Congressman Lowenthal urges action
date: 2017-06-15
type: press-release
sender: Rep. Alan Lowenthal
signatories: []
topics: [migration]
---

Text.
"""
FROM_WOLA = LETTER.replace("date: 2017-06-14", "date: 2018-01-01").replace(
    "sender: Members of Congress", "sender: WOLA").replace("  - WOLA\n", "")


def _pages(archive_dir):
    root = archive_dir({"letters/2017-06-15-release.md": RELEASE,
                        "letters/2018-01-01-from-wola.md": FROM_WOLA})
    archive = load_archive(root)
    return archive, {p.uri: p.markdown for p in render_all(archive)}


def test_a_sender_in_the_registry_is_linked_on_the_letter_page(archive_dir):
    archive, pages = _pages(archive_dir)
    assert archive.sender_id(archive.by_slug["2017-06-15-release"]) == "alan-lowenthal"
    assert ('<dt>From</dt><dd><a href="../../signatories/alan-lowenthal/">Rep. Alan Lowenthal'
            '</a></dd>') in pages["letters/2017-06-15-release.md"]
    assert ('<dt>From</dt><dd><a href="../../signatories/wola/">WOLA</a></dd>'
            in pages["letters/2018-01-01-from-wola.md"])
    # a sender the registry does not hold stays plain text
    assert "<dt>From</dt><dd>Members of Congress</dd>" in pages["letters/2017-06-14-a-letter.md"]


def test_the_signatory_page_lists_what_they_issued(archive_dir):
    _archive, pages = _pages(archive_dir)
    page = pages["signatories/alan-lowenthal.md"]
    assert ("## Issued by Alan S. Lowenthal (1) { #issued }\n\n<p class=\"us-note\">Press "
            "releases, statements and letters sent in their name (the sender of the document)."
            "</p>\n\n<table><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Document"
            "</th><th scope=\"col\">Type</th></tr></thead><tbody><tr><td>2017-06-15</td><td>"
            "<a href=\"../../letters/2017-06-15-release/\">Congressman Lowenthal urges action</a>"
            "</td><td>Press release</td></tr></tbody></table>") in page
    assert "## Issued by Washington Office on Latin America (1)" in pages["signatories/wola.md"]


def test_recipient_pages_link_senders_and_the_boxes_have_fitting_icons(archive_dir):
    root = archive_dir({"letters/2018-01-01-tillerson-signs.md": LETTER.replace(
        "date: 2017-06-14", "date: 2018-01-01").replace("  - WOLA", "  - Rex Tillerson")
        .replace("sender: Members of Congress", "sender: WOLA")})
    pages = {p.uri: p.markdown for p in render_all(load_archive(root))}
    receiver = pages["recipients/rex-tillerson.md"]
    assert '<td><a href="../../signatories/wola/">WOLA</a></td>' in receiver
    assert '<li><a href="../../signatories/wola/">WOLA</a>: 1 document</li>' in receiver
    assert ('<div class="admonition us-also-signatory"><p class="admonition-title">Also a '
            'signatory</p>') in receiver
    assert ('<div class="admonition us-also-recipient"><p class="admonition-title">Also a '
            'recipient</p>') in pages["signatories/rex-tillerson.md"]
    assert "admonition note" not in receiver + pages["signatories/rex-tillerson.md"]
