"""Pictures of learning paths, career paths, roles and catalogs, as Graphviz DOT or Mermaid text.

Both functions draw the same picture: `to_dot` writes it for Graphviz
(``dot -Tsvg``), `to_mermaid` as a Mermaid flowchart (which GitHub, GitLab
and many documentation tools render in Markdown). What is drawn depends on
the subject:

=====================  ===================================================
subject                picture
=====================  ===================================================
`LearningPath`         the steps, numbered in reading order, each with the
                       item's name, its levels and hours; an edge from a
                       step to each step that needs it; the steps grouped
                       by prerequisite depth; the total hours in the title
`CareerPath`           the roles in order ("You" first when the path starts
                       from a person's profile), one edge per move labelled
                       with its hours; the total in the title
a role                 with ``neighbourhood="requirements"``, an edge to
                       each required item labelled with the level (optional
                       ones dashed), alternatives boxed as "any one of";
                       with ``neighbourhood="similar"``, the `k` most
                       similar roles (cosine) with their scores
None                   the whole catalog graph (`Catalog.graph`): roles,
                       skills and tools in different shapes; ``requires``
                       edges solid, ``prerequisite`` edges dashed,
                       ``exercises`` edges dotted (Mermaid: ending in a circle)
=====================  ===================================================

Roles, skills and tools have the same shapes in every picture. The text is
deterministic (same input, same text) and ends with a newline. DOT node ids
are the catalog's ids (``"you (profile)"`` for a person), quoted; Mermaid
node ids are generated (``n0``, ``n1``, ...; a learning path's in step
order), and labels are escaped with Mermaid's entity codes (``#quot;``), so
any name is safe in both.

Prerequisite depth
------------------
In a learning path, a step that needs no other step of the path is at depth
0; a step that needs others is one deeper than the deepest of them. Steps of
one depth can be learned in any order, or side by side.
"""

from __future__ import annotations

import graphlib
import itertools
from collections.abc import Iterable
from typing import Literal, get_args

from attrs import field, frozen

from ai_roles._arguments import whole_number
from ai_roles.exceptions import ArgumentError
from ai_roles.model import Catalog, Level, Role, Tool
from ai_roles.results import CareerPath, LearningPath
from ai_roles.similarity import most_similar

__all__ = ["Neighbourhood", "Subject", "to_dot", "to_mermaid"]

Subject = LearningPath | CareerPath | str | Role | None
"""What to draw: a learning path, a career path, a role (id, name, alias or object) or None."""

Neighbourhood = Literal["requirements", "similar"]
"""Which neighbourhood of a role to draw."""

_NEIGHBOURHOODS: tuple[str, ...] = get_args(Neighbourhood)

# --- the picture, independent of the format ---------------------------------------------

_Kind = Literal["role", "skill", "tool", "you", "note"]
_Style = Literal["solid", "dashed", "exercises", "order"]


@frozen
class _Node:
    key: str  # unique in the picture; the DOT id
    label: str  # lines separated by "\n"
    kind: _Kind
    emphasis: bool = False


@frozen
class _Edge:
    tail: str
    head: str
    label: str = ""
    style: _Style = "solid"


def _keys(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen
class _Group:
    label: str
    members: tuple[str, ...] = field(converter=_keys)
    same_rank: bool = False


def _nodes(value: Iterable[_Node]) -> tuple[_Node, ...]:
    return tuple(value)


def _edges(value: Iterable[_Edge]) -> tuple[_Edge, ...]:
    return tuple(value)


def _groups(value: Iterable[_Group]) -> tuple[_Group, ...]:
    return tuple(value)


@frozen
class _Picture:
    name: str
    title: str
    nodes: tuple[_Node, ...] = field(converter=_nodes)
    edges: tuple[_Edge, ...] = field(converter=_edges)
    groups: tuple[_Group, ...] = field(converter=_groups, default=())


_YOU = "you (profile)"  # node keys with a space cannot clash with catalog ids
_NOTHING = "nothing to learn"


def _hours(hours: float) -> str:
    """Return hours for people: ``"30"``, ``"1,234"``, ``"12.5"``."""
    return f"{hours:,.1f}".removesuffix(".0")


def _level(level: Level) -> str:
    return level.name.lower()


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# --- arguments ----------------------------------------------------------------------------


def _check(subject: object, neighbourhood: object, k: object) -> None:
    if neighbourhood not in _NEIGHBOURHOODS:
        known = ", ".join(repr(n) for n in _NEIGHBOURHOODS)
        msg = f"neighbourhood: {neighbourhood!r} is not one of {known}"
        raise ArgumentError(msg)
    whole_number(k)
    if subject is not None and not isinstance(subject, (LearningPath, CareerPath, str, Role)):
        msg = (
            f"subject: {subject!r} is not a learning path, a career path, a role"
            " (id, name, alias or Role) or None"
        )
        raise ArgumentError(msg)


def _picture(catalog: Catalog, subject: Subject, neighbourhood: Neighbourhood, k: int) -> _Picture:
    _check(subject, neighbourhood, k)
    if subject is None:
        return _catalog_picture(catalog)
    if isinstance(subject, LearningPath):
        return _learning_picture(catalog, subject)
    if isinstance(subject, CareerPath):
        return _career_picture(catalog, subject)
    role = catalog.role(subject)
    if neighbourhood == "requirements":
        return _requirements_picture(catalog, role)
    return _similar_picture(catalog, role, k)


# --- the pictures -------------------------------------------------------------------------


def _item_node(catalog: Catalog, key: str, item_id: str, label: str | None = None) -> _Node:
    item = catalog.item(item_id)
    kind: _Kind = "tool" if isinstance(item, Tool) else "skill"
    return _Node(key, item.name if label is None else label, kind)


def _learning_picture(catalog: Catalog, path: LearningPath) -> _Picture:
    source = "You" if path.source is None else catalog.role(path.source).name
    title = f"{source} → {catalog.role(path.target).name}: {_hours(path.total_hours)} h"
    if not path.steps:
        return _Picture("learning path", title, [_Node(_NOTHING, "nothing to learn", "note")], [])
    # A path made by `learning_path` raises each item once; a hand-made one may raise an
    # item in several steps: each gets a node, keyed by the item's id and a count.
    keys: list[str] = []
    seen: dict[str, int] = {}
    for step in path.steps:
        seen[step.item] = seen.get(step.item, 0) + 1
        keys.append(step.item if seen[step.item] == 1 else f"{step.item} ({seen[step.item]})")
    at: dict[str, list[int]] = {}
    for i, step in enumerate(path.steps):
        at.setdefault(step.item, []).append(i)
    nodes = [
        _item_node(
            catalog,
            keys[i],
            step.item,
            f"{i + 1}. {catalog.item(step.item).name}\n"
            f"{_level(step.from_level)} → {_level(step.to_level)}\n{_hours(step.hours)} h",
        )
        for i, step in enumerate(path.steps)
    ]
    # Step j needs the step raising each of its item's prerequisites: the last one before j,
    # or the first one if none comes before (a hand-made path out of order).
    needs: list[list[int]] = []
    for j, step in enumerate(path.steps):
        needs.append([])
        for p in catalog.item(step.item).prerequisites:
            if p.item in at:
                earlier = [i for i in at[p.item] if i < j]
                needs[j].append(earlier[-1] if earlier else at[p.item][0])
    depth = [0] * len(path.steps)
    order = graphlib.TopologicalSorter({j: needs[j] for j in range(len(needs))})
    for j in order.static_order():
        depth[j] = 1 + max((depth[i] for i in needs[j]), default=-1)
    edges = [_Edge(keys[i], keys[j]) for j in range(len(needs)) for i in needs[j]]
    groups = []
    for d in range(max(depth) + 1):
        members = [keys[j] for j in range(len(keys)) if depth[j] == d]
        groups.append(_Group(f"depth {d}", members, same_rank=True))
        # Flat edges order a rank; with rankdir=LR, a later step's edge to an earlier one
        # puts the earlier step above it.
        edges.extend(_Edge(b, a, style="order") for a, b in itertools.pairwise(members))
    return _Picture("learning path", title, nodes, edges, groups)


def _career_picture(catalog: Catalog, path: CareerPath) -> _Picture:
    keys: list[str] = []
    if any(leg.source is None for leg in path.legs):
        keys.append(_YOU)
    ends = [end for leg in path.legs for end in (leg.source, leg.target) if end is not None]
    for role in [*path.roles, *ends]:  # a hand-made path's legs may name other roles
        if role not in keys:
            keys.append(role)
    names = {key: "You" if key == _YOU else catalog.role(key).name for key in keys}
    nodes = [_Node(key, names[key], "you" if key == _YOU else "role") for key in keys]
    edges = [
        _Edge(leg.source or _YOU, leg.target, f"{_hours(leg.total_hours)} h") for leg in path.legs
    ]
    title = _hours(path.total_hours) + " h"
    if keys:
        moves = _plural(len(path.legs), "move")
        title = f"{names[keys[0]]} → {names[keys[-1]]}: {title} in {moves}"
    return _Picture("career path", title, nodes, edges)


def _requirements_picture(catalog: Catalog, role: Role) -> _Picture:
    nodes = [_Node(role.id, role.name, "role", emphasis=True)]
    edges = []
    groups = []
    for requirement in role.requirements:
        style: _Style = "solid" if requirement.essential else "dashed"
        for option in requirement.options:
            nodes.append(_item_node(catalog, option, option))
            edges.append(_Edge(role.id, option, _level(requirement.level), style))
        if len(requirement.options) > 1:
            groups.append(_Group("any one of", requirement.options))
    return _Picture("requirements", f"What {role.name} requires", nodes, edges, groups)


def _similar_picture(catalog: Catalog, role: Role, k: int) -> _Picture:
    matches = most_similar(catalog, role, k=k)
    nodes = [_Node(role.id, role.name, "role", emphasis=True)]
    nodes.extend(_Node(m.role, catalog.role(m.role).name, "role") for m in matches)
    edges = [_Edge(role.id, m.role, f"{m.score:.2f}") for m in matches]
    return _Picture("similar roles", f"Roles most like {role.name} (cosine)", nodes, edges)


def _catalog_picture(catalog: Catalog) -> _Picture:
    graph = catalog.graph
    nodes = [_Node(node, data["name"], data["kind"]) for node, data in graph.nodes(data=True)]
    styles: dict[str, _Style] = {
        "requires": "solid",
        "prerequisite": "dashed",
        "exercises": "exercises",
    }
    edges = [_Edge(u, v, style=styles[data["relation"]]) for u, v, data in graph.edges(data=True)]
    title = " ".join(part for part in (catalog.name, catalog.version) if part)
    return _Picture("catalog", title, nodes, edges)


# --- DOT ----------------------------------------------------------------------------------

_FONT = '"Helvetica,Arial,sans-serif"'
_DOT_NODES: dict[str, str] = {
    "role": 'shape=box, style="rounded,filled", fillcolor="#dbe9f6"',
    "skill": 'shape=box, style="rounded,filled", fillcolor="#e3f2d9"',
    "tool": 'shape=component, style=filled, fillcolor="#fdebd3"',
    "you": 'shape=ellipse, style=filled, fillcolor="#eeeeee"',
    "note": "shape=plaintext",
}
_DOT_EDGES: dict[str, str] = {
    "solid": "",
    "dashed": "style=dashed",
    "exercises": "style=dotted, arrowhead=odot",
    "order": "style=invis",
}


def _dot_quote(text: str) -> str:
    r"""Return `text` as a DOT double-quoted string: ``\`` and ``"`` escaped, newlines ``\n``."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{text}"'


def _dot_attributes(*parts: str) -> str:
    joined = ", ".join(part for part in parts if part)
    return f" [{joined}]" if joined else ""


def _dot(picture: _Picture) -> str:
    lines = [f"digraph {_dot_quote(picture.name)} {{"]
    graph = f"rankdir=LR, newrank=true, fontname={_FONT}"
    if picture.title:
        graph += f", label={_dot_quote(picture.title)}, labelloc=t, fontsize=16"
    lines.append(f"  graph [{graph}];")
    lines.append(f"  node [fontname={_FONT}, fontsize=11];")
    lines.append(f"  edge [fontname={_FONT}, fontsize=10];")

    def node(n: _Node, indent: str) -> str:
        attributes = _dot_attributes(
            f"label={_dot_quote(n.label)}", _DOT_NODES[n.kind], "penwidth=2.5" if n.emphasis else ""
        )
        return f"{indent}{_dot_quote(n.key)}{attributes};"

    grouped = {key for g in picture.groups for key in g.members}
    by_key = {n.key: n for n in picture.nodes}
    lines.extend(node(n, "  ") for n in picture.nodes if n.key not in grouped)
    for i, group in enumerate(picture.groups):
        lines.append(f"  subgraph {_dot_quote(f'cluster_{i}')} {{")
        lines.append(
            f'    graph [label={_dot_quote(group.label)}, style="rounded,dashed", color="#999999"];'
        )
        if group.same_rank:
            lines.append("    rank=same;")
        lines.extend(node(by_key[key], "    ") for key in group.members)
        lines.append("  }")
    for e in picture.edges:
        label = f"label={_dot_quote(e.label)}" if e.label else ""
        attributes = _dot_attributes(label, _DOT_EDGES[e.style])
        lines.append(f"  {_dot_quote(e.tail)} -> {_dot_quote(e.head)}{attributes};")
    lines.append("}")
    return "\n".join(lines) + "\n"


# --- Mermaid ------------------------------------------------------------------------------

_MERMAID_SHAPES: dict[str, tuple[str, str]] = {
    "role": ("([", "])"),
    "skill": ("(", ")"),
    "tool": ("[[", "]]"),
    "you": ("((", "))"),
    "note": ("[", "]"),
}
_MERMAID_CLASSES: dict[str, str] = {
    "role": "fill:#dbe9f6,stroke:#4c72b0",
    "skill": "fill:#e3f2d9,stroke:#55a868",
    "tool": "fill:#fdebd3,stroke:#dd8452",
    "you": "fill:#eeeeee,stroke:#777777",
    "note": "fill:none,stroke:none",
}
# Characters with a meaning in Mermaid labels, as its entity codes (`#` first).
_MERMAID_ENTITIES = (
    ("#", "#35;"),
    ("&", "#amp;"),
    ("<", "#lt;"),
    (">", "#gt;"),
    ('"', "#quot;"),
    ("`", "#96;"),
)


def _mermaid_quote(text: str) -> str:
    """Return `text` as a quoted Mermaid label: specials as entity codes, newlines ``<br/>``."""
    for character, entity in _MERMAID_ENTITIES:
        text = text.replace(character, entity)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")
    return f'"{text}"'


def _mermaid_edge(tail: str, head: str, edge: _Edge) -> str:
    label = _mermaid_quote(edge.label) if edge.label else ""
    if edge.style == "dashed":
        arrow = f"-. {label} .->" if label else "-.->"
    elif edge.style == "exercises":
        arrow = f"-- {label} --o" if label else "--o"
    else:
        arrow = f"-- {label} -->" if label else "-->"
    return f"  {tail} {arrow} {head}"


def _mermaid(picture: _Picture) -> str:
    ids = {n.key: f"n{i}" for i, n in enumerate(picture.nodes)}
    lines = ["flowchart LR"]
    indent = "  "
    groups = 0
    if picture.title:
        lines.append(f"{indent}subgraph g0[{_mermaid_quote(picture.title)}]")
        indent += "  "
        groups = 1

    def node(n: _Node, indent: str) -> str:
        start, end = _MERMAID_SHAPES[n.kind]
        return f"{indent}{ids[n.key]}{start}{_mermaid_quote(n.label)}{end}:::{n.kind}"

    grouped = {key for g in picture.groups for key in g.members}
    by_key = {n.key: n for n in picture.nodes}
    lines.extend(node(n, indent) for n in picture.nodes if n.key not in grouped)
    for group in picture.groups:
        lines.append(f"{indent}subgraph g{groups}[{_mermaid_quote(group.label)}]")
        lines.extend(node(by_key[key], indent + "  ") for key in group.members)
        lines.append(f"{indent}end")
        groups += 1
    if picture.title:
        lines.append("  end")
    lines.extend(
        _mermaid_edge(ids[e.tail], ids[e.head], e) for e in picture.edges if e.style != "order"
    )
    kinds = {n.kind for n in picture.nodes}
    lines.extend(
        f"  classDef {kind} {css}" for kind, css in _MERMAID_CLASSES.items() if kind in kinds
    )
    lines.extend(f"  style {ids[n.key]} stroke-width:3px" for n in picture.nodes if n.emphasis)
    return "\n".join(lines) + "\n"


# --- public functions ---------------------------------------------------------------------


def to_dot(
    catalog: Catalog,
    subject: LearningPath | CareerPath | str | Role | None = None,
    *,
    neighbourhood: Literal["requirements", "similar"] = "requirements",
    k: int = 5,
) -> str:
    r"""Return a picture of `subject` as Graphviz DOT text.

    Render it with ``dot -Tsvg`` (or ``-Tpng``). Node ids are the catalog's
    ids (a repeated step of a hand-made learning path gets a count after its
    id), always quoted; labels are escaped (``\"``, ``\\``, ``\n``).

    Parameters
    ----------
    catalog : Catalog
        The catalog the subject's ids refer to; names are looked up in it.
    subject : LearningPath, CareerPath, str, Role or None, optional (default = None)
        A learning path: its steps, numbered in reading order (kept top to
        bottom by invisible edges), with the item's name, levels and hours,
        an edge from each step to the steps that need it, grouped in one
        cluster per prerequisite depth (``rank=same``), the total in the
        graph's label. A career path: its roles (``"You"`` first when it
        starts from a profile), one edge per move labelled with its hours. A
        role (id, name, alias or object): its `neighbourhood`. None: the whole
        catalog graph.
    neighbourhood : {"requirements", "similar"}, optional (default = "requirements")
        For a role: its required items, with the level on each edge
        (optional requirements dashed, alternatives in an "any one of"
        cluster), or its `k` most similar roles by cosine similarity, with
        the score (2 decimals) on each edge.
    k : int, optional (default = 5)
        How many similar roles to draw.

    Returns
    -------
    str
        A ``digraph``, ending with a newline; the same input gives the same text.

    Raises
    ------
    ArgumentError
        If `subject` is of another type, `neighbourhood` is not one of the
        two, or `k` is not a whole number >= 1.
    UnknownItemError
        If the role, or a role or item the path names, is not in `catalog`.

    See Also
    --------
    to_mermaid : the same picture as a Mermaid flowchart.

    Examples
    --------
    >>> from ai_roles import Catalog, Requirement, Role, Tool
    >>> from ai_roles.paths import learning_path
    >>> cat = Catalog(
    ...     tools=[
    ...         Tool(id="docker", name="Docker", hours=30),
    ...         Tool(id="kubernetes", name="Kubernetes", hours=60, prerequisites=["docker"]),
    ...     ],
    ...     roles=[
    ...         Role(
    ...             id="ops", name="Ops", requirements=[Requirement(options="kubernetes", level=3)]
    ...         )
    ...     ],
    ... )
    >>> print(to_dot(cat, learning_path(cat, {}, "ops")), end="")
    digraph "learning path" {
      graph [rankdir=LR, newrank=true, fontname="Helvetica,Arial,sans-serif", label="You → Ops: 72 h", labelloc=t, fontsize=16];
      node [fontname="Helvetica,Arial,sans-serif", fontsize=11];
      edge [fontname="Helvetica,Arial,sans-serif", fontsize=10];
      subgraph "cluster_0" {
        graph [label="depth 0", style="rounded,dashed", color="#999999"];
        rank=same;
        "docker" [label="1. Docker\nnone → working\n12 h", shape=component, style=filled, fillcolor="#fdebd3"];
      }
      subgraph "cluster_1" {
        graph [label="depth 1", style="rounded,dashed", color="#999999"];
        rank=same;
        "kubernetes" [label="2. Kubernetes\nnone → practitioner\n60 h", shape=component, style=filled, fillcolor="#fdebd3"];
      }
      "docker" -> "kubernetes";
    }
    """  # noqa: E501 (the example's output is as long as it is)
    return _dot(_picture(catalog, subject, neighbourhood, k))


def to_mermaid(
    catalog: Catalog,
    subject: LearningPath | CareerPath | str | Role | None = None,
    *,
    neighbourhood: Literal["requirements", "similar"] = "requirements",
    k: int = 5,
) -> str:
    """Return a picture of `subject` as a Mermaid flowchart.

    The same picture as `to_dot`, for Markdown (GitHub, GitLab, MkDocs,
    Sphinx with ``sphinxcontrib-mermaid``). Node ids are generated (``n0``,
    ``n1``, ...); the title, if any, is the label of a subgraph around the
    whole picture, and a learning path's depths are subgraphs within it.
    Required edges are solid (``-->``), optional ones and prerequisites
    dashed (``-.->``), ``exercises`` edges end in a circle (``--o``).

    Parameters
    ----------
    catalog : Catalog
    subject : LearningPath, CareerPath, str, Role or None, optional (default = None)
    neighbourhood : {"requirements", "similar"}, optional (default = "requirements")
    k : int, optional (default = 5)
        As for `to_dot`.

    Returns
    -------
    str
        Starting with ``flowchart LR``, ending with a newline; the same input
        gives the same text.

    Raises
    ------
    ArgumentError
        If `subject` is of another type, `neighbourhood` is not one of the
        two, or `k` is not a whole number >= 1.
    UnknownItemError
        If the role, or a role or item the path names, is not in `catalog`.

    See Also
    --------
    to_dot : the same picture for Graphviz.

    Examples
    --------
    >>> from ai_roles import Catalog, Requirement, Role, Tool
    >>> from ai_roles.paths import learning_path
    >>> cat = Catalog(
    ...     tools=[
    ...         Tool(id="docker", name="Docker", hours=30),
    ...         Tool(id="kubernetes", name="Kubernetes", hours=60, prerequisites=["docker"]),
    ...     ],
    ...     roles=[
    ...         Role(
    ...             id="ops", name="Ops", requirements=[Requirement(options="kubernetes", level=3)]
    ...         )
    ...     ],
    ... )
    >>> print(to_mermaid(cat, learning_path(cat, {}, "ops")), end="")
    flowchart LR
      subgraph g0["You → Ops: 72 h"]
        subgraph g1["depth 0"]
          n0[["1. Docker<br/>none → working<br/>12 h"]]:::tool
        end
        subgraph g2["depth 1"]
          n1[["2. Kubernetes<br/>none → practitioner<br/>60 h"]]:::tool
        end
      end
      n0 --> n1
      classDef tool fill:#fdebd3,stroke:#dd8452
    >>> print(to_mermaid(cat, "ops"), end="")
    flowchart LR
      subgraph g0["What Ops requires"]
        n0(["Ops"]):::role
        n1[["Kubernetes"]]:::tool
      end
      n0 -- "practitioner" --> n1
      classDef role fill:#dbe9f6,stroke:#4c72b0
      classDef tool fill:#fdebd3,stroke:#dd8452
      style n0 stroke-width:3px
    """
    return _mermaid(_picture(catalog, subject, neighbourhood, k))
