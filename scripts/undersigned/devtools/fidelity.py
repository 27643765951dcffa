"""Converter fidelity: `python -m undersigned.devtools.fidelity [DIR ...]`.

Runs the converter alone (plus name resolution against the bundled Members, no registry) over
an annotated set of real documents and prints per-field accuracy and signatory precision and
recall by signature layout. Each case is a JSON file in DIR (default: tests/data/fidelity):

    {"source": "corpus/press-releases/2021-10-20_C001059_1.txt",  # text, relative to the JSON
                                                                  # file's folder or tests/data
     "options": {"title": "...", "date": "YYYY-MM-DD", "url": "..."},  # what import is given
     "layout": "one per line",                                     # of the signature block
     "documents": [{"type": "press-release", "date": "...", "sender": "Rep. Name",
                    "title": "Headline as printed",
                    "recipients": ["Name", ...], "signatories": ["Name as printed", ...],
                    "signers_named": ["Member named as a signer in prose", ...],
                    "groups": ["heading of each signature", ...]}, ...]}  # groups optional

The truth lists the documents in the order the converter should produce them (the main
document first, then each letter it reproduces). A field left out of a truth document is not
scored. A folder with the corpus's own `index.jsonl` and no JSON cases is scored for what the
index knows (date, and the issuing Member as sender)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from undersigned.convert import Options, convert_text
from undersigned.core.legislators import load_legislators
from undersigned.core.names import bare_tokens
from undersigned.core.registry import Registry
from undersigned.core.vocabulary import NICKNAMES
from undersigned.ingest.proposals import Resolution
from undersigned.ingest.resolve import Resolver

REPO = Path(__file__).resolve().parents[3]  # scripts/undersigned/devtools/ -> the repository
DEFAULT = REPO / "tests" / "data" / "fidelity"
PROSE = "(named in prose)"
FIELDS = ("documents", "type", "title", "date", "sender", "recipients", "signatories",
          "signers_named", "groups")


@dataclass
class Score:
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    sig: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    misses: list[str] = field(default_factory=list)

    def mark(self, name: str, ok: bool, case: str, detail: str = "") -> None:
        self.total[name] += 1
        self.right[name] += ok
        if not ok:
            self.misses.append(f"{case}: {name} {detail}".rstrip())


def _names(items: list[Any]) -> list[str]:
    return [x if isinstance(x, str) else x.get("name", "") for x in items or []]


def _same_person(truth: str, found: str | None) -> bool:
    """A sender is right when it names the same person or body: titles aside, the same family
    name and a compatible given name (a nickname, 'Jan' for 'Janice', an initial)."""
    if not found:
        return False
    want, got = bare_tokens(truth), bare_tokens(found)
    if not want or not got or want[-1] != got[-1]:
        return truth.lower() == found.lower()
    if len(want) == 1 or len(got) == 1:
        return True
    a, b = want[0], got[0]
    return (a == b or a.startswith(b) or b.startswith(a)
            or b in NICKNAMES.get(a, set()) or a in NICKNAMES.get(b, set()))


def _load_case(path: Path) -> tuple[dict[str, Any], str]:
    case = json.loads(path.read_text(encoding="utf-8"))
    for base in (path.parent, REPO / "tests" / "data"):
        source = base / case["source"]
        if source.is_file():
            return case, source.read_text(encoding="utf-8")
    raise SystemExit(f"{path}: source {case['source']} not found")


def _convert(text: str, name: str, options: dict[str, Any]) -> list[Any]:
    opts = Options(title=options.get("title"), url=options.get("url"),
                   date=dt.date.fromisoformat(options["date"]) if options.get("date") else None,
                   sender=options.get("sender"), type=options.get("type"))
    result = convert_text(text, source=name, options=opts)
    resolver = Resolver(Registry(), load_legislators())
    for doc in result.documents:
        doc.metadata.setdefault("signatories", [])
        resolver.resolve(doc, name, Resolution())
    return result.documents


def score_case(case: dict[str, Any], text: str, name: str, score: Score) -> None:
    docs = _convert(text, name, case.get("options", {}))
    truths = case["documents"]
    score.mark("documents", len(docs) == len(truths), name,
               f"(found {len(docs)}, expected {len(truths)})")
    layout = case.get("layout", "none")
    for k, truth in enumerate(truths):
        doc = docs[k] if k < len(docs) else None
        meta = doc.metadata if doc is not None else {}
        where = f"{name}#{k + 1}"
        if "type" in truth:
            score.mark("type", meta.get("type") == truth["type"], where,
                       f"(found {meta.get('type')}, expected {truth['type']})")
        if "date" in truth:
            score.mark("date", str(meta.get("date")) == truth["date"], where,
                       f"(found {meta.get('date')}, expected {truth['date']})")
        if "title" in truth:
            score.mark("title", meta.get("title") == truth["title"], where,
                       f"(found {meta.get('title')!r}, expected {truth['title']!r})")
        if "signers_named" in truth:
            named = _names(meta.get("signers_named", []))
            score.mark("signers_named", named == truth["signers_named"], where,
                       f"(found {named}, expected {truth['signers_named']})")
            prose = score.sig[PROSE]
            prose["tp"] += sum((Counter(named) & Counter(truth["signers_named"])).values())
            prose["found"] += len(named)
            prose["expected"] += len(truth["signers_named"])
        if "sender" in truth:
            score.mark("sender", _same_person(truth["sender"], meta.get("sender")), where,
                       f"(found {meta.get('sender')!r}, expected {truth['sender']!r})")
        if "recipients" in truth:
            found = _names(meta.get("recipients", []))
            score.mark("recipients", found == truth["recipients"], where,
                       f"(found {found}, expected {truth['recipients']})")
        if "signatories" in truth:
            found = _names(meta.get("signatories", []))
            want = truth["signatories"]
            score.mark("signatories", found == want, where, f"(found {found}, expected {want})")
            hits = sum((Counter(found) & Counter(want)).values())
            counts = score.sig[layout]
            counts["tp"] += hits
            counts["found"] += len(found)
            counts["expected"] += len(want)
        if "groups" in truth:
            groups: list[str | None] = [x.get("group") if isinstance(x, dict) else None
                                        for x in meta.get("signatories", [])]
            score.mark("groups", groups == truth["groups"], where)


def score_index(folder: Path, score: Score) -> int:
    """A corpus folder with index.jsonl only: date and issuing Member of each main document."""
    index = [json.loads(line) for line in (folder / "index.jsonl").read_text().splitlines()
             if line.strip()]
    for row in index:
        text = (folder / row["file"]).read_text(encoding="utf-8")
        docs = _convert(text, row["file"], {"title": row.get("title"), "url": row.get("url")})
        main = docs[0].metadata if docs else {}
        score.mark("date", str(main.get("date")) == row["date"], row["file"],
                   f"(found {main.get('date')}, expected {row['date']})")
        member = (row.get("member") or {}).get("name", "")
        if member:
            score.mark("sender", _same_person(member, main.get("sender")), row["file"],
                       f"(found {main.get('sender')!r}, expected {member!r})")
    return len(index)


def report(score: Score, cases: int, verbose: bool) -> str:
    lines = [f"{cases} documents"]
    for name in FIELDS:
        if score.total[name]:
            r, t = score.right[name], score.total[name]
            lines.append(f"  {name:12} {r:4}/{t:<4} {100 * r / t:5.1f}% exact")
    if score.sig:
        lines.append("signatories by layout   precision  recall   (found / expected)")
        all_counts: Counter[str] = Counter()
        for layout in sorted(x for x in score.sig if x != PROSE):
            c = score.sig[layout]
            all_counts.update(c)
            lines.append(_pr_line(layout, c))
        lines.append(_pr_line("all layouts", all_counts))
    if score.sig.get(PROSE):
        lines.append("Members named as signers in prose (signers_named)")
        lines.append(_pr_line("all releases", score.sig[PROSE]))
    if verbose and score.misses:
        lines.append("misses:")
        lines += [f"  {m}" for m in score.misses]
    return "\n".join(lines)


def _pr_line(label: str, c: Counter[str]) -> str:
    precision = 100 * c["tp"] / c["found"] if c["found"] else 100.0
    recall = 100 * c["tp"] / c["expected"] if c["expected"] else 100.0
    return (f"  {label:22} {precision:6.1f}%  {recall:6.1f}%   "
            f"({c['found']} / {c['expected']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m undersigned.devtools.fidelity", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    score, cases = Score(), 0
    for folder in args.folders:
        jsons = sorted(folder.glob("*.json"))
        if jsons:
            for path in jsons:
                case, text = _load_case(path)
                score_case(case, text, path.stem, score)
                cases += 1
        elif (folder / "index.jsonl").is_file():
            cases += score_index(folder, score)
        else:
            print(f"{folder}: no *.json cases and no index.jsonl", file=sys.stderr)
            return 2
    print(report(score, cases, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
