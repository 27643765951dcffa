"""Letter/press-release body -> Markdown: paragraphs re-joined across page breaks, lists,
footnotes. Every word of the source is kept, in order (footnote texts move to the end)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from undersigned.convert.lines import (
    CLOSING_RE,
    FOOTDEF_RE,
    LEAD_IN_RE,
    RULE_RE,
    SUP_RE,
    Line,
    blocks,
)
from undersigned.core.problems import Problem

BULLET_RE = re.compile(r"^\s*+(?:[•●▪◦·‣∙]|[-*–](?=\s))\s*+(.*)$")
NUMBER_RE = re.compile(r"^\s*+(?:\(?(\d{1,3})[.)])\s++(.*)$")
# an item of a list as printed: '1)', '(2)', 'a)', '(b)', '3.' (each starts a paragraph)
ITEM_RE = re.compile(r"^\(?(?:\d{1,3}|[a-z])\)\s|^\d{1,3}\.\s")
ORDINAL_RE = re.compile(r"^(?:st|nd|rd|th|er|o|a|e|ème|re)$", re.I)
RAW_TAG_RE = re.compile(r"<(?!https?://|mailto:)(?=[A-Za-z/!?])")
END_PUNCT = tuple('.!?:;"”’)»]*')
# a list a web page printed inside one paragraph: 'as follows: * An unredacted version of the
# report. * Is this true? ...' (an asterisk after the end of a sentence, before the next)
# (items may end with ';', '; and', '; or')
INLINE_BULLET_RE = re.compile(r"(?:(?<=[.:?!;”\"])|(?<=\band)|(?<=\bor))\s\*\s(?=\S)")


@dataclass
class Body:
    markdown: str
    footnotes: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _inline(text: str, defs: set[str], src: str, line: int, problems: list[Problem]) -> str:
    def sup(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        if inner.isdigit():
            if inner not in defs:
                problems.append(Problem(src, line, f"footnote marker {inner} has no definition",
                                        "add the footnote text at the end of the body as "
                                        f"'[^{inner}]: ...'"))
            return f"[^{inner}]"
        if ORDINAL_RE.match(inner):
            return inner  # 2<sup>nd</sup> -> 2nd
        return inner

    text = SUP_RE.sub(sup, text)
    return RAW_TAG_RE.sub("&lt;", text)


def _kind(block: list[Line]) -> str:
    first = block[0].s
    if first.startswith("#"):
        return "heading"
    if all(BULLET_RE.match(x.text) for x in block):
        return "bullets"
    if all(NUMBER_RE.match(x.text) for x in block):
        return "numbers"
    return "para"


def _line_paragraphs(block: list[Line]) -> list[list[Line]]:
    """A run of lines with no blank line between them is one paragraph re-joined, unless its
    lines are whole paragraphs: a long line (over 100 characters: no hard-wrapped text is
    that wide) that ends a sentence, followed by a line that starts one (web pages saved as
    text print a paragraph a line). In a run with a line over 200 characters (a page that
    prints a paragraph a line, never hard-wrapped), every line that does not go on in lower
    case is a paragraph of its own, whatever its length ('Best regards.', a date, an item).
    A closing ('Sincerely yours,') never goes on the paragraph above it."""
    wide = any(len(x.s) > _WIDE_LINE for x in block)
    out = [[block[0]]]
    for prev, line in zip(block, block[1:], strict=False):
        starts = line.s[:1].isupper() or line.s[:1] in '"“¿¡' or line.s[:1].isdigit()
        if (len(prev.s) > 100 or wide) and prev.s.endswith(END_PUNCT) and starts \
                or prev.s.endswith(END_PUNCT) and ITEM_RE.match(line.s) \
                or wide and (starts or BULLET_RE.match(line.text)) \
                or CLOSING_RE.match(line.s) or LEAD_IN_RE.match(line.s):
            out.append([line])  # (ITEM_RE: '1) …', 'a) …'; LEAD_IN_RE: 'Below is the text …')
        else:
            out[-1].append(line)
    return out


_WIDE_LINE = 200


def _paragraph_blocks(flow: list[Line]) -> list[list[Line]]:
    return [part for block in blocks(flow)
            for part in (_line_paragraphs(block) if _kind(block) == "para" else [block])]


@dataclass
class _Split:
    """A body's lines apart from its footnote definitions, and where its page breaks were."""

    flow: list[Line] = field(default_factory=list)
    defs: dict[str, list[str]] = field(default_factory=dict)
    def_lines: dict[str, int] = field(default_factory=dict)
    breaks: set[int] = field(default_factory=set)  # indexes in ``flow`` after a page break


def _split_footnotes(lines: list[Line], src: str, problems: list[Problem]) -> _Split:
    out = _Split()
    current: str | None = None
    for line in lines:
        m = FOOTDEF_RE.match(line.text)
        if m:
            current = m.group(1)
            if current in out.defs:
                problems.append(Problem(src, line.no, f"footnote {current} is defined twice",
                                        "renumber one of the footnotes"))
            out.defs[current] = [m.group(2).strip()]
            out.def_lines[current] = line.no
            out.breaks.add(len(out.flow))
        elif current is not None:
            if line.blank:
                current = None
            else:
                out.defs[current].append(line.s)
        elif RULE_RE.match(line.text):
            out.breaks.add(len(out.flow))
            out.flow.append(Line(line.no, ""))
        else:
            out.flow.append(line)
    return out


def convert_body(lines: list[Line], src: str) -> Body:
    """Convert the lines of a body (salutation .. closing) to Markdown."""
    problems: list[Problem] = []
    split = _split_footnotes(lines, src, problems)
    flow, defs = split.flow, split.defs
    out: list[tuple[str, str, bool]] = []  # (kind, text, ends-open)
    defined = set(defs)
    prev_end = -1
    index_of = {id(x): i for i, x in enumerate(flow)}
    for block in _paragraph_blocks(flow):
        start = index_of[id(block[0])]
        kind = _kind(block)
        after_break = any(prev_end < b <= start for b in split.breaks)
        prev_end = index_of[id(block[-1])]
        if kind == "para":
            text = " ".join(_inline(x.s, defined, src, x.no, problems) for x in block)
            _add_paragraph(out, re.sub(r"\s+", " ", text), after_break)
            _inline_list(out)
        elif kind == "heading":
            text = " ".join(_inline(x.s, defined, src, x.no, problems) for x in block)
            out.append(("heading", text, False))
        elif kind == "numbers" and not _markdown_numbering(block, out, after_break):
            for x in block:  # '3) In addition …' after '2)': printed as it is, a paragraph
                text = _inline(x.s, defined, src, x.no, problems)
                out.append(("para", re.sub(r"^(\d{1,3})\.", r"\1\\.", text), False))
        else:
            items = [_item(kind, x, defined, src, problems) for x in block]
            if out and out[-1][0] == kind and after_break:  # a list cut by a page break
                out[-1] = (kind, out[-1][1] + "\n" + "\n".join(items), False)
            else:
                out.append((kind, "\n".join(items), not items[-1].endswith(END_PUNCT)))
    paragraphs = [text for _k, text, _open in out]
    notes = {}
    for key in sorted(defs, key=int):
        text = _inline(" ".join(defs[key]), defined, src, split.def_lines[key], problems)
        notes[key] = text
        if f"[^{key}]" not in "\n".join(paragraphs):
            problems.append(Problem(src, split.def_lines[key],
                                    f"footnote {key} is never referenced",
                                    "add the marker <sup>" + key + "</sup> where it belongs"))
    md = "\n\n".join(paragraphs)
    if notes:
        md += "\n\n" + "\n".join(f"[^{k}]: {v}" for k, v in notes.items())
    return Body(md, notes, problems)


def _markdown_numbering(block: list[Line], out: list[tuple[str, str, bool]],
                        after_break: bool) -> bool:
    """Can the numbered lines be a Markdown list and still show the numbers printed? Only
    when they count up from 1 (or on from the list a page break cut): a list shows its items
    numbered from 1, whatever their marks say."""
    marks = [NUMBER_RE.match(x.text) for x in block]
    first = 1
    if out and out[-1][0] == "numbers" and after_break:
        first = len(out[-1][1].splitlines()) + 1
    elif len(block) == 1:
        return False  # one item alone ('1) Last November, you stated …'): a paragraph
    return [int(m.group(1)) for m in marks if m] == list(range(first, first + len(block)))


def _add_paragraph(out: list[tuple[str, str, bool]], text: str, after_break: bool) -> None:
    """A paragraph, joined to the one before when a page break cut it (it goes on in lower
    case, or right after the break)."""
    if out and out[-1][0] in ("para", "numbers", "bullets") and out[-1][2] \
            and not CLOSING_RE.match(out[-1][1]) \
            and (text[:1].islower() or (after_break and text[:1].isalnum())):
        kind_prev, prev, _ = out[-1]
        out[-1] = (kind_prev, prev + " " + text, not text.endswith(END_PUNCT))
    else:
        out.append(("para", text, not text.endswith(END_PUNCT)))


def _inline_list(out: list[tuple[str, str, bool]]) -> None:
    """The last paragraph, if it holds a list printed inside it (two items or more), as its
    opening words and the list (every word kept, in order; the asterisks are list marks)."""
    kind, text, open_end = out[-1]
    parts = INLINE_BULLET_RE.split(text) if kind == "para" else []
    if len(parts) < 3:
        return
    out[-1] = ("para", parts[0], False)
    out.append(("bullets", "\n".join("- " + p.strip() for p in parts[1:]), open_end))


def _item(kind: str, x: Line, defined: set[str], src: str, problems: list[Problem]) -> str:
    """One item of a bulleted or numbered list as Markdown."""
    if kind == "bullets":
        m = BULLET_RE.match(x.text)
        assert m is not None  # _kind() checked every line
        return "- " + _inline(m.group(1).strip(), defined, src, x.no, problems)
    m = NUMBER_RE.match(x.text)
    assert m is not None
    return f"{m.group(1)}. " + _inline(m.group(2).strip(), defined, src, x.no, problems)
