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
index knows (date, and the issuing Member as sender).

Without a folder it scores two sets apart: the tuned cases (tests/data/fidelity, the documents
the rules were written for) and the held-out sample (tests/data/fidelity-heldout: drawn at
random from the development corpus and annotated before the converter was changed; never a
reason for a code change — see its README). Each is reported per layout: files and documents
exact (every scored field right), fields exact, and signature precision and recall. A held-out
case also carries `"stratum"` (press-release, senate (punctuated), senate (flattened),
statement: the layout of the file), reported per stratum as well."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from undersigned.convert import ConvertedDocument, Options, convert_text
from undersigned.convert.document import FrontMatter, Party
from undersigned.core.legislators import load_legislators
from undersigned.core.names import bare_tokens
from undersigned.core.registry import Registry
from undersigned.core.vocabulary import NICKNAMES
from undersigned.ingest.proposals import Resolution
from undersigned.ingest.resolve import Resolver

REPO = Path(__file__).resolve().parents[3]  # scripts/undersigned/devtools/ -> the repository
DEFAULT = REPO / "tests" / "data" / "fidelity"
HELDOUT = REPO / "tests" / "data" / "fidelity-heldout"
PROSE = "(named in prose)"
FIELDS = ("documents", "type", "title", "date", "sender", "recipients", "signatories",
          "signers_named", "groups")


@dataclass
class Score:
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    sig: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    misses: list[str] = field(default_factory=list)
    # per layout (and per stratum): files, files_exact, docs, docs_exact, fields, fields_right
    groups: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    wrong: int = 0  # misses marked so far (a document is exact when it adds none)

    def mark(self, name: str, ok: bool, case: str, detail: str = "") -> None:
        self.total[name] += 1
        self.right[name] += ok
        if not ok:
            self.wrong += 1
            self.misses.append(f"{case}: {name} {detail}".rstrip())


def _names(items: list[Party]) -> list[str]:
    return [x.name for x in items]


def truth_names(items: list[Any]) -> list[str]:
    """The names of a case's truth list (a name, or a mapping with one)."""
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


def _convert(text: str, name: str, options: dict[str, Any]) -> list[ConvertedDocument]:
    opts = Options(title=options.get("title"), url=options.get("url"),
                   date=dt.date.fromisoformat(options["date"]) if options.get("date") else None,
                   sender=options.get("sender"), type=options.get("type"))
    result = convert_text(text, source=name, options=opts)
    resolver = Resolver(Registry(), load_legislators())
    for doc in result.documents:
        resolver.resolve(doc, name, Resolution())
    return result.documents


def score_case(case: dict[str, Any], text: str, name: str, score: Score) -> None:
    docs = _convert(text, name, case.get("options", {}))
    truths = case["documents"]
    layout = case.get("layout", "none")
    keys = [f"layout: {layout}"] + ([f"stratum: {case['stratum']}"] if "stratum" in case else [])
    before = score.wrong
    score.mark("documents", len(docs) == len(truths), name,
               f"(found {len(docs)}, expected {len(truths)})")
    for k, truth in enumerate(truths):
        fields_before, wrong_before = sum(score.total.values()), score.wrong
        _score_document(docs[k] if k < len(docs) else None, truth, f"{name}#{k + 1}", keys,
                        score)
        for key in keys:
            group = score.groups[key]
            group["docs"] += 1
            group["docs_exact"] += score.wrong == wrong_before and k < len(docs)
            group["fields"] += sum(score.total.values()) - fields_before
            group["fields_right"] += sum(score.total.values()) - fields_before - (
                score.wrong - wrong_before)
    for key in keys:
        score.groups[key]["files"] += 1
        score.groups[key]["files_exact"] += score.wrong == before
        score.groups[key]["fields"] += 1  # the number of documents
        score.groups[key]["fields_right"] += len(docs) == len(truths)


def _score_document(doc: ConvertedDocument | None, truth: dict[str, Any], where: str,
                    keys: list[str], score: Score) -> None:
    """Every field the truth document gives, against the converted document at its place (a
    missing document has no value in any field)."""
    meta = doc.front if doc is not None else FrontMatter()
    kind = meta.type if doc is not None else None
    if "type" in truth:
        score.mark("type", kind == truth["type"], where,
                   f"(found {kind}, expected {truth['type']})")
    if "date" in truth:
        score.mark("date", str(meta.date) == truth["date"], where,
                   f"(found {meta.date}, expected {truth['date']})")
    if "title" in truth:
        score.mark("title", meta.title == truth["title"], where,
                   f"(found {meta.title!r}, expected {truth['title']!r})")
    if "signers_named" in truth:
        named = _names(meta.signers_named)
        score.mark("signers_named", named == truth["signers_named"], where,
                   f"(found {named}, expected {truth['signers_named']})")
        hits = sum((Counter(named) & Counter(truth["signers_named"])).values())
        for prose in (score.sig[PROSE], *(score.groups[key] for key in keys)):
            prose["named_tp"] += hits
            prose["named_found"] += len(named)
            prose["named_expected"] += len(truth["signers_named"])
    if "sender" in truth:
        score.mark("sender", _same_person(truth["sender"], meta.sender), where,
                   f"(found {meta.sender!r}, expected {truth['sender']!r})")
    if "recipients" in truth:
        found = _names(meta.recipients)
        score.mark("recipients", found == truth["recipients"], where,
                   f"(found {found}, expected {truth['recipients']})")
    if "signatories" in truth:
        found = _names(meta.signatories)
        want = truth["signatories"]
        score.mark("signatories", found == want, where, f"(found {found}, expected {want})")
        hits = sum((Counter(found) & Counter(want)).values())
        for counts in (score.sig[keys[0].removeprefix("layout: ")],
                       *(score.groups[key] for key in keys)):
            counts["tp"] += hits
            counts["found"] += len(found)
            counts["expected"] += len(want)
    if "groups" in truth:
        groups = [x.group for x in meta.signatories]
        score.mark("groups", groups == truth["groups"], where)


def score_index(folder: Path, score: Score) -> int:
    """A corpus folder with index.jsonl only: date and issuing Member of each main document."""
    index = [json.loads(line) for line in (folder / "index.jsonl").read_text().splitlines()
             if line.strip()]
    for row in index:
        text = (folder / row["file"]).read_text(encoding="utf-8")
        docs = _convert(text, row["file"], {"title": row.get("title"), "url": row.get("url")})
        main = docs[0].front if docs else FrontMatter()
        score.mark("date", str(main.date) == row["date"], row["file"],
                   f"(found {main.date}, expected {row['date']})")
        member = (row.get("member") or {}).get("name", "")
        if member:
            score.mark("sender", _same_person(member, main.sender), row["file"],
                       f"(found {main.sender!r}, expected {member!r})")
    return len(index)


def report(score: Score, cases: int, verbose: bool) -> str:
    lines = [f"{cases} documents"]
    for name in FIELDS:
        if score.total[name]:
            r, t = score.right[name], score.total[name]
            lines.append(f"  {name:12} {r:4}/{t:<4} {100 * r / t:5.1f}% exact")
    if any(x != PROSE for x in score.sig):
        lines.append("signatories by layout   precision  recall   (found / expected)")
        all_counts: Counter[str] = Counter()
        for layout in sorted(x for x in score.sig if x != PROSE):
            c = score.sig[layout]
            all_counts.update(c)
            lines.append(_pr_line(layout, c))
        lines.append(_pr_line("all layouts", all_counts))
    if score.sig.get(PROSE):
        lines.append("Members named as signers in prose (signers_named)")
        lines.append(_pr_line("all releases", score.sig[PROSE], "named_"))
    if score.groups:
        lines += _group_table(score)
    if verbose and score.misses:
        lines.append("misses:")
        lines += [f"  {m}" for m in score.misses]
    return "\n".join(lines)


def _group_table(score: Score) -> list[str]:
    """Per layout (and per stratum): files and documents exact, fields exact, signatures and
    prose-named signers (precision / recall)."""
    lines = [f"  {'per layout':50} {'files':>7} {'docs':>7} {'fields':>9}  "
             f"{'signatures P / R':>17}  {'named in prose P / R':>21}"]
    for key in sorted(score.groups, key=lambda k: (not k.startswith("stratum"), k)):
        c = score.groups[key]
        lines.append(
            f"  {key[:50]:50} {c['files_exact']:>3}/{c['files']:<3} "
            f"{c['docs_exact']:>3}/{c['docs']:<3} {c['fields_right']:>4}/{c['fields']:<4} "
            f"{_pct(c['tp'], c['found'])} / {_pct(c['tp'], c['expected'])}  "
            f"{_pct(c['named_tp'], c['named_found'])} / {_pct(c['named_tp'], c['named_expected'])}")
    return lines


def _pct(hits: int, of: int) -> str:
    return f"{100 * hits / of:6.1f}%" if of else "     - "


def _pr_line(label: str, c: Counter[str], prefix: str = "") -> str:
    tp, found, expected = c[prefix + "tp"], c[prefix + "found"], c[prefix + "expected"]
    precision = 100 * tp / found if found else 100.0
    recall = 100 * tp / expected if expected else 100.0
    return f"  {label:22} {precision:6.1f}%  {recall:6.1f}%   ({found} / {expected})"


def score_folder(folder: Path, score: Score) -> int:
    """Every JSON case of ``folder`` (or its corpus index); the number of documents scored."""
    jsons = sorted(folder.glob("*.json"))
    for path in jsons:
        case, text = _load_case(path)
        score_case(case, text, path.stem, score)
    if jsons:
        return len(jsons)
    if (folder / "index.jsonl").is_file():
        return score_index(folder, score)
    raise SystemExit(f"{folder}: no *.json cases and no index.jsonl")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m undersigned.devtools.fidelity",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if args.folders:
        score = Score()
        cases = sum(score_folder(folder, score) for folder in args.folders)
        print(report(score, cases, args.verbose))
        return 0
    for label, folder in (("tuned", DEFAULT), ("held-out", HELDOUT)):
        score = Score()
        cases = score_folder(folder, score)
        print(f"== {label} set: {folder.relative_to(REPO)}")
        print(report(score, cases, args.verbose))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
