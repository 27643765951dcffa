"""One signature as read: the typed value a signature block yields (`Signed`), and how one
printed piece of a name line becomes a name and a role ('Name (R-Indiana)', 'Name, role,
institution', 'Name / Title / Organization', 'Senator Name')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from undersigned.convert.people import (
    ORG_WORDS,
    _person_like,
    classify,
    known_organizations,
    one_organization,
    split_pair,
)
from undersigned.convert.printed import (
    PARTY_THEN_ROLE_RE,
    _of_state,
    _with_country,
    _without_conjunction,
    slash_parts,
    split_place,
)
from undersigned.convert.roles import GENERIC_RE, ROLE_WORDS, TITLE_PREFIX, _split_role
from undersigned.core.names import DEGREES_RE, fold
from undersigned.core.vocabulary import SUFFIXES

Kind = Literal["person", "organization"]

# (a match starts where its run of spaces starts: no search retried inside one run)
PAREN_RE = re.compile(r"(?<!\s)\s*+\(([^()]{1,40})\)\s*+$")
PARTY_RE = re.compile(r"^(?:[DRI]|Dem|Rep|Ind)\s*+[-–]|^[A-Z]{2}[-–]\d{1,2}$|^[A-Z]{2}$")
SIGNED_RE = re.compile(r"^(?:/s/|\(s\)|\[signed\])\s*+", re.I)


@dataclass
class Signed:
    """One signature: the name as printed, its role or affiliation as printed on this letter,
    person or organization (and whether the text says so for certain), where it is printed."""

    name: str
    role: str | None
    kind: str  # person | organization
    line: int
    certain: bool = True
    columns: int = 1  # names printed side by side on this line (from the title row under it)
    group: str | None = None  # the heading the signature is listed under, as printed


def _parse_name(text: str) -> tuple[str, str | None]:
    """Name + role as printed: 'Name (R-Indiana)', 'Name, role, institution'."""
    # the registry's organizations are part of the key: 'Tzome Ixuk, Mujeres Organizadas
    # A.C.' is read whole only where the registry knows it, whatever was converted before
    return _parse_name_known(text, known_organizations.get())


@lru_cache(maxsize=1 << 14)
def _parse_name_known(text: str, _known: frozenset[str]) -> tuple[str, str | None]:
    role = None
    text = text[:-1] if text.endswith(").") else text  # 'Debbie Stabenow (D-MI).'
    m = PAREN_RE.search(text)
    if m and (PARTY_RE.match(m.group(1).strip()) or _person_like(text[: m.start()])):
        role = m.group(1).strip()
        text = text[: m.start()].strip()
    text = SIGNED_RE.sub("", text).strip()
    text = text.rstrip(",;").strip()
    last = text.split()[-1] if text.split() else ""
    if last.endswith(".") and len(last) > 3 and last.count(".") == 1 \
            and fold(last) not in SUFFIXES:
        text = text[:-1]  # 'Patty Murray.' at the end of the letter
    head, comma, tail = text.rpartition(",")
    if comma and GENERIC_RE.match(tail.strip()) and _person_like(head.strip()):
        return head.strip(), role  # 'Pat Fallon, Member of Congress': the title is not a role
    if "," in text:
        return _comma_name(text, role)
    return text, role


def _placed_organization(text: str) -> tuple[str, str] | None:
    """(organization, 'City, ST') for an organization printed with its city and U.S. state
    ('Kino Border Initiative, Nogales, AZ', 'Witness at the Border, Washington, DC')."""
    placed = split_place(text)
    if placed is None:
        return None
    name = placed[0]
    if "," in name and _person_like(name.split(",")[0]):
        return None  # 'Jane Doe, University of Texas, Austin, TX': a person, and where
    return placed if classify(name) == ("organization", True) else None


def _comma_name(text: str, role: str | None) -> tuple[str, str | None]:
    """'John Conyers, Jr.', 'Robert Maslansky, M.D., Doctors Council SEIU', 'Jane Doe, WOLA',
    'Rafael Duarte, CUT, Brazil': the name before the comma and what is printed with it."""
    head, rest = text.split(",", 1)
    if one_organization(text):
        return text, role  # an organization the registry knows, or 'X, A.C.': one name
    placed = _placed_organization(text)
    if placed:  # 'Hope Border Institute, El Paso, TX': the organization, where it is
        return placed[0], f"{placed[1]} ({role})" if role else placed[1]
    rest_tokens = fold(rest).split()
    if rest_tokens and all(t in SUFFIXES for t in rest_tokens) or DEGREES_RE.match(rest):
        return text, role  # 'John Conyers, Jr.', 'Ronny L. Jackson, M.D.'
    degree, comma2, after = rest.partition(",")
    if comma2 and DEGREES_RE.match(degree) and _person_like(head) and after.strip():
        more = after.strip()  # 'Robert Maslansky, M.D., Doctors Council SEIU'
        return f"{head.strip()},{degree}", f"{more} ({role})" if role else more
    if _person_like(head) and classify(text)[0] == "person" or (
        _person_like(head) and not ORG_WORDS & set(fold(head).split())
        and classify(rest)[0] == "organization"
    ) or _person_like(head) and ROLE_WORDS.search(rest):
        more = rest.strip()
        role = f"{more} ({role})" if role else more
        return head.strip(), role or None
    if _person_like(head) and classify(text)[0] != "organization" or _with_country(text):
        return head.strip(), rest.strip()  # 'Rafael Duarte, CUT, Brazil'
    return text, role


@dataclass
class Piece:
    """What one printed piece of a name line says: the people or organizations it names with
    their role, or only a title ('Senator'), seen as a sign of a congressional block."""

    names: tuple[str, ...]
    role: str | None
    congress: bool = False


def read_piece(piece: str, alone: bool) -> Piece:
    """One piece of a name line (``alone``: the only piece on its line) as names and a role."""
    congress = False
    while TITLE_PREFIX.match(piece):  # 'Senator Senator Barbara Mikulski (D-MD)' as printed
        congress = True
        piece = TITLE_PREFIX.sub("", piece, count=1)
    if not piece or GENERIC_RE.match(piece.rstrip(".")):
        return Piece((), None, congress or bool(piece))
    then_role = PARTY_THEN_ROLE_RE.match(piece)
    slashed = slash_parts(piece)  # 'Name / Title / Organization'
    role: str | None
    if slashed:
        name, role = slashed
    elif then_role and _person_like(then_role.group(1)):
        role = f"{then_role.group(2)}, {then_role.group(3).rstrip('.')}"
        name = then_role.group(1)
    else:
        name, role = _parse_name(piece)
    if role is None and alone:
        name, role = _split_role(name)
    if role is None:
        name, role = _of_state(name)
    name = _without_conjunction(name)  # 'Max Baucus and (D-MT)'
    return Piece(split_pair(name), role, congress)


def person_or_organization(name: str, forced: bool) -> tuple[str, bool]:
    """(kind, certain) of one signer; ``forced``: the text says these are people ('Senators
    Jeffords, Sarbanes and Crapo', two people joined by 'and')."""
    if forced:
        return "person", True
    return classify(name)
