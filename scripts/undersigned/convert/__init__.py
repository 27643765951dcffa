"""Plain text -> archive documents. Pure: text in, documents and notes out (no file I/O)."""

from undersigned.convert.document import Document, Options
from undersigned.convert.pipeline import convert_text

__all__ = ["Document", "Options", "convert_text"]
