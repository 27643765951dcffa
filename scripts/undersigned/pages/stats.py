"""/stats/: letters per year and the most active signatories, as static accessible SVG charts
(drawn at build time; no script, no CDN) with the numbers also given as tables."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from .common import Page, front, link, signatory_uri, year_uri

if TYPE_CHECKING:
    from ..archive import Archive

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
