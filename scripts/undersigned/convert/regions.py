"""Where the documents of a text are: salutations, their language, the address block before each, letters reproduced in a press release and translations of one letter."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from undersigned.convert.header import ADDRESS_RE, BOLD_RECIPIENT_RE, HONORABLE_RE, is_header_like
from undersigned.convert.lines import (
    CLOSING_RE,
    END_MARK_RE,
    FOOTDEF_RE,
    LANGUAGE_MARK_RE,
    LEAD_IN_RE,
    Line,
    is_date_line,
    is_prose,
)
from undersigned.convert.signatures import Block, Signed, parse_signatures
from undersigned.core.names import fold
from undersigned.core.problems import Problem
from undersigned.core.vocabulary import TITLE_CASE_SMALL_WORDS

DEAR_RE = re.compile(r"^(?:\*\*)?(?:[Dd]ear|DEAR|Estimad[oa]s?|Apreciad[oa]s?|Distinguid[oa]s?)\s++"
                     r"[^.]{2,400}[,:;]?(?:\*\*)?$|"
                     r"^(?:\*\*)?To\s++(?:whom it may concern|(?:the\s++)?[A-Z])[^,.;]{0,80}[:,]"
                     r"(?:\*\*)?$")


# salutations without 'Dear', which need their comma or colon to be told from a recipient
# line: 'Apreciables señora y señores:', 'Señor Presidente de los Estados Unidos Mexicanos,',
# 'Ladies and Gentlemen:', 'Mr. Secretary:'
SPANISH_SALUTATION = (r"estimad[oa]s?|apreciad[oa]s?|apreciables?|respetad[oa]s?|respetables?|"
                      r"distinguid[oa]s?|querid[oa]s?|excelent[ií]sim[oa]s?|"
                      r"señor(?:a|es|as)?|señoras|sr\.|sra\.|sres\.|sras\.")


BARE_SALUTATION_RE = re.compile(
    rf"^(?:\*\*)?(?:(?:{SPANISH_SALUTATION})\s++[^.:;]{{2,160}}|ladies and gentlemen|gentlemen|"
    r"sirs|gentlewomen|colleagues|"
    r"(?:mr\.?|madam|madame)\s++(?:vice\s++)?(?:president|secretary|speaker|ambassador|"
    r"chair(?:man|woman)?|administrator|attorney general|leader|commissioner|director)"
    r"(?:\s++[A-Z][\w'’-]++)?)[,:](?:\*\*)?$", re.I)


SPANISH_SALUTATION_RE = re.compile(rf"^(?:\*\*)?(?:{SPANISH_SALUTATION})\s", re.I)


@dataclass
class Region:
    start: int  # index of the first header line
    salutation: int
    closing: int | None
    sig_end: int  # index after the signature block
    signatures: list[Signed] = field(default_factory=list)
    heading: str | None = None
    congress: bool = False
    notes: tuple[int, int] | None = None  # endnotes printed after the signature block
    also: tuple[int, int] | None = None  # a translation printed after the signature block


def _endnotes(lines: list[Line], start: int) -> int:
    """Index after the footnote definitions (``<sup>1</sup> text`` and their continuation
    lines) that follow a signature block at ``start``; ``start`` when there are none."""
    k, end, n = start, start, len(lines)
    while k < n:
        while k < n and lines[k].blank:
            k += 1
        if k >= n or not FOOTDEF_RE.match(lines[k].text):
            return end
        k += 1
        while k < n and not lines[k].blank and not FOOTDEF_RE.match(lines[k].text):
            k += 1
        end = k
    return end


# periods that end an abbreviation, not a sentence: 'Dear Mayor Kenney and Mr. Jeremiah:'
_ABBREVIATION = re.compile(r"\b(Messrs|Mssrs|Mr|Ms|Mrs|Mx|Dr|Sen|Sens|Rep|Reps|Gov|Hon|Amb|Gen|Col|Lt|Jr|Sr|"
                           r"St|Sec|Adm|Prof|Rev|Fr|Sra|Sr|Dra|Lic|Ing|[A-Z])\.")


_DEAR_STARTS = ("dear", "**dear", "to ", "**to ", "estimad", "apreciad", "distinguid")


_BARE_STARTS = ("apreciab", "respet", "querid", "excelent", "señor", "sr.", "sra.",
                "sres.", "sras.", "ladies", "madam", "mr.", "mr ", "gentlem", "sirs",
                "colleag")


def is_dear(text: str) -> bool:
    """A salutation line ('Dear Secretary Blinken:', 'To whom it may concern:', 'Estimado
    Secretario Kerry:'); the names it lists may carry abbreviations ('Mr.', 'U.S.') but no
    sentence."""
    low = text[:12].lower().lstrip("*")
    if low.startswith(_DEAR_STARTS):
        if DEAR_RE.match(_ABBREVIATION.sub(r"\1", text)) and _names_a_body(text):
            return True
    if low.startswith(_DEAR_STARTS + _BARE_STARTS):
        return bool(BARE_SALUTATION_RE.match(_ABBREVIATION.sub(r"\1", text)))
    return False


def _names_a_body(text: str) -> bool:
    """'To the Members of the Texas House of Representatives:' names whom it addresses, every
    word capitalized but the small ones; 'To the Government of Honduras we urge the
    following:' is a sentence of the text."""
    m = re.match(r"^(?:\*\*)?to\s++the\s++(.+)$", text, re.I)
    if m is None:
        return True  # 'Dear …', 'To whom it may concern', 'To Secretary …'
    return all(w[:1].isupper() or w.lower() in TITLE_CASE_SMALL_WORDS
               for w in re.findall(r"[^\W\d_][\w'’.-]*", m.group(1)))


def _greets(line: Line) -> bool:
    """A salutation line, or one a scrape's reader found greeting without 'Dear' (flattened.py)."""
    return line.greets or is_dear(line.s)


def language_of(salutation: str) -> str:
    """'es' for a Spanish salutation ('Estimado Secretario:'), else 'en'."""
    return "es" if SPANISH_SALUTATION_RE.match(salutation) else "en"


def _next_index(indices: list[int], after: int, default: int | None) -> int | None:
    """The first of the sorted ``indices`` greater than ``after``."""
    k = bisect.bisect_right(indices, after)
    return indices[k] if k < len(indices) else default


def _find_regions(lines: list[Line], src: str, problems: list[Problem],
                  flat: dict[int, list[Signed]] | None = None) -> list[Region]:
    """Letters in the text: header, salutation, closing and signature block of each. Every
    look-ahead uses indexes built once, so the work stays linear in the number of lines.
    ``flat``: the signers already read after each closing of a scrape without layout
    (convert/flattened.py), by the index of the closing line."""
    regions: list[Region] = []
    pending: list[tuple[int, Region, Problem]] = []  # (where, whose, what) lacks a closing or
    i = 0                                              # signatories: said once not joined
    floor = 0
    n = len(lines)
    dears = [k for k, x in enumerate(lines) if _greets(x)]
    ends = [k for k, x in enumerate(lines) if END_MARK_RE.match(x.text)]
    prose = [k for k, x in enumerate(lines) if is_prose(x.s)]
    closings = [k for k, x in enumerate(lines) if CLOSING_RE.match(x.s)]
    closing_set = set(closings)
    prose_from = [n] * (n + 1)  # the first prose line at or after k
    for k in range(n - 1, -1, -1):
        prose_from[k] = k if is_prose(lines[k].s) else prose_from[k + 1]
    while i < n:
        line = lines[i]
        top_bold = (BOLD_RECIPIENT_RE.match(line.s) or HONORABLE_RE.match(line.s)) \
            and not regions and not prose_from[floor] < i \
            and not _dear_before_prose(_next_index(dears, i - 1, n), prose_from[i], n)
        dear = _greets(line)
        if not dear and not top_bold and LEAD_IN_RE.match(line.s):
            after = _undear_letter(lines, i, closings, dears)  # 'BELOW IS JOHNSON'S LETTER TO
            if after is not None:  # THE PRESIDENT:', a date, the text, 'Sincerely,'
                i, line, top_bold = after, lines[after], True
        if dear or top_bold:
            sal = i if dear else None
            # walk back over the header (recipient block, date, letterhead)
            start = i
            j = i - 1
            while j >= floor and is_header_like(lines[j].text) \
                    and not LEAD_IN_RE.match(lines[j].s):  # (the release's: 'Text of letter')
                if not lines[j].blank:
                    start = j
                j -= 1
            if sal is None:  # a header with no 'Dear': the body starts after the address block
                k = i
                while k < n and (lines[k].blank or BOLD_RECIPIENT_RE.match(lines[k].s)
                                 or (is_header_like(lines[k].text) and len(lines[k].s.split()) < 10)):
                    k += 1
                sal = k
            closing = _next_index(closings, sal, None)
            nxt = _next_index(dears, sal, n) or n
            if closing is not None and closing > nxt and prose_from[sal] < nxt:
                closing = None  # that closing is the next letter's (not a repeated 'Dear')
            if closing is None:
                closing = _unusual_closing(lines, sal, min(nxt, _next_index(ends, sal, n) or n),
                                           prose, src)
            if closing is None:
                regions.append(Region(start, sal, None, nxt))
                pending.append((len(problems), regions[-1], Problem(
                    src, lines[sal].no if sal < n else None, NO_CLOSING,
                    "add the signatories to the front matter by hand if the letter names them",
                    warning=True)))
                i = floor = nxt
                continue
            closing = _last_closing(lines, closing, closing_set)  # 'Best regards.' /
            # 'Sincerely yours,': the signature block is under the last
            addressee = re.sub(r"^(?:dear|to)\s++|[,:;]$", "", lines[sal].s, flags=re.I) \
                if sal < n else ""
            following = _next_index(dears, closing, n) or n
            # the block ends before the next salutation at the latest ('Estimado Secretario:',
            # the letter's translation): a salutation is never a signer
            block = _signatures(lines, closing, following, src, addressee, flat)
            end = closing + 1 + block.end
            head = _address_before(lines, following, closing + 1) \
                if following < n and all(x.blank for x in lines[end:following]) else following
            if head < following:  # the block ran into the next letter's recipient block
                block = _signatures(lines, closing, head, src, addressee, flat)
                end = closing + 1 + block.end
            problems.extend(block.problems)
            after = _endnotes(lines, end)
            regions.append(Region(start, sal, closing, after, block.signatories, block.heading,
                                  block.congress, (end, after) if after > end else None))
            end = after
            if not block.signatories:
                pending.append((len(problems), regions[-1], Problem(
                    src, lines[closing].no, NO_SIGNATORIES,
                    "list the signatories in the front matter by hand", warning=True)))
            i = floor = end
            continue
        i += 1
    out, joined = _translations(regions, lines, src, problems)
    _settle(problems, pending, joined)
    return out


def _settle(problems: list[Problem], pending: list[tuple[int, Region, Problem]],
            joined: set[int]) -> None:
    """The warnings of a letter with no closing or no signatories, written where they were
    found, once it is known that the letter was not joined to its translation (a letter in
    two languages with one signature list is one letter: neither half lacks anything)."""
    for at, region, problem in reversed(pending):
        if id(region) not in joined:
            problems.insert(at, problem)


def _undear_letter(lines: list[Line], lead: int, closings: list[int], dears: list[int]
                   ) -> int | None:
    """A letter a release introduces ('Below is the text of the letter:') and prints without
    a salutation: where it starts (the date or 'The Honorable …' under the lead-in), when a
    closing follows before any 'Dear'; else None (a salutation starts it as usual)."""
    start = next((k for k in range(lead + 1, len(lines)) if not lines[k].blank), None)
    if start is None or not (is_date_line(lines[start].s) or HONORABLE_RE.match(lines[start].s)):
        return None
    closing = _next_index(closings, start, None)
    dear = _next_index(dears, lead, None)
    if closing is None or dear is not None and dear < closing:
        return None
    return start


def _last_closing(lines: list[Line], closing: int, closings: set[int]) -> int:
    """The last of the closings printed one under the other from ``closing`` on."""
    k = closing
    while True:
        nxt = next((j for j in range(k + 1, len(lines)) if not lines[j].blank), None)
        if nxt is None or nxt not in closings:
            return k
        k = nxt


def _signatures(lines: list[Line], closing: int, stop: int, src: str, addressee: str,
                flat: dict[int, list[Signed]] | None) -> Block:
    """The signature block after the closing at ``closing`` (up to ``stop`` at most): read line
    by line, or, in a scrape without layout, the names segmented after it (one line)."""
    if flat is not None and closing in flat:
        signed = flat[closing]
        return Block(list(signed), min(1 if signed else 0, stop - closing - 1),
                     congress=bool(signed))
    return parse_signatures(lines[closing + 1:stop], src, frozenset({fold(addressee)}))


def _address_before(lines: list[Line], dear: int, floor: int) -> int:
    """Where the recipient block of the salutation at ``dear`` starts: the run of lines just
    above it (with a date line above that) when it holds an address or 'The Honorable';
    ``dear`` when there is none."""
    k = dear - 1
    while k >= floor and lines[k].blank:
        k -= 1
    start = k + 1
    while k >= floor and not lines[k].blank:
        start = k
        k -= 1
    run = lines[start:dear]
    if not any(ADDRESS_RE.search(x.s) or HONORABLE_RE.match(x.s) for x in run if not x.blank):
        return dear
    k = start - 1
    while k >= floor and lines[k].blank:
        k -= 1
    return k if k >= floor and is_date_line(lines[k].s) else start


def _translations(regions: list[Region], lines: list[Line], src: str,
                  problems: list[Problem]) -> tuple[list[Region], set[int]]:
    """A letter printed in two languages with one signature list ('Estimado Secretario:' …,
    then 'Dear Secretary:' … 'Sincerely,' and the names) is one letter: two neighbouring letters
    whose salutations are in different languages, and of which at most one has signatures, are
    joined, every line kept in the body in order, and the join is said with its lines. Also
    returns the ids of the regions joined."""
    n = len(lines)
    out: list[Region] = []
    joined: set[int] = set()
    for region in regions:
        prev = out[-1] if out else None
        if prev is None or prev.also or region.salutation >= n or prev.salutation >= n \
                or not _greets(lines[prev.salutation]) or not _greets(lines[region.salutation]):
            out.append(region)
            continue
        first, second = language_of(lines[prev.salutation].s), language_of(
            lines[region.salutation].s)
        between = [x for x in lines[prev.sig_end:region.start] if not x.blank]
        if first == second or (prev.signatures and region.signatures) or any(
                not LANGUAGE_MARK_RE.match(x.s) for x in between):
            out.append(region)
            continue
        joined.update((id(prev), id(region)))
        if prev.signatures:  # the signatures follow the first text; the translation after them
            prev.also = (prev.sig_end, region.sig_end)
            signed = prev
        else:
            out[-1] = Region(prev.start, prev.salutation, region.closing, region.sig_end,
                             region.signatures, region.heading, region.congress,
                             region.notes or prev.notes)
            signed = region
        names = {"en": "English", "es": "Spanish"}
        where = f"line {lines[signed.closing].no}" if signed.closing is not None \
            and signed.signatures else "none found"
        problems.append(Problem(
            src, lines[prev.salutation].no,
            f"one letter in two languages: the {names[first]} text (line "
            f"{lines[prev.salutation].no}) and the {names[second]} text (line "
            f"{lines[region.salutation].no}) are kept together in its body, with one "
            f"signature list ({where})",
            "check the original if these are two letters", warning=True))
    return out, joined


NO_CLOSING = "letter has no closing ('Sincerely,') and no signature block"


NO_SIGNATORIES = "no signatories found after the closing"


# a closing of the writer's own ('For Texas and Liberty,', 'In solidarity and hope,'): a
# short line ending with a comma between the last paragraph and the names
VALEDICTION_RE = re.compile(r"^[A-Z][\w'’ ,&-]{2,50},$")


def _unusual_closing(lines: list[Line], sal: int, end: int, prose: list[int],
                     src: str) -> int | None:
    """A letter that ends without 'Sincerely,' ('Thank you for your consideration of this
    request.' then the names): its last prose line closes it when what follows, up to the
    next letter or the end mark, is a signature block of people or title rows."""
    k = bisect.bisect_left(prose, end) - 1
    if k < 0 or prose[k] <= sal:
        return None
    last = prose[k]
    after = next((j for j in range(last + 1, end) if not lines[j].blank), None)
    if after is not None and VALEDICTION_RE.match(lines[after].s):  # 'For Texas and Liberty,'
        last = after
    block = parse_signatures(lines[last + 1:end], src)
    if not block.signatories or block.end < len([x for x in lines[last + 1:end]]) - \
            sum(1 for x in lines[last + 1:end][block.end:] if x.blank):
        return None
    people = sum(1 for s in block.signatories if s.kind == "person" and s.certain)
    if block.congress or people == len(block.signatories):
        return last
    return None


def _dear_before_prose(dear: int | None, prose: int, n: int) -> bool:
    """A salutation comes before the next prose line (a letter, not a press release)."""
    return dear is not None and dear < n and dear <= prose
