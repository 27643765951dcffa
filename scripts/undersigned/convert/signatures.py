"""The signature block: one signatory per printed name, generic title lines dropped, roles split,
two people on one line split, organizations told apart from people where the text allows it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
from undersigned.convert.people import (
    ORG_WORDS,
    _person_like,
    classify,
    split_columns,
    split_pair,
)
from undersigned.convert.printed import (
    PARTY_ONLY_RE,
    PARTY_THEN_ROLE_RE,
    PLURAL_TITLE_RE,
    URL_RE,
    _column_heads,
    _listed,
    _of_state,
    _run_together,
    _title_words,
    _with_country,
    _without_conjunction,
    semicolon_joins,
    slash_parts,
)
from undersigned.convert.roles import (
    _CONGRESS_ROLE_RE,
    _TITLE_RE,
    GENERIC_RE,
    LEADING_TITLE_RE,
    REPEATED_TITLE_RE,
    ROLE_WORDS,
    TITLE_PREFIX,
    TRAILING_TITLE_RE,
    _role_line,
    _split_role,
)
from undersigned.core.names import DEGREES_RE, fold
from undersigned.core.problems import Problem
from undersigned.core.vocabulary import (
    PARTICLES,
    SIGNATURE_NOTES,
    SIGNATURE_STOPS,
    SUFFIXES,
)

NOTE_RE = re.compile(rf"^\(?(?:{'|'.join(SIGNATURE_NOTES)})\b", re.I)
CONTACT_RE = re.compile(rf"^(?:{'|'.join(SIGNATURE_STOPS)})\s*+:", re.I)
PARTY_RE = re.compile(r"^(?:[DRI]|Dem|Rep|Ind)\s*+[-–]|^[A-Z]{2}[-–]\d{1,2}$|^[A-Z]{2}$")
STOP_RE = re.compile(r"^(?:cc|bcc|enclosures?|attachments?|related issues|related topics|"
                     r"issues|tags)\s*+:|^the honorable\b|^dear\b|^(?:estimad|apreciad|distinguid)[oa]s?\s|^\*{0,2}"
                     r"(?:questions for|appendix|annex)\b|^https?://|^#{3}|^\[\d{1,3}\]|"
                     # a postscript, a byline: 'P.S. Please share', 'By Lisa Haugaard'
                     r"^p\.\s?+s\.|^by\s++[A-Z]", re.I)
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


# (a match starts where its run of spaces starts: no search retried inside one run)
PAREN_RE = re.compile(r"(?<!\s)\s*+\(([^()]{1,40})\)\s*+$")
SIGNED_RE = re.compile(r"^(?:/s/|\(s\)|\[signed\])\s*+", re.I)
HEADING_RE = re.compile(r"^(?:#++\s*+)?\*\*(.+)\*\*$|^#++\s++(.+)$")


@dataclass
class Signed:
    name: str
    role: str | None
    kind: str  # person | organization
    line: int
    certain: bool = True
    columns: int = 1  # names printed side by side on this line (from the title row under it)
    group: str | None = None  # the heading the signature is listed under, as printed


@dataclass
class Block:
    signatories: list[Signed] = field(default_factory=list)
    end: int = 0  # index in the input list just after the block
    problems: list[Problem] = field(default_factory=list)
    heading: str | None = None
    congress: bool = False  # 'Member of Congress' / 'United States Senator' lines seen
    dropped: list[int] = field(default_factory=list)  # lines of page furniture


@lru_cache(maxsize=1 << 14)
def _parse_name(text: str) -> tuple[str, str | None]:
    """Name + role as printed: 'Name (R-Indiana)', 'Name, role, institution'."""
    role = None
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
        head, rest = text.split(",", 1)
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


def _last_row(signed: list[Signed]) -> list[Signed]:
    """The signatories printed on the last signatory's line (read from the end: linear)."""
    out: list[Signed] = []
    for x in reversed(signed):
        if x.line != signed[-1].line:
            break
        out.append(x)
    return out[::-1]


def parse_signatures(lines: list[Line], src: str, running: frozenset[str] = frozenset()
                     ) -> Block:
    """Read signatories from the lines after the closing ('Sincerely,'). ``running``: folded
    texts that are a running header when a page break repeats them (the salutation's
    addressee, 'Secretary Blinken')."""
    block = Block()
    i = 0
    blank_run = 0
    since_title = 0  # signatories added since the last title row
    attach: Signed | None = None  # the signer the next role or organization line belongs to
    role_lines = 0  # lines of role printed under that signer so far
    single_lines: set[int] = set()  # lines printed as one piece (candidates for columns)
    # the list's own convention: 'Etan Thomas, Washington Wizards; author, More Than an
    # Athlete' says its semicolons join one signer's affiliations, on every line
    joins = any(semicolon_joins(x.s) for x in lines)
    while i < len(lines):
        line = lines[i]
        s = line.s
        if not s:
            blank_run += 1
            i += 1
            continue
        plain = s.strip("*_ ").strip()
        if END_MARK_RE.match(s) or STOP_RE.match(s) or FOOTDEF_RE.match(s) \
                or CLOSING_RE.match(plain) \
                or LANGUAGE_MARK_RE.match(s) or CONTACT_RE.match(plain):  # 'Contact: ...'
            break
        if URL_RE.search(s) and block.signatories:
            break  # 'For the letter with its footnotes, visit http://…'
        if FURNITURE_RE.match(s.strip("*_ ")) or is_date_line(s) or fold(s) in running \
                or URL_RE.search(s):
            block.dropped.append(line.no)
            i += 1
            continue
        if NOTE_RE.match(LIST_MARK_RE.sub("", plain)) or _column_heads(plain):
            # 'Affiliations for identification only', 'Name, Organization'
            i += 1
            attach = None
            continue
        if _prose(s) and not _listed(LIST_MARK_RE.sub("", s), joins):
            break
        heading = HEADING_RE.match(s)
        if heading or GROUP_RE.match(s):
            text = (heading.group(1) or heading.group(2)) if heading else s
            block.heading = text.strip("*_ ").rstrip(":").strip()
            i += 1
            attach = None
            continue
        plain = plain.rstrip(".").strip() if plain.endswith(".") and not plain.endswith(
            " Jr.") else plain
        if REPEATED_TITLE_RE.match(plain):  # side-by-side columns: the names above are pairs
            columns = len(_TITLE_RE.findall(plain))
            for signed in list(block.signatories[since_title:]):
                if signed.line in single_lines:
                    signed.columns = columns
                    names = split_columns(signed.name, columns)
                    if len(names) > 1:  # 'JON S. CORZINE FRANK R. LAUTENBERG' over two titles
                        at = block.signatories.index(signed)
                        block.signatories[at:at + 1] = [
                            Signed(x, None, "person", signed.line, True, 1, signed.group)
                            for x in names]
            block.congress = True
            since_title = len(block.signatories)
            i += 1
            continue
        if GENERIC_RE.match(plain) or plain.lower() in {"/s/", "s/", "(s)"} \
                or _title_words(plain):
            for signed in block.signatories[since_title:]:  # 'Kennedy' / 'Member of Congress'
                if not signed.certain and len(signed.name.split()) == 1:
                    signed.kind, signed.certain = "person", True
                    block.problems = [p for p in block.problems
                                      if f"whether '{signed.name}' is" not in p.message]
            since_title = len(block.signatories)
            block.congress = block.congress or bool(re.search(
                r"congress|senator|representative", plain, re.I))
            i += 1
            continue
        if plain.endswith(":") and ":" not in plain[:-1]:  # a heading: 'In order of signing:'
            if len(words(plain)) > 6:
                break  # 'The text of the letter from the Secretary follows:'
            i += 1
            attach = None
            continue
        row = [p.strip() for p in re.split(r"\s{3,}|\t+", plain) if p.strip()]
        last_row = _last_row(block.signatories)
        if len(row) >= 2 and len(row) == len(last_row) and all(
                _role_line(x) for x in row):  # 'Caucus Co-Chair   Caucus Co-Chair'
            for signed, role in zip(last_row, row, strict=True):
                signed.role = f"{signed.role}, {role}" if signed.role else role
            block.congress = block.congress or any(_CONGRESS_ROLE_RE.search(x) for x in row)
            attach = last_row[-1]
            i += 1
            continue
        if attach is not None and attach is block.signatories[-1] and (
                blank_run <= 1 and _role_line(plain)) or attach is not None and blank_run == 0 \
                and attach is block.signatories[-1] and ((role_lines and role_lines < 4 and not _person_like(
                    _parse_name(LIST_MARK_RE.sub("", plain))[0])) or (
                    attach.role is None and _owns_next(lines, i, attach))):
            # a role, a title or an organization printed under the name: the signer's
            attach.role = f"{attach.role}, {plain}" if attach.role else plain
            role_lines += 1
            block.congress = block.congress or bool(_CONGRESS_ROLE_RE.search(plain))
            i += 1
            continue
        text = LIST_MARK_RE.sub("", line.text.strip())
        text = SIGNED_RE.sub("", text.strip().strip("*_ ").strip())
        lead = LEADING_TITLE_RE.match(text)
        if lead and _person_like(text[lead.end():]):  # 'Member of Congress Jane Doe'
            text = text[lead.end():]
            block.congress = True
        trail = TRAILING_TITLE_RE.search(text)
        if trail and "," not in text and text[:trail.start()].split()[-1][:1].isupper() \
                and _person_like(text[:trail.start()]):  # 'Tom Daschle United States Senator'
            text = text[:trail.start()]
            block.congress = True
        plural = PLURAL_TITLE_RE.match(text)  # 'Senators Jeffords, Sarbanes and Crapo.'
        text = text[plural.end():] if plural else text
        pieces = _listed(text, joins) or _run_together(text) or (plural and [
            p for p in re.split(r",\s*+(?:and\s++)?|\s++and\s++", text.rstrip(".")) if p.strip()
        ]) or [
            p for p in re.split(r"\s{3,}|\t+", text) if p.strip()]
        if len(pieces) == 1:
            single_lines.add(line.no)
        before = len(block.signatories)
        for piece in pieces:
            piece = SIGNED_RE.sub("", piece.strip().strip("*_ ").strip())
            # 'and Jim Webb, U.S. Senator': before the name is read ('and Jim Webb' is no name)
            piece = _without_conjunction(PLURAL_TITLE_RE.sub("", piece))
            party = PARTY_ONLY_RE.match(piece)
            if party and block.signatories and block.signatories[-1].line == line.no \
                    and block.signatories[-1].role is None:  # 'John Kerry, (D-MA)'
                block.signatories[-1].role = party.group(1)
                continue
            if TITLE_PREFIX.match(piece):
                block.congress = True
                piece = TITLE_PREFIX.sub("", piece)
            if not piece or GENERIC_RE.match(piece.rstrip(".")):
                block.congress = block.congress or bool(piece)
                continue
            then_role = PARTY_THEN_ROLE_RE.match(piece)
            slashed = slash_parts(piece)  # 'Name / Title / Organization'
            if slashed:
                name, role = slashed
            elif then_role and _person_like(then_role.group(1)):
                role = f"{then_role.group(2)}, {then_role.group(3).rstrip('.')}"
                name = then_role.group(1)
            else:
                name, role = _parse_name(piece)
            if role is None and len(pieces) == 1:
                name, role = _split_role(name)
            if role is None:
                name, role = _of_state(name)
            name = _without_conjunction(name)  # 'Max Baucus and (D-MT)'
            pair = split_pair(name)
            for one in pair:
                kind, certain = classify(one)
                if len(pair) == 2 or plural:  # 'Senators Jeffords, Sarbanes and Crapo'
                    kind, certain = "person", True
                block.signatories.append(Signed(one, role, kind, line.no, certain,
                                                group=block.heading))
                if not certain:
                    block.problems.append(Problem(
                        src, line.no, f"cannot tell whether '{one}' is a person or an "
                        f"organization; proposed {kind}",
                        "check `kind:` of its entry in signatories.yaml", warning=True))
        added = block.signatories[before:]
        role_lines = 0
        attach = added[-1] if len(added) == 1 and added[0].kind == "person" else None
        blank_run = 0
        i += 1
    block.end = i
    seen: dict[str, Signed] = {}
    for signed in block.signatories:
        key = " ".join(fold(signed.name).replace(".", " ").split())
        if key in seen:
            block.problems.append(Problem(
                src, signed.line, f"'{signed.name}' is listed twice in one signature list "
                f"(lines {seen[key].line} and {signed.line})",
                "check the original; remove the duplicate from `signatories:` if it is one",
                warning=True))
        else:
            seen[key] = signed
    if block.dropped:
        block.problems.append(Problem(
            src, block.dropped[0], f"dropped {len(block.dropped)} line(s) of page furniture "
            "(page numbers, running headers) inside the signature block: lines "
            + ", ".join(map(str, block.dropped)),
            "check the original if one of them was a signature", warning=True))
    return block


def ends_list(text: str) -> bool:
    """A line that ends a list of signers after it: a contact, a link, 'cc:', '###'."""
    plain = text.strip("*_ ").strip()
    return bool(CONTACT_RE.match(plain) or URL_RE.search(plain) or STOP_RE.match(plain)
                or END_MARK_RE.match(text))


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
