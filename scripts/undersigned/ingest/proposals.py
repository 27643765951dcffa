"""What a name resolution proposes: new registry entries and the problems found."""

from __future__ import annotations

from dataclasses import dataclass, field

from undersigned.core.problems import Problem
from undersigned.ingest.registry_edit import entry_yaml


@dataclass
class Proposal:
    id: str
    name: str
    kind: str
    bioguide: str | None = None
    aliases: list[str] = field(default_factory=list)
    printed: str = ""
    line: int | None = None
    source: str = ""  # the file it was printed in

    def yaml(self) -> str:
        return entry_yaml(self)


@dataclass
class Resolution:
    proposals: list[Proposal] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
