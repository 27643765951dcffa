"""The signature model of issue 28: each line of a block classified into a typed set by declared
recognizers, the block assembled by one rule per kind; scrapes without punctuation segmented
against the Members serving on the date; rosters on one line; warnings never taken back."""

from __future__ import annotations

import datetime as dt

from undersigned.convert import Options, convert_text
from undersigned.convert.flattened import is_flattened, reline, segment
from undersigned.convert.lines import split_lines
from undersigned.convert.signature_lines import (
    RECOGNIZERS,
    Context,
    LineKind,
    classify_line,
    view,
)
from undersigned.convert.signatures import parse_signatures
from undersigned.core.legislators import load_legislators


def _kinds(text: str) -> list[tuple[str, str]]:
    """Each non-blank line with its kind, read on its own (no name above it)."""
    lines = split_lines(text)
    context = Context(lines, frozenset(), False)
    return [(lines[i].s, classify_line(view(lines, i), context).value)
            for i in range(len(lines)) if not lines[i].blank]


def test_each_line_kind_from_its_own_features():
    assert _kinds("Contact: Jane Roe\n###\nPage 2 of 3\nNational organizations:\n"
                  "Senators:\nMember of Congress\n"
                  "Member of Congress   Member of Congress\n"
                  "Affiliations for identification only\n"
                  "The text of the reply from the Secretary follows:\n"
                  "We thank you for your attention to this matter and look forward to your "
                  "reply on the questions we have raised.\nJane Doe") == [
        ("Contact: Jane Roe", "contact"), ("###", "contact"), ("Page 2 of 3", "page furniture"),
        ("National organizations:", "group heading"), ("Senators:", "list heading"),
        ("Member of Congress", "title"), ("Member of Congress   Member of Congress", "title row"),
        ("Affiliations for identification only", "note"),
        ("The text of the reply from the Secretary follows:", "prose"),
        ("We thank you for your attention to this matter and look forward to your reply on "
         "the questions we have raised.", "prose"),
        ("Jane Doe", "name")]


def test_recognizers_are_declared_in_one_ordered_table():
    kinds = [kind for kind, _fn in RECOGNIZERS]
    assert kinds[0] is LineKind.CLOSING and kinds[-2:] == [LineKind.ROLE, LineKind.PROSE]
    assert LineKind.NAME not in kinds  # what no recognizer claims is a line of names


def test_a_headline_after_members_signatures_ends_the_block():
    """A newsletter goes on under the Senator's name: its headlines are no signers; an
    organization line in a list that is not Members' stays a signer."""
    block = parse_signatures(split_lines(
        "U.S. Sen. John Cornyn\n Latest on the Issues\nStrong Texas Economy\n"), "x")
    assert [s.name for s in block.signatories] == ["John Cornyn"]
    block = parse_signatures(split_lines(
        "Jane Doe\nLatin America Working Group\nCenter for Justice and Accountability\n"), "x")
    assert [s.name for s in block.signatories] == [
        "Jane Doe", "Latin America Working Group", "Center for Justice and Accountability"]


def test_a_name_owns_the_title_role_and_state_printed_under_it():
    block = parse_signatures(split_lines(
        "Jane Doe\nExecutive Director\nWashington Office on Latin America\n\n"
        "JON S. CORZINE\nUnited States Senator\nNew Jersey\n"), "x")
    assert [(s.name, s.role, s.kind) for s in block.signatories] == [
        ("Jane Doe", "Executive Director, Washington Office on Latin America", "person"),
        ("JON S. CORZINE", "New Jersey", "person")]


def test_blocks_of_name_title_organization_keep_every_line_on_the_name():
    """Blocks of the same three lines between blank lines: once a block's lines under its
    name are read as its roles, every block's are -- a title no word list knows ('Policy
    Advisor') and its organization are never signers of their own. Pairs of names in blocks
    stay names."""
    block = parse_signatures(split_lines(
        "Maria Lopez\nExecutive Director\nAlianza Americas\n\n"
        "John Smith\nPolicy Advisor\nLatin America Working Group\n\n"
        "Ana Ruiz\nPresident\nRed Nacional de Mujeres\n"), "x")
    assert [(s.name, s.role) for s in block.signatories] == [
        ("Maria Lopez", "Executive Director, Alianza Americas"),
        ("John Smith", "Policy Advisor, Latin America Working Group"),
        ("Ana Ruiz", "President, Red Nacional de Mujeres")]
    block = parse_signatures(split_lines("John Smith\nJane Doe\n\nBob Roe\nAnn Lee\n"), "x")
    assert [s.name for s in block.signatories] == ["John Smith", "Jane Doe", "Bob Roe",
                                                   "Ann Lee"]


def test_blocks_that_print_a_place_or_open_with_the_organization():
    """A block's fourth line ('Washington, DC', otherwise a letterhead's) is its signer's
    place; blocks that open with the organization give it to the person under it."""
    block = parse_signatures(split_lines(
        "Maria Lopez\nExecutive Director\nAlianza Americas\nChicago, IL\n\n"
        "John Smith\nSenior Associate\nLatin America Working Group\nWashington, DC\n"), "x")
    assert [(s.name, s.role) for s in block.signatories] == [
        ("Maria Lopez", "Executive Director, Alianza Americas, Chicago, IL"),
        ("John Smith", "Senior Associate, Latin America Working Group, Washington, DC")]
    assert block.dropped == [] and block.problems == []
    block = parse_signatures(split_lines(
        "Alianza Americas\nMaria Lopez, Executive Director\n\n"
        "Latin America Working Group\nJohn Smith, Senior Associate\n"), "x")
    assert [(s.name, s.role) for s in block.signatories] == [
        ("Maria Lopez", "Executive Director, Alianza Americas"),
        ("John Smith", "Senior Associate, Latin America Working Group")]


def _names_roles(text: str) -> list[tuple[str, str | None]]:
    return [(s.name, s.role) for s in parse_signatures(split_lines(text), "x").signatories]


def test_a_second_person_in_a_block_is_a_signer_and_furniture_stays_furniture():
    """(Review of the block rule.) A block's lines under its name are roles only where they
    are no one: a second or third person printed in a block signs; a page number or a date
    printed there is dropped and said, never a role."""
    assert _names_roles("Maria Lopez\nExecutive Director\nAlianza Americas\n\n"
                        "John Smith\nJane Doe\nBob Roe\n\n"
                        "Ana Ruiz\nPresident\nRed Nacional de Mujeres\n") == [
        ("Maria Lopez", "Executive Director, Alianza Americas"), ("John Smith", None),
        ("Jane Doe", None), ("Bob Roe", None), ("Ana Ruiz", "President, Red Nacional de Mujeres")]
    assert [n for n, _r in _names_roles(
        "María José Gutiérrez\nDirectora Ejecutiva\n\nJosé Luis Peña\nMaría Fernanda Núñez\n"
        "\nAna Ruiz\nCarlos Pérez\n")] == ["María José Gutiérrez", "José Luis Peña",
                                           "María Fernanda Núñez", "Ana Ruiz", "Carlos Pérez"]
    assert _names_roles("Maria Lopez\nExecutive Director\nAlianza Americas\nJohn Smith\n\n"
                        "Ana Ruiz\nPresident\nRed Nacional de Mujeres\nCarlos Perez\n") == [
        ("Maria Lopez", "Executive Director, Alianza Americas"), ("John Smith", None),
        ("Ana Ruiz", "President, Red Nacional de Mujeres"), ("Carlos Perez", None)]
    block = parse_signatures(split_lines(
        "Maria Lopez\nExecutive Director\nAlianza Americas\n\n"
        "John Smith\nPolicy Advisor\nPage 2 of 2\n"), "x")
    assert [(s.name, s.role) for s in block.signatories] == [
        ("Maria Lopez", "Executive Director, Alianza Americas"), ("John Smith", "Policy Advisor")]
    assert len(block.dropped) == 1


def test_an_organization_over_a_person_only_where_every_block_is_so():
    """(Review.) Organizations one per line in blocks stay signers; the organization goes to
    the person under it only where every block opens with one and names a person."""
    assert [n for n, _r in _names_roles("Church World Service\nAlianza Americas\n\n"
                                        "Latin America Working Group\nJohn Smith\n")] == [
        "Church World Service", "Alianza Americas", "Latin America Working Group", "John Smith"]
    assert [n for n, _r in _names_roles("Jane Doe\nAlianza Americas\n\n"
                                        "Latin America Working Group\nJohn Smith\n")] == [
        "Jane Doe", "Latin America Working Group", "John Smith"]
    # a city and its state under the person is the person's place, never a signer
    assert _names_roles("Alianza Americas\nMaria Lopez, Executive Director\nChicago, IL\n\n"
                        "Latin America Working Group\nJohn Smith, Senior Associate\n"
                        "Washington, DC\n") == [
        ("Maria Lopez", "Executive Director, Alianza Americas, Chicago, IL"),
        ("John Smith", "Senior Associate, Latin America Working Group, Washington, DC")]


def test_a_place_ends_one_signer_and_a_contact_line_ends_the_block():
    """(Review) 'Name, University, City, ST' is one signer and where, not four; a state and
    'USA' after an organization are its place; a title of address ('Rev.') before a name is
    a person, not the role of the signer above; 'For more information contact' ends the
    block (its press office and telephone number are nobody's signatures)."""
    assert _names_roles("Jane Doe, University of Texas, Austin, TX\n"
                        "Alianza Americas, Chicago, IL, USA\n"
                        "Sister Norma Pimentel, Brownsville, Texas\n"
                        "Rev. John Smith, Washington, DC\n\n"
                        "For more information contact\nPress Office\n(202) 555-0100\n") == [
        ("Jane Doe", "University of Texas, Austin, TX"), ("Alianza Americas", "Chicago, IL, USA"),
        ("Sister Norma Pimentel", "Brownsville, Texas"), ("Rev. John Smith", "Washington, DC")]


def test_an_organization_printed_with_its_city_and_state_is_the_organization():
    """A coalition letter's 'Organization, City, ST' lines: the organization signs, where it
    is printed beside it; a person with a place, or a name with a comma the registry would
    keep, is read as before."""
    block = parse_signatures(split_lines(
        "Alianza Americas, Chicago, IL\nHope Border Institute, El Paso, TX\n"
        "Witness at the Border, Washington, DC\nKino Border Initiative, Arizona\n"
        "Bread for the World, Washington, D.C.\n"
        "Jane Doe, Austin, TX\n"), "x")
    assert [(s.name, s.role, s.kind) for s in block.signatories] == [
        ("Alianza Americas", "Chicago, IL", "organization"),
        ("Hope Border Institute", "El Paso, TX", "organization"),
        ("Witness at the Border", "Washington, DC", "organization"),
        ("Kino Border Initiative", "Arizona", "organization"),
        ("Bread for the World", "Washington, D.C.", "organization"),
        ("Jane Doe", "Austin, TX", "person")]


def test_two_names_over_a_row_of_senate_titles_are_two_columns():
    block = parse_signatures(split_lines(
        "JON S. CORZINE FRANK R. LAUTENBERG\nUnited States Senate United States Senate\n"), "x")
    assert [s.name for s in block.signatories] == ["JON S. CORZINE", "FRANK R. LAUTENBERG"]
    assert block.congress


def test_a_roster_on_one_line_is_a_list_however_long():
    block = parse_signatures(split_lines(
        "Senators Mark Dayton (D-MN), Senator Ted Kennedy (D-MA), John Kerry (D-MA), Hillary "
        "Clinton (D-NY), Charles Schumer (D-NY), Debbie Stabenow (D-MI), Carl Levin (D-MI), "
        "and Herb Kohl (D-WI).\n"), "x")
    assert [(s.name, s.role) for s in block.signatories] == [
        ("Mark Dayton", "D-MN"), ("Ted Kennedy", "D-MA"), ("John Kerry", "D-MA"),
        ("Hillary Clinton", "D-NY"), ("Charles Schumer", "D-NY"), ("Debbie Stabenow", "D-MI"),
        ("Carl Levin", "D-MI"), ("Herb Kohl", "D-WI")]


def test_a_closing_before_any_name_is_read_past_and_the_page_that_goes_on_ends_the_block():
    block = parse_signatures(split_lines(
        "Sincerely yours,\nDianne Feinstein\nUnited States Senator\nMore News\n"
        "Cornyn: Congress Must Fund Priorities\n"), "x")
    assert [s.name for s in block.signatories] == ["Dianne Feinstein"]
    assert block.end == 3


def test_an_uncertain_signer_is_reported_once_the_block_is_read():
    """'Kennedy' alone may be an organization until the title under it says it is a person:
    the warning is only written for what stays uncertain (none is taken back by its text)."""
    sure = parse_signatures(split_lines("Kennedy\nUnited States Senator\n"), "x")
    assert [(s.name, s.kind, s.certain) for s in sure.signatories] == [
        ("Kennedy", "person", True)]
    assert sure.problems == []
    unsure = parse_signatures(split_lines("Kennedy\n"), "x")
    assert [p.message for p in unsure.problems] == [
        "cannot tell whether 'Kennedy' is a person or an organization; proposed organization"]


FLAT = ("September 28  2005 Senator Clinton Urges DHS to Act Washington  DC   Senator Hillary "
        "Rodham Clinton has joined with fellow Senate Democrats in urging the Department of "
        "Homeland Security to issue a formal statement In a letter to Secretary Chertoff the "
        "Senators asked that such an assurance be issued as soon as possible   September 22  "
        "2005   The Honorable Michael Chertoff  Secretary  Department of Homeland Security  "
        "Washington  DC 20528   Dear Secretary Chertoff   As you know  we sent you a letter  "
        "dated September 14  strongly urging that the Department issue a formal statement   "
        "Sincerely   Harry M  Reid   Richard Durbin   Democratic Leader  Assistant Democratic "
        "Leader   Hillary Rodham Clinton   Maria Cantwell   Barack Obama   Jon S  Corzine   "
        "Laura Capps  Melissa Wagoner  202 224 2633")


def test_a_scrape_without_punctuation_is_cut_into_its_parts_every_word_kept():
    lines = split_lines(FLAT)
    assert is_flattened(lines)
    relined = reline(lines, "x.txt")
    assert [x.s for x in relined.lines] == [
        "September 28 2005",
        "Senator Clinton Urges DHS to Act Washington DC Senator Hillary Rodham Clinton has "
        "joined with fellow Senate Democrats in urging the Department of Homeland Security to "
        "issue a formal statement In a letter to Secretary Chertoff the Senators asked that "
        "such an assurance be issued as soon as possible",
        "September 22 2005", "The Honorable Michael Chertoff", "Secretary",
        "Department of Homeland Security", "Washington DC 20528", "Dear Secretary Chertoff",
        "As you know we sent you a letter dated September 14 strongly urging that the "
        "Department issue a formal statement", "Sincerely",
        "Harry M Reid Richard Durbin Democratic Leader Assistant Democratic Leader Hillary "
        "Rodham Clinton Maria Cantwell Barack Obama Jon S Corzine",
        "Laura Capps Melissa Wagoner 202 224 2633"]
    assert " ".join(x.s for x in relined.lines).split() == FLAT.split()
    assert [(s.name, s.role) for s in relined.blocks[9]] == [
        ("Harry M Reid", "Democratic Leader"), ("Richard Durbin", "Assistant Democratic Leader"),
        ("Hillary Rodham Clinton", None), ("Maria Cantwell", None), ("Barack Obama", None),
        ("Jon S Corzine", None)]
    assert [p.message for p in relined.problems] == [
        "the signature block of this scrape (no punctuation) reads 6 name(s), then 'Laura "
        "Capps Melissa Wagoner 202 224…', which is no Member of Congress serving on "
        "2005-09-22; not recorded as a signer"]


def test_the_scrape_converts_to_its_release_and_letter():
    docs = convert_text(FLAT, source="x.txt", options=Options()).documents
    assert [(d.front.type, str(d.front.date)) for d in docs] == [
        ("press-release", "2005-09-28"), ("letter", "2005-09-22")]
    letter = docs[1].front
    assert letter.written("recipients") == [{"name": "Michael Chertoff", "role": "Secretary",
                                             "organization": "Department of Homeland Security"}]
    assert len(letter.signatories) == 6


def test_segmenting_names_against_the_members_serving_on_the_date():
    members = load_legislators()
    day = dt.date(2005, 2, 17)
    text = ("Sen Allen Sen Smith Sen Ben Nelson Sen Bill Nelson Jim DeMint R South Carolina "
            "Mike Enzi R Wyoming Pete Domenici 30")
    signed, stop = segment(text, 0, len(text), 1, members, day)
    assert [s.name for s in signed] == ["Allen", "Smith", "Ben Nelson", "Bill Nelson",
                                        "Jim DeMint", "Mike Enzi", "Pete Domenici"]
    assert text[stop:].strip() == "30"
    # a family name alone is read only where one Member of that chamber bears it
    alone = "Allen Smith"
    assert segment(alone, 0, len(alone), 1, members, day) == ([], 0)


def test_offices_printed_among_the_names_go_to_their_names():
    """Two columns flattened ('A B Leader-of-A Leader-of-B') or each office after its name:
    each name gets its own; a generic title is no office; counts that disagree assign none."""
    members, day = load_legislators(), dt.date(2005, 9, 14)

    def roles(text: str) -> list[tuple[str, str | None]]:
        return [(s.name, s.role) for s in segment(text, 0, len(text), 1, members, day)[0]]

    assert roles("Harry M Reid Democratic Leader Richard Durbin Assistant Democratic Leader "
                 "Barack Obama United States Senator") == [
        ("Harry M Reid", "Democratic Leader"), ("Richard Durbin", "Assistant Democratic Leader"),
        ("Barack Obama", None)]
    assert roles("Harry M Reid Richard Durbin Barack Obama Democratic Leader") == [
        ("Harry M Reid", None), ("Richard Durbin", None), ("Barack Obama", None)]
    assert roles("Charles E Grassley United States Senator Ranking Member Max Baucus "
                 "Chairman") == [("Charles E Grassley", "Ranking Member"),
                                 ("Max Baucus", "Chairman")]


def test_family_names_with_states_are_the_members_of_that_name_and_state():
    members = load_legislators()
    text = "Harry M Reid Richard Durbin Nelson FL Nelson NE Jon S Corzine Press Releases"
    signed, stop = segment(text, 0, len(text), 1, members, dt.date(2005, 9, 1))
    assert [s.name for s in signed] == ["Harry M Reid", "Richard Durbin", "Nelson", "Nelson",
                                        "Jon S Corzine"]
    assert text[stop:] == " Press Releases"
    # on 2006-03-01 Jon Corzine had left the Senate: the run stops before him, never guesses
    signed, stop = segment(text, 0, len(text), 1, members, dt.date(2006, 3, 1))
    assert [s.name for s in signed][-1] == "Nelson" and text[stop:].startswith(" Jon S")


def test_signers_named_in_prose_the_forms_of_issue_28():
    from undersigned.convert.prose import signers_in_prose

    text = ("WASHINGTON – U.S. Sens. Ron Wyden and Jeff Merkley and U.S. Reps. Peter DeFazio "
            "and Suzanne Bonamici today called on the U.S. Department of Agriculture to act.\n\n"
            "In addition to Wyden, Merkley, DeFazio and Bonamici, the letter was signed by "
            "U.S. Sen. Maria Cantwell (D-WA).\n\n"
            "Co-signers of the letter include: Reps. Karen Bass, Jared Huffman and Pramila "
            "Jayapal.")
    assert list(signers_in_prose(text)) == [  # in the order the signer sentences print them
        "Ron Wyden", "Jeff Merkley", "Peter DeFazio", "Suzanne Bonamici", "Maria Cantwell",
        "Karen Bass", "Jared Huffman", "Pramila Jayapal"]
    wrote = ("WASHINGTON – Senators Tom Cotton (R-Arkansas) and Bill Hagerty (R-Tennessee) today "
             "wrote to Alan Estevez, nominee to be Under Secretary of Commerce.")
    assert list(signers_in_prose(wrote)) == ["Tom Cotton", "Bill Hagerty"]
    # 'writing to' in a sentence that sends nothing is not a letter sentence
    assert signers_in_prose("Senators Tom Cotton and Bill Hagerty are writing to the "
                            "community about it.") == {}


def test_members_a_letter_went_to_are_not_its_signers():
    from undersigned.convert.prose import signers_in_prose

    text = ("Sen. Ken Salazar, D-CO, sent a letter to Chairman Sen. Saxby Chambliss (R-GA) and "
            "Ranking Member Sen. Tom Harkin (D-IA) of the Senate Agriculture Committee calling "
            "for hearings. Below is the text of the letter sent to Senators Chambliss and "
            "Harkin earlier today.\n\n"
            "The letter to President Biden was also signed by Sens. Patty Murray (D-WA) and "
            "Dick Durbin (D-IL).")
    assert list(signers_in_prose(text)) == ["Ken Salazar", "Patty Murray", "Dick Durbin"]


def test_the_lawmakers_of_a_letter_sentence_are_those_named_with_their_seats_before_it():
    from undersigned.convert.prose import signers_in_prose

    text = ("House Republican Whip Steve Scalise (R-La.) and Ranking Member James Comer "
            "(R-Ky.) today called on Democrats to conduct oversight. In a letter to Chairman "
            "James Clyburn (D-S.C.), the Republican lawmakers outline the failures.")
    assert list(signers_in_prose(text)) == ["Steve Scalise", "James Comer"]


def test_an_address_block_run_together_is_cut_into_its_lines():
    """A scrape's address block: its wide gaps are line breaks; without any gap, the lines
    begin at the office after the addressee, the institution, the street and the city."""
    for gap in ("   ", " "):
        text = (f"April 21 2006 The Honorable Alberto Gonzales{gap}Attorney General{gap}United "
                f"States Department of Justice{gap}950 Pennsylvania Avenue N W{gap}Washington D "
                "C 20530 Dear Attorney General Gonzales It was recently reported that the "
                "Justice Department requested the inclusion of provisions in the bill and we "
                "ask you to explain it to the committee without delay Sincerely Patrick Leahy "
                "Ranking Member")
        lines = [x.s for x in reline(split_lines(text), "x.txt").lines]
        assert lines[:6] == ["April 21 2006", "The Honorable Alberto Gonzales", "Attorney General",
                             "United States Department of Justice", "950 Pennsylvania Avenue N W",
                             "Washington D C 20530"], gap


_PARAGRAPH_A_LINE = (
    "   BELOW IS THE TEXT OF THE LETTER:\n"
    "   Dear Secretary Chertoff:\n"
    "   I write to ask about the children of parents detained in the raids of last week, "
    "who were left without care in several towns across the country, as the news reports "
    "of the past days have shown in some detail and at some length.\n"
    "   I would appreciate answers to the following questions:\n"
    "   - What is your policy on visitation?\n"
    "   While exercising its authority, the government has a special obligation.\n"
    "   December 12, 2006\n"
    "   Thank you for your attention to this matter.\n"
    "   Best regards.\n"
    "   Sincerely yours,\n"
    "   Dianne Feinstein\n"
    "  United States Senator\n")


def test_a_page_that_prints_a_paragraph_a_line_keeps_each_line_apart_and_every_closing():
    letter = convert_text(_PARAGRAPH_A_LINE, source="x.txt",
                          options=Options(date="2007-03-20", title="x")).documents[-1]
    assert [s.name for s in letter.front.signatories] == ["Dianne Feinstein"]
    assert letter.body.split("\n\n")[-7:] == [
        "I would appreciate answers to the following questions:",
        "- What is your policy on visitation?",
        "While exercising its authority, the government has a special obligation.",
        "December 12, 2006",
        "Thank you for your attention to this matter.", "Best regards.", "Sincerely yours,"]


def test_the_releases_lead_in_stays_in_the_release_not_at_the_top_of_the_letter():
    text = ("SEN. DOE WRITES TO SECRETARY ROE\n\n"
            "   Senator Jane Doe today sent a letter to Secretary Roe about the border.\n"
            "   [The text of Senator Doe's letter follows below]\n"
            "   December 9, 2005\n"
            "   The Honorable Richard Roe\n"
            "  Secretary\n"
            "   Dear Secretary Roe:\n"
            "   I write to ask you to meet the mayors of the border towns before you decide.\n"
            "   Sincerely,\n"
            "   Jane Doe\n"
            "  United States Senator\n")
    release, letter = convert_text(text, source="x.txt", options=Options()).documents
    assert release.body.endswith("[The text of Senator Doe's letter follows below]")
    assert letter.body.startswith("Dear Secretary Roe:")
    assert str(letter.front.date) == "2005-12-09"
    assert [r.name for r in letter.front.recipients] == ["Richard Roe"]


def test_an_office_after_the_addressees_name_and_a_comma_is_the_office():
    text = ("SEN. DOE WRITES TO CHERTOFF\n\nSenator Doe today sent a letter to the Secretary.\n\n"
            "March 8, 2006\n\nThe Honorable Michael Chertoff, Secretary\n"
            "U.S. Department of Homeland Security\nWashington, DC 20528\n\n"
            "Dear Secretary Chertoff:\n\nWe write about the office.\n\nSincerely,\n\n"
            "Jane Doe\nUnited States Senator\n")
    letter = convert_text(text, source="x.txt", options=Options()).documents[-1]
    assert [(r.name, r.role, r.organization) for r in letter.front.recipients] == [
        ("Michael Chertoff", "Secretary", "U.S. Department of Homeland Security")]


def test_a_letter_a_release_introduces_without_a_salutation_is_read():
    text = ("SEN. DOE ASKS PRESIDENT TO ADDRESS BEEF ISSUE\n"
            "   Sen. Jane Doe today asked the President to raise the beef trade with Japan.\n"
            "   BELOW IS DOE'S LETTER TO THE PRESIDENT:\n"
            "   June 28, 2006\n"
            "   I write in advance of your meeting with the Prime Minister of Japan, to ask you "
            "to raise the ban on our beef with him.\n"
            "   I thank you in advance for your attention to this important matter.\n"
            "   Sincerely,\n"
            "   Jane Doe\n"
            "  United States Senate\n")
    release, letter = convert_text(text, source="x.txt", options=Options()).documents
    assert release.body.endswith("BELOW IS DOE'S LETTER TO THE PRESIDENT:")
    assert [s.name for s in letter.front.signatories] == ["Jane Doe"]
    assert str(letter.front.date) == "2006-06-28"
    assert letter.body.startswith("I write in advance")


FLAT_NO_DEAR = ("Releases 03 12 2007 Kerry calls for an investigation BOSTON Senator John Kerry "
                "today sent a letter to the Secretary of Homeland Security Michael Chertoff "
                "demanding answers about the raid He asked that an investigation be launched "
                "into how the raid was prepared and executed The text of the letter is as "
                "follows March 10 2007 The Honorable Michael Chertoff Secretary of Homeland "
                "Security U S Department of Homeland Security Washington DC 20528 Secretary "
                "Chertoff I write today in regard to the immigration situation in New Bedford "
                "Massachusetts and I thank you for your response Sincerely John Kerry 20510 "
                "Contact Sitemap")


def test_a_scrape_whose_letter_greets_without_dear_is_read():
    """A flattened letter that a lead-in announces and that greets its addressee by title and
    the name its address printed ('Secretary Chertoff I write'); a title and name in a release
    that says 'Dear' later, or with no sentence after them, are no salutation."""
    relined = reline(split_lines(FLAT_NO_DEAR), "x.txt")
    lines = [x.s for x in relined.lines]
    assert lines[lines.index("The text of the letter is as follows"):] == [
        "The text of the letter is as follows", "March 10 2007",
        "The Honorable Michael Chertoff", "Secretary of Homeland Security",
        "U S Department of Homeland Security", "Washington DC 20528", "Secretary Chertoff",
        "I write today in regard to the immigration situation in New Bedford Massachusetts "
        "and I thank you for your response", "Sincerely", "John Kerry", "20510 Contact Sitemap"]
    assert [x.greets for x in relined.lines].count(True) == 1
    assert " ".join(lines).split() == FLAT_NO_DEAR.split()
    docs = convert_text(FLAT_NO_DEAR, source="x.txt", options=Options()).documents
    assert [d.front.type for d in docs] == ["press-release", "letter"]
    assert str(docs[1].front.date) == "2007-03-10"
    letter = docs[1]
    assert [s.name for s in letter.front.signatories] == ["John Kerry"]
    assert letter.body.startswith("Secretary Chertoff\n\nI write today")
    for text in (FLAT_NO_DEAR.replace("Secretary Chertoff I write", "Dear Secretary Chertoff I "
                                      "write"),
                 FLAT_NO_DEAR.replace("Chertoff I write", "Chertoff write")):
        assert not any(x.greets for x in reline(split_lines(text), "x.txt").lines), text


def test_a_letter_greeting_without_dear_and_without_an_address_is_titled_by_its_salutation():
    text = FLAT_NO_DEAR.replace("March 10 2007 The Honorable Michael Chertoff Secretary of Homeland "
                                "Security U S Department of Homeland Security Washington DC 20528 "
                                "Secretary Chertoff I write", "Michael Chertoff Secretary of "
                                "Homeland Security Secretary Chertoff I write")
    docs = convert_text(text, source="x.txt", options=Options()).documents
    assert [(d.front.type, d.front.title) for d in docs][1] == (
        "letter", "Letter to Secretary Chertoff")
