"""Pagefind, driven directly: one long-lived indexer process answering base64 JSON over its pipes, and the bundle made canonical (the same archive gives the same bytes)."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path, PurePosixPath
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"


class SearchIndexError(RuntimeError):
    pass


class _Service:
    """Pagefind's indexing service (``pagefind --service``), spoken to synchronously: requests
    are base64 JSON followed by a comma, and so are the answers. (The pagefind package's own
    asyncio client polls for each answer every 0.1 s, i.e. 100 ms per document.) A writer
    thread sends while this thread reads, so neither pipe fills up."""

    def __init__(self) -> None:
        # (the pagefind package finds its binary; imported only when a build indexes)
        from pagefind.service import get_executable

        exe = get_executable()
        if exe is None:
            raise SearchIndexError("the Pagefind binary is missing: pip install 'pagefind[extended]'")
        self._stderr = tempfile.TemporaryFile()
        self._proc = subprocess.Popen([str(exe), "--service"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=self._stderr)
        self._buffer = b""
        self._next_id = 0

    def _encode(self, payload: dict[str, Any]) -> bytes:
        self._next_id += 1
        message = {"message_id": self._next_id, "payload": payload}
        return base64.b64encode(json.dumps(message).encode("utf-8")) + b","

    def _answer(self) -> dict[str, Any]:
        assert self._proc.stdout is not None
        while b"," not in self._buffer:
            chunk = os.read(self._proc.stdout.fileno(), 1 << 16)
            if not chunk:
                self._stderr.seek(0)
                raise SearchIndexError("Pagefind stopped: "
                                       + self._stderr.read().decode(errors="replace")[-2000:])
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b",")
        if not raw.strip():  # an empty message between two commas carries nothing
            return self._answer()
        try:
            payload = json.loads(base64.b64decode(raw))["payload"]
        except ValueError as exc:
            raise SearchIndexError(f"Pagefind answered {raw[:300]!r}: {exc}") from None
        if payload.get("type") == "Error":
            raise SearchIndexError(f"Pagefind: {payload.get('message')}")
        return dict(payload)

    def call(self, payload: dict[str, Any]) -> dict[str, Any]:
        assert self._proc.stdin is not None
        self._proc.stdin.write(self._encode(payload))
        self._proc.stdin.flush()
        return self._answer()

    def call_many(self, payloads: list[dict[str, Any]]) -> None:
        messages = [self._encode(p) for p in payloads]
        failure: list[BaseException] = []

        def send() -> None:
            assert self._proc.stdin is not None
            try:
                for message in messages:
                    self._proc.stdin.write(message)
                self._proc.stdin.flush()
            except BaseException as exc:  # reported by the reader below
                failure.append(exc)

        writer = threading.Thread(target=send, daemon=True)
        writer.start()
        try:
            for _ in messages:
                self._answer()
        finally:
            writer.join()
        if failure:
            raise SearchIndexError(f"could not talk to Pagefind: {failure[0]}")

    def close(self) -> None:
        if self._proc.stdin:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._stderr.close()


def _index_shard(records: list[dict[str, Any]], out: Path, keep: tuple[str, ...]) -> None:
    """Index ``records`` in a Pagefind process of their own and write its bundle into ``out``:
    the data files and, of the other top-level files, those named in ``keep``. The files are
    asked for (GetFiles) and written here, because with WriteFiles the service can answer
    before its files are complete (seen under load: an empty pagefind-entry.json)."""
    service = _Service()
    try:
        index_id = service.call({"type": "NewIndex", "config": None})["index_id"]
        service.call_many([{"type": "AddRecord", "index_id": index_id, **r} for r in records])
        files = service.call({"type": "GetFiles", "index_id": index_id})["files"]
    finally:
        service.close()
    for file in files:
        name = PurePosixPath(file["path"])
        if name.is_absolute() or ".." in name.parts:
            raise SearchIndexError(f"Pagefind returned an unexpected path: {file['path']}")
        data_file = name.parts[0] in ("filter", "fragment", "index") or name.suffix == ".pf_meta"
        if data_file or (len(name.parts) == 1 and name.name in keep):
            path = out.joinpath(*name.parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(base64.b64decode(file["content"]))


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise SearchIndexError(f"{path}: not a Pagefind data file")
    return cbor2.loads(raw[len(SIGNATURE):])


def _write(folder: Path, lang: str, data: Any, prefix: str, suffix: str, digits: int) -> str:
    raw = SIGNATURE + cbor2.dumps(data)
    name = f"{lang}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(raw, mtime=0))
    return name


def canonicalize(bundle: Path) -> None:
    """Make Pagefind's output reproducible: it writes each filter's values in hash-map order,
    which changes from run to run. Sort them, and rename the files and references to match."""
    entry_path = bundle / "pagefind-entry.json"
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise SearchIndexError(f"{entry_path}: not a Pagefind entry file: {exc}") from None
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
