"""The plugin's options in mkdocs.yml. Each may also be set by its environment variable
(core/settings.py); an option written in mkdocs.yml wins."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class UndersignedConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs' base untyped
    publish = c.Optional(c.Type(bool))  # a build for publishing (UNDERSIGNED_PUBLISH=1)
    mkdocs_pages = c.Optional(c.Type(bool))  # every page through MkDocs (…_MKDOCS_PAGES=1)
    cache = c.Optional(c.Type(bool))  # the parse cache (UNDERSIGNED_CACHE=0 turns it off)
    cache_dir = c.Optional(c.Type(str))  # where it lives (UNDERSIGNED_CACHE_DIR)
    search_shard_size = c.Optional(c.Type(int))  # documents per shard (…_SEARCH_SHARD_SIZE)
    profile_dir = c.Optional(c.Type(str))  # profiles of serve's rebuilds (…_PROFILE_DIR)
