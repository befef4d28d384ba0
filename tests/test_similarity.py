from __future__ import annotations

import math
import re

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ai_roles
from ai_roles import (
    ArgumentError,
    Catalog,
    Level,
    Requirement,
    Role,
    Skill,
    Tool,
    UnknownItemError,
)
from ai_roles._text import terms
from ai_roles.results import Explanation, Match, SimilarityMatrix
from ai_roles.similarity import (
    explain,
    most_similar,
    similarity,
    similarity_matrix,
    top_k_similar,
)
from strategies import catalogs

METHODS = ai_roles.results.METHODS
SYMMETRIC = ("cosine", "jaccard", "tools", "text", "hybrid")  # coverage and fit are directed

# Random catalogs are small; fifteen examples per method and property (seven methods) keep
# the file fast; the "thorough" profile of conftest.py runs many more.
PROPERTY = settings(max_examples=max(1, settings().max_examples * 15 // 100))


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    return ai_roles.load_catalog()


def two_roles(*requirements_a: Requirement, requirements_b: tuple[Requirement, ...]) -> Catalog:
    """Roles a and b over skills x, y, z (z needs x at practitioner) and tools p, q, r."""
    return Catalog(
        skills=[
            Skill(id="x", name="X"),
            Skill(id="y", name="Y"),
            Skill(id="z", name="Z", prerequisites=[("x", Level.PRACTITIONER)]),
        ],
        tools=[Tool(id="p", name="P"), Tool(id="q", name="Q"), Tool(id="r", name="R")],
        roles=[
            Role(id="a", name="A", requirements=requirements_a),
            Role(id="b", name="B", requirements=requirements_b),
        ],
    )


def alternatives_catalog() -> Catalog:
    """Role a asks for x, P-or-Q and z; role b asks for x, P and y."""
    return two_roles(
        Requirement(options="x", level=Level.PRACTITIONER, importance=1.0),
        Requirement(options=["p", "q"], level=Level.EXPERT, importance=0.5),
        Requirement(options="z", level=Level.AWARENESS, importance=0.5),
        requirements_b=(
            Requirement(options="x", level=Level.WORKING, importance=1.0),
            Requirement(options="p", level=Level.WORKING, importance=1.0),
            Requirement(options="y", level=Level.AWARENESS, importance=0.5),
        ),
    )


def with_empty_role(catalog: Catalog, position: int) -> tuple[Catalog, str]:
    """Insert a role without requirements at `position` (its id cannot clash: upper case)."""
    empty = Role(id="Empty", name="Nothing required")
    roles = list(catalog.roles)
    roles.insert(position, empty)
    return attrs.evolve(catalog, roles=roles), empty.id


def role_ids(catalog: Catalog) -> list[str]:
    return [role.id for role in catalog.roles]


# --- properties on random catalogs ---------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
class TestPairProperties:
    @PROPERTY
    @given(catalogs(min_roles=1), st.data())
    def test_in_unit_interval(self, method, catalog, data):
        """Every similarity lies in [0, 1]."""
        a, b = (
            data.draw(st.sampled_from(role_ids(catalog))),
            data.draw(st.sampled_from(role_ids(catalog))),
        )
        assert 0.0 <= similarity(catalog, a, b, method=method) <= 1.0

    @PROPERTY
    @given(catalogs(min_roles=1), st.data())
    def test_one_with_itself(self, method, catalog, data):
        """A role is 1.0 similar to itself."""
        a = data.draw(st.sampled_from(role_ids(catalog)))
        assert 1.0 == similarity(catalog, a, a, method=method)

    @PROPERTY
    @given(catalogs(min_roles=1), st.data())
    def test_empty_role(self, method, catalog, data):
        """A role with no requirements is 0.0 to every other role, both ways, and 1.0 to itself."""
        position = data.draw(st.integers(0, len(catalog.roles)))
        catalog, empty = with_empty_role(catalog, position)
        assert 1.0 == similarity(catalog, empty, empty, method=method)
        for other in role_ids(catalog):
            if other != empty:
                assert 0.0 == similarity(catalog, empty, other, method=method)
                assert 0.0 == similarity(catalog, other, empty, method=method)
        values = similarity_matrix(catalog, method=method).values
        expected = np.zeros(len(catalog.roles))
        expected[position] = 1.0
        assert expected.tolist() == values[position].tolist()
        assert expected.tolist() == values[:, position].tolist()

    @PROPERTY
    @given(catalogs(min_roles=1), st.data())
    def test_explain_adds_up(self, method, catalog, data):
        """Explain's score is the similarity, and its contributions sum to it."""
        a, b = (
            data.draw(st.sampled_from(role_ids(catalog))),
            data.draw(st.sampled_from(role_ids(catalog))),
        )
        explanation = explain(catalog, a, b, method=method)
        assert similarity(catalog, a, b, method=method) == explanation.score
        assert (a, b, method) == (explanation.a, explanation.b, explanation.method)
        if a == b and not explanation.contributions:
            # A role naming nothing the method looks at is 1.0 to itself by
            # definition, with no item to credit: the one case the sum cannot hold.
            return
        if a == b and not (explanation.contributions or explanation.words):
            return
        shares = [*explanation.contributions.values(), *explanation.words.values()]
        assert math.isclose(math.fsum(shares), explanation.score, abs_tol=1e-9)
        if method == "hybrid" and a != b:
            assert math.isclose(
                math.fsum(explanation.parts.values()), explanation.score, abs_tol=1e-9
            )


class TestFit:
    def test_the_generalist_is_not_rewarded(self):
        """A generalist meets everything of every role, so coverage ties all its moves; fit
        ranks first the role that uses most of what the generalist knows."""
        items = [f"x{i}" for i in range(6)]
        cat = Catalog(
            skills=[Skill(id=i, name=i.upper()) for i in items],
            roles=[
                Role(id="a", name="A", requirements=items[:2]),
                Role(id="b", name="B", requirements=items[:3]),
                Role(id="g", name="Generalist", requirements=items),
            ],
        )
        assert 1.0 == similarity(cat, "g", "a", method="coverage")
        assert 1.0 == similarity(cat, "g", "b", method="coverage")
        assert ["b", "a"] == [m.role for m in most_similar(cat, "g", k=2, method="fit")]
        expected = (2 / 6) ** ai_roles.similarity.FIT_BALANCE
        assert math.isclose(expected, similarity(cat, "g", "a", method="fit"))
        assert similarity(cat, "a", "g", method="fit") != similarity(cat, "g", "a", method="fit")


class TestDefaultMethod:
    def test_hybrid_everywhere(self, builtin):
        """Every function uses `hybrid` when no method is named."""
        a, b = "data-scientist", "data-analyst"
        assert similarity(builtin, a, b) == similarity(builtin, a, b, method="hybrid")
        assert "hybrid" == explain(builtin, a, b).method
        assert "hybrid" == similarity_matrix(builtin).method
        assert most_similar(builtin, a, k=5) == most_similar(builtin, a, k=5, method="hybrid")
        default = [list(row) for row in top_k_similar(builtin, k=3)]
        assert default == [list(row) for row in top_k_similar(builtin, k=3, method="hybrid")]

    def test_text_ignores_possessives(self):
        """A possessive 's and single letters are no words (scikit-learn's pattern)."""
        assert ["robot", "arm", "robot arm"] == terms("the robot's arm")


class TestBlend:
    @PROPERTY
    @given(catalogs(min_roles=1), st.data())
    def test_weights_at_the_ends(self, catalog, data):
        """Hybrid with text weight 1 is the text measure; with 0, its skills part alone."""
        ids = role_ids(catalog)
        a, b = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
        text = similarity(catalog, a, b, method="text")
        assert math.isclose(text, similarity(catalog, a, b, method="hybrid", text_weight=1))
        skills = explain(catalog, a, b, method="hybrid", text_weight=0)
        assert {} == dict(skills.words)
        half = similarity(catalog, a, b, method="hybrid", text_weight=0.5)
        if a != b:
            assert math.isclose(half, (text + skills.score) / 2, abs_tol=1e-9)

    @pytest.mark.parametrize("weight", [-0.1, 1.5, "0.5", None, True])
    def test_bad_weight(self, builtin, weight):
        """The text weight is a share in [0, 1]."""
        with pytest.raises(ArgumentError, match=r"^text_weight: "):
            similarity(
                builtin, "data-scientist", "data-analyst", method="hybrid", text_weight=weight
            )

    def test_specific_items_weigh_more(self):
        """An item every role names counts less than one two roles share alone."""
        common = Requirement(options="x", level=3)
        cat = Catalog(
            skills=[Skill(id=i, name=i.upper()) for i in ("x", "y", "z")],
            roles=[
                Role(id="a", name="A", requirements=[common, Requirement(options="y", level=3)]),
                Role(id="b", name="B", requirements=[common, Requirement(options="y", level=3)]),
                Role(id="c", name="C", requirements=[common, Requirement(options="z", level=3)]),
            ],
        )
        e = explain(cat, "a", "b", method="hybrid", text_weight=0)
        assert e.contributions["y"] > e.contributions["x"]
        assert similarity(cat, "a", "c", method="hybrid", text_weight=0) < similarity(
            cat, "a", "c", method="cosine"
        )

    def test_text(self):
        """Roles that say the same in other words are near by text, whatever their skills."""
        cat = Catalog(
            skills=[Skill(id=i, name=i.upper()) for i in ("x", "y")],
            roles=[
                Role(
                    id="a",
                    name="Nurse",
                    summary="Cares for patients in hospital wards.",
                    requirements=["x"],
                ),
                Role(
                    id="b",
                    name="Ward nurse",
                    summary="Cares for patients on a hospital ward.",
                    requirements=["y"],
                ),
                Role(
                    id="c",
                    name="Welder",
                    summary="Joins metal parts with an arc.",
                    requirements=["x"],
                ),
            ],
        )
        near = similarity(cat, "a", "b", method="text")
        assert near > similarity(cat, "a", "c", method="text")
        assert 0.0 == similarity(cat, "a", "b", method="cosine")
        words = explain(cat, "a", "b", method="text").words
        assert {"nurse", "patients", "hospital"} <= set(words)
        assert "the" not in words  # a stop word


@pytest.mark.parametrize("method", SYMMETRIC)
class TestSymmetry:
    @PROPERTY
    @given(catalogs(min_roles=1), st.data())
    def test_symmetric(self, method, catalog, data):
        """Every method but coverage gives the same score both ways."""
        a, b = (
            data.draw(st.sampled_from(role_ids(catalog))),
            data.draw(st.sampled_from(role_ids(catalog))),
        )
        assert similarity(catalog, a, b, method=method) == similarity(catalog, b, a, method=method)


@pytest.mark.parametrize("method", METHODS)
class TestMatrixProperties:
    @PROPERTY
    @given(catalogs(min_roles=1))
    def test_matches_pairs(self, method, catalog):
        """Every entry of the sparse matrix is the per-pair similarity."""
        matrix = similarity_matrix(catalog, method=method)
        ids = role_ids(catalog)
        assert tuple(ids) == matrix.ids
        assert method == matrix.method
        assert (len(ids), len(ids)) == matrix.values.shape
        for i, a in enumerate(ids):
            for j, b in enumerate(ids):
                expected = similarity(catalog, a, b, method=method)
                assert math.isclose(expected, matrix.values[i, j], abs_tol=1e-9), (a, b)

    @PROPERTY
    @given(catalogs(min_roles=1))
    def test_diagonal_and_symmetry(self, method, catalog):
        """The diagonal is 1, every value is in [0, 1], and only coverage is directed."""
        values = similarity_matrix(catalog, method=method).values
        assert [1.0] * len(values) == np.diagonal(values).tolist()
        assert bool(((values >= 0.0) & (values <= 1.0)).all())
        if method in SYMMETRIC:
            assert values.tolist() == values.T.tolist()


@pytest.mark.parametrize("method", METHODS)
class TestRankingProperties:
    @PROPERTY
    @given(catalogs(min_roles=1), st.data())
    def test_most_similar(self, method, catalog, data):
        """The k best other roles, by score descending then id, with the matrix's scores."""
        ids = role_ids(catalog)
        a = data.draw(st.sampled_from(ids))
        k = data.draw(st.integers(1, 6))
        matches = most_similar(catalog, a, k=k, method=method)
        row = dict(
            zip(ids, similarity_matrix(catalog, method=method).values[ids.index(a)], strict=True)
        )
        assert min(k, len(ids) - 1) == len(matches)
        assert a not in [m.role for m in matches]
        assert len({m.role for m in matches}) == len(matches)
        keys = [(-m.score, m.role) for m in matches]
        assert sorted(keys) == keys
        for match in matches:
            assert math.isclose(row[match.role], match.score, abs_tol=1e-9)
        # Nothing left out scores better than the last one kept.
        if matches:
            kept = {m.role for m in matches}
            worst = (-matches[-1].score, matches[-1].role)
            for other in ids:
                if other != a and other not in kept:
                    assert worst < (-row[other], other)

    @settings(max_examples=25)
    @given(catalogs(min_roles=1, max_roles=5), st.integers(1, 4), st.integers(1, 3))
    def test_top_k_blocks(self, method, catalog, k, block):
        """The blocked stream yields every role once, in order, with most_similar's result."""
        expected = [
            (role.id, most_similar(catalog, role.id, k=k, method=method)) for role in catalog.roles
        ]
        assert expected == list(top_k_similar(catalog, k=k, method=method, block=block))


# --- small cases computed by hand ----------------------------------------------------


class TestCosine:
    def test_alternatives_split_weight(self):
        """An alternatives group spreads level x importance evenly over its options."""
        v_a = {"x": 3 * 1.0, "p": 4 * 0.5 / 2, "q": 4 * 0.5 / 2, "z": 1 * 0.5}
        v_b = {"x": 2 * 1.0, "p": 2 * 1.0, "y": 1 * 0.5}
        norm = math.sqrt(sum(v * v for v in v_a.values())) * math.sqrt(
            sum(v * v for v in v_b.values())
        )
        expected = (v_a["x"] * v_b["x"] + v_a["p"] * v_b["p"]) / norm
        assert math.isclose(expected, similarity(alternatives_catalog(), "a", "b", method="cosine"))

    def test_contributions(self):
        """Each shared item contributes its product of weights over the norms."""
        norm = math.sqrt((9 + 1 + 1 + 0.25) * (4 + 4 + 0.25))
        explanation = explain(alternatives_catalog(), "a", "b", method="cosine")
        assert ["p", "x"] == sorted(explanation.contributions)
        assert math.isclose(1 * 2 / norm, explanation.contributions["p"])
        assert math.isclose(3 * 2 / norm, explanation.contributions["x"])
        assert ("p", "x") == explanation.shared
        assert ("q", "z") == explanation.only_a
        assert ("y",) == explanation.only_b

    def test_same_items_other_weights(self):
        """Same items at proportional weights are 1.0; different proportions are less."""
        cat = two_roles(
            Requirement(options="x", level=Level.WORKING),
            Requirement(options="y", level=Level.EXPERT),
            requirements_b=(
                Requirement(options="x", level=Level.AWARENESS),
                Requirement(options="y", level=Level.WORKING),
            ),
        )
        assert math.isclose(1.0, similarity(cat, "a", "b", method="cosine"))
        other = two_roles(
            Requirement(options="x", level=Level.EXPERT),
            Requirement(options="y", level=Level.AWARENESS),
            requirements_b=(
                Requirement(options="x", level=Level.AWARENESS),
                Requirement(options="y", level=Level.EXPERT),
            ),
        )
        assert math.isclose((4 * 1 + 1 * 4) / 17, similarity(other, "a", "b", method="cosine"))


class TestJaccard:
    def test_every_option_counts(self):
        """Jaccard counts every option of every requirement: {x, p} of {x, p, q, y, z}."""
        assert math.isclose(2 / 5, similarity(alternatives_catalog(), "a", "b", method="jaccard"))

    def test_contributions(self):
        """Each shared item contributes one over the size of the union."""
        explanation = explain(alternatives_catalog(), "a", "b", method="jaccard")
        assert {"p": 1 / 5, "x": 1 / 5} == dict(explanation.contributions)


class TestTools:
    def test_only_tools_count(self):
        """Tools compares the tool sets alone: {p} of {p, q}."""
        cat = alternatives_catalog()
        assert math.isclose(1 / 2, similarity(cat, "a", "b", method="tools"))
        explanation = explain(cat, "a", "b", method="tools")
        assert ("p",) == explanation.shared
        assert ("q",) == explanation.only_a
        assert () == explanation.only_b

    def test_shared_skills_are_not_tools(self):
        """Roles sharing only skills are 0.0 alike by tools though jaccard sees overlap."""
        cat = two_roles(
            Requirement(options="x"),
            Requirement(options="p"),
            requirements_b=(Requirement(options="x"), Requirement(options="q")),
        )
        assert 0.0 == similarity(cat, "a", "b", method="tools")
        assert math.isclose(1 / 3, similarity(cat, "a", "b", method="jaccard"))

    def test_no_tools_on_either_side(self):
        """Two roles that name no tools share none: 0.0, as the matrix says."""
        cat = two_roles(
            Requirement(options="x"),
            requirements_b=(Requirement(options="x"), Requirement(options="y")),
        )
        assert 0.0 == similarity_matrix(cat, method="tools")["a", "b"]
        assert 0.0 == similarity(cat, "a", "b", method="tools")


class TestCoverage:
    def test_level_below_need_counts_as_share(self):
        """Holding x at 2 where 3 is needed meets 2/3 of it; a missing y meets nothing."""
        cat = two_roles(
            Requirement(options="x", level=Level.WORKING),
            requirements_b=(
                Requirement(options="x", level=Level.PRACTITIONER, importance=1.0),
                Requirement(options="y", level=Level.WORKING, importance=0.5),
            ),
        )
        expected = (1.0 * 2 / 3) / (1.0 + 0.5)
        assert math.isclose(expected, similarity(cat, "a", "b", method="coverage"))
        explanation = explain(cat, "a", "b", method="coverage")
        assert ["x"] == list(explanation.contributions)
        assert math.isclose(expected, explanation.contributions["x"])
        assert ("x",) == explanation.shared
        assert ("y",) == explanation.only_b

    def test_directed(self):
        """The other way, b's holder has x at 3 where a needs 2: fully met."""
        cat = two_roles(
            Requirement(options="x", level=Level.WORKING),
            requirements_b=(
                Requirement(options="x", level=Level.PRACTITIONER, importance=1.0),
                Requirement(options="y", level=Level.WORKING, importance=0.5),
            ),
        )
        assert 1.0 == similarity(cat, "b", "a", method="coverage")
        assert similarity(cat, "a", "b", method="coverage") < 1.0

    def test_best_option(self):
        """Of P-or-Q, the option a holds best (q at 3, not p at 1) is the one that counts."""
        cat = two_roles(
            Requirement(options="p", level=Level.AWARENESS),
            Requirement(options="q", level=Level.PRACTITIONER),
            requirements_b=(
                Requirement(options=["p", "q"], level=Level.PRACTITIONER, importance=1.0),
                Requirement(options="y", level=Level.WORKING, importance=1.0),
            ),
        )
        expected = (1.0 * min(1, max(1, 3) / 3) + 1.0 * 0) / (1.0 + 1.0)
        assert math.isclose(expected, similarity(cat, "a", "b", method="coverage"))
        assert {"q": expected} == dict(explain(cat, "a", "b", method="coverage").contributions)

    def test_prerequisites_are_held(self):
        """Who holds z holds its prerequisite x at practitioner, so x is met through it."""
        cat = two_roles(
            Requirement(options="z", level=Level.AWARENESS),
            requirements_b=(Requirement(options="x", level=Level.PRACTITIONER),),
        )
        assert 1.0 == similarity(cat, "a", "b", method="coverage")

    def test_only_essential_requirements(self):
        """When b has essential requirements, its optional ones do not count."""
        cat = two_roles(
            Requirement(options="x", level=Level.WORKING),
            requirements_b=(
                Requirement(options="x", level=Level.WORKING, importance=1.0),
                Requirement(options="y", level=Level.WORKING, importance=1.0, essential=False),
            ),
        )
        assert 1.0 == similarity(cat, "a", "b", method="coverage")
        lacks_x = two_roles(
            Requirement(options="y", level=Level.EXPERT),
            requirements_b=cat.role("b").requirements,
        )
        assert 0.0 == similarity(lacks_x, "a", "b", method="coverage")

    def test_no_essential_falls_back_to_all(self):
        """When none of b's requirements is essential, all of them count."""
        cat = two_roles(
            Requirement(options="x", level=Level.WORKING),
            Requirement(options="y", level=Level.WORKING),
            requirements_b=(
                Requirement(options="x", level=Level.WORKING, importance=1.0, essential=False),
                Requirement(options="y", level=Level.EXPERT, importance=0.5, essential=False),
            ),
        )
        expected = (1.0 * 1 + 0.5 * 2 / 4) / (1.0 + 0.5)
        assert math.isclose(expected, similarity(cat, "a", "b", method="coverage"))

    def test_tiny_importance(self):
        """A requirement weighs the same however small its (valid) importance: half met is 0.5."""
        tiny = math.ulp(0.0)  # the least positive float, a valid importance in (0, 1]
        cat = two_roles(
            Requirement(options="x", level=Level.AWARENESS),
            requirements_b=(Requirement(options="x", level=Level.WORKING, importance=tiny),),
        )
        assert math.isclose(0.5, similarity_matrix(cat, method="coverage")["a", "b"])
        assert math.isclose(0.5, similarity(cat, "a", "b", method="coverage"))

    def test_matrix_agrees(self):
        """The sparse coverage matrix gives the hand-computed value and its reverse."""
        cat = two_roles(
            Requirement(options="p", level=Level.AWARENESS),
            Requirement(options="q", level=Level.PRACTITIONER),
            Requirement(options="x", level=Level.WORKING),
            requirements_b=(
                Requirement(options=["p", "q"], level=Level.PRACTITIONER, importance=1.0),
                Requirement(options="x", level=Level.PRACTITIONER, importance=1.0),
                Requirement(options="y", level=Level.WORKING, importance=0.5),
            ),
        )
        matrix = similarity_matrix(cat, method="coverage")
        assert math.isclose((1.0 * 1 + 1.0 * 2 / 3 + 0.5 * 0) / 2.5, matrix["a", "b"])
        # b's holder has p (first option) at 3, x at 3, but no q: 2 of a's 3 equal weights.
        assert math.isclose(2 / 3, matrix["b", "a"])


class TestArguments:
    def test_roles_by_name_or_object(self):
        """Roles may be given by name, alias (any case) or object."""
        cat = alternatives_catalog()
        expected = similarity(cat, "a", "b")
        assert expected == similarity(cat, "A", cat.role("b"))


# --- the built-in catalog ------------------------------------------------------------


class TestBuiltinCatalog:
    def test_mlops_nearest_is_ml_engineering(self, builtin):
        """The roles most like an MLOps engineer are the ML platform and ML engineers."""
        nearest = {m.role for m in most_similar(builtin, "mlops-engineer", k=2)}
        assert {"ml-platform-engineer", "machine-learning-engineer"} == nearest

    def test_ai_product_manager_nearest_is_business_facing(self, builtin):
        """The role most like an AI product manager is a business-facing one."""
        nearest = most_similar(builtin, "ai-product-manager", k=1)[0].role
        assert nearest in {
            "data-science-manager",
            "data-scientist",
            "ai-solutions-architect",
            "product-manager",  # since catalog 2026.2: the same job without the AI
        }

    def test_computer_vision_is_technical(self, builtin):
        """A computer vision engineer is closer to research or ML engineering than to product."""
        research = similarity(builtin, "computer-vision-engineer", "ai-research-scientist")
        engineering = similarity(builtin, "computer-vision-engineer", "machine-learning-engineer")
        product = similarity(builtin, "computer-vision-engineer", "ai-product-manager")
        assert max(research, engineering) > product

    @pytest.mark.parametrize(
        "role", ["machine-learning-engineer", "mlops-engineer", "computer-vision-engineer"]
    )
    def test_product_manager_is_far_from_engineers(self, builtin, role):
        """For each engineering role, the AI product manager ranks in the less similar half."""
        ranking = [m.role for m in most_similar(builtin, role, k=len(builtin.roles))]
        assert ranking.index("ai-product-manager") >= len(ranking) // 2

    @pytest.mark.parametrize(
        ("method", "a", "closer", "farther"),
        [
            ("cosine", "mlops-engineer", "machine-learning-engineer", "ai-product-manager"),
            ("cosine", "data-scientist", "machine-learning-engineer", "ai-product-manager"),
            ("jaccard", "mlops-engineer", "machine-learning-engineer", "ai-product-manager"),
            ("jaccard", "data-scientist", "machine-learning-engineer", "ai-product-manager"),
            ("tools", "mlops-engineer", "machine-learning-engineer", "data-scientist"),
            ("coverage", "machine-learning-engineer", "mlops-engineer", "ai-research-scientist"),
            ("coverage", "ai-research-scientist", "computer-vision-engineer", "mlops-engineer"),
        ],
    )
    def test_closer_than(self, builtin, method, a, closer, farther):
        """A practitioner's ordering of two roles by likeness to a third holds."""
        near = similarity(builtin, a, closer, method=method)
        far = similarity(builtin, a, farther, method=method)
        assert near > far

    @pytest.mark.parametrize("holder", ["data-scientist", "ai-product-manager"])
    def test_ml_engineer_covers_mlops_best(self, builtin, holder):
        """An ML engineer already meets more of an MLOps engineer's needs than other roles do."""
        mle = similarity(builtin, "machine-learning-engineer", "mlops-engineer", method="coverage")
        assert mle > similarity(builtin, holder, "mlops-engineer", method="coverage")


# --- errors ------------------------------------------------------------------------


CALLS = {
    "similarity": lambda cat, **kw: similarity(cat, "data-scientist", "mlops-engineer", **kw),
    "explain": lambda cat, **kw: explain(cat, "data-scientist", "mlops-engineer", **kw),
    "similarity_matrix": similarity_matrix,
    "most_similar": lambda cat, **kw: most_similar(cat, "data-scientist", **kw),
    "top_k_similar": lambda cat, **kw: list(top_k_similar(cat, **kw)),
}


class TestErrors:
    @pytest.mark.parametrize(
        "call",
        [
            lambda cat: similarity(cat, "data scientst", "mlops-engineer"),
            lambda cat: similarity(cat, "mlops-engineer", "data scientst"),
            lambda cat: explain(cat, "data scientst", "mlops-engineer", method="jaccard"),
            lambda cat: most_similar(cat, "data scientst"),
        ],
    )
    def test_unknown_role(self, builtin, call):
        """An unknown role is an UnknownItemError, also a KeyError, suggesting close matches."""
        with pytest.raises(
            UnknownItemError,
            match=re.escape("unknown role 'data scientst'; did you mean 'data-scientist'"),
        ) as info:
            call(builtin)
        assert isinstance(info.value, KeyError)
        assert "data-scientist" == info.value.suggestions[0]

    def test_skill_is_not_a_role(self, builtin):
        """A skill's id is not a role."""
        with pytest.raises(UnknownItemError, match=re.escape("unknown role 'python'")):
            similarity(builtin, "python", "data-scientist")

    @pytest.mark.parametrize("name", sorted(CALLS))
    def test_unknown_method(self, builtin, name):
        """An unknown method is an ArgumentError naming `method`."""
        with pytest.raises(ArgumentError, match=re.escape("method: 'euclid'")):
            CALLS[name](builtin, method="euclid")

    @pytest.mark.parametrize("name", ["most_similar", "top_k_similar"])
    @pytest.mark.parametrize("k", [0, -1, 1.5, True])
    def test_bad_k(self, builtin, name, k):
        """k must be a whole number >= 1, and the error names `k`."""
        with pytest.raises(ArgumentError, match=re.escape(f"k: {k!r}")):
            CALLS[name](builtin, k=k)

    @pytest.mark.parametrize("block", [0, -3, 1.5, True])
    def test_bad_block(self, builtin, block):
        """block must be a whole number >= 1, and the error names `block`."""
        with pytest.raises(ArgumentError, match=re.escape(f"block: {block!r}")):
            list(top_k_similar(builtin, block=block))

    def test_argument_error_is_value_error(self, builtin):
        """ArgumentError is also a ValueError, for existing except clauses."""
        with pytest.raises(ValueError, match=re.escape("k: 0")):
            most_similar(builtin, "data-scientist", k=0)


# --- results serialise ----------------------------------------------------------------


RESULTS = {
    "explanation-cosine": lambda cat: explain(cat, "data-scientist", "mlops-engineer"),
    "explanation-coverage": lambda cat: explain(
        cat, "data-scientist", "mlops-engineer", method="coverage"
    ),
    "matrix-cosine": similarity_matrix,
    "matrix-coverage": lambda cat: similarity_matrix(cat, method="coverage"),
    "most-similar": lambda cat: most_similar(cat, "data-scientist", k=3),
}


class TestSerialisation:
    @pytest.mark.parametrize("fmt", ["json", "toml"])
    @pytest.mark.parametrize("name", sorted(RESULTS))
    def test_round_trip(self, builtin, name, fmt):
        """Results come back equal from their JSON and TOML documents."""
        result = RESULTS[name](builtin)
        again = ai_roles.loads(ai_roles.dumps(result, fmt), fmt)
        assert result == again
        assert type(result) is type(again)

    def test_kinds(self, builtin):
        """Each result is a document of its own kind; most_similar's is a list of matches."""
        assert "explanation" == ai_roles.to_dict(RESULTS["explanation-cosine"](builtin))["kind"]
        assert "similarity-matrix" == ai_roles.to_dict(similarity_matrix(builtin))["kind"]
        document = ai_roles.to_dict(RESULTS["most-similar"](builtin))
        assert "list" == document["kind"]
        assert ["match"] * 3 == [item["kind"] for item in document["items"]]

    def test_types(self, builtin):
        """The functions return the documented result classes."""
        assert isinstance(explain(builtin, "data-scientist", "mlops-engineer"), Explanation)
        assert isinstance(similarity_matrix(builtin), SimilarityMatrix)
        assert all(isinstance(m, Match) for m in most_similar(builtin, "data-scientist"))
