"""`undersigned check --strict` checks the archive's facts: the archive as committed passes,
and each fault planted in a copy of it fails the check with the exact finding (path:line,
evidence, hint). Plain `check` says the same as warnings and succeeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from undersigned.cli import main

WILSON = "letters/2020-04-06-wilson-leads-letter-dhs-urging-halt-haiti-deportations.md"
CASTRO = "letters/2022-07-08-congressman-castro-leads-call-dhs-protect-survivors-san.md"
SOTO = "letters/2022-07-08-soto-wasserman-schultz-diaz-balart-lead-bipartisan-letter.md"
CHERTOFF = "letters/2006-01-26-letter-secretary-michael-chertoff.md"
TILLERSON = "letters/2017-06-14-letter-secretary-tillerson-central-america-security.md"
FOX = "letters/2006-02-08-letter-president-fox.md"
CHERTOFF_2007 = "letters/2007-11-20-letter-secretary-chertoff.md"
ROOT = Path(__file__).resolve().parents[2]  # the archive as committed


@pytest.fixture()
def archive(real_archive) -> Path:
    return real_archive


def redate(root: Path, rel: str, old: str, new: str) -> str:
    """Move a document to another date, renaming it and every reference to its slug."""
    slug, moved = Path(rel).stem, rel.replace(old, new)
    (root / rel).rename(root / moved)
    replace(root, moved, f"date: {old}", f"date: {new}")
    for path in (root / "letters").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        if slug in text:  # (the original keeps its name)
            path.write_text("\n".join(
                line if "original:" in line else line.replace(slug, slug.replace(old, new))
                for line in text.split("\n")), encoding="utf-8")
    return moved


def acknowledged(root: Path) -> int:
    """The findings the archive's front matter acknowledges (one per key of `acknowledged:`)."""
    total = 0
    for path in (root / "letters").glob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
                               .removeprefix("---\n"))
        total += len(front.get("acknowledged") or {})
    return total


def check(root: Path, capsys, *flags: str) -> tuple[int, str, str]:
    code = main(["--root", str(root), "check", *flags])
    out = capsys.readouterr()
    return code, out.out, out.err


def replace(root: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_the_archive_as_committed_passes_strict_and_reconvert(archive, capsys):
    code, out, err = check(archive, capsys, "--strict", "--reconvert")
    assert code == 0, out + err
    assert out.startswith(f"ok: {len(list((archive / 'letters').glob('*.md')))} documents")
    assert re.search(r"^not verified: \d+ people not linked to a Member \(terms not checked\); ",
                     err, re.M)
    assert (f"({acknowledged(archive)} findings acknowledged in front matter: letters/2005-"
            "12-05-sen-mikulski-calls-chertoff-apologize-support-efforts.md (later-date), "
            "letters/2006-03-15-letter-majority-leader-frist.md (later-date), letters/2006-10-"
            "20-leahy-kennedy-urge-ag-gonzales-vigorously-pursue-voter.md (count), letters/"
            "2007-06-20-letter-secretary-michael-chertoff.md (count), letters/2007-06-21-letter-"
            "pete-geren.md (count) …)." in err)
    letters = archive / "letters"
    documents, originals = len(list(letters.glob("*.md"))), len(list(letters.glob("*.txt")))
    assert re.search(rf"^reconverted {documents} documents from {originals} originals"
                     r"(?: \(\d+ letters? also read in another original that reproduces it\))?; "
                     r"\d+ declared hand edits not reported$", err, re.M)


def test_a_wrong_date_shows_members_out_of_term_and_the_weekday(archive, capsys):
    """The audit's finding: the Wilson release dated by its scrape date (2022-11-28)."""
    new = redate(archive, WILSON, "2020-04-06", "2022-11-28")
    replace(archive, new, "redirect_from: [2022-11-28-wilson-leads-letter-dhs-urging-halt-haiti-"
            "deportations]\n", "")
    code, out, _ = check(archive, capsys, "--strict")
    assert code == 1
    assert (f"{new}:16: Alcee L. Hastings (H000324) is named as a signer on 2022-11-28 but was "
            "not a Member of Congress then: left 2021-04-06 (served from 1993-01-05)\n"
            "  hint: check the document's date against its text") in out
    assert f"{new}:23: Donna E. Shalala (S001206) is named as a signer" in out
    assert ("'Tuesday, April 7' is printed, but April 7, 2022 is a Thursday; it does in 2020 "
            "(the document is dated 2022-11-28)") in out
    code, out, err = check(archive, capsys)  # plain check: the same, as warnings
    assert code == 0
    assert "warning: " + new + ":16: Alcee L. Hastings" in err


def test_a_recipient_out_of_office(archive, capsys):
    new = redate(archive, TILLERSON, "2017-06-14", "2019-06-14")
    code, out, _ = check(archive, capsys, "--strict")
    assert code == 1
    assert re.search(re.escape(new) + r":\d+: Rex Tillerson is addressed as Secretary of State "
                     r"on 2019-06-14, but held the office of Secretary of State 2017-02-01 – "
                     r"2018-03-31 \(on that day: Michael R. Pompeo\)", out), out


def test_a_bare_secretary_is_the_office_the_person_held(archive, capsys):
    redate(archive, CHERTOFF_2007, "2007-11-20", "2010-11-20")
    code, out, _ = check(archive, capsys, "--strict")
    assert code == 1
    assert "Chertoff is addressed as Secretary on 2010-11-20, but held the office of " \
           "Secretary of Homeland Security 2005-02-15 – 2009-01-21" in out, out


@pytest.mark.parametrize("printed, said", [
    ("the letter was signed by 35 Members of Congress", "'35 Members of Congress' (35 + 3)"),
    ("the letter was signed by thirty-five Members of Congress",
     "'thirty-five Members of Congress' (35 + 3)"),
])
def test_a_printed_count_that_disagrees(archive, capsys, printed, said):
    replace(archive, SOTO, "the letter was signed by 27 Members of Congress", printed)
    code, out, _ = check(archive, capsys, "--strict")
    assert code == 1
    assert f"the text prints {said}, but the archive lists 30 signers for it" in out, out


def test_counts_in_spanish_and_with_colleagues():
    from undersigned.audit.numbers import number
    assert [number(w) for w in ("veintiséis", "Twenty-two", "catorce", "27", "treinta y dos",
                                "fourteen", "²")] == [26, 22, 14, 27, 32, 14, None]


def test_a_named_signer_missing_from_the_list(archive, capsys):
    replace(archive, CASTRO, "- name: Raul Ruiz\n  id: raul-ruiz\n", "")
    code, out, _ = check(archive, capsys, "--strict")
    assert code == 1
    assert (f"{CASTRO}:70: the text names 1 signer the archive does not list for it: Raul Ruiz\n"
            "  hint: add each to `signers_named` (name and id) or, if the letter is in the "
            "archive, to its `signatories`") in out, out


def test_release_text_and_empty_headings_in_a_letter(archive, capsys):
    replace(archive, CHERTOFF, "Dear Secretary Chertoff:",
            "-Below is the full text of the letter-\n\n###\n\nDear Secretary Chertoff:")
    code, out, _ = check(archive, capsys, "--strict")
    assert code == 1
    assert (f"{CHERTOFF}:19: press-release text inside a letter: '-Below is the full text of "
            "the letter-'") in out
    assert f"{CHERTOFF}:21: '###' renders as an empty heading" in out


def test_a_bracketed_or_capital_lead_in_is_release_text_too(archive, capsys):
    replace(archive, CHERTOFF, "Dear Secretary Chertoff:",
            "[The text of the senators' letter follows below]\n\nTEXT OF LETTER\n\n"
            "Dear Secretary Chertoff:")
    code, out, _ = check(archive, capsys, "--strict")
    assert code == 1
    assert (f"{CHERTOFF}:19: press-release text inside a letter: '[The text of the senators' "
            "letter follows below]'") in out
    assert f"{CHERTOFF}:21: press-release text inside a letter: 'TEXT OF LETTER'" in out


def test_mis_decoded_text(archive, capsys):
    replace(archive, FOX, "Mexico’s military", "Mexicoâ€™s military")
    code, out, _ = check(archive, capsys, "--strict")
    assert code == 1
    assert f"{FOX}:28: mis-decoded text: 's stated that Mexicoâ€™s military units' (probably " \
           "'s stated that Mexico’s military units')" in out, out


def test_a_later_date_in_the_text_but_not_a_deadline(archive, capsys):
    replace(archive, CHERTOFF, "On Monday, January 23, 2006,", "On March 3, 2006,")
    replace(archive, CHERTOFF, "On December 30, 2005,", "By December 30, 2006,")
    code, out, _ = check(archive, capsys, "--strict")
    assert code == 1
    assert f"{CHERTOFF}:21: the text prints 'March 3, 2006', 36 days after the document's " \
           "date 2006-01-26" in out, out
    assert "December 30, 2006" not in out


def test_an_acknowledged_finding_is_counted_not_reported(archive, capsys):
    replace(archive, SOTO, "the letter was signed by 27 Members", "the letter was signed by "
            "35 Members")
    replace(archive, SOTO, "\n---\n", "\nacknowledged:\n  count: \"a test\"\n---\n")
    code, out, err = check(archive, capsys, "--strict")
    assert code == 0, out
    assert acknowledged(archive) == acknowledged(ROOT) + 1  # (the test's own)
    assert (f"({acknowledged(archive)} findings acknowledged in front matter: letters/2005-"
            "12-05-sen-mikulski-calls-chertoff-apologize-support-efforts.md (later-date), "
            "letters/2006-03-15-letter-majority-leader-frist.md (later-date)," in err)


def test_reconvert_reports_an_undeclared_hand_edit(archive, capsys):
    replace(archive, CHERTOFF, "signatories:\n- Kay Bailey Hutchison\n",
            "signatories:\n- Kay Bailey Hutchison\n- John Cornyn\n")
    code, out, _ = check(archive, capsys, "--strict", "--reconvert")
    assert code == 1
    assert (f"{CHERTOFF}:10: differs from its original: signatories: the record also has "
            "'John Cornyn', which the converter does not read\n  hint: adopt the converter's "
            "reading") in out, out
    replace(archive, CHERTOFF, "\n---\n", "\nedited:\n  signatories: \"a test\"\n---\n")
    code, out, _ = check(archive, capsys, "--strict", "--reconvert")
    assert code == 0, out


def test_a_wrong_edited_key_is_refused(archive, capsys):
    replace(archive, CHERTOFF, "\n---\n", "\nedited:\n  colour: \"a test\"\n---\n")
    code, out, _ = check(archive, capsys)
    assert code == 1
    assert "colour" in out and CHERTOFF in out


def test_a_finding_names_its_check_and_how_to_acknowledge_it(archive, capsys):
    replace(archive, SOTO, "the letter was signed by 27 Members", "the letter was signed by "
            "35 Members")
    code, out, _ = check(archive, capsys, "--strict")
    assert code == 1
    assert ("but the archive lists 30 signers for it\n  hint: check the list against "
            "the original: a signer may be missing (or the count counts something else — then "
            "say so in `acknowledged:`); if the original itself says so, write "
            "`acknowledged: {count: \"the evidence\"}`") in out, out


def test_an_acknowledgement_that_hides_nothing_is_reported(archive, capsys):
    replace(archive, CHERTOFF, "\n---\n", "\nacknowledged:\n  weekday: \"a test\"\n---\n")
    code, out, _ = check(archive, capsys, "--strict")
    assert code == 1
    assert (f"{CHERTOFF}:17: acknowledged: 'weekday' acknowledges no finding of that check\n"
            "  hint: remove it (the record or the check changed since it was written)") in out


def test_what_the_record_can_mend_cannot_be_acknowledged(archive, capsys):
    replace(archive, CHERTOFF, "\n---\n", "\nacknowledged:\n  mis-decoded: \"a test\"\n---\n")
    code, out, _ = check(archive, capsys)
    assert code == 1
    assert CHERTOFF in out and "mis-decoded" in out


def test_an_original_over_the_size_limit_is_refused(archive, capsys):
    original = archive / "letters/2006-01-26-sen-hutchison-requests-border-incident-investigation.txt"
    original.write_text("Dear Secretary,\n" + "word " * 500_000, encoding="utf-8")
    code, out, _ = check(archive, capsys)
    assert code == 1
    assert ("original '2006-01-26-sen-hutchison-requests-border-incident-investigation.txt' is "
            "2,500,016 bytes; the limit is 2,000,000\n  hint: an original is the text of one "
            "document: keep only that document's text") in out, out


def test_import_refuses_a_url_check_would_refuse(archive, capsys):
    with pytest.raises(SystemExit):
        main(["--root", str(archive), "import", "-", "--url", "javascript:alert(1)"])
    assert "argument --url: not a web address (http:// or https://): 'javascript:alert(1)'" in \
        capsys.readouterr().err


def test_github_annotations_show_invisible_characters():
    from undersigned.core.problems import Problem
    problem = Problem("letters/a\u200f.md", 3, "Bob\u200b", "fix\u202e it")
    assert problem.annotation() == (
        "::error file=letters/a\\u200f.md,line=3::Bob\\u200b (hint: fix\\u202e it)")
