"""What the analysis functions return: frozen, serialisable records.

Results refer to roles and items by id, so that they stand alone and
serialise small; look the ids up in the catalog for names. Each is a kind of
document for `ai_roles.dumps` (a web service can return them as they are).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import numpy as np
from attrs import field, frozen

from ai_roles._frozendict import FrozenDict
from ai_roles.model import Level

__all__ = [
    "CareerPath",
    "Choice",
    "Explanation",
    "Gap",
    "LearningPath",
    "Match",
    "SimilarityMatrix",
    "Step",
    "Suggestion",
]


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _floats(value: Mapping[str, float]) -> FrozenDict[str, float]:
    return value if isinstance(value, FrozenDict) else FrozenDict(value)


def _level(value: Level | int | str) -> Level:
    return Level.parse(value)


def _check_share(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not (isinstance(value, float) and 0.0 <= value <= 1.0):
        msg = f"{attribute.name}: {value!r} is not a score in [0, 1]"
        raise ValueError(msg)


def _check_hours(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not (isinstance(value, float) and value >= 0.0 and value != float("inf")):
        msg = f"{attribute.name}: {value!r} is not a number of hours (finite and >= 0)"
        raise ValueError(msg)


def _number(value: float) -> float:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _check_rising(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value <= instance.from_level:
        msg = f"{attribute.name}: {value!r} is not above from_level {instance.from_level!r}"
        raise ValueError(msg)


def _check_square(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    n = len(instance.ids)
    if value.shape != (n, n):
        msg = f"{attribute.name}: shape {value.shape} does not fit {n} ids ({n} x {n})"
        raise ValueError(msg)


def _check_method(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in {"cosine", "jaccard", "coverage", "tools"}:
        msg = f"{attribute.name}: {value!r} is not a similarity method"
        raise ValueError(msg)


def _array(value: Any) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Return a read-only float array: `value` itself if it is one, else a frozen copy."""
    if isinstance(value, np.ndarray) and value.dtype == np.float64 and not value.flags.writeable:
        return value
    array = np.array(value, dtype=np.float64)
    array.setflags(write=False)
    return array


@frozen(kw_only=True)
class Match:
    """A role and how similar it is to the role asked about.

    Attributes
    ----------
    role : str
        The role's id.
    score : float
        In ``[0, 1]``.
    """

    role: str
    score: float = field(converter=_number, validator=_check_share)


@frozen(kw_only=True)
class SimilarityMatrix:
    """Similarity between every pair of roles.

    Attributes
    ----------
    ids : tuple of str
        Role ids, in catalog order: row and column `i` are role ``ids[i]``.
    method : str
        The similarity method.
    values : numpy.ndarray
        A read-only ``len(ids) x len(ids)`` array; ``values[i, j]`` is the
        similarity of ``ids[i]`` to ``ids[j]`` (directed for ``coverage``).
    """

    ids: tuple[str, ...] = field(converter=_strings)
    method: str = field(validator=_check_method)
    values: np.ndarray[Any, np.dtype[np.float64]] = field(
        converter=_array,
        validator=_check_square,
        eq=attrs.cmp_using(eq=np.array_equal),
        hash=False,
        repr=False,
    )

    def __getitem__(self, pair: tuple[str, str]) -> float:
        """Return the similarity of the roles with ids ``pair[0]`` and ``pair[1]``."""
        index = {role: i for i, role in enumerate(self.ids)}
        return float(self.values[index[pair[0]], index[pair[1]]])


@frozen(kw_only=True)
class Explanation:
    """Why two roles are as similar as they are.

    Attributes
    ----------
    a, b : str
        The role ids compared.
    method : str
    score : float
        The similarity.
    shared, only_a, only_b : tuple of str
        Item ids both roles require, only `a` requires, only `b` requires
        (for ``tools``, tools only; for ``coverage``, `b`'s requirements `a`
        meets at least in part, and those it does not).
    contributions : mapping of str to float
        Each item's share of the score; the shares sum to `score`.
    """

    a: str
    b: str
    method: str = field(validator=_check_method)
    score: float = field(converter=_number, validator=_check_share)
    shared: tuple[str, ...] = field(converter=_strings)
    only_a: tuple[str, ...] = field(converter=_strings)
    only_b: tuple[str, ...] = field(converter=_strings)
    contributions: FrozenDict[str, float] = field(converter=_floats)


@frozen(kw_only=True)
class Gap:
    """A requirement the source does not meet yet.

    Attributes
    ----------
    item : str
        The skill or tool to raise (for alternatives, the one the learning
        path would choose).
    have, need : Level
        The level held and the level required.
    hours : float
        Hours to raise `item` from `have` to `need`, not counting its prerequisites.
    """

    item: str
    have: Level = field(converter=_level)
    need: Level = field(converter=_level)
    hours: float = field(converter=_number, validator=_check_hours)


@frozen(kw_only=True)
class Step:
    """One step of a learning path: raise an item from one level to another.

    Attributes
    ----------
    item : str
    from_level, to_level : Level
    hours : float
    reason : str
        ``"required by <role id>"`` or ``"prerequisite of <item id>"``.
    """

    item: str
    from_level: Level = field(converter=_level)
    to_level: Level = field(converter=_level, validator=_check_rising)
    hours: float = field(converter=_number, validator=_check_hours)
    reason: str


@frozen(kw_only=True)
class Choice:
    """The option chosen for a requirement with alternatives.

    Attributes
    ----------
    options : tuple of str
        The requirement's options.
    option : str
        The one the path uses (already held, or learned).
    """

    options: tuple[str, ...] = field(converter=_strings)
    option: str


@frozen(kw_only=True)
class LearningPath:
    """What to learn, in order, to move from a role or profile into a role.

    Attributes
    ----------
    source : str or None
        The source role's id; None when the source is a person's profile.
    target : str
        The target role's id.
    steps : tuple of Step
        In a valid learning order: every step's prerequisites come before it.
    chosen : tuple of Choice
        For each requirement with alternatives, the option used.
    total_hours : float
        The sum of the steps' hours: the least possible.
    """

    source: str | None = None
    target: str
    steps: tuple[Step, ...]
    chosen: tuple[Choice, ...] = ()
    total_hours: float = field(converter=_number, validator=_check_hours)


@frozen(kw_only=True)
class CareerPath:
    """A sequence of moves between roles, each within a budget of hours.

    Attributes
    ----------
    roles : tuple of str
        The roles in order, source first (absent when the source is a
        profile) and target last.
    legs : tuple of LearningPath
        One learning path per move.
    total_hours : float
        The sum of the legs' hours.
    """

    roles: tuple[str, ...] = field(converter=_strings)
    legs: tuple[LearningPath, ...]
    total_hours: float = field(converter=_number, validator=_check_hours)


@frozen(kw_only=True)
class Suggestion:
    """An item worth learning next, and what it saves.

    Attributes
    ----------
    item : str
    level : Level
        The level to learn it to.
    hours : float
        Hours to learn it to `level`, prerequisites included.
    saved : mapping of str to float
        For each role it brings closer, the hours it saves towards it.
    """

    item: str
    level: Level = field(converter=_level)
    hours: float = field(converter=_number, validator=_check_hours)
    saved: FrozenDict[str, float] = field(converter=_floats)
