"""From converted text into the archive: name resolution, reconciliation with Members of Congress, registry edits."""
