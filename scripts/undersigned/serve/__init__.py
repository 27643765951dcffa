"""`mkdocs serve`: incremental rebuilds for `mkdocs serve`: after the first (full) build, a change to a letter,
the registry or the topics rebuilds only the pages that show it.

How it stays right. Every rebuild loads the whole archive again (from the content-keyed
cache, so only changed files are parsed) and compares it with the previous one:

- L: documents whose file bytes, resolved ids or published original differ (or that were
  added or removed); E: registry entries whose fields differ; T: topics that differ; H:
  documents whose change history (git) differs.
- What each kind of page shows is declared once, next to the renderers (pages/depends.py):
  the relations from its subject (a document's signatories, recipients, topics, related
  documents, history; an entry's documents signed, received or naming it, and co-signers)
  and the facts of each object reached. A page is rebuilt when an object it reaches, in the
  previous archive or the new one, has other declared facts, or when it stops or starts
  reaching a changed document (serve/dirty.py). tests/unit/test_depends.py fails when a
  renderer reads anything not declared; tests/unit/test_dirty.py checks each kind of edit.
- Listings, indexes, counts, the home page, statistics, feeds and search facets are computed
  from the whole archive on every rebuild, as in a full build.
- The search index: a shard is re-indexed when the key of one of its documents changes (its
  bytes and resolved ids: see search.record_key); when the number of shards changes, all are.
- Anything else -- mkdocs.yml, docs/, the code, the bundled data -- rebuilds everything.

What the reader waits for. When the one change is a letter's text (its title, summary, source
or body), its page is written before the archive is even loaded again, and every other request
waits until the rebuild that follows is done (plugin/first.py). Otherwise, a rebuild ends (the
browser reloads) once the listings and the pages of what changed itself are written; the pages
that only show it and the re-indexed search shards are written right after, in threads, and
until they are in place a request for one of them waits (serve_when_ready): nothing is served
stale. Each page is released from the gate as soon as it is written, so a request waits for its
own page, not for the thousands written after it. The garbage collector is off during a build
and collects once after it; MkDocs' file watcher pauses while a build runs.

The bulk data downloads (data/*.csv, *.json, cmif.xml, the co-signing network) are written
right after each rebuild in a background thread (the log says when they are complete);
`mkdocs build` writes them before it finishes, as always. tests/site/test_live.py makes each
kind of edit under a running `mkdocs serve` and compares every served file with a clean build
of the same archive."""

