"""Orchestration: split a text into its documents (a letter, or a press release and the letters
it reproduces) and convert each. Pure: no files, no registry."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from undersigned.convert.body import convert_body
from undersigned.convert.document import (
    ConvertedDocument,
    FrontMatter,
    Options,
    Party,
    Source,
)
from undersigned.convert.flattened import is_flattened, reline
from undersigned.convert.header import parse_header
from undersigned.convert.lines import LANGUAGE_MARK_RE, Line, is_prose, split_lines
from undersigned.convert.people import known_organizations
from undersigned.convert.press import find_sender, strip_furniture
from undersigned.convert.prose import lead_signers, signers_in_prose
from undersigned.convert.regions import SPANISH_SALUTATION, Region, _find_regions, language_of
from undersigned.convert.relayout import relayout
from undersigned.convert.signed import Kind, Signed
from undersigned.convert.statements import has_signer_heading, statement_signers
from undersigned.core.characters import BODY
from undersigned.core.hygiene import clean
from undersigned.core.legislators import Legislators
from undersigned.core.model import Topic
from undersigned.core.mojibake import repair
from undersigned.core.problems import Problem
from undersigned.core.schema import YEARS
from undersigned.core.vocabulary import COUNTRY_PATTERNS, OFFICES, OFFICES_ES

COUNTRIES = COUNTRY_PATTERNS


@dataclass
class Result:
    documents: list[ConvertedDocument] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _keywords(text: str, topics: dict[str, Topic], keywords: dict[str, list[str]]) -> list[str]:
    low = text.lower()
    scored = []
    for topic_id in topics:
        hits = sum(low.count(k.lower()) for k in keywords.get(topic_id, []))
        if hits:
            scored.append((-hits, topic_id))
    return [t for _h, t in sorted(scored)[:4]]


def _countries(text: str) -> list[str]:
    low = text.lower()
    found = [(low.find(m.group(0)), code) for code, rx in COUNTRIES.items()
             for m in [re.search(rx, low)] if m]
    return [code for _pos, code in sorted(found)]


# a role that is an office: 'Secretary', 'Majority Leader', 'Acting Administrator', 'The
# Secretary of State', 'American Ambassador to Mexico'
_OFFICE_ROLE_RE = re.compile(
    r"^(?:(?:the|acting|majority|minority|deputy|under|assistant|vice|senate|house|american|"
    r"united states|u\.s\.)\s++)*+(?:comptroller|inspector general|prime minister|"
    r"(?:legal )?adviser|" + "|".join(re.escape(x) for x in OFFICES + OFFICES_ES) + r")\b",
    re.I)


def _letter_title(recipients: list[Party], salutation: str = "", greets: bool = False) -> str:
    """``greets``: the salutation has no 'Dear' ('Director Lang', a scrape's: flattened.py)."""
    if not recipients:
        if greets and salutation:
            return f"Letter to {salutation}"
        m = re.match(rf"^(?:\*\*)?(?:dear|to|{SPANISH_SALUTATION})\s++(.+?)[,:;]?(?:\*\*)?$",
                     salutation, re.I)
        return f"Letter to {m.group(1).strip()}" if m else "Letter"
    first = recipients[0]
    role = first.role or ""
    # an office reads before the name ('Secretary Michael Chertoff'); an institution or a
    # role with its bureau does not ('Senate Judiciary Committee Patrick Leahy')
    office = bool(_OFFICE_ROLE_RE.match(role)) and "," not in role
    label = f"{role} {first.name}" if office and len(role.split()) <= 5 else first.name
    more = len(recipients) - 1
    return f"Letter to {label}" + (f" and {more} other{'s' if more > 1 else ''}" if more else "")


def _kind(kind: str) -> Kind:
    return "organization" if kind == "organization" else "person"


def _signatory(s: Signed) -> Party:
    """One signature read, with what the converter learned about it."""
    return Party(s.name, role=s.role or None, group=s.group or None, kind=_kind(s.kind),
                 line=s.line, columns=s.columns)


def _recipient(recipient: dict[str, str], header: list[Line]) -> Party:
    """A recipient of the address block, with the (last) header line that prints its name."""
    line = next((x.no for x in reversed(header) if recipient["name"] in x.s), None)
    return Party(recipient["name"], role=recipient.get("role") or None,
                 organization=recipient.get("organization") or None, line=line)


@dataclass
class _Job:
    """One conversion: the text's lines, what the caller said, and what was found so far."""

    lines: list[Line]
    source: str
    options: Options
    topics: dict[str, Topic]
    keywords: dict[str, list[str]]
    result: Result = field(default_factory=Result)

    def note(self, line: int | None, message: str, hint: str, warning: bool = True) -> None:
        self.result.problems.append(Problem(self.source, line, message, hint, warning=warning))


def convert_text(text: str, *, source: str, options: Options | None = None,
                 topics: dict[str, Topic] | None = None,
                 keywords: dict[str, list[str]] | None = None,
                 members: Legislators | None = None,
                 organizations: frozenset[str] = frozenset()) -> Result:
    """Convert one plain-text original into one or more documents (never raises on text).
    ``members``: the Members of Congress a scrape without layout is segmented against (the
    bundled list when not given); ``organizations``: the folded names and aliases of the
    registry's organizations (a signer printed as one is that organization, whole)."""
    token = known_organizations.set(organizations)
    try:
        return _convert(text, source, options, topics, keywords, members)
    finally:
        known_organizations.reset(token)


def _convert(text: str, source: str, options: Options | None,
             topics: dict[str, Topic] | None, keywords: dict[str, list[str]] | None,
             members: Legislators | None) -> Result:
    text, repaired = repair(text)  # mis-decoded text ('Mexicoâs') undone, and said
    lines = split_lines(clean(text, BODY))  # no control or bidi characters reach a letter
    flat = reline(lines, source, members) if is_flattened(lines) else None
    lines = flat.lines if flat else relayout(lines)  # a signature run onto its closing's line
    job = _Job(lines, source, options or Options(), topics or {}, keywords or {})
    if flat:
        job.result.problems.extend(flat.problems)
    if repaired:
        job.note(None, f"repaired mis-decoded text on {repaired} line{'s' if repaired != 1 else ''}"
                 " ('Mexicoâs' read as 'Mexico’s', 'â' between words as a dash)",
                 "compare the letter with the original where it matters (core/mojibake.py)")
    regions = _find_regions(lines, source, job.result.problems, flat.blocks if flat else None)
    first_text = next((k for k, x in enumerate(lines) if not x.blank), 0)
    main_is_letter = bool(regions) and regions[0].start <= first_text and job.options.type in (
        None, "letter")
    if job.options.type == "letter" and regions:
        main_is_letter = True
    letters: list[ConvertedDocument] = []
    outside: list[Line] = []
    pos = 0
    for r_index, region in enumerate(regions):
        outside.extend(lines[pos:region.start])
        pos = region.also[1] if region.also else region.sig_end
        is_main = main_is_letter and r_index == 0
        trailing: list[Line] = []
        if is_main and len(regions) == 1 and any(not x.blank for x in lines[pos:]):
            trailing, pos = lines[pos:], len(lines)  # a stand-alone letter's cc:, annex
        else:
            trailing, pos = _copies_to(lines, pos)  # 'cc: …' under a reproduced letter
        letters.append(_letter(job, region, is_main, trailing))
    outside.extend(lines[pos:])
    docs: list[ConvertedDocument] = []
    if not main_is_letter:
        docs.append(_release(job, outside, letters))
    else:
        languages = [language_of(lines[r.salutation].s) if r.salutation < len(lines) else ""
                     for r in regions]
        for letter, language in zip(letters, languages, strict=True):
            if not letter.front.sender:
                letter.front.sender = _letter_sender(letter, None)
            if letter.front.date is None and language != languages[0]:
                letter.front.date = letters[0].front.date  # its translation's
    docs.extend(letters)
    _check_fields(job, docs)
    job.result.documents = docs
    return job.result


_CC_RE = re.compile(r"^(?:cc|bcc)(?:\s*+:\s*+|\s++)\S", re.I)


def _copies_to(lines: list[Line], pos: int) -> tuple[list[Line], int]:
    """The 'cc:' list printed right under a letter's signature ('cc: The Honorable Condoleezza
    Rice, Secretary of State' and the lines under it, up to a blank line): the letter's, not the
    release's that goes on after it; and where the release resumes."""
    k = pos
    while k < len(lines) and lines[k].blank:
        k += 1
    if k >= len(lines) or not _CC_RE.match(lines[k].s):
        return [], pos
    end = k
    while end < len(lines) and not lines[end].blank \
            and not (end > k and is_prose(lines[end].s)):  # the release goes on ('Sen. Cornyn
        end += 1  # serves on the Armed Services … Committees.', no blank line between)
    return lines[k:end], end


def _letter(job: _Job, region: Region, is_main: bool, trailing: list[Line]
            ) -> ConvertedDocument:
    """The letter of one region (address block, salutation, text, closing, signatures)."""
    lines, options = job.lines, job.options
    header = parse_header(lines[region.start:region.salutation])
    if header.furniture:
        job.note(header.furniture[0], f"removed {len(header.furniture)} line(s) of web-page "
                 "furniture before the letter (lines " + _ranges(header.furniture) + ")",
                 "check the original if a removed line was content")
    header_extra = [x for x in lines[region.start:region.salutation]
                    if not x.blank and x.no not in header.consumed]
    unknown = [x for x in header_extra if not LANGUAGE_MARK_RE.match(x.s)]
    if unknown:
        job.note(unknown[0].no, f"{len(unknown)} header line(s) not understood (kept at the "
                 "top of the body): " + "; ".join(x.s[:60] for x in unknown[:3]),
                 "move recipients' names and roles into `recipients:` by hand")
    body_end = (region.closing + 1) if region.closing is not None else region.sig_end
    text_lines = lines[region.salutation:body_end]
    if len(text_lines) > 1 and not text_lines[1].blank:  # the salutation is a paragraph
        text_lines = [text_lines[0], Line(0, "")] + text_lines[1:]
    body_lines = header_extra + ([Line(0, "")] if header_extra else []) + text_lines
    if region.notes:  # endnotes after the signatures belong to the letter's body
        body_lines += [Line(0, "")] + lines[region.notes[0]:region.notes[1]]
    if region.also:  # a translation printed after the signature list
        body_lines += [Line(0, "")] + lines[region.also[0]:region.also[1]]
    if trailing:
        body_lines += [Line(0, "")] + trailing
    body = convert_body(body_lines, job.source)
    job.result.problems.extend(body.problems)
    recipients = [_recipient(r, lines[region.start:region.salutation])
                  for r in header.recipients]
    greeting = lines[region.salutation] if region.salutation < len(lines) else Line(0, "")
    salutation = greeting.s
    front = FrontMatter(
        title=(options.title if is_main and options.title else header.headline
               if is_main and header.headline else _letter_title(recipients, salutation,
                                                             greeting.greets)),
        date=(options.date if is_main else None) or header.date,
        type="letter",
        sender=options.sender if is_main and options.sender else None,
        recipients=recipients,
        signatories=[_signatory(s) for s in region.signatures],
        topics=list(job.options.topics) or _keywords(body.markdown, job.topics, job.keywords),
        countries=_countries(body.markdown),
        source=Source(url=options.url if is_main and options.url else None),
    )
    if not recipients:
        job.note(lines[region.start].no, "no recipient block found (e.g. 'The Honorable ...')",
                 "add `recipients:` by hand")
    return ConvertedDocument(
        front, body.markdown, lines[region.start].no, "main" if is_main else "embedded",
        sender_given=bool(is_main and options.sender),
        congress=region.congress or any(
            "congress" in x.lower() or "senate" in x.lower() or "house" in x.lower()
            for x in header.letterhead))


def _release(job: _Job, outside: list[Line], letters: list[ConvertedDocument]
             ) -> ConvertedDocument:
    """The press release (or statement) around the letters it reproduces, if any; the
    letters get its date, sender and source where they print none."""
    options = job.options
    parts = strip_furniture(outside, headline=not options.title)
    if parts.dropped and len({x.no for x in outside}) < len(outside):  # a scrape's pieces
        job.note(parts.dropped[0], f"removed {len(parts.dropped)} piece(s) of web-page "
                 "furniture from the scrape's line(s) " + _ranges(sorted(set(parts.dropped)))
                 + ": " + ", ".join(f"'{_clip(x)}'" for x in parts.dropped_text),
                 "check the original if a removed piece was content")
    elif parts.dropped:
        job.note(parts.dropped[0], f"removed {len(parts.dropped)} line(s) of web-page "
                 "furniture (lines " + _ranges(parts.dropped) + ")",
                 "check the original if a removed line was content")
    body = convert_body(parts.kept, job.source)
    job.result.problems.extend(body.problems)
    sender, sender_kind = find_sender(body.markdown, options.url)
    sender = options.sender or sender
    printed = parts.date if isinstance(parts.date, dt.date) else None  # (PressParts.date: object)
    issued = options.date or printed or (letters[0].front.date if letters else None)
    kind = options.type or "press-release"
    signed = statement_signers(parts.kept, job.source, job.result.problems) \
        if kind == "statement" or has_signer_heading(parts.kept) else []
    if signed and not options.type:
        kind = "statement"  # a text with a list of signers under a heading of its own
    if kind == "statement" and not signed and not letters:
        job.note(1, "no list of signers found: neither a heading such as 'Signatories:' nor "
                 "two or more 'Name' or 'Name, affiliation' lines ending the text",
                 "list the signers in `signatories:` by hand if the statement prints them")
    publisher = options.publisher or (f"Office of {sender}" if sender_kind == "member"
                                      else sender)
    named = signers_in_prose(body.markdown) if not any(
        x.front.signatories for x in letters) else {}  # the letter is not reproduced
    if letters and not named and not any(x.front.signatories for x in letters):
        named = lead_signers(body.markdown)  # it is, but with no names under its closing
    front = FrontMatter(
        title=options.title or parts.title,
        date=issued,
        type=kind,
        sender=sender,
        signatories=[_signatory(x) for x in signed],
        signers_named=[Party(name, chamber=chamber) for name, chamber in named.items()],
        topics=list(job.options.topics) or _keywords(body.markdown, job.topics, job.keywords),
        countries=_countries(body.markdown),
        source=Source(url=options.url or None, publisher=publisher or None),
    )
    if not sender:  # asked for, never invented
        job.note(1, "cannot tell who issued this document", "pass --sender 'Office of Rep. Name'"
                 if kind != "statement" else "pass --sender with the statement's author "
                 "(an organization, a coalition, 'Signatories of the statement')", warning=False)
    for letter in letters:
        if letter.front.date is None:
            letter.front.date = issued
        if not letter.front.sender:
            letter.front.sender = _letter_sender(letter, sender)
        if options.url:
            letter.front.source = Source(url=options.url)
    return ConvertedDocument(front, body.markdown, 1, "main")


def _check_fields(job: _Job, docs: list[ConvertedDocument]) -> None:
    """What every document needs and the text did not give: reported with a hint."""
    for doc in docs:
        for key, value in (("title", doc.front.title), ("date", doc.front.date)):
            if not value:
                flag = "--title 'Headline'" if key == "title" else "--date YYYY-MM-DD"
                job.note(doc.source_line, f"no {key} found in the text", f"pass {flag}",
                         warning=False)
        day = doc.front.date
        if isinstance(day, dt.date) and not YEARS[0] <= day.year <= YEARS[1]:
            job.note(doc.source_line, f"the date found in the text, {day}, is outside "
                     f"{YEARS[0]}-{YEARS[1]}", "pass --date YYYY-MM-DD", warning=False)
        if not doc.front.topics:
            job.note(doc.source_line, "no topic could be proposed from the text",
                     "add `topics:` from topics.yaml by hand")


def _letter_sender(letter: ConvertedDocument, issuer: str | None) -> str:
    signers = letter.front.signatories
    if letter.congress:
        return "Members of Congress"
    if signers and all(s.kind == "organization" for s in signers):
        return "Organizations"
    if signers and any(s.kind == "organization" for s in signers):
        return "Organizations and individuals"
    if signers:
        # (one name printed twice is one signer)
        return "Individuals" if len({s.name for s in signers}) > 1 else signers[0].name
    return issuer or "Unknown"


def _clip(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}" if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)

