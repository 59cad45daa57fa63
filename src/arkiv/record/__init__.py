"""Arkivet som det är: utmärkelseåren, deltagarna, personerna och kommunerna, och det som följer av dem.

model (posterna), register (kommunregistret), people (vem som är samma person), knowledge (vad som är känt och okänt),
stats (varje räkning på ett ställe), chronology (utmärkelsen i tiden).
"""
