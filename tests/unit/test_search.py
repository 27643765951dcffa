"""The search records Pagefind indexes, built from the model."""

from __future__ import annotations

import dataclasses

import pytest

from helpers import REPO
from undersigned.core.load import load_archive
from undersigned.core.settings import Settings
from undersigned.outputs.search import plain_text, record, shard_dirs, shard_ranges, shards

TILLERSON = "2017-06-14-letter-secretary-tillerson-central-america-security"


def test_record_of_a_letter_has_its_own_words_and_filters_by_id():
    archive = load_archive(REPO)
    letter = archive.by_slug[TILLERSON]
    rec = record(archive, letter)
    assert rec["url"] == f"/letters/{TILLERSON}/"
    assert rec["language"] == "en"
    assert rec["meta"] == {"title": letter.title, "date": "2017-06-14", "type": "Letter",
                           "from": "Members of Congress, signed by Alan Lowenthal and 36 others",
                           "to": "Rex Tillerson, Secretary of State"}
    assert rec["sort"] == {"date": TILLERSON}
    assert rec["filters"]["year"] == ["2017"]
    assert rec["filters"]["type"] == ["Letter"]
    assert rec["filters"]["topic"] == list(letter.topics)  # ids, not titles
    assert len(rec["filters"]["signatory"]) == 37
    assert "lucille-roybal-allard" in rec["filters"]["signatory"]  # the registry id filters
    assert rec["filters"]["recipient"] == ["rex-tillerson"]
    content = rec["content"]
    # the full text is the document's own words: the name as printed, not the registry's
    assert "Lucille Roybal-Alford" in content and "Lucille Roybal-Allard" not in content
    assert plain_text(letter.body) in content  # every word of the body, in order
    assert not any(t.title in content for t in archive.topics.values()
                   if t.title not in letter.body and t.title not in letter.title)


def test_a_record_does_not_change_when_a_name_or_topic_title_does():
    archive = load_archive(REPO)
    letter = archive.by_slug[TILLERSON]
    before = record(archive, letter)
    entity = archive.registry.entities["lucille-roybal-allard"]
    object.__setattr__(entity, "name", "Renamed Person")
    topic = letter.topics[0]
    archive.topics[topic] = dataclasses.replace(archive.topics[topic], title="Renamed topic")
    assert record(archive, letter) == before


def test_plain_text_keeps_the_words_and_drops_the_markup():
    md = ("Dear Secretary:\n\n> We **urge** you[^1] to read [the report](https://x.org/r).\n\n"
          "## Next\n\n<sup>2</sup> and *more*_.\n\n[^1]: A note.")
    assert plain_text(md) == "Dear Secretary: We urge you to read the report. Next 2 and more. A note."


def test_shards_of_five_hundred_documents_newest_in_the_primary_bundle():
    # the default shard size, not the tests' 2 (and the tests' cache folder, never ~/.cache)
    archive = load_archive(REPO, settings=Settings(cache_dir=Settings.from_env().cache_dir))
    assert shard_dirs(archive) == [""]
    archive.letters = (archive.letters * 1005)[:1005]  # 1,005 documents
    assert shard_dirs(archive) == ["s1/", "s2/", ""]
    assert [len(x) for x in shards(archive)] == [500, 500, 5]
    archive.letters = archive.letters[:5]
    archive.settings = Settings(search_shard_size=2)
    assert shard_dirs(archive) == ["s1/", "s2/", ""]
    ranges = shard_ranges(archive)  # newest first, as the search page asks them
    assert [(r["dir"], r["id"], r["count"]) for r in ranges] == [("", "s3", 1), ("s2/", "s2", 2),
                                                                  ("s1/", "s1", 2)]
    assert ranges[0]["first"] == ranges[0]["last"] == archive.letters[4].date.isoformat()


def test_the_service_client_skips_empty_messages_and_quotes_bad_ones():
    import base64
    import json
    import types

    from undersigned.outputs.pagefind import SearchIndexError, _Service

    def message(payload):
        return base64.b64encode(json.dumps({"message_id": 1, "payload": payload}).encode())

    client = _Service.__new__(_Service)
    client._proc = types.SimpleNamespace(stdout=object())
    client._buffer = b",," + message({"type": "NewIndex", "index_id": 0}) + b"," + b"bm90IGpzb24=,"
    assert client._answer() == {"type": "NewIndex", "index_id": 0}
    with pytest.raises(SearchIndexError, match=r"Pagefind answered b'bm90IGpzb24=': Expecting value"):
        client._answer()
    client._buffer = message({"type": "Error", "message": "bad record"}) + b","
    with pytest.raises(SearchIndexError, match="^Pagefind: bad record$"):
        client._answer()


@pytest.mark.parametrize("busy", [False, True], ids=["child-process", "thread"])
def test_background_index_in_a_child_process_or_a_thread(tmp_path, monkeypatch, busy):
    """A plain build forks the indexer (no competition for the interpreter lock); a process
    that already runs threads (mkdocs serve) uses a thread. Both report failures."""
    import threading

    from undersigned.outputs.search import BackgroundIndex, SearchIndexError

    archive = load_archive(REPO)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    if busy:
        other.start()
    try:
        report = BackgroundIndex(archive, None if busy else True).finish(tmp_path)
        where = "a thread" if busy else "a child process"
        n = len(archive.letters)  # 2 per shard in the tests
        assert report.startswith(f"search index: {n} documents, {-(-n // 2)} shard(s), ")
        assert where in report
        assert (tmp_path / "pagefind" / "s3" / "pagefind-entry.json").is_file()

        def boom(*args):
            raise RuntimeError("boom")

        monkeypatch.setattr("undersigned.outputs.search.build_index", boom)
        with pytest.raises(SearchIndexError, match="^RuntimeError: boom$"):
            BackgroundIndex(archive, None if busy else True).finish(tmp_path / "other")
    finally:
        stop.set()
        if busy:
            other.join()
