"""A signatory's co-signing network drawn on their page: a small accessible SVG of the
strongest ties (the whole network is published as data by outputs/network.py)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from undersigned.core.archive import Archive

EGO_TIES = 12  # co-signers drawn around a signatory (the strongest); the data has them all


def ego_svg(archive: Archive, entity_id: str, ties: list[tuple[str, int]],
            hrefs: dict[str, str]) -> str:
    """A signatory and their strongest co-signers: the person in the middle, each co-signer on
    a circle around, a line as thick as the documents they signed together. Every co-signer is
    a link (keyboard-reachable); the same data is in the table that follows the figure."""
    if not ties:
        return ""
    names = archive.registry.entities
    me = names[entity_id].name
    width, height, cx, cy, radius = 640, 360, 320, 180, 130
    top = max(n for _i, n in ties)
    lines, nodes = [], []
    for k, (other, n) in enumerate(ties):
        angle = 2 * math.pi * k / len(ties) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        stroke = 1 + 5 * n / top
        lines.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" '
                     f'stroke-width="{stroke:.1f}"></line>')
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 \
            else "middle"
        dx = 10 if anchor == "start" else -10 if anchor == "end" else 0
        dy = 4 if anchor != "middle" else (-12 if math.sin(angle) < 0 else 20)
        label = names[other].name
        short = label if len(label) <= 26 else label[:25] + "…"
        together = f"{n} document{'s' if n != 1 else ''} together"
        nodes.append(f'<a href="{escape(hrefs[other])}"><title>{escape(label)}: {together}'
                     f'</title><circle cx="{x:.1f}" cy="{y:.1f}" r="7"></circle>'
                     f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}">'
                     f"{escape(short)}</text></a>")
    desc = "; ".join(f"{names[o].name}: {n}" for o, n in ties)
    title = (f"{me} and the {len(ties)} co-signers with the most documents together"
             if len(ties) > 1 else f"{me} and their co-signer")
    return (f'<figure class="us-chart us-network"><svg role="group" aria-labelledby='
            f'"ego-t ego-d" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="ego-t">{escape(title)}</title>'
            f'<desc id="ego-d">Documents together (signed, or named as signers of one '
            f'letter): {escape(desc)}.</desc>'
            f'<g class="us-edges">{"".join(lines)}</g><circle class="us-ego" cx="{cx}" '
            f'cy="{cy}" r="10"></circle><text class="us-ego-label" x="{cx}" y="{cy - 16}" '
            f'text-anchor="middle">{escape(me[:30])}</text>{"".join(nodes)}</svg>'
            f"<figcaption>{escape(title)}; line width: documents together (signed, or named as "
            "signers of one letter). The full "
            "network is in the data downloads.</figcaption></figure>")
