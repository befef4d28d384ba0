"""Checks of keyword options shared by the analysis functions."""

from __future__ import annotations

from ai_roles.exceptions import ArgumentError

__all__ = ["whole_number"]


def whole_number(value: object, name: str = "k") -> int:
    """Return `value` if it is a whole number >= 1; raise `ArgumentError` naming `name` if not."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        msg = f"{name}: {value!r} is not a whole number >= 1"
        raise ArgumentError(msg)
    return value
