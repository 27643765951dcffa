"""Who a printed signer is: a person or an organization, and how two people printed on one line or in columns come apart."""

from __future__ import annotations

import re
from contextvars import ContextVar
from functools import lru_cache

from undersigned.core.names import fold
from undersigned.core.vocabulary import (
    LEGAL_FORMS,
    ORGANIZATION_WORDS,
    PARTICLES,
    SUFFIXES,
)
from undersigned.core.vocabulary import PLACES as PLACE_WORDS

ORG_WORDS = {fold(w) for w in ORGANIZATION_WORDS.split()}


PLACES = [f" {fold(w)} " for w in PLACE_WORDS.replace("\n", "").split("|")]


ACRONYM_RE = re.compile(r"\((?:[A-Z][A-Za-z-]*[A-Z])\)|-[A-Z]{3,}-|\b[A-Z]{4,}\b|\bA\.\s?C\.|\bAC\b")


TOKEN_RE = re.compile(r"[\w.'’-]+")


@lru_cache(maxsize=1 << 14)
def classify(name: str) -> tuple[str, bool]:
    """('person'|'organization', certain?) from the printed text alone."""
    letters = [c for c in name if c.isalpha()]
    if len(name.split()) >= 2 and "(" not in name and letters \
            and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        name = name.title()  # 'CHRISTOPHER J. DODD' is read as 'Christopher J. Dodd'
    tokens = fold(name).split()
    raw_tokens = TOKEN_RE.findall(name)
    if not tokens:
        return "organization", False
    if any(t in ORG_WORDS for t in tokens) or ACRONYM_RE.search(name):
        return "organization", True
    padded = f" {' '.join(tokens)} "
    if any(p in padded for p in PLACES) or tokens[0] in {"el", "la", "los", "las", "the"}:
        return "organization", True
    if len(raw_tokens) > 1 and re.fullmatch(r"[A-Z]{2,}", raw_tokens[-1]) \
            and fold(raw_tokens[-1]) not in SUFFIXES:
        return "organization", True  # 'Al Otro Lado TJ'

    core = [t for t in raw_tokens if fold(t) not in SUFFIXES]
    lowers = [t for t in core[:-1] if t[:1].islower() and fold(t) not in PARTICLES]
    if 2 <= len(core) <= 6 and not lowers and not re.search(r"\d", name):
        return "person", True
    if len(core) == 1:
        return "organization", False
    return "organization", len(core) > 6 or bool(lowers)


def _person_like(text: str) -> bool:
    kind, certain = classify(text)
    return kind == "person" and certain


@lru_cache(maxsize=1 << 14)
def _loose_person(text: str) -> bool:
    tokens = re.findall(r"[\w.'’-]+", text)
    folded = fold(text).split()
    return (2 <= len(tokens) <= 5 and tokens[0][:1].isupper() and tokens[-1][:1].isupper()
            and not ORG_WORDS & set(folded) and not re.search(r"\d", text)
            and not any(p in f" {' '.join(folded)} " for p in PLACES))


# the organizations of the registry (folded names and aliases), set by convert_text for one
# conversion: 'Tzome Ixuk, Mujeres Organizadas A.C.' is one organization, not a person and role
known_organizations: ContextVar[frozenset[str]] = ContextVar("known_organizations",
                                                             default=frozenset())


def one_organization(text: str) -> bool:
    """An organization whose printed name holds a comma or an 'and': one the registry knows,
    or one whose comma is followed by its legal form."""
    if fold(text) in known_organizations.get():
        return True
    _head, comma, rest = text.partition(",")
    return bool(comma) and _legal_form(rest)


def _legal_form(rest: str) -> bool:
    """Does what follows a comma begin with an organization's legal form ('A.C. - CoLibres')?"""
    first = re.split(r"[\s,;–-]+", rest.strip(), maxsplit=1)[0]
    return fold(first).replace(".", "").replace(" ", "") in LEGAL_FORMS


def split_pair(text: str) -> tuple[str, ...]:
    """'A y B' / 'A and B' / 'A & B' naming two people -> [A, B] (an organization whole)."""
    return (text,) if one_organization(text) else _split_pair(text)


@lru_cache(maxsize=1 << 14)
def _split_pair(text: str) -> tuple[str, ...]:
    for sep in (" y ", " and ", " & ", " e "):
        if sep in text:
            left, right = text.split(sep, 1)
            if _loose_person(left) and _loose_person(right):
                return (left.strip(), right.strip())
    return (text,)


_INITIAL_RE = re.compile(r"^[A-Z]\.$")


def split_columns(text: str, columns: int) -> tuple[str, ...]:
    """Names printed side by side whose gap was lost ('Olympia J. Snowe Susan M. Collins
    Lincoln Chafee' over three titles): the one cut into ``columns`` names of two to four words
    where every middle initial sits inside a name; ``(text,)`` when no cut or more than one
    fits. At most six columns of at most 24 words: a bounded search."""
    tokens = text.split()
    if not 2 <= columns <= 6 or len(tokens) > 24 or not all(t[:1].isupper() for t in tokens):
        return (text,)
    fits: list[tuple[str, ...]] = []

    def walk(start: int, left: int, done: tuple[str, ...]) -> None:
        if left == 0:
            if start == len(tokens):
                fits.append(done)
            return
        for size in (2, 3, 4):
            part = tokens[start:start + size]
            if len(part) < size or _INITIAL_RE.match(part[0]) or _INITIAL_RE.match(part[-1]) \
                    or fold(part[0]) in SUFFIXES:
                continue
            walk(start + size, left - 1, (*done, " ".join(part)))

    walk(0, columns, ())
    return fits[0] if len(fits) == 1 else (text,)
