"""Untrusted text: originals are plain text, XML-forbidden and default-ignorable
characters, ids that are not text, explicit YAML tags, duplicate signers, site_url, BibTeX and
the search page's JSON download."""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import DATA, LETTER, REGISTRY, REPO, write
from helpers import TOPICS as HELPER_TOPICS
from undersigned.cli import main
from undersigned.core.archive import Archive, published_originals
from undersigned.core.characters import describe, visible
from undersigned.core.history import parse_log
from undersigned.core.legislators import Legislators
from undersigned.core.load import load_archive
from undersigned.core.model import Letter, Signature
from undersigned.core.names import fold
from undersigned.core.publish import site_url_form_problem, site_url_problem
from undersigned.core.registry import Registry
from undersigned.core.yamlfile import YamlError, load_yaml
from undersigned.outputs.exports import data_texts
from undersigned.outputs.sitemap import write_sitemaps
from undersigned.pages.bibtex import bibtex

TOPICS_FILE = {"topics.yaml": (REPO / "topics.yaml").read_text(encoding="utf-8")}
SEED = DATA / "seeds" / "000_3468addb70574d91.txt"
TITLE = "Letter to Secretary Tillerson"
SLUG = "2017-06-14-letter-secretary-tillerson"


def _check(root, capsys) -> tuple[int, str]:
    code = main(["--root", str(root), "check"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# 9. a field of a party that is not text is a problem with its line, never a traceback

@pytest.mark.parametrize("old, new, expected", [
    ("  - Alan Lowenthal\n", "  - name: Alan Lowenthal\n    id: [a, b]\n",
     "letters/2017-06-14-a-letter.md:11: 'signatories[1]': id must be text, not a list\n"
     "  hint: write the registry id as one plain word, e.g. `id: alan-lowenthal`"),
    ("  - Alan Lowenthal\n", "  - name: Alan Lowenthal\n    id: {a: b}\n",
     "letters/2017-06-14-a-letter.md:11: 'signatories[1]': id must be text, not a mapping\n"
     "  hint: write the registry id as one plain word, e.g. `id: alan-lowenthal`"),
    ("  - Alan Lowenthal\n", "  - name: Alan Lowenthal\n    id: 12\n",
     "letters/2017-06-14-a-letter.md:11: 'signatories[1]': id must be text, not a number\n"
     "  hint: write the registry id as one plain word, e.g. `id: alan-lowenthal`"),
    ("    role: Secretary of State\n", "    role: Secretary of State\n    id: [x]\n",
     "letters/2017-06-14-a-letter.md:9: 'recipients[1]': id must be text, not a list\n"
     "  hint: write the registry id as one plain word, e.g. `id: alan-lowenthal`"),
    ("topics: [migration]\n", "topics: [migration]\nsigners_named:\n  - name: X\n    id: [x]\n",
     "letters/2017-06-14-a-letter.md:16: 'signers_named[1]': id must be text, not a list\n"
     "  hint: write the registry id as one plain word, e.g. `id: alan-lowenthal`"),
    ("  - Alan Lowenthal\n", "  - name: Alan Lowenthal\n    role: [x]\n",
     "letters/2017-06-14-a-letter.md:11: 'signatories[1]': role must be text, not a list\n"
     "  hint: write it as plain text (quote it if it looks like a number or holds ': ')"),
])
def test_an_id_that_is_not_text_is_a_problem_with_its_line(archive_dir, capsys, old, new,
                                                             expected):
    root = archive_dir({"letters/2017-06-14-a-letter.md": LETTER.replace(old, new, 1)})
    code, out = _check(root, capsys)
    assert (code, out) == (1, expected + "\n1 problem in 1 file.\n")


# 13. every explicit tag is refused, also one naming what the text would resolve to anyway

@pytest.mark.parametrize("text, line, message", [
    ("a: 1\nb: !<tag:yaml.org,2002:str> x\n", 2,
     "explicit tag '!<tag:yaml.org,2002:str>' is not allowed"),
    ("--- !!map\na: 1\n", 1, "explicit tag '!!map' is not allowed"),
    ("a: !!str hello\n", 1, "explicit tag '!!str' is not allowed"),
    ("a:\n  - !!seq [x]\n", 2, "explicit tag '!!seq' is not allowed"),
    ("a: ! x\n", 1, "explicit tag '!' is not allowed"),
    ("%TAG !e! tag:yaml.org,2002:\n---\na: !e!str x\n", 3, "explicit tag '!e!str' is not allowed"),
])
def test_explicit_tags_are_refused_even_when_they_change_nothing(text, line, message):
    with pytest.raises(YamlError) as caught:
        load_yaml(text)
    assert (caught.value.line, caught.value.message, caught.value.hint) == (
        line, message, "remove the tag; values are plain text, numbers, lists and mappings")


def test_an_exclamation_mark_in_text_is_no_tag():
    assert load_yaml('a: "!!str"  # !x\nb: Stop now!\nc: \'!<x>\'\n').data == {
        "a": "!!str", "b": "Stop now!", "c": "!<x>"}


def test_an_explicit_tag_in_front_matter_is_reported_with_its_line(archive_dir, capsys):
    root = archive_dir({"letters/2017-06-14-a-letter.md": LETTER.replace(
        "title: A letter", "title: !<tag:yaml.org,2002:str> A letter")})
    assert _check(root, capsys) == (1, "letters/2017-06-14-a-letter.md:2: explicit tag "
                                    "'!<tag:yaml.org,2002:str>' is not allowed\n  hint: remove "
                                    "the tag; values are plain text, numbers, lists and "
                                    "mappings\n1 problem in 1 file.\n")


# 7. what XML 1.0 forbids is refused everywhere, removed by import, and never reaches an export

_CHAR_HINT = ("delete it (retype the text around it); `undersigned import` removes such "
              "characters by itself")


@pytest.mark.parametrize("old, new, line, char, hint", [
    ("title: A letter", "title: A \uffff letter", 2, "U+FFFF noncharacter", _CHAR_HINT),
    ("title: A letter", 'title: "A \\uFFFE letter"', 2, "U+FFFE noncharacter",
     "delete the escape sequence"),
    ("sender: Members of Congress", 'sender: "Members\\x01"', 5,
     "U+0001 control character", "delete the escape sequence"),
    ("    role: Secretary of State", '    role: "Secretary\\uFFFF"', 8, "U+FFFF noncharacter",
     "delete the escape sequence"),
    ("topics: [migration]", 'topics: [migration]\nsummary: "x\\uFFFE"', 14,
     "U+FFFE noncharacter", "delete the escape sequence"),
    ("We write about", "We \ufffe write about", 18, "U+FFFE noncharacter", _CHAR_HINT),
    ("We write about", "We \x0b write about", 18, "U+000B control character", _CHAR_HINT),
])
def test_xml_forbidden_characters_are_refused_with_their_line(archive_dir, capsys, old, new,
                                                              line, char, hint):
    root = archive_dir({"letters/2017-06-14-a-letter.md": LETTER.replace(old, new, 1)})
    assert _check(root, capsys) == (1, f"letters/2017-06-14-a-letter.md:{line}: invisible or "
                                    f"control character {char}\n  hint: {hint}\n"
                                    "1 problem in 1 file.\n")


def test_a_lone_surrogate_escape_is_refused_with_its_line(archive_dir, capsys):
    root = archive_dir({"letters/2017-06-14-a-letter.md": LETTER.replace(
        "title: A letter", 'title: "A \\ud800 letter"')})
    code, out = _check(root, capsys)
    assert code == 1 and out.startswith("letters/2017-06-14-a-letter.md:2: invalid YAML")


def test_xml_forbidden_characters_in_the_registry_are_refused(archive_dir, capsys):
    root = archive_dir({"signatories.yaml": REGISTRY.replace(
        "name: Rex Tillerson", 'name: "Rex Tillerson\\uFFFE"')})
    code, out = _check(root, capsys)
    assert code == 1 and ("signatories.yaml:12: invisible or control character U+FFFE "
                          "noncharacter\n  hint: delete the escape sequence\n") in out


def test_import_removes_xml_forbidden_and_default_ignorable_characters(archive_dir, tmp_path):
    root = archive_dir(TOPICS_FILE, letter=False)
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(SEED.read_text().replace(
        "Alan Lowenthal", "Alan\ufe0f Lowen\u034fthal\ufffe", 1).replace(
        "Nearly three", "Nearly\uffff three\x0b", 1))
    args = ["--root", str(root), "import", str(dirty), "--title", TITLE + "\u17b4\ufffe",
            "--add-new"]
    assert main(args) == 0
    written = (root / "letters" / f"{SLUG}.md").read_text(encoding="utf-8")
    for bad in ("\ufe0f", "\u034f", "\ufffe", "\uffff", "\u17b4", "\x0b"):
        assert bad not in written
    assert main(["--root", str(root), "check"]) == 0


def test_a_commit_subject_cannot_break_the_changes_feed():
    history = parse_log("a" * 40 + "\x002021-01-02T03:04:05+00:00\x00Fix \x01title\uffff\x00"
                        "\nM\x00letters/2017-06-14-a\x02.md\x00")
    assert [(c.subject, c.slug) for c in history.changes] == [("Fix title", "2017-06-14-a")]


# 8. default-ignorable code points: folded away when names are compared, refused in names

IGNORABLES = ["\u00ad", "\u034f", "\u061c", "\u115f", "\u1160", "\u17b4", "\u17b5", "\u180b",
              "\u180f", "\u200b", "\u200f", "\u202a", "\u202e", "\u2060", "\u206f", "\u3164",
              "\ufe00", "\ufe0f", "\ufeff", "\uffa0", "\ufff0", "\ufff8", "\U0001bca0",
              "\U0001bca3", "\U0001d173", "\U0001d17a", "\U000e0000", "\U000e0001",
              "\U000e0fff"]


@pytest.mark.parametrize("char", IGNORABLES)
def test_default_ignorables_fold_away(char):
    assert fold(f"Alan{char} Lowen{char}thal") == fold("Alan Lowenthal") == "alan lowenthal"


@pytest.mark.parametrize("char", ["\ufe0f", "\u034f", "\u17b4", "\u3164", "\U000e0041"])
def test_registry_look_alikes_with_default_ignorables_are_refused(archive_dir, capsys, char):
    code_point = f"\\U{ord(char):08x}" if ord(char) > 0xFFFF else f"\\u{ord(char):04x}"
    root = archive_dir({"signatories.yaml": REGISTRY + "look-alike:\n  name: \"Rex "
                        f"Tiller{code_point}son\"\n  kind: person\n"})
    code, out = _check(root, capsys)
    shown = code_point
    assert code == 1
    assert (f"signatories.yaml:19: invisible or control character {describe(char)}\n"
            "  hint: delete the escape sequence\n") in out
    assert (f"signatories.yaml:19: name 'Rex Tiller{shown}son' of 'look-alike' is already "
            "claimed by 'rex-tillerson' ('Rex Tillerson')\n") in out


def test_a_default_ignorable_in_a_letter_name_is_refused_with_its_line(archive_dir, capsys):
    root = archive_dir({"letters/2017-06-14-a-letter.md": LETTER.replace(
        "  - WOLA", "  - WOLA\ufe0f")})
    assert _check(root, capsys) == (
        1, f"letters/2017-06-14-a-letter.md:12: invisible or control character U+FE0F "
        f"VARIATION SELECTOR-16\n  hint: {_CHAR_HINT}\n1 problem in 1 file.\n")


# 7. property: whatever passes check gives well-formed XML in every XML export

FORBIDDEN = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\x85", "\ufffe", "\uffff",
             "\ud800", "\udfff", "\ufe0f", "\u034f", "&", "<", ">", "]", '"', "'"]
xml_texts = st.text(st.one_of(st.characters(), st.sampled_from(FORBIDDEN)), min_size=1,
                    max_size=30)
XML_ACCEPTED: list[bool] = []


def _quoted(value: str) -> str:
    return yaml.safe_dump(value, allow_unicode=True, width=10**6).removesuffix(
        "\n...\n").strip()


@settings(derandomize=True, deadline=None, max_examples=60, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(title=xml_texts, sender=xml_texts, role=xml_texts, summary=xml_texts, body=xml_texts,
       subject=xml_texts.map(lambda s: s.replace("\x00", "")))  # git cuts a message at NUL
@example(title="A \ufffe letter", sender="S", role="R", summary="x", body="B", subject="s")
@example(title="A letter", sender="S", role="R", summary="x", body="B", subject="s")
def test_whatever_passes_check_gives_well_formed_xml(tmp_path_factory, title, sender, role,
                                                     summary, body, subject):
    root = tmp_path_factory.getbasetemp() / "xml-property"
    if root.exists():
        shutil.rmtree(root)
    letter = (LETTER.replace("title: A letter", "title: " + _quoted(title))
              .replace("sender: Members of Congress", "sender: " + _quoted(sender))
              .replace("role: Secretary of State", "role: " + _quoted(role))
              .replace("topics: [migration]", "topics: [migration]\nsummary: " + _quoted(summary))
              .replace("We write about migration.", body.replace("\r", "")))
    write(root, {"signatories.yaml": REGISTRY, "topics.yaml": HELPER_TOPICS})
    (root / "letters").mkdir()
    (root / "letters" / "2017-06-14-a-letter.md").write_bytes(
        letter.encode("utf-8", errors="surrogatepass"))
    archive = load_archive(root)
    accepted = not [p for p in archive.problems if not p.warning]
    XML_ACCEPTED.append(accepted)
    if not accepted:
        return
    archive.__dict__["history"] = parse_log(
        "a" * 40 + f"\x002021-01-02T03:04:05+00:00\x00{subject}\x00\nA\x00"
        "letters/2017-06-14-a-letter.md\x00")
    files = data_texts(archive, "https://x.example.org/")
    site = root / "site"
    site.mkdir()
    write_sitemaps(site, "https://x.example.org/", ["", "letters/2017-06-14-a-letter/"],
                   "2021-01-02", 0)
    texts = [files["feed.xml"], files["changes.xml"], files["data/cmif.xml"],
             (site / "sitemap.xml").read_text(encoding="utf-8")]
    for text in texts:
        ET.fromstring(text.encode("utf-8", errors="surrogatepass"))  # well-formed, or raises
    assert "2017-06-14-a-letter" in files["changes.xml"]


def test_the_xml_property_saw_accepted_and_refused_letters(tmp_path_factory):
    if not XML_ACCEPTED:  # run alone (-k): run the property first
        test_whatever_passes_check_gives_well_formed_xml(tmp_path_factory)
    assert True in XML_ACCEPTED and False in XML_ACCEPTED


# 1. originals are plain text only: .txt, valid UTF-8; nothing else is ever published

def _with_original(name: str) -> str:
    return LETTER.replace("topics: [migration]",
                          f"topics: [migration]\nsource:\n  original: {name}")


@pytest.mark.parametrize("name, content, message", [
    ("evil.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "original 'evil.svg' is not a plain-text file (.txt)"),
    ("evil.html", "<script>alert(1)</script>", "original 'evil.html' is not a plain-text file (.txt)"),
    ("evil.txt.js", "alert(1)", "original 'evil.txt.js' is not a plain-text file (.txt)"),
    ("noext", "text", "original 'noext' is not a plain-text file (.txt)"),
    ("latin1.txt", b"line one\nd\xe9j\xe0 vu\n",
     "original 'latin1.txt' is not UTF-8 text (byte 0xe9 on line 2)"),
])
def test_an_original_that_is_not_utf8_text_is_refused(archive_dir, capsys, tmp_path, name,
                                                       content, message):
    root = archive_dir({"letters/2017-06-14-a-letter.md": _with_original(name),
                        f"letters/{name}": content})
    assert _check(root, capsys) == (1, f"letters/2017-06-14-a-letter.md:15: {message}\n  hint: "
                                    "an original is published as plain text only: save it as "
                                    "UTF-8 text with the extension .txt (keep PDF, HTML or SVG "
                                    "originals outside the archive and link them with "
                                    "source.url)\n1 problem in 1 file.\n")
    archive = load_archive(root)
    assert archive.letters[0].original is None and published_originals(archive) == []


def test_a_utf8_text_original_is_published(archive_dir):
    root = archive_dir({"letters/2017-06-14-a-letter.md": _with_original("a.txt"),
                        "letters/a.txt": "Dear Secretary — «text»\n"})
    archive = load_archive(root)
    assert [p for p in archive.problems if not p.warning] == []
    assert published_originals(archive) == [("letters/a.txt", root / "letters/a.txt")]


def test_the_build_never_publishes_an_original_that_is_not_txt(archive_dir):
    """Whatever a letter was given (check not run, a letter built by other code): only .txt
    originals inside letters/ are handed to MkDocs."""
    root = archive_dir({"letters/2017-06-14-a-letter.md": _with_original("a.txt"),
                        "letters/a.txt": "text\n"})
    archive = load_archive(root)
    letter = archive.letters[0]
    for bad in ("letters/evil.svg", "letters/evil.html", "letters/a.txt/../evil.svg",
                "letters/../mkdocs.yml.txt"):
        archive.letters = [dataclasses.replace(letter, original=bad)]
        assert published_originals(archive) == [], bad


# 11. site_url is a plain http(s) address, or neither check --publish nor any build takes it

BAD_URLS = ["javascript://undersigned.org/%0Aalert(1)", "javascript:alert(1)",
            'https://x.org/"><script>alert(1)</script>', "https://x.org/<a>", "https://x.org/a b",
            "https://x.org/'", "https:///nohost", "https://x.org\\@evil.org/", "ftp://x.org/",
            "https://x.org/\n", "data:text/html,<script>"]


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_site_url_that_is_not_plain_http_is_refused(url):
    problem = site_url_problem(url)
    assert problem is not None and problem == site_url_form_problem(url)
    shown = visible(url).replace("\n", "\\n")  # a message is printed on one line
    assert str(problem) == (
        f"mkdocs.yml: site_url '{shown}' is not an http(s) "
        "address\n  hint: set site_url "
        "(or SITE_URL) to https://your-domain/ or https://your-domain/path/: http or https, a "
        "host name, and no quotes, spaces, angle brackets, backslashes, query (?) or fragment "
        "(#)")


@pytest.mark.parametrize("url", ["https://undersigned.org/", "https://a.org/path/x_y/",
                                 "http://host:8000/", ""])
def test_a_plain_http_site_url_is_accepted(url):
    assert site_url_form_problem(url) is None


def test_check_publish_refuses_a_javascript_site_url(archive_dir, capsys, monkeypatch):
    root = archive_dir()
    config = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(config.replace(
        "site_url: https://test.example.org/", "site_url: !ENV [SITE_URL, 'https://a.org/']"))
    monkeypatch.setenv("SITE_URL", "javascript://undersigned.org/%0Aalert(1)")
    assert main(["--root", str(root), "check", "--publish"]) == 1
    assert "mkdocs.yml: site_url 'javascript://undersigned.org/%0Aalert(1)' is not an http(s) " \
        "address\n" in capsys.readouterr().out


def test_no_build_writes_a_hostile_site_url(archive_dir, tmp_path, caplog):
    root = archive_dir()
    config = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(config.replace(
        "site_url: https://test.example.org/", "site_url: 'https://x.org/\"><script>x'"))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    with pytest.raises((Abort, PluginError)):
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert "mkdocs.yml: site_url 'https://x.org/\"><script>x/' is not an http(s) address" \
        in caplog.text
    assert not (tmp_path / "site" / "letters").exists()


# 6. BibTeX: every field escaped; nothing from the input is a command or breaks a brace

_ESCAPES = re.compile(r"\\(?:textbackslash\{\}|textasciitilde\{\}|textasciicircum\{\}|"
                      r"[{}%&#$_])")
BIB_HOSTILE = ["\\", "{", "}", "~", "^", "%", "&", "#", "$", "_", "\\input{/etc/passwd}",
               "\\relax", "\\def\\x{", "}}}", "{{", "@misc{", "\\\\", "\\{", "\\}", "\n"]
bib_texts = st.lists(st.one_of(st.sampled_from(BIB_HOSTILE), st.text(max_size=8)), min_size=1,
                     max_size=8).map("".join)


def _letter(title: str, sender: str, publisher: str, names: list[str]) -> Letter:
    return Letter(slug="2017-06-14-a-letter", path=Path("x.md"), title=title,
                  date=datetime.date(2017, 6, 14), type="letter", sender=sender,
                  recipients=(), signatures=tuple(Signature(n, "x", None, i + 1)
                                                   for i, n in enumerate(names)),
                  topics=(), source={"publisher": publisher} if publisher else {})


def _skeleton(entry: str) -> tuple[list[str], list[str]]:
    """(what lies at depth 1, i.e. between the fields, and the values at depth >= 2) of a
    BibTeX entry whose escapes were replaced by 'X'; fails on a brace that does not balance."""
    text = _ESCAPES.sub("X", entry)
    assert "\\" not in text, entry  # no command from the input survives
    depth, outside, values, piece = 0, [""], [], ""
    for c in text:
        if c == "{":
            depth += 1
            if depth == 2:
                piece = ""
                continue
        elif c == "}":
            depth -= 1
            assert depth >= 0, entry
            if depth == 1:
                values.append(piece)
                outside.append("")
                continue
        if depth == 1:
            outside[-1] += c
        elif depth >= 2:
            piece += c
    assert depth == 0 and text.startswith("@misc{") and text.endswith("\n}"), entry
    return outside, values


_EMPTY = Archive(Path("."), [], Registry(), {}, Legislators([]))  # no registry: printed names


@settings(derandomize=True, deadline=None, max_examples=300, database=None)
@given(title=bib_texts, sender=bib_texts, publisher=st.one_of(st.just(""), bib_texts),
       names=st.lists(bib_texts, min_size=1, max_size=3))
def test_every_bibtex_field_is_escaped(title, sender, publisher, names):
    entry = bibtex(_EMPTY, _letter(title, sender, publisher, names), "https://x.org/a_b~c/")
    outside, values = _skeleton(entry)
    assert [" ".join(o.split()) for o in outside[1:]] == [
        ", title =", ", howpublished =", ", year =", ", month = jun, date =", ", type =",
        ", url =", ", note =", ""]
    assert len(values) == 8
    for value in values:
        assert not re.search(r"[%&#$_~^]", _ESCAPES.sub("X", value)), value


def test_a_bibtex_title_cannot_input_a_file():
    entry = bibtex(_EMPTY, _letter("Refugees \\input{/etc/passwd} \\relax …\\", "S", "",
                                   ["A_b"]), "https://x.org/")
    assert "  title = {{Refugees \\textbackslash{}input\\{/etc/passwd\\} \\textbackslash{}relax " \
        "…\\textbackslash{}}},\n" in entry
    assert "  author = {{A\\_b}},\n" in entry


# 14. the same signer twice in one letter: a warning naming both lines

def test_the_same_signer_twice_is_a_warning_naming_both_lines(archive_dir, capsys):
    root = archive_dir({"letters/2017-06-14-a-letter.md": LETTER.replace(
        "  - WOLA\n", "  - WOLA\n  - Alan S. Lowenthal\n")})
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr().err == (
        "warning: letters/2017-06-14-a-letter.md:13: signatory 'Alan S. Lowenthal' is listed "
        "twice (lines 10 and 13, both 'alan-lowenthal')\n  hint: remove the second entry, "
        "unless the document really prints the name twice\n")
    assert [x.name for x in load_archive(root).letters[0].signatures] == [
        "Alan Lowenthal", "Lucille Roybal-Alford", "WOLA", "Alan S. Lowenthal"]


# 12. the search page's JSON download: records of data/letters.json, never CSV cells

SEARCH_JS = (REPO / "docs" / "javascripts" / "search.js").read_text(encoding="utf-8")


def _js_function(name: str) -> str:
    match = re.search(rf"\n  function {name}\(.*?\n  }}\n", SEARCH_JS, re.S)
    assert match, f"search.js has no function {name}"
    return match.group()


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
def test_the_json_download_carries_the_values_of_letters_json(archive_dir, tmp_path):
    root = archive_dir({"letters/2017-06-14-a-letter.md": LETTER.replace(
        "title: A letter", "title: '=HYPERLINK(\"http://x\")'").replace(
        "sender: Members of Congress", "sender: '@Members'"),
        "letters/2017-06-15-b-letter.md": LETTER.replace("date: 2017-06-14", "date: 2017-06-15")
        .replace("title: A letter", "title: '-1+2'")})
    files = data_texts(load_archive(root), "https://x.example.org/")
    assert "'=HYPERLINK" in files["data/letters.csv"]  # the spreadsheet guard, CSV only
    data = tmp_path / "letters.json"
    data.write_text(files["data/letters.json"], encoding="utf-8")
    script = tmp_path / "run.js"
    script.write_text(_js_function("jsonRows") + (
        "var list = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));\n"
        "process.stdout.write(JSON.stringify(jsonRows(list, ['2017-06-15-b-letter', 'gone', "
        "'2017-06-14-a-letter']), null, 1) + '\\n');\n"), encoding="utf-8")
    out = subprocess.run(["node", str(script), str(data)], capture_output=True, text=True,
                         check=True).stdout
    reference = {r["slug"]: r for r in json.loads(files["data/letters.json"])}
    got = json.loads(out)
    assert got == [reference["2017-06-15-b-letter"], reference["2017-06-14-a-letter"]]
    assert (got[0]["title"], got[1]["title"], got[1]["sender"]) == (
        "-1+2", '=HYPERLINK("http://x")', "@Members")
    download = _js_function("download")
    assert "jsonRows(got[0], got[1])" in download and "loadRecords()" in download
    assert 'new URL("../data/letters.json", bundle)' in _js_function("loadRecords")


def test_inline_html_written_by_hand_keeps_its_link_and_formatting_and_nothing_else():
    from undersigned.pages.sanitize import body_html

    html = body_html('See <a href="https://x.org/report" class="md-button" id="search">the '
                     'report</a>, <b style="position:fixed">this</b>, <sup>1</sup>, '
                     '[js](javascript:alert) and <a href="javascript:alert(2)">raw</a>.')
    assert html == ('<p>See <a href="https://x.org/report" rel="noopener noreferrer nofollow">'
                    'the report</a>, <b>this</b>, <sup>1</sup>, js and raw.</p>')


def test_a_source_address_is_checked_like_a_registry_address():
    import jsonschema

    from undersigned.core.schema import LETTER_SCHEMA

    url = jsonschema.Draft202012Validator(
        LETTER_SCHEMA["properties"]["source"]["properties"]["url"])
    assert not url.is_valid("https://evil.example/\"><script>alert('url')</script>")
    assert not url.is_valid("javascript:alert(1)")
    assert url.is_valid("https://x.org/a?b=1")


def test_a_page_description_is_the_text_not_its_escapes(archive_dir):
    """The converter writes '<' of a letter's text as '&lt;'; the description (escaped once
    by the theme) never shows a literal '&lt;'."""
    from undersigned.pages.letter import description

    archive = load_archive(archive_dir())
    letter = next(x for x in archive.letters if not x.summary)
    said = description(letter, "Dear Secretary:\n\n&lt;script&gt;alert(1) is what we found.")
    assert said == ("Letter of 14 June 2017 from Members of Congress to Rex Tillerson, 3 "
                    "signatories: alert(1) is what we found.")  # (a tag is no text)


def test_an_abbreviation_is_no_link_whose_address_was_removed():
    from undersigned.pages.sanitize import body_html

    assert body_html('The <abbr title="United Nations">UN</abbr> report: see '
                     '<a href="https://x.org">the link</a>.') == (
        '<p>The <abbr title="United Nations">UN</abbr> report: see <a href="https://x.org" '
        'rel="noopener noreferrer nofollow">the link</a>.</p>')
