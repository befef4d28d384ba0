from __future__ import annotations

import functools
import math
import re
import shutil
import subprocess
from xml.etree import ElementTree as ET

import pytest

import ai_roles
from ai_roles import (
    ArgumentError,
    Catalog,
    Profile,
    Requirement,
    Role,
    Skill,
    Tool,
    UnknownItemError,
    to_dot,
    to_mermaid,
)
from ai_roles.careers import career_path
from ai_roles.paths import learning_path
from ai_roles.results import CareerPath, LearningPath, Reason, Step
from ai_roles.similarity import most_similar

WHY = Reason(kind="required", of="ops", level=1)

DOT = shutil.which("dot")
needs_dot = pytest.mark.skipif(
    DOT is None, reason="Graphviz is not installed (.ci/run installs it)"
)

# --- reading the pictures back ------------------------------------------------------------

_QUOTED = r'"(?:[^"\\]|\\.)*"'
_DOT_NODE = re.compile(rf"^\s*({_QUOTED}) \[label=({_QUOTED})(.*)\];$")
_DOT_EDGE = re.compile(rf"^\s*({_QUOTED}) -> ({_QUOTED})(?: \[(.*)\])?;$")
_DOT_CLUSTER = re.compile(r'^\s*subgraph "cluster_\d+" \{$')
_DOT_LABEL = re.compile(rf"label=({_QUOTED})")

_MERMAID_NODE = re.compile(
    r'^\s*(n\d+)(\(\[|\[\[|\(\(|\(|\[)"([^"]*)"(\]\)|\]\]|\)\)|\)|\]):::(\w+)$'
)
_MERMAID_EDGE = re.compile(r'^\s*(\S+) (-->|-\.->|--o|-- "[^"]*" -->|-\. "[^"]*" \.->) (\S+)$')
_MERMAID_SUBGRAPH = re.compile(r'^\s*subgraph (g\d+)\["([^"]*)"\]$')


def unquote(text: str) -> str:
    r"""Undo DOT quoting: strip the quotes, turn ``\n`` into a newline, drop other backslashes."""
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] == "n" else m[1], text[1:-1])


def dot_nodes(text: str) -> dict[str, tuple[str, str]]:
    """Map each node id to its label and other attributes, checking it is declared once."""
    found: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if m := _DOT_NODE.match(line):
            key = unquote(m[1])
            assert key not in found, f"{key} declared twice"
            found[key] = (unquote(m[2]), m[3])
    return found


def dot_edges(text: str, *, visible: bool = True) -> list[tuple[str, str, str]]:
    """The edges (tail, head, attributes), the invisible ones left out unless `visible` is False."""
    edges = []
    for line in text.splitlines():
        if m := _DOT_EDGE.match(line):
            attributes = m[3] or ""
            if visible == ("style=invis" not in attributes):
                edges.append((unquote(m[1]), unquote(m[2]), attributes))
    return edges


def dot_label(attributes: str) -> str:
    m = _DOT_LABEL.search(attributes)
    return unquote(m[1]) if m else ""


def dot_clusters(text: str) -> dict[str, list[list[str]]]:
    """Map each cluster label to the node ids of each cluster carrying it."""
    clusters: dict[str, list[list[str]]] = {}
    members: list[str] | None = None
    label = ""
    for line in text.splitlines():
        if _DOT_CLUSTER.match(line):
            members = []
        elif members is not None and line.strip() == "}":
            clusters.setdefault(label, []).append(members)
            members = None
        elif members is not None and line.strip().startswith("graph ["):
            label = dot_label(line)
        elif members is not None and (m := _DOT_NODE.match(line)):
            members.append(unquote(m[1]))
    return clusters


def mermaid_nodes(text: str) -> dict[str, tuple[str, str]]:
    """Map each node id to its (escaped) label and class, checking it is declared once."""
    found: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if m := _MERMAID_NODE.match(line):
            assert m[1] not in found, f"{m[1]} declared twice"
            found[m[1]] = (m[3], m[5])
    return found


def mermaid_edges(text: str) -> list[tuple[str, str, str]]:
    """The edges (tail, arrow, head), checking every line that is not something else is an edge."""
    edges = []
    for line in text.splitlines()[1:]:
        stripped = line.strip()
        if (
            _MERMAID_NODE.match(line)
            or _MERMAID_SUBGRAPH.match(line)
            or stripped == "end"
            or stripped.startswith(("classDef ", "style "))
        ):
            continue
        m = _MERMAID_EDGE.match(line)
        assert m, f"not an edge: {line!r}"
        edges.append((m[1], m[2], m[3]))
    return edges


def mermaid_groups(text: str) -> dict[str, list[list[str]]]:
    """Map each subgraph label to the node ids declared directly in each subgraph carrying it."""
    groups: dict[str, list[list[str]]] = {}
    stack: list[list[str]] = []
    for line in text.splitlines():
        if m := _MERMAID_SUBGRAPH.match(line):
            stack.append([])
            groups.setdefault(m[2], []).append(stack[-1])
        elif line.strip() == "end":
            stack.pop()
        elif stack and (m := _MERMAID_NODE.match(line)):
            stack[-1].append(m[1])
    return groups


def mermaid_label(text: str) -> str:
    """Undo Mermaid label escaping."""
    for entity, character in (("<br/>", "\n"), ("#quot;", '"'), ("#lt;", "<"), ("#gt;", ">")):
        text = text.replace(entity, character)
    return text.replace("#96;", "`").replace("#amp;", "&").replace("#35;", "#")


def check_mermaid(text: str) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str, str]]]:
    """Check the flowchart's frame and that edges join declared nodes; return nodes and edges."""
    assert text.startswith("flowchart LR\n")
    assert text.endswith("\n")
    nodes = mermaid_nodes(text)
    edges = mermaid_edges(text)
    for tail, _, head in edges:
        assert tail in nodes
        assert head in nodes
    return nodes, edges


def render(text: str) -> list[str]:
    """Render DOT text with Graphviz and return the SVG's texts."""
    svg = subprocess.run(
        [str(DOT), "-Tsvg"], input=text.encode(), capture_output=True, check=True
    ).stdout
    root = ET.fromstring(svg)  # noqa: S314 (Graphviz's output, not untrusted input)
    return ["".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text")]


# --- catalogs and an independent reference --------------------------------------------------


@functools.cache
def builtin() -> Catalog:
    return ai_roles.load_catalog()


def stack() -> Catalog:
    """Docker and Python need nothing; Kubernetes needs Docker; Helm needs Kubernetes and Python."""
    return Catalog(
        name="stack",
        skills=[Skill(id="yaml", name="YAML", hours=5)],
        tools=[
            Tool(id="docker", name="Docker", hours=30, kind="platform", skills=["yaml"]),
            Tool(id="python", name="Python", hours=100, kind="language"),
            Tool(id="kubernetes", name="Kubernetes", hours=60, prerequisites=["docker"]),
            Tool(id="helm", name="Helm", hours=10, prerequisites=["kubernetes", "python"]),
            Tool(id="podman", name="Podman", hours=20),
        ],
        roles=[
            Role(
                id="ops",
                name="Ops",
                requirements=[
                    Requirement(options="helm", level=3),
                    Requirement(options=["docker", "podman"], level=2),
                    Requirement(options="yaml", level=1, essential=False),
                ],
            ),
            Role(id="dev", name="Dev", requirements=[Requirement(options="python", level=3)]),
            Role(id="idle", name="Idle"),
        ],
    )


def ladder() -> Catalog:
    """Junior needs a; middle needs a, b; senior needs a, b, c; each 40 h to practitioner."""
    return Catalog(
        skills=[Skill(id=i, name=i.upper(), hours=40) for i in ("a", "b", "c")],
        roles=[
            Role(id=r, name=r.title(), requirements=[Requirement(options=o, level=3) for o in os])
            for r, os in (("junior", "a"), ("middle", "ab"), ("senior", "abc"))
        ],
    )


def prerequisite_pairs(catalog: Catalog, path: LearningPath) -> set[tuple[str, str]]:
    """Every (P, X) with X a step whose item lists P, itself a step, among its prerequisites."""
    items = {s.item for s in path.steps}
    return {
        (p.item, s.item)
        for s in path.steps
        for p in catalog.item(s.item).prerequisites
        if p.item in items
    }


def depths(catalog: Catalog, path: LearningPath) -> dict[str, int]:
    """Each step's prerequisite depth, by plain recursion."""
    items = {s.item for s in path.steps}

    @functools.cache
    def depth(item: str) -> int:
        needed = [p.item for p in catalog.item(item).prerequisites if p.item in items]
        return 1 + max(map(depth, needed)) if needed else 0

    return {item: depth(item) for item in items}


def by_depth(catalog: Catalog, path: LearningPath) -> dict[str, list[str]]:
    """The cluster label each depth should have, with its steps' items in step order."""
    found = depths(catalog, path)
    return {
        f"depth {d}": [s.item for s in path.steps if found[s.item] == d]
        for d in sorted(set(found.values()))
    }


def paths() -> list[LearningPath]:
    return [
        learning_path(builtin(), "data-scientist", "mlops-engineer"),
        learning_path(stack(), {}, "ops"),
    ]


def catalog_of(path: LearningPath) -> Catalog:
    return stack() if path.target == "ops" else builtin()


# --- learning paths --------------------------------------------------------------------------


class TestLearningPathDot:
    @pytest.mark.parametrize("path", paths(), ids=["builtin", "stack"])
    def test_each_step_is_one_node(self, path):
        """Every step appears once, as a node named by its item id (declared depth by depth)."""
        nodes = dot_nodes(to_dot(catalog_of(path), path))
        assert sorted(s.item for s in path.steps) == sorted(nodes)

    @pytest.mark.parametrize("path", paths(), ids=["builtin", "stack"])
    def test_prerequisite_edges(self, path):
        """The visible edges are exactly the prerequisite pairs among the steps."""
        catalog = catalog_of(path)
        edges = dot_edges(to_dot(catalog, path))
        expected = prerequisite_pairs(catalog, path)
        assert len(expected) == len(edges)
        assert expected == {(tail, head) for tail, head, _ in edges}

    @pytest.mark.parametrize("path", paths(), ids=["builtin", "stack"])
    def test_depth_clusters(self, path):
        """Each depth is one rank=same cluster holding its steps in step order."""
        catalog = catalog_of(path)
        text = to_dot(catalog, path)
        assert {k: [v] for k, v in by_depth(catalog, path).items()} == dot_clusters(text)
        assert text.count("rank=same;") == len(set(depths(catalog, path).values()))

    def test_small_depths(self):
        """Docker and Python at depth 0, Kubernetes at 1, Helm at 2."""
        path = learning_path(stack(), {}, "ops")
        clusters = dot_clusters(to_dot(stack(), path))
        assert {
            "depth 0": [["docker", "python"]],
            "depth 1": [["kubernetes"]],
            "depth 2": [["helm"]],
        } == clusters

    def test_labels_and_title(self):
        """A step shows its number, name, levels and hours; the title the total."""
        path = learning_path(stack(), {}, "ops")
        text = to_dot(stack(), path)
        assert "1. Docker\nnone → working\n12 h" == dot_nodes(text)["docker"][0]
        assert ["1. ", "3. ", "2. ", "4. "] == [label[:3] for label, _ in dot_nodes(text).values()]
        assert 'label="You → Ops: 86 h"' in text
        assert math.isclose(86.0, path.total_hours)

    def test_order_edges(self):
        """Invisible edges keep each depth's steps in reading order, later to earlier."""
        path = learning_path(stack(), {}, "ops")
        hidden = [(t, h) for t, h, _ in dot_edges(to_dot(stack(), path), visible=False)]
        assert [("python", "docker")] == hidden

    def test_from_a_role(self):
        """A path from a role names the role in the title."""
        path = learning_path(builtin(), "data-scientist", "mlops-engineer")
        title = f'label="Data Scientist → MLOps Engineer: {path.total_hours:,.0f} h"'
        assert title in to_dot(builtin(), path)

    def test_nothing_to_learn(self):
        """An empty path draws a note and its title."""
        text = to_dot(stack(), learning_path(stack(), "ops", "ops"))
        assert {"nothing to learn": ("nothing to learn", ", shape=plaintext")} == dot_nodes(text)
        assert [] == dot_edges(text)
        assert 'label="Ops → Ops: 0 h"' in text

    def test_repeated_item(self):
        """A hand-made path raising an item twice has a node per step; edges come from the later."""
        path = LearningPath(
            target="ops",
            steps=[
                Step(item="docker", from_level=0, to_level=1, hours=3, reason=WHY),
                Step(item="docker", from_level=1, to_level=2, hours=9, reason=WHY),
                Step(item="kubernetes", from_level=0, to_level=3, hours=60, reason=WHY),
            ],
            total_hours=72,
        )
        text = to_dot(stack(), path)
        assert ["docker", "docker (2)", "kubernetes"] == list(dot_nodes(text))
        assert [("docker (2)", "kubernetes")] == [(t, h) for t, h, _ in dot_edges(text)]

    def test_prerequisite_after_its_dependent(self):
        """A hand-made path out of order still links the prerequisite's step."""
        steps = [
            Step(item="kubernetes", from_level=0, to_level=3, hours=60, reason=WHY),
            Step(item="docker", from_level=0, to_level=2, hours=12, reason=WHY),
        ]
        text = to_dot(stack(), LearningPath(target="ops", steps=steps, total_hours=72))
        assert [("docker", "kubernetes")] == [(t, h) for t, h, _ in dot_edges(text)]
        assert {"depth 0": [["docker"]], "depth 1": [["kubernetes"]]} == dot_clusters(text)

    @needs_dot
    @pytest.mark.parametrize("path", paths(), ids=["builtin", "stack"])
    def test_renders(self, path):
        """Graphviz renders the picture, with every step's name in it."""
        catalog = catalog_of(path)
        texts = render(to_dot(catalog, path))
        for i, step in enumerate(path.steps, 1):
            assert f"{i}. {catalog.item(step.item).name}" in texts


class TestLearningPathMermaid:
    @pytest.mark.parametrize("path", paths(), ids=["builtin", "stack"])
    def test_each_step_is_one_node(self, path):
        """Every step appears once, as node n<i> labelled with its number and name."""
        catalog = catalog_of(path)
        nodes, _ = check_mermaid(to_mermaid(catalog, path))
        assert [f"n{i}" for i in range(len(path.steps))] == sorted(nodes, key=lambda n: int(n[1:]))
        for i, step in enumerate(path.steps):
            label = mermaid_label(nodes[f"n{i}"][0])
            assert label.startswith(f"{i + 1}. {catalog.item(step.item).name}\n")

    @pytest.mark.parametrize("path", paths(), ids=["builtin", "stack"])
    def test_prerequisite_edges(self, path):
        """The edges are exactly the prerequisite pairs among the steps, as solid arrows."""
        catalog = catalog_of(path)
        _, edges = check_mermaid(to_mermaid(catalog, path))
        item = {f"n{i}": s.item for i, s in enumerate(path.steps)}
        expected = prerequisite_pairs(catalog, path)
        assert len(expected) == len(edges)
        assert expected == {(item[t], item[h]) for t, _, h in edges}
        assert {"-->"} == {arrow for _, arrow, _ in edges}

    @pytest.mark.parametrize("path", paths(), ids=["builtin", "stack"])
    def test_depth_subgraphs(self, path):
        """Each depth is one subgraph holding its steps, inside one titled by the total."""
        catalog = catalog_of(path)
        text = to_mermaid(catalog, path)
        item = {f"n{i}": s.item for i, s in enumerate(path.steps)}
        groups = mermaid_groups(text)
        title = next(label for label in groups if label.endswith(" h"))
        assert [[]] == groups.pop(title)
        assert {k: [v] for k, v in by_depth(catalog, path).items()} == {
            label: [[item[n] for n in members] for members in found]
            for label, found in groups.items()
        }

    def test_small_depths_and_title(self):
        """Docker and Python at depth 0, Kubernetes at 1, Helm at 2, the total in the title."""
        text = to_mermaid(stack(), learning_path(stack(), {}, "ops"))
        assert {
            "You → Ops: 86 h": [[]],
            "depth 0": [["n0", "n2"]],
            "depth 1": [["n1"]],
            "depth 2": [["n3"]],
        } == mermaid_groups(text)
        assert ("1. Docker<br/>none → working<br/>12 h", "tool") == mermaid_nodes(text)["n0"]

    def test_nothing_to_learn(self):
        """An empty path draws a note inside its title."""
        text = to_mermaid(stack(), learning_path(stack(), "ops", "ops"))
        nodes, edges = check_mermaid(text)
        assert {"n0": ("nothing to learn", "note")} == nodes
        assert [] == edges


# --- career paths ------------------------------------------------------------------------------


class TestCareerPath:
    def test_dot_roles_and_legs(self):
        """The roles in order, one edge per move labelled with its hours, the total in the title."""
        career = career_path(ladder(), "junior", "senior", max_step_hours=50)
        text = to_dot(ladder(), career)
        assert {"junior": "Junior", "middle": "Middle", "senior": "Senior"} == {
            key: label for key, (label, _) in dot_nodes(text).items()
        }
        assert [("junior", "middle", "40 h"), ("middle", "senior", "40 h")] == [
            (t, h, dot_label(a)) for t, h, a in dot_edges(text)
        ]
        assert 'label="Junior → Senior: 80 h in 2 moves"' in text

    def test_dot_from_a_profile(self):
        """A path from a person starts with a You node."""
        career = career_path(ladder(), {}, "senior", max_step_hours=50)
        text = to_dot(ladder(), career)
        assert ["you (profile)", "junior", "middle", "senior"] == list(dot_nodes(text))
        assert "You" == dot_nodes(text)["you (profile)"][0]
        assert len(career.legs) == len(dot_edges(text))
        assert ("you (profile)", "junior") == dot_edges(text)[0][:2]
        assert 'label="You → Senior: 120 h in 3 moves"' in text

    def test_mermaid(self):
        """The same picture in Mermaid: labelled edges between declared nodes."""
        career = career_path(ladder(), {}, "senior", max_step_hours=50)
        nodes, edges = check_mermaid(to_mermaid(ladder(), career))
        assert ["You", "Junior", "Middle", "Senior"] == [label for label, _ in nodes.values()]
        assert ["you", "role", "role", "role"] == [kind for _, kind in nodes.values()]
        assert [
            ("n0", '-- "40 h" -->', "n1"),
            ("n1", '-- "40 h" -->', "n2"),
            ("n2", '-- "40 h" -->', "n3"),
        ] == edges

    def test_no_moves(self):
        """A role to itself is one node and no edge."""
        career = career_path(ladder(), "senior", "senior", max_step_hours=0)
        text = to_dot(ladder(), career)
        assert ["senior"] == list(dot_nodes(text))
        assert [] == dot_edges(text)
        assert 'label="Senior → Senior: 0 h in 0 moves"' in text
        assert check_mermaid(to_mermaid(ladder(), career))[1] == []

    def test_empty(self):
        """A career path with no roles at all still draws its total."""
        text = to_dot(ladder(), CareerPath(roles=(), legs=(), total_hours=0))
        assert {} == dot_nodes(text)
        assert 'label="0 h"' in text

    def test_hand_made(self):
        """Roles that only the legs name still get nodes, so every edge joins declared nodes."""
        legs = (
            LearningPath(
                source="junior",
                target="middle",
                steps=[Step(item="a", from_level=0, to_level=1, hours=5, reason=WHY)],
                total_hours=5,
            ),
            LearningPath(
                target="senior",
                steps=[Step(item="b", from_level=0, to_level=1, hours=7, reason=WHY)],
                total_hours=7,
            ),
        )
        career = CareerPath(roles=("senior",), legs=legs, total_hours=12)
        assert ["you (profile)", "senior", "junior", "middle"] == list(
            dot_nodes(to_dot(ladder(), career))
        )
        _, edges = check_mermaid(to_mermaid(ladder(), career))
        assert [("n2", '-- "5 h" -->', "n3"), ("n0", '-- "7 h" -->', "n1")] == edges

    def test_builtin(self):
        """On the built-in catalog, from a profile, with one move in a single edge."""
        cat = builtin()
        career = career_path(cat, {"python": 3}, "mlops-engineer", max_step_hours=math.inf)
        _, edges = check_mermaid(to_mermaid(cat, career))
        assert len(career.legs) == len(edges)

    @needs_dot
    def test_renders(self):
        """Graphviz renders the picture, with every role's name and the hours."""
        career = career_path(ladder(), {}, "senior", max_step_hours=50)
        texts = render(to_dot(ladder(), career))
        assert {"You", "Junior", "Middle", "Senior", "40 h"} <= set(texts)


# --- roles -------------------------------------------------------------------------------------


class TestRequirements:
    @pytest.mark.parametrize("role", ["mlops-engineer", "data-scientist", "AI Product Manager"])
    def test_dot(self, role):
        """One node per role and item, one edge per option, labelled and styled by requirement."""
        cat = builtin()
        found = cat.role(role)
        text = to_dot(cat, role)
        options = [o for r in found.requirements for o in r.options]
        assert sorted([found.id, *options]) == sorted(dot_nodes(text))
        edges = dot_edges(text)
        assert [
            (found.id, o, r.level.name.lower(), not r.essential)
            for r in found.requirements
            for o in r.options
        ] == [(t, h, dot_label(a), "style=dashed" in a) for t, h, a in edges]

    @pytest.mark.parametrize("role", ["mlops-engineer", "data-scientist"])
    def test_dot_alternatives(self, role):
        """Each requirement with alternatives is one "any one of" cluster."""
        found = builtin().role(role)
        groups = [list(r.options) for r in found.requirements if len(r.options) > 1]
        assert groups
        assert {"any one of": groups} == dot_clusters(to_dot(builtin(), role))

    def test_mermaid(self):
        """Solid arrows for essential requirements, dashed for optional, alternatives grouped."""
        nodes, edges = check_mermaid(to_mermaid(stack(), Role(id="ops", name="ignored")))
        assert {
            "n0": ("Ops", "role"),
            "n1": ("Helm", "tool"),
            "n2": ("Docker", "tool"),
            "n3": ("Podman", "tool"),
            "n4": ("YAML", "skill"),
        } == nodes
        assert [
            ("n0", '-- "practitioner" -->', "n1"),
            ("n0", '-- "working" -->', "n2"),
            ("n0", '-- "working" -->', "n3"),
            ("n0", '-. "awareness" .->', "n4"),
        ] == edges
        groups = mermaid_groups(to_mermaid(stack(), "ops"))
        assert [["n2", "n3"]] == groups["any one of"]

    def test_no_requirements(self):
        """A role without requirements is a lone node."""
        assert ["idle"] == list(dot_nodes(to_dot(stack(), "Idle")))
        assert ["n0"] == list(check_mermaid(to_mermaid(stack(), "idle"))[0])

    @needs_dot
    def test_renders(self):
        """Graphviz renders the picture, with every item's name and the levels."""
        cat = builtin()
        role = cat.role("mlops-engineer")
        texts = set(render(to_dot(cat, role)))
        names = {cat.item(o).name for r in role.requirements for o in r.options}
        assert names | {role.name, "any one of", "practitioner"} <= texts


class TestSimilar:
    @pytest.mark.parametrize("k", [1, 3, 5, 50])
    def test_dot(self, k):
        """The role and its k most similar roles, each edge labelled with the score."""
        cat = builtin()
        matches = most_similar(cat, "mlops-engineer", k=k)
        text = to_dot(cat, "mlops-engineer", neighbourhood="similar", k=k)
        assert ["mlops-engineer", *(m.role for m in matches)] == list(dot_nodes(text))
        assert [("mlops-engineer", m.role, f"{m.score:.2f}") for m in matches] == [
            (t, h, dot_label(a)) for t, h, a in dot_edges(text)
        ]
        assert "penwidth" in dot_nodes(text)["mlops-engineer"][1]

    def test_mermaid(self):
        """The same in Mermaid, scores with two decimals."""
        cat = builtin()
        matches = most_similar(cat, "data-scientist", k=2)
        text = to_mermaid(cat, "Data Scientist", neighbourhood="similar", k=2)
        nodes, edges = check_mermaid(text)
        assert [cat.role(r).name for r in ["data-scientist", *(m.role for m in matches)]] == [
            label for label, _ in nodes.values()
        ]
        assert [("n0", f'-- "{m.score:.2f}" -->', f"n{i}") for i, m in enumerate(matches, 1)] == (
            edges
        )
        assert "  style n0 stroke-width:3px" in text.splitlines()

    @needs_dot
    def test_renders(self):
        """Graphviz renders the picture, with every role's name."""
        cat = builtin()
        texts = set(render(to_dot(cat, "mlops-engineer", neighbourhood="similar", k=5)))
        shown = ["mlops-engineer", *(m.role for m in most_similar(cat, "mlops-engineer", k=5))]
        assert {cat.role(r).name for r in shown} <= texts


# --- the whole catalog -------------------------------------------------------------------------


def mermaid_text(name: str) -> str:
    """A name as Mermaid shows it in a label: its entity codes, `#` first."""
    for raw, code in (
        ("#", "#35;"),
        ("&", "#amp;"),
        ("<", "#lt;"),
        (">", "#gt;"),
        ('"', "#quot;"),
        ("`", "#96;"),
    ):
        name = name.replace(raw, code)
    return name


class TestCatalog:
    @pytest.mark.parametrize("catalog", [builtin(), stack()], ids=["builtin", "stack"])
    def test_dot(self, catalog):
        """Every role, skill and tool once, shaped by kind; every edge, styled by relation."""
        G = catalog.graph
        text = to_dot(catalog)
        nodes = dot_nodes(text)
        assert list(G.nodes) == list(nodes)
        shapes = {"role": "shape=box", "skill": "shape=box", "tool": "shape=component"}
        for node, (label, attributes) in nodes.items():
            assert G.nodes[node]["name"] == label
            assert shapes[G.nodes[node]["kind"]] in attributes
        styles = {"requires": "", "prerequisite": "style=dashed", "exercises": "style=dotted"}
        edges = dot_edges(text)
        assert [(u, v, styles[d["relation"]]) for u, v, d in G.edges(data=True)] == [
            (t, h, a.split(",")[0]) for t, h, a in edges
        ]

    @pytest.mark.parametrize("catalog", [builtin(), stack()], ids=["builtin", "stack"])
    def test_mermaid(self, catalog):
        """Every item once, classed by kind; every edge, its arrow by relation."""
        G = catalog.graph
        nodes, edges = check_mermaid(to_mermaid(catalog))
        ids = {node: f"n{i}" for i, node in enumerate(G.nodes)}
        labels = {ids[n]: (mermaid_text(d["name"]), d["kind"]) for n, d in G.nodes(data=True)}
        assert labels == nodes
        arrows = {"requires": "-->", "prerequisite": "-.->", "exercises": "--o"}
        assert [(ids[u], arrows[d["relation"]], ids[v]) for u, v, d in G.edges(data=True)] == edges

    def test_title(self):
        """The catalog's name and version are the title; an unnamed catalog has none."""
        assert 'label="ai-roles built-in catalog 2026.2"' in to_dot(builtin())
        unnamed = Catalog(skills=[Skill(id="a", name="A")])
        assert "label=" not in to_dot(unnamed).splitlines()[1]
        assert "subgraph" not in to_mermaid(unnamed)

    @needs_dot
    def test_renders(self):
        """Graphviz renders the whole built-in catalog, with every name in it."""
        cat = builtin()
        texts = set(render(to_dot(cat)))
        assert {r.name for r in cat.roles} | {i.name for i in cat.items} <= texts


# --- text: escaping, determinism ------------------------------------------------------------


def awkward() -> Catalog:
    """Names with quotes, newlines, backslashes and Mermaid's specials."""
    return Catalog(
        skills=[
            Skill(id="say", name='Say "hi"\nnow'),
            Skill(id='back\\slash"', name="C:\\temp <b>#1</b> & `x`", prerequisites=["say"]),
        ],
        roles=[Role(id="r", name='The "R" role', requirements=['back\\slash"'])],
    )


class TestEscaping:
    def test_dot_labels(self):
        """Quotes and backslashes are escaped, newlines written as \\n; ids are quoted too."""
        text = to_dot(awkward())
        assert r'"say" [label="Say \"hi\"\nnow"' in text
        assert r'"back\\slash\"" [label="C:\\temp <b>#1</b> & `x`"' in text
        assert {
            "say": 'Say "hi"\nnow',
            'back\\slash"': "C:\\temp <b>#1</b> & `x`",
            "r": 'The "R" role',
        } == {key: label for key, (label, _) in dot_nodes(text).items()}
        assert all(line.startswith("  ") for line in text.splitlines()[1:-1])  # no raw newline

    def test_mermaid_labels(self):
        """Quotes become #quot;, newlines <br/>, and no label can end its string or inject HTML."""
        text = to_mermaid(awkward())
        nodes, _ = check_mermaid(text)
        assert {
            "n0": ("The #quot;R#quot; role", "role"),
            "n1": ("Say #quot;hi#quot;<br/>now", "skill"),
            "n2": ("C:\\temp #lt;b#gt;#35;1#lt;/b#gt; #amp; #96;x#96;", "skill"),
        } == nodes
        assert 'Say "hi"\nnow' == mermaid_label(nodes["n1"][0])
        assert "C:\\temp <b>#1</b> & `x`" == mermaid_label(nodes["n2"][0])

    def test_mermaid_titles(self):
        """Titles and subgraph labels are escaped like node labels."""
        text = to_mermaid(awkward(), learning_path(awkward(), {}, "r"))
        assert 'subgraph g0["You → The #quot;R#quot; role: 32 h"]' in text.splitlines()[1]
        check_mermaid(text)

    def test_crlf(self):
        """Carriage returns become line breaks, never raw characters in the text."""
        cat = Catalog(skills=[Skill(id="a", name="one\r\ntwo\rthree")])
        assert r'label="one\ntwo\nthree"' in to_dot(cat)
        assert '"one<br/>two<br/>three"' in to_mermaid(cat)

    @needs_dot
    def test_renders(self):
        """Graphviz renders the awkward names as they are."""
        texts = render(to_dot(awkward()))
        assert {'Say "hi"', "now", "C:\\temp <b>#1</b> & `x`", 'The "R" role'} <= set(texts)


SUBJECTS = [
    pytest.param(None, {}, id="catalog"),
    pytest.param("mlops-engineer", {}, id="requirements"),
    pytest.param("mlops-engineer", {"neighbourhood": "similar", "k": 3}, id="similar"),
    pytest.param(
        learning_path(builtin(), "data-scientist", "mlops-engineer"), {}, id="learning-path"
    ),
    pytest.param(
        career_path(builtin(), {"python": 3}, "mlops-engineer", max_step_hours=math.inf),
        {},
        id="career-path",
    ),
]


class TestText:
    @pytest.mark.parametrize(("subject", "options"), SUBJECTS)
    @pytest.mark.parametrize("draw", [to_dot, to_mermaid])
    def test_deterministic(self, draw, subject, options):
        """Equal catalogs and subjects give the same text, ending with a newline."""
        again = ai_roles.loads(ai_roles.dumps(builtin()), cls=Catalog)
        text = draw(builtin(), subject, **options)
        assert text == draw(again, subject, **options)
        assert text.endswith("}\n" if draw is to_dot else "\n")
        assert not text.endswith("\n\n")

    @pytest.mark.parametrize(("subject", "options"), SUBJECTS)
    def test_dot_frame(self, subject, options):
        """DOT text is one digraph with quoted ids and balanced braces."""
        text = to_dot(builtin(), subject, **options)
        assert re.match(r'digraph "[a-z ]+" \{\n', text)
        assert text.count("{") == text.count("}")
        for line in text.splitlines()[4:-1]:
            stripped = line.strip()
            assert stripped in {"}", "rank=same;"} or stripped.startswith(
                ('"', "subgraph", "graph")
            )

    @needs_dot
    @pytest.mark.parametrize(("subject", "options"), SUBJECTS)
    def test_renders(self, subject, options):
        """Graphviz renders every kind of picture without complaint."""
        assert render(to_dot(builtin(), subject, **options))


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize("draw", [to_dot, to_mermaid])
class TestErrors:
    @pytest.mark.parametrize("k", [0, -1, 1.5, True, "3", None])
    def test_bad_k(self, draw, k):
        """k must be a whole number >= 1, whatever the subject."""
        with pytest.raises(ArgumentError, match=re.escape(f"k: {k!r} is not a whole number >= 1")):
            draw(builtin(), "mlops-engineer", neighbourhood="similar", k=k)
        with pytest.raises(ArgumentError, match=r"^k: "):
            draw(builtin(), k=k)

    @pytest.mark.parametrize("neighbourhood", ["friends", "", None, "Similar"])
    def test_bad_neighbourhood(self, draw, neighbourhood):
        """neighbourhood must be "requirements" or "similar"."""
        message = f"neighbourhood: {neighbourhood!r} is not one of 'requirements', 'similar'"
        with pytest.raises(ArgumentError, match=re.escape(message)):
            draw(builtin(), "mlops-engineer", neighbourhood=neighbourhood)

    @pytest.mark.parametrize(
        "subject", [42, Profile(levels={"python": 3}), ["mlops-engineer"], Skill(id="s", name="S")]
    )
    def test_bad_subject(self, draw, subject):
        """A subject of another type is an argument error, not a TypeError."""
        with pytest.raises(ArgumentError, match=re.escape(f"subject: {subject!r} is not a")):
            draw(builtin(), subject)

    @pytest.mark.parametrize("neighbourhood", ["requirements", "similar"])
    def test_unknown_role(self, draw, neighbourhood):
        """An unknown role raises UnknownItemError, with suggestions."""
        with pytest.raises(UnknownItemError, match=re.escape("unknown role 'mlops-enginer'")):
            draw(builtin(), "mlops-enginer", neighbourhood=neighbourhood)

    def test_path_from_another_catalog(self, draw):
        """A path naming roles or items the catalog lacks raises UnknownItemError."""
        with pytest.raises(UnknownItemError):
            draw(builtin(), learning_path(stack(), {}, "ops"))
        with pytest.raises(UnknownItemError):
            draw(stack(), career_path(ladder(), {}, "senior", max_step_hours=50))

    def test_errors_are_ours(self, draw):
        """The argument errors are ValueErrors too, as the library's errors promise."""
        with pytest.raises(ValueError, match=r"^k: "):
            draw(builtin(), k=0)
