"""The converter on adversarial whitespace: long runs of spaces, tabs, NBSP and other Unicode
spaces in every region of a letter and a press release cost about what plain text of the same
size costs (no pattern backtracks on them), and no word of the original is lost."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import time
from typing import Any

import pytest

from undersigned.convert import convert_text
from undersigned.convert.document import render

LETTER = """\
September 9, 2021

The Honorable Jane Doe
Secretary of Examples
U.S. Department of Examples
Washington, DC 20001

Dear Secretary Doe:

We write about the example and the people it concerns.

We urge you to act.
- Protect asylum seekers at the border
- Restore the program for children

Sincerely,

Rep. Raúl M. Grijalva (AZ-03)
Rep. Joaquin Castro (TX-20)

Dianne Feinstein
United States Senator
"""
# the lines of each region (0-based, as in LETTER.splitlines())
REGIONS = {"header": range(0, 6), "salutation": range(7, 8), "prose": range(9, 12),
           "bullets": range(12, 14), "closing": range(15, 16), "signatures": range(17, 22)}
SPACES = {"spaces": " ", "tabs": "\t", "nbsp": "\u00a0", "unicode": "\u2003\u3000\u202f\u2009",
          "mixed": " \t\u00a0\u2002"}
RUN = 2000  # characters in each run of whitespace


def _pad(text: str, lines: range, space: str) -> str:
    """Every gap between words on ``lines`` (and their ends) made a run of RUN characters."""
    run = (space * RUN)[:RUN]
    out = text.splitlines()
    for k in lines:
        out[k] = run + out[k].replace(" ", run) + run
    return "\n".join(out) + "\n"


def _plain(size: int, text: str = LETTER) -> str:
    """Ordinary text of ``size`` characters: the letter with its paragraph of prose repeated."""
    filler = "We write about the example and the people it concerns.\n\n"
    head, tail = text.split("We urge you to act.")
    return head + filler * max(0, (size - len(text)) // len(filler)) + "We urge you to act." + tail


def _collapsed(value: Any) -> Any:
    """Metadata and body with every run of whitespace read as one space."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_collapsed(v) for v in value]
    if isinstance(value, dict):
        return {k: _collapsed(v) for k, v in value.items()}
    return value


def _timed(text: str) -> tuple[float, list[Any]]:
    """The best of two conversions, and the documents with their whitespace collapsed."""
    best, out = float("inf"), []
    for _ in range(2):
        started = time.perf_counter()
        result = convert_text(text, source="padded.txt")
        best = min(best, time.perf_counter() - started)
        render(result.documents[0])
        out = [_collapsed({**d.ordered(), "body": d.body}) for d in result.documents]
    return best, out


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


@pytest.mark.parametrize("space", SPACES.values(), ids=SPACES.keys())
@pytest.mark.parametrize("region", REGIONS)
def test_whitespace_runs_in_every_region_cost_what_plain_text_costs(region: str, space: str):
    padded = _pad(LETTER, REGIONS[region], space)
    took, out = _timed(padded)
    plain, _ = _timed(_plain(len(padded)))
    assert took < 10 * plain + 0.25 and took < 2, (region, took, plain)
    _, unpadded = _timed(LETTER)
    if region == "signatures":  # a run of 3+ spaces parts columns: each word is a signature
        (letter,) = out  # (the title row 'United States Senator' is a title row still)
        printed = [x if isinstance(x, str) else f"{x['name']} {x['role']}"
                   for x in letter["signatories"]]
        assert _words(" ".join(printed)) == [
            w for w in _words("\n".join(LETTER.splitlines()[17:]))
            if w not in {"United", "States", "Senator"}]
        assert letter["body"] == unpadded[0]["body"]
    else:  # the same documents, every word in place
        assert out == unpadded


def test_press_release_with_bullets_of_padded_names_is_fast():
    """The reported case: five bullets of words padded with spaces (1.1 KB took 33 s; the time
    grew with the fourth power of the spaces)."""
    pad = " " * 20
    bullets = "\n".join("• " + pad.join(["Rep.", "Alpha", "Beta", "Gamma", "Delta", "led",
                                         "the", "letter"]) + pad for _ in range(5))
    text = ("Press Release\n\nCongressman Smith urges action\n\nWASHINGTON, March 3, 2021 - "
            f"Today Congressman Smith sent a letter.\n\n{bullets}\n\nMore text here.\n")
    assert len(text) == 1122
    took, out = _timed(text)
    assert took < 0.5
    assert out[0]["body"].count("- Rep. Alpha Beta Gamma Delta led the letter") == 5
    for n in (2000, 20000):  # thousands of spaces: still linear
        big = text.replace(pad, " " * n)
        took, _ = _timed(big)
        assert took < 2, (n, took)


def test_no_converter_pattern_backtracks_on_adversarial_strings():
    """Every compiled pattern of the converter and the name modules it uses, on strings of a
    few thousand characters built to make overlapping quantifiers backtrack. Run in a child
    process with a deadline, so a pattern that regresses fails the test instead of hanging it."""
    script = textwrap.dedent(r'''
        import importlib, pkgutil, re, sys, time
        import undersigned.convert
        # every module of the converter (found, not listed: a new one is tried too)
        MODULES = sorted(f"undersigned.convert.{m.name}"
                         for m in pkgutil.iter_modules(undersigned.convert.__path__))
        MODULES += ["undersigned.core.vocabulary", "undersigned.core.names",
                    "undersigned.ingest.resolve", "undersigned.ingest.reconcile"]
        N = 3000
        strings = []
        for sp in [" ", "\t", "\u00a0", "\u2003", " \t\u00a0", "\f", " \n"]:
            strings.append(sp * N + "x")
            for word in ["A", "Ab", "A.", "de", "Rep.", ",", "(", "<sup>", "**", "jr", "iii"]:
                strings.append((word + sp) * (N // 2) + "!")
                strings.append(word + sp * N + "Z" + sp * N + "!")
            for pre in ["Dear ", "Senator ", "Representatives ", "The Honorable ", "Home » ",
                        "national ", "Letter to ", "Estimado "]:
                strings.append(pre + ("Alpha" + sp * 300) * 10 + "~")
        for word in ["A", "Aa", "i", "Ab'", "A-", ", jr", "jr ", "(("]:
            strings.append(word * N + "!")
            strings.append("Senator " + word * N + "!")
        # how long a plainly linear pattern takes over the same strings on this machine now:
        # the limit scales with it, so a loaded machine does not fail a linear pattern
        started = time.perf_counter()
        for s in strings:
            for _m in re.finditer(r"[^\W\d_]+|\s+", s):
                pass
        limit = max(1.5, 20 * (time.perf_counter() - started))
        print(f"limit {limit:.2f} s", flush=True)
        for name in MODULES:
            module = importlib.import_module(name)
            patterns = [(k, v) for k, v in vars(module).items() if isinstance(v, re.Pattern)]
            patterns += [(f"DATE_RES[{i}]", v) for i, v in enumerate(getattr(module, "DATE_RES", []))]
            for key, pattern in patterns:
                print(f"{name}.{key}", flush=True)
                started = time.perf_counter()
                for s in strings:
                    pattern.search(s)
                    pattern.match(s)
                    for _m in pattern.finditer(s):
                        pass
                took = time.perf_counter() - started
                if took > limit:
                    print(f"SLOW {name}.{key} {took:.2f} s", flush=True)
    ''')
    try:
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              timeout=90, env={"PYTHONPATH": ":".join(sys.path)})
    except subprocess.TimeoutExpired as stuck:
        out = stuck.stdout.decode() if isinstance(stuck.stdout, bytes) else stuck.stdout or ""
        pytest.fail(f"a pattern backtracks without end: {out.splitlines()[-1:]}")
    assert done.returncode == 0, done.stderr
    assert [x for x in done.stdout.splitlines() if x.startswith("SLOW")] == []
    assert done.stdout.count("\n") > 80  # every module's patterns were tried
