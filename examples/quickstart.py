"""Quickstart: load the built-in catalog and show a role with what it requires.

Run it with ``python examples/quickstart.py [ROLE]`` (default: MLOps Engineer).
"""

from __future__ import annotations

import sys

import ai_roles


def main(role_name: str = "MLOps Engineer") -> None:
    """Print `role_name`'s summary and requirements, alternatives joined by " / "."""
    catalog = ai_roles.load_catalog()
    role = catalog.role(role_name)  # an id, a name or an alias, in any case
    print(f"{role.name}: {role.summary}\n")
    rows = [
        (
            " / ".join(catalog.item(option).name for option in requirement.options),
            requirement.level.name.lower(),
            f"{requirement.importance:.2f}",
            "yes" if requirement.essential else "no",
        )
        for requirement in role.requirements
    ]
    width = max(len(row[0]) for row in [("requirement",), *rows])
    print(f"{'requirement':<{width}}  {'level':<12}  importance  essential")
    for names, level, importance, essential in rows:
        print(f"{names:<{width}}  {level:<12}  {importance:>10}  {essential}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
