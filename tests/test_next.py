from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ai_roles
from ai_roles import ArgumentError, Catalog, Requirement, Role, Skill, Tool, UnknownItemError
from ai_roles.advice import PREREQUISITE_IMPORTANCE, REACH_HOURS, RELEVANCE_FLOOR, next_skills
from ai_roles.paths import learning_path
from strategies import catalogs, profiles


@st.composite
def people(draw):
    """A small catalog with roles, and a person's profile in it."""
    catalog = draw(catalogs(max_items=6, min_roles=1, max_roles=3))
    return catalog, draw(profiles(catalog))


def required(role: Role, path) -> dict[str, float]:
    """The items `path` uses to meet `role`'s essential requirements, with their importance."""
    chosen = {c.options: c.option for c in path.chosen}
    found: dict[str, float] = {}
    essential = [r for r in role.requirements if r.essential] or role.requirements
    for r in essential:  # all of them, when none is essential
        option = r.options[0] if len(r.options) == 1 else chosen[r.options]
        found[option] = max(found.get(option, 0.0), r.importance)
    return found


def uses(catalog, profile, role_id):
    """The relevance weight: floor, plus the rest times the share of held levels the role uses."""
    held = catalog.closure(profile).levels
    if not held:
        return 1.0
    used = catalog.profile_of(role_id).levels
    share = sum(v for i, v in held.items() if i in used) / sum(held.values())
    return RELEVANCE_FLOOR + (1 - RELEVANCE_FLOOR) * share


class TestProperties:
    @settings(max_examples=60)
    @given(people(), st.integers(1, 4))
    def test_savings_and_ranking_follow_the_definition(self, person, k):
        """Each saving is the item's own step hours in that role's path, and the ranking is the
        documented value: reach- and relevance-weighted, importance-weighted savings per hour
        of learning."""
        catalog, profile = person
        suggestions = next_skills(catalog, profile, k=k)
        assert len(suggestions) <= k
        assert len({s.item for s in suggestions}) == len(suggestions)
        paths = {r.id: learning_path(catalog, profile, r) for r in catalog.roles}
        nearest = min(p.total_hours for p in paths.values())
        ranks = []
        for s in suggestions:
            assert any(s.item in required(r, paths[r.id]) for r in catalog.roles)
            value = 0.0
            for role_id, saved in s.saved.items():
                (step,) = [x for x in paths[role_id].steps if x.item == s.item]
                assert saved > 0
                if s.level >= step.to_level:
                    assert math.isclose(step.hours, saved, abs_tol=1e-9)
                else:
                    assert saved < step.hours + 1e-9
                reach = math.exp(-(paths[role_id].total_hours - nearest) / REACH_HOURS)
                reach *= uses(catalog, profile, role_id)
                role = catalog.role(role_id)
                weight = required(role, paths[role_id]).get(s.item, PREREQUISITE_IMPORTANCE)
                value += reach * weight * saved
            ranks.append((-value / s.hours, -len(s.saved), -math.fsum(s.saved.values()), s.item))
        assert [r[1:] for r in sorted(ranks, key=lambda r: (round(r[0], 9), *r[1:]))] == [
            r[1:] for r in ranks
        ]


class TestCases:
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
        best = next_skills(cat, {}, k=2, targets=["a", "b"])
        assert ["x", "y"] == [s.item for s in best]
        assert {"a": 40.0, "b": 40.0} == dict(best[0].saved)
        assert {"b": 60.0} == dict(best[1].saved)
        only_a = next_skills(cat, {}, targets="a")
        assert ["x"] == [s.item for s in only_a]

    def test_a_prerequisite_is_not_advised_alone(self):
        """A tool on top of a language is worth its own hours, not the language's: the language
        comes first, and the prerequisite-only item is learned with it, not advised alone."""
        cat = Catalog(
            skills=[Skill(id="basics", name="Basics", hours=20)],
            tools=[
                Tool(id="lang", name="Lang", hours=100, prerequisites=[("basics", 1)]),
                Tool(id="lib", name="Lib", hours=4, prerequisites=[("lang", 2)]),
            ],
            roles=[
                Role(id="dev", name="Dev", requirements=[Requirement(options="lang", level=3)]),
                Role(
                    id="analyst",
                    name="Analyst",
                    requirements=[Requirement(options=o, level=2) for o in ("lang", "lib")],
                ),
            ],
        )
        best = next_skills(cat, {}, k=3)
        assert "basics" not in [s.item for s in best]
        assert "lang" == best[0].item
        (lib,) = [s for s in best if s.item == "lib"]
        assert lib.hours > 4.0  # learning it takes the language first

    def test_far_roles_count_less(self):
        """Without targets, an item only a far role needs ranks below one the nearest needs."""
        cat = Catalog(
            skills=[
                Skill(id=i, name=i, hours=h) for i, h in (("near", 30), ("far", 30), ("big", 900))
            ],
            roles=[
                Role(id="close", name="Close", requirements=[Requirement(options="near", level=3)]),
                Role(
                    id="distant",
                    name="Distant",
                    requirements=[Requirement(options=o, level=3) for o in ("far", "big")],
                ),
            ],
        )
        best = next_skills(cat, {}, k=3)
        assert "near" == best[0].item
        both = next_skills(cat, {}, k=3, targets=["close", "distant"])
        assert {"near", "far", "big"} == {s.item for s in both}  # each counts alike

    def test_builtin(self):
        """For a Python and SQL person, every suggestion brings some role closer."""
        best = next_skills(ai_roles.load_catalog(), {"python": 3, "sql": 2}, k=5)
        assert len(best) == 5
        assert all(s.saved for s in best)


class TestErrors:
    @pytest.mark.parametrize("k", [0, -2, 1.5, True])
    def test_bad_k(self, k):
        """k must be a whole number >= 1."""
        with pytest.raises(ArgumentError, match=r"^k: "):
            next_skills(ai_roles.load_catalog(), {}, k=k)

    @pytest.mark.parametrize(
        "call",
        [
            lambda c: next_skills(c, {"pyton": 3}),
            lambda c: next_skills(c, {}, targets=["nope"]),
        ],
    )
    def test_unknown(self, call):
        """Unknown items and roles raise UnknownItemError."""
        with pytest.raises(UnknownItemError):
            call(ai_roles.load_catalog())


def test_results_serialise():
    """Suggestions are documents that round-trip through JSON and TOML."""
    found = next_skills(ai_roles.load_catalog(), {"python": 3})
    for fmt in ("json", "toml"):
        assert found == ai_roles.loads(ai_roles.dumps(found, fmt), fmt)


@pytest.fixture(scope="module")
def builtin():
    return ai_roles.load_catalog()


class TestRelevance:
    """Written from practice: advice follows what a person does, not the cheapest job nearby."""

    def test_devops_profile_is_not_sent_to_business_roles(self, builtin):
        """A DevOps practitioner's next steps are infrastructure, not Excel or BI tools."""
        devops = {
            "docker": "practitioner",
            "kubernetes": "working",
            "linux": "practitioner",
            "terraform": "working",
            "ci-cd": "working",
        }
        first = [s.item for s in next_skills(builtin, devops, k=3)]
        assert not {"excel", "power-bi", "tableau", "requirements-analysis"} & set(first)

    def test_no_step_down_for_a_data_scientist(self, builtin):
        """A data scientist is not advised the analyst's Excel and BI tools first."""
        first = [s.item for s in next_skills(builtin, "data-scientist", k=3)]
        assert not {"excel", "tableau", "power-bi", "requirements-analysis"} & set(first)
