"""Everything written besides pages: search index, data exports, feeds, CMIF, sitemap, the co-signing network."""
