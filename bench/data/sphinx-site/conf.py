# A small Sphinx project for bench/align.py: its pages are built in several languages, and
# Sphinx's own UI catalogs translate their chrome. The text is this project's own.
project = "Tidewater Almanac"
author = "The l10n developers"
copyright = "2024, The l10n developers"
release = "2.1"
version = "2.1"
extensions = ["sphinx.ext.todo"]
todo_include_todos = True
exclude_patterns = ["_build"]
html_static_path = []
html_last_updated_fmt = None
html_show_sourcelink = True
