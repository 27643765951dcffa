"""sitemap.xml: one file up to 1,000 URLs, an index of files (50,000 URLs each, the protocol's
limit) beyond."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET

from undersigned.outputs.sitemap import NS, write_sitemaps

SITE = "https://example.org/archive/"


def locs(path) -> list[str]:
    return [el.text for el in ET.parse(path).getroot().iter(f"{{{NS}}}loc")]


def test_a_small_site_has_one_sitemap_and_its_gzip(tmp_path):
    names = write_sitemaps(tmp_path, SITE, ["b/", "", "a/", "b/"], "2024-05-01", 0)
    assert names == ["sitemap.xml"]
    text = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert text == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="{NS}">\n'
        "    <url>\n         <loc>https://example.org/archive/</loc>\n"
        "         <lastmod>2024-05-01</lastmod>\n    </url>\n"
        "    <url>\n         <loc>https://example.org/archive/a/</loc>\n"
        "         <lastmod>2024-05-01</lastmod>\n    </url>\n"
        "    <url>\n         <loc>https://example.org/archive/b/</loc>\n"
        "         <lastmod>2024-05-01</lastmod>\n    </url>\n"
        "</urlset>\n")
    packed = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed).decode("utf-8") == text
    assert packed[4:8] == b"\0\0\0\0"  # the header time given, not the clock


def test_a_large_site_gets_an_index_of_sitemaps_that_together_list_every_page(tmp_path):
    urls = [f"letters/{k:03d}/" for k in range(7)] + ["x&y/"]
    (tmp_path / "sitemap-9.xml").write_text("left by a larger site")
    (tmp_path / "sitemap-notes.xml").write_text("a page of the site's own")
    names = write_sitemaps(tmp_path, SITE, urls, "2024-05-01", 1700000000, per_file=3)
    assert names == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*names, *(n + ".gz" for n in names), "sitemap-notes.xml"])
    index = ET.parse(tmp_path / "sitemap.xml").getroot()
    assert index.tag == f"{{{NS}}}sitemapindex"
    assert locs(tmp_path / "sitemap.xml") == [SITE + n for n in names[1:]]
    listed = [loc for n in names[1:] for loc in locs(tmp_path / n)]
    assert listed == [SITE + u for u in sorted(urls)]  # each once, in order, escaped back
    assert [len(locs(tmp_path / n)) for n in names[1:]] == [3, 3, 2]
    for name in names:
        assert gzip.decompress((tmp_path / f"{name}.gz").read_bytes()) == (
            tmp_path / name).read_bytes()
    assert "x&amp;y/" in (tmp_path / "sitemap-3.xml").read_text()


def test_a_site_of_more_than_a_thousand_pages_gets_a_small_index(tmp_path):
    """Material fetches sitemap.xml on every page that links an Atom feed: above INDEX_ABOVE
    pages it is an index of a few hundred bytes, whatever the size of the site."""
    urls = [f"letters/{k:05d}/" for k in range(1001)]
    names = write_sitemaps(tmp_path, SITE, urls, "2024-05-01", 0)
    assert names == ["sitemap.xml", "sitemap-1.xml"]
    assert (tmp_path / "sitemap.xml").stat().st_size < 400
    assert locs(tmp_path / "sitemap-1.xml") == [SITE + u for u in urls]
    assert write_sitemaps(tmp_path, SITE, urls[:1000], "2024-05-01", 0) == ["sitemap.xml"]
    assert not (tmp_path / "sitemap-1.xml").exists()  # the index's files went with it
