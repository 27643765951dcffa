"""The name index of the suggestions (outputs/names.py): walked the way undersigned.js walks it
(``walk`` below mirrors US.lookupNames, ``matching`` US.matchNames), it finds what a scan of
every record finds, for every name, alias, printed form, office, family name and id of the real
archive, also when tiny budgets make it deep; its files stay small on a synthetic archive and
are the same bytes on every build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import REPO
from undersigned.core.archive import RenderMemo
from undersigned.core.load import load_archive
from undersigned.core.names import fold
from undersigned.devtools.synthetic import generate
from undersigned.outputs import names
from undersigned.outputs.names import file_name, name_files, name_records


def index(archive) -> dict[str, dict]:
    return {uri: json.loads(text) for uri, text in name_files(archive)}


def walk(files: dict[str, dict], text: str) -> tuple[list[dict], bool, list[str]]:
    """(records found, exact: every record that matches is among them, files read)."""
    words = fold(text).split()
    if not words:
        return [], True, []
    last = words[-1]
    seq = sorted(dict.fromkeys(w for w in words if w != last), key=names.word_order)
    seq.append(last)
    seq = [w for i, w in enumerate(seq) if not any(v.startswith(w) for v in seq[:i])]
    found: dict[str, dict] = {}
    read: list[str] = []

    def add(records):
        for r in records or []:
            found.setdefault(r["id"], r)

    key = ""
    while True:
        read.append(file_name(key))
        node = files[file_name(key)]
        if "people" in node:
            add(node["people"])
            return list(found.values()), True, read
        parts = key.split("$")
        word = seq[len(parts) - 1] if len(parts) - 1 < len(seq) else None
        if word is None:
            add(node["top"])
            return list(found.values()), False, read
        partial = parts[-1]
        if len(partial) < len(word):
            if word[len(partial)] in node["more"]:
                key += word[len(partial)]
                continue
            add(node.get("top"))
            return list(found.values()), True, read  # no record has such a word
        add(node["top"])
        if len(parts) < len(seq) and "$" in node["more"]:
            key += "$"
            continue
        return list(found.values()), False, read


def matching(records: list[dict], text: str) -> set[str]:
    """The ids US.matchNames keeps: every typed word starts a word of one key (or the text is
    the family name)."""
    q = fold(text)
    tokens = q.split()
    out = set()
    for r in records:
        if r.get("family") == q or any(
                all(any(w.startswith(t) for w in key.split()) for t in tokens)
                for key in r["keys"]):
            out.add(r["id"])
    return out


def queries(record: dict) -> list[str]:
    """What a reader types for an entry: each of its keys whole, its family name, its id, and
    the start of each key's words (the first one complete, the last one begun)."""
    out = list(record["keys"]) + [record["id"]]
    if record.get("family"):
        out.append(record["family"])
    for key in record["keys"]:
        words = key.split()
        out.append(" ".join(words[:-1] + [words[-1][:3]]))
        out.append(words[-1][:4])
    return out


def check(archive, exact_names: bool) -> None:
    records = name_records(archive)
    files = index(archive)
    for record in records:
        for text in queries(record):
            found, exact, _read = walk(files, text)
            want = matching(records, text)
            got = matching(found, text)
            if exact:
                assert got == want, (text, want - got)
            else:  # a word many share, at its end: the most documented of them are there
                assert got <= want and got, text
            if exact_names and text in record["keys"]:
                assert record["id"] in {r["id"] for r in found}, text


def test_the_index_finds_what_a_scan_of_every_record_finds():
    archive = load_archive(REPO)
    check(archive, exact_names=True)


def test_a_deep_index_still_finds_every_name(monkeypatch):
    """Budgets so small that most nodes are stubs, words complete with '$', and keys with
    three complete words: what a walk calls exact is, and every full name is found."""
    monkeypatch.setattr(names, "LEAF_BUDGET", 300)
    monkeypatch.setattr(names, "LEAF_MIN", 1)
    monkeypatch.setattr(names, "TOP", 2)
    monkeypatch.setattr(names, "TOP_RECEIVED", 1)
    archive = load_archive(REPO)
    files = index(archive)
    assert any(uri.count("-") >= 2 for uri in files)  # two words complete
    assert sum("more" in node for node in files.values()) > 100
    check(archive, exact_names=False)
    records = name_records(archive)
    for text in ("Alan S. Lowenthal", "lowenthal alan", "Raúl M. Grijalva", "grijalva",
                 "ricardo zuniga", "blink"):
        found, exact, _ = walk(files, text)
        assert exact and matching(found, text) == matching(records, text) != set()
    # three recipients share every word of an office: past the budget, the most documented
    found, exact, _ = walk(files, "Secretary of State")
    want = matching(records, "Secretary of State")
    assert not exact and len(want) >= 3 and len(matching(found, "Secretary of State")) == 2


def test_file_names_are_url_safe_and_one_per_key():
    assert file_name("") == "search/names.json"
    assert file_name("lo") == "search/names/lo.json"
    assert file_name("garcia$lo") == "search/names/garcia-lo.json"
    assert file_name("ж_1") == "search/names/_436__5f_1.json"
    assert file_name("a$") != file_name("a-")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    generate(REPO, out, 1500)
    return out


def test_files_stay_small_and_a_name_costs_few_of_them(synthetic, monkeypatch):
    monkeypatch.setenv("UNDERSIGNED_CACHE_DIR", str(synthetic / ".cache"))
    archive = load_archive(synthetic)
    texts = dict(name_files(archive))
    files = {uri: json.loads(text) for uri, text in texts.items()}
    records = name_records(archive)
    whole = len(json.dumps(records, ensure_ascii=False).encode())
    assert whole > 200_000  # what one file of every name would cost
    for uri, text in texts.items():
        node = files[uri]
        size = len(text.encode())
        if "more" in node:  # a stub: its most documented records and those no child holds
            assert len(node.get("top", [])) <= names.TOP + names.TOP_RECEIVED
        else:  # a leaf: within the budget, or few records
            assert size <= names.LEAF_BUDGET + 200 or len(node["people"]) <= names.LEAF_MIN, uri
        assert size <= 24_000, uri
    assert len(texts[file_name("")].encode()) < 2_000
    # typing a name a letter at a time reads a few small files
    for record in records[::25]:
        name = record["name"]
        read: set[str] = set()
        for k in range(1, len(name) + 1):
            found, exact, files_read = walk(files, name[:k])
            read.update(files_read)
        assert record["id"] in {r["id"] for r in found}
        assert sum(len(texts[u].encode()) for u in read) <= 60_000, name
    # the same bytes every time
    assert dict(name_files(load_archive(synthetic))) == texts


def test_a_serve_rebuild_reuses_the_files_of_unchanged_names():
    archive = load_archive(REPO)
    archive.render_memo = RenderMemo()
    first = list(name_files(archive))
    again = list(name_files(archive))
    assert again == first and all(a is b for a, b in zip(again, first, strict=True))
    entity = archive.registry.entities["alan-lowenthal"]
    object.__setattr__(entity, "name", "Renamed Person")
    renamed = list(name_files(archive))
    assert renamed != first and any("Renamed Person" in text for _uri, text in renamed)
    assert len(archive.render_memo.names) == 1  # only the last build's
    archive.render_memo = None
    assert list(name_files(archive)) == renamed


def test_a_rebuild_writes_only_the_name_files_the_site_does_not_hold(tmp_path):
    archive = load_archive(REPO)
    files = list(name_files(archive))
    for uri, text in files[:3]:
        (tmp_path / uri).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / uri).write_text(text, encoding="utf-8", newline="")
    (tmp_path / files[2][0]).write_text(files[2][1] + " ", encoding="utf-8")  # stale
    kept: list[str] = []
    written = [uri for uri, text in files if not names.in_site(tmp_path, uri, [text], kept)]
    assert kept == [files[0][0], files[1][0]]
    assert written == [uri for uri, _ in files[2:]]
    assert not names.in_site(tmp_path, "data/letters.json", ["[]"], kept)  # only the index's
