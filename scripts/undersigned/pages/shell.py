"""Page shells: the theme's HTML around a page, rendered once and filled in for many pages.

A site engine renders the whole theme template for every page (Material: header, tabs, the
navigation drawer, footer — ~6 ms a page here), although for the thousands of generated pages
outside the navigation only a few values differ: title, description, canonical URL, head extras,
outline and content. The adapter renders the template once per kind of page with a *sentinel* in
each of those slots; a shell then splits that output into literal text and slots, and filling it
is a join of strings.

Each sentinel carries a probe, ``<i></i>&``, whose form in the output tells how the template
transformed the value: printed raw, escaped (``| e``), stripped of tags (``| striptags``) or both.
The page's own value is transformed the same way, with the same functions Jinja uses. A value
that reaches the output in any other form is refused (ShellError), never guessed; the test suite
renders the same pages through the engine and compares the bytes."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

PROBE = "<i></i>&"
_MODES: dict[str, Callable[[str], str]] = {
    PROBE: lambda v: v,
    "&lt;i&gt;&lt;/i&gt;&amp;": lambda v: str(escape(v)),
    "&amp;": lambda v: str(escape(Markup(v).striptags())),
    "&": lambda v: Markup(v).striptags(),
}
_SLOT = re.compile(r"zzUS([A-Z]+)(\d+)(" + "|".join(re.escape(m) for m in _MODES) + ")zz")


class ShellError(RuntimeError):
    pass


def sentinel(name: str, index: int = 0) -> str:
    """The placeholder for value ``index`` of slot ``name`` (upper-case letters)."""
    return f"zzUS{name}{index}{PROBE}zz"  # letters survive any escaping


def outline_shape(tokens: list[dict[str, Any]]) -> tuple[Any, ...]:
    """The shape of a table of contents (levels and nesting, not the words): pages with the
    same shape share a shell."""
    return tuple((t["level"], outline_shape(t["children"])) for t in tokens)


def sentinel_outline(shape: tuple[Any, ...], counter: list[int] | None = None) -> list[dict[str, Any]]:
    """Table-of-contents tokens of ``shape`` whose names and ids are sentinels (preorder)."""
    counter = counter if counter is not None else [0]
    out = []
    for level, children in shape:
        i = counter[0]
        counter[0] += 1
        out.append({"level": level, "id": sentinel("TOCA", i), "name": sentinel("TOCT", i),
                    "children": sentinel_outline(children, counter)})
    return out


def outline_values(tokens: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """(names, ids) of a table of contents, in the preorder of sentinel_outline."""
    names: list[str] = []
    ids: list[str] = []

    def walk(items: list[dict[str, Any]]) -> None:
        for t in items:
            names.append(t["name"])
            ids.append(t["id"])
            walk(t["children"])

    walk(tokens)
    return names, ids


class Shell:
    def __init__(self, rendered: str) -> None:
        parts = _SLOT.split(rendered)
        self._literals = parts[0::4]
        self._slots = [(parts[i], int(parts[i + 1]), _MODES[parts[i + 2]])
                       for i in range(1, len(parts), 4)]
        for literal in self._literals:
            at = literal.find("zzUS")
            if at >= 0:
                raise ShellError("the theme transformed a page value in a way a shell cannot "
                                 f"reproduce: {literal[max(0, at - 60):at + 60]!r}")

    @property
    def slots(self) -> set[str]:
        return {name for name, _, _ in self._slots}

    def fill(self, values: dict[str, list[str]]) -> str:
        out = [self._literals[0]]
        for (name, index, transform), literal in zip(self._slots, self._literals[1:], strict=True):
            out.append(transform(values[name][index]))
            out.append(literal)
        return "".join(out)
