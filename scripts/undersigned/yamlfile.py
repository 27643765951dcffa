"""YAML with line numbers and duplicate-key detection (PyYAML silently keeps the last key)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python fallback
    _Base = yaml.SafeLoader


_RESOLVED: dict[tuple[str, bool], str] = {}


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as strings, so a bad date is reported, not raised.

    The tag of a plain scalar depends only on its text here (no path resolvers), and front
    matter repeats the same keys and names thousands of times: resolved tags are remembered
    (a quarter of the parsing time of 10,000 letters)."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and implicit[0] and not self.yaml_path_resolvers:
            key = (value, implicit[1])
            tag = _RESOLVED.get(key)
            if tag is None:
                if len(_RESOLVED) > 200_000:
                    _RESOLVED.clear()
                tag = _RESOLVED[key] = super().resolve(kind, value, implicit)
            return tag
        return super().resolve(kind, value, implicit)


_Loader.yaml_implicit_resolvers = {  # type: ignore[attr-defined]
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()  # type: ignore[attr-defined]
}

Path_ = tuple[Any, ...]


class YamlError(Exception):
    def __init__(self, line: int | None, message: str):
        self.line = line
        self.message = message
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


def _walk(node: yaml.Node, path: Path_, out: Located, offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                out.duplicates.append((path, key, seen[key], line))
            else:
                seen[key] = line
                out.lines[path + (key,)] = line
            _walk(value_node, path + (key,), out, offset)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out.lines[path + (i,)] = item.start_mark.line + 1 + offset
            _walk(item, path + (i,), out, offset)


def load_yaml(text: str, *, offset: int = 0) -> Located:
    """Parse one YAML document; ``offset`` shifts reported lines (front matter after ``---``)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
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
    finally:
        loader.dispose()
    located = Located(data)
    if node is not None:
        _walk(node, (), located, offset)
    return located
