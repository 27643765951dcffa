"""Press releases: web-page furniture, headline, dateline, issuing office."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import END_MARK_RE, Line, find_date, is_date_line, is_prose, words

# a line that is only page furniture: share buttons, menus, print/email links
DROP_RE = re.compile(
    r"^(?:(?:[a-z#@]{1,2}\s+){2,}[a-z#@]{1,2}|share|share this(?: page| post)?:?|tweet|email|"
    r"print|facebook|twitter|linkedin|instagram|youtube|x|print friendly|font size:?.*|"
    r"\|?\s*comments?|read more|back to top|skip to (?:main )?content|home|menu|search|"
    r"press releases?|news|next article|previous article|tags?:.*|categories:.*|issues?:.*|"
    r"permalink|contact|subscribe)$", re.I)
# a line after which everything is page furniture (newsletter boxes, office addresses, ...)
CUT_RE = re.compile(
    r"^(?:stay connected|office locations?|related posts|related news|related articles|"
    r"related content|recent posts|more news|sign up for (?:my|our) newsletter.*|"
    r"use the form below to sign up.*|share this page|follow (?:me|us) on.*|"
    r"connect with (?:me|us).*|related issues?:.*)$", re.I)
PUBLISHED_RE = re.compile(r"^(?:published|posted|released)(?: on)?:?\s+(.+)$", re.I)
DATELINE_RE = re.compile(r"^(?P<place>[A-Z][A-Za-z .,]{2,40}?)[,–—-]+\s*(?P<date>[A-Z][a-z]+\.?"
                         r"\s+\d{1,2},?\s+\d{4})\s*(?:\|.*)?$")
SPEAKER_RE = re.compile(
    r"\b(?:Congressman|Congresswoman|Congressmember|Representative|Rep\.|Senator|Sen\.)\s+"
    r"((?:[A-Z][\w.'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w.'’-]+|[A-Z]\.|de|del|la)){1,3})")
ORG_SPEAKER_RE = re.compile(
    r"((?:[A-Z][\w’'&.-]+)(?:\s+(?:of|for|the|on|and|[A-Z][\w’'&.-]+)){1,6})\s+"
    r"(?:urges|urged|calls|called|applauds|applauded|welcomes|welcomed|condemns|condemned|"
    r"sent|sends|released|announced|announces|joined|led)\b")


@dataclass
class PressParts:
    title: str | None = None
    title_line: int | None = None
    date: object = None
    kept: list[Line] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)


def strip_furniture(lines: list[Line], *, headline: bool = True) -> PressParts:
    """Drop page furniture; find the headline and the dateline/publication date."""
    parts = PressParts()
    nonblank = [x for x in lines if not x.blank]
    if headline and len(nonblank) > 1:
        first = nonblank[0]
        idx = lines.index(first)
        nxt = lines[idx + 1] if idx + 1 < len(lines) else None
        if (len(first.s) <= 200 and not is_prose(first.s) or len(words(first.s)) <= 25
                and first.s[-1:] not in ".:") and (nxt is None or nxt.blank) \
                and not is_date_line(first.s) and not DROP_RE.match(first.s):
            parts.title, parts.title_line = first.s.strip("*# "), first.no
    cut = False
    for n, line in enumerate(lines):
        s = line.s
        if line.no == parts.title_line:
            continue
        if cut:
            if s:
                parts.dropped.append(line.no)
            continue
        if CUT_RE.match(s) or END_MARK_RE.match(s):
            cut = True
            parts.dropped.append(line.no)
            continue
        if s and DROP_RE.match(s):
            parts.dropped.append(line.no)
            continue
        published = PUBLISHED_RE.match(s)
        if published and find_date(published.group(1)) and len(s) < 60:
            parts.date = parts.date or find_date(published.group(1))
            parts.dropped.append(line.no)
            continue
        if s and n < 12 and is_date_line(s) and not is_prose(s) and parts.date is None:
            parts.date = find_date(s)
            parts.dropped.append(line.no)
            continue
        parts.kept.append(line)
    return parts


def find_sender(text: str) -> tuple[str | None, str | None]:
    """(sender, kind) named in the first paragraphs: a Member's office or an organization."""
    head = text[:1500]
    m = SPEAKER_RE.search(head)
    if m:
        title = "Sen." if re.match(r"Sen", m.group(0)) else "Rep."
        return f"{title} {m.group(1)}", "member"
    m = ORG_SPEAKER_RE.search(head)
    if m:
        return m.group(1), "organization"
    return None, None
