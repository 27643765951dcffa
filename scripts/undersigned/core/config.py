"""The archive's mkdocs.yml read as plain data (no MkDocs needed): the site's address, its repository, the options the commands and renderers need."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml


def read_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data: ``!ENV [NAME, default]`` is resolved as MkDocs does, other
    Python tags are read as nothing."""
    class _Loader(yaml.SafeLoader):
        pass

    def env(loader: Any, node: Any) -> Any:
        names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) \
            else [loader.construct_scalar(node)]
        for name in names[:-1] if len(names) > 1 else names:
            if os.environ.get(str(name)):
                return os.environ[str(name)]
        return names[-1] if len(names) > 1 else None

    _Loader.add_constructor("!ENV", env)
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_a: None)
    try:
        data = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}
