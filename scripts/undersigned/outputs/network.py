"""The co-signing network: two signatories are linked by every document both signed, the weight
being how many. Published whole as data (GraphML for Gephi, Cytoscape and networkx, and a CSV
edge list), and drawn per signatory as a small accessible SVG of the strongest ties."""

from __future__ import annotations

from collections.abc import Callable

import math
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

if TYPE_CHECKING:
    from undersigned.core.archive import Archive

EGO_TIES = 12  # co-signers drawn around a signatory (the strongest); the data has them all
EDGE_FIELDS = ["source", "target", "weight"]
NETWORK_FILES = ("data/cosigning.csv", "data/cosigning.graphml")


def cosigning_edges(archive: Archive) -> Iterator[tuple[str, str, int]]:
    """(source id, target id, documents signed together), source < target, in order. Counted
    one source at a time over the documents it signed, so memory holds one signatory's ties,
    not the whole network (a 30,000-letter archive has millions of pairs)."""
    for source in sorted(archive.signed):
        counts: Counter[str] = Counter()
        for letter, _sig in archive.signed[source]:
            counts.update({s.id for s in letter.signatures if s.id and s.id > source})
        for target in sorted(counts):
            yield source, target, counts[target]


class Stopped(Exception):
    """Work given up on purpose (a newer build of `mkdocs serve` took over)."""


def write_network(archive: Archive, folder: Path,
                  stop: Callable[[], bool] | None = None) -> list[tuple[str, Path]]:
    """Write the whole network into ``folder`` as a CSV edge list and GraphML, a line at a
    time (they grow with the square of a letter's signatories); return (site path, file).
    ``stop``: asked every 10,000 edges; when it says so, Stopped is raised."""
    edges_csv = folder / "cosigning.csv"
    graph = folder / "cosigning.graphml"
    folder.mkdir(parents=True, exist_ok=True)
    with edges_csv.open("w", encoding="utf-8", newline="") as out_csv, \
            graph.open("w", encoding="utf-8") as out_graph:
        out_csv.write(",".join(EDGE_FIELDS) + "\n")
        out_graph.write(_GRAPHML_HEAD)
        for entity_id in sorted(archive.signed):
            entity = archive.registry.entities[entity_id]
            data = [("name", entity.name), ("kind", entity.kind), ("bioguide", entity.bioguide),
                    ("documents", str(len(archive.signed[entity_id])))]
            out_graph.write(f"<node id={quoteattr(entity_id)}>" + "".join(
                f'<data key="{k}">{escape(v)}</data>' for k, v in data if v) + "</node>\n")
        for k, (a, b, n) in enumerate(cosigning_edges(archive)):
            if stop is not None and k % 10_000 == 0 and stop():
                raise Stopped("the network was not finished: a newer build took over")
            out_csv.write(f"{a},{b},{n}\n")  # ids are slugs: nothing to quote
            out_graph.write(f'<edge source="{a}" target="{b}"><data key="weight">{n}</data>'
                            "</edge>\n")
        out_graph.write("</graph>\n</graphml>\n")
    return [(NETWORK_FILES[0], edges_csv), (NETWORK_FILES[1], graph)]


_GRAPHML_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="name" for="node" attr.name="name" attr.type="string"/>
<key id="kind" for="node" attr.name="kind" attr.type="string"/>
<key id="bioguide" for="node" attr.name="bioguide" attr.type="string"/>
<key id="documents" for="node" attr.name="documents" attr.type="int"/>
<key id="weight" for="edge" attr.name="weight" attr.type="int"/>
<graph id="cosigning" edgedefault="undirected">
"""


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
        together = f"{n} document{'s' if n != 1 else ''} signed together"
        nodes.append(f'<a href="{escape(hrefs[other])}"><title>{escape(label)}: {together}'
                     f'</title><circle cx="{x:.1f}" cy="{y:.1f}" r="7"></circle>'
                     f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}">'
                     f"{escape(short)}</text></a>")
    desc = "; ".join(f"{names[o].name}: {n}" for o, n in ties)
    title = f"{me} and the {len(ties)} co-signers with the most documents signed together"
    return (f'<figure class="us-chart us-network"><svg role="group" aria-labelledby='
            f'"ego-t ego-d" viewBox="0 0 {width} {height}" width="100%" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="ego-t">{escape(title)}</title>'
            f'<desc id="ego-d">Documents signed together: {escape(desc)}.</desc>'
            f'<g class="us-edges">{"".join(lines)}</g><circle class="us-ego" cx="{cx}" '
            f'cy="{cy}" r="10"></circle><text class="us-ego-label" x="{cx}" y="{cy - 16}" '
            f'text-anchor="middle">{escape(me[:30])}</text>{"".join(nodes)}</svg>'
            f"<figcaption>{escape(title)}; line width: documents signed together. The full "
            "network is in the data downloads.</figcaption></figure>")
