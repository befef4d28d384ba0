"""The built-in catalog's learner data: seniority, entry requirements, credit and transfer.

Expected values are written from hiring practice and docs/catalog.md ("Seniority
and experience", "Related items and transfer"), not read back from the file.
"""

from __future__ import annotations

import itertools
import sys
from importlib import resources

import pytest

from ai_roles import Catalog, Level, Seniority, load_catalog

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SENIORITY = {
    "data-analyst": "entry",
    "bi-developer": "entry",
    "machine-learning-engineer": "mid",
    "data-scientist": "mid",
    "mlops-engineer": "mid",
    "computer-vision-engineer": "mid",
    "data-engineer": "mid",
    "analytics-engineer": "mid",
    "statistician": "mid",
    "ai-engineer": "mid",
    "nlp-engineer": "mid",
    "speech-engineer": "mid",
    "recommender-systems-engineer": "mid",
    "deep-learning-engineer": "mid",
    "robotics-perception-engineer": "mid",
    "research-engineer": "mid",
    "applied-scientist": "mid",
    "ml-platform-engineer": "mid",
    "ai-infrastructure-engineer": "mid",
    "software-engineer": "mid",
    "ai-product-manager": "mid",
    "responsible-ai-specialist": "mid",
    "ai-research-scientist": "senior",
    "ai-solutions-architect": "senior",
    "data-science-manager": "lead",
    # the roles of issue 14 (2026.2), written from hiring practice
    "business-analyst": "entry",
    "ai-data-specialist": "entry",
    "devops-engineer": "mid",
    "cloud-engineer": "mid",
    "product-manager": "mid",
    "forward-deployed-engineer": "mid",
    "ai-evaluation-engineer": "mid",
    "post-training-engineer": "mid",
    "llm-inference-engineer": "mid",
    "edge-ml-engineer": "mid",
    "ai-security-engineer": "mid",
    "ai-technical-program-manager": "mid",
    "quantitative-analyst": "mid",
    "ml-engineering-manager": "lead",
}

EXPERIENCE = {
    # an ML engineering manager comes from the engineering side of ML, not from analysis
    "ml-engineering-manager": {
        "machine-learning-engineer",
        "deep-learning-engineer",
        "mlops-engineer",
        "ml-platform-engineer",
        "ai-infrastructure-engineer",
        "research-engineer",
        "ai-engineer",
        "nlp-engineer",
        "computer-vision-engineer",
        "speech-engineer",
        "recommender-systems-engineer",
        "robotics-perception-engineer",
        "llm-inference-engineer",
        "post-training-engineer",
        "edge-ml-engineer",
        "ai-evaluation-engineer",
    },
    "ai-solutions-architect": {
        "software-engineer",
        "machine-learning-engineer",
        "ai-engineer",
        "data-engineer",
        "ml-platform-engineer",
        "mlops-engineer",
        "ai-infrastructure-engineer",
    },
    "data-science-manager": {
        "data-scientist",
        "applied-scientist",
        "statistician",
        "machine-learning-engineer",
        "ai-research-scientist",
        "research-engineer",
        "recommender-systems-engineer",
    },
}

# Each framework (or model family) of a deep-learning discipline and the skill it is a
# tool for: needed at awareness before the tool is learnt, and exercised by it.
FRAMEWORKS = {
    "pytorch": "deep-learning",
    "tensorflow": "deep-learning",
    "jax": "deep-learning",
    "hugging-face-transformers": "transformers",
    "deepspeed": "distributed-training",
    "yolo": "computer-vision",
    "whisper": "speech-recognition",
    "nvidia-nemo": "speech-recognition",
    "espnet": "speech-recognition",
    "kaldi": "speech-recognition",
    "spacy": "nlp",
}

# Foundations that holding a tool may not imply at working level or above unless the
# tool's entry requirements already do (or the tool exercises the foundation itself).
FOUNDATIONS = {
    "calculus",
    "linear-algebra",
    "probability",
    "statistics",
    "machine-learning",
    "deep-learning",
}

# Families of interchangeable products: each pair is related, in both directions.
FAMILIES = {
    "deep-learning frameworks": ["pytorch", "tensorflow", "jax"],
    "clouds": ["aws", "azure", "gcp"],
    "cloud ML platforms": ["sagemaker", "azure-ml", "vertex-ai"],
    "vector stores": ["pinecone", "weaviate", "pgvector", "faiss"],
    "BI tools": ["tableau", "power-bi", "looker"],
    "orchestrators": ["airflow", "dagster"],
    "experiment trackers": ["mlflow", "wandb"],
    "model servers": ["triton", "torchserve", "bentoml", "kserve"],
    "warehouses": ["snowflake", "bigquery", "redshift", "databricks"],
    "speech toolkits": ["nvidia-nemo", "espnet", "kaldi"],
}

# (item learned, item held): transfer factor, as docs/catalog.md states them.
FACTORS = {
    ("python", "javascript"): 0.3,
    ("python", "r"): 0.3,
    ("r", "python"): 0.3,
    ("python", "cpp"): 0.2,
    ("cpp", "python"): 0.2,
    ("scala", "java"): 0.4,
    ("java", "scala"): 0.4,
    ("pytorch", "tensorflow"): 0.5,
    ("jax", "pytorch"): 0.5,
    ("gcp", "aws"): 0.4,
    ("faiss", "pinecone"): 0.5,
    ("power-bi", "tableau"): 0.5,
    ("dagster", "airflow"): 0.4,
}

# Relations declared one way only, or with a different factor each way, on purpose.
DIRECTED = {
    ("wandb", "mlflow"),
    ("mlflow", "wandb"),
    ("databricks", "spark"),
    ("spark", "databricks"),
    ("tensorrt", "onnx"),
    ("onnx", "tensorrt"),
    ("power-bi", "excel"),
    ("whisper", "hugging-face-transformers"),
    # deep learning makes its applications cheaper to learn, not the other way round
    ("computer-vision", "deep-learning"),
    ("nlp", "deep-learning"),
    ("speech-recognition", "deep-learning"),
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def document() -> dict:
    text = resources.files("ai_roles").joinpath("data", "catalog.toml").read_text("utf-8")
    return tomllib.loads(text)


def relations(catalog: Catalog) -> dict[tuple[str, str], float]:
    return {(i.id, r.item): r.transfer for i in catalog.items for r in i.related}


class TestLoading:
    def test_loads(self, catalog):
        """The built-in catalog loads and validates with its 39 roles."""
        assert 39 == len(catalog.roles)


class TestSeniority:
    def test_every_role_states_its_seniority(self, document):
        """Every role of the file says its seniority, rather than relying on the default."""
        assert [] == [r["id"] for r in document["roles"] if "seniority" not in r]

    def test_seniorities(self, catalog):
        """Each role has the seniority hiring practice gives it."""
        expected = {k: Seniority.parse(v) for k, v in SENIORITY.items()}
        assert expected == {role.id: role.seniority for role in catalog.roles}

    def test_experience(self, catalog):
        """Only the architect and the manager list experience, and they list these roles."""
        actual = {role.id: set(role.experience) for role in catalog.roles if role.experience}
        assert EXPERIENCE == actual

    def test_experience_counts(self, catalog):
        """Every role listed as experience is of mid seniority or above, so working in it counts."""
        low = [
            other
            for role in catalog.roles
            for other in role.experience
            if catalog.role(other).seniority < Seniority.MID
        ]
        assert [] == low

    def test_product_manager_does_not_lead_data_science(self, catalog):
        """A product manager or an analyst is not hired straight into data-science management."""
        experience = set(catalog.role("data-science-manager").experience)
        assert set() == experience & {"ai-product-manager", "data-analyst", "bi-developer"}


class TestEntryRequirements:
    @pytest.mark.parametrize(("tool", "skill"), sorted(FRAMEWORKS.items()))
    def test_framework_needs_its_skill(self, catalog, tool, skill):
        """A framework needs the skill it is a tool for, at awareness, before it is learnt."""
        needs = {p.item: p.level for p in catalog.tool(tool).prerequisites}
        assert Level.AWARENESS == needs.get(skill)

    @pytest.mark.parametrize(("tool", "skill"), sorted(FRAMEWORKS.items()))
    def test_framework_exercises_its_skill(self, catalog, tool, skill):
        """A framework exercises the skill it is a tool for, so holding it credits that skill."""
        assert skill in catalog.tool(tool).skills

    def test_no_tool_is_a_prerequisite_of_what_it_exercises(self, catalog):
        """No skill needs, at entry, a tool that exercises it."""
        clashes = [
            (tool.id, skill)
            for tool in catalog.tools
            for skill in tool.skills
            if any(p.item == tool.id for p in catalog.skill(skill).prerequisites)
        ]
        assert [] == clashes

    def test_credit_hands_out_no_foundation(self, catalog):
        """Holding a tool implies working mathematics, statistics or ML only if its entry does."""
        found = []
        for tool in catalog.tools:
            entry = catalog.closure({p.item: p.level for p in tool.prerequisites}).levels
            held = catalog.closure({tool.id: Level.PRACTITIONER}).levels
            found.extend(
                (tool.id, item, held[item])
                for item in sorted(FOUNDATIONS & set(held) - set(tool.skills))
                if held[item] >= Level.WORKING and held[item] > entry.get(item, Level.NONE)
            )
        assert [] == found

    def test_credit_keeps_role_levels(self, catalog):
        """No role's profile holds an item it requires above the level it requires it at."""
        raised = [
            (role.id, r.options[0])
            for role in catalog.roles
            for r in role.requirements
            if catalog.profile_of(role).level(r.options[0]) > r.level
        ]
        assert [] == raised


class TestRelated:
    def test_transfers_are_shares_with_reasons(self, catalog):
        """Every transfer lies in (0, 1) and says why in a sentence."""
        bad = [
            (item.id, r.item)
            for item in catalog.items
            for r in item.related
            if not (0.0 < r.transfer < 1.0 and r.reason.strip().endswith("."))
        ]
        assert [] == bad

    @pytest.mark.parametrize(("pair", "factor"), sorted(FACTORS.items()))
    def test_factors(self, catalog, pair, factor):
        """The documented factors are the declared ones."""
        assert factor == relations(catalog).get(pair)

    @pytest.mark.parametrize("family", sorted(FAMILIES))
    def test_families_are_related(self, catalog, family):
        """Every two products of one family are related both ways."""
        declared = relations(catalog)
        pairs = itertools.permutations(FAMILIES[family], 2)
        assert [] == [pair for pair in pairs if pair not in declared]

    def test_symmetric_unless_said(self, catalog):
        """A relation holds both ways with one factor, except the few declared one-sided."""
        declared = relations(catalog)
        lopsided = {
            (a, b)
            for (a, b), factor in declared.items()
            if declared.get((b, a)) != factor and (a, b) not in DIRECTED
        }
        assert set() == lopsided


def test_former_id_of_the_builtin_catalog(catalog):
    """A profile naming design-of-experiments (merged in 2026.2) still loads, with a warning."""
    with pytest.warns(DeprecationWarning, match="'design-of-experiments' is a former id of"):
        levels = catalog.closure({"design-of-experiments": "practitioner"}).levels
    assert Level.PRACTITIONER == levels["experimentation"]
