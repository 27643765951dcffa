"""The site's URLs (DESIGN.md): where each page of a document, signatory, recipient, office, topic
and year lives, as docs paths ('letters/<slug>.md') and directory URLs ('letters/<slug>/')."""

from __future__ import annotations

LETTERS_DIR = "letters"
SIGNATORIES_DIR = "signatories"
RECIPIENTS_DIR = "recipients"
TOPICS_DIR = "topics"
YEARS_DIR = "years"
OFFICES_DIR = "offices"


def letter_uri(slug: str) -> str:
    return f"{LETTERS_DIR}/{slug}.md"


def signatory_uri(entity_id: str) -> str:
    return f"{SIGNATORIES_DIR}/{entity_id}.md"


def recipient_uri(entity_id: str) -> str:
    return f"{RECIPIENTS_DIR}/{entity_id}.md"


def topic_uri(topic_id: str) -> str:
    return f"{TOPICS_DIR}/{topic_id}.md"


def year_uri(year: int) -> str:
    return f"{YEARS_DIR}/{year}.md"


def office_uri(office_id: str) -> str:
    return f"{OFFICES_DIR}/{office_id}.md"


def page_url(uri: str) -> str:
    """Directory URL of a docs path: 'letters/x.md' -> 'letters/x/', 'index.md' -> ''."""
    if not uri.endswith(".md"):
        return uri
    stem = uri[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def output_path(uri: str) -> str:
    """The file a generated docs path is written to: 'letters/x.md' ->
    'letters/x/index.html'; a path that is not Markdown (a CSV) is written as it is."""
    return page_url(uri) + "index.html" if uri.endswith(".md") else uri


def paged_uri(first: str, n: int) -> str:
    """Docs path of page ``n`` of a paginated listing whose first page is ``first``
    ('topics/migration.md' -> 'topics/migration/page-2.md', 'letters/index.md' ->
    'letters/page-2.md')."""
    if n == 1:
        return first
    base = first[: -len("index.md")] if first.endswith("/index.md") else first[:-3] + "/"
    return f"{base}page-{n}.md"
