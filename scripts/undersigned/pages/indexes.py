"""Index pages: letters (paginated, by year), A-Z signatories, recipients, topics, years, home."""

from __future__ import annotations

from collections.abc import Callable
from html import escape as esc_html
from itertools import groupby
from typing import TYPE_CHECKING, Any

from undersigned.core.urls import (
    LETTERS_DIR,
    RECIPIENTS_DIR,
    SIGNATORIES_DIR,
    TOPICS_DIR,
    YEARS_DIR,
    letter_uri,
    paged_uri,
    recipient_uri,
    signatory_uri,
    topic_uri,
    year_uri,
)
from undersigned.pages.common import (
    TYPE_LABELS,
    Page,
    Paged,
    esc,
    front,
    human_date,
    link,
    pager_links,
    pages_of,
    paginated,
    plural,
)
from undersigned.pages.depends import LETTER_ITEM_SHOWN, fact_getter
from undersigned.pages.entities import kind_label
from undersigned.pages.stats import timeline

if TYPE_CHECKING:
    from undersigned.core.archive import Archive
    from undersigned.core.model import Letter, Topic


def letter_item(letter: Letter, here: str, memo: dict[tuple[Any, ...], str] | None = None) -> str:
    """A document in a listing. ``memo``: items already written, by everything they show (a
    `mkdocs serve` session's, whose rebuilds write the same listings again)."""
    if memo is None:
        return _letter_item(letter, here)
    key = (*_item_facts(letter), here)
    known = memo.get(key)
    if known is None:
        known = memo[key] = _letter_item(letter, here)
    return known


_item_facts = fact_getter(LETTER_ITEM_SHOWN)  # what _letter_item shows (pages/depends.py)


def _memo(archive: Archive) -> dict[tuple[Any, ...], str] | None:
    return archive.render_memo.items if archive.render_memo is not None else None


def _letter_item(letter: Letter, here: str) -> str:
    n = len(letter.signatures)
    extra = f" · {plural(n, 'signatory', 'signatories')}" if n else ""
    return (f"<li><time datetime=\"{letter.date.isoformat()}\">{human_date(letter.date)}</time>"
            f" — {link(here, letter_uri(letter.slug), letter.title)} "
            f"<span class=\"us-type\">{TYPE_LABELS[letter.type]}{extra}</span></li>")


def letter_list(letters: list[Letter], here: str, by_year: bool = True,
                memo: dict[tuple[Any, ...], str] | None = None) -> str:
    out = []
    for year, group in groupby(letters, key=lambda x: x.year):
        if by_year:
            out.append(f"\n## {year} {{ #y{year} }}\n\n<p>{link(here, year_uri(year), f'All of {year}')}</p>\n")
        out.append('<ul class="us-letters">' + "".join(letter_item(x, here, memo) for x in group)
                   + "</ul>\n")
    return "".join(out) + "\n"


def render_letters_index(archive: Archive) -> list[Page]:
    def write(p: Paged) -> str:
        title = "All documents" + p.suffix
        return "".join([
            front({"title": title, "description":
                   f"All {len(archive.letters):,} documents in the archive, newest first."}),
            f"# {title}\n\n",
            f"{plural(len(archive.letters), 'document')}, newest first. Browse by "
            f"{link(p.here, YEARS_DIR + '/index.md', 'year')}, "
            f"{link(p.here, TOPICS_DIR + '/index.md', 'topic')} or "
            f"{link(p.here, SIGNATORIES_DIR + '/index.md', 'signatory')}.\n\n",
            p.nav, letter_list(p.items, p.here, memo=_memo(archive)), p.nav])

    return paginated(f"{LETTERS_DIR}/index.md", archive.newest_first, write)


FILTER_BAR = (
    '<div class="us-filter" role="group" aria-label="Show" hidden>\n'
    '<button type="button" data-filter="all" aria-pressed="true">All</button>\n'
    '<button type="button" data-filter="member" aria-pressed="false">Members of Congress</button>\n'
    '<button type="button" data-filter="person" aria-pressed="false">Other people</button>\n'
    '<button type="button" data-filter="organization" aria-pressed="false">Organizations</button>\n'
    "</div>\n\n")


def _initial(name_key: str) -> str:
    first = name_key[:1].upper()
    return first if first.isalpha() else "#"


def _entity_index(archive: Archive, ids: list[str], base: str, title: str, intro: str,
                  counts: dict[str, int], uri_of: Callable[[str], str], what: str,
                  extra: dict[str, str] | None = None) -> list[Page]:
    entities = sorted((archive.registry.entities[i] for i in ids),
                      key=lambda e: (archive.sort_name(e.id), e.id))
    grouped = [(k, list(g)) for k, g in groupby(entities,
                                                 key=lambda e: _initial(archive.sort_name(e.id)))]
    big = len(entities) > 600
    pages: list[Page] = []
    here = f"{base}/index.md"

    def initial_uri(key: str) -> str:  # '_' cannot start a registry id: no collision
        return f"{base}/_{'num' if key == '#' else key.lower()}.md"

    letters_nav = " ".join(
        link(here, initial_uri(k), k) if big
        else f'<a href="#{"num" if k == "#" else k.lower()}">{k}</a>' for k, _g in grouped)
    # the filter first: a keyboard reaches it before the 26 letters of the A to Z
    head = [front({"title": title, "description": intro}), f"# {title}\n\n", intro + "\n\n",
            FILTER_BAR, f'<nav class="us-az" aria-label="A to Z">{letters_nav}</nav>\n\n']
    sections = []
    for key, group in grouped:
        anchor = "num" if key == "#" else key.lower()
        chunks = pages_of(group, 400) if big else [group]
        for n, chunk in enumerate(chunks, start=1):
            page_uri = paged_uri(initial_uri(key), n) if big else here
            lines = [f"## {key} {{ #{anchor} }}\n\n<ul class=\"us-entities\">"]
            for e in chunk:
                label = kind_label(archive, e)
                kind = "member" if e.bioguide else e.kind
                shown = e.name if e.kind == "organization" else archive.name_parts[e.id].inverted
                lines.append(f"<li>{link(page_uri, uri_of(e.id), shown, data_kind=kind)}"
                             f" <span class=\"us-kind\">{label}</span> · "
                             f"<span class=\"us-count\">{what}{plural(counts[e.id], 'document')}"
                             "</span>"
                             f"{(extra or {}).get(e.id, '')}</li>")
            lines.append("</ul>\n\n")
            if big:
                nav = pager_links(initial_uri(key), n, len(chunks))
                suffix = f" (page {n})" if n > 1 else ""
                pages.append(Page(page_uri, front({"title": f"{title}: {key}{suffix}"})
                                  + f"# {title}: {key}{suffix}\n\n" + nav + FILTER_BAR
                                  + "".join(lines) + nav))
            else:
                sections.extend(lines)
    pages.insert(0, Page(here, "".join(head + sections)))
    return pages


def render_signatories_index(archive: Archive) -> list[Page]:
    """Everyone who signed a document or is named as a signer of one: how many they signed
    and, apart, in how many a release names them (the counts of every view)."""
    ids = sorted(archive.signed.keys() | archive.named_in.keys())
    counts = {i: len(archive.signed.get(i, ())) for i in ids}
    people = sum(1 for i in ids if archive.registry.entities[i].kind == "person")
    intro = (f"{plural(len(ids), 'signatory', 'signatories')} — {plural(people, 'person', 'people')} "
             f"and {plural(len(ids) - people, 'organization')} — A to Z by family name, with "
             "the number of documents each signed and, apart, of the releases that name them "
             "as signers of a letter the archive does not reproduce.")
    extra = {i: f' · <span class="us-count">named as a signer in '
                f"{plural(len(archive.named_in[i]), 'document')}</span>"
             for i in ids if archive.named_in.get(i)}
    return _entity_index(archive, ids, SIGNATORIES_DIR, "Signatories", intro, counts,
                         signatory_uri, "signed ", extra)


def render_recipients_index(archive: Archive) -> list[Page]:
    counts = {i: len(v) for i, v in archive.received.items()}
    intro = (f"{plural(len(counts), 'person', 'people')} and offices the documents were "
             "addressed to, with the number of documents each received and the roles the "
             "documents give them.")
    roles: dict[str, dict[str, None]] = {}
    for i, letters in archive.received.items():
        for x in letters:
            for r in x.recipients:
                if r.id == i and r.role:
                    roles.setdefault(i, {})[" ".join(r.role.split())] = None
    extra = {i: f' · <span class="us-roles">{esc_html(", ".join(v))}</span>' for i, v in roles.items()}
    return _entity_index(archive, list(counts), RECIPIENTS_DIR, "Recipients", intro, counts,
                         recipient_uri, "received ", extra)


def render_topics(archive: Archive) -> list[Page]:
    here = f"{TOPICS_DIR}/index.md"
    out = [front({"title": "Topics", "description": "The topics of the archive's documents."}),
           "# Topics\n\n<dl class=\"us-topics\">"]
    pages = []
    former = sorted((t for t in archive.topics.values() if t.retired), key=lambda t: t.title)
    for topic in former:  # its old address says where its documents went
        pages.append(Page(topic_uri(topic.id), "".join([
            front({"title": f"{topic.title} (former topic)",
                   "description": "A former topic of the archive, split into finer ones."}),
            f"# {esc(topic.title)} (former topic)\n\n<p>This topic was split into finer "
            "ones; its documents are under them:</p>\n\n<ul>",
            "".join(f"<li>{link(topic_uri(topic.id), topic_uri(t), archive.topics[t].title)} "
                    f"({plural(len(archive.by_topic.get(t, [])), 'document')})</li>"
                    for t in topic.replaced_by), "</ul>\n"])))
    for topic in sorted((t for t in archive.topics.values() if not t.retired),
                        key=lambda t: t.title):
        letters = archive.by_topic.get(topic.id, [])
        out.append(f"<dt>{link(here, topic_uri(topic.id), topic.title)}</dt><dd>"
                   f"{esc_html(topic.description)} ({plural(len(letters), 'document')})</dd>")
        def write(p: Paged, topic: Topic = topic, letters: list[Letter] = letters) -> str:
            return "".join([
                front({"title": topic.title + p.suffix, "description": topic.description[:300]}),
                f"# {esc(topic.title + p.suffix)}\n\n<p>{esc_html(topic.description)}</p>\n\n",
                f"{plural(len(letters), 'document')}, newest first.\n\n", p.nav,
                letter_list(p.items, p.here, memo=_memo(archive)), p.nav])

        pages += paginated(topic_uri(topic.id), letters, write)
    out.append("</dl>\n")
    if former:
        out.append("\n<p class=\"us-note\">Former topics, split into the ones above: " + ", ".join(
            link(here, topic_uri(t.id), t.title) for t in former) + ".</p>\n")
    return [Page(here, "".join(out))] + pages


def render_years(archive: Archive) -> list[Page]:
    here = f"{YEARS_DIR}/index.md"
    out = [front({"title": "Chronology", "description": "Documents by year and by month: a "
                  "timeline of the archive."}),
           "# Chronology\n\n", timeline(archive, here), "## By year\n\n<table><thead><tr><th scope=\"col\">Year</th><th scope=\"col\">"
           "Documents</th><th scope=\"col\">Letters</th><th scope=\"col\">Signatures printed</th>"
           "<th scope=\"col\">Signers named in releases</th></tr>"
           "</thead><tbody>"]
    pages = []
    for year, letters in archive.by_year.items():
        sigs = sum(len(x.signatures) for x in letters)
        named = sum(len(x.signers_named) for x in letters)
        n_letters = sum(1 for x in letters if x.type == "letter")
        out.append(f"<tr><td>{link(here, year_uri(year), str(year))}</td><td>{len(letters)}</td>"
                   f"<td>{n_letters}</td><td>{sigs:,}</td><td>{named:,}</td></tr>")
        def write(p: Paged, year: int = year, letters: list[Letter] = letters) -> str:
            body = [front({"title": f"Documents of {year}{p.suffix}",
                           "description": f"{plural(len(letters), 'document')} dated {year}."}),
                    f"# {year}{p.suffix}\n\n{plural(len(letters), 'document')}, newest first.\n\n",
                    p.nav]
            for month, group in groupby(p.items, key=lambda x: x.date.strftime("%B")):
                body.append(f"\n## {month}\n\n<ul class=\"us-letters\">")
                body.extend(letter_item(x, p.here, _memo(archive)) for x in group)
                body.append("</ul>\n")
            body.append("\n" + p.nav)
            return "".join(body) + "\n"

        pages += paginated(year_uri(year), letters, write)
    out.append("</tbody></table>\n")
    return [Page(here, "".join(out))] + pages


def home_block(archive: Archive, here: str = "index.md", latest: int = 8) -> str:
    """Counts and latest documents, spliced into the hand-written home page."""
    sigs = sum(len(x.signatures) for x in archive.letters)
    out = ['<ul class="us-counts">'
           f"<li><strong>{len(archive.letters):,}</strong> "
           f"{link(here, LETTERS_DIR + '/index.md', 'documents')}</li>"
           f"<li><strong>{sigs:,}</strong> signatures by <strong>{len(archive.signed):,}</strong> "
           f"{link(here, SIGNATORIES_DIR + '/index.md', 'signatories')}</li>"
           f"<li><strong>{len(archive.received):,}</strong> "
           f"{link(here, RECIPIENTS_DIR + '/index.md', 'recipients')}</li>"
           f"<li><strong>{len(archive.topics)}</strong> "
           f"{link(here, TOPICS_DIR + '/index.md', 'topics')}, "
           f"<strong>{len(archive.by_year)}</strong> "
           f"{link(here, YEARS_DIR + '/index.md', 'years')}</li></ul>\n\n"]
    out.append("## Latest documents\n\n<ul class=\"us-letters\">")
    out.extend(letter_item(x, here, _memo(archive)) for x in archive.newest_first[:latest])
    return "".join(out) + "</ul>\n\n"
