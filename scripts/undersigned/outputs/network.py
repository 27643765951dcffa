"""The co-signing network: two signatories are linked by every document both signed, the weight
being how many. Published whole as data (GraphML for Gephi, Cytoscape and networkx, and a CSV
edge list), and drawn per signatory as a small accessible SVG of the strongest ties.

A document of more than GROUP_SIZE signatories (an open statement signed by thousands) adds
no pairs — they grow with the square of its list (2,500 signers: 3 million pairs, 340 MB of
GraphML) — but a *group*: the document as a node (``document:<slug>``) and one edge from each
of its signatories to it, so the files grow with the list, never its square."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

if TYPE_CHECKING:
    from undersigned.core.archive import Archive
    from undersigned.core.model import Letter

EDGE_FIELDS = ["source", "target", "weight"]
NETWORK_FILES = ("data/cosigning.csv", "data/cosigning.graphml")
GROUP_SIZE = 100  # a document signed by more is a group node, not every pair of its signers
GROUP_PREFIX = "document:"  # a group node's id: never a registry id (ids have no colon)


def _signers(letter: Letter) -> set[str]:
    return {s.id for s in letter.signatures if s.id}


def is_group(letter: Letter) -> bool:
    """A document whose signatories are too many to pair: written as a group node."""
    return len(letter.signatures) > GROUP_SIZE and len(_signers(letter)) > GROUP_SIZE


def cosigning_edges(archive: Archive) -> Iterator[tuple[str, str, int]]:
    """(source id, target id, documents signed together), source < target, in order; then
    (signatory id, 'document:<slug>', 1) for each signatory of a group (see GROUP_SIZE).
    Counted one source at a time over the documents it signed, so memory holds one
    signatory's ties, not the whole network (a 30,000-letter archive has millions of pairs)."""
    for source in sorted(archive.signed):
        counts: Counter[str] = Counter()
        groups: set[str] = set()
        for letter, _sig in archive.signed[source]:
            if is_group(letter):
                groups.add(letter.slug)
            else:
                counts.update({i for i in _signers(letter) if i > source})
        for target in sorted(counts):
            yield source, target, counts[target]
        for slug in sorted(groups):
            yield source, GROUP_PREFIX + slug, 1


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
        for letter in archive.letters:  # documents too large to pair: one node each
            if is_group(letter):
                group = [("name", letter.title), ("kind", "document"),
                         ("signatories", str(len(_signers(letter))))]
                out_graph.write(f"<node id={quoteattr(GROUP_PREFIX + letter.slug)}>" + "".join(
                    f'<data key="{k}">{escape(v)}</data>' for k, v in group) + "</node>\n")
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
<key id="signatories" for="node" attr.name="signatories" attr.type="int"/>
<key id="weight" for="edge" attr.name="weight" attr.type="int"/>
<graph id="cosigning" edgedefault="undirected">
"""
