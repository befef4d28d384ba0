"""The built-in catalog's effort model against the hours a practitioner expects.

`tests/golden/calibration.toml` holds bands of learning hours written from
domain knowledge before the catalog was calibrated: between the article's six
roles (every ordered pair), a few more moves, and from an empty profile. The
catalog was calibrated until its shortest learning paths fall in every band;
`docs/catalog.md` shows the table.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

import ai_roles
from ai_roles import Catalog, Profile

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

GOLDEN = tomllib.loads(
    (Path(__file__).parent / "golden" / "calibration.toml").read_text(encoding="utf-8")
)
ARTICLE = (
    "machine-learning-engineer",
    "ai-research-scientist",
    "data-scientist",
    "ai-product-manager",
    "mlops-engineer",
    "computer-vision-engineer",
)


@cache
def catalog() -> Catalog:
    return ai_roles.load_catalog()


def hours(start: str | None, target: str) -> float:
    """The hours of the shortest learning path from `start`'s profile (or none) to `target`."""
    cat = catalog()
    held = cat.profile_of(start) if start else Profile()
    return ai_roles.learning_path(cat, held, target).total_hours


def test_every_article_pair_has_a_band():
    """The table covers the 30 ordered pairs of the six roles, and each role from nothing."""
    pairs = {(p["from"], p["to"]) for p in GOLDEN["pairs"]}
    assert {(a, b) for a in ARTICLE for b in ARTICLE if a != b} <= pairs
    assert set(ARTICLE) <= {e["to"] for e in GOLDEN["empty"]}


@pytest.mark.parametrize("band", GOLDEN["pairs"], ids=lambda p: f"{p['from']}->{p['to']}")
def test_pair_in_band(band):
    """Moving from one role to another costs what a practitioner expects."""
    assert band["low"] <= hours(band["from"], band["to"]) <= band["high"], band["reason"]


@pytest.mark.parametrize("band", GOLDEN["empty"], ids=lambda e: e["to"])
def test_from_nothing_in_band(band):
    """Learning a role from an empty profile costs what a practitioner expects."""
    assert band["low"] <= hours(None, band["to"]) <= band["high"], band["reason"]
