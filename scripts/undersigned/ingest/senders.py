"""The Member who issued a press release, as the release prints them ('Sen. Dick Durbin'):
linked to their registry entry by the reconciler's rules, so the document's sender is a link."""

from __future__ import annotations

import datetime as dt

from undersigned.convert.document import ConvertedDocument
from undersigned.core.names import bare_tokens, fold
from undersigned.core.problems import Problem
from undersigned.core.vocabulary import SENDER_TITLES as _TITLES
from undersigned.ingest.proposals import Resolution
from undersigned.ingest.reconcile import best_member
from undersigned.ingest.resolve import Resolver


def sender_forms(docs: list[ConvertedDocument], src: str, resolver: Resolver,
                 result: Resolution) -> None:
    """For each document issued by a Member's office ('Sen. Dick Durbin'): when the printed
    name is, by the reconciler's rules, one Member serving on the date, and that Member's entry
    lacks the printed form, the form becomes an alias of the entry this import proposes, or a
    note says to add it to the existing entry. Run after every document of the text was
    resolved (the release comes before the letter whose signature proposes the entry)."""
    for doc in docs:
        sender, day = doc.front.sender, doc.front.date
        words = str(sender or "").split()
        if not words or fold(words[0]) not in _TITLES or not isinstance(day, dt.date):
            continue
        printed = " ".join(w for w in words if fold(w) not in _TITLES)
        if not bare_tokens(printed) or resolver.registry.resolve(printed) \
                or fold(printed) in resolver.pending_names:
            continue  # already a name or alias of an entry
        match = best_member(printed, day, resolver.legislators)
        if match is None or not match.automatic:
            continue
        entry = resolver.by_bioguide.get(match.member.bioguide)
        proposal = resolver.pending.get(entry or "")
        if proposal is not None:
            proposal.aliases.append(printed)
            resolver.pending_names[fold(printed)] = proposal.id
        elif entry is not None:
            result.problems.append(Problem(
                src, doc.source_line, f"the sender '{sender}' is {match.member.name} "
                f"({match.member.bioguide}, score {match.score:g}), whose entry '{entry}' does "
                f"not have the form '{printed}'", f"add '{printed}' to the aliases of '{entry}' "
                "so the document links to its sender", warning=True))
