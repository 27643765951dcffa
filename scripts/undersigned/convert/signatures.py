"""The signature block: each line is classified (`signature_lines.py`), then the block is
assembled by a few declared rules, one per kind of line:

- a name line adds its signers (one per printed name; two people on one line split; a party or
  state beside the name kept as its role);
- a name owns the title, role and organization lines printed under or beside it (a row of roles
  under a row of names goes to each name in turn);
- a generic title ('Member of Congress', '/s/') confirms the names above it as people, and a row
  of titles side by side says the names above it were printed in columns;
- a group heading names the group of the signatures under it; a note or a list heading is read
  and skipped; page furniture is dropped and said;
- the block ends at a closing, a contact, '###', a footnote, a new salutation, a link after the
  names, or prose.

What the block could not tell for certain (person or organization), a name printed twice and the
furniture dropped are reported once the block is assembled: no warning is ever taken back."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from undersigned.convert.lines import END_MARK_RE, Line
from undersigned.convert.people import _person_like, split_columns
from undersigned.convert.printed import (
    PARTY_ONLY_RE,
    PLURAL_TITLE_RE,
    URL_RE,
    _listed,
    _run_together,
    _without_conjunction,
    roster,
    semicolon_joins,
)
from undersigned.convert.roles import (
    _CONGRESS_ROLE_RE,
    _TITLE_RE,
    LEADING_TITLE_RE,
    TRAILING_TITLE_RE,
)
from undersigned.convert.signature_lines import (
    CONTACT_RE,
    ENDS,
    HEADING_RE,
    LIST_MARK_RE,
    NOTE_RE,
    STOP_RE,
    Context,
    LineKind,
    View,
    cells,
    classify_line,
    uniform_blocks,
    view,
)
from undersigned.convert.signed import (
    SIGNED_RE,
    Signed,
    _parse_name,
    person_or_organization,
    read_piece,
)
from undersigned.core.names import fold
from undersigned.core.problems import Problem

__all__ = ["Block", "LIST_MARK_RE", "NOTE_RE", "Signed", "ends_list", "parse_signatures"]


@dataclass
class Block:
    signatories: list[Signed] = field(default_factory=list)
    end: int = 0  # index in the input list just after the block
    problems: list[Problem] = field(default_factory=list)
    heading: str | None = None
    congress: bool = False  # 'Member of Congress' / 'United States Senator' lines seen
    dropped: list[int] = field(default_factory=list)  # lines of page furniture


@dataclass
class _Assembly:
    """The block being assembled and what its rules need to remember."""

    lines: list[Line]
    block: Block
    context: Context
    since_title: int = 0  # signatures added since the last title row
    single_lines: set[int] = field(default_factory=set)  # lines printed as one piece

    @property
    def signed(self) -> list[Signed]:
        return self.block.signatories

    def look(self) -> None:
        """Refresh what the recognizers may read of the block."""
        c, signed = self.context, self.signed
        c.signed = len(signed)
        c.congress = self.block.congress
        c.owner_is_last = bool(signed) and c.owner is signed[-1]
        c.last_row = tuple(_last_row(signed))


def parse_signatures(lines: list[Line], src: str, running: frozenset[str] = frozenset()
                     ) -> Block:
    """Read signatories from the lines after the closing ('Sincerely,'). ``running``: folded
    texts that are a running header when a page break repeats them (the salutation's
    addressee, 'Secretary Blinken')."""
    # the list's own convention: 'Etan Thomas, Washington Wizards; author, More Than an
    # Athlete' says its semicolons join one signer's affiliations, on every line
    joins = any(semicolon_joins(x.s) for x in lines)
    work = _Assembly(lines, Block(), Context(lines, running, joins,
                                             places=uniform_blocks(lines)))
    i = 0
    while i < len(lines):
        if lines[i].blank:
            work.context.blank_run += 1
            i += 1
            continue
        work.look()
        v = view(lines, i)
        kind = classify_line(v, work.context)
        if kind in ENDS:
            break
        RULES[kind](work, v)
        i += 1
    work.block.end = i
    _report(work.block, src)
    return work.block


def _furniture(work: _Assembly, v: View) -> None:
    work.block.dropped.append(work.lines[v.i].no)


def _skip(work: _Assembly, v: View) -> None:
    work.context.owner = None  # a note or a list heading: what follows is no one's role


def _group_heading(work: _Assembly, v: View) -> None:
    heading = HEADING_RE.match(v.s)
    text = (heading.group(1) or heading.group(2)) if heading else v.s
    work.block.heading = text.strip("*_ ").rstrip(":").strip()
    work.context.owner = None


def _title_row(work: _Assembly, v: View) -> None:
    """'Member of Congress   Member of Congress': the names above it are columns."""
    columns = len(_TITLE_RE.findall(v.bare))
    signed = work.signed
    for one in list(signed[work.since_title:]):
        if one.line not in work.single_lines:
            continue
        one.columns = columns
        names = split_columns(one.name, columns)
        if len(names) > 1:  # 'JON S. CORZINE FRANK R. LAUTENBERG' over two titles
            at = next(k for k, x in enumerate(signed) if x is one)
            signed[at:at + 1] = [Signed(x, None, "person", one.line, True, 1, one.group)
                                 for x in names]
    work.block.congress = True
    work.since_title = len(signed)


def _title(work: _Assembly, v: View) -> None:
    """'Kennedy' / 'Member of Congress': the one-word names above the title are people."""
    for one in work.signed[work.since_title:]:
        if not one.certain and len(one.name.split()) == 1:
            one.kind, one.certain = "person", True
    work.since_title = len(work.signed)
    work.block.congress = work.block.congress or bool(re.search(
        r"congress|senator|representative", v.bare, re.I))


def _role_row(work: _Assembly, v: View) -> None:
    """'Caucus Co-Chair   Caucus Co-Chair' under two names: one role each."""
    row = cells(v.bare)
    last_row = work.context.last_row
    for one, role in zip(last_row, row, strict=True):
        one.role = f"{one.role}, {role}" if one.role else role
    work.block.congress = work.block.congress or any(_CONGRESS_ROLE_RE.search(x) for x in row)
    work.context.owner = last_row[-1]


def _role(work: _Assembly, v: View) -> None:
    """A role, a title or an organization printed under the name: the signer's."""
    owner = work.context.owner
    assert owner is not None  # the recognizer saw it
    owner.role = f"{owner.role}, {v.bare}" if owner.role else v.bare
    c = work.context
    c.role_lines += 1
    c.block_roles = c.block_roles or (not c.blank_run and v.i < len(c.places)
                                      and c.places[v.i] >= 2)
    work.block.congress = work.block.congress or bool(_CONGRESS_ROLE_RE.search(v.bare))


def _names(work: _Assembly, v: View) -> None:
    """A line of one or more signers."""
    no = work.lines[v.i].no
    text, plural = _name_text(work, work.lines[v.i].text)
    pieces = roster(text) or _listed(text, work.context.joins) or _run_together(text) or (plural and [
        p for p in re.split(r",\s*+(?:and\s++)?|\s++and\s++", text.rstrip(".")) if p.strip()
    ]) or cells(text)
    if len(pieces) == 1:
        work.single_lines.add(no)
    before = len(work.signed)
    for piece in pieces:
        _add_piece(work, piece, no, alone=len(pieces) == 1, plural=plural)
    added = work.signed[before:]
    c = work.context
    _organization_over_person(work, v, added)
    c.role_lines = 0
    c.owner = added[-1] if len(added) == 1 and added[0].kind == "person" else None
    c.blank_run = 0


def _organization_over_person(work: _Assembly, v: View, added: list[Signed]) -> None:
    """Blocks that open with an organization and then name its person ('Alianza Americas' /
    'Maria Lopez, Executive Director', a blank, the next block): the organization is the
    person's, not a signer of its own."""
    places, signed = work.context.places, work.signed
    if len(added) != 1 or added[0].kind != "person" or len(signed) < 2 \
            or v.i >= len(places) or places[v.i] != 2:
        return
    above = signed[-2]
    if above.kind != "organization" or not above.certain \
            or above.line != work.lines[v.i - 1].no or places[v.i - 1] != 1 \
            or not _organizations_over_people(work.lines, places):
        return
    person = added[0]
    person.role = f"{person.role}, {above.name}" if person.role else above.name
    signed.remove(above)


def _organizations_over_people(lines: list[Line], places: tuple[int, ...]) -> bool:
    """Does every block open with an organization and name a person under it?"""
    firsts = [lines[k].s for k, p in enumerate(places) if p == 1]
    seconds = [lines[k].s for k, p in enumerate(places) if p == 2]
    return len(firsts) == len(seconds) and all(
        person_or_organization(x, False) == ("organization", True) for x in firsts) and all(
        _person_like(_parse_name(LIST_MARK_RE.sub("", x))[0]) for x in seconds)


def _name_text(work: _Assembly, raw: str) -> tuple[str, bool]:
    """The names of a line without what is printed around them: a list mark, '/s/', a title
    before or after the name ('Member of Congress Jane Doe', 'Tom Daschle United States
    Senator'), 'Senators' before a list; and whether that plural title was there."""
    text = LIST_MARK_RE.sub("", raw.strip())
    text = SIGNED_RE.sub("", text.strip().strip("*_ ").strip())
    lead = LEADING_TITLE_RE.match(text)
    if lead and _person_like(text[lead.end():]):  # 'Member of Congress Jane Doe'
        text = text[lead.end():]
        work.block.congress = True
    trail = TRAILING_TITLE_RE.search(text)
    if trail and "," not in text and text[:trail.start()].split()[-1][:1].isupper() \
            and _person_like(text[:trail.start()]):  # 'Tom Daschle United States Senator'
        text = text[:trail.start()]
        work.block.congress = True
    plural = PLURAL_TITLE_RE.match(text)  # 'Senators Jeffords, Sarbanes and Crapo.'
    if plural:
        work.block.congress = True  # (the plural titles are Congress's)
    return (text[plural.end():] if plural else text), bool(plural)


def _add_piece(work: _Assembly, piece: str, no: int, *, alone: bool, plural: bool) -> None:
    piece = SIGNED_RE.sub("", piece.strip().strip("*_ ").strip())
    # 'and Jim Webb, U.S. Senator': before the name is read ('and Jim Webb' is no name)
    piece = _without_conjunction(PLURAL_TITLE_RE.sub("", piece))
    party = PARTY_ONLY_RE.match(piece)
    signed = work.signed
    if party and signed and signed[-1].line == no and signed[-1].role is None:
        signed[-1].role = party.group(1) or party.group(2)  # 'John Kerry, (D-MA)'
        return
    read = read_piece(piece, alone)
    work.block.congress = work.block.congress or read.congress
    for one in read.names:
        kind, certain = person_or_organization(one, len(read.names) == 2 or plural)
        signed.append(Signed(one, read.role, kind, no, certain, group=work.block.heading))


RULES: dict[LineKind, Callable[[_Assembly, View], None]] = {
    LineKind.FURNITURE: _furniture,
    LineKind.NOTE: _skip,
    LineKind.LIST_HEADING: _skip,
    LineKind.GROUP_HEADING: _group_heading,
    LineKind.TITLE_ROW: _title_row,
    LineKind.TITLE: _title,
    LineKind.ROLE_ROW: _role_row,
    LineKind.ROLE: _role,
    LineKind.NAME: _names,
}


def _report(block: Block, src: str) -> None:
    """What the assembled block leaves open: a signer that may be a person or an
    organization, a name printed twice, the furniture dropped."""
    for one in block.signatories:
        if not one.certain:
            block.problems.append(Problem(
                src, one.line, f"cannot tell whether '{one.name}' is a person or an "
                f"organization; proposed {one.kind}",
                "check `kind:` of its entry in signatories.yaml", warning=True))
    seen: dict[str, Signed] = {}
    for one in block.signatories:
        key = " ".join(fold(one.name).replace(".", " ").split())
        if key in seen:
            block.problems.append(Problem(
                src, one.line, f"'{one.name}' is listed twice in one signature list "
                f"(lines {seen[key].line} and {one.line})",
                "check the original; remove the duplicate from `signatories:` if it is one",
                warning=True))
        else:
            seen[key] = one
    if block.dropped:
        block.problems.append(Problem(
            src, block.dropped[0], f"dropped {len(block.dropped)} line(s) of page furniture "
            "(page numbers, running headers) inside the signature block: lines "
            + ", ".join(map(str, block.dropped)),
            "check the original if one of them was a signature", warning=True))


def _last_row(signed: list[Signed]) -> list[Signed]:
    """The signatories printed on the last signatory's line (read from the end: linear)."""
    out: list[Signed] = []
    for x in reversed(signed):
        if x.line != signed[-1].line:
            break
        out.append(x)
    return out[::-1]


def ends_list(text: str) -> bool:
    """A line that ends a list of signers after it: a contact, a link, 'cc:', '###'."""
    plain = text.strip("*_ ").strip()
    return bool(CONTACT_RE.match(plain) or URL_RE.search(plain) or STOP_RE.match(plain)
                or END_MARK_RE.match(text))
