"""Stage 5, render: typed briefs and cross-source analyses -> Markdown pages.

Pure functions of their inputs, with no MkDocs import, so the same pages come
out of the hook (in memory) and of `python -m generator render DIR` (on disk)
for builders that do not run hooks.
"""
