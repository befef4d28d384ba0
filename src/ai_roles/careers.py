"""Career paths: the stepping-stone roles from a role or a person to a target role.

The learner
-----------
A learner keeps everything they learn and, working in a role, comes to hold
that role's profile (each requirement at its level, through the option they
use) at no cost in hours: on-the-job learning. A move's hours are the
learning path from what they hold *then* into the next role's requirements.
So a stepping stone can lower the total: what it teaches on the job is not
paid for again. A role is entered only when the learner could be hired into
it at that point (`Seniority`, `Role.experience`), and a stepping stone is
never below the highest seniority the learner has worked at: nobody is
advised to step down on the way (the target itself may be lower, if asked).

The engine
----------
One label-setting search serves `career_path`, `career_paths` and the limit
reported by `NoPathError`. A label is a partial path: the role reached,
what the learner holds there, the roles worked in, the hours so far. Labels
leave the heap cheapest first; a move is first pushed with a lower bound of
its hours, computed for every role at once with sparse arrays (each
requirement's cheapest option, prerequisites left out, the largest transfer
taken), and priced exactly by the planner only when it reaches the top.
Limits are filters on moves, as networkx's weight functions hide edges. A
label is dropped when another at the same role holds at least as much, has
worked in at least the same roles, spent no more hours and made no more
moves, from no higher seniority (it can follow any continuation at no more
cost). At most
`labels_per_role` labels are expanded per role: beyond that the search is a
heuristic, documented in ``docs/analysis.md``.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp

from ai_roles._arguments import whole_number
from ai_roles._planner import Levels, Planner, Prefer, check_prefer, planner
from ai_roles.exceptions import ArgumentError, NoPathError
from ai_roles.model import Catalog, Level, Requirement, Role, Seniority
from ai_roles.paths import Source, considered, source_levels
from ai_roles.results import CareerPath

__all__ = ["LABEL_BUDGET", "MOVES_PER_LABEL", "career_path", "career_paths"]

LABEL_BUDGET = 2048
"""Labels expanded per role: ``max(4, LABEL_BUDGET // number of roles)`` (exact below it)."""

MOVES_PER_LABEL = 64
"""Moves tried out of each label, the most promising by their bound (all, up to 64 roles)."""

_EPSILON = 1e-9
_Vector = np.ndarray[Any, np.dtype[np.float64]]


def _check_hours(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
        msg = f"{name}: {value!r} is not a number of hours (>= 0)"
        raise ArgumentError(msg)
    return float(value)


class _Moves:
    """Lower bounds of the hours of a move into every role, as arrays."""

    def __init__(self, catalog: Catalog) -> None:
        self.planner = planner(catalog)
        self.roles = catalog.roles
        self.ids = [role.id for role in catalog.roles]
        self.index = {role: i for i, role in enumerate(self.ids)}
        self.items = {item.id: i for i, item in enumerate(catalog.items)}
        self.hours = np.array([item.hours for item in catalog.items], dtype=np.float64)
        # Each item's cumulative shares of its hours at NONE..EXPERT (rows: items).
        self.share = np.array(
            [self.planner.shares[item.id] for item in catalog.items], dtype=np.float64
        ).reshape(len(catalog.items), len(Level))
        entry_item: list[int] = []
        entry_share: list[float] = []
        group_start: list[int] = []
        group_role: list[int] = []
        for r, role in enumerate(catalog.roles):
            for requirement in considered(role, include_optional=False):
                group_start.append(len(entry_item))
                group_role.append(r)
                for option in requirement.options:
                    entry_item.append(self.items[option])
                    entry_share.append(self.share[self.items[option], requirement.level])
        self.entry_item = np.array(entry_item, dtype=np.intp)
        self.entry_share = np.array(entry_share, dtype=np.float64)
        self.group_start = np.array(group_start, dtype=np.intp)
        self.group_role = np.array(group_role, dtype=np.intp)
        self.needs_mid = np.array([role.seniority >= Seniority.SENIOR for role in self.roles])
        self.seniority = np.array([int(role.seniority) for role in self.roles])
        self.experienced = {
            i: frozenset(role.experience) for i, role in enumerate(self.roles) if role.experience
        }
        self.transfers = {
            source: (
                np.array([self.items[t] for t, _ in targets], dtype=np.intp),
                np.array([f for _, f in targets], dtype=np.float64),
            )
            for source, targets in self.planner.transfers_from.items()
        }
        self.labels_per_role = max(4, LABEL_BUDGET // max(1, len(self.ids)))
        self.most_off = np.zeros(len(self.items))  # the largest transfer into each item
        for found in self.transfers.values():
            np.maximum.at(self.most_off, found[0], found[1])
        # The most a learner can hold after working in each role: every option of every
        # requirement at its level, closed (what they learn for it and on the job).
        rows, cols, vals = [], [], []
        for r, role in enumerate(catalog.roles):
            levels: Levels = {}
            for requirement in role.requirements:
                for option in requirement.options:
                    levels[option] = max(levels.get(option, Level.NONE), requirement.level)
            for item, level in self.planner.close(levels).items():
                rows.append(r)
                cols.append(self.items[item])
                vals.append(self.share[self.items[item], level])
        self.ceiling = sp.csc_array(
            (vals, (rows, cols)), shape=(len(self.ids), len(self.items)), dtype=np.float64
        )

    def learner(self, held: Levels) -> tuple[_Vector, _Vector]:
        """Return the share held of every item, and the largest transfer into it from `held`."""
        have = np.zeros(len(self.items))
        off = np.zeros(len(self.items))
        for item, level in held.items():
            have[self.items[item]] = self.share[self.items[item], level]
            found = self.transfers.get(item)
            if found is not None:
                np.maximum.at(off, found[0], found[1])
        return have, off

    def bounds(self, have: _Vector, off: _Vector) -> _Vector:
        """Return, for every role, a lower bound of the hours to meet its essential requirements."""
        if not len(self.group_start):
            return np.zeros(len(self.ids))
        items = self.entry_item
        costs = self.hours[items] * np.maximum(self.entry_share - have[items], 0.0)
        costs *= 1.0 - off[items]
        cheapest = np.minimum.reduceat(costs, self.group_start)
        total = np.bincount(self.group_role, weights=cheapest, minlength=len(self.ids))
        return np.asarray(total, dtype=np.float64)


def _moves(catalog: Catalog) -> _Moves:
    return catalog.derived("careers.moves", _Moves)


class _Label:
    """A partial career path: where the learner is, what they hold, what it cost."""

    __slots__ = ("held", "hours", "mid", "moves", "parent", "rank", "role", "total", "worked")

    def __init__(
        self,
        role: int | None,
        held: Levels,
        worked: frozenset[str],
        *,
        mid: bool,
        rank: int,
        total: float,
        moves: int,
        parent: _Label | None,
        hours: float = 0.0,
    ) -> None:
        self.role = role
        self.rank = rank  # the highest seniority worked at: no stepping stone below it
        self.hours = hours
        self.held = held
        self.worked = worked
        self.mid = mid
        self.total = total
        self.moves = moves
        self.parent = parent

    def way(self) -> list[_Label]:
        """Return the labels from the start to this one."""
        labels = [self]
        parent = self.parent
        while parent is not None:
            labels.append(parent)
            parent = parent.parent
        return labels[::-1]

    def dominates(self, other: _Label) -> bool:
        """Whether this label can follow any continuation of `other` at no more cost."""
        return (
            self.total <= other.total + _EPSILON
            and self.moves <= other.moves
            and self.mid >= other.mid
            and self.rank <= other.rank
            and self.worked >= other.worked
            and all(self.held.get(i, Level.NONE) >= level for i, level in other.held.items())
        )


class _Trip:
    """A career-path question: from a role (or a person) to a target role, within limits."""

    def __init__(
        self,
        catalog: Catalog,
        source: Source,
        target: str | Role,
        *,
        worked_in: Iterable[str | Role],
        include_optional: bool,
        prefer: Prefer,
    ) -> None:
        self.catalog = catalog
        self.moves = _moves(catalog)
        self.planner: Planner = self.moves.planner
        self.prefer = prefer
        start, held = source_levels(catalog, source)
        self.target = catalog.role(target)
        self.goal = self.moves.index[self.target.id]
        self.final_requirements = considered(self.target, include_optional=include_optional)
        self._target_entries()
        past = (
            [catalog.role(worked_in)]
            if isinstance(worked_in, (str, Role))
            else [catalog.role(r) for r in worked_in]
        )
        if start is not None:
            past.append(catalog.role(start))
        for role in past:  # work done is held, on the job
            held = self.planner.on_the_job(held, role)
        self.start = _Label(
            None if start is None else self.moves.index[start],
            held,
            frozenset(r.id for r in past),
            mid=any(r.seniority >= Seniority.MID for r in past),
            rank=max((r.seniority for r in past), default=0),
            total=0.0,
            moves=0,
            parent=None,
        )

    def _target_entries(self) -> None:
        """Arrange the target's requirements to bound its move after any next role at once."""
        items: list[int] = []
        shares: list[float] = []
        starts: list[int] = []
        for requirement in self.final_requirements:
            starts.append(len(items))
            for option in requirement.options:
                items.append(self.moves.items[option])
                shares.append(self.moves.share[self.moves.items[option], requirement.level])
        self.t_item = np.array(items, dtype=np.intp)
        self.t_share = np.array(shares, dtype=np.float64)
        self.t_start = np.array(starts, dtype=np.intp)
        self.t_ceiling = self.moves.ceiling[:, self.t_item].toarray()
        self.t_cost = self.moves.hours[self.t_item] * (1.0 - self.moves.most_off[self.t_item])

    def after(self, have: _Vector) -> _Vector:
        """Return, for every role, a lower bound of the move into the target after working in it.

        What the learner could hold then is at most what they hold now and the
        role's ceiling; transfer is taken at its largest.
        """
        if not len(self.t_start):
            return np.zeros(len(self.moves.ids))
        held = np.maximum(self.t_ceiling, have[self.t_item])
        costs = self.t_cost * np.maximum(self.t_share - held, 0.0)
        return np.asarray(
            np.minimum.reduceat(costs, self.t_start, axis=1).sum(axis=1), dtype=np.float64
        )

    def requirements(self, i: int) -> Sequence[Requirement]:
        """Return what a move into role `i` must meet."""
        if i == self.goal:
            return self.final_requirements
        return considered(self.moves.roles[i], include_optional=False)

    def enterable(self, label: _Label) -> np.ndarray[Any, np.dtype[np.bool_]]:
        """Return which roles the learner at `label` could be hired into next."""
        ok = np.ones(len(self.moves.ids), dtype=bool)
        if not label.mid:
            ok &= ~self.moves.needs_mid
        for i, needed in self.moves.experienced.items():  # experience named replaces seniority
            ok[i] = not needed.isdisjoint(label.worked)
        below = self.moves.seniority < label.rank  # a step down is no stepping stone
        below[self.goal] = False  # the target itself may be below what the learner reached
        ok &= ~below
        for role in label.worked:
            ok[self.moves.index[role]] = False
        return ok

    def price(self, parent: _Label, i: int) -> tuple[float, Levels]:
        """Return the hours of the move from `parent` into role `i`, and the levels it ends with."""
        held = parent.held
        costing = self.planner.costing(held)
        final, _ = self.planner.plan(
            held, self.requirements(i), prefer=self.prefer, costing=costing
        )
        return self.planner.hours_between(costing, held, final), final

    def arrive(self, parent: _Label, i: int, final: Levels, hours: float, total: float) -> _Label:
        """Return the label of the learner who moved from `parent` into role `i`."""
        role = self.moves.roles[i]
        held = final if i == self.goal else self.planner.on_the_job(final, role)
        return _Label(
            i,
            held,
            parent.worked | {role.id},
            mid=parent.mid or role.seniority >= Seniority.MID,
            rank=max(parent.rank, role.seniority),
            total=total,
            moves=parent.moves + 1,
            parent=parent,
            hours=hours,
        )

    def candidates(
        self,
        label: _Label,
        limit: float,
        left: int | None,
        bound: float,
        combine: Callable[[Any, Any], Any],
    ) -> list[tuple[float, int, float]]:
        """Return the moves worth pricing out of `label`: their key, role and bound beyond.

        The key is a lower bound of the path's total through the move; with
        two moves left, it includes a bound of the move into the target after
        it (the bound beyond). `left` is the number of moves still allowed.
        """
        if left == 0:
            return []
        have, off = self.moves.learner(label.held)
        lower = self.moves.bounds(have, off)
        ok = self.enterable(label) & (lower <= limit + _EPSILON)
        keys = combine(label.total, lower)
        goal = np.arange(len(lower)) == self.goal
        rest = after = np.zeros(len(lower))
        if left == 1:  # the last move allowed: into the target
            ok &= goal
        else:  # after a stepping stone, the move into the target
            after = np.where(goal, 0.0, self.after(have))
            if left == 2:  # it is the next move: a bound, and a filter
                rest = after
                ok &= rest <= limit + _EPSILON
                keys = combine(keys, rest)
        ok &= keys <= bound + _EPSILON
        chosen = np.flatnonzero(ok & ~goal)
        if len(chosen) > MOVES_PER_LABEL:  # the most promising: what they leave to learn
            promise = keys[chosen] + after[chosen]
            beyond = after[chosen] > limit + _EPSILON  # ranked last: they need another stone
            chosen = chosen[np.lexsort((chosen, promise, beyond))[:MOVES_PER_LABEL]]
        if ok[self.goal]:
            chosen = np.append(chosen, self.goal)
        return [(float(keys[i]), int(i), float(rest[i])) for i in chosen]

    def search(
        self,
        *,
        limit: float,
        max_moves: int | None,
        k: int = 1,
        combine: Callable[[Any, Any], Any] = np.add,
    ) -> list[_Label]:
        """Return up to `k` labels at the target, best first (`combine` adds or takes the max)."""
        if self.start.role == self.goal:  # already there: a path of no moves
            return [self.start]
        counter = itertools.count()
        heap: list[tuple[float, int, int, _Label | None, _Label, int, float]] = []
        found: list[_Label] = []
        totals: list[float] = []  # of the moves into the target priced so far
        settled: dict[tuple[int, int], list[_Label]] = {}

        def bound() -> float:
            return sorted(totals)[k - 1] if len(totals) >= k else math.inf

        def expand(label: _Label) -> None:
            left = None if max_moves is None else max_moves - label.moves
            for key, i, rest in self.candidates(label, limit, left, bound(), combine):
                heapq.heappush(heap, (key, label.moves + 1, next(counter), None, label, i, rest))

        expand(self.start)
        while heap and len(found) < k:
            _, moves, _, label, parent, i, rest = heapq.heappop(heap)
            if label is None:  # a move priced by its bound: price it, and push it back
                hours, final = self.price(parent, i)
                total = round(float(combine(parent.total, hours)), 9)
                if hours > limit + _EPSILON or combine(total, rest) > bound() + _EPSILON:
                    continue
                if i == self.goal:
                    totals.append(total)
                arrived = self.arrive(parent, i, final, hours, total)
                heapq.heappush(heap, (total, moves, next(counter), arrived, parent, i, rest))
                continue
            if i == self.goal:
                found.append(label)
                continue
            # Labels are kept per role and moves made: one made in fewer moves can go further.
            here = settled.setdefault((i, moves), [])
            if k == 1 and any(s.dominates(label) for s in here):
                continue
            if len(here) >= max(k, self.moves.labels_per_role):
                continue
            here.append(label)
            expand(label)
        return found

    def career(self, label: _Label) -> CareerPath:
        """Return the career path that ends at `label`, with one learning path per move."""
        way = label.way()
        legs = []
        for here, there in itertools.pairwise(way):
            source = None if here.role is None else self.moves.ids[here.role]
            assert there.role is not None  # noqa: S101 (every move enters a role)
            role = self.moves.roles[there.role]
            legs.append(
                self.planner.path(
                    source, here.held, role, self.requirements(there.role), prefer=self.prefer
                )
            )
        return CareerPath(
            roles=[self.moves.ids[x.role] for x in way if x.role is not None],
            legs=legs,
            total_hours=math.fsum(leg.total_hours for leg in legs),
        )

    def no_path(self, limit: float, max_moves: int | None) -> NoPathError:
        """Return the error to raise: what binds, and the smallest limit that gives a path."""
        source = "the profile" if self.start.role is None else self.moves.ids[self.start.role]
        widest = self.search(limit=math.inf, max_moves=max_moves, combine=np.maximum)
        plural = "" if max_moves == 1 else "s"
        moves = "" if max_moves is None else f" in at most {max_moves} move{plural}"
        if not widest:
            needs = (
                "work in one of " + ", ".join(map(repr, self.target.experience))
                if self.target.experience
                else "work in a mid-level role or above"
            )
            reason = f"{self.target.id!r} cannot be entered{moves}: it needs {needs} first"
            return NoPathError(source, self.target.id, reason, None)
        way = widest[0].way()
        hardest = max(way[1:], key=lambda label: (label.hours, -label.moves))
        needed = widest[0].total
        assert hardest.role is not None  # noqa: S101 (every move enters a role)
        into = self.moves.ids[hardest.role]
        shown = math.ceil(needed * 10) / 10
        if needed <= limit + _EPSILON:  # pragma: no cover (only past the label budget)
            reason = f"none was found within the search's budget{moves}"
        else:
            reason = (
                f"every way{moves} has a move of more than {limit:g} hours;"
                f" the best needs {shown:g} hours for its largest move (into {into!r}):"
                f" max_step_hours >= {shown:g} gives a path"
            )
        return NoPathError(source, self.target.id, reason, needed)


def _question(  # noqa: PLR0917 (the public functions' options, passed on as they are)
    catalog: Catalog,
    source: Source,
    target: str | Role,
    max_step_hours: float,
    max_moves: int | None,
    worked_in: Iterable[str | Role],
    include_optional: bool,
    prefer: Prefer,
) -> tuple[_Trip, float, int | None]:
    """Check a career question's options and set it up: the trip, the limit, the moves."""
    limit = _check_hours("max_step_hours", max_step_hours)
    moves = None if max_moves is None else whole_number(max_moves, "max_moves")
    trip = _Trip(
        catalog,
        source,
        target,
        worked_in=worked_in,
        include_optional=include_optional,
        prefer=check_prefer(prefer),
    )
    return trip, limit, moves


def career_path(
    catalog: Catalog,
    source: Source,
    target: str | Role,
    *,
    max_step_hours: float = math.inf,
    max_moves: int | None = 3,
    worked_in: Iterable[str | Role] = (),
    include_optional: bool = False,
    prefer: Prefer = "standard",
) -> CareerPath:
    """Return the stepping-stone roles that lead to `target` in the fewest total hours.

    The learner keeps what they learn and, working in a role, comes to hold
    its profile; a move's hours are the learning path from what they hold
    then. No move may need more than `max_step_hours`, nor the path make
    more than `max_moves` moves; a role is entered only when the learner
    could be hired into it then: `SENIOR` and `LEAD` roles after work in a
    role of `MID` seniority or above, and a role that lists `experience`
    after work in one of those roles.

    Parameters
    ----------
    catalog : Catalog
    source : str, Role, Profile or mapping
        A role (the learner holds its profile and has worked in it) or a
        person's profile.
    target : str or Role
    max_step_hours : float, optional (default = math.inf)
        The most hours any one move may need.
    max_moves : int or None, optional (default = 3)
        The most moves the path may make (three job changes is as far as
        people plan); None for no limit, which searches far longer.
    worked_in : iterable of str or Role, optional (default = ())
        Roles a person has worked in: they hold those roles' profiles, and
        have the experience they give.
    include_optional : bool, optional (default = False)
        Whether the move into the target meets its optional requirements too.
    prefer : {"standard", "cheapest"}, optional (default = "standard")
        How each move chooses among alternatives, as in `learning_path`.

    Returns
    -------
    CareerPath
        With one `LearningPath` per move; fewest total hours, then fewest
        moves. With no limits, the total is at most the direct move's.

    Raises
    ------
    NoPathError
        If no chain of moves within the limits exists; the message names
        the smallest `max_step_hours` that would give a path (and the move
        that needs it), or what keeps the target out of reach.
    ArgumentError
        If `max_step_hours` is negative or not a number, or `max_moves` is
        not a whole number >= 1.
    UnknownItemError
        If `source`, `target` or a role of `worked_in` is not in `catalog`.

    Notes
    -----
    A label-setting search over partial paths (see the module's notes),
    exact while no role is reached by more than ``labels_per_role`` labels
    that none dominates, which holds on the built-in catalog; on catalogs
    of thousands of roles it is a heuristic whose gap is measured in
    ``docs/analysis.md``. Each priced move costs one `learning_path`.

    Examples
    --------
    >>> import ai_roles
    >>> cat = ai_roles.load_catalog()
    >>> career = career_path(cat, "data-scientist", "mlops-engineer", max_step_hours=1000)
    >>> career.roles[0], career.roles[-1]
    ('data-scientist', 'mlops-engineer')
    >>> direct = ai_roles.paths.learning_path(cat, "data-scientist", "mlops-engineer")
    >>> career.total_hours <= direct.total_hours
    True
    """
    trip, limit, moves = _question(
        catalog, source, target, max_step_hours, max_moves, worked_in, include_optional, prefer
    )
    found = trip.search(limit=limit, max_moves=moves)
    if moves is not None and moves > 2:  # past its budgets the search is a heuristic:
        fewer = trip.search(limit=limit, max_moves=moves - 1)  # never worse than one move less
        if fewer and (not found or fewer[0].total < found[0].total - _EPSILON):
            found = fewer
    if not found:
        raise trip.no_path(limit, moves)
    return trip.career(found[0])


def career_paths(
    catalog: Catalog,
    source: Source,
    target: str | Role,
    *,
    k: int = 3,
    max_step_hours: float = math.inf,
    max_moves: int | None = 3,
    worked_in: Iterable[str | Role] = (),
    include_optional: bool = False,
    prefer: Prefer = "standard",
) -> tuple[CareerPath, ...]:
    """Return up to `k` distinct career paths, fewest total hours first.

    Parameters are as for `career_path`, with `k` the number of paths
    wanted. Fewer are returned when fewer exist.

    Raises
    ------
    NoPathError
        If there is no path at all.
    ArgumentError
        If `k` is not a whole number >= 1, or a limit is not valid.

    Notes
    -----
    The engine of `career_path`, with each role expanded up to `k` times
    and no label dropped for being dominated (a dominated path may be the
    second best).

    Examples
    --------
    >>> import ai_roles
    >>> cat = ai_roles.load_catalog()
    >>> paths = career_paths(cat, "data-scientist", "mlops-engineer", k=2)
    >>> [p.roles[-1] for p in paths]
    ['mlops-engineer', 'mlops-engineer']
    >>> paths[0].total_hours <= paths[1].total_hours
    True
    """
    count = whole_number(k)
    trip, limit, moves = _question(
        catalog, source, target, max_step_hours, max_moves, worked_in, include_optional, prefer
    )
    found = trip.search(limit=limit, max_moves=moves, k=count)
    if not found:
        raise trip.no_path(limit, moves)
    return tuple(trip.career(label) for label in found)
