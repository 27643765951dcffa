"""Countries by ISO 3166-1 alpha-2 code, with the name shown for each (data/countries.yaml)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every ISO 3166-1 alpha-2 code -> its English short name."""
    text = resources.files("undersigned").joinpath("data/countries.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {str(code): str(name) for code, name in data.items()}


def country_name(code: str) -> str:
    """The name of a code (the code itself if it is not one)."""
    return country_names().get(code, code)
