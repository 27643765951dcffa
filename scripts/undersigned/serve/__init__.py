"""`mkdocs serve`: incremental rebuilds for `mkdocs serve`: after the first (full) build, a change to a letter,
the registry or the topics rebuilds only the pages that show it.

How it stays right. Every rebuild loads the whole archive again (from the content-keyed
cache, so only changed files are parsed) and compares it with the previous one:

- L: documents whose file bytes, resolved ids or published original differ (or that were
  added or removed); E: registry entries whose fields differ; T: topics that differ; H:
  documents whose change history (git) differs.
- A document's page shows the document, its signatories', recipients' and named signers'
  entries, its topics and its related documents: it is rebuilt when any of these is in L, E,
  T or H -- looked up in the previous archive *and* the new one, so links that disappear count.
- A signatory's or recipient's page shows their entry, the documents they signed or received
  and their co-signers' names: it is rebuilt when the entry is in E, when a document of theirs
  is in L (before or after the change), or when a co-signer's entry is in E.
- Listings, indexes, counts, the home page, statistics, feeds and search facets are computed
  from the whole archive on every rebuild, as in a full build.
- The search index: a shard is re-indexed when the key of one of its documents changes (its
  bytes and resolved ids: see search.record_key); when the number of shards changes, all are.
- Anything else -- mkdocs.yml, docs/, the code, the bundled data -- rebuilds everything.

What the reader waits for. A rebuild ends (the browser reloads) once the listings and the
pages of what changed itself are written; the pages that only show it and the re-indexed
search shards are written right after, in threads, and until they are in place a request for
one of them waits (serve_when_ready): nothing is served stale. The garbage collector is off
during a build and collects once after it; MkDocs' file watcher pauses while a build runs.

The bulk data downloads (data/*.csv, *.json, cmif.xml, the co-signing network) are written
right after each rebuild in a background thread (the log says when they are complete);
`mkdocs build` writes them before it finishes, as always. tests/site/test_live.py changes a
letter, a registry name and a topic under a running `mkdocs serve` and compares every served
file with a clean build of the same archive."""

