"""Change history from the repository: when each document was first published in the archive
and last changed, and the list of additions, corrections, renames and removals. Read with one
`git log` over ``letters/``; an archive outside a git repository (or without git) has no
history, and pages then say nothing about it — never the build time.

Commit messages are written by contributors: nothing in them may pass for a field. The log is
read with ``-z`` and one field per NUL-separated position (a message cannot hold NUL), every
commit id and status is matched exactly, dates are parsed and written out again by us (a
record whose date does not parse is dropped with a log line), and characters that XML 1.0
forbids are removed from the subject (pages and feeds escape it like any other text).

A document's history is keyed by the path the loader reads (``letters/<folder>/<slug>.md``),
never by its file name alone: another file of the same name elsewhere in ``letters/`` is
another document. A commit dated before the archive's first commit or after today is
*suspect* (committer dates are written by whoever commits): it stays in the list of changes
but never sets a document's dates, and is reported as a warning."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from undersigned.core.characters import NOT_XML
from undersigned.core.letters import read_letter
from undersigned.core.problems import Problem
from undersigned.core.textdiff import text_change

log = logging.getLogger("mkdocs.plugins.undersigned")

KINDS = {"A": "added", "M": "corrected", "D": "removed", "R": "renamed"}
_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # SHA-1 or SHA-256 repositories
_STATUS = re.compile(r"[ACDMRTUXB][0-9]{0,3}")
FORMAT = "%H%x00%cI%x00%s"
CLOCK_SKEW = timedelta(days=1)  # a commit dated later than now by more than this is suspect


@dataclass(frozen=True)
class Change:
    date: str  # YYYY-MM-DD of the commit
    time: str  # ISO 8601 committer time, as parsed and written by us
    kind: str  # added | corrected | renamed | removed
    slug: str  # the slug the change was made to
    subject: str
    commit: str
    current: str = ""  # the slug of the document in the archive now (after later renames);
    # "" when no document of the archive now is this file's (a file removed for good)
    old: str = ""  # renamed: the slug it had before
    path: str = ""  # the file changed, 'letters/<folder>/<slug>.md'
    old_path: str = ""  # renamed: the file it was before
    suspect: bool = False  # dated before the archive's first commit or after today

    @property
    def now(self) -> str:
        return self.current

    @property
    def shown(self) -> str:
        """The file's name for a document no longer in the archive: its slug, with its
        folder when it was not at the top of letters/ (never mistaken for another's)."""
        name = self.path.removeprefix("letters/").removesuffix(".md") or self.slug
        return NOT_XML.sub("", name)


@dataclass
class History:
    changes: list[Change] = field(default_factory=list)  # newest first
    first: dict[str, str] = field(default_factory=dict)  # slug -> date first published
    last: dict[str, str] = field(default_factory=dict)  # slug -> date last changed
    problems: list[Problem] = field(default_factory=list)  # warnings (suspect dates)
    head: str = ""  # the repository's HEAD commit when the log was read


def read_history(root: Path, redirects: dict[str, str] | None = None,
                 paths: dict[str, str] | None = None) -> History | None:
    """The history of ``letters/*.md`` in the repository holding ``root``, or None.
    ``redirects`` (former slug -> slug, from ``redirect_from``) join a document's history
    across a rename that git did not detect (a file removed in one commit, added in another);
    ``paths`` (repo-relative path -> slug) are the documents the archive holds now."""
    git = shutil.which("git")
    head = repository_head(root)
    if git is None or head is None:
        return None
    try:
        log_ = subprocess.run(
            [git, "-C", str(root), "-c", "core.quotepath=false", "log", "-M", "--name-status",
             "-z", "--relative", f"--format={FORMAT}", "--", "letters"],
            capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    if log_.returncode != 0:
        return None
    history = parse_log(log_.stdout.decode("utf-8", errors="replace"), redirects, paths)
    history.head = head
    return history


def repository_head(root: Path) -> str | None:
    """The commit HEAD names in the repository holding ``root`` ('' before its first commit),
    or None outside a repository (or without git)."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        found = subprocess.run([git, "-C", str(root), "rev-parse", "--show-toplevel", "HEAD"],
                               capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    out = found.stdout.split()
    if not out:
        return None
    return out[1] if found.returncode == 0 and len(out) > 1 else ""


def _when(text: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    if when.tzinfo is None or not 1900 <= when.year <= 2100:
        return None
    return when


def _slug(path: str) -> str | None:
    if path.startswith("letters/") and path.endswith(".md"):
        return NOT_XML.sub("", path.rsplit("/", 1)[-1][:-3])  # a file name goes to a feed too
    return None


def _records(text: str) -> Iterator[tuple[str, str, str, list[tuple[str, list[str]]]]]:
    """(commit, time, subject, [(status, paths)]) from ``git log -z --name-status`` with
    FORMAT: fields are taken by position, so a subject holding NUL-free bytes of any kind
    (record separators, newlines, a forged hash or date) stays the subject."""
    tokens = text.split("\0")
    i, n = 0, len(tokens)
    while i < n:
        commit = tokens[i].lstrip("\n")
        if not _COMMIT.fullmatch(commit) or i + 2 >= n:
            i += 1  # not the start of a record (never expected: git wrote it)
            continue
        when, subject = tokens[i + 1], tokens[i + 2]
        i += 3
        files: list[tuple[str, list[str]]] = []
        while i < n and _STATUS.fullmatch(tokens[i].lstrip("\n")):
            status = tokens[i].lstrip("\n")
            width = 2 if status[0] in "RC" else 1
            files.append((status, tokens[i + 1:i + 1 + width]))
            i += 1 + width
        yield commit, when, subject, files


def parse_log(text: str, redirects: dict[str, str] | None = None,
              paths: dict[str, str] | None = None, now: datetime | None = None) -> History:
    """Parse ``git log -M --name-status -z --format=FORMAT`` (newest first). ``paths``: the
    documents of the archive now (path -> slug); without it every file counts as the
    document of its slug."""
    history = History()
    later: dict[str, str] = {}  # a path -> the path it became later (renames git detected)
    redirected = dict(redirects or {})  # a former slug -> the slug it became
    live = set(paths.values()) if paths is not None else None

    def document(path: str) -> str:
        """The slug of the document the file is part of now, or ''."""
        seen = {path}
        while path in later and later[path] not in seen:
            path = later[path]
            seen.add(path)
        if paths is not None and path in paths:
            return paths[path]
        slug = _slug(path) or ""
        start, marks = slug, {slug}
        while slug in redirected and redirected[slug] not in marks:
            slug = redirected[slug]
            marks.add(slug)
        if live is None:
            return slug
        return slug if slug != start and slug in live else ""

    records = [(c, _when(w), s, f) for c, w, s, f in _records(text)]
    for commit, maybe, _s, _f in records:
        if maybe is None:
            log.warning(f"history: commit {commit[:12]} has no valid date; left out")
    dated = [(c, w, s, f) for c, w, s, f in records if w is not None]
    ceiling = (now or datetime.now(UTC)) + CLOCK_SKEW
    floor = dated[-1][1] if dated else ceiling  # the archive's first commit (oldest, last)
    for commit, when, subject, files in dated:
        stamp = when.isoformat()  # written by us from the parsed date, never git's bytes
        day = when.strftime("%Y-%m-%d")
        suspect = when < floor or when > ceiling
        subject = NOT_XML.sub("", subject).strip()
        for status, names in files:
            entry = _entry(status, names)
            if entry is None:
                continue
            kind, slug, path, old, old_path = entry
            current = document(path)
            history.changes.append(Change(day, stamp, kind, slug, subject, commit, current, old,
                                          path, old_path, suspect))
            if suspect and current:
                _suspect(history, commit, when, floor, path)
            elif kind != "removed" and current:
                history.last.setdefault(current, day)
                history.first[current] = day  # older commits come later: the last seen is first
            if old_path:  # what came before the rename belongs to the same document
                later[old_path] = path
    return history


def _entry(status: str, names: list[str]) -> tuple[str, str, str, str, str] | None:
    """(kind, slug, path, former slug, former path) of a file a commit touched, if it is a
    document's."""
    kind = KINDS.get(status[:1])
    slugs = [_slug(p) for p in names]
    if kind is None or slugs[-1] is None:
        return None
    old = old_path = ""
    if kind == "renamed":
        if slugs[0] is None:  # moved into letters/ from elsewhere: an addition
            kind = "added"
        else:
            old, old_path = slugs[0] or "", names[0]
    return kind, slugs[-1] or "", names[-1], old, old_path


def _suspect(history: History, commit: str, when: datetime, floor: datetime, path: str) -> None:
    why = (f"before the archive's first commit ({floor.date()})" if when < floor
           else "in the future")
    text = f"commit {commit[:12]} is dated {when.date()}, {why}; its date is not used"
    if not any(p.message == text for p in history.problems):
        log.warning(f"history: {text}")
    history.problems.append(Problem(
        NOT_XML.sub("", path), None, text,
        "a committer date is set by whoever commits: check that commit (git show "
        f"{commit[:12]}); the document's dates come from the other commits", warning=True))


# What changed in a document, in plain words, from the file before and after the commit:
# both front matters are read with the archive's own loader and compared field by field.

FIELD_WORDS = {"title": "title", "date": "date", "type": "type", "sender": "sender",
               "summary": "summary", "topics": "topics", "countries": "countries",
               "related": "related documents", "source": "source", "original": "source"}


def _names(value: object) -> list[str]:
    """The names of a list of parties as written (a name, or a mapping with ``name``)."""
    out = []
    for item in value if isinstance(value, list) else []:
        name = item.get("name") if isinstance(item, dict) else item
        out.append(str(name) if name is not None else "")
    return out


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _parties(before: object, after: object, one: str, many: str) -> list[str]:
    """'3 signatories added', 'name of 1 signatory corrected', 'recipient corrected' ..."""
    if before == after:
        return []
    old, new = _names(before), _names(after)
    added = sum((Counter(new) - Counter(old)).values())
    removed = sum((Counter(old) - Counter(new)).values())
    fixed = min(added, removed)
    out = []
    if fixed:
        out.append(f"{'name' if fixed == 1 else 'names'} of {_count(fixed, one, many)} "
                   "corrected")
    if added - fixed:
        out.append(_count(added - fixed, one, many) + " added")
    if removed - fixed:
        out.append(_count(removed - fixed, one, many) + " removed")
    if not out:
        out.append(f"{many} reordered" if sorted(old) == sorted(new) and old != new
                   else f"{one if len(new) == 1 else many} corrected")
    return out


def compare(before: dict[str, Any] | None, body_before: str, after: dict[str, Any] | None, body_after: str
            ) -> list[str]:
    """What differs between two versions of a document's front matter and body."""
    if before is None or after is None:
        return ["corrected"]
    out: list[str] = []
    for key in ("title", "date", "type", "sender"):
        if before.get(key) != after.get(key):
            was = before.get(key)
            shown = f" (was {was})" if key == "date" and was is not None else ""
            out.append(f"{FIELD_WORDS[key]} corrected{shown}")
    out += _parties(before.get("recipients"), after.get("recipients"), "recipient",
                    "recipients")
    out += _parties(before.get("signatories"), after.get("signatories"), "signatory",
                    "signatories")
    out += [x.replace("signatory", "signer named").replace("signatories", "signers named")
            for x in _parties(before.get("signers_named"), after.get("signers_named"),
                              "signatory", "signatories")]
    for key in ("topics", "countries", "related", "source", "summary"):
        if before.get(key) != after.get(key):
            out.append(f"{FIELD_WORDS[key]} " + ("changed" if key in ("topics", "countries",
                                                                       "related")
                                                 else "corrected"))
    if body_before.strip() != body_after.strip():
        out.append(text_change(body_before, body_after))
    return out


def _after(change: Change) -> str:
    return change.path or f"letters/{change.slug}.md"


def _before(change: Change) -> str:
    return change.old_path or (f"letters/{change.old}.md" if change.old else _after(change))


def _request(commit: str, path: str) -> str | None:
    return None if "\n" in path else f"{commit}:./{path}"


def _blobs(root: Path, requests: list[str]) -> dict[str, bytes]:
    """The content of each ``<commit>:<path>`` with one ``git cat-file --batch`` process
    (missing objects are left out)."""
    git = shutil.which("git")
    if git is None or not requests:
        return {}
    unique = list(dict.fromkeys(requests))
    try:
        run = subprocess.run([git, "-C", str(root), "cat-file", "--batch"],
                             input="\n".join(unique).encode("utf-8") + b"\n",
                             capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return {}
    if run.returncode != 0:
        return {}
    out, data, at = {}, run.stdout, 0
    for request in unique:
        end = data.find(b"\n", at)
        if end < 0:
            break
        header = data[at:end].split(b" ")
        at = end + 1
        if len(header) == 3 and header[1] == b"blob" and header[2].isdigit():
            size = int(header[2])
            out[request] = data[at:at + size]
            at += size + 1  # the content, then a newline
    return out


def _front(data: bytes | None, path: str, root: Path) -> tuple[dict[str, Any] | None, str]:
    if data is None:
        return None, ""
    source, _problems = read_letter(root / path, path, root, data=data)
    if source is None or not isinstance(source.front.data, dict):
        return None, ""
    return source.front.data, source.body


def describe(root: Path, changes: list[Change]) -> dict[tuple[str, str], str]:
    """(commit, slug) -> what the change did to the document, in plain words ('Title
    corrected; 3 signatories added.'), from the file at the commit and at its parent."""
    wanted: list[tuple[Change, str | None, str | None]] = []
    for change in changes:  # an addition or a removal says so by its label: no versions read
        if change.kind in ("added", "removed"):
            continue
        wanted.append((change, _request(f"{change.commit}^", _before(change)),
                       _request(change.commit, _after(change))))
    blobs = _blobs(root, [r for _c, b, a in wanted for r in (b, a) if r])
    out = {}
    for change, before, after in wanted:
        old, old_body = _front(blobs.get(before or ""), _before(change), root)
        new, new_body = _front(blobs.get(after or ""), _after(change), root)
        words = [f"renamed from {change.old}"] if change.old else []
        if old is not None and new is not None:
            old.pop("redirect_from", None)
            new.pop("redirect_from", None)
        diff = compare(old, old_body, new, new_body)
        words += [] if change.old and diff == ["corrected"] else diff
        if not words:
            words = ["file rewritten, the document unchanged"]
        text = "; ".join(words)
        out[(change.commit, change.slug)] = text[:1].upper() + text[1:] + "."
    return out
