"""The built-in catalog holds the six roles of the source article, as the article lists them.

Expected values here are written from the article (shared/seed/000_23783c47a86c331b.txt),
not from the catalog file.
"""

from __future__ import annotations

import re

import pytest

from ai_roles import Catalog, Level, Tool, load_catalog

SIX_ROLES = {
    "machine-learning-engineer": "Machine Learning Engineer",
    "ai-research-scientist": "AI Research Scientist",
    "data-scientist": "Data Scientist",
    "ai-product-manager": "AI Product Manager",
    "mlops-engineer": "MLOps Engineer",
    "computer-vision-engineer": "Computer Vision Engineer",
}

# What the article names for each role: each entry is one requirement, a set of
# options when the article gives alternatives ("TensorFlow / PyTorch").
ARTICLE = {
    "machine-learning-engineer": [
        {"python"},
        {"tensorflow", "pytorch"},
        {"docker"},
        {"kubernetes"},
        {"aws", "azure", "gcp"},
        # responsibilities: pipelines, optimisation, integration into APIs, big data
        {"ml-pipelines"},
        {"model-optimization"},
        {"api-development"},
        {"distributed-computing"},
    ],
    "ai-research-scientist": [
        {"linear-algebra"},
        {"probability"},
        {"deep-learning"},
        {"research-methodology"},
        {"python", "cpp", "julia"},  # "Python or similar languages"
        {"scientific-writing"},  # "publish research papers"
    ],
    "data-scientist": [
        {"python", "r"},
        {"pandas"},
        {"numpy"},
        {"sql"},
        {"tableau", "power-bi"},
        {"data-cleaning"},
        {"statistics"},
        {"experimentation"},
        {"machine-learning"},  # building predictive models
        {"data-visualization"},  # dashboards and reports
    ],
    "ai-product-manager": [
        {"machine-learning"},
        {"product-management"},
        {"communication"},
        {"leadership"},
        {"data-driven-decision-making"},
    ],
    "mlops-engineer": [
        {"docker"},
        {"kubernetes"},
        {"ci-cd"},
        {"mlflow", "kubeflow"},
        {"cloud-computing"},
        {"ml-pipelines"},
        {"model-monitoring"},
        {"data-versioning"},
        {"model-deployment"},
    ],
    "computer-vision-engineer": [
        {"opencv"},
        {"pytorch", "tensorflow"},
        {"yolo"},
        {"computer-vision"},
        {"deep-learning"},
    ],
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def groups(catalog: Catalog, role: str) -> list[set[str]]:
    return [set(r.options) for r in catalog.role(role).requirements]


def test_six_roles(catalog):
    """The six roles of the article are there, by id and by name."""
    assert SIX_ROLES == {role.id: role.name for role in catalog.roles if role.id in SIX_ROLES}
    for role_id, name in SIX_ROLES.items():
        assert catalog.role(name).id == role_id


@pytest.mark.parametrize("role", sorted(ARTICLE))
def test_article_requirements(catalog, role):
    """Every skill and tool the article names is required, alternatives as one group."""
    required = groups(catalog, role)
    for expected in ARTICLE[role]:
        assert expected in required, f"{role} lacks {sorted(expected)}"


@pytest.mark.parametrize(
    "alternatives",
    [
        ("machine-learning-engineer", ("pytorch", "tensorflow")),
        ("data-scientist", ("python", "r")),
        ("machine-learning-engineer", ("aws", "azure", "gcp")),
        ("mlops-engineer", ("mlflow", "kubeflow")),
        ("data-scientist", ("tableau", "power-bi")),
    ],
)
def test_alternatives_are_one_requirement(catalog, alternatives):
    """The article's "X / Y" and "X or Y" lists are single requirements with several options."""
    role, options = alternatives
    matching = [r for r in catalog.role(role).requirements if set(options) & set(r.options)]
    assert len(matching) == 1
    assert set(options) == set(matching[0].options)


@pytest.mark.parametrize("role", sorted(SIX_ROLES))
def test_roles_are_described(catalog, role):
    """Each role has a summary, a why, responsibilities, a source and at least 8 requirements."""
    found = catalog.role(role)
    assert found.summary
    assert found.why
    assert found.responsibilities
    assert any("000_23783c47a86c331b" in s for s in found.sources)
    assert len(found.requirements) >= 8


def test_responsibilities_from_the_article(catalog):
    """The article's bullet points are the responsibilities, word for word."""
    assert (
        "Build ML pipelines for training and deployment"
        in catalog.role("machine-learning-engineer").responsibilities
    )
    assert (
        "Monitor model performance in production" in catalog.role("mlops-engineer").responsibilities
    )
    assert "Data cleaning and preprocessing" in catalog.role("data-scientist").responsibilities
    assert "Define AI product strategy" in catalog.role("ai-product-manager").responsibilities
    assert (
        "Publish research papers and experiments"
        in catalog.role("ai-research-scientist").responsibilities
    )


@pytest.mark.parametrize("role", sorted(SIX_ROLES))
def test_closing_advice(catalog, role):
    """The article's closing advice: programming, statistics and ML fundamentals in every role."""
    profile = catalog.profile_of(role)
    assert profile.level("statistics") >= Level.AWARENESS
    assert profile.level("machine-learning") >= Level.WORKING
    assert profile.level("programming") >= Level.AWARENESS


@pytest.mark.parametrize(
    ("dependent", "prerequisite"),
    [
        ("kubernetes", "docker"),
        ("deep-learning", "linear-algebra"),
        ("deep-learning", "probability"),
        ("deep-learning", "python"),
        ("pandas", "python"),
        ("statistics", "probability"),
        ("kubeflow", "kubernetes"),
        ("ci-cd", "git"),
    ],
)
def test_prerequisites_a_practitioner_expects(catalog, dependent, prerequisite):
    """Prerequisites a practitioner expects, directly or through other items."""
    closed = catalog.closure({dependent: Level.AWARENESS})
    assert closed.level(prerequisite) >= Level.AWARENESS


def test_levels_fit_the_roles(catalog):
    """Research needs deeper maths than product; MLOps deeper containers than data science."""
    research = catalog.profile_of("ai-research-scientist")
    product = catalog.profile_of("ai-product-manager")
    assert research.level("linear-algebra") > product.level("linear-algebra")
    assert research.level("deep-learning") == Level.EXPERT
    assert catalog.profile_of("mlops-engineer").level("kubernetes") > catalog.profile_of(
        "data-scientist"
    ).level("kubernetes")
    assert (
        catalog.profile_of("ai-product-manager").level("product-management") >= Level.PRACTITIONER
    )


def test_tools_exercise_skills(catalog):
    """Every tool is linked to at least one skill it exercises."""
    for tool in catalog.tools:
        assert isinstance(tool, Tool)
        assert tool.skills, tool.id


def test_every_item_is_used(catalog):
    """Every skill and tool is required by a role or is a prerequisite of one that is."""
    used = set()
    for role in catalog.roles:
        for requirement in role.requirements:
            for option in requirement.options:
                used |= set(catalog.closure({option: Level.AWARENESS}).levels)
    assert {item.id for item in catalog.items} == used


def test_hours_are_plausible(catalog):
    """Hours to practitioner lie between a weekend and a long university course."""
    for item in catalog.items:
        assert 8 <= item.hours <= 400, item.id


def test_external_ids_well_formed(catalog):
    """O*NET-SOC codes and ESCO URIs have their official shapes."""
    onet = re.compile(r"\d\d-\d{4}\.\d\d")
    esco = re.compile(r"http://data\.europa\.eu/esco/(occupation|skill)/[0-9a-f-]{36}")
    for obj in (*catalog.roles, *catalog.items):
        if "onet" in obj.external_ids and obj in catalog.roles:
            assert onet.fullmatch(obj.external_ids["onet"]), obj.id
        if "esco" in obj.external_ids:
            assert esco.fullmatch(obj.external_ids["esco"]), obj.id
    assert catalog.role("data-scientist").external_ids["onet"] == "15-2051.00"
