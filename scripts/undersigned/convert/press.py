"""Press releases: web-page furniture, headline, dateline, issuing office."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlparse

from undersigned.convert.header import LETTERHEAD_RE
from undersigned.convert.lines import (
    END_MARK_RE,
    LANGUAGE_MARK_RE,
    Line,
    find_date,
    is_date_line,
    is_prose,
    words,
)
from undersigned.convert.prose import named_members


def _fold_ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                   if not unicodedata.combining(c))


# a line that is only page furniture: share buttons, menus, print/email links
DROP_RE = re.compile(
    r"^(?:(?:[a-z#@]{1,2}\s++){2,}[a-z#@]{1,2}|share|share this(?: page| post)?:?|tweet|email|"
    r"print|facebook|twitter|linkedin|instagram|youtube|x|print friendly|font size:?.*|"
    r"\|?\s*+comments?|read more|back to top|skip to (?:main )?content|home|menu|search|"
    r"press releases?|news|next article|previous article|tags?:.*|categories:.*|issues?:.*|"
    r"permalink|contact|subscribe)$", re.I)
# a line after which everything is page furniture (newsletter boxes, office addresses, ...)
CUT_RE = re.compile(
    r"^(?:stay connected|office locations?|related posts|related news|related articles|"
    r"related content|recent posts|more news|sign up for (?:my|our) newsletter.*|"
    r"use the form below to sign up.*|share this page|follow (?:me|us) on.*|"
    r"connect with (?:me|us).*|related issues?:.*)$", re.I)
PUBLISHED_RE = re.compile(r"^(?:published|posted|released)(?: on)?:?\s++(.+)$", re.I)
# (a name starts at its first capital: a search is not retried at every capital inside a word)
ORG_SPEAKER_RE = re.compile(
    r"(?<![\w’'&.-])((?:[A-Z][\w’'&.-]++)(?:\s++(?:of|for|the|on|and|[A-Z][\w’'&.-]++)){1,6})\s++"
    r"(?:urges|urged|calls|called|applauds|applauded|welcomes|welcomed|condemns|condemned|"
    r"sent|sends|released|announced|announces|joined|led)\b")


@dataclass
class PressParts:
    title: str | None = None
    title_line: int | None = None
    title_at: int = -1  # the headline's index among the lines (a flattened scrape's lines all
    # have the number of the one line they were cut from)
    date: object = None
    kept: list[Line] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    dropped_text: list[str] = field(default_factory=list)  # what each dropped line said

    def drop(self, line: Line) -> None:
        self.dropped.append(line.no)
        self.dropped_text.append(line.s)


# lines a web page prints before the headline: the section, breadcrumbs, a byline, a release
# note ('Press Release', 'Home » News', 'By Jane Doe', 'FOR IMMEDIATE RELEASE')
_BEFORE_HEADLINE = re.compile(
    # ('\s*[\w ]+' after a separator, written without two quantifiers sharing the spaces)
    r"^(?:(?:home|news|media|newsroom|media center|press)\s*+(?:[»>/|›]\s*+(?:\w[\w ]*+|(?<= )))++|"
    r"(?:by|por)\s++[A-Z][\w.'’ -]{2,60}|for immediate release:?|para publicaci[oó]n inmediata:?|"
    r"contact:?\s.{0,80}|media contact:?\s.{0,80}|"
    r"(?:press release|news release|statement|press statement|comunicados? de prensa|"
    r"comunicados?|noticias|declaraci[oó]n)s?(?:\s*+[|:–—-].{0,40})?)$", re.I)
# the site's name printed above every page: 'Senator Cornyn', 'Congresswoman Norma J. Torres'
SITE_NAME_RE = re.compile(
    r"^(?:U\.S\.\s++)?(?:Senator|Sen\.|Congressman|Congresswoman|Congressmember|Representative|"
    r"Rep\.)\s++(?:[A-Z][\w.'’-]*+\s*+){1,4}$")


def _before_headline(text: str) -> bool:
    return bool(DROP_RE.match(text) or _BEFORE_HEADLINE.match(text) or is_date_line(text)
                or SITE_NAME_RE.match(text) or LANGUAGE_MARK_RE.match(text))


def _capital_headline(text: str) -> bool:
    """A headline printed in capitals, with the lead paragraph right under it ('SEN. CANTWELL
    SEEKS CLARIFICATION ...'): five or more words, no lower-case letter, not a letterhead."""
    return (len(words(text)) >= 5 and not any(c.islower() for c in text)
            and not LETTERHEAD_RE.match(text) and text[-1:] not in ",:")


def strip_furniture(lines: list[Line], *, headline: bool = True) -> PressParts:
    """Drop page furniture; find the headline and the dateline/publication date."""
    parts = PressParts()
    nonblank = [x for x in lines if not x.blank]
    if headline and len(nonblank) > 1:
        first = next((x for x in nonblank[:12] if not _before_headline(x.s)), nonblank[0])
        idx = lines.index(first)
        nxt = lines[idx + 1] if idx + 1 < len(lines) else None
        if (len(first.s) <= 200 and not is_prose(first.s) or len(words(first.s)) <= 25
                and first.s[-1:] not in ".:") and (nxt is None or nxt.blank
                                                   or _capital_headline(first.s)) \
                and not is_date_line(first.s) and not DROP_RE.match(first.s):
            parts.title, parts.title_line, parts.title_at = first.s.strip("*# "), first.no, idx
    cut = False
    for n, line in enumerate(lines):
        s = line.s
        if n == parts.title_at:
            continue
        if cut:
            if s:
                parts.drop(line)
            continue
        if CUT_RE.match(s) or END_MARK_RE.match(s):
            cut = True
            parts.drop(line)
            continue
        if s and (DROP_RE.match(s) or (n < parts.title_at and (
                _BEFORE_HEADLINE.match(s) or SITE_NAME_RE.match(s) or LANGUAGE_MARK_RE.match(s)))):
            parts.drop(line)
            continue
        published = PUBLISHED_RE.match(s)
        if published and find_date(published.group(1)) and len(s) < 60:
            parts.date = parts.date or find_date(published.group(1))
            parts.drop(line)
            continue
        if s and n < 12 and is_date_line(s) and not is_prose(s) and parts.date is None:
            parts.date = find_date(s)
            parts.drop(line)
            continue
        parts.kept.append(line)
    return parts


def find_sender(text: str, url: str | None = None) -> tuple[str | None, str | None]:
    """(sender, kind) named in the first paragraphs: a Member's office or an organization.
    Where several Members are named, the one whose name the release's web address carries
    (``lofgren.house.gov``) issued it; otherwise the first named."""
    head = text[:1500]
    members = named_members(head)
    if members:
        host = re.sub(r"[^a-z]", "", (urlparse(url).hostname or "").lower()) if url else ""
        for title, name in members:
            last = re.sub(r"[^a-z]", "", _fold_ascii(name.split()[-1]))
            if host and len(last) > 2 and last in host:
                return f"{title} {name}", "member"
        title, name = members[0]
        return f"{title} {name}", "member"
    m = ORG_SPEAKER_RE.search(head)
    if m:
        return m.group(1), "organization"
    return None, None
