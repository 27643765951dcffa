"""Converter and checker speed: `python -m undersigned.devtools.convert_bench [--docs N] [--letters N]`.

Converts the archive's own originals (letters/*.txt, repeated with small variations) N times
and reports documents per second, then times `undersigned check` on a synthetic archive of
N letters."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from undersigned.convert import convert_text
from undersigned.core.load import load_archive
from undersigned.devtools.synthetic import generate

REPO = Path(__file__).resolve().parents[3]  # scripts/undersigned/devtools/ -> the repository


def conversion_rate(n: int) -> dict[str, float]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "letters").glob("*.txt"))]
    if not texts:
        raise SystemExit("no letters/*.txt to convert")
    started = time.perf_counter()
    documents = 0
    for i in range(n):
        text = texts[i % len(texts)].replace("Sincerely,", "Sincerely," + " " * (i % 3))
        documents += len(convert_text(text, source=f"doc{i}.txt").documents)
    seconds = time.perf_counter() - started
    return {"inputs": n, "documents": documents, "seconds": round(seconds, 2),
            "inputs_per_second": round(n / seconds)}


def corpus_rate() -> dict[str, float] | None:
    """The development corpus of real press releases, when the checkout has it."""
    corpus = sorted((REPO / "tests" / "data" / "corpus" / "press-releases").glob("*.txt"))
    if not corpus:
        return None
    texts = [p.read_text(encoding="utf-8") for p in corpus]
    started = time.perf_counter()
    documents = sum(len(convert_text(t, source=f"c{i}").documents) for i, t in enumerate(texts))
    seconds = time.perf_counter() - started
    return {"inputs": len(texts), "documents": documents, "seconds": round(seconds, 2),
            "inputs_per_second": round(len(texts) / seconds)}


def pathological(n: int = 20_000) -> dict[str, float]:
    """Hostile shapes that once made the converter quadratic: n salutation lines with no
    closing, and n short letters with closings, in one file."""
    out: dict[str, float] = {}
    for label, unit in (("salutations", "Dear Secretary Blinken:\n\n"),
                        ("letters", "Dear Secretary Blinken:\n\nWe write.\n\nSincerely,\n\n"
                                    "Jane Doe\n\n")):
        started = time.perf_counter()
        convert_text(unit * n, source="pathological.txt")
        out[f"{label}_{n}_seconds"] = round(time.perf_counter() - started, 2)
    return out


def check_time(n: int) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="undersigned-check-"))
    try:
        generate(REPO, work, n)
        (work / "mkdocs.yml").write_text("site_name: bench\n")
        started = time.perf_counter()
        archive = load_archive(work)
        seconds = time.perf_counter() - started
        errors = [p for p in archive.problems if not p.warning]
        return {"letters": len(archive.letters), "problems": len(errors),
                "check_seconds": round(seconds, 2)}
    finally:
        shutil.rmtree(work)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m undersigned.devtools.convert_bench",
                                     description=__doc__)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--letters", type=int, default=10000)
    args = parser.parse_args(argv)
    print(json.dumps({"convert": conversion_rate(args.docs)}))
    print(json.dumps({"convert_corpus": corpus_rate()}))
    print(json.dumps({"pathological": pathological()}))
    print(json.dumps({"check": check_time(args.letters)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
