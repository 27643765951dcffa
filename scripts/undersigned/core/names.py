"""Name folding and the small vocabulary of titles and suffixes shared by resolver and converter."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

from undersigned.core.characters import IGNORABLE
from undersigned.core.vocabulary import NAME_TITLES, SUFFIXES

_IGNORABLE = re.compile(f"[{IGNORABLE}]")

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_QUOTED = re.compile(r"[\"“”‘’'«»]([^\"“”‘’'«»]+)[\"“”‘’'«»]")

# generational suffixes and degrees as printed after a name: 'Jr.', 'Ph.D.', 'M.D.', 'Esq.'
# (a degree ends with its point or before a character that is not a letter or a point, so that
# 'iii' cannot also be read 'ii' + 'i' and a run of them is read one way only: linear)
# degrees and post-nominals printed after a name; two letters that are also a state's postal
# code ('MA', 'MS') only with their points ('M.A.')
DEGREE = (r"(?:ph\.?\s?d|m\.?\s?d|j\.?\s?d|d\.?\s?d\.?\s?s|r\.?\s?n|m\.?\s?p\.?\s?h|esq|jr|sr|"
          r"ii|iii|iv|m\.\s?a|m\.\s?s|b\.\s?a|m\.?\s?b\.?\s?a|m\.?\s?p\.?\s?a|m\.?\s?s\.?\s?w|"
          r"ed\.?\s?d|ll\.?\s?m|psy\.?\s?d|m\.?\s?div|l\.?\s?c\.?\s?s\.?\s?w)(?:\.|(?![a-z.]))")
DEGREES_RE = re.compile(rf"^(?:\s*+(?:,\s*+)?{DEGREE})+\s*+$", re.I)
TITLES = NAME_TITLES


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Fold case, accents, punctuation and whitespace: ``José E. Serrano`` -> ``jose e serrano``.
    Compatibility forms fold too (NFKD: full-width and ligature letters), and invisible format
    characters (zero-width, bidi controls) and every default-ignorable code point (variation
    selectors, Hangul fillers, the combining grapheme joiner...) are dropped, so look-alike
    names meet."""
    decomposed = _IGNORABLE.sub("", unicodedata.normalize("NFKD", text))
    stripped = "".join(c for c in decomposed
                       if not unicodedata.combining(c) and unicodedata.category(c) != "Cf")
    return _SPACE.sub(" ", _PUNCT.sub(" ", stripped.casefold())).strip()


def nickname(text: str) -> str | None:
    """The quoted nickname in ``Henry C. "Hank" Johnson``, if any."""
    match = _QUOTED.search(text)
    return match.group(1).strip() if match else None


def bare_tokens(text: str) -> list[str]:
    """Folded tokens of a printed name without quoted nicknames, titles and suffixes."""
    tokens = fold(_QUOTED.sub(" ", text)).split()
    while tokens and tokens[0] in TITLES:
        tokens.pop(0)
    while tokens and tokens[-1] in SUFFIXES:
        tokens.pop()
    return tokens


def slugify(text: str, max_words: int = 12, max_length: int = 64) -> str:
    """ASCII kebab-case words of a name or title, transliterated (``Владимир`` ->
    ``vladimir``), at most ``max_words`` words and ``max_length`` characters."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(anyascii(text))).split()[:max_words]
    out: list[str] = []
    for word in words:
        if len("-".join(out + [word])) > max_length:
            if not out:  # one very long word: cut it
                out.append(word[:max_length])
            break
        out.append(word)
    return "-".join(out)


# words a YAML reader takes for something other than text, and the old empty-name fallback
_NOT_IDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf", "entry"}


def make_id(name: str, kind: str = "person", max_words: int = 8) -> str:
    """A registry id for a new name: readable, valid as a YAML key and as a URL segment, never
    a YAML keyword or a bare number; a name with no letters to transliterate gets
    ``<kind>-<short hash>``."""
    base = slugify(name, max_words, max_length=64)
    if not base:
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
        return f"{kind}-{digest}"
    if base in _NOT_IDS or not re.search(r"[a-z]", base):
        return f"{kind}-{base}"
    return base
