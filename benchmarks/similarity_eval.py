"""How well role similarity agrees with expert judgement on the official releases.

Run with::

    python benchmarks/similarity_eval.py [--data DIR] [--taxonomy onet|esco|both]
        [--split tune|report|all] [--methods cosine,hybrid] [--option hybrid:text_weight=0.3]
        [--grid] [--detail]

For each taxonomy (O*NET 29.2/29.3, ESCO v1.1.1, from ``../shared/data`` by
default) and each similarity method the library has (discovered at run time
from ``typing.get_args(ai_roles.similarity.Method)``), the whole similarity
matrix is computed and every role's neighbours are ranked by its row
(``values[a, :]``, so ``coverage`` ranks the roles whose needs `a` meets
best); a role is never its own neighbour. Two yardsticks:

1. **Structural proxy** (the taxonomies' own grouping). O*NET: the roles
   relevant to a role are the other occupations of its SOC *detailed*
   occupation (the first 7 characters of the O*NET-SOC code, ``"15-2051"``);
   when no other O*NET occupation shares it, those of its SOC *broad* group
   (the first 6 characters, ``"15-205"``); when none shares that either, the
   role has no relevant other and is left out. ESCO: the other occupations of
   its ISCO-08 unit group (the 4-digit ``iscoGroup``). Reported: precision@5
   and @10 (the share of the top k that is relevant; its ceiling,
   ``min(k, R)/k`` averaged, is printed as ``ceiling``) and the mean reciprocal
   rank of the first relevant role, averaged over the roles that have at least
   one relevant other.
2. **Expert pairs** (``benchmarks/related_occupations.toml``, written before
   any run and not to be tuned to). For each pair (a, b), the rank of b among
   a's neighbours and of a among b's: each pair gives two rankings, and hit@5,
   hit@10 (the share of those rankings with the partner in the top 5 / 10) and
   the MRR are averaged over them. Pairs whose ids do not resolve in the
   release are listed on stderr and make the exit status 1.

Ties are scored by their expectation under a random order of the tied roles
(exact, not sampled): a role tied with 99 others for the last of 10 places
counts 1/100 of a hit, so methods with many equal scores (``jaccard``,
``tools``) are neither flattered nor punished by an arbitrary tie-break.

Baselines, computed here with bare ``csv`` and NumPy/SciPy, not by the
library, on the same roles: O*NET, the cosine of the occupations' importance
ratings (``IM`` data values) over the Skills and Knowledge elements, read
straight from ``Skills.txt`` and ``Knowledge.txt`` (technology skills
ignored); ESCO, the cosine of binary occupation-skill vectors from
``occupationSkillRelations.csv`` (essential and optional both 1).

The pairs' MRR is printed with its standard error over pairs (``±se``):
with 40-50 pairs a split it is about 0.05, so smaller differences are noise.

``--grid`` evaluates the ``hybrid`` method (``--grid-method``) over a weight
option of `similarity_matrix` (auto-detected: a keyword option with a float
default in [0, 1], such as ``text_weight``; or ``--grid-param``) at 0, 0.1,
..., 1 on the ``tune`` pairs only, picks the weight with the best MRR (per
taxonomy, and, the library having one weight for all, averaged over both
taxonomies; ties go to the smaller weight) and prints that weight's figures
on the ``report`` pairs, which played no part in choosing it.

Options of `similarity_matrix` are discovered with `inspect`: ``--option
hybrid:text_weight=0.3`` passes one to one method, and an option the
function lacks is reported and skipped.

Sources: O*NET 29.2/29.3 Database, USDOL/ETA (CC BY 4.0); ESCO v1.1.1,
European Commission.
"""

from __future__ import annotations

import argparse
import ast
import csv
import inspect
import io
import math
import sys
import time
import typing
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "related_occupations.toml"
DATA = HERE.parent.parent / "shared" / "data"
TAXONOMIES = ("onet", "esco")
SPLITS = ("tune", "report")
GRID = tuple(round(0.1 * i, 1) for i in range(11))

csv.field_size_limit(sys.maxsize)

Array = np.ndarray[Any, Any]


# --- metrics (pure functions of a score matrix) --------------------------------------


def _candidates(scores: Array, own: int) -> Array:
    """A row's scores without the role itself."""
    return np.delete(np.asarray(scores, dtype=np.float64), own)


def _first_hit(tied: int, hits: int) -> Array:
    """P(the first hit is the j-th of the tied roles), j = 1..tied-hits+1, in random order.

    `tied` roles share the best score of any hit; `hits` of them are hits.
    """
    j = np.arange(1, tied - hits + 2)
    # P(J > j) = C(tied - j, hits) / C(tied, hits), built up one factor at a time
    survive = np.cumprod((tied - j + 1 - hits) / (tied - j + 1))
    before = np.concatenate(([1.0], survive[:-1]))
    return before - survive


def _rank_spread(row: Array, targets: Array) -> tuple[int, Array]:
    """Roles scored above the best target, and P(first target at each rank after them)."""
    best = row[targets].max()
    greater = int(np.count_nonzero(row > best))
    ties = row == best
    return greater, _first_hit(int(np.count_nonzero(ties)), int(np.count_nonzero(ties & targets)))


def reciprocal_rank(scores: Array, own: int, targets: Array) -> float:
    """Expected 1/rank of the best-ranked of `targets` (a boolean mask) among `own`'s neighbours."""
    row, mask = _candidates(scores, own), np.delete(np.asarray(targets, dtype=bool), own)
    greater, spread = _rank_spread(row, mask)
    return float(np.sum(spread / (greater + np.arange(1, len(spread) + 1))))


def expected_rank(scores: Array, own: int, targets: Array) -> float:
    """Expected rank (1 = nearest) of the best-ranked of `targets` among `own`'s neighbours."""
    row, mask = _candidates(scores, own), np.delete(np.asarray(targets, dtype=bool), own)
    greater, spread = _rank_spread(row, mask)
    return float(np.sum(spread * (greater + np.arange(1, len(spread) + 1))))


def hit_at_k(scores: Array, own: int, targets: Array, k: int) -> float:
    """P(the best-ranked of `targets` is within `own`'s `k` nearest neighbours)."""
    row, mask = _candidates(scores, own), np.delete(np.asarray(targets, dtype=bool), own)
    greater, spread = _rank_spread(row, mask)
    return float(np.sum(spread[: max(0, k - greater)]))


def precision_at_k(scores: Array, relevant: Array, k: int) -> float:
    """Mean share of relevant roles among each role's `k` nearest, over roles with any relevant.

    `scores` and `relevant` are n x n; row i ranks the other roles for role i
    (the diagonal is ignored). Ties at the k-th place count by expectation.
    """
    values = []
    for own in range(scores.shape[0]):
        mask = np.delete(np.asarray(relevant[own], dtype=bool), own)
        if not mask.any():
            continue
        row = _candidates(scores[own], own)
        take = min(k, len(row))
        kth = np.partition(row, len(row) - take)[len(row) - take]
        above = row > kth
        tied = row == kth
        slots = take - int(np.count_nonzero(above))
        found = np.count_nonzero(above & mask) + slots * np.count_nonzero(
            tied & mask
        ) / np.count_nonzero(tied)
        values.append(found / k)
    return float(np.mean(values)) if values else math.nan


def mean_reciprocal_rank(scores: Array, relevant: Array) -> float:
    """Mean reciprocal rank of the first relevant role, over the roles with any relevant."""
    values = [
        reciprocal_rank(scores[own], own, relevant[own])
        for own in range(scores.shape[0])
        if np.delete(np.asarray(relevant[own], dtype=bool), own).any()
    ]
    return float(np.mean(values)) if values else math.nan


def precision_ceiling(relevant: Array, k: int) -> float:
    """The best precision@k any ranking can reach: mean of min(k, R) / k over roles with R > 0."""
    counts = np.asarray(relevant, dtype=bool).sum(axis=1) - np.diagonal(relevant).astype(int)
    counts = counts[counts > 0]
    return float(np.mean(np.minimum(counts, k) / k)) if len(counts) else math.nan


def pair_metrics(scores: Array, pairs: Sequence[tuple[int, int]]) -> dict[str, float]:
    """hit@5, hit@10 and MRR of expert pairs, each pair ranked both ways (2 rankings a pair).

    ``mrr_se`` is the MRR's standard error over pairs (a pair's two rankings
    averaged first: they are not independent), to tell a difference from noise.
    """
    n = scores.shape[0]
    hit5, hit10, rr = [], [], []
    for a, b in pairs:
        for own, partner in ((a, b), (b, a)):
            target = np.zeros(n, dtype=bool)
            target[partner] = True
            hit5.append(hit_at_k(scores[own], own, target, 5))
            hit10.append(hit_at_k(scores[own], own, target, 10))
            rr.append(reciprocal_rank(scores[own], own, target))
    if not rr:
        return {"hit5": math.nan, "hit10": math.nan, "mrr": math.nan, "mrr_se": math.nan, "n": 0}
    per_pair = np.asarray(rr).reshape(-1, 2).mean(axis=1)
    se = float(per_pair.std(ddof=1) / math.sqrt(len(per_pair))) if len(per_pair) > 1 else math.nan
    return {
        "hit5": float(np.mean(hit5)),
        "hit10": float(np.mean(hit10)),
        "mrr": float(np.mean(rr)),
        "mrr_se": se,
        "n": len(pairs),
    }


# --- relevance from the taxonomies' own grouping ------------------------------------


def onet_relevance(codes: Sequence[str]) -> tuple[Array, dict[str, int]]:
    """Same SOC detailed occupation (7 chars) if any other shares it, else same broad group (6)."""
    detailed = np.array([c[:7] for c in codes])
    broad = np.array([c[:6] for c in codes])
    count = Counter(detailed.tolist())
    relevant = np.zeros((len(codes), len(codes)), dtype=bool)
    how: Counter[str] = Counter()
    for i, code in enumerate(codes):
        if count[code[:7]] > 1:
            relevant[i] = detailed == code[:7]
            how["detailed"] += 1
        else:
            relevant[i] = broad == code[:6]
            how["broad" if relevant[i].sum() > 1 else "none"] += 1
        relevant[i, i] = False
    return relevant, dict(how)


def group_relevance(groups: Sequence[str]) -> Array:
    """Same (non-empty) group, never oneself."""
    labels = np.array(groups)
    relevant = (labels[:, None] == labels[None, :]) & (labels != "")[:, None]
    np.fill_diagonal(relevant, val=False)
    return relevant


# --- expert pairs ---------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    taxonomy: str
    a: str
    b: str
    split: str
    reason: str


def load_pairs(path: Path = PAIRS) -> list[Pair]:
    """Read the pairs file, checking each entry's fields."""
    with path.open("rb") as f:
        document = tomllib.load(f)
    pairs = []
    for n, entry in enumerate(document.get("pair", []), 1):
        pair = Pair(**{name: entry[name] for name in Pair.__dataclass_fields__})
        if pair.taxonomy not in TAXONOMIES or pair.split not in SPLITS:
            msg = f"{path.name}: pair {n}: taxonomy or split not one of {TAXONOMIES}, {SPLITS}"
            raise ValueError(msg)
        pairs.append(pair)
    return pairs


def resolve(
    pairs: Iterable[Pair], index: dict[str, int]
) -> tuple[list[tuple[int, int]], list[tuple[Pair, list[str]]]]:
    """Role indices of each pair (keys casefolded), and the pairs with ids that do not resolve."""
    found, missing = [], []
    for pair in pairs:
        a, b = index.get(pair.a.casefold()), index.get(pair.b.casefold())
        if a is None or b is None or a == b:
            bad = [x for x, i in ((pair.a, a), (pair.b, b)) if i is None] or [pair.a, pair.b]
            missing.append((pair, bad))
        else:
            found.append((a, b))
    return found, missing


# --- the releases and the bare baselines ------------------------------------------------


@dataclass
class Taxonomy:
    name: str
    title: str
    ids: tuple[str, ...]
    relevant: Array
    index: dict[str, int]  # casefolded code / label / URI -> row
    catalog: Any
    baseline: Array
    notes: list[str] = field(default_factory=list)


def _cosine(matrix: sp.csr_array) -> Array:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    unit = sp.csr_array(sp.diags_array(scale) @ matrix)
    return np.asarray((unit @ unit.T).toarray())


def _sparse(rows: list[int], cols: list[int], vals: list[float], n: int) -> sp.csr_array:
    m = max(cols, default=-1) + 1
    return sp.csr_array((vals, (rows, cols)), shape=(n, m), dtype=np.float64)


def onet_baseline(folder: Path, codes: Sequence[str]) -> Array:
    """Cosine over Skills+Knowledge importance (IM) ratings, read with `csv` alone."""
    row_of = {c: i for i, c in enumerate(codes)}
    columns: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for name in ("Skills.txt", "Knowledge.txt"):
        with (folder / name).open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            for line in reader:
                if line["Scale ID"] != "IM" or line["O*NET-SOC Code"] not in row_of:
                    continue
                rows.append(row_of[line["O*NET-SOC Code"]])
                cols.append(columns.setdefault(line["Element ID"], len(columns)))
                vals.append(float(line["Data Value"]))
    return _cosine(_sparse(rows, cols, vals, len(codes)))


def esco_baseline(folder: Path, uris: Sequence[str]) -> Array:
    """Cosine over binary essential+optional skill vectors, read with `csv` alone."""
    row_of = {u: i for i, u in enumerate(uris)}
    columns: dict[str, int] = {}
    cells: set[tuple[int, int]] = set()
    for path in sorted(folder.glob("*relations*.zip")):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if Path(member).name.startswith("occupationSkillRelations"):
                    with archive.open(member) as raw:
                        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
                        for line in csv.DictReader(text):
                            row = row_of.get(line["occupationUri"])
                            if row is not None:
                                col = columns.setdefault(line["skillUri"], len(columns))
                                cells.add((row, col))
    rows = [r for r, _ in cells]
    cols = [c for _, c in cells]
    return _cosine(_sparse(rows, cols, [1.0] * len(cells), len(uris)))


def _quiet(load: Callable[[], Any]) -> Any:
    from ai_roles.importers import DataWarning  # noqa: PLC0415 (after sys.path is known)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return load()


def load_onet(data: Path) -> Taxonomy:
    from ai_roles.importers import onet  # noqa: PLC0415

    folder = data / "onet"
    catalog = _quiet(lambda: onet.load(folder))
    ids = tuple(r.id for r in catalog.roles)
    codes = [r.external_ids["onet"] for r in catalog.roles]
    relevant, how = onet_relevance(codes)
    index = {c.casefold(): i for i, c in enumerate(codes)}
    for i, role in enumerate(catalog.roles):
        index.setdefault(role.id.casefold(), i)
    return Taxonomy(
        name="onet",
        title=f"O*NET {catalog.version}",
        ids=ids,
        relevant=relevant,
        index=index,
        catalog=catalog,
        baseline=onet_baseline(folder, codes),
        notes=[
            (
                "relevant = same SOC detailed occupation (7 chars of the code) for "
                f"{how.get('detailed', 0)} roles, same broad group (6 chars) for "
                f"{how.get('broad', 0)}; {how.get('none', 0)} roles with neither are left out"
            ),
            "baseline = cosine of Skills+Knowledge IM ratings (Skills.txt, Knowledge.txt)",
        ],
    )


def load_esco(data: Path) -> Taxonomy:
    from ai_roles.importers import esco  # noqa: PLC0415

    folder = data / "esco-v1.1.1"
    catalog = _quiet(lambda: esco.load(folder))
    ids = tuple(r.id for r in catalog.roles)
    uris = [r.external_ids["esco"] for r in catalog.roles]
    groups = [r.external_ids.get("isco", "") for r in catalog.roles]
    index: dict[str, int] = {}
    labels = Counter(r.name.casefold() for r in catalog.roles)
    for i, role in enumerate(catalog.roles):
        index[uris[i].casefold()] = i
        index[role.id.casefold()] = i
        if labels[role.name.casefold()] == 1:  # an ambiguous label resolves to nothing
            index[role.name.casefold()] = i
    relevant = group_relevance(groups)
    with_any = int(relevant.any(axis=1).sum())
    return Taxonomy(
        name="esco",
        title=f"ESCO {catalog.version}",
        ids=ids,
        relevant=relevant,
        index=index,
        catalog=catalog,
        baseline=esco_baseline(folder, uris),
        notes=[
            f"relevant = same ISCO-08 unit group (4-digit iscoGroup); {with_any} roles have one",
            (
                "baseline = cosine of binary essential+optional skill vectors "
                "(occupationSkillRelations.csv)"
            ),
        ],
    )


# --- the library's methods and their options ------------------------------------------


def library_methods() -> tuple[str, ...]:
    """The similarity methods the installed library has."""
    from ai_roles import similarity  # noqa: PLC0415

    return tuple(typing.get_args(similarity.Method))


def matrix_options() -> dict[str, inspect.Parameter]:
    """The keyword options of `similarity_matrix` besides the catalog and the method."""
    from ai_roles.similarity import similarity_matrix  # noqa: PLC0415

    parameters = inspect.signature(similarity_matrix).parameters
    return {
        name: p
        for name, p in parameters.items()
        if name not in {"catalog", "method"}
        and p.kind in {inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD}
    }


def parse_options(texts: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``method:name=value`` (value a Python literal, else a string) -> {method: {name: value}}."""
    options: dict[str, dict[str, Any]] = {}
    for text in texts:
        method, _, rest = text.partition(":")
        name, _, raw = rest.partition("=")
        if not method or not name or not raw:
            msg = f"--option {text!r}: expected method:name=value"
            raise SystemExit(msg)
        try:
            value = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            value = raw
        options.setdefault(method, {})[name] = value
    return options


def usable(options: dict[str, Any]) -> dict[str, Any]:
    """The options `similarity_matrix` takes; the others are reported and dropped."""
    known = matrix_options()
    for name in options.keys() - known.keys():
        print(f"note: similarity_matrix has no option {name!r}; skipped", file=sys.stderr)
    return {k: v for k, v in options.items() if k in known}


def grid_parameter(explicit: str | None) -> str | None:
    """The weight option to grid over: `explicit`, else one with a float default in [0, 1]."""
    known = matrix_options()
    if explicit is not None:
        return explicit if explicit in known else None
    for name, p in known.items():
        default = p.default
        if isinstance(default, float) and 0 <= default <= 1:
            return name
    for name in ("alpha", "text_weight", "weight"):
        if name in known:
            return name
    return None


def library_matrix(taxonomy: Taxonomy, method: str, options: dict[str, Any]) -> Array:
    from ai_roles.similarity import similarity_matrix  # noqa: PLC0415

    m = similarity_matrix(taxonomy.catalog, method=method, **options)
    if tuple(m.ids) != taxonomy.ids:
        msg = f"{method}: the matrix's ids are not the catalog's roles in order"
        raise RuntimeError(msg)
    return np.asarray(m.values)


# --- reporting -------------------------------------------------------------------------


@dataclass
class Row:
    label: str
    p5: float
    p10: float
    mrr: float
    hit5: float
    hit10: float
    pairs_mrr: float
    pairs_se: float
    seconds: float


def evaluate(
    label: str, scores: Array, taxonomy: Taxonomy, pairs: Sequence[tuple[int, int]], seconds: float
) -> Row:
    pm = pair_metrics(scores, pairs)
    return Row(
        label=label,
        p5=precision_at_k(scores, taxonomy.relevant, 5),
        p10=precision_at_k(scores, taxonomy.relevant, 10),
        mrr=mean_reciprocal_rank(scores, taxonomy.relevant),
        hit5=pm["hit5"],
        hit10=pm["hit10"],
        pairs_mrr=pm["mrr"],
        pairs_se=pm["mrr_se"],
        seconds=seconds,
    )


def table(rows: Sequence[Row], taxonomy: Taxonomy, split: str, n_pairs: int) -> str:
    head = (
        f"{'method':<22} {'P@5':>6} {'P@10':>6} {'MRR':>6} | "
        f"{'hit@5':>6} {'hit@10':>6} {'MRR':>6} {'±se':>6} | {'time s':>7}"
    )
    lines = [
        f"{'':<22} {'proxy (taxonomy groups)':^20} | {f'pairs, {split} ({n_pairs})':^27} |",
        head,
        "-" * len(head),
    ]
    lines += [
        f"{r.label:<22} {r.p5:6.3f} {r.p10:6.3f} {r.mrr:6.3f} | "
        f"{r.hit5:6.3f} {r.hit10:6.3f} {r.pairs_mrr:6.3f} {r.pairs_se:6.3f} | {r.seconds:7.2f}"
        for r in rows
    ]
    ceiling5 = precision_ceiling(taxonomy.relevant, 5)
    ceiling10 = precision_ceiling(taxonomy.relevant, 10)
    lines.append(f"{'ceiling':<22} {ceiling5:6.3f} {ceiling10:6.3f} {1:6.3f} |")
    return "\n".join(lines)


def detail(taxonomy: Taxonomy, pairs: Sequence[Pair], methods: dict[str, Array]) -> str:
    """Each resolved pair's expected rank both ways under each method."""
    names = list(methods)
    lines = [f"{'pair':<60} " + " ".join(f"{m[:11]:>11}" for m in names)]
    n = len(taxonomy.ids)
    for pair in pairs:
        a, b = taxonomy.index.get(pair.a.casefold()), taxonomy.index.get(pair.b.casefold())
        if a is None or b is None:
            continue
        cells = []
        for scores in methods.values():
            ta, tb = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
            ta[b], tb[a] = True, True
            cells.append(
                f"{expected_rank(scores[a], a, ta):5.0f}/{expected_rank(scores[b], b, tb):<5.0f}"
            )
        lines.append(f"{(pair.a + ' ~ ' + pair.b)[:60]:<60} " + " ".join(f"{c:>11}" for c in cells))
    return "\n".join(lines)


def run_taxonomy(
    taxonomy: Taxonomy,
    all_pairs: Sequence[Pair],
    split: str,
    methods: Sequence[str],
    options: dict[str, dict[str, Any]],
    *,
    show_detail: bool,
) -> int:
    mine = [p for p in all_pairs if p.taxonomy == taxonomy.name]
    chosen = [p for p in mine if split in {"all", p.split}]
    resolved, missing = resolve(mine, taxonomy.index)
    for pair, bad in missing:
        print(
            f"UNRESOLVED {taxonomy.name} pair {pair.a!r} ~ {pair.b!r}: {', '.join(map(repr, bad))}",
            file=sys.stderr,
        )
    pairs, _ = resolve(chosen, taxonomy.index)
    print(f"\n== {taxonomy.title}: {len(taxonomy.ids)} roles")
    for note in taxonomy.notes:
        print(f"   {note}")
    counts = Counter(p.split for p in mine)
    print(
        f"   expert pairs: {len(mine)} ({counts['tune']} tune, {counts['report']} report), "
        f"{len(resolved)} resolved, {len(missing)} UNRESOLVED; evaluated on {split!r}: "
        f"{len(pairs)} pairs, {2 * len(pairs)} rankings"
    )
    rows = [evaluate("baseline (bare)", taxonomy.baseline, taxonomy, pairs, 0.0)]
    kept: dict[str, Array] = {"baseline": taxonomy.baseline}
    for method in methods:
        chosen_options = usable(options.get(method, {}))
        label = method + "".join(f" {k}={v}" for k, v in chosen_options.items())
        start = time.perf_counter()
        try:
            scores = library_matrix(taxonomy, method, chosen_options)
        except Exception as e:  # noqa: BLE001 (one method failing must not hide the others)
            print(f"   {method}: FAILED: {type(e).__name__}: {e}", file=sys.stderr)
            continue
        seconds = time.perf_counter() - start
        rows.append(evaluate(label, scores, taxonomy, pairs, seconds))
        if show_detail:
            kept[method] = scores
    print(table(rows, taxonomy, split, len(pairs)))
    if show_detail:
        print(detail(taxonomy, chosen, kept))
    return len(missing)


@dataclass
class GridPoint:
    value: float
    tune: dict[str, float]
    report: dict[str, float]
    proxy_mrr: float


def run_grid(
    taxonomy: Taxonomy,
    all_pairs: Sequence[Pair],
    method: str,
    parameter: str,
    options: dict[str, Any],
) -> list[GridPoint]:
    """Each weight of `GRID` on the tune pairs (the report figures kept aside, not printed)."""
    mine = [p for p in all_pairs if p.taxonomy == taxonomy.name]
    tune, _ = resolve([p for p in mine if p.split == "tune"], taxonomy.index)
    report, _ = resolve([p for p in mine if p.split == "report"], taxonomy.index)
    print(f"\n== grid on {taxonomy.title}: {method} over {parameter}, on the 'tune' pairs")
    print(
        f"{parameter:>12} {'hit@10':>7} {'MRR':>6} {'±se':>6} (tune, {len(tune)} pairs)"
        f" {'proxy MRR':>10}"
    )
    points = []
    for value in GRID:
        scores = library_matrix(taxonomy, method, {**options, parameter: value})
        point = GridPoint(
            value=value,
            tune=pair_metrics(scores, tune),
            report=pair_metrics(scores, report),
            proxy_mrr=mean_reciprocal_rank(scores, taxonomy.relevant),
        )
        points.append(point)
        t = point.tune
        print(
            f"{value:12.1f} {t['hit10']:7.3f} {t['mrr']:6.3f} {t['mrr_se']:6.3f} {'':>17}"
            f" {point.proxy_mrr:10.3f}"
        )
    best = best_point({taxonomy.name: points})
    print(f"best {parameter} on tune = {best}; {_reported(taxonomy.name, points, best)}")
    return points


def best_point(grids: dict[str, list[GridPoint]]) -> float:
    """The weight with the best tune MRR, averaged over taxonomies (ties: the smaller weight)."""
    values = [p.value for p in next(iter(grids.values()))]
    mean = [
        np.mean([points[i].tune["mrr"] for points in grids.values()]) for i in range(len(values))
    ]
    return values[int(np.argmax(mean))]


def _reported(name: str, points: list[GridPoint], value: float) -> str:
    point = next(p for p in points if p.value == value)
    r = point.report
    return (
        f"{name} 'report' pairs ({r['n']}): hit@5 {r['hit5']:.3f}, hit@10 {r['hit10']:.3f}, "
        f"MRR {r['mrr']:.3f} ±{r['mrr_se']:.3f}; proxy MRR {point.proxy_mrr:.3f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder of the releases")
    parser.add_argument("--taxonomy", choices=(*TAXONOMIES, "both"), default="both")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="report")
    parser.add_argument("--pairs", type=Path, default=PAIRS, help="the expert pairs file")
    parser.add_argument("--methods", help="comma-separated subset of the library's methods")
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="METHOD:NAME=VALUE",
        help="a keyword option of similarity_matrix for one method (repeatable)",
    )
    parser.add_argument("--grid", action="store_true", help="grid a hybrid weight on 'tune'")
    parser.add_argument("--grid-method", default="hybrid")
    parser.add_argument("--grid-param", help="the option to grid (default: auto-detected)")
    parser.add_argument("--detail", action="store_true", help="each pair's ranks per method")
    args = parser.parse_args(argv)

    if not args.data.exists():
        print(f"no releases at {args.data}", file=sys.stderr)
        return 2
    pairs = load_pairs(args.pairs)
    methods = library_methods()
    if args.methods:
        wanted = [m.strip() for m in args.methods.split(",") if m.strip()]
        unknown = set(wanted) - set(methods)
        if unknown:
            print(f"unknown methods {sorted(unknown)}; the library has {methods}", file=sys.stderr)
            return 2
        methods = tuple(wanted)
    options = parse_options(args.option)
    print(f"methods: {', '.join(methods)}; similarity_matrix options: {sorted(matrix_options())}")
    unresolved = 0
    names = TAXONOMIES if args.taxonomy == "both" else (args.taxonomy,)
    parameter = grid_parameter(args.grid_param) if args.grid else None
    if args.grid and (args.grid_method not in methods or parameter is None):
        print(
            f"--grid: no method {args.grid_method!r} with a weight option "
            f"(methods {methods}, options {sorted(matrix_options())}); skipped",
            file=sys.stderr,
        )
        parameter = None
    grids: dict[str, list[GridPoint]] = {}
    for name in names:
        taxonomy = (load_onet if name == "onet" else load_esco)(args.data)
        if parameter is not None:
            grids[name] = run_grid(
                taxonomy, pairs, args.grid_method, parameter, options.get(args.grid_method, {})
            )
        unresolved += run_taxonomy(
            taxonomy, pairs, args.split, methods, options, show_detail=args.detail
        )
    if len(grids) > 1:  # the library has one weight for every taxonomy
        best = best_point(grids)
        print(f"\n== best {parameter} on the tune pairs of both taxonomies (mean MRR): {best}")
        for name, points in grids.items():
            print(f"   {_reported(name, points, best)}")
    if unresolved:
        print(
            f"\n{unresolved} expert pairs did not resolve (see UNRESOLVED above)", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
