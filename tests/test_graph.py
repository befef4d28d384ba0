from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from hypothesis import given

from ai_roles import (
    Catalog,
    CatalogError,
    Level,
    Requirement,
    Role,
    SchemaVersionError,
    Skill,
    Tool,
    build_graph,
    catalog_from_graph,
    from_node_link,
    read_graphml,
    to_node_link,
    write_graphml,
)
from strategies import catalogs


def example() -> Catalog:
    return Catalog(
        name="example",
        version="1",
        skills=[
            Skill(id="docker-skills", name="Containers", hours=20),
            Skill(id="ml", name="ML", prerequisites=[("python", Level.PRACTITIONER)]),
        ],
        tools=[
            Tool(id="python", name="Python", kind="language", hours=100),
            Tool(id="docker", name="Docker", kind="platform", skills=["docker-skills"]),
            Tool(
                id="kubernetes",
                name="Kubernetes",
                prerequisites=["docker"],
                skills=["docker-skills"],
            ),
        ],
        roles=[
            Role(
                id="mlops",
                name="MLOps Engineer",
                requirements=[
                    Requirement(options=["kubernetes", "docker"], level=3, importance=0.8),
                    Requirement(options="ml", level=2, essential=False),
                ],
            )
        ],
    )


class TestBuildGraph:
    def test_nodes_and_edges(self):
        """Nodes carry kind and fields; edges carry their relation and attributes."""
        G = build_graph(example())
        assert G.graph == {"name": "example", "version": "1", "effort": (0.1, 0.4, 1.0, 2.5)}
        assert G.nodes["python"]["kind"] == "tool"
        assert G.nodes["python"]["tool_kind"] == "language"
        assert G.nodes["python"]["hours"] == 100.0
        assert G.nodes["mlops"]["kind"] == "role"
        assert G.nodes["ml"]["kind"] == "skill"
        assert {
            "relation": "requires",
            "level": Level.PRACTITIONER,
            "essential": True,
            "importance": 0.8,
            "group": 0,
            "rank": 1,
        } == G.edges["mlops", "docker"]
        assert G.edges["mlops", "ml"]["essential"] is False
        assert {"relation": "prerequisite", "level": Level.PRACTITIONER, "order": 0} == G.edges[
            "python", "ml"
        ]
        assert {"relation": "exercises", "order": 0} == G.edges["kubernetes", "docker-skills"]

    def test_alternatives_share_a_group(self):
        """Options of one requirement share a group; other requirements have their own."""
        G = build_graph(example())
        assert G.edges["mlops", "kubernetes"]["group"] == G.edges["mlops", "docker"]["group"]
        assert G.edges["mlops", "ml"]["group"] != G.edges["mlops", "docker"]["group"]

    def test_frozen_and_cached(self):
        """The graph cannot be changed, and catalog.graph is built once."""
        cat = example()
        with pytest.raises(nx.NetworkXError):
            cat.graph.add_node("x")
        assert cat.graph is cat.graph

    def test_topological_order_is_a_learning_order(self):
        """Along prerequisite edges, a topological order puts every prerequisite first."""
        G = build_graph(example())
        prerequisites = nx.DiGraph(
            [(u, v) for u, v, r in G.edges(data="relation") if r == "prerequisite"]
        )
        order = list(nx.topological_sort(prerequisites))
        assert order.index("docker") < order.index("kubernetes")
        assert order.index("python") < order.index("ml")


class TestRoundTrips:
    @given(catalogs())
    def test_graph(self, catalog):
        """catalog_from_graph inverts build_graph exactly."""
        assert catalog == catalog_from_graph(build_graph(catalog))

    @given(catalogs())
    def test_node_link(self, catalog):
        """Node-link data survives JSON and rebuilds the catalog."""
        data = json.loads(json.dumps(to_node_link(catalog)))
        assert catalog == from_node_link(data)

    @given(catalogs(max_items=5, max_roles=2))
    def test_graphml(self, tmp_path_factory, catalog):
        """GraphML round trips are the identity, whatever the text holds."""
        path = tmp_path_factory.mktemp("g") / "catalog.graphml"
        write_graphml(catalog, path)
        assert catalog == read_graphml(path)

    def test_graphml_awkward_text(self, tmp_path):
        """Text XML cannot carry (control characters, carriage returns) still round-trips."""
        catalog = Catalog(
            name="a\rb",
            skills=[
                Skill(id="s", name="x\x01y", description="line\r\nnext\ufffe", aliases=["\x00"])
            ],
        )
        path = tmp_path / "c.graphml"
        write_graphml(catalog, path)
        assert catalog == read_graphml(path)

    def test_graphml_is_readable_by_networkx(self, tmp_path):
        """Other tools see plain attributes: names as text, lists as JSON text."""
        path = tmp_path / "c.graphml"
        write_graphml(example(), path)
        G = nx.read_graphml(path)
        assert G.nodes["docker"]["name"] == "Docker"
        assert G.nodes["docker"]["aliases"] == "[]"
        assert G.edges["mlops", "docker"]["level"] == 3


class TestBadGraphs:
    def test_not_graphml(self, tmp_path):
        """A file that is not GraphML is a CatalogError naming the file."""
        path = tmp_path / "c.graphml"
        path.write_text("<graphml><oops", encoding="utf-8")
        with pytest.raises(CatalogError, match=re.escape(f"{path}: not GraphML")):
            read_graphml(path)

    def test_foreign_graphml(self, tmp_path):
        """A GraphML file without our schema is a SchemaVersionError."""
        path = tmp_path / "c.graphml"
        nx.write_graphml(nx.DiGraph([("a", "b")]), path)
        with pytest.raises(
            SchemaVersionError, match=re.escape("graph.schema: missing (expected 'ai-roles/1')")
        ):
            read_graphml(path)

    def test_undirected_graphml(self, tmp_path):
        """An undirected graph is refused."""
        G = nx.Graph(schema="ai-roles/1")
        G.add_node("a", kind="skill", name="A")
        path = tmp_path / "c.graphml"
        nx.write_graphml(G, path)
        with pytest.raises(CatalogError, match="not a directed graph"):
            read_graphml(path)

    def test_bad_nodes_reported_together(self):
        """Nodes without a kind or a name, and bad values, are each named."""
        G = nx.DiGraph()
        G.add_node("a", kind="job", name="A")
        G.add_node("b", kind="skill")
        G.add_node("c", kind="skill", name="C", aliases="{not json")
        G.add_node("d", kind="tool", name="D", hours=-1.0)
        with pytest.raises(CatalogError) as info:
            catalog_from_graph(G)
        problems = info.value.problems
        assert problems[0] == "nodes['a'].kind: 'job' is not 'role', 'skill' or 'tool'"
        assert problems[1] == "nodes['b']: name: missing"
        assert problems[2].startswith("nodes['c']: ")
        assert problems[3] == "nodes['d']: hours: -1.0 is not a number of hours (finite and >= 0)"

    def test_bad_effort(self):
        """A bad effort attribute is named."""
        G = nx.DiGraph(effort="[1, 2]")
        with pytest.raises(
            CatalogError, match=re.escape("graph.effort: fractions: [1.0, 2.0] is not 4 fractions")
        ):
            catalog_from_graph(G)

    def test_cross_object_problems(self):
        """A graph whose catalog is invalid is refused like the catalog itself."""
        G = nx.DiGraph()
        G.add_node("a", kind="skill", name="A")
        G.add_edge("a", "a", relation="prerequisite", level=2)
        with pytest.raises(CatalogError, match=re.escape("skills[0].prerequisites: cycle a -> a")):
            catalog_from_graph(G)

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ([1, 2], "not node-link data"),
            ({"nodes": []}, "not node-link data"),
            ({"graph": {"schema": "ai-roles/1"}}, "not node-link data"),
        ],
    )
    def test_bad_node_link(self, data, message):
        """Data that is not node-link data is a CatalogError."""
        with pytest.raises(CatalogError, match=message):
            from_node_link(data)

    def test_node_link_schema(self):
        """Node-link data without our schema is a SchemaVersionError."""
        data = nx.node_link_data(nx.DiGraph([("a", "b")]), edges="edges")
        with pytest.raises(SchemaVersionError):
            from_node_link(data)
