"""Organisatörernas verktyg: kommandoraden `arkiv` (check, changes, new-cycle) och det den bygger på.

cli, changes och labels (vad en ändring gör, med svenska fältnamn), worddiff, gitref, github (fel som
GitHub-anteckningar), geo (kartans geometri; körs för hand och behöver extrat `geo`).
"""
