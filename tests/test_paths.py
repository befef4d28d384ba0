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
    Profile,
    Requirement,
    Role,
    Skill,
    Tool,
    UnknownItemError,
)
from ai_roles._planner import GROUP_TRANSFER, PREFERENCE_MARGIN, planner
from ai_roles.paths import learning_path, skill_gap
from ai_roles.results import Reason
from strategies import catalogs, profiles

# --- an independent reference ---------------------------------------------------------
#
# The learner model of docs/analysis.md, written again in the plainest way: every
# combination of options is tried, costs are computed from the definitions.


_TRANSFERS: dict[int, tuple[Catalog, dict[str, dict[str, float]]]] = {}


def transfers(catalog: Catalog) -> dict[str, dict[str, float]]:
    """For each item, the items whose knowledge discounts it, with their factor (cached)."""
    cached = _TRANSFERS.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    found: dict[str, dict[str, float]] = {}
    for role in catalog.roles:
        for r in role.requirements:
            for a, b in itertools.permutations(r.options, 2):
                found.setdefault(b, {})[a] = GROUP_TRANSFER
    for item in catalog.items:
        for related in item.related:
            found.setdefault(item.id, {})[related.item] = related.transfer
    _TRANSFERS.clear()
    _TRANSFERS[id(catalog)] = (catalog, found)
    return found


def climb(catalog: Catalog, held: dict[str, Level], item: str, start: Level, end: Level) -> float:
    """Hours to raise `item` from `start` to `end` for a learner who held `held` at the start."""
    if end <= start:
        return 0.0
    category = catalog.item(item).category

    def share(level: Level) -> float:
        return catalog.effort.share(level, category)

    saved = max(
        (
            factor
            * (
                share(min(end, held.get(source, Level.NONE)))
                - share(min(start, held.get(source, Level.NONE)))
            )
            for source, factor in transfers(catalog).get(item, {}).items()
        ),
        default=0.0,
    )
    return catalog.item(item).hours * (share(end) - share(start) - saved)


def with_prerequisites(catalog: Catalog, levels: dict[str, Level]) -> dict[str, Level]:
    """`levels` closed under prerequisites only (learning an item gives no tool credit)."""
    levels = dict(levels)
    stack = list(levels)
    while stack:
        for p in catalog.item(stack.pop()).prerequisites:
            if levels.get(p.item, Level.NONE) < p.level:
                levels[p.item] = p.level
                stack.append(p.item)
    return levels


def hours_to(catalog: Catalog, held: dict[str, Level], final: dict[str, Level]) -> float:
    return math.fsum(
        climb(catalog, held, i, held.get(i, Level.NONE), lv)
        for i, lv in final.items()
        if lv > held.get(i, Level.NONE)
    )


def margins(
    catalog: Catalog, start: dict[str, Level], requirements: list[Requirement], prefer: str
) -> list[tuple[str, Level, float]]:
    """For each requirement left open once single options are learned: its preferred option,
    the level, and the margin charged when the final levels do not hold it there."""
    base = dict(start)
    for r in requirements:
        if len(r.options) == 1 and not meets(start, r):
            base[r.options[0]] = max(base.get(r.options[0], Level.NONE), r.level)
    base = with_prerequisites(catalog, base)
    found = []
    for r in requirements:
        if not meets(base, r):
            preferred = max(
                r.options, key=lambda o: (start.get(o, Level.NONE), -r.options.index(o))
            )
            alone = with_prerequisites(catalog, {**base, preferred: r.level})
            cost = hours_to(catalog, start, alone) - hours_to(catalog, start, base)
            margin = PREFERENCE_MARGIN * cost if prefer == "standard" else 0.0
            found.append((preferred, r.level, margin))
    return found


def charged(final: dict[str, Level], open_margins: list[tuple[str, Level, float]]) -> float:
    return math.fsum(m for item, level, m in open_margins if final.get(item, Level.NONE) < level)


def brute_force(
    catalog: Catalog, held: Profile, role: Role, *, include_optional: bool, prefer: str
) -> float:
    """Least objective over every combination of options: hours, plus the margin for each
    requirement whose preferred option the final levels do not hold (with "standard")."""
    start = dict(held.levels)
    requirements = to_meet(role, include_optional=include_optional)
    open_margins = margins(catalog, start, requirements, prefer)
    best = math.inf
    for choice in itertools.product(*(r.options for r in requirements)):
        wanted = dict(start)
        for option, r in zip(choice, requirements, strict=True):
            if not meets(start, r):
                wanted[option] = max(wanted.get(option, Level.NONE), r.level)
        final = with_prerequisites(catalog, wanted)
        best = min(best, hours_to(catalog, start, final) + charged(final, open_margins))
    return best


def objective(
    catalog: Catalog, held: Profile, role: Role, path, *, include_optional: bool, prefer: str
) -> float:
    """The path's value of the objective `brute_force` minimises."""
    start = dict(held.levels)
    final = dict(start)
    for step in path.steps:
        final[step.item] = step.to_level
    requirements = to_meet(role, include_optional=include_optional)
    return path.total_hours + charged(final, margins(catalog, start, requirements, prefer))


def to_meet(role: Role, *, include_optional: bool = False) -> list[Requirement]:
    """The requirements a move must meet: the essential ones, or all of them when asked or
    when none is essential (a role is never entered for nothing)."""
    if include_optional or not any(r.essential for r in role.requirements):
        return list(role.requirements)
    return [r for r in role.requirements if r.essential]


def replay(catalog: Catalog, held: Profile, path) -> dict[str, Level]:
    """Apply the steps in order, checking each one's prerequisites and hours as it is taken."""
    start = dict(held.levels)
    levels = dict(start)
    for step in path.steps:
        begin = levels.get(step.item, Level.NONE)
        assert step.from_level == begin
        assert step.to_level > begin
        assert math.isclose(
            step.hours, climb(catalog, start, step.item, begin, step.to_level), abs_tol=1e-9
        )
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


# The brute force is exponential in the alternatives: half the usual examples in the suite
# (the "thorough" profile of conftest.py runs many more).
PROPERTY = settings(max_examples=max(1, settings().max_examples // 2))


# --- learning paths ---------------------------------------------------------------------


class TestLearningPathProperties:
    @PROPERTY
    @given(questions(), st.booleans())
    def test_steps_are_valid_and_meet_the_target(self, question, include_optional):
        """(a) after the steps every considered requirement is met; (b) prerequisites come first."""
        catalog, profile, role = question
        held = catalog.closure(profile)
        path = learning_path(catalog, profile, role, include_optional=include_optional)
        levels = replay(catalog, held, path)
        for r in to_meet(role, include_optional=include_optional):
            assert meets(levels, r)
        assert math.isclose(path.total_hours, math.fsum(s.hours for s in path.steps))
        assert path.source is None
        assert path.target == role.id

    @PROPERTY
    @given(questions(), st.booleans(), st.sampled_from(["standard", "cheapest"]))
    def test_total_is_the_minimum(self, question, include_optional, prefer):
        """(c) the objective equals a brute force over every combination of alternatives.

        With "cheapest" the objective is the hours alone: the exact minimum.
        """
        catalog, profile, role = question
        held = catalog.closure(profile)
        path = learning_path(
            catalog, profile, role, include_optional=include_optional, prefer=prefer
        )
        expected = brute_force(
            catalog, held, role, include_optional=include_optional, prefer=prefer
        )
        actual = objective(
            catalog, held, role, path, include_optional=include_optional, prefer=prefer
        )
        assert math.isclose(expected, actual, abs_tol=1e-6)

    @PROPERTY
    @given(questions(), st.sampled_from(["standard", "cheapest"]))
    def test_milp_is_exact_too(self, question, prefer):
        """The 0-1 program used past the enumeration limit reaches the same objective."""
        catalog, profile, role = question
        held = catalog.closure(profile)
        requirements = to_meet(role)
        path = planner(catalog).path(
            None, dict(held.levels), role, requirements, prefer=prefer, limit=0
        )
        replay(catalog, held, path)
        expected = brute_force(catalog, held, role, include_optional=False, prefer=prefer)
        actual = objective(catalog, held, role, path, include_optional=False, prefer=prefer)
        assert math.isclose(expected, actual, abs_tol=1e-6)

    @PROPERTY
    @given(questions())
    def test_standard_never_cheaper_than_cheapest(self, question):
        """The advised path never needs fewer hours than the cheapest."""
        catalog, profile, role = question
        cheapest = learning_path(catalog, profile, role, prefer="cheapest").total_hours
        standard = learning_path(catalog, profile, role).total_hours
        assert cheapest <= standard + 1e-6

    @PROPERTY
    @given(questions(), st.data())
    def test_holding_more_never_costs_more(self, question, data):
        """(d) a profile that holds more never needs more hours."""
        catalog, profile, role = question
        extra = data.draw(profiles(catalog))
        more = {
            item: max(profile.level(item), extra.level(item))
            for item in {*profile.levels, *extra.levels}
        }
        less_hours = learning_path(catalog, profile, role, prefer="cheapest").total_hours
        more_hours = learning_path(catalog, more, role, prefer="cheapest").total_hours
        assert more_hours <= less_hours + 1e-9

    @PROPERTY
    @given(questions())
    def test_deterministic(self, question):
        """(e) the same input, even rebuilt from its JSON, gives the same output."""
        catalog, profile, role = question
        again = ai_roles.loads(ai_roles.dumps(catalog))
        assert learning_path(catalog, profile, role) == learning_path(again, profile, role.id)

    @PROPERTY
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
        assert [
            ("docker", Reason(kind="prerequisite", of="kubernetes", level=Level.WORKING)),
            ("kubernetes", Reason(kind="required", of="ops", level=Level.PRACTITIONER)),
        ] == [(s.item, s.reason) for s in path.steps]

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
    @PROPERTY
    @given(questions())
    def test_gaps_are_the_unmet_requirements(self, question):
        """One gap per unmet essential requirement, at the option the path chooses."""
        catalog, profile, role = question
        held = catalog.closure(profile)
        gaps = skill_gap(catalog, profile, role)
        unmet = [r for r in to_meet(role) if not meets(dict(held.levels), r)]
        assert len(unmet) == len(gaps)
        chosen = {c.option for c in learning_path(catalog, profile, role).chosen}
        for gap in gaps:
            (requirement,) = [r for r in unmet if gap.item in r.options]
            assert gap.need == requirement.level
            assert gap.have == held.level(gap.item)
            expected = climb(catalog, dict(held.levels), gap.item, gap.have, gap.need)
            assert math.isclose(expected, gap.hours, abs_tol=1e-9)
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


# --- errors ---------------------------------------------------------------------------------------


class TestErrors:
    @pytest.mark.parametrize(
        "call",
        [
            lambda c: learning_path(c, "data scientst", "mlops-engineer"),
            lambda c: learning_path(c, "data-scientist", "mlops enginer"),
            lambda c: skill_gap(c, "data-scientist", "mlops enginer"),
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

    @pytest.mark.parametrize("prefer", ["best", None, 1])
    def test_bad_prefer(self, prefer):
        """An unknown preference names the argument and the choices."""
        with pytest.raises(ArgumentError, match=r"^prefer: .* is not 'standard' or 'cheapest'"):
            learning_path(
                ai_roles.load_catalog(), "data-scientist", "mlops-engineer", prefer=prefer
            )
        with pytest.raises(ArgumentError, match=r"^prefer: "):
            skill_gap(ai_roles.load_catalog(), "data-scientist", "mlops-engineer", prefer=prefer)


def test_results_serialise():
    """Paths, gaps and suggestions are documents that round-trip through JSON and TOML."""
    cat = ai_roles.load_catalog()
    results = [
        learning_path(cat, "data-scientist", "mlops-engineer"),
        learning_path(cat, {"python": 3}, "mlops-engineer"),
        skill_gap(cat, "data-scientist", "mlops-engineer"),
    ]
    for result in results:
        for fmt in ("json", "toml"):
            assert result == ai_roles.loads(ai_roles.dumps(result, fmt), fmt)
