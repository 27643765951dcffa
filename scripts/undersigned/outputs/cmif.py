"""CMIF (TEI Correspondence Metadata Interchange Format) for correspSearch harvesting."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

if TYPE_CHECKING:
    from undersigned.core.archive import Archive

TEI_NS = "http://www.tei-c.org/ns/1.0"
BIOGUIDE = "https://bioguide.congress.gov/search/bio/{}"
WIKIDATA = "http://www.wikidata.org/entity/{}"


def _agent(archive: Archive, entity_id: str, name: str) -> str:
    entity = archive.registry.get(entity_id)
    ref = ""
    if entity and entity.bioguide:
        member = archive.legislators.get(entity.bioguide)
        if member and member.wikidata:
            ref = WIKIDATA.format(member.wikidata)
        else:
            ref = BIOGUIDE.format(entity.bioguide)
    elif entity and entity.wikidata:
        ref = WIKIDATA.format(entity.wikidata)
    tag = "orgName" if entity and entity.kind == "organization" else "persName"
    attr = f" ref={quoteattr(ref)}" if ref else ""
    return f"<{tag}{attr}>{escape(name)}</{tag}>"


def cmif_xml(archive: Archive, site_url: str,
             contact: str = "editors@undersigned.invalid") -> Iterator[str]:
    """The CMIF file in pieces (one per 500 letters)."""
    base = site_url.rstrip("/")
    letters = [x for x in archive.letters if x.type == "letter"]
    newest = max((x.date for x in archive.letters), default=None)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<TEI xmlns="{TEI_NS}">',
        "  <teiHeader>",
        "    <fileDesc>",
        "      <titleStmt>",
        "        <title>Undersigned: sign-on letters on human rights, migration and security "
        "in Mexico and Central America</title>",
        f"        <editor>Undersigned editors<email>{escape(contact)}</email></editor>",
        "      </titleStmt>",
        "      <publicationStmt>",
        f"        <publisher><ref target={quoteattr(base + '/')}>Undersigned</ref></publisher>",
        f"        <idno type=\"url\">{escape(base)}/data/cmif.xml</idno>",
        f'        <date when="{newest.isoformat() if newest else "1970-01-01"}"/>',
        "        <availability>",
        '          <licence target="https://creativecommons.org/publicdomain/zero/1.0/">'
        "CC0 1.0 Universal: the data is dedicated to the public domain</licence>",
        "        </availability>",
        "      </publicationStmt>",
        "      <sourceDesc>",
        f'        <bibl type="online" xml:id="undersigned">Undersigned archive. '
        f"<ref target={quoteattr(base + '/')}>{escape(base)}/</ref></bibl>",
        "      </sourceDesc>",
        "    </fileDesc>",
        "    <profileDesc>",
    ]
    for n, letter in enumerate(letters, start=1):
        if n % 500 == 0:
            yield "\n".join(out) + "\n"
            out = []
        url = f"{base}/letters/{letter.slug}/"
        out.append(f'      <correspDesc ref={quoteattr(url)} source="#undersigned">')
        out.append('        <correspAction type="sent">')
        senders = [(s.id, s.name) for s in letter.signatures]
        for entity_id, name in senders:
            out.append("          " + _agent(archive, entity_id, name))
        if not senders:
            out.append(f"          <orgName>{escape(letter.sender)}</orgName>")
        out.append(f'          <date when="{letter.date.isoformat()}"/>')
        out.append("        </correspAction>")
        if letter.recipients:
            out.append('        <correspAction type="received">')
            for rec in letter.recipients:
                out.append("          " + _agent(archive, rec.id, rec.name))
            out.append("        </correspAction>")
        out.append("      </correspDesc>")
    out += ["    </profileDesc>", "  </teiHeader>", "  <text>", "    <body>", "      <p/>",
            "    </body>", "  </text>", "</TEI>", ""]
    yield "\n".join(out)
