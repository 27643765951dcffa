"""How names are filed: the dataset's family name for Members, the two-surname rule for
others, ``sort:`` in the registry over both, and the A–Z index showing "Family, Given"."""

from __future__ import annotations

import re

import pytest

from helpers import LETTER, REGISTRY, REPO, write
from undersigned.core.legislators import load_legislators
from undersigned.core.load import load_archive
from undersigned.core.model import Entity
from undersigned.core.registry import load_registry
from undersigned.core.sorting import name_parts, two_surname_rule
from undersigned.pages.indexes import render_signatories_index


@pytest.mark.parametrize("name, filed", [
    ("Raúl Reyes Covarrubias", "Reyes Covarrubias, Raúl"),
    ("Brenda Julissa Reyes Lopez", "Reyes Lopez, Brenda Julissa"),
    ("Clara Marina Quintanilla", "Quintanilla, Clara Marina"),
    ("Manuel Ángel Castillo", "Castillo, Manuel Ángel"),
    ("Alejandra del Cueto Castro", "Cueto Castro, Alejandra del"),
    ("Luis Carlos Rodríguez De La Cruz", "Rodríguez De La Cruz, Luis Carlos"),
    ("Andres Delgado Prieto O.P.", "Delgado Prieto, Andres, O.P."),
    ("Leticia Gutiérrez Valderrama mscs", "Gutiérrez Valderrama, Leticia, mscs"),
    ("Juan S. Gonzalez", "Gonzalez, Juan S."),
    ("Antony J. Blinken", "Blinken, Antony J."),
    ("Rex Tillerson", "Tillerson, Rex"),
    ("Madonna", "Madonna"),
])
def test_two_surname_rule(name, filed):
    assert two_surname_rule(name).inverted == filed


@pytest.mark.parametrize("name, bioguide, filed, key", [
    ("Lucille Roybal-Allard", "R000486", "Roybal-Allard, Lucille", "roybal allard lucille"),
    ("Michelle Lujan Grisham", "L000580", "Lujan Grisham, Michelle", "lujan grisham michelle"),
    ("Nanette Diaz Barragán", "B001300", "Barragán, Nanette Diaz", "barragan nanette diaz"),
    ("Eleanor Holmes Norton", "N000147", "Norton, Eleanor Holmes", "norton eleanor holmes"),
    ("Donald S. Beyer, Jr.", "B001292", "Beyer, Donald S., Jr.", "beyer donald s jr"),
    ("Mario Diaz-Balart", "D000600", "Diaz-Balart, Mario", "diaz balart mario"),
])
def test_members_are_filed_by_the_datasets_family_name(name, bioguide, filed, key):
    parts = name_parts(Entity(id="x", name=name, bioguide=bioguide), load_legislators())
    assert (parts.inverted, parts.key) == (filed, key)


def test_sort_in_the_registry_decides():
    person = Entity(id="x", name="Clara Marina Quintanilla", sort="Marina Quintanilla, Clara")
    assert name_parts(person).inverted == "Marina Quintanilla, Clara"
    org = Entity(id="y", name="The Latin America Working Group", kind="organization")
    assert name_parts(org).key == "latin america working group"
    assert name_parts(Entity(id="z", name="The X", kind="organization", sort="X, The")).key == \
        "x the"


def test_sort_is_validated(tmp_path):
    write(tmp_path, {"signatories.yaml": (
        "a:\n  name: Ann Lee\n  kind: person\n  sort: Lee Ann\n"
        "b:\n  name: Bob\n  kind: person\n  sort: [Bob]\n"
        "c:\n  name: Carla Ruiz Díaz\n  kind: person\n  sort: 'Ruiz Díaz, Carla'\n")})
    registry, problems = load_registry(tmp_path / "signatories.yaml")
    assert [str(p) for p in problems] == [
        "signatories.yaml:4: 'sort' of 'a' has no comma: 'Lee Ann'\n"
        "  hint: write the family name, a comma and the given names: "
        "sort: \"Reyes Covarrubias, Raúl\"",
        "signatories.yaml:8: 'sort' of 'b' must be a non-empty string\n"
        "  hint: write the name as filed: sort: \"Family, Given\"",
    ]
    assert registry.entities["c"].sort == "Ruiz Díaz, Carla"
    assert registry.entities["a"].sort is None


def test_unknown_key_hint_lists_sort(tmp_path):
    write(tmp_path, {"signatories.yaml": "a:\n  name: Ann\n  kind: person\n  sorting: x\n"})
    _registry, problems = load_registry(tmp_path / "signatories.yaml")
    assert [str(p) for p in problems] == [
        "signatories.yaml:4: unknown key 'sorting' in entry 'a'\n"
        "  hint: allowed keys: name, kind, aliases, description, bioguide, url, wikidata, sort"]


def test_signatories_index_files_by_family_name_and_shows_family_first(archive_dir):
    registry = REGISTRY + ("raul-reyes:\n  name: Raúl Reyes Covarrubias\n  kind: person\n"
                           "clara:\n  name: Clara Marina Quintanilla\n  kind: person\n"
                           "  sort: 'Marina Quintanilla, Clara'\n")
    root = archive_dir({"signatories.yaml": registry, "letters/2017-06-14-a-letter.md":
                        LETTER.replace("  - WOLA", "  - WOLA\n  - Raúl Reyes Covarrubias\n"
                                       "  - Clara Marina Quintanilla")})
    page = render_signatories_index(load_archive(root))[0].markdown
    entries = re.findall(r'<h2[^>]*>|## (\S+) |data-kind="(\w+)">([^<]+)</a>', page)
    shown = [(x[0] or x[2]) for x in entries if x[0] or x[2]]
    assert shown == ["L", "Lowenthal, Alan S.", "M", "Marina Quintanilla, Clara",
                     "R", "Reyes Covarrubias, Raúl", "Roybal-Allard, Lucille",
                     "W", "Washington Office on Latin America"]
    assert '<a href="#l">L</a> <a href="#m">M</a> <a href="#r">R</a> <a href="#w">W</a>' in page


def test_the_archive_files_every_member_under_the_datasets_family_name():
    archive = load_archive(REPO)
    for entity in archive.registry.entities.values():
        member = archive.legislators.get(entity.bioguide) if entity.bioguide else None
        if member:
            assert archive.name_parts[entity.id].family == member.last, entity.id
