"""``catalog.json``: the parsed form of the built-in catalog's TOML, and how it is read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import ai_roles
import ai_roles.data
from ai_roles import serialize
from ai_roles.data.__main__ import generated, main

DATA = Path(ai_roles.data.__file__).parent


def test_in_sync_with_the_toml():
    """The committed catalog.json is the one `python -m ai_roles.data` writes today."""
    assert 0 == main(["--check"]), "catalog.json is stale: run python -m ai_roles.data"


def test_same_catalog_either_way():
    """Reading the JSON gives exactly the catalog the TOML holds."""
    from_toml = ai_roles.load_catalog(DATA / "catalog.toml")
    assert from_toml == ai_roles.load_catalog()


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A copy of the data folder that `load_catalog` reads instead of the package's."""
    for name in ("catalog.toml", "catalog.json"):
        shutil.copy(DATA / name, tmp_path / name)
    monkeypatch.setattr(serialize.resources, "files", lambda _: tmp_path)
    return tmp_path


def read_builtin():
    return serialize._builtin_catalog.__wrapped__()


def test_stale_json_is_ignored(folder):
    """A JSON file made from another TOML is not used: the TOML is read."""
    toml = folder / "catalog.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('version = "', 'version = "edited-', 1),
        encoding="utf-8",
    )
    assert read_builtin().version.startswith("edited-")
    assert 1 == main(["--check", "--source", str(toml), "--out", str(folder / "catalog.json")])


@pytest.mark.parametrize("content", [None, "not json", "[]"])
def test_missing_or_broken_json_falls_back(folder, content):
    """Without a usable JSON file the TOML is read, with the same result."""
    path = folder / "catalog.json"
    if content is None:
        path.unlink()
    else:
        path.write_text(content, encoding="utf-8")
    assert ai_roles.load_catalog() == read_builtin()


def test_writes_and_is_then_in_sync(tmp_path):
    """Writing makes a file that --check then accepts; it records the TOML's digest."""
    out = tmp_path / "catalog.json"
    source = DATA / "catalog.toml"
    assert 0 == main(["--source", str(source), "--out", str(out)])
    assert 0 == main(["--check", "--source", str(source), "--out", str(out)])
    document = json.loads(out.read_text(encoding="utf-8"))
    assert serialize.source_digest(source.read_bytes()) == document["source_sha256"]
    assert out.read_text(encoding="utf-8") == generated(source)
