"""Choose the importers' similarity weights by measuring neighbour quality.

For pairs of occupations a practitioner agrees are alike (data scientist ~
data analyst, chef ~ cook, ...), each weight is scored by the mean reciprocal
rank of each partner in the other's cosine ranking (1.0 = always the nearest
neighbour). Run with ``python benchmarks/weights.py [../shared/data]``; it
prints a table per weight. The pairs were written down before any run.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import attrs
import numpy as np

from ai_roles import Catalog, Requirement
from ai_roles.importers import DataWarning, esco, onet
from ai_roles.similarity import _vectors

ESCO_PAIRS = [
    ("data scientist", "data analyst"),
    ("software developer", "ict application developer"),
    ("web developer", "software developer"),
    ("database administrator", "database designer"),
    ("accountant", "financial auditor"),
    ("chef", "cook"),
    ("nurse responsible for general care", "specialist nurse"),
    ("primary school teacher", "secondary school teacher"),
    ("electrician", "domestic electrician"),
    ("lawyer", "legal consultant"),
    ("physiotherapist", "physiotherapy assistant"),
    ("ict security manager", "ict security administrator"),
]
ONET_PAIRS = [
    ("Data Scientists", "Statisticians"),
    ("Software Developers", "Software Quality Assurance Analysts and Testers"),
    ("Web Developers", "Web and Digital Interface Designers"),
    ("Database Administrators", "Database Architects"),
    ("Registered Nurses", "Licensed Practical and Licensed Vocational Nurses"),
    ("Accountants and Auditors", "Financial Examiners"),
    ("Chefs and Head Cooks", "Cooks, Restaurant"),
    ("Computer Systems Analysts", "Information Security Analysts"),
    ("Operations Research Analysts", "Mathematicians"),
]


def mean_reciprocal_rank(catalog: Catalog, pairs: list[tuple[str, str]]) -> float:
    """Mean over both directions of 1 / (rank of the partner among the other roles)."""
    vectors = _vectors(catalog)
    index = {role: i for i, role in enumerate(vectors.ids)}
    ranks = []
    for a, b in pairs:
        ia, ib = index[catalog.role(a).id], index[catalog.role(b).id]
        for own, partner in ((ia, ib), (ib, ia)):
            scores = vectors.scores([own], "cosine")[0]
            scores[own] = -1.0
            ranks.append(1 + int(np.sum(scores > scores[partner])))
    return float(np.mean([1 / r for r in ranks]))


def reweighted(catalog: Catalog, importance: Callable[[Requirement], float]) -> Catalog:
    """The catalog with each requirement's importance given by `importance`."""
    roles = [
        attrs.evolve(
            role,
            requirements=[attrs.evolve(r, importance=importance(r)) for r in role.requirements],
        )
        for role in catalog.roles
    ]
    return attrs.evolve(catalog, roles=roles)


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[2] / "shared" / "data")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        escos = esco.load(data / "esco-v1.1.1")
        onets = onet.load(data / "onet")
    print("ESCO: importance of optional skills (essential = 1.0) -> mean reciprocal rank")
    for weight in (0.01, 0.1, 0.25, 0.5, 0.75, 1.0):
        catalog = reweighted(escos, lambda r, w=weight: r.importance if r.essential else w)
        print(f"  {weight:5.2f}  {mean_reciprocal_rank(catalog, ESCO_PAIRS):.3f}")
    print("O*NET: importance of technology skills (in-demand x1.5) -> mean reciprocal rank")
    for weight in (0.05, 0.1, 0.2, 0.3, 0.5, 0.66):

        def importance(r: Requirement, w: float = weight) -> float:
            if not r.options[0].startswith("onet-tech/"):
                return r.importance
            return min(1.0, 1.5 * w) if r.importance == onet.IN_DEMAND_IMPORTANCE else w

        score = mean_reciprocal_rank(reweighted(onets, importance), ONET_PAIRS)
        print(f"  {weight:5.2f}  {score:.3f}")


if __name__ == "__main__":
    main()
