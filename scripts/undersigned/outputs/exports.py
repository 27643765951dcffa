"""Data exports written into the built site: JSON, CSV, JSON Schema, Frictionless datapackage."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from undersigned.core.archive import redirects
from undersigned.core.countries import country_name
from undersigned.core.csvcells import safe_cell
from undersigned.core.fields import CSV_COLUMNS, Row, csv_row, json_record
from undersigned.core.offices import office_of, recipient_office
from undersigned.core.release import data_release
from undersigned.core.schema import LETTER_SCHEMA
from undersigned.outputs.cmif import cmif_xml
from undersigned.outputs.feed import atom_feed
from undersigned.outputs.names import name_files
from undersigned.outputs.network import EDGE_FIELDS, GROUP_SIZE
from undersigned.outputs.search import shard_ranges
from undersigned.pages.changes import changes_feed
from undersigned.pages.cite import page_url
from undersigned.pages.common import TYPE_LABELS

if TYPE_CHECKING:
    from undersigned.core.archive import Archive
    from undersigned.core.model import Letter

SIGNATURE_FIELDS = ["slug", "date", "signatory_id", "name_as_printed", "position", "kind",
                    "bioguide", "chamber", "state", "district", "party", "role_as_printed",
                    "group_as_printed"]
LETTER_FIELDS = list(CSV_COLUMNS)


def _row(archive: Archive, letter: Letter, site_url: str) -> Row:
    offices = [office_of(archive, letter, r) for r in letter.recipients]
    return Row(letter, page_url(site_url, letter.slug),
               [x.slug for x in archive.related.get(letter.slug, [])],
               [o.id if o else "" for o in offices])


def letter_record(archive: Archive, letter: Letter, site_url: str) -> dict[str, Any]:
    """A document of letters.json, its keys as the field table's columns declare them."""
    return json_record(_row(archive, letter, site_url))


def signature_rows(archive: Archive) -> Iterator[dict[str, Any]]:
    for letter in archive.letters:
        for sig in letter.signatures:
            entity = archive.registry.get(sig.id)
            term = archive.role_on(entity, letter)
            yield {
                "slug": letter.slug, "date": letter.date.isoformat(), "signatory_id": sig.id,
                "name_as_printed": sig.name, "position": sig.position,
                "kind": entity.kind if entity else "", "bioguide": entity.bioguide or "" if entity else "",
                "chamber": term.chamber if term else "", "state": term.state if term else "",
                "district": "" if not term or term.district is None or term.type == "sen"
                else term.district,
                "party": term.party if term else "", "role_as_printed": sig.role or "",
                "group_as_printed": sig.group or "",
            }


def _csv(fields: list[str], rows: Iterable[dict[str, Any]], batch: int = 2000) -> Iterator[str]:
    """CSV text in pieces of ``batch`` rows (a large archive's file is never held whole)."""
    fields_set = set(fields)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(fields)
    for n, row in enumerate(rows, start=1):
        if row.keys() != fields_set:  # (what DictWriter would refuse or fill)
            raise ValueError(f"CSV row fields {sorted(row)} are not {fields}")
        writer.writerow([safe_cell(row[k]) for k in fields])
        if n % batch == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def letters_csv(archive: Archive, site_url: str) -> Iterator[str]:
    return _csv(LETTER_FIELDS, _letter_rows(archive, site_url))


def _letter_rows(archive: Archive, site_url: str) -> Iterator[dict[str, Any]]:
    for letter in archive.letters:
        yield csv_row(_row(archive, letter, site_url))


def signatories_json(archive: Archive) -> Iterator[dict[str, Any]]:
    for entity_id in sorted(archive.registry.entities):
        e = archive.registry.entities[entity_id]
        record = {"id": e.id, "name": e.name, "kind": e.kind, "aliases": list(e.aliases),
                  "letters": [x.slug for x, _s in reversed(archive.signed.get(e.id, []))],
                  "received": [x.slug for x in reversed(archive.received.get(e.id, []))]}
        for key in ("description", "bioguide", "url", "wikidata", "sort"):
            if getattr(e, key):
                record[key] = getattr(e, key)
        yield record


_FIELD_TYPES = {"position": "integer", "date": "date", "district": "integer",
                "signatory_count": "integer"}


def datapackage(archive: Archive) -> dict[str, Any]:
    def schema(fields: list[str], key: list[str]) -> dict[str, Any]:
        return {"fields": [{"name": f, "type": _FIELD_TYPES.get(f, "string")} for f in fields],
                "primaryKey": key}

    version = data_release(archive)
    return {
        "name": "undersigned",
        "title": "Undersigned: sign-on letters and press releases",
        **({"version": version} if version else {}),
        "licenses": [{"name": "CC0-1.0", "title": "Public domain dedication (data)"}],
        "resources": [
            {"name": "letters", "path": "letters.csv", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", "schema": schema(LETTER_FIELDS, ["slug"])},
            {"name": "signatures", "path": "signatures.csv", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8",
             "schema": {**schema(SIGNATURE_FIELDS, ["slug", "position"]),
                        "foreignKeys": [{"fields": "slug",
                                         "reference": {"resource": "letters", "fields": "slug"}}]}},
            {"name": "cosigning", "path": "cosigning.csv", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8",
             "description": "The co-signing network: one row per pair of signers of at least "
                            "one document together (registry ids, source < target, and their "
                            "names); weight = documents both signed; named = documents that "
                            "name both as signers of a letter, one of them or both only named "
                            "by a release. A "
                            f"document of more than {GROUP_SIZE} signatories adds no pairs but "
                            "one row per signatory with target 'document:<slug>' and weight 1. "
                            "The same network as GraphML: cosigning.graphml.",
             "schema": {"fields": [{"name": f, "type": "integer" if f in ("weight", "named")
                                    else "string"} for f in EDGE_FIELDS],
                        "primaryKey": ["source", "target"]}},
        ],
    }


def search_facets(archive: Archive) -> dict[str, Any]:
    """Facet values with counts for the search page (small: loaded with the page). Topics are
    filtered by id: ``topic`` counts by id, ``topic_titles`` gives each id's title; ``office``
    counts the offices of recipients, ``office_people`` names who held each (registry name, or
    the name as printed for an unresolved recipient)."""

    def count(values: Iterable[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for value in values:
            out[value] = out.get(value, 0) + 1
        return dict(sorted(out.items()))

    topics = count(t for x in archive.letters for t in x.topics)
    offices = count(o for x in archive.letters
                    for o in dict.fromkeys(recipient_office(archive, r, x) for r in x.recipients
                                           if r.role))
    people: dict[str, dict[str, str | None]] = {}
    for x in archive.letters:
        for r in x.recipients:
            if r.role:
                e = archive.registry.entities.get(r.id) if r.id else None
                people.setdefault(recipient_office(archive, r, x), {})[r.id or r.name] = \
                    None if e is None else e.name
    countries = count(c for x in archive.letters for c in dict.fromkeys(x.countries))
    return {
        "type": count(TYPE_LABELS[x.type] for x in archive.letters),
        "year": count(str(x.year) for x in archive.letters),
        "topic": topics,
        "topic_titles": {t: archive.topics[t].title for t in topics if t in archive.topics},
        "month": count(x.date.isoformat()[:7] for x in archive.letters),
        # a recipient's office (the role a document gives it) and who held it; countries by
        # code, with their names
        "office": offices,
        "office_people": {o: [people[o][i] or i for i in sorted(people[o], key=archive.sort_name)]
                          for o in offices},
        "country": countries,
        "country_names": {c: country_name(c) for c in countries},
        # the index's shards, oldest first: folder (merged into /pagefind/ at query time),
        # first and last date, documents; the search page asks the newest first
        "shards": shard_ranges(archive),
    }


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def dumps_list(items: Iterable[Any], batch: int = 500) -> Iterator[str]:
    """``dumps(list(items))`` in pieces, byte for byte, without holding the list or the text."""
    pieces: list[str] = []
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n ")
        pieces.append(("[\n " if first else ",\n ") + text)
        first = False
        if len(pieces) >= batch:
            yield "".join(pieces)
            pieces = []
    pieces.append("[]\n" if first else "\n]\n")
    yield "".join(pieces)


def redirect_page(old: str, letter: Letter) -> str:
    """A static page at /letters/<old>/ that sends readers and crawlers to the document's
    current URL (meta refresh + canonical link; a visible link without refresh)."""

    target = f"../{letter.slug}/"
    return ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>Moved: {escape(letter.title)}</title>\n"
            f'<meta name="description" content="Moved to /letters/{letter.slug}/: '
            f'{escape(letter.title)}">\n'
            '<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{target}">\n'
            f'<meta http-equiv="refresh" content="0; url={target}">\n</head>\n<body>\n'
            f'<p>This document has moved to <a href="{target}">{escape(letter.title)}</a>.</p>\n'
            "</body>\n</html>\n")


def data_files(archive: Archive, site_url: str) -> Iterator[tuple[str, Iterable[str]]]:
    """(site path, content in pieces) of every data export, feed and redirect page: each file
    is produced only when asked for and may be written a piece at a time (memory stays that
    of one piece, not of the archive's exports)."""

    yield "changes.xml", [changes_feed(archive, site_url)]
    for old, letter in redirects(archive):
        yield f"letters/{old}/index.html", [redirect_page(old, letter)]
    yield "data/letters.json", dumps_list(letter_record(archive, x, site_url)
                                          for x in archive.letters)
    yield "data/signatories.json", dumps_list(signatories_json(archive))
    yield "data/letters.csv", letters_csv(archive, site_url)
    yield "data/signatures.csv", _csv(SIGNATURE_FIELDS, signature_rows(archive))
    yield "data/letter.schema.json", [dumps(LETTER_SCHEMA)]
    yield "data/datapackage.json", [dumps(datapackage(archive))]
    yield "data/cmif.xml", cmif_xml(archive, site_url)
    yield "feed.xml", [atom_feed(archive, site_url)]
    yield "search/facets.json", [json.dumps(search_facets(archive), ensure_ascii=False)]
    for uri, text in name_files(archive):  # the name index: search/names.json, search/names/
        yield uri, [text]


def write_pieces(files: Iterable[tuple[str, Iterable[str]]], folder: Path) -> Iterator[tuple[str, Path]]:
    """Write each (site path, pieces) under ``folder``; yield (site path, file written)."""
    for uri, pieces in files:
        target = folder.joinpath(*uri.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="") as out:
            for piece in pieces:
                out.write(piece)
        yield uri, target


def data_texts(archive: Archive, site_url: str) -> dict[str, str]:
    """Every data file as one text (tests and small archives)."""
    return {uri: "".join(pieces) for uri, pieces in data_files(archive, site_url)}
