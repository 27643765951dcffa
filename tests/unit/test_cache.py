"""The parse cache (undersigned/cache.py): outside the repository, keyed by content, never
stale, and harmless when damaged."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3

import pytest

from undersigned.core import cache as cache_module
from undersigned.core import cachekey
from undersigned.core.load import Remembered, load_archive


def snapshot(archive) -> tuple:
    """Everything a load produces that the pages and exports read."""
    letters = [(dataclasses.astuple(dataclasses.replace(x, packed=b"")), x.body, x.original)
               for x in archive.letters]  # (a body in memory or in its file: the same text)
    entities = [dataclasses.astuple(e) for e in archive.registry.entities.values()]
    return letters, entities, sorted(str(p) for p in archive.problems), archive.registry._index


def fresh(root, monkeypatch):
    """The archive loaded with the cache turned off."""
    with monkeypatch.context() as m:
        m.setenv("UNDERSIGNED_CACHE", "0")
        archive = load_archive(root)
    assert archive.cache_stats[0] == 0
    return archive


def db_file(tmp_path):
    files = list((tmp_path / "cache").glob("*.sqlite"))
    assert len(files) == 1
    return files[0]


def test_second_load_comes_from_the_cache_and_equals_a_fresh_parse(real_archive, monkeypatch):
    first = load_archive(real_archive)
    n = len(first.letters)
    assert n >= 15 and first.cache_stats == (0, n, 0)
    second = load_archive(real_archive)
    assert second.cache_stats == (n, 0, 0)
    assert snapshot(second) == snapshot(first) == snapshot(fresh(real_archive, monkeypatch))


def test_the_cache_lives_outside_the_repository(real_archive, tmp_path):
    load_archive(real_archive)
    database = db_file(tmp_path)
    assert not database.resolve().is_relative_to(real_archive.resolve())
    assert not any(p.suffix == ".sqlite" for p in real_archive.rglob("*"))


def test_turned_off_it_writes_nothing(real_archive, tmp_path, monkeypatch):
    monkeypatch.setenv("UNDERSIGNED_CACHE", "0")
    load_archive(real_archive)
    assert not (tmp_path / "cache").exists()


def test_changed_letter_registry_and_topics_are_never_served_stale(real_archive, monkeypatch):
    load_archive(real_archive)
    letter = sorted((real_archive / "letters").glob("*.md"))[3]
    lines = letter.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("title: "))
    lines[at] = 'title: "Changed title"'
    letter.write_text("\n".join(lines), encoding="utf-8")
    after = load_archive(real_archive)
    assert after.by_slug[letter.stem].title == "Changed title"
    assert after.cache_stats[:2] == (len(after.letters) - 1, 1)
    assert snapshot(after) == snapshot(fresh(real_archive, monkeypatch))

    registry = real_archive / "signatories.yaml"
    entity = next(x for x in after.letters if x.signatures).signatures[0].id
    old_name = after.registry.entities[entity].name
    lines = registry.read_text(encoding="utf-8")
    registry.write_text(lines.replace(f"\n{entity}:\n  name: {old_name}\n",
                                      f"\n{entity}:\n  name: {old_name} Renamed\n"),
                        encoding="utf-8")
    renamed = load_archive(real_archive)
    assert renamed.registry.entities[entity].name == f"{old_name} Renamed"
    assert renamed.cache_stats[0] == 0  # every letter is checked against the new registry
    assert snapshot(renamed) == snapshot(fresh(real_archive, monkeypatch))

    topics = real_archive / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("title: ", "title: New ", 1),
                      encoding="utf-8")
    retitled = load_archive(real_archive)
    assert retitled.cache_stats[0] == 0
    assert snapshot(retitled) == snapshot(fresh(real_archive, monkeypatch))


def test_a_letter_that_becomes_wrong_is_reported_from_then_on(real_archive):
    load_archive(real_archive)
    letter = sorted((real_archive / "letters").glob("*.md"))[0]
    letter.write_text(letter.read_text(encoding="utf-8").replace("\ntype: ", "\ntype: memo-", 1),
                      encoding="utf-8")
    for _ in range(2):  # parsed, then from the cache: the same problem both times
        problems = [str(p) for p in load_archive(real_archive).problems if not p.warning]
        assert len(problems) == 1 and problems[0].startswith(f"letters/{letter.name}:")
        assert "'type' is 'memo-" in problems[0]


def test_a_renamed_file_is_parsed_under_its_new_name(real_archive, monkeypatch):
    load_archive(real_archive)
    letter = sorted((real_archive / "letters").glob("*.md"))[0]
    moved = letter.with_name("2001-01-01-moved.md")
    letter.rename(moved)
    problems = [str(p) for p in load_archive(real_archive).problems if not p.warning]
    assert any(p.startswith("letters/2001-01-01-moved.md:3: slug date 2001-01-01 differs")
               for p in problems)
    assert not any(p.startswith(f"letters/{letter.name}") for p in problems)
    assert problems == [str(p) for p in fresh(real_archive, monkeypatch).problems
                        if not p.warning]


def test_a_new_version_of_the_code_does_not_read_old_entries(real_archive, monkeypatch):
    first = load_archive(real_archive)
    monkeypatch.setattr(cache_module, "_CODE", "another version of the code")
    again = load_archive(real_archive)
    assert again.cache_stats == (0, len(first.letters), 0)


def test_garbage_in_place_of_the_database_is_set_aside(real_archive, tmp_path, monkeypatch):
    expected = snapshot(load_archive(real_archive))
    database = db_file(tmp_path)
    database.write_bytes(b"this is not a database\0" * 500)
    damaged = load_archive(real_archive)
    assert damaged.cache_stats[2] >= 1
    assert snapshot(damaged) == expected
    assert load_archive(real_archive).cache_stats[0] == len(damaged.letters)  # rebuilt


def test_damaged_entries_are_ignored_and_recomputed(real_archive, tmp_path, monkeypatch):
    expected = snapshot(load_archive(real_archive))
    database = sqlite3.connect(db_file(tmp_path))
    with database:
        # flipped bytes (the checksum no longer matches) and a payload of the wrong shape
        # with a matching checksum
        rows = database.execute("SELECT rowid, payload, rel, hash, context FROM letters WHERE "
                                "rel LIKE 'letters/%' ORDER BY rel LIMIT 2").fetchall()
        (a, pa, *_), (b, _pb, *place) = rows
        database.execute("UPDATE letters SET payload = ? WHERE rowid = ?", (pa[:-5], a))
        wrong = '{"letter": {"title": 1}, "problems": [], "parsed": true}'
        key = cachekey.load_key(tmp_path / "cache")
        database.execute("UPDATE letters SET payload = ?, checksum = ? WHERE rowid = ?",
                         (wrong, cachekey.seal(key, *place, wrong), b))
    database.close()
    loaded = load_archive(real_archive)
    assert loaded.cache_stats[2] == 2  # both broken entries were noticed, and recomputed
    assert snapshot(loaded) == expected
    assert load_archive(real_archive).cache_stats == (len(loaded.letters), 0, 0)


def test_serve_takes_unchanged_files_by_signature_and_rereads_any_write(real_archive,
                                                                         monkeypatch):
    """Between two loads of `mkdocs serve` (one Remembered, held by its session), a file whose
    inode, size and times are unchanged is not read again; a write of the same size with its
    modification time set back is still seen (its status-change time moved)."""
    import os
    import time
    from pathlib import Path

    expected = snapshot(fresh(real_archive, monkeypatch))
    remembered = Remembered()
    load_archive(real_archive, remember=remembered)
    path = sorted((real_archive / "letters").glob("*.md"))[0]
    reads: list[str] = []
    real_open = Path.open

    def counting_open(self, *args, **kwargs):
        if self.suffix == ".md" and self.parent.name == "letters":
            reads.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counting_open)
    again = load_archive(real_archive, remember=remembered)
    assert reads == []  # every letter taken by its signature
    assert snapshot(again) == expected

    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    same_length = "title: " + "X" * (len(title) - len("title: "))
    before = os.stat(path)
    time.sleep(0.01)
    path.write_text(text.replace(title, same_length, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # modification time set back
    assert os.stat(path).st_size == before.st_size
    changed = load_archive(real_archive, remember=remembered)
    assert set(reads) == {path.name}  # only the file written to
    assert changed.by_slug[path.stem].title == same_length[len("title: "):]
    reads.clear()
    load_archive(real_archive)  # check and build remember nothing: every file is read
    assert len(reads) == len(changed.letters)


@pytest.mark.parametrize("cached", [False, True])
def test_a_build_reads_bodies_again_and_refuses_a_file_changed_since_its_check(
        real_archive, monkeypatch, cached):
    """`check` and `mkdocs build` leave each body in its file (parsed now, or from the cache)
    and read it when a page needs it: the same text, or -- if the file changed since it was
    checked -- an error naming it, never the new body under the old front matter."""
    from undersigned.core.letters import BodyInFile, LetterChanged

    if cached:
        load_archive(real_archive)  # fills the cache
    archive = load_archive(real_archive)
    assert archive.cache_stats[0] == (len(archive.letters) if cached else 0)
    held = load_archive(real_archive, remember=Remembered())  # `mkdocs serve` keeps them
    letter = archive.letters[0]
    assert isinstance(letter.packed, BodyInFile)
    assert all(isinstance(x.packed, BodyInFile) for x in archive.letters)
    assert all(isinstance(x.packed, bytes) for x in held.letters)
    assert [x.body for x in archive.letters] == [x.body for x in held.letters]
    text = letter.path.read_text(encoding="utf-8")
    assert text.endswith(letter.body) and letter.body.strip()
    letter.path.write_text(text + "A sentence added.\n", encoding="utf-8")
    with pytest.raises(LetterChanged) as caught:
        _ = letter.body
    assert str(caught.value) == f"{letter.path}: changed after it was checked"
    letter.path.unlink()
    with pytest.raises(LetterChanged) as caught:
        _ = letter.body
    assert str(caught.value) == (f"{letter.path}: could not be read again after it was "
                                 "checked (No such file or directory)")


def test_signatures_share_the_strings_they_repeat(real_archive):
    """A signatory's name, id and role are held once however many letters print them."""
    for _ in range(2):  # parsed, then from the cache
        archive = load_archive(real_archive)
        sigs = [s for x in archive.letters for s in x.signatures]
        by_id: dict[str, list] = {}
        for s in sigs:
            by_id.setdefault(s.id, []).append(s)
        repeated = [group for group in by_id.values() if len(group) > 1]
        assert repeated
        for group in repeated:
            assert len({id(s.id) for s in group}) == 1


def test_a_letter_swapped_for_a_huge_file_or_a_link_is_refused_without_reading_it_all(
        real_archive, tmp_path, monkeypatch):
    """Reading a body again reads at most the size a letter may have, and only the bytes
    that were checked are used: a file replaced by a huge one, or by a link to another file,
    is a changed letter, whatever it holds."""
    from undersigned.core.letters import MAX_BYTES, LetterChanged

    archive = load_archive(real_archive)
    first, second = archive.letters[0], archive.letters[1]
    huge = first.path.read_bytes() + b"x" * (MAX_BYTES * 3)
    first.path.write_bytes(huge)
    reads: list[int] = []
    real_open = type(first.path).open

    def counting_open(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        real_read = handle.read

        class Handle:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                handle.close()

            def read(self, n=-1):
                data = real_read(n)
                reads.append(len(data))
                return data
        return Handle()

    with monkeypatch.context() as m:
        m.setattr(type(first.path), "open", counting_open)
        with pytest.raises(LetterChanged) as caught:
            _ = first.body
    assert str(caught.value) == f"{first.path}: changed after it was checked"
    assert reads == [MAX_BYTES + 1]
    outside = tmp_path / "secret.txt"
    outside.write_text("not a letter\n", encoding="utf-8")
    second.path.unlink()
    second.path.symlink_to(outside)
    with pytest.raises(LetterChanged) as caught:
        _ = second.body
    assert str(caught.value) == f"{second.path}: changed after it was checked"


# ---- trust: the MAC key ----------------------------------------------------------------------

def _plant(database_path, letter_rel: str, title: str, seal=None) -> None:
    """Rewrite the cached title of one letter, with a checksum that matches the new payload:
    the plain BLAKE2 of it (what anyone who can write the folder can compute), or ``seal``."""
    database = sqlite3.connect(database_path)
    with database:
        rel, h, ctx, payload = database.execute(
            "SELECT rel, hash, context, payload FROM letters WHERE rel = ?",
            (letter_rel,)).fetchone()
        planted = payload.replace(json.dumps(json.loads(payload)["letter"]["title"],
                                             ensure_ascii=False), json.dumps(title), 1)
        assert planted != payload
        check = seal(rel, h, ctx, planted) if seal else cache_module.digest(planted.encode())
        database.execute("UPDATE letters SET payload = ?, checksum = ? WHERE rel = ?",
                         (planted, check, rel))
    database.close()


def test_a_planted_entry_with_a_recomputed_checksum_is_not_published(real_archive, tmp_path,
                                                                     monkeypatch):
    expected = snapshot(load_archive(real_archive))
    letter = sorted((real_archive / "letters").glob("*.md"))[2]
    rel = f"letters/{letter.name}"
    _plant(db_file(tmp_path), rel, "Planted title")
    loaded = load_archive(real_archive)
    assert loaded.cache_stats[2] == 1  # noticed, and parsed again from the letter file
    assert snapshot(loaded) == expected
    (mine,) = [x for x in loaded.letters if x.path.name == letter.name]
    assert mine.title != "Planted title" and f"title: {mine.title}" in letter.read_text()
    # the same payload sealed with the right key is taken: the key is what is trusted
    key = cachekey.load_key(tmp_path / "cache")
    _plant(db_file(tmp_path), rel, "Planted title",
           lambda *entry: cachekey.seal(key, *entry))
    assert [x.title for x in load_archive(real_archive).letters
            if x.path.name == letter.name] == ["Planted title"]


def test_the_key_is_private_and_a_copied_cache_is_rebuilt(real_archive, tmp_path, monkeypatch):
    first = load_archive(real_archive)
    key_file = tmp_path / "cache" / cachekey.KEY_FILE
    assert key_file.stat().st_mode & 0o777 == 0o600 and len(key_file.read_bytes()) == 32
    # the folder copied elsewhere, key and all, by another account or on another machine
    monkeypatch.setattr(cachekey.socket, "gethostname", lambda: "another-machine")
    assert load_archive(real_archive).cache_stats[0] == 0
    monkeypatch.undo()
    monkeypatch.setenv("UNDERSIGNED_CACHE_DIR", str(tmp_path / "cache"))
    # a database brought in without its key: a new key, nothing taken from it
    shutil.copytree(tmp_path / "cache", tmp_path / "copy")
    (tmp_path / "copy" / cachekey.KEY_FILE).unlink()
    monkeypatch.setenv("UNDERSIGNED_CACHE_DIR", str(tmp_path / "copy"))
    copied = load_archive(real_archive)
    assert copied.cache_stats == (0, len(first.letters), copied.cache_stats[2])
    assert snapshot(copied) == snapshot(first)


def test_a_key_others_can_read_or_a_link_is_replaced(real_archive, tmp_path):
    load_archive(real_archive)
    key_file = tmp_path / "cache" / cachekey.KEY_FILE
    old = key_file.read_bytes()
    key_file.chmod(0o644)  # readable by others: they could seal entries
    assert load_archive(real_archive).cache_stats[0] == 0
    assert key_file.read_bytes() != old and key_file.stat().st_mode & 0o777 == 0o600
    key_file.unlink()
    (tmp_path / "elsewhere").write_bytes(b"k" * 32)
    key_file.symlink_to(tmp_path / "elsewhere")
    assert load_archive(real_archive).cache_stats[0] == 0
    assert not key_file.is_symlink() and (tmp_path / "elsewhere").read_bytes() == b"k" * 32
