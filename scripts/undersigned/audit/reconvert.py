"""`undersigned check --reconvert`: every original converted again with today's converter and
compared, document by document and field by field, with the stored record. A difference the
document declares as a deliberate hand edit (`edited: {recipients: "…"}`) is not reported;
every other one is, so that a converter improvement is adopted deliberately and a hand edit
that contradicts the original is visible."""

from __future__ import annotations

from collections import defaultdict

from undersigned.audit.text import edited, field_line
from undersigned.convert import Options, convert_text
from undersigned.convert.document import ConvertedDocument, Party
from undersigned.core.archive import Archive
from undersigned.core.model import Letter
from undersigned.core.names import fold
from undersigned.core.problems import Problem, relpath
from undersigned.ingest.proposals import Resolution
from undersigned.ingest.resolve import Resolver

HINT = ("adopt the converter's reading (import the original again with --force, or edit the "
        "field), or declare the hand edit with its reason in the front matter: "
        "`edited: {FIELD: \"why\"}` (CONTRIBUTING.md, 'Hand edits')")


def _names(items: list[Party]) -> list[str]:
    return [item.name for item in items]


def _said(names: list[str]) -> str:
    shown = ", ".join(f"'{n}'" for n in names[:6])
    return shown + (f" and {len(names) - 6} more" if len(names) > 6 else "")


def _compare_names(field: str, stored: list[str], fresh: list[str]) -> str | None:
    have, want = {fold(n): n for n in stored}, {fold(n): n for n in fresh}
    added = [want[k] for k in want if k not in have]
    removed = [have[k] for k in have if k not in want]
    if not added and not removed:
        return None
    parts = []
    if added:
        parts.append(f"the original also has {_said(added)}")
    if removed:
        parts.append(f"the record also has {_said(removed)}, which the converter does not read")
    return f"{field}: " + "; ".join(parts)


def _words(text: str) -> list[str]:
    return fold(text.replace("*", " ").replace("#", " ")).split()


def differences(letter: Letter, doc: ConvertedDocument, date: object = None
                ) -> list[tuple[str, str]]:
    """(field, what differs) between a stored letter and the converter's reading (``date``:
    the date it reads when none is given)."""
    front = doc.front
    out: list[tuple[str, str]] = []
    read = date if date is not None else front.date
    if str(read) != str(letter.date):
        out.append(("date", f"date: the converter reads {read}, the record says {letter.date}"))
    if front.type != letter.type:
        out.append(("type", f"type: the converter reads {front.type}, the record "
                            f"says {letter.type}"))
    for key, stored, fresh in (
            ("signatories", [s.name for s in letter.signatures], front.signatories),
            ("signers_named", [s.name for s in letter.signers_named], front.signers_named),
            ("recipients", [r.name for r in letter.recipients], front.recipients)):
        said = _compare_names(key, stored, _names(fresh))
        if said:
            out.append((key, said))
    have, want = _words(letter.body), _words(doc.body)
    if have != want:
        extra = len(set(have) - set(want)) + len(set(want) - set(have))
        first = next((i for i, (a, b) in enumerate(zip(have, want, strict=False)) if a != b),
                     min(len(have), len(want)))
        out.append(("body", f"body: {len(have)} words in the record, {len(want)} in the "
                            f"converter's reading ({extra} distinct words differ; the first "
                            f"difference at word {first + 1}: "
                            f"'{' '.join(have[first:first + 6])}')"))
    return out


def _convert(archive: Archive, main: Letter, text: str, rel: str
             ) -> tuple[list[ConvertedDocument], list[ConvertedDocument]]:
    """The converter's reading as an import with the record's date would make it (an import
    gives `--date`), and its reading of the date alone (no date given), resolved as an import
    resolves it (recipients from a salutation, named signers)."""
    url = main.source.get("url")
    orgs = archive.registry.organization_keys()
    undated = convert_text(text, source=rel, options=Options(type=main.type, url=url),
                           topics=archive.topics, organizations=orgs)
    result = convert_text(text, source=rel, topics=archive.topics, organizations=orgs,
                          options=Options(type=main.type, url=url, date=main.date))
    if any(not p.warning for p in result.problems):  # a title given at import
        result = convert_text(text, source=rel, topics=archive.topics, organizations=orgs,
                              options=Options(type=main.type, url=url, date=main.date,
                                              title=main.title))
    received = {k: [x.date for x in v] for k, v in archive.received.items()}
    resolver = Resolver(archive.registry, archive.legislators, received)
    for doc in result.documents:
        resolver.resolve(doc, rel, Resolution())
    return result.documents, undated.documents


def _pairs(group: list[Letter], docs: list[ConvertedDocument], main: Letter
           ) -> tuple[list[tuple[Letter, ConvertedDocument | None]], list[ConvertedDocument]]:
    """Stored documents with the converted ones they came from (the main document first,
    then the documents it reproduces in the order it relates them, then by date), and the
    converted documents no stored one pairs with."""
    order = [main] + [x for slug in main.related for x in group if x.slug == slug]
    order += sorted((x for x in group if x not in order), key=lambda x: (x.date, x.slug))
    embedded = [d for d in docs if d.role == "embedded"]
    mains = [d for d in docs if d.role != "embedded"]
    fresh = (mains[:1] + embedded) if main.type != "letter" or not embedded else docs
    pairs = [(letter, fresh[i] if i < len(fresh) else None) for i, letter in enumerate(order)]
    return pairs, fresh[len(order):]


def reconvert(archive: Archive, strict: bool) -> tuple[list[Problem], str]:
    groups: dict[str, list[Letter]] = defaultdict(list)
    for letter in archive.letters:
        if letter.original:
            groups[letter.original].append(letter)
    problems: list[Problem] = []
    declared = compared = again = 0
    for original, group in sorted(groups.items()):
        path = archive.root / original
        stem = path.name.removesuffix(".txt")
        main = next((x for x in group if x.slug == stem), group[0])
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(relpath(path, archive.root), None,
                                    f"cannot read the original: {exc}", "restore the file",
                                    warning=not strict))
            continue
        docs, undated = _convert(archive, main, text, relpath(path, archive.root))
        dates = {x.slug: d.front.date for x, d in _pairs(group, undated, main)[0] if d}
        pairs, extra = _pairs(group, docs, main)
        for letter, doc in pairs:
            rel = archive.rel(letter)
            compared += 1
            if doc is None and "document" in edited(letter):
                declared += 1
                continue
            if doc is None:
                problems.append(Problem(rel, None, f"today's converter finds no document for "
                                        f"it in {original}", HINT, warning=not strict))
                continue
            edits = edited(letter)
            for key, said in differences(letter, doc, dates.get(letter.slug)):
                if key in edits:
                    declared += 1
                    continue
                line = field_line(letter, key) if key != "body" else letter.body_line
                problems.append(Problem(rel, line, f"differs from its original: {said}", HINT,
                                        warning=not strict))
        for doc in extra:
            held = archive.by_slug.get(doc.slug)
            if held is not None and held.original != original and doc.slug in main.related:
                # a letter the release reproduces, held from another original (import links
                # it): the signers must agree
                again += 1
                disagree = _compare_names("signatories", [x.name for x in held.signatures],
                                          _names(doc.front.signatories))
                if disagree:
                    problems.append(Problem(relpath(path, archive.root), doc.source_line,
                                            f"the letter it reproduces, letters/{doc.slug}.md "
                                            f"(from {held.original}), differs: {disagree}", HINT,
                                            warning=not strict))
                continue
            problems.append(Problem(
                relpath(path, archive.root), doc.source_line,
                f"today's converter finds a document the archive lacks: "
                f"'{doc.front.title}' ({doc.front.date})",
                "import the original again (undersigned import FILE --force) to add it",
                warning=not strict))
    also = (f" ({again} letter{'s' if again != 1 else ''} also read in another original "
            "that reproduces it)") if again else ""
    summary = (f"reconverted {compared} documents from {len(groups)} originals{also}; "
               f"{declared} declared hand edit{'s' if declared != 1 else ''} not reported")
    return problems, summary


