"""Sphinx configuration for the ai_roles documentation.

Build it as CI does, warnings being errors::

    sphinx-build -W --keep-going -q -b html docs docs/_build/html

Importing this file has no side effects (pytest imports it to look for
doctests, where Sphinx may not be installed); the picture of a learning path
is drawn into ``_generated/`` (not committed) when a build starts.
"""

from __future__ import annotations

import re
from importlib.metadata import version as _version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

HERE = Path(__file__).resolve().parent
GENERATED = HERE / "_generated"
_NUMPYDOC_LABEL = re.compile(r"\[R[0-9a-f]+-(.+)\]")

# --- project ------------------------------------------------------------------------------

project = "ai_roles"
author = "ai_roles developers"
copyright = "2025, ai_roles developers"
release = _version("ai-roles")
version = ".".join(release.split(".")[:2])

# --- general ------------------------------------------------------------------------------

extensions = [
    "myst_parser",
    "numpydoc",
    "sphinx.ext.autodoc",
    "sphinx.ext.graphviz",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
]
exclude_patterns = ["_build", "_generated", "Thumbs.db", ".DS_Store"]
# `name` in a docstring links to the object of that name when there is one.
default_role = "py:obj"

# --- MyST -----------------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "dollarmath"]
myst_heading_anchors = 3

# --- autodoc and numpydoc -----------------------------------------------------------------

autodoc_member_order = "bysource"
# api.md lists the members it documents; numpydoc's own tables of them would repeat them.
numpydoc_show_class_members = False
# numpydoc loads autosummary, which would scan every page for directives to import;
# there are no autosummary tables to generate.
autosummary_generate = False

# --- graphviz -------------------------------------------------------------------------------

graphviz_output_format = "svg"

# --- HTML -----------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"ai_roles {release}"


# --- the picture of a learning path ---------------------------------------------------------


def _draw_learning_path(_: Sphinx) -> None:
    """Write ``_generated/learning-path.dot``, which the tutorial shows.

    A Data Scientist's learning path to MLOps Engineer, drawn by
    `ai_roles.to_dot`. The file is rewritten only when its text changes, so
    that Sphinx does not rebuild the page for nothing.
    """
    import ai_roles  # noqa: PLC0415 (needed when a build starts, not when pytest imports this)
    from ai_roles.paths import learning_path  # noqa: PLC0415

    catalog = ai_roles.load_catalog()
    dot = ai_roles.to_dot(catalog, learning_path(catalog, "data-scientist", "mlops-engineer"))
    GENERATED.mkdir(exist_ok=True)
    target = GENERATED / "learning-path.dot"
    if not target.is_file() or target.read_text(encoding="utf-8") != dot:
        target.write_text(dot, encoding="utf-8")


def _relabel_citations(_: Sphinx, doctree: nodes.document) -> None:
    """Show ``[1]`` rather than numpydoc's unique ``[R<hash>-1]`` where a docstring cites.

    numpydoc renames a docstring's citations to keep them unique across the
    site and puts the short labels back on the citations themselves, but not
    on the references to them in a module's docstring.
    """
    from docutils import nodes  # noqa: PLC0415 (Sphinx is only needed for a build)
    from sphinx.addnodes import pending_xref  # noqa: PLC0415

    for ref in doctree.findall(pending_xref):
        if ref.get("refdomain") != "citation":
            continue
        match = _NUMPYDOC_LABEL.fullmatch(ref.astext())
        if match is not None:
            ref.replace(ref[0], nodes.inline("", f"[{match[1]}]"))


def setup(app: Sphinx) -> None:
    """Draw the generated pictures when the build starts; relabel citations."""
    app.connect("builder-inited", _draw_learning_path)
    app.connect("doctree-read", _relabel_citations)
