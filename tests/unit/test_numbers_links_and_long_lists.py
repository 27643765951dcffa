"""Numbers, links and long lists: a hexadecimal number of any length is refused like a
decimal one, registry links are http(s) and Wikidata ids, site_url has no query or fragment,
and a long signature list converts in time proportional to its length."""

from __future__ import annotations

import time

import pytest

from helpers import LETTER, REGISTRY
from undersigned.cli import main
from undersigned.core.publish import site_url_form_problem
from undersigned.core.yamlfile import YamlError, load_yaml


@pytest.mark.parametrize("value, digits", [("0x" + "f" * 4000, 4000), ("0xFFFFFFFFFFFFFFFFFFFF", 20),
                                           ("-0x1234567890abc", 13), ("0" + "7" * 13, 14)])
def test_a_long_number_in_any_base_is_refused(value, digits):
    with pytest.raises(YamlError) as caught:
        load_yaml(f"summary: {value}\n")
    assert (caught.value.line, caught.value.message) == (
        1, f"number with {digits} digits (at most 12 are read as a number)")


def test_a_hex_bomb_in_a_letter_or_the_registry_is_a_problem_not_a_traceback(archive_dir,
                                                                             capsys):
    bomb = "0x" + "f" * 4000
    root = archive_dir({
        "letters/2017-06-14-a-letter.md": LETTER.replace("topics: [migration]",
                                                         f"topics: [migration]\nsummary: {bomb}"),
        "signatories.yaml": REGISTRY.replace("  kind: organization\n",
                                             f"  kind: organization\n  description: {bomb}\n")})
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    assert "letters/2017-06-14-a-letter.md:14: number with 4000 digits" in out
    assert "signatories.yaml:" in out and "Traceback" not in out


@pytest.mark.parametrize("field, value, message", [
    ("url", "javascript:alert(6)", "url of 'wola' is not an http(s) address"),
    ("url", "'https://x.org/\"><script>'", "url of 'wola' is not an http(s) address"),
    ("wikidata", "'Q1\"><script>'", "wikidata 'Q1\"><script>' of 'wola' is not a Wikidata id"),
    ("wikidata", "Q0", "wikidata 'Q0' of 'wola' is not a Wikidata id"),
])
def test_registry_links_are_checked(archive_dir, capsys, field, value, message):
    root = archive_dir({"signatories.yaml": REGISTRY.replace(
        "  kind: organization\n", f"  kind: organization\n  {field}: {value}\n")})
    assert main(["--root", str(root), "check"]) == 1
    assert f"signatories.yaml:17: {message}\n" in capsys.readouterr().out


@pytest.mark.parametrize("url", ["https://a.b/?a=1", "https://a.b/#f", "https://a.b/x/?q#f/"])
def test_a_site_url_has_no_query_or_fragment(url):
    problem = site_url_form_problem(url)
    assert problem is not None and "query (?) or fragment (#)" in (problem.hint or "")


def _convert_time(n: int) -> float:
    import datetime as dt

    from undersigned.convert import Options, convert_text
    from undersigned.core.legislators import load_legislators
    from undersigned.core.registry import Registry
    from undersigned.ingest.proposals import Resolution
    from undersigned.ingest.resolve import Resolver

    text = ("Dear Secretary Blinken:\n\nWe write to urge.\n\nSincerely,\n\n"
            + "".join(f"JOHN SMITH{i}\nDirector, Org {i}\n\n" for i in range(n)))
    started = time.perf_counter()
    result = convert_text(text, source="s.txt", options=Options(date=dt.date(2021, 1, 1)))
    resolver = Resolver(Registry(), load_legislators())
    for doc in result.documents:
        resolver.resolve(doc, "s.txt", Resolution())
    assert len(result.documents[0].front.written("signatories")) >= n
    return time.perf_counter() - started


def test_a_long_signature_list_converts_in_linear_time():
    _convert_time(50)  # warm the per-date tables
    small, large = _convert_time(250), _convert_time(1000)
    # 1,000 signers with roles (32 KB): 4x the names, not 16x the time (the time itself is the
    # benchmark's, not a test's: it depends on what else the machine runs)
    assert large < 10 * small + 0.5, (small, large)
