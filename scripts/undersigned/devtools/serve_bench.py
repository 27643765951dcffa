"""Benchmark of `mkdocs serve` rebuilds: `python -m undersigned.devtools.serve_bench N [--edits K]`.

Generates a synthetic archive of N letters (undersigned.devtools.synthetic), starts `mkdocs serve` on it
with the real configuration, and times, for K edits of each kind, the seconds from the file
being written to the changed page being served over HTTP:

- a letter's title (the letter's page);
- a signatory's name in signatories.yaml (that signatory's page);
- a topic's title in topics.yaml (the topic's page).

After the first build, the bytes of a first search typed into the header of the served site
(devtools/firstsearch.py; ``--no-browser`` skips it). Prints one JSON line: the first build,
the first search, every edit's seconds and the median per kind and
overall; for each edit also the seconds until every page that shows the change and the
search shard were written ("pages+search": requests for any of them wait until they are, see
undersigned/live.py) and until the bulk downloads were ("downloads", their one-second delay
not counted). The next edit is made only then."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

from undersigned.devtools.bench import REPO, _config
from undersigned.devtools.firstsearch import first_search
from undersigned.devtools.synthetic import generate


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except OSError:
        return ""


def _until(url: str, text: str, timeout: float = 300) -> float:
    started = time.perf_counter()
    while text not in _get(url):
        if time.perf_counter() - started > timeout:
            raise SystemExit(f"{url} never showed {text!r}")
        time.sleep(0.05)
    return time.perf_counter() - started


def run(n: int, edits: int, keep: Path | None, profile: Path | None = None,
        browser: bool = True) -> dict[str, object]:
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix=f"undersigned-serve-{n}-"))
    archive = work / "archive"
    if not (archive / "letters").is_dir():
        generate(REPO, archive, n)
    config = _config(archive)
    data = yaml.safe_load(config.read_text())
    data["watch"] = ["letters", "signatories.yaml", "topics.yaml"]
    config.write_text(yaml.safe_dump(data, sort_keys=False))
    port = _port()
    base = f"http://127.0.0.1:{port}/"
    log = work / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if profile:  # one cProfile file per rebuild: rebuild-1.prof, ...
        profile.mkdir(parents=True, exist_ok=True)
        env["UNDERSIGNED_PROFILE_DIR"] = str(profile.resolve())
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                            cwd=archive, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    times: dict[str, list[float]] = {"letter title": [], "signatory name": [], "topic title": []}
    settled: dict[str, list[float]] = {kind: [] for kind in times}
    downloads: dict[str, list[float]] = {kind: [] for kind in times}
    rebuilds = 0

    def settle(kind: str, t0: float) -> None:
        """Wait for the rebuild's work after the page (the pages that show the change, the
        search shards, the downloads) before the next edit, and record when it was done."""
        nonlocal rebuilds
        rebuilds += 1
        pages = None
        while True:
            text = log.read_text(errors="replace")
            if pages is None and text.count("search index:") > rebuilds and \
                    text.count("show what changed in") >= text.count("show what changed follow"):
                pages = time.perf_counter() - t0
            if text.count("data downloads updated") >= rebuilds:
                break
            if proc.poll() is not None or time.perf_counter() - t0 > 600:
                raise SystemExit(text[-3000:])
            time.sleep(0.05)
        settled[kind].append(pages if pages is not None else time.perf_counter() - t0)
        downloads[kind].append(time.perf_counter() - t0)
    originals: dict[Path, bytes] = {}
    try:
        while "Serving on" not in log.read_text(errors="replace"):
            if proc.poll() is not None:
                raise SystemExit(log.read_text()[-3000:])
            time.sleep(0.5)
        first = time.perf_counter() - started
        searched = first_search(base, "asylum") if browser else {}
        letters = sorted((archive / "letters").glob("*.md"))
        registry = archive / "signatories.yaml"
        topics = archive / "topics.yaml"
        for k in range(edits):  # put back as they were when the run ends (--keep reuses them)
            path = letters[(k * 7919) % len(letters)]
            originals.setdefault(path, path.read_bytes())
        originals.update({registry: registry.read_bytes(), topics: topics.read_bytes()})
        registry_data = yaml.safe_load(registry.read_text())
        # people without aliases: the old name becomes one (letters print it)
        people = [i for i, e in registry_data.items()
                  if e.get("kind") == "person" and "aliases" not in e]
        topic_ids = list(yaml.safe_load(topics.read_text()))
        def edit(kind: str, path: Path, text: str, url: str, shown: str) -> None:
            time.sleep(1.5)  # let the watcher settle between edits
            t0 = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            _until(url, shown)
            times[kind].append(time.perf_counter() - t0)
            settle(kind, t0)

        for k in range(edits):
            path = letters[(k * 7919) % len(letters)]
            title = f"Edited title {k}"
            new = re.sub(r"^title: .*$", f"title: {title}", path.read_text(encoding="utf-8"),
                         count=1, flags=re.M)
            edit("letter title", path, new, f"{base}letters/{path.stem}/", title)

            person = people[(k * 104729) % len(people)]
            name = f"Renamed Person {k}"
            old_name = registry_data[person]["name"]
            changed = re.sub(rf"(^{re.escape(person)}:\n  name: ).*$",
                             rf"\g<1>{name}\n  aliases: [{json.dumps(old_name)}]",
                             registry.read_text(encoding="utf-8"), count=1, flags=re.M)
            registry_data[person]["aliases"] = [old_name]
            edit("signatory name", registry, changed, f"{base}signatories/{person}/", name)

            topic = topic_ids[k % len(topic_ids)]
            heading = f"Retitled topic {k}"
            changed = re.sub(rf"(^{re.escape(topic)}:\n  title: ).*$", rf"\g<1>{heading}",
                             topics.read_text(encoding="utf-8"), count=1, flags=re.M)
            edit("topic title", topics, changed, f"{base}topics/{topic}/", heading)
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        for path, data in originals.items():
            path.write_bytes(data)
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    every = [t for ts in times.values() for t in ts]
    return {"n": n, "first_build_s": round(first, 1), **searched,
            **{f"{kind} s": [round(t, 2) for t in ts] for kind, ts in times.items()},
            **{f"{kind} median s": round(statistics.median(ts), 2) for kind, ts in times.items()},
            "median_s": round(statistics.median(every), 2), "max_s": round(max(every), 2),
            **{f"{kind} pages+search s": [round(t, 2) for t in ts] for kind, ts in settled.items()},
            **{f"{kind} downloads s": [round(t, 2) for t in ts] for kind, ts in downloads.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m undersigned.devtools.serve_bench", description=__doc__)
    parser.add_argument("n", type=int, help="number of letters")
    parser.add_argument("--edits", type=int, default=3, help="edits of each kind")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the archive in this folder")
    parser.add_argument("--profile", type=Path, help="write a cProfile file of each rebuild here")
    parser.add_argument("--no-browser", action="store_true", help="skip the first search")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.n, args.edits, args.keep, args.profile, not args.no_browser)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
