"""The data release: the version an archive gives itself in CITATION.cff."""

from __future__ import annotations

from typing import TYPE_CHECKING

from undersigned.core.yamlfile import YamlError, load_yaml

if TYPE_CHECKING:
    from undersigned.core.archive import Archive


def data_release(archive: Archive) -> str | None:
    """The version of the data release: ``version`` in the archive's CITATION.cff (one place
    for citations, datapackage.json and /data/), or None when the archive has none."""
    path = archive.root / "CITATION.cff"
    if not path.is_file() or path.is_symlink():
        return None
    try:
        data = load_yaml(path.read_text(encoding="utf-8")).data
    except (YamlError, UnicodeDecodeError, OSError):
        return None
    version = data.get("version") if isinstance(data, dict) else None
    return str(version) if version is not None else None
