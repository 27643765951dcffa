"""Shared pytest options and fixtures (constants and helpers live in helpers.py)."""

from __future__ import annotations

import contextlib
import getpass
import logging
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from helpers import LETTER, MKDOCS_YML, REGISTRY, REPO, TOPICS, write

# two documents per search shard: every site built by the tests has a merged, sharded search
# index (a real archive has 1,000 per shard), so the browser tests query across shards
os.environ.setdefault("UNDERSIGNED_SEARCH_SHARD_SIZE", "2")
# the parse cache of every archive the tests load lives in a folder of this run, never in the
# user's ~/.cache (it is keyed by content, so sharing it across tests changes no result)
# (removed when the run ends: a test run leaves nothing in the temporary directory)
_CACHE = None
if "UNDERSIGNED_CACHE_DIR" not in os.environ:
    _CACHE = os.environ["UNDERSIGNED_CACHE_DIR"] = tempfile.mkdtemp(prefix="undersigned-test-cache-")


def pytest_unconfigure(config):
    """After pytest's own clean-up (tmp_path folders of passed tests are not kept, see
    pyproject.toml): the parse cache, and pytest's per-user folder once it is empty."""
    if _CACHE is not None:
        shutil.rmtree(_CACHE, ignore_errors=True)
    with contextlib.suppress(OSError, KeyError):
        os.rmdir(Path(tempfile.gettempdir()) / f"pytest-of-{getpass.getuser()}")


@pytest.fixture
def real_archive(tmp_path: Path, monkeypatch) -> Path:
    """A copy of this repository's archive with a cache folder of its own."""
    root = tmp_path / "archive"
    root.mkdir()
    for name in ("letters", "docs"):
        shutil.copytree(REPO / name, root / name)
    for name in ("signatories.yaml", "topics.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, root / name)
    monkeypatch.setenv("UNDERSIGNED_CACHE_DIR", str(tmp_path / "cache"))
    return root


@pytest.fixture
def archive_dir(tmp_path: Path):
    """A valid one-letter archive; pass extra files to add or replace some."""

    def make(extra: dict[str, str | bytes] | None = None, letter: bool = True) -> Path:
        files: dict[str, str | bytes] = {
            "mkdocs.yml": MKDOCS_YML.format(overrides=(REPO / "docs" / "overrides").as_posix()),
            "docs/index.md": "# Test\n\n<!-- undersigned:home -->\n",
            "signatories.yaml": REGISTRY,
            "topics.yaml": TOPICS,
        }
        if letter:
            files["letters/2017-06-14-a-letter.md"] = LETTER
        files.update(extra or {})
        return write(tmp_path, files)

    return make


def pytest_addoption(parser):
    parser.addoption("--browser", action="store_true", help="run the Chromium browser tests")


SERVE_FILES = {"test_live.py", "test_serve_engines.py", "test_interrupted.py"}


def pytest_collection_modifyitems(config, items):
    """Markers by place: tests/site builds whole sites ("slow"), the `mkdocs serve` tests are
    "serve", tests/browser "browser" (the README's `pytest` leaves the three out; .ci/run
    runs them). Browser tests run with --browser, in CI (CI=true: a missing Chromium then
    fails them), or whenever Chromium is installed; otherwise they are skipped and say why."""
    for item in items:
        path = Path(str(item.fspath))
        if path.parent.name == "site":
            item.add_marker(pytest.mark.serve if path.name in SERVE_FILES else pytest.mark.slow)
        elif path.parent.name == "browser":
            item.add_marker(pytest.mark.browser)
    if config.getoption("--browser") or os.environ.get("CI") or shutil.which("chromium"):
        return
    skip = pytest.mark.skip(reason="browser test: install chromium (apt) or pass --browser")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


_DESELECTED = [0]  # tests this process left out; with workers (pytest-xdist), the most any had


def pytest_deselected(items):
    _DESELECTED[0] += len(items)


def pytest_sessionfinish(session):
    if hasattr(session.config, "workeroutput"):  # a worker: tell the controller
        session.config.workeroutput["deselected"] = _DESELECTED[0]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):  # the controller, as each worker ends
    _DESELECTED[0] = max(_DESELECTED[0], getattr(node, "workeroutput", {}).get("deselected", 0))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say what the default run left out, and how to run it."""
    left = len(terminalreporter.stats.get("deselected", [])) or _DESELECTED[0]
    if left and "not slow" in (config.getoption("-m") or ""):
        terminalreporter.write_line(
            f"{left} slow, serve and browser tests were not run (they build whole sites): "
            "pytest -m 'slow or serve or browser' runs them; .ci/run runs every test")


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def mkdocs_warnings():
    """Collects WARNING+ records of the mkdocs logger during a test."""
    handler = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)
