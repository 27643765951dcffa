"""Plain text -> archive documents. Pure: text in, documents and notes out (no file I/O)."""

from undersigned.convert.document import ConvertedDocument, Options
from undersigned.convert.pipeline import convert_text

__all__ = ["ConvertedDocument", "Options", "convert_text"]
