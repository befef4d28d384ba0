"""Career paths: stepping-stone roles when a move is too far to make in one go.

The learner keeps what they learn, and working in a role teaches its profile
on the job: a stepping stone can make the whole way shorter than the direct move.

Run it with ``python examples/career_paths.py``.
"""

from __future__ import annotations

import math

import ai_roles
from ai_roles.careers import career_path, career_paths
from ai_roles.paths import learning_path


def main(source: str = "AI Product Manager", target: str = "AI Research Scientist") -> None:
    """Print the direct move, then the best paths when no move may exceed a budget."""
    catalog = ai_roles.load_catalog()
    direct = learning_path(catalog, source, target)
    print(f"Directly: {direct.total_hours:.0f} hours in {len(direct.steps)} steps")

    # Ask for moves of at most 60 % of the direct one; the error says what budget would do.
    budget = 0.6 * direct.total_hours
    try:
        best = career_path(catalog, source, target, max_step_hours=budget)
    except ai_roles.NoPathError as error:
        print(f"Not in moves of {budget:.0f} h: {error.reason}")
        budget = math.ceil(error.needed or direct.total_hours)
        best = career_path(catalog, source, target, max_step_hours=budget)
    print(f"\nBest path with moves of at most {budget:.0f} h ({best.total_hours:.0f} h in all):")
    for leg in best.legs:
        print(f"  into {catalog.role(leg.target).name}: {leg.total_hours:.0f} h")

    for leg in best.legs[1:]:  # what earlier roles and learning carried into each later move
        carried = ", ".join(catalog.item(i).name for i in leg.carried)
        print(f"  {catalog.role(leg.target).name} already met: {carried}")

    print("\nThe three best paths with no limit on a move (at most three moves):")
    for path in career_paths(catalog, source, target, max_step_hours=math.inf, k=3):
        names = " -> ".join(catalog.role(r).name for r in path.roles)
        print(f"  {path.total_hours:>6.0f} h  {names}")


if __name__ == "__main__":
    main()
