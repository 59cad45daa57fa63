"""The pass over every page (page_audit.py), on part 1 of 3: the pages dealt to it, with the representatives among
them in both colour schemes and widths."""

from page_audit import *  # noqa: F403 (the fixtures and the tests that judge the pass)

PART = 0
