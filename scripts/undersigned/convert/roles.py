"""Titles and roles printed with a signer: the title rows of congressional blocks ('Member of Congress'), role lines under a name ('Special Envoy', 'Caucus Co-Chair'), a role run onto the name's line."""

from __future__ import annotations

import re
from functools import lru_cache

from undersigned.convert.people import (
    ORG_WORDS,
    _person_like,
)
from undersigned.core.names import fold
from undersigned.core.vocabulary import (
    CONGRESS_TITLES,
    ROLE_STARTS,
)

_TITLES = "|".join(CONGRESS_TITLES)


GENERIC_RE = re.compile(
    rf"^(?:{_TITLES}|/s/|senators signing the letter:?|representatives signing the letter:?|"
    r"signed,?|signatories:?|co-?signers:?|list of signers:?)$", re.I)


# a title row under names printed side by side: 'Member of Congress Member of Congress'
REPEATED_TITLE_RE = re.compile(rf"^(?:(?:{_TITLES})[\s,;|]*+){{2,6}}$", re.I)


_TITLE_RE = re.compile(_TITLES, re.I)


ROLE_WORDS = re.compile(
    r"\b(?:chair(?:man|woman|person)?|co-chair|vice chair|ranking member|committee|subcommittee|"
    r"caucus|whip|leader|speaker|president|director|secretary|commissioner|delegate|"
    r"executive|coordinator|founder|professor|profesora?|coordinadora?|directora?|presidenta?)\b",
    re.I)


ROLE_START = re.compile(rf"^(?:{'|'.join(ROLE_STARTS)})(?:\b|(?<=-))", re.I)


# a congressional title printed on the name's own line: 'Tom Daschle United States Senator',
# 'Member of Congress Jane Doe' (a title row run into the next name)
TRAILING_TITLE_RE = re.compile(rf"(?<=[^\s,])\s++(?:{_TITLES})\.?$", re.I)


LEADING_TITLE_RE = re.compile(rf"^(?:{_TITLES})\s++(?=[A-Z])", re.I)


TITLE_PREFIX = re.compile(r"^(?:(?:u\.\s?s\.|united states)\s++)?(?:rep\.|sen\.|representative|"
                          r"senator|congressman|congresswoman|the honorable|hon\.|dr\.)\s++", re.I)


_CONGRESS_ROLE_RE = re.compile(r"\b(?:caucus|committee|subcommittee|congress|senate|house|"
                               r"ranking member|whip|speaker)\b", re.I)


@lru_cache(maxsize=1 << 14)
def _role_line(text: str) -> bool:
    """A line that is a role or title, never someone: 'Chair', 'Special Envoy', 'Former Member
    of Congress', 'Caucus Co-Chair', 'Professor of History, UNAM'."""
    text = text.strip("*_ ").strip()
    if not text or TITLE_PREFIX.match(text):
        return False
    lead = LEADING_TITLE_RE.match(text)
    if lead and _person_like(text[lead.end():]):
        return False  # 'Member of Congress Jane Doe': a title row run into the next name
    if GENERIC_RE.match(text.rstrip(".")) or REPEATED_TITLE_RE.match(text.rstrip(".")):
        return True
    honorific = _HONORIFIC_RE.match(text)
    if honorific and _person_like(text[honorific.end():].split(",")[0]):
        return False  # 'Rev. John Smith, Washington, DC': a person, with a title of address
    if ROLE_START.match(text) and (not _person_like(text) or ROLE_WORDS.search(text)
                                   or _ROLE_END_RE.search(text)):
        return True
    head = text.split(",")[0]
    if _CONGRESS_ROLE_RE.search(head) and (not _person_like(head) or _ROLE_END_RE.search(head)):
        return True  # 'Senate Democratic Leader', 'U.S. House of Representatives'
    return bool(_ROLE_END_RE.search(head)) and len(head.split()) <= 6 and (
        not _person_like(head) or bool(_OCCUPATION_END_RE.search(head)))


# a job's last word that is no one's family name: 'Policy Advisor', 'Senior Associate'
_OCCUPATION_END_RE = re.compile(r"\b(?:advis[eo]r|associate|analyst|coordinator|director|"
                                r"organizer|specialist|manager|officer|counsel|strategist|"
                                r"consultant|researcher|coordinadora?|directora?)$", re.I)


# a title of address before a person's name
_HONORIFIC_RE = re.compile(r"^(?:rev(?:erend)?|pastor|bishop|father|fr|sister|sr|dr|rabbi|"
                           r"imam)\.?\s++", re.I)


# a role named by its last words: 'Caucus Co-Chair', 'Founding Director', 'Member of Congress'
_ROLE_END_RE = re.compile(
    r"\b(?:co-?chair(?:man|woman|person)?|chair(?:man|woman|person)?|director|directora|"
    r"president|presidenta?|secretary|coordinator|coordinadora?|member|professor|envoy|"
    r"founder|editor|ranking member|whip|leader|officer|counsel|fellow|emerit(?:us|a)|"
    r"advis[eo]r|associate|analyst|organizer|specialist|manager|strategist|consultant|"
    r"researcher)$",
    re.I)


# a leader's office named with its chamber: 'Senate Democratic Leader', 'House Majority Whip'
_CHAMBER_ROLE_RE = re.compile(r"^(?:senate|house)\s++(?:majority|minority|democratic|"
                              r"republican|assistant)\b", re.I)


def _split_role(text: str) -> tuple[str, str | None]:
    """'Henry A. Waxman Ranking Member' -> ('Henry A. Waxman', 'Ranking Member'): a role run
    onto the name's line after it."""
    tokens = text.split()
    if ROLE_START.match(text) or _CONGRESS_ROLE_RE.match(text):
        return text, None
    for k in range(2, min(len(tokens), 5)):
        head, tail = " ".join(tokens[:k]), " ".join(tokens[k:])
        if (ROLE_START.match(tail) or _CHAMBER_ROLE_RE.match(tail)) and _role_line(tail) \
                and _person_like(head) \
                and not ORG_WORDS & set(fold(tail).split()) and len(tokens) - k <= 4:
            return head, tail
    return text, None
