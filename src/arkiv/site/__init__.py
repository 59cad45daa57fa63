"""Sajten: arkivet som sidor och filer. Importerar aldrig MkDocs; hooks/archive.py är den enda adaptern.

pages (sidorna ur mallarna), search och search_keys (sökindexet), maps, charts och figures (kartor och diagram),
export (öppna data), feed (flöde och sitemap), social (delningsbilder), redirects, descriptions, corrections,
lastmod, addresses (adresserna sajten lovar att hålla) och ledger (listan över dem till main), policy (vad
sidorna får köra och skicka vidare), offline (bygget som öppnas från filsystemet).
"""
