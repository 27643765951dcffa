"""The slugs of the documents an import writes: a re-import keeps its slug, a different
document never takes another's (see choose_slugs)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from undersigned.convert.document import ConvertedDocument
from undersigned.core.names import bare_tokens
from undersigned.core.problems import Problem

if TYPE_CHECKING:
    from undersigned.core.archive import Archive


@dataclass
class Source:
    """One input of `import`: its name in messages, its bytes, its converted documents."""

    rel: str
    data: bytes
    docs: list[ConvertedDocument]


def _held(archive: Archive, doc: ConvertedDocument, slug: str) -> bool:
    """Is ``doc``, a letter a release reproduces, the letter ``slug`` of the archive, imported
    from another original (the same title, date and signers' family names)?"""
    letter = archive.by_slug.get(slug)
    if doc.role != "embedded" or letter is None or letter.type != "letter" \
            or not letter.original:  # (a re-import of its own original keeps the slug before)
        return False
    return _families(s.name for s in letter.signatures) == _families(
        s.name for s in doc.front.signatories) != set()


def _families(names: Iterable[str]) -> set[str]:
    return {tokens[-1] for tokens in (bare_tokens(n) for n in names) if tokens}


def existing_original(root: Path, archive: Archive, slug: str) -> tuple[Path | None, bytes | None]:
    """The file of an existing letter with ``slug`` and the bytes of its original, if any."""
    letter = archive.by_slug.get(slug)
    path = letter.path if letter is not None else root / "letters" / f"{slug}.md"
    if not path.is_file():
        return None, None
    if letter is not None and letter.original:
        return path, (root / letter.original).read_bytes()
    txt = path.with_suffix(".txt")  # a letter that does not load names its original by slug
    return path, txt.read_bytes() if txt.is_file() and not txt.is_symlink() else None


def choose_slugs(root: Path, archive: Archive, sources: list[Source], problems: list[Problem]) -> None:
    """A re-import of the same original keeps its slug. A document whose title and date give
    the slug of a different document (in the archive, or of another file of this run) is an
    error: two documents would be told apart only by '-2'. Letters one file reproduces under
    one title get -2, -3, ... (the release is their shared original)."""
    taken: dict[str, bytes] = {}
    by_size: dict[int, list[Path]] = {}  # the archive's originals (compared only when sizes match)
    for txt in (root / "letters").glob("*.txt"):
        by_size.setdefault(txt.stat().st_size, []).append(txt)
    for src in sources:
        mine: set[str] = set()
        copies = [p for p in by_size.get(len(src.data), []) if p.read_bytes() == src.data]
        if copies and all(p.stem != src.docs[0].slug for p in copies):
            problems.append(Problem(src.rel, None, "this text is already in the archive as "
                                    + ", ".join(f"letters/{p.name}" for p in copies),
                                    "if it is the same document, it needs no second import "
                                    "(re-import it under its own title to update it)",
                                    warning=True))
        for doc in src.docs:
            base = doc.slug
            slug, n = base, 2
            while True:
                if slug in taken:
                    same = taken[slug] == src.data
                else:
                    path, original = existing_original(root, archive, slug)
                    orphan = (root / "letters" / f"{slug}.txt")
                    if path is None and not orphan.exists():
                        break
                    same = original == src.data or (path is None and orphan.is_file()
                                                    and orphan.read_bytes() == src.data)
                if same and slug not in taken:
                    break
                slug, n = f"{base}-{n}", n + 1
            if slug != base and base not in mine and _held(archive, doc, base):
                doc.fixed_slug, doc.held = base, True
                letter = archive.by_slug[base]
                problems.append(Problem(
                    src.rel, doc.source_line, f"the letter it reproduces is in the archive "
                    f"already: letters/{base}.md (its original: {letter.original}, the same "
                    "title, date and signers); the release is linked to it and the letter is "
                    "not written again", "check `related:` of the release", warning=True))
                continue
            if slug != base and base not in mine:
                held = (f"letters/{base}.md is another document" if (
                    root / "letters" / f"{base}.md").exists() else
                    f"letters/{base}.txt is another original")
                problems.append(Problem(
                    src.rel, doc.source_line, f"{held} with "
                    f"this title and date ('{doc.front.title}', {doc.front.date})",
                    "give this one a title that tells them apart: --title \"...\" (what or "
                    "whom it is about); if it is the same document, it is in the archive "
                    "already"))
            elif slug != base:
                problems.append(Problem(src.rel, doc.source_line, f"'{base}' is the slug of "
                                        f"another letter of this file; this one gets '{slug}'",
                                        "edit its title in the file written if you prefer "
                                        "another", warning=True))
            doc.fixed_slug = slug
            mine.add(base)
            taken[slug] = src.data
