"""Quickstart: a role of the built-in catalog, and the learning path into it.

Run it with ``python examples/quickstart.py [SOURCE] [TARGET]`` (default: from
Data Scientist to MLOps Engineer).
"""

from __future__ import annotations

import sys

import ai_roles
from ai_roles.paths import learning_path


def main(source: str = "Data Scientist", target: str = "MLOps Engineer") -> None:
    """Print what `target` requires, then the least-hours path from `source` into it."""
    catalog = ai_roles.load_catalog()
    role = catalog.role(target)  # an id, a name or an alias, in any case
    print(f"{role.name}: {role.summary}\n")
    for requirement in role.requirements:
        names = " / ".join(catalog.item(option).name for option in requirement.options)
        kind = "essential" if requirement.essential else "optional"
        print(f"  {names} ({requirement.level.name.lower()}, {kind})")

    path = learning_path(catalog, source, target)
    print(f"\nFrom {catalog.role(source).name}: {path.total_hours:.0f} hours")
    for number, step in enumerate(path.steps, 1):
        item = catalog.item(step.item)
        print(f"  {number:>2}. {item.name} to {step.to_level.name.lower()} ({step.hours:.0f} h)")


if __name__ == "__main__":
    main(*sys.argv[1:3])
