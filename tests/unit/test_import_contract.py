"""Contributing: an import that would fail `check` writes nothing and says which command fixes
it; the sender follows who signed; a "closest" entry is offered only when it is really close."""

from __future__ import annotations

import datetime as dt

from helpers import REGISTRY, TOPICS
from undersigned.cli import main
from undersigned.convert.document import ConvertedDocument, FrontMatter, Party
from undersigned.core.legislators import load_legislators
from undersigned.core.registry import Registry, load_registry
from undersigned.ingest.proposals import Resolution
from undersigned.ingest.resolve import Resolver

LETTER_TEXT = """June 1, 2021

The Honorable Jane Doe
Secretary of Examples
Washington, DC 20001

Dear Secretary Doe:

We write about migration and asylum at the border.

Sincerely,

Washington Office on Latin America
Latin America Working Group
Zoe Quintana-Ferrer
"""


def test_an_import_with_names_the_registry_lacks_writes_nothing_without_add_new(
        archive_dir, tmp_path, capsys):
    root = archive_dir({"topics.yaml": TOPICS}, letter=False)
    registry = (root / "signatories.yaml").read_bytes()
    text = tmp_path / "letter.txt"
    text.write_text(LETTER_TEXT, encoding="utf-8")
    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    # the preview says what the import will say, with the same exit status
    assert main(["--root", str(root), "import", str(text), "--title", "A letter",
                 "--dry-run"]) == 1
    assert "'Latin America Working Group' is not in signatories.yaml" in capsys.readouterr().err
    assert main(["--root", str(root), "import", str(text), "--title", "A letter"]) == 1
    err = capsys.readouterr().err
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == before
    assert (root / "signatories.yaml").read_bytes() == registry
    src = text.as_posix()
    assert (f"error: {src}:14: 'Latin America Working Group' is not in signatories.yaml\n"
            "  hint: rerun with --add-new to append the entry proposed below (review its kind "
            "and name), or add the name to signatories.yaml (as a new entry or an alias) "
            "yourself\n") in err
    assert f"error: {src}:15: 'Zoe Quintana-Ferrer' is not in signatories.yaml\n" in err
    assert "nothing was written: fix the errors above and import again\n" in err
    assert "latin-america-working-group:\n" in err  # the proposal it would append
    # with --add-new: the letter and the entries, and `check` passes
    assert main(["--root", str(root), "import", str(text), "--title", "A letter",
                 "--add-new"]) == 0
    capsys.readouterr()
    main(["--root", str(root), "check"])
    assert "unknown signatory" not in capsys.readouterr().out


def _resolve(signatories, kinds, sender="Members of Congress", given=False):
    front = FrontMatter(date=dt.date(2021, 6, 1), sender=sender, signatories=[
        Party(x, kind=kinds.get(x, "person")) for x in signatories])
    doc = ConvertedDocument(front, "Text.", sender_given=given)
    result = Resolution()
    Resolver(Registry(), load_legislators()).resolve(doc, "x.txt", result)
    return doc.front.sender, [p.message for p in result.problems if p.warning]


def test_the_default_sender_follows_who_signed():
    orgs = ["Washington Office on Latin America", "Latin America Working Group",
            "Alan Lowenthal"]
    kinds = {orgs[0]: "organization", orgs[1]: "organization", orgs[2]: "person"}
    sender, notes = _resolve(orgs, kinds)
    assert sender == "Organizations and individuals"
    assert "sender set to 'Organizations and individuals': 1 of 3 signers are Members of " \
        "Congress" in notes
    assert _resolve(orgs, kinds, "Members of Congress", given=True)[0] == "Members of Congress"
    members = ["Alan Lowenthal", "Norma J. Torres", "Washington Office on Latin America"]
    assert _resolve(members, {members[2]: "organization"})[0] == "Members of Congress"


def test_closest_offers_only_real_look_alikes(tmp_path):
    path = tmp_path / "signatories.yaml"
    path.write_text(REGISTRY + "hrw:\n  name: Human Rights Watch\n  kind: organization\n",
                    encoding="utf-8")
    registry, problems = load_registry(path)
    assert problems == []
    assert registry.closest("Human Rights First") == []  # shares words, not a slip
    assert registry.closest("Maria Lopez") == []
    assert registry.closest("Alan Lowental") == [("alan-lowenthal", "Alan Lowenthal", 96.3)]
    assert registry.closest("wola-x") == []
    assert registry.closest("rex-t") == [("rex-tillerson", "Rex Tillerson", 55.6)]
