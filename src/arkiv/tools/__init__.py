"""Organisatörernas verktyg: kommandoraden `arkiv` (check, changes, pages-changed, new-cycle) och det den bygger på.

cli, changes och labels (vad en ändring gör, med svenska fältnamn), pages_changed och refbuild (vilka sidor en ändring
ger nytt innehåll, mot bygget av en annan version), worddiff, gitref, github (fel som
GitHub-anteckningar), geo (kartans geometri; körs för hand och behöver extrat `geo`).
"""
