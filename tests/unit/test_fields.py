"""The field table (core/fields.py) drives the schema, the fast check, the front-matter order,
the parse cache, the export columns and the documented field list."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from undersigned.cli import main
from undersigned.convert.document import ORDER, ConvertedDocument, FrontMatter, Party, Source
from undersigned.core import fields
from undersigned.core.cache import from_payload, to_payload
from undersigned.core.fields import FIELDS, TEXT, Field, letter_schema, quick_valid
from undersigned.core.model import Letter, Signature
from undersigned.core.schema import LETTER_SCHEMA

REPO = Path(__file__).resolve().parents[2]
BASE = {"title": "T", "date": "2017-06-14", "type": "letter", "sender": "S",
        "recipients": [{"name": "Rex Tillerson", "role": "Secretary of State"}],
        "signatories": ["Alan Lowenthal", {"name": "WOLA"}], "topics": ["migration"],
        "countries": ["MX"], "related": ["2017-06-15-x"],
        "source": {"url": "https://x.org", "original": "a.txt"}, "summary": "S.",
        "signers_named": ["Alan Lowenthal"], "redirect_from": ["2017-06-14-old"],
        "edited": {"title": "as printed"}, "acknowledged": {"count": "the release says 7"}}


def _wrong(schema: dict) -> object:
    """A value of another JSON type than the property's."""
    if schema.get("type") == "array":
        return "not a list"
    if schema.get("type") == "object":
        return ["not", "a", "mapping"]
    return 123


def test_the_schema_is_the_table():
    assert list(LETTER_SCHEMA["properties"]) == [f.key for f in FIELDS]
    assert LETTER_SCHEMA["required"] == [f.key for f in FIELDS if f.required]
    assert ORDER == tuple(f.key for f in FIELDS)
    assert Draft202012Validator(LETTER_SCHEMA).is_valid(BASE)


@pytest.mark.parametrize("key", list(LETTER_SCHEMA["properties"]))
def test_a_wrong_typed_value_of_every_property_is_refused_by_both_checks(key):
    data = dict(BASE, **{key: _wrong(LETTER_SCHEMA["properties"][key])})
    assert not quick_valid(data)
    assert not Draft202012Validator(LETTER_SCHEMA).is_valid(data)


def test_check_names_the_field_of_every_wrong_typed_value(archive_dir, capsys):
    """One letter per property of the published schema, each with a value of the wrong type:
    `check` refuses every one and names the field, at its line."""
    letters = {}
    for key, schema in LETTER_SCHEMA["properties"].items():
        data = dict(BASE, **{key: _wrong(schema)})
        slug = f"2017-06-14-wrong-{key.replace('_', '-')}"
        letters[f"letters/{slug}.md"] = "---\n" + yaml.safe_dump(data, sort_keys=False) + \
            "---\n\nDear Secretary Tillerson:\n"
    root = archive_dir(letters, letter=False)
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    for key, schema in LETTER_SCHEMA["properties"].items():
        slug = f"2017-06-14-wrong-{key.replace('_', '-')}"
        text = letters[f"letters/{slug}.md"].splitlines()
        line = 1 + next(i for i, x in enumerate(text) if x.startswith(f"{key}:"))
        want = {"array": "a list", "object": "a mapping"}.get(schema.get("type", ""), "")
        found = [x for x in out.splitlines() if x.startswith(f"letters/{slug}.md:{line}: ")]
        assert found, (key, out)
        assert f"'{key}'" in found[0], found
        if want:
            assert f"must be {want}" in found[0], found


JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=12),
                       lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.sampled_from(["name", "id", "role", "url", "x",
                                                          "original", "title", "count"]),
                                         inner, max_size=3), max_leaves=8)


@settings(max_examples=400, deadline=None)
@given(key=st.sampled_from([f.key for f in FIELDS]), value=JSONISH)
def test_the_fast_check_never_accepts_what_the_schema_refuses(key, value):
    data = dict(BASE, **{key: value})
    if quick_valid(data):
        assert Draft202012Validator(LETTER_SCHEMA).is_valid(data), data


def test_adding_a_field_is_one_row():
    """A field `language` added to the table: in the schema, checked fast, in front-matter
    order, and kept on the letter (Letter.extra) without a new attribute."""
    table = (*FIELDS[:4], Field("language", TEXT, "Language of the document."), *FIELDS[4:])
    schema = letter_schema(table)
    base = {k: v for k, v in BASE.items() if k not in ("edited", "acknowledged")}
    assert schema["properties"]["language"] == {"type": "string", "minLength": 1,
                                                "description": "Language of the document."}
    assert quick_valid(base) and quick_valid(dict(base, language="es"), table)
    assert not quick_valid(dict(base, language=123), table)
    assert not quick_valid(dict(base, language="es"))  # the real table does not know it
    assert [f.key for f in table].index("language") == 4
    assert not Draft202012Validator(schema).is_valid(dict(BASE, language=123))
    assert fields.extra_fields(dict(BASE, language="es"), table) == (("language", "es"),)


def test_the_converters_front_matter_is_the_tables_fields_in_its_order():
    """The converter's typed front matter has no field the table lacks (a key it set would
    otherwise be written unchecked), in the table's order; its people are the table's parties."""
    keys = [f.name for f in dataclasses.fields(FrontMatter)]
    assert keys == [k for k in ORDER if k in keys]
    parties = {f.key for f in FIELDS if f.parties}
    assert {f.name for f in dataclasses.fields(FrontMatter) if f.type == "list[Party]"} == parties


def test_the_converters_front_matter_is_written_in_the_tables_order_and_schema():
    front = FrontMatter(
        title="T", date=dt.date(2017, 6, 14), type="letter", sender="S",
        recipients=[Party("Jane Doe"), Party("John Roe", role="Secretary", organization="Dept",
                                             kind="person", line=4)],
        signatories=[Party("A", line=9, columns=2), Party("B", id="b", role="Rep.", group="G")],
        topics=["m"], related=["2017-06-01-x"], source=Source(url="https://e.org", original="x.txt"))
    doc = ConvertedDocument(front, "body")
    written = doc.ordered()
    assert list(written) == [k for k in ORDER if k in written]
    assert written["recipients"] == [{"name": "Jane Doe"}, {"name": "John Roe",
                                     "role": "Secretary", "organization": "Dept"}]
    assert written["signatories"] == ["A", {"name": "B", "id": "b", "role": "Rep.",
                                            "group": "G"}]
    assert list(written["source"]) == ["original", "url"]
    assert "countries" not in written and "signers_named" not in written
    assert Draft202012Validator(letter_schema()).is_valid(
        {k: str(v) if k == "date" else v for k, v in written.items()})
    assert ConvertedDocument(FrontMatter(title="T"), "b").ordered() == {
        "title": "T", "type": "letter", "signatories": []}


def test_the_cache_keeps_every_stored_field(tmp_path):
    letter = Letter(slug="2017-06-14-a", path=tmp_path / "2017-06-14-a.md", title="T",
                    date=dt.date(2017, 6, 14), type="letter", sender="S", recipients=(),
                    signatures=(Signature("A", "a", "Rep.", 1, 9, "Group"),), topics=("m",),
                    countries=("MX",), related=("2017-06-15-x",), source={"url": "https://x"},
                    summary="S.", redirect_from=("2017-06-14-old",),
                    signers_named=(Signature("B", "b", None, 1, 12),),
                    extra=(("summary", "kept"),), packed=b"body")
    payload = to_payload(letter, [], None, True)
    back, problems, _ = from_payload(payload, letter.path, b"body")
    assert back is not None and problems == []
    for f in FIELDS:
        if f.attr and f.stored:
            assert getattr(back, f.attr) == getattr(letter, f.attr), f.key
    assert back.extra == letter.extra and back.field("summary") == "kept"


def test_the_documented_field_list_is_the_table():
    doc = (REPO / "docs" / "data" / "index.md").read_text(encoding="utf-8")
    start = doc.index("| Field | Meaning |", doc.index("## Fields of `letters.csv`"))
    assert doc[start:doc.index("\n\n", start) + 1] == fields.docs_table()
