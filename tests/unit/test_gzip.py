"""The site's gzip files (sitemap.xml.gz) have a fixed header, so every Python writes the same bytes."""

from __future__ import annotations

import gzip

from arkiv.site.feed import gzipped


def test_gzip_header_is_the_same_from_every_python():
    text = "Värmdö kommun\n".encode() * 100
    packed = gzipped(text)
    # Magic, deflate, no flags, time 0, best compression, OS 255 "unknown" (3.11's gzip.compress wrote the machine's).
    assert packed[:10] == b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    assert gzip.decompress(packed) == text
    assert gzipped(text) == packed
