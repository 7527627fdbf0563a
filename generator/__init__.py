"""Briefing-site generator: YAML briefs -> checked, typed models -> Markdown pages.

Stages, one module each: load (YAML), validate (schema), model (types),
provenance (against the articles), corpus (all of the above for a tree),
analyse (across sources), render (pages), site (all pages), and two
deliveries: hook (MkDocs) and cli.
"""
