from __future__ import annotations

import itertools
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
    Profile,
    Requirement,
    Role,
    Skill,
    Tool,
    UnknownItemError,
)
from ai_roles.paths import (
    _planner,
    career_path,
    career_paths,
    learning_path,
    next_skills,
    skill_gap,
)
from strategies import catalogs, profiles

# --- an independent reference ---------------------------------------------------------


def brute_force_hours(
    catalog: Catalog, held: Profile, role: Role, *, include_optional: bool
) -> float:
    """Least hours over every combination of options, by plain enumeration."""
    requirements = [r for r in role.requirements if r.essential or include_optional]
    best = math.inf
    for choice in itertools.product(*(r.options for r in requirements)):
        wanted = dict(held.levels)
        for option, r in zip(choice, requirements, strict=True):
            wanted[option] = max(wanted.get(option, Level.NONE), r.level)
        final = catalog.closure(wanted)
        hours = math.fsum(
            catalog.hours(item, held.level(item), level) for item, level in final.levels.items()
        )
        best = min(best, hours)
    return best


def replay(catalog: Catalog, held: Profile, path) -> dict[str, Level]:
    """Apply the steps in order, checking each one's prerequisites and hours as it is taken."""
    levels = dict(held.levels)
    for step in path.steps:
        start = levels.get(step.item, Level.NONE)
        assert step.from_level == start
        assert step.to_level > start
        assert math.isclose(step.hours, catalog.hours(step.item, start, step.to_level))
        for p in catalog.item(step.item).prerequisites:
            assert levels.get(p.item, Level.NONE) >= p.level, f"{step.item} before {p.item}"
        levels[step.item] = step.to_level
    return levels


def meets(levels: dict[str, Level], requirement: Requirement) -> bool:
    return any(levels.get(o, Level.NONE) >= requirement.level for o in requirement.options)


@st.composite
def questions(draw, *, max_items: int = 7):
    """A catalog with at least one role, a person's profile in it and a target role."""
    catalog = draw(catalogs(max_items=max_items, min_roles=1, max_roles=3))
    profile = draw(profiles(catalog))
    role = draw(st.sampled_from(catalog.roles))
    return catalog, profile, role


# --- learning paths ---------------------------------------------------------------------


class TestLearningPathProperties:
    @given(questions(), st.booleans())
    def test_steps_are_valid_and_meet_the_target(self, question, include_optional):
        """(a) after the steps every considered requirement is met; (b) prerequisites come first."""
        catalog, profile, role = question
        held = catalog.closure(profile)
        path = learning_path(catalog, profile, role, include_optional=include_optional)
        levels = replay(catalog, held, path)
        for r in role.requirements:
            if r.essential or include_optional:
                assert meets(levels, r)
        assert math.isclose(path.total_hours, math.fsum(s.hours for s in path.steps))
        assert path.source is None
        assert path.target == role.id

    @given(questions(), st.booleans())
    def test_total_is_the_minimum(self, question, include_optional):
        """(c) the total equals a brute force over every combination of alternatives."""
        catalog, profile, role = question
        held = catalog.closure(profile)
        path = learning_path(catalog, profile, role, include_optional=include_optional)
        expected = brute_force_hours(catalog, held, role, include_optional=include_optional)
        assert math.isclose(expected, path.total_hours, abs_tol=1e-6)

    @given(questions())
    def test_milp_is_exact_too(self, question):
        """The 0-1 program used past the enumeration limit gives the same minimum."""
        catalog, profile, role = question
        held = catalog.closure(profile)
        requirements = [r for r in role.requirements if r.essential]
        path = _planner(catalog).path(None, dict(held.levels), role, requirements, limit=0)
        replay(catalog, held, path)
        expected = brute_force_hours(catalog, held, role, include_optional=False)
        assert math.isclose(expected, path.total_hours, abs_tol=1e-6)

    @given(questions(), st.data())
    def test_holding_more_never_costs_more(self, question, data):
        """(d) a profile that holds more never needs more hours."""
        catalog, profile, role = question
        extra = data.draw(profiles(catalog))
        more = {
            item: max(profile.level(item), extra.level(item))
            for item in {*profile.levels, *extra.levels}
        }
        less_hours = learning_path(catalog, profile, role).total_hours
        more_hours = learning_path(catalog, more, role).total_hours
        assert more_hours <= less_hours + 1e-9

    @given(questions())
    def test_deterministic(self, question):
        """(e) the same input, even rebuilt from its JSON, gives the same output."""
        catalog, profile, role = question
        again = ai_roles.loads(ai_roles.dumps(catalog))
        assert learning_path(catalog, profile, role) == learning_path(again, profile, role.id)

    @given(questions())
    def test_role_source_is_its_profile(self, question):
        """A role as the source stands for its profile."""
        catalog, _, role = question
        source = catalog.roles[0]
        by_role = learning_path(catalog, source, role)
        by_profile = learning_path(catalog, catalog.profile_of(source), role)
        assert by_role.steps == by_profile.steps
        assert by_role.source == source.id

    def test_a_role_to_itself_is_empty(self):
        """Nothing is left to learn to move into one's own role."""
        path = learning_path(ai_roles.load_catalog(), "data-scientist", "data-scientist")
        assert () == path.steps
        assert 0.0 == path.total_hours


def prerequisites_catalog() -> Catalog:
    """R is cheap but drags in nothing; Python is dear; pandas needs Python."""
    return Catalog(
        tools=[
            Tool(id="python", name="Python", hours=100),
            Tool(id="r", name="R", hours=60),
            Tool(id="pandas", name="pandas", hours=30, prerequisites=[("python", 2)]),
            Tool(id="docker", name="Docker", hours=30),
            Tool(id="kubernetes", name="Kubernetes", hours=60, prerequisites=[("docker", 2)]),
        ],
        roles=[
            Role(
                id="analyst",
                name="Analyst",
                requirements=[
                    Requirement(options=["python", "r"], level=3),
                    Requirement(options="pandas", level=2, importance=0.5),
                ],
            ),
            Role(id="ops", name="Ops", requirements=[Requirement(options="kubernetes", level=3)]),
        ],
    )


class TestLearningPathCases:
    def test_prerequisites_sway_the_choice(self):
        """Python costs more than R alone, but pandas needs Python anyway: choose Python."""
        cat = prerequisites_catalog()
        path = learning_path(cat, {}, "analyst")
        # Python to practitioner (100 h), pandas to working (0.4 x 30 = 12 h); R would add 60 h.
        assert [("python", Level.PRACTITIONER), ("pandas", Level.WORKING)] == [
            (s.item, s.to_level) for s in path.steps
        ]
        assert math.isclose(112.0, path.total_hours)
        assert "python" == path.chosen[0].option

    def test_what_is_held_is_used(self):
        """Someone holding R still learns Python for pandas, but not R again."""
        path = learning_path(prerequisites_catalog(), {"r": 3}, "analyst")
        assert "r" not in [s.item for s in path.steps]
        assert "r" == path.chosen[0].option

    def test_reasons(self):
        """A prerequisite says what it opens the way to; a requirement, whose it is."""
        path = learning_path(prerequisites_catalog(), {}, "ops")
        assert [("docker", "prerequisite of kubernetes"), ("kubernetes", "required by ops")] == [
            (s.item, s.reason) for s in path.steps
        ]

    def test_optional_requirements_on_request(self):
        """Optional requirements count only when asked for."""
        cat = Catalog(
            skills=[Skill(id="a", name="A"), Skill(id="b", name="B")],
            roles=[
                Role(
                    id="r", name="R", requirements=["a", Requirement(options="b", essential=False)]
                )
            ],
        )
        assert ["a"] == [s.item for s in learning_path(cat, {}, "r").steps]
        assert ["a", "b"] == [
            s.item for s in learning_path(cat, {}, "r", include_optional=True).steps
        ]

    def test_importance_orders_independent_steps(self):
        """Without prerequisites between them, the more important item comes first, then by id."""
        cat = Catalog(
            skills=[Skill(id=i, name=i.upper()) for i in ("a", "b", "c")],
            roles=[
                Role(
                    id="r",
                    name="R",
                    requirements=[
                        Requirement(options="a", importance=0.2),
                        Requirement(options="c", importance=0.9),
                        Requirement(options="b", importance=0.2),
                    ],
                )
            ],
        )
        assert ["c", "a", "b"] == [s.item for s in learning_path(cat, {}, "r").steps]


class TestBuiltinPaths:
    """Paths a practitioner recognises, on the built-in catalog."""

    @pytest.fixture
    def catalog(self) -> Catalog:
        return ai_roles.load_catalog()  # read once and shared

    def test_docker_before_kubernetes(self, catalog):
        """Data Scientist -> MLOps Engineer learns Docker before Kubernetes."""
        order = [s.item for s in learning_path(catalog, "data-scientist", "mlops-engineer").steps]
        assert order.index("docker") < order.index("kubernetes")

    def test_data_scientist_keeps_python(self, catalog):
        """Data Scientist -> ML Engineer keeps Python and learns no R."""
        path = learning_path(catalog, "data-scientist", "machine-learning-engineer")
        items = [s.item for s in path.steps]
        assert "r" not in items
        assert "python" not in items or path.steps[items.index("python")].from_level > Level.NONE

    def test_python_person_learns_no_r(self, catalog):
        """A person who knows Python is not sent to learn R for "Python or R"."""
        path = learning_path(catalog, {"python": "practitioner"}, "data-scientist")
        assert "r" not in [s.item for s in path.steps]
        assert Choice_option(path, "r") == "python"

    def test_mlops_path_covers_the_article(self, catalog):
        """The MLOps path from Data Scientist takes in the article's MLOps technologies."""
        path = learning_path(catalog, "data-scientist", "mlops-engineer")
        items = {s.item for s in path.steps}
        assert {"docker", "kubernetes", "ci-cd"} <= items
        assert len({"mlflow", "kubeflow"} & items) == 1


def Choice_option(path, option: str) -> str:  # noqa: N802 (reads as a lookup)
    """The option chosen for the requirement that has `option` among its options."""
    (choice,) = [c for c in path.chosen if option in c.options]
    return choice.option


# --- skill gaps ------------------------------------------------------------------------------


class TestSkillGap:
    @given(questions())
    def test_gaps_are_the_unmet_requirements(self, question):
        """One gap per unmet essential requirement, at the option the path chooses."""
        catalog, profile, role = question
        held = catalog.closure(profile)
        gaps = skill_gap(catalog, profile, role)
        unmet = [r for r in role.requirements if r.essential and not meets(dict(held.levels), r)]
        assert len(unmet) == len(gaps)
        chosen = {c.option for c in learning_path(catalog, profile, role).chosen}
        for gap in gaps:
            (requirement,) = [r for r in unmet if gap.item in r.options]
            assert gap.need == requirement.level
            assert gap.have == held.level(gap.item)
            assert math.isclose(gap.hours, catalog.hours(gap.item, gap.have, gap.need))
            assert len(requirement.options) == 1 or gap.item in chosen

    def test_order_and_optional(self):
        """Most important first; optional requirements only when asked for."""
        cat = Catalog(
            skills=[Skill(id=i, name=i) for i in ("a", "b", "c")],
            roles=[
                Role(
                    id="r",
                    name="R",
                    requirements=[
                        Requirement(options="a", importance=0.3),
                        Requirement(options="b", importance=0.8),
                        Requirement(options="c", essential=False),
                    ],
                )
            ],
        )
        assert ["b", "a"] == [g.item for g in skill_gap(cat, {}, "r")]
        assert ["c", "b", "a"] == [g.item for g in skill_gap(cat, {}, "r", include_optional=True)]
        assert () == skill_gap(cat, {"a": 2, "b": 2}, "r")


# --- career paths ------------------------------------------------------------------------------


def attempt(catalog, source, role, budget):
    """Return the career path and None, or None and the NoPathError raised."""
    try:
        return career_path(catalog, source, role, max_step_hours=budget), None
    except NoPathError as e:
        return None, e


class TestCareerPathProperties:
    @settings(max_examples=60)
    @given(questions(max_items=6), st.floats(0, 300))
    def test_legs_within_budget(self, question, budget):
        """Legs never exceed the budget, chain from source to target, and sum to the total."""
        catalog, profile, role = question
        career, error = attempt(catalog, profile, role, budget)
        if error is not None:
            assert error.needed is not None
            assert error.needed > budget
            return
        assert career.roles[-1] == role.id
        assert all(leg.total_hours <= budget + 1e-6 for leg in career.legs)
        assert math.isclose(career.total_hours, math.fsum(leg.total_hours for leg in career.legs))
        assert [leg.target for leg in career.legs] == list(career.roles[-len(career.legs) :])
        assert len(set(career.roles)) == len(career.roles)

    @settings(max_examples=60)
    @given(questions(max_items=6))
    def test_unlimited_equals_direct(self, question):
        """With no limit on a move, the total is the direct learning path's."""
        catalog, profile, role = question
        for source in (profile, catalog.roles[0]):
            career = career_path(catalog, source, role, max_step_hours=math.inf)
            direct = learning_path(catalog, source, role)
            assert math.isclose(direct.total_hours, career.total_hours, abs_tol=1e-6)

    @settings(max_examples=40)
    @given(questions(max_items=6), st.floats(0, 300))
    def test_needed_budget_gives_a_path(self, question, budget):
        """The budget a NoPathError names is enough, and no smaller budget is."""
        catalog, _, role = question
        source = catalog.roles[0]
        _, error = attempt(catalog, source, role, budget)
        if error is not None:
            career = career_path(catalog, source, role, max_step_hours=error.needed)
            assert max(leg.total_hours for leg in career.legs) == pytest.approx(error.needed)

    @settings(max_examples=40)
    @given(questions(max_items=6), st.integers(1, 4))
    def test_k_best(self, question, k):
        """career_paths gives distinct loopless paths, best first, the first career_path's."""
        catalog, _, role = question
        source = catalog.roles[0]
        found = career_paths(catalog, source, role, max_step_hours=math.inf, k=k)
        assert 1 <= len(found) <= k
        assert len({p.roles for p in found}) == len(found)
        totals = [p.total_hours for p in found]
        assert totals == sorted(totals)
        best = career_path(catalog, source, role, max_step_hours=math.inf)
        assert math.isclose(best.total_hours, totals[0], abs_tol=1e-6)
        for p in found:
            assert len(set(p.roles)) == len(p.roles)


class TestCareerPathCases:
    def ladder(self) -> Catalog:
        """Junior needs a; middle needs a, b; senior needs a, b, c; each 40 h to practitioner."""
        skills = [Skill(id=i, name=i.upper(), hours=40) for i in ("a", "b", "c")]
        return Catalog(
            skills=skills,
            roles=[
                Role(id="junior", name="Junior", requirements=[Requirement(options="a", level=3)]),
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
            ],
        )

    def test_stepping_stone(self):
        """A move of 80 h is split into two of 40 h through the middle role."""
        career = career_path(self.ladder(), "junior", "senior", max_step_hours=50)
        assert ("junior", "middle", "senior") == career.roles
        assert [40.0, 40.0] == [leg.total_hours for leg in career.legs]
        assert 80.0 == career.total_hours

    def test_direct_when_allowed(self):
        """With room for the whole move, there is no stepping stone."""
        career = career_path(self.ladder(), "junior", "senior", max_step_hours=80)
        assert ("junior", "senior") == career.roles

    def test_no_path_says_what_would_do(self):
        """Too small a budget: the error names the cheapest first move and the budget needed."""
        with pytest.raises(NoPathError) as info:
            career_path(self.ladder(), "junior", "senior", max_step_hours=30)
        assert info.value.needed == 40.0
        assert str(info.value) == (
            "no path from 'junior' to 'senior': the cheapest first move, into 'middle', needs"
            " 40.0 hours; max_step_hours >= 40.0 would give a path"
        )
        assert isinstance(info.value, ai_roles.NoPathError)

    def test_from_a_profile(self):
        """A person's profile starts the path; the roles list only roles."""
        career = career_path(self.ladder(), {}, "senior", max_step_hours=50)
        assert ("junior", "middle", "senior") == career.roles
        assert None is career.legs[0].source

    def test_to_itself(self):
        """A role to itself is a path of no moves."""
        career = career_path(self.ladder(), "senior", "senior", max_step_hours=0)
        assert ("senior",) == career.roles
        assert () == career.legs

    def test_k_paths(self):
        """The two best ways up the ladder: direct, then through the middle role."""
        found = career_paths(self.ladder(), "junior", "senior", max_step_hours=100, k=5)
        assert [("junior", "senior"), ("junior", "middle", "senior")] == [p.roles for p in found]

    def test_k_paths_none(self):
        """career_paths raises NoPathError like career_path when nothing fits."""
        with pytest.raises(NoPathError, match=re.escape("max_step_hours >= 40.0")):
            career_paths(self.ladder(), "junior", "senior", max_step_hours=10)


# --- next skills ---------------------------------------------------------------------------------


class TestNextSkills:
    @settings(max_examples=50)
    @given(questions(max_items=6), st.integers(1, 4))
    def test_savings_are_real(self, question, k):
        """Savings are what learning paths say before and after; the ranking is as documented."""
        catalog, profile, _ = question
        suggestions = next_skills(catalog, profile, k=k)
        assert len(suggestions) <= k
        ranks = [
            (
                -(math.fsum(s.saved.values()) / s.hours if s.hours else math.inf),
                -len(s.saved),
                -math.fsum(s.saved.values()),
                s.item,
            )
            for s in suggestions
        ]
        assert ranks == sorted(ranks)
        assert len({s.item for s in suggestions}) == len(suggestions)
        for s in suggestions:
            after = dict(profile.levels)
            after[s.item] = max(after.get(s.item, Level.NONE), s.level)
            for role, saved in s.saved.items():
                before_hours = learning_path(catalog, profile, role).total_hours
                after_hours = learning_path(catalog, after, role).total_hours
                assert math.isclose(saved, before_hours - after_hours, abs_tol=1e-6)
                assert saved > 0

    def test_shared_item_first(self):
        """The item two roles need beats the one only one role needs."""
        cat = Catalog(
            skills=[Skill(id="x", name="X", hours=40), Skill(id="y", name="Y", hours=60)],
            roles=[
                Role(id="a", name="A", requirements=[Requirement(options="x", level=3)]),
                Role(
                    id="b", name="B", requirements=[Requirement(options=o, level=3) for o in "xy"]
                ),
            ],
        )
        best = next_skills(cat, {}, k=2)
        assert ["x", "y"] == [s.item for s in best]  # x saves 40 h for each; y 60 h for b
        assert {"a": 40.0, "b": 40.0} == dict(best[0].saved)
        assert {"b": 60.0} == dict(best[1].saved)
        only_a = next_skills(cat, {}, targets=["a"])
        assert ["x"] == [s.item for s in only_a]

    def test_builtin(self):
        """For a Python and SQL person, every suggestion brings some role closer."""
        best = next_skills(ai_roles.load_catalog(), {"python": 3, "sql": 2}, k=5)
        assert len(best) == 5
        assert all(s.saved for s in best)


# --- errors ---------------------------------------------------------------------------------------


class TestErrors:
    @pytest.mark.parametrize(
        "call",
        [
            lambda c: learning_path(c, "data scientst", "mlops-engineer"),
            lambda c: learning_path(c, "data-scientist", "mlops enginer"),
            lambda c: skill_gap(c, "data-scientist", "mlops enginer"),
            lambda c: career_path(c, "data-scientist", "mlops enginer", max_step_hours=10),
            lambda c: next_skills(c, {"pyton": 3}),
            lambda c: next_skills(c, {}, targets=["nope"]),
        ],
    )
    def test_unknown(self, call):
        """Unknown roles and items raise UnknownItemError, which is also a KeyError."""
        with pytest.raises(UnknownItemError):
            call(ai_roles.load_catalog())

    def test_suggestion(self):
        """The error suggests the role that was meant."""
        with pytest.raises(UnknownItemError, match=re.escape("did you mean 'mlops-engineer'")):
            learning_path(ai_roles.load_catalog(), "data-scientist", "mlops enginer")

    @pytest.mark.parametrize("hours", [-1, math.nan, "10", None, True])
    def test_bad_max_step_hours(self, hours):
        """A negative or non-numeric budget names the argument."""
        with pytest.raises(ArgumentError, match=r"^max_step_hours: "):
            career_path(
                ai_roles.load_catalog(), "data-scientist", "mlops-engineer", max_step_hours=hours
            )

    @pytest.mark.parametrize("k", [0, -2, 1.5, True])
    def test_bad_k(self, k):
        """k must be a whole number >= 1, for next_skills and career_paths."""
        cat = ai_roles.load_catalog()
        with pytest.raises(ArgumentError, match=r"^k: "):
            next_skills(cat, {}, k=k)
        with pytest.raises(ArgumentError, match=r"^k: "):
            career_paths(cat, "data-scientist", "mlops-engineer", max_step_hours=math.inf, k=k)


def test_results_serialise():
    """Paths, gaps and suggestions are documents that round-trip through JSON and TOML."""
    cat = ai_roles.load_catalog()
    results = [
        learning_path(cat, "data-scientist", "mlops-engineer"),
        learning_path(cat, {"python": 3}, "mlops-engineer"),
        skill_gap(cat, "data-scientist", "mlops-engineer"),
        career_path(cat, "data-scientist", "mlops-engineer", max_step_hours=math.inf),
        next_skills(cat, {"python": 3}),
    ]
    for result in results:
        for fmt in ("json", "toml"):
            assert result == ai_roles.loads(ai_roles.dumps(result, fmt), fmt)
