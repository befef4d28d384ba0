"""Benchmarks of the path layer on the real catalogs: learning paths, career paths, next skills.

Run with ``python benchmarks/advice.py [--data DIR] [--repeat N]``. On the
ESCO v1.1.1 import (and on O*NET as a second catalog) it prints, for each
operation, the median time of ours next to a bare baseline measured in the
same run, their ratio, and the target:

- ``learning_path`` for 20 random role pairs, against the bare closure of
  the target's first options (as in ``run.py``); target 10 ms per path;
- ``career_path`` over 10 random role pairs, each with ``max_step_hours``
  at 60 % of the direct learning path's hours (a `NoPathError` is an answer
  and is timed too) and with no limit; the first, cold call is reported
  apart (it builds the cached move arrays); target 2 s;
- ``next_skills`` for 6 profiles (three random roles' profiles and a random
  half of each), against the bare closure of every role's first options
  from the profile (one plan per role, closure cost only); target 2 s;
- a quality line: ``max_moves=3`` against ``max_moves=2`` on the 10 pairs
  (a 3-move search should never be worse, since every 2-move path is a
  3-move path; at this scale the search is a heuristic).

Without the data directory it falls back to the synthetic ESCO-like catalog
of ``synthetic.py``, and says so; its career paths take tens of seconds
each, so it measures 2 career pairs and one role's profiles only. Each
call is repeated ``--repeat`` times (fewer once it has taken 2 s: a slow
call is not dominated by noise) after one garbage collection, and its
median taken; pairs and profiles are drawn with a fixed seed.
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import esco_like

from ai_roles import Catalog, Level, NoPathError, Profile
from ai_roles.advice import next_skills
from ai_roles.careers import career_path
from ai_roles.importers import DataWarning, esco, onet
from ai_roles.paths import learning_path

SECONDS = 2.0  # stop repeating a call once its runs have taken this long
LIMIT_SHARE = 0.6  # max_step_hours as a share of the direct learning path's hours
EPSILON = 1e-6


def timed(function: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median seconds of up to `repeat` calls, and the last call's result."""
    times: list[float] = []
    result = None
    gc.collect()  # once: a full collection over a large catalog takes ~70 ms
    while len(times) < repeat and sum(times) < SECONDS:
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def row(name: str, ours: float, bare: float | None, target: str, limit: float | None) -> None:
    """Print one line: ours, bare, their ratio, the target (and whether it is missed)."""
    ratio = f"{ours / bare:7.2f}x" if bare else " " * 8
    bare_text = f"{bare * 1000:10.2f} ms" if bare is not None else " " * 13
    missed = "  MISSED" if limit is not None and ours > limit else ""
    print(f"{name:<46} {ours * 1000:10.2f} ms {bare_text} {ratio}   {target}{missed}")


def note(text: str) -> None:
    print(f"  {text}")


def quiet(load: Callable[[], Catalog]) -> Catalog:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return load()


def first_options(catalog: Catalog, role_id: str) -> list[tuple[str, Level]]:
    """The first option of each requirement a move must meet (all, if none is essential)."""
    requirements = catalog.role(role_id).requirements
    essential = [q for q in requirements if q.essential] or list(requirements)
    return [(q.options[0], q.level) for q in essential]


def bare_closure(
    starts: list[tuple[str, Level]],
    held: dict[str, Level],
    hours: dict[str, float],
    needs: dict[str, list[tuple[str, Level]]],
) -> float:
    """Hours to raise `held` to `starts` and their prerequisites, levels counted linearly."""
    levels = dict(held)
    stack = list(starts)
    total = 0.0
    while stack:
        item, level = stack.pop()
        have = levels.get(item, 0)
        if have < level:
            total += hours[item] * (level - have)
            levels[item] = level
            stack.extend(needs[item])
    return total


def report(
    name: str, catalog: Catalog, repeat: int, seed: int, *, careers: int = 10, people: int = 3
) -> None:
    """Print the lines of one catalog."""
    rng = random.Random(seed)
    roles = [r.id for r in catalog.roles]
    print(f"\n{name}: {len(roles)} roles, {len(catalog.skills)} skills, {len(catalog.tools)} tools")
    print(f"{'operation':<46} {'ours':>13} {'bare':>13} {'ratio':>8}   target")
    hours = {i.id: i.hours for i in catalog.items}
    needs = {i.id: [(p.item, p.level) for p in i.prerequisites] for i in catalog.items}
    starts = {r: first_options(catalog, r) for r in roles}

    # Learning paths: each pair's median, then the median and max over the pairs.
    pairs = [tuple(rng.sample(roles, 2)) for _ in range(20)]
    cold = time.perf_counter()
    learning_path(catalog, *pairs[0])
    cold = time.perf_counter() - cold
    ours = [timed(lambda a=a, b=b: learning_path(catalog, a, b), repeat)[0] for a, b in pairs]
    bare = [
        timed(lambda b=b: bare_closure(starts[b], {}, hours, needs), repeat)[0] for _, b in pairs
    ]
    row("learning_path, first call (builds the planner)", cold, None, "", None)
    row(f"learning_path (median of {len(pairs)} pairs)", *medians(ours, bare), "<= 10 ms", 0.010)
    row(f"learning_path (max of {len(pairs)} pairs)", max(ours), max(bare), "<= 10 ms", 0.010)

    # Career paths: the cold call, then each pair with a limit and without one.
    pairs = [tuple(rng.sample(roles, 2)) for _ in range(careers)]
    direct = [learning_path(catalog, a, b).total_hours for a, b in pairs]
    limits = [math.ceil(LIMIT_SHARE * d) for d in direct]

    def career(a: str, b: str, limit: float, moves: int = 3) -> Any:
        try:
            return career_path(catalog, a, b, max_step_hours=limit, max_moves=moves)
        except NoPathError as e:
            return e

    cold = time.perf_counter()
    career(*pairs[0], limits[0])
    cold = time.perf_counter() - cold
    row("career_path, first call (builds move arrays)", cold, None, "<= 2 s", 2.0)
    found: dict[str, list[Any]] = {}
    for label, budgets in (("60 % limit", limits), ("no limit", [math.inf] * len(pairs))):
        runs = [
            timed(lambda a=a, b=b, h=h: career(a, b, h), repeat)
            for (a, b), h in zip(pairs, budgets, strict=True)
        ]
        found[label] = [result for _, result in runs]
        times = [t for t, _ in runs]
        row(
            f"career_path, {label} (median of {len(pairs)})",
            statistics.median(times),
            None,
            "<= 2 s",
            2.0,
        )
        row(f"career_path, {label} (max of {len(pairs)})", max(times), None, "<= 2 s", 2.0)
    for label, results in found.items():
        stones = sum(1 for r in results if not isinstance(r, NoPathError) and len(r.legs) > 1)
        missing = sum(1 for r in results if isinstance(r, NoPathError))
        direct_only = len(results) - stones - missing
        note(
            f"{label}: {stones} of {len(results)} through stepping stones, {direct_only} direct,"
            f" {missing} no path (NoPathError, which names the hours a path needs)"
        )
    above = sum(
        1
        for r, d in zip(found["no limit"], direct, strict=True)
        if isinstance(r, NoPathError) or r.total_hours > d + EPSILON
    )
    note(f"no limit: {above} of {len(pairs)} above the direct move's hours (should be 0)")

    # Quality: max_moves=2 against the max_moves=3 answers above.
    worse: list[str] = []
    shorter = compared = 0
    for label, budgets in (("60 % limit", limits), ("no limit", [math.inf] * len(pairs))):
        for (a, b), h, three in zip(pairs, budgets, found[label], strict=True):
            two = career(a, b, h, moves=2)
            if isinstance(two, NoPathError):
                continue
            compared += 1
            if isinstance(three, NoPathError) or three.total_hours > two.total_hours + EPSILON:
                got = "no path" if isinstance(three, NoPathError) else f"{three.total_hours:g} h"
                worse.append(
                    f"{a} -> {b}, {label}: 3 moves {got}, 2 moves {two.total_hours:g} h"
                    f" ({len(two.legs)} moves)"
                )
            elif len(three.legs) <= 2 and three.total_hours < two.total_hours - EPSILON:
                shorter += 1  # the 2-move search missed a 2-move path the 3-move one found
    note(
        f"quality: max_moves=3 worse than max_moves=2 in {len(worse)} of {compared} answers"
        f" where 2 moves find a path (both limits, {len(pairs)} pairs);"
        f" the 2-move search missed a cheaper 2-move path in {shorter}"
    )
    for line in worse:
        note(f"  {line}")

    # Next skills: `people` roles' profiles and a random half of each.
    profiles = []
    for role in rng.sample(roles, people):
        levels = dict(catalog.profile_of(role).levels)
        half = {i: levels[i] for i in rng.sample(sorted(levels), len(levels) // 2)}
        profiles += [Profile(levels=levels), Profile(levels=half)]
    ours, bare = [], []
    for profile in profiles:
        held = dict(catalog.closure(profile).levels)
        ours.append(timed(lambda p=profile: next_skills(catalog, p), repeat)[0])

        def plans(held: dict[str, Level] = held) -> list[float]:
            return [bare_closure(starts[r], held, hours, needs) for r in roles]

        bare.append(timed(plans, repeat)[0])
    row(f"next_skills (median of {len(profiles)} profiles)", *medians(ours, bare), "<= 2 s", 2.0)
    row(f"next_skills (max of {len(profiles)} profiles)", max(ours), max(bare), "<= 2 s", 2.0)
    share = statistics.median(b / o for o, b in zip(ours, bare, strict=True))
    note(
        f"the bare per-role closures ({len(roles)} per profile) take {share:.0%} of"
        " next_skills' time (median over the profiles)"
    )
    full, half = statistics.median(ours[0::2]), statistics.median(ours[1::2])
    note(f"median of the roles' profiles {full:.2f} s, of the halves {half:.2f} s")


def medians(ours: list[float], bare: list[float]) -> tuple[float, float]:
    return statistics.median(ours), statistics.median(bare)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).parents[2] / "shared" / "data")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--career-pairs", type=int, help="role pairs for career paths (10; 2 on the synthetic)"
    )
    args = parser.parse_args()
    releases: list[tuple[str, Path, Callable[[Path], Catalog]]] = [
        ("ESCO v1.1.1", args.data / "esco-v1.1.1", esco.load),
        ("O*NET 29.2/29.3", args.data / "onet", onet.load),
    ]
    found = [(name, folder, load) for name, folder, load in releases if folder.is_dir()]
    if not found:
        print(
            f"no release under {args.data}: measuring the synthetic ESCO-like catalog instead"
            " (synthetic.esco_like, 3,000 roles, 14,000 skills, 110,000 links)"
        )
        start = time.perf_counter()
        catalog = esco_like(3000, 14_000, 110_000)
        seconds = time.perf_counter() - start
        print(
            "  its career paths take tens of seconds each: 2 career pairs (--career-pairs)"
            " and one role's profiles only, to keep the run short"
        )
        name = f"synthetic ESCO-like (made in {seconds:.1f} s)"
        report(name, catalog, args.repeat, args.seed, careers=args.career_pairs or 2, people=1)
        return
    for release, folder, load in found:
        start = time.perf_counter()
        catalog = quiet(lambda load=load, folder=folder: load(folder))
        seconds = time.perf_counter() - start
        name = f"{release} (imported in {seconds:.1f} s)"
        report(name, catalog, args.repeat, args.seed, careers=args.career_pairs or 10)


if __name__ == "__main__":
    main()
