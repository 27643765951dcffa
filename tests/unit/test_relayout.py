"""Line breaks a scrape lost inside a signature are put back, and nothing else is touched."""

from __future__ import annotations

from undersigned.convert.lines import Line, split_lines
from undersigned.convert.relayout import relayout


def _texts(text: str) -> list[tuple[int, str]]:
    return [(x.no, x.s) for x in relayout(split_lines(text)) if not x.blank]


def test_a_roster_on_the_closings_line_becomes_the_signature_block():
    text = ("We urge all of the parties to come together.\n"
            "   Sincerely, [Signed] U.S. Senators Maria Cantwell (D-WA), Larry Craig (R-ID), "
            "Mike Crapo (R-ID)\n")
    assert _texts(text) == [
        (1, "We urge all of the parties to come together."),
        (2, "Sincerely,"),
        (2, "[Signed] U.S. Senators Maria Cantwell (D-WA), Larry Craig (R-ID), Mike Crapo (R-ID)")]


def test_names_run_into_their_titles_are_cut_apart():
    assert _texts("  Sincerely,   Dianne FeinsteinUnited States Senator Barbara BoxerUnited "
                  "States Senator   \n") == [
        (1, "Sincerely,"), (1, "Dianne Feinstein"), (1, "United States Senator"),
        (1, "Barbara Boxer"), (1, "United States Senator")]
    assert _texts("Jane DoeMember of Congress\n") == [(1, "Jane Doe"), (1, "Member of Congress")]


def test_sentences_and_ordinary_lines_stay_as_they_are():
    for line in ("Regards, and thank you for all the help you gave us this year.",
                 "Sincerely,",
                 "Respectfully, we ask that the Department reconsider the decision it made on "
                 "the asylum cases of the families who crossed at Nogales in the spring of 2019 "
                 "and were returned to Mexico.",
                 "The United States Senate passed the bill.",
                 "McDonaldUnited States Senator said so in the hearing yesterday afternoon."):
        assert _texts(line) == [(1, line)], line


def test_every_word_is_kept_in_order():
    text = "Sincerely,   Dianne FeinsteinUnited States Senator Barbara BoxerUnited States Senator"
    pieces = relayout([Line(7, text)])
    assert "".join(x.s for x in pieces).replace(" ", "") == text.replace(" ", "")
    assert {x.no for x in pieces} == {7}


def test_two_names_run_into_each_other_are_cut_apart_and_one_name_is_not():
    assert _texts("Max BaucusJon Tester\n") == [(1, "Max Baucus"), (1, "Jon Tester")]
    for line in ("Rosa DeLauro Jim McGovern", "Claire McCaskill", "Peter DeFazio Earl Blumenauer",
                 "Lucille Roybal-Allard"):
        assert _texts(line) == [(1, line)], line


def test_a_salutation_run_into_the_first_paragraph_is_a_line_of_its_own():
    text = ("Dear Chairman Chambliss and Ranking Member Harkin: I am pleased to have the "
            "opportunity to serve on your important committee, and I look forward to it.")
    assert _texts(text) == [(1, "Dear Chairman Chambliss and Ranking Member Harkin:"),
                            (1, text.split(": ", 1)[1])]
    for line in ("Dear Secretary Blinken:", "Dear Secretary: Thanks."):
        assert _texts(line) == [(1, line)], line


def test_an_address_block_on_one_line_is_cut_into_its_lines():
    assert _texts("   The Honorable Samuel Bodman Secretary U.S. Department of Energy 1000 "
                  "Independence Avenue Washington, D.C. 20585 ") == [
        (1, "The Honorable Samuel Bodman"), (1, "Secretary"), (1, "U.S. Department of Energy"),
        (1, "1000 Independence Avenue"), (1, "Washington, D.C. 20585")]
    assert _texts("The Honorable Deborah Platt Majoras  Chairman  Federal Trade Commission  600 "
                  "Pennsylvania Ave. NW  Washington, DC 20580") == [
        (1, "The Honorable Deborah Platt Majoras"), (1, "Chairman"),
        (1, "Federal Trade Commission"), (1, "600 Pennsylvania Ave. NW"),
        (1, "Washington, DC 20580")]
    assert _texts("The Honorable George W Bush President of the United States") == [
        (1, "The Honorable George W Bush"), (1, "President of the United States")]
    for line in ("The Honorable Jane Doe", "The Honorable Jane Doe spoke at the hearing on the "
                 "Department of Energy's budget."):
        assert _texts(line) == [(1, line)], line


_PAGE = ("WASHINGTON, DC  Senator Doe led a group of Senators in writing to the President "
         "today about the crisis in the region. The text of the letter is as follows:     "
         "Dear Mr. President:     We write to urge you to act. The crisis grows by the day, "
         "and the people of the region need help now. " * 3 + "    Mr. President, lives hang "
         "in the balance. We stand ready to help.    Sincerely,     U.S. Senators Jane Doe; "
         "John Roe; Ann Poe.   ")


def test_a_page_run_onto_one_line_is_cut_into_its_paragraphs():
    pieces = relayout(split_lines(_PAGE))
    assert [x.s for x in pieces if not x.blank][-3:] == [
        "Mr. President, lives hang in the balance. We stand ready to help.", "Sincerely,",
        "U.S. Senators Jane Doe; John Roe; Ann Poe."]
    assert [x.blank for x in pieces[:4]] == [False, True, False, True]  # a paragraph each
    assert {x.no for x in pieces} == {1}
    assert " ".join(x.s for x in pieces if not x.blank).split() == _PAGE.split()


def test_a_long_line_without_wide_gaps_or_sentences_is_not_cut():
    table = "   ".join(f"Item {k}" for k in range(200))  # columns, not sentences
    assert _texts(table) == [(1, table.strip())]
    prose = "We write to urge you to act, and soon. " * 30  # one paragraph
    assert _texts(prose) == [(1, prose.strip())]


def test_an_address_block_on_one_line_is_cut_after_the_name_before_the_street_and_city():
    assert _texts("   The Honorable Robert J. Portman United States Trade Representative 600 "
                  "17th Street, N.W. Washington, D.C. 20508 \n") == [
        (1, "The Honorable Robert J. Portman"),
        (1, "United States Trade Representative"), (1, "600 17th Street, N.W."),
        (1, "Washington, D.C. 20508")]


_LETTER_PAGE = ("Washington, D.C. - Senator Jane Doe (D-CA) today sent the following letter to the "
                "Chairman.   February 21, 2006  The Honorable Ted Stevens, Chairman  The "
                "Honorable Daniel Inouye, Co-Chairman  508 Dirksen Senate Office Building  "
                "Washington, D.C. 20510-6125  Dear Chairman Stevens and Co-Chairman Inouye:  In "
                "light of the questions, I ask that you wait. We must know more. It is urgent. "
                "Please act.   " + "We write to urge you to act, and soon. " * 12 + "  Thank "
                "you.   Sincerely,  John F. Kerry  United States Senator  "
                "Joseph R. Biden, Jr.  United States Senator   Barbara Boxer United States "
                "Senator ###")


def test_a_page_on_one_line_is_cut_where_a_letters_parts_begin():
    """Inside a paragraph of a page run onto one line, two spaces (or a ZIP code and one) before
    an addressee, a salutation or a closing, and after a date, were a line break."""
    pieces = relayout(split_lines(_LETTER_PAGE))
    assert [x.s for x in pieces] == [
        "Washington, D.C. - Senator Jane Doe (D-CA) today sent the following letter to the "
        "Chairman.", "",
        "February 21, 2006", "The Honorable Ted Stevens, Chairman",
        "The Honorable Daniel Inouye, Co-Chairman", "508 Dirksen Senate Office Building",
        "Washington, D.C. 20510-6125", "Dear Chairman Stevens and Co-Chairman Inouye:",
        "In light of the questions, I ask that you wait. We must know more. It is urgent. "
        "Please act.", "",
        ("We write to urge you to act, and soon. " * 12).strip(), "",
        "Thank you.", "",
        "Sincerely,", "John F. Kerry", "United States Senator", "Joseph R. Biden, Jr.",
        "United States Senator", "",
        "Barbara Boxer United States Senator", "###"]
    assert " ".join(x.s for x in pieces if not x.blank).split() == _LETTER_PAGE.split()


def test_names_and_titles_two_spaces_apart_only_when_every_other_part_is_a_title():
    assert _texts("Jane Doe  Member of Congress  John Roe  Member of Congress") == [
        (1, "Jane Doe"), (1, "Member of Congress"), (1, "John Roe"), (1, "Member of Congress")]
    for line in ("Jane Doe  Member of Congress  John Roe",  # a title missing
                 "Jane Doe  Director  John Roe  Director",  # not a congressional title
                 "The report  United States Senator  was read"):
        assert _texts(line) == [(1, line)], line
    assert _texts("The vote was 52 to 48 ###") == [(1, "The vote was 52 to 48 ###")]


def test_a_page_with_paragraphs_two_spaces_apart_and_a_lead_in_before_dear():
    body = "We write about the trucks. It is a matter of safety. " * 14
    page = ("Senator Jane Doe today wrote to the President. She asked for a delay.  Full text of "
            "the letter is included: Dear President Bush: The purpose of this letter is clear. "
            + body + " I respectfully urge you to reconsider.  Sincerely, Robert P. Casey, Jr.  "
            "United States Senator ")
    pieces = [x.s for x in relayout(split_lines(page))]
    assert pieces == [
        "Senator Jane Doe today wrote to the President. She asked for a delay.", "",
        "Full text of the letter is included:", "Dear President Bush:",
        "The purpose of this letter is clear. " + body.strip(), "",
        "I respectfully urge you to reconsider.", "",
        "Sincerely,", "Robert P. Casey, Jr.", "United States Senator"]
    typist = "One sentence here.  Another one there.  " * 30  # two spaces after every sentence
    assert _texts(typist) == [(1, typist.strip())]


def test_a_date_two_spaces_from_the_lead_in_and_the_address_is_a_line_of_its_own():
    body = "We write to urge you to act, and soon. " * 22
    page = ("The Senators wrote today. They asked for a study group.   The letter is attached "
            "below:  August 24, 2007  Lt. General Douglas E. Lute  The White House   " + body)
    pieces = [x.s for x in relayout(split_lines(page)) if not x.blank]
    assert pieces[1:4] == ["The letter is attached below:", "August 24, 2007",
                           "Lt. General Douglas E. Lute  The White House"]
    assert " ".join(pieces).split() == page.split()


def test_a_long_capitalized_run_is_left_whole():
    """A 'word' of CamelCase a megabyte long is no two names (and costs one look, not one per
    capital: review)."""
    line = "Aa Bb " + "AbAb" * 5000 + " Cc Dd"
    assert _texts(line) == [(1, line)]
