"""Vad sajten säger: arkivet som sidor och filer. Importerar aldrig MkDocs; hooks/archive.py är den enda adaptern.

pages (sidorna ur mallarna), search och search_keys (sökindexet), maps, charts och figures (kartor och diagram),
export (öppna data), feed (flöde och sitemap), social (delningsbilder), structured_data (JSON-LD), redirects,
descriptions, corrections, lastmod (när en sidas uppgifter senast ändrades), policy (vad sidorna får köra och skicka
vidare). Hur ett bygge körs står i arkiv.building, det publiceringen kör i arkiv.publishing.
"""
