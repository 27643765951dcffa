"""Undersigned: the domain package (no MkDocs imports)."""
