"""The `undersigned` command line: import, check, render, new."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from undersigned.audit.command import cmd_check
from undersigned.convert import Options, convert_text
from undersigned.convert.document import ConvertedDocument, render
from undersigned.core.archive import Archive
from undersigned.core.journal import JOURNAL, ImportRefused, commit, import_lock, resume
from undersigned.core.legislators import load_legislators
from undersigned.core.letters import MAX_BYTES, LetterChanged
from undersigned.core.load import find_root, load_archive
from undersigned.core.model import HTTP_URL, TYPES
from undersigned.core.problems import Problem
from undersigned.core.schema import YEARS
from undersigned.core.settings import SettingsError
from undersigned.ingest.proposals import Proposal, Resolution
from undersigned.ingest.registry_edit import with_entries
from undersigned.ingest.related import letter_meta, link_originals, link_related
from undersigned.ingest.resolve import Resolver
from undersigned.ingest.scaffold import new_letter
from undersigned.ingest.senders import sender_forms
from undersigned.ingest.slugs import Source, choose_slugs
from undersigned.outputs.site import render_to_dir


def _date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise argparse.ArgumentTypeError(f"{text} is outside {YEARS[0]}-{YEARS[1]}")
    return day


def _url(text: str) -> str:
    """An address `check` accepts in source.url (an import never writes what check refuses)."""
    if not re.fullmatch(HTTP_URL, text):
        raise argparse.ArgumentTypeError(f"not a web address (http:// or https://): {text!r}")
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="undersigned", description=__doc__)
    parser.add_argument("--root", type=Path, help="archive root (default: nearest mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)

    imp = sub.add_parser("import", help="convert plain text into letters/<slug>.md")
    imp.add_argument("files", nargs="*", type=Path, metavar="FILE.txt",
                     help="plain-text originals; '-' reads standard input")
    imp.add_argument("--resume", action="store_true",
                     help="finish an import that was interrupted (also done by any import)")
    imp.add_argument("--title", help="title, when the text has no headline")
    imp.add_argument("--date", type=_date, help="date YYYY-MM-DD, when the text has none")
    imp.add_argument("--type", choices=TYPES, help="document type of the main document")
    imp.add_argument("--url", type=_url, help="where the document was published (http/https)")
    imp.add_argument("--sender", help="who sent or issued it")
    imp.add_argument("--topic", action="append", default=[], metavar="ID", dest="topics",
                     help="a topic of topics.yaml (again for more), instead of the proposals")
    imp.add_argument("--dry-run", action="store_true", help="write nothing; print Markdown")
    imp.add_argument("--json", action="store_true", help="with --dry-run: print a JSON array")
    imp.add_argument("--force", action="store_true", help="overwrite existing letter files")
    imp.add_argument("--add-new", action="store_true",
                     help="append proposed new names to signatories.yaml")

    chk = sub.add_parser("check", help="validate the whole archive")
    chk.add_argument("--github", action="store_true", help="also print GitHub annotations")
    chk.add_argument("--publish", action="store_true",
                     help="also require a real site_url (a build for publishing)")
    chk.add_argument("--strict", action="store_true",
                     help="the fact checks' findings are errors, not warnings (CI runs this)")
    chk.add_argument("--reconvert", action="store_true",
                     help="also convert every original again and report where the stored "
                          "record differs (hand edits declared in `edited:` excepted)")

    ren = sub.add_parser("render", help="write every generated page into a directory")
    ren.add_argument("--out", type=Path, required=True)

    new = sub.add_parser("new", help="scaffold a letter typed by hand")
    new.add_argument("title")
    new.add_argument("--date", type=_date, required=True)
    new.add_argument("--type", choices=TYPES, default="letter")
    new.add_argument("--force", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    root = (args.root or find_root()).resolve()
    try:
        return _command(root, args)
    except (SettingsError, ImportRefused) as err:  # said, with a hint; no traceback
        print(f"error: {err}", file=sys.stderr)
        return 1
    except LetterChanged as err:  # (nothing of the run is kept: the next one reads it again)
        print(f"error: {err}\n  hint: a letter was edited while it was being checked; run the "
              "command again", file=sys.stderr)
        return 1


def _command(root: Path, args: argparse.Namespace) -> int:
    if args.command == "check":
        return cmd_check(root, args.github, args.publish, args.strict, args.reconvert)
    if args.command == "import":
        return _locked_import(root, args)
    if args.command == "render":
        return render_to_dir(root, args.out)
    if args.command == "new":
        return new_letter(root, args.title, args.date, args.type, args.force)
    return 2  # pragma: no cover


@dataclass
class _Write:
    target: Path
    content: bytes
    doc: ConvertedDocument | None = None  # None: the original text


def _read_input(path: Path) -> tuple[str, bytes | None, str | None]:
    """(name for messages, bytes or None, reason); '-' is standard input."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        return "<stdin>", data, None
    try:
        if not path.is_file():
            return path.as_posix(), None, "not a regular file"
        if path.stat().st_size > MAX_BYTES:
            return path.as_posix(), None, f"larger than {MAX_BYTES:,} bytes"
        return path.as_posix(), path.read_bytes(), None
    except OSError as exc:
        return path.as_posix(), None, exc.strerror or str(exc)


def _locked_import(root: Path, args: argparse.Namespace) -> int:
    """One import at a time (journal.py); an interrupted one is finished first."""
    if not args.files and not args.resume:
        print("error: give the text files to import (or --resume)", file=sys.stderr)
        return 2
    if args.dry_run:
        if (root / JOURNAL).exists():
            print(f"note: {JOURNAL}: an import was interrupted; the next import (or "
                  "`undersigned import --resume`) finishes it", file=sys.stderr)
        return cmd_import(root, args) if args.files else 0
    with import_lock(root, say=lambda text: print(f"note: {text}", file=sys.stderr)):
        done = resume(root)
        if done is not None:
            print(f"note: finished an interrupted import ({JOURNAL}): "
                  + (f"wrote {', '.join(done)}" if done else "every file was written already"),
                  file=sys.stderr)
        return cmd_import(root, args) if args.files else 0


def _text_of(path: Path) -> tuple[str, bytes | None, str | None, str | None]:
    """(name, bytes, text, why it cannot be read) of an input file."""
    rel, data, why = _read_input(path)
    if data is not None and len(data) > MAX_BYTES:
        return rel, None, None, f"larger than {MAX_BYTES:,} bytes"
    if data is None:
        return rel, None, None, why
    try:
        return rel, data, data.decode("utf-8-sig"), why
    except UnicodeDecodeError as exc:
        return rel, data, None, f"not valid UTF-8 (byte 0x{data[exc.start]:02x})"


def _new_entry_problems(new_entries: list[Proposal], add_new: bool) -> list[Problem]:
    # a name very like an existing entry's ('Alejandro N. Mayorkas') is never added as a second
    # entry for one person: the contributor says which it is
    problems = [Problem(p.source, p.line, f"'{p.printed or p.name}' is very like "
                        f"'{same[0]}' ({same[1]}, {same[2]:g}) in signatories.yaml; "
                        "--add-new does not add a second entry for it",
                        f"if it is the same person, add '{p.printed or p.name}' to the "
                        f"aliases of '{same[0]}'; if not, add its entry to signatories.yaml "
                        "by hand") for p in new_entries if (same := p.same_as)]
    if new_entries and not add_new:
        # a letter whose names the registry lacks would fail `check`: nothing is written (a
        # --dry-run says the same, with the same exit status, as the import it previews)
        problems += [Problem(p.source, p.line, f"'{p.printed or p.name}' is not in "
                             "signatories.yaml", "rerun with --add-new to append the entry "
                             "proposed below (review its kind and name), or add the name to "
                             "signatories.yaml (as a new entry or an alias) yourself")
                     for p in new_entries]
    return problems


def _print_dry_run(root: Path, writes: list[_Write], as_json: bool, fatal: bool) -> None:
    """What an import would write: each file's path (on stderr, so that the text itself can
    be piped into a file) and its text, or all of it as JSON. With errors it would write
    nothing, and says so: the text is only the converter's reading."""
    docs = [w for w in writes if w.doc is not None]
    if as_json:
        print(json.dumps([{"path": w.target.relative_to(root).as_posix(), "written": not fatal,
                           "metadata": json.loads(json.dumps(w.doc.ordered(), default=str)),
                           "body": w.doc.body.strip() + "\n"} for w in docs if w.doc],
                         ensure_ascii=False, indent=2))
        return
    if fatal and docs:
        print("would write nothing (see the errors above); the converter's reading:",
              file=sys.stderr)
    for w in docs if not fatal else ():
        print(f"would write: {w.target.relative_to(root).as_posix()}", file=sys.stderr)
    print("".join(w.content.decode("utf-8") for w in docs), end="")


def cmd_import(root: Path, args: argparse.Namespace) -> int:
    """Convert, resolve, choose slugs, then write everything or nothing."""
    archive = load_archive(root)
    keywords = {t.id: list(t.keywords) for t in archive.topics.values()}
    organizations = archive.registry.organization_keys()
    resolver = Resolver(archive.registry, load_legislators(),
                        {k: [x.date for x in v] for k, v in archive.received.items()})
    resolution = Resolution()
    problems: list[Problem] = [
        Problem(f"--{key}", None, f"--{key} spans several lines", f"give the {key} on one line")
        for key in ("title", "sender") if "\n" in (getattr(args, key) or "").strip()]
    options = Options(title=args.title, date=args.date, type=args.type, url=args.url,
                      sender=args.sender, topics=tuple(args.topics))
    problems += [Problem("--topic", None, f"'{t}' is no topic of topics.yaml",
                         "use an id listed in topics.yaml") for t in args.topics
                 if t not in archive.topics or archive.topics[t].replaced_by]
    sources: list[Source] = []
    for path in args.files:
        rel, data, text, why = _text_of(path)
        if text is None or data is None:
            problems.append(Problem(rel, None, f"cannot read: {why}",
                                    "give a UTF-8 text file" if "UTF-8" in str(why) else
                                    "give the plain text of one document (split a larger "
                                    "file into its documents)"))
            continue
        result = convert_text(text, source=rel, options=options, topics=archive.topics,
                              keywords=keywords, organizations=organizations)
        problems += result.problems
        if any(not p.warning for p in result.problems):
            continue
        problems += [Problem(rel, doc.source_line, "a document without topics would not pass "
                             "`check`; nothing is written", "pass --topic ID (an id of "
                             "topics.yaml; --topic again for more)")
                     for doc in result.documents if not doc.front.topics]
        for doc in result.documents:
            doc.front = doc.front.cleaned()
            resolver.resolve(doc, rel, resolution)
        sender_forms(result.documents, rel, resolver, resolution)
        sources.append(Source(rel, data, result.documents))
    problems += resolution.problems
    choose_slugs(root, archive, sources, problems)
    for src in sources:
        link_originals(src.docs)
    _link_announcements(archive, sources, problems)
    writes = _plan_writes(root, archive, sources, problems, args.force)
    new_entries = resolution.proposals
    problems += _new_entry_problems(new_entries, args.add_new)
    fatal = any(not p.warning for p in problems)
    for problem in sorted(problems, key=lambda p: (p.path, p.line or 0)):
        print(f"{'note' if problem.warning else 'error'}: {problem}", file=sys.stderr)
    if args.dry_run:
        _print_dry_run(root, writes, args.json, fatal)
        _print_proposals(new_entries)
        return 1 if fatal else 0
    if fatal:
        print("nothing was written: fix the errors above and import again", file=sys.stderr)
        if new_entries:
            _print_proposals(new_entries)
        return 1
    kept = [w.target.exists() and w.target.read_bytes() == w.content for w in writes]
    planned = [(w.target, w.content) for w, unchanged in zip(writes, kept, strict=True)
               if not unchanged]  # originals first: a letter never names one not yet there
    registry = with_entries(root / "signatories.yaml", new_entries) if args.add_new else None
    if registry is not None:  # read again now, under the lock: never another's entries lost
        planned.append((root / "signatories.yaml", registry.encode("utf-8")))
    commit(root, planned)  # every file, or a journal that the next import finishes
    for write, unchanged in zip(writes, kept, strict=True):
        if write.doc is not None:
            n = len(write.doc.front.signatories)
            print(f"{'unchanged' if unchanged else 'wrote'} "
                  f"{write.target.relative_to(root).as_posix()} ({write.doc.front.type}, "
                  f"{n} signator{'y' if n == 1 else 'ies'})")
    if new_entries:
        if args.add_new:
            print(f"added {len(new_entries)} new entr{'y' if len(new_entries) == 1 else 'ies'} "
                  "to signatories.yaml; review them (kind, name) before committing")
        else:
            _print_proposals(new_entries)
    print("next: review the front matter, then run `undersigned check`", file=sys.stderr)
    return 0


def _link_announcements(archive: Archive, sources: list[Source], problems: list[Problem]) -> None:
    known = [(x.slug, letter_meta(x)) for x in archive.letters if x.type == "letter"]
    fresh = [(d.slug, d.front) for src in sources for d in src.docs
             if d.front.type == "letter"]
    for src in sources:
        for doc in src.docs:
            if doc.front.type == "letter" or doc.front.related:
                continue
            chosen, others = link_related(doc, fresh + known)
            if chosen:
                doc.front.related = chosen
                problems.append(Problem(src.rel, 1, "linked to the letter it announces: "
                                        f"{chosen[0]}", "check `related:`", warning=True))
            elif others:
                problems.append(Problem(src.rel, 1, "announces one of several letters: "
                                        + ", ".join(others), "set `related:` by hand",
                                        warning=True))


def _plan_writes(root: Path, archive: Archive, sources: list[Source], problems: list[Problem],
                 force: bool) -> list[_Write]:
    """Every file to write, in order; a file that exists and differs is a problem unless it is
    a re-import of the same original with --force."""
    writes: list[_Write] = []
    for src in sources:
        for doc in src.docs:
            if doc.held:  # in the archive already, from another original: linked, not written
                continue
            existing = archive.by_slug.get(doc.slug)
            folder = existing.path.parent if existing is not None else root / "letters"
            target = folder / f"{doc.slug}.md"
            content = render(doc).encode("utf-8")
            rel = target.relative_to(root).as_posix()
            if len(content) > MAX_BYTES:
                problems.append(Problem(src.rel, doc.source_line, f"the letter would be "
                                        f"{len(content):,} bytes; the limit is {MAX_BYTES:,}",
                                        "split the document before importing it"))
                continue
            if doc is src.docs[0]:
                original = folder / f"{doc.slug}.txt"
                if original.exists() and original.read_bytes() != src.data and not force:
                    problems.append(Problem(original.relative_to(root).as_posix(), None,
                                            "exists and differs from this original",
                                            "pass --force to replace it"))
                writes.append(_Write(original, src.data))
            if target.exists() and target.read_bytes() != content and not force:
                problems.append(Problem(rel, None, "exists and differs from this import",
                                        "it may have been edited by hand; pass --force to "
                                        "overwrite it"))
            writes.append(_Write(target, content, doc))
    writes.sort(key=lambda w: w.doc is not None)  # originals first
    return writes


def _print_proposals(proposals: list[Proposal]) -> None:
    proposals = [p for p in proposals if not p.same_as]  # (each has its own error above)
    if not proposals:
        return
    print(f"\n{len(proposals)} name(s) are not in signatories.yaml; proposed entries "
          "(rerun with --add-new to append them):", file=sys.stderr)
    for p in proposals:
        print("  " + p.yaml().rstrip("\n").replace("\n", "\n  "), file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
