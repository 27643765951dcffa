"""A realistic synthetic archive of N letters in the DESIGN.md format, for benchmarks:
bodies from the archive's own paragraphs, heavy-tailed signatory counts (5-300) drawn from real
Members of Congress plus people and organizations (some printed under aliases), press releases
linked to their letters, dates over 25 years. Deterministic for a given N and seed."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from undersigned.core.legislators import load_legislators
from undersigned.core.names import slugify

FIRST = ("Ana Luis Maria Jose Carmen Jorge Elena Pablo Sofia Diego Laura Miguel Rosa Carlos "
         "Julia Pedro Marta Raul Lucia Andres Sara Tomas Irene Hugo Clara Ivan Nora Oscar").split()
LAST = ("Garcia Lopez Martinez Rodriguez Hernandez Gonzalez Perez Sanchez Ramirez Torres Flores "
        "Rivera Gomez Diaz Cruz Morales Reyes Gutierrez Ortiz Castillo Jimenez Ruiz Vargas "
        "Mendoza Romero Herrera Medina Aguilar Castro Vasquez").split()
ORG = ("Centro de Derechos Humanos|Red Regional|Colectivo|Fundacion|Instituto|Asociacion|"
       "Network for|Coalition for|Alliance for|Committee for").split("|")
ORG_TAIL = ("Migrantes|Justicia|la Paz|Mujeres|Human Rights|Refugees|Democracy|Defensores|"
            "Memoria|Desarrollo").split("|")
RECIPIENTS = [("Secretary of State", "U.S. Department of State"),
              ("Secretary of Homeland Security", "U.S. Department of Homeland Security"),
              ("Attorney General", "U.S. Department of Justice"),
              ("Administrator", "U.S. Agency for International Development"),
              ("President of the United States", "The White House")]


def _paragraphs(root: Path) -> list[str]:
    paras: list[str] = []
    for path in sorted((root / "letters").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        paras += [p.strip() for p in body.split("\n\n")
                  if len(p.strip()) > 200 and not p.startswith(("[^", "-", "1."))]
    return paras or ["We write to urge you to protect asylum seekers and human rights defenders."]


def generate(root: Path, out: Path, n: int, seed: int = 1) -> dict[str, int]:
    """Write a complete synthetic archive (no docs/ or mkdocs.yml) into ``out``."""
    rng = random.Random(seed)
    paras = _paragraphs(root)
    members = sorted(load_legislators().members.values(), key=lambda m: m.bioguide)
    pool_size = max(300, n // 3)
    registry: dict[str, dict[str, Any]] = {}
    pool: list[tuple[str, str]] = []  # (id, printed name)
    names_seen: set[str] = set()
    for m in members:
        if slugify(m.name) in names_seen:  # namesakes (e.g. two Mike Rogers) need a hand
            continue
        names_seen.add(slugify(m.name))
        eid = slugify(f"{m.nickname or m.first} {m.last}") + "-" + m.bioguide.lower()
        registry[eid] = {"name": m.name, "kind": "person", "bioguide": m.bioguide}
        pool.append((eid, m.name))
    i = 0
    while len(pool) < pool_size + len(members):
        i += 1
        if i % 3:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)} {i}"
            kind = "person"
        else:
            name = f"{rng.choice(ORG)} {rng.choice(ORG_TAIL)} {i}"
            kind = "organization"
        eid = slugify(name)
        entry: dict[str, object] = {"name": name, "kind": kind}
        printed = name
        if i % 7 == 0:  # printed under a variant
            printed = name.upper() + " (ALIAS)"
            entry["aliases"] = [printed]
        registry[eid] = entry
        pool.append((eid, printed))
    officials = []
    for k in range(40):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} Official{k}"
        eid = slugify(name)
        registry[eid] = {"name": name, "kind": "person"}
        officials.append((eid, name))
    topics = {"migration": "Migration and asylum", "security-assistance": "Security assistance",
              "human-rights-defenders": "Human rights defenders", "rule-of-law": "Rule of law",
              "press-freedom": "Press freedom"}
    (out / "letters").mkdir(parents=True, exist_ok=True)
    start = dt.date(2001, 1, 1)
    letters, signatures = 0, 0
    used: set[str] = set()
    last_slug = ""
    weights = [1.0 / (k + 1) ** 0.9 for k in range(len(pool))]  # some sign far more often
    for k in range(n):
        day = start + dt.timedelta(days=rng.randrange(25 * 365))
        is_press = k % 5 == 4 and letters
        count = min(300, max(5, int(rng.paretovariate(1.3) * 5)))
        chosen = list(dict.fromkeys(rng.choices(pool, weights=weights, k=count)))
        title = (f"Press release on letter {k - 1}" if is_press else
                 f"Letter {k} to {rng.choice(RECIPIENTS)[0]} on "
                 f"{rng.choice(list(topics.values())).lower()}")
        slug = f"{day.isoformat()}-{slugify(title, 9)}"
        rec_id, rec_name = rng.choice(officials)
        role, org = rng.choice(RECIPIENTS)
        meta: dict[str, Any] = {"title": title, "date": day, "type": "press-release" if is_press else "letter",
                      "sender": "Members of Congress"}
        if not is_press:
            meta["recipients"] = [{"name": rec_name, "role": role, "organization": org}]
            meta["signatories"] = [name for _eid, name in chosen]
            signatures += len(chosen)
        else:
            meta["signatories"] = []
            meta["related"] = [last_slug]
        meta["topics"] = rng.sample(sorted(topics), rng.randint(1, 2))
        body = "\n\n".join(rng.sample(paras, min(len(paras), rng.randint(3, 8))))
        text = "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10**9) \
            + "---\n\n" + body + "\n"
        (out / "letters" / f"{slug}.md").write_text(text, encoding="utf-8")
        if not is_press:
            last_slug = slug
            used.update(eid for eid, _name in chosen)
            used.add(rec_id)
        letters += 1
    registry = {k: v for k, v in registry.items() if k in used}
    (out / "signatories.yaml").write_text(
        yaml.safe_dump(registry, sort_keys=False, allow_unicode=True, width=10**9),
        encoding="utf-8")
    (out / "topics.yaml").write_text(yaml.safe_dump(
        {k: {"title": v, "description": f"Documents about {v.lower()}."} for k, v in topics.items()},
        sort_keys=False), encoding="utf-8")
    return {"letters": letters, "signatures": signatures, "registry": len(registry)}
