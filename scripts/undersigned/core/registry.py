"""The registry of people and organizations (``signatories.yaml``) and name resolution."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from undersigned.core.model import HTTP_URL, KINDS, Entity
from undersigned.core.names import fold
from undersigned.core.problems import Problem
from undersigned.core.schema import MAX_ID
from undersigned.core.yamlfile import read_yaml_file

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("name", "kind")
ALLOWED = REQUIRED + ("aliases", "description", "bioguide", "url", "wikidata", "sort")
BIOGUIDE_RE = re.compile(r"^[A-Z]\d{6}$")


SIMILAR = 85  # the least similarity (0-100, Levenshtein ratio of folded names) offered as
# 'closest': two different people or organizations rarely come this close


@dataclass
class Registry:
    entities: dict[str, Entity] = field(default_factory=dict)
    _index: dict[str, str] = field(default_factory=dict)

    def add(self, entity: Entity) -> None:
        self.entities[entity.id] = entity
        for name in (entity.name, *entity.aliases):
            self._index.setdefault(fold(name), entity.id)

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def organization_keys(self) -> frozenset[str]:
        """The folded names and aliases of every organization (the converter keeps a signer
        printed as one whole: 'Tzome Ixuk, Mujeres Organizadas A.C.')."""
        return frozenset(fold(x) for e in self.entities.values() if e.kind == "organization"
                         for x in (e.name, *e.aliases))

    def resolve(self, name: str, explicit_id: str | None = None) -> str | None:
        """The registry id for a printed name: explicit id, else folded name or alias."""
        if explicit_id:
            return explicit_id if explicit_id in self.entities else None
        return self._index.get(fold(name))

    def closest(self, name: str, limit: int = 3) -> list[tuple[str, str, float]]:
        """(id, matched name, score 0-100) of the names and aliases really like ``name``: a
        slip of a few letters (``Alan Lowental``), never an entry that only shares a word
        with it (a partial or token-set score would offer 'Human Rights Watch' for 'Human
        Rights First'). An id is also found by its beginning (``rex-t``)."""
        choices = {}
        for entity in self.entities.values():
            for label in (entity.name, *entity.aliases):
                choices[f"{entity.id}\x00{label}"] = fold(label)
        found = process.extract(fold(name), choices, scorer=fuzz.ratio, limit=limit * 3,
                                score_cutoff=SIMILAR)
        out: list[tuple[str, str, float]] = []
        for _folded, score, key in found:
            entity_id, label = key.split("\x00", 1)
            if entity_id not in {o[0] for o in out}:
                out.append((entity_id, label, round(score, 1)))
        if not out and "-" in name and " " not in name.strip():  # an id cut short
            out = [(e.id, e.name, round(fuzz.ratio(name.strip(), e.id), 1))
                   for e in sorted(self.entities.values(), key=lambda e: e.id)
                   if e.id.startswith(name.strip())]
        return out[:limit]


def _str_list(value: object) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def load_registry(path: Path, rel: str = "signatories.yaml") -> tuple[Registry, list[Problem]]:
    """Load and check ``signatories.yaml``; return the registry and every problem found."""
    registry = Registry()
    problems: list[Problem] = []
    if not path.exists():
        return registry, [Problem(rel, None, "registry file is missing",
                                  "create signatories.yaml (it may be an empty mapping: {})")]
    doc, _text, problems = read_yaml_file(path, rel)
    if doc is None:
        return registry, problems
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        return registry, [Problem(rel, 1, "the registry must be a mapping of id -> entry",
                                  "write entries as `some-id:` followed by indented fields")]
    for parent, key, first, again in doc.duplicates:
        where = f"entry '{parent[0]}'" if parent else "the registry"
        problems.append(Problem(rel, again, f"duplicate key '{key}' in {where} (first on line {first})",
                                "YAML keeps only the last one; merge the two or rename one"))
    claimed: dict[str, tuple[str, str]] = {}  # folded label -> (id, label)
    for entity_id, raw in data.items():
        line = doc.line(entity_id)
        entity_id = str(entity_id)
        problems += check_id(rel, line, entity_id, "id")
        if not isinstance(raw, dict):
            problems.append(Problem(rel, line, f"entry '{entity_id}' must be a mapping",
                                    "give at least `name:` and `kind:`"))
            continue
        problems += check_keys(rel, doc, entity_id, raw, ALLOWED, "entry")
        registry.add(_entity(rel, doc, entity_id, raw, line, problems, claimed))
    return registry, problems


def _entity(rel: str, doc: Any, entity_id: str, raw: dict[str, Any], line: int | None,
            problems: list[Problem], claimed: dict[str, tuple[str, str]]) -> Entity:
    """One entry, its problems reported (a bad field is left out, never guessed)."""
    for key in REQUIRED:
        if key not in raw:
            problems.append(Problem(rel, line, f"entry '{entity_id}' has no '{key}'",
                                    f"add `{key}:`" + (" person or organization" if key == "kind" else "")))
    name = raw.get("name")
    if "name" in raw and (not isinstance(name, str) or not name.strip()):
        problems.append(Problem(rel, doc.line(entity_id, "name"),
                                f"'name' of '{entity_id}' must be a non-empty string", None))
        name = None
    kind = raw.get("kind", "person")
    if kind not in KINDS:
        problems.append(Problem(rel, doc.line(entity_id, "kind"),
                                f"kind '{kind}' of '{entity_id}' is not allowed",
                                "use one of: " + ", ".join(KINDS)))
    aliases = raw.get("aliases", [])
    if _str_list(aliases) is None:
        problems.append(Problem(rel, doc.line(entity_id, "aliases"),
                                f"'aliases' of '{entity_id}' must be a list of strings",
                                "write aliases: [Name One, Name Two]"))
        aliases = []
    bioguide = raw.get("bioguide")
    if bioguide is not None and not (isinstance(bioguide, str) and BIOGUIDE_RE.fullmatch(bioguide)):
        problems.append(Problem(rel, doc.line(entity_id, "bioguide"),
                                f"bioguide '{bioguide}' of '{entity_id}' is not a bioguide id",
                                "a bioguide id is one capital letter and six digits, e.g. L000579"))
        bioguide = None
    sort = _sort(rel, doc, entity_id, raw, kind, problems)
    _claim(rel, doc, entity_id, ([name] if name else []) + list(aliases), claimed, problems)
    url, wikidata = _links(rel, doc, entity_id, raw, problems)
    return Entity(
        id=entity_id, name=name or entity_id, kind=kind if kind in KINDS else "person",
        aliases=tuple(aliases), description=_opt(raw, "description"), bioguide=bioguide,
        url=url, wikidata=wikidata, line=line, sort=sort,
    )


def _sort(rel: str, doc: Any, entity_id: str, raw: dict[str, Any], kind: Any,
          problems: list[Problem]) -> str | None:
    sort = raw.get("sort")
    if sort is not None and not (isinstance(sort, str) and sort.strip(", ")):
        problems.append(Problem(rel, doc.line(entity_id, "sort"),
                                f"'sort' of '{entity_id}' must be a non-empty string",
                                "write the name as filed: sort: \"Family, Given\""))
        sort = None
    elif sort is not None and kind == "person" and "," not in sort:
        problems.append(Problem(rel, doc.line(entity_id, "sort"),
                                f"'sort' of '{entity_id}' has no comma: '{sort}'",
                                "write the family name, a comma and the given names: "
                                "sort: \"Reyes Covarrubias, Raúl\""))
        sort = None
    return sort


def _claim(rel: str, doc: Any, entity_id: str, labels: list[str],
           claimed: dict[str, tuple[str, str]], problems: list[Problem]) -> None:
    """Every name and alias belongs to one entry (after folding)."""
    for i, label in enumerate(labels):
        key = fold(label)
        at = doc.line(entity_id, "aliases", i - 1) if i else doc.line(entity_id, "name")
        if key in claimed and claimed[key][0] != entity_id:
            other, other_label = claimed[key]
            what = "name" if i == 0 else "alias"
            problems.append(Problem(rel, at,
                                    f"{what} '{label}' of '{entity_id}' is already claimed by "
                                    f"'{other}' ('{other_label}')",
                                    "names and aliases must be unique after folding case, "
                                    "accents and punctuation; remove it from one entry"))
        else:
            claimed.setdefault(key, (entity_id, label))


def _links(rel: str, doc: Any, entity_id: str, raw: dict[str, Any], problems: list[Problem]
           ) -> tuple[str | None, str | None]:
    url, wikidata = _opt(raw, "url"), _opt(raw, "wikidata")
    if url is not None and not re.fullmatch(HTTP_URL, url):
        problems.append(Problem(rel, doc.line(entity_id, "url"),
                                f"url of '{entity_id}' is not an http(s) address",
                                "write the page's full address: https://…"))
        url = None
    if wikidata is not None and not re.fullmatch(r"Q[1-9][0-9]{0,11}", wikidata):
        problems.append(Problem(rel, doc.line(entity_id, "wikidata"),
                                f"wikidata '{wikidata}' of '{entity_id}' is not a Wikidata id",
                                "a Wikidata id is Q and a number, e.g. Q42"))
        wikidata = None
    return url, wikidata


def check_id(rel: str, line: int | None, value: str, what: str) -> list[Problem]:
    if ID_RE.fullmatch(value) and len(value) > MAX_ID:
        return [Problem(rel, line, f"{what} '{value[:20]}…' is {len(value)} characters long; "
                        f"the limit is {MAX_ID}", "shorten it")]
    if ID_RE.fullmatch(value):
        return []
    return [Problem(rel, line, f"{what} '{value}' is not a slug",
                    "use lowercase letters, digits and single hyphens")]


def check_keys(rel: str, doc: Any, entry_id: str, raw: dict[str, Any], allowed: tuple[str, ...],
               what: str) -> list[Problem]:
    """Unknown keys of one entry of a YAML mapping file."""
    return [Problem(rel, doc.line(entry_id, key), f"unknown key '{key}' in {what} '{entry_id}'",
                    "allowed keys: " + ", ".join(allowed)) for key in raw if key not in allowed]


def _opt(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    return str(value) if value is not None else None


def registry_payload(registry: Registry, problems: list[Problem]) -> dict[str, Any]:
    """The registry and its problems as JSON values (for the cache of cache.py)."""
    return {"entities": [[e.id, e.name, e.kind, list(e.aliases), e.description, e.bioguide,
                          e.url, e.wikidata, e.line, e.sort] for e in registry.entities.values()],
            "index": registry._index,
            "problems": [[p.path, p.line, p.message, p.hint, p.warning] for p in problems]}


def registry_from_payload(payload: dict[str, Any]) -> tuple[Registry, list[Problem]]:
    registry = Registry()
    for row in payload["entities"]:
        entity = Entity(id=row[0], name=row[1], kind=row[2], aliases=tuple(row[3]),
                        description=row[4], bioguide=row[5], url=row[6], wikidata=row[7],
                        line=row[8], sort=row[9])
        registry.entities[entity.id] = entity
    registry._index = dict(payload["index"])
    return registry, [Problem(*p) for p in payload["problems"]]
