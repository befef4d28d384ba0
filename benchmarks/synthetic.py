"""ESCO-shaped synthetic catalogs for benchmarks.

`esco_like()` makes a catalog the size of ESCO v1.1.1 (3,000 occupations,
14,000 skills, about 110,000 occupation-skill links) with the shape that
matters for speed: skill popularity follows a Zipf-like law (a few skills
such as "communication" are required by hundreds of roles, most by a
handful), skills form a prerequisite DAG, about 5 % of requirements offer
alternatives, and roughly a third are optional.
"""

from __future__ import annotations

import random

import numpy as np

from ai_roles import Catalog, Prerequisite, Requirement, Role, Skill, Tool


def esco_like(
    n_roles: int = 3000,
    n_skills: int = 14_000,
    n_requirements: int = 110_000,
    *,
    n_tools: int = 1000,
    seed: int = 0,
) -> Catalog:
    """Return a random, valid catalog of the given size (deterministic for a seed)."""
    rng = random.Random(seed)
    generator = np.random.default_rng(seed)
    n_items = n_skills + n_tools
    ids = [f"s{i}" for i in range(n_skills)] + [f"t{i}" for i in range(n_tools)]
    # Zipf-like popularity over a random order of the items.
    ranks = generator.permutation(n_items)
    weights = 1.0 / (ranks + 1.0) ** 0.9
    weights /= weights.sum()

    items: list[Skill | Tool] = []
    for i, item_id in enumerate(ids):
        # Prerequisites: up to 3 among earlier items (a DAG by construction).
        count = rng.choice((0, 0, 0, 1, 1, 2, 3)) if i > 10 else 0
        needs = tuple(
            Prerequisite(item=ids[j], level=rng.choice((1, 2, 2, 3)))
            for j in sorted({rng.randrange(i) for _ in range(count)})
        )
        fields = {
            "id": item_id,
            "name": f"Item {i}",
            "category": f"group-{i % 40}",
            "hours": float(rng.choice((10, 20, 30, 40, 60, 80, 120))),
            "prerequisites": needs,
        }
        if item_id.startswith("t"):
            items.append(Tool(kind="tool", **fields))
        else:
            items.append(Skill(**fields))

    per_role = generator.multinomial(n_requirements - n_roles * 5, [1 / n_roles] * n_roles) + 5
    roles = []
    for r in range(n_roles):
        chosen = generator.choice(n_items, size=int(per_role[r]), replace=False, p=weights)
        order = list(dict.fromkeys(int(c) for c in chosen))
        requirements = []
        used: set[int] = set()
        for position, c in enumerate(order):
            if c in used:
                continue
            options = [c]
            if rng.random() < 0.05:  # an alternatives group of 2-3 options
                extra = [e for e in order[position + 1 : position + 3] if e not in used]
                options += extra
            used.update(options)
            requirements.append(
                Requirement(
                    options=tuple(ids[o] for o in options),
                    level=rng.choice((1, 2, 2, 3, 3, 4)),
                    essential=rng.random() < 0.65,
                    importance=round(rng.uniform(0.2, 1.0), 3),
                )
            )
        roles.append(Role(id=f"r{r}", name=f"Role {r}", requirements=requirements))
    return Catalog(
        name="synthetic",
        roles=roles,
        skills=[i for i in items if isinstance(i, Skill)],
        tools=[i for i in items if isinstance(i, Tool)],
    )
