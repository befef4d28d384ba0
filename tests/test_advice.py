"""The golden advice of tests/golden/advice.toml, written down before the code, holds."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

import ai_roles
from ai_roles.advice import next_skills
from ai_roles.careers import career_path
from ai_roles.model import Level
from ai_roles.paths import learning_path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

GOLDEN = tomllib.loads((Path(__file__).parent / "golden" / "advice.toml").read_text("utf-8"))
CATALOG = ai_roles.load_catalog()


def _ids(cases: list[dict[str, object]]) -> list[str]:
    return [str(case["why"])[:60] for case in cases]


def _source(case: dict[str, object]) -> object:
    return case["profile"] if "profile" in case else case["source"]


@pytest.mark.parametrize("case", GOLDEN["learning"], ids=_ids(GOLDEN["learning"]))
def test_learning(case):
    """A learning path learns what a practitioner expects, and not what they would not."""
    path = learning_path(CATALOG, _source(case), case["target"])
    steps = {s.item: s for s in path.steps}
    learned_or_held = set(steps) | set(path.carried)
    for item in case.get("learns", []):
        assert item in learned_or_held
    for item in case.get("never", []):
        assert item not in steps
    chosen = {c.option for c in path.chosen}
    for item in case.get("chooses", []):
        assert item in chosen
    for item in case.get("not_from_none", []):
        assert item not in steps or steps[item].from_level > Level.NONE
    order = [s.item for s in path.steps]
    for first, then in case.get("before", []):
        assert first in order
        assert then in order
        assert order.index(first) < order.index(then)


@pytest.mark.parametrize("case", GOLDEN["transfer"], ids=_ids(GOLDEN["transfer"]))
def test_transfer(case):
    """Knowing a related item makes another cheaper than learning it from nothing."""
    item = case["learn"]
    plain = CATALOG.hours(item, Level.NONE, Level.PRACTITIONER)
    role = ai_roles.Role(
        id="learner-target",
        name="Target",
        requirements=[ai_roles.Requirement(options=[item], level=3)],
    )
    cat = ai_roles.Catalog(
        roles=[*CATALOG.roles, role],
        skills=CATALOG.skills,
        tools=CATALOG.tools,
        effort=CATALOG.effort,
    )
    path = learning_path(cat, case["have"], "learner-target")
    (step,) = [s for s in path.steps if s.item == item]
    assert step.hours < plain
    assert step.transfer_from in case["have"]


@pytest.mark.parametrize("case", GOLDEN["reason"], ids=_ids(GOLDEN["reason"]))
def test_reason(case):
    """A step's reason names what really needs it at the level it is raised to."""
    path = learning_path(CATALOG, case["source"], case["target"])
    for step in path.steps:
        if step.item == case["item"]:
            assert step.reason.of not in case["not_because_of"]
            if step.reason.kind == "prerequisite":
                needs = {p.item: p.level for p in CATALOG.item(step.reason.of).prerequisites}
                assert needs[step.item] == step.to_level


@pytest.mark.parametrize("case", GOLDEN["career"], ids=_ids(GOLDEN["career"]))
def test_career(case):
    """A career path goes through the stepping stones a practitioner expects."""
    limit = case.get("max_step_hours", math.inf)
    career = career_path(CATALOG, case["source"], case["target"], max_step_hours=limit)
    assert case["source"] == career.roles[0]
    assert case["target"] == career.roles[-1]
    for role in case.get("through", []):
        assert role in career.roles
    for role in case.get("never", []):
        assert role not in career.roles
    if "below_hours" in case:
        assert career.total_hours < case["below_hours"]
    assert all(leg.total_hours <= limit for leg in career.legs)


@pytest.mark.parametrize("case", GOLDEN["next"], ids=_ids(GOLDEN["next"]))
def test_next(case):
    """What to learn next fits the person: near roles first, no far specialities."""
    advice = next_skills(CATALOG, case["profile"], k=5)
    items = [s.item for s in advice]
    assert items
    if "first_in" in case:
        assert items[0] in case["first_in"]
    for item in case.get("never", []):
        assert item not in items
    if "differs_from" in case:
        other = [s.item for s in next_skills(CATALOG, case["differs_from"], k=5)]
        assert other != items
