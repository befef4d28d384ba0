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
an occupation's Job Zone (1-5)         `Role.seniority` (`JOB_ZONES`): 1-2 entry,
                                       3-5 mid; management occupations (SOC
                                       major group 11) lead; mid without a zone
an occupation's Task Statements        `Role.responsibilities`: the task texts,
                                       Core, then Supplemental, then the others
                                       (`TASK_TYPES`), each kind in file order
=====================================  =========================================

Ratings flagged *Recommend Suppress* (O*NET's advice: the estimate is too
imprecise to use) or *Not Relevant* are not imported; each kind is counted
in a `DataWarning`. Occupations without ratings (e.g. 15-2051.00 Data
Scientists in release 29.x) still come in, with their technology skills.
Job Zones measure the preparation an occupation needs, not how senior it
is, so they only tell entry-level occupations from the others; managers
are told apart by their SOC code (docs/onet.md gives the reasons). Task
statements are kept in O*NET's own order within each Task Type (not by Task
ID, which records when a task was written); a text listed twice for one
occupation is kept once.
Attribution: "O*NET 29.2/29.3 Database, USDOL/ETA", CC BY 4.0.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import os
import re
import types
from collections.abc import Callable, Iterable, Iterator, Mapping

from ai_roles._bulk import paused_gc, unchecked
from ai_roles._frozendict import FrozenDict
from ai_roles.exceptions import CatalogError
from ai_roles.importers._source import Source, id_problem, label_problem, report, slug
from ai_roles.model import Catalog, Level, Requirement, Role, Seniority, Skill, Tool

__all__ = [
    "HOURS",
    "IN_DEMAND_IMPORTANCE",
    "JOB_ZONES",
    "LEVELS",
    "MANAGEMENT",
    "TASK_TYPES",
    "TECHNOLOGY_IMPORTANCE",
    "load",
]

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

JOB_ZONES: Mapping[int, Seniority] = types.MappingProxyType(
    {
        1: Seniority.ENTRY,
        2: Seniority.ENTRY,
        3: Seniority.MID,
        4: Seniority.MID,
        5: Seniority.MID,
    }
)
"""The seniority of an occupation by its Job Zone (1-5), outside management.

Job Zones measure the preparation an occupation needs (education,
training, experience), not its rank: zones 1-2 (little or some
preparation) are entered from school or another field, zones 3-5 on the
skills that preparation gives. An occupation without a Job Zone is
`Seniority.MID`. See docs/onet.md.
"""

MANAGEMENT = "11-"
"""How the O*NET-SOC codes of management occupations (SOC major group 11) start.

Those with a Job Zone are `Seniority.LEAD`, whatever the zone: they lead
people or a function and are filled from the work they manage.
"""

TASK_TYPES = ("Core", "Supplemental")
"""The Task Types an occupation's responsibilities list first, in this order.

Core tasks are critical to the occupation, Supplemental ones less relevant
or less important; tasks of any other type (``n/a``: tasks an analyst wrote,
which incumbents have not rated) come after them. Within each kind the tasks
keep the order of ``Task Statements.txt``.
"""

_CODE = "O*NET-SOC Code"
_SOC = re.compile(r"\d\d-\d\d\d\d\.\d\d")


def level_of(value: float) -> Level:
    """Return the level an O*NET level rating (0-7) stands for (`LEVELS`).

    Examples
    --------
    >>> level_of(1.2), level_of(4.6), level_of(6.1)
    (<Level.AWARENESS: 1>, <Level.PRACTITIONER: 3>, <Level.EXPERT: 4>)
    """
    return _LEVELS_AT[_level_index(value)]


_LIMITS = tuple(limit for limit, _ in LEVELS)
_LEVELS_AT = (*(level for _, level in LEVELS), Level.EXPERT)  # by how many limits are passed
_level_index = functools.partial(bisect.bisect_right, _LIMITS)


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
        ``Alternate Titles.txt``, ``Job Zones.txt``, ``Task Statements.txt``),
        or a zip of them. Only Occupation Data is required; without Job Zones
        every role is `Seniority.MID`, without Task Statements every role's
        responsibilities are empty.
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
        For each kind of rating or row not imported, with counts and lines
        (Job Zones rows with a malformed code or a zone other than 1-5, and
        Task Statements rows with a malformed code, an empty task or a task
        listed again, included), and for tasks of an unknown Task Type.
    """
    prefixes = (soc_prefix,) if isinstance(soc_prefix, str) else tuple(soc_prefix or ())
    with Source(path, progress) as source, paused_gc():
        occupations = _occupations(source)
        aliases = _aliases(source, occupations)
        parents = _parents(source)
        elements: dict[str, Skill] = {}
        # occupation -> element id or tool id -> requirement: skills, knowledge, technologies
        requirements: dict[str, dict[str, Requirement]] = {code: {} for code in occupations}
        for name, kind in (("Skills.txt", "skills"), ("Knowledge.txt", "knowledge")):
            found = source.find(name)
            if found is not None:
                rated = _ratings(
                    source,
                    found,
                    kind=kind,
                    occupations=occupations,
                    parents=parents,
                    elements=elements,
                )
                _join(requirements, rated)
        tools = _technology(source, requirements)
        seniority = _seniority(source, occupations)
        tasks = _tasks(source, occupations)
        kept = [code for code in occupations if code.startswith(prefixes) or not prefixes]
        roles = [
            unchecked(
                Role,
                id=f"onet/{code}",
                name=title,
                summary=description,
                why="",
                responsibilities=tasks.get(code, ()),
                requirements=tuple(requirements[code].values()),
                family="",
                aliases=aliases.get(code, ()),
                external_ids=FrozenDict.of_sorted({"onet": code}),
                sources=_SOURCES,
                seniority=seniority.get(code, Seniority.MID),
                experience=(),
            )
            for code in kept
            for title, description in [occupations[code]]
        ]
        used = set(_options(roles))
        return Catalog(
            name="O*NET",
            version="29.2/29.3",
            roles=roles,
            skills=[s for s in elements.values() if s.id in used],
            tools=[t for t in tools.values() if t.id in used],
        )


_SOURCES = ("O*NET 29.2/29.3 Database, USDOL/ETA (CC BY 4.0)",)


def _options(roles: Iterable[Role]) -> Iterator[str]:
    """Yield the options of every requirement of `roles` (in C: there are tens of thousands)."""
    requirements = itertools.chain.from_iterable(map(operator.attrgetter("requirements"), roles))
    return itertools.chain.from_iterable(map(operator.attrgetter("options"), requirements))


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
    columns = (_CODE, "Alternate Title", "Short Title")
    _, (at_code, at_alternate, at_short), rows = source.table(name, columns, delimiter="\t")
    for line, row in rows:
        titles = found.get(row[at_code])
        if titles is None:
            if row[at_code] not in occupations:
                unknown.append(line)
                continue
            titles = found[row[at_code]] = {}
        titles[row[at_alternate]] = None
        titles[row[at_short]] = None
    report(name, unknown, "titles of occupations missing from Occupation Data; skipped")
    result = {}
    for code, titles in found.items():
        kept = dict.fromkeys(map(str.strip, titles))
        kept.pop("", None)
        kept.pop("n/a", None)
        own = occupations[code][0].casefold()
        if own in map(str.casefold, kept):  # the occupation's own title, listed again
            result[code] = tuple(t for t in kept if t.casefold() != own)
        else:
            result[code] = tuple(kept)
    return result


_ZONES = {str(zone): seniority for zone, seniority in JOB_ZONES.items()}  # as the file writes them


def _seniority(source: Source, occupations: dict[str, tuple[str, str]]) -> dict[str, Seniority]:
    """Occupation -> seniority, from its Job Zone (`JOB_ZONES`, `MANAGEMENT`)."""
    name = source.find("Job Zones.txt")
    if name is None:
        return {}
    result: dict[str, Seniority] = {}
    read: dict[str, int] = {}  # occupation -> line of its zone
    bad_code: list[int] = []
    bad_zone: list[int] = []
    unknown: list[int] = []
    repeated: list[int] = []
    _, (at_code, at_zone), rows = source.table(name, (_CODE, "Job Zone"), delimiter="\t")
    for line, row in rows:
        code = row[at_code]
        if code not in occupations:
            (unknown if _SOC.fullmatch(code) else bad_code).append(line)
            continue
        seniority = _ZONES.get(row[at_zone])
        if seniority is None:
            bad_zone.append(line)
            continue
        before = read.setdefault(code, line)
        if before != line:
            repeated.append(before)
            read[code] = line
        result[code] = Seniority.LEAD if code.startswith(MANAGEMENT) else seniority
    for lines, what in (
        (bad_code, "rows with an O*NET-SOC code that is not one; skipped"),
        (bad_zone, "rows with a Job Zone other than 1-5; skipped"),
        (unknown, "job zones of occupations missing from Occupation Data; skipped"),
        (repeated, "job zones given again for the same occupation; the last is kept"),
    ):
        report(name, lines, what)
    return result


_TASK_KIND = {kind: rank for rank, kind in enumerate(TASK_TYPES)} | {"n/a": 2, "": 2}
"""Task Type -> the rank of its kind; ``n/a`` and empty are missing values (any other type
ranks 2 too, and is reported)."""


def _tasks(source: Source, occupations: dict[str, tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """Occupation -> its task statements: Core, Supplemental, then the others (`TASK_TYPES`).

    Within each kind the tasks keep their order in the file. Texts are
    stripped; a text given again for an occupation is kept once, where it
    comes first in that order (a Core listing before a Supplemental one).
    """
    name = source.find("Task Statements.txt")
    if name is None:
        return {}
    # occupation -> one dict per kind: stripped text -> line, in file order
    found: dict[str, tuple[dict[str, int], dict[str, int], dict[str, int]]] = {}
    bad_code: list[int] = []
    unknown: list[int] = []
    empty: list[int] = []
    odd_type: list[int] = []
    repeated: list[int] = []
    kind_of = _TASK_KIND.get
    _, (at_code, at_task, at_type), rows = source.table(
        name, (_CODE, "Task", "Task Type"), delimiter="\t"
    )
    for line, row in rows:
        kinds = found.get(row[at_code])
        if kinds is None:
            code = row[at_code]
            if code not in occupations:
                (unknown if _SOC.fullmatch(code) else bad_code).append(line)
                continue
            kinds = found[code] = ({}, {}, {})
        text = row[at_task].strip()
        if not text or text == "n/a":
            empty.append(line)
            continue
        rank = kind_of(row[at_type])
        if rank is None:
            odd_type.append(line)
            rank = 2
        if kinds[rank].setdefault(text, line) != line:
            repeated.append(line)
    result = {}
    for code, kinds in found.items():
        kept = dict.fromkeys(itertools.chain.from_iterable(kinds))
        result[code] = tuple(kept)
        if len(kept) != sum(map(len, kinds)):  # a text listed under two kinds
            seen: set[str] = set()
            for kind in kinds:
                repeated += [line for text, line in kind.items() if text in seen]
                seen.update(kind)
    for lines, what in (
        (bad_code, "rows with an O*NET-SOC code that is not one; skipped"),
        (unknown, "tasks of occupations missing from Occupation Data; skipped"),
        (empty, "rows with an empty Task; skipped"),
        (sorted(repeated), "tasks listed again for an occupation; kept once"),
        (odd_type, "tasks with a Task Type other than Core, Supplemental or n/a; listed last"),
    ):
        report(name, lines, what)
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
    occupations: Iterable[str],
    parents: dict[str, tuple[str, str]],
    elements: dict[str, Skill],
) -> _Ratings:
    """Turn the IM and LV ratings of each occupation and element into a requirement.

    O*NET lists each IM row just before the LV row of the same occupation and
    element, so each LV row is paired with the row before it. Rows out of
    that order wait aside, with any later rows of their occupation and
    element, and are paired in file order at the end: the first IM row of an
    occupation and element with its first LV row, and so on. A pair rated
    again replaces the one before it (the pair last in the file is kept).
    New elements go into `elements`.
    """
    label, at, rows = source.table(name, _RATING_COLUMNS, delimiter="\t")
    ratings = _Ratings(label, at, kind, parents, elements, occupations)
    take, put_aside = ratings.take, ratings.put_aside
    aside_im, aside_lv = ratings.aside["IM"], ratings.aside["LV"]
    at_code, at_element, _, at_scale, *_ = at
    waiting: _Numbered | None = None  # the IM row just read
    for numbered in rows:
        row = numbered[1]
        if row[at_scale] == "IM":
            if waiting is not None:
                put_aside(waiting)
            waiting = numbered
        elif (
            waiting is not None
            and row[at_scale] == "LV"
            and waiting[1][at_code] == row[at_code]
            and waiting[1][at_element] == row[at_element]
        ):
            if (aside_im or aside_lv) and ratings.waits_aside(row):  # pair in file order
                put_aside(waiting)
                put_aside(numbered)
            else:
                take(waiting, numbered)
            waiting = None
        else:
            put_aside(numbered)
    if waiting is not None:
        put_aside(waiting)
    ratings.pair_aside()
    forgotten = ratings.forgotten  # pairs a later pair replaced: counted as repeated only
    for lines, what in (
        (
            [line for line in ratings.irrelevant if line not in forgotten],
            "ratings marked Not Relevant; not imported",
        ),
        (
            [line for line in ratings.suppressed if line not in forgotten],
            "ratings marked Recommend Suppress (too imprecise); not imported",
        ),
        (ratings.unpaired, "ratings without their importance or level pair; not imported"),
        (
            ratings.repeated,
            "ratings repeated later for the same occupation and element; the last is kept",
        ),
        (
            list(ratings.unknown.values()),
            "ratings of occupations missing from Occupation Data; skipped",
        ),
    ):
        report(name, sorted(lines), what)
    return ratings


def _join(requirements: dict[str, dict[str, Requirement]], rated: _Ratings) -> None:
    """Add the requirements of one ratings file to each occupation's.

    Raises
    ------
    CatalogError
        If the file rates an element an earlier file rated for the same
        occupation (each element belongs to one file of the content model).
    """
    for code, needs in rated.requirements.items():
        if needs:
            held = requirements[code]
            if not held.keys().isdisjoint(needs):
                element = next(e for e in needs if e in held)
                line = rated.taken[code][element]
                problem = f"element {element} of {code} is rated in an earlier file too"
                raise CatalogError([f"{rated.label}:{line}: {problem}"])
            held.update(needs)


_RATING_COLUMNS = (
    _CODE,
    "Element ID",
    "Element Name",
    "Scale ID",
    "Data Value",
    "Recommend Suppress",
    "Not Relevant",
)

_Numbered = tuple[int, list[str]]
"""A row of a ratings file, with its line."""


class _Ratings:
    """What the ratings of one file (Skills or Knowledge) become, pair by pair.

    Requirements go into `requirements` (occupation -> element ->
    requirement, in the order of the IM rows of the pairs kept) and new
    elements into `elements`; the lines of ratings not imported are kept, by
    reason, for the warnings.
    """

    def __init__(  # noqa: PLR0917 (all needed, all different)
        self,
        label: str,
        at: tuple[int, ...],
        kind: str,
        parents: dict[str, tuple[str, str]],
        elements: dict[str, Skill],
        occupations: Iterable[str],
    ) -> None:
        self.label, self.at, self.kind, self.parents = label, at, kind, parents
        self.elements = elements
        self.requirements: dict[str, dict[str, Requirement]] = {code: {} for code in occupations}
        self.made: dict[tuple[str, Level, float], Requirement] = {}
        self.irrelevant: list[int] = []
        self.suppressed: list[int] = []
        self.unpaired: list[int] = []
        self.repeated: list[int] = []
        self.unknown: dict[tuple[str, str], int] = {}  # (occupation, element) -> first line
        # occupation -> element -> line of the pair taken (a dict per occupation: no tuple keys)
        self.taken: dict[str, dict[str, int]] = {code: {} for code in self.requirements}
        self.forgotten: set[int] = set()  # lines of pairs a later pair replaced
        # scale -> (occupation, element) -> rows out of order, in file order
        self.aside: dict[str, dict[tuple[str, str], list[_Numbered]]] = {"IM": {}, "LV": {}}

    def take(self, numbered_im: _Numbered, numbered_lv: _Numbered) -> None:
        """Take the IM and LV ratings, each with its line, of one occupation and element."""
        (line, im), (lv_line, lv) = numbered_im, numbered_lv
        at_code, at_element, _, _, at_value, at_suppress, at_relevance = self.at
        code, element = im[at_code], im[at_element]
        needs = self.requirements.get(code)
        if needs is None:  # counted in pairs, like the flags
            self.unknown.setdefault((code, element), line)
            return
        if element not in self.elements:
            self.elements[element] = self._skill(numbered_im, numbered_lv)
        try:
            importance, level = float(im[at_value]), float(lv[at_value])
        except ValueError:
            importance = level = math.nan
        if not (1 <= importance <= 5 and 0 <= level <= 7):
            raise _out_of_scale(
                self.label, (line, im[at_value], 1, 5), (lv_line, lv[at_value], 0, 7)
            )
        taken = self.taken[code]  # element -> line of the pair taken
        before = taken.setdefault(element, line)
        if before != line:  # rated again; pairs come in file order, so this one stays
            self._forget(needs, element, before)
            taken[element] = line
        if lv[at_relevance] == "Y":  # the LV row says Not Relevant
            self.irrelevant.append(line)
            return
        if im[at_suppress] == "Y" or lv[at_suppress] == "Y":  # Recommend Suppress
            self.suppressed.append(line)
            return
        key = (element, _LEVELS_AT[_level_index(level)], importance)
        requirement = self.made.get(key)
        if requirement is None:  # immutable: one object serves every occupation
            requirement = self.made[key] = unchecked(
                Requirement,
                options=(f"onet/{element}",),
                level=key[1],
                essential=importance >= 3,  # "important" on O*NET's 1-5 scale
                importance=importance / 5,
            )
        needs[element] = requirement

    def _forget(self, needs: dict[str, Requirement], element: str, line: int) -> None:
        """Undo the pair taken from `line`: a pair later in the file rates its element again."""
        self.repeated.append(line)
        self.forgotten.add(line)
        needs.pop(element, None)

    def _skill(self, *numbered: _Numbered) -> Skill:
        """Return the skill the element of `numbered` rows stands for (named by the first).

        Raises
        ------
        CatalogError
            If a row's Element ID or Element Name cannot make one.
        """
        at_element, at_name = self.at[1], self.at[2]
        element, name = numbered[0][1][at_element], numbered[0][1][at_name]
        for line, rating in numbered:
            if id_problem(rating[at_element]) is not None:
                column, problem = "Element ID", id_problem(rating[at_element])
            else:
                column, problem = "Element Name", label_problem(rating[at_name])
            if problem is not None:
                raise CatalogError([f"{self.label}:{line}: {column}: {problem}"])
        return Skill(
            id=f"onet/{element}",
            name=name,
            category=self.parents.get(element.rsplit(".", 1)[0], (self.kind, ""))[0],
            description=self.parents.get(element, ("", ""))[1],
            hours=HOURS,
            external_ids={"onet": element},
        )

    def waits_aside(self, rating: list[str]) -> bool:
        """Whether a row of the occupation and element of `rating` waits aside."""
        key = (rating[self.at[0]], rating[self.at[1]])
        return key in self.aside["IM"] or key in self.aside["LV"]

    def put_aside(self, numbered: _Numbered) -> None:
        """Keep a row out of order for `pair_aside` (rows of other scales are passed over)."""
        at_code, at_element, _, at_scale, *_ = self.at
        rating = numbered[1]
        aside = self.aside.get(rating[at_scale])
        if aside is not None:
            aside.setdefault((rating[at_code], rating[at_element]), []).append(numbered)

    def pair_aside(self) -> None:
        """Take the rows put aside, paired in file order by occupation and element.

        Rows left without a pair are checked like the others and counted.
        """
        alone: list[_Numbered] = []
        paired: set[str] = set()  # occupations given pairs here, after the others
        for key, ims in self.aside["IM"].items():
            lvs = self.aside["LV"].pop(key, [])
            for im, lv in zip(ims, lvs, strict=False):
                self.take(im, lv)
                paired.add(key[0])
            alone += ims[len(lvs) :] + lvs[len(ims) :]
        for lvs in self.aside["LV"].values():
            alone += lvs
        for numbered in alone:
            self._alone(numbered)
        for code in paired & self.requirements.keys():  # back in the order of the IM rows
            needs, taken = self.requirements[code], self.taken[code]
            ordered = [
                (element, needs[element]) for element in sorted(needs, key=taken.__getitem__)
            ]
            needs.clear()
            needs.update(ordered)

    def _alone(self, numbered: _Numbered) -> None:
        """Check and count a rating left without its pair."""
        at_code, at_element, _, at_scale, at_value, *_ = self.at
        line, rating = numbered
        code, element = rating[at_code], rating[at_element]
        if code not in self.requirements:
            self.unknown.setdefault((code, element), line)
            return
        if element not in self.elements:
            self.elements[element] = self._skill(numbered)
        low, high = (1, 5) if rating[at_scale] == "IM" else (0, 7)
        try:
            number = float(rating[at_value])
        except ValueError:
            number = math.nan
        if not low <= number <= high:
            raise _out_of_scale(self.label, (line, rating[at_value], low, high))
        self.unpaired.append(line)


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


def _tool(tool_id: str, example: str, commodity: str, title: str, hot: str) -> Tool:
    """Return the tool of a Technology Skills example, first met in its commodity."""
    return unchecked(
        Tool,
        id=tool_id,
        name=example,
        category=title,
        description="",
        prerequisites=(),
        hours=HOURS,
        aliases=(),
        external_ids=FrozenDict.of_sorted(
            {  # in sorted order
                "onet": tool_id.replace("onet-tech/", "tech/", 1),  # what Catalog.merge links by
                "onet.commodity": commodity,
                "onet.hot_technology": hot,
            }
        ),
        kind="software",
        skills=(),
        related=(),
        replaces=(),
    )


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
    label, at, rows = source.table(name, columns, delimiter="\t")
    at_code, at_example, at_commodity, at_title, at_hot, at_demand = at
    for line, row in rows:
        needs = requirements.get(row[at_code])
        if needs is None:
            unknown.append(line)
            continue
        tool_id = tool_ids.get(row[at_example])
        if tool_id is None:  # a technology met for the first time
            example = row[at_example].strip()
            problem = label_problem(example)
            if problem is not None:
                raise CatalogError([f"{label}:{line}: Example: {problem}"])
            tool_id = tool_ids[row[at_example]] = "onet-tech/" + slug(example)
            if tool_id not in tools:
                tools[tool_id] = _tool(
                    tool_id, example, row[at_commodity], row[at_title], row[at_hot]
                )
        if tool_id in needs:
            repeated.append(line)
            continue
        in_demand = row[at_demand]
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
