"""The letter header: letterhead, printed date, recipient block, salutation."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from undersigned.convert.lines import SALUTATION_RE, Line, find_date, is_date_line, is_prose, words
from undersigned.convert.people import split_pair
from undersigned.core.vocabulary import ADDRESS_OFFICES, OFFICES, OFFICES_ES

LETTERHEAD_RE = re.compile(
    r"^(?:congress of the united states|united states senate|u\.s\. senate|"
    r"house of representatives|u\.s\. house of representatives|united states house of "
    r"representatives|committee on .+|subcommittee on .+|.*caucus)$", re.I)
ADDRESS_RE = re.compile(
    r"\b\d{5}(?:-\d{4})?\b|^\d+\s+\w+|\b(?:street|st\.|avenue|ave\.?|road|blvd|suite|room|"
    r"building|p\.?o\.? box|n\.?w\.?|s\.?w\.?)\b|^washington,?\s+d\.?\s?c\.?$|"
    # a country closing an address: 'EUA', 'USA', 'México'
    r"^(?:usa|u\.s\.a\.|eua|ee\.?\s?uu\.?|estados unidos(?: de am[eé]rica)?|"
    r"united states of america|m[eé]xico|guatemala|honduras|el salvador|nicaragua|costa rica)$",
    re.I)
# the headline a web page prints over a letter: 'Letter to Secretary Mayorkas', 'Carta al
# Secretario de Estado John Kerry', 'Open letter to ...'
PAGE_HEADLINE_RE = re.compile(r"^(?:(?:an?\s++)?(?:open\s++|joint\s++|bipartisan\s++)?letter|"
                              r"carta(?:\s++abierta)?)\s++(?:to|from|a|al|a\s++la|de|del)\s++\S.{2,150}$",
                              re.I)
# a courtesy title before an office or a name: 'Sr. Presidente Enrique Peña Nieto'
COURTESY_RE = re.compile(r"^(?:sr|sra|srta|lic|dr|dra|ing|mr|mrs|ms|mx)\.\s++(?=[A-Z])", re.I)
# a line naming an organization, not a person: two of them one under the other are two
# recipients ('Centro de Derechos Humanos de la Montaña Tlachinollan (TLACHINOLLAN)')
ORG_LINE_RE = re.compile(
    r"\b(?:centro|center|centre|comit[eé]|committee|padres|madres|familias|families|red|network|"
    r"asociaci[oó]n|association|movimiento|movement|coalici[oó]n|coalition|organizaci[oó]n|"
    r"organization|fundaci[oó]n|foundation|instituto|institute|colectivo|collective)\b|"
    r"\([A-Z]{3,}\)", re.I)
HONORABLE_RE = re.compile(r"^(?:the\s++)?hon(?:orable|\.)\s++(.+)$", re.I)
BOLD_RECIPIENT_RE = re.compile(r"^\*\*(.+?),?\*\*$")
ORG_RE = re.compile(r"\b(?:department|dept\.|agency|administration|office|council|bureau|"
                    r"commission|white house|usaid|house|senate|embassy|ministry|government|"
                    r"state of|united states|u\.s\.|departamento|secretar[ií]a|ministerio|"
                    r"embajada|gobierno|comisi[oó]n|casa blanca|casa presidencial|naciones unidas|"
                    r"organizaci[oó]n|procuradur[ií]a|fiscal[ií]a|canciller[ií]a|presidencia|"
                    r"congreso|senado|c[aá]mara)\b", re.I)


WEB_FURNITURE_RE = re.compile(
    r"^(?:skip to (?:main )?content|click here.{0,80}|download (?:the )?(?:full )?letter.{0,40}|"
    r"(?:read|view|see) the (?:full )?letter(?: here)?\.?|letters|press releases?|news|home|"
    r"print|share|email|menu)$", re.I)


@dataclass
class Header:
    date: dt.date | None = None
    date_line: int | None = None
    letterhead: list[str] = field(default_factory=list)
    recipients: list[dict[str, str]] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # source line numbers used by the header
    furniture: list[int] = field(default_factory=list)  # web-page lines dropped from it
    headline: str | None = None  # the web page's headline over the letter: 'Letter to …'
    headline_line: int | None = None


# an office printed before the name: 'President Joseph R. Biden'
OFFICE_PREFIX_RE = re.compile(
    rf"^((?i:{'|'.join(OFFICES + OFFICES_ES)})"
    r"(?:\s++de\s++[A-Z][\w ]{2,40}?)?)\s++"
    r"(?=[A-Z][a-z]++\s++[A-Z])")


_COLUMNS_RE = re.compile(r"(?<!\s)\s++(?=the honorable\b)", re.I)


def _regroup(blocks: list[list[Line]]) -> list[list[Line]]:
    """A double-spaced header (a blank line after every line, as web pages print it) has only
    one-line blocks: put each recipient's lines back together, a new recipient starting after
    the address lines (street, city and ZIP) of the one before."""
    if len(blocks) < 2 or any(len(b) != 1 for b in blocks):
        return blocks
    out: list[list[Line]] = []
    after_address = True
    for (line,) in blocks:
        address = bool(ADDRESS_RE.search(line.s))
        if not out or (after_address and not address) or HONORABLE_RE.match(line.s):
            out.append([])
        out[-1].append(line)
        after_address = address
    return out


# a given and a family name after a courtesy title ('Mr. Doug Steenland', 'Dr. Julie Gerberding')
_PERSON_AFTER = re.compile(r"^[A-Z][a-z]++(?:\s++[A-Z]\.?(?=\s))*+\s++[A-Z][\w'’-]*+"
                           r"(?:\s++[A-Z][\w'’-]*+)?$")


# an office printed after the addressee's name and a comma on one line
_OFFICE_AFTER_RE = re.compile(rf"^(?:{'|'.join(ADDRESS_OFFICES)})\b", re.I)


def _recipient_from_parts(parts: list[str]) -> dict[str, str]:
    name = parts[0].strip().rstrip(",")
    honorable = HONORABLE_RE.match(name)
    if honorable:
        name = honorable.group(1).strip()
    courtesy = COURTESY_RE.match(name)
    if courtesy and (OFFICE_PREFIX_RE.match(name[courtesy.end():]) or _PERSON_AFTER.match(
            name[courtesy.end():])):
        name = name[courtesy.end():]  # 'Mr. Michael Garcia' is Michael Garcia
    office = OFFICE_PREFIX_RE.match(name)
    rest = [p.strip().rstrip(",") for p in parts[1:] if p.strip().rstrip(",")]
    if office:
        name = name[office.end():].strip()
        rest.insert(0, office.group(1))
    person, comma, after = name.partition(", ")
    if comma and _OFFICE_AFTER_RE.match(after) and len(person.split()) >= 2:
        name = person  # 'The Honorable Michael Chertoff, Secretary': the office after a comma
        rest.insert(0, after)
    rec: dict[str, str] = {"name": name}
    org = None
    if len(rest) >= 2 and ORG_RE.search(rest[-1]):
        org = rest[-1]
        rest = rest[:-1]
    if rest:
        rec["role"] = ", ".join(rest)
    if org:
        rec["organization"] = org
    return rec


def is_header_like(text: str) -> bool:
    s = text.strip()
    if not s:
        return True
    if len(s) <= 250 and _ZIP_END_RE.search(s):
        return True  # an address run onto one line (it reads like a sentence)
    if is_prose(s) or s.endswith(":") and not SALUTATION_RE.match(s):
        return False
    ws = words(s)
    if s.endswith(".") and len(ws) >= 3 and not re.search(r"\b[A-Z]\.$|\b(?:Jr|Sr|Inc)\.$", s):
        return False
    return len(s) <= 120


# an address run onto one line ends with its ZIP code ('U.S. Citizenship and Immigration
# Service Department of Homeland Security 20 Massachusetts Avenue, NW Washington, D.C. 20529')
_ZIP_END_RE = re.compile(r"\b\d{5}(?:-\d{4})?$")


def parse_header(lines: list[Line]) -> Header:
    """Read what precedes the body: any of letterhead, date, recipient block(s)."""
    head = Header()
    current: list[Line] | None = None
    blocks_: list[list[Line]] = []
    expanded = _side_by_side(lines)
    top = next((x for x in expanded if not x.blank
                and not WEB_FURNITURE_RE.match(x.s.strip("*").strip())), None)
    for line in expanded:
        s = line.s.strip("*").strip()
        if _read_single(head, line, s, top=line is top, open_block=bool(current)):
            continue
        if not s:
            if current:
                blocks_.append(current)
                current = None
            continue
        if HONORABLE_RE.match(s) and current:
            blocks_.append(current)
            current = None
        if current is None:
            current = []
        current.append(Line(line.no, s))
    if current:
        blocks_.append(current)
    for block in _regroup(blocks_):
        _read_block(head, block)
    return head


def _side_by_side(lines: list[Line]) -> list[Line]:
    """Two recipients side by side ('The Honorable A The Honorable B') as two blocks."""
    expanded: list[Line] = []
    for line in lines:
        cols = _COLUMNS_RE.split(line.s)
        if len(cols) > 1 and all(HONORABLE_RE.match(c) for c in cols):
            for col in cols:
                expanded += [Line(line.no, col), Line(line.no, "")]
        else:
            expanded.append(line)
    return expanded


def _read_single(head: Header, line: Line, s: str, *, top: bool, open_block: bool) -> bool:
    """A header line read on its own (the page's headline, web furniture, the date, the
    letterhead, a recipient in bold); False for a line of a recipient block or a blank."""
    if top and head.date is None and PAGE_HEADLINE_RE.match(s) and not HONORABLE_RE.match(s):
        head.headline, head.headline_line = s, line.no
    elif s and WEB_FURNITURE_RE.match(s):  # 'Skip to Content', 'Click here to download …'
        head.furniture.append(line.no)
    elif not s:
        return False
    elif head.date is None and is_date_line(s):
        head.date = find_date(s)
        head.date_line = line.no
    elif not head.recipients and not open_block and (LETTERHEAD_RE.match(s) or (
            head.letterhead and not head.date and ADDRESS_RE.search(s))):
        head.letterhead.append(s)
    elif bold := BOLD_RECIPIENT_RE.match(line.s):
        head.recipients.append(_recipient_from_parts(bold.group(1).rstrip(",").split(",")))
    else:
        return False
    head.consumed.add(line.no)
    return True


# a line over the address that is no part of it: how the letter was sent ('VIA FACSIMILE:
# (202) 514-2141'), an editor's note in brackets ('[The text of Cantwell's letter follows]')
DELIVERY_RE = re.compile(r"^(?:(?:via|by)\s++(?:facsimile|fax|e-?mail|electronic mail|"
                         r"hand(?: delivery)?|u\.\s?s\. mail|first[- ]class mail|courier)\b|"
                         r"\[[^\]]++\]$)", re.I)


def _read_block(head: Header, block: list[Line]) -> None:
    """One block of header lines: organizations one under the other, a recipient (name, role,
    office; the address after it), or an address alone. A note over it (how it was sent, an
    editor's bracket) stays in the text."""
    while block and DELIVERY_RE.match(block[0].s):
        block = block[1:]
    if not block:
        return
    first = block[0].s
    honorable = HONORABLE_RE.match(first)
    if len(block) >= 2 and not honorable and all(
            ORG_LINE_RE.search(x.s) and not ADDRESS_RE.search(x.s) for x in block):
        head.recipients += [{"name": x.s.rstrip(",")} for x in block]
        head.consumed.update(x.no for x in block)
    elif honorable or (len(block) >= 2 and not ADDRESS_RE.search(first)):
        name = honorable.group(1) if honorable else first
        parts = [name]
        for line in block[1:]:
            if ADDRESS_RE.search(line.s):
                break
            parts.append(line.s)
        recipient = _recipient_from_parts(parts)
        pair = split_pair(recipient["name"])  # 'Rick Gropper and Andrew Moelis'
        head.recipients += [{**recipient, "name": one} for one in pair]
        head.consumed.update(x.no for x in block)
    elif all(ADDRESS_RE.search(x.s) or LETTERHEAD_RE.match(x.s) for x in block):
        head.consumed.update(x.no for x in block)
