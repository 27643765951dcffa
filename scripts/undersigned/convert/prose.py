"""Members a press release names as the signers of a letter, in its prose: 'Senators A (D-Vt.)
and B (D-Va.) sent a letter …', 'Additional signers include Reps. …', '… joined 43 of his
colleagues in writing …', and the subject of its first sentence when the letter it reproduces
prints no names (press.py reads the rest of a release)."""

from __future__ import annotations

import re

from undersigned.core.vocabulary import BEFORE_SENDER_NAME as _BEFORE_NAME
from undersigned.core.vocabulary import HEADLINE_VERBS as _HEADLINE_WORDS
from undersigned.core.vocabulary import POSTAL_CODES, PROSE_TITLES
from undersigned.core.vocabulary import RELEASE_NOT_A_NAME as _NOT_A_NAME

# Members named in running text, one or several after a title: 'Congresswomen Lori Trahan
# (MA-03) and Annie Kuster (NH-02)', 'Representatives Paul D. Tonko (D-NY), Darin LaHood
# (R-IL), and Fred Upton (R-MI)', 'Rep. McClintock'
_TITLES = "|".join(PROSE_TITLES)
# Spanish: 'Los senadores estadounidenses John Cornyn (R-TX) y Kyrsten Sinema (D-AZ)'
_ADJECTIVE = r"(?:(?:estadounidenses?|federal(?:es)?|dem[oó]cratas?|republican[oa]s?)\s++)?"
# spaces with at most one line break, taken whole: the old '[^\S\n]+\n?[^\S\n]*' could cut a
# run of n spaces n ways, and a name of five words padded with spaces cost n^4 steps
_SP = r"(?:[^\S\n]++(?:\n[^\S\n]*+)?+|\n[^\S\n]*+)"
_US = r"(?:U\.S\.\s++|United States\s++)?"
_TITLE = rf"\b{_US}(?P<title>{_TITLES}){_SP}{_ADJECTIVE}"
# a word of a name: a capital, then letters, points, apostrophes and hyphens up to its last
# letter or point ('O’Rourke', 'Jr.', not the apostrophe of 'Jones’'), taken whole
_WORD = r"(?>[A-Z](?:[\w.]++|['’-]++(?=[\w.]))++|[A-Z]\.)"
_NAME = (rf"{_WORD}(?:{_SP}(?:{_WORD}|\"[^\"]{{1,20}}\"|"
         r"“[^”]{1,20}”|(?:de|del|la|van|von)\b)){0,4}")
_SEAT = r"(?:\s*+\((?:[DRI]-[A-Z][\w.]*+(?:-\d{1,2})?|[A-Z]{2}-(?:\d{1,2}|AL))\))?"
SPEAKERS_RE = re.compile(_TITLE + rf"(?P<names>{_NAME}{_SEAT}(?:(?:,\s++(?:and\s++|y\s++)?|\s++(?:and|y)\s++)"
                         rf"(?:{_US}(?:{_TITLES})\s++)?{_NAME}{_SEAT})*)")
_ONE_RE = re.compile(rf"(?:{_US}(?P<own>{_TITLES})\s++)?(?P<name>{_NAME}){_SEAT}")


_DEGREE_RE = re.compile(r"^(?:[A-Z][a-z]?\.)+$")  # 'Ed.D.', 'D.P.M.'
_PARTY_SEAT_RE = re.compile(r"^[DRI]-[A-Z][\w.]*+$")  # 'D-CO', 'R-Ky.'


def _member_name(run: str) -> str | None:
    """The name in a run of capitalized words the patterns captured, or None when it holds
    none (an office, a degree alone, a headline's words)."""
    if _PARTY_SEAT_RE.match(run):
        return None  # 'Sen. Ken Salazar, D-CO, …': the party and state, not a second name
    tokens = run.split()
    cut = max((k + 1 for k, t in enumerate(tokens) if t.lower() in _BEFORE_NAME), default=0)
    tokens = tokens[cut:]
    if tokens and tokens[-1].endswith(("’s", "'s")) and len(tokens[-1]) > 3:
        tokens[-1] = tokens[-1][:-2]  # "Congressman Mark Green’s (R-TN-07) letter": his name
    if tokens and tokens[-1].endswith(".") and len(tokens[-1]) > 4 \
            and not _DEGREE_RE.match(tokens[-1]):  # 'Scott Fitzgerald.' ends the sentence;
        tokens[-1] = tokens[-1][:-1]  # 'Jr.' and 'M.D.' keep their points
    if not tokens or tokens[0] in _NOT_A_NAME or _HEADLINE_WORDS & set(tokens) \
            or len(tokens) == 1 and (cut or _DEGREE_RE.match(tokens[0])):
        return None  # (one word after an office is the first name of a cut-off run)
    return " ".join(tokens)


def named_members(text: str) -> list[tuple[str, str]]:
    """(title, name) of every Member named with a title in ``text``, in order of mention."""
    out: list[tuple[str, str]] = []
    for m in SPEAKERS_RE.finditer(text):
        printed = m.group("title")
        for one in _ONE_RE.finditer(m.group("names")):
            # each name has the title printed last before it: 'Senator A and Representative
            # B', 'Sens. A and B and Reps. C and D'
            printed = one.group("own") or printed
            title = "Sen." if printed.lower().startswith("sen") else "Rep."
            name = _member_name(one.group("name"))
            if name and name not in {n for _t, n in out}:
                out.append((title, name))
    return out


_LETTER_SENTENCE = re.compile(
    r"\b(?:sent|send|sends|sending|wrote|write|writes|writing|led|lead|leads|leading|signed|"
    r"sign|joined|join|joining|penned|authored|delivered|urged|urging)\b[^.]{0,200}\bletters?\b|"
    # 'Senators A and B today wrote to Alan Estevez, nominee to be ...': a letter
    r"\b(?:wrote|writes)\s++to\s++(?:the\s++)?[A-Z]|"
    # 'A joined 43 of his Republican colleagues in writing Secretary Mayorkas'
    r"\b(?:led|leads|joined|joins)\s++[^.]{0,60}\bcolleagues\s++in\s++(?:writing|sending)\b|"
    # 'Co-signers of the letter include: Reps. A, B …', 'Additional signers include Reps. …'
    r"\b(?:(?:co-?)?signers?|signatories)\b[^.]{0,40}\b(?:include|includes|included|are|were)\b|"
    r"\bletters?\b[^.]{0,80}\b(?:signed|led|sent|authored)\b|"
    r"\b(?:in|en)\s++(?:a|an|the|their|una|su)\s++(?:\w++\s++)?(?:letter|carta)\b|"
    r"\b(?:escribi[oó]|escribieron|envi[oó]|enviaron|firm[oó]|firmaron|encabez[oó]|"
    r"encabezaron|lider[oó]|lideraron|dirigi[oó]|dirigieron)\b[^.]{0,200}\bcartas?\b|"
    r"\bcartas?\b[^.]{0,80}\b(?:firmada|encabezada|enviada|dirigida|liderada)\b", re.I)


# 'A and B led 21 of their colleagues in urging the Department …': a letter when the paragraph
# speaks of one ('The letter comes on the heels of …'), not in a year's review of a Senator's work
_COLLEAGUES_RE = re.compile(r"\b(?:led|leads|joined|joins)\s++[^.]{0,60}\bcolleagues\s++in\s++"
                            r"(?:urging|calling|asking|requesting|pressing|demanding)\b")
_LETTER_WORD_RE = re.compile(r"\bletters?\b|\bcartas?\b", re.I)


# a sentence ends at . ! ? before a capital, but not after an initial or an abbreviation
_SENTENCE_END = re.compile(r"(?<![\s.][A-Z])(?<!\bRep|\bSen|\bGov|\bMrs)(?<!\bMr|\bMs|\bDr|\bSt|"
                           r"\bJr|\bSr)(?<!\bReps|\bSens)[.!?]\s++(?=[A-Z“\"])")


# a letter sentence whose subject points back to Members named before it: 'In a letter to
# Secretary Pompeo, the Members underscored ...', 'Los legisladores escribieron ...'
_BACK_RE = re.compile(r"\b(?:the|these|both|all|los|las|ambos|ambas)\s++(?:\w++\s++)?(?:members|"
                      r"lawmakers|legislators|senators|representatives|congressmembers|"
                      r"congresswomen|congressmen|legisladores|legisladoras|senadores|"
                      r"congresistas|representantes)\b|\bthey\b", re.I)


# a Member named without a title but with party and seat: 'Kathy Castor (D-FL-14)', 'Jamaal
# Bowman (D-N.Y.)' — in a letter sentence, a Member ('rep' when a district is printed). (A
# name's first word is at most 40 characters: every start inside a long run of 'Ab'Ab'...'
# would otherwise read the whole run again.)
# (a state alone, 'Andy Biggs (AZ)', is a seat too; a degree may carry its own comma: 'Mariannette
# Miller-Meeks, M.D., (IA)')
_POSTAL = "|".join(sorted(POSTAL_CODES))
_SEATED_RE = re.compile(rf"(?<![\w.])(?![\w.'’-]{{41}})(?P<name>{_NAME})(?:,{_SP}(?:[A-Z][a-z]?\.){{2,3}},?+|,{_SP}"
                        rf"(?:Jr|Sr)\.|,{_SP}I{{2,3}})?{_SP}?\((?P<seat>[DRI]-[A-Z][A-Za-z.]*"
                        r"(?:[ -](?:\d{1,2}|AL|At-Large))?|[A-Z][A-Za-z]-(?:\d{1,2}|AL)|"
                        rf"{_POSTAL})\)")


def _seated(sentence: str) -> list[tuple[str, str]]:
    out = []
    for m in _SEATED_RE.finditer(sentence):
        name = _member_name(m.group("name"))
        if name:
            district = re.search(r"[ -](?:\d{1,2}|AL|At-Large)$|^(?:DC|PR|GU|VI|AS|MP)$",
                                 m.group("seat"))
            out.append(("Rep." if district else "", name))
    return out


def _by_family(members: list[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The Members named in full in a release, by family name (when only one bears it)."""
    out: dict[str, tuple[str, str]] = {}
    seen: set[str] = set()
    for title, name in members:
        family = name.split()[-1]
        if len(name.split()) > 1 and family in seen and out.get(family, ("", ""))[1] != name:
            out.pop(family, None)  # two Members of one family name: neither
        elif len(name.split()) > 1:
            out.setdefault(family, (title, name))
        seen.add(family)
    return out


_FAMILY_RE = re.compile(r"(?<![\w.’'-])([A-Z][a-z]++(?:[A-Z][a-z]++)?)\b(?! [A-Z])")


def _family_names(sentence: str, families: dict[str, tuple[str, str]]
                  ) -> list[tuple[int, str, str]]:
    """Members named in full elsewhere in the release and here by family name alone ('In
    addition to Wyden, Merkley, DeFazio and Bonamici, the letter was signed by …'), with
    where each stands in the sentence."""
    out = []
    for m in _FAMILY_RE.finditer(sentence):
        before = sentence[:m.start()].rstrip().split()[-1:] or [""]
        if before[0][:1].isupper() and not before[0].endswith((",", ";")) \
                and before[0] not in {"Reps.", "Sens.", "Rep.", "Sen."}:
            continue  # 'Jeff Merkley': the full name, read by the patterns above
        if m.group(1) in families:
            out.append((m.start(), *families[m.group(1)]))
    return out


def _in_order(sentence: str, members: list[tuple[str, str]],
              extra: list[tuple[int, str, str]], in_full: dict[str, tuple[str, str]]
              ) -> list[tuple[str, str]]:
    """The Members of a letter sentence in the order it prints them: those named with a title
    or a seat in their order, the family names alone (``extra``, with where they stand) put in
    among them, a family name written as the Member the release names in full ('Warner'
    after 'Mark Warner')."""
    placed: list[tuple[int, str, str]] = []
    cursor = 0
    for title, name in members:
        at = sentence.find(name, cursor)
        if at < 0:  # read by another pattern, printed before the last one placed
            at = sentence.find(name)
        cursor = at + 1 if at >= 0 else cursor
        full = in_full.get(name, (title, name)) if len(name.split()) == 1 else (title, name)
        placed.append((at if at >= 0 else cursor, *full))
    known = {n for _a, _t, n in placed}
    placed += [x for x in extra if x[2] not in known]
    return [(title, name) for _at, title, name in sorted(placed, key=lambda x: x[0])]


# whom a letter went to: 'sent a letter to Chairman Thad Cochran (R-MS) and Ranking Member
# Robert Byrd (D-WV) in requesting …', 'wrote to Sen. Saxby Chambliss, urging …' — Members
# named there received the letter, they did not sign it
_TO_RE = re.compile(r"\b(?:letters?|wrote|writes|write|writing|sent|sending|sends|send)\s++"
                    r"(?:(?:a|an|the|their|his|her)\s++(?:\w++\s++)?letters?\s++)?to\s++")
_TO_END_RE = re.compile(
    r"[,;:]|\b(?:in|on|about|that|today|yesterday|this|last|with|along|alongside|together|"
    r"from|by|led|signed|was|were|is|has|have|"
    r"joined|urging|requesting|asking|calling|demanding|expressing|regarding|seeking|raising|"
    r"encouraging|pressing|and\s++(?:urged|asked|called|requested|expressed)|to\s++(?:urge|"
    r"ask|request|express|call|support|oppose|reconsider|provide|ensure))\b")


def _addressed(sentence: str, name: str) -> bool:
    """Is ``name`` (or its family name alone: 'sent to Senators Chambliss and Harkin') printed
    where the sentence says whom the letter went to?"""
    spans = []
    for m in _TO_RE.finditer(sentence):
        end = _TO_END_RE.search(sentence, m.end())
        spans.append((m.end(), end.start() if end else len(sentence)))
    if not spans:
        return False
    family = re.escape(name.split()[-1])
    return any(start <= m.start() < end for m in re.finditer(
        rf"{re.escape(name)}|\b{family}\b", sentence) for start, end in spans)


def signers_in_prose(text: str) -> dict[str, str]:
    """Members a press release names, with their titles, in the sentences that say they sent
    or signed a letter ('Senators A (D-Vt.), B (D-Va.) ... sent a letter'), or named earlier in
    the paragraph of a letter sentence that points back to them ('..., the Members wrote'), or
    printed with party and seat in a letter sentence ('including Kathy Castor (D-FL-14)'):
    name -> 'sen', 'rep' or '' (chamber not said), in order, once."""
    names: dict[str, str] = {}
    in_full = _by_family(named_members(text[:8000]))
    for paragraph in text[:8000].split("\n\n"):
        before: list[tuple[str, str]] = []
        about_letter = bool(_LETTER_WORD_RE.search(paragraph))
        for sentence in _SENTENCE_END.split(paragraph):
            members = named_members(sentence)
            if _LETTER_SENTENCE.search(sentence) or about_letter and _COLLEAGUES_RE.search(
                    sentence):
                if not members and _BACK_RE.search(sentence):
                    members = before
                members = members + [x for x in _seated(sentence)
                                     if x[1] not in {n for _t, n in members}]
                members = [x for x in _in_order(sentence, members, _family_names(
                    sentence, in_full), in_full) if not _addressed(sentence, x[1])]
                for title, name in members:
                    if len(name.split()) == 1 and any(  # 'Lowenthal' after 'Alan Lowenthal'
                            known.split()[-1] == name for known in names):
                        continue
                    names.setdefault(name, "sen" if title == "Sen." else
                                     "rep" if title == "Rep." else "")
            else:  # 'Ranking Member James Comer (R-Ky.) … called on …': who 'the lawmakers' are
                members = members + [x for x in _seated(sentence)
                                     if x[1] not in {n for _t, n in members}]
            before += members
    families = {n.split()[-1] for n in names if len(n.split()) > 1}
    return {n: c for n, c in names.items() if len(n.split()) > 1 or n not in families}


# what may stand before the subject of a release's first sentence: a dateline ('WASHINGTON,
# D.C. –', 'Washington, DC (July 8, 2022) —', 'WASHINGTON–'), then 'Today,'
_DATELINE_RE = re.compile(r"^(?:(?:[A-Z][\w.,]*+\s*+){1,3}(?:\([^()\n]{1,40}\)\s*+)?[-–—:]\s*+)?"
                          r"(?:(?:Today|Yesterday|This\s++week),\s++)?")
_BETWEEN_SUBJECTS_RE = re.compile(r"^(?:,?\s++and\s++|,\s*+)$")


def lead_signers(text: str) -> dict[str, str]:
    """The Members who are the subject of a release's first sentence ('U.S. Sens. John Thune
    (R-S.D.), John Barrasso (R-Wyo.) … and U.S. Reps. Dusty Johnson (R-S.D.) and Liz Cheney
    (R-Wyo.) today expressed their concern …'): the writers of the letter it reproduces when
    that letter prints no names under its closing and no sentence says who signed it. Only
    a list that opens the sentence (after a dateline) counts; name -> chamber, in order."""
    paragraph = next((p for p in text.split("\n\n") if p.strip() and not p.startswith("#")), "")
    sentence = _SENTENCE_END.split(paragraph.strip(), maxsplit=1)[0]
    start = _DATELINE_RE.match(sentence)
    pos = start.end() if start else 0
    names: dict[str, str] = {}
    for m in SPEAKERS_RE.finditer(sentence, pos):
        if m.start() != pos and not _BETWEEN_SUBJECTS_RE.match(sentence[pos:m.start()]):
            break
        for title, name in named_members(m.group(0)):
            names.setdefault(name, "sen" if title == "Sen." else "rep")
        pos = m.end()
    return names if pos > 0 and names else {}
