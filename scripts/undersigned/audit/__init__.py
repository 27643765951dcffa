"""The archive checks its own facts (`undersigned check --strict`): Members out of term,
recipients out of office, weekdays and dates that do not fit, printed counts that disagree,
press-release text inside a letter, mis-decoded text, signers named in prose but not listed,
and (`--reconvert`) stored records that differ from today's converter. Each finding is a
`Problem` with `path:line`, the evidence and a hint; what a check cannot decide is counted in
one "not verified" summary, never passed silently as verified."""

from undersigned.audit.run import Audit, audit

__all__ = ["Audit", "audit"]
