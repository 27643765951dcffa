"""Signers a text names in prose ('Additional signers include Reps. A (CA-36), B and C',
'joined by Senators …', 'led by A and signed by …') who are neither in the document's
signatories nor in its `signers_named` (nor in a related document's list)."""

from __future__ import annotations

import re

from undersigned.audit.text import paragraphs
from undersigned.audit.verdicts import Verdicts
from undersigned.convert.people import classify
from undersigned.core.archive import Archive
from undersigned.core.model import Letter
from undersigned.core.names import bare_tokens, fold
from undersigned.core.problems import Problem
from undersigned.core.vocabulary import PARTICLES

TRIGGER = re.compile(
    r"\b(?:(?:additional|other)\s(?:co-?)?signers(?:\sof\sthe\sletter)?\s(?:include|are|were)"
    r"|(?:co-?)?signers\sof\sthe\sletter\s(?:include|are|were)|(?:co-?signed|signed)\sby"
    r"|joined\sby|cosigners\sinclude|firmada\spor|firmaron)\b:?", re.I)
# an office before a name ('signed by President Biden'): an order or a law, not a letter
_OFFICE = re.compile(r"^(?:President|Vice\sPresident|Governor|Secretary|Ambassador|Judge|"
                     r"Justice|Mayor|Presidente|Gobernador)\b")
_TITLES = re.compile(
    r"^(?:(?:u\.?s\.?\s)?(?:reps?\.|sens?\.|senators?|representatives?|congress(?:wo)?m[ae]n|"
    r"congressmembers?|members\sof\scongress|colleagues|dr\.|mr\.|mrs\.|ms\.|"
    r"el\ssenador|la\ssenadora|los\ssenadores)\s*)+", re.I)
# the full stop first (the engine then skips to each '.'), the abbreviations it ends after
_END = re.compile(r"\.(?<!\b[A-Z]\.)(?<!\bRep\.)(?<!\bSen\.)(?<!\bDr\.)(?<!\bJr\.)"
                  r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bSt\.)(?<!\bReps\.)(?<!\bSens\.)(?<!\bMrs\.)"
                  r"(?=\s++[A-Z\"“]|\s*+$)")
HINT = ("add each to `signers_named` (name and id) or, if the letter is in the archive, "
        "to its `signatories`")


def names_in(span: str) -> list[str]:
    """The names a span lists, titles, districts and what follows the list dropped."""
    span = re.sub(r"\([^)]{0,30}\)", " ", span)
    out = []
    for raw in re.split(r",\s*(?:and\s|y\s)?|;\s*|\s(?:and|y|&)\s", span):
        item = _TITLES.sub("", raw.strip(" .:\"“”"))
        words = item.split()
        keep = []
        for w in words:
            if w[:1].isupper() or w.lower() in PARTICLES or re.fullmatch(r"[A-Z]\.?", w) \
                    or w[:1] in "\"“" and w[1:2].isupper():  # Henry C. "Hank" Johnson
                keep.append(w)
            else:
                break
        name = " ".join(keep).strip(" .")
        if name and len(keep) == len(words) or (name and len(keep) >= 2):
            out.append(name)
        if len(keep) < len(words):
            break  # prose resumes: the list is over
    return [n for n in out if 1 <= len(n.split()) <= 5 and not n.isupper()
            and not _OFFICE.match(n) and classify(n)[0] == "person"]


def _known(archive: Archive, letter: Letter) -> set[str]:
    """Folded family names and full names of everyone the archive lists for the document."""
    docs = [letter, *archive.related.get(letter.slug, [])]
    known: set[str] = set()
    for doc in docs:
        for sig in (*doc.signatures, *doc.signers_named):
            forms = [sig.name]
            entity = archive.registry.get(sig.id) if sig.id else None
            if entity:
                forms += [entity.name, *entity.aliases]
            for form in forms:
                tokens = bare_tokens(form)
                if tokens:
                    known.add(tokens[-1])
                    known.add(" ".join(tokens))
        known.update(bare_tokens(doc.sender)[-1:])
    return known


def missing(archive: Archive, letter: Letter, text: str) -> list[str]:
    out: list[str] = []
    known = _known(archive, letter)
    for m in TRIGGER.finditer(text):
        rest = text[m.end():m.end() + 2000]
        end = _END.search(rest)
        names = names_in(rest[:end.start()] if end else rest)
        for name in names:
            tokens = bare_tokens(name)
            if tokens and tokens[-1] not in known and " ".join(tokens) not in known \
                    and fold(name) not in out:
                out.append(name)
    return out


def check(archive: Archive, verdicts: Verdicts, letter: Letter) -> None:
    rel = archive.rel(letter)
    for line, text in paragraphs(letter):
        if not TRIGGER.search(text):
            continue
        absent = missing(archive, letter, text)
        if not absent:
            verdicts.verified("signers named in prose")
            continue
        shown = ", ".join(absent[:8]) + (f" and {len(absent) - 8} more" if len(absent) > 8
                                          else "")
        verdicts.problem("named-signers", letter, Problem(
            rel, line, f"the text names {len(absent)} signer{'s' if len(absent) != 1 else ''} "
            f"the archive does not list for it: {shown}", HINT))
