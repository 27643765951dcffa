"""/stats/: letters per year and the most active signatories, as static accessible SVG charts
(drawn at build time; no script, no CDN) with the numbers also given as tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from undersigned.core.archive import kept
from undersigned.core.offices import recipient_office
from undersigned.core.urls import signatory_uri, year_uri
from undersigned.core.vocabulary import MONTH_NAMES
from undersigned.pages.common import TYPE_LABELS, Page, front, href, link, plural
from undersigned.pages.entities import together_url

if TYPE_CHECKING:
    from undersigned.core.archive import Archive
    from undersigned.core.model import Letter, Recipient

STATS_URI = "stats/index.md"


def _fit(label: str, limit: int = 34) -> str:
    """A bar's label cut at a word to fit beside the bar ('…'); the table has it whole."""
    return label if len(label) <= limit else label[:limit - 1].rsplit(" ", 1)[0] + "…"


def bar_chart(chart_id: str, title: str, desc: str, rows: list[tuple[str, int]],
              horizontal: bool = False) -> str:
    """An SVG bar chart with <title>/<desc> and a label on every bar."""
    if not rows:
        return ""
    top = max(v for _k, v in rows) or 1
    if horizontal:
        bar_h, label_w, width = 18, 220, 640
        height = len(rows) * (bar_h + 6) + 10
        parts = []
        for i, (label, value) in enumerate(rows):
            y = 5 + i * (bar_h + 6)
            w = max(1, round((width - label_w - 60) * value / top))
            parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">'
                         f"{escape(_fit(label))}</text><rect x=\"{label_w}\" y=\"{y}\" "
                         f'width="{w}" height="{bar_h}"></rect><text x="{label_w + w + 4}" '
                         f'y="{y + 13}">{value}</text>')
    else:
        width, height, base = 640, 220, 190
        slot = (width - 20) / len(rows)
        if len(rows) > 12:  # keep year labels legible: '01, '02, ...
            rows = [(f"’{k[2:]}" if len(k) == 4 and k.isdigit() else k, v) for k, v in rows]
        parts = []
        for i, (label, value) in enumerate(rows):
            h = max(1, round(160 * value / top))
            x = 10 + i * slot
            parts.append(f'<rect x="{x + slot * 0.15:.1f}" y="{base - h}" width="{slot * 0.7:.1f}"'
                         f' height="{h}"></rect><text x="{x + slot / 2:.1f}" y="{base - h - 4}" '
                         f'text-anchor="middle">{value}</text><text x="{x + slot / 2:.1f}" '
                         f'y="{base + 16}" text-anchor="middle">{escape(label)}</text>')
    return (f'<figure class="us-chart"><svg role="img" aria-labelledby="{chart_id}-t '
            f'{chart_id}-d" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="{chart_id}-t">{escape(title)}</title>'
            f'<desc id="{chart_id}-d">{escape(desc)}</desc>{"".join(parts)}</svg>'
            f"<figcaption>{escape(title)}</figcaption></figure>")


TARGET = 26  # px: the least width of a bar's link (24, WCAG 2.5.8, with a margin)
MAX_MONTH_BARS = 24  # two years of months; a longer archive is drawn by year


def timeline(archive: Archive, here: str, search_uri: str = "search/index.md") -> str:
    """Documents over time, month by month (by year for a very long archive), as an SVG bar
    chart whose every bar links to the documents of that period (the search page filtered to
    it), followed by the same numbers as a table."""
    if not archive.letters:
        return ""
    counts: dict[tuple[int, int], int] = {}
    for letter in archive.letters:
        key = (letter.date.year, letter.date.month)
        counts[key] = counts.get(key, 0) + 1
    first, last = min(counts), max(counts)
    months = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    search = href(here, search_uri)
    if months > MAX_MONTH_BARS:  # by year
        slots = [((y, 0), sum(n for (yy, _m), n in counts.items() if yy == y))
                 for y in range(first[0], last[0] + 1)]
    else:
        slots = []
        y, m = first
        for _ in range(months):
            slots.append(((y, m), counts.get((y, m), 0)))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    top = max(n for _k, n in slots) or 1
    # drawn at its own size (never scaled down: a label stays 11 px), each bar's link at least
    # TARGET px wide; wider than the screen, it scrolls sideways, and says so
    slot = max(TARGET, min(60, 660 / len(slots)))
    width, base, tall = round(20 + slot * len(slots)), 150, 120
    bars, labels, rows = [], [], []
    for i, ((y, m), n) in enumerate(slots):
        x = 10 + i * slot
        period = f"{MONTH_NAMES[m - 1]} {y}" if m else str(y)
        period_key = f"{y}-{m:02d}" if m else str(y)
        if m in (0, 1) or i == 0:
            labels.append(f'<text x="{x + slot / 2:.1f}" y="{base + 16}" '
                          f'text-anchor="middle">{y}</text>')
        if not n:
            continue
        target = f"{search}?{'month' if m else 'year'}={period_key}"
        h = max(2, round(tall * n / top))
        label = f"{period}: {plural(n, 'document')}"
        bars.append(f'<a href="{escape(target)}" aria-label="{escape(label)}"><title>'
                    f'{escape(label)}</title><path class="us-hit" d="M{x:.1f} {base - tall}h{slot:.1f}'
                    f'v{tall + 24}h-{slot:.1f}z"></path>'
                    f'<rect x="{x + slot * 0.1:.1f}" y="{base - h}" '
                    f'width="{max(slot * 0.8, 1):.1f}" height="{h}"></rect></a>')
        rows.append(f'<tr><td><a href="{escape(target)}">{period}</a></td><td>{n}</td></tr>')
    unit = "month" if months <= MAX_MONTH_BARS else "year"
    title = f"Documents per {unit}"
    desc = (f"{plural(len(archive.letters), 'document')} from {MONTH_NAMES[first[1] - 1]} "
            f"{first[0]} to {MONTH_NAMES[last[1] - 1]} {last[0]}; the busiest {unit} had {top}. "
            "Every bar links to the documents of that period; the table below gives the "
            "numbers.")
    return (f'<figure class="us-chart us-timeline"><svg role="group" '
            f'aria-labelledby="tl-t tl-d" viewBox="0 0 {width} {base + 24}" width="{width}" '
            f'height="{base + 24}" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="tl-t">{title}</title><desc id="tl-d">{escape(desc)}</desc>'
            f'<line class="us-axis" x1="10" y1="{base}" x2="{width - 10}" y2="{base}"></line>'
            f'{"".join(bars)}{"".join(labels)}</svg><figcaption>{title}: select a bar to see '
            f"its documents.</figcaption></figure>\n\n"
            f"<details class=\"us-timeline-table\"><summary>{title} as a table</summary>"
            f'<table><thead><tr><th scope="col">Period</th><th scope="col">Documents</th></tr>'
            f"</thead><tbody>{''.join(rows)}</tbody></table></details>\n\n")


SIZE_BINS = ((0, 0, "none"), (1, 1, "1"), (2, 5, "2–5"), (6, 10, "6–10"),
             (11, 20, "11–20"), (21, 50, "21–50"), (51, 100, "51–100"), (101, None, "101+"))


def _table(caption: str, heads: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{h}</th>' for h in heads)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>\n\n")


def _chart_pair(chart: str, table: str) -> str:
    """A chart with its table beside it (below it on a narrow screen)."""
    return f'<div class="us-chart-pair">\n{chart}\n{table.rstrip()}\n</div>\n\n'


def signature_sizes(archive: Archive) -> str:
    """How many documents carry how many signatures (a distribution)."""
    counts = [0] * len(SIZE_BINS)
    for letter in archive.letters:
        n = len(letter.signatures)
        for i, (low, high, _label) in enumerate(SIZE_BINS):
            if n >= low and (high is None or n <= high):
                counts[i] += 1
                break
    rows = [(label, counts[i]) for i, (_lo, _hi, label) in enumerate(SIZE_BINS)]
    sizes = sorted(len(x.signatures) for x in archive.letters)
    median = sizes[len(sizes) // 2] if sizes else 0
    desc = (f"Documents by number of signatures, median {median}: "
            + "; ".join(f"{label}: {n}" for label, n in rows) + ".")
    chart = bar_chart("sizes", "Documents by number of signatures", desc, rows)
    table = _table("Documents by number of signatures", ["Signatures", "Documents"],
                   [[label, str(n)] for label, n in rows])
    return ("## Signatures per document { #sizes }\n\n"
            f'<p class="us-note">Median {median} signatures; press releases and statements '
            "usually carry none (they name the signers of a letter instead).</p>\n\n"
            + _chart_pair(chart, table))


OFFICES_SHOWN = 6


def office(archive: Archive, letter: Letter, rec: Recipient) -> str:
    """The office a document was addressed to, as the search filter names it (the office
    table's, across its holders), else the organization, else the person's name."""
    return str(recipient_office(archive, rec, letter) or rec.organization or rec.name).strip()


def offices_over_time(archive: Archive) -> str:
    """Documents per recipient office and year: the busiest offices, a row of bars each."""
    per: dict[str, dict[int, int]] = {}
    for letter in archive.letters:
        for name in sorted({office(archive, letter, r) for r in letter.recipients}):
            by_year = per.setdefault(name, {})
            by_year[letter.year] = by_year.get(letter.year, 0) + 1
    if not per:
        return ""
    ranked = sorted(per, key=lambda o: (-sum(per[o].values()), o))[:OFFICES_SHOWN]
    seen = {y for o in ranked for y in per[o]}
    years = list(range(min(seen), max(seen) + 1))  # (the years between: no jump in the axis)
    top = max(n for o in ranked for n in per[o].values())
    label_w, cell, row_h = 230, max(24, min(60, 400 // max(1, len(years)))), 44
    width = label_w + cell * len(years) + 10
    height = 24 + row_h * len(ranked)
    short = cell < 32  # '05 when four digits would not fit the column
    parts = [f'<text x="{label_w + cell * i + cell / 2:.1f}" y="14" text-anchor="middle">'
             f"{f'’{str(y)[2:]}' if short else y}</text>" for i, y in enumerate(years)]
    for r, name in enumerate(ranked):
        y0 = 24 + r * row_h
        parts.append(f'<text x="{label_w - 6}" y="{y0 + row_h - 12}" text-anchor="end">'
                     f"{escape(_fit(name))}</text>")
        parts.append(f'<line class="us-axis" x1="{label_w}" y1="{y0 + row_h - 8}" '
                     f'x2="{width - 10}" y2="{y0 + row_h - 8}"></line>')
        for i, y in enumerate(years):
            n = per[name].get(y, 0)
            if not n:
                continue
            h = max(2, round((row_h - 22) * n / top))
            x = label_w + cell * i
            parts.append(f'<rect x="{x + cell * 0.2:.1f}" y="{y0 + row_h - 8 - h}" '
                         f'width="{cell * 0.6:.1f}" height="{h}"><title>{escape(name)}, {y}: '
                         f"{plural(n, 'document')}</title></rect>"
                         f'<text class="us-value" x="{x + cell / 2:.1f}" y="{y0 + row_h - 10 - h}" '
                         f'text-anchor="middle">{n}</text>')
    desc = "; ".join(f"{o}: " + ", ".join(f"{y} {per[o][y]}" for y in sorted(per[o]))
                     for o in ranked)
    chart = (f'<figure class="us-chart"><svg role="img" aria-labelledby="offices-t offices-d" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
             f'<title id="offices-t">Documents per recipient office and year</title>'
             f'<desc id="offices-d">{escape(desc)}.</desc>{"".join(parts)}</svg>'
             f"<figcaption>Documents per recipient office and year (the {len(ranked)} offices "
             "written to most)</figcaption></figure>")
    table = _table("Documents per recipient office and year", ["Office"] + [str(y) for y in years],
                   [[escape(o)] + [str(per[o].get(y, 0)) for y in years] for o in ranked])
    return ("## Documents per recipient office over time { #offices }\n\n"
            '<p class="us-note">By the office the document names (a Secretary of State is '
            "counted under the office, whoever held it).</p>\n\n" + _chart_pair(chart, table))


PAIRS_SHOWN = 15


def top_pairs(archive: Archive, k: int) -> dict[tuple[str, str], int]:
    """The pairs of signatories with the k highest counts of documents signed together, and
    every pair tied with the k-th (so ties are broken A–Z as if all were counted). Signatories
    are taken by how many documents they signed, most first; a pair cannot have signed more
    together than either signed, so the search stops when the next signatory signed fewer than
    the k-th count: memory stays one signatory's co-signers, not every pair of the archive
    (at 10,000 letters, ~700,000 pairs)."""
    best: dict[tuple[str, str], int] = {}
    threshold = 0
    for a in sorted(archive.signed, key=lambda i: (-len(archive.signed[i]), i)):
        if len(best) >= k and len(archive.signed[a]) < threshold:
            break
        together: Counter[str] = Counter()
        for letter, _sig in archive.signed[a]:
            together.update({s.id for s in letter.signatures if s.id} - {a})
        for b, n in together.items():
            if n >= threshold:
                best[(a, b) if a < b else (b, a)] = n
        if len(best) > k:
            threshold = sorted(best.values(), reverse=True)[k - 1]
            best = {pair: n for pair, n in best.items() if n >= threshold}
    return best


def cosigning_pairs(archive: Archive, here: str) -> str:
    """The pairs of signatories who most often signed the same document."""
    counts = kept(archive, "pairs", [tuple(s.id for s in x.signatures) for x in archive.letters],
                  lambda: top_pairs(archive, PAIRS_SHOWN))
    names = archive.registry.entities
    filed = [(tuple(sorted(pair, key=lambda i: (archive.sort_name(i), i))), n)
             for pair, n in counts.items()]  # each pair A–Z, the pairs by count, then A–Z
    ranked = sorted(filed, key=lambda kv: (-kv[1], archive.sort_name(kv[0][0]),
                                           archive.sort_name(kv[0][1]), kv[0]))[:PAIRS_SHOWN]
    if not ranked:
        return ""

    def short(i: str) -> str:
        return archive.name_parts[i].family if names[i].kind == "person" else names[i].name

    rows = [(f"{short(a)} & {short(b)}", n) for (a, b), n in ranked]
    desc = "Documents signed together: " + "; ".join(
        f"{names[a].name} and {names[b].name}: {n}" for (a, b), n in ranked) + "."
    chart = bar_chart("pairs", f"The {len(ranked)} most frequent co-signing pairs", desc, rows,
                      horizontal=True)
    table = _table("Most frequent co-signing pairs", ["Signatories", "Documents together"], [
        [f"{link(here, signatory_uri(a), names[a].name)} and "
         f"{link(here, signatory_uri(b), names[b].name)}",
         f'<a href="{escape(together_url(here, [names[a].name, names[b].name]))}">{n}</a>']
        for (a, b), n in ranked])
    return ("## Most frequent co-signing pairs { #pairs }\n\n"
            '<p class="us-note">Each count links to the documents the two signed together; '
            "the whole network is in the data downloads.</p>\n\n" + _chart_pair(chart, table))


TYPE_ORDER = ("letter", "press-release", "statement")


def types_per_year(archive: Archive) -> str:
    """The share of each type of document, year by year (100 % stacked bars)."""
    years = sorted(archive.by_year)
    if not years:
        return ""
    per = {y: {t: sum(1 for x in archive.by_year[y] if x.type == t) for t in TYPE_ORDER}
           for y in years}
    width, bar_h, label_w = 640, 26, 60.0
    height = 40 + len(years) * (bar_h + 8)
    plot = width - label_w - 20
    parts = []
    for k, t in enumerate(TYPE_ORDER):  # the legend
        x = label_w + k * 170
        parts.append(f'<rect class="us-type-{k + 1}" x="{x}" y="4" width="14" height="14">'
                     f'</rect><text x="{x + 20}" y="16">{TYPE_LABELS[t]}</text>')
    for r, y in enumerate(years):
        y0 = 30 + r * (bar_h + 8)
        total = sum(per[y].values())
        parts.append(f'<text x="{label_w - 6}" y="{y0 + 18}" text-anchor="end">{y}</text>')
        x = float(label_w)
        for k, t in enumerate(TYPE_ORDER):
            n = per[y][t]
            if not n:
                continue
            w = plot * n / total
            share = round(100 * n / total)
            parts.append(f'<rect class="us-type-{k + 1}" x="{x:.1f}" y="{y0}" width="{w:.1f}" '
                         f'height="{bar_h}"><title>{y}: {TYPE_LABELS[t]} {n} of {total} '
                         f"({share} %)</title></rect>")
            if w > 44:
                parts.append(f'<text class="us-on-bar" x="{x + w / 2:.1f}" y="{y0 + 18}" '
                             f'text-anchor="middle">{share} %</text>')
            x += w
    desc = "; ".join(f"{y}: " + ", ".join(f"{TYPE_LABELS[t].lower()} {per[y][t]}"
                                          for t in TYPE_ORDER) for y in years)
    chart = (f'<figure class="us-chart us-types"><svg role="img" aria-labelledby="types-t '
             f'types-d" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg"><title id="types-t">Share of documents by type'
             f' per year</title><desc id="types-d">{escape(desc)}.</desc>{"".join(parts)}'
             "</svg><figcaption>Share of documents by type per year</figcaption></figure>")
    table = _table("Documents by type per year", ["Year"] + [TYPE_LABELS[t] for t in TYPE_ORDER],
                   [[str(y)] + [f"{per[y][t]} ({round(100 * per[y][t] / sum(per[y].values()))} %)"
                                for t in TYPE_ORDER] for y in years])
    return "## Documents by type per year { #types }\n\n" + _chart_pair(chart, table)


def render_stats(archive: Archive, top: int = 20) -> Page:
    here = STATS_URI
    # every year from the first to the last, a year without documents too (the axis has no
    # jump from 2008 to 2017)
    span = range(min(archive.by_year), max(archive.by_year) + 1) if archive.by_year else range(0)
    per_year = [(str(y), len(archive.by_year.get(y, []))) for y in span]
    # those who signed more than one document: a list padded with one-document signers in
    # alphabetical order says nothing about activity
    ranked = sorted(((i, v) for i, v in archive.signed.items() if len(v) > 1),
                    key=lambda kv: (-len(kv[1]), archive.sort_name(kv[0])))[:top]
    active = [(archive.registry.entities[i].name, len(v)) for i, v in ranked]
    year_desc = "; ".join(f"{y}: {n}" for y, n in per_year)
    out = [front({"title": "Statistics", "description": "Documents per year, the most active "
                  "signatories, signatures per document, recipient offices over time, co-signing "
                  "pairs and document types in the Undersigned archive."}),
           "# Statistics\n\n## Documents per year\n\n",
           bar_chart("per-year", "Documents per year", f"Number of documents by year: {year_desc}.",
                     per_year), "\n\n",
           '<table><caption>Documents per year</caption><thead><tr>'
           '<th scope="col">Year</th><th scope="col">Documents</th></tr></thead><tbody>'
           + "".join(f"<tr><td>{link(here, year_uri(int(y)), y) if n else y}</td><td>{n}</td>"
                     "</tr>" for y, n in per_year) + "</tbody></table>\n\n",
           most_active(archive, here, ranked, active),
           signature_sizes(archive), offices_over_time(archive), cosigning_pairs(archive, here),
           types_per_year(archive), signatures_and_named(archive, here)]
    return Page(here, "".join(out))


def most_active(archive: Archive, here: str, ranked: Sequence[tuple[str, Sequence[object]]],
                active: list[tuple[str, int]]) -> str:
    """Those who signed the most documents (more than one each), as a chart and a table."""
    if not active:
        return ("## Most active signatories\n\n"
                '<p class="us-note">No signatory has signed more than one document.</p>\n\n')
    active_desc = "; ".join(f"{name}: {n}" for name, n in active)
    return "".join([
           "## Most active signatories\n\n",
           bar_chart("active", f"The {len(active)} most active signatories",
                     f"Documents signed: {active_desc}.", active, horizontal=True), "\n\n",
           '<table><caption>Most active signatories</caption><thead><tr>'
           '<th scope="col">Signatory</th><th scope="col">Documents signed</th></tr></thead><tbody>'
           + "".join(f"<tr><td>{link(here, signatory_uri(i), archive.registry.entities[i].name)}"
                     f"</td><td>{len(v)}</td></tr>" for i, v in ranked) + "</tbody></table>\n\n"])


def signatures_and_named(archive: Archive, here: str) -> str:
    """Printed signatures and signers only named in a release, counted apart, per year."""
    rows = []
    for year, letters in sorted(archive.by_year.items()):
        printed = sum(len(x.signatures) for x in letters)
        named = sum(len(x.signers_named) for x in letters)
        rows.append(f"<tr><td>{link(here, year_uri(year), str(year))}</td><td>{printed}</td>"
                    f"<td>{named}</td></tr>")
    return ("## Signatures and signers named\n\n"
            '<p class="us-note">Signatures printed in the documents, and signers a release '
            "names for a letter it does not reproduce with its list (never counted as "
            "signatures).</p>\n\n"
            "<table><caption>Signatures printed and signers named in releases, by year"
            '</caption><thead><tr><th scope="col">Year</th><th scope="col">Signatures printed'
            '</th><th scope="col">Signers named in releases</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>\n\n")
