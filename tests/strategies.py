"""Hypothesis strategies: random catalogs, valid by construction."""

from __future__ import annotations

from hypothesis import strategies as st

from ai_roles import (
    Catalog,
    EffortModel,
    Level,
    Prerequisite,
    Profile,
    Related,
    Requirement,
    Role,
    Seniority,
    Skill,
    Tool,
)

# Any text a person might type, surrogates excepted (they are not Unicode text).
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
names = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12).filter(
    str.strip
)
ids = st.from_regex(r"[a-z][a-z0-9._-]{0,6}", fullmatch=True)
levels = st.sampled_from(Level)
held_levels = st.sampled_from([lv for lv in Level if lv > Level.NONE])
hours = st.floats(min_value=0, max_value=500, allow_nan=False, allow_infinity=False)
importances = st.floats(min_value=0, max_value=1, exclude_min=True)
transfers = st.floats(min_value=0, max_value=1, exclude_min=True, exclude_max=True)
texts = st.lists(text, max_size=2).map(tuple)
external_ids = st.dictionaries(st.sampled_from(["esco", "onet", "wikidata"]), text, max_size=2)


CATEGORIES = ("", "maths", "tools")
"""Item categories, few so that an effort model's expert shares apply to drawn items."""
categories = st.sampled_from(CATEGORIES) | text


@st.composite
def effort_models(draw: st.DrawFn) -> EffortModel:
    """Strictly increasing fractions with 1.0 at practitioner; expert shares by category."""
    awareness = draw(st.floats(0.01, 0.45))
    working = draw(st.floats(awareness + 0.01, 0.95))
    expert = draw(st.floats(1.05, 5.0))
    by_category = draw(st.dictionaries(st.sampled_from(CATEGORIES[1:]), st.floats(1.05, 20.0)))
    return EffortModel(fractions=(awareness, working, 1.0, expert), expert=by_category)


@st.composite
def catalogs(
    draw: st.DrawFn, *, max_items: int = 8, max_roles: int = 4, min_roles: int = 0
) -> Catalog:
    """A catalog whose prerequisites form a DAG and whose references all resolve.

    Items are drawn in order; each may need only items drawn before it, which
    keeps the prerequisite graph acyclic. A tool exercises only skills that do
    not need it.
    """
    n_items = draw(st.integers(0, max_items))
    n_roles = draw(st.integers(min_roles, max_roles))
    n_former = draw(st.integers(0, 2)) if n_items else 0
    size = n_items + n_roles + n_former
    all_ids = draw(st.lists(ids, min_size=size, max_size=size, unique=True))
    item_ids, role_ids = all_ids[:n_items], all_ids[n_items : n_items + n_roles]
    replaces: dict[str, list[str]] = {}  # former ids, each replaced by one item
    for former in all_ids[n_items + n_roles :]:
        replaces.setdefault(draw(st.sampled_from(item_ids)), []).append(former)
    is_tool = [draw(st.booleans()) for _ in item_ids]
    prerequisites: dict[str, tuple[Prerequisite, ...]] = {}
    for i, item in enumerate(item_ids):
        earlier = item_ids[:i]
        chosen = (
            draw(st.lists(st.sampled_from(earlier), unique=True, max_size=3)) if earlier else []
        )
        prerequisites[item] = tuple(Prerequisite(item=p, level=draw(held_levels)) for p in chosen)
    skills, tools = [], []
    skill_ids = [item for item, tool in zip(item_ids, is_tool, strict=True) if not tool]
    for item, tool in zip(item_ids, is_tool, strict=True):
        others = [i for i in item_ids if i != item]
        related = draw(st.lists(st.sampled_from(others), unique=True, max_size=2)) if others else []
        common = {
            "id": item,
            "name": draw(names),
            "category": draw(categories),
            "description": draw(text),
            "prerequisites": prerequisites[item],
            "hours": draw(hours),
            "aliases": draw(texts),
            "external_ids": draw(external_ids),
            "related": [
                Related(item=r, transfer=draw(transfers), reason=draw(text)) for r in related
            ],
            "replaces": replaces.get(item, []),
        }
        if tool:
            allowed = [s for s in skill_ids if item not in {p.item for p in prerequisites[s]}]
            exercised = (
                draw(st.lists(st.sampled_from(allowed), unique=True, max_size=2)) if allowed else []
            )
            tools.append(
                Tool(
                    kind=draw(st.sampled_from(["language", "framework", "platform"])),
                    skills=exercised,
                    **common,
                )
            )
        else:
            skills.append(Skill(**common))
    roles = []
    for role_id in role_ids:
        others = [r for r in role_ids if r != role_id]
        experience = (
            draw(st.lists(st.sampled_from(others), unique=True, max_size=2)) if others else []
        )
        pool = draw(st.permutations(item_ids))
        requirements = []
        start = 0
        for _ in range(draw(st.integers(0, 4))):
            size = draw(st.integers(1, 3))
            options = pool[start : start + size]
            if not options:
                break
            start += size
            requirements.append(
                Requirement(
                    options=options,
                    level=draw(held_levels),
                    essential=draw(st.booleans()),
                    importance=draw(importances),
                )
            )
        roles.append(
            Role(
                id=role_id,
                name=draw(names),
                summary=draw(text),
                why=draw(text),
                responsibilities=draw(texts),
                requirements=requirements,
                family=draw(text),
                aliases=draw(texts),
                external_ids=draw(external_ids),
                sources=draw(texts),
                seniority=draw(st.sampled_from(Seniority)),
                experience=experience,
            )
        )
    return Catalog(
        name=draw(text),
        version=draw(text),
        roles=roles,
        skills=skills,
        tools=tools,
        effort=draw(effort_models()),
    )


@st.composite
def profiles(draw: st.DrawFn, catalog: Catalog) -> Profile:
    """A profile over some of the catalog's items."""
    item_ids = [item.id for item in catalog.items]
    if not item_ids:
        return Profile()
    held = draw(st.dictionaries(st.sampled_from(item_ids), levels, max_size=len(item_ids)))
    return Profile(levels=held)
