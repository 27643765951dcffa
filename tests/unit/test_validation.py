"""Every validation rule, with the exact `path:line: message` + hint text."""

from __future__ import annotations

import pytest

from helpers import LETTER, archive_words
from undersigned.cli import main
from undersigned.core.load import load_archive
from undersigned.core.problems import report

L = "letters/2017-06-14-a-letter.md"
ALLOWED = ("title, date, type, sender, recipients, signatories, signers_named, topics, "
           "countries, related, source, summary, redirect_from, edited, acknowledged")

CASES = {
    "unknown key": (
        LETTER.replace("topics: [migration]", "topics: [migration]\nsigantories: []"),
        f"{L}:14: unknown key 'sigantories' in front matter\n"
        f"  hint: did you mean 'signatories'? allowed keys: {ALLOWED}"),
    "missing title": (
        LETTER.replace("title: A letter\n", ""),
        f"{L}:2: missing required key 'title'\n  hint: add `title:` to the front matter"),
    "bad type": (
        LETTER.replace("type: letter", "type: memo"),
        f"{L}:4: 'type' is 'memo', which is not allowed\n"
        "  hint: use one of: letter, press-release, statement"),
    "string instead of list": (
        LETTER.replace("topics: [migration]", "topics: migration"),
        f"{L}:13: 'topics' must be a list, not a string\n"
        "  hint: write it as a YAML list, e.g. [one, two]"),
    "bad date": (
        LETTER.replace("date: 2017-06-14", "date: 14 June 2017"),
        f"{L}:3: bad date '14 June 2017'\n  hint: write the date as YYYY-MM-DD"),
    "impossible date": (
        LETTER.replace("date: 2017-06-14", "date: 2017-02-30"),
        f"{L}:3: impossible date '2017-02-30': day is out of range for month\n"
        "  hint: write the date printed on the document as YYYY-MM-DD"),
    "slug/date mismatch": (
        LETTER.replace("date: 2017-06-14", "date: 2017-06-15"),
        f"{L}:3: slug date 2017-06-14 differs from date 2017-06-15\n"
        "  hint: rename the file to 2017-06-15-a-letter.md or correct 'date'"),
    "unknown topic": (
        LETTER.replace("topics: [migration]", "topics: [migraton]"),
        f"{L}:13: unknown topic 'migraton'\n  hint: did you mean 'migration'? topics are "
        "defined in topics.yaml: migration, security-assistance"),
    "unknown signatory": (
        LETTER.replace("  - WOLA", "  - Alan Lowental"),
        f"{L}:12: unknown signatory 'Alan Lowental'\n  hint: add it to signatories.yaml (or as "
        "an alias of an existing entry); `undersigned import FILE --add-new` adds the names of a "
        "letter it imports; closest match: 'alan-lowenthal' (Alan Lowenthal, 96.3)"),
    "unknown recipient id": (
        LETTER.replace("  - name: Rex Tillerson\n", "  - name: Rex Tillerson\n    id: rex-t\n"),
        f"{L}:8: recipient id 'rex-t' is not in signatories.yaml\n  hint: add it to "
        "signatories.yaml (or as an alias of an existing entry); `undersigned import FILE "
        "--add-new` adds the names of a letter it imports; closest match: "
        "'rex-tillerson' (Rex Tillerson, 55.6)"),
    "related to a missing letter": (
        LETTER.replace("topics: [migration]", "topics: [migration]\nrelated: [2017-06-15-nope]"),
        f"{L}:14: related document '2017-06-15-nope' does not exist\n"
        "  hint: use the slug of a file in letters/"),
    "empty body": (
        LETTER.split("---\n\n")[0] + "---\n\n",
        f"{L}:14: empty body\n  hint: paste the text of the document below the front matter"),
    "duplicate key": (
        LETTER.replace("type: letter", "type: letter\ntitle: Again"),
        f"{L}:5: duplicate key 'title' in front matter (first on line 2)\n"
        "  hint: YAML keeps only the last one; remove or merge the duplicate"),
    "no front matter": (
        "Just text\n",
        f"{L}:1: missing front matter: the file must start with a line '---'\n"
        "  hint: start the file with '---', the YAML front matter, then '---'"),
    "unterminated front matter": (
        "---\ntitle: x\n",
        f"{L}:1: unterminated front matter: no closing '---' line\n"
        "  hint: start the file with '---', the YAML front matter, then '---'"),
    "invalid YAML": (
        LETTER.replace("title: A letter", "title: [A letter"),
        f"{L}:2: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'\n"
        "  hint: check indentation, colons and quotes near this line"),
    "tab in YAML": (
        LETTER.replace("  - Alan Lowenthal", "\t- Alan Lowenthal"),
        f"{L}:10: invalid YAML: a tab character (YAML indents with spaces only)\n"
        "  hint: YAML does not allow tabs for indentation; use spaces"),
    "not UTF-8": (
        LETTER.encode().replace(b"We write", b"We \xff write"),
        f"{L}:18: file is not valid UTF-8 (byte 0xff)\n  hint: re-save the file as UTF-8"),
    "letter without recipients": (
        LETTER.replace("recipients:\n  - name: Rex Tillerson\n    role: Secretary of State\n", ""),
        f"{L}:4: a letter needs 'recipients'\n"
        "  hint: add `recipients:` with the name and role of each addressee"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_rule_reports_exact_text(archive_dir, case):
    text, expected = CASES[case]
    root = archive_dir({"letters/2017-06-14-a-letter.md": text})
    archive = load_archive(root)
    errors = [p for p in archive.problems if not p.warning]
    assert archive_words(report(errors)) == archive_words(expected + "\n1 problem in 1 file.")


def test_bom_and_crlf_are_accepted(archive_dir):
    root = archive_dir({"letters/2017-06-14-a-letter.md": ("\ufeff" + LETTER).replace(
        "\n", "\r\n").encode()})
    archive = load_archive(root)
    assert [p for p in archive.problems if not p.warning] == []
    assert archive.letters[0].title == "A letter"


def test_all_problems_at_once_across_files(archive_dir, capsys):
    root = archive_dir({
        "letters/2017-06-14-a-letter.md": LETTER.replace("topics: [migration]", "topics: [x]"),
        "letters/2018-01-01-second.md": LETTER.replace("date: 2017-06-14", "date: 2018-01-01")
        .replace("  - WOLA", "  - Nobody Known"),
        "letters/2019-01-01-third.md": "no front matter\n",
        "letters/2019-02-02-good.md": LETTER.replace("date: 2017-06-14", "date: 2019-02-02"),
        "signatories.yaml": open_registry_with_clash(),
    })
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "4 problems in 4 files."
    assert "letters/2017-06-14-a-letter.md:13: unknown topic 'x'" in out
    assert "letters/2018-01-01-second.md:12: unknown signatory 'Nobody Known'" in out
    assert "letters/2019-01-01-third.md:1: missing front matter" in out
    assert ("signatories.yaml:21: alias 'Rex Tillerson' of 'someone' is already claimed by "
            "'rex-tillerson' ('Rex Tillerson')") in out
    assert "letters/2019-02-02-good.md" not in out  # the good letter is not affected
    archive = load_archive(root)
    assert [x.slug for x in archive.letters] == ["2019-02-02-good"]


def open_registry_with_clash() -> str:
    from helpers import REGISTRY

    return REGISTRY + "someone:\n  name: Some One\n  kind: person\n  aliases: [Rex Tillerson]\n"


def test_duplicate_slug_in_subfolders(archive_dir):
    root = archive_dir({"letters/2017/2017-06-14-a-letter.md": LETTER})
    problems = [p for p in load_archive(root).problems if not p.warning]
    assert [str(p) for p in problems] == [
        "letters/2017-06-14-a-letter.md: duplicate slug '2017-06-14-a-letter' (also "
        "letters/2017/2017-06-14-a-letter.md)\n  hint: every letter needs its own slug; rename one "
        "of them"]


def test_file_name_not_a_slug(archive_dir):
    root = archive_dir({"letters/2017-06-14 a letter.md": LETTER}, letter=False)
    problems = [str(p) for p in load_archive(root).problems if not p.warning]
    assert problems[0] == ("letters/2017-06-14 a letter.md: file name '2017-06-14 a letter.md' "
                           "is not a valid slug\n  hint: name it YYYY-MM-DD-words-in-kebab-case.md "
                           "(lowercase, no spaces)")


def test_check_ok_message(archive_dir, capsys):
    root = archive_dir()
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr().out == ("ok: 1 document, 4 registry entries, 2 topics; "
                                       "no problems.\n")


def test_github_annotations(archive_dir, capsys):
    root = archive_dir({"letters/2017-06-14-a-letter.md": LETTER.replace("type: letter",
                                                                         "type: memo")})
    assert main(["--root", str(root), "check", "--github"]) == 1
    out = capsys.readouterr().out
    assert ("::error file=letters/2017-06-14-a-letter.md,line=4::'type' is 'memo', which is not "
            "allowed (hint: use one of: letter, press-release, statement)") in out


def test_quick_check_never_accepts_what_the_schema_rejects():
    """The fast path must be at least as strict as the published JSON Schema."""
    import itertools

    from jsonschema import Draft202012Validator

    from undersigned.core.schema import LETTER_SCHEMA
    from undersigned.core.validation import quick_valid

    base = {"title": "T", "date": "2020-01-01", "type": "letter", "sender": "S",
            "recipients": [{"name": "R", "role": "Secretary"}], "signatories": ["A", {"name": "B"}],
            "topics": ["migration"], "countries": ["MX"], "related": ["2020-01-02-x"],
            "source": {"url": "https://x.org", "original": "a.txt"}, "summary": "S."}
    variants = [("title", ""), ("title", 3), ("date", "2020-1-1"), ("type", "memo"),
                ("recipients", "R"), ("recipients", [{"role": "x"}]), ("signatories", [3]),
                ("signatories", [{"name": "A", "x": 1}]), ("topics", []), ("topics", ["a", "a"]),
                ("topics", ["Bad Id"]), ("countries", ["mex"]), ("related", ["nope"]),
                ("source", {"url": "ftp://x"}), ("source", {"other": "x"}), ("summary", ""),
                ("extra", 1), ("signatories", [{"name": "A", "id": "Bad Id"}])]
    validator = Draft202012Validator(LETTER_SCHEMA)
    assert quick_valid(base) and validator.is_valid(base)
    for (k1, v1), (k2, v2) in itertools.product(variants, [(None, None)] + variants):
        data = dict(base, **{k1: v1})
        if k2:
            data[k2] = v2
        if quick_valid(data):
            assert validator.is_valid(data), data
    for key in LETTER_SCHEMA["required"]:
        data = {k: v for k, v in base.items() if k != key}
        assert not quick_valid(data) and not validator.is_valid(data)


# An id, topic id or file name ending in a newline: Python's `$` matches before a final
# newline, so `re.match('^…$')` took them; every id and slug is matched whole.

def _check(root, capsys) -> tuple[int, str]:
    code = main(["--root", str(root), "check"])
    return code, capsys.readouterr().out


def test_a_registry_id_ending_in_a_newline_is_refused(archive_dir, capsys):
    from helpers import REGISTRY

    root = archive_dir({"signatories.yaml": REGISTRY + '"abc\\n":\n  name: Abc\n  kind: person\n'})
    code, out = _check(root, capsys)
    assert code == 1
    assert out.startswith("signatories.yaml:18: id 'abc\\n' is not a slug\n  hint: use lowercase "
                          "letters, digits and single hyphens\n")


def test_a_topic_id_ending_in_a_newline_is_refused(archive_dir, capsys):
    from helpers import TOPICS

    root = archive_dir({"topics.yaml": TOPICS + '"trade\\n":\n  title: Trade\n  description: T.\n'})
    code, out = _check(root, capsys)
    assert code == 1
    assert out.startswith("topics.yaml:8: topic id 'trade\\n' is not a slug\n  hint: use "
                          "lowercase letters, digits and single hyphens\n")


@pytest.mark.parametrize("key, value, message", [
    ("topics", '["migration\\n"]', "13: 'topics[1]' value 'migration\\n' has the wrong form"),
    ("related", '["2017-06-14-a-letter\\n"]',
     "14: 'related[1]' value '2017-06-14-a-letter\\n' has the wrong form"),
    ("date", '"2017-06-14\\n"', "3: bad date '2017-06-14\\n'"),
])
def test_front_matter_ids_ending_in_a_newline_are_refused(archive_dir, capsys, key, value,
                                                          message):
    import re

    text = re.sub(rf"(?m)^{key}: .*$", lambda _m: f"{key}: {value}", LETTER) if key != "related" \
        else \
        LETTER.replace("topics: [migration]", f"topics: [migration]\nrelated: {value}")
    root = archive_dir({L: text})
    code, out = _check(root, capsys)
    assert code == 1
    assert out.startswith(f"{L}:{message}\n  hint: "), out


def test_a_file_name_ending_in_a_newline_is_refused(archive_dir, capsys):
    root = archive_dir(letter=False)
    try:
        (root / "letters").mkdir(exist_ok=True)
        (root / "letters" / "2017-06-14-a-letter\n.md").write_text(LETTER)
    except OSError:
        pytest.skip("this filesystem refuses a newline in a file name")
    code, out = _check(root, capsys)
    assert code == 1
    assert out.startswith("letters/2017-06-14-a-letter\\n.md: file name '2017-06-14-a-letter\\n.md'"
                          " is not a valid slug\n  hint: name it YYYY-MM-DD-words-in-kebab-case.md "
                          "(lowercase, no spaces)\n"), out


def test_a_country_code_must_be_a_country(archive_dir, capsys):
    """Any two capitals pass the schema's pattern; only ISO 3166-1 codes pass check."""
    root = archive_dir({"letters/2017-06-14-a-letter.md": LETTER.replace(
        "topics: [migration]\n", "topics: [migration]\ncountries: [MX, XX, UK, NO]\n")})
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    assert out == (
        f"{L}:14: 'countries[4]' must be a string, not a boolean\n"
        "  hint: YAML reads NO, YES, ON, OFF, Y and N as true or false: write it in quotes "
        "(\"NO\" for Norway)\n"
        f"{L}:14: country 'UK' is not an ISO 3166-1 alpha-2 code\n"
        "  hint: use the code of the country, e.g. MX, GT, HN, SV (the United Kingdom is GB)\n"
        f"{L}:14: country 'XX' is not an ISO 3166-1 alpha-2 code\n"
        "  hint: use the code of the country, e.g. MX, GT, HN, SV\n"
        "3 problems in 1 file.\n")


def test_every_country_has_a_name():
    from undersigned.core.countries import country_name, country_names
    names = country_names()
    assert len(names) == 249 and names["NO"] == "Norway" and names["MX"] == "Mexico"
    assert country_name("BR") == "Brazil" and country_name("XX") == "XX"


def test_a_former_topic_is_refused_with_the_topics_it_was_split_into(archive_dir, capsys):
    topics = ("migration:\n  title: Migration\n  replaced_by: [asylum, deportation]\n"
              "asylum:\n  title: Asylum\ndeportation:\n  title: Deportation\n"
              "old:\n  title: Old\n  replaced_by: [gone]\n")
    root = archive_dir({"topics.yaml": topics})
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    assert (f"{L}:13: topic 'migration' is a former topic, split into: asylum, deportation\n"
            "  hint: use those of them the document is about (topics.yaml)\n") in out
    assert ("topics.yaml:10: topic 'old' is replaced by 'gone', which is not a topic\n"
            "  hint: name topics defined in topics.yaml, without replaced_by\n") in out


def test_a_title_on_several_lines_and_html_the_page_removes_are_said(archive_dir, capsys):
    letter = LETTER.replace("title: A letter", "title: 'Line one\n\n  second: [x]'").replace(
        "We write about migration.", "We write <script>alert(1)</script> about migration.")
    root = archive_dir({"letters/2017-06-14-a-letter.md": letter})
    assert main(["--root", str(root), "check"]) == 1
    captured = capsys.readouterr()
    assert (f"{L}:2: 'title' spans several lines\n  hint: write the title on one line\n"
            ) in captured.out
    assert (f"warning: {L}:20: the body holds '<script', which the page removes (with what it "
            "encloses)\n  hint: write the document's text as Markdown, without HTML tags\n"
            ) in captured.err
