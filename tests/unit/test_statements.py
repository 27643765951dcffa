"""Statements and open letters import as `statement` with their signers as signatures; the
sender is asked for when the text does not print it, never invented."""

from __future__ import annotations

import datetime as dt

from helpers import DATA
from undersigned.convert import Options, convert_text

TEXT = (DATA / "convert" / "statement-signatories.txt").read_text(encoding="utf-8")
SIGNERS = ["Washington Office on Latin America", "Latin America Working Group",
           {"name": "Maria Gonzalez", "role": "Universidad Nacional Autónoma de México"},
           {"name": "John Smith", "role": "Professor of History, Georgetown University"}]


def _convert(text: str, **options):
    return convert_text(text, source="s.txt", options=Options(date=dt.date(2021, 9, 20),
                                                               **options))


def test_a_list_under_its_heading_makes_a_statement():
    result = _convert(TEXT, sender="Signatories of the statement")
    [doc] = result.documents
    assert doc.front.type == "statement"
    assert doc.front.written("signatories") == SIGNERS
    assert doc.front.sender == "Signatories of the statement"
    assert [s.kind for s in doc.front.signatories
            if s.name == "Latin America Working Group"] == ["organization"]
    # the text is the record: every signer's words stay in the body, in order
    assert "Maria Gonzalez, Universidad Nacional Autónoma de México John Smith" in doc.body


def test_a_statement_without_a_heading_when_the_type_is_given():
    text = TEXT.replace("Signatories:\n", "")
    [doc] = _convert(text, type="statement", sender="Signatories").documents
    assert doc.front.written("signatories") == SIGNERS
    [doc] = _convert(text, sender="Signatories").documents  # not said: no list is guessed
    assert doc.front.type == "press-release" and doc.front.written("signatories") == []


def test_the_sender_is_asked_for_never_invented():
    result = _convert(TEXT)
    [doc] = result.documents
    assert doc.front.sender is None
    problems = [str(p) for p in result.problems if not p.warning]
    assert problems == ["s.txt:1: cannot tell who issued this document\n  hint: pass --sender "
                        "with the statement's author (an organization, a coalition, "
                        "'Signatories of the statement')"]


def test_prose_after_the_list_means_it_is_not_a_signer_list():
    text = TEXT + "\nFor more information, write to the coordinators of the campaign today.\n"
    [doc] = _convert(text, type="statement", sender="S").documents
    assert doc.front.written("signatories") == []


ASSEMBLED = DATA / "fidelity" / "texts" / "assembled"


def _names(doc) -> list[str]:
    return [x if isinstance(x, str) else x["name"] for x in doc.front.written("signatories")]


def test_spanish_signers_one_per_line_then_a_bullet_paragraph():
    text = (ASSEMBLED / "spanish-statement-bullets.txt").read_text(encoding="utf-8")
    [doc] = _convert(text, sender="Firmantes").documents
    assert doc.front.type == "statement"
    assert _names(doc) == [
        "María Fernanda López", "José Luis Hernández", "Ana Gabriela Ramírez",
        "Carlos Alberto Méndez", "Lucía Torres Aguilar", "Roberto Sánchez Ruiz",
        "Patricia Morales", "Gabriela Castillo", "Fernando Ortiz Domínguez",
        "Isabel Cristina Vega", "Miguel Ángel Flores", "Verónica Salazar", "Jorge Luis Navarro",
        "Elena Rodríguez Paz", "Andrés Gutiérrez"]
    signers = doc.front.written("signatories")
    assert signers[6] == {"name": "Patricia Morales",
                          "role": "Instituto para las Mujeres en la Migración"}
    assert signers[7] == {"name": "Gabriela Castillo", "role": "Alianza Américas"}
    assert signers[-1] == {"name": "Andrés Gutiérrez", "role": "Kino Border Initiative"}


def test_name_affiliation_country_lines_two_on_a_line_and_a_duplicate_reported():
    text = (ASSEMBLED / "international-statement.txt").read_text(encoding="utf-8")
    result = _convert(text, sender="Signatories")
    [doc] = result.documents
    assert _names(doc) == [
        "Noam Whitfield", "Ana María Restrepo", "Kwame Mensah", "Sarah Lindqvist",
        "Rafael Duarte", "Priya Raman", "Thomas Becker", "Claire Dubois", "Hiroshi Tanaka",
        "Fatima Zahra Benali", "Liam O'Connor", "Sofía Herrera", "Kwame Mensah",
        "Jane McAlevey", "Mehmet Yilmaz", "Olga Petrenko", "Daniel Okafor"]
    signers = doc.front.written("signatories")
    assert {"name": "Rafael Duarte",
            "role": "Central Única dos Trabalhadores, Brazil"} in signers
    assert {"name": "Jane McAlevey",
            "role": "University of California, Berkeley, United States"} in signers
    assert {"name": "Claire Dubois", "role": "CGT, France"} in signers
    twice = [p.message for p in result.problems if "listed twice" in p.message]
    assert twice == ["'Kwame Mensah' is listed twice in one signature list (lines 13 and 22)"]


def test_a_list_of_persons_run_together_is_still_split():
    text = TEXT.replace("Signatories:\n", "Signatories:\n\nAna Ruiz, Pedro Gil, Luis Paz\n")
    [doc] = _convert(text, sender="S").documents
    assert _names(doc)[:3] == ["Ana Ruiz", "Pedro Gil", "Luis Paz"]


def test_a_bullet_paragraph_of_signers_is_not_the_last_paragraph_of_prose():
    text = (ASSEMBLED / "spanish-statement-bullets.txt").read_text(encoding="utf-8")
    [doc] = _convert(text.replace("Firmantes:\n\n", ""), type="statement",
                     sender="S").documents
    assert len(_names(doc)) == 15
    assert _names(doc)[0] == "María Fernanda López" and _names(doc)[-1] == "Andrés Gutiérrez"


OPENING = ("Statement on Guatemala\n\nWe, the undersigned organizations, call on the government "
           "of Guatemala to protect the independence of its justice operators and to end the "
           "criminalization of defenders.\n\n")


def test_the_name_lines_ending_a_statement_are_its_list_up_to_a_contact():
    """No heading: the run of 'Name' / 'Name, affiliation' lines that ends the text, a press
    contact and '###' after it (they were 'followed by other text', and the list was lost)."""
    text = OPENING + ("Washington Office on Latin America (WOLA)\nLatin America Working Group "
                      "(LAWG)\nMaría López, Universidad de San Carlos\n\nContact: Jane Doe, "
                      "jane@example.org, (202) 555-0100\n###\n")
    [doc] = _convert(text, type="statement", sender="WOLA").documents
    assert doc.front.written("signatories") == [
        "Washington Office on Latin America (WOLA)", "Latin America Working Group (LAWG)",
        {"name": "María López", "role": "Universidad de San Carlos"}]


def test_short_sentences_ending_a_statement_are_no_signers():
    """'Free them now.' / 'Justice for all!' after the last paragraph: nothing invented, and a
    note says no list was found (the prose fallback made both of them signers)."""
    result = _convert(OPENING + "Free them now.\nJustice for all!\n", type="statement",
                      sender="WOLA")
    assert result.documents[0].front.written("signatories") == []
    assert ("no list of signers found: neither a heading such as 'Signatories:' nor two or "
            "more 'Name' or 'Name, affiliation' lines ending the text") in [
        p.message for p in result.problems]


def test_what_follows_or_introduces_a_list_is_never_a_signer():
    """Found by the second adversarial review: a contact with an e-mail after the list, a
    postscript, a byline, and Title-Case demands after 'We demand:' became signers."""
    contact = OPENING + ("Yours in peace and justice,\n\nLatin America Working Group\nWashington "
                         "Office on Latin America\n\nFor more information contact: "
                         "press@lawg.org\n###\n")
    [doc] = _convert(contact, type="statement", sender="LAWG").documents
    assert doc.front.written("signatories") == ["Latin America Working Group",
                                           "Washington Office on Latin America"]
    postscript = OPENING + ("Signatories:\n- Latin America Working Group\n- Jane Doe, Oxfam "
                            "America\n\nP.S. Please share this statement widely.\n")
    [doc] = _convert(postscript, type="statement", sender="LAWG").documents
    assert doc.front.written("signatories") == ["Latin America Working Group",
                                           {"name": "Jane Doe", "role": "Oxfam America"}]
    byline = OPENING + ("Signers: Latin America Working Group, Washington Office on Latin "
                        "America, Oxfam America, Amnesty International\n\nBy Lisa Haugaard\n")
    [doc] = _convert(byline, type="statement", sender="LAWG").documents
    assert "By Lisa Haugaard" not in doc.front.written("signatories")
    assert len(doc.front.written("signatories")) == 4
    demands = OPENING.replace("defenders.", "defenders. We demand:") + (
        "Immediate Release Of All Defenders\nAn End To Militarization\n"
        "Accountability For Killings\n")
    [doc] = _convert(demands, type="statement", sender="LAWG").documents
    assert doc.front.written("signatories") == []


def test_a_list_under_its_heading_may_hold_one_signer():
    text = OPENING + "Signatories:\nJane Roe\nAmnesty International\n###\n"
    [doc] = _convert(text, type="statement", sender="LAWG").documents
    assert doc.front.written("signatories") == [{"name": "Jane Roe", "role": "Amnesty International"}]
    valediction = OPENING + "In solidarity,\nThe Undersigned\nOxfam America\nWOLA\n"
    [doc] = _convert(valediction, type="statement", sender="LAWG").documents
    assert doc.front.written("signatories") == ["Oxfam America", "WOLA"]
