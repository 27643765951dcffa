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
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from undersigned.core.csvcells import csv_row

if TYPE_CHECKING:
    from undersigned.core.archive import Archive
    from undersigned.core.model import Letter

# weight: documents both signed; named: documents that name both as signers of a letter, one
# of them or both only named (Archive.ties); the names: the registry's (a document's title)
EDGE_FIELDS = ["source", "target", "weight", "named", "source_name", "target_name"]
NETWORK_FILES = ("data/cosigning.csv", "data/cosigning.graphml")
GROUP_SIZE = 100  # a document signed by more is a group node, not every pair of its signers
GROUP_PREFIX = "document:"  # a group node's id: never a registry id (ids have no colon)


_ID = attrgetter("id")  # of a Signature


def _signers(letter: Letter) -> set[str]:
    ids = set(map(_ID, letter.signatures))
    ids.discard("")
    return ids


def is_group(letter: Letter) -> bool:
    """A document whose signatories are too many to pair: written as a group node."""
    return len(letter.signatures) > GROUP_SIZE and len(_signers(letter)) > GROUP_SIZE


def _named(letter: Letter) -> set[str]:
    ids = set(map(_ID, letter.signers_named))
    ids.discard("")
    return ids


def network_nodes(archive: Archive) -> list[str]:
    """Everyone who signed a document or is named as a signer of one."""
    return sorted(archive.signed.keys() | archive.named_in.keys())


def cosigning_edges(archive: Archive) -> Iterator[tuple[str, str, int, int]]:
    """(source id, target id, documents signed together, documents named together), source <
    target, in order; then (signatory id, 'document:<slug>', 1, 0) for each signatory of a
    group (see GROUP_SIZE). Counted one source at a time over its documents, so memory holds
    one signatory's ties, not the whole network (a 30,000-letter archive has millions of
    pairs)."""
    for source in network_nodes(archive):
        signed: Counter[str] = Counter()
        together: Counter[str] = Counter()  # signed or named
        groups: set[str] = set()
        docs = [x for x, _s in archive.signed.get(source, ())]
        for letter in dict.fromkeys(docs + list(archive.named_in.get(source, ()))):
            if is_group(letter):
                groups.add(letter.slug)
                continue
            printed = _signers(letter)
            others = printed | _named(letter)
            others.discard(source)
            if source in printed:
                printed.discard(source)
                signed.update(printed)  # (counted by Counter: C loops; every pair twice, one
            together.update(others)  # side kept below)
        for target in sorted(t for t in together if t > source):
            yield source, target, signed[target], together[target] - signed[target]
        for slug in sorted(groups):
            yield source, GROUP_PREFIX + slug, 1, 0


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
        for entity_id in network_nodes(archive):
            entity = archive.registry.entities[entity_id]
            data = [("name", entity.name), ("kind", entity.kind), ("bioguide", entity.bioguide),
                    ("documents", str(len(archive.signed.get(entity_id, ())))),
                    ("named_in", str(len(archive.named_in.get(entity_id, ()))))]
            out_graph.write(f"<node id={quoteattr(entity_id)}>" + "".join(
                f'<data key="{k}">{escape(v)}</data>' for k, v in data if v) + "</node>\n")
        for letter in archive.letters:  # documents too large to pair: one node each
            if is_group(letter):
                group = [("name", letter.title), ("kind", "document"),
                         ("signatories", str(len(_signers(letter))))]
                out_graph.write(f"<node id={quoteattr(GROUP_PREFIX + letter.slug)}>" + "".join(
                    f'<data key="{k}">{escape(v)}</data>' for k, v in group) + "</node>\n")
        # each name as a CSV cell once (safe_cell, quoted where needed), not once an edge
        cells = {e.id: csv_row([e.name]) for e in archive.registry.entities.values()}
        cells.update((GROUP_PREFIX + x.slug, csv_row([x.title])) for x in archive.letters
                     if is_group(x))
        for k, (a, b, n, m) in enumerate(cosigning_edges(archive)):
            if stop is not None and k % 10_000 == 0 and stop():
                raise Stopped("the network was not finished: a newer build took over")
            out_csv.write(f"{a},{b},{n},{m},{cells[a]},{cells[b]}\n")
            out_graph.write(f'<edge source="{a}" target="{b}"><data key="weight">{n}</data>'
                            f'<data key="named">{m}</data></edge>\n')
        out_graph.write("</graph>\n</graphml>\n")
    return [(NETWORK_FILES[0], edges_csv), (NETWORK_FILES[1], graph)]


_GRAPHML_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="name" for="node" attr.name="name" attr.type="string"/>
<key id="kind" for="node" attr.name="kind" attr.type="string"/>
<key id="bioguide" for="node" attr.name="bioguide" attr.type="string"/>
<key id="documents" for="node" attr.name="documents" attr.type="int"/>
<key id="signatories" for="node" attr.name="signatories" attr.type="int"/>
<key id="named_in" for="node" attr.name="named" attr.type="int"/>
<key id="weight" for="edge" attr.name="weight" attr.type="int"/>
<key id="named" for="edge" attr.name="named" attr.type="int"/>
<graph id="cosigning" edgedefault="undirected">
"""
