"""`undersigned new`: a letter file typed by hand, with every field to fill in."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from undersigned.convert.document import ConvertedDocument, FrontMatter
from undersigned.core.hygiene import clean
from undersigned.core.writes import write_atomic

TEMPLATE = """\
---
title: {title}
date: {date}
type: {type}
sender: Members of Congress  # who sent or issued it
recipients:  # required for letters: name as printed, role on that date
  - name: Name As Printed
    role: Secretary of State
signatories:  # in printed order, names exactly as printed
  - Name As Printed
topics: [migration]  # ids from topics.yaml
countries: []  # ISO 3166-1 alpha-2, e.g. [MX, GT]
source:
  url: https://example.org/where-it-was-published
---

Dear ...:

Paste the body here, paragraph by paragraph, without the signature block.

Sincerely,
"""


def new_letter(root: Path, title: str, date: dt.date, doc_type: str, force: bool) -> int:
    title = " ".join(clean(title).split())
    if not title:
        print("error: the title is empty\n  hint: give the document's title in quotes",
              file=sys.stderr)
        return 1
    slug = ConvertedDocument(FrontMatter(title=title, date=date), "").slug
    path = root / "letters" / f"{slug}.md"
    if path.exists() and not force:
        print(f"error: letters/{slug}.md: exists\n  hint: pass --force to overwrite it",
              file=sys.stderr)
        return 1
    quoted = json.dumps(title, ensure_ascii=False)  # a JSON string is a YAML scalar
    write_atomic(path, TEMPLATE.format(title=quoted, date=date.isoformat(), type=doc_type))
    print(f"wrote letters/{slug}.md; fill it in, then run `undersigned check`")
    return 0
