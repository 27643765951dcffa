"""The controlled vocabulary of topics (``topics.yaml``)."""

from __future__ import annotations

from pathlib import Path

from undersigned.core.model import Topic
from undersigned.core.problems import Problem
from undersigned.core.registry import check_id, check_keys
from undersigned.core.yamlfile import read_yaml_file

ALLOWED = ("title", "description", "keywords", "replaced_by")


def load_topics(path: Path, rel: str = "topics.yaml") -> tuple[dict[str, Topic], list[Problem]]:
    topics: dict[str, Topic] = {}
    if not path.exists():
        return topics, [Problem(rel, None, "topics file is missing", "create topics.yaml")]
    doc, _text, problems = read_yaml_file(path, rel)
    if doc is None:
        return topics, problems
    data = doc.data or {}
    if not isinstance(data, dict):
        return topics, [Problem(rel, 1, "topics must be a mapping of id -> {title, description}",
                                None)]
    for _parent, key, first, again in doc.duplicates:
        problems.append(Problem(rel, again, f"duplicate key '{key}' (first on line {first})",
                                "YAML keeps only the last one; merge or rename"))
    for topic_id, raw in data.items():
        line = doc.line(topic_id)
        topic_id = str(topic_id)
        problems += check_id(rel, line, topic_id, "topic id")
        if not isinstance(raw, dict) or not isinstance(raw.get("title"), str):
            problems.append(Problem(rel, line, f"topic '{topic_id}' needs a 'title'",
                                    "write `title: Human-readable title`"))
            continue
        problems += check_keys(rel, doc, topic_id, raw, ALLOWED, "topic")
        keywords = raw.get("keywords") or []
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            problems.append(Problem(rel, doc.line(topic_id, "keywords"),
                                    f"'keywords' of topic '{topic_id}' must be a list of strings",
                                    "write keywords: [word, another phrase]"))
            keywords = []
        replaced = raw.get("replaced_by") or []
        if not isinstance(replaced, list) or not all(isinstance(k, str) for k in replaced):
            problems.append(Problem(rel, doc.line(topic_id, "replaced_by"),
                                    f"'replaced_by' of topic '{topic_id}' must be a list of "
                                    "topic ids", "write replaced_by: [asylum, deportation]"))
            replaced = []
        topics[topic_id] = Topic(topic_id, raw["title"], str(raw.get("description") or "").strip(),
                                 line, tuple(keywords), tuple(replaced))
    for topic in topics.values():  # a former topic points to topics in use
        for i, other in enumerate(topic.replaced_by):
            if other not in topics or topics[other].retired:
                problems.append(Problem(rel, doc.line(topic.id, "replaced_by", i),
                                        f"topic '{topic.id}' is replaced by '{other}', which "
                                        + ("is a former topic too" if other in topics
                                           else "is not a topic"),
                                        "name topics defined in topics.yaml, without "
                                        "replaced_by"))
    return topics, problems
