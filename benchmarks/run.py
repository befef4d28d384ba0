"""Benchmarks: each operation next to a bare baseline on the same data, in one run.

Run with ``python benchmarks/run.py`` (``--roles N`` for another size). Prints,
for each operation, the median time of ours and of the baseline, their
ratio, and the target. Times are of warm caches where the library caches by
design (derived matrices are built once per catalog); the first, cold call is
reported separately (on a fresh copy of the catalog each time, so it too is
a median).

The ``text``, ``hybrid`` and ``fit`` similarity rows need role text, which
the synthetic catalog does not have: they run on a copy of it given
ESCO-like synthetic text (`with_text`), and again on the real ESCO v1.1.1
import when ``--real DIR`` (by default ``../shared/data/esco-v1.1.1``)
exists; without it they say so and skip. Their bare baselines are written
here on NumPy/SciPy (only the library's constants are shared), and each
prints how far its matrix is from ours, to show it computes the same thing.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import re
import statistics
import sys
import time
import tracemalloc
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import cattrs
import networkx as nx
import numpy as np
import scipy.sparse as sp
import tomllib

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import esco_like

import ai_roles
from ai_roles import Catalog, Level, Tool
from ai_roles._text import STOP_WORDS
from ai_roles.careers import career_path
from ai_roles.importers import DataWarning, esco
from ai_roles.paths import learning_path
from ai_roles.similarity import (
    FIT_BALANCE,
    TEXT_WEIGHT,
    TOOL_WEIGHT,
    most_similar,
    similarity_matrix,
    top_k_similar,
)

ESCO = Path(__file__).parents[2] / "shared" / "data" / "esco-v1.1.1"


def timed(
    function: Callable[[], Any], repeat: int, seconds: float | None = None, *, collect: bool = True
) -> float:
    """Median seconds of `repeat` calls (fewer once they have taken `seconds`, if given).

    With `collect`, a garbage collection before each call; short calls go without.
    """
    times: list[float] = []
    for _ in range(repeat):
        if seconds is not None and sum(times) > seconds:
            break
        if collect:
            gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def row(
    name: str, ours: float, bare: float | None, target: str, limit: float | None = None
) -> None:
    """Print one line; with `limit` (seconds), flag it when ours is above."""
    ratio = f"{ours / bare:6.2f}x" if bare else "      "
    bare_text = f"{bare * 1000:10.1f} ms" if bare is not None else " " * 13
    missed = "  MISSED" if limit is not None and ours > limit else ""
    print(f"{name:<34} {ours * 1000:10.1f} ms {bare_text}  {ratio}   {target}{missed}")


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
        "--real",
        type=Path,
        default=ESCO,
        metavar="DIR",
        help="the ESCO v1.1.1 release, for the similarity rows on the real import"
        " (skipped when absent)",
    )
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

    # The built-in catalog, read from its generated JSON form: ours (parsed, structured and
    # checked) vs parsing its TOML source alone, the least the TOML reader had to do.
    source = (Path(ai_roles.__file__).parent / "data" / "catalog.toml").read_text("utf-8")
    row(
        "load built-in catalog",
        timed(ai_roles.serialize._builtin_catalog.__wrapped__, args.repeat),  # noqa: SLF001 (uncached)
        timed(lambda: tomllib.loads(source), args.repeat),
        "<= 1.0x",
    )

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

    # text, hybrid and fit: on a copy of the catalog with synthetic role text
    # (measured last, so that its caches weigh on no row above).
    texted = with_text(catalog)
    print(f"with synthetic role text ({text_shape(texted)}):")
    similarity_rows(texted, args.repeat)
    del texted
    real(args.real, args.repeat)


# --- text, hybrid and fit -------------------------------------------------------------

WORD = re.compile(r"[a-z0-9][a-z0-9+#]*(?:\.[a-z0-9]+)*")


def with_text(catalog: Catalog, *, general: float = 0.4, seed: int = 0) -> Catalog:
    """Return a copy of `catalog` whose roles have ESCO-like synthetic text.

    As the ESCO import (a 40-word description and ten short alternative
    labels a role, about 120 terms): a two-word name (and the role's number,
    to keep names unique), a summary of 20-50 words and 5-11 short lines of
    responsibilities. Each role has one of 40 topics of 500 words; a word is
    from the role's topic, or, with probability `general`, from 5,000 words
    shared by all (Zipf-like in both), so that about half of the role pairs
    share a term, as in ESCO.
    """
    generator = np.random.default_rng(seed)
    n, topics, topic_words, shared_words = len(catalog.roles), 40, 500, 5000

    def zipf(size: int, offset: float) -> np.ndarray[Any, Any]:
        p = 1.0 / (np.arange(size) + 1.0 + offset)
        return p / p.sum()

    summary = generator.integers(20, 50, size=n)
    lines = generator.integers(5, 12, size=n)
    line_length = generator.integers(2, 5, size=int(lines.sum()))
    per_role = 2 + summary + np.add.reduceat(line_length, np.r_[0, np.cumsum(lines)[:-1]])
    total = int(per_role.sum())
    topic = np.repeat(generator.integers(topics, size=n), per_role)
    own = shared_words + topic * topic_words
    own += generator.choice(topic_words, size=total, p=zipf(topic_words, 0))
    shared = generator.choice(shared_words, size=total, p=zipf(shared_words, 30))
    words = [f"w{w}" for w in np.where(generator.random(total) < general, shared, own).tolist()]
    roles, at, line = [], 0, 0
    for r, role in enumerate(catalog.roles):
        name = f"{words[at]} {words[at + 1]} {r}"
        at += 2
        text = " ".join(words[at : at + summary[r]])
        at += int(summary[r])
        duties = []
        for _ in range(lines[r]):
            duties.append(" ".join(words[at : at + line_length[line]]))
            at += int(line_length[line])
            line += 1
        roles.append(attrs.evolve(role, name=name, summary=text, responsibilities=tuple(duties)))
    return attrs.evolve(catalog, roles=roles)


def text_shape(catalog: Catalog) -> str:
    """Terms a role (median) and vocabulary, counted bare."""
    counts = [len(bare_terms(role_words(role))) for role in catalog.roles]
    vocabulary = {t for role in catalog.roles for t in bare_terms(role_words(role))}
    return f"median {statistics.median(counts):.0f} terms a role, {len(vocabulary):,} in all"


def role_words(role: Any) -> str:
    return "\n".join((role.name, *role.aliases, role.summary, *role.responsibilities))


def bare_terms(text: str) -> list[str]:
    words = [w for w in WORD.findall(text.lower()) if len(w) > 1 and w not in STOP_WORDS]
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def unit_rows(matrix: sp.csr_array) -> sp.csr_array:
    """Each row scaled to unit length (empty rows stay empty)."""
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return sp.csr_array(sp.diags_array(scale) @ matrix)


def bare_tfidf(catalog: Catalog) -> sp.csr_array:
    """Unit TF-IDF rows: unigrams and bigrams, sublinear tf, smoothed idf, l2 (bare)."""
    vocabulary: dict[str, int] = {}
    rows, cols, tfs = [], [], []
    for r, role in enumerate(catalog.roles):
        for term, tf in Counter(bare_terms(role_words(role))).items():
            rows.append(r)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            tfs.append(tf)
    n = len(catalog.roles)
    columns = np.asarray(cols, dtype=np.int64)
    idf = 1.0 + np.log((1.0 + n) / (1.0 + np.bincount(columns, minlength=len(vocabulary))))
    values = (1.0 + np.log(np.asarray(tfs, dtype=np.float64))) * idf[columns]
    return unit_rows(sp.csr_array((values, (rows, columns)), shape=(n, len(vocabulary))))


def bare_specific(catalog: Catalog, weights: sp.csr_array) -> sp.csr_array:
    """The weights times each item's specificity, tools scaled against skills, unit rows."""
    n = weights.shape[0]
    named = np.bincount(weights.indices, minlength=weights.shape[1])
    scaled = sp.csr_array(weights @ sp.diags_array(1.0 + np.log((1.0 + n) / (1.0 + named))))
    is_tool = np.array([isinstance(item, Tool) for item in catalog.items], dtype=np.float64)
    skills = sp.csr_array(scaled @ sp.diags_array(1.0 - is_tool))
    tools = sp.csr_array(scaled @ sp.diags_array(is_tool))
    s_norm = np.sqrt(np.asarray(skills.multiply(skills).sum(axis=1))).ravel()
    t_norm = np.sqrt(np.asarray(tools.multiply(tools).sum(axis=1))).ravel()
    both = (s_norm > 0) & (t_norm > 0)
    ratio = np.divide(TOOL_WEIGHT * s_norm, t_norm, out=np.ones_like(t_norm), where=both)
    return unit_rows(sp.csr_array(skills + sp.diags_array(ratio) @ tools))


def product(unit: sp.csr_array) -> np.ndarray[Any, Any]:
    return (unit @ unit.T).toarray()


def distance(ours: np.ndarray[Any, Any], bare: np.ndarray[Any, Any], keep: Any) -> float:
    """The largest difference off the diagonal, between the roles `keep` (a boolean mask)."""
    difference = np.abs(ours - bare)[np.ix_(keep, keep)]
    np.fill_diagonal(difference, 0.0)
    return float(difference.max())


def cold(
    function: Callable[[Catalog], Any], catalog: Catalog, repeat: int, seconds: float = 10.0
) -> float:
    """Median seconds of `function` on fresh copies of `catalog` (each made outside the timing).

    Fewer than `repeat` calls once they have taken `seconds`.
    """
    times: list[float] = []
    for _ in range(repeat):
        if sum(times) > seconds:
            break
        copy = attrs.evolve(catalog)  # the same roles and items, with empty caches
        gc.collect()
        start = time.perf_counter()
        function(copy)
        times.append(time.perf_counter() - start)
        del copy
    return statistics.median(times)


def fit_inputs(catalog: Catalog) -> tuple[sp.csc_array, list[np.ndarray[Any, Any]], Any, Any]:
    """What a bare fit works on: the profiles' levels, and the essential requirements."""
    columns = {item.id: i for i, item in enumerate(catalog.items)}
    rows, cols, levels = [], [], []
    for r, role in enumerate(catalog.roles):
        for item, level in catalog.profile_of(role).levels.items():
            rows.append(r)
            cols.append(columns[item])
            levels.append(float(level))
    n = len(catalog.roles)
    held = sp.csc_array((levels, (rows, cols)), shape=(n, len(columns)))
    options, scale, owner, share = [], [], [], []
    for r, role in enumerate(catalog.roles):
        needed = [q for q in role.requirements if q.essential] or list(role.requirements)
        total = math.fsum(q.importance for q in needed)
        for q in needed:
            options.append([columns[o] for o in q.options])
            scale.append(1.0 / q.level)
            owner.append(r)
            share.append(q.importance / total)
    width = max((len(o) for o in options), default=1)
    # The k-th option of each requirement (its last one where it has fewer).
    option_k = [np.array([o[min(k, len(o) - 1)] for o in options]) for k in range(width)]
    weights = sp.csr_array((share, (np.arange(len(share)), owner)), shape=(len(share), n))
    return held, option_k, sp.diags_array(np.asarray(scale)), weights


def bare_fit(held: sp.csc_array, option_k: list[Any], scale: Any, weights: Any) -> Any:
    """coverage(a, b)^(1-g) coverage(b, a)^g: met = min(1, best have/need), one product."""
    met: sp.csc_array | None = None
    for cols in option_k:
        part = sp.csc_array(held[:, cols] @ scale)
        part.data = np.minimum(part.data, 1.0)
        met = part if met is None else met.maximum(part)
    assert met is not None  # noqa: S101
    forward = (met @ weights).toarray()
    return forward ** (1 - FIT_BALANCE) * forward.T**FIT_BALANCE


def keeping(function: Callable[[], Any], store: list[Any]) -> Callable[[], None]:
    """`function`, keeping its last result in `store` (to check it without computing it again)."""

    def call() -> None:
        store[:] = [function()]

    return call


def similarity_rows(catalog: Catalog, repeat: int) -> None:
    """The text, hybrid and fit rows on `catalog`, each next to its bare baseline.

    Each matrix is checked against its bare baseline (off the diagonal,
    between roles with requirements and, for text, with text): the largest
    difference is printed under its rows.
    """
    has_text = np.array([bool(bare_terms(role_words(r))) for r in catalog.roles])
    has_items = np.array([bool(r.requirements) for r in catalog.roles])
    few = min(repeat, 3)  # first calls take a second or more each
    ours_kept: list[Any] = []
    bare_kept: list[Any] = []

    def check() -> None:
        gap = distance(ours_kept[0].values, bare_kept[0], keep)
        print(f"  (largest |ours - bare|: {gap:.1e})")

    # text: the matrix of TF-IDF cosines.
    text_unit = bare_tfidf(catalog)
    ours = timed(keeping(lambda: similarity_matrix(catalog, method="text"), ours_kept), repeat)
    bare = timed(keeping(lambda: product(text_unit), bare_kept), repeat)
    row("similarity_matrix (text)", ours, bare, "<= 2 s, <= 1.2x", 2.0)
    ours = cold(lambda c: similarity_matrix(c, method="text"), catalog, few)
    bare = timed(lambda: product(bare_tfidf(catalog)), few)
    row("  first call, TF-IDF from the roles", ours, bare, "<= 2 s", 2.0)
    keep = has_text & has_items
    check()

    # hybrid: (1 - w) specific skills cosine + w text cosine.
    specific = bare_specific(catalog, weights_matrix(catalog))
    w = TEXT_WEIGHT

    def bare_hybrid(unit: sp.csr_array, text: sp.csr_array) -> np.ndarray[Any, Any]:
        values = product(unit)
        values *= 1.0 - w
        values += w * product(text)
        return values

    ours = timed(keeping(lambda: similarity_matrix(catalog, method="hybrid"), ours_kept), repeat)
    bare = timed(keeping(lambda: bare_hybrid(specific, text_unit), bare_kept), repeat)
    row("similarity_matrix (hybrid)", ours, bare, "<= 2 s, <= 1.2x", 2.0)
    ours = cold(lambda c: similarity_matrix(c, method="hybrid"), catalog, few)
    bare = timed(
        lambda: bare_hybrid(bare_specific(catalog, weights_matrix(catalog)), bare_tfidf(catalog)),
        few,
    )
    row("  first call, vectors from the roles", ours, bare, "<= 2 s", 2.0)
    keep = has_items
    check()

    # most_similar with hybrid, for 50 roles spread over the catalog: the
    # median over roles of each role's median of 5 calls.
    ids = [r.id for r in catalog.roles]
    picks = list(range(0, len(ids), max(1, len(ids) // 50)))[:50]
    specific_t = sp.csr_array(specific.T)
    text_t = sp.csr_array(text_unit.T)

    def bare_top(i: int) -> list[int]:
        scores = (1.0 - w) * (specific[[i]] @ specific_t).toarray()[0]
        scores += w * (text_unit[[i]] @ text_t).toarray()[0]
        scores[i] = -np.inf
        best = np.argpartition(-scores, 10)[:10]
        return sorted(best.tolist(), key=lambda j: -scores[j])

    ours_kept.clear()
    bare_kept.clear()
    gc.collect()  # once: over these catalogs a collection takes longer than a call
    per_role = [
        timed(lambda i=i: most_similar(catalog, ids[i], k=10, method="hybrid"), 5, collect=False)
        for i in picks
    ]
    bare_per_role = [timed(lambda i=i: bare_top(i), 5, collect=False) for i in picks]
    row(
        f"most_similar (hybrid, median {len(picks)})",
        statistics.median(per_role),
        statistics.median(bare_per_role),
        "<= 20 ms",
        0.020,
    )
    row("  slowest of them", max(per_role), max(bare_per_role), "<= 20 ms", 0.020)

    # fit: coverage both ways, balanced (fewer repeats once they take 10 s).
    inputs = fit_inputs(catalog)
    fit = keeping(lambda: similarity_matrix(catalog, method="fit"), ours_kept)
    ours = timed(fit, repeat, 10.0)
    bare = timed(keeping(lambda: bare_fit(*inputs), bare_kept), repeat, 10.0)
    row("similarity_matrix (fit)", ours, bare, "<= 2 s", 2.0)
    ours = cold(lambda c: similarity_matrix(c, method="fit"), catalog, few)
    row("  first call, profiles and needs", ours, None, "<= 2 s", 2.0)
    check()


def real(path: Path, repeat: int) -> None:
    """The similarity rows on the ESCO v1.1.1 import, when the release is there."""
    if not path.is_dir():
        print(f"real ESCO import: skipped, no release at {path}")
        return
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        catalog = esco.load(path)
    links = sum(len(q.options) for r in catalog.roles for q in r.requirements)
    print(
        f"real ESCO v1.1.1 import: {len(catalog.roles)} roles, {len(catalog.skills)} skills,"
        f" {links} role-item links, {text_shape(catalog)}; loaded in"
        f" {time.perf_counter() - start:.1f} s"
    )
    print(f"{'operation':<34} {'ours':>13} {'bare':>13}  {'ratio':>7}   target")
    similarity_rows(catalog, repeat)


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
