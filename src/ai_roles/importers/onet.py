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

import os
from collections.abc import Callable, Iterable

from ai_roles.exceptions import CatalogError
from ai_roles.importers._source import Source, label_problem, report, slug
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
    for limit, level in LEVELS:
        if value < limit:
            return level
    return Level.EXPERT


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
    with Source(path, progress) as source:
        occupations = _occupations(source)
        aliases = _aliases(source, occupations)
        parents = _parents(source)
        elements: dict[str, Skill] = {}
        requirements: dict[str, list[Requirement]] = {code: [] for code in occupations}
        for name, kind in (("Skills.txt", "skills"), ("Knowledge.txt", "knowledge")):
            found = source.find(name)
            if found is not None:
                _ratings(
                    source,
                    found,
                    kind=kind,
                    occupations=occupations,
                    parents=parents,
                    elements=elements,
                    requirements=requirements,
                )
        tools = _technology(source, occupations, requirements)
    kept = [code for code in occupations if code.startswith(prefixes) or not prefixes]
    roles = [
        Role(
            id=f"onet/{code}",
            name=title,
            summary=description,
            aliases=aliases.get(code, ()),
            external_ids={"onet": code},
            sources=("O*NET 29.2/29.3 Database, USDOL/ETA (CC BY 4.0)",),
            requirements=requirements[code],
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


def _occupations(source: Source) -> dict[str, tuple[str, str]]:
    name = source.require("Occupation Data.txt")
    result = {}
    for row in source.rows(name, delimiter="\t", required=(_CODE, "Title", "Description")):
        code = row[_CODE]
        if not code or not row["Title"]:
            raise CatalogError([f"{row.file}:{row.line}: an occupation without a code or a title"])
        problem = label_problem(row["Title"])
        if problem is not None:
            raise CatalogError([f"{row.file}:{row.line}: Title: {problem}"])
        result[code] = (row["Title"], row["Description"].strip())
    return result


def _aliases(source: Source, occupations: dict[str, tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    name = source.find("Alternate Titles.txt")
    if name is None:
        return {}
    found: dict[str, dict[str, None]] = {}
    unknown: list[int] = []
    _, records = source.records(name, (_CODE, "Alternate Title", "Short Title"), delimiter="\t")
    for line, (code, alternate, short) in records:
        if code not in occupations:
            unknown.append(line)
            continue
        titles = found.setdefault(code, {})
        for title in (alternate, short):
            if title and title != "n/a" and title.casefold() != occupations[code][0].casefold():
                titles.setdefault(title.strip(), None)
    report(name, unknown, "titles of occupations missing from Occupation Data; skipped")
    return {code: tuple(titles) for code, titles in found.items()}


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


def _number(value: str, file: str, line: int) -> float:
    try:
        return float(value)
    except ValueError:
        raise CatalogError([f"{file}:{line}: Data Value {value!r} is not a number"]) from None


def _ratings(
    source: Source,
    name: str,
    *,
    kind: str,
    occupations: dict[str, tuple[str, str]],
    parents: dict[str, tuple[str, str]],
    elements: dict[str, Skill],
    requirements: dict[str, list[Requirement]],
) -> None:
    """Pair the IM and LV ratings of each occupation and element into requirements."""
    columns = (
        _CODE,
        "Element ID",
        "Element Name",
        "Scale ID",
        "Data Value",
        "Recommend Suppress",
        "Not Relevant",
    )
    # (occupation, element) -> (value, Recommend Suppress, Not Relevant, line), per scale
    ratings: dict[str, dict[tuple[str, str], tuple[float, bool, bool, int]]] = {"IM": {}, "LV": {}}
    unknown_pairs: dict[tuple[str, str], int] = {}  # (occupation, element) -> first line
    label, records = source.records(name, columns, delimiter="\t")
    for line, (code, element, element_name, scale, value, suppress, relevance) in records:
        scaled = ratings.get(scale)
        if scaled is None:
            continue
        if code not in occupations:  # counted in pairs, like the other flags
            unknown_pairs.setdefault((code, element), line)
            continue
        if element not in elements:
            problem = label_problem(element_name) if element else "an empty Element ID"
            if problem is not None:
                raise CatalogError([f"{label}:{line}: Element: {problem}"])
            parent = parents.get(element.rsplit(".", 1)[0], (kind, ""))[0]
            elements[element] = Skill(
                id=f"onet/{element}",
                name=element_name,
                category=parent,
                description=parents.get(element, ("", ""))[1],
                hours=HOURS,
                external_ids={"onet": element},
            )
        scaled[code, element] = (
            _number(value, label, line),
            suppress == "Y",
            relevance == "Y",  # "Not Relevant" = Y
            line,
        )
    suppressed: list[int] = []
    irrelevant: list[int] = []
    made: dict[tuple[str, Level, float], Requirement] = {}
    levels = ratings["LV"]
    unpaired = [rating[3] for pair, rating in levels.items() if pair not in ratings["IM"]]
    for (code, element), (importance, im_suppressed, _, line) in ratings["IM"].items():
        paired = levels.get((code, element))
        if paired is None:
            unpaired.append(line)
            continue
        level, lv_suppressed, not_relevant, _ = paired
        if not_relevant:
            irrelevant.append(line)
        elif im_suppressed or lv_suppressed:
            suppressed.append(line)
        else:
            key = (element, level_of(level), importance)
            requirement = made.get(key)
            if requirement is None:  # immutable: one object serves every occupation
                requirement = made[key] = Requirement(
                    options=(f"onet/{element}",),
                    level=key[1],
                    essential=importance >= 3,  # "important" on O*NET's 1-5 scale
                    importance=min(1.0, max(importance, 1.0) / 5),
                )
            requirements[code].append(requirement)
    for lines, what in (
        (irrelevant, "ratings marked Not Relevant; not imported"),
        (suppressed, "ratings marked Recommend Suppress (too imprecise); not imported"),
        (unpaired, "ratings without their importance or level pair; not imported"),
        (
            list(unknown_pairs.values()),
            "ratings of occupations missing from Occupation Data; skipped",
        ),
    ):
        report(name, sorted(lines), what)


def _technology(
    source: Source,
    occupations: dict[str, tuple[str, str]],
    requirements: dict[str, list[Requirement]],
) -> dict[str, Tool]:
    name = source.find("Technology Skills.txt")
    if name is None:
        return {}
    columns = (_CODE, "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand")
    tools: dict[str, Tool] = {}
    tool_ids: dict[str, str] = {}  # the example as written -> its tool's id
    made: dict[tuple[str, bool], Requirement] = {}
    seen: set[tuple[str, str]] = set()
    repeated: list[int] = []
    unknown: list[int] = []
    label, records = source.records(name, columns, delimiter="\t")
    for line, (code, raw_example, commodity, commodity_title, hot, in_demand) in records:
        if code not in occupations:
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
                tools[tool_id] = Tool(
                    id=tool_id,
                    name=example,
                    kind="software",
                    category=commodity_title,
                    hours=HOURS,
                    external_ids={
                        "onet": "tech/" + name_slug,  # what Catalog.merge links by
                        "onet.commodity": commodity,
                        "onet.hot_technology": hot,
                    },
                )
        if (code, tool_id) in seen:
            repeated.append(line)
            continue
        seen.add((code, tool_id))
        key = (tool_id, in_demand == "Y")
        requirement = made.get(key)
        if requirement is None:  # immutable: one object serves every occupation
            requirement = made[key] = Requirement(
                options=(tool_id,),
                level=Level.WORKING,
                essential=False,
                importance=IN_DEMAND_IMPORTANCE if key[1] else TECHNOLOGY_IMPORTANCE,
            )
        requirements[code].append(requirement)
    what = "technologies listed again for an occupation (another commodity); kept once"
    report(name, repeated, what)
    report(name, unknown, "rows of occupations missing from Occupation Data; skipped")
    return tools
