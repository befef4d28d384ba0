"""The catalog as a networkx graph, and back; GraphML and node-link JSON.

Nodes are the ids of roles, skills and tools. Each carries ``kind``
(``"role"``, ``"skill"`` or ``"tool"``), ``name`` and the object's other
fields (a tool's own ``kind`` is the node attribute ``tool_kind``). Edges
carry ``relation``:

=========================  ================  =========================================
edge                       ``relation``      other attributes
=========================  ================  =========================================
role -> item               ``requires``      ``level``, ``essential``, ``importance``,
                                             ``group`` (the requirement's index:
                                             options of one requirement share it),
                                             ``rank`` (the option's place in its group)
prerequisite -> dependent  ``prerequisite``  ``level``, ``order`` (its place in the
                                             dependent's list)
tool -> skill              ``exercises``     ``order``
=========================  ================  =========================================

A topological order of the ``prerequisite`` edges is a valid learning order.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import networkx as nx

from ai_roles._files import atomic_write
from ai_roles._frozendict import FrozenDict
from ai_roles._schema import SCHEMA, check_schema
from ai_roles.exceptions import CatalogError
from ai_roles.model import (
    Catalog,
    EffortModel,
    Level,
    Prerequisite,
    Related,
    Requirement,
    Role,
    Seniority,
    Skill,
    Tool,
)

__all__ = [
    "build_graph",
    "catalog_from_graph",
    "from_node_link",
    "read_graphml",
    "to_node_link",
    "write_graphml",
]

# Text that XML 1.0 carries as it is: no control characters but tab and newline (a
# carriage return would come back as a newline), no non-characters. Other text is
# written as JSON under the attribute name plus `_JSON_SUFFIX`.
_XML_SAFE = re.compile("[\t\n\x20-\x7e\x80-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")
_JSON_SUFFIX = ".json"
_LISTS = ("aliases", "responsibilities", "sources", "experience", "related", "replaces")
_MAPPINGS = ("external_ids",)
_ROLE_FIELDS = (
    "name",
    "summary",
    "why",
    "family",
    "responsibilities",
    "aliases",
    "external_ids",
    "sources",
    "seniority",
    "experience",
)
_ITEM_FIELDS = (
    "name",
    "category",
    "description",
    "hours",
    "aliases",
    "external_ids",
    "related",
    "replaces",
)


def build_graph(catalog: Catalog) -> nx.DiGraph[str]:
    """Return `catalog` as a frozen directed graph.

    Parameters
    ----------
    catalog : Catalog

    Returns
    -------
    networkx.DiGraph
        Frozen (`networkx.freeze`); `catalog.graph` caches it. Graph
        attributes: ``name``, ``version``, ``effort`` (the effort fractions)
        and, where the catalog has any, ``effort_expert`` (the shares at
        expert by category).

    See Also
    --------
    catalog_from_graph : the inverse.

    Examples
    --------
    >>> import ai_roles
    >>> G = ai_roles.build_graph(ai_roles.load_catalog())
    >>> G.nodes["kubernetes"]["kind"], G.edges["docker", "kubernetes"]["relation"]
    ('tool', 'prerequisite')
    """
    graph: nx.DiGraph[str] = nx.DiGraph(
        name=catalog.name, version=catalog.version, effort=catalog.effort.fractions
    )
    if catalog.effort.expert:
        graph.graph["effort_expert"] = catalog.effort.expert
    graph.add_nodes_from(
        (role.id, {"kind": "role", **{f: getattr(role, f) for f in _ROLE_FIELDS}})
        for role in catalog.roles
    )
    graph.add_nodes_from(
        (skill.id, {"kind": "skill", **{f: getattr(skill, f) for f in _ITEM_FIELDS}})
        for skill in catalog.skills
    )
    graph.add_nodes_from(
        (
            tool.id,
            {"kind": "tool", "tool_kind": tool.kind, **{f: getattr(tool, f) for f in _ITEM_FIELDS}},
        )
        for tool in catalog.tools
    )
    graph.add_edges_from(
        (
            role.id,
            option,
            {
                "relation": "requires",
                "level": requirement.level,
                "essential": requirement.essential,
                "importance": requirement.importance,
                "group": group,
                "rank": rank,
            },
        )
        for role in catalog.roles
        for group, requirement in enumerate(role.requirements)
        for rank, option in enumerate(requirement.options)
    )
    graph.add_edges_from(
        (p.item, item.id, {"relation": "prerequisite", "level": p.level, "order": order})
        for item in catalog.items
        for order, p in enumerate(item.prerequisites)
    )
    graph.add_edges_from(
        (tool.id, skill, {"relation": "exercises", "order": order})
        for tool in catalog.tools
        for order, skill in enumerate(tool.skills)
    )
    frozen: nx.DiGraph[str] = nx.freeze(graph)
    return frozen


def catalog_from_graph(graph: nx.DiGraph[str]) -> Catalog:
    """Return the catalog a graph made by `build_graph` describes.

    Attributes at their default may be left out. Lists may be given as
    lists, tuples or JSON text (as GraphML holds them).

    Raises
    ------
    CatalogError
        If a node or edge lacks what it needs, naming it, or if the catalog
        it describes is not valid.

    Examples
    --------
    >>> import ai_roles
    >>> cat = ai_roles.load_catalog()
    >>> ai_roles.catalog_from_graph(cat.graph) == cat
    True
    """
    problems: list[str] = []
    roles: list[Role] = []
    skills: list[Skill] = []
    tools: list[Tool] = []
    for node, data in graph.nodes(data=True):
        try:
            kind = data.get("kind")
            if kind == "role":
                roles.append(_role(graph, node, data))
            elif kind == "skill":
                skills.append(Skill(id=node, **_item_fields(graph, node, data)))
            elif kind == "tool":
                tools.append(
                    Tool(
                        id=node,
                        kind=data.get("tool_kind", "tool"),
                        skills=[
                            s for s, _ in _ordered(graph.out_edges(node, data=True), "exercises")
                        ],
                        **_item_fields(graph, node, data),
                    )
                )
            else:
                problems.append(f"nodes[{node!r}].kind: {kind!r} is not 'role', 'skill' or 'tool'")
        except (KeyError, TypeError, ValueError) as e:
            message = e.args[0] if e.args and isinstance(e.args[0], str) else repr(e)
            problems.append(f"nodes[{node!r}]: {message}")
    try:
        effort = EffortModel(
            fractions=_sequence(graph.graph.get("effort", EffortModel().fractions)),
            expert=_mapping(graph.graph.get("effort_expert", {})),
        )
    except (TypeError, ValueError) as e:
        problems.append(f"graph.effort: {e}")
        effort = EffortModel()
    if problems:
        raise CatalogError(problems)
    try:
        return Catalog(
            name=graph.graph.get("name", ""),
            version=graph.graph.get("version", ""),
            roles=roles,
            skills=skills,
            tools=tools,
            effort=effort,
        )
    except (TypeError, ValueError) as e:
        if isinstance(e, CatalogError):
            raise
        raise CatalogError([f"graph: {e.args[0] if e.args else e}"]) from None


def _sequence(value: Any) -> tuple[Any, ...]:
    if isinstance(value, str):
        value = json.loads(value)
    if not isinstance(value, (list, tuple)):
        msg = f"{value!r} is not a list"
        raise TypeError(msg)
    return tuple(value)


def _mapping(value: Any) -> FrozenDict[str, Any]:
    if isinstance(value, str):
        value = json.loads(value)
    if not isinstance(value, Mapping):
        msg = f"{value!r} is not a mapping"
        raise TypeError(msg)
    return FrozenDict(value)


def _fields(data: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    result = {}
    for name in names:
        if name in data:
            value = data[name]
            if name in _LISTS:
                value = _sequence(value)
            elif name in _MAPPINGS:
                value = _mapping(value)
            result[name] = value
    if "name" not in result:
        msg = "name: missing"
        raise KeyError(msg)
    return result


def _ordered(
    edges: Iterable[tuple[str, str, dict[str, Any]]], relation: str
) -> list[tuple[str, dict[str, Any]]]:
    """Return the far ends of the `relation` edges, with their data, in their stored order."""
    chosen = []
    for u, v, data in edges:
        if data.get("relation") == relation:
            other = v if relation != "prerequisite" else u
            chosen.append((other, data))
    return sorted(
        chosen,
        key=lambda pair: (pair[1].get("group", 0), pair[1].get("rank", pair[1].get("order", 0))),
    )


def _item_fields(graph: nx.DiGraph[str], node: str, data: Mapping[str, Any]) -> dict[str, Any]:
    fields = _fields(data, _ITEM_FIELDS)
    fields["prerequisites"] = [
        Prerequisite(item=p, level=Level.parse(d.get("level", Level.WORKING)))
        for p, d in _ordered(graph.in_edges(node, data=True), "prerequisite")
    ]
    return fields


def _role(graph: nx.DiGraph[str], node: str, data: Mapping[str, Any]) -> Role:
    groups: dict[tuple[int, str], list[tuple[str, dict[str, Any]]]] = {}
    for option, edge in _ordered(graph.out_edges(node, data=True), "requires"):
        # Options share a requirement only when the edges say so; without a
        # group, each edge is a requirement of its own.
        group = (edge["group"], "") if "group" in edge else (-1, option)
        groups.setdefault(group, []).append((option, edge))
    requirements = []
    for group in sorted(groups):
        options = groups[group]
        first = options[0][1]
        requirements.append(
            Requirement(
                options=[option for option, _ in options],
                level=Level.parse(first.get("level", Level.WORKING)),
                essential=first.get("essential", True),
                importance=first.get("importance", 1.0),
            )
        )
    return Role(id=node, requirements=requirements, **_fields(data, _ROLE_FIELDS))


# --- files and documents ----------------------------------------------------------------


def _encoded(catalog: Catalog, *, as_text: bool) -> nx.DiGraph[str]:
    """Return a copy of the graph with plain attribute values.

    Levels become numbers and mappings dicts; with `as_text` (GraphML holds
    scalars only), lists and mappings become JSON text.
    """

    def plain(value: Any) -> Any:
        if isinstance(value, Level):
            return int(value)
        if isinstance(value, Seniority):
            return value.name.lower()
        if isinstance(value, FrozenDict):
            value = dict(value)
        elif isinstance(value, tuple):
            value = [attrs.asdict(v) if isinstance(v, Related) else v for v in value]
        else:
            return value
        return json.dumps(value, ensure_ascii=False) if as_text else value

    def attributes(data: Mapping[str, Any]) -> dict[str, Any]:
        result = {}
        for key, value in data.items():
            encoded = plain(value)
            if as_text and isinstance(encoded, str) and not _XML_SAFE.fullmatch(encoded):
                result[key + _JSON_SUFFIX] = json.dumps(encoded)  # ASCII with escapes
            else:
                result[key] = encoded
        return result

    source = catalog.graph
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.graph.update(attributes(source.graph), schema=SCHEMA)
    for node, data in source.nodes(data=True):
        graph.add_node(node, **attributes(data))
    for u, v, data in source.edges(data=True):
        graph.add_edge(u, v, **{k: plain(x) for k, x in data.items()})
    return graph


def write_graphml(catalog: Catalog, path: str | os.PathLike[str]) -> None:
    """Write `catalog` as GraphML (for Gephi, Cytoscape, yEd), atomically.

    GraphML holds scalars only: lists and mappings are written as JSON text
    and `read_graphml` decodes them, so the round trip is lossless.

    Examples
    --------
    >>> import ai_roles, pathlib, tempfile
    >>> cat = ai_roles.load_catalog()
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "catalog.graphml"
    >>> ai_roles.write_graphml(cat, path)
    >>> ai_roles.read_graphml(path) == cat
    True
    """
    text = "\n".join(nx.generate_graphml(_encoded(catalog, as_text=True))) + "\n"
    atomic_write(path, text)


def read_graphml(path: str | os.PathLike[str]) -> Catalog:
    """Read a catalog written by `write_graphml`.

    Raises
    ------
    CatalogError
        If the file is not GraphML, or not a catalog; the file is named.
    SchemaVersionError
        If the graph lacks the ``ai-roles/1`` schema attribute.
    """
    source = os.fspath(path)
    try:
        graph = nx.read_graphml(path)
    except (
        nx.NetworkXError,
        ValueError,
        SyntaxError,
    ) as e:  # ElementTree's ParseError is a SyntaxError
        raise CatalogError([f"not GraphML: {e}"], source) from None
    check_schema(graph.graph.get("schema"), "graph.schema", source)
    for where, data in (
        ("graph", graph.graph),
        *((f"nodes[{n!r}]", d) for n, d in graph.nodes(data=True)),
    ):
        for key in [k for k in data if k.endswith(_JSON_SUFFIX)]:
            try:
                data[key.removesuffix(_JSON_SUFFIX)] = json.loads(data.pop(key))
            except (TypeError, ValueError) as e:
                raise CatalogError([f"{where}.{key}: not JSON text: {e}"], source) from None
    if not isinstance(graph, nx.DiGraph):
        raise CatalogError(["graph: not a directed graph"], source)
    try:
        return catalog_from_graph(graph)
    except CatalogError as e:
        raise CatalogError(e.problems, source) from None


def to_node_link(catalog: Catalog) -> dict[str, Any]:
    """Return `catalog` as node-link data (JSON-ready; D3 and `networkx.node_link_graph` read it).

    Examples
    --------
    >>> import ai_roles
    >>> cat = ai_roles.load_catalog()
    >>> data = ai_roles.to_node_link(cat)
    >>> sorted(data)
    ['directed', 'edges', 'graph', 'multigraph', 'nodes']
    >>> ai_roles.from_node_link(data) == cat
    True
    """
    data: dict[str, Any] = nx.node_link_data(_encoded(catalog, as_text=False), edges="edges")
    return data


def from_node_link(data: Any) -> Catalog:
    """Rebuild a catalog from `to_node_link` data (after a JSON round trip too).

    Raises
    ------
    CatalogError
        If `data` is not node-link data of a catalog.
    SchemaVersionError
        If the graph lacks the ``ai-roles/1`` schema attribute.
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("graph"), Mapping):
        raise CatalogError(
            ["(document): not node-link data (a mapping with 'graph', 'nodes', 'edges')"]
        )
    check_schema(data["graph"].get("schema"), "graph.schema")
    try:
        graph = nx.node_link_graph(dict(data), directed=True, multigraph=False, edges="edges")
    except (KeyError, TypeError, nx.NetworkXError) as e:
        raise CatalogError([f"(document): not node-link data: {e!r}"]) from None
    return catalog_from_graph(nx.DiGraph(graph))
