"""Importers of the public occupational taxonomies: `esco` and `onet`.

Each reads an official release as published and returns a `Catalog`.
Rows they skip or change are reported with `DataWarning`.
"""

from __future__ import annotations

from ai_roles.importers._source import DataWarning

__all__ = ["DataWarning"]
