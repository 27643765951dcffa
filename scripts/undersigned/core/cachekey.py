"""The parse cache's MAC key (core/cache.py): 32 random bytes per user and machine, kept
beside the databases with mode 0600, and the MAC that binds each entry to its place."""

from __future__ import annotations

import hashlib
import os
import secrets
import socket
import stat
from pathlib import Path

KEY_FILE = "cache.key"  # beside the databases: 32 random bytes, mode 0600
KEY_BYTES = 32


def _private(st: os.stat_result) -> bool:
    """A regular file of this user that nobody else can read or write."""
    if not stat.S_ISREG(st.st_mode):
        return False
    if os.name == "nt":  # (no owner or mode bits to check)
        return True
    return st.st_uid == os.getuid() and st.st_mode & 0o077 == 0


def _read_key(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:  # missing, or a link
        return None
    try:
        data = os.read(fd, KEY_BYTES + 1)
        private = _private(os.fstat(fd))
    except OSError:  # a folder
        return None
    finally:
        os.close(fd)
    return data if private and len(data) == KEY_BYTES else None


def _write_key(path: Path, replace: bool) -> bytes:
    """A new random key written whole (a reader never sees half of one) with mode 0600; when
    another process wrote one first, that one."""
    key = secrets.token_bytes(KEY_BYTES)
    tmp = path.with_name(f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        os.write(fd, key)
    finally:
        os.close(fd)
    try:
        if replace:
            os.replace(tmp, path)
            return key
        try:
            os.link(tmp, path)  # only if there is none yet
        except FileExistsError:
            return _read_key(path) or _write_key(path, replace=True)
        except OSError:  # a file system without links
            os.replace(tmp, path)
        return key
    finally:
        tmp.unlink(missing_ok=True)


def load_key(folder: Path) -> bytes:
    """The MAC key of the cache in ``folder``, made on first use. It is mixed with this user's
    id and this machine's name, so a cache folder copied to another account or machine, key
    and all, is rebuilt there."""
    path = folder / KEY_FILE
    key = _read_key(path)
    if key is None:
        key = _write_key(path, replace=path.exists() or path.is_symlink())
    who = f"{getattr(os, 'getuid', lambda: 0)()}\0{socket.gethostname()}".encode()
    return hashlib.blake2b(who, key=key, digest_size=32).digest()


def seal(key: bytes, rel: str, content_hash: str, context: str, payload: str) -> str:
    """The MAC of one entry: its payload bound to its place (a valid payload moved under
    another letter's key does not verify either)."""
    h = hashlib.blake2b(key=key, digest_size=16)
    for part in (rel, content_hash, context):
        h.update(part.encode() + b"\0")
    h.update(payload.encode())
    return h.hexdigest()
