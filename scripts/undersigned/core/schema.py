"""JSON Schema of letter front matter: the one source of truth for `check` and for editors."""

from __future__ import annotations

from typing import Any

from undersigned.core.model import TYPES

SLUG_PATTERN = r"^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_SLUG = 100  # characters of a letter's file name without .md
MAX_ID = 80  # characters of a registry or topic id
YEARS = (1900, 2100)  # the dates check and import accept
# fields a hand edit may be declared for (`edited:`), as `check --reconvert` compares them
EDITABLE = ("document", "title", "date", "type", "sender", "recipients", "signatories",
            "signers_named", "body")
# the fact checks of `check --strict`, by the key `acknowledged:` names them with
AUDIT_CHECKS = ("term", "office", "weekday", "later-date", "count", "release-text",
                "empty-heading", "mis-decoded", "named-signers")
# those a source itself can cause (a release that miscounts); release text, an empty heading or
# mis-decoded text in the record is always mended in the record, never acknowledged
ACKNOWLEDGEABLE = ("term", "office", "weekday", "later-date", "count", "named-signers")

_nonempty = {"type": "string", "minLength": 1}


def _reasons(keys: tuple[str, ...], description: str) -> dict[str, Any]:
    """A mapping from some of ``keys`` to a reason each (`edited:`, `acknowledged:`)."""
    return {"type": "object", "minProperties": 1, "propertyNames": {"enum": list(keys)},
            "additionalProperties": {**_nonempty}, "description": description}

_party = {
    "oneOf": [
        {**_nonempty, "description": "A name exactly as printed."},
        {
            "type": "object",
            "required": ["name"],
            "additionalProperties": False,
            "properties": {
                "name": {**_nonempty, "description": "The name exactly as printed (typos kept)."},
                "id": {"type": "string", "pattern": ID_PATTERN,
                       "description": "Explicit registry id in signatories.yaml."},
                "role": {**_nonempty, "description": "Role or affiliation as printed."},
                "organization": {**_nonempty, "description": "Organization as printed."},
                "group": {**_nonempty, "description": "The heading this signature is listed "
                          "under, as printed (e.g. 'National organizations')."},
            },
        },
    ]
}

LETTER_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "letter.schema.json",
    "title": "Undersigned letter front matter",
    "description": "Front matter of letters/<slug>.md in an Undersigned archive.",
    "type": "object",
    "required": ["title", "date", "type", "sender", "signatories", "topics"],
    "additionalProperties": False,
    "properties": {
        "title": {**_nonempty, "description": "Title of the document."},
        "date": {"type": "string", "pattern": DATE_PATTERN, "format": "date",
                 "description": "The date printed on the document (YYYY-MM-DD)."},
        "type": {"enum": list(TYPES), "description": "Kind of document."},
        "sender": {**_nonempty, "description": "Who sent or issued it."},
        "recipients": {"type": "array", "items": _party,
                       "description": "Addressees with their role on that date."},
        "signatories": {"type": "array", "items": _party,
                        "description": "Signatories in printed order."},
        "topics": {"type": "array", "minItems": 1, "uniqueItems": True,
                   "items": {"type": "string", "pattern": ID_PATTERN},
                   "description": "Topic ids from topics.yaml."},
        "countries": {"type": "array", "uniqueItems": True,
                      "items": {"type": "string", "pattern": "^[A-Z]{2}$"},
                      "description": "ISO 3166-1 alpha-2 codes."},
        "related": {"type": "array", "uniqueItems": True,
                    "items": {"type": "string", "pattern": SLUG_PATTERN},
                    "description": "Slugs of related documents (reverse links are computed)."},
        "source": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "original": {**_nonempty, "description": "File name of the original text."},
                "url": {"type": "string", "pattern": "^https?://",
                        "description": "Where the document was published."},
                "publisher": {**_nonempty, "description": "Who published it."},
            },
        },
        "summary": {**_nonempty, "description": "One or two sentences for listings and feeds."},
        "signers_named": {"type": "array", "items": _party,
                          "description": "Members (or others) the text names as signers of "
                                         "the letter it announces, when the letter itself is "
                                         "not reproduced (press releases, statements)."},
        "edited": _reasons(EDITABLE, "Deliberate hand edits: field -> why the record differs "
                           "from what the converter reads in the original "
                           "(`undersigned check --reconvert` does not report them)."),
        "acknowledged": _reasons(ACKNOWLEDGEABLE, "Findings of `undersigned check --strict` that "
                                 "the source itself causes: check -> the evidence (a release "
                                 "that says 'seven members' and names ten)."),
        "redirect_from": {"type": "array", "uniqueItems": True,
                          "items": {"type": "string", "pattern": SLUG_PATTERN},
                          "description": "Former slugs of this document: each old URL "
                                         "/letters/<old>/ keeps working as a redirect."},
    },
}
