"""Benchmarks: each operation next to a bare baseline on the same data, in one run.

Run with ``python benchmarks/run.py`` (``--roles N`` for another size). Prints,
for each operation, the median time of ours and of the baseline, their
ratio, and the target. Times are of warm caches where the library caches by
design (derived matrices are built once per catalog); the first, cold call is
reported separately.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cattrs
import networkx as nx
import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import esco_like

import ai_roles
from ai_roles import Catalog, Level
from ai_roles.careers import career_path
from ai_roles.paths import learning_path
from ai_roles.similarity import most_similar, similarity_matrix, top_k_similar


def timed(function: Callable[[], Any], repeat: int) -> float:
    """Median seconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def row(name: str, ours: float, bare: float | None, target: str) -> None:
    ratio = f"{ours / bare:6.2f}x" if bare else "      "
    bare_text = f"{bare * 1000:10.1f} ms" if bare is not None else " " * 13
    print(f"{name:<34} {ours * 1000:10.1f} ms {bare_text}  {ratio}   {target}")


def weights_matrix(catalog: Catalog) -> sp.csr_array:
    """The role x item weights a bare implementation would build: level x importance, split."""
    columns = {item.id: i for i, item in enumerate(catalog.items)}
    rows, cols, vals = [], [], []
    for r, role in enumerate(catalog.roles):
        for q in role.requirements:
            for option in q.options:
                rows.append(r)
                cols.append(columns[option])
                vals.append(q.level * q.importance / len(q.options))
    shape = (len(catalog.roles), len(columns))
    return sp.csr_array((vals, (rows, cols)), shape=shape)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--roles", type=int, default=3000)
    parser.add_argument("--skills", type=int, default=14_000)
    parser.add_argument("--requirements", type=int, default=110_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--stream",
        action="store_true",
        help="only measure top-k neighbours of every role, streamed (use with --roles 30000)",
    )
    args = parser.parse_args()

    start = time.perf_counter()
    catalog = esco_like(args.roles, args.skills, args.requirements)
    links = sum(len(q.options) for r in catalog.roles for q in r.requirements)
    requirements = sum(len(r.requirements) for r in catalog.roles)
    print(
        f"synthetic catalog: {len(catalog.roles)} roles, {len(catalog.skills)} skills,"
        f" {len(catalog.tools)} tools, {requirements} requirements ({links} role-item links),"
        f" made in {time.perf_counter() - start:.1f} s"
    )
    if args.stream:
        stream(catalog)
        return
    print(f"{'operation':<34} {'ours':>13} {'bare':>13}  {'ratio':>7}   target")

    # Loading a catalog document: ours vs json.loads + bare cattrs structuring.
    text = ai_roles.dumps(catalog)
    bare_converter = cattrs.Converter()

    def bare_load() -> Catalog:
        data = json.loads(text)
        del data["schema"], data["kind"]
        return bare_converter.structure(data, Catalog)

    row(
        "load catalog (JSON)",
        timed(lambda: ai_roles.loads(text), 3),
        timed(bare_load, 3),
        "<= 1.2x",
    )

    # Building the graph: ours vs a bare networkx build of the same nodes and edges.
    def bare_graph() -> nx.DiGraph[str]:
        """The same nodes, edges and attributes, added as plainly as networkx allows."""
        graph: nx.DiGraph[str] = nx.DiGraph()
        role_fields = (
            "name",
            "summary",
            "why",
            "family",
            "responsibilities",
            "aliases",
            "external_ids",
            "sources",
        )
        item_fields = ("name", "category", "description", "hours", "aliases", "external_ids")
        graph.add_nodes_from((r.id, {f: getattr(r, f) for f in role_fields}) for r in catalog.roles)
        graph.add_nodes_from((i.id, {f: getattr(i, f) for f in item_fields}) for i in catalog.items)
        graph.add_edges_from(
            (
                r.id,
                o,
                {
                    "relation": "requires",
                    "level": q.level,
                    "essential": q.essential,
                    "importance": q.importance,
                    "group": g,
                    "rank": k,
                },
            )
            for r in catalog.roles
            for g, q in enumerate(r.requirements)
            for k, o in enumerate(q.options)
        )
        graph.add_edges_from(
            (p.item, i.id, {"relation": "prerequisite", "level": p.level, "order": k})
            for i in catalog.items
            for k, p in enumerate(i.prerequisites)
        )
        return graph

    row(
        "build graph",
        timed(lambda: ai_roles.build_graph(catalog), 3),
        timed(bare_graph, 3),
        "<= 1.2x",
    )

    # The cosine similarity matrix: ours vs a bare normalised sparse product.
    cold = time.perf_counter()
    similarity_matrix(catalog)
    cold = time.perf_counter() - cold
    weights = weights_matrix(catalog)

    def bare_cosine() -> np.ndarray[Any, Any]:
        norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1))).ravel()
        unit = sp.csr_array(sp.diags_array(1.0 / np.where(norms > 0, norms, 1.0)) @ weights)
        return (unit @ unit.T).toarray()

    row(
        "similarity_matrix (cosine)",
        timed(lambda: similarity_matrix(catalog), args.repeat),
        timed(bare_cosine, args.repeat),
        "<= 1.2x",
    )
    row("  first call, building the vectors", cold, None, "")

    # Top-10 for one role: ours vs one bare sparse row product and a partial sort.
    unit = sp.csr_array(
        sp.diags_array(
            1.0
            / np.maximum(np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1))).ravel(), 1e-300)
        )
        @ weights
    )
    roles = [r.id for r in catalog.roles]

    def bare_top() -> list[int]:
        scores = (unit[[7]] @ unit.T).toarray()[0]
        best = np.argpartition(-scores, 11)[:11]
        return sorted(best, key=lambda j: -scores[j])

    row(
        "most_similar (top 10)",
        timed(lambda: most_similar(catalog, roles[7], k=10), 20),
        timed(bare_top, 20),
        "<= 5 ms",
    )

    # One learning path: ours vs the bare closure of the target's requirements.
    pairs = [(roles[i], roles[(i * 7 + 3) % len(roles)]) for i in range(0, 200, 10)]
    hours = {i.id: i.hours for i in catalog.items}
    needs = {i.id: i.prerequisites for i in catalog.items}

    def bare_closure(target: str) -> float:
        levels: dict[str, Level] = {}
        stack = [(q.options[0], q.level) for q in catalog.role(target).requirements if q.essential]
        total = 0.0
        while stack:
            item, level = stack.pop()
            if levels.get(item, 0) < level:
                total += hours[item] * (level - levels.get(item, 0))
                levels[item] = level
                stack.extend((p.item, p.level) for p in needs[item])
        return total

    ours = timed(lambda: [learning_path(catalog, a, b) for a, b in pairs], args.repeat) / len(pairs)
    bare = timed(lambda: [bare_closure(b) for _, b in pairs], args.repeat) / len(pairs)
    row("learning_path (one)", ours, bare, "<= 10 ms")

    # One career path across the whole catalog, in at most 3 moves (the default).
    source, target = roles[1], roles[2]
    direct = learning_path(catalog, source, target).total_hours
    budget = math.ceil(direct * 0.75)
    try:
        found = career_path(catalog, source, target, max_step_hours=budget)
        what = f"{len(found.roles) - 1} moves within {budget} h"
    except ai_roles.NoPathError as e:
        budget = math.ceil(e.needed or budget)
        what = f"no path under 75 % of the direct move; {budget} h needed"
    ours = timed(lambda: career_path(catalog, source, target, max_step_hours=budget), 3)
    row(f"career_path ({what})", ours, None, "<= 2 s")


def stream(catalog: Catalog) -> None:
    """Top-10 neighbours of every role, streamed: peak memory against a dense matrix."""
    n = len(catalog.roles)
    top_k_similar(catalog, k=1).__next__()  # build the cached vectors first
    tracemalloc.start()
    start = time.perf_counter()
    count = sum(1 for _ in top_k_similar(catalog, k=10, block=1024))
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    dense = n * n * 8
    print(
        f"top_k_similar over {count} roles: {seconds:.1f} s, peak {peak / 2**20:,.0f} MiB"
        f" (a dense {n:,} x {n:,} matrix would be {dense / 2**20:,.0f} MiB)"
    )


if __name__ == "__main__":
    main()
