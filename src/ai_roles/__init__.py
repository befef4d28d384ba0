"""Typed models of AI/ML careers: roles, skills, tools and how to move between them.

>>> import ai_roles
>>> cat = ai_roles.load_catalog()
>>> cat.role("MLOps Engineer").name
'MLOps Engineer'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ai_roles.advice import next_skills
from ai_roles.careers import career_path, career_paths
from ai_roles.exceptions import (
    AIRolesError,
    AIRolesWarning,
    ArgumentError,
    CatalogError,
    NoPathError,
    SchemaVersionError,
    UnknownItemError,
)
from ai_roles.graph import (
    build_graph,
    catalog_from_graph,
    from_node_link,
    read_graphml,
    to_node_link,
    write_graphml,
)
from ai_roles.model import (
    Catalog,
    EffortModel,
    Item,
    Level,
    Prerequisite,
    Profile,
    Related,
    Requirement,
    Role,
    Seniority,
    Skill,
    Tool,
)
from ai_roles.paths import learning_path, skill_gap
from ai_roles.pictures import to_dot, to_mermaid
from ai_roles.serialize import dump, dumps, from_dict, load, load_catalog, loads, to_dict

try:
    __version__ = version("ai-roles")
except PackageNotFoundError:  # pragma: no cover (only when run from an uninstalled tree)
    __version__ = "0+unknown"

__all__ = [
    "AIRolesError",
    "AIRolesWarning",
    "ArgumentError",
    "Catalog",
    "CatalogError",
    "EffortModel",
    "Item",
    "Level",
    "NoPathError",
    "Prerequisite",
    "Profile",
    "Related",
    "Requirement",
    "Role",
    "SchemaVersionError",
    "Seniority",
    "Skill",
    "Tool",
    "UnknownItemError",
    "__version__",
    "build_graph",
    "career_path",
    "career_paths",
    "catalog_from_graph",
    "dump",
    "dumps",
    "from_dict",
    "from_node_link",
    "learning_path",
    "load",
    "load_catalog",
    "loads",
    "next_skills",
    "read_graphml",
    "skill_gap",
    "to_dict",
    "to_dot",
    "to_mermaid",
    "to_node_link",
    "write_graphml",
]
