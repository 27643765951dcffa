"""A fresh machine passes: every package the code and the tests import is declared in
pyproject.toml, CI builds a new virtual environment and runs the README's commands, and no
test depends on the wording of a third-party message."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

import pytest

from helpers import REPO
from undersigned.core.yamlfile import YamlError, load_yaml

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _declared(*extras: str) -> set[str]:
    project = PYPROJECT["project"]
    specs = list(project["dependencies"])
    for extra in extras:
        specs += project["optional-dependencies"][extra]
    return {re.split(r"[\s\[<>=!~;]", spec, maxsplit=1)[0].lower().replace("_", "-")
            for spec in specs}


# developer tools (benchmarks, screenshots): installed with the test extras
DEVTOOLS = ("scripts/screenshots.py", "scripts/undersigned/devtools")


def _imports(*places: str) -> dict[str, str]:
    """Top-level module -> the first file importing it, for every .py file or folder given."""
    found: dict[str, str] = {}
    paths = [p for place in places if (REPO / place).is_dir()
             for p in sorted((REPO / place).rglob("*.py"))
             if place in DEVTOOLS or not p.relative_to(REPO).as_posix().startswith(DEVTOOLS)]
    paths += [REPO / p for p in places if p.endswith(".py")]
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], path.relative_to(REPO).as_posix())
    return found


def _local() -> set[str]:
    names = {p.stem for folder in ("scripts", "tests") for p in (REPO / folder).rglob("*.py")}
    return names | {p.name for p in (REPO / "scripts").iterdir() if p.is_dir()}


@pytest.mark.parametrize("places, extras", [
    (("scripts/undersigned",), ()),  # what the site needs: line 1 of README
    (("tests", *DEVTOOLS), ("test",)),  # the tests and developer tools
])
def test_every_imported_package_is_declared(places, extras):
    declared = _declared(*extras)
    distributions = packages_distributions()
    missing = []
    for module, where in sorted(_imports(*places).items()):
        if module in sys.stdlib_module_names or module in _local() or module == "__future__":
            continue
        names = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
        # imported directly: declared directly (a package another one happens to bring today
        # may not come with its next version)
        if not names & declared:
            missing.append(f"{where}: imports {module} ({', '.join(sorted(names))})")
    assert missing == []


def test_ci_makes_a_new_environment_and_runs_the_readme_commands():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8").split("```")[1].splitlines()[1:]
    assert readme[0].startswith("pip install -e . && mkdocs serve")
    assert readme[1].startswith("pip install -e '.[test]' && pytest")
    assert 'python3 -m venv "$work/venv"' in ci and 'export TMPDIR="$work/tmp"' in ci
    assert "readme_command 1" in ci and "readme_command 2" in ci
    for step in ("ruff check scripts tests", "mypy", "undersigned check",
                 "mkdocs build --strict"):
        assert step in ci
    workflow = (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "run: bash .ci/run" in workflow


@pytest.mark.parametrize("depth", [21, 25, 999, 1000, 1001, 5000, 100_000])
def test_deep_flow_nesting_is_the_archives_message_at_any_depth(depth):
    """PyYAML 6.0.4 stops at 1,000 flow levels with a message of its own; the archive's
    limit and message hold for every PyYAML version, on the line where nesting passes 20."""
    text = "title: x\nsummary: " + "[" * depth + "]" * depth + "\n"
    with pytest.raises(YamlError) as caught:
        load_yaml(text, offset=1)
    assert (caught.value.line, caught.value.message) == (3, "nested more than 20 levels deep")
    assert caught.value.hint == "no field of the archive needs this much nesting"


def test_brackets_in_quoted_text_are_not_nesting():
    text = "title: '" + "[" * 50 + "'\nsummary: \"" + "{" * 50 + "\"\n"
    assert load_yaml(text).data["title"] == "[" * 50
