"""Scrapes that lost their layout: the whole release on one line, every punctuation mark
stripped ('Sincerely Harry M Reid Richard Durbin Democratic Leader … Jon S Corzine').

Such a text is cut into lines where its letters show their parts — the date and address before
'Dear', the salutation, the closing, the run of names after it — without changing, dropping or
reordering a word. The run of names is segmented against the Members of Congress serving on the
letter's date (their official forms, middle initials, given-name forms, suffixes; a family name
alone only with its party and state or after 'Senator'); titles, offices and party-and-state
between the names are skipped. The run ends at the first word that is neither: what follows is
not a signature (page furniture, a press contact, the next letter). A name-like rest that is no
Member serving on the date is reported, never guessed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from undersigned.convert.address import address_cuts
from undersigned.convert.lines import Line, find_date
from undersigned.convert.signed import Signed
from undersigned.core.legislators import Legislators, load_legislators
from undersigned.core.model import Legislator
from undersigned.core.names import fold
from undersigned.core.problems import Problem
from undersigned.core.vocabulary import (
    FLAT_DEGREES,
    FLAT_FURNITURE_WORDS,
    FLAT_GENERIC_TITLE_WORDS,
    FLAT_OFFICE_HEADS,
    FLAT_SALUTATION_WORDS,
    FLAT_TITLE_WORDS,
    GIVEN_NAME_FORMS,
    LETTER_LEAD_IN,
    PARTY_LETTERS,
    SENTENCE_OPENERS,
    STATE_ABBREVIATIONS,
    US_STATES,
)

_PUNCTUATION = re.compile(r"[.,;:]")
_CLOSING = re.compile(r"(?<![A-Za-z])(?:Sincerely(?:\s++yours)?|Respectfully(?:\s++yours|\s++submitted)?|"
                      r"Cordially(?:\s++yours)?|Very\s++truly\s++yours|Yours\s++truly|"
                      r"With\s++best\s++regards|Best\s++regards)(?![A-Za-z])")
_DEAR = re.compile(r"(?<![A-Za-z])Dear(?=\s++[A-Z])")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December")
_DATE = re.compile(rf"(?<![A-Za-z])(?:{_MONTHS})\s++\d{{1,2}}(?:st|nd|rd|th)?\s++(?:19|20)\d{{2}}(?!\d)")
_HONORABLE = re.compile(r"(?<![A-Za-z])The\s++Honorable(?=\s)")
_TOKEN = re.compile(r"\S+")
# two spaces where a comma or a period was ('Michael Chertoff  Secretary'), not after an initial
# or a courtesy title ('George W  Bush', 'Mr  Thayer') or in 'Washington  DC'; longer runs are
# the page's layout
_GAP = re.compile(r"(?<=\S)(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!Washington) {2}(?! )")
_LINE_GAP = re.compile(r"(?<=\S)[ \t]{3,}+(?=\S)")  # a line break the scrape left as a wide gap
_WORD = re.compile(r"[a-z0-9]+")
_PARTIES = PARTY_LETTERS
_STATE_WORDS = frozenset(w for state in US_STATES for w in fold(state).split()
                         if w not in {"the", "of"})  # (the words of "the District of Columbia")
_RELEASE_DATE_REACH = 300  # characters from the start a release's own date may stand
_HEADER_REACH = 600  # characters before 'Dear' an address block and its date may take
_GIVEN: dict[str, set[str]] = {}
for _row in GIVEN_NAME_FORMS:
    for _name in _row.split():
        _GIVEN.setdefault(_name, set()).update(x for x in _row.split() if x != _name)


def is_flattened(lines: list[Line]) -> bool:
    """One or two long lines and no '.', ',', ';' or ':' anywhere: a scrape without layout."""
    text = [x.s for x in lines if not x.blank]
    return 1 <= len(text) <= 2 and sum(map(len, text)) > 300 and not any(
        _PUNCTUATION.search(x) for x in text)


@dataclass
class Relined:
    lines: list[Line]
    blocks: dict[int, list[Signed]] = field(default_factory=dict)  # closing index -> signers
    problems: list[Problem] = field(default_factory=list)


def reline(lines: list[Line], src: str, members: Legislators | None = None) -> Relined:
    """The scrape cut into lines, with the signers of each closing read by segmentation."""
    out = Relined([])
    known = members or load_legislators()
    for line in lines:
        if line.blank:
            out.lines.append(line)
            continue
        _reline_one(line, src, known, out)
    return out


def _reline_one(line: Line, src: str, members: Legislators, out: Relined) -> None:
    text = line.text
    cuts: set[int] = set()
    # (closing end, span end, the letter's date) of each closing after a Dear
    closings: list[tuple[int, int, dt.date | None]] = []
    dears = [m.start() for m in _DEAR.finditer(text)]
    bare = set(_bare_salutations(text, dears))  # salutations without 'Dear'
    dears = sorted({*dears, *bare})
    for lead in _LEAD_IN.finditer(text):  # 'The text of the letter is below' before a letter
        if any(lead.end() <= d <= lead.end() + _HEADER_REACH for d in bare):  # without 'Dear'
            # (a line of its own: regions.py then reads the letter under it)
            cuts.update((lead.start(), lead.end()))
    issued = _DATE.search(text, 0, min(_RELEASE_DATE_REACH, dears[0] if dears else len(text)))
    if issued:  # the release's date near its start ('September 28 2005 Senator Clinton …')
        cuts.update((issued.start(), issued.end()))
    previous = issued.end() if issued else 0
    for k, dear in enumerate(dears):
        header = _header_cuts(text, previous, dear)
        cuts.update(header)
        dated = _DATE.match(text, header[0]) if header else None  # the letter's own date
        if header:  # the address block's lines, where the scrape left two spaces for a comma
            gaps = [m.end() for rx in (_GAP, _LINE_GAP) for m in rx.finditer(text, header[-1], dear)
                    if not text.endswith("Honorable", 0, m.start())]  # 'The Honorable   Name'
            cuts.update(gaps + address_cuts(text, header[-1], dear))
        cuts.add(dear)
        cuts.add(_salutation_end(text, dear, 0 if dear in bare else 4))
        nxt = dears[k + 1] if k + 1 < len(dears) else len(text)
        closing = next((m for m in _CLOSING.finditer(text, dear, nxt)), None)
        if closing is None:
            previous = dear
            continue
        cuts.update((closing.start(), closing.end()))
        span_end = min([nxt, *[x for x in _header_cuts(text, closing.end(), nxt) if x]])
        day = find_date(dated.group()) if dated else find_date(issued.group()) if issued else (
            find_date(text))
        closings.append((closing.end(), span_end, day))
        previous = closing.end()
    names_end: dict[int, list[Signed]] = {}
    for end, span_end, day in closings:
        signed, stop = segment(text, end, span_end, line.no, members, day)
        if stop > end:
            cuts.add(stop)
        names_end[end] = signed
        _report(text, signed, stop, span_end, line.no, src, day, out.problems)
    bounds = sorted(x for x in cuts | {0, len(text)} if 0 <= x <= len(text))
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = text[a:b].strip()
        if not piece:
            continue
        if a in names_end:  # the run of names after a closing (or an empty one)
            out.blocks[len(out.lines) - 1] = names_end.pop(a)
        out.lines.append(Line(line.no, " ".join(piece.split()),  # runs of spaces: layout
                              greets=a in bare))  # (a salutation without 'Dear')
    for _end, signed in names_end.items():  # a closing with nothing after it
        out.blocks[len(out.lines) - 1] = signed


def _header_cuts(text: str, start: int, dear: int) -> list[int]:
    """Where the address block before 'Dear' starts (its date, 'The Honorable') and where its
    date ends; nothing when none is near."""
    floor = max(start, dear - _HEADER_REACH)
    dates = list(_DATE.finditer(text, floor, dear))
    honorable = list(_HONORABLE.finditer(text, floor, dear))
    if dates:
        date = dates[-1]
        return [date.start(), date.end()]
    return [honorable[0].start()] if honorable else []


# 'The text of the letter is below', 'the letter reads': a letter follows (core/vocabulary.py)
_LEAD_IN = re.compile(LETTER_LEAD_IN.removeprefix(r"[\W_]{0,3}+"), re.I)
_BARE_TITLES = FLAT_SALUTATION_WORDS - {"and", "member", "general", "committee", "colleague",
                                        "colleagues", "under", "vice", "acting", "deputy"}


def _bare_salutations(text: str, dears: list[int]) -> list[int]:
    """Where a letter announced by a lead-in ('The text of the letter is below Karyn Lang
    Director … Director Lang I was deeply concerned') greets its addressee without 'Dear': the
    first title followed by a name its address block printed ('Secretary Chertoff' after 'The
    Honorable Michael Chertoff'), when no 'Dear' follows the lead-in."""
    out = []
    for lead in _LEAD_IN.finditer(text):
        closing = _CLOSING.search(text, lead.end())
        if closing is None or any(lead.end() <= d < closing.start() for d in dears):
            continue  # no letter, or one that says 'Dear'
        tokens = list(_TOKEN.finditer(text, lead.end(), min(closing.start(),
                                                             lead.end() + _HEADER_REACH)))
        printed: set[str] = set()
        for k, m in enumerate(tokens[:-2]):
            name, opener = tokens[k + 1].group(), tokens[k + 2].group()
            if fold(m.group()) in _BARE_TITLES and m.group()[:1].isupper() \
                    and name[:1].isupper() and fold(name) in printed \
                    and fold(opener) in SENTENCE_OPENERS and opener[:1].isupper():
                out.append(m.start())  # ('Secretary Chertoff I write …')
                break
            printed.add(fold(m.group()))
    return out


def _salutation_end(text: str, dear: int, skip: int = 4) -> int:
    """'Dear Chairman Cochran and Ranking Member Byrd' | 'Hurricane Katrina upset …': titles
    and offices, each followed by at most one name, up to the first word that opens the body
    (``skip``: the length of 'Dear', or 0 for a salutation without it)."""
    tokens = list(_TOKEN.finditer(text, dear + skip))
    end = dear + skip
    after_title = True  # 'Dear' itself may be followed by a name ('Dear Nominating Committee')
    for k, m in enumerate(tokens[:12]):
        word = fold(m.group())
        nxt = tokens[k + 1].group() if k + 1 < len(tokens) else ""
        if word in FLAT_SALUTATION_WORDS:
            after_title = word != "and" or after_title
        elif after_title and m.group()[:1].isupper() and word not in SENTENCE_OPENERS \
                and not (nxt[:1].islower() and nxt != "and"):
            after_title = False
        else:
            break
        end = m.end()
    return end


@dataclass(frozen=True)
class _Lexicon:
    """The name forms of the Members serving on one day, as tuples of folded words."""

    full: dict[tuple[str, ...], list[Legislator]]
    family: dict[str, list[Legislator]]
    longest: int
    day: dt.date | None
    states: frozenset[str]  # the codes of the states they serve ('FL', 'NE')


_LEXICONS: dict[dt.date | None, _Lexicon] = {}


def _lexicon(members: Legislators, day: dt.date | None) -> _Lexicon:
    cached = _LEXICONS.get(day)
    if cached is not None and len(_LEXICONS) < 512:
        return cached
    full: dict[tuple[str, ...], list[Legislator]] = {}
    family: dict[str, list[Legislator]] = {}
    states: set[str] = set()
    for member in members.members.values():
        term = member.term_on(day) if day is not None else None
        if day is not None and term is None:
            continue
        states.add(term.state if term else member.terms[-1].state)
        for form in _forms(member):
            full.setdefault(form, []).append(member)
        family.setdefault(" ".join(_words(member.last)), []).append(member)
    lexicon = _Lexicon(full, family, max((len(k) for k in full), default=1), day,
                       frozenset(states))
    _LEXICONS[day] = lexicon
    return lexicon


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def _forms(member: Legislator) -> set[tuple[str, ...]]:
    """'Joseph R Biden Jr', 'Joe Biden', 'Chuck Grassley', 'Hillary Rodham Clinton'."""
    firsts = {_words(member.first)} | ({_words(member.nickname)} if member.nickname else set())
    for first in list(firsts):
        firsts |= {(x,) for x in _GIVEN.get(" ".join(first), set())}
    middles: set[tuple[str, ...]] = {()}
    if member.middle:
        middle = _words(member.middle)
        middles |= {middle, middle[:1] and (middle[0][:1],)}
    last = _words(member.last)
    suffixes: set[tuple[str, ...]] = {()}
    if member.suffix:
        suffixes.add(_words(member.suffix))
    forms = {_words(member.name)}
    for first in firsts:
        for middle in middles:
            for suffix in suffixes:
                forms.add((*first, *middle, *last, *suffix))
                if middle:  # 'E Benjamin Nelson': the initial before the given name
                    forms.add((middle[0][:1], *first, *last, *suffix))
    return {x for x in forms if len(x) >= 2}


def segment(text: str, start: int, end: int, line_no: int, members: Legislators,
            day: dt.date | None) -> tuple[list[Signed], int]:
    """The Members named in ``text[start:end]`` from its start, titles and party-and-state
    between them skipped; and where the run stops (``start`` when no name opens it)."""
    lexicon = _lexicon(members, day)
    tokens = [m for m in _TOKEN.finditer(text, start, end)]
    words = [fold(m.group().strip("_")) for m in tokens]
    signed: list[Signed] = []
    stop = start
    k = 0
    roled = 0  # the signers before this one have their roles, or none is printed for them
    while k < len(tokens):
        if not words[k] or words[k] in FLAT_TITLE_WORDS:  # '____', 'United States Senator'
            j = k
            while j < len(tokens) and (not words[j] or words[j] in FLAT_TITLE_WORDS):
                j += 1
            roles = _roles([m.group() for m in tokens[k:j]], words[k:j])
            if roles and len(roles) == len(signed) - roled:  # one role under each name read
                for one, role in zip(signed[roled:], roles, strict=True):
                    one.role = role
            roled = len(signed)  # (a generic title, 'United States Senator', is no role)
            k = j
            continue
        party = _party_state(tokens, words, k) or (
            k + 1 if tokens[k].group() in lexicon.states else 0)  # 'Nelson FL'
        if party and signed:
            k = party
            stop = tokens[k - 1].end()
            continue
        state = tokens[k + 1].group() if k + 1 < len(tokens) else ""
        size = _name_at(words, k, lexicon, _chamber(words[k - 1] if k else "", day),
                        state if state in lexicon.states else None)
        if not size:
            break
        printed = " ".join(x for x in (m.group().strip("_") for m in tokens[k:k + size]) if x)
        signed.append(Signed(printed, None, "person", line_no, True))
        k += size
        k += next((len(d) for d in FLAT_DEGREES if tuple(words[k:k + len(d)]) == d), 0)
        stop = tokens[k - 1].end()
    return signed, stop


def _roles(printed: list[str], words: list[str]) -> list[str]:
    """The offices in a run of title words ('Democratic Leader Assistant Democratic Leader',
    'United States Senator Ranking Member'): each ends with an office's head word; the generic
    title before it is no office."""
    roles: list[str] = []
    current: list[str] = []
    for k, (shown, word) in enumerate(zip(printed, words, strict=True)):
        if word in FLAT_GENERIC_TITLE_WORDS and not current and word != "member":
            continue
        current.append(shown)
        if word in FLAT_OFFICE_HEADS or word == "member" and k and words[k - 1] == "ranking":
            roles.append(" ".join(current))
            current = []
    return roles


def _party_state(tokens: list[re.Match[str]], words: list[str], k: int) -> int:
    """The index after 'R AZ', 'D Mass', 'R South Carolina', 'R N H' at ``k``; 0 when none."""
    if tokens[k].group() not in _PARTIES:
        return 0
    j = k + 1
    while j < len(tokens) and j - k <= 3 and (
            words[j] in STATE_ABBREVIATIONS or words[j] in _STATE_WORDS
            or re.fullmatch(r"[A-Z]{2}", tokens[j].group())):
        j += 1
    return j if j > k + 1 else 0


def _chamber(before: str, day: dt.date | None) -> str | None:
    """'sen' after 'Senator', 'rep' after 'Representative' (a family name alone may follow)."""
    if before in {"senator", "senators", "sen"}:
        return "sen"
    return "rep" if before in {"representative", "rep", "congressman", "congresswoman"} else None


def _name_at(words: list[str], k: int, lexicon: _Lexicon, chamber: str | None,
             state: str | None) -> int:
    """How many words from ``k`` name one Member serving on the day (the longest form wins);
    a family name alone only after 'Senator' (one Senator of that name), before a party, or
    before a state's code ('Nelson FL Nelson NE': the one Member of that name and state)."""
    for size in range(min(lexicon.longest + 1, len(words) - k), 1, -1):
        if not words[k + size - 1]:
            continue  # a run of underscores (a line to sign on) ends no name
        key = tuple(w for part in words[k:k + size] for w in _WORD.findall(part))
        if key in lexicon.full:
            return size
    family = lexicon.family.get(" ".join(_WORD.findall(words[k])), [])
    if lexicon.day is not None and (chamber or state):
        family = [m for m in family if (term := m.term_on(lexicon.day))
                  and term.type == (chamber or term.type) and term.state == (state or term.state)]
    before_party = k + 1 < len(words) and words[k + 1].upper() in _PARTIES
    if len(family) == 1 and (chamber or state or before_party):
        return 1
    return 0


def _report(text: str, signed: list[Signed], stop: int, span_end: int, line_no: int, src: str,
            day: dt.date | None, problems: list[Problem]) -> None:
    """A rest that looks like more names (two capitalized words, not a date or furniture):
    not a Member serving on the date, so not recorded."""
    rest = text[stop:span_end].split()
    while rest and (fold(rest[0]) in FLAT_TITLE_WORDS or rest[0] in _PARTIES
                    or not rest[0].strip("_")):
        rest.pop(0)  # 'United States Senator' after the last name
    head = [w.strip("_") for w in rest[:3] if w.strip("_")]
    if len(head) >= 2 and all(w[:1].isupper() and w.isalpha() for w in head[:2]) \
            and not _DATE.match(" ".join(rest[:3])) and head[0].lower() not in {
                w.lower() for w in _MONTHS.split("|")} and fold(head[0]) not in FLAT_FURNITURE_WORDS:
        on = f"serving on {day}" if day else "in the bundled list"
        problems.append(Problem(
            src, line_no, f"the signature block of this scrape (no punctuation) reads "
            f"{len(signed)} name(s), then '{' '.join(rest[:6])}…', which is no Member of "
            f"Congress {on}; not recorded as a signer",
            "add the signer by hand if the original names one there (`signatories:`)",
            warning=True))
    elif not signed:
        problems.append(Problem(
            src, line_no, "the signature block of this scrape (no punctuation) names no Member "
            f"of Congress {('serving on ' + str(day)) if day else ''}: "
            f"'{' '.join(rest[:6])}…'".replace("  ", " "),
            "list the signatories in the front matter by hand", warning=True))
