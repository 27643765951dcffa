"""Every export parsed and checked against the archive; citation metadata on letter pages."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from helpers import REPO
from undersigned.core.letters import read_letter
from undersigned.core.load import load_archive

ARCHIVE = load_archive(REPO)
TILLERSON = "2017-06-14-letter-secretary-tillerson-central-america-security"
TEI = "{http://www.tei-c.org/ns/1.0}"
ATOM = "{http://www.w3.org/2005/Atom}"


def read(site, path: str) -> str:
    return (site.root / path).read_text(encoding="utf-8")


def test_letters_json_matches_the_archive(site):
    records = json.loads(read(site, "data/letters.json"))
    assert [r["slug"] for r in records] == [x.slug for x in ARCHIVE.letters]
    for record, letter in zip(records, ARCHIVE.letters, strict=True):
        assert record["date"] == letter.date.isoformat()
        assert [s["id"] for s in record["signatories"]] == [s.id for s in letter.signatures]
        assert [s["name_as_printed"] for s in record["signatories"]] == [
            s.name for s in letter.signatures]
        assert record["url"] == f"https://undersigned.example.org/letters/{letter.slug}/"
    assert next(r for r in records if r["slug"] == TILLERSON)["related"] == [
        "2017-06-15-congressman-lowenthal-urges-state-dept-make-central-america"]


def test_signatures_csv_one_row_per_signature_with_role_at_the_time(site):
    rows = list(csv.DictReader(io.StringIO(read(site, "data/signatures.csv"))))
    assert len(rows) == sum(len(x.signatures) for x in ARCHIVE.letters) == 193
    roybal = next(r for r in rows if r["name_as_printed"] == "Lucille Roybal-Alford")
    assert {k: roybal[k] for k in ("signatory_id", "bioguide", "chamber", "state", "district",
                                   "party", "position")} == {
        "signatory_id": "lucille-roybal-allard", "bioguide": "R000486", "chamber": "House",
        "state": "CA", "district": "40", "party": "Democrat", "position": "36"}
    ngo = [r for r in rows if r["slug"].startswith("2021-03-25")]
    assert {r["chamber"] for r in ngo} == {""}  # empty for non-Members


def test_letters_csv_one_row_per_document(site):
    rows = list(csv.DictReader(io.StringIO(read(site, "data/letters.csv"))))
    assert [r["slug"] for r in rows] == [x.slug for x in ARCHIVE.letters]
    assert [int(r["signatory_count"]) for r in rows] == [len(x.signatures) for x in ARCHIVE.letters]


def test_signatories_json(site):
    records = {r["id"]: r for r in json.loads(read(site, "data/signatories.json"))}
    assert set(records) == set(ARCHIVE.registry.entities)
    assert records["lucille-roybal-allard"]["aliases"] == ["Lucille Roybal-Alford"]
    assert records["lucille-roybal-allard"]["letters"] == [TILLERSON]
    assert records["antony-blinken"]["received"] == [
        "2021-03-04-letter-secretary-blinken-migration-security-rule-law-human",
        "2021-03-25-letter-from-organizations-academics-president-biden",
        "2022-05-31-letter-president-biden-secretary-blinken"]


def test_front_matter_of_every_letter_validates_against_the_published_schema(site):
    schema = json.loads(read(site, "data/letter.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for letter in ARCHIVE.letters:
        src, problems = read_letter(letter.path, letter.slug, REPO)
        assert problems == []
        jsonschema.validate(src.front.data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "x"}, schema)


def test_datapackage_describes_the_csv_files(site):
    package = json.loads(read(site, "data/datapackage.json"))
    for resource in package["resources"]:
        header = read(site, "data/" + resource["path"]).splitlines()[0].split(",")
        assert header == [f["name"] for f in resource["schema"]["fields"]]


def test_cmif_lists_every_letter_with_dates(site):
    root = ET.fromstring(read(site, "data/cmif.xml"))
    descs = root.findall(f".//{TEI}correspDesc")
    letters = [x for x in ARCHIVE.letters if x.type == "letter"]
    assert [d.get("ref") for d in descs] == [
        f"https://undersigned.example.org/letters/{x.slug}/" for x in letters]
    for desc, letter in zip(descs, letters, strict=True):
        sent = desc.find(f"{TEI}correspAction[@type='sent']")
        assert sent.find(f"{TEI}date").get("when") == letter.date.isoformat()
        names = [el.text for el in sent if el.tag in (f"{TEI}persName", f"{TEI}orgName")]
        # a letter whose web page dropped the signatures names its sender
        assert names == ([s.name for s in letter.signatures] or [letter.sender])
    tillerson = next(d for d in descs if d.get("ref").endswith(f"/{TILLERSON}/"))
    lowenthal = tillerson.find(f".//{TEI}persName")
    assert lowenthal.get("ref", "").startswith("http://www.wikidata.org/entity/Q")
    assert root.find(f".//{TEI}editor/{TEI}email") is not None


def test_feed_and_sitemap_parse(site):
    feed = ET.fromstring(read(site, "feed.xml"))
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == min(len(ARCHIVE.letters), 50)  # the feed's newest 50
    assert entries[0].find(f"{ATOM}title").text == ARCHIVE.newest_first[0].title
    sitemap = ET.fromstring(read(site, "sitemap.xml"))
    locs = {el.text for el in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert f"https://undersigned.example.org/letters/{TILLERSON}/" in locs
    # every page of the site, whichever way it was rendered, and nothing else (a renamed
    # document's old address is a redirect, noindex: not in the sitemap)
    pages = {"https://undersigned.example.org/" + p.relative_to(site.root).parent.as_posix()
             .removeprefix(".") + ("/" if p.parent != site.root else "")
             for p in site.root.rglob("index.html")
             if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")}
    assert locs == pages
    assert gzip.decompress((site.root / "sitemap.xml.gz").read_bytes()).decode() == read(
        site, "sitemap.xml")


def test_citation_meta_and_json_ld(site):
    soup = site.html(f"letters/{TILLERSON}")
    meta = [(m["name"], m["content"]) for m in soup.find_all("meta") if
            m.get("name", "").startswith("citation_")]
    letter = ARCHIVE.by_slug[TILLERSON]
    assert ("citation_title", letter.title) in meta
    assert ("citation_publication_date", "2017/06/14") in meta
    authors = [c for n, c in meta if n == "citation_author"]
    # all 37, by their registry names, family name first: a reference manager loses none
    registry = [ARCHIVE.registry.entities[s.id] for s in letter.signatures]
    assert authors == [ARCHIVE.name_parts[e.id].inverted for e in registry]
    assert len(authors) == 37 and authors[0] == "Lowenthal, Alan S."
    assert authors[35] == "Roybal-Allard, Lucille"  # printed "Lucille Roybal-Alford"
    assert ("DC.type", "letter") in [(m["name"], m["content"]) for m in soup.find_all("meta")
                                     if m.get("name")]
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Message" and data["dateSent"] == "2017-06-14"
    assert data["name"] == letter.title
    assert [a["name"] for a in data["author"]] == [e.name for e in registry][:10]  # JSON-LD: 10
    assert data["recipient"][0]["name"] == "Rex Tillerson"
    assert data["author"][0]["sameAs"] == ["https://bioguide.congress.gov/search/bio/L000579"]
    cite = soup.select(".us-cite pre code")
    assert [c.parent.parent.select_one(".filename").text for c in cite] == [
        "Citation", "BibTeX", "CSL-JSON"]
    assert [d.summary.get_text() for d in soup.select(".us-cite details")] == ["BibTeX",
                                                                               "CSL-JSON"]
    assert not any(d.has_attr("open") for d in soup.select(".us-cite details"))
    assert cite[0].get_text() == (
        "Lowenthal, Alan S., et al. “Letter to Secretary Tillerson on the Central America "
        "Security and Prosperity conference.” Letter to Rex Tillerson, Secretary of State, "
        "14 June 2017. 37 signatories. Undersigned archive. "
        f"https://undersigned.example.org/letters/{TILLERSON}/.")
    csl = json.loads(cite[2].get_text())[0]
    assert csl["issued"] == {"date-parts": [[2017, 6, 14]]}
    assert cite[1].get_text().startswith("@misc{lowenthal2017tillerson,\n")
    bib_authors = re.search(r"author = \{(.*)\},", cite[1].get_text()).group(1).split(" and ")
    assert len(bib_authors) == 37 and "others" not in bib_authors
    assert bib_authors[7] == "Beyer, Jr., Donald S." and bib_authors[35] == "Roybal-Allard, Lucille"
    assert "  year = {2017},\n  month = jun,\n" in cite[1].get_text()
    assert csl["author"][35] == {"family": "Roybal-Allard", "given": "Lucille"}
    assert csl["recipient"] == [{"family": "Tillerson", "given": "Rex"}]
    assert "printed as “Jan Schakowsky” (Janice D. Schakowsky); “Louise M. Slaughter” (Louise " \
        "McIntosh Slaughter); “Lucille Roybal-Alford” (Lucille Roybal-Allard)" in csl["note"]


def test_signatory_page_json_ld_and_stats_page(site):
    soup = site.html("stats")
    svgs = soup.select("figure.us-chart svg[role=img]")
    assert len(svgs) == 6
    for svg in svgs:
        ids = svg["aria-labelledby"].split()
        assert svg.find("title")["id"] == ids[0] and svg.find("desc")["id"] == ids[1]
        assert svg.find("desc").text.strip()

    person = json.loads(site.html("signatories/lucille-roybal-allard").find(
        "script", type="application/ld+json").string)
    assert person["@type"] == "Person" and person["alternateName"] == ["Lucille Roybal-Alford"]
    assert "https://bioguide.congress.gov/search/bio/R000486" in person["sameAs"]
    org = json.loads(site.html("signatories/witness-at-the-border").find(
        "script", type="application/ld+json").string)
    assert org["@type"] == "Organization"


def test_frictionless_validates_the_data_package(site):
    from frictionless import validate

    report = validate(str(site.root / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [task.name for task in report.tasks] == ["letters", "signatures", "cosigning"]


def test_search_index_is_sharded_and_every_document_is_in_one_shard(site):
    facets = json.loads((site.root / "search" / "facets.json").read_text(encoding="utf-8"))
    n = len(ARCHIVE.letters)  # 2 documents per shard in the tests
    count = -(-n // 2)
    shards = [f"s{k}" for k in range(1, count)]  # older shards; the newest is the primary
    # newest first, with dates and sizes: the search page asks them in this order
    assert [(x["dir"], x["id"], x["count"]) for x in facets["shards"]] == (
        [("", f"s{count}", 2 - n % 2)] + [(f"s{k}/", f"s{k}", 2) for k in range(count - 1, 0, -1)])
    assert facets["shards"][0]["last"] == ARCHIVE.letters[-1].date.isoformat()
    assert facets["shards"][-1]["first"] == ARCHIVE.letters[0].date.isoformat()
    bundle = site.root / "pagefind"
    assert sorted(p.name for p in bundle.iterdir() if p.is_file() and not p.name.endswith(".pf_meta")) == [
        "pagefind-entry.json", "pagefind-worker.js", "pagefind.js", "wasm.en.pagefind",
        "wasm.unknown.pagefind"]
    counts = [len(list((bundle / sub / "fragment").iterdir())) for sub in [*shards, ""]]
    assert counts == [2] * (n // 2) + [1] * (n % 2)
    for sub in shards:  # merged shards carry data only: the code comes from the primary
        assert not list((bundle / sub).glob("*.js"))
        entry = json.loads((bundle / sub / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == ["en"]
