"""What `undersigned import` writes, when two run at once or one stops half-way: one import at
a time (a lock in the archive root; the second waits and sees the first's registry entries),
and every file or a journal that the next import finishes (journal.py)."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

import undersigned.core.journal as journal
from undersigned.cli import main
from undersigned.core.journal import JOURNAL, LOCK, import_lock
from undersigned.core.registry import load_registry

LETTER_TEXT = """Letter to Secretary Tillerson on {topic}

March {day}, 2017

The Honorable Rex Tillerson
Secretary of State
Washington, DC 20520

Dear Secretary Tillerson:

We write about {topic}, the asylum of migrants, and urge you to act.

Sincerely,

Alan Lowenthal
Member of Congress

{signer}
Director, {signer} Foundation
"""


def _text(root, k: int, signer: str):
    path = root / f"in-{k}.txt"
    path.write_text(LETTER_TEXT.format(topic=f"topic number {k}", day=k, signer=signer),
                    encoding="utf-8")
    return path


def _slow_registry_writes(seconds: float) -> None:
    """Widen the window between reading signatories.yaml and replacing it (in this process):
    without a lock, two imports both read it before either writes, and one loses."""
    import undersigned.core.writes as writes

    real = writes.tempfile.mkstemp

    def slow(*args, **kwargs):
        if str(kwargs.get("prefix", "")).startswith(".signatories.yaml"):
            time.sleep(seconds)
        return real(*args, **kwargs)

    writes.tempfile.mkstemp = slow  # type: ignore[assignment]


def _run_import(root: str, text: str, barrier, results) -> None:
    import contextlib
    import io

    _slow_registry_writes(0.6)
    barrier.wait()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(["--root", root, "import", text, "--add-new"])
    results.put((text, code))


def test_two_imports_at_once_both_keep_their_registry_entries(archive_dir):
    root = archive_dir(letter=False)
    texts = [_text(root, 1, "Zora Quintanilla"), _text(root, 2, "Yves Ortolan")]
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_run_import, args=(str(root), str(t), barrier, results))
               for t in texts]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert sorted(results.get(timeout=5)[1] for _ in workers) == [0, 0]
    registry, problems = load_registry(root / "signatories.yaml")
    assert problems == []
    assert {"zora-quintanilla", "yves-ortolan"} <= set(registry.entities)
    assert len(list((root / "letters").glob("*.md"))) == 2
    assert not (root / LOCK).exists() and not (root / JOURNAL).exists()


def _failing_third_write(monkeypatch):
    real, calls = journal.write_atomic, []

    def fail(path, data):
        calls.append(path)
        if len(calls) == 3:  # the journal, the original, then the letter: the disk is full
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(journal, "write_atomic", fail)


def test_an_import_stopped_half_way_is_finished_by_the_next(archive_dir, tmp_path, capsys,
                                                            monkeypatch):
    clean = archive_dir(letter=False)
    text = _text(clean, 1, "Zora Quintanilla")
    assert main(["--root", str(clean), "import", str(text), "--add-new"]) == 0
    expected = {p.relative_to(clean).as_posix(): p.read_bytes() for p in clean.rglob("*")
                if p.is_file()}
    capsys.readouterr()

    root = tmp_path / "other"
    root.mkdir()
    for rel, data in expected.items():  # the same archive before the import
        if not rel.startswith("letters/"):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(data)
    (root / "signatories.yaml").write_bytes((clean / "signatories.yaml").read_bytes().split(
        b"zora-quintanilla:")[0])
    _failing_third_write(monkeypatch)
    assert main(["--root", str(root), "import", str(root / "in-1.txt"), "--add-new"]) == 1
    slug = next(r for r in expected if r.endswith(".md") and r.startswith("letters/"))
    assert capsys.readouterr().err.endswith(
        f"error: {slug}: cannot be written (No space left on device); the import stopped "
        "after 1 of its 3 files\n  hint: fix the cause, then run `undersigned import "
        f"--resume`: {JOURNAL} holds every file and finishes the import\n")
    assert (root / JOURNAL).exists() and not (root / slug).exists()
    assert b"zora-quintanilla" not in (root / "signatories.yaml").read_bytes()

    monkeypatch.undo()
    assert main(["--root", str(root), "import", "--resume"]) == 0
    assert capsys.readouterr().err == (
        f"note: finished an interrupted import ({JOURNAL}): wrote {slug}, signatories.yaml\n")
    got = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
           if p.is_file()}
    assert got == expected  # byte for byte the import that was never stopped


def test_a_file_changed_since_the_interrupted_import_is_not_overwritten(archive_dir, capsys,
                                                                       monkeypatch):
    root = archive_dir(letter=False)
    text = _text(root, 1, "Zora Quintanilla")
    _failing_third_write(monkeypatch)
    assert main(["--root", str(root), "import", str(text), "--add-new"]) == 1
    monkeypatch.undo()
    registry = root / "signatories.yaml"
    registry.write_text(registry.read_text() + "# edited by hand\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(root), "import", "--resume"]) == 1
    assert capsys.readouterr().err == (
        "error: signatories.yaml: changed since the interrupted import was planned; not "
        f"overwritten\n  hint: compare it with git, then remove {JOURNAL} (or restore the file "
        "and import again)\n")
    assert registry.read_text().endswith("# edited by hand\n") and (root / JOURNAL).exists()


def test_an_import_waits_for_another_then_says_it_is_running(archive_dir, capsys,
                                                             monkeypatch):
    root = archive_dir(letter=False)
    text = _text(root, 1, "Zora Quintanilla")
    monkeypatch.setattr(journal, "LOCK_WAIT", 0.3)
    with import_lock(root):
        assert main(["--root", str(root), "import", str(text), "--add-new"]) == 1
    assert capsys.readouterr().err == (
        f"note: waiting for another import to finish (process {os.getpid()})\n"
        f"error: {LOCK}: another import is running (process {os.getpid()})\n  hint: wait for "
        f"it to finish and import again; if no import is running, remove {LOCK}\n")
    assert not (root / "letters").exists() or not list((root / "letters").iterdir())


def test_a_lock_left_by_a_process_that_died_is_taken_over(archive_dir, capsys):
    root = archive_dir(letter=False)
    text = _text(root, 1, "Zora Quintanilla")
    (root / LOCK).write_text("999999999\n")  # no process holds it any more
    assert main(["--root", str(root), "import", str(text), "--add-new"]) == 0
    assert not (root / LOCK).exists()
    assert "zora-quintanilla:" in (root / "signatories.yaml").read_text()


@pytest.mark.parametrize("name", [LOCK, JOURNAL])
def test_the_lock_and_the_journal_are_ignored_by_git(name):
    from helpers import REPO

    assert f"/{name}" in (REPO / ".gitignore").read_text().splitlines()


@pytest.mark.parametrize("rel", ["mkdocs.yml", "pwn_hook.py", ".git/hooks/pre-commit",
                                 "letters/../mkdocs.yml", "letters/sub/x.md", "topics.yaml",
                                 "docs/overrides/main.html"])
def test_a_journal_naming_a_file_no_import_writes_is_refused_whole(archive_dir, capsys, rel):
    """A planted journal (a pull request can add one) cannot make the next import write a
    config, a build hook or a git hook: it is refused before anything is written."""
    import base64
    import json

    root = archive_dir(letter=False)
    before = (root / "mkdocs.yml").read_bytes()
    entries = [{"path": "letters/2020-01-01-a.md", "before": None,
                "data": base64.b64encode(b"x").decode()},
               {"path": rel, "before": None, "data": base64.b64encode(b"hooks: [x]").decode()}]
    (root / JOURNAL).write_text(json.dumps({"version": 1, "writes": entries}))
    assert main(["--root", str(root), "import", "--resume"]) == 1
    assert capsys.readouterr().err == (
        f"error: {JOURNAL}: names {rel!r}, which no import writes (only letters/*.md, "
        "letters/*.txt and signatories.yaml); nothing was written\n  hint: a journal is never "
        f"committed; remove {JOURNAL} and check `git status`\n")
    assert (root / "mkdocs.yml").read_bytes() == before
    assert not (root / "letters" / "2020-01-01-a.md").exists()
    assert not (root / "pwn_hook.py").exists()


def test_a_document_without_topics_is_not_written_and_topic_gives_them(archive_dir, capsys):
    """`import` never writes what `check` refuses: no topic proposed and none given is an
    error with the option to pass; --topic gives them (an unknown id is refused)."""
    root = archive_dir(letter=False)
    text = root / "in-x.txt"
    text.write_text(LETTER_TEXT.format(topic="roads", day=2, signer="Zora Quintanilla")
                    .replace(", the asylum of migrants,", ""), encoding="utf-8")
    assert main(["--root", str(root), "import", str(text), "--add-new"]) == 1
    err = capsys.readouterr().err
    assert (f"error: {text.as_posix()}:1: a document without topics would not pass `check`; nothing is "
            "written\n  hint: pass --topic ID (an id of topics.yaml; --topic again for more)"
            ) in err
    assert not (root / "letters").exists() or not list((root / "letters").glob("*.md"))
    assert main(["--root", str(root), "import", str(text), "--topic", "roads"]) == 1
    assert ("error: --topic: 'roads' is no topic of topics.yaml\n  hint: use an id listed in "
            "topics.yaml") in capsys.readouterr().err
    assert main(["--root", str(root), "import", str(text), "--add-new", "--topic",
                 "security-assistance"]) == 0
    written = next((root / "letters").glob("*.md")).read_text(encoding="utf-8")
    assert "\ntopics: [security-assistance]\n" in written
    assert main(["--root", str(root), "check"]) == 0


_LETTER = """November 17, 2006

The Honorable Michael Chertoff
Secretary
Department of Homeland Security
Washington, D.C. 20528

Dear Mr. Secretary:

We urge you to meet with the mayors of the communities along the border with Mexico before the
fence is built.

Sincerely,

Kay Bailey Hutchison
United States Senator

John Cornyn
United States Senator
"""


def _release(headline: str, lead: str) -> str:
    return (f"{headline}\n\n{lead} Senators Hutchison and Cornyn sent a letter to Secretary "
            "Chertoff about the border fence and its effect on border communities. The letter "
            f"follows:\n\n{_LETTER}")


def test_a_release_reproducing_a_letter_in_the_archive_is_linked_to_it(archive_dir, capsys,
                                                                        tmp_path):
    """A second release that prints a letter imported from another release is linked to the
    letter; the letter is not written twice (nor refused as 'another document')."""
    root = archive_dir(letter=False)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(_release("SENATORS URGE CHERTOFF TO MEET BORDER MAYORS",
                              "Washington, D.C. -"))
    second.write_text(_release("SEN. HUTCHISON COMMENTS ON CHERTOFF'S VISIT TO THE BORDER",
                               "Washington, D.C. - Last year, the"))
    assert main(["--root", str(root), "import", str(first), "--add-new",
                 "--topic", "migration"]) == 0
    capsys.readouterr()
    letter = "2006-11-17-letter-secretary-michael-chertoff"
    before = (root / "letters" / f"{letter}.md").read_bytes()
    assert main(["--root", str(root), "import", str(second), "--add-new",
                 "--topic", "migration"]) == 0
    out, err = capsys.readouterr()
    assert (f"the letter it reproduces is in the archive already: letters/{letter}.md (its "
            "original: letters/2006-11-17-senators-urge-chertoff-meet-border-mayors.txt, the "
            "same title, date and signers); the release is linked to it and the letter is not "
            "written again") in err
    release = "2006-11-17-sen-hutchison-comments-chertoff-visit-border"
    assert out.splitlines() == [f"wrote letters/{release}.md (press-release, 0 signatories)"]
    assert (root / "letters" / f"{letter}.md").read_bytes() == before
    assert f"related: [{letter}]" in (root / "letters" / f"{release}.md").read_text()
    code = main(["--root", str(root), "check", "--strict", "--reconvert"])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    assert "(1 letter also read in another original that reproduces it)" in err


def test_a_reproduced_letter_with_other_signers_is_not_taken_for_the_one_in_the_archive(
        archive_dir, capsys, tmp_path):
    """Same title and date, other signers: another letter, refused as before (never linked to
    the wrong one, never written as '-2')."""
    root = archive_dir(letter=False)
    first, other = tmp_path / "first.txt", tmp_path / "other.txt"
    first.write_text(_release("SENATORS URGE CHERTOFF TO MEET BORDER MAYORS",
                              "Washington, D.C. -"))
    other.write_text(_release("SEN. DOE COMMENTS", "Washington, D.C. -").replace(
        "John Cornyn", "Jane Doe"))
    assert main(["--root", str(root), "import", str(first), "--add-new",
                 "--topic", "migration"]) == 0
    before = sorted(p.name for p in (root / "letters").iterdir())
    capsys.readouterr()
    assert main(["--root", str(root), "import", str(other), "--add-new",
                 "--topic", "migration"]) == 1
    err = capsys.readouterr().err
    assert ("letters/2006-11-17-letter-secretary-michael-chertoff.md is another document "
            "with this title and date") in err
    assert "in the archive already: letters/" not in err
    assert sorted(p.name for p in (root / "letters").iterdir()) == before
