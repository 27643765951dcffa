"""Research views (issue #14) in the built site: the co-signing network as data and on the
signatory pages, together-with links, the timeline, change history, redirects, citations that
carry every signer, the data release, and the publish check."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from itertools import combinations
from urllib.parse import parse_qs, urlparse

import networkx as nx
import pytest

from helpers import LETTER, REPO, git
from site_build import build_site
from undersigned.cli import main
from undersigned.core.load import load_archive
from undersigned.outputs.network import GROUP_SIZE

ARCHIVE = load_archive(REPO)


def _pairs() -> Counter:
    """(a, b) -> (documents both signed, documents naming both, one only named), every
    document of at most GROUP_SIZE signatories (a larger one is a group node)."""
    counts: Counter = Counter()
    for letter in ARCHIVE.letters:
        printed = {s.id for s in letter.signatures}
        if len(printed) > GROUP_SIZE:
            continue
        for a, b in combinations(sorted(printed | {s.id for s in letter.signers_named}), 2):
            key = "signed" if a in printed and b in printed else "named"
            counts[(a, b, key)] += 1
    return counts


def test_cosigning_network_loads_in_networkx_and_matches_the_archive(site):
    graph = nx.read_graphml(site.root / "data" / "cosigning.graphml")
    counted = _pairs()
    pairs = {(a, b): (counted[(a, b, "signed")], counted[(a, b, "named")])
             for a, b, _k in counted}
    people = {n for n in graph.nodes if not n.startswith("document:")}
    assert people == ARCHIVE.signed.keys() | ARCHIVE.named_in.keys()
    edges = {(a, b) if a < b else (b, a) for a, b in graph.edges
             if not (a + b).count("document:")}
    assert edges == set(pairs)
    for (a, b), (n, m) in pairs.items():
        assert (graph[a][b]["weight"], graph[a][b]["named"]) == (n, m)
    assert any(m for _n, m in pairs.values())  # named signers are in the network
    lowenthal = graph.nodes["alan-lowenthal"]
    assert lowenthal["name"] == "Alan S. Lowenthal" and lowenthal["bioguide"] == "L000579"
    assert lowenthal["documents"] == len(ARCHIVE.signed["alan-lowenthal"])
    rows = list(csv.DictReader(io.StringIO((site.root / "data/cosigning.csv").read_text())))
    assert list(rows[0]) == ["source", "target", "weight", "named", "source_name",
                             "target_name"]
    people_rows = [r for r in rows if not r["target"].startswith("document:")]
    assert {(r["source"], r["target"]): (int(r["weight"]), int(r["named"]))
            for r in people_rows} == pairs
    names = ARCHIVE.registry.entities
    assert all(r["source_name"] == names[r["source"]].name for r in people_rows)
    assert all(r["source"] < r["target"] for r in people_rows)


def test_datapackage_lists_the_network_and_the_release(site):
    package = json.loads((site.root / "data" / "datapackage.json").read_text())
    names = [r["name"] for r in package["resources"]]
    assert names == ["letters", "signatures", "cosigning"]
    assert package["version"] == "2026.11"
    assert "Data release 2026.11" in site.html("data").get_text()


def test_signatory_page_shows_the_network_and_a_table_of_the_same_ties(site):
    soup = site.html("signatories/alan-lowenthal")
    figure = soup.select_one("figure.us-network")
    svg = figure.find("svg")
    assert svg["role"] == "group" and svg.find("title").get_text().startswith("Alan S. Lowenthal")
    assert svg.find("desc").get_text().startswith("Documents together (signed, or named as "
                                                  "signers of one letter):")
    drawn = [a.find("title").get_text().split(":")[0] for a in svg.find_all("a")]
    table = soup.select_one(".us-cosigners table")
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    ranked = ARCHIVE.ties("alan-lowenthal")
    names = ARCHIVE.registry.entities
    assert [(r[0], int(r[1]), int(r[2]), r[3]) for r in rows] == [
        (names[t.id].name, t.signed, t.named, t.last.isoformat()) for t in ranked[:15]]
    # every tie as CSV with names, in the same order
    link = soup.find("a", string=f"all {len(ranked)} co-signers as CSV")
    assert link["href"] == "cosigners.csv" and link.has_attr("download")
    csv_rows = list(csv.DictReader(io.StringIO(
        (site.root / "signatories/alan-lowenthal/cosigners.csv").read_text())))
    assert [(r["cosigner_id"], r["name"], int(r["signed_together"]), int(r["named_together"]))
            for r in csv_rows] == [(t.id, names[t.id].name, t.signed, t.named) for t in ranked]
    assert drawn == [r[0] for r in rows][:12]
    together = table.tbody.find("tr").find_all("a")[-1]["href"]
    query = parse_qs(urlparse(together).query)
    assert query["signatory"] == ["Alan S. Lowenthal", rows[0][0]]


def test_years_page_has_a_linked_timeline_and_its_table(site):
    """The archive spans 2005-2022: one bar a year (a bar a month would be too many), every
    year with documents linked to them, drawn at its own size (labels stay 11 px)."""
    soup = site.html("years")
    svg = soup.select_one("figure.us-timeline svg")
    bars = svg.find_all("a")
    years = Counter(str(x.date.year) for x in ARCHIVE.letters)
    assert sorted(parse_qs(urlparse(a["href"]).query)["year"][0] for a in bars) == sorted(years)
    for a in bars:
        year = parse_qs(urlparse(a["href"]).query)["year"][0]
        assert a.find("title").get_text() == f"{year}: {years[year]} document" + (
            "s" if years[year] != 1 else "")
    assert svg["width"] == svg["viewbox"].split()[2] and int(svg["height"]) < 200
    labels = [t.get_text() for t in svg.find_all("text")]
    first, last = min(ARCHIVE.by_year), max(ARCHIVE.by_year)
    assert labels == [str(y) for y in range(first, last + 1)]  # every year, the empty ones too
    table = soup.select_one("details.us-timeline-table table")
    assert len(table.tbody.find_all("tr")) == len(years)


def test_letter_citations_name_every_signatory(site):
    letter = ARCHIVE.by_slug["2021-03-25-letter-from-organizations-academics-president-biden"]
    soup = site.html(f"letters/{letter.slug}")
    authors = [m["content"] for m in soup.find_all("meta", attrs={"name": "citation_author"})]
    registry = [ARCHIVE.registry.entities[s.id] for s in letter.signatures]
    assert len(letter.signatures) == 87 and authors == [
        ARCHIVE.name_parts[e.id].inverted if e.kind == "person" else e.name for e in registry]


def test_citation_cff_and_datapackage_agree():
    from undersigned.core.yamlfile import load_yaml

    cff = load_yaml((REPO / "CITATION.cff").read_text()).data
    assert cff["cff-version"] == "1.2.0" and cff["version"] == "2026.11"
    assert cff["license"] == "CC0-1.0"


@pytest.fixture(scope="module")
def history_site(tmp_path_factory):
    """An archive under git: a letter added, then corrected and renamed (old URL kept)."""
    from helpers import MKDOCS_YML, REGISTRY, TOPICS, write

    root = write(tmp_path_factory.mktemp("history"), {
        "mkdocs.yml": MKDOCS_YML.format(overrides=(REPO / "docs" / "overrides").as_posix()),
        "docs/index.md": "# Test\n", "signatories.yaml": REGISTRY, "topics.yaml": TOPICS,
        "letters/2017-06-14-a-letter.md": LETTER,
    })
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Add the letter", date="2024-01-02T10:00:00+00:00")
    (root / "letters/2017-06-14-a-letter.md").unlink()
    (root / "letters/2017-06-14-the-letter.md").write_text(LETTER.replace(
        "topics: [migration]", "topics: [migration]\nredirect_from: [2017-06-14-a-letter]"))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Correct the title <script>", date="2024-03-04T10:00:00+00:00")
    site = root / "site"
    build_site(root / "mkdocs.yml", site)
    return root, site


def test_letter_page_shows_first_published_and_last_changed(history_site):
    from bs4 import BeautifulSoup

    _root, site = history_site
    soup = BeautifulSoup((site / "letters/2017-06-14-the-letter/index.html").read_text(),
                         "html.parser")
    meta = {dt.get_text(): dd.get_text() for dt, dd in zip(soup.select(".us-meta dt"),
                                                          soup.select(".us-meta dd"), strict=True)}
    # the rename keeps the date the document entered the archive (history follows renames)
    assert meta["In the archive"] == "since 2024-01-02; last changed 2024-03-04 (changes)"


def test_changes_page_and_feed(history_site):
    import xml.etree.ElementTree as ET

    from bs4 import BeautifulSoup

    _root, site = history_site
    soup = BeautifulSoup((site / "changes/index.html").read_text(), "html.parser")
    items = [li.get_text() for li in soup.select("ul.us-changes li")]
    assert items == ["Renamed: A letter — Renamed from 2017-06-14-a-letter.",
                     "Added: A letter — New in the archive."]  # what changed, never the commit message
    assert "Correct the title" not in (site / "changes/index.html").read_text()
    assert "Correct the title" not in (site / "changes.xml").read_text()
    links = [a["href"] for a in soup.select("ul.us-changes li a")]  # no repository: no diff
    assert links == ["../letters/2017-06-14-the-letter/"] * 2
    assert [h.get_text().strip("¶") for h in soup.select("article h2")] == ["2024-03-04",
                                                                             "2024-01-02"]
    feed = ET.fromstring((site / "changes.xml").read_text())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert titles == ["Renamed: A letter (formerly 2017-06-14-a-letter)", "Added: A letter"]
    assert feed.findtext("a:updated", namespaces=ns) == "2024-03-04T10:00:00+00:00"


def test_old_url_redirects_to_the_new_slug(history_site):
    _root, site = history_site
    html = (site / "letters/2017-06-14-a-letter/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../2017-06-14-the-letter/">' in html
    assert '<link rel="canonical" href="../2017-06-14-the-letter/">' in html


def test_a_redirect_may_not_shadow_a_document(archive_dir, capsys):
    root = archive_dir({"letters/2017-06-14-b-letter.md": LETTER.replace(
        "topics: [migration]", "topics: [migration]\nredirect_from: [2017-06-14-a-letter]")})
    assert main(["--root", str(root), "check"]) == 1
    assert ("letters/2017-06-14-b-letter.md:14: redirect_from '2017-06-14-a-letter' is the slug "
            "of a document in the archive\n  hint: list only slugs no document has any more"
            ) in capsys.readouterr().out


def test_without_git_there_is_no_history_and_no_build_time(archive_dir, tmp_path):
    from bs4 import BeautifulSoup

    root = archive_dir()
    site = tmp_path / "site"
    build_site(root / "mkdocs.yml", site)
    soup = BeautifulSoup((site / "letters/2017-06-14-a-letter/index.html").read_text(),
                         "html.parser")
    assert "In the archive" not in [dt.get_text() for dt in soup.select(".us-meta dt")]
    assert "not in a git repository" in (site / "changes/index.html").read_text()


def test_publish_check_refuses_the_example_domain(archive_dir, capsys, monkeypatch):
    root = archive_dir()
    monkeypatch.delenv("SITE_URL", raising=False)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text().replace(
        "https://test.example.org/", "https://undersigned.example.org/"))
    assert main(["--root", str(root), "check"]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "check", "--publish"]) == 1
    assert capsys.readouterr().out == (
        "mkdocs.yml: site_url is still the example address https://undersigned.example.org/\n"
        "  hint: set site_url: to the public address of the site (it goes into canonical links, "
        "citations, the sitemap and the feeds)\n1 problem in 1 file.\n")
    monkeypatch.setenv("UNDERSIGNED_PUBLISH", "1")
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        build_site(root / "mkdocs.yml", root / "site")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text().replace(
        "https://undersigned.example.org/", "https://letters.university.edu/"))
    assert main(["--root", str(root), "check", "--publish"]) == 0
