"""The exceptions and warnings that ``ai_roles`` raises.

Every exception derives from `AIRolesError`, and each also derives from the
builtin (or networkx) exception with the same meaning, so that existing
``except KeyError`` or ``except ValueError`` clauses keep working.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import networkx as nx

__all__ = [
    "AIRolesError",
    "AIRolesWarning",
    "ArgumentError",
    "CatalogError",
    "NoPathError",
    "SchemaVersionError",
    "UnknownItemError",
]


class AIRolesError(Exception):
    """The root of every exception ``ai_roles`` raises."""


class AIRolesWarning(UserWarning):
    """The root of every warning ``ai_roles`` issues (importers warn with it)."""


class ArgumentError(AIRolesError, ValueError):
    """An argument that is out of range or not one of the accepted values.

    The message names the argument: ``k: 0 is not a whole number >= 1``.
    """


class UnknownItemError(AIRolesError, KeyError):
    """A role, skill or tool that the catalog does not hold.

    Attributes
    ----------
    key : str
        What was looked up.
    kind : str
        What was looked for: ``"role"``, ``"skill"``, ``"tool"`` or ``"item"``.
    suggestions : tuple of str
        Up to three close matches (ids), best first.
    reason : str
        Why the lookup failed, when it is not simply absent (an ambiguous name).
    """

    def __init__(
        self,
        key: str,
        kind: str = "item",
        suggestions: Sequence[str] = (),
        reason: str = "",
    ) -> None:
        super().__init__(key, kind, tuple(suggestions), reason)
        self.key = key
        self.kind = kind
        self.suggestions = tuple(suggestions)
        self.reason = reason

    def __str__(self) -> str:
        if self.reason:
            return f"{self.key!r}: {self.reason}"
        message = f"unknown {self.kind} {self.key!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        return message


class CatalogError(AIRolesError, ValueError):
    """A catalog, or a document, that is not valid.

    Attributes
    ----------
    problems : tuple of str
        Every problem found, each starting with where it is, e.g.
        ``roles[3].requirements[1].level: 7 is not a level (0-4)``.
    source : str
        The file or document the problems are in, when known.
    """

    def __init__(self, problems: Iterable[str], source: str = "") -> None:
        problems = tuple(problems)
        super().__init__(problems, source)
        self.problems = problems
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        if len(self.problems) == 1:
            return f"{where}{self.problems[0]}"
        lines = "\n".join(f"  {p}" for p in self.problems)
        return f"{where}{len(self.problems)} problems:\n{lines}"


class SchemaVersionError(CatalogError):
    """A document whose schema ``ai_roles`` cannot read (missing, foreign or newer)."""


class NoPathError(AIRolesError, nx.NetworkXNoPath):
    """No sequence of moves leads from the source to the target.

    Attributes
    ----------
    source, target : str
        The role (or ``"the profile"``) the path starts from, and the target role.
    reason : str
        What stood in the way, e.g. the cheapest first move and its hours.
    needed : float or None
        The smallest ``max_step_hours`` that would give a path, when known.
    """

    def __init__(
        self, source: str, target: str, reason: str = "", needed: float | None = None
    ) -> None:
        super().__init__(source, target, reason, needed)
        self.source = source
        self.target = target
        self.reason = reason
        self.needed = needed

    def __str__(self) -> str:
        message = f"no path from {self.source!r} to {self.target!r}"
        return f"{message}: {self.reason}" if self.reason else message
