"""Building a site with MkDocs while collecting its warnings."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def build_site(config_file: Path, site_dir: Path, strict: bool = True,
               **overrides) -> list[str]:
    records: list[str] = []

    class Handler(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.WARNING:
                records.append(record.getMessage())

    handler = Handler()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=strict, **overrides)
        build(config)
    finally:
        logger.removeHandler(handler)
    return records
