"""The schema of documents: which versions this version of ai_roles reads."""

from __future__ import annotations

import re

from ai_roles.exceptions import SchemaVersionError

__all__ = ["SCHEMA", "check_schema"]

SCHEMA = "ai-roles/1"
"""The schema every document is written with: major version 1."""

_MAJOR = 1
_SCHEMA_RE = re.compile(r"ai-roles/(\d+)(?:\.\d+)?")


def check_schema(schema: object, where: str, source: str = "") -> None:
    """Accept `schema` if it is ``ai-roles/1`` or a minor version of it.

    Raises
    ------
    SchemaVersionError
        If it is missing, foreign, of another major version, or newer; the
        message starts with `where` (the key holding it).
    """
    if schema is None:
        raise SchemaVersionError([f"{where}: missing (expected {SCHEMA!r})"], source)
    match = _SCHEMA_RE.fullmatch(schema) if isinstance(schema, str) else None
    if match is None:
        raise SchemaVersionError([f"{where}: {schema!r} is not an ai-roles schema"], source)
    major = int(match[1])
    if major > _MAJOR:
        message = f"{where}: {schema!r} is newer than this version of ai_roles reads ({SCHEMA})"
        raise SchemaVersionError([message], source)
    if major < _MAJOR:
        raise SchemaVersionError([f"{where}: {schema!r} is not a version that exists"], source)
