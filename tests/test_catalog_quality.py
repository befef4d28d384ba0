"""Quality checks of the built-in catalog: coverage of the field, links, effort, neighbours."""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest

from ai_roles import Catalog, Tool, load_catalog

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib
from ai_roles.similarity import most_similar

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
ESCO = DATA / "esco-v1.1.1" / "esco-v1.1.1-classification-en-csv.zip"
ONET = DATA / "onet" / "Occupation Data.txt"
GOLDEN = tomllib.loads((ROOT / "tests" / "golden" / "neighbours.toml").read_text(encoding="utf-8"))

CATEGORIES = {
    "programming",
    "mathematics",
    "statistics",
    "machine-learning",
    "deep-learning",
    "data-engineering",
    "data-analysis",
    "mlops",
    "cloud-and-infrastructure",
    "llms-and-generative-ai",
    "product-and-business",
    "research",
    "communication",
    "software-engineering",
    "computer-vision",
    "robotics",
    "nlp-and-speech",
    "security",
    "management",
}
HOURS = (8.0, 400.0)  # the range docs/catalog.md documents


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


class TestSize:
    def test_counts(self, catalog):
        """At least 38 roles, 150 skills and 150 tools (issue 14's floor for 2026.2)."""
        assert len(catalog.roles) >= 38
        assert len(catalog.skills) >= 150
        assert len(catalog.tools) >= 150

    def test_golden_roles_exist(self, catalog):
        """Every role of the golden neighbour list is in the catalog, and no other."""
        assert set(GOLDEN["neighbours"]) == {role.id for role in catalog.roles}

    def test_skill_categories(self, catalog):
        """Skills fall in the documented categories, and every category is used."""
        used = {skill.category for skill in catalog.skills}
        assert used <= CATEGORIES
        assert len(used) >= 17


class TestRoles:
    @pytest.mark.parametrize("role_id", sorted(GOLDEN["neighbours"]))
    def test_described(self, catalog, role_id):
        """Each role has a summary, why, responsibilities, family, aliases and 8+ requirements."""
        role = catalog.role(role_id)
        assert role.summary
        assert role.why
        assert len(role.responsibilities) >= 3
        assert role.family
        assert role.aliases
        assert role.sources
        assert len(role.requirements) >= 8
        assert any(r.essential for r in role.requirements)

    @pytest.mark.parametrize("role_id", sorted(GOLDEN["neighbours"]))
    def test_neighbours_match_the_golden_list(self, catalog, role_id):
        """A role's three most similar roles are among those a practitioner expects."""
        expected = set(GOLDEN["neighbours"][role_id])
        found = [m.role for m in most_similar(catalog, role_id, k=3)]
        assert set(found) <= expected, f"{role_id}: {found} not all in {sorted(expected)}"


class TestItems:
    def test_hours_in_range(self, catalog):
        """Hours to practitioner lie in the documented range."""
        low, high = HOURS
        outside = [(i.id, i.hours) for i in catalog.items if not low <= i.hours <= high]
        assert [] == outside

    def test_tools_have_prerequisites(self, catalog):
        """Every tool but a language needs something first (a language, a skill)."""
        missing = [t.id for t in catalog.tools if t.kind != "language" and not t.prerequisites]
        assert [] == missing

    def test_tools_exercise_skills(self, catalog):
        """Every tool exercises at least one skill."""
        assert [] == [t.id for t in catalog.tools if isinstance(t, Tool) and not t.skills]


# --- links to the official taxonomies ---------------------------------------------------

needs_data = pytest.mark.skipif(
    not (ESCO.is_file() and ONET.is_file()),
    reason="the official ESCO and O*NET files are not in ../shared/data",
)


@cache
def esco_uris() -> frozenset[str]:
    csv.field_size_limit(sys.maxsize)
    uris = set()
    with zipfile.ZipFile(ESCO) as archive:
        for name in ("occupations_en.csv", "skills_en.csv"):
            with archive.open(name) as raw:
                reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig"))
                uris.update(row["conceptUri"] for row in reader)
    return frozenset(uris)


@cache
def onet_codes() -> frozenset[str]:
    with ONET.open(encoding="utf-8-sig", newline="") as f:
        return frozenset(row["O*NET-SOC Code"] for row in csv.DictReader(f, delimiter="\t"))


@needs_data
def test_external_ids_exist(catalog):
    """Every ESCO URI and O*NET-SOC code on a role exists in the official release."""
    unknown = []
    for obj in (*catalog.roles, *catalog.items):
        esco = obj.external_ids.get("esco")
        if esco is not None and esco not in esco_uris():
            unknown.append((obj.id, esco))
        onet = obj.external_ids.get("onet")
        if onet is not None and obj in catalog.roles and onet not in onet_codes():
            unknown.append((obj.id, onet))
    assert [] == unknown


def test_links_are_there(catalog):
    """Most roles link to O*NET and to ESCO; the article's Data Scientist to both."""
    with_onet = [r.id for r in catalog.roles if "onet" in r.external_ids]
    with_esco = [r.id for r in catalog.roles if "esco" in r.external_ids]
    assert len(with_onet) >= len(catalog.roles) // 2
    assert len(with_esco) >= len(catalog.roles) // 2
    assert {"onet", "esco"} <= set(catalog.role("data-scientist").external_ids)
