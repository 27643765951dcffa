"""Matching printed names of converted documents to the registry and to Members of Congress,
proposing new registry entries, and linking press releases to the letters they announce."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from itertools import combinations, pairwise

from rapidfuzz import process, utils

from undersigned.convert.document import ConvertedDocument, Party
from undersigned.core.legislators import Legislators, before_data
from undersigned.core.model import Legislator
from undersigned.core.names import bare_tokens, fold, make_id
from undersigned.core.problems import Problem
from undersigned.core.registry import Registry
from undersigned.core.vocabulary import NICKNAMES
from undersigned.ingest.proposals import (
    Proposal,
    Resolution,
    namesake_problem,
    not_a_listed_member,
)
from undersigned.ingest.reconcile import (
    affiliation_problem,
    best_member,
    clean_printed,
    first_name_fits,
    printed_key,
    serving_on,
    term_dates,
)
from undersigned.ingest.salutations import recipients_from_salutation

STRONG = 88  # a fuzzy score this high is reported as "probably the same person"
WEAK = 86  # a reconciliation score this high (above the 99th percentile of scores between two
# different serving Members, 84.2: `python -m undersigned.ingest.reconcile`) but not automatic is an error


PARTIES = ("signatories", "recipients", "signers_named")  # the people of a document


def _items(doc: ConvertedDocument, key: str) -> list[Party]:
    """The people of one field of ``doc`` (one of PARTIES), the list itself."""
    items: list[Party] = getattr(doc.front, key)
    return items


def _line(doc: ConvertedDocument, item: Party) -> int:
    return item.line if item.line is not None else doc.source_line


class Resolver:
    """Resolves names across one import run (new entries are shared between its documents)."""

    def __init__(self, registry: Registry, legislators: Legislators,
                 received: dict[str, list[dt.date]] | None = None):
        self.registry = registry
        self.legislators = legislators
        self.received = received or {}  # registry id -> dates of the letters it received
        self.by_bioguide = {e.bioguide: e.id for e in registry.entities.values() if e.bioguide}
        self.pending: dict[str, Proposal] = {}
        self.pending_names: dict[str, str] = {}
        self._choices: dict[int, dict[str, str]] = {}

    def _free_id(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.registry.entities or candidate in self.pending:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def _free_name(self, member: Legislator) -> str:
        """The Member's name, or a fuller form of it when another entry has that name (the
        registry refuses two entries of one name): with the suffix, else the middle name."""
        forms = [member.name, f"{member.name} {member.suffix or ''}",
                 f"{member.first} {member.middle or ''} {member.last}"]
        for form in (" ".join(f.split()) for f in forms):
            if not self.registry.resolve(form) and fold(form) not in self.pending_names:
                return form
        return member.name

    def _remember(self, proposal: Proposal) -> None:
        self.pending[proposal.id] = proposal
        for label in (proposal.name, *proposal.aliases):
            self.pending_names[fold(label)] = proposal.id

    def _known(self, part: str, day: dt.date | None, members_only: bool) -> bool:
        """A printed part that is someone: a serving Member (or a registry entry)."""
        if not members_only and self.registry.resolve(part):
            return True
        if self.legislators.match(part, day):
            return True
        match = best_member(part, day, self.legislators) if day else None
        return bool(match and match.automatic and 1 < len(printed_key(part).split()) <= 5)

    def _splits(self, name: str, columns: int, day: dt.date | None,
                members_only: bool) -> list[list[str]]:
        """Every way to cut ``name`` at spaces into ``columns`` parts that are each someone."""
        tokens = name.split()
        out = []
        for cuts in combinations(range(1, len(tokens)), columns - 1):
            bounds = (0, *cuts, len(tokens))
            parts = [" ".join(tokens[a:b]) for a, b in pairwise(bounds)]
            if all(len(p.split()) >= 2 and self._known(p, day, members_only) for p in parts):
                out.append(parts)
        return out

    def _split_columns(self, doc: ConvertedDocument, src: str, result: Resolution) -> None:
        """Names printed side by side on one line ('Sara Jacobs María Elvira Salazar' over
        'Member of Congress Member of Congress') become one signatory each: the cut must give
        people the registry or the Members serving on the date know, and only one cut may."""
        items = doc.front.signatories
        day = doc.front.date if isinstance(doc.front.date, dt.date) else None
        out: list[Party] = []
        for item in items:
            name = item.name
            k = item.columns
            hinted = k > 1
            if not item.plain or (not hinted and (
                    len(name.split()) < 4 or self.registry.resolve(name)
                    or self.legislators.match(name, day) or self._known(name, day, False))):
                out.append(item)
                continue
            line = _line(doc, item)
            found = self._splits(name, k if hinted else 2, day, members_only=not hinted)
            if len(found) == 1:
                out.extend(Party(part, kind="person", line=line) for part in found[0])
                result.problems.append(Problem(
                    src, line, f"'{name}' printed side by side: " + " | ".join(found[0]),
                    "check the split against the original", warning=True))
            else:
                out.append(item)
                if hinted:
                    what = ("can be cut " + " or ".join(" | ".join(f) for f in found)
                            if found else "cannot be cut into names the registry or the "
                            f"Members serving on {day} know")
                    result.problems.append(Problem(
                        src, line, f"'{name}' holds {k} names side by side but {what}",
                        "write the signatories one per line in the front matter"))
        if items:
            doc.front.signatories = out

    def resolve(self, doc: ConvertedDocument, src: str, result: Resolution) -> None:
        self._split_columns(doc, src, result)
        day = doc.front.date
        members = 0
        member_names: list[str] = []
        self._named_signers(doc, src, result)
        recipients_from_salutation(doc, src, self.registry, self.received, result)
        for key in PARTIES:
            items = _items(doc, key)
            for index in range(len(items)):
                member = self._resolve_one(doc, src, result, key, items, index, day)
                if member is not None and key == "signatories":
                    members += 1
                    member_names.append(member)
        if doc.front.type == "letter" and doc.front.signatories \
                and members == len(doc.front.signatories) and not doc.sender_given:
            # a letter one Member signs is sent by that Member, several by "Members of Congress"
            doc.front.sender = member_names[0] if members == 1 else "Members of Congress"
        self._sender_follows_signers(doc, src, members, result)
        result.proposals = list(self.pending.values())

    def _resolve_one(self, doc: ConvertedDocument, src: str, result: Resolution, key: str,
                     items: list[Party], index: int, day: dt.date | None) -> str | None:
        """Resolve one printed name of ``key``; the Member's name when it is a Member."""
        item = items[index]
        name = item.name
        line = _line(doc, item)
        explicit = item.id
        if explicit and (explicit in self.registry.entities or explicit in self.pending):
            return None  # resolved already (an explicit id, or a Member found above)
        namesakes: list[Legislator] = []
        if self.registry.resolve(name) or fold(name) in self.pending_names:
            entity_id = self.registry.resolve(name) or self.pending_names[fold(name)]
            entity = self.registry.get(entity_id)
            proposal = self.pending.get(entity_id)
            bioguide = (entity and entity.bioguide) or (proposal and proposal.bioguide)
            if not bioguide or not isinstance(day, dt.date) or not (
                    namesakes := self.legislators.serving_namesakes(name, bioguide, day)):
                # (never a former Member's name when a namesake served)
                return (entity.name if entity else proposal.name if proposal else name) \
                    if bioguide else None
            result.problems.append(namesake_problem(
                src, line, name, namesakes, entity_id, self.legislators.get(bioguide), day))
        role = item.role
        found, refused = (namesakes, False) if namesakes else self._members(
            name, role, day, src, line, result)
        if not found and not refused and isinstance(day, dt.date):
            found = self._reconcile(name, role, day, src, line, result)
        if len(found) == 1:
            self._a_member(found[0], items, index, name, line, src, bool(namesakes))
            return found[0].name
        if len(found) > 1:
            result.problems.append(Problem(
                src, line, f"'{name}' matches several Members of Congress: "
                + ", ".join(f"{m.name} ({m.bioguide})" for m in found),
                "give the right one with `id:` after adding it to signatories.yaml"))
            return None
        near = None if refused else self._near_member(name, day)
        if near:
            result.problems.append(Problem(
                src, line, f"unknown name '{name}'; closest Member of Congress serving "
                f"on {day}: {near[0]} ({near[1]}, score {near[2]:g})",
                "if it is the same person, add the printed name to that entry's aliases "
                "in signatories.yaml; otherwise add a new entry"))
            return None
        self._a_new_name(doc, src, result, key, item, line, day, refused)
        return None

    def _a_member(self, member: Legislator, items: list[Party], index: int, name: str,
                  line: int, src: str, namesakes: bool) -> None:
        """A printed name found to be one Member: its entry, or a new one proposed."""
        item, known = items[index], self.by_bioguide.get(member.bioguide)
        if known:  # the same Member printed another way: explicit id
            items[index] = replace(item, id=known)
            return
        first = member.nickname or member.first
        proposal = Proposal(self._free_id(make_id(f"{first} {member.last}")),
                            self._free_name(member), "person", member.bioguide,
                            printed=name, line=line, source=src)
        if namesakes:  # the printed name is another entry's: said by its id
            items[index] = replace(item, id=proposal.id)
        elif fold(name) != fold(proposal.name):
            proposal.aliases.append(name)
        self.by_bioguide[member.bioguide] = proposal.id
        self._remember(proposal)

    def _a_new_name(self, doc: ConvertedDocument, src: str, result: Resolution, key: str,
                    item: Party, line: int, day: dt.date | None, refused: bool) -> None:
        """A name no entry and no Member has: a new entry proposed."""
        name, kind = item.name, item.kind
        if key == "signatories" and kind == "person" and doc.congress and not refused:
            result.problems.append(not_a_listed_member(src, line, name, day))
        close = self.registry.closest(name)
        proposal = Proposal(self._free_id(make_id(name, kind)), name.strip(), kind,
                            printed=name, line=line, source=src, near=close)
        if close:
            result.problems.append(Problem(
                src, line, f"new name '{name}' (proposed id '{proposal.id}')",
                "closest existing entries: "
                + ", ".join(f"'{i}' ({label}, {s:g})" for i, label, s in close)
                + "; if one is the same, add an alias instead", warning=True))
        self._remember(proposal)

    def _sender_follows_signers(self, doc: ConvertedDocument, src: str, members: int,
                                result: Resolution) -> None:
        """A letter the converter called one of "Members of Congress" (from its letterhead or
        block) whose signers are mostly not Members gets the sender its signers say, with a
        note; a sender the user gave (--sender) is never changed."""
        signers = doc.front.signatories
        if doc.front.type != "letter" or doc.sender_given or not signers \
                or doc.front.sender != "Members of Congress" \
                or members * 2 >= len(signers) \
                or doc.congress and before_data(doc.front.date):
            return  # (before 2013 a Member the bundled list lacks still signs as a Member)
        kinds = [x.kind for x in signers]
        sender = ("Organizations" if all(k == "organization" for k in kinds)
                  else "Organizations and individuals" if "organization" in kinds
                  else "Individuals")
        doc.front.sender = sender
        result.problems.append(Problem(
            src, doc.source_line, f"sender set to '{sender}': {members} of {len(signers)} "
            "signers are Members of Congress", "pass --sender 'Name' to say who sent it",
            warning=True))

    def _named_signers(self, doc: ConvertedDocument, src: str, result: Resolution) -> None:
        """Signers named in running text are recorded only as Members of Congress resolved
        with evidence (a surname alone: the one serving Member of that name on the date);
        anyone else named there is left to the text, with a note: no person is invented
        from prose."""
        items = doc.front.signers_named
        day = doc.front.date if isinstance(doc.front.date, dt.date) else None
        kept: list[Party] = []
        seen: set[str] = set()  # bioguide ids: 'Jeanne Shaheen' and later 'Shaheen' are one
        for item in items:
            name = item.name
            if " " not in name.strip() and any(fold(k.name).split()[-1:] == [fold(name)]
                                               for k in kept):
                continue  # 'Wilson' after 'Frederica Wilson': the same mention again
            if self.registry.resolve(name) or fold(name) in self.pending_names:
                kept.append(item)
                continue
            found = [m for m in self.legislators.match(name, day)
                     if day is None or m.term_on(day) is not None]  # serving on the date only
            surname = False
            if len(found) != 1 and day is not None:
                # the chamber the text gives ('Senators ...'): 'sen' or 'rep'
                found = self._by_surname(name, day, item.chamber or None)
                surname = bool(found)
                found = found or [m.member for m in [best_member(name, day, self.legislators)]
                                  if m is not None and m.automatic]
            if len(found) == 1:
                member = found[0]
                if member.bioguide not in seen:
                    seen.add(member.bioguide)
                    known = self.by_bioguide.get(member.bioguide)
                    # a family name alone is recorded as the Member's name
                    kept.append(replace(item, id=known) if known else
                                replace(item, name=member.name) if surname else item)
                continue
            result.problems.append(Problem(
                src, doc.source_line, f"'{name}' is named as a signer in the text but is not "
                f"one Member of Congress serving on {day}; not recorded in signers_named",
                "add it to signers_named by hand if you can tell who it is", warning=True))
        if items:
            doc.front.signers_named = kept

    def _by_surname(self, name: str, day: dt.date, chamber: str | None = None
                    ) -> list[Legislator]:
        """The serving Members whose family name is ``name`` ('Wyden', 'Van Hollen'), in
        ``chamber`` ('sen' or 'rep') when the text says which."""
        want = fold(name)
        out = []
        for member in serving_on(self.legislators, day):
            term = member.term_on(day)
            if fold(member.last) == want and (chamber is None or (term and term.type == chamber)):
                out.append(member)
        return out

    def _members(self, name: str, role: str | None, day: dt.date | None, src: str, line: int,
                 result: Resolution) -> tuple[list[Legislator], bool]:
        """The Members a printed name is exactly (official forms, their own nickname, the
        nickname table's forms of their first name), kept only when they were serving on the
        letter's date and the name is not printed with another affiliation. The second value
        is True when a Member of that name was refused: the name then stays a suggestion (a
        note that says why) and is never matched to another Member by similarity."""
        when = day if isinstance(day, dt.date) else None
        found = self.legislators.match(name, when)
        if not found:  # 'Joe Kennedy' is Joseph P. Kennedy III by the nickname table
            tokens = clean_printed(name).split()
            for form in sorted(NICKNAMES.get(fold(tokens[0]), ())) if len(tokens) > 1 else ():
                for member in self.legislators.match(" ".join([form, *tokens[1:]]), when):
                    if member not in found and first_name_fits(name, member):
                        found.append(member)
            serving = [m for m in found if when and m.term_on(when)]
            found = serving or found
        if not found or when is None:
            return found, False
        serving = [m for m in found if m.term_on(when) is not None]
        if not serving:
            result.problems.append(Problem(
                src, line, f"'{name}' has the name of " + ", ".join(
                    f"{m.name} ({m.bioguide}, {term_dates(m)})" for m in found)
                + f", not serving on {when}; not linked to a Member of Congress",
                "if it is the same person (a former Member), give `id:` of their entry in "
                "signatories.yaml", warning=True))
            return [], True
        why = affiliation_problem(role)
        if why:
            result.problems.append(Problem(
                src, line, f"'{name}' has the name of " + ", ".join(
                    f"{m.name} ({m.bioguide}, {term_dates(m, when)})" for m in serving)
                + f" but is {why}; not linked to a Member of Congress",
                "if it is the Member, give `id:` of their entry in signatories.yaml",
                warning=True))
            return [], True
        return serving, False

    def _reconcile(self, name: str, role: str | None, day: dt.date, src: str, line: int,
                   result: Resolution) -> list[Legislator]:
        """A variant of a serving Member's name (misspelt, nickname, degrees, capitals, a
        dropped initial), resolved when the evidence is strong (reconcile.py) and the given
        name is the Member's, with a note that keeps the evidence."""
        if not 1 < len(printed_key(name).split()) <= 5:  # never a merged or title line
            return []
        match = best_member(name, day, self.legislators)
        if match is None or not match.automatic or affiliation_problem(role):
            return []
        member = match.member
        result.problems.append(Problem(
            src, line, f"'{name}' resolved to {member.name} ({member.bioguide}, "
            f"{term_dates(member, day)}), serving on {day}: score {match.score:g}, next Member "
            f"{match.runner_up:g}",
            "if that is someone else, give the right entry with `id:`", warning=True))
        return [member]

    def _near_member(self, name: str, day: dt.date | None) -> tuple[str, str, float] | None:
        serving = self.legislators.serving_names(day if isinstance(day, dt.date) else None)
        choices = self._choices.get(id(serving))
        if choices is None:  # folded once a date (an import asks for every unknown name)
            choices = self._choices[id(serving)] = {n: " ".join(bare_tokens(n)) for n in serving}
        hit = process.extractOne(" ".join(bare_tokens(name)), choices,
                                 processor=utils.default_process)
        if hit and hit[1] >= STRONG and first_name_fits(name, serving[hit[2]]):
            member = serving[hit[2]]
            return member.name, member.bioguide, round(hit[1], 1)
        if isinstance(day, dt.date) and 1 < len(printed_key(name).split()) <= 5:
            match = best_member(name, day, self.legislators)  # weak evidence: a decision
            if match and match.score >= WEAK and match.first_fits:
                return match.member.name, match.member.bioguide, match.score
        return None

