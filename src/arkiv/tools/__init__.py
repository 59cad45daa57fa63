"""Organisatörernas verktyg: kommandoraden `arkiv` (check, changes, pages-changed, new-cycle, from-issue) och det den
bygger på.

cli, changes och labels (vad en ändring gör, med svenska fältnamn), pages_changed och refbuild (vilka sidor en ändring
ger nytt innehåll, mot bygget av en annan version), worddiff, gitref, github (fel som
GitHub-anteckningar), downloads_changed (filerna att ladda ner som en ändring ger nytt innehåll), issue (ett nytt år
ur ett ärende från formuläret, och arbetsflödets jobb), summary_comment (pull requestens sammanfattning som kommentar),
geo (kartans geometri; körs för hand och behöver extrat `geo`).
"""
