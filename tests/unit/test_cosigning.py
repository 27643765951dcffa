"""The co-signing exports grow with the signatures, never with the square of one list: a
document of more than GROUP_SIZE signatories is a group (a node, an edge from each signer),
and every pair of the other documents is still there."""

from __future__ import annotations

import csv
from collections import Counter
from itertools import combinations

import networkx as nx
import yaml

from helpers import REPO
from undersigned.core.load import load_archive
from undersigned.devtools.synthetic import generate
from undersigned.outputs.network import GROUP_SIZE, write_network

BIG = 2500


def _archive_with_a_statement(root):
    generate(REPO, root, 40, seed=3)
    registry = root / "signatories.yaml"
    signers = {f"open-statement-signer-{k}": {"name": f"Open Statement Signer {k}",
                                              "kind": "organization"} for k in range(BIG)}
    registry.write_text(registry.read_text(encoding="utf-8")
                        + yaml.safe_dump(signers, sort_keys=False), encoding="utf-8")
    meta = {"title": "An open statement", "date": "2020-05-05", "type": "statement",
            "sender": "Civil society", "signatories": [s["name"] for s in signers.values()],
            "topics": ["migration"]}
    (root / "letters" / "2020-05-05-an-open-statement.md").write_text(
        "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n\nWe stand together.\n",
        encoding="utf-8")
    archive = load_archive(root)
    assert not [p for p in archive.problems if not p.warning]
    return archive


def test_a_2500_signer_statement_is_a_group_and_small_lists_keep_every_pair(tmp_path):
    archive = _archive_with_a_statement(tmp_path / "archive")
    written = write_network(archive, tmp_path / "data")
    assert sum(path.stat().st_size for _uri, path in written) < 30 * 1024 * 1024
    expected: Counter[tuple[str, str]] = Counter()
    groups = []
    for letter in archive.letters:
        ids = sorted({s.id for s in letter.signatures})
        if len(ids) > GROUP_SIZE:
            groups.append((letter.slug, ids))
        else:
            expected.update(combinations(ids, 2))
    assert "2020-05-05-an-open-statement" in [slug for slug, _ids in groups]
    with (tmp_path / "data" / "cosigning.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    pairs = {(r["source"], r["target"]): int(r["weight"]) for r in rows
             if not r["target"].startswith("document:")}
    assert pairs == dict(expected)
    members = {(r["source"], r["target"]) for r in rows if r["target"].startswith("document:")}
    assert members == {(i, f"document:{slug}") for slug, ids in groups for i in ids}
    graph = (tmp_path / "data" / "cosigning.graphml").read_text(encoding="utf-8")
    assert ('<node id="document:2020-05-05-an-open-statement"><data key="name">An open '
            'statement</data><data key="kind">document</data><data key="signatories">2500'
            '</data></node>') in graph
    assert graph.count("<edge ") == len(rows)
    network = nx.read_graphml(tmp_path / "data" / "cosigning.graphml")  # well-formed GraphML
    assert network.nodes["document:2020-05-05-an-open-statement"]["signatories"] == BIG


def test_the_data_page_says_how_large_documents_are_written():
    text = (REPO / "docs" / "data" / "index.md").read_text(encoding="utf-8")
    assert f"more than {GROUP_SIZE} signatories" in text and "document:<slug>" in text
