"""YAML with line numbers and duplicate-key detection (PyYAML silently keeps the last key)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from undersigned.core.characters import METADATA, YAML_UNREADABLE
from undersigned.core.hygiene import bad_lines, escaped
from undersigned.core.problems import Problem

try:
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python fallback
    _Base = yaml.SafeLoader


_RESOLVED: dict[tuple[str, bool], str] = {}


class _Loader(_Base):  # type: ignore[misc]
    """Safe loader that keeps dates as strings, so a bad date is reported, not raised.

    The tag of a plain scalar depends only on its text here (no path resolvers), and front
    matter repeats the same keys and names thousands of times: resolved tags are remembered
    (a quarter of the parsing time of 10,000 letters)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0] and not self.yaml_path_resolvers:
            key = (value, implicit[1])
            tag = _RESOLVED.get(key)
            if tag is None:
                if len(_RESOLVED) > 200_000:
                    _RESOLVED.clear()
                tag = _RESOLVED[key] = super().resolve(kind, value, implicit)
            return tag
        return super().resolve(kind, value, implicit)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()  # type: ignore[attr-defined]
}

Path_ = tuple[Any, ...]


class YamlError(Exception):
    def __init__(self, line: int | None, message: str, hint: str | None = None):
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(f"{line}: {message}")


@dataclass
class Located:
    """Parsed YAML plus the 1-based line of every key and list item."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    duplicates: list[tuple[Path_, str, int, int]] = field(default_factory=list)

    def line(self, *path: Any, default: int | None = None) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return default


# Limits of the one loader that reads front matter, signatories.yaml and topics.yaml: input
# from strangers must not explode (aliases), recurse, nest without end or smuggle in types.
MAX_DEPTH = 20  # nesting of mappings and lists
MAX_ALIAS_NODES = 10_000  # nodes reached again through aliases, in one document
MAX_INT_DIGITS = 12
_STR, _MAP, _SEQ = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_QUOTED_STYLES = ("'", '"', "|", ">")


class _Guard:
    """Walks the composed node graph once, before anything is constructed: records the line of
    every key and list item, duplicate keys, and refuses what the loader must not build."""

    def __init__(self, loader: Any, out: Located, offset: int) -> None:
        self.loader, self.out, self.offset = loader, out, offset
        self.seen: set[int] = set()
        self.again = 0
        self.open: set[int] = set()

    def fail(self, node: yaml.Node, message: str, hint: str) -> YamlError:
        return YamlError(node.start_mark.line + 1 + self.offset, message, hint)

    def expected_tag(self, node: yaml.ScalarNode) -> str:
        if node.style in _QUOTED_STYLES:
            return _STR
        return str(self.loader.resolve(yaml.ScalarNode, node.value, (True, False)))

    def scalar(self, node: yaml.ScalarNode) -> None:
        expected = self.expected_tag(node)
        if node.tag != expected:
            raise self.fail(node, f"explicit tag '{_short(node.tag)}' is not allowed",
                            "remove the tag; values are plain text, numbers, lists and mappings")
        if expected == "tag:yaml.org,2002:int":
            text = node.value.lower().lstrip("+-")
            if text.startswith(("0x", "0o", "0b")):
                text = text[2:]  # hexadecimal digits are digits too (0xFFFF…)
            digits = sum(c.isalnum() for c in text)
            if digits > MAX_INT_DIGITS:
                raise self.fail(node, f"number with {digits} digits "
                                      f"(at most {MAX_INT_DIGITS} are read as a number)",
                                "quote it if it is text")

    def walk(self, node: yaml.Node, path: Path_, depth: int = 0) -> None:
        key = id(node)
        if key in self.open:
            raise self.fail(node, "recursive alias (a node that contains itself)",
                            "write the value out instead of using '&anchor' and '*alias'")
        if key in self.seen:
            self.again += 1
            if self.again > MAX_ALIAS_NODES:
                raise self.fail(node, f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes",
                                "write the values out instead of using '&anchor' and '*alias'")
        self.seen.add(key)
        if isinstance(node, yaml.ScalarNode):
            self.scalar(node)
            return
        if depth >= MAX_DEPTH:
            raise self.fail(node, f"nested more than {MAX_DEPTH} levels deep",
                            "no field of the archive needs this much nesting")
        self.open.add(key)
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                raise self.fail(node, f"explicit tag '{_short(node.tag)}' is not allowed",
                                "remove the tag; values are plain text, numbers, lists and mappings")
            self.mapping(node, path, depth)
        elif isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self.fail(node, f"explicit tag '{_short(node.tag)}' is not allowed",
                                "remove the tag; values are plain text, numbers, lists and mappings")
            for i, item in enumerate(node.value):
                self.out.lines[path + (i,)] = item.start_mark.line + 1 + self.offset
                self.walk(item, path + (i,), depth + 1)
        self.open.discard(key)

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> None:
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR \
                    or self.expected_tag(key_node) != _STR:
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "{…}"
                raise self.fail(key_node, f"key '{shown}' is not a string",
                                "keys are plain words; quote a key like 'true', 'null' or '2020', "
                                "and write no '<<' merge keys")
            key = key_node.value
            line = key_node.start_mark.line + 1 + self.offset
            if key in seen:
                self.out.duplicates.append((path, key, seen[key], line))
            else:
                seen[key] = line
                self.out.lines[path + (key,)] = line
            self.walk(value_node, path + (key,), depth + 1)


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") \
        else tag


def _check_depth(text: str, offset: int) -> None:
    """Refuse deep nesting before composing: PyYAML composes nodes recursively (the C composer
    crashes the process on ~100,000 nested brackets). Nesting is bounded by the flow brackets
    plus the longest line (block nesting needs indentation or indicators on a line), so only a
    text that could be deep is read event by event."""
    if text.count("[") + text.count("{") + max(map(len, text.split("\n"))) <= 200:
        return
    loader = _Loader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise YamlError(mark.line + 1 + offset if mark else None,
                                    f"nested more than {MAX_DEPTH} levels deep",
                                    "no field of the archive needs this much nesting")
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        # a syntax error (reported with its line by the real parse), or PyYAML's own nesting
        # limit, whose wording and depth change between versions (6.0.4 stops at 1,000 flow
        # levels while scanning ahead): the archive's message wins whenever the text nests
        deep = _deep_flow_line(text)
        if deep is not None:
            raise YamlError(deep + offset, f"nested more than {MAX_DEPTH} levels deep",
                            "no field of the archive needs this much nesting") from None
        return
    finally:
        loader.dispose()


_TAG_HINT = "remove the tag; values are plain text, numbers, lists and mappings"


def _written(value: tuple[str | None, str]) -> str:
    """A tag as it was written: ``!!str``, ``!e!str``, ``!<tag:yaml.org,2002:str>``, ``!``."""
    handle, suffix = value
    if handle:
        return handle + suffix
    return suffix if suffix == "!" else f"!<{suffix}>"


def _check_tags(text: str, offset: int) -> None:
    """Refuse every tag written in the text. The composed nodes cannot tell an explicit tag
    that names what the text would resolve to anyway (``!!str hello``,
    ``!<tag:yaml.org,2002:str>``, a document's ``--- !!map``) from no tag at all, so the
    tokens are read: a tag token is a tag the author wrote. Only a text with a '!' can hold
    one."""
    if "!" not in text:
        return
    loader = _Loader(text)
    try:
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, yaml.TagToken):
                mark = token.start_mark
                raise YamlError(mark.line + 1 + offset if mark else None,
                                f"explicit tag '{_written(token.value)}' is not allowed",
                                _TAG_HINT)
    except yaml.YAMLError:
        return  # a syntax error or a nesting limit: reported by _check_depth or the real parse
    finally:
        loader.dispose()


def _deep_flow_line(text: str) -> int | None:
    """The 1-based line where flow brackets (``[``, ``{``) outside quotes and comments first
    nest deeper than MAX_DEPTH, or None. Only asked after PyYAML failed on the text."""
    depth, line, quote = 0, 1, ""
    at_line_start = True
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            line, at_line_start = line + 1, True
            i += 1
            continue
        if quote:
            if c == "\\" and quote == '"':
                i += 2
                continue
            if c == quote:
                quote = ""
        elif c in "'\"" and (i == 0 or text[i - 1] in " \t[{,:"):
            quote = c
        elif c == "#" and (at_line_start or text[i - 1] in " \t"):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif c in "]}":
            depth = max(0, depth - 1)
        at_line_start = at_line_start and c in " \t"
        i += 1
    return None


def load_yaml(text: str, *, offset: int = 0) -> Located:
    """Parse one YAML document; ``offset`` shifts reported lines (front matter after ``---``)."""
    _check_depth(text, offset)
    _check_tags(text, offset)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        located = Located(None)
        if node is not None:  # checked before anything is constructed
            _Guard(loader, located, offset).walk(node, ())
            located.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 + offset if mark else None
        problem = exc.problem or str(exc)
        if exc.context:
            problem = f"{exc.context}, {problem}"
        lines = text.split("\n")
        bad = exc.problem_mark.line if exc.problem_mark else -1
        if 0 <= bad < len(lines) and "\t" in lines[bad]:
            line, problem = bad + 1 + offset, "a tab character (YAML indents with spaces only)"
        raise YamlError(line, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlError(None, f"invalid YAML: {exc}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # never a traceback
        raise YamlError(None, f"invalid YAML: {type(exc).__name__}: {exc}") from None
    finally:
        loader.dispose()
    return located


def yaml_hint(text: str, line: int | None) -> str:
    if line and 0 < line <= len(text.splitlines()) and "\t" in text.splitlines()[line - 1]:
        return "YAML does not allow tabs for indentation; use spaces"
    return "check indentation, colons and quotes near this line"


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """A UTF-8 text file (BOM and CRLF tolerated), or one clear problem: unreadable, vanished
    while the archive was loading, or not UTF-8 (with the line of the first bad byte)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(rel, None, "file disappeared while the archive was loading",
                              "run the command again once the files are in place")]
    except OSError as exc:
        return None, [Problem(rel, None, f"cannot read the file: {exc.strerror or exc}",
                              "check that it is a readable regular file")]
    return decode_text(data, rel)


def decode_text(data: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    """The text of a file's bytes (see read_text)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(rel, data[: exc.start].count(b"\n") + 1,
                              f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                              "re-save the file as UTF-8")]
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), []


def read_yaml_file(path: Path, rel: str) -> tuple[Located | None, str, list[Problem]]:
    """signatories.yaml or topics.yaml: parsed with the guarded loader, or its problems."""
    text, problems = read_text(path, rel)
    if text is None:
        return None, "", problems
    problems += bad_lines(rel, text, 1, METADATA)
    if YAML_UNREADABLE.search(text):
        return None, text, problems  # the YAML reader would refuse the file without a line
    try:
        doc = load_yaml(text)
    except YamlError as exc:
        return None, text, problems + [Problem(rel, exc.line, exc.message,
                                               exc.hint or yaml_hint(text, exc.line))]
    if "\\" in text:  # escapes inside double quotes: "\u202e"
        problems += escaped(rel, doc.data, lambda where: doc.line(*where),
                            {p.line for p in problems})
    return doc, text, problems
