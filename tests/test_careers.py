from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ai_roles
from ai_roles import (
    ArgumentError,
    Catalog,
    Level,
    NoPathError,
    Requirement,
    Role,
    Seniority,
    Skill,
    UnknownItemError,
)
from ai_roles.careers import career_path, career_paths
from ai_roles.paths import learning_path
from strategies import catalogs, profiles

# --- an independent reference: the learner model, by enumeration ------------------------------


def on_the_job(catalog: Catalog, held: dict[str, Level], role: Role) -> dict[str, Level]:
    """What a learner holds after working in `role`: every requirement through the option they
    hold highest (else the first), at its level, closed as a profile is."""
    levels = dict(held)
    for r in role.requirements:
        option = max(r.options, key=lambda o: (levels.get(o, Level.NONE), -r.options.index(o)))
        levels[option] = max(levels.get(option, Level.NONE), r.level)
    return dict(catalog.closure(levels).levels)


def enterable(role: Role, worked: set[str], *, mid: bool, rank: int = 0) -> bool:
    """Whether a learner who worked in `worked` could be hired into `role`.

    `rank` is the highest seniority worked at: a stepping stone below it is a step down.
    """
    if role.id in worked or role.seniority < rank:
        return False
    if role.experience:
        return bool(worked & set(role.experience))
    return role.seniority < Seniority.SENIOR or mid


def brute_force(catalog, source, target, *, limit, max_moves, include_optional=False):
    """The least total hours over every chain of at most `max_moves` moves, or None."""
    target = catalog.role(target)
    if isinstance(source, str):
        start = catalog.role(source)
        held = on_the_job(catalog, dict(catalog.profile_of(start).levels), start)
        worked, mid, rank = {start.id}, start.seniority >= Seniority.MID, start.seniority
    else:
        held, worked, mid = dict(catalog.closure(source).levels), set(), False
        rank = 0
    best = math.inf

    def walk(held, worked, mid, rank, total, *, moves):
        nonlocal best
        if enterable(target, worked, mid=mid):
            last = learning_path(catalog, held, target, include_optional=include_optional)
            if last.total_hours <= limit + 1e-9:
                best = min(best, total + last.total_hours)
        if moves + 1 >= max_moves:
            return
        for role in catalog.roles:
            if role.id == target.id or not enterable(role, worked, mid=mid, rank=rank):
                continue
            leg = learning_path(catalog, held, role)
            if leg.total_hours > limit + 1e-9:
                continue
            after = dict(held)
            for step in leg.steps:
                after[step.item] = step.to_level
            walk(
                on_the_job(catalog, after, role),
                worked | {role.id},
                mid or role.seniority >= Seniority.MID,
                max(rank, role.seniority),
                total + leg.total_hours,
                moves=moves + 1,
            )

    walk(held, worked, mid, rank, 0.0, moves=0)
    return None if best == math.inf else best


@st.composite
def trips(draw):
    """A small catalog, a source (a role or a person), a target, a limit and a number of moves."""
    catalog = draw(catalogs(max_items=6, min_roles=2, max_roles=4))
    target = draw(st.sampled_from(catalog.roles)).id
    others = [r.id for r in catalog.roles if r.id != target]
    source = draw(st.one_of(st.sampled_from(others), profiles(catalog).map(lambda p: p.levels)))
    limit = draw(st.one_of(st.just(math.inf), st.floats(0, 400)))
    return catalog, source, target, limit, draw(st.integers(1, 3))


def attempt(catalog, source, target, **limits):
    """Return the career path and None, or None and the NoPathError raised."""
    try:
        return career_path(catalog, source, target, **limits), None
    except NoPathError as e:
        return None, e


# --- properties -------------------------------------------------------------------------------


class TestCareerPathProperties:
    @settings(max_examples=max(1, settings().max_examples * 2 // 5))
    @given(trips())
    def test_exact_against_enumeration(self, trip):
        """The total is the least over every chain of moves, found by enumeration."""
        catalog, source, target, limit, moves = trip
        expected = brute_force(catalog, source, target, limit=limit, max_moves=moves)
        career, error = attempt(catalog, source, target, max_step_hours=limit, max_moves=moves)
        if expected is None:
            assert error is not None
        else:
            assert career is not None
            assert math.isclose(expected, career.total_hours, abs_tol=1e-6)

    @settings(max_examples=max(1, settings().max_examples * 3 // 10))
    @given(trips())
    def test_legs_chain_and_respect_the_limits(self, trip):
        """Legs stay within the limits, chain from source to target and sum to the total."""
        catalog, source, target, limit, moves = trip
        career, error = attempt(catalog, source, target, max_step_hours=limit, max_moves=moves)
        if error is not None:
            assert error.needed is None or error.needed > limit
            return
        assert career.roles[-1] == target
        assert len(career.legs) <= moves
        assert all(leg.total_hours <= limit + 1e-6 for leg in career.legs)
        assert math.isclose(career.total_hours, math.fsum(leg.total_hours for leg in career.legs))
        assert [leg.target for leg in career.legs] == list(career.roles[-len(career.legs) :])
        assert len(set(career.roles)) == len(career.roles)
        roles = {r.id: r for r in catalog.roles}
        worked = {career.roles[0]} if isinstance(source, str) else set()
        mid = isinstance(source, str) and roles[source].seniority >= Seniority.MID
        rank = roles[source].seniority if isinstance(source, str) else 0
        for leg in career.legs:
            stone = leg.target != target
            assert enterable(roles[leg.target], worked, mid=mid, rank=rank if stone else 0)
            worked.add(leg.target)
            mid = mid or roles[leg.target].seniority >= Seniority.MID
            rank = max(rank, roles[leg.target].seniority)

    @settings(max_examples=max(1, settings().max_examples // 5))
    @given(trips())
    def test_at_most_the_direct_move(self, trip):
        """With no limit on a move, stepping stones never cost more than the direct move."""
        catalog, source, target, _, moves = trip
        career, _ = attempt(catalog, source, target, max_moves=moves)
        if career is not None and len(career.legs) > 0 and isinstance(source, str):
            role = catalog.role(target)
            if not role.experience and role.seniority < Seniority.SENIOR:
                direct = learning_path(catalog, source, target).total_hours
                assert career.total_hours <= direct + 1e-6

    @settings(max_examples=max(1, settings().max_examples // 5))
    @given(trips())
    def test_needed_limit_gives_a_path(self, trip):
        """The limit a NoPathError names gives a path, whose largest move needs just that."""
        catalog, source, target, limit, moves = trip
        _, error = attempt(catalog, source, target, max_step_hours=limit, max_moves=moves)
        if error is not None and error.needed is not None:
            career = career_path(
                catalog, source, target, max_step_hours=error.needed, max_moves=moves
            )
            assert max(leg.total_hours for leg in career.legs) == pytest.approx(error.needed)

    @settings(max_examples=max(1, settings().max_examples // 5))
    @given(trips(), st.integers(1, 4))
    def test_k_best(self, trip, k):
        """career_paths gives distinct loopless paths, best first, the first career_path's."""
        catalog, source, target, limit, moves = trip
        best, error = attempt(catalog, source, target, max_step_hours=limit, max_moves=moves)
        if error is not None:
            with pytest.raises(NoPathError):
                career_paths(catalog, source, target, k=k, max_step_hours=limit, max_moves=moves)
            return
        found = career_paths(catalog, source, target, k=k, max_step_hours=limit, max_moves=moves)
        assert 1 <= len(found) <= k
        assert len({p.roles for p in found}) == len(found)
        totals = [p.total_hours for p in found]
        assert totals == sorted(totals)
        assert math.isclose(best.total_hours, totals[0], abs_tol=1e-6)


# --- cases ------------------------------------------------------------------------------------


def ladder() -> Catalog:
    """Junior needs a; middle needs a, b; senior needs a, b, c; each 40 h to practitioner."""
    skills = [Skill(id=i, name=i.upper(), hours=40) for i in ("a", "b", "c")]
    return Catalog(
        skills=skills,
        roles=[
            Role(
                id="junior",
                name="Junior",
                seniority="entry",
                requirements=[Requirement(options="a", level=3)],
            ),
            Role(
                id="middle",
                name="Middle",
                requirements=[Requirement(options=o, level=3) for o in "ab"],
            ),
            Role(
                id="senior",
                name="Senior",
                requirements=[Requirement(options=o, level=3) for o in "abc"],
            ),
            Role(
                id="lead",
                name="Lead",
                seniority="lead",
                experience=["senior"],
                requirements=[Requirement(options="a", level=3)],
            ),
        ],
    )


def on_the_job_catalog() -> Catalog:
    """Working as an analyst teaches b on the job (an optional requirement)."""
    skills = [Skill(id=i, name=i.upper(), hours=100) for i in ("a", "b", "c")]
    return Catalog(
        skills=skills,
        roles=[
            Role(id="start", name="Start", requirements=[Requirement(options="a", level=3)]),
            Role(
                id="analyst",
                name="Analyst",
                requirements=[
                    Requirement(options="c", level=1),
                    Requirement(options="b", level=3, essential=False),
                ],
            ),
            Role(
                id="goal",
                name="Goal",
                requirements=[Requirement(options=o, level=3) for o in "ab"],
            ),
        ],
    )


class TestCareerPathCases:
    def test_stepping_stone(self):
        """A move of 80 h is split into two of 40 h through the middle role."""
        career = career_path(ladder(), "junior", "senior", max_step_hours=50)
        assert ("junior", "middle", "senior") == career.roles
        assert [40.0, 40.0] == [leg.total_hours for leg in career.legs]
        assert 80.0 == career.total_hours

    def test_direct_when_allowed(self):
        """With room for the whole move, the direct move and a stepping stone tie: fewer moves."""
        career = career_path(ladder(), "junior", "senior", max_step_hours=80)
        assert ("junior", "senior") == career.roles

    def test_learner_keeps_what_on_the_job_teaches(self):
        """A stepping stone that teaches b on the job makes the whole way cheaper than direct."""
        cat = on_the_job_catalog()
        direct = learning_path(cat, "start", "goal").total_hours
        career = career_path(cat, "start", "goal")
        assert 100.0 == direct
        assert ("start", "analyst", "goal") == career.roles
        assert [10.0, 0.0] == [leg.total_hours for leg in career.legs]
        assert ("a", "b") == career.legs[1].carried

    def test_max_moves(self):
        """With one move allowed, the direct move is the only way."""
        career = career_path(on_the_job_catalog(), "start", "goal", max_moves=1)
        assert ("start", "goal") == career.roles

    def test_roles_that_need_experience(self):
        """A person with every skill but no work history is not hired straight into the lead
        role, which needs work as a senior: they go through the senior role first."""
        cat = ladder()
        with pytest.raises(NoPathError) as info:
            career_path(cat, {"a": 3, "b": 3, "c": 3}, "lead", max_moves=1)
        assert info.value.needed is None
        assert "it needs work in one of 'senior' first" in str(info.value)
        career = career_path(cat, {"a": 3, "b": 3, "c": 3}, "lead")
        assert ("senior", "lead") == career.roles

    def test_senior_roles_need_a_mid_level_role(self):
        """A senior role is entered from a mid-level role, not from an entry-level one."""
        cat = Catalog(
            skills=[Skill(id="a", name="A")],
            roles=[
                Role(id="intern", name="Intern", seniority="entry", requirements=["a"]),
                Role(id="mid", name="Mid", requirements=["a"]),
                Role(id="staff", name="Staff", seniority="senior", requirements=["a"]),
            ],
        )
        assert ("intern", "mid", "staff") == career_path(cat, "intern", "staff").roles
        with pytest.raises(NoPathError, match="work in a mid-level role or above"):
            career_path(cat, "intern", "staff", max_moves=1)

    def test_no_step_down_on_the_way(self):
        """An entry role is no stepping stone for a mid-level person, though it can be the
        target, and a person with no work history may start there."""
        cat = Catalog(
            skills=[Skill(id="a", name="A", hours=100), Skill(id="b", name="B", hours=100)],
            roles=[
                Role(
                    id="analyst", name="Analyst", requirements=[Requirement(options="a", level=3)]
                ),
                Role(
                    id="labeller",
                    name="Labeller",
                    seniority="entry",
                    requirements=[Requirement(options="b", level=2)],
                ),
                Role(
                    id="engineer",
                    name="Engineer",
                    requirements=[Requirement(options=o, level=3) for o in "ab"],
                ),
            ],
        )
        # b to practitioner is 100 h: in two moves of at most 60 h only through the labeller
        with pytest.raises(NoPathError):
            career_path(cat, "analyst", "engineer", max_step_hours=60)
        assert ("analyst", "labeller") == career_path(cat, "analyst", "labeller").roles
        person = career_path(cat, {"a": 3}, "engineer", max_step_hours=60)
        assert ("labeller", "engineer") == person.roles

    def test_worked_in_counts(self):
        """A person who has worked as a senior can be hired as the lead."""
        career = career_path(ladder(), {"a": 3}, "lead", worked_in=["senior"])
        assert ("lead",) == career.roles
        assert 0.0 == career.total_hours

    def test_no_path_says_what_would_do(self):
        """Too small a limit: the error names the limit that would do, and the move that binds."""
        with pytest.raises(NoPathError) as info:
            career_path(ladder(), "junior", "senior", max_step_hours=30)
        assert 40.0 == info.value.needed
        assert str(info.value) == (
            "no path from 'junior' to 'senior': every way in at most 3 moves has a move of more"
            " than 30 hours; the best needs 40 hours for its largest move (into 'middle'):"
            " max_step_hours >= 40 gives a path"
        )

    def test_from_a_profile(self):
        """A person's profile starts the path; the roles list only roles."""
        career = career_path(ladder(), {}, "senior", max_step_hours=50)
        assert ("junior", "middle", "senior") == career.roles
        assert None is career.legs[0].source

    def test_to_itself(self):
        """A role to itself is a path of no moves."""
        career = career_path(ladder(), "senior", "senior", max_step_hours=0)
        assert ("senior",) == career.roles
        assert () == career.legs

    def test_k_paths(self):
        """The ways up the ladder, fewest hours first, then fewest moves."""
        found = career_paths(ladder(), "junior", "senior", max_step_hours=100, k=5)
        assert [("junior", "senior"), ("junior", "middle", "senior")] == [p.roles for p in found]

    def test_k_paths_none(self):
        """career_paths raises NoPathError like career_path when nothing fits."""
        with pytest.raises(NoPathError, match=re.escape("max_step_hours >= 40 gives a path")):
            career_paths(ladder(), "junior", "senior", max_step_hours=10)


class TestBuiltin:
    """Exact on the built-in catalog: every chain of at most three moves, enumerated."""

    @pytest.mark.parametrize(
        ("source", "target", "limit"),
        [
            ("statistician", "machine-learning-engineer", 1100),
            ("ai-product-manager", "ai-research-scientist", 3000),
        ],
    )
    def test_exact(self, source, target, limit):
        """The engine's total is the enumeration's (about 2 s each: ~1,000 learning paths)."""
        cat = ai_roles.load_catalog()
        expected = brute_force(cat, source, target, limit=limit, max_moves=3)
        career = career_path(cat, source, target, max_step_hours=limit, max_moves=3)
        assert math.isclose(expected, career.total_hours, abs_tol=1e-6)


class TestErrors:
    @pytest.mark.parametrize("hours", [-1, math.nan, "10", None, True])
    def test_bad_max_step_hours(self, hours):
        """A negative or non-numeric limit names the argument."""
        with pytest.raises(ArgumentError, match=r"^max_step_hours: "):
            career_path(
                ai_roles.load_catalog(), "data-scientist", "mlops-engineer", max_step_hours=hours
            )

    @pytest.mark.parametrize("moves", [0, -2, 1.5, True])
    def test_bad_max_moves(self, moves):
        """max_moves must be a whole number >= 1 (or None)."""
        with pytest.raises(ArgumentError, match=r"^max_moves: "):
            career_path(
                ai_roles.load_catalog(), "data-scientist", "mlops-engineer", max_moves=moves
            )

    @pytest.mark.parametrize("k", [0, -2, 1.5, True])
    def test_bad_k(self, k):
        """k must be a whole number >= 1."""
        with pytest.raises(ArgumentError, match=r"^k: "):
            career_paths(ai_roles.load_catalog(), "data-scientist", "mlops-engineer", k=k)

    @pytest.mark.parametrize(
        "call",
        [
            lambda c: career_path(c, "data-scientist", "mlops enginer"),
            lambda c: career_path(c, "data-scientist", "mlops-engineer", worked_in=["nope"]),
        ],
    )
    def test_unknown(self, call):
        """Unknown roles raise UnknownItemError."""
        with pytest.raises(UnknownItemError):
            call(ai_roles.load_catalog())


def test_results_serialise():
    """Career paths are documents that round-trip through JSON and TOML."""
    career = career_path(ai_roles.load_catalog(), "statistician", "machine-learning-engineer")
    for fmt in ("json", "toml"):
        assert career == ai_roles.loads(ai_roles.dumps(career, fmt), fmt)


class TestBudgets:
    """The budgets that bound the search at ESCO scale, exercised on small catalogs."""

    def fan(self, stones: int) -> Catalog:
        """A start role, `stones` roles that each teach `x` on the job, a hub and a target."""
        skills = [Skill(id=i, name=i.upper(), hours=40) for i in ("a", "x", "y")]
        roles = [Role(id="start", name="Start", requirements=[Requirement(options="a", level=3)])]
        roles += [
            Role(
                id=f"stone{n}",
                name=f"Stone {n}",
                requirements=[
                    Requirement(options="a", level=1),
                    Requirement(options="x", level=3, essential=False),
                ],
            )
            for n in range(stones)
        ]
        roles.append(
            Role(
                id="hub",
                name="Hub",
                requirements=[
                    Requirement(options="x", level=1),
                    Requirement(options="y", level=3, essential=False),
                ],
            )
        )
        roles.append(
            Role(
                id="target",
                name="Target",
                requirements=[Requirement(options=o, level=3) for o in ("a", "x", "y")],
            )
        )
        return Catalog(skills=skills, roles=roles)

    def test_moves_per_label(self, monkeypatch):
        """With one move tried per label, the target is still always tried: a path is found,
        never worse than the direct move."""
        monkeypatch.setattr("ai_roles.careers.MOVES_PER_LABEL", 1)
        cat = self.fan(3)
        career = career_path(cat, "start", "target")
        assert "target" == career.roles[-1]
        assert career.total_hours <= learning_path(cat, "start", "target").total_hours

    def test_labels_per_role(self, monkeypatch):
        """With many ways into the hub, only the budgeted labels are expanded; on this catalog
        the first ones are the best, so the answer stays exact."""
        monkeypatch.setattr("ai_roles.careers.LABEL_BUDGET", 0)
        cat = self.fan(6)
        career = career_path(cat, "start", "target", max_moves=3)
        expected = brute_force(cat, "start", "target", limit=math.inf, max_moves=3)
        assert math.isclose(expected, career.total_hours)
        assert ("start", "stone0", "hub", "target") == career.roles

    def test_dominated_orders(self):
        """Two stepping stones taken in either order reach the hub knowing the same: the second
        order is not expanded again, and the answer is the enumeration's."""
        cat = self.fan(2)
        career = career_path(cat, "start", "target", max_moves=4)
        expected = brute_force(cat, "start", "target", limit=math.inf, max_moves=4)
        assert math.isclose(expected, career.total_hours)


def test_old_imports_warn():
    """The functions that moved out of ai_roles.paths are still found there, with a warning."""
    import ai_roles.paths  # noqa: PLC0415

    with pytest.warns(DeprecationWarning, match=r"moved to ai_roles\.careers\.career_path"):
        assert career_path is ai_roles.paths.career_path
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        _ = ai_roles.paths.nothing


def test_unreachable_experience_is_reported():
    """A target that needs experience no path can give is reported as such, after every way
    (both orders of the stepping stones included, the second dropped as dominated) is tried."""
    base = TestBudgets().fan(2)
    roles = [
        *[r for r in base.roles if r.id != "target"],
        Role(id="gate", name="Gate", seniority="senior", experience=["target"]),
        Role(id="target", name="Target", experience=["gate"], requirements=["a"]),
    ]
    cat = Catalog(skills=base.skills, roles=roles)
    with pytest.raises(NoPathError, match="it needs work in one of 'gate' first") as info:
        career_path(cat, "start", "target", max_moves=4)
    assert info.value.needed is None


def test_never_worse_than_one_move_less(monkeypatch):
    """Should the bounded search miss with three moves what it finds with two (it is a heuristic
    past its budgets), career_path still answers with the two-move path."""
    from ai_roles import careers  # noqa: PLC0415

    search = careers._Trip.search

    def missing_three(self, *, limit, max_moves, **options):
        return [] if max_moves == 3 else search(self, limit=limit, max_moves=max_moves, **options)

    monkeypatch.setattr(careers._Trip, "search", missing_three)
    career = career_path(ladder(), "junior", "senior", max_step_hours=50)
    assert ("junior", "middle", "senior") == career.roles
