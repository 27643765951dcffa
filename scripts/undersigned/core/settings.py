"""What a build can be told besides the archive itself: the plugin's options in mkdocs.yml,
or the environment variables that set the same things. This is the one place where the
environment is read; everything else is handed a Settings."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

SHARD_SIZE = 500  # documents per search shard: one shard re-indexes in ~1.5 s (mkdocs serve)

# option -> environment variable (README: "Settings")
ENVIRONMENT = {
    "publish": "UNDERSIGNED_PUBLISH",  # 1: a build for publishing (site_url must be real)
    "mkdocs_pages": "UNDERSIGNED_MKDOCS_PAGES",  # 1: every page through MkDocs, no shells
    "cache": "UNDERSIGNED_CACHE",  # 0: no parse cache
    "cache_dir": "UNDERSIGNED_CACHE_DIR",  # where the parse cache lives
    "search_shard_size": "UNDERSIGNED_SEARCH_SHARD_SIZE",  # documents per search shard
    "profile_dir": "UNDERSIGNED_PROFILE_DIR",  # profiles of serve's rebuilds (serve_bench)
}


@dataclass(frozen=True)
class Settings:
    publish: bool = False
    mkdocs_pages: bool = False
    cache: bool = True
    cache_dir: Path | None = None  # None: $XDG_CACHE_HOME/undersigned or ~/.cache/undersigned
    search_shard_size: int = SHARD_SIZE
    profile_dir: Path | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        shard = env.get(ENVIRONMENT["search_shard_size"], "")
        cache_dir = env.get(ENVIRONMENT["cache_dir"])
        profile_dir = env.get(ENVIRONMENT["profile_dir"])
        return cls(
            publish=env.get(ENVIRONMENT["publish"]) == "1",
            mkdocs_pages=env.get(ENVIRONMENT["mkdocs_pages"]) == "1",
            cache=env.get(ENVIRONMENT["cache"], "1") != "0",
            cache_dir=Path(cache_dir) if cache_dir else None,
            search_shard_size=int(shard) if shard.isdigit() and int(shard) > 0 else SHARD_SIZE,
            profile_dir=Path(profile_dir) if profile_dir else None,
        )

    def overridden(self, values: Mapping[str, Any]) -> Settings:
        """These settings with the options given (None: not given, the environment's stays)."""
        names = {f.name for f in fields(self)}
        given = {k: v for k, v in values.items() if k in names and v is not None}
        for key in ("cache_dir", "profile_dir"):
            if isinstance(given.get(key), str):
                given[key] = Path(given[key])
        return replace(self, **given)

    def cache_folder(self) -> Path:
        if self.cache_dir is not None:
            return self.cache_dir
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "undersigned"
