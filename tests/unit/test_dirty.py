"""dirty() (serve/dirty.py), edit by edit: the pages a `mkdocs serve` rebuild writes again
after each kind of change, exactly; and, against the truth, every page whose Markdown changed
is among them (every page of both archives rendered)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import LETTER, REGISTRY, git, write
from undersigned.core.load import load_archive
from undersigned.pages import Context, plan
from undersigned.serve.dirty import Dirty, dirty, document_keys

A, B, C = "2017-06-14-a-letter", "2017-07-01-b-letter", "2017-08-01-c-release"
B2 = "2017-07-02-b-letter"

REGISTRY_MORE = REGISTRY + """\
jim-mcgovern:
  name: Jim McGovern
  kind: person
mike-pompeo:
  name: Mike Pompeo
  kind: person
"""

LETTER_B = """\
---
title: B letter
date: 2017-07-01
type: letter
sender: Members of Congress
recipients:
  - name: Rex Tillerson
    role: Secretary of State
signatories:
  - Alan S. Lowenthal
  - Jim McGovern
topics: [security-assistance]
countries: [MX]
related: [2017-06-14-a-letter]
---

Dear Secretary Tillerson:

We write again.
"""

LETTER_C = """\
---
title: C release
date: 2017-08-01
type: press-release
sender: Washington Office on Latin America
signatories: []
signers_named:
  - Lucille Roybal-Allard
topics: [migration]
---

WOLA announces a letter.
"""

FILES = {
    "signatories.yaml": REGISTRY_MORE,
    f"letters/{A}.md": LETTER.replace("topics: [migration]\n",
                                      "topics: [migration]\nsource:\n  original: a.txt\n"),
    "letters/a.txt": "The letter as printed.\n",
    f"letters/{B}.md": LETTER_B,
    f"letters/{C}.md": LETTER_C,
}

ALAN, LUCILLE, WOLA, JIM, REX, POMPEO = ("alan-lowenthal", "lucille-roybal-allard", "wola",
                                         "jim-mcgovern", "rex-tillerson", "mike-pompeo")


def _move(slug: str, to: str, old: str, new: str) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        path = root / "letters" / f"{slug}.md"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        (root / "letters" / f"{to}.md").write_text(text.replace(old, new, 1), encoding="utf-8")
        path.unlink()
    return run


def _edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return run


LA, LC, REG, TOP = f"letters/{A}.md", f"letters/{C}.md", "signatories.yaml", "topics.yaml"

# (edit, the edit, letter pages, signatory pages, recipient pages to rebuild); every page
# rebuilt shows the change, but where a row says otherwise (UNCHANGED)
EDITS: list[tuple[str, Callable[[Path], None], set[str], set[str], set[str]]] = [
    ("letter body", _edit(LA, "We write about migration.", "We write about asylum."),
     {A}, set(), set()),
    # listed on its signatories' and recipient's pages, and on the related document's page
    ("title", _edit(LA, "title: A letter", "title: A letter retitled"),
     {A, B}, {ALAN, LUCILLE, WOLA}, {REX}),
    # a document's date is in its file name: a new page, the old one gone (and the related
    # document's page lists it under the new name)
    ("date", _move(B, B2, "date: 2017-07-01", "date: 2017-07-02"),
     {A, B, B2}, {ALAN, JIM}, {REX}),
    # a new signatory: every signatory's co-signers, the recipient's count of signatories
    ("signatories", _edit(LA, "  - WOLA\n", "  - WOLA\n  - Jim McGovern\n"),
     {A}, {ALAN, LUCILLE, WOLA, JIM}, {REX}),
    # (and the newer document whose citation key began like this one's: its key loses the b)
    ("recipients", _edit(LA, "  - name: Rex Tillerson\n", "  - name: Mike Pompeo\n"),
     {A, B}, {ALAN, LUCILLE, WOLA}, {REX, POMPEO}),
    ("topics", _edit(LA, "topics: [migration]", "topics: [security-assistance]"),
     {A}, set(), set()),
    ("countries", _edit(LA, "topics: [migration]", "topics: [migration]\ncountries: [GT]"),
     {A}, set(), set()),
    # both ends of a new relation
    ("related", _edit(LA, "topics: [migration]", f"topics: [migration]\nrelated: [{C}]"),
     {A, C}, set(), set()),
    ("redirect_from", _edit(LA, "title: A letter", "redirect_from: [2017-06-14-old]\n"
                            "title: A letter"), {A}, set(), set()),
    ("signers_named", _edit(LC, "  - Lucille Roybal-Allard\n",
                            "  - Lucille Roybal-Allard\n  - WOLA\n"),
     {C}, {WOLA, "lucille-roybal-allard"}, set()),  # the others named with them: named
    # together now (Archive.ties), on both pages
    # their page, the documents they signed, the co-signers whose pages name them (a document
    # that names them as a signer prints the name it gives)
    ("registry name", _edit(REG, "name: Lucille Roybal-Allard",
                            "name: Lucille Roybal Allard"),
     {A}, {LUCILLE, ALAN, WOLA}, set()),
    # their page only (no document shows aliases, and none resolves differently)
    ("registry alias", _edit(REG, "aliases: [WOLA]", "aliases: [WOLA, W.O.L.A.]"),
     set(), {WOLA}, set()),
    # the documents they signed (citation JSON-LD), co-signers (names sort by kind)
    # (and the press release WOLA issued: it is cited by its sender, as the kind says)
    ("registry kind", _edit(REG, "  kind: organization\n", "  kind: person\n"),
     {A, C}, {WOLA, ALAN, LUCILLE}, set()),
    ("topic title", _edit(TOP, "title: Migration and asylum", "title: Migration"),
     {A, C}, set(), set()),
    # a published original: no page shows its text (MkDocs copies it again)
    ("original", _edit("letters/a.txt", "as printed", "as printed, corrected"),
     set(), set(), set()),
]


# pages rebuilt that do not change: a document's page shows its whole file (its key is the
# file's bytes), and a former slug is not on the page (its redirect page is MkDocs')
UNCHANGED = {"redirect_from": {f"letters/{A}.md"}}


def _load(root: Path):
    archive = load_archive(root)
    assert not [p for p in archive.problems if not p.warning], archive.problems
    return archive


def _rendered(archive) -> dict[str, str]:
    """Every page that is not rendered again on every build (listings...), with its head."""
    out = {}
    for page in plan(archive, "https://test.example.org/", None, head_in_front=True):
        if page.eager:
            continue
        PLANNED[page.uri] = page
        out[page.uri] = page.render().markdown + str(
            page.head(archive, Context("https://test.example.org/")))
    return out


PLANNED: dict = {}  # docs path -> the planned page (its kind and key), of the last plan


def _check(old_root: Path, new_root: Path, unchanged: set[str] | None = None) -> Dirty:
    """dirty() of old into new, checked against the pages that really differ: all of them
    rebuilt, and none else but ``unchanged``."""
    old, new = _load(old_root), _load(new_root)
    found = dirty(old, document_keys(old), new, document_keys(new))
    before, after = _rendered(old), _rendered(new)
    differ = {u for u in before.keys() & after.keys() if before[u] != after[u]}
    missed = {u for u in differ if not found.wants(PLANNED[u])}
    assert not missed, f"pages that changed but are not rebuilt: {sorted(missed)}"
    extra = {u for u in before.keys() & after.keys() if found.wants(PLANNED[u])
             and u not in differ}
    assert extra == (unchanged or set()), f"pages rebuilt that did not change: {sorted(extra)}"
    return found


@pytest.fixture
def base(archive_dir) -> Path:
    return archive_dir(FILES)


@pytest.mark.parametrize("what,edit,letters,signatories,recipients", EDITS,
                         ids=[row[0] for row in EDITS])
def test_each_edit_rebuilds_exactly_the_pages_that_show_it(base: Path, tmp_path: Path, what,
                                                          edit, letters, signatories,
                                                          recipients):
    new = tmp_path.parent / f"{tmp_path.name}-new"
    shutil.copytree(base, new)
    try:
        edit(new)
        found = _check(base, new, UNCHANGED.get(what))
        assert (found.letters, found.signatories, found.recipients) == (
            letters, signatories, recipients), what
    finally:
        shutil.rmtree(new, ignore_errors=True)


def test_a_change_in_the_history_alone_rebuilds_that_documents_page(base: Path,
                                                                    tmp_path: Path):
    """A commit that changes a document and one that changes it back: the same files, a new
    'last changed' date on that document's page only."""
    git(base, "init", "-q", "-b", "main")
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "Add")
    new = tmp_path.parent / f"{tmp_path.name}-new"
    shutil.copytree(base, new)
    try:
        letter = new / "letters" / f"{B}.md"
        text = letter.read_text(encoding="utf-8")
        letter.write_text(text.replace("again", "once more"), encoding="utf-8")
        git(new, "commit", "-q", "-am", "Fix", date="2024-03-04T10:00:00+00:00")
        letter.write_text(text, encoding="utf-8")
        git(new, "commit", "-q", "-am", "Undo", date="2024-03-05T10:00:00+00:00")
        found = _check(base, new)
        assert (found.letters, found.signatories, found.recipients) == ({B}, set(), set())
        assert found.changed == {B}
    finally:
        shutil.rmtree(new, ignore_errors=True)


def test_a_new_and_a_removed_document(base: Path, tmp_path: Path):
    new = tmp_path.parent / f"{tmp_path.name}-new"
    shutil.copytree(base, new)
    try:
        (new / "letters" / f"{B}.md").unlink()  # B is related to A: A's page loses it
        write(new, {"letters/2017-09-01-d-letter.md": LETTER.replace(
            "date: 2017-06-14", "date: 2017-09-01")})
        found = _check(base, new)
        d = "2017-09-01-d-letter"
        assert found.letters == {A, B, d}
        assert found.signatories == {ALAN, LUCILLE, WOLA, JIM}
        assert found.recipients == {REX}
    finally:
        shutil.rmtree(new, ignore_errors=True)


def test_a_prolific_signatorys_cosigners_are_all_rebuilt_past_the_budget(base: Path,
                                                                          tmp_path: Path,
                                                                          monkeypatch):
    """Ranking every co-signer's co-signers would cost too much: all who signed with the
    renamed entry are rebuilt (a superset: the pages that changed are among them)."""
    monkeypatch.setattr("undersigned.pages.depends.RANKING_BUDGET", 0)
    new = tmp_path.parent / f"{tmp_path.name}-new"
    shutil.copytree(base, new)
    try:
        _edit(REG, "name: Alan S. Lowenthal\n  kind: person\n  aliases: [Alan Lowenthal]",
              "name: Alan Stuart Lowenthal\n  kind: person\n"
              "  aliases: [Alan Lowenthal, Alan S. Lowenthal]")(new)
        old_archive, new_archive = _load(base), _load(new)
        found = dirty(old_archive, document_keys(old_archive), new_archive,
                      document_keys(new_archive))
        assert found.signatories == {ALAN, LUCILLE, WOLA, JIM}
    finally:
        shutil.rmtree(new, ignore_errors=True)


def test_the_page_of_someone_who_only_issued_documents_follows_them(archive_dir,
                                                                      tmp_path: Path):
    """An entry that signs nothing but issued a release has a page ("Issued by"): retitling
    the release rebuilds it (pages.plan and serve agree on who has a page)."""
    release = LETTER_C.replace("C release", "D release").replace("2017-08-01", "2017-08-02") \
        .replace("Washington Office on Latin America", "Latin America Working Group") \
        .replace("signers_named:\n  - Lucille Roybal-Allard\n", "")
    files = {**FILES, "letters/2017-08-02-d-release.md": release,
             "signatories.yaml": REGISTRY_MORE + "lawg:\n  name: Latin America Working Group\n"
                                                 "  kind: organization\n"}
    base = archive_dir(files)
    new = tmp_path.parent / f"{tmp_path.name}-new"
    shutil.copytree(base, new)
    try:
        _edit("letters/2017-08-02-d-release.md", "title: D release", "title: D release, "
              "retitled")(new)
        found = _check(base, new)
        assert "lawg" in found.signatories
        assert "signatories/lawg.md" in {p.uri for p in plan(_load(new), "", None)}
    finally:
        shutil.rmtree(new, ignore_errors=True)
