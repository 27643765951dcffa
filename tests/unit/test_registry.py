"""Registry loading and name resolution."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import REPO, write
from undersigned.core.legislators import build_json
from undersigned.core.registry import load_registry


def registry(tmp_path: Path, text: str):
    write(tmp_path, {"signatories.yaml": text})
    return load_registry(tmp_path / "signatories.yaml")


def test_folding_resolves_accents_case_punctuation(tmp_path):
    reg, problems = registry(tmp_path, "jose-serrano:\n  name: José E. Serrano\n  kind: person\n")
    assert problems == []
    for printed in ("Jose E. Serrano", "JOSÉ E SERRANO", "  josé   e. serrano "):
        assert reg.resolve(printed) == "jose-serrano"
    assert reg.resolve("Jose Serrano") is None  # anything else is an explicit alias
    assert reg.resolve("whatever", "jose-serrano") == "jose-serrano"
    assert reg.resolve("whatever", "nobody") is None


def test_duplicate_ids_and_alias_clashes(tmp_path):
    _reg, problems = registry(tmp_path, (
        "a:\n  name: Ann\n  kind: person\n"
        "b:\n  name: Bob\n  kind: person\n  aliases: [Ann]\n"
        "c:\n  name: Cy\n  kind: robot\n  colour: red\n"
        "c:\n  name: Cy Again\n  kind: person\n"
        "d:\n  name: ÁNN\n  kind: organization\n"))
    assert [str(p) for p in problems] == [
        "signatories.yaml:12: duplicate key 'c' in the registry (first on line 8)\n"
        "  hint: YAML keeps only the last one; merge the two or rename one",
        "signatories.yaml:7: alias 'Ann' of 'b' is already claimed by 'a' ('Ann')\n"
        "  hint: names and aliases must be unique after folding case, accents and punctuation;"
        " remove it from one entry",
        "signatories.yaml:16: name 'ÁNN' of 'd' is already claimed by 'a' ('Ann')\n"
        "  hint: names and aliases must be unique after folding case, accents and punctuation;"
        " remove it from one entry",
    ]
    _reg, problems = registry(tmp_path, "c:\n  name: Cy\n  kind: robot\n  colour: red\n")
    assert [str(p) for p in problems] == [
        "signatories.yaml:4: unknown key 'colour' in entry 'c'\n"
        "  hint: allowed keys: name, kind, aliases, description, bioguide, url, wikidata, sort",
        "signatories.yaml:3: kind 'robot' of 'c' is not allowed\n"
        "  hint: use one of: person, organization",
    ]


def test_bundled_legislators_json_matches_the_yaml(tmp_path):
    data = REPO / "scripts" / "undersigned" / "data"
    build_json(data / "legislators.yaml", tmp_path / "legislators.json")
    assert json.loads((tmp_path / "legislators.json").read_text()) == json.loads(
        (data / "legislators.json").read_text())
    assert "public domain" in (data / "legislators.yaml").read_text()[:400]
