"""Import O*NET, the US Department of Labor's occupational database.

`load` reads the database in its official tab-delimited text layout — a
folder of the ``.txt`` files, or a zip of them — and returns a `Catalog`:

=====================================  =========================================
O*NET                                  ai_roles
=====================================  =========================================
occupation (Occupation Data)           `Role`: id ``onet/<O*NET-SOC code>``,
                                       name the title, summary the description,
                                       external id ``onet``; aliases from
                                       Alternate Titles (and their short titles)
Skills and Knowledge elements          `Skill`: id ``onet/<element id>``, category
                                       the element's parent in the content model
                                       (or "skills"/"knowledge"), external id
                                       ``onet`` (the element id)
a rating pair IM (1-5) and LV (0-7)    `Requirement`: importance IM / 5,
                                       essential when IM >= 3, level from LV
                                       (`LEVELS`)
Technology Skills example              `Tool` (kind ``software``): id
                                       ``onet-tech/<example>``, category the
                                       commodity title, external ids ``onet``
                                       (``tech/<example>``), ``onet.commodity``
                                       and ``onet.hot_technology`` (Y or N)
an occupation's technology skill       optional `Requirement` at `Level.WORKING`,
                                       importance `TECHNOLOGY_IMPORTANCE`
                                       (`IN_DEMAND_IMPORTANCE` when In Demand)
=====================================  =========================================

Ratings flagged *Recommend Suppress* (O*NET's advice: the estimate is too
imprecise to use) or *Not Relevant* are not imported; each kind is counted
in a `DataWarning`. Occupations without ratings (e.g. 15-2051.00 Data
Scientists in release 29.x) still come in, with their technology skills.
Attribution: "O*NET 29.2/29.3 Database, USDOL/ETA", CC BY 4.0.
"""

from __future__ import annotations

import bisect
import itertools
import math
import os
from collections.abc import Callable, Iterable, Iterator

from ai_roles._bulk import paused_gc, unchecked
from ai_roles._frozendict import FrozenDict
from ai_roles.exceptions import CatalogError
from ai_roles.importers._source import Source, id_problem, label_problem, report, slug
from ai_roles.model import Catalog, Level, Requirement, Role, Skill, Tool

__all__ = ["HOURS", "IN_DEMAND_IMPORTANCE", "LEVELS", "TECHNOLOGY_IMPORTANCE", "load"]

HOURS = 40.0
"""Hours to practitioner given to every imported skill and tool (O*NET records no effort)."""

LEVELS = ((2.0, Level.AWARENESS), (3.5, Level.WORKING), (5.0, Level.PRACTITIONER))
"""O*NET level (LV, 0-7) thresholds: below 2 awareness, below 3.5 working,
below 5 practitioner, 5 and above expert (O*NET's anchors put "basic" near 2,
"intermediate" near 4 and "advanced" near 6)."""

TECHNOLOGY_IMPORTANCE = 0.5
"""The importance of an occupation's technology skill; see docs/importers.md."""

IN_DEMAND_IMPORTANCE = 0.75
"""The importance of a technology skill employers ask for (In Demand = Y)."""

_CODE = "O*NET-SOC Code"


def level_of(value: float) -> Level:
    """Return the level an O*NET level rating (0-7) stands for (`LEVELS`).

    Examples
    --------
    >>> level_of(1.2), level_of(4.6), level_of(6.1)
    (<Level.AWARENESS: 1>, <Level.PRACTITIONER: 3>, <Level.EXPERT: 4>)
    """
    return _LEVELS_AT[bisect.bisect_right(_LIMITS, value)]


_LIMITS = tuple(limit for limit, _ in LEVELS)
_LEVELS_AT = (*(level for _, level in LEVELS), Level.EXPERT)  # by how many limits are passed


def load(
    path: str | os.PathLike[str],
    *,
    soc_prefix: str | Iterable[str] | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> Catalog:
    """Return the occupations, skills, knowledge and technologies of O*NET as a catalog.

    Parameters
    ----------
    path : str or path
        A folder of the O*NET text files (``Occupation Data.txt``,
        ``Skills.txt``, ``Knowledge.txt``, ``Technology Skills.txt``,
        ``Alternate Titles.txt``), or a zip of them. Only Occupation Data is
        required.
    soc_prefix : str, iterable of str or None, optional (default = None)
        Keep only occupations whose O*NET-SOC code starts with one of these
        (``"15-"`` keeps computer and mathematical occupations). Skills and
        tools are kept when a kept occupation requires them.
    progress : callable or None, optional (default = None)
        Called as ``progress(file name, share read)`` while files are read.

    Returns
    -------
    Catalog
        Named ``"O*NET"``.

    Raises
    ------
    CatalogError
        If Occupation Data is missing, a required column is missing or a row
        is malformed (file and line named), or a rating is not a number.

    Warns
    -----
    DataWarning
        For each kind of rating or row not imported, with counts and lines.
    """
    prefixes = (soc_prefix,) if isinstance(soc_prefix, str) else tuple(soc_prefix or ())
    with Source(path, progress) as source, paused_gc():
        occupations = _occupations(source)
        aliases = _aliases(source, occupations)
        parents = _parents(source)
        elements: dict[str, Skill] = {}
        # occupation -> element id or tool id -> requirement, in the order first read
        requirements: dict[str, dict[str, Requirement]] = {code: {} for code in occupations}
        for name, kind in (("Skills.txt", "skills"), ("Knowledge.txt", "knowledge")):
            found = source.find(name)
            if found is not None:
                _ratings(
                    source,
                    found,
                    kind=kind,
                    parents=parents,
                    elements=elements,
                    requirements=requirements,
                )
        tools = _technology(source, requirements)
        kept = [code for code in occupations if code.startswith(prefixes) or not prefixes]
        roles = [
            unchecked(
                Role,
                id=f"onet/{code}",
                name=title,
                summary=description,
                why="",
                responsibilities=(),
                requirements=tuple(requirements[code].values()),
                family="",
                aliases=aliases.get(code, ()),
                external_ids=FrozenDict({"onet": code}),
                sources=_SOURCES,
            )
            for code in kept
            for title, description in [occupations[code]]
        ]
        used = {o for r in roles for q in r.requirements for o in q.options}
        return Catalog(
            name="O*NET",
            version="29.2/29.3",
            roles=roles,
            skills=[s for s in elements.values() if s.id in used],
            tools=[t for t in tools.values() if t.id in used],
        )


_SOURCES = ("O*NET 29.2/29.3 Database, USDOL/ETA (CC BY 4.0)",)


def _occupations(source: Source) -> dict[str, tuple[str, str]]:
    name = source.require("Occupation Data.txt")
    result = {}
    for row in source.rows(name, delimiter="\t", required=(_CODE, "Title", "Description")):
        code = row[_CODE]
        if not code or not row["Title"]:
            raise CatalogError([f"{row.file}:{row.line}: an occupation without a code or a title"])
        problem = id_problem(code) or label_problem(row["Title"])
        if problem is not None:
            column = "Title" if id_problem(code) is None else _CODE
            raise CatalogError([f"{row.file}:{row.line}: {column}: {problem}"])
        result[code] = (row["Title"], row["Description"].strip())
    return result


def _aliases(source: Source, occupations: dict[str, tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    name = source.find("Alternate Titles.txt")
    if name is None:
        return {}
    found: dict[str, dict[str, None]] = {}  # occupation -> its titles as written, in order
    unknown: list[int] = []
    _, records = source.records(name, (_CODE, "Alternate Title", "Short Title"), delimiter="\t")
    for line, (code, alternate, short) in records:
        titles = found.get(code)
        if titles is None:
            if code not in occupations:
                unknown.append(line)
                continue
            titles = found[code] = {}
        titles[alternate] = None
        titles[short] = None
    report(name, unknown, "titles of occupations missing from Occupation Data; skipped")
    result = {}
    for code, titles in found.items():
        own = occupations[code][0].casefold()
        stripped = (title.strip() for title in titles)
        kept = (t for t in stripped if t and t != "n/a" and t.casefold() != own)
        result[code] = tuple(dict.fromkeys(kept))
    return result


def _parents(source: Source) -> dict[str, tuple[str, str]]:
    """Element id -> (name, description), from the content model."""
    name = source.find("Content Model Reference.txt")
    if name is None:
        return {}
    columns = ("Element ID", "Element Name", "Description")
    return {
        row["Element ID"]: (row["Element Name"], row["Description"])
        for row in source.rows(name, delimiter="\t", required=columns)
    }


def _ratings(
    source: Source,
    name: str,
    *,
    kind: str,
    parents: dict[str, tuple[str, str]],
    elements: dict[str, Skill],
    requirements: dict[str, dict[str, Requirement]],
) -> None:
    """Turn the IM and LV ratings of each occupation and element into a requirement."""
    columns = (
        _CODE,
        "Element ID",
        "Element Name",
        "Scale ID",
        "Data Value",
        "Recommend Suppress",
        "Not Relevant",
    )
    label, records = source.records(name, columns, delimiter="\t")
    unpaired: list[int] = []
    repeated: list[int] = []
    suppressed: list[int] = []
    irrelevant: list[int] = []
    unknown: dict[tuple[str, str], int] = {}  # (occupation, element) -> first line
    made: dict[tuple[str, Level, float], Requirement] = {}
    for line, im, lv_line, lv in _pairs(records, unpaired, repeated):
        code, element = im[0], im[1]
        needs = requirements.get(code)
        if needs is None:  # counted in pairs, like the flags
            unknown.setdefault((code, element), line)
            continue
        if element not in elements:
            elements[element] = _element(label, line, im, kind, parents)
        try:
            importance, level = float(im[4]), float(lv[4])
        except ValueError:
            importance = level = math.nan
        if not (1 <= importance <= 5 and 0 <= level <= 7):
            raise _out_of_scale(label, (line, im[4], 1, 5), (lv_line, lv[4], 0, 7))
        if lv[6] == "Y":  # the LV row says Not Relevant
            irrelevant.append(line)
            continue
        if im[5] == "Y" or lv[5] == "Y":  # Recommend Suppress
            suppressed.append(line)
            continue
        key = (element, _LEVELS_AT[bisect.bisect_right(_LIMITS, level)], importance)
        requirement = made.get(key)
        if requirement is None:  # immutable: one object serves every occupation
            requirement = made[key] = unchecked(
                Requirement,
                options=(f"onet/{element}",),
                level=key[1],
                essential=importance >= 3,  # "important" on O*NET's 1-5 scale
                importance=importance / 5,
            )
        if element in needs:
            repeated.append(line)
        needs[element] = requirement
    for lines, what in (
        (irrelevant, "ratings marked Not Relevant; not imported"),
        (suppressed, "ratings marked Recommend Suppress (too imprecise); not imported"),
        (unpaired, "ratings without their importance or level pair; not imported"),
        (repeated, "ratings repeat an occupation and element rated before; the last is kept"),
        (list(unknown.values()), "ratings of occupations missing from Occupation Data; skipped"),
    ):
        report(name, sorted(lines), what)


_Rating = tuple[str, ...]


def _pairs(
    records: Iterable[tuple[int, _Rating]], unpaired: list[int], repeated: list[int]
) -> Iterator[tuple[int, _Rating, int, _Rating]]:
    """Yield ``(line, IM row, line, LV row)`` for each occupation and element rated on both.

    O*NET lists each IM row just before its LV row, so rows are taken two at
    a time; rows out of that order are matched by occupation and element at
    the end. Rows of other scales are passed over. Lines of rows left
    without their pair go to `unpaired`; of rows rated twice, to `repeated`.
    """
    loose: dict[str, dict[tuple[str, str], tuple[int, _Rating]]] = {"IM": {}, "LV": {}}
    rows = iter(records)
    for first, second in itertools.zip_longest(rows, rows):
        if second is not None:
            (line, im), (lv_line, lv) = first, second
            if im[3] == "IM" and lv[3] == "LV" and im[0] == lv[0] and im[1] == lv[1]:
                yield line, im, lv_line, lv
                continue
        for numbered in (first, second):
            if numbered is not None and numbered[1][3] in loose:
                scaled = loose[numbered[1][3]]
                key = (numbered[1][0], numbered[1][1])
                if key in scaled:
                    repeated.append(scaled[key][0])
                scaled[key] = numbered
    for key, (line, im) in loose["IM"].items():
        paired = loose["LV"].pop(key, None)
        if paired is None:
            unpaired.append(line)
        else:
            yield line, im, *paired
    unpaired.extend(line for line, _ in loose["LV"].values())


def _element(
    label: str, line: int, rating: _Rating, kind: str, parents: dict[str, tuple[str, str]]
) -> Skill:
    """Return the skill a rating's element stands for; raise `CatalogError` if it cannot be one."""
    element, element_name = rating[1], rating[2]
    problem = id_problem(element) or label_problem(element_name)
    if problem is not None:
        column = "Element ID" if id_problem(element) else "Element Name"
        raise CatalogError([f"{label}:{line}: {column}: {problem}"])
    return Skill(
        id=f"onet/{element}",
        name=element_name,
        category=parents.get(element.rsplit(".", 1)[0], (kind, ""))[0],
        description=parents.get(element, ("", ""))[1],
        hours=HOURS,
        external_ids={"onet": element},
    )


def _out_of_scale(label: str, *ratings: tuple[int, str, int, int]) -> CatalogError:
    """Return the error for the first rating ``(line, Data Value, low, high)`` off its scale."""
    for line, value, low, high in ratings:
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not low <= number <= high:
            problem = f"Data Value {value!r} is not a number from {low} to {high}"
            return CatalogError([f"{label}:{line}: {problem}"])
    raise AssertionError  # pragma: no cover (called only when one is off its scale)


def _technology(source: Source, requirements: dict[str, dict[str, Requirement]]) -> dict[str, Tool]:
    name = source.find("Technology Skills.txt")
    if name is None:
        return {}
    columns = (_CODE, "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand")
    tools: dict[str, Tool] = {}
    tool_ids: dict[str, str] = {}  # the example as written -> its tool's id
    made: dict[tuple[str, str], Requirement] = {}
    repeated: list[int] = []
    unknown: list[int] = []
    label, records = source.records(name, columns, delimiter="\t")
    for line, (code, raw_example, commodity, commodity_title, hot, in_demand) in records:
        needs = requirements.get(code)
        if needs is None:
            unknown.append(line)
            continue
        tool_id = tool_ids.get(raw_example)
        if tool_id is None:  # a technology met for the first time
            example = raw_example.strip()
            problem = label_problem(example)
            if problem is not None:
                raise CatalogError([f"{label}:{line}: Example: {problem}"])
            name_slug = slug(example)
            tool_id = tool_ids[raw_example] = "onet-tech/" + name_slug
            if tool_id not in tools:
                tools[tool_id] = unchecked(
                    Tool,
                    id=tool_id,
                    name=example,
                    category=commodity_title,
                    description="",
                    prerequisites=(),
                    hours=HOURS,
                    aliases=(),
                    external_ids=FrozenDict(
                        {
                            "onet": "tech/" + name_slug,  # what Catalog.merge links by
                            "onet.commodity": commodity,
                            "onet.hot_technology": hot,
                        }
                    ),
                    kind="software",
                    skills=(),
                )
        if tool_id in needs:
            repeated.append(line)
            continue
        requirement = made.get((tool_id, in_demand))
        if requirement is None:  # immutable: one object serves every occupation
            requirement = made[tool_id, in_demand] = unchecked(
                Requirement,
                options=(tool_id,),
                level=Level.WORKING,
                essential=False,
                importance=IN_DEMAND_IMPORTANCE if in_demand == "Y" else TECHNOLOGY_IMPORTANCE,
            )
        needs[tool_id] = requirement
    what = "technologies listed again for an occupation (another commodity); kept once"
    report(name, repeated, what)
    report(name, unknown, "rows of occupations missing from Occupation Data; skipped")
    return tools
