"""Export the catalog as a graph: GraphML for Gephi, node-link JSON, and pictures.

Run it with ``python examples/export_graph.py [FOLDER]`` (default: a temporary folder).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import ai_roles
from ai_roles.paths import learning_path


def main(folder: str | None = None) -> None:
    """Write the catalog and a learning path in every graph format to `folder`."""
    out = Path(folder or tempfile.mkdtemp(prefix="ai-roles-"))
    catalog = ai_roles.load_catalog()

    ai_roles.write_graphml(catalog, out / "catalog.graphml")  # open it in Gephi or Cytoscape
    (out / "catalog.json").write_text(json.dumps(ai_roles.to_node_link(catalog), indent=2))
    (out / "catalog.dot").write_text(ai_roles.to_dot(catalog))

    path = learning_path(catalog, "data-scientist", "mlops-engineer")
    (out / "path.dot").write_text(ai_roles.to_dot(catalog, path))  # dot -Tsvg path.dot
    (out / "path.mmd").write_text(ai_roles.to_mermaid(catalog, path))  # paste into Markdown

    # The GraphML file reads back into the same catalog: nothing is lost.
    same = ai_roles.read_graphml(out / "catalog.graphml") == catalog
    print(f"GraphML reads back the same catalog: {same}")
    graph = catalog.graph
    print(f"{graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges written to {out}:")
    for file in sorted(out.iterdir()):
        print(f"  {file.name} ({file.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(*sys.argv[1:2])
