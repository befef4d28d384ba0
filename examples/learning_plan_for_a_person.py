"""A learning plan for a person: from what they know to a target role, step by step.

Run it with ``python examples/learning_plan_for_a_person.py``. Edit ``ME`` to
describe yourself: item ids (or names) and levels from "awareness" to "expert".
"""

from __future__ import annotations

import math

import ai_roles
from ai_roles.advice import next_skills
from ai_roles.careers import career_path
from ai_roles.paths import learning_path

# A data analyst who knows Python and SQL well, some statistics, and Tableau.
ME = {
    "python": "practitioner",
    "sql": "practitioner",
    "statistics": "working",
    "tableau": "working",
}


def why(catalog: ai_roles.Catalog, step: ai_roles.results.Step) -> str:
    """Say a step's reason in words: the role that requires it, or the item it opens."""
    if step.reason.kind == "required":
        return f"required by {catalog.role(step.reason.of).name}"
    return f"needed for {catalog.item(step.reason.of).name}"


def main(target: str = "MLOps Engineer", budget: float = 400) -> None:
    """Print the plan to `target`, stepping stones within `budget` hours, and what to learn next."""
    catalog = ai_roles.load_catalog()
    path = learning_path(catalog, ME, target)
    print(f"To become {catalog.role(target).name}: {path.total_hours:.0f} hours\n")
    for number, step in enumerate(path.steps, 1):
        item = catalog.item(step.item)
        print(
            f"{number:>3}. {item.name:<30} {step.from_level.name.lower():>12} -> "
            f"{step.to_level.name.lower():<12} {step.hours:>6.0f} h  ({why(catalog, step)})"
        )
    for choice in path.chosen:  # the alternatives taken, e.g. MLflow rather than Kubeflow
        names = " / ".join(catalog.item(o).name for o in choice.options)
        print(f"     for {names}: {catalog.item(choice.option).name}")

    # No single move longer than `budget` hours: which roles make good stepping stones?
    try:
        career = career_path(catalog, ME, target, max_step_hours=budget)
        legs = ", ".join(f"{leg.target} ({leg.total_hours:.0f} h)" for leg in career.legs)
        print(f"\nIn moves of at most {budget:.0f} hours: {legs}")
    except ai_roles.NoPathError as error:
        print(f"\nNo way in moves of at most {budget:.0f} hours: {error.reason}")
        career = career_path(catalog, ME, target, max_step_hours=math.ceil(error.needed or 0))
        legs = ", ".join(f"{leg.target} ({leg.total_hours:.0f} h)" for leg in career.legs)
        print(f"With {math.ceil(error.needed or 0)} hours a move: {legs}")

    print("\nWhat to learn next, for all roles of the catalog:")
    for suggestion in next_skills(catalog, ME, k=3):
        closer = ", ".join(sorted(suggestion.saved))
        print(
            f"  {catalog.item(suggestion.item).name} to {suggestion.level.name.lower()}"
            f" ({suggestion.hours:.0f} h) brings closer: {closer}"
        )


if __name__ == "__main__":
    main()
