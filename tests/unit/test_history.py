"""The change history cannot be forged by a commit message, keeps only dates it could parse,
and follows a document across renames (git's rename detection, or redirect_from)."""

from __future__ import annotations

import logging
import subprocess
import xml.etree.ElementTree as ET

import pytest

from undersigned.core.history import parse_log, read_history
from undersigned.core.load import load_archive
from undersigned.pages.changes import changes_feed, render_changes
from undersigned.pages.letter import render_letter

A, B, C = "2017-06-14-a-letter", "2017-06-14-b-letter", "2017-06-14-c-letter"
FORGED = ("Fix\x1e" + "f" * 40 + "\x1f2099-01-01T00:00:00+00:00\x1fforged\x00\nA\x00letters/x.md"
          "\x1f<b>&amp;</b>\x1e\x1f\ufffe")


def _env(root, date):
    return {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin", "HOME": str(root)}


def _commit(root, message, date):
    env = _env(root, date)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(root), "commit", "-q", "-F", "-"], input=message.encode(),
                   check=True, capture_output=True, env=env)


@pytest.fixture
def repo(archive_dir):
    root = archive_dir()
    subprocess.run(["git", "-C", str(root), "init", "-q", "-b", "main"], check=True,
                   env=_env(root, ""))
    _commit(root, "Add the letter", "2024-01-02T10:00:00+00:00")
    return root


def test_a_commit_message_cannot_forge_a_record(repo):
    letter = repo / "letters" / f"{A}.md"
    letter.write_text(letter.read_text().replace("We write", "We wrote"))
    # NUL cannot be in a commit message; git cuts it there: test what git keeps
    _commit(repo, FORGED.replace("\x00", ""), "2024-03-04T10:00:00+00:00")
    history = read_history(repo)
    assert history is not None
    assert [(c.kind, c.slug, c.time) for c in history.changes] == [
        ("corrected", A, "2024-03-04T10:00:00+00:00"), ("added", A, "2024-01-02T10:00:00+00:00")]
    assert history.first == {A: "2024-01-02"} and history.last == {A: "2024-03-04"}
    subject = history.changes[0].subject
    assert "\x1e" not in subject and "\x1f" not in subject and "\ufffe" not in subject
    assert subject.startswith("Fix" + "f" * 40 + "2099-01-01T00:00:00+00:00forged")
    archive = load_archive(repo)
    feed = changes_feed(archive, "https://test.example.org/")
    root = ET.fromstring(feed)  # well-formed
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.findtext("a:updated", namespaces=ns) for e in root.findall("a:entry", ns)] == [
        "2024-03-04T10:00:00+00:00", "2024-01-02T10:00:00+00:00"]
    assert "2099" not in "".join(e.findtext("a:updated", namespaces=ns) or ""
                                 for e in root.iter())
    page = render_changes(archive).markdown
    assert "<b>" not in page and "&lt;b&gt;" not in page and "forged" not in page
    assert "Fix" not in page and "Fix" not in feed  # commit messages are never shown
    assert '<span class="us-what">Text corrected: ‘write’ → ‘wrote’.</span>' in page
    assert "2099-01-01" not in render_letter(archive, archive.by_slug[A]).markdown.split("forged")[0]


def test_a_record_whose_date_does_not_parse_is_dropped_with_a_log_line(caplog):
    good = "a" * 40 + "\x002024-01-02T10:00:00+00:00\x00Add\x00\nA\x00letters/x.md\x00"
    bad = "b" * 40 + "\x002024-13-45T99:00:00+00:00\x00Evil\x00\nM\x00letters/x.md\x00"
    naive = "c" * 40 + "\x002024-02-02T10:00:00\x00Naive\x00\nM\x00letters/x.md\x00"
    with caplog.at_level(logging.WARNING):
        history = parse_log(naive + bad + good)
    assert [(c.commit[0], c.kind) for c in history.changes] == [("a", "added")]
    assert history.first == history.last == {"x": "2024-01-02"}
    assert [r.getMessage() for r in caplog.records] == [
        "history: commit cccccccccccc has no valid date; left out",
        "history: commit bbbbbbbbbbbb has no valid date; left out"]


def test_history_follows_a_rename_git_detects(repo):
    (repo / "letters" / f"{A}.md").rename(repo / "letters" / f"{B}.md")
    _commit(repo, "Rename", "2024-02-02T10:00:00+00:00")
    (repo / "letters" / f"{B}.md").rename(repo / "letters" / f"{C}.md")
    _commit(repo, "Rename again", "2024-03-03T10:00:00+00:00")
    history = read_history(repo)
    assert history is not None
    assert [(c.kind, c.slug, c.now, c.old) for c in history.changes] == [
        ("renamed", C, C, B), ("renamed", B, C, A), ("added", A, C, "")]
    assert history.first == {C: "2024-01-02"} and history.last == {C: "2024-03-03"}


def test_history_follows_a_rename_through_redirect_from(repo):
    """Removed in one commit, added under a new slug (with redirect_from) in another: git
    sees no rename, the redirect joins the two; /changes/ says renamed, not removed."""
    text = (repo / "letters" / f"{A}.md").read_text()
    (repo / "letters" / f"{A}.md").unlink()
    _commit(repo, "Remove", "2024-02-02T10:00:00+00:00")
    (repo / "letters" / f"{B}.md").write_text(text.replace(
        "topics: [migration]", f"topics: [migration]\nredirect_from: [{A}]").replace(
        "We write", "Entirely new words, so that git sees no rename at all. We write"))
    _commit(repo, "Add again", "2024-03-03T10:00:00+00:00")
    archive = load_archive(repo)
    history = archive.history
    assert history is not None
    assert [(c.kind, c.slug, c.now) for c in history.changes] == [
        ("added", B, B), ("removed", A, B), ("added", A, B)]
    assert history.first == {B: "2024-01-02"}
    page = render_changes(archive).markdown
    assert (f'<li><strong>Renamed</strong>: <a href="../letters/{B}/">A letter</a> — '
            f'<span class="us-what">Moved to a new address ({B}).</span></li>') in page
    assert (f'<li><strong>Renamed</strong>: <a href="../letters/{B}/">A letter</a> — '
            f'<span class="us-what">Renamed from {A} (the old address leads here).</span></li>'
            ) in page
    assert "<strong>Removed</strong>" not in page


def _items(page: str) -> list[str]:
    import re

    return [re.sub(r"<[^>]+>", "", li) for li in re.findall(r"<li>(.*?)</li>", page)]


def test_changes_say_what_changed_in_the_document_never_the_message(repo, monkeypatch):
    import undersigned.core.history as history_module

    letter = repo / "letters" / f"{A}.md"
    letter.write_text(letter.read_text().replace("title: A letter", "title: The letter")
                      .replace("role: Secretary of State", "role: U.S. Secretary of State")
                      .replace("  - WOLA\n", "  - WOLA\n  - Rex Tillerson\n  - Jane Roe\n"
                               "  - John Doe\n")
                      .replace("We write", "We wrote"))
    registry = repo / "signatories.yaml"
    registry.write_text(registry.read_text() + "jane-roe:\n  name: Jane Roe\n  kind: person\n"
                        "john-doe:\n  name: John Doe\n  kind: person\n")
    _commit(repo, "Reps.' signers_named & <fix> " * 6, "2024-03-04T10:00:00+00:00")
    (repo / "letters" / f"{A}.md").rename(repo / "letters" / f"{B}.md")
    _commit(repo, "Rename", "2024-03-05T10:00:00+00:00")
    calls = []
    real = history_module.subprocess.run
    monkeypatch.setattr(history_module.subprocess, "run",
                        lambda args, **kw: (calls.append(args[3]), real(args, **kw))[1])
    archive = load_archive(repo)
    page = render_changes(archive).markdown
    assert _items(page) == [
        "Renamed: The letter — Renamed from 2017-06-14-a-letter.",
        "Corrected: The letter — Title corrected; recipient corrected; 3 signatories added; "
        "text corrected: ‘write’ → ‘wrote’.",
        "Added: The letter — New in the archive."]
    assert calls.count("cat-file") == 1  # every version read by one git process
    # renamed with git, no redirect_from written: the old address still leads to it
    from undersigned.core.archive import redirects
    assert [(old, x.slug) for old, x in redirects(archive)] == [(A, B)]
    feed = changes_feed(archive, "https://test.example.org/")
    assert "signers_named" not in feed and "Reps." not in feed and "signers_named" not in page
    summaries = [e.findtext("{http://www.w3.org/2005/Atom}summary")
                 for e in ET.fromstring(feed).iter("{http://www.w3.org/2005/Atom}entry")]
    assert summaries == ["Renamed from 2017-06-14-a-letter.", "Title corrected; recipient "
                         "corrected; 3 signatories added; text corrected: ‘write’ → ‘wrote’.",
                         "New in the archive."]


def test_changes_link_to_the_commit_when_a_repository_is_configured(repo):
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text() + "extra:\n  source_repository: https://git.example.org/u/archive/\n")
    letter = repo / "letters" / f"{A}.md"
    letter.write_text(letter.read_text().replace("  - WOLA\n", ""))
    _commit(repo, "Drop WOLA", "2024-03-04T10:00:00+00:00")
    archive = load_archive(repo)
    sha = archive.history.changes[0].commit
    page = render_changes(archive).markdown
    assert (f'<li><strong>Corrected</strong>: <a href="../letters/{A}/">A letter</a> — '
            '<span class="us-what">1 signatory removed.</span> (<a href="https://git.example.org/'
            f'u/archive/commit/{sha}">changes in commit {sha[:7]}</a>)</li>') in page
    feed = changes_feed(archive, "https://test.example.org/")
    assert (f'<link rel="related" title="the change in the repository" '
            f'href="https://git.example.org/u/archive/commit/{sha}"/>') in feed


@pytest.mark.parametrize("before, after, words", [
    ({"signatories": ["A", "Lucille Roybal-Alford"]},
     {"signatories": ["A", "Lucille Roybal-Allard"]}, ["name of 1 signatory corrected"]),
    ({"signatories": ["A", "B"]}, {"signatories": ["B", "A"]}, ["signatories reordered"]),
    ({"date": "2017-06-13"}, {"date": "2017-06-14"}, ["date corrected (was 2017-06-13)"]),
    ({"recipients": [{"name": "X"}]}, {"recipients": [{"name": "X"}, {"name": "Y"}]},
     ["1 recipient added"]),
    ({"signers_named": ["A"]}, {"signers_named": ["A", "B"]}, ["1 signer named added"]),
    ({"topics": ["a"]}, {"topics": ["b"]}, ["topics changed"]),
    ({}, {}, []),
])
def test_compare_fields(before, after, words):
    from undersigned.core.history import compare

    assert compare(before, "x", after, "x") == words


def test_a_file_of_a_live_letters_name_elsewhere_is_another_document(repo):
    """A file with a live letter's name in a folder of letters/, added and then removed:
    the live letter is neither 'Removed' nor 'last changed' by it (history is keyed by path)."""
    (repo / "letters" / "x").mkdir()
    forged = repo / "letters" / "x" / f"{A}.md"
    forged.write_text((repo / "letters" / f"{A}.md").read_text().replace("We write", "Forged"))
    _commit(repo, "Add a copy", "2024-05-05T10:00:00+00:00")
    forged.unlink()
    _commit(repo, "Remove the copy", "2024-06-06T10:00:00+00:00")
    archive = load_archive(repo)
    history = archive.history
    assert history is not None
    assert [(c.kind, c.slug, c.now, c.path) for c in history.changes] == [
        ("removed", A, "", f"letters/x/{A}.md"), ("added", A, "", f"letters/x/{A}.md"),
        ("added", A, A, f"letters/{A}.md")]
    assert history.first == history.last == {A: "2024-01-02"}
    page = render_changes(archive).markdown
    assert _items(page) == [f"Removed: x/{A} — No longer in the archive.",
                            f"Added: x/{A} — New in the archive.",
                            "Added: A letter — New in the archive."]
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title")
              for e in ET.fromstring(changes_feed(archive, "https://t.example.org/"))
              .iter("{http://www.w3.org/2005/Atom}entry")]
    assert titles == [f"Removed: x/{A}", f"Added: x/{A}", "Added: A letter"]
    assert "last changed" not in render_letter(archive, archive.by_slug[A]).markdown


@pytest.mark.parametrize("date, why", [
    ("2099-01-01T00:00:00+00:00", "in the future"),
    ("2001-01-01T00:00:00+00:00", "before the archive's first commit (2024-01-02)")])
def test_a_commit_dated_outside_the_archives_span_sets_no_date(repo, caplog, date, why):
    letter = repo / "letters" / f"{A}.md"
    letter.write_text(letter.read_text().replace("We write", "We wrote"))
    _commit(repo, "Correct", date)
    with caplog.at_level(logging.WARNING):
        history = read_history(repo)
    assert history is not None
    assert [(c.kind, c.suspect) for c in history.changes] == [("corrected", True),
                                                              ("added", False)]
    assert history.first == history.last == {A: "2024-01-02"}
    sha = history.changes[0].commit[:12]
    message = f"commit {sha} is dated {date[:10]}, {why}; its date is not used"
    assert [str(p) for p in history.problems] == [
        f"letters/{A}.md: {message}\n  hint: a committer date is set by whoever commits: check "
        f"that commit (git show {sha}); the document's dates come from the other commits"]
    assert all(p.warning for p in history.problems)
    assert [r.getMessage() for r in caplog.records] == [f"history: {message}"]
    feed = ET.fromstring(changes_feed(load_archive(repo), "https://t.example.org/"))
    assert feed.findtext("{http://www.w3.org/2005/Atom}updated") == "2024-01-02T10:00:00+00:00"


def test_check_warns_of_a_commit_dated_in_the_future(repo, capsys):
    from undersigned.cli import main

    letter = repo / "letters" / f"{A}.md"
    letter.write_text(letter.read_text().replace("We write", "We wrote"))
    _commit(repo, "Correct", "2099-01-01T00:00:00+00:00")
    assert main(["--root", str(repo), "check"]) == 0
    sha = read_history(repo).changes[0].commit[:12]
    assert capsys.readouterr().err == (
        f"warning: letters/{A}.md: commit {sha} is dated 2099-01-01, in the future; its date "
        f"is not used\n  hint: a committer date is set by whoever commits: check that commit "
        f"(git show {sha}); the document's dates come from the other commits\n")


def test_a_text_correction_says_what_changed_in_words():
    from undersigned.core.textdiff import text_change
    assert text_change("We write to you", "We wrote to you") == \
        "text corrected: ‘write’ → ‘wrote’"
    assert text_change("a b\nc", "a  b c") == "text re-flowed (line breaks and spacing only)"
    assert text_change("one two three", "one three") == "text corrected: ‘two’ removed"
    assert text_change("x " * 50, "y " * 60) == "text corrected (60 words added, 50 words removed)"
