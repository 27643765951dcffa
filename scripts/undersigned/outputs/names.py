"""The name index of the suggestions (the header search, the search page's signatory and
recipient fields), written as a tree of small JSON files, so that a typed name costs the few
files its words lead to, not the whole registry: the bytes of a first search stay flat in N.

Every person and organization that signs or receives documents is a *record* (its registry
name, aliases, the forms the documents print, the offices documents give it, counts, family
name and ``keys``: the folded forms, core.names.fold, that a typed name is matched against;
docs/javascripts/undersigned.js matches exactly as before). Its *tokens* are the words of its
keys, of its family name and of its id (a URL may name an entry by id).

A node of the tree is a key: complete tokens, each ended by ``$`` and in ``word_order`` (longest
first), then the start of one more token (``lo``, ``garcia$``, ``garcia$lo``). Its records are
those that hold every complete token and another token starting with the rest. A node whose
records fit ``LEAF_BUDGET`` bytes (or are at most ``LEAF_MIN``) is a
*leaf*: ``{"people": [...]}``, every one of them. A larger node is a *stub*: ``{"more":
[...]}``, the characters that continue its key to a child (``$``: the token is complete), and
``top``, its records that sign or receive the most documents (what a word typed so far shows).
The root, ``search/names.json``, is a stub with the topics' titles. A typed name walks from the
root along its words but the last (which may still be being typed) in ``word_order``, one
letter at a time and a ``$`` after each, then along its last word, to a leaf or to the node
where a word ends: every record that can match is in a leaf on the way, so matching is exact
there. A name that stops at a stub (one letter, or a last word that thousands of names share)
gets that stub's ``top`` (as does a word that thousands of names share with all their other
words, which no child tells apart); "did you mean" looks among the records of the last node
reached."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from undersigned.core.names import fold

if TYPE_CHECKING:
    from undersigned.core.archive import Archive

ROOT = "search/names.json"
FOLDER = "search/names/"
LEAF_BUDGET = 12_000  # bytes of records in a leaf (a stub's are bounded by TOP + TOP_RECEIVED)
LEAF_MIN = 40  # records a leaf may hold whatever their size (splitting few, large records
# that share many words, e.g. a recipient with several offices, would multiply files)
TOP = 12  # a stub's records that sign or receive the most documents
TOP_RECEIVED = 6  # and those that receive the most (the recipient field)
MAX_KEY = 100  # a node with a longer key has no children
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def file_name(key: str) -> str:
    """The site path of a node: ``search/names/<key>.json``, ``$`` written ``-``, a character
    other than a-z and 0-9 as ``_<hex>_`` (URL-safe, one spelling on any file system)."""
    if not key:
        return ROOT
    return FOLDER + "".join(c if c in _PLAIN else "-" if c == "$" else f"_{ord(c):x}_"
                            for c in key) + ".json"


def name_records(archive: Archive) -> list[dict[str, Any]]:
    """Every signatory and recipient's record, in the order of the registry's A-Z index;
    empty fields are left out (undersigned.js fills them in)."""
    entities = archive.registry.entities
    printed: dict[str, dict[str, None]] = {}
    offices: dict[str, dict[str, None]] = {}
    for letter in archive.letters:
        for sig in (*letter.signatures, *letter.signers_named):
            if sig.id:
                printed.setdefault(sig.id, {})[sig.name] = None
        for r in letter.recipients:
            if r.id:
                printed.setdefault(r.id, {})[r.name] = None
                if r.role:
                    offices.setdefault(r.id, {})[r.role] = None
    signers = set(archive.signed) | set(archive.named_in)
    ids = sorted(signers | set(archive.received), key=lambda i: (archive.sort_name(i), i))
    out = []
    for i in ids:
        e = entities[i]
        forms = [x for x in printed.get(i, {}) if x != e.name and x not in e.aliases]
        parts = archive.name_parts.get(i)
        keys = dict.fromkeys(fold(x) for x in (e.name, *e.aliases, *forms, *offices.get(i, {}))
                             if fold(x))
        record: dict[str, Any] = {
            "id": i, "name": e.name, "kind": e.kind, "aliases": list(e.aliases),
            "printed": forms, "offices": list(offices.get(i, {})),
            # documents signed, and apart those that only name them as a signer (one
            # definition of both for every view, Archive.ties)
            "signed": len(archive.signed.get(i, [])), "named": len(archive.named_in.get(i, [])),
            "received": len(archive.received.get(i, [])),
            "family": fold(parts.family) if parts and e.kind == "person" else "",
            "keys": list(keys)}
        out.append({k: v for k, v in record.items() if _kept(k, v)})
    return out


def _kept(field: str, value: Any) -> bool:
    if field == "kind":
        return bool(value != "person")
    return field in ("id", "name", "keys") or bool(value)


def tokens(record: dict[str, Any]) -> frozenset[str]:
    """The words a record is found by: of its keys, its family name and its id."""
    words = {w for key in record["keys"] for w in key.split()}
    words.update(record.get("family", "").split())
    words.update(fold(record["id"]).split())
    return frozenset(words)


def word_order(word: str) -> tuple[int, str]:
    """The order of a key's complete words: longest first, then by code point (as a typed
    name's words are walked: undersigned.js)."""
    return (-len(word), word)


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class _Tree:
    def __init__(self, records: list[dict[str, Any]], texts: tuple[str, ...]) -> None:
        self.texts = texts  # each record's JSON
        self.sizes = [len(t.encode("utf-8")) + 1 for t in self.texts]
        self.tokens = [tokens(r) for r in records]
        self.total = [r.get("signed", 0) + r.get("named", 0) + r.get("received", 0)
                      for r in records]
        self.received = [r.get("received", 0) for r in records]

    def people(self, members: list[int]) -> str:
        return "[" + ",".join(self.texts[i] for i in members) + "]"

    def top(self, members: list[int]) -> list[int]:
        most = sorted(members, key=lambda i: (-self.total[i], i))[:TOP]
        received = sorted((i for i in members if self.received[i]),
                          key=lambda i: (-self.received[i], i))[:TOP_RECEIVED]
        return sorted(set(most) | set(received))

    def children(self, key: str, members: list[int]) -> dict[str, list[int]]:
        """The members of each child of ``key``, by the character that continues it (``$``: a
        word complete, after the key's complete words in ``word_order``)."""
        *complete, partial = key.split("$")
        fixed = set(complete)
        may_end = not complete or word_order(partial) > word_order(complete[-1])
        groups: dict[str, list[int]] = {}
        for i in members:
            seen: set[str] = set()
            for t in self.tokens[i]:
                if t in fixed or not t.startswith(partial):
                    continue
                if len(t) > len(partial):
                    seen.add(t[len(partial)])
                elif may_end:
                    seen.add("$")
            for ch in seen:
                groups.setdefault(ch, []).append(i)
        return groups

    def nodes(self) -> Iterator[tuple[str, str]]:
        """(key, JSON text) of every node, the root first, then depth first in key order."""
        stack: list[tuple[str, list[int]]] = [("", list(range(len(self.texts))))]
        while stack:
            key, members = stack.pop()
            if key and (len(members) <= LEAF_MIN or
                        sum(self.sizes[i] for i in members) <= LEAF_BUDGET):
                yield key, '{"people":' + self.people(members) + "}"
                continue
            groups = self.children(key, members) if len(key) < MAX_KEY else {}
            more = sorted(groups)
            text = '{"more":' + _dump(more)
            if key:
                text += ',"top":' + self.people(self.top(members))
            yield key, text + "}"
            stack.extend((key + ch, groups[ch]) for ch in reversed(more))


def name_files(archive: Archive) -> Iterator[tuple[str, str]]:
    """(site path, text) of every file of the name index, the root first. A `mkdocs serve`
    rebuild whose records and topics are those of the previous one reuses its files."""
    records = name_records(archive)
    used = {t for letter in archive.letters for t in letter.topics}
    topics = {t: archive.topics[t].title for t in sorted(used) if t in archive.topics}
    memo = archive.render_memo
    key = (tuple(_dump(r) for r in records), _dump(topics))
    if memo is not None and key in memo.names:
        yield from memo.names[key]
        return
    files = ((file_name(node), (text[:-1] + ',"topics":' + key[1] + "}" if not node else text)
              + "\n") for node, text in _Tree(records, key[0]).nodes())
    # (the root also names the topics: the header suggests their pages)
    if memo is None:
        yield from files  # one at a time
        return
    memo.names.clear()
    memo.names[key] = list(files)
    yield from memo.names[key]


def in_site(site: Path, uri: str, pieces: Iterable[str], kept: list[str]) -> bool:
    """Does ``site`` hold the name index's file ``uri`` with these very bytes already? Then a
    `mkdocs serve` rebuild does not write it again (thousands of small files at 10,000
    letters, most of them unchanged by an edit), and ``uri`` is added to ``kept``. Read from
    the site itself, so what is served is never stale, whatever an earlier build did."""
    if not (uri == ROOT or uri.startswith(FOLDER)) or not isinstance(pieces, list) \
            or len(pieces) != 1:
        return False
    try:
        same = bool((site / uri).read_bytes() == str(pieces[0]).encode("utf-8"))
    except OSError:
        return False
    if same:
        kept.append(uri)
    return same
