"""Läsa datan: YAML-filerna i data/ till en validerad modell, varje fel med fil, rad, fält och råd.

load (läser och kör stegen i ordning): yamlload (strikt YAML med radnummer), schema (JSON Schema med svenska
meddelanden), files (filerna som de lästes och uppslagen över dem), rules (reglerna över fält och filer, en funktion
per regel), build (modellen, byggd en gång när allt har klarat reglerna).
"""
