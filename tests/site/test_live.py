"""`mkdocs serve` rebuilds only what a change touches (undersigned/serve/), and what it serves
is, file for file and byte for byte, what a clean `mkdocs build` of the same archive writes:
after changing a letter's title (its page written before the rebuild: plugin/first.py), a
signatory's name, a topic's title, a letter's recipients
and related documents, a press release's signers named, an entry's alias and another's kind,
a published original, adding a document, renaming it (with and without redirect_from) and
removing it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from helpers import REPO
from serve_process import Serve


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    root.mkdir()
    for name in ("letters", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("screenshots"))
    for name in ("signatories.yaml", "topics.yaml", "CITATION.cff"):
        shutil.copy(REPO / name, root / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\nwatch:\n  - letters\n  - signatories.yaml\n"
                    "  - topics.yaml\n", config)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def _clean_build(root: Path, out: Path, site_url: str) -> dict[str, bytes]:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=root,
                   env=env, check=True, capture_output=True)
    return _tree(out)


def _same(served: dict[str, bytes], clean: dict[str, bytes]) -> list[str]:
    """Paths that differ (missing, extra or other bytes)."""
    return sorted(p for p in served.keys() | clean.keys() if served.get(p) != clean.get(p))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _rename(archive: Path, old: str, new: str, redirect: bool) -> None:
    letters = archive / "letters"
    text = (letters / f"{old}.md").read_text(encoding="utf-8")
    text = re.sub(r"\nredirect_from: .*", "", text)
    if redirect:
        text = text.replace("\ntitle: ", f"\nredirect_from: [{old}]\ntitle: ", 1)
    (letters / f"{new}.md").write_text(text, encoding="utf-8")
    (letters / f"{old}.md").unlink()


class _Stale:
    """Requests ``paths`` over and over in a thread, noting when each answer arrived and
    whether it still shows ``old`` (the text an edit replaces)."""

    def __init__(self, server: Serve, paths: list[str], old: str) -> None:
        self.server, self.paths, self.old = server, paths, old
        self.seen: list[tuple[float, str, bool]] = []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.done.is_set():
            for path in self.paths:
                text = self.server.get(path)
                self.seen.append((time.monotonic(), path, self.old in text))

    def until_served(self, path: str, new: str) -> float:
        """When ``path`` was first served with ``new``."""
        deadline = time.monotonic() + 120
        while new not in self.server.get(path):
            assert time.monotonic() < deadline, path
            time.sleep(0.02)
        return time.monotonic()

    def stop_after(self, since: float) -> list[str]:
        """Stop; the paths answered with the old text after ``since``."""
        self.done.set()
        self.thread.join(60)
        return [f"{path} at +{when - since:.3f} s" for when, path, old in self.seen
                if old and when > since]


def test_rebuilds_serve_what_a_clean_build_writes(archive: Path, tmp_path: Path):
    server = Serve(archive, tmp_path)
    server.wait_for("Serving on")
    site_url = f"http://127.0.0.1:{server.port}/"
    letter = archive / "letters" / "2022-07-08-letter-secretary-mayorkas.md"
    named = archive / "letters" / \
        "2021-10-14-rep-mcclintock-demands-information-about-alien-encounters-at.md"
    try:
        steps = [
            # a letter's title (its page, listings, the search record, the exports)
            lambda: _edit(letter, "title: Letter to Secretary Mayorkas\n",
                          "title: Letter to Secretary Mayorkas on Haitian migrants\n"),
            # a signatory's name in the registry (their page, every document they signed,
            # their co-signers' pages)
            lambda: _edit(archive / "signatories.yaml", "name: Alan S. Lowenthal\n",
                          "name: Alan Stuart Lowenthal\n"),
            # a topic's title (its page, the documents under it, the search facets)
            lambda: _edit(archive / "topics.yaml", "title: Public health\n",
                          "title: Public health and pandemics\n"),
            # a new recipient and a related document (the other end lists it too)
            lambda: _edit(letter, "signatories: []\n",
                          "- name: Juan S. Gonzalez\n  id: juan-s-gonzalez\n"
                          "signatories: []\nrelated: [2022-08-03-letter-secretary-mayorkas]\n"),
            # a signer named by a press release (their page lists it)
            lambda: _edit(named, "  id: tom-mcclintock\n",
                          "  id: tom-mcclintock\n- name: Alan Lowenthal\n"
                          "  id: alan-lowenthal\n"),
            # an entry's alias and another's kind (their pages; the documents' citations)
            lambda: _edit(archive / "signatories.yaml",
                          "name: Alejandro Mayorkas\n  kind: person\n",
                          "name: Alejandro Mayorkas\n  kind: person\n"
                          "  aliases: [Secretary Mayorkas]\n"),
            lambda: _edit(archive / "signatories.yaml",
                          "name: Juan S. Gonzalez\n  kind: person\n",
                          "name: Juan S. Gonzalez\n  kind: organization\n"),
            # a published original (copied again; no page shows its text)
            lambda: _edit(named.with_suffix(".txt"), "McClintock", "McClintock (R-CA)"),
            # a new document, one renamed, one removed (pages and shards come and go)
            lambda: (archive / "letters" / "2022-12-01-letter-copy.md").write_text(
                letter.read_text(encoding="utf-8").replace(
                    "date: 2022-07-08", "date: 2022-12-01"), encoding="utf-8"),
            lambda: (archive / "letters" / "2022-12-01-letter-copy.md").rename(
                archive / "letters" / "2022-12-01-letter-copy-renamed.md"),
            # renamed again, the old URL kept by redirect_from: the redirect page takes the
            # place of the old page; then the redirect goes and the old slug is a page again
            lambda: _rename(archive, "2022-12-01-letter-copy-renamed", "2022-12-01-moved",
                            redirect=True),
            lambda: _rename(archive, "2022-12-01-moved", "2022-12-01-letter-copy-renamed",
                            redirect=False),
            lambda: (archive / "letters" / "2022-12-01-letter-copy-renamed.md").unlink(),
        ]
        for n, step in enumerate(steps, start=1):
            watcher = _Stale(server, ["/letters/", "/years/2022/", "/topics/human-trafficking/"],
                             '2022-07-08-letter-secretary-mayorkas/">Letter to Secretary Mayorkas</a>') \
                if n == 1 else None
            step()
            if watcher is not None:  # from the moment the letter's new page is served, no
                # page that lists it is served with its old title (the rebuild follows in a
                # thread: every other request waits for it)
                new_page = watcher.until_served(f"/letters/{letter.stem}/",
                                                "Letter to Secretary Mayorkas on Haitian")
                server.wait_for("data downloads updated", 1)
                assert watcher.stop_after(new_page) == []
            if n == 1:  # a listing requested right after the reload shows the change
                server.wait_for("Reloading browsers", 1)
                assert "Letter to Secretary Mayorkas on Haitian migrants" in server.get(
                    "/letters/")
                # the letter's page was written before the rebuild (plugin/first.py), which
                # then wrote it again, the same bytes
                log = server.text()
                first = log.index(f"wrote the pages of {letter.stem} first, in ")
                assert first < log.index("rewrote ", first)
            server.rebuilt(n)
            assert "(incremental)" in server.text()
            clean = _clean_build(archive, tmp_path / f"clean-{n}", site_url)
            served = _tree(server.site)
            assert _same(served, clean) == [], f"step {n}"
        # only the title's edit was written first (the others reach other pages, or are no
        # letter); what was written first was what the rebuild wrote
        assert server.text().count(" s; the rest of the rebuild follows") == 1
        assert "differed from the rebuild" not in server.text()
        # the rebuilds kept pages: far fewer written than the site holds
        written = [int(m) for m in re.findall(r"rewrote (\d+) of \d+ pages", server.text())]
        assert len(written) == len(steps) and max(written) < 60, written  # every rebuild
    finally:
        server.stop()
