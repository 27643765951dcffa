"""Exports are written a piece at a time (bounded memory at 100,000 letters) and are byte for
byte what writing them whole gives."""

from __future__ import annotations

import json

from undersigned.outputs.exports import _csv, dumps, dumps_list


def test_a_list_in_pieces_is_the_list_dumped_whole():
    items = [{"slug": f"s{i}", "names": ["Ana", "Ñandú \"x\"\n"], "n": i, "none": None,
              "nested": {"a": [1, {"b": []}], "c": {}}} for i in range(1203)]
    for count in (0, 1, 2, 499, 500, 501, 1203):
        pieces = list(dumps_list(iter(items[:count]), batch=500))
        assert "".join(pieces) == dumps(items[:count])
        assert len(pieces) == count // 500 + 1
        assert json.loads("".join(pieces)) == items[:count]


def test_csv_in_pieces_is_the_csv_written_whole():
    rows = [{"a": f"=cmd{i}", "b": "x,\"y\"\nz"} for i in range(4500)]
    pieces = list(_csv(["a", "b"], iter(rows), batch=2000))
    whole = "".join(_csv(["a", "b"], iter(rows), batch=10**9))
    assert "".join(pieces) == whole and len(pieces) == 3
    assert whole.startswith("a,b\n'=cmd0,")
