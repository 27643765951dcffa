"""Adversarial review, round 3: originals are plain text, XML-forbidden and default-ignorable
characters, ids that are not text, explicit YAML tags, duplicate signers, site_url, BibTeX and
the search page's JSON download."""

from __future__ import annotations

import pytest

from helpers import LETTER
from undersigned.cli import main


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
