"""What each kind of generated page shows, declared once, next to the renderers.

A letter's page, a signatory's page and a recipient's page each show facts of their subject and
of the objects they reach from it (a letter's signatories, topics and related documents; a
signatory's documents and co-signers...). ``PAGES`` says which, as ``Shows(via, facts)``:

- ``via``: how the page reaches the objects from its subject (``RELATIONS``: "self", the
  letter's "signatures", "recipients", "signers_named", "topics", "related", "history"; the
  entry's "signed", "named_in", "received" documents and "cosigners");
- ``facts``: the fields of those objects it shows: an attribute (``"title"``), an attribute of
  each item of a tuple (``"signatures.name"``), or only how many items it has
  (``"signatures#"``); ``ALL``: the whole document (its file's bytes, resolved ids and published
  original: serve/dirty.py ``document_key``).

Listings, indexes, statistics and the changes page are computed from the whole archive on
every build ("eager", see pages.plan); a listing item's memo key is ``LETTER_ITEM_SHOWN``.

Who reads this: serve/dirty.py ``dirty()`` rebuilds, after a change under `mkdocs serve`, the
pages that reach a changed object through a relation whose declared facts of it changed (or
that stopped or started reaching it). tests/unit/test_depends.py renders every kind of page
with objects that record what is read from them and fails when a renderer reads a fact (or a
back-reference) not declared here: a renderer that starts showing a new field must say so here,
and `mkdocs serve` then rebuilds for it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from undersigned.pages.bibtex import newer_rivals, older_rivals
from undersigned.pages.entities import shown_cosigners

if TYPE_CHECKING:
    from undersigned.core.archive import Archive

ALL = ("*",)  # the whole document (serve/dirty.document_key)

# a registry entry on its own signatory or recipient page (and in its JSON-LD)
ENTITY_SHOWN = ("id", "name", "kind", "aliases", "description", "bioguide", "url", "wikidata",
                "sort")
# a registry entry on a document's page, as a signatory (the registry name beside the printed
# one, party and state, citation JSON-LD) and as a recipient (citation JSON-LD); the page names
# signers named as printed
SIGNER_SHOWN = ("id", "name", "kind", "bioguide", "sort")
RECIPIENT_SHOWN = ("id", "name", "kind", "bioguide", "sort")  # (the citation names them)
# the registry entry a document's sender is: which one (the link; its text is the sender as
# printed), and, for a document cited by its sender (a press release), the name as cited. A
# registry edit that makes a sender resolve to another entry changes who reaches it, which
# serve/dirty.py follows for every changed entry.
SENDER_SHOWN = ("id", "name", "kind", "sort")
# a co-signer on a signatory's page (names sort ties: sort_key reads the kind)
COSIGNER_SHOWN = ("id", "name", "kind", "sort")
# a topic on a document's page (the topics' own pages are listings)
TOPIC_SHOWN = ("id", "title")
# a document in the related documents of another
RELATED_SHOWN = ("slug", "title", "date", "type", "signers_named.id", "signers_named.name")
# (a letter printed without its list shows the signers a related release names)
# a document in a listing (indexes.letter_item; its memo key); "#": how many
LETTER_ITEM_SHOWN = ("slug", "title", "date", "type", "signatures#")
# a document in the table of a signatory's page (its row; its signatories: the co-signers)
SIGNED_ROW_SHOWN = ("slug", "title", "date", "recipients#", "recipients.name", "signatures.id",
                    "signatures.name", "signatures.role", "signers_named.id")
# a document in the table of a recipient's page (its row; its sender: who writes to them)
RECEIVED_ROW_SHOWN = ("slug", "title", "date", "sender", "recipients.id", "recipients.role",
                      "recipients.organization", "signatures#")
# a document its sender issued, on the sender's page ("Issued by")
ISSUED_ROW_SHOWN = ("slug", "title", "date", "type")
# an older document whose citation key starts like this one's (this one gets b, c...): its
# key's beginning (pages/bibtex.py base_key_of; a computed fact, target "citekey")
KEY_SHOWN = ("base",)
# a document that names a signatory among the signers of a letter it does not reproduce
NAMED_ROW_SHOWN = ("slug", "title", "date", "signatures.id", "signers_named.id")
# a document of someone's co-signers CSV (Archive.ties: who else signed or is named, when)
TIES_SHOWN = ("date", "signatures.id", "signers_named.id")
# a co-signer in that CSV (its name and kind; its filing name orders ties)
TIE_SHOWN = ("id", "name", "kind", "sort")
# a document's change history (first and last dates) on its page
HISTORY_SHOWN = ("first", "last")


@dataclass(frozen=True)
class Shows:
    via: str  # a key of RELATIONS
    facts: tuple[str, ...]  # what the page shows of each object reached


PAGES: dict[str, tuple[Shows, ...]] = {
    # letters/<slug>.md and letters/<slug>/signatories.md
    "letter": (Shows("self", ALL), Shows("signatures", SIGNER_SHOWN),
               Shows("recipients", RECIPIENT_SHOWN), Shows("topics", TOPIC_SHOWN),
               Shows("related", RELATED_SHOWN), Shows("history", HISTORY_SHOWN),
               Shows("sender", SENDER_SHOWN), Shows("key_rivals", KEY_SHOWN)),
    # signatories/<id>.md (and its further pages)
    "signatory": (Shows("self", ENTITY_SHOWN), Shows("signed", SIGNED_ROW_SHOWN),
                  Shows("named_in", NAMED_ROW_SHOWN), Shows("received", ()),  # how many
                  Shows("cosigners", COSIGNER_SHOWN), Shows("issued", ISSUED_ROW_SHOWN)),
    # signatories/<id>/cosigners.csv
    "cosigners-csv": (Shows("self", ("id",)), Shows("signed", TIES_SHOWN), Shows("named_in", TIES_SHOWN),
                      Shows("ties", TIE_SHOWN)),
    # recipients/<id>.md (and its further pages)
    "recipient": (Shows("self", ENTITY_SHOWN), Shows("received", RECEIVED_ROW_SHOWN),
                  Shows("signed", ())),  # how many
}


@dataclass(frozen=True)
class Relation:
    """How a page reaches objects of one kind from its subject, and back."""

    target: str  # "document" (slug), "entity" (registry id), "topic" (id), "history" (slug)
    forward: Callable[[Archive, str], Iterable[str]]  # subject -> objects
    inverse: Callable[[Archive, str], Iterable[str]]  # object -> subjects


def _ids(field: str) -> Callable[[Archive, str], Iterable[str]]:
    def forward(archive: Archive, slug: str) -> Iterable[str]:
        letter = archive.by_slug.get(slug)
        return () if letter is None else {x.id for x in getattr(letter, field)}
    return forward


def _slugs(index: str) -> Callable[[Archive, str], Iterable[str]]:
    def lookup(archive: Archive, key: str) -> Iterable[str]:
        found = getattr(archive, index).get(key, ())
        return {x.slug for x in (x[0] if isinstance(x, tuple) else x for x in found)}
    return lookup


def _topics(archive: Archive, slug: str) -> Iterable[str]:
    letter = archive.by_slug.get(slug)
    return () if letter is None else letter.topics


RANKING_BUDGET = 2_000  # documents read to say exactly whose co-signers show an entry


def _cosigned_with(archive: Archive, entity_id: str) -> Iterable[str]:
    """The signatories whose page shows ``entity_id`` among its co-signers; all who signed
    with it when ranking their co-signers would read more than RANKING_BUDGET documents
    (a prolific signatory's co-signers: their pages are written after the rebuild
    ends, in well under the seconds the ranking would take)."""
    near = set(_tied_with(archive, entity_id))
    if sum(len(archive.signed.get(other, ())) for other in near) > RANKING_BUDGET:
        return near
    return {other for other in near
            if any(o == entity_id for o, _n in shown_cosigners(archive, other))}


def _tied_with(archive: Archive, entity_id: str) -> Iterable[str]:
    """Everyone who signed or is named with ``entity_id`` (Archive.ties: both ways)."""
    docs = [x for x, _s in archive.signed.get(entity_id, ())] + list(
        archive.named_in.get(entity_id, ()))
    return {s.id for x in docs for s in (*x.signatures, *x.signers_named) if s.id} - {entity_id}


def _self(archive: Archive, key: str) -> Iterable[str]:
    return (key,)


def _sender(archive: Archive, slug: str) -> Iterable[str]:
    letter = archive.by_slug.get(slug)
    found = archive.sender_id(letter) if letter is not None else None
    return (found,) if found else ()


def _issued(archive: Archive, entity_id: str) -> Iterable[str]:
    return {x.slug for x in archive.issued.get(entity_id, ())}


def _older(archive: Archive, slug: str) -> Iterable[str]:
    return older_rivals(archive, slug)


def _newer(archive: Archive, slug: str) -> Iterable[str]:
    return newer_rivals(archive, slug)


RELATIONS: dict[tuple[str, str], Relation] = {
    ("letter", "self"): Relation("document", _self, _self),
    ("letter", "signatures"): Relation("entity", _ids("signatures"), _slugs("signed")),
    ("letter", "recipients"): Relation("entity", _ids("recipients"), _slugs("received")),
    ("letter", "topics"): Relation("topic", _topics, _slugs("by_topic")),
    ("letter", "related"): Relation("document", _slugs("related"), _slugs("related")),
    ("letter", "history"): Relation("history", _self, _self),
    ("letter", "sender"): Relation("entity", _sender, _issued),
    ("letter", "key_rivals"): Relation("citekey", _older, _newer),
    ("signatory", "self"): Relation("entity", _self, _self),
    ("signatory", "signed"): Relation("document", _slugs("signed"), _ids("signatures")),
    ("signatory", "named_in"): Relation("document", _slugs("named_in"), _ids("signers_named")),
    ("signatory", "received"): Relation("document", _slugs("received"), _ids("recipients")),
    ("signatory", "issued"): Relation("document", _issued, _sender),
    ("signatory", "cosigners"): Relation(
        "entity", lambda archive, i: {o for o, _n in shown_cosigners(archive, i)},
        _cosigned_with),
    ("cosigners-csv", "self"): Relation("entity", _self, _self),
    ("cosigners-csv", "signed"): Relation("document", _slugs("signed"), _ids("signatures")),
    ("cosigners-csv", "named_in"): Relation("document", _slugs("named_in"),
                                            _ids("signers_named")),
    ("cosigners-csv", "ties"): Relation("entity", _tied_with, _tied_with),
    ("recipient", "self"): Relation("entity", _self, _self),
    ("recipient", "received"): Relation("document", _slugs("received"), _ids("recipients")),
    ("recipient", "signed"): Relation("document", _slugs("signed"), _ids("signatures")),
}


def fact_getter(facts: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving the declared ``facts`` of an object, as a tuple (compared before and
    after a change; a listing item's memo key)."""
    plain = [f for f in facts if "." not in f and not f.endswith("#")]
    counted = [f[:-1] for f in facts if f.endswith("#")]
    nested: dict[str, list[str]] = {}
    for f in facts:
        if "." in f:
            head, _, name = f.partition(".")
            nested.setdefault(head, []).append(name)
    get_plain = attrgetter(*plain) if plain else None
    if not counted and not nested and get_plain is not None:
        return (lambda x: (get_plain(x),)) if len(plain) == 1 else get_plain
    inner = {head: attrgetter(*names) for head, names in nested.items()}

    def get(x: Any) -> tuple[Any, ...]:
        out: list[Any] = []
        if get_plain is not None:
            got = get_plain(x)
            out.extend(got if len(plain) > 1 else (got,))
        out.extend(len(getattr(x, name)) for name in counted)
        out.extend(tuple(map(g, getattr(x, head))) for head, g in inner.items())
        return tuple(out)
    return get
