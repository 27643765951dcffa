"""Static full-text search: Pagefind indexes the built HTML after every build (chunked index,
fetched on demand, so a first query transfers a small part of it)."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: Path) -> str:
    """Run Pagefind over ``site_dir`` (writes ``site_dir/pagefind/``); return its report."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir",
           "pagefind", "--glob", "letters/*/index.html", "--quiet"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SearchIndexError(f"pagefind failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    canonicalize(site_dir / "pagefind")
    return proc.stdout


def _read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise SearchIndexError(f"{path}: not a Pagefind data file")
    return cbor2.loads(raw[len(SIGNATURE):])


def _write(folder: Path, lang: str, data, prefix: str, suffix: str, digits: int) -> str:
    raw = SIGNATURE + cbor2.dumps(data)
    name = f"{lang}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(raw, mtime=0))
    return name


def canonicalize(bundle: Path) -> None:
    """Make Pagefind's output reproducible: it writes each filter's values in hash-map order,
    which changes from run to run. Sort them, and rename the files and references to match."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        for pair in meta[3]:  # [[filter name, file hash], ...]
            old = bundle / "filter" / f"{pair[1]}.pf_filter"
            name, values = _read(old)
            old.unlink()
            pair[1] = _write(bundle / "filter", lang, [name, sorted(values, key=lambda v: v[0])],
                             "", ".pf_filter", 7)
        meta[3].sort(key=lambda pair: pair[0])
        meta[4].sort(key=lambda pair: pair[0])  # sort orders, by sort name
        meta[5].sort()  # meta field names
        meta_path.unlink()
        info["hash"] = _write(bundle, lang, meta, "pagefind.", ".pf_meta", 10)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
