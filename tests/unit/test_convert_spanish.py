"""Letters in Spanish, and letters printed in Spanish and English with one signature list.

The Spanish cases are real texts (see tests/data/convert/NOTICE.md); the bilingual document
is assembled from the two published versions of one real letter (the senators' Spanish page
and the English quoted in the press), in the layout the Global Exchange letter of 2023-05-10
uses ('English below', the Spanish text, then the English one)."""

from __future__ import annotations

import re

import pytest

from helpers import DATA
from undersigned.convert import convert_text
from undersigned.convert.prose import signers_in_prose
from undersigned.convert.regions import is_dear, language_of

CONVERT = DATA / "convert"


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def convert(name: str):
    return convert_text((CONVERT / name).read_text(encoding="utf-8"), source=name)


@pytest.mark.parametrize("line,language", [
    ("Estimado Secretario Kerry:", "es"),                     # movimientos.org, 2013
    ("Estimado Sr. Secretario de Estado Tillerson,", "es"),   # aciparticipa.org, 2017
    ("Apreciables señora y señores:", "es"),                  # provea.org, 2016
    ("Estimado Señor Presidente,", "es"),                     # cornyn.senate.gov/es-mx, 2021
    ("Estimados líderes del Congreso:", "es"),                # faithinactionba.org
    ("Señor Presidente de los Estados Unidos Mexicanos,", "es"),  # peticion.es
    ("Ladies and Gentlemen:", "en"),                          # tonatierra, 2015
    ("Dear Mr. Secretary,", "en"),
])
def test_salutations_in_spanish_and_without_dear(line, language):
    assert is_dear(line)
    assert language_of(line) == language


@pytest.mark.parametrize("line", [
    "Respetables Señora y Señores",         # a greeting line above the recipients, no comma
    "Honorable John Kerry",                 # a recipient
    "Sr. Presidente Enrique Peña Nieto",    # a recipient
    "**Honorable Rex Tillerson, Secretario de Estado,**",
])
def test_recipient_lines_are_not_salutations(line):
    assert not is_dear(line)


def test_bilingual_letter_is_one_letter_with_every_word_in_order():
    name = "bilingual-two-versions.txt"
    text = (CONVERT / name).read_text(encoding="utf-8")
    result = convert_text(text, source=name)
    (letter,) = result.documents
    assert letter.front.written("signatories") == ["John Cornyn", "Kyrsten Sinema"]
    assert [r["name"] for r in letter.front.written("recipients")] == ["Joseph Biden"]
    # the marker, then every word from the Spanish salutation (line 9) to 'Sincerely', in
    # order: the English recipient block included; the date and the Spanish recipient block
    # are in the front matter
    lines = text.splitlines()
    rest = words("\n".join(lines[8:]))
    assert words(letter.body) == words(lines[0]) + rest[:rest.index("Sincerely") + 1]
    notes = [str(p) for p in result.problems if "two languages" in p.message]
    assert notes == [f"{name}:9: one letter in two languages: the Spanish text (line 9) and the "
                     "English text (line 19) are kept together in its body, with one signature "
                     "list (line 23)\n  hint: check the original if these are two letters"]
    assert not [p for p in result.problems if "signator" in p.message or "closing" in p.message]


def test_translation_after_the_signature_list_stays_in_the_body():
    spanish, english = (CONVERT / "bilingual-two-versions.txt").read_text().split(
        "Atentamente,\n")
    english = english.split("Sincerely,")[0]
    text = (spanish + "Atentamente,\n\nJohn Cornyn\nKyrsten Sinema\n\nEnglish version\n"
            + english)
    (letter,) = convert_text(text, source="t.txt").documents
    assert letter.front.written("signatories") == ["John Cornyn", "Kyrsten Sinema"]
    assert words(letter.body)[-8:] == words("protect our communities and ensure migrants "
                                            "are treated fairly and humanely")[-8:]
    assert "English version" in letter.body and "Dear Mr. President" in letter.body


def test_two_letters_in_one_language_stay_two_letters():
    first = "Dear Secretary Blinken:\n\nWe write about asylum in the region today.\n\n"
    second = ("Dear Secretary Mayorkas:\n\nWe write about asylum at the border today.\n\n"
              "Sincerely,\n\nJoaquin Castro\nMember of Congress\n")
    result = convert_text(first + second, source="t.txt")
    assert len(result.documents) == 2


def test_spanish_release_names_its_senders_and_signers():
    result = convert("real-cornyn-es-2021-03-22.txt")
    release, letter = result.documents
    assert release.front.title == "Cornyn y Sinema piden a Biden que aborde la crisis " \
                                        "fronteriza"   # not the site name above it
    assert release.front.sender == "Sen. John Cornyn"
    assert release.front.written("signers_named") == ["John Cornyn", "Kyrsten Sinema"]
    assert letter.front.written("recipients") == [
        {"name": "Joseph Biden", "role": "Presidente", "organization": "La Casa Blanca"}]


def test_letter_sentence_that_points_back_to_the_members_named_before_it():
    text = ("WASHINGTON—Representatives Eliot L. Engel (D-NY), Ranking Member of the House "
            "Committee on Foreign Affairs; and Foreign Affairs Committee members Reps. Norma "
            "Torres (D-CA) and Joaquin Castro (D-TX) today demanded that Secretary Pompeo act. "
            "In a letter to Secretary Pompeo, the Members underscored the need.")
    assert list(signers_in_prose(text)) == ["Eliot L. Engel", "Norma Torres", "Joaquin Castro"]
    # no letter sentence, no signers
    assert signers_in_prose(text.replace("In a letter to", "Writing to")) == {}


def test_members_printed_with_party_and_seat_in_a_letter_sentence():
    """The real sentence of Rep. Soto's release of 2022-07-08 (corpus S001200): three leads
    after 'Reps.', then 27 Members printed only with party and seat, degrees and 'At-Large'
    included."""
    text = (DATA / "corpus" / "press-releases" / "2022-07-08_S001200_1.txt").read_text()
    named = signers_in_prose(text)
    assert len(named) == 30
    assert list(named)[:4] == ["Darren Soto", "Debbie Wasserman Schultz", "Mario Díaz-Balart",
                               "Kathy Castor"]
    assert {"Jamaal Bowman", "Eleanor Holmes Norton", "Raul Ruiz"} <= set(named)
    assert set(named.values()) == {"rep"}
    assert not [n for n in named if n.endswith((".", "Ed", "M.D"))]


def test_no_member_is_made_from_a_word_after_a_name():
    text = ("Joined by Senators Elizabeth Warren (D-Mass.), Michael Bennet (D-Colo.), and "
            "Representative Donald Beyer (D-Virginia), King lays out the need in a letter.")
    assert "King la" not in signers_in_prose(text)
    text = ("Today, Congressman Ro Khanna, Deputy Whip of the Congressional Progressive Caucus, "
            "sent a letter to Secretary Buttigieg.")
    assert list(signers_in_prose(text)) == ["Ro Khanna"]


TWO_LETTERS = (DATA / "fidelity" / "texts" / "assembled" / "two-letters-english-spanish.txt"
               ).read_text(encoding="utf-8")
SIGNED_BOTH = ["Laura Jiménez", "David Morales", "Karen Spring"]


def _signer_names(doc) -> list[str]:
    return [x if isinstance(x, str) else x["name"] for x in doc.front.written("signatories")]


def test_two_signed_letters_in_two_languages_are_two_documents():
    result = convert_text(TWO_LETTERS, source="t.txt")
    english, spanish = result.documents
    assert _signer_names(english) == SIGNED_BOTH
    assert _signer_names(spanish) == SIGNED_BOTH
    assert spanish.front.written("signatories")[1] == {
        "name": "David Morales", "role": "Centro por la Justicia y el Derecho Internacional"}
    assert spanish.body.startswith("Estimado Secretario Blinken:")
    assert "Estimado" not in english.body and "Atentamente" not in english.body
    assert str(spanish.front.date) == "2021-03-22"  # the date of the letter it translates


def test_a_bare_spanish_salutation_is_never_a_signer():
    text = TWO_LETTERS.replace("Estimado Secretario Blinken:", "Señor Secretario:")
    english, spanish = convert_text(text, source="t.txt").documents
    assert _signer_names(english) == SIGNED_BOTH and _signer_names(spanish) == SIGNED_BOTH


def test_two_languages_one_signed_is_one_bilingual_letter():
    head, _sig, spanish = TWO_LETTERS.partition("Sincerely,")
    text = head + "Estimado" + spanish.partition("Estimado")[2]
    result = convert_text(text, source="t.txt")
    [doc] = result.documents
    assert _signer_names(doc) == SIGNED_BOTH
    assert "Dear Secretary Blinken:" in doc.body and "Estimado Secretario Blinken:" in doc.body
    assert any("one letter in two languages" in p.message for p in result.problems)
