"""Which changes let `mkdocs serve` write a letter's page before its rebuild (plugin/first.py):
one letter file changed, and only its text (title, summary, source, body), its citation key's
beginning kept. Every other change takes the usual rebuild (tests/site/test_live.py serves
both and compares them with clean builds)."""

from __future__ import annotations

import os
from pathlib import Path

from helpers import LETTER, REGISTRY, archive_files, git, write
from undersigned.core.load import Remembered, load_archive, reload_letter
from undersigned.plugin.first import (
    _one_changed_letter,
    _one_reported_letter,
    history_moved,
    text_only,
)

REL = "letters/2017-06-14-a-letter.md"


def _loaded(tmp_path: Path, letter: str = LETTER):
    root = write(tmp_path, {**archive_files(), REL: letter})
    remember = Remembered()
    return root, load_archive(root, remember), remember


def _edit(root: Path, old: str, new: str, rel: str = REL) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # (a signature differs even within one clock tick)


def test_a_title_or_body_edit_is_text_only(tmp_path: Path):
    root, archive, remember = _loaded(tmp_path)
    assert _one_changed_letter(archive, remember) is None  # nothing changed
    _edit(root, "title: A letter\n", "title: A letter on migration\n")
    _edit(root, "We write about migration.", "We write about migration and asylum.")
    assert _one_changed_letter(archive, remember) == REL
    letter, content_hash, problems = reload_letter(archive, REL, remember)
    assert letter is not None and problems == [] and content_hash
    assert letter.title == "A letter on migration" and "asylum" in letter.body
    assert text_only(archive, archive.by_slug[letter.slug], letter)


def test_a_changed_signatory_recipient_or_topic_is_not(tmp_path: Path):
    for old, new in (("  - WOLA\n", ""), ("    role: Secretary of State\n", ""),
                     ("topics: [migration]", "topics: [migration, security-assistance]")):
        root, archive, remember = _loaded(tmp_path / old.strip()[:12].replace(":", ""))
        _edit(root, old, new)
        assert _one_changed_letter(archive, remember) == REL
        letter, _hash, _problems = reload_letter(archive, REL, remember)
        assert letter is not None
        assert not text_only(archive, archive.by_slug[letter.slug], letter), old


def test_a_letter_with_problems_is_not_read_for_a_first_page(tmp_path: Path):
    root, archive, remember = _loaded(tmp_path)
    _edit(root, "date: 2017-06-14", "date: 2017-06-15")  # (the slug's date differs)
    letter, _hash, problems = reload_letter(archive, REL, remember)
    assert [p.message for p in problems] == ["slug date 2017-06-14 differs from date 2017-06-15"]


def test_a_title_that_makes_the_citation_key_is_not(tmp_path: Path):
    """When the recipient's name has no telling word, the key's beginning is the title's
    first: other documents' keys (b, c...) may change with it."""
    registry = REGISTRY + "the-secretary:\n  name: The Secretary\n  kind: organization\n"
    letter = LETTER.replace("  - name: Rex Tillerson\n", "  - name: The Secretary\n")
    root = write(tmp_path, {**archive_files(registry), REL: letter})
    remember = Remembered()
    archive = load_archive(root, remember)
    old = archive.by_slug["2017-06-14-a-letter"]
    _edit(root, "title: A letter\n", "title: Asylum letter\n")
    new, _hash, _problems = reload_letter(archive, REL, remember)
    assert new is not None and not text_only(archive, old, new)
    _edit(root, "title: Asylum letter\n", "title: The letter\n")
    new, _hash, _problems = reload_letter(archive, REL, remember)
    assert new is not None and text_only(archive, old, new)


def test_two_changed_letters_or_a_new_one_take_the_usual_rebuild(tmp_path: Path):
    second = "letters/2017-06-15-b-letter.md"
    root = write(tmp_path, {**archive_files(), second: LETTER.replace("2017-06-14",
                                                                      "2017-06-15")})
    remember = Remembered()
    archive = load_archive(root, remember)
    _edit(root, "title: A letter\n", "title: A letter, one\n")
    _edit(root, "title: A letter\n", "title: A letter, two\n", second)
    assert _one_changed_letter(archive, remember) is None
    write(root, {"letters/2017-06-16-c.md": LETTER.replace("2017-06-14", "2017-06-16")})
    assert _one_changed_letter(archive, remember) is None


def test_the_watchers_report_names_the_letter(tmp_path: Path):
    """With the paths the server's watcher reported, no other file is looked at: one letter
    changed (an editor's temporary files gone) is the letter; a second path that is still
    there, a new letter, or a letter unchanged since the build read it is not."""
    root, archive, remember = _loaded(tmp_path)
    letter = str(root / REL)
    assert _one_reported_letter(archive, remember, {letter}) is None  # unchanged
    _edit(root, "title: A letter\n", "title: A letter on migration\n")
    assert _one_reported_letter(archive, remember, {letter}) == REL
    gone = str(root / "letters" / ".2017-06-14-a-letter.md.swx")
    assert _one_reported_letter(archive, remember, {letter, gone}) == REL
    for other in ("topics.yaml", "letters/2017-06-14-a-letter.txt", "letters/new.md"):
        write(root, {other: "x"})
        assert _one_reported_letter(archive, remember, {letter, str(root / other)}) is None
    assert _one_reported_letter(archive, remember, {str(root / "letters/new.md")}) is None


def test_a_commit_pull_or_checkout_takes_the_usual_rebuild(tmp_path: Path):
    """The letter's page shows when it was first published and last changed (git): when
    HEAD moved since the previous build read the history, its page is not written first."""
    root, archive, _remember = _loaded(tmp_path)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    archive = load_archive(root, Remembered())
    assert not history_moved(archive)  # never read: a page written first reads it itself
    assert archive.history is not None and archive.history.head
    assert not history_moved(archive)
    _edit(root, "title: A letter\n", "title: A letter on migration\n")
    assert not history_moved(archive)  # an edit is no commit
    git(root, "commit", "-q", "-am", "a title corrected", date="2024-02-01T10:00:00+00:00")
    assert history_moved(archive)
