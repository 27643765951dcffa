"""What the converter produces: documents (front matter + Markdown body) and its options."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace

import yaml

from undersigned.convert.signed import Kind
from undersigned.core.fields import FRONT_MATTER_ORDER, PARTY_PROPERTIES, SOURCE_PROPERTIES
from undersigned.core.hygiene import clean
from undersigned.core.names import slugify

ORDER = FRONT_MATTER_ORDER  # the field table's order (core/fields.py)
PARTY_KEYS = tuple(PARTY_PROPERTIES)  # what a written name holds, in order (name, id, role, ...)
SOURCE_KEYS = tuple(SOURCE_PROPERTIES)  # original, url, publisher

# a value of the front matter as YAML and JSON write it
Written = str | dt.date | list[str] | list[str | dict[str, str]] | dict[str, str] | None


@dataclass
class Options:
    title: str | None = None
    date: dt.date | None = None
    type: str | None = None
    url: str | None = None
    sender: str | None = None
    publisher: str | None = None
    topics: tuple[str, ...] = ()  # given by the contributor (--topic): used instead of proposals


@dataclass(frozen=True)
class Party:
    """One name of the front matter (a signature, a recipient, a Member named as a signer in
    prose): what is written (the name as printed; its registry id, role, organization and
    group when known) and what the converter learned about this printed name, which is never
    written. The facts live on the value, so two people printed with one name keep their own
    (ingest/resolve.py reads them); a change is a new value (``dataclasses.replace``)."""

    name: str
    id: str | None = None
    role: str | None = None
    organization: str | None = None
    group: str | None = None
    # -- read from the text, not written
    kind: Kind = "person"
    line: int | None = None  # where it is printed in the source text (None: not found)
    columns: int = 1  # names printed side by side on its line (its title row says so)
    chamber: str | None = None  # a name in prose: 'sen' | 'rep' | '' (the text does not say)

    @property
    def plain(self) -> bool:
        """Written as its name alone (nothing known beside it)."""
        return not any(getattr(self, k) for k in PARTY_KEYS if k != "name")

    def written(self, mapping: bool = False) -> str | dict[str, str]:
        """The name alone, or a mapping (always for ``mapping``: recipients)."""
        if self.plain and not mapping:
            return self.name
        return {"name": self.name, **{k: v for k in PARTY_KEYS[1:] if (v := getattr(self, k))}}

    def cleaned(self) -> Party:
        return replace(self, name=clean(self.name), id=_clean(self.id), role=_clean(self.role),
                       organization=_clean(self.organization), group=_clean(self.group))


@dataclass(frozen=True)
class Source:
    """Where the document was published, and its original (``source:``)."""

    original: str | None = None
    url: str | None = None
    publisher: str | None = None

    def written(self) -> dict[str, str]:
        return {k: v for k in SOURCE_KEYS if (v := getattr(self, k))}

    def cleaned(self) -> Source:
        return Source(_clean(self.original), _clean(self.url), _clean(self.publisher))


@dataclass
class FrontMatter:
    """The front matter the converter writes: the fields of the field table (core/fields.py)
    it sets, in the table's order (checked below and by a test). The people are `Party`
    values; ``recipients`` are written as mappings, the others as a name where nothing else
    is known."""

    title: str | None = None
    date: dt.date | None = None
    type: str = "letter"
    sender: str | None = None
    recipients: list[Party] = field(default_factory=list)
    signatories: list[Party] = field(default_factory=list)
    signers_named: list[Party] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    source: Source = field(default_factory=Source)

    def written(self, key: str) -> Written:
        """One field as the front matter writes it."""
        value = getattr(self, key)
        if isinstance(value, Source):
            return value.written()
        if isinstance(value, list):
            return [x.written(key == "recipients") if isinstance(x, Party) else x for x in value]
        if value is None or isinstance(value, str | dt.date):
            return value
        raise TypeError(f"front matter field {key}: {value!r}")  # pragma: no cover

    def cleaned(self) -> FrontMatter:
        """Every string cleaned as metadata (core/hygiene.py): what `import` writes."""
        return FrontMatter(
            title=_clean(self.title), date=self.date, type=clean(self.type),
            sender=_clean(self.sender),
            recipients=[x.cleaned() for x in self.recipients],
            signatories=[x.cleaned() for x in self.signatories],
            signers_named=[x.cleaned() for x in self.signers_named],
            topics=[clean(x) for x in self.topics], countries=[clean(x) for x in self.countries],
            related=[clean(x) for x in self.related], source=self.source.cleaned())


def _clean(text: str | None) -> str | None:
    return None if text is None else clean(text)


KEYS = tuple(f.name for f in fields(FrontMatter))
if [k for k in ORDER if k in KEYS] != list(KEYS):  # pragma: no cover (tests/unit/test_fields.py)
    raise ValueError("FrontMatter's fields are not the field table's keys in its order: "
                     + ", ".join(k for k in KEYS if k not in ORDER))


@dataclass
class ConvertedDocument:
    """One document the converter found in a text: its front matter (what it learned about each
    printed name is on that name's `Party`) and body."""

    front: FrontMatter
    body: str
    source_line: int = 1  # where the document starts in the source text
    role: str = "main"  # main | embedded
    fixed_slug: str | None = None  # chosen by `import` when the natural slug is taken
    congress: bool = False  # its letterhead or signature block says Congress, Senate or House
    sender_given: bool = False  # the sender came from the user (--sender), not the text
    # a reproduced letter the archive holds already from another original (`import` links the
    # release to it and writes it not again)
    held: bool = False

    @property
    def slug(self) -> str:
        return self.fixed_slug or f"{self.front.date}-{self._words()}"

    def _words(self) -> str:
        stop = {"a", "an", "the", "of", "on", "to", "and", "in", "for", "s", "u", "re"}
        words = [w for w in slugify(str(self.front.title), 40, 10_000).split("-")
                 if w and w not in stop]
        out: list[str] = []
        for word in words:
            if len("-".join(out + [word])) > 60:
                if not out:
                    out.append(word[:60])
                break
            out.append(word)
        return "-".join(out) or "document"

    def ordered(self) -> dict[str, Written]:
        """The front matter as written, in the table's order: a field without a value is left
        out, except ``signatories`` (an empty list says none are printed)."""
        out = {k: self.front.written(k) for k in KEYS}
        return {k: v for k, v in out.items() if k == "signatories" or v not in (None, [], {})}


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


FLOW = ("topics", "countries", "related")


def render(doc: ConvertedDocument) -> str:
    """Front matter + body, byte-stable: fixed key order, one trailing newline."""
    parts = []
    for key, value in doc.ordered().items():
        style = None if key in FLOW else False
        parts.append(yaml.dump({key: value}, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                               width=10**9, default_flow_style=style))
    return "---\n" + "".join(parts) + f"---\n\n{doc.body.strip()}\n"

