"""Which printed roles keep a signer with a Member's name from being linked to the Member."""

from __future__ import annotations

from undersigned.ingest.reconcile import affiliation_problem


def test_a_chairs_title_alone_does_not_keep_a_member_unlinked():
    for role in ("Chairman", "Chairwoman", "Co-Chair", "Vice Chairman", "Ranking Member", None):
        assert affiliation_problem(role) is None, role
    assert affiliation_problem("Chairman, Sierra Club") == (
        "printed with a non-congressional affiliation 'Chairman, Sierra Club'")
    assert affiliation_problem("Former Chairman") == "printed as 'Former Chairman'"
