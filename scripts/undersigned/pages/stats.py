"""/stats/: letters per year and the most active signatories, as static accessible SVG charts
(drawn at build time; no script, no CDN) with the numbers also given as tables."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from undersigned.core.urls import signatory_uri, year_uri
from undersigned.pages.common import Page, front, href, link, plural

if TYPE_CHECKING:
    from undersigned.core.archive import Archive

STATS_URI = "stats/index.md"


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
                         f"{escape(label[:34])}</text><rect x=\"{label_w}\" y=\"{y}\" "
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
            f'{chart_id}-d" viewBox="0 0 {width} {height}" width="100%" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="{chart_id}-t">{escape(title)}</title>'
            f'<desc id="{chart_id}-d">{escape(desc)}</desc>{"".join(parts)}</svg>'
            f"<figcaption>{escape(title)}</figcaption></figure>")


MONTH_NAMES = ("January February March April May June July August September October November "
               "December").split()
MAX_MONTH_BARS = 360  # thirty years of months; a longer archive is drawn by year


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
    width, base, tall = 720, 170, 140
    slot = (width - 20) / len(slots)
    bars, labels, rows = [], [], []
    for i, ((y, m), n) in enumerate(slots):
        x = 10 + i * slot
        period = f"{MONTH_NAMES[m - 1]} {y}" if m else str(y)
        period_key = f"{y}-{m:02d}" if m else str(y)
        if m in (0, 1) or i == 0:
            labels.append(f'<text x="{x:.1f}" y="{base + 16}">{y}</text>')
        if not n:
            continue
        target = f"{search}?{'month' if m else 'year'}={period_key}"
        h = max(2, round(tall * n / top))
        label = f"{period}: {plural(n, 'document')}"
        bars.append(f'<a href="{escape(target)}" aria-label="{escape(label)}"><title>'
                    f'{escape(label)}</title><rect x="{x + slot * 0.1:.1f}" y="{base - h}" '
                    f'width="{max(slot * 0.8, 1):.1f}" height="{h}"></rect></a>')
        rows.append(f'<tr><td><a href="{escape(target)}">{period}</a></td><td>{n}</td></tr>')
    unit = "month" if months <= MAX_MONTH_BARS else "year"
    title = f"Documents per {unit}"
    desc = (f"{plural(len(archive.letters), 'document')} from {MONTH_NAMES[first[1] - 1]} "
            f"{first[0]} to {MONTH_NAMES[last[1] - 1]} {last[0]}; the busiest {unit} had {top}. "
            "Every bar links to the documents of that period; the table below gives the "
            "numbers.")
    return (f'<figure class="us-chart us-timeline"><svg role="group" aria-labelledby="tl-t tl-d" '
            f'viewBox="0 0 {width} {base + 24}" width="100%" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="tl-t">{title}</title><desc id="tl-d">{escape(desc)}</desc>'
            f'<line class="us-axis" x1="10" y1="{base}" x2="{width - 10}" y2="{base}"></line>'
            f'{"".join(bars)}{"".join(labels)}</svg><figcaption>{title}: select a bar to see '
            f"its documents.</figcaption></figure>\n\n"
            f"<details class=\"us-timeline-table\"><summary>{title} as a table</summary>"
            f'<table><thead><tr><th scope="col">Period</th><th scope="col">Documents</th></tr>'
            f"</thead><tbody>{''.join(rows)}</tbody></table></details>\n\n")


def render_stats(archive: Archive, top: int = 20) -> Page:
    here = STATS_URI
    years = sorted(archive.by_year.items())
    per_year = [(str(y), len(v)) for y, v in years]
    ranked = sorted(archive.signed.items(),
                    key=lambda kv: (-len(kv[1]), archive.sort_name(kv[0])))[:top]
    active = [(archive.registry.entities[i].name, len(v)) for i, v in ranked]
    year_desc = "; ".join(f"{y}: {n}" for y, n in per_year)
    active_desc = "; ".join(f"{name}: {n}" for name, n in active)
    out = [front({"title": "Statistics", "description": "Documents per year and the most active "
                  "signatories of the Undersigned archive."}),
           "# Statistics\n\n## Documents per year\n\n",
           bar_chart("per-year", "Documents per year", f"Number of documents by year: {year_desc}.",
                     per_year), "\n\n",
           '<table><caption>Documents per year</caption><thead><tr>'
           '<th scope="col">Year</th><th scope="col">Documents</th></tr></thead><tbody>'
           + "".join(f"<tr><td>{link(here, year_uri(int(y)), y)}</td><td>{n}</td></tr>"
                     for y, n in per_year) + "</tbody></table>\n\n",
           "## Most active signatories\n\n",
           bar_chart("active", f"The {len(active)} most active signatories",
                     f"Documents signed: {active_desc}.", active, horizontal=True), "\n\n",
           '<table><caption>Most active signatories</caption><thead><tr>'
           '<th scope="col">Signatory</th><th scope="col">Documents signed</th></tr></thead><tbody>'
           + "".join(f"<tr><td>{link(here, signatory_uri(i), archive.registry.entities[i].name)}"
                     f"</td><td>{len(v)}</td></tr>" for i, v in ranked) + "</tbody></table>\n"]
    return Page(here, "".join(out))
