"""Person or organization: our rules against nameparser and probablepeople.
`python -m undersigned.devtools.classifiers [--misses]`

(a) Accuracy of each classifier on a labelled set: every name and alias of signatories.yaml
(with its `kind`), every fifth Member of Congress of the bundled extract (persons), and the
title, role and organization lines printed in the signature blocks of the fidelity cases
(tests/data/fidelity; never persons). (b) The fidelity benchmark with the converter's
`classify` swapped for each classifier: documents exact, signatories exact, precision, recall.

A classifier answers ('person'|'organization', certain?) like `convert.people.classify`; the
converter only takes a certain 'person' as a name (`_person_like`). The libraries are optional
(the `test` extra): one not installed is skipped with a message."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from undersigned.convert import people, roles, signature_lines, signed
from undersigned.convert.people import ORG_WORDS, classify
from undersigned.core.legislators import load_legislators
from undersigned.core.names import fold
from undersigned.core.yamlfile import load_yaml
from undersigned.devtools import fidelity

Classifier = Callable[[str], tuple[str, bool]]
# the registry as it was when the comparison was made (the archive's own grows with every import;
# a fixed copy keeps the measured counts comparable)
REGISTRY = fidelity.REPO / "tests" / "data" / "classifiers" / "signatories.yaml"


@lru_cache(maxsize=1 << 14)
def nameparser_classify(name: str) -> tuple[str, bool]:
    """A person when nameparser fills a given and a family name, at most two middle names,
    and no word it could not place (a lower-case word outside a family-name particle); a title
    alone ('Member of Congress') or one word is no person. nameparser knows no organizations."""
    # optional: nameparser is a test extra, imported only when this classifier is asked for
    from nameparser import HumanName

    parsed = HumanName(name)
    placed = f"{parsed.first} {parsed.middle}".split()
    if not parsed.first or not parsed.last or re.search(r"\d", name):
        return "organization", len(name.split()) > 1
    if len(parsed.middle.split()) > 2 or any(w[:1].islower() for w in placed):
        return "organization", True
    return "person", True


@lru_cache(maxsize=1 << 14)
def nameparser_words_classify(name: str) -> tuple[str, bool]:
    """nameparser as above, with our organization words first (the hybrid the issue names)."""
    if ORG_WORDS & set(fold(name).split()):
        return "organization", True
    return nameparser_classify(name)


@lru_cache(maxsize=1 << 14)
def probablepeople_classify(name: str) -> tuple[str, bool]:
    """probablepeople's type: 'Person' a person, 'Household' (two people) a person but not
    certain, 'Corporation' an organization; a string it cannot label is an uncertain organization."""
    # optional: probablepeople (and its CRF model) is a test extra, loaded only when asked for
    import probablepeople

    try:
        _, kind = probablepeople.tag(name)
    except probablepeople.RepeatedLabelError:
        return "organization", False
    if kind == "Person":
        return "person", True
    if kind == "Household":
        return "person", False
    return "organization", True


def classifiers() -> dict[str, Classifier]:
    """Ours, and each library classifier whose library is installed."""
    found: dict[str, Classifier] = {"ours": classify}
    for label, fn, module in (("nameparser", nameparser_classify, "nameparser"),
                              ("nameparser+our words", nameparser_words_classify, "nameparser"),
                              ("probablepeople", probablepeople_classify, "probablepeople")):
        try:
            fn("Jane Q. Public")
        except ImportError:
            print(f"{label}: {module} is not installed (pip install -e '.[test]'); skipped")
            continue
        found[label] = fn
    return found


@dataclass(frozen=True)
class Labelled:
    text: str
    kind: str  # 'person' | 'organization' (a title or role line is 'organization': no person)
    source: str  # 'registry' | 'legislators' | 'fidelity'


def _registry() -> list[Labelled]:
    data = load_yaml(REGISTRY.read_text(encoding="utf-8")).data
    out = []
    for entry in data.values():
        for text in [entry["name"], *entry.get("aliases", [])]:
            out.append(Labelled(text, entry["kind"], "registry"))
    return out


def _legislators(every: int = 5) -> list[Labelled]:
    # the Members who served from 2013 on (the set the counts were first pinned with; the
    # extract holds Members from 2005 on since)
    members = sorted((m for m in load_legislators().members.values()
                      if any(t.end > dt.date(2013, 1, 3) for t in m.terms)),
                     key=lambda m: m.bioguide)
    return [Labelled(m.name, "person", "legislators") for m in members[::every]]


_NOT_A_TITLE = re.compile(r"[,:;]$|^(?:contact|cc|we|the honorable|hon)\b|\d|@|#", re.I)
# people printed near a block who are not its signatories: recipients, people copied
_NAMED_NEAR_BLOCKS = {"Marcia L. Fudge", "President Joseph R. Biden", "David Westin, ABC News",
                      "Sean McManus, CBS News"}


def _block_lines(text: str, names: list[str]) -> list[str]:
    """The short lines under the printed signatories (up to four after each) that name none
    of them and read as no sentence: the title, role and organization lines of the block."""
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    near = {j for i, line in enumerate(lines) if any(n in line for n in names)
            for j in range(i + 1, i + 5) if j < len(lines)}
    out = []
    for j in sorted(near):
        line = lines[j].rstrip(".")
        if any(n in lines[j] for n in names) or line in _NAMED_NEAR_BLOCKS or len(line.split()) > 7 or _NOT_A_TITLE.search(line) \
                or line.endswith(("Sincerely", "Atentamente")) or "  " in line:
            continue  # a name line, prose, a closing, an address, two columns of titles
        out.append(line)
    return out


# the fidelity cases as they were when the comparison was made (cases added since, for the
# layouts of issue 28, would change the labelled set; a fixed list keeps the counts comparable)
CASES = fidelity.REPO / "tests" / "data" / "classifiers" / "fidelity-cases.txt"


def _fidelity_lines() -> list[Labelled]:
    seen: set[str] = set()
    out = []
    stems = set(CASES.read_text(encoding="utf-8").split())
    for path in sorted(p for p in fidelity.DEFAULT.glob("*.json") if p.stem in stems):
        case, text = fidelity._load_case(path)
        names = [n for d in case["documents"] for n in fidelity.truth_names(d.get("signatories", []))]
        for line in _block_lines(text, names) if names else []:
            if line not in seen:
                seen.add(line)
                out.append(Labelled(line, "organization", "fidelity"))
    return out


def labelled_set() -> list[Labelled]:
    return _registry() + _legislators() + _fidelity_lines()


@dataclass
class Accuracy:
    confusion: Counter[tuple[str, str]]  # (truth, answer) -> count; a certain person only is 'person'
    misses: list[tuple[Labelled, str]]

    @property
    def right(self) -> int:
        return sum(n for (truth, got), n in self.confusion.items() if truth == got)

    @property
    def total(self) -> int:
        return sum(self.confusion.values())


def accuracy(fn: Classifier, items: list[Labelled]) -> Accuracy:
    """Counts of (truth, answer), where the answer is 'person' only for a certain person: what
    the signature reader takes as a name."""
    confusion: Counter[tuple[str, str]] = Counter()
    misses = []
    for item in items:
        kind, certain = fn(item.text)
        got = "person" if kind == "person" and certain else "organization"
        confusion[item.kind, got] += 1
        if got != item.kind:
            misses.append((item, got))
    return Accuracy(confusion, misses)


def _convert_caches() -> Iterator[Callable[[], None]]:
    for module in (people, roles, signed, signature_lines):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                yield value.cache_clear


_NAME = "classify"
_LOOKS_UP = (people, signed)  # the modules whose functions look `classify` up when called


@contextmanager
def swapped(fn: Classifier) -> Iterator[None]:
    """The converter with ``classify`` replaced where it is looked up (people: by
    `_person_like`; signed: imported by name), and the caches of answers built on it cleared
    before and after."""
    saved = [vars(module)[_NAME] for module in _LOOKS_UP]
    for clear in _convert_caches():
        clear()
    for module in _LOOKS_UP:
        setattr(module, _NAME, fn)
    try:
        yield
    finally:
        for module, original in zip(_LOOKS_UP, saved, strict=True):
            setattr(module, _NAME, original)
        for clear in _convert_caches():
            clear()


@dataclass
class FidelityResult:
    documents: int
    exact_docs: int  # cases whose document count is right
    signatories_exact: tuple[int, int]
    tp: int
    found: int
    expected: int
    misses: list[str]


def run_fidelity(fn: Classifier) -> FidelityResult:
    score, cases = fidelity.Score(), 0
    stems = set(CASES.read_text(encoding="utf-8").split())
    with swapped(fn):
        for path in sorted(p for p in fidelity.DEFAULT.glob("*.json") if p.stem in stems):
            case, text = fidelity._load_case(path)
            fidelity.score_case(case, text, path.stem, score)
            cases += 1
    all_counts: Counter[str] = Counter()
    for layout, counts in score.sig.items():
        if layout != fidelity.PROSE:
            all_counts.update(counts)
    return FidelityResult(cases, score.right["documents"],
                          (score.right["signatories"], score.total["signatories"]),
                          all_counts["tp"], all_counts["found"], all_counts["expected"],
                          score.misses)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "  n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m undersigned.devtools.classifiers",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list every wrong answer")
    parser.add_argument("--no-fidelity", action="store_true", help="accuracy only")
    args = parser.parse_args(argv)
    items = labelled_set()
    sizes = Counter(i.source for i in items)
    kinds = Counter(i.kind for i in items)
    print(f"labelled set: {len(items)} ({', '.join(f'{k} {v}' for k, v in sorted(sizes.items()))};"
          f" person {kinds['person']}, not a person {kinds['organization']})")
    print(f"{'classifier':22} {'accuracy':>15}  {'P->P':>5} {'P->O':>5} {'O->P':>5} {'O->O':>5}"
          f"  {'docs exact':>10} {'sigs exact':>10} {'precision':>9} {'recall':>7}  found/expected")
    for label, fn in classifiers().items():
        acc = accuracy(fn, items)
        c = acc.confusion
        row = (f"{label:22} {acc.right:4}/{acc.total:<4} {_pct(acc.right, acc.total)}  "
               f"{c['person', 'person']:5} {c['person', 'organization']:5} "
               f"{c['organization', 'person']:5} {c['organization', 'organization']:5}")
        if not args.no_fidelity:
            fid = run_fidelity(fn)
            sig_right, sig_total = fid.signatories_exact
            row += (f"  {fid.exact_docs:4}/{fid.documents:<5} {sig_right:4}/{sig_total:<5} "
                    f"{_pct(fid.tp, fid.found):>9} {_pct(fid.tp, fid.expected):>7}  "
                    f"{fid.found}/{fid.expected}")
        print(row, flush=True)
        if args.misses:
            for item, got in acc.misses:
                print(f"    {item.source:11} {item.kind:12} -> {got:12} {item.text!r}")
            for miss in [] if args.no_fidelity else fid.misses:
                print(f"    fidelity: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

