"""Appending entries to ``signatories.yaml`` as text: comments, order and formatting of the
existing entries are never touched."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import yaml

from undersigned.core.writes import write_atomic


class Proposal(Protocol):
    """A new entry to append (ingest/proposals.py's Proposal is one)."""

    id: str
    name: str
    kind: str
    bioguide: str | None
    aliases: list[str]


def _scalar(value: Any) -> str:
    """A YAML scalar that is safe inside a flow list too."""
    text = yaml.safe_dump(value, allow_unicode=True, width=10**9)
    text = text.removesuffix("\n").removesuffix("\n...").strip()
    if any(c in text for c in ",[]{}#") and not text.startswith(("'", '"')):
        return json.dumps(value, ensure_ascii=False)
    return text


def entry_yaml(p: Proposal) -> str:
    """One block-style entry, aliases as a flow list (the registry's house style)."""
    out = [f"{_scalar(p.id)}:", f"  name: {_scalar(p.name)}", f"  kind: {p.kind}"]
    if p.aliases:
        out.append("  aliases: [" + ", ".join(_scalar(a) for a in p.aliases) + "]")
    if p.bioguide:
        out.append(f"  bioguide: {p.bioguide}")
    return "\n".join(out) + "\n"


def with_entries(path: Path, proposals: Sequence[Proposal]) -> str | None:
    """The registry file as it is now (read again: another import may have added to it) with
    the proposals appended; None when there is nothing to add."""
    added = "".join(entry_yaml(p) for p in proposals)
    if not added:
        return None
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if current.strip() in ("{}", ""):
        current = current.replace("{}", "").rstrip("\n")
    sep = "" if not current or current.endswith("\n") else "\n"
    return current + sep + added


def append_entries(path: Path, proposals: Sequence[Proposal]) -> str:
    """Append the proposals to the registry file; return the text added."""
    text = with_entries(path, proposals)
    if text is None:
        return ""
    write_atomic(path, text)
    return "".join(entry_yaml(p) for p in proposals)
