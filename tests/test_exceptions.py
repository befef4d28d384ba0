from __future__ import annotations

import pickle

import networkx as nx
import pytest

from ai_roles import (
    AIRolesError,
    AIRolesWarning,
    CatalogError,
    NoPathError,
    SchemaVersionError,
    UnknownItemError,
)

EXAMPLES = [
    UnknownItemError("pyhton", "skill", ["python"]),
    UnknownItemError("same", "skill", ["a", "b"], "is the name of several: 'a', 'b'; use an id"),
    CatalogError(["roles[0].id: 'r x' is not an id"], "catalog.toml"),
    CatalogError(["a: one", "b: two"]),
    SchemaVersionError(["schema: missing"]),
    NoPathError("data-scientist", "ai-research-scientist", "first move needs 120 h"),
    NoPathError("a", "b"),
]


@pytest.mark.parametrize("error", EXAMPLES, ids=repr)
def test_pickle(error):
    """Exceptions pickle with their attributes and message."""
    copy = pickle.loads(pickle.dumps(error))
    assert str(error) == str(copy)
    assert vars(error) == vars(copy)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (EXAMPLES[0], "unknown skill 'pyhton'; did you mean 'python'?"),
        (UnknownItemError("zzz"), "unknown item 'zzz'"),
        (EXAMPLES[1], "'same': is the name of several: 'a', 'b'; use an id"),
        (EXAMPLES[2], "catalog.toml: roles[0].id: 'r x' is not an id"),
        (EXAMPLES[3], "2 problems:\n  a: one\n  b: two"),
        (
            EXAMPLES[5],
            "no path from 'data-scientist' to 'ai-research-scientist': first move needs 120 h",
        ),
        (EXAMPLES[6], "no path from 'a' to 'b'"),
    ],
)
def test_messages(error, message):
    """Messages are lowercase, say what and where, and end without a period."""
    assert message == str(error)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (UnknownItemError, KeyError),
        (CatalogError, ValueError),
        (SchemaVersionError, CatalogError),
        (NoPathError, nx.NetworkXNoPath),
    ],
)
def test_hierarchy(error, builtin):
    """Each error is an AIRolesError and the builtin exception of the same meaning."""
    assert issubclass(error, AIRolesError)
    assert issubclass(error, builtin)


def test_warning_category():
    """Importers warn with a UserWarning subclass of our own."""
    assert issubclass(AIRolesWarning, UserWarning)
