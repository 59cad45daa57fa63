"""Hur ett bygge och `mkdocs serve` körs: stegen i bygget, förhandsvisningen och bygget som öppnas från filsystemet.

session (one MkDocs run, step by step; hooks/archive.py calls it), preview (what `mkdocs serve` rebuilds after an
edit to data/), offline (a build to open from the file system). Never imports MkDocs; above arkiv.site.
"""
