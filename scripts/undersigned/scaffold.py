"""`undersigned new`: a letter file typed by hand, with every field to fill in."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from .convert.document import Document

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
    slug = Document({"title": title, "date": date}, "").slug
    path = root / "letters" / f"{slug}.md"
    if path.exists() and not force:
        print(f"error: letters/{slug}.md: exists\n  hint: pass --force to overwrite it",
              file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATE.format(title=title, date=date.isoformat(), type=doc_type),
                    encoding="utf-8")
    print(f"wrote letters/{slug}.md; fill it in, then run `undersigned check`")
    return 0
