"""Compare roles: how alike two roles are, why, and each role's nearest neighbours.

Run it with ``python examples/compare_roles.py``.
"""

from __future__ import annotations

import ai_roles
from ai_roles.similarity import explain, most_similar, similarity_matrix


def main(a: str = "Data Scientist", b: str = "Machine Learning Engineer") -> None:
    """Print four similarity measures for `a` and `b`, the items behind cosine, and neighbours."""
    catalog = ai_roles.load_catalog()
    for method in ("cosine", "jaccard", "coverage", "tools"):
        e = explain(catalog, a, b, method=method)
        print(f"{method:>8}: {e.score:.3f}")

    # What makes them alike: the items that contribute most to the cosine score.
    e = explain(catalog, a, b)
    top = sorted(e.contributions.items(), key=lambda kv: -kv[1])[:5]
    print(
        "\nshared, by contribution:", ", ".join(f"{catalog.item(i).name} {c:.2f}" for i, c in top)
    )
    print("only in", catalog.role(a).name + ":", ", ".join(catalog.item(i).name for i in e.only_a))

    # Every role's nearest neighbour.
    print()
    for role in catalog.roles:
        (best,) = most_similar(catalog, role.id, k=1)
        print(f"{role.name:<28} nearest: {catalog.role(best.role).name} ({best.score:.2f})")

    # Or every pair at once, as a matrix (rows and columns in catalog order).
    matrix = similarity_matrix(catalog)
    print(f"\n{matrix.values.shape[0]} x {matrix.values.shape[1]} similarity matrix")


if __name__ == "__main__":
    main()
