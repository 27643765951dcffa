"""The signers of a statement or open letter (no salutation, no closing of its own): the list
under its heading ('Signatories:', 'Firmantes:', also 'Signers: A, B, C' on one line), or else
the run of 'Name, affiliation' lines that ends the text, or the lines after its last paragraph
of prose; a valediction over the list ('Yours in peace and justice,') is no signer."""

from __future__ import annotations

import re

from undersigned.convert.lines import CLOSING_RE, Line, is_prose
from undersigned.convert.people import _person_like
from undersigned.convert.regions import VALEDICTION_RE
from undersigned.convert.signatures import (
    LIST_MARK_RE,
    NOTE_RE,
    Signed,
    ends_list,
    parse_signatures,
)
from undersigned.core.problems import Problem

_HEADINGS = (r"signed|signatories|signers|signed by|co-?signers|endorsed by|endorsers|"
             r"endorsements|initial signatories|list of signers|firmantes|firman|firmas|"
             r"suscriben|adhesiones|organizaciones firmantes|personas firmantes|"
             r"the undersigned|los abajo firmantes|las organizaciones abajo firmantes")
# a heading over a statement's signer list: 'Signed,', 'Signatories:', 'Firmantes:'
# (possessive \s*+: a line of a heading and thousands of spaces is read once, not n² times)
_SIGNER_HEADING = re.compile(rf"^\**(?:{_HEADINGS})\s*+[:,]?\**\s*+$", re.I)
# the heading and the list on one line: 'Signers: Leftist Assembly for Change, ATTAC Lebanon'
_INLINE_HEADING = re.compile(rf"^\**(?:{_HEADINGS})\s*:\**\s*(?=\S)", re.I)


def has_signer_heading(lines: list[Line]) -> bool:
    return any(_SIGNER_HEADING.match(x.s) or _INLINE_HEADING.match(x.s) for x in lines)


def _signer_line(text: str) -> bool:
    """'Etan Thomas, Washington Wizards; author, More Than an Athlete' (a name before the first
    comma and what is printed with it, however long), 'D.C. Anti War Network (DAWN)' (a name
    that is no sentence), a note of the list ('Partial list, in alphabetical order')."""
    plain = LIST_MARK_RE.sub("", text).strip()
    if NOTE_RE.match(plain):
        return True
    if ends_list(plain) or "@" in plain:
        return False  # a contact, a link, a postscript, a byline
    head = plain.split(",")[0].strip()
    if len(head.split()) > 12 or not head[:1].isupper() or plain[-1:] in "!?:" or (
            plain.endswith(".") and not re.search(r"\b(?:[A-Z]\.)++$", plain)):
        return False  # a sentence: 'No to Dictatorships!', 'Free them now.'
    return _person_like(head) or not is_prose(plain)


def _start(lines: list[Line]) -> tuple[int | None, bool]:
    """(index of the line the list follows, whether it is a heading)."""
    for k in range(len(lines) - 1, -1, -1):
        if _SIGNER_HEADING.match(lines[k].s):
            return k, True
        if _INLINE_HEADING.match(lines[k].s):
            lines[k] = Line(lines[k].no, _INLINE_HEADING.sub("", lines[k].s))
            return k - 1, True
    k = len(lines) - 1
    while k >= 0 and (lines[k].blank or ends_list(lines[k].s) or "@" in lines[k].s):
        k -= 1  # what follows a list: a contact, a link, a postscript
    run = 0  # the 'Name, affiliation' lines that end the text, long or short
    while k >= 0 and (lines[k].blank or _signer_line(lines[k].s)):
        run += not lines[k].blank
        k -= 1
    if run >= 2 and k >= 0 and lines[k].s.endswith(":"):
        return None, False  # 'We demand:' and the demands, in Title Case: no list of signers
    return (k if run >= 2 else None), False


def statement_signers(lines: list[Line], source: str, problems: list[Problem]) -> list[Signed]:
    """The signers of a statement, when its list (under a heading, or else of two names or
    more) runs to the end of the text or to a contact, a link, a postscript or '###'."""
    lines = list(lines)
    start, headed = _start(lines)
    if start is None:
        return []
    tail = lines[start + 1:]
    first = next((k for k, x in enumerate(tail) if not x.blank), None)
    if first is not None and (CLOSING_RE.match(tail[first].s) or VALEDICTION_RE.match(
            tail[first].s) and not _person_like(tail[first].s.rstrip(","))):
        tail = tail[first + 1:]  # 'Yours in peace and justice,', 'In solidarity,'
    block = parse_signatures(tail, source)
    rest = [x for x in tail[block.end:] if not x.blank]
    if len(block.signatories) < (1 if headed else 2) or rest and not ends_list(rest[0].s):
        if headed and block.signatories:
            at = lines[start].no if start >= 0 else lines[0].no
            problems.append(Problem(
                source, at, f"the list under '{lines[max(start, 0)].s}' is followed by "
                f"other text (line {rest[0].no if rest else at}); its "
                f"{len(block.signatories)} name(s) were not read as signers",
                "check the original; list the signers in `signatories:` by hand",
                warning=True))
        return []
    problems.extend(block.problems)  # a name listed twice, a person or an organization
    return list(block.signatories)
