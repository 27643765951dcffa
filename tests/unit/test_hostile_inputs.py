"""The input boundary (issue #11): paths stay inside letters/, no command destroys data, YAML
cannot explode, writes are atomic and all-or-nothing, a different document is never
overwritten, text hygiene, look-alike names, safe exports, faults are messages."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc
import xml.etree.ElementTree as ET

import pytest

from helpers import DATA, LETTER, REGISTRY, REPO
from undersigned.cli import main
from undersigned.core.load import load_archive
from undersigned.core.names import make_id
from undersigned.core.problems import Problem
from undersigned.core.yamlfile import YamlError, load_yaml
from undersigned.outputs.exports import data_texts
from undersigned.pages.sanitize import body_html

TOPICS = {"topics.yaml": (REPO / "topics.yaml").read_text(encoding="utf-8")}
SEED = DATA / "seeds" / "000_3468addb70574d91.txt"
TITLE = "Letter to Secretary Tillerson"
SLUG = "2017-06-14-letter-secretary-tillerson"


def _with_original(name: str) -> str:
    return LETTER.replace("topics: [migration]", f"topics: [migration]\nsource:\n  original: {name}")


# 1. every file the archive references stays inside it

def test_originals_with_one_name_in_two_folders_are_published_apart(archive_dir, tmp_path):
    root = archive_dir({
        "letters/2017-06-14-a-letter.md": _with_original("original.txt"),
        "letters/2017-06-14-a-letter.txt": "unused\n",
        "letters/original.txt": "top-level original\n",
        "letters/2019/2019-01-02-b-letter.md": _with_original("original.txt").replace(
            "date: 2017-06-14", "date: 2019-01-02"),
        "letters/2019/original.txt": "the 2019 original\n",
    })
    archive = load_archive(root)
    assert [p for p in archive.problems if not p.warning] == []
    assert archive.by_slug["2017-06-14-a-letter"].original == "letters/original.txt"
    assert archive.by_slug["2019-01-02-b-letter"].original == "letters/2019/original.txt"
    out = tmp_path / "rendered"
    assert main(["--root", str(root), "render", "--out", str(out)]) == 0
    assert (out / "letters/original.txt").read_text() == "top-level original\n"
    assert (out / "letters/2019/original.txt").read_text() == "the 2019 original\n"
    page = (out / "letters/2019-01-02-b-letter.md").read_text()
    assert "../2019/original.txt" in page and "../original.txt\"" not in page


def test_a_symlinked_original_inside_letters_is_fine_outside_is_refused(archive_dir):
    root = archive_dir({"letters/2017-06-14-a-letter.md": _with_original("link.txt"),
                        "letters/texts/real.txt": "text\n"})
    os.symlink("texts/real.txt", root / "letters" / "link.txt")
    assert [p for p in load_archive(root).problems if not p.warning] == []
    (root / "letters" / "link.txt").unlink()
    os.symlink("../signatories.yaml", root / "letters" / "link.txt")
    assert [str(p) for p in load_archive(root).problems if not p.warning] == [
        "letters/2017-06-14-a-letter.md:15: original 'link.txt' resolves outside letters/ "
        "(through a symlink)\n  hint: copy the file into letters/ instead of linking to it"]


# 2. no command destroys data

@pytest.mark.parametrize("where, why", [
    (".", "holds the archive itself; it would be deleted"),
    ("..", "holds the archive itself; it would be deleted"),
    ("letters", "is inside the archive's letters/ folder"),
    ("letters/new", "is inside the archive's letters/ folder"),
    ("docs", "is inside the archive's docs/ folder"),
    (".git", "is inside the archive's .git/ folder"),
    ("signatories.yaml", "is a file of the archive"),
    ("notes", "is not empty and was not written by `undersigned render`"),
])
def test_render_refuses_to_replace_what_it_did_not_write(archive_dir, capsys, where, why):
    root = archive_dir({"notes/keep.txt": "precious\n", ".git/HEAD": "ref\n"})
    before = sorted(p.relative_to(root.parent) for p in root.parent.rglob("*"))
    out = (root / where)
    assert main(["--root", str(root), "render", "--out", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"error: {out} {why}\n  hint: give an empty or new folder outside the archive's "
        "sources, e.g. --out /tmp/undersigned-docs\n")
    assert sorted(p.relative_to(root.parent) for p in root.parent.rglob("*")) == before


def test_render_replaces_its_own_output_and_reports_failures(archive_dir, tmp_path, capsys):
    root = archive_dir()
    out = tmp_path / "out"
    assert main(["--root", str(root), "render", "--out", str(out)]) == 0
    (out / "stale.md").write_text("old\n")
    assert main(["--root", str(root), "render", "--out", str(out)]) == 0
    assert not (out / "stale.md").exists() and (out / ".undersigned-render").is_file()


def test_render_failure_is_a_message_not_a_traceback(archive_dir, tmp_path, capsys):
    root = archive_dir()
    (tmp_path / "file").write_text("x")
    out = tmp_path / "file" / "sub"  # a folder below a file: cannot be created
    assert main(["--root", str(root), "render", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    assert "\n  hint: check that the folder can be written" in err


# 3. YAML cannot explode or lie

def test_billion_laughs_is_refused_fast_with_bounded_memory():
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
        for i in range(8))
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(YamlError) as caught:
        load_yaml(text)
    took = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert caught.value.message == "aliases expand to more than 10,000 nodes"
    assert peak < 20_000_000 and took < 5  # refused long before 10^9 nodes


def test_small_aliases_still_load():
    assert load_yaml("a: &x hello\nb: *x\n").data == {"a": "hello", "b": "hello"}


@pytest.mark.parametrize("text, line, message", [
    ("a: 1\nb: !!python/name:os.system\n", 2, "explicit tag '!!python/name:os.system' is not allowed"),
    ("? [a, b]\n: c\n", 1, "key '{…}' is not a string"),
    ("true: x\n", 1, "key 'true' is not a string"),
    ("a: 12345678901234\n", 1, "number with 14 digits (at most 12 are read as a number)"),
    ("a: &a {b: *a}\n", 1, "recursive alias (a node that contains itself)"),
    ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 30)), 21,
     "nested more than 20 levels deep"),
])
def test_yaml_refusals(text, line, message):
    with pytest.raises(YamlError) as caught:
        load_yaml(text)
    assert (caught.value.line, caught.value.message) == (line, message)
    assert caught.value.hint


def test_registry_with_tags_and_bad_bytes_is_one_clear_error(archive_dir, capsys):
    root = archive_dir({"signatories.yaml": b"x:\n  name: \xff\n"})
    assert main(["--root", str(root), "check"]) == 1
    assert ("\nsignatories.yaml:2: file is not valid UTF-8 (byte 0xff)\n  hint: re-save the file "
            "as UTF-8\n") in capsys.readouterr().out
    root = archive_dir({"topics.yaml": "migration: !!set {a, b}\n"})
    assert main(["--root", str(root), "check"]) == 1
    assert ("topics.yaml:1: explicit tag '!!set' is not allowed\n  hint: remove the tag; values "
            "are plain text, numbers, lists and mappings") in capsys.readouterr().out


# 4. writes are atomic; a refused import writes nothing

def test_refused_import_writes_nothing(archive_dir, capsys):
    root = archive_dir(TOPICS, letter=False)
    registry = (root / "signatories.yaml").read_bytes()
    broken = root.parent / "no-date.txt"
    broken.write_text("Dear Secretary:\n\nWe write.\n\nSincerely,\n\nJane Doe\n")
    args = ["--root", str(root), "import", str(SEED), str(broken), "--title", TITLE, "--add-new"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"error: {broken.as_posix()}:1: no date found in the text\n  hint: pass --date" in err
    assert "nothing was written: fix the errors above and import again\n" in err
    assert list((root / "letters").glob("*")) == []  # not even the good document's files
    assert (root / "signatories.yaml").read_bytes() == registry


KILLER = """
import sys
sys.path.insert(0, {scripts!r})
from undersigned.cli import main
main(sys.argv[1:])
"""


@pytest.mark.slow  # (runs in .ci/run)
def test_killed_imports_leave_old_or_new_files(archive_dir, tmp_path):
    """SIGKILL at random moments of an import that rewrites big files: every file is the old
    or the new version, never empty or partial."""
    import random

    root = archive_dir(TOPICS, letter=False)
    big = tmp_path / "big.txt"
    base = SEED.read_text(encoding="utf-8")
    big.write_text(base.replace("Nearly three", "Nearly " + "and write " * 150_000 + "three", 1))
    args = [sys.executable, "-c", KILLER.format(scripts=str(REPO / "scripts")), "--root",
            str(root), "import", str(big), "--title", TITLE, "--add-new", "--force"]
    subprocess.run(args, check=False, capture_output=True, timeout=120)
    first = {p.name: p.read_bytes() for p in (root / "letters").iterdir()}
    first["signatories.yaml"] = (root / "signatories.yaml").read_bytes()
    big.write_text(base.replace("Nearly three", "Nearly " + "or write " * 150_000 + "three", 1))
    # a different document under a title of its own (the same title would be refused)
    args[args.index(TITLE)] = TITLE + " (second)"
    rng = random.Random(11)
    seen: dict[str, set[bytes]] = {}
    for _ in range(8):
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for path in (root / "letters").iterdir():
            if path.name.endswith(".tmp"):
                path.unlink()  # a killed writer's temporary file, never the letter itself
                continue
            seen.setdefault(path.name, set()).add(path.read_bytes())
        seen.setdefault("signatories.yaml", set()).add((root / "signatories.yaml").read_bytes())
    subprocess.run(args, check=True, capture_output=True, timeout=120)
    final = {p.name: p.read_bytes() for p in (root / "letters").iterdir()}
    final["signatories.yaml"] = (root / "signatories.yaml").read_bytes()
    assert final != first
    for name, versions in seen.items():
        assert versions <= {first.get(name), final[name]}, name
    assert load_archive(root).letters  # what is on disk loads


# 5. a different document is never overwritten; ids and slugs are always valid

def test_a_different_document_with_the_same_title_and_date_is_an_error(archive_dir, capsys,
                                                                       tmp_path):
    """Never a silent '-2': the contributor gives a title that tells the two apart."""
    root = archive_dir(TOPICS, letter=False)
    other = tmp_path / "other.txt"
    other.write_text(SEED.read_text().replace("Nearly three", "Almost three", 1))
    assert main(["--root", str(root), "import", str(SEED), "--title", TITLE, "--add-new"]) == 0
    capsys.readouterr()
    before = sorted(p.name for p in (root / "letters").iterdir())
    for dry in ([], ["--dry-run"]):
        assert main(["--root", str(root), "import", str(other), "--title", TITLE, *dry]) == 1
        err = capsys.readouterr().err
        assert (f"error: {other.as_posix()}:3: letters/{SLUG}.md is another document with this "
                f"title and date ('{TITLE}', {SLUG[:10]})\n  hint: give this one a title that "
                "tells them apart: --title \"...\" (what or whom it is about); if it is the "
                "same document, it is in the archive already") in err
    assert sorted(p.name for p in (root / "letters").iterdir()) == before
    assert main(["--root", str(root), "import", str(other), "--title", TITLE + " (second)",
                 "--add-new"]) == 0
    assert (root / "letters" / f"{SLUG}-second.txt").read_bytes() == other.read_bytes()
    assert main(["--root", str(root), "check"]) == 0


def test_an_original_alone_under_the_slug_is_named_as_what_it_is(archive_dir, capsys, tmp_path):
    root = archive_dir(TOPICS, letter=False)
    (root / "letters").mkdir(exist_ok=True)
    (root / "letters" / f"{SLUG}.txt").write_text("an unrelated original\n")
    assert main(["--root", str(root), "import", str(SEED), "--title", TITLE]) == 1
    assert (f"letters/{SLUG}.txt is another original with this title and date ('{TITLE}', "
            f"{SLUG[:10]})") in capsys.readouterr().err
    assert (root / "letters" / f"{SLUG}.txt").read_text() == "an unrelated original\n"


@pytest.mark.parametrize("name, expected", [
    ("null", "person-null"), ("true", "person-true"), ("-2", "person-2"), ("entry", "person-entry"),
    ("2020", "person-2020"), ("Владимир Путин", "vladimir-putin"), ("José E. Serrano", "jose-e-serrano"),
    ("🙂🙂", "slight-smile-slight-smile"), ("x" * 300, "x" * 64),
])
def test_generated_ids_are_readable_and_valid(name, expected):
    assert make_id(name) == expected
    assert load_yaml(f"{expected}: 1\n").data == {expected: 1}


def test_new_writes_a_file_check_accepts(archive_dir, capsys):
    root = archive_dir()
    title = 'Carta: "Derechos" #1 — Москва\u202e'
    assert main(["--root", str(root), "new", title, "--date", "2020-01-02"]) == 0
    written = next((root / "letters").glob("2020-01-02-*.md"))
    assert written.name == "2020-01-02-carta-derechos-1-moskva.md"
    src = written.read_text()
    assert 'title: "Carta: \\"Derechos\\" #1 — Москва"' in src


def test_import_date_out_of_range_is_refused(archive_dir, capsys):
    root = archive_dir()
    with pytest.raises(SystemExit):
        main(["--root", str(root), "import", str(SEED), "--date", "1850-01-01"])
    assert "1850-01-01 is outside 1900-2100" in capsys.readouterr().err


# 6. text hygiene

def test_import_removes_invisible_characters_and_dry_run_shows_the_bytes(archive_dir, capsys,
                                                                          tmp_path):
    root = archive_dir(TOPICS, letter=False)
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(SEED.read_text().replace("Alan Lowenthal", "Alan\u200b Lowen\u202ethal\x07", 1))
    args = ["--root", str(root), "import", str(dirty), "--title", TITLE + "\u2028x", "--add-new"]
    assert main(args + ["--dry-run"]) == 0
    shown = capsys.readouterr().out
    assert main(args) == 0
    written = (root / "letters" / f"{SLUG}-x.md").read_text(encoding="utf-8")
    assert shown.startswith(written)
    for bad in ("\u200b", "\u202e", "\x07", "\u2028"):
        assert bad not in written
    assert main(["--root", str(root), "check"]) == 0


def test_exports_of_a_hostile_archive_are_well_formed_xml(tmp_path):
    from helpers import write_hostile_archive

    root = write_hostile_archive(tmp_path / "hostile")
    archive = load_archive(root)
    files = data_texts(archive, "https://x.example.org/")
    ET.fromstring(files["data/cmif.xml"])
    ET.fromstring(files["feed.xml"])
    for content in files.values():
        assert "\x00" not in content


# 7. look-alike identities

def test_look_alike_registry_names_are_one_error_naming_both(archive_dir, capsys):
    root = archive_dir({"signatories.yaml": (REPO / "signatories.yaml").read_text()
                        + "look-alike:\n  name: \"Ａｌａｎ Lowen\\u200bthal\"\n  kind: person\n"})
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    assert "is already claimed by 'alan-lowenthal' ('Alan Lowenthal')" in out
    assert "name 'Ａｌａｎ Lowen\\u200bthal' of 'look-alike'" in out


# 8. letter bodies cannot imitate the site

def test_bodies_keep_no_class_id_or_style_but_footnotes_work():
    html = body_html('<div class="admonition warning" id="signatories" style="position:fixed">'
                     '<p class="admonition-title">Note</p></div>\n\n'
                     'Text<span class="md-dialog" id="search">x</span>[^1]\n\n'
                     '<li id="fn:1">forged note</li>\n\n[^1]: The real note.')
    assert 'class="admonition' not in html and 'id="signatories"' not in html
    assert "style=" not in html and "md-dialog" not in html and 'id="search"' not in html
    assert html.count('id="fn:1"') == 1
    assert '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1"' in html
    assert '<div class="footnote">' in html


# 9. exports are safe to open

def test_csv_cells_that_a_spreadsheet_would_run_are_neutralized(archive_dir):
    root = archive_dir({"letters/2017-06-14-a-letter.md": LETTER.replace(
        "title: A letter", "title: \"=HYPERLINK(\\\"http://evil.example\\\")\"")})
    archive = load_archive(root)
    assert [p for p in archive.problems if not p.warning] == []
    files = data_texts(archive, "")
    rows = list(csv.DictReader(io.StringIO(files["data/letters.csv"])))
    assert rows[0]["title"] == "'=HYPERLINK(\"http://evil.example\")"
    assert json.loads(files["data/letters.json"])[0]["title"] == \
        '=HYPERLINK("http://evil.example")'


def test_cosigners_csv_neutralizes_a_name_a_spreadsheet_would_run(archive_dir):
    """The co-signers CSV makes each registry name safe once (Archive.csv_cells), not a cell
    at a time: a name that begins with = still reaches it as text."""
    from undersigned.pages.entities import render_cosigners_csv

    root = archive_dir({"signatories.yaml": REGISTRY.replace(
        "name: Washington Office on Latin America", "name: '=HYPERLINK(\"http://evil\")'")})
    archive = load_archive(root)
    text = render_cosigners_csv(archive, archive.registry.entities["alan-lowenthal"]).markdown
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["cosigner_id"], r["name"], r["documents_together"]) for r in rows] == [
        ("wola", "'=HYPERLINK(\"http://evil\")", "1"),  # (its sort name begins with =)
        ("lucille-roybal-allard", "Lucille Roybal-Allard", "1")]


def test_safe_cell_rules():
    from undersigned.core.csvcells import safe_cell

    assert [safe_cell(v) for v in ("=1+1", "+1", "-1", "@x", "\tx", "\rx", "ok", 3, "")] == [
        "'=1+1", "'+1", "'-1", "'@x", "'\tx", "'\rx", "ok", 3, ""]
    from undersigned.core.csvcells import csv_row

    assert csv_row(["a\nb", "c\rd", "e,f", 'g"h', "=x", 3]) == \
        '"a\nb","c\rd","e,f","g""h",\'=x,3'


def test_github_annotations_escape_properties_and_data():
    problem = Problem("letters/a,b:c%.md", 3, "bad\nthing 100%", "fix\r it")
    assert problem.annotation() == (
        "::error file=letters/a%2Cb%3Ac%25.md,line=3::bad%0Athing 100%25 (hint: fix%0D it)")


# 10. faults are messages

def test_a_file_that_vanishes_while_loading_is_a_problem(archive_dir, monkeypatch):
    root = archive_dir()
    import undersigned.core.load as archive_module

    real = archive_module.letter_files

    def vanishing(root_):  # listed, then gone before it is read
        found, problems = real(root_)
        for item in found:
            item.path.unlink()
        return found, problems

    monkeypatch.setattr(archive_module, "letter_files", vanishing)
    problems = [str(p) for p in load_archive(root).problems if not p.warning]
    assert problems == ["letters/2017-06-14-a-letter.md: file disappeared while the archive was "
                        "loading\n  hint: run the command again once the files are in place"]


def test_import_from_standard_input(archive_dir):
    root = archive_dir(TOPICS, letter=False)
    proc = subprocess.run([sys.executable, "-c", KILLER.format(scripts=str(REPO / "scripts")),
                           "--root", str(root), "import", "-", "--title", TITLE, "--add-new"],
                          input=SEED.read_bytes(), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert (root / "letters" / f"{SLUG}.txt").read_bytes() == SEED.read_bytes()


def test_import_refuses_a_letter_larger_than_check_accepts(archive_dir, capsys, monkeypatch):
    import undersigned.cli as cli

    seed = DATA / "seeds" / "003_4ab375e16aaa3c16.txt"
    limit = seed.stat().st_size + 60  # the input fits; the letter it becomes does not
    monkeypatch.setattr(cli, "MAX_BYTES", limit)
    root = archive_dir(TOPICS, letter=False)
    assert main(["--root", str(root), "import", str(seed), "--add-new"]) == 1
    err = capsys.readouterr().err
    assert f"; the limit is {limit:,}\n  hint: split the document before importing it" in err
    assert "nothing was written" in err and list((root / "letters").glob("*")) == []


def test_review_findings_of_the_import(archive_dir, capsys, tmp_path):
    """A dry run with errors writes nothing and says so; the same text imported again under
    another title is said; a title on several lines is refused."""
    root = archive_dir(TOPICS, letter=False)
    assert main(["--root", str(root), "import", str(SEED), "--title", TITLE, "--add-new"]) == 0
    capsys.readouterr()
    other = tmp_path / "other.txt"
    other.write_text(SEED.read_text().replace("Nearly three", "Almost three", 1))
    assert main(["--root", str(root), "import", str(other), "--title", TITLE, "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "would write nothing (see the errors above); the converter's reading:" in err
    assert "would write: " not in err
    assert main(["--root", str(root), "import", str(SEED), "--title", "Another title",
                 "--dry-run"]) == 0
    err = capsys.readouterr().err
    assert (f"note: {SEED.as_posix()}: this text is already in the archive as "
            f"letters/{SLUG}.txt\n  hint: if it is the same document, it needs no second import "
            "(re-import it under its own title to update it)") in err
    assert main(["--root", str(root), "import", str(SEED), "--title", "Line one\nsecond"]) == 1
    assert ("error: --title: --title spans several lines\n  hint: give the title on one line"
            ) in capsys.readouterr().err


def test_a_sender_given_on_the_command_line_is_kept(archive_dir, capsys, tmp_path):
    letter = tmp_path / "l.txt"
    letter.write_text("Dear Secretary Mayorkas:\n\nWe write.\n\nSincerely,\n\nJoaquin Castro\n"
                      "Raúl M. Grijalva\n", encoding="utf-8")
    root = archive_dir(TOPICS, letter=False)
    assert main(["--root", str(root), "import", str(letter), "--title", "Sender test",
                 "--date", "2022-07-08", "--sender", "Washington Office on Latin America",
                 "--dry-run", "--add-new"]) in (0, 1)
    assert "sender: Washington Office on Latin America\n" in capsys.readouterr().out


def test_check_says_its_warnings_stop_a_strict_build(tmp_path, capsys):
    """A body whose HTML the page removes is a warning: `check` passes but says so, as the
    strict build (mkdocs.yml) stops at it."""
    from helpers import write_hostile_archive

    root = write_hostile_archive(tmp_path / "hostile")
    assert main(["--root", str(root), "check"]) == 0
    out = capsys.readouterr()
    assert out.out.rstrip().endswith("topics; no errors; 6 warnings above (a strict build, "
                                     "`mkdocs build --strict`, stops at them).")
    assert out.err.count("the page removes (with what it encloses)") == 6
