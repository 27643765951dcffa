"""The five seed documents as committed archive content: faithful, complete, resolved."""

from __future__ import annotations

import re

import pytest

from helpers import REPO
from undersigned.core.load import load_archive

LETTERS = REPO / "letters"
TILLERSON = "2017-06-14-letter-secretary-tillerson-central-america-security"
BLINKEN = "2021-03-04-letter-secretary-blinken-migration-security-rule-law-human"
NGO = "2021-03-25-letter-from-organizations-academics-president-biden"
LOWENTHAL_PR = "2017-06-15-congressman-lowenthal-urges-state-dept-make-central-america"
HRF = "2017-06-15-tillerson-kelly-urged-reaffirm-commitment-refugees-at"
FOOTDEF = re.compile(r"^<sup>(\d+)</sup>\s*(.*)$")


@pytest.fixture(scope="module")
def archive():
    archive = load_archive(REPO)
    assert [str(p) for p in archive.problems] == []
    return archive


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def split_original(text: str) -> tuple[str, dict[str, str]]:
    """Main text and footnote definitions of a seed (as printed)."""
    main, defs, current = [], {}, None
    for line in text.splitlines():
        m = FOOTDEF.match(line.strip())
        if m:
            current = m.group(1)
            defs[current] = m.group(2)
            continue
        if current and line.strip():
            defs[current] += " " + line.strip()
            continue
        current = None
        main.append(line)
    joined = "\n".join(main)
    joined = re.sub(r"<sup>\d+</sup>", " ", joined)
    return re.sub(r"</?sup>", "", joined), defs


def split_converted(body: str) -> tuple[str, dict[str, str]]:
    defs = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", body, flags=re.M))
    main = re.sub(r"^\[\^\d+\]: .*$", "", body, flags=re.M)
    return re.sub(r"\[\^\d+\]", " ", main), defs


@pytest.mark.parametrize("slug,count", [(TILLERSON, 37), (BLINKEN, 19), (NGO, 87)])
def test_signatory_counts_match_the_documents(archive, slug, count):
    assert len(archive.by_slug[slug].signatures) == count


def test_one_line_naming_two_people_is_two_signatories(archive):
    names = [s.name for s in archive.by_slug[NGO].signatures]
    i = names.index("Guadalupe cepeda Aguilar")
    assert names[i + 1] == "Raúl Reyes Covarrubias"
    assert archive.registry.get(archive.by_slug[NGO].signatures[i].id).kind == "person"


@pytest.mark.parametrize("slug", [TILLERSON, BLINKEN, NGO, LOWENTHAL_PR, HRF])
def test_every_word_of_the_original_survives_in_order(archive, slug):
    letter = archive.by_slug[slug]
    original, odefs = split_original((LETTERS / letter.source["original"]).read_text())
    body, cdefs = split_converted(letter.body)
    ow, cw = words(original), words(body)
    start = next(i for i in range(len(ow)) if ow[i:i + 8] == cw[:8])
    assert ow[start:start + len(cw)] == cw
    assert {k: words(v) for k, v in cdefs.items()} == {k: words(v) for k, v in odefs.items()}
    if letter.signatures:  # nothing between the closing and the first signature is lost
        assert ow[start + len(cw):start + len(cw) + 2] == words(letter.signatures[0].name)[:2] \
            or letter.slug == NGO


def test_footnote_markers_all_have_definitions(archive):
    body = archive.by_slug[NGO].body
    markers = set(re.findall(r"\[\^(\d+)\](?!:)", body))
    definitions = set(re.findall(r"^\[\^(\d+)\]:", body, flags=re.M))
    assert markers == definitions == {str(n) for n in range(1, 15)}
    assert "January 22nd, 2021" in archive.by_slug[BLINKEN].body  # ordinal kept as text


def test_page_breaks_rejoined(archive):
    assert "on their way to the U.S. were intercepted" in archive.by_slug[NGO].body
    assert "we encourage you to explore ways to deepen" in archive.by_slug[BLINKEN].body


@pytest.mark.parametrize("slug,gone", [
    (LOWENTHAL_PR, ["f t # e", "Stay Connected", "Use the form below", "Office Locations",
                    "| comments"]),
    (HRF, ["Related Posts", "Seeking asylum?", "If you do not already have legal",
           "Published on"]),
])
def test_press_release_furniture_is_gone(archive, slug, gone):
    body = archive.by_slug[slug].body
    for text in gone:
        assert text not in body


def test_typos_and_variants_resolve_through_aliases(archive):
    tillerson, blinken = archive.by_slug[TILLERSON], archive.by_slug[BLINKEN]
    sig = next(s for s in tillerson.signatures if s.name == "Lucille Roybal-Alford")
    assert sig.id == "lucille-roybal-allard"
    hank_2017 = next(s for s in tillerson.signatures if s.name == "Henry Johnson, Jr.")
    hank_2021 = next(s for s in blinken.signatures if s.name == "Henry C. “Hank” Johnson, Jr.")
    assert hank_2017.id == hank_2021.id
    serrano = next(s for s in tillerson.signatures if s.name == "Jose E. Serrano")
    assert archive.registry.get(serrano.id).name == "José E. Serrano"
    assert archive.by_slug[NGO].recipients[2].id == blinken.recipients[0].id == "antony-blinken"


def test_members_have_bioguide_and_role_at_the_time(archive):
    tillerson = archive.by_slug[TILLERSON]
    members = [archive.registry.get(s.id) for s in tillerson.signatures]
    assert all(m.bioguide for m in members)
    labels = {s.name: archive.role_on(archive.registry.get(s.id), tillerson).label
              for s in tillerson.signatures}
    assert labels["Lucille Roybal-Alford"] == "D-CA-40"
    assert labels["Alan Lowenthal"] == "D-CA-47"
    assert labels["Eleanor Holmes Norton"] == "D-DC-AL"


def test_press_release_linked_to_its_letter(archive):
    assert archive.by_slug[LOWENTHAL_PR].related == (TILLERSON,)
    assert [x.slug for x in archive.related[TILLERSON]] == [LOWENTHAL_PR]
    assert archive.by_slug[HRF].related == ()


def test_organizations_told_apart(archive):
    ngo = archive.by_slug[NGO]
    kinds = [archive.registry.get(s.id).kind for s in ngo.signatures]
    assert kinds.count("person") == 28 and kinds.count("organization") == 59
