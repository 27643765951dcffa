"""Same archive, same site: two builds are byte-identical; and the engine-independent
`undersigned render --out` output builds with plain MkDocs (no adapter) to the same pages."""

from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from helpers import HOSTILE_BODY_WARNINGS, REPO, write_hostile_archive
from site_build import build_site
from undersigned.cli import main
from undersigned.core.config import read_config


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    a, b = tmp_path / "a", tmp_path / "b"
    build_site(REPO / "mkdocs.yml", a)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build_site(REPO / "mkdocs.yml", b)
    first, second = tree(a), tree(b)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []
    assert any(name.startswith("pagefind/") for name in first)


def test_render_out_builds_with_plain_mkdocs_to_the_same_pages(tmp_path, site):
    out = tmp_path / "docs"
    assert main(["--root", str(REPO), "render", "--out", str(out)]) == 0
    config = read_config(REPO)
    config["plugins"] = []  # plain MkDocs: no undersigned plugin
    config.pop("watch")
    config["docs_dir"] = str(out)
    config["theme"]["custom_dir"] = str(out / "overrides")
    plain = tmp_path / "mkdocs.yml"
    plain.write_text(yaml.safe_dump(config))
    rendered = tmp_path / "site"
    warnings = build_site(plain, rendered)
    assert warnings == []
    hooked = {p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html")}
    plain_pages = {p.relative_to(rendered).as_posix() for p in rendered.rglob("*.html")}
    assert plain_pages == hooked
    for page in ["letters/2017-06-14-letter-secretary-tillerson-central-america-security/"
                 "index.html", "signatories/lucille-roybal-allard/index.html",
                 "signatories/index.html", "index.html", "stats/index.html"]:
        one = BeautifulSoup((site.root / page).read_text(), "html.parser").select_one("article")
        two = BeautifulSoup((rendered / page).read_text(), "html.parser").select_one("article")
        assert one.get_text(" ", strip=True) == two.get_text(" ", strip=True), page
    meta = BeautifulSoup((rendered / "letters/2017-06-14-letter-secretary-tillerson-central-"
                          "america-security/index.html").read_text(), "html.parser")
    assert meta.find("meta", attrs={"name": "citation_title"}) is not None


def _both_ways(config: Path, tmp_path: Path, monkeypatch,
               warned: list[str] | None = None) -> tuple[dict, dict]:
    shelled, engine = tmp_path / "shelled", tmp_path / "engine"
    strict = not warned
    assert build_site(config, shelled, strict=strict) == (warned or [])
    monkeypatch.setenv("UNDERSIGNED_MKDOCS_PAGES", "1")
    assert build_site(config, engine, strict=strict) == (warned or [])
    return tree(shelled), tree(engine)


def test_pages_written_into_shells_equal_the_pages_mkdocs_renders(tmp_path, monkeypatch):
    """The fast route (theme rendered once per kind of page, values filled in) and MkDocs'
    own rendering of every page give the same site, byte for byte."""
    shelled, engine = _both_ways(REPO / "mkdocs.yml", tmp_path, monkeypatch)
    assert sorted(shelled) == sorted(engine)
    assert [name for name in shelled if shelled[name] != engine[name]] == []
    assert len([n for n in shelled if n.endswith("index.html")]) > 150


def test_shells_reproduce_hostile_titles_and_names_exactly(tmp_path, monkeypatch):
    root = write_hostile_archive(tmp_path / "hostile")
    shelled, engine = _both_ways(root / "mkdocs.yml", tmp_path, monkeypatch,
                                 HOSTILE_BODY_WARNINGS)
    assert sorted(shelled) == sorted(engine)
    assert [name for name in shelled if shelled[name] != engine[name]] == []
    page = shelled["letters/2017-06-15-hostile/index.html"].decode()
    assert "<script>alert" not in page
