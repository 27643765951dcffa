"""The development corpus (296 real press releases, see data/corpus/NOTICE.md): import never
crashes, and the letters embedded in them are found."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from helpers import DATA
from undersigned.convert import Options, convert_text
from undersigned.core.legislators import load_legislators
from undersigned.core.registry import Registry
from undersigned.ingest.proposals import Resolution
from undersigned.ingest.resolve import Resolver

CORPUS = DATA / "corpus" / "press-releases"
INDEX = {json.loads(line)["file"]: json.loads(line)
         for line in (CORPUS / "index.jsonl").read_text().splitlines()}


@pytest.fixture(scope="module")
def converted():
    resolver = Resolver(Registry(), load_legislators())
    out = {}
    for path in sorted(CORPUS.glob("*.txt")):
        meta = INDEX[path.name]
        options = Options(title=meta["title"], date=dt.date.fromisoformat(meta["date"]),
                          url=meta["url"])
        result = convert_text(path.read_text(encoding="utf-8"), source=path.name,
                              options=options)
        for doc in result.documents:
            resolver.resolve(doc, path.name, Resolution())
        out[path.name] = result
    return out


def test_every_file_converts(converted):
    assert len(converted) == 296
    for name, result in converted.items():
        assert result.documents, name
        main = result.documents[0]
        assert main.front.date and main.front.title, name


def test_embedded_letters_are_found(converted):
    embedded = [d for r in converted.values() for d in r.documents if d.role == "embedded"]
    assert len(embedded) >= 90
    with_signers = [d for d in embedded if d.front.written("signatories")]
    assert len(with_signers) >= 10


def test_signature_layouts_from_the_corpus(converted):
    def signers(name):
        doc = next(d for d in converted[name].documents if d.role == "embedded")
        return [s if isinstance(s, str) else s["name"] for s in doc.front.written("signatories")]

    senators = signers("2022-02-10_Y000064_1.txt")  # 'Todd Young (R-Indiana)' one per line
    assert senators[:3] == ["Todd Young", "Mike Crapo", "Chuck Grassley"]
    assert len(senators) == 30
    mixed = signers("2021-10-20_C001059_1.txt")  # senators and representatives mixed
    assert mixed == ["Dianne Feinstein", "Jim Costa", "John Garamendi", "Josh Harder"]
    assert signers("2022-10-13_R000614_1.txt") == ["Chip Roy", "Mary Miller", "Bob Good"]
    assert signers("2022-11-22_S000148_1.txt") == ["Charles Schumer"]
    # no 'Sincerely,': the block follows 'Thank you for your consideration of this request.',
    # and two names are printed side by side over 'Member of Congress Member of Congress'
    assert signers("2022-10-19_T000482_1.txt") == ["Ann McLane Kuster", "Lori Trahan"]
    assert signers("2022-10-26_R000614_1.txt")[:3] == ["Chip Roy", "Jeff Duncan", "Dan Bishop"]


def test_member_variants_in_the_corpus_are_reconciled(converted):
    """'John R. Moonelaar' (a transposition in the original) is John R. Moolenaar, the only
    serving Member that close: resolved with an explicit note, not silently."""
    resolver = Resolver(Registry(), load_legislators())
    doc = next(d for d in converted["2022-10-26_R000614_1.txt"].documents
               if d.role == "embedded")
    result = Resolution()
    resolver.resolve(doc, "2022-10-26_R000614_1.txt", result)
    notes = [str(p) for p in result.problems if "Moonelaar" in p.message]
    assert notes == ["2022-10-26_R000614_1.txt:173: 'John R. Moonelaar' resolved to John R. "
                     "Moolenaar (M001194, House 2021-01-03 to 2023-01-03), serving on "
                     "2022-10-26: score 87.5, next Member 64\n"
                     "  hint: if that is someone else, give the right entry with `id:`"]
    assert not [p for p in result.problems if not p.warning]


def test_press_release_is_linked_to_its_embedded_letter(converted):
    result = converted["2021-10-20_C001059_1.txt"]
    assert [d.role for d in result.documents] == ["main", "embedded"]
    assert result.documents[0].front.type == "press-release"


def test_signers_named_only_in_prose_are_recorded_as_members():
    """'In addition to Senators Shaheen, Hassan and Murray, the letter was signed by Senators
    Markey (D-MA), Wyden (D-OR), … and Durbin (D-IL).' — the letter is not reproduced: the
    release records the 34 senators (family names resolved among the senators serving on the
    date: 'Smith' is Tina Smith, 'Brown' Sherrod Brown), and no letter is invented."""
    name = "2022-06-27_H001076_1.txt"
    meta = INDEX[name]
    result = convert_text((CORPUS / name).read_text(encoding="utf-8"), source=name,
                          options=Options(title=meta["title"],
                                          date=dt.date.fromisoformat(meta["date"])))
    release = result.documents[0]
    assert release.front.written("signatories") == []
    resolution = Resolution()
    Resolver(Registry(), load_legislators()).resolve(release, name, resolution)
    named = release.front.written("signers_named")
    assert len(named) == 34 and len(set(named)) == 34
    assert named[:3] == ["Jeanne Shaheen", "Maggie Hassan", "Patty Murray"]
    assert {"Tina Smith", "Sherrod Brown", "Chris Van Hollen", "Catherine Cortez Masto",
            "Richard J. Durbin"} <= set(named)
    assert [p for p in resolution.problems if not p.warning] == []
