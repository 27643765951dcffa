"""The two page writers of a plain build (plugin/twowriters.py): every page written once, a
subject's pages by one process, a failure in either stops the build with its message."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from undersigned.plugin.twowriters import MIN_PAGES, WriterError, can_fork, write_pages

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the platform cannot fork")


def uris(n: int) -> list[str]:
    """Pages of n subjects, two each ('s7/page', 's7/csv')."""
    return [f"s{k}/{part}" for k in range(n) for part in ("page", "csv")]


def wait_for(condition, seconds: float = 20.0) -> None:
    """Until the second writer has done something (the build process would otherwise take
    every page of a test before the child runs at all)."""
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "the second writer did nothing"
        time.sleep(0.01)


def writer(folder: Path):
    def write(uri: str) -> None:
        path = folder / uri.replace("/", "_")
        with open(path, "x", encoding="utf-8") as out:  # ('x': a page written twice fails)
            out.write(f"{os.getpid()}\n")
    return write


def test_every_page_once_a_subject_by_one_process_both_processes_writing(tmp_path):
    assert can_fork()  # (pytest runs the test in its main thread, alone)
    pages = uris(MIN_PAGES)
    done = []

    def first() -> None:
        done.append(os.getpid())
        wait_for(lambda: any(tmp_path.iterdir()))

    write_pages(pages, writer(tmp_path), lambda uri: uri.split("/")[0], fork=True, first=first)
    written = {p.name: p.read_text().strip() for p in tmp_path.iterdir()}
    assert sorted(written) == sorted(u.replace("/", "_") for u in pages)
    assert all(written[f"s{k}_page"] == written[f"s{k}_csv"] for k in range(MIN_PAGES))
    assert set(written.values()) == {str(os.getpid()), next(v for v in written.values()
                                                             if v != str(os.getpid()))}
    assert done == [os.getpid()]  # ('first' runs in the build process, once)


def test_few_pages_or_no_fork_are_written_here_in_order(tmp_path):
    order = []
    write_pages(uris(3), order.append, lambda uri: uri.split("/")[0], fork=True)
    assert order == uris(3)
    order.clear()
    write_pages(uris(MIN_PAGES), order.append, lambda uri: uri.split("/")[0], fork=False)
    assert order == uris(MIN_PAGES)


def test_a_failure_in_the_second_writer_stops_the_build_with_its_message(tmp_path):
    parent = os.getpid()
    failed = tmp_path / "failed"

    def write(uri: str) -> None:
        if os.getpid() != parent:
            failed.touch()
            raise ValueError(f"{uri}: the page's first heading must be its title")

    with pytest.raises(WriterError, match=r"^s\d+/page: the page's first heading must be "
                                          r"its title$"):
        write_pages(uris(MIN_PAGES), write, lambda uri: uri.split("/")[0], fork=True,
                    first=lambda: wait_for(failed.exists))


def test_a_failure_here_stops_the_second_writer(tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))

    def write(uri: str) -> None:
        if uri == "s0/page":
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        write_pages(uris(MIN_PAGES), write, lambda uri: uri.split("/")[0], fork=True)
    assert list(temp.iterdir()) == []  # (its folder is gone)
