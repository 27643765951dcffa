"""One printed line of a signature block read as names: a list run together on one line
('WOLA; LAWG', 'Senators Jeffords, Sarbanes and Crapo', names with titles between them), the
party and state or home state printed with a name, a line of title words only."""

from __future__ import annotations

import re

from undersigned.convert.people import _person_like
from undersigned.convert.roles import ROLE_WORDS, TITLE_PREFIX, TRAILING_TITLE_RE, _role_line
from undersigned.core.names import DEGREES_RE, fold
from undersigned.core.vocabulary import (
    COLUMN_HEAD_WORDS,
    POSTAL_CODES,
    ROSTER_WORDS,
    SUFFIXES,
    TITLE_LINE_WORDS,
    US_STATES,
    USA_NAMES,
    WORLD_COUNTRIES,
)

_COUNTRIES = frozenset(fold(x) for x in WORLD_COUNTRIES)
# a bullet between the signers of a paragraph: 'Jane Doe, WOLA • Juan Pérez, CDH Tabasco'
BULLET_SPLIT_RE = re.compile(r"\s[•▪‣·]\s")


def _with_country(text: str) -> bool:
    """'Name, affiliation, Country': a person's name, then what they are, then a country
    ('Hiroshi Tanaka, University of Tokyo, Japan') — one signer, never a list of names."""
    head, _c, rest = text.partition(",")
    country = rest.rpartition(",")[2].strip(" .")
    return "," in rest and fold(country) in _COUNTRIES and _person_like(head.strip())


def _outside_brackets(text: str, mark: str) -> list[str]:
    """``text`` cut at each ``mark`` outside parentheses and brackets, a leading 'and' or 'y'
    of a part dropped: 'Palestinian Cultural Clubs (AUB, LAU), Fatah' is two parts."""
    parts, depth, start = [], 0, 0
    for k, char in enumerate(text):
        depth += char in "([" and 1 or char in ")]" and -1 or 0
        if char == mark and depth <= 0:
            parts.append(text[start:k])
            start = k + 1
    parts.append(text[start:])
    return [re.sub(r"^\s*+(?:and|y)\s++", "", p) for p in parts]


# a semicolon before an affiliation, not a name: '; author, More Than an Athlete'
_JOINED_RE = re.compile(r";\s*+(?!and\b|y\b)[a-z]")


def semicolon_joins(text: str) -> bool:
    """'Etan Thomas, Washington Wizards; author, …': a name, a comma, and a semicolon before a
    word in lower case (searched from the first comma: linear)."""
    comma = text.find(",")
    return comma >= 0 and bool(_JOINED_RE.search(text, comma))


def _listed(text: str, joins: bool = False) -> list[str] | None:
    """Names run together in one line: 'WOLA; LAWG; CGRS' (semicolons), 'Jane Doe, WOLA •
    Juan Pérez, CDH' (bullets), or four or more short comma-separated names none of which is
    a role ('WOLA, LAWG, CGRS, Witness at the Border'); a 'Name, Title, Organization' line
    and a 'Name, affiliation, Country' line are not a list, nor 'Name, team; award, year'
    where the list's semicolons join one signer's affiliations (``joins``)."""
    if BULLET_SPLIT_RE.search(text):
        parts = [p.strip(" .;") for p in BULLET_SPLIT_RE.split(text)]
        return [p for p in parts if p] if len([p for p in parts if p]) >= 2 else None
    commas = _outside_brackets(text, ",")
    if ";" in text:
        parts = [p.strip(" .") for p in _outside_brackets(text, ";")]
        if "," in parts[0] and (joins or not all(
                "," in p and _person_like(p.split(",")[0].strip()) for p in parts[1:])):
            return None  # 'Name, team; author, Book': one signer's affiliations
    elif len(commas) >= 3 and all(
            _person_like(p.strip(" .")) and not _role_line(p.strip(" .")) for p in commas):
        parts = [p.strip(" .") for p in commas]
    elif len(commas) >= 4 and not text.rstrip().endswith(".") and not _with_country(text):
        parts = [p.strip() for p in commas]
        if any(ROLE_WORDS.search(p) or fold(p) in SUFFIXES or DEGREES_RE.match(p)
               for p in parts):
            return None
    else:
        return None
    parts = [p for p in parts if p]
    if ends_with_place(parts):
        return None  # 'Jane Doe, University of Texas, Austin, TX': one signer, and where
    if any(not (p[:1].isupper() or p[:1] == "(") for p in parts[1:]):
        return None  # 'Lester Rodney, sports editor, The Daily Worker, 1936-58': one signer
    if len(parts) < 2 or any(len(re.sub(r"\([^()]*+\)", "", p).split()) > 10 for p in parts):
        return None
    return parts


# 'U.S. Senators Gordon Smith (R-OR), Maria Cantwell (D-WA), ...': the plural title before a
# list of names, never part of the first name
PLURAL_TITLE_RE = re.compile(
    r"^(?:(?:u\.\s?s\.|united states)\s++)?(?:sens\.|senators|reps\.|representatives|"
    r"congressmen|congresswomen|congressmembers|members of congress)\s++(?=[A-Z])", re.I)
# a party and state printed as its own item of a list: 'John Kerry, (D-MA), ...', 'Harry
# Reid, D - Nev., Jim Jeffords, I - Vt., ...' (the party and state in group 1 or 2)
PARTY_ONLY_RE = re.compile(r"^(?:\(\s*+((?:[DRI]|Dem|Rep|Ind)\s*+[-–][^()]{1,30}?)\s*+\)"
                           r"|((?:[DRI]|Dem|Rep|Ind)\s*+[-–]\s*+[A-Z][A-Za-z]{1,13}\.?))$")
# 'Harry Reid (D-NV), Senate Majority Leader': party and state, then a role
PARTY_THEN_ROLE_RE = re.compile(
    r"^([^(),]{3,60}?)\s*+\(((?:[DRI]|Dem|Rep|Ind)\s*+[-–][^()]{1,30}?)\),\s*+(\S.*)$")
# 'Maria Cantwell U.S. Senator Mike Crapo U.S. Representative Rick Larsen': names and titles
# run together on one line
INNER_TITLE_RE = re.compile(
    r"(?<!\s)\s++(?:(?:u\.\s?s\.|united states)\s++)?(?:senator|representative|member of congress)"
    r"\s++(?=[A-Z])", re.I)
URL_RE = re.compile(r"https?://|\bwww\.|^click here\b", re.I)
_US_STATES = frozenset(fold(x) for x in US_STATES)


def _without_conjunction(text: str) -> str:
    """'Max Baucus and' / 'and Jim Webb' -> the name: the conjunction of a list run over its
    lines."""
    tokens = text.split()
    if tokens and tokens[0].lower() in {"and", "y", "&"}:
        tokens = tokens[1:]
    if tokens and tokens[-1].lower() in {"and", "y", "&"}:
        tokens = tokens[:-1]
    return " ".join(tokens).rstrip(",") if len(tokens) < len(text.split()) else text.strip()


def state_line(text: str) -> bool:
    """A state alone ('New Jersey' under 'United States Senator'): the signer's, no one."""
    return fold(text) in _US_STATES


def _state(text: str) -> bool:
    return text.replace(".", "") in POSTAL_CODES or fold(text) in _US_STATES


_CITY_RE = re.compile(r"^[A-Z][\w.'’-]*+(?: [A-Z][\w.'’-]*+){0,3}$")


def place_start(parts: list[str]) -> int | None:
    """Where a U.S. place begins among comma-separated pieces that end with a state (its city
    before it, 'USA' after it): 1 in 'Kino Border Initiative, Nogales, AZ', 2 in 'Jane Doe,
    University of Texas, Austin, TX, USA'; None when they end with no state."""
    n = len(parts) - (1 if parts and fold(parts[-1]) in USA_NAMES else 0)
    if n < 1 or not _state(parts[n - 1]):
        return None
    return n - 2 if n >= 2 and _CITY_RE.match(parts[n - 2]) else n - 1


def _pieces(text: str) -> list[str]:
    return [p.strip() for p in text.split(",")]


def ends_with_place(parts: list[str]) -> bool:
    """Do comma-separated pieces (more than one) end with a U.S. place ('…, Austin, TX',
    '…, Chicago, IL, USA')?"""
    return len(parts) >= 2 and place_start(parts) is not None


def place_line(text: str) -> bool:
    """A city and its state ('Chicago, IL', 'Washington, D.C.', 'El Paso, Texas') -- printed
    right under a signer's title, the signer's place (alone, it reads like 'Ed Markey, MA')."""
    parts = _pieces(text)
    return len(parts) >= 2 and place_start(parts) == 0


def split_place(text: str) -> tuple[str, str] | None:
    """(what is printed before its place, the place) for a line that ends with a U.S. place:
    ('Kino Border Initiative', 'Nogales, AZ'); None without one, or with nothing before it."""
    parts = _pieces(text)
    start = place_start(parts)
    if start == 0 and len(parts) > 1 and _state(parts[1]):
        start = 1  # 'Kino Border Initiative, Arizona': a name, then the state alone
    if not start:
        return None
    return ", ".join(parts[:start]), ", ".join(parts[start:])


def _title_words(text: str) -> bool:
    """A line of title words only ('Member United States House', 'Member of Congres'): a title
    row, never a signer. A word may be a title word cut short by a letter or two."""
    tokens = [t.strip(".") for t in re.findall(r"[a-z.]+", fold(text))]
    if len(tokens) < 2 or not {"member", "senator", "representative", "congress", "senate"} & set(
            tokens) and not any(t.startswith("congres") for t in tokens):
        return False
    return all(t in TITLE_LINE_WORDS or len(t) >= 5 and any(
        w.startswith(t) and len(w) - len(t) <= 2 for w in TITLE_LINE_WORDS) for t in tokens)


def _of_state(name: str) -> tuple[str, str | None]:
    """'Russ Feingold of Wisconsin' -> ('Russ Feingold', 'Wisconsin')."""
    head, of, state = name.rpartition(" of ")
    if of and fold(state.strip()) in _US_STATES and _person_like(head.strip()):
        return head.strip(), state.strip()
    return name, None


def _run_together(text: str) -> list[str] | None:
    """Names printed on one line with a title between them, each a person."""
    if "," in text or not INNER_TITLE_RE.search(text):
        return None
    parts = [p.strip() for p in INNER_TITLE_RE.split(TITLE_PREFIX.sub("", text)) if p.strip()]
    parts = [TRAILING_TITLE_RE.sub("", p).strip() for p in parts]
    if len(parts) >= 2 and all(_person_like(p) for p in parts):
        return parts
    return None


def _column_heads(text: str) -> bool:
    """'Name, Organization', 'Nombre, organización', 'Name / Title / Organization': the heads
    of the columns of a list, never a signer."""
    tokens = re.findall(r"\w+", fold(text))
    return len(tokens) >= 2 and all(t in COLUMN_HEAD_WORDS for t in tokens)


def slash_parts(text: str) -> tuple[str, str] | None:
    """'Jim McGovern / Co-Chair / Tom Lantos Human Rights Commission' -> the name and what is
    printed with it."""
    parts = [p.strip() for p in text.split(" / ")]
    if len(parts) >= 2 and all(parts) and _person_like(parts[0]):
        return parts[0], ", ".join(parts[1:])
    return None


# one Member of a roster printed on one line: 'Senator Ted Kennedy (D-MA)', 'Todd Tiahrt (R-KS
# 4th)', 'Jack Reed (D- RI)' (a name of two to six capitalized words, then party and state)
_ROSTER_ENTRY_RE = re.compile(r"(?<![\w.'’-])[A-Z][\w.'’-]*+(?:[ ]++[A-Z][\w.'’-]*+){1,5}[ ]*+"
                              r"\([DRI][ ]?-[ ]?[A-Z][\w. ]{0,24}\)")


def roster(text: str) -> list[str] | None:
    """'Senators Mark Dayton (D-MN), Senator Ted Kennedy (D-MA), … and Ken Salazar (D-CO).':
    three or more Members with party and state, nothing between them but commas, 'and' and
    titles (a list, however long, is no sentence); the entries, or None."""
    entries = _ROSTER_ENTRY_RE.findall(text)
    if len(entries) < 3:
        return None
    rest = _ROSTER_ENTRY_RE.sub(" ", text)
    if any(fold(w) not in ROSTER_WORDS for w in re.findall(r"[^\W\d_]++", rest)):
        return None
    return entries
