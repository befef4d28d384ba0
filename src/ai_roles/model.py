"""The typed model: levels, skills, tools, requirements, roles, profiles and catalogs.

Every class is a frozen, slotted, keyword-only attrs class: immutable,
hashable by value and picklable. Change one with `attrs.evolve`.

A validator checks one object as it is made (an id with whitespace, a level
out of range, a negative number of hours). Checks across objects (unknown or
duplicate ids, prerequisite cycles) belong to `Catalog`, which collects every
problem before it raises one `CatalogError`.
"""

from __future__ import annotations

import difflib
import enum
import itertools
import math
import operator
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
from attrs import field, frozen

from ai_roles._frozendict import FrozenDict
from ai_roles.exceptions import ArgumentError, CatalogError, UnknownItemError

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "DEFAULT_HOURS",
    "Catalog",
    "EffortModel",
    "Item",
    "Level",
    "Prerequisite",
    "Profile",
    "Related",
    "Requirement",
    "Role",
    "Seniority",
    "Skill",
    "Tool",
    "tool_credit",
]

T = TypeVar("T")

DEFAULT_HOURS = 40.0
"""Hours from `Level.NONE` to `Level.PRACTITIONER` when an item does not say: a short course."""


E = TypeVar("E", bound=enum.IntEnum)


def _member(cls: type[E], value: object, what: str) -> E:
    """Return the member of `cls` a number or a name (case-insensitive) stands for."""
    if isinstance(value, cls):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return cls(value)
        except ValueError:
            pass
    if isinstance(value, str) and value.strip().upper() in cls.__members__:
        return cls[value.strip().upper()]
    msg = f"{value!r} is not {what}"
    raise ValueError(msg)


class Level(enum.IntEnum):
    """How well someone holds a skill or tool, from nothing to expert.

    The levels are cumulative: each includes the ones below it.
    """

    NONE = 0
    """Has not learned it."""
    AWARENESS = 1
    """Knows what it is, what it is for and when to reach for it."""
    WORKING = 2
    """Uses it for everyday tasks, with references and some guidance."""
    PRACTITIONER = 3
    """Uses it independently, to production quality."""
    EXPERT = 4
    """Knows it in depth: designs with it, teaches it, extends it."""

    @classmethod
    def parse(cls, value: Level | int | str) -> Level:
        """Return the level a number (0-4) or a name (case-insensitive) stands for.

        Raises
        ------
        ValueError
            If `value` is neither; the message shows the value.

        Examples
        --------
        >>> Level.parse("Practitioner"), Level.parse(2)
        (<Level.PRACTITIONER: 3>, <Level.WORKING: 2>)
        """
        return _member(cls, value, "a level (0-4 or its name)")


class Seniority(enum.IntEnum):
    """How far into a career a role sits, and so who can be hired into it.

    A career path enters `ENTRY` and `MID` roles on skills alone, and
    `SENIOR` and `LEAD` roles only after work in a role of `MID` seniority or
    above. A role that lists `Role.experience` is entered only after work in
    one of those roles, whatever its seniority: the list replaces the rule.
    """

    ENTRY = 1
    """Hired out of education or from another field: junior and graduate roles."""
    MID = 2
    """Hired on skills: the working practitioner."""
    SENIOR = 3
    """Hired on experience: staff roles, research scientists, architects."""
    LEAD = 4
    """Leads people or a function: managers, heads of a discipline."""

    @classmethod
    def parse(cls, value: Seniority | int | str) -> Seniority:
        """Return the seniority a number (1-4) or a name (case-insensitive) stands for.

        Raises
        ------
        ValueError
            If `value` is neither; the message shows the value.

        Examples
        --------
        >>> Seniority.parse("Senior"), Seniority.parse(1)
        (<Seniority.SENIOR: 3>, <Seniority.ENTRY: 1>)
        """
        return _member(cls, value, "a seniority (entry, mid, senior or lead)")


# --- converters and validators -------------------------------------------------------


def _level(value: Level | int | str) -> Level:
    return Level.parse(value)


def _seniority(value: Seniority | int | str) -> Seniority:
    return Seniority.parse(value)


def _check_needed(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value == Level.NONE:
        msg = f"{attribute.name}: a level that is needed must be above none (1-4)"
        raise ValueError(msg)


def _strings(value: str | Iterable[str]) -> tuple[str, ...]:
    """Turn one string or an iterable of strings into a tuple (a bare string is one item)."""
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _string_map(value: Mapping[str, str] | None) -> FrozenDict[str, str]:
    return value if isinstance(value, FrozenDict) else FrozenDict(value)


def _number(value: float) -> float:
    """Make ints floats (so equal values serialise alike); leave the rest to validators."""
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


_SPACE = re.compile(r"\s")


def _has_space(value: str) -> bool:
    return _SPACE.search(value) is not None


def _check_id(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not (isinstance(value, str) and value.isprintable()) or not value or _has_space(value):
        msg = f"{attribute.name}: {value!r} is not an id (printable text without whitespace)"
        raise ValueError(msg)


def _check_name(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        msg = f"{attribute.name}: {value!r} is not a name (a non-empty string)"
        raise ValueError(msg)


def _check_ids(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for item in value:
        _check_id(_, attribute, item)


def _check_strings(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for item in value:
        if not isinstance(item, str):
            msg = f"{attribute.name}: {item!r} is not a string"
            raise TypeError(msg)


def _check_string_map(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for key, item in value.items():
        if not isinstance(key, str) or not isinstance(item, str):
            msg = f"{attribute.name}: {key!r}: {item!r} is not a pair of strings"
            raise TypeError(msg)


def _check_hours(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not (isinstance(value, float) and math.isfinite(value) and value >= 0):
        msg = f"{attribute.name}: {value!r} is not a number of hours (finite and >= 0)"
        raise ValueError(msg)


def _check_importance(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not (isinstance(value, float) and 0 < value <= 1):
        msg = f"{attribute.name}: {value!r} is not an importance (a number in (0, 1])"
        raise ValueError(msg)


def _check_bool(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, bool):
        msg = f"{attribute.name}: {value!r} is not true or false"
        raise TypeError(msg)


# --- items ----------------------------------------------------------------------------


@frozen(kw_only=True)
class Prerequisite:
    """What must be held, and how well, before an item can be learned.

    `Prerequisite(item="docker", level=Level.WORKING)` on Kubernetes means:
    learning Kubernetes, to any level, needs Docker at `WORKING` or better first.
    """

    item: str = field(validator=_check_id)
    level: Level = field(default=Level.WORKING, converter=_level, validator=_check_needed)


def _prerequisites(
    value: Iterable[Prerequisite | str | tuple[str, Level | int | str]],
) -> tuple[Prerequisite, ...]:
    """Accept prerequisites as objects, bare ids (at `WORKING`) or ``(id, level)`` pairs."""
    result = []
    for p in _strings(value) if isinstance(value, str) else value:
        if isinstance(p, Prerequisite):
            result.append(p)
        elif isinstance(p, str):
            result.append(Prerequisite(item=p))
        else:
            item, level = p
            result.append(Prerequisite(item=item, level=Level.parse(level)))
    return tuple(result)


def _check_prerequisites(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for p in value:
        if not isinstance(p, Prerequisite):
            msg = f"{attribute.name}: {p!r} is not a prerequisite"
            raise TypeError(msg)


def _check_transfer(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not (isinstance(value, float) and 0.0 < value < 1.0):
        msg = f"{attribute.name}: {value!r} is not a share of effort in (0, 1)"
        raise ValueError(msg)


@frozen(kw_only=True)
class Related:
    """Another item whose knowledge makes an item cheaper to learn.

    `Related(item="javascript", transfer=0.3)` on Python means: a learner
    who holds JavaScript at a level learns Python up to that level for 30 %
    less effort (the levels above it cost in full).
    """

    item: str = field(validator=_check_id)
    transfer: float = field(converter=_number, validator=_check_transfer)
    reason: str = field(default="", validator=attrs.validators.instance_of(str))


def _related(value: Iterable[Related | Mapping[str, Any]]) -> tuple[Related, ...]:
    """Accept related items as objects or mappings of their fields."""
    return tuple(Related(**r) if isinstance(r, Mapping) else r for r in value)


def _check_related(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for r in value:
        if not isinstance(r, Related):
            msg = f"{attribute.name}: {r!r} is not a related item"
            raise TypeError(msg)


@frozen(kw_only=True)
class Item:
    """What skills and tools share: something a person learns, with an effort in hours.

    Attributes
    ----------
    id : str
        Unique across the catalog's roles, skills and tools; no whitespace.
    name : str
        How people call it.
    category : str
        A grouping such as ``"mathematics"`` or ``"mlops"``.
    description : str
        One or two sentences.
    prerequisites : tuple of Prerequisite
        What must be held first, and at which level.
    hours : float
        Hours of focused learning from `Level.NONE` to `Level.PRACTITIONER`;
        the catalog's `EffortModel` scales it to other levels.
    aliases : tuple of str
        Other names, for lookups.
    external_ids : mapping of str to str
        Ids in other taxonomies, e.g. ``{"esco": "http://data.europa.eu/esco/skill/..."}``.
    related : tuple of Related
        Items whose knowledge makes this one cheaper to learn, each with the
        share of effort it saves (its transfer factor) and why.
    replaces : tuple of str
        Former ids of this item (items merged into it): looking one of them
        up finds this item, with a `DeprecationWarning` naming its id.
    """

    id: str = field(validator=_check_id)
    name: str = field(validator=_check_name)
    category: str = field(default="", validator=attrs.validators.instance_of(str))
    description: str = field(default="", validator=attrs.validators.instance_of(str))
    prerequisites: tuple[Prerequisite, ...] = field(
        default=(), converter=_prerequisites, validator=_check_prerequisites
    )
    hours: float = field(default=DEFAULT_HOURS, converter=_number, validator=_check_hours)
    aliases: tuple[str, ...] = field(default=(), converter=_strings, validator=_check_strings)
    external_ids: FrozenDict[str, str] = field(
        factory=FrozenDict, converter=_string_map, validator=_check_string_map
    )
    related: tuple[Related, ...] = field(default=(), converter=_related, validator=_check_related)
    replaces: tuple[str, ...] = field(default=(), converter=_strings, validator=_check_ids)


@frozen(kw_only=True)
class Skill(Item):
    """A skill or body of knowledge (statistics, deep learning, communication).

    See `Item` for the fields.

    Examples
    --------
    >>> Skill(id="linear-algebra", name="Linear algebra", hours=90).hours
    90.0
    """


@frozen(kw_only=True)
class Tool(Item):
    """A language, framework, library, platform or service (Python, PyTorch, AWS).

    Besides the fields of `Item`:

    Attributes
    ----------
    kind : str
        ``"language"``, ``"framework"``, ``"library"``, ``"platform"``,
        ``"service"``, ``"database"``, ``"tool"`` or ``"model"``.
    skills : tuple of str
        Ids of the skills using this tool exercises.
    """

    kind: str = field(default="tool", validator=_check_name)
    skills: tuple[str, ...] = field(default=(), converter=_strings, validator=_check_ids)


# --- roles ----------------------------------------------------------------------------


@frozen(kw_only=True)
class Requirement:
    """One thing a role needs: an item, or a choice of alternatives, at a level.

    Attributes
    ----------
    options : tuple of str
        Ids of skills or tools; holding **any one** at `level` meets the
        requirement ("TensorFlow / PyTorch"). The most common comes first. A
        bare id is accepted for a single option.
    level : Level
        The level needed (default `WORKING`).
    essential : bool
        Whether the role cannot be held without it (ESCO's essential); optional
        requirements count towards similarity but not towards qualifying.
    importance : float
        A weight in ``(0, 1]`` for similarity.
    """

    options: tuple[str, ...] = field(
        converter=_strings, validator=[_check_ids, attrs.validators.min_len(1)]
    )
    level: Level = field(default=Level.WORKING, converter=_level, validator=_check_needed)
    essential: bool = field(default=True, validator=_check_bool)
    importance: float = field(default=1.0, converter=_number, validator=_check_importance)


def _requirements(value: Iterable[Requirement | str]) -> tuple[Requirement, ...]:
    """Accept requirements as objects or bare ids (one option at `WORKING`)."""
    if isinstance(value, str):
        value = (value,)
    return tuple(r if isinstance(r, Requirement) else Requirement(options=r) for r in value)


def _check_requirements(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for r in value:
        if not isinstance(r, Requirement):
            msg = f"{attribute.name}: {r!r} is not a requirement"
            raise TypeError(msg)


@frozen(kw_only=True)
class Role:
    """A job people hold, with what it requires.

    Attributes
    ----------
    id, name : str
        As for `Item`.
    summary : str
        What the role does, in a sentence or two.
    why : str
        Why the role matters.
    responsibilities : tuple of str
        What its holders do.
    requirements : tuple of Requirement
        The skills and tools it requires; an item appears in one at most.
    family : str
        A grouping such as ``"engineering"`` or ``"research"``.
    aliases : tuple of str
        Job-title variants, for lookups.
    external_ids : mapping of str to str
        E.g. ``{"onet": "15-2051.00", "esco": "http://data.europa.eu/esco/occupation/..."}``.
    sources : tuple of str
        Where the description comes from.
    seniority : Seniority
        How far into a career the role sits (`Seniority.MID` when not said).
    experience : tuple of str
        Role ids: when given, the role is only entered after work in one of
        them (nobody is hired as a data-science manager without having been
        a data scientist).
    """

    id: str = field(validator=_check_id)
    name: str = field(validator=_check_name)
    summary: str = field(default="", validator=attrs.validators.instance_of(str))
    why: str = field(default="", validator=attrs.validators.instance_of(str))
    responsibilities: tuple[str, ...] = field(
        default=(), converter=_strings, validator=_check_strings
    )
    requirements: tuple[Requirement, ...] = field(
        default=(), converter=_requirements, validator=_check_requirements
    )
    family: str = field(default="", validator=attrs.validators.instance_of(str))
    aliases: tuple[str, ...] = field(default=(), converter=_strings, validator=_check_strings)
    external_ids: FrozenDict[str, str] = field(
        factory=FrozenDict, converter=_string_map, validator=_check_string_map
    )
    sources: tuple[str, ...] = field(default=(), converter=_strings, validator=_check_strings)
    seniority: Seniority = field(
        default=Seniority.MID,
        converter=_seniority,
        validator=attrs.validators.instance_of(Seniority),
    )
    experience: tuple[str, ...] = field(default=(), converter=_strings, validator=_check_ids)


# --- people ---------------------------------------------------------------------------


def _levels(value: Mapping[str, Level | int | str]) -> FrozenDict[str, Level]:
    """Parse every level; drop items held at `NONE` so equal profiles compare equal."""
    levels = {item: Level.parse(level) for item, level in dict(value).items()}
    return FrozenDict({item: level for item, level in levels.items() if level > Level.NONE})


def _check_level_keys(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for item in value:
        _check_id(_, attribute, item)


@frozen(kw_only=True)
class Profile:
    """What a person holds: a level for each skill or tool.

    Items not listed are held at `Level.NONE`. Analysis functions close a
    profile (`Catalog.closure`) before they use it: nobody holds an item
    without its prerequisites, and a tool held implies the skills it
    exercises one level below (`tool_credit`).

    Examples
    --------
    >>> p = Profile(levels={"python": 3, "sql": "working"})
    >>> p.level("python"), p.level("rust")
    (<Level.PRACTITIONER: 3>, <Level.NONE: 0>)
    """

    levels: FrozenDict[str, Level] = field(
        factory=FrozenDict, converter=_levels, validator=_check_level_keys
    )

    def level(self, item: str) -> Level:
        """Return the level at which the person holds `item` (`NONE` if not at all)."""
        return self.levels.get(item, Level.NONE)


# --- effort ---------------------------------------------------------------------------


def _fractions(value: Iterable[float]) -> tuple[float, ...]:
    return tuple(float(v) for v in value)


def _check_fractions(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if len(value) != 4:
        msg = f"{attribute.name}: {list(value)!r} is not 4 fractions (awareness to expert)"
        raise ValueError(msg)
    steps = (0.0, *value)
    if not all(math.isfinite(v) for v in value) or any(
        a >= b for a, b in zip(steps, value, strict=False)
    ):
        msg = f"{attribute.name}: {list(value)!r} is not strictly increasing, positive and finite"
        raise ValueError(msg)
    if value[Level.PRACTITIONER - 1] != 1.0:
        msg = f"{attribute.name}: {list(value)!r} must have 1.0 at practitioner (hours are to it)"
        raise ValueError(msg)


def _expert_map(value: Mapping[str, float] | None) -> FrozenDict[str, float]:
    if isinstance(value, FrozenDict):
        return value
    return FrozenDict({k: _number(v) for k, v in (value or {}).items()})


def _check_expert(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for category, share in value.items():
        if not isinstance(category, str) or not category:
            msg = f"{attribute.name}: {category!r} is not a category (a non-empty string)"
            raise ValueError(msg)
        if (
            not isinstance(share, float)
            or not math.isfinite(share)
            or not 1.0 < share <= MAX_EXPERT_SHARE
        ):
            msg = (
                f"{attribute.name}[{category!r}]: {share!r} is not a share of the hours"
                f" above 1.0 (practitioner) and at most {MAX_EXPERT_SHARE:g}"
            )
            raise ValueError(msg)


MAX_EXPERT_SHARE = 20.0
"""The largest share of an item's hours that expertise may cost (a whole career's worth)."""


@frozen(kw_only=True)
class EffortModel:
    """How an item's `hours` (to `PRACTITIONER`) scale to the other levels.

    Attributes
    ----------
    fractions : tuple of 4 floats
        The cumulative share of an item's hours needed to reach `AWARENESS`,
        `WORKING`, `PRACTITIONER` and `EXPERT` from nothing; strictly
        increasing, with 1.0 at `PRACTITIONER`. The default ``(0.1, 0.4, 1.0,
        2.5)`` says awareness takes a tenth of the effort of becoming a
        practitioner, and expertise two and a half times that effort.
    expert : mapping of str to float
        The share at `EXPERT` for the items of a category, where it differs
        from ``fractions[3]``: expertise in research or mathematics takes
        years of practice beyond a course, in a tool a few months. Each
        share lies above 1.0 and at most `MAX_EXPERT_SHARE`.

    Examples
    --------
    >>> EffortModel().hours(100, Level.NONE, Level.WORKING)
    40.0
    >>> EffortModel().hours(100, Level.WORKING, Level.PRACTITIONER)
    60.0
    >>> effort = EffortModel(expert={"research": 6.0})
    >>> effort.hours(100, Level.PRACTITIONER, Level.EXPERT, category="research")
    500.0
    >>> effort.hours(100, Level.PRACTITIONER, Level.EXPERT, category="programming")
    150.0
    """

    fractions: tuple[float, ...] = field(
        default=(0.1, 0.4, 1.0, 2.5), converter=_fractions, validator=_check_fractions
    )
    expert: FrozenDict[str, float] = field(
        factory=FrozenDict, converter=_expert_map, validator=_check_expert
    )

    def share(self, level: Level, category: str = "") -> float:
        """Return the cumulative share of the hours needed to reach `level` from nothing.

        `category` is the item's: it sets the share at `EXPERT` (see `expert`).
        """
        if level <= Level.NONE:
            return 0.0
        if level == Level.EXPERT:
            return self.expert.get(category, self.fractions[-1])
        return self.fractions[level - 1]

    def shares(self, category: str = "") -> tuple[float, ...]:
        """Return the cumulative shares at every level, `NONE` to `EXPERT`, for `category`."""
        return tuple(self.share(level, category) for level in Level)

    def hours(self, hours: float, from_level: Level, to_level: Level, category: str = "") -> float:
        """Return the hours to go from `from_level` to `to_level` on an item of `hours`.

        Zero when `to_level` is not above `from_level`; `category` is the item's.
        """
        if to_level <= from_level:
            return 0.0
        return hours * (self.share(to_level, category) - self.share(from_level, category))


# --- the catalog ----------------------------------------------------------------------


def tool_credit(level: Level) -> Level:
    """Return the level at which holding a tool at `level` holds the skills it exercises.

    One level below the tool's: a PyTorch practitioner works in deep learning,
    an AWS practitioner in cloud computing; awareness of a tool implies nothing.

    Examples
    --------
    >>> tool_credit(Level.PRACTITIONER), tool_credit(Level.AWARENESS)
    (<Level.WORKING: 2>, <Level.NONE: 0>)
    """
    return Level(max(level - 1, Level.NONE))


def _kinded(catalog: Catalog) -> Iterator[tuple[str, Role | Skill | Tool]]:
    """Yield ``(kind, object)`` for the catalog's roles, skills and tools, in order."""
    for role in catalog.roles:
        yield "role", role
    for skill in catalog.skills:
        yield "skill", skill
    for tool in catalog.tools:
        yield "tool", tool


def _roles(value: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(value)


def _skills(value: Iterable[Skill]) -> tuple[Skill, ...]:
    return tuple(value)


def _tools(value: Iterable[Tool]) -> tuple[Tool, ...]:
    return tuple(value)


def _check_members(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    cls = {"roles": Role, "skills": Skill, "tools": Tool}[attribute.name]
    for v in value:
        if not isinstance(v, cls):
            msg = f"{attribute.name}: {v!r} is not a {cls.__name__}"
            raise TypeError(msg)


@frozen(kw_only=True, cache_hash=True)
class Catalog:
    """A set of roles with the skills and tools they require.

    Construction checks everything across objects and raises one
    `CatalogError` listing every problem with its location: duplicate ids,
    unknown ids in requirements, prerequisites, tool skills, related items
    and a role's experience, an item required twice by a role, an item
    related to itself, and prerequisite cycles (named ``a -> b -> a``).

    Lookups (`role`, `skill`, `tool`, `item`) accept an id, a name or an
    alias, case-insensitively; a miss raises `UnknownItemError` with close
    matches. Derived structures (indices, the graph) are computed once and
    cached; they take no part in equality, hashing or pickling.

    Attributes
    ----------
    name, version : str
        What the catalog is.
    roles, skills, tools : tuple
        Its `Role`, `Skill` and `Tool` objects, in order.
    effort : EffortModel
        How hours scale with level.

    Examples
    --------
    >>> cat = Catalog(
    ...     skills=[Skill(id="stats", name="Statistics", hours=80)],
    ...     roles=[Role(id="analyst", name="Data Analyst", requirements=["stats"])],
    ... )
    >>> cat.role("data analyst").requirements[0].options
    ('stats',)
    >>> cat.hours("stats", Level.NONE, Level.WORKING)
    32.0
    """

    name: str = field(default="", validator=attrs.validators.instance_of(str))
    version: str = field(default="", validator=attrs.validators.instance_of(str))
    roles: tuple[Role, ...] = field(default=(), converter=_roles, validator=_check_members)
    skills: tuple[Skill, ...] = field(default=(), converter=_skills, validator=_check_members)
    tools: tuple[Tool, ...] = field(default=(), converter=_tools, validator=_check_members)
    effort: EffortModel = field(
        factory=EffortModel, validator=attrs.validators.instance_of(EffortModel)
    )
    _cache: dict[str, Any] = field(init=False, factory=dict, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems = _catalog_problems(self)
        if problems:
            raise CatalogError(problems)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Pickle the fields only: caches (a graph, indices) are rebuilt on demand.
        return (
            _rebuild,
            (attrs.asdict(self, recurse=False),),
        )

    # -- lookups --

    @property
    def _index(self) -> _Index:
        return self.derived("model.index", _Index)

    def role(self, key: str | Role) -> Role:
        """Return the role with id, name or alias `key` (case-insensitive).

        Raises
        ------
        UnknownItemError
            If no role matches; the message suggests up to three close matches.
        """
        result = self._index.find(key, "role")
        assert isinstance(result, Role)  # noqa: S101 (the index only returns roles here)
        return result

    def skill(self, key: str | Skill) -> Skill:
        """Return the skill with id, name or alias `key` (case-insensitive).

        Raises
        ------
        UnknownItemError
            If no skill matches; the message suggests up to three close matches.
        """
        result = self._index.find(key, "skill")
        assert isinstance(result, Skill)  # noqa: S101
        return result

    def tool(self, key: str | Tool) -> Tool:
        """Return the tool with id, name or alias `key` (case-insensitive).

        Raises
        ------
        UnknownItemError
            If no tool matches; the message suggests up to three close matches.
        """
        result = self._index.find(key, "tool")
        assert isinstance(result, Tool)  # noqa: S101
        return result

    def item(self, key: str | Item) -> Skill | Tool:
        """Return the skill or tool with id, name or alias `key` (case-insensitive).

        Raises
        ------
        UnknownItemError
            If no skill or tool matches; the message suggests close matches.
        """
        result = self._index.find(key, "item")
        assert isinstance(result, (Skill, Tool))  # noqa: S101
        return result

    def __contains__(self, key: object) -> bool:
        """Whether `key` is the id of one of the catalog's roles, skills or tools."""
        return isinstance(key, str) and key in self._index.by_id

    @property
    def items(self) -> tuple[Skill | Tool, ...]:
        """The skills, then the tools: everything a person can learn."""
        return (*self.skills, *self.tools)

    # -- effort and profiles --

    def hours(self, item: str | Item, from_level: Level | int, to_level: Level | int) -> float:
        """Return the hours needed to raise `item` from `from_level` to `to_level`.

        Its own hours, scaled by the catalog's `EffortModel` (for its
        category); zero when `to_level` is not above `from_level`.
        Prerequisites are not included.

        Examples
        --------
        >>> import ai_roles
        >>> cat = ai_roles.load_catalog()
        >>> cat.hours("docker", "none", "practitioner") == cat.tool("docker").hours
        True
        """
        found = self.item(item)
        return self.effort.hours(
            found.hours, Level.parse(from_level), Level.parse(to_level), found.category
        )

    def closure(self, profile: Profile | Mapping[str, Level | int | str]) -> Profile:
        """Return `profile` with what its held items imply added, recursively.

        Each held item's prerequisites are raised to the level they are
        needed at, and each held tool's skills to its credit (`tool_credit`:
        one level below the tool's), unless held higher already. Items may be
        given by id, name or alias; the result holds ids. Items the catalog
        does not hold raise `UnknownItemError`.

        Examples
        --------
        >>> cat = Catalog(
        ...     skills=[
        ...         Skill(id="python", name="Python"),
        ...         Skill(id="ml", name="ML", prerequisites=[("python", "practitioner")]),
        ...     ]
        ... )
        >>> cat.closure(Profile(levels={"ml": 2})).levels
        FrozenDict({'ml': <Level.WORKING: 2>, 'python': <Level.PRACTITIONER: 3>})
        """
        given = profile.levels if isinstance(profile, Profile) else profile
        if not isinstance(given, Mapping):
            msg = f"profile: {given!r} is not a Profile or a mapping of items to levels"
            raise ArgumentError(msg)
        levels: dict[str, Level] = {}
        for key, value in given.items():
            try:
                level = Level.parse(value)
            except ValueError as e:
                raise ArgumentError(f"profile[{key!r}]: {e}") from None
            if level > Level.NONE:
                found = self.item(key).id  # names and aliases become ids
                levels[found] = max(level, levels.get(found, Level.NONE))
        return Profile(levels=self._closed(levels))

    def _closed(self, levels: dict[str, Level]) -> dict[str, Level]:
        """Close `levels` (ids to levels) in place under prerequisites and tool credit."""
        by_id: dict[str, Skill | Tool] = self.derived(
            "model.items-by-id", lambda c: {item.id: item for item in c.items}
        )
        stack = list(levels)
        while stack:
            item = by_id[stack.pop()]
            implied = [(p.item, p.level) for p in item.prerequisites]
            if isinstance(item, Tool):
                credit = tool_credit(levels[item.id])
                implied.extend((skill, credit) for skill in item.skills)
            for other, level in implied:
                if levels.get(other, Level.NONE) < level:
                    levels[other] = level
                    stack.append(other)
        return levels

    def profile_of(self, role: str | Role) -> Profile:
        """Return what the holder of `role` is modelled as knowing.

        The first-listed option of every requirement, essential and optional,
        at the requirement's level, closed under prerequisites.
        """
        found = self.role(role)

        def compute(catalog: Catalog) -> Profile:
            levels: dict[str, Level] = {}
            for r in found.requirements:
                levels[r.options[0]] = max(r.level, levels.get(r.options[0], Level.NONE))
            # Options are known ids (the catalog checked them): closed without looking them up.
            return Profile(levels=catalog._closed(levels))

        return self.derived("model.profile:" + found.id, compute)

    # -- combining --

    def merge(self, *others: Catalog, link: Iterable[str] = ("esco", "onet")) -> Catalog:
        """Return this catalog joined with `others`, items shared through their external ids.

        A skill or tool of a later catalog whose external id under one of the
        `link` keys (the same key and value) is also an item's already in
        takes that item's place: what referred to it refers to the earlier
        item, and the duplicate is dropped. So the built-in skills, which
        carry ESCO and O*NET ids, become the skills imported occupations
        require, and built-in and imported roles can be compared and
        connected by paths. Objects with the same id and the same content
        appear once; this catalog's name, version and effort model are kept.

        Raises
        ------
        CatalogError
            If two different objects share an id, or the result is not valid.

        Examples
        --------
        >>> a = Catalog(skills=[Skill(id="py", name="Python", external_ids={"esco": "u:1"})])
        >>> b = Catalog(
        ...     skills=[Skill(id="esco/python", name="Python", external_ids={"esco": "u:1"})],
        ...     roles=[Role(id="dev", name="Developer", requirements=["esco/python"])],
        ... )
        >>> a.merge(b).role("dev").requirements[0].options
        ('py',)
        """
        keys = tuple(link)
        roles, skills, tools = list(self.roles), list(self.skills), list(self.tools)
        owner: dict[tuple[str, str], str] = {}
        seen: dict[str, Role | Skill | Tool] = {}
        for kind, obj in _kinded(self):
            seen[obj.id] = obj
            if kind != "role":
                for key in keys:
                    if key in obj.external_ids:
                        owner.setdefault((key, obj.external_ids[key]), obj.id)
        problems: list[str] = []
        for number, other in enumerate(others, 1):
            renamed: dict[str, str] = {}
            for item in other.items:
                for key in keys:
                    target = owner.get((key, item.external_ids.get(key, "")))
                    if target is not None and item.id not in renamed:
                        renamed[item.id] = target

            for kind, original in _kinded(other):
                if original.id in renamed:
                    continue
                obj = _relinked(original, renamed)
                if kind != "role":
                    for key in keys:
                        if key in obj.external_ids:
                            owner.setdefault((key, obj.external_ids[key]), obj.id)
                previous = seen.get(obj.id)
                if previous is not None:
                    if previous != obj:
                        where = f"others[{number - 1}]"
                        problems.append(
                            f"{where}: {obj.id!r} is another {kind} with an id already in"
                        )
                    continue
                seen[obj.id] = obj
                if isinstance(obj, Role):
                    roles.append(obj)
                elif isinstance(obj, Tool):
                    tools.append(obj)
                else:
                    skills.append(obj)
        if problems:
            raise CatalogError(problems)
        return Catalog(
            name=self.name,
            version=self.version,
            roles=roles,
            skills=skills,
            tools=tools,
            effort=self.effort,
        )

    # -- derived structures --

    def derived(self, key: str, compute: Callable[[Catalog], T]) -> T:
        """Return ``compute(self)``, computed once per catalog and `key`, then cached.

        For structures derived from the catalog (indices, matrices). Name keys
        after their module (``"mypackage.index"``); ``ai_roles`` uses keys
        starting with its module names (``"model."``, ``"paths."``). The
        cache takes no part in equality, hashing or pickling.
        """
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._cache[key] = compute(self)
            return value

    @property
    def graph(self) -> nx.DiGraph[str]:
        """The catalog as a frozen `networkx.DiGraph`, built once; see `build_graph`."""
        from ai_roles.graph import build_graph  # noqa: PLC0415 (the model needs no networkx)

        return self.derived("model.graph", build_graph)


def _relinked(obj: Role | Skill | Tool, renamed: Mapping[str, str]) -> Role | Skill | Tool:
    """Return `obj` with its references to items renamed; what becomes a repeat is dropped."""
    if not renamed:
        return obj
    if isinstance(obj, Role):
        requirements: list[Requirement] = []
        where: dict[str, int] = {}  # item -> the requirement naming it
        for r in obj.requirements:
            options = dict.fromkeys(renamed.get(o, o) for o in r.options)
            kept = tuple(o for o in options if o not in where)
            if kept:
                where.update(dict.fromkeys(kept, len(requirements)))
                requirements.append(attrs.evolve(r, options=kept))
            elif len(options) == 1:  # the same item again: keep the stronger need
                j = where[next(iter(options))]
                first = requirements[j]
                requirements[j] = attrs.evolve(
                    first,
                    level=max(first.level, r.level),
                    essential=first.essential or r.essential,
                    importance=max(first.importance, r.importance),
                )
        return attrs.evolve(obj, requirements=requirements)
    needs: dict[str, Prerequisite] = {}
    for p in obj.prerequisites:
        item = renamed.get(p.item, p.item)
        if item != obj.id:
            needs.setdefault(item, attrs.evolve(p, item=item))
    if isinstance(obj, Tool):
        skills = tuple(dict.fromkeys(renamed.get(s, s) for s in obj.skills))
        return attrs.evolve(obj, prerequisites=tuple(needs.values()), skills=skills)
    return attrs.evolve(obj, prerequisites=tuple(needs.values()))


def _rebuild(fields: dict[str, Any]) -> Catalog:
    return Catalog(**{k: v for k, v in fields.items() if not k.startswith("_")})


class _Index:
    """Case-insensitive lookup tables of a catalog, built once."""

    def __init__(self, catalog: Catalog) -> None:
        self.by_id: dict[str, Role | Skill | Tool] = {}
        self.keys: dict[str, dict[str, list[str]]] = {"id": {}, "name": {}, "alias": {}}
        self.kind: dict[str, str] = {}
        self.former: dict[str, str] = {}  # a former id -> the id of the item that replaces it
        for kind, obj in _kinded(catalog):
            self.by_id[obj.id] = obj
            self.kind[obj.id] = kind
            self._add("id", obj.id, obj.id)
            self._add("name", obj.name, obj.id)
            for alias in obj.aliases:
                self._add("alias", alias, obj.id)
            for old in getattr(obj, "replaces", ()):
                self.former[old] = obj.id

    def _add(self, table: str, key: str, id_: str) -> None:
        ids = self.keys[table].setdefault(key.casefold(), [])
        if id_ not in ids:
            ids.append(id_)

    def _fits(self, id_: str, kind: str) -> bool:
        return self.kind[id_] == kind or (kind == "item" and self.kind[id_] != "role")

    def find(self, key: str | Role | Item, kind: str) -> Role | Skill | Tool:
        if not isinstance(key, str):
            found = getattr(key, "id", None)
            if not isinstance(found, str):
                msg = f"{key!r} is not an id, a name or an object of the catalog"
                raise ArgumentError(msg)
            key = found
        exact = self.by_id.get(key)
        if exact is not None and self._fits(key, kind):
            return exact
        current = self.former.get(key)
        if current is not None and self._fits(current, kind):
            warnings.warn(
                f"{key!r} is a former id of {current!r}; use {current!r}",
                DeprecationWarning,
                stacklevel=3,
            )
            return self.by_id[current]
        folded = key.casefold()
        for table in ("id", "name", "alias"):
            ids = [i for i in self.keys[table].get(folded, ()) if self._fits(i, kind)]
            if len(ids) == 1:
                return self.by_id[ids[0]]
            if ids:
                listed = ", ".join(repr(i) for i in sorted(ids))
                raise UnknownItemError(
                    key, kind, sorted(ids)[:3], f"is the {table} of several: {listed}; use an id"
                )
        raise UnknownItemError(key, kind, self.suggest(folded, kind))

    def suggest(self, folded: str, kind: str) -> tuple[str, ...]:
        candidates: dict[str, str] = {}
        for table in ("id", "name", "alias"):
            for text, ids in self.keys[table].items():
                for i in ids:
                    if self._fits(i, kind):
                        candidates.setdefault(text, i)
        suggestions: list[str] = []
        for text in difflib.get_close_matches(folded, candidates, n=10, cutoff=0.6):
            if candidates[text] not in suggestions:
                suggestions.append(candidates[text])
        return tuple(suggestions[:3])


# --- catalog checks -------------------------------------------------------------------


_ID = operator.attrgetter("id")
_OPTIONS = operator.attrgetter("options")
_PREREQUISITES = operator.attrgetter("prerequisites")
_SKILLS = operator.attrgetter("skills")
_RELATED = operator.attrgetter("related")
_EXPERIENCE = operator.attrgetter("experience")
_REPLACES = operator.attrgetter("replaces")


def _definitions(catalog: Catalog, problems: list[str]) -> tuple[dict[str, int], dict[str, str]]:
    """Map each id to where it is first defined (index, kind); add duplicates to `problems`."""
    defined: dict[str, int] = {}  # id -> index of its first definition among its kind
    kind_of: dict[str, str] = {}
    groups: tuple[tuple[str, tuple[Role | Skill | Tool, ...]], ...] = (
        ("role", catalog.roles),
        ("skill", catalog.skills),
        ("tool", catalog.tools),
    )
    for kind, objects in groups:
        ids = list(map(_ID, objects))
        if kind_of.keys().isdisjoint(ids) and len(set(ids)) == len(ids):
            defined.update(zip(ids, itertools.count()))  # the common case, in C
            kind_of.update(zip(ids, itertools.repeat(kind)))
            continue
        for index, id_ in enumerate(ids):
            if id_ in defined:
                also = f"{kind_of[id_]}s[{defined[id_]}]"
                problems.append(f"{kind}s[{index}].id: duplicate id {id_!r} (also {also})")
            else:
                defined[id_] = index
                kind_of[id_] = kind
    return defined, kind_of


def _catalog_problems(catalog: Catalog) -> list[str]:
    """Return every cross-object problem of `catalog`, each with its location."""
    problems: list[str] = []
    defined, kind_of = _definitions(catalog, problems)
    learnable = {i for i, k in kind_of.items() if k != "role"}

    def check_item(location: str, ref: str, *, want: str = "item") -> bool:
        found = kind_of.get(ref)
        if found is None:
            close = difflib.get_close_matches(ref, sorted(learnable), n=3)
            hint = "; did you mean " + ", ".join(map(repr, close)) + "?" if close else ""
            problems.append(f"{location}: unknown {want} {ref!r}{hint}")
            return False
        if found == "role" or (want == "skill" and found != "skill"):
            article = "an" if want == "item" else "a"
            problems.append(f"{location}: {ref!r} is a {found}, not {article} {want}")
            return False
        return True

    for i, role in enumerate(catalog.roles):
        options = list(itertools.chain.from_iterable(map(_OPTIONS, role.requirements)))
        if len(set(options)) == len(options) and learnable.issuperset(options):
            continue  # the common case, checked without building locations
        seen: dict[str, int] = {}
        for j, requirement in enumerate(role.requirements):
            for k, option in enumerate(requirement.options):
                location = f"roles[{i}].requirements[{j}].options[{k}]"
                check_item(location, option)
                if option in seen:
                    first = f"requirements[{seen[option]}]"
                    problems.append(f"{location}: {option!r} is already required by {first}")
                seen.setdefault(option, j)

    edges: dict[str, list[str]] = {}  # dependent -> its prerequisites
    items: tuple[tuple[str, tuple[Item, ...]], ...] = (
        ("skill", catalog.skills),
        ("tool", catalog.tools),
    )
    for kind, things in items:
        # Most items of a large catalog have no prerequisite: pass them over in C.
        for i, thing in itertools.compress(enumerate(things), map(_PREREQUISITES, things)):
            needs = edges.setdefault(thing.id, [])
            for j, p in enumerate(thing.prerequisites):
                if p.item in needs:
                    location = f"{kind}s[{i}].prerequisites[{j}].item"
                    problems.append(f"{location}: {p.item!r} is listed twice")
                elif p.item in learnable or check_item(
                    f"{kind}s[{i}].prerequisites[{j}].item", p.item
                ):
                    needs.append(p.item)
    for i, tool in itertools.compress(enumerate(catalog.tools), map(_SKILLS, catalog.tools)):
        for j, skill_id in enumerate(tool.skills):
            location = f"tools[{i}].skills[{j}]"
            if skill_id in tool.skills[:j]:
                problems.append(f"{location}: {skill_id!r} is listed twice")
            elif check_item(location, skill_id, want="skill") and tool.id in edges.get(
                skill_id, ()
            ):
                problems.append(
                    f"{location}: {tool.id!r} exercises {skill_id!r}"
                    " and cannot also be its prerequisite"
                )
    _related_problems(catalog, check_item, problems)
    _experience_problems(catalog, problems)
    _former_problems(catalog, kind_of, problems)
    problems.extend(
        f"{kind_of[cycle[0]]}s[{defined[cycle[0]]}].prerequisites: cycle {' -> '.join(cycle)}"
        for cycle in _cycles(edges)
    )
    return problems


def _related_problems(
    catalog: Catalog, check_item: Callable[[str, str], bool], problems: list[str]
) -> None:
    """Add the problems of the items' related items: unknown, repeated or themselves."""
    for where, thing in _items_with(catalog, _RELATED):
        for j, r in enumerate(thing.related):
            location = f"{where}.related[{j}].item"
            if r.item == thing.id:
                problems.append(f"{location}: {r.item!r} cannot be related to itself")
            elif any(r.item == q.item for q in thing.related[:j]):
                problems.append(f"{location}: {r.item!r} is listed twice")
            else:
                check_item(location, r.item)


def _items_with(
    catalog: Catalog, field: Callable[[Item], tuple[Any, ...]]
) -> Iterator[tuple[str, Item]]:
    """Yield ``("skills[i]", item)`` and ``("tools[i]", item)`` for the items with `field` set."""
    for kind, things in (("skills", catalog.skills), ("tools", catalog.tools)):
        # Most items of a large catalog have none: pass them over in C.
        for i, thing in itertools.compress(enumerate(things), map(field, things)):
            yield f"{kind}[{i}]", thing


def _former_problems(catalog: Catalog, kind_of: dict[str, str], problems: list[str]) -> None:
    """Add the problems of former ids: still in use as an id, or replaced by two items."""
    replaced_by: dict[str, str] = {}
    for where, thing in _items_with(catalog, _REPLACES):
        for j, old in enumerate(thing.replaces):
            location = f"{where}.replaces[{j}]"
            if old in kind_of:
                problems.append(f"{location}: {old!r} is the id of a {kind_of[old]}")
            elif old in replaced_by:
                first = replaced_by[old]
                problems.append(f"{location}: {old!r} is already replaced by {first!r}")
            else:
                replaced_by[old] = thing.id


def _experience_problems(catalog: Catalog, problems: list[str]) -> None:
    """Add the problems of the roles' experience: unknown roles, repeats, the role itself."""
    roles = {role.id for role in catalog.roles}
    for i, role in itertools.compress(enumerate(catalog.roles), map(_EXPERIENCE, catalog.roles)):
        for j, other in enumerate(role.experience):
            location = f"roles[{i}].experience[{j}]"
            if other == role.id:
                problems.append(f"{location}: {other!r} cannot be its own experience")
            elif other in role.experience[:j]:
                problems.append(f"{location}: {other!r} is listed twice")
            elif other not in roles:
                close = difflib.get_close_matches(other, sorted(roles), n=3)
                hint = "; did you mean " + ", ".join(map(repr, close)) + "?" if close else ""
                problems.append(f"{location}: unknown role {other!r}{hint}")


def _cycles(edges: Mapping[str, list[str]]) -> Iterator[list[str]]:
    """Yield one cycle (closed: first id repeated last) per cyclic part of a graph.

    `edges` maps each node to its successors. Tarjan's strongly connected
    components, iteratively; each component with a cycle yields one, starting
    at its least id, so the report is deterministic.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(edges.get(nxt, ()))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in edges.get(node, ()):
                        yield _cycle_in(edges, component)


def _cycle_in(edges: Mapping[str, list[str]], component: set[str]) -> list[str]:
    """Return a shortest cycle through the least node of a strongly connected `component`."""
    start = min(component)
    parents: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(edges.get(node, ())):
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(parents[path[-1]])
                    return [start, *reversed(path[:-1]), start] if node != start else [start, start]
                if nxt in component and nxt not in parents:
                    parents[nxt] = node
                    following.append(nxt)
        frontier = following
    raise AssertionError  # a strongly connected component always has a cycle
