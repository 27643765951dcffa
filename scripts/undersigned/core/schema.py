"""JSON Schema of letter front matter: the one source of truth for `check` and for editors,
derived from the field table (`core/fields.py`)."""

from __future__ import annotations

from typing import Any

from undersigned.core.fields import (
    ACKNOWLEDGEABLE,
    AUDIT_CHECKS,
    DATE_PATTERN,
    EDITABLE,
    ID_PATTERN,
    SLUG_PATTERN,
    letter_schema,
)

__all__ = ["ACKNOWLEDGEABLE", "AUDIT_CHECKS", "DATE_PATTERN", "EDITABLE", "ID_PATTERN",
           "LETTER_SCHEMA", "MAX_ID", "MAX_SLUG", "SLUG_PATTERN", "YEARS"]

MAX_SLUG = 100  # characters of a letter's file name without .md
MAX_ID = 80  # characters of a registry or topic id
YEARS = (1900, 2100)  # the dates check and import accept

LETTER_SCHEMA: dict[str, Any] = letter_schema()
