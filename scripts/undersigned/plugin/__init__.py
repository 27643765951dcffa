"""The MkDocs adapter: the `undersigned` plugin (``plugins: [undersigned]`` in mkdocs.yml).
The only part of the package that imports MkDocs, besides serve/engine.py."""

from undersigned.plugin.plugin import UndersignedPlugin

__all__ = ["UndersignedPlugin"]
