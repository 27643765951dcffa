"""What a build can be told besides the archive itself: the plugin's options in mkdocs.yml,
or the environment variables that set the same things. This is the one place where the
environment is read; everything else is handed a Settings."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from undersigned.core.characters import visible
from undersigned.core.config import read_config

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


class SettingsError(ValueError):
    """A setting that cannot be used; its text is ``what is wrong`` + ``hint:`` (no traceback)."""


def _shard_size(value: str) -> int:
    """UNDERSIGNED_SEARCH_SHARD_SIZE: digits 0-9 only ('²' and '٣' pass str.isdigit: '²'
    crashed int(), '٣' was read as 3); not a positive number: the default."""
    if not value.isascii():
        raise SettingsError(
            f"{ENVIRONMENT['search_shard_size']} is '{visible(value)}', not a number written "
            "with the digits 0-9\n  hint: set it to a positive whole number of documents per "
            f"search shard ({SHARD_SIZE} by default), or unset it")
    return int(value) if value.isdigit() and int(value) > 0 else SHARD_SIZE


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
            search_shard_size=_shard_size(shard),
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

    def anchored(self, root: Path, docs_dir: str | Path | None = None,
                 site_dir: str | Path | None = None) -> Settings:
        """These settings for the archive whose mkdocs.yml is in ``root``: a relative
        cache_dir is read from that folder (never the working directory), and a parse cache
        inside docs_dir or site_dir — published with the site, its key with it — is refused
        (SettingsError). The folders are mkdocs.yml's unless given."""
        settings = self
        if self.cache_dir is not None and not self.cache_dir.is_absolute():
            settings = replace(self, cache_dir=root / self.cache_dir)
        if not settings.cache:
            return settings
        config = read_config(root) if docs_dir is None or site_dir is None else {}
        cache = Path(os.path.realpath(settings.cache_folder()))
        for option, given, default in (("docs_dir", docs_dir, "docs"),
                                       ("site_dir", site_dir, "site")):
            folder = given if given is not None else config.get(option) or default
            where = Path(os.path.realpath(root / str(folder)))
            if cache.is_relative_to(where):
                raise SettingsError(
                    f"mkdocs.yml: undersigned: cache_dir '{visible(str(settings.cache_folder()))}' "
                    f"is inside {option} ({visible(str(folder))}): the parse cache and its key "
                    "would be published with the site\n  hint: set cache_dir (or "
                    "UNDERSIGNED_CACHE_DIR) to a folder outside docs_dir and site_dir, or "
                    "remove it (the default is ~/.cache/undersigned)")
        return settings
