"""Adversarial review, round 3: originals are plain text, XML-forbidden and default-ignorable
characters, ids that are not text, explicit YAML tags, duplicate signers, site_url, BibTeX and
the search page's JSON download."""

from __future__ import annotations

import pytest

from helpers import LETTER
from undersigned.cli import main
from undersigned.yamlfile import YamlError, load_yaml


def _check(root, capsys) -> tuple[int, str]:
    code = main(["--root", str(root), "check"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# 9. a field of a party that is not text is a problem with its line, never a traceback

@pytest.mark.parametrize("old, new, expected", [
    ("  - Alan Lowenthal\n", "  - name: Alan Lowenthal\n    id: [a, b]\n",
     "letters/2017-06-14-a-letter.md:11: 'signatories[1]': id must be text, not a list\n"
     "  hint: write the registry id as one plain word, e.g. `id: alan-lowenthal`"),
    ("  - Alan Lowenthal\n", "  - name: Alan Lowenthal\n    id: {a: b}\n",
     "letters/2017-06-14-a-letter.md:11: 'signatories[1]': id must be text, not a mapping\n"
     "  hint: write the registry id as one plain word, e.g. `id: alan-lowenthal`"),
    ("  - Alan Lowenthal\n", "  - name: Alan Lowenthal\n    id: 12\n",
     "letters/2017-06-14-a-letter.md:11: 'signatories[1]': id must be text, not a number\n"
     "  hint: write the registry id as one plain word, e.g. `id: alan-lowenthal`"),
    ("    role: Secretary of State\n", "    role: Secretary of State\n    id: [x]\n",
     "letters/2017-06-14-a-letter.md:9: 'recipients[1]': id must be text, not a list\n"
     "  hint: write the registry id as one plain word, e.g. `id: alan-lowenthal`"),
    ("topics: [migration]\n", "topics: [migration]\nsigners_named:\n  - name: X\n    id: [x]\n",
     "letters/2017-06-14-a-letter.md:16: 'signers_named[1]': id must be text, not a list\n"
     "  hint: write the registry id as one plain word, e.g. `id: alan-lowenthal`"),
    ("  - Alan Lowenthal\n", "  - name: Alan Lowenthal\n    role: [x]\n",
     "letters/2017-06-14-a-letter.md:11: 'signatories[1]': role must be text, not a list\n"
     "  hint: write it as plain text (quote it if it looks like a number or holds ': ')"),
])
def test_an_id_that_is_not_text_is_a_problem_with_its_line(archive_dir, capsys, old, new,
                                                             expected):
    root = archive_dir({"letters/2017-06-14-a-letter.md": LETTER.replace(old, new, 1)})
    code, out = _check(root, capsys)
    assert (code, out) == (1, expected + "\n1 problem in 1 file.\n")


# 13. every explicit tag is refused, also one naming what the text would resolve to anyway

@pytest.mark.parametrize("text, line, message", [
    ("a: 1\nb: !<tag:yaml.org,2002:str> x\n", 2,
     "explicit tag '!<tag:yaml.org,2002:str>' is not allowed"),
    ("--- !!map\na: 1\n", 1, "explicit tag '!!map' is not allowed"),
    ("a: !!str hello\n", 1, "explicit tag '!!str' is not allowed"),
    ("a:\n  - !!seq [x]\n", 2, "explicit tag '!!seq' is not allowed"),
    ("a: ! x\n", 1, "explicit tag '!' is not allowed"),
    ("%TAG !e! tag:yaml.org,2002:\n---\na: !e!str x\n", 3, "explicit tag '!e!str' is not allowed"),
])
def test_explicit_tags_are_refused_even_when_they_change_nothing(text, line, message):
    with pytest.raises(YamlError) as caught:
        load_yaml(text)
    assert (caught.value.line, caught.value.message, caught.value.hint) == (
        line, message, "remove the tag; values are plain text, numbers, lists and mappings")


def test_an_exclamation_mark_in_text_is_no_tag():
    assert load_yaml('a: "!!str"  # !x\nb: Stop now!\nc: \'!<x>\'\n').data == {
        "a": "!!str", "b": "Stop now!", "c": "!<x>"}


def test_an_explicit_tag_in_front_matter_is_reported_with_its_line(archive_dir, capsys):
    root = archive_dir({"letters/2017-06-14-a-letter.md": LETTER.replace(
        "title: A letter", "title: !<tag:yaml.org,2002:str> A letter")})
    assert _check(root, capsys) == (1, "letters/2017-06-14-a-letter.md:2: explicit tag "
                                    "'!<tag:yaml.org,2002:str>' is not allowed\n  hint: remove "
                                    "the tag; values are plain text, numbers, lists and "
                                    "mappings\n1 problem in 1 file.\n")
