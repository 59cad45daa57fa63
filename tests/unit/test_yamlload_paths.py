"""The libyaml fast path and the pure-Python path read every real data file identically."""

from __future__ import annotations

from pathlib import Path

import pytest

from arkiv.reading import yamlload

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "data").rglob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_fast_and_slow_paths_agree(path, monkeypatch):
    raw = path.read_bytes()
    assert yamlload._fast_node(raw.decode("utf-8"))[0] is not None, "a clean file takes the fast path"
    fast, fast_errors = yamlload.load_yaml(raw, path.name)
    monkeypatch.setattr(yamlload, "_fast_node", lambda text: (None, None))
    slow, slow_errors = yamlload.load_yaml(raw, path.name)
    assert fast_errors == slow_errors == []
    assert fast.data == slow.data
    assert fast.positions == slow.positions and fast.key_positions == slow.key_positions
    assert fast.raw == slow.raw


def test_an_anchor_sends_the_file_to_the_checking_path():
    assert yamlload._fast_node("a: &x 1\nb: *x\n") == (None, None)
    loaded, errors = yamlload.load_yaml(b"a: &x 1\nb: *x\n", "f.yaml")
    assert loaded is None and "ankare" in errors[0].message
