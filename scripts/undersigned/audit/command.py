"""`undersigned check`: every problem of the archive, then (on a well-formed archive) the fact
checks — warnings, or errors under `--strict` — and with `--reconvert` the stored records
against today's converter."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from undersigned.audit.reconvert import reconvert as reconvert_all
from undersigned.audit.run import audit
from undersigned.core.config import read_config
from undersigned.core.load import load_archive
from undersigned.core.problems import problem_order, report
from undersigned.core.publish import site_url_problem


def cmd_check(root: Path, github: bool = False, publish: bool = False, strict: bool = False,
              reconvert: bool = False) -> int:
    # the collector off while the archive is loaded and checked: what they make lives until
    # the command ends, and each full collection would scan millions of objects (a fifth of a
    # warm `check` at 30,000 letters)
    gc.disable()
    try:
        return _check(root, github, publish, strict, reconvert)
    finally:
        gc.enable()


def _check(root: Path, github: bool, publish: bool, strict: bool, reconvert: bool) -> int:
    archive = load_archive(root)
    if publish:
        problem = site_url_problem(read_config(root).get("site_url"))
        if problem:
            archive.problems.append(problem)
    if archive.history is not None:  # commits dated outside the archive's span (warnings)
        archive.problems += archive.history.problems
    summaries = []
    if not any(not p.warning for p in archive.problems):  # facts of a well-formed archive
        found = audit(archive, strict)
        archive.problems += found.problems
        if strict or reconvert:  # (a plain check says only what it found)
            summaries.append(found.summary)
        if reconvert:
            gc.enable()  # (the converter makes and drops many objects)
            differ, said = reconvert_all(archive, strict)
            archive.problems += differ
            summaries.append(said)
    errors = [p for p in archive.problems if not p.warning]
    warnings = [p for p in archive.problems if p.warning]
    for problem in sorted(warnings, key=problem_order):
        print(f"warning: {problem}", file=sys.stderr)
    if github:
        for problem in sorted(archive.problems, key=problem_order):
            print(problem.annotation())
    for line in summaries:
        print(line, file=sys.stderr)
    if errors:
        print(report(errors))
        return 1
    n = len(archive.letters)
    said = "no problems." if not warnings else (
        f"no errors; {len(warnings)} warning{'s' if len(warnings) != 1 else ''} above (a strict "
        "build, `mkdocs build --strict`, stops at them).")
    print(f"ok: {n} document{'s' if n != 1 else ''}, {len(archive.registry.entities)} registry "
          f"entries, {len(archive.topics)} topics; {said}")
    return 0
