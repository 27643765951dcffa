"""Documents filed under a former topic, moved to the topics it was split into:
`python -m undersigned.devtools.retopic [--write]`.

For each letter that lists a former topic (``replaced_by`` in topics.yaml), the replacements
whose keywords its title and text use at least twice (the most used first, at most three; the
one most used when none reaches two) take the former topic's place. Without ``--write`` it
prints what it would change; review before committing (the keywords propose, people decide)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from undersigned.core.letters import read_letter
from undersigned.core.model import Topic
from undersigned.core.topics import load_topics

REPO = Path(__file__).resolve().parents[3]
_TOPICS_LINE = re.compile(r"^topics: \[([^\]\n]*)\]$", re.M)


def hits(text: str, topic: Topic) -> int:
    low = text.lower()
    return sum(low.count(k.lower()) for k in topic.keywords)


def replacement(text: str, former: Topic, topics: dict[str, Topic]) -> list[str]:
    scored = sorted(((hits(text, topics[t]), t) for t in former.replaced_by),
                    key=lambda x: (-x[0], former.replaced_by.index(x[1])))
    chosen = [t for n, t in scored if n >= 2][:3]
    return chosen or [t for n, t in scored[:1] if n] or [former.replaced_by[0]]


def retopic(root: Path, write: bool) -> list[str]:
    topics, _problems = load_topics(root / "topics.yaml")
    out = []
    for path in sorted((root / "letters").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        found = _TOPICS_LINE.search(text)
        if not found:
            continue
        listed = [t.strip() for t in found.group(1).split(",") if t.strip()]
        if not any(t in topics and topics[t].retired for t in listed):
            continue
        letter, _found = read_letter(path, path.relative_to(root).as_posix(), root)
        if letter is None:
            continue
        words = f"{letter.front.data.get('title', '')} {letter.body}"
        new: list[str] = []
        for t in listed:
            for x in replacement(words, topics[t], topics) if topics.get(t, Topic(t, t)).retired \
                    else [t]:
                if x not in new:
                    new.append(x)
        out.append(f"{path.relative_to(root).as_posix()}: {', '.join(listed)} -> {', '.join(new)}")
        if write:
            path.write_text(text[:found.start()] + f"topics: [{', '.join(new)}]"
                            + text[found.end():], encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=REPO)
    parser.add_argument("--write", action="store_true", help="change the files")
    args = parser.parse_args(argv)
    for line in retopic(args.root, args.write):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
