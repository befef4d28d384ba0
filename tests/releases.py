"""Where the official ESCO and O*NET releases are, and the mark for tests that read them.

The releases sit in ``../shared/data`` beside the project and are never
copied into it; tests that read them skip, saying why, where they are absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REAL = Path(__file__).parents[1].parent / "shared" / "data"
"""The folder of the official releases: ``esco-v1.1.1/`` (the zips) and ``onet/``."""

real_data = pytest.mark.skipif(
    not REAL.exists(), reason="the official releases are not in ../shared/data"
)
"""Skips a test that reads the official releases when they are not there."""
