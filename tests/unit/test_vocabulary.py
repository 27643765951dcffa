"""Word lists live in one place, core/vocabulary.py: a module elsewhere that defines a set of
natural-language words fails here (a word added for one document shows up in one review)."""

from __future__ import annotations

import ast

from helpers import REPO

PACKAGE = REPO / "scripts" / "undersigned"
# sets of words that are not vocabulary of the documents: formats and protocols
NOT_VOCABULARY = {
    ("pages/sanitize.py", "TAGS"): "HTML elements the sanitizer keeps",
    ("pages/sanitize.py", "FOOTNOTE_CLASSES"): "CSS classes of footnotes",
    ("pages/sanitize.py", "SCHEMES"): "URL schemes",
    ("core/names.py", "_NOT_IDS"): "words YAML reads as booleans and nulls",
    ("core/officeholders.py", "KINDS"): "the kinds of office in data/offices.yaml",
}


def _strings(node: ast.expr, inside_set: bool = False) -> list[str]:
    """The words of a set or frozenset literal, or of a `"...".split()`: a membership test of
    words (lists, tuples and mappings hold ordered identifiers: field names, columns, keys)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr == "split" and isinstance(node.func.value, ast.Constant) \
            and isinstance(node.func.value.value, str):
        return node.func.value.value.split()
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("set", "frozenset") \
            and node.args:
        return _strings(node.args[0], inside_set=True)
    if isinstance(node, ast.Set) or isinstance(node, (ast.List, ast.Tuple)) and inside_set:
        return [e.value for e in node.elts if isinstance(e, ast.Constant)
                and isinstance(e.value, str)]
    return []


def word_sets_outside_vocabulary(exempt: bool = True) -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == "core/vocabulary.py" or rel.startswith("devtools/"):  # (test data generators)
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
                continue
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            name = ast.unparse(target)
            words = [w for w in _strings(node.value) if any(c.isalpha() for c in w)]
            if len(words) >= 3 and not (exempt and (rel, name) in NOT_VOCABULARY):
                found.append(f"{rel}:{node.lineno}: {name} ({len(words)} words)")
    return found


def test_no_word_set_is_defined_outside_the_vocabulary():
    assert word_sets_outside_vocabulary() == []


def test_every_exemption_is_a_set_the_finder_finds():
    found = word_sets_outside_vocabulary(exempt=False)
    for rel, name in NOT_VOCABULARY:
        assert any(x.startswith(f"{rel}:") and f": {name} (" in x for x in found), (rel, name)


def test_the_finder_finds_a_word_set(tmp_path, monkeypatch):
    module = tmp_path / "undersigned" / "ingest" / "new.py"
    module.parent.mkdir(parents=True)
    module.write_text('X = frozenset({"alpha", "beta", "gamma"})\nY = "a b c".split()\n'
                      'Z = ("title", "date")\n', encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", tmp_path / "undersigned")
    assert word_sets_outside_vocabulary() == ["ingest/new.py:1: X (3 words)",
                                              "ingest/new.py:2: Y (3 words)"]


def test_one_list_of_particles():
    from undersigned.core import sorting, vocabulary
    assert "PARTICLES" not in vars(sorting) or sorting.PARTICLES is vocabulary.PARTICLES
