"""The pass over every page (page_audit.py), on the first of its two halves: every odd
page in the sorted list, with the representatives among them in both colour schemes and widths."""

from page_audit import *  # noqa: F403 (the fixtures and the tests that judge the pass)

HALF = 0
