"""Turning front matter into Letters, with every problem reported (schema + cross references)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from undersigned.core.countries import country_names
from undersigned.core.fields import FIELDS, PARTY_PROPERTIES, extra_fields, quick_valid
from undersigned.core.letters import LetterSource
from undersigned.core.model import Letter, Recipient, Signature, Topic, pack_body
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


@dataclass(frozen=True)
class _Err:
    """A schema error with where it is: its path, line and the path as words."""

    err: ValidationError
    rel: str
    src: LetterSource
    path: tuple[Any, ...]
    line: int | None
    where: str

    def problem(self, message: str, hint: str | None, line: int | None = None) -> Problem:
        return Problem(self.rel, self.line if line is None else line, message, hint)


def _unknown_key(e: _Err) -> Problem:
    allowed = list(e.err.schema.get("properties", {}))
    key = sorted(set(e.err.instance) - set(allowed))[0]
    near = difflib.get_close_matches(key, allowed, n=1)
    hint = (f"did you mean '{near[0]}'? " if near else "") + "allowed keys: " + ", ".join(allowed)
    inside = f" in '{e.where}'" if e.where else " in front matter"
    return e.problem(f"unknown key '{key}'{inside}", hint,
                     e.src.front.line(*e.path, key, default=e.line))


def _missing(e: _Err) -> Problem:
    found = re.search(r"'([^']+)'", e.err.message)
    name = found.group(1) if found else "?"
    inside = f" in '{e.where}'" if e.where else ""
    return e.problem(f"missing required key '{name}'{inside}", f"add `{name}:` to the front matter")


def _wrong_type(e: _Err) -> Problem:
    want = _TYPE_NAMES.get(str(e.err.validator_value), str(e.err.validator_value))
    hint = "write it as a YAML list, e.g. [one, two]" if want == "a list" else None
    if isinstance(e.err.instance, bool) and want == "a string":  # YAML 1.1: NO is false
        hint = ("YAML reads NO, YES, ON, OFF, Y and N as true or false: write it in quotes "
                "(\"NO\" for Norway)")
    return e.problem(f"'{e.where}' must be {want}, not {_got(e.err.instance)}", hint)


def _not_allowed(e: _Err) -> Problem:
    return e.problem(f"'{e.where}' is '{e.err.instance}', which is not allowed",
                     "use one of: " + ", ".join(map(str, e.err.validator_value)))


def _party_problem(e: _Err) -> Problem:
    inst = e.err.instance
    if isinstance(inst, dict):
        extra = sorted(set(inst) - set(PARTY_PROPERTIES))
        if extra:
            return e.problem(f"unknown key '{extra[0]}' in '{e.where}'",
                             "allowed keys: " + ", ".join(PARTY_PROPERTIES),
                             e.src.front.line(*e.path, extra[0], default=e.line))
        if not isinstance(inst.get("name"), str) or not inst.get("name"):
            return e.problem(f"'{e.where}' has no 'name'",
                             "give the name exactly as printed: `name: ...`")
        wrong = next((k for k, x in inst.items() if not isinstance(x, str)), None)
        if wrong is not None:
            return _not_text(e.rel, e.src.front.line(*e.path, wrong, default=e.line), e.where,
                             wrong, inst[wrong])
        bad = next(iter(x for x in e.err.context if x.validator != "type"), None)
        if bad is not None:
            return _schema_problem(bad, e.rel, e.src)
    return e.problem(f"'{e.where}' must be a name or a mapping with 'name', not {_got(inst)}",
                     "write `- Name As Printed` or `- name: ...`")


def _wrong_form(e: _Err) -> Problem:
    field = e.path[0] if e.path else None
    if field == "date":
        return e.problem(f"bad date '{e.err.instance}'", "write the date as YYYY-MM-DD")
    if field == "countries":
        return e.problem(f"country '{e.err.instance}' is not an ISO 3166-1 alpha-2 code",
                         "use two capital letters, e.g. MX, GT, HN, SV")
    return e.problem(f"'{e.where}' value '{e.err.instance}' has the wrong form",
                     f"it must match {_published(str(e.err.validator_value))}")


_WORDED: dict[str, Callable[[_Err], Problem]] = {
    "additionalProperties": _unknown_key,
    "required": _missing,
    "type": _wrong_type,
    "enum": _not_allowed,
    "oneOf": _party_problem,
    "pattern": _wrong_form,
    "minLength": lambda e: e.problem(f"'{e.where}' is empty", "give it a value or remove the key"),
    "minItems": lambda e: e.problem(f"'{e.where}' is empty", "list at least one"),
    "uniqueItems": lambda e: e.problem(f"'{e.where}' lists the same value twice",
                                       "remove the duplicate"),
}


def _schema_problem(err: ValidationError, rel: str, src: LetterSource) -> Problem:
    """A schema error in the words of a contributor, at the line of the value."""
    path = tuple(err.absolute_path)
    e = _Err(err, rel, src, path, src.front.line(*path, default=2), _where(path))
    worded = _WORDED.get(str(err.validator))
    return worded(e) if worded else e.problem(f"'{e.where}': {err.message}", None)


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


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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


def _slug_problems(rel: str, src: LetterSource) -> list[Problem]:
    slug = src.path.stem
    if not _SLUG_RE.fullmatch(slug):
        return [Problem(rel, None, f"file name '{src.path.name}' is not a valid slug",
                        "name it YYYY-MM-DD-words-in-kebab-case.md (lowercase, no spaces)")]
    if len(slug) > MAX_SLUG:
        return [Problem(rel, None, f"file name is {len(slug)} characters long; "
                        f"the limit is {MAX_SLUG} (without .md)", "shorten the words after the date")]
    return []


def _date(rel: str, src: LetterSource, problems: list[Problem]) -> dt.date | None:
    """The letter's date, if it is a real one in range that its slug agrees with."""
    front, raw = src.front, src.front.data.get("date")
    if not (isinstance(raw, str) and _DATE.fullmatch(raw)):
        return None
    hint = "write the date printed on the document as YYYY-MM-DD"
    try:
        date = dt.date.fromisoformat(raw)
    except ValueError as exc:
        problems.append(Problem(rel, front.line("date"), f"impossible date '{raw}': {exc}", hint))
        return None
    if not YEARS[0] <= date.year <= YEARS[1]:
        problems.append(Problem(rel, front.line("date"), f"date {raw} is outside "
                                f"{YEARS[0]}-{YEARS[1]}", hint))
        return None
    slug = src.path.stem
    if _SLUG_RE.fullmatch(slug) and slug[:10] != date.isoformat():
        problems.append(Problem(rel, front.line("date"),
                                f"slug date {slug[:10]} differs from date {date.isoformat()}",
                                f"rename the file to {date.isoformat()}{slug[10:]}.md "
                                "or correct 'date'"))
    return date


_WHAT = {"signatories": "signatory", "recipients": "recipient", "signers_named": "signer named"}


def _parties(rel: str, src: LetterSource, registry: Registry, key: str,
             problems: list[Problem]) -> list[Signature] | list[Recipient]:
    """The signatures, recipients or signers named of one field, each resolved (an unknown
    name is a problem)."""
    front, items = src.front, src.front.data.get(key)
    out: list[Any] = []
    for i, raw in enumerate(items if isinstance(items, list) else []):
        if not isinstance(raw, (str, dict)) or not isinstance(_party(raw)[0], str):
            continue
        if isinstance(raw, dict) and not all(isinstance(x, str) for x in raw.values()):
            continue  # a field that is not text: reported by the schema check (_not_text)
        name, explicit, role, org = _party(raw)
        line = front.line(key, i)
        entity_id = registry.resolve(name, explicit)
        if entity_id is None and explicit:
            problems.append(Problem(rel, front.line(key, i, "id", default=line),
                                    f"{_WHAT[key]} id '{explicit}' is not in signatories.yaml",
                                    _unknown_name(registry, explicit, _WHAT[key])))
        elif entity_id is None:
            problems.append(Problem(rel, line, f"unknown {_WHAT[key]} '{name}'",
                                    _unknown_name(registry, name, _WHAT[key])))
        if key == "recipients":
            out.append(Recipient.of(name, entity_id or "", role, org, line))
        else:
            out.append(Signature.of(name, entity_id or "", role, i + 1, line,
                                    _group(raw) if key == "signatories" else None))
    return out


def _one_line(rel: str, src: LetterSource) -> list[Problem]:
    """A title or sender is one line (a page title, a citation, a CSV cell)."""
    return [Problem(rel, src.front.line(key), f"'{key}' spans several lines",
                    f"write the {key} on one line")
            for key in ("title", "sender")
            if isinstance(src.front.data.get(key), str) and "\n" in src.front.data[key].strip()]


_RAW_HTML = re.compile(r"<(?:script|style|iframe|object|embed|form|link|meta)\b|javascript:",
                       re.I)


def _raw_html(rel: str, src: LetterSource) -> list[Problem]:
    """HTML in a body that the page removes (scripts, frames, javascript: links): said, with
    its line, so that no text disappears without a word."""
    out = []
    for k, text in enumerate(src.body.split("\n")):
        found = _RAW_HTML.search(text)
        if found:
            out.append(Problem(rel, src.body_line + k, f"the body holds '{found.group(0)}', "
                               "which the page removes (with what it encloses)",
                               "write the document's text as Markdown, without HTML tags",
                               warning=True))
    return out


def _country_problems(rel: str, src: LetterSource) -> list[Problem]:
    """A code of the right form that is no country ('XX', 'UK' for GB)."""
    raw = src.front.data.get("countries")
    known = country_names()
    return [Problem(rel, src.front.line("countries", i), f"country '{code}' is not an ISO "
                    "3166-1 alpha-2 code", "use the code of the country, e.g. MX, GT, HN, SV"
                    + (" (the United Kingdom is GB)" if code == "UK" else ""))
            for i, code in enumerate(raw if isinstance(raw, list) else [])
            if isinstance(code, str) and len(code) == 2 and code.isupper() and code not in known]


def _topic_problems(rel: str, src: LetterSource, topics: dict[str, Topic]) -> list[Problem]:
    raw_topics = src.front.data.get("topics")
    out = []
    for i, topic in enumerate(raw_topics if isinstance(raw_topics, list) else []):
        if isinstance(topic, str) and topic in topics and topics[topic].retired:
            out.append(Problem(rel, src.front.line("topics", i), f"topic '{topic}' is a former "
                               "topic, split into: " + ", ".join(topics[topic].replaced_by),
                               "use those of them the document is about (topics.yaml)"))
        elif isinstance(topic, str) and topic not in topics:
            near = difflib.get_close_matches(topic, list(topics), n=1)
            out.append(Problem(rel, src.front.line("topics", i), f"unknown topic '{topic}'",
                               (f"did you mean '{near[0]}'? " if near else "")
                               + "topics are defined in topics.yaml: " + ", ".join(sorted(topics))))
    return out


def build_letter(src: LetterSource, registry: Registry, topics: dict[str, Topic]
                 ) -> tuple[Letter | None, list[Problem]]:
    """Check one letter's front matter against the schema, registry and topics; the letter's
    fields are read as the field table (core/fields.py) declares them."""
    rel, data, front = src.rel, src.front.data, src.front
    problems = [] if quick_valid(data) else [
        _schema_problem(e, rel, src)
        for e in sorted(_VALIDATOR.iter_errors(data), key=lambda e: list(map(str, e.path)))]
    problems += _slug_problems(rel, src)
    date = _date(rel, src, problems)
    if not src.body.strip():
        problems.append(Problem(rel, src.body_line - 1, "empty body",
                                "paste the text of the document below the front matter"))
    if data.get("type") == "letter" and not data.get("recipients"):
        problems.append(Problem(rel, front.line("type"), "a letter needs 'recipients'",
                                "add `recipients:` with the name and role of each addressee"))
    people = {f.attr: tuple(_parties(rel, src, registry, f.key, problems))
              for f in FIELDS if f.parties and f.attr}
    problems += _twice(rel, list(people["signatures"]))  # type: ignore[arg-type]
    problems += _topic_problems(rel, src, topics)
    problems += _country_problems(rel, src)
    problems += _one_line(rel, src) + _raw_html(rel, src)
    if any(not p.warning for p in problems) or date is None:
        return None, problems
    values = {f.attr: f.kind.model(data[f.key]) for f in FIELDS
              if f.attr and f.stored and not f.parties and data.get(f.key) is not None}
    letter = Letter(**{**values, **people, "date": date}, slug=src.path.stem, path=src.path,
                    extra=extra_fields(data), packed=pack_body(src.body),
                    body_line=src.body_line)
    return letter, problems
