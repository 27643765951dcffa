"""The fact checks' findings kept between runs (audit/memo.py): a second `check` takes them
from the cache and says exactly what a check without cache says; a change to anything a
letter's findings are made of — its related documents, the registry, the bundled data — is
checked again."""

from __future__ import annotations

from pathlib import Path

import pytest

from undersigned.audit import run
from undersigned.cli import main

HUTCHISON = "letters/2006-03-09-sen-hutchison-letter-nadbank.md"  # names three Senators
SNOW = "letters/2006-03-09-letter-secretary-john-w-snow.md"  # the related letter that lists them


def check(root: Path, capsys) -> tuple[int, str, str]:
    code = main(["--root", str(root), "check", "--strict"])
    out = capsys.readouterr()
    return code, out.out, out.err


def no_check_may_run(monkeypatch) -> None:
    def refuse(*_args):
        raise AssertionError("a check ran although its findings were kept")
    monkeypatch.setattr(run, "CHECKS", tuple(refuse for _ in run.CHECKS))


def test_a_second_check_takes_the_kept_findings_and_says_the_same(real_archive, capsys,
                                                                   monkeypatch):
    first = check(real_archive, capsys)
    assert first[0] == 0 and "verified: " in first[2]
    with monkeypatch.context() as m:
        no_check_may_run(m)
        assert check(real_archive, capsys) == first
    monkeypatch.setenv("UNDERSIGNED_CACHE", "0")  # without any cache: the same words
    assert check(real_archive, capsys) == first


def test_a_change_to_a_related_document_checks_the_unchanged_release_again(real_archive,
                                                                            capsys):
    assert check(real_archive, capsys)[0] == 0
    path = real_archive / SNOW
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- Jeff Bingaman\n", "", 1), encoding="utf-8")
    code, out, _ = check(real_archive, capsys)
    assert code == 1
    assert (f"{HUTCHISON}:16: the text names 1 signer the archive does not list for it: "
            "Jeff Bingaman") in out, out


@pytest.mark.parametrize("what", ["registry", "data"])
def test_a_change_to_the_registry_or_the_bundled_data_checks_every_letter_again(
        real_archive, capsys, monkeypatch, what):
    assert check(real_archive, capsys)[0] == 0
    if what == "registry":
        path = real_archive / "signatories.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    else:
        monkeypatch.setattr("undersigned.audit.memo.data_version", lambda: "other data")
    ran = []
    for k, original in enumerate(run.CHECKS):
        def counted(archive, verdicts, letter, original=original, k=k):
            ran.append(k)
            original(archive, verdicts, letter)
        monkeypatch.setattr(run, "CHECKS", (*run.CHECKS[:k], counted, *run.CHECKS[k + 1:]))
    code, _, err = check(real_archive, capsys)
    assert code == 0 and "verified: " in err
    documents = len(list((real_archive / "letters").glob("*.md")))
    assert len(ran) == documents * len(run.CHECKS)


CHERTOFF = "letters/2007-06-20-letter-secretary-michael-chertoff.md"  # acknowledges a count


def _unacknowledged(root: Path) -> None:
    """Take away the Chertoff letter's `acknowledged:`: its count finding is reported."""
    path = root / CHERTOFF
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(next(x for x in lines if x.startswith("acknowledged:")))
    end = start + 1
    while lines[end].startswith("  "):
        end += 1
    path.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")


def test_a_link_replaced_by_a_copy_of_its_bytes_prints_the_copys_path(real_archive, capsys,
                                                                      monkeypatch):
    """Findings print a link's target; a copy in its place is another file (review: a kept
    entry printed the target's path for the copy)."""
    _unacknowledged(real_archive)
    link = real_archive / "letters" / "2007-06-20-zz-copy.md"
    link.symlink_to(real_archive / CHERTOFF)
    check(real_archive, capsys)
    link.unlink()
    link.write_bytes((real_archive / CHERTOFF).read_bytes())
    cached = check(real_archive, capsys)
    assert "letters/2007-06-20-zz-copy.md:" in cached[1]
    monkeypatch.setenv("UNDERSIGNED_CACHE", "0")
    assert check(real_archive, capsys) == cached


def test_a_registry_saved_while_the_archive_loads_keeps_no_findings(real_archive, capsys,
                                                                    monkeypatch):
    """The findings are keyed by the registry the archive was loaded with, never by the file
    read again later; saved meanwhile, nothing is kept (review: old findings under the new
    registry's key)."""
    from undersigned.core import load
    registry = real_archive / "signatories.yaml"
    real = load.load_topics

    def topics_then_save(path):  # the registry saved between the two looks of load_archive
        registry.write_text(registry.read_text(encoding="utf-8") + "\n# saved\n",
                            encoding="utf-8")
        return real(path)

    monkeypatch.setattr(load, "load_topics", topics_then_save)
    archive = load.load_archive(real_archive)
    assert archive.context == ""
    monkeypatch.undo()
    assert load.load_archive(real_archive).context != ""


def test_warnings_with_and_without_a_line_in_one_file_sort(capsys):
    from undersigned.core.problems import Problem, problem_order
    found = [Problem("a.md", 3, "x", "h", warning=True), Problem("a.md", None, "y", None, True)]
    assert [p.line for p in sorted(found, key=problem_order)] == [None, 3]


def test_a_letter_changed_during_the_check_is_said_without_a_traceback(real_archive, capsys,
                                                                       monkeypatch):
    from undersigned.core.letters import LetterChanged

    def changed(*_args):
        raise LetterChanged(f"{real_archive / CHERTOFF}: changed after it was checked")
    monkeypatch.setattr(run, "CHECKS", (changed,))
    code = main(["--root", str(real_archive), "check"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.endswith("2007-06-20-letter-secretary-michael-chertoff.md: changed after it was "
                        "checked\n  hint: a letter was edited while it was being checked; run "
                        "the command again\n")


def test_a_database_another_process_holds_locked_is_not_deleted(real_archive, capsys,
                                                                monkeypatch):
    import sqlite3

    from undersigned.core import cache
    check(real_archive, capsys)
    db = next(Path(cache.cache_dir()).glob("*-audit.sqlite"))
    inode = db.stat().st_ino
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: _connect(*a, **{**k, "timeout": 0}))
        assert check(real_archive, capsys)[0] == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert db.stat().st_ino == inode  # the same file, never set aside under its holder
    assert sqlite3.connect(db).execute("SELECT count(*) FROM letters").fetchone()[0] > 0


_connect = __import__("sqlite3").connect
