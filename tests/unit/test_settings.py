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


# UNDERSIGNED_SEARCH_SHARD_SIZE is read in the digits 0-9 only: '²' passes str.isdigit and
# crashed int(); '٣' (Arabic-Indic three) was read as 3

@pytest.mark.parametrize("value", ["²", "٣", "1٣"])
def test_a_shard_size_in_other_digits_is_an_error(value):
    from undersigned.core.settings import SettingsError

    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"UNDERSIGNED_SEARCH_SHARD_SIZE": value})
    assert str(caught.value) == (
        f"UNDERSIGNED_SEARCH_SHARD_SIZE is '{value}', not a number written with the digits 0-9"
        "\n  hint: set it to a positive whole number of documents per search shard (500 by "
        "default), or unset it")


def test_check_and_the_build_say_so_without_a_traceback(archive_dir, capsys, monkeypatch):
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    from undersigned.cli import main

    root = archive_dir()
    monkeypatch.setenv("UNDERSIGNED_SEARCH_SHARD_SIZE", "²")
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().err == (
        "error: UNDERSIGNED_SEARCH_SHARD_SIZE is '²', not a number written with the digits 0-9"
        "\n  hint: set it to a positive whole number of documents per search shard (500 by "
        "default), or unset it\n")
    plugin = load_config(str(root / "mkdocs.yml")).plugins["undersigned"]
    with pytest.raises(PluginError, match="UNDERSIGNED_SEARCH_SHARD_SIZE is '²'"):
        plugin._settings()


# cache_dir: a relative folder is mkdocs.yml's (never the working directory), and a cache the
# site would publish (inside docs_dir or site_dir, with its secret key) is refused

def test_a_relative_cache_dir_is_read_from_the_folder_of_mkdocs_yml(archive_dir, tmp_path,
                                                                    monkeypatch):
    from undersigned.core.load import load_archive

    root = archive_dir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    settings = Settings(cache_dir=Path("../parse-cache")).anchored(root)
    assert settings.cache_dir == root / "../parse-cache"
    archive = load_archive(root, settings=Settings(cache_dir=Path(".cache/parse")))
    assert archive.settings.cache_dir == root / ".cache/parse"
    assert (root / ".cache" / "parse").is_dir() and not (elsewhere / ".cache").exists()


HINT = ("\n  hint: set cache_dir (or UNDERSIGNED_CACHE_DIR) to a folder outside docs_dir and "
        "site_dir, or remove it (the default is ~/.cache/undersigned)")


@pytest.mark.parametrize("folder, option, named", [
    ("docs/.cache", "docs_dir", "docs"), ("docs", "docs_dir", "docs"),
    ("site/cache", "site_dir", "site")])
def test_a_cache_inside_docs_or_site_is_refused(archive_dir, capsys, monkeypatch, folder,
                                                option, named):
    from undersigned.cli import main

    root = archive_dir()
    monkeypatch.chdir(root.parent)  # (a relative folder read from here would be elsewhere)
    monkeypatch.setenv("UNDERSIGNED_CACHE_DIR", folder)
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().err == (
        f"error: mkdocs.yml: undersigned: cache_dir '{root / folder}' is inside {option} "
        f"({named}): the parse cache and its key would be published with the site{HINT}\n")
    assert not (root / folder).exists() or folder == "docs"


def test_the_build_refuses_a_cache_inside_its_docs_dir(archive_dir, monkeypatch):
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    root = archive_dir()
    monkeypatch.chdir(root.parent)
    config_file = root / "mkdocs.yml"
    config_file.write_text(config_file.read_text().replace(
        "plugins: [undersigned]", "plugins:\n  - undersigned:\n      cache_dir: docs/cache\n"),
        encoding="utf-8")
    config = load_config(str(config_file))
    with pytest.raises(PluginError) as caught:
        config.plugins["undersigned"].on_config(config)
    assert str(caught.value) == (
        f"mkdocs.yml: undersigned: cache_dir '{root / 'docs/cache'}' is inside docs_dir "
        f"({root / 'docs'}): the parse cache and its key would be published with the site{HINT}")
