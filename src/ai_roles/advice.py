"""What to learn next: the items that bring a person closest to the roles within their reach."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from ai_roles._arguments import whole_number
from ai_roles._planner import Prefer, check_prefer, planner
from ai_roles.model import Catalog, Level, Role
from ai_roles.paths import Source, considered, source_levels
from ai_roles.results import Suggestion

__all__ = ["PREREQUISITE_IMPORTANCE", "REACH_HOURS", "RELEVANCE_FLOOR", "next_skills"]

PREREQUISITE_IMPORTANCE = 0.25
"""The importance of an item towards a role that needs it only as a prerequisite."""

REACH_HOURS = 300.0
"""How fast a role's weight falls with its distance: a role this many hours further
from the person than their nearest role counts ``1/e`` as much."""

RELEVANCE_FLOOR = 0.1
"""The weight of a role that uses none of what the person holds, against 1 for one
that uses all of it: near but unrelated roles must not steer the advice."""


def next_skills(
    catalog: Catalog,
    profile: Source,
    *,
    k: int = 5,
    targets: Iterable[str | Role] | None = None,
    include_optional: bool = False,
    prefer: Prefer = "standard",
) -> tuple[Suggestion, ...]:
    r"""Return the `k` items worth learning next, for the roles within the person's reach.

    For each role, the learning path from the profile says which items it
    raises, to which level, at what cost. The candidates are the items some
    role requires (prerequisites are learned with them, not advised alone).
    A candidate learned to a level saves, towards each role whose path
    raises it, the hours that path spends on the item itself up to that
    level; the hours of its prerequisites are not counted as its saving,
    but they are part of what it takes to learn it. Without
    `targets`, a role counts by how reachable it is and how much of what the
    person holds it uses,

    .. math:: w_r = e^{-(H_r - \min_s H_s) / \text{REACH\_HOURS}} \, \rho_r

    with :math:`H_r` the hours of the learning path into role :math:`r`, so
    that far roles do not drown the advice, and :math:`\rho_r` its
    `relevance` (near roles that use nothing the person holds, such as an
    entry business role for a DevOps engineer, must not steer it either); a
    role below the seniority of the source role counts `RELEVANCE_FLOOR` as
    much again (a step down). With `targets`, each counts 1.
    An item's value is :math:`\sum_r w_r \, \text{saved}_r` per hour it takes
    to learn (prerequisites included): a short foundation many near roles
    need comes first.

    Parameters
    ----------
    catalog : Catalog
    profile : Profile, mapping, str or Role
        What the person holds (a role stands for its profile).
    k : int, optional (default = 5)
    targets : iterable of str or Role, or None, optional (default = None)
        The roles to get closer to; every role, weighted by reach, when None.
    include_optional : bool, optional (default = False)
    prefer : {"standard", "cheapest"}, optional (default = "standard")
        How each path chooses among alternatives, as in `learning_path`.

    Returns
    -------
    tuple of Suggestion
        Best value first, then more roles brought closer, then more hours
        saved, then by id. Each item appears once, at its best level;
        `saved` maps each role to the hours the item saves towards it.

    Raises
    ------
    ArgumentError
        If `k` is not a whole number >= 1.
    UnknownItemError
        If a target or an item of the profile is not in `catalog`.

    Notes
    -----
    One learning-path plan per role and one pass over their steps:
    :math:`O(R \cdot P + S \cdot L)` for :math:`R` roles, the cost
    :math:`P` of a plan, :math:`S` raised items over all plans and
    :math:`L \le 4` levels; no plan is repeated per candidate.

    Examples
    --------
    >>> import ai_roles
    >>> cat = ai_roles.load_catalog()
    >>> best = next_skills(cat, {"python": "practitioner", "sql": "working"}, k=3)
    >>> len(best), all(sum(s.saved.values()) > 0 for s in best)
    (3, True)
    """
    count = whole_number(k)
    prefer = check_prefer(prefer)
    source, held = source_levels(catalog, profile)
    reached = catalog.role(source).seniority if source is not None else 0
    if isinstance(targets, (str, Role)):  # one target, not the letters of its id
        targets = [targets]
    roles = list(catalog.roles) if targets is None else [catalog.role(t) for t in targets]
    roles = list({r.id: r for r in roles}.values())
    plans = planner(catalog)
    costing = plans.costing(held)
    raised: dict[str, list[tuple[str, Level, Level, float]]] = {}  # item -> role, from, to, weight
    away: dict[str, float] = {}
    wanted: set[str] = set()  # items some role requires (not only as a prerequisite)
    for role in roles:
        requirements = considered(role, include_optional=include_optional)
        final, chosen = plans.plan(held, requirements, prefer=prefer, costing=costing)
        importance: dict[str, float] = {}
        for j, option in chosen.items():
            importance[option] = max(importance.get(option, 0.0), requirements[j].importance)
        wanted.update(importance)
        hours = 0.0
        for item, level in final.items():
            start = held.get(item, Level.NONE)
            if level > start:
                weight = importance.get(item, PREREQUISITE_IMPORTANCE)
                raised.setdefault(item, []).append((role.id, start, level, weight))
                hours += costing.cost(item, start, level)
        away[role.id] = hours
    nearest = min(away.values(), default=0.0)
    reach = {
        r: 1.0
        if targets is not None
        else math.exp(-(h - nearest) / REACH_HOURS)
        * relevance(catalog, held, r)
        * (RELEVANCE_FLOOR if catalog.role(r).seniority < reached else 1.0)  # a step down
        for r, h in away.items()
    }
    best: dict[str, tuple[tuple[float, int, float, str], Suggestion]] = {}
    for item, uses in raised.items():
        if item not in wanted:
            continue
        for level in sorted({to for _, _, to, _ in uses}):
            spent = costing.raise_levels(dict(held), [(item, level)])
            saved: dict[str, float] = {}
            worth = 0.0
            for role_id, start, to, weight in uses:
                gain = costing.cost(item, start, min(level, to))
                if gain > 0:
                    saved[role_id] = gain
                    worth += reach[role_id] * weight * gain
            if not saved or spent <= 0:
                continue
            value = worth / spent
            rank = (-value, -len(saved), -math.fsum(saved.values()), item)
            previous = best.get(item)
            if previous is None or rank < previous[0]:
                suggestion = Suggestion(item=item, level=level, hours=spent, saved=saved)
                best[item] = (rank, suggestion)
    ranked = sorted(best.values(), key=lambda pair: pair[0])
    return tuple(suggestion for _, suggestion in ranked[:count])


def relevance(catalog: Catalog, held: Mapping[str, Level], role: str) -> float:
    r"""Return how much of what the person holds `role` uses, as a weight in [floor, 1].

    .. math:: \rho_r = f + (1 - f) \frac{\sum_{i \in P_r} \ell_i}{\sum_i \ell_i}

    with :math:`\ell_i` the levels the person holds, :math:`P_r` the items of
    the role's profile (`Catalog.profile_of`: what its holder knows) and
    :math:`f` = `RELEVANCE_FLOOR`; 1 for a person who holds nothing.
    """
    total = sum(held.values())
    if not total:
        return 1.0
    used = catalog.profile_of(role).levels
    share = sum(level for item, level in held.items() if item in used) / total
    return RELEVANCE_FLOOR + (1.0 - RELEVANCE_FLOOR) * share
