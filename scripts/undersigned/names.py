"""Name folding and the small vocabulary of titles and suffixes shared by resolver and converter."""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_QUOTED = re.compile(r"[\"“”‘’'«»]([^\"“”‘’'«»]+)[\"“”‘’'«»]")

SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v", "md", "phd", "esq"}
TITLES = {
    "rep", "reps", "representative", "sen", "senator", "congressman", "congresswoman",
    "congressmember", "delegate", "del", "the", "honorable", "hon", "dr", "mr", "mrs", "ms",
    "resident", "commissioner", "chairman", "chairwoman", "chair", "ranking", "member",
}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Fold case, accents, punctuation and whitespace: ``José E. Serrano`` -> ``jose e serrano``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
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


def slugify(text: str, max_words: int = 12) -> str:
    """ASCII kebab-case id from a name or title."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(text)).split()[:max_words]
    return "-".join(words)
