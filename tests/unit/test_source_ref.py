"""The version the pages' data-file links open: main, or the pull request's commit the preview is built from."""

from __future__ import annotations

import pytest

from arkiv.building.session import source_ref


@pytest.mark.parametrize(("given", "used"), [
    (None, "main"), ("", "main"), ("0123456789abcdef0123456789abcdef01234567",) * 2,
    ("nytt-ar/2025-arende-42", "nytt-ar/2025-arende-42"), ("main\"><script>", "main"), ("../x y", "main"),
])
def test_source_ref_is_a_plain_git_name_or_main(monkeypatch, given, used):
    if given is None:
        monkeypatch.delenv("ARKIV_SOURCE_REF", raising=False)
    else:
        monkeypatch.setenv("ARKIV_SOURCE_REF", given)
    assert source_ref() == used
