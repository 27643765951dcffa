"""`mkdocs serve`: incremental rebuilds and what each page depends on."""
