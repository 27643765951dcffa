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
