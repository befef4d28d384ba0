from __future__ import annotations

import math
import pickle
import re

import attrs
import pytest
from hypothesis import given

from ai_roles import (
    AIRolesError,
    Catalog,
    CatalogError,
    EffortModel,
    Level,
    Prerequisite,
    Profile,
    Related,
    Requirement,
    Role,
    Seniority,
    Skill,
    Tool,
    UnknownItemError,
)
from ai_roles._frozendict import FrozenDict
from strategies import catalogs, profiles


def small_catalog() -> Catalog:
    """Python <- ML <- deep learning; PyTorch needs Python and exercises deep learning."""
    return Catalog(
        name="small",
        skills=[
            Skill(id="python", name="Python", hours=100, aliases=["py"]),
            Skill(id="ml", name="Machine learning", hours=90, prerequisites=[("python", 2)]),
            Skill(id="dl", name="Deep learning", hours=80, prerequisites=[("ml", "practitioner")]),
        ],
        tools=[
            Tool(id="pytorch", name="PyTorch", hours=60, skills=["dl"], prerequisites=["python"])
        ],
        roles=[
            Role(
                id="ml-engineer",
                name="Machine Learning Engineer",
                aliases=["MLE"],
                requirements=[
                    Requirement(options=["pytorch"], level=3),
                    Requirement(options="ml", level=4),
                ],
            )
        ],
    )


class TestLevel:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (0, Level.NONE),
            (4, Level.EXPERT),
            ("working", Level.WORKING),
            (" Expert ", Level.EXPERT),
            (Level.AWARENESS, Level.AWARENESS),
        ],
    )
    def test_parse(self, value, expected):
        """Numbers 0-4 and names, in any case, are levels."""
        assert expected == Level.parse(value)

    @pytest.mark.parametrize("value", [5, -1, True, "guru", 2.0, None])
    def test_parse_rejects(self, value):
        """Anything else is refused with the value in the message."""
        with pytest.raises(ValueError, match=re.escape(f"{value!r} is not a level")):
            Level.parse(value)


class TestModels:
    def test_frozen(self):
        """Models cannot be changed in place; evolve makes a changed copy."""
        skill = Skill(id="sql", name="SQL")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            skill.name = "Structured Query Language"  # type: ignore[misc]
        assert attrs.evolve(skill, name="S").name == "S"

    def test_keyword_only(self):
        """Fields are keyword-only."""
        with pytest.raises(TypeError):
            Skill("sql", "SQL")  # type: ignore[misc]

    def test_conveniences(self):
        """Bare ids, pairs and ints are accepted where tuples and floats are meant."""
        skill = Skill(
            id="ml",
            name="ML",
            hours=90,
            prerequisites=["python", ("stats", "expert")],
            aliases="machine learning",
        )
        assert skill.prerequisites == (
            Prerequisite(item="python", level=Level.WORKING),
            Prerequisite(item="stats", level=Level.EXPERT),
        )
        assert skill.aliases == ("machine learning",)
        assert isinstance(skill.hours, float)
        assert Requirement(options="python").options == ("python",)
        assert Role(id="r", name="R", requirements=["python"]).requirements == (
            Requirement(options=("python",)),
        )
        assert Role(id="r", name="R", requirements="python").requirements == (
            Requirement(options=("python",)),
        )

    def test_equal_values_hash_alike(self):
        """Equal models are equal and hash alike, however they were built."""
        a = Skill(id="x", name="X", hours=10, external_ids={"onet": "1", "esco": "2"})
        b = Skill(id="x", name="X", hours=10.0, external_ids={"esco": "2", "onet": "1"})
        assert a == b
        assert hash(a) == hash(b)

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (lambda: Skill(id="has space", name="X"), "id: 'has space' is not an id"),
            (lambda: Skill(id="", name="X"), "id: '' is not an id"),
            (lambda: Skill(id="x", name="  "), "name: '  ' is not a name"),
            (lambda: Skill(id="x", name="X", hours=-1), "hours: -1.0 is not a number of hours"),
            (
                lambda: Skill(id="x", name="X", hours=math.inf),
                "hours: inf is not a number of hours",
            ),
            (
                lambda: Skill(id="x", name="X", hours=math.nan),
                "hours: nan is not a number of hours",
            ),
            (
                lambda: Requirement(options="x", importance=0),
                "importance: 0.0 is not an importance",
            ),
            (
                lambda: Requirement(options="x", importance=1.5),
                "importance: 1.5 is not an importance",
            ),
            (lambda: Requirement(options="x", level=7), "7 is not a level (0-4"),
            (lambda: Requirement(options=()), "options"),
            (
                lambda: Requirement(options="x", level=0),
                "level: a level that is needed must be above",
            ),
            (lambda: Prerequisite(item="x", level="none"), "level: a level that is needed must be"),
            (
                lambda: Requirement(options="x", essential="yes"),
                "essential: 'yes' is not true or false",
            ),
            (lambda: Profile(levels={"a b": 2}), "levels: 'a b' is not an id"),
            (
                lambda: EffortModel(fractions=(0.1, 0.4, 1.0)),
                "fractions: [0.1, 0.4, 1.0] is not 4 fractions",
            ),
            (lambda: EffortModel(fractions=(0.5, 0.4, 1.0, 2.0)), "is not strictly increasing"),
            (lambda: EffortModel(fractions=(0.1, 0.4, 0.9, 2.0)), "must have 1.0 at practitioner"),
        ],
    )
    def test_bad_fields(self, make, message):
        """Each bad field is refused with its name and value."""
        with pytest.raises((ValueError, TypeError), match=re.escape(message)):
            make()


class TestEffortModel:
    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            (Level.NONE, Level.PRACTITIONER, 100.0),
            (Level.NONE, Level.AWARENESS, 10.0),
            (Level.WORKING, Level.PRACTITIONER, 60.0),
            (Level.PRACTITIONER, Level.EXPERT, 150.0),
            (Level.EXPERT, Level.WORKING, 0.0),
            (Level.WORKING, Level.WORKING, 0.0),
        ],
    )
    def test_default_scale(self, start, end, expected):
        """The default model: 10 % to awareness, 40 % to working, 250 % to expert."""
        assert math.isclose(expected, EffortModel().hours(100, start, end))

    def test_expert_by_category(self):
        """A category's expert share replaces the default one at expert, and only there."""
        effort = EffortModel(expert={"research": 6})
        assert math.isclose(500.0, effort.hours(100, Level.PRACTITIONER, Level.EXPERT, "research"))
        assert math.isclose(150.0, effort.hours(100, Level.PRACTITIONER, Level.EXPERT, "tools"))
        assert math.isclose(40.0, effort.hours(100, Level.NONE, Level.WORKING, "research"))
        assert (0.0, 0.1, 0.4, 1.0, 6.0) == effort.shares("research")
        cat = Catalog(
            skills=[Skill(id="r", name="R", category="research", hours=100)], effort=effort
        )
        assert math.isclose(600.0, cat.hours("r", "none", "expert"))

    @pytest.mark.parametrize(
        ("expert", "message"),
        [
            ({"research": 1.0}, r"expert\['research'\]: 1.0 is not a share of the hours above 1.0"),
            ({"research": 21}, "at most 20"),
            ({"research": math.nan}, "not a share"),
            ({"research": "6"}, "not a share"),
            ({"": 3.0}, "'' is not a category"),
        ],
    )
    def test_expert_shares_checked(self, expert, message):
        """Expert shares lie above practitioner's 1.0 and at most 20, by named category."""
        with pytest.raises(ValueError, match=message):
            EffortModel(expert=expert)

    def test_catalog_hours(self):
        """Catalog.hours scales an item's own hours and accepts level names."""
        cat = small_catalog()
        assert math.isclose(36.0, cat.hours("ml", "none", "working"))
        assert math.isclose(54.0, cat.hours("ml", "working", 3))
        assert math.isclose(90.0, cat.hours("Machine learning", Level.NONE, Level.PRACTITIONER))


class TestCatalogChecks:
    def test_every_problem_at_once(self):
        """Duplicates, unknown ids, wrong kinds, double requirements and cycles are all reported."""
        with pytest.raises(CatalogError) as info:
            Catalog(
                skills=[
                    Skill(id="a", name="A", prerequisites=["b"]),
                    Skill(id="b", name="B", prerequisites=["c"]),
                    Skill(id="c", name="C", prerequisites=["a", "pyhton", "a"]),
                    Skill(id="a", name="A again"),
                    Skill(id="python", name="Python"),
                ],
                tools=[Tool(id="t", name="T", skills=["t", "zzz", "python", "python"])],
                roles=[
                    Role(id="r", name="R", requirements=[Requirement(options=["a", "r"]), "a"]),
                ],
            )
        problems = info.value.problems
        expected = [
            "skills[3].id: duplicate id 'a' (also skills[0])",
            "roles[0].requirements[0].options[1]: 'r' is a role, not an item",
            "roles[0].requirements[1].options[0]: 'a' is already required by requirements[0]",
            "skills[2].prerequisites[1].item: unknown item 'pyhton'; did you mean 'python'?",
            "skills[2].prerequisites[2].item: 'a' is listed twice",
            "tools[0].skills[0]: 't' is a tool, not a skill",
            "tools[0].skills[1]: unknown skill 'zzz'",
            "tools[0].skills[3]: 'python' is listed twice",
            "skills[0].prerequisites: cycle a -> b -> c -> a",
        ]
        assert expected == list(problems)
        assert str(info.value).startswith("9 problems:\n  skills[3].id")

    def test_related_and_experience(self):
        """Related items and a role's experience must name other, known items and roles, once."""
        with pytest.raises(CatalogError) as info:
            Catalog(
                skills=[
                    Skill(
                        id="a",
                        name="A",
                        related=[
                            Related(item="a", transfer=0.5),
                            Related(item="b", transfer=0.3),
                            Related(item="b", transfer=0.2),
                            Related(item="pyhton", transfer=0.2),
                        ],
                    ),
                    Skill(id="b", name="B"),
                ],
                roles=[
                    Role(id="lead", name="Lead", experience=["lead", "dev", "dev", "devv"]),
                    Role(id="dev", name="Dev"),
                ],
            )
        assert [
            "skills[0].related[0].item: 'a' cannot be related to itself",
            "skills[0].related[2].item: 'b' is listed twice",
            "skills[0].related[3].item: unknown item 'pyhton'",
            "roles[0].experience[0]: 'lead' cannot be its own experience",
            "roles[0].experience[2]: 'dev' is listed twice",
            "roles[0].experience[3]: unknown role 'devv'; did you mean 'dev'?",
        ] == list(info.value.problems)

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (lambda: Related(item="x", transfer=1.0), "transfer: 1.0 is not a share of effort"),
            (lambda: Related(item="x", transfer=0), "transfer: 0.0 is not a share of effort"),
            (lambda: Role(id="r", name="R", seniority="junior"), "'junior' is not a seniority"),
            (lambda: Skill(id="s", name="S", related=["x"]), "'x' is not a related item"),
        ],
    )
    def test_field_checks(self, make, message):
        """Transfer factors lie strictly between 0 and 1; seniority is one of four names."""
        with pytest.raises((ValueError, TypeError), match=re.escape(message)):
            make()

    def test_seniority_parses(self):
        """Seniority reads names in any case and numbers 1-4."""
        assert Seniority.LEAD == Role(id="r", name="R", seniority="Lead").seniority
        assert Seniority.ENTRY == Role(id="r", name="R", seniority=1).seniority
        assert Seniority.MID == Role(id="r", name="R").seniority
        with pytest.raises(ValueError, match="is not a seniority"):
            Seniority.parse(bool(1))

    def test_self_prerequisite_is_a_cycle(self):
        """An item that needs itself is a cycle of one."""
        with pytest.raises(CatalogError, match=re.escape("skills[0].prerequisites: cycle a -> a")):
            Catalog(skills=[Skill(id="a", name="A", prerequisites=["a"])])

    def test_two_cycles_named(self):
        """Each cyclic part is named once, from its least id."""
        with pytest.raises(CatalogError) as info:
            Catalog(
                skills=[
                    Skill(id="d", name="D", prerequisites=["c"]),
                    Skill(id="c", name="C", prerequisites=["d"]),
                    Skill(id="b", name="B", prerequisites=["a"]),
                    Skill(id="a", name="A", prerequisites=["b"]),
                ]
            )
        assert [
            "skills[3].prerequisites: cycle a -> b -> a",
            "skills[1].prerequisites: cycle c -> d -> c",
        ] == list(info.value.problems)

    def test_tool_cannot_both_exercise_and_precede(self):
        """A tool that a skill needs cannot also be exercising it."""
        with pytest.raises(
            CatalogError, match=re.escape("tools[0].skills[0]: 't' exercises 's' and cannot")
        ):
            Catalog(
                skills=[Skill(id="s", name="S", prerequisites=["t"])],
                tools=[Tool(id="t", name="T", skills=["s"])],
            )

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("roles", ["not a role"], "roles: 'not a role' is not a Role"),
            ("skills", [Tool(id="t", name="T")], "is not a Skill"),
            ("effort", (0.1, 0.4, 1.0, 2.5), "effort"),
        ],
    )
    def test_wrong_types(self, field, value, message):
        """Objects of the wrong type are refused with the field named."""
        with pytest.raises(TypeError, match=re.escape(message)):
            Catalog(**{field: value})

    def test_catalog_error_is_a_value_error(self):
        """CatalogError is caught by `except ValueError` and by the package root."""
        assert issubclass(CatalogError, ValueError)
        assert issubclass(CatalogError, AIRolesError)


class TestLookups:
    @pytest.mark.parametrize(
        "key",
        [
            "ml-engineer",
            "ML-ENGINEER",
            "machine learning engineer",
            "mle",
            "Machine Learning Engineer",
        ],
    )
    def test_role_by_id_name_alias(self, key):
        """Roles are found by id, name or alias, in any case."""
        assert small_catalog().role(key).id == "ml-engineer"

    def test_objects_are_accepted(self):
        """Passing an object looks up its id."""
        cat = small_catalog()
        assert cat.item(Skill(id="ml", name="whatever")) is cat.skills[1]

    def test_kinds_are_kept_apart(self):
        """A skill is not a role, a tool is not a skill; item covers both."""
        cat = small_catalog()
        assert cat.tool("PyTorch").id == "pytorch"
        assert cat.item("py").id == "python"
        with pytest.raises(UnknownItemError, match="unknown role 'python'"):
            cat.role("python")
        with pytest.raises(UnknownItemError, match="unknown skill 'pytorch'"):
            cat.skill("pytorch")
        with pytest.raises(UnknownItemError, match="unknown item 'ml-engineer'"):
            cat.item("ml-engineer")

    def test_miss_suggests(self):
        """A miss suggests up to three close matches, as ids."""
        with pytest.raises(UnknownItemError) as info:
            small_catalog().item("machine lerning")
        assert info.value.suggestions[0] == "ml"
        assert str(info.value).startswith("unknown item 'machine lerning'; did you mean 'ml'")
        assert isinstance(info.value, KeyError)

    def test_ambiguous_name(self):
        """A name that two items share is refused, listing both ids."""
        cat = Catalog(skills=[Skill(id="a", name="Same"), Skill(id="b", name="Same")])
        with pytest.raises(
            UnknownItemError, match=re.escape("'same': is the name of several: 'a', 'b'; use an id")
        ):
            cat.skill("same")
        assert cat.skill("a").id == "a"

    def test_former_id(self):
        """A former id finds the item that replaced it, warning with the current id."""
        cat = Catalog(
            skills=[Skill(id="experimentation", name="Experimentation", replaces=["doe"])]
        )
        with pytest.warns(DeprecationWarning, match="'doe' is a former id of 'experimentation'"):
            assert cat.skill("doe").id == "experimentation"
        with pytest.warns(DeprecationWarning, match="use 'experimentation'"):
            assert {"experimentation": Level.WORKING} == cat.closure({"doe": 2}).levels
        assert "doe" not in cat  # an id of the catalog is a current one
        with pytest.raises(UnknownItemError):
            cat.tool("doe")  # a skill's former id is not a tool's

    def test_former_ids_checked(self):
        """A former id still in use, or replaced twice, is a catalog problem with its place."""
        with pytest.raises(CatalogError) as info:
            Catalog(
                skills=[
                    Skill(id="a", name="A", replaces=["b"]),
                    Skill(id="b", name="B"),
                    Skill(id="c", name="C", replaces=["old"]),
                ],
                tools=[Tool(id="t", name="T", replaces=["old"])],
            )
        assert (
            "skills[0].replaces[0]: 'b' is the id of a skill",
            "tools[0].replaces[0]: 'old' is already replaced by 'c'",
        ) == tuple(info.value.problems)

    def test_contains(self):
        """`in` tests ids of roles, skills and tools."""
        cat = small_catalog()
        assert "pytorch" in cat
        assert "ml-engineer" in cat
        assert "PyTorch" not in cat
        assert 3 not in cat


class TestProfiles:
    def test_none_levels_dropped(self):
        """Items held at NONE are dropped, so equal profiles compare equal."""
        assert Profile(levels={"a": 0, "b": 2}) == Profile(levels={"b": Level.WORKING})

    def test_closure(self):
        """Prerequisites are added at the level needed, recursively, never lowering a level."""
        cat = small_catalog()
        closed = cat.closure({"pytorch": 1, "dl": 2, "python": 4})
        assert {"pytorch": 1, "dl": 2, "ml": 3, "python": 4} == dict(closed.levels)

    def test_closure_by_name(self):
        """Profiles may name items by name or alias; the closure holds ids, at the highest level."""
        cat = small_catalog()
        assert {"python": 4} == dict(cat.closure({"Python": 2, "py": 4}).levels)

    def test_closure_unknown_item(self):
        """An unknown item in a profile is an UnknownItemError."""
        with pytest.raises(UnknownItemError, match="unknown item 'cobol'"):
            small_catalog().closure(Profile(levels={"cobol": 2}))

    def test_profile_of_role(self):
        """A role's profile: first options at their level, closed under prerequisites and tool
        credit (PyTorch at practitioner holds deep learning at working)."""
        cat = small_catalog()
        expected = {"pytorch": 3, "dl": 2, "ml": 4, "python": 2}
        assert expected == dict(cat.profile_of("MLE").levels)


@given(catalogs())
def test_closure_is_closed_and_idempotent(catalog):
    """Closed profiles hold every prerequisite at its level; closing again changes nothing."""
    for role in catalog.roles:
        profile = catalog.profile_of(role)
        for item_id in profile.levels:
            for p in catalog.item(item_id).prerequisites:
                assert profile.level(p.item) >= p.level
        assert catalog.closure(profile) == profile


@given(catalogs())
def test_pickle_and_hash(catalog):
    """Catalogs pickle to equal catalogs, hash alike, and keep working after unpickling."""
    catalog.graph  # noqa: B018 (fill the cache: it must not be pickled)
    copy = pickle.loads(pickle.dumps(catalog))
    assert copy == catalog
    assert hash(copy) == hash(catalog)
    assert {} == copy._cache
    for role in catalog.roles:
        assert copy.role(role.id) == role


def test_frozendict():
    """FrozenDict is an ordered, hashable, read-only mapping equal to a dict."""
    d = FrozenDict({"b": 1, "a": 2})
    assert list(d) == ["a", "b"]
    assert len(d) == 2
    assert d == {"a": 2, "b": 1}
    assert d == FrozenDict({"a": 2, "b": 1})
    assert d != FrozenDict({"a": 2})
    assert d != [("a", 2)]
    assert hash(d) == hash(FrozenDict({"a": 2, "b": 1}))
    assert pickle.loads(pickle.dumps(d)) == d
    assert repr(d) == "FrozenDict({'a': 2, 'b': 1})"
    with pytest.raises(TypeError):
        d["c"] = 3  # type: ignore[index]


@given(st_profile=catalogs(max_items=5).flatmap(lambda c: profiles(c).map(lambda p: (c, p))))
def test_profiles_close(st_profile):
    """Closing a profile never lowers a level and never drops an item."""
    catalog, profile = st_profile
    closed = catalog.closure(profile)
    for item, level in profile.levels.items():
        assert closed.level(item) >= level
