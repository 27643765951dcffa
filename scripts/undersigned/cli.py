"""The `undersigned` command line: import, check, render, new."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
from pathlib import Path

from .archive import find_root, load_archive
from .convert import Options, convert_text
from .convert.document import Document, render
from .legislators import load_legislators
from .model import TYPES
from .problems import Problem, report
from .registry_edit import append_entries
from .resolve import Resolution, Resolver, letter_meta, link_related


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="undersigned", description=__doc__)
    parser.add_argument("--root", type=Path, help="archive root (default: nearest mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)

    imp = sub.add_parser("import", help="convert plain text into letters/<slug>.md")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE.txt")
    imp.add_argument("--title", help="title, when the text has no headline")
    imp.add_argument("--date", type=_date, help="date YYYY-MM-DD, when the text has none")
    imp.add_argument("--type", choices=TYPES, help="document type of the main document")
    imp.add_argument("--url", help="where the document was published")
    imp.add_argument("--sender", help="who sent or issued it")
    imp.add_argument("--dry-run", action="store_true", help="write nothing; print Markdown")
    imp.add_argument("--json", action="store_true", help="with --dry-run: print a JSON array")
    imp.add_argument("--force", action="store_true", help="overwrite existing letter files")
    imp.add_argument("--add-new", action="store_true",
                     help="append proposed new names to signatories.yaml")

    chk = sub.add_parser("check", help="validate the whole archive")
    chk.add_argument("--github", action="store_true", help="also print GitHub annotations")

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
    if args.command == "check":
        return cmd_check(root, args.github)
    if args.command == "import":
        return cmd_import(root, args)
    if args.command == "render":
        from .site import render_to_dir

        return render_to_dir(root, args.out)
    if args.command == "new":
        from .scaffold import new_letter

        return new_letter(root, args.title, args.date, args.type, args.force)
    return 2  # pragma: no cover


def cmd_check(root: Path, github: bool = False) -> int:
    archive = load_archive(root)
    errors = [p for p in archive.problems if not p.warning]
    warnings = [p for p in archive.problems if p.warning]
    for problem in sorted(warnings):
        print(f"warning: {problem}", file=sys.stderr)
    if github:
        for problem in sorted(archive.problems):
            print(problem.annotation())
    if errors:
        print(report(errors))
        return 1
    n = len(archive.letters)
    print(f"ok: {n} document{'s' if n != 1 else ''}, {len(archive.registry.entities)} registry "
          f"entries, {len(archive.topics)} topics; no problems.")
    return 0


def cmd_import(root: Path, args: argparse.Namespace) -> int:
    archive = load_archive(root)
    keywords = {t.id: list(t.keywords) for t in archive.topics.values()}
    resolver = Resolver(archive.registry, load_legislators())
    resolution = Resolution()
    problems: list[Problem] = []
    planned: list[tuple[Path, Path, Document, str | None]] = []  # (source, target, doc, original)
    fatal = False
    options = Options(title=args.title, date=args.date, type=args.type, url=args.url,
                      sender=args.sender)
    all_docs = []
    for path in args.files:
        rel = path.as_posix()
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(rel, None, f"cannot read: {exc}", "give a UTF-8 text file"))
            fatal = True
            continue
        result = convert_text(text, source=rel, options=options, topics=archive.topics,
                              keywords=keywords)
        errors = [p for p in result.problems if not p.warning]
        problems += result.problems
        if errors:
            fatal = True
            continue
        docs = result.documents
        main = docs[0]
        for doc in docs:
            resolver.resolve(doc, rel, resolution)
        embedded = [d.slug for d in docs if d.role == "embedded"]
        if main.metadata["type"] != "letter" and embedded:
            main.metadata["related"] = embedded
        for doc in docs:
            source = doc.metadata.setdefault("source", {})
            source["original"] = f"{main.slug}.txt"
            doc.metadata["source"] = {k: source[k] for k in ("original", "url", "publisher")
                                      if source.get(k)}
        all_docs.append((path, docs))
    known = [(x.slug, letter_meta(x)) for x in archive.letters if x.type == "letter"]
    fresh = [(d.slug, d.metadata) for _p, docs in all_docs for d in docs
             if d.metadata["type"] == "letter"]
    for path, docs in all_docs:
        for doc in docs:
            if doc.metadata["type"] != "letter" and not doc.metadata.get("related"):
                chosen, others = link_related(doc, fresh + known)
                if chosen:
                    doc.metadata["related"] = chosen
                    problems.append(Problem(path.as_posix(), 1, f"linked to the letter it "
                                            f"announces: {chosen[0]}", "check `related:`",
                                            warning=True))
                elif others:
                    problems.append(Problem(path.as_posix(), 1, "announces one of several "
                                            "letters: " + ", ".join(others),
                                            "set `related:` by hand", warning=True))
            planned.append((path, root / "letters" / f"{doc.slug}.md", doc,
                            docs[0].slug if doc is docs[0] else None))
    problems += resolution.problems
    if any(not p.warning for p in resolution.problems):
        fatal = True  # the files are still written; the names need a decision
    slugs = [t.name for _s, t, _d, _o in planned]
    for _s, target, _d, _o in planned:
        if slugs.count(target.name) > 1:
            problems.append(Problem(target.relative_to(root).as_posix(), None,
                                    "two imported documents would get this same slug",
                                    "pass a distinct --title for one of them"))
            fatal = True
            break
    for problem in sorted(problems, key=lambda p: (p.path, p.line or 0)):
        label = "note" if problem.warning else "error"
        print(f"{label}: {problem}", file=sys.stderr)
    new_entries = resolution.proposals
    if args.dry_run:
        if args.json:
            payload = [{"path": target.relative_to(root).as_posix(),
                        "metadata": json.loads(json.dumps(doc.ordered(), default=str)),
                        "body": doc.body.strip() + "\n"} for _s, target, doc, _o in planned]
            print(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            print("\n".join(render(doc) for _s, _t, doc, _o in planned), end="")
        _print_proposals(new_entries)
        return 1 if fatal else 0
    written = 0
    for source, target, doc, original in planned:
        text = render(doc)
        rel = target.relative_to(root).as_posix()
        if target.exists() and target.read_text(encoding="utf-8") != text and not args.force:
            print(f"error: {rel}: exists and differs from this import\n  hint: it may have been "
                  "edited by hand; pass --force to overwrite it", file=sys.stderr)
            fatal = True
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        unchanged = target.exists() and target.read_text(encoding="utf-8") == text
        target.write_text(text, encoding="utf-8")
        if original:
            copy = target.with_name(f"{original}.txt")
            if copy.exists() and copy.read_bytes() != source.read_bytes() and not args.force:
                print(f"error: {copy.relative_to(root).as_posix()}: exists and differs\n  hint: "
                      "pass --force to overwrite it", file=sys.stderr)
                fatal = True
            else:
                shutil.copyfile(source, copy)
        n = len(doc.metadata.get("signatories") or [])
        print(f"{'unchanged' if unchanged else 'wrote'} {rel} ({doc.metadata['type']}, "
              f"{n} signator{'y' if n == 1 else 'ies'})")
        written += 1
    if new_entries:
        if args.add_new:
            append_entries(root / "signatories.yaml", new_entries)
            print(f"added {len(new_entries)} new entr{'y' if len(new_entries) == 1 else 'ies'} "
                  "to signatories.yaml; review them (kind, name) before committing")
        else:
            _print_proposals(new_entries)
    print("next: review the front matter, then run `undersigned check`", file=sys.stderr)
    return 1 if fatal else 0


def _print_proposals(proposals) -> None:
    if not proposals:
        return
    print(f"\n{len(proposals)} name(s) are not in signatories.yaml; proposed entries "
          "(rerun with --add-new to append them):", file=sys.stderr)
    for p in proposals:
        print("  " + p.yaml().rstrip("\n").replace("\n", "\n  "), file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
