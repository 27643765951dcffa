"""How a name is filed: family name, given names and suffix of each registry entry, for the
A–Z indexes ("Roybal-Allard, Lucille"), the order of equal counts, and citations.

- ``sort:`` in ``signatories.yaml`` decides when it is given: ``Family, Given`` for a person
  (``sort: "Norton, Eleanor Holmes"``), the filing form of an organization's name.
- A Member of Congress is filed by the family name of the congress-legislators dataset
  (``last``: ``Roybal-Allard``, ``Lujan Grisham``, ``Barragán``).
- Anyone else by the **two-surname rule**: a name of four or more words (initials and
  particles not counted) ends in two surnames and is filed by the first, the paternal one
  (``Brenda Julissa Reyes Lopez`` → ``Reyes Lopez, Brenda Julissa``); so is a name of three
  words unless its middle word is a given name (``Raúl Reyes Covarrubias`` → ``Reyes
  Covarrubias, Raúl``, but ``Clara Marina Quintanilla`` → ``Quintanilla, Clara Marina``);
  two words: the last. A hyphenated name is one word. Particles (``de``, ``del``, ``de la``,
  ``y``) go with the surname they precede; one that begins the family name is written after
  the given names and does not decide the letter (``Cueto Castro, Alejandra del``).
- An organization is filed by its name without a leading article (``The``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from undersigned.core.names import fold
from undersigned.core.vocabulary import (
    ORDER_POSTNOMINALS,
    PARTICLES,
    SECOND_GIVEN_NAMES,
    SUFFIXES,
)

if TYPE_CHECKING:
    from undersigned.core.legislators import Legislators
    from undersigned.core.model import Entity

POSTNOMINALS = SUFFIXES | ORDER_POSTNOMINALS
GIVEN_NAMES = frozenset(fold(n) for n in SECOND_GIVEN_NAMES)


@dataclass(frozen=True)
class NameParts:
    """A name as it is filed: ``family`` decides the place, then ``given``."""

    family: str
    given: str = ""
    suffix: str = ""
    particle: str = ""  # a particle that begins the family name ('del'), written after given

    @property
    def key(self) -> str:
        """The folded sort key: family name (without a leading particle), then given names."""
        return " ".join(x for x in (fold(self.family), fold(self.given), fold(self.suffix)) if x)

    @property
    def inverted(self) -> str:
        """``Family, Given particle, Suffix`` (the A–Z index and the first author of a
        citation); the family name alone for an organization."""
        given = " ".join(x for x in (self.given, self.particle) if x)
        return ", ".join(x for x in (self.family, given, self.suffix) if x)

    @property
    def natural(self) -> str:
        """The name in reading order, without the suffix's comma: ``Given particle Family``."""
        return " ".join(x for x in (self.given, self.particle, self.family, self.suffix) if x)


def _words(name: str) -> list[str]:
    return [w.strip(",") for w in name.replace(",", ", ").split() if w.strip(",")]


def _split_suffix(words: list[str]) -> tuple[list[str], list[str]]:
    end = len(words)
    while end > 1 and fold(words[end - 1]).replace(" ", "") in POSTNOMINALS:
        end -= 1
    return words[:end], words[end:]


def _is_initial(word: str) -> bool:
    return len(fold(word).replace(" ", "")) == 1


def _units(words: list[str]) -> list[list[str]]:
    """Words with particles attached to the word they precede: ``del Cueto`` is one unit."""
    units: list[list[str]] = []
    pending: list[str] = []
    for word in words:
        if fold(word) in PARTICLES and units:
            pending.append(word)
            continue
        units.append(pending + [word])
        pending = []
    if pending:  # a trailing particle: part of the last unit
        units[-1] += pending
    return units


def _from_family(name: str, family: str) -> NameParts | None:
    """Split ``name`` around the words that spell ``family`` (the last such run)."""
    words, suffix = _split_suffix(_words(name))
    want = fold(family)
    for start in range(len(words) - 1, -1, -1):
        for end in range(len(words), start, -1):
            if fold(" ".join(words[start:end])) == want:
                return _parts(words[:start], words[start:end], suffix + words[end:])
    return None


def _parts(given: list[str], family: list[str], suffix: list[str]) -> NameParts:
    particle: list[str] = []
    # a particle printed in lower case ('de la Cruz'); capitalized, it is filed as part of the
    # family name ('Van Hollen, Chris', as the Biographical Directory files him)
    while len(family) > 1 and fold(family[0]) in PARTICLES and family[0][:1].islower():
        particle.append(family.pop(0))
    return NameParts(" ".join(family), " ".join(given), ", ".join(suffix), " ".join(particle))


def two_surname_rule(name: str) -> NameParts:
    """The family name of a person outside Congress (see the module's description)."""
    words, suffix = _split_suffix(_words(name))
    units = _units(words)
    if len(units) < 2:
        return NameParts(" ".join(words), suffix=", ".join(suffix))
    full = [i for i, unit in enumerate(units) if not (len(unit) == 1 and _is_initial(unit[0]))]
    if len(full) >= 4 or (len(full) == 3 and fold(units[full[-2]][-1]) not in GIVEN_NAMES):
        first = full[-2]
    else:
        first = len(units) - 1
    given = [w for unit in units[:first] for w in unit]
    family = [w for unit in units[first:] for w in unit]
    return _parts(given, family, suffix)


def name_parts(entity: Entity, legislators: Legislators | None = None) -> NameParts:
    """How ``entity`` is filed (``sort:``, the dataset's family name, or the rules above)."""
    if entity.sort:
        if entity.kind == "organization":
            return NameParts(entity.sort.strip())
        family, _, given = entity.sort.partition(",")
        words = _words(family)
        return _parts(_words(given), words, []) if words else NameParts(entity.name)
    if entity.kind == "organization":
        words = entity.name.split()
        if len(words) > 1 and fold(words[0]) == "the":
            words = words[1:]
        return NameParts(" ".join(words))
    member = legislators.get(entity.bioguide) if legislators and entity.bioguide else None
    if member is not None:
        found = _from_family(entity.name, member.last)
        if found is not None:
            return found
        words, suffix = _split_suffix(_words(entity.name))
        return _parts(words[:-1], [member.last], suffix)
    return two_surname_rule(entity.name)
