"""The characters the archive refuses or removes, and how a message shows them: classes of
invisible, control, bidi, default-ignorable and XML-forbidden characters (no dependencies:
problems.py prints with ``visible``, hygiene.py reports with these classes)."""


from __future__ import annotations

import re
import unicodedata

_C0_C1 = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # tab and newline are text
_SEPARATORS = "\u2028\u2029"  # (U+0085 is C1)
_BIDI = "\u202a-\u202e\u2066-\u2069"  # embeddings, overrides, isolates
_INVISIBLE = "\u200b-\u200f\u2060-\u2064\ufeff"  # zero-width, LRM/RLM, word joiner, BOM
# every Default_Ignorable_Code_Point of Unicode (DerivedCoreProperties.txt): soft hyphen,
# combining grapheme joiner, Hangul fillers, variation selectors, tags... invisible, so a name
# holding one looks like the name without it
IGNORABLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
             "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
             "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff")
# what XML 1.0 forbids besides C0: the noncharacters U+FFFE, U+FFFF and lone surrogates (feeds
# and CMIF holding one are not well-formed)
_NOT_XML = "\ufffe\uffff\ud800-\udfff"

# metadata (names, titles, roles...) allows none of them; a body keeps zero-width joiners and
# directional marks, which some scripts need, and form feeds (page breaks of an original)
METADATA = re.compile(f"[{_C0_C1}{_SEPARATORS}{_BIDI}{_INVISIBLE}{IGNORABLE}{_NOT_XML}]")
BODY = re.compile(f"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f{_SEPARATORS}{_BIDI}{_NOT_XML}]")
# what an XML 1.0 document may not hold at all (text read from outside the checked files, such
# as git commit subjects, is cleaned of it before it goes into a feed)
NOT_XML = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_NOT_XML}]")
# what the YAML reader itself refuses (without a line) or reads as a line break
YAML_UNREADABLE = re.compile(f"[{_C0_C1}{_SEPARATORS}{_NOT_XML}]")


def describe(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return f"U+{code:04X} lone surrogate"
    if code in (0xFFFE, 0xFFFF):
        return f"U+{code:04X} noncharacter"
    name = unicodedata.name(char, "control character")
    return f"U+{ord(char):04X} {name}"


def visible(text: str) -> str:
    """The text with every such character written as an escape (``\\u202e``): safe to print
    in a terminal or a log, and shows what is there."""
    if text.isascii() and text.isprintable():  # (no control character: nothing to escape)
        return text
    if not METADATA.search(text):
        return text
    return METADATA.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}"


