"""The corpus of bad inputs (tests/data/bad): `undersigned check` and `mkdocs build --strict`
report every problem at once, exactly, and no good letter is affected or dropped."""

from __future__ import annotations

import logging
import os
import shutil
import time

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from helpers import DATA, archive_words
from undersigned.cli import main
from undersigned.core.load import load_archive

EXPECTED = (DATA / "bad" / "expected.txt").read_text(encoding="utf-8")


@pytest.fixture
def bad_archive(tmp_path):
    root = tmp_path / "bad"
    shutil.copytree(DATA / "bad", root, symlinks=True)
    (root / "expected.txt").unlink()
    big = root / "letters" / "2020-01-22-huge.md"
    big.write_text("---\ntitle: Huge\n---\n\n" + "word " * 1_100_000)  # 5.5 MB
    os.symlink("/etc/hostname", root / "letters" / "2020-01-23-symlink-outside.md")
    os.symlink("/etc/hostname", root / "letters" / "2020-02-03-original-link.txt")
    os.symlink("/etc", root / "letters" / "linked-folder")
    (root / "docs").mkdir()
    os.symlink("/etc/passwd", root / "docs" / "passwd.md")
    return root


def test_check_reports_everything_exactly(bad_archive, capsys):
    started = time.perf_counter()
    assert main(["--root", str(bad_archive), "check"]) == 1
    assert time.perf_counter() - started < 30  # the 5 MB letter is refused, never a hang
    assert archive_words(capsys.readouterr().out) == archive_words(EXPECTED)
    # again, now from the parse cache: every problem, word for word, in the same order
    assert load_archive(bad_archive).cache_stats[0] > 20
    assert main(["--root", str(bad_archive), "check"]) == 1
    assert archive_words(capsys.readouterr().out) == archive_words(EXPECTED)


def test_good_letters_are_not_affected(bad_archive):
    archive = load_archive(bad_archive)
    slugs = {x.slug for x in archive.letters}
    assert {"2020-01-01-good", "2020-01-01-good-twin", "2020-01-02-bom-crlf"} <= slugs
    assert archive.by_slug["2020-01-02-bom-crlf"].title == "A letter"


def test_mkdocs_build_strict_fails_with_the_same_report(bad_archive, tmp_path):
    config_file = bad_archive / "mkdocs.yml"
    (bad_archive / "docs" / "index.md").write_text("# Bad\n")
    config_file.write_text(
        "site_name: Bad inputs\nstrict: true\ntheme:\n  name: material\n  font: false\n"
        "plugins: [undersigned]\n")
    messages: list[str] = []

    class Handler(logging.Handler):
        def emit(self, record):
            messages.append(record.getMessage())

    handler = Handler(logging.ERROR)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        config = load_config(str(config_file), site_dir=str(tmp_path / "site"), strict=True)
        with pytest.raises(Abort):
            build(config)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    assert [archive_words(m) for m in messages] == [
        "the archive has problems:\n" + archive_words(EXPECTED).rstrip("\n")]
    assert not (tmp_path / "site" / "index.html").exists()
