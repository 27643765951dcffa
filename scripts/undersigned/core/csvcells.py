"""CSV cells a spreadsheet opens as text, never as a formula (every CSV the site publishes)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (it begins with = + - @, a tab or a
    carriage return) gets a leading apostrophe, the convention spreadsheets read as "text";
    numbers are left alone. Documented on /data/."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(values: Iterable[Any]) -> str:
    """One CSV line (without its end), every cell through safe_cell: for a part of a row that
    many rows repeat, made once (see Archive.csv_cells)."""
    buf = io.StringIO()
    # (a cell with either character of the line end inside is quoted)
    csv.writer(buf, lineterminator="\r\n").writerow(map(safe_cell, values))
    return buf.getvalue()[:-2]
