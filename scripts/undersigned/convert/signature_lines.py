"""What each line of a signature block is, from its own features: a small typed set
(`LineKind`) and the declared recognizers that tell them apart, tried in order.

A recognizer looks at the line (its shape, case, punctuation, length, the words of
`core/vocabulary.py`, whether it reads as a name) and at where it stands: after a blank, under a
name that may own it, after a row of names printed side by side. Nothing here changes the
block; `signatures.py` assembles the block from these kinds with its rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from undersigned.convert.lines import (
    CLOSING_RE,
    END_MARK_RE,
    FOOTDEF_RE,
    LANGUAGE_MARK_RE,
    Line,
    is_date_line,
    words,
)
from undersigned.convert.people import _person_like
from undersigned.convert.printed import (
    URL_RE,
    _column_heads,
    _listed,
    _title_words,
    place_line,
    roster,
    state_line,
)
from undersigned.convert.roles import (
    GENERIC_RE,
    LEADING_TITLE_RE,
    REPEATED_TITLE_RE,
    TRAILING_TITLE_RE,
    _role_line,
)
from undersigned.convert.signed import Signed, _parse_name
from undersigned.core.names import fold
from undersigned.core.vocabulary import (
    FUNCTION_WORDS,
    PARTICLES,
    SIGNATURE_NOTES,
    SIGNATURE_STOPS,
)


class LineKind(Enum):
    BLANK = "blank"
    CLOSING = "closing"  # 'Sincerely,' again: what follows is not this block's
    CONTACT = "contact"  # 'Contact:', 'cc:', '###', a footnote, a link after the names: the end
    PROSE = "prose"  # a sentence, or a long heading ('The text of the reply follows:')
    FURNITURE = "page furniture"  # page numbers, running headers, a date, a link
    NOTE = "note"  # 'Affiliations for identification only', 'Name, Organization'
    GROUP_HEADING = "group heading"  # 'National organizations:', '**Senators**'
    LIST_HEADING = "list heading"  # 'In order of signing:'
    TITLE_ROW = "title row"  # titles side by side: the names above are printed in columns
    TITLE = "title"  # 'Member of Congress', '/s/': the generic title of the names above
    ROLE_ROW = "role row"  # one role under each name of the row above
    ROLE = "title/role/organization"  # printed under a name, the name's own
    NAME = "name"  # one or more signers


ENDS = frozenset({LineKind.CLOSING, LineKind.CONTACT, LineKind.PROSE})

NOTE_RE = re.compile(rf"^\(?(?:{'|'.join(SIGNATURE_NOTES)})\b", re.I)
# 'Press Contact:', or 'Press Contact' alone on its line (the name and number under it)
CONTACT_RE = re.compile(rf"^(?:{'|'.join(SIGNATURE_STOPS)})\s*+:|"
                        r"^(?:press|media)\s++contacts?\s*+$|"
                        r"^for\s++(?:more|further)\s++information\b[^.]*+$", re.I)
STOP_RE = re.compile(r"^(?:cc|bcc|enclosures?|attachments?|related issues|related topics|"
                     r"issues|tags)\s*+:|^the honorable\b|^dear\b|^(?:estimad|apreciad|distinguid)[oa]s?\s|^\*{0,2}"
                     r"(?:questions for|appendix|annex)\b|^https?://|^#{3}|^\[\d{1,3}\]|"
                     # a postscript, a byline: 'P.S. Please share', 'By Lisa Haugaard'
                     r"^p\.\s?+s\.|^by\s++[A-Z]|"
                     # the web page goes on: 'More News', the next release
                     r"^more news$|^for immediate release\b", re.I)
# page furniture a signature block can run into at a page break: page numbers, running
# headers (the letterhead, the date) — dropped with a note, never signatories
FURNITURE_RE = re.compile(
    r"^(?:page\s++\d{1,3}(?:\s++of\s++\d{1,3})?|p\.\s*+\d{1,3}|-\s*+\d{1,3}\s*+-|\d{1,3}|"
    r"\d{1,3}\s*+/\s*+\d{1,3}|congress of the united states|house of representatives|"
    r"united states senate|washington,?\s++d\.?\s?c\.?(?:\s++\d{5}(?:-\d{4})?)?)$", re.I)
# a plain heading over a group of signatures: 'National organizations:', 'State and local
# organizations', 'Individuals (affiliations for identification only)', 'Organizaciones'
_GROUP_WORDS = (r"national|state|local|international|regional|community|faith|faith-based|"
                r"religious|other|additional|signatory|signing|supporting|partner|u\.?s\.?|"
                r"mexican|central american|latin american|academic|and|&|de|y|la|las|los|"
                r"nacionales|locales|internacionales|regionales|the|undersigned")
GROUP_RE = re.compile(
    rf"^(?:(?:{_GROUP_WORDS})[\s,]++){{0,5}}(?:organi[sz]ations?|organizaciones|individuals|"
    r"individuos|personas|academics|acad[eé]micos|signatories|signers|firmantes|faith leaders|"
    r"endorsers)\b(?:\s++(?:firmantes|signatarias|nacionales|locales|internacionales|"
    r"regionales))?(?:[\s,]++(?:and|y|&)\s++(?:individuals|academics|personas|individuos))?"
    r"(?:\s*+[(—–:-][^.;]{0,80})?:?$", re.I)
LIST_MARK_RE = re.compile(r"^\s*+(?:\d{1,4}[.)]|[•*·▪‣–-])\s++")  # '1. WOLA', '• WOLA'
HEADING_RE = re.compile(r"^(?:#++\s*+)?\*\*(.+)\*\*$|^#++\s++(.+)$")


@dataclass
class Context:
    """Where a line stands in the block being assembled (read, never changed, here)."""

    lines: list[Line]
    running: frozenset[str]  # folded running headers: the salutation's addressee
    joins: bool  # the list's semicolons join one signer's affiliations
    signed: int = 0  # signatures read so far
    last_row: tuple[Signed, ...] = ()  # the signatures printed on the last name line
    owner: Signed | None = None  # the signer the next role or organization line belongs to
    owner_is_last: bool = False  # ... and it is the last signature read
    blank_run: int = 0  # blank lines since the last name line
    role_lines: int = 0  # role lines read under the owner so far
    congress: bool = False  # a congressional title or role was read: the signers are Members
    # blocks of k lines between blank lines ('Name' / 'Title' / 'Organization'): each line's
    # place in its block (1: the name; 0: not in such a run, see uniform_blocks), and whether
    # a block's lines under its name were read as roles (then every block's are)
    places: tuple[int, ...] = ()
    block_roles: bool = False


@dataclass(frozen=True)
class View:
    """One non-blank line with the forms the recognizers read."""

    i: int  # its index in the block
    s: str  # stripped
    plain: str  # without emphasis marks
    bare: str  # ... and without a final period ('Member of Congress.'; not 'Jr.')


def view(lines: list[Line], i: int) -> View:
    s = lines[i].s
    plain = s.strip("*_ ").strip()
    bare = plain.rstrip(".").strip() if plain.endswith(".") and not plain.endswith(
        " Jr.") else plain
    return View(i, s, plain, bare)


def _closing(v: View, c: Context) -> bool:
    return bool(c.signed and CLOSING_RE.match(v.plain))


def _second_closing(v: View, c: Context) -> bool:
    """'Best regards.' then 'Sincerely yours,': a closing before any name is read past."""
    return bool(CLOSING_RE.match(v.plain))


def _contact(v: View, c: Context) -> bool:
    return bool(END_MARK_RE.match(v.s) or STOP_RE.match(v.s) or FOOTDEF_RE.match(v.s)
                or LANGUAGE_MARK_RE.match(v.s) or CONTACT_RE.match(v.plain)
                or URL_RE.search(v.s) and c.signed)  # 'For the letter, visit http://…'


_CAPITAL_RE = re.compile(r"^washington,?\s++d\.?\s?c\.?$", re.I)


def _furniture(v: View, c: Context) -> bool:
    if _CAPITAL_RE.match(v.s) and c.owner_is_last and not c.blank_run:
        return False  # 'Washington, DC' right under a name (and its title): its place
    return bool(FURNITURE_RE.match(v.s.strip("*_ ")) or is_date_line(v.s)
                or fold(v.s) in c.running or URL_RE.search(v.s))


def _in_role_block(v: View, c: Context) -> bool:
    """A line under the name of its block, where the blocks' lines under their names are
    roles (see uniform_blocks)."""
    return c.block_roles and c.owner_is_last and v.i < len(c.places) and c.places[v.i] >= 2 \
        and not _person_like(_parse_name(LIST_MARK_RE.sub("", v.bare))[0])  # (not a second
    # person in the block: 'John Smith' / 'Jane Doe' are two signers)


def _note(v: View, c: Context) -> bool:
    return bool(NOTE_RE.match(LIST_MARK_RE.sub("", v.plain)) or _column_heads(v.plain))


def _prose_line(v: View, c: Context) -> bool:
    return _prose(v.s) and not _listed(LIST_MARK_RE.sub("", v.s), c.joins) and not roster(v.s)


def _long_heading(v: View, c: Context) -> bool:
    return _colon_heading(v) and len(words(v.bare)) > 6  # 'The text of the reply follows:'


def _group_heading(v: View, c: Context) -> bool:
    return bool(HEADING_RE.match(v.s) or GROUP_RE.match(v.s))


def _title_row(v: View, c: Context) -> bool:
    return bool(REPEATED_TITLE_RE.match(v.bare))


def _title(v: View, c: Context) -> bool:
    return bool(GENERIC_RE.match(v.bare) or v.bare.lower() in {"/s/", "s/", "(s)"}
                or _title_words(v.bare))


def _colon_heading(v: View) -> bool:
    return v.bare.endswith(":") and ":" not in v.bare[:-1]


def _list_heading(v: View, c: Context) -> bool:
    return _colon_heading(v)


def _role_row(v: View, c: Context) -> bool:
    row = cells(v.bare)
    return len(row) >= 2 and len(row) == len(c.last_row) and all(_role_line(x) for x in row)


def _role(v: View, c: Context) -> bool:
    """A role, a title or an organization printed under the last name: the signer's."""
    if c.owner is None or not c.owner_is_last:
        return False
    if c.blank_run <= 1 and (_role_line(v.bare) or state_line(v.bare)):
        return True
    if not c.blank_run and c.owner.role and place_line(v.bare):
        return True  # 'Chicago, IL' under 'Maria Lopez, Executive Director'
    if c.blank_run:
        return False
    if c.role_lines and c.role_lines < 4 and not _person_like(
            _parse_name(LIST_MARK_RE.sub("", v.bare))[0]):
        return True  # 'Executive Director' / 'WOLA' under 'Jane Doe'
    if _in_role_block(v, c):
        return True  # 'Policy Advisor' under 'John Smith', as 'Executive Director' was above
    return c.owner.role is None and _owns_next(c.lines, v.i, c.owner)


def uniform_blocks(lines: list[Line]) -> tuple[int, ...]:
    """Each line's place in its block when the list opens with at least two blocks of the same
    2-4 lines between blank lines (a name, then its title and organization); 0 elsewhere."""
    blocks: list[list[int]] = []
    for k, line in enumerate(lines):
        if line.blank:
            if blocks and blocks[-1]:
                blocks.append([])
        elif blocks:
            blocks[-1].append(k)
        else:
            blocks.append([k])
    sizes = [len(b) for b in blocks if b]
    size = sizes[0] if sizes else 0
    run = next((n for n, x in enumerate(sizes) if x != size), len(sizes))
    places = [0] * len(lines)
    if 2 <= size <= 4 and run >= 2:
        for block in [b for b in blocks if b][:run]:
            for place, k in enumerate(block, start=1):
                places[k] = place
    return tuple(places)


def _past_members(v: View, c: Context) -> bool:
    """After Members' signatures, a line that is no one's name and reads as a headline ('Latest
    on the Issues', 'Providing Health Care for Troops and Veterans'): the page goes on (a
    newsletter's next item), the block has ended. (Members sign with no organization line.)"""
    return bool(c.congress and c.signed and FUNCTION_WORDS & set(words(v.bare))
                and not LEADING_TITLE_RE.match(v.bare) and not TRAILING_TITLE_RE.search(v.bare)
                and not _person_like(_parse_name(LIST_MARK_RE.sub("", v.bare))[0]))


# the declared recognizers, in the order they are tried; a line no recognizer claims is a
# line of names
RECOGNIZERS = (
    (LineKind.CLOSING, _closing),
    (LineKind.NOTE, _second_closing),
    (LineKind.CONTACT, _contact),
    (LineKind.FURNITURE, _furniture),
    (LineKind.NOTE, _note),
    (LineKind.PROSE, _prose_line),
    (LineKind.GROUP_HEADING, _group_heading),
    (LineKind.TITLE_ROW, _title_row),
    (LineKind.TITLE, _title),
    (LineKind.PROSE, _long_heading),
    (LineKind.LIST_HEADING, _list_heading),
    (LineKind.ROLE_ROW, _role_row),
    (LineKind.ROLE, _role),
    (LineKind.PROSE, _past_members),
)


def classify_line(v: View, c: Context) -> LineKind:
    for kind, recognizes in RECOGNIZERS:
        if recognizes(v, c):
            return kind
    return LineKind.NAME


def cells(text: str) -> list[str]:
    """The pieces of a line printed side by side (three spaces or a tab apart)."""
    return [p.strip() for p in re.split(r"\s{3,}|\t+", text) if p.strip()]


def _owns_next(lines: list[Line], i: int, signer: Signed) -> bool:
    """An organization line under a name is that signer's when the two stand alone between
    blank lines ('Jane Doe' / 'WOLA', a blank, the next block): in a list printed one per line
    an organization under a name is a signer of its own."""
    if signer.kind != "person" or not signer.certain or _person_like(
            _parse_name(LIST_MARK_RE.sub("", lines[i].s))[0]):
        return False
    prev = lines[i - 2] if i >= 2 else None
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return (prev is None or prev.blank) and (nxt is None or nxt.blank)


@lru_cache(maxsize=1 << 14)
def _prose(text: str) -> bool:
    """Sentence text that ends a signature block (organization names are not sentences)."""
    ws = words(text)
    if len(ws) >= 25:
        return True
    lower = [w for w in ws if w[:1].islower() and w not in PARTICLES]
    return len(ws) >= 10 and len(lower) >= len(ws) / 2 and text.rstrip()[-1:] in '.!?"”:'
