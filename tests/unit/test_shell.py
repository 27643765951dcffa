"""Shells: theme output rendered once with sentinels, filled in per page."""

from __future__ import annotations

import jinja2
import pytest

from undersigned.pages.shell import (
    Shell,
    ShellError,
    outline_shape,
    outline_values,
    sentinel,
    sentinel_outline,
)

TEMPLATE = jinja2.Environment(autoescape=False).from_string(
    "<title>{{ title }} - Site</title><meta content=\"{{ title | e }}\">"
    "<nav aria-label=\"{{ title | striptags | e }}\">{{ title | striptags }}</nav>"
    "{% for t in toc %}<a href=\"#{{ t.id }}\">{{ t.name }}</a>{% endfor %}<main>{{ content }}</main>")


def render(title, toc, content):
    return TEMPLATE.render(title=title, toc=toc, content=content)


def test_a_filled_shell_equals_the_template_rendered_with_the_page_values():
    toc = [{"level": 2, "id": "text", "name": "Text &amp; <code>notes</code>", "children": []},
           {"level": 2, "id": "sig", "name": "Signatories", "children": []}]
    title = 'Tom &amp; "Jerry" <b>bold</b>'
    content = "<p>Body with <em>markup</em> & ampersand</p>"
    shell = Shell(render(sentinel("TITLE"), sentinel_outline(outline_shape(toc)),
                         sentinel("CONTENT")))
    names, ids = outline_values(toc)
    filled = shell.fill({"TITLE": [title], "TOCT": names, "TOCA": ids, "CONTENT": [content]})
    assert filled == render(title, toc, content)
    assert shell.slots == {"TITLE", "TOCT", "TOCA", "CONTENT"}


def test_outline_shapes_and_values_follow_the_nesting():
    toc = [{"level": 1, "id": "t", "name": "T", "children": [
        {"level": 2, "id": "a", "name": "A", "children": []},
        {"level": 2, "id": "b", "name": "B", "children": [
            {"level": 3, "id": "c", "name": "C", "children": []}]}]}]
    assert outline_shape(toc) == ((1, ((2, ()), (2, ((3, ()),)))),)
    assert outline_values(toc) == (["T", "A", "B", "C"], ["t", "a", "b", "c"])
    assert [x["name"] for x in sentinel_outline(outline_shape(toc))[0]["children"]] == [
        sentinel("TOCT", 1), sentinel("TOCT", 2)]


def test_a_value_transformed_in_an_unknown_way_is_refused():
    env = jinja2.Environment()
    rendered = env.from_string("<a title='{{ t | urlencode }}'>").render(t=sentinel("TITLE"))
    with pytest.raises(ShellError, match="the theme transformed a page value in a way a shell "
                                         "cannot reproduce"):
        Shell(rendered)
