"""Atom feed of the newest documents."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from undersigned.pages.letter import description

if TYPE_CHECKING:
    from undersigned.core.archive import Archive

FEED_SIZE = 50


def atom_feed(archive: Archive, site_url: str) -> str:
    base = site_url.rstrip("/")
    newest = archive.newest_first[:FEED_SIZE]
    updated = f"{newest[0].date.isoformat()}T00:00:00Z" if newest else "1970-01-01T00:00:00Z"
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "  <title>Undersigned: newest documents</title>",
        f"  <id>{escape(base)}/</id>",
        f"  <link rel=\"alternate\" href={quoteattr(base + '/')}/>",
        f"  <link rel=\"self\" href={quoteattr(base + '/feed.xml')}/>",
        f"  <updated>{updated}</updated>",
        "  <author><name>Undersigned editors</name></author>",
    ]
    for letter in newest:
        url = f"{base}/letters/{letter.slug}/"
        out += [
            "  <entry>",
            f"    <title>{escape(letter.title)}</title>",
            f"    <id>{escape(url)}</id>",
            f"    <link rel=\"alternate\" href={quoteattr(url)}/>",
            f"    <updated>{letter.date.isoformat()}T00:00:00Z</updated>",
            f"    <published>{letter.date.isoformat()}T00:00:00Z</published>",
            f"    <summary>{escape(description(letter))}</summary>",
        ]
        out += [f"    <category term={quoteattr(t)}/>" for t in letter.topics]
        out.append("  </entry>")
    out += ["</feed>", ""]
    return "\n".join(out)
