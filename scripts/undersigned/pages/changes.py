"""/changes/: what was added to the archive, corrected or removed, newest first, from the
repository history (history.py); the same as an Atom feed, /changes.xml."""

from __future__ import annotations

from html import escape
from itertools import groupby
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from undersigned.core.config import read_config
from undersigned.core.history import describe
from undersigned.core.urls import letter_uri
from undersigned.pages.common import Page, attr, front, link

if TYPE_CHECKING:
    from undersigned.core.archive import Archive
    from undersigned.core.history import Change

CHANGES_URI = "changes/index.md"
CHANGES_SHOWN = 200  # entries on the page (the page stays small at any size of the archive)
FEED_SIZE = 50
LABELS = {"added": "Added", "corrected": "Corrected", "renamed": "Renamed", "removed": "Removed"}


def _title(archive: Archive, change: Change) -> str:
    letter = archive.by_slug.get(change.now)
    return letter.title if letter else change.shown


def _label(archive: Archive, change: Change) -> str:
    """A removed slug that now redirects to a document was renamed, not removed; and the
    document it became was renamed, not added."""
    if change.kind == "removed" and change.now != change.slug and change.now in archive.by_slug:
        return LABELS["renamed"]
    if change.kind == "added" and _renamed_from(archive, change):
        return LABELS["renamed"]  # (its first addition, under the old name, is an addition)
    return LABELS[change.kind]


def _renamed_from(archive: Archive, change: Change) -> list[str]:
    """The former slugs of a document added under a new name (its redirect_from that the
    history shows removed)."""
    letter = archive.by_slug.get(change.now)
    if letter is None or not letter.redirect_from or archive.history is None:
        return []
    removed = archive.__dict__.get("_removed_slugs")
    if removed is None:
        removed = archive.__dict__["_removed_slugs"] = {
            c.slug for c in archive.history.changes if c.kind == "removed"}
    return [old for old in letter.redirect_from if old in removed and old != change.slug]


def listed(archive: Archive, changes: list[Change]) -> list[Change]:
    """The changes to list: a rename once (its removal of the old name goes with the
    addition of the new one in the same commit)."""
    moved = {(c.commit, old) for c in changes if c.kind == "added"
             for old in _renamed_from(archive, c)}
    return [c for c in changes if not (c.kind == "removed" and (c.commit, c.slug) in moved)]


def _former(archive: Archive, change: Change) -> str:
    """' (formerly old-slug)' for a rename, else ''."""
    old = change.old or (change.slug if change.kind == "removed" and change.now != change.slug
                         else "")
    return f" (formerly {old})" if old and change.now in archive.by_slug else ""


def notes(archive: Archive) -> dict[tuple[str, str], str]:
    """(commit, slug) -> what changed in the document, for the changes listed (history.py)."""
    known = archive.__dict__.get("_change_notes")
    if known is None:
        history = archive.history
        known = describe(archive.root, history.changes[:CHANGES_SHOWN]) if history else {}
        archive.__dict__["_change_notes"] = known
    return known


def repository(archive: Archive) -> str:
    """The repository's web address (mkdocs.yml ``extra.source_repository``), or ''."""
    repo = (read_config(archive.root).get("extra") or {}).get("source_repository")
    return repo.rstrip("/") if isinstance(repo, str) and repo.startswith(("https://",
                                                                          "http://")) else ""


# what a change says when the document's versions tell nothing more (its label says the rest)
DEFAULT_NOTES = {"added": "New in the archive.", "corrected": "Corrected.",
                 "renamed": "Renamed.", "removed": "No longer in the archive."}


def _what(archive: Archive, change: Change) -> str:
    """What the change did to the document, in plain words (never the commit message)."""
    if change.kind == "removed" and _label(archive, change) == LABELS["renamed"]:
        return f"Moved to a new address ({change.now})."
    former = _renamed_from(archive, change) if change.kind == "added" else []
    if former:
        return f"Renamed from {', '.join(former)} (the old address leads here)."
    return notes(archive).get((change.commit, change.slug), DEFAULT_NOTES[change.kind])


def render_changes(archive: Archive) -> Page:
    here = CHANGES_URI
    out = [front({"title": "Changes", "description": "Documents added to the Undersigned "
                  "archive, corrected or removed, newest first, from its repository history."}),
           "# Changes\n\n"]
    history = archive.history
    if history is None:
        out.append('<p class="us-note">This copy of the archive is not in a git repository, '
                   "so its change history cannot be shown.</p>\n")
        return Page(here, "".join(out))
    shown = listed(archive, history.changes[:CHANGES_SHOWN])
    repo = repository(archive)
    out.append('<p class="us-note">Every addition and correction of a document, from the '
               "repository history, with what changed in the document"
               + (" and a link to the change itself" if repo else "")
               + f"; {len(history.changes):,} in all"
               + (f", the newest {len(shown)} listed" if len(shown) < len(history.changes)
                  else "")
               + '. Also as an Atom feed: <a href="../changes.xml">changes.xml</a>.</p>\n\n')
    for day, group in groupby(shown, key=lambda c: c.date):
        out.append(f"## {day}\n\n<ul class=\"us-changes\">")
        for change in group:
            title = _title(archive, change)
            target = (link(here, letter_uri(change.now), title)
                      if change.now in archive.by_slug else escape(title))
            diff = (f' (<a href="{attr(f"{repo}/commit/{change.commit}")}">changes in commit '
                    f"{change.commit[:7]}</a>)" if repo else "")
            out.append(f"<li><strong>{_label(archive, change)}</strong>: {target} — "
                       f'<span class="us-what">{escape(_what(archive, change))}</span>{diff}</li>')
        out.append("</ul>\n\n")
    return Page(here, "".join(out))


def changes_feed(archive: Archive, site_url: str) -> str:
    """Atom feed of the newest changes (no entries without a history)."""
    history = archive.history
    base = site_url.rstrip("/")
    newest = listed(archive, history.changes[:FEED_SIZE]) if history else []
    repo = repository(archive) if newest else ""
    dated = [c.time for c in newest if not c.suspect]  # a date in the future is no update
    updated = dated[0] if dated else "1970-01-01T00:00:00Z"
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom">',
           "  <title>Undersigned: additions and corrections</title>",
           f"  <id>{xml_escape(base)}/changes/</id>",
           f"  <link rel=\"alternate\" href={quoteattr(base + '/changes/')}/>",
           f"  <link rel=\"self\" href={quoteattr(base + '/changes.xml')}/>",
           f"  <updated>{xml_escape(updated)}</updated>",
           "  <author><name>Undersigned editors</name></author>"]
    for change in newest:
        url = f"{base}/letters/{change.now}/" if change.now in archive.by_slug \
            else f"{base}/changes/"
        out += ["  <entry>",
                f"    <title>{_label(archive, change)}: "
                f"{xml_escape(_title(archive, change) + _former(archive, change))}</title>",
                f"    <id>{xml_escape(f'{base}/changes/#{change.commit}-{change.slug}')}</id>",
                f"    <link rel=\"alternate\" href={quoteattr(url)}/>",
                f"    <updated>{xml_escape(change.time)}</updated>",
                f"    <summary>{xml_escape(_what(archive, change))}</summary>"]
        if repo:
            out.append(f"    <link rel=\"related\" title=\"the change in the repository\" "
                       f"href={quoteattr(f'{repo}/commit/{change.commit}')}/>")
        out.append("  </entry>")
    out += ["</feed>", ""]
    return "\n".join(out)
