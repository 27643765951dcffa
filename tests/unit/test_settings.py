"""The plugin's options and the environment variables that set the same things, read in one
place (core/settings.py): an option written in mkdocs.yml wins over the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import MKDOCS_YML, REPO
from undersigned.core.settings import ENVIRONMENT, SHARD_SIZE, Settings


def test_defaults_without_environment():
    assert Settings.from_env({}) == Settings(False, False, True, None, SHARD_SIZE, None)


def test_every_variable_sets_its_option():
    env = {"UNDERSIGNED_PUBLISH": "1", "UNDERSIGNED_MKDOCS_PAGES": "1", "UNDERSIGNED_CACHE": "0",
           "UNDERSIGNED_CACHE_DIR": "/tmp/c", "UNDERSIGNED_SEARCH_SHARD_SIZE": "7",
           "UNDERSIGNED_PROFILE_DIR": "/tmp/p"}
    assert set(env) == set(ENVIRONMENT.values())
    assert Settings.from_env(env) == Settings(True, True, False, Path("/tmp/c"), 7, Path("/tmp/p"))


@pytest.mark.parametrize("value", ["0", "-3", "x", ""])
def test_a_shard_size_that_is_not_a_positive_number_is_the_default(value):
    assert Settings.from_env({"UNDERSIGNED_SEARCH_SHARD_SIZE": value}).search_shard_size == \
        SHARD_SIZE


def test_an_option_given_wins_and_one_not_given_keeps_the_environment():
    env = Settings.from_env({"UNDERSIGNED_SEARCH_SHARD_SIZE": "7", "UNDERSIGNED_CACHE": "0"})
    both = env.overridden({"search_shard_size": 3, "cache": None, "cache_dir": "/x"})
    assert (both.search_shard_size, both.cache, both.cache_dir) == (3, False, Path("/x"))


def test_the_plugin_reads_its_options_from_mkdocs_yml(tmp_path, monkeypatch):
    from mkdocs.config import load_config

    monkeypatch.setenv("UNDERSIGNED_SEARCH_SHARD_SIZE", "9")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        MKDOCS_YML.format(overrides=(REPO / "docs" / "overrides").as_posix()).replace(
            "plugins: [undersigned]", "plugins:\n  - undersigned:\n      search_shard_size: 4\n"
            "      publish: false"), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    config = load_config(str(config_file))
    plugin = config.plugins["undersigned"]
    settings = plugin._settings()
    assert (settings.search_shard_size, settings.publish) == (4, False)
    monkeypatch.setenv("UNDERSIGNED_PUBLISH", "1")
    assert plugin._settings().publish is False  # written in mkdocs.yml: it wins


def test_an_unknown_option_is_an_error(tmp_path):
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        MKDOCS_YML.format(overrides=(REPO / "docs" / "overrides").as_posix()).replace(
            "plugins: [undersigned]", "plugins:\n  - undersigned:\n      shard_size: 4\n"),
        encoding="utf-8")
    (tmp_path / "docs").mkdir()
    with pytest.raises((Abort, ConfigurationError)):
        load_config(str(config_file), strict=True)


@pytest.mark.parametrize("size", [0, -5])
def test_a_shard_size_below_one_is_an_error_with_a_hint(tmp_path, size):
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        MKDOCS_YML.format(overrides=(REPO / "docs" / "overrides").as_posix()).replace(
            "plugins: [undersigned]", f"plugins:\n  - undersigned:\n      search_shard_size: {size}\n"),
        encoding="utf-8")
    (tmp_path / "docs").mkdir()
    plugin = load_config(str(config_file)).plugins["undersigned"]
    with pytest.raises(PluginError) as caught:
        plugin._settings()
    assert str(caught.value) == (f"mkdocs.yml: undersigned: search_shard_size is {size}\n  hint: "
                                 "give a positive number of documents per search shard (500 by "
                                 "default)")
