"""Läsa datan: YAML-filerna i data/ till en validerad modell, varje fel med fil, rad, fält och råd.

yamlload (strikt YAML med radnummer), schema (JSON Schema med svenska meddelanden), load (bygger arkivet).
"""
