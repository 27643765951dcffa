"""The plain-paragraph path of letter bodies (pages/sanitize.plain_paragraphs) gives exactly
what Markdown gives, or steps aside: on every body of the archive and on generated text."""

from __future__ import annotations

import frontmatter
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import REPO
from undersigned.pages.sanitize import _converter, body_html, plain_paragraphs


def markdown(text: str) -> str:
    return _converter().reset().convert(text)


def test_every_plain_body_of_the_archive_converts_as_markdown_does():
    bodies = [frontmatter.load(p).content for p in sorted((REPO / "letters").rglob("*.md"))]
    paragraphs = [b for body in bodies for b in body.split("\n\n")]
    plain = [t for t in bodies + paragraphs if plain_paragraphs(t) is not None]
    assert len(plain) > len(bodies)  # (most paragraphs are plain; many bodies have footnotes)
    assert [plain_paragraphs(t) for t in plain] == [markdown(t) for t in plain]


def test_what_markdown_reads_as_markup_steps_aside():
    for text in ["1. a list", "- a list", "a  \nhard break", "Fish &amp; chips", "a\n   \nb",
                 "    code", "# heading", "a\n===", "> quote", "a[^1]\n\n[^1]: note", "a | b",
                 "*em*", "snake_case", "<b>x</b>", "a\\b", "a\tb", "\u2028", "1) item"]:
        assert plain_paragraphs(text) is None, text
    assert plain_paragraphs("\n\nOne line\nand its next.\n\n\n\nTwo.\n") == (
        "<p>One line\nand its next.</p>\n<p>Two.</p>")
    assert body_html("One.\n\nTwo.") == "<p>One.</p>\n<p>Two.</p>"


ALPHABET = st.sampled_from(list("ab Z9.,;:'\"()-+=#>!?$%/1\n\n\n  \t*_[]<>&|~\\`é—\u00a0\u2028"))


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.text(ALPHABET, max_size=80))
def test_generated_text_either_steps_aside_or_converts_as_markdown_does(text):
    plain = plain_paragraphs(text)
    assert plain is None or plain == markdown(text)
