"""Skill gaps and learning paths: what a person must learn, in order, to move into a role.

The learner model (what is held, what learning costs, transfer between
related items, which alternative is advised) is written down in
`docs/analysis.md` and implemented by the private planner. Career paths
through stepping-stone roles are in `ai_roles.careers`; what to learn next
in `ai_roles.advice`.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Mapping
from typing import Any

from ai_roles._planner import (
    ENUMERATION_LIMIT,
    PREFERENCE_MARGIN,
    Levels,
    Prefer,
    check_prefer,
    planner,
)
from ai_roles.model import Catalog, Level, Profile, Requirement, Role
from ai_roles.results import Gap, LearningPath

__all__ = [
    "ENUMERATION_LIMIT",
    "PREFERENCE_MARGIN",
    "Source",
    "learning_path",
    "skill_gap",
]

Source = str | Role | Profile | Mapping[str, Level | int | str]
"""A role (id, name, alias or object), a `Profile`, or a mapping of item ids to levels."""


def source_levels(catalog: Catalog, source: Source) -> tuple[str | None, Levels]:
    """Return the source role's id (None for a profile) and its closed levels."""
    if isinstance(source, (Profile, Mapping)):
        return None, dict(catalog.closure(source).levels)
    role = catalog.role(source)
    return role.id, dict(catalog.profile_of(role).levels)


def considered(role: Role, *, include_optional: bool) -> list[Requirement]:
    """Return the requirements of `role` a move into it must meet.

    Its essential requirements (and the optional ones, when asked); a role
    whose requirements are all optional is met by meeting them all, so that
    it is never entered for nothing.
    """
    if include_optional or not any(r.essential for r in role.requirements):
        return list(role.requirements)
    return [r for r in role.requirements if r.essential]


# --- public functions --------------------------------------------------------------------


def skill_gap(
    catalog: Catalog,
    source: Source,
    target: str | Role,
    *,
    include_optional: bool = False,
    prefer: Prefer = "standard",
) -> tuple[Gap, ...]:
    """Return what `source` lacks of the requirements of `target`.

    Parameters
    ----------
    catalog : Catalog
    source : str, Role, Profile or mapping
        A role (its profile is used) or a person's profile.
    target : str or Role
    include_optional : bool, optional (default = False)
        Whether optional requirements count too.
    prefer : {"standard", "cheapest"}, optional (default = "standard")
        How the option of a requirement with alternatives is chosen, as for
        `learning_path`.

    Returns
    -------
    tuple of Gap
        One per requirement not met, with the option the learning path would
        choose, the level held and needed, and the hours for that item alone
        (after transfer from related items held); most important first, then
        by id.

    Raises
    ------
    UnknownItemError
        If `source`, `target` or an item of the profile is not in `catalog`.
    ArgumentError
        If `prefer` is not a preference.

    Examples
    --------
    >>> import ai_roles
    >>> cat = ai_roles.load_catalog()
    >>> gaps = skill_gap(cat, "data-scientist", "mlops-engineer")
    >>> "docker" in [g.item for g in gaps]
    True
    """
    prefer = check_prefer(prefer)
    _, held = source_levels(catalog, source)
    role = catalog.role(target)
    requirements = considered(role, include_optional=include_optional)
    plans = planner(catalog)
    costing = plans.costing(held)
    _, chosen = plans.plan(held, requirements, prefer=prefer, costing=costing)
    gaps = []
    for j, r in enumerate(requirements):
        if plans.meeting(held, r) is None:
            item = chosen[j]
            have = held.get(item, Level.NONE)
            gap = Gap(item=item, have=have, need=r.level, hours=costing.cost(item, have, r.level))
            gaps.append((-r.importance, item, gap))
    return tuple(gap for _, _, gap in sorted(gaps, key=lambda g: (g[0], g[1])))


def learning_path(
    catalog: Catalog,
    source: Source,
    target: str | Role,
    *,
    include_optional: bool = False,
    prefer: Prefer = "standard",
) -> LearningPath:
    """Return the ordered plan to move from `source` into `target`, in the fewest hours.

    Every essential requirement of `target` (and the optional ones, when
    asked) is met at its level at the end; each step's prerequisites are
    held, at their levels, before it. Learning costs the item's hours (for
    the levels climbed), less the transfer from a related item the source
    holds (knowing JavaScript makes Python cheaper; knowing one option of a
    requirement, another). Of the alternatives ("Python or R"), the learner
    takes the one the field uses (listed first) or the one they hold,
    unless another saves more than `PREFERENCE_MARGIN` of its cost.

    Parameters
    ----------
    catalog : Catalog
    source : str, Role, Profile or mapping
        A role (its profile is used) or a person's profile (closed under
        prerequisites and tool credit before use).
    target : str or Role
    include_optional : bool, optional (default = False)
    prefer : {"standard", "cheapest"}, optional (default = "standard")
        ``"standard"`` advises the option the field uses or the person
        holds, as above; ``"cheapest"`` gives the exact minimum of hours
        over every choice of alternatives.

    Returns
    -------
    LearningPath
        Steps ordered prerequisites first, then by importance to the target
        (an item's own, or that of what it opens the way to), then by id;
        each with a structured `Reason` at the level it binds. `carried`
        names the requirements the source meets already.

    Raises
    ------
    UnknownItemError
        If `source`, `target` or an item of the profile is not in `catalog`.
    ArgumentError
        If `prefer` is not a preference.

    See Also
    --------
    ai_roles.careers.career_path : through stepping-stone roles.

    Notes
    -----
    The choice among alternatives is exact for its objective (hours, plus
    the margin for each requirement met by another than the preferred
    option). Requirements with one option are forced; the others are
    searched by branch and bound when their combinations number at most
    `ENUMERATION_LIMIT`, and otherwise solved as a 0-1 linear program with
    HiGHS (`scipy.optimize.milp`), which is exact too.

    Examples
    --------
    >>> import ai_roles
    >>> cat = ai_roles.load_catalog()
    >>> path = learning_path(cat, "data-scientist", "mlops-engineer")
    >>> order = [s.item for s in path.steps]
    >>> order.index("docker") < order.index("kubernetes")
    True
    >>> path.total_hours == sum(s.hours for s in path.steps)
    True
    >>> "python" in path.carried
    True
    """
    prefer = check_prefer(prefer)
    source_id, held = source_levels(catalog, source)
    role = catalog.role(target)
    return planner(catalog).path(
        source_id, held, role, considered(role, include_optional=include_optional), prefer=prefer
    )


_MOVED = {
    "career_path": "ai_roles.careers",
    "career_paths": "ai_roles.careers",
    "next_skills": "ai_roles.advice",
}


def __getattr__(name: str) -> Any:
    """Give the functions that moved out of this module, with a `DeprecationWarning`."""
    if name in _MOVED:
        module = _MOVED[name]
        warnings.warn(
            f"ai_roles.paths.{name} moved to {module}.{name} (and ai_roles.{name})",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(module), name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
