"""CSV cells a spreadsheet opens as text, never as a formula (every CSV the site publishes)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (it begins with = + - @, a tab or a
    carriage return) gets a leading apostrophe, the convention spreadsheets read as "text";
    numbers are left alone. Documented on /data/."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_prepared(fields: list[str], rows: Iterable[Sequence[Any]]) -> str:
    """A whole CSV file from rows whose text cells were made with safe_cell already (a table
    of hundreds of thousands of rows that repeat a few thousand names: each name is made safe
    once, see Archive.csv_cells, not once a row)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(fields)
    writer.writerows(rows)
    return buf.getvalue()
