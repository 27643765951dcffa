"""A recipient's office for the search filter and the statistics: a bare title printed in one
document ('Secretary') is the one full office the same person holds in the others."""

from __future__ import annotations

from helpers import REPO
from undersigned.core.load import load_archive
from undersigned.core.model import Recipient
from undersigned.core.offices import office, recipient_office
from undersigned.outputs.search import record

ARCHIVE = load_archive(REPO)


def test_a_bare_secretary_is_the_office_the_person_holds_elsewhere():
    letter = ARCHIVE.by_slug["2022-07-08-letter-secretary-mayorkas"]
    [mayorkas] = letter.recipients
    assert mayorkas.role == "Secretary"
    assert recipient_office(ARCHIVE, mayorkas) == "Secretary of Homeland Security"
    assert record(ARCHIVE, letter)["filters"]["office"] == ["Secretary of Homeland Security"]


def test_a_bare_title_stays_bare_without_one_full_office():
    unknown = Recipient.of("Jane Doe", "jane-doe", "Secretary", None)
    assert recipient_office(ARCHIVE, unknown) == "Secretary"
    assert recipient_office(ARCHIVE, Recipient.of("X", "", "", None)) == ""


def test_office_tidies_the_printed_role():
    assert office("U.S. Secretary of the Department of Homeland  Security.") == \
        "Secretary of Homeland Security"
