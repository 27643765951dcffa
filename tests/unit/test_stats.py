"""Statistics: signatures per document, documents per recipient office over time, the most
frequent co-signing pairs and the share of document types per year: each a static SVG with a
title and description and the same numbers as a table beside it."""

from __future__ import annotations

import re

from undersigned.core.load import load_archive
from undersigned.pages.stats import (
    cosigning_pairs,
    offices_over_time,
    render_stats,
    signature_sizes,
    types_per_year,
)

RELEASE = """\
---
title: A release
date: 2018-02-01
type: press-release
sender: Rep. Alan Lowenthal
recipients:
  - name: Rex Tillerson
    role: Secretary of State
signatories: []
topics: [migration]
---

Text.
"""


def _archive(archive_dir):
    return load_archive(archive_dir({"letters/2018-02-01-release.md": RELEASE}))


def _rows(html: str) -> list[list[str]]:
    table = html.split("<table>", 1)[1]
    return [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)
            for row in re.findall(r"<tr>(.*?)</tr>", table)]


def test_signatures_per_document(archive_dir):
    html = signature_sizes(_archive(archive_dir))
    assert html.startswith("## Signatures per document { #sizes }\n\n")
    assert '<desc id="sizes-d">Documents by number of signatures, median 3: none: 1; 1: 0; ' \
        "2–5: 1; 6–10: 0; 11–20: 0; 21–50: 0; 51–100: 0; 101+: 0.</desc>" in html
    assert _rows(html) == [["Signatures", "Documents"], ["none", "1"], ["1", "0"], ["2–5", "1"],
                           ["6–10", "0"], ["11–20", "0"], ["21–50", "0"], ["51–100", "0"],
                           ["101+", "0"]]


def test_documents_per_recipient_office_over_time(archive_dir):
    html = offices_over_time(_archive(archive_dir))
    assert '<svg role="img" aria-labelledby="offices-t offices-d"' in html
    assert '<desc id="offices-d">Secretary of State: 2017 1, 2018 1.</desc>' in html
    assert _rows(html) == [["Office", "2017", "2018"], ["Secretary of State", "1", "1"]]
    assert html.count("<rect ") == 2


def test_most_frequent_cosigning_pairs(archive_dir):
    html = cosigning_pairs(_archive(archive_dir), "stats/index.md")
    labels = re.findall(r'text-anchor="end">([^<]+)</text>', html)
    assert labels == ["Lowenthal &amp; Roybal-Allard",
                      "Lowenthal &amp; Washington Office on…",
                      "Roybal-Allard &amp; Washington…"]  # whole in the table
    first = _rows(html)[1]
    assert first == ['<a href="../signatories/alan-lowenthal/">Alan S. Lowenthal</a> and '
                     '<a href="../signatories/lucille-roybal-allard/">Lucille Roybal-Allard</a>',
                     '<a href="../search/?signatory=Alan%20S.%20Lowenthal&amp;signatory='
                     'Lucille%20Roybal-Allard">1</a>']


def test_share_of_documents_by_type_per_year(archive_dir):
    html = types_per_year(_archive(archive_dir))
    assert '<desc id="types-d">2017: letter 1, press release 0, statement 0; 2018: letter 0, ' \
        "press release 1, statement 0.</desc>" in html
    assert _rows(html) == [["Year", "Letter", "Press release", "Statement"],
                           ["2017", "1 (100 %)", "0 (0 %)", "0 (0 %)"],
                           ["2018", "0 (0 %)", "1 (100 %)", "0 (0 %)"]]
    assert '<rect class="us-type-1" x="60.0" y="30" width="560.0" height="26"><title>2017: ' \
        "Letter 1 of 1 (100 %)</title></rect>" in html


def test_every_chart_has_a_title_a_description_and_a_table_beside_it(archive_dir):
    page = render_stats(_archive(archive_dir)).markdown
    svgs = re.findall(r'<svg role="img" aria-labelledby="([\w-]+)-t \1-d"', page)
    # nobody here signed two documents: no 'most active' chart, and a line that says why
    assert svgs == ["per-year", "sizes", "offices", "pairs", "types"]
    assert '<p class="us-note">No signatory has signed more than one document.</p>' in page
    assert page.count('<div class="us-chart-pair">') == 4
    for pair in page.split('<div class="us-chart-pair">')[1:]:
        assert pair.index("</figure>") < pair.index("<table>") < pair.index("</div>")


def _all_pairs(archive):
    from collections import Counter
    from itertools import combinations

    counts: Counter = Counter()
    for letter in archive.letters:
        counts.update(combinations(sorted({s.id for s in letter.signatures if s.id}), 2))
    return counts


def test_the_top_pairs_are_those_of_counting_every_pair(tmp_path):
    """top_pairs stops early and never holds every pair: the same k highest counts (and
    every tie with the k-th) as counting all pairs, on the real archive and a synthetic one."""
    from helpers import REPO
    from undersigned.devtools.synthetic import generate
    from undersigned.pages.stats import top_pairs

    generate(REPO, tmp_path / "synthetic", 400, seed=3)
    for root in (REPO, tmp_path / "synthetic"):
        archive = load_archive(root)
        every = _all_pairs(archive)
        for k in (1, 5, 15):
            kth = sorted(every.values(), reverse=True)[k - 1]
            expected = {pair: n for pair, n in every.items() if n >= kth}
            assert top_pairs(archive, k) == expected
