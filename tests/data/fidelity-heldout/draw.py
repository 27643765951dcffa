"""Draw the held-out fidelity sample (run once, before any converter change; kept for the record).

    python tests/data/fidelity-heldout/draw.py /work/shared/corpus

Strata: the corpus's layouts of file. Excluded: every source already annotated in
tests/data/fidelity/ (by file name) and every original already imported into letters/ (by
content). Seed and sizes are fixed; the output is the list of drawn files, one a line."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 28
SIZES = {"press-release": 22, "senate (punctuated)": 18, "senate (flattened)": 19, "statement": 1}
REPO = Path(__file__).resolve().parents[3]


def flattened(text: str) -> bool:
    """One line of text, punctuation stripped (the Grimmer scrapes that lost their layout)."""
    lines = [x for x in text.splitlines() if x.strip()]
    return len(lines) <= 2 and not any(c in text for c in ".,;:")


def main(corpus: Path) -> None:
    annotated = {Path(json.loads(p.read_text())["source"]).name
                 for p in (REPO / "tests/data/fidelity").glob("*.json")}
    imported = {p.read_text(encoding="utf-8").strip() for p in (REPO / "letters").glob("*.txt")}
    strata: dict[str, list[str]] = {k: [] for k in SIZES}
    for folder, kind in (("press-releases", "press-release"),
                         ("senate-2005-2008", "senate"), ("statements", "statement")):
        for row in (corpus / folder / "index.jsonl").read_text().splitlines():
            name = json.loads(row)["file"]
            text = (corpus / folder / name).read_text(encoding="utf-8")
            if name in annotated or text.strip() in imported:
                continue
            if kind == "senate":
                kind_of = "senate (flattened)" if flattened(text) else "senate (punctuated)"
            else:
                kind_of = kind
            strata[kind_of].append(f"{folder}/{name}")
    rng = random.Random(SEED)
    for kind, size in SIZES.items():
        pool = sorted(strata[kind])
        for name in sorted(rng.sample(pool, size)):
            print(f"{kind}\t{name}\t(of {len(pool)})")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
