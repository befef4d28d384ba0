"""Static checks of the public API's types: mypy reads this file, nothing runs it."""

from __future__ import annotations

from typing import Any

import networkx as nx  # noqa: F401 (used in the string annotations)
from typing_extensions import assert_type

import ai_roles
from ai_roles import Catalog, Level, Profile, Requirement, Role, Skill, Tool

catalog = ai_roles.load_catalog()
assert_type(catalog, Catalog)
assert_type(catalog.role("data-scientist"), Role)
assert_type(catalog.skill("statistics"), Skill)
assert_type(catalog.tool("docker"), Tool)
assert_type(catalog.item("docker"), Skill | Tool)
assert_type(catalog.hours("docker", Level.NONE, 3), float)
assert_type(catalog.closure({"docker": 2}), Profile)
assert_type(catalog.profile_of("mlops-engineer"), Profile)
assert_type(catalog.graph, "nx.DiGraph[str]")
assert_type(Requirement(options="python").options, tuple[str, ...])
assert_type(Role(id="r", name="R", requirements=["x"]).requirements, tuple[Requirement, ...])
assert_type(Skill(id="s", name="S", prerequisites=[("x", 2)]).hours, float)
assert_type(ai_roles.dumps(catalog), str)
assert_type(ai_roles.to_dict(catalog), dict[str, Any])
assert_type(ai_roles.from_dict({}, Catalog), Catalog)
assert_type(ai_roles.loads("{}", cls=Role), Role)
assert_type(ai_roles.load("x.json", cls=Profile), Profile)
assert_type(ai_roles.loads("{}"), Any)
assert_type(ai_roles.load_catalog("x.toml"), Catalog)
assert_type(ai_roles.build_graph(catalog), "nx.DiGraph[str]")
assert_type(ai_roles.catalog_from_graph(catalog.graph), Catalog)
assert_type(ai_roles.to_dot(catalog), str)
assert_type(ai_roles.to_mermaid(catalog, "mlops-engineer", neighbourhood="similar", k=3), str)
assert_type(
    Skill(id="a", name="A", aliases=["x"], external_ids={"esco": "u"}).aliases, tuple[str, ...]
)
assert_type(Role(id="r", name="R", responsibilities=["do"], external_ids={"onet": "1"}).name, str)
assert_type(catalog.merge(catalog), Catalog)
