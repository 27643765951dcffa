"""Turning front matter into Letters, with every problem reported (schema + cross references)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from undersigned.core.letters import LetterSource
from undersigned.core.model import TYPES, Letter, Recipient, Signature, Topic, pack_body
from undersigned.core.problems import Problem
from undersigned.core.registry import Registry
from undersigned.core.schema import LETTER_SCHEMA, MAX_SLUG, SLUG_PATTERN, YEARS


def _python_patterns(schema: Any) -> Any:
    """The schema with each pattern's final ``$`` as ``\\Z``: the published schema is read with
    ECMA-262 rules (``$`` ends the text), but Python's ``$`` also matches before a final
    newline, and ``re.search`` would take 'abc\\n' for an id."""
    if isinstance(schema, dict):
        return {k: (v[:-1] + r"\Z" if k == "pattern" and isinstance(v, str) and v.endswith("$")
                    else _python_patterns(v)) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_python_patterns(v) for v in schema]
    return schema


def _published(pattern: str) -> str:
    """A pattern as the published schema writes it (``$``, not ``\\Z``)."""
    return pattern[:-2] + "$" if pattern.endswith(r"\Z") else pattern


_VALIDATOR = Draft202012Validator(_python_patterns(LETTER_SCHEMA))
_SLUG_RE = re.compile(SLUG_PATTERN)
_TYPE_NAMES = {"array": "a list", "string": "a string", "object": "a mapping"}


def _got(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "a string"


def _where(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _schema_problem(err: ValidationError, rel: str, src: LetterSource) -> Problem:
    path = tuple(err.absolute_path)
    line = src.front.line(*path, default=2)
    where = _where(path)
    v = err.validator
    if v == "additionalProperties":
        allowed = list(err.schema.get("properties", {}))
        extra = sorted(set(err.instance) - set(allowed))
        key = extra[0]
        line = src.front.line(*path, key, default=line)
        near = difflib.get_close_matches(key, allowed, n=1)
        hint = (f"did you mean '{near[0]}'? " if near else "") + "allowed keys: " + ", ".join(allowed)
        inside = f" in '{where}'" if where else " in front matter"
        return Problem(rel, line, f"unknown key '{key}'{inside}", hint)
    if v == "required":
        found = re.search(r"'([^']+)'", err.message)
        name = found.group(1) if found else "?"
        inside = f" in '{where}'" if where else ""
        return Problem(rel, line, f"missing required key '{name}'{inside}",
                       f"add `{name}:` to the front matter")
    if v == "type":
        want = _TYPE_NAMES.get(str(err.validator_value), str(err.validator_value))
        list_hint = "write it as a YAML list, e.g. [one, two]" if want == "a list" else None
        return Problem(rel, line, f"'{where}' must be {want}, not {_got(err.instance)}", list_hint)
    if v == "enum":
        return Problem(rel, line, f"'{where}' is '{err.instance}', which is not allowed",
                       "use one of: " + ", ".join(map(str, err.validator_value)))
    if v == "oneOf":
        inst = err.instance
        if isinstance(inst, dict):
            sub = LETTER_SCHEMA["properties"]["signatories"]["items"]["oneOf"][1]
            extra = sorted(set(inst) - set(sub["properties"]))
            if extra:
                line = src.front.line(*path, extra[0], default=line)
                return Problem(rel, line, f"unknown key '{extra[0]}' in '{where}'",
                               "allowed keys: " + ", ".join(sub["properties"]))
            if not isinstance(inst.get("name"), str) or not inst.get("name"):
                return Problem(rel, line, f"'{where}' has no 'name'",
                               "give the name exactly as printed: `name: ...`")
            wrong = next((k for k, x in inst.items() if not isinstance(x, str)), None)
            if wrong is not None:
                return _not_text(rel, src.front.line(*path, wrong, default=line), where, wrong,
                                 inst[wrong])
            bad = next(iter(e for e in err.context if e.validator != "type"), None)
            if bad is not None:
                return _schema_problem(bad, rel, src)
        return Problem(rel, line, f"'{where}' must be a name or a mapping with 'name', "
                       f"not {_got(inst)}", "write `- Name As Printed` or `- name: ...`")
    if v == "pattern" and path and path[0] == "date":
        return Problem(rel, line, f"bad date '{err.instance}'", "write the date as YYYY-MM-DD")
    if v == "pattern" and path and path[0] == "countries":
        return Problem(rel, line, f"country '{err.instance}' is not an ISO 3166-1 alpha-2 code",
                       "use two capital letters, e.g. MX, GT, HN, SV")
    if v == "pattern":
        return Problem(rel, line, f"'{where}' value '{err.instance}' has the wrong form",
                       f"it must match {_published(str(err.validator_value))}")
    if v == "minLength":
        return Problem(rel, line, f"'{where}' is empty", "give it a value or remove the key")
    if v == "minItems":
        return Problem(rel, line, f"'{where}' is empty", "list at least one")
    if v == "uniqueItems":
        return Problem(rel, line, f"'{where}' lists the same value twice", "remove the duplicate")
    return Problem(rel, line, f"'{where}': {err.message}", None)


def _not_text(rel: str, line: int | None, where: str, key: str, value: Any) -> Problem:
    """A field of a signatory, recipient or signer named that is not text (a list, a mapping,
    a number): refused with its line, never passed on to the registry."""
    hint = ("write the registry id as one plain word, e.g. `id: alan-lowenthal`" if key == "id"
            else "write it as plain text (quote it if it looks like a number or holds ': ')")
    return Problem(rel, line, f"'{where}': {key} must be text, not {_got(value)}", hint)


def _party(raw: Any) -> tuple[str, str | None, str | None, str | None]:
    if isinstance(raw, str):
        return raw, None, None, None
    return raw.get("name"), raw.get("id"), raw.get("role"), raw.get("organization")


def parties(data: Any) -> list[tuple[str, str | None]]:
    """(name, explicit id) of every signatory, recipient and signer named, in order: what a
    letter asks the registry to resolve."""
    out: list[tuple[str, str | None]] = []
    if not isinstance(data, dict):
        return out
    for key in ("signatories", "recipients", "signers_named"):
        items = data.get(key)
        for raw in items if isinstance(items, list) else []:
            if isinstance(raw, (str, dict)) and isinstance(_party(raw)[0], str):
                name, explicit, _role, _org = _party(raw)
                out.append((name, explicit if isinstance(explicit, str) else None))
    return out


def _group(raw: Any) -> str | None:
    return raw.get("group") if isinstance(raw, dict) and isinstance(raw.get("group"), str) \
        else None


def _unknown_name(registry: Registry, name: str, what: str) -> str:
    near = registry.closest(name)
    hint = ("add it to signatories.yaml (or as an alias of an existing entry); "
            "`undersigned import FILE --add-new` adds the names of a letter it imports")
    if near:
        hint += "; closest match: " + ", ".join(f"'{i}' ({label}, {s:g})" for i, label, s in near)
    return hint


_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_PROPS = LETTER_SCHEMA["properties"]
_PARTY_KEYS = set(_PROPS["signatories"]["items"]["oneOf"][1]["properties"])


def _nonempty(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _party_ok(item: Any) -> bool:
    if isinstance(item, str):
        return bool(item)
    return (isinstance(item, dict) and _nonempty(item.get("name")) and set(item) <= _PARTY_KEYS
            and all(_nonempty(v) for v in item.values())
            and (item.get("id") is None or bool(_ID.fullmatch(item["id"]))))


def _list_of(value: Any, rx: re.Pattern[str], min_items: int = 0) -> bool:
    return (isinstance(value, list) and len(value) >= min_items
            and len(set(map(str, value))) == len(value)
            and all(isinstance(v, str) and rx.fullmatch(v) for v in value))


def quick_valid(data: dict[str, Any]) -> bool:
    """A fast, conservative check of the common valid case. When it says False, the JSON
    Schema (the one source of truth) is run to find and word the problems."""
    if not set(LETTER_SCHEMA["required"]) <= set(data) or not set(data) <= set(_PROPS):
        return False
    if not all(_nonempty(data[k]) for k in ("title", "sender")) or data.get("type") not in TYPES:
        return False
    if not (isinstance(data["date"], str) and _DATE.fullmatch(data["date"])):
        return False
    for key in ("recipients", "signatories"):
        if key in data and not (isinstance(data[key], list) and all(map(_party_ok, data[key]))):
            return False
    if not _list_of(data["topics"], _ID, 1):
        return False
    if "countries" in data and not _list_of(data["countries"], _ISO2):
        return False
    if "related" in data and not _list_of(data["related"], _SLUG_RE):
        return False
    if "signers_named" in data and not (isinstance(data["signers_named"], list)
                                        and all(map(_party_ok, data["signers_named"]))):
        return False
    if "redirect_from" in data and not _list_of(data["redirect_from"], _SLUG_RE):
        return False
    if "edited" in data or "acknowledged" in data:
        return False  # rare: the JSON Schema checks their keys and reasons
    if "summary" in data and not _nonempty(data["summary"]):
        return False
    source = data.get("source")
    if source is not None:
        if not isinstance(source, dict) or not set(source) <= {"original", "url", "publisher"}:
            return False
        if not all(_nonempty(v) for v in source.values()):
            return False
        if "url" in source and not source["url"].startswith(("http://", "https://")):
            return False
    return True


def _twice(rel: str, signatures: list[Signature]) -> list[Problem]:
    """A warning for each signatory listed again (a real list can repeat a name by mistake),
    naming both lines."""
    first: dict[str, Signature] = {}
    out = []
    for sig in signatures:
        if not sig.id:
            continue  # unresolved: an error already
        seen = first.setdefault(sig.id, sig)
        if seen is not sig:
            out.append(Problem(rel, sig.line, f"signatory '{sig.name}' is listed twice (lines "
                               f"{seen.line} and {sig.line}, both '{sig.id}')",
                               "remove the second entry, unless the document really prints the "
                               "name twice", warning=True))
    return out


def build_letter(src: LetterSource, registry: Registry, topics: dict[str, Topic]
                 ) -> tuple[Letter | None, list[Problem]]:
    """Check one letter's front matter against the schema, registry and topics."""
    rel, data, front = src.rel, src.front.data, src.front
    problems = [] if quick_valid(data) else [
        _schema_problem(e, rel, src)
        for e in sorted(_VALIDATOR.iter_errors(data), key=lambda e: list(map(str, e.path)))]
    slug = src.path.stem
    if not _SLUG_RE.fullmatch(slug):
        problems.append(Problem(rel, None, f"file name '{src.path.name}' is not a valid slug",
                                "name it YYYY-MM-DD-words-in-kebab-case.md (lowercase, no spaces)"))
    elif len(slug) > MAX_SLUG:
        problems.append(Problem(rel, None, f"file name is {len(slug)} characters long; "
                                f"the limit is {MAX_SLUG} (without .md)",
                                "shorten the words after the date"))
    date = None
    raw_date = data.get("date")
    if isinstance(raw_date, str) and _DATE.fullmatch(raw_date):
        try:
            date = dt.date.fromisoformat(raw_date)
        except ValueError as exc:
            problems.append(Problem(rel, front.line("date"), f"impossible date '{raw_date}': {exc}",
                                    "write the date printed on the document as YYYY-MM-DD"))
        if date and not YEARS[0] <= date.year <= YEARS[1]:
            problems.append(Problem(rel, front.line("date"), f"date {raw_date} is outside "
                                    f"{YEARS[0]}-{YEARS[1]}",
                                    "write the date printed on the document as YYYY-MM-DD"))
            date = None
    if date and _SLUG_RE.fullmatch(slug) and slug[:10] != date.isoformat():
        problems.append(Problem(rel, front.line("date"),
                                f"slug date {slug[:10]} differs from date {date.isoformat()}",
                                f"rename the file to {date.isoformat()}{slug[10:]}.md "
                                "or correct 'date'"))
    if not src.body.strip():
        problems.append(Problem(rel, src.body_line - 1, "empty body",
                                "paste the text of the document below the front matter"))
    if data.get("type") == "letter" and not data.get("recipients"):
        problems.append(Problem(rel, front.line("type"), "a letter needs 'recipients'",
                                "add `recipients:` with the name and role of each addressee"))
    signatures: list[Signature] = []
    recipients: list[Recipient] = []
    named: list[Signature] = []
    for key in ("signatories", "recipients", "signers_named"):
        items = data.get(key)
        if not isinstance(items, list):
            continue
        for i, raw in enumerate(items):
            if not isinstance(raw, (str, dict)) or not isinstance(_party(raw)[0], str):
                continue
            name, explicit, role, org = _party(raw)
            line = front.line(key, i)
            if isinstance(raw, dict) and not all(isinstance(x, str) for x in raw.values()):
                continue  # a field that is not text: reported by the schema check (_not_text)
            entity_id = registry.resolve(name, explicit)
            if entity_id is None:
                what = {"signatories": "signatory", "recipients": "recipient",
                        "signers_named": "signer named"}[key]
                if explicit:
                    problems.append(Problem(rel, front.line(key, i, "id", default=line),
                                            f"{what} id '{explicit}' is not in signatories.yaml",
                                            _unknown_name(registry, explicit, what)))
                else:
                    problems.append(Problem(rel, line, f"unknown {what} '{name}'",
                                            _unknown_name(registry, name, what)))
            if key == "signatories":
                signatures.append(Signature.of(name, entity_id or "", role, i + 1, line,
                                               _group(raw)))
            elif key == "signers_named":
                named.append(Signature.of(name, entity_id or "", role, i + 1, line))
            else:
                recipients.append(Recipient.of(name, entity_id or "", role, org, line))
    problems += _twice(rel, signatures)
    raw_topics = data.get("topics") if isinstance(data.get("topics"), list) else []
    for i, topic in enumerate(raw_topics):
        if isinstance(topic, str) and topic not in topics:
            near = difflib.get_close_matches(topic, list(topics), n=1)
            problems.append(Problem(rel, front.line("topics", i), f"unknown topic '{topic}'",
                                    (f"did you mean '{near[0]}'? " if near else "")
                                    + "topics are defined in topics.yaml: "
                                    + ", ".join(sorted(topics))))
    if any(not p.warning for p in problems) or date is None:
        return None, problems
    source = data.get("source") or {}
    letter = Letter(
        slug=slug, path=src.path, title=data["title"], date=date, type=data["type"],
        sender=data["sender"], recipients=tuple(recipients), signatures=tuple(signatures),
        topics=tuple(raw_topics), countries=tuple(data.get("countries") or ()),
        related=tuple(data.get("related") or ()),
        redirect_from=tuple(data.get("redirect_from") or ()),
        signers_named=tuple(named), source={k: str(v) for k, v in source.items()},
        summary=data.get("summary"), packed=pack_body(src.body), body_line=src.body_line,
    )
    return letter, problems

