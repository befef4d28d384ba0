"""What the analysis functions return: frozen, serialisable records.

Results refer to roles and items by id, so that they stand alone and
serialise small; look the ids up in the catalog for names. Each is a kind of
document for `ai_roles.dumps` (a web service can return them as they are).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, Final

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
    "Reason",
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


METHODS = ("cosine", "jaccard", "coverage", "fit", "tools", "text", "hybrid")
"""The similarity methods, in the order the documentation lists them."""

DEFAULT_METHOD: Final = "hybrid"
"""The method used when none is named: the one that agrees best with expert judgement.

Measured in ``benchmarks/similarity_eval.py`` on the O*NET and ESCO imports
(``docs/analysis.md`` shows the table).
"""


def _check_method(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in METHODS:
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
        Each item's share of the score.
    words : mapping of str to float
        For ``text`` and ``hybrid``, each word's (or pair of words') share of
        the score; with `contributions`, the shares sum to `score`.
    parts : mapping of str to float
        For ``hybrid``, how much of the score came from ``"skills"`` and how
        much from ``"text"``.
    """

    a: str
    b: str
    method: str = field(validator=_check_method)
    score: float = field(converter=_number, validator=_check_share)
    shared: tuple[str, ...] = field(converter=_strings)
    only_a: tuple[str, ...] = field(converter=_strings)
    only_b: tuple[str, ...] = field(converter=_strings)
    contributions: FrozenDict[str, float] = field(converter=_floats)
    words: FrozenDict[str, float] = field(factory=FrozenDict, converter=_floats)
    parts: FrozenDict[str, float] = field(factory=FrozenDict, converter=_floats)


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


def _check_kind(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in {"required", "prerequisite"}:
        msg = f"{attribute.name}: {value!r} is not 'required' or 'prerequisite'"
        raise ValueError(msg)


def _check_id(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not (isinstance(value, str) and value and not any(c.isspace() for c in value)):
        msg = f"{attribute.name}: {value!r} is not an id (non-empty, no whitespace)"
        raise ValueError(msg)


def _optional_id(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _check_id(_, attribute, value)


@frozen(kw_only=True)
class Reason:
    """Why a learning path raises an item to the level it does.

    Attributes
    ----------
    kind : {"required", "prerequisite"}
        ``"required"``: the target role requires the item at `level`;
        ``"prerequisite"``: learning item `of` needs it at `level` first.
    of : str
        The target role's id, or the id of the item it is a prerequisite of.
    level : Level
        The level needed there: the level the step raises the item to.
    """

    kind: str = field(validator=_check_kind)
    of: str = field(validator=_check_id)
    level: Level = field(converter=_level)


@frozen(kw_only=True)
class Step:
    """One step of a learning path: raise an item from one level to another.

    Attributes
    ----------
    item : str
    from_level, to_level : Level
    hours : float
        The hours of the step, less any transfer from a related item held.
    reason : Reason
        Why the step is taken, at the level needed.
    transfer_from : str or None
        The held item whose knowledge made the step cheaper, if any.
    """

    item: str = field(validator=_check_id)
    from_level: Level = field(converter=_level)
    to_level: Level = field(converter=_level, validator=_check_rising)
    hours: float = field(converter=_number, validator=_check_hours)
    reason: Reason = field(validator=attrs.validators.instance_of(Reason))
    transfer_from: str | None = field(default=None, validator=_optional_id)


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


def _steps(value: Iterable[Step]) -> tuple[Step, ...]:
    return tuple(value)


def _legs(value: Iterable[LearningPath]) -> tuple[LearningPath, ...]:
    return tuple(value)


def _choices(value: Iterable[Choice]) -> tuple[Choice, ...]:
    return tuple(value)


def _check_total(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    parts = instance.steps if hasattr(instance, "steps") else instance.legs
    expected = math.fsum(p.hours if hasattr(p, "hours") else p.total_hours for p in parts)
    if not math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-6):
        msg = f"{attribute.name}: {value!r} is not the sum of its parts ({expected!r})"
        raise ValueError(msg)


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
        The sum of the steps' hours.
    carried : tuple of str
        The items of the target's requirements that the source already
        meets: what it carries over into the role.
    """

    source: str | None = field(default=None, validator=_optional_id)
    target: str = field(validator=_check_id)
    steps: tuple[Step, ...] = field(converter=_steps)
    chosen: tuple[Choice, ...] = field(default=(), converter=_choices)
    total_hours: float = field(converter=_number, validator=[_check_hours, _check_total])
    carried: tuple[str, ...] = field(default=(), converter=_strings)


@frozen(kw_only=True)
class CareerPath:
    """A sequence of moves between roles, each within a budget of hours.

    Attributes
    ----------
    roles : tuple of str
        The roles in order, source first (absent when the source is a
        profile) and target last.
    legs : tuple of LearningPath
        One learning path per move, from what the learner holds then: all
        they learned before, and the profiles of the roles they worked in.
    total_hours : float
        The sum of the legs' hours.
    """

    roles: tuple[str, ...] = field(converter=_strings)
    legs: tuple[LearningPath, ...] = field(converter=_legs)
    total_hours: float = field(converter=_number, validator=[_check_hours, _check_total])


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
