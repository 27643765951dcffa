"""`undersigned import` end to end: files written, idempotence, --force, --dry-run, --json."""

from __future__ import annotations

import json
import shutil

from helpers import DATA, REPO
from undersigned.cli import build_parser, main
from undersigned.core.load import load_archive

SEED = DATA / "seeds" / "000_3468addb70574d91.txt"
TITLE = "Letter to Secretary Tillerson"
SLUG = "2017-06-14-letter-secretary-tillerson"


def test_every_command_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) == {"import", "check", "render", "new"}
    for cmd in sub.choices.values():
        assert cmd.format_help()


def test_import_twice_is_byte_identical(archive_dir, capsys):
    root = archive_dir(letter=False)
    args = ["--root", str(root), "import", str(SEED), "--title", TITLE, "--add-new"]
    assert main(args) == 0  # the fixture registry knows 'Lucille Roybal-Alford' as an alias
    first = (root / "letters" / f"{SLUG}.md").read_bytes()
    registry = (root / "signatories.yaml").read_bytes()
    assert "added 35 new entries to signatories.yaml" in capsys.readouterr().out
    assert main(args) == 0
    assert (root / "letters" / f"{SLUG}.md").read_bytes() == first
    assert (root / "signatories.yaml").read_bytes() == registry
    assert "unchanged letters/" in capsys.readouterr().out
    assert (root / "letters" / f"{SLUG}.txt").read_bytes() == SEED.read_bytes()


def test_member_typo_is_reconciled_with_evidence(tmp_path, capsys):
    """'Lucille Roybal-Alford' (the seed's typo) is the only serving Member that close: it is
    resolved to Lucille Roybal-Allard with a note giving the score, and the registry gets the
    Member with the printed form as an alias."""
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "signatories.yaml").write_text("{}\n")
    (tmp_path / "topics.yaml").write_text((REPO / "topics.yaml").read_text())
    assert main(["--root", str(tmp_path), "import", str(SEED), "--title", TITLE,
                 "--add-new"]) == 0
    err = capsys.readouterr().err
    assert ("note: " + SEED.as_posix() + ":195: 'Lucille Roybal-Alford' resolved to Lucille "
            "Roybal-Allard (R000486, House 2017-01-03 to 2019-01-03), serving on 2017-06-14: "
            "score 90.5, next Member 57.9\n"
            "  hint: if that is someone else, give the right entry with `id:`") in err
    registry = (tmp_path / "signatories.yaml").read_text()
    assert ("lucille-roybal-allard:\n  name: Lucille Roybal-Allard\n  kind: person\n"
            "  aliases: [Lucille Roybal-Alford]\n  bioguide: R000486\n") in registry
    assert main(["--root", str(tmp_path), "check"]) == 0


def test_a_weak_match_stays_an_error_with_the_closest_member(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "signatories.yaml").write_text("{}\n")
    (tmp_path / "topics.yaml").write_text("migration:\n  title: Migration\n")
    weak = tmp_path / "weak.txt"
    for printed, score in (("Lucille Roybal", 90), ("Lucille Royball-Alfordd", 86.4)):
        weak.write_text(SEED.read_text().replace("Lucille Roybal-Alford", printed))
        assert main(["--root", str(tmp_path), "import", str(weak), "--title", TITLE]) == 1
        err = capsys.readouterr().err
        assert (f"error: {weak.as_posix()}:195: unknown name '{printed}'; closest Member of "
                f"Congress serving on 2017-06-14: Lucille Roybal-Allard (R000486, score {score})"
                ) in err
    assert "nothing was written" in err


def test_never_overwrites_a_hand_edited_letter(archive_dir, capsys):
    root = archive_dir(letter=False)
    args = ["--root", str(root), "import", str(SEED), "--title", TITLE]
    assert main(args + ["--add-new"]) == 0
    target = root / "letters" / f"{SLUG}.md"
    edited = target.read_text().replace("type: letter", "type: letter\nsummary: Edited.")
    target.write_text(edited)
    capsys.readouterr()
    assert main(args) == 1
    assert target.read_text() == edited
    assert (f"error: letters/{SLUG}.md: exists and differs from this import\n  hint: it may "
            "have been edited by hand; pass --force to overwrite it") in capsys.readouterr().err
    main(args + ["--force"])
    assert "summary: Edited." not in target.read_text()


def test_dry_run_writes_nothing_and_prints_markdown(archive_dir, capsys):
    root = archive_dir(letter=False)
    before = sorted(p.name for p in root.rglob("*"))
    main(["--root", str(root), "import", str(SEED), "--title", TITLE, "--dry-run"])
    out = capsys.readouterr().out
    assert out.startswith(f"---\ntitle: {TITLE}\ndate: 2017-06-14\ntype: letter\n")
    assert "- Lucille Roybal-Alford\n" in out
    assert sorted(p.name for p in root.rglob("*")) == before


def test_dry_run_json(archive_dir, capsys):
    root = archive_dir(letter=False)
    pr = DATA / "convert" / "press-embedded.txt"
    main(["--root", str(root), "import", str(pr), "--dry-run", "--json"])
    docs = json.loads(capsys.readouterr().out)
    assert [d["path"] for d in docs] == [
        "letters/2022-03-02-lawmakers-urge-secretary-doe-protect-asylum-seekers.md",
        "letters/2022-03-02-letter-secretary-examples-jane-doe.md"]
    assert docs[0]["metadata"]["related"] == ["2022-03-02-letter-secretary-examples-jane-doe"]
    assert docs[1]["metadata"]["signatories"] == ["John Smith", "Mary Jones"]
    assert docs[1]["metadata"]["source"] == {
        "original": "2022-03-02-lawmakers-urge-secretary-doe-protect-asylum-seekers.txt"}
    assert docs[1]["body"] == ("Dear Secretary Doe:\n\nWe write to urge you to protect asylum "
                               "seekers.\n\nSincerely,\n")


def test_imported_press_release_and_letter_pass_check(archive_dir, capsys):
    root = archive_dir(letter=False)
    pr = DATA / "convert" / "press-embedded.txt"
    assert main(["--root", str(root), "import", str(pr), "--add-new"]) == 0  # ('asylum')
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 0, capsys.readouterr().out
    archive = load_archive(root)
    letter = next(x for x in archive.letters if x.type == "letter")
    assert [x.type for x in archive.related[letter.slug]] == ["press-release"]


def test_new_scaffold(archive_dir, capsys):
    root = archive_dir(letter=False)
    assert main(["--root", str(root), "new", "A hand-typed letter", "--date", "2020-01-02"]) == 0
    path = root / "letters" / "2020-01-02-hand-typed-letter.md"
    assert path.exists()
    assert main(["--root", str(root), "new", "A hand-typed letter", "--date", "2020-01-02"]) == 1
    assert "exists" in capsys.readouterr().err


def test_render_out_writes_every_generated_page(archive_dir, tmp_path):
    root = archive_dir()
    out = tmp_path / "rendered"
    assert main(["--root", str(root), "render", "--out", str(out)]) == 0
    assert (out / "letters" / "2017-06-14-a-letter.md").exists()
    assert (out / "signatories" / "lucille-roybal-allard.md").exists()
    assert (out / "data" / "letters.json").exists()
    shutil.rmtree(out)


def test_render_stops_with_the_name_of_a_letter_edited_while_it_runs(archive_dir, tmp_path,
                                                                      capsys, monkeypatch):
    """A letter's body is read again when its page is written; if its file changed since the
    check, the command stops with the file's name and a hint (no page with a new body under
    the old front matter)."""
    from undersigned.core.letters import BodyInFile

    root = archive_dir()
    real_read = BodyInFile.read

    def edited_meanwhile(self):
        self.path.write_text(self.path.read_text(encoding="utf-8") + "Added.\n",
                             encoding="utf-8")
        return real_read(self)

    monkeypatch.setattr(BodyInFile, "read", edited_meanwhile)
    assert main(["--root", str(root), "render", "--out", str(tmp_path / "out")]) == 1
    path = root.resolve() / "letters" / "2017-06-14-a-letter.md"
    assert capsys.readouterr().err == (
        f"error: {path}: changed after it was checked\n  hint: a letter was edited while the "
        "pages were being written; run the command again\n")


MAYORKAS = """Letter to Secretary Tillerson

March 1, 2017

The Honorable Rex W. Tillerson
Secretary of State
Washington, DC 20520

Dear Secretary Tillerson:

We write about asylum at the border with Mexico and urge you to act.

Sincerely,

Alan Lowenthal
Member of Congress
"""


def test_add_new_never_adds_a_second_entry_for_a_name_very_like_one(archive_dir, capsys):
    """Found by a newcomer: 'Alejandro N. Mayorkas' next to 'Alejandro Mayorkas' was proposed
    (and with --add-new appended) as a second entry. The fixture registry has 'Rex Tillerson';
    the letter prints 'Rex W. Tillerson' on line 5."""
    root = archive_dir(letter=False)
    text = root / "m.txt"
    text.write_text(MAYORKAS, encoding="utf-8")
    registry = (root / "signatories.yaml").read_bytes()
    assert main(["--root", str(root), "import", str(text), "--add-new"]) == 1
    err = capsys.readouterr().err
    assert (f"error: {text}:5: 'Rex W. Tillerson' is very like 'rex-tillerson' (Rex Tillerson, "
            "92.9) in signatories.yaml; --add-new does not add a second entry for it\n"
            "  hint: if it is the same person, add 'Rex W. Tillerson' to the aliases of "
            "'rex-tillerson'; if not, add its entry to signatories.yaml by hand") in err
    assert "rex-w-tillerson:" not in err  # not offered among the entries --add-new appends
    assert (root / "signatories.yaml").read_bytes() == registry
    assert not (root / "letters").exists() or not list((root / "letters").iterdir())


DURBIN = """SEN. DURBIN URGES SECRETARY TILLERSON TO PROTECT ASYLUM SEEKERS AT THE BORDER
  Sen. Dick Durbin (D-IL) today sent a letter to Secretary of State Rex Tillerson about asylum seekers.
   The text of the letter follows:
   March 1, 2017
   The Honorable Rex Tillerson
  Secretary of State
  Washington, DC 20520
   Dear Secretary Tillerson:
   We write to urge you to protect asylum seekers who arrive at the border with Mexico and to hear each of them.
   Sincerely,
  Richard J. Durbin
  United States Senator
"""


def test_the_member_who_issued_a_release_is_linked_as_printed(archive_dir, capsys):
    """'Sen. Dick Durbin' issued the release; the letter's signature proposes 'Richard J.
    Durbin' (D000563): the printed form becomes an alias, so the release's sender is a link."""
    root = archive_dir(letter=False)
    text = root / "d.txt"
    text.write_text(DURBIN, encoding="utf-8")
    assert main(["--root", str(root), "import", str(text), "--add-new"]) == 0
    capsys.readouterr()
    assert ("richard-durbin:\n  name: Richard J. Durbin\n  kind: person\n"
            "  aliases: [Dick Durbin]\n  bioguide: D000563\n") in (
        root / "signatories.yaml").read_text(encoding="utf-8")
    archive = load_archive(root)
    assert [p for p in archive.problems if not p.warning] == []
    release = next(x for x in archive.letters if x.type == "press-release")
    assert (release.sender, archive.sender_id(release)) == ("Sen. Dick Durbin", "richard-durbin")


def test_a_slip_in_a_family_name_is_no_new_entry_but_another_given_name_is(archive_dir,
                                                                            capsys):
    """'Rex Tilerson' (a slip) is refused like a middle initial; 'Rex Tillerman' is not close
    enough to be the same person, and 'Ana Tillerson' is another given name: both new."""
    root = archive_dir(letter=False)
    text = root / "m.txt"
    text.write_text(MAYORKAS.replace("Rex W. Tillerson", "Rex Tilerson"), encoding="utf-8")
    assert main(["--root", str(root), "import", str(text), "--add-new"]) == 1
    assert "'Rex Tilerson' is very like 'rex-tillerson'" in capsys.readouterr().err
    text.write_text(MAYORKAS.replace("Rex W. Tillerson", "Ana Tillerson"), encoding="utf-8")
    main(["--root", str(root), "import", str(text), "--add-new", "--dry-run"])
    assert "is very like" not in capsys.readouterr().err
