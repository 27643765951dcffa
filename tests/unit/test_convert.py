"""Golden tests of the converter: each seed and one small case per kind of mess."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import DATA
from undersigned.convert import convert_text
from undersigned.convert.document import render

CASES = sorted((DATA / "convert").glob("*.txt")) + sorted((DATA / "seeds").glob("*.txt"))


def converted(path: Path) -> str:
    result = convert_text(path.read_text(encoding="utf-8"), source=path.name)
    docs = "\n".join(render(doc) for doc in result.documents)
    notes = "".join(f"{'note' if p.warning else 'error'}: {p}\n" for p in result.problems)
    return docs + "\n<!-- converter notes -->\n" + notes


@pytest.mark.parametrize("source", CASES, ids=[p.stem for p in CASES])
def test_golden(source: Path):
    golden = DATA / "golden" / f"{source.stem}.md"
    actual = converted(source)
    if os.environ.get("UPDATE_GOLDENS"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_conversion_is_deterministic():
    for source in CASES:
        assert converted(source) == converted(source)
