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


def csv_text(fields: list[str], rows: Iterable[dict[str, Any]]) -> str:
    """A whole CSV file (header and rows, every cell through safe_cell): for small files."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
    return buf.getvalue()
