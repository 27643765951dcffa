"""The fields of a letter's front matter, declared once.

``FIELDS`` is the table: each row names a front-matter key, its kind of value, whether it is
required, what it means and where a built ``Letter`` keeps it. Everything else is derived:

- the JSON Schema (`core/schema.py`, published as /data/letter.schema.json),
- the fast validity check (`quick_valid`: each kind's own check, never more lenient than its
  schema; a kind without one sends the letter to the schema),
- the order the converter writes front matter in (`FRONT_MATTER_ORDER`),
- the parse cache's payload of a letter (`dump` / `load` per kind),
- the export columns of letters.csv / letters.json (`outputs/columns.py`, in this table's
  terms) and the field list of docs/data/index.md (a test compares them).

Adding a field is a row here, the renderer that shows it and their tests; a field without a
``Letter`` attribute (``attr=None``) is kept in ``Letter.extra`` and read with
``letter.field(key)``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from undersigned.core.model import HTTP_URL, TYPES, Letter

SLUG_PATTERN = r"^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ISO2_PATTERN = "^[A-Z]{2}$"
# fields a hand edit may be declared for (`edited:`), as `check --reconvert` compares them
EDITABLE = ("document", "title", "date", "type", "sender", "recipients", "signatories",
            "signers_named", "body")
# the fact checks of `check --strict`, by the key `acknowledged:` names them with
AUDIT_CHECKS = ("term", "office", "weekday", "later-date", "count", "release-text",
                "empty-heading", "mis-decoded", "named-signers")
# those a source itself can cause (a release that miscounts); release text, an empty heading or
# mis-decoded text in the record is always mended in the record, never acknowledged
ACKNOWLEDGEABLE = ("term", "office", "weekday", "later-date", "count", "named-signers")

NONEMPTY: dict[str, Any] = {"type": "string", "minLength": 1}


def _full(pattern: str) -> re.Pattern[str]:
    """A schema pattern as Python matches it whole (``$`` would also match before a final
    newline)."""
    return re.compile(pattern.removeprefix("^").removesuffix("$"))


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


# ---- kinds of value --------------------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    """A kind of front-matter value: its schema, its fast check and how a built letter and the
    parse cache hold it."""

    schema: Callable[[str], dict[str, Any]]  # the description -> the property's JSON Schema
    quick: Callable[[Any], bool] | None = None  # True only where the schema accepts
    model: Callable[[Any], Any] = lambda v: v  # a valid value -> what a Letter holds
    dump: Callable[[Any], Any] = lambda v: v  # what a Letter holds -> JSON (the cache)
    load: Callable[[Any], Any] = lambda v: v  # and back


def _described(schema: dict[str, Any]) -> Callable[[str], dict[str, Any]]:
    return lambda description: {**schema, **({"description": description} if description
                                             else {})}


TEXT = Kind(_described(NONEMPTY), _text)
DATE = Kind(_described({"type": "string", "pattern": DATE_PATTERN, "format": "date"}),
            lambda v: isinstance(v, str) and bool(_full(DATE_PATTERN).fullmatch(v)),
            model=dt.date.fromisoformat, dump=dt.date.isoformat, load=dt.date.fromisoformat)
TYPE = Kind(_described({"enum": list(TYPES)}), lambda v: v in TYPES)


def _codes(pattern: str, min_items: int = 0) -> Kind:
    """A list of distinct codes of one form (topic ids, country codes, slugs)."""
    rx = _full(pattern)
    schema: dict[str, Any] = {"type": "array", **({"minItems": min_items} if min_items else {}),
                              "uniqueItems": True, "items": {"type": "string", "pattern": pattern}}

    def quick(value: Any) -> bool:
        return (isinstance(value, list) and len(value) >= min_items
                and all(isinstance(v, str) and rx.fullmatch(v) for v in value)
                and len(set(value)) == len(value))

    return Kind(_described(schema), quick, model=tuple, dump=list, load=tuple)


PARTY_PROPERTIES: dict[str, Any] = {
    "name": {**NONEMPTY, "description": "The name exactly as printed (typos kept)."},
    "id": {"type": "string", "pattern": ID_PATTERN,
           "description": "Explicit registry id in signatories.yaml."},
    "role": {**NONEMPTY, "description": "Role or affiliation as printed."},
    "organization": {**NONEMPTY, "description": "Organization as printed."},
    "group": {**NONEMPTY, "description": "The heading this signature is listed under, as "
              "printed (e.g. 'National organizations')."},
}
PARTY_SCHEMA: dict[str, Any] = {"oneOf": [
    {**NONEMPTY, "description": "A name exactly as printed."},
    {"type": "object", "required": ["name"], "additionalProperties": False,
     "properties": PARTY_PROPERTIES}]}
_ID = _full(ID_PATTERN)


def _party_ok(item: Any) -> bool:
    if isinstance(item, str):
        return bool(item)
    return (isinstance(item, dict) and _text(item.get("name")) and set(item) <= PARTY_PROPERTIES.keys()
            and all(_text(v) for v in item.values())
            and (item.get("id") is None or bool(_ID.fullmatch(item["id"]))))


# the people of a letter (built against the registry by validation.build_letter; the cache
# keeps each as a row of its dataclass's fields)
PARTIES = Kind(_described({"type": "array", "items": PARTY_SCHEMA}),
               lambda v: isinstance(v, list) and all(map(_party_ok, v)))

SOURCE_PROPERTIES: dict[str, Any] = {
    "original": {**NONEMPTY, "description": "File name of the original text."},
    "url": {"type": "string", "pattern": f"^{HTTP_URL}$",
            "description": "Where the document was published."},
    "publisher": {**NONEMPTY, "description": "Who published it."},
}


def _source_ok(value: Any) -> bool:
    return (isinstance(value, dict) and set(value) <= SOURCE_PROPERTIES.keys()
            and all(_text(v) for v in value.values())
            and re.fullmatch(HTTP_URL, str(value.get("url", "http://x"))) is not None)


SOURCE = Kind(_described({"type": "object", "additionalProperties": False,
                          "properties": SOURCE_PROPERTIES}), _source_ok,
              model=lambda v: {k: str(x) for k, x in v.items()}, dump=dict, load=dict)


def _reasons(keys: tuple[str, ...]) -> Kind:
    """A mapping from some of ``keys`` to a reason each (`edited:`, `acknowledged:`): rare, so
    the schema checks it."""
    return Kind(_described({"type": "object", "minProperties": 1,
                            "propertyNames": {"enum": list(keys)},
                            "additionalProperties": {**NONEMPTY}}))


# ---- the table -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    key: str  # the front-matter key
    kind: Kind
    description: str
    required: bool = False
    attr: str | None = None  # the Letter attribute that holds it (None: Letter.extra)
    stored: bool = True  # kept on a built Letter (False: read from the front matter by `check`)
    parties: bool = False  # people resolved against the registry

    @property
    def schema(self) -> dict[str, Any]:
        return self.kind.schema(self.description)


FIELDS: tuple[Field, ...] = (  # in the order the converter writes front matter
    Field("title", TEXT, "Title of the document.", required=True, attr="title"),
    Field("date", DATE, "The date printed on the document (YYYY-MM-DD).", required=True,
          attr="date"),
    Field("type", TYPE, "Kind of document.", required=True, attr="type"),
    Field("sender", TEXT, "Who sent or issued it.", required=True, attr="sender"),
    Field("recipients", PARTIES, "Addressees with their role on that date.",
          attr="recipients", parties=True),
    Field("signatories", PARTIES, "Signatories in printed order.", required=True,
          attr="signatures", parties=True),
    Field("signers_named", PARTIES, "Members (or others) the text names as signers of the "
          "letter it announces, when the letter itself is not reproduced (press releases, "
          "statements).", attr="signers_named", parties=True),
    Field("topics", _codes(ID_PATTERN, 1), "Topic ids from topics.yaml.", required=True,
          attr="topics"),
    Field("countries", _codes(ISO2_PATTERN), "ISO 3166-1 alpha-2 codes.", attr="countries"),
    Field("related", _codes(SLUG_PATTERN),
          "Slugs of related documents (reverse links are computed).", attr="related"),
    Field("source", SOURCE, "", attr="source"),
    Field("summary", TEXT, "One or two sentences for listings and feeds.", attr="summary"),
    Field("redirect_from", _codes(SLUG_PATTERN), "Former slugs of this document: each old URL "
          "/letters/<old>/ keeps working as a redirect.", attr="redirect_from"),
    Field("edited", _reasons(EDITABLE), "Deliberate hand edits: field -> why the record "
          "differs from what the converter reads in the original (`undersigned check "
          "--reconvert` does not report them).", stored=False),
    Field("acknowledged", _reasons(ACKNOWLEDGEABLE), "Findings of `undersigned check "
          "--strict` that the source itself causes: check -> the evidence (a release that says "
          "'seven members' and names ten).", stored=False),
)
BY_KEY = {f.key: f for f in FIELDS}
FRONT_MATTER_ORDER = tuple(f.key for f in FIELDS)


def letter_schema(table: tuple[Field, ...] = FIELDS) -> dict[str, Any]:
    """The JSON Schema of a letter's front matter."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "letter.schema.json",
        "title": "Undersigned letter front matter",
        "description": "Front matter of letters/<slug>.md in an Undersigned archive.",
        "type": "object",
        "required": [f.key for f in table if f.required],
        "additionalProperties": False,
        "properties": {f.key: f.schema for f in table},
    }


def quick_valid(data: dict[str, Any], table: tuple[Field, ...] = FIELDS) -> bool:
    """A fast, conservative check of the common valid case, from each field's kind. When it
    says False, the JSON Schema (the one source of truth) is run to find and word the
    problems; a test proves it never says True where the schema says no."""
    by_key = BY_KEY if table is FIELDS else {f.key: f for f in table}
    if any(f.required and f.key not in data for f in table):
        return False
    for key, value in data.items():
        f = by_key.get(key)
        if f is None or f.kind.quick is None or not f.kind.quick(value):
            return False
    return True


def extra_fields(data: dict[str, Any], table: tuple[Field, ...] = FIELDS
                 ) -> tuple[tuple[str, Any], ...]:
    """The stored fields without a Letter attribute, as a valid front matter holds them."""
    return tuple((f.key, f.kind.model(data[f.key])) for f in table
                 if f.attr is None and f.stored and data.get(f.key) is not None)


# ---- the export columns of letters.csv and letters.json ---------------------------------------

@dataclass(frozen=True)
class Row:
    """What a column reads: the letter, its page's address and its related documents (both
    directions, as the archive computes them)."""

    letter: Letter
    url: str
    related: list[str]
    offices: list[str]  # the office id of each recipient ('' where the table knows none)


OMIT = object()  # a JSON getter's answer for a key the record leaves out


@dataclass(frozen=True)
class Column:
    name: str
    doc: str  # its line in docs/data/index.md
    csv: Callable[[Row], Any] | None = None
    json: Callable[[Row], Any] | None = None
    field: str | None = None  # the front-matter field it exports (None: computed)


def _joined(values: Any) -> str:
    return "; ".join(values)


def _same(name: str, doc: str, get: Callable[[Row], Any], field: str | None = None) -> Column:
    """A column the same in both files."""
    return Column(name, doc, csv=get, json=get, field=field)


def _signature(s: Any) -> dict[str, Any]:
    return {"id": s.id, "name_as_printed": s.name, "position": s.position,
            "role_as_printed": s.role, **({"group_as_printed": s.group} if s.group else {})}


COLUMNS: tuple[Column, ...] = (  # in the order of both files
    _same("slug", "stable identifier: `YYYY-MM-DD-words`; the page is `/letters/<slug>/`",
          lambda r: r.letter.slug),
    _same("url", "address of the document's page", lambda r: r.url),
    _same("title", "title of the document", lambda r: r.letter.title, field="title"),
    _same("date", "the date printed on the document (ISO 8601)",
          lambda r: r.letter.date.isoformat(), field="date"),
    _same("type", "`letter`, `press-release` or `statement`", lambda r: r.letter.type,
          field="type"),
    _same("sender", "who sent or issued it, as a phrase (\"Members of Congress\", an office, "
          "an organization)", lambda r: r.letter.sender, field="sender"),
    Column("recipients", "addressees; in JSON each has `id` (registry), `name` as printed, "
           "`role` and `organization` on that date, and `office` (see `recipient_offices`)",
           csv=lambda r: _joined(x.name for x in r.letter.recipients),
           json=lambda r: [{"id": x.id, "name": x.name, "role": x.role,
                            "organization": x.organization, "office": o or None}
                           for x, o in zip(r.letter.recipients, r.offices, strict=True)],
           field="recipients"),
    Column("recipient_ids", "(CSV) registry ids of the recipients, `; `-separated",
           csv=lambda r: _joined(x.id for x in r.letter.recipients), field="recipients"),
    Column("recipient_offices", "(CSV) the office each recipient is addressed in, as an id of "
           "the archive's office table (its page is `/offices/<id>/`; in JSON each recipient's "
           "`office`), `; `-separated in the order of `recipients`; empty where the table does "
           "not know the office",
           csv=lambda r: _joined(r.offices), field="recipients"),
    Column("topics", "topic ids (see [Topics](../topics/index.md))",
           csv=lambda r: _joined(r.letter.topics), json=lambda r: list(r.letter.topics),
           field="topics"),
    Column("countries", "ISO 3166-1 alpha-2 codes of the countries the document is about",
           csv=lambda r: _joined(r.letter.countries), json=lambda r: list(r.letter.countries),
           field="countries"),
    Column("related", "slugs of related documents, in both directions (a press release and the "
           "letter it announces)", csv=lambda r: _joined(r.related), json=lambda r: r.related,
           field="related"),
    Column("signatory_count", "(CSV) number of printed signatures",
           csv=lambda r: len(r.letter.signatures)),
    Column("signers_named", "(JSON, when present) `{id, name_as_printed}` of the people a press "
           "release or statement names as signers of a letter it does not reproduce (\"Senators "
           "A, B and C sent a letter…\"); they are not signatures of this document",
           json=lambda r: [{"id": s.id, "name_as_printed": s.name}
                           for s in r.letter.signers_named] or OMIT, field="signers_named"),
    Column("signatories", "(JSON) `{id, name_as_printed, position, role_as_printed}` in printed "
           "order (and `group_as_printed` when the signature is listed under a heading)",
           json=lambda r: [_signature(s) for s in r.letter.signatures], field="signatories"),
    Column("summary", "(JSON) the document's summary, when it has one (else `null`)",
           json=lambda r: r.letter.summary, field="summary"),
    Column("source", "(JSON) `{url, publisher, original}` of the published original, when known "
           "(else `null`)", json=lambda r: r.letter.source or None, field="source"),
    Column("source_url", "(CSV) where the document was published",
           csv=lambda r: r.letter.source.get("url", ""), field="source"),
    Column("publisher", "(CSV) who published it", csv=lambda r: r.letter.source.get("publisher", ""),
           field="source"),
)
CSV_COLUMNS = tuple(c.name for c in COLUMNS if c.csv)


def csv_row(row: Row) -> dict[str, Any]:
    return {c.name: c.csv(row) for c in COLUMNS if c.csv}


def json_record(row: Row) -> dict[str, Any]:
    record = {c.name: c.json(row) for c in COLUMNS if c.json}
    return {k: v for k, v in record.items() if v is not OMIT}


def docs_table() -> str:
    """The field list of docs/data/index.md ('Fields of letters.csv and letters.json')."""
    return "\n".join(["| Field | Meaning |", "|---|---|",
                      *(f"| `{c.name}` | {c.doc} |" for c in COLUMNS)]) + "\n"
