"""Line breaks a web scrape lost inside a signature, put back before anything reads the text.

The shapes, each recognised by the whole line and never by a document:

- a closing with the signature after it on the same line ('Sincerely, [Signed] U.S. Senators
  Maria Cantwell (D-WA), Larry Craig (R-ID)', 'Sincerely,   Jane Doe   Member of Congress'):
  the closing becomes a line of its own and the rest the first line of the signature block;
- names run into their titles ('Dianne FeinsteinUnited States Senator Barbara BoxerUnited
  States Senator'): each name and each title on a line of its own;
- a salutation with the first paragraph after it on its line ('Dear Chairman Chambliss and
  Ranking Member Harkin: I am pleased to …'): the salutation becomes a line of its own;
- an address block on one line ('The Honorable Samuel Bodman Secretary U.S. Department of
  Energy 1000 Independence Avenue Washington, D.C. 20585', or its parts two spaces apart): the
  addressee, the office, the institution, the street and the city each on a line;
- two names run into each other ('Max BaucusJon Tester'): a line each, when both halves read
  as a person's name of two words or more (so 'Rosa DeLauro' and 'Dan McCaskill' stay whole);
- a whole page on one line that kept its punctuation, its paragraphs three spaces or more apart
  ('… is as follows:   Dear Mr. President:   We write …   Sincerely,   U.S. Senators Joe
  Biden; Mike DeWine; …'): a paragraph each, a blank line between (the other shapes then read
  each piece).

Words are never changed, dropped or reordered: a line is only cut, and every piece keeps the
number of the source line it came from (what a warning names)."""

from __future__ import annotations

import re

from undersigned.convert.address import address_cuts
from undersigned.convert.lines import CLOSING_RE, Line
from undersigned.convert.people import _person_like
from undersigned.convert.printed import roster
from undersigned.convert.roles import _TITLES
from undersigned.convert.signature_lines import _prose

# 'Sincerely,' followed on its line by something else: the closing's words as CLOSING_RE has
# them, then a comma or at least two spaces (one space would also take 'Regards to all')
_CLOSING_HEAD_RE = re.compile(
    CLOSING_RE.pattern.removesuffix(r"\s*+(?:[,.]\s*+)?$") + r"(?:\s*+,|\s{2,})\s*+(?=\S)",
    re.I)
# a title glued to the name before it: a lower-case letter, then the title's capital
_GLUED_RE = re.compile(rf"(?<=[a-z])(?=[A-Z])(?i:{_TITLES})(?=\s|$)")
_NAME_RE = re.compile(r"^[A-Z][\w.'’-]*+(?:\s[A-Z][\w.'’-]*+){0,4}$")  # 'Dianne Feinstein'


def relayout(lines: list[Line]) -> list[Line]:
    """The lines with the breaks a scrape lost inside signatures put back."""
    out: list[Line] = []
    for line in (x for whole in lines for x in _paragraphs_apart(whole)):
        parts = [x for part in _address_apart(line) for x in _salutation_apart(part)]
        for piece in [x for part in parts for x in _closing_apart(part)]:
            for one in _titles_apart(piece):
                out.extend(_names_apart(one))
    return out


# a page run onto one line: long, with sentences, its paragraphs at least three spaces apart
# (lines.py writes every longer run of spaces as three)
_PAGE_LINE_CHARS = 800
_PARAGRAPH_GAP_RE = re.compile(r"(?<=\S) {3,}(?=\S)")
_SENTENCE_END_RE = re.compile(r"[.!?:][\"”’)]?(?= )")


def _paragraphs_apart(line: Line) -> list[Line]:
    text = line.s
    if len(text) < _PAGE_LINE_CHARS or len(_SENTENCE_END_RE.findall(text)) < 5:
        return [line]
    pieces = _PARAGRAPH_GAP_RE.split(text)
    if len(pieces) < 3:
        pieces = _two_space_paragraphs(text)
    if len(pieces) < 3:
        return [line]
    out: list[Line] = []
    for piece in pieces:  # a paragraph, its parts on lines of their own (no blank between)
        if out:
            out.append(Line(line.no, ""))
        out += [Line(line.no, part) for part in _parts_of_a_letter(piece)]
    return out


_TWO_SPACE_GAP_RE = re.compile(r"(?:(?<=[.!?:][\"”’)])|(?<=[!?:])|(?<=[a-z]{3}\.)) {2}"
                               r"(?=[A-Z“\"])")  # (not after 'Jr.', 'Sr.' or 'P.': a name)


def _two_space_paragraphs(text: str) -> list[str]:
    """A page whose paragraphs are two spaces apart (after a sentence's end): cut there, unless
    most sentences end so (a typist's two spaces between sentences, not paragraphs)."""
    gaps = len(_TWO_SPACE_GAP_RE.findall(text))
    if gaps < 2 or gaps > 0.6 * len(_SENTENCE_END_RE.findall(text)):
        return [text]
    return _TWO_SPACE_GAP_RE.split(text)


# inside a paragraph of such a page, where a letter's parts meet with two spaces (or a ZIP
# code and one): before an addressee ('The Honorable'), a salutation ('Dear …:'), a closing
_PART_START_RE = re.compile(r"(?:(?<=\S) {2}|(?<=\d{5}) |(?<=\d{5}-\d{4}) |(?<=:) (?=Dear\s))(?=(?:The\s)?"
                            r"Honorable\s[A-Z]|Hon\.\s[A-Z]|Dear\s[^:]{2,80}:\s|(?:Sincerely|"
                            r"Respectfully|Very truly yours|Best regards)\b)")
# a date two spaces from what is around it (or at the paragraph's start): a line of its own
_DATE_PART_RE = re.compile(r"(?:^|(?<=\S {2}))(?:January|February|March|April|May|June|July|"
                           r"August|September|October|November|December)\s\d{1,2},\s\d{4}"
                           r"(?= {2}\S)")


def _parts_of_a_letter(piece: str) -> list[str]:
    """A page paragraph cut where a date, an addressee, a salutation or a closing begins
    ('February 21, 2006  The Honorable Ted Stevens, Chairman  …  Washington, D.C. 20510-6125
    Dear Chairman Stevens:  In light of …')."""
    cuts = [m.start() for m in _PART_START_RE.finditer(piece)]
    for date in _DATE_PART_RE.finditer(piece):
        cuts += [date.start(), date.end()]
    bounds = [0, *sorted(set(cuts)), len(piece)]
    return [piece[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)
            if piece[a:b].strip()]


_ADDRESSEE_LINE_RE = re.compile(r"^(?:The\s++)?Hon(?:orable|\.)\s++[A-Z]")
# two spaces where the page had a comma or a line break ('Majoras  Chairman  Federal Trade
# Commission'); a wider run is layout of its own, never a cut
_WIDE_GAP_RE = re.compile(r"(?<=\S)(?<!Honorable) {2}(?=\S)")


def _address_apart(line: Line) -> list[Line]:
    text = line.s
    if not _ADDRESSEE_LINE_RE.match(text) or len(text.split()) > 30 or text.endswith("."):
        return [line]
    cuts = [m.end() for m in _WIDE_GAP_RE.finditer(text)] or address_cuts(text, 0, len(text))
    bounds = [0, *sorted(set(cuts)), len(text)]
    return [Line(line.no, text[a:b].strip()) for a, b in zip(bounds, bounds[1:], strict=False)
            if text[a:b].strip()]


# 'Dear …:' then a sentence: at most twelve words before the colon, a capital after it
_SALUTATION_HEAD_RE = re.compile(r"^Dear\s++(?:[^\s:]++\s++){0,11}[^\s:]++:\s++(?=[A-Z“\"])")


def _salutation_apart(line: Line) -> list[Line]:
    head = _SALUTATION_HEAD_RE.match(line.s)
    if not head or not _prose(line.s[head.end():]):
        return [line]
    return [Line(line.no, head.group(0).rstrip()), Line(line.no, line.s[head.end():])]


def _closing_apart(line: Line) -> list[Line]:
    head = _CLOSING_HEAD_RE.match(line.s)
    if not head:
        return [line]
    rest = line.s[head.end():]
    if _prose(rest) and not (roster(rest) or _glued(rest)) or rest[:1].islower():
        return [line]  # 'Regards, and thank you for …': a sentence, not a signature
    return [Line(line.no, head.group(0).rstrip()), Line(line.no, rest)]


def _titles_apart(line: Line) -> list[Line]:
    pieces = _glued(line.s) or _spaced(line.s)
    return [Line(line.no, x) for x in pieces] if pieces else [line]


_TITLE_ONLY_RE = re.compile(rf"^(?:{_TITLES})$", re.I)
_TWO_SPACES_RE = re.compile(r" {2,}")
_END_MARK_TAIL_RE = re.compile(r"\s(?:#\s?#\s?#|-30-)$")
_TITLE_TAIL_RE = re.compile(rf"\s(?:{_TITLES})$", re.I)


def _spaced(text: str) -> list[str] | None:
    """'John F. Kerry  United States Senator  Joseph R. Biden, Jr.  United States Senator' (a
    scrape's line breaks left as two spaces) as its names and titles, and an end mark run onto
    the last ('Barbara Boxer United States Senator ###') on a line of its own; None unless
    the line is only names, each followed by its title."""
    tail = _END_MARK_TAIL_RE.search(text)
    body = text[:tail.start()] if tail else text
    parts = [x.strip() for x in _TWO_SPACES_RE.split(body.strip())]
    names, titles = parts[0::2], parts[1::2]
    spaced = len(parts) >= 2 and len(names) == len(titles) \
        and all(_TITLE_ONLY_RE.match(t) for t in titles) \
        and all(_NAME_RE.match(n.replace(",", "")) for n in names)
    if spaced:
        return parts + ([tail.group(0).strip()] if tail else [])
    return [body.rstrip(), tail.group(0).strip()] if tail and _person_like(
        _TITLE_TAIL_RE.sub("", body).strip()) else None


def _glued(text: str) -> list[str] | None:
    """'Dianne FeinsteinUnited States Senator Barbara BoxerUnited States Senator' as its names
    and titles; None unless the line is only names with their titles glued on."""
    out: list[str] = []
    pos = 0
    for m in _GLUED_RE.finditer(text):
        name = text[pos:m.start()].strip()
        if not _NAME_RE.match(name):
            return None
        out += [name, m.group(0)]
        pos = m.end()
    return out if out and not text[pos:].strip() else None


_CAPITALIZED_LINE_RE = re.compile(r"^[A-Z][\w.'’-]*+(?: [A-Z][\w.'’-]*+){2,7}$")
_JOIN_RE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


_NAMES_LINE_CHARS = 120  # two names run together are never longer (a longer 'word' would make
# the cut points x slices quadratic: a CamelCase run of a megabyte)


def _names_apart(line: Line) -> list[Line]:
    text = line.s
    if len(text) > _NAMES_LINE_CHARS or not _CAPITALIZED_LINE_RE.match(text):
        return [line]
    for m in _JOIN_RE.finditer(text):
        left, right = text[:m.start()], text[m.start():]
        if " " in left and " " in right.strip() and not left.endswith((" Mc", " Mac", " De")) \
                and _person_like(left) and _person_like(right):
            return [Line(line.no, left), *_names_apart(Line(line.no, right))]
    return [line]
