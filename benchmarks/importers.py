"""Benchmarks of the importers on the official releases, each against a bare baseline.

Run with ``python benchmarks/importers.py [../shared/data]``. For each
release: the import time next to the time the `csv` module alone takes to
read every file of the release (the target is 2x at most), and next to
`csv` reading only the files the importer opens (reported too: the stricter
reading of the target); the peak memory of the import (tracemalloc); and,
on the imported catalog, the cosine similarity matrix and one top-10 query
next to bare SciPy baselines. Import and baselines alternate, and each
time is the median of five runs.
"""

from __future__ import annotations

import csv
import functools
import io
import statistics
import sys
import time
import tracemalloc
import warnings
import zipfile
from collections.abc import Callable, Container
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from run import weights_matrix  # the same bare matrix as the synthetic benchmark

from ai_roles import Catalog
from ai_roles.importers import DataWarning, esco, onet
from ai_roles.importers._source import Source
from ai_roles.similarity import most_similar, similarity_matrix

csv.field_size_limit(sys.maxsize)


def timed(function: Callable[[], Any], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def read_all_zips(folder: Path, only: Container[str] | None = None) -> int:
    """Read every CSV file (or those named in `only`) of every zip in `folder` with `csv`."""
    rows = 0
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith(".csv") and (only is None or name in only):
                    with archive.open(name) as raw:
                        rows += sum(
                            1
                            for _ in csv.reader(
                                io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
                            )
                        )
    return rows


def read_all_text(folder: Path, only: Container[str] | None = None) -> int:
    """Read every text file (or those named in `only`) of `folder` with `csv`."""
    rows = 0
    for path in sorted(folder.glob("*.txt")):
        if only is None or path.name in only:
            with path.open(encoding="utf-8-sig", newline="") as f:
                rows += sum(1 for _ in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows


def files_opened(load: Callable[[], Catalog]) -> set[str]:
    """The names of the files an import opens (its members, for zips)."""
    opened: set[str] = set()
    original = Source._open  # noqa: SLF001 (watching, not changing, what it opens)

    def watched(self: Source, name: str) -> Any:
        opened.add(Path(self._members[name.lower()][1]).name)
        return original(self, name)

    Source._open = watched  # type: ignore[method-assign]  # noqa: SLF001
    try:
        quiet(load)
    finally:
        Source._open = original  # type: ignore[method-assign]  # noqa: SLF001
    return opened


def quiet(load: Callable[[], Catalog]) -> Catalog:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return load()


def peak_memory(load: Callable[[], Catalog]) -> float:
    tracemalloc.start()
    quiet(load)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def similarity_baselines(catalog: Catalog) -> None:
    weights = weights_matrix(catalog)
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1))).ravel()
    unit = sp.csr_array(sp.diags_array(1.0 / np.where(norms > 0, norms, 1.0)) @ weights)
    similarity_matrix(catalog)  # build the cached vectors once, as the library does
    ours = timed(lambda: similarity_matrix(catalog))
    bare = timed(lambda: (unit @ unit.T).toarray())  # noqa: PLW0108 (timed anew each call)
    line(f"similarity_matrix (cosine, {len(catalog.roles)} roles)", ours, "bare", bare, "1.2x")
    role = catalog.roles[len(catalog.roles) // 2].id

    def bare_top() -> list[int]:
        scores = (unit[[len(catalog.roles) // 2]] @ unit.T).toarray()[0]
        return list(np.argpartition(-scores, 11)[:11])

    ours = timed(lambda: most_similar(catalog, role, k=10), 20)
    bare = timed(bare_top, 20)
    line("most_similar (top 10)", ours, "bare", bare, "5 ms")


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[2] / "shared" / "data")
    releases: list[tuple[str, Path, Callable[[Path], Catalog], Callable[[Path], int]]] = [
        ("ESCO v1.1.1", data / "esco-v1.1.1", esco.load, read_all_zips),
        ("O*NET 29.2/29.3", data / "onet", onet.load, read_all_text),
    ]
    for name, folder, load, baseline in releases:
        report(name, functools.partial(load, folder), functools.partial(baseline, folder))


def report(name: str, load: Callable[[], Catalog], baseline: Callable[..., int]) -> None:
    """Print the lines of one release."""
    opened = files_opened(load)
    times: dict[str, list[float]] = {"import": [], "all": [], "opened": []}
    for _ in range(5):  # alternate, so that a slow spell of the machine hits all alike
        times["import"].append(timed(lambda: quiet(load), 1))
        times["all"].append(timed(baseline, 1))
        times["opened"].append(timed(lambda: baseline(only=opened), 1))
    ours, bare, bare_opened = (statistics.median(t) for t in times.values())
    catalog = quiet(load)
    items = f"{len(catalog.skills)} skills, {len(catalog.tools)} tools"
    print(f"{name}: {len(catalog.roles)} roles, {items}")
    line("import", ours, "csv, every file", bare, "2x")
    line(f"import ({len(opened)} files opened)", ours, "csv, same files", bare_opened, "-")
    print(f"  {'peak memory of the import':<44} {peak_memory(load):8.1f} MiB")
    similarity_baselines(catalog)


def line(what: str, ours: float, label: str, bare: float, target: str) -> None:
    timing = f"{ours * 1000:8.1f} ms  {label} {bare * 1000:8.1f} ms"
    print(f"  {what:<44} {timing}  {ours / bare:5.2f}x  (target {target})")


if __name__ == "__main__":
    main()
