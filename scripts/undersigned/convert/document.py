"""What the converter produces: documents (front matter + Markdown body) and its options."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from undersigned.core.fields import FRONT_MATTER_ORDER
from undersigned.core.names import slugify

ORDER = FRONT_MATTER_ORDER  # the field table's order (core/fields.py)


@dataclass
class Options:
    title: str | None = None
    date: dt.date | None = None
    type: str | None = None
    url: str | None = None
    sender: str | None = None
    publisher: str | None = None


@dataclass
class ConvertedDocument:
    """One document the converter found in a text: its front matter and body, and what the
    converter learned about its printed names that the front matter does not hold (read by
    ingest/resolve.py to resolve them)."""

    metadata: dict[str, Any]
    body: str
    source_line: int = 1  # where the document starts in the source text
    role: str = "main"  # main | embedded
    fixed_slug: str | None = None  # chosen by `import` when the natural slug is taken
    kinds: dict[str, str] = field(default_factory=dict)  # printed name -> person|organization
    lines: dict[str, int] = field(default_factory=dict)  # printed name -> source line
    columns: dict[str, int] = field(default_factory=dict)  # name -> names printed side by side
    chambers: dict[str, str] = field(default_factory=dict)  # name in prose -> 'sen' | 'rep'
    congress: bool = False  # its letterhead or signature block says Congress, Senate or House
    sender_given: bool = False  # the sender came from the user (--sender), not the text

    @property
    def slug(self) -> str:
        return self.fixed_slug or f"{self.metadata['date']}-{self._words()}"

    def _words(self) -> str:
        stop = {"a", "an", "the", "of", "on", "to", "and", "in", "for", "s", "u", "re"}
        words = [w for w in slugify(str(self.metadata["title"]), 40, 10_000).split("-")
                 if w and w not in stop]
        out: list[str] = []
        for word in words:
            if len("-".join(out + [word])) > 60:
                if not out:
                    out.append(word[:60])
                break
            out.append(word)
        return "-".join(out) or "document"

    def ordered(self) -> dict[str, Any]:
        """The front matter in the table's order; a key the table does not know is a mistake
        of the converter, never dropped in silence."""
        unknown = sorted(set(self.metadata) - set(ORDER))
        if unknown:
            raise ValueError(f"front matter key(s) not in the field table: {', '.join(unknown)}")
        meta = {k: self.metadata[k] for k in ORDER if self.metadata.get(k) not in (None, [], {})}
        if "signatories" in self.metadata and "signatories" not in meta:
            meta["signatories"] = []
        return {k: meta[k] for k in ORDER if k in meta}


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

