"""The light-page Markdown shortcut gives exactly what Python-Markdown gives."""

from __future__ import annotations

import markdown
import pytest

from undersigned.pages.common import esc
from undersigned.pages.lightmd import LightMarkdown

REST = ("US-HTML-BLOCK-0\n\n## Text\n\nUS-HTML-BLOCK-1\n\n## Signatories (3) { #signatories }\n\n"
        "US-HTML-BLOCK-2\n\n### 2021 { #y2021 }\n\nUS-HTML-BLOCK-3\n\n## How to cite { #cite }")
TITLES = ["Letter to Secretary Tillerson on Central America", 'Tom & "Jerry" \'s — Ñandú’s 2021: a/b (c)',
          "Text", "Signatories", "Cite", "2021", "*bold* _x_ [link](y) `code`", "A <b>tag</b> & more",
          "Two  spaces", "Trailing ", "# hash", "{ #id }", "x\\y", "ﬁ ligature ß", "", "   "]


def full(md, body):
    return md.reset().convert(body), md.toc_tokens


@pytest.mark.parametrize("rest", [REST, "", "## Only one"])
def test_light_conversion_equals_python_markdown(rest):
    md = markdown.Markdown(extensions=["toc", "tables", "fenced_code", "admonition", "attr_list"],
                           extension_configs={"toc": {"permalink": True}})
    light = LightMarkdown(md)
    for title in TITLES:
        body = f"# {esc(title)}\n\n{rest}"
        assert light.convert(body) == full(md, body), title
        assert light.convert(body) == full(md, body), title  # from the cache too


def test_other_toc_settings_are_followed_or_left_to_python_markdown():
    md = markdown.Markdown(extensions=["toc", "attr_list"],
                           extension_configs={"toc": {"permalink": "#", "permalink_title": "",
                                                      "separator": "_"}})
    light = LightMarkdown(md)
    body = f"# {esc('Some title here')}\n\n{REST}"
    assert light.convert(body) == full(md, body)
    assert 'id="some_title_here"' in light.convert(body)[0]
