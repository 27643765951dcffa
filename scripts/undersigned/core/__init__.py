"""The domain model: documents, registry, validation, history, the parse cache (no MkDocs)."""
