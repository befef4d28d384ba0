"""The planner behind learning paths, career paths and advice: what to learn, and its cost.

The learner
-----------
A learner holds levels of items (`Levels`), closed under prerequisites and
tool credit. Learning an item from level `a` to level `b` costs its hours
scaled by the catalog's effort model, less the **transfer** from a related
item the learner held when the plan started: holding `r` at level `c`
discounts the climb of `x` up to `c` by the transfer factor of `r` for `x`
(declared in `Item.related`, or `GROUP_TRANSFER` between options of one
requirement). Learning an item at all needs its prerequisites first.

Choosing among alternatives
---------------------------
A requirement with options ("PyTorch / JAX / TensorFlow") is met by one of
them. With ``prefer="standard"`` (the default) the learner takes the
*preferred* option, the one they hold highest, or else the first listed (the
one the field uses), unless another saves more than `PREFERENCE_MARGIN` of
the preferred option's cost (its own hours and those of the prerequisites it
brings). The plan minimises hours plus that margin for every requirement met
by another option: exact, by branch and bound, or by a 0-1 program when the
combinations are many. ``prefer="cheapest"`` drops the margin: the exact
minimum of hours, ties going to the earlier-listed options.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import networkx as nx
import numpy as np
import scipy.sparse as sp

from ai_roles.exceptions import ArgumentError
from ai_roles.model import Catalog, Level, Requirement, Role
from ai_roles.results import Choice, LearningPath, Reason, Step

__all__ = [
    "ENUMERATION_LIMIT",
    "GROUP_TRANSFER",
    "PREFERENCE_MARGIN",
    "Costing",
    "Levels",
    "Planner",
    "Prefer",
    "check_prefer",
    "planner",
]

ENUMERATION_LIMIT = 4096
"""Combinations of alternatives searched by branch and bound; beyond, an exact MILP."""

GROUP_TRANSFER = 0.25
"""Transfer between the options of one requirement (Python / R, AWS / Azure / GCP).

Alternatives do the same job with different means: knowing one makes the
other a quarter cheaper to learn, unless the catalog declares another factor
in `Item.related`."""

PREFERENCE_MARGIN = 0.5
"""Share of the preferred option's cost another option must save to be advised instead."""

Prefer = Literal["standard", "cheapest"]
Levels = dict[str, Level]
_EPSILON = 1e-9


def check_prefer(value: object) -> Prefer:
    """Return `value` if it is a preference; raise `ArgumentError` if not."""
    if value == "standard":
        return "standard"
    if value == "cheapest":
        return "cheapest"
    msg = f"prefer: {value!r} is not 'standard' or 'cheapest'"
    raise ArgumentError(msg)


class Costing:
    """The cost of raising items for one learner: effort less transfer from what they hold."""

    def __init__(self, planner: Planner, held: Mapping[str, Level]) -> None:
        self.planner = planner
        self.sources: dict[str, list[tuple[float, Level, str]]] = {}  # item -> what discounts it
        for source, level in held.items():
            for item, factor in planner.transfers_from.get(source, ()):
                self.sources.setdefault(item, []).append((factor, level, source))

    def _best(self, item: str, start: Level, end: Level) -> tuple[float, str | None]:
        """Return the largest share of effort saved on this climb, and the item that saves it."""
        share = self.planner.shares[item]
        best: tuple[float, str | None] = (0.0, None)
        for factor, cap, source in self.sources.get(item, ()):
            saved = factor * (share[min(end, cap)] - share[min(start, cap)])
            if saved > best[0] + _EPSILON or (
                abs(saved - best[0]) <= _EPSILON and saved > 0 and source < str(best[1])
            ):
                best = (saved, source)
        return best

    def cost(self, item: str, start: Level, end: Level) -> float:
        """Return the hours to raise `item` from `start` to `end`, after transfer."""
        if end <= start:
            return 0.0
        share = self.planner.shares[item]
        full = share[end] - share[start]
        if item in self.sources:
            full -= self._best(item, start, end)[0]
        return round(self.planner.hours[item] * full, 9)  # no float noise to split ties

    def source(self, item: str, start: Level, end: Level) -> str | None:
        """Return the held item whose knowledge discounts this raise, if any."""
        return self._best(item, start, end)[1] if end > start else None

    def raise_levels(self, levels: Levels, additions: Iterable[tuple[str, Level]]) -> float:
        """Raise `levels` in place to hold `additions` and their prerequisites; return the hours."""
        total = 0.0
        needs = self.planner.needs
        stack = list(additions)
        while stack:
            item, level = stack.pop()
            held = levels.get(item, Level.NONE)
            if held >= level:
                continue
            total += self.cost(item, held, level)
            levels[item] = level
            if held == Level.NONE:  # a held item already has its prerequisites
                stack.extend((p.item, p.level) for p in needs[item])
        return total


class Planner:
    """Chooses among alternatives for a set of requirements and builds the steps."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        by_category = {
            category: catalog.effort.shares(category)
            for category in {item.category for item in catalog.items}
        }
        # Each item's cumulative shares of its hours at NONE..EXPERT (by its category).
        self.shares = {item.id: by_category[item.category] for item in catalog.items}
        self.hours = {item.id: item.hours for item in catalog.items}
        self.needs = {item.id: item.prerequisites for item in catalog.items}
        transfers: dict[str, dict[str, float]] = {}  # source -> learned item -> factor
        for role in catalog.roles:
            for r in role.requirements:
                for a in r.options if len(r.options) > 1 else ():
                    for b in r.options:
                        if a != b:
                            transfers.setdefault(a, {})[b] = GROUP_TRANSFER
        for item in catalog.items:
            for related in item.related:  # declared factors replace the default
                transfers.setdefault(related.item, {})[item.id] = related.transfer
        self.transfers_from = {
            source: tuple(sorted(targets.items())) for source, targets in transfers.items()
        }

    def costing(self, held: Mapping[str, Level]) -> Costing:
        """Return the costs for a learner who holds `held`."""
        return Costing(self, held)

    @staticmethod
    def meeting(levels: Mapping[str, Level], requirement: Requirement) -> str | None:
        """Return the first option of `requirement` that `levels` meet, if any."""
        for option in requirement.options:
            if levels.get(option, Level.NONE) >= requirement.level:
                return option
        return None

    @staticmethod
    def preferred(levels: Mapping[str, Level], requirement: Requirement) -> str:
        """Return the option a learner holding `levels` would use: held highest, else first."""
        return max(
            requirement.options,
            key=lambda o: (levels.get(o, Level.NONE), -requirement.options.index(o)),
        )

    def plan(
        self,
        held: Levels,
        requirements: Sequence[Requirement],
        *,
        prefer: Prefer = "standard",
        limit: int = ENUMERATION_LIMIT,
        costing: Costing | None = None,
    ) -> tuple[Levels, dict[int, str]]:
        """Return the final levels meeting `requirements`, and the option used for each.

        Requirements with one option are forced; the others are searched by
        branch and bound when their combinations number at most `limit`, and
        solved as a mixed-integer program otherwise. Both are exact for the
        objective: hours, plus `PREFERENCE_MARGIN` of the preferred option's
        cost for every requirement met otherwise (with ``prefer="standard"``).
        """
        costing = costing or self.costing(held)
        base = dict(held)
        unmet = [j for j, r in enumerate(requirements) if self.meeting(held, r) is None]
        costing.raise_levels(
            base,
            [
                (requirements[j].options[0], requirements[j].level)
                for j in unmet
                if len(requirements[j].options) == 1
            ],
        )
        groups = [requirements[j] for j in unmet if self.meeting(base, requirements[j]) is None]
        preferred = [self.preferred(held, r) for r in groups]
        penalties = [
            PREFERENCE_MARGIN * costing.raise_levels(dict(base), [(o, r.level)])
            if prefer == "standard"
            else 0.0
            for o, r in zip(preferred, groups, strict=True)
        ]
        combinations = math.prod(len(r.options) for r in groups)
        if not groups or combinations <= limit:
            final = self._search(costing, base, groups, preferred, penalties)
        else:
            final = self._milp(costing, base, groups, preferred, penalties)
        chosen = {}
        for j, r in enumerate(requirements):
            option = self.meeting(final, r)
            if option is None:  # pragma: no cover (the plan meets every requirement)
                raise AssertionError
            chosen[j] = option
        return final, chosen

    def _search(
        self,
        costing: Costing,
        base: Levels,
        groups: Sequence[Requirement],
        preferred: Sequence[str],
        penalties: Sequence[float],
    ) -> Levels:
        best_cost = math.inf
        best: Levels = base

        def search(g: int, levels: Levels, cost: float) -> None:
            nonlocal best_cost, best
            if cost >= best_cost - _EPSILON:
                return
            while g < len(groups) and levels.get(preferred[g], Level.NONE) >= groups[g].level:
                g += 1  # met by its preferred option: nothing to choose
            if g == len(groups):
                best_cost, best = cost, levels
                return
            requirement = groups[g]
            first = preferred[g]
            trial = dict(levels)
            search(g + 1, trial, cost + costing.raise_levels(trial, [(first, requirement.level)]))
            if self.meeting(levels, requirement) is not None:  # met already, by another option
                search(g + 1, levels, cost + penalties[g])
                return
            for option in requirement.options:
                if option != first:
                    trial = dict(levels)
                    added = costing.raise_levels(trial, [(option, requirement.level)])
                    search(g + 1, trial, cost + added + penalties[g])

        search(0, base, 0.0)
        return best

    def _milp(
        self,
        costing: Costing,
        base: Levels,
        groups: Sequence[Requirement],
        preferred: Sequence[str],
        penalties: Sequence[float],
    ) -> Levels:
        """Solve the choice of alternatives exactly as a 0-1 program (HiGHS, through SciPy).

        A variable ``x[i, l]`` says item `i` is held at level `l` or above
        (for levels above what is held already); the objective is the hours
        of the levels taken, less the margin for each requirement met by its
        preferred option; constraints keep levels cumulative, meet each
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
                costs.append(costing.cost(item, Level(rung - 1), Level(rung)))
        for option, r, penalty in zip(preferred, groups, penalties, strict=True):
            costs[index[option, r.level]] -= penalty  # the margin, as a bonus for the preferred
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
        for option, r in zip(preferred, groups, strict=True):
            taken = [o for o in r.options if result.x[index[o, r.level]] > 0.5]
            choice = option if option in taken else taken[0]
            costing.raise_levels(final, [(choice, r.level)])
        return final

    def steps(
        self,
        held: Levels,
        final: Levels,
        required: Mapping[str, tuple[Level, float]],
        target: str,
        costing: Costing,
    ) -> tuple[Step, ...]:
        """Order the raises from `held` to `final`: prerequisites first, then importance, then id.

        `required` maps the items the target requires directly to the level
        and importance it requires them at.
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
        weight = {i: required[i][1] if i in required else 0.0 for i in raised}
        for item in reversed(_topological(raised, dependents)):
            for d in dependents[item]:
                weight[item] = max(weight[item], weight[d])
        ready = [(-weight[i], i) for i in raised if waiting[i] == 0]
        heapq.heapify(ready)
        steps = []
        while ready:
            _, item = heapq.heappop(ready)
            start = held.get(item, Level.NONE)
            steps.append(
                Step(
                    item=item,
                    from_level=start,
                    to_level=raised[item],
                    hours=costing.cost(item, start, raised[item]),
                    reason=self._reason(
                        item,
                        raised=raised,
                        dependents=dependents,
                        required=required,
                        weight=weight,
                        target=target,
                    ),
                    transfer_from=costing.source(item, start, raised[item]),
                )
            )
            for d in dependents[item]:
                waiting[d] -= 1
                if waiting[d] == 0:
                    heapq.heappush(ready, (-weight[d], d))
        return tuple(steps)

    def _reason(
        self,
        item: str,
        *,
        raised: Mapping[str, Level],
        dependents: Mapping[str, list[str]],
        required: Mapping[str, tuple[Level, float]],
        weight: Mapping[str, float],
        target: str,
    ) -> Reason:
        """Return what binds `item` at the level it is raised to: the target, or a dependent."""
        level = raised[item]
        if item in required and required[item][0] >= level:
            return Reason(kind="required", of=target, level=level)
        binding = [
            d
            for d in dependents[item]
            if any(p.item == item and p.level >= level for p in self.needs[d])
        ]
        of = min(binding or dependents[item], key=lambda d: (-weight[d], d))
        return Reason(kind="prerequisite", of=of, level=level)

    def path(
        self,
        source: str | None,
        held: Levels,
        target: Role,
        requirements: Sequence[Requirement],
        *,
        prefer: Prefer = "standard",
        limit: int = ENUMERATION_LIMIT,
    ) -> LearningPath:
        """Return the learning path from `held` into `requirements` of `target`."""
        costing = self.costing(held)
        final, chosen = self.plan(held, requirements, prefer=prefer, limit=limit, costing=costing)
        required: dict[str, tuple[Level, float]] = {}
        for j, r in enumerate(requirements):
            level, importance = required.get(chosen[j], (Level.NONE, 0.0))
            required[chosen[j]] = (max(level, r.level), max(importance, r.importance))
        steps = self.steps(held, final, required, target.id, costing)
        carried = []
        for r in requirements:
            option = self.meeting(held, r)
            if option is not None and option not in carried:
                carried.append(option)
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
            carried=carried,
        )

    def hours_between(self, costing: Costing, held: Levels, final: Levels) -> float:
        """Return the hours from `held` to `final` (levels only rise)."""
        return math.fsum(
            costing.cost(i, held.get(i, Level.NONE), level)
            for i, level in final.items()
            if level > held.get(i, Level.NONE)
        )

    def on_the_job(self, held: Levels, role: Role) -> Levels:
        """Return what a learner holding `held` holds after working in `role`.

        Each requirement, essential or optional, is held at its level through
        the option the learner uses (held highest, else the first listed);
        the result is closed under prerequisites and tool credit, as
        `Catalog.closure` closes a profile.
        """
        levels = dict(held)
        for r in role.requirements:
            option = self.preferred(levels, r)
            if levels.get(option, Level.NONE) < r.level:
                levels[option] = r.level
        return self.close(levels)

    def close(self, levels: Levels) -> Levels:
        """Close `levels` in place under prerequisites and tool credit, as a profile is."""
        return self.catalog._closed(levels)  # noqa: SLF001 (the model's one closure rule)


def _topological(nodes: Iterable[str], dependents: Mapping[str, list[str]]) -> list[str]:
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(sorted(nodes))
    graph.add_edges_from((u, v) for u, vs in dependents.items() for v in vs)
    return list(nx.lexicographical_topological_sort(graph))


def planner(catalog: Catalog) -> Planner:
    """Return the catalog's planner, made once."""
    return catalog.derived("paths.planner", Planner)
