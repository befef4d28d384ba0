"""The metrics of benchmarks/similarity_eval.py on hand-made scores, and its pairs file."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"


def _load():
    spec = importlib.util.spec_from_file_location(
        "similarity_eval", BENCHMARKS / "similarity_eval.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


ev = _load()

# Row i ranks the others for role i. Groups: {0, 2} and {1, 3}.
#   row 0: 1 (.9), 2 (.5), 3 (.1)  -> its relevant role 2 is 2nd
#   row 1: 0 (.9), 3 (.8), 2 (.2)  -> 3 is 2nd
#   row 2: 0 (.5), 3 (.3), 1 (.2)  -> 0 is 1st
#   row 3: 1 (.8), 2 (.3), 0 (.1)  -> 1 is 1st
SCORES = np.array(
    [
        [1.0, 0.9, 0.5, 0.1],
        [0.9, 1.0, 0.2, 0.8],
        [0.5, 0.2, 1.0, 0.3],
        [0.1, 0.8, 0.3, 1.0],
    ]
)
RELEVANT = ev.group_relevance(["A", "B", "A", "B"])


def test_relevance_excludes_oneself():
    assert RELEVANT.tolist() == [
        [False, False, True, False],
        [False, False, False, True],
        [True, False, False, False],
        [False, True, False, False],
    ]


def test_precision_at_k():
    # top 1: rows 2 and 3 hit, rows 0 and 1 miss; top 2: one hit of two in each row
    assert ev.precision_at_k(SCORES, RELEVANT, 1) == pytest.approx(0.5)
    assert ev.precision_at_k(SCORES, RELEVANT, 2) == pytest.approx(0.5)
    # top 3 is everyone: one relevant of 3
    assert ev.precision_at_k(SCORES, RELEVANT, 3) == pytest.approx(1 / 3)
    assert ev.precision_ceiling(RELEVANT, 2) == pytest.approx(0.5)


def test_mean_reciprocal_rank():
    assert ev.mean_reciprocal_rank(SCORES, RELEVANT) == pytest.approx((1 / 2 + 1 / 2 + 1 + 1) / 4)


def test_roles_without_relevant_are_left_out():
    relevant = ev.group_relevance(["A", "B", "A", ""])  # 1 and 3 have no relevant other
    assert ev.mean_reciprocal_rank(SCORES, relevant) == pytest.approx((1 / 2 + 1) / 2)
    assert ev.precision_at_k(SCORES, relevant, 1) == pytest.approx(0.5)


def test_pairs_ranked_both_ways():
    # 2 is 2nd for 0; 0 is 1st for 2
    metrics = ev.pair_metrics(SCORES, [(0, 2)])
    assert metrics["mrr"] == pytest.approx((1 / 2 + 1) / 2)
    assert metrics["hit5"] == metrics["hit10"] == 1.0
    target = np.array([False, False, True, False])
    assert ev.hit_at_k(SCORES[0], 0, target, 1) == 0.0
    assert ev.hit_at_k(SCORES[0], 0, target, 2) == 1.0
    assert ev.expected_rank(SCORES[0], 0, target) == pytest.approx(2.0)


def test_ties_count_by_expectation():
    row = np.array([1.0, 0.5, 0.5, 0.5])  # three neighbours tied
    one = np.array([False, False, False, True])
    assert ev.reciprocal_rank(row, 0, one) == pytest.approx((1 + 1 / 2 + 1 / 3) / 3)
    assert ev.hit_at_k(row, 0, one, 1) == pytest.approx(1 / 3)
    assert ev.expected_rank(row, 0, one) == pytest.approx(2.0)
    two = np.array([False, False, True, True])  # first of two hits: 1st w.p. 2/3, else 2nd
    assert ev.reciprocal_rank(row, 0, two) == pytest.approx(2 / 3 + 1 / 3 / 2)
    scores = np.array([[1.0, 0.5, 0.5, 0.5], [0.5, 1, 0, 0], [0.5, 0, 1, 0], [0.5, 0, 0, 1]])
    relevant = np.zeros((4, 4), dtype=bool)
    relevant[0, 3] = True
    assert ev.precision_at_k(scores, relevant, 1) == pytest.approx(1 / 3)
    assert ev.precision_at_k(scores, relevant, 2) == pytest.approx(2 / 3 / 2)


def test_onet_relevance_falls_back_to_the_broad_group():
    codes = ["15-2051.00", "15-2051.01", "15-1252.00", "15-1253.00", "29-1141.00"]
    relevant, how = ev.onet_relevance(codes)
    assert relevant[0].tolist() == [False, True, False, False, False]  # same detailed 15-2051
    assert relevant[2].tolist() == [False, False, False, True, False]  # same broad 15-125
    assert not relevant[4].any()
    assert how == {"detailed": 2, "broad": 2, "none": 1}


def test_pairs_file():
    pairs = ev.load_pairs()
    assert len(pairs) >= 60
    assert {p.taxonomy for p in pairs} == {"onet", "esco"}
    for taxonomy in ("onet", "esco"):
        splits = [p.split for p in pairs if p.taxonomy == taxonomy]
        assert set(splits) == {"tune", "report"}
        assert splits == ["tune", "report"] * (len(splits) // 2) + ["tune"] * (len(splits) % 2)
    keys = [(p.taxonomy, frozenset((p.a.casefold(), p.b.casefold()))) for p in pairs]
    assert len(set(keys)) == len(keys)
    assert all(p.a.casefold() != p.b.casefold() and p.reason.strip() for p in pairs)
