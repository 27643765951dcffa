"""Terms as they really ended: a Member who resigned, died or was appointed mid-term is
serving until the day they left and a former Member after it — on pages, in exports and in
reconciliation."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import LETTER, REGISTRY
from undersigned.core.legislators import load_legislators
from undersigned.core.load import load_archive
from undersigned.outputs.exports import signature_rows
from undersigned.pages.entities import terms_table
from undersigned.pages.letter import render_letter

D = dt.date.fromisoformat


@pytest.mark.parametrize("bioguide, why, serving, gone", [
    ("W000823", "Waltz resigned (National Security Adviser)", "2025-01-10", "2025-06-02"),
    ("G000551", "Grijalva died", "2025-03-01", "2025-06-02"),
    ("R000595", "Rubio appointed Secretary of State", "2025-01-10", "2025-02-01"),
    ("V000137", "Vance left for the vice presidency", "2025-01-08", "2025-01-20"),
    ("H001080", "Haaland appointed Secretary of the Interior", "2021-03-01", "2021-04-01"),
    ("G000578", "Gaetz resigned", "2024-11-01", "2024-12-01"),
    ("W000813", "Walorski died", "2022-07-01", "2022-09-01"),
])
def test_a_term_ends_on_the_day_the_member_left(bioguide, why, serving, gone):
    member = load_legislators().get(bioguide)
    assert member is not None, why
    assert member.term_on(D(serving)) is not None
    assert member.term_on(D(gone)) is None
    assert member.served_before(D(gone)) and not member.served_before(D(serving))
    assert member.terms[-1].left_early if member.terms[-1].end < D("2026-01-01") else True
    # reconciliation asks for Members serving on the date: none of them any more
    names = load_legislators().serving_names(D(gone))
    assert member.name not in names


REGISTRY_2025 = REGISTRY + """\
mike-waltz:
  name: Michael Waltz
  kind: person
  aliases: [Mike Waltz]
  bioguide: W000823
raul-grijalva:
  name: Raúl M. Grijalva
  kind: person
  aliases: [Raúl Grijalva]
  bioguide: G000551
"""

LETTER_2025 = LETTER.replace("date: 2017-06-14", "date: 2025-06-02").replace(
    "  - WOLA\n", "  - WOLA\n  - Mike Waltz\n  - Raúl Grijalva\n")


def test_a_member_who_left_shows_as_former_never_as_serving(archive_dir):
    root = archive_dir({"signatories.yaml": REGISTRY_2025,
                        "letters/2025-06-02-a-letter.md": LETTER_2025})
    archive = load_archive(root)
    assert [p for p in archive.problems if not p.warning] == []
    letter = archive.by_slug["2025-06-02-a-letter"]
    page = render_letter(archive, letter).markdown
    for name in ("Mike Waltz", "Raúl Grijalva"):
        line = next(x for x in page.split("<li") if f">{name}</a>" in x)
        assert "former Member of Congress" in line
        assert "us-party" not in line
    assert "R-FL-6" not in page and "D-AZ-7" not in page
    rows = {r["signatory_id"]: r for r in signature_rows(archive)
            if r["slug"] == "2025-06-02-a-letter"}
    for entity_id in ("mike-waltz", "raul-grijalva"):
        assert (rows[entity_id]["chamber"], rows[entity_id]["state"],
                rows[entity_id]["party"]) == ("", "", "")
    table = terms_table(archive, archive.registry.get("raul-grijalva"))
    assert "<td>2025-03-13 (left office)</td>" in table
