"""Skill gaps, learning paths, career paths and what to learn next.

The learner
-----------
A person is a `Profile`: a level for each skill or tool, closed under
prerequisites (nobody holds an item without its prerequisites). A role as a
source stands for the profile of the role (`Catalog.profile_of`): the first
option of each of its requirements at the requirement's level, closed.

Learning an item from level `a` to level `b` costs the catalog's effort for
it (`Catalog.hours`); learning it at all needs its prerequisites first, at
their levels. A learning path raises the source to meet the target's
requirements, choosing among alternatives the combination whose total hours,
prerequisites included, is least.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp

from ai_roles._arguments import whole_number
from ai_roles.exceptions import ArgumentError, NoPathError
from ai_roles.model import Catalog, Level, Profile, Requirement, Role
from ai_roles.results import CareerPath, Choice, Gap, LearningPath, Step, Suggestion

__all__ = [
    "ENUMERATION_LIMIT",
    "Source",
    "career_path",
    "career_paths",
    "learning_path",
    "next_skills",
    "skill_gap",
]

Source = str | Role | Profile | Mapping[str, Level | int | str]
"""A role (id, name, alias or object), a `Profile`, or a mapping of item ids to levels."""

ENUMERATION_LIMIT = 4096
"""Combinations of alternatives searched by branch and bound; beyond, an exact MILP."""

_EPSILON = 1e-9
Levels = dict[str, Level]


# --- arguments ---------------------------------------------------------------------------


def _check_hours(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
        msg = f"{name}: {value!r} is not a number of hours (>= 0)"
        raise ArgumentError(msg)
    return float(value)


def _source(catalog: Catalog, source: Source) -> tuple[str | None, Levels]:
    """Return the source role's id (None for a profile) and its closed levels."""
    if isinstance(source, (Profile, Mapping)):
        return None, dict(catalog.closure(source).levels)
    role = catalog.role(source)
    return role.id, dict(catalog.profile_of(role).levels)


def _considered(role: Role, *, include_optional: bool) -> list[Requirement]:
    return [r for r in role.requirements if r.essential or include_optional]


# --- the planner ---------------------------------------------------------------------------


class _Planner:
    """Chooses the cheapest alternatives for a set of requirements and builds the steps."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.effort = catalog.effort
        self.hours = {item.id: item.hours for item in catalog.items}
        self.needs = {item.id: item.prerequisites for item in catalog.items}

    def cost(self, item: str, start: Level, end: Level) -> float:
        return self.effort.hours(self.hours[item], start, end)

    def raise_levels(self, levels: Levels, additions: Iterable[tuple[str, Level]]) -> float:
        """Raise `levels` in place to hold `additions` and their prerequisites; return the hours."""
        total = 0.0
        stack = list(additions)
        while stack:
            item, level = stack.pop()
            held = levels.get(item, Level.NONE)
            if held >= level:
                continue
            total += self.cost(item, held, level)
            levels[item] = level
            if held == Level.NONE:  # a held item already has its prerequisites
                stack.extend((p.item, p.level) for p in self.needs[item])
        return total

    @staticmethod
    def meeting(levels: Levels, requirement: Requirement) -> str | None:
        """Return the first option of `requirement` that `levels` meet, if any."""
        for option in requirement.options:
            if levels.get(option, Level.NONE) >= requirement.level:
                return option
        return None

    def plan(
        self, held: Levels, requirements: Sequence[Requirement], limit: int = ENUMERATION_LIMIT
    ) -> tuple[Levels, dict[int, str]]:
        """Return the cheapest final levels meeting `requirements`, and the option for each.

        Exact: requirements with one option are forced; the rest are searched
        by branch and bound in listing order (ties go to the earlier-listed
        options) when their combinations number at most `limit`, and solved
        as a mixed-integer program otherwise.
        """
        base = dict(held)
        unmet = [j for j, r in enumerate(requirements) if self.meeting(held, r) is None]
        self.raise_levels(
            base,
            [
                (requirements[j].options[0], requirements[j].level)
                for j in unmet
                if len(requirements[j].options) == 1
            ],
        )
        open_groups = [j for j in unmet if self.meeting(base, requirements[j]) is None]
        combinations = math.prod(len(requirements[j].options) for j in open_groups)
        if not open_groups or combinations <= limit:
            final = self._search(base, [requirements[j] for j in open_groups])
        else:
            final = self._milp(base, [requirements[j] for j in open_groups])
        chosen = {}
        for j, r in enumerate(requirements):
            option = self.meeting(final, r)
            if option is None:  # pragma: no cover (the plan meets every requirement)
                raise AssertionError
            chosen[j] = option
        return final, chosen

    def _search(self, base: Levels, groups: Sequence[Requirement]) -> Levels:
        best_cost = math.inf
        best: Levels = base

        def search(g: int, levels: Levels, cost: float) -> None:
            nonlocal best_cost, best
            if cost >= best_cost - _EPSILON:
                return
            while g < len(groups) and self.meeting(levels, groups[g]) is not None:
                g += 1
            if g == len(groups):
                best_cost, best = cost, levels
                return
            requirement = groups[g]
            for option in requirement.options:
                trial = dict(levels)
                added = self.raise_levels(trial, [(option, requirement.level)])
                search(g + 1, trial, cost + added)

        search(0, base, 0.0)
        return best

    def _milp(self, base: Levels, groups: Sequence[Requirement]) -> Levels:
        """Solve the choice of alternatives exactly as a 0-1 program (HiGHS, through SciPy).

        A variable ``x[i, l]`` says item `i` is held at level `l` or above
        (for levels above what is held already); the objective is the hours
        of the levels taken; constraints keep levels cumulative, meet each
        requirement with one of its options, and take prerequisites first.
        """
        from scipy.optimize import Bounds, LinearConstraint, milp  # noqa: PLC0415 (rarely needed)

        # Items that any option could drag in, and the highest level each could need.
        top: dict[str, Level] = {}
        stack = [(o, r.level) for r in groups for o in r.options]
        while stack:
            item, level = stack.pop()
            if top.get(item, Level.NONE) >= level:
                continue
            first_time = item not in top
            top[item] = level
            if first_time and base.get(item, Level.NONE) == Level.NONE:
                stack.extend((p.item, p.level) for p in self.needs[item])
        index: dict[tuple[str, int], int] = {}
        costs: list[float] = []
        for item in sorted(top):
            for rung in range(base.get(item, Level.NONE) + 1, top[item] + 1):
                index[item, rung] = len(costs)
                costs.append(self.cost(item, Level(rung - 1), Level(rung)))
        rows: list[dict[int, float]] = []
        lower: list[float] = []
        for (item, rung), column in index.items():
            if (item, rung - 1) in index:  # cumulative: x[i, l] <= x[i, l - 1]
                rows.append({column: 1.0, index[item, rung - 1]: -1.0})
                lower.append(-np.inf)
            if base.get(item, Level.NONE) == Level.NONE and rung == 1:
                for p in self.needs[item]:
                    if (p.item, p.level) in index:  # x[i, 1] <= x[p, level]
                        rows.append({column: 1.0, index[p.item, p.level]: -1.0})
                        lower.append(-np.inf)
        first_row = len(rows)
        for r in groups:
            rows.append({index[o, r.level]: 1.0 for o in r.options if (o, r.level) in index})
            lower.append(1.0)
        upper = [0.0] * first_row + [np.inf] * (len(rows) - first_row)
        matrix = sp.lil_array((len(rows), len(costs)))
        for row, entries in enumerate(rows):
            for column, value in entries.items():
                matrix[row, column] = value
        result = milp(
            np.array(costs),
            integrality=np.ones(len(costs)),
            bounds=Bounds(0, 1),
            constraints=LinearConstraint(matrix.tocsr(), lower, upper),
        )
        if result.x is None:  # pragma: no cover (the program is always feasible)
            raise AssertionError(result.message)
        # Keep only what the choices need: with items of no cost, the solver may take extras.
        final = dict(base)
        for r in groups:
            option = next(
                o
                for o in r.options
                if (o, r.level) not in index or result.x[index[o, r.level]] > 0.5
            )
            self.raise_levels(final, [(option, r.level)])
        return final

    def steps(
        self, held: Levels, final: Levels, required: Mapping[str, float], target: str
    ) -> tuple[Step, ...]:
        """Order the raises from `held` to `final`: prerequisites first, then importance, then id.

        `required` maps the items the target requires directly to their importance.
        """
        raised = {i: level for i, level in final.items() if level > held.get(i, Level.NONE)}
        dependents: dict[str, list[str]] = {i: [] for i in raised}
        waiting: dict[str, int] = {}
        for item in raised:
            before = (
                [p.item for p in self.needs[item] if p.item in raised]
                if held.get(item, Level.NONE) == Level.NONE
                else []
            )
            waiting[item] = len(before)
            for p in before:
                dependents[p].append(item)
        # Importance: its own, or the most important thing it opens the way to.
        weight = {i: required.get(i, 0.0) for i in raised}
        for item in reversed(_topological(raised, dependents)):
            for d in dependents[item]:
                weight[item] = max(weight[item], weight[d])
        ready = [(-weight[i], i) for i in raised if waiting[i] == 0]
        heapq.heapify(ready)
        steps = []
        while ready:
            _, item = heapq.heappop(ready)
            if item in required:
                reason = f"required by {target}"
            else:
                opened = min(dependents[item], key=lambda d: (-weight[d], d))
                reason = f"prerequisite of {opened}"
            start = held.get(item, Level.NONE)
            steps.append(
                Step(
                    item=item,
                    from_level=start,
                    to_level=raised[item],
                    hours=self.cost(item, start, raised[item]),
                    reason=reason,
                )
            )
            for d in dependents[item]:
                waiting[d] -= 1
                if waiting[d] == 0:
                    heapq.heappush(ready, (-weight[d], d))
        return tuple(steps)

    def path(
        self,
        source: str | None,
        held: Levels,
        target: Role,
        requirements: Sequence[Requirement],
        limit: int = ENUMERATION_LIMIT,
    ) -> LearningPath:
        final, chosen = self.plan(held, requirements, limit)
        required: dict[str, float] = {}
        for j, r in enumerate(requirements):
            required[chosen[j]] = max(required.get(chosen[j], 0.0), r.importance)
        steps = self.steps(held, final, required, target.id)
        return LearningPath(
            source=source,
            target=target.id,
            steps=steps,
            chosen=tuple(
                Choice(options=r.options, option=chosen[j])
                for j, r in enumerate(requirements)
                if len(r.options) > 1
            ),
            total_hours=math.fsum(s.hours for s in steps),
        )

    def to_profile(self, source: str | None, held: Levels, role: Role) -> LearningPath:
        """Return the path from `held` to holding the whole profile of `role`."""
        target = self.catalog.profile_of(role).levels
        final = dict(held)
        for item, level in target.items():
            final[item] = max(final.get(item, Level.NONE), level)
        required: dict[str, float] = {}
        for r in role.requirements:
            required[r.options[0]] = r.importance
        steps = self.steps(held, final, required, role.id)
        return LearningPath(
            source=source,
            target=role.id,
            steps=steps,
            total_hours=math.fsum(s.hours for s in steps),
        )


def _topological(nodes: Iterable[str], dependents: Mapping[str, list[str]]) -> list[str]:
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(sorted(nodes))
    graph.add_edges_from((u, v) for u, vs in dependents.items() for v in vs)
    return list(nx.lexicographical_topological_sort(graph))


def _planner(catalog: Catalog) -> _Planner:
    return catalog.derived("paths.planner", _Planner)


# --- public functions --------------------------------------------------------------------


def skill_gap(
    catalog: Catalog, source: Source, target: str | Role, *, include_optional: bool = False
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

    Returns
    -------
    tuple of Gap
        One per requirement not met, with the option the learning path would
        choose, the level held and needed, and the hours for that item alone;
        most important first, then by id.

    Raises
    ------
    UnknownItemError
        If `source`, `target` or an item of the profile is not in `catalog`.

    Examples
    --------
    >>> import ai_roles
    >>> cat = ai_roles.load_catalog()
    >>> gaps = skill_gap(cat, "data-scientist", "mlops-engineer")
    >>> [g.item for g in gaps][:3]
    ['docker', 'ml-pipelines', 'ci-cd']
    """
    _, held = _source(catalog, source)
    role = catalog.role(target)
    requirements = _considered(role, include_optional=include_optional)
    planner = _planner(catalog)
    _, chosen = planner.plan(held, requirements)
    gaps = []
    for j, r in enumerate(requirements):
        if planner.meeting(held, r) is None:
            item = chosen[j]
            have = held.get(item, Level.NONE)
            gaps.append(
                (
                    -r.importance,
                    item,
                    Gap(
                        item=item, have=have, need=r.level, hours=planner.cost(item, have, r.level)
                    ),
                )
            )
    return tuple(gap for _, _, gap in sorted(gaps, key=lambda g: (g[0], g[1])))


def learning_path(
    catalog: Catalog,
    source: Source,
    target: str | Role,
    *,
    include_optional: bool = False,
) -> LearningPath:
    """Return the least-hours ordered plan to move from `source` into `target`.

    Every essential requirement of `target` (and the optional ones, when
    asked) is met at its level at the end; each step's prerequisites are
    held, at their levels, before it; of the alternatives ("Python or R"), the
    combination needing the fewest hours overall is chosen, prerequisites
    included, so what the learner holds already is used.

    Parameters
    ----------
    catalog : Catalog
    source : str, Role, Profile or mapping
        A role (its profile is used) or a person's profile (closed under
        prerequisites before use).
    target : str or Role
    include_optional : bool, optional (default = False)

    Returns
    -------
    LearningPath
        Steps ordered prerequisites first, then by importance to the target
        (an item's own, or that of what it opens the way to), then by id.

    Raises
    ------
    UnknownItemError
        If `source`, `target` or an item of the profile is not in `catalog`.

    Notes
    -----
    The choice among alternatives is exact. Requirements with one option are
    forced; the others are searched by branch and bound when their
    combinations number at most `ENUMERATION_LIMIT`, and otherwise solved as a
    0-1 linear program with HiGHS (`scipy.optimize.milp`), which is exact too.

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
    """
    source_id, held = _source(catalog, source)
    role = catalog.role(target)
    return _planner(catalog).path(
        source_id, held, role, _considered(role, include_optional=include_optional)
    )


# --- career paths ------------------------------------------------------------------------


class _Moves:
    """Role profiles as a sparse matrix, to price moves into every role at once."""

    def __init__(self, catalog: Catalog) -> None:
        planner = _planner(catalog)
        self.ids = [role.id for role in catalog.roles]
        items = {item.id: i for i, item in enumerate(catalog.items)}
        self.items = items
        self.hours = np.array([item.hours for item in catalog.items])
        self.share = np.array([catalog.effort.share(level) for level in Level])
        rows, cols, vals = [], [], []
        for r, role in enumerate(catalog.roles):
            for item, level in catalog.profile_of(role).levels.items():
                rows.append(r)
                cols.append(items[item])
                vals.append(self.share[level])
        self.shares = sp.csc_array((vals, (rows, cols)), shape=(len(self.ids), len(items)))
        self.base = self.shares @ self.hours
        self.planner = planner

    def into_profiles(self, held: Levels) -> np.ndarray[Any, np.dtype[np.float64]]:
        """Hours from `held` to the whole profile of every role, as one vector."""
        if not held:
            return np.asarray(self.base, dtype=np.float64)
        columns = np.array([self.items[i] for i in held])
        mine = self.share[[held[i] for i in held]]
        sub = self.shares[:, columns].tocsc()
        owner = np.repeat(np.arange(len(columns)), np.diff(sub.indptr))
        overlap = np.minimum(sub.data, mine[owner]) * self.hours[columns][owner]
        saved = np.bincount(sub.indices, weights=overlap, minlength=len(self.ids))
        return np.maximum(np.asarray(self.base - saved, dtype=np.float64), 0.0)


def _moves(catalog: Catalog) -> _Moves:
    return catalog.derived("paths.moves", _Moves)


class _Trip:
    """A career-path question: from a role (or a person) to a target role."""

    def __init__(
        self, catalog: Catalog, source: Source, target: str | Role, *, include_optional: bool
    ) -> None:
        self.catalog = catalog
        self.start, self.person = _source(catalog, source)
        self.target = catalog.role(target)
        self.requirements = _considered(self.target, include_optional=include_optional)
        self.moves = _moves(catalog)
        self.planner = self.moves.planner
        self.index = {role: i for i, role in enumerate(self.moves.ids)}

    def held(self, node: str | None) -> Levels:
        """Return what the learner holds at `node`: the person's profile, or the role's."""
        return self.person if node is None else dict(self.catalog.profile_of(node).levels)

    def costs(self, node: str | None) -> np.ndarray[Any, np.dtype[np.float64]]:
        """Return the hours of every move out of `node`.

        Into the target, its learning path; into other roles, their whole
        profiles; into `node` itself, infinite.
        """
        held = self.held(node)
        costs = self.moves.into_profiles(held)
        final, _ = self.planner.plan(held, self.requirements)
        costs[self.index[self.target.id]] = _hours_between(self.planner, held, final)
        if node is not None:
            costs[self.index[node]] = np.inf
        return costs

    def dijkstra(
        self, max_step_hours: float, *, bottleneck: bool = False
    ) -> tuple[float, list[str | None]] | None:
        """Least total hours (with `bottleneck`, least largest move) to the target, and the way."""
        best = np.full(len(self.moves.ids), np.inf)
        previous: dict[str | None, str | None] = {}
        done: set[str | None] = set()
        counter = itertools.count()  # ties: first reached, first taken (deterministic)
        heap: list[tuple[float, int, str | None]] = [(0.0, next(counter), self.start)]
        while heap:
            total, _, node = heapq.heappop(heap)
            if node in done:
                continue
            if node == self.target.id:
                path: list[str | None] = [node]
                while path[-1] != self.start:
                    path.append(previous[path[-1]])
                return total, path[::-1]
            done.add(node)
            costs = self.costs(node)
            reach = np.maximum(total, costs) if bottleneck else total + costs
            better = (costs <= max_step_hours + _EPSILON) & (reach < best - _EPSILON)
            for i in np.flatnonzero(better):
                role = self.moves.ids[i]
                if role not in done:
                    best[i] = reach[i]
                    previous[role] = node
                    heapq.heappush(heap, (float(reach[i]), next(counter), role))
        return None

    def career(self, nodes: Sequence[str | None]) -> CareerPath:
        """Return the career path through `nodes`, with one learning path per move."""
        legs = []
        for here, there in itertools.pairwise(nodes):
            held = self.held(here)
            if there == self.target.id:
                legs.append(self.planner.path(here, held, self.target, self.requirements))
            else:
                legs.append(self.planner.to_profile(here, held, self.catalog.role(str(there))))
        return CareerPath(
            roles=tuple(n for n in nodes if n is not None),
            legs=tuple(legs),
            total_hours=math.fsum(leg.total_hours for leg in legs),
        )

    def no_path(self) -> NoPathError:
        """Return the error to raise, with the cheapest first move and the limit that would do."""
        costs = self.costs(self.start)
        if self.start is not None:
            costs[self.index[self.start]] = np.inf
        cheapest = int(np.argmin(costs))
        widest = self.dijkstra(math.inf, bottleneck=True)
        assert widest is not None  # noqa: S101 (with no limit the direct move always exists)
        needed = widest[0]
        reason = (
            f"the cheapest first move, into {self.moves.ids[cheapest]!r}, needs"
            f" {costs[cheapest]:.1f} hours; max_step_hours >= {math.ceil(needed * 10) / 10:.1f}"
            " would give a path"
        )
        return NoPathError(self.start or "the profile", self.target.id, reason, needed)


def _hours_between(planner: _Planner, held: Levels, final: Levels) -> float:
    return math.fsum(
        planner.cost(i, held.get(i, Level.NONE), level)
        for i, level in final.items()
        if level > held.get(i, Level.NONE)
    )


def career_path(
    catalog: Catalog,
    source: Source,
    target: str | Role,
    *,
    max_step_hours: float,
    include_optional: bool = False,
) -> CareerPath:
    """Return the stepping-stone roles that lead to `target` in the fewest total hours.

    No move may need more than `max_step_hours`. Dijkstra's algorithm runs on
    the role-transition graph, whose edge from role A to role B is the hours
    of the move: into the target, the `learning_path` from A's profile; into
    any other role, the hours to hold that role's whole profile.

    Parameters
    ----------
    catalog : Catalog
    source : str, Role, Profile or mapping
    target : str or Role
    max_step_hours : float
        The most hours any one move may need (``math.inf`` for no limit).
    include_optional : bool, optional (default = False)
        Whether the move into the target meets its optional requirements too.

    Returns
    -------
    CareerPath
        With one `LearningPath` per move. With no limit, the total equals the
        direct `learning_path`'s.

    Raises
    ------
    NoPathError
        If no chain of moves within `max_step_hours` exists; the message
        gives the cheapest first move and the smallest `max_step_hours` that
        would give a path.
    ArgumentError
        If `max_step_hours` is negative or not a number.
    UnknownItemError
        If `source` or `target` is not in `catalog`.

    Notes
    -----
    The learner is modelled as holding the profile of the role they are in:
    moving into a stepping stone means learning all it holds, and then only
    that is held. A move through other roles therefore never costs less than
    the direct move, so stepping stones appear only to keep every move within
    the limit.

    Examples
    --------
    >>> import ai_roles
    >>> cat = ai_roles.load_catalog()
    >>> direct = learning_path(cat, "data-scientist", "mlops-engineer").total_hours
    >>> career_path(
    ...     cat, "data-scientist", "mlops-engineer", max_step_hours=math.inf
    ... ).total_hours == direct
    True
    """
    limit = _check_hours("max_step_hours", max_step_hours)
    trip = _Trip(catalog, source, target, include_optional=include_optional)
    found = trip.dijkstra(limit)
    if found is None:
        raise trip.no_path()
    return trip.career(found[1])


def career_paths(
    catalog: Catalog,
    source: Source,
    target: str | Role,
    *,
    max_step_hours: float,
    k: int = 3,
    include_optional: bool = False,
) -> tuple[CareerPath, ...]:
    """Return up to `k` loopless career paths, fewest total hours first.

    Parameters are as for `career_path`, with `k` the number of paths
    wanted. Fewer are returned when fewer exist.

    Raises
    ------
    NoPathError
        If there is no path at all.
    ArgumentError
        If `k` is not a whole number >= 1 or `max_step_hours` is not valid.

    Notes
    -----
    Yen's algorithm (`networkx.shortest_simple_paths`) on the transition graph
    of moves within `max_step_hours`, built in full: ``O(n^2)`` moves for
    ``n`` roles.

    Examples
    --------
    >>> import ai_roles
    >>> cat = ai_roles.load_catalog()
    >>> paths = career_paths(cat, "data-scientist", "mlops-engineer", max_step_hours=math.inf, k=2)
    >>> [p.roles[-1] for p in paths]
    ['mlops-engineer', 'mlops-engineer']
    >>> paths[0].total_hours <= paths[1].total_hours
    True
    """
    count = whole_number(k)
    limit = _check_hours("max_step_hours", max_step_hours)
    trip = _Trip(catalog, source, target, include_optional=include_optional)
    here = trip.start if trip.start is not None else ""  # a role id is never empty
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_node(here)
    for node in [trip.start, *(r for r in trip.moves.ids if r not in {trip.start, trip.target.id})]:
        costs = trip.costs(node)
        for i in np.flatnonzero(costs <= limit + _EPSILON):
            if trip.moves.ids[i] != trip.start:
                graph.add_edge(node or "", trip.moves.ids[i], hours=float(costs[i]))
    if trip.target.id not in graph or not nx.has_path(graph, here, trip.target.id):
        raise trip.no_path()
    ways = nx.shortest_simple_paths(graph, here, trip.target.id, weight="hours")
    return tuple(trip.career([n or None for n in way]) for way in itertools.islice(ways, count))


# --- what to learn next ------------------------------------------------------------------


def next_skills(
    catalog: Catalog,
    profile: Source,
    *,
    k: int = 5,
    targets: Iterable[str | Role] | None = None,
    include_optional: bool = False,
) -> tuple[Suggestion, ...]:
    """Return the `k` items whose learning most reduces the hours to the target roles.

    Each candidate is an item some target's learning path raises, at a level
    some path takes it to. Learning it (with its prerequisites) makes a new
    profile; the hours it saves towards a role are the difference between the
    role's learning-path totals before and after. An hour spent on an item
    that several roles need saves several hours: items are ranked by that
    leverage, so a short, widely needed foundation comes before a long
    specialisation (which also brings many roles closer, through the
    prerequisites it drags in).

    Parameters
    ----------
    catalog : Catalog
    profile : Profile, mapping, str or Role
        What the person holds (a role stands for its profile).
    k : int, optional (default = 5)
    targets : iterable of str or Role, or None, optional (default = None)
        The roles to get closer to; all roles when None.
    include_optional : bool, optional (default = False)

    Returns
    -------
    tuple of Suggestion
        Those that save the most hours across the roles per hour spent
        learning them first; then those that bring more roles closer, then
        the most hours saved in total, then by id. Each item appears once,
        at its best level.

    Raises
    ------
    ArgumentError
        If `k` is not a whole number >= 1.
    UnknownItemError
        If a target or an item of the profile is not in `catalog`.

    Examples
    --------
    >>> import ai_roles
    >>> cat = ai_roles.load_catalog()
    >>> best = next_skills(cat, {"python": "practitioner", "sql": "working"}, k=3)
    >>> len(best), all(sum(s.saved.values()) > 0 for s in best)
    (3, True)
    """
    count = whole_number(k)
    _, held = _source(catalog, profile)
    if isinstance(targets, (str, Role)):  # one target, not the letters of its id
        targets = [targets]
    roles = list(catalog.roles) if targets is None else [catalog.role(t) for t in targets]
    roles = list({r.id: r for r in roles}.values())
    planner = _planner(catalog)

    def total(levels: Levels, requirements: Sequence[Requirement]) -> float:
        return _hours_between(planner, levels, planner.plan(levels, requirements)[0])

    considered = {r.id: _considered(r, include_optional=include_optional) for r in roles}
    before = {r.id: total(held, considered[r.id]) for r in roles}
    candidates: set[tuple[str, Level]] = set()
    universe: dict[str, set[str]] = {}
    for r in roles:
        final, _ = planner.plan(held, considered[r.id])
        candidates |= {(i, level) for i, level in final.items() if level > held.get(i, Level.NONE)}
        options = [(o, req.level) for req in considered[r.id] for o in req.options]
        reach: Levels = {}
        planner.raise_levels(reach, options)
        universe[r.id] = set(reach)
    best: dict[str, tuple[tuple[float, int, float, str], Suggestion]] = {}
    for item, level in sorted(candidates):
        after = dict(held)
        hours = planner.raise_levels(after, [(item, level)])
        changed = {i for i, lv in after.items() if lv > held.get(i, Level.NONE)}
        saved = {}
        for r in roles:
            if changed & universe[r.id]:
                gain = before[r.id] - total(after, considered[r.id])
                if gain > _EPSILON:
                    saved[r.id] = gain
        if not saved:
            continue
        overall = math.fsum(saved.values())
        leverage = overall / hours if hours > 0 else math.inf
        rank = (-leverage, -len(saved), -overall, item)
        previous = best.get(item)
        if previous is None or rank < previous[0]:
            best[item] = (rank, Suggestion(item=item, level=level, hours=hours, saved=saved))
    ranked = sorted(best.values(), key=lambda pair: pair[0])
    return tuple(suggestion for _, suggestion in ranked[:count])
